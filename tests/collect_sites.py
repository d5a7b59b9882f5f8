"""Fixture web sites for the collect tests, served on 127.0.0.1 by a server the tests
start (never the internet).

`FixtureServer` serves routes (path -> Route) and logs every request (path, host, user
agent). `make_sites(server)` adds the sites the tests use: pages in the four languages
and their encodings (Windows-1256 without any charset among them), RSS and Atom feeds, a
sitemap index with a news sitemap, robots.txt that disallows /private/, 429 with
Retry-After, 503 then 200, a redirect loop, a slow page, a page larger than the cap, a
PDF, a malformed and a huge feed, a script-laden page, the same story under two URLs,
and a GDELT DOC answer for several windows (one of them at the 250-article cap).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Route:
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    # a function of (request number for this path, query) -> Route, for stateful routes
    dynamic: Callable[[int, dict], Route] | None = None


class FixtureServer:
    """A threaded HTTP server on 127.0.0.1 (port chosen by the OS)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, str]] = []  # (path with query, Host, User-Agent)
        self.counts: Counter = Counter()
        self.times: dict[str, list[float]] = {}  # path -> when each request arrived
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.serve(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> FixtureServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **kwargs)

    def paths(self) -> list[str]:
        with self.lock:
            return [p for p, _, _ in self.requests]

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        with self.lock:
            self.requests.append(
                (
                    handler.path,
                    handler.headers.get("Host", ""),
                    handler.headers.get("User-Agent", ""),
                )
            )
            self.counts[parts.path] += 1
            self.times.setdefault(parts.path, []).append(time.monotonic())
            n = self.counts[parts.path]
        route = self.routes.get(parts.path)
        if route is not None and route.dynamic is not None:
            route = route.dynamic(n, parse_qs(parts.query))
        if route is None:
            route = Route(b"not found", "text/plain", 404)
        if route.delay:
            time.sleep(route.delay)
        try:
            handler.send_response(route.status)
            handler.send_header("Content-Type", route.ctype)
            handler.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


# --- pages ------------------------------------------------------------------------------------

AR_TEXT = (
    "قال وزير الخارجية الروسي سيرغي لافروف اليوم إن روسيا مستعدة لمواصلة الحوار مع سوريا "
    "وتركيا بشأن التسوية السياسية. وأضاف لافروف في مؤتمر صحفي في موسكو أن الحل يجب أن يكون "
    "سياسيا وأن يحترم سيادة سوريا ووحدة أراضيها. وأشار الوزير إلى أن المحادثات ستستمر "
    "الأسبوع المقبل في جنيف بمشاركة الأمم المتحدة."
)
FA_TEXT = (
    "سرگئی لاوروف وزیر امور خارجه روسیه روز سه‌شنبه در دیدار با همتای ایرانی خود گفت که "
    "روسیه از ادامه گفت‌وگوها درباره برنامه هسته‌ای ایران حمایت می‌کند. لاوروف افزود که "
    "تحریم‌های یکجانبه غیرقانونی است و باید برداشته شود. این دیدار در مسکو برگزار شد و "
    "دو طرف درباره وضعیت سوریه و قفقاز نیز گفت‌وگو کردند."
)
RU_TEXT = (
    "Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва готова "
    "продолжать диалог с Тегераном по ядерной программе. По словам Лаврова, односторонние "
    "санкции против Ирана незаконны. Лавров также сообщил, что обсудил с иранским коллегой "
    "ситуацию в Сирии и на Южном Кавказе."
)
EN_TEXT = (
    "Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow was ready to keep "
    "talking to Ankara and Damascus about a political settlement in Syria. Lavrov told "
    "reporters in Moscow that any solution must respect Syria's sovereignty and territorial "
    "integrity. He added that the next round of talks would take place in Geneva."
)


def page(
    title: str,
    text: str,
    *,
    lang: str,
    date_meta: str | None = None,
    charset_meta: str | None = "utf-8",
    site: str | None = None,
    canonical: str | None = None,
    extra_head: str = "",
    extra_body: str = "",
) -> str:
    """An article page: title, metadata, three paragraphs of `text`."""
    head = [f"<title>{title}</title>"]
    if charset_meta:
        head.append(f'<meta charset="{charset_meta}">')
    if date_meta:
        head.append(f'<meta property="article:published_time" content="{date_meta}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    sentences = text.split(". ")
    paragraphs = "".join(f"<p>{s.strip('.')}.</p>" for s in sentences)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{"".join(head)}{extra_head}</head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        f"{extra_body}<footer>© site</footer></body></html>"
    )


def rss(items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 with (title, link, pubDate) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate>"
        f"<description>{t}</description></item>"
        for t, u, d in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>f</title>{body}</channel></rss>'


def atom(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<entry><title>{t}</title><link href="{u}"/><id>{u}</id><updated>{d}</updated></entry>'
        for t, u, d in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a</title>{body}</feed>'


def news_sitemap(items: list[tuple[str, str, str, str]]) -> str:
    """(url, title, publication date, language) items."""
    body = "".join(
        f"<url><loc>{u}</loc><news:news><news:publication><news:name>Site</news:name>"
        f"<news:language>{lang}</news:language></news:publication>"
        f"<news:publication_date>{d}</news:publication_date><news:title>{t}</news:title>"
        f"</news:news></url>"
        for u, t, d, lang in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + body + "</urlset>"
    )


def sitemap_index(urls: list[str]) -> str:
    body = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + body
        + "</sitemapindex>"
    )


# --- GDELT --------------------------------------------------------------------------------------


def gdelt_route(articles: list[dict], cap: int = 250) -> Route:
    """A GDELT DOC ArtList answer: the articles whose seendate falls in the query's
    window, at most `cap` (as the real API truncates)."""

    def answer(n: int, query: dict) -> Route:
        start = dt.datetime.strptime(query["startdatetime"][0], "%Y%m%d%H%M%S")
        end = dt.datetime.strptime(query["enddatetime"][0], "%Y%m%d%H%M%S")
        lang = query["query"][0].rsplit("sourcelang:", 1)[-1]
        inside = [
            a
            for a in articles
            if start <= dt.datetime.strptime(a["seendate"], "%Y%m%dT%H%M%SZ") <= end
            and a["language"].lower() == lang
        ]
        body = json.dumps({"articles": inside[:cap]} if inside else {})
        return Route(body.encode(), "application/json; charset=utf-8")

    return Route(dynamic=answer)


def gdelt_article(url: str, seen: dt.datetime, language: str = "Arabic", title: str = "t") -> dict:
    return {
        "url": url,
        "url_mobile": "",
        "title": title,
        "seendate": seen.strftime("%Y%m%dT%H%M%SZ"),
        "socialimage": "",
        "domain": "127.0.0.1",
        "language": language,
        "sourcecountry": "Egypt",
    }


# --- the fixture sites ----------------------------------------------------------------------------


def _retry_after_route(first: int, then: str) -> Route:
    def answer(n: int, query: dict) -> Route:
        if n == 1:
            return Route(b"slow down", "text/plain", first, {"Retry-After": "1"})
        return Route(then.encode(), "text/html; charset=utf-8")

    return Route(dynamic=answer)


def _unavailable_then_ok(then: str) -> Route:
    def answer(n: int, query: dict) -> Route:
        if n == 1:
            return Route(b"busy", "text/plain", 503)
        return Route(then.encode(), "text/html; charset=utf-8")

    return Route(dynamic=answer)


def make_sites(server: FixtureServer, slow: float = 3.0, big: int = 400_000) -> dict[str, str]:
    """Add the fixture sites to `server`; returns named URLs for the tests."""
    u = server.url
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    pages = {
        "ar": ("/ar/lavrov-syria.html", page("لافروف: الحل في سوريا سياسي", AR_TEXT, lang="ar",
                                              date_meta="2024-02-13T10:00:00+03:00", site="RT Arabic")),
        "fa": ("/fa/2024/03/05/lavrov-iran.html", page("لاوروف: تحریم‌ها غیرقانونی است", FA_TEXT, lang="fa")),
        "en": ("/en/2024/02/12/lavrov-geneva.html", page("Lavrov: Syria talks in Geneva", EN_TEXT, lang="en",
                                                      date_meta="2024-02-13")),
    }  # fmt: skip
    for path, html in pages.values():
        server.add(path, html)
    ru_html = page("Лавров: санкции против Ирана незаконны", RU_TEXT, lang="ru", charset_meta=None)
    server.add(
        "/ru/lavrov-iran.html", ru_html.encode("cp1251"), ctype="text/html; charset=windows-1251"
    )
    cp1256 = page(
        "لافروف يتحدث عن سوريا وتركيا", AR_TEXT.replace("اليوم", "أمس"), lang="", charset_meta=None
    )
    server.add("/ar/cp1256.html", cp1256.encode("cp1256"), ctype="text/html")
    scripts = "".join(
        f"<script>document.write('لافروف {i}');var x{i}=1;</script>" for i in range(300)
    )
    server.add("/en/scripts.html", page("Lavrov in Ankara", EN_TEXT.replace("Tuesday", "Monday"),
                                        lang="en", extra_head=scripts, extra_body=scripts + "<iframe src='javascript:alert(1)'></iframe>"))  # fmt: skip
    story = page("Lavrov meets Fidan", EN_TEXT.replace("Tuesday", "Friday"), lang="en")
    server.add("/en/story.html", story)
    server.add("/amp/en/story.html", story)  # the same story under a second URL
    server.add("/private/lavrov.html", page("Lavrov private", EN_TEXT, lang="en"))
    server.add("/en/lavrov-429.html", "")
    server.routes["/en/lavrov-429.html"] = _retry_after_route(
        429, page("Lavrov after 429", EN_TEXT.replace("Tuesday", "Sunday"), lang="en"))  # fmt: skip
    server.routes["/en/lavrov-503.html"] = _unavailable_then_ok(
        page("Lavrov after 503", EN_TEXT.replace("Tuesday", "Saturday"), lang="en"))  # fmt: skip
    server.add("/loop/a", b"", status=302, headers={"Location": "/loop/b"}, ctype="text/plain")
    server.add("/loop/b", b"", status=302, headers={"Location": "/loop/a"}, ctype="text/plain")
    server.add("/en/slow-lavrov.html", page("Lavrov slow", EN_TEXT, lang="en"), delay=slow)
    server.add(
        "/en/big-lavrov.html", page("Lavrov big", EN_TEXT * (big // len(EN_TEXT) + 1), lang="en")
    )
    server.add(
        "/docs/lavrov.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        ctype="application/pdf",
    )
    server.add("/en/empty-lavrov.html", "<html><body><nav>menu</nav></body></html>")

    items = [
        ("لافروف: الحل في سوريا سياسي", u(pages["ar"][0]), "Tue, 13 Feb 2024 10:00:00 GMT"),
        ("Лавров: санкции против Ирана незаконны", u("/ru/lavrov-iran.html"), "Tue, 05 Mar 2024 09:00:00 GMT"),
        ("Weather in Moscow", u("/en/weather.html"), "Tue, 05 Mar 2024 09:00:00 GMT"),
        ("Lavrov private notes", u("/private/lavrov.html"), "Tue, 05 Mar 2024 09:00:00 GMT"),
        ("Lavrov after 429", u("/en/lavrov-429.html"), "Sun, 03 Mar 2024 09:00:00 GMT"),
        ("Lavrov after 503", u("/en/lavrov-503.html"), "Sat, 02 Mar 2024 09:00:00 GMT"),
        ("Lavrov loops", u("/loop/a"), "Sat, 02 Mar 2024 09:00:00 GMT"),
        ("Lavrov slow", u("/en/slow-lavrov.html"), "Sat, 02 Mar 2024 09:00:00 GMT"),
        ("Lavrov big", u("/en/big-lavrov.html"), "Sat, 02 Mar 2024 09:00:00 GMT"),
        ("Lavrov's speech (PDF)", u("/docs/lavrov.pdf"), "Sat, 02 Mar 2024 09:00:00 GMT"),
        ("Lavrov: nothing here", u("/en/empty-lavrov.html"), "Sat, 02 Mar 2024 09:00:00 GMT"),
    ]  # fmt: skip
    server.add("/feeds/rss.xml", rss(items), ctype="application/rss+xml")
    server.add("/feeds/atom.xml", atom([
        ("لاوروف: تحریم‌ها غیرقانونی است", u(pages["fa"][0]), "2024-03-05T08:00:00Z"),
        ("Lavrov: Syria talks in Geneva", u(pages["en"][0]), "2024-02-12T08:00:00Z"),
        ("Lavrov meets Fidan", u("/en/story.html?utm_source=atom"), "2024-03-01T08:00:00Z"),
        ("Football results", u("/en/football.html"), "2024-03-01T08:00:00Z"),
    ]), ctype="application/atom+xml")  # fmt: skip
    server.add("/feeds/broken.xml", b"<<<this is not <xml at all", ctype="application/rss+xml")
    huge_items = [
        (f"Lavrov item {i}", u(f"/huge/{i}"), "Sat, 02 Mar 2024 09:00:00 GMT")
        for i in range(40_000)
    ]
    server.add("/feeds/huge.xml", rss(huge_items), ctype="application/rss+xml")
    server.add("/sitemap_index.xml", sitemap_index([u("/sitemap-news.xml"), u("/sitemap-missing.xml")]),
               ctype="application/xml")  # fmt: skip
    server.add("/sitemap-news.xml", news_sitemap([
        (u("/ar/cp1256.html"), "لافروف يتحدث عن سوريا وتركيا", "2024-01-20", "ar"),
        (u("/en/scripts.html"), "Lavrov in Ankara", "2024-01-22T10:00:00+00:00", "en"),
        (u("/amp/en/story.html"), "Lavrov meets Fidan (AMP)", "2024-03-01", "en"),
        (u("/en/sport.html"), "Cup final", "2024-03-01", "en"),
    ]), ctype="application/xml")  # fmt: skip
    return {
        "rss": u("/feeds/rss.xml"),
        "atom": u("/feeds/atom.xml"),
        "broken": u("/feeds/broken.xml"),
        "huge": u("/feeds/huge.xml"),
        "sitemap": u("/sitemap_index.xml"),
    }
