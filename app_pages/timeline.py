"""Timeline: mentions per month or year, stacked by country or issue."""

import streamlit as st

from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore import charts

ctx = session.context()
st.title("Timeline")
c1, c2, c3, c4 = st.columns([1, 1, 1, 1.4])
period = session.bound_radio(c1, "Period", "tl_period")
by = session.bound_radio(c2, "Stack by", "tl_by")
top = c3.number_input(
    "Groups shown", min_value=3, max_value=20, value=8, step=1, key="tl_top", **session.BOUND
)
normalise = c4.toggle(
    "Per article published in the period",
    key="tl_norm",
    help="Divide the mentions of each period by the number of articles of that period.",
    **session.BOUND,
)

if not session.explain_empty(ctx):
    long = A.mentions_per_period(ctx.view, period=period, by=by, top=int(top), normalise=normalise)
    if long.empty:
        st.info("No dated mentions under these filters. Widen the year range or the other filters.")
    else:
        st.plotly_chart(charts.stacked_figure(long, period, normalise), key="tl_chart")
        if ctx.view.n_undated:
            st.caption(f"{ctx.view.n_undated} undated articles are not on the timeline.")
        with st.expander("Numbers"):
            st.dataframe(A.period_table(long, period))
