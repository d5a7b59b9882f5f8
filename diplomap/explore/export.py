"""Exports: the full rows of a View's tables (read back from the corpus through the
Store, selected with the View's own masks), written as formula-safe CSV or Parquet; and
text made safe to show through Markdown."""

from __future__ import annotations

import io
import math
import re

import numpy as np
import pandas as pd

from diplomap import schema as S
from diplomap.corpus import Corpus
from diplomap.explore.view import View

TABLE_NAMES = ("articles", "mentions", "issue_mentions", "statements")


# --- the rows of a view -----------------------------------------------------------------------


def _codes(values: pd.Series, cats: list[str], missing: int) -> np.ndarray:
    """The Store's codes of a text column (`missing` for a value it does not know)."""
    lookup = pd.Index(cats, dtype=object).get_indexer(values.astype(object))
    return np.where(lookup >= 0, lookup, missing)


def _selected_rows(view: View, df: pd.DataFrame, column: str, selected, cats) -> pd.DataFrame:
    """The mention rows the view counts: Lavrov's under lavrov_only, of the selected
    codes under a country (issue) filter."""
    keep = np.ones(len(df), bool)
    if view.state.lavrov_only:
        keep &= df[S.LAVROV].astype(bool).to_numpy()
    if selected is not None:
        keep &= selected[_codes(df[column], cats, len(selected) - 1)]
    return df[keep].reset_index(drop=True)


def _statement_rows(view: View, df: pd.DataFrame) -> pd.DataFrame:
    """The statement rows of the view's statement mask."""
    st = view.store
    m = view.statement_mask()
    wanted = pd.MultiIndex.from_arrays(
        [st.art_ids[st.s_art[m]].astype(object), st.s_sent[m].astype("int64")]
    )
    keys = pd.MultiIndex.from_arrays([df[S.ARTICLE_ID].astype(str), df[S.SENTENCE].astype("int64")])
    return df[keys.isin(wanted)].reset_index(drop=True)


def filtered_tables(view: View) -> Corpus:
    """The full rows of the view's four tables, as the masks select them (memoised in
    the view: exports only)."""

    def compute() -> Corpus:
        st = view.store
        rows = st.subset(view.article_ids())
        return Corpus(
            articles=rows.articles,
            mentions=_selected_rows(view, rows.mentions, S.ISO3, view.iso_sel, st.iso_cats),
            issue_mentions=_selected_rows(
                view, rows.issue_mentions, S.ISSUE, view.issue_sel, st.issue_cats
            ),
            statements=_statement_rows(view, rows.statements),
        )

    return view.once("tables", compute)


def table_bytes(view: View, name: str, fmt: str) -> bytes:
    """One table of the view as "csv" or "parquet" bytes."""
    df = getattr(filtered_tables(view), name)
    return to_csv_bytes(df) if fmt == "csv" else to_parquet_bytes(df)


def table_sizes(view: View) -> dict[str, int]:
    """Rows of each table of the view (from the masks: nothing is read)."""
    return {
        "articles": view.n_articles,
        "mentions": view.n_mentions,
        "issue_mentions": view.n_issue_mentions,
        "statements": view.n_statements,
    }


# --- safe output ------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def excel_safe_value(value: object) -> object:
    """A cell Excel or LibreOffice would not run as a formula: text starting with
    = + - @ tab or CR (or their full-width forms) gets a leading single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text cell made safe (`excel_safe_value`); lists and
    other objects are written out as text first. Numbers are left alone."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            continue
        if pd.api.types.is_datetime64_any_dtype(s):
            continue
        out[col] = [excel_safe_value(_cell_text(v)) for v in s]
    out.columns = [excel_safe_value(str(c)) for c in out.columns]
    return out


def _cell_text(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return value
    if isinstance(value, str):
        return value
    if hasattr(value, "tolist"):
        value = value.tolist()
    return str(value)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for spreadsheets: UTF-8 with a BOM (Excel then reads Arabic and Persian
    right) and formula-safe cells."""
    return excel_safe(df).to_csv(index=False).encode("utf-8-sig")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def md_escape(text: str) -> str:
    """Text shown through st.markdown/st.caption without being read as Markdown or HTML."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~$:])", r"\\\1", text)
