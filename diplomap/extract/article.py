"""One article's text -> the rows it contributes to each table.

`extract_article` runs the steps in order on the article's text: language, boilerplate,
sentences, speakers, publication date, places, issues. It is a pure function of the
article (any object with the attributes of `diplomap.ingest.Article`) and the data files.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass

from diplomap import schema as S
from diplomap.extract import boilerplate, dates, issues, places, speakers
from diplomap.extract import sentences as sentences_mod
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


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _sentence_index(starts: list[int], ends: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < ends[i] else -1


def extract_article(article, *, geocoder=None) -> Extraction:
    """Extract dates, places, issues and Lavrov's statements from one `ingest.Article`.

    A pure function of the article (and the gazetteer/taxonomy data files).
    """
    body = article.text
    lang = article.language or detect_language(body)
    boiler = boilerplate.find_boilerplate(body, lang)
    sentences = sentences_mod.split_sentences(body, lang, skip=boiler)
    nt = normalize_text(body)
    attributions = speakers.attribute_speakers(body, sentences, lang, normalized=nt)
    lavrov_flags = [a.speaker == "Lavrov" for a in attributions]
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    pub = dates.find_publication_date(
        body, lang, metadata=article.published_raw, title=article.title, boilerplate=boiler
    )
    aid = article.article_id

    def locate(start: int, end: int) -> tuple[int, bool]:
        idx = _sentence_index(starts, ends, start)
        return idx, (idx >= 0 and lavrov_flags[idx])

    mention_rows = []
    found = places.find_places(nt, lang)
    if geocoder is not None:
        unknown = geocoder.find_unknown_places(nt, lang, known=found)
        found = found + places.without_outlets(nt, lang, unknown)
    for m in found:
        if _inside(boiler, m.start, m.end):
            continue
        idx, lav = locate(m.start, m.end)
        mention_rows.append(
            {
                S.ARTICLE_ID: aid,
                S.START: m.start,
                S.END: m.end,
                S.SURFACE: m.surface,
                S.PLACE: m.place,
                S.PLACE_TYPE: m.place_type,
                S.ISO3: m.iso3,
                S.LAT: m.lat,
                S.LON: m.lon,
                S.MATCH_KIND: m.match_kind,
                S.SENTENCE: idx,
                S.LAVROV: lav,
            }
        )
    issue_rows = []
    for m in issues.find_issues(nt, lang):
        if _inside(boiler, m.start, m.end):
            continue
        idx, lav = locate(m.start, m.end)
        issue_rows.append(
            {
                S.ARTICLE_ID: aid,
                S.START: m.start,
                S.END: m.end,
                S.SURFACE: m.surface,
                S.ISSUE: m.issue,
                S.SENTENCE: idx,
                S.LAVROV: lav,
            }
        )
    statement_rows = [
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
    article_row = {
        S.ARTICLE_ID: aid,
        S.FILE: article.file,
        S.TITLE: article.title,
        S.TEXT: body,
        S.LANGUAGE: lang,
        S.PUBLISHED: pub.date,
        S.DATE_SOURCE: pub.source,
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
        S.N_SENTENCES: len(sentences),
        S.N_LAVROV: len(statement_rows),
    }
    return Extraction(article_row, mention_rows, issue_rows, statement_rows)


def warm_up() -> None:
    """Load the gazetteer and the issue taxonomy (once per process)."""
    places.load_gazetteer()
    issues.load_taxonomy()


_WARM_TEXTS = {
    "ar": "القاهرة، 3 فبراير 2021\nقال وزير الخارجية الروسي سيرغي لافروف إن روسيا تدعم سوريا.",
    "fa": "تهران، ۱۴ دی ۱۴۰۳\nلاوروف گفت روسیه از سوریه حمایت می‌کند.",
    "ru": "МОСКВА, 13 февраля 2024 года. Лавров заявил, что Россия поддерживает Сирию.",
    "en": "MOSCOW, February 13, 2024 (Reuters) - Lavrov said Russia supports Syria.",
}


def warm_extractors() -> None:
    """Compile the lazily built patterns and tables of every language once, in the
    parent, so that the forked workers share them instead of each building its own."""
    for lang, body in _WARM_TEXTS.items():
        try:
            detect_language(body)
            boiler = boilerplate.find_boilerplate(body, lang)
            sentences = sentences_mod.split_sentences(body, lang, skip=boiler)
            speakers.attribute_speakers(body, sentences, lang, normalized=normalize_text(body))
            dates.find_publication_date(body, lang, boilerplate=boiler)
        except Exception:  # warming up is only an optimisation
            pass
