"""Statements: Lavrov's sentences, searchable; one selected shows its whole article."""

from pathlib import PurePath

import streamlit as st

from diplomap import appcache, views
from diplomap import filters as F

ctx = appcache.context()
st.title("Lavrov's statements")
if not appcache.explain_empty(ctx, "statements"):
    table = views.statement_table(ctx.view)
    query = st.text_input(
        "Search the statements", key="st_query", placeholder="a word, a country, an issue…"
    )
    shown = views.search_statements(table, query)
    st.caption(
        f"{len(shown)} of {len(table)} statements (the sidebar's filters apply). "
        "Select a row to read the whole article."
    )
    if shown.empty:
        st.info("No statement matches. Clear the search or widen the filters in the sidebar.")
    else:
        event = st.dataframe(
            # formula-safe: the table's own download button writes CSV as shown
            F.excel_safe(shown[["date", "text", "countries", "issues", "language", "source"]]),
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key="st_table",
            column_config={
                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                "text": st.column_config.TextColumn("Statement", width="large"),
                "countries": st.column_config.TextColumn("Countries", width="small"),
                "issues": st.column_config.TextColumn("Issues", width="medium"),
                "language": st.column_config.TextColumn("Language", width="small"),
                "source": st.column_config.TextColumn("Source", width="small"),
            },
        )
        rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
        if rows and 0 <= rows[0] < len(shown):
            picked = shown.iloc[rows[0]]
            article, places, issues, statements = views.article_parts(
                ctx.corpus, picked["article_id"]
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
