"""The command line: JSON Lines from `extract`, Parquet from `build`, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "file",
    "title",
    "language",
    "published",
    "date_source",
    "countries",
    "lavrov_countries",
    "issues",
    "lavrov_issues",
    "places",
    "statements",
}


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "diplomap", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    for lang, sample in SAMPLES.items():
        (d / f"{lang}.txt").write_text(sample["text"], encoding="utf-8")
    return d


def test_extract_prints_json_lines(folder):
    proc = run("extract", folder)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(SAMPLES)
    for rec in records:
        assert KEYS <= set(rec)
        lang = Path(rec["file"]).stem
        sample = SAMPLES[lang]
        assert rec["language"] == lang
        assert rec["published"] == sample["published"]
        assert rec["countries"] == sorted(rec["countries"])
        assert sample["countries"] <= set(rec["countries"])
        assert not sample["absent"] & set(rec["countries"])
        assert sample["lavrov_countries"] <= set(rec["lavrov_countries"])
        assert set(rec["lavrov_countries"]) <= set(rec["countries"])
        assert sample["issues"] <= set(rec["issues"])
        for place in rec["places"]:
            assert {"surface", "span", "place", "place_type", "iso3", "lat", "lon"} <= set(place)
        assert rec["statements"] and all(s["speaker"] == "Lavrov" for s in rec["statements"])


def test_build_writes_parquet_and_reports_bad_files(folder, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for f in folder.iterdir():
        (src / f.name).write_bytes(f.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (src / "table.csv").write_text("title,body_text\nA,B\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run("build", src, "--out", out, "--quiet")
    assert proc.returncode == 1  # something was skipped
    assert "Traceback" not in proc.stderr
    for name in ("empty.txt", "image.txt", "table.csv"):
        assert name in proc.stderr
    from diplomap.corpus import load_corpus

    assert len(load_corpus(out).articles) == len(SAMPLES)


@pytest.mark.parametrize(
    "setup, needle",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "e.txt").write_bytes(b"  \n ") and d / "e.txt", "empty"),
        (lambda d: (d / "b.txt").write_bytes(b"%PDF-1.7\n" + bytes(300)) and d / "b.txt", "binary"),
        (lambda d: (d / "t.csv").write_text("a,b\n1,2\n") and d / "t.csv", "text"),
    ],
    ids=["missing", "empty", "binary", "csv-without-text"],
)
def test_errors_are_one_clear_line(tmp_path, setup, needle):
    path = setup(tmp_path)
    proc = run("extract", path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert any(needle in line.lower() for line in lines), proc.stderr
    assert all(line.startswith("diplomap:") for line in lines)


def test_build_can_prepare_the_dashboard(folder, tmp_path):
    from diplomap import corpus
    from diplomap.explore.store import STORE_FORMAT, load_store

    out = tmp_path / "out"
    result = run("build", folder, "--out", out, "--quiet", "--dashboard")
    assert result.returncode == 0, result.stderr
    version = corpus.current_version(out)
    assert (version / STORE_FORMAT).is_dir()
    store = load_store(version, corpus.read_manifest(out)["fingerprint"])
    assert store is not None
