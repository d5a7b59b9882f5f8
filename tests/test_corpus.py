"""build_corpus end to end: tables, boilerplate, Lavrov flags, incremental and atomic saves."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from diplomap import corpus as corpus_mod
from diplomap import schema as S
from diplomap.corpus import build_corpus, load_corpus, save_corpus
from diplomap.corpus import extraction as corpus_extraction
from diplomap.corpus.tables import select
from tests.samples import LANGS, SAMPLES


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("articles")
    for lang, sample in SAMPLES.items():
        (d / f"{lang}.txt").write_text(sample["text"], encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def corpus(sample_dir):
    return build_corpus([sample_dir])


def _article(corpus, lang):
    arts = corpus.articles
    row = arts[arts[S.FILE].str.endswith(f"{lang}.txt")]
    assert len(row) == 1
    return row.iloc[0]


def test_tables_have_the_schema_columns(corpus):
    assert list(corpus.articles.columns) == [*S.ARTICLE_COLUMNS, S.CLUSTER]  # + reprints
    assert list(corpus.mentions.columns) == S.MENTION_COLUMNS
    assert list(corpus.issue_mentions.columns) == S.ISSUE_MENTION_COLUMNS
    assert list(corpus.statements.columns) == S.STATEMENT_COLUMNS
    assert len(corpus.articles) == len(SAMPLES)
    assert corpus.problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_language_and_date(corpus, lang):
    art = _article(corpus, lang)
    assert art[S.LANGUAGE] == lang
    assert art[S.PUBLISHED] == pd.Timestamp(SAMPLES[lang]["published"])
    assert art[S.DATE_SOURCE] in {"header", "dateline", "body"}


@pytest.mark.parametrize("lang", LANGS)
def test_countries_outside_boilerplate(corpus, lang):
    art = _article(corpus, lang)
    m = corpus.mentions[corpus.mentions[S.ARTICLE_ID] == art[S.ARTICLE_ID]]
    countries = set(m[S.ISO3])
    assert SAMPLES[lang]["countries"] <= countries
    assert not (SAMPLES[lang]["absent"] & countries), "boilerplate leaked into mentions"
    # spans point at the surface form in the original text
    for row in m.itertuples():
        assert art[S.TEXT][row.start : row.end] == row.surface
    # every mention lies outside the boilerplate spans
    for start, end in art[S.BOILERPLATE]:
        assert not ((m[S.START] >= start) & (m[S.END] <= end)).any()


@pytest.mark.parametrize("lang", LANGS)
def test_lavrov_statements_and_flags(corpus, lang):
    art = _article(corpus, lang)
    aid = art[S.ARTICLE_ID]
    st = corpus.statements[corpus.statements[S.ARTICLE_ID] == aid]
    assert len(st) >= 2
    assert (st[S.SPEAKER] == "Lavrov").all()
    assert not st[S.TEXT].str.contains(SAMPLES[lang]["not_lavrov"], regex=False).any()
    assert art[S.N_LAVROV] == len(st)
    m = corpus.mentions[corpus.mentions[S.ARTICLE_ID] == aid]
    assert SAMPLES[lang]["lavrov_countries"] <= set(m.loc[m[S.LAVROV], S.ISO3])
    # a mention is flagged Lavrov exactly when it lies inside one of his statements
    for row in m.itertuples():
        inside = ((st[S.START] <= row.start) & (row.end <= st[S.END])).any()
        assert inside == row.lavrov


@pytest.mark.parametrize("lang", LANGS)
def test_issues(corpus, lang):
    art = _article(corpus, lang)
    im = corpus.issue_mentions[corpus.issue_mentions[S.ARTICLE_ID] == art[S.ARTICLE_ID]]
    assert SAMPLES[lang]["issues"] <= set(im[S.ISSUE])
    assert set(im[S.ISSUE]) <= set(S.ISSUE_IDS)


def test_same_text_twice_is_one_article(tmp_path):
    text = SAMPLES["en"]["text"]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    c = build_corpus([tmp_path])
    assert len(c.articles) == 1


def test_save_load_roundtrip(corpus, tmp_path):
    save_corpus(corpus, tmp_path / "out")
    loaded = load_corpus(tmp_path / "out")
    for name in corpus_mod.TABLES:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(corpus, name))


def test_incremental_rebuild_extracts_only_new_articles(sample_dir, corpus, tmp_path, monkeypatch):
    calls = []
    real, real_batch = corpus_extraction.extract_article, corpus_extraction.extract_batch

    def counting(article, **kw):
        calls.append(article.file)
        return real(article, **kw)

    def counting_batch(articles, **kw):  # builds extract in groups
        calls.extend(article.file for article in articles)
        return real_batch(articles, **kw)

    monkeypatch.setattr(corpus_extraction, "extract_article", counting)
    monkeypatch.setattr(corpus_extraction, "extract_batch", counting_batch)
    extra = tmp_path / "new.txt"
    extra.write_text("Lavrov said Russia and Egypt discussed Libya.", encoding="utf-8")
    rebuilt = build_corpus([sample_dir, extra], previous=corpus)
    assert calls == [str(extra)]
    assert len(rebuilt.articles) == len(corpus.articles) + 1
    old_ids = set(corpus.articles[S.ARTICLE_ID])
    kept = rebuilt.mentions[rebuilt.mentions[S.ARTICLE_ID].isin(old_ids)]
    pd.testing.assert_frame_equal(kept.reset_index(drop=True), corpus.mentions)


def test_failed_save_keeps_previous_corpus(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    save_corpus(corpus, out)
    smaller = select(corpus, set(corpus.articles[S.ARTICLE_ID][:1]))

    def boom(self, path, *a, **kw):
        raise OSError("disk full")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", boom)  # the disk fills up
    with pytest.raises(OSError):
        save_corpus(smaller, out)
    monkeypatch.undo()
    assert len(load_corpus(out).articles) == len(corpus.articles)


def test_load_or_build_reuses_a_fresh_save(sample_dir, tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    for f in sample_dir.iterdir():
        (data / "articles" / f.name).write_bytes(f.read_bytes())
    first = corpus_mod.load_or_build(data)
    assert (data / "corpus" / "CURRENT").is_file()
    for name in ("extract_article", "extract_batch"):
        monkeypatch.setattr(corpus_extraction, name, lambda *a, **k: pytest.fail("re-extracted"))
    second = corpus_mod.load_or_build(data)
    pd.testing.assert_frame_equal(first.mentions, second.mentions)
