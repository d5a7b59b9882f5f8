"""Names and links that cannot spoof (issue 13).

File names, zip member names and titles carrying ESC, newline, carriage return, C1
controls or bidi overrides are shown escaped in every message (the command line's
stderr, the upload report), table and export: a name never starts a new report line
nor moves the terminal's cursor. Symbolic links out of a folder being read, and zip
members that are links, are skipped with a reason.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from samples import SAMPLES
from test_bad_input import q, run_cli, unique

from diplomap.explore.export import table_bytes
from diplomap.explore.store import Store
from diplomap.explore.view import View
from diplomap.ingest import read_paths
from diplomap.names import escape_controls, has_controls
from diplomap.query import FilterState
from diplomap.uploads import read_uploads

EN, RU = SAMPLES["en"]["text"], SAMPLES["ru"]["text"]
ESC, BIDI, CSI = "\x1b", "\u202e", "\x9b"
# what a hostile name would do: clear the screen, fake a report line, reverse the text
HOSTILE = {
    "esc": f"clear{ESC}[2J{ESC}[1;1Hok.txt",
    "newline": "a.txt\ndiplomap: skipped: fake.txt: forged line\rb.txt",
    "bidi": f"report{BIDI}txt.exe.txt",
    "c1": f"c1{CSI}31mred.txt",
}
RAW = ("\x1b", "\r", "\u202e", "\x9b", "\u2066", "\x85", "\u2028")


def raw_controls(text: str) -> list[str]:
    return [repr(c) for c in RAW if c in text]


def test_escape_controls():
    assert escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape_controls("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert escape_controls("x\u202ey\u2066z\u200f") == "x\\u202ey\\u2066z\\u200f"
    assert escape_controls("c1\x9b\x7f\x85") == "c1\\x9b\\x7f\\x85"
    assert escape_controls("Лавров لافروف C:\\dir\\a.txt") == "Лавров لافروف C:\\dir\\a.txt"
    assert escape_controls(escape_controls("a\nb")) == "a\\nb"  # idempotent
    assert not has_controls(escape_controls("".join(RAW)))


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("names")
    for i, (key, name) in enumerate(HOSTILE.items()):
        (folder / name).write_text(unique(EN, i), "utf-8")
        (folder / f"empty-{key}-{name}").write_bytes(b"")  # a problem names it
    return folder


def test_cli_escapes_names_in_stderr_and_stdout(hostile_folder):
    result = run_cli("extract", str(hostile_folder))
    assert result.returncode == 1, result.stderr
    assert not raw_controls(result.stderr), raw_controls(result.stderr)
    lines = result.stderr.splitlines()
    assert all(line.startswith("diplomap: ") for line in lines), lines
    assert not any("forged line" in line and "skipped: fake.txt" in line[:40] for line in lines)
    assert sum("empty file" in line for line in lines) == len(HOSTILE)
    assert "clear\\x1b[2J" in result.stderr and "report\\u202etxt" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(HOSTILE)
    for record in records:
        assert not has_controls(record["file"]) and not has_controls(record["title"]), record
    assert any("a.txt\\ndiplomap" in r["file"] for r in records)


def test_read_paths_records_escaped_names(hostile_folder):
    result = read_paths([hostile_folder])
    assert len(result.articles) == len(HOSTILE)
    for a in result.articles:
        assert not has_controls(a.file), a.file
    for p in result.problems:
        assert not has_controls(p.file) and not has_controls(p.reason), p


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def hostile_uploads() -> list[tuple[str, bytes]]:
    members = {name: unique(RU, i).encode() for i, name in enumerate(HOSTILE.values())}
    members[f"../{ESC}[2Jescape.txt"] = b"x"  # refused: escapes the archive
    members[f"bad{BIDI}.bin"] = b"x"  # skipped: unsupported suffix
    csv_rows = ["title,text"]
    for i, name in enumerate(HOSTILE.values()):
        text = unique(EN, 10 + i).replace("\n", " ")
        csv_rows.append(f"{q(name)},{q(text)}")
    return [
        (f"upload{ESC}[31m.zip", _zip(members)),
        (f"rows{BIDI}.csv", "\n".join(csv_rows).encode()),
        (f"empty{ESC}]0;title{chr(7)}.txt", b""),
    ]


def test_upload_report_tables_and_exports_have_no_controls():
    outcome = read_uploads(hostile_uploads())
    report = outcome.report
    assert len(report) == 3 and report["articles"].sum() == 2 * len(HOSTILE)
    for column in ("file", "details"):
        for value in report[column]:
            assert not has_controls(str(value)), (column, value)
    assert "escapes the archive" in " ".join(report["details"])
    corpus = outcome.corpus
    for column in ("file", "title", "source", "url"):
        bad = [v for v in corpus.articles[column].dropna() if has_controls(str(v))]
        assert not bad, (column, bad[:3])
    view = View(Store.from_corpus(corpus), FilterState())
    for fmt in ("csv", "parquet"):
        data = table_bytes(view, "articles", fmt)
        frame = (
            pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
            if fmt == "csv"
            else pd.read_parquet(io.BytesIO(data))
        )
        for column in ("file", "title"):
            for value in frame[column]:
                assert not has_controls(str(value)), (fmt, column, value)


# --- symbolic links -------------------------------------------------------------------------


@pytest.fixture
def linked_folder(tmp_path) -> Path:
    """A folder with a good article, a link inside it, and links out of it: to a file
    elsewhere, to /etc/passwd, to /dev/zero, to a FIFO, to /proc, and to a folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(unique(RU, 1), "utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(unique(EN, 2), "utf-8")
    (folder / "sub" / "inner.txt").write_text(unique(EN, 3), "utf-8")
    (folder / ".hidden").mkdir()  # not walked: read through the link only
    (folder / ".hidden" / "target.txt").write_text(unique(EN, 4), "utf-8")
    os.symlink(folder / ".hidden" / "target.txt", folder / "inside_link.txt")  # followed
    os.symlink(outside / "secret.txt", folder / "secret_link.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/proc/self/environ", folder / "environ.txt")
    os.mkfifo(outside / "fifo")
    os.symlink(outside / "fifo", folder / "fifo.txt")
    os.mkfifo(folder / "fifo_inside")
    os.symlink(folder / "fifo_inside", folder / "fifo_inside.txt")
    os.symlink(outside, folder / "outside_dir")
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    return folder


SKIPPED_LINKS = {
    "secret_link.txt": "outside the folder",
    "passwd.txt": "outside the folder",
    "zero.txt": "outside the folder",
    "environ.txt": "outside the folder",
    "fifo.txt": "outside the folder",
    "fifo_inside.txt": "device, FIFO or socket",
    "outside_dir": "outside the folder",
    "broken.txt": "broken symbolic link",
}


def _check_links(articles: list[str], problems: dict[str, str]) -> None:
    assert sorted(Path(f).name for f in articles) == ["good.txt", "inner.txt", "inside_link.txt"]
    for name, reason in SKIPPED_LINKS.items():
        assert name in problems and reason in problems[name], (name, problems)


def test_links_out_of_the_folder_skipped(linked_folder):
    result = read_paths([linked_folder])
    problems = {Path(p.file).name: p.reason for p in result.problems}
    _check_links([a.file for a in result.articles], problems)
    assert not any("secret" in a.text or "root:" in a.text for a in result.articles)


def test_links_out_of_the_folder_skipped_cli(linked_folder, tmp_path):
    result = run_cli("extract", str(linked_folder), timeout=120)
    assert result.returncode == 1, result.stderr
    problems = {}
    for line in result.stderr.splitlines():
        _label, where, reason = line.split(": ", 3)[1:4]
        problems[Path(where).name] = reason
    files = [json.loads(line)["file"] for line in result.stdout.splitlines()]
    _check_links(files, problems)
    built = run_cli("build", str(linked_folder), "--out", str(tmp_path / "out"), "--quiet")
    assert built.returncode == 1, built.stderr
    for name in SKIPPED_LINKS:
        assert name in built.stderr, (name, built.stderr)


def _zip_with_link(target: str, name: str = "link.txt") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        info = zipfile.ZipInfo(name)
        info.external_attr = (0o120777 << 16) | 0x20  # S_IFLNK: a symbolic link
        info.create_system = 3  # Unix
        archive.writestr(info, target)
        archive.writestr("good.txt", EN)
    return buf.getvalue()


def test_zip_member_links_refused():
    outcome = read_uploads(
        [("links.zip", _zip_with_link("/etc/passwd")), ("up.zip", _zip_with_link("../../x"))]
    )
    report = outcome.report.set_index("file")
    for name in ("links.zip", "up.zip"):
        assert report.loc[name, "skipped"] == 1, report.loc[name].to_dict()
        assert "symbolic link, refused" in report.loc[name, "details"]
    assert report["articles"].tolist() == [1, 1]  # the good member of each
    assert not any("/etc/passwd" in t for t in outcome.corpus.articles["text"])


def test_evaluate_differences_escape_the_gold_file_names():
    from diplomap.evaluate import ArticleDiff, format_diff

    diff = ArticleDiff(file="a\x1b[2J\nb\u202e.txt", language="en\r")
    diff.values["published"] = ("2024-01-01", None)
    shown = format_diff(diff)
    assert "\x1b" not in shown and "\u202e" not in shown and "\r" not in shown
    assert shown.splitlines()[0] == "a\\x1b[2J\\nb\\u202e.txt (en\\r)"
