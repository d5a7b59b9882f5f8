"""`collect`: discovery -> state -> polite fetching (hosts in parallel) -> WARC -> article
files that `build` reads; `--from-warc` rebuilds the article files from the WARC files
without the network; `--check` asks each source profile's addresses once.

The collection folder:

    DIR/articles/<lang>/<content hash>.jsonl   one article per file (JSON Lines)
    DIR/warc/collect-<time>-<pid>.warc.gz      the raw responses, one file per run
    DIR/collect.sqlite                         URLs, statuses, reasons, requests

`build DIR` reads the .jsonl files and skips the others (their types are not inputs).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplomap.collect import discover
from diplomap.collect.fetch import FEED_TYPES, Fetcher, FetchError, Politeness, host_of
from diplomap.collect.page import PageError, page_to_article
from diplomap.collect.sources import Source, load_sources, select_sources, source_for_url
from diplomap.collect.state import State, UrlRow
from diplomap.collect.urls import canonical_url
from diplomap.collect.warc import WarcStore, read_pages, warc_date

__all__ = [
    "Options",
    "Summary",
    "check_sources",
    "collect",
    "rebuild_from_warc",
    "summary_line",
    "write_article",
]

_RETRYABLE = frozenset({"timeout", "network"})
_MAX_ATTEMPTS = 3
_GDELT_DELAY = 5.0  # GDELT asks for at most one request every 5 seconds


@dataclass
class Options:
    out: Path
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    url_lists: list[Path] = field(default_factory=list)
    gdelt: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    languages: list[str] = field(default_factory=lambda: ["ar", "fa", "ru", "en"])
    sources: list[str] = field(default_factory=list)
    terms: list[str] | None = None  # None: Lavrov's name in 4 languages; []: keep all
    politeness: Politeness = field(default_factory=Politeness)
    workers: int = 4  # hosts fetched at the same time
    discover_only: bool = False
    limit: int | None = None  # fetch at most this many URLs this run (a trial run)
    notify: Callable[[str], None] | None = None  # hears one line per feed, sitemap, week


@dataclass
class Summary:
    found: int = 0  # URLs discovery gave this run
    new: int = 0  # of which not seen before
    fetched: int = 0  # pages fetched (or taken from the WARC files) this run
    articles: int = 0  # article files written this run
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)  # kind -> n
    failed: Counter = field(default_factory=Counter)
    outcomes: list[tuple[str, str, str]] = field(default_factory=list)  # (url, status, reason)
    problems: list[tuple[str, str]] = field(default_factory=list)  # discovery: (where, reason)
    total_articles: int = 0  # article files in the folder


class _Collection:
    """The folder's parts, shared by the host threads."""

    def __init__(self, out: Path, politeness: Politeness) -> None:
        self.out = out
        self._lock_file = _lock_folder(out)
        self.articles = out / "articles"
        self.state = State(out / "collect.sqlite")
        self.warc = WarcStore(out / "warc")
        self.stop = threading.Event()
        self.fetcher = Fetcher(
            politeness,
            on_request=self.state.log_request,
            host_delays=_gdelt_delays(politeness),
            stop=self.stop,
        )
        self.profiles = load_sources()
        self.lock = threading.Lock()
        self.summary = Summary()

    def close(self) -> None:
        self.warc.close()
        self.state.close()
        self._lock_file.close()


def _lock_folder(out: Path):
    """Hold DIR/.collect.lock for the run: two collects in one folder would interleave
    their state; the second stops with one line."""
    import fcntl  # POSIX; collect runs on servers and laptops, not on Windows

    out.mkdir(parents=True, exist_ok=True)
    handle = (out / ".collect.lock").open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise CollectionBusy(f"another collect is running in {out}") from None
    return handle


class CollectionBusy(ValueError):
    """Another process is collecting into the same folder."""


def _gdelt_delays(politeness: Politeness) -> dict[str, float]:
    if discover.gdelt_url() != discover.GDELT_URL:
        return {}
    return {host_of(discover.GDELT_URL): max(politeness.delay, _GDELT_DELAY)}


# --- the run --------------------------------------------------------------------------------


def collect(options: Options, progress: Callable[[int, int], None] | None = None) -> Summary:
    """Discover, fetch what is not fetched yet, write the articles; see the module doc."""
    c = _Collection(options.out, options.politeness)
    try:
        _discover_into(c, options)
        if not options.discover_only:
            rows = c.state.to_fetch()
            rows = _from_warc_first(c, rows)[: options.limit]
            _fetch_all(c, rows, options.workers, progress)
        c.summary.total_articles = _count_articles(c.articles)
        return c.summary
    finally:
        c.stop.set()
        c.close()


def _discover_into(c: _Collection, options: Options) -> None:
    """Find URLs and record each in the state as soon as its feed, sitemap, list or
    GDELT window is read (an interrupted discovery loses nothing it found)."""
    chosen = options.terms if options.terms is not None else list(discover.DEFAULT_TERMS)
    terms = chosen or None  # an empty list keeps every entry
    say = options.notify or (lambda message: None)
    for path in options.url_lists:
        _add(c, discover.from_url_list(path), f"list {path}", say)
    for url in options.feeds:
        _add(c, discover.from_feed(c.fetcher, url, terms), f"feed {url}", say)
    for url in options.sitemaps:
        _add(c, discover.from_sitemap(c.fetcher, url, terms), f"sitemap {url}", say)
    for profile in select_sources(options.sources, c.profiles) if options.sources else []:
        _add(c, _discover_source(c.fetcher, profile, terms), f"source {profile.id}", say)
    if options.gdelt:
        found = discover.from_gdelt(
            c.fetcher,
            options.gdelt,
            options.languages,
            options.since,
            options.until,
            done=c.state.window_done,
            mark=c.state.mark_window,
            notify=options.notify,
            keep=lambda item: _record_found(c, item),
        )
        c.summary.problems.extend(found.problems)


def _record_found(c: _Collection, item: discover.Found) -> None:
    c.summary.found += 1
    if c.state.add_url(canonical_url(item.url), item.url, item.via, item.meta):
        c.summary.new += 1


def _add(c: _Collection, found: discover.Discovery, where: str, say: Callable[[str], None]) -> None:
    for item in found.found:
        _record_found(c, item)
    c.summary.problems.extend(found.problems)
    say(f"{where}: {len(found.found)} URLs")


def _discover_source(
    fetcher: Fetcher, profile: Source, terms: list[str] | None
) -> discover.Discovery:
    out = discover.Discovery()
    for url in profile.feeds:
        out.extend(discover.from_feed(fetcher, url, terms))
    for url in profile.sitemaps:
        out.extend(discover.from_sitemap(fetcher, url, terms))
    for url in profile.listings:
        out.extend(discover.from_listing(fetcher, url, profile.link_pattern))
    return out


# --- fetching -------------------------------------------------------------------------------


def _from_warc_first(c: _Collection, rows: list[UrlRow]) -> list[UrlRow]:
    """Pages an interrupted run fetched and kept but did not turn into articles: read
    them from their WARC files instead of asking the site again. Returns the rows still
    to fetch (a kept page its WARC file lost is fetched again)."""
    kept = {row.url: row for row in rows if row.status == "kept"}
    if not kept:
        return rows
    names = {row.warc_file for row in kept.values() if row.warc_file}
    for page in read_pages(c.out / "warc", names):
        row = kept.pop(page.key, None)
        if row is not None and page.status == 200:
            c.summary.fetched += 1
            _keep_page(
                c, row, page.body, page.headers, page.url, page.file, page.record_id, page.date
            )
    return [row for row in rows if row.status != "kept" or row.url in kept]


def _fetch_all(c: _Collection, rows: list[UrlRow], workers: int, progress) -> None:
    by_host: dict[str, list[UrlRow]] = defaultdict(list)
    for row in rows:
        by_host[host_of(row.found_as)].append(row)
    total, done = len(rows), [0]

    def tick() -> None:
        with c.lock:
            done[0] += 1
        if progress is not None:
            progress(done[0], total)

    if progress is not None:
        progress(0, total)
    if not rows:
        return
    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host))))
    try:
        futures = [pool.submit(_fetch_host, c, host_rows, tick) for host_rows in by_host.values()]
        while futures:
            finished, pending = wait(futures, timeout=0.2, return_when=FIRST_EXCEPTION)
            for future in finished:
                future.result()  # a programming error in a thread surfaces here
            futures = list(pending)
    finally:
        c.stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


def _fetch_host(c: _Collection, rows: list[UrlRow], tick: Callable[[], None]) -> None:
    """Fetch one host's URLs in order (the fetcher paces them)."""
    for row in rows:
        if c.stop.is_set():
            return
        _fetch_one(c, row)
        tick()


def _fetch_one(c: _Collection, row: UrlRow) -> None:
    try:
        response = c.fetcher.get(row.found_as)
    except FetchError as exc:
        if exc.kind != "stopped":  # interrupted: the URL stays pending
            _record_failure(c, row, exc.kind, exc.reason, exc.status)
        return
    with c.lock:
        c.summary.fetched += 1
    record_id = c.warc.write(row.url, response)
    c.state.mark_kept(row.url, c.warc.path.name)
    _keep_page(
        c,
        row,
        response.body,
        response.headers,
        response.final_url,
        c.warc.path.name,
        record_id,
        warc_date(response.fetched_at),  # the same time the WARC record says
    )


def _record_failure(c: _Collection, row: UrlRow, kind: str, reason: str, status) -> None:
    retry = kind in _RETRYABLE or (kind == "http" and status is not None and status >= 429)
    if retry and row.attempts + 1 < _MAX_ATTEMPTS:
        state = "failed"
    else:
        state = "skipped"
        if retry and row.attempts:
            reason = f"{reason} (gave up after {row.attempts + 1} attempts)"
    c.state.set_status(row.url, state, kind, reason=reason, http_status=status)
    with c.lock:
        (c.summary.failed if state == "failed" else c.summary.skipped)[kind] += 1
        c.summary.outcomes.append((row.found_as, state, reason))


# --- page to article file ---------------------------------------------------------------------


def _keep_page(
    c: _Collection,
    row: UrlRow,
    body: bytes,
    headers: list[tuple[str, str]],
    final_url: str,
    warc_file: str,
    record_id: str,
    fetched_at: str | None = None,
) -> None:
    """Turn a fetched page into an article file (or record why not)."""
    profile = source_for_url(final_url, c.profiles)
    try:
        record = page_to_article(
            body, headers, final_url, meta=row.meta, source=profile.name if profile else None
        )
    except PageError as exc:
        _record_failure(c, row, exc.kind, exc.reason, None)
        return
    except Exception as exc:  # an engine failing on one hostile page: a reason, not a crash
        _record_failure(c, row, "extract", f"cannot read the page ({type(exc).__name__})", None)
        return
    record.update(_provenance(row, warc_file, record_id, fetched_at))
    with c.lock:
        _write_unique(c, row, record)


def _provenance(
    row: UrlRow, warc_file: str, record_id: str, fetched_at: str | None
) -> dict[str, Any]:
    fields = ("title", "seen_date", "domain", "language", "source_country")
    extra = {k: row.meta[k] for k in fields if k in row.meta}
    return {
        "found_as": row.found_as,
        "discovered_via": row.via,
        "fetched_at": fetched_at or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "warc_file": f"warc/{warc_file}",
        "warc_record_id": record_id,
        **({"gdelt": extra} if row.via == "gdelt" and extra else {}),
    }


def _write_unique(c: _Collection, row: UrlRow, record: dict[str, Any]) -> None:
    """Write the article unless its text or canonical URL is already there (call with
    the collection's lock held)."""
    digest = record["content_hash"]
    same_text = c.state.url_with_hash(digest)
    if same_text is None and record["url"] != row.url:
        other = c.state.row(record["url"])
        same_text = other.url if other is not None and other.status == "fetched" else None
    if same_text is not None and same_text != row.url:
        reason = f"same article as {same_text}"
        c.state.set_status(row.url, "duplicate", "duplicate", reason=reason, content_hash=digest)
        c.summary.duplicates += 1
        c.summary.outcomes.append((row.found_as, "duplicate", reason))
        return
    path = write_article(c.articles, record)
    c.state.set_status(
        row.url, "fetched", None, content_hash=digest, article_file=str(path.relative_to(c.out))
    )
    c.summary.articles += 1


def write_article(folder: Path, record: dict[str, Any]) -> Path:
    """Write one article as a one-line JSON Lines file, atomically (a hidden temporary
    file, then a rename: `build` never sees half a file)."""
    lang = record.get("language") or "other"
    target = folder / lang / f"{record['content_hash']}.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    line = json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"
    with tmp.open("wb") as handle:
        handle.write(line.encode("utf-8", errors="replace"))  # a lone surrogate: '?'
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return target


def _count_articles(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.jsonl")) if folder.is_dir() else 0


# --- from the WARC files ----------------------------------------------------------------------


def rebuild_from_warc(out: Path) -> Summary:
    """Rewrite every article file from the WARC files, without the network (after an
    engine change); the previous article files are replaced when the new ones are done."""
    if not any((out / "warc").glob("*.warc.gz")):
        raise FileNotFoundError(f"no WARC files in {out / 'warc'}")
    c = _Collection(out, Politeness())
    staging = out / ".articles.new"
    shutil.rmtree(staging, ignore_errors=True)
    c.articles = staging
    try:
        seen: set[str] = set()
        for page in read_pages(out / "warc"):
            if page.status != 200 or page.key in seen:
                continue
            seen.add(page.key)
            row = c.state.row(page.key) or UrlRow(page.key, page.url, "warc", {}, "pending", 0)
            c.state.set_status(row.url, "pending", None, content_hash=None)
            c.summary.fetched += 1
            _keep_page(
                c, row, page.body, page.headers, page.url, page.file, page.record_id, page.date
            )
        _swap_folders(staging, out / "articles")
        c.summary.total_articles = _count_articles(out / "articles")
        return c.summary
    finally:
        c.close()
        c.warc.path.unlink(missing_ok=True)  # this run fetched nothing


def _swap_folders(new: Path, old: Path) -> None:
    new.mkdir(parents=True, exist_ok=True)
    backup = old.with_name(".articles.old")
    shutil.rmtree(backup, ignore_errors=True)
    if old.exists():
        old.rename(backup)
    new.rename(old)
    shutil.rmtree(backup, ignore_errors=True)


# --- checking the source profiles ---------------------------------------------------------------


def check_sources(
    wanted: list[str], politeness: Politeness, report: Callable[[str], None] = print
) -> int:
    """Ask each address of the profiles once; report one line each. Returns how many
    did not answer."""
    profiles = load_sources()
    chosen = select_sources(wanted, profiles) if wanted else profiles
    fetcher = Fetcher(politeness)
    failures = 0
    for profile in chosen:
        for kind, url in _addresses(profile):
            try:
                response = fetcher.get(url, accept=FEED_TYPES)
            except FetchError as exc:
                failures += 1
                report(f"{profile.id}: {kind} {url}: {exc.reason}")
                continue
            size = f"{len(response.body) / 1024:,.0f} KB"
            report(f"{profile.id}: {kind} {url}: answers ({response.content_type or '?'}, {size})")
    return failures


def _addresses(profile: Source) -> list[tuple[str, str]]:
    return (
        [("feed", u) for u in profile.feeds]
        + [("sitemap", u) for u in profile.sitemaps]
        + [("listing", u) for u in profile.listings]
    )


def summary_line(summary: Summary) -> str:
    """The one-line summary `collect` prints."""
    skipped = sum(summary.skipped.values())
    failed = sum(summary.failed.values())
    why = ", ".join(f"{k} {n}" for k, n in summary.skipped.most_common())
    line = (
        f"{summary.found} URLs found ({summary.new} new), {summary.fetched} fetched, "
        f"{summary.articles} articles written, {summary.duplicates} duplicates, "
        f"{skipped} skipped" + (f" ({why})" if why else "")
    )
    if failed:
        line += f", {failed} failed (tried again next run)"
    return line + f"; {summary.total_articles} articles in the folder"
