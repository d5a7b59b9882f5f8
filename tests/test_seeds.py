"""The five bundled articles (real Arabic and Persian reporting), end to end.

For each: its publication date (or none), the countries its story mentions, the
countries that only its boilerplate mentions (absent), its issues, and who speaks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomap import config
from diplomap import schema as S
from diplomap.corpus import build_corpus

EXPECTED = {
    "000_9091aa48b12efacd.txt": {
        "language": "fa",
        "published": None,
        "countries": {"RUS", "ISR", "PSE"},
        "absent": {"AZE"},  # Karabakh: only in an injected related headline
        "issues": {"palestine_israel", "quartet", "arab_league"},
        "lavrov": True,
    },
    "001_50bf646a7dc4ee08.txt": {
        "language": "ar",
        "published": None,
        "countries": {"RUS", "USA", "PSE", "ISR"},
        "absent": {"GRC"},  # Greece: only in the "most viewed" block
        "issues": {"palestine_israel", "quartet", "us_russia"},
        "lavrov": False,  # the ministry, its envoy and Guterres speak, not Lavrov
    },
    "002_f202388cdc42fc3c.txt": {
        "language": "fa",
        "published": None,
        "countries": {"UKR", "RUS", "SYR", "ISR", "TUR"},
        "absent": set(),
        "issues": {"ukraine", "syria"},
        "lavrov": True,
    },
    "003_c3efe85edd72e819.txt": {
        "language": "ar",
        "published": dt.date(2024, 2, 13),
        "date_source": "header",
        "countries": {"RUS", "USA", "GBR", "ISR", "PSE", "ARE", "SYR", "TUR", "IRN", "KAZ"},
        "absent": {"LBN"},  # Lebanon: only in the "read also" article
        "issues": {"palestine_israel", "gaza", "security_council", "syria"},
        "lavrov": True,
        "not_lavrov": "سمادياروف",  # the Kazakh spokesman
    },
    "004_e35452bbc36f1cf2.txt": {
        "language": "ar",
        "published": dt.date(2021, 2, 3),
        "date_source": "dateline",
        "countries": {"RUS", "JOR", "ISR", "PSE", "IRQ", "LBY", "YEM", "SYR"},
        "absent": set(),
        "issues": {
            "gulf_security",
            "palestine_israel",
            "quartet",
            "arab_league",
            "syria",
            "terrorism",
            "security_council",
            "iraq",
            "libya",
            "yemen",
        },
        "lavrov": True,
    },
}


@pytest.fixture(scope="module")
def seeds():
    corpus = build_corpus([config.PACKAGE_DATA_DIR / "articles"])
    return corpus


def _rows(corpus, name):
    art = corpus.articles[corpus.articles[S.FILE].str.endswith(name)].iloc[0]
    aid = art[S.ARTICLE_ID]
    pick = lambda df: df[df[S.ARTICLE_ID] == aid]  # noqa: E731
    return art, pick(corpus.mentions), pick(corpus.issue_mentions), pick(corpus.statements)


def test_all_five_are_read(seeds):
    assert len(seeds.articles) == 5
    assert seeds.problems == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_language_and_date(seeds, name):
    exp = EXPECTED[name]
    art, *_ = _rows(seeds, name)
    assert art[S.LANGUAGE] == exp["language"]
    if exp["published"] is None:
        assert art[S.PUBLISHED] != art[S.PUBLISHED]  # NaT
        assert art[S.DATE_SOURCE] == "none"
    else:
        assert art[S.PUBLISHED].date() == exp["published"]
        assert art[S.DATE_SOURCE] == exp["date_source"]
        assert art[S.DATE_PRECISION] == "day"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_countries(seeds, name):
    exp = EXPECTED[name]
    _, mentions, _, _ = _rows(seeds, name)
    countries = set(mentions[S.ISO3])
    assert exp["countries"] <= countries
    assert not exp["absent"] & countries


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_issues(seeds, name):
    _, _, issues, _ = _rows(seeds, name)
    assert EXPECTED[name]["issues"] <= set(issues[S.ISSUE])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_who_speaks(seeds, name):
    exp = EXPECTED[name]
    art, mentions, _, statements = _rows(seeds, name)
    assert (len(statements) > 0) == exp["lavrov"]
    if "not_lavrov" in exp:
        assert not statements[S.TEXT].str.contains(exp["not_lavrov"]).any()
        assert exp["not_lavrov"] in art[S.TEXT]
    if not exp["lavrov"]:
        assert not mentions[S.LAVROV].any()
