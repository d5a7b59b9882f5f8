"""Filter state and the URL: parse, validate, serialise (no streamlit, no Store).

The dashboard keeps one `FilterState` in the sidebar widgets, which are bound to the
URL's query parameters (short names):

    year=2019&year=2024      first and last year (inclusive)
    country=Syria            repeated; a country's display name or its ISO3 code
    issue=Syrian settlement  repeated; an issue's display label or its id
    lang=Arabic              repeated; a language's name or its code (ar, fa, ru, en, other)
    source=TASS              repeated; an outlet as it appears in the corpus
    lavrov=true              Lavrov's own words only
    reprints=false           count every reprint (default: each story once, when the
                             corpus has reprints; reprints=true where it is off)

Each page's own controls are bound to the URL too, under the keys of PAGE_CONTROLS
(map_scope=World, tl_period=Year, st_query=…, statement=<article id>:<sentence>); their
values are the labels the controls show.

Anything else in a query is ignored and described in a note, never raised. What the
filters mean is defined once, in diplomap.explore.view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit, urlunsplit

# Query parameter names (also the widget keys of the dashboard).
YEAR, COUNTRY, ISSUE, LANG, SOURCE, LAVROV_KEY, REPRINTS = (
    "year",
    "country",
    "issue",
    "lang",
    "source",
    "lavrov",
    "reprints",
)
FILTER_KEYS = (YEAR, COUNTRY, ISSUE, LANG, SOURCE, LAVROV_KEY, REPRINTS)
CHOICE_KEYS = (COUNTRY, ISSUE, LANG, SOURCE)
# Parameters Streamlit itself may put in a URL: never reported as junk.
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})
STATEMENT_KEY = "statement"  # the selected statement: <article id>:<sentence>


@dataclass(frozen=True)
class Control:
    """A page's own control, bound to the URL under `key`. `labels` maps each value to
    the label shown (and written in the URL); `choice` names a filter whose labels are
    used instead (the Issues page's country and issue); neither: the value as text."""

    key: str
    default: object
    labels: Mapping[str, str] | None = None
    choice: str | None = None

    def url_value(self, value: object, options: FilterOptions | None = None) -> str | None:
        """The value as the URL carries it (None when it is the default or unset)."""
        if value is None or value == self.default or value == "":
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if self.labels is not None:
            return self.labels.get(str(value))
        if self.choice is not None and options is not None:
            return options.choices(self.choice).get(str(value))
        return str(value)


PERIODS = {"month": "Month", "year": "Year"}
PAGE_CONTROLS = {
    c.key: c
    for c in (
        Control("ov_period", None, PERIODS),  # default: from the corpus's date span
        Control("map_scope", "all", {"all": "All mentions", "lavrov": "Lavrov's statements only"}),
        Control("map_measure", "mentions", {"mentions": "Number of mentions", "share": "Share of articles"}),
        Control("map_region", "middle_east", {"middle_east": "Middle East", "world": "World"}),
        Control("map_no_rus", True),
        Control("tl_period", "month", PERIODS),
        Control("tl_by", "country", {"country": "Country", "issue": "Issue"}),
        Control("tl_top", 8),
        Control("tl_norm", False),
        Control("iss_country", None, choice=COUNTRY),
        Control("iss_issue", None, choice=ISSUE),
        Control("iss_period", "year", PERIODS),
        Control("st_query", ""),
        Control("st_sort", "newest", {"newest": "Newest first", "oldest": "Oldest first"}),
        Control("st_page", 1),
        Control(STATEMENT_KEY, ""),
    )
}  # fmt: skip

MAX_VALUES = 200  # values read per parameter; the rest of a flood is ignored
MAX_NOTE_ITEMS = 8  # values listed per note
MAX_NOTE_CHARS = 40  # characters shown of one ignored value
YEAR_FLOOR, YEAR_CEILING = 1900, 2100  # plausible publication years

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
    reprints: bool = False  # the corpus has reprints: count each story once by default

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
    # count each reprint cluster once (the first published article stands for it);
    # None: the default, on when the corpus has reprints (FilterOptions.reprints)
    reprints_once: bool | None = None


def unique_labels(labels: dict[str, str]) -> dict[str, str]:
    """Labels must be unique (the URL carries them): add the code to a repeated one."""
    seen: dict[str, int] = {}
    for v in labels.values():
        seen[v] = seen.get(v, 0) + 1
    return {k: (f"{v} ({k})" if seen[v] > 1 or not v.strip() else v) for k, v in labels.items()}


# --- parsing -------------------------------------------------------------------------------


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


def _year_numbers(raw: list[str], notes: list[str]) -> list[int]:
    """The plausible years among the values ("2019", "2019-2024", "2019..2024")."""
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
    return years


def _parse_years(
    raw: list[str], options: FilterOptions, notes: list[str]
) -> tuple[int, int] | None:
    if not raw or options.year_min is None or options.year_max is None:
        if raw:
            notes.append(f"year: ignored {_listing(raw)} (no dated articles)")
        return None
    years = _year_numbers(raw, notes)
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


def _parse_bool(raw: list[str], notes: list[str], key: str = LAVROV_KEY) -> bool | None:
    """The last value as true or false; None when there is none or it is neither."""
    if not raw:
        return None
    value = raw[-1].strip().casefold()
    if value in _TRUE:
        return True
    if value not in _FALSE:
        notes.append(f"{key}: ignored {_listing([raw[-1]])} (use true or false)")
        return None
    return False


def _switch(value: bool | None, default: bool) -> bool | None:
    """A switch's state: None when it is at its default."""
    return None if value is None or value == default else value


def parse_query(
    params: Mapping[str, str | list[str]], options: FilterOptions
) -> tuple[FilterState, list[str]]:
    """Read filters from untrusted query parameters.

    Never raises: unknown countries, impossible years, junk and floods are dropped and
    described in the returned notes (plain text; escape before rendering as HTML or
    Markdown, see diplomap.explore.export.md_escape)."""
    notes: list[str] = []
    try:
        keys = list(params.keys())
    except Exception:
        return FilterState(), ["the link's parameters could not be read"]
    unknown_keys = [
        str(k)
        for k in keys
        if k not in FILTER_KEYS and k not in STREAMLIT_KEYS and k not in PAGE_CONTROLS
    ]
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
        lavrov_only=bool(_parse_bool(get(LAVROV_KEY), notes)),
        reprints_once=_switch(_parse_bool(get(REPRINTS), notes, REPRINTS), options.reprints),
    )
    return state, notes


# --- serialising -----------------------------------------------------------------------------


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
    default = options.reprints if options is not None else None
    if state.reprints_once is not None and state.reprints_once != default:
        out[REPRINTS] = ["true" if state.reprints_once else "false"]
    return out


def page_query(
    values: Mapping[str, object],
    options: FilterOptions | None = None,
    defaults: Mapping[str, object] | None = None,
) -> dict[str, list[str]]:
    """The query parameters of the pages' own controls (`values` by key; `defaults`
    replaces a control's default, e.g. the Overview's period chosen from the data)."""
    out: dict[str, list[str]] = {}
    for key, control in PAGE_CONTROLS.items():
        if key not in values:
            continue
        if defaults and key in defaults:
            control = Control(key, defaults[key], control.labels, control.choice)
        text = control.url_value(values[key], options)
        if text is not None:
            out[key] = [text]
    return out


def share_url(
    page_url: str,
    state: FilterState,
    options: FilterOptions,
    page_params: Mapping[str, list[str]] | None = None,
) -> str:
    """The link to this page under these filters and page controls (just the query
    when the page's address is unknown)."""
    query = urlencode({**to_query(state, options), **(page_params or {})}, doseq=True)
    if not page_url:
        return f"?{query}"
    parts = urlsplit(page_url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


# --- the sidebar widgets ----------------------------------------------------------------------


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
        REPRINTS: options.reprints if state.reprints_once is None else state.reprints_once,
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
        reprints_once=_switch(bool(values.get(REPRINTS, options.reprints)), options.reprints),
    )


def differing_values(
    wanted: Mapping[str, object], state: FilterState, options: FilterOptions
) -> dict[str, object]:
    """The widget values in `wanted` that the widgets (showing `state`) do not show."""
    drawn = widget_values(state, options)
    return {k: v for k, v in wanted.items() if _comparable(drawn.get(k)) != _comparable(v)}


def _comparable(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def stale_widget_values(
    current: Mapping[str, object],
    options: FilterOptions,
    previous_years: tuple[int, int] | None = None,
) -> dict[str, object]:
    """Corrections for remembered widget values the current choices no longer offer
    (after an upload, or a switch between the Data page's modes): unknown codes
    dropped, years clamped to the corpus. Years that spanned the whole previous corpus
    (`previous_years`) span the whole new one: a full range never turns into a filter."""
    out: dict[str, object] = {}
    for key in CHOICE_KEYS:
        values = current.get(key)
        if isinstance(values, list):
            valid = [v for v in values if v in options.choices(key)]
            if valid != values:
                out[key] = valid
    years = current.get(YEAR)
    if isinstance(years, (tuple, list)) and years and options.year_min is not None:
        bounds = (options.year_min, options.year_max)
        span = (int(years[0]), int(years[-1]))
        if previous_years is not None and span == tuple(previous_years):
            lo, hi = bounds
        else:
            lo = min(max(span[0], options.year_min), options.year_max)
            hi = max(min(span[1], options.year_max), options.year_min)
        if (lo, hi) != tuple(years):
            out[YEAR] = (lo, hi)
    return out
