"""RSS and Atom exports in a text file are read as their items (title, date, link and text
without markup), per language; hostile or empty feeds lose nothing."""

from __future__ import annotations

import pytest

from diplomap.ingest import read_bytes

ITEMS = {  # (title, paragraph one, paragraph two)
    "ar": (
        "لافروف يحذر من كارثة في الحديدة",
        "حذر وزير الخارجية الروسي سيرغي لافروف من كارثة.",
        "وقال إن الحل سياسي.",
    ),
    "fa": (
        "لاوروف: گفت‌وگو تنها راه است",
        "سرگئی لاوروف گفت گفت‌وگو تنها راه است.",
        "وی افزود که مسکو آماده است.",
    ),
    "ru": (
        "Лавров: удары по Йемену расширяют конфликт",
        "Сергей Лавров назвал удары нарушением.",
        "Он добавил, что Россия против.",
    ),
    "en": (
        "Lavrov warns over Hodeidah",
        "Sergey Lavrov warned of a catastrophe.",
        "He said the answer was political.",
    ),
}


def rss_item(lang: str) -> str:
    title, one, two = ITEMS[lang]
    return (
        f"<item>\n<title>{title}</title>\n<link>https://example.org/{lang}/1</link>\n"
        "<pubDate>Thu, 18 Jan 2024 14:27:00 +0500</pubDate>\n"
        f"<description><![CDATA[{one}]]></description>\n"
        f"<content:encoded><![CDATA[<p>{one}</p>\n<p>{two} &amp; more.</p>]]></content:encoded>\n"
        "</item>\n"
    )


def atom_entry(lang: str) -> str:
    title, one, two = ITEMS[lang]
    return (
        f'<entry>\n<title>{title}</title>\n<link href="https://example.org/{lang}/2"/>\n'
        "<updated>2021-03-05T09:14:00+03:00</updated>\n"
        f'<content type="html">&lt;p&gt;{one}&lt;/p&gt;&lt;p&gt;{two}&lt;/p&gt;</content>\n'
        "</entry>\n"
    )


@pytest.mark.parametrize("lang", sorted(ITEMS))
def test_an_rss_item_pasted_alone_is_its_article(lang):
    result = read_bytes(f"{lang}.txt", rss_item(lang).encode())
    (article,) = result.articles
    title, one, two = ITEMS[lang]
    assert article.title == title
    assert article.published_raw == "Thu, 18 Jan 2024 14:27:00 +0500"
    assert article.url == f"https://example.org/{lang}/1"
    assert one in article.text and f"{two} & more." in article.text
    assert "<" not in article.text and "CDATA" not in article.text


@pytest.mark.parametrize("lang", sorted(ITEMS))
def test_an_atom_entry_pasted_alone_is_its_article(lang):
    (article,) = read_bytes(f"{lang}.txt", atom_entry(lang).encode()).articles
    title, one, two = ITEMS[lang]
    assert article.title == title and article.published_raw.startswith("2021-03-05")
    assert one in article.text and two in article.text and "<p>" not in article.text


def test_a_whole_feed_gives_each_item():
    items = "".join(rss_item(lang) for lang in ("ar", "en"))
    feed = f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Site</title>{items}</channel></rss>'
    result = read_bytes("feed.txt", feed.encode())
    assert [a.file for a in result.articles] == ["feed.txt#1", "feed.txt#2"]
    assert [a.title for a in result.articles] == [ITEMS["ar"][0], ITEMS["en"][0]]


@pytest.mark.parametrize(
    "text",
    [
        "<item><title>Lavrov",  # cut short
        "<item></item>",  # no text
        "<feed><entry><content>\x00\x01</content></entry>",  # garbage inside
        "<rss " + "<" * 5000,  # no XML at all
    ],
)
def test_a_broken_feed_is_read_as_text_or_skipped_without_a_crash(text):
    result = read_bytes("broken.txt", text.encode())
    assert len(result.articles) <= 1  # read as its text, or reported, never a traceback
