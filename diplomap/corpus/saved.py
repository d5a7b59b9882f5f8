"""A corpus saved on disk: version folders, their manifest, the atomic CURRENT pointer.

Each save goes into a new version folder `v-*` of the corpus folder; the pointer file
CURRENT is then replaced in one rename, so a reader (or a build killed at any moment)
always sees either the previous complete corpus or the new complete one.
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
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from diplomap import config
from diplomap.corpus.tables import TABLES, Corpus, coerce
from diplomap.ingest import Problem

# Bump when extraction changes so that saved corpora are re-extracted, not reused.
EXTRACTOR_VERSION = "1"
MANIFEST = "manifest.json"
EXTRACT_PACKAGE = Path(__file__).resolve().parent.parent / "extract"


@functools.lru_cache(maxsize=1)  # a cache: the code and data files do not change while running
def extractor_fingerprint() -> str:
    """A hash of what extraction depends on: the extractor's code and its data files
    (gazetteer additions, issue taxonomy). A saved corpus made with another one is
    re-extracted rather than reused, so an analyst's edit to data/issues.csv counts."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    code = [*sorted(EXTRACT_PACKAGE.glob("*.py")), EXTRACT_PACKAGE.parent / "normalize.py"]
    data = sorted(
        f
        for f in config.PACKAGE_DATA_DIR.glob("*")
        if f.is_file() and f.suffix in {".csv", ".txt", ".json", ".toml"}
    )
    for f in code + data:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def problem_dicts(problems: Iterable) -> list[dict]:
    return [dataclasses.asdict(p) if dataclasses.is_dataclass(p) else dict(p) for p in problems]


def manifest(signature: str | None, fingerprint: str, counts: dict, problems: list) -> dict:
    return {
        "extractor_version": extractor_fingerprint(),
        "signature": signature,
        "fingerprint": fingerprint,
        "counts": counts,
        "problems": problem_dicts(problems),
    }


def new_version(out: Path) -> Path:
    """A new, empty version folder (made current by `commit_version` once complete)."""
    out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="v-", dir=out))


def save_corpus(corpus: Corpus, out_dir: str | Path, *, signature: str | None = None) -> Path:
    """Write the tables as Parquet into a new version folder and make it the current one."""
    out = Path(out_dir)
    vpath = new_version(out)
    for name, df in corpus.tables().items():
        df.to_parquet(vpath / f"{name}.parquet", index=False)
    counts = {name: len(df) for name, df in corpus.tables().items()}
    commit_version(out, vpath, manifest(signature, corpus.fingerprint, counts, corpus.problems))
    return vpath


def commit_version(out: Path, vpath: Path, manifest: dict) -> None:
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
    return is_fresh(read_manifest(corpus_dir))


def is_fresh(manifest: dict | None) -> bool:
    """Whether a manifest is that of a corpus extracted by this code and these data files."""
    return bool(manifest) and manifest.get("extractor_version") == extractor_fingerprint()


def read_manifest(corpus_dir: str | Path) -> dict | None:
    vpath = current_version(corpus_dir)
    if vpath is None:
        return None
    try:
        return json.loads((vpath / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _read_version(vpath: Path) -> Corpus:
    manifest = json.loads((vpath / MANIFEST).read_text("utf-8"))
    tables = {name: coerce(pd.read_parquet(vpath / f"{name}.parquet"), name) for name in TABLES}
    problems = [Problem(**p) for p in manifest.get("problems", [])]
    return Corpus(**tables, problems=problems)


def load_corpus(corpus_dir: str | Path) -> Corpus:
    """Read a corpus saved by `save_corpus`. Raises FileNotFoundError if there is none.

    Use `is_current(corpus_dir)` to know whether it was made by this extractor."""
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
            return _read_version(vpath)
        except (OSError, ValueError):
            moved = current_version(corpus_dir) != vpath or not vpath.is_dir()
            if not moved or time.monotonic() > deadline:
                raise
            time.sleep(min(0.005 * attempt, 0.2))
    raise FileNotFoundError(f"no readable corpus in {corpus_dir}")


def load_or_none(corpus_dir: str | Path) -> Corpus | None:
    """The saved corpus, or None when there is none or it cannot be read."""
    try:
        return load_corpus(corpus_dir)
    except (OSError, ValueError):
        return None


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
