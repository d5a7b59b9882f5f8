"""diplomap: the Streamlit entry point (`streamlit run dashboard.py`).

Sets up the page, draws the shared sidebar filters (bound to the URL's query
parameters), builds the filtered view once, then runs the selected page.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from diplomap import appcache
from diplomap import filters as F

st.set_page_config(
    page_title="diplomap · Lavrov and the Middle East",
    page_icon="🌍",
    layout="wide",
    initial_sidebar_state="expanded",
)

PENDING_KEY = "_dm_pending_filters"
DISMISSED_KEY = "_dm_dismissed_notes"

PAGES = [
    st.Page(
        "app_pages/overview.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page("app_pages/map.py", title="Map", icon=":material/public:", url_path="map"),
    st.Page(
        "app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
    ),
    st.Page("app_pages/issues.py", title="Issues", icon=":material/grid_on:", url_path="issues"),
    st.Page(
        "app_pages/statements.py",
        title="Statements",
        icon=":material/format_quote:",
        url_path="statements",
    ),
    st.Page("app_pages/data.py", title="Data", icon=":material/database:", url_path="data"),
]


def raw_query() -> dict[str, list[str]]:
    """The URL's query parameters as sent (before the bound widgets clean them)."""
    try:
        return {k: st.query_params.get_all(k) for k in st.query_params}
    except Exception:
        return {}


def seed_from_query(options: F.FilterOptions) -> dict[str, object]:
    """Read the link's filters once per session; note what was ignored.

    The bound widgets read valid values from the URL themselves. This also accepts
    codes (country=SYR, lang=ar), clamps years to the corpus and says what was dropped;
    it returns the widget values the link asks for (on the session's first run only),
    which `enforce_query` checks once the widgets are drawn."""
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending:
        for key, value in pending.items():
            st.session_state[key] = value
    raw = raw_query()
    state, notes = F.parse_query(raw, options)
    if notes:  # kept for the session (the URL is cleaned after the first run)
        shown = st.session_state.setdefault(appcache.NOTES_KEY, [])
        dismissed = st.session_state.get(DISMISSED_KEY, set())
        shown.extend(n for n in notes if n not in shown and n not in dismissed)
    if st.session_state.get(appcache.SEEDED_KEY):
        return {}
    st.session_state[appcache.SEEDED_KEY] = True
    values = F.widget_values(state, options)
    defaults = F.widget_values(F.FilterState(), options)
    return {k: values[k] for k in F.FILTER_KEYS if k in raw and values[k] != defaults[k]}


def enforce_query(
    wanted: dict[str, object], state: F.FilterState, options: F.FilterOptions
) -> None:
    """After a session's first run: where the widgets' own reading of the URL differs
    from `parse_query`'s (country=IRN, lang=ar, year=1990&year=2022 are dropped by
    Streamlit), set the widgets and rerun once. Values set on a rerun (not on the first
    run) are also written back into the browser's URL by Streamlit."""
    if not wanted:
        return
    drawn = F.widget_values(state, options)
    differing = {k: v for k, v in wanted.items() if _same(drawn.get(k)) != _same(v)}
    if differing:
        st.session_state[PENDING_KEY] = differing
        st.rerun()


def _same(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def keep_valid(options: F.FilterOptions) -> None:
    """Drop remembered choices the current corpus does not offer (after an upload)."""
    for key in (F.COUNTRY, F.ISSUE, F.LANG, F.SOURCE):
        current = st.session_state.get(key)
        if isinstance(current, list):
            valid = [v for v in current if v in options.choices(key)]
            if valid != current:
                st.session_state[key] = valid
    years = st.session_state.get(F.YEAR)
    if isinstance(years, (tuple, list)) and options.year_min is not None:
        lo = min(max(int(years[0]), options.year_min), options.year_max)
        hi = max(min(int(years[-1]), options.year_max), options.year_min)
        if (lo, hi) != tuple(years):
            st.session_state[F.YEAR] = (lo, hi)


def sidebar_filters(options: F.FilterOptions) -> F.FilterState:
    common = {"bind": "query-params", "persist_state": "session"}
    values: dict[str, object] = {}
    with st.sidebar:
        st.markdown("### Filters")
        if options.year_min is not None and options.year_min < options.year_max:
            values[F.YEAR] = st.slider(
                "Years",
                min_value=options.year_min,
                max_value=options.year_max,
                value=(options.year_min, options.year_max),
                step=1,
                key=F.YEAR,
                help="Narrowing the years leaves out articles without a date.",
                **common,
            )
        elif options.year_min is not None:
            st.caption(f"All dated articles are from {options.year_min}.")
        values[F.COUNTRY] = st.multiselect(
            "Countries",
            list(options.countries),
            format_func=lambda c: options.countries.get(c, c),
            key=F.COUNTRY,
            placeholder="All countries",
            help="Articles that mention any of these countries (their cities included).",
            **common,
        )
        values[F.ISSUE] = st.multiselect(
            "Issues",
            list(options.issues),
            format_func=lambda c: options.issues.get(c, c),
            key=F.ISSUE,
            placeholder="All issues",
            **common,
        )
        values[F.LANG] = st.multiselect(
            "Languages",
            list(options.languages),
            format_func=lambda c: options.languages.get(c, c),
            key=F.LANG,
            placeholder="All languages",
            **common,
        )
        values[F.SOURCE] = st.multiselect(
            "Sources",
            list(options.sources),
            format_func=lambda c: options.sources.get(c, c),
            key=F.SOURCE,
            placeholder="All sources",
            **common,
        )
        values[F.LAVROV_KEY] = st.toggle(
            "Lavrov's own words only",
            key=F.LAVROV_KEY,
            help="Count only places and issues named in sentences attributed to Lavrov.",
            **common,
        )
    return F.state_from_widgets(values, options)


def show_notes() -> None:
    notes = st.session_state.get(appcache.NOTES_KEY)
    if not notes:
        return
    with st.sidebar:
        text = "  \n".join(F.md_escape(n) for n in notes)
        st.caption(":orange[Ignored in the link:]  \n" + text)
        if st.button("Dismiss", key="_dm_dismiss_notes", type="tertiary"):
            st.session_state.setdefault(DISMISSED_KEY, set()).update(notes)
            st.session_state.pop(appcache.NOTES_KEY, None)
            st.rerun()


def share_link(state: F.FilterState, options: F.FilterOptions) -> None:
    query = urlencode(F.to_query(state, options), doseq=True)
    try:
        url = st.context.url or ""
    except Exception:
        url = ""
    parts = urlsplit(url)
    link = urlunsplit((parts.scheme, parts.netloc, parts.path, query, "")) if url else f"?{query}"
    with st.sidebar.expander("Share this view"):
        st.caption("The link carries the page and the filters (copy button on the right).")
        st.code(link, language=None, wrap_lines=True)


def main() -> None:
    page = st.navigation(PAGES)
    corpus = appcache.active_corpus()
    options = appcache.options(corpus)
    wanted = seed_from_query(options)
    keep_valid(options)
    state = sidebar_filters(options)
    enforce_query(wanted, state, options)
    show_notes()
    share_link(state, options)
    appcache.set_context(appcache.Context(corpus, options, state))
    page.run()


main()
