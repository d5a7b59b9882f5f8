"""The dashboard through Streamlit's AppTest, one or more tests per page.

The bundled corpus is replaced by the synthetic one of conftest.py (monkeypatching
diplomap.session.bundled_corpus, which the app looks up at every run).

The page scripts live in app_pages/, not pages/: with a folder named pages/ beside the
entry script Streamlit falls back to its old folder-based navigation on a server's first
request (a deep link then runs the page without the sidebar) and on every AppTest run
(the sidebar vanishes from the second run on).
"""

from __future__ import annotations

import json

import pytest
from apptest_run import run
from streamlit.testing.v1 import AppTest

from diplomap import session


@pytest.fixture(autouse=True)
def synthetic_corpus(monkeypatch, corpus):
    monkeypatch.setattr(session, "bundled_corpus", lambda: corpus)
    return corpus


def metric(at: AppTest, label: str):
    return next(m.value for m in at.metric if m.label == label)


def map_spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def map_locations(at: AppTest) -> list[str]:
    if not at.get("plotly_chart"):
        return []
    spec = map_spec(at)
    choro = [t for t in spec["data"] if t["type"] == "choropleth"]
    return choro[0]["locations"] if choro else []


def sidebar_text(at: AppTest) -> str:
    """The sidebar's note about ignored query values ("" when none)."""
    return "\n".join(c.value for c in at.sidebar.caption if "Ignored in the link" in c.value)


# --- overview ------------------------------------------------------------------------------


def test_overview_headline_figures():
    at = run()
    assert at.title[0].value == "Lavrov and the Middle East"
    assert metric(at, "Articles") == "6"
    assert metric(at, "Dated articles") == "5"
    assert metric(at, "Lavrov statements") == "6"
    assert metric(at, "Countries") == "6"
    assert metric(at, "Languages") == "4"
    assert any("From 2021-03-05 to 2024-11-02" in c.value for c in at.caption)
    assert any("1 of 6 articles have no publication date" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 3


def test_lavrov_switch_changes_counts():
    at = run()
    before = metric(at, "Countries")
    at.toggle(key="lavrov").set_value(True).run()
    # Lavrov names Syria, Iran, Saudi Arabia and Palestine (Gaza) but not Israel or the US
    assert (before, metric(at, "Countries")) == ("6", "4")
    assert metric(at, "Lavrov statements") == "6"


# --- map ---------------------------------------------------------------------------------------


def test_map_shows_every_country_and_the_city_points():
    at = run("map")
    assert sorted(map_locations(at)) == ["IRN", "ISR", "PSE", "SAU", "SYR", "USA"]
    spec = map_spec(at)
    assert spec["layout"]["geo"]["resolution"] == 50
    assert any(t["type"] == "scattergeo" for t in spec["data"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"year": ["2024", "2024"]}, ["IRN", "ISR", "PSE", "SAU", "USA"]),
        # a country filter keeps the other countries on the map (tested below)
        ({"year": ["2021", "2022"], "country": ["Syria", "Iran"]}, ["IRN", "ISR", "SYR", "USA"]),
        ({"country": "ISR", "lavrov": "true"}, []),
        ({"lang": "Russian"}, ["SYR"]),
    ],
)
def test_map_countries_follow_the_filters(query, expected):
    at = run("map", query)
    assert sorted(map_locations(at)) == expected
    if not expected:
        assert at.info, "an empty selection explains itself"


def test_map_lavrov_radio():
    at = run("map")
    at.radio(key="map_scope").set_value("lavrov").run()
    assert sorted(map_locations(at)) == ["IRN", "PSE", "SAU", "SYR"]


def test_focus_country_filters_the_app():
    at = run("map")
    at.selectbox(key="map_focus").set_value("SAU").run()
    assert at.multiselect(key="country").value == ["SAU"]
    assert len(map_locations(at)) == 6  # the others stay, to compare and click
    at.switch_page("app_pages/overview.py").run()
    assert metric(at, "Articles") == "1"  # the filter follows to other pages


# --- query strings -----------------------------------------------------------------------------


def test_query_string_restores_the_filters():
    at = run(
        "statements",
        {"year": ["2022", "2024"], "country": "Iran", "lang": ["fa", "English"], "lavrov": "true"},
    )
    assert at.slider(key="year").value == (2022, 2024)
    assert at.multiselect(key="country").value == ["IRN"]
    assert at.multiselect(key="lang").value == ["fa", "en"]
    assert at.toggle(key="lavrov").value is True
    table = at.dataframe[0].value
    assert table["language"].tolist() == ["Persian"]  # a2: Lavrov names Iran; a4: not Lavrov
    assert not sidebar_text(at)


def test_junk_query_values_are_ignored_with_a_note():
    at = run(
        "map",
        {
            "country": ["Syria", "Narnia", "<script>alert(1)</script>"] + ["Iran"] * 900,
            "year": "99999",
            "lavrov": "perhaps",
            "zzz": "1",
        },
    )
    assert sorted(at.multiselect(key="country").value) == ["IRN", "SYR"]
    assert at.slider(key="year").value == (2021, 2024)
    assert sorted(map_spec(at)["data"][0]["selectedpoints"]) == [0, 1]
    notes = sidebar_text(at)
    for fragment in ("Narnia", "99999", "perhaps", "zzz", "first 200 of 903"):
        assert fragment in notes, notes
    assert "<script>" not in notes  # shown escaped
    assert "&lt;script&gt;" in notes


def test_a_flood_of_parameters_is_dropped_without_harm():
    # Streamlit itself ignores a query string of more than 1000 parameters
    at = run("map", {"country": ["Syria"] * 10_000})
    assert at.multiselect(key="country").value == []
    assert len(map_locations(at)) == 6


def test_share_link_carries_the_filters():
    at = run("map", {"country": "SYR"})
    link = at.sidebar.get("code")[0].value
    assert "country=Syria" in link


# --- timeline, issues, statements -----------------------------------------------------------


def test_timeline_by_issue_normalised():
    at = run("timeline")
    at.radio(key="tl_period").set_value("year").run()
    at.radio(key="tl_by").set_value("issue").run()
    at.toggle(key="tl_norm").set_value(True).run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {t["name"] for t in spec["data"]}
    assert "Syrian settlement" in names and "Gaza war and ceasefire" in names
    assert spec["layout"]["barmode"] == "stack"


def test_issues_cell_shows_its_statements():
    at = run("issues")
    assert len(at.get("plotly_chart")) == 2
    at.selectbox(key="iss_country").set_value("IRN").run()
    at.selectbox(key="iss_issue").set_value("iran_nuclear").run()
    table = at.dataframe[0].value
    assert table["language"].tolist() == ["Persian"]
    assert any("1 Lavrov statements" in m.value for m in at.markdown)


def test_statements_search_and_filters():
    at = run("statements", {"country": "SYR"})
    assert len(at.dataframe[0].value) == 3
    at.text_input(key="st_query").set_value("Лавров").run()
    assert at.dataframe[0].value["language"].tolist() == ["Russian"]
    at.text_input(key="st_query").set_value("nothing like this").run()
    assert at.info and not at.dataframe


def test_empty_selection_explains_what_to_change():
    at = run(None, {"source": "TASS", "lang": "English"})
    assert at.info and "Widen the year range" in at.info[0].value
    assert not at.metric


# --- data: uploads stay in their session -----------------------------------------------------


def test_upload_is_visible_only_in_its_own_session():
    mine = run("data")
    mine.file_uploader(key="dm_uploads").set_value(
        [("new.txt", b"Sergey Lavrov said Libya and Egypt must talk.", "text/plain")]
    ).run()
    next(b for b in mine.button if b.label == "Read the uploaded files").click().run()
    assert not mine.exception
    assert session.UPLOAD_KEY in mine.session_state
    report = mine.dataframe[0].value
    assert report["file"].tolist() == ["new.txt"] and report["articles"].tolist() == [1]
    mine.switch_page("app_pages/overview.py").run()
    assert metric(mine, "Articles") == "7"

    other = run()
    assert metric(other, "Articles") == "6"
    assert session.UPLOAD_KEY not in other.session_state

    # "uploads only" replaces the bundled corpus, in this session only
    mine.switch_page("app_pages/data.py").run()
    mine.radio(key=session.MODE_KEY).set_value("replace").run()
    mine.switch_page("app_pages/overview.py").run()
    assert metric(mine, "Articles") == "1"
    assert metric(run(), "Articles") == "6"


def test_download_buttons_for_every_table():
    at = run("data", {"country": "SYR"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "Parquet"] * 4
    assert any("3 rows" in m.value for m in at.markdown if "articles" in m.value)
