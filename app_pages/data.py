"""Data: upload articles for this session only; download the filtered tables."""

import streamlit as st

from diplomap import appcache, views
from diplomap import filters as F

ctx = appcache.context()
st.title("Data")

st.subheader("Explore your own articles")
st.caption(
    "Files are read in memory for this browser session only: they are not saved and "
    "no other visitor sees them. Text, Markdown, HTML, CSV, JSON Lines, JSON or a zip of those."
)
files = st.file_uploader(
    "Articles",
    type=["txt", "md", "html", "htm", "csv", "jsonl", "json", "zip"],
    accept_multiple_files=True,
    key="dm_uploads",
)
c1, c2 = st.columns([2, 1])
if c1.button("Read the uploaded files", disabled=not files, type="primary"):
    with st.spinner("Reading and extracting…"):
        outcome = views.read_uploads([(f.name, f.getvalue()) for f in files])
    appcache.store_upload(outcome)
    st.rerun()
up = appcache.uploaded()
if up is not None:
    if c2.button("Forget the uploads"):
        appcache.store_upload(None)
        st.rerun()
    st.radio(
        "Explore",
        ["merge", "replace"],
        key=appcache.MODE_KEY,
        horizontal=True,
        format_func={
            "merge": "Uploads together with the bundled corpus",
            "replace": "Uploads only",
        }.get,
    )
    st.markdown(f"**{len(up.corpus.articles)} articles** read from {len(up.report)} files.")
    st.dataframe(F.excel_safe(up.report), hide_index=True)

st.subheader("Download the filtered tables")
st.caption(
    "The tables as filtered in the sidebar. CSV is UTF-8 (with a BOM for Excel) and cells "
    "that a spreadsheet would run as formulas start with a quote."
)
view = ctx.view
rows = {
    "articles": view.n_articles,
    "mentions": view.n_mentions,
    "issue_mentions": view.n_issue_mentions,
    "statements": view.n_statements,
}
for name, n in rows.items():
    a, b, c = st.columns([2, 1, 1])
    a.markdown(f"**{name}** — {n} rows")
    # the rows are read back from the corpus only when a button is clicked
    b.download_button(
        "CSV",
        lambda name=name: F.to_csv_bytes(getattr(view.materialise(), name)),
        file_name=f"diplomap_{name}.csv",
        mime="text/csv",
        key=f"csv_{name}",
        on_click="ignore",
    )
    c.download_button(
        "Parquet",
        lambda name=name: F.to_parquet_bytes(getattr(view.materialise(), name)),
        file_name=f"diplomap_{name}.parquet",
        mime="application/octet-stream",
        key=f"pq_{name}",
        on_click="ignore",
    )
