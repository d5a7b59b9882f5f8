"""Building on a Dask distributed cluster: `python -m diplomap build ... --scheduler ADDRESS`
(a running `dask scheduler`), or `--scheduler local` (a LocalCluster on this machine).

The one seam with the build is `Cluster.run(work, job, batches)`: like the process pool
of `build.run_batches` it yields the Batch of every batch in input order, so listing,
reuse, writing and committing the corpus stay the build's own, on the machine that runs
the command. Only the extraction moves: each worker process loads the gazetteer and the
extractors once (`_ready`), the job (with its set of known article ids) is sent to every
worker once (as the result of one task), and the batches (lists of input paths) are handed out a few at a time.

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
        """Every worker runs the same extractor and sees the inputs at the same paths."""
        wanted = [str(p) for p in paths]
        where = {p: os.path.abspath(p) for p in wanted}
        views = self._call(self.client.run, _worker_view, wanted)
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
        ahead = AHEAD * self.threads
        todo = iter(batches)
        pending: deque = deque()
        try:
            for _ in batches:
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
                raise ClusterError(
                    f"dask workers died while extracting a batch of files ({exc.allowed_failures + 1} "
                    f"tries, the last on {getattr(exc.last_worker, 'address', exc.last_worker)}); "
                    "the corpus was not changed"
                ) from None
            except TimeoutError:
                if future.status != "pending":
                    raise  # the work's own error
                self._check_alive()
            except Exception as exc:
                if future.status == "error":
                    raise  # the work's own error: the build reports it
                raise self._lost(exc) from None

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
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ClusterError(
            f"lost the dask scheduler at {self.address} ({reason}); the corpus was not changed"
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
    log = logging.getLogger("distributed")
    level = log.level
    log.setLevel(logging.CRITICAL)
    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = _start_local(distributed, workers or os.cpu_count() or 1)
        else:
            cluster = _reach(distributed, scheduler)
        yield cluster
    finally:
        if cluster is not None:
            cluster.close()
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
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ClusterError(
            f"cannot reach the dask scheduler at {scheduler} ({reason}): is `dask scheduler` "
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
