"""Navigation lines of a web page: breadcrumb trails, section paths and bare menus.

One detector for the two places that need it: boilerplate cuts a page's trails
(diplomap.extract.boilerplate), and the headline finder never takes any of the three for
the headline (diplomap.ingest_text). It sits beside `normalize`, below both.
"""

from __future__ import annotations

import re

from diplomap.normalize import normalize

__all__ = [
    "FEED_ITEM_RE",
    "FEED_LABELS",
    "TICKER_ITEMS_RE",
    "TICKER_RE",
    "WIDGET_RE",
    "breadcrumb_kind",
    "is_feed_label",
    "is_ticker_of_items",
    "may_be_trail",
]

# A news feed's label above its items ("19:48 Зеленский провел ..."): boilerplate cuts the
# block, the headline finder never takes the label for the headline
FEED_LABELS = (
    "Latest news", "News feed", "Последние новости", "Лента новостей", "آخر الأخبار",
    "شريط الأخبار", "آخرین اخبار", "اخبار لحظه به لحظه",
)  # fmt: skip
_FEED_LABELS_NORM = frozenset(normalize(label) for label in FEED_LABELS)


# A news feed's item: a time of day, then a headline of three words or more (normalised
# text: digits folded)
FEED_ITEM_RE = re.compile(r"\s*\d{1,2}:\d\d\s+(?=(?:[^\W\d_][\w'’-]*\s+){2}[^\W\d_])")


# A breaking-news ticker's line ("عاجل | الجزائر: ...", "Breaking: ...", «Срочно: ...»,
# «فوری | ...»), normalised: group 1 holds its bar. Boilerplate cuts one with a bar or in
# a run of two; the headline finder never takes one with a bar for the headline.
TICKER_RE = re.compile(
    r"^(?:عاجل|خبر\s+عاجل|breaking(?:\s+news)?|just\s+in|urgent|latest|top\s+stories|"
    r"срочно|молния|главное(?:\s+за\s+(?:сутки|день))?|فوري|خبر\s+فوري|"
    r"الابرز|اخر\s+الاخبار|تازه\s?ها|مهم\s?ترين\s+اخبار|تيتر\s+يك|تيترها)"
    r"\s*(?:([|│])|[:：])"
)
# Several headlines on one ticker line, parted by bullets or bars ("BREAKING: ... | ...",
# «МОЛНИЯ: ... • ...»)
TICKER_ITEMS_RE = re.compile(r"\s[•|│·]\s")


def is_ticker_of_items(norm: str) -> bool:
    """Is the (normalised) line a ticker with a bar or several headlines on it ("عاجل |
    ...", «МОЛНИЯ: ... • ...»): never a headline, always cut above the story?"""
    m = TICKER_RE.match(norm)
    return m is not None and (bool(m.group(1)) or TICKER_ITEMS_RE.search(norm, m.end()) is not None)


# A site's weather or exchange-rate widget ("Москва +14 °C USD 65,05 EUR 72,96", "بغداد
# 38° م", "تهران ۲۵ درجه", "USD 89.50 | EUR 97.10"): a temperature, or a currency code and
# a figure. Never a headline; a date beside it is the site's clock.
WIDGET_RE = re.compile(
    r"\d\s*°|°\s*[CFС]\b|(?<!\w)(?:درجة\s+مئوية|درجه\s+سانتی\w*)(?!\w)|"
    r"(?<![\w$€])(?:USD|EUR|GBP|RUB|CNY|\$|€)\s*[:=]?\s*\d+[.,]\d"
)


def is_feed_label(line: str) -> bool:
    """Is the line (as written) only a news feed's label?"""
    return normalize(line.strip(" \t:：-–—|")) in _FEED_LABELS_NORM


# The home page a trail or a menu opens with, and the "you are here" label before a trail
HOME_PAGES = frozenset(
    normalize(w)
    for w in (
        "Главная", "Главная страница", "На главную", "Home", "Homepage", "Home page",
        "الرئيسية", "الصفحة الرئيسية", "خانه", "صفحه اصلی", "صفحه نخست", "صفحه اول",
    )
)  # fmt: skip
_HERE = ("Вы здесь", "Вы находитесь здесь", "You are here", "أنت هنا", "شما اینجا هستید")
_CRUMB_HERE_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(normalize(h)).replace(r"\ ", r"\s+") for h in _HERE)
    + r")\s*[:：]\s*"
)
_CRUMB_CHAR_RE = re.compile(r"[/|>»›→·]")
_CRUMB_SEP_RE = re.compile(r"\s+[/|·]\s+|\s*[>»›→]+\s*")
# with an opening guillemet in the line, » closes a quotation («...», — заявил Лавров)
_CRUMB_SEP_QUOTED_RE = re.compile(r"\s+[/|·]\s+|\s*[>›→]+\s*")
_CRUMB_TRIM = " \t-–—•·:|"
_LETTERS_RE = re.compile(r"[^\W\d_]+")  # a word of letters
_NUMBER_RE = re.compile(r"\d+(?:[./:,-]\d+)*")  # "2,4204", "2024/09/09"
_PATH_SEPARATOR_RE = re.compile(r"\s[›>→]\s")
_YEAR_RE = re.compile(r"(?:13|14|19|20)\d\d")


def breadcrumb_kind(line: str) -> str | None:
    """What kind of navigation line `line` is, if any: a "trail" ("Главная / В мире /
    Ближний Восток", "الرئيسية > سياسة", "Вы здесь: Главная / Новости": three or more
    short parts, or two that start at the home page), a two-part section "path" ("Asia ›
    South-east Asia", "بین‌الملل › فلسطین و قدس", "News | Israel-Palestine conflict"),
    or a "menu" of bare words after the home page ("Главная Политика Экономика Спорт").
    Boilerplate cuts trails; a headline is none of the three."""
    if len(line) > 160:
        return None
    if "  " in line and (spaced := _spaced_menu(line)) is not None:
        return spaced  # "Казахстан   Кыргызстан   Таджикистан   Туркменистан"
    if not _CRUMB_CHAR_RE.search(line):  # (the common case: no line normalised)
        words = line.strip(_CRUMB_TRIM).split()
        if len(words) < 4:
            return None
        head = normalize(" ".join(words[:2])).split()
        return "menu" if any(" ".join(head[:n]) in HOME_PAGES for n in (1, 2)) else None
    norm = _CRUMB_HERE_RE.sub("", normalize(line).strip(_CRUMB_TRIM))
    separators = _CRUMB_SEP_QUOTED_RE if "«" in norm else _CRUMB_SEP_RE
    parts = [p for p in (p.strip(_CRUMB_TRIM) for p in separators.split(norm)) if p]
    if len(parts) < 2 or not all(_is_crumb_part(p) for p in parts):
        return None
    if len(parts) >= 3 or parts[0] in HOME_PAGES:
        return "trail"
    # two parts; a headline's closing quote is no separator
    if _PATH_SEPARATOR_RE.search(norm) or (" » " in norm and "«" not in norm):
        return "path"
    if " | " in norm and all(len(_LETTERS_RE.findall(p)) <= 3 for p in parts):
        return "path"
    return None


_SPACED_SEP_RE = re.compile(r"[ \t]{2,}")
_SPACED_MENU_PARTS = 4


def _spaced_menu(line: str) -> str | None:
    """A site's menu of short items set apart by runs of spaces: a trail to cut."""
    parts = [p for p in (p.strip(_CRUMB_TRIM) for p in _SPACED_SEP_RE.split(line)) if p]
    if len(parts) < _SPACED_MENU_PARTS or any(p.endswith((".", "!", "?", "؟")) for p in parts):
        return None
    return "trail" if all(_is_crumb_part(normalize(p)) for p in parts) else None


def _is_crumb_part(part: str) -> bool:
    """A part of a trail: one to five words and at most two numbers (a section, "EUR
    2,4204"; not a date line's "یکشنبه ۱۵ مهر ۱۴۰۳ - ۶ اکتبر ۲۰۲۴" nor "13/02/2024")."""
    numbers = _NUMBER_RE.findall(part)
    if len(numbers) == 2 and any(_YEAR_RE.fullmatch(n) for n in numbers):
        return False  # a day and a year: a date ("شنبه ۱۴ سرطان ۱۴۰۴ هـ ش")
    return 1 <= len(_LETTERS_RE.findall(part)) <= 5 and len(numbers) <= 2


def may_be_trail(line: str) -> bool:
    """A quick test: has `line` a trail's separator (or a run of spaces) at all (most
    lines have none)?"""
    return (
        "/" in line
        or "|" in line
        or ">" in line
        or "»" in line
        or "›" in line
        or "→" in line
        or "·" in line
        or "  " in line
    )  # (_CRUMB_CHAR_RE's characters, tested one by one: several times faster)
