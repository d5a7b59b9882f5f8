"""The quick tests that stand in for regular expressions in the hot path give the same
answers as the patterns they stand for (the speed work of issues 9 and 14)."""

from __future__ import annotations

import itertools
import re

import pytest

from diplomap.extract import common, dates, lexicon, sentences
from diplomap.normalize import _SINGLE_BREAK_RE, NormText

TEXTS = {
    "ar": 'موسكو (سانا)\n\nقال لافروف إن روسيا تدعم «الحل السياسي».\r\nوأضاف: "لا بديل".\n\n',
    "fa": "تهران – ایرنا\u2028لاوروف گفت: «ایران شریک ماست».\n\n\nوی افزود که گفت‌وگو ادامه دارد.",
    "ru": "МОСКВА, 13 февраля. /ТАСС/.\nЛавров заявил: „Мы готовы“.\r\r\nОн добавил...",
    "en": '  MOSCOW (Reuters) -\n\nLavrov said "no" to it.\n \nHe added: “Talks go on.”',
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("variant", ["as is", "no carriage returns", "no separators"])
def test_line_runs_are_the_line_pattern_matches(lang: str, variant: str) -> None:
    text = TEXTS[lang]
    if variant != "as is":
        text = text.replace("\r", "")
    if variant == "no separators":
        text = text.replace("\u2028", "\n")
    assert common.line_runs(text) == [m.span() for m in common._LINE_RE.finditer(text)]
    lines = [
        (
            m.start() + len(m.group()) - len(m.group().lstrip()),
            m.end() - len(m.group()) + len(m.group().rstrip()),
        )
        for m in dates._LINE_RE.finditer(text)
    ]
    assert dates._lines(text, 0, len(text)) == [(s, e) for s, e in lines if e > s]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_quotation_regions_without_marks_are_none(lang: str) -> None:
    text = TEXTS[lang]
    bare = re.sub(r"[«»“”„\"]", "", text)
    for open_at_start in (False, True):
        assert sentences._quote_regions(bare, open_at_start) == ([], False)
    assert sentences._quote_regions(text)[0]  # with marks: the scan finds quotations


def test_arabic_prefixes_are_what_the_prefix_pattern_matches() -> None:
    letters = "وفبكالين"
    matched = {
        "".join(chars)
        for n in range(lexicon._MAX_PREFIX + 1)
        for chars in itertools.product(letters, repeat=n)
        if lexicon._PREFIX_RE.fullmatch("".join(chars))
    }
    assert matched == set(lexicon._PREFIXES)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_joined_text_is_the_single_break_pattern(lang):
    for text in (TEXTS[lang], TEXTS[lang].replace("\r", ""), "\n" + TEXTS[lang] + "\n \n"):
        norm = text.lower()
        assert NormText(text, norm).joined == _SINGLE_BREAK_RE.sub(" ", norm)
