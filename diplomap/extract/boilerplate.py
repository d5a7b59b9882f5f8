"""Boilerplate: character spans of an article that are site furniture, not the article.

"Read also" blocks, most-viewed lists, tags, comments, photo/source lines, lone agency
names, related headlines injected between paragraphs. Markers are matched line by line
on normalised text (diplomap.normalize), so spelling variants (أ/إ/ا, ي/ی, ZWNJ or not)
do not matter. The phrase lists below are plain data and can be extended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplomap.extract.common import (
    _CONT_START_RE,
    _LATIN_RE,
    _LEAD_JUNK_RE,
    _NON_LATIN_LETTER_RE,
    _WORD_RE,
    _alt,
    _Line,
    _lines,
    _mentions_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.navigation import (
    FEED_ITEM_RE,
    FEED_LABELS,
    TICKER_RE,
    WIDGET_RE,
    breadcrumb_kind,
    is_ticker_of_items,
    may_be_trail,
)
from diplomap.normalize import NormText, normalize

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
        "Также читайте",
        "Читайте еще",
        "Еще по теме",
        "Другие новости",
        "Похожие материалы",
        "Рекомендуем прочитать",
        "قد يهمك أيضا",
        "قد يعجبك أيضا",
        "مواضيع مقترحة",
        "أخبار مقترحة",
        "مطالب پیشنهادی",
        "پیشنهاد سردبیر",
        "More stories",
        "More from",
        "Related topics",
        "Related posts",
        "Editor's picks",
    ],
    ["Related", "Recommended", "По теме", "ذات صلة", "Подробнее", "بیشتر", "مرتبط", "Рекомендуем"],
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
    ["Trending", "Популярное", *FEED_LABELS],
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
        "الكلمات الدالة",
        "تگ_ها",
        "واژگان کلیدی",
        "Filed under",
        "Tagged with",
    ],
    [
        "وسوم",
        "الوسوم",
        "موضوعات",
        "برچسب",
        "کلیدواژه",
        "تگ",
        "هشتگ",
        "Теги",
        "Метки",
        "Темы",
        "Тема",
        "Рубрика",
        "Рубрики",
        "Сюжет",
        "Tags",
        "Tagged",
        "Hashtags",
        "Keywords",
        "Topics",
    ],
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
# The heading of readers' comments with their number ("Comments (212)", "Комментарии (14)",
# "التعليقات (3)", "۱۲ نظر", "14 комментариев"): the article ends there (normalised)
_COMMENT_WORDS = (
    r"(?:(?:reader\s+|readers'?\s+)?comments?|комментари\w*|отзыв\w*|(?:ال)?تعليق(?:ات)?(?:\s+القراء)?|"
    r"نظرات(?:\s+كاربران)?|نظر|ديدگاه(?:\s?ها)?)"
)
_COMMENTS_HEAD_RE = re.compile(
    rf"^(?:[💬🗨]\s*)?(?:{_COMMENT_WORDS}\s*[(\[]\s*[0-9]+\s*[)\]]|[0-9]+\s+{_COMMENT_WORDS})"
    rf"(?:\s*[:：|]?\s*$|\s+(?:sort\s+by|показать|сортировать)\b)"
)
_SINGLE = (
    [
        "Follow us",
        "Subscribe to",
        "Join our",
        "تابعونا",
        "تابعنا على",
        "تابعوا",
        "اشترك الآن",
        "للاشتراك في",
        "عضو کانال",
        "به کانال تلگرام",
        "Подписывайтесь",
        "Подпишитесь",
        "Подписаться на",
        "Присоединяйтесь",
        "Следите за новостями",
        # the link to the rest of an item (a newsletter's, a front page's)
        "Читать далее",
        "Читать полностью",
        "ادامه مطلب",
        "ادامه خبر",
        "Continue reading",
        "اقرأ التفاصيل",
    ],
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
# A line crediting the reporters or editors ("Georgia Hamilton contributed to this report",
# "ساهمت في هذا التقرير ...", "В подготовке материала участвовал ...", "تهیه و تنظیم: ..."):
# the outlet's, and its names are nobody's places
_CREDIT_START_RE = re.compile(
    r"\(?\s*(?:additional\s+)?(?:reporting|editing|writing|compiled)\s+by(?!\w)|"
    r"(?:ساهم|ساهمت|ساهموا|شارك|شاركت|شاركوا)\s+في\s+(?:اعداد\s+|كتابه\s+)?(?:هذا\s+)?"
    r"التقرير(?!\w)|"
    r"(?:в\s+подготовке\s+(?:материала|статьи|публикации)\s+(?:участвовал|принимал)|"
    r"над\s+(?:материалом|статьей)\s+работал)|"
    r"(?:تهيه|تنظيم|ترجمه)\s*(?:و\s+(?:تنظيم|تدوين)\s*)?[:：]"
)
_CREDIT_END_RE = re.compile(
    r"(?<!\w)contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\W*$"
)


def _is_credit_line(norm: str) -> bool:
    return _CREDIT_START_RE.match(norm) is not None or (
        "contributed" in norm and _CREDIT_END_RE.search(norm) is not None
    )


_COPYRIGHT_RE = lead(
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


def _has_copyright(norm: str) -> bool:
    """_COPYRIGHT_RE.search(norm), after a quick test for the words every match holds."""
    return (
        "©" in norm
        or "(c)" in norm
        or "copyright" in norm
        or "rights" in norm
        or "حقوق" in norm
        or "права" in norm
    ) and _COPYRIGHT_RE.search(norm) is not None


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
# A date or a time of day in a short line (normalised text: ASCII digits).
_DATEISH_RE = re.compile(
    r"(?<!\d)(?:19|20|13|14)\d\d(?:(?!\d)|(?=\d{1,2}:\d\d))|(?<!\d)\d{1,2}:\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
)
# A date line among sentences or paragraphs (speakers, transcripts): this many words at most
SHORT_DATE_LINE_WORDS = 8


def is_short_date_line(norm: str) -> bool:
    """A short normalised sentence or paragraph with a date or a clock: the page's date
    line ("سه‌شنبه ۳۰ دی ۱۴۰۴ - ۲۱:۱۵", "09.09.2021 16:40"), nobody's words."""
    return len(norm.split()) <= SHORT_DATE_LINE_WORDS and bool(_DATEISH_RE.search(norm))


_PUBLISHED_RE = re.compile(
    _alt(
        [
            "تاريخ النشر",
            "نشر في",
            "نشر بتاريخ",
            "تاریخ انتشار",
            "زمان انتشار",
            "منتشر شده",
            "Опубликовано",
            "Дата публикации",
            "Published",
            "First published",
            "Posted on",
        ]
    )
    + r"(?!\w)"
)
_SEP = r"(?:\s*(?:[:：\-–—|/»>.،,]|$))"


def _marker_pattern(spec: tuple[list[str], list[str]], tail: str = "") -> str:
    loose, strict = spec
    pats = []
    if loose:
        pats.append(_alt(loose) + r"(?!\w)")
    if strict:
        pats.append(_alt(strict) + _SEP)
    return r"^(?:" + "|".join(pats) + ")" + tail


def _marker_re(spec: tuple[list[str], list[str]], tail: str = "") -> re.Pattern[str]:
    return re.compile(_marker_pattern(spec, tail))


@lru_cache(maxsize=1)
def _markers() -> dict[str, re.Pattern[str]]:
    # the block markers compiled once, as one pattern (not each on its own first)
    block = "|".join(_marker_pattern(spec) for spec in (_READ_ALSO, _MOST_VIEWED, _TAGS))
    return {
        "block": re.compile(block),
        "end": _marker_re(_END),
        "single": _marker_re(_SINGLE),
    }


_FOREIGN_DATELINE_RE = re.compile(
    r"^[^\n]{0,50}?(?:/\s*وكالات|\((?:reuters|afp|ap|tass|sputnik|ria)\)|[-—–]\s*риа\s+новости|[-—–]\s*тасс\b)"
)


# A short heading "more from <the section>" over a list of links (normalised; a line of
# at most six words, so that "المزيد من الضحايا سقطوا في ..." stays content)
_MORE_FROM_RE = re.compile(
    r"^(?:المزيد\s+(?:من|في)|مزيد\s+من|اخبار\s+بيشتر|بيشتر\s+(?:از|در)|"
    r"(?:ещ[её]|больше)\s+(?:из|в|по)|другие\s+(?:новости|материалы)|more\s+(?:in|from|on))"
    r"(?!\w)(?![^\n]*[.!?؟]\s*$)"
)


def _mark_tickers(lines: list[_Line], furniture: list[bool], top: _Top) -> None:
    """Cut the breaking-news ticker above the first paragraph (never the headline)."""
    ticker = [
        k
        for k in range(min(top.first_real, len(lines)))
        if k != top.title_line
        and TICKER_RE.match(lines[k].norm) is not None
        and (
            is_ticker_of_items(lines[k].norm)
            or any(
                j != k and TICKER_RE.match(lines[j].norm)
                for j in (k - 1, k + 1)
                if 0 <= j < len(lines)
            )
        )
    ]
    for k in ticker:
        furniture[k] = True


def is_breadcrumb(line: str) -> bool:
    """Is `line` a breadcrumb trail (`navigation.breadcrumb_kind`), what boilerplate cuts?"""
    return may_be_trail(line) and breadcrumb_kind(line) == "trail"


# A link's arrow closing a short line ("اقرأ المزيد ←", "Read more »", "Читать далее →")
_LINK_ARROW_RE = re.compile(r"\s(?:[←→⟵⟶➜➔»›]+|>>|\.\.\.)\s*$")


# A cookie banner's words (normalised): the site's, never the story's
_COOKIE_RE = re.compile(
    r"(?<!\w)(?:cookies?|куки|ملفات\s+تعريف\s+(?:ال)?ارتباط|(?:ال)?كوكيز|كوكي(?:\s?ها)?)(?!\w)"
)
_MAX_COOKIE_WORDS = 60


def _may_be_cookies(norm: str) -> bool:
    """A quick test: every match of _COOKIE_RE holds one of these."""
    return "cookie" in norm or "куки" in norm or "كوكي" in norm or "ارتباط" in norm


# A picture's or a video's caption under its label in brackets ("[Image] ...", "[صورة]
# ...", "[عکس: ...]", "[Видео] ..."): the page's, not the story's (normalised)
_MEDIA_CAPTION_RE = re.compile(
    r"\[\s*(?:image|photo|picture|video|фото|видео|صوره|فيديو|عكس|تصوير|ويديو|ويديو)(?!\w)[^\]\n]{0,300}\]"
)
# A print page's strip of teasers for other pages, each with its page number ("Beijing
# weighs fresh support as trade talks stall  6  |  Hong Kong marchers vow to return  7")
_PAGE_TEASERS_RE = re.compile(r"(?:[^|\n]{8,90}?\s\d{1,3}\s*\|\s*)+[^|\n]{8,90}?\s\d{1,3}\s*")


def _classify(line: _Line) -> str | None:
    m = _markers()
    norm = line.norm
    if m["block"].match(norm):
        # "اقرأ المزيد ←", "Read more →": the link closing a newsletter's item, no heading
        # of a list of links
        return "single" if _LINK_ARROW_RE.search(norm) else "block"
    if line.n_words <= 6 and _MORE_FROM_RE.match(norm):
        return "block"  # "المزيد من عربي ودولي", "Ещё из рубрики «Политика»": a link list
    if line.n_words <= 12 and (m["end"].match(norm) or _COMMENTS_HEAD_RE.match(norm)):
        return "end"
    if line.n_words <= 25 and _has_copyright(norm):
        return "end"
    if line.n_words <= 25 and m["single"].match(norm):
        return "single"
    if line.n_words <= 25 and _is_credit_line(norm):
        return "single"
    if line.n_words <= _MAX_COOKIE_WORDS and _may_be_cookies(norm) and _COOKIE_RE.search(norm):
        return "single"  # the site's cookie banner ("We use cookies ...")
    if (norm[:1] == "[" and _MEDIA_CAPTION_RE.match(norm)) or (
        "|" in norm and _PAGE_TEASERS_RE.fullmatch(norm)
    ):
        return "single"  # "[Image] ... Photograph: Reuters"; "Beijing weighs ...  6 | ...  7"
    if is_breadcrumb(line.raw):
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


def find_boilerplate(
    text: str, lang: str, title: str = "", *, normalized: NormText | None = None
) -> list[tuple[int, int]]:
    """Sorted, merged character spans of `text` that are site furniture, not the article.

    Above the first paragraph, the article's own headline (`title` when given) and its
    date line are never cut, whatever block of tags or links surrounds them.
    `normalized` (optional): `normalize_text(text)`, to take the lines' normalised forms
    from instead of normalising them again."""
    if normalized is not None and normalized.original is not text:
        normalized = None
    lines = _lines(text, normalized)
    n = len(lines)
    if not n:
        return []
    kinds = [_classify(line) for line in lines]
    furniture = [False] * n
    top = _Top.of(lines, title)
    i = 0
    while i < n:
        kind = kinds[i]
        if kind == "block":
            i = _mark_block(lines, kinds, furniture, i, top, len(text))
            continue
        if kind == "end":
            furniture[i] = True
            if lines[i].start >= 0.5 * len(text):
                for k in range(i + 1, n):
                    furniture[k] = True
                break
        elif kind == "single" or (i > 0 and _is_agency_line(lines[i], lang)):
            furniture[i] = True
        i += 1
    _mark_numbered_lists(lines, furniture)
    _mark_taglines(lines, furniture, top)
    _mark_tickers(lines, furniture, top)
    _mark_injected_headlines(lines, furniture)
    _mark_trailing_labels(lines, furniture)
    _mark_other_stories(lines, furniture)
    for k in top.protected:
        furniture[k] = False
    return _merge(text, [(ln.start, ln.end) for ln, f in zip(lines, furniture, strict=True) if f])


@dataclass
class _Top:
    """The lines above the first paragraph: the headline and date lines there are kept."""

    first_real: int  # index of the first real paragraph (len(lines) if none)
    title_line: int  # index of the line that is the title, -1 when unknown
    protected: set[int]  # the title line and the date lines above the first paragraph

    @classmethod
    def of(cls, lines: list[_Line], title: str) -> _Top:
        first_real = next(
            (
                k
                for k, ln in enumerate(lines)
                if ln.real and not is_ticker_of_items(ln.norm) and not WIDGET_RE.search(ln.raw)
            ),
            len(lines),
        )  # (a ticker of several headlines, the weather: no paragraph of the story)
        key = _LEAD_JUNK_RE.sub("", normalize(" ".join(title.split()))) if title else ""
        title_line = next((k for k in range(first_real) if key and lines[k].norm == key), -1)
        # (a standfirst may come before the date line: "i24NEWS | May 28th 2018 | 04:14 PM")
        top = min(len(lines), first_real + _DATE_LINES_AFTER_STANDFIRST)
        protected = {
            k for k in range(top) if _is_date_line(lines[k]) and not _year_only_trail(lines[k])
        }
        protected |= {k for k, line in enumerate(lines) if _is_published_line(line)}
        if title_line >= 0:
            protected.add(title_line)
        return cls(first_real, title_line, protected)


# A clock or a day.month.year date: what a trail's date line holds ("13.02.2024 | 10:15")
_CLOCK_OR_DAY_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d\d(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
    r"(?<!\d)\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)"
)


def _year_only_trail(line: _Line) -> bool:
    """A trail of links whose only date-like word is a year ("Trending: Ram Mandir | Davos
    2024 | Maldives Row"): no date line to keep (a trail with a clock or a numeric date,
    "السياسة | تاريخ النشر: 2024/09/09", is one)."""
    return is_breadcrumb(line.raw) and _CLOCK_OR_DAY_RE.search(line.norm) is None


def _is_published_line(line: _Line) -> bool:
    """The article's own "Published: <date>" line, wherever it is, also as one part of a
    line of parts ("کد خبر: ۹۸۷۶۵۴ | تاریخ انتشار: ۱۴۰۴/۰۶/۰۳ - ۱۳:۲۰ | آخرین ...")."""
    if line.n_words <= 12:
        return bool(_PUBLISHED_RE.match(line.norm) and _DATEISH_RE.search(line.norm))
    if line.n_words > _MAX_PARTS_LINE_WORDS or "|" not in line.norm:
        return False
    return any(
        _PUBLISHED_RE.match(part.strip()) and _DATEISH_RE.search(part)
        for part in line.norm.split("|")
    )


_MAX_PARTS_LINE_WORDS = 30


_DATE_LINES_AFTER_STANDFIRST = 2


def _is_date_line(line: _Line) -> bool:
    """A short line with a date or a time ("13.02.2024 10:15", "Published: 3 March 2021",
    "Source: Xinhua| 2019-03-05 22:36:10|Editor: Zhang Liyan"); not a news feed's item, a
    time and a headline with no year ("19:48 Зеленский провел разговор с премьером")."""
    if line.n_words > _MAX_DATE_LINE_WORDS or not _DATEISH_RE.search(line.norm):
        return False
    item = FEED_ITEM_RE.match(line.norm)
    return item is None or bool(_DATEISH_RE.search(line.norm, item.end()))


_MAX_DATE_LINE_WORDS = 12


def _mark_block(
    lines: list[_Line],
    kinds: list[str | None],
    furniture: list[bool],
    i: int,
    top: _Top,
    text_len: int,
) -> int:
    """Cut a "read also"/tags/most-read block starting at line i; the next line to look at."""
    n = len(lines)
    furniture[i] = True
    if i < top.first_real:
        return _mark_top_block(lines, kinds, furniture, i, top)
    stop = next((k for k in range(i + 1, n) if kinds[k] in ("block", "end")), n)
    j = i + 1
    while j < stop and not lines[j].real:
        furniture[j] = True
        j += 1
    if j < stop and not _resumes(lines, j, stop, lines[i].start, text_len):
        for k in range(j, stop):
            furniture[k] = True
        j = stop
    return j


def _mark_top_block(
    lines: list[_Line], kinds: list[str | None], furniture: list[bool], i: int, top: _Top
) -> int:
    """A block above the first paragraph. A marker with its items on the same line ("Теги:
    Сирия, Турция") is one line; a bare marker takes the lines after it, but not the
    headline (the line before the date line or the first paragraph) nor a date line."""
    marker = _markers()["block"].match(lines[i].norm)
    if marker and _WORD_RE.search(lines[i].norm[marker.end() :]):
        return i + 1
    k = i + 1
    while k < top.first_real and kinds[k] is None and k not in top.protected:
        k += 1
    stop = k
    another = k < len(lines) and kinds[k] is not None and k not in top.protected
    if top.title_line < 0 and not another and k - 1 > i:
        stop = k - 1  # the line before the date line or the first paragraph: the headline
    for j in range(i + 1, stop):
        furniture[j] = True
    return stop


_NUMBERED_RE = re.compile(r"^\(?(\d{1,2})\s*[.)\-–—]\s*[^\W\d_]")
_SECOND_ITEM_RE = re.compile(r"\s\(?2\s*[.)\-–—]\s*[^\W\d_]")


def _mark_numbered_lists(lines: list[_Line], furniture: list[bool]) -> None:
    """Numbered lists of headlines ("1. Лавров ... 2. ...", "۱- ... ۲- ..."), one item a
    line or all on one line, that no line ending with ":" introduces (that would be the
    article's own list)."""
    n = len(lines)
    i = 0
    while i < n:
        run = _numbered_run(lines, furniture, i)
        intro = i > 0 and lines[i - 1].raw.rstrip().endswith((":", "："))
        if run and not (intro and not furniture[i - 1]):
            for k in range(i, i + run):
                furniture[k] = True
        i += max(run, 1)


def _numbered_run(lines: list[_Line], furniture: list[bool], i: int) -> int:
    """How many lines from i form a numbered list of headlines (0 if none)."""
    line = lines[i]
    m = _NUMBERED_RE.match(line.norm)
    if furniture[i] or not m or m.group(1) != "1" or not line.headline_like:
        return 0
    if _SECOND_ITEM_RE.search(line.norm) and line.n_words <= 80:
        return 1  # all the items on one line
    k = i + 1
    while k < len(lines) and not furniture[k] and lines[k].headline_like:
        m = _NUMBERED_RE.match(lines[k].norm)
        if not m or int(m.group(1)) != k - i + 1 or lines[k].n_words > 25:
            break
        k += 1
    return k - i if k - i >= 2 else 0


# A masthead's tagline names the paper ("روزنامه صبح ایران", "Iran's leading international
# daily", «Ежедневная общественно-политическая газета», «صحيفة عربية دولية يومية»)
_TAGLINE_RE = re.compile(
    r"(?<!\w)(?:روزنامه|صحيفه|جريده|يوميه|هفته\s?نامه|газета|ежедневн\w*|еженедельн\w*|"
    r"newspaper|daily|weekly)(?!\w)"
)
_TAGLINE_LINES = 3  # a tagline stands among the page's first lines
_TAGLINE_WORDS = 10


def _mark_taglines(lines: list[_Line], furniture: list[bool], top: _Top) -> None:
    """A short line naming the paper among the first lines, above the headline and the
    first paragraph: the masthead's tagline (its country is no mention)."""
    last = min(_TAGLINE_LINES, top.first_real, top.title_line if top.title_line >= 0 else 99)
    for k in range(last):
        line = lines[k]
        if (
            line.n_words <= _TAGLINE_WORDS
            and line.headline_like
            and _TAGLINE_RE.search(line.norm)
            and not _mentions_lavrov(line.norm)
            and not _is_date_line(line)
        ):
            furniture[k] = True


def _mark_injected_headlines(lines: list[_Line], furniture: list[bool]) -> None:
    """A related headline between paragraphs, followed by "he added ..." (not an item
    of the article's own numbered list)."""
    for i in range(1, len(lines) - 1):
        if furniture[i]:
            continue
        line = lines[i]
        if not line.headline_like or line.n_words > 30 or _mentions_lavrov(line.norm):
            continue
        if _NUMBERED_RE.match(line.norm) and not furniture[i - 1]:
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


# --- another story on the same printed page ---------------------------------------------

# A print page's jump line: the story goes on on another page, or comes from one ("(التتمة
# ص 5)", "تتمة: ...", "ادامه در صفحه ۱۲", "ادامه از صفحه اول", «Продолжение на стр. 3»,
# "Continued on page 5") (normalised)
_CONTINUED_RE = re.compile(
    r"(?<!\w)(?:(?:ال)?تتمه|البقيه\s+(?:في\s+)?ص|(?:ادامه|بقيه)\s+(?:در|از)\s+صفحه|"
    r"продолжение\s+(?:на\s+(?:стр|с\.)|следует\s+на)|начало\s+на\s+(?:стр|с\.)|"
    r"continued\s+(?:on|from)\s+(?:page|p\.)|cont\.\s+(?:on|from)\s+(?:page|p\.))"
)
# A rule across the page between stories: a run of one mark
_RULE_MARKS = ".-_=─━—–*~·•"
_RULE_RE = re.compile(r"([.\-_=─━—–*~·•])\1{19,}")
_MAX_HEADLINE_WORDS = 15


def _mark_other_stories(lines: list[_Line], furniture: list[bool]) -> None:
    """Cut the other stories of a print page (a PDF's text, with the page's jump lines):
    after a rule, a story of its own (a headline, then its text) that does not name him
    and is no continuation of the article ("ادامه از صفحه اول") is another article.
    A newsletter's items (no jump lines) stay: its items are the one e-mail's."""
    rules = [
        k
        for k, line in enumerate(lines)
        if line.raw[:1] in _RULE_MARKS and _RULE_RE.fullmatch(line.raw)
    ]
    if not rules or not any(_CONTINUED_RE.search(line.norm) for line in lines):
        return  # (most texts have no rule across the page)
    for k, start in enumerate(rules):
        end = rules[k + 1] if k + 1 < len(rules) else len(lines)
        story = lines[start + 1 : end]
        if _is_another_story(story):
            for i in range(start + 1, end):
                furniture[i] = True


def _is_another_story(story: list[_Line]) -> bool:
    """A headline opening it, a paragraph of text, no mention of him, no jump line."""
    if len(story) < 2 or not story[0].headline_like or story[0].n_words > _MAX_HEADLINE_WORDS:
        return False
    if not any(line.real for line in story[1:]):
        return False
    return not any(_mentions_lavrov(line.norm) or _CONTINUED_RE.search(line.norm) for line in story)
