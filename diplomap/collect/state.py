"""The collection's state: one SQLite file (DIR/collect.sqlite) that records every URL
seen, how it was found, its status and the reason, every request that left, and which
GDELT windows are done. Each change is committed at once (WAL journal), so a run that is
interrupted (Ctrl-C, kill, power cut) continues where it stopped and never refetches a
URL whose status is final.

Statuses: `pending` (found, not fetched yet), `kept` (fetched and kept in the WARC file
named in `warc_file`, not yet turned into an article: a resumed run reads it from there),
`fetched` (an article was written),
`skipped` (not fetched or not an article: the reason says why), `failed` (network or
server error after the retries; tried again by the next run), `duplicate` (same
canonical URL or same text as another article).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FINAL", "State", "UrlRow"]

FINAL = ("fetched", "skipped", "duplicate")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,          -- canonical URL
    found_as TEXT NOT NULL,        -- the URL as discovered
    via TEXT NOT NULL,             -- gdelt | feed | sitemap | list | source:NAME
    meta TEXT NOT NULL DEFAULT '{}',  -- what discovery knew (title, seen date, domain ...)
    status TEXT NOT NULL DEFAULT 'pending',
    kind TEXT,                     -- category of the reason (robots, content-type ...)
    reason TEXT,
    http_status INTEGER,
    content_hash TEXT,
    article_file TEXT,
    warc_file TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated REAL
);
CREATE INDEX IF NOT EXISTS urls_status ON urls(status);
CREATE INDEX IF NOT EXISTS urls_hash ON urls(content_hash);
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL, status INTEGER, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS windows (
    key TEXT PRIMARY KEY, n INTEGER NOT NULL, at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class UrlRow:
    url: str
    found_as: str
    via: str
    meta: dict[str, Any]
    status: str
    attempts: int
    warc_file: str | None = None


_ROW = "SELECT url, found_as, via, meta, status, attempts, warc_file FROM urls"


def _row(r: tuple) -> UrlRow:
    return UrlRow(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6])


class State:
    """The SQLite state of one collection folder (thread-safe: one lock, one connection)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- URLs -------------------------------------------------------------------------------

    def add_url(self, url: str, found_as: str, via: str, meta: dict | None = None) -> bool:
        """Record a discovered URL; False when it was already known (a duplicate find)."""
        with self._lock:
            cur = self._db.execute(
                "INSERT OR IGNORE INTO urls (url, found_as, via, meta, updated) VALUES (?,?,?,?,?)",
                (url, found_as, via, json.dumps(meta or {}, ensure_ascii=False), time.time()),
            )
            return cur.rowcount == 1

    def set_status(self, url: str, status: str, kind: str | None = None, **fields: Any) -> None:
        """Record the outcome for `url` (reason, http_status, content_hash, article_file)."""
        columns = {"status": status, "kind": kind, "updated": time.time(), **fields}
        assignments = ", ".join(f"{name} = ?" for name in columns)
        with self._lock:
            self._db.execute(
                f"UPDATE urls SET {assignments}, attempts = attempts + 1 WHERE url = ?",
                (*columns.values(), url),
            )

    def mark_kept(self, url: str, warc_file: str) -> None:
        """The page of `url` is safely in `warc_file` (not an article yet)."""
        with self._lock:
            self._db.execute(
                "UPDATE urls SET status = 'kept', warc_file = ?, updated = ? WHERE url = ?",
                (warc_file, time.time(), url),
            )

    def to_fetch(self) -> list[UrlRow]:
        """URLs not final yet (pending, or failed in an earlier run), in discovery order."""
        with self._lock:
            rows = self._db.execute(
                f"{_ROW} WHERE status NOT IN (?,?,?) ORDER BY rowid", FINAL
            ).fetchall()
        return [_row(r) for r in rows]

    def row(self, url: str) -> UrlRow | None:
        with self._lock:
            r = self._db.execute(f"{_ROW} WHERE url = ?", (url,)).fetchone()
        return None if r is None else _row(r)

    def url_with_hash(self, content_hash: str) -> str | None:
        """The URL of the article already written with this text, if any."""
        with self._lock:
            r = self._db.execute(
                "SELECT url FROM urls WHERE content_hash = ? AND status = 'fetched' LIMIT 1",
                (content_hash,),
            ).fetchone()
        return r[0] if r else None

    def statuses(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT url, status FROM urls").fetchall())

    def counts(self) -> Counter:
        """(status, kind) -> number of URLs."""
        with self._lock:
            rows = self._db.execute(
                "SELECT status, coalesce(kind, ''), count(*) FROM urls GROUP BY 1, 2"
            ).fetchall()
        return Counter({(s, k): n for s, k, n in rows})

    def reasons(self) -> list[tuple[str, str, str]]:
        """(url, status, reason) of every URL that is not fetched."""
        with self._lock:
            return self._db.execute(
                "SELECT url, status, coalesce(reason, '') FROM urls "
                "WHERE status != 'fetched' ORDER BY rowid"
            ).fetchall()

    # --- requests and GDELT windows ------------------------------------------------------------

    def log_request(self, url: str, status: int | None) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO requests (url, status, at) VALUES (?,?,?)", (url, status, time.time())
            )

    def requested_urls(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT url FROM requests ORDER BY id")]

    def window_done(self, key: str) -> bool:
        with self._lock:
            return (
                self._db.execute("SELECT 1 FROM windows WHERE key = ?", (key,)).fetchone()
                is not None
            )

    def mark_window(self, key: str, n: int) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO windows (key, n, at) VALUES (?,?,?)", (key, n, time.time())
            )
