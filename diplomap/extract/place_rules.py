"""Context rules for place names that are also other words (`data/place_rules.csv`).

A place name is sometimes not a place: a weekday (Persian دوشنبه "Monday" is also
Dushanbe), a common noun (Arabic صور "pictures" is also Tyre), a US state (Atlanta,
Georgia), a first name (Jordan Peterson), part of a unit's name (فيلق القدس, the Quds
Force), or another place of the same name (طرابلس is Tripoli in Libya unless Lebanon is
named next to it). Each rule is one row of the data file:

    place,lang,action,target,term,left,right,surface,text,note

- `place`: the gazetteer's canonical name the rule applies to ("Dushanbe", "Tyre").
- `lang`: the article languages it applies to (`ar fa`), or `*` for all.
- `action`:
  - `drop`: not a place when the context matches;
  - `keep`: a place only when the context of one of its keep rows matches;
  - `switch`: the place named in `target` when the context matches;
  - `person`: a personal name when written next to a capitalised word that is not a
    place ("Israel Katz", "Jordan Henderson"), decided by `places.py`.
- `term`: optional, only hits of this spelling (Arabic clitics and suffixes allowed);
  `=` before it: only the word exactly so written, with no clitic or suffix (`=تركي`,
  not التركي nor وتركيا).
- `left`, `right`: regular expressions searched in the normalised text (lower case,
  Arabic/Persian letters folded as everywhere else: write الأردنية or الاردنيه, both
  work) of the WINDOW characters before and after the word; anchor them with `$` and
  `^` to mean "right before/after". Use lower-case escapes only (\\s \\w \\b).
- `surface`: a regular expression searched in the word as written in the original
  text (not normalised), e.g. a shadda in عمّان;
- `text`: a regular expression searched in the whole normalised text (an article about
  Jordan that never names the Sultanate means Amman by عمان); `(?s)` lets `.` cross lines.

A rule fires when any of its non-empty `left`, `right`, `surface`, `text` matches; a
rule with none of them always fires. Rules are compiled once, when the gazetteer is loaded; a
place without rules costs one dictionary look-up per mention.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from diplomap.config import PACKAGE_DATA_DIR
from diplomap.normalize import normalize

RULES_PATH = PACKAGE_DATA_DIR / "place_rules.csv"
RULE_COLUMNS = ("place", "lang", "action", "target", "term", "left", "right", "surface", "text")
ACTIONS = ("drop", "keep", "switch", "person")
LANGS = frozenset({"ar", "fa", "ru", "en"})
WINDOW = 60


@dataclass(frozen=True, slots=True)
class PlaceRule:
    action: str
    target: str
    langs: frozenset[str]  # empty: every language
    terms: frozenset[str]  # normalised spellings; empty: every spelling
    left: re.Pattern | None
    right: re.Pattern | None
    surface: re.Pattern | None
    text: re.Pattern | None = None
    exact: bool = False  # the term only as written, with no clitic or suffix

    def applies(self, lang: str, term: str) -> bool:
        return (not self.langs or lang in self.langs) and (not self.terms or term in self.terms)

    def fires(self, norm: str, start: int, end: int, surface: str) -> bool:
        if self.left is None and self.right is None and self.surface is None and self.text is None:
            return True
        return bool(
            (self.left is not None and self.left.search(norm[max(0, start - WINDOW) : start]))
            or (self.right is not None and self.right.search(norm[end : end + WINDOW]))
            or (self.surface is not None and self.surface.search(surface))
            or (self.text is not None and self.text.search(norm))
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the rules decided: keep as is, drop, switch to `target`, or check a person."""

    action: str  # "" (keep) | "drop" | "switch" | "person"
    target: str = ""


KEEP = Verdict("")
DROP = Verdict("drop")
UNKEPT = Verdict("unkept")  # keep rules, none of which fired: a place only in a list of them


def decide(
    rules: tuple[PlaceRule, ...],
    lang: str,
    term: str,
    norm: str,
    span: tuple[int, int],
    surface: str,
) -> Verdict:
    """The first drop/switch/person rule that fires wins; with keep rules, one must fire
    (else UNKEPT: the place only as an item of a list of places, see places.py)."""
    start, end = span
    keep_rules = False
    for rule in rules:
        if not rule.applies(lang, term) or (rule.exact and normalize(surface) not in rule.terms):
            continue
        if rule.action == "keep":
            if rule.fires(norm, start, end, surface):
                return KEEP
            keep_rules = True
        elif rule.fires(norm, start, end, surface):
            return Verdict(rule.action, rule.target)
    return UNKEPT if keep_rules else KEEP


def load_rules(path: Path = RULES_PATH) -> dict[str, tuple[PlaceRule, ...]]:
    """place -> its rules in file order; a bad row raises ValueError with its line."""
    if not path.exists():
        return {}
    out: dict[str, list[PlaceRule]] = {}
    for lineno, row in _rows(path):
        try:
            out.setdefault(row["place"], []).append(_rule(row))
        except (ValueError, re.error) as exc:
            raise ValueError(f"{path.name} line {lineno}: {exc}") from None
    return {place: tuple(rules) for place, rules in out.items()}


def _rows(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(i, s) for i, s in enumerate(lines, 1) if s.strip() and not s.lstrip().startswith("#")]
    reader = csv.reader([s for _, s in body])
    header = [h.strip() for h in next(reader, [])]
    if tuple(header[: len(RULE_COLUMNS)]) != RULE_COLUMNS:
        raise ValueError(f"{path.name}: the header must start with {','.join(RULE_COLUMNS)}")
    for (lineno, _), fields in zip(body[1:], reader, strict=True):
        row = dict(zip(header, (f.strip() for f in fields), strict=False))
        yield lineno, {col: row.get(col, "") for col in RULE_COLUMNS}


def _rule(row: dict[str, str]) -> PlaceRule:
    if not row["place"]:
        raise ValueError("empty place")
    if row["action"] not in ACTIONS:
        raise ValueError(f"unknown action {row['action']!r}")
    if row["action"] == "switch" and not row["target"]:
        raise ValueError("a switch needs a target place")
    langs = frozenset(row["lang"].split()) - {"*"}
    if langs - LANGS:
        raise ValueError(f"unknown lang {row['lang']!r}")
    return PlaceRule(
        row["action"],
        row["target"],
        langs,
        _term_keys(row["term"]),
        _pattern(row["left"]),
        _pattern(row["right"]),
        re.compile(row["surface"]) if row["surface"] else None,
        _pattern(row["text"]),
        row["term"].startswith("="),
    )


def _term_keys(term: str) -> frozenset[str]:
    """A spelling as the lexicon reports it: normalised, and without ال (للقدس)."""
    if not term:
        return frozenset()
    key = " ".join(normalize(term.removeprefix("=")).split())
    keys = {key}
    if key.startswith("ال") and len(key) > 4:
        keys.add(key[2:])
    return frozenset(keys)


def _pattern(text: str) -> re.Pattern | None:
    return re.compile(normalize(text)) if text else None
