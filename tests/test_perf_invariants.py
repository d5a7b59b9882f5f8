"""Invariants of the fast paths: they must give exactly what the simple paths give.

- `corpus.build_to_dir` (the `build` command: workers read and extract, tables streamed
  to Parquet) saves the same tables and problems as `build_corpus` + `save_corpus`;
- a rebuild does not read (nor re-extract) input files that did not change, and gives
  the same corpus as `build_corpus(paths, previous=...)`;
- the faster normalisation, script counts and cached article ids equal the reference.
No timing assertions.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import random
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from diplomap import corpus as C
from diplomap import ingest
from diplomap import normalize as N
from diplomap import schema as S
from diplomap.corpus import extraction as corpus_extraction
from diplomap.ingest import Article, Limits
from tests.samples import SAMPLES

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus_perf", BENCH / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def texts() -> list[str]:
    synthetic = [text for _name, text in _make_corpus_module().make_texts(14, seed=7)]
    return [s["text"] for s in SAMPLES.values()] + synthetic


def _write_inputs(folder: Path, texts: list[str]) -> None:
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    for i, text in enumerate(texts):
        (folder / ("a" if i % 2 else "b") / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    # what the reader must report, and a repeated article
    (folder / "a" / "empty.txt").write_bytes(b"  \n")
    (folder / "a" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "b" / "broken.txt").write_bytes(texts[0].encode("utf-8") + b"\xff\xfe tail")
    (folder / "b" / "copy.txt").write_text(texts[1], encoding="utf-8")
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["text", "title"])
    writer.writerows([t[:300] + " (row)", f"T{i}"] for i, t in enumerate(texts[-3:]))
    (folder / "b" / "rows.csv").write_text(rows.getvalue(), "utf-8")


def _assert_same(saved: C.Corpus, expected: C.Corpus) -> None:
    for name in C.TABLES:
        left, right = getattr(saved, name), getattr(expected, name)
        if len(left) == len(right) == 0:  # an empty table built in memory has object columns
            assert list(left.columns) == list(right.columns)
            continue
        # merge_corpora gives object columns where a concatenated part was empty; the
        # saved tables are always typed: compare the values
        loose = {c: left[c].dtype for c in left if right[c].dtype == object != left[c].dtype}
        pd.testing.assert_frame_equal(left, right.astype(loose))
    assert saved.problems == expected.problems


@pytest.fixture
def inputs(tmp_path, texts) -> Path:
    folder = tmp_path / "in"
    _write_inputs(folder, texts)
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_streaming_build_equals_in_memory_build(inputs, tmp_path, workers):
    summary = C.build_to_dir([inputs], tmp_path / "out", workers=workers, full=True)
    assert summary.path is not None and summary.reused == 0
    saved = C.load_corpus(tmp_path / "out")
    expected = C.build_corpus([inputs], workers=1)
    _assert_same(saved, expected)
    assert summary.counts == {name: len(df) for name, df in expected.tables().items()}
    assert summary.problems == expected.problems
    assert any("empty" in p.reason for p in saved.problems)
    assert any("binary" in p.reason for p in saved.problems)
    manifest = C.read_manifest(tmp_path / "out")
    assert manifest["fingerprint"] == expected.fingerprint
    assert manifest["counts"] == summary.counts


def test_rebuild_reads_only_changed_files(inputs, tmp_path, texts, monkeypatch):
    out = tmp_path / "out"
    C.build_to_dir([inputs], out, workers=1)
    previous = C.load_corpus(out)
    # one new file, one changed file (other size and time), the rest untouched
    (inputs / "a" / "new.txt").write_text(texts[2] + "\n\nA new closing line.", "utf-8")
    changed = inputs / "b" / "000.txt"
    changed.write_text(texts[0] + "\n\nAn added paragraph.", "utf-8")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    read, extracted = [], []
    real_read, real_batch = ingest.read_file, corpus_extraction.extract_batch
    real_one = corpus_extraction.extract_article

    def counting_read(path, *a, **kw):
        read.append(Path(path).name)
        return real_read(path, *a, **kw)

    def counting_batch(articles, **kw):  # the build extracts in groups
        extracted.extend(Path(article.file).name for article in articles)
        return real_batch(articles, **kw)

    def counting_one(article, **kw):  # and an article alone
        extracted.append(Path(article.file).name)
        return real_one(article, **kw)

    monkeypatch.setattr(ingest, "read_file", counting_read)
    monkeypatch.setattr(corpus_extraction, "extract_batch", counting_batch)
    monkeypatch.setattr(corpus_extraction, "extract_article", counting_one)
    summary = C.build_to_dir([inputs], out, workers=1)
    monkeypatch.undo()
    assert sorted(read) == ["000.txt", "new.txt"]
    assert sorted(extracted) == ["000.txt", "new.txt"]
    assert summary.files_skipped == len(list(inputs.rglob("*.*"))) - 2
    rebuilt = C.load_corpus(out)
    # the same as the in-memory incremental build from the previous corpus
    _assert_same(rebuilt, C.build_corpus([inputs], previous=previous, workers=1))
    # and, as a set of articles and rows, the same as a full build
    full = C.build_corpus([inputs], workers=1)
    assert set(rebuilt.articles[S.ARTICLE_ID]) == set(full.articles[S.ARTICLE_ID])
    assert len(rebuilt.mentions) == len(full.mentions)
    # nothing changed: nothing is read again
    read.clear()
    monkeypatch.setattr(ingest, "read_file", counting_read)
    again = C.build_to_dir([inputs], out, workers=1)
    assert read == [] and again.reused == len(rebuilt.articles)
    _assert_same(C.load_corpus(out), rebuilt)


def test_rebuild_with_files_inserted_between_old_ones_keeps_input_order(inputs, tmp_path, texts):
    out = tmp_path / "out"
    C.build_to_dir([inputs], out, workers=2)
    previous = C.load_corpus(out)
    (inputs / "a" / "000a.txt").write_text(texts[3] + "\n\nInserted first.", "utf-8")
    (inputs / "b" / "zzz.txt").write_text(texts[4] + "\n\nInserted last.", "utf-8")
    C.build_to_dir([inputs], out, workers=2)
    _assert_same(C.load_corpus(out), C.build_corpus([inputs], previous=previous, workers=1))


@pytest.mark.parametrize("keep", [1, 6])
def test_rebuild_after_files_were_removed(inputs, tmp_path, keep):
    out = tmp_path / "out"
    C.build_to_dir([inputs], out, workers=1)
    previous = C.load_corpus(out)
    texts = sorted(inputs.rglob("*.txt"))
    for path in texts[keep:]:  # most files removed (keep=1), or a few (keep=6 of ~20)
        if keep == 1 or path.name.endswith(("3.txt", "7.txt")):
            path.unlink()
    summary = C.build_to_dir([inputs], out, workers=1)
    expected = C.build_corpus([inputs], previous=previous, workers=1)
    _assert_same(C.load_corpus(out), expected)
    assert summary.reused == len(expected.articles)


def test_full_rebuild_and_article_limit(inputs, tmp_path):
    limits = Limits(max_articles=5)
    summary = C.build_to_dir([inputs], tmp_path / "out", workers=2, limits=limits)
    expected = C.build_corpus([inputs], workers=1, limits=limits)
    _assert_same(C.load_corpus(tmp_path / "out"), expected)
    assert summary.counts["articles"] == len(expected.articles) <= 5
    assert any("article limit" in p.reason for p in summary.problems)


def test_list_inputs_then_read_file_equals_read_paths(inputs):
    items = ingest.list_inputs([inputs, inputs / "missing.txt"])
    articles, problems = [], []
    for item in items:
        if isinstance(item, ingest.Problem):
            problems.append(item)
            continue
        result = ingest.read_file(*item)
        articles.extend(result.articles)
        problems.extend(result.problems)
    expected = ingest.read_paths([inputs, inputs / "missing.txt"])
    assert [(a.file, a.text, a.title) for a in articles] == [
        (a.file, a.text, a.title) for a in expected.articles
    ]
    assert problems == expected.problems


def test_article_id_is_cached_and_follows_the_text():
    article = Article("x.txt", "Лавров  посетил Сирию.")
    first = article.article_id
    assert article.article_id == first == ingest.text_id(article.text)
    article.text = "Lavrov visited Syria."
    assert article.article_id == ingest.text_id("Lavrov visited Syria.") != first


def _reference_script_counts(text: str) -> dict[str, int]:
    counts = {"arabic": 0, "cyrillic": 0, "latin": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            counts["arabic"] += 1
        elif 0x0400 <= o <= 0x052F:
            counts["cyrillic"] += 1
        elif o < 0x0250:
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts


def _random_texts(seed: int, n: int = 400) -> list[str]:
    rng = random.Random(seed)
    pools = [
        list(N._REPLACEMENTS),
        [chr(c) for c in range(0x20, 0x7F)],
        [chr(c) for c in range(0x0600, 0x0700)],
        [chr(c) for c in range(0x0400, 0x0530)],
        ["Σ", "İ", "\u200c", "\u0301", "\U0001d400", "\ud800", "\n"],
    ]
    out = []
    for _ in range(n):
        length = rng.randint(0, 120)
        out.append("".join(rng.choice(rng.choice(pools)) for _ in range(length)))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_script_counts_match_the_per_character_definition(seed):
    for text in _random_texts(seed):
        assert N.script_counts(text) == _reference_script_counts(text)


@pytest.mark.parametrize("seed", [3, 4])
def test_normalisation_matches_str_translate(seed):
    for raw in _random_texts(seed):
        text = unicodedata.normalize("NFC", raw.replace("\ud800", ""))
        assert N.normalize(text) == unicodedata.normalize("NFC", text).translate(N._TABLE).lower()
        nt = N.normalize_text(text)
        assert nt.norm == text.translate(N._TABLE).lower()
        kept = [i for i, ch in enumerate(text) if ch not in N.DELETED_CHARS]
        assert nt.offsets == (None if len(kept) == len(text) else tuple(kept))
        for start in range(len(text) + 1):
            end = min(len(text), start + 7)
            expected = (sum(1 for k in kept if k < start), sum(1 for k in kept if k < end))
            assert nt.to_norm(start, end) == expected
