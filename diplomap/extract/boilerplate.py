"""Boilerplate: character spans of an article that are site furniture, not the article.

"Read also" blocks, most-viewed lists, tags, comments, photo/source lines, lone agency
names, related headlines injected between paragraphs. Markers are matched line by line
on normalised text (diplomap.normalize), so spelling variants (أ/إ/ا, ي/ی, ZWNJ or not)
do not matter. The phrase lists below are plain data and can be extended.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplomap.extract.common import (
    _CONT_START_RE,
    _LATIN_RE,
    _NON_LATIN_LETTER_RE,
    _WORD_RE,
    _alt,
    _Line,
    _lines,
    _mentions_lavrov,
)
from diplomap.normalize import normalize

__all__ = ["find_boilerplate", "is_breadcrumb"]

# --- boilerplate markers --------------------------------------------------------------

# (phrases, strict): strict phrases must be followed by ":"-like punctuation or the end
# of the line, so that "Related to this..." or "По теме Сирии..." stay content.
_READ_ALSO = (
    [
        "اقرأ أيضا",
        "اقرأ ايضا",
        "إقرأ أيضاً",
        "اقرأ كذلك",
        "اقرأ المزيد",
        "شاهد أيضا",
        "طالع أيضا",
        "بیشتر بخوانید",
        "همچنین بخوانید",
        "بخوانید_",
        "Читайте также",
        "Читать также",
        "Смотрите также",
        "Read more",
        "Read also",
        "Also read",
        "See also",
        "Related articles",
        "Related news",
        "Related stories",
        "Related content",
        "Related coverage",
        "You may also like",
        "More on this",
        "Further reading",
        "مطالب مرتبط",
        "اخبار مرتبط",
        "خبرهای مرتبط",
        "أخبار ذات صلة",
        "مواضيع ذات صلة",
        "مقالات ذات صلة",
        "أخبار متعلقة",
        "Похожие новости",
        "Материалы по теме",
        "Новости по теме",
        "Читайте по теме",
    ],
    ["Related", "Recommended", "По теме", "ذات صلة", "Подробнее", "بیشتر"],
)
_MOST_VIEWED = (
    [
        "الأكثر مشاهدة",
        "الأكثر قراءة",
        "الأكثر تداولا",
        "الأكثر تعليقا",
        "الأكثر شعبية",
        "پربازدیدترین",
        "پربازدید_ترین",
        "پربیننده_ترین",
        "پربحث_ترین",
        "پرخواننده_ترین",
        "Самое читаемое",
        "Самое популярное",
        "Самые читаемые",
        "Most read",
        "Most viewed",
        "Most popular",
        "Trending now",
        "Top stories",
    ],
    ["Trending", "Популярное", "آخر الأخبار", "Latest news", "آخرین اخبار", "Последние новости"],
)
_TAGS = (
    [
        "كلمات دلالية",
        "الكلمات المفتاحية",
        "كلمات مفتاحية",
        "الكلمات الدلالية",
        "برچسب_ها",
        "کلیدواژه_ها",
        "کلید واژه_ها",
        "کلمات کلیدی",
        "Ключевые слова",
    ],
    ["وسوم", "الوسوم", "برچسب", "کلیدواژه", "Теги", "Метки", "Tags", "Keywords", "Topics", "Темы"],
)
_END = (
    [
        "تکمیل می_شود",
        "ادامه دارد",
        "To be continued",
        "Продолжение следует",
        "أضف تعليق",
        "اضف تعليقك",
        "ارسال نظر",
        "نظر شما",
        "Leave a comment",
        "Add comment",
        "بحث و گفتگو",
        "بحث و گفت_وگو",
    ],
    ["يتبع", "التعليقات", "تعليقات", "نظرات", "Комментарии", "Comments"],
)
_SINGLE = (
    ["Follow us", "Subscribe to", "تابعونا", "تابعنا على", "Подписывайтесь", "Подпишитесь"],
    [
        "الصورة",
        "صورة",
        "عکس",
        "Фото",
        "Photo",
        "Image",
        "Photo credit",
        "المصدر",
        "مصدر",
        "منبع",
        "Источник",
        "Source",
        "شارك",
        "شارك الخبر",
        "Share",
        "Share this",
        "Поделиться",
        "اشتراک گذاری",
        "Subscribe",
        "Print",
        "طباعة",
        "چاپ",
        "تاريخ التحديث",
    ],
)
_COPYRIGHT_RE = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|"
    + _alt(
        [
            "جميع الحقوق محفوظة",
            "كل الحقوق محفوظة",
            "حقوق النشر محفوظة",
            "کلیه حقوق",
            "تمامی حقوق",
            "Все права защищены",
        ]
    )
)
_AGENCIES = {
    normalize(a)
    for a in [
        "Sputnik",
        "AFP",
        "Reuters",
        "AP",
        "Associated Press",
        "TASS",
        "ТАСС",
        "РИА Новости",
        "RIA Novosti",
        "ИА Регнум",
        "Регнум",
        "REGNUM",
        "Интерфакс",
        "Interfax",
        "Xinhua",
        "IRNA",
        "ISNA",
        "ایرنا",
        "ایسنا",
        "تسنیم",
        "خبرگزاری فارس",
        "خبرگزاری مهر",
        "اسپوتنیک",
        "سبوتنيك",
        "وكالات",
        "رويترز",
        "الأناضول",
        "واس",
        "أ ف ب",
        "د ب أ",
        "RT",
        "RT Arabic",
        "روسيا اليوم",
        "Anadolu",
        "Известия",
        "Коммерсантъ",
    ]
}
_NON_DIGIT_RE = re.compile(r"[^\W\d_]")
_SEP = r"(?:\s*(?:[:：\-–—|/»>.،,]|$))"

# Breadcrumbs: "Главная / В мире / Ближний Восток", "الرئيسية > سياسة", "خانه » سیاسی".
_HOME = [
    "Главная",
    "Главная страница",
    "На главную",
    "Home",
    "Homepage",
    "Home page",
    "الرئيسية",
    "الصفحة الرئيسية",
    "خانه",
    "صفحه اصلی",
    "صفحه نخست",
    "صفحه اول",
]
_HERE = ["Вы здесь", "Вы находитесь здесь", "You are here", "أنت هنا", "شما اینجا هستید"]
_CRUMB_CHAR_RE = re.compile(r"[/|>»›→]")
_CRUMB_SEP_RE = re.compile(r"\s+[/|]\s+|\s*[>»›→]+\s*")
_CRUMB_HOME_RE = re.compile(r"^" + _alt(_HOME) + r"$")
_CRUMB_HERE_RE = re.compile(r"^" + _alt(_HERE) + r"\s*[:：]\s*")
_CRUMB_TRIM = " \t-–—•·:|"


def _marker_re(spec: tuple[list[str], list[str]], tail: str = "") -> re.Pattern[str]:
    loose, strict = spec
    pats = []
    if loose:
        pats.append(_alt(loose) + r"(?!\w)")
    if strict:
        pats.append(_alt(strict) + _SEP)
    return re.compile(r"^(?:" + "|".join(pats) + ")" + tail)


@lru_cache(maxsize=1)
def _markers() -> dict[str, re.Pattern[str]]:
    return {
        "block": re.compile(
            "|".join(_marker_re(spec).pattern for spec in (_READ_ALSO, _MOST_VIEWED, _TAGS))
        ),
        "end": _marker_re(_END),
        "single": _marker_re(_SINGLE),
    }


_FOREIGN_DATELINE_RE = re.compile(
    r"^[^\n]{0,50}?(?:/\s*وكالات|\((?:reuters|afp|ap|tass|sputnik|ria)\)|[-—–]\s*риа\s+новости|[-—–]\s*тасс\b)"
)


def is_breadcrumb(line: str) -> bool:
    """Is `line` a breadcrumb trail ("Главная / В мире / Ближний Восток", "الرئيسية >
    سياسة")? Three or more short parts, or two that start at the home page."""
    if len(line) > 160 or not _CRUMB_CHAR_RE.search(line):
        return False
    norm = _CRUMB_HERE_RE.sub("", normalize(line).strip(_CRUMB_TRIM))
    parts = [p for p in (p.strip(_CRUMB_TRIM) for p in _CRUMB_SEP_RE.split(norm)) if p]
    if len(parts) < 2:
        return False
    for part in parts:
        words = _WORD_RE.findall(part)
        if not words or len(words) > 5 or not _NON_DIGIT_RE.search(part):
            return False
    return len(parts) >= 3 or bool(_CRUMB_HOME_RE.match(parts[0]))


def _classify(line: _Line) -> str | None:
    m = _markers()
    norm = line.norm
    if m["block"].match(norm):
        return "block"
    if m["end"].match(norm) and line.n_words <= 12:
        return "end"
    if _COPYRIGHT_RE.search(norm) and line.n_words <= 25:
        return "end"
    if m["single"].match(norm) and line.n_words <= 25:
        return "single"
    return None


def _is_agency_line(line: _Line, lang: str) -> bool:
    if line.final_punct or line.n_words > 4:
        return False
    bare = " ".join(_WORD_RE.findall(line.norm))
    if bare in _AGENCIES:
        return True
    # a short Latin-script line inside an Arabic-script or Cyrillic article
    return (
        lang in ("ar", "fa", "ru")
        and line.n_words <= 3
        and bool(_LATIN_RE.search(line.raw))
        and not _NON_LATIN_LETTER_RE.search(line.raw)
    )


def _lavrovish(line: _Line) -> bool:
    return _mentions_lavrov(line.norm) or bool(_CONT_START_RE.match(line.norm))


def _resumes(lines: list[_Line], j: int, stop: int, marker_pos: int, text_len: int) -> bool:
    """Does the article resume at real paragraph j after a furniture block?"""
    para = lines[j]
    if _FOREIGN_DATELINE_RE.match(para.norm):
        return False
    if _lavrovish(para):
        return True
    if any(lines[k].real and _lavrovish(lines[k]) for k in range(j + 1, stop)):
        return True
    return marker_pos < 0.4 * text_len


def find_boilerplate(text: str, lang: str) -> list[tuple[int, int]]:
    """Sorted, merged character spans of `text` that are site furniture, not the article."""
    lines = _lines(text)
    n = len(lines)
    if not n:
        return []
    kinds = [_classify(line) for line in lines]
    furniture = [False] * n
    text_len = len(text)
    i = 0
    while i < n:
        kind = kinds[i]
        if kind == "block":
            stop = next((k for k in range(i + 1, n) if kinds[k] in ("block", "end")), n)
            furniture[i] = True
            j = i + 1
            while j < stop and not lines[j].real:
                furniture[j] = True
                j += 1
            if j < stop and not _resumes(lines, j, stop, lines[i].start, text_len):
                for k in range(j, stop):
                    furniture[k] = True
                j = stop
            i = j
            continue
        if kind == "end":
            furniture[i] = True
            if lines[i].start >= 0.5 * text_len:
                for k in range(i + 1, n):
                    furniture[k] = True
                break
        elif kind == "single" or (i > 0 and _is_agency_line(lines[i], lang)):
            furniture[i] = True
        i += 1
    _mark_injected_headlines(lines, furniture)
    _mark_trailing_labels(lines, furniture)
    return _merge(text, [(ln.start, ln.end) for ln, f in zip(lines, furniture, strict=True) if f])


def _mark_injected_headlines(lines: list[_Line], furniture: list[bool]) -> None:
    """A related headline between paragraphs, followed by "he added ..."."""
    for i in range(1, len(lines) - 1):
        if furniture[i]:
            continue
        line = lines[i]
        if not line.headline_like or line.n_words > 30 or _mentions_lavrov(line.norm):
            continue
        nxt = next((k for k in range(i + 1, len(lines)) if not furniture[k]), None)
        if nxt is not None and _CONT_START_RE.match(lines[nxt].norm):
            furniture[i] = True


def _mark_trailing_labels(lines: list[_Line], furniture: list[bool]) -> None:
    """Short unpunctuated lines after the last real paragraph (site labels, bylines)."""
    candidates = []
    for i in range(len(lines) - 1, 0, -1):
        if furniture[i]:
            continue
        line = lines[i]
        if line.real or not line.headline_like:
            break
        if line.n_words > 12 or _lavrovish(line):
            break
        candidates.append(i)
    else:
        return  # reached the title: nothing real to protect, cut nothing
    for i in candidates:
        furniture[i] = True


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
