"""Before and after, in one run on the same articles: the extraction engine of an earlier
revision of diplomap (checked out into a git worktree) against this checkout's, one core,
on the synthetic corpus and on a realistic one (the bundled articles and the test sets'
hand-written articles, real reporting and realistic stand-ins in four languages).

Each engine runs in its own subprocess (so each imports its own `diplomap`): it reads the
articles, loads everything once, extracts them all once to warm up, then extracts them
`reps` times and reports the smallest CPU time. The revisions take turns (before, after,
before, after, ...), so a change in the machine's load hits both alike. Both sides do the
same work: this checkout runs without the MinHash signature each article gets for the
reprint clusters, which the default earlier revision did not have; a third run per round
measures this checkout with it, as a build runs it.

    python benchmarks/compare.py [--before REV] [--rounds N]

prints the figures; `benchmarks/run.py` calls `engine_speeds` and `realistic_corpus`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The revision the issues measure against: main before the attribution round two (issue
# 9) and the build speed work (issue 14).
DEFAULT_BEFORE = "22a4a88"
REALISTIC_DIRS = (
    "data/articles",
    "tests/devset/articles",
    "tests/holdout/articles",
    "tests/holdout2/articles",
    "tests/holdout3/articles",
)

# Run in a subprocess with the checkout to measure first on sys.path; prints one JSON line.
_PROBE = r"""
import json, sys, time
root, reps, signature = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
paths = [line for line in sys.stdin.read().splitlines() if line]
sys.path.insert(0, root)
from diplomap.ingest import read_paths
try:  # the layout since the code-structure issue
    from diplomap.extract import article as art
except ImportError:  # earlier: one corpus module
    from diplomap import corpus as art
batch = getattr(art, "extract_batch", None)  # as builds extract: in groups, when there are
group = 16 if batch else 1
if batch is None:
    extract = lambda items: [art.extract_article(a) for a in items]
else:  # by default the same work on both sides: no MinHash signature (the reprint
    # clusters it serves came after 22a4a88); with it, what a build runs now
    extract = lambda items: batch(items, signature=signature)
articles = read_paths(paths).articles
warm = getattr(art, "warm_extractors", None) or art.warm_up
warm()
def run():
    for i in range(0, len(articles), group):
        extract(articles[i : i + group])
run()
if reps == 0:  # under callgrind: one pass counted (instrumentation on around it only)
    import os, subprocess
    control = lambda state: subprocess.run(
        ["callgrind_control", "-i", state, str(os.getpid())], capture_output=True
    )
    control("on")
    run()
    control("off")
    print(json.dumps({"articles": len(articles), "cpu_s": 0.0}))
    sys.exit()
best = float("inf")
for _ in range(reps):
    t = time.process_time()
    run()
    best = min(best, time.process_time() - t)
print(json.dumps({"articles": len(articles), "cpu_s": best}))
"""


def realistic_files() -> list[Path]:
    """The realistic corpus's files (bundled articles and the test sets' articles)."""
    return [p for d in REALISTIC_DIRS for p in sorted((ROOT / d).rglob("*")) if p.is_file()]


def realistic_corpus(folder: Path, copies: int) -> Path:
    """A folder of `copies` copies of the realistic articles, each copy's plain texts told
    apart by a last line of their own (so that they are different articles, not
    repeats); HTML files are copied once. Rewritten only when `copies` changed."""
    stamp = folder / ".copies"
    if stamp.exists() and stamp.read_text() == str(copies):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, path in enumerate(realistic_files()):
        data = path.read_bytes()
        if path.suffix.lower() != ".txt":
            (folder / f"{i:04d}_{path.name}").write_bytes(data)
            continue
        for k in range(copies):
            tail = f"\n\n[{k}]\n".encode() if k else b""
            (folder / f"{i:04d}_{k:03d}_{path.name}").write_bytes(data + tail)
    stamp.write_text(str(copies))
    return folder


def checkout(rev: str, workdir: Path) -> Path:
    """A git worktree of `rev` under `workdir` (made once, reused)."""
    sha = _git("rev-parse", "--verify", f"{rev}^{{commit}}").strip()
    tree = workdir / f"rev-{sha[:12]}"
    if not (tree / "diplomap").is_dir():
        shutil.rmtree(tree, ignore_errors=True)
        _git("worktree", "prune")
        _git("worktree", "add", "--detach", "-f", str(tree), sha)
    return tree


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=300
    )
    if done.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()[:200]}")
    return done.stdout


def engine_rate(
    root: Path, files: list[Path], reps: int = 3, signature: bool = False
) -> tuple[int, float]:
    """(articles, articles per CPU second) of the engine in checkout `root` on `files`
    (`signature`: with each article's MinHash signature, which 22a4a88 did not make)."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(root), str(reps), "1" if signature else "0"],
        input="\n".join(map(str, files)),
        capture_output=True,
        text=True,
        timeout=3600,
        cwd=root,
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1][:300])
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["articles"], out["articles"] / out["cpu_s"]


def engine_instructions(root: Path, files: list[Path]) -> int | None:
    """The machine instructions one pass of the engine in checkout `root` over `files`
    executes (valgrind's callgrind, counting only that pass; the same work as
    `engine_rate`): a figure that does not vary with the machine's load, unlike a time.
    None when valgrind is not installed."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                "valgrind", "--tool=callgrind", "--instr-atstart=no", "--cache-sim=no",
                f"--callgrind-out-file={tmp}/callgrind.out",
                sys.executable, "-c", _PROBE, str(root), "0", "0",
            ],
            input="\n".join(map(str, files)),
            capture_output=True,
            text=True,
            timeout=3600,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )  # fmt: skip
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode or found is None:
        raise RuntimeError(f"callgrind: {done.stderr.strip().splitlines()[-1][:300]}")
    return int(found.group(1))


def engine_instruction_ratios(
    corpora: dict[str, list[Path]], before: str, workdir: Path
) -> dict[str, dict] | None:
    """Per corpus: instructions of one pass of revision `before` and of this checkout,
    and before/after (above 1: this checkout does less work); the four counts run two at
    a time. None without valgrind."""
    old = checkout(before, workdir)
    jobs = [
        (name, side, root) for name in corpora for side, root in (("before", old), ("after", ROOT))
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(lambda job: engine_instructions(job[2], corpora[job[0]]), jobs))
    if any(c is None for c in counts):
        return None
    out: dict[str, dict] = {}
    for (name, side, _), count in zip(jobs, counts, strict=True):
        out.setdefault(name, {})[side] = count
    for s in out.values():
        s["ratio"] = s["before"] / s["after"]
    return out


def engine_speeds(
    corpora: dict[str, list[Path]], before: str, workdir: Path, rounds: int = 2
) -> dict[str, dict]:
    """Per corpus: articles/s on one core of revision `before` and of this checkout (the
    same work: no MinHash signature), the best of `rounds` alternating runs each, and
    after/before; also this checkout with the signature, as a build runs it."""
    old = checkout(before, workdir)
    out = {}
    runs = (("before", old, False), ("after", ROOT, False), ("after_signature", ROOT, True))
    for name, files in corpora.items():
        rates: dict[str, list[float]] = {side: [] for side, _, _ in runs}
        n = 0
        for _ in range(rounds):
            for side, root, signature in runs:
                n, rate = engine_rate(root, files, signature=signature)
                rates[side].append(rate)
        best = {side: max(values) for side, values in rates.items()}
        out[name] = {"articles": n, **best, "ratio": best["after"] / best["before"]}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", default=DEFAULT_BEFORE, help="git revision to compare with")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--synthetic", type=int, default=300, help="synthetic articles")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/diplomap-bench"))
    p.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one pass of each (valgrind; a few minutes)",
    )
    args = p.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import make_corpus

    synthetic = args.workdir / f"compare-synthetic-{args.synthetic}"
    if not synthetic.exists():
        make_corpus.make_corpus(args.synthetic, synthetic, seed=0)
    corpora = {
        "synthetic": sorted(p for p in synthetic.rglob("*.txt")),
        "realistic": realistic_files(),
    }
    speeds = engine_speeds(corpora, args.before, args.workdir, args.rounds)
    for name, s in speeds.items():
        print(
            f"{name}: {s['articles']} articles, before ({args.before}) {s['before']:.0f}/s, "
            f"after {s['after']:.0f}/s, after/before {s['ratio']:.2f} (1 core, the same "
            f"work); with the MinHash signature {s['after_signature']:.0f}/s"
        )
    if args.instructions:
        counts = engine_instruction_ratios(corpora, args.before, args.workdir)
        for name, s in (counts or {}).items():
            print(
                f"{name}: instructions of one pass, before {s['before'] / 1e6:,.0f} M, after "
                f"{s['after'] / 1e6:,.0f} M, before/after {s['ratio']:.3f}"
            )
        if counts is None:
            print("instructions: valgrind is not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
