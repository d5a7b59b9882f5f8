"""Read what users actually have into `Article` records, never crashing.

Inputs: plain text (`.txt`, `.md`: one article per file), HTML (main text and metadata
via trafilatura), CSV/TSV (a `text` column, one article per row), JSON Lines and JSON
(objects with a `text` key) and ZIP archives of those (one nested level at most, never
extracted to disk, with caps on size, member count and compression ratio).

Bytes are decoded by `decode_bytes` (in diplomap/ingest_text.py, with cleaning and
titles): UTF-8 (with or without BOM), UTF-16/32 by BOM, BOM-less UTF-16, then the legacy
encodings of the four languages (Windows-1256, Windows-1251, KOI8-R), chosen by how
natural the decoded letters are, and as a last resort UTF-8 with replacement characters
(counted and reported).

Every bad input becomes a `Problem` (severity "error": the file or row was skipped;
"warning": it was kept, with a note). Only programming errors raise.

This module holds the records, the reader that dispatches by format and enforces the
limits, and the entry points; the parsing helpers of each format (CSV, JSON, HTML, zip
guards) are in diplomap/ingest_formats.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplomap.ingest_feed import feed_entries, looks_like_feed
from diplomap.ingest_formats import (
    _RATIO_FLOOR,
    _TRAFILATURA_MAX_BYTES,
    _ZIP_ERRORS,
    _Budget,
    _csv_rows,
    _decode_html,
    _escapes,
    _extract_html,
    _has_text_key,
    _hidden,
    _html_date_hint,
    _html_language,
    _json_error,
    _link_problem,
    _map_columns,
    _parse_html,
    _raise_field_limit,
    _refused_charset,
    _scalar,
    _sniff_delimiter,
    _special_member,
    _suffix,
    _whole_json_array,
    html_page_dates,
    normalize_language,
)
from diplomap.ingest_text import (
    _clean_keep_layout,
    _control_share,
    _count_controls,
    _text_with_controls,
    clean_text,
    decode_bytes,
    detect_title,
    has_text,
    html_title,
    sniff_binary,
)
from diplomap.names import escape_controls
from diplomap.normalize import NormText, normalize, normalize_text

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
    published_source: str = ""  # where that value was read (a collected page: "html-meta")
    page_dates: str = ""  # a web page's visible date lines around its headline (HTML)
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
        if unicodedata.is_normalized("NFC", text):  # cleaned text is: normalised once
            value = _id_of_norm(self.normalized.norm)
        else:
            value = text_id(text)
        self.__dict__["_id_cache"] = (text, value)
        return value

    @property
    def normalized(self) -> NormText:
        """The text normalised for matching (`normalize_text`), once per text: the id and
        the extraction share it (cached like the id; not pickled)."""
        cached = self.__dict__.get("_norm_cache")
        if cached is not None and cached.original is self.text:
            return cached
        value = normalize_text(self.text)
        self.__dict__["_norm_cache"] = value
        return value

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_norm_cache", None)  # as long as the text: made again where it is used
        return state


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
    return _id_of_norm(normalize(text))


def _id_of_norm(norm: str) -> str:
    key = " ".join(norm.split())
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
        self.result.problems.append(_problem(file, reason, line, severity))

    def add(self, article: Article, line: int | None = None, cleaned: bool = False) -> bool:
        """Clean (unless `cleaned` already), check and keep an article; False if it was
        rejected."""
        text = article.text if cleaned else clean_text(article.text)
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
        article.file = escape_controls(article.file)  # shown and exported: never a control
        article.title = " ".join(clean_text(article.title).split())
        article.url = escape_controls(clean_text(article.url))
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

        real = os.path.realpath(folder)
        for root, dirs, files in os.walk(folder, onerror=report):
            dirs[:] = self.kept_folders(root, dirs, real)
            for file_name in sorted(files):
                if file_name.startswith(".") or file_name.startswith("~$"):
                    continue
                path = Path(root) / file_name
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    found = True
                    link = _link_problem(str(path), real)
                    if link is not None:
                        self.problem(str(path), link)
                    else:
                        self.read_path(path, explicit=False)
        if not found:
            self.problem(str(folder), "no supported files in the folder", severity="warning")

    def kept_folders(self, root: str, dirs: list[str], real: str) -> list[str]:
        """The subfolders to walk into, sorted: not hidden; os.walk does not follow links
        to folders, and a link that leads out of the folder being read is reported."""
        for d in dirs:
            link = _link_problem(os.path.join(root, d), real)
            if link is not None and not d.startswith("."):
                self.problem(os.path.join(root, d), link)
        return sorted(d for d in dirs if not d.startswith("."))

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
        if not has_text(text):
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
        if looks_like_feed(text) and self.read_feed(name, text, encoding, replaced):
            return  # an RSS or Atom export: its items, without their markup
        article = Article(
            file=name,
            text=text,
            title=detect_title(text, markdown=markdown),
            encoding=encoding,
            replaced_chars=replaced,
        )
        self.add(article, cleaned=True)

    def read_feed(self, name: str, text: str, encoding: str, replaced: int) -> bool:
        """The items of a feed text as articles (False when it holds none: then the text
        is read as it is)."""
        try:
            entries = feed_entries(text)
        except Exception:  # feedparser on hostile input: read the text as it is instead
            return False
        for k, entry in enumerate(entries, start=1):
            body = clean_text(entry["text"])
            self.add(
                Article(
                    file=name if len(entries) == 1 else f"{name}#{k}",
                    text=body,
                    title=entry["title"] or detect_title(body),
                    published_raw=entry["published"] or None,
                    url=entry["url"],
                    encoding=encoding,
                    replaced_chars=replaced,
                ),
                cleaned=True,
            )
        return bool(entries)

    # HTML -------------------------------------------------------------------------------

    def read_html(self, name: str, data: bytes) -> None:
        refused = _refused_charset(data)
        if refused is not None:
            self.problem(name, _refused_charset_note(refused), severity="warning")
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
        root = _parse_html(html)
        self.add(
            Article(
                file=name,
                text=extracted["text"],
                title=html_title(extracted.get("title"), html, extracted["text"]),
                published_raw=extracted.get("date") or _html_date_hint(html, root),
                page_dates=html_page_dates(html, root),
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
            special = _special_member(info)
            if special is not None:
                self.problem(inner, f"zip member is {special}, refused")
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


def warm_readers(paths: Iterable[str | Path]) -> None:
    """Import the HTML reader (trafilatura, ~0.3 s) now when one of `paths` is an HTML
    file: called before a pool of workers forks, so that they share the import instead of
    each making it."""
    if any(str(path).lower().endswith(HTML_SUFFIXES) for path in paths):
        import trafilatura  # noqa: F401  (lazy elsewhere: HTML input only)


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
        self.items.append(_problem(file, reason, line, severity))

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
        real = os.path.realpath(folder)
        for root, dirs, files in os.walk(folder, onerror=report):
            dirs[:] = self.kept_folders(root, dirs, real)
            for file_name in sorted(files):
                if file_name.startswith(".") or file_name.startswith("~$"):
                    continue
                if splitext(file_name)[1].lower() in SUPPORTED_SUFFIXES:
                    found = True
                    path = join(root, file_name)
                    link = _link_problem(path, real)
                    if link is not None:
                        self.problem(path, link)
                    else:
                        self.items.append((path, False))
        if not found:
            self.problem(str(folder), "no supported files in the folder", severity="warning")


def read_bytes(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> IngestResult:
    """Read an upload, dispatched by the suffix of `name`; never touches the file system."""
    reader = _Reader(limits)
    reader.read_data(name, bytes(data), depth=0, budget=None)
    return reader.result


# --- helpers --------------------------------------------------------------------------------


def _problem(file: str, reason: str, line: int | None, severity: str) -> Problem:
    """A Problem whose file name and reason (which may quote a member or column name) have
    their control characters escaped: a name never starts a new report line."""
    return Problem(escape_controls(file), escape_controls(reason), line, severity)


def _article_from_record(
    file: str, record: dict[str, str], encoding: str, replaced: int
) -> Article:
    return Article(
        file=file,
        text=record["text"],
        title=record.get("title", ""),
        published_raw=record.get("published") or None,
        published_source=record.get("date_source", ""),
        url=record.get("url", ""),
        source=record.get("source", ""),
        language=normalize_language(record.get("language")),
        encoding=encoding,
        replaced_chars=replaced,
    )


def _refused_charset_note(charset: str) -> str:
    return (
        f"declared charset {charset!r} is not decoded (allowed: UTF-8/16/32, Windows-125x, "
        "ISO-8859-x, KOI8 and other linear codecs); the text was decoded by detection"
    )


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
