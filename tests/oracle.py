"""The test oracle: what the dashboard's numbers mean, computed from the full tables with
pandas (slow, obvious). diplomap.explore computes the same from the Store's masks;
tests/test_store.py checks that both agree, filter by filter. Not used by the app."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from diplomap import schema as S
from diplomap.explore.labels import country_name, issue_label, language_name
from diplomap.query import FilterState

PERIODS = {"month": "M", "year": "Y"}


@dataclass
class TableView:
    """The filtered tables (same columns as the corpus tables)."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    issue_mentions: pd.DataFrame
    statements: pd.DataFrame
    state: FilterState = field(default_factory=FilterState)


def _sentence_keys(df: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([df[S.ARTICLE_ID].astype(str), df[S.SENTENCE].astype("int64")])


def _ids(df: pd.DataFrame) -> pd.Series:
    return df[S.ARTICLE_ID].astype(str)


def apply_filters(corpus, state: FilterState) -> TableView:
    """The tables of `corpus` under `state` (see diplomap.explore.view for the meaning)."""
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
    men = corpus.mentions[_ids(corpus.mentions).isin(ids)]
    iss = corpus.issue_mentions[_ids(corpus.issue_mentions).isin(ids)]
    if state.lavrov_only:
        men = men[men[S.LAVROV].astype(bool)]
        iss = iss[iss[S.LAVROV].astype(bool)]
    if state.countries:
        men = men[men[S.ISO3].astype(str).isin(state.countries)]
        ids &= set(_ids(men))
    if state.issues:
        iss = iss[iss[S.ISSUE].astype(str).isin(state.issues)]
        ids &= set(_ids(iss))
    stm = corpus.statements[_ids(corpus.statements).isin(ids)]
    if state.countries and len(stm):
        stm = stm[_sentence_keys(stm).isin(_sentence_keys(men))]
    if state.issues and len(stm):
        stm = stm[_sentence_keys(stm).isin(_sentence_keys(iss))]
    return TableView(
        articles=arts[_ids(arts).isin(ids)].reset_index(drop=True),
        mentions=men[_ids(men).isin(ids)].reset_index(drop=True),
        issue_mentions=iss[_ids(iss).isin(ids)].reset_index(drop=True),
        statements=stm.reset_index(drop=True),
        state=state,
    )


def headline(view: TableView) -> dict[str, object]:
    arts = view.articles
    dated = pd.to_datetime(arts[S.PUBLISHED], errors="coerce").dropna()
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


def date_coverage(view: TableView) -> pd.DataFrame:
    articles = view.articles
    src = articles[S.DATE_SOURCE].fillna("none").astype(str)
    src = src.where(pd.to_datetime(articles[S.PUBLISHED], errors="coerce").notna(), "none")
    counts = src.value_counts()
    order = [s for s in S.DATE_SOURCES if s in counts.index] + [
        s for s in counts.index if s not in S.DATE_SOURCES
    ]
    out = pd.DataFrame({"date_source": order, "articles": [int(counts[s]) for s in order]})
    out["share"] = out["articles"] / max(len(articles), 1)
    return out


def _article_periods(articles: pd.DataFrame, period: str) -> pd.Series:
    """article_id -> period start (Timestamp), for dated articles."""
    published = pd.to_datetime(articles[S.PUBLISHED], errors="coerce")
    per = published.dt.to_period(PERIODS[period]).dt.start_time
    return pd.Series(per.to_numpy(), index=_ids(articles).to_numpy()).dropna()


def articles_per_period(view: TableView, period: str = "month") -> pd.DataFrame:
    per = _article_periods(view.articles, period)
    if per.empty:
        return pd.DataFrame(columns=["period", "articles", "mentions", "statements"])
    arts = per.value_counts().rename("articles")
    men = _ids(view.mentions).map(per).value_counts().rename("mentions")
    stm = _ids(view.statements).map(per).value_counts().rename("statements")
    out = pd.concat([arts, men, stm], axis=1).fillna(0).astype("int64").sort_index()
    full = pd.date_range(out.index.min(), out.index.max(), freq="MS" if period == "month" else "YS")
    return out.reindex(full, fill_value=0).rename_axis("period").reset_index()


def mentions_per_period(
    view: TableView, period: str = "month", by: str = "country", top: int = 8, normalise=False
) -> pd.DataFrame:
    per = _article_periods(view.articles, period)
    empty = pd.DataFrame(columns=["period", "group", "key", "value"])
    if per.empty:
        return empty
    df, col, label = (
        (view.issue_mentions, S.ISSUE, issue_label)
        if by == "issue"
        else (view.mentions, S.ISO3, country_name)
    )
    keys = df[col].astype(str)
    labels = {k: label(k) for k in keys.unique()}
    frame = pd.DataFrame({"period": _ids(df).map(per).to_numpy(), "key": keys.to_numpy()}).dropna()
    if frame.empty:
        return empty
    ranked = frame["key"].value_counts().index.tolist()
    head = set(ranked[:top])
    frame["group"] = frame["key"].map(lambda k: labels.get(k, k) if k in head else "Other")
    frame.loc[~frame["key"].isin(head), "key"] = "other"
    out = frame.groupby(["period", "group", "key"]).size().rename("value").reset_index()
    if normalise:
        out["value"] = out["value"] / out["period"].map(per.value_counts()).astype(float)
    order = [labels.get(k, k) for k in ranked[:top]] + ["Other"]
    out["group"] = pd.Categorical(out["group"], categories=order, ordered=True)
    return out.sort_values(["period", "group"]).reset_index(drop=True)


def _top_issues_by_country(view: TableView, n: int = 3) -> dict[str, list[str]]:
    men = view.mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISO3]].astype({S.ARTICLE_ID: str})
    iss = view.issue_mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISSUE]].astype({S.ARTICLE_ID: str})
    if men.empty or iss.empty:
        return {}
    pairs = men.drop_duplicates().merge(iss.drop_duplicates(), on=[S.ARTICLE_ID, S.SENTENCE])
    counts = pairs.groupby([S.ISO3, S.ISSUE]).size().rename("n").reset_index()
    counts = counts.sort_values(["n", S.ISSUE], ascending=[False, True])
    return {
        iso: [issue_label(i) for i in g[S.ISSUE].head(n)]
        for iso, g in counts.groupby(S.ISO3, sort=False)
    }


def _counts(df: pd.DataFrame, col: str, name: str) -> pd.DataFrame:
    """Per value of `col`: mentions, articles, Lavrov statements naming it."""
    g = pd.DataFrame({name: df[col].astype(str), "aid": _ids(df)})
    out = g.groupby(name).agg(mentions=("aid", "size"), articles=("aid", "nunique"))
    lav = df[df[S.LAVROV].astype(bool)]
    stm = lav.drop_duplicates([S.ARTICLE_ID, S.SENTENCE, col]).groupby(col).size()
    out["statements"] = stm.reindex(out.index).fillna(0).astype("int64")
    return out.reset_index()


def country_counts(view: TableView) -> pd.DataFrame:
    cols = ["iso3", "name", "mentions", "articles", "share", "statements", "top_issues"]
    if view.mentions.empty:
        return pd.DataFrame(columns=cols)
    out = _counts(view.mentions, S.ISO3, "iso3")
    out["share"] = out["articles"] / max(len(view.articles), 1)
    out = out[out["iso3"].str.fullmatch(r"[A-Z]{3}")]
    out["name"] = out["iso3"].map(country_name)
    top = _top_issues_by_country(view)
    out["top_issues"] = out["iso3"].map(lambda c: ", ".join(top.get(c, [])))
    out = out.sort_values(["mentions", "iso3"], ascending=[False, True])
    return out[cols].reset_index(drop=True)


def top_countries(view: TableView, n: int = 15) -> pd.DataFrame:
    return country_counts(view).head(n)[["iso3", "name", "mentions", "articles"]]


def city_points(view: TableView, top_n: int = 200) -> pd.DataFrame:
    men = view.mentions
    cols = ["place", "iso3", "lat", "lon", "mentions", "articles"]
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


def issue_counts(view: TableView) -> pd.DataFrame:
    cols = ["issue", "label", "mentions", "articles", "statements"]
    if view.issue_mentions.empty:
        return pd.DataFrame(columns=cols)
    out = _counts(view.issue_mentions, S.ISSUE, "issue")
    out["label"] = out["issue"].map(issue_label)
    out = out.sort_values(["mentions", "issue"], ascending=[False, True])
    return out[cols].reset_index(drop=True)


def country_issue_matrix(view: TableView, top_countries: int = 20) -> pd.DataFrame:
    men = view.mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISO3, S.LAVROV]]
    iss = view.issue_mentions[[S.ARTICLE_ID, S.SENTENCE, S.ISSUE]]
    if men.empty or iss.empty:
        return pd.DataFrame()
    men = men[men[S.SENTENCE] >= 0].astype({S.ARTICLE_ID: str, S.ISO3: str})
    iss = iss[iss[S.SENTENCE] >= 0].astype({S.ARTICLE_ID: str, S.ISSUE: str})
    pairs = men.merge(iss, on=[S.ARTICLE_ID, S.SENTENCE])
    pairs = pairs.drop_duplicates([S.ARTICLE_ID, S.SENTENCE, S.ISO3, S.ISSUE])
    if pairs.empty:
        return pd.DataFrame()
    m = pairs.groupby([S.ISO3, S.ISSUE]).size().unstack(fill_value=0)
    rows = m.sum(axis=1).sort_values(ascending=False).index[:top_countries]
    cols = [i for i in S.ISSUE_IDS if i in m.columns] + [
        c for c in m.columns if c not in S.ISSUE_IDS
    ]
    return m.loc[rows, cols]


def statement_table(view: TableView, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    stm = view.statements if statements is None else statements
    cols = ["date", "language", "source", "countries", "issues", "text", "kind", "evidence"]
    if stm.empty:
        return pd.DataFrame(columns=[*cols, S.ARTICLE_ID, S.SENTENCE])
    arts = view.articles.set_index(_ids(view.articles))
    aid = _ids(stm)
    key = list(zip(aid, stm[S.SENTENCE], strict=True))

    def by_sentence(df: pd.DataFrame, col: str, fmt) -> dict:
        d = df[[S.ARTICLE_ID, S.SENTENCE, col]].astype({S.ARTICLE_ID: str, col: str})
        groups = d.drop_duplicates().groupby([S.ARTICLE_ID, S.SENTENCE])
        return {k: ", ".join(fmt(v) for v in g[col]) for k, g in groups}

    countries = by_sentence(view.mentions, S.ISO3, country_name)
    issues = by_sentence(view.issue_mentions, S.ISSUE, issue_label)
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(aid.map(arts[S.PUBLISHED]), errors="coerce").to_numpy(),
            "language": aid.map(arts[S.LANGUAGE]).map(language_name).to_numpy(),
            "source": aid.map(arts[S.SOURCE]).fillna("").to_numpy(),
            "countries": [countries.get(k, "") for k in key],
            "issues": [issues.get(k, "") for k in key],
            "text": stm[S.TEXT].astype(str).to_numpy(),
            "kind": stm[S.KIND].astype(str).to_numpy(),
            "evidence": stm[S.EVIDENCE].astype(str).to_numpy(),
            S.ARTICLE_ID: aid.to_numpy(),
            S.SENTENCE: stm[S.SENTENCE].astype("int64").to_numpy(),
        }
    )
    out = out.sort_values(["date", S.ARTICLE_ID, S.SENTENCE], na_position="last")
    return out.reset_index(drop=True)


def search_statements(table: pd.DataFrame, query: str) -> pd.DataFrame:
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


def statements_for_cell(view: TableView, iso3: str | None, issue: str | None) -> pd.DataFrame:
    stm = view.statements
    keys = _sentence_keys(stm)
    mask = pd.Series(True, index=stm.index)
    if iso3:
        mask &= keys.isin(_sentence_keys(view.mentions[view.mentions[S.ISO3].astype(str) == iso3]))
    if issue:
        iss = view.issue_mentions
        mask &= keys.isin(_sentence_keys(iss[iss[S.ISSUE].astype(str) == issue]))
    return statement_table(view, stm[mask.to_numpy()])
