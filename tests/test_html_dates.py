"""A page whose date trafilatura misses: the article's own date element is used, never
the site's clock in the header or an "updated" stamp."""

from __future__ import annotations

import pytest

from diplomap.ingest import read_bytes

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
</head><body><header><span class="header__clock">{clock}</span><nav><a href="/">Home</a></nav>
</header><main><article><h1>{title}</h1><div class="article__updated">{updated}</div>
<div class="article__date">{date}</div>
<p>{body}</p><p>{body}</p></article></main><footer><span class="date">{clock}</span></footer>
</body></html>"""

CASES = [
    (
        "ru",
        "Пятница, 8 октября 2021, 09:12",
        "обновлено 9 октября 2021",
        "06 октября 2021, 16:05",
        "Лавров заявил, что Россия готова к переговорам с Ираном по ядерной сделке.",
        "2021-10-06",
    ),
    (
        "fa",
        "امروز: شنبه ۱۸ آذر ۱۴۰۲",
        "به‌روز شده: ۱۹ آذر ۱۴۰۲",
        "تاریخ انتشار: سه‌شنبه ۱۴ آذر ۱۴۰۲ - ۱۹:۳۰",
        "لاوروف گفت روسیه از آتش‌بس در غزه حمایت می‌کند و خواستار توقف حملات است.",
        "2023-12-05",
    ),
]


@pytest.mark.parametrize(("lang", "clock", "updated", "date", "body", "expected"), CASES)
def test_the_articles_date_element_not_the_clock(lang, clock, updated, date, body, expected):
    page = PAGE.format(
        lang=lang, title="Lavrov", clock=clock, updated=updated, date=date, body=body
    )
    result = read_bytes("page.html", page.encode("utf-8"))
    (article,) = result.articles
    assert article.published_raw == date
    from diplomap.corpus import build_from_articles

    corpus = build_from_articles(result.articles, result.problems, workers=1)
    assert str(corpus.articles["published"].iloc[0].date()) == expected
