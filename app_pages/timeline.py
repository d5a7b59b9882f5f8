"""Timeline: mentions per month or year, stacked by country or issue."""

import streamlit as st

from diplomap import appcache, charts, views

ctx = appcache.context()
st.title("Timeline")
c1, c2, c3, c4 = st.columns([1, 1, 1, 1.4])
period = c1.radio(
    "Period", ["month", "year"], key="tl_period", horizontal=True, format_func=str.title
)
by = c2.radio("Stack by", ["country", "issue"], key="tl_by", horizontal=True, format_func=str.title)
top = c3.number_input("Groups shown", min_value=3, max_value=20, value=8, step=1, key="tl_top")
normalise = c4.toggle(
    "Per article published in the period",
    key="tl_norm",
    help="Divide the mentions of each period by the number of articles of that period.",
)

if not appcache.explain_empty(ctx):
    long = views.mentions_per_period(
        ctx.view, period=period, by=by, top=int(top), normalise=normalise
    )
    if long.empty:
        st.info("No dated mentions under these filters. Widen the year range or the other filters.")
    else:
        st.plotly_chart(charts.stacked_figure(long, period, normalise), key="tl_chart")
        undated = ctx.view.n_undated
        if undated:
            st.caption(f"{undated} undated articles are not on the timeline.")
        with st.expander("Numbers"):
            table = long.pivot_table(
                index="period",
                columns="group",
                values="value",
                aggfunc="sum",
                fill_value=0,
                observed=True,
            )
            st.dataframe(table)
