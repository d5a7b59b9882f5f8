"""The dashboard in a real headless Chromium against `streamlit run dashboard.py`.

Runs on the bundled corpus (data/articles). Skipped when /usr/bin/chromium or
playwright is missing. Saves docs/screenshots/{overview,map,statements}.png.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_dashboard

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="module")
def server():
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    env = dict(os.environ)
    env.pop("DIPLOMAP_DATA", None)  # the bundled corpus
    with open(os.devnull, "wb") as log, running_dashboard(env, log) as (url, _proc):
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def wait_for_app(page) -> None:
    page.wait_for_selector('[data-testid="stSidebar"]')
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    # let the script run finish
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def map_countries(page) -> int:
    page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length > 0")
    return page.locator("path.choroplethlocation").count()


def chips(page) -> list[str]:
    sidebar = page.locator('[data-testid="stSidebar"]')
    return [t.strip() for t in sidebar.locator("[data-tag]").all_inner_texts()]


def test_map_filter_share_and_screenshots(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(browser)
    external: list[str] = []
    page.on(
        "request",
        lambda r: (
            external.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None
        ),
    )

    page.goto(server + "/")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)

    page.goto(server + "/map")
    wait_for_app(page)
    before = map_countries(page)
    assert before >= 3  # the bundled articles name Russia, Palestine, Israel, Syria …
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)

    # apply a country filter through the sidebar's multiselect
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.locator('[data-testid="stMultiSelect"]').first
    box.click()
    page.keyboard.type("Syria")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('country=')")
    query = parse_qs(urlsplit(page.url).query)
    assert query["country"] == ["Syria"]
    assert urlsplit(page.url).path.endswith("/map")
    page.wait_for_timeout(1500)
    wait_for_app(page)
    after = map_countries(page)
    assert after == 1
    assert chips(page) == ["Syria"]

    # the same URL in a fresh page gives the same view
    fresh = new_page(browser)
    fresh.goto(page.url)
    wait_for_app(fresh)
    assert map_countries(fresh) == 1
    assert chips(fresh) == ["Syria"]
    assert "country=Syria" in fresh.url

    # statements page keeps the filter (carried by the URL), and shows an article
    fresh.goto(re.sub(r"/map\?", "/statements?", fresh.url))
    wait_for_app(fresh)
    fresh.wait_for_selector('[data-testid="stDataFrame"]')
    assert chips(fresh) == ["Syria"]
    # select the first statement: its article is shown, right to left, highlighted
    grid = fresh.locator('[data-testid="stDataFrame"]')
    box = grid.bounding_box()
    fresh.mouse.click(box["x"] + 15, box["y"] + 52)
    article = fresh.locator(".dm-article")
    article.wait_for()
    assert article.get_attribute("dir") == "rtl"  # the bundled articles are Arabic and Persian
    assert fresh.locator(".dm-article .dm-place").count() > 0
    assert fresh.locator(".dm-article .dm-statement").count() > 0
    fresh.wait_for_timeout(1000)
    fresh.screenshot(path=str(SHOTS / "statements.png"), full_page=True)

    # clicking a country on the map focuses the whole app on it
    clicker = new_page(browser)
    clicker.goto(server + "/map")
    wait_for_app(clicker)
    n = map_countries(clicker)
    areas = [clicker.locator("path.choroplethlocation").nth(i).bounding_box() for i in range(n)]
    largest = max(
        range(n), key=lambda i: (areas[i] or {}).get("width", 0) * (areas[i] or {}).get("height", 0)
    )
    clicker.locator("path.choroplethlocation").nth(largest).click(force=True)
    clicker.wait_for_function("() => location.search.includes('country=')")
    wait_for_app(clicker)
    clicker.wait_for_function(
        "() => document.querySelectorAll('path.choroplethlocation').length === 1"
    )
    assert len(chips(clicker)) == 1

    # nothing was fetched from outside (topojson is served by the app itself)
    assert external == [], external
