"""The JSON object `python -m diplomap extract` prints for one article.

Shared by `extract` and `evaluate` (which scores these records against a gold file).
`iter_records` reads them from a corpus's tables (pandas); `column_records` from the
columns extraction hands over (`diplomap.corpus.columns`), without pandas, for the
`extract` command: the same records (tests/test_startup.py compares them).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from diplomap import schema as S


def json_safe(value: Any) -> Any:
    """`value` with every float that JSON cannot hold (NaN, infinities) as None, numpy
    scalars as Python ones and empty strings for unknown text fields left as they are."""
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _text_or_none(value: Any) -> str | None:
    """An optional text field: None when unknown (missing, NaN or empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value) or None


def _candidates(value: Any) -> list[dict]:
    """The date candidates stored as JSON text (an empty list when none or unreadable)."""
    if not isinstance(value, str) or not value:
        return []
    try:
        out = json.loads(value)
    except ValueError:
        return []
    return out if isinstance(out, list) else []


def article_record(corpus, article_id: str) -> dict:
    """The JSON object `extract` prints for one article (strict JSON: null, never NaN).
    It scans the tables: for every article of a corpus, use `iter_records`."""
    art = corpus.articles.loc[corpus.articles[S.ARTICLE_ID] == article_id].iloc[0].to_dict()
    rows = [
        df[df[S.ARTICLE_ID] == article_id].to_dict("records")
        for df in (corpus.mentions, corpus.issue_mentions, corpus.statements)
    ]
    return json_safe(_record(art, *rows))


def iter_records(corpus) -> Iterator[dict]:
    """`article_record` of every article of a corpus, in its order, in time linear in
    the size of its tables (each table is grouped by article once)."""
    groups = [
        _rows_by_article(df) for df in (corpus.mentions, corpus.issue_mentions, corpus.statements)
    ]
    for art in corpus.articles.to_dict("records"):
        aid = art[S.ARTICLE_ID]
        yield json_safe(_record(art, *(group.get(aid, []) for group in groups)))


def _rows_by_article(df) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in df.to_dict("records"):
        grouped.setdefault(row[S.ARTICLE_ID], []).append(row)
    return grouped


def column_records(cols: dict[str, dict[str, list]]) -> Iterator[dict]:
    """`iter_records` of the tables these columns make (`Columns.cols`), read from the
    columns themselves: each value the records use is typed as the tables type it."""
    groups: list[dict[str, list[dict]]] = []
    for table in ("mentions", "issue_mentions", "statements"):
        grouped: dict[str, list[dict]] = {}
        for row in _column_rows(cols[table]):
            grouped.setdefault(row[S.ARTICLE_ID], []).append(row)
        groups.append(grouped)
    for art in _column_rows(cols["articles"]):
        aid = art[S.ARTICLE_ID]
        yield json_safe(_record(art, *(group.get(aid, []) for group in groups)))


def _column_rows(table_cols: dict[str, list]) -> Iterator[dict]:
    """The rows of one table's columns, with a missing coordinate as NaN (as
    `diplomap.corpus.tables.coerce` types it; dates and the rest are used as they are)."""
    names = list(table_cols)
    for values in zip(*table_cols.values(), strict=True):
        row = dict(zip(names, values, strict=True))
        for col in (S.LAT, S.LON):
            if col in row:
                row[col] = _float_or_nan(row[col])
        yield row


def _float_or_nan(value: Any) -> float:
    try:
        return float(value) if value is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def _record(art: dict, m: list[dict], im: list[dict], st: list[dict]) -> dict:
    """The record of one article from its row and the rows of its mentions, issue
    mentions and statements (dicts, in table order)."""
    article_id = art[S.ARTICLE_ID]
    published = art[S.PUBLISHED]
    return {
        "id": article_id,
        "file": art[S.FILE],
        "title": art[S.TITLE],
        "language": art[S.LANGUAGE],
        "source": _text_or_none(art[S.SOURCE]),
        "url": _text_or_none(art[S.URL]),
        "published": None
        if published is None or published != published
        else published.strftime("%Y-%m-%d"),
        "date_source": art[S.DATE_SOURCE],
        "date_precision": _text_or_none(art[S.DATE_PRECISION]),
        "date_candidates": _candidates(art.get(S.DATE_CANDIDATES)),
        "countries": sorted({r[S.ISO3] for r in m}),
        "lavrov_countries": sorted({r[S.ISO3] for r in m if r[S.LAVROV]}),
        "issues": sorted({r[S.ISSUE] for r in im}),
        "lavrov_issues": sorted({r[S.ISSUE] for r in im if r[S.LAVROV]}),
        "places": [
            {
                "surface": r[S.SURFACE],
                "span": [int(r[S.START]), int(r[S.END])],
                "place": r[S.PLACE],
                "place_type": r[S.PLACE_TYPE],
                "iso3": r[S.ISO3],
                "lat": None if r[S.LAT] != r[S.LAT] else round(float(r[S.LAT]), 5),
                "lon": None if r[S.LON] != r[S.LON] else round(float(r[S.LON]), 5),
                "kind": r[S.MATCH_KIND],
                "lavrov": bool(r[S.LAVROV]),
            }
            for r in m
        ],
        "issue_mentions": [
            {
                "surface": r[S.SURFACE],
                "span": [int(r[S.START]), int(r[S.END])],
                "issue": r[S.ISSUE],
                "lavrov": bool(r[S.LAVROV]),
            }
            for r in im
        ],
        "statements": [
            {
                "speaker": r[S.SPEAKER],
                "kind": r[S.KIND],
                "evidence": r[S.EVIDENCE],
                "text": r[S.TEXT],
                "span": [int(r[S.START]), int(r[S.END])],
            }
            for r in st
        ],
    }
