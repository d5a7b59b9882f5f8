"""Objects that take long to build (the gazetteer, the issue taxonomy), pickled on disk.

`load_or_build(name, key, build)` returns the object pickled in
`config.cache_dir() / f"{name}-{key}.pickle"` (DIPLOMAP_CACHE, default ~/.cache/diplomap),
or builds it and writes that file. The key is a `fingerprint` of everything the object
is made of: the code that builds it, its data files, and the versions of the libraries
involved, read from their installed metadata (the `NAME-VERSION.dist-info` folders that
`importlib.metadata` reads; not by importing them). A changed input gives another key, so a stale file is never read; a file that
cannot be read back (truncated, corrupt, from another Python) is rebuilt and rewritten;
a cache folder that cannot be written only costs the build time. Files are written to a
temporary name and renamed, so a reader never sees half of one. The newest few files of
each name are kept (worktrees or versions side by side), older ones removed.

The cache folder is the user's own: its files are trusted as the code is (pickle).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from diplomap.config import cache_dir

T = TypeVar("T")

FORMAT = "diplomap-cache-1"  # the layout of a cache file: (FORMAT, name, key, object)
KEEP = 4  # files kept per name (the newest), for other versions of the code side by side


@lru_cache(maxsize=64)
def library_version(distribution: str) -> str:
    """The installed version of a distribution ("" when it is not installed), from its
    metadata: importing the library itself would cost more than the cache saves. Read
    from the name of its `NAME-VERSION.dist-info` folder on sys.path, the first one as
    importlib.metadata finds it (importing that costs ~0.02 s a start), else from
    importlib.metadata (eggs, odd installs)."""
    version = _dist_info_version(distribution)
    if version:
        return version
    import importlib.metadata  # lazy: only for a distribution without a dist-info folder

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _dist_info_version(distribution: str) -> str:
    want = _canonical(distribution)
    for folder in sys.path:
        for name in _listing(folder or "."):
            if name.endswith(".dist-info"):
                dist, _, version = name[: -len(".dist-info")].partition("-")
                if version and _canonical(dist) == want:
                    return version
    return ""


@lru_cache(maxsize=64)
def _listing(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder))
    except OSError:  # not a folder (a zip), or gone
        return ()


def _canonical(name: str) -> str:
    """A distribution name as PEP 503 compares them (Babel = babel, a-b = a_b = a.b)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def fingerprint(files: Iterable[Path], libraries: Iterable[str] = (), salt: str = "") -> str:
    """A short hash of the files' contents (a missing file counts as such), the libraries'
    versions, the Python version (pickles and compiled automata depend on it) and `salt`."""
    h = hashlib.sha256(f"{FORMAT}\0{salt}\0{sys.version}\0".encode())
    for path in files:
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing")
        h.update(b"\0")
    for name in libraries:
        h.update(f"{name}={library_version(name)}\0".encode())
    return h.hexdigest()[:16]


def cache_file(name: str, key: str) -> Path | None:
    """Where the object `name` of this key is cached (None: no usable cache folder)."""
    try:
        return cache_dir() / f"{name}-{key}.pickle"
    except (OSError, RuntimeError):  # a home folder that cannot be resolved
        return None


def load_or_build(
    name: str, key: str, build: Callable[[], T], valid: Callable[[object], bool] | None = None
) -> T:
    """The cached object `name` of this key, else `build()` (then written to the cache).
    `valid(obj)` may reject what a file holds (then it is rebuilt too)."""
    path = cache_file(name, key)
    found = _read(path, name, key)
    if found is not _MISSING and (valid is None or valid(found)):
        return found  # type: ignore[return-value]
    obj = build()
    _write(path, name, key, obj)
    return obj


_MISSING = object()


def _read(path: Path | None, name: str, key: str) -> object:
    """What the file holds for (name, key), or _MISSING (no file, unreadable, other key)."""
    if path is None:
        return _MISSING
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many objects: collections would triple its time
    try:
        with open(path, "rb") as f:
            data = pickle.load(f)
    except Exception:  # none yet, or any damage (truncated, corrupt, old classes): rebuilt
        return _MISSING
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(data, tuple) and len(data) == 4 and data[:3] == (FORMAT, name, key)):
        return _MISSING
    return data[3]


def _write(path: Path | None, name: str, key: str, obj: object) -> None:
    """Write the cache file atomically (temporary file, then rename); never raises for
    a folder that cannot be written."""
    if path is None:
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((FORMAT, name, key, obj), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent, name)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # a read-only or full cache folder only costs the build time
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path, name: str) -> None:
    """Keep the KEEP newest cache files of `name`."""
    files = []
    for p in folder.glob(f"{name}-*.pickle"):
        try:
            files.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue
    for _, p in sorted(files, reverse=True)[KEEP:]:
        try:
            p.unlink()
        except OSError:
            pass
