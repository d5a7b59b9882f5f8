"""The dashboard's caches and session state: the one diplomap module that imports streamlit.

- The bundled corpus is precomputed once per data folder and input signature into a
  read-only `explore.store.Store` (st.cache_resource, shared by the sessions without
  copying, bounded by max_entries and ttl); reruns do no extraction or file I/O beyond
  a stat of the inputs once per `SIGNATURE_TTL`.
- Uploaded articles, and the Store made of them, live in this browser session only
  (st.session_state), never on disk and never in a cache shared between sessions.
- A filter change builds an `explore.view.View` (masks over the Store's small tables);
  aggregates are memoised in the Store per FilterState (bounded).
- The sidebar's filter widgets are bound to the URL; `sidebar_state` is the one place
  that reconciles them with what a link asks for.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

import streamlit as st

from diplomap import config, query
from diplomap.corpus import (
    corpus_damage,
    current_version,
    empty_corpus,
    extractor_fingerprint,
    input_signature,
    load_or_build,
    read_manifest,
)
from diplomap.corpus.publish import published_version
from diplomap.explore.aggregates import about, about_text, filter_options
from diplomap.explore.export import md_escape
from diplomap.explore.store import Store, load_store
from diplomap.explore.view import View
from diplomap.uploads import UploadOutcome, read_uploads_isolated

UPLOAD_KEY = "_dm_upload"  # session_state: (UploadOutcome, its cache key) of the uploads
MODE_KEY = "upload_mode"  # session_state: "merge" | "replace"
UPLOAD_USED_KEY = "_dm_upload_used"  # session_state: articles extracted from uploads so far
SESSION_STORE_KEY = "_dm_session_store"  # session_state: (key, Store) of the uploads
NOTES_KEY = "_dm_query_notes"  # session_state: what the link asked for that was ignored
LINK_KEY = "_dm_link"  # session_state: the widget values the link asks for (first run)
PENDING_KEY = "_dm_pending_filters"  # session_state: values to set before the widgets
CONTEXT_KEY = "_dm_context"  # session_state: the Context of this run
STATEMENT_STATE = "_dm_statement"  # session_state: the selected statement (<id>:<sentence>)
YEAR_BOUNDS_KEY = "_dm_year_bounds"  # session_state: the corpus's years at the last run
# Every control of the app is bound to the URL (the link carries the view) and kept
# across page switches.
BOUND = {"bind": "query-params", "persist_state": "session"}
STORE_BUILD_TIMEOUT = 1800  # seconds for the child process that precomputes a Store
SIGNATURE_TTL = 30.0  # seconds between checks of the data folder for new files

# A cache of the data folders' input signatures: folder -> (checked at, signature).
_signature_memo: dict[str, tuple[float, str]] = {}
_signature_refreshing: set[str] = set()  # folders being checked in a background thread
_signature_lock = threading.Lock()


# --- the bundled corpus ---------------------------------------------------------------------


def _compute_signature(data_dir: Path) -> str:
    articles = data_dir / "articles" if (data_dir / "articles").is_dir() else data_dir
    try:
        if not articles.exists():
            return "missing"
        return input_signature([articles], exclude=data_dir / "corpus")
    except OSError:
        return "unreadable"


def _saved_signature(data_dir: Path) -> str | None:
    """The input signature recorded with the data folder's saved corpus, if current."""
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


def _fresh(manifest: dict | None, signature: str) -> bool:
    return bool(manifest) and (
        manifest.get("extractor_version") == extractor_fingerprint()
        and manifest.get("signature") == signature
    )


@st.cache_resource(max_entries=2, ttl=24 * 3600, show_spinner="Reading the corpus…")
def _load(data_dir: str, signature: str) -> Store:
    """The Store of a data folder, shared (not copied) by every session of the process.

    When the folder's saved tables are fresh they are read column by column into the
    Store (the full tables are never in memory at once); otherwise the corpus is rebuilt
    first (diplomap.corpus.load_or_build, incremental) and read back once saved."""
    path = Path(data_dir)
    if signature == "missing":
        return Store.from_corpus(empty_corpus())
    out = path / "corpus"
    if _noted_damage(data_dir, out):  # rebuilt (and saved, when the folder is writable)
        corpus = load_or_build(path)
        if corpus_damage(out) is not None:
            return Store.from_corpus(corpus)
        del corpus
    for _attempt in range(3):
        manifest = read_manifest(out)
        if not _fresh(manifest, signature):
            corpus = load_or_build(path)
            manifest = read_manifest(out)
            if not _fresh(manifest, signature) or manifest.get("fingerprint") != corpus.fingerprint:
                return Store.from_corpus(corpus)  # not saved (read-only folder)
            del corpus
        version = current_version(out)
        if version is None:
            continue
        try:
            return _store_of_version(version, manifest.get("fingerprint"))
        except (OSError, ValueError):  # replaced by a concurrent build while reading
            time.sleep(0.1)
    return Store.from_corpus(load_or_build(path))


_damage_notes: dict[str, str] = {}  # data folder -> what was wrong with its saved corpus


def _noted_damage(data_dir: str, out: Path) -> bool:
    """Whether the saved corpus is damaged; what is wrong is noted for `show_corpus_notice`."""
    problem = corpus_damage(out)
    if problem is None:
        _damage_notes.pop(data_dir, None)
        return False
    _damage_notes[data_dir] = (
        f"The saved corpus in {out} was damaged ({problem}), so it was rebuilt from the "
        "articles. If this happens again, check the disk, then run "
        "`python -m diplomap build` (see README, Security)."
    )
    return True


def show_corpus_notice() -> None:
    """A warning when the bundled corpus was found damaged (and rebuilt)."""
    note = _damage_notes.get(str(config.data_dir()))
    if note:
        st.warning(md_escape(note))


def _store_of_version(version: Path, fingerprint: str | None) -> Store:
    """The Store of a saved corpus version: memory-mapped from its folder when it was
    saved before (a restart), else built once by a child process (its memory peak and
    CPU time stay out of the server) and saved; built here when that fails (a
    read-only data folder)."""
    store = load_store(version, fingerprint)
    if store is not None:
        return store
    code = "import sys; from diplomap.explore.store import save_store; save_store(*sys.argv[1:])"
    try:
        subprocess.run(
            [sys.executable, "-c", code, str(version), fingerprint or ""],
            cwd=str(config.PROJECT_DIR),
            capture_output=True,
            timeout=STORE_BUILD_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        pass
    store = load_store(version, fingerprint)
    if store is not None:
        return store
    return Store.from_saved(version, fingerprint=fingerprint)


def bundled_corpus():
    """The corpus of DIPLOMAP_DATA (or data/), as a Store (a Corpus is accepted too:
    tests put one here): its published corpus (published/, written by `build --publish`)
    when it has one, else its articles."""
    data_dir = config.data_dir()
    published = published_version(data_dir)
    if published is not None:
        return _load_published(str(published))
    return _load(str(data_dir), _signature(data_dir))


@st.cache_resource(max_entries=2, ttl=24 * 3600, show_spinner="Reading the corpus…")
def _load_published(version: str) -> Store:
    """The Store of a published corpus version (read as it is: it has no texts to
    extract again); a new publication is a new version folder, so a new cache entry."""
    fingerprint = (read_manifest(Path(version).parent) or {}).get("fingerprint")
    return _store_of_version(Path(version), fingerprint)


@st.cache_resource(max_entries=4, ttl=24 * 3600, show_spinner="Preparing the corpus…")
def _shared_store(key: str, _corpus) -> Store:
    return Store.from_corpus(_corpus)


def _corpus_key(corpus) -> str:
    """A cache key for a corpus: its article ids plus the row counts of its tables."""
    return corpus.fingerprint + ":" + ":".join(str(len(df)) for df in corpus.tables().values())


def _store_of(corpus_or_store) -> Store:
    if isinstance(corpus_or_store, Store):
        return corpus_or_store
    return _shared_store(_corpus_key(corpus_or_store), corpus_or_store)


# --- uploads (this session only) -------------------------------------------------------------


def uploaded() -> UploadOutcome | None:
    held = st.session_state.get(UPLOAD_KEY)
    return held[0] if held else None


def read_upload_files(files: list[tuple[str, bytes]]) -> None:
    """Read uploaded files for this session and keep them: in a child process, within
    the caps of diplomap.uploads.UPLOAD_LIMITS (the articles extracted count against
    this session's cap), with a progress bar."""
    used = st.session_state.get(UPLOAD_USED_KEY, 0)
    bar = st.progress(0.0, text="Reading the files…")

    def show(done: int, total: int) -> None:
        text = f"Extracting places, issues and statements: {done:,} of {total:,} articles…"
        bar.progress(done / max(total, 1), text=text)

    outcome = read_uploads_isolated(files, already=used, progress=show)
    bar.empty()
    st.session_state[UPLOAD_USED_KEY] = used + outcome.extracted
    store_upload(outcome)


def upload_usage() -> int:
    """Articles this session has extracted from uploads (counted against its cap)."""
    return int(st.session_state.get(UPLOAD_USED_KEY, 0))


def store_upload(outcome: UploadOutcome | None) -> None:
    """Keep (or, with None, forget) this session's uploaded corpus."""
    st.session_state.pop(SESSION_STORE_KEY, None)
    if outcome is None:
        st.session_state.pop(UPLOAD_KEY, None)
    else:
        st.session_state[UPLOAD_KEY] = (outcome, _corpus_key(outcome.corpus))


def active_store() -> Store:
    """The Store this session explores: the bundled corpus, the uploads merged into it,
    or the uploads alone (Data page toggle). Stores of uploads live in this session's
    state only (one at a time), never in a cache shared between sessions."""
    base = _store_of(bundled_corpus())
    held = st.session_state.get(UPLOAD_KEY)
    if held is None or not len(held[0].corpus.articles):
        st.session_state.pop(SESSION_STORE_KEY, None)
        return base
    (up, up_key), mode = held, st.session_state.get(MODE_KEY, "merge")
    memo_key = (mode, base.fingerprint, up_key)
    current = st.session_state.get(SESSION_STORE_KEY)
    if current is None or current[0] != memo_key:
        st.session_state.pop(SESSION_STORE_KEY, None)  # drop the old one first
        store = Store.from_corpus(up.corpus) if mode == "replace" else Store.merge(base, up.corpus)
        current = (memo_key, store)
        st.session_state[SESSION_STORE_KEY] = current
    return current[1]


# --- the filters and the link ------------------------------------------------------------------


def _raw_query() -> dict[str, list[str]]:
    """The URL's query parameters as sent (before the bound widgets clean them)."""
    try:
        return {k: st.query_params.get_all(k) for k in st.query_params}
    except Exception:
        return {}


def sidebar_state(
    options: query.FilterOptions, draw: Callable[[query.FilterOptions], Mapping[str, object]]
) -> query.FilterState:
    """The FilterState of the sidebar widgets, which `draw(options)` draws (bound to the
    URL's query parameters, keyed by parameter name) and returns the values of.

    The bound widgets read the link themselves (the sidebar's multiselects accept
    codes such as country=IRN or lang=ar, and Streamlit rewrites them in the address to
    the labels shown); the link is parsed here once per session, for the notes about
    what was ignored and for anything the widgets still do not show. Widget values
    cannot be set once a widget is drawn, and which values Streamlit kept is known only
    then, so on the session's first run such values are kept and the run is repeated once
    (st.rerun), setting them before the widgets are drawn. Streamlit leaves no other way:
    on a session's first run a value set in session_state before the widget yields to
    the URL's."""
    pending = st.session_state.pop(PENDING_KEY, None) or {}
    previous = st.session_state.get(YEAR_BOUNDS_KEY)
    corrections = query.stale_widget_values(st.session_state, options, previous)  # uploads
    st.session_state[YEAR_BOUNDS_KEY] = (options.year_min, options.year_max)
    for key, value in {**corrections, **pending}.items():
        st.session_state[key] = value
    first_run = LINK_KEY not in st.session_state
    if first_run:
        raw = _raw_query()
        state, notes = query.parse_query(raw, options)
        st.session_state[NOTES_KEY] = notes
        values = query.widget_values(state, options)
        defaults = query.widget_values(query.FilterState(), options)
        st.session_state[LINK_KEY] = {
            k: values[k] for k in query.FILTER_KEYS if k in raw and values[k] != defaults[k]
        }
    drawn = query.state_from_widgets(draw(options), options)
    if first_run:
        missing = query.differing_values(st.session_state[LINK_KEY], drawn, options)
        if missing:
            st.session_state[PENDING_KEY] = missing
            st.rerun()
    return drawn


def query_notes() -> list[str]:
    """What the link asked for that was ignored (plain text)."""
    return list(st.session_state.get(NOTES_KEY) or [])


def dismiss_notes() -> None:
    st.session_state[NOTES_KEY] = []


def bound_radio(container, label: str, key: str, **kwargs):
    """A horizontal radio of one of query.PAGE_CONTROLS (its values and labels), bound
    to the URL."""
    control = query.PAGE_CONTROLS[key]
    labels = control.labels or {}
    values = list(labels)
    index = values.index(control.default) if control.default in values else 0
    return container.radio(
        label,
        values,
        index=index,
        key=key,
        horizontal=True,
        format_func=labels.get,
        **kwargs,
        **BOUND,
    )


def page_values() -> dict[str, object]:
    """The current values of the pages' own controls (those drawn in this session)."""
    values = {k: st.session_state[k] for k in query.PAGE_CONTROLS if k in st.session_state}
    values[query.STATEMENT_KEY] = st.session_state.get(STATEMENT_STATE, "")
    return values


def share_link(
    state: query.FilterState,
    options: query.FilterOptions,
    defaults: Mapping[str, object] | None = None,
) -> str:
    """The link to this view: the page, the filters and every page control."""
    try:
        url = st.context.url or ""
    except Exception:
        url = ""
    params = query.page_query(page_values(), options, defaults)
    return query.share_url(url, state, options, params)


def selected_statement() -> str:
    """The selected statement (<article id>:<sentence>, "" for none): the one the
    link names until a row is chosen."""
    if STATEMENT_STATE not in st.session_state:
        try:
            ref = st.query_params.get(query.STATEMENT_KEY, "")
        except Exception:
            ref = ""
        st.session_state[STATEMENT_STATE] = query.shorten(ref, 200) if ref else ""
    return st.session_state[STATEMENT_STATE]


def select_statement(ref: str) -> None:
    """Remember the selected statement in the session and the address bar."""
    st.session_state[STATEMENT_STATE] = ref
    try:
        if ref:
            st.query_params[query.STATEMENT_KEY] = ref
        elif query.STATEMENT_KEY in st.query_params:
            del st.query_params[query.STATEMENT_KEY]
    except Exception:
        pass


def request_country(iso3: str | None) -> None:
    """Focus the app on one country (or none): sets the sidebar filter. Call it from a
    widget callback, which runs before the sidebar widgets are drawn."""
    st.session_state[query.COUNTRY] = [iso3] if iso3 else []


# --- what the entry point hands to the pages ------------------------------------------------


class Context:
    """The Store, choices, filters and filtered view of this run (set by dashboard.py)."""

    def __init__(self, store: Store, options: query.FilterOptions, state: query.FilterState):
        self.store = store
        self.options = options
        self.state = state
        self.view = View(store, state)

    def view_with(self, **changes) -> View:
        """The view under a variant of the current filters (e.g. lavrov_only=True)."""
        return View(self.store, replace(self.state, **changes))


def start_run(draw: Callable[[query.FilterOptions], Mapping[str, object]]) -> Context:
    """This run's Store, choices and filters (the sidebar drawn by `draw`), kept for the
    page that runs next."""
    store = active_store()
    options = filter_options(store)
    ctx = Context(store, options, sidebar_state(options, draw))
    st.session_state[CONTEXT_KEY] = ctx
    return ctx


def context() -> Context:
    """The Context of this run; pages run after dashboard.py has set it."""
    ctx = st.session_state.get(CONTEXT_KEY)
    if ctx is None:  # a page run on its own (tests): the default one
        store = active_store()
        ctx = Context(store, filter_options(store), query.FilterState())
        st.session_state[CONTEXT_KEY] = ctx
    return ctx


def is_bundled_sample(ctx: Context) -> bool:
    """Whether this session explores the project's own sample articles only."""
    held = st.session_state.get(UPLOAD_KEY)
    uploads = held is not None and len(held[0].corpus.articles)
    published = published_version(config.data_dir()) is not None
    return config.data_dir() == config.PACKAGE_DATA_DIR and not uploads and not published


def about_panel(ctx: Context, expanded: bool = False) -> None:
    """The "About this data" panel: what the corpus is (Overview and Data pages)."""
    published = published_version(config.data_dir()) is not None
    lines = about_text(about(ctx.store), is_bundled_sample(ctx), published)
    with st.expander("About this data", expanded=expanded):
        for line in lines:
            st.markdown("- " + md_escape(line))


def _active_filters(ctx: Context) -> list[str]:
    """The filters in force, as text ("years 2021–2022", "countries: Syria, Iran")."""
    s = ctx.state
    active = [f"years {s.years[0]}–{s.years[1]}"] if s.years else []
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
    return active


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
    detail = "; ".join(md_escape(a) for a in _active_filters(ctx)) or "none"
    st.info(
        f"No {what} match the filters ({detail}). Widen the year range, remove a "
        "country, issue, language or source, or switch off *Lavrov's own words only* "
        "in the sidebar."
    )
    return True
