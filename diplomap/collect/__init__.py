"""Collect a corpus from the web: `python -m diplomap collect --out DIR ...`.

discover.py finds article URLs (GDELT DOC 2.0, RSS/Atom feeds, sitemaps and news
sitemaps, plain URL lists); fetch.py fetches them politely (robots.txt, per-host pacing,
timeouts, caps, retries that honour Retry-After); state.py records every URL in SQLite so
that an interrupted run resumes; warc.py keeps every raw response in WARC files; page.py
turns a page into an article record (trafilatura, date provenance, canonical URL);
sources.py reads the source profiles (data/sources.toml); run.py ties them together.

The output folder is one that `python -m diplomap build DIR` reads: the articles are JSON
Lines files under DIR/articles/, the raw pages DIR/warc/*.warc.gz and the state
DIR/collect.sqlite (file types build skips).
"""

from __future__ import annotations
