"""The dashboard's filters: parsing untrusted query values, applying filters, safe exports.

Pure functions (no streamlit). The dashboard keeps one `FilterState` in the sidebar
widgets; the URL carries it as short query parameters:

    year=2019&year=2024      first and last year (inclusive)
    country=Syria            repeated; a country's display name or its ISO3 code
    issue=Syrian settlement  repeated; an issue's display label or its id
    lang=Arabic              repeated; a language's name or its code (ar, fa, ru, en, other)
    source=TASS              repeated; an outlet as it appears in the corpus
    lavrov=true              Lavrov's own words only

Anything else in a query is ignored and described in a note, never raised.

Meaning of the filters (`apply_filters`):

1. Year range, languages and sources select articles. An article without a publication
   date passes only when the year range is not narrowed (``years is None``).
2. "Lavrov's own words only" keeps the place and issue mentions that lie inside
   sentences attributed to Lavrov; the statements table is Lavrov's sentences anyway.
3. Countries: an article is kept when it has at least one (kept) mention of a selected
   country, its cities included; the mentions table then holds only the mentions of the
   selected countries. Issues work the same way on the issue mentions.
4. Statements: Lavrov's sentences in the kept articles; with a country (issue) filter,
   only the sentences that themselves contain a mention of a selected country (issue).
   So every count of the Lavrov-only view can be traced to rows of the statements table.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from diplomap import schema as S

# Query parameter names (also the widget keys of the dashboard).
YEAR, COUNTRY, ISSUE, LANG, SOURCE, LAVROV_KEY = (
    "year",
    "country",
    "issue",
    "lang",
    "source",
    "lavrov",
)
FILTER_KEYS = (YEAR, COUNTRY, ISSUE, LANG, SOURCE, LAVROV_KEY)
# Parameters Streamlit itself may put in a URL: never reported as junk.
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})

MAX_VALUES = 200  # values read per parameter; the rest of a flood is ignored
MAX_NOTE_ITEMS = 8  # values listed per note
MAX_NOTE_CHARS = 40  # characters shown of one ignored value
YEAR_FLOOR, YEAR_CEILING = 1900, 2100  # plausible publication years

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "fa": "Persian",
    "ru": "Russian",
    "en": "English",
    "other": "Other",
}
RTL_LANGUAGES = frozenset({"ar", "fa"})
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class FilterOptions:
    """What can be chosen: code -> display label for every multi-valued filter."""

    year_min: int | None = None
    year_max: int | None = None
    countries: Mapping[str, str] = field(default_factory=dict)  # ISO3 -> name
    issues: Mapping[str, str] = field(default_factory=dict)  # issue id -> label
    languages: Mapping[str, str] = field(default_factory=dict)  # code -> name
    sources: Mapping[str, str] = field(default_factory=dict)  # source -> source

    def choices(self, key: str) -> Mapping[str, str]:
        return {
            COUNTRY: self.countries,
            ISSUE: self.issues,
            LANG: self.languages,
            SOURCE: self.sources,
        }[key]


@dataclass(frozen=True)
class FilterState:
    """One set of filters. Empty tuples mean "no restriction"; years None means all."""

    years: tuple[int, int] | None = None
    countries: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    lavrov_only: bool = False

    def is_empty(self) -> bool:
        return self == FilterState()


@dataclass
class View:
    """The filtered tables (same columns as the corpus tables)."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    issue_mentions: pd.DataFrame
    statements: pd.DataFrame
    state: FilterState = field(default_factory=FilterState)


# --- options ----------------------------------------------------------------------------


def options_from_corpus(
    corpus, country_names: Mapping[str, str] | None = None, issue_labels=None
) -> FilterOptions:
    """The choices a corpus offers. `country_names` (ISO3 -> name) and `issue_labels`
    (a function id -> label) override the names found in the corpus."""
    arts = corpus.articles
    years = pd.to_datetime(arts[S.PUBLISHED], errors="coerce").dt.year.dropna()
    y0 = int(years.min()) if len(years) else None
    y1 = int(years.max()) if len(years) else None
    men = corpus.mentions
    names: dict[str, str] = {}
    if len(men):
        countries = men[men[S.PLACE_TYPE].astype(str) == "country"]
        for iso, place in zip(
            countries[S.ISO3].astype(str), countries[S.PLACE].astype(str), strict=True
        ):
            names.setdefault(iso, place)
        for iso in men[S.ISO3].dropna().astype(str).unique():
            names.setdefault(iso, iso)
    if country_names:
        names.update({k: v for k, v in country_names.items() if k in names})
    names = {k: v for k, v in names.items() if k and k != "nan"}
    label = issue_labels or (lambda x: x)
    issues = sorted(corpus.issue_mentions[S.ISSUE].dropna().astype(str).unique())
    langs = sorted(arts[S.LANGUAGE].dropna().astype(str).unique(), key=_language_order)
    sources = sorted(s for s in arts[S.SOURCE].dropna().astype(str).unique() if s.strip())
    return FilterOptions(
        year_min=y0,
        year_max=y1,
        countries=_unique_labels(dict(sorted(names.items(), key=lambda kv: kv[1].lower()))),
        issues=_unique_labels({i: label(i) for i in issues}),
        languages={c: LANGUAGE_NAMES.get(c, c) for c in langs},
        sources={s: s for s in sources},
    )


def _language_order(code: str) -> tuple[int, str]:
    order = list(LANGUAGE_NAMES)
    return (order.index(code) if code in order else len(order), code)


def _unique_labels(labels: dict[str, str]) -> dict[str, str]:
    """Labels must be unique (the URL carries them): add the code to a repeated one."""
    seen: dict[str, int] = {}
    for v in labels.values():
        seen[v] = seen.get(v, 0) + 1
    return {k: (f"{v} ({k})" if seen[v] > 1 or not v.strip() else v) for k, v in labels.items()}


# --- query parsing -------------------------------------------------------------------------


def _values(raw: str | Iterable[str] | None) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]


def shorten(value: str, limit: int = MAX_NOTE_CHARS) -> str:
    """A value as it may be shown in a note: one line, at most `limit` characters."""
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _listing(values: list[str]) -> str:
    shown = [repr(shorten(v)) for v in values[:MAX_NOTE_ITEMS]]
    more = len(values) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _match_choices(
    key: str, raw: list[str], choices: Mapping[str, str], notes: list[str], what: str
) -> tuple[str, ...]:
    if len(raw) > MAX_VALUES:
        notes.append(f"{key}: only the first {MAX_VALUES} of {len(raw)} values were read")
        raw = raw[:MAX_VALUES]
    lookup: dict[str, str] = {}
    for code, label in choices.items():
        lookup.setdefault(label.casefold(), code)
        lookup.setdefault(code.casefold(), code)
    chosen: list[str] = []
    unknown: list[str] = []
    for value in raw:
        code = lookup.get(value.strip().casefold())
        if code is None:
            if value.strip() and value not in unknown:
                unknown.append(value)
        elif code not in chosen:
            chosen.append(code)
    if unknown:
        notes.append(f"{key}: ignored unknown {what} {_listing(unknown)}")
    order = list(choices)
    return tuple(sorted(chosen, key=order.index))


def _parse_years(
    raw: list[str], options: FilterOptions, notes: list[str]
) -> tuple[int, int] | None:
    if not raw or options.year_min is None or options.year_max is None:
        if raw:
            notes.append(f"year: ignored {_listing(raw)} (no dated articles)")
        return None
    years: list[int] = []
    bad: list[str] = []
    for value in raw[:MAX_VALUES]:
        for part in re.split(r"\s*(?:\.\.|–|—|-|,|:)\s*", value.strip()):
            if not part:
                continue
            try:
                y = int(part)
            except ValueError:
                bad.append(part)
                continue
            if YEAR_FLOOR <= y <= YEAR_CEILING:
                years.append(y)
            else:
                bad.append(part)
    if bad:
        notes.append(f"year: ignored impossible or malformed {_listing(bad)}")
    if not years:
        return None
    lo, hi = min(years), max(years)
    clamped = (max(lo, options.year_min), min(hi, options.year_max))
    if clamped[0] > clamped[1]:
        notes.append(
            f"year: {lo}–{hi} lies outside the corpus ({options.year_min}–{options.year_max}); ignored"
        )
        return None
    if clamped != (lo, hi):
        notes.append(f"year: {lo}–{hi} narrowed to the corpus's {clamped[0]}–{clamped[1]}")
    if clamped == (options.year_min, options.year_max):
        return None
    return clamped


def _parse_bool(raw: list[str], notes: list[str]) -> bool:
    if not raw:
        return False
    value = raw[-1].strip().casefold()
    if value in _TRUE:
        return True
    if value not in _FALSE:
        notes.append(f"lavrov: ignored {_listing([raw[-1]])} (use true or false)")
    return False


def parse_query(
    params: Mapping[str, str | list[str]], options: FilterOptions
) -> tuple[FilterState, list[str]]:
    """Read filters from untrusted query parameters.

    Never raises: unknown countries, impossible years, junk and floods are dropped and
    described in the returned notes (plain text; escape before rendering as HTML or
    Markdown, see `md_escape`)."""
    notes: list[str] = []
    try:
        keys = list(params.keys())
    except Exception:
        return FilterState(), ["the link's parameters could not be read"]
    unknown_keys = [str(k) for k in keys if k not in FILTER_KEYS and k not in STREAMLIT_KEYS]
    if unknown_keys:
        notes.append(f"ignored unknown parameters {_listing(unknown_keys)}")

    def get(key: str) -> list[str]:
        try:
            return _values(params.get(key))
        except Exception:
            return []

    state = FilterState(
        years=_parse_years(get(YEAR), options, notes),
        countries=_match_choices(COUNTRY, get(COUNTRY), options.countries, notes, "countries"),
        issues=_match_choices(ISSUE, get(ISSUE), options.issues, notes, "issues"),
        languages=_match_choices(LANG, get(LANG), options.languages, notes, "languages"),
        sources=_match_choices(SOURCE, get(SOURCE), options.sources, notes, "sources"),
        lavrov_only=_parse_bool(get(LAVROV_KEY), notes),
    )
    return state, notes


def to_query(state: FilterState, options: FilterOptions | None = None) -> dict[str, list[str]]:
    """The query parameters of a state (labels when `options` are given, else codes);
    filters left at their default are left out. `parse_query` reads it back."""
    out: dict[str, list[str]] = {}
    if state.years is not None:
        out[YEAR] = [str(state.years[0]), str(state.years[1])]
    for key, values in (
        (COUNTRY, state.countries),
        (ISSUE, state.issues),
        (LANG, state.languages),
        (SOURCE, state.sources),
    ):
        if values:
            labels = options.choices(key) if options is not None else {}
            out[key] = [labels.get(v, v) for v in values]
    if state.lavrov_only:
        out[LAVROV_KEY] = ["true"]
    return out


def widget_values(state: FilterState, options: FilterOptions) -> dict[str, object]:
    """The value each sidebar widget (keyed by parameter name) shows for a state."""
    full = (options.year_min or 0, options.year_max or 0)
    return {
        YEAR: tuple(state.years) if state.years is not None else full,
        COUNTRY: list(state.countries),
        ISSUE: list(state.issues),
        LANG: list(state.languages),
        SOURCE: list(state.sources),
        LAVROV_KEY: bool(state.lavrov_only),
    }


def state_from_widgets(values: Mapping[str, object], options: FilterOptions) -> FilterState:
    """The FilterState of the sidebar widgets' values (unknown codes dropped)."""
    years = values.get(YEAR)
    span: tuple[int, int] | None = None
    if (
        isinstance(years, (tuple, list))
        and len(years) == 2
        and options.year_min is not None
        and options.year_max is not None
    ):
        lo, hi = int(years[0]), int(years[1])
        lo, hi = max(lo, options.year_min), min(hi, options.year_max)
        if (lo, hi) != (options.year_min, options.year_max) and lo <= hi:
            span = (lo, hi)

    def codes(key: str) -> tuple[str, ...]:
        choices = options.choices(key)
        raw = values.get(key) or []
        return tuple(c for c in choices if c in set(raw))

    return FilterState(
        years=span,
        countries=codes(COUNTRY),
        issues=codes(ISSUE),
        languages=codes(LANG),
        sources=codes(SOURCE),
        lavrov_only=bool(values.get(LAVROV_KEY, False)),
    )


# --- applying -------------------------------------------------------------------------------


def _sentence_keys(df: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([df[S.ARTICLE_ID].astype(str), df[S.SENTENCE].astype("int64")])


def apply_filters(corpus, state: FilterState) -> View:
    """The tables of `corpus` under `state` (see the module docstring for the meaning)."""
    arts = corpus.articles
    keep = pd.Series(True, index=arts.index)
    if state.years is not None:
        year = pd.to_datetime(arts[S.PUBLISHED], errors="coerce").dt.year
        keep &= year.between(state.years[0], state.years[1]).fillna(False).astype(bool)
    if state.languages:
        keep &= arts[S.LANGUAGE].astype(str).isin(state.languages)
    if state.sources:
        keep &= arts[S.SOURCE].astype(str).isin(state.sources)
    ids = set(arts.loc[keep, S.ARTICLE_ID].astype(str))

    men = corpus.mentions
    men = men[men[S.ARTICLE_ID].astype(str).isin(ids)]
    iss = corpus.issue_mentions
    iss = iss[iss[S.ARTICLE_ID].astype(str).isin(ids)]
    if state.lavrov_only:
        men = men[men[S.LAVROV].astype(bool)]
        iss = iss[iss[S.LAVROV].astype(bool)]
    if state.countries:
        men = men[men[S.ISO3].astype(str).isin(state.countries)]
        ids &= set(men[S.ARTICLE_ID].astype(str))
    if state.issues:
        iss = iss[iss[S.ISSUE].astype(str).isin(state.issues)]
        ids &= set(iss[S.ARTICLE_ID].astype(str))

    stm = corpus.statements
    stm = stm[stm[S.ARTICLE_ID].astype(str).isin(ids)]
    if state.countries and len(stm):
        stm = stm[_sentence_keys(stm).isin(_sentence_keys(men))]
    if state.issues and len(stm):
        stm = stm[_sentence_keys(stm).isin(_sentence_keys(iss))]

    return View(
        articles=arts[arts[S.ARTICLE_ID].astype(str).isin(ids)].reset_index(drop=True),
        mentions=men[men[S.ARTICLE_ID].astype(str).isin(ids)].reset_index(drop=True),
        issue_mentions=iss[iss[S.ARTICLE_ID].astype(str).isin(ids)].reset_index(drop=True),
        statements=stm.reset_index(drop=True),
        state=state,
    )


def with_country(state: FilterState, iso3: str) -> FilterState:
    """The state focused on one country (the map's click)."""
    return replace(state, countries=(iso3,))


# --- exports ---------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def excel_safe_value(value: object) -> object:
    """A cell Excel or LibreOffice would not run as a formula: text starting with
    = + - @ tab or CR (or their full-width forms) gets a leading single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text cell made safe (`excel_safe_value`); lists and
    other objects are written out as text first. Numbers are left alone."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            continue
        if pd.api.types.is_datetime64_any_dtype(s):
            continue
        out[col] = [excel_safe_value(_cell_text(v)) for v in s]
    out.columns = [excel_safe_value(str(c)) for c in out.columns]
    return out


def _cell_text(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return value
    if isinstance(value, str):
        return value
    if hasattr(value, "tolist"):
        value = value.tolist()
    return str(value)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for spreadsheets: UTF-8 with a BOM (Excel then reads Arabic and Persian
    right) and formula-safe cells."""
    return excel_safe(df).to_csv(index=False).encode("utf-8-sig")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def md_escape(text: str) -> str:
    """Text shown through st.markdown/st.caption without being read as Markdown or HTML."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~$:])", r"\\\1", text)
