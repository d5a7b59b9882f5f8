"""The precomputed Store: what the dashboard aggregates.

At 100k articles the corpus has millions of mention rows: filtering and grouping them
(with string article ids) on every rerun is far too slow, and the full tables do not fit
in the dashboard's memory. A `Store` is built once per corpus (store_build.py) and is
read-only afterwards, shared by every session: numpy arrays (texts as one UTF-8 byte
array plus offsets) and a few lists of names, every one of them declared below. It is
saved next to its corpus version and loaded back memory-mapped, so a restart reads no
table. diplomap.explore.view answers questions from masks over it; the full rows are
read back (`Store.subset`, through diplomap.explore.sources) only for exports.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from diplomap import schema as S
from diplomap.corpus import merge_corpora
from diplomap.corpus.saved import read_saved_table, saved_columns
from diplomap.explore.sources import MemorySource, ParquetSource, UnionSource
from diplomap.explore.store_build import COLUMNS, DICTIONARY_COLUMNS, StoreBuilder, arrow_table

STORE_FORMAT = "dashboard-store-4"  # the folder a Store is saved in (change to invalidate)
MEMO_ENTRIES = 256  # results memoised per Store

# Every array a Store holds (saved as <name>.npy). Codes are int32 indexes into the
# name lists of META; "-1" is a missing value, and the last code of n_iso / n_issue
# stands for "no country" / "no issue".
ARRAYS = (
    # articles, by article code: id, date, language, source, where the date came from,
    # texts (bytes + offsets) and boilerplate spans (+ offsets)
    "art_ids", "art_dated", "art_year", "art_month", "art_published", "art_lang",
    "art_source", "art_date_source", "art_text", "art_text_off", "art_title",
    "art_title_off", "art_file", "art_file_off", "art_url", "art_url_off", "art_bp",
    "art_bp_off",
    # reprints: cluster code and its outlets per article; the articles by cluster, the
    # first published first (the article that stands for its cluster)
    "art_cluster", "art_outlets", "cluster_order",
    # mention rows by article (offsets), for the article view
    "m_art_off", "m_start", "m_end", "m_place",
    # per (article, country): mentions, Lavrov's mentions, Lavrov's sentences naming it
    "ac_art", "ac_iso", "ac_n", "ac_nl", "ac_sl",
    # cities with coordinates, and per (article, city) mentions and Lavrov's mentions
    "city_place", "city_iso", "city_lat", "city_lon", "cc_art", "cc_city", "cc_n", "cc_nl",
    # issue mention rows by article, and per (article, issue) counts as for countries
    "i_art_off", "i_start", "i_end", "i_issue",
    "ai_art", "ai_issue", "ai_n", "ai_nl", "ai_sl",
    # sentences naming a country and an issue: article, real sentence?, codes, Lavrov's?
    "p_art", "p_sent_ok", "p_iso", "p_issue", "p_lav",
    # statements (sorted by article): sentence, span, kind, evidence, text, lower-case text
    "s_art", "s_sent", "s_start", "s_end", "s_kind", "s_evidence", "s_text", "s_text_off",
    "s_art_off", "s_order", "s_lower", "s_lower_off",
    # statement -> countries / issues its sentence names (and whether Lavrov's mention)
    "sc_stmt", "sc_iso", "sc_lav", "si_stmt", "si_issue", "si_lav",
)  # fmt: skip
# The names and sizes (saved in meta.json).
META = (
    "fingerprint", "languages", "sources", "date_sources", "iso_cats", "place_cats",
    "issue_cats", "kind_cats", "evidence_cats", "n_articles", "n_iso",
    "n_issue", "n_statements", "n_clusters",
)  # fmt: skip


def _text(data: np.ndarray, off: np.ndarray, i: int) -> str:
    return bytes(data[off[i] : off[i + 1]]).decode("utf-8", "replace")


def _names(cats: list[str], codes: np.ndarray, missing: str = "") -> list[str]:
    return [cats[c] if 0 <= c < len(cats) else missing for c in codes]


class Store:
    """A corpus precomputed for the dashboard (read-only once built; shared by sessions).
    Build one with `from_corpus` or `from_saved`; `save` and `load` keep it on disk."""

    def __init__(self, source, arrays: Mapping[str, np.ndarray], meta: Mapping[str, object]):
        missing = [k for k in ARRAYS if k not in arrays] + [k for k in META if k not in meta]
        if missing:
            raise KeyError(f"a Store needs {', '.join(missing)}")
        self.source = source  # where the full rows are read back from (exports)
        self.arrays = {k: arrays[k] for k in ARRAYS}
        self.meta = {k: meta[k] for k in META}
        for k in ARRAYS:
            setattr(self, k, self.arrays[k])
        for k in META:
            setattr(self, k, self.meta[k])
        self._lock = threading.RLock()
        self._memo: dict = {}  # a cache of results, bounded (MEMO_ENTRIES)
        self._index: pd.Index | None = None

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_corpus(cls, corpus, source=None) -> Store:
        """A Store of an in-memory corpus (its full rows stay available for exports)."""
        builder = StoreBuilder()
        builder.articles(arrow_table(corpus.articles, COLUMNS["articles"]))
        builder.mentions(arrow_table(corpus.mentions, COLUMNS["mentions"]))
        builder.issues(arrow_table(corpus.issue_mentions, COLUMNS["issue_mentions"]))
        builder.statements(arrow_table(corpus.statements, COLUMNS["statements"]))
        builder.meta["fingerprint"] = corpus.fingerprint
        return cls(
            source if source is not None else MemorySource(corpus), builder.arrays, builder.meta
        )

    @classmethod
    def from_saved(cls, version_dir: str | Path, fingerprint: str | None = None) -> Store:
        """A Store read from a saved corpus version, one table at a time (the full tables
        are never in memory at once); exports read their rows back from the files."""
        vdir = Path(version_dir)
        builder = StoreBuilder()
        for name, step in (
            ("articles", builder.articles),
            ("mentions", builder.mentions),
            ("issue_mentions", builder.issues),
            ("statements", builder.statements),
        ):
            present = set(saved_columns(vdir, name))  # of its parts (diplomap.corpus.parts)
            cols = [c for c in COLUMNS[name] if c in present]
            wanted = [c for c in DICTIONARY_COLUMNS[name] if c in cols]
            step(read_saved_table(vdir, name, columns=cols, read_dictionary=wanted))
        if fingerprint is None:
            joined = "\n".join(sorted(builder.arrays["art_ids"].tolist()))
            fingerprint = hashlib.sha256(joined.encode()).hexdigest()[:16]
        builder.meta["fingerprint"] = fingerprint
        return cls(ParquetSource(vdir), builder.arrays, builder.meta)

    def save(self, folder: str | Path) -> Path:
        """Write the arrays (.npy) and names (meta.json) into `folder`, atomically."""
        folder = Path(folder)
        tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=folder.parent))
        try:
            for name in ARRAYS:
                np.save(tmp / f"{name}.npy", np.asarray(self.arrays[name]), allow_pickle=False)
            (tmp / "meta.json").write_text(json.dumps(self.meta, ensure_ascii=False), "utf-8")
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return folder

    @classmethod
    def load(cls, folder: str | Path, source) -> Store:
        """A saved Store, memory-mapped (read-only). Raises OSError, ValueError or
        KeyError when the folder does not hold a complete Store of this format."""
        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        arrays = {
            name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in ARRAYS
        }
        return cls(source, arrays, meta)

    @classmethod
    def merge(cls, first: Store, second_corpus) -> Store:
        """The Store of `first` plus an in-memory corpus (uploads); an article present
        in both is kept once (first wins), as in corpus.merge_corpora."""
        own = set(first.article_index)
        new_ids = set(second_corpus.articles[S.ARTICLE_ID].astype(str)) - own
        sub = MemorySource(second_corpus).subset(new_ids)
        merged = merge_corpora(first.subset(own), sub)  # the base rows, back in memory
        source = UnionSource([(first.source, own), (MemorySource(sub), new_ids)])
        return cls.from_corpus(merged, source=source)

    # -- lookups ---------------------------------------------------------------------------

    @property
    def article_index(self) -> pd.Index:
        """article id -> article code."""
        if self._index is None:
            self._index = pd.Index(np.asarray(self.art_ids).astype(object))
        return self._index

    def memo(self, key, compute):
        """A small bounded cache of results (the Store is shared: results are read-only)."""
        with self._lock:
            if key in self._memo:
                value = self._memo.pop(key)
                self._memo[key] = value
                return value
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_ENTRIES:
                self._memo.pop(next(iter(self._memo)))
        return value

    @property
    def has_reprints(self) -> bool:
        """Whether some articles are reprints of others (a cluster of two or more)."""
        return int(self.n_clusters) < int(self.n_articles)

    def cluster_articles(self, article_id: str) -> pd.DataFrame:
        """The articles of an article's reprint cluster, first published first: article
        id, outlet, date, title and URL."""
        loc = self.article_index.get_indexer([str(article_id)])[0]
        if loc < 0:
            raise KeyError(article_id)
        order = np.asarray(self.cluster_order)
        members = order[np.asarray(self.art_cluster)[order] == self.art_cluster[loc]]
        sources = [*self.sources, ""]
        return pd.DataFrame(
            {
                S.ARTICLE_ID: [str(self.art_ids[i]) for i in members],
                S.SOURCE: [sources[self.art_source[i]] for i in members],
                S.PUBLISHED: pd.to_datetime(self.art_published[members]),
                S.TITLE: [_text(self.art_title, self.art_title_off, i) for i in members],
                S.URL: [_text(self.art_url, self.art_url_off, i) for i in members],
            }
        )

    def iso_name(self, code: int) -> str:
        return self.iso_cats[code] if code < len(self.iso_cats) else "nan"

    def issue_name(self, code: int) -> str:
        return self.issue_cats[code] if code < len(self.issue_cats) else "nan"

    @staticmethod
    def code_mask(cats: list[str], wanted: Iterable[str], n: int) -> np.ndarray:
        """A boolean mask over `n` codes, True for the codes of the `wanted` names."""
        mask = np.zeros(n, bool)
        lookup = {c: i for i, c in enumerate(cats)}
        for w in wanted:
            if w in lookup:
                mask[lookup[w]] = True
        return mask

    def article_url(self, code: int) -> str:
        return _text(self.art_url, self.art_url_off, code)

    def statement_text(self, i: int) -> str:
        return _text(self.s_text, self.s_text_off, i)

    def article_parts(self, article_id: str):
        """The article row and all its mentions, issue mentions and statements."""
        loc = self.article_index.get_indexer([str(article_id)])[0]
        if loc < 0:
            raise KeyError(article_id)
        a, b = self.art_bp_off[loc], self.art_bp_off[loc + 1]
        lang, src = self.art_lang[loc], self.art_source[loc]
        row = {
            S.ARTICLE_ID: str(self.art_ids[loc]),
            S.TEXT: _text(self.art_text, self.art_text_off, loc),
            S.TITLE: _text(self.art_title, self.art_title_off, loc),
            S.FILE: _text(self.art_file, self.art_file_off, loc),
            S.URL: _text(self.art_url, self.art_url_off, loc),
            S.LANGUAGE: self.languages[lang] if lang >= 0 else None,
            S.SOURCE: self.sources[src] if src >= 0 else None,
            S.PUBLISHED: pd.Timestamp(self.art_published[loc]),
            S.BOILERPLATE: np.asarray(self.art_bp[a:b]).tolist(),
        }
        a, b = self.m_art_off[loc], self.m_art_off[loc + 1]
        places = pd.DataFrame(
            {
                S.START: self.m_start[a:b],
                S.END: self.m_end[a:b],
                S.PLACE: _names(self.place_cats, self.m_place[a:b]),
            }
        )
        a, b = self.i_art_off[loc], self.i_art_off[loc + 1]
        issues = pd.DataFrame(
            {
                S.START: self.i_start[a:b],
                S.END: self.i_end[a:b],
                S.ISSUE: _names(self.issue_cats, self.i_issue[a:b]),
            }
        )
        a, b = self.s_art_off[loc], self.s_art_off[loc + 1]
        statements = pd.DataFrame(
            {
                S.START: self.s_start[a:b],
                S.END: self.s_end[a:b],
                S.KIND: _names(self.kind_cats, self.s_kind[a:b]),
                S.EVIDENCE: _names(self.evidence_cats, self.s_evidence[a:b]),
            }
        )
        return row, places, issues, statements

    def subset(self, ids: set[str]):
        """The full rows (a Corpus) of these articles."""
        return self.source.subset({str(i) for i in ids})


# --- saved next to a corpus version -----------------------------------------------------------


def store_folder(version_dir: str | Path) -> Path:
    """Where the Store of a saved corpus version is kept (inside the version folder, so
    it goes away with it)."""
    return Path(version_dir) / STORE_FORMAT


def load_store(version_dir: str | Path, fingerprint: str | None = None) -> Store | None:
    """The saved Store of a corpus version (memory-mapped), or None when there is none
    (or it belongs to other articles)."""
    try:
        store = Store.load(store_folder(version_dir), ParquetSource(Path(version_dir)))
    except (OSError, ValueError, KeyError):
        return None
    if fingerprint and store.fingerprint != fingerprint:
        return None
    return store


def save_store(version_dir: str | Path, fingerprint: str | None = None) -> Path:
    """Build the Store of a saved corpus version and save it beside the tables (what
    `python -c "...save_store(...)"` runs in a child process for the dashboard)."""
    store = Store.from_saved(version_dir, fingerprint or None)
    return store.save(store_folder(version_dir))
