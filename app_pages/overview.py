"""Overview: headline figures, articles and mentions over time, top countries and issues."""

import streamlit as st

from diplomap import appcache, charts, views
from diplomap import filters as F

ctx = appcache.context()
st.title("Lavrov and the Middle East")
st.caption(
    "Russian diplomacy in Arabic, Persian, Russian and English news: where Sergey Lavrov's "
    "statements point and which issues they raise. Filters are in the sidebar."
)
if not appcache.explain_empty(ctx):
    h = views.headline(ctx.view)
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
        + ", ".join(F.LANGUAGE_NAMES.get(c, c) for c in h["languages"])
        + f" · {h['mentions']} place mentions"
    )

    long_span = bool(span) and (int(span[1][:4]) - int(span[0][:4])) > 2
    default_period = "year" if long_span else "month"
    period = (
        st.segmented_control(
            "Period",
            ["month", "year"],
            default=default_period,
            key="ov_period",
            format_func=str.title,
        )
        or default_period
    )
    st.subheader("Articles, mentions and statements over time")
    st.plotly_chart(
        charts.timeline_figure(views.articles_per_period(ctx.view, period), period),
        key="ov_timeline",
    )

    left, right = st.columns(2)
    with left:
        st.subheader("Most mentioned countries")
        st.plotly_chart(
            charts.bar_figure(views.top_countries(ctx.view, 12), "name", "mentions"),
            key="ov_countries",
        )
    with right:
        st.subheader("Most mentioned issues")
        st.plotly_chart(
            charts.bar_figure(views.issue_counts(ctx.view).head(12), "label", "mentions"),
            key="ov_issues",
        )

    cov = views.date_coverage(ctx.view)
    undated = int(cov.loc[cov["date_source"] == "none", "articles"].sum())
    found = ", ".join(
        f"{r.date_source}: {r.articles}" for r in cov.itertuples() if r.date_source != "none"
    )
    st.caption(
        f"Date coverage: {undated} of {h['articles']} articles have no publication date"
        + (f"; dates were found in the {found}." if found else ".")
    )
