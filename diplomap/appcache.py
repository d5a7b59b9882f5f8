"""The dashboard's caches and session state: the one diplomap module that imports streamlit.

- The bundled corpus is loaded once per data folder and input signature
  (st.cache_data, bounded by max_entries and ttl); reruns do no extraction or file I/O
  beyond a cheap stat of the inputs once per `SIGNATURE_TTL`.
- Uploaded articles live in this browser session only (st.session_state), never on
  disk and never in a cache shared between sessions.
- Filtered views and aggregates are cached per corpus fingerprint and FilterState.
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from diplomap import config, filters, views
from diplomap import schema as S

UPLOAD_KEY = "_dm_upload"  # session_state: views.UploadOutcome of this session's uploads
MODE_KEY = "upload_mode"  # session_state: "merge" | "replace"
NOTES_KEY = "_dm_query_notes"
SEEDED_KEY = "_dm_seeded"
SIGNATURE_TTL = 30.0  # seconds between checks of the data folder for new files
_signature_memo: dict[str, tuple[float, str]] = {}


def _signature(data_dir: Path) -> str:
    """The input signature of the data folder, checked at most every SIGNATURE_TTL s."""
    key = str(data_dir)
    now = time.monotonic()
    hit = _signature_memo.get(key)
    if hit and now - hit[0] < SIGNATURE_TTL:
        return hit[1]
    from diplomap.corpus import input_signature

    articles = data_dir / "articles" if (data_dir / "articles").is_dir() else data_dir
    try:
        sig = input_signature([articles]) if articles.exists() else "missing"
    except OSError:
        sig = "unreadable"
    _signature_memo[key] = (now, sig)
    return sig


@st.cache_data(max_entries=2, ttl=24 * 3600, show_spinner="Reading the corpus…")
def _load(data_dir: str, signature: str):
    from diplomap.corpus import empty_corpus, load_or_build

    path = Path(data_dir)
    if signature == "missing":
        return empty_corpus()
    return load_or_build(path)


def bundled_corpus():
    """The corpus of DIPLOMAP_DATA (or data/)."""
    data_dir = config.data_dir()
    return _load(str(data_dir), _signature(data_dir))


def uploaded() -> views.UploadOutcome | None:
    return st.session_state.get(UPLOAD_KEY)


def store_upload(outcome: views.UploadOutcome | None) -> None:
    """Keep (or, with None, forget) this session's uploaded corpus."""
    if outcome is None:
        st.session_state.pop(UPLOAD_KEY, None)
    else:
        st.session_state[UPLOAD_KEY] = outcome


def active_corpus():
    """The corpus this session explores: the bundled one, the uploads merged into it,
    or the uploads alone (Data page toggle)."""
    base = bundled_corpus()
    up = uploaded()
    if up is None or not len(up.corpus.articles):
        return base
    mode = st.session_state.get(MODE_KEY, "merge")
    if mode == "replace":
        return up.corpus
    memo_key = ("_dm_merged", base.fingerprint, up.corpus.fingerprint)
    merged = st.session_state.get("_dm_merged")
    if merged is None or merged[0] != memo_key:
        from diplomap.corpus import merge_corpora

        merged = (memo_key, merge_corpora(base, up.corpus))
        st.session_state["_dm_merged"] = merged
    return merged[1]


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def _options(fingerprint: str, _corpus) -> filters.FilterOptions:
    codes = _corpus.mentions[S.ISO3].dropna().astype(str).unique()
    return filters.options_from_corpus(
        _corpus, country_names=views.country_names(codes), issue_labels=views.issue_label
    )


def options(corpus) -> filters.FilterOptions:
    return _options(_key(corpus), corpus)


def _key(corpus) -> str:
    """A cache key for a corpus: its article ids plus the row counts of its tables."""
    return corpus.fingerprint + ":" + ":".join(str(len(df)) for df in corpus.tables().values())


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def _view(fingerprint: str, state: filters.FilterState, _corpus) -> filters.View:
    return filters.apply_filters(_corpus, state)


def view(corpus, state: filters.FilterState) -> filters.View:
    """The filtered tables (cached per corpus and filter state)."""
    return _view(_key(corpus), state, corpus)


# --- what the entry point hands to the pages ------------------------------------------------


CONTEXT_KEY = "_dm_context"


class Context:
    """The corpus, choices, filters and filtered view of this run (set by dashboard.py)."""

    def __init__(self, corpus, options: filters.FilterOptions, state: filters.FilterState):
        self.corpus = corpus
        self.options = options
        self.state = state
        self.view = view(corpus, state)

    def view_with(self, **changes) -> filters.View:
        """The view under a variant of the current filters (e.g. lavrov_only=True)."""
        from dataclasses import replace

        return view(self.corpus, replace(self.state, **changes))


def set_context(ctx: Context) -> None:
    st.session_state[CONTEXT_KEY] = ctx


def context() -> Context:
    """The Context of this run; pages run after dashboard.py has set it."""
    ctx = st.session_state.get(CONTEXT_KEY)
    if ctx is None:  # a page run on its own (tests): build the default one
        corpus = active_corpus()
        ctx = Context(corpus, options(corpus), filters.FilterState())
        set_context(ctx)
    return ctx


def request_country(iso3: str | None) -> None:
    """Focus the app on one country (or none): sets the sidebar filter. Call it from a
    widget callback, which runs before the sidebar widgets are drawn."""
    st.session_state[filters.COUNTRY] = [iso3] if iso3 else []


def explain_empty(ctx: Context, what: str = "articles") -> bool:
    """Show why nothing matches (and what to change); True when the view is empty."""
    if len(ctx.view.articles):
        return False
    if not len(ctx.corpus.articles):
        st.info(
            "The corpus is empty. Add article files to the data folder's articles/ "
            "(or set DIPLOMAP_DATA), or upload some on the **Data** page."
        )
        return True
    active = []
    s = ctx.state
    if s.years:
        active.append(f"years {s.years[0]}–{s.years[1]}")
    for label, values, names in (
        ("countries", s.countries, ctx.options.countries),
        ("issues", s.issues, ctx.options.issues),
        ("languages", s.languages, ctx.options.languages),
        ("sources", s.sources, ctx.options.sources),
    ):
        if values:
            active.append(f"{label}: " + ", ".join(names.get(v, v) for v in values))
    if s.lavrov_only:
        active.append("Lavrov's own words only")
    detail = "; ".join(filters.md_escape(a) for a in active) or "none"
    st.info(
        f"No {what} match the filters ({detail}). Widen the year range, remove a "
        "country, issue, language or source, or switch off *Lavrov's own words only* "
        "in the sidebar."
    )
    return True
