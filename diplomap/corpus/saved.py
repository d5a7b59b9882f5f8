"""A corpus saved on disk: version folders, their manifest, the atomic CURRENT pointer.

Each save goes into a new version folder `v-*` of the corpus folder; the pointer file
CURRENT is then replaced in one rename, so a reader (or a build killed at any moment)
always sees either the previous complete corpus or the new complete one. Writers take
turns (diplomap.corpus.lock); a failed write (a full disk) removes its version folder and
leaves the pointer alone. The manifest records each table's size and SHA-256, so that a
damaged version (truncated, corrupt, missing, a dangling or junk pointer) is found
(`corpus_damage`) and reported in one line (`CorpusDamaged`) rather than reused.
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
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from diplomap import config
from diplomap import schema as S
from diplomap.corpus import parts as P
from diplomap.corpus.lock import corpus_lock
from diplomap.corpus.tables import PART_TABLES, TABLES, Corpus, coerce
from diplomap.ingest import Problem

# Bump when extraction changes so that saved corpora are re-extracted, not reused.
EXTRACTOR_VERSION = "1"
MANIFEST = "manifest.json"
POINTER = "CURRENT"
EXTRACT_PACKAGE = Path(__file__).resolve().parent.parent / "extract"


class CorpusDamaged(ValueError):
    """The current saved corpus cannot be read as it is; one line saying why."""

    def __init__(self, out: str | Path, problem: str) -> None:
        super().__init__(f"the saved corpus in {out} is damaged: {problem}")
        self.problem = problem


class CorpusWriteError(OSError):
    """A save failed (e.g. a full disk): nothing was committed; one line saying why."""

    def __init__(self, out: str | Path, exc: BaseException) -> None:
        reason = os.strerror(exc.errno) if getattr(exc, "errno", None) else _first_line(exc)
        super().__init__(
            f"could not write the corpus in {out}: {reason}; the previous corpus is kept"
        )


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


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


def manifest(
    signature: str | None, fingerprint: str, counts: dict, problems: list, parts: dict
) -> dict:
    """What a version's manifest says (`parts`: its groups, diplomap.corpus.parts)."""
    return {
        "extractor_version": extractor_fingerprint(),
        "signature": signature,
        "fingerprint": fingerprint,
        "counts": counts,
        "problems": problem_dicts(problems),
        "layout": P.LAYOUT,
        "parts": parts,
    }


def version_token(vpath: Path) -> str:
    """The token of the parts a build writes into the version folder `vpath`."""
    return vpath.name.removeprefix("v-").replace(".", "_")


def new_version(out: Path) -> Path:
    """A new, empty version folder (made current by `commit_version` once complete)."""
    out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="v-", dir=out))


def save_corpus(
    corpus: Corpus,
    out_dir: str | Path,
    *,
    signature: str | None = None,
    wait: bool | float = True,
) -> Path:
    """Write the tables as Parquet into a new version folder and make it the current one
    (holding the folder's write lock; `wait` as for `corpus_lock`)."""
    out = Path(out_dir)
    with corpus_lock(out, wait=wait):
        vpath = new_version(out)
        with removed_on_failure(out, vpath):
            groups = P.write_frames(vpath, corpus.tables(), version_token(vpath))
            counts = {name: len(df) for name, df in corpus.tables().items()}
            meta = manifest(signature, corpus.fingerprint, counts, corpus.problems, groups)
            commit_version(out, vpath, meta)
    return vpath


@contextlib.contextmanager
def removed_on_failure(out: Path, vpath: Path) -> Iterator[None]:
    """Remove the version folder being written if anything fails (the pointer is left
    alone); an OSError becomes one line (CorpusWriteError)."""
    try:
        yield
    except BaseException as exc:
        shutil.rmtree(vpath, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, CorpusWriteError):
            raise CorpusWriteError(out, exc) from None
        raise


def commit_version(
    out: Path, vpath: Path, manifest: dict, known: dict[str, dict] | None = None
) -> None:
    """Write the manifest (with the files' sizes and checksums) into a complete version
    folder, flush it to disk, and make it the current one; then remove the other
    versions. The caller holds the folder's write lock. `known`: the checksums of files
    linked from the previous version (checked already), not computed again."""
    manifest = {**manifest, "files": checksums(vpath, known)}
    (vpath / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    _fsync_files(vpath)
    pointer = out / POINTER
    pointer_tmp = out / f".CURRENT.{os.getpid()}.tmp"
    try:
        pointer_tmp.write_text(vpath.name, "utf-8")
        _fsync_file(pointer_tmp)
        if pointer.is_dir() and not pointer.is_symlink():  # damaged: a folder named CURRENT
            shutil.rmtree(pointer)
        os.replace(pointer_tmp, pointer)
    except BaseException:
        pointer_tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(out)
    _remove_old_versions(out, keep=vpath.name)


def checksums(vpath: Path, known: dict[str, dict] | None = None) -> dict[str, dict]:
    """Size and SHA-256 of each file of a version folder (but the manifest); those of
    `known` files (of the same size) as they are."""
    known = known or {}
    sums = {}
    for path in sorted(vpath.iterdir()):
        if path.is_file() and path.name != MANIFEST:
            size = path.stat().st_size
            old = known.get(path.name)
            if isinstance(old, dict) and old.get("size") == size and old.get("sha256"):
                sums[path.name] = old
            else:
                sums[path.name] = {"size": size, "sha256": _sha256(path)}
    return sums


def _fsync_files(vpath: Path) -> None:
    for path in vpath.iterdir():
        if path.is_file():
            _fsync_file(path)
    _fsync_dir(vpath)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    name = _pointer(d)
    if not name or not _is_version_name(name) or not (d / name / MANIFEST).is_file():
        return None
    return d / name


def _pointer(corpus_dir: Path) -> str | None:
    """What CURRENT says: a name, "" when it is unreadable or junk, None when absent."""
    try:
        return (corpus_dir / POINTER).read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # a folder, unreadable, not text
        return ""


def _is_version_name(name: str) -> bool:
    return name.startswith("v-") and name.isprintable() and "/" not in name and "\\" not in name


def corpus_damage(corpus_dir: str | Path, *, deep: bool = False) -> str | None:
    """What is wrong with the current saved corpus, in a few words; None when it is sound
    or there is none (no CURRENT). Checks the pointer, the manifest, and each table (size
    and Parquet footer; `deep`: also its checksum, i.e. reads it all). A pointer replaced
    by a concurrent save while checking is checked again."""
    d = Path(corpus_dir)
    for _attempt in range(20):
        name = _pointer(d)
        problem = None if name is None else _version_damage(d, name, deep)
        if problem is None or _pointer(d) == name:
            return problem
    return problem


def _version_damage(d: Path, name: str, deep: bool) -> str | None:
    pointer = d / POINTER
    if not name or not _is_version_name(name):
        kind = "a folder" if pointer.is_dir() else "not the name of a version"
        return f"{POINTER} is {kind}"
    vpath = d / name
    if not vpath.is_dir():
        return f"{POINTER} names {name}, which is missing"
    try:
        meta = json.loads((vpath / MANIFEST).read_text("utf-8"))
        counts, sums = meta.get("counts"), meta.get("files")
    except (OSError, ValueError, AttributeError):
        return f"{name}/{MANIFEST} is missing or unreadable"
    counts = counts if isinstance(counts, dict) else {}
    sums = sums if isinstance(sums, dict) else {}
    for path, rows in _saved_files(vpath, meta, counts):
        problem = _table_damage(path, rows, sums, deep)
        if problem:
            return f"{name}/{path.name} {problem}"
    return None


def _saved_files(vpath: Path, meta: dict, counts: dict) -> list[tuple[Path, int | None]]:
    """The files of a version's tables, with the rows each should hold."""
    if not P.is_parts(meta):
        return [(vpath / f"{table}.parquet", counts.get(table)) for table in TABLES]
    files = [(vpath / P.INDEX, counts.get("articles"))]
    for group, rows in meta["parts"].items():
        rows = rows if isinstance(rows, dict) else {}
        files += [(vpath / P.part_file(t, group), rows.get(t)) for t in PART_TABLES]
    return files


def _table_damage(path: Path, rows: int | None, sums: dict, deep: bool) -> str | None:
    expected = sums.get(path.name) if isinstance(sums, dict) else None
    try:
        size = path.stat().st_size
        if isinstance(expected, dict) and expected.get("size") not in (None, size):
            return f"is truncated or altered ({size} bytes, {expected['size']} written)"
        n_rows = pq.ParquetFile(path).metadata.num_rows
        digest = _sha256(path) if deep and isinstance(expected, dict) else None
    except FileNotFoundError:
        return "is missing"
    except (OSError, ValueError, pa.ArrowException):
        return "is not readable Parquet (truncated or corrupt)"
    if isinstance(rows, int) and n_rows != rows:
        return f"holds {n_rows} rows, {rows} written"
    if digest is not None and expected.get("sha256") not in (None, digest):
        return "is corrupt (its checksum differs)"
    return None


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
    if P.is_parts(manifest):
        tables = {
            name: coerce(P.read_parts(vpath, manifest, name).to_pandas(), name) for name in TABLES
        }
    else:  # saved before parts
        tables = {name: coerce(pd.read_parquet(vpath / f"{name}.parquet"), name) for name in TABLES}
    problems = [Problem(**p) for p in manifest.get("problems", [])]
    return Corpus(**tables, problems=problems)


def read_saved_table(
    vpath: Path,
    table: str,
    columns: list[str] | None = None,
    read_dictionary: list[str] | None = None,
    ids: Iterable[str] | None = None,
) -> pa.Table:
    """A table of a saved version as Arrow, in the corpus's order (diplomap.corpus.parts):
    all its rows or (`ids`) those of these articles; `columns`: those only (the ones it
    holds)."""
    meta = json.loads((vpath / MANIFEST).read_text("utf-8"))
    values = None if ids is None else pa.array(sorted(ids), pa.large_string())
    if P.is_parts(meta):
        return P.read_parts(vpath, meta, table, columns, read_dictionary, values)
    path = vpath / f"{table}.parquet"
    present = pq.read_schema(path).names
    wanted = None if columns is None else [c for c in columns if c in present]
    data = pq.read_table(path, columns=wanted, read_dictionary=read_dictionary)
    if values is not None:
        data = data.filter(pc.is_in(data[S.ARTICLE_ID], value_set=values.cast(pa.string())))
    return data


def saved_columns(vpath: Path, table: str) -> list[str]:
    """The columns a saved table is read with (the articles' reprint clusters included)."""
    meta = json.loads((vpath / MANIFEST).read_text("utf-8"))
    return P.stored_columns(vpath, meta, table)


def table_files(vpath: Path, table: str) -> list[Path]:
    """The files that hold a table of a saved version (its parts)."""
    meta = json.loads((vpath / MANIFEST).read_text("utf-8"))
    return P.table_files(vpath, meta, table)


def load_corpus(corpus_dir: str | Path) -> Corpus:
    """Read a corpus saved by `save_corpus`. Raises FileNotFoundError if there is none,
    CorpusDamaged (one line, at once) if the current one is damaged (its tables are
    checked against their checksums).

    Use `is_current(corpus_dir)` to know whether it was made by this extractor."""
    # A concurrent save may switch CURRENT and delete the version being read: retry on
    # the new one (a version folder is complete before CURRENT points at it). A pointer
    # that stays the same while its version cannot be read is damage, reported at once.
    d = Path(corpus_dir)
    for attempt in range(1000):
        name = _pointer(d)
        if name is None:
            raise FileNotFoundError(f"no saved corpus in {corpus_dir}")
        try:
            problem = _version_damage(d, name, deep=True)
            if problem is None:
                return _read_version(d / name)
        except (OSError, ValueError) as exc:
            problem = exc
        if _pointer(d) != name:  # replaced by a concurrent save: read the new one
            time.sleep(min(0.005 * attempt, 0.2))
            continue
        if isinstance(problem, BaseException):  # the tables looked sound, yet failed
            found = corpus_damage(d)
            if found is None:
                raise problem
            problem = found
        raise CorpusDamaged(d, problem)
    raise FileNotFoundError(f"no readable corpus in {corpus_dir}")


def load_or_none(corpus_dir: str | Path) -> Corpus | None:
    """The saved corpus, or None when there is none or it cannot be read."""
    try:
        return load_corpus(corpus_dir)
    except (OSError, ValueError):
        return None


def input_signature(paths: Iterable[str | Path], *, exclude: str | Path | None = None) -> str:
    """A hash of the names, sizes and modification times of the input files (but those
    under the folder `exclude`: the corpus folder, when it is inside an input folder)."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    skip = os.path.realpath(exclude) if exclude is not None else None
    for p in sorted(Path(x) for x in paths):
        files = _files_under(p, skip) if p.is_dir() else [str(p)]
        for f in files:
            try:
                st = os.stat(f)
            except OSError:
                continue
            h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _files_under(folder: Path, skip: str | None = None) -> list[str]:
    """The files under a folder as `sorted(f for f in folder.rglob("*") if f.is_file())`
    lists them (same order, same names), with os.scandir instead of pathlib objects;
    not those under the folder `skip` (a real path)."""
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
            elif real_dir and (skip is None or os.path.realpath(entry.path) != skip):
                walk(entry.path, sub)

    walk(str(folder), ())
    found.sort(key=lambda item: item[0])
    return [name for _parts, name in found]
