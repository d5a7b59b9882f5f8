"""A line at the end of the text that labels its publication date («تاریخ نشر: جمعه 13
میزان 1403», «نُشر بتاريخ: ...», «Опубликовано: ...», "Published: ...") dates an article
whose top gives no date, also where the line is cut as boilerplate; an "updated" line at
the end does not."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomap.extract import boilerplate, dates

BODY = {
    "fa": "لاوروف در نشست گفت غرب مسئول ویرانی‌های افغانستان است.\n\n"
    "او افزود مسکو با استقرار پایگاه‌های نظامی مخالف است.\n\n",
    "ar": "قال لافروف إن موسكو تدعم الحوار بين الأطراف اللبنانية.\n\n"
    "وأضاف أن الحل يجب أن يكون لبنانيا.\n\n",
    "ru": "Лавров заявил, что Москва поддерживает диалог сторон.\n\n"
    "Он добавил, что решение должно быть политическим.\n\n",
    "en": "Lavrov said Moscow supports a dialogue between the parties.\n\n"
    "He added that the solution must be political.\n\n",
}
FOOTERS = {
    "fa": ("تاریخ نشر: جمعه 13 میزان 1403 – ساعت 18:40", dt.date(2024, 10, 4)),
    "ar": ("نُشر بتاريخ: الجمعة 16 نيسان 2021 - 21:10", dt.date(2021, 4, 16)),
    "ru": ("Опубликовано: 6 июня 2022, 14:05", dt.date(2022, 6, 6)),
    "en": ("Published: 8 June 2022, 14:05", dt.date(2022, 6, 8)),
}
UPDATED = {
    "fa": "به‌روزرسانی: جمعه 13 میزان 1403 – ساعت 18:40",
    "ar": "آخر تحديث: الجمعة 16 نيسان 2021 - 21:10",
    "ru": "Обновлено: 6 июня 2022, 14:05",
    "en": "Updated: 8 June 2022, 14:05",
}


@pytest.mark.parametrize("lang", ["fa", "ar", "ru", "en"])
def test_a_published_line_at_the_end_dates_the_article(lang):
    line, day = FOOTERS[lang]
    text = BODY[lang] + line + "\n"
    spans = boilerplate.find_boilerplate(text, lang)
    assert dates.find_publication_date(text, lang, boilerplate=spans).date == day


@pytest.mark.parametrize("lang", ["fa", "ar", "ru", "en"])
def test_an_updated_line_at_the_end_is_no_publication_date(lang):
    text = BODY[lang] + UPDATED[lang] + "\n"
    spans = boilerplate.find_boilerplate(text, lang)
    assert dates.find_publication_date(text, lang, boilerplate=spans).date is None
