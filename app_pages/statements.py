"""Statements: Lavrov's sentences, searchable and sorted; one selected shows in full,
with its article (title, outlet, date, link) below."""

import streamlit as st

from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore.article_html import (
    article_header_html,
    article_html,
    carried_by_html,
    statement_html,
)
from diplomap.explore.export import excel_safe, md_escape

PAGE_ROWS = 500  # statements sent to the browser at a time
TABLE_KEY = "st_table"
COLUMNS = {
    "date": st.column_config.TextColumn("Date", width="small"),
    "text": st.column_config.TextColumn(
        "Statement", width="large", help="Select a row to read it in full, with its article."
    ),
    "source": st.column_config.TextColumn("Outlet", width="small"),
    "outlets": st.column_config.NumberColumn(
        "Outlets",
        width="small",
        format="%d",
        help="How many outlets carried this story (the outlets of its reprints included).",
    ),
    "link": st.column_config.LinkColumn(
        "Link", width="small", display_text="open ↗", help="The original article (new tab)."
    ),
    "kind": st.column_config.TextColumn("How he said it", width="small"),
    "countries": st.column_config.TextColumn("Countries", width="small"),
    "issues": st.column_config.TextColumn("Issues", width="medium"),
    "evidence": st.column_config.TextColumn("Why it is his", width="small"),
    "language": st.column_config.TextColumn("Language", width="small"),
}
SEARCH_HELP = (
    "Finds the words as typed in the statements' text (any language, upper or lower "
    "case), and also matches the English names of places and issues: *Syria* finds "
    "statements naming سوريا, سوریه or Сирия, *Gaza war* those about the Gaza war, "
    "whatever the article's language. The outlet's name matches too."
)


def on_select() -> None:
    rows = ((st.session_state.get(TABLE_KEY) or {}).get("selection") or {}).get("rows") or []
    refs = st.session_state.get("_st_refs") or []
    session.select_statement(refs[rows[0]] if rows and rows[0] < len(refs) else "")


ctx = session.context()
st.title("Lavrov's statements")
if not session.explain_empty(ctx, "statements"):
    c1, c2 = st.columns([3, 1])
    search = c1.text_input(
        "Search the statements",
        key="st_query",
        placeholder="a word, a country, an issue, an outlet…",
        help=SEARCH_HELP,
        **session.BOUND,
    )
    order = session.bound_radio(c2, "Order", "st_sort")
    page = A.statement_page(
        ctx.view, search, st.session_state.get("st_page", 1), PAGE_ROWS, newest=order == "newest"
    )
    if st.session_state.get("st_page", page.page) != page.page:
        st.session_state["st_page"] = page.page  # the filters changed: stay within range
    st.caption(
        f"{page.found} of {page.total} statements (the sidebar's filters apply)"
        + (
            f"; rows {page.first + 1}–{page.first + len(page.table)} shown"
            if page.pages > 1
            else ""
        )
        + ". Click a column header to sort by it; select a row to read it in full."
    )
    if not page.found:
        st.info("No statement matches. Clear the search or widen the filters in the sidebar.")
    else:
        refs = [A.statement_ref(a, s) for a, s in zip(page.table["article_id"], page.table["sentence"], strict=True)]  # fmt: skip
        st.session_state["_st_refs"] = refs
        chosen = A.find_statement(page.table, session.selected_statement())
        shown = [c for c in COLUMNS if c != "link" or page.table["link"].notna().any()]
        event = st.dataframe(
            # formula-safe: the table's own download button writes CSV as shown
            excel_safe(page.table[shown]),
            hide_index=True,
            on_select=on_select,
            selection_mode="single-row",
            selection_default={"selection": {"rows": [chosen]}} if chosen is not None else None,
            key=TABLE_KEY,
            column_config=COLUMNS,
            row_height=56,
        )
        if page.pages > 1:
            st.number_input(
                f"Page (of {page.pages})",
                min_value=1,
                max_value=page.pages,
                step=1,
                key="st_page",
                **session.BOUND,
            )
        rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
        row = rows[0] if rows and 0 <= rows[0] < len(page.table) else chosen
        if row is not None:
            picked = page.table.iloc[row]
            st.subheader("The statement")
            st.html(statement_html(picked["text"]))
            st.caption(md_escape(f"{picked['kind']} · {picked['evidence']}"))
            parts = ctx.store.article_parts(picked["article_id"])
            st.subheader("The article")
            st.html(article_header_html(parts[0]))
            st.html(carried_by_html(ctx.store.cluster_articles(picked["article_id"])))
            st.html(article_html(*parts, show_title=False))
