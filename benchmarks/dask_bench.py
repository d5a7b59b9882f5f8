"""The `build` command on a Dask cluster vs the built-in process pool, on the same articles.

    .venv/bin/python benchmarks/dask_bench.py [N] [--workdir DIR]   # default 2000 articles

Builds a synthetic corpus of N articles (benchmarks/make_corpus.py, kept in DIR) twice,
each from scratch (`--full`) as a subprocess: with the pool (`--workers 2`) and with
`--scheduler local --workers 2` (a LocalCluster of two worker processes, started and
stopped by the command, so its start-up is in the time), and prints the wall time and
articles/s of each. `measure(articles_dir, workdir)` returns the same figures as a dict
(needs dask: pip install -r requirements-scale.txt).
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

WORKERS = 2
ARTICLES_LINE = re.compile(r"diplomap: (\d+) articles \(")


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(articles_dir: Path, out: Path, *extra: str) -> tuple[float, float, int]:
    """Wall time, CPU time (the command and all its processes) and articles of one
    `build --full` of `articles_dir` into `out`."""
    command = [sys.executable, "-m", "diplomap", "build", str(articles_dir), "--out", str(out)]
    command += ["--full", "--workers", str(WORKERS), *extra]
    started, cpu = time.perf_counter(), _cpu_of_children()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    elapsed, cpu = time.perf_counter() - started, _cpu_of_children() - cpu
    found = ARTICLES_LINE.search(proc.stderr)
    if proc.returncode not in (0, 1) or found is None:
        last = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        raise RuntimeError(f"build {' '.join(extra) or '(pool)'} failed: {last[0]}")
    return elapsed, cpu, int(found.group(1))


def measure(articles_dir: Path, workdir: Path) -> dict:
    """Build `articles_dir` with the pool and with `--scheduler local` (2 workers each)
    into folders of `workdir`: {"articles", "workers", "pool_s", "pool_rate", "pool_cpu_s",
    "dask_s", "dask_rate", "dask_cpu_s", "dask_vs_pool"} (wall seconds, articles/s, CPU
    seconds of all the build's processes, dask rate / pool rate)."""
    workdir.mkdir(parents=True, exist_ok=True)
    pool_s, pool_cpu, n = _build(articles_dir, workdir / "corpus-pool")
    dask_s, dask_cpu, n_dask = _build(articles_dir, workdir / "corpus-dask", "--scheduler", "local")
    if n_dask != n:
        raise RuntimeError(f"the dask build saved {n_dask} articles, the pool {n}")
    return {
        "articles": n,
        "workers": WORKERS,
        "pool_s": round(pool_s, 2),
        "pool_rate": round(n / pool_s, 1),
        "pool_cpu_s": round(pool_cpu, 2),
        "dask_s": round(dask_s, 2),
        "dask_rate": round(n / dask_s, 1),
        "dask_cpu_s": round(dask_cpu, 2),
        "dask_vs_pool": round(pool_s / dask_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=2000, help="articles (default 2000)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/diplomap-dask-bench"))
    args = parser.parse_args()
    articles = args.workdir / f"articles-{args.n}"
    if not (articles / "SYNTHETIC.md").exists():
        make_corpus.make_corpus(args.n, articles, 0)
    figures = measure(articles, args.workdir)
    n = figures["articles"]
    print(f"pool build ({WORKERS} processes): {n} articles in {figures['pool_s']} s, "
          f"{figures['pool_rate']} articles/s, {figures['pool_cpu_s']} s of CPU")  # fmt: skip
    print(f"dask build (--scheduler local, {WORKERS} workers): {n} articles in "
          f"{figures['dask_s']} s, {figures['dask_rate']} articles/s, "
          f"{figures['dask_cpu_s']} s of CPU ({figures['dask_vs_pool']:.2f}x the pool)")  # fmt: skip


if __name__ == "__main__":
    main()
