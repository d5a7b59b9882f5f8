"""Extracting a batch step by step gives what extracting each article alone gives, and a
slow article in a group costs only itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from diplomap.corpus import extraction
from diplomap.extract import article as art
from diplomap.extract import speakers
from diplomap.ingest import read_paths

DEVSET = Path(__file__).resolve().parent / "devset" / "articles"


def _articles(lang: str) -> list:
    paths = sorted(p for p in DEVSET.iterdir() if p.name.startswith(f"{lang}_"))
    return read_paths(paths).articles


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_batch_gives_what_each_article_alone_gives(lang):
    articles = _articles(lang)
    assert len(articles) >= 5
    alone = [art.extract_article(a) for a in articles]
    assert art.extract_batch(articles) == alone
    assert art.extract_batch(articles[::-1]) == alone[::-1]
    assert art.extract_batch([]) == []


def test_a_slow_article_in_a_group_costs_only_itself(monkeypatch):
    articles = _articles("en")[:4] + _articles("ar")[:3]
    slow = articles[2]
    real = speakers.attribute_speakers

    def attribute(text, *args, **kwargs):
        if text is slow.text:
            time.sleep(5)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(speakers, "attribute_speakers", attribute)
    started = time.monotonic()
    got = extraction.extract_group(articles, budget=0.3)
    assert time.monotonic() - started < 2.5  # the group's budget, then the slow one's
    assert [problem is None for _, problem in got] == [a is not slow for a in articles]
    assert "took longer than 0.3 s" in got[2][1].reason
    monkeypatch.setattr(speakers, "attribute_speakers", real)
    for a, (extraction_, _) in zip(articles, got, strict=True):
        if a is not slow:
            assert extraction_ == art.extract_article(a)


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_language_is_the_same_with_the_normalised_text_given(lang):
    from diplomap.normalize import detect_language, normalize_text

    for a in _articles(lang):
        for text in (a.text, a.text[:50], a.text + " Σ", "\u0301" + a.text):
            assert detect_language(text, normalize_text(text)) == detect_language(text)
        assert detect_language(a.text) == lang
