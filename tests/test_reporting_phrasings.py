"""Reporting phrasings of published news: «не исключает» (does not rule out), «خبر داد»
(announced), «از ... دفاع کرد» (defended), his title as a translation renders it ("the
head of the Russian diplomatic apparatus"), and the occasion between the verb and the
subject after it («— заявил в беседе с журналистами глава МИД России Сергей Лавров»,
"said in an interview with RT Sergey Lavrov"). His with him as the subject; another
speaker's with another subject."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

CASES = [
    # (lang, text, his fragments, not-his fragments)
    (
        "ru",
        "Глава МИД РФ Сергей Лавров не исключает раскола Ирака, если ситуация не изменится.",
        ["раскола Ирака"],
        [],
    ),
    (
        "ru",
        "Иракский эксперт Али Хусейн не исключает раскола Ирака, если ситуация не изменится.",
        [],
        ["раскола Ирака"],
    ),
    (
        "ru",
        "Действия Запада возмутительны, заявил в беседе с журналистами глава МИД России "
        "Сергей Лавров.",
        ["Действия Запада"],
        [],
    ),
    (
        "ru",
        "Удары по Ирану недопустимы, заявил в интервью РИА Новости министр иностранных дел "
        "Сергей Лавров.",
        ["Удары по Ирану"],
        [],
    ),
    (
        "ru",
        "Удары по Ирану недопустимы, заявил в интервью с Лавровым министр Ирана Аббас Аракчи.",
        [],
        ["Удары по Ирану"],
    ),
    (
        "ru",
        "Убийство Насраллы и операцию Израиля на юге Ливана Лавров расценил как опасный шаг "
        "к большой войне.",
        ["опасный шаг"],
        [],
    ),
    (
        "ru",
        "Лавров провел переговоры в Эр-Рияде. Атаки хуситов в Красном море он связывает с "
        "войной в Газе.",
        ["Атаки хуситов"],
        ["провел переговоры"],
    ),
    (
        "ru",
        "В Эр-Рияде Лавров вновь продвигал российскую концепцию коллективной безопасности в "
        "зоне Персидского залива.",
        ["концепцию коллективной безопасности"],
        [],
    ),
    (
        "ru",
        "Застройщик продвигал проект жилого квартала в Эр-Рияде несколько лет.",
        [],
        ["проект жилого квартала"],
    ),
    (
        "en",
        '"The actions of the West are outrageous," said in an interview with RT Sergey Lavrov.',
        ["actions of the West"],
        [],
    ),
    (
        "en",
        "Lavrov met Rafael Grossi in Moscow on Tuesday. The head of the Russian diplomatic "
        "apparatus reiterated that the work of the IAEA in Iran is important.",
        ["work of the IAEA"],
        ["met Rafael Grossi"],
    ),
    (
        "fa",
        "لاوروف در ادامه خبر داد: امروز ما یک سند همکاری با ایران را امضا می‌کنیم.",
        ["سند همکاری با ایران"],
        [],
    ),
    (
        "fa",
        "سخنگوی وزارت خارجه ایران خبر داد که سند همکاری با روسیه امروز امضا می‌شود.",
        [],
        ["سند همکاری با روسیه"],
    ),
    (
        "fa",
        "لاوروف از حق ایران برای غنی‌سازی صلح‌آمیز اورانیوم دفاع کرد.",
        ["غنی‌سازی صلح‌آمیز"],
        [],
    ),
    (
        "fa",
        "عراقچی از حق ایران برای غنی‌سازی صلح‌آمیز اورانیوم دفاع کرد.",
        [],
        ["غنی‌سازی صلح‌آمیز"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "his", "not_his"), CASES)
def test_reporting_phrasings(lang, text, his, not_his):
    assert_credited(analyse(text + "\n", lang), his, not_his)
