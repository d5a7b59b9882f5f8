"""Names as shown: file names, zip member names, titles and reasons that reach a message,
a table or an export never carry a control character.

`escape_controls` writes each C0/C1 control (newline, carriage return, ESC ...), DEL,
the line and paragraph separators and the bidi controls (overrides, embeddings,
isolates, marks) as a visible escape (`\\n`, `\\x1b`, `\\u202e`), so that a name can
never start a new report line, move the terminal's cursor or reorder the text around
it. Everything else is kept as it is (letters of any script, spaces, backslashes).
"""

from __future__ import annotations

import re

__all__ = ["escape_controls", "has_controls"]

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROLS_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(name: object) -> str:
    """`name` as text with every control and bidi character written as an escape."""
    text = name if isinstance(name, str) else str(name)
    return _CONTROLS_RE.sub(_escape, text)


def has_controls(text: str) -> bool:
    """Whether `text` holds a character that `escape_controls` would escape."""
    return _CONTROLS_RE.search(text) is not None
