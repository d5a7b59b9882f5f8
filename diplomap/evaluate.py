"""Score `extract`'s output against a hand-made gold file: `python -m diplomap evaluate`.

The gold file is JSON Lines, one object per article, keyed by the article file's name.
Set fields (countries, issues and their Lavrov-only versions) get micro-averaged
precision, recall and F1 over (article, item) pairs; the publication date and the
language get accuracy; the optional `lavrov_sentences` / `not_lavrov_sentences`
substrings score which sentences are credited to Lavrov. Everything per language (the
gold language) and overall. Pure functions, except `predict`, which runs the extraction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from diplomap import schema as S
from diplomap.corpus import build_from_articles
from diplomap.ingest import read_paths
from diplomap.names import escape_controls
from diplomap.records import article_record

SET_FIELDS = ("countries", "issues", "lavrov_countries", "lavrov_issues")
ACCURACY_FIELDS = ("published", "language")
STATEMENTS = "statements"
ALL = "all"
LANGUAGE_ORDER = ("ar", "fa", "ru", "en", "other")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ARCHIVE_RE = re.compile(r"\.zip!", re.IGNORECASE)


class GoldError(ValueError):
    """The gold file cannot be used; the message is one line."""


# --- the gold file -------------------------------------------------------------------


def _check_strings(entry: dict, key: str, where: str) -> None:
    value = entry.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldError(f"{where}: `{key}` must be a list of strings")


def _check_entry(entry: object, where: str) -> dict:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected a JSON object, got {type(entry).__name__}")
    file = entry.get("file")
    if not isinstance(file, str) or not file.strip():
        raise GoldError(f"{where}: missing `file` key (the article file's name)")
    published = entry.get("published")
    if published is not None and not (isinstance(published, str) and _DATE_RE.fullmatch(published)):
        raise GoldError(f"{where}: `published` must be YYYY-MM-DD or null, not {published!r}")
    for key in SET_FIELDS:
        _check_strings(entry, key, where)
        _check_strings(entry, key + "_optional", where)
    for key in ("lavrov_sentences", "not_lavrov_sentences"):
        _check_strings(entry, key, where)
    language = entry.get("language")
    if language is not None and not isinstance(language, str):
        raise GoldError(f"{where}: `language` must be a string")
    return entry


def load_gold(path: str | Path) -> list[dict]:
    """Read and check a gold JSONL file. Raises GoldError with a one-line message."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
    entries: list[dict] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
        entry = _check_entry(value, where)
        if entry["file"] in seen:
            raise GoldError(f"{where}: `file` {entry['file']!r} repeats line {seen[entry['file']]}")
        seen[entry["file"]] = number
        entries.append(entry)
    if not entries:
        raise GoldError(f"{path}: the gold file has no entries")
    return entries


def gold_warnings(gold: Sequence[dict]) -> list[str]:
    """Likely typos in the gold file: issue ids that are not in the taxonomy."""
    known = set(S.ISSUE_IDS)
    warnings = []
    for entry in gold:
        for key in ("issues", "lavrov_issues", "issues_optional", "lavrov_issues_optional"):
            for issue in entry.get(key) or []:
                if issue not in known:
                    name = escape_controls(entry["file"])
                    warnings.append(f"{name}: `{key}` has an unknown issue {issue!r}")
    return warnings


# --- predictions ---------------------------------------------------------------------


def file_key(file: str) -> str:
    """An article's `file` without its folder: "a.txt", "x.zip!news/a.txt", "x.csv#12"."""
    file = file.replace("\\", "/")
    archive = _ARCHIVE_RE.search(file)
    container = file[: archive.start()] if archive else file
    rest = file[archive.start() :] if archive else ""
    return container.rsplit("/", 1)[-1] + rest


def _is_file(file: str, target: str | Path) -> bool:
    """Whether an article's or problem's `file` ("x.jsonl", "x.jsonl#3") is `target`."""
    target = Path(target)
    for candidate in {file, file.rsplit("#", 1)[0]}:
        if Path(candidate).name == target.name:
            try:
                if Path(candidate).resolve() == target.resolve():
                    return True
            except (OSError, RuntimeError):
                continue
    return False


def predict(
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    geocoder=None,
    problems: list | None = None,
    exclude: str | Path | None = None,
) -> dict[str, dict]:
    """Extract the articles under `paths` as `extract` does: {file_key: record}.

    Each record also carries the article's `text` (statement spans are offsets in it).
    A file whose text repeats an earlier one gets that article's record. Reading and
    extraction problems are appended to `problems` when given. The file `exclude` (the
    gold file, when it lies among the inputs) is not read as an article."""
    result = read_paths(list(paths))
    if exclude is not None:
        result.articles = [a for a in result.articles if not _is_file(a.file, exclude)]
        result.problems = [p for p in result.problems if not _is_file(p.file, exclude)]
    corpus = build_from_articles(
        result.articles, result.problems, workers=workers, geocoder=geocoder
    )
    if problems is not None:
        problems.extend(corpus.problems)
    texts = dict(zip(corpus.articles[S.ARTICLE_ID], corpus.articles[S.TEXT], strict=True))
    records = {aid: {**article_record(corpus, aid), "text": texts[aid]} for aid in texts}
    predicted: dict[str, dict] = {}
    for article in result.articles:
        record = records.get(article.article_id)
        if record is not None:
            predicted.setdefault(file_key(article.file), record)
    return predicted


def match(
    gold: Sequence[dict], predicted: dict[str, dict]
) -> tuple[list[tuple[dict, dict]], list[str], list[str]]:
    """Pair gold entries with records: (pairs, missing files, ambiguous files).

    A gold `file` matches a record's file key or, when that is unique, the name after
    its last "/" or "!" (a zip member "x.zip!news/a.txt" also answers to "a.txt")."""
    by_name: dict[str, list[str]] = {}
    for key in predicted:
        by_name.setdefault(key.replace("!", "/").rsplit("/", 1)[-1], []).append(key)
    pairs, missing, ambiguous = [], [], []
    for entry in gold:
        name = entry["file"].replace("\\", "/")
        if name in predicted:
            pairs.append((entry, predicted[name]))
            continue
        plain = "/" not in name and "!" not in name
        keys = by_name.get(name, []) if plain else []
        if len(keys) == 1:
            pairs.append((entry, predicted[keys[0]]))
        elif keys:
            ambiguous.append(entry["file"])
        else:
            missing.append(entry["file"])
    return pairs, missing, ambiguous


# --- scoring -------------------------------------------------------------------------


@dataclass
class Counts:
    """Counts for one field in one language: tp/fp/fn for sets and statements,
    correct/n for accuracy fields (n also counts the gold statement substrings)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    n: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.correct += other.correct
        self.n += other.n


@dataclass
class ArticleDiff:
    """What one article got wrong."""

    file: str
    language: str
    sets: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # missing, extra
    values: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # gold, pred
    not_credited: list[str] = field(default_factory=list)  # Lavrov's, not credited to him
    wrongly_credited: list[str] = field(default_factory=list)  # not his, credited to him
    not_found: list[str] = field(default_factory=list)  # substrings absent from the text

    def empty(self) -> bool:
        return not (
            self.sets or self.values or self.not_credited or self.wrongly_credited or self.not_found
        )


@dataclass
class Scores:
    counts: dict[str, dict[str, Counts]]  # language -> field -> counts ("all" included)
    articles: dict[str, int]  # language -> scored articles
    diffs: list[ArticleDiff]
    missing: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)


def _normalise_items(key: str, items: Iterable[str]) -> set[str]:
    if key.endswith("countries"):
        return {i.strip().upper() for i in items if i.strip()}
    return {i.strip() for i in items if i.strip()}


def score_set(key: str, gold: dict, record: dict) -> tuple[Counts, list[str], list[str]]:
    """Counts, missing and extra items for one set field of one article."""
    optional = _normalise_items(key, gold.get(key + "_optional") or [])
    expected = _normalise_items(key, gold.get(key) or []) - optional
    got = _normalise_items(key, record.get(key) or []) - optional
    counts = Counts(
        tp=len(expected & got), fp=len(got - expected), fn=len(expected - got), n=len(expected)
    )
    return counts, sorted(expected - got), sorted(got - expected)


def locate(text: str, substring: str) -> tuple[int, int] | None:
    """The first span of `substring` in `text`; whitespace runs match any whitespace."""
    start = text.find(substring)
    if start >= 0:
        return start, start + len(substring)
    words = unicodedata.normalize("NFC", substring).split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return found.span() if found else None


def lavrov_spans(record: dict) -> list[tuple[int, int]]:
    return [
        (int(s["span"][0]), int(s["span"][1]))
        for s in record.get("statements") or []
        if "lavrov" in str(s.get("speaker") or "").casefold()
    ]


def score_statements(gold: dict, record: dict, diff: ArticleDiff) -> Counts:
    """TP: a `lavrov_sentences` substring inside a Lavrov statement; FP: a
    `not_lavrov_sentences` one inside one; FN: a `lavrov_sentences` one outside all."""
    text = record.get("text") or ""
    spans = lavrov_spans(record)
    counts = Counts()
    for expected, key in ((True, "lavrov_sentences"), (False, "not_lavrov_sentences")):
        for substring in gold.get(key) or []:
            where = locate(text, substring)
            if where is None:
                diff.not_found.append(substring)
                continue
            credited = any(s <= where[0] and where[1] <= e for s, e in spans)
            counts.n += 1
            if expected and credited:
                counts.tp += 1
            elif expected:
                counts.fn += 1
                diff.not_credited.append(substring)
            elif credited:
                counts.fp += 1
                diff.wrongly_credited.append(substring)
    return counts


def score_article(gold: dict, record: dict) -> tuple[dict[str, Counts], ArticleDiff]:
    """All counts for one article, and its differences."""
    language = gold.get("language") or record.get("language") or "other"
    diff = ArticleDiff(file=gold["file"], language=language)
    counts: dict[str, Counts] = {}
    for key in (k for k in SET_FIELDS if k in gold):  # a field left out is not scored
        counts[key], missing, extra = score_set(key, gold, record)
        if missing or extra:
            diff.sets[key] = (missing, extra)
    for key in ACCURACY_FIELDS:
        if key not in gold or (key == "language" and not gold[key]):
            continue
        expected, got = gold.get(key), record.get(key)
        counts[key] = Counts(correct=int(expected == got), n=1)
        if expected != got:
            diff.values[key] = (expected, got)
    counts[STATEMENTS] = score_statements(gold, record, diff)
    return counts, diff


def _language_key(language: str) -> tuple[int, str]:
    order = LANGUAGE_ORDER.index(language) if language in LANGUAGE_ORDER else len(LANGUAGE_ORDER)
    return order, language


def score(gold: Sequence[dict], predicted: dict[str, dict]) -> Scores:
    """Match gold entries to predictions and add up the counts per language and overall."""
    pairs, missing, ambiguous = match(gold, predicted)
    fields = (*SET_FIELDS, *ACCURACY_FIELDS, STATEMENTS)
    per_language: dict[str, dict[str, Counts]] = {}
    articles: dict[str, int] = {}
    diffs = []
    for entry, record in pairs:
        counts, diff = score_article(entry, record)
        diffs.append(diff)
        articles[diff.language] = articles.get(diff.language, 0) + 1
        target = per_language.setdefault(diff.language, {f: Counts() for f in fields})
        for key, value in counts.items():
            target[key].add(value)
    ordered = {lang: per_language[lang] for lang in sorted(per_language, key=_language_key)}
    total = {f: Counts() for f in fields}
    for table in ordered.values():
        for key, value in table.items():
            total[key].add(value)
    ordered[ALL] = total
    articles = {lang: articles[lang] for lang in ordered if lang != ALL}
    articles[ALL] = len(pairs)
    return Scores(ordered, articles, diffs, missing, ambiguous)


# --- output --------------------------------------------------------------------------


def _ratio(a: int, b: int) -> float | None:
    return None if b == 0 else round(a / b, 4)


def metrics(counts: Counts, key: str) -> dict:
    """One field's figures: P/R/F1 (None when undefined) or accuracy, with the counts."""
    if key in ACCURACY_FIELDS:
        return {
            "accuracy": _ratio(counts.correct, counts.n),
            "correct": counts.correct,
            "n": counts.n,
        }
    precision = _ratio(counts.tp, counts.tp + counts.fp)
    recall = _ratio(counts.tp, counts.tp + counts.fn)
    # 2TP / (2TP + FP + FN): 0 when nothing is right, undefined only with nothing either side
    f1 = _ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "n": counts.n,
    }


def to_dict(scores: Scores) -> dict:
    """The metrics as plain JSON-safe data (no NaN: undefined figures are None)."""
    return {
        "articles": dict(scores.articles),
        "missing": list(scores.missing),
        "ambiguous": list(scores.ambiguous),
        "metrics": {
            lang: {key: metrics(c, key) for key, c in table.items()}
            for lang, table in scores.counts.items()
        },
    }


def _cell(figures: dict) -> str:
    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    if "accuracy" in figures:
        return f"acc {num(figures['accuracy'])} n={figures['n']}"
    p, r, f1 = (num(figures[k]) for k in ("precision", "recall", "f1"))
    return f"{p}/{r}/{f1} n={figures['n']}"


def format_table(scores: Scores) -> str:
    """An aligned table: one row per field, one column per language and "all"."""
    data = to_dict(scores)["metrics"]
    languages = list(data)
    header = ["field", *languages]
    rows = [["articles", *(str(scores.articles.get(lang, 0)) for lang in languages)]]
    for key in (*SET_FIELDS, *ACCURACY_FIELDS, STATEMENTS):
        rows.append([key, *(_cell(data[lang][key]) for lang in languages)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.append(
        "P/R/F1 micro-averaged over (article, item) pairs, n = gold items; "
        "published/language: accuracy, n = articles; "
        "statements: P/R/F1 of crediting to Lavrov, n = gold substrings"
    )
    return "\n".join(lines)


def _quote(items: Iterable[str], limit: int = 80) -> str:
    shown = []
    for item in items:
        one_line = " ".join(item.split())
        shown.append(repr(one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"))
    return "; ".join(shown)


def format_diff(diff: ArticleDiff) -> str:
    """The lines for one article's differences."""
    lines = [f"{escape_controls(diff.file)} ({escape_controls(diff.language)})"]
    for key, (missing, extra) in diff.sets.items():
        parts = [f"missing {' '.join(missing)}"] if missing else []
        parts += [f"extra {' '.join(extra)}"] if extra else []
        lines.append(f"  {key}: {'; '.join(parts)}")
    for key, (expected, got) in diff.values.items():
        lines.append(f"  {key}: gold {expected or 'null'}, predicted {got or 'null'}")
    if diff.not_credited:
        lines.append(f"  statements: not credited to Lavrov: {_quote(diff.not_credited)}")
    if diff.wrongly_credited:
        lines.append(f"  statements: wrongly credited to Lavrov: {_quote(diff.wrongly_credited)}")
    if diff.not_found:
        lines.append(f"  statements: not found in the text: {_quote(diff.not_found)}")
    return "\n".join(lines)


def format_differences(scores: Scores) -> str:
    """Per-article differences, only for articles that have any."""
    blocks = [format_diff(d) for d in scores.diffs if not d.empty()]
    return "\n".join(blocks) if blocks else "no differences"
