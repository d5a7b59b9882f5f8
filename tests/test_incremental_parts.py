"""Incremental builds write parts (diplomap.corpus.parts): new rows go to new part files,
the previous version's unchanged parts are the same files (hard links), files that
changed or went away drop their rows, `--compact` leaves one part per table and year,
a damaged part is found and rebuilt from the inputs, and loading always gives the
tables a full build of the same inputs gives (whole frames, order included)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diplomap import corpus as C
from diplomap import schema as S
from diplomap.corpus import parts as P
from diplomap.corpus.tables import PART_TABLES
from tests.samples import LANGS, SAMPLES

ROOT = Path(__file__).resolve().parents[1]

# Per language: the year in the sample's date (replaced to spread articles over years),
# the years used, and the date phrase removed to make an undated article.
DATES = {
    "en": ("2024", ("2021", "2022", "2024"), "MOSCOW, February 13, 2024 - "),
    "ru": ("2024", ("2021", "2022", "2024"), " 13 февраля 2024 года"),
    "ar": ("2024", ("2021", "2022", "2024"), "تاريخ النشر: الثلاثاء 13 شباط 2024\n"),
    "fa": ("۱۴۰۲", ("۱۴۰۰", "۱۴۰۱", "۱۴۰۲"), " روز سه‌شنبه ۲۴ بهمن ۱۴۰۲"),
}


def article(lang: str, i: int, year: int | None) -> str:
    """A sample article of `lang`, made unique by `i`, dated in the `year`-th of the
    language's years (None: without a date)."""
    text = SAMPLES[lang]["text"]
    token, years, phrase = DATES[lang]
    text = text.replace(phrase, "") if year is None else text.replace(token, years[year])
    return f"{text}\nLavrov, item {'abcdefghijklmnopqrstuvwxyz'[i % 26]}{'xyz'[i // 26 % 3]}.\n"


def write(folder: Path, lang: str, i: int, year: int | None) -> Path:
    path = folder / f"{i:03d}.txt"
    path.write_text(article(lang, i, year), "utf-8")
    return path


def inputs(folder: Path, lang: str, n: int = 10) -> Path:
    """n files (more than STREAM_MIN_FILES: the streaming build), over three years and
    undated."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write(folder, lang, i, None if i % 4 == 3 else i % 3)
    return folder


def manifest(out: Path) -> dict:
    return json.loads((C.current_version(out) / "manifest.json").read_text("utf-8"))


def part_files(out: Path) -> dict[str, int]:
    """The part files of the current version -> inode."""
    version = C.current_version(out)
    groups = manifest(out)["parts"]
    return {
        P.part_file(t, g): (version / P.part_file(t, g)).stat().st_ino
        for g in groups
        for t in PART_TABLES
    }


def assert_same_tables(out: Path, src: Path, tmp_path: Path) -> C.Corpus:
    """The corpus saved in `out` equals the full build of `src` (whole frames)."""
    full_out = tmp_path / "full"
    C.build_to_dir([src], full_out, full=True, workers=1)
    saved, full = C.load_corpus(out), C.load_corpus(full_out)
    for name in C.TABLES:
        pd.testing.assert_frame_equal(getattr(saved, name), getattr(full, name))
    assert saved.problems == full.problems
    return saved


@pytest.mark.parametrize("lang", LANGS)
def test_adding_files_writes_new_parts_only(tmp_path, lang):
    src, out = inputs(tmp_path / "in", lang), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    old_ids = set(C.load_corpus(out).articles[S.ARTICLE_ID])
    before = part_files(out)
    mtimes = {n: (C.current_version(out) / n).stat().st_mtime_ns for n in before}
    old_groups = set(manifest(out)["parts"])
    write(src, lang, 20, 0)  # a year that has a part already
    write(src, lang, 21, None)  # undated
    summary = C.build_to_dir([src], out, workers=1)
    assert summary.reused == 10 and summary.counts["articles"] == 12
    after = part_files(out)
    version = C.current_version(out)
    # the previous parts are the same files (hard links), not written again
    assert {n: after[n] for n in before} == before
    assert {n: (version / n).stat().st_mtime_ns for n in before} == mtimes
    assert C.corpus_damage(out, deep=True) is None
    saved = assert_same_tables(out, src, tmp_path)
    # the new rows are in new parts: one per partition of the new articles
    new = saved.articles[~saved.articles[S.ARTICLE_ID].isin(old_ids)]
    new_groups = set(manifest(out)["parts"]) - old_groups
    assert sorted(P.group_partition(g) for g in new_groups) == sorted(
        {P.partition(p) for p in new[S.PUBLISHED]}
    )
    assert len(new) == 2 and new[S.PUBLISHED].isna().sum() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_changed_and_deleted_files_drop_their_rows(tmp_path, lang):
    src, out = inputs(tmp_path / "in", lang), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    old = C.load_corpus(out)
    (src / "001.txt").unlink()
    changed = write(src, lang, 2, 1)  # another text (and year) in the same file
    changed.write_text(changed.read_text("utf-8") + "\nA closing line.\n", "utf-8")
    summary = C.build_to_dir([src], out, workers=1)
    assert summary.reused == 8 and summary.counts["articles"] == 10 - 1
    saved = assert_same_tables(out, src, tmp_path)
    gone = set(old.articles[S.ARTICLE_ID]) - set(saved.articles[S.ARTICLE_ID])
    assert len(gone) == 2
    for name in C.TABLES:  # no row of the old articles is left in any table
        assert not set(getattr(saved, name)[S.ARTICLE_ID]) & gone


@pytest.mark.parametrize("lang", LANGS)
def test_compact_leaves_one_part_per_year_and_the_same_tables(tmp_path, lang):
    src, out = inputs(tmp_path / "in", lang), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    for i in (30, 31):
        write(src, lang, i, 0)
        write(src, lang, i + 10, None)
        C.build_to_dir([src], out, workers=1)
    groups = manifest(out)["parts"]
    partitions = [P.group_partition(g) for g in groups]
    assert len(partitions) > len(set(partitions))  # several parts for a year
    before = C.load_corpus(out)
    summary = C.build_to_dir([src], out, workers=1, compact=True)
    assert summary.reused == 14
    partitions_after = [P.group_partition(g) for g in manifest(out)["parts"]]
    assert sorted(partitions_after) == sorted(set(partitions))
    after = assert_same_tables(out, src, tmp_path)
    for name in C.TABLES:
        pd.testing.assert_frame_equal(getattr(after, name), getattr(before, name))


def test_compact_from_the_command_line(tmp_path):
    src, out = inputs(tmp_path / "in", "en"), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    write(src, "en", 30, 0)
    C.build_to_dir([src], out, workers=1)
    assert len(manifest(out)["parts"]) > 4
    cmd = [sys.executable, "-m", "diplomap", "build", str(src), "--out", str(out), "--compact"]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert len(manifest(out)["parts"]) == 4  # three years and undated
    assert_same_tables(out, src, tmp_path)


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table", ["articles", "mentions"])
def test_a_damaged_part_is_found_and_rebuilt(tmp_path, table):
    src, out = inputs(tmp_path / "in", "ru"), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    write(src, "ru", 20, 2)
    C.build_to_dir([src], out, workers=1)
    version = C.current_version(out)
    linked = sorted(manifest(out)["parts"])[0]
    damaged = version / P.part_file(table, linked)
    _corrupt(damaged)
    assert damaged.name in C.corpus_damage(out, deep=True)
    with pytest.raises(C.CorpusDamaged):
        C.load_corpus(out)
    notes: list[str] = []
    summary = C.build_to_dir([src], out, workers=1, notify=notes.append)
    assert summary.reused == 0  # read again from the inputs
    assert any("damaged" in n and damaged.name in n for n in notes)
    assert C.corpus_damage(out, deep=True) is None
    assert_same_tables(out, src, tmp_path)


@pytest.mark.parametrize("lang", LANGS)
def test_year_partitions_hold_their_articles_and_the_undated(tmp_path, lang):
    src, out = inputs(tmp_path / "in", lang), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    corpus = C.load_corpus(out)
    published = corpus.articles.set_index(S.ARTICLE_ID)[S.PUBLISHED]
    assert published.isna().sum() == 2  # files 003 and 007 have no date
    expected = {P.partition(p) for p in published}
    assert P.UNDATED in expected and len(expected) == 4
    version = C.current_version(out)
    groups = manifest(out)["parts"]
    assert {P.group_partition(g) for g in groups} == expected
    assert list(groups) == P.in_year_order(groups)  # years in order, the undated last
    for group in groups:  # every row lies in the partition of its article's year
        for table in C.TABLES:
            rows = pd.read_parquet(version / P.part_file(table, group))
            years = {P.partition(published[aid]) for aid in rows[S.ARTICLE_ID]}
            assert years <= {P.group_partition(group)}, (table, group)
    assert_same_tables(out, src, tmp_path)


def test_the_dashboard_store_reads_the_parts_as_the_tables(tmp_path):
    from diplomap.explore.store import Store

    src, out = inputs(tmp_path / "in", "en"), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    write(src, "en", 20, 1)
    C.build_to_dir([src], out, workers=1)
    corpus = C.load_corpus(out)
    saved = Store.from_saved(C.current_version(out), corpus.fingerprint)
    memory = Store.from_corpus(corpus)
    for name, array in memory.arrays.items():
        np.testing.assert_array_equal(np.asarray(saved.arrays[name]), np.asarray(array), name)
    assert saved.meta == memory.meta
    ids = set(corpus.articles[S.ARTICLE_ID][:3])
    subset = saved.subset(ids)
    for name in C.TABLES:
        table = getattr(corpus, name)
        expected = table[table[S.ARTICLE_ID].isin(ids)].reset_index(drop=True)
        pd.testing.assert_frame_equal(getattr(subset, name), expected)


def _to_layout_before_parts(version: Path) -> None:
    """Rewrite a version folder as builds saved it before parts: one TABLE.parquet per
    table (the articles with their clusters), signatures.parquet, no index."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplomap.corpus.saved import checksums, read_saved_table

    meta = json.loads((version / "manifest.json").read_text("utf-8"))
    for name in C.TABLES:
        pq.write_table(read_saved_table(version, name), version / f"{name}.parquet")
    sigs = pa.concat_tables(
        pq.read_table(version / P.part_file("signatures", g)) for g in meta["parts"]
    )
    pq.write_table(
        pa.table({S.ARTICLE_ID: sigs[0].cast(pa.string()), "signature": sigs[1]}),
        version / "signatures.parquet",
    )
    for path in [version / P.INDEX, *(version / n for n in part_files(version.parent))]:
        path.unlink()
    for key in ("layout", "parts", "files"):
        meta.pop(key)
    meta["files"] = checksums(version)
    (version / "manifest.json").write_text(json.dumps(meta), "utf-8")


def test_a_corpus_saved_before_parts_is_read_and_moved_to_parts(tmp_path, monkeypatch):
    from diplomap.corpus import extraction as corpus_extraction

    src, out = inputs(tmp_path / "in", "ar"), tmp_path / "out"
    C.build_to_dir([src], out, workers=1)
    expected = C.load_corpus(out)
    _to_layout_before_parts(C.current_version(out))
    assert not (C.current_version(out) / P.INDEX).exists()
    assert C.corpus_damage(out, deep=True) is None
    old = C.load_corpus(out)
    for name in C.TABLES:
        pd.testing.assert_frame_equal(getattr(old, name), getattr(expected, name))
    write(src, "ar", 20, 1)
    extracted = []
    real, real_batch = corpus_extraction.extract_article, corpus_extraction.extract_batch

    def counting(article, **kw):
        extracted.append(Path(article.file).name)
        return real(article, **kw)

    def counting_batch(articles, **kw):  # builds extract in groups
        extracted.extend(Path(article.file).name for article in articles)
        return real_batch(articles, **kw)

    monkeypatch.setattr(corpus_extraction, "extract_article", counting)
    monkeypatch.setattr(corpus_extraction, "extract_batch", counting_batch)
    summary = C.build_to_dir([src], out, workers=1)
    monkeypatch.undo()
    assert extracted == ["020.txt"] and summary.reused == 10
    assert P.is_parts(manifest(out))
    assert_same_tables(out, src, tmp_path)


def test_rows_held_and_written_in_several_flushes_give_the_same_tables(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    src, out = inputs(tmp_path / "in", "fa", 13), tmp_path / "out"
    monkeypatch.setattr(P, "PENDING_ARTICLES", 3)  # written every few articles
    C.build_to_dir([src], out, workers=1, full=True)
    monkeypatch.undo()
    version = C.current_version(out)
    row_groups = [
        pq.ParquetFile(version / P.part_file("articles", g)).num_row_groups
        for g in manifest(out)["parts"]
    ]
    assert max(row_groups) > 1
    assert_same_tables(out, src, tmp_path)
