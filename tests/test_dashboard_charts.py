"""Time and numbers drawn right, for every chart function, on one period, two distant
periods and many periods (issue 11): a bar is one period wide and labelled with its
period, the axis spans the data's periods, empty periods are zeros (never a line drawn
across them), ticks and colour scales of counts are whole numbers, shares are
percentages, one group has one colour, tables show dates and periods as text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from diplomap import schema as S
from diplomap.explore import aggregates as A
from diplomap.explore import charts
from diplomap.explore.labels import period_span
from diplomap.explore.store import Store
from diplomap.explore.view import View
from diplomap.query import FilterState

# the dates of the six synthetic articles (a6 stays undated), per case
CASES = {
    "one period": ["2024-02-13"] * 5,
    "two distant periods": ["2019-01-10", "2019-01-20", "2024-11-02", "2024-11-03", "2024-11-05"],
    "many periods": ["2015-03-05", "2016-07-10", "2018-01-20", "2021-02-13", "2024-11-02"],
}


def view_with_dates(dates: list[str]) -> View:
    corpus = make_corpus()
    published = [*(pd.Timestamp(d) for d in dates), pd.NaT]
    corpus.articles[S.PUBLISHED] = pd.Series(published, dtype="datetime64[ns]")
    return View(Store.from_corpus(corpus), FilterState())


def expected_periods(dates: list[str], period: str) -> list[str]:
    return period_span([pd.Timestamp(d) for d in dates], period)


def assert_whole_ticks(axis) -> None:
    """Counts: ticks at whole numbers only (a step of at least 1, shown without decimals)."""
    assert axis.tickmode == "linear" and axis.tick0 == 0
    assert float(axis.dtick).is_integer() and axis.dtick >= 1
    assert axis.tickformat in (",d", "d")


def assert_period_axis(fig, periods: list[str]) -> None:
    axis = fig.layout.xaxis
    assert axis.type == "category"
    assert list(axis.categoryarray) == periods  # exactly the data's periods, in order


def test_period_span_has_every_period_and_nothing_around():
    stamps = [pd.Timestamp("2021-03-05"), pd.Timestamp("2021-06-01")]
    assert period_span(stamps, "month") == ["2021-03", "2021-04", "2021-05", "2021-06"]
    assert period_span(stamps, "year") == ["2021"]
    assert period_span([], "year") == []


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("period", ["month", "year"])
def test_timeline_figure(case, period):
    dates = CASES[case]
    view = view_with_dates(dates)
    fig = charts.timeline_figure(A.articles_per_period(view, period), period)
    periods = expected_periods(dates, period)
    assert_period_axis(fig, periods)
    bars, *lines = fig.data
    assert list(bars.x) == periods  # one bar per period, labelled with it
    assert sum(bars.y) == 5 and all(isinstance(y, int) for y in bars.y)
    for line in lines:  # every period has a value: a line never jumps across a gap
        assert list(line.x) == periods and None not in line.y
        assert line.yaxis == "y2"
    # a dual axis: each side has its own whole-number ticks
    assert_whole_ticks(fig.layout.yaxis)
    assert_whole_ticks(fig.layout.yaxis2)
    assert "%{y:,d}" in bars.hovertemplate


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("by", ["country", "issue"])
def test_stacked_figure(case, by):
    dates = CASES[case]
    view = view_with_dates(dates)
    for period in ("month", "year"):
        fig = charts.stacked_figure(A.mentions_per_period(view, period, by, top=20), period)
        periods = expected_periods(dates, period)
        assert_period_axis(fig, periods)
        for trace in fig.data:
            assert list(trace.x) == periods and len(trace.y) == len(periods)
            assert all(isinstance(y, int) for y in trace.y)
        assert_whole_ticks(fig.layout.yaxis)
        colours = [t.marker.color for t in fig.data]
        assert len(set(colours)) == len(colours)  # one colour per group


def test_stacked_figure_normalised_is_not_forced_to_whole_numbers():
    view = view_with_dates(CASES["many periods"])
    long = A.mentions_per_period(view, "year", "country", top=3, normalise=True)
    fig = charts.stacked_figure(long, "year", normalised=True)
    assert fig.layout.yaxis.tickformat is None
    assert ".2f" in fig.data[0].hovertemplate


@pytest.mark.parametrize("case", list(CASES))
def test_trend_figure(case):
    dates = CASES[case]
    view = view_with_dates(dates)
    for period in ("month", "year"):
        long = A.issue_trends(view, period)
        fig = charts.trend_figure(long, period)
        periods = expected_periods(dates, period)
        assert_period_axis(fig, periods)
        for trace in fig.data:
            assert list(trace.x) == periods
            assert None not in trace.y and len(trace.y) == len(periods)  # zeros, not gaps
        assert_whole_ticks(fig.layout.yaxis)
        colours = [t.line.color for t in fig.data]
        assert len(set(colours)) == len(colours)
        # an issue has its own colour, the same in every chart
        by_name = {t.name: t.line.color for t in fig.data}
        assert by_name["Syrian settlement"] == charts.ISSUE_COLOURS["syria"]


def test_an_empty_period_between_two_is_zero_on_the_line():
    view = view_with_dates(CASES["two distant periods"])
    fig = charts.trend_figure(A.issue_trends(view, "year"), "year")
    syria = next(t for t in fig.data if t.name == "Syrian settlement")
    assert list(fig.layout.xaxis.categoryarray) == [str(y) for y in range(2019, 2025)]
    assert list(syria.y)[1:5] == [0, 0, 0, 0]


def test_eighteen_issues_never_share_a_colour():
    long = pd.DataFrame(
        {
            "period": [pd.Timestamp("2024-01-01")] * (len(S.ISSUE_IDS) + 1),
            "group": [f"issue {i}" for i in S.ISSUE_IDS] + ["Other"],
            "key": [*S.ISSUE_IDS, "other"],
            "value": 1,
        }
    )
    for fig in (charts.stacked_figure(long, "year"), charts.trend_figure(long, "year")):
        colours = [t.marker.color for t in fig.data]
        assert len(set(colours)) == len(colours) == len(S.ISSUE_IDS) + 1
    assert len(set(charts.ISSUE_COLOURS.values())) == len(S.ISSUE_IDS)


@pytest.mark.parametrize("top", [0, 1, 2, 3, 7, 12, 99, 1234, 10**6])
def test_whole_steps(top):
    step = charts.whole_step(top)
    assert step >= 1 and isinstance(step, int)
    assert max(top, 1) / step <= 6


@pytest.mark.parametrize("n", [1, 2, 12])
def test_bar_figure_whole_ticks_and_highlight(n):
    df = pd.DataFrame(
        {"iso3": [f"C{i:02d}" for i in range(n)], "name": [f"N{i}" for i in range(n)]}
    ).assign(mentions=list(range(n, 0, -1)))
    fig = charts.bar_figure(df, "name", "mentions")
    assert_whole_ticks(fig.layout.xaxis)
    assert "%{x:,d}" in fig.data[0].hovertemplate
    marked = charts.bar_figure(df, "name", "mentions", highlight=["C00"], key="iso3")
    colours = list(marked.data[0].marker.color)
    assert colours[-1] == charts.ACCENT  # the top bar, C00, is highlighted
    assert colours[:-1] == [charts.CONTEXT_COLOUR] * (n - 1)


@pytest.mark.parametrize("value", [1, 3, 250])
def test_heatmap_colour_scale_is_whole(value):
    matrix = pd.DataFrame([[value]], index=["SYR"], columns=["syria"])
    fig = charts.heatmap_figure(matrix, {"SYR": "Syria"}, {"syria": "Syrian settlement"})
    bar = fig.data[0].colorbar
    assert bar.tickmode == "linear" and float(bar.dtick).is_integer() and bar.dtick >= 1
    assert fig.data[0].zmin == 0 and fig.data[0].zmax >= 1
    assert "%{z:,d}" in fig.data[0].hovertemplate


# --- the map ---------------------------------------------------------------------------------


def countries_table(rows) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["iso3", "name", "mentions", "articles", "share", "statements"]
    ).assign(top_issues="")


def test_a_one_country_map_has_a_whole_colour_scale():
    fig = charts.map_figure(countries_table([("SYR", "Syria", 1, 1, 1.0, 0)]))
    choro = fig.data[0]
    assert choro.zmin == 0 and choro.zmax >= 1
    assert choro.colorbar.dtick >= 1 and float(choro.colorbar.dtick).is_integer()
    assert choro.colorbar.tickformat in (",d", "d")
    assert list(choro.z) == [1] and isinstance(choro.z[0], int)
    assert "Mentions: 1<br>" in choro.text[0]


def test_map_share_is_in_percent():
    table = countries_table([("SYR", "Syria", 3, 2, 0.5, 1), ("IRN", "Iran", 1, 1, 0.25, 0)])
    fig = charts.map_figure(table, measure="share")
    choro = fig.data[0]
    assert list(choro.z) == [50.0, 25.0]
    assert choro.colorbar.ticksuffix == "%"
    assert "(50% of articles)" in choro.text[0]


def test_map_keeps_other_countries_and_outlines_the_selected():
    table = countries_table(
        [
            ("SYR", "Syria", 3, 2, 0.5, 1),
            ("IRN", "Iran", 1, 1, 0.25, 0),
            ("ISR", "Israel", 1, 1, 0.25, 0),
        ]
    )
    fig = charts.map_figure(table, selected=("IRN",))
    choro = fig.data[0]
    assert list(choro.locations) == ["SYR", "IRN", "ISR"]  # everything stays on the map
    assert list(choro.selectedpoints) == [1]
    assert choro.unselected.marker.opacity < 1
    outline = next(t for t in fig.data if t.name == "selected")
    assert list(outline.locations) == ["IRN"] and outline.marker.line.width > 1


def test_russia_left_out_of_the_scale_is_drawn_grey_with_a_note():
    table = countries_table([("SYR", "Syria", 3, 2, 0.5, 1)])
    russia = countries_table([("RUS", "Russia", 40, 5, 1.0, 5)])
    fig = charts.map_figure(table, left_out=russia)
    grey = next(t for t in fig.data if t.name == "left out")
    assert list(grey.locations) == ["RUS"] and not grey.showscale
    assert {c for _, c in grey.colorscale} == {charts.LEFT_OUT_COLOUR}
    assert "left out of the colour scale" in grey.text[0] and "Mentions: 40" in grey.text[0]
    assert fig.data[0].zmax == 3  # the scale is the others'


def test_cities_have_a_legend_and_small_ones_are_drawn_last():
    cities = pd.DataFrame(
        {
            "place": ["Idlib", "Aleppo", "Damascus"],
            "iso3": ["SYR"] * 3,
            "lat": [35.93, 36.2, 33.5],
            "lon": [36.63, 37.16, 36.3],
            "mentions": [1, 30, 10],
            "articles": [1, 9, 4],
        }
    )
    fig = charts.map_figure(countries_table([("SYR", "Syria", 41, 9, 1.0, 3)]), cities)
    points = fig.data[-1]
    assert points.showlegend and "Cities" in points.name
    sizes = list(points.marker.size)
    assert sizes == sorted(sizes, reverse=True)  # the small ones on top
    assert max(sizes) <= 20
    assert points.text[-1].startswith("<b>Idlib</b>") and "Mentions: 1" in points.text[-1]


def test_world_view_is_framed_whole():
    table = countries_table([("SYR", "Syria", 3, 2, 0.5, 1)])
    geo = charts.map_figure(table, region="world").layout.geo
    assert list(geo.lonaxis.range) == [-180, 180]
    lo, hi = geo.lataxis.range
    assert lo <= -55 and hi >= 80


# --- tables --------------------------------------------------------------------------------


def test_period_table_rows_are_period_labels_with_zeros():
    view = view_with_dates(CASES["two distant periods"])
    table = A.period_table(A.mentions_per_period(view, "year", "country", top=3), "year")
    assert list(table.index) == [str(y) for y in range(2019, 2025)]
    assert table.loc["2021"].sum() == 0
    assert all(np.issubdtype(t, np.integer) for t in table.dtypes)


def test_statement_tables_show_dates_as_dates():
    view = view_with_dates(CASES["one period"])
    cell = A.readable(A.statements_for_cell(view, "SYR", None))
    assert set(cell["date"]) == {"2024-02-13"}
    page = A.statement_page(view, "", 1, 50).table
    assert set(page["date"]) == {"2024-02-13", "no date"}
