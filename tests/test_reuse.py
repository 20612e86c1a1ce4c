"""Warm rebuilds keep a story's pages when nothing they show changed (builder/render/reuse.py), and the result
is the same as rendering everything again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from project_kit import build, make_project, snapshot
from test_site_build import site_corpus

from builder.analysis import Analyser
from builder.cache import load_render_manifest
from builder.config import load_config
from builder.models import Corpus, Outlet
from builder.pipeline import run
from builder.render import RenderContext, iter_site, render_site
from builder.writer import Reuse

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = RenderContext()


def kept(corpus: Corpus, previous: dict[str, tuple[str, tuple[str, ...]]]) -> tuple[set[str], dict[str, str]]:
    """Paths kept from the previous build, and the pages rendered."""
    reused, rendered = set(), {}
    for path, text in iter_site(corpus, CONTEXT, previous, {}):
        if isinstance(text, Reuse):
            reused.add(path)
        else:
            rendered[path] = text if isinstance(text, str) else "".join(text)
    return reused, rendered


def test_unchanged_stories_are_kept_and_changed_ones_rendered_as_from_scratch(analyser: Analyser) -> None:
    corpus = site_corpus(analyser)  # two stories: the seeds, and one hostile article
    manifest: dict[str, tuple[str, tuple[str, ...]]] = {}
    first = dict(iter_site(corpus, CONTEXT, {}, manifest))
    assert not [p for p, t in first.items() if isinstance(t, Reuse)] and set(manifest) == {s.id for s in corpus.stories}
    seeds_story = next(s for s in corpus.stories if s.id != "evil-s")
    seed_pages, evil_pages = set(manifest[seeds_story.id][1]), set(manifest["evil-s"][1])
    assert len(seed_pages) == 5 and len(evil_pages) == 3  # story, events, articles

    reused, _ = kept(corpus, manifest)
    assert reused == seed_pages | evil_pages

    evil = next(a for a in corpus.articles if a.article.id == "hostile/page")
    retitled = dataclasses.replace(evil, article=dataclasses.replace(evil.article, title="A new title"))
    changed = dataclasses.replace(corpus, articles=tuple(retitled if a is evil else a for a in corpus.articles))
    reused, rendered = kept(changed, manifest)
    assert reused == seed_pages
    fresh = render_site(changed, CONTEXT)
    assert rendered == {p: t for p, t in fresh.items() if p not in seed_pages}

    renamed = dataclasses.replace(corpus, outlets=tuple(
        Outlet(o.slug, "South Front") if o.slug == "southfront" else o for o in corpus.outlets))
    reused, _ = kept(renamed, manifest)
    assert reused == evil_pages  # an outlet's name is shown on its story's pages


def test_second_build_keeps_pages_and_matches_a_build_without_cache(tmp_path: Path) -> None:
    def project(name: str) -> Path:
        root = tmp_path / name
        shutil.copytree(ROOT / "data", root / "data")
        generated = shutil.ignore_patterns("stories", "events", "articles", "outlets", "sources", "data", "index.md")
        shutil.copytree(ROOT / "docs", root / "docs", ignore=generated)
        return root

    warm = project("warm")
    run(load_config(warm, run_mkdocs=False))
    manifest = warm / ".cache" / "render-manifest.json"
    assert len(load_render_manifest(manifest, warm / "docs")) == 1
    story_page = next((warm / "docs" / "stories").glob("*.md"))
    mtime = story_page.stat().st_mtime_ns
    again = run(load_config(warm, run_mkdocs=False))
    assert again.pages.written == 0 and story_page.stat().st_mtime_ns == mtime

    seed = next((warm / "data" / "articles" / "southfront").glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Klintsevich", "Klintsewitsch"), encoding="utf-8")
    run(load_config(warm, run_mkdocs=False))
    cold = project("cold")
    shutil.copy(seed, next((cold / "data" / "articles" / "southfront").glob("*.txt")))
    run(load_config(cold, run_mkdocs=False, use_cache=False))
    pages = sorted(p.relative_to(cold / "docs") for p in (cold / "docs").rglob("*") if p.is_file())
    assert pages == sorted(p.relative_to(warm / "docs") for p in (warm / "docs").rglob("*") if p.is_file())
    assert all((cold / "docs" / p).read_bytes() == (warm / "docs" / p).read_bytes() for p in pages)
    assert "Klintsewitsch" in story_page.read_text(encoding="utf-8")


@pytest.mark.parametrize("site_part_mb", [None, 0.001], ids=["whole", "in-parts"])
def test_rebuilt_site_changes_only_the_files_whose_bytes_changed(tmp_path: Path, analyser: Analyser,
                                                                 site_part_mb: float | None) -> None:
    """mkdocs writes every page anew; the build keeps the previous site's file wherever the bytes are the
    same, so a rebuild touches only what changed (incremental uploads, rsync, HTTP caches). Built in parts
    (a part per few pages), the site is the same from build to build."""
    root = make_project(tmp_path / "project")
    first = build(root, analyser, site_part_mb=site_part_mb)
    assert first.site is not None and first.site.changed > 50 and first.site.unchanged == 0
    files = {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*") if p.is_file()}

    again = build(root, analyser, site_part_mb=site_part_mb)
    assert again.site is not None and (again.site.changed, again.site.unchanged) == (0, len(files))
    if site_part_mb:  # every part but the core (menu, search index) is linked from the last build's site
        assert again.site.parts > 3 and again.site.kept == again.site.parts - 1
        assert f"in {again.site.parts} parts, {again.site.kept} kept from the last build" in again.summary()
    assert {p: p.stat().st_mtime_ns for p in files} == files

    seed = next((root / "data" / "articles" / "southfront").glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Klintsevich", "Klintsewitsch"), encoding="utf-8")
    changed = build(root, analyser, site_part_mb=site_part_mb)
    assert changed.site is not None and 0 < changed.site.changed < len(files) // 2
    if site_part_mb:
        assert changed.site.kept < changed.site.parts - 1
        scratch = make_project(tmp_path / "scratch", root / "data")
        build(scratch, analyser)  # one mkdocs build of everything
        assert snapshot(root / "site") == snapshot(scratch / "site")
    touched = {p.relative_to(root / "site").as_posix() for p in files if p.stat().st_mtime_ns != files[p]}
    assert "reference/cli.html" not in touched and "search/search_index.json" in touched
    assert any(p.startswith("articles/southfront/") for p in touched)


def test_a_fresh_clone_given_the_cached_site_keeps_its_parts(tmp_path: Path, analyser: Analyser) -> None:
    """What the Pages workflow caches between runs: site/ and .cache/site-parts.json, nothing else. A clone
    that renders docs/ anew from data/ gets the same pages, so mkdocs runs on the core part alone."""
    first = make_project(tmp_path / "first")
    built = build(first, analyser, site_part_mb=0.001)
    clone = make_project(tmp_path / "clone")
    shutil.copytree(first / "site", clone / "site")
    (clone / ".cache").mkdir()
    shutil.copyfile(first / ".cache" / "site-parts.json", clone / ".cache" / "site-parts.json")
    again = build(clone, analyser, site_part_mb=0.001)
    assert built.site is not None and again.site is not None
    assert again.pages.written == built.pages.written  # every page rendered: no render manifest came along
    assert again.site.parts > 3 and again.site.kept == again.site.parts - 1
    assert snapshot(clone / "site") == snapshot(first / "site")
