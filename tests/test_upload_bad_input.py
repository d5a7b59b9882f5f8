"""Hostile files through the dashboard's own upload path: the Data page's uploader and its
"Read the uploaded files" button, driven with Streamlit's AppTest.

tests/test_bad_input.py feeds the same files to `ingest.read_bytes` and to the command
line; this suite checks what a visitor of the hosted app sees: a report row per file
(articles kept, rows skipped with their line numbers, the reason), never a traceback,
and article text that is never rendered as markup on any page (Markdown escaped, no
HTML with article text, plotly hover text escaped), plus the Data page's CSV download.

The bundled corpus is switched off (DIPLOMAP_DATA points at a missing folder, so the
app starts empty) and the uploads are explored on their own.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pandas as pd
import pytest
from samples import LANGS, SAMPLES
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from test_bad_input import (
    BODY,
    KEPT,
    NOISE,
    PARTIAL,
    REJECTED,
    _zip,
    _zip_bomb,
    q,
    unique,
)

APP = "../dashboard.py"
TIMEOUT = 90
READ = "Read the uploaded files"
EN, AR = SAMPLES["en"]["text"], SAMPLES["ar"]["text"]


@pytest.fixture(autouse=True)
def empty_bundled_corpus(monkeypatch, tmp_path):
    monkeypatch.setenv("DIPLOMAP_DATA", str(tmp_path / "no-such-data-folder"))


# --- driving the Data page ------------------------------------------------------------------


def start(page: str = "data", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert_clean(at)
    return at


def upload(files: list[tuple[str, bytes]], at: AppTest | None = None) -> AppTest:
    """Upload `files` on the Data page and press the read button."""
    at = at or start()
    at.file_uploader(key="dm_uploads").set_value(
        [(name, data, "application/octet-stream") for name, data in files]
    ).run()
    next(b for b in at.button if b.label == READ).click().run()
    assert_clean(at)
    return at


def report(at: AppTest) -> pd.DataFrame:
    """The Data page's per-file report (the table with a `file` column)."""
    tables = [d.value for d in at.dataframe if "file" in d.value.columns]
    assert tables, "no upload report on the Data page"
    return tables[0].set_index("file")


def texts(at: AppTest) -> list[str]:
    """Every text the page shows through Markdown-like elements."""
    out = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "info",
        "warning",
        "error",
        "success",
        "text",
        "code",
        "toast",
        "exception",
    ):
        for el in at.get(kind):
            out.append(str(getattr(el, "value", "") or getattr(el.proto, "body", "")))
    for m in at.get("metric"):
        out.append(f"{m.label} {m.value}")
    return out


def assert_clean(at: AppTest) -> None:
    """No exception element and no traceback text anywhere on the page."""
    assert not at.exception, [e.value for e in at.exception]
    joined = "\n".join(texts(at))
    assert "Traceback" not in joined and 'File "' not in joined


def switch(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"app_pages/{page}.py").run()
    assert_clean(at)
    return at


def uploads_only(at: AppTest) -> AppTest:
    at.radio(key="upload_mode").set_value("replace").run()
    assert_clean(at)
    return at


def map_locations(at: AppTest) -> set[str]:
    locations: set[str] = set()
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            if trace.get("type") == "choropleth":
                locations |= set(trace.get("locations") or [])
    return locations


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


# --- kept, rejected, partly bad ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(KEPT))
def test_kept_file_is_read_and_explored(name):
    """Encodings (cp1256 short, cp1251, UTF-16 LE/BE BOM, UTF-8 BOM, invalid UTF-8 mid
    file), Persian typed with Arabic yeh/kaf, NULs, hostile HTML, a JSON array in .jsonl,
    odd CSV delimiters, a field above the csv module's limit: read, and their places shown
    on the Map page."""
    data, _lang, must, replaced = KEPT[name]
    at = upload([(name, data)])
    row = report(at).loc[name]
    assert row["articles"] >= 1 and row["skipped"] == 0, row.to_dict()
    if replaced:
        assert row["warnings"] >= 1 and "undecodable" in row["details"], row.to_dict()
    switch(uploads_only(at), "map")
    # Russia is left out of the colour scale by default (Lavrov's own country)
    assert must - {"RUS"} <= map_locations(at), (name, map_locations(at))


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_file_is_reported_not_raised(name):
    """Empty, blank, header-only CSV, PNG/PDF/gzip renamed .txt/.csv, 100k nested divs:
    0 articles, the reason in the report, no traceback; the app says the corpus is empty."""
    data, reason = REJECTED[name]
    at = upload([(name, data)])
    row = report(at).loc[name]
    assert row["articles"] == 0 and row["skipped"] >= 1, row.to_dict()
    assert reason in row["details"], row.to_dict()
    assert any("0 articles" in t for t in texts(at))
    switch(at, "overview")
    assert any("corpus is empty" in i.value for i in at.info)


def test_empty_upload_batch_says_no_articles():
    at = upload([(n, REJECTED[n][0]) for n in ("empty.txt", "blank.txt", "header_only.csv")])
    shown = report(at)
    assert shown["articles"].sum() == 0 and shown["skipped"].min() >= 1
    assert "no articles" in shown.loc["header_only.csv", "details"]
    assert any("0 articles" in t for t in texts(at))


@pytest.mark.parametrize("name", sorted(PARTIAL))
def test_bad_rows_reported_with_line_numbers(name):
    """Malformed CSV (unbalanced quote, ragged rows) and JSON Lines: bad rows are listed
    with their line numbers, the good rows are kept."""
    data, bad, n_good = PARTIAL[name]
    at = upload([(name, data)])
    row = report(at).loc[name]
    assert row["articles"] == n_good and row["skipped"] == len(bad), row.to_dict()
    for line, reason in bad:
        assert re.search(rf"line {line}\b[^;]*{re.escape(reason)}", row["details"]), row["details"]


def test_malformed_json_array_reports_and_keeps_nothing_silently():
    good = {"text": unique(EN, 31)}
    cases = {
        "truncated.json": json.dumps([good])[:-5].encode(),
        "mixed.json": json.dumps([good, 42, {"no_text": "x"}, {"text": unique(AR, 31)}]).encode(),
    }
    at = upload(list(cases.items()))
    shown = report(at)
    assert shown.loc["truncated.json", "articles"] == 0
    assert shown.loc["truncated.json", "skipped"] >= 1
    assert "JSON" in shown.loc["truncated.json", "details"]
    assert shown.loc["mixed.json", "articles"] == 2
    assert shown.loc["mixed.json", "skipped"] >= 1  # the number and the record without text


# --- archives --------------------------------------------------------------------------------


def test_zip_bomb_refused_quickly():
    started = time.monotonic()
    at = upload([("bomb.zip", _zip_bomb()), ("good.txt", unique(EN, 40).encode())])
    assert time.monotonic() - started < 30  # refused from its headers, nothing inflated
    shown = report(at)
    assert shown.loc["bomb.zip", "articles"] == 0
    assert "zip bomb" in shown.loc["bomb.zip", "details"]
    assert shown.loc["good.txt", "articles"] == 1  # the rest of the batch goes on


def test_zip_with_parent_paths_rejected_nothing_written(tmp_path, monkeypatch):
    """Members named ../x, ../../x and /x are refused with a reason; the upload path
    never writes: the working directory (where ../ would land) is left as it was."""
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    before = sorted(p for p in tmp_path.rglob("*"))
    slip = _zip(
        {
            "../evil.txt": AR.encode(),
            "../../evil2.txt": AR.encode(),
            "/tmp/evil3.txt": AR.encode(),
            "ok/good.txt": EN.encode(),
        }
    )
    at = upload([("slip.zip", slip)])
    row = report(at).loc["slip.zip"]
    assert row["articles"] == 1 and row["skipped"] == 3, row.to_dict()
    assert row["details"].count("escapes the archive") == 3
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert not Path("/tmp/evil3.txt").exists()


# --- text that must never become markup --------------------------------------------------------

MARKERS = {
    # raw form (must never appear in rendered markup) -> what the attack would be
    "<script>": "script tag",
    "<img src=x": "img tag with onerror",
    '<a href="javascript:': "javascript: link (HTML)",
    "](javascript:": "javascript: link (Markdown)",
    "<b>PWNB</b>": "HTML formatting (plotly renders <b>)",
    "**PWNM**": "Markdown formatting",
    "<iframe": "iframe",
}
HOSTILE_TITLE = (
    '<img src=x onerror="alert(1)"> **PWNM** <b>PWNB</b> [click](javascript:alert(2)) '
    "<script>alert(3)</script>"
)
HOSTILE_SOURCE = '<a href="javascript:alert(4)">PWNS</a> <iframe src=//x></iframe> =cmd|x'


def hostile_files() -> list[tuple[str, bytes]]:
    body = SAMPLES["en"]["text"]
    csv_rows = ["title,text,source,date"]
    for i, lang in enumerate(LANGS):
        text = unique(SAMPLES[lang]["text"], 50 + i).replace("\n", " ")
        csv_rows.append(",".join([q(HOSTILE_TITLE), q(text), q(HOSTILE_SOURCE), "2024-02-13"]))
    html_doc = (
        f"<html lang='en'><head><title>{HOSTILE_TITLE}</title></head><body><article>"
        f"<h1>Lavrov on Syria</h1><p>{unique(body, 60)}</p>"
        "<img src=x onerror=\"alert('x')\"><p>[click](javascript:alert(5)) **PWNM**</p>"
        "</article></body></html>"
    ).encode()
    markdown_text = (
        "# <img src=x onerror=alert(6)> **PWNM** <b>PWNB</b>\n\n" + unique(body, 61)
    ).encode()
    return [
        ("titles.csv", "\n".join(csv_rows).encode()),
        ("hostile.html", html_doc),
        ("**PWNM** <b>PWNB</b>.txt", markdown_text),
    ]


def markup_leaks(at: AppTest) -> list[str]:
    """Hostile markers rendered as markup: in Markdown-like elements, in elements that
    allow HTML, in st.html bodies and anywhere in the plotly figures' JSON."""
    leaks = []
    for text in texts(at):
        leaks += [f"markdown: {m!r} in {text[:80]!r}" for m in MARKERS if m in text]
    for el in at.get("markdown"):
        if getattr(el.proto, "allow_html", False):
            for word in ("PWN", "alert(", "javascript"):
                if word in el.value:
                    leaks.append(f"unsafe_allow_html with article text: {el.value[:80]!r}")
    for el in at.get("html"):
        body = getattr(el.proto, "body", "")
        leaks += [f"st.html: {m!r}" for m in MARKERS if m.startswith("<") and m in body]
    for chart in at.get("plotly_chart"):
        spec = chart.proto.spec
        leaks += [f"plotly: {m!r}" for m in MARKERS if m.startswith("<") and m in spec]
        leaks += [f"plotly: {m!r}" for m in ("<a href", "<img", "<iframe") if m in spec]
    return leaks


def test_titles_and_text_never_rendered_as_markup_on_any_page():
    at = upload(hostile_files())
    shown = report(at)
    assert shown["articles"].sum() >= 5, shown
    uploads_only(at)
    assert not markup_leaks(at), markup_leaks(at)
    pages = ["overview", "map", "timeline", "issues", "statements", "data"]
    for page in pages:
        switch(at, page)
        assert not markup_leaks(at), (page, markup_leaks(at))
    # an empty selection names the active filters (the hostile source among them)
    switch(at, "overview")
    at.multiselect(key="source").set_value([HOSTILE_SOURCE]).run()
    # Kazakhstan is named in the English and Persian samples, not in the Russian one
    at.multiselect(key="country").set_value(["KAZ"]).run()
    at.multiselect(key="lang").set_value(["ru"]).run()
    assert_clean(at)
    explained = "\n".join(i.value for i in at.info)
    assert "PWNS" in explained, explained  # the hostile text is shown ...
    assert not markup_leaks(at), markup_leaks(at)  # ... escaped
    for key in ("lang", "country", "source"):
        at.multiselect(key=key).set_value([]).run()
    # the statements page lists the hostile sources as plain table cells; its search box
    # echoes nothing as markup either
    switch(at, "statements")
    assert at.dataframe, "statements table"
    at.text_input(key="st_query").set_value("<img src=x onerror=alert(7)> **PWNM**").run()
    assert_clean(at)
    assert not markup_leaks(at), markup_leaks(at)


def test_markup_in_a_query_string_never_rendered():
    at = start(
        "overview",
        {
            "country": ["<img src=x onerror=alert(1)>", "**PWNM**"],
            "source": "<script>alert(2)</script>",
            "zzz<b>PWNB</b>": "[x](javascript:alert(3))",
        },
    )
    assert not markup_leaks(at), markup_leaks(at)
    notes = "\n".join(c.value for c in at.sidebar.caption)
    assert "Ignored in the link" in notes and "&lt;img" in notes


# --- pathological text, invisible characters, dates ------------------------------------------


@pytest.mark.slow
def test_pathological_and_oversized_uploads_do_not_stop_the_batch():
    """A run of 100k question marks (quadratic splitting once), a 20 MB line (truncated)
    and a file above the 25 MiB cap (refused): the normal article beside them is read,
    and the whole batch takes well under a minute."""
    files = [
        ("questions.txt", ("?" * 100_000).encode()),
        (
            "huge_line.txt",
            ("Lavrov said Russia supports Syria and talks in Moscow " * 400_000)[
                :20_000_000
            ].encode(),
        ),
        ("too_big.txt", b"Syria " * (27 * 2**20 // 6)),
        ("normal.txt", EN.encode()),
    ]
    started = time.monotonic()
    at = upload(files)
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"{elapsed:.1f} s"
    shown = report(at)
    assert shown.loc["normal.txt", "articles"] == 1
    assert shown.loc["too_big.txt", "articles"] == 0
    assert "too large" in shown.loc["too_big.txt", "details"].lower() or "MB" in str(
        shown.loc["too_big.txt", "details"]
    )
    assert "truncated" in shown.loc["huge_line.txt", "details"]
    switch(uploads_only(at), "map")
    assert SAMPLES["en"]["countries"] - {"RUS"} <= map_locations(at)


@pytest.mark.parametrize("lang", LANGS)
def test_invisible_characters_find_the_same_places(lang):
    """Bidi controls, zero-width characters, NULs, NFD and tatweel/stress marks sprinkled
    through an article: the Map page shows the same countries as for the clean text."""
    clean = SAMPLES[lang]["text"]
    noisy = clean
    for noise in ("zero_width_space", "rlo", "isolates", "nul", "nfd", "tatweel_or_stress"):
        noisy = NOISE[noise](noisy, lang)
    at_clean = switch(uploads_only(upload([("clean.txt", clean.encode())])), "map")
    at_noisy = switch(uploads_only(upload([("noisy.txt", noisy.encode())])), "map")
    assert map_locations(at_clean)
    assert map_locations(at_noisy) == map_locations(at_clean)


def test_impossible_dates_never_reach_the_charts():
    """A date column with impossible values, over texts that carry no date of their own:
    every article stays undated, and no chart or year slider is built from year 10000."""
    rows = ["title,text,date"]
    for i, value in enumerate(["10000-01-01", "0000-00-00", "31/02/2024", "2024-13-45", "99999"]):
        rows.append(",".join([f"t{i}", q(f"{BODY['en']} Note {i}."), q(value)]))
    at = upload([("dates.csv", "\n".join(rows).encode())])
    assert report(at).loc["dates.csv", "articles"] == 5
    switch(uploads_only(at), "overview")
    assert metric(at, "Articles") == "5"
    assert metric(at, "Dated articles") == "0"
    for chart in at.get("plotly_chart"):
        assert not re.search(r"\b(10000|99999|0000)-", chart.proto.spec)
    assert not at.slider  # no year range built from impossible years


# --- the Data page's CSV download -------------------------------------------------------------

FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"]


@pytest.fixture
def downloads(monkeypatch):
    """What the Data page's download buttons would send: the bytes, by file name."""
    got: dict[str, object] = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def spy_add(self, path_or_data, mimetype, coordinates, file_name=None, **kw):
        if file_name:
            got[file_name] = path_or_data
        return add(self, path_or_data, mimetype, coordinates, file_name, **kw)

    def spy_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        if file_name:
            got[file_name] = data_callable
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", spy_add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_deferred)
    return got


def _bytes(value: object) -> bytes:
    value = value() if callable(value) else value
    return value.encode() if isinstance(value, str) else bytes(value)


def test_csv_download_neutralises_formulas(downloads):
    """Titles and sources starting with = + - @ (and their full-width forms) come out of
    the Data page's CSV download quoted; leading tab and CR never reach the tables
    (ingestion strips them), and no cell of the file starts with any of them."""
    rows = ["title,text,source"]
    for i, f in enumerate(FORMULAS):
        rows.append(",".join([q(f + " title"), q(unique(EN, 80 + i).replace("\n", " ")), q(f)]))
    at = upload([("formulas.csv", "\n".join(rows).encode())])
    assert report(at).loc["formulas.csv", "articles"] == len(FORMULAS)
    downloads.clear()
    uploads_only(at)
    csv_name = next((n for n in downloads if "articles" in n and n.endswith(".csv")), None)
    assert csv_name, sorted(downloads)
    data = _bytes(downloads[csv_name])
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) == len(FORMULAS)
    starts = tuple(f[0] for f in FORMULAS)
    bad = [v for v in table.to_numpy().ravel() if str(v).startswith(starts)]
    assert not bad, bad
    # ingestion strips leading tab/CR from fields; the others reach the export, quoted
    assert {"'" + f for f in FORMULAS if not f[0].isspace()} <= set(table["source"])
