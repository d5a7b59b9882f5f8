"""Which outlet published an article: the Source column.

In order of trust:

1. the article's metadata (a page's site name, a CSV/JSON `source` column), mapped to
   the outlet's usual name when `data/outlets.csv` knows it, else kept as given;
2. its URL's domain, when the outlets file knows it;
3. a source line in the text: "المصدر: …", "مصدر: …", "منبع: …", "Источник: …",
   "Source: …";
4. an agency credit near the top: "به گزارش ایرنا،", "به گزارش خبرگزاری …،", "(وكالة …)",
   "/ТАСС/.", "— РИА Новости.", "DOHA (Reuters) -", "نقلا عن وكالة …".

Unknown outlets named in a source line or a credit are kept as written (cleaned,
shortened); an article with none of these has no source (None).
"""

from __future__ import annotations

import re

from diplomap.extract.outlets import canonical_outlet, find_outlets
from diplomap.normalize import normalize

__all__ = ["find_source"]

_HEAD_CHARS = 600  # credits and datelines sit at the top of a story
_MAX_NAME = 60

# "Source: X" as a line of its own (any of the four languages)
_SOURCE_LINE_RE = re.compile(
    r"^[ \t\-–—•*]*(?:المصدر|مصدر|منبع|منابع|источник|source|sources)\s*[:：]\s*(?P<name>[^\n]{2,80})$",
    re.IGNORECASE | re.MULTILINE,
)
# Credits: the outlet's name between the marker and the end of the clause
_CREDIT_RES = [
    re.compile(
        r"به\s+گزارش\s+(?:گروه\s+\S+\s+)?(?P<name>[^،,.:\n]{2,60}?)\s*(?:[،,:]|\s+از\s|\s+به\s+نقل)"
    ),
    re.compile(r"[(/]\s*(?P<name>(?:وكالة|وكاله)\s+[^()\n/]{2,50}?)\s*[)/]"),
    re.compile(r"/(?P<name>[A-ZА-ЯЁ][^/\n]{1,30}?)/\s*\."),  # "/ТАСС/." (never a breadcrumb)
    re.compile(r"[—–-]\s*(?P<name>РИА\s+Новости|Интерфакс|ТАСС|RT|Спутник)\s*[.,]"),
    re.compile(r"\(\s*(?P<name>[A-Z][A-Za-z .&'-]{1,40}?)\s*\)\s*[-—–]"),
    re.compile(r"\(\s*(?P<name>[^()\n]{2,40}?)\s*\)\s*[-—–]"),
    re.compile(
        r"(?:نقلا\s+عن|بحسب|وفقا\s+ل|ذكرت|أفادت|افادت|نقلت)\s*"
        r"(?P<name>(?:وكالة|وكاله|صحيفة|صحيفه|قناة|قناه)\s+[^،,.\n]{2,50})"
    ),
    re.compile(r"(?:according\s+to|citing)\s+(?P<name>(?:the\s+)?[A-Z][^,.\n]{1,40}?)(?=[,.])"),
]
# Patterns that also match other things ("/ Политика /" in a breadcrumb): a name found
# by them counts only when the outlets file knows it.
_LOOSE_CREDITS = (_CREDIT_RES[3], _CREDIT_RES[7])  # the dash, 'according to'
# Credits that name no one outlet
_GENERIC_RE = re.compile(
    r"^(?:وكالات|وكالات\s+الأنباء|agencies|wires|агентства|خبرگزاری‌ها|منابع)$", re.I
)


def _clean(name: str) -> str | None:
    name = re.sub(r"\s*\([^)]*\)?", "", name)  # "(unofficial translation)"
    name = " ".join(name.split()).strip(" \"'«»“”()[]-–—:.,،")
    if not name or len(name) > _MAX_NAME or any(c.isdigit() for c in name):
        return None
    return None if _GENERIC_RE.match(name) else name


def _named(value: str | None) -> str | None:
    """An outlet's usual name for a value, else the value cleaned."""
    if not value:
        return None
    return canonical_outlet(value) or _clean(value)


def _from_source_line(text: str) -> str | None:
    for m in _SOURCE_LINE_RE.finditer(text):
        name = _named(m.group("name"))
        if name:
            return name
    return None


def _from_credit(head: str) -> str | None:
    for pattern in _CREDIT_RES:
        m = pattern.search(head)
        if m:
            known = canonical_outlet(m.group("name"))
            if known:
                return known
            outlets = find_outlets(normalize(m.group("name")))
            if outlets:
                return outlets[0].name
            if pattern not in _LOOSE_CREDITS:
                return _clean(m.group("name"))
    return None


def find_source(text: str, *, metadata: str = "", url: str = "") -> str | None:
    """The outlet that published the article (its usual name), or None."""
    if metadata.strip():  # what the publisher says, as given unless the outlet is known
        return canonical_outlet(metadata) or " ".join(metadata.split())
    if url.strip():
        known = canonical_outlet(url)
        if known:
            return known
    head = text[:_HEAD_CHARS]
    return _from_source_line(text) or _from_credit(head)
