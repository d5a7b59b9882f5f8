"""diplomap: the Streamlit entry point (`streamlit run dashboard.py`).

Sets up the page, draws the shared sidebar filters (bound to the URL's query
parameters), builds the filtered view once (diplomap.session.start_run), then runs the
selected page.
"""

from __future__ import annotations

import streamlit as st

from diplomap import query as Q
from diplomap import session
from diplomap.explore import aggregates as A
from diplomap.explore.export import md_escape

st.set_page_config(
    page_title="diplomap · Lavrov and the Middle East",
    page_icon="🌍",
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = [
    st.Page(
        "app_pages/overview.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="home",
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
    # the default page lives at "/"; its own path opens it too (not "Page not found")
    st.Page(
        "app_pages/overview.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="overview",
        visibility="hidden",
    ),
]
BOUND = session.BOUND
MULTISELECTS = (
    (Q.COUNTRY, "Countries", "All countries", "Articles that mention any of these countries (their cities included)."),
    (Q.ISSUE, "Issues", "All issues", None),
    (Q.LANG, "Languages", "All languages", None),
    (Q.SOURCE, "Sources", "All sources", None),
)  # fmt: skip

REPRINTS_HELP = (
    "A wire story or a ministry statement is often republished by many outlets. On: "
    "each story counts once (its first publication stands for it), so counts measure "
    "stories rather than how often they were reprinted. The Statements page shows how "
    "many outlets carried each one."
)


def draw_filters(options: Q.FilterOptions) -> dict[str, object]:
    """The sidebar's filter widgets (keyed by query parameter); their values."""
    values: dict[str, object] = {}
    with st.sidebar:
        st.markdown("### Filters")
        if options.year_min is not None and options.year_min < options.year_max:
            values[Q.YEAR] = st.slider(
                "Years",
                min_value=options.year_min,
                max_value=options.year_max,
                value=(options.year_min, options.year_max),
                step=1,
                key=Q.YEAR,
                help="Narrowing the years leaves out articles without a date.",
                **BOUND,
            )
        elif options.year_min is not None:
            st.caption(f"All dated articles are from {options.year_min}.")
        for key, label, placeholder, help_text in MULTISELECTS:
            choices = options.choices(key)
            values[key] = st.multiselect(
                label,
                list(choices),
                format_func=lambda c, choices=choices: choices.get(c, c),
                key=key,
                placeholder=placeholder,
                help=help_text,
                # A hand-written link may name codes (country=SYR, lang=ar): Streamlit's
                # binding reads them as options then, applies them and rewrites the
                # address to the labels it shows; anything else stays inert (query.py
                # drops unknown values and the sidebar notes them).
                accept_new_options=True,
                **BOUND,
            )
        values[Q.LAVROV_KEY] = st.toggle(
            "Lavrov's own words only",
            key=Q.LAVROV_KEY,
            help="Count only places and issues named in sentences attributed to Lavrov.",
            **BOUND,
        )
        values[Q.REPRINTS] = st.toggle(
            "Count reprints once",
            value=options.reprints,
            key=Q.REPRINTS,
            disabled=not options.reprints,
            help=REPRINTS_HELP if options.reprints else "No article of this corpus is a reprint.",
            **BOUND,
        )
    return values


def show_notes() -> None:
    notes = session.query_notes()
    if not notes:
        return
    with st.sidebar:
        text = "  \n".join(md_escape(n) for n in notes)
        st.caption(":orange[Ignored in the link:]  \n" + text)
        if st.button("Dismiss", key="_dm_dismiss_notes", type="tertiary"):
            session.dismiss_notes()
            st.rerun()


def main() -> None:
    page = st.navigation(PAGES)
    ctx = session.start_run(draw_filters)
    session.show_corpus_notice()
    show_notes()
    share = st.sidebar.expander("Share this view")
    page.run()
    # after the page: the link carries the page controls drawn in this run too
    with share:
        st.caption(
            "The link carries the page, the filters and the page's own choices "
            "(copy button on the right); the address bar does too."
        )
        defaults = {"ov_period": A.default_period(ctx.view)}
        st.code(
            session.share_link(ctx.state, ctx.options, defaults), language=None, wrap_lines=True
        )


main()
