"""The site built in parts (builder.site_build): the same bytes as one `mkdocs build`, with the real mkdocs."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import pytest
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import File, get_files
from test_site_build import build_site, site_corpus

from builder.analysis import Analyser
from builder.config import load_config
from builder.errors import ConfigError, SiteBuildError
from builder.render import RenderContext, render_site
from builder.site_build import PARTED_DIRS, SitePart, build_parts, menu_pages, plan_parts
from builder.site_reuse import PartRecord, load_records, save_records
from builder.site_search import page_url, walk_key

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SITEMAP_URL = re.compile(r"<url>.*?</url>", re.DOTALL)


def pages_tree(docs: Path, names: dict[str, int]) -> None:
    for relative, size in names.items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text("x" * size, encoding="utf-8")


def included(part: SitePart, relative: str) -> bool:
    spec = pathspec.GitIgnoreSpec.from_lines(part.exclude)
    return not spec.match_file(relative)


def test_a_small_site_is_one_build(tmp_path: Path) -> None:
    pages_tree(tmp_path, {"index.md": 10, "articles/a/one.md": 100, "events/two.md": 100})
    assert plan_parts(tmp_path, "site_name: x\n", 1000) == (SitePart("site", (), 200),)


def test_mkdocs_yml_with_its_own_exclusions_is_one_build(tmp_path: Path) -> None:
    pages_tree(tmp_path, {"articles/a/one.md": 100, "events/two.md": 100})
    parts = plan_parts(tmp_path, "site_name: x\nexclude_docs: |\n  drafts/\n", 10)
    assert [part.exclude for part in parts] == [()]


def test_every_parted_page_is_in_exactly_one_part(tmp_path: Path) -> None:
    names = {f"articles/{outlet}/{stem}.md": 50 + i for i, (outlet, stem) in enumerate(
        (o, s) for o in ("daily", "wire") for s in ("a", "ab", "abc", "b-1", "zz", "[odd]", "*star", "the-x", "th"))}
    names |= {f"events/{stem}.md": 70 for stem in ("a", "the-x", "the-y", "mars", "m", "#tag", "!bang")}
    names |= {"outlets/daily.md": 40, "stories/a-story.md": 60}
    pages_tree(tmp_path, names | {"index.md": 5, "methodology/index.md": 5, "outlets/index.md": 5})
    parts = plan_parts(tmp_path, (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), 300)
    core, *rest = parts
    assert core.name == "core" and len(rest) > 2
    for relative in names:
        assert not included(core, relative)
        assert sum(included(part, relative) for part in rest) == 1, relative
        assert sum(relative in part.pages for part in rest) == 1, relative
    for relative in ("index.md", "outlets/index.md"):  # menu pages
        assert included(core, relative) and not any(included(part, relative) for part in rest)
    # the menu's untitled page is drawn from its own title, so every part renders it
    assert all(included(part, "methodology/index.md") for part in parts)


def test_menu_pages_of_the_project() -> None:
    menu, untitled = menu_pages((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "outlets/index.md" in menu and "reference/cli.md" in menu and untitled == ("methodology/index.md",)
    assert menu_pages("nav:\n  - a.md\n  - T: b.md\n  - S:\n    - c/d.md\n    - https://x.org/e.md\n"
                      "x: !ENV [HOME]\n") == (("a.md", "b.md", "c/d.md"), ("a.md", "c/d.md"))
    assert menu_pages("nav: [") == ((), ())


@pytest.fixture(scope="module")
def seed_docs(analyser: Analyser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project holding the rendered seed site, with `site_url` set so that the sitemap lists pages."""
    project = tmp_path_factory.mktemp("parts")
    build_site(project, render_site(site_corpus(analyser), RenderContext()))  # writes docs/ and a reference site
    (project / "mkdocs.yml").write_text("site_url: https://framing.example.org/\n"
                                        + (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return project


def one_build(project: Path, site: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project, env=ENV,
                   capture_output=True, text=True, timeout=600, check=True)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def same_site(site: Path, other: Path) -> bool:
    """The same files with the same bytes, but for the order of the sitemap's entries."""
    files, others = files_of(site), files_of(other)
    entries = [sorted(SITEMAP_URL.findall(f["sitemap.xml"].decode())) for f in (files, others)]
    for f in (files, others):
        del f["sitemap.xml"], f["sitemap.xml.gz"]
    return files == others and entries[0] == entries[1]


@pytest.mark.slow
def test_parts_build_the_same_site_as_one_build(seed_docs: Path, tmp_path: Path) -> None:
    one_build(seed_docs, tmp_path / "one")
    docs = seed_docs / "docs"
    parted = sum(p.stat().st_size for folder in PARTED_DIRS for p in (docs / folder).rglob("*.md"))
    parts = plan_parts(docs, (seed_docs / "mkdocs.yml").read_text(encoding="utf-8"), parted // 3 + 1)
    assert len(parts) >= 3
    built = build_parts(parts, seed_docs, docs, tmp_path / "parts" / "site", strict=True, workers=2, env=ENV)
    assert built.warnings == () and (built.parts, built.kept) == (len(parts), 0)
    one, split = files_of(tmp_path / "one"), files_of(tmp_path / "parts" / "site")
    assert sorted(one) == sorted(split)
    differing = [name for name in one if one[name] != split[name]]
    assert differing == ["sitemap.xml", "sitemap.xml.gz"]  # the same entries, in the order of the parts
    entries = sorted(SITEMAP_URL.findall(one["sitemap.xml"].decode()))
    assert len(entries) > 10 and sorted(SITEMAP_URL.findall(split["sitemap.xml"].decode())) == entries
    assert gzip.decompress(split["sitemap.xml.gz"]) == split["sitemap.xml"]
    assert split["sitemap.xml.gz"][4:8] == one["sitemap.xml.gz"][4:8]  # the gzip header's time
    assert not (tmp_path / "parts" / ".site-parts").exists()
    assert not list(seed_docs.glob(".mkdocs-staging*"))


@pytest.mark.slow
def test_a_broken_link_in_a_part_is_still_reported(seed_docs: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(seed_docs, project, ignore=shutil.ignore_patterns("site"))
    article = next((project / "docs" / "articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\n[gone](../../events/no-such-event.md)\n",
                       encoding="utf-8")
    docs = project / "docs"
    parts = plan_parts(docs, (project / "mkdocs.yml").read_text(encoding="utf-8"), 1)
    assert len(parts) > 3
    with pytest.raises(SiteBuildError, match=r"site part part\d+") as failed:  # mkdocs.yml says `strict: true`
        build_parts(parts, project, docs, tmp_path / "site", strict=False, workers=2, env=ENV)
    problems = str(failed.value).splitlines()[1:]
    assert len(problems) == 1 and "no-such-event.md" in problems[0] and article.name in problems[0]
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "strict: true", "strict: false"), encoding="utf-8")
    built = build_parts(parts, project, docs, tmp_path / "site", strict=False, workers=2, env=ENV)
    assert len(built.warnings) == 1 and "no-such-event.md" in built.warnings[0]
    again = build_parts(parts, project, docs, tmp_path / "again", strict=False, workers=2, env=ENV,
                        previous=built.records, previous_site=tmp_path / "site")
    assert again.kept == len(parts) - 1 and again.warnings == built.warnings  # a kept part's warnings stay


@pytest.mark.parametrize("size", [0, -3.0])
def test_a_part_size_that_is_not_positive_is_refused(size: float) -> None:
    with pytest.raises(ConfigError, match="--site-part-mb"):
        load_config(ROOT, site_part_mb=size)


@pytest.mark.slow
def test_unchanged_parts_are_kept_and_the_site_is_as_if_built_anew(seed_docs: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(seed_docs, project, ignore=shutil.ignore_patterns("site"))
    docs, yml = project / "docs", (project / "mkdocs.yml").read_text(encoding="utf-8")
    parts = plan_parts(docs, yml, 1)
    first = build_parts(parts, project, docs, tmp_path / "first", strict=True, workers=2, env=ENV)
    assert (first.parts, first.kept) == (len(parts), 0) and len(first.records) == len(parts) - 1

    again = build_parts(parts, project, docs, tmp_path / "again", strict=True, workers=2, env=ENV,
                        previous=first.records, previous_site=tmp_path / "first")
    assert again.kept == len(parts) - 1  # all but the core, which holds the menu and the search index
    assert files_of(tmp_path / "again") == files_of(tmp_path / "first")
    kept_page = next(f for f, _ in first.records[parts[1].name].files if f.endswith(".html"))
    assert (tmp_path / "again" / kept_page).stat().st_ino == (tmp_path / "first" / kept_page).stat().st_ino

    article = next((docs / "articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("Turkey", "Türkiye"), encoding="utf-8")
    gone = next(f for part in parts[1:] if article.relative_to(docs).as_posix() not in part.pages
                for f, _ in first.records[part.name].files)
    (tmp_path / "first" / gone).unlink()  # a part whose files are missing is built again
    changed = build_parts(plan_parts(docs, yml, 1), project, docs, tmp_path / "changed", strict=True, workers=2,
                          env=ENV, previous=first.records, previous_site=tmp_path / "first")
    assert changed.kept == len(parts) - 3
    one_build(project, tmp_path / "one")
    assert same_site(tmp_path / "changed", tmp_path / "one")
    assert "Türkiye" in (tmp_path / "changed" / article.relative_to(docs).with_suffix(".html")).read_text()


def test_unreadable_or_old_records_are_no_records(tmp_path: Path) -> None:
    record = PartRecord("d", (("a.html", 3),), ("mkdocs: WARNING x",), ("<url>u</url>",), ('{"location":"a.html"}',))
    save_records(tmp_path / "parts.json", {"part1": record})
    assert load_records(tmp_path / "parts.json") == {"part1": record}
    for text in ("{", '{"format": 0, "parts": {}}', '{"format": 2, "parts": {"p": {"digest": "d"}}}', "[]"):
        (tmp_path / "parts.json").write_text(text, encoding="utf-8")
        assert load_records(tmp_path / "parts.json") == {}
    assert load_records(tmp_path / "missing.json") == {}


@pytest.mark.parametrize("page", ["index.md", "a.md", "stories/x-y.md", "outlets/index.md", "d/README.md", "d/e/f.md"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_are_those_mkdocs_gives(page: str, directory_urls: bool) -> None:
    url = File(page, "/docs", "/site", directory_urls).url
    assert page_url(page, directory_urls) == ("" if url == "./" else url)  # as mkdocs' Page.url has it


def test_pages_are_ordered_as_mkdocs_walks_docs(tmp_path: Path) -> None:
    pages = ["b.md", "index.md", "a/z.md", "a/index.md", "a/b/c.md", "a/y.md", "c/README.md", "c/a.md"]
    pages_tree(tmp_path, dict.fromkeys(pages, 1))
    config = load_mkdocs_config(config_file=None, docs_dir=str(tmp_path), site_name="x")
    walked = [file.src_uri for file in get_files(config) if file.src_uri.endswith(".md")]
    assert sorted(pages, key=walk_key) == walked
