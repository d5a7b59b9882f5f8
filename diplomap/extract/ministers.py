"""The other ministers an article names: who "the minister" may mean besides him.

A bare title ("The minister also called ...", «وأكد الوزير», «Министр также заявил»)
refers to the most recent speaker it fits. A foreign minister who speaks under his own
name ("Choe, for her part, said", «قال ولد مرزوك», "Sheikh Abdullah said") fits it as
well as Lavrov does, but only the sentence that introduced him says he is a minister
("held talks with Foreign Minister Choe Son-hui", «نظيره الموريتاني محمد سالم ولد مرزوك»,
"Sheikh Abdullah bin Zayed, Minister of Foreign Affairs"). `minister_names` collects the
name words of such introductions (never his, never a place), and `names_a_minister` tells
whether a speaker's words hold one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from diplomap.extract.fastre import lead
from diplomap.normalize import normalize

__all__ = [
    "is_any_russian_minister",
    "minister_names",
    "names_a_minister",
    "names_a_russian_minister",
]

# Latin and Cyrillic: a name is a run of capitalised words, with the particles of Arabic
# and European names inside it
_CAP = r"[A-ZА-ЯЁ][\w'’-]+"
_PARTICLE = r"(?:bin|ibn|bint|al|el|ould|de|van|von|der)"
# (an initial may open it: "S Jaishankar", "S. Jaishankar")
# (an Arabic surname with its article glued by a hyphen: "аль-Хакимом", "al-Hakim")
_ARTICLE_NAME = rf"(?:[Аа]ль|[Ээ]ль|[Аа][сшдтнрз]|al|el|ad|as|ash|at|an|ar|az)-{_CAP}"
_NAME = (
    rf"(?:[A-ZА-ЯЁ]\.?\s+)?{_CAP}(?:\s+(?:{_CAP}|{_ARTICLE_NAME}|{_PARTICLE}(?=\s+[A-ZА-ЯЁ])))"
    + r"{0,6}"
)
_TITLE_LATIN = (
    r"(?i:foreign\s+minister|minister\s+of\s+foreign\s+affairs|foreign\s+secretary|"
    # Kenya's and others' "Foreign Affairs Cabinet Secretary Alfred Mutua"
    r"cabinet\s+secretary|"
    r"secretary\s+of\s+state|counterpart|minister|"
    r"министр\w*\s+иностранных\s+дел|министр\w*|глав\w+\s+МИД|госсекретар\w*|коллег\w*|"
    r"глав\w+\s+(?:МВД|Минобороны|Минфина|Минэнерго|Минюста|МЧС|Минздрава|Минэкономразвития|"
    r"Минпромторга|Минсельхоза|Минтранса))"
)
# "Foreign Minister Choe Son-hui", "министр иностранных дел Азербайджана Джейхун Байрамов"
# (the title may stand in quotation marks: «министром иностранных дел» Абхазии Иналом Ардзинбой;
# its country may stand before the name: 'the "foreign minister" of Abkhazia, Inal Ardzinba')
_NAME_AFTER_RE = re.compile(
    # (led by the letters a title can start with, in either case and ſ, which re.I equates
    # with s: the same matches, four times faster than trying the titles everywhere)
    r"(?=[FfMmCcSsſМмГгКк])"
    # (the name on the title's line: not a heading's "коллеги" and the next line's "Январь")
    rf"{_TITLE_LATIN}[»\"”]?(?:\s+[a-zа-яё]+){{0,3}}?[»\"”]?(?:\s+{_CAP},)?,?[^\S\n]+({_NAME})"
)
# "Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign Affairs and ..."
_NAME_BEFORE_RE = re.compile(
    rf"(?=[A-ZА-ЯЁ])({_NAME}),\s+(?:(?i:the|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}?{_TITLE_LATIN}(?!\w)"
)
# Arabic and Persian (normalised text): a minister's title
_TITLE_ARABIC = "|".join(
    normalize(t).replace(" ", r"\s+")
    for t in (
        "وزير الخارجية",
        "وزير خارجية",
        "وزير الشؤون الخارجية",
        "وزيرة الخارجية",
        "نظيره",
        "نظيرته",
        "رئيس الدبلوماسية",
        "وزیر امور خارجه",
        "وزیر خارجه",
        "همتای",
    )
)
# the title, then the name up to a punctuation mark
_TITLE_ARABIC_RE = re.compile(
    rf"(?<!\w)(?:{_TITLE_ARABIC})(?!\w)((?:\s+[^\W\d_]+){{1,10}}?)\s*"
    # (or before the words said: "قال وزير الخارجية الكيني ألفريد موتوا إن ...")
    r"(?=[،,.:؛;()«»\"“”\n]|$|(?:ان|انه|انها|بان|قايلا|خلال|لدي|امس|اليوم|گفت|افزود|كه)(?!\w))"
)
_ARABIC_NAME_WORDS = 3  # the name closes the title's phrase: its last words
# the name set off before its title: "ژان-ایو لودریان، وزیر امور خارجه فرانسه"
_NAME_BEFORE_ARABIC_RE = re.compile(
    r"(?:^|[،,.:؛;\n«»\"])\s*((?:[^\W\d_]+[\s-]+){0,2}[^\W\d_]+)\s*[،,]\s*"
    rf"(?=(?:{_TITLE_ARABIC})(?!\w))"
)
# Words of a name that say nothing of whose it is
_GENERIC = frozenset(
    normalize(w)
    for w in (
        "his", "her", "highness", "excellency", "sheikh", "prince", "king", "emir", "mr",
        "mrs", "ms", "dr", "bin", "ibn", "bint", "al", "el", "ould", "abu", "abdel", "abdul",
        "mohammed", "mohamed", "muhammad", "ahmed", "ali", "sergey", "sergei", "the",
        "russian", "foreign", "minister", "affairs", "international", "cooperation",
        "expatriates", "emigrants", "and",
        "сергей", "господин",
        "محمد", "احمد", "علي", "عبد", "ولد", "بن", "ابن", "ال", "الشيخ", "شيخ", "الامير",
        "امير", "سمو", "السيد", "سيد", "الدكتور", "دكتر", "آقای", "سرگئی", "سيرغي",
        "سيرجي", "الخارجية", "الخارجيه", "خارجه", "امور", "و",
    )
)  # fmt: skip
_LAVROV_WORDS = frozenset(normalize(w) for w in ("Lavrov", "Лавров", "لافروف", "لاوروف"))
_WORD_RE = re.compile(r"\w+")
_MIN_LEN = 3


def minister_names(
    text: str, norm: str, lang: str, is_place: Callable[[str], bool]
) -> frozenset[str]:
    """The name words (normalised) of the ministers and counterparts other than him that
    the article introduces by title; `is_place(word)` tells the words to leave out (a
    country in "وزیر امور خارجه ایران حسین امیرعبداللهیان")."""
    if lang in ("ar", "fa"):
        # "وزير الخارجية المكلف في حكومة الوحدة الوطنية الليبية الطاهر الباعور،"
        phrases = [
            " ".join(m.group(1).split()[-_ARABIC_NAME_WORDS:])
            for m in _TITLE_ARABIC_RE.finditer(norm)
        ]
        phrases += [m.group(1) for m in _NAME_BEFORE_ARABIC_RE.finditer(norm)]
    else:
        phrases = []
        for m in _NAME_AFTER_RE.finditer(text):
            phrases.append(m.group(1))
            if _PLURAL_TITLE_RE.match(m.group(0)):
                phrases += _listed_names(text, m.end())
        phrases += [m.group(1) for m in _NAME_BEFORE_RE.finditer(text)]
    names: set[str] = set()
    for phrase in phrases:
        words = [normalize(w) for w in _WORD_RE.findall(phrase)]
        if any(_key(w) in _LAVROV_KEYS for w in words):  # (also "Лавровым")
            continue  # "Russian Foreign Minister Sergey Lavrov"
        names.update(
            _key(w)
            for w in words
            if len(w) >= _MIN_LEN and w not in _GENERIC and not w.isdigit() and not is_place(w)
        )
    return frozenset(names)


# A title over a list of ministers: «главы МИД Азербайджана Джейхун Байрамов, Армении
# Арарат Мирзоян, Турции Хакан Фидан», "the foreign ministers of ..., X, Y and Z"
_PLURAL_TITLE_RE = re.compile(r"(?i:главы|министры|foreign\s+ministers|ministers|counterparts)")
_LIST_NEXT_RE = re.compile(rf"(?:,\s+(?:and\s+|и\s+)?|\s+(?:and|и)\s+)({_NAME})")
_MAX_LISTED = 8


def _listed_names(text: str, pos: int) -> list[str]:
    """The names that follow a plural title's first one, item after item."""
    names = []
    while len(names) < _MAX_LISTED and (m := _LIST_NEXT_RE.match(text, pos)) is not None:
        names.append(m.group(1))
        pos = m.end()
    return names


def names_a_minister(norm: str, start: int, end: int, names: frozenset[str]) -> bool:
    """Does norm[start:end] (a speaker's words around his verb) hold one of `names`?"""
    return bool(names) and any(_key(w) in names for w in _WORD_RE.findall(norm, start, end))


_CYRILLIC_RE = re.compile(r"[а-яё]")


def _key(word: str) -> str:
    """A word as compared: a Russian name without its case ending ("Байрамовым" and
    "Байрамов" alike), other words whole."""
    return word[:5] if len(word) > 5 and _CYRILLIC_RE.match(word) else word


_LAVROV_KEYS = frozenset(_key(w) for w in _LAVROV_WORDS)


# --- another Russian minister: whom "the Russian minister" then means -----------------

# A minister of Russia's named with his portfolio ("Министр обороны России Сергей Шойгу",
# "Russian Defence Minister Sergei Shoigu", «وزير الدفاع الروسي», «وزیر دفاع روسیه»)
# (normalised text; asked only of a sentence whose speaker is not him; his own portfolio,
# foreign affairs, is not another's)
_RUSSIAN_MINISTER_RE = lead(
    r"(?<!\w)(?:министр\w*(?!\s+иностранных)(?:\s+\w+){0,2}?\s+(?:россии|рф)|"
    r"российск\w+\s+министр\w*(?!\s+иностранных)|"
    r"(?:russian|russia's)\s+(?!foreign\s)(?:[a-z]+\s+){0,2}?minister|"
    r"minister\s+(?!of\s+foreign)(?:[a-z]+\s+){0,3}?of\s+russia|"
    r"(?:ال)?وزير\s+(?!(?:ال)?خارجيه)(?:\S+\s+){0,2}?(?:ال)?روسي|"
    r"وزير\s+(?!(?:ال)?خارجيه)(?:\S+\s+){0,2}?روسيا|"
    r"وزير\s+(?!(?:امور\s+)?خارجه)(?:\S+\s+){0,2}?روس(?:يه)?)(?!\w)"
)
# "The Russian minister" without his portfolio: it fits another Russian minister as well
_ANY_RUSSIAN_MINISTER_RE = re.compile(
    r"^(?:the\s+russian\s+minister|российск(?:ий|ого|ому|им|ом)\s+министр(?:а|у|ом|е)?|(?:ال)?وزير\s*الروسي|وزير\s+روس)$"
)


def names_a_russian_minister(norm: str, head: int = 100) -> bool:
    """Does the sentence's head name a minister of Russia's (by his portfolio)?"""
    return _RUSSIAN_MINISTER_RE.search(norm, 0, min(len(norm), head)) is not None


def is_any_russian_minister(phrase: str) -> bool:
    """Is his noun phrase as matched (normalised) only "the Russian minister"?"""
    return _ANY_RUSSIAN_MINISTER_RE.match(phrase.strip(" ،,")) is not None
