"""The subject written after its speech verb ("..., said Lavrov", «— сказал он», "وقال
لافروف"), past an outlet told in quotation marks, a courtesy title or a time word; and
the words between a verb and his name that leave him its subject."""

from __future__ import annotations

import re

from diplomap.extract.common import _LAVROV_NP_RE, may_mention_lavrov
from diplomap.extract.subjects import _MINISTER_WORD_RE, _PRONOUN_RE, _TITLE_RE, _lavrov_at

# A few words of time between a verb and its subject: "в воскресенье", "on Tuesday"
_SHORT_ADVERBIAL_RE = re.compile(
    r"(?:(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|"
    r"вчера|сегодня|накануне|ранее|также|позднее|журналистам|и|on\s+\w+day|yesterday|today|"
    r"later|earlier|also|به|بها|اليوم|امس|(?:يوم\s+)?(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)|"
    # the occasion: "заявил в беседе с журналистами министр", "said at a news conference
    # Lavrov", "قال في مؤتمر صحفي لافروف"
    r"(?:(?:в|на)\s+(?:беседе|интервью|эфире|пресс-конференции|брифинге|встрече)|"
    r"(?:at|in|during)\s+(?:a|an|the)\s+(?:news\s+conference|press\s+conference|briefing|interview)|"
    r"(?:في|خلال)\s+(?:مؤتمر\s+صحفي|مقابله|حديث))(?:\s+[^\s,.،]+){0,3}?|"
    # a date: "заявил в среду, 29 января, министр", "said on Wednesday, January 29, Lavrov"
    r"\d{1,2}\s+(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[яа]"
    r"(?:\s+\d{4}(?:\s+(?:года|г\.))?)?|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+\d{1,2}(?:,\s+\d{4})?)"
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


# English verbs whose next name is the one told ("told Lavrov before he left that ...")
_TELLS_SOMEBODY_RE = re.compile(
    r"(?:told|tells|informed|informs|assured|assures|reminded|reminds|briefed|briefs|"
    r"thanked|thanks|asked|asks|urged|urges|warned|warns|pressed|presses)$"
)
# His Russian name or title in a case other than the nominative: the object of the verb
_RU_OBLIQUE_RE = re.compile(
    r"лавров(?:а|у|ым|е)(?!\w)|(?<!\w)(?:министр(?:а|у|ом|е)|глав(?:у|е|ой)|дипломат(?:а|у|ом|е))(?!\w)"
)
# An outlet quoting somebody after his words (the one named after the verb is the speaker)
_RU_QUOTING_RE = re.compile(r"(?:цитиру|процитирова|цитирова|привод|привел|привели)")
# ... his spokeswoman or the Kremlin's quoting him: her words (ATTRIBUTION.md)
_RU_RELAYING_RE = re.compile(r"захаров|песков|представител|пресс-секретар|спикер")
# ... his title or name in the accusative, maybe after the outlet ("цитирует газета министра")
_RU_QUOTED_RE = re.compile(
    r"(?:[^\s,.]+\s+){0,2}?(?P<who>(?:российского\s+)?(?:министра|дипломата|главы\s+мид)|"
    r"(?P<name>(?:сергея\s+)?лаврова))(?!\w)"
)
_COURTESY_RE = re.compile(r"(?:(?:معالي|سعاده|فخامه|his\s+excellency|جناب)\s+)+")


def _after_verb(norm: str, m: re.Match[str], lang: str) -> str | None:
    """The subject written after the verb ("..., said Lavrov", "— сказал он")."""
    after_outlet = _past_quoted_name(norm, m.end())
    post = norm[after_outlet : after_outlet + 120]
    start = after_outlet + len(post) - len(post.lstrip(" ,،\"«»“”„'"))
    if (courtesy := _COURTESY_RE.match(norm, start)) is not None:
        start = courtesy.end()  # "وجدد معالي وزير خارجية روسيا", "his Excellency"
    if (adverb := _ADVERB_AFTER_VERB_RE.get(lang)) and (skip := adverb.match(norm, start)):
        start = skip.end()  # "— сказал тогда министр", "وقال حينها لافروف"
    if norm.startswith("the ", start) and _lavrov_at(norm, start + 4, anchored=True):
        start += 4  # "..., said the Russian foreign minister"
    if (named := _lavrov_at(norm, start, anchored=True)) is not None:
        # "..., told Lavrov that ...", "сообщил Лаврову, что": he is told, not the teller
        if _NAME_AS_OBJECT_RE.match(norm, named.end()) or _TELLS_SOMEBODY_RE.match(m.group()):
            return None
        if lang == "ru" and _RU_OBLIQUE_RE.search(named.group()):
            if _RU_QUOTING_RE.match(m.group()) and not _RU_RELAYING_RE.search(
                norm, named.end(), named.end() + 60
            ):
                return "lavrov"  # «...», — цитирует Сергея Лаврова ТАСС: the outlet quotes him
            return None  # "Ханафи, в свою очередь, заверил Лаврова, что": he is assured
        if lang == "en" and _EN_CLAUSE_AFTER_NAME_RE.match(norm, named.end()):
            return None  # 'Kozyrev says Mr Lavrov "had a choice"': he opens the words said
        return "lavrov"
    later = (
        _LAVROV_NP_RE.search(norm, start, start + 80)
        if may_mention_lavrov(norm, start, start + 80)
        else None
    )
    if (
        later
        and later.start() - start <= 60
        and _BEFORE_HIS_NAME_RE.fullmatch(norm[start : later.start()])
        and not (lang == "ru" and _RU_OBLIQUE_RE.search(later.group()))
    ):
        # "заявил в воскресенье Сергей Лавров", "said on Tuesday Lavrov", "заявил министр
        # иностранных дел Сергей Лавров"
        return "lavrov"
    after = norm[start : start + 120]
    if lang == "ru" and (quoted := _ru_quoted(m, after)) is not None:
        return quoted
    for kind, table in (("pronoun", _PRONOUN_RE), ("title", _TITLE_RE)):
        pattern = table.get(lang)
        if pattern and (said := pattern.match(after)):
            if (
                lang == "en"
                and kind == "pronoun"
                and not _EN_INVERTED_END_RE.match(after, said.end())
            ):
                return None  # "..., said he had conveyed ...": "he" opens the words said
            return kind
    minister = _MINISTER_WORD_RE.search(after, 0, 30)
    if minister is not None and not after[: minister.start()].strip(" ,،-—–").count(" ") > 1:
        return "other_minister"  # "— отметил турецкий министр", "said Jordan's foreign minister"
    return None


def _ru_quoted(m: re.Match[str], after: str) -> str | None:
    """An outlet quoting him after his words: «...», — приводит слова министра РИА
    Новости / — цитирует газета министра ("title") / — цитирует Сергея Лаврова ТАСС
    ("lavrov"); not his spokeswoman quoting him."""
    if not _RU_QUOTING_RE.match(m.group()) or (q := _RU_QUOTED_RE.match(after)) is None:
        return None
    if _RU_RELAYING_RE.search(after, 0, q.start("who")):
        return None
    return "lavrov" if q.group("name") else "title"


# An outlet's name in quotation marks right after the verb: "— пояснил «КП» востоковед",
# "— заявил «Известиям» Сергей Лавров"
_QUOTED_NAME_AFTER_RE = re.compile(r"\s*[,،]?\s*[«\"“„][^«»\"“”„.!?]{1,30}[»\"”“]")


# Arabic names the outlet told with ل: "وقال لـ«الأهرام»", "وقال \"للشرق الأوسط\""
_AR_OUTLET_AFTER_RE = re.compile(
    r"\s*(?:لـ?\s*[«\"“][^«»\"“”.!?]{1,30}|[«\"“]لل?[^«»\"“”.!?]{1,30})[»\"”]"
)


def _past_quoted_name(norm: str, pos: int, pattern: re.Pattern[str] = _QUOTED_NAME_AFTER_RE) -> int:
    """Where the words after a verb go on, past an outlet's name in quotation marks
    (`pattern`: _AR_OUTLET_AFTER_RE for the Arabic "لـ«...»")."""
    outlet = pattern.match(norm, pos)
    if outlet is None or may_mention_lavrov(norm, outlet.start(), outlet.end()):
        return pos  # "وأكد \"لافروف\" أن": his name in quotation marks
    return outlet.end()


# A time or additive adverb between a verb and its subject written after it
_ADVERB_AFTER_VERB_RE = {
    "ru": re.compile(
        r"(?:тогда|затем|потом|позже|позднее|ранее|также|тоже|еще|ещё|вчера|сегодня|накануне)\s+"
    ),
    "ar": re.compile(r"(?:حينها|يومها|وقتها|انذاك|ايضا|كذلك|بدوره)\s+"),
}


# English puts "he" after the verb only at the end of the clause: "..., said he."
_EN_INVERTED_END_RE = re.compile(r"\s*(?:[.,;:!?)\"”]|$)")
# A name right after "says" that opens the words said: a quotation or an auxiliary follows
_EN_CLAUSE_AFTER_NAME_RE = re.compile(
    r"\s*[\"“]|\s+(?:had|has|have|was|is|were|would|will|could|should|must|did|does|can|"
    r"may|might)(?!\w)"
)
