"""The dashboard's side of diplomap, without streamlit: a corpus precomputed into a
`Store` (store.py), a `View` of it under one FilterState (view.py: filters -> masks,
once), the numbers the pages show (aggregates.py), the figures (charts.py), the article
rendered as HTML (article_html.py), exports (export.py) and display labels (labels.py).

Nothing here imports streamlit, diplomap.ingest or diplomap.extract (see ARCHITECTURE.md).
"""
