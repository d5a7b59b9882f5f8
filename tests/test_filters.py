"""diplomap.query (untrusted query parsing), the filters' meaning (diplomap.explore.view,
through the exported rows) and safe exports (diplomap.explore.export)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from diplomap import query as Q
from diplomap import schema as S
from diplomap.explore import export as E
from diplomap.explore.store import Store
from diplomap.explore.view import View


def ids(df: pd.DataFrame) -> set[str]:
    return set(df[S.ARTICLE_ID])


def apply_filters(corpus, state: Q.FilterState):
    """The rows of the corpus's tables under `state`, as the View's masks select them."""
    return E.filtered_tables(View(Store.from_corpus(corpus), state))


# --- options -----------------------------------------------------------------------------


def test_filter_options(options):
    assert (options.year_min, options.year_max) == (2021, 2024)
    assert set(options.countries) == {"SYR", "IRN", "ISR", "USA", "SAU", "PSE"}
    assert options.countries["SYR"] == "Syria"
    assert list(options.languages) == ["ar", "fa", "ru", "en"]  # fixed order, not alphabetical
    assert options.issues["syria"] == "Syrian settlement"
    assert "" not in options.sources  # an empty source is not a choice


def test_labels_are_made_unique():
    assert Q.unique_labels({"A": "X", "B": "X", "C": "Y"}) == {
        "A": "X (A)",
        "B": "X (B)",
        "C": "Y",
    }


# --- parse_query -------------------------------------------------------------------------


def test_parse_query_reads_labels_and_codes(options):
    state, notes = Q.parse_query(
        {
            "year": ["2022", "2023"],
            "country": ["Syria", "irn"],
            "issue": "Syrian settlement",
            "lang": ["ar", "Persian"],
            "source": "TASS",
            "lavrov": "true",
        },
        options,
    )
    assert state == Q.FilterState(
        years=(2022, 2023),
        countries=("IRN", "SYR"),
        issues=("syria",),
        languages=("ar", "fa"),
        sources=("TASS",),
        lavrov_only=True,
    )
    assert notes == []


@pytest.mark.parametrize(
    ("params", "expected_note"),
    [
        ({"country": ["Narnia"]}, "country: ignored unknown countries 'Narnia'"),
        ({"country": ["<script>alert(1)</script>"]}, "<script>alert(1)</script>"),
        ({"year": ["99999"]}, "year: ignored impossible or malformed '99999'"),
        ({"year": ["abc"]}, "'abc'"),
        ({"lavrov": ["maybe"]}, "lavrov: ignored 'maybe'"),
        ({"utm_source": ["x"]}, "ignored unknown parameters 'utm_source'"),
        ({"issue": ["world peace"]}, "issue: ignored unknown issues 'world peace'"),
    ],
)
def test_parse_query_ignores_junk_with_a_note(options, params, expected_note):
    state, notes = Q.parse_query(params, options)
    assert state == Q.FilterState()
    assert any(expected_note in n for n in notes), notes


def test_parse_query_survives_a_flood(options):
    state, notes = Q.parse_query({"country": ["Syria"] * 10_000 + ["x" * 5000]}, options)
    assert state.countries == ("SYR",)
    assert any("only the first 200 of 10001 values" in n for n in notes)
    # notes stay short: long values are cut
    assert all(len(n) < 400 for n in notes)


def test_parse_query_lists_at_most_a_few_values(options):
    _, notes = Q.parse_query({"country": [f"junk{i}" for i in range(50)]}, options)
    assert notes == [
        "country: ignored unknown countries "
        + ", ".join(f"'junk{i}'" for i in range(8))
        + " and 42 more"
    ]


def test_parse_query_years(options):
    assert Q.parse_query({"year": ["2023", "2022"]}, options)[0].years == (2022, 2023)
    assert Q.parse_query({"year": "2022-2023"}, options)[0].years == (2022, 2023)
    # the full range is no restriction (keeps undated articles)
    assert Q.parse_query({"year": ["2021", "2024"]}, options)[0].years is None
    state, notes = Q.parse_query({"year": ["1990", "2022"]}, options)
    assert state.years == (2021, 2022)
    assert any("narrowed" in n for n in notes)
    state, notes = Q.parse_query({"year": ["1950", "1960"]}, options)
    assert state.years is None and any("outside the corpus" in n for n in notes)


def test_parse_query_never_raises_on_odd_values(options):
    class Weird(dict):
        def get(self, key, default=None):
            raise RuntimeError("boom")

    assert Q.parse_query(Weird(country="x"), options)[0] == Q.FilterState()
    assert Q.parse_query({"country": None, "year": []}, options) == (Q.FilterState(), [])
    assert Q.parse_query({}, Q.FilterOptions())[0] == Q.FilterState()
    state, notes = Q.parse_query({"year": "2020"}, Q.FilterOptions())
    assert state.years is None and notes


@pytest.mark.parametrize("with_labels", [True, False])
def test_to_query_round_trips(options, with_labels):
    state = Q.FilterState(
        years=(2022, 2023),
        countries=("IRN", "PSE"),
        issues=("gaza", "syria"),
        languages=("ru",),
        sources=("Reuters",),
        lavrov_only=True,
    )
    query = Q.to_query(state, options if with_labels else None)
    if with_labels:
        assert query["country"] == ["Iran", "Palestinian Territory"]
    else:
        assert query["country"] == ["IRN", "PSE"]
    assert Q.parse_query(query, options) == (state, [])
    assert Q.to_query(Q.FilterState()) == {}


def test_widget_values_round_trip(options):
    state = Q.FilterState(years=(2021, 2022), countries=("SYR",), lavrov_only=True)
    assert Q.state_from_widgets(Q.widget_values(state, options), options) == state
    assert Q.widget_values(Q.FilterState(), options)["year"] == (2021, 2024)
    # unknown codes from a stale widget are dropped
    assert Q.state_from_widgets({"country": ["XXX", "SYR"]}, options).countries == ("SYR",)


# --- the filters' meaning -----------------------------------------------------------------------


def test_no_filter_keeps_everything(corpus):
    view = apply_filters(corpus, Q.FilterState())
    for name in ("articles", "mentions", "issue_mentions", "statements"):
        assert len(getattr(view, name)) == len(getattr(corpus, name))


def test_year_range_drops_undated_articles(corpus):
    view = apply_filters(corpus, Q.FilterState(years=(2021, 2024)))
    assert ids(view.articles) == {"a1", "a2", "a3", "a4", "a5"}
    view = apply_filters(corpus, Q.FilterState(years=(2024, 2024)))
    assert ids(view.articles) == {"a4", "a5"}
    assert ids(view.statements) == {"a4", "a5"}


def test_country_filter(corpus):
    view = apply_filters(corpus, Q.FilterState(countries=("SYR",)))
    assert ids(view.articles) == {"a1", "a2", "a3"}
    # only the mentions of the selected country (its cities included)
    assert set(view.mentions[S.ISO3]) == {"SYR"}
    assert len(view.mentions) == 4
    assert set(view.mentions[S.PLACE]) == {"Syria", "Damascus"}
    # issue mentions of the kept articles
    assert ids(view.issue_mentions) == {"a1", "a2", "a3"}
    # statements whose sentence names Syria
    assert list(zip(view.statements[S.ARTICLE_ID], view.statements[S.SENTENCE], strict=True)) == [
        ("a1", 0),
        ("a2", 0),
        ("a3", 0),
    ]


def test_lavrov_only_changes_counts(corpus):
    everything = apply_filters(corpus, Q.FilterState(countries=("ISR",)))
    assert ids(everything.articles) == {"a1", "a4"}
    lavrov = apply_filters(corpus, Q.FilterState(countries=("ISR",), lavrov_only=True))
    # Lavrov never names Israel in these articles
    assert lavrov.articles.empty and lavrov.mentions.empty and lavrov.statements.empty
    all_iran = apply_filters(corpus, Q.FilterState(countries=("IRN",)))
    lav_iran = apply_filters(corpus, Q.FilterState(countries=("IRN",), lavrov_only=True))
    assert (len(all_iran.mentions), len(lav_iran.mentions)) == (3, 2)
    assert ids(lav_iran.articles) == {"a1", "a2"}
    assert lav_iran.mentions[S.LAVROV].all()


def test_issue_filter_and_combination(corpus):
    view = apply_filters(corpus, Q.FilterState(issues=("iran_nuclear",)))
    assert ids(view.articles) == {"a2", "a4"}
    assert set(view.issue_mentions[S.ISSUE]) == {"iran_nuclear"}
    # a4's Iran-nuclear term is not in Lavrov's sentence: its statement is not kept
    assert ids(view.statements) == {"a2"}
    both = apply_filters(corpus, Q.FilterState(issues=("syria",), countries=("IRN",)))
    assert ids(both.articles) == {"a1"}


def test_language_and_source_filters(corpus):
    assert ids(apply_filters(corpus, Q.FilterState(languages=("en",))).articles) == {"a4", "a5"}
    assert ids(apply_filters(corpus, Q.FilterState(sources=("TASS",))).articles) == {"a3"}
    view = apply_filters(corpus, Q.FilterState(languages=("ru",), sources=("SANA",)))
    assert view.articles.empty and view.mentions.empty and view.statements.empty


# --- exports -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x", "=HYPERLINK(evil)"],
)
def test_excel_safe_value_neutralises_formulas(value):
    assert E.excel_safe_value(value) == "'" + value


@pytest.mark.parametrize("value", ["Syria", "سوريا", " =1", "", "a=b", 5, -3.5, None])
def test_excel_safe_value_leaves_the_rest(value):
    assert E.excel_safe_value(value) == value


def test_csv_export_is_excel_safe(corpus):
    data = E.to_csv_bytes(corpus.articles)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Arabic right
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert "'=HYPERLINK(evil)" in set(back[S.SOURCE])
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in back.to_numpy().ravel())
    assert "سوريا" in data.decode("utf-8-sig")
    # numbers stay numbers
    frame = pd.DataFrame({"n": [-1, 2], "t": ["-1", "x"]})
    assert E.to_csv_bytes(frame).decode("utf-8-sig").splitlines() == ["n,t", "-1,'-1", "2,x"]


def test_parquet_export_round_trips(corpus):
    back = pd.read_parquet(io.BytesIO(E.to_parquet_bytes(corpus.mentions)))
    pd.testing.assert_frame_equal(back, corpus.mentions)


def test_md_escape():
    out = E.md_escape("<script>[x](http://e) *b*")
    assert "<" not in out and "](" not in out and "\\*b\\*" in out


def test_share_url_and_stale_widget_values(options):
    state = Q.FilterState(countries=("SYR",), lavrov_only=True)
    assert Q.share_url("", state, options) == "?country=Syria&lavrov=true"
    url = Q.share_url("http://h:1/map?old=1#x", state, options)
    assert url == "http://h:1/map?country=Syria&lavrov=true"
    stale = {"country": ["SYR", "XXX"], "lang": ["ar"], "year": (1990, 2030)}
    assert Q.stale_widget_values(stale, options) == {"country": ["SYR"], "year": (2021, 2024)}
    assert Q.differing_values({"lang": ["fa"]}, Q.FilterState(languages=("fa",)), options) == {}
