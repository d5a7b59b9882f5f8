"""Text normalisation for matching, with a map back to the original characters.

The original text is kept for display; names, issue terms and dates are matched on a
normalised copy (`NormText.norm`). Normalisation folds Arabic/Persian letter variants,
removes diacritics, tatweel, zero-width and bidi controls, turns Arabic-Indic and
Persian digits into ASCII and lower-cases Latin and Cyrillic. `NormText.to_original`
maps a span of the normalised copy back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice, pairwise

# Characters removed for matching: Arabic diacritics (harakat, shadda, sukun, dagger
# alef, Quranic marks), Latin/Cyrillic combining marks left after NFC, tatweel, zero-width (non-)joiners, bidi controls, soft hyphen, BOM.
_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u00ad", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060"]
    + ["\u200e", "\u200f", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
    # combining marks left after NFC: Russian stress marks ("Сири\u0301я"), stray accents
    + [chr(c) for c in range(0x0300, 0x0370)]
)
DELETED_CHARS = frozenset(_DELETE)

_FOLD = {
    # Arabic/Persian letter variants -> one form
    "ی": "ي",  # Persian yeh
    "ى": "ي",  # alef maksura
    "ئ": "ي",
    "ک": "ك",  # Persian kaf
    "ڪ": "ك",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ۂ": "ه",
    "ە": "ه",
    "ؤ": "و",
    "ۆ": "و",
    "ې": "ي",
    # Cyrillic
    "ё": "е",
    "Ё": "е",
    # Latin capital I with dot lower-cases to two characters: fold it first
    "İ": "i",
    # typographic variants
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
}


def _accent_folds() -> dict[str, str]:
    """Latin and Cyrillic letters with accents -> the bare letter ("í" -> "i", "ќ" -> "к"),
    so that a stress mark or accent typed into a name (which NFC may compose into a
    precomposed letter) does not hide it. Й/й stay: a letter of its own in Russian."""
    folds = {}
    for code in [*range(0x00C0, 0x0250), *range(0x0400, 0x0500), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        parts = unicodedata.decomposition(ch).split()
        if len(parts) < 2 or parts[0].startswith("<") or ch in "йЙ":
            continue
        if all(0x0300 <= int(p, 16) < 0x0370 for p in parts[1:]):
            folds[ch] = unicodedata.normalize("NFD", ch)[0]
    return folds


_FOLD = {**_accent_folds(), **_FOLD}
for _base in (0x0660, 0x06F0):  # Arabic-Indic and Persian (Eastern Arabic-Indic) digits
    for _i in range(10):
        _FOLD[chr(_base + _i)] = str(_i)

_TABLE = str.maketrans({**_FOLD, **{c: None for c in _DELETE}})
_DELETE_RE = re.compile("[" + "".join(re.escape(c) for c in _DELETE) + "]")
_DELETE_RUN_RE = re.compile(_DELETE_RE.pattern + "+")
_DIGITS_TABLE = str.maketrans({chr(b + i): str(i) for b in (0x0660, 0x06F0) for i in range(10)})


# str.translate looks every character up in a dict (slow for non-ASCII text): replace
# only the characters that occur, one str.replace each. Equivalent because no
# replacement contains a character that is itself replaced.
_REPLACEMENTS = {
    chr(k): "" if v is None else (v if isinstance(v, str) else chr(v)) for k, v in _TABLE.items()
}
assert not set("".join(_REPLACEMENTS.values())) & set(_REPLACEMENTS)
_REPLACED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACEMENTS)) + "]")


def _translate(text: str) -> str:
    """text.translate(_TABLE), faster."""
    found = set(_REPLACED_RE.findall(text))
    if len(found) > 40:
        return text.translate(_TABLE)
    for ch in found:
        text = text.replace(ch, _REPLACEMENTS[ch])
    return text


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits (same length)."""
    return text.translate(_DIGITS_TABLE)


def normalize(text: str) -> str:
    """The normalised form of a string (for lexicon entries and single words)."""
    return _translate(unicodedata.normalize("NFC", text)).lower()


# A line break inside a paragraph: between two visible characters (what NormText.joined
# replaces, line by line; tests/test_quick_tests.py holds the two to each other)
_SINGLE_BREAK_RE = re.compile(r"(?<=\S)\n(?=\S)")


@dataclass(frozen=True)
class NormText:
    """An original text and its normalised copy, with a character map between them."""

    original: str
    norm: str
    # offsets[i] is the index in `original` of norm[i]; None when nothing was deleted
    # (then the two texts align one to one).
    offsets: tuple[int, ...] | None = None

    @cached_property
    def joined(self) -> str:
        """`norm` with each single line break between two words a space (the same length
        and offsets): what names and terms are matched in, so that a hard-wrapped line
        does not cut "الانتخابات\\nالرئاسية" or "Saudi\\nArabia" in two."""
        if "\n" not in self.norm:
            return self.norm
        # (_SINGLE_BREAK_RE.sub(" ", norm), line by line: several times faster)
        parts = self.norm.split("\n")
        out = [parts[0]]
        for prev, part in pairwise(parts):
            inside = prev and part and not prev[-1].isspace() and not part[0].isspace()
            out.append(" " if inside else "\n")
            out.append(part)
        return "".join(out)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span [start, end) of `norm` to a span of `original`."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def norm_of(self, start: int, end: int) -> str:
        """normalize(original[start:end]), sliced from `norm` when that is the same
        string: the part is NFC already and has no capital sigma (whose lower case
        depends on the neighbouring letters). Folding and deleting work character by
        character."""
        raw = self.original[start:end]
        if "\u03a3" in raw or not unicodedata.is_normalized("NFC", raw):
            return normalize(raw)
        a, b = self.to_norm(start, end)
        return self.norm[a:b]

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `original` to the smallest covering span of `norm`."""
        if self.offsets is None:
            return start, end
        # the number of kept characters before each end of the span
        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)


def normalize_text(text: str) -> NormText:
    """Normalise a whole text for matching. `text` should already be NFC (ingest does it)."""
    norm = _translate(text).lower()
    if len(norm) == len(text):
        return NormText(text, norm, None)
    offsets: list[int] = []
    kept_from = 0
    for m in _DELETE_RUN_RE.finditer(text):
        offsets.extend(range(kept_from, m.start()))
        kept_from = m.end()
    offsets.extend(range(kept_from, len(text)))
    if len(offsets) != len(norm):  # pragma: no cover - lower() never changes length after folding
        raise AssertionError("normalisation changed length without deletions")
    return NormText(text, norm, tuple(offsets))


# --- scripts and language -------------------------------------------------------------

# Matched on normalised text (so Persian written with Arabic ي/ك is still Persian).
_PERSIAN_ONLY = set("پچژگ")
_PERSIAN_WORDS = "است|مي|اين|كه|را|از|هاي|براي|شد|كرد|گفت|ما|وي|نيز"
_ARABIC_WORDS = "في|من|علي|الي|التي|الذي|ان|عن|هذا|قال|وقال|مع|كان"
# A list word counts only as a whole word (a run of \w); no word is in both lists
_PERSIAN_WORD_SET = frozenset(_PERSIAN_WORDS.split("|"))
_ARABIC_WORD_SET = frozenset(_ARABIC_WORDS.split("|"))
# English function words in any case: the same matches as
# re.compile(r"\b(?:the|and|of|to|in|said|is|that|for|with)\b", re.I), whose case-insensitive
# letters are spelled out (with the other characters re.I equates with them: İ ı ſ) and led
# by a lookahead on the first letters, a third faster than re.I on a long text
_ENGLISH_WORDS = re.compile(
    r"(?=[AFIOSTWafiostwİıſ])\b(?:[Tt][Hh][Ee]|[Aa][Nn][Dd]|[Oo][Ff]|[Tt][Oo]|[Iiİı][Nn]|"
    r"[Ssſ][Aa][Iiİı][Dd]|[Iiİı][Ssſ]|[Tt][Hh][Aa][Tt]|[Ff][Oo][Rr]|[Ww][Iiİı][Tt][Hh])\b"
)


_SCRIPT_NAMES = ("none", "arabic", "cyrillic", "latin", "other")


def _script_of(o: int) -> int:
    """The index in _SCRIPT_NAMES of a letter's code point."""
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return 1
    if 0x0400 <= o <= 0x052F:
        return 2
    return 3 if o < 0x0250 else 4


@lru_cache(maxsize=1)
def _script_table():
    """A numpy lookup table: code point (Basic Multilingual Plane) -> index in
    _SCRIPT_NAMES (0 for a character that is no letter)."""
    import numpy as np  # lazy: keeps `import diplomap.normalize` cheap for the CLI

    table = np.zeros(0x10000, dtype=np.uint8)
    for o in range(0x10000):
        if chr(o).isalpha():
            table[o] = _script_of(o)
    return table


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: arabic, cyrillic, latin, other."""
    # numpy (lazy: its import, 0.065 s, only when a text's language is detected) counts
    # 15 times faster than a regular expression per script
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    astral = codes > 0xFFFF
    other = 0
    if astral.any():  # outside the BMP: no arabic/cyrillic/latin letters there
        other = sum(1 for o in codes[astral].tolist() if chr(o).isalpha())
        codes = codes[~astral]
    counts = np.bincount(_script_table()[codes], minlength=len(_SCRIPT_NAMES)).tolist()
    return {
        "arabic": counts[1],
        "cyrillic": counts[2],
        "latin": counts[3],
        "other": counts[4] + other,
    }


def _function_words_re() -> re.Pattern[str]:
    """The function words of both lists as whole words (runs of \\w), grouped by their first
    letter with the word-start test after it: a pattern that opens with a letter lets the
    engine skip to the next candidate in C (a third faster than listing every word)."""
    tails: dict[str, list[str]] = {}
    for word in sorted(_PERSIAN_WORD_SET | _ARABIC_WORD_SET, key=len, reverse=True):
        tails.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile(
        "|".join(rf"{re.escape(c)}(?<!\w.)(?:{'|'.join(t)})(?!\w)" for c, t in tails.items())
    )


_FUNCTION_WORDS_RE = _function_words_re()


def _count_fa_ar_words(folded: str) -> tuple[int, int]:
    """How many of the Persian and of the Arabic function words a normalised text holds."""
    counts = Counter(_FUNCTION_WORDS_RE.findall(folded))
    fa_words = sum(counts[word] for word in _PERSIAN_WORD_SET)
    ar_words = sum(counts[word] for word in _ARABIC_WORD_SET)
    return fa_words, ar_words


def _has_english_words(sample: str, wanted: int) -> bool:
    """Whether `sample` holds at least `wanted` English function words (stops counting
    there: an English text has them within its first lines)."""
    return len(list(islice(_ENGLISH_WORDS.finditer(sample), wanted))) == wanted


def detect_language(text: str, normalized: NormText | None = None) -> str:
    """Guess the language of an article: "ar", "fa", "ru", "en" or "other".
    `normalized` (optional): `normalize_text(text)`, to take the normalised sample from."""
    sample = text[:20000]
    counts = script_counts(sample)
    total = sum(counts.values())
    if total < 3:
        return "other"
    script = max(counts, key=counts.__getitem__)
    if counts[script] < 0.5 * total:
        return "other"
    if script == "arabic":
        folded = (
            normalize(sample)
            if normalized is None or normalized.original is not text
            else normalized.norm_of(0, len(sample))
        )
        persian_letters = sum(folded.count(ch) for ch in _PERSIAN_ONLY)
        fa_words, ar_words = _count_fa_ar_words(folded)
        if fa_words > ar_words or (
            fa_words == ar_words and persian_letters > 0.01 * counts[script]
        ):
            return "fa"
        return "ar"
    if script == "cyrillic":
        return "ru"
    if script == "latin":
        words = max(1, len(sample.split()))
        if words < 8 or _has_english_words(sample, max(1, words // 25)):
            return "en"
        return "other"
    return "other"
