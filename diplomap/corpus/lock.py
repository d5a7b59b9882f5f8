"""One writer at a time per corpus folder: an advisory lock (fcntl.flock) on `OUT/.lock`.

Two builds into the same folder (two terminals, a cron job and a user, the dashboard
saving its rebuild) take turns: the second one waits, saying so, or (`wait=False`, or a
number of seconds) gives up with one line naming the holder. The lock file holds the
holder's pid and start time for that message.

A stale lock never blocks: the kernel releases a flock when the process holding it dies,
so a lock file left by a killed build is simply taken over. (A build's forked worker
processes would inherit the lock; `forget_inherited` drops their copy, so that orphaned
workers of a killed build do not keep it.) On a file system without flock the lock is
skipped (and on Windows), as before it existed.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows): writes are then unlocked
    fcntl = None

LOCK_FILE = ".lock"
POLL_SECONDS = 0.2

_local = threading.local()  # per thread: resolved folder -> [fd, depth] of the locks it holds
_open_fds: set[int] = set()  # every lock fd of this process (for forget_inherited)


class CorpusBusy(OSError):
    """Another process is writing the corpus folder (and we were not to wait)."""


@contextlib.contextmanager
def corpus_lock(
    out: str | Path,
    *,
    wait: bool | float = True,
    notify: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the write lock of the corpus folder `out` (created if needed).

    `wait`: True waits as long as it takes, False not at all, a number that many seconds;
    then CorpusBusy. `notify(message)` is told once when the lock is busy. Re-entrant
    within a thread; exclusive between threads and processes."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    key = str(folder.resolve())
    held = _held()
    if key in held:
        held[key][1] += 1
        try:
            yield
        finally:
            held[key][1] -= 1
        return
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, folder, wait, notify)
        _write_owner(fd)
        held[key] = [fd, 1]
        _open_fds.add(fd)
        try:
            yield
        finally:
            del held[key]
            _open_fds.discard(fd)
    finally:
        os.close(fd)  # releases the lock


def forget_inherited() -> None:
    """In a forked child: close the lock files inherited from the parent (the parent
    keeps its lock; the child no longer shares it)."""
    for fd in list(_open_fds):
        with contextlib.suppress(OSError):
            os.close(fd)
    _open_fds.clear()
    _local.__dict__.pop("held", None)


def _held() -> dict[str, list[int]]:
    if not hasattr(_local, "held"):
        _local.held = {}
    return _local.held


def _acquire(fd: int, folder: Path, wait: bool | float, notify) -> None:
    limit = None if wait is True else (0.0 if wait is False else float(wait))
    deadline = None if limit is None else time.monotonic() + limit
    told = False
    while fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        except OSError:  # no flock on this file system: write unlocked, as before
            return
        holder = describe_holder(folder)
        if deadline is not None and time.monotonic() >= deadline:
            raise CorpusBusy(f"another build is writing {folder} ({holder}); aborting")
        if not told and notify is not None:
            notify(f"another build is writing {folder} ({holder}), waiting")
            told = True
        time.sleep(POLL_SECONDS)


def _write_owner(fd: int) -> None:
    line = f"{os.getpid()} {time.time():.0f}\n".encode()
    with contextlib.suppress(OSError):  # e.g. a full disk: the lock holds all the same
        os.ftruncate(fd, 0)
        os.pwrite(fd, line, 0)


def describe_holder(folder: Path) -> str:
    """ "pid N" of the lock file's holder, noting when that process is gone (its lock is
    then held by processes it started)."""
    try:
        pid_text, started = (folder / LOCK_FILE).read_text("ascii").split()[:2]
        pid = int(pid_text)
        since = time.strftime("%H:%M:%S", time.localtime(float(started)))
    except (OSError, ValueError):
        return "pid unknown"
    if not _alive(pid):
        return f"pid {pid}, since {since}, no longer running: a process it started holds it"
    return f"pid {pid}, since {since}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
