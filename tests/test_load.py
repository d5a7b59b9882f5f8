"""Many users at once against the real server (`streamlit run dashboard.py`).

The server runs headless on 127.0.0.1 (a free port) over a small generated data folder
(DIPLOMAP_DATA) in which each of 20 countries is named in a different number of
articles. 20 browser sessions (pages of one headless Chromium) open the app at the same
time, each with another country in its URL, and each must read its own, correct
article count; a second wave does the same with the counts of "Lavrov's own words".
The server's resident memory is read before and after the waves.

Also here, because they need the real server: an unknown page and junk in the query
string (nothing runs, nothing raw is shown), and the XSRF and CORS protection of the
upload endpoint.
"""

from __future__ import annotations

import asyncio
import os
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_dashboard

from diplomap import schema as S

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = 20
START_TIMEOUT = 90.0
PAGE_TIMEOUT_MS = 60_000

# 20 countries; country k is named in k + 1 articles (210 articles), every other one in
# a sentence of Lavrov's, so both counts differ from country to country.
COUNTRIES = [
    "Syria",
    "Iran",
    "Egypt",
    "Turkey",
    "Iraq",
    "Jordan",
    "Lebanon",
    "Libya",
    "Qatar",
    "Kuwait",
    "Oman",
    "Yemen",
    "Algeria",
    "Tunisia",
    "Morocco",
    "Sudan",
    "Bahrain",
    "Israel",
    "Pakistan",
    "Afghanistan",
]


def write_data_folder(folder: Path) -> Path:
    articles = folder / "articles"
    articles.mkdir(parents=True)
    n = 0
    for k, country in enumerate(COUNTRIES):
        for i in range(k + 1):
            if i % 2 == 0:
                text = (
                    f"Russian Foreign Minister Sergey Lavrov said on Tuesday that {country} "
                    f"and Russia would expand their cooperation. Note {n}.\n"
                )
            else:
                text = (
                    f"The weather in {country} was mild on Tuesday, reporters said. "
                    f"Nothing else happened. Note {n}.\n"
                )
            if n % 5 == 0:  # some boilerplate, as news pages have
                text += "Read also: the minister's schedule for next week\n"
            (articles / f"a{n:04d}.txt").write_text(text, "utf-8")
            n += 1
    return folder


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory) -> Path:
    return write_data_folder(tmp_path_factory.mktemp("load") / "data")


@pytest.fixture(scope="module")
def server(data_folder):
    log_path = data_folder.parent / "server.log"
    env = {**os.environ, "DIPLOMAP_DATA": str(data_folder), "DIPLOMAP_GEOCODE": "0"}
    with open(log_path, "wb") as log, running_dashboard(env, log) as (url, proc):
        yield url, proc
    assert "Traceback" not in log_path.read_text("utf-8", "replace")


def expected_counts(data_folder: Path) -> dict[str, tuple[int, int]]:
    """Country name -> (articles naming it, articles where Lavrov names it), counted
    from the corpus the server built (so the test follows the extractor)."""
    from diplomap.corpus import load_or_build
    from diplomap.explore.labels import country_name

    corpus = load_or_build(data_folder)
    assert len(corpus.articles) == sum(range(1, len(COUNTRIES) + 1))
    m = corpus.mentions
    out = {}
    for iso3 in m[S.ISO3].dropna().unique():
        mine = m[m[S.ISO3] == iso3]
        out[country_name(iso3)] = (
            mine[S.ARTICLE_ID].nunique(),
            mine.loc[mine[S.LAVROV].astype(bool), S.ARTICLE_ID].nunique(),
        )
    return out


# --- 20 sessions at once ---------------------------------------------------------------------


async def _session(ws_url: str, query: str, timeout: float = 60.0) -> dict[str, str]:
    """One Streamlit session over the app's websocket, as the browser opens it: send the
    URL's query string, read the messages until the script run completes (reruns the
    app asks for included), return the metrics shown (label -> value)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=2**26) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_script_hash = ""
        await ws.send(msg.SerializeToString())
        metrics: dict[str, str] = {}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # bounded
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "metric":
                    metrics[element.metric.label] = element.metric.body
                assert element.WhichOneof("type") != "exception", element.exception.message
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return metrics
                metrics = {}  # a rerun follows
        raise TimeoutError(f"no complete script run for ?{query}")


def wave(url: str, queries: list[str]) -> list[dict[str, str] | BaseException]:
    """All `queries` at once, each in its own session."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"

    async def run() -> list:
        return await asyncio.gather(*(_session(ws_url, q) for q in queries), return_exceptions=True)

    return asyncio.run(run())


@pytest.mark.slow
def test_twenty_sessions_get_their_own_correct_figures(server, data_folder):
    """20 sessions at once, each with another country in its URL: every one reads the
    article count of its own country (20 different numbers); then 20 more with Lavrov's
    own words only. The server's memory after 40 sessions stays within a bound."""
    url, proc = server
    counts = expected_counts(data_folder)
    names = [c for c in COUNTRIES if c in counts]
    assert len(names) == SESSIONS, sorted(set(COUNTRIES) - set(counts))
    assert len({counts[c][0] for c in names}) == SESSIONS  # 20 different answers

    # warm-up (imports, the corpus, the caches), then the baseline
    (first,) = wave(url, [""])
    assert not isinstance(first, BaseException), repr(first)
    assert first["Articles"] == str(sum(range(1, SESSIONS + 1))), first
    baseline = rss_mb(proc.pid)

    started = time.monotonic()
    queries = [f"country={quote(c)}" for c in names]
    got1 = wave(url, queries)
    after1 = rss_mb(proc.pid)
    queries2 = [f"country={quote(c)}&lavrov=true" for c in names]
    got2 = wave(url, queries2)
    after2 = rss_mb(proc.pid)
    elapsed = time.monotonic() - started

    failures = [
        (q, r)
        for q, r in zip(queries + queries2, got1 + got2, strict=True)
        if isinstance(r, BaseException)
    ]
    assert not failures, failures
    wrong = [
        (c, counts[c], got1[i].get("Articles"), got2[i].get("Articles"))
        for i, c in enumerate(names)
        if (got1[i].get("Articles"), got2[i].get("Articles"))
        != (str(counts[c][0]), str(counts[c][1]))
    ]
    assert not wrong, wrong
    assert proc.poll() is None, "the server died"
    print(f"RSS MB: baseline {baseline:.0f}, after 20 sessions {after1:.0f}, after 40 {after2:.0f}")
    print(f"two waves of {SESSIONS} sessions: {elapsed:.1f} s")
    # closed sessions are kept for server.disconnectedSessionTTL (120 s); each costs a few
    # MB at most here, a leak of views or corpora per session grows well beyond
    assert after1 - baseline < 200, (baseline, after1)
    assert after2 - baseline < 300, (baseline, after1, after2)


ARTICLES_METRIC = """() => {
  for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
    const label = m.querySelector('[data-testid="stMetricLabel"]');
    const value = m.querySelector('[data-testid="stMetricValue"]');
    if (label && value && label.innerText.trim() === 'Articles') return value.innerText.trim();
  }
  return null;
}"""
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


@pytest.mark.browser
def test_unknown_page_and_junk_query_are_ignored(server):
    """/no-such-page with <script> and impossible values in the query string: the main
    page runs, no dialog opens (no script ran), the junk is named in the sidebar's note,
    escaped."""
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    url, _proc = server
    query = (
        "country=" + quote("<script>alert('x')</script>") + "&year=99999&zzz=%3Cimg%20src%3Dx%3E"
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{url}/no-such-page?{query}")
            page.wait_for_selector('[data-testid="stMetric"]')
            page.wait_for_function(IDLE)
            page.wait_for_timeout(1000)
            assert page.evaluate(ARTICLES_METRIC) == str(sum(range(1, len(COUNTRIES) + 1)))
            sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
            assert "Ignored in the link" in sidebar
            assert "99999" in sidebar and "<script>" in sidebar  # shown as text ...
            html = page.content()
            assert "<script>alert(" not in html  # ... never as markup
            assert page.locator("img[src='x']").count() == 0
            assert not dialogs, dialogs
        finally:
            browser.close()


# --- XSRF and CORS on the real server -------------------------------------------------------


def _request(url: str, method: str = "GET", headers: dict | None = None, data: bytes | None = None):
    req = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers)


def test_upload_endpoint_refuses_requests_without_xsrf_token(server):
    url, _proc = server
    body = (
        b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nSyria\r\n--x--\r\n"
    )
    status, _ = _request(
        f"{url}/_stcore/upload_file/some-session/some-file",
        "PUT",
        {"Content-Type": "multipart/form-data; boundary=x", "Origin": "http://evil.example"},
        body,
    )
    assert status == 403


def test_no_cross_origin_access(server):
    url, _proc = server
    status, headers = _request(f"{url}/_stcore/health", headers={"Origin": "http://evil.example"})
    assert status == 200
    allowed = {k.lower(): v for k, v in headers.items()}.get("access-control-allow-origin")
    assert allowed in (None, ""), allowed
