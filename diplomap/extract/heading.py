"""What above and around the story is the outlet's, not a speaker's: the headline and
standfirst above the date line, a news code line or a lead that opens with its dateline;
crossheads; the outlet's summary box; the spokeswoman's briefing. `speakers.py` asks these
of each article before it attributes its sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplomap.extract.boilerplate import is_short_date_line
from diplomap.extract.common import _WORD_RE, ends_sentence
from diplomap.extract.fastre import lead
from diplomap.extract.outlets import find_outlets
from diplomap.extract.places import load_gazetteer
from diplomap.extract.sentences import _QUOTE_CHAR_RE, Sentence
from diplomap.normalize import normalize, normalize_text


def _is_real_sentence(raw: str) -> bool:
    """A sentence of the story, not a headline, standfirst, date line or label: it ends
    with sentence punctuation (not the dots that join a headline's parts) and has a few
    words, or is as long as a paragraph."""
    n_words = len(_WORD_RE.findall(raw))
    if raw.rstrip().endswith(("..", "…")):
        return n_words >= 25  # "باسيل من موسكو: لا تأجيل لعودة النازحين..": a headline's
    return n_words >= 25 or (n_words >= 4 and _ends_as_sentence(raw))


def _ends_as_sentence(raw: str) -> bool:
    """ends_sentence, also before an agency's name an aggregator glued after the full stop
    ("... существа проблемы.ТАСС")."""
    if ends_sentence(raw):
        return True
    credit = _CREDIT_TAIL_RE.search(raw, max(0, len(raw) - 40))
    return credit is not None and ends_sentence(raw[: credit.start() + 1])


# An agency's name glued after the full stop by an aggregator ("проблемы.ТАСС",
# "the Council.Reuters")
_CREDIT_TAIL_RE = re.compile(r"[.!?]\s?[A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ][\w-]+){0,2}\s*$")


def _is_place(word: str) -> bool:
    """Is a normalised word a place name (or an Arabic one with its article)?"""
    lexicon = load_gazetteer().lexicon
    if lexicon.payload(word) is not None:
        return True
    return word.startswith("ال") and lexicon.payload(word[2:]) is not None


def _is_outlet(name: str) -> bool:
    """Is a dateline's name an outlet's, whole («ایران‌پرس - », "Interfax:")?"""
    name = name.strip()
    found = find_outlets(normalize_text(name))
    return len(found) == 1 and found[0].end - found[0].start >= len(name) - 1


# The outlet's summary box: a label line ("What to know", "At a glance", «Коротко»,
# «باختصار», «به طور خلاصه») and its bullets, the outlet's words like a standfirst
_SUMMARY_LABEL_RE = re.compile(
    r"(?:[\w ]{0,30}:\s*)?(?:what\s+to\s+know|what\s+we\s+know|at\s+a\s+glance|key\s+takeaways|"
    r"in\s+brief|the\s+latest|summary|коротко|кратко|что\s+известно|ключевые\s+моменты|"
    r"باختصار|ملخص|اهم\s+النقاط|ابرز\s+النقاط|به\s+طور\s+خلاصه|خلاصه\s+خبر|نكات\s+كليدي)\s*"
)
_BULLETS = ("•", "●", "▪", "◾", "■", "-", "–", "*")


def _in_summary_box(box: bool, raw: str, norm: str) -> bool:
    """Whether a sentence is the summary box's label or one of its bullets."""
    if len(norm) <= 40 and _SUMMARY_LABEL_RE.fullmatch(norm):
        return True
    return box and raw.lstrip().startswith(_BULLETS)


# The transcript of the spokeswoman's briefing, named in its heading ("Брифинг
# официального представителя МИД России М.В.Захаровой", "Briefing by Foreign Ministry
# Spokeswoman Maria Zakharova", "الإحاطة الإعلامية للمتحدثة", "نشست خبری سخنگوی")
_BRIEFING_RE = lead(
    r"(?:брифинг\w*|briefing|(?:ال)?احاطه\s+(?:ال)?اعلاميه|نشست\s+خبري|(?:ال)?موتمر\s+(?:ال)?صحفي)"
    r"[^.\n]{0,60}?(?:представител\w*|захаров\w*|spokes\w*|zakharova|(?:لل)?متحدث\w*|"
    r"زاخاروفا|سخنگو\w*|زاخارووا)"
)
_MAX_BRIEFING_HEADING = 3


def _is_spokespersons_briefing(text: str, sentences: Sequence[Sentence]) -> bool:
    for sent in sentences[:_MAX_BRIEFING_HEADING]:
        raw = text[sent.start : sent.end]
        if not ends_sentence(raw) and _BRIEFING_RE.search(normalize(raw[:200])):
            return True
    return False


# The date line is looked for among the first sentences
_MAX_HEADER_SENTENCES = 10  # under a site clock
_MAX_PLAIN_HEADER_SENTENCES = 6


# A news agency's story number under the headline and its summary ("کد خبر: ۴۶۱۴۵۲",
# "رمز الخبر: 1234", "News ID: 1234", "Код новости: 1234")
_NEWS_CODE_RE = re.compile(
    r"^[ \t]*(?:[کك]د\s+خبر|شناسه\s+خبر|رمز\s+الخبر|رقم\s+الخبر|news\s+(?:id|code)|"
    r"код\s+новости)[ \t]*[:：]?[ \t]*\d+[ \t]*$",
    re.M | re.I,
)


def _news_code_at(text: str, sentences: Sequence[Sentence]) -> int | None:
    """The index of the first sentence after a news code line («کد خبر : ۴۶۱۴۵۲») that
    stands under the headline and its summary among the first sentences, else None."""
    head = sentences[:_MAX_HEADER_SENTENCES]
    if len(head) < 3:
        return None
    found = _NEWS_CODE_RE.search(text, head[1].start, head[-1].end)
    if found is None:
        return None
    idx = next((i for i, s in enumerate(sentences) if s.start >= found.end()), None)
    if idx is None:
        return None
    real = [s for s in sentences[:idx] if _is_real_sentence(text[s.start : s.end])]
    return idx if len(real) <= _MAX_STANDFIRST_SENTENCES else None  # (not mid-story)


def _date_line_at(text: str, sentences: Sequence[Sentence]) -> int:
    """The index of the date line among the first sentences when it comes after the
    headline and a standfirst (what is above it is the outlet's), else 0."""
    if (code := _news_code_at(text, sentences)) is not None:
        return code
    clock = False  # a clock above the headline: the date line may follow, under headings
    real = 0  # sentences seen that end like one (a masthead's or menu's lines do not)
    for idx, sent in enumerate(sentences[:_MAX_HEADER_SENTENCES]):
        raw = text[sent.start : sent.end]
        if is_short_date_line(normalize(raw)):
            if idx < 2:
                clock = True
                continue
            alone = sentences[idx - 1].paragraph != sent.paragraph
            return idx if alone else 0
        real += ends_sentence(raw)
        if (clock and ends_sentence(raw)) or (not clock and real >= _MAX_PLAIN_HEADER_SENTENCES):
            return 0  # a sentence of the story (a live blog's entry under its time)
    return 0


# The lead's dateline: a place in capitals or a capitalised place, an optional date or
# agency, then a colon or a dash ("New Delhi: ...", "UNITED NATIONS, April 24 (Reuters) -",
# «МОСКВА, 3 марта. /ТАСС/.», «موسكو - »)
_DATELINE_LEAD_RE = re.compile(
    r"(?P<place>[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*){0,2})"
    r"(?:,\s*[\w ]{1,25}?)?\.?\s*(?:\([\w/ ]{2,20}\)|/[\w ]{2,12}/)?\s*[.:\-–—]\s"
    r"|(?P<ar_place>[\u0621-\u064a\u0671-\u06d3\u200c]+(?:\s[\u0621-\u064a\u0671-\u06d3\u200c]+)?)"
    r"\s*(?:\([^()]{2,20}\)\s*)?[-–—]\s"
)
_MAX_STANDFIRST_SENTENCES = 3


def _dateline_lead_at(text: str, sentences: Sequence[Sentence]) -> int:
    """The index of the first sentence of a lead opening with a dateline when one to three
    real sentences of their own paragraphs (a standfirst) come before it, else 0."""
    for idx, sent in enumerate(sentences[:_MAX_HEADER_SENTENCES]):
        if idx and sentences[idx - 1].paragraph != sent.paragraph:
            m = _DATELINE_LEAD_RE.match(text, sent.start)
            place = m and (m.group("place") or m.group("ar_place"))
            if (
                place
                and (_is_place(normalize(place)) or _is_outlet(place))
                and _is_real_sentence(text[sent.start : _paragraph_end(sentences, idx)])
            ):
                before = [s for s in sentences[:idx] if _is_real_sentence(text[s.start : s.end])]
                return idx if 0 < len(before) <= _MAX_STANDFIRST_SENTENCES else 0
    return 0


def _paragraph_end(sentences: Sequence[Sentence], idx: int) -> int:
    """Where the paragraph of sentence `idx` ends (its last sentence's end)."""
    end = idx
    while end + 1 < len(sentences) and sentences[end + 1].paragraph == sentences[idx].paragraph:
        end += 1
    return sentences[end].end


def _is_crosshead(text: str, sentences: Sequence[Sentence], idx: int, raw: str) -> bool:
    """A short line of its own without final punctuation inside the story: a crosshead
    or a live blog's entry title ("Lavrov says Nato troops in Ukraine unacceptable"),
    the outlet's words like a headline; also a headline cut short by an ellipsis (a print
    page's jump head "Lavrov: on all the key issues...", a teaser)."""
    stripped = raw.rstrip()
    cut_short = stripped.endswith(("..", "…")) and not _QUOTE_CHAR_RE.search(stripped)
    return (
        idx + 1 < len(sentences)
        and (cut_short or not _ends_as_sentence(raw))
        and len(_WORD_RE.findall(raw)) <= _MAX_CROSSHEAD_WORDS
        and _own_line(text, sentences[idx])
    )


_MAX_CROSSHEAD_WORDS = 14


def _own_line(text: str, sent: Sentence) -> bool:
    """Whether a sentence is a line of its own (under a kicker line such as "🔴 فوری |
    واکنش مسکو", too): a line break or the text's edge on both sides."""
    i = sent.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j, n = sent.end, len(text)
    while j < n and text[j] in " \t":
        j += 1
    return (i == 0 or text[i - 1] == "\n") and (j == n or text[j] == "\n")
