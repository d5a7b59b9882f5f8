"""Data-driven place tests: coverage of the region's places in four languages, and
must-match / must-not-match sentences for every context rule class.

- `tests/data/place_coverage.csv` (lang, sentence, place, iso3): the sentence yields a
  mention of that place (canonical name) in that country;
- `tests/data/place_cases.csv` (lang, sentence, expect, iso3, place, surface, note):
  `match` = a mention with that ISO3 (and place / surface when given) is found;
  `absent` = none is (of that place when given, else of that ISO3; ISO3 `*`: no place).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from diplomap.extract import places
from diplomap.normalize import normalize_text

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(body))


def _id(row: dict[str, str]) -> str:
    return f"{row['lang']}:{row['sentence'][:60]}"


COVERAGE = _rows("place_coverage.csv")
CASES = _rows("place_cases.csv")


@pytest.fixture(scope="module")
def gaz():
    return places.load_gazetteer()


def _found(gaz, lang: str, sentence: str):
    return places.find_places(normalize_text(sentence), lang, gaz)


@pytest.mark.parametrize("row", COVERAGE, ids=[_id(r) for r in COVERAGE])
def test_coverage(gaz, row):
    got = _found(gaz, row["lang"], row["sentence"])
    pairs = {(m.place, m.iso3) for m in got}
    assert (row["place"], row["iso3"]) in pairs, [(m.surface, m.place, m.iso3) for m in got]


@pytest.mark.parametrize("row", CASES, ids=[_id(r) for r in CASES])
def test_case(gaz, row):
    got = _found(gaz, row["lang"], row["sentence"])
    hits = [
        m
        for m in got
        if row["iso3"] in ("*", m.iso3)
        and (not row.get("place") or m.place == row["place"])
        and (not row.get("surface") or m.surface == row["surface"])
    ]
    seen = [(m.surface, m.place, m.iso3) for m in got]
    if row["expect"] == "match":
        assert hits, seen
    else:
        assert row["expect"] == "absent"
        assert not hits, seen


def test_coverage_covers_every_language():
    langs = {r["lang"] for r in COVERAGE}
    assert langs == {"ar", "fa", "ru", "en"}
    for lang in langs:
        assert {r["lang"] for r in CASES if r["expect"] == "absent"} >= {lang}
