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


LEAGUE_SHORT = {
    "en": (
        "Aboul Gheit received the ministers at the Arab League headquarters in Cairo.",
        "Lavrov said freezing Syria's membership of the League had helped nobody.",
        "His son studied law at a university that plays in the league of Nations Cup.",
    ),
    "ar": (
        "استقبل أبو الغيط الوزراء في مقر جامعة الدول العربية في القاهرة.",
        "وقال لافروف إن تجميد عضوية سوريا في الجامعة لم يخدم أحدا.",
        "ودرس ابنه في الجامعة الأمريكية في بيروت.",
    ),
    "ru": (
        "Абуль Гейт принял министров в штаб-квартире Лиги арабских государств.",
        "Лавров заявил, что заморозка членства Сирии в Лиге никому не помогла.",
        "Его сын играл в Лиге чемпионов.",
    ),
    "fa": (
        "ابوالغیط وزیران را در مقر اتحادیه عرب در قاهره پذیرفت.",
        "لاوروف گفت تعلیق عضویت سوریه در اتحادیه به کسی کمک نکرد.",
        "پسرش در اتحادیه اروپا تحصیل کرد.",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_league_by_its_short_name_where_the_text_names_it(lang):
    """ "The League", «الجامعة», «Лига», «اتحادیه»: the Arab League where the text names it
    otherwise; never a university, another league or the European Union, and nothing in
    a text that does not name the League."""
    named, short, other = LEAGUE_SHORT[lang]
    text = f"{named} {short} {other}"
    rows = find_issues(normalize_text(text), lang)
    at = len(named) + 1
    in_short = [m for m in rows if at <= m.start < at + len(short) and m.issue == "arab_league"]
    in_other = [m for m in rows if m.start >= at + len(short) and m.issue == "arab_league"]
    assert in_short and not in_other
    assert "arab_league" not in _issues(f"{short.replace('Lavrov', 'He')} {other}", lang)
