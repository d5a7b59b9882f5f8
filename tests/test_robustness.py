"""Nothing lost, many users: atomic corpus writes under SIGKILL, readers racing a writer,
the per-article time budget, the geocoder's rate limit and cache under concurrency, and
coordinates that are always on the globe.

Everything runs against files and servers made here (a fake Nominatim on 127.0.0.1).
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from diplomap import corpus as C
from diplomap import schema as S
from diplomap.corpus.budget import ArticleTimeout, TimeBudget
from diplomap.corpus.build import extract_one
from diplomap.extract import geocode
from diplomap.extract.article import warm_up
from diplomap.ingest import Article, read_bytes
from tests.nominatim_stub import serve_nominatim

ROOT = Path(__file__).resolve().parent.parent

# --- a generated corpus: short articles in four languages -----------------------------------

COUNTRIES = {
    "en": ["Syria", "Iran", "Egypt", "Turkey", "Iraq", "Jordan", "Lebanon", "Libya"],
    "ru": ["Сирией", "Ираном", "Египтом", "Турцией", "Ираком", "Иорданией", "Ливаном", "Ливией"],
    "ar": ["سوريا", "إيران", "مصر", "تركيا", "العراق", "الأردن", "لبنان", "ليبيا"],
    "fa": ["سوریه", "ایران", "مصر", "ترکیه", "عراق", "اردن", "لبنان", "لیبی"],
}
TEMPLATES = {
    "en": "Lavrov said Russia and {c} discussed trade, note {i}.",
    "ru": "Лавров заявил, что Россия и {c} обсудили торговлю, заметка {i}.",
    "ar": "قال لافروف إن روسيا و{c} ناقشتا التجارة، ملاحظة {i}.",
    "fa": "لاوروف گفت روسیه و {c} درباره تجارت گفت‌وگو کردند، یادداشت {i}.",
}
LANGS = list(TEMPLATES)


def article_text(i: int) -> str:
    lang = LANGS[i % 4]
    return TEMPLATES[lang].format(c=COUNTRIES[lang][(i // 4) % 8], i=i)


def write_articles(folder: Path, n: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + n):
        (folder / f"a{i:05d}_{LANGS[i % 4]}.txt").write_text(article_text(i), "utf-8")
    return folder


def small_corpus(n: int, offset: int = 0) -> C.Corpus:
    articles = [Article(file=f"m{i}.txt", text=article_text(i)) for i in range(offset, offset + n)]
    return C.build_from_articles(articles, workers=1)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "diplomap", *args]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def assert_consistent(corpus: C.Corpus, n: int) -> None:
    """A whole corpus: n articles, and every mention belongs to one of them."""
    assert len(corpus.articles) == n
    ids = set(corpus.articles[S.ARTICLE_ID])
    for table in (corpus.mentions, corpus.issue_mentions, corpus.statements):
        assert set(table[S.ARTICLE_ID]) <= ids


# --- SIGKILL during a build ---------------------------------------------------------------------


def _start_build(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        cli("build", str(src), "--out", str(out), "--quiet", "--full"),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its worker processes
    proc.wait(timeout=30)


def _versions(out: Path) -> set[str]:
    return {p.name for p in out.glob("v-*")}


@pytest.mark.slow
def test_killed_build_leaves_previous_corpus(tmp_path):
    """save_corpus writes a new version folder and then swaps the CURRENT pointer in one
    rename: a build killed at any moment leaves the previous corpus loadable. (Writing
    the Parquet files in place would leave a torn corpus when killed during the save.)"""
    out = tmp_path / "out"
    small = write_articles(tmp_path / "small", 12)
    big = write_articles(tmp_path / "big", 8000, offset=100)
    first = subprocess.run(cli("build", str(small), "--out", str(out), "--quiet"), env=ENV)
    assert first.returncode == 0
    assert_consistent(C.load_corpus(out), 12)
    previous_version = C.current_version(out).name

    # 1. killed during extraction, at two moments
    for delay in (0.5, 1.5):
        proc = _start_build(big, out)
        time.sleep(delay)
        assert proc.poll() is None, "the build finished too early to be killed"
        _kill(proc)
        assert_consistent(C.load_corpus(out), 12)
        assert C.current_version(out).name == previous_version

    # 2. killed during the save: as soon as the new version folder appears
    proc = _start_build(big, out)
    known = _versions(out)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and _versions(out) <= known:
        time.sleep(0.002)
    killed_in_save = proc.poll() is None
    if killed_in_save:
        _kill(proc)
    loaded = C.load_corpus(out)
    # either the save was cut (previous corpus) or it had just completed (new one)
    assert len(loaded.articles) in (12, 8000)
    assert_consistent(loaded, len(loaded.articles))

    # 3. a rebuild afterwards completes, and leaves no stale version folder behind
    again = subprocess.run(
        cli("build", str(big), "--out", str(out), "--quiet"),
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert_consistent(C.load_corpus(out), 8000)
    assert _versions(out) == {C.current_version(out).name}


# --- readers racing a writer ------------------------------------------------------------------


def test_concurrent_readers_never_see_a_partial_corpus(tmp_path):
    """Readers load while a writer saves corpora of 5 and 8 articles in turn. Each load
    must return one whole corpus. Without the version folders a reader sees a mix of
    tables; without a retry in load_corpus a reader that resolved CURRENT just before the
    writer removed that version gets FileNotFoundError."""
    out = tmp_path / "out"
    corpora = [small_corpus(5), small_corpus(8, offset=50)]
    C.save_corpus(corpora[0], out)
    stop = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        while not stop.is_set():
            try:
                loaded = C.load_corpus(out)
                n = len(loaded.articles)
                assert n in (5, 8), n
                assert_consistent(loaded, n)
                seen.append(n)
            except BaseException as exc:
                errors.append(exc)
                return

    readers = [threading.Thread(target=read) for _ in range(6)]
    for t in readers:
        t.start()
    try:
        # 30 saves at least, then on until the readers have seen both corpora (on a loaded
        # machine they may load rarely): the check is that no load is ever partial
        for k in range(400):
            C.save_corpus(corpora[k % 2], out)
            if k >= 30 and {5, 8} <= set(seen):
                break
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert not errors, f"{len(errors)} reader failure(s), first: {errors[0]!r}"
    assert {5, 8} <= set(seen)
    assert _versions(out) == {C.current_version(out).name}


# --- the per-article time budget -------------------------------------------------------------

SLOW_TEXT = "Syria\n" * 200_000  # seconds of extraction: every line a paragraph with a place
NORMAL_TEXT = "Russian Foreign Minister Sergey Lavrov said Russia supports Syria and Iran."


def _batch_with_budget(budget: float) -> tuple[list, float]:
    articles = [Article(file="slow.txt", text=SLOW_TEXT), Article(file="ok.txt", text=NORMAL_TEXT)]
    warm_up()  # the gazetteer (built anew after a code change) is not part of the budget
    started = time.monotonic()
    out = [extract_one(article, budget) for article in articles]
    return out, time.monotonic() - started


def _check_budget_result(out: list, elapsed: float, budget: float) -> None:
    (slow, slow_problem), (ok, ok_problem) = out
    assert slow is None and "longer than" in slow_problem.reason
    assert ok is not None and ok_problem is None
    assert {m[S.ISO3] for m in ok.mentions} >= {"SYR", "IRN", "RUS"}
    assert elapsed < budget + 2.0


def test_time_budget_skips_slow_article_and_goes_on():
    out, elapsed = _batch_with_budget(0.5)
    _check_budget_result(out, elapsed, 0.5)


def test_time_budget_also_holds_in_a_thread():
    result: list = []
    t = threading.Thread(target=lambda: result.append(_batch_with_budget(0.5)))
    t.start()
    t.join()
    _check_budget_result(*result[0], 0.5)


def test_a_lost_timeout_comes_again():
    """A timeout raised while Python ignores exceptions (a weakref callback during garbage
    collection) is lost: the alarm comes again, so the budget still holds."""
    lost: list[int] = []
    started = time.monotonic()
    with pytest.raises(ArticleTimeout), TimeBudget(0.1):
        while time.monotonic() - started < 5:
            try:
                time.sleep(0.005)
            except ArticleTimeout:
                if lost:
                    raise
                lost.append(1)  # swallowed, as an ignored callback would
    assert lost == [1]
    assert time.monotonic() - started < 1.0


def test_a_block_that_outlived_its_budget_is_reported():
    """Every timeout swallowed and the block ended anyway: it still counts as too slow."""
    with pytest.raises(ArticleTimeout), TimeBudget(0.05):
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            try:
                time.sleep(0.005)
            except ArticleTimeout:
                pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(0.1)  # and no stray alarm arrives after the block


# --- coordinates ---------------------------------------------------------------------------------


def assert_coordinates_valid(mentions: pd.DataFrame) -> None:
    assert mentions[S.LAT].notna().all() and mentions[S.LON].notna().all()
    assert mentions[S.LAT].between(-90, 90).all() and mentions[S.LON].between(-180, 180).all()


def test_bundled_corpus_and_gazetteer_coordinates_valid():
    from diplomap import config
    from diplomap.extract import places

    corpus = C.build_corpus([config.PACKAGE_DATA_DIR / "articles"], workers=1)
    assert len(corpus.mentions) > 20
    assert_coordinates_valid(corpus.mentions)
    records = pd.DataFrame(
        [(r.lat, r.lon) for r in places.load_gazetteer().places.values()], columns=[S.LAT, S.LON]
    )
    assert len(records) > 1000
    assert_coordinates_valid(records)


def test_additions_with_bad_coordinates_are_refused():
    """An analyst's typo (lat 999, lon nan) in gazetteer_additions.csv is a clear error,
    not a point off the globe."""
    from diplomap.extract.places import _check_row

    row = {
        "term": "Foo",
        "lang": "en",
        "place": "Foo",
        "place_type": "city",
        "iso3": "SYR",
        "kind": "name",
    }
    if _check_row({**row, "lat": "", "lon": ""}):  # the columns this version expects
        pytest.skip("additions format changed")
    assert "out of range" in _check_row({**row, "lat": "999", "lon": "36"})
    assert "out of range" in _check_row({**row, "lat": "33", "lon": "nan"})
    assert "not a number" in _check_row({**row, "lat": "north", "lon": "36"})
    assert _check_row({**row, "lat": "33.5", "lon": "-36.2"}) == ""


# --- a fake Nominatim ----------------------------------------------------------------------------

ANSWERS = {
    "Zabadani": ("33.72", "36.10", "sy"),
    "Badlat": ("999", "36.10", "sy"),
    "Nanplace": ("nan", "nan", "sy"),
    "Badlon": ("33.0", "400", "sy"),
}


def _answer(query: str):
    answer = ANSWERS.get(query)
    if answer is None and query.startswith("Key"):
        answer = ("10.0", "20.0", "sy")
    return (*answer, f"{query}, Syria") if answer else None


@pytest.fixture(scope="module")
def stub():
    with serve_nominatim(_answer) as running:
        yield running


@pytest.fixture
def nominatim(stub):
    return stub.host


def _geocoder(server: str, cache: Path, delay: float = 0.0) -> geocode.Geocoder:
    return geocode.Geocoder(
        "diplomap-tests", cache, domain=server, scheme="http", min_delay_seconds=delay
    )


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")
def test_geocoder_never_returns_coordinates_off_the_globe(nominatim, tmp_path):
    """Without the range check, lat 999 and NaN would reach the mentions table (geopy
    wraps lon 400 to 40, a wrong place: the raw answer is checked, not geopy's Point)."""
    g = _geocoder(nominatim, tmp_path / "geo.json")
    assert g.geocode("Zabadani", "en").lat == pytest.approx(33.72)
    for name in ("Badlat", "Nanplace", "Badlon"):
        assert g.geocode(name, "en") is None, name
    # a damaged cache entry (written by an older version, or by hand) is not trusted either
    cache = json.loads((tmp_path / "geo.json").read_text())
    cache["en|zabadani"]["lat"] = 999.0
    (tmp_path / "geo.json").write_text(json.dumps(cache))
    assert _geocoder(nominatim, tmp_path / "geo.json").geocode("Zabadani", "en") is None

    text = (
        "Lavrov said Russia discussed the city of Badlat, the city of Nanplace, "
        "the city of Badlon and the city of Zabadani with Syria."
    )
    result = read_bytes("geo.txt", text.encode())
    corpus = C.build_from_articles(
        result.articles, workers=1, geocoder=_geocoder(nominatim, tmp_path / "geo2.json")
    )
    geocoded = corpus.mentions[corpus.mentions[S.MATCH_KIND] == geocode.GEOCODED]
    assert list(geocoded[S.SURFACE]) == ["Zabadani"]
    assert_coordinates_valid(corpus.mentions)


def test_rate_limit_holds_across_threads(stub, nominatim, tmp_path):
    """10 threads, 4 uncached names (the other 6 threads hit the cache): consecutive
    requests at least 1 s apart, process-wide. Without the lock held through the sleep,
    threads that woke together would fire together."""
    cache = tmp_path / "geo.json"
    cached = {f"en|cached{i}": None for i in range(6)}
    cache.write_text(json.dumps(cached))
    g = _geocoder(nominatim, cache, delay=1.0)
    names = ["Zabadani", "Key1", "Key2", "Key3"] + [f"cached{i}" for i in range(6)]
    stub.calls.clear()
    threads = [threading.Thread(target=g.geocode, args=(name, "en")) for name in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(t for t, _path, _params in stub.calls)
    assert len(times) == 4
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.9, gaps


def _write_keys(server: str, cache: str, prefix: str, n: int) -> None:
    g = _geocoder(server, Path(cache))
    for i in range(n):
        g.geocode(f"Key{prefix}{i}", "en")


def test_cache_survives_concurrent_writer_processes(nominatim, tmp_path):
    """Four processes add different keys to one cache file at once. Without the file
    lock and the merge with what is on disk, last writer wins and keys are lost; without
    temp file + rename, a reader can see half-written JSON."""
    cache = tmp_path / "geo.json"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_keys, args=(nominatim, str(cache), p, 12)) for p in "ABCD"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    saved = json.loads(cache.read_text("utf-8"))  # valid JSON
    expected = {f"en|key{p.lower()}{i}" for p in "ABCD" for i in range(12)}
    assert expected <= set(saved)
    assert all(saved[k]["iso3"] == "SYR" for k in expected)
    assert not list(tmp_path.glob(".geocode-*"))  # no temp file left behind


def test_a_timeout_lost_in_a_finaliser_is_dropped_quietly():
    """Alarms that land in a __del__ (Python ignores its exceptions) are neither printed
    nor handed to the process's unraisable hook, and the budget still holds."""

    class Slow:
        def __del__(self):
            _spin(0.01)

    seen: list = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        started = time.monotonic()
        with pytest.raises(ArticleTimeout), TimeBudget(0.05):
            while time.monotonic() - started < 5:
                Slow()  # about half of the alarms land in its __del__
                _spin(0.01)
    finally:
        sys.unraisablehook = old_hook
    assert time.monotonic() - started < 1.0
    assert seen == []
    assert sys.unraisablehook is old_hook


def _spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass
