"""Raw responses kept as WARC files (warcio): DIR/warc/collect-<time>-<pid>.warc.gz, one
file per run (an interrupted run can leave a cut last record in its own file only).

Each fetched page is a `request` and a `response` record; the response carries the
collection's key for it in `Diplomap-URL` (the canonical URL in the state file), so that
`collect --from-warc` rebuilds every article without the network. A cut or damaged file
is read up to its last whole record.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from diplomap.collect.fetch import Response

__all__ = ["WarcPage", "WarcStore", "read_pages", "warc_date"]

KEY_HEADER = "Diplomap-URL"


@dataclass
class WarcPage:
    key: str  # the canonical URL (state key)
    url: str  # WARC-Target-URI
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    date: str
    record_id: str
    file: str


class WarcStore:
    """Appends records to this run's WARC file (thread-safe)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        self.path = folder / f"collect-{stamp}-{os.getpid()}.warc.gz"
        self._lock = threading.Lock()
        self._handle = None

    def write(self, key: str, response: Response) -> str:
        """Write the request and response records; returns the response's record id."""
        with self._lock:
            if self._handle is None:
                self._handle = self.path.open("ab")
            writer = WARCWriter(self._handle, gzip=True)
            target = response.final_url
            date = warc_date(response.fetched_at)
            http_headers = StatusAndHeaders(
                f"{response.status} {response.reason}".strip(),
                [(k, v) for k, v in response.headers if k.lower() != "transfer-encoding"],
                protocol=response.protocol,
            )
            record = writer.create_warc_record(
                target,
                "response",
                payload=BytesIO(response.body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date, KEY_HEADER: key},
            )
            path = _request_path(target)
            request = writer.create_warc_record(
                target,
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    f"GET {path} HTTP/1.1", response.request_headers, is_http_request=True
                ),
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_request_response_pair(request, record)
            self._handle.flush()
            os.fsync(self._handle.fileno())
            return record.rec_headers.get_header("WARC-Record-ID")

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None


def read_pages(folder: Path, names: set[str] | None = None) -> Iterator[WarcPage]:
    """Every response record of the WARC files in `folder` (only those named in `names`
    when given), oldest file first."""
    from warcio.archiveiterator import ArchiveIterator

    for path in sorted(folder.glob("*.warc.gz")):
        if names is not None and path.name not in names:
            continue
        try:
            with path.open("rb") as handle:
                for record in ArchiveIterator(handle):
                    if record.rec_type != "response":
                        continue
                    yield _page(record, path.name)
        except Exception:  # a cut or damaged file: keep what was read
            continue


def _page(record, file: str) -> WarcPage:
    rec = record.rec_headers
    http_headers = record.http_headers
    status = int((http_headers.get_statuscode() or "0") if http_headers else 0)
    target = rec.get_header("WARC-Target-URI") or ""
    return WarcPage(
        key=rec.get_header(KEY_HEADER) or target,
        url=target,
        status=status,
        headers=list(http_headers.headers) if http_headers else [],
        body=record.content_stream().read(),
        date=rec.get_header("WARC-Date") or "",
        record_id=rec.get_header("WARC-Record-ID") or "",
        file=file,
    )


def warc_date(epoch: float) -> str:
    """A WARC-Date (UTC, to the second) for a Unix time (now when 0)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch or time.time()))


def _request_path(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))
