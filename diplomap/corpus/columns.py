"""Rows of the four tables accumulated as Python lists, column by column: what extraction
hands over, with no pandas nor Arrow (the `extract` command prints its records from
these). `tables.py` turns them into DataFrames and Arrow tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from diplomap import schema as S

if TYPE_CHECKING:  # the columns do not depend on how they are extracted
    import pandas as pd

    from diplomap.corpus.tables import Corpus
    from diplomap.extract.article import Extraction

TABLES = ("articles", "mentions", "issue_mentions", "statements")
COLUMNS = {
    "articles": S.ARTICLE_COLUMNS,
    "mentions": S.MENTION_COLUMNS,
    "issue_mentions": S.ISSUE_MENTION_COLUMNS,
    "statements": S.STATEMENT_COLUMNS,
}

# Columns the extraction hands over besides a table's own, never stored in it (the
# signatures go to the reprint clusters, diplomap.corpus.reprints).
CARRIED_COLUMNS = {"articles": (S.MINHASH,)}


class Columns:
    """Rows of the four tables, accumulated column by column (compact, and quick to turn
    into DataFrames or Arrow tables), with the CARRIED_COLUMNS."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list]] = {
            t: {c: [] for c in (*COLUMNS[t], *CARRIED_COLUMNS.get(t, ()))} for t in TABLES
        }

    def signatures(self) -> dict[str, bytes | None]:
        """Article id -> the MinHash signature its extraction computed."""
        arts = self.cols["articles"]
        return dict(zip(arts[S.ARTICLE_ID], arts[S.MINHASH], strict=True))

    def add(self, e: Extraction) -> None:
        for table, rows in (
            ("articles", (e.article,)),
            ("mentions", e.mentions),
            ("issue_mentions", e.issue_mentions),
            ("statements", e.statements),
        ):
            if rows:
                for col, values in self.cols[table].items():
                    values.extend([r[col] for r in rows])

    def extend(self, cols: dict[str, dict[str, list]]) -> None:
        """Append the columns of another batch."""
        for table, table_cols in cols.items():
            for col, values in self.cols[table].items():
                values.extend(table_cols.get(col, ()))

    def frame(self, table: str) -> pd.DataFrame:
        """The table as a typed pandas DataFrame."""
        from diplomap.corpus.tables import frame_of_columns  # lazy: pandas, for tables only

        return frame_of_columns(self.cols[table], table)

    def corpus(self, problems: Iterable = ()) -> Corpus:
        from diplomap.corpus.tables import Corpus  # lazy: pandas, for tables only

        return Corpus(*(self.frame(t) for t in TABLES), list(problems))
