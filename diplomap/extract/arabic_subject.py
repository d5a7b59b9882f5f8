"""The subject of an Arabic speech verb: Arabic puts it after the verb (VSO) or, less
often, before it ("لافروف يؤكد"), elides it ("وأضاف أن": he who spoke before), or marks it
("أما X، فقال", "نقلت وكالة ... عن لافروف قوله"). Used by diplomap.extract.speech_events.
"""

from __future__ import annotations

import re

from diplomap.extract.after_verb import (
    _ADVERB_AFTER_VERB_RE,
    _AR_OUTLET_AFTER_RE,
    _after_verb,
    _past_quoted_name,
)
from diplomap.extract.clauses import (
    _SIDE_CLAUSE_RE,
    _blank,
)
from diplomap.extract.common import (
    _LAVROV_TAIL_RE,
    _NOT_HIM_BEFORE_RE,
    _skip_spaces,
    may_mention_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.extract.speech_verbs import verb_traits
from diplomap.extract.subjects import (
    _MINISTER_WORD_RE,
    _OBJECT_BEFORE_RE,
    _TITLE_RE,
    _lavrov_at,
    _lavrov_subject,
    _may_hold_title,
    _subject_hits,
    ar_name_opening_with_lam,
)
from diplomap.normalize import normalize

_AR_ELIDED_RE = re.compile(
    r"^\s*(?:[،,:\"«“]|ان(?!\w)|انه|انها|انهم|بان|بانه|قائلا|في(?!\w)|خلال|ايضا|كذلك|"
    # على "on", not the name Ali with his surname before the words said ("قال علي الصادق إن",
    # "وقال علي أكبر ولايتي إن")
    r"علي(?!\w)(?!(?:\s+(?:اكبر|رضا|اصغر))?\s+(?!ذلك|هذا|هذه|ان(?!\w))\S+\s*(?:ان|انه|بان|قايلا)(?!\w))|"
    r"الي(?!\w)|"
    r"عن(?!\w)|من(?!\w)|ما(?!\w)|بالقول|حديثه|بقوله|مضيفا|مشيرا|موكدا|ل|لـ|قايلا|$|"
    # the object with ب, a definite or feminine noun: "رحب بعودة سوريا", "ندد بالضربات"
    r"ب(?:ال\w+|\w+ه)(?!\w)|امام(?!\w)|"
    # a time after the verb: "وكان قد قال عام 2011", "قال يوم الثلاثاء"
    r"(?:عام|سنه|يوم|امس|اليوم|مساء|صباح)(?!\w)|"
    # a subordinate clause opening his words: "وأضاف عندما تنفذ إيران ... سيرفع الحظر"
    r"(?:عندما|حينما|حين|لما|اذا|لو|كلما|متي|طالما|مادام|ما\s+دام)(?!\w)|"
    # a stance he expresses: "وأبدى قلق بلاده", "وأعرب عن"، "أبدى استعداد موسكو"
    r"(?:قلق|ارتياح|استعداد|تقدير|اسف|رفض|دعم|تاييد|ترحيب|امل|استياء|انزعاج|تفهم|حرص)\w{0,3}(?!\w))"
)
_AR_KANA_QAD_RE = re.compile(r"(?:^|\s)[وف]?كان\s+(\S.{0,90}?)(?:\s+قد)?\s*$")

# "سُئل" (was asked), normalised
_AR_ASKED_RE = re.compile(r"(?<!\w)[وف]?سيل\s+")
_AR_ABOUT_RE = re.compile(r"(?:عن|حول|بشان|في|ان|اذا|عما)(?!\w)")
# A subject put first and marked so (someone named, not him: his name first was tested
# before): "أما عبد اللهيان فقال", "الصفدي من جهته شدد", "شكري بدوره أكد"
_AR_TOPIC_FIRST_RE = re.compile(
    r"(?:^|[\s،,])(?:و?اما\s+\w[^،,]*|(?![وف]?هو\s)\w+\s+(?:من\s+جهته|من\s+جانبه|بدوره))\s*$"
)


# Somebody named right after "that" and before the verb: "... أن حسين أبلغ لافروف أن"
_AR_SUBJECT_AFTER_THAT_RE = lead(
    r"(?<!\w)[وف]?(?:ان|بان|لان)\s+(?!(?:قد|لم|لن|ما|لا|سوف|اليوم|امس|ايضا|كذلك)\s)"
    r"\w+(?:\s+\w+){0,2}\s+$"
)


# A prince or a head of state, never him: "سمو وزير الخارجية", "صاحب السمو", "جلالة الملك"
_AR_ROYAL = r"(?:سمو|سموه|صاحب\s+السمو|جلاله|فخامه|جلالته)"
_AR_ROYAL_BEFORE_RE = lead(rf"(?<!\w){_AR_ROYAL}(?:\s+[^\s،,.]+){{0,4}}\s+$")
_AR_ROYAL_AFTER_RE = re.compile(rf"\s+{_AR_ROYAL}(?!\w)")


def _ar_somebody_else(norm: str, m: re.Match[str], pre: str) -> bool:
    """Is the Arabic verb's subject plainly somebody else: a topic put first ("أما بومبيو
    فأبلغ لافروف أن"), somebody named after "أن" telling him ("أن حسين أبلغ لافروف"), a
    prince or a head of state ("غير أن سمو وزير الخارجية أوضح", "وأكد سموه")?"""
    return bool(
        _AR_TOPIC_FIRST_RE.search(pre)
        or _ar_named_before_tells_him(norm, m, pre)
        or _AR_ROYAL_BEFORE_RE.search(pre, max(0, len(pre) - 50))
        or _AR_ROYAL_AFTER_RE.match(norm, m.end())
    )


def _ar_named_before_tells_him(norm: str, m: re.Match[str], pre: str) -> bool:
    """Somebody named after "أن" and before the verb, his name after it: he is told."""
    tail_from = max(0, len(pre) - 40)
    return (
        _AR_SUBJECT_AFTER_THAT_RE.search(pre, tail_from) is not None
        and not may_mention_lavrov(pre, tail_from)
        and _lavrov_at(norm, _skip_spaces(norm, m.end()), anchored=True) is not None
    )


# A verb of calling on somebody ("دعا", "طالب", "حث", "ناشد") and the collective it calls
# on right after it ("ودعا المجتمع الدولي إلى", "وطالب الدول الغربية برفع", "وحث الأطراف
# على"): the object, whom he calls on, not the verb's subject (normalised)
_AR_CALLING_VERB_RE = re.compile(r"(?:دعا|يدعو|طالب|يطالب|حث|يحث|حض|يحض|ناشد|يناشد)$")
_AR_ADDRESSED_RE = re.compile(
    r"\s*(?:المجتمع\s+الدولي|الاسره\s+الدوليه|المجتمع|(?:ال)?دول|الاطراف|الطرفين|الجانبين|"
    r"(?:ال)?حكومات|الجهات|القوي|الفصايل|السلطات|الغرب|الشركاء|الجميع|(?:كافه|كل|جميع)\s+"
    r"(?:ال)?(?:اطراف|دول|الجهات|القوي))(?!\w)"
)


def _ar_addressed(m: re.Match[str], post: str) -> bool:
    """Is the word after an Arabic verb of calling on somebody the collective called on?"""
    return bool(_AR_CALLING_VERB_RE.search(m.group()) and _AR_ADDRESSED_RE.match(post))


def _ar_words_after(norm: str, m: re.Match[str]) -> str:
    """The words after an Arabic verb, past the outlet told and a time ("وقال لـ«الأهرام»",
    "وأضاف حينها أن")."""
    at = _past_quoted_name(norm, m.end(), _AR_OUTLET_AFTER_RE)
    if (adverb := _ADVERB_AFTER_VERB_RE["ar"].match(norm, _skip_spaces(norm, at))) is not None:
        at = adverb.end()
    return norm[at : at + 120]


# Participles of circumstance (data/speech_verbs.csv): "التقى لافروف نظيره ...، مؤكدا أن"
_AR_PARTICIPLE_RE = re.compile(
    "(?:"
    + "|".join(
        normalize(w)
        for w in (
            "مؤكدا",
            "مشيرا",
            "قائلا",
            "معتبرا",
            "مضيفا",
            "لافتا",
            "موضحا",
            "محذرا",
            "مشددا",
            "منوها",
            "مطالبا",
            "داعيا",
            "مؤكدة",
            "مشيرة",
            "قائلة",
            "معتبرة",
            "مضيفة",
            "لافتة",
            "موضحة",
            "محذرة",
            "مشددة",
            "مؤكدين",
            "مشيرين",
            "قائلين",
            "بالقول",
        )
    )
    + ")$"
)  # fmt: skip (the match is the participle alone, or with و/ف: not "اكتفى بالقول")
_PARTICIPLE_HEAD = 40  # the clause's subject stands in its first words


def _participle_subject(pre: str, other: bool) -> str | None:
    """Who speaks in a participle of circumstance: the subject named in the head of the
    clause before it ("التقى لافروف نظيره ...، مؤكدا" -> him); a feminine or plural one
    is somebody else; None when the head names nobody ("غير أن مصدرا ... قلل، مؤكدا")."""
    if other:
        return "other"
    hits = _subject_hits(pre, "ar", 0, min(len(pre), _PARTICIPLE_HEAD))
    if not hits and (comma := max(pre.rfind("،"), pre.rfind(","))) > 0:
        # a frame before the clause: "وردا على سؤال حول ...، اكتفى لافروف بالقول"
        hits = _subject_hits(pre, "ar", comma + 1, len(pre))
    return min(hits)[2] if hits else None


def _named_inside(norm: str, m: re.Match[str]) -> bool:
    """Is he named right after the first word of a phrase with words between its parts
    ("{استغل} ... {ليحذر}", "{أرجع} ... الفضل")?"""
    first = m.group().lstrip()
    first_end = m.end() - len(first) + len(first.split(" ", 1)[0])
    return _lavrov_at(norm, _skip_spaces(norm, first_end), anchored=True) is not None


def _arabic_subject(norm: str, m: re.Match[str], pre: str) -> str | None:
    """Arabic puts the subject after the verb (VSO) or, less often, before it."""
    other, weak, _act = verb_traits(m)
    if _AR_PARTICIPLE_RE.search(m.group()) and " " not in m.group().strip():
        return _participle_subject(pre, other)
    if (marked := _ar_topic_or_source(norm, m, pre)) is not None:
        return marked
    if _ar_somebody_else(norm, m, pre):
        return "other"
    if (kana := _ar_kana_qad_subject(m, pre)) is not None:
        return kana
    # (a phrase with words between its parts: "واستغل لافروف كلمته ... ليحذر")
    inside = " " in m.group().strip() and _named_inside(norm, m)
    after = "lavrov" if inside else _after_verb(norm, m, "ar")
    if after in ("lavrov", "title"):
        return after
    if (before := _subject_before(norm, m, pre)) is not None:
        return before
    if (
        m.group().startswith(("ل", "ول", "فل"))
        and _lavrov_subject(pre, "ar", 0, len(pre)) is not None
    ):
        return "lavrov"  # "خرج ... لافروف مجددا ليزعم أن": the purpose verb has his subject
    if other:
        return "other"
    asked = _AR_ASKED_RE.search(pre)
    if asked is not None:  # "وسئل لافروف عن المساعدات، فأجاب": the one asked answers
        if _lavrov_at(pre, asked.end(), anchored=True):
            return "lavrov"
        if not _AR_ABOUT_RE.match(pre, asked.end()):
            return "other"  # somebody else was asked ("وسئل بو حبيب ...")
    post = _ar_words_after(norm, m)
    if _AR_ELIDED_RE.match(post) or _ar_addressed(m, post):
        return _ar_elided_subject(post, pre, weak)
    if weak:
        return None
    subject = post.lstrip(" ،,")
    minister = _MINISTER_WORD_RE.search(subject, 0, 40)
    # "وقال الوزير ...", "وقال رئيس الدبلوماسية البحرينية": another minister speaks
    return "other_minister" if minister is not None and minister.start() <= 6 else "other"


def _subject_before(norm: str, m: re.Match[str], pre: str) -> str | None:
    """The subject put before the verb: the one before a circumstance set off by commas,
    him ("لافروف يؤكد", "وزير الخارجية الروسي قال") or a bare title ("لكن الوزير شدد");
    else None."""
    if "،" in pre or "," in pre:  # "لافروف، خلال لقائه تيلرسون، قال": past the circumstance
        blanked = _SIDE_CLAUSE_RE.sub(_blank, pre)
        if blanked != pre and (named := _ar_head_before_circumstance(blanked)) is not None:
            return named
        pre = blanked
    tail_from = max(0, len(pre) - 120)
    tail = _LAVROV_TAIL_RE.search(pre, tail_from) if may_mention_lavrov(pre, tail_from) else None
    if (
        tail
        and not _NOT_HIM_BEFORE_RE.search(pre[: tail.start()])
        and not _OBJECT_BEFORE_RE.search(pre[max(0, tail.start() - 30) : tail.start()])
    ):
        return "lavrov"
    return "title" if _title_just_before(norm, m.start()) else None


# "أما X، فقال" (as for X, he said): the topic is the verb's subject
_AR_AMMA_RE = re.compile(r"^\s*[و]?اما\s+([^.؟!]{2,120}?)\s*[،,]?\s*$")
# "نقلت وكالة ... عن": an agency quoting somebody, whose name follows عن
_AR_QUOTED_FROM_RE = re.compile(r"[^.؟!]{0,60}?(?<!\w)عن\s+")
_AR_MEDIA_RE = re.compile(r"(?<!\w)(?:وكاله|صحيفه|جريده|قناه|موقع|شبكه|اذاعه|تلفزيون)")


_AR_HEAD_WORDS = 4  # a subject before a circumstance set off by commas: at most so many words
# A head that is no subject: a place, a time or a connective before the circumstance
_AR_ADVERBIAL_HEAD_RE = re.compile(
    r"[وف]{0,2}(?:في|من|عن|علي|الي|مع|منذ|بعد|قبل|خلال|عند|لدي|حول|اما|كما|ثم|لكن|حين|عندما|"
    r"اذ|هكذا|هنا|هناك|بدوره|بدورها|كذلك|ايضا|امس|اليوم|غدا|ب|ل|ك)(?!\w)"
    r"|[وف]{0,2}(?:ب|ل|ك)ال"
)


def _ar_head_before_circumstance(blanked: str) -> str | None:
    """The subject written before a circumstance set off by commas ("تيلرسون، خلال لقائه
    سيرغي لافروف، قال"): "lavrov", "title" or "other"; None when no short subject stands
    there."""
    head = blanked.strip(" ،,")
    if not head or len(head.split()) > _AR_HEAD_WORDS or "  " in head:
        return None
    if _AR_ADVERBIAL_HEAD_RE.match(head):
        return None  # "ففي أربيل، خلال زيارته، قال", "وفي ديسمبر الماضي، بعد ...، نفى"
    if _lavrov_at(head, 0, anchored=True) is not None:
        return "lavrov"
    return "title" if _TITLE_RE["ar"].fullmatch(head) else "other"


def _ar_kana_qad_subject(m: re.Match[str], pre: str) -> str | None:
    """ "وكان عمار قد شدد", "كان بلينكن يكرر": the subject between كان and قد or an
    imperfect verb, else None."""
    if not (
        m.group().startswith("قد")
        or pre.rstrip().endswith("قد")
        or (m.group()[:1] in ("ي", "ت") and "كان" in pre)
    ):
        return None
    kana = _AR_KANA_QAD_RE.search(pre)
    if kana is None:
        return None
    named = kana.group(1)
    if _lavrov_at(named, 0, anchored=True):
        return "lavrov"
    return "title" if _TITLE_RE["ar"].match(named) else "other"


def _ar_topic_or_source(norm: str, m: re.Match[str], pre: str) -> str | None:
    """The subject an Arabic sentence marks before its verb: the topic of «أما X، فقال»,
    or the one an agency quotes («ونقلت وكالة «ريا نوفوستي» عن لافروف قوله»: his words;
    his spokeswoman relaying him, «نقلت زاخاروفا عن لافروف», speaks her own); else None."""
    if (topic := _AR_AMMA_RE.match(pre)) is not None and m.group().startswith("ف"):
        named = topic.group(1)
        if _lavrov_at(named, 0, anchored=True):
            return "lavrov"
        return "other_minister" if _MINISTER_WORD_RE.search(named, 0, 30) else "other"
    quoted = _AR_QUOTED_FROM_RE.match(norm, m.end()) if "نقل" in m.group() else None
    if (
        quoted is not None
        and _AR_MEDIA_RE.search(quoted.group())
        and _lavrov_at(norm, quoted.end(), anchored=True)
    ):
        return "lavrov"
    return None


def _ar_elided_subject(post: str, pre: str, weak: bool) -> str | None:
    """The subject of an Arabic verb followed by no subject of its own: "he" (the one
    speaking before), a name that opens with ل, or nobody when a weak verb stands inside
    its clause ("موطئ قدم في": an ordinary word, no speech)."""
    if weak and pre.strip(" وف،,"):
        return None
    return "other" if ar_name_opening_with_lam(post) else "pronoun"


def _title_just_before(norm: str, verb_at: int) -> bool:
    """Is an Arabic bare title ("الوزير", "الرجل") the subject put right before the verb?"""
    lo = max(0, verb_at - 30)
    if not _may_hold_title(norm, "ar", lo, verb_at):
        return False
    for found in _TITLE_RE["ar"].finditer(norm, lo, min(len(norm), verb_at + 40)):
        if found.end() <= verb_at and not norm[found.end() : verb_at].strip():
            return True
    return False
