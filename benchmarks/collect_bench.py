"""How fast `collect` turns pages into articles, without the internet: N generated pages
in the four languages served on 127.0.0.1, collected with no pause (--delay 0, one
host), then rebuilt from the WARC files (`collect --from-warc`).

    .venv/bin/python benchmarks/collect_bench.py [N]     # default 300 pages

Prints pages/s for both; the pause between requests (1 s per host by default) is what
bounds a real collection, not this.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from collect_sites import AR_TEXT, EN_TEXT, FA_TEXT, RU_TEXT, FixtureServer, page  # noqa: E402

from diplomap.collect.fetch import Politeness  # noqa: E402
from diplomap.collect.run import Options, collect, rebuild_from_warc  # noqa: E402

TEXTS = {"ar": AR_TEXT, "fa": FA_TEXT, "ru": RU_TEXT, "en": EN_TEXT}


def serve(n: int) -> tuple[FixtureServer, list[str]]:
    server = FixtureServer().start()
    server.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    urls = []
    for i in range(n):
        lang = list(TEXTS)[i % 4]
        body = " ".join([TEXTS[lang]] * 6) + f" {i}."
        path = f"/{lang}/2024/02/{1 + i % 28:02d}/{i}.html"
        server.add(path, page(f"{lang} {i}", body, lang=lang, date_meta="2024-02-13"))
        urls.append(server.url(path))
    return server, urls


def main(n: int) -> None:
    server, urls = serve(n)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            links = Path(tmp) / "links.txt"
            links.write_text("\n".join(urls))
            out = Path(tmp) / "c"
            polite = Politeness(user_agent="bench", delay=0.0, timeout=10.0)
            started = time.perf_counter()
            summary = collect(Options(out=out, url_lists=[links], politeness=polite))
            fetched = time.perf_counter() - started
            started = time.perf_counter()
            rebuilt = rebuild_from_warc(out)
            again = time.perf_counter() - started
            size = sum(p.stat().st_size for p in (out / "warc").glob("*.warc.gz"))
    finally:
        server.stop()
    print(f"collect: {summary.articles} articles in {fetched:.1f} s ({n / fetched:,.0f} pages/s)")
    print(f"--from-warc: {rebuilt.articles} articles in {again:.1f} s ({n / again:,.0f} pages/s)")
    print(f"WARC: {size / 1024:,.0f} KB ({size / n / 1024:.1f} KB a page, gzipped)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
