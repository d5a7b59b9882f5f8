"""A feed's items in a text file: an RSS or Atom export ("<rss>...<item>", or one "<item>"
or "<entry>" pasted alone) read as articles: each item's title, date, link and content as
text, its markup gone. feedparser reads the XML (leniently, as feeds are written);
lxml turns an item's HTML into lines of text."""

from __future__ import annotations

import re
from html import unescape

# A text that opens as a feed or a feed's item does (after an XML declaration)
_FEED_START_RE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?<(rss|feed|item|entry|channel)[\s>]", re.I)
# The HTML elements that end a line of text
_BLOCK_END_RE = re.compile(r"(?i)<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr))\s*>")
_TAG_RE = re.compile(r"<[^>]{0,1000}>")
_BLANK_LINES_RE = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def looks_like_feed(text: str) -> bool:
    """Does the text open as an RSS or Atom feed, or one of its items pasted alone?"""
    return _FEED_START_RE.match(text[:2000]) is not None


def _wrapped(text: str) -> str:
    """A lone item or entry inside the feed element feedparser expects."""
    kind = _FEED_START_RE.match(text[:2000]).group(1).lower()
    body = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    if kind == "item":
        return f'<rss version="2.0"><channel>{body}</channel></rss>'
    if kind == "entry":
        return f'<feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    if kind == "channel":
        return f'<rss version="2.0">{body}</rss>'
    return text


def html_to_text(html: str) -> str:
    """An item's HTML as plain text: a line per paragraph, the tags gone, entities
    decoded."""
    text = _BLOCK_END_RE.sub("\n\n", html)
    text = unescape(_TAG_RE.sub("", text))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def feed_entries(text: str) -> list[dict[str, str]]:
    """Each item of a feed text: {"title", "published", "url", "text"}; an empty list when
    the feed has no item with text."""
    import feedparser  # lazy: only for a feed

    parsed = feedparser.parse(_wrapped(text))
    out = []
    for entry in parsed.entries:
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        body = html_to_text(body or "")
        title = html_to_text(entry.get("title", ""))
        if not body.strip():
            continue
        out.append(
            {
                "title": title,
                "published": entry.get("published") or entry.get("updated") or "",
                "url": entry.get("link", ""),
                "text": f"{title}\n\n{body}" if title and not body.startswith(title) else body,
            }
        )
    return out
