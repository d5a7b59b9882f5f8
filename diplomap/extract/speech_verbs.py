"""Speech verbs and speech acts per language, read from `data/speech_verbs.csv`.

Each row is a phrase as the news writes it ("قال", "هشدار داد", "заявил", "called for"),
its kind (speech, or a speech act such as thanked/condemned) and which subjects it
agrees with (m: a man or anyone; f: only a woman or several people, so somebody else;
weak: an ordinary word too, trusted only next to his name). The phrases become one
compiled regular expression per language with named groups:

    m (speech)  a (speech act)  f (somebody else)  w / wa (weak speech / weak act)

and, for Russian, a group `rf` for the feminine/plural endings added to every verb.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplomap.config import PACKAGE_DATA_DIR
from diplomap.extract.common import _phrase, expand_braces
from diplomap.extract.fastre import lead

__all__ = ["VerbRow", "load_speech_verbs", "verb_regexes", "verb_traits"]

VERBS_PATH = PACKAGE_DATA_DIR / "speech_verbs.csv"
LANGS = ("ar", "fa", "ru", "en")
KINDS = ("speech", "act")
SUBJECTS = ("m", "f", "weak")

# Words that may stand before an Arabic verb: "وقال", "كما أكد", "حسبما قال"
# and "ل" before a present tense: "عاد ليؤكد", "ليذكر"
_AR_PREFIX = r"(?:[وف]?ل(?=ي)|[وف]|كما\s+|فيما\s+|بينما\s+|قد\s+|اذ\s+|حسبما\s+)?"
_RU_SUFFIX = r"(?P<rf>а|и)?"
_GAP_RE = re.compile(r"\s*\.\.\.(\d*)\s*")


@dataclass(frozen=True)
class VerbRow:
    lang: str
    phrase: str
    kind: str  # "speech" | "act"
    subject: str  # "m" | "f" | "weak"


class SpeechVerbsError(ValueError):
    """The speech-verb file has a bad row (the message names the line)."""


def _check(row: dict[str, str], path: Path, number: int) -> VerbRow:
    lang, phrase = (row.get("lang") or "").strip(), (row.get("phrase") or "").strip()
    kind, subject = (row.get("kind") or "").strip(), (row.get("subject") or "").strip()
    where = f"{path.name}, line {number}"
    if lang not in LANGS:
        raise SpeechVerbsError(f"{where}: unknown language {lang!r}")
    if not phrase:
        raise SpeechVerbsError(f"{where}: empty phrase")
    if kind not in KINDS:
        raise SpeechVerbsError(f"{where}: unknown kind {kind!r} (speech or act)")
    if subject not in SUBJECTS:
        raise SpeechVerbsError(f"{where}: unknown subject {subject!r} (m, f or weak)")
    if phrase.startswith("re:"):
        try:
            re.compile(phrase[3:])
        except re.error as exc:
            raise SpeechVerbsError(f"{where}: bad regular expression: {exc}") from None
    return VerbRow(lang, phrase, kind, subject)


def load_speech_verbs(path: Path = VERBS_PATH) -> list[VerbRow]:
    """The rows of the speech-verb file, checked."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    numbered = [(n, line) for n, line in numbered if not line.lstrip().startswith("#")]
    if not numbered:
        return []
    reader = csv.DictReader([line for _, line in numbered])
    return [_check(row, path, n) for (n, _), row in zip(numbered[1:], reader, strict=True)]


def phrase_regex(phrase: str) -> str:
    """A phrase of the file as a regular expression on normalised text."""
    if phrase.startswith("re:"):
        return phrase[3:]
    out = []
    for variant in expand_braces(phrase):
        chunks = _GAP_RE.split(variant.replace("\u200c", "_"))
        pieces = [_phrase(chunks[0].strip())]
        for limit, chunk in zip(chunks[1::2], chunks[2::2], strict=True):
            pieces.append(rf"\s+(?:\S+\s+){{1,{int(limit or 10)}}}?" + _phrase(chunk.strip()))
        out.append("".join(pieces))
    return "|".join(sorted(set(out), key=len, reverse=True))


def _group(rows: list[VerbRow]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {"f": [], "w": [], "wa": [], "a": [], "m": []}
    for row in rows:
        if row.subject == "f":
            key = "f"
        elif row.subject == "weak":
            key = "wa" if row.kind == "act" else "w"
        else:
            key = "a" if row.kind == "act" else "m"
        regex = phrase_regex(row.phrase)
        if row.lang == "fa":
            # the formal light verb: "ابراز نگرانی نمود", "اعلام نموده است" for کرد
            regex = _FA_KARD_RE.sub(r"(?:كرد|نمود)", regex)
        groups[key].append(regex)
    return groups


# "كرد" (did) as a word of a Persian phrase's regex (not inside another word)
_FA_KARD_RE = re.compile(r"(?<![\u0600-\u06FF])كرد")


_PLAIN_FIRST = re.compile(r"[^\\()\[\].*+?{}|^$]")
_QUANTIFIERS = frozenset("?*+{")  # (a first character they repeat stays with its branch)


def _top_level_branches(regex: str) -> list[str]:
    """The branches of a regex's top-level alternation (not those inside groups)."""
    out, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(regex):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(regex[start:i])
            start = i + 1
    out.append(regex[start:])
    return out


def _factored(alternatives: list[str]) -> str:
    """One alternation with the branches grouped by their first character, so that the
    engine tries one group per position instead of every branch (same matches: the
    branches keep their order, longest first, within each group)."""
    buckets: dict[str, list[str]] = {}
    rest: list[str] = []
    branches = {b for alternative in alternatives for b in _top_level_branches(alternative)}
    for alt in sorted(branches, key=len, reverse=True):
        if alt and _PLAIN_FIRST.match(alt) and alt[1:2] not in _QUANTIFIERS:
            buckets.setdefault(alt[0], []).append(alt[1:])
        else:
            rest.append(alt)
    parts = [f"{re.escape(c)}(?:{'|'.join(tails)})" for c, tails in buckets.items()]
    return "|".join(parts + rest)


def _language_regex(lang: str, rows: list[VerbRow]) -> re.Pattern[str]:
    groups = _group([r for r in rows if r.lang == lang])
    alts = [f"(?P<{k}>{_factored(v)})" for k, v in groups.items() if v]
    prefix = _AR_PREFIX if lang == "ar" else ""
    suffix = _RU_SUFFIX if lang == "ru" else ""
    return lead(rf"(?<!\w){prefix}(?:{'|'.join(alts)}){suffix}(?!\w)")


@lru_cache(maxsize=1)
def verb_regexes() -> dict[str, re.Pattern[str]]:
    """One compiled pattern of speech verbs per language (from data/speech_verbs.csv)."""
    rows = load_speech_verbs()
    return {lang: _language_regex(lang, rows) for lang in LANGS}


def verb_traits(m: re.Match[str]) -> tuple[bool, bool, bool]:
    """(somebody else, weak, speech act) for a match of `verb_regexes()`."""
    key = m.lastgroup  # the verb's own group, or "rf" when a Russian -а/-и follows it
    if key == "rf":
        return (
            True,
            *verb_traits_of(next(k for k, v in m.groupdict().items() if v and k != "rf"))[1:],
        )
    return verb_traits_of(key)


def verb_traits_of(key: str | None) -> tuple[bool, bool, bool]:
    """(somebody else, weak, speech act) of a verb group's name."""
    return _TRAITS.get(key or "", (False, False, False))


_TRAITS = {
    "f": (True, False, False),
    "w": (False, True, False),
    "wa": (False, True, True),
    "a": (False, False, True),
    "m": (False, False, False),
}
