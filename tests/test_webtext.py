"""Dates, titles and boilerplate on real web text, in ar, fa, ru and en.

A page copied from the web carries its site's furniture above and around the article: a
running clock, "today" and "last updated" lines, breadcrumbs, tag lines, numbered
"read also" lists. The fixtures are built here from parts, and each test states what
must and must not come out: the article's own date (never the clock's), the headline as
the title (never a breadcrumb or a clock), furniture cut without the headline or the date
line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomap.extract.boilerplate import find_boilerplate, is_breadcrumb
from diplomap.extract.dates import CANDIDATE_KINDS, find_publication_date, parse_date
from diplomap.ingest import detect_title, html_title, read_bytes
from diplomap.navigation import breadcrumb_kind

LANGS = ["ar", "fa", "ru", "en"]
TODAY = dt.date(2026, 11, 30)  # the day the pages were saved: their clocks show it
CLOCK_DATE = TODAY
ARTICLE_DATE = dt.date(2021, 3, 3)
D = dt.date

# --- the parts of a page -------------------------------------------------------------------

CLOCK = {  # the site's running clock, at the top of every page
    "ar": "الاثنين 30 نوفمبر 2026 - 14:05",
    "fa": "دوشنبه ۹ آذر ۱۴۰۵ - ۱۴:۰۵",
    "ru": "Понедельник, 30 ноября 2026, 14:05",
    "en": "Monday, 30 November 2026 14:05",
}
UPDATED = {  # the site's "last updated" line
    "ar": "آخر تحديث: الاثنين 30 نوفمبر 2026 - 14:05",
    "fa": "به‌روز شده در ۹ آذر ۱۴۰۵ - ۱۴:۰۵",
    "ru": "Обновлено 30.11.2026 14:05",
    "en": "Updated: 30 November 2026, 14:05 GMT",
}
TODAY_LINE = {  # "today is ..."
    "ar": "اليوم الاثنين 30 نوفمبر 2026",
    "fa": "تاریخ: امروز دوشنبه ۹ آذر ۱۴۰۵",
    "ru": "Сегодня, 30 ноября 2026 года",
    "en": "Today is Monday, 30 November 2026",
}
BREADCRUMB = {
    "ar": "الرئيسية > سياسة > عربي ودولي",
    "fa": "خانه / سیاست / بین‌الملل",
    "ru": "Главная / В мире / Ближний Восток",
    "en": "Home > World > Middle East",
}
HEADLINE = {
    "ar": "لافروف يبحث مع الصفدي الأوضاع في سوريا",
    "fa": "لاوروف: روسیه آماده گفت‌وگو درباره سوریه است",
    "ru": "Лавров обсудил с Сафади ситуацию в Сирии",
    "en": "Lavrov discusses Syria with Safadi",
}
PUBLISHED = {  # the article's own date line: (line, the date text in it)
    "ar": ("تاريخ النشر: 3 مارس 2021", "3 مارس 2021"),
    "fa": ("منتشر شده در ۱۳ اسفند ۱۳۹۹", "۱۳ اسفند ۱۳۹۹"),
    "ru": ("Опубликовано: 03.03.2021 10:15", "03.03.2021"),
    "en": ("Published: 3 March 2021", "3 March 2021"),
}
DATELINE = {  # the article's own dateline: (opening, the date text in it)
    "ar": ("موسكو - 3 مارس/آذار 2021 - ", "3 مارس/آذار 2021"),
    "fa": ("مسکو - ۱۳ اسفند ۱۳۹۹ - ", "۱۳ اسفند ۱۳۹۹"),
    "ru": ("МОСКВА, 3 марта 2021. /ТАСС/. ", "3 марта 2021"),
    "en": ("MOSCOW, March 3, 2021 (Reuters) - ", "March 3, 2021"),
}
BODY = {
    "ar": "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدعم الحوار بين جميع الأطراف في "
    "سوريا، وإن الحل السياسي هو الطريق الوحيد للخروج من الأزمة.",
    "fa": "سرگئی لاوروف وزیر امور خارجه روسیه گفت مسکو از گفت‌وگو میان همه طرف‌ها در سوریه "
    "حمایت می‌کند و راه‌حل سیاسی تنها راه خروج از بحران است.",
    "ru": "Министр иностранных дел России Сергей Лавров заявил, что Москва поддерживает диалог "
    "всех сторон в Сирии и что политическое решение остается единственным выходом.",
    "en": "Russian Foreign Minister Sergei Lavrov said Moscow supported a dialogue between all "
    "sides in Syria and that a political solution was the only way out of the crisis.",
}
# the body gives a weekday and a day, but no year (3 March 2026 was a Tuesday)
WEEKDAY_BODY = {
    "ar": "قال وزير الخارجية الروسي سيرغي لافروف يوم الثلاثاء 3 مارس إن موسكو تدعم الحوار "
    "بين جميع الأطراف في سوريا.",
    "fa": "سرگئی لاوروف وزیر امور خارجه روسیه روز سه‌شنبه ۱۲ اسفند گفت مسکو از گفت‌وگو میان "
    "همه طرف‌ها در سوریه حمایت می‌کند.",
    "ru": "Во вторник, 3 марта, министр иностранных дел России Сергей Лавров заявил, что Москва "
    "поддерживает диалог всех сторон в Сирии.",
    "en": "Russian Foreign Minister Sergei Lavrov said on Tuesday, 3 March, that Moscow "
    "supported a dialogue between all sides in Syria.",
}
WEEKDAY_DATE = D(2026, 3, 3)
NEXT_DAY_LINE = {  # a date line that fits the weekday: the day after, 4 March 2026
    "ar": "الأربعاء 4 مارس 2026",
    "fa": "چهارشنبه ۱۳ اسفند ۱۴۰۴",
    "ru": "Среда, 4 марта 2026",
    "en": "Wednesday, 4 March 2026",
}
OLD_EVENT = {  # a full date in the body that is an older event, not the publication
    "ar": "وذكّر بالاتفاق الموقع في 5 مايو 2020 في أستانا.",
    "fa": "وی به توافق ۵ مه ۲۰۲۰ در آستانه اشاره کرد.",
    "ru": "Он напомнил о соглашении, подписанном 5 мая 2020 года в Астане.",
    "en": "He recalled the agreement signed on 5 May 2020 in Astana.",
}
MORE = {
    "ar": "وأضاف أن بلاده ستواصل العمل مع شركائها في المنطقة من أجل التوصل إلى تسوية دائمة.",
    "fa": "وی افزود که کشورش به همکاری با شرکای منطقه‌ای برای رسیدن به راه‌حلی پایدار ادامه می‌دهد.",
    "ru": "Он добавил, что Россия продолжит работу с партнерами в регионе ради прочного "
    "урегулирования.",
    "en": "He added that Russia would keep working with its partners in the region towards a "
    "lasting settlement.",
}


def page(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def date_of(text: str, lang: str, title: str = "") -> dt.date | None:
    return find_publication_date(text, lang, title=title, today=TODAY).date


def kinds(text: str, lang: str, title: str = "") -> dict[dt.date, set[str]]:
    out: dict[dt.date, set[str]] = {}
    for c in find_publication_date(text, lang, title=title, today=TODAY).date_candidates:
        out.setdefault(c.date, set()).add(c.kind)
    return out


# --- dates: the clock is never the publication date ----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("top", ["clock", "updated", "today"])
def test_site_clock_loses_to_the_published_line(lang, top):
    furniture = {"clock": CLOCK, "updated": UPDATED, "today": TODAY_LINE}[top][lang]
    line, snippet = PUBLISHED[lang]
    text = page(furniture, BREADCRUMB[lang], HEADLINE[lang], line, BODY[lang], MORE[lang])
    got = find_publication_date(text, lang, title=HEADLINE[lang], today=TODAY)
    assert (got.date, got.source, got.text) == (ARTICLE_DATE, "header", snippet)
    found = {(c.date, c.kind) for c in got.date_candidates}
    assert (CLOCK_DATE, "clock") in found
    assert (ARTICLE_DATE, "published") in found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("top", ["clock", "updated", "today"])
def test_site_clock_loses_to_the_dateline(lang, top):
    furniture = {"clock": CLOCK, "updated": UPDATED, "today": TODAY_LINE}[top][lang]
    opening, snippet = DATELINE[lang]
    text = page(furniture, BREADCRUMB[lang], HEADLINE[lang], opening + BODY[lang], MORE[lang])
    got = find_publication_date(text, lang, today=TODAY)
    assert (got.date, got.source, got.text) == (ARTICLE_DATE, "dateline", snippet)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("top", ["clock", "updated", "today"])
@pytest.mark.parametrize("title", [True, False])
def test_site_clock_alone_is_no_date(lang, top, title):
    furniture = {"clock": CLOCK, "updated": UPDATED, "today": TODAY_LINE}[top][lang]
    text = page(furniture, BREADCRUMB[lang], HEADLINE[lang], BODY[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang] if title else "") is None
    assert kinds(text, lang)[CLOCK_DATE] == {"clock"}


@pytest.mark.parametrize("lang", LANGS)
def test_live_clock_just_above_the_headline_is_no_date(lang):
    text = page(CLOCK[lang], HEADLINE[lang], BODY[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang]) is None


@pytest.mark.parametrize("lang", LANGS)
def test_clock_in_the_header_and_a_date_line_under_the_headline(lang):
    text = page(CLOCK[lang], HEADLINE[lang], NEXT_DAY_LINE[lang], BODY[lang])
    assert date_of(text, lang) == D(2026, 3, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_an_older_date_line_above_the_headline_still_counts(lang):
    # a date just above the headline (as news agencies print it) is the article's own
    # when nothing contradicts it
    line, _snippet = PUBLISHED[lang]
    value = line.split(":", 1)[-1].replace("منتشر شده در", "").strip()
    text = page(value, HEADLINE[lang], BODY[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang]) == ARTICLE_DATE


HEADING_DATE = {  # the Foreign Ministry dates its transcripts at the end of the heading
    "ar": ("كلمة وزير الخارجية سيرغي لافروف في مؤتمر صحفي، القاهرة، 3 مارس 2021", "3 مارس 2021"),
    "fa": ("سخنان سرگئی لاوروف در نشست خبری، تهران، ۱۳ اسفند ۱۳۹۹", "۱۳ اسفند ۱۳۹۹"),
    "ru": ("Интервью С.В.Лаврова агентству «Арабия», 3 марта 2021 года", "3 марта 2021 года"),
    "en": ("Foreign Minister Sergey Lavrov's interview with Levant TV, Moscow, March 3, 2021",
           "March 3, 2021"),
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_date_closing_the_heading(lang):
    heading, snippet = HEADING_DATE[lang]
    text = page(heading, "", BODY[lang], OLD_EVENT[lang], MORE[lang])
    got = find_publication_date(text, lang, title=heading, today=TODAY)
    assert (got.date, got.text) == (ARTICLE_DATE, snippet)
    assert [c.kind for c in got.date_candidates] == ["headline"]


def test_dateline_alone_on_its_line_beats_the_updated_line():
    text = page(
        HEADLINE["en"],
        "By Jane Doe and John Roe",
        "MOSCOW/UNITED NATIONS, Nov. 18, 2025",
        "Updated Nov. 19, 2025 7:02 a.m. ET",
        BODY["en"],
    )
    got = find_publication_date(text, "en", today=TODAY)
    assert (got.date, got.source, got.text) == (D(2025, 11, 18), "dateline", "Nov. 18, 2025")


@pytest.mark.parametrize(
    ("lang", "line", "snippet"),
    [
        ("ru", "14:35 13.02.2024 (обновлено: 10:00 14.02.2024)", "13.02.2024"),
        ("ar", "13 فبراير 2024 - 14:35 (آخر تحديث: 14 فبراير 2024)", "13 فبراير 2024"),
        ("fa", "۲۴ بهمن ۱۴۰۲، ۱۴:۳۵ - به‌روزرسانی: ۲۵ بهمن ۱۴۰۲", "۲۴ بهمن ۱۴۰۲"),
        ("en", "13 February 2024, 14:35 (updated 14 February 2024)", "13 February 2024"),
        ("ru", "13 февраля 2024, вторник", "13 февраля 2024"),
    ],
)
def test_date_line_with_its_update_time(lang, line, snippet):
    text = page(HEADLINE[lang], line, BODY[lang])
    got = find_publication_date(text, lang, title=HEADLINE[lang], today=TODAY)
    assert (got.date, got.text) == (D(2024, 2, 13), snippet)


# --- dates: a weekday and a day without a year -------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_weekday_and_day_without_year_is_null(lang):
    text = page(CLOCK[lang], BREADCRUMB[lang], HEADLINE[lang], WEEKDAY_BODY[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang]) is None


@pytest.mark.parametrize("lang", LANGS)
def test_weekday_and_day_veto_contradicting_dates(lang):
    # a year-old date line under the headline, or an older event in the body, cannot be
    # the date of an article that says "on Tuesday, 3 March"
    year_ago = {
        "ar": "الأحد 30 نوفمبر 2025",
        "fa": "یکشنبه ۹ آذر ۱۴۰۴",
        "ru": "Воскресенье, 30 ноября 2025",
        "en": "Sunday, 30 November 2025",
    }[lang]
    text = page(HEADLINE[lang], year_ago, WEEKDAY_BODY[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang]) is None
    text = page(HEADLINE[lang], WEEKDAY_BODY[lang] + " " + OLD_EVENT[lang], MORE[lang])
    assert date_of(text, lang, HEADLINE[lang]) is None


@pytest.mark.parametrize("lang", LANGS)
def test_weekday_and_day_with_the_year_in_the_text(lang):
    text = page(CLOCK[lang], HEADLINE[lang], NEXT_DAY_LINE[lang], WEEKDAY_BODY[lang])
    got = find_publication_date(text, lang, title=HEADLINE[lang], today=TODAY)
    assert got.date == D(2026, 3, 4)
    assert got.date - WEEKDAY_DATE == dt.timedelta(days=1)


# --- dates: date and time run together ----------------------------------------------------------

GLUED = [
    ("en", "5 March 202111:40", D(2021, 3, 5)),
    ("en", "March 5, 202111:40", D(2021, 3, 5)),
    ("en", "2024-02-1310:15", D(2024, 2, 13)),
    ("ru", "13.02.202410:15", D(2024, 2, 13)),
    ("ru", "13 февраля 202410:15", D(2024, 2, 13)),
    ("ar", "3 فبراير 202111:40", D(2021, 2, 3)),
    ("ar", "١٣/٠٢/٢٠٢٤١٠:١٥", D(2024, 2, 13)),
    ("fa", "۱۴۰۳/۱۰/۱۴۱۰:۱۵", D(2025, 1, 3)),
    ("fa", "۱۴ دی ۱۴۰۳۱۰:۱۵", D(2025, 1, 3)),
    ("fa", "14 دی 140310:15", D(2025, 1, 3)),
]


@pytest.mark.parametrize(("lang", "expr", "date"), GLUED)
def test_date_and_time_glued_together(lang, expr, date):
    assert parse_date(expr, lang, today=TODAY) == (date, "day")
    text = page(HEADLINE[lang], expr, BODY[lang])
    got = find_publication_date(text, lang, title=HEADLINE[lang], today=TODAY)
    assert (got.date, got.source) == (date, "header")


# --- dates: the candidates ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_candidates_record_every_date_with_its_kind(lang):
    opening, _ = DATELINE[lang]
    line, _ = PUBLISHED[lang]
    text = page(
        UPDATED[lang], BREADCRUMB[lang], HEADLINE[lang], line, opening + BODY[lang], MORE[lang]
    )
    got = find_publication_date(text, lang, metadata="2021-03-04", today=TODAY)
    assert got.source == "metadata"
    cands = got.date_candidates
    assert [c.kind for c in cands] == ["metadata", "clock", "published", "dateline"]
    assert all(c.kind in CANDIDATE_KINDS for c in cands)
    for c in cands[1:]:
        assert text[c.span[0] : c.span[1]] == c.text
    assert cands[2].as_dict() == {
        "date": "2021-03-03",
        "kind": "published",
        "precision": "day",
        "text": PUBLISHED[lang][1],
    }


# --- titles -------------------------------------------------------------------------------------

ABOVE_THE_HEADLINE = {
    "ar": ["14:05", CLOCK["ar"], BREADCRUMB["ar"], "ذات صلة:", "لافروف:"],
    "fa": [TODAY_LINE["fa"], "خانه » سیاسی", "چرا مهم است:", "لاوروف:"],
    "ru": ["Сегодня, 30 ноября", "14:05", BREADCRUMB["ru"], "Главное:", "Лавров:"],
    "en": [UPDATED["en"], BREADCRUMB["en"], "Related:", "Lavrov:"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_title_is_the_headline_below_the_furniture(lang):
    text = page(*ABOVE_THE_HEADLINE[lang], HEADLINE[lang], PUBLISHED[lang][0], BODY[lang])
    assert detect_title(text) == HEADLINE[lang]
    [article] = read_bytes(f"{lang}.txt", text.encode()).articles
    assert article.title == HEADLINE[lang]
    assert article.text == text.rstrip("\n")


@pytest.mark.parametrize(
    ("lang", "furniture"), [(lang, line) for lang in LANGS for line in ABOVE_THE_HEADLINE[lang]]
)
def test_furniture_alone_is_never_the_title(lang, furniture):
    assert detect_title(page(furniture, BODY[lang])) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_related_line_is_not_the_title(lang):
    related = {
        "ar": "اقرأ أيضا: السيسي يستقبل وزير خارجية قطر",
        "fa": "بیشتر بخوانید: سفر وزیر خارجه قطر به تهران",
        "ru": "Читайте также: Путин провел переговоры с президентом Египта",
        "en": "Related: Erdogan visits Qatar",
    }[lang]
    assert detect_title(page(related, HEADLINE[lang], BODY[lang])) == HEADLINE[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", ["breadcrumb", "clock", "label"])
def test_html_title_falls_back_to_the_headline(lang, bad):
    title = {"breadcrumb": BREADCRUMB, "clock": CLOCK, "label": {lang: "Lavrov:"}}[bad][lang]
    html = f"<h1>{BREADCRUMB[lang]}</h1><h1 class='title'>{HEADLINE[lang]}</h1>"
    assert html_title(title, html, BODY[lang]) == HEADLINE[lang]
    assert html_title(HEADLINE[lang], "", BODY[lang]) == HEADLINE[lang]
    text = page(HEADLINE[lang], BODY[lang])
    assert html_title(title, "<p>no heading</p>", text) == HEADLINE[lang]


def test_html_page_title_skips_a_breadcrumb_heading():
    html = (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"></head><body>'
        f"<header><h1>{BREADCRUMB['ru']}</h1></header><main><article>"
        f"<h2>{HEADLINE['ru']}</h2><p>{BODY['ru']}</p><p>{MORE['ru']}</p>"
        "</article></main></body></html>"
    )
    [article] = read_bytes("p.html", html.encode()).articles
    assert article.title == HEADLINE["ru"]


# --- boilerplate ---------------------------------------------------------------------------------


def remaining(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        last = b
    return "".join(out) + text[last:]


def cut(text: str, spans: list[tuple[int, int]]) -> str:
    return "\n".join(text[a:b] for a, b in spans)


TAGS = {
    "ar": "الوسوم: روسيا، السودان، الصين",
    "fa": "برچسب‌ها: لاوروف، روسیه، مصر، ژاپن",
    "ru": "Теги: Сирия, Турция, Лавров, Япония",
    "en": "Tags: Lavrov, Sudan, Japan",
}
KEYWORDS = {
    "ar": "كلمات دلالية: لافروف الكويت",
    "fa": "کلیدواژه‌ها: ونزوئلا، چین",
    "ru": "Темы: Ближний Восток, Катар",
    "en": "Topics: Venezuela, China",
}
READ_ALSO_INLINE = {
    "ar": "اقرأ أيضا: السيسي يستقبل وزير خارجية قطر في القاهرة",
    "fa": "بیشتر بخوانید: سفر وزیر خارجه قطر به تهران",
    "ru": "Читайте также: Путин провел переговоры с президентом Египта",
    "en": "Read also: Erdogan visits Qatar for talks on gas",
}
SUBSCRIBE = {
    "ar": "تابعونا على تلغرام",
    "fa": "عضو کانال تلگرام ما شوید",
    "ru": "Подписывайтесь на РИА Новости в Telegram",
    "en": "Follow us on Telegram",
}
NUMBERED = {  # related headlines, numbered, naming other countries
    "ar": ["1. أمير الكويت يستقبل وزير خارجية عمان", "2. ترامب يهاجم الصين"],
    "fa": ["۱- سفر وزیر خارجه قطر به تهران", "۲- دیدار رئیس‌جمهور ونزوئلا با پوتین"],
    "ru": ["1. Лавров встретился с министром Катара", "2. Захарова ответила Японии"],
    "en": ["1. Kuwait emir receives Omani minister", "2. Venezuela's president meets Putin"],
}
RELATED_HEADING = {
    "ar": "أخبار ذات صلة",
    "fa": "خبرهای مرتبط",
    "ru": "Новости по теме",
    "en": "Related news",
}
OTHER_COUNTRIES = {
    "ar": ["السودان", "الصين", "الكويت", "قطر", "عمان"],
    "fa": ["مصر", "ژاپن", "ونزوئلا", "چین", "قطر"],
    "ru": ["Турция", "Япони", "Катар", "Египта", "Ближний Восток"],
    "en": ["Sudan", "Japan", "Venezuela", "China", "Qatar", "Kuwait", "Middle East"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_web_page_furniture_is_cut_and_the_article_kept(lang):
    line, _ = PUBLISHED[lang]
    text = page(
        BREADCRUMB[lang],
        HEADLINE[lang],
        line,
        BODY[lang],
        READ_ALSO_INLINE[lang],
        MORE[lang],
        TAGS[lang],
        KEYWORDS[lang],
        SUBSCRIBE[lang],
        *NUMBERED[lang],
    )
    spans = find_boilerplate(text, lang)
    rest, gone = remaining(text, spans), cut(text, spans)
    for kept in (HEADLINE[lang], line, BODY[lang], MORE[lang]):
        assert kept in rest
    for furniture in (BREADCRUMB[lang], TAGS[lang], KEYWORDS[lang], SUBSCRIBE[lang]):
        assert furniture in gone
    for name in OTHER_COUNTRIES[lang]:
        assert name not in rest, name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("block", ["tags", "read_also", "numbered"])
def test_block_above_the_headline_keeps_the_headline_and_the_date_line(lang, block):
    line, _ = PUBLISHED[lang]
    furniture = {
        "tags": [TAGS[lang]],
        "read_also": [RELATED_HEADING[lang] + ":", READ_ALSO_INLINE[lang].split(":", 1)[1]],
        "numbered": [RELATED_HEADING[lang], *NUMBERED[lang]],
    }[block]
    for title in ("", HEADLINE[lang]):
        text = page(*furniture, HEADLINE[lang], line, BODY[lang], MORE[lang])
        spans = find_boilerplate(text, lang, title=title)
        rest, gone = remaining(text, spans), cut(text, spans)
        assert furniture[0] in gone
        assert HEADLINE[lang] in rest and line in rest
        assert HEADLINE[lang] not in gone and line not in gone
        for name in OTHER_COUNTRIES[lang]:
            assert name not in rest, name
        got = find_publication_date(text, lang, boilerplate=spans, today=TODAY)
        assert got.date == ARTICLE_DATE


@pytest.mark.parametrize("lang", LANGS)
def test_published_line_after_the_tags_is_kept(lang):
    line, _ = PUBLISHED[lang]
    text = page(HEADLINE[lang], BODY[lang], MORE[lang], TAGS[lang], line, *NUMBERED[lang])
    spans = find_boilerplate(text, lang)
    rest = remaining(text, spans)
    assert line in rest and TAGS[lang] not in rest
    for item in NUMBERED[lang]:
        assert item not in rest
    assert find_publication_date(text, lang, boilerplate=spans, today=TODAY).date == ARTICLE_DATE


@pytest.mark.parametrize("lang", LANGS)
def test_the_articles_own_numbered_list_is_kept(lang):
    intro = {
        "ar": "وعدد لافروف شروط موسكو:",
        "fa": "لاوروف شرایط مسکو را برشمرد:",
        "ru": "Лавров перечислил условия Москвы:",
        "en": "Lavrov listed Moscow's conditions:",
    }[lang]
    items = {
        "ar": ["1. رفع العقوبات عن سوريا", "2. انسحاب القوات الأجنبية"],
        "fa": ["۱- لغو تحریم‌های سوریه", "۲- خروج نیروهای خارجی"],
        "ru": ["1. Снятие санкций с Сирии", "2. Вывод иностранных войск"],
        "en": ["1. Lifting the sanctions on Syria", "2. Withdrawal of foreign troops"],
    }[lang]
    text = page(HEADLINE[lang], BODY[lang], intro, *items, MORE[lang])
    rest = remaining(text, find_boilerplate(text, lang))
    for item in items:
        assert item in rest


@pytest.mark.parametrize("lang", LANGS)
def test_numbered_related_list_on_one_line_is_cut(lang):
    one_line = " ".join(NUMBERED[lang])
    text = page(HEADLINE[lang], BODY[lang], MORE[lang], one_line, MORE[lang])
    rest = remaining(text, find_boilerplate(text, lang))
    assert one_line not in rest
    assert rest.count(MORE[lang]) == 2


@pytest.mark.parametrize(
    ("line", "crumb"),
    [
        ("Главная / В мире / Ближний Восток", True),
        ("Главная / Политика", True),
        ("الرئيسية > سياسة", True),
        ("خانه » سیاسی", True),
        ("خانه / سیاست / بین‌الملل", True),
        ("Home > World > Middle East", True),
        ("Вы здесь: Главная / Новости", True),
        ("MOSCOW/Reuters", False),
        ("13/02/2024", False),
        ("Lavrov says talks will go on | RT", False),
        ("Politics / World", False),
        ("Главная / Лавров заявил о готовности России к переговорам с Западом по Украине", False),
    ],
)
def test_breadcrumbs(line, crumb):
    assert is_breadcrumb(line) is crumb


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Главная / В мире / Ближний Восток", "trail"),
        ("Вы здесь: Главная / Новости", "trail"),
        ("Главное | Политика | Экономика | Общество | Регионы | В мире", "trail"),
        ("الرئيسية > أخبار > عربي ودولي", "trail"),
        ("خانه » سیاسی » بین‌الملل", "trail"),
        ("Home > World > Middle East", "trail"),
        ("Курсы валют: USD 1,9612 | EUR 2,4204 | RUB 3,1587", "trail"),
        # a menu of countries parted by middle dots ("Страны: Украина · США · Китай")
        ("Страны: Украина · США · Китай · Германия · Великобритания", "trail"),
        ("Countries: Ukraine · USA · China · Germany", "trail"),
        # a menu set apart by runs of spaces
        ("Казахстан   Кыргызстан   Таджикистан   Туркменистан   Узбекистан", "trail"),
        ("Syria   Iraq   Lebanon   Opinion   Podcasts", "trail"),
        ("سوريا   العراق   لبنان   رأي   فيديو", "trail"),
        ("ایران   جهان   اقتصاد   ورزش   ویدیو", "trail"),
        # two spaces are enough between menu items
        ("Home  World  India  Explainers  Opinion  Sports  Tech", "trail"),
        ("Главная  Политика  Экономика  В мире  Спорт", "trail"),
        ("الرئيسية  سياسة  اقتصاد  عربي ودولي  رياضة", "trail"),
        ("خانه  سیاسی  اقتصادی  بین‌الملل  ورزشی", "trail"),
        ("Lavrov said  the talks  would go on.  Then he left.", None),
        ("Lavrov said   the talks   would go on.   Then he left.", None),
        ("18.10.2024, 19:40 · Обновлено: 19.10.2024, 10:15", None),
        # a date line in two calendars and a clock: no trail, though its parts are short
        ("شنبه ۱۴ سرطان ۱۴۰۴ هـ ش | ۹ محرم‌الحرام ۱۴۴۷ هـ ق | ساعت ۱۰:۲۰", None),
        ("الثلاثاء 14 يناير 2025 | 14 رجب 1446 | 10:20", None),
        ("Вторник, 14 января 2025 | 10:20 | Москва", None),
        ("Tuesday 14 January 2025 | 10:20 | Moscow", None),
        ("Asia › South-east Asia", "path"),
        ("بین‌الملل › فلسطین و قدس", "path"),
        ("News | Israel-Palestine conflict", "path"),
        ("أخبار » سياسة", "path"),
        ("Главная Политика Экономика Спорт", "menu"),
        ("الرئيسية سياسة اقتصاد رياضة", "menu"),
        # date lines and mastheads with a date are never navigation
        ("کیهان | یکشنبه ۱۵ مهر ۱۴۰۳ - ۲ ربیع‌الثانی ۱۴۴۶ - ۶ اکتبر ۲۰۲۴ | شماره ۲۳۸۵۴", None),
        ("الأهرام | الخميس 14 نوفمبر 2019 - 15:40 | العدد 48561", None),
        ("Известия | 14 ноября 2019 года, 15:40 | Выпуск № 207 от 15 ноября", None),
        ("The Daily Star | Thursday, 14 November 2019, 15:40 | Issue 2001 of 3 June", None),
        # headlines and sentences
        ("Lavrov says talks will go on | RT", None),
        ("«Лавров: переговоры продолжатся» » Известия", None),
        # short quotations: » closes a quotation opened by «, it parts nothing
        ("«Мы не примем решений», — заявил Лавров. «Это важно», — подчеркнул министр.", None),
        ("«نحن مستعدون»، قال لافروف. «هذا مهم»، أضاف الوزير.", None),
        ("«ما آماده‌ایم»، لاوروف گفت. «این مهم است»، وی افزود.", None),
        ("Главная / Лавров заявил о готовности России к переговорам с Западом по Украине", None),
        ("13/02/2024", None),
        ("MOSCOW/Reuters", None),
    ],
)
def test_breadcrumb_kinds(line, kind):
    """One detector serves boilerplate (trails) and the headline finder (any kind)."""
    assert breadcrumb_kind(line) == kind
    assert is_breadcrumb(line) is (kind == "trail")


_BODY = {
    "ar": "قال لافروف إن روسيا مستعدة للحوار مع جميع الأطراف في المنطقة.\n\n",
    "fa": "لاوروف گفت روسیه برای گفت‌وگو با همه طرف‌ها آماده است.\n\n",
    "ru": "Лавров заявил, что Россия готова к диалогу со всеми сторонами.\n\n",
    "en": "Lavrov said Russia was ready to talk to all sides in the region.\n\n",
}


@pytest.mark.parametrize(
    ("lang", "line", "cut"),
    [
        ("ar", "ساهمت في هذا التقرير جورجيا هاملتون من أنطاليا، ومكتب CNN في موسكو.", True),
        ("ar", "شارك في إعداد التقرير عمان الربيعي.", True),
        ("ar", "وقال لافروف إنه ساهم في التقرير الأممي.", False),
        ("fa", "تهیه و تنظیم: مهسا تهرانی", True),
        ("fa", "ترجمه: شیراز احمدی", True),
        ("fa", "لاوروف گفت ترجمه این سند به زودی منتشر می‌شود.", False),
        ("ru", "В подготовке материала участвовали Мария Иорданская и Ирина Грузинова.", True),
        ("ru", "Над материалом работали Ирина Грузинова и Олег Сирийский.", True),
        ("ru", "Лавров сказал, что над материалом доклада работали эксперты.", False),
        ("en", "Georgia Hamilton in Antalya contributed to this report.", True),
        ("en", "(Reporting by Jordan Smith; Editing by Chad Turner)", True),
        ("en", "Additional reporting by Israel Gonzalez in Moscow.", True),
        ("en", "He said Russia contributed to this report of the UN panel on Syria.", False),
    ],
)
def test_a_credit_line_is_cut_and_its_names_are_no_places(lang, line, cut):
    text = _BODY[lang] * 3 + line + "\n\n" + _BODY[lang]
    start = text.index(line)
    cut_spans = [(a, b) for a, b in find_boilerplate(text, lang) if a <= start < b]
    assert bool(cut_spans) is cut


# --- the whole way: file -> title, boilerplate, date ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_saved_page_end_to_end(lang):
    line, snippet = PUBLISHED[lang]
    text = page(
        CLOCK[lang],
        "14:05",
        BREADCRUMB[lang],
        TAGS[lang],
        HEADLINE[lang],
        line,
        BODY[lang],
        READ_ALSO_INLINE[lang],
        MORE[lang],
        RELATED_HEADING[lang],
        *NUMBERED[lang],
    )
    [article] = read_bytes(f"{lang}.txt", text.encode()).articles
    assert article.title == HEADLINE[lang]
    spans = find_boilerplate(article.text, lang, title=article.title)
    got = find_publication_date(
        article.text, lang, title=article.title, boilerplate=spans, today=TODAY
    )
    assert (got.date, got.text) == (ARTICLE_DATE, snippet)
    rest = remaining(article.text, spans)
    assert HEADLINE[lang] in rest and line in rest
    for name in OTHER_COUNTRIES[lang]:
        assert name not in rest, name


MASTHEADS = [
    (
        "ru",
        "Газета «Коммерсантъ» №5 от 15.01.2020, стр. 6\n\nМаршал ушел не прощаясь\n\n"
        "Халифа Хафтар покинул Москву, не подписав соглашение о перемирии, сообщил источник.\n",
        "2020-01-15",
        "Маршал ушел не прощаясь",
    ),
    (
        "fa",
        "روزنامه اعتماد | شماره ۴۹۸۱ | سه‌شنبه ۱۲ مرداد ۱۴۰۰\n\nصفحه ۸ – دیپلماسی\n\n"
        "امنیت جمعی خلیج فارس؛ ایده‌ای که مسکو رها نمی‌کند\n\n"
        "لاوروف گفت که روسیه از طرح امنیت جمعی در منطقه حمایت می‌کند و آن را دنبال خواهد کرد.\n",
        "2021-08-03",
        "امنیت جمعی خلیج فارس؛ ایده‌ای که مسکو رها نمی‌کند",
    ),
    (
        "ar",
        "الثلاثاء - 12 محرم 1439 هـ - 03 أكتوبر 2017 مـ رقم العدد [14189]\n\n"
        "لافروف: الزيارة ستفتح صفحة جديدة\n\n"
        "قال وزير الخارجية الروسي سيرغي لافروف إن زيارة العاهل السعودي ستفتح صفحة جديدة في العلاقات.\n",
        "2017-10-03",
        "لافروف: الزيارة ستفتح صفحة جديدة",
    ),
]


@pytest.mark.parametrize(("lang", "text", "date", "title"), MASTHEADS)
def test_a_newspapers_masthead_gives_the_date_never_the_title(lang, text, date, title):
    from diplomap.extract.dates import find_publication_date
    from diplomap.ingest import detect_title

    assert detect_title(text) == title
    found = find_publication_date(text, lang, title=title)
    assert found.date is not None and found.date.isoformat() == date


PIPED_MASTHEADS = [
    (
        "fa",
        "روزنامه اعتماد | شماره ۶۱۲۴ | یکشنبه ۶ مهر ۱۴۰۴ | صفحه ۴ (دیپلماسی)\n\n"
        "گفت‌وگوی اختصاصی اعتماد با سرگئی لاوروف\n\n"
        "وزیر امور خارجه روسیه به پرسش‌های مکتوب اعتماد پاسخ داد و گفت که روسیه از گفت‌وگو "
        "حمایت می‌کند.\n",
        "2025-09-28",
    ),
    (
        "ru",
        "Коммерсантъ | №138 | 01.08.2025 | стр. 6 | Мировая политика\n\n"
        "Дамаск сверил часы с Москвой\n\n"
        "Министр иностранных дел Сирии провел в Москве переговоры с Сергеем Лавровым, "
        "сообщил источник.\n",
        "2025-08-01",
    ),
    (
        "ar",
        "الشرق الأوسط | العدد 16412 | الأحد 28 سبتمبر 2025 | الصفحة 3\n\n"
        "لافروف: آلية الزناد باطلة\n\n"
        "قال وزير الخارجية الروسي سيرغي لافروف إن إعادة العقوبات على إيران باطلة قانونيا.\n",
        "2025-09-28",
    ),
    (
        "en",
        "The Tehran Times | Issue No. 14812 | Sunday, September 28, 2025 | Page 2\n\n"
        "Lavrov calls snapback null and void\n\n"
        "Russian Foreign Minister Sergey Lavrov said the return of the sanctions on Iran was "
        "legally void.\n",
        "2025-09-28",
    ),
]


@pytest.mark.parametrize(("lang", "text", "date"), PIPED_MASTHEADS)
def test_a_masthead_cut_as_page_furniture_still_gives_the_date(lang, text, date):
    from diplomap.extract.dates import find_publication_date

    spans = find_boilerplate(text, lang)
    found = find_publication_date(text, lang, boilerplate=spans, today=TODAY)
    assert found.date is not None and found.date.isoformat() == date, (found, spans)


PAPER_LINES = [
    (
        "ar",
        "جريدة عُمان | الأخبار المحلية | الأربعاء 22 فبراير 2023\n\nلافروف: مسقط شريك موثوق\n\n"
        "موسكو – العُمانية: عقد الوزير اليوم في موسكو جلسة مباحثات مع سيرغي لافروف.\n",
        "2023-02-22",
    ),
    (
        "fa",
        "روزنامه ایران | سیاسی | یکشنبه ۶ مهر ۱۴۰۴\n\nلاوروف: سازوکار ماشه باطل است\n\n"
        "وزیر خارجه روسیه امروز در مسکو گفت که این سازوکار اعتبار ندارد.\n",
        "2025-09-28",
    ),
    (
        "ru",
        "Газета «Известия» | Политика | среда, 22 февраля 2023\n\nЛавров: Маскат — надежный "
        "партнер\n\nСергей Лавров провел сегодня в Москве переговоры с министром Омана.\n",
        "2023-02-22",
    ),
    # a site's header with today's clock is no issue date
    (
        "ar",
        "صحيفة الوطن | الأحد 29 نوفمبر 2026 | 10:32\n\nلافروف: مسقط شريك موثوق\n\n"
        "عقد الوزير اليوم في موسكو جلسة مباحثات مع سيرغي لافروف.\n",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "date"), PAPER_LINES)
def test_a_newspapers_name_with_bars_and_a_date_is_its_masthead(lang, text, date):
    from diplomap.extract.dates import find_publication_date

    spans = find_boilerplate(text, lang)
    found = find_publication_date(text, lang, boilerplate=spans, today=TODAY)
    got = found.date.isoformat() if found.date else None
    assert got == date, found


BAR_DATE_LINES = {
    "en": ("i24NEWS | May 28th 2018 | 04:14 PM", dt.date(2018, 5, 28)),
    "ru": ("ИА Регнум | 28 мая 2018 | 16:14", dt.date(2018, 5, 28)),
    "ar": ("الشروق | 28 مايو 2018 | 16:14", dt.date(2018, 5, 28)),
    "fa": ("خبرگزاری ایلنا | ۷ خرداد ۱۳۹۷ | ۱۶:۱۴", dt.date(2018, 5, 28)),
}
STANDFIRST = {
    "en": "The minister's remarks come amid reports of talks on the border.",
    "ru": "Заявление министра прозвучало на фоне сообщений о переговорах.",
    "ar": "وتأتي تصريحات الوزير وسط أنباء عن محادثات بشأن الحدود.",
    "fa": "اظهارات وزیر در پی گزارش‌هایی درباره مذاکرات مطرح شد.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_bar_separated_date_line_after_the_standfirst_is_kept_and_read(lang):
    """ "i24NEWS | May 28th 2018 | 04:14 PM" under the headline and its standfirst is the
    article's date line: not cut as a menu, and read as its date."""
    line, date = BAR_DATE_LINES[lang]
    text = page(HEADLINE[lang], STANDFIRST[lang], line, BODY[lang], MORE[lang])
    spans = find_boilerplate(text, lang, title=HEADLINE[lang])
    assert line in remaining(text, spans)
    got = find_publication_date(text, lang, title=HEADLINE[lang], boilerplate=spans)
    assert got.date == date


# --- titles on a whole page: masthead, menu, kicker, standfirst --------------------------------

SITE_TOP = {  # a masthead, its tagline, the site's menu, a section label
    "ar": ["صحيفة النهار العربي", "يومية سياسية مستقلة تصدر عن دار النشر العربية",
           "الرئيسية | سياسة | اقتصاد | رياضة | ثقافة", "عربي ودولي"],
    "fa": ["روزنامه پیام امروز", "روزنامه صبح ایران از سال ۱۳۸۰",
           "صفحه اول | سیاست | اقتصاد | جهان | فرهنگ", "بین‌الملل"],
    "ru": ["ВЕЧЕРНИЙ ВЕСТНИК", "Ежедневная общественно-политическая газета",
           "Главная | Политика | Экономика | Спорт", "В мире"],
    "en": ["THE EVENING COURIER", "Independent daily news since 1901",
           "Home | World | Business | Sport | Opinion", "World"],
}  # fmt: skip
KICKER = {
    "ar": "على هامش منتدى أنطاليا الدبلوماسي",
    "fa": "در حاشیه نشست آنتالیا؛",
}
LEAD_WITHOUT_STOP = {
    "ru": "Министры обсудили ситуацию в Сирии и возвращение беженцев на родину после войны",
    "en": "The ministers discussed the situation in Syria and the return of refugees after the war",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_sites_masthead_tagline_and_section_are_never_the_title(lang):
    text = page(*SITE_TOP[lang], HEADLINE[lang], PUBLISHED[lang][0], BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_a_kicker_above_the_headline_is_not_the_title(lang):
    text = page(*SITE_TOP[lang], KICKER[lang], HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_standfirst_under_the_headline_is_not_the_title(lang):
    text = page(*SITE_TOP[lang], HEADLINE[lang], LEAD_WITHOUT_STOP[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("ar", "موسكو وليبيا: ما الذي قاله لافروف.. وما الذي لم يقله؟"),
        ("fa", "لاوروف در تهران چه گفت؟"),
        ("ru", "Что Лавров сказал о Ливии?"),
        ("en", "What did Lavrov say about Libya?"),
        # a quoted phrase trailing off in an ellipsis before the question
        ("ar", "لافروف في الدوحة: «لن نسمح للإرهابيين»... فماذا بقي من أستانا؟"),
        ("fa", "لاوروف: «این آخرین فرصت است»... آیا برجام زنده می‌ماند؟"),
        ("ru", "Лавров: «Мы не позволим»... Что дальше с Астаной?"),
        ("en", "Lavrov: 'We will not allow it'... What is left of Astana?"),
    ],
)
def test_a_headline_may_ask_a_question(lang, question):
    text = page(*SITE_TOP[lang], question, "", BODY[lang])
    assert detect_title(text) == question


MASTHEAD_BAR = {  # the site's name as a menu, its tagline, a language bar: one run of lines
    "ar": ["الأنباء | alanba.net", "أخبار العالم العربي والعالم", "عربي | English"],
    "fa": ["پیام | payam.ir", "اخبار ایران و جهان", "فارسی | English"],
    "ru": ["NM | NewsMaker", "Новости Молдовы и мира", "RO | RU"],
    "en": ["NM | NewsMaker", "News of Moldova and the world", "RO | RU"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_tagline_between_the_lines_of_the_menu_is_not_the_title(lang):
    name, tagline, bar = MASTHEAD_BAR[lang]
    menu = SITE_TOP[lang][2]
    text = page(name, tagline, bar, menu, "", HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_short_tagline_under_the_masthead_is_not_the_title_without_a_menu(lang):
    masthead, tagline = SITE_TOP[lang][0], SITE_TOP[lang][1].split()[:4]
    longer = HEADLINE[lang] + " " + HEADLINE[lang].split()[-1]
    text = page(masthead, " ".join(tagline), "", longer, "", BODY[lang])
    assert detect_title(text) == longer
    # a headline at the top with a shorter line under it stays the title
    text = page(longer, HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == longer


@pytest.mark.parametrize("lang", LANGS)
def test_a_one_word_masthead_ending_in_a_full_stop_is_not_the_text(lang):
    text = page("euronews.", SITE_TOP[lang][2], "", HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_menu_whose_last_item_ends_in_an_exclamation_mark_is_a_menu(lang):
    menu = SITE_TOP[lang][2] + " | «Право знать!»"
    text = page(SITE_TOP[lang][0], menu, "", HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_share_bar_under_the_headline_does_not_move_the_title(lang):
    caption = {
        "ar": "لافروف خلال المؤتمر الصحفي في موسكو أمس",
        "fa": "لاوروف در نشست خبری دیروز در مسکو",
        "ru": "Сергей Лавров на пресс-конференции в Москве",
        "en": "Sergey Lavrov at the press conference in Moscow",
    }[lang]
    text = page(
        *SITE_TOP[lang],
        "",
        HEADLINE[lang],
        "",
        "Share | Tweet | Email",
        "",
        caption,
        "",
        BODY[lang],
    )
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("ar", "[الصورة: لافروف وفيدان في أنقرة، تصوير وكالة الأنباء]"),
        ("fa", "توضیح تصویر، لاوروف و فیدان در آنکارا پیش از آغاز نشست مشترک"),
        ("ru", "Фото: Сергей Лавров и Хакан Фидан в Анкаре перед началом переговоров"),
        ("en", "[Photo: Sergey Lavrov and Hakan Fidan in Ankara before their talks]"),
    ],
)
def test_a_photo_caption_above_the_headline_is_not_the_title(lang, caption):
    text = page(*SITE_TOP[lang], caption, "", HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


# --- dates beside the real headline ---------------------------------------------------------------

DATE_PARTS = {  # a line of parts, one of them the date: (line, date)
    "ar": ("دمشق - الثورة | الجمعة، 1 آب 2025 | 10:25", "2025-08-01"),
    "fa": ("سیاست | ۱۵ خرداد ۱۴۰۰ - ۱۰:۲۰ | بازدید: ۲۳۱", "2021-06-05"),
    "ru": ("Политика | 16 мая 2024 г. в 13:20 | Просмотров: 2 417", "2024-05-16"),
    "en": ("AFP · World · Sun 24 Jul 2022 · 16:38 GMT", "2022-07-24"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_among_parts_of_a_line_above_the_headline_is_the_date(lang):
    line, date = DATE_PARTS[lang]
    text = page(*SITE_TOP[lang], line, "", HEADLINE[lang], "", BODY[lang])
    title = detect_title(text)
    assert title == HEADLINE[lang]
    assert date_of(text, lang, title).isoformat() == date


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_label_between_the_date_line_and_the_headline_does_not_make_it_a_clock(lang):
    line, _text = PUBLISHED[lang]
    text = page(*SITE_TOP[lang][:3], line, SITE_TOP[lang][3], HEADLINE[lang], "", BODY[lang])
    assert date_of(text, lang, detect_title(text)) == dt.date(2021, 3, 3)


@pytest.mark.parametrize(
    ("lang", "line", "date"),
    [
        ("ar", "[ 27/ مايو/ 2021 ]", "2021-05-27"),
        ("ar", "العدد : 16832 - الأحد 26 مايو 2024 م", "2024-05-26"),
        ("fa", "روزنامه پیام امروز | سال ششم | شماره ۱۲۷۸ | پنجشنبه ۸ آذر ۱۴۰۳ | صفحه ۴", "2024-11-28"),
        ("ru", "Выпуск № 158 (23426) | 16 августа 2012 г.", "2012-08-16"),
        ("en", "APRIL 12, 2017 / 4:51 PM / UPDATED 8 YEARS AGO", "2017-04-12"),
    ],
)  # fmt: skip
def test_issue_lines_and_slashed_dates_near_the_headline(lang, line, date):
    """A print issue's line (also cut with the menu above it), a day and month set off by
    slashes, a date before the time and an 'updated ... ago' note."""
    menu = SITE_TOP[lang][2]
    text = page(SITE_TOP[lang][0], menu, line, "", HEADLINE[lang], "", BODY[lang])
    title = detect_title(text)
    spans = find_boilerplate(text, lang, title=title)
    got = find_publication_date(text, lang, title=title, boilerplate=spans, today=TODAY)
    assert got.date is not None and got.date.isoformat() == date


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("ar", "كلمة وأجوبة وزير الخارجية سيرغي لافروف على أسئلة وسائل الإعلام، تونس، 21 ديسمبر 2023"),
        ("ru", "Выступление и ответы на вопросы СМИ С.В.Лаврова, Тунис, 21 декабря 2023 года"),
        ("en", "Foreign Minister Sergey Lavrov's statement and answers to media questions, Tunis, December 21, 2023"),
    ],
)  # fmt: skip
def test_a_reprints_date_line_beats_the_event_date_closing_the_ministry_heading(lang, heading):
    reprint = {"ar": "22 ديسمبر 2023", "ru": "22 декабря 2023", "en": "22 December 2023"}[lang]
    body = {"ar": "السيدات والسادة، أجرينا مباحثات مفيدة.", "ru": "Уважаемые дамы и господа, "
            "провели полезные переговоры.", "en": "Ladies and gentlemen, we held useful talks."}[lang]  # fmt: skip
    text = page(*SITE_TOP[lang][:3], reprint, "", heading, "", body, BODY[lang])
    assert date_of(text, lang, detect_title(text)) == dt.date(2023, 12, 22)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ru", "«Мы не примем решений», — заявил Лавров. «Это важно», — подчеркнул министр."),
        ("ar", "«نحن مستعدون للحوار»، قال لافروف. «هذا مهم»، أضاف الوزير الروسي."),
        ("fa", "«ما آماده گفتگو هستیم»، لاوروف گفت. «این مهم است»، وی افزود."),
        ("en", "«We are ready», Lavrov said. «This matters», he added. «Soon», he said."),
    ],
)
def test_a_paragraph_of_short_quotations_is_kept(lang, line):
    """Guillemets close quotations: a paragraph of short quotes is no breadcrumb trail."""
    text = page(HEADLINE[lang], BODY[lang], line, BODY[lang])
    assert line in remaining(text, find_boilerplate(text, lang))


TAGLINE = {
    "ar": "صحيفة عربية يومية تصدر من لندن",
    "fa": "روزنامه صبح ایران",
    "ru": "Ежедневная газета Республики Беларусь",
    "en": "Iran's leading international daily",
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_masthead_tagline_is_cut(lang):
    """The paper's tagline above the headline is the masthead's; the headline stays."""
    text = page("Masthead", TAGLINE[lang], HEADLINE[lang], BODY[lang], BODY[lang])
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert TAGLINE[lang] not in rest
    assert HEADLINE[lang] in rest


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_headline_about_a_newspaper_is_kept(lang):
    headline = {
        "ar": "صحيفة روسية: لافروف يزور طهران",
        "fa": "روزنامه روسی: لاوروف به تهران می‌رود",
        "ru": "Газета: Лавров посетит Тегеран",
        "en": "Russian daily: Lavrov to visit Tehran",
    }[lang]
    text = page(headline, BODY[lang], BODY[lang])
    assert headline in remaining(text, find_boilerplate(text, lang, title=headline))


NEWS_FEED = {
    "ru": ("Лента новостей", "19:48 Зеленский провел разговор с премьером Норвегии"),
    "en": ("News feed", "19:48 Zelensky spoke to Norway's prime minister"),
    "ar": ("شريط الأخبار", "19:48 زيلينسكي يتحدث مع رئيس وزراء النرويج"),
    "fa": ("اخبار لحظه به لحظه", "۱۹:۴۸ زلنسکی با نخست‌وزیر نروژ گفتگو کرد"),
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_news_feed_block_is_cut(lang):
    label, item = NEWS_FEED[lang]
    text = page(HEADLINE[lang], label, item, "", BODY[lang], BODY[lang])
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert item not in rest and BODY[lang].strip() in rest


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_news_feed_above_the_headline_is_no_title(lang):
    """The feed's items (a time, then a headline) above the story: the story's headline
    is the title, and the items' countries are no mentions."""
    label, item = NEWS_FEED[lang]
    text = page("Masthead | Menu | World | Politics", label, item, "", HEADLINE[lang], BODY[lang])
    assert detect_title(text) == HEADLINE[lang]
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert item not in rest


TICKERS = {
    "ar": ["عاجل | الجزائر: الرئاسة تعلن تحسن صحة الرئيس", "عاجل | النفط يتجاوز 90 دولارا"],
    "fa": ["فوری | کابل: انفجار در مرکز شهر", "فوری | قیمت نفط از ۹۰ دلار گذشت"],
    "ru": ["Срочно | Алжир: президент выписан из больницы", "Срочно | Нефть дороже 90 долларов"],
    "en": ["Breaking | Algeria: president leaves hospital", "Breaking | Oil tops $90"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_breaking_news_ticker_is_neither_the_title_nor_the_article(lang):
    text = page(*TICKERS[lang], HEADLINE[lang], PUBLISHED[lang][0], BODY[lang])
    assert detect_title(text) == HEADLINE[lang]
    cut = find_boilerplate(text, lang, title=HEADLINE[lang])
    left = "".join(text[a:b] for a, b in cut)
    for line in TICKERS[lang]:
        assert line in left
    assert BODY[lang] not in left


WIDGETS = {
    "ar": "بغداد 38° م | USD 1310.50",
    "fa": "تهران ۲۵ درجه سانتیگراد | USD 58.20",
    "ru": "Москва +14 °C   USD 65,05   EUR 72,96",
    "en": "London 12°C | GBP 1.27 | EUR 1.08",
}
PRINT_ISSUE = {  # the print issue's line, dated three days after the page's own date
    "ar": "نشر في العدد 15230 بتاريخ 6 مارس 2021",
    "fa": "منتشر شده در شماره ۴۹۸۱ به تاریخ ۱۶ اسفند ۱۳۹۹",
    "ru": "Опубликовано в № 102 от 06.03.2021",
    "en": "Published in issue No. 102 on 6 March 2021",
}
DATE_LINE = {
    "ar": "3 مارس 2021",
    "fa": "۱۳ اسفند ۱۳۹۹",
    "ru": "03.03.2021 09:47",
    "en": "3 March 2021",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_weather_or_rates_widget_is_never_the_title(lang):
    text = page(WIDGETS[lang], HEADLINE[lang], PUBLISHED[lang][0], BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pages_date_line_comes_before_the_print_issues(lang):
    text = page(WIDGETS[lang], DATE_LINE[lang], HEADLINE[lang], PRINT_ISSUE[lang], BODY[lang])
    [article] = read_bytes(f"{lang}.txt", text.encode()).articles
    found = find_publication_date(article.text, lang, title=article.title)
    assert found.date == dt.date(2021, 3, 3), found


TRENDING = {
    "ar": "الأكثر تداولا: كأس آسيا | قمة دافوس 2024 | جزر المالديف | الهند",
    "fa": "داغ: جام ملت‌ها | داووس ۲۰۲۴ | مالدیو | هند",
    "ru": "В тренде: Кубок Азии | Давос 2024 | Мальдивы | Индия",
    "en": "Trending: Ram Mandir | Red Sea Crisis | Davos 2024 | Maldives Row",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_trending_trail_with_a_year_above_the_headline_is_cut(lang):
    """A trail of trending topics holding a year ("Davos 2024") is no date line to keep;
    a trail with a numeric date is ("السياسة | تاريخ النشر: 2024/09/09")."""
    dated = "Политика | Опубликовано: 2024/09/09 | 5 минут"
    text = page(SITE_TOP[lang][0], TRENDING[lang], dated, "", HEADLINE[lang], "", BODY[lang])
    spans = find_boilerplate(text, lang, detect_title(text))
    assert TRENDING[lang] in cut(text, spans)
    assert dated not in cut(text, spans)
    assert HEADLINE[lang] not in cut(text, spans)


CLOCK_AND_DATE = {  # the site's "today" line (its time not rendered), then the article's date
    "ar": ("الثلاثاء 26 نوفمبر 2024 - الساعة :", "الأربعاء 15 مايو 2019 - 00:47", "2019-05-15"),
    "fa": ("سه‌شنبه ۰۶ آذر ۱۴۰۳ - ساعت :", "۲۵ اردیبهشت ۱۳۹۸ - ۰۰:۴۷", "2019-05-15"),
    "ru": ("Вторник, 26 ноября 2024 г. Время:", "15 мая 2019, 00:47", "2019-05-15"),
    "en": ("Tuesday, 26 November 2024 | Time:", "15 May 2019, 00:47", "2019-05-15"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_of_two_dates_above_the_headline_the_earlier_is_the_articles(lang):
    """A site's clock shows today, later than the article's own date line: of two full
    dates above the headline the earlier is the publication date, in either order."""
    clock, own, date = CLOCK_AND_DATE[lang]
    for first, second in ((clock, own), (own, clock)):
        text = page(first, second, "", HEADLINE[lang], "", BODY[lang])
        assert date_of(text, lang, detect_title(text)).isoformat() == date


SENTENCE_HEADLINES = {  # a headline of two short sentences, a standfirst, a byline, a date
    "ar": ("روسيا تريد مقعدا على طاولة الخليج. لافروف أخبرنا كيف.", "1 مارس 2025"),
    "fa": ("روسیه صندلی سر میز خلیج فارس می‌خواهد. لاوروف گفت چگونه.", "۱۰ اسفند ۱۴۰۳"),
    "ru": ("Россия хочет места за столом Залива. Лавров рассказал как.", "1 марта 2025"),
    "en": ("Russia wants a seat at the Gulf table. Lavrov just told us how.", "Mar 1, 2025"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_headline_of_sentences_above_its_date_line_is_the_title(lang):
    """A headline may end like a sentence ("... Lavrov just told us how."): it is the
    title when the page's date line follows within a few lines, under its standfirst."""
    headline, date = SENTENCE_HEADLINES[lang]
    text = page(
        *SITE_TOP[lang], "", headline, "", BODY[lang], "", "Eleanor Vance", date, "", BODY[lang]
    )
    assert detect_title(text) == headline
    # a story's first sentence with no date line under it is no headline
    assert (
        detect_title(page(*SITE_TOP[lang], "", headline, "", BODY[lang], "", BODY[lang]))
        != headline
    )


PINNED = {
    "ar": "📌 رسالة مثبتة: مواعيد عمل القسم القنصلي من الأحد إلى الخميس",
    "fa": "📌 پیام سنجاق‌شده: ساعات کاری بخش کنسولی شنبه تا پنجشنبه",
    "ru": "📌 Закрепленное сообщение: часы работы консульского отдела с понедельника по пятницу",
    "en": "📌 Pinned message: consular section hours Monday to Friday",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_channels_pinned_message_is_not_the_title(lang):
    text = page(SITE_TOP[lang][0], PINNED[lang], "", HEADLINE[lang], "", BODY[lang])
    assert detect_title(text) == HEADLINE[lang]


TICKER_ITEMS = {
    "ar": "عاجل: زلزال قوي يضرب جنوب تركيا • الكويت تعلن حكومة جديدة • ارتفاع أسعار النفط",
    "fa": "فوری: زلزله شدید در جنوب ترکیه • کویت کابینه جدید را معرفی کرد • افزایش قیمت نفت",
    "ru": "МОЛНИЯ: Землетрясение в Мьянме • В Южной Корее отставка премьера • Нефть дорожает",
    "en": "URGENT: Powerful earthquake hits Turkey • Kuwait names new cabinet • Oil prices rise",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_ticker_of_several_headlines_is_cut_and_never_the_title(lang):
    """A ticker line of several headlines parted by bullets names countries of other
    stories: it is neither the title nor the story, also when it ends like a sentence."""
    text = page(
        SITE_TOP[lang][0],
        SITE_TOP[lang][2],
        "",
        TICKER_ITEMS[lang] + ".",
        "",
        HEADLINE[lang],
        "",
        BODY[lang],
    )
    title = detect_title(text)
    assert title == HEADLINE[lang]
    assert TICKER_ITEMS[lang] in cut(text, find_boilerplate(text, lang, title))


ISSUE_MASTHEAD = {  # a newspaper's masthead with its issue number, then the issue's date
    "ar": (
        "جريدة الصباح | السنة التاسعة عشرة | العدد 4279",
        "الاثنين 30 ديسمبر 2024",
        "2024-12-30",
    ),
    "fa": (
        "روزنامه صبح | سال نوزدهم | شماره ۴۲۷۹",
        "دوشنبه ۱۰ دی ۱۴۰۳ | ۳۰ دسامبر ۲۰۲۴",
        "2024-12-30",
    ),
    "ru": ("Ежедневная газета | № 151 (29 934)", "Понедельник, 30 декабря 2024 года", "2024-12-30"),
    "en": ("The Morning Post | Issue No. 4279", "Monday, December 30, 2024", "2024-12-30"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_under_the_papers_issue_number_is_the_issues_date(lang):
    """A newspaper's date under its masthead's issue number is the issue's date, though
    the site's menu stands between it and the headline."""
    issue, date_line, date = ISSUE_MASTHEAD[lang]
    text = page(
        SITE_TOP[lang][0], issue, date_line, SITE_TOP[lang][2], "", HEADLINE[lang], "", BODY[lang]
    )
    assert date_of(text, lang, detect_title(text)).isoformat() == date


PARTS_WITH_PUBLISHED = {
    "ar": (
        "رمز الخبر: 987654 | تاريخ النشر: 25/08/2025 - 13:20 | آخر تحديث: 26/08/2025 - 08:15 | قراءة 3 دقائق",
        "2025-08-25",
    ),
    "fa": (
        "کد خبر: ۹۸۷۶۵۴ | تاریخ انتشار: ۱۴۰۴/۰۶/۰۳ - ۱۳:۲۰ | آخرین بروزرسانی: ۱۴۰۴/۰۶/۰۴ - ۰۸:۱۵",
        "2025-08-25",
    ),
    "ru": (
        "Код новости: 987654 | Опубликовано: 25.08.2025 13:20 | Обновлено: 26.08.2025 08:15 | Просмотров: 1 274",
        "2025-08-25",
    ),
    "en": (
        "News ID: 987654 | Published: 25.08.2025 13:20 | Updated: 26.08.2025 08:15 | Views: 1,274",
        "2025-08-25",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_published_part_of_a_long_line_of_parts_is_the_date(lang):
    """ "کد خبر: ۹۸۷۶۵۴ | تاریخ انتشار: ... | آخرین بروزرسانی: ...": the published part
    keeps the line from being cut as a trail, and gives the date."""
    line, date = PARTS_WITH_PUBLISHED[lang]
    text = page(*SITE_TOP[lang], "", HEADLINE[lang], "", line, "", BODY[lang])
    title = detect_title(text)
    spans = find_boilerplate(text, lang, title)
    assert line not in cut(text, spans)
    found = find_publication_date(text, lang, title=title, boilerplate=spans, today=TODAY)
    assert found.date.isoformat() == date


def test_a_persian_headlines_ticker_is_cut():
    """«تیتر یک: ... | ... | ...»: the site's top headlines, other stories' places."""
    ticker = "تیتر یک: قیمت دلار در بازار آزاد | تمدید ویزای فرودگاهی برای گردشگران عراقی | پرواز مستقیم مشهد - استانبول"
    text = page(SITE_TOP["fa"][0], ticker, SITE_TOP["fa"][2], "", HEADLINE["fa"], "", BODY["fa"])
    title = detect_title(text)
    assert title == HEADLINE["fa"]
    assert ticker in cut(text, find_boilerplate(text, "fa", title))


YESTERDAY = {  # a paper's date line under its masthead and menu, the story's "yesterday, Monday"
    "ar": (
        "الثلاثاء 15 أكتوبر 2019",
        "اختتم الرئيس الروسي أمس الاثنين زيارة رسمية إلى المملكة.",
        "2019-10-15",
    ),
    "fa": (
        "سه‌شنبه ۲۳ مهر ۱۳۹۸",
        "رئیس‌جمهور روسیه دیروز دوشنبه سفر رسمی خود را به پایان برد.",
        "2019-10-15",
    ),
    "ru": (
        "Вторник, 15 октября 2019 года",
        "Президент России вчера, в понедельник, завершил визит в королевство.",
        "2019-10-15",
    ),
    "en": (
        "Tuesday, October 15, 2019",
        "The Russian president yesterday, Monday, ended an official visit to the kingdom.",
        "2019-10-15",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_line_above_the_menu_that_the_storys_yesterday_confirms_is_the_date(lang):
    """Above the menu a date line is a site's clock unless the story's "yesterday,
    Monday" falls on the day before it: then it is the paper's own date."""
    date_line, lead, date = YESTERDAY[lang]
    text = page(
        SITE_TOP[lang][0],
        date_line,
        SITE_TOP[lang][2],
        "",
        HEADLINE[lang],
        "",
        lead + " " + BODY[lang],
    )
    assert date_of(text, lang, detect_title(text)).isoformat() == date
    # a story with no such "yesterday": the line above the menu is the site's clock
    other = page(
        SITE_TOP[lang][0], date_line, SITE_TOP[lang][2], "", HEADLINE[lang], "", BODY[lang]
    )
    assert date_of(other, lang, detect_title(other)) is None


PERMALINK = {
    "ar": "https://arabicpost.net/تحليلات/2019/04/16/روسيا-حفتر/",
    "fa": "https://www.example.ir/fa/news/2019/04/16/لاوروف-لیبی",
    "ru": "https://kazpravda.kz/n/2019/04/16/lavrov-o-livii/",
    "en": "https://www.example.com/world/2019/04/16/lavrov-libya/",
}


ISO_PERMALINK = {
    "ar": "https://www.libya-al-mostakbal.org/news/2019-04-16T194000/russia-libya",
    "fa": "https://www.example.ir/fa/news/2019-04-16/لاوروف-لیبی",
    "ru": "https://www.golos.am/ru/politika/2019-04-16T11-32-00-lavrov-praga/",
    "en": "https://www.example.com/world/2019-04-16-lavrov-libya",
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("links", [PERMALINK, ISO_PERMALINK], ids=["slashes", "iso"])
def test_the_date_in_the_pages_own_link_dates_an_otherwise_undated_page(lang, links):
    """A page showing only "5 years ago" and its permanent link (the date as path
    segments or as an ISO date opening one): the link's date; the link of a related story
    in the page's furniture does not date it."""
    text = page(*SITE_TOP[lang], links[lang], "", HEADLINE[lang], "", BODY[lang])
    title = detect_title(text)
    found = find_publication_date(text, lang, title=title, today=TODAY)
    assert found.date.isoformat() == "2019-04-16"
    related = page(
        *SITE_TOP[lang],
        "",
        HEADLINE[lang],
        "",
        BODY[lang],
        "",
        TAGS[lang],
        "Read more:",
        links[lang],
    )
    spans = find_boilerplate(related, lang, detect_title(related))
    found = find_publication_date(
        related, lang, title=detect_title(related), boilerplate=spans, today=TODAY
    )
    assert found.date is None


OWN_LINK_LABEL = {
    "ar": ("الرابط المختصر:", "رابط المقال"),
    "fa": ("لینک کوتاه:", "نشانی خبر:"),
    "ru": ("Постоянная ссылка:", "Короткая ссылка"),
    "en": ("Permalink:", "Short link:"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("label_alone", [False, True])
def test_the_pages_own_link_labelled_in_its_footer_dates_an_undated_page(lang, label_alone):
    """The footer (tags, "read more", the link, ©) is furniture, but a link labelled as the
    page's own ("Permalink:", «Постоянная ссылка:») dates a page that shows no other date,
    on the label's line or on the line after a label alone; a related story's link in the
    same footer never does."""
    label = OWN_LINK_LABEL[lang][label_alone]
    own = [label, PERMALINK[lang]] if label_alone else [f"{label} {PERMALINK[lang]}"]
    footer = ["", TAGS[lang], "Read more:", "• " + HEADLINE[lang], "", *own, "", "© 2024"]
    text = page(*SITE_TOP[lang], "", HEADLINE[lang], "", BODY[lang], *footer)
    spans = find_boilerplate(text, lang, detect_title(text))
    found = find_publication_date(
        text, lang, title=detect_title(text), boilerplate=spans, today=TODAY
    )
    assert found.date is not None and found.date.isoformat() == "2019-04-16"
    assert found.source == "url"
    unlabelled = page(*SITE_TOP[lang], "", HEADLINE[lang], "", BODY[lang], *footer[:-3])
    unlabelled += "\n" + f"• {PERMALINK[lang]}\n\n© 2024"
    spans = find_boilerplate(unlabelled, lang, detect_title(unlabelled))
    found = find_publication_date(
        unlabelled, lang, title=detect_title(unlabelled), boilerplate=spans, today=TODAY
    )
    assert found.date is None


COMMENTS = {
    "ar": ("التعليقات (3)", "أبو خالد · منذ ساعتين", "كلام لافروف صحيح، وتركيا وقطر تعرفان ذلك."),
    "fa": ("نظرات (۴)", "رضا · ۲ ساعت پیش", "لاوروف درست گفت، ترکیه و عراق هم همین را می‌گویند."),
    "ru": (
        "Комментарии (14)",
        "Азамат · 20.01.2026 16:10",
        "Лавров правильно сказал про Турцию и Украину.",
    ),
    "en": (
        "Comments (212)",
        "PatrickD · 1 day ago",
        "Lavrov said the same about Belarus and Poland.",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("count_first", [False, True])
def test_readers_comments_under_the_story_are_cut(lang, count_first):
    head, who, said = COMMENTS[lang]
    if count_first:  # "212 comments", "۴ نظر": the number before the word
        head = {"ar": "3 تعليقات", "fa": "۴ نظر", "ru": "14 комментариев", "en": "212 comments"}[
            lang
        ]
    text = page(HEADLINE[lang], BODY[lang], BODY[lang], head, who, said, "👍 41 · Reply")
    rest = remaining(text, find_boilerplate(text, lang))
    assert said not in rest and head not in rest
    assert rest.count(BODY[lang]) == 2  # the story stays whole


@pytest.mark.parametrize("lang", LANGS)
def test_a_sentence_about_comments_is_no_comments_heading(lang):
    line = {
        "ar": "وقال إن 3 تعليقات للوزير نشرت أمس في الصحف.",
        "fa": "او گفت ۴ نظر درباره این طرح وجود دارد.",
        "ru": "14 комментариев министра опубликованы на сайте МИД.",
        "en": "212 comments were sent to the committee.",
    }[lang]
    text = page(HEADLINE[lang], BODY[lang], line, BODY[lang])
    rest = remaining(text, find_boilerplate(text, lang))
    assert line in rest


CHRONOLOGY = {  # a timeline of his statements: years alone, entries opening with their date
    "ar": [
        "2015",
        "14 يوليو 2015. وقّعت الدول الست وإيران الاتفاق النووي في فيينا، ورحّب لافروف به.",
        "20 يوليو 2015. أقرّ مجلس الأمن الاتفاق بالإجماع في قرار خاص به.",
        "2016",
        "16 يناير 2016. أعلنت الوكالة الدولية بدء التنفيذ، ورحّب لافروف بذلك اليوم.",
    ],
    "fa": [
        "۲۰۱۵",
        "۱۴ ژوئیه ۲۰۱۵. شش قدرت و ایران در وین بر سر برجام توافق کردند و لاوروف از آن استقبال کرد.",
        "۲۰ ژوئیه ۲۰۱۵. شورای امنیت به اتفاق آرا توافق را تأیید کرد.",
        "۲۰۱۶",
        "۱۶ ژانویه ۲۰۱۶. آژانس اجرای تعهدات را تأیید کرد و لاوروف از آن استقبال کرد.",
    ],
    "ru": [
        "2015",
        "14 июля 2015 года. В Вене «шестерка» и Иран согласовали СВПД, Лавров назвал это успехом.",
        "20 июля 2015 года. Совет Безопасности ООН единогласно одобрил договоренность.",
        "2016",
        "16 января 2016 года. МАГАТЭ подтвердило выполнение обязательств, Лавров это приветствовал.",
    ],
    "en": [
        "2015",
        "14 July 2015: The six powers and Iran agreed the nuclear deal in Vienna; Lavrov hailed it.",
        "20 July 2015: The Security Council endorsed the deal unanimously.",
        "2016",
        "16 January 2016: The IAEA confirmed the first steps, and Lavrov welcomed the day.",
    ],
}


def titled_years(lines: list[str]) -> list[str]:
    """The chronology with its years as bulleted headings ("■ 2015 | The deal") and its
    entries' dates inside their sentences, not opening them."""
    out = []
    for line in lines:
        if len(line) <= 4:
            out.append(f"■ {line} | {HEADLINE['en'][:30]}")
        else:
            date, _, rest = line.partition(". ") if ". " in line else line.partition(": ")
            out.append(f"{rest} ({date})")
    return [*out, f"■ 2017 | {HEADLINE['en'][:30]}", out[-1]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("top", ["none", "clock"])
@pytest.mark.parametrize("years", ["alone", "headings"])
def test_a_chronologys_dates_are_no_publication_date(lang, top, years):
    furniture = [CLOCK[lang]] if top == "clock" else []
    entries = CHRONOLOGY[lang] if years == "alone" else titled_years(CHRONOLOGY[lang])
    text = page(*furniture, HEADLINE[lang], BODY[lang], *entries, MORE[lang])
    assert date_of(text, lang, title=HEADLINE[lang]) is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_chronology_under_its_own_date_line_keeps_that_date(lang):
    line, _snippet = PUBLISHED[lang]
    text = page(HEADLINE[lang], line, BODY[lang], *CHRONOLOGY[lang], MORE[lang])
    assert date_of(text, lang, title=HEADLINE[lang]) == ARTICLE_DATE


@pytest.mark.parametrize("lang", LANGS)
def test_one_dated_paragraph_is_still_a_dateline(lang):
    entry = CHRONOLOGY[lang][1]
    text = page(HEADLINE[lang], entry, BODY[lang], MORE[lang])
    assert date_of(text, lang, title=HEADLINE[lang]) == D(2015, 7, 14)


SENT = {  # a newsletter pasted with its e-mail header: the sending date dates it
    "ar": ("من: النشرة الصباحية", "أرسلت: الأربعاء 3 مارس 2021 07:02 ص", "الموضوع: نشرة الصباح"),
    "fa": ("از: خبرنامه صبح", "ارسال شده: چهارشنبه ۱۳ اسفند ۱۳۹۹ ساعت ۷:۰۲", "موضوع: خبرنامه صبح"),
    "ru": ("От: Утренняя рассылка", "Отправлено: 3 марта 2021 г. 7:02", "Тема: Главное к утру"),
    "en": (
        "From: Morning Brief",
        "Sent: Wednesday, March 3, 2021 7:02 AM",
        "Subject: Morning Brief",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_pasted_newsletters_sending_date_dates_it(lang):
    sender, sent, subject = SENT[lang]
    to = {"ar": "إلى: المكتب", "fa": "به: میز خبر", "ru": "Кому: отдел", "en": "To: desk"}[lang]
    text = page(
        sender, sent, to, subject, "", "View in browser", "", BREADCRUMB[lang], HEADLINE[lang]
    )
    text = page(text, BODY[lang], MORE[lang])
    assert date_of(text, lang, title=HEADLINE[lang]) == ARTICLE_DATE


@pytest.mark.parametrize("lang", LANGS)
def test_sent_in_a_sentence_is_no_label(lang):
    line = {
        "ar": "وقد أرسلت موسكو وفدا إلى أستانا يوم 5 مايو 2020 للمشاركة في المحادثات.",
        "fa": "مسکو در ۵ مه ۲۰۲۰ هیئتی به آستانه ارسال شده بود تا در مذاکرات شرکت کند.",
        "ru": "Приглашение было отправлено 5 мая 2020 года, и делегация прибыла в Астану.",
        "en": "Moscow sent a delegation to Astana on 5 May 2020 to join the talks.",
    }[lang]
    text = page(HEADLINE[lang], BODY[lang], line, MORE[lang])
    found = kinds(text, lang, title=HEADLINE[lang])
    assert "published" not in found.get(D(2020, 5, 5), set())  # (a body date at most)


READ_MORE_LINK = {
    "ar": "اقرأ المزيد ←",
    "fa": "ادامه مطلب ←",
    "ru": "Читать далее →",
    "en": "Read more →",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_newsletters_read_more_links_cut_only_themselves(lang):
    rule = "━" * 40
    link = READ_MORE_LINK[lang]
    text = page(HEADLINE[lang], BODY[lang], link, "", rule, "", MORE[lang], OLD_EVENT[lang], link)
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert link not in rest
    for kept in (BODY[lang], MORE[lang], OLD_EVENT[lang]):
        assert kept in rest


PRINT_PAGE = {  # (jump line out, jump line in, another story: headline, its lead)
    "ar": (
        "(التتمة ص 5)",
        "تتمة: لافروف يتحدث عن الهدنة",
        "القوات العراقية على بعد أمتار من إعلان التحرير",
        "بغداد - قال قادة عسكريون عراقيون أمس إن القوات باتت على بعد مئات الأمتار من ضفة نهر "
        "دجلة في المدينة القديمة بالموصل، وإن الإعلان مسألة ساعات.",
    ),
    "fa": (
        "ادامه در صفحه ۱۲",
        "ادامه از صفحه اول",
        "کشته شدن علی عبدالله صالح در صنعا",
        "گروه بین‌الملل: رسانه‌های وابسته به انصارالله اعلام کردند رئیس‌جمهور سابق یمن در "
        "درگیری‌های جنوب صنعا کشته شد و ائتلاف به رهبری عربستان سعودی آن را تحولی خطرناک خواند.",
    ),
    "ru": (
        "Продолжение на стр. 3",
        "Окончание. Начало на стр. 1",
        "В Судане продлили режим прекращения огня",
        "ХАРТУМ. Командование армии Судана объявило в пятницу о продлении режима прекращения огня "
        "еще на три дня, сообщили местные СМИ со ссылкой на военных.",
    ),
    "en": (
        "Continued on page 5",
        "Continued from page 1",
        "Sudan's army extends the ceasefire by three days",
        "KHARTOUM - Sudan's army said on Friday it would extend the ceasefire by three more days, "
        "local media reported, citing military sources in the capital.",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_another_story_of_a_print_page_is_cut(lang):
    out, into, headline, lead = PRINT_PAGE[lang]
    rule = "." * 90
    text = page(HEADLINE[lang], BODY[lang], out, rule, "", into, MORE[lang], rule, "", headline)
    text = page(text, lead, rule)
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert lead not in rest and headline not in rest
    assert BODY[lang] in rest and MORE[lang] in rest  # the article and its continuation


@pytest.mark.parametrize("lang", LANGS)
def test_a_newsletters_items_stay(lang):
    _out, _into, headline, lead = PRINT_PAGE[lang]
    rule = "━" * 40
    text = page(HEADLINE[lang], BODY[lang], rule, "", headline, lead, rule, MORE[lang])
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert lead in rest and BODY[lang] in rest  # no jump lines: one e-mail, all its items


COOKIES = {
    "ar": "يستخدم موقعنا ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. بمتابعة التصفح فإنك توافق على ذلك.",
    "fa": "این وب‌سایت برای بهبود تجربه کاربری از کوکی استفاده می‌کند. ادامه استفاده به معنای پذیرش است.",
    "ru": "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая, вы соглашаетесь с этим.",
    "en": "We and our partners use cookies to personalise content and ads. You can change your choices.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_cookie_banner_is_cut_and_the_headline_stays_the_outlets(lang):
    text = page(COOKIES[lang], BREADCRUMB[lang], HEADLINE[lang], BODY[lang], MORE[lang])
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert COOKIES[lang] not in rest and BODY[lang] in rest and HEADLINE[lang] in rest


CAPTIONS = {
    "ar": "[صورة] وزير الخارجية البولندي رادوسلاف سيكورسكي، الذي قال إنه لن يجلس في قاعة واحدة مع الوفد الروسي في الاجتماع الوزاري (رويترز)",
    "fa": "[تصویر] رادوسلاو سیکورسکی، وزیر خارجه لهستان، که گفت با هیئت روسیه در یک سالن نمی‌نشیند، در نشست وزیران خارجه سازمان امنیت و همکاری اروپا. عکس: رویترز",
    "ru": "[Фото] Глава МИД Польши Радослав Сикорский, который заявил, что не сядет в одном зале с российской делегацией, на заседании совета министров ОБСЕ. Фото: Reuters",
    "en": "[Image] Polish foreign minister Radosław Sikorski, who said he would not sit in the same room as the Russian delegation, at the ministerial council. Photograph: Reuters",
}
TEASERS = {
    "ar": "بكين تدرس دعما جديدا للاقتصاد  6  |  محتجو هونغ كونغ يتعهدون بالعودة  7",
    "fa": "پکن حمایت تازه را بررسی می‌کند  6  |  معترضان هنگ کنگ بازمی‌گردند  7",
    "ru": "Пекин готовит новую поддержку экономики  6  |  Протестующие в Гонконге вернутся  7",
    "en": "Beijing weighs fresh support as trade talks stall  6  |  Hong Kong marchers vow to return  7",
}


@pytest.mark.parametrize("lang", LANGS)
def test_bracketed_captions_and_a_pages_teaser_strip_are_cut(lang):
    text = page(HEADLINE[lang], "", BODY[lang], "", CAPTIONS[lang], "", OLD_EVENT[lang], "")
    text = page(text, MORE[lang], "", TEASERS[lang])
    rest = remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
    assert CAPTIONS[lang] not in rest and TEASERS[lang] not in rest
    assert BODY[lang] in rest and MORE[lang] in rest


@pytest.mark.parametrize("lang", LANGS)
def test_a_sentence_with_a_bar_and_numbers_stays(lang):
    line = {
        "ar": "وقال إن 6 دول | وليس 7 | وقعت على البيان الختامي في الاجتماع.",
        "fa": "او گفت ۶ کشور بیانیه را امضا کردند و ۷ کشور دیگر هم می‌پیوندند.",
        "ru": "Он сказал, что заявление подписали 6 стран, а еще 7 присоединятся позже.",
        "en": "He said 6 countries signed the statement and 7 more would join later.",
    }[lang]
    text = page(HEADLINE[lang], BODY[lang], line, MORE[lang])
    assert line in remaining(text, find_boilerplate(text, lang, title=HEADLINE[lang]))
