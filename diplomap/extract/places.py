"""The place matcher: every mention of a place in an article.

The gazetteer's terms are built in `gazetteer.py` (CLDR country names, GeoNames
cities, Russian case forms, the data files; cached on disk) and go into one
`diplomap.lexicon.Lexicon` (Arabic and Persian are matched on the same normalised
text), with the context rules of `data/place_rules.csv`.

On top of the lexicon, `find_places` applies generic rules on the original text:
Latin names (and Cyrillic names, not adjectives) must be capitalised ("turkey" and
"china" are not places); a city name takes Arabic clitics but no nisba suffix
(الرياضية is "sports", شیرازی a surname) and no article it does not have (الجدة is "the
grandmother", not جدة); Persian text has no clitics (only the article of Arabic names);
a Russian or English city name after a first name, an initial or a title is a surname
(Сергей Жуковский, Mr Jackson). Rules for particular names are data, in
`data/place_rules.csv` (see `place_rules.py`): Persian دوشنبه is Monday unless named
as a city, Arabic صور "pictures" is Tyre only in a Lebanese context, عمان is Oman
unless written عمّان or named with Jordan, طرابلس is Lebanon's Tripoli when Lebanon is
named with it, "Georgia" after "Atlanta," is the US state, a name that is also a
first name (Jordan, Israel, Chad ...) next to another capitalised word that is not a
country is a person. Place names inside the name of a news outlet ("Kuwait News
Agency", روزنامه ایران; `data/outlets.csv`, see `outlets.py`) are not places.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import NamedTuple

from diplomap.extract import disk_cache, outlets, place_rules

# From gazetteer.py: what matching uses, and (`X as X`) the names that geocode.py and the
# tests read as `places.<name>`.
from diplomap.extract.gazetteer import (
    _CYRILLIC_LETTER,
    PlaceRecord,
    _fingerprint,
    _parse,
    _Term,
    build_terms,
)
from diplomap.extract.gazetteer import PLACE_TYPES as PLACE_TYPES
from diplomap.extract.gazetteer import _check_row as _check_row
from diplomap.extract.gazetteer import iso3_for as iso3_for
from diplomap.extract.gazetteer import read_additions as read_additions
from diplomap.extract.lexicon import Hit, Lexicon
from diplomap.normalize import NormText, normalize

_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")

# Capitalised words that may stand right before a name that is also a personal name
# (rule `person` in place_rules.csv) in its place reading.
_PLACE_LEFT_WORDS = frozenset(
    [
        "the",
        "king",
        "kingdom",
        "hashemite",
        "in",
        "to",
        "from",
        "of",
        "and",
        "or",
        "with",
        "visit",
        "visits",
        "visited",
        "neighbouring",
        "neighboring",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "state",
        "president",
        "minister",
        "occupied",
        "across",
        "near",
    ]
)

# Lexicon suffixes that turn a name into an adjective/demonym (العراقي, ایرانی).
_DEMONYM_SUFFIXES = frozenset({"ي", "يه", "يون", "يين", "ين", "يان", "اي", "يها", "يهاي"})
# Persian plurals of demonyms: آمریکایی‌ها, سوری‌های (the ZWNJ is removed by normalising)
_PLURAL_SUFFIXES = frozenset({"ها", "هاي"})
# Persian possessives after a demonym ("همکاران آمریکایی‌مان", "دوستان ترکیه‌ای‌مان": our
# American colleagues, our Turkish friends)
_POSSESSIVE_SUFFIXES = frozenset({"مان", "شان", "تان"})
_EZAFE_POSSESSIVE_SUFFIXES = frozenset({"ايمان", "ايشان", "ايتان"})
_NAME_SUFFIXES = _DEMONYM_SUFFIXES | _EZAFE_POSSESSIVE_SUFFIXES  # after a name or a demonym
_DEMONYM_ONLY = _PLURAL_SUFFIXES | _POSSESSIVE_SUFFIXES  # after a demonym only


class PlaceMatch(NamedTuple):
    start: int  # span in the original text of the whole word, clitics included
    end: int
    surface: str  # original text[start:end]
    place: str  # canonical English name ("Syria", "Damascus", "Gaza Strip")
    place_type: str  # "country" | "city" | "region"
    iso3: str  # ISO 3166-1 alpha-3 of the country
    lat: float
    lon: float
    match_kind: str  # "name" | "demonym" | "metonym" (| "geocoded", see geocode.py)


class Gazetteer:
    """Place records, one lexicon of their names in every language, and context rules."""

    def __init__(
        self,
        terms: Iterable[tuple[str, _Term]],
        rules: dict[str, tuple[place_rules.PlaceRule, ...]] | None = None,
    ) -> None:
        self.lexicon = Lexicon()
        self.places: dict[str, PlaceRecord] = {}
        terms = list(terms)
        # Terms without the Arabic article first: the lexicon derives a bare form from
        # "الإمارات" that matches only after ال/لل, and it must not shadow the Persian
        # name "امارات" added later.
        for with_article in (False, True):
            for term, payload in terms:
                if _starts_with_article(term) == with_article:
                    self.lexicon.add(term, payload)
                    if payload.record is not None:
                        self.places.setdefault(payload.record.place, payload.record)
        self.use_rules(rules or {})

    def use_rules(self, rules: dict[str, tuple[place_rules.PlaceRule, ...]]) -> None:
        """Set the context rules (data/place_rules.csv), checking their target places."""
        for rule in (r for rs in rules.values() for r in rs):
            if rule.action == "switch" and rule.target not in self.places:
                raise ValueError(f"place rule: unknown target place {rule.target!r}")
        self.rules = rules

    def __len__(self) -> int:
        return len(self.lexicon)

    def lookup(self, name: str) -> PlaceRecord | None:
        """The place a single name (any language, any case) stands for, or None."""
        payload = self.lexicon.payload(name)
        return None if payload is None else payload.record

    def knows(self, name: str) -> bool:
        return self.lexicon.payload(name) is not None

    def find(self, text: NormText, lang: str) -> list[PlaceMatch]:
        """The place mentions of a text (a place of keep rules none of which fired only
        as an item of a list of countries: "زیمبابوه، مالی، سومالی")."""
        unkept: list[PlaceMatch] = []  # places of keep rules none of which fired
        matches = []
        for hit in self.lexicon.find(text, _cased_in(text)):
            match = self._match(hit, text, lang, unkept)
            if match is not None:
                matches.append(match)
        if unkept:
            matches = _with_list_items(matches, unkept, text.original)
        return matches

    def _match(
        self, hit: Hit, text: NormText, lang: str, unkept: list[PlaceMatch]
    ) -> PlaceMatch | None:
        payload: _Term = hit.payload
        if payload.record is None:
            return None
        norm, original = text.norm, text.original
        start, end = text.to_original(hit.start, hit.end)
        kind = _kind(payload, norm, hit, lang)
        if kind is None or (
            (hit.start != hit.term_start or payload.rule == "combining")
            and not self._affixes_ok(payload, norm, hit, lang)
        ):
            return None
        if kind == "demonym" and lang in ("ar", "fa") and _nisba_surname(text, hit, lang):
            return None
        if (
            (lang == "ar" and _arabic_byline(original, start, end))
            or (lang in ("en", "ru") and _latin_byline(original, start, end))
            or (
                original[start - 1 : start] == "-"
                and _QUOTED_ARABIC_NAME_RE.search(original, max(0, start - 8), start) is not None
            )
            or _clock_zone(norm, hit)
            or _clock_line_city(original, start, end)
            or _source_label(original, start, end)
            or (lang == "en" and _MASTHEAD_NOUN_AFTER_RE.match(original, end) is not None)
            or (
                _24_DIGITS & set(original[end : end + 2]) and _NEWS_24_AFTER_RE.match(original, end)
            )
        ):
            return None
        record = payload.record
        listed_only = False
        if record.place in self.rules:
            record, listed_only = self._apply_rules(record, hit, text, lang, (start, end))
        if record is None or (
            lang in _SURNAME_LANGS
            and (record.place_type == "city" or (lang == "ru" and kind == "demonym"))
            and (
                _after_first_name(original, start, lang)
                or (record.place_type == "city" and _ARABIC_SURNAME_AFTER_RE.match(original, end))
                or (record.place_type == "city" and self._after_two_names(original, start, record))
            )
        ):
            return None
        match = PlaceMatch(
            start,
            end,
            original[start:end],
            record.place,
            record.place_type,
            record.iso3,
            record.lat,
            record.lon,
            kind,
        )
        if listed_only:
            unkept.append(match)  # a place only if it is an item of a list of them
            return None
        return match

    def _after_two_names(self, original: str, start: int, record: PlaceRecord) -> bool:
        """A city that is no capital after two capitalised words that are no places: the
        end of a person's full name ("Ali Bagheri Kani", «Али Багери Кани»)."""
        if original[start - 1 : start] != " ":
            return False
        lo = max(0, start - 40)
        word = original.rfind(" ", lo, start - 1) + 1  # where the word before starts
        if (word == 0 and lo > 0) or not original[word : word + 1].isupper():
            return False  # (the common case: "in Aleppo", «в Дамаске»)
        m = _TWO_NAMES_LEFT_RE.search(original, max(0, start - 60), start)
        if m is None or (record.iso3, record.lat, record.lon) in self._capital_points:
            return False
        return all(
            w.lower() not in _PLACE_LEFT_WORDS and self.lookup(w) is None for w in m.groups()
        )

    @cached_property
    def _capital_points(self) -> frozenset[tuple[str, float, float]]:
        """(iso3, lat, lon) of the capitals: a country's point is its capital's."""
        return frozenset(
            (r.iso3, r.lat, r.lon) for r in self.places.values() if r.place_type == "country"
        )

    def _affixes_ok(self, payload: _Term, norm: str, hit: Hit, lang: str) -> bool:
        """Clitics: Persian has none but the Arabic article of Arabic names (بتهران is
        not Persian); ال makes another word of a city name that lacks it (الجدة "the
        grandmother" is not جدة Jeddah; countries may take it: الباكستان). A combining
        form needs its dash."""
        if payload.rule == "combining" and not _before_dash(norm, hit.end):
            return False
        prefix = norm[hit.start : hit.term_start]
        if not prefix:
            return True
        if lang == "fa" and prefix != "ال":
            return False
        if prefix.endswith("ال") and hit.end == hit.term_end and _is_city_name(payload):
            return ("ال" + hit.term) in self.lexicon  # للقدس: the bare form of القدس
        return True

    def _apply_rules(
        self,
        record: PlaceRecord,
        hit: Hit,
        text: NormText,
        lang: str,
        span: tuple[int, int],
    ) -> tuple[PlaceRecord | None, bool]:
        """The record the rules give (None: no place), and whether it stands only as an
        item of a list of places (keep rules, none of which fired)."""
        rules = self.rules.get(record.place)
        if not rules:
            return record, False
        start, end = span
        verdict = place_rules.decide(
            rules, lang, hit.term, text.norm, (hit.start, hit.end), text.original[start:end]
        )
        if verdict.action == "drop":
            return None, False
        if verdict.action == "switch":
            return self.places[verdict.target], False
        if verdict.action == "person" and _person_context(text.original, start, end, self):
            return None, False
        return record, verdict.action == "unkept"


# Between two items of a list of places: a comma, "and" or both ("مالی، سومالی",
# "Niger, Mali and Chad", "Нигер, Мали и Чад", "نيجيريا ومالي")
_LIST_GAP_RE = re.compile(r"\s*(?:[,،]\s*(?:(?:and|и|و)\s+)?|\s(?:and|и|و)\s+|\s+و)\s*")


def _with_list_items(
    matches: list[PlaceMatch], unkept: list[PlaceMatch], original: str
) -> list[PlaceMatch]:
    """The matches, with each unkept place that is an item of a list of countries the text
    names: a run of three or more places joined by commas or "and" («زیمبابوه، مالی،
    سومالی»), or two joined by "and" ("نيجيريا ومالي"); never a weekday after one country
    and a comma («روسیه، دوشنبه شب»)."""
    countries = [m for m in matches if m.place_type == "country"]
    items = sorted(countries + unkept, key=lambda m: m.start)
    is_unkept = {id(u) for u in unkept}
    kept: list[PlaceMatch] = []
    run: list[PlaceMatch] = []
    joined_by_and = False
    for item in [*items, None]:
        if item is not None and run and _listed(original, run[-1], item):
            joined_by_and = (
                joined_by_and
                or original[item.start] == "و"
                or _AND_RE.search(original, run[-1].end, item.start) is not None
            )
            run.append(item)
            continue
        if len(run) >= 3 or (len(run) == 2 and joined_by_and):
            kept += [m for m in run if id(m) in is_unkept]
        run, joined_by_and = ([item], False) if item is not None else ([], False)
    return sorted(matches + kept, key=lambda m: m.start) if kept else matches


_AND_RE = re.compile(r"(?<!\w)(?:and|и|و)(?!\w)|\sو")


def _listed(original: str, first: PlaceMatch, second: PlaceMatch) -> bool:
    """Do two places follow each other as items of a list (the Arabic "و" of the second
    may be part of its mention: "نيجيريا ومالي")?"""
    if not first.end <= second.start <= first.end + 8:
        return False
    if _LIST_GAP_RE.fullmatch(original, first.end, second.start):
        return True
    return original[second.start] == "و" and original[first.end : second.start].isspace()


def _starts_with_article(term: str) -> bool:
    return normalize(term).startswith("ال")


def find_places(text: NormText, lang: str, gazetteer: Gazetteer | None = None) -> list[PlaceMatch]:
    """Every place mention in a text, in order, without overlaps; none inside the name of
    a news outlet ("Kuwait News Agency", روزنامه ایران, see outlets.py)."""
    return without_outlets(text, lang, (gazetteer or load_gazetteer()).find(text, lang))


def without_outlets(text: NormText, lang: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
    """The matches that do not lie inside an outlet's name (also for geocoded ones)."""
    if not found:
        return found
    spans = [(o.start, o.end) for o in outlets.find_outlet_phrases(text)]
    if not spans:
        return found
    return [m for m in found if not _inside_any(spans, m.start, m.end)]


def _inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


# --- matching rules ----------------------------------------------------------------


def _cased_in(text: NormText) -> Callable[[Hit], bool]:
    """The test of a hit's case in the text as written (Latin and Cyrillic names have
    case), made before the longest hit is chosen: "палестинских территориях" written in
    small letters is no name, and leaves the demonym inside it."""
    norm, original = text.norm, text.original

    def accept(hit: Hit) -> bool:
        payload: _Term = hit.payload
        if payload.record is None or norm[hit.term_start] >= _ARABIC_SCRIPT:
            return True
        t_start, t_end = text.to_original(hit.term_start, hit.term_end)
        return _capitalised_ok(payload, original[t_start:t_end])

    return accept


def _capitalised_ok(payload: _Term, term: str) -> bool:
    """Abbreviations from the data (РФ, KSA, U.S.) only in capitals; Latin names start
    with a capital (short ones are all capitals: US, not us); Cyrillic names (not
    adjectives) contain one (сектор Газа)."""
    if payload.rule == "caps":
        return term.isupper()
    first = term[:1]
    if first.islower() and first.isascii():
        # al-Quds, el-Arish: the name after the article; east Jerusalem: after the side
        term = _LATIN_DIRECTION.sub("", _LATIN_ARTICLE.sub("", term))
        first = term[:1]
    if _LATIN_LETTER.match(first):
        letters = [c for c in term if c.isalpha()]
        return term.isupper() if len(letters) <= 3 else first.isupper()
    if _CYRILLIC_LETTER.match(first) and payload.kind != "demonym":
        return any(c.isupper() for c in term)
    return True


_LATIN_DIRECTION = re.compile(r"^(?:east|west|north|south|eastern|western|northern|southern)\s+")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|et|ez)[-\u2010\u2011]")


def _is_city_name(payload: _Term) -> bool:
    rec = payload.record
    return rec is not None and rec.place_type == "city" and payload.kind != "demonym"


def _kind(payload: _Term, norm: str, hit: Hit, lang: str) -> str | None:
    """How the word names its place, or None when its suffix makes it another word."""
    kind = payload.kind
    suffix = norm[hit.term_end : hit.end]
    if not suffix:
        return "name" if payload.rule == "fa_name" and lang == "fa" else kind
    if suffix not in _NAME_SUFFIXES and not (kind == "demonym" and suffix in _DEMONYM_ONLY):
        return None  # السلطان is not السلط + ان; plurals of place names do not occur
    if kind == "name" and payload.record is not None and payload.record.place_type == "city":
        return None  # a city's nisba is a surname or another word: الرياضية, البخاري, شیرازی
    return "demonym" if kind == "name" else kind


_ARABIC_SCRIPT = "\u0600"
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014")


def _before_dash(norm: str, end: int) -> bool:
    """A combining form (американо-, Sino-) stands right before a dash and a letter."""
    return end + 1 < len(norm) and norm[end] in _DASHES and norm[end + 1].isalpha()


# An Arabic family name made of a nisba (السوداني, المصري, العراقي): the definite masculine
# demonym right after a bare name ("محمد شياع السوداني", "قال السوداني"). An adjective
# follows a noun with the article ("وزير الخارجية السوداني") or a pronoun suffix
# ("نظيره السوداني"), never a bare one.
# (a word with the article behind a clitic, "بالوفد", "والوفد", "للوفد", is no name either)
_BARE_NAME_LEFT = re.compile(r"(?:^|[\s(«\"])(?!ال|[بوفك]ال|لل)([\u0621-\u064a]{2,})\s+$")
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "كم", "نا")
_COMPOUND_NAME_LEFT = re.compile(
    r"(?:^|[\s(«\"])(?:(?:عبد|ابو|ابي)\s*ال[\u0621-\u064a]{2,}|[\u0621-\u064a]{2,}\s+ال(?:دين|اسلام))\s+$"
)


def _nisba_surname(text: NormText, hit: Hit, lang: str = "ar") -> bool:
    """Is the definite masculine demonym a surname after a bare word ("محمد شياع السوداني",
    "زيارة السوداني"), not an adjective after a noun with a pronoun suffix ("نظيره
    السوداني")? A ta marbuta folded to ه is no pronoun."""
    norm = text.norm
    if lang == "fa" and _fa_surname(norm, hit):
        return True
    if not (norm.startswith("ال", hit.start) and norm.endswith("ي", hit.start, hit.end)):
        return False
    m = _BARE_NAME_LEFT.search(norm, max(0, hit.start - 30), hit.start)
    if m is None:  # a compound first name ("عبد الرحيم الجزائري", "نور الدين المغربي")
        return _COMPOUND_NAME_LEFT.search(norm, max(0, hit.start - 30), hit.start) is not None
    if not m.group(1).endswith(_PRONOUN_SUFFIXES) or m.group(1).endswith("الله"):
        return True  # ("عبدالله الجزائري": a name ending in الله, no pronoun suffix)
    last = text.to_original(m.end(1) - 1, m.end(1))[0]
    return text.original[last : last + 1] == "ة"


# A Persian nisba surname: a person's title and first name before it ("دکتر حمید عراقی") or
# his occupation set off after it ("رامین هندی، پژوهشگر مسائل روسیه")
_FA_TITLE_NAME_LEFT = re.compile(
    r"(?<!\w)(?:دكتر|مهندس|اقاي|خانم|استاد|سيد|حجت\s?الاسلام)\s+\w+\s+$"
)
_FA_OCCUPATION_RIGHT = re.compile(
    r"\s*[،,]\s*(?:پژوهشگر|كارشناس|استاد|استاديار|دانشيار|تحليلگر|خبرنگار|نويسنده|"
    r"روزنامه\s?نگار|مدير|عضو|مشاور|فعال|مترجم|سردبير|دبير)(?!\w)"
)


def _fa_surname(norm: str, hit: Hit) -> bool:
    """Is the Persian demonym a person's surname ("حمید عراقی", "رامین هندی")?"""
    if not norm.endswith("ي", hit.start, hit.end):
        return False
    return bool(
        _FA_OCCUPATION_RIGHT.match(norm, hit.end)
        or _FA_TITLE_NAME_LEFT.search(norm, max(0, hit.start - 40), hit.start)
    )


# A clock's time zone is no mention of its city: "11:02 (Beirut)", "10:00 Beirut time",
# "بتوقيت القدس", "به وقت تهران", "по времени Тегерана"
_ZONE_LEFT = re.compile(
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|ص|م)?\s*\(\s*(?:بتوقيت\s+)?|"
    r"(?<!\w)(?:بتوقيت|توقيت|به\s+وقت|по\s+времени)\s+)$"
)
_ZONE_RIGHT = re.compile(r"\s+time(?!\w)")
_TIME_BEFORE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*$")


def _clock_zone(norm: str, hit: Hit) -> bool:
    lo = max(0, hit.start - 30)
    if norm.startswith(" time", hit.end) and _ZONE_RIGHT.match(norm, hit.end) is not None:
        return _TIME_BEFORE.search(norm[lo : hit.start]) is not None
    before = norm[lo : hit.start]
    if not ("(" in before or "توقيت" in before or "وقت" in before or "времени" in before):
        return False  # the common case: no key word of a zone (_ZONE_LEFT) before the name
    return _ZONE_LEFT.search(before) is not None


def _clock_line_city(original: str, start: int, end: int) -> bool:
    """Is the place the city of a site's clock or weather line ("Бишкек · воскресенье, 18
    мая 2025 · 10:02 · +17 °C", "عمان - الجمعة 1 تشرين الثاني 2024 - 09:14 ص | الطقس"):
    opening a short line, set off by a separator, with a time of day and no sentence?"""
    after = original[end : end + 3]
    if "·" not in after and "|" not in after and "•" not in after:
        return False  # (the common case: no separator right after the name)
    if not _CLOCK_SEP_RE.match(original, end):
        return False
    line_start = original.rfind("\n", 0, start) + 1
    if original[line_start:start].strip():
        return False
    line_end = original.find("\n", end)
    line = original[line_start : line_end if line_end >= 0 else len(original)].rstrip()
    return (
        len(line) <= 120
        and not line.endswith((".", "!", "?", "؟"))
        and bool(_TIME_OF_DAY_RE.search(line))
    )


_CLOCK_SEP_RE = re.compile(r"[^\S\n]*[·|•]")


# An English paper's masthead noun, capitalised, right after a place: the place names the
# paper ("Buenos Aires Times", "The Kabul Times", "the Beirut Herald"), not a mention
_MASTHEAD_NOUN_AFTER_RE = re.compile(
    r" (?:Times|Post|Tribune|Herald|Observer|Gazette|Chronicle|Journal|Courier|Monitor|"
    r"Express|Telegraph|Mirror|Standard|Daily|Review|Sun)(?![\w-])"
)


# A site named after a place and "24", the news channels' brand ("القاهرة 24", "France 24",
# «Москва 24»), not a date ("موسكو 24 أكتوبر"): the name ends there
_24_DIGITS = frozenset("2٢۲")  # (a quick test first: most names are not followed by one)
_NEWS_24_AFTER_RE = re.compile(r" ?[2٢۲][4٤۴](?!\w)(?=[ \t]*(?:$|[\n»\"”'،,.:|)\]]|[-–—]\s))", re.M)


def _source_label(original: str, start: int, end: int) -> bool:
    """Is the place the country label of a quoted foreign outlet a translation credits
    («Аш-Шарк аль-Аусат» (Великобритания): ..., "The Guardian" (UK): ...)?"""
    if start < 3 or original[start - 1] != "(" or original[end : end + 1] != ")":
        return False  # (the common case: no parenthesis around the name)
    return bool(_QUOTED_OUTLET_BEFORE_RE.search(original, max(0, start - 80), start)) and (
        original[end + 1 : end + 3].lstrip()[:1] in (":", "：")
    )


_QUOTED_OUTLET_BEFORE_RE = re.compile(r"[»”\"]\s*\($")
_TIME_OF_DAY_RE = re.compile(r"(?<!\d)[0-9٠-٩۰-۹]{1,2}:[0-9٠-٩۰-۹]{2}(?!\d)")


# A byline whose first name is a place's ("يافا الدباغ", "بغداد/ عدن الربيعي"): a line of
# the name and one family name with the article, maybe after a dateline city and a slash
_AR_BYLINE_BEFORE = re.compile(r"(?:[\u0621-\u064a]{2,}\s*[/\\|]\s*)?")
# (the rest of the line is that one family name; not an epithet, feminine like the city:
# حلب الشهباء)
_AR_BYLINE_AFTER = re.compile(r"[^\S\n]+ال[\u0621-\u064a]{2,}(?<!ة)(?<!اء)[^\S\n]*(?:\n|\Z)")


def _arabic_byline(original: str, start: int, end: int) -> bool:
    if _AR_BYLINE_AFTER.match(original, end) is None:
        return False  # (the common case: more words after the name on its line)
    line_start = original.rfind("\n", 0, start) + 1
    return _AR_BYLINE_BEFORE.fullmatch(original, line_start, start) is not None


# A byline in Latin or Cyrillic script ("BY Nada Hassan", "By Jordan Whitfield and Chad
# Smith", «Автор: Дания Бейшеналиева»): the line is the label and two to four capitalised
# name words (joined by "and"/"и"), nothing else
_LATIN_BYLINE_RE = re.compile(
    r"[^\S\n]*(?:[Bb][Yy]|[Аа]втор[ыа]?|АВТОР[ЫА]?|[Тт]екст|ТЕКСТ)[:\s][^\S\n]*"
    r"(?:[A-ZА-ЯЁ][\w'’.-]*(?:[^\S\n]+|,[^\S\n]*|[^\S\n]+(?:and|и)[^\S\n]+)){1,6}?"
    r"[A-ZА-ЯЁ][\w'’.-]*[^\S\n]*(?:\n|\Z)"
)


# A name with the Arabic article in quotation marks («Аль-Баян», "Al-Bayan"): an outlet or
# a group, not the place its second part names (Bayan in Kuwait)
_QUOTED_ARABIC_NAME_RE = re.compile(r"[«\"“„]\s*(?:[AaАа][Llль]ь?|[EeЭэ][Llль]ь?)-$")


def _latin_byline(original: str, start: int, end: int) -> bool:
    line_start = original.rfind("\n", 0, start) + 1
    if start - line_start > 60 or original[line_start:start].lstrip()[:2].lower() not in (
        "by",
        "ав",
        "те",
    ):
        return False
    m = _LATIN_BYLINE_RE.match(original, line_start)
    return m is not None and m.end() >= end


# A surname that is also a city: after a first name (pymorphy3 knows Russian ones), an
# initial or a title ("Сергей Жуковский", "С. Королёв", "Mr Jackson", "J. Lincoln").
_RU_NAME_LEFT = re.compile(r"(?:^|[\s(«\"])([А-ЯЁ][а-яё]+|[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?)\s$")
_EN_NAME_LEFT = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Rabbi|Sheikh|Shaikh|Sheikha|Imam|Sayyid|Sayyed|"
    r"Sayed|Sayyida|Emir|Prince|Princess|King|Queen|Ayatollah|Mullah)\.?|(?:^|\s)[A-Z]\.)\s$"
)


_SURNAME_LANGS = frozenset({"ru", "en"})
# Two capitalised words right before a city: a person's first names ("Ali Bagheri Kani")
_TWO_NAMES_LEFT_RE = re.compile(r"([A-ZА-ЯЁ][\w'’-]+) ([A-ZА-ЯЁ][\w'’-]+) $")
# An Arabic surname with its article right after a city's name: the city is a first name
# ("Джасим аль-Будайви", "Jasim al-Budaiwi")
_ARABIC_SURNAME_AFTER_RE = re.compile(
    r" (?:[Аа]ль|[Аа][сшдтнрз]|[Ээ]ль|[Ээ][дсштнрз]|[Aa]l|[Ee]l|[Aa](?:s|sh|d|t|n|r|z))-[A-ZА-ЯЁ]"
)


def warm_up_names() -> None:
    """Load the Russian analyser of first names (once per process; forked workers share it)."""
    _parse("Сергей")


def _after_first_name(original: str, start: int, lang: str) -> bool:
    left = original[max(0, start - 30) : start]
    if lang == "en":
        return bool(_EN_NAME_LEFT.search(left))
    if lang != "ru":
        return False
    m = _RU_NAME_LEFT.search(left)
    if m is None:
        return False
    word = m.group(1)
    if word.endswith("."):
        return True
    parses = _parse(word)
    return bool(parses) and parses[0].is_known and "Name" in parses[0].tag


_WORD_LEFT = re.compile(r"([A-ZА-ЯЁ][\w'.-]*) $")
_WORD_RIGHT = re.compile(r"^ ([A-ZА-ЯЁ][\w'-]*)")
_SENTENCE_END = re.compile(r"[.!?:;\n\"“«]\s*$")


def _person_context(original: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A capitalised word right before or after the name that is neither a country nor
    a region nor a word of a place reading: a person ("Israel Katz", "Jordan Henderson")."""
    left = original[max(0, start - 40) : start]
    m = _WORD_LEFT.search(left)
    if m and not _SENTENCE_END.search(left[: m.start()] or "\n"):
        word = m.group(1)
        if word.lower() not in _PLACE_LEFT_WORDS and not _is_area(gaz, word):
            return True
    m = _WORD_RIGHT.match(original[end : end + 40])
    if m:
        word = m.group(1)
        if word.lower() not in _PLACE_RIGHT_WORDS and not _is_area(gaz, word):
            return True
    return False


def _is_area(gaz: Gazetteer, word: str) -> bool:
    rec = gaz.lookup(word)
    return rec is not None and rec.place_type != "city"


_PLACE_RIGHT_WORDS = frozenset(
    [
        "river",
        "valley",
        "state",
        "government",
        "authorities",
        "army",
        "forces",
        "defense",
        "defence",
        "police",
        "border",
        "borders",
        "embassy",
        "security",
        "foreign",
        "prime",
        "president",
        "king",
        "kingdom",
        "ministry",
        "minister",
        "parliament",
        "crisis",
        "talks",
        "and",
        "or",
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        "said",
        "says",
    ]
)


# --- the gazetteer (its terms built in gazetteer.py) ---------------------------------


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer (loaded once per process). Its terms and their compiled lexicon are
    cached on disk (`disk_cache`, keyed by `gazetteer._fingerprint`); the context rules
    are read from their data file every time (quick)."""
    gaz = disk_cache.load_or_build(
        "gazetteer", _fingerprint(), _build_gazetteer, valid=lambda g: isinstance(g, Gazetteer)
    )
    gaz.use_rules(place_rules.load_rules())
    return gaz


def _build_gazetteer() -> Gazetteer:
    """The gazetteer without its rules, built from the term list (a few seconds)."""
    shared: dict[_Term, _Term] = {}  # equal payloads once: fewer objects to load
    return Gazetteer((term, shared.setdefault(p, p)) for term, p in build_terms())


def describe() -> str:
    """One JSON line with the gazetteer's size (for the command line / debugging)."""
    g = load_gazetteer()
    types: dict[str, int] = {}
    for r in g.places.values():
        types[r.place_type] = types.get(r.place_type, 0) + 1
    return json.dumps({"terms": len(g), "places": types})
