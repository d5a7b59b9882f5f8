"""A standfirst above a lead that opens with the outlet's name and a dash ("Interfax -
...", «ایران‌پرس - ...»): the standfirst paraphrases him in the outlet's words (not his),
the lead's own report of what he said is his."""

from __future__ import annotations

import pytest
from test_speakers import analyse, row_of

CASES = {
    "en": (
        "Lavrov: the treaty with Tehran is no military alliance\n\n"
        "The Russian foreign minister announced the imminent signing of a strategic treaty "
        "with Iran at his annual news conference.\n\n"
        "Interfax - Sergey Lavrov said on Tuesday that the new treaty with Iran was aimed "
        "against no third country.\n",
        "announced the imminent signing",
        "was aimed against no third country",
    ),
    "ru": (
        "Лавров: договор с Тегераном не является военным союзом\n\n"
        "Глава МИД России на ежегодной пресс-конференции сообщил о скором подписании "
        "стратегического договора с Ираном.\n\n"
        "Интерфакс - Сергей Лавров заявил во вторник, что новый договор с Ираном не "
        "направлен против третьих стран.\n",
        "сообщил о скором подписании",
        "не направлен против третьих стран",
    ),
    "ar": (
        "لافروف: المعاهدة مع طهران ليست تحالفا عسكريا\n\n"
        "أعلن وزير الخارجية الروسي في مؤتمره الصحفي السنوي قرب توقيع معاهدة استراتيجية مع "
        "إيران.\n\n"
        "إرنا - قال سيرغي لافروف يوم الثلاثاء إن المعاهدة الجديدة مع إيران ليست موجهة ضد أي "
        "دولة ثالثة.\n",
        "قرب توقيع معاهدة استراتيجية",
        "ليست موجهة ضد أي دولة ثالثة",
    ),
    "fa": (
        "لاوروف: پیمان با تهران اتحاد نظامی نیست\n\n"
        "وزیر امور خارجه روسیه در نشست خبری سالانه خود از امضای قریب‌الوقوع پیمان راهبردی "
        "با ایران خبر داد.\n\n"
        "ایران‌پرس - سرگئی لاوروف روز سه‌شنبه گفت پیمان جدید با ایران علیه هیچ کشور ثالثی "
        "نیست.\n",
        "امضای قریب‌الوقوع پیمان",
        "علیه هیچ کشور ثالثی",
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_the_standfirst_above_an_outlets_lead_is_the_outlets(lang):
    text, standfirst, lead = CASES[lang]
    rows = analyse(text, lang)
    assert row_of(rows, standfirst)[1] is None
    assert row_of(rows, lead)[1] == "Lavrov"


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])  # (fa: the paragraph reads as a summary)
def test_a_lead_opening_with_a_common_word_and_a_dash_keeps_the_sentence_before(lang):
    """Without a place or an outlet before the dash nothing changes: the first paragraph
    naming him by title is his report."""
    text, standfirst, _lead = CASES[lang]
    first_word = {"en": "Interfax", "ru": "Интерфакс", "ar": "إرنا", "fa": "ایران‌پرس"}[lang]
    other = {"en": "Meanwhile", "ru": "Между тем", "ar": "بدوره", "fa": "همچنین"}[lang]
    rows = analyse(text.replace(first_word + " -", other + " -"), lang)
    assert row_of(rows, standfirst)[1] == "Lavrov"
