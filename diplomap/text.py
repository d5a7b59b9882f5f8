"""Boilerplate cutting, sentence splitting and attribution of sentences to Lavrov.

Three steps, each on the original article text (offsets always refer to it):

- `find_boilerplate(text, lang)`: character spans that are site furniture, not the
  article ("read also" blocks, most-viewed lists, tags, comments, photo/source lines,
  lone agency names, related headlines injected between paragraphs). Markers are
  matched line by line on normalised text (diplomap.normalize), so spelling variants
  (أ/إ/ا, ي/ی, ZWNJ or not) do not matter.
- `split_sentences(text, lang, skip)`: sentences outside the skipped spans. Lines are
  hard breaks; within a line a sentence ends at . ! ? ؟ … followed by a new sentence,
  except inside short quotations and after abbreviations, initials and list numbers.
- `attribute_speakers(text, sentences, lang)`: which sentences are Lavrov's statements
  (direct quotes, reported speech, continuations, headlines) and which are not (other
  officials, the ministry, agencies, narration).

Everything is driven by compiled regular expressions over normalised strings; the
phrase lists below are plain data and can be extended.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from diplomap.normalize import NormText, detect_language, normalize, normalize_text

__all__ = [
    "Attribution",
    "Sentence",
    "attribute_speakers",
    "detect_language",
    "find_boilerplate",
    "normalize",
    "normalize_text",
    "split_sentences",
]

LAVROV = "Lavrov"

# --- small regex helpers --------------------------------------------------------------


def _phrase(p: str) -> str:
    """A phrase as a regex on normalised text.

    "_" marks a place where Persian puts a ZWNJ (lost, kept or written as a space):
    it matches nothing or one space. Spaces match any run of spaces.
    """
    parts = [re.escape(normalize(chunk)) for chunk in p.split("_")]
    out = r"\s?".join(parts)
    return out.replace(r"\ ", r"\s+")


def _alt(phrases: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted({_phrase(p) for p in phrases}, key=len, reverse=True)) + ")"


def _words(p: str) -> str:
    """Alternation of raw regex pieces already written in normalised form."""
    return "(?:" + p + ")"


# --- lines ----------------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\r\n]+")
_FINAL_PUNCT_RE = re.compile(r"(?:[.!?؟…]|\.\.)[\"»”’')\]]*\s*$")
_LEAD_JUNK_RE = re.compile(r"^[\s\-–—•*·|»«>#:/▪►◄■□●○◆◇✓✔]+")
_WORD_RE = re.compile(r"\w+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_NON_LATIN_LETTER_RE = re.compile(r"[^\W\dA-Za-z_]")


@dataclass
class _Line:
    start: int
    end: int  # stripped span in the text
    raw: str
    norm: str  # normalised, leading bullets removed
    n_words: int
    final_punct: bool

    @property
    def real(self) -> bool:
        """A real article paragraph, not a headline or a label."""
        return self.n_words >= 20 or (self.final_punct and self.n_words >= 6)

    @property
    def headline_like(self) -> bool:
        return not self.final_punct and not self.raw.rstrip().endswith(":")


def _lines(text: str) -> list[_Line]:
    out = []
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        end = start + len(stripped)
        norm = _LEAD_JUNK_RE.sub("", normalize(stripped))
        out.append(
            _Line(
                start,
                end,
                stripped,
                norm,
                len(_WORD_RE.findall(norm)),
                bool(_FINAL_PUNCT_RE.search(stripped)),
            )
        )
    return out


# --- who is Lavrov (normalised text) --------------------------------------------------

_NAME = r"(?:لافروف|لاوروف|لافرف|lavrov|лавров(?:а|у|ым|е)?)(?!\w)"
_FIRST = (
    r"(?:سيرجي|سيرغي|سيرجيه|سيرغيه|سرگيي|سرگي|sergei|sergey|сергей|сергея|сергею|сергеем|с\.|s\.)"
)
_NAME_NP = rf"(?:{_FIRST}\s*(?:в\.\s*|v\.\s*)?)?{_NAME}"
_DESIG = _words(
    "|".join(
        [
            # Arabic
            r"(?:ال)?وزير\s+(?:ال)?خارجيه\s+(?:الروسي(?:ه)?|روسيا(?:\s+الاتحاديه)?)",
            r"وزير\s+الخارجيه\s+في\s+روسيا",
            r"الوزير\s+الروسي",
            r"رئيس\s+الدبلوماسيه\s+الروسيه",
            r"عميد\s+الدبلوماسيه\s+الروسيه",
            r"كبير\s+(?:الدبلوماسيين|الديبلوماسيين)\s+الروس",
            # Persian
            r"وزير\s?(?:امور\s?)?خارجه\s+(?:فدراسيون\s+)?روسيه",
            r"(?:اين\s+)?ديپلمات\s+(?:ارشد|عالي\s?رتبه)\s+روس(?:ي|يه)?",
            r"رييس\s+دستگاه\s+ديپلماسي\s+روسيه",
            r"وزير\s+روس(?!\w)",
            # Russian
            r"(?<!\w)министр\w*\s+иностранных\s+дел\s+(?:россии|рф|российской\s+федерации)",
            r"(?<!\w)глав\w*\s+мид\s+(?:россии|рф)",
            r"(?<!\w)глав\w*\s+российского\s+(?:мид|внешнеполитического\s+ведомства)",
            r"(?<!\w)глав\w*\s+российской\s+дипломатии",
            r"(?<!\w)российск\w+\s+министр\w*(?:\s+иностранных\s+дел)?",
            # English
            r"(?:russian|russia's)\s+(?:foreign\s+minister|fm|top\s+diplomat|chief\s+diplomat)",
            r"foreign\s+minister\s+of\s+russia",
            r"top\s+russian\s+diplomat",
            r"the\s+russian\s+minister",
        ]
    )
)
# Words that, just before a designation, make it someone else (deputy, spokesman...).
_NOT_HIM_BEFORE_RE = re.compile(
    r"(?:نائب|مساعد|معاون|مستشار|المتحدث\s+باسم|متحدث\s+باسم|سخنگوي|مشاور|заместител\w*|"
    r"зам\.?|помощник\w*|представител\w*|пресс-секретар\w*|deputy|vice|spokes\w*\s+for|"
    r"aide\s+to|spokes\w*\s+of)\s*$"
)
_LAVROV_NP_RE = re.compile(rf"{_DESIG}(?:[\s،,]+{_NAME_NP})?|{_NAME_NP}")
_MENTION_RE = re.compile(rf"{_NAME}|{_DESIG}")
# Arabic, subject first: "لافروف يؤكد", "وزير الخارجية الروسي قال" (before a speech verb)
_LAVROV_TAIL_RE = re.compile(rf"(?:{_LAVROV_NP_RE.pattern})[\s،,]*(?:قد\s+)?$")


def _mentions_lavrov(norm: str) -> bool:
    for m in _MENTION_RE.finditer(norm):
        if not _NOT_HIM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]):
            return True
    return False


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
_SEP = r"(?:\s*(?:[:：\-–—|/»>.،,]|$))"


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


# Paragraph openings that refer back to the previous speaker ("he added").
_CONT_START_RE = re.compile(
    r"^(?:"
    r"[وف](?:اضاف|تابع|اشار|اكد|قال|اوضح|شدد|لفت|ختم|استطرد|اردف|نوه|استدرك)(?!\w)"
    r"|(?:وي|او|ايشان)\s"
    r"|(?:он|министр)\s+(?:также\s+|еще\s+|тоже\s+|при\s+этом\s+)?(?:добавил|отметил|сказал|заявил|подчеркнул|напомнил|указал|пояснил|уточнил|продолжил)"
    r"|(?:также|кроме\s+того|при\s+этом),?\s+(?:он|министр)\s"
    r"|по\s+его\s+словам"
    r"|(?:he|the\s+minister)\s+(?:also\s+|further\s+|then\s+)?(?:added|said|noted|stressed|told|explained|pointed|warned|argued|insisted|continued|went\s+on)"
    r")"
)
_FOREIGN_DATELINE_RE = re.compile(
    r"^[^\n]{0,50}?(?:/\s*وكالات|\((?:reuters|afp|ap|tass|sputnik|ria)\)|[-—–]\s*риа\s+новости|[-—–]\s*тасс\b)"
)


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


# --- sentences ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # span in text, stripped of surrounding whitespace
    paragraph: int  # index of the paragraph (line block) it belongs to


# The lookbehind makes a match start only at the beginning of a punctuation run: without
# it, "?" * 100000 is tried from every position of the run (quadratic, minutes).
_BOUNDARY_RE = re.compile(r"(?<![.!?؟…])[.!?؟…]+[\"»”’')\]]*(?=\s+\S)")
_QUOTE_CHAR_RE = re.compile(r"[«»“”„\"]")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "г",
        "гг",
        "т",
        "тт",
        "ул",
        "им",
        "см",
        "стр",
        "руб",
        "млн",
        "млрд",
        "тыс",
        "др",
        "пр",
        "проф",
        "акад",
        "вв",
        "н",
        "э",
        "ср",
        "напр",
        "ред",
        "изд",
        "и",
        "о",
        "обл",
        "р",
        "д",
    ]
)
_CASED_RE = re.compile(r"[A-Za-zÀ-ɏЀ-ԯ]")
_MAX_QUOTE = 700


def _quote_regions(s: str, open_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Spans of quotations in `s` that close within _MAX_QUOTE characters.

    Returns (regions, still_open): still_open when a quotation is open at the end.
    With open_at_start, a closing mark before any opening one closes a quotation that
    began before `s` (the region then starts at 0).
    """
    regions: list[tuple[int, int]] = []
    open_pos = -1
    open_ch = ""
    depth = 0
    pending_start = open_at_start
    closers = {"«": "»", "“": "”", "„": "“”", '"': '"'}
    for m in _QUOTE_CHAR_RE.finditer(s):
        p, q = m.start(), m.group()
        if open_pos >= 0:
            if q == open_ch and q in "«“" and q not in closers[open_ch]:
                depth += 1
                continue
            if q in closers[open_ch]:
                if depth:
                    depth -= 1
                    continue
                if p - open_pos <= _MAX_QUOTE:
                    regions.append((open_pos, p + 1))
                    open_pos = -1
                    continue
                open_pos = -1  # too long: forget it, reconsider q as an opener below
            else:
                continue
        prev = s[p - 1] if p else " "
        nxt = s[p + 1] if p + 1 < len(s) else " "
        if q in "»”" or (q == '"' and not prev.isspace() and (nxt.isspace() or not nxt.isalnum())):
            if pending_start and not regions:
                regions.append((0, p + 1))
            pending_start = False
            continue
        if q == "“" and pending_start and not regions and not prev.isspace() and p:
            regions.append((0, p + 1))
            pending_start = False
            continue
        open_pos, open_ch, depth = p, q, 0
    return regions, open_pos >= 0


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Is pos strictly inside one of the sorted, disjoint regions?"""
    k = bisect.bisect_left(regions, (pos, -1)) - 1
    return k >= 0 and regions[k][0] < pos < regions[k][1]


def _paragraphs(text: str, lang: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_title_line) of paragraphs; Latin/Cyrillic hard wraps are joined."""
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text) if m.group().strip()]
    paras: list[list[int]] = []
    prev_end = -1
    for s, e in lines:
        raw = text[s:e].strip()
        if (
            paras
            and lang in ("ru", "en")
            and "\n\n" not in text[prev_end:s].replace("\r", "")
            and raw[:1].islower()
            and not _FINAL_PUNCT_RE.search(text[paras[-1][0] : paras[-1][1]])
        ):
            paras[-1][1] = e
        else:
            paras.append([s, e])
        prev_end = e
    out = []
    for k, (s, e) in enumerate(paras):
        seg = text[s:e]
        title = k == 0 and "\n" not in seg.strip() and not _FINAL_PUNCT_RE.search(seg)
        out.append((s, e, title))
    return out


def _subtract(start: int, end: int, skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    segs = [(start, end)]
    for a, b in skip:
        if b <= start or a >= end:
            continue
        nxt = []
        for s, e in segs:
            if b <= s or a >= e:
                nxt.append((s, e))
                continue
            if s < a:
                nxt.append((s, a))
            if b < e:
                nxt.append((b, e))
        segs = nxt
    return segs


def _split_segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    seg = text[start:end]
    regions, _ = _quote_regions(seg)
    cuts = []
    first_token_end = len(seg) - len(seg.lstrip())
    m0 = re.match(r"\s*\S+", seg)
    if m0:
        first_token_end = m0.end()
    for m in _BOUNDARY_RE.finditer(seg):
        e = m.end()
        if regions and _inside(e, regions):
            continue
        nxt = seg[_SPACES_RE.match(seg, e).end()]
        if _CASED_RE.match(nxt) and not nxt.isupper():
            continue
        punct = m.group()
        if punct.rstrip("\"»”’')]") == "." and _no_split_after_dot(seg, m.start(), first_token_end):
            continue
        cuts.append(e)
    out = []
    s = 0
    for c in [*cuts, len(seg)]:
        piece = seg[s:c]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body and any(ch.isalnum() for ch in body):
            a = start + s + lead
            out.append((a, a + len(body)))
        s = c
    return out


_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")
_SPACES_RE = re.compile(r"\s*")


def _no_split_after_dot(seg: str, dot: int, first_token_end: int) -> bool:
    m = _TOKEN_BEFORE_RE.search(seg, max(0, dot - 40), dot)
    if not m:
        return False
    token = m.group(1).lstrip("\"«“„'([")
    if not token:
        return False
    low = token.lower()
    if low in _ABBREV or low.rstrip(".") in _ABBREV:
        return True
    if len(token) == 1 and token.isalpha():  # initial, Arabic د. ...
        return True
    if re.fullmatch(r"(?:\w\.)+\w", token):  # U.S, т.е, U.N
        return True
    return token.isdigit() and dot <= first_token_end  # list number "1. ..."


def split_sentences(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Sentence]:
    """Sentences outside the skip spans (boilerplate), in order."""
    skip = sorted(skip)
    out: list[Sentence] = []
    for p_idx, (ps, pe, title) in enumerate(_paragraphs(text, lang)):
        for s, e in _subtract(ps, pe, skip):
            if title and (s, e) == (ps, pe):
                body = text[s:e]
                a = s + len(body) - len(body.lstrip())
                out.append(Sentence(a, a + len(body.strip()), p_idx))
                continue
            out.extend(Sentence(a, b, p_idx) for a, b in _split_segment(text, s, e))
    return out


# --- attribution ----------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # "Lavrov" or None
    kind: str | None  # "quote" | "reported" | "continuation" | "headline" | None


_NONE = Attribution(None, None)

# Speech verbs, normalised. Arabic masculine past/present; feminine forms mean someone else.
_AR_VERBS_M = (
    "قال|اكد|اضاف|اشار|اوضح|شدد|اعرب|اعتبر|اعلن|صرح|تابع|ختم|لفت|ذكر|نوه|راي|اعترف|حذر|دعا|"
    "وصف|كشف|اشاد|نفي|طالب|ابدي|جدد|استطرد|اردف|علق|رد|عبر|يقول|يوكد|يعلن|يشير|يري|يحذر|يدعو|"
    "يكشف|يصرح|يعتبر|يشدد|يوضح|يضيف|يتهم|اتهم|يعرب|يطالب|ينفي"
)
_AR_VERBS_F = (
    "قالت|اكدت|اضافت|اشارت|اوضحت|شددت|اعربت|اعتبرت|اعلنت|صرحت|تابعت|ذكرت|لفتت|كشفت|حذرت|"
    "دعت|وصفت|نفت|افادت|نقلت|تقول|توكد|تعلن|تشير"
)
_AR_WEAK = {"عبر", "رد", "راي", "ذكر"}  # also ordinary words: never name "someone else"
_AR_VERB_RE = re.compile(
    rf"(?<!\w)(?:[وف]|كما\s+|فيما\s+|بينما\s+|قد\s+|اذ\s+)?(?:(?P<f>{_AR_VERBS_F})|(?P<m>{_AR_VERBS_M}))(?!\w)"
)
_FA_VERB_RE = re.compile(
    r"(?<!\w)(?:گفت(?!\s?و\s?گو)(?:ه\s+است)?|افزود(?:ه\s+است)?|"
    r"(?:اعلام|تصريح|خاطر\s?نشان|تاكيد|بيان|عنوان|اظهار|اضافه|ابراز)\s+(?:مي\s?)?(?:كرد|كند|كرده\s+است|داشت|دارد)|"
    r"ابراز\s+(?:\S+\s+){1,2}(?:كرد|كرده\s+است|داشت)|خواستار\s+(?:\S+\s+){1,10}?شد|"
    r"يادآور\s+شد|ياداور\s+شد|اظهار\s+داشت|(?:مي\s?)?نويسد|نوشت|مي\s?گويد|ادامه\s+داد|تصريح\s+مي\s?كند|معتقد\s+است)(?!\w)"
)
_RU_VERB_RE = re.compile(
    r"(?<!\w)(?:заявил|сказал|отметил|подчеркнул|добавил|напомнил|считает|сообщил|указал|"
    r"пояснил|констатировал|высказал|выразил|призвал|признал|предупредил|обратил\s+внимание|"
    r"рассказал|написал|говорит|полагает|уточнил|резюмировал|акцентировал|назвал|заверил|"
    r"продолжил|убежден|уверен|раскритиковал|ответил|процитировал|оценил|прокомментировал)"
    r"(?P<f>а|и)?(?!\w)"
)
_EN_VERB_RE = re.compile(
    r"(?<!\w)(?:said|says|told|tells|added|adds|stressed|stresses|noted|notes|stated|states|"
    r"declared|emphasi[sz]ed|warned|warns|argued|insisted|explained|asserted|pointed\s+out|"
    r"remarked|commented|wrote|writes|announced|underlined|underscored|reiterated|claimed|"
    r"accused|urged|suggested|believes|called\s+for|went\s+on|continued|concluded|replied|"
    r"answered|affirmed|confirmed|highlighted|described|urges|warns|calls\s+for|calls\s+on|"
    r"insists|vows|denies|rejects|slams|accuses|hails|blames|stresses|dismisses)(?!\w)"
)
_VERB_RE = {"ar": _AR_VERB_RE, "fa": _FA_VERB_RE, "ru": _RU_VERB_RE, "en": _EN_VERB_RE}

# "according to Lavrov" / "according to him"
_ACCORDING_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:بحسب|حسب|وفقا\s+ل|طبقا\s+ل|نقلا\s+عن|علي\s+حد\s+قول)\s*|به\s+گفته\s+|"
    r"به\s+اعتقاد\s+|از\s+نظر\s+|по\s+словам\s+|по\s+мнению\s+|как\s+(?:заявил|отметил|сказал|подчеркнул|считает)\s+|"
    r"according\s+to\s+|in\s+the\s+words\s+of\s+)"
)
_PRONOUN_AFTER_ACCORDING_RE = re.compile(r"^(?:قوله|وي|او|ايشان|его|him|the\s+minister)(?!\w)")

_PRONOUN_RE = {
    "fa": re.compile(r"(?<!\w)(?:وي|او|ايشان)(?!\w)"),
    "ru": re.compile(
        r"(?<!\w)(?:он|министр(?=\s*,|\s+(?:также|еще|тоже|при\s+этом|заявил|отметил|сказал|подчеркнул|добавил|напомнил)))(?!\w)"
    ),
    "en": re.compile(r"(?<!\w)(?:he|the\s+(?:foreign\s+)?minister(?!\s+of)|the\s+diplomat)(?!\w)"),
}
_OTHER_RE = re.compile(
    r"(?<!\w)(?:"
    # titles and institutions
    r"نائب|مساعد|المتحدث|متحدث|الناطق|سفير|مبعوث|المندوب|الرئيس|رئيس|وزاره|الخارجيه\s+الروسيه|الوزاره|وكاله|"
    r"سخنگو\w*|معاون|سفير|فرستاده|نماينده|وزارت|رييس\s?جمهور|نخست\s?وزير|خبرگزاري|"
    r"заместител\w*|замминистр\w*|официальн\w+\s+представител\w*|представител\w*|пресс-секретар\w*|"
    r"посол|спецпредставител\w*|президент\w*|премьер\w*|мид|министерств\w*|ведомств\w*|агентств\w*|"
    r"deputy|spokes\w*|ambassador|envoy|president|prime\s+minister|ministry|the\s+kremlin|"
    r"secretary|agency|journalist\w*|reporter\w*|"
    # frequent other speakers
    r"زاخاروفا|زاخارووا|захаров\w*|zakharova|بيسكوف|پسكوف|песков\w*|peskov|ريابكوف|ريابكف|рябков\w*|"
    r"ryabkov|بوغدانوف|بوگدانف|богданов\w*|bogdanov|غوتيريش|جوتيريش|گوترش|гутерриш\w*|guterres|"
    r"بوتين|پوتين|путин\w*|putin|blinken|rubio|بلينكن|الصفدي|safadi|she|она"
    r")(?!\w)"
)
_OBJECT_BEFORE_RE = re.compile(
    r"(?:(?<!\w)(?:with|to|by|for|from|about|met|meeting|of|on|at|с|со|к|о|об|у|для|от|встречи|"
    r"با|به|از|درباره|براي|همراه|سخنان|ديدار|مع|الي|عن|لقاء|لقايه|نظير|بين|و)\s+|'s\s+)$"
)
_AR_ELIDED_RE = re.compile(
    r"^\s*(?:[،,:\"«“]|ان(?!\w)|انه|انها|انهم|بان|بانه|قائلا|في(?!\w)|خلال|ايضا|كذلك|علي(?!\w)|الي(?!\w)|"
    r"عن(?!\w)|بالقول|حديثه|بقوله|مضيفا|مشيرا|موكدا|ل|لـ|قايلا|$)"
)
_AR_MINISTER_RE = re.compile(r"^\s*الوزير(?!\s+ال\w*ي(?!\w))(?!\w)")
_SWITCH_RE = re.compile(
    r"^(?:[وف]?(?:من\s+جهته|من\s+جانبه|بدوره)|for\s+(?:his|her)\s+part|in\s+turn|в\s+свою\s+очередь|در\s+مقابل)"
)
_BACKGROUND_RE = re.compile(
    r"^(?:[وف]?(?:يذكر|يشار|تجدر\s+الاشاره|جدير\s+بالذكر|الجدير\s+بالذكر)|گفتني\s+است|"
    r"شايان\s+ذكر\s+است|لازم\s+به\s+ذكر\s+است|напомним|it\s+is\s+worth\s+noting|it\s+should\s+be\s+noted)"
)
_HEADLINE_RE = re.compile(
    rf"^\s*(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]|[»”\"]\s*[-—–]\s*{_NAME_NP}"
)
_COLON_NAME_RE = re.compile(rf"^\s*(?:[وف]\s*)?(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]")


def _lavrov_at(norm: str, pos: int, anchored: bool) -> re.Match[str] | None:
    """A Lavrov noun phrase at `pos` (anchored) or the first one from `pos`."""
    m = _LAVROV_NP_RE.match(norm, pos) if anchored else _LAVROV_NP_RE.search(norm, pos)
    if m and _NOT_HIM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]):
        return None
    return m


def _subject_svo(window: str, lang: str) -> str | None:
    """Subject of a clause ending with a speech verb: "lavrov" | "pronoun" | "other" | None."""
    hits: list[tuple[int, str]] = []
    for m in _LAVROV_NP_RE.finditer(window):
        before = window[max(0, m.start() - 30) : m.start()]
        if _NOT_HIM_BEFORE_RE.search(before) or _OBJECT_BEFORE_RE.search(before):
            continue
        if re.match(r"'s(?!\w)|а\s|у\s", window[m.end() : m.end() + 3]) and lang == "en":
            continue
        hits.append((m.start(), "lavrov"))
        break
    pron = _PRONOUN_RE.get(lang)
    if pron and (m := pron.search(window)):
        hits.append((m.start(), "pronoun"))
    if m := _OTHER_RE.search(window):
        hits.append((m.start(), "other"))
    if hits:
        return min(hits)[1]
    words = _WORD_RE.findall(window)
    if lang in ("en", "ru"):
        # no named subject: "Also, said ..." continues; "Araghchi said" is someone else
        return "pronoun" if all(w in _CONNECTIVES for w in words) else "other"
    if len(words) <= 2:
        return "pronoun"
    return "other"


# Words that may precede a speech verb whose subject is left out (en, ru; normalised)
_CONNECTIVES = frozenset(
    [
        "and",
        "also",
        "further",
        "furthermore",
        "moreover",
        "but",
        "however",
        "then",
        "later",
        "earlier",
        "he",
        "it",
        "has",
        "had",
        "had",
        "would",
        "will",
        "as",
        "и",
        "а",
        "но",
        "также",
        "тоже",
        "еще",
        "ещё",
        "затем",
        "далее",
        "кроме",
        "того",
        "при",
        "этом",
        "он",
        "по",
        "его",
        "словам",
    ]
)
# "This was stated by ..." / "Об этом заявил ...": the speaker follows the verb
_INVERSION_PRE_RE = re.compile(
    r"(?:^|[\s,])(?:об\s+этом|это|так(?:ое|им\s+образом)?(?:\s+\w+)?|также|кроме\s+того|"
    r"(?:this|that)\s+(?:was|is)|so)\s*$"
)


# "according to the agency X," openings: the agency is the messenger, not the speaker
_REPORTED_BY_RE = re.compile(
    r"(?:به\s+گزارش|بنا\s+بر\s+گزارش|به\s+نقل\s+از|نقلا\s+عن|وفقا\s+ل|بحسب|ذكرت|"
    r"как\s+передает|как\s+сообщает|according\s+to|citing)\s+[^،,:]{1,60}[،,]"
)
_MEDIA_RE = re.compile(
    r"^\s*(?:ال)?(?:وكاله|صحيفه|خبرگزاري|روزنامه|агентств\w*|газет\w*|тасс|риа|интерфакс|"
    r"the\s+(?:agency|newspaper)|reuters|afp|tass|ria|interfax|sputnik|اسپوتنيك|سبوتنيك|ايرنا|ايسنا|تاس)(?!\w)"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _mask(norm: str, regions: list[tuple[int, int]], start: int, end: int) -> str:
    """norm[start:end] with quoted passages blanked out."""
    chunk = list(norm[start:end])
    for a, b in regions:
        for k in range(max(a, start), min(b, end)):
            chunk[k - start] = " "
    return "".join(chunk)


def _speech_event(norm: str, lang: str, regions: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The first speech event outside quotations: (subject kind, position)."""
    events: list[tuple[int, str]] = []
    if m := _COLON_NAME_RE.match(norm):
        events.append((m.start(), "lavrov"))
    for m in _ACCORDING_RE.finditer(norm):
        if _inside(m.start(), regions):
            continue
        rest = norm[m.end() :]
        if _lavrov_at(norm, m.end(), anchored=True):
            events.append((m.start(), "lavrov"))
        elif _PRONOUN_AFTER_ACCORDING_RE.match(rest):
            events.append((m.start(), "pronoun"))
        elif not _MEDIA_RE.match(rest):
            events.append((m.start(), "other"))
        else:
            continue
        break
    verb_re = _VERB_RE.get(lang) or _EN_VERB_RE
    for m in verb_re.finditer(norm):
        if _inside(m.start(), regions):
            continue
        subj = _verb_subject(norm, m, lang, regions)
        if subj is None:
            continue
        events.append((m.start(), subj))
        break
    if not events:
        return None
    pos, subj = min(events)
    return subj, pos


def _clause_start(norm: str, pos: int, regions: list[tuple[int, int]]) -> int:
    start = max(0, pos - 250)
    for _a, b in regions:
        # quotation first, speaker after: «...», — заявил Лавров / "...," he said
        if start < b <= pos and not norm[b:pos].strip(" ,،—–-:"):
            start = b
    semi = max(norm.rfind(";", start, pos), norm.rfind("؛", start, pos))
    return semi + 1 if semi >= 0 else start


def _verb_subject(
    norm: str, m: re.Match[str], lang: str, regions: list[tuple[int, int]]
) -> str | None:
    cs = _clause_start(norm, m.start(), regions)
    pre = _REPORTED_BY_RE.sub(_blank, _mask(norm, regions, cs, m.start()))
    post = norm[m.end() : m.end() + 120]
    if lang == "ar":
        if _lavrov_at(norm, m.end() + (len(post) - len(post.lstrip(" ،,"))), anchored=True):
            return "lavrov"
        # subject first: "لافروف يؤكد", "وزير الخارجية الروسي قال"
        tail = _LAVROV_TAIL_RE.search(pre)
        if tail and not _NOT_HIM_BEFORE_RE.search(pre[: tail.start()]):
            return "lavrov"
        if m.group("f"):
            return "other"
        if _AR_ELIDED_RE.match(post) or _AR_MINISTER_RE.match(post):
            return "pronoun"
        return None if m.group("m") in _AR_WEAK else "other"
    if lang == "ru" and m.group("f"):
        return "other"
    if lang in ("en", "ru") and _INVERSION_PRE_RE.search(pre):
        # "Об этом заявил Сергей Лавров", "This was stated by Lavrov"
        after = re.sub(r"^[\s,]*(?:by\s+)?", "", post)
        if _lavrov_at(after, 0, anchored=True):
            return "lavrov"
    subj = _subject_svo(pre, lang)
    if subj in ("pronoun", "other") and not pre.strip(' ,،—–-:"«»“”'):
        # inversion after a quotation: «...», — заявил Лавров / "...," said Lavrov
        if _lavrov_at(norm, m.end() + (len(post) - len(post.lstrip(" ,"))), anchored=True):
            return "lavrov"
        pron = _PRONOUN_RE.get(lang)
        after = post.lstrip(" ,")
        if pron and pron.match(after):
            return "pronoun"
        if after[:1].isalpha() and lang in ("ru", "en"):
            return "other"
    return subj


_COLON_RE = re.compile(r"[:：]\s*\S")


def _is_quote(norm: str, regions: list[tuple[int, int]], event_pos: int) -> bool:
    """A direct quotation: a quoted passage of some words (not a scare-quoted term),
    or a colon after the speech verb."""
    if any(len(_WORD_RE.findall(norm[a:b])) >= 4 for a, b in regions):
        return True
    return bool(_COLON_RE.search(norm, event_pos, event_pos + 200))


# "Об этом заявил Лавров" / "This was stated by Lavrov" / "لاوروف این مطلب را ... گفت":
# the sentence names the speaker of what came just before it in the paragraph.
_BACKREF_RE = re.compile(
    r"^\s*(?:об\s+этом|это|(?:this|that|these\s+remarks)\s+(?:was|were|is)|"
    r"[وف]?جاء\s+ذلك|[وف]?جاءت\s+(?:تصريحات|تصريحاته)|)"
    r"|(?<!\w)اين\s+(?:مطلب|سخنان|اظهارات|موضوع)\s+را(?!\w)"
)
# "جاء ذلك في تصريحات لوزير الخارجية الروسي ..." (no speech verb): Lavrov's words before it
_AR_BACKREF_RE = re.compile(
    r"^\s*[وف]?جاء\s+ذلك\s+(?:علي\s+لسان|في\s+(?:تصريح|تصريحات|كلمه|حديث|مقابله|بيان|لقاء\s+صحفي)\w*|"
    r"خلال\s+(?:مؤتمر\s+صحفي|كلمه|حديث|مقابله|تصريحات)\w*)[^.؟!]{0,40}?"
)


def _backref_lavrov(norm: str) -> bool:
    """An Arabic "جاء ذلك في تصريحات ... لافروف" sentence (Lavrov, not someone he met)."""
    m = _AR_BACKREF_RE.match(norm)
    if not m:
        return False
    lav = _lavrov_at(norm, m.end(), anchored=False)
    if not lav or lav.start() - m.end() > 30:
        return False
    between = norm[m.start() : lav.start()]
    return not re.search(r"(?<!\w)(?:مع|مع\s+نظيره|بين)(?!\w)", between) and not _OTHER_RE.search(
        between
    )


def _backfill(
    text: str, out: list[Attribution], sentences: Sequence[Sentence], idx: int, events
) -> None:
    """Mark the sentences before `idx` in its paragraph that nobody else said as Lavrov's."""
    j = idx - 1
    while j >= 0 and sentences[j].paragraph == sentences[idx].paragraph:
        if out[j].speaker or events[j] is not None:
            break
        words = _WORD_RE.findall(text[sentences[j].start : sentences[j].end])
        if sum(not w.isdigit() for w in words) < 4:  # a dateline, a credit: not speech
            break
        out[j] = Attribution(LAVROV, "reported")
        j -= 1


def _sentence_norm(raw: str, sent: Sentence, normalized: NormText | None) -> str:
    """normalize(raw), sliced from the normalised whole text when that is the same string:
    the slice is NFC already and has no capital sigma (whose lower case depends on the
    neighbouring letters). Folding and deleting work character by character."""
    if normalized is None or "\u03a3" in raw or not unicodedata.is_normalized("NFC", raw):
        return normalize(raw)
    a, b = normalized.to_norm(sent.start, sent.end)
    return normalized.norm[a:b]


def attribute_speakers(
    text: str, sentences: Sequence[Sentence], lang: str, *, normalized: NormText | None = None
) -> list[Attribution]:
    """For each sentence: is it Lavrov's statement, and of which kind.

    `normalized` (optional): `normalize_text(text)`, to take each sentence's normalised
    form from instead of normalising it again (the same string; see _sentence_norm)."""
    if lang not in _VERB_RE:
        lang = detect_language(text)
    if normalized is not None and normalized.original is not text:
        normalized = None
    out: list[Attribution] = []
    events: list[str | None] = []  # each sentence's speech event (subject kind) or None
    last: str | None = None  # last named speaker: "lavrov" | "other" | None
    carry_open = False  # a quotation opened by Lavrov is still open
    prev: Sentence | None = None
    first_line_end = text.find("\n")
    for idx, sent in enumerate(sentences):
        raw = text[sent.start : sent.end]
        norm = _sentence_norm(raw, sent, normalized)
        same_para = prev is not None and prev.paragraph == sent.paragraph
        open_in = carry_open and same_para
        regions, still_open = _quote_regions(norm, open_at_start=open_in)
        is_title = (
            idx == 0
            and sent.paragraph == 0
            and (first_line_end < 0 or sent.end <= first_line_end)
            and not _FINAL_PUNCT_RE.search(raw)
        )
        att = _NONE
        event = None
        if _BACKGROUND_RE.match(norm):
            last = None
        elif _SWITCH_RE.match(norm) and not _mentions_lavrov(norm[:80]):
            last = "other"
        else:
            event = _speech_event(norm, lang, regions)
            if is_title:
                if _HEADLINE_RE.search(norm) or (event and event[0] == "lavrov"):
                    att = Attribution(LAVROV, "headline")
            elif event is None and _backref_lavrov(norm):
                att = Attribution(LAVROV, "reported")
                last = "lavrov"
                _backfill(text, out, sentences, idx, events)
            elif event is None:
                # inside a quotation he opened, or later in the paragraph he speaks in
                if (open_in or same_para) and out and out[-1].speaker:
                    att = Attribution(LAVROV, "continuation")
            elif event[0] == "lavrov":
                kind = "quote" if _is_quote(norm, regions, event[1]) else "reported"
                att = Attribution(LAVROV, kind)
                last = "lavrov"
                if kind == "reported" and _BACKREF_RE.search(norm[:120]):
                    _backfill(text, out, sentences, idx, events)
            elif event[0] == "pronoun":
                if last == "lavrov":
                    att = Attribution(LAVROV, "continuation")
            else:
                last = "other"
        carry_open = still_open and att.speaker is not None
        out.append(att)
        events.append(event[0] if event else ("background" if _BACKGROUND_RE.match(norm) else None))
        prev = sent
    return out
