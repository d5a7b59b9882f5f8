"""Statements: Lavrov's sentences, searchable; one selected shows its whole article."""

from pathlib import PurePath

import streamlit as st

from diplomap import appcache, views
from diplomap import filters as F

PAGE_ROWS = 500  # statements sent to the browser at a time

ctx = appcache.context()
st.title("Lavrov's statements")
if not appcache.explain_empty(ctx, "statements"):
    order = views.statement_order(ctx.view)  # all statements of the view (numbers)
    query = st.text_input(
        "Search the statements", key="st_query", placeholder="a word, a country, an issue…"
    )
    found = views.search_order(ctx.view, order, query)
    pages = max(1, -(-len(found) // PAGE_ROWS))
    page = int(st.session_state.get("st_page", 1) or 1)
    page = min(max(page, 1), pages)
    if "st_page" in st.session_state and st.session_state["st_page"] != page:
        st.session_state["st_page"] = page  # the filters changed: stay within range
    first = (page - 1) * PAGE_ROWS
    # only the rows of this page are built and sent to the browser
    part = views.statement_frame(ctx.view, found[first : first + PAGE_ROWS])
    st.caption(
        f"{len(found)} of {len(order)} statements (the sidebar's filters apply)"
        + (f"; rows {first + 1}–{first + len(part)} shown" if pages > 1 else "")
        + ". Select a row to read the whole article."
    )
    if not len(found):
        st.info("No statement matches. Clear the search or widen the filters in the sidebar.")
    else:
        event = st.dataframe(
            # formula-safe: the table's own download button writes CSV as shown
            F.excel_safe(
                part[["date", "text", "countries", "issues", "language", "source"]].assign(
                    date=views.date_labels(part["date"])
                )
            ),
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key="st_table",
            column_config={
                "date": st.column_config.TextColumn("Date", width="small"),
                "text": st.column_config.TextColumn("Statement", width="large"),
                "countries": st.column_config.TextColumn("Countries", width="small"),
                "issues": st.column_config.TextColumn("Issues", width="medium"),
                "language": st.column_config.TextColumn("Language", width="small"),
                "source": st.column_config.TextColumn("Source", width="small"),
            },
        )
        if pages > 1:
            st.number_input(
                f"Page (of {pages})", min_value=1, max_value=pages, step=1, key="st_page"
            )
        rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
        if rows and 0 <= rows[0] < len(part):
            picked = part.iloc[rows[0]]
            article, places, issues, statements = views.article_parts(
                ctx.store, picked["article_id"]
            )
            published = article.get("published")
            meta = [
                str(article.get("source") or ""),
                published.date().isoformat()
                if hasattr(published, "date") and published == published
                else "no date",
                PurePath(str(article.get("file") or "")).name,  # no server paths
            ]
            st.subheader("The article")
            st.caption(F.md_escape(" · ".join(m for m in meta if m)))
            st.html(views.article_html(article, places, issues, statements))
