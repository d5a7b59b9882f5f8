"""Overview: headline figures, articles and mentions over time, top countries and issues."""

import streamlit as st

from diplomap import query as Q
from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore import charts
from diplomap.explore.labels import language_name

ctx = session.context()
st.title("Lavrov and the Middle East")
st.caption(
    "Russian diplomacy in Arabic, Persian, Russian and English news: where Sergey Lavrov's "
    "statements point and which issues they raise. Filters are in the sidebar."
)
if not session.explain_empty(ctx):
    h = A.headline(ctx.view)
    cols = st.columns(6)
    cols[0].metric("Articles", h["articles"])
    cols[1].metric("Dated articles", h["dated_articles"])
    cols[2].metric("Lavrov statements", h["statements"])
    cols[3].metric("Countries", h["countries"])
    cols[4].metric("Issues", h["issues"])
    cols[5].metric("Languages", len(h["languages"]))
    span = h["date_span"]
    st.caption(
        (f"From {span[0]} to {span[1]} · " if span else "No dated article · ")
        + "Languages: "
        + ", ".join(language_name(c) for c in h["languages"])
        + f" · {h['mentions']} place mentions"
        + (f" · {note}" if (note := A.reprint_note(ctx.view)) else "")
    )

    session.about_panel(ctx, expanded=session.is_bundled_sample(ctx))

    default_period = A.default_period(ctx.view)
    period = (
        st.segmented_control(
            "Period",
            list(Q.PERIODS),
            default=default_period,
            key="ov_period",
            format_func=Q.PERIODS.get,
            **session.BOUND,
        )
        or default_period
    )
    st.subheader("Articles, mentions and statements over time")
    st.plotly_chart(
        charts.timeline_figure(A.articles_per_period(ctx.view, period), period),
        key="ov_timeline",
    )

    left, right = st.columns(2)
    if ctx.state.countries or ctx.state.issues:
        st.caption(
            "The rankings show every country and issue under the other filters; "
            "the chosen ones are in red."
        )
    rankings = (
        (
            left,
            "Most mentioned countries",
            A.country_ranking,
            "name",
            ctx.state.countries,
            "iso3",
            "ov_countries",
        ),
        (
            right,
            "Most mentioned issues",
            A.issue_ranking,
            "label",
            ctx.state.issues,
            "issue",
            "ov_issues",
        ),
    )
    for column, title, ranking, label, chosen, key, chart_key in rankings:
        with column:
            st.subheader(title)
            figure = charts.bar_figure(
                ranking(ctx.view, 12), label, "mentions", highlight=chosen, key=key
            )
            st.plotly_chart(figure, key=chart_key)

    undated, found = A.undated_summary(A.date_coverage(ctx.view))
    st.caption(
        f"Date coverage: {undated} of {h['articles']} articles have no publication date"
        + (f"; dates were found in the {found}." if found else ".")
    )
