"""Where a Store reads the full rows of some articles back from (exports only): an
in-memory corpus, a saved corpus version (Parquet, read with a filter), or both."""

from __future__ import annotations

from pathlib import Path

from diplomap import schema as S
from diplomap.corpus import TABLES, Corpus, coerce, merge_corpora
from diplomap.corpus.saved import read_saved_table


class MemorySource:
    """Full rows of an in-memory corpus."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    def subset(self, ids: set[str]) -> Corpus:
        tables = {}
        for name, df in self.corpus.tables().items():
            tables[name] = df[df[S.ARTICLE_ID].astype(str).isin(ids)].reset_index(drop=True)
        return Corpus(**tables)


class ParquetSource:
    """Full rows of a corpus saved by diplomap.corpus.save_corpus, read on demand."""

    def __init__(self, version_dir: Path):
        self.version_dir = Path(version_dir)

    def subset(self, ids: set[str]) -> Corpus:
        tables = {}
        for name in TABLES:  # only the parts that hold these articles are read
            table = read_saved_table(self.version_dir, name, ids=ids)
            tables[name] = coerce(table.to_pandas(), name)
        return Corpus(**tables)


class UnionSource:
    """Full rows of several sources (an article in more than one: the first wins)."""

    def __init__(self, parts: list[tuple[object, set[str]]]):
        self.parts = parts  # (source, its article ids)

    def subset(self, ids: set[str]) -> Corpus:
        seen: set[str] = set()
        corpora = []
        for source, own in self.parts:
            wanted = (ids & own) - seen
            seen |= wanted
            if wanted:
                corpora.append(source.subset(wanted))
        return merge_corpora(*corpora)
