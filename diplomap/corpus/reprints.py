"""Reprints: the same story published by several outlets (a wire story, a ministry
statement), or the same article reached by two addresses, is one cluster.

Every article gets a cluster id (schema.CLUSTER): the smallest article id among its
near-duplicates, so that ids are deterministic and a story printed once is its own
cluster. Two articles are near-duplicates when

- their canonical URLs are the same (`canonical_url`: scheme, "www.", tracking
  parameters, fragments and a trailing slash do not count), or
- the Jaccard similarity of their word shingles (three words of the normalised text,
  boilerplate left out) is about THRESHOLD (0.8) or more: MinHash signatures of
  NUM_PERM hashes, candidates found with locality-sensitive hashing
  (banded: LSH_PARAMS), then checked on the signatures. Texts shorter than MIN_WORDS
  words are left out of this: two short items that differ in a name or a number are
  two pieces of news. Near-duplicates of near-duplicates join the cluster.

Articles of the same id (the same normalised text) are one article already (the id is a
hash of the text). The build computes the clusters when it commits a corpus, over all
its articles (`with_clusters` in memory, `cluster_parts` for a version saved as parts,
from the signatures saved beside the tables).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from diplomap import schema as S
from diplomap.corpus.parts import part_file
from diplomap.corpus.tables import SIGNATURES, Corpus
from diplomap.extract.shingles import signature

THRESHOLD = 0.8  # Jaccard similarity of the shingles from which two texts are reprints
# LSH finds candidates from a lower similarity (so that a pair at THRESHOLD is hardly ever
# missed); a candidate is kept when its signatures agree on THRESHOLD of their hashes, less
# about two standard errors of that estimate (0.035 at 128 hashes).
CANDIDATE_THRESHOLD = 0.7
KEEP_THRESHOLD = THRESHOLD - 0.06
# LSH bands and rows for CANDIDATE_THRESHOLD at NUM_PERM hashes: two texts become
# candidates when all ROWS hashes of one of the BANDS bands agree, which happens with
# probability 1 - (1 - J**9)**14 for texts of Jaccard similarity J (0.7: 0.44, 0.8:
# 0.87, 0.9: 0.999). These are the bands datasketch's parameter search gives for
# CANDIDATE_THRESHOLD (`MinHashLSH(0.7, 128)` uses (14, 9)).
LSH_PARAMS = (14, 9)
PAIR_CHUNK = 100_000  # candidate pairs compared at once (memory: PAIR_CHUNK x 2 signatures)
# Query parameters that say where a reader came from, not which article it is.
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|"
    r"referrer|source|cmpid|at_\w+|rss|from|share|amp|output)$",
    re.IGNORECASE,
)
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


# --- canonical URLs ---------------------------------------------------------------------------


def canonical_url(url: object) -> str:
    """The address of an article without what does not change which article it is:
    scheme, "www."/"m."/"amp." host prefixes, default port, tracking parameters,
    parameter order, fragment, trailing slash and an "/amp" ending. "" for anything but
    an http(s) URL with a host."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.netloc.rsplit("@", 1)[-1].lower().removesuffix(_DEFAULT_PORTS[scheme])
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    path = re.sub(r"/+", "/", parts.path or "/")
    path = re.sub(r"/amp/?$", "/", path).rstrip("/") or "/"
    params = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    query = f"?{urlencode(params)}" if params else ""
    return f"{host}{path}{query}"


# --- clusters ---------------------------------------------------------------------------------


class _Clusters:
    """Union-find over article indexes; the root is the smallest article id."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        self.parent = list(range(len(ids)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            low, high = (a, b) if self.ids[a] <= self.ids[b] else (b, a)
            self.parent[high] = low

    def labels(self) -> list[str]:
        return [self.ids[self.find(i)] for i in range(len(self.ids))]


def _join_same_urls(clusters: _Clusters, urls: Sequence[object]) -> None:
    first: dict[str, int] = {}
    for i, url in enumerate(urls):
        key = canonical_url(url)
        if key:
            clusters.union(first.setdefault(key, i), i)


def _join_near_duplicates(clusters: _Clusters, signatures: Sequence[np.ndarray | None]) -> None:
    """Join the articles whose signatures agree on about THRESHOLD of their hashes or
    more: candidates share a band (LSH_PARAMS: BANDS bands of ROWS hashes each, all
    equal), then their signatures are compared. Done on arrays: the pairs of each band's
    groups of equal rows, compared at once (the components are those of the article at a
    time loop, `_join_one_by_one`, which signatures of unequal lengths still take)."""
    index = [i for i, sig in enumerate(signatures) if sig is not None]
    if len(index) < 2:
        return
    if len({len(signatures[i]) for i in index}) != 1:
        _join_one_by_one(clusters, signatures)
        return
    sigs = np.stack([signatures[i] for i in index])
    need = KEEP_THRESHOLD * sigs.shape[1]
    for first, second in _candidate_pairs(sigs):
        agree = np.count_nonzero(sigs[first] == sigs[second], axis=1) >= need
        for a, b in zip(first[agree].tolist(), second[agree].tolist(), strict=True):
            clusters.union(index[a], index[b])


def _candidate_pairs(sigs: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The pairs of rows of `sigs` equal in all ROWS hashes of some band (each pair once,
    in chunks of at most PAIR_CHUNK pairs)."""
    bands, rows = LSH_PARAMS
    found = []
    for band in range(min(bands, sigs.shape[1] // rows)):
        block = np.ascontiguousarray(sigs[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, group = np.unique(keys, return_inverse=True)
        found.extend(_group_pairs(group.ravel()))
    if not found:
        return
    codes = np.unique(np.concatenate(found))  # first * n + second, each pair once
    n = np.int64(len(sigs))
    for start in range(0, len(codes), PAIR_CHUNK):
        chunk = codes[start : start + PAIR_CHUNK]
        yield chunk // n, chunk % n


def _group_pairs(group: np.ndarray) -> Iterator[np.ndarray]:
    """The pairs (as first * n + second, first < second) of the rows in the same group:
    the rows of groups of two or more, sorted by group, paired with the row `step` rows
    further on while there are such pairs (as many steps as the largest group has rows)."""
    n = np.int64(len(group))
    counts = np.bincount(group)
    rows = np.flatnonzero(counts[group] > 1)
    order = rows[np.argsort(group[rows], kind="stable")].astype(np.int64)
    sorted_groups = group[order]
    for step in range(1, len(order)):
        same = sorted_groups[step:] == sorted_groups[:-step]
        if not same.any():
            return
        yield order[:-step][same] * n + order[step:][same]


def _join_one_by_one(clusters: _Clusters, signatures: Sequence[np.ndarray | None]) -> None:
    bands, rows = LSH_PARAMS
    buckets: list[dict[bytes, list[int]]] = [{} for _ in range(bands)]
    for i, sig in enumerate(signatures):
        if sig is None:
            continue
        candidates: set[int] = set()
        for band, bucket in enumerate(buckets):
            members = bucket.setdefault(sig[band * rows : (band + 1) * rows].tobytes(), [])
            candidates.update(members)
            members.append(i)
        need = KEEP_THRESHOLD * len(sig)  # agreeing hashes for a near-duplicate
        for j in sorted(candidates):
            if len(signatures[j]) != len(sig):
                continue
            # joined already (through another reprint): comparing changes nothing
            if (
                clusters.find(j) != clusters.find(i)
                and np.count_nonzero(signatures[j] == sig) >= need
            ):
                clusters.union(i, j)


def cluster_labels(
    ids: Sequence[str], signatures: Sequence[np.ndarray | None], urls: Sequence[object]
) -> list[str]:
    """The cluster id of every article: the smallest article id of its near-duplicates
    (same canonical URL, or similar signatures)."""
    clusters = _Clusters([str(i) for i in ids])
    _join_same_urls(clusters, urls)
    _join_near_duplicates(clusters, signatures)
    return clusters.labels()


def with_clusters(corpus: Corpus, known: dict[str, bytes | None] | None = None) -> Corpus:
    """The corpus with the CLUSTER column of its articles table (computed over all of
    its articles; a table without texts keeps the clusters it has). `known`: article id
    -> signature (bytes) computed already, with the extraction; the others are hashed."""
    arts = corpus.articles
    if not len(arts) or S.TEXT not in arts.columns:
        return corpus
    known = known or {}
    boilerplate = arts[S.BOILERPLATE] if S.BOILERPLATE in arts.columns else [None] * len(arts)
    urls = arts[S.URL] if S.URL in arts.columns else [""] * len(arts)
    signatures = [
        _from_bytes(known[aid])
        if aid in known
        else signature(str(t) if isinstance(t, str) else "", b)
        for aid, t, b in zip(arts[S.ARTICLE_ID], arts[S.TEXT], boilerplate, strict=True)
    ]
    corpus.articles = arts.assign(
        **{S.CLUSTER: cluster_labels(arts[S.ARTICLE_ID].astype(str).tolist(), signatures, urls)}
    )
    return corpus


def _from_bytes(value: bytes | None) -> np.ndarray | None:
    return None if value is None else np.frombuffer(value, dtype=np.uint32)


# --- a version saved as parts (diplomap.corpus.parts) ------------------------------------------


def cluster_parts(vpath: Path, groups: list[str], ids: list[str]) -> list[str]:
    """The cluster id of each article `ids` of a version folder being written, from the
    URLs and signatures of its parts (`groups`); the texts of articles without a saved
    signature (a corpus saved before parts) are read and hashed."""
    urls: dict[str, object] = {}
    signatures: dict[str, bytes | None] = {}
    for group in groups:
        arts = _read(vpath / part_file("articles", group), [S.ARTICLE_ID, S.URL])
        urls.update(zip(*(arts.column(i).to_pylist() for i in range(2)), strict=True))
        sigs = _read(vpath / part_file(SIGNATURES, group))
        signatures.update(zip(*(sigs.column(i).to_pylist() for i in range(2)), strict=True))
    hashed = _hash_missing(vpath, groups, {aid for aid in ids if aid not in signatures})
    values = [hashed[aid] if aid in hashed else _from_bytes(signatures.get(aid)) for aid in ids]
    return cluster_labels(ids, values, [urls.get(aid, "") for aid in ids])


def _read(path: Path, columns: list[str] | None = None) -> pa.Table:
    """A part's columns (`ParquetFile.read`: a quarter of `read_table`'s time on a part)."""
    with pq.ParquetFile(path) as part:
        return part.read(columns=columns)


def _hash_missing(vpath: Path, groups: list[str], missing: set[str]) -> dict:
    """The signatures of the articles `missing`, computed from their texts."""
    found: dict[str, np.ndarray | None] = {}
    if not missing:
        return found
    wanted = pa.array(sorted(missing), pa.large_string())
    for group in groups:
        arts = pq.read_table(
            vpath / part_file("articles", group),
            columns=[S.ARTICLE_ID, S.TEXT, S.BOILERPLATE],
            filters=pc.field(S.ARTICLE_ID).isin(wanted),
        ).to_pydict()
        for aid, text, spans in zip(*arts.values(), strict=True):
            found[aid] = signature(text or "", spans)
    return found
