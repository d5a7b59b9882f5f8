"""A collected page's date keeps where it was read (issue 12): the record's `date_source`
(html-meta, feed, url, ...) reaches the articles table; anything else stays "metadata"."""

import json

import pytest

from diplomap import schema as S
from diplomap.corpus import build_corpus

TEXTS = {
    "en": "Russian Foreign Minister Sergey Lavrov said Russia supports the unity of Syria.",
    "ru": "Министр иностранных дел России Сергей Лавров заявил, что Россия поддерживает Сирию.",
    "ar": "قال وزير الخارجية الروسي سيرغي لافروف إن روسيا تدعم وحدة سوريا.",
    "fa": "سرگئی لاوروف وزیر امور خارجه روسیه گفت روسیه از وحدت سوریه حمایت می‌کند.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("html-meta", "html-meta"),
        ("feed", "feed"),
        ("url", "url"),
        ("HTML-META", "html-meta"),
        ("", "metadata"),
        ("made\nup", "metadata"),
        ("none", "metadata"),
    ],
)
def test_record_date_source_reaches_the_table(tmp_path, lang, given, expected):
    record = {"text": TEXTS[lang], "published": "2024-02-13", "language": lang}
    if given:
        record["date_source"] = given
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    arts = build_corpus([path], workers=1).articles
    assert arts[S.DATE_SOURCE].tolist() == [expected]
    assert str(arts[S.PUBLISHED].iloc[0].date()) == "2024-02-13"


def test_text_date_is_not_relabelled(tmp_path):
    """A provenance word without a metadata date says nothing: the text's own date
    keeps its own source."""
    record = {"text": "MOSCOW, February 13, 2024 (TASS) - " + TEXTS["en"], "date_source": "feed"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    arts = build_corpus([path], workers=1).articles
    assert arts[S.DATE_SOURCE].tolist() == ["dateline"]
