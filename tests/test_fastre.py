"""diplomap.extract.fastre: a lookahead on a pattern's start characters never changes
what it matches."""

import re

import pytest

from diplomap.extract import fastre, speakers, speech_events, speech_verbs, subjects
from diplomap.normalize import normalize


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<!\w)(?:he|she)(?!\w)", set("hs")),
        (r"(?<!\w)(?:[وف]?قال|اكد)", set("وفقا")),
        (r"(?:ال)?وزير", set("او")),
        (r"министр\w*|глав\w*", set("мг")),
        (r"[a-c]x", set("abc")),
    ],
)
def test_start_chars(pattern: str, expected: set[str]) -> None:
    assert fastre.start_chars(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\w+", r"(?:a)?", r".x", r"[^a]x", r"(?i)abc", r"x*", r"(?:x|\d)"],
)
def test_unknown_start_compiles_as_it_is(pattern: str) -> None:
    assert fastre.start_chars(pattern) is None
    assert fastre.lead(pattern).pattern == pattern


_TEXTS = {
    "en": "Meanwhile, she said the minister and Prime Minister met; he added: the envoy spoke.",
    "ru": "Министр заявил, что глава МИД и он сам — президент Путин — подчеркнули это.",
    "ar": "وقال الوزير إن المتحدث باسم الرئيس أكد، وأضاف نظيره أن الوزارة فسرت ذلك.",
    "fa": "وی گفت این وزیر و سخنگوی وزارت خارجه تاکید کردند و او افزود.",
}


@pytest.mark.parametrize("lang", sorted(_TEXTS))
def test_led_patterns_match_the_same(lang: str) -> None:
    text = normalize(_TEXTS[lang])
    patterns = [
        subjects._OTHER_RE,
        subjects._MINISTER_WORD_RE,
        speech_verbs.verb_regexes()[lang],
        subjects._TITLE_RE[lang],
    ]
    for led in patterns:
        m = re.match(r"\(\?=\[.*?\]\)\(\?:", led.pattern, re.S)
        assert m is not None, led.pattern[:40]
        plain = re.compile(led.pattern[m.end() : -1])
        got = [(x.span(), x.lastgroup) for x in led.finditer(text)]
        assert got == [(x.span(), x.lastgroup) for x in plain.finditer(text)]
    assert speech_verbs.verb_regexes()[lang].search(text)


def test_ends_sentence_is_the_end_anchored_pattern():
    """`ends_sentence` tests from the end what this pattern searched for through the text."""
    import random

    from diplomap.extract.common import ends_sentence

    pattern = re.compile(r"(?:[.!?؟…]|\.\.)[\"»”’')\]]*\s*$")
    alphabet = list(".!?؟…\"»”’')] \t\n\u00a0\u2003xyبд,:;«(")
    rng = random.Random(7)
    texts = ["", " ", ".", "a.", "a. ", 'a."', 'a." ', 'a." "', "a.)\n", "a\n.", "a؟»", "a…  "]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 8))) for _ in range(20000)]
    for text in texts:
        assert ends_sentence(text) == bool(pattern.search(text)), repr(text)


@pytest.mark.parametrize(
    ("keys", "text", "start", "end", "expected"),
    [
        (("lavrov", "лавров"), "said lavrov", 0, None, True),
        (("lavrov", "лавров"), "said lavrov", 0, 8, False),
        (("lavrov", "лавров"), "сказал лавров", 3, None, True),
        (("a.b",), "axb", 0, None, False),
        ((), "anything", 0, None, False),
        (("لافروف",), "قال لافروف", 4, 10, True),
    ],
)
def test_contains_any_is_a_substring_test(keys, text, start, end, expected):
    from diplomap.extract.common import contains_any

    test = contains_any(keys)
    assert test(text, start, end) is expected
    part = text[start:end]
    assert any(key in part for key in keys) is expected


def _clean_by_substitutions(text: str) -> str:
    """ingest_text._clean_keep_layout as three substitutions always (the reference)."""
    import unicodedata

    from diplomap import ingest_text as T

    text = T._SURROGATE_RE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = T._NEWLINES_RE.sub("\n", text)
    text = T._CONTROL_RE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = T._STRAY_JOINER_RE.sub("", text)
    return text


def test_cleaning_skips_substitutions_only_when_they_change_nothing():
    import random

    from diplomap.ingest_text import _clean_keep_layout

    rng = random.Random(0)
    alphabet = (
        "abc Лавров لافروف لاوروف e\u0301\u0627\u0653\r\n\t\x00\x85\u2028\u2029\x0b\x1c"
        "\u200b\u200c\u200d\u200e\u202a\u2066\ufeff\u00ad\ud800\udc00\u061c\u0644\u0627"
    )
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _clean_keep_layout(text) == _clean_by_substitutions(text), repr(text)


_SENTENCES = {
    "en": [
        "This was stated by Sergey Lavrov.",
        "  That is what he said.",
        "The full text is on the ministry's site.",
        "Lavrov spoke for an hour. Full text: below.",
        "Thesis: nothing.",
    ],
    "ru": ["Об этом заявил Сергей Лавров.", "Это сказал министр.", "Полный текст — на сайте МИД."],
    "ar": ["جاء ذلك في تصريحات للافروف.", "وجاءت تصريحاته بعد لقاء.", "النص الكامل للمقابلة."],
    "fa": [
        "لاوروف این مطلب را در نشست گفت.",
        "متن کامل سخنان در ادامه می‌آید.",
        "این سخنان را گفت.",
    ],
}


@pytest.mark.parametrize("lang", sorted(_SENTENCES))
def test_pre_tests_of_the_back_reference_and_the_outlet_line_change_nothing(lang: str) -> None:
    for raw in _SENTENCES[lang]:
        norm = normalize(raw)
        for head in (norm, norm[:120], "  " + norm, norm[5:]):
            assert speakers._backref(head) == (speakers._BACKREF_RE.search(head) is not None)
            plain = speakers._OUTLET_LINE_RE.search(head, 0, 40) is not None
            assert (speakers._may_be_outlet_line(head) and plain) == plain
            colon = speech_events._COLON_NAME_RE.match(head) is not None
            assert (("：" in head or ":" in head) and colon) == colon


def test_english_function_words_match_as_case_insensitive_words() -> None:
    """The English function words, spelled out case by case, match what the plain
    pattern with re.I matches, on text of every case and re.I's special letters."""
    import random

    from diplomap.normalize import _ENGLISH_WORDS

    plain = re.compile(r"\b(?:the|and|of|to|in|said|is|that|for|with)\b", re.I)
    rng = random.Random(7)
    letters = "thandofisaywTHANDOFISAYWİıſ \u00a0.-'é"
    texts = ["THE The tHe ſaid İn ın wİth WıTH ıS thaT FOR, of-to and_in"]
    texts += ["".join(rng.choice(letters) for _ in range(2000)) for _ in range(200)]
    for text in texts:
        assert [m.span() for m in _ENGLISH_WORDS.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
