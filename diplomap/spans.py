"""Spans of text: choosing non-overlapping ones (shared by the lexicon's matching and the
article view's marks)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def leftmost_longest(items: Iterable[T], key: Callable[[T], Any] | None = None) -> list[T]:
    """The items (anything with `start` and `end`) that do not overlap, the leftmost and
    then the longest first; `key` orders the candidates instead (ties broken as wanted)."""
    order = key or (lambda s: (s.start, -(s.end - s.start)))
    out: list[T] = []
    last_end = -1
    for item in sorted(items, key=order):
        if item.start >= last_end:  # type: ignore[attr-defined]
            out.append(item)
            last_end = item.end  # type: ignore[attr-defined]
    return out
