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
    "share": "Share of articles",
    "statements": "Lavrov statements",
    "top_issues": "Top issues",
}


def on_map_select() -> None:
    event = st.session_state.get(MAP_KEY) or {}
    points = (event.get("selection") or {}).get("points") or []
    picked = charts.selected_countries(points, set(session.context().options.countries))
    if picked:
        session.request_country(picked[0])
        st.session_state["map_focus"] = picked[0]


def on_focus() -> None:
    session.request_country(st.session_state.get("map_focus"))


ctx = session.context()
st.title("Map")
c1, c2, c3, c4 = st.columns([1.2, 1.2, 1, 1.4])


scope = session.bound_radio(c1, "Mentions", "map_scope")
measure = session.bound_radio(c2, "Colour by", "map_measure")
region = session.bound_radio(c3, "Region", "map_region")
countries = list(ctx.options.countries)
# the Focus box shows the country filter, however it was set (sidebar, map click, link)
st.session_state["map_focus"] = ctx.state.countries[0] if len(ctx.state.countries) == 1 else None
c4.selectbox(
    "Focus country",
    countries,
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
    "left in, it makes every other country look pale. Left out, it is drawn grey.",
    **session.BOUND,
)

if not session.explain_empty(ctx):
    view = ctx.view_with(lavrov_only=True) if scope == "lavrov" else ctx.view
    data = A.map_data(view, without="RUS" if without_russia else None)
    if data.countries.empty and data.left_out.empty:
        st.info(
            "No place is mentioned under these filters"
            + (" in Lavrov's own sentences" if view.state.lavrov_only else "")
            + ". Choose *All mentions* or widen the filters in the sidebar."
        )
    else:
        fig = charts.map_figure(
            data.countries,
            data.cities,
            measure=measure,
            selected=data.selected,
            region=region,
            left_out=data.left_out,
        )
        st.plotly_chart(
            fig,
            key=MAP_KEY,
            on_select=on_map_select,
            selection_mode="points",
            config={"topojsonURL": config.TOPOJSON_URL, "displaylogo": False, "scrollZoom": False},
        )
        st.caption(md_escape(A.map_caption(data, ctx.options.countries)))
        with st.expander("Table of countries"):
            st.dataframe(
                data.countries[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS),
                hide_index=True,
                column_config={
                    "Share of articles": st.column_config.NumberColumn(format="percent")
                },
            )
