"""Hostile third-party text never runs: a payload corpus (tests/payloads/vectors.txt) placed in article bodies,
titles, front matter (title, url, author), outlet settings and names, and file names; the site is built once by
the real pipeline with mkdocs, then checked statically (every generated page and site file) and in headless
Chromium (every HTML page): no dialog, no executed payload, no request to a host but 127.0.0.1, and the hostile
text still reads as text.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser_kit import need_chromium, serve
from playwright.sync_api import Browser
from project_kit import build, make_project

from builder.analysis import Analyser
from builder.render.sanitize import clean_body

VECTORS = Path(__file__).resolve().parent / "payloads" / "vectors.txt"
OUTLETS = 5
DANGEROUS_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base",
                  "form", "input", "video", "audio", "source", "marquee", "body", "x", "textarea", "title",
                  "noscript", "button"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}
SAFE_URL = re.compile(r"^(https?://|mailto:|#|\.{0,2}/|[\w.-]+(/|\.html|\.xml|\.json|\.csv|#|$)|\?)", re.IGNORECASE)


def load_payloads() -> list[str]:
    lines = [line for line in VECTORS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("%%")]
    return [line.replace("\\n", "\n").replace("{JS}", f"window.__pwned{n}=1") for n, line in enumerate(lines)]


PAYLOADS = load_payloads()


def article(title: str | None, body_lines: list[str], meta: dict[str, object] | None = None) -> str:
    head = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
    return head + (f"{title}\n\n" if title else "") + "\n\n".join(body_lines) + "\n"


def hostile_data(project: Path) -> None:
    """Every payload as title, url, author and body line; some as .txt title lines and file names; five
    outlets named by payloads; one outlet folder whose name is a payload (not in outlets.yml)."""
    articles = project / "data" / "articles"
    outlets = {f"h{k}": {"name": PAYLOADS[k], "homepage": f"javascript:window.__pwnedH{k}=1",
                         "country": PAYLOADS[k + OUTLETS], "notes": [PAYLOADS[k + 2 * OUTLETS]]}
               for k in range(OUTLETS)}
    with (project / "data" / "outlets.yml").open("a", encoding="utf-8") as stream:
        stream.write("\n" + yaml.safe_dump(outlets, allow_unicode=True))
    for n, payload in enumerate(PAYLOADS):
        folder = articles / f"h{n % OUTLETS}"
        folder.mkdir(exist_ok=True)
        body = [f"Officials in town {n} said on Monday that case {n} was closed.", payload,
                f"A spokesperson told reporters on day {n} that vector {n} might be harmless."]
        # the title differs from the body line, which would otherwise be removed as a repeat of the title
        meta = {"title": f"{payload} #{n}", "url": payload, "author": payload, "published": dt.date(2020, 1, 1 + n % 28)}
        (folder / f"p{n:03d}.md").write_text(article(None, body, meta), encoding="utf-8")
        if n % 4 == 0:
            text = [f"The mayor of city {n} claimed on Friday that file {n} was lost.", payload]
            (folder / f"t{n:03d}.txt").write_text(article(payload.replace("\n", " "), text), encoding="utf-8")
        if n % 7 == 0:
            name = payload.replace("/", "∕").replace("\n", " ")[:120] + ".txt"
            text = [f"Experts in region {n} believe that name {n} could be odd."]
            (folder / name).write_text(article(f"Named file {n}", text), encoding="utf-8")
    odd = articles / '"><svg onload=window.__pwnedF=1>'
    odd.mkdir()
    (odd / "a.txt").write_text(article("Folder payload", ["The council said the folder was strange."]), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(analyser: Analyser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    hostile_data(project)
    report = build(project, analyser)
    assert report.articles > len(PAYLOADS), report.warnings
    return project


def test_corpus_is_large_enough() -> None:
    assert len(PAYLOADS) >= 50


class Markup(html.parser.HTMLParser):
    """Tags and attributes of one HTML (or Markdown-with-HTML) text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value and not SAFE_URL.match(value.strip()):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")


def markup_problems(text: str, tags: set[str]) -> list[str]:
    parser = Markup()
    parser.feed(text)
    found = [f"<{tag}>" for tag in tags if re.search(rf"<{tag}[\s/>]", text, re.IGNORECASE)]
    return parser.found + found


def test_generated_pages_carry_no_markup_from_the_payloads(hostile_site: Path) -> None:
    problems = {}
    for page in sorted((hostile_site / "docs").rglob("*.md")):
        # the renderer's own charts are inline SVG with <title> tooltips: their attributes are still checked
        found = markup_problems(page.read_text(encoding="utf-8"), DANGEROUS_TAGS - {"svg", "title"})
        if found:
            problems[str(page.relative_to(hostile_site))] = found
    assert problems == {}


def test_site_html_carries_no_markup_from_the_payloads(hostile_site: Path) -> None:
    problems = {}
    for page in sorted((hostile_site / "site").rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        # the theme's own tags (scripts, svg icons, meta, link, title, the search form) are expected
        found = markup_problems(text, {"iframe", "object", "embed", "math", "base", "video", "audio",
                                       "marquee", "x", "textarea", "noscript"})
        found += [m for m in re.findall(r"<script[^>]*>", text) if "src=" in m and "http" in m]
        found += ["__pwned"] * ("__pwned" in re.sub(r"&[^;\s]+;|[^<]+(?=<)", "", text))
        if found:
            problems[str(page.relative_to(hostile_site))] = found
    assert problems == {}


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_allowlist_removes_markup_even_unescaped(payload: str) -> None:
    """The nh3 layer alone, given a payload as if escaping had failed, keeps only the highlighter's markup."""
    cleaned = clean_body(f'<div class="article-body"><p>{payload}</p></div>')
    assert markup_problems(cleaned, DANGEROUS_TAGS) == []
    assert re.findall(r"<(\w+)", cleaned) and set(re.findall(r"<(\w+)", cleaned)) <= {"div", "p", "mark", "span", "br"}


@pytest.fixture(scope="module")
def served(hostile_site: Path) -> Iterator[str]:
    need_chromium()
    with serve(hostile_site / "site") as url:
        yield url


def readable(line: str) -> str:
    """The line as the page shows it: bidi controls dropped (they could reorder the text), spaces collapsed."""
    return " ".join(re.sub("[\u202a-\u202e\u2066-\u2069]", "", line).split())


PROBE = """() => ({
  flags: Object.keys(window).filter(k => k.startsWith("__pwned")),
  handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
      .filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
  urls: [...document.querySelectorAll("[href],[src],[action],[data]")]
      .map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action") || e.getAttribute("data"))
      .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
  embedded: document.querySelectorAll("iframe,object,embed,base,meta[http-equiv]").length,
  text: [...document.querySelectorAll(".article-body")].map(e => e.innerText).join("\\n"),
})"""


@pytest.mark.slow
def test_no_payload_runs_in_chromium(served: str, hostile_site: Path, browser: Browser) -> None:
    pages = sorted(p.relative_to(hostile_site / "site").as_posix() for p in (hostile_site / "site").rglob("*.html"))
    dialogs: list[str] = []
    hosts: set[str] = set()
    live: dict[str, object] = {}
    texts: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or request.url))
    for relative in pages:
        page.goto(served + relative, wait_until="load")
        result = page.evaluate(PROBE)
        texts.append(result.pop("text"))
        if any(result.values()):
            live[relative] = result
    page.close()
    assert dialogs == [] and live == {}
    assert hosts == {"127.0.0.1"}
    shown = " ".join(" ".join(texts).split())
    missing = [n for n, payload in enumerate(PAYLOADS)
               if any(readable(line) not in shown for line in payload.split("\n") if len(line.strip()) > 8)]
    assert missing == [], [PAYLOADS[n] for n in missing]  # escaped, not deleted
