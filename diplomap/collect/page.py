"""One fetched page -> one article record (a dict that `build` reads from JSON Lines).

- Bytes to text: the HTTP charset or the page's <meta charset> when they decode strictly
  (from an allow-list: a charset name taken from a page is never looked up blindly), else
  diplomap's own detection (UTF-8, UTF-16, Windows-1256, Windows-1251, KOI8-R).
- Main text, title, author and site name: trafilatura (scripts and styles are dropped,
  never run).
- Publication date with its provenance, in this order of trust: `html-meta` (the page's
  metadata: meta tags, JSON-LD, <time>; htmldate without its extensive search), `feed`
  (the date the feed or news sitemap gave), `url` (a /2024/02/13/ path), then diplomap's
  own date finder on the text (`header`, `dateline`, `body`). Every distinct date found
  is kept in `date_candidates`, so when two disagree the other one is still there.
- The canonical URL (the page's rel=canonical on the same site, else the fetched URL,
  normalised) and the content hash (the article id `build` gives the same text).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from diplomap.collect.urls import canonical_url, same_site
from diplomap.ingest import clean_text, decode_bytes, text_id
from diplomap.ingest_formats import html_page_dates, normalize_language, trafilatura_document
from diplomap.ingest_text import decode_declared, sniff_binary

__all__ = ["PageError", "page_to_article"]

_MAX_DECOMPRESSED = 20 * 2**20
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_HTML_LANG_RE = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z_-]{2,20})""", re.I)
_URL_DATE_RES = (
    re.compile(r"/((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?:/|[_-]|$)"),
    re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:/|[_-]|$)"),
)
_MIN_TEXT_CHARS = 40


class PageError(Exception):
    """A page that gives no article; `kind` for the summary, `reason` one line."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class _Candidate:
    date: str  # YYYY-MM-DD
    source: str  # html-meta | feed | url | header | dateline | body
    text: str


def page_to_article(
    body: bytes,
    headers: list[tuple[str, str]],
    url: str,
    *,
    meta: dict[str, Any] | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The article record of a page (PageError when it holds no article).

    `meta` is what discovery knew (title, feed date, GDELT fields); `source` the outlet's
    name when a source profile says which site this is."""
    meta = meta or {}
    html = _decode(_unzipped(body, headers), headers)
    document = _extract(html, url)
    text = clean_text(document.get("text") or "")
    if len(text) < _MIN_TEXT_CHARS:
        raise PageError("no-text", "no article text found on the page")
    title = " ".join(clean_text(document.get("title") or meta.get("title") or "").split())
    language = _language(html, meta)
    chosen, candidates = _dates(html, url, text, title, language, meta)
    canonical = _canonical(url, document.get("url"))
    record = {
        "title": title,
        "text": text,
        "published": chosen.date if chosen else None,
        "date_source": chosen.source if chosen else "none",
        "date_candidates": [c.__dict__ for c in candidates],
        "url": canonical,
        "source": _outlet(source, canonical, document.get("sitename"), meta),
        "language": language,
        "author": (document.get("author") or "").strip() or None,
        "site_name": (document.get("sitename") or "").strip() or None,
        "content_hash": text_id(text),
    }
    return record


# --- bytes to text ------------------------------------------------------------------------


def _header(headers: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in headers if k.lower() == name), "")


def _unzipped(body: bytes, headers: list[tuple[str, str]]) -> bytes:
    if _header(headers, "content-encoding").strip().lower() not in ("gzip", "x-gzip"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
            data = handle.read(_MAX_DECOMPRESSED + 1)
    except (OSError, EOFError) as exc:
        raise PageError("encoding", f"bad gzip body: {exc}") from exc
    if len(data) > _MAX_DECOMPRESSED:
        raise PageError("too-large", "page expands beyond 20 MB")
    return data


def _decode(data: bytes, headers: list[tuple[str, str]]) -> str:
    if not data.strip():
        raise PageError("empty", "empty page")
    kind = sniff_binary(data)
    if kind is not None:
        raise PageError("binary", f"binary file ({kind}), not a page")
    declared = _HEADER_CHARSET_RE.search(_header(headers, "content-type"))
    meta = _META_CHARSET_RE.search(data[:4096])
    for match in (declared, meta):
        if match is None:
            continue
        name = match.group(1)
        text = _strict(data, name if isinstance(name, str) else name.decode("ascii", "ignore"))
        if text is not None:
            return text
    return decode_bytes(data)[0]


def _strict(data: bytes, label: str) -> str | None:
    """Decode with a declared charset from the allow-list, strictly; None otherwise
    (`ingest_text.decode_declared`)."""
    decoded = decode_declared(data, label)
    return None if decoded is None else decoded[0]


# --- trafilatura ----------------------------------------------------------------------------


def _extract(html: str, url: str) -> dict[str, Any]:
    try:
        document = trafilatura_document(html, url)
    except (RecursionError, MemoryError) as exc:
        raise PageError(
            "extract", f"page too deeply nested to read ({type(exc).__name__})"
        ) from exc
    except Exception as exc:  # trafilatura/lxml on hostile markup: a reason, not a crash
        raise PageError("extract", f"cannot read the page ({type(exc).__name__})") from exc
    if document is None:
        raise PageError("no-text", "no article text found on the page")
    return document


def _language(html: str, meta: dict[str, Any]) -> str | None:
    match = _HTML_LANG_RE.search(html[:20000])
    declared = normalize_language(match.group(1)) if match else None
    if declared in ("ar", "fa", "ru", "en"):
        return declared
    return normalize_language(meta.get("language")) if meta.get("language") else None


# --- dates ----------------------------------------------------------------------------------


def _dates(
    html: str, url: str, text: str, title: str, language: str | None, meta: dict[str, Any]
) -> tuple[_Candidate | None, list[_Candidate]]:
    """The chosen date and every distinct candidate (the chosen one first). The page's
    own date line by its headline goes before its metadata when the two disagree (as for
    a page read from a file: extract.page_header)."""
    in_meta, on_page = _html_meta_date(html), _page_line_date(html, text, language)
    if on_page is not None and (in_meta is None or in_meta.date != on_page.date):
        in_meta, on_page = on_page, in_meta
    found = [
        in_meta,
        on_page,
        _feed_date(meta),
        _url_date(url),
        *_text_dates(text, title, language),
    ]
    ordered: list[_Candidate] = []
    for cand in found:
        if cand is not None and all(c.date != cand.date for c in ordered):
            ordered.append(cand)
    return (ordered[0] if ordered else None), ordered


def _html_meta_date(html: str) -> _Candidate | None:
    try:
        from htmldate import find_date  # lazy: a dependency of trafilatura

        value = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate on hostile markup: no date from the metadata
        return None
    return _Candidate(value, "html-meta", value) if value else None


def _page_line_date(html: str, text: str, language: str | None) -> _Candidate | None:
    from diplomap.extract.page_header import page_date  # lazy: only when a page is read
    from diplomap.normalize import detect_language

    lines = html_page_dates(html)
    found = page_date(lines, language or detect_language(text)) if lines else None
    return None if found is None else _Candidate(found.date.isoformat(), "header", found.text)


def _feed_date(meta: dict[str, Any]) -> _Candidate | None:
    value = meta.get("published")
    if not value:
        return None
    day = str(value)[:10]
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return None
    return _Candidate(day, "feed", str(value))


def _url_date(url: str) -> _Candidate | None:
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        match = pattern.search(path)
        if match:
            try:
                day = dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                continue
            if day <= dt.date.today():
                return _Candidate(day.isoformat(), "url", match.group(0).strip("/_-"))
    return None


def _text_dates(text: str, title: str, language: str | None) -> list[_Candidate]:
    """diplomap's own date finder on the text: the date it chooses, then the others."""
    from diplomap.extract import dates  # lazy: only when a page is read
    from diplomap.normalize import detect_language

    pub = dates.find_publication_date(text, language or detect_language(text), title=title)
    out = []
    if pub.date is not None:
        out.append(_Candidate(pub.date.isoformat(), pub.source, pub.text or ""))
    for cand in pub.date_candidates:
        if cand.kind not in ("clock", "updated") and cand.precision == "day":
            where = _TEXT_KINDS.get(cand.kind, "body")
            out.append(_Candidate(cand.date.isoformat(), where, cand.text))
    return out


# the date finder's kinds of candidate -> where in the text it was read
_TEXT_KINDS = {
    "published": "header",
    "date": "header",
    "date_line": "header",
    "dateline": "dateline",
    "headline": "dateline",
    "body": "body",
}


# --- URL and outlet -------------------------------------------------------------------------


def _canonical(url: str, declared: str | None) -> str:
    """The page's own canonical URL when it is on the same site, else the fetched one."""
    if declared and declared.startswith(("http://", "https://")) and same_site(url, declared):
        return canonical_url(declared)
    return canonical_url(url)


def _outlet(source: str | None, url: str, sitename: str | None, meta: dict[str, Any]) -> str:
    """The outlet's usual name: the source profile's, the outlets file's for the URL or
    the site name, else the site name or domain as given."""
    from diplomap.extract.outlets import canonical_outlet  # lazy: reads data/outlets.csv

    if source:
        return source
    for value in (url, sitename, meta.get("domain")):
        if value:
            known = canonical_outlet(value)
            if known:
                return known
    return (sitename or meta.get("domain") or urlsplit(url).hostname or "").strip()
