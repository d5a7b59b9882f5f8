"""Issues: which countries are named with which issues, and issue trends."""

import streamlit as st

from diplomap import appcache, charts, views
from diplomap import filters as F

HEAT_KEY = "issues_heatmap"
CELL_ROWS = 1000  # statements of a cell sent to the browser


def on_cell() -> None:
    event = st.session_state.get(HEAT_KEY) or {}
    cells = charts.selected_cells((event.get("selection") or {}).get("points"))
    if cells:
        st.session_state["iss_country"], st.session_state["iss_issue"] = cells[0]


ctx = appcache.context()
st.title("Issues")
if not appcache.explain_empty(ctx):
    matrix = views.country_issue_matrix(ctx.view, top_countries=20)
    st.subheader("Countries and issues named in the same sentence")
    st.caption("Click a cell (or choose below) to read the statements behind it.")
    row_labels = {c: ctx.options.countries.get(c, views.country_name(c)) for c in matrix.index}
    col_labels = {i: ctx.options.issues.get(i, views.issue_label(i)) for i in matrix.columns}
    st.plotly_chart(
        charts.heatmap_figure(matrix, row_labels, col_labels),
        key=HEAT_KEY,
        on_select=on_cell,
        selection_mode="points",
    )

    c1, c2 = st.columns(2)
    countries = list(matrix.index) if not matrix.empty else []
    issues = list(matrix.columns) if not matrix.empty else []
    for key, opts in (("iss_country", countries), ("iss_issue", issues)):
        if st.session_state.get(key) not in opts:
            st.session_state.pop(key, None)
    iso = c1.selectbox(
        "Country",
        countries,
        index=None,
        key="iss_country",
        placeholder="Any country",
        format_func=lambda c: row_labels.get(c, c),
    )
    issue = c2.selectbox(
        "Issue",
        issues,
        index=None,
        key="iss_issue",
        placeholder="Any issue",
        format_func=lambda i: col_labels.get(i, i),
    )
    if iso or issue:
        table = views.statements_for_cell(ctx.view, iso, issue)
        st.markdown(
            f"**{len(table)} Lavrov statements** name "
            + " and ".join(
                x
                for x in (iso and row_labels.get(iso, iso), issue and col_labels.get(issue, issue))
                if x
            )
        )
        if table.empty:
            st.info(
                "Lavrov's own sentences do not name this combination; the count comes from other sentences."
            )
        else:
            if len(table) > CELL_ROWS:
                st.caption(f"The first {CELL_ROWS} by date; all are on the Statements page.")
            st.dataframe(
                F.excel_safe(
                    table.head(CELL_ROWS)[
                        ["date", "text", "countries", "issues", "language", "source"]
                    ]
                ),
                hide_index=True,
            )

    st.subheader("Issues over time")
    period = st.radio(
        "Period", ["year", "month"], key="iss_period", horizontal=True, format_func=str.title
    )
    st.plotly_chart(
        charts.trend_figure(views.issue_trends(ctx.view, period), period), key="iss_trend"
    )
