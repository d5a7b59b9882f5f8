"""Speakers: which sentences are Lavrov's statements, and of which kind.

Direct quotes, reported speech, speech acts, continuations and transcript turns, as
opposed to headlines, other
officials, the ministry, agencies and narration. Compiled regular expressions over
normalised strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap.extract.common import (
    _DESIG,
    _LAVROV_NP_RE,
    _LAVROV_TAIL_RE,
    _NAME_NP,
    _NOT_HIM_BEFORE_RE,
    _WORD_RE,
    LAVROV,
    _mentions_lavrov,
    contains_any,
    ends_sentence,
    find_lavrov_np,
    may_mention_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.extract.sentences import Sentence, _inside, _quote_regions
from diplomap.extract.speech_verbs import verb_regexes, verb_traits
from diplomap.extract.transcripts import Turn, transcript_turns
from diplomap.normalize import NormText, detect_language, normalize

__all__ = ["Attribution", "attribute_speakers"]

# --- attribution ----------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # "Lavrov" or None
    kind: str | None  # one of diplomap.schema.STATEMENT_KINDS, or None
    evidence: str | None = None  # one of diplomap.schema.EVIDENCE_KINDS, or None


_NONE = Attribution(None, None)

# "according to Lavrov" / "according to him"
_ACCORDING_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:(?:بحسب|حسب|وفق)(?!\s*ما(?!\w))(?!ما)|وفقا\s+ل|طبقا\s+ل|نقلا\s+عن|علي\s+حد\s+قول)\s*|به\s+گفته\s+|"
    r"به\s+اعتقاد\s+|از\s+نظر\s+|по\s+словам\s+|по\s+мнению\s+|"
    # "по его словам": the pronoun inside the phrase
    r"по\s+(?=его\s+(?:словам|мнению)(?!\w))|как\s+(?:заявил|отметил|сказал|подчеркнул|считает)\s+|"
    r"according\s+to\s+|in\s+the\s+words\s+of\s+|in\s+(?=lavrov's\s+(?:telling|words|view)))"
)
_PRONOUN_AFTER_ACCORDING_RE = re.compile(r"^(?:قوله|وي|او|ايشان|его|him)(?!\w)")
_TITLE_AFTER_ACCORDING_RE = re.compile(
    r"^(?:the\s+(?:foreign\s+)?minister|the\s+diplomat|министра|дипломата|الوزير|اين\s+(?:وزير|ديپلمات))(?!\w)"
)

_PRONOUN_RE = {
    "fa": lead(r"(?<!\w)(?:وي|او|ايشان)(?!\w)"),
    "ru": lead(r"(?<!\w)он(?!\w)"),
    "en": lead(r"(?<!\w)he(?!\w)"),
}
# A bare title ("the minister", "министр", "дипломат", "الوزير", "این دیپلمات"): the most
# recent speaker who is a minister or a diplomat.
_TITLE_RE = {
    "en": lead(r"(?<!\w)the\s+(?:(?:foreign|veteran|top)\s+)?(?:minister|diplomat)(?!\s+of)(?!\w)"),
    "ru": lead(
        # not after an adjective: "Сирийский министр", "иранского дипломата" are others
        r"(?<!ий\s)(?<!ый\s)(?<!ой\s)(?<!ого\s)(?<!ему\s)(?<!им\s)"
        # bare: followed by punctuation, an adverb or a verb, never by the genitive that
        # makes it another minister ("министр промышленности", "министра обороны")
        r"(?<!\w)(?:министр|дипломат)(?:а|у|ом|е)?(?!\w)"
        r"(?=\s*[,.:;—–)»]|\s*$|\s+(?:также|тоже|еще|ещё|в\s+свою|при\s+этом|вместе|затем|же|"
        r"особо|отдельно|напомнил|считает|полагает|уверен|убежден|весной|летом|осенью|зимой|"
        r"тогда|сегодня|вчера|ранее|позже|позднее|недавно|накануне|потом|в\s|во\s|на\s|"
        r"[а-яё]+(?:л|ла|ли|ет|ит)(?!\w)))"
        # "глава МИД" without a country after it ("глава МИД Египта" is somebody else)
        r"|(?<!\w)глав\w*\s+(?:мид|внешнеполитического\s+ведомства|дипломатии)"
        r"(?!\s+[а-яё]+(?:а|ы|и)(?!\w))(?!\w)"
    ),
    # also "the Russian official/diplomat" once he has spoken ("وشدد المسؤول الروسي")
    "ar": lead(
        r"(?<!\w)الوزير(?!\s+(?!الي(?!\w))ال\w*ي(?!\w))(?!\w)"
        r"|(?<!\w)(?:المسوول|الدبلوماسي)\s+الروسي(?!\w)"
    ),
    "fa": lead(r"(?<!\w)اين\s+(?:ديپلمات|وزير)(?!\w)|(?<!\w)وزير(?=\s*(?:[،,]|همچنين|در\s+ادامه))"),
}
# Words that make another speaker a minister or a diplomat (a bare title may refer to him)
_MINISTER_WORD_RE = lead(
    r"(?<!\w)(?:minister|counterpart|diplomat|министр\w*|коллег\w*|дипломат\w*|"
    r"(?:ال)?وزير|نظير\w*|(?:ال)?دبلوماسي|همتاي|همتا|ديپلمات)(?!\w)"
)
_OTHER_RE = lead(
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
    r"accompanied|accompanying|told|briefed|informed|assured|thanked|hosted|received|"
    r"invited|phoned|greeted|welcomed|сопровождал\w*|сопровождающ\w*|поблагодарил\w*|"
    r"با|به|از|درباره|براي|همراه|سخنان|ديدار|مع|الي|عن|لقاء|لقايه|نظير|بين|و|"
    # his words as an object: "درباره اظهارات لاوروف", "تصريحات لافروف", "заявления Лаврова"
    r"اظهارات|تصريحات|گفتههاي|заявлени\w*|высказывани\w*|слова|словам)\s+|'s\s+(?:\w+\s+)?)$"
)
_AR_ELIDED_RE = re.compile(
    r"^\s*(?:[،,:\"«“]|ان(?!\w)|انه|انها|انهم|بان|بانه|قائلا|في(?!\w)|خلال|ايضا|كذلك|علي(?!\w)|الي(?!\w)|"
    r"عن(?!\w)|بالقول|حديثه|بقوله|مضيفا|مشيرا|موكدا|ل|لـ|قايلا|$|"
    # the object with ب, a definite or feminine noun: "رحب بعودة سوريا", "ندد بالضربات"
    r"ب(?:ال\w+|\w+ه)(?!\w)|امام(?!\w)|"
    # a time after the verb: "وكان قد قال عام 2011", "قال يوم الثلاثاء"
    r"(?:عام|سنه|يوم|امس|اليوم|مساء|صباح)(?!\w)|"
    # a stance he expresses: "وأبدى قلق بلاده", "وأعرب عن"، "أبدى استعداد موسكو"
    r"(?:قلق|ارتياح|استعداد|تقدير|اسف|رفض|دعم|تاييد|ترحيب|امل|استياء|انزعاج|تفهم|حرص)\w{0,3}(?!\w))"
)
_AR_KANA_OPENING_RE = re.compile(r"\s*[وف]?كان\s+(\S.{0,40}?)\s+قد\s")
_AR_KANA_QAD_RE = re.compile(r"(?:^|\s)[وف]?كان\s+(\S.{0,40}?)(?:\s+قد)?\s*$")
_SWITCH_RE = re.compile(
    r"^(?:[وف]?(?:من\s+جهته|من\s+جانبه|بدوره)|for\s+(?:his|her)\s+part|in\s+turn|в\s+свою\s+очередь|در\s+مقابل)"
)
_BACKGROUND_RE = re.compile(
    r"^(?:[وف]?(?:يذكر|يشار|تجدر\s+الاشاره|جدير\s+بالذكر|الجدير\s+بالذكر)|گفتني\s+است|"
    r"شايان\s+ذكر\s+است|لازم\s+به\s+ذكر\s+است|напомним|it\s+is\s+worth\s+noting|it\s+should\s+be\s+noted)"
)
_COLON_NAME_RE = re.compile(rf"^\s*(?:[وف]\s*)?(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]")
# The narrator's contrast after his words ("But Haftar has been received in Moscow",
# "Однако ...", "لكن ...", "اما ..."): outside a quotation he opened, no continuation of
# them (Arabic أما opens a topic, not a contrast)
_CONTRAST_RE = {
    lang: re.compile(rf"^(?:{words})(?!\w)")
    for lang, words in {
        "en": r"but|however|yet|still|nevertheless|nonetheless",
        "ru": r"но|однако|тем\s+не\s+менее|впрочем",
        "ar": r"[وف]?(?:لكن|غير\s+ان|الا\s+ان|بيد\s+ان)",
        "fa": r"اما|ولي|با\s+اين\s+(?:حال|وجود)",
    }.items()
}


def _lavrov_at(norm: str, pos: int, anchored: bool) -> re.Match[str] | None:
    """A Lavrov noun phrase at `pos` (anchored) or the first one from `pos`."""
    if not may_mention_lavrov(norm, pos, pos + 120 if anchored else None):
        return None
    m = _LAVROV_NP_RE.match(norm, pos) if anchored else find_lavrov_np(norm, pos)
    if m and _NOT_HIM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]):
        return None
    return m


def _lavrov_subject(window: str, lang: str, start: int, end: int) -> int | None:
    """Position of the first Lavrov noun phrase in window[start:end] that is no object
    ("with Lavrov"), no possessive ("Lavrov's") and not a deputy's title."""
    pos = start
    while (m := find_lavrov_np(window, pos, end)) is not None:
        before = window[max(0, m.start() - 30) : m.start()]
        possessive = lang == "en" and re.match(r"'s(?!\w)", window[m.end() : m.end() + 3])
        if not (
            _NOT_HIM_BEFORE_RE.search(before) or _OBJECT_BEFORE_RE.search(before) or possessive
        ):
            return m.start()
        pos = m.end()
    return None


# Every bare title of _TITLE_RE contains one of these (a quick test first)
_TITLE_KEYS = {
    "en": ("minister", "diplomat"),
    "ru": ("министр", "дипломат", "глав"),
    "ar": ("الوزير", "الروسي"),
    "fa": ("وزير", "ديپلمات"),
}


_TITLE_TESTS = {lang: contains_any(keys) for lang, keys in _TITLE_KEYS.items()}
_NO_KEYS = contains_any(())


def _may_hold_title(window: str, lang: str, start: int, end: int) -> bool:
    return _TITLE_TESTS.get(lang, _NO_KEYS)(window, start, end)


def _subject_hits(window: str, lang: str, start: int = 0, end: int | None = None):
    """The first candidate subject of each kind in window[start:end]: (position, rank,
    kind), rank deciding between candidates at one position."""
    end = len(window) if end is None else end
    hits: list[tuple[int, int, str]] = []
    if (at := _lavrov_subject(window, lang, start, end)) is not None:
        hits.append((at, 0, "lavrov"))
    pattern = _PRONOUN_RE.get(lang)
    if pattern and (m := pattern.search(window, start, end)):
        hits.append((m.start(), 1, "pronoun"))
    if _may_hold_title(window, lang, start, end) and (
        m := _TITLE_RE[lang].search(window, start, end)
    ):
        hits.append((m.start(), 1, "title"))
    pos = start
    while (m := _OTHER_RE.search(window, pos, end)) is not None:
        if not _OBJECT_BEFORE_RE.search(window[max(0, m.start() - 30) : m.start()]):
            hits.append((m.start(), 2, "other"))
            break
        pos = m.end()
    return hits


_COMMA_RE = re.compile(r"[,،]")
# A side clause between commas: a relative clause or a participle ("Лавров, выступая на
# пресс-конференции с главой МИД Омана, заявил", "لاوروف، که همراه پوتین ..., گفت",
# "Lavrov, speaking after talks with Mekdad, said"): it never holds the subject.
_SIDE_CLAUSE_RE = re.compile(
    r"(?<=[,،])\s*(?:who|which|where|while|speaking|after|before|when|referring|"
    r"котор\w+|где|выступая|комментируя|отвечая|говоря|находясь|после|"
    r"كه|که|الذي|التي|الذين|متحدثا|خلال|بعد|عقب)(?!\w)[^,،]*(?=[,،])"
)
# "..., الذي قال إن" / "..., who said" / "..., который заявил": the relative pronoun's
# antecedent speaks
_RELATIVE_END_RE = re.compile(r"(?:^|[\s,،])(?:الذي|التي|الذين|who|котор\w+|كه|که)\s*$")


def _subject_svo(window: str, lang: str) -> str | None:
    """Subject of a clause ending with a speech verb: "lavrov" | "pronoun" | "title" |
    "other" | "other_minister" | None.

    The subject is the first candidate of the last comma-separated part that has one:
    "During Pezeshkian's visit to Moscow, Lavrov stressed" -> Lavrov; "Lavrov, for his
    part, said" -> Lavrov; "Araghchi, speaking to Lavrov, said" -> not him."""
    if "," in window or "،" in window:
        window = _SIDE_CLAUSE_RE.sub(_blank, window)
    bounds = [0, *(m.end() for m in _COMMA_RE.finditer(window))]
    for part_start, part_end in reversed(
        list(zip(bounds, [*bounds[1:], len(window)], strict=True))
    ):
        hits = _subject_hits(window, lang, part_start, part_end)
        if hits:
            kind = min(hits)[2]
            if (
                kind in ("title", "pronoun")
                and _lavrov_subject(window, lang, 0, part_start) is not None
            ):
                kind = "lavrov"  # an apposition: "Сергей Лавров, тогда еще новый министр, говорил"
            part = window[part_start:part_end]
            break
    else:
        kind, part = _unnamed_subject(window, lang), window
    if kind in ("other", _ANONYMOUS) and _MINISTER_WORD_RE.search(part):
        return "other_minister"
    return kind


_ANONYMOUS = "anonymous"  # somebody not named as a speaker we know: someone else


def _unnamed_subject(window: str, lang: str) -> str:
    words = _WORD_RE.findall(window)
    if lang in ("en", "ru"):
        # no named subject: "Also, said ..." continues; "Araghchi said" is someone else
        return "pronoun" if all(w in _CONNECTIVES for w in words) else _ANONYMOUS
    if lang == "fa" and not all(w in _FA_CONNECTIVES for w in words):
        # the subject opens a Persian clause: "ابوالغیط نیز گفت" is Aboul Gheit
        return _ANONYMOUS
    return "pronoun" if len(words) <= 2 else _ANONYMOUS


# Persian words that may open a clause whose subject is left out ("در ادامه گفت", "وی نیز
# افزود", "همچنین تصریح کرد"); any other word there is the subject, someone named
_FA_CONNECTIVE_WORDS = (
    "و نیز همچنین هم سپس آنگاه در ادامه پایان ضمن ضمنا همچنان امروز دیروز روز اخیرا "
    "پیشتر قبلا بعدا وی او ایشان به این باره با اشاره تاکید افزون بر اما ولی همین "
    "حال عین زمان حین آن که چنین پیش بار دیگر خاطرنشان یادآور مورد خصوص"
)
_FA_CONNECTIVES = frozenset(normalize(w) for w in _FA_CONNECTIVE_WORDS.split())


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
_REPORTED_BY_KEYS = ("گزارش", "نقل", "وفق", "بحسب", "ذكرت", "как ", "according", "citing")
_may_be_reported_by = contains_any(_REPORTED_BY_KEYS)
_MEDIA_RE = re.compile(
    r"^\s*(?:ال)?(?:وكاله|صحيفه|خبرگزاري|روزنامه|агентств\w*|газет\w*|тасс|риа|интерфакс|"
    r"the\s+(?:agency|newspaper|statement|readout)|reuters|afp|tass|ria|interfax|sputnik|اسپوتنيك|"
    r"سبوتنيك|ايرنا|ايسنا|تاس|بيان|بيانيه|сообщени\w*)(?!\w)"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _mask(norm: str, regions: list[tuple[int, int]], start: int, end: int) -> str:
    """norm[start:end] with quoted passages blanked out, but for a comma that closes one
    (English puts it inside the marks: '... "negotiated by experts," and Zakharova
    stressed' has two clauses)."""
    out = norm[start:end]
    for a, b in regions:
        lo, hi = max(a, start) - start, min(b, end) - start
        if lo < hi:
            tail = "," if hi - lo > 2 and _QUOTE_COMMA_RE.search(out, lo, hi) else ""
            out = out[:lo] + " " * (hi - lo - len(tail)) + tail + out[hi:]
    return out


_QUOTE_COMMA_RE = re.compile(r"[,،]\s*[\"'”’»]$")


@dataclass(frozen=True)
class _Event:
    subject: str  # "lavrov" | "pronoun" | "title" | "other" | "other_minister"
    pos: int
    act: bool = False  # a speech act (thanked, condemned ...), not speech
    evidence: str = "reporting_clause"
    not_he: bool = False  # a woman or several people: never whom a later "he" means


# Every "according to" phrase above contains one of these (a quick test first)
_ACCORDING_KEYS = (
    "حسب", "وفق", "طبق", "نقلا", "قول", "گفته", "اعتقاد", "از نظر", "по слов", "по мнени",
    "по его",
    "как ", "according", "words of", "telling", "view",
)  # fmt: skip


_may_accord = contains_any(_ACCORDING_KEYS)


def _according_event(norm: str, regions: list[tuple[int, int]]) -> _Event | None:
    if not _may_accord(norm):
        return None
    for m in _ACCORDING_RE.finditer(norm):
        if _inside(m.start(), regions):
            continue
        rest = norm[m.end() :]
        if _lavrov_at(norm, m.end(), anchored=True):
            return _Event("lavrov", m.start(), evidence="according_to")
        if _PRONOUN_AFTER_ACCORDING_RE.match(rest):
            if _names_someone_else(norm, m.start()):
                # "Песков ограничился формулировкой: по его словам, ...": his is Peskov
                return _Event("other", m.start(), evidence="according_to")
            return _Event("pronoun", m.start(), evidence="according_to")
        if _TITLE_AFTER_ACCORDING_RE.match(rest):
            return _Event("title", m.start(), evidence="according_to")
        if not _MEDIA_RE.match(rest):
            return _Event("other", m.start(), evidence="according_to")
    return None


def _names_someone_else(norm: str, pos: int) -> bool:
    """Does the sentence before `pos` name somebody else (an official, a speaker we know)
    and not him: the one a pronoun after it refers to?"""
    return _OTHER_RE.search(norm, 0, pos) is not None and not _mentions_lavrov(norm[:pos])


def _may_name_him_after(norm: str, lang: str, pos: int) -> bool:
    """Could the rest of the sentence from `pos` name him (name, title, he, the minister)?"""
    if may_mention_lavrov(norm, pos):
        return True
    return any(
        table.get(lang) is not None and table[lang].search(norm, pos)
        for table in (_PRONOUN_RE, _TITLE_RE)
    )


def _answers_questions(norm: str, pos: int) -> bool:
    """ "answered questions" after a verb, unless his answer follows ("ответил на вопрос о
    Ливии коротко: «...»")."""
    m = _ANSWERS_QUESTIONS_RE.match(norm, pos)
    return m is not None and not _ANSWER_FOLLOWS_RE.match(norm, m.end())


_ANSWER_FOLLOWS_RE = re.compile(r"[^.:!?؟]{0,80}:\s*[«\"“]")


# A passive or perfect auxiliary just before an English verb whose subject is nobody
# named ("HTS ... is listed as", "the war ... has continued for a year")
_AUXILIARY_BEFORE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|has|have|had)(?:\s+\w+ly)?\s+$"
)


# "answered (our) questions": the narrator says that he answered, not what he said
_ANSWERS_QUESTIONS_RE = re.compile(
    r"\s+(?:(?:и|также|тоже)\s+)?(?:на\s+(?:\w+\s+)?вопрос\w*|(?:\w+\s+){0,2}questions(?:\s+(?:from|of|by)\s+[^.,;:]{1,60})?\s*[.,;]|"
    r"(?:علي\s+)?(?:ال)?اسئل\w*)"
)


def _verb_event(norm: str, lang: str, regions: list[tuple[int, int]]) -> _Event | None:
    """The first speech verb whose subject is known; a verb whose subject is nobody named
    ("calls for" as a noun, "Araghchi said") only when no later verb names one."""
    verb_re = verb_regexes().get(lang) or verb_regexes()["en"]
    fallback = None
    for m in verb_re.finditer(norm):
        if _inside(m.start(), regions) or _answers_questions(norm, m.end()):
            continue  # "ответил на вопросы нашего издания": that he answered, not what
        subj = _verb_subject(norm, m, lang, regions)
        if (
            subj == _ANONYMOUS
            and lang == "en"
            and _AUXILIARY_BEFORE_RE.search(norm, max(0, m.start() - 40), m.start())
        ):
            continue  # "is listed as", "has continued for a year": no speech of anybody's
        if subj == _ANONYMOUS:
            fallback = fallback or _Event(
                "other", m.start(), act=verb_traits(m)[2], not_he=_not_he(norm, m)
            )
            if not _may_name_him_after(norm, lang, m.end()):
                break
        elif subj == "pronoun" and fallback is not None:
            return fallback  # "Zarif said ... He said ...": he is the one named before
        elif subj is not None:
            not_he = subj not in ("lavrov", "pronoun", "title") and _not_he(norm, m)
            event = _Event(subj, m.start(), act=verb_traits(m)[2], not_he=not_he)
            if subj in ("other", "other_minister") and (him := _relayed_him(norm, m)) is not None:
                return _Event("lavrov", him, act=verb_traits(m)[2])
            return event
    return fallback


# The ministry's statement or readout relaying what he said ("قالت وزارة الخارجية الروسية
# في بيان إن لافروف أكد", "the ministry said in a statement that Lavrov stressed"): his
# words, unlike his spokeswoman's (her words)
_STATEMENT_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:ال)?بيان\w*|statement|readout|сообщени\w*|пресс-релиз\w*|بيانيه)(?!\w)"
)
_SPOKESPERSON_RE = re.compile(
    r"(?:zakharova|spokes\w*|захаров\w*|представител\w*|زاخاروفا|متحدث\w*|ناطق\w*|سخنگو|زاخارووا)"
)


def _relayed_him(norm: str, m: re.Match[str]) -> int | None:
    """Where he is named as the subject of what an institution's statement says ("...
    في بيان إن لافروف ...", "... in a statement that Lavrov ..."), or None."""
    end = min(len(norm), m.end() + 100)
    if not may_mention_lavrov(norm, m.end(), end):
        return None
    window = norm[max(0, m.start() - 80) : m.end() + 40]
    if _STATEMENT_RE.search(window) is None or _SPOKESPERSON_RE.search(window) is not None:
        return None
    him = find_lavrov_np(norm, m.end(), end)
    if him is None or not _THAT_BEFORE_RE.search(norm, max(m.end(), him.start() - 12), him.start()):
        return None
    return him.start()


_THAT_BEFORE_RE = re.compile(r"(?<!\w)(?:ان|بان|that|что|كه|که)\s*$")


# An English subject that a later "he" cannot mean: a woman, or several people
_NOT_HE_EN_RE = re.compile(
    r"(?<!\w)(?:they|she|governments|officials|diplomats|analysts|observers|critics|experts|"
    r"ministers|leaders|capitals|states|countries|sources|members|participants|sides|parties|"
    r"delegations|representatives|authorities|allies|partners|europeans|americans|powers|"
    r"spokeswoman|women|ambassadors|envoys|mediators|negotiators|lawmakers|senators|"
    r"colleagues|counterparts|both|all)(?:\s+\w+ly)?\s*$"
)


def _not_he(norm: str, m: re.Match[str]) -> bool:
    """Is the verb's subject a woman or several people (Russian -а/-и and Arabic feminine
    verbs; an English plural or female subject just before the verb)? Not when an agency
    relays somebody ("ونقلت وكالة ... عن نائب الوزير": he speaks)."""
    if verb_traits(m)[0]:
        return not _RELAYED_RE.match(norm, m.end())
    return bool(_NOT_HE_EN_RE.search(norm, max(0, m.start() - 40), m.start()))


_RELAYED_RE = re.compile(r"[^.؟!]{0,60}?(?<!\w)عن\s")


def _speech_event(
    norm: str, lang: str, regions: list[tuple[int, int]], according: bool = True
) -> _Event | None:
    """The first speech event outside quotations (`according`: False when the article
    has no "according to" phrase at all)."""
    events = []
    if (":" in norm or "：" in norm) and (m := _COLON_NAME_RE.match(norm)):
        events.append(_Event("lavrov", m.start(), evidence="quote_marks"))
    found = _according_event(norm, regions) if according else None
    for event in (found, _verb_event(norm, lang, regions)):
        if event is not None:
            events.append(event)
    return min(events, key=lambda e: e.pos) if events else None


def _clause_start(norm: str, pos: int, regions: list[tuple[int, int]]) -> int:
    start = max(0, pos - 250)
    for a, b in regions:
        # quotation first, speaker after: «...», — заявил Лавров / "...," he said; not a
        # quoted name inside the clause (выступая на форуме «Примаковские чтения», заявил)
        opens_clause = not norm[:a].strip(" -—–") or norm[:a].rstrip().endswith((":", "："))
        if start < b <= pos and opens_clause and not norm[b:pos].strip(" ,،—–-:"):
            start = b
    semi = max(norm.rfind(";", start, pos), norm.rfind("؛", start, pos))
    return semi + 1 if semi >= 0 else start


# A few words of time between a verb and its subject: "в воскресенье", "on Tuesday"
_SHORT_ADVERBIAL_RE = re.compile(
    r"(?:(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|"
    r"вчера|сегодня|накануне|ранее|также|позднее|журналистам|и|on\s+\w+day|yesterday|today|"
    r"later|earlier|also|به|بها|اليوم|امس|(?:يوم\s+)?(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد))"
    r"[\s,،]+){1,3}"
)


# A few words of time, then maybe an office without its country, before his name
_BEFORE_HIS_NAME_RE = re.compile(
    rf"(?:{_SHORT_ADVERBIAL_RE.pattern})?"
    r"(?:(?:министр\w*\s+иностранных\s+дел|глав\w*\s+мид|(?:the\s+)?foreign(?:\s+minister)?|"
    r"(?:ال)?وزير\s+(?:ال)?خارجيه|وزير\s+(?:امور\s+)?خارجه)[\s,،]+)?"
)


# After his name right after a verb: he is the verb's object, not its subject
_NAME_AS_OBJECT_RE = re.compile(
    r"(?<=у)|\s+(?:that|by\s+(?:tele)?phone|on\s+the\s+phone|in\s+a\s+(?:tele)?phone\s+call)(?!\w)"
)


_COURTESY_RE = re.compile(r"(?:(?:معالي|سعاده|فخامه|his\s+excellency|جناب)\s+)+")


def _after_verb(norm: str, m: re.Match[str], lang: str) -> str | None:
    """The subject written after the verb ("..., said Lavrov", "— сказал он")."""
    post = norm[m.end() : m.end() + 120]
    start = m.end() + len(post) - len(post.lstrip(" ,،\"«»“”„'"))
    if (courtesy := _COURTESY_RE.match(norm, start)) is not None:
        start = courtesy.end()  # "وجدد معالي وزير خارجية روسيا", "his Excellency"
    if (named := _lavrov_at(norm, start, anchored=True)) is not None:
        # "..., told Lavrov that ...", "сообщил Лаврову, что": he is told, not the teller
        return None if _NAME_AS_OBJECT_RE.match(norm, named.end()) else "lavrov"
    later = (
        _LAVROV_NP_RE.search(norm, start, start + 80)
        if may_mention_lavrov(norm, start, start + 80)
        else None
    )
    if (
        later
        and later.start() - start <= 60
        and _BEFORE_HIS_NAME_RE.fullmatch(norm[start : later.start()])
    ):
        # "заявил в воскресенье Сергей Лавров", "said on Tuesday Lavrov", "заявил министр
        # иностранных дел Сергей Лавров"
        return "lavrov"
    after = norm[start : start + 120]
    for kind, table in (("pronoun", _PRONOUN_RE), ("title", _TITLE_RE)):
        pattern = table.get(lang)
        if pattern and pattern.match(after):
            return kind
    return None


# "سُئل" (was asked), normalised
_AR_ASKED_RE = re.compile(r"(?<!\w)[وف]?سيل\s+")
_AR_ABOUT_RE = re.compile(r"(?:عن|حول|بشان|في|ان|اذا|عما)(?!\w)")
# A subject put first and marked so (someone named, not him: his name first was tested
# before): "أما عبد اللهيان فقال", "الصفدي من جهته شدد", "شكري بدوره أكد"
_AR_TOPIC_FIRST_RE = re.compile(
    r"(?:^|[\s،,])(?:و?اما\s+\w[^،,]*|(?![وف]?هو\s)\w+\s+(?:من\s+جهته|من\s+جانبه|بدوره))\s*$"
)


def _arabic_subject(norm: str, m: re.Match[str], pre: str) -> str | None:
    """Arabic puts the subject after the verb (VSO) or, less often, before it."""
    other, weak, _act = verb_traits(m)
    if _AR_TOPIC_FIRST_RE.search(pre):
        return "other"  # "أما بومبيو فأبلغ لافروف أن ...": the topic speaks, he is told
    if (m.group().startswith("قد") or pre.rstrip().endswith("قد")) and (
        kana := _AR_KANA_QAD_RE.search(pre)
    ) is not None:
        # "وكان عمار قد شدد": the subject between كان and قد
        named = kana.group(1)
        if _lavrov_at(named, 0, anchored=True):
            return "lavrov"
        return "title" if _TITLE_RE["ar"].match(named) else "other"
    after = _after_verb(norm, m, "ar")
    if after in ("lavrov", "title"):
        return after
    tail_from = max(0, len(pre) - 120)
    tail = _LAVROV_TAIL_RE.search(pre, tail_from) if may_mention_lavrov(pre, tail_from) else None
    if tail and not _NOT_HIM_BEFORE_RE.search(pre[: tail.start()]):
        return "lavrov"  # subject first: "لافروف يؤكد", "وزير الخارجية الروسي قال"
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
    post = norm[m.end() : m.end() + 120]
    if _AR_ELIDED_RE.match(post):
        return "pronoun"
    if weak:
        return None
    return "other_minister" if _MINISTER_WORD_RE.match(post.lstrip(" ،,")) else "other"


# (a spaced hyphen stands for a dash: «...», - сказал он)
_CLAUSE_END_RE = re.compile(r"(?:[,،—–:]|\s-)\s*[\"»”']?\s*$")


def _verb_subject(
    norm: str, m: re.Match[str], lang: str, regions: list[tuple[int, int]]
) -> str | None:
    cs = _clause_start(norm, m.start(), regions)
    pre = _mask(norm, regions, cs, m.start())
    if _may_be_reported_by(pre):
        pre = _REPORTED_BY_RE.sub(_blank, pre)
    rel = _RELATIVE_END_RE.search(pre, max(0, len(pre) - 30))
    if rel:
        antecedent = pre[max(0, rel.start() - 60) : rel.start()]
        his = may_mention_lavrov(antecedent) and _LAVROV_TAIL_RE.search(antecedent)
        return "lavrov" if his else "other"
    if lang == "ar":
        return _arabic_subject(norm, m, pre)
    if verb_traits(m)[0]:
        return "other"  # Russian -а/-и: a woman or several people
    if lang in ("en", "ru") and _INVERSION_PRE_RE.search(pre, max(0, len(pre) - 40)):
        # "Об этом заявил Сергей Лавров", "This was stated by Lavrov"
        after = re.sub(r"^[\s,]*(?:by\s+)?", "", norm[m.end() : m.end() + 120])
        after = (
            _SHORT_ADVERBIAL_RE.sub("", after, count=1)
            if _SHORT_ADVERBIAL_RE.match(after)
            else after
        )
        if _lavrov_at(after, 0, anchored=True):
            return "lavrov"
    if _CLAUSE_END_RE.search(pre, max(0, len(pre) - 8)) or not pre.strip():
        # the reporting clause after the words: «...», — заявил Лавров / "...," he said /
        # "..., said Sergey Lavrov" / "..., считает министр иностранных дел России"
        after = _after_verb(norm, m, lang)
        if after is not None:
            return after
        if lang in ("ru", "en") and not pre.strip(' ,،—–-:"«»“”'):
            rest = norm[m.end() :].lstrip(" ,")
            if rest[:1].isalpha():
                return "other"
    if lang == "ru" and _ru_named_after(norm, m.end()):
        return "lavrov"  # "О Ливии говорил и Сергей Лавров": the verb before its subject
    subject = _subject_svo(pre, lang)
    told = subject in ("pronoun", "title") and _WORD_RE.search(pre) is not None
    if told and _lavrov_at(norm, _skip_spaces(norm, m.end()), True):
        return "other"  # "He told Lavrov that ...", "Он сообщил Лаврову": he is told
    return subject


_RU_PARTICLES_RE = re.compile(r"(?:\s+(?:и|также|тоже|же|уже|сам))*\s+")


def _ru_named_after(norm: str, pos: int) -> bool:
    """Does his name in the nominative follow the Russian verb (after "и", "также")?"""
    gap = _RU_PARTICLES_RE.match(norm, pos)
    if gap is None or not may_mention_lavrov(norm, gap.end(), gap.end() + 40):
        return False
    named = _lavrov_at(norm, gap.end(), anchored=True)
    return named is not None and named.group().endswith("лавров")


def _skip_spaces(norm: str, pos: int) -> int:
    while pos < len(norm) and norm[pos] == " ":
        pos += 1
    return pos


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
    r"[وف]?جاء\s+ذلك|[وف]?جاءت\s+(?:تصريحات|تصريحاته))"
    r"|(?<!\w)اين\s+(?:مطلب|سخنان|اظهارات|موضوع)\s+را(?!\w)"
)
# Every match of _BACKREF_RE opens with one of these (after spaces) or holds "اين"
_BACKREF_OPENINGS = ("об", "это", "this", "that", "these", "جاء", "وجاء", "فجاء")


def _backref(head: str) -> bool:
    """_BACKREF_RE.search(head), tested first on what any match needs."""
    if not (head.lstrip().startswith(_BACKREF_OPENINGS) or "اين" in head):
        return False
    return _BACKREF_RE.search(head) is not None


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
        out[j] = Attribution(LAVROV, "reported", "backreference")
        j -= 1


def _sentence_norm(raw: str, sent: Sentence, normalized: NormText | None) -> str:
    """normalize(raw), sliced from the normalised whole text when there is one."""
    return normalize(raw) if normalized is None else normalized.norm_of(sent.start, sent.end)


_NAME_ONLY_RE = re.compile(rf"[\s\"«»“”„']*{_NAME_NP}[\s\"«»“”„']*")


def _quotations(norm: str, open_in: bool) -> tuple[list[tuple[int, int]], bool]:
    """Quoted passages, leaving out a quoted name (وأكد "لافروف" أن ...)."""
    regions, still_open = _quote_regions(norm, open_at_start=open_in)
    kept = [
        (a, b)
        for a, b in regions
        if b - a > 60
        or not may_mention_lavrov(norm, a, b)
        or not _NAME_ONLY_RE.fullmatch(norm[a:b])
    ]
    return kept, still_open


# A transcript has his label ("С.В.Лавров:", "Lavrov in talks with X:"), a question's
# label or mark, or an audience addressed, at the start of a line (a quick test on the
# raw text before its paragraphs are looked at)
_MAY_BE_TRANSCRIPT_RE = re.compile(
    r"^[^\n:：]{0,30}(?:lavrov|лавров|لافروف|لاوروف)[^\n:：]{0,40}[:：]"
    r"|^\s*(?:вопрос|question|q|س|سؤال|سوال|پرسش|ответ|answer)\s*(?:\([^)\n]{0,160}\))?\s*[:：]"
    r"|^\s*(?:[■●•▪◾►]|\*\*|[—–]\s|(?:س|سؤال|q|в)\s*/)[^\n]*[?؟]"
    r"|^\s*(?:ladies|colleagues|dear|уважаем|дамы|коллеги|дорогие|السيدات|سيداتي|الزملاء|"
    r"اصحاب|أصحاب|خانم|همکاران|دوستان)",
    re.MULTILINE | re.IGNORECASE,
)


def _transcript(text: str, sentences: Sequence[Sentence]) -> list[Turn] | None:
    """Each sentence's turn when the article is a transcript (see transcripts.py)."""
    if not sentences or not _MAY_BE_TRANSCRIPT_RE.search(text):
        return None
    paras: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = paras.get(s.paragraph, (s.start, s.end))
        paras[s.paragraph] = (min(a, s.start), max(b, s.end))
    order = sorted(paras)
    first = sentences[0]
    headline_like = not ends_sentence(text[first.start : first.end])
    heading_para = order[0] if headline_like and len(order) > 1 else None
    body = [p for p in order if p != heading_para]
    heading = text[slice(*paras[heading_para])] if heading_para is not None else ""
    turns = transcript_turns([text[slice(*paras[p])] for p in body], heading)
    if turns is None:
        return None
    by_para = dict(zip(body, turns, strict=True))
    return [by_para.get(s.paragraph, Turn(None, None, None)) for s in sentences]


# "..., إذ قال إن" / "..., حيث أكد أن" (the verb's match starts at إذ/حيث): the clause
# before the comma has the subject
_AR_AS_RE = re.compile(r"[وف]?(?:اذ|حيث)(?!\w)|[وف]?(?:اذ|حيث)(?=[اقو])")


def _earlier_clause_subject(norm: str, pos: int, lang: str) -> str | None:
    """Who is the subject of a clause of this sentence that a semicolon closes before
    `pos`, or that an Arabic "، إذ" / "، حيث" ("as he said") joins to it: "lavrov",
    "other" (somebody else named) or None (the one a pronoun after it refers to)."""
    if lang == "ar" and (kana := _AR_KANA_OPENING_RE.match(norm, 0, pos)) is not None:
        # "وكان الملك قد أجرى محادثات ... وأكد أن": the subject between كان and قد
        return "lavrov" if _lavrov_at(kana.group(1), 0, anchored=True) else "other"
    if lang == "ar" and norm.startswith("و", pos) and norm[:pos].rstrip().endswith("،"):
        # "استقبل لافروف نظيره عطاف في موسكو، وقال إن": the joined verb shares the subject
        him = _lavrov_subject(norm, lang, 0, pos)
        if him is not None and not _OTHER_RE.search(norm, 0, him):
            return "lavrov"
    semi = max(norm.rfind(";", 0, pos), norm.rfind("؛", 0, pos))
    if semi < 0 and _AR_AS_RE.match(norm, pos) and norm[:pos].rstrip().endswith(("،", ",")):
        semi = len(norm[:pos].rstrip()) - 1
    if semi < 0:
        return None
    if _names_someone_else(norm[:semi], semi):
        return "other"
    return "lavrov" if _lavrov_subject(norm, lang, 0, semi) is not None else None


# Groups the narrator cites, who open a sentence about them: "Gulf diplomats have heard
# this before" (apart from _OTHER_RE: common first letters would slow its every search)
_HIS_POSSESSIVE_OPENING_RE = re.compile(r"\W{0,3}(?:sergey\s+|sergei\s+)?lavrov's\s")
_GROUP_RE = re.compile(
    r"(?<!\w)(?:diplomats|analysts|observers|critics|дипломаты|аналитики|наблюдатели|критики|"
    r"الدبلوماسيون|دبلوماسيون|المحللون|محللون|المراقبون|مراقبون|ديپلماتها|ديپلمات\s+ها|"
    r"تحليلگران|ناظران)(?!\w)"
)


_LABEL_HEAD_RE = re.compile(r"^[^:：.!?؟\n\"«“]{3,90}[:：]")


def _other_speakers_label(norm: str) -> bool:
    """Does the sentence open with somebody else's label ("المتحدثة باسم الخارجية
    الروسية ماريا زاخاروفا: ...", "Peskov: ...")? What follows is theirs, also when it
    relays him."""
    if ":" not in norm[:92] and "：" not in norm[:92]:
        return False  # the common case: no label
    m = _LABEL_HEAD_RE.match(norm)
    if m is None or not _OTHER_RE.search(norm, 0, m.end()):
        return False
    return not _mentions_lavrov(norm[: m.end()])


class _Resolver:
    """Walks the sentences in order, remembering who spoke last and which minister or
    diplomat spoke last, and resolves each sentence's speech event to a speaker."""

    def __init__(self, text: str, sentences: Sequence[Sentence], lang: str) -> None:
        self.text, self.sentences, self.lang = text, sentences, lang
        self.out: list[Attribution] = []
        self.events: list[str | None] = []  # each sentence's speech event, or None
        self.last: str | None = None  # last speaker: "lavrov" | "other" | None
        self.last_he: str | None = None  # the last one of them "he" may refer to
        self.idx = 0  # the sentence being resolved
        self.last_minister: str | None = None  # last minister/diplomat who spoke
        self.carry_open = False  # a quotation opened by Lavrov is still open
        self.theses = False  # "Key points of Lavrov's speech:" -> the list items after it
        self.according = True  # may a sentence hold an "according to" phrase?

    def speak(self, who: str, not_he: bool = False) -> None:
        self.last = "lavrov" if who == "lavrov" else "other"
        if not not_he:
            self.last_he = self.last
        if who in ("lavrov", "other_minister"):
            self.last_minister = self.last

    def about_someone_else(self, norm: str) -> bool:
        """Does the sentence open on somebody else (an official, an institution, another
        minister named with his portfolio), not on him?"""
        head = min(50, len(norm))
        if _mentions_lavrov(norm[:80]):
            return False
        if _OTHER_RE.search(norm, 0, head) or _GROUP_RE.search(norm, 0, head):
            return True
        title = _TITLE_RE.get(self.lang)
        bare_title = title is not None and title.search(norm, 0, head)
        return not bare_title and bool(_MINISTER_WORD_RE.search(norm, 0, head))

    def notice(self, norm: str) -> None:
        """A sentence without speech still makes its subject the one "he" or "the
        minister" refers to next ("Лавров прибыл в Анкару. Он заявил ..."): him, or
        somebody else named before him ("وزیر خارجه لبنان ... با همتای روس خود سرگئی
        لاوروف دیدار کرد")."""
        head = min(60, len(norm))
        other = _OTHER_RE.search(norm, 0, min(40, head))
        title = _TITLE_RE.get(self.lang)
        bare_title = title is not None and title.search(norm, 0, head)
        minister = None if bare_title else _MINISTER_WORD_RE.search(norm, 0, head)
        first_other = min((m.start() for m in (other, minister) if m), default=len(norm))
        him = _lavrov_subject(norm, self.lang, 0, head)
        if him is None and not other and not minister:
            him = _after_fronted_clause(norm)
        if (him is not None and him <= first_other) or (
            self.lang == "en" and _HIS_POSSESSIVE_OPENING_RE.match(norm)
        ):
            # "Лавров прибыл в Анкару", "Lavrov's answer was to ...": he is the topic
            self.last = self.last_he = self.last_minister = "lavrov"
            return
        if other:
            self.last = self.last_he = "other"
        if minister:
            # another minister acts ("министр промышленности Татарстана провел встречи"):
            # "the minister" next refers to him
            self.last = self.last_he = self.last_minister = "other"

    def resolve(self, event: _Event) -> str:
        """ "lavrov" or "other": who the event's subject is."""
        if event.subject == "pronoun":
            return "lavrov" if self.last_he == "lavrov" else "other"
        if event.subject == "title":
            if self.last_minister is None and self.named_him_before():
                return "lavrov"  # no other minister yet in a story about him
            return "lavrov" if self.last_minister == "lavrov" else "other"
        return "lavrov" if event.subject == "lavrov" else "other"

    def attribution(self, event: _Event, norm: str, regions) -> Attribution:
        if event.subject in ("pronoun", "title"):
            kind, evidence = "continuation", "reference_chain"
            if event.evidence == "according_to" and event.subject == "title":
                kind = "reported"
        else:
            quote = _is_quote(norm, regions, event.pos)
            kind = "quote" if quote else "reported"
            evidence = event.evidence
            if evidence == "reporting_clause" and quote:
                evidence = "quote_marks"
        return Attribution(LAVROV, "speech_act" if event.act else kind, evidence)

    def named_him_before(self) -> bool:
        """Does the text before the current sentence name him (asked only of a bare
        title with no minister before it, so seldom)?"""
        before = normalize(self.text[: self.sentences[self.idx].start])
        return may_mention_lavrov(before) and _mentions_lavrov(before)

    def sentence(self, idx: int, norm: str, is_title: bool, turn: Turn | None) -> Attribution:
        self.idx = idx
        sent = self.sentences[idx]
        prev = self.sentences[idx - 1] if idx else None
        same_para = prev is not None and prev.paragraph == sent.paragraph
        open_in = self.carry_open and same_para
        regions, still_open = _quotations(norm, open_in)
        event = None
        if _may_be_outlet_line(norm) and _OUTLET_LINE_RE.search(norm, 0, 40):
            att = _NONE  # "Полный текст — на сайте МИД": the outlet's line
        elif self.theses and _LIST_ITEM_RE.match(self.text, sent.start) and not same_para:
            att = Attribution(LAVROV, "reported", "reporting_clause")
        elif turn is not None and turn.speaker is not None:
            att = (
                Attribution(LAVROV, turn.kind, turn.evidence) if turn.speaker == "lavrov" else _NONE
            )
            self.speak("lavrov" if att.speaker else "other")
        elif _other_speakers_label(norm):
            att, self.last = _NONE, "other"  # "Zakharova: ...", a live blog's entry
            self.last_he = "other"
        elif _BACKGROUND_RE.match(norm):
            att, self.last = _NONE, None
            self.last_he = None
        elif _SWITCH_RE.match(norm) and not _mentions_lavrov(norm[:80]):
            att, self.last = _NONE, "other"
            self.last_he = "other"
        else:
            event = _speech_event(norm, self.lang, regions, self.according)
            contrast = _CONTRAST_RE.get(self.lang)
            # later in the paragraph he speaks in; English reports attribute each sentence
            # they do not quote, so there only a quotation continues him
            continues = open_in or (
                same_para
                and (self.lang != "en" or _opens_quotation(norm, regions))
                and not (contrast and contrast.match(norm))
                and not _ABOUT_HIS_WORDS_RE.search(norm, 0, 50)
            )
            att = self._narrative(idx, norm, regions, event, is_title, continues)
        self.carry_open = still_open and att.speaker is not None
        if not same_para or not att.speaker:
            self.theses = (att.speaker is not None and self.theses) or _introduces_theses(norm)
        self.out.append(att)
        self.events.append(
            event.subject if event else ("background" if _BACKGROUND_RE.match(norm) else None)
        )
        return att

    def _narrative(self, idx, norm, regions, event, is_title, continues) -> Attribution:
        if is_title:
            return _NONE  # a headline paraphrases him: the outlet's words, not his
        if event is None and _backref_lavrov(norm):
            self.speak("lavrov")
            _backfill(self.text, self.out, self.sentences, idx, self.events)
            return Attribution(LAVROV, "reported", "backreference")
        if event is None:
            # inside a quotation he opened, or later in the paragraph he speaks in, unless
            # the sentence is about somebody else ("The UN envoy took a different view")
            if (
                continues
                and self.out
                and self.out[-1].speaker
                and not self.about_someone_else(norm)
                and not _SAYS_NOTHING_RE.search(norm)
                and _lavrov_subject(norm, self.lang, 0, min(60, len(norm))) is None
            ):
                return Attribution(LAVROV, "continuation", "continuation")
            self.notice(norm)
            return _NONE
        who = self.resolve(event)
        if event.subject == "pronoun":
            # "...يربط فيها لافروف بين الملفين؛ فقد قال إن ...", "ولم يفت لافروف أن يرد، إذ قال"
            who = _earlier_clause_subject(norm, event.pos, self.lang) or who
        self.speak(who if who == "lavrov" else event.subject, event.not_he)
        if who != "lavrov":
            return _NONE
        att = self.attribution(event, norm, regions)
        if att.kind == "reported" and event.subject == "lavrov" and _backref(norm[:120]):
            _backfill(self.text, self.out, self.sentences, idx, self.events)
        return att


# The outlet pointing to the full text: never his words, also inside his list of points
_OUTLET_LINE_RE = re.compile(
    r"(?<!\w)(?:полный\s+текст|full\s+text|(?:ال)?نص\s+(?:ال)?كامل|متن\s+كامل)(?!\w)"
)
# Every match of _OUTLET_LINE_RE holds one of these words
_OUTLET_LINE_KEYS = ("текст", "text", "نص", "متن")


def _may_be_outlet_line(norm: str) -> bool:
    head = norm[:40]
    return any(key in head for key in _OUTLET_LINE_KEYS)


# What the narrator says he did not say: "He did not comment on ...", "Лавров не стал
# уточнять", "رفض التعليق", "از اظهار نظر خودداری کرد" (normalised)
_SAYS_NOTHING_RE = re.compile(
    r"(?:did\s+not|didn't|declined\s+to|refused\s+to|would\s+not)\s+(?:comment|say|"
    r"elaborate|specify|answer|respond|give\s+details|name)|"
    r"не\s+стал\s+(?:комментировать|уточнять|отвечать|раскрывать|называть)|"
    r"отказался\s+(?:от\s+комментари\w*|комментировать|уточнить|уточнять|отвечать)|"
    r"не\s+уточнил|воздержался\s+от\s+комментари\w*|"
    r"(?:رفض|امتنع\s+عن)\s+(?:التعليق|الاجابه|الكشف|التوضيح)|لم\s+(?:يعلق|يوضح|يكشف)|"
    r"از\s+(?:اظهار\s?نظر|پاسخ|توضيح)[^.]{0,40}خودداري\s+كرد|حاضر\s+به\s+(?:اظهار\s?نظر|پاسخ)"
    r"[^.]{0,40}نشد|توضيحي\s+نداد"
)


# A list of his points: an introduction that names him and his words, then items
_THESES_RE = re.compile(
    r"(?:тезис\w*|заявлени\w*|выступлени\w*|слов\w*|point\w*|remark\w*|statement\w*|"
    r"highlight\w*|said|says|ابرز|تصريحات|اقوال|قال|اظهارات|سخنان|گفته\w*|محورهاي)"
)
_LIST_ITEM_RE = re.compile(
    r"\s*(?:[-–—•▪◾►■●◆*]|\d{1,2}[.)]|[\U0001F300-\U0001FAFF\u2600-\u27BF])"
)


def _introduces_theses(norm: str) -> bool:
    return (
        norm.rstrip().endswith((":", "："))
        and _mentions_lavrov(norm)
        and bool(_THESES_RE.search(norm))
    )


# The narrator on his words ("These words sound prophetic today", "Этот призыв услышан не
# был", "ولم تلق الدعوة صدى", "این جمله کلید فهم ... است"): no continuation of them
_ABOUT_HIS_WORDS_RE = re.compile(
    r"(?<!\w)(?:(?:this|that|these|those)\s+(?:phrase|remarks?|words|statements?|call|line|"
    r"formula|message|warning|comment)|(?:эт(?:и|от|а|у|о|ой)|тот|та|те)\s+(?:слова|призыв\w*|"
    r"фраз\w*|формул\w*|заявлени\w*|мысл\w*|тезис\w*|предупреждени\w*)|"
    r"(?:هذه|تلك|هذا|ذلك)\s+(?:التصريحات|الدعوه|العباره|الكلمات|الرساله|التحذير)|"
    r"(?:[وف]?لم\s+تلق|لاقت|لقيت)\s+(?:الدعوه|دعوته|التصريحات|تصريحاته)|"
    r"(?:اين|ان)\s+(?:جمله|سخن|سخنان|حرف|اظهارات|فراخوان|پيام|هشدار))(?!\w)"
)


def _after_fronted_clause(norm: str) -> int | None:
    """His name opening the main clause after a fronted one ("When Russian aircraft began
    bombing in Syria in 2015, Lavrov framed ..."), or None."""
    comma = norm.find(",", 0, _MAX_FRONTED)
    if comma < 0:
        comma = norm.find("،", 0, _MAX_FRONTED)
    if comma < 0:
        return None
    start = _skip_spaces(norm, comma + 1)
    return start if _lavrov_at(norm, start, anchored=True) else None


_MAX_FRONTED = 100


def _opens_quotation(norm: str, regions: list[tuple[int, int]]) -> bool:
    """Does the sentence open with a quotation ('"This is business, not politics."')?"""
    return bool(regions) and not norm[: regions[0][0]].strip(" -—–")


def _is_real_sentence(raw: str) -> bool:
    """A sentence of the story, not a headline, standfirst, date line or label: it ends
    with sentence punctuation (not the dots that join a headline's parts) and has a few
    words, or is as long as a paragraph."""
    n_words = len(_WORD_RE.findall(raw))
    if raw.rstrip().endswith(("..", "…")):
        return n_words >= 25  # "باسيل من موسكو: لا تأجيل لعودة النازحين..": a headline's
    return n_words >= 25 or (n_words >= 4 and ends_sentence(raw))


def attribute_speakers(
    text: str, sentences: Sequence[Sentence], lang: str, *, normalized: NormText | None = None
) -> list[Attribution]:
    """For each sentence: is it Lavrov's statement, of which kind, and on what evidence.

    `normalized` (optional): `normalize_text(text)`, to take each sentence's normalised
    form from instead of normalising it again (the same string; see _sentence_norm)."""
    if lang not in verb_regexes():
        lang = detect_language(text)
    if normalized is not None and normalized.original is not text:
        normalized = None
    resolver = _Resolver(text, sentences, lang)
    resolver.according = _may_accord(normalized.norm if normalized else normalize(text))
    turns = _transcript(text, sentences) or [None] * len(sentences)
    if _is_spokespersons_briefing(text, sentences):
        return [_NONE] * len(sentences)  # her words throughout, also where she relays him
    heading = True  # the headline, a standfirst, a date line: until the first real sentence
    standfirst_end = _date_line_at(text, sentences)  # a standfirst above the date line
    for idx, sent in enumerate(sentences):
        raw = text[sent.start : sent.end]
        norm = _sentence_norm(raw, sent, normalized)
        heading = (heading and not _is_real_sentence(raw)) or idx < standfirst_end
        crosshead = _is_crosshead(sentences, idx, raw)
        resolver.sentence(idx, norm, heading or crosshead, turns[idx])
    return resolver.out


# The transcript of the spokeswoman's briefing, named in its heading ("Брифинг
# официального представителя МИД России М.В.Захаровой", "Briefing by Foreign Ministry
# Spokeswoman Maria Zakharova", "الإحاطة الإعلامية للمتحدثة", "نشست خبری سخنگوی")
_BRIEFING_RE = re.compile(
    r"(?:брифинг\w*|briefing|(?:ال)?احاطه\s+(?:ال)?اعلاميه|نشست\s+خبري|(?:ال)?موتمر\s+(?:ال)?صحفي)"
    r"[^.\n]{0,60}?(?:представител\w*|захаров\w*|spokes\w*|zakharova|(?:لل)?متحدث\w*|"
    r"زاخاروفا|سخنگو\w*|زاخارووا)"
)
_MAX_BRIEFING_HEADING = 3


def _is_spokespersons_briefing(text: str, sentences: Sequence[Sentence]) -> bool:
    for sent in sentences[:_MAX_BRIEFING_HEADING]:
        raw = text[sent.start : sent.end]
        if not ends_sentence(raw) and _BRIEFING_RE.search(normalize(raw[:200])):
            return True
    return False


# A short line with a year or a clock: the article's date line ("28 сен 2025, 17:42")
_DATE_LINE_RE = re.compile(r"(?<!\d)(?:19|20|13|14)\d\d(?!\d)|(?<!\d)\d{1,2}[:.]\d\d(?!\d)")
_MAX_HEADER_SENTENCES = 6
_MAX_DATE_LINE_WORDS = 8


def _date_line_at(text: str, sentences: Sequence[Sentence]) -> int:
    """The index of the date line among the first sentences when it comes after the
    headline and a standfirst (what is above it is the outlet's), else 0."""
    for idx, sent in enumerate(sentences[:_MAX_HEADER_SENTENCES]):
        raw = text[sent.start : sent.end]
        if len(raw.split()) <= _MAX_DATE_LINE_WORDS and _DATE_LINE_RE.search(raw):
            alone = idx == 0 or sentences[idx - 1].paragraph != sent.paragraph
            return idx if alone and idx >= 2 else 0
    return 0


def _is_crosshead(sentences: Sequence[Sentence], idx: int, raw: str) -> bool:
    """A short line of its own without final punctuation inside the story: a crosshead
    or a live blog's entry title ("Lavrov says Nato troops in Ukraine unacceptable"),
    the outlet's words like a headline."""
    para = sentences[idx].paragraph
    alone = (idx == 0 or sentences[idx - 1].paragraph != para) and (
        idx + 1 >= len(sentences) or sentences[idx + 1].paragraph != para
    )
    return (
        alone
        and idx + 1 < len(sentences)
        and not ends_sentence(raw)
        and len(_WORD_RE.findall(raw)) <= 12
    )
