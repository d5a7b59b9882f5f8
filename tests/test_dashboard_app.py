"""Issue 11 through Streamlit's AppTest, per page: context kept when focusing, sources
and provenance on screen, links that carry the view, readable statements.

The bundled corpus is replaced by the synthetic one of conftest.py."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from apptest_run import run
from conftest import make_corpus
from streamlit.testing.v1 import AppTest

from diplomap import schema as S
from diplomap import session


@pytest.fixture(autouse=True)
def synthetic_corpus(monkeypatch, corpus):
    monkeypatch.setattr(session, "bundled_corpus", lambda: corpus)
    session._shared_store.clear()  # tests below vary the same articles' metadata
    return corpus


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def traces(at: AppTest, i: int = 0) -> list[dict]:
    return specs(at)[i]["data"]


def captions(at: AppTest) -> str:
    """The captions' text, Markdown escapes removed."""
    return re.sub(r"\\(.)", r"\1", "\n".join(c.value for c in at.caption))


def no_warnings(at: AppTest) -> None:
    assert not at.warning, [w.value for w in at.warning]


# --- context kept when focusing ---------------------------------------------------------------


def test_map_keeps_the_other_countries_and_highlights_the_chosen():
    at = run("map", {"country": "Iran"})
    choro = traces(at)[0]
    assert sorted(choro["locations"]) == ["IRN", "ISR", "PSE", "SAU", "SYR", "USA"]
    assert [choro["locations"][i] for i in choro["selectedpoints"]] == ["IRN"]
    outline = next(t for t in traces(at) if t.get("name") == "selected")
    assert outline["locations"] == ["IRN"]
    assert "Focused on Iran" in captions(at)
    no_warnings(at)


def test_focus_box_reflects_the_country_filter_and_a_map_click():
    at = run("map", {"country": "Iran"})
    assert at.selectbox(key="map_focus").value == "IRN"
    # a map click: the chart's selection event, then its callback
    at.multiselect(key="country").set_value(["SYR"]).run()
    assert at.selectbox(key="map_focus").value == "SYR"
    at.multiselect(key="country").set_value([]).run()
    assert at.selectbox(key="map_focus").value is None
    no_warnings(at)


def test_overview_rankings_keep_context():
    at = run(None, {"country": "Iran", "issue": "Syrian settlement"})
    countries, issues = specs(at)[1]["data"][0], specs(at)[2]["data"][0]
    assert "Iran" in countries["y"] and "Syria" in countries["y"] and len(countries["y"]) >= 3
    red = [
        y
        for y, c in zip(countries["y"], countries["marker"]["color"], strict=True)
        if c == "#b5362b"
    ]
    assert red == ["Iran"]
    red = [y for y, c in zip(issues["y"], issues["marker"]["color"], strict=True) if c == "#b5362b"]
    assert red == ["Syrian settlement"] and len(issues["y"]) >= 2


@pytest.fixture
def with_russia(monkeypatch):
    corpus = make_corpus()
    extra = corpus.mentions.iloc[[0]].copy()
    extra[[S.ISO3, S.PLACE, S.SURFACE]] = ["RUS", "Russia", "روسيا"]
    for _ in range(5):
        corpus.mentions.loc[len(corpus.mentions)] = extra.iloc[0]
    monkeypatch.setattr(session, "bundled_corpus", lambda: corpus)
    return corpus


def test_russia_left_out_of_the_scale_is_grey_with_a_note(with_russia):
    at = run("map")
    assert at.toggle(key="map_no_rus").value is True
    data = traces(at)
    assert "RUS" not in data[0]["locations"]
    grey = next(t for t in data if t.get("name") == "left out")
    assert grey["locations"] == ["RUS"]
    assert "Russia (grey) is left out of the colour scale: 5 mentions" in captions(at)
    at.toggle(key="map_no_rus").set_value(False).run()
    assert "RUS" in traces(at)[0]["locations"]
    assert not any(t.get("name") == "left out" for t in traces(at))


def test_map_cities_have_a_legend():
    at = run("map")
    cities = next(t for t in traces(at) if t["type"] == "scattergeo")
    assert cities["showlegend"] is True and cities["name"].startswith("Cities")


def test_world_view_shows_the_whole_world():
    at = run("map", {"map_region": "World"})
    geo = specs(at)[0]["layout"]["geo"]
    assert geo["lonaxis"]["range"] == [-180, 180]


def test_timeline_numbers_are_periods():
    at = run("timeline", {"tl_period": "Year"})
    table = at.dataframe[0].value
    assert list(table.index) == ["2021", "2022", "2023", "2024"]
    assert pd.api.types.is_integer_dtype(table.dtypes.iloc[0])


# --- sources and provenance ------------------------------------------------------------------


@pytest.fixture
def with_urls(monkeypatch):
    corpus = make_corpus()
    urls = {"a1": "https://sana.sy/?p=1&x=<b>", "a4": "javascript:alert(1)"}
    corpus.articles[S.URL] = corpus.articles[S.ARTICLE_ID].map(urls).fillna("")
    monkeypatch.setattr(session, "bundled_corpus", lambda: corpus)
    session._shared_store.clear()
    return corpus


def html_blocks(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_source_column_and_filter():
    at = run("statements")
    table = at.dataframe[0].value
    assert "source" in table.columns
    assert set(table["source"]) >= {"SANA", "IRNA", "TASS", "Reuters"}
    at = run("statements", {"source": "TASS"})
    assert at.multiselect(key="source").value == ["TASS"]
    assert at.dataframe[0].value["source"].tolist() == ["TASS"]


def test_article_header_shows_title_outlet_date_and_a_safe_link(with_urls):
    at = run("statements", {"statement": "a1:0"})
    head = html_blocks(at)
    assert "Title a1" in head and "SANA" in head and "2021-03-05" in head
    assert 'href="https://sana.sy/?p=1&amp;x=&lt;b&gt;"' not in head  # '<' is refused
    at = run("statements", {"statement": "a4:0"})
    head = html_blocks(at)
    assert "Title a4" in head and "javascript:" not in head and "<a " not in head


def test_article_header_link_opens_in_a_new_tab_without_referrer(monkeypatch):
    corpus = make_corpus()
    corpus.articles[S.URL] = ["https://sana.sy/en/?p=1", "", "", "", "", ""]
    monkeypatch.setattr(session, "bundled_corpus", lambda: corpus)
    session._shared_store.clear()  # the same articles and rows: a cached Store otherwise
    at = run("statements", {"statement": "a1:0"})
    head = html_blocks(at)
    assert (
        '<a class="dm-link" href="https://sana.sy/en/?p=1" target="_blank" '
        'rel="noopener noreferrer" referrerpolicy="no-referrer">'
    ) in head


@pytest.mark.parametrize("page", [None, "data"])
def test_about_this_data(page):
    at = run(page)
    about = next(e for e in at.expander if e.label == "About this data")
    text = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in about.markdown))
    assert "6 articles in Arabic, Persian, Russian, English" in text
    assert "published 2021-03-05 to 2024-11-02" in text
    assert "Outlets: 5" in text and "SANA (1)" in text and "1 article names no outlet" in text
    assert "Undated: 1 of 6 (17%)" in text and "the dateline (5)" in text
    assert "Lavrov's statements: 6" in text
    assert "bundled sample corpus: 6 real news articles" in text


# --- links that carry the view ---------------------------------------------------------------

PAGES = ["overview", "map", "timeline", "issues", "statements", "data"]
WIDGETS = ("radio", "selectbox", "toggle", "number_input", "text_input", "button_group", "slider", "multiselect")  # fmt: skip
DERIVED = {"map_focus"}  # mirrors the (bound) country filter


@pytest.mark.parametrize("page", PAGES)
def test_every_control_is_bound_to_the_url(page):
    at = run(page)
    if page == "issues":
        at.selectbox(key="iss_country").set_value("SYR").run()
    seen = 0
    for kind in WIDGETS:
        for w in at.get(kind):
            key = getattr(w, "key", None)
            if key is None or key in DERIVED:
                continue
            assert w.proto.query_param_key == key, (page, kind, key)
            seen += 1
    assert seen >= 6  # the sidebar's filters at least


def share_link(at: AppTest) -> str:
    return at.sidebar.get("code")[0].value


def test_share_link_carries_page_controls():
    at = run("map", {"country": "Syria"})
    at.radio(key="map_region").set_value("world").run()
    at.radio(key="map_scope").set_value("lavrov").run()
    at.toggle(key="map_no_rus").set_value(False).run()
    link = share_link(at)
    assert "country=Syria" in link
    assert "map_region=World" in link and "map_scope=Lavrov%27s+statements+only" in link
    assert "map_no_rus=false" in link
    at = run("timeline")
    at.radio(key="tl_by").set_value("issue").run()
    at.number_input(key="tl_top").set_value(5).run()
    assert "tl_by=Issue" in share_link(at) and "tl_top=5" in share_link(at)


def test_a_link_with_page_controls_reopens_the_same_view():
    query = {"map_region": "World", "map_scope": "Lavrov's statements only", "map_no_rus": "false"}
    at = run("map", query)
    assert at.radio(key="map_region").value == "world"
    assert at.radio(key="map_scope").value == "lavrov"
    assert at.toggle(key="map_no_rus").value is False
    assert sorted(traces(at)[0]["locations"]) == ["IRN", "PSE", "SAU", "SYR"]
    assert not [c for c in at.sidebar.caption if "Ignored in the link" in c.value]
    at = run("statements", {"st_query": "Лавров", "st_sort": "Oldest first", "statement": "a3:0"})
    assert at.text_input(key="st_query").value == "Лавров"
    assert at.dataframe[0].value["language"].tolist() == ["Russian"]
    assert "statement=a3%3A0" in share_link(at) and "st_sort=Oldest+first" in share_link(at)
    assert "Title a3" in html_blocks(at)


def test_year_filter_does_not_stick_after_switching_upload_modes():
    at = run("data")
    at.file_uploader(key="dm_uploads").set_value(
        [("new.txt", b"Moscow, 5 March 2026. Sergey Lavrov said Libya must talk.", "text/plain")]
    ).run()
    next(b for b in at.button if b.label == "Read the uploaded files").click().run()
    span = at.slider(key="year").value
    assert span[0] == 2021
    at.radio(key=session.MODE_KEY).set_value("replace").run()
    at.radio(key=session.MODE_KEY).set_value("merge").run()
    assert at.slider(key="year").value == span  # the whole range again, not a filter
    at.switch_page("app_pages/overview.py").run()
    assert next(m.value for m in at.metric if m.label == "Articles") == "7"
    assert "year=" not in share_link(at)


# --- statements readable ---------------------------------------------------------------------


def test_statements_newest_first_with_kind_and_outlet():
    at = run("statements")
    table = at.dataframe[0].value
    assert table["date"].tolist() == [
        "2024-11-02", "2024-02-13", "2023-01-20", "2022-07-10", "2021-03-05", "no date",
    ]  # fmt: skip
    assert {"kind", "source"} <= set(table.columns)
    assert "transcript answer" in set(table["kind"])
    at.radio(key="st_sort").set_value("oldest").run()
    assert at.dataframe[0].value["date"].tolist()[0] == "2021-03-05"


def test_search_explains_what_it_matches():
    at = run("statements")
    box = at.text_input(key="st_query")
    assert "names of places and issues" in box.proto.help and "Сирия" in box.proto.help
    box.set_value("Syria").run()  # English name, statements in ar/fa/ru
    assert sorted(at.dataframe[0].value["language"]) == ["Arabic", "Persian", "Russian"]


def test_selected_statement_shows_in_full():
    at = run("statements", {"statement": "a2:0"})
    body = html_blocks(at)
    assert "<blockquote" in body and "لاوروف گفت" in body
