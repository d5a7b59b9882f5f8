"""News outlets: agencies, newspapers, channels and site mastheads (`data/outlets.csv`).

An outlet named after a place is not that place: "Kuwait News Agency", "Tehran Times",
وكالة الأنباء الكويتية, روزنامه ایران, «Российская газета» mention no country. The data
file lists each outlet under its usual name with every alias it is written as:

    name,lang,alias,domain

- `name`: the outlet's usual name ("TASS", "Al Jazeera"), the same on all its rows;
- `lang`: the language of the alias (ar | fa | ru | en);
- `alias`: as written in text; `{a|b}` lists alternatives (`{قناة|شبكة} روسيا اليوم`).
  Aliases are matched on normalised text with the lexicon's rules (Arabic clitics:
  ووكالة الأنباء الكويتية); a Latin or Cyrillic alias must be written with the capitals it
  has in the file ("Russia Today" yes, "Russia today" no). An alias that is also an
  ordinary phrase (Arabic روسيا اليوم is "Russia today") is listed only with the word
  or quotes that make it a name;
- `domain`: the outlet's web domain (on any one of its rows), for `canonical_outlet`.

`find_outlets` gives the spans of outlet names in a text (the place matcher drops place
names inside them); `canonical_outlet` maps an alias, a name or a URL/domain to the
outlet's usual name (for a Source column).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplomap.config import PACKAGE_DATA_DIR
from diplomap.extract import disk_cache
from diplomap.extract.common import expand_braces
from diplomap.extract.lexicon import Lexicon
from diplomap.normalize import NormText

OUTLETS_PATH = PACKAGE_DATA_DIR / "outlets.csv"
OUTLET_COLUMNS = ("name", "lang", "alias", "domain")
LANGS = frozenset({"ar", "fa", "ru", "en"})
_CASED = re.compile(r"[A-Za-zА-Яа-яЁё]")
_PHRASE = re.compile(r"[\s\-\u2010\u2011]")
_QUOTED = re.compile('[«»"“”]')


def _may_hide_a_place(alias: str) -> bool:
    """An alias of several words, in quotation marks («Фергане») or in capitals
    (ФЕРГАНА): a place name may be all of it or inside it."""
    return bool(_PHRASE.search(alias) or _QUOTED.search(alias)) or (
        len(alias) >= 4 and alias.isupper()
    )


@dataclass(frozen=True, slots=True)
class OutletMatch:
    start: int  # span in the original text (the normalised one for a plain str)
    end: int
    name: str  # the outlet's usual name


@dataclass(frozen=True, slots=True)
class _Alias:
    name: str
    written: str  # as in the data file (its capitals must match)

    def __reduce__(self) -> tuple:  # pickled as its fields: the cache loads 4x faster
        return (_Alias, (self.name, self.written))


class Outlets:
    """Every outlet alias in one lexicon, and domains -> names."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.lexicon = Lexicon()
        self.phrases = Lexicon()  # the aliases a place may hide in (_may_hide_a_place)
        self.domains: dict[str, str] = {}
        self.names: set[str] = set()
        for row in rows:
            self.names.add(row["name"])
            if row["domain"]:
                self.domains.setdefault(_site(row["domain"]), row["name"])
            for alias in expand_braces(row["alias"]):
                self.lexicon.add(alias, _Alias(row["name"], alias))
                if _may_hide_a_place(alias.strip()):
                    self.phrases.add(alias, _Alias(row["name"], alias))
            self.lexicon.add(row["name"], _Alias(row["name"], row["name"]))

    def find(self, text: NormText | str, lexicon: Lexicon | None = None) -> list[OutletMatch]:
        nt = text if isinstance(text, NormText) else None
        norm = text.norm if nt is not None else text
        out = []
        for hit in (lexicon or self.lexicon).find(norm):
            start, end = (
                nt.to_original(hit.start, hit.end) if nt is not None else (hit.start, hit.end)
            )
            t_start, t_end = (
                nt.to_original(hit.term_start, hit.term_end)
                if nt is not None
                else (hit.term_start, hit.term_end)
            )
            written = nt.original[t_start:t_end] if nt is not None else None
            if written is None or _capitals_match(hit.payload.written, written):
                out.append(OutletMatch(start, end, hit.payload.name))
        return out

    def canonical(self, value: str) -> str | None:
        value = (value or "").strip().strip("\"'«»“”()[]").strip()
        if not value:
            return None
        if value in self.names:
            return value
        payload = self.lexicon.payload(value)
        if payload is not None:
            return payload.name
        return self._by_domain(value)

    def _by_domain(self, value: str) -> str | None:
        site = _site(value)
        host, _, path = site.partition("/")
        if "." not in host or " " in host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):  # the longest known suffix: arabic.rt.com, rt.com
            suffix = ".".join(parts[i:])
            name = self.domains.get(f"{suffix}/{path}") if path else None
            name = name or self.domains.get(suffix)
            if name:
                return name
        return None


def _capitals_match(alias: str, written: str) -> bool:
    """Each capital letter of the alias is a capital in the text (same letter count;
    a leading "The" may be written "the")."""
    if alias.startswith("The ") and written[:4].lower() == "the ":
        alias, written = alias[4:], written[4:]
    a = [c for c in alias if c.isalpha()]
    w = [c for c in written if c.isalpha()]
    if len(a) != len(w):
        return True
    return all(
        not (x.isupper() and _CASED.match(x)) or y.isupper() for x, y in zip(a, w, strict=True)
    )


def _site(value: str) -> str:
    """'https://www.bbc.com/persian/x' -> 'bbc.com/persian' (host and first path part)."""
    site = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value.strip().lower())
    host, _, path = site.partition("/")
    host = host.split(":", 1)[0]
    host = host[4:] if host.startswith("www.") else host
    first = path.split("/", 1)[0].split("?", 1)[0]
    return f"{host}/{first}" if first else host


def read_outlets(path: Path = OUTLETS_PATH) -> list[dict[str, str]]:
    """Rows of the outlets CSV, checked (ValueError with the line number)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(i, s) for i, s in enumerate(lines, 1) if s.strip() and not s.lstrip().startswith("#")]
    reader = csv.reader([s for _, s in body])
    header = [h.strip() for h in next(reader, [])]
    if tuple(header[: len(OUTLET_COLUMNS)]) != OUTLET_COLUMNS:
        raise ValueError(f"{path.name}: the header must start with {','.join(OUTLET_COLUMNS)}")
    rows = []
    for (lineno, _), fields in zip(body[1:], reader, strict=True):
        row = dict(zip(header, (f.strip() for f in fields), strict=False))
        row = {col: row.get(col) or "" for col in OUTLET_COLUMNS}
        if not row["name"] or not row["alias"]:
            raise ValueError(f"{path.name} line {lineno}: empty name or alias")
        if row["lang"] not in LANGS:
            raise ValueError(f"{path.name} line {lineno}: unknown lang {row['lang']!r}")
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def load_outlets() -> Outlets:
    """The outlets of the data file (read once per process; their compiled lexicons are
    cached on disk, `disk_cache`: building them is most of a start's first article)."""
    if not OUTLETS_PATH.exists():
        return Outlets([])
    here = Path(__file__)
    code = [here.with_name(name) for name in ("outlets.py", "lexicon.py", "common.py")]
    key = disk_cache.fingerprint(
        [OUTLETS_PATH, *code, here.with_name("disk_cache.py"), here.parent.parent / "normalize.py"],
        ("ahocorasick_rs",),
        salt="outlets",
    )
    return disk_cache.load_or_build(
        "outlets", key, lambda: Outlets(read_outlets()), valid=lambda o: isinstance(o, Outlets)
    )


def find_outlets(text: NormText | str, lang: str = "") -> list[OutletMatch]:
    """Outlet names in a text, in order, without overlaps (any language's aliases:
    Persian and Arabic articles write each other's names, all write Latin ones)."""
    return load_outlets().find(text)


def find_outlet_phrases(text: NormText | str) -> list[OutletMatch]:
    """Outlet names of several words ("Kuwait News Agency", روسيا اليوم): the only ones
    that can contain a place name (one-word aliases such as TASS or ایرنا cannot)."""
    outlets = load_outlets()
    return outlets.find(text, outlets.phrases)


def canonical_outlet(name: str) -> str | None:
    """The usual name of an outlet given as an alias, its name, a domain or a URL."""
    return load_outlets().canonical(name)
