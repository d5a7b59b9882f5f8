"""Command line: `python -m diplomap extract PATH...`, `build PATH... --out DIR`, `evaluate GOLD PATH...`, `collect --out DIR ...`.

Errors are one clear line on standard error, never a traceback. Exit status: 0 when
every input was read, 1 when something was skipped (the rest is still processed), 2 when
nothing could be read or the command line is wrong. `evaluate` also exits 1 when gold
articles are missing from the inputs, and 2 when the gold file is unusable.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from pathlib import Path

from diplomap.collect.cli import add_collect_parser
from diplomap.names import escape_controls
from diplomap.records import column_records

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2
EXTRACT_BLOCK = 2000  # articles extracted, then printed, at a time by `extract`


def _report(problems, stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems:
        file = escape_controls(p.file)  # a name never starts a line nor moves the cursor
        where = f"{file}:{p.line}" if p.line else file
        label = "warning" if p.severity == "warning" else "skipped"
        print(f"diplomap: {label}: {where}: {escape_controls(p.reason)}", file=stream)


def _exit_status(n_articles: int, problems) -> int:
    if n_articles == 0:
        return EXIT_NOTHING
    return EXIT_SKIPPED if any(p.severity == "error" for p in problems) else EXIT_OK


def _progress_printer(label: str):
    interactive = sys.stderr.isatty()
    state = {"last": 0.0, "start": time.monotonic()}

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - state["last"] < (0.2 if interactive else 5.0):
            return
        state["last"] = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - state["start"], 1e-9)
        line = f"{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles, {rate:,.0f}/s"
        if interactive:
            print("\r" + line, end="\n" if done >= total else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return show


def _make_geocoder(enabled: bool):
    if not enabled:
        return None
    from diplomap import config
    from diplomap.extract import geocode  # lazy: only with --geocode (geopy)

    return geocode.make_geocoder(config.user_agent(), config.cache_dir() / "geocode.json")


def cmd_extract(args) -> int:
    # lazy: --help and other commands start without extraction's modules; this command
    # prints records from the extracted columns, without pandas or pyarrow (~0.3 s)
    from diplomap.corpus.extraction import extract_columns
    from diplomap.ingest import dedupe, read_paths

    result = read_paths(args.paths)
    articles = dedupe(result.articles)
    problems = list(result.problems)
    geocoder = _make_geocoder(args.geocode)
    show = _progress_printer("extracting") if sys.stderr.isatty() and articles else None
    n_printed = 0
    # In blocks: each is extracted, printed and dropped, so the output streams and its
    # cost is linear in the number of articles (column_records groups a block's rows once).
    for start in range(0, len(articles), EXTRACT_BLOCK):
        block, failed = extract_columns(  # no MinHash: records have no reprint clusters
            articles[start : start + EXTRACT_BLOCK],
            workers=args.workers,
            geocoder=geocoder,
            signatures=False,
        )
        problems.extend(failed)
        n_printed += _print_records(block.cols)
        if show is not None:
            show(min(start + EXTRACT_BLOCK, len(articles)), len(articles))
    _report(problems)
    if n_printed == 0:
        print("diplomap: no articles found in the given paths", file=sys.stderr)
    return _exit_status(n_printed, problems)


def _print_records(cols: dict[str, dict[str, list]]) -> int:
    """Print the record of every article of a block's columns; how many."""
    out = sys.stdout
    n = 0
    for record in column_records(cols):
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        n += 1
    out.flush()
    return n


def cmd_evaluate(args) -> int:
    from diplomap import evaluate  # lazy: --help and other commands start without pandas (~0.3 s)

    try:
        gold = evaluate.load_gold(args.gold)
    except evaluate.GoldError as exc:
        print(f"diplomap: error: {escape_controls(exc)}", file=sys.stderr)
        return EXIT_NOTHING
    problems: list = []
    predicted = evaluate.predict(
        args.paths,
        workers=args.workers,
        geocoder=_make_geocoder(args.geocode),
        problems=problems,
        exclude=args.gold,
    )
    _report(problems)
    if not predicted:
        print("diplomap: no articles found in the given paths", file=sys.stderr)
        return EXIT_NOTHING
    for warning in evaluate.gold_warnings(gold):
        print(
            f"diplomap: warning: {escape_controls(args.gold)}: {escape_controls(warning)}",
            file=sys.stderr,
        )
    scores = evaluate.score(gold, predicted)
    for file in map(escape_controls, scores.missing):
        print(f"diplomap: missing: {file}: not found in the given paths", file=sys.stderr)
    for file in map(escape_controls, scores.ambiguous):
        print(f"diplomap: missing: {file}: several articles have this name", file=sys.stderr)
    not_found = [(d.file, s) for d in scores.diffs for s in d.not_found]
    for file, substring in not_found:
        print(
            f"diplomap: warning: {escape_controls(file)}: gold sentence not in the text: "
            f"{escape_controls(repr(substring[:60]))}",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(evaluate.to_dict(scores), ensure_ascii=False, allow_nan=False))
    else:
        print(evaluate.format_table(scores))
        if args.verbose:
            print()
            print(evaluate.format_differences(scores))
    incomplete = scores.missing or scores.ambiguous or not_found
    skipped = any(p.severity == "error" for p in problems)
    return EXIT_SKIPPED if incomplete or skipped else EXIT_OK


def _prepare_dashboard(version: Path, quiet: bool) -> None:
    """Precompute the dashboard's tables for this corpus version now (else its first
    visitor waits for them)."""
    from diplomap.corpus import (
        read_manifest,  # lazy: --help and other commands start without pandas (~0.3 s)
    )
    from diplomap.explore.store import save_store  # lazy: numpy/pandas, --dashboard only

    fingerprint = (read_manifest(version.parent) or {}).get("fingerprint")
    started = time.monotonic()
    save_store(version, fingerprint)
    if not quiet:
        print(
            f"diplomap: dashboard tables ready in {time.monotonic() - started:.1f} s",
            file=sys.stderr,
        )


def _say(message: str) -> None:
    print(f"diplomap: {message}", file=sys.stderr, flush=True)


def _publish(corpus_dir: Path, dest: Path, quiet: bool) -> None:
    """Write the published copy of the corpus just built (no full texts) into `dest`."""
    from diplomap.corpus.publish import publish  # lazy: --publish only

    if dest.resolve() == corpus_dir.resolve():
        raise OSError(f"--publish {dest} is the --out folder: give the public copy its own")
    version = publish(corpus_dir, dest)
    if not quiet:
        print(
            f"diplomap: published (statements, counts and links; no full texts) -> {dest} "
            f"({version.name})",
            file=sys.stderr,
        )


def cmd_build(args) -> int:
    from diplomap.corpus.lock import corpus_lock

    if args.scheduler is not None and args.geocode:
        print("diplomap: error: --geocode cannot be used with --scheduler", file=sys.stderr)
        return EXIT_NOTHING
    # the cluster first (an unreachable one stops the build before the corpus is touched),
    # then the folder's write lock over the whole command: no other build removes this
    # version while the dashboard's tables or the published copy are made of it
    with (
        _cluster(args) as cluster,
        corpus_lock(args.out, wait=not args.no_wait, notify=_say),
    ):
        return _build_locked(args, cluster)


def _cluster(args):
    """The Dask cluster of --scheduler (a context: closed after the build), or None."""
    if args.scheduler is None:
        return contextlib.nullcontext(None)
    from diplomap.corpus.distributed import connect  # lazy: dask only with --scheduler

    return connect(args.scheduler, args.workers)


def _build_locked(args, cluster=None) -> int:
    from diplomap.corpus import (  # lazy: --help and other commands start without pandas (~0.3 s)
        build_to_dir,
        input_signature,
    )

    started = time.monotonic()
    signature = input_signature([Path(p).resolve() for p in args.paths])
    workers, runner = args.workers, None
    if cluster is not None:
        cluster.check_workers(args.paths)
        workers, runner = cluster.threads, cluster.run
        if not args.quiet:
            _say(f"extracting on the dask cluster at {cluster.address}: {workers} worker thread(s)")
    summary = build_to_dir(
        args.paths,
        args.out,
        full=args.full,
        compact=args.compact,
        workers=workers,
        runner=runner,
        progress=None if args.quiet else _progress_printer("extracting"),
        geocoder=_make_geocoder(args.geocode),
        signature=signature,
        wait=not args.no_wait,
        notify=_say,
    )
    _report(summary.problems)
    n_articles = summary.counts["articles"]
    if n_articles == 0:
        print("diplomap: no articles found in the given paths; nothing written", file=sys.stderr)
        return EXIT_NOTHING
    if args.dashboard:
        _prepare_dashboard(summary.path, args.quiet)
    if args.publish is not None:
        _publish(summary.path.parent, args.publish, args.quiet)
    if not args.quiet:
        print(
            f"diplomap: {n_articles} articles ({summary.reused} unchanged, not re-extracted), "
            f"{summary.counts['mentions']} place mentions, "
            f"{summary.counts['issue_mentions']} issue mentions, "
            f"{summary.counts['statements']} Lavrov statements -> {summary.path.parent} "
            f"in {time.monotonic() - started:.1f} s",
            file=sys.stderr,
        )
    return _exit_status(n_articles, summary.problems)


def _folder(value: str) -> Path:
    """--out: a folder path; a URL (s3://, gs://, ...) is refused in one line."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", value):
        raise argparse.ArgumentTypeError(
            f"{value} is a URL: the corpus is written to a folder path only (a local disk, "
            "or a shared folder mounted on this machine such as NFS); s3:// and other "
            "fsspec URLs are not supported"
        )
    return Path(value)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        print(f"diplomap: {message} (see: python -m diplomap --help)", file=sys.stderr)
        raise SystemExit(EXIT_NOTHING)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m diplomap", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument("paths", nargs="+", type=Path, help="files, folders or .zip archives")
    common.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    common.add_argument(
        "--geocode",
        action="store_true",
        help="look up names the offline gazetteer lacks on Nominatim (network; 1 request/s, cached)",
    )
    ex = sub.add_parser("extract", parents=[common], help="print one JSON object per article")
    ex.set_defaults(func=cmd_extract)
    b = sub.add_parser("build", parents=[common], help="build the Parquet corpus")
    b.add_argument("--out", type=_folder, required=True, help="output folder")
    b.add_argument("--full", action="store_true", help="re-extract everything")
    b.add_argument(
        "--compact",
        action="store_true",
        help="rewrite the saved parts into one per table and year (nothing re-extracted)",
    )
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument(
        "--no-wait",
        action="store_true",
        help="if another build is writing --out, stop at once (default: wait for it)",
    )
    b.add_argument(
        "--publish",
        type=Path,
        default=None,
        metavar="DIR",
        help="also write a corpus fit for a public hosted app into DIR: statements, counts "
        "and links, without the articles' full texts (README: Share it)",
    )
    b.add_argument(
        "--dashboard",
        action="store_true",
        help="also precompute the dashboard's tables (its first start is then instant)",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="extract on a Dask cluster: its scheduler's address (tcp://HOST:PORT), or "
        "'local' for one of --workers processes on this machine; needs "
        "requirements-scale.txt (README: Building on a cluster)",
    )
    b.set_defaults(func=cmd_build)
    ev = sub.add_parser(
        "evaluate", help="precision/recall/F1 of extract against a gold JSONL file, per language"
    )
    ev.add_argument(
        "gold", type=Path, help="gold JSON Lines file (see README: Measure it yourself)"
    )
    ev.add_argument(
        "paths", nargs="+", type=Path, help="the articles: files, folders or .zip archives"
    )
    ev.add_argument(
        "-v", "--verbose", action="store_true", help="also list each article's differences"
    )
    ev.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ev.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ev.add_argument("--geocode", action="store_true", help="as for extract (network)")
    ev.set_defaults(func=cmd_evaluate)
    add_collect_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("diplomap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # e.g. an unwritable --out folder, or geocoding without network
        print(f"diplomap: error: {escape_controls(exc)}", file=sys.stderr)
        return EXIT_NOTHING
    except Exception as exc:  # a last resort: one line, never a traceback
        name = type(exc).__name__
        plain = name in ("GeocodingUnavailable", "ClusterError")
        message = str(exc) if plain else f"{name}: {exc}"
        print(f"diplomap: error: {escape_controls(message)}", file=sys.stderr)
        return EXIT_NOTHING


if __name__ == "__main__":
    sys.exit(main())
