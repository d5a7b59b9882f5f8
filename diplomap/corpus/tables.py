"""The four tables of a corpus: their columns (diplomap.schema) and ONE declaration of each
column's type, from which both the pandas dtypes (`coerce`) and the Arrow schema
(`arrow_schema`, `arrow_table`) are derived, so that a table built in memory, streamed to
Parquet or loaded back has the same types."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa  # already imported by pandas: free

from diplomap import schema as S

# The columns are declared in columns.py (no pandas there: the `extract` command uses them)
from diplomap.corpus.columns import CARRIED_COLUMNS as CARRIED_COLUMNS
from diplomap.corpus.columns import COLUMNS, TABLES
from diplomap.corpus.columns import Columns as Columns

# --- column types ----------------------------------------------------------------------------


def _spans(values: pd.Series) -> list:
    return [[list(map(int, span)) for span in spans] for spans in values]


def _dates_to_arrow(values: list, arrow_type: pa.DataType) -> pa.Array:
    if any(v is not None and type(v) is not dt.date for v in values):
        raise TypeError("not only dates")
    return pa.array(values, pa.date32()).cast(arrow_type)


@dataclass(frozen=True)
class ColumnType:
    """How a column is typed: its Arrow type, how a pandas column is given that type (None:
    left as it is, object), and how a list of Python values becomes an Arrow array (None:
    `pa.array`, which raises on a value of another kind)."""

    arrow: pa.DataType
    to_pandas: Callable[[pd.Series], object] | None = None
    to_arrow: Callable[[list, pa.DataType], pa.Array] | None = None

    def arrow_array(self, values: list) -> pa.Array:
        if self.to_arrow is not None:
            return self.to_arrow(values, self.arrow)
        return pa.array(values, self.arrow, from_pandas=True)


INT = ColumnType(pa.int64(), lambda s: s.astype("int64"))
FLOAT = ColumnType(pa.float64(), lambda s: pd.to_numeric(s, errors="coerce").astype("float64"))
BOOL = ColumnType(pa.bool_(), lambda s: s.astype(bool))
DATE = ColumnType(
    pa.timestamp("ns"),
    lambda s: pd.to_datetime(s, errors="coerce").astype("datetime64[ns]"),
    _dates_to_arrow,
)
SPANS = ColumnType(pa.list_(pa.list_(pa.int64())), _spans)


def _strings(values: pd.Series) -> pd.Series:
    """A text column stays as it is; an empty one made without values (float64 by
    default) becomes text too, so that it is saved as text, never as a numeric column."""
    if values.dtype == object or pd.api.types.is_string_dtype(values):
        return values
    return values.astype("str")


STR = ColumnType(pa.large_string(), _strings)

# The type of every column that is not a string (a column has one type in every table).
COLUMN_TYPES = {
    S.START: INT,
    S.END: INT,
    S.SENTENCE: INT,
    S.N_CHARS: INT,
    S.N_SENTENCES: INT,
    S.N_LAVROV: INT,
    S.REPLACED_CHARS: INT,
    S.LAT: FLOAT,
    S.LON: FLOAT,
    S.LAVROV: BOOL,
    S.PUBLISHED: DATE,
    S.BOILERPLATE: SPANS,
}


def column_type(column: str) -> ColumnType:
    return COLUMN_TYPES.get(column, STR)


def coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give every table the same dtypes whether built, loaded or empty."""
    for col in df.columns:
        convert = column_type(col).to_pandas
        if convert is not None:
            df[col] = convert(df[col])
    return df.reset_index(drop=True)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, column_type(c).arrow) for c in COLUMNS[table]])


# Saved beside the four tables (diplomap.corpus.parts): article id -> the MinHash signature of
# its text, so that a build computes the reprint clusters without hashing any text again.
SIGNATURES = "signatures"
PART_TABLES = (*TABLES, SIGNATURES)


def part_schema(table: str) -> pa.Schema:
    """The schema of a table's parts (one of PART_TABLES)."""
    if table == SIGNATURES:
        return pa.schema([(S.ARTICLE_ID, pa.large_string()), (S.MINHASH, pa.binary())])
    return arrow_schema(table)


# Columns a table may carry besides the extracted ones: the build adds them when it
# commits a corpus (reprint clusters, diplomap.corpus.reprints); older corpora lack them.
DERIVED_COLUMNS = {"articles": (S.CLUSTER,)}


def stored_schema(table: str, columns: Iterable[str]) -> pa.Schema:
    """The schema a table is saved with: its declared columns, then the derived ones
    among `columns`."""
    schema = arrow_schema(table)
    for c in DERIVED_COLUMNS.get(table, ()):
        if c in columns:
            schema = schema.append(pa.field(c, column_type(c).arrow))
    return schema


def frame_of_columns(cols: dict[str, list], table: str) -> pd.DataFrame:
    return coerce(pd.DataFrame(cols, columns=COLUMNS[table]), table)


def arrow_table(cols: dict[str, list], table: str) -> pa.Table:
    """An Arrow table of one batch's columns, typed as `coerce` types them (directly from
    the Python lists; through pandas when a value is not of the expected kind)."""
    schema = arrow_schema(table)
    try:
        arrays = [column_type(c).arrow_array(cols[c]) for c in schema.names]
        return pa.Table.from_arrays(arrays, schema=schema)
    except (TypeError, ValueError, pa.ArrowException):
        df = frame_of_columns(cols, table)
        return pa.Table.from_pandas(df, schema=schema, preserve_index=False)


# --- the tables ------------------------------------------------------------------------------


@dataclass
class Corpus:
    """The four tables of a corpus, plus the problems met while reading it."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    issue_mentions: pd.DataFrame
    statements: pd.DataFrame
    problems: list = field(default_factory=list)  # diplomap.ingest.Problem records

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    @property
    def fingerprint(self) -> str:
        """A short hash of the set of article ids (stable across runs)."""
        ids = self.articles[S.ARTICLE_ID].astype(str) if len(self.articles) else []
        return ids_fingerprint(ids)

    def __len__(self) -> int:
        return len(self.articles)


def ids_fingerprint(ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


def empty_corpus() -> Corpus:
    return Corpus(*(coerce(pd.DataFrame([], columns=COLUMNS[t]), t) for t in TABLES))


def select(corpus: Corpus, ids: set[str]) -> Corpus:
    """The rows of the articles in `ids` (no problems)."""
    return Corpus(
        *(df[df[S.ARTICLE_ID].isin(ids)].reset_index(drop=True) for df in corpus.tables().values())
    )


def concat(corpora: list[Corpus], problems: Iterable = ()) -> Corpus:
    """The tables of corpora whose articles differ, one after the other."""
    tables = {
        name: coerce(pd.concat([c.tables()[name] for c in corpora], ignore_index=True), name)
        for name in TABLES
    }
    return Corpus(**tables, problems=list(problems))
