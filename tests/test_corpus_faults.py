"""Issue 13, corpus writes: never lose the last good corpus.

- builds into the same --out at the same time (real processes) are serialised by a lock,
  and the pointer always names a complete version;
- a full disk (a small tmpfs) during a build leaves the previous corpus current, no partial
  folder, one line of error, and the next build succeeds;
- a damaged current version (truncated or corrupt Parquet, a missing table, the pointer
  naming a missing folder, a directory or junk) is reported in one line and rebuilt;
  `load_corpus` reports it at once, the dashboard with a clear message;
- an --out inside an input folder is never read back as input.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from diplomap import corpus as C
from diplomap import schema as S
from diplomap.corpus.saved import table_files

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

TEMPLATE = "Lavrov said Russia and {c} discussed trade, note {i}."
COUNTRIES = ["Syria", "Iran", "Egypt", "Turkey", "Iraq", "Jordan", "Lebanon", "Libya"]


def filler(i: int, words: int) -> str:
    """Random words (incompressible: they fill a disk as they are)."""
    rng = random.Random(i)
    return "".join(" " + "".join(rng.choices(string.ascii_letters, k=8)) for _ in range(words))


def write_articles(folder: Path, n: int, offset: int = 0, pad: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + n):
        text = TEMPLATE.format(c=COUNTRIES[i % 8], i=i) + filler(i, pad)
        (folder / f"a{i:05d}.txt").write_text(text, "utf-8")
    return folder


def write_jsonl(path: Path, n: int, offset: int = 0, pad: int = 0) -> Path:
    """One file of n articles: fewer than STREAM_MIN_FILES inputs, the in-memory build."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(offset, offset + n):
        text = TEMPLATE.format(c=COUNTRIES[i % 8], i=i) + filler(i, pad)
        lines.append(json.dumps({"title": f"t{i}", "text": text}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def build(*args, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diplomap", "build", *map(str, args), "--quiet", "--workers", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=timeout,
    )


def start_build(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "diplomap", "build", *map(str, args), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=ENV,
    )


def versions(out: Path) -> set[str]:
    return {p.name for p in out.glob("v-*")}


def assert_whole(out: Path, n: int | set[int]) -> C.Corpus:
    """The current corpus is complete: n articles, every row of an article it holds, and
    no version folder but the current one."""
    corpus = C.load_corpus(out)
    allowed = n if isinstance(n, set) else {n}
    assert len(corpus.articles) in allowed, len(corpus.articles)
    ids = set(corpus.articles[S.ARTICLE_ID])
    assert len(ids) == len(corpus.articles)
    for table in (corpus.mentions, corpus.issue_mentions, corpus.statements):
        assert set(table[S.ARTICLE_ID]) <= ids
    assert set(corpus.mentions[S.ARTICLE_ID]) == ids  # every article names a country
    assert versions(out) == {C.current_version(out).name}
    return corpus


def one_line_errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert all(line.startswith("diplomap:") for line in lines), stderr
    return lines


# --- concurrent builds ----------------------------------------------------------------------


@pytest.mark.slow
def test_concurrent_builds_are_serialised_and_the_corpus_stays_whole(tmp_path):
    """Rounds of three real `build` processes into one --out at once: small (one JSON Lines
    file, the in-memory build) and streamed (many files, worker processes), reusing the
    previous corpus or not. Every build succeeds, and after each round the corpus is one
    of theirs, whole, with no other version folder. (Without the lock, a build's commit
    removes the version folder another build is writing or reusing.)"""
    out = tmp_path / "out"
    small = write_jsonl(tmp_path / "small" / "a.jsonl", 6)
    streamed = write_articles(tmp_path / "streamed", 40, offset=100)
    other = write_articles(tmp_path / "other", 24, offset=300)
    inputs = [(small, 6), (streamed, 40), (other, 24)]
    waited = False
    for round_ in range(6):
        procs = []
        for k, (src, _n) in enumerate(inputs):
            extra = ["--full"] if (round_ + k) % 3 == 0 else []
            workers = "2" if k == 1 else "1"
            procs.append(start_build(src, "--out", out, "--workers", workers, *extra))
        for proc in procs:
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err
            for line in one_line_errors(err):
                assert "another build is writing" in line, line
                waited = True
        assert_whole(out, {n for _src, n in inputs})
    assert waited, "no build ever waited for another: the rounds were not concurrent"


def test_a_busy_lock_makes_a_build_wait_or_abort(tmp_path):
    from diplomap.corpus import lock as L

    src = write_articles(tmp_path / "src", 3)
    out = tmp_path / "out"
    with L.corpus_lock(out):
        aborted = build(src, "--out", out, "--no-wait")
        assert aborted.returncode == 2
        (line,) = one_line_errors(aborted.stderr)
        assert f"another build is writing {out} (pid {os.getpid()}" in line
        assert "aborting" in line
        assert not versions(out)
        waiting = start_build(src, "--out", out, "--workers", "1")
        line = first_line(waiting.stderr, timeout=120)  # it says so while it waits
        assert f"another build is writing {out} (pid {os.getpid()}" in line, line
        assert "waiting" in line
        time.sleep(1)
        assert waiting.poll() is None, waiting.communicate()
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert one_line_errors(err) == []
    assert_whole(out, 3)


def first_line(stream, timeout: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert lines, f"nothing said within {timeout} s"
    return lines[0]


def test_a_stale_lock_file_does_not_block(tmp_path):
    """A lock file left by a build that died (its pid is gone): the next build proceeds."""
    from diplomap.corpus import lock as L

    src = write_articles(tmp_path / "src", 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / L.LOCK_FILE).write_text("999999999 1000.0\n")
    result = build(src, "--out", out, "--no-wait")
    assert result.returncode == 0, result.stderr
    assert_whole(out, 3)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


@pytest.mark.slow
def test_a_killed_build_does_not_leave_its_workers_holding_the_lock(tmp_path):
    """The build's forked workers inherit its lock file; when the build itself is killed
    (its workers still running), the next build must not find the folder locked."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the worker processes")
    first = write_articles(tmp_path / "first", 3)
    big = write_articles(tmp_path / "big", 400, offset=100, pad=300)
    out = tmp_path / "out"
    assert build(first, "--out", out).returncode == 0
    proc = start_build(big, "--out", out, "--workers", "2", "--full")
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the build started no worker processes"
    proc.kill()  # the parent only: its workers live on a little
    proc.wait(timeout=30)
    try:
        result = build(first, "--out", out, "--no-wait")
        assert result.returncode == 0, result.stderr
        assert_whole(out, 3)
    finally:
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


# --- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB tmpfs (root only); grown with `grow(size)`."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")

    def grow(size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(mount)], check=True)

    try:
        yield mount, grow
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("kind", ["streamed", "small"])
def test_a_full_disk_keeps_the_previous_corpus(tmp_path, small_disk, kind):
    disk, grow = small_disk
    out = disk / "out"
    if kind == "streamed":
        first = write_articles(tmp_path / "first", 10)
        big = write_articles(tmp_path / "big", 40, offset=100, pad=4000)  # 1.4 MB of text
    else:
        first = write_jsonl(tmp_path / "first" / "a.jsonl", 10)
        big = write_jsonl(tmp_path / "big" / "b.jsonl", 40, offset=100, pad=4000)
    assert build(first, "--out", out).returncode == 0
    good = C.current_version(out).name
    full = build(big, "--out", out)
    assert full.returncode == 2
    (line,) = one_line_errors(full.stderr)
    assert "no space left on device" in line.lower(), line
    assert str(out) in line
    assert C.current_version(out).name == good
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "CURRENT",
        good,
    ]
    assert_whole(out, 10)
    grow("20m")
    again = build(big, "--out", out)
    assert again.returncode == 0, again.stderr
    assert_whole(out, 40)


# --- a damaged current version ----------------------------------------------------------------


def _largest(vpath: Path, table: str) -> Path:
    """The largest file of a saved table (its parts: diplomap.corpus.parts)."""
    return max(table_files(vpath, table), key=lambda path: path.stat().st_size)


def _truncate(vpath: Path, out: Path) -> None:
    path = _largest(vpath, "articles")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _corrupt(vpath: Path, out: Path) -> None:
    """Bytes changed in the middle of a table, its footer intact."""
    path = _largest(vpath, "mentions")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    path.write_bytes(bytes(data))


def _remove_table(vpath: Path, out: Path) -> None:
    _largest(vpath, "statements").unlink()


def _dangling(vpath: Path, out: Path) -> None:
    (out / "CURRENT").write_text("v-gone", "utf-8")


def _directory(vpath: Path, out: Path) -> None:
    (out / "CURRENT").unlink()
    (out / "CURRENT").mkdir()


def _junk(vpath: Path, out: Path) -> None:
    (out / "CURRENT").write_bytes(b"\x00\xff\xfe junk \x89PNG")


def _junk_manifest(vpath: Path, out: Path) -> None:
    (vpath / "manifest.json").write_text("{not json", "utf-8")


DAMAGE = {
    "truncated": _truncate,
    "corrupt": _corrupt,
    "missing-table": _remove_table,
    "dangling": _dangling,
    "pointer-directory": _directory,
    "pointer-junk": _junk,
    "manifest-junk": _junk_manifest,
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    return {
        "streamed": (write_articles(d / "streamed", 12), 12),
        "small": (write_jsonl(d / "small" / "a.jsonl", 5), 5),
    }


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("kind", ["streamed", "small"])
def test_build_rebuilds_a_damaged_corpus(tmp_path, inputs, kind, damage):
    src, n = inputs[kind]
    out = tmp_path / "out"
    assert build(src, "--out", out).returncode == 0
    DAMAGE[damage](C.current_version(out), out)
    result = build(src, "--out", out)
    assert result.returncode == 0, result.stderr
    (line,) = one_line_errors(result.stderr)
    assert line.startswith("diplomap: warning:") and "damaged" in line, line
    assert "rebuil" in line, line
    assert_whole(out, n)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_load_reports_a_damaged_corpus_at_once(tmp_path, inputs, damage):
    from diplomap.corpus.saved import CorpusDamaged

    src, _n = inputs["small"]
    out = tmp_path / "out"
    assert build(src, "--out", out).returncode == 0
    DAMAGE[damage](C.current_version(out), out)
    started = time.monotonic()
    with pytest.raises(CorpusDamaged) as caught:
        C.load_corpus(out)
    assert time.monotonic() - started < 3
    message = str(caught.value)
    assert "\n" not in message and str(out) in message and "damaged" in message


def test_old_versions_are_kept_until_a_new_one_is_committed(tmp_path, inputs):
    """A build that writes nothing (no articles) leaves the damaged version alone: it may
    still hold what an operator wants to recover."""
    src, _n = inputs["small"]
    out = tmp_path / "out"
    assert build(src, "--out", out).returncode == 0
    vpath = C.current_version(out)
    _truncate(vpath, out)
    empty = tmp_path / "empty"
    (empty).mkdir()
    (empty / "blank.txt").write_text("   \n", "utf-8")
    result = build(empty, "--out", out)
    assert result.returncode == 2
    one_line_errors(result.stderr)
    assert vpath.is_dir() and C.current_version(out) == vpath


# --- --out inside an input folder -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["streamed", "small"])
def test_out_inside_an_input_folder_is_not_read(tmp_path, kind):
    src = tmp_path / "src"
    n = 12 if kind == "streamed" else 3
    write_articles(src, n)
    out = src / "corpus"
    for _ in range(2):  # the second build finds the first one's files in its input
        result = build(src, "--out", out)
        assert result.returncode == 0, result.stderr
        assert one_line_errors(result.stderr) == []
        corpus = assert_whole(out, n)
        assert not any("corpus" in f for f in corpus.articles[S.FILE])
    full = build(src, "--out", out, "--full")
    assert full.returncode == 0 and one_line_errors(full.stderr) == []
    assert_whole(out, n)


def test_load_or_build_ignores_its_corpus_folder_among_the_inputs(tmp_path):
    """A data folder without articles/: its articles are the folder itself, corpus/ too."""
    data = write_articles(tmp_path / "data", 3)
    first = C.load_or_build(data)
    version = C.current_version(data / "corpus")
    second = C.load_or_build(data)
    assert len(first.articles) == len(second.articles) == 3
    assert C.current_version(data / "corpus") == version  # fresh: not rebuilt nor saved again


# --- the dashboard ----------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["dangling", "truncated", "pointer-junk"])
def test_dashboard_says_the_corpus_was_damaged(tmp_path, monkeypatch, damage):
    from streamlit.testing.v1 import AppTest

    data = tmp_path / "data"
    write_articles(data / "articles", 3)
    C.load_or_build(data)
    out = data / "corpus"
    DAMAGE[damage](C.current_version(out), out)
    monkeypatch.setenv("DIPLOMAP_DATA", str(data))
    started = time.monotonic()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert next(m.value for m in at.metric if m.label == "Articles") == "3"
    at.switch_page("app_pages/data.py").run()  # the upload page says so too
    elapsed = time.monotonic() - started
    assert not at.exception, [e.value for e in at.exception]
    notes = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]  # Markdown escapes
    assert any("damaged" in note and str(out) in note for note in notes), notes
    assert elapsed < 20, elapsed
    assert_whole(out, 3)  # and it was rebuilt


def test_no_damage_note_on_a_sound_corpus(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    data = tmp_path / "data"
    write_articles(data / "articles", 3)
    C.load_or_build(data)
    monkeypatch.setenv("DIPLOMAP_DATA", str(data))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert not any("damaged" in w.value for w in at.warning)


def test_corrupt_tables_are_found_by_their_checksums(tmp_path, inputs):
    src, _n = inputs["streamed"]
    out = tmp_path / "out"
    assert build(src, "--out", out).returncode == 0
    assert C.corpus_damage(out, deep=True) is None
    _corrupt(C.current_version(out), out)
    assert _largest(C.current_version(out), "mentions").name in C.corpus_damage(out, deep=True)


def test_the_lock_is_reentrant_in_a_thread_and_exclusive_between_processes(tmp_path):
    from diplomap.corpus import lock as L

    out = tmp_path / "out"
    with L.corpus_lock(out), L.corpus_lock(out):
        code = (
            "import sys; from diplomap.corpus import lock as L\n"
            "try:\n"
            "    with L.corpus_lock(sys.argv[1], wait=False): print('got it')\n"
            "except L.CorpusBusy as exc: print(exc)\n"
        )
        other = subprocess.run(
            [sys.executable, "-c", code, str(out)], capture_output=True, text=True, env=ENV
        )
        assert f"another build is writing {out} (pid {os.getpid()}" in other.stdout
    other = subprocess.run(
        [sys.executable, "-c", code, str(out)], capture_output=True, text=True, env=ENV
    )
    assert other.stdout.strip() == "got it", other.stderr


def _gone(pid: int) -> bool:
    """Has the process ended (no longer there, or a zombie nobody reaped yet)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(2) is Linux's")
def test_a_build_worker_ends_when_its_build_is_killed():
    """A forked worker (as the build's pool forks them) that the build's process leaves
    behind, killed with SIGKILL, is terminated with it instead of running on."""
    code = (
        "import os, time\n"
        "from diplomap.corpus.extraction import die_with_parent\n"
        "if os.fork() == 0:\n"
        "    die_with_parent()\n"
        "    print(os.getpid(), flush=True)\n"
        "    time.sleep(120)\n"
        "    os._exit(0)\n"
        "time.sleep(120)\n"
    )
    build = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    worker = int(build.stdout.readline())
    try:
        assert not _gone(worker)
        build.kill()
        build.wait(10)
        deadline = time.monotonic() + 10
        while not _gone(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(worker)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)
