"""Dates a page offers outside its header: the print edition's footer naming the issue
the article appeared in, and the date in the path of the page's own link (`dates.py` asks
these last, when its header and text give no date); and the page whose dates are none of
its own: a chronology of events."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from diplomap.extract.date_parsing import _Cand, _Ctx, _fold, _scan
from diplomap.normalize import normalize_text

__all__ = ["FOOTER_CHARS", "is_chronology", "permalink_date", "print_footer"]


# The print edition's footer naming the issue the article appeared in: «این مطلب در شماره
# ۵۱۲۴ روزنامه ابتکار، سه‌شنبه ۳ تیر ۱۴۰۴ ... منتشر شده است», «نُشر في العدد ... بتاريخ»,
# «Опубликовано в номере ... от», "This article appeared in the print edition of"
_PRINT_FOOTER_RE = re.compile(
    r"(?:در\s+شماره\s+\d+|نشرت?\s+في\s+العدد\s+\d+|نشرت?\s+في\s+النسخه\s+الورقيه|"
    r"опубликовано\s+в\s+(?:номере|газете|выпуске)|appeared\s+in\s+(?:the\s+)?print\s+edition|"
    r"published\s+in\s+(?:the\s+)?print\s+edition)"
)
# A line at the end that labels the article's publication date («تاریخ نشر: جمعه 13 میزان
# 1403», «نُشر بتاريخ: ...», "Published: ...", «Опубликовано: ...»; normalised)
_PUBLISHED_FOOTER_RE = re.compile(
    r"(?:^|\n)[^\S\n]*(?:تاريخ\s+(?:ال)?نشر|نشر\s+(?:بتاريخ|في)|تاريخ\s+انتشار|زمان\s+انتشار|"
    r"published(?:\s+on)?|date\s+published|опубликовано|дата\s+публикации)[^\S\n]*[:：]"
)
FOOTER_CHARS = 800  # the footer lies in this many last characters


def print_footer(text: str, ctx: _Ctx) -> _Cand | None:
    """The full date on the footer line at the end of the page that says when it was
    published (the print edition's, or a "published:" label), if any."""
    lo = max(0, len(text) - FOOTER_CHARS)
    tail = normalize_text(_fold(text[lo:]))
    m = _PRINT_FOOTER_RE.search(tail.norm) or _PUBLISHED_FOOTER_RE.search(tail.norm)
    if m is None:
        return None
    start, end = tail.to_original(m.start(), m.end())
    line_start = text.rfind("\n", 0, lo + start) + 1
    line_end = text.find("\n", lo + end)
    line_end = len(text) if line_end < 0 else line_end
    folded = _fold(text[:line_end])
    full = [c for c in _scan(folded, line_start, line_end, ctx) if c.full]
    return full[0] if full else None


# A page's permanent link with the date in its path ("https://arabicpost.net/تحليلات/2019/04/16/…")
# or an ISO date opening a path segment ("…/news/2021-04-16T194000/…", "…/2023-09-25-slug/")
_PERMALINK_DATE_RE = re.compile(
    r"https?://\S+?/((?:19|20)\d\d)(?:/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|\b)|"
    r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=[T_\-/.]|\b))"
)
_PERMALINK_CHARS = 3000  # looked for near the top and the bottom of the page
# A label that says a link is the page's own (kept even in the page's footer, which the
# boilerplate spans cover): "Permalink:", «Постоянная ссылка:», «الرابط المختصر:», «لینک کوتاه:»
_OWN_LINK_LABEL_RE = re.compile(
    r"(?:perma(?:nent\s*)?link|short\s*(?:link|url)|link to (?:this|the) (?:article|story|page)|"
    r"article (?:link|url)|page url|"
    r"постоянн\w+\s+ссылк\w+|коротк\w+\s+ссылк\w+|ссылка на (?:материал|статью|новость)|"
    r"адрес (?:материала|страницы|статьи)|"
    r"ال?رابط\s+(?:ال)?(?:مختصر|دائم|ثابت)|رابط\s+(?:ال)?(?:مقال|خبر|موضوع)|"
    r"(?:لینک|پیوند|نشانی|آدرس)\s+(?:کوتاه|ثابت|خبر|مطلب|این\s+(?:خبر|مطلب))|کد\s+خبر)"
    r"[\s:：\-–—]*$",
    re.IGNORECASE,
)


def permalink_date(
    text: str, today: dt.date, boilerplate: Sequence[tuple[int, int]] = ()
) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The date in the path of the page's own link, when the page prints one near its
    top or bottom (a site showing only "5 years ago" and its link), else None; never a
    link of the page's furniture (a related story's)."""
    for lo in (0, max(0, len(text) - _PERMALINK_CHARS)):
        m = _PERMALINK_DATE_RE.search(text, lo, lo + _PERMALINK_CHARS)
        if m is None:
            continue
        if any(a <= m.start() < b for a, b in boilerplate) and not _labelled_own(text, m.start()):
            continue
        try:
            month, mday = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            day = dt.date(int(m.group(1)), int(month), int(mday))
        except ValueError:
            continue
        if day <= today:
            return day, m.group(), m.span()
    return None


def _labelled_own(text: str, start: int) -> bool:
    """Is the link at `start` labelled as the page's own, on its line or alone on the line
    before ("Permalink:" then the link)?"""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    if not before:
        prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        before = text[prev_start : max(prev_start, line_start - 1)].strip()
    return len(before) <= 40 and _OWN_LINK_LABEL_RE.search(before) is not None


# A chronology's heading: a year alone ("2015", "— 2016 —") or opening a short heading
# after a separator ("■ 2017 | "أرضية مشتركة" في موسكو", "2019: talks without a statement")
_YEAR_ALONE_RE = re.compile(
    r"[\s\-–—•*■▪●◆►]*(?:19|20)\d\d(?:[\s\-–—:]*|\s*[|:：\-–—]\s*[^\n]{1,60}?)"
)
MIN_CHRONOLOGY_ENTRIES = 3


def chronology_date_lines(lines: Sequence[tuple[int, int]], cands: Sequence[_Cand]) -> list[int]:
    """The indices of the lines that are a full date alone (nothing else on the line)
    with a line of text after them: in a chronology, its entries' headings."""
    starts = [ls for ls, _ in lines]
    out = []
    for c in cands:
        if not (c.full and c.precision == "day"):
            continue
        k = bisect.bisect_right(starts, c.wstart) - 1
        if (
            0 <= k < len(lines) - 1
            and c.wstart <= lines[k][0] + 2
            and c.end >= lines[k][1] - 2
            and lines[k + 1][1] - lines[k + 1][0] > _ENTRY_TEXT_CHARS
        ):
            out.append(k)
    return out


_ENTRY_TEXT_CHARS = 40


def chronology_entry_starts(
    lines: Sequence[tuple[int, int]], cands: Sequence[_Cand]
) -> frozenset[int]:
    """The starts of the lines that are a date alone over an entry's text, when there
    are enough of them to be a chronology's entries (else none)."""
    ks = chronology_date_lines(lines, cands)
    return frozenset(lines[k][0] for k in ks) if len(ks) >= MIN_CHRONOLOGY_ENTRIES else frozenset()


def is_chronology(folded: str, lines: Sequence[tuple[int, int]], cands: Sequence[_Cand]) -> bool:
    """Is the page a chronology (a timeline of statements or events): at least three
    lines under the headline that are a year alone or heading an entry ("■ 2017 | ..."),
    open with a full date (or a month and year) and go on with the entry's text ("14 июля
    2015 года. В Вене ...", "20 July 2015: ...", "November 2012: After ..."), or are a
    full date alone with the entry's text on the next line? `lines`: the (start, end) of the lines under the headline
    in the folded top of the page, `cands`: the dates found there."""
    if len(lines) < MIN_CHRONOLOGY_ENTRIES:
        return False
    starts = [ls for ls, _ in lines]
    entries = set(chronology_date_lines(lines, cands))
    for c in cands:
        if c.full and c.precision in ("day", "month"):
            k = bisect.bisect_right(starts, c.wstart) - 1
            if k >= 0 and c.wstart <= lines[k][0] + 2 and c.end < lines[k][1] - 20:
                entries.add(k)
    for k, (ls, le) in enumerate(lines):
        if len(entries) >= MIN_CHRONOLOGY_ENTRIES:
            break
        head = folded[ls : ls + 6]  # (a quick test: a year near the line's start)
        if ("19" in head or "20" in head) and _YEAR_ALONE_RE.fullmatch(folded, ls, le):
            entries.add(k)
    return len(entries) >= MIN_CHRONOLOGY_ENTRIES
