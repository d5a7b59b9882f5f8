"""Issues: which countries are named with which issues, and issue trends."""

import streamlit as st

from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore import charts
from diplomap.explore.export import excel_safe

HEAT_KEY = "issues_heatmap"
CELL_ROWS = 1000  # statements of a cell sent to the browser
CELL_COLUMNS = ["date", "text", "countries", "issues", "language", "source"]


def on_cell() -> None:
    event = st.session_state.get(HEAT_KEY) or {}
    cells = charts.selected_cells((event.get("selection") or {}).get("points"))
    if cells:
        st.session_state["iss_country"], st.session_state["iss_issue"] = cells[0]


ctx = session.context()
st.title("Issues")
if not session.explain_empty(ctx):
    matrix = A.country_issue_matrix(ctx.view, top_countries=20)
    row_labels, col_labels = A.matrix_labels(matrix, ctx.options)
    st.subheader("Countries and issues named in the same sentence")
    st.caption("Click a cell (or choose below) to read the statements behind it.")
    st.plotly_chart(
        charts.heatmap_figure(matrix, row_labels, col_labels),
        key=HEAT_KEY,
        on_select=on_cell,
        selection_mode="points",
    )

    c1, c2 = st.columns(2)
    for key, labels in (("iss_country", row_labels), ("iss_issue", col_labels)):
        if st.session_state.get(key) not in labels:
            st.session_state.pop(key, None)
    iso = c1.selectbox(
        "Country",
        list(row_labels),
        index=None,
        key="iss_country",
        placeholder="Any country",
        **session.BOUND,
        format_func=lambda c: row_labels.get(c, c),
    )
    issue = c2.selectbox(
        "Issue",
        list(col_labels),
        index=None,
        key="iss_issue",
        placeholder="Any issue",
        **session.BOUND,
        format_func=lambda i: col_labels.get(i, i),
    )
    if iso or issue:
        table = A.readable(A.statements_for_cell(ctx.view, iso, issue))
        named = [x for x in (row_labels.get(iso), col_labels.get(issue)) if x]
        st.markdown(f"**{len(table)} Lavrov statements** name " + " and ".join(named))
        if table.empty:
            st.info(
                "Lavrov's own sentences do not name this combination; the count comes from other sentences."
            )
        else:
            if len(table) > CELL_ROWS:
                st.caption(f"The first {CELL_ROWS} by date; all are on the Statements page.")
            st.dataframe(excel_safe(table.head(CELL_ROWS)[CELL_COLUMNS]), hide_index=True)

    st.subheader("Issues over time")
    period = session.bound_radio(st, "Period", "iss_period")
    st.plotly_chart(charts.trend_figure(A.issue_trends(ctx.view, period), period), key="iss_trend")
