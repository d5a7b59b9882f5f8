"""diplomap.explore.aggregates (aggregations), article_html and charts (figures)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplomap import schema as S
from diplomap.corpus import Corpus, empty_corpus
from diplomap.explore import aggregates as A
from diplomap.explore import charts
from diplomap.explore.article_html import article_html
from diplomap.explore.store import Store
from diplomap.explore.view import View
from diplomap.query import FilterState
from diplomap.uploads import read_uploads


def view_of(corpus, state: FilterState | None = None) -> View:
    return View(Store.from_corpus(corpus), state or FilterState())


def statement_table(view: View) -> pd.DataFrame:
    return A.statement_frame(view, A.statement_order(view))


def search(view: View, query: str) -> pd.DataFrame:
    return A.statement_frame(view, A.search_order(view, A.statement_order(view), query))


@pytest.fixture
def view(corpus):
    return view_of(corpus)


# --- aggregates -------------------------------------------------------------------------------


def test_headline(view):
    assert A.headline(view) == {
        "articles": 6,
        "dated_articles": 5,
        "statements": 6,
        "mentions": 15,
        "countries": 6,
        "issues": 5,
        "languages": ["ar", "en", "fa", "ru"],
        "date_span": ("2021-03-05", "2024-11-02"),
    }


def test_date_coverage(view):
    cov = A.date_coverage(view)
    assert cov[["date_source", "articles"]].to_dict("records") == [
        {"date_source": "dateline", "articles": 5},
        {"date_source": "none", "articles": 1},
    ]


def test_country_counts(view):
    table = A.country_counts(view).set_index("iso3")
    assert table["mentions"].to_dict() == {
        "SYR": 4,
        "IRN": 3,
        "ISR": 2,
        "PSE": 2,
        "SAU": 2,
        "USA": 2,
    }
    assert table.loc["SYR", "articles"] == 3
    assert table.loc["SYR", "share"] == pytest.approx(3 / 6)
    # Lavrov sentences naming the country: a1, a2, a3 (Damascus is not in Lavrov's sentence)
    assert table.loc["SYR", "statements"] == 3
    assert table.loc["ISR", "statements"] == 0
    assert table.loc["SYR", "top_issues"].startswith("Syrian settlement")


def test_city_points_are_capped(view):
    pts = A.city_points(view)
    assert set(pts["place"]) == {"Damascus", "Gaza", "Riyadh"}
    assert len(A.city_points(view, top_n=2)) == 2


def test_articles_per_period(view):
    per = A.articles_per_period(view, "year")
    assert per["articles"].tolist() == [1, 1, 1, 2]
    assert per["statements"].tolist() == [1, 1, 1, 2]
    monthly = A.articles_per_period(view, "month")
    assert len(monthly) == 45  # March 2021 .. November 2024, empty months included
    assert monthly["articles"].sum() == 5


def test_mentions_per_period_by_country_and_normalised(view):
    long = A.mentions_per_period(view, "year", by="country", top=2)
    assert set(long["group"].astype(str)) == {"Syria", "Iran", "Other"}
    assert long["value"].sum() == 14  # 15 mentions, 1 in the undated article
    norm = A.mentions_per_period(view, "year", by="country", top=10, normalise=True)
    y2024 = norm[norm["period"] == pd.Timestamp("2024-01-01")]
    # 6 mentions in 2 articles published in 2024
    assert y2024["value"].sum() == pytest.approx(3.0)


def test_mentions_per_period_by_issue(view):
    long = A.mentions_per_period(view, "year", by="issue")
    got = {
        (p.year, str(g)): v
        for p, g, v in zip(long["period"], long["group"], long["value"], strict=True)
    }
    assert got[(2023, "Syrian settlement")] == 1
    assert got[(2024, "Gaza war and ceasefire")] == 1


def test_country_issue_matrix_and_cell_statements(view):
    m = A.country_issue_matrix(view)
    assert m.loc["SYR", "syria"] == 2
    assert m.loc["IRN", "iran_nuclear"] == 2  # a2 (Lavrov) and a4 (not Lavrov)
    cell = A.statements_for_cell(view, "IRN", "iran_nuclear")
    assert cell["article_id"].tolist() == ["a2"]  # only Lavrov's sentence is a statement
    assert A.statements_for_cell(view, "ISR", None).empty
    assert len(A.statements_for_cell(view, None, "syria")) == 2


def test_statement_table_and_search(view):
    table = statement_table(view)
    assert list(table.columns[:6]) == ["date", "language", "source", "countries", "issues", "text"]
    assert len(table) == 6
    row = table[table["article_id"] == "a1"].iloc[0]
    assert row["countries"] == "Syria, Iran" and row["issues"] == "Syrian settlement"
    assert row["language"] == "Arabic"
    assert pd.isna(table.iloc[-1]["date"])  # undated last
    assert search(view, "IRAN")["article_id"].tolist() == ["a1", "a2"]
    assert search(view, ".*").empty  # literal, not a regex
    assert len(search(view, "  ")) == 6


def test_filters_narrow_the_statement_table(corpus):
    lav = view_of(corpus, FilterState(countries=("IRN",), lavrov_only=True))
    table = statement_table(lav)
    # the Lavrov-only map's count for Iran equals the statements listed
    assert A.country_counts(lav).set_index("iso3").loc["IRN", "statements"] == len(table) == 2


# --- the highlighted article ---------------------------------------------------------------


def _article(text: str, lang: str, boiler=()) -> dict:
    return {
        S.TEXT: text,
        S.LANGUAGE: lang,
        S.TITLE: "<b>T</b>",
        S.BOILERPLATE: [list(b) for b in boiler],
    }


def _mentions(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[S.START, S.END, S.PLACE])


def _issues(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[S.START, S.END, S.ISSUE])


def _statements(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[S.START, S.END, S.KIND])


@pytest.mark.parametrize(
    ("lang", "text", "place", "direction"),
    [
        ("ar", "قال لافروف إن سوريا مهمة. <img src=x onerror=alert(1)> اقرأ أيضا", "سوريا", "rtl"),
        ("fa", "لاوروف گفت سوریه مهم است. <script>x</script> بیشتر بخوانید", "سوریه", "rtl"),
        ("ru", "Лавров заявил, что Сирия важна. <script>x</script> Читайте также", "Сирия", "ltr"),
        ("en", "Lavrov said Syria matters. <script>x</script> Read more", "Syria", "ltr"),
    ],
)
def test_article_html(lang, text, place, direction):
    s = text.index(place)
    first = text.index(".") + 1
    boiler_start = len(text) - 10
    html_out = article_html(
        _article(text, lang, [(boiler_start, len(text))]),
        _mentions([(s, s + len(place), "Syria")]),
        _issues([(0, 3, "syria")]),
        _statements([(0, first, "reported")]),
    )
    assert f'dir="{direction}"' in html_out
    assert f'title="Syria">{place}</span>' in html_out
    assert "dm-issue" in html_out and "dm-statement" in html_out
    assert f'<span class="dm-boiler">{text[boiler_start:]}</span>' in html_out
    # article text never becomes markup
    assert "<script>" not in html_out and "<img" not in html_out and "<b>T</b>" not in html_out
    assert "&lt;script&gt;" in html_out or "&lt;img" in html_out


def test_article_html_ignores_bad_spans():
    out = article_html(
        _article("abc", "en", [(5, 9), ("x", 1)]),
        _mentions([(2, 99, "X"), (-1, 1, "Y"), (0, 2, 'Q"><script>')]),
        _issues([(1, 3, "syria")]),  # overlaps the place: first wins
        _statements([]),
    )
    assert "<script>" not in out and "Q&quot;&gt;&lt;script&gt;" in out
    assert out.count("title=") == 1  # one mark


# --- charts ------------------------------------------------------------------------------------


def test_map_figure(view):
    countries = A.country_counts(view)
    fig = charts.map_figure(countries, A.city_points(view), measure="mentions")
    choro, cities = fig.data
    assert choro.type == "choropleth" and choro.locationmode == "ISO-3"
    assert list(choro.locations) == countries["iso3"].tolist()
    assert [c[0] for c in choro.customdata] == countries["iso3"].tolist()
    assert cities.type == "scattergeo" and len(cities.lat) == 3
    assert fig.layout.geo.resolution == 50
    share = charts.map_figure(countries, None, measure="share")
    assert max(share.data[0].z) == pytest.approx(50.0)  # percent


def test_map_hover_is_escaped():
    countries = pd.DataFrame(
        {
            "iso3": ["SYR"],
            "name": ["<img src=x onerror=alert(1)>"],
            "mentions": [1],
            "articles": [1],
            "share": [1.0],
            "statements": [0],
            "top_issues": ["<b>bold</b>"],
        }
    )
    cities = pd.DataFrame(
        {
            "place": ["<script>"],
            "iso3": ["SYR"],
            "lat": [1.0],
            "lon": [2.0],
            "mentions": [1],
            "articles": [1],
        }
    )
    fig = charts.map_figure(countries, cities)
    text = fig.to_json()
    assert "<img" not in text and "<script>" not in text and "<b>bold" not in text
    assert "&lt;img" in fig.data[0].text[0]


def test_map_json_stays_small_at_a_million_mentions():
    rng = np.random.default_rng(0)
    n = 1_000_000
    isos = np.array([f"C{i:02d}"[:1] + chr(65 + i % 26) + chr(65 + i // 26) for i in range(200)])
    city = rng.integers(0, 20_000, n)
    mentions = pd.DataFrame(
        {
            S.ARTICLE_ID: (np.arange(n) // 5).astype(str),
            S.START: 0,
            S.END: 1,
            S.SURFACE: "x",
            S.PLACE: pd.Categorical(np.char.add("city", city.astype(str))),
            S.PLACE_TYPE: pd.Categorical(np.where(city % 2 == 0, "city", "country")),
            S.ISO3: pd.Categorical(isos[city % 200]),
            S.LAT: (city % 90).astype(float),
            S.LON: (city % 180).astype(float),
            S.MATCH_KIND: "name",
            S.SENTENCE: 0,
            S.LAVROV: city % 3 == 0,
        }
    )
    articles = pd.DataFrame({S.ARTICLE_ID: np.unique(mentions[S.ARTICLE_ID])})
    none = empty_corpus()
    view = view_of(Corpus(articles, mentions, none.issue_mentions, none.statements))
    fig = charts.map_figure(A.country_counts(view), A.city_points(view, top_n=200))
    size = len(fig.to_json())
    assert size < 1_000_000, size
    assert len(fig.data[1].lat) == 200


def test_other_figures(view):
    per = A.articles_per_period(view, "month")
    assert [t.name for t in charts.timeline_figure(per).data] == [
        "Articles",
        "Place mentions",
        "Lavrov statements",
    ]
    long = A.mentions_per_period(view, "year", by="country", top=3)
    stacked = charts.stacked_figure(long, "year")
    assert [t.name for t in stacked.data] == ["Syria", "Iran", "Israel", "Other"]
    assert stacked.layout.barmode == "stack"
    m = A.country_issue_matrix(view)
    heat = charts.heatmap_figure(m, {"SYR": "Syria"}, {})
    assert heat.data[0].customdata[0][0] == ["SYR", "gaza"]
    bars = charts.bar_figure(A.top_countries(view), "name", "mentions")
    assert list(bars.data[0].y)[-1] == "Syria"  # largest on top
    assert len(charts.trend_figure(A.issue_trends(view)).data) == 5


def test_empty_inputs_give_a_message_not_an_error(corpus):
    empty = view_of(corpus, FilterState(sources=("nobody",)))
    for fig in (
        charts.timeline_figure(A.articles_per_period(empty)),
        charts.stacked_figure(A.mentions_per_period(empty)),
        charts.heatmap_figure(A.country_issue_matrix(empty), {}, {}),
        charts.bar_figure(A.top_countries(empty), "name", "mentions"),
        charts.trend_figure(A.issue_trends(empty)),
    ):
        assert fig.layout.annotations and not fig.data
    assert charts.map_figure(A.country_counts(empty), A.city_points(empty)).data == ()
    assert A.headline(empty)["articles"] == 0
    assert statement_table(empty).empty


def test_selection_readers():
    points = [
        {"location": "SYR", "point_index": 0},
        {"customdata": ["IRN"], "location": "IRN"},
        {"customdata": ["XXX"]},
        "junk",
        {"customdata": ["SYR", "gaza"]},
    ]
    assert charts.selected_countries(points, {"SYR", "IRN"}) == ["SYR", "IRN"]
    assert charts.selected_cells(points) == [("SYR", "gaza")]
    assert charts.selected_countries(None) == []


# --- uploads -----------------------------------------------------------------------------------


def test_read_uploads_reports_per_file():
    outcome = read_uploads(
        [
            ("a.txt", b"Sergey Lavrov said Syria and Iran must talk."),
            ("b.exe", b"MZ\x00\x00binary"),
            ("c.csv", b'text,date\n"Lavrov visited Riyadh, Saudi Arabia.",2024-01-02\n'),
        ]
    )
    assert isinstance(outcome.corpus, Corpus)
    report = outcome.report.set_index("file")
    assert report.loc["a.txt", "articles"] == 1
    assert report.loc["b.exe", "articles"] == 0 and report.loc["b.exe", "skipped"] >= 1
    assert report.loc["b.exe", "details"]
    assert len(outcome.corpus.articles) == report["articles"].sum()


def test_statement_page_labels_kind_and_evidence(view):
    page = A.statement_page(view, "", 1, 500)
    assert (page.found, page.total, page.page, page.pages) == (6, 6, 1, 1)
    row = page.table.set_index("article_id").loc["a5"]
    assert row["kind"] == "transcript answer"
    assert row["evidence"] == "speaker label in a transcript"
    assert page.table.iloc[-1]["date"] == "no date"
    small = A.statement_page(view, "", 99, 4)  # a page past the end: the last one
    assert (small.page, small.pages, small.first, len(small.table)) == (2, 2, 4, 2)


def test_every_kind_and_evidence_has_a_label():
    from diplomap.explore import labels as L

    assert set(S.STATEMENT_KINDS) <= set(L.KIND_LABELS)
    assert set(S.EVIDENCE_KINDS) <= set(L.EVIDENCE_LABELS)
    assert L.kind_label("answer") == "transcript answer"
    assert L.evidence_label("reference_chain") == "reference to him (the minister / he)"
