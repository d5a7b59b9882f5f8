"""A chronology of his statements ("Lavrov on Syria, 2011-2024") heads its entries with
their dates: a date alone on its line over the entry's text, or a month and year opening
the entry ("November 2012: ..."). Those are the events' dates, never the page's: the page
is dated by its own date line (above the headline or under it, before the text), or not
at all."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomap.extract.dates import find_publication_date

LANGS = ["ar", "fa", "ru", "en"]

MASTHEAD = {
    "ar": (
        "موقع الأخبار\nالثلاثاء 10 كانون الأول 2024\nعرب وعالم | ملفات\n\n",
        "لافروف والأزمة السورية.. محطات",
    ),
    "fa": ("روزنامه نمونه\nسه‌شنبه ۲۰ آذر ۱۴۰۳\nسیاست خارجی\n\n", "لاوروف و بحران سوریه در ده سال"),
    "ru": (
        "Новая газета дня\n10 декабря 2024 г.\nМир | Досье\n\n",
        "Лавров о Сирии: хроника заявлений",
    ),
    "en": (
        "The Daily Example\nTuesday, December 10, 2024\nWorld | Files\n\n",
        "Lavrov on Syria: a timeline",
    ),
}
LEAD = {
    "ar": "مع سقوط النظام في دمشق تعود إلى الواجهة مواقف وزير الخارجية الروسي التي نستعرض أبرزها هنا بحسب تسلسلها.",
    "fa": "با سقوط حکومت در دمشق، مواضع وزیر خارجه روسیه درباره سوریه دوباره مطرح شده است و در ادامه مهم‌ترین آنها را مرور می‌کنیم.",
    "ru": "После падения режима в Дамаске вновь вспоминают позиции министра иностранных дел России, и ниже мы приводим главные из них по порядку.",
    "en": "With the fall of the government in Damascus, the Russian foreign minister's positions are back in the news, and here are the main ones in order.",
}
ENTRY_DATES = {
    "ar": ["4 تشرين الأول 2011", "7 شباط 2012", "30 حزيران 2012"],
    "fa": ["۱۲ مهر ۱۳۹۰", "۱۸ بهمن ۱۳۹۰", "۱۰ تیر ۱۳۹۱"],
    "ru": ["4 октября 2011 года", "7 февраля 2012 года", "30 июня 2012 года"],
    "en": ["October 4, 2011", "February 7, 2012", "June 30, 2012"],
}
ENTRY_TEXT = {
    "ar": "قال لافروف بعد جلسة مجلس الأمن إن موسكو لن تسمح بتكرار ما جرى في ليبيا على الأرض السورية أبدا.",
    "fa": "لاوروف پس از نشست شورای امنیت گفت مسکو اجازه نمی‌دهد آنچه در لیبی رخ داد در خاک سوریه تکرار شود.",
    "ru": "Лавров после заседания Совбеза заявил, что Москва не допустит повторения ливийского сценария в Сирии.",
    "en": "After the Security Council vote, Lavrov said Moscow would not allow a repeat of the Libyan scenario in Syria.",
}


def chronology(lang: str, masthead: bool = True) -> str:
    top, headline = MASTHEAD[lang]
    entries = "".join(f"{d}\n{ENTRY_TEXT[lang]}\n\n" for d in ENTRY_DATES[lang])
    return (top if masthead else "") + f"{headline}\n\n{LEAD[lang]}\n\n{entries}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_chronologys_dated_entries_do_not_date_the_page(lang):
    found = find_publication_date(chronology(lang), lang)
    assert found.date == dt.date(2024, 12, 10), found


@pytest.mark.parametrize("lang", LANGS)
def test_a_chronology_without_a_date_of_its_own_is_undated(lang):
    found = find_publication_date(chronology(lang, masthead=False), lang)
    assert found.date is None, found


MONTH_ENTRIES = {
    "ar": ["تشرين الثاني 2012: ", "أيار 2014: ", "كانون الأول 2017: "],
    "fa": ["آبان ۱۳۹۱: ", "اردیبهشت ۱۳۹۳: ", "آذر ۱۳۹۶: "],
    "ru": ["Ноябрь 2012 года: ", "Май 2014 года: ", "Декабрь 2017 года: "],
    "en": ["November 2012: ", "May 2014: ", "December 2017: "],
}


@pytest.mark.parametrize("lang", LANGS)
def test_entries_opened_by_a_month_and_year_do_not_date_the_page(lang):
    """An "Updated:" stamp is no date of the page's, and the entries' months are the
    events': nothing dates it."""
    _, headline = MASTHEAD[lang]
    entries = "".join(f"{m}{ENTRY_TEXT[lang]}\n\n" for m in MONTH_ENTRIES[lang])
    text = f"{headline}\n\nUpdated: Jan 13, 2026, 18:20\n\n{LEAD[lang]}\n\n{entries}"
    assert find_publication_date(text, lang).date is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_pages_own_date_line_under_a_standfirst_still_dates_a_chronology(lang):
    """The page's own date line (a date alone over the lead) after a standfirst, with
    entries headed by years: the page's date, as before."""
    _, headline = MASTHEAD[lang]
    own = ENTRY_DATES[lang][0]
    years = "".join(f"{y}\n{ENTRY_TEXT[lang]}\n\n" for y in ("2011", "2012", "2013"))
    text = f"{headline}\n\n{LEAD[lang]}\n\n{own}\n\n{LEAD[lang]}\n\n{years}"
    assert find_publication_date(text, lang).date == dt.date(2011, 10, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_one_date_line_after_the_lead_is_no_chronology(lang):
    """A single date line after the text (not three entries): an ordinary page, dated by
    it as before."""
    _, headline = MASTHEAD[lang]
    own = ENTRY_DATES[lang][1]
    text = f"{headline}\n\n{own}\n\n{LEAD[lang]}\n\n{ENTRY_TEXT[lang]}\n"
    assert find_publication_date(text, lang).date == dt.date(2012, 2, 7)
