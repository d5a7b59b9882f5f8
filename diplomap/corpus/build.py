"""Building a corpus, in steps: list the inputs, reuse what a previous corpus holds, extract
the other articles, write the tables, commit them.

Two builds share these steps:
- `build_from_articles` (uploads, the `extract` command, `build_corpus`): the articles are
  read already; the tables are built in memory and returned as a `Corpus`.
- `build_to_dir` (the `build` command): the input files are listed in the parent, and
  worker processes read and extract them in batches. The parent never holds the texts of
  the articles nor row dicts, only compact column batches, which it writes to Parquet as
  they arrive, as new parts (diplomap.corpus.parts: by year; the previous version's
  unchanged parts are linked, not written again). A map file -> (size, mtime, article
  ids) saved with the corpus lets the next build skip the files that did not change
  without reading them.
Both extract through `extraction.run_batches` (in-process, a pool of forked workers, or,
for `build_to_dir`, a `BatchRunner` such as a Dask cluster: diplomap/corpus/distributed.py)
and `extraction.extract_new` (one article after another, each within a time budget).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa  # already imported by pandas: free
import pyarrow.parquet as pq

from diplomap import config, ingest
from diplomap import schema as S
from diplomap.corpus import parts as P

# Extraction (columns, batches, workers) is in extraction.py, without pandas; its names
# are also read from here.
from diplomap.corpus.extraction import ARTICLE_TIME_BUDGET as ARTICLE_TIME_BUDGET
from diplomap.corpus.extraction import (
    BATCH_SIZE,
    BatchRunner,
    FileRecord,
    Job,
    _file_sig,
    _workers,
    extract_columns,
    read_and_extract,
    run_batches,
)
from diplomap.corpus.extraction import PARALLEL_THRESHOLD as PARALLEL_THRESHOLD
from diplomap.corpus.extraction import Batch as Batch
from diplomap.corpus.extraction import extract_articles as extract_articles
from diplomap.corpus.extraction import extract_one as extract_one
from diplomap.corpus.lock import corpus_lock
from diplomap.corpus.parquet import filtered, id_filter, read_ids, read_rows
from diplomap.corpus.reprints import cluster_parts, with_clusters
from diplomap.corpus.saved import (
    MANIFEST,
    commit_version,
    corpus_damage,
    current_version,
    input_signature,
    is_current,
    is_fresh,
    load_or_none,
    manifest,
    new_version,
    problem_dicts,
    read_manifest,
    removed_on_failure,
    save_corpus,
    version_token,
)
from diplomap.corpus.tables import (
    PART_TABLES,
    SIGNATURES,
    TABLES,
    Corpus,
    concat,
    ids_fingerprint,
    part_schema,
    select,
)

STREAM_MIN_FILES = 8  # fewer input files (e.g. one big CSV): read in-process, then extract
FILES_MAP = "files.json"
SAVE_WAIT = 10.0  # seconds `load_or_build` waits for another build to finish before not saving


# --- the build in memory ---------------------------------------------------------------------


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
    articles = ingest.dedupe(list(articles))  # list
    known = _reusable(previous, articles)  # reuse
    acc, failed = extract_columns(  # extract
        articles, known=known, workers=workers, progress=progress, geocoder=geocoder
    )
    fresh = acc.corpus([*problems, *failed])  # write (the caller may commit it: `save_corpus`)
    if not known:
        return with_clusters(fresh, acc.signatures())  # reprint clusters, over all articles
    reused = _with_reused(select(previous, known), fresh, articles)
    return with_clusters(reused, acc.signatures())


def _reusable(previous: Corpus | None, articles: list) -> set[str]:
    """The ids of the articles whose rows `previous` holds."""
    if previous is None or not len(previous.articles):
        return set()
    return set(previous.articles[S.ARTICLE_ID]) & {a.article_id for a in articles}


def _with_reused(reused: Corpus, fresh: Corpus, articles: list) -> Corpus:
    """The rows of both, in input order (as a full build gives them): the articles, and
    the rows of the other tables by article (an article's rows in their order)."""
    merged = concat([reused, fresh], fresh.problems)
    order = {a.article_id: i for i, a in enumerate(articles)}
    for name, df in merged.tables().items():
        ordered = (
            df.assign(_o=df[S.ARTICLE_ID].map(order))
            .sort_values("_o", kind="stable")
            .drop(columns="_o")
            .reset_index(drop=True)
        )
        setattr(merged, name, ordered)
    return merged


def build_corpus(
    paths: Iterable[str | Path],
    *,
    previous: Corpus | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    geocoder=None,
    limits=None,
    exclude: Path | None = None,
) -> Corpus:
    """Read files/folders/archives and extract them into a Corpus (the one entry point).

    Bad inputs are not fatal: they are listed in `Corpus.problems` and the rest is kept.
    With `previous`, articles already in it are not re-extracted. The files under
    `exclude` (the corpus folder, when it is inside an input folder) are not read.
    """
    limits = limits or ingest.DEFAULT_LIMITS
    sources, listed = _outside([Path(p) for p in paths], exclude, limits)
    result = ingest.read_paths(sources, limits)
    return build_from_articles(
        result.articles,
        listed + result.problems,
        previous=previous,
        workers=workers,
        progress=progress,
        geocoder=geocoder,
    )


def _outside(paths: list[Path], out: Path | None, limits) -> tuple[list[Path], list]:
    """The paths to read, and the problems met listing them: `paths` themselves, or, when
    the corpus folder `out` lies inside one of them, the files they hold but its own
    (a corpus is never read back as input)."""
    if out is None or not _holds(paths, out):
        return paths, []
    inside = _under(out)
    items = ingest.list_inputs(paths, limits)
    files = [Path(i[0]) for i in items if isinstance(i, tuple) and not inside(i[0])]
    return files, [i for i in items if not isinstance(i, tuple)]


def _holds(paths: Iterable[str | Path], out: Path) -> bool:
    """Whether the folder `out` is one of `paths` or inside one of them."""
    target = os.path.realpath(out)
    for p in paths:
        root = os.path.realpath(p)
        if target == root or target.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _under(folder: Path) -> Callable[[str], bool]:
    prefix = os.path.realpath(folder).rstrip(os.sep) + os.sep
    return lambda path: os.path.realpath(path).startswith(prefix)


def load_or_build(data_dir: str | Path | None = None) -> Corpus:
    """The corpus of a data folder: loaded when its saved tables are fresh, else rebuilt
    (incrementally) and saved when the folder is writable."""
    base = Path(data_dir) if data_dir is not None else config.data_dir()
    articles = base / "articles" if (base / "articles").is_dir() else base
    out = base / "corpus"
    signature = input_signature([articles], exclude=out)
    saved = read_manifest(out)
    previous = load_or_none(out) if is_fresh(saved) else None
    clustered = previous is not None and S.CLUSTER in previous.articles.columns
    if clustered and saved.get("signature") == signature:  # else: saved before clusters
        return previous
    corpus = build_corpus([articles], previous=previous, exclude=out)
    try:
        save_corpus(corpus, out, signature=signature, wait=SAVE_WAIT)
    except OSError:
        pass  # read-only, full, or a long build writing it: this start rebuilds in memory
    return corpus


# --- the build of files into a folder, streaming ---------------------------------------------


@dataclass
class BuildSummary:
    """What `build_to_dir` wrote."""

    path: Path | None
    counts: dict[str, int]
    problems: list
    reused: int = 0
    files_skipped: int = 0  # unchanged files not read at all


@dataclass
class _Previous:
    """The current saved corpus a build reuses."""

    path: Path
    ids: set[str]
    files: dict  # path -> [size, mtime_ns, article ids, problem dicts] (FILES_MAP)
    meta: dict  # its manifest
    groups: dict[str, list[str]]  # its parts' groups -> their article ids ("": no parts)

    def file(self, table: str, group: str) -> Path:
        name = P.part_file(table, group) if group else f"{table}.parquet"
        return self.path / name


def _open_previous(out: Path, full: bool, limits, notify) -> _Previous | None:
    """The current saved corpus in `out`, unless `full` or made by another extractor, or
    damaged (then `notify` is told, and the build reads everything from the inputs)."""
    problem = corpus_damage(out, deep=not full)
    if problem is not None:
        if notify is not None:
            notify(
                f"warning: the saved corpus in {out} is damaged ({problem}); "
                "rebuilding it from the inputs"
            )
        return None
    path = None if full or not is_current(out) else current_version(out)
    if path is None:
        return None
    try:
        meta = json.loads((path / MANIFEST).read_text("utf-8"))
        groups = _previous_groups(path, meta)
    except (OSError, ValueError, pa.ArrowException):
        return None
    ids = {aid for members in groups.values() for aid in members}
    return _Previous(path, ids, _previous_files(path, limits), meta, groups)


def _previous_groups(vpath: Path, meta: dict) -> dict[str, list[str]]:
    """The article ids of each group of a version's parts (one group "" when it was
    saved before parts)."""
    if not P.is_parts(meta):
        return {"": read_ids(vpath / "articles.parquet")}
    index = P.read_index(vpath)
    groups: dict[str, list[str]] = {group: [] for group in meta["parts"]}
    for aid, group in zip(*(index[c].to_pylist() for c in (S.ARTICLE_ID, P.PART)), strict=True):
        groups.setdefault(group, []).append(aid)
    return groups


def _previous_files(vpath: Path, limits) -> dict:
    try:
        data = json.loads((vpath / FILES_MAP).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("limits") != repr(limits) or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


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
    wait: bool | float = True,
    notify: Callable[[str], None] | None = None,
    compact: bool = False,
    runner: BatchRunner | None = None,
) -> BuildSummary:
    """Build the corpus of `paths` and save it in `out_dir` (what `python -m diplomap build`
    does), with the same tables as `save_corpus(build_corpus(paths, previous=...))`.

    Unless `full`, a current saved corpus in `out_dir` is reused: its articles are not
    re-extracted, and its input files that did not change (same path, size and
    modification time) are not even read again. Worker processes read and extract;
    the tables are streamed to Parquet, so memory does not grow with the corpus.
    The new rows are written as new parts (diplomap.corpus.parts); the previous
    version's parts that keep all their rows are linked, not written again, unless
    `compact`: then each year's parts are rewritten into one.

    One build at a time writes a folder: another one holding its lock is waited for
    (`wait`: True, False or seconds, then `lock.CorpusBusy`). `notify(message)` is told
    of that wait, and of a damaged saved corpus (not reused: rebuilt from the inputs).
    `runner` extracts the files' batches elsewhere (a Dask cluster); a build of fewer
    than STREAM_MIN_FILES files is done on this machine.
    A failed write (`saved.CorpusWriteError`) leaves the current corpus as it was."""
    out = Path(out_dir)
    limits = limits or ingest.DEFAULT_LIMITS
    request = _Request(
        paths,
        out,
        full,
        _workers(workers),
        progress,
        geocoder,
        limits,
        signature,
        compact,
        runner,
    )
    with corpus_lock(out, wait=wait, notify=notify):
        return _build_locked(request, notify)


class _Request(NamedTuple):
    paths: Iterable[str | Path]
    out: Path
    full: bool
    workers: int
    progress: Callable[[int, int], None] | None
    geocoder: object
    limits: ingest.Limits
    signature: str | None
    compact: bool = False
    runner: BatchRunner | None = None

    def in_memory(self, previous) -> BuildSummary:
        build = dict(workers=self.workers, progress=self.progress, geocoder=self.geocoder)
        return _build_in_memory(self.paths, self.out, previous, self.signature, self.limits, build)


def _build_locked(request: _Request, notify) -> BuildSummary:
    """`build_to_dir`, holding the folder's lock."""
    out, limits = request.out, request.limits
    # list (never the corpus folder's own files)
    sources, listed = _outside([Path(p) for p in request.paths], out, limits)
    items = listed + ingest.list_inputs(sources, limits)
    units = [(i, item[0], item[1]) for i, item in enumerate(items) if isinstance(item, tuple)]
    # reuse
    previous = _open_previous(out, request.full, limits, notify)
    if len(units) < STREAM_MIN_FILES:
        return request.in_memory(previous)
    records, to_read = _unchanged_files(units, previous)
    vpath = new_version(out)
    with removed_on_failure(out, vpath):
        # extract
        job = Job(frozenset(previous.ids if previous else ()), limits, geocoder=request.geocoder)
        fresh = _extract_files(
            vpath,
            previous,
            job,
            to_read,
            records,
            request.workers,
            request.progress,
            request.runner,
        )
        listing = _Listing.of(items, records)
        if listing.n_articles > limits.max_articles:  # the limit is global: read it all in order
            shutil.rmtree(vpath, ignore_errors=True)
            return request.in_memory(previous)
        # write (the new parts; the previous ones linked), reprint clusters, the index
        written = _write_final(vpath, previous, fresh, listing.order, request.compact)
        clusters = cluster_parts(vpath, list(written.groups), written.ids)
        P.write_index(vpath, written.ids, written.group_list(), clusters)
        # commit
        files_map = _files_map(items, records, set(written.ids))
        problems = listing.problems + fresh.problems
        skipped = len(units) - len(to_read)
        return _commit(out, vpath, written, files_map, problems, request.signature, limits, skipped)


def _build_in_memory(paths, out: Path, previous, signature, limits, build) -> BuildSummary:
    """The in-memory build of `build_to_dir` (few input files, or more articles than the
    limit): `build_corpus`, then `save_corpus`."""
    saved = None if previous is None else load_or_none(out)
    corpus = build_corpus(paths, previous=saved, limits=limits, exclude=out, **build)
    counts = {name: len(df) for name, df in corpus.tables().items()}
    if not len(corpus.articles):
        return BuildSummary(None, counts, corpus.problems)
    reused = 0
    if saved is not None:
        reused = len(set(saved.articles[S.ARTICLE_ID]) & set(corpus.articles[S.ARTICLE_ID]))
    path = save_corpus(corpus, out, signature=signature)
    return BuildSummary(path, counts, corpus.problems, reused)


def _unchanged_files(units: list, previous: _Previous | None) -> tuple[dict, list]:
    """The records of the input files that did not change since `previous` (same size and
    modification time, all their articles in it), by input index; the other units."""
    records: dict[int, FileRecord] = {}
    to_read = []
    old = previous.files if previous is not None else {}
    for unit in units:
        index, path, _explicit = unit
        entry = old.get(path)
        if entry is not None and _unchanged(path, entry, previous.ids):
            problems = [ingest.Problem(**p) for p in entry[3]]
            records[index] = FileRecord(path, tuple(entry[:2]), entry[2], problems)
        else:
            to_read.append(unit)
    return records, to_read


def _unchanged(path: str, entry: list, saved_ids: set[str]) -> bool:
    sig = _file_sig(path)
    return sig is not None and list(sig) == entry[:2] and all(a in saved_ids for a in entry[2])


@dataclass
class _Fresh:
    """The newly extracted rows, written as the new parts of a version folder (the writer
    is closed once the previous version's rows to rewrite are written too)."""

    writer: P.PartWriter
    order: list[str] = field(default_factory=list)  # their article ids, in input order
    problems: list = field(default_factory=list)  # extraction problems


def _extract_files(vpath, previous, job, to_read, records, workers, progress, runner) -> _Fresh:
    """Read and extract the files `to_read` (filling in their `records`) into the new
    parts of `vpath`, by `runner` when given (not with a geocoder: its cache and rate
    limit are this process's)."""
    fresh = _Fresh(P.PartWriter(vpath, version_token(vpath)))
    seen: set[str] = set()  # ids of the articles that earlier batches read
    batches = _unit_batches(to_read, workers)
    parallel = workers > 1 and job.geocoder is None and len(batches) >= 2
    runner = runner if job.geocoder is None else None
    if parallel and runner is None:
        ingest.warm_readers(path for _index, path, _explicit in to_read)
    try:
        for batch in run_batches(
            read_and_extract,
            job,
            batches,
            parallel=parallel,
            workers=workers,
            progress=progress,
            runner=runner,
        ):
            _drop_repeats(batch.columns, seen)
            fresh.problems.extend(p for aid, p in batch.problems if aid not in seen)
            seen.update(aid for _index, record in batch.files for aid in record.ids)
            fresh.order.extend(batch.columns["articles"][S.ARTICLE_ID])
            fresh.writer.write_columns(batch.columns)
            records.update(batch.files)
    except BaseException:
        fresh.writer.close()
        raise
    return fresh


def _unit_batches(units: list, workers: int) -> list[list]:
    size = max(1, min(BATCH_SIZE, -(-len(units) // (4 * max(workers, 1)))))
    return [units[i : i + size] for i in range(0, len(units), size)]


def _drop_repeats(cols: dict[str, dict[str, list]], seen: set[str]) -> None:
    """Remove from a batch's columns the rows of articles an earlier batch read."""
    drop = {aid for aid in cols["articles"][S.ARTICLE_ID] if aid in seen}
    if not drop:
        return
    for table, table_cols in cols.items():
        keep = [aid not in drop for aid in table_cols[S.ARTICLE_ID]]
        cols[table] = {
            c: [v for v, k in zip(vals, keep, strict=True) if k] for c, vals in table_cols.items()
        }


@dataclass
class _Listing:
    """The articles of all inputs in input order, first of each id (as `dedupe` keeps them),
    how many were read in all, and the reading problems."""

    order: list[str]
    n_articles: int
    problems: list

    @classmethod
    def of(cls, items: list, records: dict[int, FileRecord]) -> _Listing:
        listing = cls([], 0, [])
        kept: set[str] = set()
        for i, item in enumerate(items):
            if not isinstance(item, tuple):  # a Problem of the listing
                listing.problems.append(item)
                continue
            record = records[i]
            listing.problems.extend(record.problems)
            listing.n_articles += len(record.ids)
            for aid in record.ids:
                if aid not in kept:
                    kept.add(aid)
                    listing.order.append(aid)
        return listing


@dataclass
class _Written:
    """The final tables of a build: their article ids (in order), row counts, how many
    reused, the groups of their parts (group -> rows per table), each article's group,
    and the checksums of the files linked from the previous version."""

    ids: list[str]
    rows: dict[str, int]
    reused: int
    groups: dict[str, dict[str, int]]
    group_of: dict[str, str]
    linked: dict[str, dict]

    def group_list(self) -> list[str]:
        return [self.group_of[aid] for aid in self.ids]


def _write_final(vpath: Path, previous, fresh: _Fresh, order: list[str], compact: bool):
    """The final parts in `vpath`: the fresh rows, and the rows of the articles of `order`
    that `previous` holds: its groups that keep all their rows are linked (unless
    `compact`), the others rewritten with the fresh rows, into one group per year. The
    articles are in input order (every article read, once, but those that failed)."""
    fresh_set = set(fresh.order)
    old_ids = previous.ids if previous is not None else set()
    final_ids = [aid for aid in order if aid in fresh_set or aid in old_ids]
    keep = set(final_ids)
    linked: dict[str, dict[str, int]] = {}
    sums: dict[str, dict] = {}
    group_of: dict[str, str] = {}
    for group, ids in previous.groups.items() if previous is not None else ():
        kept = [aid for aid in ids if aid in keep]
        if group and not compact and len(kept) == len(ids):
            names = P.link_group(previous.path, vpath, group)
            old_sums = previous.meta.get("files") or {}
            sums.update((n, old_sums[n]) for n in names if n in old_sums)
            linked[group] = previous.meta["parts"][group]
            group_of.update(dict.fromkeys(ids, group))
        elif kept:
            _rewrite_group(fresh.writer, previous, group, kept)
    written = fresh.writer.close()
    group_of.update(fresh.writer.group_of)
    every = {**linked, **written}
    groups = {g: every[g] for g in P.in_year_order(every)}
    rows = {t: sum(g.get(t, 0) for g in groups.values()) for t in TABLES}
    return _Written(final_ids, rows, len(keep - fresh_set), groups, group_of, sums)


def _rewrite_group(writer: P.PartWriter, previous: _Previous, group: str, kept: list[str]):
    """Write the rows of the articles `kept` of a group of the previous version (a
    group that loses rows, all groups when compacting, or its single tables when it was
    saved before parts) into the new parts, each into the partition of its article."""
    filt = id_filter(kept, set(previous.groups[group]))
    by_id: dict[str, str] = {}
    for part in read_rows(previous.file("articles", group), "articles", filt):
        ids = part[S.ARTICLE_ID].to_pylist()
        by_id.update(zip(ids, P.partitions(part[S.PUBLISHED]), strict=True))
    for table in PART_TABLES:
        if not group and table == SIGNATURES:
            pieces = _legacy_signatures(previous.path, filt)
        else:
            pieces = read_rows(previous.file(table, group), table, filt)
        for part in pieces:
            writer.write_table(table, part, by_id)


def _legacy_signatures(vpath: Path, filt) -> list[pa.Table]:
    """The signatures a version saved before parts holds (of the articles `filt` keeps,
    as for `read_rows`), in the parts' schema; none when they cannot be read."""
    try:
        table = pq.read_table(vpath / "signatures.parquet")
        table = table.rename_columns(part_schema(SIGNATURES).names).cast(part_schema(SIGNATURES))
    except (OSError, ValueError, pa.ArrowException):
        return []
    return [filtered(table, filt)]


def _files_map(items: list, records: dict[int, FileRecord], final: set[str]) -> dict:
    """What the next build needs to skip the files that do not change: path -> [size,
    mtime_ns, article ids, problem dicts], for the files all of whose articles are kept."""
    files = {}
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            path, sig, ids, problems = records[i]
            if sig is not None and all(aid in final for aid in ids):
                files[path] = [sig[0], sig[1], ids, problem_dicts(problems)]
    return files


def _commit(out, vpath, written: _Written, files_map, problems, signature, limits, skipped):
    """Write the files map and the manifest, and make `vpath` the current version (unless
    it holds no article: then it is removed and nothing changes). The linked files'
    checksums are those of the previous version (checked when it was opened)."""
    (vpath / FILES_MAP).write_text(
        json.dumps({"limits": repr(limits), "files": files_map}, ensure_ascii=False), "utf-8"
    )
    counts = {"articles": len(written.ids), **{t: written.rows[t] for t in TABLES[1:]}}
    if not written.ids:
        shutil.rmtree(vpath, ignore_errors=True)
        return BuildSummary(None, counts, problems, 0, skipped)
    fingerprint = ids_fingerprint(written.ids)
    meta = manifest(signature, fingerprint, counts, problems, written.groups)
    commit_version(out, vpath, meta, written.linked)
    return BuildSummary(vpath, counts, problems, written.reused, skipped)
