"""Publication dates of news articles, with provenance.

`find_publication_date(text, lang)` returns a `PublicationDate`: the date, where it was
read (`metadata` > `header` > `dateline` > `body` > `none`), its precision, the text and
character span it came from, and `date_candidates`: every date considered, with its kind
(`DateCandidate`, kinds in `CANDIDATE_KINDS`). `parse_date(expr)` reads one date
expression (a metadata value, a CSV cell).

Web pages carry dates that are not the article's: a running clock or ticker, "today"
and "last updated" lines in the site's header. The headline is located (the title, or
the first line that looks like one) and what is above it is the page's header: there an
"updated" line, a date line cut off from the headline by breadcrumbs or menus, or one
showing the current day and time, is a `clock` and never chosen; a "today <date>" line
is a clock anywhere, and an "updated" line below the headline is recorded but never
chosen either (it says when the page changed). The article's own date (a "published"
label, a date line by the headline, a dateline, a date closing the headline) wins over
a date line above the headline. A yearless "on Tuesday, 3 March" in the article
vetoes any unlabelled date it cannot belong to (its weekday must fall within a month of
that date), so that with only a clock and such a phrase the date is null.

How it works: the digits of the top of the article are folded to ASCII (same length, so
spans stay valid) and every date expression in it is read by diplomap.extract.date_parsing
(month names, Gregorian, Jalali and Hijri calendars, `parse_date`); here its lines, labels,
clocks and the headline decide which is the article's. A date without a year is never a
publication date (except a "MOSCOW, Feb 13 (Reuters) -" dateline whose year a header
gives), nor is a bare year outside a header, nor anything outside 1990-01-01 .. today+1.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from diplomap.extract.boilerplate import is_breadcrumb
from diplomap.extract.common import line_runs
from diplomap.extract.date_parsing import (
    _DIGITS,
    _LETTER,
    _YEAR4,
    GREGORIAN,
    JALALI,
    _bare_year,
    _Cand,
    _context_patterns,
    _Ctx,
    _fallback,
    _fold,
    _key,
    _make_ctx,
    _norm_window,
    _scan,
    _to_gregorian,
    _weekday_lookup,
    _weekday_words,
    hijri_to_gregorian,
    jalali_to_gregorian,
    parse_date,
)
from diplomap.extract.page_dates import (
    chronology_entry_starts,
    is_chronology,
    permalink_date,
    print_footer,
)
from diplomap.navigation import WIDGET_RE
from diplomap.normalize import fold_digits, normalize

__all__ = [
    "CANDIDATE_KINDS",
    "DateCandidate",
    "PublicationDate",
    "find_publication_date",
    "hijri_to_gregorian",
    "jalali_to_gregorian",
    "parse_date",
]

SOURCES = ("header", "dateline", "body", "metadata", "none")
PRECISIONS = ("day", "month", "year")
TOP_CHARS = 1500  # header and dateline are looked for in this many first characters
BODY_CHARS = 20000  # body dates are looked for no further than this
HEADER_DATE_LINES = 6  # a line that is nothing but a date counts among the first N lines
DATELINE_PARAGRAPHS = 4  # "CITY, DATE -" counts at the start of the first N paragraphs
HEADLINE_LINES = 8  # the headline is looked for among the first N lines
# A yearless "on Tuesday, 3 March" lies at most this many days before or after the date
# of the article that reports it.
REF_BEFORE, REF_AFTER = 31, 31
MAX_CANDIDATES = 12
MAX_BODY_CANDIDATES = 3

CANDIDATE_KINDS = (
    "metadata",
    "published",
    "date",
    "date_line",
    "dateline",
    "headline",
    "updated",
    "body",
    "url",
    "clock",
)


@dataclass(frozen=True)
class DateCandidate:
    """One date an article offers, and the kind of place it was read from.

    kind: "metadata"; "published" (a published label); "date" (a plain date label);
    "date_line" (a line that is nothing but a date, by the headline); "dateline"
    ("MOSCOW, Feb 13 -", "... today, 3 February 2021"); "headline" (a date closing the
    headline: "Interview ..., Moscow, April 5, 2023"); "updated" (never chosen); "body" (a full date
    in the text); "url" (the date in the path of the page's own link printed on it, when
    nothing else dates it); "clock" (a site clock or ticker: a "today" line, a date cut off from
    the headline by page furniture, an "updated" line above the headline, or a date the
    article's own "on Tuesday, 3 March" contradicts) - a clock is never chosen.
    """

    date: dt.date
    kind: str
    precision: str
    text: str
    span: tuple[int, int] | None  # None for metadata

    def as_dict(self) -> dict[str, str]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "precision": self.precision,
            "text": self.text,
        }


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published, and where in it this was read."""

    date: dt.date | None
    source: str  # "header" | "dateline" | "body" | "metadata" | "none"
    precision: str | None  # "day" | "month" | "year" | None
    text: str | None  # the matched text the date was read from
    span: tuple[int, int] | None  # character span in the article text (None for metadata)
    # every date considered, in text order (metadata first), chosen or not
    date_candidates: tuple[DateCandidate, ...] = field(default=(), compare=False)


NO_DATE = PublicationDate(None, "none", None, None, None)


# --- kinds, ranks and the page --------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")
_FILLER = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"|(?<![^\W\d_])(?:gmt|utc|msk|msk|est|edt|cet|cest|bst|irst|ast|ص|م|مساء|صباحا"
    r"|ساعت|الساعة|الساعه|ق\.ظ|ب\.ظ|в|at|on|is|today|сегодня|اليوم|امروز)(?![^\W\d_])"
    # a time zone: "Asia/Tehran", "بتوقيت طهران", "به وقت تهران", "по московскому времени",
    # "Moscow time"
    r"|(?<![^\W\d_])(?:africa|america|asia|atlantic|australia|europe|indian|pacific|etc)"
    r"/[a-z_]+(?:/[a-z_]+)?(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:بتوقيت|به\s+وقت)\s+[^\W\d_]+"
    r"|(?<![^\W\d_])по\s+[^\W\d_]+\s+времени(?![^\W\d_])"
    r"|(?<![^\W\d_])[^\W\d_]+\s+time(?![^\W\d_])",
    re.IGNORECASE,
)


# Lower ranks win; a date line above the headline loses to the article's own dateline,
# and a clock never wins.
_RANK = {
    "published": 0,
    "date": 1,
    "date_line": 2,
    "dateline": 3,
    "above": 4,
    "print": 4.5,  # a published label naming the print issue (after the page's own date line)
    # the event's date closing a ministry heading: a date line of the page beside it (a
    # reprint's, a paper's) is the publication's
    "headline": 5,
    "updated": 6,
    "body": 7,
    "clock": 9,
}
# A page's clock, and its "last updated" line anywhere, are recorded but never the date
_NEVER_CHOSEN = frozenset({"clock", "updated"})
_LABEL_KIND = {0: "published", 1: "date", 2: "date_line", 3: "updated", 4: "published"}
# A published label that names the print issue ("Опубликовано в № 102 от", "Published in
# issue No.", «نشر في العدد», «در شماره»): the paper's date, after the page's own date line
_PRINT_LABEL = 4
# ... such a line is no masthead: the page's own date line, if any, comes first
_PUBLISHED_IN_ISSUE_RE = re.compile(
    r"\s*(?:опубликован[оа]?|published|نشر|نشرت|منتشر\s+شده)\s+(?:в\s+(?:№|номере)|in\s+issue|"
    r"في\s+(?:ال)?عدد|در\s+شماره)",
    re.IGNORECASE,
)
_PRINT_ISSUE_RE = re.compile(
    r"\s*(?:в\s+(?:№|номере|газете|выпуске)|in\s+(?:the\s+)?(?:print\s+)?(?:issue|edition)|"
    r"في\s+(?:ال)?عدد|در\s+شماره|شماره)",
    re.IGNORECASE,
)
_SOURCE_OF = {
    "published": "header",
    "date": "header",
    "date_line": "header",
    "updated": "header",
    "dateline": "dateline",
    "headline": "dateline",
    "body": "body",
}


@dataclass(frozen=True, slots=True)
class _Found:
    rank: int
    kind: str  # a CANDIDATE_KINDS value
    cand: _Cand


@dataclass
class _Page:
    """The top of an article: folded text, its lines and date expressions."""

    folded: str
    lines: list[tuple[int, int]]
    starts: list[int]
    cands: list[_Cand]
    ctx: _Ctx
    all_lines: list[tuple[int, int]]  # with the lines inside boilerplate
    head: int = -1  # index of the headline among `lines`, -1 when unknown


def _after_today(folded: str, start: int) -> bool:
    """Is the text just before `start`, on its line, the word "today" (اليوم, امروز,
    сегодня)? (A masthead's name above it, «پیام امروز», is no "today".)"""
    lo = max(start - 40, folded.rfind("\n", 0, start) + 1)
    return bool(_context_patterns()[1].search(_norm_window(folded, lo, start).norm))


# --- find_publication_date -------------------------------------------------------------


_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of text[lo:hi], stripped of surrounding spaces."""
    out = []
    part = text[lo:hi]
    if "\r" in part or "\u2028" in part or "\u2029" in part:
        runs = [m.span() for m in _LINE_RE.finditer(part)]
    else:  # (the common case: split at "\n" without a pattern, several times faster)
        runs = line_runs(part)
    for s, e in runs:
        seg = part[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        if e > s:
            out.append((lo + s, lo + e))
    return out


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _line_of(page: _Page, pos: int) -> int:
    """Index of the line holding `pos`, or -1."""
    i = bisect.bisect_right(page.starts, pos) - 1
    return i if i >= 0 and pos < page.lines[i][1] else -1


def _has_date(page: _Page, ls: int, le: int) -> bool:
    return any(c.full and ls <= c.start < le for c in page.cands)


# --- the headline: what is above it is the site's header --------------------------------


def _same_title(line_key: str, key: str) -> bool:
    if not line_key or not key:
        return False
    short, long = sorted((line_key, key), key=len)
    return short == long or (len(short) >= 12 and long.startswith(short))


def _line_shape(page: _Page, ls: int, le: int) -> str:
    """ "sentence" (article text), "headline" (could be one) or "chrome" (a date line,
    breadcrumb, label, section name)."""
    line = page.folded[ls:le]
    words = len(_WORD.findall(line))
    if le - ls > 250 or words >= 30 or (words >= 6 and _SENTENCE_END.search(line)):
        return "sentence"
    if words < 3 or line.endswith((":", "：")) or is_breadcrumb(line):
        return "chrome"
    if _has_date(page, ls, le) or _context_patterns()[2].match(_norm_window(line, 0, 60).norm):
        return "chrome"
    return "headline"


def _headline_index(page: _Page, title: str) -> int:
    """Index of the headline among the first lines (`title` when it is there), or -1."""
    first = page.lines[:HEADLINE_LINES]
    if title:
        key = _key(fold_digits(title))
        for i, (ls, le) in enumerate(first):
            if le - ls <= 3 * len(title) + 10 and _same_title(_key(page.folded[ls:le]), key):
                return i
    for i, (ls, le) in enumerate(first):
        shape = _line_shape(page, ls, le)
        if shape == "sentence":
            return -1
        if shape == "headline":
            return i
    return -1


# --- candidates and their kinds ---------------------------------------------------------


def _header_found(page: _Page) -> list[_Found]:
    """Labelled dates and date-only lines near the top, each classified."""
    labels = _context_patterns()[2]
    found: list[_Found] = []
    last = max(page.head, 0) + HEADER_DATE_LINES
    for i, (ls, le) in enumerate(page.lines):
        if i == page.head:
            continue
        if _may_hold_a_labelled_date(page, i):
            for label, cand in _labelled(page, i, labels):
                found.append(_classify(page, i, label, cand))
        if i <= last:
            cand = _date_line(page.folded, ls, le, page.cands, page.ctx)
            if (
                _full_date_in(page, ls, le)
                and _is_masthead(page.folded, ls, le)
                and not _PUBLISHED_IN_ISSUE_RE.match(page.folded, ls, le)
            ):
                cand = _masthead_date(page, ls, le)
                if cand is not None:  # a print edition's masthead: its issue's date
                    found.append(_Found(_RANK["date"], "date", cand))
                continue
            if cand is not None:
                found.append(_classify(page, i, 2, cand))
    return found


_ANY_DIGIT = re.compile(r"\d")


def _may_hold_a_labelled_date(page: _Page, i: int) -> bool:
    """A quick test before `_labelled`: a label's date has digits on its line, or is a
    full date opening the next line."""
    ls, le = page.lines[i]
    if _ANY_DIGIT.search(page.folded, ls, le):
        return True
    if i + 1 >= len(page.lines):
        return False
    ns = page.lines[i + 1][0]
    return any(c.full and ns <= c.wstart <= ns + 3 for c in page.cands)


def _full_date_in(page: _Page, ls: int, le: int) -> bool:
    return any(ls <= c.start < le and c.full for c in page.cands)


MASTHEAD_CHARS = 300  # a masthead line lies this near the top of the page
# A newspaper's masthead line: the issue number beside the date ("№5 от 15.01.2020",
# "شماره ۴۹۸۱ | سه‌شنبه ۱۲ مرداد ۱۴۰۰", "رقم العدد [14189]", "Issue No. 412")
_MASTHEAD_RE = re.compile(
    r"№\s*\d|(?<!\w)(?:شماره|العدد|رقم العدد|issue\s+no\.?|no\.)\s*[:：]?\s*\[?\s*\d", re.IGNORECASE
)


# Or a newspaper's name opening a line of its masthead, parts set off by bars, with the
# issue's date and no clock ("جريدة عُمان | الأخبار المحلية | الأربعاء 22 فبراير 2023")
_PAPER_LINE_RE = re.compile(r"\s*(?:جريدة|جريده|صحيفة|صحيفه|روزنامه|газета)\s", re.IGNORECASE)
_CLOCK_RE = re.compile(r"\d{1,2}\s*:\s*\d{2}")


def _is_masthead(folded: str, ls: int, le: int) -> bool:
    """Is text[ls:le] a print edition's masthead line (its date is the issue's)?"""
    if _MASTHEAD_RE.search(folded, ls, le):
        return True
    return (
        _PAPER_LINE_RE.match(folded, ls, le) is not None
        and "|" in folded[ls:le]
        and _CLOCK_RE.search(folded, ls, le) is None
    )


def _masthead_date(page: _Page, ls: int, le: int) -> _Cand | None:
    """The masthead's date: the Gregorian one when the line also gives the Hijri."""
    inside = [c for c in page.cands if ls <= c.start < le and c.full]
    if not inside:
        return None
    gregorian = [c for c in inside if re.search(r"(?:19|20)\d\d", page.folded[c.start : c.end])]
    return (gregorian or inside)[0]


def _labelled(page: _Page, i: int, labels: re.Pattern[str]) -> list[tuple[int, _Cand]]:
    """(label kind, date) for each header label on line i with a date after it."""
    ls, le = page.lines[i]
    folded = page.folded
    nt = _norm_window(folded, ls, le if le - ls <= 150 else min(le, ls + 40))
    out = []
    for lab in labels.finditer(nt.norm):
        start, end = (ls + x for x in nt.to_original(*lab.span()))
        at_start = not _LETTER.search(folded[ls:start]) and start - ls <= 3
        if not at_start and le - ls > 150:
            continue
        kind = next(int(k[1:]) for k, v in lab.groupdict().items() if v)
        if (kind == 0 and _PRINT_ISSUE_RE.match(folded, end)) or (
            kind == 1 and _PUBLISHED_IN_ISSUE_RE.match(folded, ls, le)
        ):
            # «Опубликовано в № 102 от 13.09.2016», «نشر في العدد 15230 بتاريخ»: the print
            # issue's date
            kind = _PRINT_LABEL
        nxt = page.lines[i + 1 : i + 2]
        cand = _labelled_value(folded, end, le, nxt, page.cands, page.ctx)
        if cand is not None:
            out.append((kind, cand))
    return out


def _classify(page: _Page, i: int, label: int, cand: _Cand) -> _Found:
    """A header date's kind: a published label is trusted; a "today" date, and above the
    headline an "updated" line, a date line cut off from the headline by other page
    furniture (breadcrumbs, menus) or showing the current day and time, is the site's
    clock."""
    kind = _LABEL_KIND[label]
    if label == 0:
        return _Found(_RANK[kind], kind, cand)
    if label == _PRINT_LABEL:
        return _Found(_RANK["print"], kind, cand)
    if _after_today(page.folded, cand.wstart) or _beside_the_weather(page, cand):
        return _Found(_RANK["clock"], "clock", cand)
    if 0 <= i < page.head and label != 3 and _under_an_issue_line(page, i):
        # «روزنامه صبح | شماره ۴۲۷۹», then «دوشنبه ۱۰ دی ۱۴۰۳»: the print issue's date
        return _Found(_RANK["print"], kind, cand)
    if 0 <= i < page.head:
        if label == 3 or _live(page, cand):
            return _Found(_RANK["clock"], "clock", cand)
        if _separated(page, i) and not _yesterday_confirms(page, cand):
            return _Found(_RANK["clock"], "clock", cand)
        return _Found(_RANK["above"], kind, cand)
    return _Found(_RANK[kind], kind, cand)


# A temperature: the site's weather widget ("بغداد 21:07 | الأحد 14 أيلول 2025 | 38° م",
# "Moscow +3 °C", "تهران ۲۵ درجه")


def _beside_the_weather(page: _Page, cand: _Cand) -> bool:
    """Does the date's line show the weather (a site's clock and weather widget)?"""
    if "°" not in page.folded and "درج" not in page.folded:
        return False
    i = _line_of(page, cand.start)
    if i < 0:
        return False
    ls, le = page.lines[i]
    return bool(WIDGET_RE.search(page.folded, ls, le))


def _live(page: _Page, cand: _Cand) -> bool:
    """Does the date's line show the current day (or yesterday) with a time of day?"""
    i = _line_of(page, cand.start)
    if i < 0 or cand.date is None or cand.date < page.ctx.today - dt.timedelta(days=1):
        return False
    ls, le = page.lines[i]
    return bool(_TIME.search(page.folded, ls, le))


# "Yesterday Monday" in the story («أمس الاثنين», "вчера, в понедельник», «دیروز دوشنبه»)
_YESTERDAY_RE = re.compile(
    r"(?<!\w)(?:[وف]?[أاإ]مس|yesterday|вчера|د[يی]روز)[\s,]+(?:يوم\s+|в\s+|во\s+|\()?"
    r"([^\W\d_]+(?:\s+شنبه)?)"
)


def _yesterday_confirms(page: _Page, cand: _Cand) -> bool:
    """Does the story's "yesterday, <weekday>" fall on the day before the header's date (a
    paper's date line under its masthead and menu, not a site's clock of a later day)?"""
    if cand.date is None:
        return False
    before = (cand.date - dt.timedelta(days=1)).weekday()
    lookup = _weekday_lookup()
    start = page.lines[page.head][1] if page.head >= 0 else 0
    for m in _YESTERDAY_RE.finditer(page.folded, start):
        word = m.group(1)
        day = lookup.get(_key(word), lookup.get(_key(word.split()[0]), -1))
        if day == before:
            return True
    return False


# A newspaper's issue number on its masthead ("شماره ۴۲۷۹", "العدد 18874", "№ 151",
# "Выпуск № 17", "Issue No. 412")
_ISSUE_NUMBER_RE = re.compile(
    r"(?<!\w)(?:شماره|العدد|رقم\s+العدد|выпуск|issue\s+no\.?|no\.)\s*[:：]?\s*№?\s*\d|№\s*\d",
    re.IGNORECASE,
)


def _under_an_issue_line(page: _Page, i: int) -> bool:
    """Does line i, or the line right above it, carry the paper's issue number?"""
    return any(_ISSUE_NUMBER_RE.search(page.folded, *page.lines[j]) for j in (i - 1, i) if j >= 0)


def _separated(page: _Page, i: int) -> bool:
    """Is the site's menu or a breadcrumb between line i and the headline (the date
    belongs to the page's header, not to the article under it)? A section label, a
    kicker or the article's byline between them does not separate."""
    lo, hi = page.lines[i][1], page.lines[page.head][0]
    for ls, le in page.all_lines:
        if ls < lo or le > hi:
            continue
        if is_breadcrumb(page.folded[ls:le]):
            return True
    return False


def _weekday_refs(page: _Page) -> list[_Cand]:
    """Yearless dates with a weekday in the article's text ("on Tuesday, 3 March")."""
    refs = []
    for c in page.cands:
        if not c.yearless or c.weekday < 0:
            continue
        i = _line_of(page, c.start)
        if i < 0 or i < page.head:
            continue
        ls, le = page.lines[i]
        if (le - ls) - (c.end - c.wstart) >= 25:  # in a sentence, not on a date line
            refs.append(c)
    return refs


def _fits(date: dt.date, refs: Sequence[_Cand]) -> bool:
    """Could an article of `date` speak of one of these yearless days? It falls at most
    REF_BEFORE days before or REF_AFTER days after the date (a writer's slip on the
    weekday, "Monday 13 Aban" for a Sunday, does not make the date a clock's)."""
    if not refs:
        return True
    for r in refs:
        years = (-1, 0, 1) if r.cal == GREGORIAN else (-622, -621)
        for dy in years:
            day = _to_gregorian(r.cal, date.year + dy, r.month, r.day)
            if day and -REF_BEFORE <= (day - date).days <= REF_AFTER:
                return True
    return False


def _checked(found: _Found, refs: Sequence[_Cand]) -> _Found:
    """A header date the article's own weekday-dates contradict is a clock."""
    if found.kind in ("published", "clock") or found.cand.date is None:
        return found
    if found.cand.precision == "day" and not _fits(found.cand.date, refs):
        return _Found(_RANK["clock"], "clock", found.cand)
    return found


def _gap_ok(folded: str, start: int, end: int) -> bool:
    """Is folded[start:end] a short separator between a label and its date?"""
    gap = folded[start:end]
    return len(gap) <= 30 and len(_LETTER.findall(gap)) <= 6


def _labelled_value(
    folded: str,
    start: int,
    line_end: int,
    next_line: list[tuple[int, int]],
    cands: list[_Cand],
    ctx: _Ctx,
) -> _Cand | None:
    """The date after a header label (same line, or alone on the next line)."""
    for c in cands:
        if c.full and start <= c.wstart <= line_end and _gap_ok(folded, start, c.wstart):
            return c
    year = _bare_year(folded, start, line_end, ctx)
    if year is not None and _gap_ok(folded, start, year.start):
        rest = _FILLER.sub("", folded[year.end : line_end])
        if not _DIGITS.search(rest) and len(_LETTER.findall(rest)) <= 3:
            return year
    rest = folded[start:line_end].strip(" \t:：-–—|,،")
    if not rest and next_line:
        ns = next_line[0][0]
        for c in cands:
            if c.full and ns <= c.wstart <= ns + 3:
                return c
        return None
    if rest and _YEAR4.search(rest) and not any(start <= c.start < line_end for c in cands):
        value = folded[start:line_end][:80]
        offset = start + value.find(rest[:10]) if rest[:10] in value else start
        parsed = _fallback(value.strip(" \t:：-–—|,،"), ctx)
        if parsed:
            end = min(line_end, offset + len(rest))
            return _Cand(offset, end, parsed[0], parsed[1], wstart=offset)
    if rest and (two := _TWO_DIGIT_YEAR_RE.match(rest)) is not None:
        return _two_digit_year_date(two, folded.find(rest, start), ctx)
    return None


# A labelled date with a two-digit year ("Published: 10.27.23, 14:32"): only after a label
_TWO_DIGIT_YEAR_RE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?!\d)")


# A two-digit year with the time right after it: a page's date stamp ("BY JORDAN MALLOY -
# 11/27/23 2:18 PM ET", "27.11.23 14:18"), not a ratio or a score
_CLOCKED_SHORT_YEAR_RE = re.compile(
    r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{2}),?\s+\d{1,2}:\d{2}(?!\d)"
)


# ... or the time before it ("15:41, 23.05.25", UNIAN's stamp)
_CLOCK_FIRST_SHORT_YEAR_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?[,،]?\s+(\d{1,2})([./-])(\d{1,2})\2(\d{2})"
    r"(?![\d./-])"
)


def _with_clocked_short_years(
    folded: str, top: int, cands: list[_Cand], ctx: _Ctx, spans: Sequence[tuple[int, int]]
) -> list[_Cand]:
    """The candidates, with the two-digit-year dates stamped with a time that no other
    candidate covers (looked for before each clock's colon: pages have few)."""
    extra = []
    colon = folded.find(":", 0, top)
    while colon > 0:
        if folded[colon - 1].isdigit() and folded[colon + 1 : colon + 3].isdigit():
            m = _CLOCKED_SHORT_YEAR_RE.search(folded, max(0, colon - 20), colon + 4) or (
                _CLOCK_FIRST_SHORT_YEAR_RE.search(folded, max(0, colon - 2), colon + 20)
            )
            line_start = folded.rfind("\n", 0, m.start()) + 1 if m is not None else 0
            if (
                m is not None
                and not folded[line_start : m.start()].rstrip().endswith((":", "："))  # a label's
                and not _overlaps(m.span(), spans)
                and not any(c.start < m.end() and m.start() < c.end for c in cands)
                and (cand := _two_digit_year_date(m, 0, ctx)) is not None
            ):
                extra.append(cand)
        colon = folded.find(":", colon + 1, top)
    return sorted([*cands, *extra], key=lambda c: c.start) if extra else cands


def _two_digit_year_date(m: re.Match[str], offset: int, ctx: _Ctx) -> _Cand | None:
    """Month first in English when it can be (day first when the first number is over
    12), day first elsewhere; the century that keeps the date before tomorrow."""
    a, b, yy = int(m.group(1)), int(m.group(3)), int(m.group(4))
    year = 2000 + yy if 2000 + yy <= ctx.latest.year else 1900 + yy
    orders = [(a, b), (b, a)] if ctx.lang == "en" else [(b, a), (a, b)]
    for month, day in orders:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= ctx.latest:
            start = offset + m.start(1)
            return _Cand(start, offset + m.end(4), date, "day", wstart=start)
    return None


def _date_line(folded: str, ls: int, le: int, cands: list[_Cand], ctx: _Ctx) -> _Cand | None:
    """The date of a line that is nothing but a date (with weekday, time, zone), or of a
    line of parts set off by bars or dots one of which is ("Политика | 16 мая 2024 г. в
    13:20 | Просмотров: 2 417", "AFP · World · Sun 24 Jul 2022 · 16:38 GMT")."""
    whole = _date_only(folded, ls, le, cands, ctx)
    if whole is not None or le - ls > _MAX_PARTS_LINE:
        return whole
    cuts = [x for m in _PART_SEP_RE.finditer(folded, ls, le) for x in m.span()]
    bounds = [ls, *cuts, le]
    for start, end in zip(bounds[::2], bounds[1::2], strict=True) if cuts else ():
        if (part := _date_only(folded, start, end, cands, ctx)) is not None:
            return part
    return None


_MAX_PARTS_LINE = 160
_PART_SEP_RE = re.compile(r"\s[|·•/]\s")


_GLUED_RUBRIC_RE = re.compile(r"\s*[A-ZА-ЯЁ]{3,}")


def _date_only(folded: str, ls: int, le: int, cands: list[_Cand], ctx: _Ctx) -> _Cand | None:
    """The date of text[ls:le] when it is nothing but a date (with weekday, time, zone)."""
    if le - ls > 100:
        return None
    inside = [c for c in cands if ls <= c.start < le and c.full]
    if not inside:
        if re.fullmatch(r"\d{4}", folded[ls:le]):
            return _bare_year(folded, ls, le, ctx)
        return None
    rest = []
    pos = ls
    for c in inside:
        rest.append(folded[pos : c.wstart])
        pos = c.end
    rest.append(folded[pos:le])
    if _GLUED_RUBRIC_RE.fullmatch(rest[0]):
        rest[0] = ""  # a rubric run into the date: "МИГРАНТЫ05.04.2024 18:36"
    leftover = _FILLER.sub(" ", " ".join(rest))
    if len(_LETTER.findall(leftover)) > 6:  # "13.02.2024 (updated: 14.02.2024)", "..., Monday"
        after = _context_patterns()[2].sub(" ", normalize(_FILLER.sub(" ", " ".join(rest[1:]))))
        leftover = _weekday_words().sub(" ", normalize(_FILLER.sub(" ", rest[0])) + " " + after)
    if len(_LETTER.findall(leftover)) > 6:
        return None
    # a line in several calendars: the Gregorian date, exact where a Hijri one may be a
    # day off ("الإثنين 02 تير 1404 - 26 ذو الحجة 1446 - 23 يونيو 2025")
    return next((c for c in inside if c.cal == GREGORIAN), inside[0])


_DATELINE_PREFIX = re.compile(
    r"[^\W\d_][\w\s.'’\-/]{0,40}?\s*(?:\([^()\d]{1,30}\)\s*)?[,،\-–—:]\s*"
)
_DATELINE_SUFFIX = re.compile(r"\s*\.?\s*(?:\([^()\d]{1,30}\)|/[^/\d]{1,30}/)?\s*(?:[-–—:.]|$)")


def _dateline(page: _Page, header_year: int | None, taken: set[int]) -> _Cand | None:
    """A date opening one of the first paragraphs, or "today <date>" in a sentence."""
    found: list[_Cand] = []
    folded = page.folded
    for ls, le in page.lines[page.head + 1 :][:DATELINE_PARAGRAPHS]:
        for c in page.cands:
            if not (ls <= c.wstart <= ls + 60 and c.start < le) or c.start in taken:
                continue
            prefix = folded[ls : c.wstart]
            suffix_ok = bool(_DATELINE_SUFFIX.match(folded, c.end, le))
            if prefix.strip():
                if not _DATELINE_PREFIX.fullmatch(prefix) or len(prefix.split()) > 5:
                    continue
            elif not suffix_ok:
                continue
            if c.full:
                found.append(c)
            elif c.yearless and c.cal == GREGORIAN and header_year and suffix_ok:
                date = _to_gregorian(GREGORIAN, header_year, c.month, c.day)
                if date:
                    found.append(_Cand(c.start, c.end, date, "day", wstart=c.wstart))
            break
    for c in page.cands:
        if not c.full or c.precision != "day" or c.start in taken:
            continue
        if _line_of(page, c.start) >= page.head and _after_today(folded, c.wstart):
            found.append(c)
            break
    return min(found, key=lambda c: c.start) if found else None


def _headline_date(page: _Page) -> _Cand | None:
    """A date closing the headline ("Interview ..., Moscow, April 5, 2023", "..., القاهرة،
    24 يوليو 2022"): the Foreign Ministry's transcripts are dated so."""
    if page.head < 0:
        return None
    ls, le = page.lines[page.head]
    for c in page.cands:
        if not (c.full and c.precision == "day" and ls < c.wstart and c.end <= le):
            continue
        before = page.folded[ls : c.wstart].rstrip()
        after = _FILLER.sub("", page.folded[c.end : le])
        if before.endswith((",", "،", "-", "–", "—", "|", "(")) and not _LETTER.search(after):
            return c
    return None


def _body_found(
    text: str, page: _Page, spans: Sequence[tuple[int, int]], refs: list[_Cand], taken: set[int]
) -> list[_Found]:
    """Full dates of the text below the headline, in order, up to the first that fits the
    article's weekday-dates (the last resort)."""
    folded, cands = page.folded, list(page.cands)
    top = min(len(text), TOP_CHARS)
    if len(text) > TOP_CHARS:
        folded += _fold(text[TOP_CHARS + 100 : BODY_CHARS + 100])
        cands += _scan(folded, top, min(len(folded), BODY_CHARS), page.ctx)
    head_start = page.lines[page.head][0] if page.head >= 0 else 0
    out: list[_Found] = []
    for c in cands:
        if not c.full or c.precision != "day" or c.start in taken or c.start < head_start:
            continue
        if _overlaps((c.wstart, c.end), spans):
            continue
        fits = _fits(c.date, refs)  # type: ignore[arg-type]
        out.append(_Found(_RANK["body"] if fits else _RANK["clock"], "body", c))
        if fits or len(out) >= MAX_BODY_CANDIDATES:
            break
    return out


def _less_masthead(folded: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The boilerplate spans less a print edition's masthead line at the top of the page
    (issue number and date, "روزنامه اعتماد | شماره ۶۱۲۴ | یکشنبه ۶ مهر ۱۴۰۴ | صفحه ۴"):
    cut as page furniture (alone or with the menu above it), it still gives the issue's
    date."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if a >= MASTHEAD_CHARS:
            out.append((a, b))
            continue
        kept = a
        for ls, le in _lines(folded, a, min(b, len(folded))):
            if le <= MASTHEAD_CHARS and _is_masthead(folded, ls, le):
                if ls > kept:
                    out.append((kept, ls))
                kept = le
        if kept < b:
            out.append((kept, b))
    return out


def _text_dates(
    text: str, ctx: _Ctx, title: str, spans: Sequence[tuple[int, int]], body: bool
) -> list[_Found]:
    """Every candidate date of the text, classified; the winner has the lowest rank."""
    top = min(len(text), TOP_CHARS)
    folded = _fold(text[: TOP_CHARS + 100])
    spans = _less_masthead(folded, spans)
    cands = [c for c in _scan(folded, 0, top, ctx) if not _overlaps((c.wstart, c.end), spans)]
    cands = _with_clocked_short_years(folded, top, cands, ctx, spans)
    all_lines = _lines(folded, 0, top)
    lines = [ln for ln in all_lines if not _overlaps(ln, spans)]
    page = _Page(folded, lines, [ln[0] for ln in lines], cands, ctx, all_lines)
    page.head = _headline_index(page, title)
    refs = _weekday_refs(page)
    found = [_checked(f, refs) for f in _header_found(page)]
    taken = {f.cand.start for f in found}
    chronology = is_chronology(page.folded, page.lines[page.head + 1 :], page.cands)
    if chronology:  # its years and dated entries are the events', not the page's date
        entries = chronology_entry_starts(page.lines[page.head + 1 :], page.cands)
        found = [f for f in found if not _chronology_entry(page, f, entries)]
    header = _best(f for f in found if f.rank <= _RANK["date_line"])
    year = header.cand.date.year if header and header.cand.precision == "year" else None
    dateline = None if chronology else _dateline(page, year, taken)
    own = _headline_date(page)
    if own is not None:
        found.append(_Found(_RANK["headline"], "headline", own))
        taken.add(own.start)
    if dateline is not None:
        rank = _RANK["dateline"]
        if header and header.cand.precision != "day" and _consistent(dateline, header.cand):
            rank = -1  # a day-precise dateline inside a coarse header date
        found.append(_Found(rank, "dateline", dateline))
    if body and not chronology and _best(found) is None:
        in_body = _body_found(text, page, spans, refs, taken)
        if (own := _yearless_date_line(page)) is not None:
            # the page's own date has no year: only the body's date of that very day
            # gives it one ("Среда, 27 ноября" and later "27 ноября 2024 года")
            in_body = [f for f in in_body if _same_day(own, f.cand.date)]
        found += in_body
    return found


_YEARLESS_LINE_WORDS = 8


def _chronology_entry(page: _Page, found: _Found, entries: frozenset[int]) -> bool:
    """Is a date line of a chronology one of its entries (a year alone, or one of its
    dates alone over an entry's text past its first paragraph), not the page's own?"""
    if found.kind != "date_line" or found.cand.precision == "year":
        return found.kind == "date_line"
    if page.lines[_line_of(page, found.cand.start)][0] not in entries:
        return False
    under = page.lines[page.head + 1 :]
    text_at = next((ls for ls, le in under if _line_shape(page, ls, le) == "sentence"), None)
    return text_at is not None and found.cand.start > text_at


def _same_day(yearless: _Cand, date: dt.date | None) -> bool:
    """Is `date` the day and month of a yearless date in its calendar?"""
    if date is None:
        return False
    if yearless.cal == JALALI:
        return any(
            jalali_to_gregorian(y, yearless.month, yearless.day) == date
            for y in (date.year - 622, date.year - 621)
        )
    return yearless.cal == GREGORIAN and (date.month, date.day) == (yearless.month, yearless.day)


def _yearless_date_line(page: _Page) -> _Cand | None:
    """The article's own date line, by the headline, when it gives a day and a month but
    no year («دوشنبه ۳ مهر - ۱۲:۱۵», "Среда, 27 ноября, 20:10")."""
    if page.head < 0:
        return None
    for ls, le in page.lines[page.head + 1 : page.head + 4]:
        for c in page.cands:
            if ls <= c.start < le and c.date is None and c.month:
                return c if len(page.folded[ls:le].split()) <= _YEARLESS_LINE_WORDS else None
    return None


def _best(found: Iterable[_Found]) -> _Found | None:
    usable = [f for f in found if f.kind not in _NEVER_CHOSEN and f.rank < _RANK["clock"]]
    if not usable:
        return None
    best = min(usable, key=lambda f: (f.rank, f.cand.start))
    if best.rank != _RANK["above"]:
        return best
    # two different full dates above the headline: the site's clock shows today, a later
    # day than the article's («سه‌شنبه ۰۶ آذر ۱۴۰۳ - ساعت :» over «۲۵ اردیبهشت ۱۳۹۸»)
    above = [f for f in usable if f.rank == best.rank and f.cand.date and f.cand.precision == "day"]
    return min(above, key=lambda f: (f.cand.date, f.cand.start)) if above else best


def _candidates(text: str, found: list[_Found]) -> tuple[DateCandidate, ...]:
    """The candidates in text order, one per date expression (its best kind)."""
    best: dict[int, _Found] = {}
    for f in found:
        old = best.get(f.cand.start)
        if old is None or f.rank < old.rank:
            best[f.cand.start] = f
    out = []
    for f in sorted(best.values(), key=lambda f: f.cand.start)[:MAX_CANDIDATES]:
        c = f.cand
        start = c.wstart if c.wstart >= 0 else c.start
        kind = "clock" if f.rank >= _RANK["clock"] else f.kind
        out.append(DateCandidate(c.date, kind, c.precision, text[start : c.end], (start, c.end)))  # type: ignore[arg-type]
    return tuple(out)


def find_publication_date(
    text: str,
    lang: str,
    *,
    metadata: str | None = None,
    title: str = "",
    boilerplate: Sequence[tuple[int, int]] = (),
    today: dt.date | None = None,
) -> PublicationDate:
    """When `text` was published, and where this was read; never a guess.

    `metadata` (a date value from the page's metadata or a CSV column) wins when it
    parses. Otherwise the article's own date: a "published" label, a plain date label or
    a date-only line by the headline, then a dateline ("MOSCOW, Feb 13 (Reuters) -",
    "... today, Wednesday 3 February 2021"), then a date line above the headline, and
    last the first full date in the body. A site clock or ticker (a "today" line, a date
    cut off from the headline by breadcrumbs, a date the article's own "on Tuesday,
    3 March" contradicts) and an "updated" line are never the date. Dates inside `boilerplate` spans are ignored. With no date: date
    None, source "none". Every date considered is in `date_candidates`.
    """
    today = today or dt.date.today()
    meta = None
    if metadata and isinstance(metadata, str):
        parsed = parse_date(metadata, lang, today=today)
        if parsed:
            meta = DateCandidate(parsed[0], "metadata", parsed[1], metadata.strip(), None)
    found: list[_Found] = []
    if text:
        ctx = _make_ctx(lang, today, text[:2000])
        found = _text_dates(text, ctx, title, [tuple(s) for s in boilerplate], meta is None)
    cands = _candidates(text, found)
    if meta is not None:
        return PublicationDate(
            meta.date, "metadata", meta.precision, meta.text, None, (meta, *cands)
        )
    best = _best(found)
    weak = best is None or best.kind == "body"  # the footer of the print edition beats these
    if weak and text and (footer := print_footer(text, ctx)) is not None:
        start = footer.wstart if footer.wstart >= 0 else footer.start
        cand = DateCandidate(
            footer.date,
            "published",
            footer.precision,
            text[start : footer.end],
            (start, footer.end),
        )  # type: ignore[arg-type]
        return PublicationDate(
            footer.date, "header", footer.precision, cand.text, cand.span, (*cands, cand)
        )
    if best is None and text and (link := permalink_date(text, today, boilerplate)) is not None:
        # the page's permanent link the only full date: ".../2019/04/16/..."
        day, written, span = link
        url = DateCandidate(day, "url", "day", written, span)  # type: ignore[arg-type]
        return PublicationDate(day, "url", "day", written, span, (*cands, url))
    if best is None:
        return replace(NO_DATE, date_candidates=cands)
    c = best.cand
    start = c.wstart if c.wstart >= 0 else c.start
    return PublicationDate(
        c.date, _SOURCE_OF[best.kind], c.precision, text[start : c.end], (start, c.end), cands
    )


def _consistent(day: _Cand, coarse: _Cand) -> bool:
    """Does a day-precision date fall within a month- or year-precision one?"""
    if day.date is None or coarse.date is None or day.precision != "day":
        return False
    if coarse.precision == "year":
        return day.date.year == coarse.date.year
    return (day.date.year, day.date.month) == (coarse.date.year, coarse.date.month)
