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


# --- the page's own date line against its metadata ------------------------------------------

MENU = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(20))
WP_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
{meta}</head><body><div class="top-bar"><span class="date">{clock}</span></div>
<div class="menu"><ul>{menu}</ul></div>
<article><header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="post-meta"><span class="author">{author}</span> {dateline}</div></header>
<div class="entry-content"><p>{body}</p><p>{body}</p></div></article>
<aside><ul><li><a href="/r">Related</a> <span class="date">{related}</span></li></ul></aside>
</body></html>"""
META = '<meta property="article:published_time" content="{iso}T21:41:00+03:00">'

# lang, headline, author, site clock, its own date line (published, then updated in their own
# elements), the related story's date, the body, the day the date line gives
PAGE_DATES = [
    (
        "en",
        "Lavrov urges ceasefire in Gaza",
        "By Jane Doe",
        "Thursday, December 12, 2024",
        '<time class="entry-date published updated">Dec 5, 2024</time> · '
        "<span>Updated:</span> <time>Dec 6, 2024</time>",
        "Dec 1, 2024",
        "Lavrov said Russia supports an immediate ceasefire in Gaza and a political settlement.",
        "2024-12-05",
    ),
    (
        "ru",
        "Лавров призвал к прекращению огня в Газе",
        "Иван Петров",
        "Четверг, 12 декабря 2024",
        '<time class="entry-date published updated">5 декабря 2024</time> · '
        "<span>Обновлено:</span> <time>6 декабря 2024</time>",
        "1 декабря 2024",
        "Лавров заявил, что Россия выступает за немедленное прекращение огня в Газе.",
        "2024-12-05",
    ),
    (
        "ar",
        "لافروف يدعو إلى وقف إطلاق النار في غزة",
        "كتب: محمد علي",
        "الخميس 12 ديسمبر 2024",
        '<time class="entry-date published updated">الخميس، 5 ديسمبر 2024</time> · '
        "<span>آخر تحديث:</span> <time>6 ديسمبر 2024</time>",
        "1 ديسمبر 2024",
        "قال لافروف إن روسيا تؤيد وقفا فوريا لإطلاق النار في غزة وتسوية سياسية.",
        "2024-12-05",
    ),
    (
        "fa",
        "لاوروف خواستار آتش‌بس در غزه شد",
        "گزارشگر: علی رضایی",
        "پنجشنبه ۲۲ آذر ۱۴۰۳",
        '<time class="entry-date published updated">پنجشنبه ۱۵ آذر ۱۴۰۳</time> · '
        "<span>آخرین به‌روزرسانی:</span> <time>۱۶ آذر ۱۴۰۳</time>",
        "۱۱ آذر ۱۴۰۳",
        "لاوروف گفت روسیه از آتش‌بس فوری در غزه و راه‌حل سیاسی حمایت می‌کند.",
        "2024-12-05",
    ),
]


def _page(lang, title, author, clock, dateline, related, body, meta_day):
    meta = META.format(iso=meta_day) if meta_day else ""
    return WP_PAGE.format(
        lang=lang,
        title=title,
        meta=meta,
        clock=clock,
        menu=MENU,
        author=author,
        dateline=dateline,
        related=related,
        body=body,
    )


def _published(page: str) -> tuple[str | None, str]:
    from diplomap.corpus import build_from_articles

    result = read_bytes("page.html", page.encode("utf-8"))
    corpus = build_from_articles(result.articles, result.problems, workers=1)
    row = corpus.articles.iloc[0]
    day = None if row["published"] != row["published"] else str(row["published"].date())
    return day, row["date_source"]


# each test below runs on every language's page
ON_EVERY_PAGE = pytest.mark.parametrize(
    ("lang", "title", "author", "clock", "dateline", "related", "body", "day"),
    PAGE_DATES,
    ids=[case[0] for case in PAGE_DATES],
)


@ON_EVERY_PAGE
def test_the_pages_own_date_line_beats_metadata_of_another_day(
    lang, title, author, clock, dateline, related, body, day
):
    """The metadata says the next day (another time zone, a CMS stamp); the reader sees
    the date line by the headline: it wins. Its "updated" stamp, in an element of its
    own after the label, never does; nor do the site clock and the related story."""
    assert _published(_page(lang, title, author, clock, dateline, related, body, "2024-12-06")) == (
        day,
        "header",
    )
    # the metadata agreeing: the metadata's
    assert _published(_page(lang, title, author, clock, dateline, related, body, day)) == (
        day,
        "metadata",
    )
    # no metadata at all: the date line
    assert _published(_page(lang, title, author, clock, dateline, related, body, None))[0] == day


@ON_EVERY_PAGE
def test_a_page_whose_date_line_gives_no_day_keeps_its_metadata(
    lang, title, author, clock, dateline, related, body, day
):
    """A relative time ("3 hours ago") or an "updated" stamp alone by the headline is no
    date line: the metadata stands (not the site clock, not the related story's date)."""
    relative = {"en": "3 hours ago", "ru": "3 часа назад", "ar": "منذ 3 ساعات", "fa": "۳ ساعت پیش"}
    for line in (
        f'<span class="time-ago">{relative[lang]}</span>',
        dateline.split(" · ", 1)[1],  # the "updated" label and its date only
    ):
        page = _page(lang, title, author, clock, line, related, body, "2024-12-04")
        assert _published(page) == ("2024-12-04", "metadata")


WAYBACK = """<div id="wm-ipp-base" lang="en"><div id="wm-ipp"><div id="wm-ipp-inside">
<div id="wm-capinfo-notice">About this capture: <span class="wm-capinfo-timestamp">15:30:12
Dec 9, 2024</span></div></div></div></div>"""


@ON_EVERY_PAGE
def test_logo_h1_headline_h2_and_an_archived_copy(
    lang, title, author, clock, dateline, related, body, day
):
    """The <h1> holds the site's logo and the headline is an <h2>: the date line by the
    <h2> still beats metadata of another day. An archived copy's Wayback toolbar (its
    capture time) never dates the page, with or without metadata."""
    page = _page(lang, title, author, clock, dateline, related, body, "2024-12-06")
    logo = page.replace('<h1 class="entry-title">', '<h2 class="entry-title">').replace(
        "</h1>", "</h2>"
    )
    logo = logo.replace("<body>", '<body><header><h1 class="site-title">Site</h1></header>')
    assert _published(logo) == (day, "header")
    archived = page.replace("<body>", "<body>" + WAYBACK)
    assert _published(archived) == (day, "header")
    no_meta = _page(lang, title, author, clock, dateline, related, body, None)
    assert _published(no_meta.replace("<body>", "<body>" + WAYBACK))[0] == day
