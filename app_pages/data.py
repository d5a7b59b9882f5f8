"""Data: upload articles for this session only; download the filtered tables."""

import streamlit as st

from diplomap import session
from diplomap.explore.export import excel_safe, md_escape, table_bytes, table_sizes
from diplomap.uploads import describe_limits

ctx = session.context()
st.title("Data")
session.about_panel(ctx, expanded=True)

st.subheader("Explore your own articles")
st.caption(
    "Files are read in memory for this browser session only: they are not saved and "
    "no other visitor sees them. Text, Markdown, HTML, CSV, JSON Lines, JSON or a zip of those."
)
st.caption(describe_limits(used=session.upload_usage()))
files = st.file_uploader(
    "Articles",
    type=["txt", "md", "html", "htm", "csv", "jsonl", "json", "zip"],
    accept_multiple_files=True,
    key="dm_uploads",
)
c1, c2 = st.columns([2, 1])
if c1.button("Read the uploaded files", disabled=not files, type="primary"):
    session.read_upload_files([(f.name, f.getvalue()) for f in files])
    st.rerun()
up = session.uploaded()
if up is not None:
    if c2.button("Forget the uploads"):
        session.store_upload(None)
        st.rerun()
    st.radio(
        "Explore",
        ["merge", "replace"],
        key=session.MODE_KEY,
        horizontal=True,
        persist_state="session",  # kept across page changes until the user changes it
        format_func={
            "merge": "Uploads together with the bundled corpus",
            "replace": "Uploads only",
        }.get,
    )
    st.markdown(f"**{len(up.corpus.articles)} articles** read from {len(up.report)} files.")
    for note in up.notes:  # what the limits cut
        st.warning(md_escape(note))
    st.dataframe(excel_safe(up.report), hide_index=True)

st.subheader("Download the filtered tables")
st.caption(
    "The tables as filtered in the sidebar. CSV is UTF-8 (with a BOM for Excel) and cells "
    "that a spreadsheet would run as formulas start with a quote."
)
FORMATS = (
    ("CSV", "csv", "csv", "text/csv"),
    ("Parquet", "parquet", "pq", "application/octet-stream"),
)
for name, n in table_sizes(ctx.view).items():
    columns = st.columns([2, 1, 1])
    columns[0].markdown(f"**{name}** — {n} rows")
    # the rows are read back from the corpus only when a button is clicked
    for column, (label, fmt, key, mime) in zip(columns[1:], FORMATS, strict=True):
        column.download_button(
            label,
            lambda name=name, fmt=fmt: table_bytes(ctx.view, name, fmt),
            file_name=f"diplomap_{name}.{fmt}",
            mime=mime,
            key=f"{key}_{name}",
            on_click="ignore",
        )
