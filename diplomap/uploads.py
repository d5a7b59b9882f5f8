"""Uploaded files (name, bytes) read into a corpus, in memory only, with a report per
file. The dashboard's Data page calls `read_uploads_isolated`; diplomap.session keeps the
result in the browser session and diplomap.explore.store.Store.merge joins it to the
bundled corpus.

Every upload has a bounded cost, whatever the files hold (a CSV of a million tiny rows,
a zip of ten thousand members): the caps of `UploadLimits` (articles per file, per
upload and per session, characters of text per upload, seconds of reading and
extraction per upload) cut what is beyond them, and the outcome says what was read and
what was cut. `read_uploads_isolated` does the work in a forked child process, so that
its CPU time and memory peak never hold up the server's other sessions (the server's
thread only waits on a pipe); articles are extracted under the same per-article time
budget as the command line's.

(Kept apart from diplomap.explore, which must not import diplomap.ingest; its place is
beside the session-only merging in diplomap/corpus/uploads.py.)
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from diplomap import ingest
from diplomap.corpus import Corpus, empty_corpus
from diplomap.corpus.budget import ArticleTimeout, TimeBudget
from diplomap.corpus.build import ARTICLE_TIME_BUDGET, extract_one
from diplomap.corpus.reprints import with_clusters
from diplomap.corpus.tables import Columns
from diplomap.extract.article import warm_up
from diplomap.names import escape_controls

MAX_DETAILS = 20  # problems listed per file in the report
REPORT_COLUMNS = ["file", "articles", "skipped", "warnings", "details"]
PROGRESS_EVERY = 25  # articles extracted between two progress reports
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class UploadLimits:
    """The caps of the dashboard's uploads (announced on the Data page)."""

    articles_per_file: int = 2_000
    articles_per_upload: int = 5_000
    articles_per_session: int = 20_000  # extracted over a browser session's life
    chars_per_upload: int = 50_000_000  # characters of article text held in memory
    seconds_per_upload: float = 15.0  # reading and extraction; what is left is cut
    seconds_grace: float = 8.0  # beyond the budget, the child process is stopped


UPLOAD_LIMITS = UploadLimits()


@dataclass
class UploadOutcome:
    """What a batch of uploaded files gave: a corpus, one report row per file, and what
    was cut (one line each)."""

    corpus: Corpus
    report: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    extracted: int = 0  # articles extracted (counted against the session's cap)


def describe_limits(limits: UploadLimits = UPLOAD_LIMITS, used: int | None = None) -> str:
    """The caps, as announced to a visitor (with `used`: the session's articles so far)."""
    max_mb = ingest.DEFAULT_LIMITS.max_file_bytes // 2**20
    text = (
        f"Limits: {limits.articles_per_file:,} articles per file, "
        f"{limits.articles_per_upload:,} per upload and {limits.articles_per_session:,} "
        f"per browser session; {limits.chars_per_upload // 1_000_000:,} million characters "
        f"of text per upload; {max_mb} MB per file; {limits.seconds_per_upload:g} s of "
        "reading and extraction per upload. What is beyond a limit is cut and reported. "
        "A session keeps only its latest upload in memory."
    )
    if used is not None:
        text += f" This session has read {used:,} of its {limits.articles_per_session:,} articles."
    return text


# --- the report ---------------------------------------------------------------------------


def _problem_text(p) -> str:
    line = getattr(p, "line", None)
    where = str(getattr(p, "file", ""))
    if line:
        where += f" line {line}"
    return escape_controls(f"{where}: {getattr(p, 'reason', p)}")


def _report_row(name: str, result: ingest.IngestResult) -> dict:
    errors = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
    details = "; ".join(_problem_text(p) for p in result.problems[:MAX_DETAILS])
    if len(result.problems) > MAX_DETAILS:
        details += f"; … {len(result.problems) - MAX_DETAILS} more"
    return {
        "file": escape_controls(name),
        "articles": len(result.articles),
        "skipped": len(errors),
        "warnings": len(result.problems) - len(errors),
        "details": details,
    }


# --- reading, within the caps ---------------------------------------------------------------


class _Batch:
    """The state of one upload: the articles kept, the report rows, what was cut."""

    def __init__(self, limits: UploadLimits, already: int) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds_per_upload
        self.room = max(0, min(limits.articles_per_upload, limits.articles_per_session - already))
        self.session_left = limits.articles_per_session - already
        self.chars = 0
        self.articles: list[ingest.Article] = []
        self.problems: list = []
        self.rows: list[dict] = []
        self.notes: list[str] = []

    def out_of_time(self) -> bool:
        return time.monotonic() > self.deadline

    def read(self, name: str, data: bytes) -> None:
        shown = escape_controls(name)
        if self.out_of_time():
            self.skip(name, f"not read: the upload's {self.limits.seconds_per_upload:g} s ran out")
            return
        if self.room <= 0:
            self.skip(name, f"not read: {self.cap_reached()}")
            return
        cap = min(self.limits.articles_per_file, self.room)
        try:
            with TimeBudget(max(0.01, self.deadline - time.monotonic())):
                result = _read_one(name, data, replace(ingest.DEFAULT_LIMITS, max_articles=cap))
        except ArticleTimeout:
            seconds = self.limits.seconds_per_upload
            self.skip(name, f"not read: the upload's {seconds:g} s ran out while reading it")
            return
        self.keep_within_chars(shown, result)
        if any("article limit reached" in p.reason for p in result.problems):
            which = "per file" if cap == self.limits.articles_per_file else self.cap_reached()
            self.notes.append(f"{shown}: only the first {cap:,} articles were read ({which})")
        self.room -= len(result.articles)
        self.articles.extend(result.articles)
        self.problems.extend(result.problems)
        self.rows.append(_report_row(name, result))

    def cap_reached(self) -> str:
        if self.session_left <= self.limits.articles_per_upload:
            return f"this session's limit of {self.limits.articles_per_session:,} articles"
        return f"the limit of {self.limits.articles_per_upload:,} articles per upload"

    def keep_within_chars(self, shown: str, result: ingest.IngestResult) -> None:
        """Drop the articles beyond the upload's characters of text."""
        for i, article in enumerate(result.articles):
            self.chars += len(article.text)
            if self.chars > self.limits.chars_per_upload:
                cut = len(result.articles) - i
                limit = self.limits.chars_per_upload // 1_000_000
                reason = f"{cut:,} articles not kept: the upload holds {limit:,} million characters at most"
                result.problems.append(ingest.Problem(shown, reason))
                self.notes.append(f"{shown}: {reason}")
                del result.articles[i:]
                self.room = 0
                return

    def skip(self, name: str, reason: str) -> None:
        result = ingest.IngestResult([], [ingest.Problem(escape_controls(name), reason)])
        self.problems.extend(result.problems)
        self.rows.append(_report_row(name, result))
        if not any(reason in note for note in self.notes):
            self.notes.append(f"Some files were {reason}")


def _read_one(name: str, data: bytes, limits: ingest.Limits) -> ingest.IngestResult:
    try:
        return ingest.read_bytes(name, data, limits)
    except ArticleTimeout:
        raise
    except Exception as exc:  # a reader bug must not take the session down
        return ingest.IngestResult(
            [], [ingest.Problem(escape_controls(name), f"could not be read ({type(exc).__name__})")]
        )


def _extract(batch: _Batch, progress: Progress | None) -> tuple[Corpus, int]:
    """Extract the batch's articles, each under the command line's time budget (less
    when the upload's budget ends sooner), until the upload's budget runs out: the
    corpus of those extracted (reprint clusters over all of them), and how many were.
    The shortest articles go first: one huge text cannot use up the budget of the
    ordinary ones uploaded beside it (and when time runs out, the most are done)."""
    articles = sorted(ingest.dedupe(batch.articles), key=lambda article: len(article.text))
    acc = Columns()
    problems = list(batch.problems)
    done = 0
    for article in articles:
        budget = min(ARTICLE_TIME_BUDGET, batch.deadline - time.monotonic())
        if budget <= 0:
            break
        extraction, problem = extract_one(article, budget)
        if problem is not None and budget < ARTICLE_TIME_BUDGET and batch.out_of_time():
            break  # cut by the upload's budget, not the article's
        if problem is not None:
            problems.append(problem)
        else:
            acc.add(extraction)
        done += 1
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(articles)):
            progress(done, len(articles))
    if done < len(articles):
        batch.notes.append(
            f"{len(articles) - done:,} of {len(articles):,} articles were not extracted: "
            f"the upload's {batch.limits.seconds_per_upload:g} s ran out"
        )
    return with_clusters(acc.corpus(problems), acc.signatures()), done


def read_uploads(
    files: Sequence[tuple[str, bytes]],
    *,
    limits: UploadLimits = UPLOAD_LIMITS,
    already: int = 0,
    progress: Progress | None = None,
) -> UploadOutcome:
    """Read uploaded files (name, bytes) into a corpus, in memory only, with a report:
    file, articles, skipped, warnings, details (the reasons, from ingest Problems), and
    notes on what the caps cut. `already`: articles this session has extracted before."""
    warm_up()
    batch = _Batch(limits, already)
    for name, data in files:
        batch.read(name, data)
    corpus, extracted = _extract(batch, progress)
    report = pd.DataFrame(batch.rows, columns=REPORT_COLUMNS)
    n_read = len(batch.articles)
    duplicates = n_read - len(ingest.dedupe(batch.articles))
    if duplicates:
        report.attrs["duplicates"] = duplicates
    return UploadOutcome(corpus, report, batch.notes, extracted)


# --- in a child process -----------------------------------------------------------------------


def _child(conn, files, limits: UploadLimits, already: int) -> None:
    """The forked child: read, extract, send progress and then the outcome."""

    def progress(done: int, total: int) -> None:
        conn.send(("progress", done, total))

    try:
        outcome = read_uploads(files, limits=limits, already=already, progress=progress)
        conn.send(("outcome", outcome))
    except BaseException as exc:  # one line to the parent, never a traceback
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        conn.close()


def _failed(files: Sequence[tuple[str, bytes]], reason: str) -> UploadOutcome:
    rows = [
        _report_row(name, ingest.IngestResult([], [ingest.Problem(name, reason)]))
        for name, _data in files
    ]
    return UploadOutcome(empty_corpus(), pd.DataFrame(rows, columns=REPORT_COLUMNS), [reason])


def read_uploads_isolated(
    files: Sequence[tuple[str, bytes]],
    *,
    limits: UploadLimits = UPLOAD_LIMITS,
    already: int = 0,
    progress: Progress | None = None,
) -> UploadOutcome:
    """`read_uploads` in a forked child process (in this process where fork is not
    available): this thread only waits, so other sessions are not held up, and the
    child's memory peak is returned to the system when it ends. The child is stopped
    once the time budget and its grace period have passed."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork (Windows, macOS spawn-only setups)
        return read_uploads(files, limits=limits, already=already, progress=progress)
    warm_up()  # loaded once here, shared by the forked children
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, files, limits, already), daemon=True)
    child.start()
    send.close()
    try:
        return _wait(receive, child, files, limits, progress)
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(1)


def _wait(receive, child, files, limits: UploadLimits, progress: Progress | None):
    stop = time.monotonic() + limits.seconds_per_upload + limits.seconds_grace
    while time.monotonic() < stop:
        if not receive.poll(0.2):
            if not child.is_alive() and not receive.poll(0):
                return _failed(files, "could not be read (the reading process ended)")
            continue
        try:
            message = receive.recv()
        except (EOFError, OSError):
            return _failed(files, "could not be read (the reading process ended)")
        if message[0] == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif message[0] == "outcome":
            return message[1]
        else:
            return _failed(files, f"could not be read ({message[1]})")
    total = limits.seconds_per_upload + limits.seconds_grace
    return _failed(files, f"not read: the upload took longer than {total:g} s and was stopped")
