"""Shared fixtures of the dashboard's tests: a small synthetic Corpus built in code.

Six articles in four languages (2021-2024, one undated), mentions of Syria, Iran,
Israel, Russia, the US, Saudi Arabia and Palestine with a few cities, issues, and
Lavrov and non-Lavrov sentences. The expected numbers in the tests are counted from
the rows written here.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplomap import schema as S
from diplomap.corpus import Corpus

# (article_id, language, published, source, text)
ARTICLES = [
    (
        "a1",
        "ar",
        "2021-03-05",
        "SANA",
        "قال لافروف إن سوريا وإيران تدعمان التسوية. وقالت إسرائيل شيئا آخر. اقرأ أيضا: السعودية",
    ),
    (
        "a2",
        "fa",
        "2022-07-10",
        "IRNA",
        "لاوروف گفت ایران و سوریه در مذاکرات هسته‌ای همکاری می‌کنند. آمریکا مخالفت کرد.",
    ),
    (
        "a3",
        "ru",
        "2023-01-20",
        "TASS",
        "Лавров заявил, что Сирия нуждается в гуманитарной помощи. Дамаск согласен.",
    ),
    (
        "a4",
        "en",
        "2024-02-13",
        "=HYPERLINK(evil)",
        "Lavrov said Gaza needs a ceasefire. Israel's minister said Iran is a threat.",
    ),
    (
        "a5",
        "en",
        "2024-11-02",
        "Reuters",
        "Lavrov met the Saudi minister in Riyadh. The US criticised the meeting.",
    ),
    ("a6", "ar", None, "", "لافروف: روسيا تدعم فلسطين <script>alert(1)</script>"),
]

# (article_id, start, end, surface, place, place_type, iso3, lat, lon, sentence, lavrov)
MENTIONS = [
    ("a1", 15, 19, "سوريا", "Syria", "country", "SYR", 35.0, 38.0, 0, True),
    ("a1", 20, 24, "وإيران", "Iran", "country", "IRN", 32.0, 53.0, 0, True),
    ("a1", 50, 56, "إسرائيل", "Israel", "country", "ISR", 31.5, 34.8, 1, False),
    ("a2", 11, 15, "ایران", "Iran", "country", "IRN", 32.0, 53.0, 0, True),
    ("a2", 18, 23, "سوریه", "Syria", "country", "SYR", 35.0, 38.0, 0, True),
    ("a2", 62, 68, "آمریکا", "United States", "country", "USA", 39.0, -98.0, 1, False),
    ("a3", 22, 27, "Сирия", "Syria", "country", "SYR", 35.0, 38.0, 0, True),
    ("a3", 57, 63, "Дамаск", "Damascus", "city", "SYR", 33.51, 36.29, 1, False),
    ("a4", 12, 16, "Gaza", "Gaza", "city", "PSE", 31.5, 34.47, 0, True),
    ("a4", 36, 42, "Israel", "Israel", "country", "ISR", 31.5, 34.8, 1, False),
    ("a4", 58, 62, "Iran", "Iran", "country", "IRN", 32.0, 53.0, 1, False),
    ("a5", 16, 21, "Saudi", "Saudi Arabia", "country", "SAU", 24.0, 45.0, 0, True),
    ("a5", 33, 39, "Riyadh", "Riyadh", "city", "SAU", 24.69, 46.72, 0, True),
    ("a5", 45, 47, "US", "United States", "country", "USA", 39.0, -98.0, 1, False),
    ("a6", 15, 20, "فلسطين", "Palestine", "country", "PSE", 31.9, 35.2, 0, True),
]

# (article_id, start, end, surface, issue, sentence, lavrov)
ISSUES = [
    ("a1", 30, 37, "التسوية", "syria", 0, True),
    ("a2", 30, 40, "هسته‌ای", "iran_nuclear", 0, True),
    ("a3", 40, 55, "гуманитарной", "humanitarian", 0, True),
    ("a3", 22, 27, "Сирия", "syria", 0, True),
    ("a4", 17, 30, "a ceasefire", "gaza", 0, True),
    ("a4", 58, 72, "Iran is a threat", "iran_nuclear", 1, False),
    ("a5", 0, 5, "meeting", "economy", 1, False),
]

# (article_id, sentence, start, end, kind, evidence)
STATEMENTS = [
    ("a1", 0, 0, 40, "reported", "reporting_clause"),
    ("a2", 0, 0, 55, "reported", "reporting_clause"),
    ("a3", 0, 0, 56, "reported", "reporting_clause"),
    ("a4", 0, 0, 35, "reported", "reporting_clause"),
    ("a5", 0, 0, 40, "answer", "transcript_label"),
    ("a6", 0, 0, 20, "quote", "quote_marks"),
]


def make_corpus() -> Corpus:
    arts = []
    texts = {}
    for aid, lang, date, source, text in ARTICLES:
        texts[aid] = text
        arts.append(
            {
                S.ARTICLE_ID: aid,
                S.FILE: f"{aid}.txt",
                S.TITLE: f"Title {aid}",
                S.TEXT: text,
                S.LANGUAGE: lang,
                S.PUBLISHED: pd.Timestamp(date) if date else pd.NaT,
                S.DATE_SOURCE: "dateline" if date else "none",
                S.DATE_PRECISION: "day" if date else None,
                S.DATE_TEXT: date,
                S.SOURCE: source,
                S.URL: "",
                S.ENCODING: "utf-8",
                S.REPLACED_CHARS: 0,
                S.BOILERPLATE: [[len(text) - 10, len(text)]] if aid == "a1" else [],
                S.N_CHARS: len(text),
                S.N_SENTENCES: 2,
                S.N_LAVROV: 1,
            }
        )
    articles = pd.DataFrame(arts, columns=S.ARTICLE_COLUMNS)
    articles[S.PUBLISHED] = pd.to_datetime(articles[S.PUBLISHED]).astype("datetime64[ns]")
    mentions = pd.DataFrame(
        [
            dict(
                zip(
                    [
                        S.ARTICLE_ID,
                        S.START,
                        S.END,
                        S.SURFACE,
                        S.PLACE,
                        S.PLACE_TYPE,
                        S.ISO3,
                        S.LAT,
                        S.LON,
                        S.SENTENCE,
                        S.LAVROV,
                    ],
                    row,
                    strict=True,
                )
            )
            | {S.MATCH_KIND: "name"}
            for row in MENTIONS
        ],
        columns=S.MENTION_COLUMNS,
    )
    issues = pd.DataFrame(
        [
            dict(
                zip(
                    [S.ARTICLE_ID, S.START, S.END, S.SURFACE, S.ISSUE, S.SENTENCE, S.LAVROV],
                    row,
                    strict=True,
                )
            )
            for row in ISSUES
        ],
        columns=S.ISSUE_MENTION_COLUMNS,
    )
    statements = pd.DataFrame(
        [
            {
                S.ARTICLE_ID: aid,
                S.SENTENCE: sent,
                S.START: start,
                S.END: min(end, len(texts[aid])),
                S.SPEAKER: "Lavrov",
                S.KIND: kind,
                S.EVIDENCE: evidence,
                S.TEXT: texts[aid][start : min(end, len(texts[aid]))],
            }
            for aid, sent, start, end, kind, evidence in STATEMENTS
        ],
        columns=S.STATEMENT_COLUMNS,
    )
    return Corpus(articles, mentions, issues, statements, [])


@pytest.fixture
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture
def options(corpus):
    from diplomap.explore.aggregates import filter_options
    from diplomap.explore.store import Store

    return filter_options(Store.from_corpus(corpus))


# --- the browser test's screenshots ---------------------------------------------------------


def pytest_addoption(parser):
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        default=False,
        help="write the browser test's screenshots into docs/screenshots/ (README); "
        "by default they go to a temporary folder and no tracked file changes",
    )


@pytest.fixture(scope="session")
def screenshot_dir(request, tmp_path_factory):
    from pathlib import Path

    if request.config.getoption("--update-screenshots"):
        folder = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")
