"""Polite HTTP fetching: robots.txt, one request at a time per host with a pause between
them, a descriptive User-Agent with a contact, timeouts, a size cap, a content-type check,
a cap on redirects (loops detected), and retries with backoff on 429 and 5xx that honour
Retry-After. Built on http.client, so every byte and header is seen (for the WARC files).

`Fetcher.get` returns a `Response` or raises `FetchError`, whose `reason` is one line
(`robots.txt disallows this URL`, `content type application/pdf is not a page`, ...).
Different hosts may be fetched from different threads at the same time; the pacing is
per host and thread-safe.
"""

from __future__ import annotations

import email.utils
import http.client
import os
import ssl
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

__all__ = [
    "FEED_TYPES",
    "HTML_TYPES",
    "FetchError",
    "Fetcher",
    "Politeness",
    "Response",
    "default_user_agent",
    "host_of",
]

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/x-gzip",
    "application/gzip",
    "application/json",
    "text/plain",
    "text/html",  # many feeds are served as HTML
)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512 * 1024
_MAX_CRAWL_DELAY = 60.0
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def default_user_agent(contact: str | None = None) -> str:
    """'diplomap-collect/0.1 (+research collector; contact: X)' with X from `contact`,
    DIPLOMAP_CONTACT, or a note saying none was set."""
    contact = (contact or os.environ.get("DIPLOMAP_CONTACT", "")).strip()
    who = f"contact: {contact}" if contact else "no contact set (DIPLOMAP_CONTACT)"
    return f"diplomap-collect/0.1 (news research collector; polite, robots.txt honoured; {who})"


@dataclass(frozen=True)
class Politeness:
    """How collect behaves towards sites (the defaults are the polite ones)."""

    user_agent: str = field(default_factory=default_user_agent)
    delay: float = 1.0  # seconds between two requests to the same host
    timeout: float = 20.0  # seconds to connect, and between two bytes received
    max_bytes: int = 10 * 2**20  # a page (or feed) larger than this is skipped
    max_redirects: int = 5
    retries: int = 3  # on 429 and 5xx
    max_retry_wait: float = 120.0  # a Retry-After longer than this gives up on the URL
    robots: bool = True


@dataclass
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    redirects: list[str] = field(default_factory=list)
    protocol: str = "HTTP/1.1"
    fetched_at: float = 0.0

    def header(self, name: str) -> str:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), "")

    @property
    def content_type(self) -> str:
        return self.header("content-type").split(";", 1)[0].strip().lower()


class FetchError(Exception):
    """A URL that could not or should not be fetched; `reason` is one line, `kind` a
    short category for the summary (robots, content-type, too-large, timeout, http,
    redirects, network, url; stopped when the run was interrupted)."""

    def __init__(self, kind: str, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.status = status


def host_of(url: str) -> str:
    """'https://www.Example.com:8080/x' -> 'www.example.com:8080'."""
    return urlsplit(url).netloc.lower()


class _Pacer:
    """One request at a time per host, `delay` seconds apart (more if robots.txt asks)."""

    def __init__(self, delay: float, stop: threading.Event | None = None) -> None:
        self.delay = delay
        self.stop = stop or threading.Event()
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        with self._guard:
            self._delays[host] = max(self.delay, min(delay, _MAX_CRAWL_DELAY))

    def lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait_turn(self, host: str) -> None:
        """Sleep until the host may be asked again (call with its lock held)."""
        pause = self._next.get(host, 0.0) - time.monotonic()
        if pause > 0 and self.stop.wait(pause):
            raise FetchError("stopped", "interrupted")
        if self.stop.is_set():
            raise FetchError("stopped", "interrupted")

    def done(self, host: str, extra: float = 0.0) -> None:
        delay = self._delays.get(host, self.delay)
        self._next[host] = time.monotonic() + max(delay, extra)


class Fetcher:
    """GET with politeness; thread-safe. `on_request(url, status_or_None)` is called for
    every request that leaves (robots.txt included), for the state's request log."""

    def __init__(
        self,
        politeness: Politeness | None = None,
        on_request: Callable[[str, int | None], None] | None = None,
        host_delays: dict[str, float] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.politeness = politeness or Politeness()
        self.on_request = on_request
        self._pacer = _Pacer(self.politeness.delay, stop)
        for host, delay in (host_delays or {}).items():
            self._pacer.set_delay(host, delay)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_lock = threading.Lock()

    # --- public ---------------------------------------------------------------------------

    def get(
        self, url: str, accept: tuple[str, ...] = HTML_TYPES, max_bytes: int | None = None
    ) -> Response:
        """Fetch `url` politely, following redirects; FetchError when it cannot."""
        limit = max_bytes or self.politeness.max_bytes
        seen: list[str] = []
        current = _checked_url(url)
        while True:
            if self.politeness.robots and not self.allowed(current):
                raise FetchError("robots", "robots.txt disallows this URL")
            response = self._with_retries(current, accept, limit)
            if response.status not in _REDIRECTS:
                response.url, response.redirects = url, seen
                return response
            current = self._next_hop(current, response, seen)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our User-Agent fetch `url` (fetched once per host);
        FetchError when robots.txt cannot be read (5xx, network): then nothing is."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._robots_lock:  # one lock per site: a slow robots.txt holds up only its site
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._robots:
                self._robots[key] = self._read_robots(key)
            parser = self._robots[key]
        if isinstance(parser, FetchError):  # robots.txt could not be read: stay away
            raise parser
        if parser is None:
            return True
        return parser.can_fetch(self.politeness.user_agent, url)

    # --- redirects and retries -----------------------------------------------------------------

    def _next_hop(self, current: str, response: Response, seen: list[str]) -> str:
        location = response.header("location")
        if not location:
            raise FetchError("http", f"HTTP {response.status} redirect without a Location")
        target = _checked_url(urljoin(current, location))
        seen.append(current)
        if target in seen:
            raise FetchError("redirects", f"redirect loop ({len(seen)} hops)")
        if len(seen) > self.politeness.max_redirects:
            raise FetchError("redirects", f"more than {self.politeness.max_redirects} redirects")
        return target

    def _with_retries(self, url: str, accept: tuple[str, ...], limit: int) -> Response:
        attempt = 0
        while True:
            response = self._paced(url, accept, limit)
            if response.status in _RETRY_STATUSES and attempt < self.politeness.retries:
                wait = self._retry_wait(response, attempt)
                attempt += 1
                self._pacer.done(host_of(url), wait)
                continue
            if response.status in _RETRY_STATUSES:
                raise FetchError(
                    "http",
                    f"HTTP {response.status} {response.reason} after {attempt + 1} attempts",
                    response.status,
                )
            if response.status != 200 and response.status not in _REDIRECTS:
                raise FetchError(
                    "http", f"HTTP {response.status} {response.reason}".strip(), response.status
                )
            return response

    def _retry_wait(self, response: Response, attempt: int) -> float:
        backoff = max(self.politeness.delay, 0.5) * 2**attempt
        asked = _retry_after(response.header("retry-after"))
        wait = max(backoff, asked or 0.0)
        if wait > self.politeness.max_retry_wait:
            raise FetchError(
                "http",
                f"HTTP {response.status}: asked to wait {wait:.0f} s "
                f"(more than {self.politeness.max_retry_wait:.0f} s)",
                response.status,
            )
        return wait

    # --- one request -----------------------------------------------------------------------

    def _paced(self, url: str, accept: tuple[str, ...], limit: int) -> Response:
        host = host_of(url)
        with self._pacer.lock(host):
            self._pacer.wait_turn(host)
            try:
                response = self._request(url, accept, limit)
            except FetchError:
                self._log(url, None)
                raise
            finally:
                self._pacer.done(host)
        self._log(url, response.status)
        return response

    def _log(self, url: str, status: int | None) -> None:
        if self.on_request is not None:
            self.on_request(url, status)

    def _request(self, url: str, accept: tuple[str, ...], limit: int) -> Response:
        parts = urlsplit(url)
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        headers = [
            ("User-Agent", self.politeness.user_agent),
            ("Accept", ", ".join((*accept, "*/*;q=0.1"))),
            ("Accept-Encoding", "identity"),
            ("Connection", "close"),
        ]
        conn = _connection(parts, self.politeness.timeout)
        started = time.time()
        try:
            conn.request("GET", target, headers=dict(headers))
            raw = conn.getresponse()
            response = Response(
                url=url,
                final_url=url,
                status=raw.status,
                reason=raw.reason or "",
                headers=list(raw.getheaders()),
                body=b"",
                request_headers=[("Host", parts.netloc), *headers],
                protocol="HTTP/1.0" if raw.version == 10 else "HTTP/1.1",
                fetched_at=started,
            )
            if response.status == 200:
                _check_type(response, accept)
                response.body = _read_capped(raw, limit, self.politeness.timeout * 6, started)
            return response
        except TimeoutError as exc:
            raise FetchError("timeout", f"timed out after {self.politeness.timeout:g} s") from exc
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            raise FetchError("network", f"network error: {_one_line(exc)}") from exc
        finally:
            conn.close()

    def _read_robots(self, base: str) -> urllib.robotparser.RobotFileParser | FetchError | None:
        """The host's robots.txt (None: no rules). 4xx means no rules; 5xx or an
        unreachable host means everything is disallowed (RFC 9309): a FetchError that
        says why, raised for every URL of the host."""
        parser = urllib.robotparser.RobotFileParser(base + "/robots.txt")
        try:
            response = self._robots_response(base + "/robots.txt")
        except FetchError as exc:
            if exc.kind == "stopped":
                raise
            if exc.status is not None and 400 <= exc.status < 500:
                return None
            kind = "robots" if exc.status else exc.kind  # a network failure is tried again
            reason = f"robots.txt unavailable ({exc.reason}): staying away"
            return FetchError(kind, reason, exc.status)  # 5xx: tried again next run
        if response is None:  # redirected too often: no rules to follow
            return None
        text = response.body.decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.politeness.user_agent)
        if delay:
            self._pacer.set_delay(host_of(base), float(delay))
        return parser

    def _robots_response(self, url: str) -> Response | None:
        """robots.txt, following up to 5 redirects (http -> https, www); any type."""
        seen: list[str] = []
        for _ in range(6):
            response = self._with_retries(url, (), _ROBOTS_MAX_BYTES)
            if response.status not in _REDIRECTS:
                return response
            try:
                url = self._next_hop(url, response, seen)
            except FetchError:
                return None
        return None


# --- helpers ----------------------------------------------------------------------------------


def _checked_url(url: str) -> str:
    """An http(s) URL with an ASCII host and path, or FetchError('url')."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise FetchError("url", f"not a valid URL: {_one_line(exc)}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError("url", "not an http(s) URL")
    try:
        netloc = parts.netloc.encode("idna").decode("ascii")
    except UnicodeError:
        netloc = parts.netloc
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    query = quote(parts.query, safe=_PATH_SAFE + "?")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _connection(parts, timeout: float) -> http.client.HTTPConnection:
    try:
        port = parts.port
    except ValueError as exc:
        raise FetchError("url", "not a valid port") from exc
    if parts.scheme == "https":
        return http.client.HTTPSConnection(parts.hostname, port, timeout=timeout)
    return http.client.HTTPConnection(parts.hostname, port, timeout=timeout)


def _check_type(response: Response, accept: tuple[str, ...]) -> None:
    """Content-Type among `accept` (any when `accept` is empty)."""
    ctype = response.content_type
    if accept and ctype and ctype not in accept:
        raise FetchError("content-type", f"content type {ctype} is not a page we read")


def _read_capped(raw: http.client.HTTPResponse, limit: int, budget: float, started: float) -> bytes:
    declared = raw.getheader("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError("too-large", f"larger than the cap ({int(declared):,} > {limit:,} bytes)")
    chunks, size = [], 0
    while True:
        chunk = raw.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError("too-large", f"larger than the cap ({limit:,} bytes)")
        if time.time() - started > budget:
            raise FetchError("timeout", f"took more than {budget:g} s to download")
        chunks.append(chunk)


def _retry_after(value: str) -> float | None:
    """Retry-After as seconds (a number or an HTTP date), None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
