"""What the browser and HTTP tests share: a quiet local server on 127.0.0.1 and Debian's headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# No Google services, no sandbox (root in CI), no GPU: the flags this machine's closed network needs.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def need_chromium() -> None:
    """Skip without Debian's Chromium, except in CI (REQUIRE_BROWSER=1), where its absence is a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is absent but REQUIRE_BROWSER=1: install Debian's `chromium`")
        pytest.skip(f"{CHROMIUM} is absent (Debian package `chromium`): browser tests need it")


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on an ephemeral port of 127.0.0.1; yields the base URL ending in '/'."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    need_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
