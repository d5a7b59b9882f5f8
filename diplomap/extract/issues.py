"""The issue taxonomy (data/issues.csv) and the issue matcher.

An *issue* is a topic of Russian Middle East diplomacy (the ids are
`diplomap.schema.ISSUE_IDS`). The taxonomy is an analyst-editable CSV with the columns
`issue,lang,term[,kind]`; lines starting with `#` are comments. Labels for display live
beside it in `issue_labels.csv` (`issue,en,ar,fa,ru`).

Terms are written as they appear in the news and normalised when loaded (see
`diplomap.lexicon`: Arabic clitics and Arabic-script suffixes are handled there, a
trailing `*` opens the last Latin/Cyrillic word). On top of that, a term may contain
alternatives in braces, expanded when loaded: `сирийск{ое|ого|ому} урегулировани*`,
`ال{أمريكية|أميركية}`; a Persian term written with a zero-width non-joiner also matches
with a space in its place (and, by normalisation, with nothing).

`lang` is `ar`, `fa`, `ru`, `en`, several of them joined by `|`, or `*` (any language).
`kind` is one of:

- `term` (the default): the phrase names the issue wherever it appears.
- `place`: a country/territory name (or adjective) that names the issue only next to a
  *head*: "الأوضاع في العراق وليبيا واليمن", "the crisis in Syria", "сирийское
  урегулирование", "بحران یمن". A coordinated list of places after one head counts as a
  whole. Bare place names are the place extractor's business, not an issue.
- `head`: a situation/crisis/settlement/war/ceasefire word that turns a following place
  (or a preceding adjective place, "Libyan crisis") into that place's issue. A head row
  usually has an empty issue; with an issue, the phrase is also a term of that issue
  ("إعادة الإعمار" is humanitarian and makes "إعادة الإعمار في سوريا" Syrian).
- `topic`: a head that takes its place only through a topic word ("talks on Syria",
  "переговоры по Сирии", "مذاکرات درباره سوریه") or as an adjective ("Syrian talks"),
  never through a word of location: "talks in Iraq" says where, not what.
- `pair`: a two-party phrase of a bilateral issue ("Russia and the United States",
  "روسيا والولايات المتحدة", "Россия и США", "Russian-US"). It names the issue only when
  the two are not items of a longer list of places: "Britain, China, France, Germany,
  Russia and the United States" (the parties of the nuclear deal) is no Russia-US issue.
  The neighbours are found by the place gazetteer, in a small window around the pair.
- `context`: a phrase that names its issue only when the same text names that issue by
  other words, or when its sentence names the issue's place or an `anchor`: "the Strip",
  "القطاع", "заложники" are Gaza in an article about Gaza (or next to "Gaza") and
  nothing elsewhere; "IAEA" is the Iranian nuclear file only when that file is named or
  Iran is in the sentence ("каждый шаг Тегерана по снятию озабоченностей МАГАТЭ").
- `anchor`: a name that yields nothing itself but backs the `context` rows of its issue
  in its sentence ("Iran", "Тегеран" for "IAEA"; "Israel" for "normalisation of
  relations"). A `place` row of the issue backs them too ("the Annan plan" beside "Syria").
- `stop`: a phrase that yields nothing and so hides the shorter terms inside it
  ("مجلس الأمن القومي" is not the UN Security Council). Empty issue.
- `his`: a phrase that names its issue in Lavrov's words only: a Russian speaking of "the
  American side" means the United States as Russia's counterpart (`us_russia`); an Iraqi
  minister's "the American side" does not. Matches carry `his_only`; the article's
  extraction keeps them in his statements and drops them elsewhere.
- `country`: an ISO 3166 alpha-3 code (`syria,*,SYR,country`). In an article that names
  the issue by other words, that country named in Lavrov's words is the issue: his
  "Damascus should not be isolated" in a story about the Syrian settlement speaks of it.
  Not when the country stands beside Russia ("российско-иракские отношения", "Russia and
  Iraq"): that is the two countries' relations. See `country_issue_rows`.

Ambiguous words are handled by phrases, not by guessing: a bare ceasefire
("وقف إطلاق النار", "آتش‌بس") is a head, so it counts for Gaza or Ukraine only when the
place follows ("وقف إطلاق النار في غزة"); bare Arabic "التطبيع" means normalisation
with Israel, with stop phrases for Syrian-Turkish and Saudi-Iranian normalisation.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from diplomap import schema as S
from diplomap.config import PACKAGE_DATA_DIR
from diplomap.extract import disk_cache
from diplomap.extract.common import expand_braces
from diplomap.extract.lexicon import Hit, Lexicon
from diplomap.normalize import NormText, normalize, normalize_text
from diplomap.schema import ISSUE_IDS

DATA_DIR = PACKAGE_DATA_DIR
ISSUES_PATH = DATA_DIR / "issues.csv"
LABELS_FILENAME = "issue_labels.csv"
LABELS_PATH = DATA_DIR / LABELS_FILENAME

LANGS = ("ar", "fa", "ru", "en")
LABEL_LANGS = ("en", "ar", "fa", "ru")
KINDS = ("term", "place", "head", "topic", "pair", "context", "anchor", "stop", "country", "his")
HEAD_KINDS = ("head", "topic")
REQUIRED_COLUMNS = ("issue", "lang", "term")
MAX_VARIANTS = 512
_ZWNJ = "\u200c"
_BRACES = re.compile(r"\{([^{}]*)\}")

# Words allowed between a head and the first place ("crisis in Syria", "الوضع في كل من
# العراق", "ситуация вокруг Ливии", "بحران در یمن"), matched on normalised text.
_LINK_WORDS = (
    "in|on|at|around|over|of|the|a|an|inside|within|regarding|concerning|and|against|"
    "в|во|на|вокруг|по|внутри|и|против|"
    "في|وفي|علي|وعلي|حول|وحول|بشان|داخل|كل|من|ضد|الي|والي|"
    "در|درباره|پيرامون|مورد|خصوص|به|عليه"
)
# Words that may stand between a head and its place besides the link words: an Arabic
# adjective ("الغارات الإسرائيلية على لبنان") and the Persian qualifiers of an attack.
_HEAD_QUALIFIERS = (
    r"ال\w+ي|ال\w+يه|المفروضه|غير|"
    # an indefinite head's adjective ("انتخابات عامة في ليبيا", "انتخابات عمومی در لیبی")
    r"عامه|رياسيه|برلمانيه|تشريعيه|حره|نزيهه|شامله|مبكره|"
    r"عمومي|رياست جمهوري|پارلماني|آزاد|سراسري|زودهنگام|"
    r"هوايي|نظامي|سياسي|انساني|امنيتي|داخلي|غيرقانوني|غير قانوني|نامشروع|اسراييل|اسراييلي|رژيم صهيونيستي|صهيونيستي|"
    # a war spreading to a place
    r"(?:spreading|spread|spilling|spill|expanding|extending)(?: over)? (?:to|into)|"
    r"переносятся|перекидываются|распространяются|перекинуться|распространиться|"
    r"تمتد|امتداد|اتساع|توسع|انتقال|گسترش|سرايت|"
    # a time word, and the region before the place it narrows to ("what is happening now
    # in the region, in Lebanon", "ما يجري الآن في المنطقة، في لبنان")
    r"now|today|сейчас|сегодня|الان|اليوم|اكنون|امروز|"
    # the border with a place ("escalation on the border with Lebanon", "التصعيد على
    # الحدود مع لبنان", "обострение на границе с Ливаном")
    r"borders? with|границе с|границах с|الحدود مع|حدود|مرز با|مرزهای|"
    # issues related to a place
    r",?\s*(?:related to|relating to|связанн\w* с|касающ\w*|относящ\w* к)|"
    r"المتعلقه|المتصله|الخاصه|مربوط|مرتبط|"
    # where in the place ("strikes on positions in eastern Syria", "удары по территории
    # Йемена", "الضربات على مواقع في شمال سوريا", "حملات هوایی به مواضع ... در غرب عراق")
    r"territory|positions|targets|areas|parts?|(?:north|south)(?:-?(?:east|west))?(?:ern)?|"
    r"(?:east|west)(?:ern)?|"
    r"территори\w*|позици\w*|объект\w*|район\w*|част\w*|севере|юге|востоке|западе|"
    r"(?:северо|юго)-(?:восток|запад)\w*|(?:северн|южн|восточн|западн)\w*|"
    r"مواقع|اهداف|اراضي|الاراضي|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|"
    r"مواضع|مواضعي|مناطق|مناطقي|خاك|شمال شرق|شمال غرب|جنوب شرق|جنوب غرب"
)
# "On Libya, the minister said ...", "По Сирии стороны ...": a place opening a sentence
# after a topic word is the sentence's topic.
_OPENER = re.compile(r"(?:^|[.!?؟\n:;]\s*)(?:on|по)\s+$")
_AFTER_OPENER = re.compile(r"\s*(?:[,،:]|'s\b|’s\b)")
_REGION_THEN = r"\b(?:the\s+region|регионе|المنطقه|منطقه)\s*[,،]\s*(?:in|в|во|في|وفي|در)\b"
_HEAD_GAP = re.compile(rf"(?:\s|[«»\"'(]|{_REGION_THEN}|\b(?:{_LINK_WORDS}|{_HEAD_QUALIFIERS})\b)*")
# Between coordinated places ("العراق وليبيا واليمن", "Syria, Libya and Yemen").
_LIST_GAP = re.compile(rf"(?:\s|[,،;؛«»\"'()]|\b(?:{_LINK_WORDS}|or|или|а|также|او|و|يا)\b)*")
# Between a `topic` head and its place: the words of location (in, в, في, در) left out.
_TOPIC_WORDS = (
    "on|over|about|regarding|concerning|around|of|the|and|"
    "по|вокруг|о|об|и|"
    "حول|وحول|بشان|وبشان|كل|من|"
    "درباره|پيرامون|در مورد|در خصوص|در باره|مورد|خصوص|به"
)
_TOPIC_GAP = re.compile(rf"(?:\s|[«»\"'(]|\b(?:{_TOPIC_WORDS})\b)*")
# Between the items of a list of places around a `pair` (matched on the original text,
# lower-cased): commas, conjunctions, "the", hyphens of compound adjectives.
_PAIR_LIST_GAP = re.compile(
    r"(?:\s|[,،;؛&\-\u2010-\u2015]|\b(?:and|or|the|as well as|и|или|а также|также|و|او|یا|يا)\b)*"
)
# A place right after one of these words opens the sentence rather than a list:
# "In Syria, Russia and the United States ...".
_FRONTED = re.compile(r"(?:^|\s)(?:in|at|on|в|во|на|في|در)\s*$")
_PAIR_WINDOW = 60
# Between an adjective place and the head after it ("сирийского урегулирования").
# (with a qualifier: "Syrian political settlement", "ливийское политическое урегулирование")
_TIGHT_WORDS = (
    r"political|presidential|parliamentary|peace|internal|domestic|military|civil|"
    r"политическ\w*|президентск\w*|парламентск\w*|мирн\w*|внутриполитическ\w*|"
    r"военн\w*|гражданск\w*|внутренн\w*"
)
# (and an English possessive: "Syria's chemical weapons", "Libya's civil war")
_TIGHT_GAP = re.compile(rf"(?:[\s\-«»\"']|(?<=')s\b|\b(?:{_TIGHT_WORDS})\b)*")
_MAX_GAP = 40
# A head governs every item of its list, also across places that name no issue ("the
# situation in Iran, Syria and Lebanon") and after the region it opens with ("the
# situation in the Middle East, including Syria and Libya"). Such a gap, once its places
# (from the gazetteer) are blanked, holds only these words.
_INCLUDING = (
    "including|in particular|notably|especially|such as|"
    "включая|в том числе|в частности|прежде всего|особенно|"
    "بما في ذلك|بما فيها|بما فيه|خاصه|خصوصا|ولا سيما|لا سيما|ومنها|منها|"
    "از جمله|به ويژه|بويژه|مانند"
)
_REGION = (
    "the middle east|middle east|region|the region|"
    "ближнем востоке|ближний восток|регионе|регион|"
    "الشرق الاوسط|المنطقه|منطقه|خاورميانه|منطقه خاورميانه"
)
# Who strikes or stands there, between a head and its place ("strikes by the US and
# Britain on Yemen", "удары США и Великобритании по территории Йемена", "الضربات التي شنتها
# الولايات المتحدة على مواقع في سوريا", "the presence of US troops in eastern Syria").
_ACTORS = (
    "by|troops|forces|military|army|jets|aircraft|"
    "войск\\w*|сил|силами|военн\\w*|арми\\w*|авиаци\\w*|"
    "التي شنتها|الذي شنه|التي شنها|شنتها|شنها|القوات|قوات|الجيش|الطيران|"
    "نيروهاي|نيروي|ارتش|جنگندههاي|نظاميان|سربازان|امريكايي|امريكا|تركيه|اسراييلي"
)
_BRIDGE_GAP = re.compile(
    rf"(?:\s|[,،;؛«»\"'()]|\b(?:{_LINK_WORDS}|{_INCLUDING}|{_REGION}|{_HEAD_QUALIFIERS}|"
    rf"{_ACTORS}|or|или|а|также|او|و|يا|with)\b)*"
)
_INCLUDING_RE = re.compile(rf"\b(?:{_INCLUDING})\b")
_MAX_BRIDGE = 90
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
# The end of a sentence, for `context` rows backed by an anchor or a place in their sentence.
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_MAX_SENTENCE = 300


class IssueMatch(NamedTuple):
    """One issue mention: a span of the original text and the issue it names."""

    start: int
    end: int
    surface: str
    issue: str
    his_only: bool = False  # a `his` row: the issue only in Lavrov's words


@dataclass(frozen=True)
class _Payload:
    issues: tuple[str, ...] = ()  # named wherever the phrase stands
    places: tuple[str, ...] = ()  # named next to a head
    head: bool = False
    topic: bool = False  # a head that takes no word of location
    pairs: tuple[str, ...] = ()  # named unless the two are items of a longer list
    context: tuple[str, ...] = ()  # named when the text names the issue otherwise
    anchors: tuple[str, ...] = ()  # backs the context rows of these issues in its sentence
    his: tuple[str, ...] = ()  # named in Lavrov's words only


@dataclass
class _Acc:
    """What the rows say about one spelling, while the lexicon is built."""

    by_kind: dict[str, set[str]] = field(default_factory=dict)
    heads: set[str] = field(default_factory=set)  # the head kinds of its rows
    open_end: bool = False

    def add(self, row: TermRow, is_open: bool) -> None:
        self.open_end = self.open_end or is_open
        if row.kind in HEAD_KINDS:
            self.heads.add(row.kind)
        kind = "term" if row.kind in HEAD_KINDS else row.kind
        if row.issue and kind != "stop":
            self.by_kind.setdefault(kind, set()).add(row.issue)

    def payload(self) -> _Payload:
        def get(kind: str) -> tuple[str, ...]:
            return tuple(sorted(self.by_kind.get(kind, ())))

        # a topic word that is also a plain head (another row) takes "in" too
        head, topic = bool(self.heads), self.heads == {"topic"}
        return _Payload(
            get("term"),
            get("place"),
            head,
            topic,
            get("pair"),
            get("context"),
            get("anchor"),
            get("his"),
        )


@dataclass(frozen=True)
class TermRow:
    """One row of the taxonomy file, as written."""

    issue: str
    lang: str
    term: str
    kind: str
    line: int


@dataclass(frozen=True)
class Taxonomy:
    """The loaded taxonomy: labels, the compiled lexicon and the rows it came from."""

    labels: dict[str, dict[str, str]]
    lexicon: Lexicon  # every language's terms
    terms: list[tuple[str, str, str]]  # (issue, lang, term) of the rows naming an issue
    rows: list[TermRow] = field(default_factory=list)  # every row, with kind and line
    by_lang: dict[str, Lexicon] = field(default_factory=dict)
    fingerprint: str = ""  # hash of the taxonomy and label files' contents
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> its `country` row's issue

    def lexicon_for(self, lang: str) -> Lexicon:
        """The lexicon for a language: its own terms plus `*` terms; all terms otherwise."""
        return self.by_lang.get(lang, self.lexicon)


# --- loading ----------------------------------------------------------------------------


def _data_lines(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the non-blank, non-comment lines of a CSV file."""
    text = path.read_text(encoding="utf-8-sig")
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line]))
        out.append((number, [c.strip() for c in cells]))
    return out


def _fail(path: Path, line: int, reason: str) -> ValueError:
    return ValueError(f"{path}: line {line}: {reason}")


def _header(path: Path, lines: list[tuple[int, list[str]]], required: tuple[str, ...]):
    if not lines:
        raise _fail(path, 1, "no header line")
    number, cells = lines[0]
    names = [c.lower() for c in cells]
    missing = [c for c in required if c not in names]
    if missing:
        raise _fail(path, number, f"missing column(s) {', '.join(missing)}")
    return {name: names.index(name) for name in names}


def expand_term(term: str) -> list[str]:
    """All spellings of a taxonomy term: brace alternatives and ZWNJ/space variants."""
    if term.count("{") != term.count("}") or _BRACES.sub("", term).count("{"):
        raise ValueError("unbalanced or nested braces")
    if math.prod(len(alts.split("|")) for alts in _BRACES.findall(term)) > MAX_VARIANTS:
        raise ValueError(f"more than {MAX_VARIANTS} spellings")  # before spelling them out
    variants = [" ".join(text.split()) for text in expand_braces(term)]
    out: list[str] = []
    for v in variants:
        pieces = v.split(_ZWNJ)
        if len(pieces) == 1:
            out.append(v)
        elif len(pieces) <= 5:
            out.extend(
                "".join(p + j for p, j in zip(pieces, (*joins, ""), strict=True))
                for joins in itertools.product((_ZWNJ, " "), repeat=len(pieces) - 1)
            )
        else:
            out.extend([v, v.replace(_ZWNJ, " ")])
    return list(dict.fromkeys(t for t in out if t.strip(" *")))


def _parse_row(path: Path, number: int, cells: list[str], cols: dict[str, int]) -> TermRow:
    def cell(name: str) -> str:
        i = cols.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    issue, lang, term = cell("issue"), cell("lang").lower(), cell("term")
    kind = cell("kind").lower() or "term"
    if kind not in KINDS:
        raise _fail(path, number, f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    if not term.strip(" *"):
        raise _fail(path, number, "empty term")
    needs_issue = kind in ("term", "place", "pair", "context", "anchor", "country", "his")
    if (needs_issue or issue) and issue not in ISSUE_IDS and kind != "stop":
        raise _fail(path, number, f"unknown issue id {issue!r}")
    if kind == "stop" and issue:
        raise _fail(path, number, f"a stop row takes no issue (got {issue!r})")
    langs = [x.strip() for x in lang.split("|")]
    if lang != "*" and (not lang or any(x not in LANGS for x in langs)):
        raise _fail(path, number, f"unknown language {lang!r} (expected ar, fa, ru, en or *)")
    if kind == "country" and not re.fullmatch(r"[A-Z]{3}", term):
        raise _fail(path, number, f"a country row takes an ISO alpha-3 code (got {term!r})")
    try:
        expand_term(term)
    except ValueError as exc:
        raise _fail(path, number, f"bad term {term!r}: {exc}") from None
    return TermRow(issue, lang, term, kind, number)


def read_rows(path: Path) -> list[TermRow]:
    """The validated rows of a taxonomy file (ValueError with file, line and reason)."""
    lines = _data_lines(path)
    cols = _header(path, lines, REQUIRED_COLUMNS)
    return [_parse_row(path, number, cells, cols) for number, cells in lines[1:]]


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    """issue -> {lang: label}; every issue gets every language (falling back to English,
    then to the id)."""
    labels: dict[str, dict[str, str]] = {}
    if path.is_file():
        lines = _data_lines(path)
        cols = _header(path, lines, ("issue", "en"))
        for number, cells in lines[1:]:
            issue = cells[cols["issue"]] if cols["issue"] < len(cells) else ""
            if issue not in ISSUE_IDS:
                raise _fail(path, number, f"unknown issue id {issue!r}")
            labels[issue] = {
                lang: cells[cols[lang]]
                for lang in LABEL_LANGS
                if lang in cols and cols[lang] < len(cells) and cells[cols[lang]]
            }
    out = {}
    for issue in ISSUE_IDS:
        given = labels.get(issue, {})
        english = given.get("en") or issue.replace("_", " ").capitalize()
        out[issue] = {lang: given.get(lang) or english for lang in LABEL_LANGS}
    return out


def _row_applies(row: TermRow, lang: str | None) -> bool:
    return lang is None or row.lang == "*" or lang in row.lang.split("|")


def build_lexicon(rows: list[TermRow], lang: str | None = None) -> Lexicon:
    """One lexicon of the rows for `lang` (None: all rows); a spelling listed under several
    issues or kinds carries all of them."""
    merged: dict[str, _Acc] = {}
    for row in rows:
        if row.kind == "country" or not _row_applies(row, lang):
            continue
        for spelling in expand_term(row.term):
            key = " ".join(normalize(spelling).split())
            is_open = key.endswith("*")
            key = key.rstrip("*").rstrip()
            merged.setdefault(key, _Acc()).add(row, is_open)
    lexicon = Lexicon()
    for key, acc in merged.items():
        lexicon.add(key + ("*" if acc.open_end else ""), acc.payload(), replace=True)
    return lexicon


def _fingerprint(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes() if p.is_file() else b"-")
        h.update(b"\0")
    return h.hexdigest()[:16]


def _labels_path_for(path: Path) -> Path:
    beside = path.with_name(LABELS_FILENAME)
    return beside if beside.is_file() else LABELS_PATH


@lru_cache(maxsize=8)
def _load(path: Path, stamp: tuple[int, int]) -> Taxonomy:
    if path != ISSUES_PATH:  # a taxonomy of one's own (tests): built, not cached on disk
        return _build(path)
    # the bundled one, pickled on disk (building its lexicons takes 0.3 s)
    key = disk_cache.fingerprint(_cache_inputs(path), ("ahocorasick_rs",), salt="taxonomy")
    return disk_cache.load_or_build(
        "taxonomy", key, lambda: _build(path), valid=lambda t: isinstance(t, Taxonomy)
    )


def _cache_inputs(path: Path) -> tuple[Path, ...]:
    """What the taxonomy is made of: its files, and the code reading and compiling them."""
    here = Path(__file__)
    code = ("issues.py", "lexicon.py", "common.py", "disk_cache.py")
    return (
        path,
        _labels_path_for(path),
        *(here.with_name(name) for name in code),
        here.parent.parent / "normalize.py",
        here.parent.parent / "schema.py",  # the issue ids
    )


def _build(path: Path) -> Taxonomy:
    rows = read_rows(path)
    labels_path = _labels_path_for(path)
    return Taxonomy(
        labels=read_labels(labels_path),
        lexicon=build_lexicon(rows),
        terms=[(r.issue, r.lang, r.term) for r in rows if r.issue],
        rows=rows,
        by_lang={lang: build_lexicon(rows, lang) for lang in LANGS},
        fingerprint=_fingerprint(path, labels_path),
        countries={r.term: r.issue for r in rows if r.kind == "country"},
    )


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load (and cache) the taxonomy; the default is the project's data/issues.csv.

    The cache is keyed by the files' modification times, so an edited file is re-read.
    Raises ValueError (file, line, reason) on an unknown issue id, a missing column, an
    empty term, an unknown language or kind, or bad braces.
    """
    path = Path(path).resolve() if path is not None else ISSUES_PATH
    if not path.is_file():
        raise FileNotFoundError(f"no issue taxonomy at {path}")
    return _load(path, (_mtime(path), _mtime(_labels_path_for(path))))


# --- matching ---------------------------------------------------------------------------


def _gap_ok(norm: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    return 0 <= end - start <= _MAX_GAP and pattern.fullmatch(norm, start, end) is not None


def _bridged(norm: str, start: int, end: int) -> bool:
    """Whether a gap between a head or list item and the next place is the rest of the
    list: places of the gazetteer, separators, a region and "including"."""
    if not 0 < end - start <= _MAX_BRIDGE:
        return False
    from diplomap.extract.places import load_gazetteer  # the gazetteer, only when needed

    gap = norm[start:end]
    hits = [h for h in load_gazetteer().lexicon.find(gap) if h.payload.record is not None]
    rest = list(gap)
    for h in hits:
        rest[h.start : h.end] = " " * (h.end - h.start)
    remainder = "".join(rest)
    if not _BRIDGE_GAP.fullmatch(remainder):
        return False
    return bool(hits) or bool(_INCLUDING_RE.search(remainder)) or not re.search("[,،;؛]", remainder)


def _head_before(norm: str, head: Hit, place: Hit) -> bool:
    if not head.payload.head:
        return False
    if head.payload.topic:
        return _gap_ok(norm, head.end, place.start, _TOPIC_GAP)
    return _gap_ok(norm, head.end, place.start, _HEAD_GAP) or _bridged(norm, head.end, place.start)


def _opens_sentence(norm: str, place: Hit) -> bool:
    """ "On Libya, ..." at the start of a sentence ("По Сирии" needs no comma)."""
    opener = _OPENER.search(norm, max(0, place.start - 6), place.start)
    if opener is None:
        return False
    return norm[opener.end() - 3 : opener.end()].strip() == "по" or bool(
        _AFTER_OPENER.match(norm, place.end)
    )


def _in_list(norm: str, left: Hit, right: Hit) -> bool:
    if _FROM_GAP_RE.fullmatch(norm, left.end, right.start):
        return False  # "اللاجئين السوريين من لبنان": where they come from, no list item
    return _gap_ok(norm, left.end, right.start, _LIST_GAP) or _bridged(norm, left.end, right.start)


# A place after another with "from" between: the origin ("Syrian refugees from Lebanon")
_FROM_GAP_RE = re.compile(r"\s+(?:from|из|من|از)\s+")


def _context_places(norm: str, hits: list[Hit]) -> list[int]:
    """Indexes of the place hits that stand next to a head (directly or in a list)."""
    chosen: list[int] = []
    i, n = 0, len(hits)
    while i < n:
        if not hits[i].payload.places:
            i += 1
            continue
        j = i
        while j + 1 < n and hits[j + 1].payload.places and _in_list(norm, hits[j], hits[j + 1]):
            j += 1
        before = i > 0 and _head_before(norm, hits[i - 1], hits[i])
        before = before or _opens_sentence(norm, hits[i])
        # only Latin and Cyrillic adjectives stand before their head ("Syrian crisis");
        # in Arabic and Persian the place follows ("الأزمة السورية", "بحران سوریه")
        after = j + 1 < n and hits[j + 1].payload.head and not _ARABIC.match(norm, hits[j].start)
        after = after and _gap_ok(norm, hits[j].end, hits[j + 1].start, _TIGHT_GAP)
        if before or after:
            chosen.extend(range(i, j + 1))
        i = j + 1
    return chosen


def _in_place_list(text: NormText, hit: Hit, lang: str) -> bool:
    """Whether a pair ("Russia and the United States") is part of a longer list of places:
    a place of the gazetteer joined to it by a comma or a conjunction on either side."""
    from diplomap.extract.places import find_places  # the gazetteer, only when needed

    start, end = text.to_original(hit.start, hit.end)
    w0 = max(0, start - _PAIR_WINDOW)
    window = text.original[w0 : end + _PAIR_WINDOW]
    low = window.lower()
    start, end = start - w0, end - w0
    for place in find_places(normalize_text(window), lang):
        if place.end <= start and _PAIR_LIST_GAP.fullmatch(low, place.end, start):
            if not _FRONTED.search(low, 0, place.start):
                return True
        elif place.start >= end and _PAIR_LIST_GAP.fullmatch(low, end, place.start):
            return True
    return False


# A pair after "with"/"to" is a third party's ties to both ("a friend to Washington and
# Moscow", «صديقة لواشنطن وموسكو», «с Москвой и Вашингтоном», «با مسکو و واشنگتن»); after
# "between" or with no preposition it is the two's own relations (normalised text)
_THIRD_PARTY_BEFORE_RE = re.compile(
    r"(?<!\w)(?:with|to|towards?|both|с|со|к|ко|مع|و?ل|با|به|هم)\s*$"
)


def _governed_by_a_third_party(norm: str, hit: Hit) -> bool:
    if norm.startswith(("ل", "ول", "فل"), hit.start) and hit.start < hit.term_start:
        return True  # the clitic ل on the pair: «لواشنطن وموسكو»
    return _THIRD_PARTY_BEFORE_RE.search(norm, max(0, hit.start - 12), hit.start) is not None


def _issue_sets(text: NormText, lang: str, hits: list[Hit]) -> dict[int, set[str]]:
    """hit index -> the issues it names (terms, places by a head, pairs, then context)."""
    found: dict[int, set[str]] = {}
    for i, hit in enumerate(hits):
        if hit.payload.issues:
            found.setdefault(i, set()).update(hit.payload.issues)
        if (
            hit.payload.pairs
            and not _governed_by_a_third_party(text.norm, hit)
            and not _in_place_list(text, hit, lang)
        ):
            found.setdefault(i, set()).update(hit.payload.pairs)
    # anchors name nothing and stand in no list of places: leave them out of the structure
    structural = [i for i, h in enumerate(hits) if not _only_anchor(h.payload)]
    for k in _context_places(text.norm, [hits[i] for i in structural]):
        i = structural[k]
        found.setdefault(i, set()).update(hits[i].payload.places)
    named = set().union(*found.values()) if found else set()
    for i, hit in enumerate(hits):
        if not hit.payload.context:
            continue
        backed = named.intersection(hit.payload.context)
        rest = set(hit.payload.context) - backed
        if rest:
            backed |= rest.intersection(_sentence_anchors(text.norm, hits, i))
        if backed:
            found.setdefault(i, set()).update(backed)
    return found


def _only_anchor(p: _Payload) -> bool:
    return bool(p.anchors or p.his) and not (p.issues or p.places or p.head or p.pairs or p.context)


def _sentence_anchors(norm: str, hits: list[Hit], i: int) -> set[str]:
    """The issues whose anchors or places stand in the sentence of hit i."""
    hit = hits[i]
    lo, hi = max(0, hit.start - _MAX_SENTENCE), min(len(norm), hit.end + _MAX_SENTENCE)
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, lo, hit.start)]
    start = ends[-1] if ends else lo
    stop = _SENTENCE_END.search(norm, hit.end, hi)
    end = stop.start() if stop else hi
    out: set[str] = set()
    j = i - 1
    while j >= 0 and hits[j].start >= start:
        out.update(hits[j].payload.anchors, hits[j].payload.places)
        j -= 1
    j = i + 1
    while j < len(hits) and hits[j].end <= end:
        out.update(hits[j].payload.anchors, hits[j].payload.places)
        j += 1
    return out


def find_issues(text: NormText, lang: str, taxonomy: Taxonomy | None = None) -> list[IssueMatch]:
    """Every issue mention in a text, in text order (one pass of the lexicon).

    `lang` selects the terms ("ar", "fa", "ru", "en"); any other value uses all of them.
    A span naming several issues ("إعادة إعمار سوريا") gives one match per issue.
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    hits = tax.lexicon_for(lang).find(text)
    found = _issue_sets(text, lang, hits)
    his = {i: set(h.payload.his) - found.get(i, set()) for i, h in enumerate(hits) if h.payload.his}
    out = []
    for i in sorted(found.keys() | his.keys()):
        start, end = text.to_original(hits[i].start, hits[i].end)
        surface = text.original[start:end]
        out.extend(IssueMatch(start, end, surface, issue) for issue in sorted(found.get(i, ())))
        out.extend(IssueMatch(start, end, surface, issue, True) for issue in sorted(his.get(i, ())))
    return out


# Between a country and Russia beside it: the two countries' relations, not the country's
# conflict ("российско-иракские", "Russian-Iraqi", "روسيا والعراق", "روسیه و عراق").
_BESIDE_RUSSIA = re.compile(r"[\s\-\u2010-\u2015]*(?:(?:and|и|و|با)\s*)?")
_RUSSIA = "RUS"
_BESIDE_WINDOW = 8


def _beside_russia(text: str, left: dict, right: dict) -> bool:
    """Whether two neighbouring place mentions, one of them Russia, stand side by side."""
    if _RUSSIA not in (left[S.ISO3], right[S.ISO3]):
        return False
    gap = (left[S.END], right[S.START])
    return 0 <= gap[1] - gap[0] <= _BESIDE_WINDOW and bool(_BESIDE_RUSSIA.fullmatch(text, *gap))


def _relations(text: str, place_rows: list[dict], countries: dict[str, str]) -> set:
    """(sentence, country) of the countries that stand beside Russia in a sentence."""
    out = set()
    for left, right in itertools.pairwise(place_rows):
        if left[S.SENTENCE] == right[S.SENTENCE] and _beside_russia(text, left, right):
            out.update((r[S.SENTENCE], r[S.ISO3]) for r in (left, right) if r[S.ISO3] in countries)
    return out


def country_issue_rows(
    text: str, place_rows: list[dict], issue_rows: list[dict], taxonomy: Taxonomy | None = None
) -> list[dict]:
    """Issue rows for the `country` rows of the taxonomy: a country named in Lavrov's
    words (a place row with `lavrov` set) names its issue when the article names that
    issue otherwise (`issue_rows`) and his sentence does not yet. One row per sentence and
    issue, at the country's first mention there. Not in a sentence where the country
    stands beside Russia (their relations: "российско-иракские отношения ... с Багдадом")."""
    countries = (taxonomy if taxonomy is not None else load_taxonomy()).countries
    named = {r[S.ISSUE] for r in issue_rows}
    if not any(
        row[S.LAVROV] and countries.get(row[S.ISO3]) in named for row in place_rows
    ):  # the common case: nothing to add
        return []
    have = {(r[S.SENTENCE], r[S.ISSUE]) for r in issue_rows}
    relations = _relations(text, sorted(place_rows, key=lambda r: r[S.START]), countries)
    out = []
    for row in place_rows:
        issue = countries.get(row[S.ISO3])
        key = (row[S.SENTENCE], issue)
        if not row[S.LAVROV] or issue not in named or key in have:
            continue
        if (row[S.SENTENCE], row[S.ISO3]) in relations:
            continue
        have.add(key)
        out.append(
            {
                S.ARTICLE_ID: row[S.ARTICLE_ID],
                S.START: row[S.START],
                S.END: row[S.END],
                S.SURFACE: row[S.SURFACE],
                S.ISSUE: issue,
                S.SENTENCE: row[S.SENTENCE],
                S.LAVROV: True,
            }
        )
    return out


def issue_label(issue: str, lang: str = "en") -> str:
    """The display label of an issue in a language (English if that language has none;
    the id itself for an unknown issue)."""
    labels = load_taxonomy().labels.get(issue)
    if labels is None:
        return issue
    return labels.get(lang) or labels["en"]
