"""`python -m diplomap collect` as users run it, in a subprocess, against fixture sites
served on 127.0.0.1 by the tests (never the internet): collect then build gives the
expected corpus (sources, URLs, dates); a collect killed mid-run resumes without
refetching what it has; `--from-warc` rebuilds the articles without the network."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from collect_sites import (
    EN_TEXT,
    FixtureServer,
    gdelt_article,
    gdelt_route,
    make_sites,
    page,
    rss,
)

ROOT = Path(__file__).resolve().parent.parent
FAST = ["--delay", "0", "--timeout", "1", "--max-mb", "0.2", "--quiet"]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DIPLOMAP_CONTACT": "tests@example.org", **extra})
    env.pop("DIPLOMAP_SOURCES", None)
    return env


def run(*args, env=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diplomap", *map(str, args)],
        cwd=ROOT,
        env=env or _env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _requested(out: Path) -> list[str]:
    with sqlite3.connect(out / "collect.sqlite") as db:
        return [r[0] for r in db.execute("SELECT url FROM requests")]


def _statuses(out: Path) -> dict[str, str]:
    with sqlite3.connect(out / "collect.sqlite") as db:
        return dict(db.execute("SELECT url, status FROM urls"))


@pytest.fixture(scope="module")
def sites():
    server = FixtureServer().start()
    urls = make_sites(server, slow=2.0)
    seen = dt.datetime(2024, 2, 10, 12)
    server.routes["/api/v2/doc/doc"] = gdelt_route(
        [
            gdelt_article(server.url("/ar/lavrov-syria.html"), seen),  # also in the RSS feed
            gdelt_article(server.url("/en/gdelt-only.html"), seen, language="English"),
        ]
    )
    server.add(
        "/en/gdelt-only.html",
        page(
            "Lavrov on Libya", EN_TEXT.replace("Syria", "Libya"), lang="en", date_meta="2024-02-10"
        ),
    )
    yield server, urls
    server.stop()


@pytest.mark.slow  # collect, build (the whole extraction) and --from-warc: ~15 s
def test_collect_then_build_gives_the_corpus(sites, tmp_path):
    server, urls = sites
    out, corpus = tmp_path / "collection", tmp_path / "corpus"
    env = _env(DIPLOMAP_GDELT_URL=server.url("/api/v2/doc/doc"))
    args = ["collect", "--out", out, "--feed", urls["rss"], "--feed", urls["atom"]]
    args += ["--sitemap", urls["sitemap"], "--gdelt", "Lavrov", "--since", "2024-02-08"]
    args += ["--until", "2024-02-11", "--lang", "ar,en", *FAST]
    proc = run(*args, env=env)
    assert proc.returncode == 1, proc.stderr  # some URLs were skipped: status 1
    assert "Traceback" not in proc.stderr
    summary = [line for line in proc.stderr.splitlines() if line.startswith("diplomap: collect:")]
    assert len(summary) == 1
    assert "10 articles written, 1 duplicates, 5 skipped" in summary[0], summary[0]
    assert "diplomap: skipped: " in proc.stderr and "robots.txt disallows" in proc.stderr
    assert all(u.startswith("http://127.0.0.1:") for u in _requested(out))  # nothing left

    proc = run("build", out, "--out", corpus, "--quiet", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    from diplomap.corpus import load_corpus

    articles = load_corpus(corpus).articles
    assert len(articles) == 10
    assert articles["url"].str.startswith("http://127.0.0.1:").all()
    assert (articles["source"] != "").all()
    assert set(articles["language"]) == {"ar", "fa", "ru", "en"}
    by_url = articles.set_index(articles["url"].str.split("/", n=3).str[3])
    assert by_url.loc["ar/lavrov-syria.html", "source"] == "RT Arabic"
    assert str(by_url.loc["ar/lavrov-syria.html", "published"])[:10] == "2024-02-13"
    gdelt_only = json.loads(next((out / "articles" / "en").glob("*.jsonl")).read_text())
    assert gdelt_only["url"]

    # the articles again from the WARC files, the server gone quiet: no request at all
    before = len(server.requests)
    first = sorted(p.name for p in (out / "articles").rglob("*.jsonl"))
    proc = run("collect", "--out", out, "--from-warc", "--quiet", env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert sorted(p.name for p in (out / "articles").rglob("*.jsonl")) == first
    assert len(server.requests) == before


def test_gdelt_fields_are_kept(sites, tmp_path):
    server, _ = sites
    out = tmp_path / "g"
    env = _env(DIPLOMAP_GDELT_URL=server.url("/api/v2/doc/doc"))
    proc = run("collect", "--out", out, "--gdelt", "Lavrov", "--since", "2024-02-10",
               "--until", "2024-02-10", "--lang", "en", *FAST, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(p.read_text()) for p in (out / "articles").rglob("*.jsonl")]
    assert record["discovered_via"] == "gdelt"
    assert record["gdelt"] == {
        "title": "t",
        "seen_date": "2024-02-10T12:00:00Z",
        "domain": "127.0.0.1",
        "language": "English",
        "source_country": "Egypt",
    }
    assert (record["published"], record["date_source"]) == ("2024-02-10", "html-meta")


def test_a_killed_collect_resumes_without_refetching(tmp_path):
    server = FixtureServer().start()
    try:
        n = 12
        _slow_feed(server, "/slow", n, delay=0.4)
        server.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
        out = tmp_path / "c"
        args = ["collect", "--out", out, "--feed", server.url("/feed.xml"), *FAST]
        proc = _start(args, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            db = out / "collect.sqlite"
            if db.exists() and sum(s == "fetched" for s in _safe_statuses(out).values()) >= 4:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        done_before = {u for u, s in _statuses(out).items() if s == "fetched"}
        assert 4 <= len(done_before) < n
        counts_before = dict(server.counts)

        second = run(*args)
        assert second.returncode == 0, second.stderr
        assert len(list((out / "articles").rglob("*.jsonl"))) == n
        for url in done_before:  # what the first run had is never asked again
            path = "/" + url.split("/", 3)[3]
            assert server.counts[path] == counts_before[path] == 1, path
        assert all(server.counts[f"/slow/{i}.html"] <= 2 for i in range(n))
    finally:
        server.stop()


def _slow_feed(server, folder: str, n: int, delay: float) -> None:
    """A feed of n distinct English pages under `folder`, each answered after `delay` s."""
    items = []
    for i in range(n):
        path = f"{folder}/{i}.html"
        text = EN_TEXT.replace("Tuesday", f"day {i} of the talks")
        server.add(path, page(f"Lavrov {i}", text, lang="en"), delay=delay)
        items.append((f"Lavrov {i}", server.url(path), "Sat, 02 Mar 2024 09:00:00 GMT"))
    server.add("/feed.xml", rss(items), ctype="application/rss+xml")


def _start(args: list, stderr) -> subprocess.Popen:
    """`python -m diplomap ARGS` in the background, in a session of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "diplomap", *map(str, args)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,
    )


def _safe_statuses(out: Path) -> dict[str, str]:
    try:
        return _statuses(out)
    except sqlite3.Error:  # the table is not created yet
        return {}


def test_errors_are_one_line(tmp_path):
    proc = run("collect", "--out", tmp_path, "--gdelt", "Lavrov")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "needs --since" in proc.stderr
    proc = run("collect", "--out", tmp_path, "--source", "nope", "--quiet")
    assert proc.returncode == 2 and proc.stderr.startswith("diplomap: error: unknown source")
    proc = run("collect", "--out", tmp_path / "none", "--from-warc")
    assert proc.returncode == 2 and "no WARC files" in proc.stderr
    proc = run("collect", "--out", tmp_path, "--since", "2024-13-01", "--gdelt", "x")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_ctrl_c_stops_with_one_line_and_the_next_run_finishes(tmp_path):
    server = FixtureServer().start()
    try:
        _slow_feed(server, "/p", 6, delay=0.5)
        out = tmp_path / "c"
        args = ["collect", "--out", out, "--feed", server.url("/feed.xml"), *FAST]
        proc = _start(args, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.counts["/p/1.html"] == 0:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "interrupted; run the same command again" in err and "Traceback" not in err
        second = run(*args)
        assert second.returncode == 0, second.stderr
        assert len(list((out / "articles").rglob("*.jsonl"))) == 6
        assert all(server.counts[f"/p/{i}.html"] <= 2 for i in range(6))
    finally:
        server.stop()


def test_two_collects_in_one_folder(tmp_path):
    from diplomap.collect.run import _lock_folder

    held = _lock_folder(tmp_path)
    try:
        links = tmp_path / "l.txt"
        links.write_text("http://127.0.0.1:9/x\n")
        proc = run("collect", "--out", tmp_path, "--urls", links, "--quiet")
        assert proc.returncode == 2
        assert proc.stderr.strip() == f"diplomap: error: another collect is running in {tmp_path}"
    finally:
        held.close()
