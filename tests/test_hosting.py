"""What hosting the dashboard for many users relies on, beyond the other suites:

- .streamlit/config.toml: XSRF and CORS protection on, no error details shown to
  visitors, no usage statistics, and an upload limit that matches ingestion's caps;
- coordinates off the globe in a saved corpus (a damaged or hand-edited Parquet file)
  are never plotted on the map;
- the geocoder's one process-wide rate limit under many concurrent "sessions" (threads,
  each with its own Geocoder), and its cache file under concurrent writer threads and
  processes at once (tests/test_geocode.py and tests/test_robustness.py cover two
  instances and one-instance threads / processes alone).
"""

from __future__ import annotations

import itertools
import json
import math
import multiprocessing
import threading
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from diplomap import schema as S
from diplomap.extract import geocode
from diplomap.ingest import DEFAULT_LIMITS
from tests.nominatim_stub import serve_nominatim

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".streamlit" / "config.toml"
APP = "../dashboard.py"


# --- the server's configuration --------------------------------------------------------------


@pytest.fixture(scope="module")
def config() -> dict:
    return tomllib.loads(CONFIG.read_text("utf-8"))


def test_config_options_exist_in_this_streamlit(config):
    """A misspelt option is silently ignored by Streamlit: check every one is known."""
    from streamlit import config as st_config

    known = set(st_config.get_config_options())
    for section, values in config.items():
        for name in values:
            assert f"{section}.{name}" in known, f"{section}.{name}"


def test_config_keeps_xsrf_and_cors_and_hides_errors(config):
    server = config.get("server", {})
    # both default to true; an explicit false (e.g. copied from a forum answer) is refused
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True
    assert config.get("client", {}).get("showErrorDetails") in ("none", False)
    assert config.get("browser", {}).get("gatherUsageStats") is False
    assert server.get("enableStaticServing") is True  # the offline map's topojson
    assert not server.get("corsAllowedOrigins")
    assert server.get("headless", True) is True


def test_upload_limit_matches_ingestion_caps(config):
    """Streamlit's per-file upload limit (MB) should be what ingestion accepts for one
    file: lower and ingestion's own, clearer message is never reached; higher and
    files that will be refused anyway are uploaded into the server's memory first."""
    limit_mb = config.get("server", {}).get("maxUploadSize", 200)
    assert limit_mb * 2**20 >= DEFAULT_LIMITS.max_file_bytes
    assert limit_mb == math.ceil(DEFAULT_LIMITS.max_file_bytes / 2**20)


def test_upload_limit_is_at_most_the_zip_cap(config):
    limit_mb = config.get("server", {}).get("maxUploadSize", 200)
    assert limit_mb * 2**20 <= DEFAULT_LIMITS.max_zip_total_bytes
    assert limit_mb < 200  # not Streamlit's default


# --- coordinates off the globe in a saved corpus --------------------------------------------

CITY_TEXT = (
    "Russian Foreign Minister Sergey Lavrov said in Damascus that Russia supports Syria. "
    "He later flew to Tehran, Riyadh and Cairo to discuss Iran, Saudi Arabia and Egypt.\n"
    "Read also: the minister's schedule for next week\n"
)


def _damaged_data_folder(folder: Path) -> Path:
    """A data folder whose saved corpus has cities at lat 999, lon 400 and NaN."""
    from diplomap.corpus import current_version, load_or_build
    from diplomap.corpus.saved import table_files

    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(CITY_TEXT, "utf-8")
    corpus = load_or_build(folder)
    cities = corpus.mentions[corpus.mentions[S.PLACE_TYPE] == "city"]
    assert len(cities) >= 2, corpus.mentions[[S.SURFACE, S.PLACE_TYPE]]
    (path,) = table_files(current_version(folder / "corpus"), "mentions")  # one part
    table = pd.read_parquet(path)
    city_rows = table.index[table[S.PLACE_TYPE] == "city"]
    table.loc[city_rows[0], [S.LAT, S.LON]] = [999.0, 36.0]
    table.loc[city_rows[1], [S.LAT, S.LON]] = [33.0, 400.0]
    if len(city_rows) > 2:
        table.loc[city_rows[2], [S.LAT, S.LON]] = [float("nan"), float("nan")]
    table.to_parquet(path, index=False)
    return folder


def test_map_never_plots_coordinates_off_the_globe(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOMAP_DATA", str(_damaged_data_folder(tmp_path / "data")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/map.py").run()
    # (pytest.fail, not assert: only the coordinate check below is the expected failure)
    if at.exception:
        pytest.fail(f"the app raised: {[e.value for e in at.exception]}")
    charts = at.get("plotly_chart")
    if not charts:
        pytest.fail("the map is not drawn")
    points = [
        (lat, lon)
        for chart in charts
        for trace in json.loads(chart.proto.spec)["data"]
        if trace.get("type") == "scattergeo"
        for lat, lon in zip(trace.get("lat") or [], trace.get("lon") or [], strict=False)
    ]
    if not points:
        pytest.fail("no city points: the damaged rows should not hide the others")
    for lat, lon in points:
        assert lat is not None and lon is not None
        assert -90 <= lat <= 90 and -180 <= lon <= 180, (lat, lon)


def test_data_folder_without_boilerplate_is_served(tmp_path, monkeypatch):
    """A data folder whose articles carry no boilerplate (e.g. clean CSV exports): the
    saved corpus's boilerplate column is then list<null> in Parquet, and the app must
    still read it."""
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    for i, country in enumerate(["Syria", "Iran", "Egypt"]):
        (articles / f"a{i}.txt").write_text(
            f"Russian Foreign Minister Sergey Lavrov said Russia supports {country}.\n", "utf-8"
        )
    monkeypatch.setenv("DIPLOMAP_DATA", str(tmp_path / "data"))
    for _ in range(2):  # the first run builds and saves the corpus, the second reads it
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert next(m.value for m in at.metric if m.label == "Articles") == "3"


# --- the geocoder under many sessions ---------------------------------------------------------


@pytest.fixture(scope="module")
def stub():
    with serve_nominatim(lambda query: ("33.5", "36.3", "sy", f"{query}, Syria")) as running:
        yield running


@pytest.fixture
def nominatim(stub):
    return stub.host


def _geocoder(server: str, cache: Path, delay: float) -> geocode.Geocoder:
    return geocode.Geocoder(
        "diplomap-tests", cache, domain=server, scheme="http", min_delay_seconds=delay
    )


def _serve_timed(log_path: str, ready) -> None:
    """The fake Nominatim of another process: it writes each request's arrival time
    (CLOCK_MONOTONIC, the same clock in every process) to a log file."""

    def answer(query: str):
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"{time.monotonic()}\n")
        return ("33.5", "36.3", "sy", f"{query}, Syria")

    with serve_nominatim(answer) as stub:
        ready.put(int(stub.host.rsplit(":", 1)[1]))
        threading.Event().wait()  # until the test terminates this process


@pytest.fixture
def remote_nominatim(tmp_path):
    """A fake Nominatim in its own process (like the real one, it does not share the
    test's GIL, so arrival times are not skewed by the client threads)."""
    log_path = tmp_path / "arrivals.log"
    log_path.write_text("")
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Queue()
    proc = ctx.Process(target=_serve_timed, args=(str(log_path), ready), daemon=True)
    proc.start()
    try:
        port = ready.get(timeout=30)
        yield f"127.0.0.1:{port}", log_path
    finally:
        proc.terminate()
        proc.join(10)


def test_rate_limit_shared_by_many_session_geocoders(remote_nominatim, tmp_path):
    """Eight sessions, each with its own Geocoder (and cache file), look up two names
    each at the same moment: the requests reach the server one at a time, `delay`
    apart. Without one limiter for the whole process each instance would keep its own
    pace and the eight first requests would arrive together."""
    server, log_path = remote_nominatim
    delay = 0.3
    geocoders = [_geocoder(server, tmp_path / f"s{i}.json", delay) for i in range(8)]
    start = threading.Barrier(len(geocoders))
    errors: list[BaseException] = []

    def session(i: int, g: geocode.Geocoder) -> None:
        try:
            start.wait()
            for k in range(2):
                assert g.geocode(f"Town{i}x{k}", "en") is not None
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(i, g)) for i, g in enumerate(geocoders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    times = sorted(float(x) for x in log_path.read_text().split())
    assert len(times) == 16
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # scheduling on a loaded machine can delay one request's arrival a little; without
    # a shared limiter most gaps would be ~0 and the 16 requests would take ~0.3 s
    assert min(gaps) >= delay - 0.1, gaps
    assert sorted(gaps)[len(gaps) // 2] >= delay - 0.02, gaps
    assert times[-1] - times[0] >= 15 * delay - 0.1, gaps


def _threads_writing(server: str, cache: str, prefix: str, n_threads: int, n: int) -> None:
    """n_threads threads, each with its own Geocoder on `cache`, add n keys each."""

    def work(t: int) -> None:
        g = _geocoder(server, Path(cache), 0.0)
        for i in range(n):
            g.geocode(f"Key{prefix}{t}x{i}", "en")

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)


def test_cache_survives_writer_threads_and_processes_at_once(stub, nominatim, tmp_path):
    """Three processes with four writer threads each (every thread its own Geocoder,
    loaded before the others wrote) add different keys to one cache file: every key is
    on disk afterwards, in valid JSON, and no temp file is left."""
    cache = tmp_path / "geo.json"
    ctx = multiprocessing.get_context("fork")
    procs = [
        ctx.Process(target=_threads_writing, args=(nominatim, str(cache), p, 4, 12)) for p in "ABC"
    ]
    for p in procs:
        p.start()
    _threads_writing(nominatim, str(cache), "M", 4, 12)  # and this process too
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    saved = json.loads(cache.read_text("utf-8"))
    expected = {f"en|key{p.lower()}{t}x{i}" for p in "ABCM" for t in range(4) for i in range(12)}
    missing = expected - set(saved)
    assert not missing, sorted(missing)[:10]
    assert all(saved[k]["iso3"] == "SYR" for k in expected)
    assert not list(tmp_path.glob(".geocode-*"))
    # a fresh instance (a new session) answers all of them from the file, no request
    stub.calls.clear()
    g = _geocoder(nominatim, cache, 0.0)
    assert all(g.geocode(f"KeyA{t}x{i}", "en") for t in range(4) for i in range(12))
    assert g.requests == 0 and not stub.calls
