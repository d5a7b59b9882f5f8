"""The ministry's date and time line under a transcript's heading ("14 May 2017 13:21",
«14 мая 2017 года, 13:21») is nobody's words, even where his remarks or answers follow
it; his answers stay his."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

TRANSCRIPTS = {
    "en": (
        "Foreign Minister Sergey Lavrov's answers to media questions, Beijing, May 14, 2017\n"
        "14 May 2017 13:21\n\n"
        "Question: What about Iran?\n\n"
        "Sergey Lavrov: Iran is our partner in Syria.\n",
        "May 2017 13:21",
        "Iran is our partner",
    ),
    "ru": (
        "Ответы Министра иностранных дел России С.В.Лаврова на вопросы СМИ, Пекин, 14 мая 2017 года\n"
        "14 мая 2017 года, 13:21\n\n"
        "Вопрос: Что насчет Ирана?\n\n"
        "С.В.Лавров: Иран - наш партнер в Сирии.\n",
        "2017 года, 13:21",
        "наш партнер в Сирии",
    ),
    "ar": (
        "ردود وزير الخارجية الروسي سيرغي لافروف على أسئلة الصحفيين، بكين، 14 مايو 2017\n"
        "14 مايو 2017 13:21\n\n"
        "سؤال: ماذا عن إيران؟\n\n"
        "لافروف: إيران شريكنا في سوريا.\n",
        "2017 13:21",
        "إيران شريكنا",
    ),
    "fa": (
        "پاسخ‌های سرگئی لاوروف وزیر امور خارجه روسیه به پرسش‌های خبرنگاران، پکن، ۱۴ مه ۲۰۱۷\n"
        "۱۴ مه ۲۰۱۷ ۱۳:۲۱\n\n"
        "پرسش: درباره ایران چه؟\n\n"
        "لاوروف: ایران شریک ما در سوریه است.\n",
        "۲۰۱۷ ۱۳:۲۱",
        "شریک ما در سوریه",
    ),
}


@pytest.mark.parametrize("lang", sorted(TRANSCRIPTS))
def test_a_date_line_under_a_transcripts_heading_is_nobodys(lang):
    text, date_line, answer = TRANSCRIPTS[lang]
    assert_credited(analyse(text, lang), [answer], [date_line])
