"""Speakers: which sentences are Lavrov's statements, and of which kind.

Direct quotes, reported speech, continuations and headlines, as opposed to other
officials, the ministry, agencies and narration. Compiled regular expressions over
normalised strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap.extract.common import (
    _DESIG,
    _FINAL_PUNCT_RE,
    _LAVROV_NP_RE,
    _LAVROV_TAIL_RE,
    _NAME_NP,
    _NOT_HIM_BEFORE_RE,
    _WORD_RE,
    LAVROV,
    _mentions_lavrov,
)
from diplomap.extract.sentences import Sentence, _inside, _quote_regions
from diplomap.normalize import NormText, detect_language, normalize

__all__ = ["Attribution", "attribute_speakers"]

# --- attribution ----------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # "Lavrov" or None
    kind: str | None  # "quote" | "reported" | "continuation" | "headline" | None


_NONE = Attribution(None, None)

# Speech verbs, normalised. Arabic masculine past/present; feminine forms mean someone else.
_AR_VERBS_M = (
    "قال|اكد|اضاف|اشار|اوضح|شدد|اعرب|اعتبر|اعلن|صرح|تابع|ختم|لفت|ذكر|نوه|راي|اعترف|حذر|دعا|"
    "وصف|كشف|اشاد|نفي|طالب|ابدي|جدد|استطرد|اردف|علق|رد|عبر|يقول|يوكد|يعلن|يشير|يري|يحذر|يدعو|"
    "يكشف|يصرح|يعتبر|يشدد|يوضح|يضيف|يتهم|اتهم|يعرب|يطالب|ينفي"
)
_AR_VERBS_F = (
    "قالت|اكدت|اضافت|اشارت|اوضحت|شددت|اعربت|اعتبرت|اعلنت|صرحت|تابعت|ذكرت|لفتت|كشفت|حذرت|"
    "دعت|وصفت|نفت|افادت|نقلت|تقول|توكد|تعلن|تشير"
)
_AR_WEAK = {"عبر", "رد", "راي", "ذكر"}  # also ordinary words: never name "someone else"
_AR_VERB_RE = re.compile(
    rf"(?<!\w)(?:[وف]|كما\s+|فيما\s+|بينما\s+|قد\s+|اذ\s+)?(?:(?P<f>{_AR_VERBS_F})|(?P<m>{_AR_VERBS_M}))(?!\w)"
)
_FA_VERB_RE = re.compile(
    r"(?<!\w)(?:گفت(?!\s?و\s?گو)(?:ه\s+است)?|افزود(?:ه\s+است)?|"
    r"(?:اعلام|تصريح|خاطر\s?نشان|تاكيد|بيان|عنوان|اظهار|اضافه|ابراز)\s+(?:مي\s?)?(?:كرد|كند|كرده\s+است|داشت|دارد)|"
    r"ابراز\s+(?:\S+\s+){1,2}(?:كرد|كرده\s+است|داشت)|خواستار\s+(?:\S+\s+){1,10}?شد|"
    r"يادآور\s+شد|ياداور\s+شد|اظهار\s+داشت|(?:مي\s?)?نويسد|نوشت|مي\s?گويد|ادامه\s+داد|تصريح\s+مي\s?كند|معتقد\s+است)(?!\w)"
)
_RU_VERB_RE = re.compile(
    r"(?<!\w)(?:заявил|сказал|отметил|подчеркнул|добавил|напомнил|считает|сообщил|указал|"
    r"пояснил|констатировал|высказал|выразил|призвал|признал|предупредил|обратил\s+внимание|"
    r"рассказал|написал|говорит|полагает|уточнил|резюмировал|акцентировал|назвал|заверил|"
    r"продолжил|убежден|уверен|раскритиковал|ответил|процитировал|оценил|прокомментировал)"
    r"(?P<f>а|и)?(?!\w)"
)
_EN_VERB_RE = re.compile(
    r"(?<!\w)(?:said|says|told|tells|added|adds|stressed|stresses|noted|notes|stated|states|"
    r"declared|emphasi[sz]ed|warned|warns|argued|insisted|explained|asserted|pointed\s+out|"
    r"remarked|commented|wrote|writes|announced|underlined|underscored|reiterated|claimed|"
    r"accused|urged|suggested|believes|called\s+for|went\s+on|continued|concluded|replied|"
    r"answered|affirmed|confirmed|highlighted|described|urges|warns|calls\s+for|calls\s+on|"
    r"insists|vows|denies|rejects|slams|accuses|hails|blames|stresses|dismisses)(?!\w)"
)
_VERB_RE = {"ar": _AR_VERB_RE, "fa": _FA_VERB_RE, "ru": _RU_VERB_RE, "en": _EN_VERB_RE}

# "according to Lavrov" / "according to him"
_ACCORDING_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:بحسب|حسب|وفقا\s+ل|طبقا\s+ل|نقلا\s+عن|علي\s+حد\s+قول)\s*|به\s+گفته\s+|"
    r"به\s+اعتقاد\s+|از\s+نظر\s+|по\s+словам\s+|по\s+мнению\s+|как\s+(?:заявил|отметил|сказал|подчеркнул|считает)\s+|"
    r"according\s+to\s+|in\s+the\s+words\s+of\s+)"
)
_PRONOUN_AFTER_ACCORDING_RE = re.compile(r"^(?:قوله|وي|او|ايشان|его|him|the\s+minister)(?!\w)")

_PRONOUN_RE = {
    "fa": re.compile(r"(?<!\w)(?:وي|او|ايشان)(?!\w)"),
    "ru": re.compile(
        r"(?<!\w)(?:он|министр(?=\s*,|\s+(?:также|еще|тоже|при\s+этом|заявил|отметил|сказал|подчеркнул|добавил|напомнил)))(?!\w)"
    ),
    "en": re.compile(r"(?<!\w)(?:he|the\s+(?:foreign\s+)?minister(?!\s+of)|the\s+diplomat)(?!\w)"),
}
_OTHER_RE = re.compile(
    r"(?<!\w)(?:"
    # titles and institutions
    r"نائب|مساعد|المتحدث|متحدث|الناطق|سفير|مبعوث|المندوب|الرئيس|رئيس|وزاره|الخارجيه\s+الروسيه|الوزاره|وكاله|"
    r"سخنگو\w*|معاون|سفير|فرستاده|نماينده|وزارت|رييس\s?جمهور|نخست\s?وزير|خبرگزاري|"
    r"заместител\w*|замминистр\w*|официальн\w+\s+представител\w*|представител\w*|пресс-секретар\w*|"
    r"посол|спецпредставител\w*|президент\w*|премьер\w*|мид|министерств\w*|ведомств\w*|агентств\w*|"
    r"deputy|spokes\w*|ambassador|envoy|president|prime\s+minister|ministry|the\s+kremlin|"
    r"secretary|agency|journalist\w*|reporter\w*|"
    # frequent other speakers
    r"زاخاروفا|زاخارووا|захаров\w*|zakharova|بيسكوف|پسكوف|песков\w*|peskov|ريابكوف|ريابكف|рябков\w*|"
    r"ryabkov|بوغدانوف|بوگدانف|богданов\w*|bogdanov|غوتيريش|جوتيريش|گوترش|гутерриш\w*|guterres|"
    r"بوتين|پوتين|путин\w*|putin|blinken|rubio|بلينكن|الصفدي|safadi|she|она"
    r")(?!\w)"
)
_OBJECT_BEFORE_RE = re.compile(
    r"(?:(?<!\w)(?:with|to|by|for|from|about|met|meeting|of|on|at|с|со|к|о|об|у|для|от|встречи|"
    r"با|به|از|درباره|براي|همراه|سخنان|ديدار|مع|الي|عن|لقاء|لقايه|نظير|بين|و)\s+|'s\s+)$"
)
_AR_ELIDED_RE = re.compile(
    r"^\s*(?:[،,:\"«“]|ان(?!\w)|انه|انها|انهم|بان|بانه|قائلا|في(?!\w)|خلال|ايضا|كذلك|علي(?!\w)|الي(?!\w)|"
    r"عن(?!\w)|بالقول|حديثه|بقوله|مضيفا|مشيرا|موكدا|ل|لـ|قايلا|$)"
)
_AR_MINISTER_RE = re.compile(r"^\s*الوزير(?!\s+ال\w*ي(?!\w))(?!\w)")
_SWITCH_RE = re.compile(
    r"^(?:[وف]?(?:من\s+جهته|من\s+جانبه|بدوره)|for\s+(?:his|her)\s+part|in\s+turn|в\s+свою\s+очередь|در\s+مقابل)"
)
_BACKGROUND_RE = re.compile(
    r"^(?:[وف]?(?:يذكر|يشار|تجدر\s+الاشاره|جدير\s+بالذكر|الجدير\s+بالذكر)|گفتني\s+است|"
    r"شايان\s+ذكر\s+است|لازم\s+به\s+ذكر\s+است|напомним|it\s+is\s+worth\s+noting|it\s+should\s+be\s+noted)"
)
_HEADLINE_RE = re.compile(
    rf"^\s*(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]|[»”\"]\s*[-—–]\s*{_NAME_NP}"
)
_COLON_NAME_RE = re.compile(rf"^\s*(?:[وف]\s*)?(?:{_DESIG}[\s،,]*)?{_NAME_NP}\s*[:：]")


def _lavrov_at(norm: str, pos: int, anchored: bool) -> re.Match[str] | None:
    """A Lavrov noun phrase at `pos` (anchored) or the first one from `pos`."""
    m = _LAVROV_NP_RE.match(norm, pos) if anchored else _LAVROV_NP_RE.search(norm, pos)
    if m and _NOT_HIM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]):
        return None
    return m


def _subject_svo(window: str, lang: str) -> str | None:
    """Subject of a clause ending with a speech verb: "lavrov" | "pronoun" | "other" | None."""
    hits: list[tuple[int, str]] = []
    for m in _LAVROV_NP_RE.finditer(window):
        before = window[max(0, m.start() - 30) : m.start()]
        if _NOT_HIM_BEFORE_RE.search(before) or _OBJECT_BEFORE_RE.search(before):
            continue
        if re.match(r"'s(?!\w)|а\s|у\s", window[m.end() : m.end() + 3]) and lang == "en":
            continue
        hits.append((m.start(), "lavrov"))
        break
    pron = _PRONOUN_RE.get(lang)
    if pron and (m := pron.search(window)):
        hits.append((m.start(), "pronoun"))
    if m := _OTHER_RE.search(window):
        hits.append((m.start(), "other"))
    if hits:
        return min(hits)[1]
    words = _WORD_RE.findall(window)
    if lang in ("en", "ru"):
        # no named subject: "Also, said ..." continues; "Araghchi said" is someone else
        return "pronoun" if all(w in _CONNECTIVES for w in words) else "other"
    if len(words) <= 2:
        return "pronoun"
    return "other"


# Words that may precede a speech verb whose subject is left out (en, ru; normalised)
_CONNECTIVES = frozenset(
    [
        "and",
        "also",
        "further",
        "furthermore",
        "moreover",
        "but",
        "however",
        "then",
        "later",
        "earlier",
        "he",
        "it",
        "has",
        "had",
        "had",
        "would",
        "will",
        "as",
        "и",
        "а",
        "но",
        "также",
        "тоже",
        "еще",
        "ещё",
        "затем",
        "далее",
        "кроме",
        "того",
        "при",
        "этом",
        "он",
        "по",
        "его",
        "словам",
    ]
)
# "This was stated by ..." / "Об этом заявил ...": the speaker follows the verb
_INVERSION_PRE_RE = re.compile(
    r"(?:^|[\s,])(?:об\s+этом|это|так(?:ое|им\s+образом)?(?:\s+\w+)?|также|кроме\s+того|"
    r"(?:this|that)\s+(?:was|is)|so)\s*$"
)


# "according to the agency X," openings: the agency is the messenger, not the speaker
_REPORTED_BY_RE = re.compile(
    r"(?:به\s+گزارش|بنا\s+بر\s+گزارش|به\s+نقل\s+از|نقلا\s+عن|وفقا\s+ل|بحسب|ذكرت|"
    r"как\s+передает|как\s+сообщает|according\s+to|citing)\s+[^،,:]{1,60}[،,]"
)
_MEDIA_RE = re.compile(
    r"^\s*(?:ال)?(?:وكاله|صحيفه|خبرگزاري|روزنامه|агентств\w*|газет\w*|тасс|риа|интерфакс|"
    r"the\s+(?:agency|newspaper)|reuters|afp|tass|ria|interfax|sputnik|اسپوتنيك|سبوتنيك|ايرنا|ايسنا|تاس)(?!\w)"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _mask(norm: str, regions: list[tuple[int, int]], start: int, end: int) -> str:
    """norm[start:end] with quoted passages blanked out."""
    chunk = list(norm[start:end])
    for a, b in regions:
        for k in range(max(a, start), min(b, end)):
            chunk[k - start] = " "
    return "".join(chunk)


def _speech_event(norm: str, lang: str, regions: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The first speech event outside quotations: (subject kind, position)."""
    events: list[tuple[int, str]] = []
    if m := _COLON_NAME_RE.match(norm):
        events.append((m.start(), "lavrov"))
    for m in _ACCORDING_RE.finditer(norm):
        if _inside(m.start(), regions):
            continue
        rest = norm[m.end() :]
        if _lavrov_at(norm, m.end(), anchored=True):
            events.append((m.start(), "lavrov"))
        elif _PRONOUN_AFTER_ACCORDING_RE.match(rest):
            events.append((m.start(), "pronoun"))
        elif not _MEDIA_RE.match(rest):
            events.append((m.start(), "other"))
        else:
            continue
        break
    verb_re = _VERB_RE.get(lang) or _EN_VERB_RE
    for m in verb_re.finditer(norm):
        if _inside(m.start(), regions):
            continue
        subj = _verb_subject(norm, m, lang, regions)
        if subj is None:
            continue
        events.append((m.start(), subj))
        break
    if not events:
        return None
    pos, subj = min(events)
    return subj, pos


def _clause_start(norm: str, pos: int, regions: list[tuple[int, int]]) -> int:
    start = max(0, pos - 250)
    for _a, b in regions:
        # quotation first, speaker after: «...», — заявил Лавров / "...," he said
        if start < b <= pos and not norm[b:pos].strip(" ,،—–-:"):
            start = b
    semi = max(norm.rfind(";", start, pos), norm.rfind("؛", start, pos))
    return semi + 1 if semi >= 0 else start


def _verb_subject(
    norm: str, m: re.Match[str], lang: str, regions: list[tuple[int, int]]
) -> str | None:
    cs = _clause_start(norm, m.start(), regions)
    pre = _REPORTED_BY_RE.sub(_blank, _mask(norm, regions, cs, m.start()))
    post = norm[m.end() : m.end() + 120]
    if lang == "ar":
        if _lavrov_at(norm, m.end() + (len(post) - len(post.lstrip(" ،,"))), anchored=True):
            return "lavrov"
        # subject first: "لافروف يؤكد", "وزير الخارجية الروسي قال"
        tail = _LAVROV_TAIL_RE.search(pre)
        if tail and not _NOT_HIM_BEFORE_RE.search(pre[: tail.start()]):
            return "lavrov"
        if m.group("f"):
            return "other"
        if _AR_ELIDED_RE.match(post) or _AR_MINISTER_RE.match(post):
            return "pronoun"
        return None if m.group("m") in _AR_WEAK else "other"
    if lang == "ru" and m.group("f"):
        return "other"
    if lang in ("en", "ru") and _INVERSION_PRE_RE.search(pre):
        # "Об этом заявил Сергей Лавров", "This was stated by Lavrov"
        after = re.sub(r"^[\s,]*(?:by\s+)?", "", post)
        if _lavrov_at(after, 0, anchored=True):
            return "lavrov"
    subj = _subject_svo(pre, lang)
    if subj in ("pronoun", "other") and not pre.strip(' ,،—–-:"«»“”'):
        # inversion after a quotation: «...», — заявил Лавров / "...," said Lavrov
        if _lavrov_at(norm, m.end() + (len(post) - len(post.lstrip(" ,"))), anchored=True):
            return "lavrov"
        pron = _PRONOUN_RE.get(lang)
        after = post.lstrip(" ,")
        if pron and pron.match(after):
            return "pronoun"
        if after[:1].isalpha() and lang in ("ru", "en"):
            return "other"
    return subj


_COLON_RE = re.compile(r"[:：]\s*\S")


def _is_quote(norm: str, regions: list[tuple[int, int]], event_pos: int) -> bool:
    """A direct quotation: a quoted passage of some words (not a scare-quoted term),
    or a colon after the speech verb."""
    if any(len(_WORD_RE.findall(norm[a:b])) >= 4 for a, b in regions):
        return True
    return bool(_COLON_RE.search(norm, event_pos, event_pos + 200))


# "Об этом заявил Лавров" / "This was stated by Lavrov" / "لاوروف این مطلب را ... گفت":
# the sentence names the speaker of what came just before it in the paragraph.
_BACKREF_RE = re.compile(
    r"^\s*(?:об\s+этом|это|(?:this|that|these\s+remarks)\s+(?:was|were|is)|"
    r"[وف]?جاء\s+ذلك|[وف]?جاءت\s+(?:تصريحات|تصريحاته)|)"
    r"|(?<!\w)اين\s+(?:مطلب|سخنان|اظهارات|موضوع)\s+را(?!\w)"
)
# "جاء ذلك في تصريحات لوزير الخارجية الروسي ..." (no speech verb): Lavrov's words before it
_AR_BACKREF_RE = re.compile(
    r"^\s*[وف]?جاء\s+ذلك\s+(?:علي\s+لسان|في\s+(?:تصريح|تصريحات|كلمه|حديث|مقابله|بيان|لقاء\s+صحفي)\w*|"
    r"خلال\s+(?:مؤتمر\s+صحفي|كلمه|حديث|مقابله|تصريحات)\w*)[^.؟!]{0,40}?"
)


def _backref_lavrov(norm: str) -> bool:
    """An Arabic "جاء ذلك في تصريحات ... لافروف" sentence (Lavrov, not someone he met)."""
    m = _AR_BACKREF_RE.match(norm)
    if not m:
        return False
    lav = _lavrov_at(norm, m.end(), anchored=False)
    if not lav or lav.start() - m.end() > 30:
        return False
    between = norm[m.start() : lav.start()]
    return not re.search(r"(?<!\w)(?:مع|مع\s+نظيره|بين)(?!\w)", between) and not _OTHER_RE.search(
        between
    )


def _backfill(
    text: str, out: list[Attribution], sentences: Sequence[Sentence], idx: int, events
) -> None:
    """Mark the sentences before `idx` in its paragraph that nobody else said as Lavrov's."""
    j = idx - 1
    while j >= 0 and sentences[j].paragraph == sentences[idx].paragraph:
        if out[j].speaker or events[j] is not None:
            break
        words = _WORD_RE.findall(text[sentences[j].start : sentences[j].end])
        if sum(not w.isdigit() for w in words) < 4:  # a dateline, a credit: not speech
            break
        out[j] = Attribution(LAVROV, "reported")
        j -= 1


def _sentence_norm(raw: str, sent: Sentence, normalized: NormText | None) -> str:
    """normalize(raw), sliced from the normalised whole text when that is the same string:
    the slice is NFC already and has no capital sigma (whose lower case depends on the
    neighbouring letters). Folding and deleting work character by character."""
    if normalized is None or "\u03a3" in raw or not unicodedata.is_normalized("NFC", raw):
        return normalize(raw)
    a, b = normalized.to_norm(sent.start, sent.end)
    return normalized.norm[a:b]


def attribute_speakers(
    text: str, sentences: Sequence[Sentence], lang: str, *, normalized: NormText | None = None
) -> list[Attribution]:
    """For each sentence: is it Lavrov's statement, and of which kind.

    `normalized` (optional): `normalize_text(text)`, to take each sentence's normalised
    form from instead of normalising it again (the same string; see _sentence_norm)."""
    if lang not in _VERB_RE:
        lang = detect_language(text)
    if normalized is not None and normalized.original is not text:
        normalized = None
    out: list[Attribution] = []
    events: list[str | None] = []  # each sentence's speech event (subject kind) or None
    last: str | None = None  # last named speaker: "lavrov" | "other" | None
    carry_open = False  # a quotation opened by Lavrov is still open
    prev: Sentence | None = None
    first_line_end = text.find("\n")
    for idx, sent in enumerate(sentences):
        raw = text[sent.start : sent.end]
        norm = _sentence_norm(raw, sent, normalized)
        same_para = prev is not None and prev.paragraph == sent.paragraph
        open_in = carry_open and same_para
        regions, still_open = _quote_regions(norm, open_at_start=open_in)
        is_title = (
            idx == 0
            and sent.paragraph == 0
            and (first_line_end < 0 or sent.end <= first_line_end)
            and not _FINAL_PUNCT_RE.search(raw)
        )
        att = _NONE
        event = None
        if _BACKGROUND_RE.match(norm):
            last = None
        elif _SWITCH_RE.match(norm) and not _mentions_lavrov(norm[:80]):
            last = "other"
        else:
            event = _speech_event(norm, lang, regions)
            if is_title:
                if _HEADLINE_RE.search(norm) or (event and event[0] == "lavrov"):
                    att = Attribution(LAVROV, "headline")
            elif event is None and _backref_lavrov(norm):
                att = Attribution(LAVROV, "reported")
                last = "lavrov"
                _backfill(text, out, sentences, idx, events)
            elif event is None:
                # inside a quotation he opened, or later in the paragraph he speaks in
                if (open_in or same_para) and out and out[-1].speaker:
                    att = Attribution(LAVROV, "continuation")
            elif event[0] == "lavrov":
                kind = "quote" if _is_quote(norm, regions, event[1]) else "reported"
                att = Attribution(LAVROV, kind)
                last = "lavrov"
                if kind == "reported" and _BACKREF_RE.search(norm[:120]):
                    _backfill(text, out, sentences, idx, events)
            elif event[0] == "pronoun":
                if last == "lavrov":
                    att = Attribution(LAVROV, "continuation")
            else:
                last = "other"
        carry_open = still_open and att.speaker is not None
        out.append(att)
        events.append(event[0] if event else ("background" if _BACKGROUND_RE.match(norm) else None))
        prev = sent
    return out
