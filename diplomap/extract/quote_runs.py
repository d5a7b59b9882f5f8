"""Quotations that run across paragraphs.

News splits a long quotation into paragraphs: the marks open in one paragraph and close in
a later one, where the reporting clause often stands ('"Washington must understand ...
/ "We will seek ...," Lavrov said.', «... / ...», — подчеркнул министр., «... / ...»، قال
لافروف). English (and often Russian) opens every continued paragraph with a quotation
mark again and closes only the last; Arabic, Persian and Russian may also write the middle
paragraphs without marks. A run is found from the marks alone; who speaks in it is for the
attribution to decide (speakers.py): the speaker named where it opens or where it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from diplomap.extract.sentences import Sentence, quote_scan
from diplomap.extract.speech_events import _speech_event
from diplomap.normalize import normalize

_MAX_PARAGRAPHS = 6  # a run longer than this is a mark left open by mistake
_MAX_CHARS = 4000
_OPENERS = '«“„"'


class QuoteRun(NamedTuple):
    """A quotation opened in one paragraph and closed in a later one: the sentences that
    hold its opening and its closing mark (indices into the sentences)."""

    first: int
    last: int
    open_at: int  # the opening mark's position in the text
    close_at: int  # the closing mark's


def quotation_runs(text: str, sentences: Sequence[Sentence], lang: str) -> list[QuoteRun]:
    """The quotations of `text` that open in one paragraph and close in a later one."""
    paragraphs = _paragraph_spans(sentences)
    runs: list[QuoteRun] = []
    k = 0
    while k < len(paragraphs):
        start, end, first, _ = paragraphs[k]
        _, open_pos = quote_scan(text[start:end])
        run = None if open_pos < 0 else _run_from(text, paragraphs, k, start + open_pos, lang)
        if run is None:
            k += 1
            continue
        close_pos, k_close = run
        last = _sentence_at(sentences, paragraphs[k_close][2], close_pos)
        runs.append(
            QuoteRun(
                _sentence_at(sentences, first, start + open_pos), last, start + open_pos, close_pos
            )
        )
        k = k_close  # (its closing paragraph may open the next run)
        if k == len(paragraphs) - 1 or not _opens_after(text, paragraphs[k], close_pos):
            k += 1
    return runs


def _paragraph_spans(sentences: Sequence[Sentence]) -> list[tuple[int, int, int, int]]:
    """(start, end, first sentence, paragraph index) of each paragraph of the sentences."""
    out: list[tuple[int, int, int, int]] = []
    for i, s in enumerate(sentences):
        if out and out[-1][3] == s.paragraph:
            out[-1] = (out[-1][0], s.end, out[-1][2], s.paragraph)
        else:
            out.append((s.start, s.end, i, s.paragraph))
    return out


def _run_from(
    text: str, paragraphs: list[tuple[int, int, int, int]], k: int, open_at: int, lang: str
) -> tuple[int, int] | None:
    """(closing mark's position, its paragraph) of the quotation opened at `open_at` in
    paragraph k and left open at its end; None when no later paragraph closes it as a
    run does (each continued paragraph wholly inside it)."""
    for j in range(k + 1, min(len(paragraphs), k + 1 + _MAX_PARAGRAPHS)):
        start, end, _, index = paragraphs[j]
        if index != paragraphs[j - 1][3] + 1 or end - open_at > _MAX_CHARS:
            return None  # a paragraph left out between (boilerplate) or too long
        para = text[start:end]
        lead = len(para) - len(para.lstrip())
        if para[lead : lead + 1] in _OPENERS and not para[lead + 1 : lead + 2].isspace():
            # opened again ('"We will seek ...," Lavrov said.'): closed here or still open
            regions, still = quote_scan(para)
            if regions and regions[0][0] == lead:
                return start + regions[0][1] - 1, j
            if regions or still != lead:
                return None
            continue
        regions, still = quote_scan(para, open_at_start=True)
        if regions and regions[0][0] == 0:
            return start + regions[0][1] - 1, j  # "... ضد إيران"، قال لافروف.
        if lang == "en" or regions or still >= 0 or any(c in para for c in '«»“”„"'):
            return None  # English reopens each paragraph of a run; other marks: no run
    return None


def _sentence_at(sentences: Sequence[Sentence], lo: int, pos: int) -> int:
    """The index of the sentence (from `lo` on) that holds `pos`."""
    i = lo
    while i + 1 < len(sentences) and sentences[i + 1].start <= pos:
        i += 1
    return i


def _opens_after(text: str, paragraph: tuple[int, int, int, int], close_pos: int) -> bool:
    """Does the paragraph that closes a run open another quotation after it, left open?"""
    _, open_pos = quote_scan(text[close_pos + 1 : paragraph[1]])
    return open_pos >= 0


_OTHERS = ("other", "other_minister")


def sentences_of_his_runs(
    runs: list[QuoteRun],
    sentences: Sequence[Sentence],
    his: Sequence[bool],
    names_another: Callable[[int, int], bool],
    skip: set[int],
) -> list[int]:
    """The sentences of the runs that are his and not credited yet: a run is his where
    the sentence that opens it or the one that closes it is (his reporting clause before
    or after the marks), unless the clause at its other end names somebody else speaking.
    `his[i]`: sentence i is credited to him; `names_another(start, end)`: does that span
    of the text name another speaker (a speech verb whose subject is somebody else);
    `skip`: sentences never to credit (headings, transcript turns)."""
    out: list[int] = []
    for first, last, open_at, close_at in runs:
        if any(i in skip for i in range(first, last + 1)):
            continue
        opening = (sentences[first].start, open_at)
        closing = (close_at + 1, sentences[last].end)
        if (his[first] and not names_another(*closing)) or (
            his[last] and not names_another(*opening)
        ):
            out.extend(i for i in range(first, last + 1) if not his[i])
    return out


def names_another_speaker(text: str, lang: str) -> Callable[[int, int], bool]:
    """A test: does text[start:end] name somebody else speaking (a reporting clause
    whose subject is not he)?"""

    def test(start: int, end: int) -> bool:
        event = _speech_event(normalize(text[start:end]), lang, [])
        return event is not None and event.subject in _OTHERS

    return test


def his_run_sentences(
    text: str, sentences: Sequence[Sentence], lang: str, his: Sequence[bool], skip: set[int]
) -> list[int]:
    """The sentences of the runs of `text` that are his and not credited yet (see
    `sentences_of_his_runs`)."""
    runs = quotation_runs(text, sentences, lang)
    return sentences_of_his_runs(runs, sentences, his, names_another_speaker(text, lang), skip)
