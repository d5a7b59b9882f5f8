"""The JSON object `python -m diplomap extract` prints for one article.

Shared by `extract` and `evaluate` (which scores these records against a gold file).
"""

from __future__ import annotations

import json
import math
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
    """The JSON object `extract` prints for one article (strict JSON: null, never NaN)."""
    return json_safe(_record(corpus, article_id))


def _record(corpus, article_id: str) -> dict:
    art = corpus.articles.loc[corpus.articles[S.ARTICLE_ID] == article_id].iloc[0]
    m = corpus.mentions[corpus.mentions[S.ARTICLE_ID] == article_id]
    im = corpus.issue_mentions[corpus.issue_mentions[S.ARTICLE_ID] == article_id]
    st = corpus.statements[corpus.statements[S.ARTICLE_ID] == article_id]
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
        "countries": sorted(set(m[S.ISO3])),
        "lavrov_countries": sorted(set(m.loc[m[S.LAVROV], S.ISO3])),
        "issues": sorted(set(im[S.ISSUE])),
        "lavrov_issues": sorted(set(im.loc[im[S.LAVROV], S.ISSUE])),
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
            for r in m.to_dict("records")
        ],
        "issue_mentions": [
            {
                "surface": r[S.SURFACE],
                "span": [int(r[S.START]), int(r[S.END])],
                "issue": r[S.ISSUE],
                "lavrov": bool(r[S.LAVROV]),
            }
            for r in im.to_dict("records")
        ],
        "statements": [
            {
                "speaker": r[S.SPEAKER],
                "kind": r[S.KIND],
                "evidence": r[S.EVIDENCE],
                "text": r[S.TEXT],
                "span": [int(r[S.START]), int(r[S.END])],
            }
            for r in st.to_dict("records")
        ],
    }
