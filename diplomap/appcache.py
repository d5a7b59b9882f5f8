"""The dashboard's caches and session state: the one diplomap module that imports streamlit.

- The bundled corpus is precomputed once per data folder and input signature into a
  read-only `views.Store` (st.cache_resource, shared by the sessions without copying,
  bounded by max_entries and ttl); reruns do no extraction or file I/O beyond a stat
  of the inputs once per `SIGNATURE_TTL`.
- Uploaded articles, and the Store made of them, live in this browser session only
  (st.session_state), never on disk and never in a cache shared between sessions.
- A filter change builds a `views.FastView` (masks over the Store's small tables);
  aggregates are memoised in the Store per FilterState (bounded).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import streamlit as st

from diplomap import config, filters, views

UPLOAD_KEY = "_dm_upload"  # session_state: views.UploadOutcome of this session's uploads
MODE_KEY = "upload_mode"  # session_state: "merge" | "replace"
NOTES_KEY = "_dm_query_notes"
SEEDED_KEY = "_dm_seeded"
STORE_BUILD_TIMEOUT = 1800  # seconds for the child process that precomputes a Store
SIGNATURE_TTL = 30.0  # seconds between checks of the data folder for new files
_signature_memo: dict[str, tuple[float, str]] = {}
_signature_refreshing: set[str] = set()
_signature_lock = threading.Lock()


def _compute_signature(data_dir: Path) -> str:
    from diplomap.corpus import input_signature

    articles = data_dir / "articles" if (data_dir / "articles").is_dir() else data_dir
    try:
        return input_signature([articles]) if articles.exists() else "missing"
    except OSError:
        return "unreadable"


def _saved_signature(data_dir: Path) -> str | None:
    """The input signature recorded with the data folder's saved corpus, if current."""
    from diplomap.corpus import extractor_fingerprint, read_manifest

    try:
        manifest = read_manifest(data_dir / "corpus")
    except OSError:
        return None
    if not manifest or manifest.get("extractor_version") != extractor_fingerprint():
        return None
    sig = manifest.get("signature")
    return sig if isinstance(sig, str) and sig else None


def _refresh_signature(key: str, data_dir: Path) -> None:
    try:
        _signature_memo[key] = (time.monotonic(), _compute_signature(data_dir))
    finally:
        with _signature_lock:
            _signature_refreshing.discard(key)


def _signature(data_dir: Path) -> str:
    """The input signature of the data folder, checked at most every SIGNATURE_TTL s.

    No check blocks a run: a check stats every input file (2-3 s at 100k files), so it
    runs in a background thread while runs use the last signature, and new files are
    picked up a little later. At start the signature the saved corpus was made from is
    used meanwhile (when it was made by this extractor); without one the first check
    is made at once."""
    key = str(data_dir)
    now = time.monotonic()
    hit = _signature_memo.get(key)
    if hit is None:
        saved = _saved_signature(data_dir)
        if saved is None:
            sig = _compute_signature(data_dir)
            _signature_memo[key] = (now, sig)
            return sig
        # Start on the saved corpus at once; the inputs are checked in the background
        # (a changed folder is picked up on a later rerun).
        hit = (now - SIGNATURE_TTL, saved)
        _signature_memo[key] = hit
    if now - hit[0] >= SIGNATURE_TTL:
        with _signature_lock:
            start = key not in _signature_refreshing
            _signature_refreshing.add(key)
        if start:
            threading.Thread(target=_refresh_signature, args=(key, data_dir), daemon=True).start()
    return hit[1]


@st.cache_resource(max_entries=2, ttl=24 * 3600, show_spinner="Reading the corpus…")
def _load(data_dir: str, signature: str) -> views.Store:
    """The Store of a data folder, shared (not copied) by every session of the process.

    When the folder's saved tables are fresh they are read column by column into the
    Store (the full tables are never in memory at once); otherwise the corpus is rebuilt
    first (diplomap.corpus.load_or_build, incremental) and read back once saved."""
    from diplomap.corpus import (
        current_version,
        empty_corpus,
        extractor_fingerprint,
        load_or_build,
        read_manifest,
    )

    path = Path(data_dir)
    if signature == "missing":
        return views.Store.from_corpus(empty_corpus())
    out = path / "corpus"

    def fresh(manifest) -> bool:
        return bool(manifest) and (
            manifest.get("extractor_version") == extractor_fingerprint()
            and manifest.get("signature") == signature
        )

    for _attempt in range(3):
        manifest = read_manifest(out)
        if not fresh(manifest):
            corpus = load_or_build(path)
            manifest = read_manifest(out)
            if not fresh(manifest) or manifest.get("fingerprint") != corpus.fingerprint:
                return views.Store.from_corpus(corpus)  # not saved (read-only folder)
            del corpus
        version = current_version(out)
        if version is None:
            continue
        try:
            return _store_of_version(version, manifest.get("fingerprint"))
        except (OSError, ValueError):  # replaced by a concurrent build while reading
            time.sleep(0.1)
    return views.Store.from_corpus(load_or_build(path))


def _store_of_version(version: Path, fingerprint: str | None) -> views.Store:
    """The Store of a saved corpus version: memory-mapped from its folder when it was
    saved before (a restart), else built once by a child process (its memory peak and
    CPU time stay out of the server) and saved; built here when that fails (a
    read-only data folder)."""
    store = views.load_store(version, fingerprint)
    if store is not None:
        return store
    code = "import sys; from diplomap.views import save_store; save_store(*sys.argv[1:])"
    try:
        subprocess.run(
            [sys.executable, "-c", code, str(version), fingerprint or ""],
            cwd=str(Path(__file__).resolve().parent.parent),
            capture_output=True,
            timeout=STORE_BUILD_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        pass
    store = views.load_store(version, fingerprint)
    if store is not None:
        return store
    return views.Store.from_saved(version, fingerprint=fingerprint)


def bundled_corpus():
    """The corpus of DIPLOMAP_DATA (or data/), as a views.Store (a Corpus is accepted
    too: tests put one here)."""
    data_dir = config.data_dir()
    return _load(str(data_dir), _signature(data_dir))


@st.cache_resource(max_entries=4, ttl=24 * 3600, show_spinner="Preparing the corpus…")
def _shared_store(key: str, _corpus) -> views.Store:
    return views.Store.from_corpus(_corpus)


def _store_of(corpus) -> views.Store:
    if isinstance(corpus, views.Store):
        return corpus
    return _shared_store(_key(corpus), corpus)


SESSION_STORE_KEY = "_dm_session_store"  # session_state: (key, Store) of the uploads


def uploaded() -> views.UploadOutcome | None:
    return st.session_state.get(UPLOAD_KEY)


def store_upload(outcome: views.UploadOutcome | None) -> None:
    """Keep (or, with None, forget) this session's uploaded corpus."""
    st.session_state.pop(SESSION_STORE_KEY, None)
    if outcome is None:
        st.session_state.pop(UPLOAD_KEY, None)
    else:
        st.session_state[UPLOAD_KEY] = outcome


def active_corpus() -> views.Store:
    """The Store this session explores: the bundled corpus, the uploads merged into it,
    or the uploads alone (Data page toggle). Stores of uploads live in this session's
    state only (one at a time), never in a cache shared between sessions."""
    base = _store_of(bundled_corpus())
    up = uploaded()
    if up is None or not len(up.corpus.articles):
        st.session_state.pop(SESSION_STORE_KEY, None)
        return base
    mode = st.session_state.get(MODE_KEY, "merge")
    memo_key = (mode, base.fingerprint, _key(up.corpus))
    held = st.session_state.get(SESSION_STORE_KEY)
    if held is None or held[0] != memo_key:
        st.session_state.pop(SESSION_STORE_KEY, None)  # drop the old one first
        if mode == "replace":
            store = views.Store.from_corpus(up.corpus)
        else:
            store = views.Store.merge(base, up.corpus)
        held = (memo_key, store)
        st.session_state[SESSION_STORE_KEY] = held
    return held[1]


def options(store) -> filters.FilterOptions:
    """The filter choices of a Store (computed once per Store)."""
    store = _store_of(store)

    def compute() -> filters.FilterOptions:
        return filters.options_from_corpus(
            store.option_tables(),
            country_names=views.country_names(store.iso_cats),
            issue_labels=views.issue_label,
        )

    return store.memo(("options",), compute)


def _key(corpus) -> str:
    """A cache key for a corpus: its article ids plus the row counts of its tables
    (computed once per Corpus object)."""
    known = corpus.__dict__.get("_dm_key")
    if known is None:
        known = corpus.fingerprint + ":" + ":".join(str(len(df)) for df in corpus.tables().values())
        corpus.__dict__["_dm_key"] = known
    return known


# --- what the entry point hands to the pages ------------------------------------------------


CONTEXT_KEY = "_dm_context"


class Context:
    """The corpus, choices, filters and filtered view of this run (set by dashboard.py)."""

    def __init__(self, corpus, options: filters.FilterOptions, state: filters.FilterState):
        self.store = _store_of(corpus)
        self.corpus = self.store  # the Store (for views.article_parts and sizes)
        self.options = options
        self.state = state
        self.view = self.store.view(state)

    def view_with(self, **changes) -> views.FastView:
        """The view under a variant of the current filters (e.g. lavrov_only=True)."""
        from dataclasses import replace

        return self.store.view(replace(self.state, **changes))


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
    if ctx.view.n_articles:
        return False
    if not ctx.store.n_articles:
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
