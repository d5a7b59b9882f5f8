"""A minister who links one matter to another speaks («Лавров связал безопасность в
Красном море с прекращением огня в Газе», «وربط لافروف بين ...»): data/speech_verbs.csv.
Russian and Arabic; English "linked" and Persian «پیوند داد» are left out (mostly
participles and ordinary links in the news). And in English, he who "used his address to
say that ..." said it."""

from __future__ import annotations

import pytest
from test_speakers import analyse, row_of

CASES = [
    (
        "ru",
        "Еще в январе Лавров говорил, что удары по Йемену не решают проблем.\n\n"
        "Тогда же он связывал безопасность в Красном море с прекращением огня в Газе.\n",
        ["связывал безопасность в Красном море"],
        [],
    ),
    (
        "ru",
        "Сергей Лавров увязал снятие санкций с выполнением договоренностей.\n\n"
        "Новая железная дорога связала два города. Россия и Иран связаны давними узами.\n",
        ["увязал снятие санкций"],
        ["связала два города", "связаны давними узами"],
    ),
    (  # "used his address to say": what he said in it
        "en",
        "Mr. Lavrov also used his address to say that the West would fight to the last "
        "Ukrainian.\n\nZakharova used her briefing to accuse Kyiv of provocations. Russia "
        "used the veto to block the resolution.\n",
        ["to the last Ukrainian"],
        ["accuse Kyiv of provocations", "to block the resolution"],
    ),
    (
        "ar",
        "وربط لافروف بين أمن البحر الأحمر ووقف إطلاق النار في غزة.\n\n"
        "وربط المشروع الجديد بين ميناءين على الساحل. وسيربط خط السكة الحديد بين البلدين.\n",
        ["أمن البحر الأحمر"],
        ["بين ميناءين", "خط السكة الحديد"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "his", "not_his"), CASES)
def test_linking_one_matter_to_another_is_speaking(lang, text, his, not_his):
    rows = analyse(text, lang)
    for fragment in his:
        assert row_of(rows, fragment)[1] == "Lavrov", fragment
    for fragment in not_his:
        assert row_of(rows, fragment)[1] is None, fragment
