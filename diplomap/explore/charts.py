"""One function per chart: an aggregated DataFrame (diplomap.explore.aggregates) -> a
Plotly figure.

Built with plotly.graph_objects (fast) from data that is already aggregated, so a
figure's JSON stays small whatever the corpus size (city points are capped by
aggregates.city_points). Text that comes from articles (place names, issue labels,
sources) is escaped with html.escape before it goes into hover text, because
plotly.js renders some HTML tags there.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

ACCENT = "#b5362b"
PALETTE = [
    "#b5362b",
    "#2f6b9a",
    "#d08c2b",
    "#3f8f5a",
    "#7a4f9a",
    "#a0522d",
    "#4aa3a3",
    "#c25a8a",
    "#7f7f7f",
    "#9c9c3c",
    "#5a6acf",
    "#bb7d5b",
]
OTHER_COLOUR = "#b9b4aa"
MAP_MEASURES = {
    "mentions": "Mentions",
    "share": "Share of articles",
    "statements": "Lavrov statements",
}


def esc(value: object) -> str:
    """Text as it may appear in hover text and labels."""
    return html.escape(str(value), quote=True)


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


def _country_trace(countries: pd.DataFrame, measure: str, selected) -> go.Choropleth:
    """The choropleth of the countries by `measure`; customdata[0] is the ISO3 code."""
    z = countries[measure].astype(float)
    if measure == "share":
        z = z * 100
    label = MAP_MEASURES.get(measure, measure)
    hover = [
        (
            f"<b>{esc(r.name)}</b> ({esc(r.iso3)})<br>"
            f"Mentions: {int(r.mentions)}<br>"
            f"Articles: {int(r.articles)} ({r.share:.0%} of articles)<br>"
            f"Lavrov statements: {int(r.statements)}"
            + (f"<br>Top issues: {esc(r.top_issues)}" if r.top_issues else "")
        )
        for r in countries.itertuples(index=False)
    ]
    return go.Choropleth(
        locations=countries["iso3"].tolist(),
        locationmode="ISO-3",
        z=z.round(3).tolist(),
        customdata=[[c] for c in countries["iso3"]],
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        colorscale=[[0, "#f6e3d4"], [0.5, "#e07b55"], [1, "#8c1d18"]],
        zmin=0,
        marker_line_color="#ffffff",
        marker_line_width=0.5,
        colorbar=dict(
            title=dict(text=esc(label + (" (%)" if measure == "share" else ""))),
            thickness=12,
            len=0.6,
        ),
        selectedpoints=[i for i, c in enumerate(countries["iso3"]) if c in set(selected)] or None,
        name="countries",
    )


def _city_trace(cities: pd.DataFrame) -> go.Scattergeo:
    """The cities as points sized by their mentions."""
    size = cities["mentions"].astype(float)
    sizes = (6 + 24 * (size / max(size.max(), 1)) ** 0.5).round(1)
    return go.Scattergeo(
        lon=cities["lon"].round(3).tolist(),
        lat=cities["lat"].round(3).tolist(),
        customdata=[[c] for c in cities["iso3"]],
        text=[
            f"<b>{esc(r.place)}</b><br>Mentions: {int(r.mentions)}<br>Articles: {int(r.articles)}"
            for r in cities.itertuples(index=False)
        ],
        hovertemplate="%{text}<extra></extra>",
        mode="markers",
        marker=dict(
            size=sizes.tolist(),
            color="#2f6b9a",
            opacity=0.75,
            line=dict(width=0.6, color="#ffffff"),
        ),
        name="cities",
        showlegend=False,
    )


def map_figure(
    countries: pd.DataFrame,
    cities: pd.DataFrame | None = None,
    measure: str = "mentions",
    selected: tuple[str, ...] = (),
    region: str = "middle_east",
) -> go.Figure:
    """Choropleth of countries (aggregates.country_counts) by `measure` ("mentions",
    "share" or "statements"), with cities (aggregates.city_points) as sized points.

    The choropleth is trace 0; its customdata[0] is the ISO3 code (what a click
    selects). Uses ISO-3 locations and topojson at resolution 50, so the caller must
    pass config={"topojsonURL": ...} to st.plotly_chart for an offline map.
    `region` "middle_east" zooms on the region, "world" shows everything."""
    fig = go.Figure()
    if countries is not None and len(countries):
        fig.add_trace(_country_trace(countries, measure, selected))
    if cities is not None and len(cities):
        fig.add_trace(_city_trace(cities))
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
    fig = _layout(fig, height=560)
    fig.update_layout(clickmode="event+select", dragmode=False)
    return fig


def timeline_figure(per_period: pd.DataFrame, period: str = "month") -> go.Figure:
    """Articles (bars) and mentions and statements (lines) per period
    (aggregates.articles_per_period)."""
    if per_period is None or per_period.empty:
        return empty_figure("No dated articles for these filters")
    x = per_period["period"]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=x, y=per_period["articles"], name="Articles", marker_color="#d9cfc0"))
    for column, name, line in (
        ("mentions", "Place mentions", dict(color=ACCENT)),
        ("statements", "Lavrov statements", dict(color="#2f6b9a", dash="dot")),
    ):
        fig.add_trace(
            go.Scatter(
                x=x, y=per_period[column], name=name, mode="lines+markers", line=line, yaxis="y2"
            )
        )
    fig.update_layout(
        yaxis=dict(title="Articles", rangemode="tozero"),
        yaxis2=dict(
            title="Mentions / statements", overlaying="y", side="right", rangemode="tozero"
        ),
        bargap=0.15,
    )
    fig.update_xaxes(dtick="M12" if period == "year" else None)
    return _layout(fig)


def stacked_figure(
    long: pd.DataFrame, period: str = "month", normalised: bool = False
) -> go.Figure:
    """Stacked bars of mentions per period by group (aggregates.mentions_per_period)."""
    if long is None or long.empty:
        return empty_figure("No dated mentions for these filters")
    fig = go.Figure()
    groups = (
        [g for g in long["group"].cat.categories if g in set(long["group"])]
        if hasattr(long["group"], "cat")
        else list(dict.fromkeys(long["group"]))
    )
    for i, g in enumerate(groups):
        part = long[long["group"] == g]
        colour = OTHER_COLOUR if g == "Other" else PALETTE[i % len(PALETTE)]
        fig.add_trace(
            go.Bar(
                x=part["period"],
                y=part["value"].round(4),
                name=esc(g),
                marker_color=colour,
                hovertemplate=f"{esc(g)}<br>%{{x|%Y-%m}}: %{{y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        yaxis=dict(title="Mentions per article" if normalised else "Mentions"),
    )
    if period == "year":
        fig.update_xaxes(dtick="M12", tickformat="%Y")
    return _layout(fig, height=460)


def bar_figure(df: pd.DataFrame, label: str, value: str, title: str | None = None) -> go.Figure:
    """Horizontal bars, largest on top (top countries, top issues, date coverage)."""
    if df is None or df.empty:
        return empty_figure()
    d = df.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=d[value],
            y=[esc(v) for v in d[label]],
            orientation="h",
            marker_color=ACCENT,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(automargin=True)
    return _layout(fig, title=title, height=max(220, 26 * len(d) + 60))


def heatmap_figure(matrix: pd.DataFrame, row_labels: dict, col_labels: dict) -> go.Figure:
    """Country (rows) x issue (columns) heatmap of sentences naming both
    (aggregates.country_issue_matrix). customdata holds [iso3, issue] of each cell."""
    if matrix is None or matrix.empty:
        return empty_figure("No sentence names both a country and an issue for these filters")
    rows = list(matrix.index)
    cols = list(matrix.columns)
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy().tolist(),
            x=[esc(col_labels.get(c, c)) for c in cols],
            y=[esc(row_labels.get(r, r)) for r in rows],
            customdata=[[[r, c] for c in cols] for r in rows],
            colorscale=[[0, "#fbfaf7"], [0.2, "#f2c9a8"], [1, "#8c1d18"]],
            hovertemplate="%{y} × %{x}<br>Sentences: %{z}<extra></extra>",
            xgap=1,
            ygap=1,
            colorbar=dict(title=dict(text="Sentences"), thickness=12),
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-35, automargin=True)
    return _layout(fig, height=max(320, 28 * len(rows) + 160))


def trend_figure(long: pd.DataFrame, period: str = "year") -> go.Figure:
    """Issue mentions per period, one line per issue (aggregates.issue_trends)."""
    if long is None or long.empty:
        return empty_figure("No dated issue mentions for these filters")
    fig = go.Figure()
    groups = list(dict.fromkeys(long["group"].astype(str)))
    for i, g in enumerate(groups):
        part = long[long["group"].astype(str) == g]
        fig.add_trace(
            go.Scatter(
                x=part["period"],
                y=part["value"],
                name=esc(g),
                mode="lines+markers",
                line=dict(color=PALETTE[i % len(PALETTE)]),
                hovertemplate=f"{esc(g)}<br>%{{x|%Y-%m}}: %{{y}}<extra></extra>",
            )
        )
    if period == "year":
        fig.update_xaxes(dtick="M12", tickformat="%Y")
    return _layout(fig, height=420)


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
