"""Words that equal place names, outlets, and the place data files' checks."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from diplomap.extract import outlets, place_rules, places
from diplomap.normalize import normalize_text

DATA = Path(__file__).parent / "data"
REVIEW_ZIPF = 3.8


@pytest.fixture(scope="module")
def gaz():
    return places.load_gazetteer()


def _reviewed() -> set[str]:
    lines = (DATA / "frequent_city_words.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def test_frequent_arabic_and_persian_words_read_as_cities_were_reviewed(gaz):
    """Every frequent Arabic/Persian word that reads as a city is a reviewed city name
    (new collisions with ordinary words fail here: see frequent_city_words.tsv)."""
    wordfreq = pytest.importorskip("wordfreq")
    reviewed = _reviewed()
    unreviewed = []
    for lang in ("ar", "fa"):
        for word, freq in wordfreq.get_frequency_dict(lang, "best").items():
            if math.log10(freq) + 9 < REVIEW_ZIPF:
                break
            found = gaz.find(normalize_text(word), lang)
            if (
                len(found) == 1
                and (found[0].start, found[0].end) == (0, len(word))
                and found[0].place_type == "city"
                and word not in reviewed
            ):
                unreviewed.append((word, found[0].place))
    assert not unreviewed


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("https://arabic.rt.com/middle_east/123-x/", "RT Arabic"),
        ("www.rt.com", "RT"),
        ("https://www.bbc.com/persian/world-1", "BBC Persian"),
        ("en.irna.ir", "IRNA"),
        ("ایرنا", "IRNA"),
        ("وكالة الأنباء الكويتية", "Kuwait News Agency"),
        ("«ТАСС»", "TASS"),
        ("Al Jazeera", "Al Jazeera"),
        ("Tehran Times", "Tehran Times"),
        ("example.org", None),
        ("", None),
    ],
)
def test_canonical_outlet(value, name):
    assert outlets.canonical_outlet(value) == name


def test_find_outlets_spans_and_capitals():
    text = "وقال لافروف لـ«روسيا اليوم» إن روسيا اليوم مستعدة"
    found = outlets.find_outlets(normalize_text(text), "ar")
    assert [(text[m.start : m.end], m.name) for m in found] == [("لـ«روسيا اليوم»", "RT Arabic")]
    assert outlets.find_outlets(normalize_text("russia today is ready"), "en") == []
    found = outlets.find_outlets(normalize_text("as the Jerusalem Post wrote"), "en")
    assert [m.name for m in found] == ["Jerusalem Post"]


def test_outlets_file_checked(tmp_path):
    bad = tmp_path / "o.csv"
    bad.write_text("name,lang,alias,domain\nX,xx,Y,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2.*lang"):
        outlets.read_outlets(bad)


def test_rules_file_checked(tmp_path):
    bad = tmp_path / "r.csv"
    header = "place,lang,action,target,term,left,right,surface,text,note\n"
    bad.write_text(header + "# c\nTyre,ar,maybe,,,,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3.*action"):
        place_rules.load_rules(bad)
    bad.write_text(header + "Tyre,ar,drop,,,(unclosed,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2"):
        place_rules.load_rules(bad)


def test_switch_targets_exist():
    rules = place_rules.load_rules()
    with pytest.raises(ValueError, match="unknown target"):
        places.Gazetteer([], rules)


def test_additions_flags():
    rows = {r["term"]: r for r in places.read_additions()}
    assert rows["РФ"]["rule"] == "caps" and rows["РФ"]["literal"]
    assert rows["американо"]["rule"] == "combining"
    assert rows["сирийский"]["rule"] == "" and not rows["сирийский"]["literal"]


def test_combining_forms_only_before_a_dash(gaz):
    found = places.find_places(normalize_text("российско-иранские и российско иранские"), "ru", gaz)
    assert [m.surface for m in found] == ["российско", "иранские", "иранские"]
