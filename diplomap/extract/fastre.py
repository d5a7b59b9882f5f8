"""Faster word patterns: lead a regex with a lookahead on the characters a match can
start with.

Python's regex engine tries a pattern such as `(?<!\\w)(?:minister|envoy|...)` at every
position of the text. A leading lookahead `(?=[me...])` on the characters any match
must start with lets it reject the other positions with one test: the same matches,
found a few times faster on long alternations. The start set is read off the parsed
pattern; when it cannot be told (a pattern that may start with any character or match
the empty string), the pattern is compiled as it is.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_MAX_RANGE = 512  # a character class range wider than this: no start set


class _Unknown(Exception):
    pass


def start_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` starts with, or None when unknown."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _P.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:  # an inline (?i)
            return None
        chars, nullable = _first_of_seq(list(parsed))
    except (_Unknown, re.error, RecursionError):
        return None
    return None if nullable or not chars else frozenset(chars)


def lead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled, led by a lookahead on its start characters when known."""
    chars = start_chars(pattern, flags)
    if chars is None:
        return re.compile(pattern, flags)
    cls = "".join(_escape_in_class(c) for c in sorted(chars))
    return re.compile(f"(?=[{cls}])(?:{pattern})", flags)


def _escape_in_class(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def _first_of_seq(items: list) -> tuple[set[str], bool]:
    """(start characters, can the sequence match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op, av) -> tuple[set[str], bool]:
    if op is _C.LITERAL:
        return {chr(av)}, False
    if op is _C.IN:
        return _class_chars(av), False
    if op is _C.SUBPATTERN:
        return _first_of_seq(list(av[-1]))
    if op is _C.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _first_of_seq(list(branch))
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        low, _high, item = av
        chars, empty = _first_of_seq(list(item))
        return chars, empty or low == 0
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return set(), True  # zero-width: the next item starts the match
    raise _Unknown(op)


def _class_chars(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            out.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \s), a wide range
            raise _Unknown(op)
    return out
