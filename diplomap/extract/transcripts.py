"""Transcripts: who holds the floor, paragraph by paragraph.

The Foreign Ministry publishes his press conferences, interviews and speeches as
transcripts, and outlets reprint them: speaker labels at the start of a paragraph
("Вопрос:", "С.В.Лавров:", "Question:", "S. Lavrov:", "سؤال:", "لافروف:", "پرسش:",
"Х.Фидан (говорит по-турецки):"), unlabelled opening remarks under a heading that
names him ("Выступление ... С.В.Лаврова ...", then "Уважаемые дамы и господа, ..."),
and answers that run over several paragraphs until the next label.

`transcript_turns` decides whether an article is such a transcript and, if so, gives
each paragraph its speaker: "lavrov" (with the kind "answer" or "remarks"), "other"
(a question, another minister) or None (not part of the transcript: the outlet's lead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap.extract.boilerplate import is_short_date_line
from diplomap.extract.common import _DESIG, _LAVROV_NP_RE, _mentions_lavrov, ends_sentence
from diplomap.extract.sentences import Sentence
from diplomap.extract.speech_verbs import verb_regexes
from diplomap.normalize import normalize

__all__ = ["Turn", "marks_the_end", "sentence_turns", "transcript_turns"]

# A speaker label: a few words (or initials), an optional note in brackets, a colon.
_LABEL_RE = re.compile(
    r"^\s*(?P<label>[^\s:：()\[\]\d][^:：()\[\]\n\d]{0,80}?)\s*"
    r"(?:[(\[](?P<note>[^()\[\]]{0,160})[)\]])?\s*[:：]"
)
# An office before the name, set off by a comma ("Foreign Minister of the Russian
# Federation, Mr. Sergey Lavrov:", "External Affairs Minister, Dr. S. Jaishankar:"): the
# name after the comma, less its honorific, decides the label
_HONORIFIC_RE = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|shri|smt|sri|h\.?\s?e|his\s+excellency|her\s+excellency|г-н|"
    r"господин|السيد|الدكتور|معالي|آقاي|اقاي|دكتر|جناب)\.?\s+)+",
    re.IGNORECASE,
)
_QUESTION_RE = re.compile(r"^(?:вопрос|question|q|س|سوال|سؤال|پرسش)(?:\s*\d*)?$")
# A journalist's label: the interviewer asking (a turn with a question mark) or, in a
# broadcast's transcript, the anchor or correspondent narrating ("المراسلة: ... قال رئيس
# الدبلوماسية الروسية إن ...": the outlet's report of his words)
_JOURNALIST_RE = re.compile(
    r"^(?:журналист\w*|корреспондент\w*|корр\.?|ведущ\w+|диктор|host|moderator|interviewer|"
    r"journalist|reporter|correspondent|anchor|presenter|newsreader|المذيع|المذيعه|مذيع|مذيعه|"
    r"المراسل|المراسله|مراسل|مراسله|المقدم|المقدمه|الصحفي|الصحفيه|مجري|خبرنگار|گزارشگر|"
    r"گوينده)(?:\s*\d*)?$"
)
_ANSWER_RE = re.compile(r"^(?:ответ|answer|a|ج|جواب|الجواب|پاسخ)$")
# A broadcast transcript's reporter filing the story ("CHAD BRENNAN, BYLINE:", then
# "BRENNAN:"): the outlet narrating, whose reports of his words are read as any article's
_NARRATOR_RE = re.compile(r"^(?:byline|narrator|voice[\s-]?over|за\s+кадром|راوي|راوی)$")
# An interviewer's question without a label: a bullet, a dialogue dash or a bold line
# ("■ ...?", "— Сергей Викторович, ...?", "**Minister, ...?**"), always with a "?".
_QUESTION_MARK_RE = re.compile(r"^\s*(?:[■●•▪◾►]|\*\*|[—–]\s|(?:س|سؤال|q|в)\s*/)", re.IGNORECASE)
# A broadcast script's soundbite label, the speaker's caption after it ("СИНХРОН: Сергей
# Лавров, министр ...", "SOT: ...", «مقطع صوتي: ...»)
# (as written and normalised: speakers.py looks for them in the raw text first)
SOUNDBITE_LABELS = (
    r"синхрон|лайф|sot|soundbite|sound\s+bite|sync|مقطع\s+صوتي|مقتطف\s+صوتي|تصريح\s+صوتي|صوت|"
    r"صداي|صدای"
)
_SOUNDBITE_RE = re.compile(rf"^(?:{SOUNDBITE_LABELS})$")
_SOUNDBITE_HEAD_RE = re.compile(rf"\s*(?:{SOUNDBITE_LABELS})\s*[:：]")
# The soundbite marker in brackets opening a paragraph, the speaker's caption inside the
# brackets ("(صدای لاوروف، با ترجمه)", "(مقتطف صوتي – لافروف، مترجم)") or after them
# ("(СИНХРОН) Сергей Лавров, министр ...: «...»", "(SOUNDBITE) (Russian) RUSSIAN FOREIGN
# MINISTER, SERGEI LAVROV, SAYING:"), a note in brackets before it skipped (normalised)
_BRACKETED_SOUNDBITE_RE = re.compile(
    rf"\s*[(\[]\s*(?:{SOUNDBITE_LABELS})(?!\w)(?P<inner>[^()\[\]\n]{{0,80}})[)\]]"
    r"(?:\s*[(\[][^()\[\]\n]{0,40}[)\]])*\s*"
)
# Labels that introduce something other than a speaker
_NOT_SPEAKER_RE = re.compile(
    r"^(?:примечание|справка|note|editor'?s\s+note|update|background|related|see\s+also|"
    r"ملاحظه|تنويه|يادداشت|توضيح|تاريخ|date|дата|источник|source|المصدر|منبع|теги|tags|"
    r"photo|фото|صوره|عكس|video|видео|فيديو|ويديو|ویدیو|"
    r"(?:last\s+)?updated?|published|обновлен\w*|опубликован\w*|اخر\s+تحديث|تحديث|"
    r"تاريخ\s+النشر|نشر\s+في|به\s?روز|زمان\s+انتشار|تاريخ\s+انتشار|كد\s+خبر|"
    r"время|time|الوقت|ساعت)"
)
_HEADING_SPEECH_RE = re.compile(
    r"(?<!\w)(?:remarks|speech|statement|address|interview|article|answers|news\s+conference|"
    r"press\s+conference|выступлени\w+|заявлени\w+|интервью|стать\w+|ответ\w*\s+на\s+вопрос\w*|"
    r"вступительн\w+\s+слов\w+|пресс-конференци\w+|كلمه|خطاب|مقابله|مقال|حوار|(?:ال)?موتمر\s+(?:ال)?صحا?في|"
    r"سخنراني|مصاحبه|مقاله|بيانيه|كنفرانس\s+خبري|نشست\s+خبري|سخنان|"
    r"opening\s+(?:remarks|statement)|الكلمه\s+الافتتاحيه|كلمته\s+الافتتاحيه)(?!\w)"
)
_ADDRESS_RE = re.compile(
    r"^(?:ladies\s+and\s+gentlemen|colleagues|dear\s+\w+|mr\.?\s+(?:chairman|president|"
    r"secretary)|excellenc\w+|friends|уважаем\w+|дамы\s+и\s+господа|коллеги|дорог\w+|"
    r"господин\s+председатель|друзья|السيدات\s+والساده|سيداتي\s+و?سا?دتي|الزملاء|اصحاب\s+"
    r"السعاده|الاصدقاء|خانمها\s+و\s+اقايان|همكاران|دوستان|جناب|"
    # a greeting opens a speech as the audience addressed does
    r"good\s+(?:afternoon|morning|evening)|hello|добрый\s+(?:день|вечер)|доброе\s+утро|"
    r"здравствуйте|مساء\s+الخير|صباح\s+الخير|(?:عصر|صبح|ظهر|شب)\s*(?:به\s*)?بخير)(?!\w)"
)
_MAX_LABEL_WORDS = 5
# his surname (a third-person mention), not a title he might use of himself
_NAMED_RE = re.compile(r"لافروف|لاوروف|lavrov|лавров")
# A live blog's time stamp ("23:40", "۲۰:۳۰", "14.05") on its own line ends any turn
_TIMESTAMP_RE = re.compile(r"^\s*[0-9٠-٩۰-۹]{1,2}\s*[:.]\s*[0-9٠-٩۰-۹]{2}\s*(?:[|\-–—].{0,20})?$")
# The outlet's credits and footnotes after a transcript end any turn: "Перевод: ...",
# "ترجمه: گروه روسیه ایراس", "Source: ...", "* Организация запрещена в России"
_CREDIT_LINE_RE = re.compile(
    r"^\s*(?:(?:перевод|translation|translated\s+by|ترجمه|ترجمة|الترجمة|ترجمه\s+و\s+تنظ[يی]م|"
    r"источник|source|المصدر|منبع|подготовил\w*|prepared\s+by|إعداد|اعداد|ته[يی]ه\s+و\s+تنظ[يی]م|"
    r"ته[يی]ه|گردآور[يی])\s*(?:[:：]|\s+by\s)|\*(?!\*)\s*\S)",
    re.IGNORECASE,
)
# The outlet's end mark after a transcript ("(انتهى)", "-End-", "(Конец)", «(پایان)»)
_END_MARK_RE = re.compile(
    r"^\s*[(\[\-–—*]*\s*(?:انتهى|النهاية|end|the\s+end|конец|پایان|پايان)\s*[)\]\-–—*]*\s*\.?\s*$"
    r"|^\s*(?:[*•]\s*){3,}$|^\s*[-–—_=]{3,}\s*$",  # a separator: "***", "* * *", "---"
    re.IGNORECASE,
)


def marks_the_end(gap: str) -> bool:
    """Does a stretch of text between paragraphs hold the outlet's end mark on a line?"""
    if not gap.strip():
        return False  # (the common case: only the blank line between them)
    return any(_END_MARK_RE.match(line) for line in gap.splitlines() if line.strip())


# "لاوروف در دیدار با همتای لبنانی:", "Lavrov after talks with Fidan:": his label too
_LAVROV_LEAD_RE = re.compile(rf"^{_LAVROV_NP_RE.pattern}(?:\s+\S+){{0,6}}$")


@dataclass(frozen=True)
class Turn:
    speaker: str | None  # "lavrov" | "other" | None (not part of the transcript)
    kind: str | None  # "answer" | "remarks" | None
    evidence: str | None  # "transcript_label" | "transcript_heading" | None


_OUTSIDE = Turn(None, None, None)
_OTHER = Turn("other", None, "transcript_label")
_ANSWER = Turn("lavrov", "answer", "transcript_label")
_REMARKS = Turn("lavrov", "remarks", "transcript_heading")


def _label_kind(norm: str) -> str | None:
    """ "lavrov", "question", "answer", "other" or None (no speaker label)."""
    m = _LABEL_RE.match(norm)
    if not m:
        return None
    label = m.group("label").strip()
    if "," in label or "،" in label:
        label = _HONORIFIC_RE.sub("", re.split(r"[,،]", label)[-1].strip())
    words = label.split()
    if not words or _NOT_SPEAKER_RE.match(label):
        return None
    if _NARRATOR_RE.match(label):
        return "narrator"
    if _QUESTION_RE.match(label):
        return "question"
    if _JOURNALIST_RE.match(label):
        return "journalist"
    if _SOUNDBITE_RE.match(label):
        return "soundbite"
    if _ANSWER_RE.match(label):
        return "answer"
    if _LAVROV_NP_RE.fullmatch(label):
        return "lavrov"
    if _has_speech_verb(label):
        return None  # "Lavrov said:", "Araghchi added:" is a reporting clause, no label
    if _LAVROV_LEAD_RE.match(label):
        return "lavrov"
    return "other" if len(words) <= _MAX_LABEL_WORDS else None


def _soundbite_speaker(norm: str) -> str:
    """Whose soundbite a broadcast script's label introduces: his when his name or title
    opens the caption after it ("СИНХРОН: Сергей Лавров, министр ..."), else another's."""
    return _caption_speaker(norm[_LABEL_RE.match(norm).end() :])


def _caption_speaker(caption: str) -> str:
    """ "lavrov" when his name or title opens a soundbite's caption (not as a possessor:
    "Lavrov's deputy ..."), else "other"."""
    caption = caption.lstrip(" -–—:،,")
    him = _LAVROV_NP_RE.match(caption)
    his_own = him is not None and not caption.startswith(("'s", "’s"), him.end())
    return "lavrov" if his_own else "other"


# A paragraph wholly in brackets: a stage direction or the outlet's note ("(Applause)",
# "(The interview has been edited for length.)", «(Перевод с английского)»), nobody's
# words; the turn around it goes on
_BRACKETED_NOTE_RE = re.compile(r"\s*(?:\([^()\n]{1,300}\)|\[[^\[\]\n]{1,300}\])[.\s]*$")
NOTE = "note"


def _bracketed_soundbite(raw: str) -> str | None:
    """Whose soundbite a paragraph opening with a bracketed marker introduces ("lavrov" or
    "other", see _BRACKETED_SOUNDBITE_RE), or None when it opens with no such marker."""
    if raw.lstrip()[:1] not in ("(", "["):
        return None  # (the common case)
    norm = normalize(raw[:200])
    m = _BRACKETED_SOUNDBITE_RE.match(norm)
    if m is None:
        return None
    inner = m.group("inner").strip(" -–—:،,")
    return _caption_speaker(inner or norm[m.end() :])


def _has_speech_verb(label: str) -> bool:
    return any(pattern.search(label) for pattern in verb_regexes().values())


def _is_named_label(raw: str, norm: str) -> bool:
    """An "other" label must look like a name: capitalised words or initials in Latin or
    Cyrillic script; in Arabic script at most three words."""
    label = _LABEL_RE.match(norm).group("label")
    # the name after an office and a comma, less its honorific ("..., Dr. S. Jaishankar")
    raw_label = re.split(r"[,،]", raw.lstrip()[: len(label)].split("(")[0])[-1]
    raw_label = _HONORIFIC_RE.sub("", raw_label.strip())
    if re.search(r"[A-Za-zА-Яа-яЁё]", raw_label):
        # every word a capital or an initial ("Х.Фидан", "Foreign Minister Fidan"); short
        # particles may stay small ("al", "de"): "Подчеркну особо:" is no name
        words = [w.strip("\"'«»“”.,-") for w in raw_label.split()]
        if _OFFICE_RE.match(label) and words and _capitalised(words[-1]):
            return True  # "Министр иностранных дел Ирана:", "Iran's Foreign Minister:"
        return bool(words) and all(not w or _capitalised(w) or len(w) <= 3 for w in words)
    # (or an office of up to five words: "وزیر امور خارجه کشورمان", "المتحدث باسم الخارجية")
    return len(label.split()) <= 3 or _ARABIC_OFFICE_RE.match(label) is not None


# An office that opens a Latin or Cyrillic label, or a country's before it (normalised)
_OFFICE_RE = re.compile(
    r"(?:\w+(?:'s|’s)?\s+)?(?:министр|глава|официальн\w+\s+представител\w+|президент|"
    r"премьер|minister|foreign\s+minister|secretary|spokes\w+|president|prime\s+minister)(?!\w)"
)
# An office that opens an Arabic-script label (normalised)
_ARABIC_OFFICE_RE = re.compile(
    r"(?:ال)?(?:وزير|رييس|سخنگو\w*|متحدث|المتحدث|نايب|معاون|سفير|الامين|دبير|مشاور|مستشار)"
    r"(?!\w)"
)


def _capitalised(word: str) -> bool:
    """A name's word: capitalised, also after an Arabic article or particle glued by a
    hyphen ("аш-Шейбани", "al-Safadi", "Абдель-Латиф")."""
    return any(part[:1].isupper() for part in word.split("-"))


def _is_turn(raw: str) -> bool:
    """A speaker's turn ends like a sentence or a comma (or is a label alone on its line);
    a line that looks like a headline ("Лавров: Запад использует ...") is not one."""
    body = raw.rstrip()
    n_words = len(body.split())
    if body.endswith(("..", "…")) and n_words < _MAX_TEASER_WORDS:
        return False  # a headline cut short: a print page's jump head, a teaser
    # (a comma: the audience addressed, "С.В.Лавров: Дамы и господа," then his speech)
    return body.endswith((":", "：", ",", "،")) or ends_sentence(body) or n_words >= 25


_MAX_TEASER_WORDS = 12


def _narration(raw: str) -> str | None:
    """An unlabelled paragraph that names him by name is the outlet's narration (he does
    not speak of himself so): "Лавров отправится с визитом в Тегеран"; so is the outlet's
    "X did not respond to a request for comment"."""
    head = normalize(raw[:120])
    if _NAMED_RE.search(head) and _mentions_lavrov(head):
        return "narration"
    if _NARRATION_OPENER_RE.match(head):
        return "narration"  # "وفي سياق متصل، قال المتحدث باسم الكرملين ...", "(Update) ..."
    if _mentions_lavrov(head) and _TITLE_MOVES_RE.search(head):
        return "narration"  # "После Анкары российский министр отправится в Тегеран"
    body = normalize(raw[:400])
    if _REQUEST_FOR_COMMENT_RE.search(body) or _ABOUT_HIS_ANSWER_RE.search(body):
        return "narration"  # "the Afghanistan answer was aimed squarely at Washington"
    if _THIRD_PERSON_REPORT_RE.search(head):
        return "narration"  # "Museveni's press secretary said on Monday that ..."
    if _ROLE_SAID_RE.match(head) and not _FIRST_PERSON_RE.search(body):
        return "narration"  # "Foreign Ministry spokeswoman Maria Zakharova said later ..."
    return None


# A paragraph opening with somebody else by their role and a verb of saying, in the third
# person throughout (his answers speak of "we" and "I"): the outlet's narration after an
# excerpt of a press conference ("Russian Foreign Ministry spokeswoman Maria Zakharova said
# later ...", "A Gulf diplomat described ...", «Официальный представитель МИД Мария
# Захарова заявила ...»)
_ROLE_SAID_RE = re.compile(
    r"(?:[\w'’.-]+\s+){0,6}?(?:spokes\w+|diplomat|analyst|official|ambassador|envoy|"
    r"представител\w*|дипломат\w*|аналитик\w*|эксперт\w*|посол|послом)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:said|told|described|added|noted|thanked|warned|заявил\w*|сказал\w*|сообщил\w*|"
    r"отметил\w*|добавил\w*)(?!\w)"
)
_FIRST_PERSON_RE = re.compile(r"(?<!\w)(?:i|we|our|us|my|я|мы|наш\w*|нас|нам|мне|меня)(?!\w)")


# A news report's verb of somebody else's saying in a paragraph's first words, not his
# own first-person "as I told reporters" ("Museveni's press secretary said on Monday",
# «пресс-секретарь заявил журналистам», «وقال المتحدث ... للصحفيين», «به خبرنگاران گفت»)
_THIRD_PERSON_REPORT_RE = re.compile(
    r"(?<!\bi\s)(?<!\bwe\s)(?:\bsaid\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|\btold\s+(?:reporters|journalists)|\bsaid\s+in\s+a\s+statement)\b"
    r"|(?<!я\s)(?<!мы\s)(?:заявил|сообщил|сказал)\w*\s+журналистам"
    r"|(?:قال|صرح|اكد)\w*\s+[^.،]{0,40}للصحفيين|به\s+خبرنگاران\s+(?:گفت|اعلام\s+كرد)"
)


# The outlet judging his answers after a transcript ("the oil answer was an invitation",
# «этот ответ был адресован Вашингтону», «وجاء رد لافروف»)
_ABOUT_HIS_ANSWER_RE = re.compile(
    r"(?:^|(?<=\s))(?:(?:his|the)\s+(?:[\w-]+\s+){0,2}(?:answers?|reply|replies)\s+(?:was|were|is|are)|"
    r"(?:его|этот|эти|такой)\s+(?:\w+\s+)?(?:ответ|ответы|реплика)\s+(?:был\w*|стал\w*|звучал\w*)|"
    r"[وف]?(?:جاء|كان)\s+(?:رد|جواب)\s*(?:ه|الوزير|لافروف))(?!\w)"
)


# The outlet taking the floor back after a transcript: "In a related development",
# "Meanwhile", an update mark, a newspaper cited
_NARRATION_OPENER_RE = re.compile(
    r"\s*(?:[وف]?في\s+سياق\s+(?:متصل|اخر)|[وف]?من\s+جهه\s+اخري|[وف]?في\s+غضون\s+ذلك|"
    r"meanwhile|separately|in\s+a\s+related\s+development|тем\s+временем|между\s+тем|"
    r"در\s+همين\s+حال|همزمان|\((?:تحديث|update|обновлено|به\s?روزرساني)\)|"
    # after the event, in the outlet's voice: "After the press conference, ...", «По
    # окончании пресс-конференции», «وبعد انتهاء المؤتمر»، «پس از پایان نشست»
    r"(?:after|following)\s+the\s+(?:press\s+conference|news\s+conference|meeting|talks|briefing)|"
    r"(?:по\s+окончании|после)\s+(?:пресс-конференции|встречи|переговоров|брифинга)|"
    r"[وف]?(?:بعد|عقب|في\s+ختام)\s+(?:انتهاء\s+|نهايه\s+)?(?:ال)?(?:موتمر|لقاء|اجتماع|مباحثات)|"
    r"(?:پس|بعد)\s+از\s+(?:پايان\s+)?(?:اين\s+)?(?:نشست|كنفرانس|ديدار|مذاكرات)|"
    # a newspaper or an agency cited: "According to The Wall Street Journal, ...",
    # «Как пишет газета ...», «وبحسب صحيفة ...», «به نوشته وال‌استریت ژورنال»
    r"(?:according\s+to|as\s+reported\s+by)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?"
    r"(?:newspaper|daily|agency|journal|times|post|media|outlet)|"
    r"(?:по\s+данным|по\s+сообщению|как\s+(?:пишет|пишут|сообщает|сообщают))\s+(?:\w+\s+){0,2}?"
    r"(?:газет\w*|агентств\w*|издани\w*|сми|журнал\w*)|"
    r"[وف]?(?:بحسب|حسب|وفقا\s+ل|وفق|نقلا\s+عن|ذكرت|افادت)\s*(?:ال)?(?:صحيفه|وكاله|موقع|مجله|وسايل)|"
    r"به\s+نوشته(?=\s+(?!ما\s|من\s))|به\s+گزارش\s+(?:خبرگزاري|روزنامه|پايگاه|رسانه|شبكه|تارنما)|"
    # what was said before, by somebody else ("Earlier, Peskov said", «Ранее Песков заявил»,
    # «پیش‌تر دیمیتری پسکوف ... گفته بود»), and what is to come («ومن المقرر أن يتوجه وفد»)
    r"earlier,?(?=\s+(?!we\s|i\s))|ранее(?=\s+(?!мы\s|я\s))|پيش\s?تر(?=\s+(?!ما\s|من\s))|"
    r"[وف]?في\s+وقت\s+سابق|[وف]?(?:من\s+المقرر|من\s+المنتظر|من\s+المتوقع)\s+ان)(?!\w)"
)


# His title with a journey or a meeting, in the third person: the outlet's narration
# ("the Russian foreign minister will travel to Tehran", "وسيتوجه الوزير الروسي إلى ...")
_MOVES_AFTER = (
    r"(?:отправится|отправился|прибудет|прибыл|посетит|посетил|встретится|встретился|"
    r"вылетит|вылетел|совершит|совершил|will\s+(?:travel|fly|visit|meet|head|attend)|"
    r"is\s+(?:due|expected|scheduled)\s+to|travel(?:s|ed|led)\s+to|flew\s+to|"
    r"arrived\s+in|left\s+for|headed\s+to)"
)
_MOVES_BEFORE = r"(?:[وف]?(?:سيتوجه|يتوجه|توجه|غادر|وصل|سيزور|يزور|زار|سيلتقي|يلتقي|يصل|سيصل))"
_FA_MOVES = r"(?:عازم|خواهد\s+رفت|سفر\s+(?:خواهد\s+)?كرد|ديدار\s+(?:خواهد\s+)?كرد)"
_TITLE_MOVES_RE = re.compile(
    rf"{_DESIG}\s+(?:\w+\s+)?{_MOVES_AFTER}|{_MOVES_BEFORE}\s+{_DESIG}|{_DESIG}[^.!?؟]{{0,80}}{_FA_MOVES}"
)


# The outlet asking others for comment: its narration, never a speaker's words
_REQUEST_FOR_COMMENT_RE = re.compile(
    r"(?:request|requests)\s+for\s+comment|(?:declined|refused)\s+to\s+comment|"
    r"(?:не\s+ответил\w*|не\s+отреагировал\w*)\s+на\s+запрос|запрос\w*\s+(?:\w+\s+){0,3}о\s+комментари|"
    r"لم\s+(?:يرد|ترد|يستجب|تستجب)\s+(?:\S+\s+){0,3}?(?:علي\s+)?طلب\w*\s+(?:\S+\s+){0,2}"
    r"(?:للتعليق|بالتعليق)|"
    r"به\s+درخواست\s+(?:\S+\s+){0,4}(?:براي\s+)?(?:اظهار\s?نظر|توضيح)\s+پاسخ\s+نداد"
)


def _paragraph_labels(paragraphs: Sequence[str]) -> list[str | None]:
    """Each paragraph's label kind; an unlabelled paragraph's is None (whether it is the
    outlet's narration is told apart later, by _with_narration, when it matters)."""
    kinds: list[str | None] = []
    narrators: set[str] = set()  # the name words of the reporters filing the story
    # other speakers' labels: where they stand, whether each turn asks, whether it is a name
    asking: dict[str, list[tuple[int, bool, bool]]] = {}
    for raw in paragraphs:
        if _TIMESTAMP_RE.match(raw) or _CREDIT_LINE_RE.match(raw) or _END_MARK_RE.match(raw):
            kinds.append("break")
            continue
        if _QUESTION_MARK_RE.match(raw) and ("?" in raw or "؟" in raw):
            kinds.append("question")
            continue
        if (speaker := _bracketed_soundbite(raw)) is not None:
            kinds.append(speaker)  # "(صدای لاوروف)", then his words
            continue
        if _BRACKETED_NOTE_RE.match(raw):
            kinds.append(NOTE)  # "(Applause)", "(The interview has been edited ...)"
            continue
        if _unlabelled(raw):  # cheap: most paragraphs have no label
            kinds.append(_speech_heading(raw))
            continue
        norm = normalize(raw[:100])
        kind = _label_kind(norm) if _is_turn(raw) or _SOUNDBITE_HEAD_RE.match(norm) else None
        if kind is None:  # "Lavrov: Israel seeks war" is a headline, not his turn
            kinds.append(None)
            continue
        if kind == "journalist":  # asks, or narrates a broadcast's report
            kind = "question" if ("?" in raw or "؟" in raw) else "narrator"
        elif kind == "soundbite":  # «СИНХРОН: Сергей Лавров, министр ...», then the words
            kind = _soundbite_speaker(norm)
        if kind == "other":
            # ("Бакинский рабочий: ...?", "هفت صبح: ...؟": the paper asking)
            named = _is_named_label(raw, norm)
            label = _LABEL_RE.match(norm).group("label").strip()
            asking.setdefault(label, []).append((len(kinds), "?" in raw or "؟" in raw, named))
            kind = kind if named else None
        if kind in ("narrator", "other"):
            kind = _narrator(norm, kind, narrators)
        kinds.append(kind)
    _mark_interviewer(kinds, asking)
    if HEADING_OTHER not in kinds:  # his alone: the page's heading, read as before
        kinds[:] = [None if k == HEADING_HIS else k for k in kinds]
    return kinds


# A short heading over one speaker's unlabelled words in a joint transcript ("سخنان دکتر
# حسین امیرعبداللهیان، وزیر امور خارجه ..." then "سخنان سرگئی لاوروف، ...", "Remarks by
# Minister X", «Выступление Министра X», «كلمة وزير الخارجية ...»): his own heading
# opens his remarks, another's opens theirs, until the next label or heading (normalised)
_SPEECH_HEADING_RE = re.compile(
    r"^(?:(?:متن|نص)\s+)?(?:(?:opening\s+)?(?:remarks|statement|speech|address)\s+(?:by|of)|"
    r"(?:вступительное\s+слово|выступление|заявление)|"
    r"(?:ال)?(?:كلمه|خطاب|بيان|مداخله)(?:\s+(?:الافتتاحيه|الختاميه))?|"
    r"(?:سخنان|سخنراني|بيانات|اظهارات)(?:\s+(?:اغازين|افتتاحيه|پاياني))?)\s+(?P<who>.+)$"
)
# whose: a name with a title ("وزیر امور خارجه", "Minister", «Министра», «وزير»)
_HEADING_TITLE_RE = re.compile(
    r"(?<!\w)(?:minister|secretary|president|ambassador|spokes\w+|министр\w*|президент\w*|"
    r"посл\w*|генсек\w*|وزير|الوزير|رييس|سفير|المتحدث|سخنگو|دكتر|السيد|اقاي)(?!\w)"
)
# A transcript's crosshead before its questions (normalised)
_QA_HEADING_RE = re.compile(
    r"^\s*(?:q\s*&\s*a|questions?\s+and\s+answers?|вопросы\s+и\s+ответы|ответы\s+на\s+вопросы"
    r"(?:\s+сми)?|(?:ال)?اسيله\s+و\s*(?:ال)?اجوبه|پرسش(?:\s*ها)?\s+و\s+پاسخ(?:\s*ها)?)\s*[.:]?\s*$"
)
HEADING_HIS, HEADING_OTHER = "heading_his", "heading_other"
_MAX_SPEECH_HEADING_WORDS = 16


def _speech_heading(raw: str) -> str | None:
    """HEADING_HIS or HEADING_OTHER when the paragraph is a short heading over a
    speaker's words (see _SPEECH_HEADING_RE), "break" for the crosshead of the questions,
    else None."""
    if len(raw) > 200 or ends_sentence(raw) or len(raw.split()) > _MAX_SPEECH_HEADING_WORDS:
        return None  # (the common case: a paragraph of text)
    norm = normalize(raw)
    if _QA_HEADING_RE.match(norm):
        return "break"  # "Questions and answers": the remarks before it have ended
    m = _SPEECH_HEADING_RE.match(norm)
    if m is None:
        return None
    if _mentions_lavrov(m.group("who")):
        return HEADING_HIS
    return HEADING_OTHER if _HEADING_TITLE_RE.search(m.group("who")) else None


_MIN_INTERVIEWER_TURNS = 2


def _mark_interviewer(
    kinds: list[str | None], asking: dict[str, list[tuple[int, bool, bool]]]
) -> None:
    """An outlet's name as the interviewer's label ("Бакинский рабочий: ...?", "New
    Vision: ...?", "هفت صبح: ...؟"): a label that asks again and again beside his answers
    (a name's label: in half of its turns at least) is the questions', also where its
    turn asks without a question mark."""
    if "lavrov" not in kinds:
        return
    for where in asking.values():
        n_asking = sum(asks for _i, asks, _named in where)
        named = any(named for _i, _asks, named in where)
        if n_asking >= _MIN_INTERVIEWER_TURNS and (not named or 2 * n_asking >= len(where)):
            for i, _asks, _named in where:
                kinds[i] = "question"


def _narrator(norm: str, kind: str, narrators: set[str]) -> str:
    """A reporter's label ("CHAD BRENNAN, BYLINE:") adds his name words to `narrators`; a
    later label of those words only ("BRENNAN:") is his too."""
    name = re.split(r"[,،]", _LABEL_RE.match(norm).group("label"))[0].split()
    if kind == "narrator":
        narrators.update(name)
        return kind
    return "narrator" if name and narrators.issuperset(name) else kind


def _unlabelled(raw: str) -> bool:
    head = raw[:100]
    return ":" not in head and "：" not in head


# A colon after a full sentence is no speaker's label ("Three things stand out. First, the
# oil answer was an invitation, not a promise: ...")
_SENTENCE_BEFORE_COLON_RE = re.compile(r"[^:：\n]{0,100}?[.!?؟]\s[^:：\n]*[:：]")


def _with_narration(paragraphs: Sequence[str], labels: list[str | None], start: int) -> None:
    """Mark the outlet's narration among the unlabelled paragraphs from `start` on."""
    for i in range(start, len(paragraphs)):
        if labels[i] is None and (
            _unlabelled(paragraphs[i])
            or _SENTENCE_BEFORE_COLON_RE.match(paragraphs[i])
            or _ABOUT_HIS_ANSWER_RE.match(normalize(paragraphs[i][:100]))
        ):
            labels[i] = _narration(paragraphs[i])


def _assign(labels: list[str | None], opening: bool, answers_unlabelled: bool) -> list[Turn]:
    turns: list[Turn] = []
    current = _REMARKS if opening else _OUTSIDE
    for kind in labels:
        if kind in (HEADING_HIS, HEADING_OTHER):
            turns.append(_OUTSIDE)  # the heading itself is the outlet's
            current = _REMARKS if kind == HEADING_HIS else _OTHER
            continue
        if kind == NOTE:
            turns.append(_OUTSIDE)  # (the turn goes on after it)
            continue
        if kind in ("break", "narration", "narrator"):
            current = _OUTSIDE
        elif kind == "lavrov" or (kind == "answer" and answers_unlabelled):
            current = _ANSWER
        elif kind in ("question", "other", "answer"):
            current = _OTHER
        elif current is _OTHER and answers_unlabelled and turns and turns[-1] is _OTHER:
            # an interview whose answers carry no label: the paragraph after a question
            current = _ANSWER
        turns.append(current)
    return turns


# A byline naming him the author: "By Sergey Lavrov, Minister of Foreign Affairs ...",
# «Автор: Сергей Лавров», «Сергей Лавров, министр иностранных дел России» alone on its
# line, «بقلم: سيرغي لافروف», «نوشته سرگئی لاوروف» (normalised)
_HIS_BYLINE_RE = re.compile(
    r"^(?:(?:by|written\s+by|op-ed\s+by|автор\s*:?|بقلم\s*:?|(?:به\s+قلم|نوشته)\s*:?)\s+"
    r"(?:[^\s,]+\s+){0,6}?(?:sergey\s+|sergei\s+|сергей\s+|سيرغي\s+|سيرجي\s+|سرگيي\s+)?"
    r"(?:lavrov|лавров|لافروف|لاوروف)(?!\w)"
    r"|(?:sergey|sergei|сергей|سيرغي|سيرجي|سرگيي)\s+(?:викторович\s+)?(?:lavrov|лавров|لافروف|لاوروف)"
    # a footnote mark after the name (the note with his title at the article's end)
    r"(?:\s*[,،]\s*(?:minister|министр|وزير)[^.!?؟]*)?\s*[*٭✱]{0,2}\s*$)"
)
# The outlet's note on the article: no text of his
# or the outlet presenting the article ("تنشر «البيان» هذا المقال لوزير ...", "The paper
# publishes this article ...", «Публикуем статью министра ...», «متن این یادداشت ...»)
_EDITORS_NOTE_RE = re.compile(
    r"^(?:editor'?s\s+note|от\s+редакции|примечание\s+редакции|ملاحظه\s+(?:ال)?محرر|"
    r"(?:ال)?محرر\s*:|يادداشت\s+(?:سردبير|ويراستار)|published|опубликовано|نشر\s+في|"
    r"[وف]?(?:تنشر|ننشر|ينشر|تعيد|نعيد)\s[^.]{0,40}?(?:ال)?مقال|"
    r"this\s+(?:article|op-ed|piece|commentary)\s|the\s+following\s+(?:article|op-ed)|"
    r"[^.]{0,40}?\s(?:publishes|is\s+publishing|republishes)\s+(?:this|the\s+following|an?)\s+"
    r"(?:article|op-ed|piece)|публикуем\s|предлагаем\s+вашему\s+вниманию|"
    r"(?:статья|текст)\s+(?:публикуется|опубликован)|(?:متن\s+)?(?:اين\s+)?(?:مقاله|يادداشت)\s)"
)


def _his_byline(paragraphs: Sequence[str]) -> int | None:
    """The index of a byline naming him the author among the first paragraphs."""
    for i, raw in enumerate(paragraphs[:_MAX_INTRO_PARAGRAPHS]):
        if len(raw) > _MAX_BYLINE_CHARS or _HIS_NAME_HINT_RE.search(raw) is None:
            continue  # (a quick test first: most paragraphs are long or do not name him)
        if _HIS_BYLINE_RE.match(normalize(raw)):
            return i
    return None


_MAX_BYLINE_CHARS = 160
_HIS_NAME_HINT_RE = re.compile("lavrov|лавров|لافروف|لاوروف", re.IGNORECASE)


def _article_start(paragraphs: Sequence[str], after: int) -> int | None:
    """The first paragraph of his article after its byline: past date lines and the
    outlet's note."""
    for i in range(after, len(paragraphs)):
        norm = normalize(paragraphs[i][:80])
        if not (is_short_date_line(norm) or _EDITORS_NOTE_RE.match(norm)):
            return i
    return None


def _addresses_audience(paragraphs: Sequence[str]) -> bool:
    return any(_ADDRESS_RE.match(normalize(p[:40])) for p in paragraphs)


def _remarks_heading(paragraphs: Sequence[str], first_label: int) -> int | None:
    """The index of a short heading naming him and his speech, before any label and
    among the first paragraphs, that the audience addressed follows."""
    for i in range(min(first_label, _MAX_INTRO_PARAGRAPHS, len(paragraphs) - 1)):
        raw = paragraphs[i]
        if ends_sentence(raw) or len(raw.split()) > _MAX_HEADING_WORDS:
            continue
        norm = normalize(raw[:200])
        if (
            _HEADING_SPEECH_RE.search(norm)
            and _mentions_lavrov(norm)
            and _ADDRESS_RE.match(normalize(paragraphs[i + 1][:40]))
        ):
            return i
    return None


_MAX_INTRO_PARAGRAPHS = 10
# The audience is addressed within this many paragraphs under the heading (after a date
# line, the outlet's or embassy's note, "Unofficial translation")
_ADDRESS_WITHIN = 4
_MAX_HEADING_WORDS = 40  # the ministry's own: "Remarks and answers to media questions by ..."


def _inner_heading(paragraphs: Sequence[str], labels: list[str | None]) -> int | None:
    """The index of a speech's heading among the first paragraphs, before any label: a
    line that names him and the speech ("Выступление ... С.В.Лаврова ..., Багдад, 5
    февраля 2023 года") under a masthead ("Министерство иностранных дел ...")."""
    for i, raw in enumerate(paragraphs[:3]):
        if labels[i] not in (None, "narration") or ends_sentence(raw):
            return None
        norm = normalize(raw[:400])
        if _HEADING_SPEECH_RE.search(norm) and _mentions_lavrov(norm):
            return i
    return None


def transcript_turns(paragraphs: Sequence[str], heading: str = "") -> list[Turn] | None:
    """Each paragraph's turn when the article is a transcript of his words, else None.

    `paragraphs` are the body's paragraphs (the heading excluded), as written."""
    if not paragraphs:
        return None
    labels = _paragraph_labels(paragraphs)
    headed = HEADING_OTHER in labels  # speakers' headings over their words (joint format)
    n_lavrov = labels.count("lavrov") + labels.count(HEADING_HIS)
    n_question = labels.count("question") + labels.count("answer")
    if not heading and not n_lavrov:
        return None
    byline = _his_byline(paragraphs)  # an article of his under his byline
    if (
        not n_lavrov
        and n_question < 2
        and byline is None
        and not _addresses_audience(paragraphs[:_ADDRESS_WITHIN])
    ):
        return None  # no label of his, no interview, no speech, no article: the common case
    heading_norm = normalize(heading)
    names_him = _mentions_lavrov(heading_norm)
    lead = 0  # the first paragraph after the heading
    cleared = 0  # the labels before this index are no turns
    if not names_him and (inner := _inner_heading(paragraphs, labels)) is not None:
        # the page's masthead came first: the heading naming him is a body paragraph
        heading_norm, names_him, lead = normalize(paragraphs[inner]), True, inner + 1
        labels[: inner + 1] = [None] * (inner + 1)
        cleared = inner + 1
    # the audience addressed in one of the first paragraphs (after a date line, say)
    firsts = (
        [normalize(p[:300]) for p in paragraphs[lead : lead + _ADDRESS_WITHIN]] if names_him else []
    )
    # (the first words under the heading, past a date line)
    first = next((f for f in firsts if not is_short_date_line(f)), firsts[0] if firsts else "")
    address_at = next((lead + i for i, f in enumerate(firsts) if _ADDRESS_RE.match(f)), None)
    if address_at is None and byline is not None:  # his article's text starts past notes
        names_him, address_at = True, _article_start(paragraphs, byline + 1)
    address = names_him and address_at is not None
    labelled = n_lavrov + n_question >= 2 or (
        n_lavrov and (labels.count("other") or labels.count("narrator") or headed)
    )
    first_label = next(
        (
            i
            for i, k in enumerate(labels)
            if k and k not in ("break", "narration", "narrator", NOTE)
        ),
        len(labels),
    )
    first_turn = next(
        (i for i, k in enumerate(labels) if k in ("lavrov", "question", "answer", HEADING_HIS)),
        len(labels),
    )  # (an outlet's "Diplomacy-e Irani: ..." lead is labelled like a speaker)
    if address_at is None and (sub := _remarks_heading(paragraphs, first_turn)) is not None:
        # "سخنان آغازین سرگئی لاوروف" / "Opening remarks by Sergey Lavrov" after the
        # outlet's introduction, then the audience addressed: his speech starts there
        names_him, address_at, address = True, sub + 1, True
    if not names_him and n_lavrov == 0 and n_question >= 2:
        names_him = any(_mentions_lavrov(normalize(p[:400])) for p in paragraphs[:first_label])
    interview = names_him and n_lavrov == 0 and n_question >= 2
    if not (address or (labelled and (n_lavrov or interview))):
        return None
    speechy = bool(_HEADING_SPEECH_RE.search(heading_norm)) and not _mentions_lavrov(first)
    # an interview's intro is the outlet's; a speech's unlabelled start is his
    opening = (
        not headed and first_label > 0 and (address or (names_him and speechy and not interview))
    )
    start = (lead if address_at is None else address_at) if opening else first_label
    if opening and address:
        labels[:start] = [None] * start  # a label in the outlet's introduction is no turn
        cleared = max(cleared, start)
    _with_narration(paragraphs, labels, cleared)  # (only the turns need it)
    # an interview of him alone whose questions carry labels: an answer may lack his
    two_party = n_lavrov and n_question >= 2 and not headed and "other" not in labels
    turns = _assign(labels, opening, answers_unlabelled=interview or bool(two_party))
    return [t if i >= start else _OUTSIDE for i, t in enumerate(turns)]


# A transcript has his label ("С.В.Лавров:", "Lavrov in talks with X:"), a question's
# label or mark, or an audience addressed, at the start of a line (a quick test on the
# raw text before its paragraphs are looked at). Each branch opens with the line break
# before it (searched in "\n" + text): the engine skips from one line break to the next,
# three times faster than trying a line start (^) at every position.
_MAY_BE_TRANSCRIPT_RE = re.compile(
    r"\n[^\n:：]{0,80}(?:lavrov|лавров|لافروف|لاوروف)[^\n:：]{0,60}[:：]"
    r"|\n\s*(?:вопрос|question|q|س|سؤال|سوال|پرسش|ответ|answer)\s*(?:[(\[][^)\]\n]{0,160}[)\]])?\s*[:：]"
    r"|\n\s*(?:[■●•▪◾►]|\*\*|[—–]\s|(?:س|سؤال|q|в)\s*/)[^\n]*[?؟]"
    rf"|\n\s*(?:{SOUNDBITE_LABELS})\s*[:：][^\n]{{0,40}}(?:lavrov|лавров|لافروف|لاوروف)"
    rf"|\n\s*[(\[]\s*(?:{SOUNDBITE_LABELS})[^\n]{{0,120}}(?:lavrov|лавров|لافروف|لاوروف)"
    # his byline over an article of his ("By Sergey Lavrov, Minister ...", «بقلم: سيرغي لافروف»)
    r"|\n\s*(?:by|written\s+by|автор:?|بقلم:?|به\s+قلم|نوشته:?)\s[^\n]{0,40}"
    r"(?:lavrov|лавров|لافروف|لاوروف)"
    r"|\n\s*(?:sergey|sergei|сергей|سيرغي|سرگئی)\s+(?:викторович\s+)?(?:lavrov|лавров|لافروف|لاوروف)"
    r"(?:\s*[,،]\s*(?:minister|министр|وزير|وزیر)|[ \t]*[*٭✱]{0,2}[ \t]*\n)"
    r"|\n\s*(?:ladies|colleagues|dear|уважаем|дамы|коллеги|дорогие|السيدات|سيداتي|الزملاء|"
    r"اصحاب|أصحاب|خانم|همکاران|دوستان)"
    # a speaker's heading over his words in a joint transcript (transcripts._speech_heading)
    r"|\n\s*(?:(?:opening\s+)?(?:remarks|statement|speech|address)\s+(?:by|of)|выступление|"
    r"вступительное\s+слово|заявление|(?:نص\s+)?(?:ال)?(?:كلمة|كلمه|خطاب|بيان|مداخلة)|"
    r"(?:متن\s+)?(?:سخنان|سخنران[يی]|بیانات|بيانات|اظهارات))\s",
    re.IGNORECASE,
)


_END_MARK = "-End-"


def sentence_turns(text: str, sentences: Sequence[Sentence], title: str = "") -> list[Turn] | None:
    """Each sentence's turn when the article is a transcript (`transcript_turns`); its
    heading is the text's first paragraph when it reads as one, else `title`."""
    if not sentences or not _MAY_BE_TRANSCRIPT_RE.search("\n" + text):
        return None
    paras: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = paras.get(s.paragraph, (s.start, s.end))
        paras[s.paragraph] = (min(a, s.start), max(b, s.end))
    order = sorted(paras)
    first = sentences[0]
    headline_like = not ends_sentence(text[first.start : first.end])
    heading_para = order[0] if headline_like and len(order) > 1 else None
    body = [p for p in order if p != heading_para]
    heading = text[slice(*paras[heading_para])] if heading_para is not None else title
    # the outlet's end mark ("(انتهى)", "-End-") cut as boilerplate still ends the turns
    keys: list[int | None] = []
    for k, p in enumerate(body):
        if k and marks_the_end(text[paras[body[k - 1]][1] : paras[p][0]]):
            keys.append(None)
        keys.append(p)
    texts = [_END_MARK if p is None else text[slice(*paras[p])] for p in keys]
    turns = transcript_turns(texts, heading)
    if turns is None:
        return None
    by_para = {p: turn for p, turn in zip(keys, turns, strict=True) if p is not None}
    return [by_para.get(s.paragraph, Turn(None, None, None)) for s in sentences]
