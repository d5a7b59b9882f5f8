"""One article's text -> the rows it contributes to each table.

`extract_article` runs the steps in order on the article's text: language, boilerplate,
sentences, speakers, publication date, places, issues. It is a pure function of the
article (any object with the attributes of `diplomap.ingest.Article`) and the data files.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap import schema as S
from diplomap.extract import boilerplate, dates, issues, places, speakers
from diplomap.extract import sentences as sentences_mod
from diplomap.extract.page_header import with_page_date
from diplomap.extract.source import find_source
from diplomap.normalize import detect_language, normalize_text

# --- one article -------------------------------------------------------


@dataclass
class Extraction:
    """The rows one article contributes to each table."""

    article: dict
    mentions: list[dict]
    issue_mentions: list[dict]
    statements: list[dict]


class _Spans:
    """Whether a span lies inside one of some spans (the boilerplate's), by bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # the furthest end among the spans starting at or before each one (they may nest)
        self.reach = list(itertools.accumulate((e for _, e in self.spans), max))

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _sentence_index(starts: list[int], ends: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < ends[i] else -1


class _Sentences:
    """Which sentence a character offset falls in, and whether that sentence is his."""

    def __init__(self, sentences, attributions) -> None:
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]
        self.his = [a.speaker == "Lavrov" for a in attributions]

    def locate(self, start: int) -> tuple[int, bool]:
        idx = _sentence_index(self.starts, self.ends, start)
        return idx, (idx >= 0 and self.his[idx])


def _located_rows(aid: str, found, boiler, where: _Sentences, columns) -> list[dict]:
    """One row per match outside the boilerplate, with its sentence and whether that
    sentence is his; `columns(match)` gives the table's own columns."""
    rows = []
    inside = _Spans(boiler).contains if boiler else None
    for m in found:
        if inside is not None and inside(m.start, m.end):
            continue
        idx, lav = where.locate(m.start)
        row = columns(m)
        row[S.ARTICLE_ID] = aid
        row[S.START] = m.start
        row[S.END] = m.end
        row[S.SURFACE] = m.surface
        row[S.SENTENCE] = idx
        row[S.LAVROV] = lav
        rows.append(row)
    return rows


def _place_columns(m) -> dict:
    return {
        S.PLACE: m.place,
        S.PLACE_TYPE: m.place_type,
        S.ISO3: m.iso3,
        S.LAT: m.lat,
        S.LON: m.lon,
        S.MATCH_KIND: m.match_kind,
    }


def _place_rows(aid: str, nt, lang: str, boiler, where: _Sentences, geocoder) -> list[dict]:
    found = places.find_places(nt, lang)
    if geocoder is not None:
        unknown = geocoder.find_unknown_places(nt, lang, known=found)
        found = found + places.without_outlets(nt, lang, unknown)
    return _located_rows(aid, found, boiler, where, _place_columns)


def _issue_rows(aid: str, nt, lang: str, boiler, where: _Sentences, taxonomy) -> list[dict]:
    # a `his` row of the taxonomy names its issue in his words only
    found = issues.find_issues(nt, lang, taxonomy)
    found = [m for m in found if not m.his_only or where.locate(m.start)[1]]
    return _located_rows(aid, found, boiler, where, lambda m: {S.ISSUE: m.issue})


def _statement_rows(aid: str, body: str, sentences, attributions) -> list[dict]:
    return [
        {
            S.ARTICLE_ID: aid,
            S.SENTENCE: i,
            S.START: s.start,
            S.END: s.end,
            S.SPEAKER: "Lavrov",
            S.KIND: a.kind or "reported",
            S.EVIDENCE: a.evidence or "reporting_clause",
            S.TEXT: body[s.start : s.end],
        }
        for i, (s, a) in enumerate(zip(sentences, attributions, strict=True))
        if a.speaker == "Lavrov"
    ]


def _date_source(article, found: str) -> str:
    """Where the date was read: a metadata date keeps the provenance its record gives
    (a collected page's "html-meta", "feed", "url"...), when it is one we know."""
    given = str(getattr(article, "published_source", "") or "").strip().lower()
    return given if found == "metadata" and given in S.METADATA_DATE_SOURCES else found


def _signature(nt, boiler, wanted: bool) -> bytes | None:
    if not wanted:
        return None
    from diplomap.extract import shingles  # lazy: numpy (~0.06 s a start), not for `extract`

    return shingles.signature_of(nt, boiler)


def _article_row(
    article, lang: str, pub, boiler, nt, counts: tuple[int, int], signature: bool
) -> dict:
    body = article.text
    n_sentences, n_lavrov = counts
    return {
        S.MINHASH: _signature(nt, boiler, signature),
        S.ARTICLE_ID: article.article_id,
        S.FILE: article.file,
        S.TITLE: article.title,
        S.TEXT: body,
        S.LANGUAGE: lang,
        S.PUBLISHED: pub.date,
        S.DATE_SOURCE: _date_source(article, pub.source),
        S.DATE_PRECISION: pub.precision,
        S.DATE_TEXT: pub.text,
        S.DATE_CANDIDATES: json.dumps(
            [c.as_dict() for c in pub.date_candidates], ensure_ascii=False
        ),
        S.SOURCE: find_source(body, metadata=article.source, url=article.url) or "",
        S.URL: article.url,
        S.ENCODING: article.encoding,
        S.REPLACED_CHARS: article.replaced_chars,
        S.BOILERPLATE: [[int(a), int(b)] for a, b in boiler],
        S.N_CHARS: len(body),
        S.N_SENTENCES: n_sentences,
        S.N_LAVROV: n_lavrov,
    }


def extract_article(article, *, geocoder=None, signature: bool = True) -> Extraction:
    """Extract dates, places, issues and Lavrov's statements from one `ingest.Article`.

    A pure function of the article (and the gazetteer/taxonomy data files). Without
    `signature` its MinHash signature (for reprint clusters) is not computed (None).
    """
    return extract_batch([article], geocoder=geocoder, signature=signature)[0]


def _normalized(article, body: str):
    """The article's normalised text: the one reading made for its id when the article
    carries it (`ingest.Article.normalized`), else made here."""
    nt = getattr(article, "normalized", None)
    return nt if nt is not None and nt.original is body else normalize_text(body)


def extract_batch(articles: Sequence, *, geocoder=None, signature: bool = True) -> list[Extraction]:
    """`extract_article` of each article, one step at a time over all of them, the articles
    of one language together: the same results, 10-20 % faster on a batch than one
    article after another (a step's patterns and tables for a language stay in the
    processor's caches while it runs over that language's articles)."""
    bodies = [article.text for article in articles]
    nts = [_normalized(a, body) for a, body in zip(articles, bodies, strict=True)]
    langs = [
        a.language or detect_language(body, nt)
        for a, body, nt in zip(articles, bodies, nts, strict=True)
    ]
    order = sorted(range(len(articles)), key=langs.__getitem__)
    found = _extract_in_order(
        [articles[i] for i in order],
        [nts[i] for i in order],
        [langs[i] for i in order],
        geocoder,
        signature,
    )
    out: list[Extraction] = [None] * len(articles)  # type: ignore[list-item]
    for i, extraction in zip(order, found, strict=True):
        out[i] = extraction
    return out


def _extract_in_order(
    articles: Sequence, nts: list, langs: list[str], geocoder, signature: bool
) -> list[Extraction]:
    """The steps of `extract_batch` over articles with their normalised texts and languages."""
    bodies = [article.text for article in articles]
    boilers = [
        boilerplate.find_boilerplate(body, lang, title=a.title, normalized=nt)
        for a, body, lang, nt in zip(articles, bodies, langs, nts, strict=True)
    ]
    sentences = [
        sentences_mod.split_sentences(body, lang, skip=boiler)
        for body, lang, boiler in zip(bodies, langs, boilers, strict=True)
    ]
    attributions = [
        speakers.attribute_speakers(body, sents, lang, normalized=nt, title=a.title)
        for a, body, sents, lang, nt in zip(articles, bodies, sentences, langs, nts, strict=True)
    ]
    pubs = [
        with_page_date(
            dates.find_publication_date(
                body, lang, metadata=a.published_raw, title=a.title, boilerplate=boiler
            ),
            getattr(a, "page_dates", ""),
            lang,
        )
        for a, body, lang, boiler in zip(articles, bodies, langs, boilers, strict=True)
    ]
    ids = [article.article_id for article in articles]
    statements = [
        _statement_rows(aid, body, sents, atts)
        for aid, body, sents, atts in zip(ids, bodies, sentences, attributions, strict=True)
    ]
    rows = [
        _article_row(a, lang, pub, boiler, nt, (len(sents), len(stmts)), signature)
        for a, lang, pub, boiler, nt, sents, stmts in zip(
            articles, langs, pubs, boilers, nts, sentences, statements, strict=True
        )
    ]
    wheres = [_Sentences(sents, atts) for sents, atts in zip(sentences, attributions, strict=True)]
    place_rows = [
        _place_rows(aid, nt, lang, boiler, where, geocoder)
        for aid, nt, lang, boiler, where in zip(ids, nts, langs, boilers, wheres, strict=True)
    ]
    taxonomy = issues.load_taxonomy()  # once a batch (it checks its files' times)
    issue_rows = [
        _issue_rows(aid, nt, lang, boiler, where, taxonomy)
        for aid, nt, lang, boiler, where in zip(ids, nts, langs, boilers, wheres, strict=True)
    ]
    for body, found, named in zip(bodies, place_rows, issue_rows, strict=True):
        named.extend(issues.country_issue_rows(body, found, named, taxonomy))
        named.sort(key=lambda r: (r[S.START], r[S.ISSUE]))
    return [
        Extraction(*parts) for parts in zip(rows, place_rows, issue_rows, statements, strict=True)
    ]


def warm_up() -> None:
    """Load the gazetteer and the issue taxonomy (once per process)."""
    places.load_gazetteer()
    issues.load_taxonomy()


def warm_extractors() -> None:
    """Load everything else extraction loads lazily, once per process: the outlet names,
    the analyser of Russian first names, and every language's compiled patterns (by
    extracting one short text per language). Called in the parent before the workers
    fork, so that they share it all (an in-process build loads what it needs lazily)."""
    if _WARM:
        return
    warm_up()
    places.warm_up_names()
    for lang, body in _WARM_TEXTS.items():
        try:
            extract_article(_WarmArticle(body, f"warm-{lang}", lang))
            extract_article(_WarmArticle(body, f"warm-{lang}-auto", None))
        except Exception:  # warming up is only an optimisation
            pass
    _WARM.append(True)


# Set once `warm_extractors` has run in this process (forked workers inherit it)
_WARM: list[bool] = []

_WARM_TEXTS = {
    "ar": "القاهرة، 3 فبراير 2021 (سانا)\nقال وزير الخارجية الروسي سيرغي لافروف إن روسيا تدعم سوريا.",
    "fa": "تهران، ۱۴ دی ۱۴۰۳ (ایرنا)\nلاوروف گفت روسیه از سوریه حمایت می‌کند.",
    "ru": "МОСКВА, 13 февраля 2024 года (ТАСС). Сергей Лавров заявил, что Россия поддерживает Сирию.",
    "en": "MOSCOW, February 13, 2024 (Reuters) - Lavrov said Russia supports Syria.",
}


@dataclass
class _WarmArticle:
    text: str
    article_id: str
    language: str | None
    file: str = ""
    title: str = ""
    published_raw: str | None = None
    source: str = ""
    url: str = ""
    encoding: str = "utf-8"
    replaced_chars: int = 0
