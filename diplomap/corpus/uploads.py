"""Uploaded files, merged with the saved corpus for one session only (never saved)."""

from __future__ import annotations

from diplomap import schema as S
from diplomap.corpus.tables import Corpus, concat, empty_corpus, select


def merge_corpora(*corpora: Corpus | None) -> Corpus:
    """One corpus of several; an article present in more than one is kept once (first wins)."""
    corpora = [c for c in corpora if c is not None]
    if not corpora:
        return empty_corpus()
    parts = []
    seen: set[str] = set()
    for c in corpora:
        ids = set(c.articles[S.ARTICLE_ID])
        parts.append(select(c, ids - seen))
        seen |= ids
    merged = concat(parts, [p for c in corpora for p in c.problems])
    merged.articles = merged.articles[~merged.articles[S.ARTICLE_ID].duplicated()].reset_index(
        drop=True
    )
    return merged
