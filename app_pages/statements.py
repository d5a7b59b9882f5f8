"""Statements: Lavrov's sentences, searchable; one selected shows its whole article."""

import streamlit as st

from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore.article_html import article_caption, article_html
from diplomap.explore.export import excel_safe, md_escape

PAGE_ROWS = 500  # statements sent to the browser at a time
COLUMNS = {
    "date": st.column_config.TextColumn("Date", width="small"),
    "text": st.column_config.TextColumn("Statement", width="large"),
    "countries": st.column_config.TextColumn("Countries", width="small"),
    "issues": st.column_config.TextColumn("Issues", width="medium"),
    "kind": st.column_config.TextColumn("How he said it", width="small"),
    "evidence": st.column_config.TextColumn("Why it is his", width="small"),
    "language": st.column_config.TextColumn("Language", width="small"),
    "source": st.column_config.TextColumn("Source", width="small"),
}

ctx = session.context()
st.title("Lavrov's statements")
if not session.explain_empty(ctx, "statements"):
    search = st.text_input(
        "Search the statements", key="st_query", placeholder="a word, a country, an issue…"
    )
    page = A.statement_page(ctx.view, search, st.session_state.get("st_page", 1), PAGE_ROWS)
    if st.session_state.get("st_page", page.page) != page.page:
        st.session_state["st_page"] = page.page  # the filters changed: stay within range
    st.caption(
        f"{page.found} of {page.total} statements (the sidebar's filters apply)"
        + (
            f"; rows {page.first + 1}–{page.first + len(page.table)} shown"
            if page.pages > 1
            else ""
        )
        + ". Select a row to read the whole article."
    )
    if not page.found:
        st.info("No statement matches. Clear the search or widen the filters in the sidebar.")
    else:
        event = st.dataframe(
            # formula-safe: the table's own download button writes CSV as shown
            excel_safe(page.table[list(COLUMNS)]),
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key="st_table",
            column_config=COLUMNS,
        )
        if page.pages > 1:
            st.number_input(
                f"Page (of {page.pages})", min_value=1, max_value=page.pages, step=1, key="st_page"
            )
        rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
        if rows and 0 <= rows[0] < len(page.table):
            parts = ctx.store.article_parts(page.table.iloc[rows[0]]["article_id"])
            st.subheader("The article")
            st.caption(md_escape(article_caption(parts[0])))
            st.html(article_html(*parts))
