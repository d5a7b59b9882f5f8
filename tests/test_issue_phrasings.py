"""News phrasings per language and issue (tests/data/issue_phrasings.csv): what must and
must not name an issue."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from diplomap.extract.issues import find_issues
from diplomap.normalize import normalize_text
from diplomap.schema import ISSUE_IDS

TABLE = Path(__file__).parent / "data" / "issue_phrasings.csv"
LANGS = ("ar", "fa", "ru", "en")


def _rows() -> list[dict]:
    """The table's rows, each with its line number; the sentence is the rest of the line
    after the third comma (quoted, as CSV, or not)."""
    rows = []
    text = TABLE.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lang,"):
            continue
        lang, issue, expect, sentence = line.split(",", 3)
        if sentence.startswith('"'):
            sentence = next(csv.reader([sentence]))[0]
        rows.append(
            {"lang": lang, "issue": issue, "expect": expect, "sentence": sentence, "line": number}
        )
    return rows


ROWS = _rows()


def _cases(expect: str) -> list:
    return [
        pytest.param(
            r["lang"], r["issue"], r["sentence"], id=f"{r['lang']}-{r['issue']}-{r['line']}"
        )
        for r in ROWS
        if r["expect"] == expect
    ]


def _issues(text: str, lang: str) -> set[str]:
    return {m.issue for m in find_issues(normalize_text(text), lang)}


def test_table_is_well_formed() -> None:
    assert len(ROWS) >= 200
    for row in ROWS:
        assert row["lang"] in LANGS, row
        assert row["issue"] in ISSUE_IDS, row
        assert row["expect"] in ("match", "no-match"), row
        assert row["sentence"].strip(), row


@pytest.mark.parametrize("lang", LANGS)
def test_every_issue_has_phrasings_in_every_language(lang: str) -> None:
    covered = {r["issue"] for r in ROWS if r["lang"] == lang and r["expect"] == "match"}
    assert covered == set(ISSUE_IDS)


@pytest.mark.parametrize(("lang", "issue", "sentence"), _cases("match"))
def test_phrasing_names_the_issue(lang: str, issue: str, sentence: str) -> None:
    got = _issues(sentence, lang)
    assert issue in got, got


@pytest.mark.parametrize(("lang", "issue", "sentence"), _cases("no-match"))
def test_phrasing_does_not_name_the_issue(lang: str, issue: str, sentence: str) -> None:
    got = _issues(sentence, lang)
    assert issue not in got, got
