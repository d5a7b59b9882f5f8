"""Sentences: the article's sentences outside the boilerplate, with their paragraphs.

Lines are hard breaks; within a line a sentence ends at . ! ? ؟ … followed by a new
sentence, except inside short quotations and after abbreviations, initials and list
numbers.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap.extract.common import ends_sentence, line_runs

__all__ = ["Sentence", "split_sentences"]

# --- sentences ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # span in text, stripped of surrounding whitespace
    paragraph: int  # index of the paragraph (line block) it belongs to


# The lookbehind makes a match start only at the beginning of a punctuation run: without
# it, "?" * 100000 is tried from every position of the run (quadratic, minutes). It
# follows the first mark (the same matches): a pattern that opens with a character class
# lets the engine skip to the next mark in C, four times faster than an assertion first.
_BOUNDARY_RE = re.compile(
    r"[.!?؟…](?<![.!?؟…][.!?؟…])[.!?؟…]*[\"»”’')\]]*"
    # a space after it, or a lost space: "he said.Lavrov", "سياسي.وأضاف" (see _glued_ok)
    r"(?=\s+\S|[A-ZА-ЯЁ][a-zа-яё]|[\u0621-\u064a\u067e-\u06cc]{2})"
)
# (or a closing quotation mark after them: 'للقمة".وأعرب')
_LETTERS_BEFORE_RE = re.compile(
    r"(?:[a-zа-яё]{2}|[\u0621-\u064a\u067e-\u06cc]{2}|[a-zа-яё\u0621-\u064a\u067e-\u06cc][\"»”’)])$"
)


def _glued_ok(seg: str, m: re.Match[str]) -> bool:
    """A boundary without a space counts after two lower-case (or Arabic-script)
    letters, or one and a closing quotation mark: "said.Lavrov" and 'للقمة".وأعرب' yes,
    "U.S.Embassy" and "د.العيسى" no."""
    if seg[m.end() : m.end() + 1].isspace():
        return True
    return bool(_LETTERS_BEFORE_RE.search(seg, max(0, m.start() - 3), m.start()))


_QUOTE_CHAR_RE = re.compile(r"[«»“”„\"]")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "г",
        "гг",
        "т",
        "тт",
        "ул",
        "им",
        "см",
        "стр",
        "руб",
        "млн",
        "млрд",
        "тыс",
        "др",
        "пр",
        "проф",
        "акад",
        "вв",
        "н",
        "э",
        "ср",
        "напр",
        "ред",
        "изд",
        "и",
        "о",
        "обл",
        "р",
        "д",
    ]
)
_CASED_RE = re.compile(r"[A-Za-zÀ-ɏЀ-ԯ]")
_MAX_QUOTE = 700


def _quote_regions(s: str, open_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Spans of quotations in `s` that close within _MAX_QUOTE characters.

    Returns (regions, still_open): still_open when a quotation is open at the end.
    With open_at_start, a closing mark before any opening one closes a quotation that
    began before `s` (the region then starts at 0).
    """
    if not ("«" in s or "»" in s or "“" in s or "”" in s or "„" in s or '"' in s):
        return [], False  # (most sentences quote nothing: ten times faster than the scan)
    regions, open_pos = quote_scan(s, open_at_start)
    return regions, open_pos >= 0


def quote_scan(s: str, open_at_start: bool = False) -> tuple[list[tuple[int, int]], int]:
    """(regions, open_pos): `_quote_regions`' regions, and where the quotation open at the
    end of `s` opens (-1: none is)."""
    regions: list[tuple[int, int]] = []
    open_pos = -1
    open_ch = ""
    depth = 0
    pending_start = open_at_start
    closers = {"«": "»", "“": "”", "„": "“”", '"': '"'}
    for m in _QUOTE_CHAR_RE.finditer(s):
        p, q = m.start(), m.group()
        if open_pos >= 0:
            if q == open_ch and q in "«“" and q not in closers[open_ch]:
                depth += 1
                continue
            if q in closers[open_ch]:
                if depth:
                    depth -= 1
                    continue
                if p - open_pos <= _MAX_QUOTE:
                    regions.append((open_pos, p + 1))
                    open_pos = -1
                    continue
                open_pos = -1  # too long: forget it, reconsider q as an opener below
            else:
                continue
        prev = s[p - 1] if p else " "
        nxt = s[p + 1] if p + 1 < len(s) else " "
        if q in "»”" or (q == '"' and not prev.isspace() and (nxt.isspace() or not nxt.isalnum())):
            if pending_start and not regions:
                regions.append((0, p + 1))
            pending_start = False
            continue
        if q == "“" and pending_start and not regions and not prev.isspace() and p:
            regions.append((0, p + 1))
            pending_start = False
            continue
        open_pos, open_ch, depth = p, q, 0
    return regions, open_pos


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Is pos strictly inside one of the sorted, disjoint regions?"""
    k = bisect.bisect_left(regions, (pos, -1)) - 1
    return k >= 0 and regions[k][0] < pos < regions[k][1]


def _paragraphs(text: str, lang: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_title_line) of paragraphs; hard wraps are joined: a Latin/Cyrillic
    line going on in small letters, and in any script a line as long as the text's
    wrapping width (a PDF's or an e-mail's text) going on without a break."""
    lines = [(s, e) for s, e in line_runs(text) if not text[s:e].isspace()]
    width = _wrap_width(text, lines)
    paras: list[list[int]] = []
    prev_end = -1
    for s, e in lines:
        raw = text[s:e].strip()
        if (
            paras
            and "\n\n" not in text[prev_end:s].replace("\r", "")
            and (
                (lang in ("ru", "en") and raw[:1].islower())
                or (width and _wrapped(text[paras[-1][0] : prev_end], raw, width))
            )
            and not ends_sentence(text[paras[-1][0] : paras[-1][1]])
        ):
            paras[-1][1] = e
        else:
            paras.append([s, e])
        prev_end = e
    out = []
    for k, (s, e) in enumerate(paras):
        seg = text[s:e]
        title = (
            k == 0
            and "\n" not in seg.strip()
            and not ends_sentence(seg)
            and len(seg.split()) <= _MAX_TITLE_WORDS  # (a story run into one line is none)
        )
        out.append((s, e, title))
    return out


_LETTER_RE = re.compile(r"[^\W\d_]")
_MAX_TITLE_WORDS = 40  # a first line longer than this is no headline kept whole
_MIN_WRAPPED = 40  # a shorter line is no wrapped one (a headline, a label, a list item)
_MIN_WRAPS = 4  # lines near the width that go on: the text is hard-wrapped
# A line that starts an item of its own: a bullet, a number, a box's border, a caption's
# "[Photo]" (not a label: "جنوبی: ارتباطات" may go on a wrapped line)
_ITEM_START_RE = re.compile(r"[-–—•*·▪►■●│┌└├|>#\[]|\d{1,2}[.)-]\s")


def _wrap_width(text: str, lines: Sequence[tuple[int, int]]) -> int | None:
    """The width a hard-wrapped text was wrapped at (the median length of the lines that
    go on without a break and end no sentence), or None when the text is not wrapped:
    fewer than four such lines lie near that width, or more than a tenth of its lines
    are longer."""
    going_on = []
    for (s, e), (s2, _e2) in itertools.pairwise(lines):
        raw = text[s:e].rstrip()
        if (
            "\n\n" not in text[e:s2].replace("\r", "")
            and len(raw) >= _MIN_WRAPPED
            and not ends_sentence(raw)
            and not raw.endswith((":", "："))
        ):
            going_on.append(len(raw))
    if len(going_on) < _MIN_WRAPS:
        return None
    width = sorted(going_on)[len(going_on) // 2]
    near = sum(1 for n in going_on if 0.85 * width <= n <= 1.05 * width)
    # and hardly a line of text much longer (a live blog's entries: headlines over long
    # paragraphs), not counting rules and a print page's running heads ("۱۲ | بین‌الملل |")
    longer = sum(
        1
        for s, e in lines
        if e - s > 1.25 * width and text.count("|", s, e) < 2 and _LETTER_RE.search(text, s, e)
    )
    return width if near >= _MIN_WRAPS and longer <= 0.1 * len(lines) else None


def _wrapped(before: str, line: str, width: int) -> bool:
    """Does `line` go on from the line before it, broken at the wrapping width?"""
    last = before[before.rfind("\n") + 1 :].rstrip()
    return (
        len(last) >= 0.8 * width
        and not last.endswith((":", "："))
        and _ITEM_START_RE.match(line) is None
    )


def _subtract(start: int, end: int, skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    segs = [(start, end)]
    for a, b in skip:
        if b <= start or a >= end:
            continue
        nxt = []
        for s, e in segs:
            if b <= s or a >= e:
                nxt.append((s, e))
                continue
            if s < a:
                nxt.append((s, a))
            if b < e:
                nxt.append((b, e))
        segs = nxt
    return segs


def _split_segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    seg = text[start:end]
    regions, _ = _quote_regions(seg)
    cuts = []
    first_token_end = len(seg) - len(seg.lstrip())
    m0 = _FIRST_TOKEN_RE.match(seg)
    if m0:
        first_token_end = m0.end()
    for m in _BOUNDARY_RE.finditer(seg):
        e = m.end()
        if regions and _inside(e, regions):
            continue
        if not _glued_ok(seg, m):
            continue
        after = _SPACES_RE.match(seg, e).end()
        nxt = seg[after]
        if _CASED_RE.match(nxt) and not nxt.isupper():
            continue
        punct = m.group()
        if punct[-1] in _CLOSING_QUOTES and _REPORTING_AFTER_QUOTE_RE.match(seg, after):
            continue  # '"... using Ukrainian people..." Mr Lavrov said': one sentence
        if punct.rstrip("\"»”’')]") == "." and _no_split_after_dot(seg, m.start(), first_token_end):
            continue
        cuts.append(e)
    out = []
    s = 0
    for c in [*cuts, len(seg)]:
        piece = seg[s:c]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body and _ALNUM_RE.search(body):
            a = start + s + lead
            out.append((a, a + len(body)))
        s = c
    return out


# A quotation that ends on its own full stop, question mark or ellipsis, then the reporting
# clause ("Who are you to lecture me?" Lavrov asked.): the clause belongs to the quotation
_CLOSING_QUOTES = frozenset("\"”»’'")
_REPORTING_AFTER_QUOTE_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+"
    r"(?:said|says|asked|asks|told|added|replied|retorted|snapped|quipped|remarked|"
    r"continued|insisted|declared|exclaimed|wrote|shot\s+back)"
    # the clause ends there ("Mr Lavrov said, before ...", "Lavrov told reporters."), not
    # "Lavrov said that ..." (a statement of its own)
    r"(?:\s+(?:reporters|journalists|the\s+\w+|an?\s+\w+))?\s*[,.;!?]"
)
_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")
_FIRST_TOKEN_RE = re.compile(r"\s*\S+")
_ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() holds
_DOTTED_RE = re.compile(r"(?:\w\.)+\w")
_SPACES_RE = re.compile(r"\s*")


def _no_split_after_dot(seg: str, dot: int, first_token_end: int) -> bool:
    m = _TOKEN_BEFORE_RE.search(seg, max(0, dot - 40), dot)
    if not m:
        return False
    token = m.group(1).lstrip("\"«“„'([")
    if not token:
        return False
    low = token.lower()
    if low in _ABBREV or low.rstrip(".") in _ABBREV:
        return True
    if len(token) == 1 and token.isalpha():  # initial, Arabic د. ...
        return True
    if _DOTTED_RE.fullmatch(token):  # U.S, т.е, U.N
        return True
    return token.isdigit() and dot <= first_token_end  # list number "1. ..."


def split_sentences(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Sentence]:
    """Sentences outside the skip spans (boilerplate), in order."""
    skip = sorted(skip)
    out: list[Sentence] = []
    for p_idx, (ps, pe, title) in enumerate(_paragraphs(text, lang)):
        for s, e in _subtract(ps, pe, skip):
            if title and (s, e) == (ps, pe):
                body = text[s:e]
                a = s + len(body) - len(body.lstrip())
                out.append(Sentence(a, a + len(body.strip()), p_idx))
                continue
            out.extend(Sentence(a, b, p_idx) for a, b in _split_segment(text, s, e))
    return out
