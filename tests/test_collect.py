"""`collect` in process, against fixture sites served on 127.0.0.1 by the tests (never
the internet): discovery, polite fetching, skips with their reasons, pages to articles
(encodings, date provenance, duplicates), WARC files, GDELT windows, source profiles.

Every test runs under `no_internet`: a connection to anything but 127.0.0.1 fails the
test, and every request the fetcher made is checked to be local."""

from __future__ import annotations

import datetime as dt
import json
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from collect_sites import (
    AR_TEXT,
    FixtureServer,
    gdelt_article,
    gdelt_route,
    make_sites,
    page,
)

from diplomap.collect import discover
from diplomap.collect.fetch import Fetcher, Politeness
from diplomap.collect.page import page_to_article
from diplomap.collect.run import Options, collect, rebuild_from_warc
from diplomap.collect.sources import load_sources, select_sources
from diplomap.collect.state import State
from diplomap.collect.urls import canonical_url

LOCAL = ("127.0.0.1", "::1")
POLITE_FAST = Politeness(
    user_agent="diplomap-collect/test (contact: tests@example.org)",
    delay=0.0,
    timeout=1.0,
    max_bytes=200_000,
)


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Fail any connection that is not to 127.0.0.1."""
    real = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in LOCAL:
            raise AssertionError(f"a test tried to reach {address!r}")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="module")
def sites():
    server = FixtureServer().start()
    urls = make_sites(server, slow=2.0)
    yield server, urls
    server.stop()


@pytest.fixture(scope="module")
def collected(sites, tmp_path_factory):
    """One collect run over every fixture feed and the sitemap index."""
    _server, urls = sites
    out = tmp_path_factory.mktemp("collection")
    options = Options(
        out=out,
        feeds=[urls["rss"], urls["atom"], urls["broken"], urls["huge"]],
        sitemaps=[urls["sitemap"]],
        politeness=POLITE_FAST,
    )
    summary = collect(options)
    return out, summary


def _articles(out: Path) -> dict[str, dict]:
    """Article records by the path of their URL."""
    records = {}
    for path in sorted((out / "articles").rglob("*.jsonl")):
        record = json.loads(path.read_text("utf-8"))
        records[record["url"].split(":", 2)[2].split("/", 1)[1]] = record
    return records


def _outcomes(summary) -> dict[str, tuple[str, str]]:
    return {url.split("/", 3)[3]: (status, reason) for url, status, reason in summary.outcomes}


# --- fetching -----------------------------------------------------------------------------------


def test_every_request_stays_on_127_0_0_1_and_says_who_we_are(sites, collected):
    server, _ = sites
    out, _ = collected
    state = State(out / "collect.sqlite")
    try:
        requested = state.requested_urls()
    finally:
        state.close()
    assert requested and all(u.startswith("http://127.0.0.1:") for u in requested)
    assert all(host.startswith("127.0.0.1:") for _, host, _ in server.requests)
    assert {agent for _, _, agent in server.requests} == {POLITE_FAST.user_agent}


def test_what_is_fetched_and_what_is_skipped_with_its_reason(sites, collected):
    server, _ = sites
    _, summary = collected
    outcomes = _outcomes(summary)
    assert outcomes["private/lavrov.html"] == ("skipped", "robots.txt disallows this URL")
    assert "/private/lavrov.html" not in server.counts  # robots.txt: never asked
    assert outcomes["loop/a"][0] == "skipped" and "redirect loop" in outcomes["loop/a"][1]
    assert outcomes["en/slow-lavrov.html"] == ("failed", "timed out after 1 s")
    assert outcomes["en/big-lavrov.html"][0] == "skipped"
    assert "larger than the cap" in outcomes["en/big-lavrov.html"][1]
    assert outcomes["docs/lavrov.pdf"] == (
        "skipped",
        "content type application/pdf is not a page we read",
    )
    assert outcomes["en/empty-lavrov.html"] == ("skipped", "no article text found on the page")
    # retried after 429 and 503, then fetched
    assert server.counts["/en/lavrov-429.html"] == 2
    assert server.counts["/en/lavrov-503.html"] == 2
    assert "en/lavrov-429.html" not in outcomes and "en/lavrov-503.html" not in outcomes


def test_retry_after_is_honoured(sites, collected):
    server, _ = sites
    first, second = server.times["/en/lavrov-429.html"]
    assert second - first >= 0.95  # Retry-After: 1


def test_feeds_and_sitemaps_are_filtered_by_the_query(sites, collected):
    server, _ = sites
    for off_topic in ("/en/weather.html", "/en/football.html", "/en/sport.html"):
        assert off_topic not in server.counts
    assert "/huge/1" not in server.counts


def test_unreadable_feeds_and_sitemaps_give_one_reason_each(collected):
    _, summary = collected
    problems = {where.split("/", 3)[3]: reason for where, reason in summary.problems}
    assert problems["feeds/broken.xml"].startswith("feed: malformed feed")
    assert problems["feeds/huge.xml"].startswith("feed: larger than the cap")
    assert problems["sitemap-missing.xml"] == "sitemap: HTTP 404 Not Found"
    assert len(summary.problems) == 3


# --- pages to articles --------------------------------------------------------------------------------


def test_articles_in_every_language_and_encoding(collected):
    out, summary = collected
    records = _articles(out)
    assert summary.articles == len(records) == 9
    assert "لافروف" in records["ar/cp1256.html"]["text"]  # Windows-1256, no charset anywhere
    assert records["ar/cp1256.html"]["language"] == "ar"
    assert "Лавров" in records["ru/lavrov-iran.html"]["text"]  # Windows-1251 (HTTP charset)
    assert "لاوروف" in records["fa/2024/03/05/lavrov-iran.html"]["text"]
    assert {r["language"] for r in records.values()} == {"ar", "fa", "ru", "en"}
    scripts = records["en/scripts.html"]["text"]
    assert "document.write" not in scripts and "Lavrov" in scripts


def test_dates_keep_their_provenance_and_the_other_candidate(collected):
    out, _ = collected
    records = _articles(out)
    ar = records["ar/lavrov-syria.html"]
    assert (ar["published"], ar["date_source"]) == ("2024-02-13", "html-meta")
    en = records["en/2024/02/12/lavrov-geneva.html"]  # meta says 13th, URL and feed 12th
    assert (en["published"], en["date_source"]) == ("2024-02-13", "html-meta")
    assert {"date": "2024-02-12", "source": "feed", "text": "2024-02-12"} in en["date_candidates"]
    fa = records["fa/2024/03/05/lavrov-iran.html"]
    assert fa["published"] == "2024-03-05"


def test_date_from_the_url_and_from_the_text():
    html = page("Lavrov", "MOSCOW, March 7, 2024. " + AR_TEXT, lang="ar").encode()
    record = page_to_article(
        html, [("Content-Type", "text/html")], "http://127.0.0.1/a/2024/03/06/x"
    )
    assert (record["published"], record["date_source"]) == ("2024-03-06", "url")
    sources = {c["source"] for c in record["date_candidates"]}
    assert "url" in sources and len(record["date_candidates"]) >= 1
    plain = page_to_article(html, [], "http://127.0.0.1/a/x")
    assert plain["date_source"] in ("header", "dateline", "body")


def test_the_same_story_under_two_urls_is_one_article(collected):
    out, summary = collected
    records = _articles(out)
    assert "en/story.html" in records and "amp/en/story.html" not in records
    status, reason = _outcomes(summary)["amp/en/story.html"]
    assert status == "duplicate" and reason.startswith("same article as ")
    state = State(out / "collect.sqlite")
    try:
        urls = state.statuses()
    finally:
        state.close()
    assert not any("utm_source" in u for u in urls)  # the feed's ?utm_source= link is the same URL


def test_records_carry_url_source_and_provenance(collected):
    out, _ = collected
    for record in _articles(out).values():
        assert record["url"].startswith("http://127.0.0.1:")
        assert record["source"]
        assert record["warc_file"].startswith("warc/") and record["warc_record_id"]
        assert record["content_hash"] and record["discovered_via"] in ("feed", "sitemap")
    assert _articles(out)["ar/lavrov-syria.html"]["source"] == "RT Arabic"  # og:site_name


def test_warc_files_read_back_with_warcio(collected):
    from warcio.archiveiterator import ArchiveIterator

    out, summary = collected
    responses = {}
    for path in (out / "warc").glob("*.warc.gz"):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    responses[record.rec_headers.get_header("Diplomap-URL")] = (
                        record.content_stream().read()
                    )
    assert len(responses) == summary.fetched
    records = _articles(out)
    assert any("لافروف".encode("cp1256") in body for body in responses.values())
    assert {r["url"] for r in records.values()} <= set(responses)  # the state's keys


def test_rebuild_from_warc_needs_no_network(collected, tmp_path, monkeypatch):
    import shutil

    out, _ = collected
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    summary = rebuild_from_warc(copy)
    assert sorted(p.name for p in (copy / "articles").rglob("*.jsonl")) == sorted(
        p.name for p in (out / "articles").rglob("*.jsonl")
    )
    assert summary.articles == 9
    for path in (out / "articles").rglob("*.jsonl"):  # the same records, fetch time included
        again = copy / path.relative_to(out)
        assert json.loads(again.read_text("utf-8")) == json.loads(path.read_text("utf-8"))


def _refuse(self, address):
    raise AssertionError(f"network during --from-warc: {address!r}")


def test_a_second_run_fetches_nothing_it_has(sites, collected):
    server, urls = sites
    out, _ = collected
    before = dict(server.counts)
    summary = collect(Options(out=out, feeds=[urls["atom"]], politeness=POLITE_FAST))
    after = dict(server.counts)
    page_requests = {p: n - before.get(p, 0) for p, n in after.items() if n != before.get(p, 0)}
    # only robots.txt, the feed itself and the slow page (failed, tried again) are asked again
    assert set(page_requests) <= {"/robots.txt", "/feeds/atom.xml", "/en/slow-lavrov.html"}
    assert summary.articles == 0 and summary.total_articles == 9


# --- discovery -----------------------------------------------------------------------------------


def test_gdelt_windows_at_the_cap_are_split(monkeypatch):
    server = FixtureServer().start()
    try:
        day = dt.datetime(2024, 2, 10)
        dense = [
            gdelt_article(server.url(f"/g/{i}"), day + dt.timedelta(minutes=4 * i))
            for i in range(300)
        ]
        sparse = [
            gdelt_article(server.url(f"/s/{i}"), dt.datetime(2024, 2, 1 + i, 9), title=f"s{i}")
            for i in range(5)
        ]
        other = [gdelt_article(server.url("/ru/1"), day, language="Russian")]
        server.routes["/api/v2/doc/doc"] = gdelt_route(dense + sparse + other)
        monkeypatch.setenv("DIPLOMAP_GDELT_URL", server.url("/api/v2/doc/doc"))
        fetcher = Fetcher(POLITE_FAST)
        done: dict[str, int] = {}
        found = discover.from_gdelt(
            fetcher, "لافروف", ["ar", "ru"], dt.date(2024, 2, 1), dt.date(2024, 2, 20),
            done=done.__contains__, mark=done.__setitem__,
        )  # fmt: skip
        urls = [f.url for f in found.found]
        assert len(urls) == len(set(urls)) == 306  # nothing lost to the cap
        assert not found.problems
        assert any(n >= 250 for n in done.values())  # a window hit the cap and was split
        first = next(f for f in found.found if f.url.endswith("/s/0"))
        assert first.via == "gdelt"
        assert first.meta == {
            "title": "s0",
            "seen_date": "2024-02-01T09:00:00Z",
            "domain": "127.0.0.1",
            "language": "Arabic",
            "source_country": "Egypt",
        }
        asked = server.counts["/api/v2/doc/doc"]
        again = discover.from_gdelt(
            fetcher, "لافروف", ["ar", "ru"], dt.date(2024, 2, 1), dt.date(2024, 2, 20),
            done=done.__contains__, mark=done.__setitem__,
        )  # fmt: skip
        assert not again.found and server.counts["/api/v2/doc/doc"] == asked  # resumed: done
        assert all("sourcelang%3A" in path for path, _, _ in server.requests if "doc" in path)
    finally:
        server.stop()


def test_gdelt_error_text_is_one_reason(monkeypatch):
    server = FixtureServer().start()
    try:
        server.add("/doc", "Your search contained a keyword that was too short.", ctype="text/html")
        monkeypatch.setenv("DIPLOMAP_GDELT_URL", server.url("/doc"))
        found = discover.from_gdelt(
            Fetcher(POLITE_FAST), "x", ["en"], dt.date(2024, 2, 1), dt.date(2024, 2, 2)
        )
        assert not found.found
        assert found.problems[0][1].startswith("GDELT said: Your search contained")
    finally:
        server.stop()


def test_url_lists_in_txt_and_csv(tmp_path):
    txt = tmp_path / "links.txt"
    txt.write_text("# mine\nhttps://example.org/a\n\nhttps://example.org/b extra\nnot a url\n")
    csv_file = tmp_path / "links.csv"
    csv_file.write_text(
        'title,url\n"Lavrov, again",https://example.org/c\nx,https://example.org/a\n'
    )
    assert [f.url for f in discover.from_url_list(txt).found] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    assert [f.url for f in discover.from_url_list(csv_file).found] == [
        "https://example.org/c",
        "https://example.org/a",
    ]
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n")
    assert discover.from_url_list(empty).problems == [(str(empty), "no http(s) URLs in the file")]


def test_query_matches_the_four_languages():
    terms = discover.DEFAULT_TERMS
    assert discover.matches(terms, "Лаврову позвонил министр")
    assert discover.matches(terms, "گفت‌وگوی لاوروف و عراقچی")
    assert discover.matches(terms, "لافروف يلتقي نظيره")
    assert discover.matches(terms, None, "https://x.org/news/2024/lavrov-visits-cairo")
    assert discover.matches(terms, "https://x.org/%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81")
    assert not discover.matches(terms, "Weather in Moscow", "https://x.org/weather")


def test_a_malformed_sitemap_gives_a_reason():
    server = FixtureServer().start()
    try:
        server.add(
            "/sm.xml", "<urlset><url><loc>http://127.0.0.1/a</loc></url", ctype="application/xml"
        )
        server.add("/bomb.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">'
                   '<!ENTITY b "&a;&a;&a;&a;">]><urlset>&b;</urlset>', ctype="application/xml")  # fmt: skip
        fetcher = Fetcher(POLITE_FAST)
        found = discover.from_sitemap(fetcher, server.url("/sm.xml"), None)
        assert found.problems[0][1].startswith("sitemap: malformed XML")
        bomb = discover.from_sitemap(fetcher, server.url("/bomb.xml"), None)
        assert not bomb.found
    finally:
        server.stop()


# --- hostile pages -------------------------------------------------------------------------------


def test_hostile_pages_give_a_reason_not_a_crash():
    from diplomap.collect.page import PageError

    nested = ("<div>" * 100_000 + "Lavrov" + "</div>" * 100_000).encode()
    cases = [
        nested,
        b"\x00\x01\x02" * 1000,
        b"%PDF-1.4 binary",
        b"",
        b"<html><body><script>" + b"x" * 5000 + b"</script></body></html>",
    ]
    for body in cases:
        try:
            record = page_to_article(body, [("Content-Type", "text/html")], "http://127.0.0.1/x")
        except PageError as exc:
            assert exc.reason and "\n" not in exc.reason
        else:
            assert record["text"]


def test_a_wrong_declared_charset_falls_back_to_detection():
    html = page("لافروف", AR_TEXT, lang="ar", charset_meta="utf-8").encode("cp1256")
    record = page_to_article(
        html, [("Content-Type", "text/html; charset=utf-8")], "http://127.0.0.1/x"
    )
    assert "لافروف" in record["text"]


def test_canonical_urls():
    assert canonical_url("HTTP://WWW.Example.ORG:80/a/b?utm_source=x&id=2&fbclid=y#top") == (
        "http://www.example.org/a/b?id=2"
    )
    assert canonical_url("https://example.org/a?b=2&a=1") == canonical_url(
        "https://example.org/a?a=1&b=2"
    )


# --- source profiles -------------------------------------------------------------------------------


def test_source_profiles_name_known_outlets():
    from diplomap.extract.outlets import load_outlets

    profiles = load_sources()
    names = load_outlets().names
    assert {p.language for p in profiles} == {"ar", "fa", "ru", "en"}
    assert any(p.name == "Russian Foreign Ministry" and p.listings for p in profiles)
    for p in profiles:
        assert p.name in names, p.id
        assert p.feeds or p.sitemaps or p.listings, p.id
        assert (p.checked is False and "not checked" in p.note.lower()) or p.checked, p.id
    assert [p.id for p in select_sources(["TASS"], profiles)] == ["tass-ru", "tass-en"]
    with pytest.raises(ValueError, match="unknown source"):
        select_sources(["nope"], profiles)


def test_check_says_which_profiles_answer(tmp_path, monkeypatch):
    from diplomap.collect.run import check_sources

    server = FixtureServer().start()
    try:
        server.add("/feed.xml", "<rss><channel><item><title>x</title></item></channel></rss>",
                   ctype="application/rss+xml")  # fmt: skip
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nid = "here"\nname = "TASS"\nlanguage = "ru"\nhome = "{server.base}/"\n'
            f'feeds = ["{server.url("/feed.xml")}", "{server.url("/gone.xml")}"]\n'
        )
        monkeypatch.setenv("DIPLOMAP_SOURCES", str(sources))
        lines: list[str] = []
        failures = check_sources([], POLITE_FAST, report=lines.append)
        assert failures == 1
        assert lines[0].startswith("here: feed ") and "answers (application/rss+xml" in lines[0]
        assert lines[1].endswith("gone.xml: HTTP 404 Not Found")
    finally:
        server.stop()


def test_source_profile_fills_the_source(tmp_path, monkeypatch):
    server = FixtureServer().start()
    try:
        make_sites(server, slow=0.1)
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nid = "fixture"\nname = "Sputnik Arabic"\nlanguage = "ar"\n'
            f'home = "{server.base}/"\nfeeds = ["{server.url("/feeds/rss.xml")}"]\n'
        )
        monkeypatch.setenv("DIPLOMAP_SOURCES", str(sources))
        out = tmp_path / "c"
        collect(Options(out=out, sources=["fixture"], politeness=POLITE_FAST))
        assert {r["source"] for r in _articles(out).values()} == {"Sputnik Arabic"}
    finally:
        server.stop()


def test_a_page_kept_in_the_warc_is_not_fetched_again(sites, collected, tmp_path):
    """A run killed after writing a page to the WARC file but before its article file
    leaves the URL `kept`: the next run reads it from the WARC file."""
    import shutil
    import sqlite3

    server, _ = sites
    out, _ = collected
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    with sqlite3.connect(copy / "collect.sqlite") as db:
        url, article = db.execute(
            "SELECT url, article_file FROM urls WHERE url LIKE '%/ar/lavrov-syria.html'"
        ).fetchone()
        db.execute("UPDATE urls SET status = 'kept', content_hash = NULL WHERE url = ?", (url,))
    (copy / article).unlink()
    before = server.counts["/ar/lavrov-syria.html"]
    summary = collect(Options(out=copy, politeness=POLITE_FAST))
    assert server.counts["/ar/lavrov-syria.html"] == before
    assert (copy / article).exists() and summary.articles == 1


# --- politeness --------------------------------------------------------------------------------


def _pages_site(
    n: int, delay: float, robots: str = "User-agent: *\nAllow: /\n", tag: str = ""
) -> FixtureServer:
    server = FixtureServer().start()
    server.add("/robots.txt", robots, ctype="text/plain")
    for i in range(n):
        text = AR_TEXT.replace("اليوم", f"في اليوم {i} {tag}")
        server.add(f"/p/{i}.html", page(f"لافروف {i}", text, lang="ar"), delay=delay)
    return server


def test_one_request_at_a_time_per_host_spaced_by_the_delay_hosts_in_parallel(tmp_path):
    a, b = _pages_site(4, 0.2, tag="أ"), _pages_site(4, 0.2, tag="ب")
    try:
        links = tmp_path / "links.txt"
        links.write_text("\n".join(s.url(f"/p/{i}.html") for s in (a, b) for i in range(4)))
        polite = Politeness(user_agent="t", delay=0.4, timeout=2.0)
        summary = collect(Options(out=tmp_path / "c", url_lists=[links], politeness=polite))
        assert summary.articles == 8
        for server in (a, b):
            starts = sorted(t for p, ts in server.times.items() if p.startswith("/p/") for t in ts)
            gaps = [y - x for x, y in itertools.pairwise(starts)]
            assert min(gaps) >= 0.4 + 0.2 - 0.02  # answer time + the pause, never overlapping
        a_times = sorted(t for ts in a.times.values() for t in ts)
        b_times = sorted(t for ts in b.times.values() for t in ts)
        assert max(a_times[0], b_times[0]) < min(a_times[-1], b_times[-1])  # in parallel
    finally:
        a.stop()
        b.stop()


def test_robots_crawl_delay_is_honoured(tmp_path):
    server = _pages_site(3, 0.0, robots="User-agent: *\nCrawl-delay: 1\n")
    try:
        links = tmp_path / "links.txt"
        links.write_text("\n".join(server.url(f"/p/{i}.html") for i in range(3)))
        polite = Politeness(user_agent="t", delay=0.0, timeout=2.0)
        collect(Options(out=tmp_path / "c", url_lists=[links], politeness=polite))
        starts = sorted(t for p, ts in server.times.items() if p.startswith("/p/") for t in ts)
        assert len(starts) == 3
        assert all(y - x >= 0.95 for x, y in itertools.pairwise(starts))  # whole seconds only
    finally:
        server.stop()


def test_redirect_caps_and_retry_after_dates():
    from diplomap.collect.fetch import FetchError, _retry_after

    server = FixtureServer().start()
    try:
        for i in range(8):
            server.add(f"/r/{i}", b"", status=301, headers={"Location": f"/r/{i + 1}"})
        server.add("/r/8", page("Lavrov", AR_TEXT, lang="ar"))
        server.add("/r/ok", b"", status=302, headers={"Location": "/r/7"})
        fetcher = Fetcher(POLITE_FAST)
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(server.url("/r/0"))
        response = fetcher.get(server.url("/r/ok"))
        assert response.final_url.endswith("/r/8") and len(response.redirects) == 2
    finally:
        server.stop()
    assert _retry_after("7") == 7.0
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)
    assert 25 < _retry_after(soon.strftime("%a, %d %b %Y %H:%M:%S GMT")) <= 30
    assert _retry_after("soon") is None


def test_discover_only_records_urls_without_fetching(sites, tmp_path):
    server, urls = sites
    before = server.counts["/fa/2024/03/05/lavrov-iran.html"]
    summary = collect(
        Options(
            out=tmp_path / "d", feeds=[urls["atom"]], politeness=POLITE_FAST, discover_only=True
        )
    )
    assert summary.new == 3 and summary.fetched == 0
    assert server.counts["/fa/2024/03/05/lavrov-iran.html"] == before
    trial = collect(Options(out=tmp_path / "d", politeness=POLITE_FAST, limit=1))
    assert trial.fetched == 1 and trial.articles == 1  # --limit: a trial run


def test_listing_pages_give_their_article_links():
    server = FixtureServer().start()
    try:
        links = "".join(
            f'<a href="{href}">x</a>'
            for href in (
                "/ru/press_service/minister_speeches/1934567/",
                "/ru/press_service/minister_speeches/1934568/#top",
                "/ru/foreign_policy/news/1/",
                "https://elsewhere.example/ru/press_service/minister_speeches/5/",
                "javascript:alert(1)",
            )
        )
        server.add("/ru/press_service/minister_speeches/", f"<html><body>{links}</body></html>")
        found = discover.from_listing(
            Fetcher(POLITE_FAST),
            server.url("/ru/press_service/minister_speeches/"),
            r"/ru/press_service/minister_speeches/\d+",
        )
        assert [f.url for f in found.found] == [
            server.url("/ru/press_service/minister_speeches/1934567/"),
            server.url("/ru/press_service/minister_speeches/1934568/"),
        ]
    finally:
        server.stop()


def test_a_charset_outside_the_allow_list_is_not_used():
    html = page("لافروف", AR_TEXT, lang="ar", charset_meta="punycode").encode("cp1256")
    record = page_to_article(
        html, [("Content-Type", "text/html; charset=punycode")], "http://127.0.0.1/x"
    )
    assert "لافروف" in record["text"]


def test_collect_stays_out_of_the_app():
    """diplomap.collect never imports streamlit, the dashboard or the corpus tables."""
    from test_architecture import MODULES, within

    collect_modules = [m for m in MODULES if within(m, "diplomap.collect")]
    assert len(collect_modules) >= 8
    for module in collect_modules:
        bad = [
            i
            for i in MODULES[module]
            if any(
                within(i, p)
                for p in ("streamlit", "diplomap.session", "diplomap.explore", "diplomap.corpus")
            )
        ]
        assert not bad, f"{module} imports {bad}"


def test_gdelt_articles_are_kept_before_their_window_is_marked_done(monkeypatch):
    """Killed in the middle of a GDELT search, a run has recorded every article of
    every window it marked done (so a resumed run, which skips those windows, loses none)."""
    server = FixtureServer().start()
    try:
        articles = [
            gdelt_article(server.url(f"/w/{i}"), dt.datetime(2024, 1, 1 + 7 * i, 9))
            for i in range(4)
        ]
        server.routes["/doc"] = gdelt_route(articles)
        monkeypatch.setenv("DIPLOMAP_GDELT_URL", server.url("/doc"))
        kept, marked = [], []

        def mark(key: str, n: int) -> None:
            marked.append(key)
            if len(marked) == 2:
                raise KeyboardInterrupt  # killed right after the second window

        with pytest.raises(KeyboardInterrupt):
            discover.from_gdelt(
                Fetcher(POLITE_FAST), "Lavrov", ["ar"], dt.date(2024, 1, 1), dt.date(2024, 1, 28),
                mark=mark, keep=kept.append,
            )  # fmt: skip
        assert [f.url for f in kept] == [server.url("/w/0"), server.url("/w/1")]
    finally:
        server.stop()


def test_robots_txt_behind_a_redirect_and_served_as_html_is_followed():
    from diplomap.collect.fetch import FetchError

    server = FixtureServer().start()
    try:
        server.add("/robots.txt", b"", status=301, headers={"Location": "/real-robots.txt"})
        server.add("/real-robots.txt", "User-agent: *\nDisallow: /no/\n", ctype="text/html")
        server.add("/no/x.html", page("Lavrov", AR_TEXT, lang="ar"))
        server.add("/yes/x.html", page("Lavrov", AR_TEXT, lang="ar"))
        fetcher = Fetcher(POLITE_FAST)
        with pytest.raises(FetchError, match=r"robots\.txt disallows"):
            fetcher.get(server.url("/no/x.html"))
        assert fetcher.get(server.url("/yes/x.html")).status == 200
        assert "/no/x.html" not in server.counts
    finally:
        server.stop()


def test_robots_txt_failing_with_5xx_keeps_us_away():
    from diplomap.collect.fetch import FetchError

    server = FixtureServer().start()
    try:
        server.add("/robots.txt", b"down", status=500, ctype="text/plain")
        server.add("/x.html", page("Lavrov", AR_TEXT, lang="ar"))
        polite = Politeness(user_agent="t", delay=0.0, timeout=1.0, retries=0)
        with pytest.raises(FetchError, match=r"robots\.txt unavailable \(HTTP 500"):
            Fetcher(polite).get(server.url("/x.html"))
        assert "/x.html" not in server.counts
    finally:
        server.stop()


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_a_collected_pages_own_date_line_beats_metadata_of_another_day(lang):
    """As for a page read from a file (tests/test_html_dates.py): the date line by the
    headline first, the metadata's other day kept as a candidate."""
    from test_html_dates import PAGE_DATES, _page

    case = next(c for c in PAGE_DATES if c[0] == lang)
    html = _page(*case[:7], "2024-12-06").encode()
    record = page_to_article(html, [("Content-Type", "text/html")], "http://127.0.0.1/a/x")
    assert (record["published"], record["date_source"]) == (case[7], "header")
    assert "2024-12-06" in {c["date"] for c in record["date_candidates"]}
    agreeing = page_to_article(_page(*case[:7], case[7]).encode(), [], "http://127.0.0.1/a/y")
    assert (agreeing["published"], agreeing["date_source"]) == (case[7], "html-meta")
