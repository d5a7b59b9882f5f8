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
from diplomap.extract.article import Extraction, extract_article, warm_extractors, warm_up

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
    code = [*sorted((package / "extract").glob("*.py")), package / "normalize.py"]
    data = sorted(
        f
        for f in config.PACKAGE_DATA_DIR.glob("*")
        if f.is_file() and f.suffix in {".csv", ".txt", ".json", ".toml"}
    )
    for f in code + data:
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
        ids = self.articles[S.ARTICLE_ID].astype(str) if len(self.articles) else []
        return _ids_fingerprint(ids)

    def __len__(self) -> int:
        return len(self.articles)


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
        if fired:
            # the budget ran out, but the exception may still be pending (a long C call was
            # running): cancel its delivery, so it never lands in unrelated code, and
            # report the timeout here
            import ctypes

            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._ident), None)
            if exc_type is None:
                raise ArticleTimeout()
        return False


def _extract_one(article, budget: float | None, geocoder=None):
    """(Extraction, None), or (None, Problem) when the article took too long or is too
    deeply nested."""
    from diplomap.ingest import Problem

    try:
        with _TimeBudget(budget):
            return extract_article(article, geocoder=geocoder), None
    except ArticleTimeout:
        reason = f"extraction took longer than {budget:g} s; article skipped"
        return None, Problem(article.file, reason)
    except RecursionError:
        return None, Problem(article.file, "text too deeply nested; article skipped")


def _extract_batch(articles: list, budget: float | None = ARTICLE_TIME_BUDGET, geocoder=None):
    warm_up()
    return [_extract_one(article, budget, geocoder) for article in articles]


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


class _Columns:
    """Rows of the four tables, accumulated column by column (compact, and quick to turn
    into DataFrames or Arrow tables)."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list]] = {t: {c: [] for c in COLUMNS[t]} for t in TABLES}

    def add(self, e: Extraction) -> None:
        for table, rows in (
            ("articles", (e.article,)),
            ("mentions", e.mentions),
            ("issue_mentions", e.issue_mentions),
            ("statements", e.statements),
        ):
            if rows:
                for col, values in self.cols[table].items():
                    values.extend([r[col] for r in rows])

    def frame(self, table: str) -> pd.DataFrame:
        return _coerce(pd.DataFrame(self.cols[table], columns=COLUMNS[table]), table)


def _frame_of_columns(cols: dict[str, list], table: str) -> pd.DataFrame:
    return _coerce(pd.DataFrame(cols, columns=COLUMNS[table]), table)


def _assemble(extractions: list[Extraction], problems: Iterable = ()) -> Corpus:
    acc = _Columns()
    for e in extractions:
        acc.add(e)
    return Corpus(*(acc.frame(t) for t in TABLES), list(problems))


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


# --- building from files, in parallel, streaming to disk -----------------------------------
#
# `build_to_dir` (the `build` command) lists the input files in the parent, and worker
# processes read and extract them in batches: the parent never holds the texts of the
# articles nor row dicts, only compact column batches, which it writes to Parquet as they
# arrive. A map file -> (size, mtime, article ids) saved with the corpus lets the next
# build skip the files that did not change without reading them.

FILES_MAP = "files.json"
STREAM_MIN_FILES = 8  # fewer input files (e.g. one big CSV): read in-process, then extract
_WORKER_STATE: dict = {}  # set by the parent before the pool forks (or for in-process use)


def _arrow_schema(table: str):
    import pyarrow as pa

    types = {
        S.PUBLISHED: pa.timestamp("ns"),
        S.LAT: pa.float64(),
        S.LON: pa.float64(),
        S.LAVROV: pa.bool_(),
        S.BOILERPLATE: pa.list_(pa.list_(pa.int64())),
    }
    ints = {S.START, S.END, S.SENTENCE, S.N_CHARS, S.N_SENTENCES, S.N_LAVROV, S.REPLACED_CHARS}
    return pa.schema(
        [(c, pa.int64() if c in ints else types.get(c, pa.large_string())) for c in COLUMNS[table]]
    )


def _arrow_table(cols: dict[str, list], table: str):
    """An Arrow table of one batch's columns, as `_coerce` would type them (directly from
    the Python lists; through pandas when a value is not of the expected kind)."""
    import datetime as dt

    import pyarrow as pa

    schema = _arrow_schema(table)
    try:
        arrays = []
        for col in schema:
            values = cols[col.name]
            if col.name == S.PUBLISHED:
                if any(v is not None and type(v) is not dt.date for v in values):
                    raise TypeError("not only dates")
                arrays.append(pa.array(values, pa.date32()).cast(col.type))
            else:
                arrays.append(pa.array(values, col.type, from_pandas=True))
        return pa.Table.from_arrays(arrays, schema=schema)
    except (TypeError, ValueError, pa.ArrowException):
        df = _frame_of_columns(cols, table)
        return pa.Table.from_pandas(df, schema=schema, preserve_index=False)


def _read_and_extract(units: list[tuple[int, str, bool]]) -> dict:
    """Worker: read the listed files and extract their articles (not those whose id is
    known already, nor repeats within the batch). Returns, per file, its (size, mtime_ns),
    article ids and reading problems; the new rows as columns; extraction problems."""
    from diplomap.ingest import read_file

    warm_up()
    state = _WORKER_STATE
    known = state.get("known") or frozenset()
    limits = state["limits"]
    budget = state.get("budget", ARTICLE_TIME_BUDGET)
    geocoder = state.get("geocoder")
    acc = _Columns()
    seen: set[str] = set()
    files = []
    problems = []
    for index, path, explicit in units:
        try:
            st = os.stat(path)
            sig = (st.st_size, st.st_mtime_ns)
        except OSError:
            sig = None
        result = read_file(path, explicit, limits)
        ids = []
        for article in result.articles:
            aid = article.article_id
            ids.append(aid)
            if aid in known or aid in seen:
                continue
            seen.add(aid)
            extraction, problem = _extract_one(article, budget, geocoder)
            if problem is not None:
                problems.append((aid, problem))
            else:
                acc.add(extraction)
        files.append((index, path, sig, ids, result.problems))
    return {"files": files, "columns": acc.cols, "problems": problems}


def _unit_batches(units: list, workers: int) -> list[list]:
    size = max(1, min(BATCH_SIZE, -(-len(units) // (4 * max(workers, 1)))))
    return [units[i : i + size] for i in range(0, len(units), size)]


def _run_units(units: list, workers: int, progress, geocoder=None) -> Iterable[dict]:
    """Batch results of `_read_and_extract`, in input order."""
    n = len(units)
    batches = _unit_batches(units, workers)
    done = 0
    if workers <= 1 or geocoder is not None or len(batches) < 2:
        for batch in batches:
            yield _read_and_extract(batch)
            done += len(batch)
            if progress:
                progress(done, n)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    warm_up()  # once in the parent: the forked workers share it
    warm_extractors()
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        for result in pool.map(_read_and_extract, batches):
            yield result
            done += len(result["files"])
            if progress:
                progress(done, n)


# Columns whose values hardly repeat: a dictionary encoding would be tried in vain.
_UNIQUE_COLUMNS = {S.TEXT, S.TITLE, S.FILE, S.URL, S.DATE_TEXT, S.BOILERPLATE}


class _StreamWriter:
    """Parquet files written batch by batch (one row group per write)."""

    def __init__(self, folder: Path, prefix: str = "") -> None:
        self.folder = folder
        self.prefix = prefix
        self.writers: dict = {}
        self.rows = dict.fromkeys(TABLES, 0)

    def path(self, table: str) -> Path:
        return self.folder / f"{self.prefix}{table}.parquet"

    def write(self, table: str, arrow_table) -> None:
        import pyarrow.parquet as pq

        if table not in self.writers:
            schema = _arrow_schema(table)
            self.writers[table] = pq.ParquetWriter(
                self.path(table),
                schema,
                use_dictionary=[c for c in schema.names if c not in _UNIQUE_COLUMNS],
            )
        if arrow_table.num_rows:
            self.writers[table].write_table(arrow_table)
            self.rows[table] += arrow_table.num_rows

    def write_columns(self, cols: dict[str, dict[str, list]]) -> None:
        for table in TABLES:
            if cols[table][S.ARTICLE_ID]:
                self.write(table, _arrow_table(cols[table], table))

    def close(self) -> None:

        for table in TABLES:  # every table exists, even empty
            if table not in self.writers:
                self.write(table, _arrow_schema(table).empty_table())
        for writer in self.writers.values():
            writer.close()


@dataclass
class BuildSummary:
    """What `build_to_dir` wrote."""

    path: Path | None
    counts: dict[str, int]
    problems: list
    reused: int = 0
    files_skipped: int = 0  # unchanged files not read at all


def _previous_files(vpath: Path | None, limits) -> dict:
    if vpath is None:
        return {}
    try:
        data = json.loads((vpath / FILES_MAP).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("limits") != repr(limits) or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _stream_previous(
    writer: _StreamWriter, vpath: Path, table: str, keep_ids, keep_all: bool, file=None
) -> list[str]:
    """Append the rows of `keep_ids` (all rows when `keep_all`) from a saved table (or
    from `file`), row group by row group; the article ids written, in order.

    `keep_ids` is ("keep", ids) or ("drop", ids): the smaller set is looked up."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    written: list[str] = []
    source = pq.ParquetFile(file or vpath / f"{table}.parquet")
    schema = _arrow_schema(table)
    for i in range(source.num_row_groups):
        part = source.read_row_group(i)
        if not keep_all:
            mode, value_set = keep_ids
            mask = pc.is_in(part[S.ARTICLE_ID], value_set=value_set)
            part = part.filter(mask if mode == "keep" else pc.invert(mask))
        if not part.num_rows:
            continue
        if part.schema.remove_metadata() != schema:
            part = part.select(schema.names).cast(schema)
        writer.write(table, part)
        if table == "articles":
            written.extend(part[S.ARTICLE_ID].to_pylist())
        del part
    return written


def build_to_dir(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    full: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    geocoder=None,
    limits=None,
    signature: str | None = None,
) -> BuildSummary:
    """Build the corpus of `paths` and save it in `out_dir` (what `python -m diplomap build`
    does), with the same tables as `save_corpus(build_corpus(paths, previous=...))`.

    Unless `full`, a current saved corpus in `out_dir` is reused: its articles are not
    re-extracted, and its input files that did not change (same path, size and
    modification time) are not even read again. Worker processes read and extract;
    the tables are streamed to Parquet, so memory does not grow with the corpus."""
    import pyarrow as pa

    from diplomap.ingest import DEFAULT_LIMITS, Problem, list_inputs

    limits = limits or DEFAULT_LIMITS
    workers = workers if workers is not None else (os.cpu_count() or 1)
    out = Path(out_dir)
    prev_path = None if full or not is_current(out) else current_version(out)
    prev_ids: set[str] = set()
    if prev_path is not None:
        try:
            import pyarrow.parquet as pq

            prev_ids = set(
                pq.read_table(prev_path / "articles.parquet", columns=[S.ARTICLE_ID])
                .column(0)
                .to_pylist()
            )
        except (OSError, ValueError, pa.ArrowException):
            prev_path = None
    items = list_inputs([Path(p) for p in paths], limits)
    units = [(i, item[0], item[1]) for i, item in enumerate(items) if isinstance(item, tuple)]
    if len(units) < STREAM_MIN_FILES:
        return _build_in_memory(
            paths, out, prev_path, workers, progress, geocoder, limits, signature
        )
    old_files = _previous_files(prev_path, limits)
    per_item: dict[int, tuple] = {}  # index -> (path, sig, ids, read problems)
    to_read = []
    for unit in units:
        index, path, _explicit = unit
        entry = old_files.get(path)
        if entry is not None:
            try:
                st = os.stat(path)
            except OSError:
                st = None
            ids = entry[2]
            if (
                st is not None
                and [st.st_size, st.st_mtime_ns] == entry[:2]
                and all(aid in prev_ids for aid in ids)
            ):
                problems = [Problem(**p) for p in entry[3]]
                per_item[index] = (path, tuple(entry[:2]), ids, problems)
                continue
        to_read.append(unit)
    skipped_files = len(units) - len(to_read)

    out.mkdir(parents=True, exist_ok=True)
    vpath = Path(tempfile.mkdtemp(prefix="v-", dir=out))
    try:
        fresh = _StreamWriter(vpath, "" if prev_path is None else ".fresh-")
        _WORKER_STATE.clear()
        _WORKER_STATE.update(known=frozenset(prev_ids), limits=limits, geocoder=geocoder)
        seen: set[str] = set()  # ids of articles read so far (any batch), in input order
        fresh_order: list[str] = []
        extract_problems: list = []
        try:
            for result in _run_units(to_read, workers, progress, geocoder):
                batch_ids = [aid for f in result["files"] for aid in f[3]]
                cols = result["columns"]
                drop = {aid for aid in cols["articles"][S.ARTICLE_ID] if aid in seen}
                if drop:
                    for table, table_cols in cols.items():
                        keep = [aid not in drop for aid in table_cols[S.ARTICLE_ID]]
                        cols[table] = {
                            c: [v for v, k in zip(vals, keep, strict=True) if k]
                            for c, vals in table_cols.items()
                        }
                extract_problems.extend(p for aid, p in result["problems"] if aid not in seen)
                seen.update(batch_ids)
                fresh_order.extend(cols["articles"][S.ARTICLE_ID])
                fresh.write_columns(cols)
                for index, path, sig, ids, problems in result["files"]:
                    per_item[index] = (path, sig, ids, problems)
        finally:
            _WORKER_STATE.clear()
            fresh.close()
        # the articles in input order, first of each id (as `dedupe` keeps them)
        read_problems: list = []
        order: list[str] = []
        kept: set[str] = set()
        n_articles = 0
        for i, item in enumerate(items):
            if not isinstance(item, tuple):
                read_problems.append(item)
                continue
            _path, _sig, ids, problems = per_item[i]
            read_problems.extend(problems)
            n_articles += len(ids)
            for aid in ids:
                if aid not in kept:
                    kept.add(aid)
                    order.append(aid)
        if n_articles > limits.max_articles:  # the limit is global: read it all in order
            shutil.rmtree(vpath, ignore_errors=True)
            return _build_in_memory(
                paths, out, prev_path, workers, progress, geocoder, limits, signature
            )
        fresh_set = set(fresh_order)
        known = [aid for aid in order if aid in prev_ids and aid not in fresh_set]
        # what the corpus keeps: every article read, once, but those that failed
        final_ids = [aid for aid in order if aid in fresh_set or aid in prev_ids]
        if prev_path is None:
            final = fresh
        else:
            final = _StreamWriter(vpath)
            keep_all = len(known) == len(prev_ids)
            if 2 * len(known) <= len(prev_ids):
                known_ids = ("keep", pa.array(known, type=pa.large_string()))
            else:
                dropped = sorted(prev_ids.difference(known))
                known_ids = ("drop", pa.array(dropped, type=pa.large_string()))
            reused_order = _stream_previous(final, prev_path, "articles", known_ids, keep_all)
            if reused_order + fresh_order == final_ids:
                _stream_previous(final, vpath, "articles", None, True, fresh.path("articles"))
            else:  # new files between old ones: put the articles in input order
                import pyarrow.parquet as pq

                final.writers.pop("articles").close()
                final.rows["articles"] = 0
                both = pa.concat_tables(
                    [
                        pq.read_table(final.path("articles"), schema=_arrow_schema("articles")),
                        _read_fresh(fresh, "articles"),
                    ]
                )
                rank = {aid: k for k, aid in enumerate(final_ids)}
                ids = both[S.ARTICLE_ID].to_pylist()
                positions = sorted(range(len(ids)), key=lambda r: rank[ids[r]])
                final.write("articles", both.take(positions))
                del both
            for table in TABLES[1:]:
                _stream_previous(final, prev_path, table, known_ids, keep_all)
                _stream_previous(final, vpath, table, None, True, fresh.path(table))
            final.close()
            for table in TABLES:
                fresh.path(table).unlink(missing_ok=True)
        final_set = set(final_ids)
        files_map = {}
        for i, item in enumerate(items):
            if isinstance(item, tuple):
                path, sig, ids, problems = per_item[i]
                if sig is not None and all(aid in final_set for aid in ids):
                    files_map[path] = [sig[0], sig[1], ids, _problem_dicts(problems)]
        (vpath / FILES_MAP).write_text(
            json.dumps({"limits": repr(limits), "files": files_map}, ensure_ascii=False), "utf-8"
        )
        problems = read_problems + extract_problems
        counts = {"articles": len(final_ids), **{t: final.rows[t] for t in TABLES[1:]}}
        manifest = {
            "extractor_version": extractor_fingerprint(),
            "signature": signature,
            "fingerprint": _ids_fingerprint(final_ids),
            "counts": counts,
            "problems": _problem_dicts(problems),
        }
        if not final_ids:
            shutil.rmtree(vpath, ignore_errors=True)
            return BuildSummary(None, counts, problems, 0, skipped_files)
        _commit_version(out, vpath, manifest)
    except BaseException:
        shutil.rmtree(vpath, ignore_errors=True)
        raise
    return BuildSummary(vpath, counts, problems, len(known), skipped_files)


def _read_fresh(fresh: _StreamWriter, table: str):
    import pyarrow.parquet as pq

    return pq.read_table(fresh.path(table), schema=_arrow_schema(table))


def _build_in_memory(paths, out, prev_path, workers, progress, geocoder, limits, signature):
    """The in-memory build (few input files, or more articles than the limit)."""
    previous = None
    if prev_path is not None:
        try:
            previous = load_corpus(out)
        except (OSError, ValueError):
            previous = None
    corpus = build_corpus(
        paths,
        previous=previous,
        workers=workers,
        progress=progress,
        geocoder=geocoder,
        limits=limits,
    )
    counts = {name: len(df) for name, df in corpus.tables().items()}
    reused = 0
    if previous is not None:
        reused = len(set(previous.articles[S.ARTICLE_ID]) & set(corpus.articles[S.ARTICLE_ID]))
    if not len(corpus.articles):
        return BuildSummary(None, counts, corpus.problems, 0, 0)
    path = save_corpus(corpus, out, signature=signature)
    return BuildSummary(path, counts, corpus.problems, reused, 0)


def _ids_fingerprint(ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


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
    _commit_version(out, vpath, manifest)
    return vpath


def _commit_version(out: Path, vpath: Path, manifest: dict) -> None:
    """Write the manifest into a complete version folder and make it the current one."""
    (vpath / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    _fsync_dir(vpath)
    pointer_tmp = out / f".CURRENT.{os.getpid()}.tmp"
    pointer_tmp.write_text(vpath.name, "utf-8")
    os.replace(pointer_tmp, out / "CURRENT")
    _fsync_dir(out)
    _remove_old_versions(out, keep=vpath.name)


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
            # CURRENT may name a version a concurrent save is just replacing
            if not (Path(corpus_dir) / "CURRENT").exists() or time.monotonic() > deadline:
                raise FileNotFoundError(f"no saved corpus in {corpus_dir}")
            time.sleep(min(0.005 * attempt, 0.2))
            continue
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
        files = _files_under(p) if p.is_dir() else [str(p)]
        for f in files:
            try:
                st = os.stat(f)
            except OSError:
                continue
            h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _files_under(folder: Path) -> list[str]:
    """The files under a folder as `sorted(f for f in folder.rglob("*") if f.is_file())`
    lists them (same order, same names), with os.scandir instead of pathlib objects."""
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(path: str, parts: tuple[str, ...]) -> None:
        try:
            entries = list(os.scandir(path))
        except OSError:
            return
        for entry in entries:
            sub = (*parts, entry.name)
            try:
                is_file = entry.is_file()
                real_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_file:
                found.append((sub, entry.path))
            elif real_dir:
                walk(entry.path, sub)

    walk(str(folder), ())
    found.sort(key=lambda item: item[0])
    return [name for _parts, name in found]


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
