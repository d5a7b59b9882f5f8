"""`python -m diplomap extract` writes strict JSON: null, never NaN or Infinity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _strict(line: str) -> dict:
    def refuse(name: str):
        raise ValueError(f"not JSON: {name}")

    return json.loads(line, parse_constant=refuse)


def test_extract_output_is_strict_json(tmp_path):
    (tmp_path / "a.csv").write_text(
        "text,title,published,url,source,lat\n"
        '"Russian Foreign Minister Sergey Lavrov said Syria needs peace.",T,,,,nan\n'
        '"Лавров заявил, что Ирак — партнер России.",,not a date,https://x.example/a,ТАСС,inf\n',
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Lavrov: no date here\nLavrov said Moscow backs the two-state solution.\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "diplomap", "extract", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert len(lines) == 3, run.stderr
    records = [_strict(line) for line in lines]
    for record in records:
        assert {"source", "url", "published", "date_precision", "statements"} <= set(record)
        assert all("evidence" in s and "kind" in s for s in record["statements"])
    by_url = {r["url"]: r for r in records}
    assert by_url["https://x.example/a"]["source"]
    assert by_url[None]["published"] is None
