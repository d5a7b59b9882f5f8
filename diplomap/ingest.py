"""Read what users actually have into `Article` records, never crashing.

Inputs: plain text (`.txt`, `.md`: one article per file), HTML (main text and metadata
via trafilatura), CSV/TSV (a `text` column, one article per row), JSON Lines and JSON
(objects with a `text` key) and ZIP archives of those (one nested level at most, never
extracted to disk, with caps on size, member count and compression ratio).

Bytes are decoded by `decode_bytes`: UTF-8 (with or without BOM), UTF-16/32 by BOM,
BOM-less UTF-16, then the legacy encodings of the four languages (Windows-1256,
Windows-1251, KOI8-R), chosen by how natural the decoded letters are, and as a last
resort UTF-8 with replacement characters (counted and reported).

Every bad input becomes a `Problem` (severity "error": the file or row was skipped;
"warning": it was kept, with a note). Only programming errors raise.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import os
import re
import stat
import struct
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

from diplomap.normalize import normalize

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_SUFFIXES",
    "Article",
    "IngestResult",
    "Limits",
    "Problem",
    "clean_text",
    "decode_bytes",
    "dedupe",
    "read_bytes",
    "read_paths",
]


# --- records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Caps that keep hostile inputs from exhausting memory or time."""

    max_file_bytes: int = 25 * 2**20  # a single input file (or zip member)
    max_article_chars: int = 2_000_000  # longer texts are truncated (warning)
    max_zip_total_bytes: int = 200 * 2**20  # total uncompressed size of a zip's members
    max_zip_members: int = 20_000
    max_zip_ratio: float = 200.0  # compression ratio per member beyond which it is a bomb
    max_articles: int = 500_000


DEFAULT_LIMITS = Limits()


@dataclass
class Article:
    """One article as read, before any extraction."""

    file: str  # path, "archive.zip!inner/a.txt", "data.csv#12" (row's line), "x.jsonl#3"
    text: str  # cleaned (see clean_text)
    title: str = ""
    published_raw: str | None = None  # a date value from metadata/columns, unparsed
    url: str = ""
    source: str = ""
    language: str | None = None  # declared language: ar/fa/ru/en/other, None if undeclared
    encoding: str = "utf-8"
    replaced_chars: int = 0

    @property
    def article_id(self) -> str:
        """16 hex chars of SHA-256 of the normalised text with whitespace collapsed.

        Computed once per text: the cache is keyed by the identity of `text`, so
        assigning a new text recomputes it."""
        cached = self.__dict__.get("_id_cache")
        text = self.text
        if cached is not None and cached[0] is text:
            return cached[1]
        value = text_id(text)
        self.__dict__["_id_cache"] = (text, value)
        return value


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: one clear human line."""

    file: str
    reason: str
    line: int | None = None
    severity: str = "error"  # "error" (skipped) | "warning" (kept, with a note)


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def extend(self, other: IngestResult) -> None:
        self.articles.extend(other.articles)
        self.problems.extend(other.problems)


TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CSV_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
ZIP_SUFFIXES = (".zip",)
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    TEXT_SUFFIXES + HTML_SUFFIXES + CSV_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + ZIP_SUFFIXES
)


def text_id(text: str) -> str:
    """The stable id of a text: the same words give the same id whatever the bytes were."""
    key = " ".join(normalize(text).split())
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def dedupe(articles: list[Article]) -> list[Article]:
    """Drop repeated texts: the first of each article_id wins, order kept."""
    seen: set[str] = set()
    kept = []
    for article in articles:
        key = article.article_id
        if key not in seen:
            seen.add(key)
            kept.append(article)
    return kept


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


def _clean_keep_layout(text: str) -> str:
    """NFC, every line break to LF, control characters (but \\n and \\t) removed."""
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER_RE.sub("", text)
    return text


def clean_text(text: str) -> str:
    """NFC, CRLF/CR (and other line separators) to LF, control characters except \\n and
    \\t removed (NUL, C1 controls, stray BOMs), invisible bidi and zero-width
    format characters and soft hyphens removed (see _CONTROL_RE), lone surrogates replaced by U+FFFD,
    leading and trailing whitespace stripped."""
    return _clean_keep_layout(text).strip()


# --- decoding ---------------------------------------------------------------------------

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


# --- the reader ---------------------------------------------------------------------------


class _Reader:
    """Collects articles and problems over one read, enforcing the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.result = IngestResult([], [])
        self.full = False

    # problems and articles --------------------------------------------------------------

    def problem(
        self, file: str, reason: str, line: int | None = None, severity: str = "error"
    ) -> None:
        self.result.problems.append(Problem(file, reason, line, severity))

    def add(self, article: Article, line: int | None = None) -> bool:
        """Clean, check and keep an article; False if it was rejected."""
        text = clean_text(article.text)
        if not text:
            self.problem(article.file, "empty text", line)
            return False
        if self.full:
            return False
        if len(self.result.articles) >= self.limits.max_articles:
            self.full = True
            self.problem(
                article.file,
                f"article limit reached ({self.limits.max_articles:,}); the rest was skipped",
                line,
            )
            return False
        limit = self.limits.max_article_chars
        if len(text) > limit:
            self.problem(
                article.file,
                f"text truncated to {limit:,} characters (was {len(text):,})",
                line,
                "warning",
            )
            text = text[:limit].rstrip()
        article.text = text
        article.title = " ".join(clean_text(article.title).split())
        article.url = clean_text(article.url)
        article.source = " ".join(clean_text(article.source).split())
        if article.published_raw is not None:
            article.published_raw = clean_text(article.published_raw) or None
        self.result.articles.append(article)
        return True

    # entry points -----------------------------------------------------------------------

    def read_path(self, path: Path, explicit: bool) -> None:
        name = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            self.problem(name, "no such file or folder")
            return
        except OSError as exc:
            self.problem(name, f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(info.st_mode):
            self.read_folder(path)
            return
        if not stat.S_ISREG(info.st_mode):
            self.problem(name, "not a regular file")
            return
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            if explicit:
                self.problem(name, _unsupported(suffix))
            return
        if info.st_size > self.limits.max_file_bytes:
            self.problem(name, _too_large(info.st_size, self.limits.max_file_bytes))
            return
        try:
            with path.open("rb") as handle:
                data = handle.read(self.limits.max_file_bytes + 1)
        except OSError as exc:
            self.problem(name, f"cannot read: {exc.strerror or exc}")
            return
        self.read_data(name, data, depth=0, budget=None)

    def read_folder(self, folder: Path) -> None:
        found = False

        def report(exc: OSError) -> None:
            self.problem(str(exc.filename or folder), f"cannot read: {exc.strerror or exc}")

        for root, dirs, files in os.walk(folder, onerror=report):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file_name in sorted(files):
                if file_name.startswith(".") or file_name.startswith("~$"):
                    continue
                path = Path(root) / file_name
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    found = True
                    self.read_path(path, explicit=False)
        if not found:
            self.problem(str(folder), "no supported files in the folder", severity="warning")

    def read_data(self, name: str, data: bytes, depth: int, budget: _Budget | None) -> None:
        """Dispatch bytes by the suffix of `name`."""
        suffix = _suffix(name)
        if suffix not in SUPPORTED_SUFFIXES:
            self.problem(name, _unsupported(suffix))
            return
        if len(data) > self.limits.max_file_bytes:
            self.problem(name, _too_large(len(data), self.limits.max_file_bytes))
            return
        if suffix in ZIP_SUFFIXES:
            self.read_zip(name, data, depth, budget)
            return
        if not data.strip():
            self.problem(name, "empty file")
            return
        kind = sniff_binary(data)
        if kind is not None:
            self.problem(name, f"binary file ({kind}), not text")
            return
        if suffix in HTML_SUFFIXES:
            self.read_html(name, data)
            return
        decoded = self.decode(name, data)
        if decoded is None:
            return
        text, encoding, replaced = decoded
        if suffix in TEXT_SUFFIXES:
            self.read_text(name, text, encoding, replaced, markdown=suffix in (".md", ".markdown"))
        elif suffix in CSV_SUFFIXES:
            self.read_csv(name, text, encoding, tab=suffix == ".tsv")
        elif suffix in JSONL_SUFFIXES:
            self.read_jsonl(name, text, encoding)
        else:
            self.read_json(name, text, encoding)

    def decode(self, name: str, data: bytes) -> tuple[str, str, int] | None:
        """Decode and reject what is not text; warn about replaced bytes."""
        text, encoding, replaced = decode_bytes(data)
        if _control_share(text) > 0.02:
            if not _text_with_controls(text, replaced):
                self.problem(name, "binary file (control characters), not text")
                return None
            self.problem(
                name,
                f"{_count_controls(text):,} control characters (NUL & co) removed",
                severity="warning",
            )
        if replaced > 0.2 * max(len(text), 1):
            self.problem(name, "binary file (mostly undecodable bytes), not text")
            return None
        if not clean_text(text):
            self.problem(name, "empty file")
            return None
        if replaced:
            self.problem(
                name,
                f"{replaced:,} undecodable byte(s) replaced by U+FFFD ({encoding})",
                severity="warning",
            )
        return text, encoding, replaced

    # plain text -------------------------------------------------------------------------

    def read_text(
        self, name: str, text: str, encoding: str, replaced: int, markdown: bool = False
    ) -> None:
        text = clean_text(text)
        article = Article(
            file=name,
            text=text,
            title=detect_title(text, markdown=markdown),
            encoding=encoding,
            replaced_chars=replaced,
        )
        self.add(article)

    # HTML -------------------------------------------------------------------------------

    def read_html(self, name: str, data: bytes) -> None:
        decoded = _decode_html(data)
        if decoded is None:
            decoded = self.decode(name, data)
            if decoded is None:
                return
        elif _control_share(decoded[0]) > 0.02:
            self.problem(name, "binary file (control characters), not text")
            return
        html, encoding, replaced = decoded
        html = _clean_keep_layout(html)
        if len(html.encode("utf-8", "replace")) > _TRAFILATURA_MAX_BYTES:
            self.problem(name, "HTML too large to extract the main text (over 20 MB)")
            return
        extracted = _extract_html(html)
        if extracted is None or not clean_text(extracted.get("text") or ""):
            self.problem(name, "no main text found")
            return
        self.add(
            Article(
                file=name,
                text=extracted["text"],
                title=html_title(extracted.get("title"), html, extracted["text"]),
                published_raw=extracted.get("date") or _html_date_hint(html),
                url=extracted.get("url") or "",
                source=extracted.get("sitename") or "",
                language=normalize_language(_html_language(html)),
                encoding=encoding,
                replaced_chars=replaced,
            )
        )

    # CSV --------------------------------------------------------------------------------

    def read_csv(self, name: str, text: str, encoding: str, tab: bool = False) -> None:
        text = _clean_keep_layout(text)
        lines = text.split("\n")
        lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
        header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
        if header_index is None:
            self.problem(name, "empty file")
            return
        delimiter = "\t" if tab else _sniff_delimiter(lines[header_index])
        _raise_field_limit(self.limits.max_file_bytes)
        rows = _csv_rows(lines, delimiter, header_index)
        header: list[str] | None = None
        columns: dict[str, int] = {}
        n_before = len(self.result.articles)
        replaced_in_file = 0
        for line, row, error in rows:
            if error is not None:
                if header is None:
                    self.problem(name, f"cannot read the CSV header: {error}", line)
                    return
                self.problem(name, error, line)
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff") for cell in row]
                columns = _map_columns(header)
                if "text" not in columns:
                    shown = ", ".join(h for h in header if h) or "none"
                    self.problem(name, f"no 'text' column (columns: {shown})", line)
                    return
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                self.problem(name, f"row has {len(row)} fields, the header has {len(header)}", line)
                continue
            record = {key: row[index] for key, index in columns.items()}
            replaced = record["text"].count("\ufffd")
            replaced_in_file += replaced
            self.add(_article_from_record(f"{name}#{line}", record, encoding, replaced), line)
            if self.full:
                return
        if header is None:
            self.problem(name, "empty file")
        elif len(self.result.articles) == n_before:
            self.problem(name, "no articles")

    # JSON -------------------------------------------------------------------------------

    def read_jsonl(self, name: str, text: str, encoding: str) -> None:
        text = _clean_keep_layout(text)
        if text.lstrip().startswith("[") and _whole_json_array(text):
            # a JSON array saved as .jsonl (often pretty-printed over many lines)
            self.read_json(name, text, encoding)
            return
        n_before = len(self.result.articles)
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except (ValueError, RecursionError) as exc:
                self.problem(name, f"invalid JSON: {_json_error(exc)}", number)
                continue
            self.add_record(f"{name}#{number}", value, encoding, number, name)
            if self.full:
                return
        if len(self.result.articles) == n_before:
            self.problem(name, "no articles")

    def read_json(self, name: str, text: str, encoding: str) -> None:
        text = _clean_keep_layout(text)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data":  # one object per line in a .json file
                self.read_jsonl(name, text, encoding)
                return
            self.problem(name, f"invalid JSON: {_json_error(exc)}", exc.lineno)
            return
        except (ValueError, RecursionError) as exc:
            self.problem(name, f"invalid JSON: {_json_error(exc)}")
            return
        if isinstance(value, dict) and not _has_text_key(value):
            lists = [v for v in value.values() if isinstance(v, list)]
            if len(lists) == 1 and any(isinstance(item, dict) for item in lists[0]):
                value = lists[0]  # {"articles": [...]}
        n_before = len(self.result.articles)
        if isinstance(value, list):
            for number, item in enumerate(value, start=1):
                self.add_record(f"{name}#{number}", item, encoding, number, name, item=True)
                if self.full:
                    return
        else:
            self.add_record(name, value, encoding, None, name)
        if len(self.result.articles) == n_before:
            self.problem(name, "no articles")

    def add_record(
        self,
        file: str,
        value: Any,
        encoding: str,
        number: int | None,
        name: str,
        item: bool = False,
    ) -> None:
        where = f"item {number}: " if item else ""
        line = None if item else number
        if not isinstance(value, dict):
            self.problem(name, f"{where}not a JSON object ({type(value).__name__})", line)
            return
        columns = _map_columns([str(key) for key in value])
        keys = list(value)
        if "text" not in columns:
            shown = ", ".join(str(k) for k in keys[:20]) or "none"
            self.problem(name, f"{where}no 'text' key (keys: {shown})", line)
            return
        record = {key: value[keys[index]] for key, index in columns.items()}
        if not isinstance(record["text"], str):
            self.problem(name, f"{where}'text' is not a string", line)
            return
        record = {key: _scalar(v) for key, v in record.items()}
        replaced = record["text"].count("\ufffd")
        self.add(_article_from_record(file, record, encoding, replaced), line)

    # ZIP --------------------------------------------------------------------------------

    def read_zip(self, name: str, data: bytes, depth: int, budget: _Budget | None) -> None:  # noqa: C901 - one guard per zip hazard (nesting, size, bombs, paths), read in order
        limits = self.limits
        if depth > 1:
            self.problem(name, "zip nested too deeply (one level of zip inside a zip at most)")
            return
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = archive.infolist()
        except _ZIP_ERRORS as exc:
            self.problem(name, f"not a readable zip archive ({exc})")
            return
        if len(members) > limits.max_zip_members:
            self.problem(
                name, f"zip has {len(members):,} members, limit {limits.max_zip_members:,}"
            )
            return
        declared = sum(info.file_size for info in members)
        if budget is None:
            if declared > limits.max_zip_total_bytes:
                self.problem(
                    name,
                    f"zip would expand to {_mb(declared)}, limit {_mb(limits.max_zip_total_bytes)}"
                    " (zip bomb?)",
                )
                return
            budget = _Budget(limits.max_zip_total_bytes)
        elif declared > budget.left:
            self.problem(name, f"nested zip would expand beyond the limit ({_mb(declared)})")
            return
        skipped: set[str] = set()
        n_articles = len(self.result.articles)
        n_problems = len(self.result.problems)
        for info in members:
            if not info.filename or info.filename.endswith(("/", "\\")):  # folders
                continue
            inner = f"{name}!{info.filename}"
            if _escapes(info.filename):
                self.problem(name, f"zip member escapes the archive: {info.filename}")
                continue
            if _hidden(info.filename):
                continue
            suffix = _suffix(info.filename)
            if suffix not in SUPPORTED_SUFFIXES:
                skipped.add(suffix or "(no suffix)")
                continue
            payload = self.read_member(archive, info, inner, budget)
            if payload is None:
                if budget.exhausted:
                    return
                continue
            self.read_data(inner, payload, depth + 1, budget)
            if self.full:
                return
        if len(self.result.articles) == n_articles and len(self.result.problems) == n_problems:
            detail = f" (skipped: {', '.join(sorted(skipped))})" if skipped else ""
            self.problem(name, f"no supported files in the archive{detail}")

    def read_member(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, inner: str, budget: _Budget
    ) -> bytes | None:
        """A member's bytes, streamed with caps (headers are not trusted)."""
        limits = self.limits
        if info.flag_bits & 0x1:
            self.problem(inner, "encrypted zip member, skipped")
            return None
        ratio_cap = limits.max_zip_ratio * max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and info.file_size > ratio_cap:
            ratio = info.file_size / max(info.compress_size, 1)
            self.problem(inner, f"compression ratio {ratio:,.0f}:1 is too high (zip bomb?)")
            return None
        if info.file_size > limits.max_file_bytes:
            self.problem(inner, _too_large(info.file_size, limits.max_file_bytes))
            return None
        cap = min(limits.max_file_bytes, budget.left)
        chunks = []
        size = 0
        try:
            with archive.open(info) as stream:
                while True:
                    chunk = stream.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    chunks.append(chunk)
                    if size > cap:
                        break
                    if size > _RATIO_FLOOR and size > ratio_cap:
                        self.problem(inner, "compression ratio too high while reading (zip bomb?)")
                        return None
        except _ZIP_ERRORS as exc:
            self.problem(inner, f"cannot read the zip member ({exc})")
            return None
        if size > cap:
            if size > budget.left:
                budget.exhausted = True
                self.problem(
                    inner,
                    f"the archive expands beyond {_mb(limits.max_zip_total_bytes)}; "
                    "the rest was skipped (zip bomb?)",
                )
            else:
                self.problem(inner, _too_large(size, limits.max_file_bytes))
            return None
        budget.left -= size
        return b"".join(chunks)


@dataclass
class _Budget:
    """Uncompressed bytes still allowed for one top-level archive (nested ones included)."""

    left: int
    exhausted: bool = False


# What zipfile raises on damaged or hostile archives (unsupported versions and
# compression methods, passwords, truncated structures).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    struct.error,
    IndexError,
    KeyError,
    OverflowError,
)
_RATIO_FLOOR = 2**20  # members under 1 MiB cannot be bombs whatever their ratio
_TRAFILATURA_MAX_BYTES = 20_000_000


def read_paths(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS) -> IngestResult:
    """Read files and folders (recursively, sorted, hidden files skipped).

    In folders, files with unsupported suffixes are skipped silently; a file named
    explicitly with an unsupported suffix is a problem, as is a missing path.
    """
    reader = _Reader(limits)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in paths:
        reader.read_path(Path(path), explicit=True)
    return reader.result


def list_inputs(
    paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS
) -> list[tuple[str, bool] | Problem]:
    """What `read_paths` would read, without reading it: in the same order, either
    (path, explicit) for a file to hand to `read_file`, or a Problem met while listing
    (missing path, unreadable folder, folder without supported files).

    Reading every listed file with `read_file` and concatenating the results in this
    order gives exactly what `read_paths` returns, as long as the article limit
    (`limits.max_articles`) is not exceeded over all files."""
    lister = _Lister(limits)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in paths:
        lister.read_path(Path(path), explicit=True)
    return lister.items


def read_file(path: str | Path, explicit: bool = False, limits: Limits = DEFAULT_LIMITS):
    """Read one listed file (see `list_inputs`) into an IngestResult."""
    reader = _Reader(limits)
    reader.read_path(Path(path), explicit=explicit)
    return reader.result


class _Lister(_Reader):
    """A _Reader that lists the files it would read instead of reading them."""

    def __init__(self, limits: Limits) -> None:
        super().__init__(limits)
        self.items: list[tuple[str, bool] | Problem] = []
        self._explicit = True

    def problem(
        self, file: str, reason: str, line: int | None = None, severity: str = "error"
    ) -> None:
        self.items.append(Problem(file, reason, line, severity))

    def read_path(self, path: Path, explicit: bool) -> None:
        if explicit:  # stat, and walk folders, as _Reader does
            try:
                info = path.stat()
            except OSError:
                self.items.append((str(path), True))  # read_file reports it
                return
            if stat.S_ISDIR(info.st_mode):
                self.read_folder(path)
                return
        self.items.append((str(path), explicit))

    def read_folder(self, folder: Path) -> None:
        """As _Reader.read_folder, with strings instead of Path objects (many files)."""
        found = False

        def report(exc: OSError) -> None:
            self.problem(str(exc.filename or folder), f"cannot read: {exc.strerror or exc}")

        join, splitext = os.path.join, os.path.splitext
        for root, dirs, files in os.walk(folder, onerror=report):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file_name in sorted(files):
                if file_name.startswith(".") or file_name.startswith("~$"):
                    continue
                if splitext(file_name)[1].lower() in SUPPORTED_SUFFIXES:
                    found = True
                    self.items.append((join(root, file_name), False))
        if not found:
            self.problem(str(folder), "no supported files in the folder", severity="warning")


def read_bytes(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> IngestResult:
    """Read an upload, dispatched by the suffix of `name`; never touches the file system."""
    reader = _Reader(limits)
    reader.read_data(name, bytes(data), depth=0, budget=None)
    return reader.result


# --- helpers --------------------------------------------------------------------------------


_SENTENCE_END = (".", "!", "?", "؟", "…", "。", "۔")
_CLOSERS = "\"'»”’)]›"

# --- titles: the headline, never page furniture ------------------------------------------

_TITLE_LINES = 8  # the headline is looked for among the first N non-empty lines
_TITLE_WORD_RE = re.compile(r"[^\W\d_]+")
_TITLE_DIGITS_RE = re.compile(r"\d+")
# a time of day, a year (possibly run into the time) or a numeric date
_CLOCK_TOKEN_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<!\d)(?:19|20|13|14)\d{2}(?:(?!\d)|(?=\d{1,2}:\d))"
    r"|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
)
_TODAY_RE = re.compile(r"^(?:today|сегодня|اليوم|امروز)(?!\w)")
_CRUMB_CHAR_RE = re.compile(r"[/|>»›→]")
_CRUMB_SPLIT_RE = re.compile(r"\s+[/|]\s+|\s*[>»›→]+\s*")
_CRUMB_TRIM = " \t-–—•·:|"
_HOME_PAGES = frozenset(
    normalize(w)
    for w in (
        "Главная", "Главная страница", "На главную", "Home", "Homepage", "Home page",
        "الرئيسية", "الصفحة الرئيسية", "خانه", "صفحه اصلی", "صفحه نخست", "صفحه اول",
    )
)  # fmt: skip
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
    )
)  # fmt: skip


def _title_shape(line: str) -> str:
    """What a line is: a "headline", "text" (a sentence: the text has no headline line)
    or "furniture" (a clock, a date, a breadcrumb, a section label, a fragment such as
    "Lavrov:")."""
    if not line:
        return "furniture"
    if len(line) > 200 or line.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return "text"
    if line.endswith(_SENTENCE_END):
        return "text"
    norm = normalize(line)
    words = _TITLE_WORD_RE.findall(norm)
    if line.endswith((":", "：")) or len(words) < 2:
        return "furniture"
    if _is_clock_line(norm, words) or _is_breadcrumb(norm):
        return "furniture"
    label, colon, _rest = norm.partition(":")
    if colon and label.strip(" \t-–—•·") in _SECTION_LABELS:
        return "furniture"
    return "headline"


def _is_clock_line(norm: str, words: list[str]) -> bool:
    """A running clock, ticker or date line ("الاثنين 30 نوفمبر 2026 - 14:05",
    "Сегодня, 30 ноября", "Updated: 13.02.2024 10:15", "14:05")."""
    groups = len(_TITLE_DIGITS_RE.findall(norm))
    if not groups:
        return False
    if _TODAY_RE.match(norm) and len(words) <= 5:
        return True
    return groups >= 2 and len(words) <= 4 and bool(_CLOCK_TOKEN_RE.search(norm))


def _is_breadcrumb(norm: str) -> bool:
    """ "Главная / Политика", "الرئيسية > سياسة", "World | Middle East | Syria"."""
    if len(norm) > 160 or not _CRUMB_CHAR_RE.search(norm):
        return False
    parts = [p.strip(_CRUMB_TRIM) for p in _CRUMB_SPLIT_RE.split(norm.strip(_CRUMB_TRIM))]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(not 1 <= len(_TITLE_WORD_RE.findall(p)) <= 5 for p in parts):
        return False
    return len(parts) >= 3 or parts[0] in _HOME_PAGES


def detect_title(text: str, markdown: bool = False) -> str:
    """The headline: the first line that looks like one (short, not a sentence, more text
    follows), after any clock, date, breadcrumb or section label above it."""
    pos = 0
    for _ in range(_TITLE_LINES):
        line, sep, rest = text[pos:].partition("\n")
        pos += len(line) + len(sep)
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if not line:
            if not sep:
                return ""
            continue
        shape = _title_shape(line)
        if shape == "text" or not sep:
            return ""
        if shape == "headline":
            return " ".join(line.split()) if rest.strip() else ""
    return ""


def html_title(title: str | None, html: str, text: str) -> str:
    """The page's headline: trafilatura's title unless it is page furniture, else the
    first <h1>/<h2> that is a headline, else the first headline line of the text."""
    title = " ".join((title or "").split())
    if title and _title_shape(title) != "furniture":
        return title
    for m in _HEADING_RE.finditer(html, 0, min(len(html), 2_000_000)):
        heading = " ".join(html_unescape(_TAG_RE.sub(" ", m.group(2))).split())
        if heading and _title_shape(heading) != "furniture":
            return heading
    return detect_title(text)


_HEADING_RE = re.compile(r"<h([12])\b[^>]{0,500}>(.{0,1000}?)</h\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]{0,500}>")


_LANGUAGE_NAMES = {
    "ar": ("ar", "ara", "arb", "arabic", "العربية", "عربي", "عربى", "арабский"),
    "fa": ("fa", "fas", "per", "pes", "persian", "farsi", "فارسی", "فارسي", "персидский"),
    "ru": ("ru", "rus", "russian", "русский", "روسی", "الروسية"),
    "en": ("en", "eng", "english", "английский", "الإنجليزية", "انگلیسی"),
}
_LANGUAGE_LOOKUP = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}


def normalize_language(value: str | None) -> str | None:
    """A declared language to ar/fa/ru/en/other; None when nothing was declared."""
    if value is None:
        return None
    value = " ".join(str(value).split()).lower()
    if not value:
        return None
    if value in _LANGUAGE_LOOKUP:
        return _LANGUAGE_LOOKUP[value]
    base = re.split(r"[-_ ,;(]", value, maxsplit=1)[0]
    return _LANGUAGE_LOOKUP.get(base, "other")


_COLUMN_ALIASES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published",
        "date",
        "published_at",
        "publication_date",
        "pub_date",
        "pubdate",
        "datetime",
    ),
    "url": ("url", "link", "href"),
    "source": ("source", "sitename", "site", "outlet", "publisher"),
    "language": ("language", "lang"),
}


def _map_columns(names: list[str]) -> dict[str, int]:
    """Our field -> index of the first matching column (case-insensitive, aliases)."""
    lowered = [" ".join(name.strip().lstrip("\ufeff").split()).lower() for name in names]
    columns = {}
    for key, aliases in _COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in lowered:
                columns[key] = lowered.index(alias)
                break
    return columns


def _has_text_key(value: dict) -> bool:
    return "text" in _map_columns([str(key) for key in value])


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return str(value)
    return ""


def _article_from_record(
    file: str, record: dict[str, str], encoding: str, replaced: int
) -> Article:
    return Article(
        file=file,
        text=record["text"],
        title=record.get("title", ""),
        published_raw=record.get("published") or None,
        url=record.get("url", ""),
        source=record.get("source", ""),
        language=normalize_language(record.get("language")),
        encoding=encoding,
        replaced_chars=replaced,
    )


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter among , ; tab that splits the header into the text column, or most.
    A one-column header (no delimiter at all) gets a delimiter that never occurs in cleaned
    text, so that commas in unquoted text do not split rows."""
    if not any(d in header_line for d in (",", ";", "\t")):
        return _NO_DELIMITER
    best, best_key = ",", (False, 0)
    for delimiter in (",", ";", "\t"):
        try:
            fields = next(csv.reader([header_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        key = ("text" in _map_columns(fields), len(fields))
        if key > best_key:
            best, best_key = delimiter, key
    return best


_NO_DELIMITER = "\x1f"  # removed by cleaning, so never in the text


def _raise_field_limit(limit: int) -> None:
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, sys.maxsize))


def _csv_rows(
    lines: list[str], delimiter: str, start: int
) -> Iterator[tuple[int, list[str], str | None]]:
    """(line number where the row starts, fields, error): after a malformed row, reading
    resumes on the line after the row's first line, so good rows are kept."""
    while start < len(lines):
        reader = csv.reader(iter(lines[start:]), delimiter=delimiter, strict=True)
        consumed = 0
        try:
            for row in reader:
                yield start + consumed + 1, row, None
                consumed = reader.line_num
            return
        except csv.Error as exc:
            message = str(exc)
            last = start + reader.line_num
            if "unexpected end of data" in message or "EOF" in message:
                message = "unbalanced quote: the quoted field never ends"
            elif last > start + consumed + 1:
                message = f"unbalanced quote (a quoted field runs on to line {last})"
            else:
                message = f"malformed row ({message})"
            yield start + consumed + 1, [], message
            start = start + consumed + 1


def _whole_json_array(text: str) -> bool:
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def _json_error(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return str(exc)[:200]


def _suffix(name: str) -> str:
    inner = name.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
    return Path(inner).suffix.lower() if "." in inner else ""


def _escapes(member: str) -> bool:
    name = member.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in name.split("/")


def _hidden(member: str) -> bool:
    parts = [p for p in member.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _unsupported(suffix: str) -> str:
    shown = suffix or "no suffix"
    return f"unsupported file type ({shown}); supported: {', '.join(SUPPORTED_SUFFIXES)}"


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_mb(size)}, limit {_mb(limit)})"


def _mb(size: int) -> str:
    """A human size: 512 bytes, 12.5 KB, 50.0 MB."""
    if size < 1024:
        return f"{size:,} bytes"
    if size < 2**20:
        return f"{size / 1024:,.1f} KB"
    return f"{size / 2**20:,.1f} MB"


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_HTML_LANG_RE = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z_-]{2,20})""", re.I)


def _decode_html(data: bytes) -> tuple[str, str, int] | None:
    """Decode HTML by its declared charset when that works strictly, else None."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    if encoding in _LATIN_CODECS:
        # Pages in Windows-1256/1251 are often mislabelled as Latin-1, which decodes any
        # byte: prefer our own detection unless it has to replace bytes.
        guessed = decode_bytes(data)
        if guessed[2] == 0:
            return guessed
    return text, encoding, 0


_LATIN_CODECS = {codecs.lookup(n).name for n in ("latin-1", "cp1252", "ascii", "iso8859-15")}


def _html_language(html: str) -> str | None:
    match = _HTML_LANG_RE.search(html[:20000])
    return match.group(1) if match else None


# An element that carries the article's own date: <time>, or a class/id naming a date,
# inside the page's body and outside its header, navigation, footer and asides (where a
# site clock or an "updated" stamp lives). Read when trafilatura finds no date.
_DATE_CLASS_RE = re.compile(r"date|time|publish|posted|dateline|meta", re.IGNORECASE)
_NOT_DATE_CONTAINERS = ("header", "nav", "footer", "aside")
_UPDATED_RE = re.compile(r"updat|обновл|تحديث|به\s?روز|بروز", re.IGNORECASE)


def _html_date_hint(html: str) -> str | None:
    """The text (or datetime attribute) of the first date element of the article."""
    try:
        from lxml import html as lxml_html  # lazy: HTML input only

        root = lxml_html.fromstring(html)
    except Exception:  # hostile or empty markup: no hint
        return None
    for el in root.iter("time", "span", "div", "p", "small", "li"):
        if not _is_date_element(el):
            continue
        value = (el.get("datetime") or el.text_content() or "").strip()
        if value and any(c.isdigit() for c in value) and len(value) <= 80:
            return value if not _UPDATED_RE.search(value) else None
    return None


def _is_date_element(el) -> bool:
    if el.tag != "time" and not _DATE_CLASS_RE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    if _UPDATED_RE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    return not any(
        a.tag in _NOT_DATE_CONTAINERS or str(a.get("class", "")).startswith(_NOT_DATE_CONTAINERS)
        for a in el.iterancestors()
    )


def _extract_html(html: str) -> dict[str, Any] | None:
    """Main text and metadata with trafilatura (scripts are dropped, never run)."""
    try:
        from trafilatura import bare_extraction  # lazy: HTML input only, ~0.3 s

        document = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, MemoryError):
        return None
    except Exception:  # trafilatura/lxml on hostile markup: a problem, not a crash
        return None
    if document is None:
        return None
    if isinstance(document, dict):
        return document
    return {
        key: getattr(document, key, None) for key in ("text", "title", "date", "url", "sitename")
    }
