"""The dashboard in a real headless Chromium against `streamlit run dashboard.py`.

Runs on the bundled corpus (data/articles). Skipped when /usr/bin/chromium or
playwright is missing. Checks what only a browser shows (issue 11): one bar per period
with its label, whole-number ticks, a shared link with page controls changed reopening
the same view, a map click keeping the other countries visible, the source column
filled, every page's own path (/overview included) opening. Issue 12, on a second server over
generated articles with reprints: the "Count reprints once" switch and its link, the
Outlet, Outlets and Link columns, the Source filter from a link, and links to the
originals that open a new tab without referrer or opener. Screenshots go to a
temporary folder, or to docs/screenshots/ with `pytest --update-screenshots`.
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_dashboard

pytestmark = pytest.mark.browser

PAGES = ["overview", "map", "timeline", "issues", "statements", "data"]
TITLES = {"overview": "Lavrov and the Middle East", "statements": "Lavrov's statements"}


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


def new_page(browser, server: str, external: list[str] | None = None):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    if external is not None:
        page.on(
            "request",
            lambda r: (
                external.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None
            ),
        )
    return page


def wait_for_app(page) -> None:
    """Until the script runs are over (a link's first run may be followed by a rerun)."""
    page.wait_for_selector('[data-testid="stSidebar"]')
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    for _ in range(2):
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
        )
        page.wait_for_timeout(1200)


def chart(page, index: int) -> dict:
    """What plotly drew in the `index`-th chart: data, axes, tick labels, bars."""
    page.wait_for_function(
        "(i) => { const g = document.querySelectorAll('.js-plotly-plot')[i];"
        " return g && g._fullLayout; }",
        arg=index,
    )
    return page.evaluate(
        """(i) => {
          const gd = document.querySelectorAll('.js-plotly-plot')[i];
          const texts = (sel) => Array.from(gd.querySelectorAll(sel)).map(t => t.textContent);
          const fl = gd._fullLayout;
          return {
            data: gd.data.map(t => ({type: t.type, name: t.name, x: t.x, y: t.y,
                                     locations: t.locations})),
            categories: fl.xaxis ? fl.xaxis._categories : null,
            xticks: texts('.xtick text'),
            yticks: texts('.ytick text'),
            y2ticks: texts('.y2tick text'),
            bars: gd.querySelectorAll('.barlayer .trace:first-child .point').length,
            geo: fl.geo ? {lon: fl.geo.lonaxis.range} : null,
          };
        }""",
        index,
    )


def whole(ticks: list[str]) -> bool:
    return bool(ticks) and all(re.fullmatch(r"[0-9,]+", t.replace("\u2212", "-")) for t in ticks)


def chips(page, wait: bool = False) -> list[str]:
    """The sidebar's chosen options (`wait`: until at least one is drawn)."""
    if wait:
        page.wait_for_function(
            "() => document.querySelectorAll('[data-testid=\"stSidebar\"] [data-tag]').length > 0",
            timeout=30_000,
        )
    sidebar = page.locator('[data-testid="stSidebar"]')
    return [t.strip() for t in sidebar.locator("[data-tag]").all_inner_texts()]


def map_paths(page) -> int:
    page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length > 0")
    return page.locator("path.choroplethlocation").count()


def test_every_page_path_opens(server, browser):
    page = new_page(browser, server)
    for name in PAGES:
        page.goto(f"{server}/{name}")
        wait_for_app(page)
        assert "page not found" not in page.content().lower(), name
        title = page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()
        assert title == TITLES.get(name, name.title()), (name, title)
        assert urlsplit(page.url).path == f"/{name}"


def test_overview_bars_are_periods_with_whole_ticks(server, browser, screenshot_dir):
    external: list[str] = []
    page = new_page(browser, server, external)
    page.goto(server + "/overview")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    timeline = chart(page, 0)
    periods = timeline["categories"]
    # the bundled articles are dated 2021 and 2024: every year between, one bar each
    assert periods == ["2021", "2022", "2023", "2024"], periods
    assert timeline["xticks"] == periods
    assert timeline["bars"] == len(periods)
    assert whole(timeline["yticks"]) and whole(timeline["y2ticks"])
    for i in (1, 2):  # the rankings
        assert whole(chart(page, i)["xticks"])
    page.get_by_text("Month", exact=True).first.click()
    page.wait_for_function("() => location.search.includes('ov_period=Month')")
    wait_for_app(page)
    monthly = chart(page, 0)
    assert monthly["categories"][0] == "2021-02" and monthly["categories"][-1] == "2024-02"
    assert monthly["bars"] == len(monthly["categories"]) == 37
    assert whole(monthly["yticks"])
    page.screenshot(path=str(screenshot_dir / "overview.png"), full_page=True)
    assert external == [], external


def test_map_click_keeps_the_other_countries(server, browser, screenshot_dir):
    external: list[str] = []
    page = new_page(browser, server, external)
    page.goto(server + "/map")
    wait_for_app(page)
    before = chart(page, 0)["data"][0]["locations"]
    assert len(before) >= 3
    n = map_paths(page)
    paths = page.locator("path.choroplethlocation")
    areas = [paths.nth(i).bounding_box() or {} for i in range(n)]
    largest = max(range(n), key=lambda i: areas[i].get("width", 0) * areas[i].get("height", 0))
    paths.nth(largest).click(force=True)
    page.wait_for_function("() => location.search.includes('country=')")
    wait_for_app(page)
    page.wait_for_timeout(1500)
    after = chart(page, 0)["data"]
    assert after[0]["locations"] == before  # every country stays on the map
    assert map_paths(page) > 1
    chosen = chips(page, wait=True)
    assert len(chosen) == 1
    # the Focus box shows the clicked country
    focus = page.locator('[data-testid="stSelectbox"]').filter(has_text="Focus country")
    assert focus.locator("input").input_value() == chosen[0]
    assert any(t["name"] == "selected" for t in after)
    page.screenshot(path=str(screenshot_dir / "map.png"), full_page=True)
    assert external == [], external


def test_a_shared_link_reopens_the_same_view(server, browser):
    page = new_page(browser, server)
    page.goto(server + "/map")
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]').first.click()
    page.keyboard.type("Syria")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('country=')")
    wait_for_app(page)
    page.get_by_text("World", exact=True).click()
    page.wait_for_function("() => location.search.includes('map_region=World')")
    wait_for_app(page)
    page.get_by_text("Leave Russia out of the colour scale").click()
    page.wait_for_function("() => location.search.includes('map_no_rus=false')")
    wait_for_app(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["country"] == ["Syria"] and query["map_region"] == ["World"]
    sidebar.get_by_text("Share this view").click()
    page.wait_for_function(
        '() => [...document.querySelectorAll(\'[data-testid="stSidebar"] [data-testid="stCode"] code\')]'
        ".some(c => c.textContent.includes('map_no_rus=false'))"
    )
    link = sidebar.locator('[data-testid="stCode"] code').inner_text().strip()
    assert parse_qs(urlsplit(link).query) == query, (link, page.url)
    assert urlsplit(link).path == "/map"

    fresh = new_page(browser, server)
    fresh.goto(link)
    wait_for_app(fresh)
    assert chips(fresh, wait=True) == ["Syria"]
    view = chart(fresh, 0)
    assert view["geo"]["lon"] == [-180, 180]
    assert "RUS" in view["data"][0]["locations"]  # Russia back on the colour scale
    assert fresh.get_by_role("radio", name="World").is_checked()
    assert parse_qs(urlsplit(fresh.url).query) == query


def test_statements_show_the_source_and_the_article(server, browser, screenshot_dir):
    page = new_page(browser, server)
    page.goto(server + "/statements")
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]')
    grid.locator("th").first.wait_for(state="attached")
    headers = grid.locator("th").all_inner_texts()
    assert "Outlet" in [h.strip() for h in headers], headers
    column = [h.strip() for h in headers].index("Outlet")
    rows = grid.locator("tbody tr")
    outlets = [rows.nth(i).locator("td").nth(column).inner_text().strip() for i in range(3)]
    assert all(outlets), outlets  # the bundled articles name their outlet
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 70)
    page.wait_for_function("() => location.search.includes('statement=')")
    article = page.locator(".dm-article")
    article.wait_for()
    assert article.get_attribute("dir") == "rtl"
    head = page.locator(".dm-head").inner_text()
    assert outlets[0] in head or any(o in head for o in outlets)
    assert page.locator(".dm-article .dm-statement").count() > 0
    # the link names the statement: a fresh page shows the same article
    fresh = new_page(browser, server)
    fresh.goto(page.url)
    wait_for_app(fresh)
    fresh.locator(".dm-head").wait_for()
    assert fresh.locator(".dm-head").inner_text() == head
    page.wait_for_timeout(800)
    page.screenshot(path=str(screenshot_dir / "statements.png"), full_page=True)


def test_a_hand_written_link_with_codes_keeps_them_in_the_address(server, browser):
    """?country=SYR&lang=ar applies Syria and Arabic and the address bar says so (the
    codes rewritten to the labels the app shows), never dropped while still applied."""
    page = new_page(browser, server)
    page.goto(server + "/overview?country=SYR&lang=ar")
    wait_for_app(page)
    query = parse_qs(urlsplit(page.url).query)
    assert sorted(chips(page, wait=True)) == ["Arabic", "Syria"]
    assert query.get("country") == ["Syria"] and query.get("lang") == ["Arabic"], page.url


# --- issue 12: reprints, sources and links, on a corpus with reprints -------------------------


@pytest.fixture(scope="module")
def reprint_server(tmp_path_factory):
    """A dashboard on a data folder of generated articles: one wire story under three
    outlets (and two addresses), four distinct stories (tests/reprint_articles.py)."""
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from reprint_articles import write_collection

    data = tmp_path_factory.mktemp("reprint_data")
    write_collection(data / "articles")
    env = {**os.environ, "DIPLOMAP_DATA": str(data)}
    with open(os.devnull, "wb") as log, running_dashboard(env, log) as (url, _proc):
        yield url


def metric_value(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_reprint_switch_counts_each_story_once(reprint_server, browser):
    external: list[str] = []
    page = new_page(browser, reprint_server, external)
    page.goto(reprint_server + "/overview")
    wait_for_app(page)
    switch = page.get_by_role("switch", name="Count reprints once")
    assert switch.is_checked() and switch.is_enabled()
    assert metric_value(page, "Articles") == "5"
    page.get_by_text("Count reprints once", exact=True).click()
    page.wait_for_function("() => location.search.includes('reprints=false')")
    wait_for_app(page)
    assert metric_value(page, "Articles") == "8"
    fresh = new_page(browser, reprint_server)  # the link reopens the same view
    fresh.goto(page.url)
    wait_for_app(fresh)
    assert not fresh.get_by_role("switch", name="Count reprints once").is_checked()
    assert metric_value(fresh, "Articles") == "8"
    assert external == [], external


def test_statements_show_outlets_and_link_to_the_original(reprint_server, browser):
    external: list[str] = []
    page = new_page(browser, reprint_server, external)
    page.goto(reprint_server + "/statements?source=TASS&source=RT")
    wait_for_app(page)
    assert sorted(chips(page, wait=True)) == ["RT", "TASS"]  # the Source filter, from the link
    grid = page.locator('[data-testid="stDataFrame"]')
    grid.locator("th").first.wait_for(state="attached")
    headers = [h.strip() for h in grid.locator("th").all_inner_texts()]
    assert {"Outlet", "Outlets", "Link"} <= set(headers), headers
    rows = grid.locator("tbody tr")
    cells = [rows.nth(0).locator("td").nth(headers.index(h)).inner_text().strip() for h in ("Outlet", "Outlets", "Link")]  # fmt: skip
    assert cells[0] == "TASS" and cells[1] == "3" and cells[2].startswith("https://"), cells
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 70)  # select the first row
    page.wait_for_function("() => location.search.includes('statement=')")
    page.locator(".dm-carried").wait_for()
    assert "Carried by 3 outlets" in page.locator(".dm-carried summary").inner_text()
    links = page.locator(".dm-head a, .dm-carried a")
    assert links.count() == 5  # the header's, and one per article of the story
    for i in range(links.count()):
        link = links.nth(i)
        assert link.get_attribute("href").startswith("https://")
        assert link.get_attribute("target") == "_blank"
        assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    # following one: a new tab, no Referer sent, no window.opener (answered here: the
    # request never leaves the machine)
    sent: list[dict] = []

    def answer(route, request):
        sent.append(request.headers)
        route.fulfill(status=200, body="the original", content_type="text/plain")

    page.context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), answer)
    with page.context.expect_page() as opened:
        links.first.click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.startswith("https://") and tab.url != page.url
    assert sent and not any("referer" in h for h in sent), sent
    assert tab.evaluate("() => window.opener") is None
    assert external == [], external  # the dashboard's page fetched nothing outside
