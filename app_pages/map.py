"""Map: countries by mentions (choropleth) and cities (points); a click focuses a country."""

import streamlit as st

from diplomap import config, session
from diplomap.explore import aggregates as A
from diplomap.explore import charts
from diplomap.explore.export import md_escape

MAP_KEY = "map_chart"
TABLE_COLUMNS = {
    "name": "Country",
    "iso3": "ISO3",
    "mentions": "Mentions",
    "articles": "Articles",
    "statements": "Lavrov statements",
    "top_issues": "Top issues",
}


def on_map_select() -> None:
    event = st.session_state.get(MAP_KEY) or {}
    points = (event.get("selection") or {}).get("points") or []
    picked = charts.selected_countries(points, set(session.context().options.countries))
    if picked:
        session.request_country(picked[0])


def on_focus() -> None:
    session.request_country(st.session_state.get("map_focus"))


ctx = session.context()
st.title("Map")
c1, c2, c3, c4 = st.columns([1.2, 1.2, 1, 1.4])
scope = c1.radio(
    "Mentions",
    ["all", "lavrov"],
    key="map_scope",
    horizontal=True,
    format_func={"all": "All mentions", "lavrov": "Lavrov's statements only"}.get,
)
measure = c2.radio(
    "Colour by",
    ["mentions", "share"],
    key="map_measure",
    horizontal=True,
    format_func={"mentions": "Number of mentions", "share": "Share of articles"}.get,
)
region = c3.radio(
    "Region",
    ["middle_east", "world"],
    key="map_region",
    horizontal=True,
    format_func={"middle_east": "Middle East", "world": "World"}.get,
)
countries = list(ctx.options.countries)
current = ctx.state.countries[0] if len(ctx.state.countries) == 1 else None
c4.selectbox(
    "Focus country",
    countries,
    index=countries.index(current) if current in countries else None,
    format_func=lambda c: ctx.options.countries.get(c, c),
    key="map_focus",
    placeholder="Click the map or choose",
    on_change=on_focus,
)

without_russia = st.toggle(
    "Leave Russia out of the colour scale",
    value=True,
    key="map_no_rus",
    help="Russia is Lavrov's own country and is named in almost every article; "
    "left in, it makes every other country look pale.",
)

if not session.explain_empty(ctx):
    view = ctx.view_with(lavrov_only=True) if scope == "lavrov" else ctx.view
    table = A.map_countries(view, without="RUS" if without_russia else None)
    cities = A.city_points(view, top_n=200)
    if table.empty:
        st.info(
            "No place is mentioned under these filters"
            + (" in Lavrov's own sentences" if view.state.lavrov_only else "")
            + ". Choose *All mentions* or widen the filters in the sidebar."
        )
    else:
        fig = charts.map_figure(
            table, cities, measure=measure, selected=ctx.state.countries, region=region
        )
        st.plotly_chart(
            fig,
            key=MAP_KEY,
            on_select=on_map_select,
            selection_mode="points",
            config={"topojsonURL": config.TOPOJSON_URL, "displaylogo": False, "scrollZoom": False},
        )
        st.caption(
            f"{len(table)} countries and {len(cities)} cities. Click a country (or use *Focus "
            "country*) to filter the whole app to it; clear it in the sidebar."
        )
        with st.expander("Table of countries"):
            st.dataframe(table[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS), hide_index=True)
        if ctx.state.countries:
            names = ", ".join(ctx.options.countries.get(c, c) for c in ctx.state.countries)
            st.caption("Focused on: " + md_escape(names))
