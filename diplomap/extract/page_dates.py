"""Dates a page offers outside its header: the print edition's footer naming the issue
the article appeared in, and the date in the path of the page's own link (`dates.py` asks
these last, when its header and text give no date)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from diplomap.extract.date_parsing import _Cand, _Ctx, _fold, _scan
from diplomap.normalize import normalize_text

__all__ = ["FOOTER_CHARS", "permalink_date", "print_footer"]


# The print edition's footer naming the issue the article appeared in: «این مطلب در شماره
# ۵۱۲۴ روزنامه ابتکار، سه‌شنبه ۳ تیر ۱۴۰۴ ... منتشر شده است», «نُشر في العدد ... بتاريخ»,
# «Опубликовано в номере ... от», "This article appeared in the print edition of"
_PRINT_FOOTER_RE = re.compile(
    r"(?:در\s+شماره\s+\d+|نشرت?\s+في\s+العدد\s+\d+|نشرت?\s+في\s+النسخه\s+الورقيه|"
    r"опубликовано\s+в\s+(?:номере|газете|выпуске)|appeared\s+in\s+(?:the\s+)?print\s+edition|"
    r"published\s+in\s+(?:the\s+)?print\s+edition)"
)
FOOTER_CHARS = 800  # the footer lies in this many last characters


def print_footer(text: str, ctx: _Ctx) -> _Cand | None:
    """The full date on the print-edition footer line at the end of the page, if any."""
    lo = max(0, len(text) - FOOTER_CHARS)
    tail = normalize_text(_fold(text[lo:]))
    if (m := _PRINT_FOOTER_RE.search(tail.norm)) is None:
        return None
    start, end = tail.to_original(m.start(), m.end())
    line_start = text.rfind("\n", 0, lo + start) + 1
    line_end = text.find("\n", lo + end)
    line_end = len(text) if line_end < 0 else line_end
    folded = _fold(text[:line_end])
    full = [c for c in _scan(folded, line_start, line_end, ctx) if c.full]
    return full[0] if full else None


# A page's permanent link with the date in its path ("https://arabicpost.net/تحليلات/2019/04/16/…")
_PERMALINK_DATE_RE = re.compile(
    r"https?://\S+?/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|\b)"
)
_PERMALINK_CHARS = 3000  # looked for near the top and the bottom of the page


def permalink_date(
    text: str, today: dt.date, boilerplate: Sequence[tuple[int, int]] = ()
) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The date in the path of the page's own link, when the page prints one near its
    top or bottom (a site showing only "5 years ago" and its link), else None; never a
    link of the page's furniture (a related story's)."""
    for lo in (0, max(0, len(text) - _PERMALINK_CHARS)):
        m = _PERMALINK_DATE_RE.search(text, lo, lo + _PERMALINK_CHARS)
        if m is None or any(a <= m.start() < b for a, b in boilerplate):
            continue
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if day <= today:
            return day, m.group(), m.span()
    return None
