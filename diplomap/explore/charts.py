"""One function per chart: an aggregated DataFrame (diplomap.explore.aggregates) -> a
Plotly figure.

Built with plotly.graph_objects (fast) from data that is already aggregated, so a
figure's JSON stays small whatever the corpus size (city points are capped by
aggregates.city_points). Text that comes from articles (place names, issue labels,
sources) is escaped with html.escape before it goes into hover text, because
plotly.js renders some HTML tags there.

How time and numbers are drawn (tests/test_dashboard_charts.py checks each):

- Periods are categories labelled with the period ("2024-03", "2024"): a bar is one
  period wide, the axis spans the data's first to last period (empty periods included,
  as zeros), and a single period is still that one period.
- Lines never join across a period without data: every period has its value (zero).
- Counts have whole-number ticks (axes, colour bars), whole-number hover labels;
  shares are percentages. Each axis of a dual-axis chart has its own whole ticks.
- One group (issue, country) has one colour within a chart; an issue has the same
  colour in every chart (ISSUE_COLOURS).
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from diplomap import schema as S
from diplomap.explore.labels import period_labels, period_span

ACCENT = "#b5362b"
# 20 colours far apart (Kelly's colours of maximum contrast, grey left for "Other"):
# enough for the 20 groups a chart shows at most and for the 18 issues.
PALETTE = [
    "#be0032", "#0067a5", "#f38400", "#008856", "#875692", "#882d17", "#a1caf1",
    "#e68fac", "#f3c300", "#604e97", "#8db600", "#654522", "#f99379", "#2b3d26",
    "#b3446c", "#17becf", "#dcd300", "#c2b280", "#e25822", "#f6a600",
]  # fmt: skip
ISSUE_COLOURS = {issue: PALETTE[i % len(PALETTE)] for i, issue in enumerate(S.ISSUE_IDS)}
OTHER_COLOUR = "#b9b4aa"
CONTEXT_COLOUR = "#c9c2b6"  # bars of the countries outside a country filter
LEFT_OUT_COLOUR = "#9e9e9e"  # a country left out of the colour scale
MAP_MEASURES = {
    "mentions": "Mentions",
    "share": "Share of articles",
    "statements": "Lavrov statements",
}


def esc(value: object) -> str:
    """Text as it may appear in hover text and labels."""
    return html.escape(str(value), quote=True)


def whole_step(top: float, max_ticks: int = 6) -> int:
    """A whole tick step (1, 2, 5, 10, 20, 50 …) giving at most `max_ticks` ticks up to
    `top` (never below 1: counts have no ticks between whole numbers)."""
    top = max(float(top or 0), 1.0)
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            step = m * magnitude
            if top / step <= max_ticks:
                return step
        magnitude *= 10


def count_axis(top: float, title: str | None = None) -> dict:
    """Axis settings for counts up to `top`: zero-based whole-number ticks."""
    step = whole_step(top)
    upper = max(math.ceil(float(top or 0) / step) * step, step)
    axis = dict(
        tickmode="linear",
        tick0=0,
        dtick=step,
        tickformat=",d",
        range=[0, upper * 1.04],
        rangemode="tozero",
    )
    if title:
        axis["title"] = dict(text=esc(title))
    return axis


def count_colorbar(top: float, title: str, percent: bool = False) -> dict:
    """A colour bar for counts (whole ticks) or percentages (0-100, "%")."""
    if percent:
        step = whole_step(top, 5)
        return dict(
            title=dict(text=esc(title)),
            tickmode="linear",
            tick0=0,
            dtick=step,
            ticksuffix="%",
            tickformat="d",
            thickness=12,
            len=0.6,
        )
    return dict(
        title=dict(text=esc(title)),
        tickmode="linear",
        tick0=0,
        dtick=whole_step(top, 5),
        tickformat=",d",
        thickness=12,
        len=0.6,
    )


def _period_axis(categories: list[str], period: str) -> dict:
    return dict(
        type="category",
        categoryorder="array",
        categoryarray=categories,
        title=dict(text="Month" if period == "month" else "Year"),
        tickangle=-45 if period == "month" and len(categories) > 8 else 0,
    )


def _layout(fig: go.Figure, title: str | None = None, height: int = 420) -> go.Figure:
    fig.update_layout(
        title=dict(text=esc(title)) if title else None,
        height=height,
        margin=dict(l=10, r=10, t=40 if title else 10, b=10),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        hoverlabel=dict(align="left"),
    )
    return fig


def empty_figure(message: str = "Nothing to show for these filters") -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, height=240)


# --- the map -----------------------------------------------------------------------------------


def _country_hover(r) -> str:
    return (
        f"<b>{esc(r.name)}</b> ({esc(r.iso3)})<br>"
        f"Mentions: {int(r.mentions):,d}<br>"
        f"Articles: {int(r.articles):,d} ({float(r.share):.0%} of articles)<br>"
        f"Lavrov statements: {int(r.statements):,d}"
        + (f"<br>Top issues: {esc(r.top_issues)}" if r.top_issues else "")
    )


def _country_trace(countries: pd.DataFrame, measure: str, selected) -> go.Choropleth:
    """The choropleth of the countries by `measure`; customdata[0] is the ISO3 code.
    The selected countries are drawn at full strength, the others paler (still there
    to compare with and to click)."""
    percent = measure == "share"
    z = countries[measure].astype(float) * (100 if percent else 1)
    z = z.round(1) if percent else z.round().astype("int64")
    top = max(float(z.max()), 1.0)
    chosen = [i for i, c in enumerate(countries["iso3"]) if c in set(selected)]
    return go.Choropleth(
        locations=countries["iso3"].tolist(),
        locationmode="ISO-3",
        z=z.tolist(),
        customdata=[[c] for c in countries["iso3"]],
        text=[_country_hover(r) for r in countries.itertuples(index=False)],
        hovertemplate="%{text}<extra></extra>",
        colorscale=[[0, "#f6e3d4"], [0.5, "#e07b55"], [1, "#8c1d18"]],
        zmin=0,
        zmax=top,
        marker_line_color="#ffffff",
        marker_line_width=0.5,
        colorbar=count_colorbar(top, MAP_MEASURES.get(measure, measure), percent=percent),
        selectedpoints=chosen or None,
        selected=dict(marker=dict(opacity=1.0)),
        unselected=dict(marker=dict(opacity=0.4)),
        name="countries",
        showlegend=False,
    )


def _flat_trace(rows: pd.DataFrame, colour: str, name: str, note: str, **line) -> go.Choropleth:
    """Countries drawn in one colour outside the colour scale (Russia left out of it,
    or the outline of the selected countries); clicking one selects it."""
    return go.Choropleth(
        locations=rows["iso3"].tolist(),
        locationmode="ISO-3",
        z=[1] * len(rows),
        customdata=[[c] for c in rows["iso3"]],
        text=[_country_hover(r) + f"<br><i>{esc(note)}</i>" for r in rows.itertuples(index=False)],
        hovertemplate="%{text}<extra></extra>",
        colorscale=[[0, colour], [1, colour]],
        showscale=False,
        marker_line_color=line.get("color", "#ffffff"),
        marker_line_width=line.get("width", 0.5),
        name=name,
        showlegend=False,
    )


def _city_trace(cities: pd.DataFrame) -> go.Scattergeo:
    """The cities as points sized by their mentions, the largest drawn first so that a
    small city next to a large one (Idlib by Aleppo) stays visible and clickable."""
    cities = cities.sort_values("mentions", ascending=False, kind="stable")
    size = cities["mentions"].astype(float)
    sizes = (5 + 13 * (size / max(size.max(), 1)) ** 0.5).round(1)
    return go.Scattergeo(
        lon=cities["lon"].round(3).tolist(),
        lat=cities["lat"].round(3).tolist(),
        customdata=[[c] for c in cities["iso3"]],
        text=[
            f"<b>{esc(r.place)}</b> ({esc(r.iso3)})<br>Mentions: {int(r.mentions):,d}"
            f"<br>Articles: {int(r.articles):,d}"
            for r in cities.itertuples(index=False)
        ],
        hovertemplate="%{text}<extra></extra>",
        mode="markers",
        marker=dict(
            size=sizes.tolist(),
            color="#2f6b9a",
            opacity=0.8,
            line=dict(width=1, color="#ffffff"),
        ),
        name="Cities (size: mentions)",
        showlegend=True,
    )


def _frame(fig: go.Figure, region: str) -> None:
    fig.update_geos(
        resolution=50,
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#bdb7ab",
        showcoastlines=True,
        coastlinecolor="#bdb7ab",
        showland=True,
        landcolor="#f3f1ec",
        showocean=True,
        oceancolor="#eef3f6",
        showframe=False,
    )
    if region == "middle_east":
        fig.update_geos(lataxis_range=[5, 56], lonaxis_range=[-18, 78])
    else:  # the whole world, poles trimmed, nothing cut at the sides
        fig.update_geos(lataxis_range=[-58, 84], lonaxis_range=[-180, 180], projection_scale=1)


def map_figure(
    countries: pd.DataFrame,
    cities: pd.DataFrame | None = None,
    measure: str = "mentions",
    selected: tuple[str, ...] = (),
    region: str = "middle_east",
    left_out: pd.DataFrame | None = None,
) -> go.Figure:
    """Choropleth of countries (aggregates.country_counts) by `measure` ("mentions",
    "share" or "statements"), with cities (aggregates.city_points) as sized points.

    The choropleth is trace 0; its customdata[0] is the ISO3 code (what a click
    selects). `selected` countries are outlined and the others drawn paler (they stay
    on the map). `left_out` rows (Russia) are drawn in neutral grey outside the colour
    scale. Uses ISO-3 locations and topojson at resolution 50, so the caller must
    pass config={"topojsonURL": ...} to st.plotly_chart for an offline map.
    `region` "middle_east" zooms on the region, "world" shows everything."""
    fig = go.Figure()
    if countries is not None and len(countries):
        fig.add_trace(_country_trace(countries, measure, selected))
    if left_out is not None and len(left_out):
        fig.add_trace(
            _flat_trace(left_out, LEFT_OUT_COLOUR, "left out", "left out of the colour scale")
        )
    chosen = countries[countries["iso3"].isin(set(selected))] if countries is not None else None
    if chosen is not None and len(chosen) and len(chosen) < len(countries):
        outline = _flat_trace(chosen, "rgba(0,0,0,0)", "selected", "selected", color="#1f2328")
        outline.update(marker_line_width=2.2)
        fig.add_trace(outline)
    if cities is not None and len(cities):
        fig.add_trace(_city_trace(cities))
    _frame(fig, region)
    fig = _layout(fig, height=560)
    fig.update_layout(
        clickmode="event+select",
        dragmode=False,
        legend=dict(
            orientation="h", yanchor="top", y=0.02, x=0.01, bgcolor="rgba(255,255,255,0.7)"
        ),
    )
    return fig


# --- time --------------------------------------------------------------------------------------


def _dense(long: pd.DataFrame, categories: list[str], period: str) -> dict[str, pd.Series]:
    """Per group (in the table's group order): its value in every period (0 where none)."""
    labels = pd.Series(period_labels(long["period"], period), index=long.index)
    groups = (
        [g for g in long["group"].cat.categories if g in set(long["group"])]
        if hasattr(long["group"], "cat")
        else list(dict.fromkeys(long["group"]))
    )
    out = {}
    for g in groups:
        part = long[long["group"] == g]
        values = part.groupby(labels[part.index])["value"].sum()
        out[str(g)] = values.reindex(categories, fill_value=0)
    return out


def _group_colours(long: pd.DataFrame, groups: list[str]) -> dict[str, str]:
    """One colour per group: an issue's own colour (by its id in `key`), else the
    palette in order; "Other" grey. No two groups of one chart share a colour."""
    keys = dict(zip(long["group"].astype(str), long["key"].astype(str), strict=False))
    colours: dict[str, str] = {}
    for g in groups:
        own = ISSUE_COLOURS.get(keys.get(g, ""))
        if g == "Other":
            colours[g] = OTHER_COLOUR
        elif own and own not in colours.values():
            colours[g] = own
    spare = iter(c for c in PALETTE if c not in colours.values())
    for g in groups:
        colours.setdefault(g, next(spare, OTHER_COLOUR))
    return colours


def timeline_figure(per_period: pd.DataFrame, period: str = "month") -> go.Figure:
    """Articles (bars, left axis) and mentions and statements (lines, right axis) per
    period (aggregates.articles_per_period: every period from the first to the last)."""
    if per_period is None or per_period.empty:
        return empty_figure("No dated articles for these filters")
    categories = period_span(per_period["period"], period)
    x = period_labels(per_period["period"], period)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=x,
            y=per_period["articles"].astype("int64").tolist(),
            name="Articles",
            marker_color="#d9cfc0",
            hovertemplate="%{x}<br>Articles: %{y:,d}<extra></extra>",
        )
    )
    for column, name, line in (
        ("mentions", "Place mentions", dict(color=ACCENT)),
        ("statements", "Lavrov statements", dict(color="#2f6b9a", dash="dot")),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=per_period[column].astype("int64").tolist(),
                name=name,
                mode="lines+markers",
                line=line,
                yaxis="y2",
                hovertemplate=f"%{{x}}<br>{name}: %{{y:,d}}<extra></extra>",
            )
        )
    right = max(int(per_period["mentions"].max()), int(per_period["statements"].max()))
    fig.update_layout(
        xaxis=_period_axis(categories, period),
        yaxis=count_axis(int(per_period["articles"].max()), "Articles"),
        yaxis2=dict(
            count_axis(right, "Mentions / statements"),
            overlaying="y",
            side="right",
            showgrid=False,
        ),
        bargap=0.15,
    )
    return _layout(fig)


def stacked_figure(
    long: pd.DataFrame, period: str = "month", normalised: bool = False
) -> go.Figure:
    """Stacked bars of mentions per period by group (aggregates.mentions_per_period)."""
    if long is None or long.empty:
        return empty_figure("No dated mentions for these filters")
    categories = period_span(long["period"], period)
    dense = _dense(long, categories, period)
    colours = _group_colours(long, list(dense))
    value_format = ".2f" if normalised else ",d"
    fig = go.Figure()
    for g, values in dense.items():
        y = values.round(4).tolist() if normalised else values.astype("int64").tolist()
        fig.add_trace(
            go.Bar(
                x=categories,
                y=y,
                name=esc(g),
                marker_color=colours[g],
                hovertemplate=f"{esc(g)}<br>%{{x}}: %{{y:{value_format}}}<extra></extra>",
            )
        )
    totals = sum(dense.values())
    fig.update_layout(barmode="stack", bargap=0.15, xaxis=_period_axis(categories, period))
    if normalised:
        fig.update_layout(yaxis=dict(title=dict(text="Mentions per article"), rangemode="tozero"))
    else:
        fig.update_layout(yaxis=count_axis(float(totals.max()), "Mentions"))
    return _layout(fig, height=460)


def trend_figure(long: pd.DataFrame, period: str = "year") -> go.Figure:
    """Issue mentions per period, one line per issue (aggregates.issue_trends); a
    period without mentions of an issue is a zero on its line, never a straight line
    drawn across it."""
    if long is None or long.empty:
        return empty_figure("No dated issue mentions for these filters")
    categories = period_span(long["period"], period)
    dense = _dense(long, categories, period)
    colours = _group_colours(long, list(dense))
    fig = go.Figure()
    for g, values in dense.items():
        fig.add_trace(
            go.Scatter(
                x=categories,
                y=values.astype("int64").tolist(),
                name=esc(g),
                mode="lines+markers",
                line=dict(color=colours[g]),
                marker=dict(color=colours[g]),
                hovertemplate=f"{esc(g)}<br>%{{x}}: %{{y:,d}}<extra></extra>",
            )
        )
    top = max(float(v.max()) for v in dense.values())
    fig.update_layout(xaxis=_period_axis(categories, period), yaxis=count_axis(top, "Mentions"))
    return _layout(fig, height=420)


# --- rankings and the heatmap -----------------------------------------------------------------


def bar_figure(
    df: pd.DataFrame,
    label: str,
    value: str,
    title: str | None = None,
    highlight: list[str] | tuple[str, ...] | None = None,
    key: str | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top (top countries, top issues). With `highlight`
    (values of the `key` column), those bars are in the accent colour and the others
    in a neutral one: the ranking keeps its context under a filter."""
    if df is None or df.empty:
        return empty_figure()
    d = df.iloc[::-1]
    colours = ACCENT
    if highlight:
        chosen = set(highlight)
        colours = [ACCENT if k in chosen else CONTEXT_COLOUR for k in d[key or label]]
    fig = go.Figure(
        go.Bar(
            x=d[value].astype("int64").tolist(),
            y=[esc(v) for v in d[label]],
            orientation="h",
            marker_color=colours,
            hovertemplate="%{y}: %{x:,d}<extra></extra>",
        )
    )
    fig.update_yaxes(automargin=True)
    fig.update_layout(xaxis=count_axis(float(d[value].max())))
    return _layout(fig, title=title, height=max(220, 26 * len(d) + 60))


def heatmap_figure(matrix: pd.DataFrame, row_labels: dict, col_labels: dict) -> go.Figure:
    """Country (rows) x issue (columns) heatmap of sentences naming both
    (aggregates.country_issue_matrix). customdata holds [iso3, issue] of each cell."""
    if matrix is None or matrix.empty:
        return empty_figure("No sentence names both a country and an issue for these filters")
    rows = list(matrix.index)
    cols = list(matrix.columns)
    top = max(int(matrix.to_numpy().max()), 1)
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy().astype("int64").tolist(),
            x=[esc(col_labels.get(c, c)) for c in cols],
            y=[esc(row_labels.get(r, r)) for r in rows],
            customdata=[[[r, c] for c in cols] for r in rows],
            colorscale=[[0, "#fbfaf7"], [0.2, "#f2c9a8"], [1, "#8c1d18"]],
            zmin=0,
            zmax=top,
            hovertemplate="%{y} × %{x}<br>Sentences: %{z:,d}<extra></extra>",
            xgap=1,
            ygap=1,
            colorbar=count_colorbar(top, "Sentences"),
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-35, automargin=True)
    return _layout(fig, height=max(320, 28 * len(rows) + 160))


# --- reading selections back (st.plotly_chart(on_select=...) points) ---------------------------


def _point_customdata(point: dict) -> list:
    data = point.get("customdata")
    if data is None:
        return []
    return list(data) if isinstance(data, (list, tuple)) else [data]


def selected_countries(points: list[dict] | None, valid: set[str] | None = None) -> list[str]:
    """ISO3 codes of the countries (or cities' countries) in a map selection."""
    out: list[str] = []
    for point in points or []:
        if not isinstance(point, dict):
            continue
        data = _point_customdata(point)
        code = data[0] if data else point.get("location")
        if isinstance(code, str) and code and (valid is None or code in valid) and code not in out:
            out.append(code)
    return out


def selected_cells(points: list[dict] | None) -> list[tuple[str, str]]:
    """(iso3, issue) of the heatmap cells in a selection."""
    out: list[tuple[str, str]] = []
    for point in points or []:
        if not isinstance(point, dict):
            continue
        data = _point_customdata(point)
        if len(data) >= 2 and all(isinstance(v, str) for v in data[:2]):
            cell = (data[0], data[1])
            if cell not in out:
                out.append(cell)
    return out
