"""Formats for ingest: declared languages, the columns and keys of CSV and JSON records,
CSV rows that survive malformed lines, JSON errors, the zip guards (member names that
escape or hide, the expansion budget, what zipfile raises) and HTML (declared charset
and language, the main text via trafilatura, a date element when trafilatura finds none).

Part of diplomap.ingest, whose reader calls these; never imports diplomap.extract."""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import os
import re
import stat
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplomap.ingest_text import decode_declared, safe_codec

# --- records: languages and columns -------------------------------------------------------


_LANGUAGE_NAMES = {
    "ar": ("ar", "ara", "arb", "arabic", "العربية", "عربي", "عربى", "арабский"),
    "fa": ("fa", "fas", "per", "pes", "persian", "farsi", "فارسی", "فارسي", "персидский"),
    "ru": ("ru", "rus", "russian", "русский", "روسی", "الروسية"),
    "en": ("en", "eng", "english", "английский", "الإنجليزية", "انگلیسی"),
}
_LANGUAGE_LOOKUP = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}


def normalize_language(value: str | None) -> str | None:
    """A declared language to ar/fa/ru/en/other; None when nothing was declared."""
    if value is None:
        return None
    value = " ".join(str(value).split()).lower()
    if not value:
        return None
    if value in _LANGUAGE_LOOKUP:
        return _LANGUAGE_LOOKUP[value]
    base = re.split(r"[-_ ,;(]", value, maxsplit=1)[0]
    return _LANGUAGE_LOOKUP.get(base, "other")


_COLUMN_ALIASES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published",
        "date",
        "published_at",
        "publication_date",
        "pub_date",
        "pubdate",
        "datetime",
    ),
    "url": ("url", "link", "href"),
    "source": ("source", "sitename", "site", "outlet", "publisher"),
    "language": ("language", "lang"),
    # where the `published` value was read (a collected page: html-meta, feed, url, ...)
    "date_source": ("date_source", "published_source"),
}


def _map_columns(names: list[str]) -> dict[str, int]:
    """Our field -> index of the first matching column (case-insensitive, aliases)."""
    lowered = [" ".join(name.strip().lstrip("\ufeff").split()).lower() for name in names]
    columns = {}
    for key, aliases in _COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in lowered:
                columns[key] = lowered.index(alias)
                break
    return columns


def _has_text_key(value: dict) -> bool:
    return "text" in _map_columns([str(key) for key in value])


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return str(value)
    return ""


# --- CSV and JSON -------------------------------------------------------------------------


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter among , ; tab that splits the header into the text column, or most.
    A one-column header (no delimiter at all) gets a delimiter that never occurs in cleaned
    text, so that commas in unquoted text do not split rows."""
    if not any(d in header_line for d in (",", ";", "\t")):
        return _NO_DELIMITER
    best, best_key = ",", (False, 0)
    for delimiter in (",", ";", "\t"):
        try:
            fields = next(csv.reader([header_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        key = ("text" in _map_columns(fields), len(fields))
        if key > best_key:
            best, best_key = delimiter, key
    return best


_NO_DELIMITER = "\x1f"  # removed by cleaning, so never in the text


def _raise_field_limit(limit: int) -> None:
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, sys.maxsize))


def _csv_rows(
    lines: list[str], delimiter: str, start: int
) -> Iterator[tuple[int, list[str], str | None]]:
    """(line number where the row starts, fields, error): after a malformed row, reading
    resumes on the line after the row's first line, so good rows are kept."""
    while start < len(lines):
        # lines[start:] without copying them: a file with many malformed rows restarts
        # the reader many times, and a copy each time would cost time quadratic in it
        reader = csv.reader(_lines_from(lines, start), delimiter=delimiter, strict=True)
        consumed = 0
        try:
            for row in reader:
                yield start + consumed + 1, row, None
                consumed = reader.line_num
            return
        except csv.Error as exc:
            message = str(exc)
            last = start + reader.line_num
            if "unexpected end of data" in message or "EOF" in message:
                message = "unbalanced quote: the quoted field never ends"
            elif last > start + consumed + 1:
                message = f"unbalanced quote (a quoted field runs on to line {last})"
            else:
                message = f"malformed row ({message})"
            yield start + consumed + 1, [], message
            start = start + consumed + 1


def _lines_from(lines: list[str], start: int) -> Iterator[str]:
    for index in range(start, len(lines)):
        yield lines[index]


def _whole_json_array(text: str) -> bool:
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def _json_error(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return str(exc)[:200]


# --- names and zip guards -----------------------------------------------------------------


def _suffix(name: str) -> str:
    inner = name.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
    return Path(inner).suffix.lower() if "." in inner else ""


def _escapes(member: str) -> bool:
    name = member.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in name.split("/")


def _hidden(member: str) -> bool:
    parts = [p for p in member.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _special_member(info: zipfile.ZipInfo) -> str | None:
    """What a zip member is when its Unix mode says it is not a regular file or folder
    (a symbolic link, a device, a FIFO), else None. Such members are refused: a link's
    target path would otherwise be read as the member's text."""
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind in (0, stat.S_IFREG, stat.S_IFDIR):  # 0: made without Unix modes
        return None
    return "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"


def _link_problem(path: str, root: str) -> str | None:
    """Why a folder entry is skipped as a link, or None: a symbolic link is followed only
    when its target (every link resolved) is a regular file or folder inside `root` (the
    real path of the folder being read); links out of it, to devices, FIFOs, sockets or
    /proc, and links that lead nowhere are skipped."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if os.path.commonpath([target, root]) != root:
        return "symbolic link to outside the folder, skipped"
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return "broken symbolic link, skipped"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "symbolic link to a device, FIFO or socket, skipped"
    return None


@dataclass
class _Budget:
    """Uncompressed bytes still allowed for one top-level archive (nested ones included)."""

    left: int
    exhausted: bool = False


# What zipfile raises on damaged or hostile archives (unsupported versions and
# compression methods, passwords, truncated structures).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    struct.error,
    IndexError,
    KeyError,
    OverflowError,
)
_RATIO_FLOOR = 2**20  # members under 1 MiB cannot be bombs whatever their ratio


# --- HTML ---------------------------------------------------------------------------------

_TRAFILATURA_MAX_BYTES = 20_000_000


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_HTML_LANG_RE = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z_-]{2,20})""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares (<meta charset>, http-equiv), as written, or None."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _refused_charset(data: bytes) -> str | None:
    """The charset a page declares when it names a known codec that is not on the
    allow-list (punycode, utf-7, idna ...): the page is decoded by detection instead."""
    declared = _declared_charset(data)
    if declared is None or safe_codec(declared) is not None:
        return None
    try:
        codecs.lookup(declared)
    except LookupError:
        return None  # an unknown label: silently decoded by detection, as before
    return declared


def _decode_html(data: bytes) -> tuple[str, str, int] | None:
    """Decode HTML by its declared charset (`decode_declared`), else None (the caller
    decodes by detection)."""
    return decode_declared(data, _declared_charset(data) or "")


def _html_language(html: str) -> str | None:
    match = _HTML_LANG_RE.search(html[:20000])
    return match.group(1) if match else None


# An element that carries the article's own date: <time>, or a class/id naming a date,
# inside the page's body and outside its header, navigation, footer and asides (where a
# site clock or an "updated" stamp lives). Read when trafilatura finds no date.
_DATE_CLASS_RE = re.compile(r"date|time|publish|posted|dateline|meta", re.IGNORECASE)
_NOT_DATE_CONTAINERS = ("header", "nav", "footer", "aside")
_UPDATED_RE = re.compile(r"updat|обновл|تحديث|به\s?روز|بروز", re.IGNORECASE)


def _parse_html(html: str):
    """The page's lxml tree, or None (hostile or empty markup)."""
    try:
        from lxml import html as lxml_html  # lazy: HTML input only

        return lxml_html.fromstring(html)
    except Exception:
        return None


def _html_date_hint(html: str, root=None) -> str | None:
    """The text (or datetime attribute) of the first date element of the article."""
    root = _parse_html(html) if root is None else root
    if root is None:
        return None
    for el in root.iter("time", "span", "div", "p", "small", "li"):
        if not _is_date_element(el):
            continue
        value = (el.get("datetime") or el.text_content() or "").strip()
        if value and any(c.isdigit() for c in value) and len(value) <= 80:
            return value if not _UPDATED_RE.search(value) else None
    return None


# The page's date lines are read within this many elements (in document order) before and
# after its headline: the article's own byline and date line, not a clock in the top bar
# past the menus nor the dates of related stories further down
_LINES_BEFORE_HEADLINE = 25
_LINES_AFTER_HEADLINE = 40
_MAX_DATE_LINE_CHARS = 200
_DATE_LINE_TAGS = frozenset({"time", "span", "div", "p", "small", "li"})
# a class naming the date line: WordPress's "entry-date published updated", Drupal's
# "submitted", a byline that carries the date
_DATE_LINE_CLASS_RE = re.compile(
    _DATE_CLASS_RE.pattern + r"|submitted|byline|info|\bpub\b", re.IGNORECASE
)
_PUBLISHED_CLASS_RE = re.compile(r"publish|entry-date|pubdate", re.IGNORECASE)


def html_page_dates(html: str, root=None) -> str:
    """The page's visible date lines around its headline, in page order, with the
    headline's own line among them marked "# " ("" when the page has no headline or no
    such line): what the date finder reads as the page's header, to prefer the article's own date line to
    metadata that disagrees with it. Lines in the header, navigation, footer and asides
    (site clocks) are left out, as are those of elements whose class says "updated"."""
    root = _parse_html(html) if root is None else root
    if root is None:
        return ""
    h1 = _headline_element(root)
    if h1 is None:
        return ""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    head = elements.index(h1)
    lines, taken = [], set()
    lo, hi = max(0, head - _LINES_BEFORE_HEADLINE), head + _LINES_AFTER_HEADLINE
    for i, el in enumerate(elements[lo:hi], start=lo):
        if i == head:
            lines.append("# " + _words(el))  # (the headline's line, marked)
        elif _is_date_line(el, taken):
            taken.update(id(d) for d in el.iterdescendants())
            lines.extend(_date_line_parts(el))
    return "\n".join(lines) if len(lines) > 1 else ""


_HEADLINE_CLASS_RE = re.compile(r"title|headline", re.IGNORECASE)


def _headline_element(root):
    """The page's headline: its first <h1> outside the site's header; else (an <h1>
    holding the site's logo) the first <h2> or element of a "title"/"headline" class
    outside it with a few words. The first 20 candidates only (a hostile page of a
    million nested headings)."""
    found = next((el for el in itertools.islice(root.iter("h1"), 20) if _outside_chrome(el)), None)
    if found is not None:
        return found
    candidates = (
        el
        for el in root.iter("h2", "div", "span", "p")
        if el.tag == "h2" or _HEADLINE_CLASS_RE.search(str(el.get("class", "")))
    )
    for el in itertools.islice(candidates, 20):
        words = len(_words(el).split())
        if 3 <= words <= 40 and _outside_chrome(el):
            return el
    return None


def _is_date_line(el, taken: set[int]) -> bool:
    if el.tag not in _DATE_LINE_TAGS or id(el) in taken:
        return False
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if el.tag != "time" and not _DATE_LINE_CLASS_RE.search(names):
        return False
    if _UPDATED_RE.search(names) and not _PUBLISHED_CLASS_RE.search(names):
        return False
    text = _date_line_text(el)
    return (
        0 < len(text) <= _MAX_DATE_LINE_CHARS
        and any(c.isdigit() for c in text)
        and _outside_chrome(el)
    )


def _words(el) -> str:
    """An element's text, its inner elements' texts apart (<span>s side by side)."""
    return " ".join(" ".join(el.itertext()).split())


def _date_line_parts(el) -> list[str]:
    """The date line's pieces, one line each: its own text, each inner element's, each
    text after one (a byline <span> and a date <span> side by side are two lines)."""
    if not len(el):
        return [_date_line_text(el)]
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            pieces.append(_date_line_text(child))
        pieces.append(child.tail or "")
    parts: list[str] = []
    for piece in (" ".join(p.split()) for p in pieces if p.strip()):
        if parts and parts[-1].endswith((":", "：")):
            parts[-1] += " " + piece  # a label and its date ("Updated:", then the <time>)
        else:
            parts.append(piece)
    return parts


def _date_line_text(el) -> str:
    text = _words(el)
    if not any(c.isdigit() for c in text) and el.get("datetime"):
        return el.get("datetime").strip()  # "3 hours ago" over a machine-readable date
    return text


def _outside_chrome(el) -> bool:
    """Outside the site's header, navigation, footer and asides (an article's own
    <header>, inside <article> or <main>, holds its headline and date line)."""
    for a in el.iterancestors():
        if a.tag in ("article", "main"):
            return True  # (chrome above the article is the site's, not in the article)
        if _is_chrome(a):
            return a.tag == "header" and _inside_article(a)
    return True


def _is_chrome(el) -> bool:
    """The site's header, navigation, footer, an aside, or the Wayback Machine's toolbar
    over an archived copy (its capture time is no date of the page)."""
    return (
        el.tag in _NOT_DATE_CONTAINERS
        or str(el.get("class", "")).startswith(_NOT_DATE_CONTAINERS)
        or str(el.get("id", "")).startswith("wm-ipp")
    )


def _inside_article(el) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _is_date_element(el) -> bool:
    if el.tag != "time" and not _DATE_CLASS_RE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    if _UPDATED_RE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    return not any(_is_chrome(a) for a in el.iterancestors())


# trafilatura drops every character that str.isprintable() refuses, the Persian zero-width
# non-joiner among them ("می‌گوید" became "میگوید", "آتش‌بس" "آتشبس"): it crosses as a
# printable stand-in that no page uses (MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO) and is put
# back in every field. Written as a character or as an entity.
_ZWNJ = "\u200c"
_ZWNJ_STAND_IN = "\U0001d7d8"
_ZWNJ_RE = re.compile(r"\u200c|&zwnj;|&#8204;|&#x0*200c;", re.IGNORECASE)


def _protect_zwnj(html: str) -> tuple[str, bool]:
    """`html` with its zero-width non-joiners replaced by the stand-in, and whether any
    was (never when the page itself holds the stand-in)."""
    if _ZWNJ_STAND_IN in html or not _ZWNJ_RE.search(html):
        return html, False
    return _ZWNJ_RE.sub(_ZWNJ_STAND_IN, html), True


def _restore_zwnj(document: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.replace(_ZWNJ_STAND_IN, _ZWNJ) if isinstance(value, str) else value
        for key, value in document.items()
    }


def trafilatura_document(html: str, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of a page with trafilatura (scripts are dropped, never
    run): text, title, date, url, sitename, author; None when it finds no text. Raises
    what trafilatura/lxml raise on hostile markup (the caller says why, in one line).
    Zero-width non-joiners are kept (`_protect_zwnj`)."""
    html, protected = _protect_zwnj(html)
    document = _bare_document(html, url)
    return _restore_zwnj(document) if protected and document is not None else document


def _bare_document(html: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's document, tables included; a page laid out in a table (an old
    site's whole page in table cells: menus, the story in one cell, related links) read
    again without tables when nearly all of its text came out as table rows."""
    document = _bare_extraction(html, url, tables=True)
    if document is not None and _laid_out_in_a_table(document.get("text") or ""):
        again = _bare_extraction(html, url, tables=False)
        if again is not None and len(again.get("text") or "") >= _MIN_RETRY_CHARS:
            return again
    return document


_MIN_RETRY_CHARS = 200
_TABLE_ROW_SHARE = 0.8


def _laid_out_in_a_table(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    rows = sum(line.lstrip().startswith("|") for line in lines)
    return bool(lines) and rows >= _TABLE_ROW_SHARE * len(lines)


def _bare_extraction(html: str, url: str | None, tables: bool) -> dict[str, Any] | None:
    from trafilatura import bare_extraction  # lazy: HTML input only, ~0.3 s

    document = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=tables,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or isinstance(document, dict):
        return document
    keys = ("text", "title", "date", "url", "sitename", "author")
    return {key: getattr(document, key, None) for key in keys}


def _extract_html(html: str) -> dict[str, Any] | None:
    try:
        return trafilatura_document(html)
    except Exception:  # trafilatura/lxml on hostile markup, or too deep: a problem
        return None
