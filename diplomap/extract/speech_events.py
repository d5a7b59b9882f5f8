"""Speech events: the speech verb or "according to" phrase of one sentence and who its
subject is ("lavrov", a pronoun, a bare title, somebody else), with the patterns that
decide it. Sentence by sentence, on normalised strings; diplomap.extract.speakers
resolves pronouns and titles across the article and decides what is his.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from diplomap.extract.after_verb import (
    _RU_OBLIQUE_RE,
    _SHORT_ADVERBIAL_RE,
    _after_verb,
    _past_quoted_name,
)
from diplomap.extract.arabic_subject import _arabic_subject
from diplomap.extract.clauses import (
    _NEGATION_RE,
    _SIDE_CLAUSE_RE,
    _THAT_AFTER_RE,
    _blank,
    _him_in_main_clause,
    _in_fronted_clause,
    _in_his_where_clause,
    _in_relative_clause,
    _says_it_not,
    _somebody_before,
)
from diplomap.extract.common import (
    _DESIG,
    _LAVROV_TAIL_RE,
    _NAME_NP,
    _WORD_RE,
    _mentions_lavrov,
    _skip_spaces,
    contains_any,
    find_lavrov_np,
    may_mention_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.extract.relays import (
    _SPOKESPERSON_RE,
    _STATEMENT_RE,
    _foreign_relay,
    _quoted_him,
    _relayed_him,
    _said_he_did,
    _source_frame,
)
from diplomap.extract.sentences import _inside
from diplomap.extract.speech_verbs import verb_regexes, verb_traits
from diplomap.extract.subjects import (
    _MINISTER_WORD_RE,
    _OTHER_RE,
    _PRONOUN_RE,
    _TITLE_RE,
    _lavrov_at,
    _lavrov_subject,
    _subject_hits,
)
from diplomap.normalize import normalize

# "according to Lavrov" / "according to him"
_ACCORDING_RE = lead(
    r"(?<!\w)(?:[وف]?(?:(?:بحسب|حسب|وفق)(?!\s*ما(?!\w))(?!ما)|وفقا\s+ل|طبقا\s+ل|نقلا\s+عن|علي\s+حد\s+قول)\s*|به\s+(?:گفته|نوشته)\s+|"
    r"به\s+(?:اعتقاد|نظر)\s+|از\s+(?:نظر|نگاه|ديد)\s+|по\s+словам\s+|по\s+мнению\s+|"
    # "по его словам": the pronoun inside the phrase
    r"по\s+(?=его\s+(?:словам|мнению)(?!\w))|как\s+(?:заявил|отметил|сказал|подчеркнул|считает)\s+|"
    r"according\s+to\s+|in\s+the\s+words\s+of\s+|in\s+(?=lavrov's\s+(?:telling|words|view)))"
)
_PRONOUN_AFTER_ACCORDING_RE = re.compile(r"^(?:قوله|وي|او|ايشان|его|him)(?!\w)")
_TITLE_AFTER_ACCORDING_RE = re.compile(
    r"^(?:the\s+(?:foreign\s+)?minister|the\s+diplomat|министра|дипломата|الوزير|اين\s+(?:وزير|ديپلمات))(?!\w)"
)

_COLON_NAME_RE = re.compile(rf"^\s*(?:[وف]\s*)?(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]")


_COMMA_RE = re.compile(r"[,،]")
# A Persian phrase of what the words refer to, between the subject and the verb: "با
# اشاره به تصمیم ترامپ", "در پاسخ به پرسشی درباره ...": it never holds the subject
_FA_ABOUT_RE = lead(
    r"(?<!\w)(?:(?:با|ضمن|در)\s+اشاره\s+به|(?:در|به)\s+(?:واكنش|پاسخ)\s+به|"
    r"(?:با|ضمن)\s+(?:تاكيد|انتقاد)\s+(?:بر|از))(?!\w)"
)
# "..., الذي قال إن" / "..., who said" / "..., который заявил": the relative pronoun's
# antecedent speaks
# (a parenthesis may follow the pronoun: "al-Bashir, who, according to SUNA, briefed him")
_RELATIVE_END_RE = re.compile(
    r"(?:^|[\s,،])(?:الذي|التي|الذين|who|котор\w+|كه|که)\s*(?:[,،][^,،]{0,80}[,،]?\s*)?$"
)


# "..., who last week in Beijing urged", "..., который на прошлой неделе призвал": the
# relative pronoun, then adverbials without a subject of their own, then the verb
_RELATIVE_GAP_RE = re.compile(
    r"(?:^|[\s,])(?:who|котор(?:ый|ая|ые))\s+(?!(?:he|she|they|we|i|you|он|она|они|мы|я)\s)"
    r"[^,.;:\"«»“”()]{2,60}$"
)


def _relative_pronoun_before(pre: str, lang: str) -> re.Match[str] | None:
    """The relative pronoun whose clause ends with the verb ("..., who said"), or None."""
    rel = _RELATIVE_END_RE.search(pre, max(0, len(pre) - 120))
    if rel is None and lang in ("en", "ru"):
        rel = _relative_with_adverbials(pre, lang)
    return rel


def _relative_with_adverbials(pre: str, lang: str) -> re.Match[str] | None:
    """The relative pronoun whose clause the verb ends when only adverbials stand between
    them ("Lula, who last week in Beijing and Abu Dhabi urged"), or None."""
    tail = pre[-70:]
    if "who" not in tail and "котор" not in tail:
        return None  # (the common case: no relative pronoun near the verb)
    rel = _RELATIVE_GAP_RE.search(pre, max(0, len(pre) - 70))
    if rel is None:
        return None
    gap_from = pre.index(" ", rel.start() + 1)  # past the pronoun
    return None if _subject_hits(pre, lang, gap_from, len(pre)) else rel


def _subject_svo(window: str, lang: str, object_follows: bool = False) -> str | None:
    """Subject of a clause ending with a speech verb: "lavrov" | "pronoun" | "title" |
    "other" | "other_minister" | None.

    The subject is the first candidate of the last comma-separated part that has one:
    "During Pezeshkian's visit to Moscow, Lavrov stressed" -> Lavrov; "Lavrov, for his
    part, said" -> Lavrov; "Araghchi, speaking to Lavrov, said" -> not him."""
    about = _FA_ABOUT_RE.search(window) if lang == "fa" else None
    if about is not None and _subject_hits(window, lang, 0, about.start()):
        window = window[: about.start()]  # "وزیر خارجه روسیه با اشاره به تصمیم ترامپ افزود"
    if "," in window or "،" in window:
        window = _SIDE_CLAUSE_RE.sub(_blank, window)
    bounds = [0, *(m.end() for m in _COMMA_RE.finditer(window))]
    for part_start, part_end in reversed(
        list(zip(bounds, [*bounds[1:], len(window)], strict=True))
    ):
        if part_start and _SUBORDINATE_OPEN_RE.match(window, part_start):
            continue  # "Лавров, отвечая на вопрос о том, как Россия ..., если президент ..., заявил"
        hits = _subject_hits(window, lang, part_start, part_end)
        if hits and part_start and _is_apposition(window, part_start, part_end):
            continue  # "به علی باقری کنی، سرپرست وزارت امور خارجه، نوشت": the object's title
        if (
            hits
            and lang == "fa"
            and min(hits)[2] == "other"
            and _fa_in_object(window, part_start, part_end, min(hits)[0], object_follows)
        ):
            continue  # "..., ایده رئیس‌جمهور آمریکا ... را «...» خواند": inside the object
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
    if kind == "title" and lang == "ru" and _RU_FOREIGN_HEAD_RE.search(part):
        return "other_minister"  # "Глава МИД Израиля Яир Лапид назвал": not his title
    return kind


def _is_apposition(window: str, start: int, end: int) -> bool:
    """Is window[start:end] an office set off by commas right before the verb ("Lavrov,
    the Russian foreign minister, said", "لاوروف ... به علی باقری کنی، سرپرست وزارت امور
    خارجه، نوشت")? It names the noun before it, not the verb's subject."""
    if end >= len(window) or window[end:].strip(" ,،"):
        return False  # not closed by a comma right before the verb
    part = window[start:end].strip(" ,،")
    if len(part.split()) > _MAX_APPOSITION_WORDS:
        return False
    office = _MINISTER_WORD_RE.search(part, 0, 30)
    return office is not None and len(part[: office.start()].split()) <= 1


_MAX_APPOSITION_WORDS = 6


# The head of another country's foreign ministry ("глава МИД Израиля", "глава
# израильского МИД"); Russia's is his ("глава МИД России", "глава российского МИД")
_RU_FOREIGN_HEAD_RE = re.compile(
    # (a country's genitive or a name after "МИД", not an adverb: «Глава МИД также сообщил»
    # is his)
    # («глава МИД временного правительства Афганистана»: an adjective in the genitive)
    r"глав\w*\s+(?:мид\s+(?!россии|рф|российской|нашей|нашего)(?:[^\W\d_]+(?:а|я|и|ы|ой|ей|ий|ого|его)|сша|оаэ|кнр|кндр|фрг|рк|юар|сар|цар|дрк|ири|кса|рб|ра|кр)(?!\w)|"
    r"(?!российск)[^\W\d_]+(?:ого|кого)\s+мид)"
)


_ANONYMOUS = "anonymous"  # somebody not named as a speaker we know: someone else
_FA_OBJECT_MARK_RE = re.compile(r"(?<!\w)را(?!\w)")


def _fa_in_object(window: str, start: int, end: int, pos: int, object_follows: bool) -> bool:
    """Is a Persian candidate at `pos` a genitive inside the object its part ends with
    (words before it, the object marker را after it, or right after the window when
    `object_follows`)?"""
    if not window[start:pos].strip(" ،,"):
        return False
    return (object_follows and end == len(window)) or bool(
        _FA_OBJECT_MARK_RE.search(window, pos, end)
    )


# A comma's part that opens a subordinate clause (inside a side clause between the subject
# and its verb): never the main clause's subject
_SUBORDINATE_OPEN_RE = re.compile(
    r"\s*(?:как|если|чтобы|когда|хотя|почему|how|whether|if|why|although|though|كيف|لماذا|"
    r"اذا|عندما|چگونه|چطور|اگر|چرا|"
    # an elaboration of the object, not a clause with a subject of its own: "به ماهیت
    # روابط ...، به‌ویژه لفاظی‌های ترامپ ... پرداخت", "including", "в том числе"
    r"به\s?ويژه|بويژه|به\s?خصوص|از\s+جمله|خصوصا|مخصوصا|[وف]?لا\s?سيما|خاصه|بما\s+في\s+ذلك|"
    r"including|especially|notably|particularly|such\s+as|в\s+том\s+числе|особенно|включая|"
    r"в\s+частности)(?!\w)"
)


def _unnamed_subject(window: str, lang: str) -> str:
    words = _WORD_RE.findall(window)
    if lang in ("en", "ru"):
        # no named subject: "Also, said ..." continues; "Araghchi said" is someone else
        return "pronoun" if all(w in _CONNECTIVES for w in words) else _ANONYMOUS
    if lang == "fa" and _FA_TOPIC_OPENING_RE.match(window):
        # "درباره همکاری‌های اقتصادی با تهران نیز گفت": a topic, then the verb; its
        # subject left out continues the one speaking
        return "pronoun"
    if lang == "fa" and not all(w in _FA_CONNECTIVES for w in words):
        # the subject opens a Persian clause: "ابوالغیط نیز گفت" is Aboul Gheit
        return _ANONYMOUS
    return "pronoun" if len(words) <= 2 else _ANONYMOUS


# A Persian clause opening with its topic ("درباره ...", "در مورد ...", "در پاسخ به ..."),
# no subject of its own before the verb (normalised text)
_FA_TOPIC_OPENING_RE = re.compile(
    r"\s*(?:و\s+)?(?:همچنين\s+)?(?:درباره|در\s?باره|در\s+مورد|در\s+خصوص|پيرامون|"
    r"در\s+پاسخ\s+به|در\s+واكنش\s+به)\s"
)


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
    r"(?:this|that)\s+(?:was|is)|so|"
    # a Russian story in English words: "About this at press conferences said Lavrov"
    r"(?:^|(?<=[\s,]))about\s+(?:this|that|it)(?:\s+(?:at|in|on|during|after|before|to|while)"
    r"\s+[^,.;:]{1,40})?)\s*$"
)
# The words between an English passive verb and "by" his name ("This was stated at a press
# conference by Sergey Lavrov")
_EN_PASSIVE_BY_RE = re.compile(
    r"^\s+(?:(?:at|in|on|during|after|before|to)\s+[^,.;:]{1,40}?\s+)?by\s+"
)


# "according to the agency X," openings: the agency is the messenger, not the speaker
_REPORTED_BY_RE = re.compile(
    r"(?:به\s+گزارش|بنا\s+بر\s+گزارش|به\s+نقل\s+از|نقلا\s+عن|وفقا\s+ل|بحسب|ذكرت|"
    r"как\s+передает|как\s+сообщает|according\s+to|citing)\s+[^،,:]{1,60}[،,]"
)
_REPORTED_BY_KEYS = ("گزارش", "نقل", "وفق", "بحسب", "ذكرت", "как ", "according", "citing")
_may_be_reported_by = contains_any(_REPORTED_BY_KEYS)
_MEDIA_RE = re.compile(
    r"^\s*(?:(?:اين|همين|هذه|this|the\s+same|эта|это|этой)\s+)?(?:ال)?(?:وكاله|صحيفه|خبرگزاري|روزنامه|агентств\w*|газет\w*|тасс|риа|интерфакс|"
    r"(?:the\s+)?(?:agency|newspaper|paper|daily|statement|readout)|reuters|afp|tass|ria|interfax|sputnik|اسپوتنيك|"
    r"سبوتنيك|ايرنا|ايسنا|تاس|بيان|بيانيه|сообщени\w*)(?!\w)"
)


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


class _Event(NamedTuple):
    subject: str  # "lavrov" | "pronoun" | "title" | "other" | "other_minister"
    pos: int
    act: bool = False  # a speech act (thanked, condemned ...), not speech
    evidence: str = "reporting_clause"
    not_he: bool = False  # a woman or several people: never whom a later "he" means


# Every "according to" phrase above contains one of these (a quick test first)
_ACCORDING_KEYS = (
    "حسب", "وفق", "طبق", "نقلا", "قول", "گفته", "نوشته", "اعتقاد", "از نظر", "به نظر", "از نگاه",
    "از ديد", "по слов",
    "по мнени",
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
        if _relays_a_document(rest):
            # "According to the Russian readout, the minister warned": the verb's subject
            # speaks; without a verb the document does
            return _Event("other", m.start(), evidence=_DOCUMENT)
        if not _MEDIA_RE.match(rest):
            return _Event("other", m.start(), evidence="according_to")
    return None


_DOCUMENT = "according_to_document"


def _relays_a_document(rest: str) -> bool:
    """Is what "according to" names a statement or readout ("the Russian statement",
    "بيان الخارجية"), not a person, with a clause of its own after it?"""
    np_end = min((i for i in (rest.find(","), rest.find("،")) if i >= 0), default=-1)
    if np_end < 0 or np_end > 60:
        return False
    return _STATEMENT_RE.search(rest, 0, np_end) is not None and not _SPOKESPERSON_RE.search(
        rest, 0, np_end
    )


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


def _answers_questions(norm: str, pos: int, verb: str = "") -> bool:
    """ "answered questions" after a verb, unless his answer follows ("ответил на вопрос о
    Ливии коротко: «...»"); after Arabic "أجاب" also past its subject ("وأجاب لافروف على
    أسئلة الصحفيين")."""
    if verb.endswith(("اجاب", "اجاب\n")):  # "أجاب" ends the verb (a test, not a scan)
        subject = _AR_SUBJECT_RE.match(norm, pos)
        pos = subject.end() if subject else pos
    m = _ANSWERS_QUESTIONS_RE.match(norm, pos)
    return m is not None and not _ANSWER_FOLLOWS_RE.match(norm, m.end())


_AR_SUBJECT_RE = re.compile(
    r"(?:\s+[^\s.،,:]+){1,4}?(?=\s+(?:علي|عن)\s+(?:عشرات\s+|عدد\s+من\s+|بعض\s+)?(?:ال)?اس[يئ]ل)"
)


_ANSWER_FOLLOWS_RE = re.compile(r"[^.:!?؟]{0,80}:\s*[«\"“]")


# A passive or perfect auxiliary just before an English verb whose subject is nobody
# named ("HTS ... is listed as", "the war ... has continued for a year")
_AUXILIARY_BEFORE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|has|have|had)(?:\s+\w+ly)?\s+$"
)


# "answered (our) questions": the narrator says that he answered, not what he said
_ANSWERS_QUESTIONS_RE = re.compile(
    r"\s+(?:(?:и|также|тоже)\s+)?(?:на\s+(?:\w+\s+)?вопрос\w*|(?:(?!that\b)[\w'’]+\s+){0,3}questions"
    r"(?:\s+(?:from|of|by|at|during|in|after|on|about|over)\s+[^.,;:]{1,80})?\s*[.,;]|"
    r"(?:(?:علي|عن)\s+(?:عشرات\s+|عدد\s+من\s+|بعض\s+)?)?(?:ال)?اس[يئ]ل\w*)"
)


def _verb_event(norm: str, lang: str, regions: list[tuple[int, int]]) -> _Event | None:
    """The first speech verb whose subject is known; a verb whose subject is nobody named
    ("calls for" as a noun, "Araghchi said") only when no later verb names one."""
    verb_re = verb_regexes().get(lang) or verb_regexes()["en"]
    fallback = None
    negated: list[bool] = []  # whether the sentence denies anything: asked at a verb
    for m in verb_re.finditer(norm):
        if _no_speech_of(norm, m, regions, negated) or _source_frame(norm, m, lang):
            continue
        if _opening_participle(norm, m, lang):
            continue  # "Stressing the need for talks, Lavrov said": his main verb decides
        subj = _verb_subject(norm, m, lang, regions)
        if (
            subj == _ANONYMOUS
            and lang == "en"
            and _AUXILIARY_BEFORE_RE.search(norm, max(0, m.start() - 40), m.start())
        ):
            continue  # "is listed as", "has continued for a year": no speech of anybody's
        if (told := _told_of_him(norm, m, lang, subj, fallback is None)) is not None:
            return told
        if subj == _ANONYMOUS:
            if (
                fallback is None
                and _THAT_AFTER_RE.match(norm, m.end())
                and _somebody_before(norm, m)
            ):
                # "Рейн Тамм считает, что Лавров говорил ...": his verb is in its words
                return _Event("other", m.start(), act=verb_traits(m)[2], not_he=_not_he(norm, m))
            fallback = fallback or _Event(
                "other", m.start(), act=verb_traits(m)[2], not_he=_not_he(norm, m)
            )
            if not _may_name_him_after(norm, lang, m.end()):
                break
        elif subj == "pronoun" and fallback is not None:
            return fallback  # "Zarif said ... He said ...": he is the one named before
        elif subj in ("other", "other_minister") and _inside_his_clause(norm, m, lang, subj):
            continue  # "Lavrov addressed the League, where Aboul Gheit welcomed him."
        elif subj is not None:
            not_he = subj not in ("lavrov", "pronoun", "title") and _not_he(norm, m)
            event = _Event(subj, m.start(), act=verb_traits(m)[2], not_he=not_he)
            if subj in ("other", "other_minister") and (
                (him := _relayed_him(norm, m)) is not None
                or (him := _quoted_him(norm, m, lang)) is not None
            ):
                return _Event("lavrov", him, act=verb_traits(m)[2])
            if subj in ("other", "other_minister") and (
                _in_fronted_clause(norm, m) or _in_relative_clause(norm, m)
            ):
                if fallback is None and _him_in_main_clause(norm, m, lang):
                    return None  # "وحين نقلت واشنطن سفارتها ...، كان لافروف أكثر حدة"
                fallback = fallback or event  # "After Trump announced ..., Lavrov urged"
                continue
            return event
    return fallback


# A participle opening the sentence's fronted clause (English -ing, a Russian adverbial
# participle in -в/-вши/-вшись): "Stressing the need for talks, Lavrov said", «Подчеркнув
# необходимость переговоров, Лавров заявил» (normalised)
_OPENING_PARTICIPLE_RE = {
    "en": re.compile(r"^[\s\"'“”«»]*(?:and\s+|but\s+|also\s+)?$"),
    "ru": re.compile(r"^[\s\"'“”«»—–-]*(?:и\s+|а\s+|но\s+|также\s+)?$"),
}
_PARTICIPLE_END = {"en": ("ing",), "ru": ("в", "вши", "вшись")}


def _opening_participle(norm: str, m: re.Match[str], lang: str) -> bool:
    """Is the verb a participle that opens the sentence, its clause closed by a comma
    before the main clause?"""
    ends = _PARTICIPLE_END.get(lang)
    if ends is None or not m.group().split()[0].endswith(ends):
        return False
    opener = _OPENING_PARTICIPLE_RE[lang]
    return bool(opener.match(norm[: m.start()])) and "," in norm[m.end() :]


def _told_of_him(
    norm: str, m: re.Match[str], lang: str, subj: str | None, first: bool
) -> _Event | None:
    """What somebody says he did: another country's ministry's account ("The Sudanese
    ministry said Lavrov had briefed ...": its words), his own ministry's statement
    relaying him ("the ministry said in a statement that Lavrov stressed": his), or, in
    English, a subject before "said" with his clause after it ("Shoukry said Lavrov had
    urged": Shoukry's words); None when the verb is none of these."""
    act = verb_traits(m)[2]
    if subj in (_ANONYMOUS, "other", "other_minister") and _foreign_relay(norm, m):
        return _Event("other", m.start(), act=act, not_he=_not_he(norm, m))
    if subj != _ANONYMOUS:
        return None
    if (him := _relayed_him(norm, m)) is not None or (
        him := _quoted_him(norm, m, lang)
    ) is not None:
        return _Event("lavrov", him, act=act)
    if lang == "en" and first and _said_he_did(norm, m):
        return _Event("other", m.start(), act=act, not_he=_not_he(norm, m))
    return None


def _no_speech_of(
    norm: str, m: re.Match[str], regions: list[tuple[int, int]], negated: list[bool]
) -> bool:
    """Is the verb no speech to attribute: inside a quotation, the answering of
    questions ("ответил на вопросы нашего издания": that he answered, not what), or
    denied ("о чем Лавров не говорил", "what Lavrov did not mention")? `negated` holds
    whether the sentence denies anything, once asked (most sentences deny nothing)."""
    if _inside(m.start(), regions) or _answers_questions(norm, m.end(), m.group()):
        return True
    if not negated:
        negated.append(_NEGATION_RE.search(norm) is not None)
    return negated[0] and _says_it_not(norm, m)


# His name, then within a few words "that" opening a clause the verb stands in
_HIS_THAT_RE = re.compile(r"(?<!\w)(?:ان|بان|انه|that|что|كه)\s+[^.؟!،,;:]{0,80}$")


def _inside_his_clause(norm: str, m: re.Match[str], lang: str, subj: str) -> bool:
    """Is the verb of somebody else inside a clause of his sentence: a "where" clause
    ("Lavrov addressed the League, where Aboul Gheit welcomed him") or the "that" clause
    his words open ("عاد لافروف إلى التذكير بأن روسيا اقترحت ...، معتبرا": his content)?"""
    if _in_his_where_clause(norm, m, lang):
        return True
    return subj == "other" and _in_his_that_clause(norm, m)


def _in_his_that_clause(norm: str, m: re.Match[str]) -> bool:
    """Is the verb inside a "that" clause whose head names him ("لافروف إلى التذكير بأن
    روسيا اقترحت")? Then it is what he said, not another's speech."""
    lo = max(0, m.start() - 160)
    if not may_mention_lavrov(norm, lo, m.start()):
        return False  # (the common case: his name is not before the verb)
    that = _HIS_THAT_RE.search(norm, max(lo, m.start() - 90), m.start())
    if that is None or not may_mention_lavrov(norm, lo, that.start()):
        return False
    him = find_lavrov_np(norm, max(lo, that.start() - 60), that.start())
    return him is not None and not _OTHER_BETWEEN_RE.search(norm, him.end(), that.start())


# Somebody else named between his name and the "that" (he is the object: "told Lavrov
# that", "Lavrov's counterpart said that")
_OTHER_BETWEEN_RE = re.compile(r"(?:'s|’s|نظير\w*|همتا\w*|коллег\w*|counterpart)")


# An English subject that a later "he" cannot mean: a woman, or several people
_NOT_HE_EN_RE = lead(
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
    verb = _verb_event(norm, lang, regions)
    if (
        found is not None
        and verb is not None
        and found.subject == "other"
        and verb.subject == "lavrov"
        and _lavrov_subject(norm, lang, 0, found.pos) is not None
    ):
        found = None  # "لاوروف با اشاره به قطعنامه‌ای که به گفته X ... گفت": his verb
    if found is not None and found.evidence == _DOCUMENT:
        found = None if verb is not None else found._replace(evidence="according_to")
    for event in (found, verb):
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


# (a spaced hyphen stands for a dash: «...», - сказал он)
_CLAUSE_END_RE = re.compile(r"(?:[,،—–:]|\s-)\s*[\"»”']?\s*$")


def _verb_subject(
    norm: str, m: re.Match[str], lang: str, regions: list[tuple[int, int]]
) -> str | None:
    cs = _clause_start(norm, m.start(), regions)
    pre = _mask(norm, regions, cs, m.start())
    if _may_be_reported_by(pre):
        pre = _REPORTED_BY_RE.sub(_blank, pre)
    rel = _relative_pronoun_before(pre, lang)
    if rel:
        antecedent = pre[max(0, rel.start() - 60) : rel.start()]
        his = may_mention_lavrov(antecedent) and _LAVROV_TAIL_RE.search(antecedent)
        return "lavrov" if his else "other"
    if lang == "ar":
        return _arabic_subject(norm, m, pre)
    if lang == "fa" and _fa_named_after_that(pre):
        return "lavrov"  # "در بیانیه ... آمده است که لاوروف ... قدردانی کرد"
    if verb_traits(m)[0]:
        return "other"  # Russian -а/-и: a woman or several people
    if lang in ("en", "ru") and _INVERSION_PRE_RE.search(pre, max(0, len(pre) - 40)):
        # "Об этом заявил Сергей Лавров", "This was stated by Lavrov"
        after = norm[m.end() : m.end() + 120]
        after = _EN_PASSIVE_BY_RE.sub("", after, count=1) if lang == "en" else after
        after = _BY_BEFORE_RE.sub("", after)
        after = (
            _SHORT_ADVERBIAL_RE.sub("", after, count=1)
            if _SHORT_ADVERBIAL_RE.match(after)
            else after
        )
        named = _lavrov_at(after, 0, anchored=True)
        if named and not (lang == "ru" and _RU_OBLIQUE_RE.search(named.group())):
            return "lavrov"  # (not "также сказал Лаврову": he is told)
    if _CLAUSE_END_RE.search(pre, max(0, len(pre) - 8)) or not pre.strip():
        # the reporting clause after the words: «...», — заявил Лавров / "...," he said /
        # "..., said Sergey Lavrov" / "..., считает министр иностранных дел России"
        after = _after_verb(norm, m, lang)
        if after is not None:
            return after
        if lang in ("ru", "en") and not pre.strip(' ,،—–-:"«»“”'):
            rest = norm[_past_quoted_name(norm, m.end()) :].lstrip(" ,")
            if rest[:1].isalpha():
                return "other"
    if (
        lang == "en"
        and _EN_RELATIVE_KEYS_RE.search(pre, max(0, len(pre) - 60))
        and (rel_subject := _EN_RELATIVE_SUBJECT_RE.search(pre, max(0, len(pre) - 60)))
        and not any(
            kind in ("lavrov", "title", "pronoun")
            for _at, _rank, kind in _subject_hits(pre, lang, rel_subject.start(), len(pre))
        )
    ):
        return "other"  # "the referendums that Russian-installed proxies announced"
    if (named := _named_beside(norm, m, lang, pre)) is not None:
        return named
    subject = _subject_svo(pre, lang, object_follows=lang == "fa" and m.group().startswith("را"))
    told = subject in ("pronoun", "title") and _WORD_RE.search(pre) is not None
    if told and _lavrov_at(norm, _skip_spaces(norm, m.end()), True):
        return "other"  # "He told Lavrov that ...", "Он сообщил Лаврову": he is told
    return subject


def _named_beside(norm: str, m: re.Match[str], lang: str, pre: str) -> str | None:
    """A subject the plain order does not find: his name after the Russian verb ("О Ливии
    говорил и Сергей Лавров"), English "it"/"they"/"she" after the words ('"...," it
    said': the statement, not a man)."""
    if lang == "ru" and _ru_named_after(norm, m.end()):
        return "lavrov"
    if lang == "en" and _EN_IT_SAID_RE.search(pre, max(0, len(pre) - 12)):
        return "other"
    return None


# "it", "they", "she" right before the verb, after a clause's end ('"...," it said')
_EN_IT_SAID_RE = re.compile(r"[,\"”’]\s*(?:it|they|she)\s+$")
_BY_BEFORE_RE = re.compile(r"^[\s,]*(?:by\s+)?")
_EN_RELATIVE_KEYS_RE = re.compile(r" (?:that|which|whom) ")
# A relative clause with its own subject right before the verb: "... that proxies announced"
_EN_RELATIVE_SUBJECT_RE = re.compile(
    r"[\"”'’a-z]\s+(?:that|which|whom)\s+(?!he\s|she\s|it\s|they\s|we\s|i\s|you\s)"
    r"(?:[\w'’-]+\s+){1,4}$"
)


def _fa_named_after_that(pre: str) -> bool:
    """Does the Persian clause of the verb open with "که" and his name ("... آمده است که
    لاوروف ...")?"""
    at = pre.rfind("كه ")
    if at < 0 or (at > 0 and pre[at - 1].isalnum()):
        return False
    if pre[:at].rstrip().endswith(("،", ",")) and pre.rstrip().endswith(("،", ",")):
        return False  # "تیلرسون، ...، که لاوروف با او دیدار کرد، گفت": a relative clause
    return _lavrov_at(pre, at + 3, anchored=True) is not None


_RU_PARTICLES_RE = re.compile(r"(?:\s+(?:и|также|тоже|же|уже|сам))*\s+")


def _ru_named_after(norm: str, pos: int) -> bool:
    """Does his name in the nominative follow the Russian verb (after "и", "также")?"""
    gap = _RU_PARTICLES_RE.match(norm, pos)
    if gap is None or not may_mention_lavrov(norm, gap.end(), gap.end() + 40):
        return False
    named = _lavrov_at(norm, gap.end(), anchored=True)
    return named is not None and named.group().endswith("лавров")
