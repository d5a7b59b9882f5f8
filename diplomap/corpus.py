"""Build, save and load the corpus tables.

`build_corpus(paths)` is the one entry point: it reads the inputs (diplomap.ingest),
extracts every new article (dates, places, issues, Lavrov's statements) and returns a
`Corpus` of four pandas DataFrames whose columns are defined in diplomap.schema.
`save_corpus` writes them as Parquet atomically; `load_corpus` reads them back, and a
rebuild with `previous=` re-extracts only the articles it has not seen.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from diplomap import schema as S

TABLES = ("articles", "mentions", "issue_mentions", "statements")
COLUMNS = {
    "articles": S.ARTICLE_COLUMNS,
    "mentions": S.MENTION_COLUMNS,
    "issue_mentions": S.ISSUE_MENTION_COLUMNS,
    "statements": S.STATEMENT_COLUMNS,
}
# Bump when extraction changes so that saved corpora are re-extracted, not reused.
EXTRACTOR_VERSION = "1"
MANIFEST = "manifest.json"


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of what extraction depends on: the extractor's code and its data files
    (gazetteer additions, issue taxonomy). A saved corpus made with another one is
    re-extracted rather than reused, so an analyst's edit to data/issues.csv counts."""
    from diplomap import config

    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    package = Path(__file__).resolve().parent
    files = sorted(package.glob("*.py")) + sorted(
        f
        for f in config.PACKAGE_DATA_DIR.glob("*")
        if f.is_file() and f.suffix in {".csv", ".txt", ".json"}
    )
    for f in files:
        if f.stem in {"__main__", "filters", "charts", "views", "appcache"}:
            continue  # the dashboard and the command line do not change extraction
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Corpus:
    """The four tables of a corpus, plus the problems met while reading it."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    issue_mentions: pd.DataFrame
    statements: pd.DataFrame
    problems: list = field(default_factory=list)  # diplomap.ingest.Problem records

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    @property
    def fingerprint(self) -> str:
        """A short hash of the set of article ids (stable across runs)."""
        ids = sorted(self.articles[S.ARTICLE_ID].astype(str)) if len(self.articles) else []
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.articles)


# --- extraction of one article -------------------------------------------------------


@dataclass
class Extraction:
    """The rows one article contributes to each table."""

    article: dict
    mentions: list[dict]
    issue_mentions: list[dict]
    statements: list[dict]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _sentence_index(starts: list[int], ends: list[int], pos: int) -> int:
    import bisect

    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < ends[i] else -1


def extract_article(article, *, geocoder=None) -> Extraction:
    """Extract dates, places, issues and Lavrov's statements from one `ingest.Article`.

    A pure function of the article (and the gazetteer/taxonomy data files).
    """
    from diplomap import dates, issues, places, text
    from diplomap.normalize import detect_language, normalize_text

    body = article.text
    lang = article.language or detect_language(body)
    boiler = text.find_boilerplate(body, lang)
    sentences = text.split_sentences(body, lang, skip=boiler)
    attributions = text.attribute_speakers(body, sentences, lang)
    lavrov_flags = [a.speaker == "Lavrov" for a in attributions]
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    pub = dates.find_publication_date(
        body, lang, metadata=article.published_raw, title=article.title, boilerplate=boiler
    )
    nt = normalize_text(body)
    aid = article.article_id

    def locate(start: int, end: int) -> tuple[int, bool]:
        idx = _sentence_index(starts, ends, start)
        return idx, (idx >= 0 and lavrov_flags[idx])

    mention_rows = []
    found = places.find_places(nt, lang)
    if geocoder is not None:
        found = found + geocoder.find_unknown_places(nt, lang, known=found)
    for m in found:
        if _inside(boiler, m.start, m.end):
            continue
        idx, lav = locate(m.start, m.end)
        mention_rows.append(
            {
                S.ARTICLE_ID: aid,
                S.START: m.start,
                S.END: m.end,
                S.SURFACE: m.surface,
                S.PLACE: m.place,
                S.PLACE_TYPE: m.place_type,
                S.ISO3: m.iso3,
                S.LAT: m.lat,
                S.LON: m.lon,
                S.MATCH_KIND: m.match_kind,
                S.SENTENCE: idx,
                S.LAVROV: lav,
            }
        )
    issue_rows = []
    for m in issues.find_issues(nt, lang):
        if _inside(boiler, m.start, m.end):
            continue
        idx, lav = locate(m.start, m.end)
        issue_rows.append(
            {
                S.ARTICLE_ID: aid,
                S.START: m.start,
                S.END: m.end,
                S.SURFACE: m.surface,
                S.ISSUE: m.issue,
                S.SENTENCE: idx,
                S.LAVROV: lav,
            }
        )
    statement_rows = [
        {
            S.ARTICLE_ID: aid,
            S.SENTENCE: i,
            S.START: s.start,
            S.END: s.end,
            S.SPEAKER: "Lavrov",
            S.KIND: a.kind or "reported",
            S.TEXT: body[s.start : s.end],
        }
        for i, (s, a) in enumerate(zip(sentences, attributions, strict=True))
        if a.speaker == "Lavrov"
    ]
    article_row = {
        S.ARTICLE_ID: aid,
        S.FILE: article.file,
        S.TITLE: article.title,
        S.TEXT: body,
        S.LANGUAGE: lang,
        S.PUBLISHED: pub.date,
        S.DATE_SOURCE: pub.source,
        S.DATE_PRECISION: pub.precision,
        S.DATE_TEXT: pub.text,
        S.SOURCE: article.source,
        S.URL: article.url,
        S.ENCODING: article.encoding,
        S.REPLACED_CHARS: article.replaced_chars,
        S.BOILERPLATE: [[int(a), int(b)] for a, b in boiler],
        S.N_CHARS: len(body),
        S.N_SENTENCES: len(sentences),
        S.N_LAVROV: len(statement_rows),
    }
    return Extraction(article_row, mention_rows, issue_rows, statement_rows)


# --- building ---------------------------------------------------------------------------

ARTICLE_TIME_BUDGET = 20.0  # seconds one article may take before it is skipped and reported
PARALLEL_THRESHOLD = 400  # fewer new articles than this are extracted in-process
BATCH_SIZE = 250


class ArticleTimeout(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - exercised through time_budget
    raise ArticleTimeout()


class _TimeBudget:
    """Raise ArticleTimeout in the current thread once `seconds` have passed.

    In the main thread a SIGALRM timer interrupts even a long regular expression
    (between bytecodes); in any other thread (Streamlit runs scripts in threads) a
    timer thread raises the exception asynchronously in the extracting thread. Either
    way the timer is cancelled on exit, and an exception that arrives just after the
    block ended is absorbed there, so it never escapes into unrelated code."""

    def __init__(self, seconds: float | None) -> None:
        import threading

        self.seconds = seconds
        self.main = threading.current_thread() is threading.main_thread()
        self._timer = None
        self._lock = threading.Lock()
        self._armed = False

    def __enter__(self) -> _TimeBudget:
        if not self.seconds:
            return self
        if self.main:
            import signal

            self._old = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            import threading

            self._ident = threading.get_ident()
            self._armed = True
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _fire(self) -> None:
        import ctypes

        with self._lock:
            if not self._armed:
                return
            self._armed = False
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self._ident), ctypes.py_object(ArticleTimeout)
            )

    def __exit__(self, exc_type, exc, tb) -> bool:
        if not self.seconds:
            return False
        if self.main:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
            return False
        with self._lock:
            fired = not self._armed
            self._armed = False
        self._timer.cancel()
        if fired and exc_type is None:
            # the timer fired after the work finished: absorb the pending exception here
            try:
                for _ in range(1000):
                    pass
            except ArticleTimeout:
                pass
        return False


def warm_up() -> None:
    """Load the gazetteer and the issue taxonomy (once per process)."""
    from diplomap import issues, places

    places.load_gazetteer()
    issues.load_taxonomy()


def _extract_batch(articles: list, budget: float | None = ARTICLE_TIME_BUDGET, geocoder=None):
    from diplomap.ingest import Problem

    warm_up()
    out = []
    for article in articles:
        try:
            with _TimeBudget(budget):
                out.append((extract_article(article, geocoder=geocoder), None))
        except ArticleTimeout:
            reason = f"extraction took longer than {budget:g} s; article skipped"
            out.append((None, Problem(article.file, reason)))
        except RecursionError:
            out.append((None, Problem(article.file, "text too deeply nested; article skipped")))
    return out


def _run_extraction(articles: list, workers: int | None, progress, geocoder=None):
    """Extract every article, in parallel batches when there are many."""
    n = len(articles)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    results = []
    if n < PARALLEL_THRESHOLD or workers <= 1 or geocoder is not None:
        for i in range(0, n, BATCH_SIZE):
            results.extend(_extract_batch(articles[i : i + BATCH_SIZE], geocoder=geocoder))
            if progress:
                progress(min(i + BATCH_SIZE, n), n)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
    batches = [articles[i : i + BATCH_SIZE] for i in range(0, n, BATCH_SIZE)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        for batch_result in pool.map(_extract_batch, batches):
            results.extend(batch_result)
            done += len(batch_result)
            if progress:
                progress(done, n)
    return results


def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS[table])
    return _coerce(df, table)


def _coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give every table the same dtypes whether built, loaded or empty."""
    ints = [S.START, S.END, S.SENTENCE, S.N_CHARS, S.N_SENTENCES, S.N_LAVROV, S.REPLACED_CHARS]
    for col in df.columns:
        if col in ints:
            df[col] = df[col].astype("int64")
        elif col == S.LAVROV:
            df[col] = df[col].astype(bool)
        elif col in (S.LAT, S.LON):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        elif col == S.PUBLISHED:
            df[col] = pd.to_datetime(df[col], errors="coerce").astype("datetime64[ns]")
        elif col == S.BOILERPLATE:
            df[col] = [[list(map(int, span)) for span in spans] for spans in df[col]]
    return df.reset_index(drop=True)


def empty_corpus() -> Corpus:
    return Corpus(*(_frame([], t) for t in TABLES))


def _assemble(extractions: list[Extraction], problems: Iterable = ()) -> Corpus:
    return Corpus(
        _frame([e.article for e in extractions], "articles"),
        _frame([m for e in extractions for m in e.mentions], "mentions"),
        _frame([m for e in extractions for m in e.issue_mentions], "issue_mentions"),
        _frame([m for e in extractions for m in e.statements], "statements"),
        list(problems),
    )


def merge_corpora(*corpora: Corpus) -> Corpus:
    """One corpus of several; an article present in more than one is kept once (first wins)."""
    corpora = [c for c in corpora if c is not None]
    if not corpora:
        return empty_corpus()
    articles = pd.concat([c.articles for c in corpora], ignore_index=True)
    keep = ~articles[S.ARTICLE_ID].duplicated()
    articles = articles[keep]
    tables = {"articles": articles}
    for name in TABLES[1:]:
        parts = []
        seen: set[str] = set()
        for c in corpora:
            df = getattr(c, name)
            ids = set(c.articles[S.ARTICLE_ID])
            parts.append(df[df[S.ARTICLE_ID].isin(ids - seen)])
            seen |= ids
        tables[name] = pd.concat(parts, ignore_index=True) if parts else _frame([], name)
    problems = [p for c in corpora for p in c.problems]
    return Corpus(**{k: _coerce(v, k) for k, v in tables.items()}, problems=problems)


def _select(corpus: Corpus, ids: set[str]) -> Corpus:
    return Corpus(
        *(
            getattr(corpus, name)[getattr(corpus, name)[S.ARTICLE_ID].isin(ids)].reset_index(
                drop=True
            )
            for name in TABLES
        )
    )


def build_from_articles(
    articles: Sequence,
    problems: Iterable = (),
    *,
    previous: Corpus | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    geocoder=None,
) -> Corpus:
    """Extract `ingest.Article` records into a Corpus, reusing rows of `previous`."""
    from diplomap.ingest import dedupe

    articles = dedupe(list(articles))
    known: set[str] = set()
    if previous is not None and len(previous.articles):
        known = set(previous.articles[S.ARTICLE_ID]) & {a.article_id for a in articles}
    new = [a for a in articles if a.article_id not in known]
    results = _run_extraction(new, workers, progress, geocoder=geocoder)
    problems = list(problems) + [p for _, p in results if p is not None]
    fresh = _assemble([e for e, _ in results if e is not None], problems)
    if not known:
        return fresh
    reused = _select(previous, known)
    merged = merge_corpora(reused, fresh)
    # keep the input order of articles
    order = {a.article_id: i for i, a in enumerate(articles)}
    merged.articles = (
        merged.articles.assign(_o=merged.articles[S.ARTICLE_ID].map(order))
        .sort_values("_o", kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )
    merged.problems = problems
    return merged


def build_corpus(
    paths: Iterable[str | Path],
    *,
    previous: Corpus | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    geocoder=None,
    limits=None,
) -> Corpus:
    """Read files/folders/archives and extract them into a Corpus (the one entry point).

    Bad inputs are not fatal: they are listed in `Corpus.problems` and the rest is kept.
    With `previous`, articles already in it are not re-extracted.
    """
    from diplomap.ingest import DEFAULT_LIMITS, read_paths

    result = read_paths([Path(p) for p in paths], limits or DEFAULT_LIMITS)
    return build_from_articles(
        result.articles,
        result.problems,
        previous=previous,
        workers=workers,
        progress=progress,
        geocoder=geocoder,
    )


# --- saving and loading ------------------------------------------------------------------


def _problem_dicts(problems: Iterable) -> list[dict]:
    return [dataclasses.asdict(p) if dataclasses.is_dataclass(p) else dict(p) for p in problems]


def save_corpus(corpus: Corpus, out_dir: str | Path, *, signature: str | None = None) -> Path:
    """Write the tables as Parquet, atomically.

    Each save goes into a new version folder; the pointer file CURRENT is then replaced
    in one rename, so a reader (or a build killed at any moment) always sees either the
    previous complete corpus or the new complete one.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    version = tempfile.mkdtemp(prefix="v-", dir=out)
    vpath = Path(version)
    for name, df in corpus.tables().items():
        df.to_parquet(vpath / f"{name}.parquet", index=False)
    manifest = {
        "extractor_version": extractor_fingerprint(),
        "signature": signature,
        "fingerprint": corpus.fingerprint,
        "counts": {name: len(df) for name, df in corpus.tables().items()},
        "problems": _problem_dicts(corpus.problems),
    }
    (vpath / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    _fsync_dir(vpath)
    pointer_tmp = out / f".CURRENT.{os.getpid()}.tmp"
    pointer_tmp.write_text(vpath.name, "utf-8")
    os.replace(pointer_tmp, out / "CURRENT")
    _fsync_dir(out)
    _remove_old_versions(out, keep=vpath.name)
    return vpath


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _remove_old_versions(out: Path, keep: str) -> None:
    for child in out.glob("v-*"):
        if child.is_dir() and child.name != keep:
            shutil.rmtree(child, ignore_errors=True)
    for leftover in out.glob(".CURRENT.*.tmp"):  # from a save that was killed
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > 600:  # not a concurrent save's
                leftover.unlink()


def current_version(corpus_dir: str | Path) -> Path | None:
    """The folder of the last complete save, or None."""
    d = Path(corpus_dir)
    try:
        name = (d / "CURRENT").read_text("utf-8").strip()
    except OSError:
        return None
    vpath = d / name
    if not name.startswith("v-") or "/" in name or not (vpath / MANIFEST).is_file():
        return None
    return vpath


def is_current(corpus_dir: str | Path) -> bool:
    """Whether the saved corpus was extracted by this code and these data files."""
    manifest = read_manifest(corpus_dir)
    return bool(manifest) and manifest.get("extractor_version") == extractor_fingerprint()


def read_manifest(corpus_dir: str | Path) -> dict | None:
    vpath = current_version(corpus_dir)
    if vpath is None:
        return None
    try:
        return json.loads((vpath / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def load_corpus(corpus_dir: str | Path) -> Corpus:
    """Read a corpus saved by `save_corpus`. Raises FileNotFoundError if there is none.

    Use `is_current(corpus_dir)` to know whether it was made by this extractor."""
    from diplomap.ingest import Problem

    # A concurrent save may switch CURRENT and delete the version being read: retry on
    # the new one (a version folder is complete before CURRENT points at it).
    deadline = time.monotonic() + 30
    for attempt in range(1000):
        vpath = current_version(corpus_dir)
        if vpath is None:
            raise FileNotFoundError(f"no saved corpus in {corpus_dir}")
        try:
            manifest = json.loads((vpath / MANIFEST).read_text("utf-8"))
            tables = {
                name: _coerce(pd.read_parquet(vpath / f"{name}.parquet"), name) for name in TABLES
            }
        except (OSError, ValueError):
            moved = current_version(corpus_dir) != vpath or not vpath.is_dir()
            if not moved or time.monotonic() > deadline:
                raise
            time.sleep(min(0.005 * attempt, 0.2))
            continue
        problems = [Problem(**p) for p in manifest.get("problems", [])]
        return Corpus(**tables, problems=problems)
    raise FileNotFoundError(f"no readable corpus in {corpus_dir}")


def input_signature(paths: Iterable[str | Path]) -> str:
    """A hash of the names, sizes and modification times of the input files."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    for p in sorted(Path(x) for x in paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                st = f.stat()
            except OSError:
                continue
            h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def load_or_build(data_dir: str | Path | None = None) -> Corpus:
    """The corpus of a data folder: loaded when its saved tables are fresh, else rebuilt
    (incrementally) and saved when the folder is writable."""
    from diplomap import config

    base = Path(data_dir) if data_dir is not None else config.data_dir()
    articles = base / "articles" if (base / "articles").is_dir() else base
    out = base / "corpus"
    signature = input_signature([articles])
    manifest = read_manifest(out)
    previous = None
    if manifest and manifest.get("extractor_version") == extractor_fingerprint():
        try:
            previous = load_corpus(out)
        except (OSError, ValueError):
            previous = None
        if previous is not None and manifest.get("signature") == signature:
            return previous
    corpus = build_corpus([articles], previous=previous)
    try:
        save_corpus(corpus, out, signature=signature)
    except OSError:
        pass  # a read-only deployment still works, it just rebuilds on start
    return corpus
