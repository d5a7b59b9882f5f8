"""One article as HTML: places and issue terms highlighted, Lavrov's sentences shaded
(titled with their kind and evidence), boilerplate greyed and struck through,
right-to-left for Arabic and Persian. Every piece of article text goes through
html.escape; the only markup is ours."""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

import pandas as pd

from diplomap import schema as S
from diplomap.explore.labels import (
    LANGUAGE_NAMES,
    RTL_LANGUAGES,
    evidence_label,
    issue_label,
    kind_label,
)
from diplomap.spans import leftmost_longest


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "place" | "issue" | "statement" | "boiler"
    title: str = ""


def _spans(df: pd.DataFrame, n: int):
    """(row, start, end) of the rows whose span lies within the text."""
    for row in df.itertuples(index=False):
        s, e = int(getattr(row, S.START)), int(getattr(row, S.END))
        if 0 <= s < e <= n:
            yield row, s, e


def _inline_marks(n: int, places: pd.DataFrame, issues: pd.DataFrame) -> list[_Mark]:
    """Places and issue terms, non-overlapping (the first, then the longest, wins)."""
    inline = [_Mark(s, e, "place", str(getattr(r, S.PLACE))) for r, s, e in _spans(places, n)]
    inline += [
        _Mark(s, e, "issue", issue_label(str(getattr(r, S.ISSUE)))) for r, s, e in _spans(issues, n)
    ]
    return leftmost_longest(inline)


def _statement_title(row) -> str:
    kind = kind_label(str(getattr(row, S.KIND, "") or ""))
    evidence = evidence_label(str(getattr(row, S.EVIDENCE, "") or ""))
    return " · ".join(x for x in (kind, evidence) if x)


def _block_marks(n: int, statements: pd.DataFrame, boilerplate: Sequence | None) -> list[_Mark]:
    """Lavrov's statements and the boilerplate spans."""
    blocks = [_Mark(s, e, "statement", _statement_title(r)) for r, s, e in _spans(statements, n)]
    for span in boilerplate if boilerplate is not None else []:
        try:
            s, e = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        if 0 <= s < e <= n:
            blocks.append(_Mark(s, e, "boiler", "removed as site furniture"))
    return blocks


ARTICLE_CSS = """
<style>
.dm-article{line-height:1.7;font-size:1rem;white-space:pre-wrap;overflow-wrap:anywhere;
 border:1px solid #e3ded3;border-radius:6px;padding:1rem;background:#fff;max-height:70vh;overflow:auto}
.dm-article[dir=rtl]{font-family:"Noto Naskh Arabic","Vazirmatn","Geeza Pro",serif;font-size:1.1rem}
.dm-place{background:#d8ecff;border-bottom:2px solid #3b82c4;border-radius:2px}
.dm-issue{background:#fff0c2;border-bottom:2px solid #c79200;border-radius:2px}
.dm-statement{background:#fbe9e7}
.dm-boiler{color:#9a9a9a;text-decoration:line-through;text-decoration-color:#c8c8c8}
.dm-legend span{margin-inline-end:1rem;padding:0 .3rem}
.dm-title{font-weight:600;font-size:1.15rem;margin-bottom:.4rem}
</style>
"""
LEGEND = (
    '<div class="dm-legend"><span class="dm-place">place</span>'
    '<span class="dm-issue">issue term</span><span class="dm-statement">Lavrov</span>'
    '<span class="dm-boiler">removed (site furniture)</span></div>'
)


def _body(text: str, inline: list[_Mark], blocks: list[_Mark]) -> str:
    """The text cut at every mark's ends, each piece escaped and wrapped in its marks."""
    cuts = {0, len(text)}
    for m in inline + blocks:
        cuts.update((m.start, m.end))
    inline_at = {m.start: m for m in inline}
    parts: list[str] = []
    open_inline: _Mark | None = None
    for a, b in itertools.pairwise(sorted(cuts)):
        if open_inline is None and a in inline_at:
            open_inline = inline_at[a]
        classes = [f"dm-{m.kind}" for m in blocks if m.start <= a and b <= m.end]
        title = " · ".join(
            m.title for m in blocks if m.kind == "statement" and m.start <= a < m.end
        )
        piece = html.escape(text[a:b])
        if open_inline is not None:
            classes.append(f"dm-{open_inline.kind}")
            title = open_inline.title
        if classes:
            attr = f' title="{html.escape(title, quote=True)}"' if title else ""
            piece = f'<span class="{" ".join(classes)}"{attr}>{piece}</span>'
        parts.append(piece)
        if open_inline is not None and b >= open_inline.end:
            open_inline = None
    return "".join(parts)


def article_html(
    article: dict | pd.Series,
    places: pd.DataFrame,
    issues: pd.DataFrame,
    statements: pd.DataFrame,
    show_title: bool = True,
) -> str:
    """The article (a row of Store.article_parts) with its marks, as HTML (its title
    on top unless `show_title` is False: article_header_html shows it)."""
    text = str(article.get(S.TEXT, "") or "")
    lang = str(article.get(S.LANGUAGE, "") or "")
    if not text:
        return NO_TEXT
    n = len(text)
    body = _body(
        text,
        _inline_marks(n, places, issues),
        _block_marks(n, statements, article.get(S.BOILERPLATE)),
    )
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    title = html.escape(str(article.get(S.TITLE, "") or ""))
    lang_attr = html.escape(lang if lang in LANGUAGE_NAMES and lang != "other" else "", quote=True)
    head = f'<div class="dm-title" dir="auto">{title}</div>' if title and show_title else ""
    return (
        ARTICLE_CSS
        + LEGEND
        + head
        + f'<div class="dm-article" dir="{direction}" lang="{lang_attr}">{body}</div>'
    )


NO_TEXT = (
    '<p class="dm-no-text" style="color:#5b5f66">The full text is not part of this corpus '
    "(a published corpus keeps statements, counts and links): the link above opens the "
    "original.</p>"
)


def safe_link(url: object) -> str | None:
    """The URL when it is an absolute http(s) address with a host, else None (no
    javascript:, data: or relative links from an article)."""
    text = str(url or "").strip()
    if not text or any(c in text for c in "\x00\n\r\t <>\"'`"):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


HEADER_CSS = """
<style>
.dm-head{margin:.2rem 0 .8rem}
.dm-head .dm-head-title{font-weight:600;font-size:1.2rem;line-height:1.4}
.dm-head .dm-head-meta{color:#5b5f66;font-size:.92rem;margin-top:.2rem}
.dm-head .dm-head-meta span+span:before{content:" · "}
.dm-head a{color:#b5362b}
</style>
"""


def article_header_html(article: dict) -> str:
    """The article's header: title, outlet, date (or "no date"), a link to the
    original (http/https only, new tab, no referrer) and the file name. Every value is
    escaped."""
    published = article.get(S.PUBLISHED)
    dated = hasattr(published, "date") and published == published  # NaT != NaT
    title = str(article.get(S.TITLE) or "").strip()
    file_name = PurePath(str(article.get(S.FILE) or "")).name
    meta = [
        f'<span class="dm-outlet">{html.escape(str(article.get(S.SOURCE) or "outlet unknown"))}</span>',
        f'<span class="dm-date">{published.date().isoformat() if dated else "no date"}</span>',
    ]
    link = safe_link(article.get(S.URL))
    if link:
        host = urlsplit(link).netloc
        meta.append(
            f'<span><a class="dm-link" href="{html.escape(link, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer" referrerpolicy="no-referrer">'
            f"{html.escape(host)} ↗</a></span>"
        )
    if file_name:
        meta.append(f'<span class="dm-file">{html.escape(file_name)}</span>')
    head = (
        f'<div class="dm-head-title" dir="auto">{html.escape(title or file_name or "Untitled")}</div>'
        f'<div class="dm-head-meta">{"".join(meta)}</div>'
    )
    return HEADER_CSS + f'<div class="dm-head">{head}</div>'


def _outlet_item(row) -> str:
    """One article of a cluster: outlet, date, and a link (http/https, new tab, no
    referrer) when it has an address."""
    published = getattr(row, S.PUBLISHED)
    date = published.date().isoformat() if published == published else "no date"
    outlet = html.escape(str(getattr(row, S.SOURCE) or "outlet unknown"))
    link = safe_link(getattr(row, S.URL))
    if link:
        outlet = (
            f'<a href="{html.escape(link, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer" referrerpolicy="no-referrer">{outlet} ↗</a>'
        )
    return f"<li>{outlet} <span>({date})</span></li>"


def carried_by_html(articles: pd.DataFrame) -> str:
    """Who carried the story (Store.cluster_articles: the articles of a reprint
    cluster, first published first): how many outlets, and each article."""
    outlets = {str(s) for s in articles[S.SOURCE] if str(s or "").strip()}
    n = len(outlets) + int((articles[S.SOURCE].fillna("").str.strip() == "").sum())
    items = "".join(_outlet_item(r) for r in articles.itertuples(index=False))
    heading = f"Carried by {n} outlet{'s' if n != 1 else ''}"
    return (
        f'<details class="dm-carried"{" open" if n > 1 else ""}><summary>{heading}</summary>'
        f'<ul style="margin:.2rem 0 .6rem">{items}</ul></details>'
    )


def statement_html(text: str) -> str:
    """One statement in full, escaped, in its own direction (dir="auto")."""
    return (
        '<blockquote dir="auto" style="border-inline-start:4px solid #b5362b;margin:.3rem 0;'
        'padding:.4rem .9rem;background:#fbe9e7;white-space:pre-wrap;font-size:1.05rem">'
        f"{html.escape(str(text))}</blockquote>"
    )


def article_caption(article: dict) -> str:
    """Source · date ("no date") · file name (never a server path) of an article."""
    published = article.get(S.PUBLISHED)
    dated = hasattr(published, "date") and published == published  # NaT != NaT
    meta = [
        str(article.get(S.SOURCE) or ""),
        published.date().isoformat() if dated else "no date",
        PurePath(str(article.get(S.FILE) or "")).name,
    ]
    return " · ".join(m for m in meta if m)
