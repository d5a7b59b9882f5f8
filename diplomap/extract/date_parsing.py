"""Reading one date expression: month names, calendars and `parse_date`.

`parse_date(expr)` reads one date expression (a metadata value, a CSV cell) and returns
(date, precision); `_scan` finds every date expression in a stretch of text, for
diplomap.extract.dates, which finds the article's publication date among them.

How it works: the digits of the text are folded to ASCII (same length, so spans stay
valid) and every run of digits is tried against a few compiled patterns (day-month-year,
month-day-year, numeric y-m-d and d/m/y) whose month names come from the tables below,
written once and matched tolerantly (Arabic/Persian letter variants, diacritics,
tatweel, ZWNJ, any case). Gregorian, Jalali (Persian solar) and Hijri (Umm al-Qura)
dates are converted directly; dateparser is only a memoised fallback for a short value
the patterns could not read. A time of day run into the year or the day ("5 March
202111:40", "2024-02-1310:15") ends it. `parse_date` rejects a date without a year, an
impossible date and anything outside 1990-01-01 .. today+1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from diplomap.normalize import NormText, fold_digits, normalize, normalize_text

__all__ = ["hijri_to_gregorian", "jalali_to_gregorian", "parse_date"]

MIN_DATE = dt.date(1990, 1, 1)

GREGORIAN, JALALI, HIJRI = "gregorian", "jalali", "hijri"


# --- data: month names, weekdays, eras, labels -----------------------------------------
# Each month is "name|name|...". Names are written naturally; they are normalised when
# the tables are built, and matched with letter variants and diacritics tolerated.

_MONTHS: dict[tuple[str, str], tuple[str, ...]] = {
    ("en", GREGORIAN): (
        "january|jan",
        "february|feb",
        "march|mar",
        "april|apr",
        "may",
        "june|jun",
        "july|jul",
        "august|aug",
        "september|sept|sep",
        "october|oct",
        "november|nov",
        "december|dec",
    ),
    ("ru", GREGORIAN): (
        "января|январь|январе|янв",
        "февраля|февраль|феврале|февр|фев",
        "марта|март|марте|мар",
        "апреля|апрель|апреле|апр",
        "мая|май|мае",
        "июня|июнь|июне|июн",
        "июля|июль|июле|июл",
        "августа|август|августе|авг",
        "сентября|сентябрь|сентябре|сент|сен",
        "октября|октябрь|октябре|окт",
        "ноября|ноябрь|ноябре|нояб|ноя",
        "декабря|декабрь|декабре|дек",
    ),
    # Egyptian/Gulf, Levantine/Iraqi and Maghrebi series
    ("ar", GREGORIAN): (
        "يناير|كانون الثاني|كانون ثاني|جانفي|جانفييه",
        "فبراير|فبرایر|شباط|فيفري|فبرير",
        "مارس|آذار",
        "أبريل|إبريل|نيسان|أفريل",
        "مايو|أيار|ماي|مايس",
        "يونيو|يونيه|حزيران|جوان",
        "يوليو|يوليه|تموز|جويلية|يوليوز",
        "أغسطس|آب|أوت|غشت",
        "سبتمبر|أيلول|شتنبر",
        "أكتوبر|تشرين الأول|تشرين أول",
        "نوفمبر|تشرين الثاني|تشرين ثاني|نونبر",
        "ديسمبر|كانون الأول|كانون أول|دجنبر",
    ),
    ("fa", GREGORIAN): (
        "ژانویه|ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه|می|مای",
        "ژوئن|ژوین",
        "ژوئیه|ژوییه|جولای",
        "اوت|آگوست|اگوست|آگست",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ),
    # Iranian names, then the Afghan (Dari) zodiac names of the same solar months
    ("fa", JALALI): (
        "فروردین|حمل",
        "اردیبهشت|ثور",
        "خرداد|جوزا|جوزاء",
        "تیر|سرطان",
        "مرداد|امرداد|اسد",
        "شهریور|سنبله",
        "مهر|میزان",
        "آبان|عقرب",
        "آذر|قوس",
        "دی|جدی",
        "بهمن|دلو",
        "اسفند|حوت",
    ),
    ("ar", HIJRI): (
        "محرم|المحرم",
        "صفر",
        "ربيع الأول|ربيع أول",
        "ربيع الآخر|ربيع الثاني|ربيع ثاني|ربيع آخر",
        "جمادى الأولى|جمادى الأول|جمادى أولى",
        "جمادى الآخرة|جمادى الثانية|جمادى الآخر|جمادى الثاني",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو القعدة|ذي القعدة",
        "ذو الحجة|ذي الحجة",
    ),
}

# Which tables are matched for an article language ("all" for unknown languages).
_LANG_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("en", GREGORIAN),),
    "ru": (("ru", GREGORIAN), ("en", GREGORIAN)),
    "ar": (("ar", GREGORIAN), ("fa", GREGORIAN), ("ar", HIJRI), ("en", GREGORIAN)),
    "fa": (
        ("fa", GREGORIAN),
        ("fa", JALALI),
        ("ar", GREGORIAN),
        ("ar", HIJRI),
        ("en", GREGORIAN),
    ),
    "all": tuple(_MONTHS),
}

# Monday first (Python's weekday numbers); a weekday names the week of a yearless date.
_WEEKDAYS: tuple[str, ...] = (
    "monday|mon|понедельник|пн|الاثنين|الإثنين|دوشنبه|دو شنبه",
    "tuesday|tue|tues|вторник|вт|الثلاثاء|سه شنبه",
    "wednesday|wed|среда|среду|ср|الأربعاء|چهارشنبه|چهار شنبه",
    "thursday|thu|thur|thurs|четверг|чт|الخميس|پنجشنبه|پنج شنبه",
    "friday|fri|пятница|пятницу|пт|الجمعة|جمعه|آدینه",
    "saturday|sat|суббота|субботу|сб|السبت|شنبه",
    "sunday|sun|воскресенье|вс|الأحد|یکشنبه|یک شنبه",
)
_TODAY = "today|сегодня|اليوم|امروز"

# Year suffixes naming a calendar. "هجري"/"هجری" alone is lunar in Arabic but often
# solar in Persian: it is resolved by the language and by which conversion is in range.
_ERAS: dict[str, str] = {
    "هـ": HIJRI,
    "ه": HIJRI,
    "هـ.ق": HIJRI,
    "ه ق": HIJRI,
    "ق": HIJRI,
    "هجرية": HIJRI,
    "قمری": HIJRI,
    "هجری قمری": HIJRI,
    "ah": HIJRI,
    "ه.ش": JALALI,
    "ه ش": JALALI,
    "ش": JALALI,
    "شمسی": JALALI,
    "خورشیدی": JALALI,
    "هجری شمسی": JALALI,
    "هجري": "hijri?",
    "م": GREGORIAN,
    "ميلادي": GREGORIAN,
    "ميلادية": GREGORIAN,
    "میلادی": GREGORIAN,
    "г": GREGORIAN,
    "г.": GREGORIAN,
    "гг": GREGORIAN,
    "гг.": GREGORIAN,
    "год": GREGORIAN,
    "года": GREGORIAN,
    "году": GREGORIAN,
    "ad": GREGORIAN,
    "ce": GREGORIAN,
}

# Header labels: kind 0 = published, 1 = a plain "date", 3 = updated (lower ranks win;
# 2 is a line that is nothing but a date).
_LABELS: dict[int, str] = {
    0: (
        "تاريخ النشر|تاريخ نشر|نشر في|نشر بتاريخ|نشر يوم|نشرت في|تم النشر|وقت النشر"
        "|تاریخ انتشار|زمان انتشار|منتشر شده در|منتشر شده|انتشار"
        "|опубликовано|опубликован|опубликована|дата публикации|публикация"
        "|published on|published|first published|publication date|date published"
        "|posted on|posted|created"
        # an e-mail's sending date, with its colon: a newsletter pasted with its header
        "|تاريخ الإرسال:|أرسلت:|أرسل في:|تاریخ ارسال:|ارسال شده:|отправлено:|sent:"
    ),
    1: "التاريخ|تاريخ|بتاريخ|تاریخ|дата|date|dated",
    3: (
        "آخر تحديث|تاريخ التحديث|تاريخ تحديث|تم التحديث|تحديث|محدث|آخرین به روزرسانی"
        "|تاریخ به روزرسانی|به روزرسانی|بروزرسانی|به روز شده|بروز شده|ویرایش"
        "|обновлено|обновлен|обновлена|изменено|последнее обновление|дата обновления"
        "|дата изменения|last updated|updated on|updated|last modified|date modified|modified"
    ),
}

_GAP = r"\s*"  # a space inside a name: optional (ZWNJ is gone after normalisation)


# --- building the patterns -------------------------------------------------------------
# Every pattern runs on normalised text (diplomap.normalize: letter variants folded,
# diacritics/tatweel/ZWNJ removed, lower case), in a small window around a candidate, and
# spans are mapped back to the article with NormText.to_original.


def _key(name: str) -> str:
    """Lookup key of a matched or listed name: normalised, without spaces or dots."""
    return re.sub(r"[\s\u200c.]+", "", normalize(name))


def _alternation(names: list[str] | tuple[str, ...]) -> str:
    """One group matching any of `names` (normalised; longest first, so prefixes don't win)."""
    uniq = sorted({normalize(n) for n in names}, key=lambda n: (-len(n), n))
    return "(?:" + "|".join(re.escape(n).replace("\\ ", _GAP) for n in uniq) + ")"


@lru_cache(maxsize=1)
def _month_lookup() -> dict[str, tuple[str, int]]:
    lookup: dict[str, tuple[str, int]] = {}
    for (_lang, calendar), months in _MONTHS.items():
        for number, names in enumerate(months, start=1):
            for name in names.split("|"):
                value = (calendar, number)
                old = lookup.setdefault(_key(name), value)
                if old != value:  # pragma: no cover - a data error
                    raise ValueError(f"month name {name!r} is ambiguous: {old} vs {value}")
    return lookup


@lru_cache(maxsize=1)
def _era_lookup() -> dict[str, str]:
    return {_key(name): cal for name, cal in _ERAS.items()}


@dataclass(frozen=True)
class _Patterns:
    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    month_first_noyear: re.Pattern[str]
    ymd: re.Pattern[str]
    dmy: re.Pattern[str]
    year: re.Pattern[str]


_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th|-?го|-?е|ام)?"
# The end of a year or day that a time of day may follow with no space ("202111:40").
_END = r"(?:(?!\d)|(?=(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)))"


@lru_cache(maxsize=8)
def _patterns(key: str) -> _Patterns:
    names = [n for table in _LANG_TABLES[key] for m in _MONTHS[table] for n in m.split("|")]
    month = _alternation(names)
    mah = _alternation(["ماه"])
    m1 = rf"(?P<m>{month})(?:{_GAP}{mah})?(?!\w)\.?"
    m2 = rf"(?:\s*[/(]\s*(?P<m2>{month})(?!\w)\.?\s*\)?)?"
    era = rf"(?:\s*(?P<era>{_alternation(list(_ERAS))})(?!\w))?"
    year = rf"(?P<y>\d{{4}}){_END}{era}"
    year_word = _alternation(["سنة", "عام", "سال", "of"])
    flags = 0
    return _Patterns(
        day_first=re.compile(
            rf"{_DAY}[\s,،.\-/]*(?:(?:of|de|من)\s+)?{m1}{m2}"
            rf"(?:[\s,،.\-/]*(?:{year_word}\s+)?{year})?",
            flags,
        ),
        month_first=re.compile(rf"{m1}{m2}[\s,،]*(?:{_DAY}[\s,،]+)?{year}", flags),
        month_first_noyear=re.compile(rf"{m1}{m2}\s*{_DAY}", flags),
        ymd=re.compile(
            rf"(?P<y>\d{{4}})(?P<s>[-/.])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}}){_END}{era}",
            flags,
        ),
        dmy=re.compile(rf"(?P<a>\d{{1,2}})(?P<s>[-/.])(?P<b>\d{{1,2}})(?P=s){year}", flags),
        year=re.compile(year, flags),
    )


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(weekday before a date, "today" before a date, header labels)."""
    names = [n for day in _WEEKDAYS for n in day.split("|")]
    weekday = re.compile(
        rf"(?<!\w)(?:{_alternation(['يوم', 'روز'])}\s+)?(?P<wd>{_alternation(names)})"
        rf"(?!\w)\.?[\s,،\-–—]*\Z"
    )
    today = re.compile(
        rf"(?<!\w){_alternation(_TODAY.split('|'))}(?:\s+is)?[\s,،:(\-–—]*"
        rf"(?:{_alternation(['يوم', 'روز'])}\s+)?(?:{_alternation(names)}(?!\w)\.?[\s,،\-–—]*)?\Z"
    )
    labels = "|".join(  # "date" last: "تاريخ التحديث" is an updated label, not a date one
        rf"(?P<k{kind}>{_alternation(_LABELS[kind].split('|'))})" for kind in (0, 3, 1)
    )
    return weekday, today, re.compile(rf"(?<!\w)(?:{labels})(?!\w)")


@lru_cache(maxsize=1)
def _weekday_words() -> re.Pattern[str]:
    names = [n for day in _WEEKDAYS for n in day.split("|")]
    return re.compile(rf"(?<!\w){_alternation(names)}(?!\w)")


@lru_cache(maxsize=1)
def _weekday_lookup() -> dict[str, int]:
    return {_key(n): i for i, day in enumerate(_WEEKDAYS) for n in day.split("|")}


_DIGITS = re.compile(r"\d+")
_TRAILING_MARK = re.compile("[\u064b-\u065f\u0670\u0640]")
_EASTERN_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_YEAR4 = re.compile(r"(?<!\d)\d{4}(?!\d)")
_PERSIAN_HINT = re.compile("[\u06f0-\u06f9پچژگکی]")
_LETTER = re.compile(r"[^\W\d_]")


# --- calendars -------------------------------------------------------------------------

_JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097)


def _jalali_new_year(jy: int) -> dt.date:
    """Gregorian date of 1 Farvardin of Jalali year `jy` (jalaali-js algorithm)."""
    gy = jy + 621
    leap_j = -14
    jp = _JALALI_BREAKS[0]
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += jump // 33 * 8 + (jump % 33) // 4
        jp = jm
    n = jy - jp
    leap_j += n // 33 * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    return dt.date(gy, 3, 20 + leap_j - leap_g)


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> dt.date | None:
    """The Gregorian date of a Jalali date, or None if there is no such date."""
    if not (1 <= jy <= 2000 and 1 <= jm <= 12 and 1 <= jd <= 31):
        return None
    if jm > 6 and jd > 30:
        return None
    start = _jalali_new_year(jy)
    if jm == 12 and jd > (_jalali_new_year(jy + 1) - start).days - 336:
        return None
    offset = (jm - 1) * 31 - (jm // 7) * (jm - 7) + jd - 1
    return start + dt.timedelta(days=offset)


def hijri_to_gregorian(hy: int, hm: int, hd: int) -> dt.date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None if there is none."""
    try:
        from hijridate import Hijri  # lazy: Hijri dates are rare
    except ImportError:  # pragma: no cover - hijridate comes with dateparser[calendars]
        from convertdate import islamic  # lazy fallback

        try:
            return dt.date(*islamic.to_gregorian(hy, hm, hd))
        except ValueError:
            return None
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _to_gregorian(calendar: str, y: int, m: int, d: int) -> dt.date | None:
    if calendar == JALALI:
        return jalali_to_gregorian(y, m, d)
    if calendar == HIJRI:
        return hijri_to_gregorian(y, m, d)
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --- candidates ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # span of the date expression
    end: int
    date: dt.date | None  # None: rejected expression, or day and month without a year
    precision: str | None
    month: int = 0  # for a yearless day-month (Gregorian only)
    day: int = 0
    wstart: int = -1  # start including a leading weekday
    weekday: int = -1  # that weekday (0 = Monday), -1 when there is none
    cal: str = GREGORIAN  # the calendar it is written in

    @property
    def full(self) -> bool:
        return self.date is not None

    @property
    def yearless(self) -> bool:
        return self.date is None and self.month > 0


@dataclass(frozen=True)
class _Ctx:
    key: str  # pattern set
    lang: str  # "ar" | "fa" | "ru" | "en" | "other"
    jalali_numbers: bool  # a numeric year 1300-1499 may be Jalali
    today: dt.date
    story_weekday: int = -1  # "on Saturday" in an English story (Monday = 0), or -1
    story_day: tuple[int, int] | None = None  # a wire dateline's (month, day): "ROME, July 10"

    @property
    def latest(self) -> dt.date:
        return self.today + dt.timedelta(days=1)


def _make_ctx(lang: str | None, today: dt.date, sample: str = "") -> _Ctx:
    lang = (lang or "").lower()
    key = lang if lang in _LANG_TABLES else "all"
    jalali = lang == "fa" or (key == "all" and bool(_PERSIAN_HINT.search(sample)))
    weekday = _STORY_WEEKDAY_RE.search(sample) if lang == "en" else None
    story_weekday = _EN_WEEKDAYS.index(weekday.group(1).lower()) if weekday else -1
    story_day = _dateline_day(sample) if lang == "en" else None
    return _Ctx(key, lang or "other", jalali, today, story_weekday, story_day)


_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
# An English wire dateline: "KUALA LUMPUR, July 10 (Bernama) --", "LONDON, 10 July (AP) -"
_DATELINE_RE = re.compile(
    rf"(?m)^[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s+(?:(?P<m1>{_MONTH_WORD})\s+"
    rf"(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_WORD}))(?!\s*,?\s*\d{{4}})"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|-|–|—|:)"
)


def _dateline_day(sample: str) -> tuple[int, int] | None:
    """(month, day) of an English wire dateline without a year, or None."""
    m = _DATELINE_RE.search(sample)
    if m is None:
        return None
    word = (m.group("m1") or m.group("m2")).lower()[:3]
    day = int(m.group("d1") or m.group("d2"))
    return (_EN_MONTHS.index(word) + 1, day) if 1 <= day <= 31 else None


_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The day an English story's events happened: "called on Saturday for ..."
_STORY_WEEKDAY_RE = re.compile(rf"(?i)\bon\s+({'|'.join(_EN_WEEKDAYS)})\b(?![\s,]+\d)")


def _in_range(date: dt.date | None, ctx: _Ctx) -> dt.date | None:
    return date if date is not None and MIN_DATE <= date <= ctx.latest else None


def _calendars_for_year(y: int, era: str | None, ctx: _Ctx) -> tuple[str, ...]:
    """Calendars a numeric date with year `y` (and era suffix) may be in, in order."""
    cal = _era_lookup().get(_key(era)) if era else None
    if cal == "hijri?":
        cal = None if ctx.lang == "fa" else HIJRI
        if cal is None:
            return (JALALI, HIJRI)
    if cal:
        return (cal,)
    if 1900 <= y <= 2199:
        return (GREGORIAN,)
    if 1300 <= y <= 1499 and ctx.jalali_numbers:
        return (JALALI, HIJRI)
    return ()


def _resolve(cals: Sequence[str], y: int, m: int, d: int, ctx: _Ctx) -> tuple[dt.date, str] | None:
    """The date of the first calendar `cals` in which y-m-d is a possible date, and that
    calendar."""
    for cal in cals:
        date = _in_range(_to_gregorian(cal, y, m, d), ctx)
        if date is not None:
            return date, cal
    return None


def _month_of(group: str | None) -> tuple[str, int] | None:
    return _month_lookup().get(_key(group)) if group else None


def _named_date(m: re.Match[str], ctx: _Ctx) -> _Cand:
    """A candidate from a match with a month name, a day and/or a year."""
    start, end = m.span()
    month = _month_of(m.group("m"))
    other = _month_of(m.group("m2"))
    if month is None or (other is not None and other[1] != month[1]):
        return _Cand(start, end, None, None)
    cal, number = month
    day = int(m.group("d")) if m.groupdict().get("d") else 0
    y = m.groupdict().get("y")
    if y is None:
        if (
            cal == HIJRI
            or day == 0
            or _to_gregorian(cal, 1403 if cal == JALALI else 2000, number, day) is None
        ):
            return _Cand(start, end, None, None)
        return _Cand(start, end, None, None, number, day, cal=cal)
    if cal == GREGORIAN:
        era = _era_lookup().get(_key(m.group("era") or ""))
        if era in (HIJRI, JALALI):
            return _Cand(start, end, None, None)
    date = _in_range(_to_gregorian(cal, int(y), number, day or 1), ctx)
    return _Cand(start, end, date, "day" if day else "month", cal=cal)


def _reading_on_the_storys_weekday(
    orders: list[tuple[int, int]], year: int, weekday: int
) -> list[tuple[int, int]]:
    """English "07/12/2024" is July 12 or 7 December: month first, unless only the other
    reading falls on the story's "on Saturday" or the day after it (a story is
    published on its day or the next)."""

    def days_after(order: tuple[int, int]) -> int:
        try:
            return (dt.date(year, *order).weekday() - weekday) % 7
        except ValueError:
            return 7

    first, other = orders
    if days_after(first) > 1 and days_after(other) <= 1:
        return [other, first]
    return orders


def _numeric_date(m: re.Match[str], ctx: _Ctx, ymd: bool) -> _Cand:
    start, end = m.span()
    y = int(m.group("y"))
    cals = _calendars_for_year(y, m.group("era"), ctx)
    if ymd:
        orders = [(int(m.group("m")), int(m.group("d")))]
    else:
        a, b = int(m.group("a")), int(m.group("b"))
        month_first = ctx.lang == "en" and m.group("s") == "/" and a <= 12
        orders = [(a, b), (b, a)] if month_first else [(b, a), (a, b)]
        # English dashes ("05-02-2022") are day first, unless the story's day says otherwise
        either = ctx.lang == "en" and a <= 12 and b <= 12 and m.group("s") in "/-"
        if either and ctx.story_day in orders:
            orders = sorted(orders, key=lambda order: order != ctx.story_day)
        elif either and ctx.story_weekday >= 0:
            orders = _reading_on_the_storys_weekday(orders, y, ctx.story_weekday)
        if cals != (GREGORIAN,) or a == b:
            orders = orders[:1]  # day first in Jalali/Hijri numbers
    for month, day in orders:
        found = _resolve(cals, y, month, day, ctx)
        if found is not None:
            return _Cand(start, end, found[0], "day", cal=found[1])
    return _Cand(start, end, None, None)


def _fold(text: str) -> str:
    """fold_digits, skipped when there is nothing to fold (the common case is fast); a
    Persian day written as an ordinal word before a month name («بیستم مهرماه») becomes
    its digits, padded with spaces to the word's length (offsets are kept)."""
    if _EASTERN_DIGIT.search(text):
        text = fold_digits(text)
    # (a longer text is Persian only with a Persian yeh or keheh in it)
    if len(text) < _SHORT_TEXT or "\u06cc" in text or "\u06a9" in text:
        text = _fold_ordinal_days(text)
    return text


_FA_UNITS = ("یکم|اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم")
_FA_TEENS = (
    "دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم|پونزدهم", "شانزدهم",
    "هفدهم", "هجدهم|هیجدهم|هژدهم", "نوزدهم",
)  # fmt: skip


def _persian_ordinal_days() -> dict[str, int]:
    """Persian ordinal day words (written without spaces or ZWNJ) -> the day."""
    days = {"بیستم": 20, "سیام": 30, "سیوکم": 31, "سیویکم": 31}
    for n, forms in enumerate(_FA_UNITS, 1):
        for form in forms.split("|"):
            days[form] = n
            days["بیستو" + form] = 20 + n
    days["سیویکم"] = 31
    for n, forms in enumerate(_FA_TEENS, 10):
        for form in forms.split("|"):
            days[form] = n
    return days


_FA_ORDINAL_DAYS = _persian_ordinal_days()
_FA_MONTH_WORDS = "|".join(
    sorted(
        {
            m
            for key in (("fa", JALALI), ("fa", GREGORIAN))
            for ms in _MONTHS[key]
            for m in ms.split("|")
        },
        key=len,
        reverse=True,
    )
)
# Where a Persian ordinal day may end: its last letter (م, or ل of اول) right before a
# month name (a character class first: the scan skips quickly to candidates)
_FA_ORDINAL_END_RE = re.compile(
    "[مل](?=[\\s\u200c]+(?:" + _FA_MONTH_WORDS + ")(?:[\\s\u200c]?ماه)?(?!\\w))"
)
# The one or two words that end there ("بیستم", "بیست و یکم", "سی‌ام")
_ORDINAL_WORDS_RE = re.compile("(?<![\\w\u200c])(?:\\w+[\\s\u200c]*(?:و[\\s\u200c]*)?)?\\w+$")
_MAX_ORDINAL_CHARS = 16
_SHORT_TEXT = 200


def _fold_ordinal_days(text: str) -> str:
    """Each Persian ordinal day before a month name as its digits, right-aligned in the
    ordinal's width (the text keeps its length)."""
    parts, last = [], 0
    for m in _FA_ORDINAL_END_RE.finditer(text):
        end = m.end()
        lo = max(last, end - _MAX_ORDINAL_CHARS)
        words = _ORDINAL_WORDS_RE.search(text, lo, end)
        if words is None:
            continue
        for start in (words.start(), text.rfind(" ", words.start(), end) + 1):
            day = _FA_ORDINAL_DAYS.get(re.sub("[\\s\u200c]", "", text[start:end]))
            if day is not None and start >= last:
                parts += [text[last:start], str(day).rjust(end - start)]
                last = end
                break
    return "".join([*parts, text[last:]]) if parts else text


def _norm_window(folded: str, lo: int, hi: int) -> NormText:
    return normalize_text(folded[max(0, lo) : hi])


def _shift(cand: _Cand, nt: NormText, lo: int) -> _Cand:
    """Map a candidate found in a normalised window back to article offsets (with the
    diacritics or tatweel that end its last word, as in "هـ")."""
    start, end = nt.to_original(cand.start, cand.end)
    while end < len(nt.original) and _TRAILING_MARK.match(nt.original, end):
        end += 1
    return replace(cand, start=start + lo, end=end + lo, wstart=start + lo)


def _match_at(folded: str, pos: int, run_end: int, ctx: _Ctx) -> _Cand | None:
    """The date expression whose digits start at `pos`, if any."""
    pats = _patterns(ctx.key)
    lo = max(0, pos - 40)
    nt = _norm_window(folded, lo, run_end + 70)
    text = nt.norm
    p = nt.to_norm(pos - lo, pos - lo)[0]
    p_end = nt.to_norm(run_end - lo, run_end - lo)[0]
    cand = None
    if m := pats.ymd.match(text, p):
        cand = _numeric_date(m, ctx, ymd=True)
    elif m := pats.dmy.match(text, p):
        cand = _numeric_date(m, ctx, ymd=False)
    elif p_end - p <= 2 and (m := pats.day_first.match(text, p)):
        cand = _named_date(m, ctx)
    else:
        cand = _month_first(text, p, p_end, pats, ctx)
    return _shift(cand, nt, lo) if cand is not None else None


def _month_first(text: str, p: int, p_end: int, pats: _Patterns, ctx: _Ctx) -> _Cand | None:
    """A date written month first ("February 13, 2024", "فبراير 2021") whose digits start at p."""
    lo, hi = max(0, p - 30), p_end + 30
    # one pass for both readings of month_first: the first match whose day starts at p,
    # else the first whose year does (what a pass for each, day first, would find)
    year_at_p = None
    for m in pats.month_first.finditer(text, lo, hi):
        if m.start("d") == p:
            return _named_date(m, ctx)
        if year_at_p is None and m.start("y") == p:
            year_at_p = m
        if m.start() > p:
            break
    if year_at_p is not None:
        return _named_date(year_at_p, ctx)
    for m in pats.month_first_noyear.finditer(text, lo, hi):
        if m.start("d") == p:
            return _named_date(m, ctx)
        if m.start() > p:
            break
    return None


def _with_weekday(folded: str, cand: _Cand) -> _Cand:
    """The candidate with its start moved back over a leading weekday, if any."""
    lo = max(0, cand.start - 30)
    nt = _norm_window(folded, lo, cand.start)
    m = _context_patterns()[0].search(nt.norm)
    if m is None:
        return cand
    weekday = _weekday_lookup().get(_key(m.group("wd")), -1)
    return replace(cand, wstart=lo + nt.to_original(m.start(), m.start() + 1)[0], weekday=weekday)


def _scan(folded: str, lo: int, hi: int, ctx: _Ctx, rejected: bool = False) -> list[_Cand]:
    """Every date expression whose first digit lies in [lo, hi), in order (with the
    expressions rejected as impossible when `rejected`)."""
    out: list[_Cand] = []
    done = lo
    for run in _DIGITS.finditer(folded, lo, hi):
        pos = run.start()
        if pos < done:
            continue
        cand = _match_at(folded, pos, run.end(), ctx)
        if cand is None:
            continue
        done = cand.end
        if cand.full or cand.yearless:
            out.append(_with_weekday(folded, cand))
        elif rejected:
            out.append(cand)
    return out


# --- parse_date ------------------------------------------------------------------------


def parse_date(
    text: str, lang: str | None = None, *, today: dt.date | None = None
) -> tuple[dt.date, str] | None:
    """Read one date expression: (date, precision) or None.

    The precision is "day", "month" or "year". Dates outside 1990-01-01 .. today + 1 day,
    impossible dates and dates without a year are rejected.
    """
    if not isinstance(text, str):
        return None
    return _parse_date(text.strip()[:200], lang, today or dt.date.today())


@lru_cache(maxsize=4096)
def _parse_date(text: str, lang: str | None, today: dt.date) -> tuple[dt.date, str] | None:
    if not text:
        return None
    folded = _fold(text)
    ctx = _make_ctx(lang, today, text)
    cands = _scan(folded, 0, len(folded), ctx, rejected=True)
    for cand in cands:
        if cand.full:
            return cand.date, cand.precision  # type: ignore[return-value]
    if cands:  # an impossible date or one without a year: no second opinion
        return None
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", folded)
    if compact:
        date = _in_range(_to_gregorian(GREGORIAN, *map(int, compact.groups())), ctx)
        return (date, "day") if date else None
    year = _bare_year(folded, 0, len(folded), ctx)
    if year is not None and not _LETTER.search(folded[: year.start] + folded[year.end :]):
        return year.date, "year"  # type: ignore[return-value]
    return _fallback(folded, ctx)


def _bare_year(folded: str, lo: int, hi: int, ctx: _Ctx) -> _Cand | None:
    """A Gregorian year alone (with an optional era suffix) at the first digits in [lo, hi)."""
    run = _DIGITS.search(folded, lo, hi)
    if run is None:
        return None
    m = _patterns(ctx.key).year.match(folded, run.start())
    if not m or _calendars_for_year(int(m.group("y")), m.group("era"), ctx) != (GREGORIAN,):
        return None
    date = _in_range(dt.date(int(m.group("y")), 1, 1), ctx)
    return _Cand(m.start(), m.end(), date, "year", wstart=m.start()) if date else None


def _fallback(folded: str, ctx: _Ctx) -> tuple[dt.date, str] | None:
    """dateparser (or its Jalali/Hijri calendars) on one short string with a 4-digit year."""
    years = [int(y) for y in _YEAR4.findall(folded)]
    if not years or len(folded) > 80 or len(_DIGITS.findall(folded)) < 2:
        return None  # a year and at least a day or a month number
    if any(1300 <= y <= 1499 for y in years):
        calendar = JALALI if ctx.jalali_numbers else None
        if _era_in(folded) == HIJRI or calendar is None:
            calendar = HIJRI if _era_in(folded) == HIJRI else None
        return _calendar_fallback(folded, calendar, ctx) if calendar else None
    if not any(MIN_DATE.year <= y <= ctx.latest.year for y in years):
        return None
    result = _dateparser_parse(folded, ctx.lang, ctx.today)
    if result is None:
        return None
    date, precision = result
    if date.year not in years or _in_range(date, ctx) is None:
        return None
    return date, precision


def _era_in(text: str) -> str | None:
    era = re.search(r"(?<!\w)(هـ|ه|ق|هجري|هجرية|ش)(?!\w)", normalize(text).replace("ـ", ""))
    return _era_lookup().get(_key(era.group(1))) if era else None


@lru_cache(maxsize=1024)
def _calendar_fallback(text: str, calendar: str, ctx: _Ctx) -> tuple[dt.date, str] | None:
    try:
        if calendar == JALALI:
            from dateparser.calendars.jalali import JalaliCalendar as Calendar  # lazy: rare, ~0.1 s
        else:
            from dateparser.calendars.hijri import HijriCalendar as Calendar  # lazy: rare, ~0.1 s
        data = Calendar(text).get_date()
    except Exception:  # dateparser's calendar parsers raise on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    date = _in_range(data.date_obj.date(), ctx)
    return (date, "day") if date else None


_DATEPARSER_LANGS = {"ar", "fa", "ru", "en"}


@lru_cache(maxsize=1024)
def _dateparser_parse(text: str, lang: str, today: dt.date) -> tuple[dt.date, str] | None:
    try:
        from dateparser.date import DateDataParser  # lazy: ~0.2 s, most dates need no dateparser
    except ImportError:  # pragma: no cover
        return None
    languages = [lang, "en"] if lang in _DATEPARSER_LANGS - {"en"} else ["en"]
    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY" if lang == "en" else "DMY",
        "REQUIRE_PARTS": ["year"],
    }
    try:
        data = DateDataParser(languages=languages, settings=settings).get_date_data(text)
    except Exception:  # dateparser raises on some hostile strings (overflows)
        return None
    if data is None or data.date_obj is None:
        return None
    precision = {"day": "day", "time": "day", "month": "month", "year": "year"}.get(
        data.period or "day"
    )
    return (data.date_obj.date(), precision) if precision else None
