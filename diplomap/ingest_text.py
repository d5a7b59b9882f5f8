"""Text for ingest: bytes of unknown encoding to text (`decode_bytes`: BOMs, BOM-less
UTF-16, UTF-8, the legacy encodings of the four languages chosen by how natural their
letters are), the binary-format sniffing and control-character checks that reject what
is not text, cleaning (`clean_text`) and the headline of a text or page (`detect_title`,
`html_title`).

Part of diplomap.ingest (which re-exports the public names); never imports
diplomap.extract."""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from functools import lru_cache
from html import unescape as html_unescape

from diplomap.navigation import (
    FEED_ITEM_RE,
    WIDGET_RE,
    breadcrumb_kind,
    is_feed_label,
    is_ticker_of_items,
)
from diplomap.normalize import normalize

# --- cleaning ---------------------------------------------------------------------------

_NEWLINES_RE = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Control characters, and invisible format characters that only steer display: bidi
# embeddings/overrides/isolates and marks, zero-width space, word joiner and invisible
# operators. Left in the stored text they split names ("Sy\u200bria") and break the
# line-anchored rules (datelines, headers, "read also" blocks). Soft hyphens go too.
# ZWNJ and ZWJ stay (Persian spelling: می‌کند) except inside a Latin or Cyrillic word
# ("MO\u200dSCOW"), where they are noise.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\u00ad\ufeff\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufff9-\ufffb]"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# ZWNJ/ZWJ between two Latin or Cyrillic letters: never spelling, only noise.
_LATIN_CYRILLIC = "A-Za-z\u00c0-\u024f\u0400-\u052f"
_STRAY_JOINER_RE = re.compile(f"(?<=[{_LATIN_CYRILLIC}])[\u200c\u200d]+(?=[{_LATIN_CYRILLIC}])")


# Anything the three substitutions below would change (one search: most texts hold none)
_DIRTY_RE = re.compile(f"{_SURROGATE_RE.pattern}|{_NEWLINES_RE.pattern}|{_CONTROL_RE.pattern}")


def _clean_keep_layout(text: str) -> str:
    """NFC, every line break to LF, control characters (but \\n and \\t) removed."""
    if _DIRTY_RE.search(text) is None:  # NFC composes no control nor line break
        text = unicodedata.normalize("NFC", text)
    else:
        text = _SURROGATE_RE.sub("\ufffd", text)
        text = unicodedata.normalize("NFC", text)
        text = _NEWLINES_RE.sub("\n", text)
        text = _CONTROL_RE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER_RE.sub("", text)
    return text


# A character that cleaning keeps and that is not white space.
_VISIBLE_RE = re.compile(
    "[^\\s\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\u00ad\ufeff\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufff9-\ufffb]"
)


def has_text(text: str) -> bool:
    """Whether `clean_text(text)` would be non-empty, found without cleaning it all (it
    stops at the first visible character; joiners count, as cleaning may keep them)."""
    return _VISIBLE_RE.search(text) is not None


def clean_text(text: str) -> str:
    """NFC, CRLF/CR (and other line separators) to LF, control characters except \\n and
    \\t removed (NUL, C1 controls, stray BOMs), invisible bidi and zero-width
    format characters and soft hyphens removed (see _CONTROL_RE), lone surrogates replaced by U+FFFD,
    leading and trailing whitespace stripped."""
    return _clean_keep_layout(text).strip()


# --- decoding ---------------------------------------------------------------------------

# Codecs whose decoding costs time linear in the input, the only ones a declared or
# sniffed charset may name: UTF-8/16/32, ASCII, Windows-125x, ISO-8859-x, KOI8, the DOS
# and Mac code pages of Cyrillic and Arabic script, and the common CJK codecs (all
# table-driven C codecs). Others (punycode and idna: quadratic; utf-7, rot13, the
# base64/zlib "codecs") are never used: the bytes are decoded by detection instead.
_SAFE_LABELS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
    "utf-32-be", "ascii", "latin-1", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254",
    "cp1255", "cp1256", "cp1257", "cp1258", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-9", "iso8859-10",
    "iso8859-11", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r",
    "koi8-u", "koi8-t", "kz1048", "cp866", "cp855", "cp720", "cp864", "mac-cyrillic",
    "mac-arabic", "mac-farsi", "mac-roman", "cp437", "cp850", "cp874", "gbk", "gb18030",
    "gb2312", "big5", "shift_jis", "euc-jp", "euc-kr", "cp949",
)  # fmt: skip


@lru_cache(maxsize=1)
def _safe_codecs() -> frozenset[str]:
    # when first needed: looking 57 codecs up imports their modules (~0.01 s a start)
    return frozenset(codecs.lookup(name).name for name in _SAFE_LABELS)


def __getattr__(name: str) -> frozenset[str]:
    if name == "SAFE_CODECS":  # the canonical names of _SAFE_LABELS, computed when read
        return _safe_codecs()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def safe_codec(name: str) -> str | None:
    """The canonical name of a charset label when it is on the allow-list (SAFE_CODECS),
    else None (unknown, or a codec whose cost is not linear)."""
    try:
        codec = codecs.lookup(name.strip()).name
    except (LookupError, ValueError, TypeError):
        return None
    return codec if codec in _safe_codecs() else None


# Labels that decode any byte: pages in Windows-1256/1251 are often mislabelled so
_LATIN_CODECS = frozenset(
    codecs.lookup(n).name for n in ("latin-1", "cp1252", "ascii", "iso8859-15")
)


def decode_declared(data: bytes, label: str) -> tuple[str, str, int] | None:
    """(text, encoding, 0): `data` decoded strictly by a declared charset that is on the
    allow-list (SAFE_CODECS); None when it is not, or does not decode (the caller then
    decodes by detection). A Latin label, which decodes any byte, is trusted only when
    our own detection has to replace bytes."""
    encoding = safe_codec(label) if label else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, ValueError):
        return None
    if encoding in _LATIN_CODECS:
        guessed = decode_bytes(data)
        if guessed[2] == 0:
            return guessed
    return text, encoding, 0


_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"PK\x07\x08", "zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
)


def sniff_binary(data: bytes) -> str | None:
    """The kind of a well-known binary format, from its first bytes, or None."""
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and len(data) >= 12:
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}.get(
            data[8:12], "RIFF media"
        )
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data[257:262] == b"ustar":
        return "tar archive"
    return None


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# Letter frequencies (share of letters) for scoring legacy decodings.
def _frequencies(table: str) -> dict[str, float]:
    """'a 1.5 b 2.0 ...' -> {"a": 1.5, "b": 2.0}."""
    items = table.split()
    return {items[i]: float(items[i + 1]) for i in range(0, len(items), 2)}


_RU_FREQ = _frequencies(
    """о 10.97 е 8.45 а 8.01 и 7.35 н 6.70 т 6.26 с 5.47 р 4.73 в 4.54 л 4.40 к 3.49
    м 3.21 д 2.98 п 2.81 у 2.62 я 2.01 ы 1.90 ь 1.74 г 1.70 з 1.65 б 1.59 ч 1.44 й 1.21
    х 0.97 ж 0.94 ш 0.73 ю 0.64 ц 0.48 щ 0.36 э 0.32 ф 0.26 ъ 0.04 ё 0.10"""
)
_AR_FREQ = _frequencies(
    """ا 12.5 ل 11.0 ي 7.0 م 6.0 و 6.0 ن 6.0 ر 4.5 ت 4.5 ب 4.0 ع 4.0 ه 3.0 ة 3.0 د 3.0
    ف 2.5 ق 2.5 س 2.5 ك 2.0 ح 2.0 أ 2.0 ج 1.5 إ 0.8 ط 1.0 ش 1.0 ص 1.0 خ 0.8 ذ 0.8
    ض 0.6 ز 0.5 ث 0.5 غ 0.4 ظ 0.2 ى 1.0 ئ 0.4 ؤ 0.2 ء 0.3 آ 0.2
    پ 0.5 چ 0.5 ژ 0.2 گ 0.5 ک 1.0 ی 1.0"""
)
# Arabic marks and punctuation are plausible too (harakat, comma, semicolon, question).
_AR_OTHER = set("ًٌٍَُِّْ،؛؟ـ") | {"\u200c", "\u200d"}
# Typographic characters that the legacy encodings share; neutral for scoring.
_NEUTRAL = set("«»—–“”„‘’…№•\u00a0\u00b0\u00a7\u00a9\u00ae\u2122\u00b7")
_IMPLAUSIBLE = math.log2(1e-5)
_LEGACY = ("cp1256", "cp1251", "koi8-r")


def _legacy_score(text: str, encoding: str) -> tuple[float, float]:
    """(mean log2-probability of the non-ASCII characters, share of the letters in the
    expected script) for a legacy decoding; higher is more natural."""
    freq = _AR_FREQ if encoding == "cp1256" else _RU_FREQ
    total_freq = sum(freq.values())
    logp = 0.0
    n = 0
    script_letters = 0
    letters = 0
    prev_lower = False
    for ch in text:
        if ch.isalpha():
            letters += 1
        if ord(ch) < 0x80:
            prev_lower = ch.islower()
            continue
        if ch in _NEUTRAL or ch.isspace():
            prev_lower = False
            continue
        n += 1
        folded = ch.lower()
        if folded in freq:
            script_letters += 1
            p = math.log2(freq[folded] / total_freq)
            if ch.isupper() and prev_lower:  # "aBc": a capital inside a word
                p += _IMPLAUSIBLE / 2
            logp += p
        elif encoding == "cp1256" and ch in _AR_OTHER:
            logp += math.log2(0.01)
        else:
            logp += _IMPLAUSIBLE
        prev_lower = ch.islower()
    if n == 0:
        return _IMPLAUSIBLE, 0.0
    return logp / n, script_letters / max(letters, 1)


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """The most natural legacy decoding, or None when none is plausible. Candidates are
    scored on a sample (64 KB from the first non-ASCII byte), then the winner decodes all."""
    first = _HIGH_BYTE_RE.search(data)
    start = max(0, first.start() - 1024) if first else 0
    sample = data[start : start + 65536]
    best: tuple[float, str] | None = None
    for encoding in _LEGACY:
        if safe_codec(encoding) is None:  # sniffing names only allowed codecs too
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score, script_share = _legacy_score(_MARKUP_RE.sub(" ", text), encoding)
        if script_share < 0.3 or score < -8.0:
            continue
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is None:
        return None
    try:
        return data.decode(best[1]), best[1]
    except UnicodeDecodeError:  # cp1251 has no 0x98: only outside the sample
        return None


_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
# HTML tags: their Latin letters say nothing about the encoding.
_MARKUP_RE = re.compile(r"<[^<>]{0,2000}>")


def _decode_bom_less_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL (or a script's high byte) at every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    even, odd = sample[0::2], sample[1::2]
    for encoding, high in (("utf-16-le", odd), ("utf-16-be", even)):
        # In UTF-16 text of one script, the high bytes take a few values (0x00 for
        # Latin, 0x04 for Cyrillic, 0x06 for Arabic): most of them are one of those.
        common = sum(high.count(b) for b in (0x00, 0x04, 0x06, 0x20))
        if common < 0.9 * len(high):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) < 0.01:
            return text, encoding
    return None


_SHARE_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f]")


def _control_share(text: str) -> float:
    """Share of control characters (but tab, line breaks, form feed, SUB and ESC) in the
    first 64K characters."""
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_SHARE_CONTROLS_RE.findall(sample)) / len(sample)


_LOW_CONTROL_RE = re.compile(rb"[\x00-\x08]")
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f]")
_CONTROL_RUN_RE = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f]{3}")


def _count_controls(text: str) -> int:
    return len(_CONTROLS_RE.findall(text))


def _text_with_controls(text: str, replaced: int) -> bool:
    """Text sprinkled with NULs or other controls (a broken export, a hostile edit) rather
    than binary data: it decoded without a single replacement, the controls are a minority
    and isolated (binary formats pad with runs of NULs) and, once they are set aside, it is
    mostly letters."""
    sample = text[:65536]
    if replaced or not sample:
        return False
    controls = _count_controls(sample)
    if controls > 0.25 * len(sample) or _CONTROL_RUN_RE.search(sample):
        return False
    # format characters (zero-width, bidi marks) and combining marks are not "visible"
    visible = [
        ch
        for ch in _CONTROLS_RE.sub("", sample)
        if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Mn")
    ]
    letters = sum(1 for ch in visible if ch.isalpha())
    return len(visible) >= 2 and letters >= 0.7 * len(visible)


def decode_bytes(data: bytes) -> tuple[str, str, int]:
    """Decode bytes of unknown encoding: (text, encoding, replaced_chars).

    Order: BOM (UTF-8, UTF-16/32) -> BOM-less UTF-16 (when NULs show) -> strict UTF-8 -> mostly-valid
    UTF-8 with a few bad bytes -> Windows-1256 / Windows-1251 / KOI8-R, the one whose
    letters are most natural for Arabic-script or Russian text -> UTF-8 with U+FFFD
    for every undecodable byte (counted). Never raises.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom) :]
            text = body.decode(encoding, errors="replace")
            if encoding == "utf-8-sig":
                text = text.removeprefix("\ufeff")
            replaced = text.count("\ufffd") - _count_literal_fffd(body, encoding)
            return text, encoding, max(replaced, 0)
    if _LOW_CONTROL_RE.search(data, 0, 65536):  # NUL & co: BOM-less UTF-16, or binary
        utf16 = _decode_bom_less_utf16(data)
        if utf16 is not None:
            return utf16[0], utf16[1], 0
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid_non_ascii >= 4 * replaced:  # UTF-8 with a few damaged bytes
        return text, "utf-8", replaced
    legacy = _decode_legacy(data)
    if legacy is not None:
        return legacy[0], legacy[1], 0
    return text, "utf-8", replaced


def _count_literal_fffd(body: bytes, encoding: str) -> int:
    """U+FFFD characters really present in the input (not replacements)."""
    try:
        return body.decode(encoding).count("\ufffd")
    except UnicodeDecodeError:
        if encoding == "utf-8-sig":
            return body.count(b"\xef\xbf\xbd")
        return 0


# --- titles: the headline, never page furniture ------------------------------------------


_SENTENCE_END = (".", "!", "?", "؟", "…", "。", "۔")
_CLOSERS = "\"'»”’)]›"

_TITLE_LINES = 24  # the headline is looked for among the first N lines
_TITLE_WORD_RE = re.compile(r"[^\W\d_]+")
_TITLE_DIGITS_RE = re.compile(r"\d+")
# a time of day, a year (possibly run into the time) or a numeric date
_CLOCK_TOKEN_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<!\d)(?:19|20|13|14)\d{2}(?:(?!\d)|(?=\d{1,2}:\d))"
    r"|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
)
_TODAY_RE = re.compile(r"^(?:today|сегодня|اليوم|امروز)(?!\w)")
# Section labels that open a line ("Related: ...", "چرا مهم است: ...", "Главное: ...").
_SECTION_LABELS = frozenset(
    normalize(w)
    for w in (
        "Related", "Read also", "Read more", "Also read", "See also", "More", "Tags",
        "Topics", "Why it matters", "Key points", "Главное", "Читайте также",
        "Смотрите также", "По теме", "Теги", "Темы", "Новости по теме", "Подробнее",
        "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "ذات صلة", "شاهد أيضا", "الوسوم",
        "كلمات دلالية", "مواضيع ذات صلة", "لماذا يهم", "چرا مهم است", "بیشتر بخوانید",
        "همچنین بخوانید", "خبرهای مرتبط", "اخبار مرتبط", "برچسب ها", "برچسب‌ها",
        "کلیدواژه ها", "کلیدواژه‌ها", "Updated", "Published", "Обновлено", "Опубликовано",
        "آخر تحديث", "تاريخ النشر", "منتشر شده", "تاریخ انتشار", "به روز شده",
        "Source", "Источник", "المصدر", "منبع", "Photo", "Фото", "الصورة", "عکس",
        "نشر في", "کد خبر", "شماره روزنامه", "Author", "Автор", "Текст", "الكاتب", "نویسنده", "Participants", "Участники",
        # a channel's pinned message
        "Pinned message", "Pinned", "Закреплено", "Закрепленное сообщение", "Закреплённое сообщение",
        "پیام سنجاق‌شده", "پیام سنجاق شده", "سنجاق‌شده", "رسالة مثبتة", "منشور مثبت",
    )
)  # fmt: skip


_MIN_SENTENCE_WORDS = 4
_LEAD_MARKS_RE = re.compile(r"^[^\w]+")  # emoji and bullets before a label
_MAX_CLOCK_WORDS = 10
_MAX_HEADLINE_CHARS = 600  # the ministry's headings run to 500 characters, with no full stop
_MIN_HEADLINE_WORDS = 4  # a masthead, a section label or a byline has fewer
# A photo caption or credit above the headline: "[Photo: ...]", "توضیح تصویر، ..."
_CAPTION_RE = re.compile(
    r"^\s*(?:\[|(?:photo|image|caption|picture|фото|снимок|الصوره|صوره|عكس|توضيح\s+تصوير)"
    r"(?:\s*[:،,(]|\s+by\s))"
)


_KICKER_ENDS = ("؛", ";")
_QUESTION_ENDS = ("?", "؟")
_MAX_QUESTION_HEADLINE_WORDS = 20
_INNER_SENTENCE_END_RE = re.compile(r"[.!?؟](?:\s|$)")
_ELLIPSIS_RE = re.compile(r"\.{2,}")


def _is_question_headline(line: str, words: list[str]) -> bool:
    """A headline asks a question ("Что дальше?"); a paragraph of text seldom ends with
    one and is longer or holds another sentence before it."""
    body = line.rstrip(_CLOSERS)
    if not body.endswith(_QUESTION_ENDS) or len(words) > _MAX_QUESTION_HEADLINE_WORDS:
        return False
    # "قاله لافروف.. وما", "«لن نسمح»... فماذا": a pause, not a full stop
    inner = _ELLIPSIS_RE.sub("…", body[:-1])
    return _INNER_SENTENCE_END_RE.search(inner) is None


def _title_shape(line: str) -> str:
    """What a line is: a "headline", "text" (a sentence: the text has no headline line),
    a "menu" (a breadcrumb or the site's menu) or "furniture" (a clock, a date, a section
    label, a fragment such as "Lavrov:")."""
    if not line:
        return "furniture"
    norm = normalize(line)
    words = _TITLE_WORD_RE.findall(norm)
    if line.endswith(_KICKER_ENDS) or _MASTHEAD_RE.search(norm) or _is_clock_line(norm, words):
        # a kicker above the headline ("در حاشیه نشست مسکو؛"), an issue line ("Выпуск
        # № 158 | 16 августа 2012 г."), a date line
        return "furniture"
    if _is_question_headline(line, words):
        return "headline"  # "ما الذي قاله لافروف.. وما الذي لم يقله؟"
    if breadcrumb_kind(line) is not None:
        return "menu"  # also when its last item ends as a sentence does («Право знать!»)
    if is_ticker_of_items(norm):
        return "furniture"  # a breaking-news ticker ("عاجل | الجزائر: ...", «МОЛНИЯ: ... • ...»)
    if line.rstrip(_CLOSERS).endswith(_SENTENCE_END) or line.endswith(_SENTENCE_END):
        # a sentence; "Search...", "بحث..." is a page's furniture
        short = len(words) < _MIN_SENTENCE_WORDS
        return "furniture" if short and line.endswith(("...", "…")) else "text"
    if len(line) > _MAX_HEADLINE_CHARS:
        return "text"
    if _CAPTION_RE.match(norm) or FEED_ITEM_RE.match(norm) or is_feed_label(line):
        return "furniture"  # a caption; a news feed's item ("19:48 Зеленский провел ...")
    if WIDGET_RE.search(line):
        return "furniture"  # the weather or the exchange rates ("Москва +14 °C USD 65,05")
    if line.endswith((":", "：")) or len(words) < 2:
        return "furniture"
    label, colon, _rest = norm.partition(":")
    if colon and _LEAD_MARKS_RE.sub("", label).strip(" \t-–—•·") in _SECTION_LABELS:
        return "furniture"  # ("📌 پیام سنجاق‌شده: ...": an emoji before the label)
    return "headline"


# A newspaper's masthead or page line: an issue or page number ("№5 от 15.01.2020, стр. 6",
# "رقم العدد [14189]", "شماره ۴۹۸۱", "صفحه ۸ – دیپلماسی", "Issue No. 412") is no headline
_MASTHEAD_RE = re.compile(
    r"№\s*\d|(?<!\w)(?:شماره|العدد|رقم العدد|صفحه|issue\s+no\.?|стр\.)\s*[:：]?\s*\[?\s*[\d٠-٩۰-۹]"
)


def _is_clock_line(norm: str, words: list[str]) -> bool:
    """A running clock, ticker or date line ("الاثنين 30 نوفمبر 2026 - 14:05",
    "Сегодня, 30 ноября", "Updated: 13.02.2024 10:15", "14:05")."""
    groups = len(_TITLE_DIGITS_RE.findall(norm))
    if not groups:
        return False
    if _TODAY_RE.match(norm) and len(words) <= 5:
        return True
    if groups >= 2 and len(words) <= 4 and _CLOCK_TOKEN_RE.search(norm):
        return True
    # a date and a time with a few words ("Fri Jan 3, 2020 05:43PM [Updated: ...]",
    # "AFP · World · Sun 24 Jul 2022 · 16:38 GMT")
    return len(words) <= _MAX_CLOCK_WORDS and len(_CLOCK_TOKEN_RE.findall(norm)) >= 2


def detect_title(text: str, markdown: bool = False) -> str:
    """The headline: among the short lines above the first sentence of text, after the
    site's menu when there is one (a masthead, its tagline, a language bar and a ticker
    stand above the menu, or between its lines when no blank line parts them), the
    longest line of the first block of lines that has one of a headline's length (a
    kicker stands right above the headline, a standfirst comes after it); never a clock,
    a date, a breadcrumb, a caption, a section label or the page's short tagline. "" when
    the text opens with a sentence or nothing follows the headline."""
    blocks: list[list[str]] = [[]]  # headline-shaped lines, in runs without a blank line
    above_menu: list[list[str]] = []  # a masthead, its tagline: only when nothing follows
    menu_seen = menu_run = follows = False  # menu_run: a menu line in this run of lines
    pos = 0
    for _ in range(_TITLE_LINES):
        line, sep, _rest = text[pos:].partition("\n")
        pos += len(line) + len(sep)
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        shape = _title_shape(line) if line else "blank"
        if shape == "text" and not (menu_seen or any(blocks)) and _title_words(line) < 2:
            shape = "furniture"  # the page's name on top ("euronews."), not its text
        elif shape == "text" and _headline_of_sentences(line, blocks, text, pos):
            shape = "headline"  # "Russia wants a seat at the table. Lavrov told us how."
        if shape == "text":
            follows = True
            break
        if not sep:
            break
        if shape == "menu" and (menu_run or not menu_seen):
            # the site's menu, or one more of its lines ("NM | NewsMaker", its tagline,
            # "RO | RU", the sections): what stands above it is the masthead
            above_menu = [b for b in (*above_menu, *blocks) if b]
            blocks, menu_seen = [[]], True
        elif shape == "headline":
            blocks[-1].append(" ".join(line.split()))
        elif blocks[-1]:
            blocks.append([])  # a blank line or furniture ends the run
        menu_run = shape == "menu" or (menu_run and shape != "blank")
    if not (follows or text[pos:].strip()):
        return ""
    if not menu_seen and len(blocks) > 1 and len(blocks[0]) > 1:
        # no menu, the page's first lines a masthead and its short tagline ("THE
        # CONVERSATION", "Academic rigour, journalistic flair") above a longer headline
        first, later = _pick_headline(blocks[:1]), _pick_headline(blocks[1:])
        if _title_words(first) <= _MAX_TAGLINE_WORDS < _title_words(later):
            return later
    return _pick_headline(blocks) or _pick_headline(above_menu)


_MAX_TAGLINE_WORDS = 5


_MAX_SENTENCES_HEADLINE_WORDS = 20
_DATE_AFTER_LINES = 5


def _headline_of_sentences(line: str, blocks: list[list[str]], text: str, pos: int) -> bool:
    """Is a short line that ends like a sentence a headline of sentences ("Russia wants a
    seat at the Gulf table. Lavrov just told us how.")? So when no headline stands above
    it and the page's date line comes within the next few lines (a standfirst and a
    byline between): no story sentence is followed by one."""
    if _title_words(line) > _MAX_SENTENCES_HEADLINE_WORDS:
        return False
    if any(_title_words(b) >= _MIN_HEADLINE_WORDS for block in blocks for b in block):
        return False
    seen = 0
    for nxt in text[pos : pos + 2000].split("\n"):
        if not nxt.strip():
            continue
        norm = normalize(nxt.strip())
        if _is_clock_line(norm, _TITLE_WORD_RE.findall(norm)):
            return True
        seen += 1
        if seen >= _DATE_AFTER_LINES:
            return False
    return False


def _pick_headline(blocks: list[list[str]]) -> str:
    """In the first block with a line of a headline's length, that line, or the longer
    line right under it when it is an Arabic or Persian kicker (a short line above the
    headline, "على هامش منتدى ..."; a Russian or English headline comes first, its
    standfirst under it); else the longest line of all."""
    for block in blocks:
        for i, line in enumerate(block):
            words = _title_words(line)
            if words < _MIN_HEADLINE_WORDS:
                continue
            below = block[i + 1] if i + 1 < len(block) else ""
            if (
                words <= _MAX_KICKER_WORDS
                and _ARABIC_LETTER_RE.search(line)
                and _title_words(below) > words
            ):
                return below
            return line
    return max((line for block in blocks for line in block), key=_title_words, default="")


_MAX_KICKER_WORDS = 8
_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06FF]")


_NOT_A_TITLE = ("furniture", "menu")


def _title_words(line: str) -> int:
    return len(_TITLE_WORD_RE.findall(normalize(line)))


def html_title(title: str | None, html: str, text: str) -> str:
    """The page's headline: trafilatura's title unless it is page furniture, else the
    first <h1>/<h2> that is a headline, else the first headline line of the text."""
    title = " ".join((title or "").split())
    if title and _title_shape(title) not in _NOT_A_TITLE:
        return title
    for m in _HEADING_RE.finditer(html, 0, min(len(html), 2_000_000)):
        heading = " ".join(html_unescape(_TAG_RE.sub(" ", m.group(2))).split())
        if heading and _title_shape(heading) not in _NOT_A_TITLE:
            return heading
    return detect_title(text)


_HEADING_RE = re.compile(r"<h([12])\b[^>]{0,500}>(.{0,1000}?)</h\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]{0,500}>")
