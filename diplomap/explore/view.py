"""A Store under one FilterState: the filters turned into masks, once. Everything that
depends on the filters (aggregates, the statements table, exports) reads these masks.

What the filters mean:

1. Year range, languages and sources select articles. An article without a publication
   date passes only when the year range is not narrowed (``years is None``).
2. "Lavrov's own words only" keeps the place and issue mentions that lie inside
   sentences attributed to Lavrov; the statements table is Lavrov's sentences anyway.
3. Countries: an article is kept when it has at least one (kept) mention of a selected
   country, its cities included; only the mentions of the selected countries count.
   Issues work the same way on the issue mentions.
4. Statements: Lavrov's sentences in the kept articles; with a country (issue) filter,
   only the sentences that themselves contain a mention of a selected country (issue).
   So every count of the Lavrov-only view can be traced to rows of the statements table.
5. "Count reprints once" (on by default when the corpus has reprint clusters): of the
   articles that pass 1-3, one per cluster is kept, the first published (then the
   smallest id). So a story is counted once per country, issue, period or outlet chosen,
   with the mentions and statements of that one article.
"""

from __future__ import annotations

import numpy as np

from diplomap.explore.store import Store
from diplomap.query import FilterState


def _flags(n: int, rows: np.ndarray) -> np.ndarray:
    """A boolean array of length n, True at `rows`."""
    out = np.zeros(n, bool)
    out[rows] = True
    return out


class View:
    """The masks of one FilterState over a Store (built on every filter change: cheap)."""

    def __init__(self, store: Store, state: FilterState):
        self.store = store
        self.state = state
        st = store
        keep = np.ones(st.n_articles, bool)
        if state.years is not None:
            keep &= (st.art_year >= state.years[0]) & (st.art_year <= state.years[1])
            keep &= st.art_dated
        if state.languages:
            keep &= st.code_mask(st.languages, state.languages, len(st.languages) + 1)[st.art_lang]
        if state.sources:
            keep &= st.code_mask(st.sources, state.sources, len(st.sources) + 1)[st.art_source]
        # the selected country (issue) codes; None = no country (issue) filter
        self.iso_sel = (
            st.code_mask(st.iso_cats, state.countries, st.n_iso) if state.countries else None
        )
        self.issue_sel = (
            st.code_mask(st.issue_cats, state.issues, st.n_issue) if state.issues else None
        )
        if self.iso_sel is not None:
            keep &= self._articles_naming(keep, st.ac_art, st.ac_iso, st.ac_nl, self.iso_sel)
        if self.issue_sel is not None:
            keep &= self._articles_naming(keep, st.ai_art, st.ai_issue, st.ai_nl, self.issue_sel)
        once = state.reprints_once
        self.reprints_once = st.has_reprints if once is None else bool(once)
        if self.reprints_once and st.has_reprints:
            keep = self._first_of_clusters(keep)
        self.keep = keep  # per article: in the view
        self._cache: dict = {}

    def _articles_naming(self, keep, art, codes, lavrov_counts, selected) -> np.ndarray:
        """Per article: has a (Lavrov's, under lavrov_only) mention of a selected code."""
        rows = selected[codes] & keep[art]
        if self.state.lavrov_only:
            rows &= lavrov_counts > 0
        return _flags(self.store.n_articles, art[rows])

    def _first_of_clusters(self, keep: np.ndarray) -> np.ndarray:
        """Of the articles kept, the first of each reprint cluster (Store.cluster_order)."""
        order = np.asarray(self.store.cluster_order)
        kept = order[keep[order]]
        cluster = np.asarray(self.store.art_cluster)[kept]
        first = kept[np.r_[True, cluster[1:] != cluster[:-1]]] if len(kept) else kept
        return _flags(self.store.n_articles, first)

    def once(self, name, compute):
        """`compute()` the first time `name` is asked of this view, then its result."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    # -- masks over the Store's tables ---------------------------------------------------------

    def _rows(self, name: str, art, codes, counts, lavrov_counts, selected):
        """Rows of a per-(article, code) table in the view, and their mention counts
        (Lavrov's mentions under lavrov_only)."""

        def compute():
            cnt = lavrov_counts if self.state.lavrov_only else counts
            m = self.keep[art] & (cnt > 0)
            if selected is not None:
                m &= selected[codes]
            return m, cnt

        return self.once(name, compute)

    def country_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the (article, country) table in the view, and their mention counts."""
        st = self.store
        return self._rows("countries", st.ac_art, st.ac_iso, st.ac_n, st.ac_nl, self.iso_sel)

    def issue_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the (article, issue) table in the view, and their mention counts."""
        st = self.store
        return self._rows("issues", st.ai_art, st.ai_issue, st.ai_n, st.ai_nl, self.issue_sel)

    def city_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the (article, city) table in the view, and their mention counts."""
        st = self.store
        city_iso = st.city_iso[st.cc_city]
        return self._rows("cities", st.cc_art, city_iso, st.cc_n, st.cc_nl, self.iso_sel)

    def statements_naming(self, iso_sel: np.ndarray | None, issue_sel: np.ndarray | None):
        """Per statement: its sentence names a selected country and a selected issue
        (Lavrov's mentions only under lavrov_only); None selects everything."""
        st = self.store
        out = np.ones(st.n_statements, bool)
        lav = self.state.lavrov_only
        for sel, stmt, codes, lavrov in (
            (iso_sel, st.sc_stmt, st.sc_iso, st.sc_lav),
            (issue_sel, st.si_stmt, st.si_issue, st.si_lav),
        ):
            if sel is not None:
                rows = sel[codes] & (lavrov if lav else True)
                out &= _flags(st.n_statements, stmt[rows])
        return out

    def statement_mask(self) -> np.ndarray:
        """Per statement: in the view."""

        def compute():
            naming = self.statements_naming(self.iso_sel, self.issue_sel)
            return self.keep[self.store.s_art] & naming

        return self.once("statements", compute)

    def pairs(self, sentences_only: bool) -> np.ndarray:
        """Rows of the (sentence, country, issue) table in the view."""

        def compute():
            st = self.store
            m = self.keep[st.p_art]
            if self.iso_sel is not None:
                m &= self.iso_sel[st.p_iso]
            if self.issue_sel is not None:
                m &= self.issue_sel[st.p_issue]
            if self.state.lavrov_only:
                m &= st.p_lav
            if sentences_only:
                m &= st.p_sent_ok
            return m

        return self.once(("pairs", sentences_only), compute)

    # -- sizes --------------------------------------------------------------------------------

    @property
    def n_articles(self) -> int:
        return int(self.keep.sum())

    @property
    def n_undated(self) -> int:
        return int((self.keep & ~self.store.art_dated).sum())

    @property
    def n_mentions(self) -> int:
        m, cnt = self.country_rows()
        return int(cnt[m].sum())

    @property
    def n_issue_mentions(self) -> int:
        m, cnt = self.issue_rows()
        return int(cnt[m].sum())

    @property
    def n_statements(self) -> int:
        return int(self.statement_mask().sum())

    def article_ids(self) -> set[str]:
        return set(self.store.art_ids[self.keep].tolist())
