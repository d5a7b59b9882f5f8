"""Who may be a speech verb's subject: his noun phrase ("lavrov"), a pronoun, a bare
title that may mean him ("the minister", «الوزير»), another minister's word, or somebody
else named (an official, an institution); and where in a clause each first stands. The
vocabulary under diplomap.extract.speech_events (which decides a sentence's speech event)
and diplomap.extract.speakers (which resolves titles and pronouns across an article).
"""

from __future__ import annotations

import re

from diplomap.extract.common import (
    _LAVROV_NP_RE,
    _NOT_HIM_BEFORE_RE,
    contains_any,
    find_lavrov_np,
    may_mention_lavrov,
)
from diplomap.extract.fastre import lead
from diplomap.extract.outlets import find_outlets

_PRONOUN_RE = {
    # (not after a preposition: "به او گفت" is "told him", an object)
    "fa": lead(r"(?<!\w)(?<!به )(?<!با )(?<!از )(?<!براي )(?:وي|او|ايشان)(?!\w)"),
    "ru": lead(r"(?<!\w)он(?!\w)"),
    "en": lead(r"(?<!\w)he(?!\w)"),
}
# A bare title ("the minister", "министр", "дипломат", "الوزير", "این دیپلمات"): the most
# recent speaker who is a minister or a diplomat.
_TITLE_RE = {
    # not "the minister of defence", "the minister for national reconciliation"
    "en": lead(
        r"(?<!\w)the\s+(?:(?:foreign|veteran|top|chief|seasoned)\s+)?(?:minister|diplomat)"
        r"(?!\s+(?:of|for)\b)(?!\w)|(?<!\w)the\s+russian\s+(?:top\s+)?(?:diplomat|official|guest)(?!\w)"
        # a translation of «глава внешнеполитического ведомства»
        r"|(?<!\w)the\s+head\s+of\s+the\s+foreign\s+(?:policy\s+)?(?:department|agency|office)(?!\w)"
    ),
    "ru": lead(
        # not after an adjective: "Сирийский министр", "иранского дипломата" are others
        r"(?<!ий\s)(?<!ый\s)(?<!ой\s)(?<!ого\s)(?<!ему\s)(?<!им\s)"
        # bare: followed by punctuation, an adverb or a verb, never by the genitive that
        # makes it another minister ("министр промышленности", "министра обороны")
        r"(?<!\w)(?:министр|дипломат)(?:а|у|ом|е)?(?!\w)"
        r"(?=\s*[,.:;—–)»]|\s*$|\s+(?:также|тоже|еще|ещё|в\s+свою|при\s+этом|вместе|затем|же|"
        r"особо|отдельно|напомнил|считает|полагает|уверен|убежден|весной|летом|осенью|зимой|"
        r"тогда|сегодня|вчера|ранее|позже|позднее|недавно|накануне|потом|в\s|во\s|на\s|"
        # (a verb, not a name: "министра Али Багери")
        r"[а-яё]{2,}(?:л|ла|ли|ет|ит)(?!\w)))"
        # "глава МИД" without a country after it ("глава МИД Египта" is somebody else)
        r"|(?<!\w)(?:(?:много)?опытн|маститн|искушенн)\w*\s+(?:российск\w+\s+)?дипломат(?:а|у|ом|е)?(?!\w)"
        r"|(?<!\w)российск(?:ий|ого|ому|им|ом)\s+(?:дипломат(?:а|у|ом|е)?|гост(?:ь|я|ю|ем|е))(?!\w)"
        # "Министр иностранных дел проинформировал" (the Kremlin's style) with no country after
        # (right before his verb, not after an adjective: "Саудовский министр иностранных дел")
        r"|(?<!ий\s)(?<!ый\s)(?<!ой\s)(?<!\w)министр\s+иностранных\s+дел"
        r"(?=\s*$|\s+(?:также\s+|тоже\s+)?[а-яё]+(?:л|ла|ли)(?!\w))"
        r"|(?<!\w)глав\w*\s+(?:мид|внешнеполитического\s+ведомства|дипломатии)"
        r"(?!\s+[а-яё]+(?:а|ы|и)(?!\w))(?!\w)"
    ),
    # also "the Russian official/diplomat" once he has spoken ("وشدد المسؤول الروسي")
    "ar": lead(
        r"(?<!\w)الوزير(?!\s+(?!الي(?!\w))ال\w*ي(?!\w))(?!\w)"
        r"|(?<!\w)(?:المسوول|الدبلوماسي|الضيف)\s+الروسي(?!\w)"
        r"|(?<!\w)الدبلوماسي\s+المخضرم(?!\w)"
        # "His Excellency" of the Gulf agencies («وأكد معاليه»): the minister last so called
        r"|(?<!\w)معاليه(?!\w)"
        # "the man" of an analysis ("غير ان الرجل قال الشهر الماضي"), before his verb
        r"|(?<!\w)الرجل(?=\s*[،,]|\s+(?:[وف]?(?:قال|اكد|شدد|اضاف|حذر|يقول|يري|يوكد|كان|عاد|لم|لا)(?!\w)))"
    ),
    "fa": lead(
        # not with another country's adjective: "اين ديپلمات اسرائيلي" is somebody else
        r"(?<!\w)اين\s+(?:ديپلمات|وزير)(?!\w)(?!\s+(?!روس)[^\W\d_]+ي(?!\w))"
        r"|(?<!\w)(?:اين\s+)?(?:مقام\s+(?:ارشد\s+)?|مهمان\s+)روس(?:ي|يه)?(?!\w)"
        r"|(?<!\w)ديپلمات\s+(?:(?:ارشد|كهنه\s?كار|باسابقه|با\s+سابقه|كاركشته|برجسته)\s+)?"
        r"روس(?:ي|يه)?(?!\w)"
        # (bare, then a comma, an adverb or a place or occasion: "وزیر در مقاله خود می‌نویسد")
        # (not counted: "سه وزیر در پایان نشست" is the three)
        r"|(?<!\w)(?<!\d\s)(?<!دو\s)(?<!سه\s)(?<!چهار\s)(?<!پنج\s)(?<!هر\s)(?<!شش\s)"
        r"وزير(?=\s*(?:[،,]|همچنين|نيز\s|سپس\s|در\s|پس\s+از\s))"
    ),
}
# Words that make another speaker a minister or a diplomat (a bare title may refer to him)
_MINISTER_WORD_RE = lead(
    r"(?<!\w)(?:minister|counterpart|diplomat|министр\w*|коллег\w*|"
    r"дипломат(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|"  # not "дипломатическом окне"
    r"(?:ال)?وزير|نظير\w*|(?:ال)?دبلوماسي|همتاي|همتا|ديپلمات|"
    r"سرپرست\s+وزارت|"  # the acting minister: "سرپرست وزارت امور خارجه"
    # the head of a foreign ministry or of a diplomacy ("глава МИД Бахрейна", "رئيس
    # الدبلوماسية الجزائرية", "رئیس دستگاه دیپلماسی ترکیه") is its minister
    # (Russia's own is him: "глава МИД России", "رئيس الدبلوماسية الروسية")
    r"глав\w*\s+мид(?!\s+(?:россии|рф)(?!\w))|глав\w*\s+(?!российской\s)(?:\w+\s+)?дипломатии|"
    # the head of another ministry ("глава МВД Владимир Колокольцев")
    r"глав\w*\s+(?:мвд|минобороны|минфина|минэнерго|минюста|мчс|минздрава|минэкономразвития|"
    r"минпромторга|минсельхоза|минтранса)|"
    r"(?:ال)?دبلوماسيه(?!\s+الروسي)|ديپلماسي(?!\s+روسيه)|"
    r"head\s+of\s+(?:the\s+)?(?!russian\s|russia's\s)(?:\w+(?:'s)?\s+)?diplomacy)(?!\w)"
)
_OTHER_RE = lead(
    r"(?<!\w)(?:"
    # titles and institutions
    r"نائب|مساعد|المتحدث|متحدث|الناطق|سفير|مبعوث|المندوب|الرئيس|رئيس|وزاره|الخارجيه\s+الروسيه|الوزاره|وكاله|"
    r"سخنگو\w*|معاون|سفير|فرستاده|نماينده|وزارت|رييس\s?جمهور|نخست\s?وزير|خبرگزاري|"
    r"заместител\w*|замминистр\w*|официальн\w+\s+представител\w*|представител\w*|пресс-секретар\w*|"
    r"посол|спецпредставител\w*|президент\w*|премьер\w*|мид|министерств\w*|ведомств\w*|агентств\w*|"
    r"deputy|spokes\w*|ambassador|envoy|president|prime\s+minister|ministry|the\s+kremlin|"
    r"secretary|agency|journalist\w*|reporter\w*|госсекретар\w*|секретар\w*|генсек\w*|"
    # frequent other speakers
    r"زاخاروفا|زاخارووا|захаров\w*|zakharova|بيسكوف|پسكوف|песков\w*|peskov|ريابكوف|ريابكف|рябков\w*|"
    r"ryabkov|بوغدانوف|بوگدانف|богданов\w*|bogdanov|غوتيريش|جوتيريش|گوترش|гутерриш\w*|guterres|"
    r"بوتين|پوتين|путин\w*|putin|blinken|rubio|بلينكن|الصفدي|safadi|she|она"
    r")(?!\w)"
)
_OBJECT_BEFORE_RE = lead(
    r"(?:(?<!\w)(?:with|to|by|for|from|about|met|meeting|of|on|at|с|со|к|о|об|у|для|от|встречи|"
    r"accompanied|accompanying|told|briefed|informed|assured|thanked|hosted|received|"
    r"invited|phoned|greeted|welcomed|сопровождал\w*|сопровождающ\w*|поблагодарил\w*|"
    r"با|به|از|درباره|براي|همراه|سخنان|ديدار|مع|الي|عن|لقاء|لقايه|نظير|بين|و|"
    # his words as an object: "درباره اظهارات لاوروف", "تصريحات لافروف", "заявления Лаврова"
    r"اظهارات|تصريحات|گفتههاي|заявлени\w*|высказывани\w*|слова|словам|"
    # his speech or visit as a possessor: "وبعد كلمة لافروف تحدث ...", "پس از سخنرانی لاوروف"
    r"كلمه|خطاب|زياره|كلام|تصريح|جوله|سخنراني|بازديد|سفر)\s+|'s\s+(?:\w+\s+)?)$"
)


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
        possessive = (lang == "en" and _POSSESSIVE_S_RE.match(window, m.end())) or (
            lang == "ru" and _RU_OBLIQUE_NAME_RE.search(m.group())
        )
        if not (
            _NOT_HIM_BEFORE_RE.search(before) or _OBJECT_BEFORE_RE.search(before) or possessive
        ):
            return m.start()
        pos = m.end()
    return None


_POSSESSIVE_S_RE = re.compile(r"'s(?!\w)")


# His surname in an oblique case ("после выступления Лаврова", "Лаврову", "с Лавровым"):
# a possessor or an object, never a sentence's subject
_RU_OBLIQUE_NAME_RE = re.compile(r"лавров(?:а|у|ым|е)$")


# Every bare title of _TITLE_RE contains one of these (a quick test first)
_TITLE_KEYS = {
    "en": ("minister", "diplomat", "official", "guest", "head of the foreign"),
    "ru": ("министр", "дипломат", "глав", "гост"),
    "ar": ("الوزير", "الروسي", "الرجل", "المخضرم"),
    "fa": ("وزير", "ديپلمات", "مقام", "مهمان"),
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


# A word opening with ل after the verb: "to" before whom he told ("قال له", "للصحفيين",
# "لنظيره", "لوكالة", "لرويترز"), a particle ("لن", "لكن", "لدى"), or a name that opens with
# the letter, its subject ("قال لعمامرة", "قال لودريان", "قال لابيد")
_AR_LAM_WORD_RE = re.compile(r"\s*ل(?!ل|ـ)(\w+)")
_AR_LAM_PARTICLES = frozenset(
    {"ا", "م", "ن", "و", "ولا", "يس", "يست", "كن", "ان", "انه", "انها", "ذا", "ذلك", "هذا"}
    | {"قد", "عل", "دي", "ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم", "كما"}
)
_AR_ADDRESSEE_RE = re.compile(
    r"(?:نظير|نظراء|وكال|صحيف|صحف|جريد|قناه|قنوات|شبك|موقع|تلفزيون|تليفزيون|اذاع|مجل|وسائل|"
    r"مراسل|برنامج|محط|صحفي|صحافي|اعلامي|مسوول|اعضاء|عضو|ممثل|وفد|وفود|سفير|سفراء|نواب|نائب|"
    r"طلاب|طلب|زوار|زائر|جمهور|مجموع|لجن|مجلس|رئيس|روساء|وزير|وزراء|قاد|زعماء|حكوم|دول|كل|"
    r"جميع|بعض|دبلوماسي|خبراء|محلل|اكاديمي|باحث|مواطن|شعب|ضيوف|ضيف|مؤتمر|موتمر|منتدي|جلس|"
    r"اجتماع|هيئ|منظم|حضور|الحضور|نشر|صحيفه|اذاعه|مجله|شبكه|وكاله|حوار|مقابل|لقاء|مستمع|قراء|"
    r"متابع|مشارك|اطراف|جانب|نفس|زملاء|زميل|نظرائه|اعلام|وكالات|شركاء|اصدقاء|امريك|الامريك|"
    r"ا?لغرب|اوروب|الصين|العالم|عالم|عامه|اسرائيل|ايران|تركيا)"
)


def ar_name_opening_with_lam(post: str) -> bool:
    """After a verb with no subject of its own before it: is the word after it a name that
    opens with ل ("وقال لعمامرة إن"), not "to" somebody told or a particle?"""
    found = _AR_LAM_WORD_RE.match(post)
    if found is None or found.group(1) in _AR_LAM_PARTICLES:
        return False
    if _AR_ADDRESSEE_RE.match(found.group(1)):
        return False
    return not find_outlets(post[: found.end() + 40])
