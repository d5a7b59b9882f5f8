"""One-pass matching of many terms (place names, issue phrases) in a normalised text.

A `Lexicon` holds normalised terms with a payload each, compiled into one Aho-Corasick
automaton, so a whole article is scanned once whatever the number of terms. A hit
counts only at word boundaries, where a word may carry:

- Arabic-script clitic prefixes: و ف (conjunctions), ب ل ك (prepositions) and the
  article ال in their combinations (وسوريا, بالعراق, لإيران, وللعراق);
- a term ending in `*` (Latin/Cyrillic stems such as "палестин*", "negotiat*") matches
  any continuation of the word; a term's first word must still start a word;
- for terms of `min_suffix_len` letters or more, the Arabic-script suffixes in
  `ARABIC_SUFFIXES` (nisba and plural endings, Persian plural and ezafe: سوري/سورية are
  not, but الفلسطينيين, روسیه‌ای, اسرائیلی are); Latin/Cyrillic terms take no suffix
  (inflected forms are listed as terms of their own).

A word merely containing a term (اسرائیلیات? no: غزال is not غزة) does not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick_rs

from diplomap.normalize import NormText, normalize
from diplomap.spans import leftmost_longest

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
# Prefix string allowed between a word boundary and a term written in Arabic script.
_PREFIX_RE = re.compile(r"(?:[وف]?(?:[بك]?ال|لل|[بلك])?)")
# Every string _PREFIX_RE matches whole (a set lookup, not a match, in the hot path)
_PREFIXES = frozenset(
    conj + rest for conj in ("", "و", "ف") for rest in ("", "ال", "بال", "كال", "لل", "ب", "ل", "ك")
)
ARABIC_SUFFIXES = (
    "ي",
    "يه",
    "يان",
    "يون",
    "يين",
    "ين",
    "ها",
    "هاي",
    "هايي",
    "اي",
    "ان",
    "يها",
    "يهاي",
    # Persian possessives: "همکاران آمریکایی‌مان" (our American colleagues)
    "مان",
    "شان",
    "تان",
    # ... after the adjective's ezafe: "دوستان ایرانی و ترکیه‌ای‌مان" (our Turkish friends)
    "ايمان",
    "ايشان",
    "ايتان",
)
_MAX_PREFIX = 4
_WORD_RUN_RE = re.compile(r"\w*")  # word characters: str.isalnum() or "_"


class Hit(NamedTuple):
    """A lexicon hit: span in the normalised text of the whole word, and of the term."""

    start: int  # word start (including clitic prefix)
    end: int  # word end (including suffix)
    term_start: int
    term_end: int
    term: str
    payload: Any


class Lexicon:
    """Normalised terms -> payloads, matched in one pass with word-boundary rules."""

    def __init__(
        self,
        entries: Iterable[tuple[str, Any]] = (),
        *,
        min_suffix_len: int = 4,
        suffixes: tuple[str, ...] = ARABIC_SUFFIXES,
    ) -> None:
        self._terms: dict[str, Any] = {}
        self._automaton: _Compiled | None = None
        self.min_suffix_len = min_suffix_len
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
        for term, payload in entries:
            self.add(term, payload)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, term: str) -> bool:
        return normalize(term).strip() in self._terms

    def add(self, term: str, payload: Any, *, replace: bool = False) -> None:
        """Add a term (normalised here). The first payload of a term wins unless `replace`."""
        key = " ".join(normalize(term).split())
        open_end = key.endswith("*")
        key = key.rstrip("*").rstrip()
        if len(key) < 2:
            return
        existing = self._terms.get(key)
        if replace or existing is None or existing.after_lil:
            self._terms[key] = _Entry(payload, open_end=open_end)
            self._automaton = None
        # An Arabic term with the article also matches after ل+ال contracted (للعراق).
        if key.startswith("ال") and len(key) > 4 and _ARABIC_LETTER.match(key):
            bare = key[2:]
            if bare not in self._terms:
                self._terms[bare] = _Entry(payload, open_end=open_end, after_lil=True)
                self._automaton = None

    def __getstate__(self) -> dict:
        """How a lexicon is pickled (the disk caches of the gazetteer and the taxonomy):
        equal entries once and the automaton compiled over them, so that loading one
        makes few objects and compiles nothing."""
        twin = object.__new__(Lexicon)
        twin.__dict__.update(self.__dict__)
        shared: dict[_Entry, _Entry] = {}
        try:
            twin._terms = {k: shared.setdefault(e, e) for k, e in self._terms.items()}
        except TypeError:  # an unhashable payload: its entries as they are
            pass
        twin._automaton = None
        twin._compiled()
        return twin.__dict__

    def remove(self, term: str) -> None:
        self._terms.pop(" ".join(normalize(term).split()).rstrip("*").rstrip(), None)
        self._automaton = None

    def payload(self, term: str) -> Any:
        entry = self._terms.get(" ".join(normalize(term).split()).rstrip("*").rstrip())
        return None if entry is None else entry.payload

    def _compiled(self) -> _Compiled:
        if self._automaton is None:
            self._automaton = _Compiled(self._terms)
        return self._automaton

    def find(self, text: str | NormText, accept: Callable[[Hit], bool] | None = None) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits in a normalised text; with `accept`,
        among the hits it accepts (a longer hit it refuses leaves room for shorter ones)."""
        norm = text.joined if isinstance(text, NormText) else text
        compiled = self._compiled()
        if compiled.matcher is None:
            return []
        found = compiled.matcher.find_matches_as_indexes(norm, overlapping=True)
        return self._hits(norm, compiled, found, accept)

    def _hits(
        self,
        norm: str,
        tables: Any,
        occurrences: Iterable[tuple[int, int, int]],
        accept: Callable[[Hit], bool] | None = None,
    ) -> list[Hit]:
        """The leftmost-longest hits among an automaton's overlapping occurrences
        (pattern index, start, end) of the terms `tables.keys` (with their `entries` and
        `arabic` flags by index): whole words, or Arabic words with clitics and suffixes.
        (benchmarks/matching.py feeds it other engines' occurrences.)"""
        candidates: list[Hit] = []
        check = self._check
        keys, entries, arabic = tables.keys, tables.entries, tables.arabic
        n = len(norm)
        for idx, start, end in occurrences:
            entry = entries[idx]
            # open on the left and right: at the text's ends or beside a non-word
            # character (a word character is str.isalnum() or "_", tested inline: the hot path)
            left = start == 0 or not ((c := norm[start - 1]).isalnum() or c == "_")
            if left and (end == n or not ((c := norm[end]).isalnum() or c == "_")):
                # the common case, a whole word: no clitic, no suffix
                if not entry.after_lil:
                    candidates.append(Hit(start, end, start, end, keys[idx], entry.payload))
                continue
            if not arabic[idx] and not (left and entry.open_end):
                continue  # inside a word: only Arabic script has clitics and suffixes
            hit = check(norm, start, end, keys[idx], entry, arabic[idx])
            if hit is not None:
                candidates.append(hit)
        if accept is not None:
            candidates = [hit for hit in candidates if accept(hit)]
        return _leftmost_longest(candidates)

    def _check(
        self, norm: str, start: int, end: int, key: str, entry: _Entry, arabic: bool | None = None
    ) -> Hit | None:
        if arabic is None:
            arabic = bool(_ARABIC_LETTER.match(key))
        # left boundary (with Arabic clitics); word characters tested inline (the hot path)
        word_start = start
        if start > 0 and ((c := norm[start - 1]).isalnum() or c == "_"):
            if not arabic:
                return None
            j = start - 1  # norm[j] is a word character
            while j > 0 and start - j < _MAX_PREFIX and ((c := norm[j - 1]).isalnum() or c == "_"):
                j -= 1
            if j > 0 and ((c := norm[j - 1]).isalnum() or c == "_"):
                return None
            prefix = norm[j:start]
            if prefix not in _PREFIXES:
                return None
            word_start = j
        else:
            prefix = ""
        if entry.after_lil and not (prefix.endswith("لل") or prefix.endswith("ال")):
            return None
        # right boundary (with Arabic-script suffixes)
        word_end = end
        if end < len(norm) and ((c := norm[end]).isalnum() or c == "_"):
            if not (entry.open_end or (arabic and len(key) >= self.min_suffix_len)):
                return None
            k = _WORD_RUN_RE.match(norm, end).end()
            if entry.open_end:
                return Hit(word_start, k, start, end, key, entry.payload)
            if norm[end:k] not in self.suffixes:
                return None
            word_end = k
        return Hit(word_start, word_end, start, end, key, entry.payload)


class _Compiled:
    """The terms compiled into one Aho-Corasick automaton, with each term's entry and
    script by the automaton's pattern index. ahocorasick_rs scans in Rust and reports
    every overlapping occurrence with its start and end in characters (faster end to end
    than pyahocorasick: benchmarks/matching.py)."""

    def __init__(self, terms: dict[str, _Entry]) -> None:
        self.keys = list(terms)
        self.entries = [terms[k] for k in self.keys]
        self.arabic = [bool(_ARABIC_LETTER.match(k)) for k in self.keys]
        self._build()

    def _build(self) -> None:
        self.matcher = ahocorasick_rs.AhoCorasick(self.keys) if self.keys else None

    def __getstate__(self) -> tuple:  # the automaton does not pickle: built again on load
        return (self.keys, self.entries, self.arabic)

    def __setstate__(self, state: tuple) -> None:
        self.keys, self.entries, self.arabic = state
        self._build()


@dataclass(frozen=True, slots=True)
class _Entry:
    payload: Any
    open_end: bool = False
    after_lil: bool = False

    def __reduce__(self) -> tuple:  # pickled as its fields: the caches load 4x faster
        return (_Entry, (self.payload, self.open_end, self.after_lil))


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    # (start, -length, a suffix, -term length), by index: Hit is (start, end, term_start,
    # term_end, ...). Of two readings of one word, the one without an Arabic-script suffix
    # wins: a suffix makes another word (القطري is قطري with the article, not القطر + ي),
    # a clitic prefix does not.
    return leftmost_longest(hits, key=lambda h: (h[0], h[0] - h[1], h[3] < h[1], h[2] - h[3]))
