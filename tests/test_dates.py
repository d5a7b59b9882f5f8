"""Publication dates with provenance (diplomap.dates), in ar, fa, ru and en."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplomap.extract.dates import (
    PublicationDate,
    find_publication_date,
    hijri_to_gregorian,
    jalali_to_gregorian,
    parse_date,
)

TODAY = dt.date(2025, 6, 1)
D = dt.date
NONE = PublicationDate(None, "none", None, None, None)
ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"

FILLER = {
    "ar": "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع جميع الأطراف. ",
    "fa": "سرگئی لاوروف وزیر امور خارجه روسیه گفت که مسکو آماده گفتگو با همه طرف‌ها است. ",
    "ru": "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к диалогу. ",
    "en": "Russian Foreign Minister Sergei Lavrov said Moscow was ready for talks with all sides. ",
}
TITLE = {
    "ar": "لافروف يبحث الأوضاع في الشرق الأوسط",
    "fa": "لاوروف درباره خاورمیانه سخن گفت",
    "ru": "Лавров обсудил ситуацию на Ближнем Востоке",
    "en": "Lavrov discusses the Middle East",
}


def expect(text: str, date: dt.date, source: str, precision: str, snippet: str) -> PublicationDate:
    start = text.index(snippet)
    return PublicationDate(date, source, precision, snippet, (start, start + len(snippet)))


# --- parse_date ---------------------------------------------------------------------------

PARSE_CASES = [
    # (lang, expression, expected)
    ("en", "2024-02-13", (D(2024, 2, 13), "day")),
    ("en", "2024-02-13T10:22:00+03:00", (D(2024, 2, 13), "day")),
    ("en", "13th, February 2024 GMT", (D(2024, 2, 13), "day")),
    ("en", "February 13, 2024", (D(2024, 2, 13), "day")),
    ("en", "Feb. 13, 2024 10:00 AM EST", (D(2024, 2, 13), "day")),
    ("en", "13 Feb 2024", (D(2024, 2, 13), "day")),
    ("en", "Tue, 13 Feb 2024 10:00:00 GMT", (D(2024, 2, 13), "day")),
    ("en", "February 2024", (D(2024, 2, 1), "month")),
    ("en", "2024", (D(2024, 1, 1), "year")),
    ("en", "20240213", (D(2024, 2, 13), "day")),
    ("en", "12/03/2021", (D(2021, 12, 3), "day")),  # month first in English slashes
    ("en", "13/03/2021", (D(2021, 3, 13), "day")),  # day first only when unambiguous
    ("en", "13.03.2021", (D(2021, 3, 13), "day")),
    ("ru", "13 февраля 2024 года", (D(2024, 2, 13), "day")),
    ("ru", "13-го февраля 2024 г.", (D(2024, 2, 13), "day")),
    ("ru", "13.02.2024", (D(2024, 2, 13), "day")),
    ("ru", "12/03/2021", (D(2021, 3, 12), "day")),
    ("ru", "в феврале 2024 года", (D(2024, 2, 1), "month")),
    ("ru", "вторник, 13 фев. 2024", (D(2024, 2, 13), "day")),
    ("ar", "25 يناير 2024", (D(2024, 1, 25), "day")),
    ("ar", "3 فبراير/شباط 2021", (D(2021, 2, 3), "day")),
    ("ar", "3 شباط 2021", (D(2021, 2, 3), "day")),
    ("ar", "اليوم الأربعاء 3 فبراير 2021", (D(2021, 2, 3), "day")),
    ("ar", "يوم 25 كانون الثاني 2024", (D(2024, 1, 25), "day")),
    ("ar", "٢٥ كانون الأول ٢٠٢٣", (D(2023, 12, 25), "day")),
    ("ar", "4 تشرين الأول 2023م", (D(2023, 10, 4), "day")),
    ("ar", "١٢ آذار ٢٠٢١", (D(2021, 3, 12), "day")),
    ("ar", "3 فبـراير 2021", (D(2021, 2, 3), "day")),  # tatweel
    ("ar", "فبراير 2021", (D(2021, 2, 1), "month")),
    ("ar", "13 رجب 1445 هـ", (D(2024, 1, 25), "day")),
    ("ar", "1445/07/13 هـ", (D(2024, 1, 25), "day")),
    ("ar", "20 ذو القعدة 1445 هـ", (D(2024, 5, 28), "day")),
    ("fa", "۲۵ دی ۱۴۰۳", (D(2025, 1, 14), "day")),
    ("fa", "سه‌شنبه ۲۵ دی‌ماه ۱۴۰۳", (D(2025, 1, 14), "day")),
    ("fa", "۱۴۰۲/۱۱/۲۴", (D(2024, 2, 13), "day")),
    ("fa", "۲۴/۱۱/۱۴۰۲", (D(2024, 2, 13), "day")),
    ("fa", "۱۴ ژانویه ۲۰۲۵", (D(2025, 1, 14), "day")),
    ("fa", "۱۴ ژانويه ۲۰۲۵", (D(2025, 1, 14), "day")),  # Arabic yeh
    ("fa", "۱۰ ربیع‌الاول ۱۴۴۶ ق", (D(2024, 9, 13), "day")),
    ("fa", "۱۴۰۳/۱۲/۳۰", (D(2025, 3, 20), "day")),  # 1403 is a leap year
    ("fa", "14 دی 1403", (D(2025, 1, 3), "day")),  # Jalali with Latin digits
    ("fa", "۱۴ دی ۱۴۰۳", (D(2025, 1, 3), "day")),
    ("fa", "۱۴۰۳/۱۰/۱۴", (D(2025, 1, 3), "day")),
    ("fa", "1403/10/14", (D(2025, 1, 3), "day")),
    ("fa", "جمعه ۱۴ دی ۱۴۰۳ - ۱۰:۳۰", (D(2025, 1, 3), "day")),
    # the Afghan (Dari) names of the same solar months
    ("fa", "۲۸ میزان ۱۴۰۰", (D(2021, 10, 20), "day")),
    ("fa", "پنجشنبه ۵ حوت ۱۴۰۱", (D(2023, 2, 24), "day")),
    ("fa", "1 حمل 1402", (D(2023, 3, 21), "day")),
    ("fa", "۱۲ جدی ۱۳۹۹", (D(2021, 1, 1), "day")),
    ("ar", "3 كانون الثاني/يناير 2021", (D(2021, 1, 3), "day")),
    ("ar", "الأربعاء 3 شباط/فبراير 2021", (D(2021, 2, 3), "day")),
    ("ar", "اليوم الأربعاء، 3 فبراير 2021", (D(2021, 2, 3), "day")),
    ("en", "5 March 202111:40", (D(2021, 3, 5), "day")),  # date and time glued
    ("ru", "13.02.202410:15", (D(2024, 2, 13), "day")),
    ("en", "2024-02-1310:15", (D(2024, 2, 13), "day")),
    ("ar", "٥ مارس ٢٠٢١١١:٤٠", (D(2021, 3, 5), "day")),
    (None, "۲۵ دی ۱۴۰۳", (D(2025, 1, 14), "day")),
    (None, "۱۴۰۲/۱۱/۲۴", (D(2024, 2, 13), "day")),
    # a Persian day written as an ordinal word, compound ones with space, ZWNJ or nothing
    ("fa", "یکشنبه، بیستم مهرماه ۱۳۹۹", (D(2020, 10, 11), "day")),
    ("fa", "بیست و یکم فروردین ۱۴۰۲", (D(2023, 4, 10), "day")),
    ("fa", "بیست‌ویکم فروردین ۱۴۰۲", (D(2023, 4, 10), "day")),
    ("fa", "سی‌ام آبان ۱۴۰۲", (D(2023, 11, 21), "day")),
    ("fa", "دهم دی‌ماه ۱۴۰۰", (D(2021, 12, 31), "day")),
    ("fa", "اول ژانویه ۲۰۲۴", (D(2024, 1, 1), "day")),
    ("fa", "پانزدهم آبان ۱۴۰۳", (D(2024, 11, 5), "day")),
]


@pytest.mark.parametrize(("lang", "expr", "expected"), PARSE_CASES)
def test_parse_date(lang, expr, expected):
    assert parse_date(expr, lang, today=TODAY) == expected


@pytest.mark.parametrize(
    ("lang", "expr"),
    [
        ("en", "10000-01-01"),
        ("en", "0000-00-00"),
        ("en", "31 February 2024"),
        ("en", "2024-02-30"),
        ("en", "in 123456789 days"),
        ("en", "yesterday"),
        ("en", "12/03/21"),  # two-digit years are never read
        ("fa", "بشار اسد"),  # a Dari month name is a name without its day and year
        ("en", "13 Feb 1985"),  # before 1990
        ("en", "13 Feb 2031"),  # in the future
        ("en", "2025-06-03"),  # today + 2 days
        ("en", ""),
        ("en", "no date here"),
        ("ar", "15 أكتوبر الماضي"),  # no year
        ("ar", "1442 هـ"),  # a Hijri year is not a Gregorian one
        ("ar", "1445/07/13"),  # Hijri-range year without هـ in Arabic
        ("ar", "30 رجب 1445 هـ"),  # Rajab 1445 has 29 days
        ("fa", "۱۴۰۳"),  # a bare Jalali year
        ("fa", "۱۴۰۲/۱۲/۳۰"),  # 1402 is not a leap year
        ("fa", "۲۵ دی ۲۰۲۴"),  # Jalali month, Gregorian year
        ("ru", "13 февраля"),
        ("fa", "سی‌ام اسفند ۱۴۰۱"),  # Esfand 1401 has 29 days
        ("fa", "گزارش دوم ایران ۱۴۰۲"),  # an ordinal before no month
    ],
)
def test_parse_date_rejects(lang, expr):
    assert parse_date(expr, lang, today=TODAY) is None


def test_parse_date_today_boundary():
    assert parse_date("2025-06-02", "en", today=TODAY) == (D(2025, 6, 2), "day")
    assert parse_date("2025-06-03", "en", today=TODAY) is None


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1368, 1, 1), D(1989, 3, 21)),
        ((1375, 12, 30), D(1997, 3, 20)),
        ((1399, 12, 30), D(2021, 3, 20)),
        ((1400, 1, 1), D(2021, 3, 21)),
        ((1402, 11, 24), D(2024, 2, 13)),
        ((1403, 7, 1), D(2024, 9, 22)),
        ((1403, 10, 25), D(2025, 1, 14)),
    ],
)
def test_jalali_conversion(jalali, gregorian):
    assert jalali_to_gregorian(*jalali) == gregorian


def test_calendar_conversions_reject_impossible_dates():
    assert jalali_to_gregorian(1403, 7, 31) is None
    assert jalali_to_gregorian(1403, 13, 1) is None
    assert hijri_to_gregorian(1445, 7, 30) is None
    assert hijri_to_gregorian(1445, 7, 13) == D(2024, 1, 25)


# --- find_publication_date: header ------------------------------------------------------

HEADER_CASES = [
    # (lang, header line, the date text in it, expected date, precision)
    ("ar", "تاريخ النشر: 13th, February 2024 GMT", "13th, February 2024", D(2024, 2, 13), "day"),
    (
        "ar",
        "نشر في: الثلاثاء 13 فبراير 2024 - 10:30",
        "الثلاثاء 13 فبراير 2024",
        D(2024, 2, 13),
        "day",
    ),
    (
        "ar",
        "الأحد، 25 كانون الثاني/يناير 2024",
        "الأحد، 25 كانون الثاني/يناير 2024",
        D(2024, 1, 25),
        "day",
    ),
    ("ar", "13 رجب 1445 هـ", "13 رجب 1445 هـ", D(2024, 1, 25), "day"),
    ("fa", "تاریخ انتشار: ۲۵ دی ۱۴۰۳ - ۱۰:۳۰", "۲۵ دی ۱۴۰۳", D(2025, 1, 14), "day"),
    ("fa", "سه‌شنبه ۲۵ دی ۱۴۰۳", "سه‌شنبه ۲۵ دی ۱۴۰۳", D(2025, 1, 14), "day"),
    ("fa", "۱۴۰۲/۱۱/۲۴ ساعت ۱۰:۳۰", "۱۴۰۲/۱۱/۲۴", D(2024, 2, 13), "day"),
    ("fa", "تاریخ انتشار: ۱۴ ژانویه ۲۰۲۵", "۱۴ ژانویه ۲۰۲۵", D(2025, 1, 14), "day"),
    (
        "ru",
        "Опубликовано: 13 февраля 2024 года, 14:35",
        "13 февраля 2024 года",
        D(2024, 2, 13),
        "day",
    ),
    ("ru", "13.02.2024 14:35", "13.02.2024", D(2024, 2, 13), "day"),
    ("ru", "Дата публикации: февраль 2024", "февраль 2024", D(2024, 2, 1), "month"),
    ("en", "Published: February 13, 2024 10:42 GMT", "February 13, 2024", D(2024, 2, 13), "day"),
    ("en", "Date: 2024-02-13", "2024-02-13", D(2024, 2, 13), "day"),
    ("en", "Published: 2024", "2024", D(2024, 1, 1), "year"),
    ("en", "Tuesday, 13 February 2024", "Tuesday, 13 February 2024", D(2024, 2, 13), "day"),
    # a line in several calendars: its Gregorian date (a Hijri one may be a day off)
    ("ar", "3 شعبان 1445 هـ - 13 فبراير 2024 م", "13 فبراير 2024 م", D(2024, 2, 13), "day"),
    ("ar", "23 شباط 2024 - 13 شعبان 1445", "23 شباط 2024", D(2024, 2, 23), "day"),
    ("fa", "۳ شعبان ۱۴۴۵ - ۱۳ فوریه ۲۰۲۴", "۱۳ فوریه ۲۰۲۴", D(2024, 2, 13), "day"),
    ("fa", "۲۴ بهمن ۱۴۰۲ - ۱۳ فوریه ۲۰۲۴", "۱۳ فوریه ۲۰۲۴", D(2024, 2, 13), "day"),
    # a time zone after the time
    ("ar", "13 فبراير 2024 - 18:40 بتوقيت القدس", "13 فبراير 2024", D(2024, 2, 13), "day"),
    ("fa", "بهمن ۲۴، ۱۴۰۲ ۲۰:۱۵ Asia/Tehran", "بهمن ۲۴، ۱۴۰۲", D(2024, 2, 13), "day"),
    ("fa", "۲۴ بهمن ۱۴۰۲ ساعت ۱۰:۳۰ به وقت تهران", "۲۴ بهمن ۱۴۰۲", D(2024, 2, 13), "day"),
    (
        "ru",
        "13 февраля 2024, 14:35 по московскому времени",
        "13 февраля 2024",
        D(2024, 2, 13),
        "day",
    ),
    ("en", "February 13, 2024 10:42 Moscow time", "February 13, 2024", D(2024, 2, 13), "day"),
    ("en", "13 February 2024 10:42 Europe/Moscow", "13 February 2024", D(2024, 2, 13), "day"),
    # a two-digit year stamped with the time (month first in English)
    ("en", "02/13/24 2:18 PM ET", "02/13/24", D(2024, 2, 13), "day"),
    ("ru", "13.02.24 14:18", "13.02.24", D(2024, 2, 13), "day"),
    # a rubric run into the date
    ("ru", "МИГРАНТЫ13.02.2024 18:36", "13.02.2024", D(2024, 2, 13), "day"),
    ("en", "WORLD13.02.2024 18:36", "13.02.2024", D(2024, 2, 13), "day"),
    ("ar", "13/02/24 14:18", "13/02/24", D(2024, 2, 13), "day"),
    ("fa", "۱۳/۰۲/۲۴ ۱۴:۱۸", "۱۳/۰۲/۲۴", D(2024, 2, 13), "day"),
    # ... or the time before it
    ("ru", "15:41, 13.02.24", "13.02.24", D(2024, 2, 13), "day"),
    ("en", "2:18 PM, 02/13/24", "02/13/24", D(2024, 2, 13), "day"),
    ("ar", "14:18 13/02/24", "13/02/24", D(2024, 2, 13), "day"),
    ("fa", "۱۴:۱۸، ۱۳/۰۲/۲۴", "۱۳/۰۲/۲۴", D(2024, 2, 13), "day"),
]


@pytest.mark.parametrize(("lang", "line", "snippet", "date", "precision"), HEADER_CASES)
def test_header(lang, line, snippet, date, precision):
    text = f"{TITLE[lang]}\n{line}\n{FILLER[lang] * 20}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert got == expect(text, date, "header", precision, snippet)


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_header_beats_older_event_in_body(lang):
    event = {
        "ar": "في 15 أكتوبر الماضي وفي 7 أكتوبر 2023",
        "fa": "در ۱۵ مهر گذشته و در ۱۵ مهر ۱۴۰۲",
        "ru": "15 октября прошлого года и 7 октября 2023 года",
        "en": "on October 15 last year and on 7 October 2023",
    }[lang]
    header = {
        "ar": "تاريخ النشر: 13th, February 2024 GMT",
        "fa": "تاریخ انتشار: ۲۴ بهمن ۱۴۰۲",
        "ru": "Опубликовано: 13.02.2024",
        "en": "Published: 13 February 2024",
    }[lang]
    snippet = {"ar": "13th, February 2024", "fa": "۲۴ بهمن ۱۴۰۲", "ru": "13.02.2024"}.get(
        lang, "13 February 2024"
    )
    text = f"{TITLE[lang]}\n{header}\n{FILLER[lang]}{event}. {FILLER[lang] * 10}"
    got = find_publication_date(text, lang, today=TODAY)
    assert got == expect(text, D(2024, 2, 13), "header", "day", snippet)


def test_published_label_beats_updated_label():
    text = "Title\nUpdated: 14 February 2024\nPublished: 13 February 2024\n" + FILLER["en"] * 5
    got = find_publication_date(text, "en", today=TODAY)
    assert got == expect(text, D(2024, 2, 13), "header", "day", "13 February 2024")


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_updated_line_loses_to_the_dateline(lang):
    updated = {
        "ar": "آخر تحديث: 14/02/2024",
        "fa": "آخرین به‌روزرسانی: ۲۵ بهمن ۱۴۰۲",
        "ru": "Обновлено: 14.02.2024",
        "en": "Updated: 14 February 2024",
    }[lang]
    opening, snippet, date = next((o, s, d) for la, o, s, d in DATELINE_CASES if la == lang)
    text = f"{TITLE[lang]}\n{updated}\n\n{opening}{FILLER[lang]}\n{FILLER[lang] * 10}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert got == expect(text, date, "dateline", "day", snippet)
    assert {c.kind for c in got.date_candidates} == {"updated", "dateline"}


UPDATED_LINES = [
    ("ar", "آخر تحديث: 14/02/2024", "14/02/2024"),
    ("fa", "آخرین به‌روزرسانی: ۲۵ بهمن ۱۴۰۲", "۲۵ بهمن ۱۴۰۲"),
    ("ru", "Обновлено: 14.02.2024", "14.02.2024"),
    ("en", "Updated 02/13/2024", "02/13/2024"),
]


@pytest.mark.parametrize(("lang", "line", "snippet"), UPDATED_LINES)
def test_updated_line_alone_is_no_publication_date(lang, line, snippet):
    """A "last updated" line, below the headline too, says when the page changed, not
    when it was published: recorded as a candidate, never the date."""
    text = f"{TITLE[lang]}\n{line}\n{FILLER[lang] * 20}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert (got.date, got.source) == (None, "none")
    assert [(c.kind, c.text) for c in got.date_candidates] == [("updated", snippet)]


def test_date_label_is_not_an_updated_label():
    text = "Title\nتاريخ التحديث: 14/02/2024\n" + FILLER["ar"] * 5
    got = find_publication_date(text, "ar", today=TODAY)
    assert [c.kind for c in got.date_candidates] == ["updated"]


def test_a_byline_with_a_two_digit_year_and_a_time():
    text = f"{TITLE['en']}\nBY JORDAN MALLOY - 11/27/23 2:18 PM ET\n{FILLER['en'] * 20}"
    assert find_publication_date(text, "en", title=TITLE["en"], today=TODAY).date == D(2023, 11, 27)


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_two_digit_year_without_a_time_is_no_date(lang):
    text = f"{TITLE[lang]}\nThe vote was 11/27/23 then.\n{FILLER[lang] * 20}"
    assert find_publication_date(text, lang, title=TITLE[lang], today=TODAY).date is None


def test_header_value_on_next_line():
    text = "Title\nPublished:\n13 February 2024\n" + FILLER["en"] * 5
    got = find_publication_date(text, "en", today=TODAY)
    assert got == expect(text, D(2024, 2, 13), "header", "day", "13 February 2024")


# --- dateline ---------------------------------------------------------------------------

DATELINE_CASES = [
    ("ar", "موسكو - 3 فبراير/شباط 2021 - ", "3 فبراير/شباط 2021", D(2021, 2, 3)),
    (
        "ar",
        "ناقش لافروف مع الصفدي الأمن في الخليج في موسكو اليوم الأربعاء 3 فبراير/شباط 2021.",
        "الأربعاء 3 فبراير/شباط 2021",
        D(2021, 2, 3),
    ),
    ("fa", "لاوروف امروز سه‌شنبه ۲۵ دی ۱۴۰۳ گفت ", "سه‌شنبه ۲۵ دی ۱۴۰۳", D(2025, 1, 14)),
    ("ru", "МОСКВА, 13 февраля 2024. /ТАСС/. ", "13 февраля 2024", D(2024, 2, 13)),
    ("ru", "Лавров сегодня, 13 февраля 2024 года, заявил ", "13 февраля 2024 года", D(2024, 2, 13)),
    ("en", "MOSCOW, Feb 13, 2024 (Reuters) - ", "Feb 13, 2024", D(2024, 2, 13)),
    (
        "en",
        "Lavrov said today, Tuesday, February 13, 2024, that ",
        "Tuesday, February 13, 2024",
        D(2024, 2, 13),
    ),
]


@pytest.mark.parametrize(("lang", "opening", "snippet", "date"), DATELINE_CASES)
def test_dateline(lang, opening, snippet, date):
    text = f"{TITLE[lang]}\n\n{opening}{FILLER[lang]}\n{FILLER[lang] * 10}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert got == expect(text, date, "dateline", "day", snippet)


def test_yearless_dateline_takes_the_header_year():
    text = "Lavrov in Riyadh\n2024\nRIYADH, Feb 13 (Reuters) - " + FILLER["en"] * 5
    got = find_publication_date(text, "en", today=TODAY)
    assert got == expect(text, D(2024, 2, 13), "dateline", "day", "Feb 13")


def test_yearless_dateline_alone_is_no_date():
    text = "Lavrov in Riyadh\nRIYADH, Feb 13 (Reuters) - " + FILLER["en"] * 5
    assert find_publication_date(text, "en", today=TODAY) == NONE


def test_event_date_in_first_sentence_is_not_a_dateline():
    text = "Title\nOn 7 October 2023 Hamas attacked Israel, Lavrov recalled. " + FILLER["en"]
    got = find_publication_date(text, "en", today=TODAY)
    assert got == expect(text, D(2023, 10, 7), "body", "day", "7 October 2023")


# --- body, none, metadata, boilerplate ------------------------------------------------------

BODY_CASES = [
    (
        "ar",
        "وكان لافروف قد التقى نظيره في 25 يناير 2024 في موسكو.",
        "25 يناير 2024",
        D(2024, 1, 25),
    ),
    ("fa", "لاوروف در ۲۵ دی ۱۴۰۳ با همتای خود دیدار کرد.", "۲۵ دی ۱۴۰۳", D(2025, 1, 14)),
    (
        "ru",
        "Лавров встретился с коллегой 25 января 2024 года.",
        "25 января 2024 года",
        D(2024, 1, 25),
    ),
    (
        "en",
        "Lavrov met his counterpart on January 25, 2024 in Moscow.",
        "January 25, 2024",
        D(2024, 1, 25),
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "snippet", "date"), BODY_CASES)
def test_body_date_is_a_last_resort(lang, sentence, snippet, date):
    text = f"{TITLE[lang]}\n{FILLER[lang] * 30}\n{sentence}\n{FILLER[lang]}"
    got = find_publication_date(text, lang, today=TODAY)
    assert got == expect(text, date, "body", "day", snippet)


NO_DATE_CASES = [
    ("ar", "قدمنا مقترحا في مجلس الأمن في 15 أكتوبر الماضي، وستعقد جولة في 24 و25 يناير."),
    ("ar", "اجتمع الطرفان في فبراير 2021 وفي عام 2020 وصدر القرار رقم 2254."),
    ("fa", "در سال ۱۴۰۲ و در ماه دی و در ۱۵ مهر گذشته، ۲۰۲۴ نفر شرکت کردند."),
    ("ru", "15 октября прошлого года и в 2023 году, а также в феврале 2024 года."),
    ("en", "In 2023, and again on October 15 and in February 2024, 1500 people met."),
]


@pytest.mark.parametrize(("lang", "sentence"), NO_DATE_CASES)
def test_no_publication_date(lang, sentence):
    text = f"{TITLE[lang]}\n{FILLER[lang]}{sentence}\n{FILLER[lang] * 5}"
    assert find_publication_date(text, lang, today=TODAY) == NONE


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_empty_and_dateless(lang):
    assert find_publication_date("", lang, today=TODAY) == NONE
    assert find_publication_date(FILLER[lang] * 3, lang, today=TODAY) == NONE


@pytest.mark.parametrize(
    ("lang", "metadata", "date", "precision"),
    [
        ("en", "2024-02-13T10:22:00Z", D(2024, 2, 13), "day"),
        ("ar", "13th, February 2024 GMT", D(2024, 2, 13), "day"),
        ("fa", "۱۴۰۲/۱۱/۲۴", D(2024, 2, 13), "day"),
        ("ru", "13.02.2024", D(2024, 2, 13), "day"),
    ],
)
def test_metadata_wins(lang, metadata, date, precision):
    text = f"{TITLE[lang]}\nPublished: 1 January 2020\n{FILLER[lang]}"
    got = find_publication_date(text, lang, metadata=metadata, today=TODAY)
    assert got == PublicationDate(date, "metadata", precision, metadata, None)


def test_unparseable_metadata_is_ignored():
    text = "Title\nPublished: 1 January 2020\n" + FILLER["en"]
    got = find_publication_date(text, "en", metadata="not a date", today=TODAY)
    assert got == expect(text, D(2020, 1, 1), "header", "day", "1 January 2020")


def test_dates_in_boilerplate_are_ignored():
    related = "Related: Lavrov in Cairo, 12 March 2023\n"
    text = f"Title\n{related}{FILLER['en'] * 3}\nLavrov spoke on 5 May 2024 in Moscow."
    start = text.index(related)
    got = find_publication_date(
        text, "en", boilerplate=[(start, start + len(related))], today=TODAY
    )
    assert got == expect(text, D(2024, 5, 5), "body", "day", "5 May 2024")
    assert find_publication_date(text, "en", today=TODAY).date == D(2023, 3, 12)


def test_future_and_ancient_dates_are_never_chosen():
    text = "Title\nPublished: 13 February 2031\n" + FILLER["en"] + "In 1985-02-13 nothing. "
    assert find_publication_date(text, "en", today=TODAY) == NONE


def test_hostile_text_does_not_crash():
    text = "9" * 5000 + " 31/31/2024 2024-13-45 ٣١ فبراير ٢٠٢٤ \x00\u200f" + "ـ" * 300
    assert find_publication_date(text, "ar", today=TODAY) == NONE


# --- the bundled articles and speed ---------------------------------------------------------


def test_bundled_articles():
    files = {p.name[:3]: p for p in sorted(ARTICLES.glob("*.txt"))}
    lang = {"000": "fa", "001": "ar", "002": "fa", "003": "ar", "004": "ar"}
    got = {
        k: find_publication_date(files[k].read_text(encoding="utf-8"), lang[k], today=TODAY)
        for k in lang
    }
    for k in ("000", "001", "002"):
        assert got[k] == NONE
    assert (got["003"].date, got["003"].source, got["003"].precision) == (
        D(2024, 2, 13),
        "header",
        "day",
    )
    assert "أكتوبر" not in (got["003"].text or "")
    assert (got["004"].date, got["004"].source, got["004"].precision) == (
        D(2021, 2, 3),
        "dateline",
        "day",
    )
    text = files["003"].read_text(encoding="utf-8")
    start, end = got["003"].span
    assert text[start:end] == got["003"].text


AMBIGUOUS_SLASHES = [
    # (lang, story, expected): "07/12/2024" is 7 December (a Saturday) or July 12 (a Friday)
    ("en", "Russia and Iran called on Saturday for an end to hostilities.", D(2024, 12, 7)),
    ("en", "Russia and Iran called on Friday for an end to hostilities.", D(2024, 7, 12)),
    ("en", "Russia and Iran called for an end to hostilities.", D(2024, 7, 12)),
    ("en", "The ministers will meet again on Sunday.", D(2024, 7, 12)),
    ("ru", "Россия и Иран в субботу призвали прекратить боевые действия.", D(2024, 12, 7)),
    ("ar", "دعت روسيا وإيران يوم الجمعة إلى وقف الأعمال القتالية.", D(2024, 12, 7)),
    ("fa", "روسیه و ایران روز جمعه خواستار توقف درگیری‌ها شدند.", D(2024, 12, 7)),
]


@pytest.mark.parametrize(("lang", "story", "date"), AMBIGUOUS_SLASHES)
def test_an_ambiguous_english_slash_date_falls_on_the_storys_weekday(lang, story, date):
    """English slashes are month first unless the story's own "on Saturday" fits only
    the other reading (a story is published on its day or soon after); the other
    languages write the day first."""
    text = f"{TITLE[lang]}\nIssued on: 07/12/2024 - 17:25\n\n{story} {FILLER[lang] * 10}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert (got.date, got.source) == (date, "header")


@pytest.mark.parametrize(
    ("story", "date"),
    [
        ("Israel on Monday summoned Russia's ambassador.", D(2022, 5, 2)),
        ("Israel on Saturday summoned Russia's ambassador.", D(2022, 2, 5)),
        ("Israel summoned Russia's ambassador.", D(2022, 2, 5)),
    ],
)
def test_an_english_dashed_date_is_day_first_unless_the_story_says_otherwise(story, date):
    """ "05-02-2022" is 5 February (day first, as dashes are written), unless only 2 May
    falls on the story's "on Monday" (Israel Hayom writes month first)."""
    text = f"{TITLE['en']}\nPublished on 05-02-2022 10:30\n\n{story} {FILLER['en'] * 10}"
    got = find_publication_date(text, "en", title=TITLE["en"], today=TODAY)
    assert (got.date, got.source) == (date, "header")


AMBIGUOUS_WITH_DATELINE = [
    # (story, expected): the wire dateline's month and day decide "07/12/2024"
    ("KUALA LUMPUR, Dec 7 (Bernama) -- Russia and Iran called for calm.", D(2024, 12, 7)),
    ("LONDON, 7 December (Reuters) - Russia and Iran called for calm.", D(2024, 12, 7)),
    ("NEW DELHI, July 12 (PTI): Russia and Iran called for calm.", D(2024, 7, 12)),
    ("ISLAMABAD - Russia and Iran called for calm on Saturday.", D(2024, 12, 7)),
    ("Moscow, Dec 7 - Russia and Iran called for calm.", D(2024, 7, 12)),
]


@pytest.mark.parametrize(("story", "date"), AMBIGUOUS_WITH_DATELINE)
def test_an_english_wire_dateline_decides_an_ambiguous_slash_date(story, date):
    """ "10/07/2025" above "KUALA LUMPUR, July 10 (Bernama) --" is July 10; a dateline needs
    its city in capitals, as wires write it."""
    text = f"{TITLE['en']}\nIssued on: 07/12/2024 - 17:25\n\n{story} {FILLER['en'] * 10}"
    got = find_publication_date(text, "en", title=TITLE["en"], today=TODAY)
    assert (got.date, got.source) == (date, "header")


TWO_DIGIT_YEARS = [
    ("en", "Published: 10.27.23, 14:32", "10.27.23", D(2023, 10, 27)),
    ("en", "Published: 03.04.23", "03.04.23", D(2023, 3, 4)),
    ("ru", "Опубликовано: 27.10.23, 14:32", "27.10.23", D(2023, 10, 27)),
    ("ar", "تاريخ النشر: 27/10/23", "27/10/23", D(2023, 10, 27)),
    ("fa", "تاریخ انتشار: 27/10/23", "27/10/23", D(2023, 10, 27)),
]


@pytest.mark.parametrize(("lang", "line", "snippet", "date"), TWO_DIGIT_YEARS)
def test_a_labelled_date_with_a_two_digit_year(lang, line, snippet, date):
    """After a published label a two-digit year is read (month first in English when it
    can be); without a label it is never a date."""
    text = f"{TITLE[lang]}\n{line}\n{FILLER[lang] * 20}"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert (got.date, got.source, got.text) == (date, "header", snippet)
    bare = f"{TITLE[lang]}\n{snippet}\n{FILLER[lang] * 20}"
    assert find_publication_date(bare, lang, title=TITLE[lang], today=TODAY).date is None


WEATHER_CLOCKS = [
    ("ar", "بغداد 21:07 | الأحد 14 أيلول 2024 | 38° م", "الثلاثاء 8 كانون الأول 2015 - 19:20"),
    ("fa", "تهران ۲۱:۰۷ | یکشنبه ۲۴ شهریور ۱۴۰۳ | ۳۸ درجه سانتیگراد", "۱۷ آذر ۱۳۹۴ - ۱۹:۲۰"),
    ("ru", "Москва 21:07 | Воскресенье, 14 сентября 2024 | +18 °C", "8 декабря 2015, 19:20"),
    ("en", "Baghdad 21:07 | Sunday 14 September 2024 | 38°C", "8 December 2015 - 19:20"),
]


@pytest.mark.parametrize(("lang", "widget", "date_line"), WEATHER_CLOCKS)
def test_a_date_beside_the_weather_is_the_sites_clock(lang, widget, date_line):
    """A site's clock-and-weather line is never the article's date, also when no headline
    is known to put it above the article."""
    text = f"{widget}\n\n{TITLE[lang]}\n\n{date_line}\n\n{FILLER[lang] * 10}"
    assert find_publication_date(text, lang, today=TODAY).date == D(2015, 12, 8)
    alone = f"{widget}\n\n{TITLE[lang]}\n\n{FILLER[lang] * 10}"
    assert find_publication_date(alone, lang, today=TODAY).date is None


PRINT_FOOTERS = {
    "fa": (
        "این مطلب در شماره ۵۱۲۴ روزنامه، سه‌شنبه ۲۴ بهمن ۱۴۰۲، صفحه ۴ منتشر شده است.",
        "۲۴ بهمن ۱۴۰۲",
    ),
    "ar": ("نُشر في العدد 1234 من الصحيفة بتاريخ 13 فبراير 2024.", "13 فبراير 2024"),
    "ru": ("Опубликовано в номере №45 от 13 февраля 2024 года.", "13 февраля 2024"),
    "en": ("This article appeared in the print edition of February 13, 2024.", "February 13, 2024"),
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_the_print_editions_footer_dates_a_page_without_a_date_line(lang):
    """A site clock above is no date; the footer naming the print issue is."""
    footer, snippet = PRINT_FOOTERS[lang]
    text = f"{TITLE[lang]}\n{FILLER[lang] * 20}\n{footer}\n"
    got = find_publication_date(text, lang, title=TITLE[lang], today=TODAY)
    assert (got.date, got.source) == (D(2024, 2, 13), "header")
    assert snippet in got.text


YEARLESS = {  # (the date line without a year, an older event in the body, the same day)
    "ar": ("الثلاثاء 13 فبراير - 12:15", "في 9 نوفمبر 2020", "في 13 فبراير 2024"),
    "fa": ("سه‌شنبه ۲۴ بهمن - ۱۲:۱۵", "در ۹ نوامبر ۲۰۲۰", "در ۲۴ بهمن ۱۴۰۲"),
    "ru": ("Вторник, 13 февраля, 12:15", "9 ноября 2020 года", "13 февраля 2024 года"),
    "en": ("Tuesday, February 13, 12:15", "on November 9, 2020", "on February 13, 2024"),
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_date_line_without_a_year(lang):
    """The page's own date line has no year: an older date in the body does not date it
    (null), the body's date of that very day does."""
    line, older, same = YEARLESS[lang]
    text = f"{TITLE[lang]}\n{line}\n{FILLER[lang]} {older}. {FILLER[lang] * 5}\n"
    assert find_publication_date(text, lang, title=TITLE[lang], today=TODAY).date is None
    text = f"{TITLE[lang]}\n{line}\n{FILLER[lang]} {same}. {FILLER[lang] * 5}\n"
    assert find_publication_date(text, lang, title=TITLE[lang], today=TODAY).date == D(2024, 2, 13)
