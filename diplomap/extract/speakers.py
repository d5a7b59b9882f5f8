"""Speakers: which sentences are Lavrov's statements, and of which kind.

Each sentence's speech event (its verb or "according to" phrase and who its subject is)
comes from diplomap.extract.speech_events; here pronouns and bare titles are resolved
across the article, transcripts, headings and the narrator's words are told apart.

Direct quotes, reported speech, speech acts, continuations and transcript turns, as
opposed to headlines, other
officials, the ministry, agencies and narration. Compiled regular expressions over
normalised strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from diplomap.extract.boilerplate import is_short_date_line
from diplomap.extract.common import (
    _NAME_NP,
    _WORD_RE,
    LAVROV,
    _mentions_lavrov,
    _skip_spaces,
    ends_sentence,
    find_lavrov_np,
    may_mention_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.extract.heading import (
    _date_line_at,
    _dateline_lead_at,
    _in_summary_box,
    _is_crosshead,
    _is_place,
    _is_real_sentence,
    _is_spokespersons_briefing,
)
from diplomap.extract.ministers import (
    is_any_russian_minister,
    minister_names,
    names_a_minister,
    names_a_russian_minister,
)
from diplomap.extract.quote_runs import his_run_sentences
from diplomap.extract.sentences import Sentence, _quote_regions
from diplomap.extract.speech_events import (
    _RU_FOREIGN_HEAD_RE,
    _Event,
    _may_accord,
    _names_someone_else,
    _speech_event,
)
from diplomap.extract.speech_verbs import verb_regexes
from diplomap.extract.subjects import (
    _MINISTER_WORD_RE,
    _OTHER_RE,
    _TITLE_RE,
    _lavrov_at,
    _lavrov_subject,
    _may_hold_title,
)
from diplomap.extract.transcripts import Turn, sentence_turns
from diplomap.normalize import NormText, detect_language, normalize

__all__ = ["Attribution", "attribute_speakers"]

# --- attribution ----------------------------------------------------------------------


class Attribution(NamedTuple):
    speaker: str | None  # "Lavrov" or None
    kind: str | None  # one of diplomap.schema.STATEMENT_KINDS, or None
    evidence: str | None = None  # one of diplomap.schema.EVIDENCE_KINDS, or None


_NONE = Attribution(None, None)

_AR_KANA_OPENING_RE = re.compile(r"\s*[وف]?كانت?\s+(\S.{0,90}?)\s+قد\s")
_SWITCH_RE = re.compile(
    r"^(?:[وف]?(?:من\s+جهته|من\s+جانبه|بدوره)|for\s+(?:his|her)\s+part|in\s+turn|в\s+свою\s+очередь|در\s+مقابل)"
)
# Another Russian official speaking (an envoy, a deputy minister, a presidential aide),
# and "the Russian diplomat" that may then mean him (normalised text)
_RUSSIAN_OFFICIAL_RE = re.compile(
    r"(?:представител\w*|замминистр\w*|заместител\w*|посол|посл[аеу]|envoy|deputy|"
    r"ambassador|representative|مبعوث|نايب|سفير|ممثل|نماينده|معاون|سفير)[^.]{0,60}?"
    r"(?:росси\w*|российск\w*|russia\w*|الروسي\w*|روسيا|روسيه)"
    r"|(?:russia's|russian|российск\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:envoy|deputy|ambassador|representative|представител\w*|посол|замминистр\w*)"
)
# A sentence's first word when capitalised and a name's length at least (as written)
_FIRST_NAME_WORD_RE = re.compile(r"[^\w]*([^\W\d_]{4,})")
# A minister's title right before a name, on its line and in its sentence ("министр
# иностранных дел Азербайджана Джейхун ", "Foreign Minister Jeyhun ", "his counterpart ";
# as written)
_TITLE_BEFORE_NAME_RE = re.compile(
    r"(?i:министр\w*|коллег\w*|глав\w*\s+мид|minister|secretary|counterpart)"
    r"[^.!?\n]{0,50}$"
)
_TITLE_BEFORE_NAME_SPAN = 90
_AR_SUBJECT_SPAN = 120  # an Arabic verb's subject after it: within so many characters
_DIPLOMAT_TITLE_RE = re.compile(
    r"(?<!\w)(?:российск\w+\s+дипломат\w*|the\s+russian\s+diplomat|الدبلوماسي\s+الروسي|"
    r"ديپلمات\s+روس\w*)(?!\w)"
)
# "According to her" (a woman speaking, his spokeswoman relaying him): her words, also
# where she reports what he said («По ее словам, Лавров тогда подчеркнул, что ...»)
_HER_WORDS_RE = re.compile(
    r"^(?:по\s+(?:ее|её)\s+(?:словам|данным|мнению)|according\s+to\s+her|"
    r"[وف]?(?:بحسب|حسب|وفقا\s+ل)\s*(?:قولها|ها)|[وف]?اضافت\s+ان)(?!\w)"
)
_BACKGROUND_RE = re.compile(
    r"^(?:[وف]?(?:يذكر|يشار|تجدر\s+الاشاره|جدير\s+بالذكر|الجدير\s+بالذكر)|گفتني\s+است|"
    r"شايان\s+ذكر\s+است|لازم\s+به\s+ذكر\s+است|напомним|it\s+is\s+worth\s+noting|it\s+should\s+be\s+noted)"
)
# The narrator's contrast after his words ("But Haftar has been received in Moscow",
# "Однако ...", "لكن ...", "اما ...") or move in time ("The next day ...", "В те же дни
# ...", "وفي اليوم التالي", "در همین حال"): outside a quotation he opened, no
# continuation of them (Arabic أما opens a topic, not a contrast)
_CONTRAST_RE = {
    lang: re.compile(rf"^(?:{words})(?!\w)")
    for lang, words in {
        "en": r"but|however|yet|still|nevertheless|nonetheless|meanwhile|in\s+the\s+meantime|"
        r"(?:on\s+)?the\s+(?:next|following)\s+(?:day|week|month)|"
        r"(?:days|weeks|months|a\s+(?:day|week|month|year))\s+later|"
        r"(?:that|the)\s+same\s+(?:day|week|month)",
        "ru": r"но|однако|тем\s+не\s+менее|впрочем|между\s+тем|тем\s+временем|"
        r"в\s+те\s+же\s+дни|в\s+тот\s+же\s+день|тогда\s+же|на\s+следующий\s+день|"
        r"спустя\s+(?:\w+\s+)?(?:день|дня|дней|неделю|недели|месяц|месяца|год|года)|"
        r"через\s+(?:\w+\s+)?(?:день|дня|дней|неделю|недели|месяц|месяца|год|года)",
        # (not "وبعد أيام ذهب أبعد، مشيرا": Arabic leaves "he" unwritten)
        "ar": r"[وف]?(?:لكن|غير\s+ان|الا\s+ان|بيد\s+ان|في\s+غضون\s+ذلك|في\s+(?:هذه\s+)?الاثناء|"
        r"في\s+(?:تلك\s+الايام|الايام\s+نفسها))",
        "fa": r"اما|ولي|با\s+اين\s+(?:حال|وجود)|در\s+همين\s+حال|در\s+همان\s+روزها",
    }.items()
}
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
    r"^\s*(?:об\s+этом|это|(?:this|that|these\s+remarks)\s+(?:was|were|is)|about\s+(?:this|that)|"
    r"[وف]?جاء\s+ذلك|[وف]?جاءت\s+(?:تصريحات|تصريحاته))"
    r"|(?<!\w)اين\s+(?:مطلب|سخنان|اظهارات|موضوع)\s+را(?!\w)"
)
# Every match of _BACKREF_RE opens with one of these (after spaces) or holds "اين"
_BACKREF_OPENINGS = ("об", "это", "this", "that", "these", "about", "جاء", "وجاء", "فجاء")


# His words without quotation marks tagged by a dash clause at their end, as Russian sites
# print a quotation («... . Нам небезразлично ..., — отметил Лавров.»): the paragraph is his
_DASH_TAG_RE = re.compile(r"[,.!?…]\s*[—–]\s*$")


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
    text: str,
    out: list[Attribution],
    sentences: Sequence[Sentence],
    idx: int,
    events,
    headings: frozenset[int] | set[int] = frozenset(),
) -> None:
    """Mark the sentences before `idx` in its paragraph that nobody else said as Lavrov's;
    when `idx` opens its paragraph ("Об этом заявил ..." on a line of its own), those of
    the paragraph before it, never a heading."""
    j = idx - 1
    para = sentences[j].paragraph if j >= 0 else sentences[idx].paragraph
    while j >= 0 and sentences[j].paragraph == para:
        if j in headings or out[j].speaker or events[j] is not None:
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


_MAX_HEADLINE_WORDS = 25


def _in_headline_paragraph(text: str, sentences: Sequence[Sentence], idx: int) -> bool:
    """Is the sentence a part of a headline of several sentences ("Сделка, которую
    хоронили трижды: что говорил Лавров о ... договоренностях. Хроника 2015–2021"): its
    paragraph is short and ends with no sentence punctuation nor a colon?"""
    para = sentences[idx].paragraph
    last = idx
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == para:
        last += 1
    if last == idx:
        return False  # (one sentence: _is_real_sentence told)
    first = idx
    while first > 0 and sentences[first - 1].paragraph == para:
        first -= 1
    whole = text[sentences[first].start : sentences[last].end].rstrip()
    return (
        not ends_sentence(whole)
        and not whole.endswith((":", "："))
        and len(_WORD_RE.findall(whole)) < _MAX_HEADLINE_WORDS
    )


# "..., إذ قال إن" / "..., حيث أكد أن" (the verb's match starts at إذ/حيث): the clause
# before the comma has the subject
_AR_AS_RE = re.compile(r"[وف]?(?:اذ|حيث)(?!\w)|[وف]?(?:اذ|حيث)(?=[اقو])")


# "when" joining a clause of time after the main clause, right before its verb
_WHEN_BEFORE_RE = {
    "ar": re.compile(r"(?<!\w)(?:حين|حينما|عندما|لما)\s+$"),
    "en": re.compile(r"(?<!\w)when\s+(?:he\s+)?$"),
    "ru": re.compile(r"(?<!\w)когда\s+(?:он\s+)?$"),
    "fa": re.compile(r"(?<!\w)(?:وقتي|زماني|هنگامي)\s+(?:كه\s+)?(?:او\s+|وي\s+)?$"),
}


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
        if him is None and _minister_in_head(norm, min(pos, _HEAD)) is not None:
            return "other"  # "واصل وزير الخارجية ... باسيل جولته، وقال من باريس إن"
    when = _WHEN_BEFORE_RE.get(lang)
    if when is not None and (joined := when.search(norm, max(0, pos - 30), pos)) is not None:
        # "وكان لافروف صريحاً ... حين قال", "Lavrov was blunt when he said": the main
        # clause's subject speaks in the clause of time after it
        him = _lavrov_subject(norm, lang, 0, joined.start())
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
        self.russian_other = False  # that minister is another of Russia's (Shoigu)
        self.carry_open = False  # a quotation opened by Lavrov is still open
        self.left_open = False  # has a sentence left a quotation open?
        self.theses = False  # "Key points of Lavrov's speech:" -> the list items after it
        self.according = True  # may a sentence hold an "according to" phrase?
        self.full_norm: str | None = None  # the whole text normalised, when known
        self._ministers: frozenset[str] | None = None  # other ministers' name words
        # the last speaker named who is no minister we know of yet, where he speaks
        # (asked whether he is one only when a bare title follows: rarely)
        self.pending_other: tuple[str, int] | None = None
        # the sentence before closed a quotation: his quoted words end there, and a
        # sentence without quotation marks and without a speech verb is the narrator's
        self.quoted = False
        self.headings: set[int] = set()  # the headline, standfirst, crossheads: the outlet's

    def speak(self, who: str, not_he: bool = False) -> None:
        self.last = "lavrov" if who == "lavrov" else "other"
        if not not_he:
            self.last_he = self.last
        if who in ("lavrov", "other_minister"):
            self.last_minister = self.last
            self.pending_other = None
            self.russian_other = False

    def names_a_minister(self, norm: str, pos: int) -> bool:
        """Is the speaker of the verb at `pos` a minister the article introduced by title
        ("Foreign Minister Choe Son-hui" ... "Choe, for her part, said")? Read once, when
        first asked."""
        if self._ministers is None:
            full = self.full_norm if self.full_norm is not None else normalize(self.text)
            self._ministers = minister_names(self.text, full, self.lang, _is_place)
        return names_a_minister(norm, max(0, pos - 160), pos + 40, self._ministers)

    def another_russian_minister(self, norm: str) -> bool:
        """Does the sentence name its speaker only "the Russian minister" («Российский
        министр добавил», «وأضاف الوزير الروسي») right after another minister of Russia's
        spoke ("Министр обороны России Сергей Шойгу заявил ...")? Then it is him, the most
        recent speaker that fits."""
        pending = self.pending_other
        if not (self.last_minister == "other" and self.russian_other) and (
            pending is None or not names_a_russian_minister(pending[0])
        ):
            return False
        him = find_lavrov_np(norm)
        return him is not None and is_any_russian_minister(him.group())

    def minister_opens(self, norm: str) -> bool:
        """Does the sentence open on another minister named with his portfolio (not a
        bare "the minister", not him)?"""
        return (
            _minister_in_head(norm, _HEAD) is not None
            and not _bare_title_in(norm, self.lang, _HEAD)
            and _lavrov_subject(norm, self.lang, 0, min(80, len(norm))) is None
        )

    def introduces_a_minister(self, norm: str) -> bool:
        """Does a sentence that never names him name another minister by title and name
        as its subject ("Делегацию Тегерана возглавил исполняющий обязанности министра Али
        Багери Кяни", not "talks with Foreign Minister X")? Then "he" and "the minister"
        next mean that minister."""
        if self._ministers is not None and not self._ministers:
            return False  # the article introduces no other minister by name
        title = _TITLE_RE.get(self.lang)
        offices = [
            m
            for m in _MINISTER_WORD_RE.finditer(norm)
            if not _IN_OBJECT_RE.search(norm, max(0, m.start() - 50), m.start())
            # a bare title ("министр посвятил"): whoever it refers to; not another
            # country's ("глава МИД временного правительства Афганистана")
            and not (
                title is not None
                and title.match(norm, m.start())
                and not _RU_FOREIGN_HEAD_RE.match(norm, m.start())
            )
        ]
        if not offices or _mentions_lavrov(norm):
            return False
        if self._ministers is None:
            self.names_a_minister(norm, 0)  # reads the article's ministers once
        return any(names_a_minister(norm, m.end(), m.end() + 50, self._ministers) for m in offices)

    def named_minister_opens(self, norm: str) -> bool:
        """Does the sentence open with the name of somebody the article introduced with a
        minister's title ("Байрамов" after «министр иностранных дел Азербайджана Джейхун
        Байрамов»; Russian and English, whose subject comes first)? Looked up, as written
        and capitalised, where the word stands after a title (a few places), not by
        reading all the article's ministers."""
        if self.lang not in ("ru", "en"):
            return False
        text, sent = self.text, self.sentences[self.idx]
        first = _FIRST_NAME_WORD_RE.match(text, sent.start, min(len(text), sent.end))
        if (
            first is None
            or not first.group(1)[0].isupper()
            or _is_place(normalize(first.group(1)))
            or may_mention_lavrov(norm, 0, 20)
        ):
            return False
        key = first.group(1)[:5]
        at = text.find(key)
        while at >= 0:
            if (
                at != first.start(1)
                and (at == 0 or not text[at - 1].isalnum())
                and _TITLE_BEFORE_NAME_RE.search(text, max(0, at - _TITLE_BEFORE_NAME_SPAN), at)
            ):
                return True
            at = text.find(key, at + 1)
        return False

    def about_someone_else(self, norm: str) -> bool:
        """Does the sentence open on somebody else (an official, an institution, another
        minister named with his portfolio), not on him?"""
        head = min(50, len(norm))
        if _lavrov_subject(norm, self.lang, 0, min(80, len(norm))) is not None:
            return False
        if (m := _OTHER_RE.search(norm, 0, head + 20)) and m.start() < head:
            return True
        if _GROUP_RE.search(norm, 0, head) or _contrast_topic(norm, self.lang):
            return True
        return (
            (
                not _bare_title_in(norm, self.lang, head)
                and _minister_in_head(norm, head) is not None
            )
            or self.introduces_a_minister(norm)
            or self.named_minister_opens(norm)
        )

    def notice(self, norm: str) -> None:
        """A sentence without speech still makes its subject the one "he" or "the
        minister" refers to next ("Лавров прибыл в Анкару. Он заявил ..."): him, or
        somebody else named before him ("وزیر خارجه لبنان ... با همتای روس خود سرگئی
        لاوروف دیدار کرد")."""
        head = min(60, len(norm))
        other = _somebody_else_in(norm, min(40, head))
        minister = None if _bare_title_in(norm, self.lang, head) else _minister_in_head(norm, head)
        first_other = min((m.start() for m in (other, minister) if m), default=len(norm))
        him = _lavrov_subject(norm, self.lang, 0, head)
        if him is None and not other and not minister:
            him = _after_fronted_clause(norm)
        elif him is None and _FRONTED_OPENER_RE.match(norm):
            # "Asked whether he had spoken to his American counterpart, Lavrov shrugged":
            # the others named inside the fronted clause are not its subject
            him = _after_fronted_clause(norm)
            first_other = len(norm) if him is not None else first_other
        if (him is not None and him <= first_other) or (
            self.lang == "en" and _HIS_POSSESSIVE_OPENING_RE.match(norm)
        ):
            # "Лавров прибыл в Анкару", "Lavrov's answer was to ...": he is the topic
            self.last = self.last_he = self.last_minister = "lavrov"
            self.pending_other = None
            return
        if him is None and not other and not minister and _contrast_topic(norm, self.lang):
            self.last = self.last_he = "other"  # "Muhriddin, however, was more cautious"
            return
        if him is None and not other and not minister and self.named_minister_opens(norm):
            # "Байрамов от комментариев уклонился": the minister named so before acts, and
            # "the minister" next is he
            self.last = self.last_he = self.last_minister = "other"
            self.pending_other = None
            return
        if him is None and not minister and self.introduces_a_minister(norm):
            # "Делегацию Тегерана возглавил ... министра Али Багери Кяни" (also after
            # "правительства" in his title): he speaks next
            self.last = self.last_he = self.last_minister = "other"
            self.pending_other = None
            return
        if him is None and not other and not minister:
            # nobody named first: an official later in the head is the one acting ("После
            # выступления Лаврова слово взял вице-президент банка")
            other = _somebody_else_in(norm, head)
        if other or _COUNTERPART_OF_HIM_RE.search(norm):
            self.last = self.last_he = "other"
        if minister:
            # another minister acts ("министр промышленности Татарстана провел встречи"):
            # "the minister" next refers to him
            self.last = self.last_he = self.last_minister = "other"
            self.pending_other = None

    def resolve(self, event: _Event) -> str:
        """ "lavrov" or "other": who the event's subject is."""
        if event.subject == "pronoun":
            return "lavrov" if self.last_he == "lavrov" else "other"
        if event.subject == "title":
            if self.pending_other is not None:
                norm, pos = self.pending_other
                self.pending_other = None
                if self.names_a_minister(norm, pos):
                    self.last_minister = "other"  # "Choe said ... The minister also called"
                elif self._russian_official(norm, pos) and self._diplomat_title():
                    return "other"  # Kabulov spoke, then «— сказал российский дипломат»
            if self.last_minister is None and self.named_him_before():
                return "lavrov"  # no other minister yet in a story about him
            return "lavrov" if self.last_minister == "lavrov" else "other"
        return "lavrov" if event.subject == "lavrov" else "other"

    def _russian_official(self, norm: str, pos: int) -> bool:
        """Is the speaker of the verb at `pos` a Russian official (an envoy, a deputy),
        named before the verb or, in Arabic, after it ("قال المبعوث الخاص للرئيس الروسي")?"""
        end = pos + _AR_SUBJECT_SPAN if self.lang == "ar" else pos
        return _RUSSIAN_OFFICIAL_RE.search(norm, 0, end) is not None

    def _diplomat_title(self) -> bool:
        """Is the current sentence's title "the Russian diplomat" (any Russian diplomat may
        be so called), not "the minister"?"""
        sent = self.sentences[self.idx]
        return bool(_DIPLOMAT_TITLE_RE.search(normalize(self.text[sent.start : sent.end])))

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
        background = _BACKGROUND_RE.match(norm) is not None
        if _may_be_outlet_line(norm) and _OUTLET_LINE_RE.search(norm, 0, 40):
            att = _NONE  # "Полный текст — на сайте МИД": the outlet's line
        elif self.theses and _LIST_ITEM_RE.match(self.text, sent.start) and not same_para:
            att = Attribution(LAVROV, "reported", "reporting_clause")
        elif turn is not None and is_short_date_line(norm) and not ends_sentence(norm):
            att = _NONE  # "14 May 2017 13:21" under a transcript's heading: nobody's words
        elif turn is not None and turn.speaker is not None:
            att = (
                Attribution(LAVROV, turn.kind, turn.evidence) if turn.speaker == "lavrov" else _NONE
            )
            self.speak("lavrov" if att.speaker else "other")
        elif _other_speakers_label(norm):
            att, self.last = _NONE, "other"  # "Zakharova: ...", a live blog's entry
            self.last_he = "other"
        elif background:
            att, self.last = _NONE, None
            self.last_he = None
        elif _HER_WORDS_RE.match(norm):
            att, self.last = _NONE, "other"  # «По ее словам, Лавров тогда подчеркнул ...»
            self.last_he = "other"
        elif _SWITCH_RE.match(norm) and not _mentions_lavrov(norm[:80]):
            att, self.last = _NONE, "other"  # "بدوره، قال وزير الخارجية الإيراني ..."
            self.last_he = "other"
            event = _speech_event(norm, self.lang, regions, self.according)
            if event is not None and event.subject == "other_minister":
                self.last_minister, self.pending_other = "other", None
            elif event is not None:
                self.pending_other = (norm, event.pos)
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
        self.left_open = self.left_open or still_open
        self.quoted = bool(regions) and not still_open
        if not same_para or not att.speaker:
            self.theses = (att.speaker is not None and self.theses) or _introduces_theses(norm)
        elif _is_theses_label(norm):
            self.theses = True  # "Лавров прокомментировал ... Главное:", the list follows
        self.out.append(att)
        self.events.append(event.subject if event else ("background" if background else None))
        return att

    def _narrative(self, idx, norm, regions, event, is_title, continues) -> Attribution:
        if is_title:
            self.headings.add(idx)
            return _NONE  # a headline paraphrases him: the outlet's words, not his
        if event is None and _backref_lavrov(norm):
            self.speak("lavrov")
            _backfill(self.text, self.out, self.sentences, idx, self.events, self.headings)
            return Attribution(LAVROV, "reported", "backreference")
        if event is None:
            # inside a quotation he opened, or later in the paragraph he speaks in, unless
            # the sentence is about somebody else ("The UN envoy took a different view")
            if (
                continues
                and self.out
                and self.out[-1].speaker
                and (regions or not self.quoted)
                and not self.about_someone_else(norm)
                and not _SAYS_NOTHING_RE.search(norm)
                and not _narrates_an_act(norm, self.lang, open_quote=bool(regions))
                and _lavrov_subject(norm, self.lang, 0, min(60, len(norm))) is None
            ):
                return Attribution(LAVROV, "continuation", "continuation")
            self.notice(norm)
            return _NONE
        if _says_nothing_before(norm, event.pos):
            return _NONE  # "He did not name Turkey, whose minister has said ...": not his
        who = self.resolve(event)
        if who == "lavrov" and event.subject == "lavrov" and self.another_russian_minister(norm):
            who, event = "other", event._replace(subject="other_minister")
        if event.subject == "pronoun" and _COUNTERPART_OF_HIM_RE.search(norm, 0, event.pos):
            who = "other"  # "X apprised his Russian counterpart ..., which he described as"
        if event.subject == "pronoun":
            # "...يربط فيها لافروف بين الملفين؛ فقد قال إن ...", "ولم يفت لافروف أن يرد، إذ قال"
            who = _earlier_clause_subject(norm, event.pos, self.lang) or who
        self.speak(who if who == "lavrov" else event.subject, event.not_he)
        if who != "lavrov" and self.minister_opens(norm):
            # "وافتتح وزير الخارجية السوري ... بخطاب اتهم فيه": a minister speaks
            self.last_minister, self.pending_other = "other", None
        if who != "lavrov" and self.last_minister == "other" and self.pending_other is None:
            self.russian_other = event.subject == "other_minister" and names_a_russian_minister(
                norm
            )
        elif who != "lavrov" and (
            event.subject == "other"
            or (event.subject != "other_minister" and not self.pending_other)
        ):
            # a minister? (asked by a bare title); "he added" goes on with the one named
            self.pending_other = (norm, event.pos)
        if who != "lavrov":
            return _NONE
        att = self.attribution(event, norm, regions)
        if (att.kind == "reported" and event.subject == "lavrov" and _backref(norm[:120])) or (
            self.lang == "ru" and not regions and _DASH_TAG_RE.search(norm, 0, event.pos)
        ):  # "Об этом заявил Лавров"; «... . Нам небезразлично ..., — отметил Лавров.»
            _backfill(self.text, self.out, self.sentences, idx, self.events, self.headings)
        return att


# A role the subject held or holds ("As ambassador to the UN, he", «Будучи послом», «بصفته
# سفيرا», «به عنوان سفیر»): not somebody else (normalised text)
_AS_A_ROLE_RE = re.compile(
    r"(?:(?<!\w)as|(?<!\w)будучи|(?<!\w)в\s+бытность|(?<!\w)[وف]?بصفته|(?<!\w)به\s+عنوان)\s+"
    r"(?:(?:the|a|an|former|then)\s+)?$"
)


def _somebody_else_in(norm: str, end: int) -> re.Match[str] | None:
    """An official or institution named in norm[:end], not as the subject's own role ("As
    ambassador to the UN he was known ...")."""
    other = _OTHER_RE.search(norm, 0, end)
    if other is not None and _AS_A_ROLE_RE.search(norm, max(0, other.start() - 20), other.start()):
        return None
    return other


# A title in an object or a prepositional phrase ("talks with Foreign Minister X", «встреча
# с министром X», «مع وزير الخارجية», «با وزیر خارجه»): not the sentence's subject
_IN_OBJECT_RE = re.compile(
    r"(?<!\w)(?:with|to|by|from|for|met|meeting|hosted|received|called|phoned|thanked|"
    r"с|со|к|у|от|для|встретил\w*|принял\w*|поблагодарил\w*|"
    r"مع|الي|عن|من|التقي|استقبل|بين|با|به|از|براي|ميان)\s+(?:\S+\s+){0,4}$"
)


def _bare_title_in(norm: str, lang: str, head: int) -> bool:
    """Does a bare title ("the minister", "الوزير") start in norm[:head]?"""
    title = _TITLE_RE.get(lang)
    return (
        title is not None
        and _may_hold_title(norm, lang, 0, head)
        and title.search(norm, 0, head) is not None
    )


_HEAD = 40  # a sentence's opening words, where its subject stands


def _minister_in_head(norm: str, head: int) -> re.Match[str] | None:
    """A minister's word starting in norm[:head] (read past head, so that "رئيس الدبلوماسية
    الروسية" cut at the head is still Russia's)."""
    m = _MINISTER_WORD_RE.search(norm, 0, min(len(norm), head + 30))
    return m if m is not None and m.start() < head else None


# Him as somebody's "Russian counterpart": the sentence's subject is the other minister
_COUNTERPART_OF_HIM_RE = re.compile(
    r"(?<!\w)(?:his\s+russian\s+(?:counterpart|colleague)|"
    r"(?:своего|своему|своим|со\s+своим|с\s+своим)\s+российск\w+\s+(?:коллег\w*|визави)|"
    r"نظيره\s+الروسي|همتاي\s+روس(?:ي)?\s*(?:خود|اش)|همتاي\s+روسيه\s*اي\s+خود)(?!\w)"
)


# The outlet pointing to the full text: never his words, also inside his list of points
_OUTLET_LINE_RE = re.compile(
    r"(?<!\w)(?:полный\s+текст|full\s+text|(?:ال)?نص\s+(?:ال)?كامل|متن\s+كامل)(?!\w)"
)


def _may_be_outlet_line(norm: str) -> bool:
    """A quick test: every match of _OUTLET_LINE_RE holds one of these words."""
    head = norm[:40]
    return "текст" in head or "text" in head or "نص" in head or "متن" in head


# What the narrator says he did not say: "He did not comment on ...", "Лавров не стал
# уточнять", "رفض التعليق", "از اظهار نظر خودداری کرد" (normalised)
_SAYS_NOTHING_RE = lead(
    r"(?:did\s+not|didn't|declined\s+to|refused\s+to|would\s+not)\s+(?:comment|say|"
    r"elaborate|specify|answer|respond|give\s+details|name)|"
    r"не\s+стал\s+(?:комментировать|уточнять|отвечать|раскрывать|называть)|"
    r"отказался\s+(?:от\s+комментари\w*|комментировать|уточнить|уточнять|отвечать)|"
    r"не\s+уточнил|воздержался\s+от\s+комментари\w*|"
    r"(?:رفض|امتنع\s+عن)\s+(?:التعليق|الاجابه|الكشف|التوضيح)|لم\s+(?:يعلق|يوضح|يكشف)|"
    r"از\s+(?:اظهار\s?نظر|پاسخ|توضيح)[^.]{0,40}خودداري\s+كرد|حاضر\s+به\s+(?:اظهار\s?نظر|پاسخ)"
    r"[^.]{0,40}نشد|توضيحي\s+نداد"
)


def _says_nothing_before(norm: str, verb_at: int) -> bool:
    """Does the sentence say what somebody did not say before its speech verb, with no
    "but" that turns to what he did say ("He did not name Turkey, whose minister has
    said ...", not "He did not comment on X but said ...")?"""
    m = _SAYS_NOTHING_RE.search(norm, 0, verb_at)
    return m is not None and not _BUT_RE.search(norm, m.end(), verb_at)


_BUT_RE = re.compile(r"(?<!\w)(?:but|yet|however|но|однако|а|لكن|ولكن|بل|اما|ولي|بلكه)(?!\w)")


# The narrator on what he did, not said: "Не случайно в 2019 году он посетил обе столицы",
# "وزار لافروف بغداد"، "وی سپس از ... بازدید کرد": no continuation of his words
_NARRATED_ACT_RE = {
    "ru": re.compile(
        r"(?<!\w)(?:он|министр)\s+(?:\w+\s+){0,2}?(?:посетил|прибыл|прилетел|встретился|провел|"
        r"принял\s+участие|возложил|побывал|вылетел|отправился|осмотрел|подписал)(?!\w)"
    ),
    "ar": re.compile(
        # (after a time or place set off by a comma: "وفي وقت سابق من اليوم، وصل ترامب")
        r"^\s*(?:[وف]?(?:في|منذ|قبل|بعد|خلال|عقب)\s[^،,.]{0,60}[،,]\s*)?"
        r"[وف]?(?:كان\s+\S+\s+قد\s+)?(?:زار|التقي|وصل|اجتمع|استقبل|توجه|حضر|شارك|ترأس|ترا?س|"
        r"غادر|وقع)(?!\w)"
        # the background in the pluperfect with no speech verb: "وكانت روسيا قد استخدمت ..."
        r"|^\s*[وف]?كانت?\s+\S+(?:\s+\S+){0,2}\s+قد\s"
    ),
    "fa": re.compile(
        r"(?:ديدار|ملاقات|سفر|بازديد|شركت|عزيمت)\s+(?:كرد|كرده\s+(?:بود|است))\s*[.!]?\s*$"
    ),
}


def _narrates_an_act(norm: str, lang: str, open_quote: bool) -> bool:
    pattern = _NARRATED_ACT_RE.get(lang)
    return not open_quote and pattern is not None and pattern.search(norm) is not None


# A list of his points: an introduction that names him and his words, then items
_THESES_RE = re.compile(
    r"(?:тезис\w*|заявлени\w*|выступлени\w*|слов\w*|point\w*|remark\w*|statement\w*|"
    r"highlight\w*|said|says|ابرز|تصريحات|اقوال|قال|اظهارات|سخنان|گفته\w*|محورهاي|главное|"
    r"основное|ключевое|key\s+points|main\s+points|اهم\s+ما|مهمترين\s+نكات|نكات\s+مهم)"
)
_LIST_ITEM_RE = re.compile(
    r"\s*(?:[-–—•▪◾►■●◆*]|\d{1,2}[.)]|[\U0001F300-\U0001FAFF\u2600-\u27BF])"
)


# A short label after a sentence of his that opens the list of his points: "Главное:",
# "Main points:", "أبرز ما قاله:", "مهمترين نكات:"
_THESES_LABEL_RE = re.compile(
    r"\s*(?:главное|основное|ключевое|главные\s+тезисы|key\s+points|main\s+points|"
    r"highlights|the\s+key\s+quotes|ابرز\s+ما\s+(?:قاله|جاء|ورد)|ابرز\s+تصريحاته|اهم\s+ما\s+(?:قاله|جاء)|"
    r"مهمترين\s+(?:نكات|محورها|اظهارات)|(?:نكات|محورهاي)\s+مهم)\s*[:：]\s*$"
)


def _is_theses_label(norm: str) -> bool:
    return len(norm) < 40 and bool(_THESES_LABEL_RE.match(norm))


def _introduces_theses(norm: str) -> bool:
    return (
        norm.rstrip().endswith((":", "："))
        and _mentions_lavrov(norm)
        and bool(_THESES_RE.search(norm))
    )


# The narrator on his words ("These words sound prophetic today", "Этот призыв услышан не
# был", "ولم تلق الدعوة صدى", "این جمله کلید فهم ... است"): no continuation of them
_ABOUT_HIS_WORDS_RE = lead(
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
    # (the fronted part may hold commas of its own: "Летом 2015 года, когда в Вене ...,
    # Сергей Лавров не скрывал ...")
    for m in _COMMA_IN_HEAD_RE.finditer(norm, 0, _MAX_FRONTED):
        start = _skip_spaces(norm, m.end())
        if _lavrov_at(norm, start, anchored=True):
            return start
    return None


_MAX_FRONTED = 160
# A clause put before the main one: asked, when, after, replying ...
# Somebody else put first and set against the one before: "Muhriddin, however, struck a
# more cautious tone", «Мухриддин же был осторожнее», «مهرالدین اما لحن محتاط‌تری داشت»,
# «أما مهر الدين فكان أكثر حذرا»
# (normalised; not a pronoun, a time or a place phrase put first)
_NOT_A_TOPIC = (
    r"(?!(?:he|she|it|this|that|there|they|we|moscow|russia|on|in|at|by|for|the\s+next|"
    r"он|она|это|они|мы|москва|россия|в|на|по|при|"
    r"او|وي|ايشان|اين|ان|در|از|به|با|پيش|پس|روز|هفته|سال|ماه|همچنين|مسكو|روسيه)(?:\s|,))"
)
_CONTRAST_TOPIC_RE = {
    "en": re.compile(rf"^{_NOT_A_TOPIC}[a-z][\w'’-]*(?:\s+[\w'’-]+){{0,2}},\s+however,\s"),
    "ru": re.compile(rf"^{_NOT_A_TOPIC}[а-я][\w-]*(?:\s+[\w-]+){{0,2}}(?:,\s+однако,\s|\s+же\s)"),
    "fa": re.compile(rf"^{_NOT_A_TOPIC}[^\s،,.]+(?:\s+[^\s،,.]+){{0,2}}\s+اما\s"),
    "ar": re.compile(r"^[وف]?اما\s+(?!(?:هو|هي|الوزير)\s)[^\s،,.]+(?:\s+[^\s،,.]+){0,3}?\s+ف"),
}


def _contrast_topic(norm: str, lang: str) -> bool:
    """Does the sentence open on somebody set against the one before ("X, however, ...")?"""
    pattern = _CONTRAST_TOPIC_RE.get(lang)
    return pattern is not None and pattern.match(norm) is not None


_FRONTED_OPENER_RE = re.compile(
    r"(?:asked|when|after|while|before|replying|responding|speaking|commenting|"
    r"отвечая|комментируя|выступая|говоря|когда|после|"
    r"[وف]?(?:ردا|تعليقا|حين|عندما|بعد|خلال)|(?:در\s+پاسخ|وقتي|پس\s+از|هنگامي))(?!\w)"
)
_COMMA_IN_HEAD_RE = re.compile(r"[,،]")


def _opens_quotation(norm: str, regions: list[tuple[int, int]]) -> bool:
    """Does the sentence open with a quotation ('"This is business, not politics."')?"""
    return bool(regions) and not norm[: regions[0][0]].strip(" -—–")


def attribute_speakers(
    text: str,
    sentences: Sequence[Sentence],
    lang: str,
    *,
    normalized: NormText | None = None,
    title: str = "",
) -> list[Attribution]:
    """For each sentence: is it Lavrov's statement, of which kind, and on what evidence.

    `normalized` (optional): `normalize_text(text)`, to take each sentence's normalised
    form from instead of normalising it again (the same string; see _sentence_norm).
    `title`: the article's title, the heading of a transcript whose text does not open
    with it (a web page's main text comes without its headline)."""
    if lang not in verb_regexes():
        lang = detect_language(text)
    if normalized is not None and normalized.original is not text:
        normalized = None
    resolver = _Resolver(text, sentences, lang)
    resolver.full_norm = normalized.norm if normalized else normalize(text)
    resolver.according = _may_accord(resolver.full_norm)
    turns = sentence_turns(text, sentences, title) or [None] * len(sentences)
    if _is_spokespersons_briefing(text, sentences):
        return [_NONE] * len(sentences)  # her words throughout, also where she relays him
    heading = True  # the headline, a standfirst, a date line: until the first real sentence
    # a standfirst above the date line or above the lead that opens with its dateline
    standfirst_end = _date_line_at(text, sentences) or _dateline_lead_at(text, sentences)
    box = False  # inside the outlet's summary box ("What to know", then bullets)
    for idx, sent in enumerate(sentences):
        raw = text[sent.start : sent.end]
        norm = _sentence_norm(raw, sent, normalized)
        heading = (
            heading and (not _is_real_sentence(raw) or _in_headline_paragraph(text, sentences, idx))
        ) or idx < standfirst_end
        crosshead = _is_crosshead(text, sentences, idx, raw)
        box = _in_summary_box(box, raw, norm)
        resolver.sentence(idx, norm, heading or crosshead or box, turns[idx])
    out = resolver.out
    if resolver.left_open:  # a quotation left open in a sentence may run over paragraphs
        skip = resolver.headings | {i for i, turn in enumerate(turns) if turn is not None}
        his = [a.speaker is not None for a in out]
        for i in his_run_sentences(text, sentences, lang, his, skip):
            out[i] = Attribution(LAVROV, "quote", "quote_marks")
    return out
