"""The reader's pages in headless Chromium at 1280 px and 390 px: screenshots (test-artifacts/), outlet columns
side by side on wide screens and stacked on phones, nothing wider than the screen, charts as labelled images,
and an axe-core check with no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from test_site_build import STORY

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PAGES = {
    "story": STORY,
    "home": "index.html",
    "outlet": "outlets/southfront.html",
    "article": "articles/southfront/moscow-to-share-intelligence-on-syria-with-turkey.html",
}
WIDTHS = (1280, 390)
pytestmark = pytest.mark.slow


def open_at(browser: Browser, url: str, width: int, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshot_and_no_sideways_scroll(browser: Browser, seed_site: str, name: str, width: int) -> None:
    page = open_at(browser, seed_site + PAGES[name], width)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reader-{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{name} at {width}px scrolls sideways by {overflow}px"
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_outlet_columns(browser: Browser, seed_site: str, width: int) -> None:
    page = open_at(browser, seed_site + STORY, width)
    columns = page.locator(".outlet-column")
    assert columns.count() == 2
    first, second = (columns.nth(i).bounding_box() for i in range(2))
    assert first is not None and second is not None
    if width >= 1000:
        assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1  # side by side
    else:
        assert abs(first["x"] - second["x"]) < 2 and second["y"] >= first["y"] + first["height"]  # stacked
    for i in range(2):
        assert columns.nth(i).locator(".article-body mark").count() > 0  # the highlights come along
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids on the story page"
    page.context.close()


def test_charts_are_labelled_images(browser: Browser, seed_site: str) -> None:
    page = open_at(browser, seed_site + STORY, 1280)
    charts = page.locator("svg.chart[role=img]")
    assert charts.count() == 2
    for i in range(2):
        chart = charts.nth(i)
        assert chart.is_visible()
        labelled = chart.get_attribute("aria-labelledby") or ""
        assert all(page.locator(f"[id='{part}']").count() == 1 for part in labelled.split())
    assert "PanARMENIAN.Net" in (page.locator("svg.chart desc").first.text_content() or "")
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_nothing_serious(browser: Browser, seed_site: str, name: str, scheme: str) -> None:
    page = open_at(browser, seed_site + PAGES[name], 1280, scheme)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}-{scheme}.txt").write_text(results.generate_report(), encoding="utf-8")
    assert serious == [], serious
    page.context.close()
