"""Finding article URLs: GDELT DOC 2.0 (article list, JSON), RSS/Atom feeds, sitemaps
(index, plain and news sitemaps, gzipped or not) and plain URL lists (txt or csv).

Feeds and sitemaps are filtered by the query terms (Lavrov's name in the four languages
by default) on the title, summary and URL; GDELT does its own full-text search; a URL
list is taken as it is. Every feed, sitemap or GDELT answer that cannot be read gives
one `(where, reason)` problem and the rest goes on.

GDELT caps an answer at 250 articles: a window whose answer reaches the cap is split in
two and each half asked again (down to one hour), so no window is silently truncated.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

from diplomap.collect.fetch import FEED_TYPES, Fetcher, FetchError
from diplomap.normalize import normalize

__all__ = [
    "DEFAULT_TERMS",
    "GDELT_LANGUAGES",
    "GDELT_URL",
    "Discovery",
    "Found",
    "from_feed",
    "from_gdelt",
    "from_sitemap",
    "from_url_list",
    "gdelt_url",
    "matches",
]

GDELT_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_CAP = 250
GDELT_LANGUAGES = {"ar": "arabic", "fa": "persian", "ru": "russian", "en": "english"}
# Lavrov in the four languages (as searched: prefixes cover Russian case forms)
DEFAULT_TERMS = ("lavrov", "лавров", "لافروف", "لاوروف", "لاروف")
_MIN_WINDOW = dt.timedelta(hours=1)
_FIRST_WINDOW = dt.timedelta(days=7)
_MAX_SITEMAPS = 200
_MAX_FEED_BYTES = 20 * 2**20
_MAX_LIST_URLS = 1_000_000
_URL_RE = re.compile(r"https?://[^\s\"'<>]+", re.I)


@dataclass
class Found:
    url: str
    via: str  # gdelt | feed | sitemap | list
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Discovery:
    found: list[Found] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)

    def extend(self, other: Discovery) -> None:
        self.found.extend(other.found)
        self.problems.extend(other.problems)


def gdelt_url() -> str:
    """The GDELT DOC endpoint: DIPLOMAP_GDELT_URL when set (tests, mirrors)."""
    return os.environ.get("DIPLOMAP_GDELT_URL", "").strip() or GDELT_URL


def matches(terms: Iterable[str], *texts: str | None) -> bool:
    """Whether any term occurs in any of the texts (normalised: case, Arabic/Persian
    letter variants and diacritics folded; percent-encoded URLs decoded)."""
    from urllib.parse import unquote

    folded = " ".join(normalize(unquote(t or "")).lower() for t in texts)
    return any(normalize(term).lower() in folded for term in terms)


# --- feeds ----------------------------------------------------------------------------------


def from_feed(fetcher: Fetcher, url: str, terms: Iterable[str] | None) -> Discovery:
    """The entries of an RSS/Atom feed that match the terms (all when terms is None)."""
    out = Discovery()
    try:
        response = fetcher.get(url, accept=FEED_TYPES, max_bytes=_feed_cap(fetcher))
    except FetchError as exc:
        out.problems.append((url, f"feed: {exc.reason}"))
        return out
    import feedparser  # lazy: collect only

    try:
        parsed = feedparser.parse(_maybe_gunzip(response.body))
    except Exception as exc:  # feedparser on hostile input: a reason, not a crash
        out.problems.append((url, f"feed: cannot parse ({type(exc).__name__})"))
        return out
    entries = parsed.get("entries") or []
    if not entries:
        why = _bozo(parsed) or "no entries"
        out.problems.append((url, f"feed: {why}"))
        return out
    for entry in entries:
        found = _feed_entry(entry, url, terms)
        if found is not None:
            out.found.append(found)
    return out


def _bozo(parsed) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    message = " ".join(str(exc).split())[:120] if exc else "malformed"
    return f"malformed feed ({message})"


def _feed_entry(entry, feed: str, terms: Iterable[str] | None) -> Found | None:
    link = urljoin(feed, (entry.get("link") or "").strip())  # a relative link: the feed's site
    if not link.startswith(("http://", "https://")):
        return None
    title = entry.get("title") or ""
    summary = entry.get("summary") or ""
    if terms is not None and not matches(terms, title, summary, link):
        return None
    meta: dict[str, Any] = {"title": title, "feed": feed}
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        try:
            meta["published"] = dt.date(*stamp[:3]).isoformat()
        except (TypeError, ValueError):
            pass
    return Found(link, "feed", meta)


# --- sitemaps -------------------------------------------------------------------------------

_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def from_sitemap(
    fetcher: Fetcher, url: str, terms: Iterable[str] | None, limit: int = _MAX_SITEMAPS
) -> Discovery:
    """The URLs of a sitemap (following a sitemap index, breadth first, at most `limit`
    sitemaps) that match the terms on their URL or news title."""
    out = Discovery()
    queue, seen = [url], set()
    while queue and len(seen) < limit:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        children = _read_sitemap(fetcher, current, terms, out)
        queue.extend(child for child in children if child not in seen)
    if queue:
        out.problems.append((url, f"sitemap: stopped after {limit} sitemaps"))
    return out


def _read_sitemap(
    fetcher: Fetcher, url: str, terms: Iterable[str] | None, out: Discovery
) -> list[str]:
    """Add the sitemap's matching URLs to `out`; return the child sitemaps of an index."""
    try:
        response = fetcher.get(url, accept=FEED_TYPES, max_bytes=_feed_cap(fetcher))
        root = _parse_xml(_maybe_gunzip(response.body))
    except FetchError as exc:
        out.problems.append((url, f"sitemap: {exc.reason}"))
        return []
    except ValueError as exc:
        out.problems.append((url, f"sitemap: {exc}"))
        return []
    tag = root.tag.rsplit("}", 1)[-1]
    if tag == "sitemapindex":
        return [loc.strip() for loc in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=_NS)]
    if tag != "urlset":
        out.problems.append((url, f"sitemap: not a sitemap (root element <{tag}>)"))
        return []
    for node in root.xpath("sm:url", namespaces=_NS):
        found = _sitemap_entry(node, url, terms)
        if found is not None:
            out.found.append(found)
    return []


def _sitemap_entry(node, sitemap: str, terms: Iterable[str] | None) -> Found | None:
    loc = urljoin(sitemap, _first(node, "sm:loc"))
    if not loc.startswith(("http://", "https://")):
        return None
    title = _first(node, "news:news/news:title")
    if terms is not None and not matches(terms, title, loc):
        return None
    meta: dict[str, Any] = {"sitemap": sitemap}
    if title:
        meta["title"] = title
    published = _first(node, "news:news/news:publication_date")
    if published:
        meta["published"] = published
    language = _first(node, "news:news/news:publication/news:language")
    if language:
        meta["language"] = language
    name = _first(node, "news:news/news:publication/news:name")
    if name:
        meta["site_name"] = name
    return Found(loc, "sitemap", meta)


def _first(node, path: str) -> str:
    values = node.xpath(f"{path}/text()", namespaces=_NS)
    return str(values[0]).strip() if values else ""


def _parse_xml(data: bytes):
    """XML without entities, network access or huge trees (ValueError with a reason)."""
    from lxml import etree  # lazy: collect only

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(data.strip(), parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"malformed XML ({' '.join(str(exc).split())[:100]})") from exc
    if root is None:
        raise ValueError("empty XML")
    return root


def _maybe_gunzip(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(_MAX_FEED_BYTES + 1)
    except (OSError, EOFError):
        return data
    return out[:_MAX_FEED_BYTES]


# --- URL lists -----------------------------------------------------------------------------


def from_url_list(path: Path) -> Discovery:
    """URLs from a text file (one per line, # comments) or a CSV file (its url/link
    column, else every cell that is a URL)."""
    out = Discovery()
    try:
        text = path.read_bytes()[: 200 * 2**20].decode("utf-8-sig", errors="replace")
    except OSError as exc:
        out.problems.append((str(path), f"cannot read: {exc.strerror or exc}"))
        return out
    urls = _csv_urls(text) if path.suffix.lower() in (".csv", ".tsv") else _text_urls(text)
    for url in _unique(urls):
        out.found.append(Found(url, "list", {"list": path.name}))
        if len(out.found) >= _MAX_LIST_URLS:
            out.problems.append((str(path), f"more than {_MAX_LIST_URLS:,} URLs; the rest skipped"))
            break
    if not out.found:
        out.problems.append((str(path), "no http(s) URLs in the file"))
    return out


def _text_urls(text: str) -> Iterator[str]:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            match = _URL_RE.match(line)
            if match:
                yield match.group(0)


def _csv_urls(text: str) -> Iterator[str]:
    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    lowered = [h.strip().lower() for h in header]
    column = next((lowered.index(k) for k in ("url", "link", "href") if k in lowered), None)
    if column is None:
        rows = [header, *rows]
    for row in rows:
        cells = [row[column]] if column is not None and column < len(row) else row
        for cell in cells:
            match = _URL_RE.match(cell.strip())
            if match:
                yield match.group(0)


def _unique(urls: Iterable[str]) -> Iterator[str]:
    seen = set()
    for url in urls:
        if url not in seen:
            seen.add(url)
            yield url


# --- GDELT ----------------------------------------------------------------------------------


def from_gdelt(
    fetcher: Fetcher,
    query: str,
    languages: Iterable[str],
    since: dt.date,
    until: dt.date,
    *,
    done: Callable[[str], bool] = lambda key: False,
    mark: Callable[[str, int], None] = lambda key, n: None,
    notify: Callable[[str], None] | None = None,
    keep: Callable[[Found], None] | None = None,
) -> Discovery:
    """Articles GDELT's DOC 2.0 API lists for `query` in each language between `since`
    and `until` (inclusive). `done(key)`/`mark(key, n)` skip and record finished
    windows (the state file), so that a resumed run does not ask again; `keep(found)`
    hears each article before its window is marked done (to record it first); `notify`
    hears one line per week asked."""
    out = Discovery()
    start = dt.datetime.combine(since, dt.time())
    end = dt.datetime.combine(until, dt.time()) + dt.timedelta(days=1)
    for lang in languages:
        name = GDELT_LANGUAGES.get(lang, lang)
        term = f"{query} sourcelang:{name}"
        for window in _windows(start, end, _FIRST_WINDOW):
            before = len(out.found)
            _gdelt_window(fetcher, term, window, out, done, _kept(out, keep, mark))
            if notify is not None:
                week = f"{window[0]:%Y-%m-%d}..{window[1] - dt.timedelta(seconds=1):%Y-%m-%d}"
                notify(f"GDELT {name} {week}: {len(out.found) - before} articles")
    return out


def _kept(out: Discovery, keep, mark) -> Callable[[str, int], None]:
    """`mark` that first hands every article found since the last mark to `keep`."""
    handed = [len(out.found)]

    def marked(key: str, n: int) -> None:
        if keep is not None:
            for found in out.found[handed[0] :]:
                keep(found)
        handed[0] = len(out.found)
        mark(key, n)

    return marked


def _windows(start: dt.datetime, end: dt.datetime, size: dt.timedelta):
    while start < end:
        yield start, min(start + size, end)
        start += size


def _gdelt_window(fetcher, term, window, out: Discovery, done, mark) -> None:
    """Ask for one window; split it in two while its answer reaches the cap."""
    start, end = window
    key = f"{term}|{start:%Y%m%d%H%M%S}|{end:%Y%m%d%H%M%S}"
    if done(key):
        return
    articles = _gdelt_ask(fetcher, term, start, end, out)
    if articles is None:
        return
    if len(articles) >= GDELT_CAP and end - start > _MIN_WINDOW:
        middle = (start + (end - start) / 2).replace(microsecond=0)
        for half in ((start, middle), (middle, end)):
            _gdelt_window(fetcher, term, half, out, done, mark)
        mark(key, len(articles))
        return
    if len(articles) >= GDELT_CAP:
        where = f"gdelt {term} {start:%Y-%m-%d %H:%M}"
        out.problems.append((where, f"{GDELT_CAP}+ articles in one hour: some may be missing"))
    for item in articles:
        found = _gdelt_article(item)
        if found is not None:
            out.found.append(found)
    mark(key, len(articles))


def _gdelt_ask(fetcher, term, start, end, out: Discovery) -> list[dict] | None:
    params = {
        "query": term,
        "mode": "ArtList",
        "format": "json",
        "maxrecords": str(GDELT_CAP),
        "sort": "DateAsc",
        "startdatetime": f"{start:%Y%m%d%H%M%S}",
        "enddatetime": f"{end - dt.timedelta(seconds=1):%Y%m%d%H%M%S}",
    }
    url = f"{gdelt_url()}?{urlencode(params)}"
    where = f"gdelt {term} {start:%Y-%m-%d %H:%M}"
    try:
        response = fetcher.get(url, accept=FEED_TYPES, max_bytes=_feed_cap(fetcher))
    except FetchError as exc:
        out.problems.append((where, exc.reason))
        return None
    text = response.body.decode("utf-8", errors="replace").strip()
    if not text or text == "{}":
        return []
    try:
        value = json.loads(text)
    except ValueError:
        out.problems.append((where, f"GDELT said: {' '.join(text.split())[:120]}"))
        return None
    articles = value.get("articles", []) if isinstance(value, dict) else None
    if not isinstance(articles, list):
        out.problems.append((where, "GDELT answer without an article list"))
        return None
    return [a for a in articles if isinstance(a, dict)]


def _gdelt_article(item: dict) -> Found | None:
    url = str(item.get("url") or "")
    if not url.startswith(("http://", "https://")):
        return None
    meta = {
        "title": str(item.get("title") or ""),
        "seen_date": _gdelt_date(str(item.get("seendate") or "")),
        "domain": str(item.get("domain") or ""),
        "language": str(item.get("language") or ""),
        "source_country": str(item.get("sourcecountry") or ""),
    }
    return Found(url, "gdelt", {k: v for k, v in meta.items() if v})


def _gdelt_date(value: str) -> str:
    """'20240213T101500Z' -> '2024-02-13T10:15:00Z' (as given when unreadable)."""
    try:
        return dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return value


# --- listing pages ----------------------------------------------------------------------------


def from_listing(fetcher: Fetcher, url: str, pattern: str) -> Discovery:
    """Links on a page that lists articles (a ministry's speeches page) whose URL
    matches `pattern` (a regular expression) and stays on the same site."""
    from diplomap.collect.urls import same_site

    out = Discovery()
    try:
        response = fetcher.get(url)
        links = _page_links(response.body, response.final_url)
    except FetchError as exc:
        out.problems.append((url, f"listing: {exc.reason}"))
        return out
    except ValueError as exc:
        out.problems.append((url, f"listing: {exc}"))
        return out
    rule = re.compile(pattern) if pattern else None
    for link in _unique(links):
        if same_site(url, link) and (rule is None or rule.search(link)):
            out.found.append(Found(link, "listing", {"listing": url}))
    return out


def _page_links(body: bytes, base: str) -> list[str]:
    from lxml import etree, html  # lazy: collect only

    try:
        root = html.fromstring(body)
        root.make_links_absolute(base, handle_failures="discard")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"cannot read the page ({type(exc).__name__})") from exc
    return [
        str(href).split("#", 1)[0]
        for href in root.xpath("//a/@href")
        if str(href).startswith(("http://", "https://"))
    ]


def _feed_cap(fetcher: Fetcher) -> int:
    """Feeds and sitemaps may be larger than a page: five times the page cap, at most
    the largest a sitemap may be (50 MB)."""
    return min(5 * fetcher.politeness.max_bytes, 50 * 2**20)
