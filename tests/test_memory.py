"""Bounded caches: a long-running server where visitors keep uploading and leaving.

- Every st.cache_data / st.cache_resource in the app has max_entries and a ttl, and every
  functools.lru_cache in diplomap/ a finite maxsize (read from the source).
- One process uploads many different corpora through the Data page (AppTest sessions),
  looks at them, then forgets them or leaves: afterwards no uploaded corpus is still
  alive, each st.cache_data cache holds at most its max_entries, the cached bytes stay
  below a bound independent of the number of uploads, and the process's resident
  memory comes back near where it was after the first few uploads.
"""

from __future__ import annotations

import ast
import gc
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = "../dashboard.py"
READ = "Read the uploaded files"


# --- the decorators -----------------------------------------------------------------------


def _decorators(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for dec in node.decorator_list:
                yield node.name, dec


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    return ast.unparse(node)


def _keywords(dec: ast.AST) -> dict[str, ast.AST]:
    return {k.arg: k.value for k in dec.keywords} if isinstance(dec, ast.Call) else {}


APP_FILES = [
    ROOT / "diplomap" / "session.py",
    ROOT / "dashboard.py",
    *sorted((ROOT / "app_pages").glob("*.py")),
]


def test_streamlit_caches_have_max_entries_and_ttl():
    found = []
    for path in APP_FILES:
        for func, dec in _decorators(path):
            name = _name(dec)
            if name.endswith(("cache_data", "cache_resource")):
                found.append(func)
                kw = _keywords(dec)
                assert "max_entries" in kw, f"{path.name}:{func} has no max_entries"
                assert "ttl" in kw, f"{path.name}:{func} has no ttl"
                for key in ("max_entries", "ttl"):
                    assert ast.unparse(kw[key]) != "None", f"{path.name}:{func} {key}=None"
    assert found, "no st.cache_data / st.cache_resource found: has the app changed?"


def test_lru_caches_are_bounded():
    for path in sorted((ROOT / "diplomap").rglob("*.py")):
        for func, dec in _decorators(path):
            name = _name(dec)
            assert name not in ("cache", "functools.cache"), f"{path.name}:{func} unbounded"
            if name.endswith("lru_cache"):
                kw = _keywords(dec)
                size = kw.get("maxsize") or (dec.args[0] if getattr(dec, "args", None) else None)
                assert size is not None, f"{path.name}:{func}: lru_cache without maxsize"
                assert ast.unparse(size) != "None", f"{path.name}:{func}: maxsize=None"


# --- uploading and leaving, many times ---------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


COUNTRIES = ["Syria", "Iran", "Egypt", "Turkey", "Iraq", "Jordan", "Lebanon", "Libya"]


def _upload_file(round_no: int, n_articles: int = 40) -> tuple[str, bytes]:
    """A CSV of n articles (~400 KB), different in every round."""
    rows = ["title,text"]
    for i in range(n_articles):
        country = COUNTRIES[(round_no + i) % len(COUNTRIES)]
        body = (
            f"Russian Foreign Minister Sergey Lavrov said that Russia and {country} agreed "
            f"to continue their talks. Round {round_no}, article {i}. "
        ) + f"Filler sentence number {round_no}-{i} about nothing in particular. " * 120
        rows.append(f'"Round {round_no} #{i}","{body}"')
    return f"round{round_no}.csv", "\n".join(rows).encode()


def _cache_entries() -> dict[str, tuple[int, int]]:
    """st.cache_data / st.cache_resource function name -> (stats rows, bytes)."""
    from streamlit.runtime.caching.cache_data_api import get_data_cache_stats_provider
    from streamlit.runtime.caching.cache_resource_api import (
        get_resource_cache_stats_provider,
    )

    out: dict[str, tuple[int, int]] = {}
    for provider in (get_data_cache_stats_provider(), get_resource_cache_stats_provider()):
        for stats in provider.get_stats().values():
            for s in stats:
                n, b = out.get(s.cache_name, (0, 0))
                out[s.cache_name] = (n + 1, b + s.byte_length)
    return out


def _live_diplomap_objects() -> int:
    """Live corpora, stores and upload outcomes (whatever diplomap calls them)."""
    gc.collect()
    return sum(
        1
        for obj in gc.get_objects()
        if str(getattr(type(obj), "__module__", "")).startswith("diplomap")
        and type(obj).__name__ in ("Corpus", "Store", "UploadOutcome")
    )


def _live_uploaded_corpora() -> int:
    from diplomap.corpus import Corpus

    gc.collect()
    n = 0
    for obj in gc.get_objects():
        if isinstance(obj, Corpus):
            titles = obj.articles.get("title")
            if titles is not None and titles.astype(str).str.startswith("Round ").any():
                n += 1
    return n


def _visit(round_no: int) -> None:
    """One visitor: uploads a corpus, explores it on two pages, then forgets the upload
    (odd rounds) or just leaves (even rounds)."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("app_pages/data.py").run()
    name, data = _upload_file(round_no)
    at.file_uploader(key="dm_uploads").set_value([(name, data, "text/csv")]).run()
    next(b for b in at.button if b.label == READ).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("40 articles" in m.value for m in at.markdown), [m.value for m in at.markdown]
    at.radio(key="upload_mode").set_value("replace").run()
    for page in ("overview", "map"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
    if round_no % 2:
        at.switch_page("app_pages/data.py").run()
        next(b for b in at.button if b.label == "Forget the uploads").click().run()
        assert not any(b.label == "Forget the uploads" for b in at.button)


def _cached_bytes() -> int:
    return sum(b for _, b in _cache_entries().values())


@pytest.fixture(scope="module")
def departures(tmp_path_factory) -> dict[str, float]:
    """Visitors come, upload, explore and leave; measured after the warm-up, after one
    more visitor and after `ROUNDS` more."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DIPLOMAP_DATA", str(tmp_path_factory.mktemp("mem") / "no-bundled-corpus"))
        for r in range(2):  # warm-up: imports, gazetteer, first cache entries
            _visit(r)
        gc.collect()
        out = {"rss0": _rss_mb(), "bytes0": _cached_bytes(), "objects0": _live_diplomap_objects()}
        _visit(2)
        gc.collect()
        out["bytes1"] = _cached_bytes()
        for r in range(3, 3 + ROUNDS):
            _visit(r)
        out["live"] = _live_uploaded_corpora()
        out["objectsN"] = _live_diplomap_objects()
        out["rssN"] = _rss_mb()
        out["bytesN"] = _cached_bytes()
    print({k: round(v / 2**20, 2) if k.startswith("bytes") else v for k, v in out.items()})
    return out


ROUNDS = 6


@pytest.mark.slow
def test_no_uploaded_corpus_outlives_its_session(departures):
    """Neither session state left behind, nor a cache, nor a module global keeps an
    uploaded corpus once its visitor has forgotten it or left; resident memory after
    the visitors stays near the baseline (a kept session or corpus per visitor would
    cost far more than this)."""
    assert departures["live"] == 0
    # corpora / stores / upload outcomes: none added per departed visitor
    assert departures["objectsN"] - departures["objects0"] <= 2, departures
    assert departures["rssN"] - departures["rss0"] < 60, departures


@pytest.mark.slow
def test_discarded_uploads_leave_the_shared_caches(departures):
    """The caches shared by all sessions (st.cache_data / st.cache_resource) do not keep
    what a departed visitor uploaded: after six more visitors they hold no more than
    after one. (At commit 38ee923 appcache._view, an st.cache_data with max_entries=64,
    kept every upload's filtered tables: ~0.9 MB more per visitor of this test, up to
    64 uploads of 25 MB.)"""
    one = departures["bytes1"] - departures["bytes0"]
    many = departures["bytesN"] - departures["bytes0"]
    assert many <= max(2 * one, 2**20), departures
