"""Shared pieces of the text steps: phrase helpers, the article's lines, and the
patterns that recognise Lavrov by name or by his title (normalised text).

Used by boilerplate (a block that mentions him is article text, not furniture) and by
speakers (who said what)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from diplomap.normalize import NormText, normalize

LAVROV = "Lavrov"

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand_braces(text: str) -> list[str]:
    """Every spelling of a data-file phrase with {a|b} alternatives, in order
    ("сектор{|а|у} Газа" -> "сектор Газа", "сектора Газа", "сектору Газа")."""
    parts = _BRACES.split(text)
    choices = [[part] if i % 2 == 0 else part.split("|") for i, part in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


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


def line_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the text's lines: its runs of characters other than \\r and \\n
    (`_LINE_RE`'s matches; split at each line break without a pattern when the text has
    no \\r, three times faster)."""
    if "\r" in text:
        return [m.span() for m in _LINE_RE.finditer(text)]
    out = []
    pos = 0
    for part in text.split("\n"):
        if part:
            out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


_CLOSERS = "\"»”’')]"
_FINAL_PUNCT = (".", "!", "?", "؟", "…")


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with sentence punctuation, maybe followed by closing quotes or
    brackets and then white space (a test from the end, not a search through the text)."""
    return text.rstrip().rstrip(_CLOSERS).endswith(_FINAL_PUNCT)


def contains_any(keys: Iterable[str]) -> Callable[..., bool]:
    """A quick test for key words: `test(text, start=0, end=None)` is whether
    text[start:end] contains one of `keys` (one regular expression over the text: faster
    than a substring test per key, and no slice is copied)."""
    pattern = re.compile("|".join(re.escape(key) for key in keys) or "(?!)")

    def test(text: str, start: int = 0, end: int | None = None) -> bool:
        return pattern.search(text, start, len(text) if end is None else end) is not None

    return test


_LEAD_JUNK_CHARS = "-–—•*·|»«>#:/▪►◄■□●○◆◇✓✔"  # and white space
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
    n_words: int  # exact up to _MAX_COUNTED_WORDS (a long line's count may stop there)
    final_punct: bool

    @property
    def real(self) -> bool:
        """A real article paragraph, not a headline or a label."""
        return self.n_words >= 20 or (self.final_punct and self.n_words >= 6)

    @property
    def headline_like(self) -> bool:
        return not self.final_punct and not self.raw.rstrip().endswith(":")


# A long line's words are counted up to this many: every test of boilerplate.py compares
# the count with at most 80 (a paragraph need not be counted to its end)
_MAX_COUNTED_WORDS = 81
_WORD_CHUNK = 400  # characters counted at a time (then on to the next space)


def _count_words(norm: str) -> int:
    """The number of words in `norm`, or _MAX_COUNTED_WORDS when it has more."""
    n, pos, size = 0, 0, len(norm)
    while pos < size:
        cut = norm.find(" ", pos + _WORD_CHUNK)  # (no word runs over a space)
        cut = size if cut < 0 else cut
        n += _WORD_RE.subn("", norm[pos:cut])[1]
        if n >= _MAX_COUNTED_WORDS:
            return _MAX_COUNTED_WORDS
        pos = cut
    return n


def _lines(text: str, normalized: NormText | None = None) -> list[_Line]:
    """The text's non-empty lines (`normalized`: the whole text's NormText, to slice
    their normalised forms from)."""
    out = []
    for run_start, run_end in line_runs(text):
        raw = text[run_start:run_end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = run_start + lead
        end = start + len(stripped)
        folded = normalize(stripped) if normalized is None else normalized.norm_of(start, end)
        lead_char = folded[:1]
        junk = lead_char in _LEAD_JUNK_CHARS or lead_char.isspace()
        norm = _LEAD_JUNK_RE.sub("", folded) if junk else folded
        out.append(
            _Line(
                start,
                end,
                stripped,
                norm,
                # (most lines are short: counted here, without a call)
                _WORD_RE.subn("", norm)[1] if len(norm) <= _WORD_CHUNK else _count_words(norm),
                ends_sentence(stripped),
            )
        )
    return out


# --- who is Lavrov (normalised text) --------------------------------------------------

_NAME = (
    r"(?:(?:لافروف|لاوروف|لافرف|لاورف|lavrov|лавров(?:а|у|ым|е)?)(?!\w)"
    # a lost space: "لافروفإن", "لاوروفگفت" (only before words that start a clause)
    r"|(?:لافروف|لاوروف)(?=(?:ان|انه|في|الي|علي|عن|قال|يقول|كه|گفت|افزود)(?!\w)))"
)
_FIRST = (
    r"(?:سيرجي|سيرغي|سيرجيه|سيرغيه|سرگيي|سرگي|sergei|sergey|сергей|сергея|сергею|сергеем|с\.|s\.|"
    # Arabic-script initials, as Russian missions write them: "س.و.لاوروف", "س. لافروف"
    r"س\.)"
)
# first name, then patronymic or its initial: Сергей Викторович Лавров, С.В.Лавров
# a title or courtesy before it: "الوزير لافروف", "Minister Lavrov", "министр Лавров"
_HONORIFIC = r"(?:(?:ال)?وزير|السيد|mr\.?|(?:foreign\s+)?minister|министр\w*|господин|اقاي|جناب)\s+"
_NAME_NP = rf"(?:{_HONORIFIC})?(?:{_FIRST}\s*(?:викторович\w*\s+|viktorovich\s+|в\.\s*|v\.\s*|و\.\s*)?)?{_NAME}"
_DESIG = _words(
    "|".join(
        [
            # Arabic
            r"(?:ال)?وزير\s+(?:ال)?خارجيه\s+(?:الروسي(?:ه)?|روسيا(?:\s+الاتحاديه)?)",
            r"وزير\s+الخارجيه\s+في\s+روسيا",
            r"الوزير\s*الروسي",  # also glued by a lost space: "الوزيرالروسي"
            r"(?:رييس|راس)\s+(?:ال)?(?:دبلوماسيه|ديبلوماسيه)\s+(?:الروسيه|الروسي)",
            r"عميد\s+الدبلوماسيه\s+الروسيه",
            r"كبير\s+(?:الدبلوماسيين|الديبلوماسيين)\s+الروس",
            # Persian
            r"وزير\s?(?:امور\s?)?خارجه\s+(?:فدراسيون\s+)?روسيه",
            r"(?:اين\s+)?ديپلمات\s+(?:ارشد|عالي\s?رتبه)\s+روس(?:ي|يه)?",
            r"رييس\s+(?:دستگاه\s+)?ديپلماسي\s+روسيه",
            # Tajik Persian: "вазири корҳои хориҷии Русия"
            r"وزير\s+كارهاي\s+خارجي\s+(?:فدراسيون\s+)?روسيه",
            r"وزير\s+روس(?!\w)",
            # Russian
            # singular: "министров иностранных дел России, Ирана и Турции" are several
            r"(?<!\w)министр(?:а|у|ом|е)?\s+иностранных\s+дел\s+(?:россии|рф|российской\s+федерации)",
            r"(?<!\w)глав\w*\s+мид\s+(?:россии|рф)",
            r"(?<!\w)глав\w*\s+российского\s+(?:мид|внешнеполитического\s+ведомства)",
            r"(?<!\w)(?:глав|шеф)\w*\s+российской\s+дипломатии",
            r"(?<!\w)глав\w*\s+внешнеполитического\s+ведомства\s+(?:россии|рф)",
            r"(?<!\w)российск(?:ий|ого|ому|им|ом)\s+министр(?:а|у|ом|е)?(?!\w)(?:\s+иностранных\s+дел)?",
            # English
            r"(?:russian|russia's)\s+(?:foreign\s+minister|fm|top\s+diplomat|chief\s+diplomat)",
            r"foreign\s+minister\s+of\s+russia",
            r"top\s+russian\s+diplomat",
            r"the\s+russian\s+minister",
            r"(?:the\s+)?head\s+of\s+(?:the\s+)?russian\s+diplomacy",
            # «глава российского дипломатического ведомства» translated
            r"(?:the\s+)?head\s+of\s+(?:the\s+)?russian\s+(?:diplomatic|foreign\s+policy)\s+"
            r"(?:apparatus|service|department|agency|corps)",
            r"russian\s+diplomacy\s+chief",
            r"(?:moscow's|the\s+kremlin's)\s+top\s+diplomat",
        ]
    )
)
# Words that, just before a designation, make it someone else (deputy, spokesman...).
_NOT_HIM_BEFORE_RE = re.compile(
    r"(?:نائب|مساعد|معاون|مستشار|المتحدث\s+باسم|متحدث\s+باسم|سخنگوي|مشاور|заместител\w*|"
    r"зам\.?|помощник\w*|представител\w*|пресс-секретар\w*|deputy|vice|spokes\w*\s+for|"
    r"aide\s+to|spokes\w*\s+of)\s*$"
)
# Every branch above starts with one of these letters (normalised text): a lookahead on
# them lets the engine skip the other positions quickly (about twice as fast)
_FIRST_LETTERS = "(?=[اوركعدسلج" + "мгшрсл" + "rfthmsl])"
_LAVROV_NP_RE = re.compile(rf"{_FIRST_LETTERS}(?:{_DESIG}(?:[\s،,]+{_NAME_NP})?|{_NAME_NP})")
_MENTION_RE = re.compile(rf"{_FIRST_LETTERS}(?:{_NAME}|{_DESIG})")
# Arabic, subject first: "لافروف يؤكد", "وزير الخارجية الروسي قال" (before a speech verb)
# "لافروف قد أكد", "لافروف عاد ليؤكد", "لافروف يعود ليذكر"
_LAVROV_TAIL_RE = re.compile(rf"(?:{_LAVROV_NP_RE.pattern})[\s،,]*(?:قد\s+|(?:عاد|يعود)\s+)?$")


# Every name form and title above contains one of these (normalised): a plain substring
# test rules out most text before the patterns (slow: many optional parts) are tried.
_MENTION_KEYS = (
    "لافروف", "لاوروف", "لافرف", "لاورف", "lavrov", "лавров", "وزير", "رييس", "عميد", "كبير",
    "دبلوماسيه الروس", "ديبلوماسيه الروس", "ديپلمات", "министр", "глав", "шеф", "russia",
    "minister", "diplomat", "head of",
)  # fmt: skip


# may_mention_lavrov(norm, start=0, end=None): False when norm[start:end] cannot hold his
# name or title (a quick test)
may_mention_lavrov = contains_any(_MENTION_KEYS)


_MENTION_KEY_RE = re.compile("|".join(re.escape(key) for key in _MENTION_KEYS))


def _first_key(norm: str, start: int, end: int) -> int:
    """Where the first of `_MENTION_KEYS` occurs in norm[start:end], or -1."""
    m = _MENTION_KEY_RE.search(norm, start, end)
    return -1 if m is None else m.start()


def find_lavrov_np(
    norm: str, start: int = 0, end: int | None = None, pattern: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """The first match of `pattern` (his noun phrase by default) in norm[start:end],
    searched only around the places where one of its key words occurs: the same result
    as `pattern.search(norm, start, end)`, much faster on text that does not name him."""
    pattern = pattern or _LAVROV_NP_RE
    end = len(norm) if end is None else end
    pos = start
    while True:
        key = _first_key(norm, pos, end)
        if key < 0:
            return None
        # his noun phrase starts at most 40 characters before its key word
        lo, hi = max(pos, key - 40), min(end, key + 80)
        m = pattern.search(norm, lo, hi)
        if m is not None:  # its full extent: the bound may have cut an optional tail
            return pattern.match(norm, m.start(), end) or m
        pos = key + 1


def _mentions_lavrov(norm: str) -> bool:
    if not may_mention_lavrov(norm):
        return False
    for m in _MENTION_RE.finditer(norm):
        if not _NOT_HIM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]):
            return True
    return False


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


def _skip_spaces(norm: str, pos: int) -> int:
    while pos < len(norm) and norm[pos] == " ":
        pos += 1
    return pos
