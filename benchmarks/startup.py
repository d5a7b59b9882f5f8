"""Start-up time of `python -m diplomap extract ONE_FILE` (issue 14, target <= 0.6 s warm).

    python benchmarks/startup.py                     # the first bundled article, 5 runs
    python benchmarks/startup.py FILE --runs 7 --cold-runs 2

Each run is a new process (`sys.executable -m diplomap extract FILE`, output discarded),
timed from outside, wall clock, with bytecode cached as for an installed package (in a
temporary PYTHONPYCACHEPREFIX; without it, PYTHONDONTWRITEBYTECODE would add the
compilation of every module of the checkout to every run: reported apart). Cold: an empty cache folder (DIPLOMAP_CACHE), so the
gazetteer and the issue taxonomy are built and written; warm: the same cache folder,
written by a first run. The figure of each is the minimum of its runs (the machine is
shared: the minimum is the least disturbed), with its CPU time (user + system, steadier
than the wall clock when other processes load the machine). `-X importtime` of one warm run gives the
modules that cost most to import, by cumulative and by own time, and whether pandas,
pyarrow or numpy were imported at all. `measure()` returns it all as a dict (called by
benchmarks/run.py); run as a script, it prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "data" / "articles" / "000_9091aa48b12efacd.txt"
TARGET_WARM_S = 0.6
HEAVY = ("pandas", "pyarrow", "numpy", "babel", "pymorphy3", "wordfreq", "dateparser")
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)\s*$")


def _env(cache: Path, pycache: Path | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DIPLOMAP_CACHE": str(cache)}
    if pycache is not None:  # bytecode written and read there (not in the checkout)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _run(args: list[str], cache: Path, pycache: Path | None) -> tuple[float, str]:
    """Wall time of one process, and its standard error (its CPU time: `_cpu`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=_env(cache, pycache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}: {proc.stderr[-500:]}")
    return elapsed, proc.stderr


# CPU time (user + system) of each process run, in order: steadier than wall time on a
# shared machine (other processes' load stretches the wall clock, not this).
_cpu: list[float] = []


def _extract(file: Path) -> list[str]:
    return ["-m", "diplomap", "extract", str(file)]


def import_times(stderr: str) -> list[dict]:
    """The `-X importtime` lines: module, own and cumulative microseconds, depth."""
    rows = []
    for line in stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if m:
            own, cumulative, indent, module = m.groups()
            rows.append(
                {
                    "module": module,
                    "self_us": int(own),
                    "cumulative_us": int(cumulative),
                    "depth": len(indent) // 2,
                }
            )
    return rows


def measure(
    file: str | Path = DEFAULT_FILE, runs: int = 5, cold_runs: int = 2, top: int = 12
) -> dict:
    """Cold and warm start-up of `extract` on one file (minimum of the runs, seconds), the
    bare interpreter's start-up for reference, and the top imports of a warm run. A cold
    run builds the gazetteer (15-30 s on 2 cores); `cold_runs=0` leaves it out (None).

    Bytecode is cached as for an installed package (in a temporary PYTHONPYCACHEPREFIX,
    whatever PYTHONDONTWRITEBYTECODE says). When the environment sets
    PYTHONDONTWRITEBYTECODE, `warm_as_env_s` is the warm start-up without cached bytecode
    (every module of the checkout compiled at every start), else None."""
    file = Path(file)
    with tempfile.TemporaryDirectory(prefix="diplomap-startup-") as name:
        tmp = Path(name)
        pyc = tmp / "pycache"
        ext = _extract(file)
        cold = [_run(ext, tmp / f"cold-{i}", pyc)[0] for i in range(cold_runs)]
        warm_cache = tmp / f"cold-{cold_runs - 1}"  # written by the last cold run
        _run(ext, warm_cache, pyc)  # writes the caches (when no cold run did) and bytecode
        _cpu.clear()
        warm = [_run(ext, warm_cache, pyc)[0] for _ in range(max(1, runs))]
        warm_cpu = min(_cpu)
        as_env = None
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            as_env = min(_run(ext, warm_cache, None)[0] for _ in range(max(1, runs)))
        python = min(_run(["-c", "pass"], warm_cache, pyc)[0] for _ in range(max(1, runs)))
        _, stderr = _run(["-X", "importtime", *ext], warm_cache, pyc)
    imports = import_times(stderr)
    top_level = [r for r in imports if r["depth"] == 0]
    return {
        "file": str(file),
        "runs": len(warm),
        "cold_s": round(min(cold), 3) if cold else None,
        "warm_s": round(min(warm), 3),
        "target_warm_s": TARGET_WARM_S,
        "warm_ok": min(warm) <= TARGET_WARM_S,
        "cold_runs_s": [round(t, 3) for t in cold],
        "warm_runs_s": [round(t, 3) for t in warm],
        "warm_cpu_s": round(warm_cpu, 3),  # user + system CPU time, minimum of the runs
        "warm_as_env_s": None if as_env is None else round(as_env, 3),
        "python_s": round(python, 3),
        "imports_total_s": round(sum(r["cumulative_us"] for r in top_level) / 1e6, 3),
        "top_imports_cumulative": _top(imports, "cumulative_us", top),
        "top_imports_self": _top(imports, "self_us", top),
        "heavy_imported": [m for m in HEAVY if any(r["module"] == m for r in imports)],
    }


def _top(rows: list[dict], key: str, n: int) -> list[list]:
    best = sorted(rows, key=lambda r: r[key], reverse=True)[:n]
    return [[r["module"], round(r[key] / 1e3, 1)] for r in best]  # milliseconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    parser.add_argument("--runs", type=int, default=5, help="warm runs (default 5)")
    parser.add_argument("--cold-runs", type=int, default=2, help="cold runs (default 2)")
    parser.add_argument("--json", action="store_true", help="print the dict as JSON")
    args = parser.parse_args(argv)
    result = measure(args.file, runs=args.runs, cold_runs=args.cold_runs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    verdict = "OK" if result["warm_ok"] else "MISSED"
    print(f"extract, one file: {result['file']}")
    if result["cold_s"] is not None:
        print(f"cold start-up: {result['cold_s']:.3f} s (min of {result['cold_runs_s']})")
    print(
        f"warm start-up: {result['warm_s']:.3f} s (min of {result['warm_runs_s']}; "
        f"target <= {TARGET_WARM_S} s, {verdict})"
    )
    print(f"warm start-up CPU time (user + system): {result['warm_cpu_s']:.3f} s")
    if result["warm_as_env_s"] is not None:
        print(
            f"warm start-up without cached bytecode (PYTHONDONTWRITEBYTECODE is set): "
            f"{result['warm_as_env_s']:.3f} s"
        )
    print(f"bare python start-up: {result['python_s']:.3f} s")
    print(f"imports (warm run): {result['imports_total_s']:.3f} s")
    print(f"heavy modules imported: {', '.join(result['heavy_imported']) or 'none'}")
    for label, key in (("cumulative", "top_imports_cumulative"), ("own", "top_imports_self")):
        print(f"top imports by {label} time (ms):")
        for module, ms in result[key]:
            print(f"  {ms:8.1f}  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
