"""The date line a web page shows by its headline (`Article.page_dates`: the page's
visible date lines in page order, the headline's line marked "# ", read on ingestion),
read like the header of a text: the article's own date line beats the page's metadata
when the two disagree (a CMS that stamps another day, another time zone), and dates a
page whose metadata and text give none."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diplomap.extract.dates import DateCandidate, PublicationDate, find_publication_date

__all__ = ["page_date", "with_page_date"]

# A date read from the page's metadata, from the text's body or not at all gives way to
# the page's own date line; the text's own header or dateline does not
_YIELDS_TO_THE_PAGE = frozenset({"metadata", "body", "url", "none"})


def page_date(lines: str, lang: str, today: dt.date | None = None) -> DateCandidate | None:
    """The day the page's date lines give as its publication (a published label, a date
    line by the headline; never an "updated" stamp, a clock or a relative time), or None."""
    if not lines:
        return None
    rows = lines.split("\n")
    title = next((row[2:] for row in rows if row.startswith("# ")), "")
    text = "\n".join(row[2:] if row.startswith("# ") else row for row in rows)
    found = find_publication_date(text, lang, title=title, today=today)
    if found.date is None or found.precision != "day" or found.source not in ("header", "dateline"):
        return None
    return DateCandidate(found.date, "published", "day", found.text or "", None)


def with_page_date(
    pub: PublicationDate, lines: str, lang: str, today: dt.date | None = None
) -> PublicationDate:
    """`pub`, or the page's own date line's day when it differs and `pub` was read from
    the metadata, the body or nowhere (source "header", no span in the article text)."""
    if not lines or pub.source not in _YIELDS_TO_THE_PAGE:
        return pub
    page = page_date(lines, lang, today)
    if page is None or page.date == pub.date:
        return pub
    found = PublicationDate(page.date, "header", "day", page.text, None)
    return replace(found, date_candidates=(page, *pub.date_candidates))
