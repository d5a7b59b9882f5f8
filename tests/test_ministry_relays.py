"""His ministry's statement relays his words when it says what he said ("the ministry said
in a statement that Lavrov stressed"); when it says what he did or will do (met, will
discuss, «обсудит», "سيبحث") or joins another subject to his ("Lavrov and Wennesland
met"), it is the ministry's narration, not his words. A statement's "it said" after the
words is the statement's, not his."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

RELAYS = {
    # (his words relayed, what he will do, a joint act)
    "en": (
        "The Russian Foreign Ministry said in a statement that Lavrov stressed the need for a "
        "settlement in Syria.",
        "The Russian Foreign Ministry said in a statement that Lavrov will discuss the "
        "situation in Libya with the UN chief.",
        "The Russian Foreign Ministry said in a statement that Lavrov and Wennesland met on "
        "Wednesday to discuss Gaza.",
    ),
    "ru": (
        "В МИД России заявили в сообщении, что Лавров подчеркнул необходимость урегулирования "
        "в Сирии.",
        "В МИД России заявили в сообщении, что Лавров обсудит с генсеком ООН ситуацию в Ливии.",
        "В МИД России заявили в сообщении, что Лавров и Веннесланд встретились в среду в Газе.",
    ),
    "ar": (
        "وقالت وزارة الخارجية الروسية في بيان إن لافروف أكد ضرورة التسوية في سوريا.",
        "وقالت وزارة الخارجية الروسية في بيان إن لافروف سيبحث مع الأمين العام الأوضاع في ليبيا.",
        "وقالت وزارة الخارجية الروسية في بيان إن لافروف وفينيسلاند التقيا الأربعاء لبحث الوضع في غزة.",
    ),
    "fa": (
        "وزارت امور خارجه روسیه در بیانیه‌ای اعلام کرد که لاوروف بر ضرورت حل بحران سوریه تاکید کرد.",
        "وزارت امور خارجه روسیه در بیانیه‌ای اعلام کرد که لاوروف با دبیرکل درباره لیبی گفت‌وگو خواهد کرد.",
        "وزارت امور خارجه روسیه در بیانیه‌ای اعلام کرد که لاوروف و ونسلند روز چهارشنبه درباره غزه دیدار کردند.",
    ),
}
FRAGMENTS = {
    "en": ("settlement in Syria", "situation in Libya", "met on Wednesday"),
    "ru": ("урегулирования в Сирии", "ситуацию в Ливии", "встретились в среду"),
    "ar": ("التسوية في سوريا", "الأوضاع في ليبيا", "التقيا الأربعاء"),
    "fa": ("حل بحران سوریه", "درباره لیبی", "روز چهارشنبه"),
}


@pytest.mark.parametrize("lang", sorted(RELAYS))
def test_a_statement_relays_his_words_not_his_acts_or_plans(lang):
    his, plan, joint = FRAGMENTS[lang]
    for text, fragment, credited in zip(
        RELAYS[lang], (his, plan, joint), (True, False, False), strict=True
    ):
        rows = analyse(text + "\n", lang)
        assert_credited(rows, [fragment] if credited else [], [] if credited else [fragment])


def test_the_statements_it_said_after_the_words_is_not_his():
    text = (
        "Lavrov met the UN coordinator Tor Wennesland in Moscow on Wednesday.\n\n"
        '"Both sides stressed that there was no alternative to a two-state solution," it said.\n'
    )
    assert_credited(analyse(text, "en"), [], ["no alternative to a two-state"])
