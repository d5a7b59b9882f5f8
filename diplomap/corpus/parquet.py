"""Tables written to Parquet batch by batch, and rows copied from one Parquet file to
another row group by row group, so that a build never holds a whole table in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from diplomap import schema as S
from diplomap.corpus.tables import SIGNATURES, TABLES, arrow_table, part_schema

# Columns whose values hardly repeat: a dictionary encoding would be tried in vain.
_UNIQUE_COLUMNS = {S.TEXT, S.TITLE, S.FILE, S.URL, S.DATE_TEXT, S.BOILERPLATE}


class StreamWriter:
    """The tables' Parquet files in a folder (`prefix` + table + `suffix` + ".parquet"),
    written batch by batch (one row group per write); `rows` counts the rows written to
    each. `tables`: the four tables, or also SIGNATURES (diplomap.corpus.parts)."""

    def __init__(
        self, folder: Path, prefix: str = "", suffix: str = "", tables: tuple = TABLES
    ) -> None:
        self.folder = folder
        self.prefix = prefix
        self.suffix = suffix
        self.tables = tables
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows = dict.fromkeys(tables, 0)

    def path(self, table: str) -> Path:
        return self.folder / f"{self.prefix}{table}{self.suffix}.parquet"

    def write(self, table: str, part: pa.Table) -> None:
        if table not in self.writers:
            schema = part_schema(table)
            self.writers[table] = pq.ParquetWriter(
                self.path(table),
                schema,
                use_dictionary=[c for c in schema.names if c not in _UNIQUE_COLUMNS],
            )
        if part.num_rows:
            self.writers[table].write_table(part)
            self.rows[table] += part.num_rows

    def write_columns(self, cols: dict[str, dict[str, list]]) -> None:
        for table in TABLES:
            if cols[table][S.ARTICLE_ID]:
                self.write(table, arrow_table(cols[table], table))
        arts = cols["articles"]
        if SIGNATURES in self.tables and arts[S.ARTICLE_ID]:
            signatures = {S.ARTICLE_ID: arts[S.ARTICLE_ID], S.MINHASH: arts[S.MINHASH]}
            self.write(SIGNATURES, pa.table(signatures, schema=part_schema(SIGNATURES)))

    def restart(self, table: str) -> None:
        """Close a table's file, to read it back and write it again from the start."""
        self.writers.pop(table).close()
        self.rows[table] = 0

    def close(self) -> None:
        for table in self.tables:  # every table exists, even empty
            if table not in self.writers:
                self.write(table, part_schema(table).empty_table())
        for writer in self.writers.values():
            writer.close()

    def remove(self) -> None:
        for table in self.tables:
            self.path(table).unlink(missing_ok=True)


def read_ids(path: Path) -> list[str]:
    """The article ids of a saved articles table."""
    return pq.read_table(path, columns=[S.ARTICLE_ID]).column(0).to_pylist()


def read_rows(source: Path, table: str, ids=None) -> Iterator[pa.Table]:
    """The rows of a Parquet file, row group by row group, with the table's schema: all
    of them, or (`ids` = ("keep", ids) or ("drop", ids): the smaller set is looked up)
    those of the articles kept."""
    parquet = pq.ParquetFile(source)
    schema = part_schema(table)
    for i in range(parquet.num_row_groups):
        part = filtered(parquet.read_row_group(i), ids)
        if not part.num_rows:
            continue
        if part.schema.remove_metadata() != schema:
            part = part.select(schema.names).cast(schema)
        yield part


def filtered(part: pa.Table, ids) -> pa.Table:
    """The rows of the articles `ids` keeps (as for `read_rows`; None: all)."""
    if ids is None:
        return part
    mode, value_set = ids
    mask = pc.is_in(part[S.ARTICLE_ID], value_set=value_set)
    return part.filter(mask if mode == "keep" else pc.invert(mask))


def id_filter(kept: list[str], all_ids: set[str]):
    """The filter of `read_rows` that keeps the articles `kept` of a table holding
    `all_ids`: None (all rows), or the smaller of the sets to keep or to drop."""
    if len(kept) == len(all_ids):
        return None
    if 2 * len(kept) <= len(all_ids):
        return ("keep", pa.array(kept, type=pa.large_string()))
    dropped = sorted(all_ids.difference(kept))
    return ("drop", pa.array(dropped, type=pa.large_string()))
