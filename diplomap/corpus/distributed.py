"""Building on a Dask distributed cluster: `python -m diplomap build ... --scheduler ADDRESS`
(a running `dask scheduler`), or `--scheduler local` (a LocalCluster on this machine).

The one seam with the build is `Cluster.run(work, job, batches)`: like the process pool
of `build.run_batches` it yields the Batch of every batch in input order, so listing,
reuse, writing and committing the corpus stay the build's own, on the machine that runs
the command. Only the extraction moves: each worker process loads the gazetteer and the
extractors once (`_ready`), the job (with its set of known article ids) is sent to every
worker once (as the result of one task), and the batches (lists of input paths) are
handed out a few per worker thread at a time.

dask is imported here only, inside functions: the dashboard and a build without
--scheduler never import it (it comes with requirements-scale.txt). Every failure of the
cluster is a `ClusterError`: one line, and the build stops without changing the corpus.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from diplomap.corpus.build import Batch, Job
from diplomap.corpus.saved import extractor_fingerprint
from diplomap.extract.article import warm_extractors

LOCAL = "local"  # --scheduler local: a LocalCluster of worker processes on this machine
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
WORKERS_WAIT = 60.0  # seconds to wait for a first worker, or with no worker left
AHEAD = 4  # batches handed out ahead per worker thread
POLL = 2.0  # seconds between checks that the cluster still has workers
INSTALL = "pip install -r requirements-scale.txt"
SAME_CODE = (
    "start `dask scheduler` and every `dask worker` with this diplomap checkout on "
    f"PYTHONPATH and its requirements-scale.txt installed ({INSTALL})"
)


class ClusterError(RuntimeError):
    """The cluster cannot do the build (one line; the corpus is left as it was)."""


class Cluster:
    """A connected Dask client (and the LocalCluster it started, if any)."""

    def __init__(self, client, address: str, local=None) -> None:
        self.client = client
        self.address = address
        self.local = local
        self._empty_since: float | None = None

    @property
    def threads(self) -> int:
        """The worker threads of the cluster now (the build sizes its batches for them)."""
        return max(1, sum(self._call(self.client.nthreads).values()))

    def check_workers(self, paths: Sequence[str | Path]) -> None:
        """The scheduler and every worker load diplomap (the scheduler unpickles the
        tasks), the workers run this extractor and see the inputs at the same paths."""
        wanted = [str(p) for p in paths]
        where = {p: os.path.abspath(p) for p in wanted}
        self._load(self.client.run_on_scheduler, "the dask scheduler", [])
        views = self._load(self.client.run, "a dask worker", wanted)
        mine = extractor_fingerprint()
        for worker, (fingerprint, seen) in sorted(views.items()):
            if fingerprint != mine:
                raise ClusterError(
                    f"the dask worker {worker} runs another version of diplomap's extractor: "
                    "every worker needs the same diplomap checkout"
                )
            for p in wanted:
                if seen.get(p) != where[p]:
                    raise ClusterError(
                        f"the dask worker {worker} cannot read {p} at {where[p]}: every worker "
                        "needs the inputs at the same absolute path (e.g. a shared NFS folder)"
                    )

    def _load(self, run, who: str, paths: list[str]):
        """`_worker_view(paths)` by `run` (on the scheduler, or on every worker)."""
        try:
            return self._call(run, _worker_view, paths)
        except ClusterError:
            raise
        except Exception as exc:  # it could not load diplomap, or the check failed
            reason = _reason(exc)
            raise ClusterError(f"{who} cannot load diplomap ({reason}): {SAME_CODE}") from None

    def run(
        self, work: Callable[[Job, list], Batch], job: Job, batches: list[list]
    ) -> Iterator[Batch]:
        """`work(job, batch)` of every batch on the workers; the results in batch order."""
        if not batches:
            return
        client = self.client
        # a task rather than scattered data: if the workers holding it die, it is made again
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "large object in the task graph": sent once
            shared = self._call(client.submit, _given, job, pure=False)
        todo = iter(batches)
        pending: deque = deque()
        try:
            for _ in batches:
                ahead = AHEAD * self.threads  # workers may join or leave during the build
                while len(pending) < ahead and (batch := next(todo, None)) is not None:
                    future = self._call(client.submit, _run_batch, work, shared, batch, pure=False)
                    pending.append(future)
                yield self._result(pending.popleft())
        finally:
            with contextlib.suppress(Exception):
                client.cancel([*pending, shared])

    def _result(self, future) -> Batch:
        """The batch's result; a worker dying on it again and again, the scheduler lost, or
        no worker left for WORKERS_WAIT seconds: ClusterError."""
        distributed = _import_distributed()
        while True:
            try:
                return future.result(timeout=POLL)
            except distributed.KilledWorker as exc:
                tries = exc.allowed_failures + 1
                last = getattr(exc.last_worker, "address", exc.last_worker)
                raise ClusterError(
                    f"a dask worker died while extracting a batch of files, {tries} time(s) "
                    f"(the last: {last}); the corpus was not changed"
                ) from None
            except TimeoutError:
                if future.status == "error":
                    raise  # the work's own error
                self._check_alive()  # not done within POLL seconds: still any worker?
            except Exception as exc:
                if future.status != "error":
                    raise self._lost(exc) from None
                if isinstance(exc, ImportError) or "deserializ" in str(exc).lower():
                    raise ClusterError(
                        f"the dask cluster cannot load diplomap's tasks ({_reason(exc)}): {SAME_CODE}"
                    ) from None
                raise  # the work's own error: the build reports it

    def _check_alive(self) -> None:
        if self._call(self.client.nthreads):
            self._empty_since = None
            return
        now = time.monotonic()
        self._empty_since = self._empty_since or now
        if now - self._empty_since > WORKERS_WAIT:
            raise ClusterError(
                f"no dask worker left on {self.address} for {WORKERS_WAIT:g} s; "
                "the corpus was not changed"
            )

    def _call(self, method, *args, **kwargs):
        """A call to the scheduler; a lost connection is a ClusterError."""
        try:
            return method(*args, **kwargs)
        except (OSError, _import_distributed().CancelledError) as exc:
            raise self._lost(exc) from None

    def _lost(self, exc: BaseException) -> ClusterError:
        return ClusterError(
            f"lost the dask scheduler at {self.address} ({_lost_reason(exc)}); "
            "the corpus was not changed"
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.local is not None:
            with contextlib.suppress(Exception):
                self.local.close()


@contextlib.contextmanager
def connect(scheduler: str, workers: int | None = None) -> Iterator[Cluster]:
    """A Cluster for `scheduler` (an address such as tcp://HOST:PORT, or "local": a
    LocalCluster of `workers` processes, default one per core), closed on exit. Its
    messages are kept off standard error while it is open (failures are ClusterErrors)."""
    distributed = _import_distributed()
    cluster = None
    with _quiet_logs():
        try:
            if scheduler == LOCAL:
                cluster = _start_local(distributed, workers or os.cpu_count() or 1)
            else:
                cluster = _reach(distributed, scheduler)
            yield cluster
        finally:
            if cluster is not None:
                cluster.close()


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """dask's loggers (each has its own level in dask's configuration) say nothing: a
    lost connection is logged with a traceback, and the build reports it in one line."""
    names = [
        "distributed",
        *(n for n in logging.root.manager.loggerDict if n.startswith("distributed.")),
    ]
    loggers = [logging.getLogger(n) for n in names]
    levels = [log.level for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for log, level in zip(loggers, levels, strict=True):
            log.setLevel(level)


def _start_local(distributed, workers: int) -> Cluster:
    local = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # extraction holds the GIL: one process per core
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    )
    try:
        client = distributed.Client(local, set_as_default=False)
    except BaseException:
        local.close()
        raise
    return Cluster(client, local.scheduler_address, local)


def _reach(distributed, scheduler: str) -> Cluster:
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        raise ClusterError(
            f"cannot reach the dask scheduler at {scheduler} ({_reason(exc)}): is `dask scheduler` "
            "running there, and is the address tcp://HOST:PORT?"
        ) from None
    cluster = Cluster(client, scheduler)
    try:
        client.wait_for_workers(1, timeout=WORKERS_WAIT)
    except (TimeoutError, OSError):
        cluster.close()
        raise ClusterError(
            f"no dask worker joined the scheduler at {scheduler} within {WORKERS_WAIT:g} s: "
            f"start some with `dask worker {scheduler}`"
        ) from None
    return cluster


def _reason(exc: BaseException) -> str:
    """The first line of an exception's message (or its type's name)."""
    text = str(exc).strip()
    return text.splitlines()[0].rstrip(".") if text else type(exc).__name__


def _lost_reason(exc: BaseException) -> str:
    if "connection-lost" in str(exc) or "connection lost" in str(exc).lower():
        return "connection lost"
    return _reason(exc)


def _import_distributed():
    try:
        import distributed  # lazy: only a build with --scheduler needs dask
    except ImportError:
        raise ClusterError(f"--scheduler needs dask's distributed scheduler: {INSTALL}") from None
    return distributed


# --- on the workers ----------------------------------------------------------------------------

_WARMING = threading.Lock()


def _ready() -> None:
    """Load the gazetteer, the issue taxonomy and every language's extractors, once per
    worker process (a worker with several threads loads them once, under a lock)."""
    with _WARMING:
        warm_extractors()


def _given(job: Job) -> Job:
    return job


def _run_batch(work: Callable[[Job, list], Batch], job: Job, batch: list) -> Batch:
    _ready()
    return work(job, batch)


def _worker_view(paths: list[str]) -> tuple[str, dict[str, str | None]]:
    """A worker's extractor fingerprint, and where it finds each input path (None: not)."""
    seen = {p: os.path.abspath(p) if os.path.exists(p) else None for p in paths}
    return extractor_fingerprint(), seen
