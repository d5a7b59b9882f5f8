"""The `collect` subcommand of `python -m diplomap` (its options and what it prints).

Exit status: 0 when everything found was collected, 1 when some URL was skipped or failed
or a feed/sitemap could not be read (the rest is kept), 2 when the command line is wrong
or nothing at all could be collected.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

__all__ = ["add_collect_parser", "cmd_collect"]

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2
_MAX_LISTED = 50  # skipped URLs printed one line each; the rest are in collect.sqlite


def add_collect_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `collect` to the subparsers `sub` of the main parser."""
    c = sub.add_parser(
        "collect",
        help="find, fetch (politely) and keep articles about Lavrov from the web",
        description="Collect a corpus from the web into a folder that `build` reads. "
        "Network: robots.txt honoured, one request per host per --delay seconds.",
    )
    c.add_argument("--out", type=Path, required=True, help="collection folder")
    c.add_argument("--feed", action="append", default=[], metavar="URL", help="RSS/Atom feed")
    c.add_argument("--sitemap", action="append", default=[], metavar="URL", help="sitemap")
    c.add_argument("--urls", action="append", default=[], type=Path, metavar="FILE",
                   help="a .txt (one URL a line) or .csv (url column) of links")  # fmt: skip
    c.add_argument("--gdelt", metavar="QUERY", help="search GDELT DOC 2.0 (e.g. Lavrov)")
    c.add_argument("--since", type=_date, help="GDELT: first day, YYYY-MM-DD")
    c.add_argument("--until", type=_date, help="GDELT: last day, YYYY-MM-DD (default today)")
    c.add_argument("--lang", default="ar,fa,ru,en", help="GDELT languages (default ar,fa,ru,en)")
    c.add_argument("--source", action="append", default=[], metavar="NAME",
                   help="a source profile of data/sources.toml (id or outlet name)")  # fmt: skip
    c.add_argument("--match", action="append", default=None, metavar="WORD",
                   help="keep feed/sitemap entries with this word (default: Lavrov's name "
                   "in the four languages); --match '*' keeps all")  # fmt: skip
    c.add_argument("--delay", type=float, default=1.0, help="seconds between requests per host")
    c.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    c.add_argument("--max-mb", type=float, default=10.0, help="largest page fetched, MB")
    c.add_argument("--contact", help="contact (email/URL) for the User-Agent (DIPLOMAP_CONTACT)")
    c.add_argument("--workers", type=int, default=4, help="hosts fetched at the same time")
    c.add_argument("--check", action="store_true", help="say which source profiles answer")
    c.add_argument("--from-warc", action="store_true",
                   help="rebuild the article files from the kept WARC files (no network)")  # fmt: skip
    c.add_argument("--discover-only", action="store_true", help="find and record URLs only")
    c.add_argument("--limit", type=int, metavar="N", help="fetch at most N URLs this run")
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.set_defaults(func=cmd_collect)
    return c


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _politeness(args):
    from diplomap.collect.fetch import Politeness, default_user_agent

    if args.delay < 0 or args.timeout <= 0 or args.max_mb <= 0:
        raise ValueError("--delay must be >= 0, --timeout and --max-mb > 0")
    return Politeness(
        user_agent=default_user_agent(args.contact),
        delay=args.delay,
        timeout=args.timeout,
        max_bytes=int(args.max_mb * 2**20),
    )


def _options(args):
    from diplomap.collect.run import Options

    if args.gdelt and not args.since:
        raise ValueError("--gdelt needs --since YYYY-MM-DD (and --until, default today)")
    until = args.until or dt.date.today()
    if args.since and args.since > until:
        raise ValueError("--since is after --until")
    terms = None if args.match is None else ([] if "*" in args.match else args.match)
    return Options(
        out=args.out,
        feeds=args.feed,
        sitemaps=args.sitemap,
        url_lists=args.urls,
        gdelt=args.gdelt,
        since=args.since,
        until=until,
        languages=[x.strip() for x in args.lang.split(",") if x.strip()],
        sources=args.source,
        terms=terms,
        politeness=_politeness(args),
        workers=max(1, args.workers),
        discover_only=args.discover_only,
        limit=args.limit if args.limit is None else max(0, args.limit),
        notify=None if args.quiet else _say,
    )


def _say(message: str) -> None:
    print(f"diplomap: found: {_safe(message)}", file=sys.stderr, flush=True)


def _safe(text: object) -> str:
    """One printable line: control characters (a hostile URL or reason) escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in str(text))


def cmd_collect(args: argparse.Namespace) -> int:
    """Run `collect` (or --check / --from-warc); print the summary; return the status."""
    try:
        if args.check:
            return _check(args)
        if args.from_warc:
            return _rebuild(args)
        options = _options(args)
    except ValueError as exc:
        print(f"diplomap: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    asked = options.feeds or options.sitemaps or options.url_lists or options.gdelt
    if not (asked or options.sources):
        print(
            "diplomap: error: nothing to collect: give --feed, --sitemap, --urls, "
            "--gdelt or --source (see: python -m diplomap collect --help)",
            file=sys.stderr,
        )
        return EXIT_NOTHING
    from diplomap.collect.run import collect  # lazy: --help starts fast

    try:
        summary = collect(options, progress=None if args.quiet else _progress())
    except ValueError as exc:  # an unknown --source, a broken sources file
        print(f"diplomap: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except KeyboardInterrupt:
        print(
            f"diplomap: interrupted; run the same command again to continue "
            f"({args.out}/collect.sqlite keeps what was done)",
            file=sys.stderr,
        )
        return 130
    return _finish(summary, args.out, args.quiet)


def _check(args) -> int:
    from diplomap.collect.run import check_sources

    failures = check_sources(args.source, _politeness(args), report=print)
    return EXIT_SKIPPED if failures else EXIT_OK


def _rebuild(args) -> int:
    from diplomap.collect.run import rebuild_from_warc

    try:
        summary = rebuild_from_warc(args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"diplomap: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    return _finish(summary, args.out, args.quiet)


def _finish(summary, out: Path, quiet: bool) -> int:
    from diplomap.collect.run import summary_line

    for where, reason in summary.problems:
        print(f"diplomap: warning: {_safe(where)}: {_safe(reason)}", file=sys.stderr)
    listed = [o for o in summary.outcomes if o[1] != "duplicate"]
    for url, status, reason in listed[:_MAX_LISTED]:
        print(f"diplomap: {status}: {_safe(url)}: {_safe(reason)}", file=sys.stderr)
    if len(listed) > _MAX_LISTED:
        print(
            f"diplomap: ... {len(listed) - _MAX_LISTED} more (table urls in {out}/collect.sqlite)",
            file=sys.stderr,
        )
    print(f"diplomap: collect: {summary_line(summary)} -> {out}", file=sys.stderr)
    if summary.total_articles == 0:
        return EXIT_NOTHING
    troubled = summary.problems or summary.skipped or summary.failed
    return EXIT_SKIPPED if troubled else EXIT_OK


def _progress():
    interactive = sys.stderr.isatty()
    state = {"last": 0.0, "start": time.monotonic()}

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if 0 < done < total and now - state["last"] < (0.2 if interactive else 5.0):
            return
        state["last"] = now
        width = 30
        filled = int(width * done / total) if total else width
        line = f"collecting [{'#' * filled}{'.' * (width - filled)}] {done}/{total} URLs"
        line += f", {now - state['start']:.0f} s"
        if interactive:
            print("\r" + line, end="\n" if done >= total else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return show
