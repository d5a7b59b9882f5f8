"""A sentence that opens with the name of a minister the article introduced by title
("Байрамов от комментариев уклонился", "Bayramov declined to comment") makes him the one
"the minister" next refers to; a name on the line after a title is nobody's name (a
heading's «коллеги», then «Январь 2020 года ...» on the next line)."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

CASES = {
    "ru": (
        "Лавров провел переговоры с министром иностранных дел Азербайджана Джейхуном "
        "Байрамовым. Лавров заявил, что Россия защитит интересы Калининграда. Байрамов от "
        "комментариев уклонился. Министр сказал, что стороны обсудили разблокирование "
        "коммуникаций.\n",
        ["защитит интересы"],
        ["разблокирование коммуникаций"],
    ),
    "en": (
        "Lavrov held talks with Azerbaijani Foreign Minister Jeyhun Bayramov in Baku. Lavrov "
        "said Russia would protect the interests of Kaliningrad. Bayramov stayed away from "
        "the transit dispute. The minister said the sides discussed unblocking transport "
        "links.\n",
        ["interests of Kaliningrad"],
        ["unblocking transport links"],
    ),
}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_minister_after_a_sentence_opening_with_another_ministers_name(lang):
    text, his, not_his = CASES[lang]
    assert_credited(analyse(text, lang), his, not_his)


def test_a_word_on_the_line_after_a_title_is_no_ministers_name():
    text = (
        "Лавров не раз говорил об Ираке.\n\n"
        "Сулеймани и «американские коллеги»\n\n"
        "Январь 2020 года дал Лаврову новый повод. После убийства Сулеймани министр назвал "
        "произошедшее «грубым нарушением суверенитета Ирака».\n"
    )
    assert_credited(analyse(text, "ru"), ["грубым нарушением"], [])


def test_a_word_written_small_after_a_title_is_no_name():
    """«Министр заявил, что переговоры ...», then «Переговоры продолжатся ...»: a word that
    stands after a title only in small letters names nobody; the sentence goes on his."""
    text = (
        "Сергей Лавров провел переговоры в Москве. Министр заявил, что переговоры были "
        "полезными. Переговоры продолжатся в Женеве в следующем месяце.\n"
    )
    assert_credited(analyse(text, "ru"), ["были полезными", "продолжатся в Женеве"], [])
