"""A saved version's tables as parts, partitioned by year.

Each table of a version folder is saved as parts: one Parquet file per table and *group*,
a group being the rows that one build wrote for one year (the articles' `published`
year; `undated` for the articles without a date). The rows of the other tables go with
their article. A part's file is named `<table>.<year>.<token>.parquet` (the token names
the build that wrote it), e.g. `mentions.2024.k3x9q1.parquet`; every group has a file for
each table (maybe empty) and for the articles' MinHash signatures (SIGNATURES).

An incremental build writes only the groups of its new rows; the groups of the previous
version that keep all their rows are hard links to the same files (a group that loses
rows is rewritten); `build --compact` rewrites each year's groups into one. The index
(INDEX, rewritten by every build) lists the articles in the corpus's order (the input
order) with their group and reprint cluster, so that loading gives the same tables
whatever the parts: every table in the order of its articles, the rows of one article
in the order they were extracted. The manifest lists the groups and their row counts
(`parts`), in year order.

A version written before parts (one `<table>.parquet` per table) is read as before.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from diplomap import schema as S
from diplomap.corpus.parquet import StreamWriter
from diplomap.corpus.tables import PART_TABLES, TABLES, Columns, part_schema

LAYOUT = "parts-1"  # the manifest's "layout" of a version saved as parts
INDEX = "index.parquet"
PART = "part"  # the index's column naming each article's group
UNDATED = "undated"  # the partition of the articles without a date
PENDING_ARTICLES = 500  # extracted articles a build holds before writing them to parts


# --- names ------------------------------------------------------------------------------------


def partition(value: object) -> str:
    """The partition of a `published` value: its year, or UNDATED."""
    if value is None or pd.isna(value):
        return UNDATED
    return f"{value.year:04d}"


def partitions(published: pa.Array | pa.ChunkedArray) -> list[str]:
    """The partition of each value of a saved `published` column."""
    years = pc.year(published).to_pylist() if len(published) else []
    return [UNDATED if y is None else f"{y:04d}" for y in years]


def group_name(part: str, token: str) -> str:
    return f"{part}.{token}"


def group_partition(group: str) -> str:
    return group.split(".", 1)[0]


def part_file(table: str, group: str) -> str:
    return f"{table}.{group}.parquet"


def in_year_order(groups: Iterable[str]) -> list[str]:
    """Groups by year, the undated last (stable: a year's groups keep their order)."""
    return sorted(groups, key=lambda g: (group_partition(g) == UNDATED, group_partition(g)))


def is_parts(meta: dict | None) -> bool:
    return bool(meta) and meta.get("layout") == LAYOUT and isinstance(meta.get("parts"), dict)


def table_files(
    vpath: Path, meta: dict | None, table: str, groups: set[str] | None = None
) -> list[Path]:
    """The files of a saved table (of the `groups` only, when given)."""
    if not is_parts(meta):
        return [vpath / f"{table}.parquet"]
    return [vpath / part_file(table, g) for g in meta["parts"] if groups is None or g in groups]


# --- writing ----------------------------------------------------------------------------------


class PartWriter:
    """The parts of the rows one build writes into a version folder: one group per year,
    streamed (diplomap.corpus.parquet.StreamWriter). `group_of`: article id -> group.
    Extracted rows are held until PENDING_ARTICLES are, then written year by year (a
    batch spreads over many years: one row group per batch and year would be tiny)."""

    def __init__(self, folder: Path, token: str) -> None:
        self.folder = folder
        self.token = token
        self.writers: dict[str, StreamWriter] = {}
        self.group_of: dict[str, str] = {}
        self.pending: dict[str, Columns] = {}
        self.n_pending = 0

    def _writer(self, part: str) -> StreamWriter:
        if part not in self.writers:
            suffix = "." + group_name(part, self.token)
            self.writers[part] = StreamWriter(self.folder, suffix=suffix, tables=PART_TABLES)
        return self.writers[part]

    def write_columns(self, cols: dict[str, dict[str, list]]) -> None:
        """A batch's columns (rows of the four tables, the articles with their MinHash)."""
        for part, rows in _by_partition(cols).items():
            self.pending.setdefault(part, Columns()).extend(rows)
            group = group_name(part, self.token)
            ids = rows["articles"][S.ARTICLE_ID]
            self.group_of.update((aid, group) for aid in ids)
            self.n_pending += len(ids)
        if self.n_pending >= PENDING_ARTICLES:
            self.flush()

    def flush(self) -> None:
        """Write the rows held."""
        for part in sorted(self.pending):
            self._writer(part).write_columns(self.pending[part].cols)
        self.pending.clear()
        self.n_pending = 0

    def write_table(self, table: str, data: pa.Table, by_id: dict[str, str]) -> None:
        """Rows of a table (one of PART_TABLES), each into the partition of its article
        (`by_id`: article id -> partition; UNDATED when not there)."""
        if not data.num_rows:
            return
        ids = data[S.ARTICLE_ID].to_pylist()
        parts = [by_id.get(aid, UNDATED) for aid in ids]
        for part in sorted(set(parts)):
            rows = data
            if len(set(parts)) > 1:
                rows = data.filter(pa.array([p == part for p in parts], pa.bool_()))
            self._writer(part).write(table, rows)
            if table == "articles":
                group = group_name(part, self.token)
                self.group_of.update((aid, group) for aid in rows[S.ARTICLE_ID].to_pylist())

    def close(self) -> dict[str, dict[str, int]]:
        """Close the files; group -> rows per table."""
        self.flush()
        groups = {}
        for part, writer in self.writers.items():
            writer.close()
            groups[group_name(part, self.token)] = dict(writer.rows)
        return groups


def _by_partition(cols: dict[str, dict[str, list]]) -> dict[str, dict]:
    """A batch's columns split by the partition of their article."""
    arts = cols["articles"]
    published = zip(arts[S.ARTICLE_ID], arts[S.PUBLISHED], strict=True)
    by_id = {aid: partition(p) for aid, p in published}
    if len(set(by_id.values())) <= 1:
        return dict.fromkeys(set(by_id.values()), cols)
    out: dict[str, dict] = {}
    for table, table_cols in cols.items():
        rows: dict[str, list[int]] = {}
        for i, aid in enumerate(table_cols[S.ARTICLE_ID]):
            rows.setdefault(by_id.get(aid, UNDATED), []).append(i)
        for part, picked in rows.items():
            out.setdefault(part, {})[table] = {
                c: [vals[i] for i in picked] for c, vals in table_cols.items()
            }
    for part_cols in out.values():  # every table, maybe empty
        for table, table_cols in cols.items():
            part_cols.setdefault(table, {c: [] for c in table_cols})
    return out


def write_index(
    folder: Path, ids: list[str], groups: list[str], clusters: list | None = None
) -> None:
    """The index: the articles in order, their group and (when computed) reprint cluster."""
    columns = {
        S.ARTICLE_ID: pa.array(ids, pa.large_string()),
        PART: pa.array(groups, pa.string()),
    }
    if clusters is not None:
        columns[S.CLUSTER] = pa.array(list(clusters), pa.large_string())
    pq.write_table(pa.table(columns), folder / INDEX)


def read_index(vpath: Path) -> pa.Table:
    return pq.read_table(vpath / INDEX)


def write_frames(folder: Path, tables: dict[str, pd.DataFrame], token: str) -> dict:
    """Save in-memory tables (with a CLUSTER column of the articles, or not) as parts and
    an index; the groups written (for the manifest's `parts`)."""
    arts = tables["articles"]
    ids = arts[S.ARTICLE_ID].astype(str).tolist()
    by_id = dict(zip(ids, (partition(p) for p in arts[S.PUBLISHED]), strict=True))
    writer = PartWriter(folder, token)
    for name in TABLES:
        schema = part_schema(name)
        writer.write_table(name, pa.Table.from_pandas(tables[name], schema, False), by_id)
    groups = writer.close()
    clusters = arts[S.CLUSTER].tolist() if S.CLUSTER in arts.columns else None
    write_index(folder, ids, [writer.group_of[aid] for aid in ids], clusters)
    return {g: groups[g] for g in in_year_order(groups)}


def link_group(source: Path, folder: Path, group: str) -> list[str]:
    """Make a group of the version `source` part of the version being written in `folder`
    (hard links, the same files; copies where links are not possible). Its file names."""
    names = [part_file(table, group) for table in PART_TABLES]
    for name in names:
        try:
            os.link(source / name, folder / name)
        except OSError:
            shutil.copy2(source / name, folder / name)
    return names


# --- reading ----------------------------------------------------------------------------------


def _plain(values: pa.ChunkedArray) -> pa.ChunkedArray:
    if pa.types.is_dictionary(values.type):
        return values.cast(values.type.value_type)
    return values


def in_index_order(data: pa.Table, index_ids: pa.ChunkedArray) -> tuple[pa.Table, pa.Array]:
    """The rows in the order of their articles in the index (rows of one article in their
    order; rows of articles not in it last); and each row's position in the index."""
    n = len(index_ids)
    rank = pc.fill_null(pc.index_in(_plain(data[S.ARTICLE_ID]), value_set=index_ids), n)
    keys = pa.table({"r": rank, "i": pa.array(range(data.num_rows), pa.int64())})
    order = pc.sort_indices(keys, sort_keys=[("r", "ascending"), ("i", "ascending")])
    return data.take(order), rank.take(order)


def read_parts(
    vpath: Path,
    meta: dict,
    table: str,
    columns: list[str] | None = None,
    read_dictionary: list[str] | None = None,
    ids: pa.Array | None = None,
) -> pa.Table:
    """A saved table (of a version saved as parts) in the corpus's order: all its rows,
    or (`ids`) those of these articles; the articles with their CLUSTER when the index
    holds it. `columns`: those only, in this order."""
    index = read_index(vpath)
    groups = None
    if ids is not None:
        wanted = pc.is_in(index[S.ARTICLE_ID], value_set=ids)
        groups = set(index.filter(wanted)[PART].to_pylist())
    names = part_schema(table).names
    stored = names if columns is None else [c for c in columns if c in names]
    pieces = []
    for path in table_files(vpath, meta, table, groups):
        piece = pq.read_table(path, columns=stored, read_dictionary=read_dictionary)
        if ids is not None:
            piece = piece.filter(pc.is_in(_plain(piece[S.ARTICLE_ID]), value_set=ids))
        pieces.append(piece)
    if not pieces:
        pieces = [part_schema(table).empty_table().select(stored)]
    data, rank = in_index_order(pa.concat_tables(pieces), index[S.ARTICLE_ID])
    wants_clusters = columns is None or S.CLUSTER in columns
    if table == "articles" and wants_clusters and S.CLUSTER in index.schema.names:
        clusters = index[S.CLUSTER].combine_chunks()
        positions = pc.if_else(pc.less(rank, len(clusters)), rank, None)
        data = data.append_column(S.CLUSTER, clusters.take(positions))
    if columns is None:
        return data
    return data.select([c for c in columns if c in data.schema.names])


def stored_columns(vpath: Path, meta: dict | None, table: str) -> list[str]:
    """The columns a saved table is read with (the articles' CLUSTER included)."""
    if not is_parts(meta):
        return pq.read_schema(vpath / f"{table}.parquet").names
    names = list(part_schema(table).names)
    if table == "articles" and S.CLUSTER in pq.read_schema(vpath / INDEX).names:
        names.append(S.CLUSTER)
    return names
