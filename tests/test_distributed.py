"""`python -m diplomap build --scheduler ...`: the extraction on a Dask cluster.

- on a LocalCluster of two worker processes it saves exactly the corpus that the built-in
  process pool saves from the same inputs (every table, whole, and the problems);
- an unreachable scheduler, dask missing, workers dying: one line each, a non-zero exit,
  and the corpus saved before left as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from diplomap import schema as S
from diplomap.__main__ import main
from diplomap.corpus import TABLES, build_to_dir, current_version, load_corpus
from diplomap.corpus import build as corpus_build
from tests.samples import SAMPLES

pytest.importorskip("distributed")

from diplomap.corpus import distributed as D  # after the guard

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# sentences added to the samples to make distinct articles of each language
TAILS = {
    "en": ["Lavrov also said that Egypt and Jordan would join the talks.", "He met Iraq's envoy."],
    "ru": [
        "Лавров также заявил, что Египет поддерживает переговоры.",
        "Он встретился с послом Ирака.",
    ],
    "ar": ["وأضاف لافروف أن مصر والأردن سيشاركان في المحادثات.", "والتقى سفير العراق."],
    "fa": ["لاوروف همچنین گفت مصر و اردن در مذاکرات شرکت می‌کنند.", "او با سفیر عراق دیدار کرد."],
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """20 articles in four languages over two folders, a repeated one and an empty file."""
    folder = tmp_path_factory.mktemp("dask") / "in"
    for lang, sample in SAMPLES.items():
        (folder / lang).mkdir(parents=True)
        texts = [sample["text"]] + [f"{sample['text']}\n{tail}" for tail in TAILS[lang]]
        texts.append(f"{texts[1]}\n{TAILS[lang][1]}")
        texts.append(f"{texts[2]}\n{TAILS[lang][0]}")
        for i, text in enumerate(texts):
            (folder / lang / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "en" / "copy.txt").write_text(SAMPLES["ru"]["text"], encoding="utf-8")
    (folder / "fa" / "empty.txt").write_bytes(b" \n")
    return folder


@pytest.fixture(scope="module")
def pool_corpus(inputs, tmp_path_factory) -> Path:
    """The corpus of `inputs` built by the built-in process pool (two workers)."""
    out = tmp_path_factory.mktemp("pool") / "corpus"
    summary = build_to_dir([inputs], out, workers=2, full=True)
    assert summary.path is not None and summary.counts["articles"] == 20
    return out


def _build(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diplomap", "build", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=120,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The corpus folder's files and their bytes (not the lock's: who last held it)."""
    files = (p for p in folder.rglob("*") if p.is_file() and p.name != ".lock")
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def _saved(folder: Path, name: str):
    return json.loads((current_version(folder) / name).read_text("utf-8"))


def test_local_cluster_saves_the_same_corpus_as_the_pool(inputs, pool_corpus, tmp_path):
    out = tmp_path / "corpus"
    proc = _build(inputs, "--out", out, "--scheduler", "local", "--workers", 2)
    assert proc.returncode == 1, proc.stderr  # the empty file is reported as skipped
    assert "extracting on the dask cluster at tcp://127.0.0.1:" in proc.stderr
    assert ": 2 worker thread(s)" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "diplomap: 20 articles" in proc.stderr
    expected, got = load_corpus(pool_corpus), load_corpus(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name))
    assert set(got.articles[S.LANGUAGE]) == {"ar", "fa", "ru", "en"}
    assert len(got.articles) == 20 and len(got.statements) > 0 and len(got.mentions) > 0
    assert got.problems == expected.problems and len(got.problems) == 1
    assert _saved(out, "files.json") == _saved(pool_corpus, "files.json")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(*command: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "dask"), *command],
        cwd=ROOT,
        env=ENV,  # the scheduler unpickles the tasks, the workers run them: diplomap on both
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_scheduler_and_workers_started_apart(inputs, pool_corpus, tmp_path):
    """`dask scheduler` and `dask worker` on 127.0.0.1, as on a cluster."""
    if not (Path(sys.executable).parent / "dask").exists():
        pytest.skip("no dask command beside this Python")
    address = f"tcp://127.0.0.1:{_free_port()}"
    local = ["--host", "127.0.0.1", "--no-dashboard"]
    started = [_start("scheduler", "--port", address.rsplit(":", 1)[1], *local)]
    try:
        started.append(_start("worker", address, "--nworkers", "1", "--nthreads", "1", *local))
        proc = _build(inputs, "--out", tmp_path / "corpus", "--scheduler", address)
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    assert proc.returncode == 1, proc.stderr
    assert f"extracting on the dask cluster at {address}: 1 worker thread(s)" in proc.stderr
    expected, got = load_corpus(pool_corpus), load_corpus(tmp_path / "corpus")
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name))


def test_out_url_is_refused_in_one_line(inputs, capfd):
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(inputs), "--out", "s3://bucket/corpus", "--scheduler", "local"])
    lines = _error_lines(capfd)
    assert exit_.value.code == 2
    assert len(lines) == 1 and lines[0].startswith(
        "diplomap: argument --out: s3://bucket/corpus is a URL"
    )


@pytest.fixture
def saved_before(pool_corpus, tmp_path) -> Path:
    """A copy of the pool's corpus, that a failed build must leave as it was."""
    out = tmp_path / "corpus"
    shutil.copytree(pool_corpus, out)
    return out


def test_unreachable_scheduler_is_one_line(inputs, saved_before, monkeypatch, capfd):
    monkeypatch.setattr(D, "CONNECT_TIMEOUT", 1.0)
    before = _snapshot(saved_before)
    address = f"tcp://127.0.0.1:{_free_port()}"
    code = main(["build", str(inputs), "--out", str(saved_before), "--scheduler", address])
    lines = _error_lines(capfd)
    assert code == 2
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"diplomap: error: cannot reach the dask scheduler at {address}")
    assert _snapshot(saved_before) == before


def test_dask_missing_is_one_line(inputs, saved_before, monkeypatch, capfd):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    before = _snapshot(saved_before)
    code = main(["build", str(inputs), "--out", str(saved_before), "--scheduler", "local"])
    lines = _error_lines(capfd)
    assert code == 2
    assert lines == [
        "diplomap: error: --scheduler needs dask's distributed scheduler: "
        "pip install -r requirements-scale.txt"
    ]
    assert _snapshot(saved_before) == before


def _die(job, batch):
    os._exit(1)  # a worker process dying in the middle of a batch


def test_dying_workers_are_one_line(inputs, saved_before, monkeypatch, capfd):
    import dask

    monkeypatch.setattr(corpus_build, "read_and_extract", _die)
    before = _snapshot(saved_before)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        args = ["--out", str(saved_before), "--full", "--quiet", "--scheduler", "local"]
        code = main(["build", str(inputs), *args, "--workers", "2"])
    lines = _error_lines(capfd)
    assert code == 2
    assert len(lines) == 1, lines
    assert lines[0].startswith("diplomap: error: a dask worker died while extracting")
    assert lines[0].endswith("the corpus was not changed")
    assert _snapshot(saved_before) == before


def test_only_the_cluster_module_imports_dask():
    from tests.test_architecture import MODULES, within

    importers = sorted(
        module
        for module, names in MODULES.items()
        if any(within(n, "dask") or within(n, "distributed") for n in names)
    )
    assert importers == ["diplomap.corpus.distributed"]
    code = "import sys, diplomap.__main__, diplomap.corpus; print('dask' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "False", proc.stderr


def _error_lines(capfd) -> list[str]:
    """What the command wrote to stderr, without Streamlit's log records (a timestamped
    "streamlit." line and its indented or blank continuation lines): when earlier tests
    of the same pytest process imported Streamlit, the cluster's worker processes
    (started from this one, importing this test module to run `_die`) log them; a user's
    `build` never imports it."""
    kept, in_record = [], False
    for line in capfd.readouterr().err.splitlines():
        if _STREAMLIT_LOG.match(line):
            in_record = True
        elif not in_record or (line.strip() and not line[:1].isspace()):
            in_record = False
            kept.append(line)
    return kept


_STREAMLIT_LOG = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ +[A-Z]+ +streamlit[.:]")
