"""The built site in headless Chromium: the comparison table, highlights with tooltips, no console errors,
and no request to any host but the local server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from test_site_build import STORY

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARTICLE = "articles/southfront/moscow-to-share-intelligence-on-syria-with-turkey.html"
pytestmark = pytest.mark.slow


def open_page(browser: Browser, url: str, scheme: str = "light") -> tuple[Page, list[str], list[str]]:
    """A page at `url`, with the console errors (and dialogs) and the hosts of every request made."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400},
                                  color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    errors: list[str] = []
    hosts: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or request.url))
    page.goto(url, wait_until="networkidle")
    return page, errors, hosts


def test_story_page_table(browser: Browser, seed_site: str) -> None:
    page, errors, hosts = open_page(browser, seed_site + STORY)
    figures = page.locator("xpath=//h2[@id='figures']/following::table[1]")
    headers = figures.locator("th").all_inner_texts()
    assert "PanARMENIAN.Net" in headers and "SouthFront" in headers
    assert figures.locator("tbody tr").count() >= 10
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-light.png"), full_page=True)
    assert errors == []
    assert set(hosts) == {"127.0.0.1"}


def test_story_page_dark(browser: Browser, seed_site: str) -> None:
    page, errors, hosts = open_page(browser, seed_site + STORY, scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.screenshot(path=str(ARTIFACTS / "story-dark.png"), full_page=True)
    assert errors == [] and set(hosts) == {"127.0.0.1"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_highlights_and_tooltips(browser: Browser, seed_site: str, scheme: str) -> None:
    page, errors, hosts = open_page(browser, seed_site + ARTICLE, scheme=scheme)
    marks = page.locator(".article-body mark")
    assert marks.count() > 0
    titles = [marks.nth(i).get_attribute("title") for i in range(marks.count())]
    assert all(titles) and all(" · " in t for t in titles if t)
    assert page.locator(".hl-legend mark").count() == 8
    page.locator("#text").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"article-{scheme}.png"))
    assert errors == [] and set(hosts) == {"127.0.0.1"}


def test_hostile_article_runs_no_script(browser: Browser, seed_site: str) -> None:
    page, errors, _ = open_page(browser, seed_site + "articles/hostile/page.html")
    page.wait_for_timeout(300)
    assert errors == []  # no alert() dialog, no script error
    assert "<script>alert(1)</script>" in page.locator(".article-body").inner_text()
