"""Who tells what Lavrov said or did, when somebody else's verb reports it: his own
ministry's statement or readout relays his words ("the ministry said in a statement that
Lavrov stressed": his); another country's ministry gives its own account ("The Sudanese
ministry said Lavrov had briefed": its words); a subject before an English "said" with his
clause after it speaks of him ("Shoukry said Lavrov had urged": Shoukry's words); a Russian
source frame names where the news comes from, not a speaker («Как сообщили в МИД России,
Лавров подчеркнул»). Predicates on one normalised sentence and a speech verb's match;
diplomap.extract.speech_events decides the sentence's event with them.
"""

from __future__ import annotations

import re

from diplomap.extract.common import (
    _LAVROV_NP_RE,
    _skip_spaces,
    contains_any,
    find_lavrov_np,
    may_mention_lavrov,
)
from diplomap.extract.subjects import _lavrov_at

# After "said" with no "that": a finite verb of the clause his name opens ("said Lavrov had
# urged", "said Lavrov urged"), not the reporting clause's inversion ("..., said Lavrov.")
_FINITE_AFTER_NAME_RE = re.compile(
    r"\s+(?:had|has|was|is|would|will|could|did|also|then|again|earlier)\b|\s+[a-z]+ed\b"
)


def _said_he_did(norm: str, m: re.Match[str]) -> bool:
    """English: a subject right before the verb (a word, no clause boundary) and his name
    opening the clause after it with a finite verb: the verb's subject speaks of him."""
    if m.start() == 0 or not norm[m.start() - 1 : m.start()].isspace():
        return False
    before = norm[max(0, m.start() - 2) : m.start() - 1]
    if not before or not (before[-1].isalnum() or before[-1] == "'"):
        return False
    if not may_mention_lavrov(norm, m.end(), m.end() + 60):
        return False  # (the common case: neither his name nor a title after the verb)
    named = _lavrov_at(norm, _skip_spaces(norm, m.end()), anchored=True)
    return named is not None and _FINITE_AFTER_NAME_RE.match(norm, named.end()) is not None


# «Как сообщили в МИД России, Лавров подчеркнул ...»: "as they reported", a plural verb
# after «как» ending before a comma, names where the news comes from, not a speaker (a
# woman's «Как сообщила Захарова, ...» is her relaying him: her words)
_SOURCE_FRAME_END_RE = re.compile(r"[^,.!?;:]{0,60},")


def _source_frame(norm: str, m: re.Match[str], lang: str) -> bool:
    return (
        lang == "ru"
        and norm[max(0, m.start() - 4) : m.start()] == "как "
        and m.group().endswith(("ли", "ют", "ят"))  # plural: "they", nobody named
        and _SOURCE_FRAME_END_RE.match(norm, m.end()) is not None
    )


# The ministry's statement or readout relaying what he said ("قالت وزارة الخارجية الروسية
# في بيان إن لافروف أكد", "the ministry said in a statement that Lavrov stressed"): his
# words, unlike his spokeswoman's (her words)
_STATEMENT_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:ال|لل|ل)?بيان\w*|statement|readout|communiqu\w*|ministry|foreign\s+office|"
    r"fo|mfa|сообщени\w*|пресс-релиз\w*|коммюнике|министерств\w*|мид|[وف]?(?:ال|لل|ل)?وزاره|بيانيه|"
    r"اطلاعيه|وزارت)(?!\w)"
)
_SPOKESPERSON_RE = re.compile(
    r"(?:zakharova|spokes\w*|захаров\w*|представител\w*|زاخاروفا|متحدث\w*|ناطق\w*|سخنگو|زاخارووا)"
)


# Another country's ministry (the Sudanese ministry, Egypt's foreign ministry, «МИД
# Судана», «الخارجية السودانية», «وزارت خارجه مصر»): its account of what he said is its own
# words; his own ministry's readout relays him
_FOREIGN_MINISTRY_RE = re.compile(
    r"(?<!\w)(?!russian\s|russia's\s|moscow's\s|lavrov's\s|kremlin's\s)"
    r"(?:[a-z]+(?:an|ese|i|ish)|[a-z]+'s)\s+(?:foreign\s+)?(?:ministry|foreign\s+office)|"
    r"(?<!\w)мид\s+(?!росс|рф)[а-яё]+[аиыя](?!\w)|"
    r"(?<!\w)(?!российск)[а-яё]+ск(?:ий|ого|ому|им|ом)\s+мид(?!\w)|"
    r"الخارجيه\s+ال(?!روسيه)[^\s]+يه(?!\w)|"
    r"وزارت\s+(?:امور\s+)?خارجه\s+(?!روسيه)[^\s،,]{3,}"
)


# Every branch of _FOREIGN_MINISTRY_RE holds one of these (a quick test before it)
_may_name_a_ministry = contains_any(("ministry", "foreign office", "мид", "خارجيه", "خارجه"))


def _foreign_relay(norm: str, m: re.Match[str]) -> bool:
    """Does another country's ministry say what he did, before the verb or between the
    verb and his name ("The Sudanese ministry said Lavrov had briefed ...", «وقالت وزارة
    الخارجية السودانية في بيان إن لافروف أطلع»)?"""
    start, end = max(0, m.start() - 80), min(len(norm), m.end() + 100)
    if not _may_name_a_ministry(norm, start, end) or not may_mention_lavrov(norm, m.end(), end):
        return False  # (the common case: no ministry near the verb)
    him = find_lavrov_np(norm, m.end(), end)
    if him is None:
        return False
    return _FOREIGN_MINISTRY_RE.search(norm, start, him.start()) is not None


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
    if him is None or norm.startswith(("'s", "’s"), him.end()):
        return None  # "... that Lavrov's statement reflected": about his words
    if _STATEMENT_RE.search(norm, max(0, m.start() - 80), him.start()) is None:
        return None
    if _NO_WORDS_AFTER_RE.match(norm, him.end()):
        return None  # "... that Lavrov and Wennesland met", «что Лавров обсудит»: no words
    if _THAT_BEFORE_RE.search(norm, max(m.end(), him.start() - 12), him.start()):
        return him.start()
    # "the readout said Lavrov stressed ...": English may leave "that" out
    bare = norm[m.end() : him.start()].strip() == "" and _EN_VERB_NEXT_RE.match(norm, him.end())
    return him.start() if bare else None


# After his name in what a statement relays: another subject joined to his ("Lavrov and
# Wennesland met", «Лавров и Гутерриш», "لافروف وفينيسلاند التقيا"), or what he did or will do, not said
# ("will discuss", "met", «обсудит», «встретился», "سيبحث", "التقى", «خواهد», «دیدار کرد»)
_NO_WORDS_AFTER_RE = re.compile(
    r"\s*(?:(?:and|и|و|با)\s|و\S+\s+\S+(?:ا|وا)(?!\w)|(?:(?:also|также)\s+)?(?:will|would|is\s+(?:to|due|expected)|plans?|"
    r"met|meets|held|holds|visited|arrived|attended|hosted|received|обсудит|провед[её]т|"
    r"встретится|встретился|посетит|посетил|прибыл|примет\s+участие|провел|провёл|принял|"
    r"[وف]?س[يتن]\w+|[وف]?(?:التقي|يلتقي|عقد|وصل|زار|استقبل)|خواهد|(?:ديدار|ملاقات)\s+كرد)(?!\w))"
)


_EN_VERB_NEXT_RE = re.compile(r"\s+(?:also\s+|had\s+|has\s+)?[a-z]+ed(?!\w)")
_THAT_BEFORE_RE = re.compile(r"(?<!\w)(?:ان|بان|that|что|كه|که)\s*$")


# An outlet quoting him before his words: "ونقلت الصحيفة عن لافروف قوله إن", "نقلت X قول
# لافروف إن", «газета процитировала Лаврова», «приводит слова министра», «روزنامه ... به نقل
# از لاوروف نوشت» (his words; his spokeswoman quoting him is her relaying: not these)
# (the outlet named between the verb and عن: "ونقلت عن لافروف" alone has the subject of the
# sentence before, his spokeswoman's as often as an outlet's)
_AR_QUOTING_RE = re.compile(
    r"\s+(?:[^\s.،,:]+\s+){1,4}?(?:(?P<from>عن)|قول|تصريح|تصريحات|تاكيد|تحذير)\s+"
)
_RU_PRONOUN_BEFORE_RE = re.compile(r"(?<!\w)(?:она|они|он)\s+$")
_AR_SAYING_AFTER_RE = re.compile(r"\s+(?:قوله|تاكيده|اشارته|تصريحه|تحذيره|ان|بان)(?!\w)")
_RU_QUOTING_VERB_RE = re.compile(r"^(?:процитир|привод|привел|привёл)")
_RU_WORDS_RE = re.compile(r"\s+(?:слова\s+)?")
_FA_QUOTING_RE = re.compile(r"به\s+نقل\s+از\s+")
_FA_WRITING_VERBS = ("نوشت", "گزارش داد", "گزارش كرد", "منتشر كرد")


def _quoted_him(norm: str, m: re.Match[str], lang: str) -> int | None:
    """Where his name stands when the verb's subject, an outlet, quotes him before his
    words (see above), or None."""
    window = norm[max(0, m.start() - 80) : m.end() + 40]
    if _SPOKESPERSON_RE.search(window) is not None:
        return None
    verb = m.group()
    if lang == "ar" and "نقل" in verb:
        q = _AR_QUOTING_RE.match(norm, m.end())
        him = q and _LAVROV_NP_RE.match(norm, q.end())
        if him and (not q.group("from") or _AR_SAYING_AFTER_RE.match(norm, him.end())):
            return him.start()
    elif (
        lang == "ru"
        and _RU_QUOTING_VERB_RE.match(verb)
        and ("слов" in verb or "цитир" in verb)
        and not _RU_PRONOUN_BEFORE_RE.search(norm, max(0, m.start() - 8), m.start())
    ):
        him = _LAVROV_NP_RE.match(norm, _RU_WORDS_RE.match(norm, m.end()).end())
        return him.start() if him else None
    elif lang == "fa" and verb.startswith(_FA_WRITING_VERBS):
        q = _FA_QUOTING_RE.search(norm, max(0, m.start() - 80), m.start())
        him = q and _LAVROV_NP_RE.match(norm, q.end())
        if him and len(norm[him.end() : m.start()].strip(" ،,")) <= 20:
            return him.start()
    return None
