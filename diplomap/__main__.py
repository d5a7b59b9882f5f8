"""Command line: `python -m diplomap extract PATH...` and `python -m diplomap build PATH... --out DIR`.

Errors are one clear line on standard error, never a traceback. Exit status: 0 when
every input was read, 1 when something was skipped (the rest is still processed), 2 when
nothing could be read or the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2


def _report(problems, stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        label = "warning" if p.severity == "warning" else "skipped"
        print(f"diplomap: {label}: {where}: {p.reason}", file=stream)


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
    from diplomap import config, geocode

    return geocode.make_geocoder(config.user_agent(), config.cache_dir() / "geocode.json")


def article_record(corpus, article_id: str) -> dict:
    """The JSON object `extract` prints for one article."""
    from diplomap import schema as S

    art = corpus.articles.loc[corpus.articles[S.ARTICLE_ID] == article_id].iloc[0]
    m = corpus.mentions[corpus.mentions[S.ARTICLE_ID] == article_id]
    im = corpus.issue_mentions[corpus.issue_mentions[S.ARTICLE_ID] == article_id]
    st = corpus.statements[corpus.statements[S.ARTICLE_ID] == article_id]
    published = art[S.PUBLISHED]
    return {
        "id": article_id,
        "file": art[S.FILE],
        "title": art[S.TITLE],
        "language": art[S.LANGUAGE],
        "published": None
        if published is None or published != published
        else published.strftime("%Y-%m-%d"),
        "date_source": art[S.DATE_SOURCE],
        "date_precision": art[S.DATE_PRECISION],
        "countries": sorted(set(m[S.ISO3])),
        "lavrov_countries": sorted(set(m.loc[m[S.LAVROV], S.ISO3])),
        "issues": sorted(set(im[S.ISSUE])),
        "lavrov_issues": sorted(set(im.loc[im[S.LAVROV], S.ISSUE])),
        "places": [
            {
                "surface": r[S.SURFACE],
                "span": [int(r[S.START]), int(r[S.END])],
                "place": r[S.PLACE],
                "place_type": r[S.PLACE_TYPE],
                "iso3": r[S.ISO3],
                "lat": None if r[S.LAT] != r[S.LAT] else round(float(r[S.LAT]), 5),
                "lon": None if r[S.LON] != r[S.LON] else round(float(r[S.LON]), 5),
                "kind": r[S.MATCH_KIND],
                "lavrov": bool(r[S.LAVROV]),
            }
            for r in m.to_dict("records")
        ],
        "issue_mentions": [
            {
                "surface": r[S.SURFACE],
                "span": [int(r[S.START]), int(r[S.END])],
                "issue": r[S.ISSUE],
                "lavrov": bool(r[S.LAVROV]),
            }
            for r in im.to_dict("records")
        ],
        "statements": [
            {
                "speaker": r[S.SPEAKER],
                "kind": r[S.KIND],
                "text": r[S.TEXT],
                "span": [int(r[S.START]), int(r[S.END])],
            }
            for r in st.to_dict("records")
        ],
    }


def cmd_extract(args) -> int:
    from diplomap.corpus import build_from_articles
    from diplomap.ingest import read_paths

    result = read_paths(args.paths)
    corpus = build_from_articles(
        result.articles,
        result.problems,
        workers=args.workers,
        geocoder=_make_geocoder(args.geocode),
    )
    out = sys.stdout
    for aid in corpus.articles["article_id"]:
        out.write(json.dumps(article_record(corpus, aid), ensure_ascii=False) + "\n")
    out.flush()
    _report(corpus.problems)
    if len(corpus.articles) == 0:
        print("diplomap: no articles found in the given paths", file=sys.stderr)
    return _exit_status(len(corpus.articles), corpus.problems)


def _prepare_dashboard(version: Path, quiet: bool) -> None:
    """Precompute the dashboard's tables for this corpus version now (else its first
    visitor waits for them)."""
    from diplomap import views
    from diplomap.corpus import read_manifest

    fingerprint = (read_manifest(version.parent) or {}).get("fingerprint")
    started = time.monotonic()
    views.save_store(version, fingerprint)
    if not quiet:
        print(
            f"diplomap: dashboard tables ready in {time.monotonic() - started:.1f} s",
            file=sys.stderr,
        )


def cmd_build(args) -> int:
    from diplomap.corpus import build_to_dir, input_signature

    started = time.monotonic()
    signature = input_signature([Path(p).resolve() for p in args.paths])
    summary = build_to_dir(
        args.paths,
        args.out,
        full=args.full,
        workers=args.workers,
        progress=None if args.quiet else _progress_printer("extracting"),
        geocoder=_make_geocoder(args.geocode),
        signature=signature,
    )
    _report(summary.problems)
    n_articles = summary.counts["articles"]
    if n_articles == 0:
        print("diplomap: no articles found in the given paths; nothing written", file=sys.stderr)
        return EXIT_NOTHING
    if args.dashboard:
        _prepare_dashboard(summary.path, args.quiet)
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
    b.add_argument("--out", type=Path, required=True, help="output folder")
    b.add_argument("--full", action="store_true", help="re-extract everything")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument(
        "--dashboard",
        action="store_true",
        help="also precompute the dashboard's tables (its first start is then instant)",
    )
    b.set_defaults(func=cmd_build)
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
        print(f"diplomap: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except Exception as exc:  # a last resort: one line, never a traceback
        name = type(exc).__name__
        message = str(exc) if name == "GeocodingUnavailable" else f"{name}: {exc}"
        print(f"diplomap: error: {message}", file=sys.stderr)
        return EXIT_NOTHING


if __name__ == "__main__":
    sys.exit(main())
