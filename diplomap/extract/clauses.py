"""Clause structure around a speech verb: what its clause reports, not who says it.

A verb in a subordinate clause put first ("After Trump announced ..., Lavrov urged"), in
a relative clause or in his "where" clause is not the sentence's speech; a saying verb
negated ("о чем Лавров не говорил") is no statement; a verb followed by "that" reports
the words after it ("Рейн Тамм считает, что Лавров говорил ...": his verb is in them).
Used by speech_events (normalised text throughout).
"""

from __future__ import annotations

import re

from diplomap.extract.common import may_mention_lavrov
from diplomap.extract.fastre import lead
from diplomap.extract.speech_verbs import verb_regexes
from diplomap.extract.subjects import _lavrov_subject

# "that" right after a verb: what follows is the words it reports (normalised)
_THAT_AFTER_RE = re.compile(r"\s*,?\s*(?:что|чтобы|that|ان|انه|بان|كه)(?!\w)")


# Before a verb: an impersonal frame ("It is worth recalling that", «Стоит напомнить, что»,
# «لا بد من التذكير بأن»): the narrator, not somebody else speaking
_IMPERSONAL_BEFORE_RE = re.compile(
    r"(?<!\w)(?:worth|to|is|be|was|стоит|нужно|следует|можно|надо|من|ان)\s*$"
)


# One word before a verb that is no subject of its own: a pronoun (he, the one named
# before), an adverb or a conjunction ("Также отметил, что": he goes on)
_NO_LONE_SUBJECT = frozenset(
    [
        "also",
        "then",
        "he",
        "she",
        "they",
        "it",
        "we",
        "later",
        "earlier",
        "again",
        "further",
        "and",
        "but",
        "so",
        "также",
        "затем",
        "далее",
        "кроме",
        "тогда",
        "потом",
        "вновь",
        "снова",
        "однако",
        "позже",
        "ранее",
        "вчера",
        "сегодня",
        "он",
        "она",
        "они",
        "мы",
        "и",
        "а",
        "но",
        "еще",
        "тоже",
        "و",
        "ثم",
        "كما",
        "هو",
        "هي",
        "همچنین",
        "نیز",
        "وی",
        "او",
        "سپس",
        "ما",
    ]
)


def _somebody_before(norm: str, m: re.Match[str]) -> bool:
    """Is there a subject before the verb (two words or more, or a name: one word that is
    no pronoun, adverb or conjunction), not an impersonal frame nor a gerund ("Рейн Тамм
    считает, что ...", "Шукри сказал, что ...", not "It is worth recalling that ...")?"""
    pre = norm[max(0, m.start() - 80) : m.start()]
    words = pre.split()
    return (
        (len(words) >= 2 or (len(words) == 1 and _lone_subject(pre, words[0])))
        and not _IMPERSONAL_BEFORE_RE.search(pre)
        and not m.group().rstrip().endswith("ing")
        and not m.group().startswith("напомним")
    )


def _lone_subject(pre: str, word: str) -> bool:
    """A single word before the verb as its subject: a name at the sentence's start."""
    return (
        len(word) >= 3
        and word.isalpha()
        and word not in _NO_LONE_SUBJECT
        and pre.strip() == word
        and pre.endswith(" ")
    )


# A saying verb negated: what somebody did not say is no statement ("о чем Лавров не
# говорил", "Lavrov did not mention Gaza", «لم يتطرق لافروف إلى»). Other negated verbs are
# statements ("не исключил", "did not rule out").
_NEGATION_BEFORE_RE = lead(
    r"(?:(?<!\w)не|(?<!\w)ни\s+словом\s+не|did\s+not|didn't|does\s+not|doesn't|never|"
    r"(?<!\w)لم|(?<!\w)لا)\s+$"
)
# Any negation in a sentence (a quick test before _NEGATION_BEFORE_RE at each verb)
_NEGATION_RE = lead(r"(?<!\w)(?:не|ни|not|didn't|doesn't|never|لم|لا)(?!\w)")
_SAYING_RE = re.compile(
    r"говор|сказ|упом|обмолв|произн|косну|косн|затрон|назва|say|said|mention|talk|spok|speak|"
    r"refer|name|يقل|يقول|يذكر|يتحدث|يتطرق|يشر|يشير|يسم"
)


def _says_it_not(norm: str, m: re.Match[str]) -> bool:
    return bool(
        _NEGATION_BEFORE_RE.search(norm, max(0, m.start() - 25), m.start())
        and _SAYING_RE.match(m.group().lstrip("وف"))
    )


# A subordinate clause put before the main one ("After Trump announced a withdrawal, Lavrov
# urged ...", "Когда Нетаньяху заявил ..., Лавров ответил", "بعد أن أعلن ترامب ...، دعا
# لافروف", "وقتی ترامپ اعلام کرد ...، لاوروف گفت"): its verb is not the sentence's speech
_FRONTED_SUBORDINATE_RE = re.compile(
    r"(?:^|[,،]\s*)(?:after|when|as soon as|once|before|since|while|although|though|if|"
    r"после того как|когда|хотя|если|как только|"
    r"[وف]?(?:بعد\s+ان|بعدما|عندما|حين|حينما|لما|اذا|كلما|منذ\s+ان)|"
    r"(?:پس|بعد)\s+از\s+(?:انكه|اينكه|ان\s+كه|اين\s+كه)|وقتي|وقتي\s+كه|هنگامي\s+كه|زماني\s+كه|اگر)"
    r"(?!\w)[^,،]*$"
)
_MAX_FRONTED_CLAUSE = 200


def _him_in_main_clause(norm: str, m: re.Match[str], lang: str) -> bool:
    """Is he the subject of the main clause after a fronted one, with no speech verb of
    his own ("When Washington moved its embassy, Lavrov was sharper")?"""
    comma = min(
        (i for i in (norm.find(",", m.end()), norm.find("،", m.end())) if i >= 0), default=-1
    )
    if comma < 0 or not may_mention_lavrov(norm, comma):
        return False
    verb_re = verb_regexes().get(lang) or verb_regexes()["en"]
    if verb_re.search(norm, comma) is not None:
        return False  # his verb follows: the loop finds it
    return _lavrov_subject(norm, lang, comma + 1, min(len(norm), comma + 60)) is not None


def _in_fronted_clause(norm: str, m: re.Match[str]) -> bool:
    """Whether a verb stands in a subordinate clause that opens the sentence and a comma
    closes before the main clause."""
    start = max(0, m.start() - _MAX_FRONTED_CLAUSE)
    if not _FRONTED_SUBORDINATE_RE.search(norm, start, m.start()):
        return False
    rest = norm[m.end() : m.end() + _MAX_FRONTED_CLAUSE]
    return "," in rest or "،" in rest


# A relative clause set off by commas just before the verb ("وبشأن قصف المستشفى، الذي
# قالت السلطات الأوكرانية إنه ...، ادعى الوزير", "the strike, which Kyiv said killed three,
# was ...", "удар, который, по словам Киева, ..."): its speaker glosses a noun
_RELATIVE_BEFORE_RE = re.compile(
    r"[,،]\s*(?:الذي|التي|الذين|اللذين|اللتين|which|который|которая|которое|которые|"
    r"которого|которой|كه|که)\s*[,،]?\s+(?:[^\W\d_]+\s+){0,3}$"
)


# A "where" clause after the main one ("Lavrov addressed the League, where Aboul Gheit
# welcomed him", "..., где его встретил ...", "...، حيث استقبله ...")
_WHERE_BEFORE_RE = re.compile(r"[,،]\s*(?:where|где|حيث|جايي\s+كه)\s+(?:[^\W\d_]+[\s-]+){0,8}$")


def _in_his_where_clause(norm: str, m: re.Match[str], lang: str) -> bool:
    """Whether a verb stands in a "where" clause after a main clause whose subject is
    him: the sentence is about him, not the other speaker's words."""
    where = _WHERE_BEFORE_RE.search(norm, max(0, m.start() - 80), m.start())
    return where is not None and _lavrov_subject(norm, lang, 0, min(40, where.start())) is not None


def _in_relative_clause(norm: str, m: re.Match[str]) -> bool:
    """Whether a verb stands in a relative clause set off by commas, closed by a comma
    before the main clause goes on."""
    if not _RELATIVE_BEFORE_RE.search(norm, max(0, m.start() - 60), m.start()):
        return False
    rest = norm[m.end() : m.end() + _MAX_FRONTED_CLAUSE]
    return "," in rest or "،" in rest


# A side clause between commas: a relative clause or a participle ("Лавров, выступая на
# пресс-конференции с главой МИД Омана, заявил", "لاوروف، که همراه پوتین ..., گفت",
# "Lavrov, speaking after talks with Mekdad, said"): it never holds the subject.
_SIDE_CLAUSE_RE = re.compile(
    r"(?<=[,،])\s*(?:who|whom|whose|(?:with|to|from|by|for|of)\s+whom|which|where|while|"
    r"speaking|after|before|when|referring|commenting|responding|"
    # a circumstance set off by commas: "Lavrov, during a meeting with US Secretary of State
    # Rex Tillerson, said", «Лавров, в ходе встречи с госсекретарем США, заявил»
    r"during|following|ahead\s+of|amid|at|in|on|upon|alongside|"
    r"(?:(?:с|со|у|к|о|об|в|на|для|при|от|по|за|перед|между)\s+)?котор\w+|"
    r"где|выступая|комментируя|отвечая|говоря|находясь|после|в\s+ходе|во\s+время|по\s+итогам|"
    r"накануне|на|в|"
    r"имея\s+в\s+виду|ссылаясь|касаясь|"
    r"كه|که|الذي|التي|الذين|متحدثا|خلال|بعد|عقب|في\s+اشاره|تعليقا|ردا|در|پس\s+از|پيش\s+از|ضمن|"
    r"طي)(?!\w)[^,،]*"
    # and the title set off after a name in it: "referring to a decision by Donald Trump,
    # the US president, added"
    r"(?:[,،]\s*(?:the\s+)?[^,،]{0,30}?(?:president|minister|king|leader|президент\w*|"
    r"министр\w*|премьер\w*|(?:ال)?رييس|(?:ال)?وزير|رييس\s?جمهور)[^,،]{0,20}(?=[,،]))?"
    r"(?=[,،])"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())
