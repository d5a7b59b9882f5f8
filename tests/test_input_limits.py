"""Inputs that cannot stall a worker (issue 13).

- A charset declared by a page is used only when it is on the allow-list of linear
  codecs (ingest_text.SAFE_CODECS): punycode (quadratic: a 1 MB page took minutes),
  utf-7 and idna fall back to detection, with a note, through the command line and the
  upload path.
- An upload has a bounded cost: a CSV of a million tiny rows and a zip of ten thousand
  members answer on the Data page within 30 s, with what was read and what was cut;
  the caps per file, per upload and per session (articles, characters, seconds) are
  announced there with their values.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from dataclasses import replace

import pytest
from samples import SAMPLES
from test_bad_input import cli_problems, cli_records, run_cli, unique
from test_upload_bad_input import report, texts, upload

from diplomap.ingest import read_bytes
from diplomap.ingest_text import SAFE_CODECS, safe_codec
from diplomap.uploads import UPLOAD_LIMITS, describe_limits, read_uploads, read_uploads_isolated

EN = SAMPLES["en"]["text"]
BODY = "".join(f"<p>{line}</p>" for line in EN.splitlines() if line.strip())
# What would stall or spoof a decoder that trusts the page: punycode decodes in time
# quadratic in the input (1 MB: about a minute); utf-7 turns "+BB8EQAQ4BDIENQRC-" into
# "Привет" (text the page does not show as such); idna is not a text encoding.
STALLING = {
    "punycode": "\nx-" + "a" * 1_000_000,
    "utf-7": "\n<p>+BB8EQAQ4BDIENQRC-</p>" + "+" + "A" * 200_000,
    "idna": "\n" + "a." * 300_000,
}


def page(charset: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>Lavrov in Moscow</title></head>'
        f"<body><article>{BODY}<p>Page {charset.upper()}.</p></article></body></html>"
        f"{STALLING[charset]}"
    ).encode()


# --- charsets -------------------------------------------------------------------------------


def test_allow_list_names_linear_codecs_only():
    for name in ("utf-8", "UTF-16", "windows-1256", "cp1251", "koi8-r", "ISO-8859-5", "latin1"):
        assert safe_codec(name) is not None, name
    for name in ("punycode", "utf-7", "idna", "rot13", "base64", "zlib", "nonsense", ""):
        assert safe_codec(name) is None, name
    assert "utf_7" not in SAFE_CODECS and "punycode" not in SAFE_CODECS


@pytest.mark.parametrize("charset", sorted(STALLING))
def test_refused_charset_upload_path(charset):
    started = time.monotonic()
    outcome = read_uploads([(f"{charset}.html", page(charset))])
    elapsed = time.monotonic() - started
    assert elapsed < 15, f"{elapsed:.1f} s"
    row = outcome.report.iloc[0]
    assert row["articles"] == 1, row.to_dict()
    assert f"declared charset '{charset}' is not decoded" in row["details"]
    text = outcome.corpus.articles["text"].iloc[0]
    assert "Lavrov" in text and "Привет" not in text


def test_refused_charset_data_page():
    """The stalling pages uploaded on the Data page: answered within seconds, with the
    reason in the report."""
    started = time.monotonic()
    at = upload([(f"{charset}.html", page(charset)) for charset in sorted(STALLING)])
    assert time.monotonic() - started < 30
    shown = report(at)
    for charset in STALLING:
        row = shown.loc[f"{charset}.html"]
        assert row["articles"] == 1 and row["warnings"] == 1, row.to_dict()
        assert f"declared charset '{charset}' is not decoded" in row["details"]


def test_refused_charset_cli(tmp_path):
    for charset in STALLING:
        (tmp_path / f"{charset}.html").write_bytes(page(charset))
    started = time.monotonic()
    result = run_cli("extract", str(tmp_path), timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < 60, f"{elapsed:.1f} s"
    warned = {
        name for label, name, _line, reason in cli_problems(result.stderr) if label == "warning"
    }
    assert warned == {f"{c}.html" for c in STALLING}, result.stderr
    records = cli_records(result.stdout)
    assert sorted(records) == sorted(f"{c}.html" for c in STALLING)


def test_allowed_declared_charset_still_used():
    """A page in Windows-1251 that says so is still decoded by its declaration."""
    ru = SAMPLES["ru"]["text"]
    html = (
        '<html><head><meta charset="windows-1251"><title>Лавров</title></head><body>'
        + "".join(f"<p>{line}</p>" for line in ru.splitlines() if line.strip())
        + "</body></html>"
    ).encode("cp1251")
    result = read_bytes("ru.html", html)
    assert result.articles and result.articles[0].encoding == "cp1251"
    assert not result.problems


# --- an upload's bounded cost ------------------------------------------------------------------


def million_rows() -> bytes:
    return ("text\n" + "".join(f"Lavrov in Syria {i}\n" for i in range(1_000_000))).encode()


def many_members(n: int = 10_000) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for i in range(n):
            archive.writestr(f"a{i}.txt", f"Lavrov met the Syrian minister in Moscow ({i}).")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "make"), [("million.csv", million_rows), ("members.zip", many_members)]
)
def test_large_upload_answers_within_30s_with_what_was_cut(name, make):
    data = make()
    started = time.monotonic()
    at = upload([(name, data), ("normal.txt", EN.encode())])
    elapsed = time.monotonic() - started
    assert elapsed <= 30, f"{elapsed:.1f} s"
    shown = report(at)
    per_file = UPLOAD_LIMITS.articles_per_file
    assert shown.loc[name, "articles"] == per_file
    assert f"article limit reached ({per_file:,})" in shown.loc[name, "details"]
    assert shown.loc["normal.txt", "articles"] == 1
    warnings = re.sub(r"\\(.)", r"\1", "\n".join(w.value for w in at.warning))
    assert f"only the first {per_file:,} articles were read (per file)" in warnings, warnings


def test_data_page_announces_the_limits():
    at = upload([("normal.txt", EN.encode())])
    shown = "\n".join(texts(at))
    for value in (
        f"{UPLOAD_LIMITS.articles_per_file:,} articles per file",
        f"{UPLOAD_LIMITS.articles_per_upload:,} per upload",
        f"{UPLOAD_LIMITS.articles_per_session:,} per browser session",
        "25 MB per file",
        f"{UPLOAD_LIMITS.seconds_per_upload:g} s of reading and extraction",
        "This session has read 1 of its",
    ):
        assert value in shown, (value, shown)
    assert describe_limits() in shown


def csv_of(n: int, start: int = 0) -> bytes:
    return ("text\n" + "".join(f"Lavrov in Syria {start + i}\n" for i in range(n))).encode()


def test_caps_per_upload_and_per_session():
    limits = replace(UPLOAD_LIMITS, articles_per_file=30, articles_per_upload=50)
    files = [("a.csv", csv_of(40)), ("b.csv", csv_of(40, 100)), ("c.csv", csv_of(5, 200))]
    outcome = read_uploads(files, limits=limits)
    rows = outcome.report.set_index("file")
    assert rows["articles"].tolist() == [30, 20, 0]
    assert "not read: the limit of 50 articles per upload" in rows.loc["c.csv", "details"]
    assert any("a.csv: only the first 30 articles were read (per file)" in n for n in outcome.notes)
    assert len(outcome.corpus.articles) == outcome.extracted == 50
    # the session has room for 10 more
    later = read_uploads(files, limits=limits, already=limits.articles_per_session - 10)
    assert later.report["articles"].tolist() == [10, 0, 0]
    assert any("this session's limit of 20,000 articles" in n for n in later.notes), later.notes


def test_characters_per_upload_capped():
    limits = replace(UPLOAD_LIMITS, chars_per_upload=len(EN) + 10)
    files = [("a.txt", unique(EN, 1).encode()), ("b.txt", unique(EN, 2).encode())]
    outcome = read_uploads(files, limits=limits)
    assert outcome.report["articles"].tolist() == [1, 0]
    assert any("million characters at most" in n for n in outcome.notes)


def test_time_budget_cuts_extraction_and_says_so():
    limits = replace(UPLOAD_LIMITS, seconds_per_upload=0.5)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["text"])
    writer.writerows([f"{EN} ({i})"] for i in range(1500))  # far more than 0.5 s of work
    started = time.monotonic()
    outcome = read_uploads([("long.csv", out.getvalue().encode())], limits=limits)
    assert time.monotonic() - started < 10
    assert outcome.extracted < 1500 and len(outcome.corpus.articles) == outcome.extracted
    # cut while extracting (a note), or, on a loaded machine, already while reading (the
    # file's line of the report): either way the visitor is told
    said = [*outcome.notes, *(str(d) for d in outcome.report["details"])]
    assert any("the upload's 0.5 s ran out" in line for line in said), said


def test_isolated_reading_returns_the_same_and_progress():
    seen = []
    files = [("a.csv", csv_of(120)), ("b.txt", EN.encode())]
    isolated = read_uploads_isolated(files, progress=lambda d, t: seen.append((d, t)))
    direct = read_uploads(files)
    assert isolated.report.equals(direct.report)
    assert list(isolated.corpus.articles["article_id"]) == list(
        direct.corpus.articles["article_id"]
    )
    assert seen and seen[-1] == (121, 121)


def test_isolated_reading_stopped_after_its_grace():
    """A child that overruns its budget and grace (here both 0 s) is stopped; the visitor
    gets one line per file."""
    limits = replace(UPLOAD_LIMITS, seconds_per_upload=0.0, seconds_grace=0.0)
    started = time.monotonic()
    outcome = read_uploads_isolated([("members.zip", many_members(2000))], limits=limits)
    assert time.monotonic() - started < 10
    assert outcome.report["articles"].tolist() == [0]
    assert "took longer than 0 s and was stopped" in outcome.report["details"].iloc[0]


def test_one_very_long_line_is_cut_by_the_upload_budget():
    """A 20 MB line (cleaning it alone takes more than a second) in an upload whose
    budget is 0.5 s: its reading (or else its extraction) is interrupted in the child
    when the budget ends, and the visitor is told."""
    line = ("Lavrov said Russia supports Syria and talks in Moscow " * 400_000)[:20_000_000]
    limits = replace(UPLOAD_LIMITS, seconds_per_upload=0.5)
    started = time.monotonic()
    outcome = read_uploads_isolated([("huge_line.txt", line.encode())], limits=limits)
    assert time.monotonic() - started < 0.5 + limits.seconds_grace
    assert outcome.extracted == 0 and len(outcome.corpus.articles) == 0
    assert any("the upload's 0.5 s ran out" in n for n in outcome.notes), outcome.notes


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_a_huge_article_does_not_use_up_the_budget_of_ordinary_ones(lang):
    """A 2 MB article (seconds of extraction) uploaded before an ordinary one, in an
    upload whose budget is shorter than the huge one's extraction: the ordinary article
    is extracted (shortest first), the huge one is cut, and the visitor is told."""
    huge = ("Lavrov said Russia supports Syria and talks in Moscow. " * 40_000)[:2_000_000]
    text = SAMPLES[lang]["text"]
    limits = replace(UPLOAD_LIMITS, seconds_per_upload=1.5)
    outcome = read_uploads(
        [("huge.txt", huge.encode()), ("normal.txt", text.encode())], limits=limits
    )
    assert outcome.report["articles"].tolist() == [1, 1]
    kept = outcome.corpus.articles
    assert kept["file"].tolist() == ["normal.txt"], kept["file"].tolist()
    assert any("1 of 2 articles were not extracted" in n for n in outcome.notes), outcome.notes


def test_upload_work_runs_outside_the_server_process():
    """The server's thread waits while a child reads and extracts: it spends a small
    share of the upload's time on the CPU, so other sessions keep theirs."""
    read_uploads_isolated([("warm.txt", EN.encode())])  # the extractor is loaded once
    files = [("rows.csv", csv_of(1500)), ("members.zip", many_members(500))]
    cpu, wall = time.process_time(), time.monotonic()
    outcome = read_uploads_isolated(files)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    assert outcome.extracted == 2000
    assert cpu < 0.3 * wall, f"{cpu:.1f} s of CPU in the server over {wall:.1f} s"


def test_csv_of_many_malformed_rows_is_read_in_linear_time():
    """Each malformed row restarts the CSV reader after it: without copying the rest of
    the file each time (200k bad rows took minutes), then the good rows are kept."""
    n = 200_000
    rows = "text,title\n" + "".join(f'"Lavrov {i}"x,t\n' for i in range(n))
    rows += "Lavrov went to Damascus and spoke of Iran,t\n"
    started = time.monotonic()
    result = read_bytes("bad.csv", rows.encode())
    assert time.monotonic() - started < 20
    assert len(result.articles) == 1
    assert len(result.problems) == n and result.problems[0].line == 2
    assert "malformed row" in result.problems[0].reason
