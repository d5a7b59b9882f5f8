"""How `python -m diplomap extract` scales with the number of articles (issue 13).

Writes N tiny text files, and CSV files of M and 2M tiny rows, into a temporary folder,
then times `extract` on each (output to /dev/null) beside `build`. A cost linear in the
number of articles gives twice the time for twice the rows.

    .venv/bin/python benchmarks/extract_scaling.py            # 5k files, 10k and 20k rows
    .venv/bin/python benchmarks/extract_scaling.py 10000 50000
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = "Lavrov met the foreign minister of Syria in Moscow to discuss Iran ({})."


def timed(*args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    with open(os.devnull, "w") as sink:
        subprocess.run(
            [sys.executable, "-m", "diplomap", *args],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.monotonic() - started


def make_inputs(folder: Path, n_files: int, n_rows: int) -> dict[str, Path]:
    files = folder / "files"
    files.mkdir()
    for i in range(n_files):
        (files / f"a{i:06d}.txt").write_text(LINE.format(i) + "\n", "utf-8")
    inputs = {f"{n_files:,} tiny files": files}
    for rows in (n_rows, 2 * n_rows):
        path = folder / f"rows{rows}.csv"
        path.write_text("text\n" + "".join(LINE.format(i) + "\n" for i in range(rows)), "utf-8")
        inputs[f"CSV of {rows:,} rows"] = path
    return inputs


def main(argv: list[str]) -> None:
    n_files = int(argv[0]) if argv else 5_000
    n_rows = int(argv[1]) if len(argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in make_inputs(Path(tmp), n_files, n_rows).items():
            extract = timed("extract", str(path))
            build = timed("build", str(path), "--out", str(Path(tmp) / "out"), "--full", "--quiet")
            print(f"{label:>22}: extract {extract:6.1f} s, build {build:6.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
