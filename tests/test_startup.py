"""Issue 14, start-up: the disk cache of the gazetteer and the taxonomy is used and safe,
and `extract` prints the same records without pandas or pyarrow.

- `disk_cache.load_or_build`: a second load reads the file; another key (a stale
  fingerprint) builds again; a corrupt, truncated or foreign file is rebuilt and
  rewritten; an unwritable cache folder only costs the build;
- the gazetteer's key follows its data files and its libraries' versions;
- the gazetteer, the taxonomy and the outlets read from the cache are the ones built,
  and find the same places, issues and outlet names in the test articles;
- `records.column_records` (what `extract` prints) equals `records.iter_records` of the
  tables (what it printed before), with or without MinHash signatures;
- (architecture) `import diplomap.__main__` imports neither pandas nor pyarrow nor numpy,
  and `extract` of one file neither pandas nor pyarrow (`sys.modules` of a subprocess;
  numpy counts the letters of each script when a language is detected).
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from diplomap import normalize as N
from diplomap import records
from diplomap.corpus.extraction import extract_columns
from diplomap.extract import disk_cache, gazetteer, issues, outlets, places
from diplomap.ingest import dedupe, read_paths
from diplomap.normalize import normalize_text

ROOT = Path(__file__).resolve().parent.parent
ONE_FILE = ROOT / "data" / "articles" / "000_9091aa48b12efacd.txt"
ARTICLE_DIRS = [ROOT / "data" / "articles", ROOT / "tests" / "devset" / "articles"]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DIPLOMAP_CACHE", str(folder))
    return folder


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value: object = "built") -> None:
        self.calls = 0
        self.value = value

    def __call__(self) -> object:
        self.calls += 1
        return self.value


# --- the mechanism ------------------------------------------------------------------------------


def test_a_second_load_reads_the_file(cache):
    build = Builder({"terms": [1, 2, 3]})
    assert disk_cache.load_or_build("thing", "k1", build) == {"terms": [1, 2, 3]}
    assert (cache / "thing-k1.pickle").is_file()
    assert disk_cache.load_or_build("thing", "k1", build) == {"terms": [1, 2, 3]}
    assert build.calls == 1


def test_a_stale_key_builds_again(cache):
    old, new = Builder("old"), Builder("new")
    disk_cache.load_or_build("thing", "k1", old)
    assert disk_cache.load_or_build("thing", "k2", new) == "new"
    assert new.calls == 1
    assert disk_cache.load_or_build("thing", "k2", new) == "new"
    assert new.calls == 1


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # empty
        b"not a pickle at all",
        pickle.dumps(("diplomap-cache-1", "thing", "k1", "x"))[:-5],  # truncated
        pickle.dumps(("diplomap-cache-1", "other", "k9", "x")),  # another object's file
        pickle.dumps("just a string"),
        b"\x80\x05\x95" + bytes(range(256)),
    ],
)
def test_a_damaged_file_is_rebuilt_and_rewritten(cache, damage):
    build = Builder("good")
    cache.mkdir(parents=True)
    (cache / "thing-k1.pickle").write_bytes(damage)
    assert disk_cache.load_or_build("thing", "k1", build) == "good"
    assert build.calls == 1
    assert disk_cache.load_or_build("thing", "k1", build) == "good"  # rewritten: read back
    assert build.calls == 1
    assert not list(cache.glob("*.tmp"))


def test_a_rejected_object_is_rebuilt(cache):
    disk_cache.load_or_build("thing", "k1", Builder(42))
    build = Builder("text")
    assert disk_cache.load_or_build("thing", "k1", build, valid=lambda v: isinstance(v, str))
    assert build.calls == 1


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DIPLOMAP_CACHE", str(blocker / "cache"))
    build = Builder("value")
    assert disk_cache.load_or_build("thing", "k1", build) == "value"
    assert disk_cache.load_or_build("thing", "k1", build) == "value"
    assert build.calls == 2


def test_old_files_are_pruned(cache):
    for i in range(disk_cache.KEEP + 3):
        disk_cache.load_or_build("thing", f"k{i}", Builder(i))
    assert len(list(cache.glob("thing-*.pickle"))) == disk_cache.KEEP


def test_the_fingerprint_follows_files_and_library_versions(tmp_path, monkeypatch):
    data = tmp_path / "data.csv"
    data.write_text("a\n")
    key = disk_cache.fingerprint([data], ["ahocorasick_rs"])
    assert disk_cache.fingerprint([data], ["ahocorasick_rs"]) == key
    data.write_text("b\n")
    assert disk_cache.fingerprint([data], ["ahocorasick_rs"]) != key
    changed = disk_cache.fingerprint([data], ["ahocorasick_rs"])
    monkeypatch.setattr(disk_cache, "library_version", lambda name: "999.0")
    assert disk_cache.fingerprint([data], ["ahocorasick_rs"]) != changed


def test_library_versions_come_from_metadata_not_imports():
    code = (
        "import json, sys; from diplomap.extract import disk_cache, gazetteer\n"
        "key = gazetteer._fingerprint()\n"
        "print(json.dumps([disk_cache.library_version('babel'), "
        "disk_cache.library_version('no-such-dist'), "
        "[m for m in gazetteer.LIBRARIES if m in sys.modules]]))"
    )
    # (the lexicon module imports its matcher, ahocorasick_rs, to match at all)
    version, missing, imported = json.loads(_python(code))
    assert version[:1].isdigit() and missing == ""
    assert [m for m in imported if m != "ahocorasick_rs"] == []


def test_library_versions_are_the_ones_importlib_metadata_gives():
    import importlib.metadata

    for name in (*gazetteer.LIBRARIES, "Babel", "PyYAML", "typing_extensions"):
        assert disk_cache.library_version(name) == importlib.metadata.version(name), name


def test_the_gazetteer_key_follows_its_data_and_libraries(tmp_path, monkeypatch):
    key = gazetteer._fingerprint()
    additions = tmp_path / "additions.csv"
    additions.write_bytes(gazetteer.ADDITIONS_PATH.read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(gazetteer, "ADDITIONS_PATH", additions)
    assert gazetteer._fingerprint() != key
    monkeypatch.undo()
    assert gazetteer._fingerprint() == key
    real = disk_cache.library_version
    monkeypatch.setattr(
        disk_cache, "library_version", lambda n: "0.0" if n == "pymorphy3" else real(n)
    )
    assert gazetteer._fingerprint() != key


# --- the gazetteer and the taxonomy, built and cached -------------------------------------------


def _texts() -> list[tuple[str, str]]:
    out = []
    for folder in ARTICLE_DIRS:
        for article in read_paths([folder]).articles:
            out.append((article.text, article.language or N.detect_language(article.text)))
    return out


@pytest.mark.slow
def test_the_cached_gazetteer_is_the_built_one(cache):
    """Builds the gazetteer from scratch (a few seconds) into an empty cache folder."""
    places.load_gazetteer.cache_clear()
    try:
        built = places.load_gazetteer()  # nothing cached: built and written
        assert len(list(cache.glob("gazetteer-*.pickle"))) == 1
        places.load_gazetteer.cache_clear()
        loaded = places.load_gazetteer()  # read back
        assert loaded is not built
        assert loaded.lexicon._terms == built.lexicon._terms
        assert loaded.places == built.places
        assert loaded.rules == built.rules
        for text, lang in _texts():
            nt = normalize_text(text)
            assert loaded.find(nt, lang) == built.find(nt, lang)
    finally:
        places.load_gazetteer.cache_clear()  # the next tests load the usual cache


def test_a_corrupt_taxonomy_cache_is_rebuilt_with_the_same_results(cache):
    issues._load.cache_clear()
    try:
        built = issues.load_taxonomy()
        (path,) = cache.glob("taxonomy-*.pickle")
        issues._load.cache_clear()
        loaded = issues.load_taxonomy()
        assert loaded is not built
        _assert_same(built, loaded)
        path.write_bytes(path.read_bytes()[:1000])  # truncated
        issues._load.cache_clear()
        rebuilt = issues.load_taxonomy()
        with open(path, "rb") as f:
            assert pickle.load(f)[:2] == ("diplomap-cache-1", "taxonomy")  # rewritten
        for text, lang in _texts():
            nt = normalize_text(text)
            expected = issues.find_issues(nt, lang, built)
            assert issues.find_issues(nt, lang, loaded) == expected
            assert issues.find_issues(nt, lang, rebuilt) == expected
    finally:
        issues._load.cache_clear()


def _assert_same(built: issues.Taxonomy, loaded: issues.Taxonomy) -> None:
    assert loaded.labels == built.labels
    assert loaded.terms == built.terms
    assert loaded.rows == built.rows
    assert loaded.fingerprint == built.fingerprint
    assert loaded.lexicon._terms == built.lexicon._terms
    assert set(loaded.by_lang) == set(built.by_lang)
    for lang, lexicon in built.by_lang.items():
        assert loaded.by_lang[lang]._terms == lexicon._terms


def test_the_cached_outlets_are_the_built_ones(cache):
    outlets.load_outlets.cache_clear()
    try:
        built = outlets.load_outlets()
        assert len(list(cache.glob("outlets-*.pickle"))) == 1
        outlets.load_outlets.cache_clear()
        loaded = outlets.load_outlets()
        assert loaded is not built
        assert loaded.lexicon._terms == built.lexicon._terms
        assert loaded.phrases._terms == built.phrases._terms
        assert (loaded.domains, loaded.names) == (built.domains, built.names)
        for text, _lang in _texts():
            nt = normalize_text(text)
            assert loaded.find(nt) == built.find(nt)
            assert loaded.find(nt, loaded.phrases) == built.find(nt, built.phrases)
    finally:
        outlets.load_outlets.cache_clear()


def test_a_taxonomy_of_ones_own_is_not_cached(cache, tmp_path):
    own = tmp_path / "issues.csv"
    own.write_text("issue,lang,term\nsyria,en,Syria\n", encoding="utf-8")
    assert issues.load_taxonomy(own).lexicon_for("en")
    assert not cache.exists() or not list(cache.glob("taxonomy-*"))


# --- the records of extract, without pandas -------------------------------------------------------


def test_column_records_are_the_records_of_the_tables():
    articles = []
    for folder in ARTICLE_DIRS:
        articles += read_paths([folder]).articles
    articles = dedupe(articles)
    cols, problems = extract_columns(articles, workers=1)
    assert not problems
    from_tables = list(records.iter_records(cols.corpus()))
    assert list(records.column_records(cols.cols)) == from_tables
    unsigned, _ = extract_columns(articles, workers=1, signatures=False)
    assert list(records.column_records(unsigned.cols)) == from_tables
    assert all(s is None for s in unsigned.cols["articles"]["minhash"])


def test_column_records_type_missing_values_as_the_tables_do():
    from diplomap import schema as S
    from diplomap.corpus.columns import Columns

    cols = Columns()
    article = dict.fromkeys(cols.cols["articles"], "")
    article.update(
        {
            S.ARTICLE_ID: "a",
            S.LANGUAGE: "en",
            S.PUBLISHED: None,
            S.DATE_SOURCE: "none",
            S.DATE_PRECISION: None,
            S.DATE_CANDIDATES: "[]",
            S.URL: None,
            S.BOILERPLATE: [],
            S.MINHASH: None,
            **dict.fromkeys((S.REPLACED_CHARS, S.N_CHARS, S.N_SENTENCES, S.N_LAVROV), 0),
        }
    )
    mention = {
        S.ARTICLE_ID: "a",
        S.START: 1,
        S.END: 3,
        S.SURFACE: "x",
        S.PLACE: "P",
        S.PLACE_TYPE: "city",
        S.ISO3: "SYR",
        S.LAT: None,
        S.LON: 36.123456789,
        S.MATCH_KIND: "geocoded",
        S.SENTENCE: 0,
        S.LAVROV: True,
    }
    for table, row in (("articles", article), ("mentions", mention)):
        for col, values in cols.cols[table].items():
            values.append(row[col])
    (got,) = records.column_records(cols.cols)
    (expected,) = records.iter_records(cols.corpus())
    assert got == expected
    assert got["published"] is None and got["places"][0]["lat"] is None
    assert got["places"][0]["lon"] == 36.12346


# --- architecture: what the command line imports ------------------------------------------------


def _python(code: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


HEAVY = ("pandas", "pyarrow", "numpy")


def test_importing_the_command_line_imports_no_pandas():
    code = f"import sys, diplomap.__main__; print([m for m in {HEAVY!r} if m in sys.modules])"
    assert _python(code) == "[]"


TABLES = ("pandas", "pyarrow")  # numpy counts letters per script (language detection)


def test_extract_of_one_file_imports_no_pandas_or_pyarrow():
    code = (
        "import contextlib, io, json, sys\n"
        "from diplomap.__main__ import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    rc = main(['extract', {str(ONE_FILE)!r}])\n"
        f"print(json.dumps([rc, [m for m in {TABLES!r} if m in sys.modules], out.getvalue()]))\n"
    )
    rc, heavy, printed = json.loads(_python(code))
    assert rc == 0
    assert heavy == []
    (record,) = [json.loads(line) for line in printed.splitlines()]
    assert record["file"].endswith(ONE_FILE.name) and record["places"]


@pytest.mark.slow
def test_the_startup_benchmark_measures_extract():
    """Its warm runs start from an empty cache folder: the gazetteer is built first."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("startup", ROOT / "benchmarks" / "startup.py")
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    result = startup.measure(runs=1, cold_runs=0, top=5)
    assert result["cold_s"] is None and result["warm_s"] > 0
    assert len(result["top_imports_cumulative"]) == 5
    assert not set(TABLES) & set(result["heavy_imported"])
    lines = startup.import_times("import time:       153 |        420 |   diplomap.names\n")
    assert lines == [{"module": "diplomap.names", "self_us": 153, "cumulative_us": 420, "depth": 1}]
