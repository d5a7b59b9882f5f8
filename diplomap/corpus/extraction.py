"""Extracting articles into columns: one article within a time budget, a batch of articles
or of files, the batches in this process or in forked workers.

Both builds of `build.py` extract through here, and so does the `extract` command, which
prints the records of the columns (`diplomap.records.column_records`): nothing here
imports pandas or Arrow, so that command starts without them.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from diplomap import ingest
from diplomap.corpus.budget import ArticleTimeout, TimeBudget
from diplomap.corpus.columns import Columns
from diplomap.corpus.lock import forget_inherited
from diplomap.extract.article import extract_article, extract_batch, warm_extractors, warm_up

ARTICLE_TIME_BUDGET = 20.0  # seconds one article may take before it is skipped and reported
PARALLEL_THRESHOLD = 400  # fewer new articles than this are extracted in-process
BATCH_SIZE = 250
GROUP_SIZE = 16  # articles extracted together, one step at a time over the group


def extract_one(
    article, budget: float | None = ARTICLE_TIME_BUDGET, geocoder=None, signature: bool = True
):
    """(Extraction, None), or (None, Problem) when the article took too long or is too
    deeply nested. Without `signature`, no MinHash signature (reprints) is computed."""
    try:
        with TimeBudget(budget):
            return extract_article(article, geocoder=geocoder, signature=signature), None
    except ArticleTimeout:
        reason = f"extraction took longer than {budget:g} s; article skipped"
        return None, ingest.Problem(article.file, reason)
    except RecursionError:
        return None, ingest.Problem(article.file, "text too deeply nested; article skipped")


@dataclass(frozen=True)
class Job:
    """What every batch of a build needs besides its articles or files."""

    known: frozenset[str] = frozenset()  # ids of articles not to extract (reused)
    limits: ingest.Limits = ingest.DEFAULT_LIMITS
    budget: float | None = ARTICLE_TIME_BUDGET
    geocoder: object = None
    signatures: bool = True  # MinHash signatures (reprint clusters): not for `extract`


@dataclass
class Batch:
    """A batch's new rows (as columns), extraction problems ((article id, Problem)) and,
    when it read files, per file a FileRecord (with its input index)."""

    columns: dict[str, dict[str, list]]
    problems: list[tuple[str, ingest.Problem]]
    files: list[tuple[int, FileRecord]] = field(default_factory=list)


class FileRecord(NamedTuple):
    path: str
    sig: tuple[int, int] | None  # (size, mtime_ns) when it was read
    ids: list[str]  # its articles, in order
    problems: list  # reading problems


def extract_group(
    articles: list, budget: float | None = ARTICLE_TIME_BUDGET, geocoder=None, signature=True
) -> list[tuple]:
    """`extract_one` of each article: all of them together (`extract_batch`, faster)
    within one article's time budget, or, when that runs out or an article is too deeply
    nested, one after another, each within its own budget (so a slow article costs at most
    two budgets and the others in its group are still extracted)."""
    if len(articles) > 1:
        try:
            with TimeBudget(budget):
                found = extract_batch(articles, geocoder=geocoder, signature=signature)
            return [(extraction, None) for extraction in found]
        except (ArticleTimeout, RecursionError):
            pass
    return [extract_one(article, budget, geocoder, signature) for article in articles]


def _new_articles(articles: Iterable, job: Job, seen: set[str]) -> list:
    """The articles neither known nor seen (adding them to `seen`)."""
    new = []
    for article in articles:
        aid = article.article_id
        if aid not in job.known and aid not in seen:
            seen.add(aid)
            new.append(article)
    return new


def _extract_into(articles: list, acc: Columns, job: Job) -> list[tuple]:
    """Extract `articles` into `acc`, GROUP_SIZE at a time; the (article id, Problem) of
    those that failed."""
    problems = []
    for i in range(0, len(articles), GROUP_SIZE):
        group = articles[i : i + GROUP_SIZE]
        found = extract_group(group, job.budget, job.geocoder, job.signatures)
        for article, (extraction, problem) in zip(group, found, strict=True):
            if problem is not None:
                problems.append((article.article_id, problem))
            else:
                acc.add(extraction)
    return problems


def extract_new(articles: Iterable, acc: Columns, job: Job, seen: set[str]) -> list[tuple]:
    """Extract the articles neither known nor seen (adding them to `seen`) into `acc`; the
    (article id, Problem) of those that failed."""
    return _extract_into(_new_articles(articles, job, seen), acc, job)


def extract_articles(job: Job, articles: list) -> Batch:
    """Work of a batch of articles read already."""
    warm_up()
    acc = Columns()
    problems = extract_new(articles, acc, job, set())
    return Batch(acc.cols, problems)


def read_and_extract(job: Job, units: list[tuple[int, str, bool]]) -> Batch:
    """Work of a batch of input files (index, path, explicit): read them and extract their
    articles (not the known ones, nor repeats within the batch), in groups across files."""
    warm_up()
    acc = Columns()
    seen: set[str] = set()
    batch = Batch(acc.cols, [])
    pending: list = []
    for index, path, explicit in units:
        sig = _file_sig(path)
        result = ingest.read_file(path, explicit, job.limits)
        pending += _new_articles(result.articles, job, seen)
        ids = [article.article_id for article in result.articles]
        batch.files.append((index, FileRecord(path, sig, ids, result.problems)))
        if len(pending) >= GROUP_SIZE:
            batch.problems += _extract_into(pending, acc, job)
            pending = []
    batch.problems += _extract_into(pending, acc, job)
    return batch


def _file_sig(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


# runner(work, job, batches) -> the Batch of `work(job, batch)` of every batch, in order
# (e.g. `distributed.Cluster.run`: the batches extracted on a Dask cluster)
BatchRunner = Callable[[Callable[[Job, list], Batch], Job, list[list]], Iterator[Batch]]


def run_batches(
    work: Callable[[Job, list], Batch],
    job: Job,
    batches: list[list],
    *,
    parallel: bool,
    workers: int,
    progress: Callable[[int, int], None] | None,
    runner: BatchRunner | None = None,
) -> Iterator[Batch]:
    """`work(job, batch)` of every batch, in order: by `runner` when given, else in this
    process, or (`parallel`) in a pool of forked worker processes. `progress(done, total)`
    counts the batches' items."""
    total = sum(len(b) for b in batches)
    if runner is not None:
        results = runner(work, job, batches)
    elif parallel:
        results = _in_workers(work, job, batches, workers)
    else:
        results = _in_process(work, job, batches)
    done = 0
    for batch, result in zip(batches, results, strict=True):
        yield result
        done += len(batch)
        if progress:
            progress(done, total)


def _in_process(work, job: Job, batches: list[list]) -> Iterator[Batch]:
    for batch in batches:
        yield work(job, batch)


def _in_workers(work, job: Job, batches: list[list], workers: int) -> Iterator[Batch]:
    warm_up()  # once in the parent: the forked workers share it
    warm_extractors()
    import multiprocessing  # lazy: only many articles use workers (~0.01 s a start)
    from concurrent.futures import ProcessPoolExecutor  # lazy: as multiprocessing

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(work, job)
    ) as pool:
        yield from pool.map(_run_in_worker, batches)


# The work and job of a worker process, set once in each worker by the pool's initializer
# (never in the parent). The pool forks, so the job (its set of known article ids may hold
# 100k ids) is inherited rather than pickled with every batch.
_WORKER: tuple | None = None


def _start_worker(work, job: Job) -> None:
    global _WORKER
    _WORKER = (work, job)
    forget_inherited()  # the parent's corpus lock: orphaned workers must not keep it
    die_with_parent()


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def die_with_parent() -> None:
    """In a forked worker (Linux): be terminated when the build's process dies, even
    killed with SIGKILL, instead of running on as an orphan; elsewhere nothing."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes  # lazy: workers only

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the pool's own checks remain
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _run_in_worker(batch: list) -> Batch:
    work, job = _WORKER
    return work(job, batch)


def _workers(workers: int | None) -> int:
    return workers if workers is not None else (os.cpu_count() or 1)


def extract_columns(
    articles: Sequence,
    *,
    known: Iterable[str] = (),
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    geocoder=None,
    signatures: bool = True,
) -> tuple[Columns, list]:
    """The rows of the articles not `known` (their ids), as columns, and the problems of
    those that failed; in this process, or in `workers` forked ones for many articles.
    Without `signatures`, the articles' MinHash signatures are None (not computed)."""
    known = frozenset(known)
    new = [a for a in articles if a.article_id not in known]
    batches = [new[i : i + BATCH_SIZE] for i in range(0, len(new), BATCH_SIZE)]
    workers = _workers(workers)
    parallel = len(new) >= PARALLEL_THRESHOLD and workers > 1 and geocoder is None
    acc = Columns()
    problems = []
    for batch in run_batches(
        extract_articles,
        Job(geocoder=geocoder, signatures=signatures),
        batches,
        parallel=parallel,
        workers=workers,
        progress=progress,
    ):
        acc.extend(batch.columns)
        problems.extend(problem for _aid, problem in batch.problems)
    return acc, problems
