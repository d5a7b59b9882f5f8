"""The numbers behind the dashboard's charts and tables, from a `View` (masks over the
Store's small tables). One implementation each; results are memoised in the Store per
FilterState. Counts are rows of the view's tables, so they can be traced to the
Statements and Data pages. (tests/oracle.py computes the same from the full tables with
pandas; tests/test_store.py checks that both agree.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from diplomap import schema as S
from diplomap.explore import labels as L
from diplomap.explore.article_html import safe_link
from diplomap.explore.store import Store
from diplomap.explore.view import View
from diplomap.query import FilterOptions, FilterState, unique_labels

STATEMENT_COLUMNS = ["date", "language", "source", "countries", "issues", "text", "kind"]
STATEMENT_COLUMNS += ["evidence", S.ARTICLE_ID, S.SENTENCE]


def _memo(view: View, name: str, args: tuple, compute):
    """`compute()` once per Store, FilterState and arguments (a copy is returned)."""
    return view.store.memo((name, view.state, args), compute).copy()


# --- what can be chosen ------------------------------------------------------------------------


def filter_options(store: Store) -> FilterOptions:
    """The choices a Store offers (computed once per Store)."""

    def compute() -> FilterOptions:
        names = {iso: L.country_name(iso) for iso in store.iso_cats if iso and iso != "nan"}
        order = list(L.LANGUAGE_NAMES)
        langs = sorted(
            store.languages, key=lambda c: (order.index(c) if c in order else len(order), c)
        )
        pub = store.art_published[store.art_dated]
        years = pd.DatetimeIndex(pub).year if len(pub) else None
        return FilterOptions(
            year_min=int(years.min()) if years is not None else None,
            year_max=int(years.max()) if years is not None else None,
            countries=unique_labels(dict(sorted(names.items(), key=lambda kv: kv[1].lower()))),
            issues=unique_labels({i: L.issue_label(i) for i in sorted(store.issue_cats)}),
            languages={c: L.language_name(c) for c in langs},
            sources={s: s for s in sorted(store.sources) if s.strip()},
            reprints=store.has_reprints,
        )

    return store.memo(("options",), compute)


# --- headline figures ----------------------------------------------------------------------


def headline(v: View) -> dict[str, object]:
    """The Overview's figures."""
    st = v.store

    def compute():
        keep = v.keep
        dated = keep & st.art_dated
        pub = st.art_published[dated]
        span = (
            (pd.Timestamp(pub.min()).date().isoformat(), pd.Timestamp(pub.max()).date().isoformat())
            if len(pub)
            else None
        )
        m, cnt = v.country_rows()
        isos = np.flatnonzero(np.bincount(st.ac_iso[m], minlength=st.n_iso))
        mi, _ = v.issue_rows()
        issues = np.flatnonzero(np.bincount(st.ai_issue[mi], minlength=st.n_issue))
        langs = np.flatnonzero(np.bincount(st.art_lang[keep] + 1, minlength=1)) - 1
        return {
            "articles": int(keep.sum()),
            "dated_articles": int(dated.sum()),
            "statements": v.n_statements,
            "mentions": int(cnt[m].sum()),
            "countries": int((isos < len(st.iso_cats)).sum()),
            "issues": int((issues < len(st.issue_cats)).sum()),
            "languages": sorted(st.languages[i] for i in langs if i >= 0),
            "date_span": span,
        }

    return dict(st.memo(("headline", v.state, ()), compute))


def reprint_note(v: View) -> str:
    """What "Count reprints once" does to this view, in words ("" when nothing)."""
    if not v.reprints_once or not v.store.has_reprints:
        return ""
    every = View(v.store, replace(v.state, reprints_once=False)).n_articles
    if every == v.n_articles:
        return ""
    return (
        f"{every:,d} articles tell {_plural(v.n_articles, 'story', 'stories')}: "
        f"{_plural(every - v.n_articles, 'reprint is', 'reprints are')} counted once"
    )


def date_coverage(v: View) -> pd.DataFrame:
    """Articles per date source ("none" = no date found) with the share of all."""
    st = v.store

    def compute():
        counts = np.bincount(st.art_date_source[v.keep] + 1, minlength=len(st.date_sources) + 1)
        found = {st.date_sources[i]: int(counts[i + 1]) for i in range(len(st.date_sources))}
        found = {k: c for k, c in found.items() if c}
        order = [s for s in S.DATE_SOURCES if s in found] + sorted(
            (s for s in found if s not in S.DATE_SOURCES), key=lambda s: -found[s]
        )
        out = pd.DataFrame({"date_source": order, "articles": [found[s] for s in order]})
        out["articles"] = out["articles"].astype("int64")
        out["share"] = out["articles"] / max(int(v.keep.sum()), 1)
        return out

    return _memo(v, "date_coverage", (), compute)


def default_period(v: View) -> str:
    """The Overview's period: years when the dated articles span more than two years."""
    span = headline(v)["date_span"]
    return "year" if span and int(span[1][:4]) - int(span[0][:4]) > 2 else "month"


DATE_SOURCE_LABELS = {
    "metadata": "the file's metadata",
    "html-meta": "the web page's metadata",
    "feed": "the feed that listed it",
    "url": "its web address",
    "header": "the page header",
    "dateline": "the dateline",
    "body": "the article's text",
}


def about(store: Store) -> dict[str, object]:
    """What the corpus is (all of it, whatever the filters): articles, languages,
    outlets, date range, undated share, how the dates were found, statements."""
    v = View(store, FilterState(reprints_once=False))  # every article
    h = headline(v)
    counts = np.bincount(store.art_source[store.art_source >= 0], minlength=len(store.sources))
    outlets = sorted(
        (
            (store.sources[i], int(c))
            for i, c in enumerate(counts)
            if c and store.sources[i].strip()
        ),
        key=lambda kv: (-kv[1], kv[0]),
    )
    coverage = date_coverage(v)
    undated, _ = undated_summary(coverage)
    found = [
        f"{DATE_SOURCE_LABELS.get(r.date_source, r.date_source)} ({r.articles})"
        for r in coverage.itertuples()
        if r.date_source != "none"
    ]
    return {
        "articles": h["articles"],
        "languages": [
            L.language_name(c) for c in sorted(h["languages"], key=lambda c: L.language_order(c))
        ],
        "outlets": outlets,
        "no_outlet": h["articles"] - sum(c for _, c in outlets),
        "date_span": h["date_span"],
        "undated": undated,
        "undated_share": undated / h["articles"] if h["articles"] else 0.0,
        "dates_found_in": found,
        "statements": v.n_statements,
        "stories": int(store.n_clusters),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,d} {one if n == 1 else many}"


def about_text(info: dict[str, object], sample: bool, published: bool = False) -> list[str]:
    """The "About this data" panel as lines of plain text; `sample` says the corpus is
    the bundled sample, `published` that it is a published corpus (no full texts)."""
    n = int(info["articles"])
    lines = []
    if published:
        lines.append(
            "This is the published corpus: statements, counts and links, without the "
            "articles' full texts (they stay with their outlets: follow the links)."
        )
    if sample:
        lines.append(
            f"This is the bundled sample corpus: {n} real news articles, enough to try "
            "the dashboard but not to read trends from. Upload your own on the Data page "
            "or point DIPLOMAP_DATA at a folder of articles."
        )
    span = info["date_span"]
    lines.append(
        f"{n:,d} articles in {', '.join(info['languages']) or 'no language'}"
        + (f", published {span[0]} to {span[1]}." if span else ", none of them dated.")
    )
    outlets = info["outlets"]
    shown = ", ".join(f"{name} ({c})" for name, c in outlets[:8])
    more = f" and {len(outlets) - 8} more" if len(outlets) > 8 else ""
    lines.append(
        f"Outlets: {len(outlets)}"
        + (f": {shown}{more}" if outlets else "")
        + (
            f"; {_plural(int(info['no_outlet']), 'article names', 'articles name')} no outlet."
            if info["no_outlet"]
            else "."
        )
    )
    found = "; found in " + ", ".join(info["dates_found_in"]) if info["dates_found_in"] else ""
    lines.append(
        f"Undated: {info['undated']} of {n} ({float(info['undated_share']):.0%}){found}. "
        "An article without a date found gets none, never today's."
    )
    lines.append(f"Lavrov's statements: {int(info['statements']):,d} sentences attributed to him.")
    stories = int(info.get("stories", n))
    if stories < n:
        lines.append(
            f"Reprints: the {n:,d} articles tell {_plural(stories, 'story', 'stories')} "
            f"({n - stories:,d} reprints of a story another outlet or address carried, "
            "counted once while Count reprints once is on)."
        )
    return lines


def undated_summary(coverage: pd.DataFrame) -> tuple[int, str]:
    """From date_coverage: the number of undated articles and where the dates of the
    others were found ("dateline: 5, header: 2")."""
    undated = int(coverage.loc[coverage["date_source"] == "none", "articles"].sum())
    found = ", ".join(
        f"{r.date_source}: {r.articles}" for r in coverage.itertuples() if r.date_source != "none"
    )
    return undated, found


# --- periods ---------------------------------------------------------------------------------


def _period_codes(st: Store, period: str) -> tuple[np.ndarray, int]:
    """Per article: its period as an offset from the first period (-1 undated)."""
    codes = st.art_month if period == "month" else st.art_year
    dated = codes[codes >= 0]
    base = int(dated.min()) if len(dated) else 0
    return np.where(codes >= 0, codes - base, -1), base


def _period_index(base: int, lo: int, hi: int, period: str) -> pd.DatetimeIndex:
    if period == "month":
        first = pd.Timestamp(year=(base + lo) // 12, month=(base + lo) % 12 + 1, day=1)
        return pd.date_range(first, periods=hi - lo + 1, freq="MS")
    return pd.date_range(
        pd.Timestamp(year=base + lo, month=1, day=1), periods=hi - lo + 1, freq="YS"
    )


def articles_per_period(v: View, period: str = "month") -> pd.DataFrame:
    """period, articles, mentions, statements (dated articles only)."""
    st = v.store

    def compute():
        codes, base = _period_codes(st, period)
        sel = v.keep & (codes >= 0)
        if not sel.any():
            return pd.DataFrame(columns=["period", "articles", "mentions", "statements"])
        n = int(codes.max()) + 1
        arts = np.bincount(codes[sel], minlength=n)
        m, cnt = v.country_rows()
        pc = codes[st.ac_art]
        mm = m & (pc >= 0)
        men = np.bincount(pc[mm], weights=cnt[mm], minlength=n)
        sc = codes[st.s_art]
        sm = v.statement_mask() & (sc >= 0)
        stm = np.bincount(sc[sm], minlength=n)
        present = np.flatnonzero(arts)
        lo, hi = int(present.min()), int(present.max())
        out = pd.DataFrame(
            {
                "articles": arts[lo : hi + 1].astype("int64"),
                "mentions": men[lo : hi + 1].astype("int64"),
                "statements": stm[lo : hi + 1].astype("int64"),
            },
            index=_period_index(base, lo, hi, period).rename("period"),
        )
        return out.reset_index()

    return _memo(v, "articles_per_period", (period,), compute)


def mentions_per_period(
    v: View, period: str = "month", by: str = "country", top: int = 8, normalise: bool = False
) -> pd.DataFrame:
    """Long table period, group, key, value: mentions per period of the `top` countries
    (by="country") or issues (by="issue"), the rest summed as "Other". With `normalise`,
    the value is mentions per article published in the period."""
    st = v.store

    def compute():
        cols = ["period", "group", "key", "value"]
        codes, _ = _period_codes(st, period)
        if not (v.keep & (codes >= 0)).any():
            return pd.DataFrame(columns=cols)
        if by == "issue":
            m, cnt = v.issue_rows()
            art, key, names, label = st.ai_art, st.ai_issue, st.issue_cats, L.issue_label
        else:
            m, cnt = v.country_rows()
            art, key, names, label = st.ac_art, st.ac_iso, st.iso_cats, L.country_name
        m = m & (codes[art] >= 0)
        if not m.any():
            return pd.DataFrame(columns=cols)
        out, per = _grouped_per_period(st, period, codes[art][m], key[m], cnt[m], names, label, top)
        if normalise:
            n_arts = np.bincount(codes[v.keep & (codes >= 0)], minlength=int(per.max()) + 1)
            out["value"] = out["value"] / n_arts[per].astype(float)
        return out.sort_values(["period", "group"]).reset_index(drop=True)

    return _memo(v, "mentions_per_period", (period, by, top, normalise), compute)


def _grouped_per_period(st, period, pc, key, cnt, names, label, top):
    """Mentions per (period, group) of the `top` keys by mentions, the rest as Other;
    and the period code of each row."""
    _, base = _period_codes(st, period)
    n_keys = len(names) + 1
    totals = np.bincount(key, weights=cnt, minlength=n_keys)
    head = [k for k in np.argsort(-totals, kind="stable") if totals[k] > 0][:top]
    names = [*names, "nan"]
    group_of = np.full(n_keys, len(head), np.int64)
    group_of[head] = np.arange(len(head))
    n_groups = len(head) + 1
    n_periods = int(pc.max()) + 1
    flat = pc.astype(np.int64) * n_groups + group_of[key]
    values = np.bincount(flat, weights=cnt, minlength=n_periods * n_groups)
    nz = np.flatnonzero(values)
    per, grp = nz // n_groups, nz % n_groups
    order = [label(names[k]) for k in head] + ["Other"]
    out = pd.DataFrame(
        {
            "period": _period_index(base, 0, n_periods - 1, period)[per],
            "group": pd.Categorical([order[g] for g in grp], categories=order, ordered=True),
            "key": [names[head[g]] if g < len(head) else "other" for g in grp],
            "value": values[nz].astype("int64"),
        }
    )
    return out, per


def issue_trends(v: View, period: str = "year") -> pd.DataFrame:
    """Long table period, group, key, value (issue mentions per period, every issue)."""
    return mentions_per_period(v, period=period, by="issue", top=len(S.ISSUE_IDS) + 50)


def period_table(long: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """A long table of mentions_per_period as periods (rows, labelled "2024-03" or
    "2024", every period from the first to the last) x groups (columns)."""
    table = long.pivot_table(
        index="period", columns="group", values="value", aggfunc="sum", fill_value=0, observed=True
    )
    table.index = pd.Index(L.period_labels(table.index, period), name=period)
    table = table.reindex(L.period_span(long["period"], period), fill_value=0)
    table.index.name = period
    table.columns = [str(c) for c in table.columns]
    return table


# --- countries, cities, issues ---------------------------------------------------------------


def _top_issues(v: View, n: int = 3) -> dict[str, list[str]]:
    """ISO3 -> labels of the issues most often named in the same sentences."""
    st = v.store
    m = v.pairs(sentences_only=False)
    if not m.any():
        return {}
    counts = pd.DataFrame({"iso": st.p_iso[m], "issue": st.p_issue[m]}).value_counts()
    df = counts.rename("n").reset_index()
    df["issue_id"] = [st.issue_name(i) for i in df["issue"]]
    df = df.sort_values(["n", "issue_id"], ascending=[False, True])
    return {
        st.iso_name(iso): [L.issue_label(i) for i in g["issue_id"].head(n)]
        for iso, g in df.groupby("iso", sort=False)
    }


def _counts_by_code(codes, cnt, statements, n_codes) -> tuple[np.ndarray, pd.DataFrame]:
    """The codes present, with their mentions, articles and Lavrov statements."""
    mentions = np.bincount(codes, weights=cnt, minlength=n_codes)
    articles = np.bincount(codes, minlength=n_codes)
    stmts = np.bincount(codes, weights=statements, minlength=n_codes)
    present = np.flatnonzero(articles)
    return present, pd.DataFrame(
        {
            "mentions": mentions[present].astype("int64"),
            "articles": articles[present].astype("int64"),
            "statements": stmts[present].astype("int64"),
        }
    )


def country_counts(v: View, with_top_issues: bool = True) -> pd.DataFrame:
    """One row per country: iso3, name, mentions, articles (mentioning it), share (of
    the view's articles), statements (Lavrov sentences naming it), top_issues."""
    st = v.store

    def compute():
        cols = ["iso3", "name", "mentions", "articles", "share", "statements", "top_issues"]
        m, cnt = v.country_rows()
        if not m.any():
            return pd.DataFrame(columns=cols)
        present, out = _counts_by_code(st.ac_iso[m], cnt[m], st.ac_sl[m], st.n_iso)
        out.insert(0, "iso3", [st.iso_name(i) for i in present])
        out["share"] = out["articles"] / max(v.n_articles, 1)
        out = out[out["iso3"].str.fullmatch(r"[A-Z]{3}")]
        out["name"] = out["iso3"].map(L.country_name)
        top = _top_issues(v) if with_top_issues else {}
        out["top_issues"] = out["iso3"].map(lambda c: ", ".join(top.get(c, [])))
        out = out.sort_values(["mentions", "iso3"], ascending=[False, True])
        return out[cols].reset_index(drop=True)

    return _memo(v, "country_counts", (with_top_issues,), compute)


def top_countries(v: View, n: int = 15) -> pd.DataFrame:
    return country_counts(v, with_top_issues=False).head(n)[
        ["iso3", "name", "mentions", "articles"]
    ]


def country_ranking(v: View, n: int = 12) -> pd.DataFrame:
    """The `n` most mentioned countries under the filters other than the country
    filter, plus the chosen countries wherever they rank (to be highlighted)."""
    table = country_counts(context_view(v), with_top_issues=False)
    keep = (table.index < n) | table["iso3"].isin(set(v.state.countries))
    return table[keep][["iso3", "name", "mentions", "articles"]].reset_index(drop=True)


def issue_ranking(v: View, n: int = 12) -> pd.DataFrame:
    """The `n` most mentioned issues under the filters other than the issue filter,
    plus the chosen issues wherever they rank (to be highlighted)."""
    context = View(v.store, replace(v.state, issues=())) if v.state.issues else v
    table = issue_counts(context)
    keep = (table.index < n) | table["issue"].isin(set(v.state.issues))
    return table[keep].reset_index(drop=True)


def map_countries(v: View, without: str | None = None) -> pd.DataFrame:
    """country_counts for the map, leaving out `without` (an ISO3: Russia, named in
    almost every article) unless it is among the selected countries."""
    table = country_counts(v)
    if without and without not in v.state.countries:
        table = table[table["iso3"] != without]
    return table.reset_index(drop=True)


@dataclass(frozen=True)
class MapData:
    """What the map draws: the countries on the colour scale, the ones left out of it
    (drawn grey), the cities; `selected` are the countries of the country filter."""

    countries: pd.DataFrame
    left_out: pd.DataFrame
    cities: pd.DataFrame
    selected: tuple[str, ...]


def context_view(v: View) -> View:
    """The view without its country filter: what the map and the country rankings
    show, so that the chosen countries are seen among the others (and highlighted)."""
    if not v.state.countries:
        return v
    return View(v.store, replace(v.state, countries=()))


def map_data(v: View, without: str | None = None, top_cities: int = 200) -> MapData:
    """The map of a view: every country and city under the filters other than the
    country filter (the chosen countries are highlighted, the others stay to compare
    and click); `without` (Russia, named in almost every article) is left out of the
    colour scale unless it is chosen."""
    context = context_view(v)
    table = country_counts(context)
    out = table["iso3"] == without if without and without not in v.state.countries else None
    if out is None:
        out = pd.Series(False, index=table.index)
    return MapData(
        countries=table[~out].reset_index(drop=True),
        left_out=table[out].reset_index(drop=True),
        cities=city_points(context, top_n=top_cities),
        selected=tuple(v.state.countries),
    )


def map_caption(data: MapData, names: dict[str, str]) -> str:
    """What the map shows, in words (plain text): counts, the focus, what is grey."""
    parts = [f"{len(data.countries) + len(data.left_out)} countries and {len(data.cities)} cities."]
    if data.selected:
        chosen = ", ".join(names.get(c, c) for c in data.selected)
        parts.append(
            f"Focused on {chosen} (outlined); the other countries stay on the map, paler, "
            "to compare and to click. Clear the focus in the sidebar."
        )
    else:
        parts.append("Click a country (or use Focus country) to filter the whole app to it.")
    for r in data.left_out.itertuples(index=False):
        parts.append(
            f"{r.name} (grey) is left out of the colour scale: {int(r.mentions):,d} mentions "
            f"in {int(r.articles):,d} articles."
        )
    return " ".join(parts)


def city_points(v: View, top_n: int = 200) -> pd.DataFrame:
    """The `top_n` most mentioned cities: place, iso3, lat, lon, mentions, articles."""
    st = v.store

    def compute():
        cols = ["place", "iso3", "lat", "lon", "mentions", "articles"]
        m, cnt = v.city_rows()
        if not m.any():
            return pd.DataFrame(columns=cols)
        n_city = len(st.city_place)
        mentions = np.bincount(st.cc_city[m], weights=cnt[m], minlength=n_city)
        articles = np.bincount(st.cc_city[m], minlength=n_city)
        present = np.flatnonzero(articles)
        out = pd.DataFrame(
            {
                "place": [st.place_cats[st.city_place[c]] for c in present],
                "iso3": [st.iso_name(st.city_iso[c]) for c in present],
                "lat": st.city_lat[present],
                "lon": st.city_lon[present],
                "mentions": mentions[present].astype("int64"),
                "articles": articles[present].astype("int64"),
            }
        )
        out = out.sort_values(["mentions", "place"], ascending=[False, True]).head(top_n)
        return out[cols].reset_index(drop=True)

    return _memo(v, "city_points", (top_n,), compute)


def issue_counts(v: View) -> pd.DataFrame:
    """issue, label, mentions, articles, statements (Lavrov sentences naming it)."""
    st = v.store

    def compute():
        cols = ["issue", "label", "mentions", "articles", "statements"]
        m, cnt = v.issue_rows()
        if not m.any():
            return pd.DataFrame(columns=cols)
        present, out = _counts_by_code(st.ai_issue[m], cnt[m], st.ai_sl[m], st.n_issue)
        out.insert(0, "issue", [st.issue_name(i) for i in present])
        out["label"] = out["issue"].map(L.issue_label)
        out = out.sort_values(["mentions", "issue"], ascending=[False, True])
        return out[cols].reset_index(drop=True)

    return _memo(v, "issue_counts", (), compute)


def country_issue_matrix(v: View, top_countries: int = 20) -> pd.DataFrame:
    """Sentences naming country (rows, ISO3) and issue (columns, ids) together; the
    `top_countries` with most such sentences, issues in taxonomy order."""
    st = v.store

    def compute():
        m = v.pairs(sentences_only=True)
        if not m.any():
            return pd.DataFrame()
        flat = st.p_iso[m].astype(np.int64) * st.n_issue + st.p_issue[m]
        counts = np.bincount(flat, minlength=st.n_iso * st.n_issue).reshape(st.n_iso, st.n_issue)
        rows = np.flatnonzero(counts.sum(axis=1))
        colsn = np.flatnonzero(counts.sum(axis=0))
        mat = pd.DataFrame(
            counts[np.ix_(rows, colsn)].astype("int64"),
            index=[st.iso_name(i) for i in rows],
            columns=[st.issue_name(i) for i in colsn],
        )
        mat.index.name, mat.columns.name = S.ISO3, S.ISSUE
        mat = mat.sort_index().sort_index(axis=1)
        order = mat.sum(axis=1).sort_values(ascending=False).index[:top_countries]
        cols = [i for i in S.ISSUE_IDS if i in mat.columns] + [
            c for c in mat.columns if c not in S.ISSUE_IDS
        ]
        return mat.loc[order, cols]

    return _memo(v, "country_issue_matrix", (top_countries,), compute)


# --- statements --------------------------------------------------------------------------------


def _names_of(st: Store, which: str) -> list[str]:
    if which == "countries":
        return [L.country_name(st.iso_name(i)) for i in range(st.n_iso)]
    return [L.issue_label(c) for c in st.issue_cats] + ["nan"]


def _links(v: View, which: str) -> tuple[np.ndarray, np.ndarray]:
    """(statement, code) rows of the countries (issues) each statement's sentence names
    in the view: only the selected ones under a country (issue) filter, only Lavrov's
    mentions under "Lavrov's own words only"."""
    st = v.store
    if which == "countries":
        stmt, codes, lav, sel = st.sc_stmt, st.sc_iso, st.sc_lav, v.iso_sel
    else:
        stmt, codes, lav, sel = st.si_stmt, st.si_issue, st.si_lav, v.issue_sel
    if sel is None and not v.state.lavrov_only:
        return stmt, codes
    rows = np.ones(len(stmt), bool) if sel is None else sel[codes]
    if v.state.lavrov_only:
        rows &= lav
    return stmt[rows], codes[rows]


def _joined_for(v: View, which: str, idx: np.ndarray) -> list[str]:
    """ ", ".join of the names for the statements `idx` (in that order)."""
    stmt, codes = _links(v, which)
    names = _names_of(v.store, which)
    lo = np.searchsorted(stmt, idx, side="left")
    hi = np.searchsorted(stmt, idx, side="right")
    return [", ".join(names[c] for c in codes[a:b]) for a, b in zip(lo, hi, strict=True)]


def statement_order(v: View, newest: bool = False) -> np.ndarray:
    """The statements of the view (numbers), by date (oldest first, or `newest` first;
    undated last either way), then article and sentence."""
    st = v.store

    def compute():
        m = v.statement_mask()
        order = st.s_order[m[st.s_order]]
        if not newest:
            return order
        art = st.s_art[order]
        day = np.asarray(st.art_published[art]).astype("datetime64[D]").astype(np.int64)
        key = np.where(st.art_dated[art], -day, np.iinfo(np.int64).max)
        return order[np.argsort(key, kind="stable")]

    return st.memo(("statement_order", v.state, newest), compute)


def statement_ref(article_id: str, sentence: int) -> str:
    """How a statement is named in a link: <article id>:<sentence>."""
    return f"{article_id}:{int(sentence)}"


def find_statement(table: pd.DataFrame, ref: str) -> int | None:
    """The row of `table` (a statement_frame) that `ref` names, if it is there."""
    if not ref or table.empty:
        return None
    refs = [
        statement_ref(a, s) for a, s in zip(table[S.ARTICLE_ID], table[S.SENTENCE], strict=True)
    ]
    return refs.index(ref) if ref in refs else None


def statement_frame(v: View, idx: np.ndarray) -> pd.DataFrame:
    """Lavrov's statements `idx` with their article's date, language and source, and the
    countries and issues named in the same sentence (built for those rows only)."""
    st = v.store
    idx = np.asarray(idx, dtype=np.int64)
    if not len(idx):
        return pd.DataFrame(columns=STATEMENT_COLUMNS)
    art = st.s_art[idx]
    lang_names = np.asarray([L.language_name(c) for c in st.languages] + [None], object)
    return pd.DataFrame(
        {
            "date": st.art_published[art],
            "language": lang_names[st.art_lang[art]],
            "source": np.asarray([*st.sources, ""], dtype=object)[st.art_source[art]],
            "countries": _joined_for(v, "countries", idx),
            "issues": _joined_for(v, "issues", idx),
            "text": [st.statement_text(i) for i in idx],
            "kind": np.asarray([*st.kind_cats, ""], dtype=object)[st.s_kind[idx]],
            "evidence": np.asarray([*st.evidence_cats, ""], dtype=object)[st.s_evidence[idx]],
            S.ARTICLE_ID: st.art_ids[art].astype(object),
            S.SENTENCE: st.s_sent[idx].astype("int64"),
        }
    )


def _text_hits(st: Store, q: str) -> np.ndarray:
    """Per statement: its text contains `q` (case-insensitive, literal). One pass of a
    literal search over all the lower-cased texts (no copy of the memory-mapped bytes),
    then the statement of each hit."""
    pattern = q.lower().encode("utf-8")
    off = st.s_lower_off
    found = re.finditer(re.escape(pattern), memoryview(np.ascontiguousarray(st.s_lower)))
    pos = np.fromiter((m.start() for m in found), dtype=np.int64)
    which = np.searchsorted(off, pos, side="right") - 1
    inside = pos + len(pattern) <= off[which + 1]  # not across two statements
    hits = np.zeros(st.n_statements, bool)
    hits[which[inside]] = True
    # a match across a boundary hides any match overlapping it: check the statements
    # it reaches into one by one
    for p, w in zip(pos[~inside].tolist(), which[~inside].tolist(), strict=True):
        last = int(np.searchsorted(off, p + len(pattern) - 1, side="right")) - 1
        for j in range(w + 1, min(last, st.n_statements - 1) + 1):
            if not hits[j] and bytes(st.s_lower[off[j] : off[j + 1]]).find(pattern) >= 0:
                hits[j] = True
    return hits


def search_order(v: View, order: np.ndarray, query: str) -> np.ndarray:
    """The statements of `order` whose text, countries, issues or source contain `query`
    (case-insensitive, literal). The text is searched in a lower-cased copy made once
    (vectorised); countries, issues and sources by their names."""
    q = (query or "").strip()
    if not q:
        return order
    st = v.store
    fold = q.casefold()
    hit = st.memo(("search", q), lambda: _text_hits(st, q)).copy()
    for which in ("countries", "issues"):
        matching = np.asarray([fold in n.casefold() for n in _names_of(st, which)] + [False])
        stmt, codes = _links(v, which)
        hit[stmt[matching[codes]]] = True
    src = np.asarray([fold in s.casefold() for s in st.sources] + [False])
    hit |= src[st.art_source[st.s_art]]
    if ", " in fold or "\n" in fold:  # a query across two names: compare the joined text
        rest = order[~hit[order]]
        for which in ("countries", "issues"):
            joined = _joined_for(v, which, rest)
            hit[rest[[fold in j.casefold() for j in joined]]] = True
    return order[hit[order]]


def statements_for_cell(v: View, iso3: str | None, issue: str | None) -> pd.DataFrame:
    """The statements of the view whose sentence names the country and/or the issue."""
    st = v.store
    iso_sel = issue_sel = None
    if iso3:
        iso_sel = st.code_mask(st.iso_cats, [iso3], st.n_iso)
        if v.iso_sel is not None:
            iso_sel &= v.iso_sel
    if issue:
        issue_sel = st.code_mask(st.issue_cats, [issue], st.n_issue)
        if v.issue_sel is not None:
            issue_sel &= v.issue_sel
    m = v.statement_mask() & v.statements_naming(iso_sel, issue_sel)
    return statement_frame(v, st.s_order[m[st.s_order]])


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A statement_frame as shown: dates as YYYY-MM-DD ("no date"), kind and evidence
    as labels."""
    return table.assign(
        date=L.date_labels(table["date"]),
        kind=table["kind"].map(L.kind_label),
        evidence=table["evidence"].map(L.evidence_label),
    )


@dataclass(frozen=True)
class StatementPage:
    """One page of the Statements table: rows `first`.. of `found` (of `total`)."""

    table: pd.DataFrame  # readable: date label, kind and evidence labels
    found: int
    total: int
    page: int
    pages: int
    first: int


def statement_page(
    v: View, query: str, page: int, page_rows: int, newest: bool = True
) -> StatementPage:
    """The statements matching `query`, newest first (or oldest), page `page` (clamped
    to the pages there are); only the rows of that page are built."""
    order = statement_order(v, newest)
    found = search_order(v, order, query)
    pages = max(1, -(-len(found) // page_rows))
    page = min(max(int(page or 1), 1), pages)
    first = (page - 1) * page_rows
    table = readable(statement_frame(v, found[first : first + page_rows]))
    return StatementPage(with_outlets(v.store, table), len(found), len(order), page, pages, first)


def with_outlets(st: Store, table: pd.DataFrame) -> pd.DataFrame:
    """A statement table with, per row, how many outlets carried its story (`outlets`:
    the distinct outlets of its article's reprint cluster) and the article's address
    (`link`: http/https only, else None)."""
    codes = st.article_index.get_indexer(table[S.ARTICLE_ID].astype(str))
    ok = codes >= 0
    outlets = np.ones(len(table), np.int64)
    outlets[ok] = st.art_outlets[codes[ok]]
    links = [st.article_url(c) if c >= 0 else None for c in codes]
    return table.assign(outlets=outlets, link=[safe_link(u) for u in links])


def matrix_labels(matrix: pd.DataFrame, options: FilterOptions) -> tuple[dict, dict]:
    """Display labels of country_issue_matrix's rows (ISO3) and columns (issue ids)."""
    rows = {c: options.countries.get(c, L.country_name(c)) for c in matrix.index}
    cols = {i: options.issues.get(i, L.issue_label(i)) for i in matrix.columns}
    return rows, cols
