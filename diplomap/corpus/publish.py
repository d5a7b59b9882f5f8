"""A corpus fit for a public hosted app (`python -m diplomap build ... --publish DIR`).

The articles belong to their outlets: a public app may show what the analysis found
(counts, places, issues, dates), Lavrov's own sentences (the statements of a public
official, which the app is about) and a link to each original, but not the articles'
full texts. A published corpus is the built corpus with

- every article's text and boilerplate spans emptied (its title, outlet, URL, date,
  counts and reprint cluster kept; the file reduced to its name, never a path of the
  machine that built it);
- the mentions, issue mentions and statements kept (the mentions' offsets then point
  into no text; the dashboard shows the link instead of the article);
- no reading problems and no input signature in its manifest, which says "published".

It is written in the saved-corpus layout (CURRENT and one version folder), so the
dashboard reads it like any saved corpus; the version folder is named after the
content, so publishing the same corpus again changes no file (a scheduled job commits
only when something changed). The full-text corpus stays where it was built.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path, PurePath

import pyarrow as pa
import pyarrow.parquet as pq

from diplomap import schema as S
from diplomap.corpus.lock import corpus_lock
from diplomap.corpus.saved import (
    MANIFEST,
    commit_version,
    current_version,
    read_manifest,
    read_saved_table,
)
from diplomap.corpus.tables import TABLES, ids_fingerprint

PUBLISHED_DIR = "published"  # the data folder's published corpus, which the dashboard prefers


def is_published(manifest: dict | None) -> bool:
    """Whether a manifest is that of a published corpus."""
    return bool(manifest) and manifest.get("published") is True


def published_version(data_dir: str | Path) -> Path | None:
    """The version folder of the data folder's published corpus (`published/`), if any."""
    folder = Path(data_dir) / PUBLISHED_DIR
    if not (folder / "CURRENT").is_file() or not is_published(read_manifest(folder)):
        return None
    return current_version(folder)


def _public_articles(table: pa.Table) -> pa.Table:
    """The articles table without texts, boilerplate spans or paths."""
    n = table.num_rows
    columns = {
        S.TEXT: pa.array([""] * n, table.schema.field(S.TEXT).type),
        S.BOILERPLATE: pa.array([[]] * n, table.schema.field(S.BOILERPLATE).type),
        S.FILE: pa.array(
            [PurePath(f or "").name for f in table.column(S.FILE).to_pylist()],
            table.schema.field(S.FILE).type,
        ),
    }
    for name, column in columns.items():
        table = table.set_column(table.schema.get_field_index(name), name, column)
    return table


def _public_tables(version: Path) -> dict[str, pa.Table]:
    tables = {name: read_saved_table(version, name) for name in TABLES}
    tables["articles"] = _public_articles(tables["articles"])
    return tables


def _write_tables(tables: dict[str, pa.Table], folder: Path) -> str:
    """Write the tables as Parquet; a digest of their contents."""
    digest = hashlib.sha256()
    for name in TABLES:
        path = folder / f"{name}.parquet"
        pq.write_table(tables[name].replace_schema_metadata(None), path)
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def publish(corpus_dir: str | Path, dest: str | Path) -> Path:
    """Write the published copy of the current saved corpus of `corpus_dir` into `dest`
    (and make it current there); unchanged when `dest` holds the same already. Its
    version folder."""
    version = current_version(corpus_dir)
    if version is None:
        raise FileNotFoundError(f"no saved corpus in {corpus_dir}")
    out = Path(dest)
    if out.resolve() == Path(corpus_dir).resolve():
        raise ValueError(f"cannot publish {corpus_dir} into itself")
    out.mkdir(parents=True, exist_ok=True)
    tables = _public_tables(version)
    with corpus_lock(out):  # one writer at a time, as for builds
        return _write_published(out, version, tables)


def _write_published(out: Path, version: Path, tables: dict[str, pa.Table]) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=".publish-", dir=out))
    try:
        digest = _write_tables(tables, tmp)
        final = out / f"v-{digest}"
        if current_version(out) == final and is_published(read_manifest(out)):
            shutil.rmtree(tmp)
            return final  # the same corpus: nothing changes
        shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    commit_version(out, final, _manifest(version, tables))
    return final


def _manifest(version: Path, tables: dict[str, pa.Table]) -> dict:
    built = json.loads((version / MANIFEST).read_text("utf-8"))
    ids = tables["articles"].column(S.ARTICLE_ID).to_pylist()
    return {
        "extractor_version": built.get("extractor_version"),
        "signature": None,
        "fingerprint": ids_fingerprint(ids),
        "counts": {name: tables[name].num_rows for name in TABLES},
        "problems": [],
        "published": True,
    }
