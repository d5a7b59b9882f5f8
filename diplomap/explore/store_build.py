"""How a Store's arrays are computed from the four tables (Arrow tables, read column by
column). `build_arrays` returns the arrays and names that diplomap.explore.store
declares; nothing else is kept.

Integer codes for every categorical value; the mention and issue rows reduced to counts
per (article, country), (article, city), (article, issue) and (sentence, country,
issue); the statements with the countries and issues their sentences name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from diplomap import schema as S

SENT_BITS = 24  # sentence index bits in a (article, sentence) key

ARTICLE_COLUMNS = [
    S.ARTICLE_ID,
    S.FILE,
    S.TITLE,
    S.TEXT,
    S.LANGUAGE,
    S.PUBLISHED,
    S.DATE_SOURCE,
    S.SOURCE,
    S.URL,
    S.BOILERPLATE,
    S.CLUSTER,
]
MENTION_COLUMNS = [c for c in S.MENTION_COLUMNS if c not in (S.SURFACE, S.MATCH_KIND)]
ISSUE_COLUMNS = [S.ARTICLE_ID, S.START, S.END, S.ISSUE, S.SENTENCE, S.LAVROV]
STATEMENT_COLUMNS = [S.ARTICLE_ID, S.SENTENCE, S.START, S.END, S.KIND, S.EVIDENCE, S.TEXT]
# the text columns read as dictionaries (categories) from Parquet
DICTIONARY_COLUMNS = {
    "articles": [S.LANGUAGE, S.SOURCE, S.DATE_SOURCE],
    "mentions": [S.ARTICLE_ID, S.PLACE, S.PLACE_TYPE, S.ISO3],
    "issue_mentions": [S.ARTICLE_ID, S.ISSUE],
    "statements": [S.ARTICLE_ID, S.KIND, S.EVIDENCE],
}
COLUMNS = {
    "articles": ARTICLE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "issue_mentions": ISSUE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
}


# --- numpy helpers --------------------------------------------------------------------------


def run_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in a sorted array."""
    if not len(sorted_keys):
        return np.zeros(0, np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted unique values. Sorting with the stable sort (timsort) is fast here: the
    keys come nearly sorted, article by article (numpy's hash path is slow on them)."""
    ordered = np.sort(values, kind="stable")
    return ordered[run_starts(ordered)]


def _group(keys: np.ndarray, weights: Sequence[np.ndarray] = ()) -> tuple[np.ndarray, ...]:
    """Unique int64 keys (sorted) and, per key, the row count and the sum of each weight."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = run_starts(ordered)
    out = [ordered[starts], np.diff(np.r_[starts, len(keys)]).astype(np.int32)]
    for w in weights:
        sums = np.add.reduceat(w[order], starts) if len(starts) else w[:0]
        out.append(np.asarray(sums).astype(np.int32))
    return tuple(out)


def _per_article(art, code, n_codes: int, sent, lav) -> tuple[np.ndarray, ...]:
    """Counts per (article, code): the pairs' article and code, mentions, Lavrov's
    mentions and the distinct sentences of Lavrov's that name the code."""
    key = art.astype(np.int64) * n_codes + code
    uniq, cnt, cnt_lav = _group(key, [lav.astype(np.int64)])
    lsent = _unique((key[lav] << SENT_BITS) + (sent[lav] + 1)) >> SENT_BITS
    sl_keys, sl_cnt = _group(lsent)
    sl = np.zeros(len(uniq), np.int32)
    sl[np.searchsorted(uniq, sl_keys)] = sl_cnt
    return (
        (uniq // n_codes).astype(np.int32),
        (uniq % n_codes).astype(np.int32),
        cnt,
        cnt_lav,
        sl,
    )


def _sentence_codes(art, sent, code, lav, n_codes):
    """Distinct (article, sentence, code) keys, whether any of their rows is Lavrov's,
    and the row where each first appears."""
    skey = ((art.astype(np.int64) << SENT_BITS) + (sent + 1)) * n_codes + code
    order = np.argsort(skey, kind="stable")
    sk = skey[order]
    starts = run_starts(sk)
    any_lav = np.maximum.reduceat(lav[order], starts) if len(sk) else lav[:0]
    return sk[starts], any_lav.astype(bool), order[starts]


def _matching_runs(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (i, j) with left[i] == right[j], for sorted `right`: the indices of
    each side, grouped by i."""
    lo = np.searchsorted(right, left, side="left")
    counts = np.searchsorted(right, left, side="right") - lo
    li = np.repeat(np.arange(len(left)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    ri = np.repeat(lo, counts) + (np.arange(counts.sum()) - first)
    return li, ri


def _sentence_links(skey, keys, lav, pos, n_codes):
    """(statement, code, any-Lavrov) rows for the codes named in each statement's
    sentence, in the order they first appear in the sentence."""
    stmt, idx = _matching_runs(skey, keys // n_codes)
    order = np.lexsort((pos[idx], stmt))
    idx, stmt = idx[order], stmt[order]
    return stmt.astype(np.int32), (keys[idx] % n_codes).astype(np.int32), lav[idx]


def _by_article(art: np.ndarray, n_articles: int, *columns: np.ndarray):
    """The rows sorted by article (stable), and each article's first row (n + 1 offsets)."""
    if len(art) and (np.diff(art) < 0).any():
        order = np.argsort(art, kind="stable")
        art, columns = art[order], tuple(c[order] for c in columns)
    offsets = np.searchsorted(art, np.arange(n_articles + 1)).astype(np.int64)
    return art, offsets, columns


# --- Arrow columns -> numpy -------------------------------------------------------------------


def arrow_table(df, columns: list[str]) -> pa.Table:
    """An Arrow table of the columns (a pandas DataFrame or an Arrow table)."""
    if isinstance(df, pa.Table):
        return df
    out = {}
    for c in (c for c in columns if c in df.columns):
        s = df[c]
        if c == S.BOILERPLATE:
            out[c] = pa.array(
                [[list(map(int, sp)) for sp in (v if v is not None else [])] for v in s],
                type=pa.list_(pa.list_(pa.int64())),
            )
        elif c == S.PUBLISHED:
            out[c] = pa.array(pd.to_datetime(s, errors="coerce").astype("datetime64[ns]"))
        elif s.dtype == object or isinstance(s.dtype, (pd.StringDtype, pd.CategoricalDtype)):
            out[c] = pa.array(s.astype(object).where(s.notna(), None).to_numpy(), type=pa.string())
        else:
            out[c] = pa.array(s.to_numpy())
    return pa.table(out) if out else pa.table({})


def codes_of(table: pa.Table, col: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes (int32, -1 = missing) and the categories of a text column."""
    if col not in table.column_names or not table.num_rows:
        return np.full(table.num_rows, -1, np.int32), []
    ch = table.column(col)
    if not pa.types.is_dictionary(ch.type):
        ch = pc.dictionary_encode(ch.cast(pa.string()))
    ch = ch.unify_dictionaries()
    if not ch.num_chunks:
        return np.zeros(0, np.int32), []
    cats = [str(c) for c in ch.chunk(0).dictionary.to_pylist()]
    codes = np.concatenate(
        [np.asarray(c.indices.fill_null(-1).to_numpy(zero_copy_only=False)) for c in ch.chunks]
    )
    return codes.astype(np.int32), cats


def _numbers(table: pa.Table, col: str, dtype, fill=0) -> np.ndarray:
    if col not in table.column_names:
        return np.full(table.num_rows, fill, dtype)
    ch = table.column(col).fill_null(fill)
    return np.asarray(ch.to_numpy()).astype(dtype)


def blob(table: pa.Table, col: str) -> tuple[np.ndarray, np.ndarray]:
    """A text column as one UTF-8 byte array and int64 offsets (n + 1)."""
    n = table.num_rows
    if col not in table.column_names or not n:
        return np.zeros(0, np.uint8), np.zeros(n + 1, np.int64)
    arr = table.column(col).cast(pa.large_string()).fill_null("").combine_chunks()
    bufs = arr.buffers()
    off = np.frombuffer(bufs[1], dtype=np.int64)[arr.offset : arr.offset + n + 1]
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return data[off[0] : off[-1]], (off - off[0]).astype(np.int64)


def _lower_blob(data: np.ndarray, off: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The lower-cased texts of a blob (UTF-8 lengths may change: new offsets)."""
    n = len(off) - 1
    if n <= 0:
        return np.zeros(0, np.uint8), np.zeros(max(n, 0) + 1, np.int64)
    arr = pa.LargeStringArray.from_buffers(n, pa.py_buffer(off), pa.py_buffer(data))
    return blob(pa.table({"t": pc.utf8_lower(arr)}), "t")


def _is_span_lists(table: pa.Table, col: str) -> bool:
    """Whether a column is a list of integer lists (boilerplate spans); a column with
    no spans at all may be saved as list<null> or null."""
    t = table.schema.field(col).type
    return (
        (pa.types.is_list(t) or pa.types.is_large_list(t))
        and (pa.types.is_list(t.value_type) or pa.types.is_large_list(t.value_type))
        and (pa.types.is_integer(t.value_type.value_type))
    )


def _spans(arts: pa.Table, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Boilerplate [start, end] spans, flattened, and per-article offsets (n + 1)."""
    spans = np.zeros((0, 2), np.int64)
    counts = np.zeros(n, np.int64)
    if S.BOILERPLATE in arts.column_names and n and _is_span_lists(arts, S.BOILERPLATE):
        col = arts.column(S.BOILERPLATE).combine_chunks()
        spans_list = col.flatten()
        counts = np.asarray(col.value_lengths().fill_null(0).to_numpy(), np.int64)
        lengths = np.asarray(spans_list.value_lengths().fill_null(0).to_numpy(), np.int64)
        values = np.asarray(spans_list.flatten().to_numpy(zero_copy_only=False), np.int64)
        if len(lengths) and (lengths == 2).all():
            spans = values.reshape(-1, 2)
        else:  # malformed spans are left out (article_html would skip them anyway)
            starts = np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64)
            good = lengths == 2
            spans = np.stack([values[starts[good]], values[starts[good] + 1]], axis=1)
            owner = np.repeat(np.arange(n), counts)
            counts = np.bincount(owner[good], minlength=n)
    return spans.astype(np.int64), np.r_[0, np.cumsum(counts)].astype(np.int64)


def _cluster_outlets(cluster: np.ndarray, source: np.ndarray, sources: list[str]) -> np.ndarray:
    """Per article: how many outlets carried its story (the distinct outlets of its
    cluster; an article without an outlet counts as one more)."""
    n_clusters = int(cluster.max()) + 1 if len(cluster) else 0
    named = np.asarray([bool(s.strip()) for s in sources] + [False])[source]
    pairs = _unique(cluster[named].astype(np.int64) * (len(sources) + 1) + source[named])
    outlets = np.bincount(pairs // (len(sources) + 1), minlength=n_clusters)
    outlets += np.bincount(cluster[~named], minlength=n_clusters)
    return outlets[cluster].astype(np.int32)


# --- the builder ----------------------------------------------------------------------------


class StoreBuilder:
    """Computes the arrays (`arrays`) and names (`meta`) of a Store, table by table:
    articles first, then mentions, issue mentions and statements."""

    def __init__(self) -> None:
        self.arrays: dict[str, np.ndarray] = {}
        self.meta: dict[str, object] = {}
        self._index: pd.Index | None = None
        self._sc: tuple | None = None  # (article, sentence, country) keys, while building
        self._si: tuple | None = None  # (article, sentence, issue) keys, while building

    def _art_codes(self, table: pa.Table) -> np.ndarray:
        if not table.num_rows:
            return np.zeros(0, np.int32)
        ids, cats = codes_of(table, S.ARTICLE_ID)
        lookup = self._index.get_indexer(pd.Index(cats, dtype=object)).astype(np.int32)
        return np.where(ids >= 0, lookup[np.maximum(ids, 0)], -1).astype(np.int32)

    def articles(self, arts: pa.Table) -> None:
        a, n = self.arrays, arts.num_rows
        self.meta["n_articles"] = n
        ids = arts.column(S.ARTICLE_ID).to_pylist() if n else []
        a["art_ids"] = np.asarray([str(i) for i in ids], dtype=str) if n else np.zeros(0, "U16")
        self._index = pd.Index(a["art_ids"].astype(object))
        if S.PUBLISHED in arts.column_names and n:
            published = pd.to_datetime(
                pd.Series(arts.column(S.PUBLISHED).to_pandas()), errors="coerce"
            ).astype("datetime64[ns]")
        else:
            published = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
        dated = published.notna().to_numpy()
        year = published.dt.year.fillna(-1).to_numpy().astype(np.int32)
        month = published.dt.month.fillna(1).to_numpy().astype(np.int32)
        a["art_dated"] = dated
        a["art_year"] = np.where(dated, year, -1).astype(np.int32)
        a["art_month"] = np.where(dated, year * 12 + month - 1, -1).astype(np.int32)
        a["art_published"] = published.to_numpy()
        a["art_lang"], self.meta["languages"] = codes_of(arts, S.LANGUAGE)
        a["art_source"], self.meta["sources"] = codes_of(arts, S.SOURCE)
        self._date_sources(arts, dated)
        a["art_text"], a["art_text_off"] = blob(arts, S.TEXT)
        a["art_title"], a["art_title_off"] = blob(arts, S.TITLE)
        a["art_file"], a["art_file_off"] = blob(arts, S.FILE)
        a["art_url"], a["art_url_off"] = blob(arts, S.URL)
        a["art_bp"], a["art_bp_off"] = _spans(arts, n)
        self._clusters(arts)

    def _clusters(self, arts: pa.Table) -> None:
        """Reprint clusters: a code per article (its own when it has no cluster id),
        the outlets of its cluster, and the articles ordered by cluster, first published
        first (undated last, then by id): the first of a cluster stands for it."""
        a = self.arrays
        ids = a["art_ids"].tolist()
        given = arts.column(S.CLUSTER).to_pylist() if S.CLUSTER in arts.column_names else []
        given = given or [None] * len(ids)
        labels = [c if isinstance(c, str) and c else i for c, i in zip(given, ids, strict=True)]
        codes, uniques = pd.factorize(pd.Series(labels, dtype=object))
        a["art_cluster"] = codes.astype(np.int32)
        self.meta["n_clusters"] = len(uniques)
        a["art_outlets"] = _cluster_outlets(a["art_cluster"], a["art_source"], self.meta["sources"])
        pub = a["art_published"].astype("datetime64[ns]").astype(np.int64)
        pub = np.where(a["art_dated"], pub, np.iinfo(np.int64).max)
        id_rank = np.argsort(np.argsort(a["art_ids"], kind="stable"), kind="stable")
        a["cluster_order"] = np.lexsort((id_rank, pub, a["art_cluster"])).astype(np.int32)

    def _date_sources(self, arts: pa.Table, dated: np.ndarray) -> None:
        """Per article, where its date came from ("none" for an undated article)."""
        dsrc, dcats = codes_of(arts, S.DATE_SOURCE)
        names = np.asarray([*dcats, "none"], dtype=object)[np.where(dsrc >= 0, dsrc, len(dcats))]
        names = np.where(dated, names, "none")
        self.meta["date_sources"] = sorted(set(names.tolist()))
        lookup = {s: i for i, s in enumerate(self.meta["date_sources"])}
        self.arrays["art_date_source"] = np.asarray([lookup[s] for s in names], dtype=np.int32)

    def mentions(self, men: pa.Table) -> None:
        a, n_articles = self.arrays, self.meta["n_articles"]
        art = self._art_codes(men)
        iso, iso_cats = codes_of(men, S.ISO3)
        place, self.meta["place_cats"] = codes_of(men, S.PLACE)
        ptype, ptype_cats = codes_of(men, S.PLACE_TYPE)
        lat = _numbers(men, S.LAT, np.float64, np.nan)
        lon = _numbers(men, S.LON, np.float64, np.nan)
        off_globe = ~((np.abs(lat) <= 90) & (np.abs(lon) <= 180))  # NaN included
        lat[off_globe] = np.nan
        lon[off_globe] = np.nan
        n_iso = len(iso_cats) + 1  # one more code: "no country"
        self.meta["iso_cats"], self.meta["n_iso"] = iso_cats, n_iso
        iso = np.where(iso < 0, n_iso - 1, iso).astype(np.int32)
        columns = (
            iso,
            place,
            ptype,
            _numbers(men, S.SENTENCE, np.int64, -1),
            _numbers(men, S.LAVROV, bool, False),
            _numbers(men, S.START, np.int32),
            _numbers(men, S.END, np.int32),
            lat,
            lon,
        )
        ok = art >= 0
        art, a["m_art_off"], columns = _by_article(art[ok], n_articles, *(c[ok] for c in columns))
        iso, place, ptype, sent, lav, a["m_start"], a["m_end"], lat, lon = columns
        a["m_place"] = place
        # (article, country): mentions, Lavrov mentions, distinct Lavrov sentences
        a["ac_art"], a["ac_iso"], a["ac_n"], a["ac_nl"], a["ac_sl"] = _per_article(
            art, iso, n_iso, sent, lav
        )
        city_code = ptype_cats.index("city") if "city" in ptype_cats else -2
        is_city = (ptype == city_code) & ~np.isnan(lat) & ~np.isnan(lon)
        self._cities(
            art[is_city], place[is_city], iso[is_city], lat[is_city], lon[is_city], lav[is_city]
        )
        self._sc = _sentence_codes(art, sent, iso, lav, n_iso)

    def _cities(self, art, place, iso, lat, lon, lav) -> None:
        """Cities with coordinates, and counts per (article, city)."""
        a, n_iso = self.arrays, self.meta["n_iso"]
        ckey = place.astype(np.int64) * n_iso + iso
        city_keys, first, city_inv = np.unique(ckey, return_index=True, return_inverse=True)
        a["city_place"] = (city_keys // n_iso).astype(np.int32)
        a["city_iso"] = (city_keys % n_iso).astype(np.int32)
        a["city_lat"], a["city_lon"] = lat[first], lon[first]
        n_city = max(len(city_keys), 1)
        uniq, a["cc_n"], a["cc_nl"] = _group(
            art.astype(np.int64) * n_city + city_inv, [lav.astype(np.int64)]
        )
        a["cc_art"] = (uniq // n_city).astype(np.int32)
        a["cc_city"] = (uniq % n_city).astype(np.int32)

    def issues(self, iss: pa.Table) -> None:
        a, n_articles = self.arrays, self.meta["n_articles"]
        art = self._art_codes(iss)
        issue, issue_cats = codes_of(iss, S.ISSUE)
        n_issue = len(issue_cats) + 1
        self.meta["issue_cats"], self.meta["n_issue"] = issue_cats, n_issue
        issue = np.where(issue < 0, n_issue - 1, issue).astype(np.int32)
        columns = (
            issue,
            _numbers(iss, S.SENTENCE, np.int64, -1),
            _numbers(iss, S.LAVROV, bool, False),
            _numbers(iss, S.START, np.int32),
            _numbers(iss, S.END, np.int32),
        )
        ok = art >= 0
        art, a["i_art_off"], columns = _by_article(art[ok], n_articles, *(c[ok] for c in columns))
        issue, sent, lav, a["i_start"], a["i_end"] = columns
        a["i_issue"] = issue
        a["ai_art"], a["ai_issue"], a["ai_n"], a["ai_nl"], a["ai_sl"] = _per_article(
            art, issue, n_issue, sent, lav
        )
        self._si = _sentence_codes(art, sent, issue, lav, n_issue)
        self._pairs()

    def _pairs(self) -> None:
        """Sentence pairs (article, sentence, country, issue), "both named by Lavrov"."""
        a, n_iso, n_issue = self.arrays, self.meta["n_iso"], self.meta["n_issue"]
        sc_key, sc_lav, _ = self._sc
        si_key, si_lav, _ = self._si
        mi, ii = _matching_runs(sc_key // n_iso, si_key // n_issue)  # both sorted
        s = sc_key[mi] // n_iso
        a["p_art"] = (s >> SENT_BITS).astype(np.int32)
        a["p_sent_ok"] = (s & ((1 << SENT_BITS) - 1)) > 0
        a["p_iso"] = (sc_key[mi] % n_iso).astype(np.int32)
        a["p_issue"] = (si_key[ii] % n_issue).astype(np.int32)
        a["p_lav"] = sc_lav[mi] & si_lav[ii]

    def statements(self, stm: pa.Table) -> None:
        a, n = self.arrays, stm.num_rows
        art = self._art_codes(stm)
        kind, self.meta["kind_cats"] = codes_of(stm, S.KIND)
        evidence, self.meta["evidence_cats"] = codes_of(stm, S.EVIDENCE)
        text, text_off = blob(stm, S.TEXT)
        rows = np.flatnonzero(art >= 0)
        rows = rows[np.argsort(art[rows], kind="stable")]
        if len(rows) != n or (np.diff(rows) != 1).any():  # keep texts aligned with rows
            lengths = np.diff(text_off)[rows]
            pieces = [text[text_off[r] : text_off[r + 1]] for r in rows]
            text = np.concatenate(pieces) if pieces else np.zeros(0, np.uint8)
            text_off = np.r_[0, np.cumsum(lengths)].astype(np.int64)
        art = art[rows]
        sent = _numbers(stm, S.SENTENCE, np.int64, -1)[rows]
        self.meta["n_statements"] = len(rows)
        a["s_art"], a["s_sent"] = art, sent.astype(np.int32)
        a["s_start"] = _numbers(stm, S.START, np.int32)[rows]
        a["s_end"] = _numbers(stm, S.END, np.int32)[rows]
        a["s_kind"], a["s_evidence"] = kind[rows], evidence[rows]
        a["s_text"], a["s_text_off"] = text, text_off
        a["s_art_off"] = np.searchsorted(art, np.arange(self.meta["n_articles"] + 1)).astype(
            np.int64
        )
        a["s_order"] = self._statement_order(art, sent)
        # statement -> the countries and issues its sentence names
        skey = (art.astype(np.int64) << SENT_BITS) + (sent + 1)
        a["sc_stmt"], a["sc_iso"], a["sc_lav"] = _sentence_links(
            skey, *self._sc, self.meta["n_iso"]
        )
        a["si_stmt"], a["si_issue"], a["si_lav"] = _sentence_links(
            skey, *self._si, self.meta["n_issue"]
        )
        self._sc = self._si = None  # only needed while building
        # lower-case text for the search (Arrow's vectorised utf8_lower)
        a["s_lower"], a["s_lower_off"] = _lower_blob(text, text_off)

    def _statement_order(self, art: np.ndarray, sent: np.ndarray) -> np.ndarray:
        """The statement table's order: date (undated last), article id, sentence."""
        a = self.arrays
        pub = a["art_published"][art].astype("datetime64[ns]").astype(np.int64)
        pub = np.where(a["art_dated"][art], pub, np.iinfo(np.int64).max)
        id_rank = np.argsort(np.argsort(a["art_ids"], kind="stable"), kind="stable")
        return np.lexsort((sent, id_rank[art], pub)).astype(np.int32)


def build_arrays(arts, men, iss, stm) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    """The arrays and names of a Store of the four tables (Arrow tables)."""
    builder = StoreBuilder()
    builder.articles(arts)
    builder.mentions(men)
    builder.issues(iss)
    builder.statements(stm)
    return builder.arrays, builder.meta
