"""Warm rebuilds keep a group of pages (a story's page; an event's page with its articles') when nothing they
show changed (builder/render/reuse.py), and the result is the same as rendering everything again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import shutil
from pathlib import Path

import pytest
from project_kit import build, make_project, snapshot
from test_site_build import site_corpus

from builder.analysis import Analyser
from builder.cache import load_render_manifest
from builder.config import load_config
from builder.ingest import ingest
from builder.models import Corpus, Outlet, Story
from builder.pipeline import PAGES_LIMIT_BYTES, group, megabytes, page_ids, pages_limit_note, run
from builder.render import RenderContext, iter_site, render_site
from builder.render.site import index_corpus
from builder.writer import GENERATED_DIRS, GENERATED_FILES, Reuse

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


def kept_as_from_scratch(corpus: Corpus, previous: dict[str, tuple[str, tuple[str, ...]]],
                         before: dict[str, str]) -> set[str]:
    """The paths kept: a kept page must read as it would rendered from scratch, and so must a rendered one."""
    reused, rendered = kept(corpus, previous)
    fresh = render_site(corpus, CONTEXT)
    assert {p: before[p] for p in reused} == {p: fresh[p] for p in reused}
    assert rendered == {p: t for p, t in fresh.items() if p not in reused}
    return reused


def test_unchanged_page_groups_are_kept_and_changed_ones_rendered_as_from_scratch(analyser: Analyser) -> None:
    corpus = site_corpus(analyser)  # two stories: the seeds (an event per outlet), and one hostile article
    manifest: dict[str, tuple[str, tuple[str, ...]]] = {}
    first = dict(iter_site(corpus, CONTEXT, {}, manifest))
    assert not [p for p, t in first.items() if isinstance(t, Reuse)]
    before = {p: t if isinstance(t, str) else "".join(t) for p, t in first.items() if not isinstance(t, Reuse)}
    site = index_corpus(corpus)
    assert set(manifest) == set(site.story_paths.values()) | set(site.event_paths.values())
    groups = {key: set(paths) for key, (_, paths) in manifest.items()}
    assert sorted(map(len, groups.values())) == [1, 1, 2, 2, 2]  # two story pages; three events with an article
    seeds = next(s for s in corpus.stories if s.id != "evil-s")
    evil = next(s for s in corpus.stories if s.id == "evil-s")

    def pages(story: Story, outlet: str = "") -> set[str]:
        """The story's page, or the pages of its event holding the outlet's article."""
        if not outlet:
            return groups[site.story_paths[story.id]]
        event = next(site.events[e] for e in story.event_ids if any(
            site.articles[a].article.outlet == outlet for a in site.events[e].article_ids))
        return groups[site.event_paths[event.id]]

    everything = set().union(*groups.values())
    assert kept(corpus, manifest)[0] == everything

    hostile = next(a for a in corpus.articles if a.article.id == "hostile/page")
    retitled = dataclasses.replace(hostile, article=dataclasses.replace(hostile.article, title="A new title"))
    changed = dataclasses.replace(corpus, articles=tuple(retitled if a is hostile else a for a in corpus.articles))
    assert kept_as_from_scratch(changed, manifest, before) == everything - pages(evil) - pages(evil, "hostile")

    # an article's change renders its event's pages and its story's page again, not the story's other events
    seed = next(a for a in corpus.articles if a.article.outlet == "southfront")
    edited = dataclasses.replace(seed, article=dataclasses.replace(seed.article, title="Moscow shares intelligence"))
    changed = dataclasses.replace(corpus, articles=tuple(edited if a is seed else a for a in corpus.articles))
    assert kept_as_from_scratch(changed, manifest, before) == everything - pages(seeds) - pages(seeds, "southfront")

    # a story's id names its members (an article joining any of its events changes it) and no page shows it
    renumbered = dataclasses.replace(corpus, stories=tuple(
        dataclasses.replace(s, id=f"{s.id}-x") if s is seeds else s for s in corpus.stories))
    assert kept_as_from_scratch(renumbered, manifest, before) == everything - pages(seeds)

    renamed = dataclasses.replace(corpus, outlets=tuple(
        Outlet(o.slug, "South Front") if o.slug == "southfront" else o for o in corpus.outlets))
    # an outlet's name is shown on its story's page and its articles' event pages
    assert kept_as_from_scratch(renamed, manifest, before) == everything - pages(seeds) - pages(seeds, "southfront")


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
    assert len(load_render_manifest(manifest, warm / "docs")) == 3  # the story page; each event with its article
    story_page = next((warm / "docs" / "stories").glob("*.md"))
    mtime = story_page.stat().st_mtime_ns
    again = run(load_config(warm, run_mkdocs=False))
    assert again.pages.written == 0 and story_page.stat().st_mtime_ns == mtime

    # a generated page changed by hand is rendered again, not kept (its size or time no longer match)
    rendered = story_page.read_text(encoding="utf-8")
    story_page.write_text(rendered.replace("Klintsevich", "Somebody else"), encoding="utf-8")
    assert run(load_config(warm, run_mkdocs=False)).pages.written == 1
    assert story_page.read_text(encoding="utf-8") == rendered

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
    assert again.site.size == sum(p.stat().st_size for p in files) and megabytes(again.site.size) in again.summary()
    assert "GitHub Pages" not in again.summary()  # the seed site is far under Pages' limit
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


def workflow_cached_paths() -> list[str]:
    """Every path that the Pages workflow (site.yml) keeps between runs with actions/cache."""
    import yaml

    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    return [path for step in steps if str(step.get("uses", "")).startswith("actions/cache@")
            for path in step["with"]["path"].split()]


def test_a_fresh_clone_given_the_workflows_caches_renders_nothing_again(tmp_path: Path, analyser: Analyser) -> None:
    """A rebuild in CI: a fresh clone given what the Pages workflow caches (the analysis cache, the generated
    pages with the record of what they were made from, the built site with the record of its parts) writes no
    page anew, runs mkdocs on the core part alone, and builds the same site."""
    cached = workflow_cached_paths()
    assert {p.removeprefix("docs/") for p in cached if p.startswith("docs/")} == {*GENERATED_DIRS, *GENERATED_FILES}
    first = make_project(tmp_path / "first")
    built = build(first, analyser, site_part_mb=0.001)
    clone = make_project(tmp_path / "clone")
    for relative in cached:
        source, target = first / relative, clone / relative
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    again = build(clone, analyser, site_part_mb=0.001)
    assert built.site is not None and again.site is not None and built.pages.written > 10
    assert again.pages.written == 0 and again.site.kept == again.site.parts - 1
    assert snapshot(clone / "docs") == snapshot(first / "docs") and snapshot(clone / "site") == snapshot(first / "site")


@pytest.mark.parametrize(("size", "shown"), [(999, "1 kB"), (12_345_678, "12 MB"), (686_900_000, "687 MB"),
                                             (3_220_000_000, "3,220 MB")])
def test_site_size_in_the_summary(size: int, shown: str) -> None:
    assert megabytes(size) == shown


def test_a_site_over_the_pages_limit_gets_a_note_saying_what_to_do() -> None:
    note = pages_limit_note(PAGES_LIMIT_BYTES + 230_000_000)
    assert "1.23 GB" in note and "GitHub Pages" in note and "another static host" in note


def test_an_event_and_its_story_keep_their_ids_when_a_later_article_joins(tmp_path: Path) -> None:
    """Ids come from the founding (earliest) article, not from all the members: a new report of an event
    leaves the event's and the story's ids (feed entries, open data keys) as they were."""
    day = dt.date(2017, 1, 24)
    articles = tuple(dataclasses.replace(article, published=day) for article in
                     ingest(load_config(make_project(tmp_path / "project"), run_mkdocs=False)).articles)
    first = articles[0]
    later = dataclasses.replace(first, id=f"{first.id}-follow-up", path=f"{first.path}.follow-up",
                                published=day + dt.timedelta(days=1))
    events, stories = group(articles)
    grown_events, grown_stories = group((*articles, later))
    assert [e.id for e in grown_events] == [e.id for e in events] and [s.id for s in grown_stories] == [s.id for s in stories]
    assert later.id in next(e for e in grown_events if first.id in e.article_ids).article_ids



def test_a_story_keeps_its_address_when_another_event_becomes_the_most_covered(tmp_path: Path) -> None:
    """The story's title follows its most covered event; its page is named after the founding article."""
    day = dt.date(2017, 1, 24)
    first, second = (dataclasses.replace(article, published=day + dt.timedelta(days=n)) for n, article in
                     enumerate(ingest(load_config(make_project(tmp_path / "project"), run_mkdocs=False)).articles))
    events, (story,) = group((first, second))
    assert len(events) == 2 and story.title == story.address_title == first.title
    follow_ups = [dataclasses.replace(second, id=f"{second.id}-{n}", path=f"{second.path}.{n}",
                                      published=day + dt.timedelta(days=2)) for n in range(2)]
    _, (grown,) = group((first, second, *follow_ups))
    assert grown.id == story.id and grown.title == second.title and grown.address_title == first.title

    def address(one: Story) -> str:
        return index_corpus(Corpus((), (), (), (one,))).story_paths[one.id]

    assert address(grown) == address(story) != address(dataclasses.replace(grown, address_title=""))


def clashing_founders() -> tuple[str, str]:
    """Two article ids whose hashes share their first six digits, found by trying."""
    seen: dict[str, str] = {}
    for number in itertools.count():
        name = f"a{number}"
        short = hashlib.sha1(name.encode()).hexdigest()[:6]
        if short in seen:
            return seen[short], name
        seen[short] = name
    raise AssertionError("unreachable")


def test_page_ids_that_would_clash_get_a_longer_hash() -> None:
    ids = page_ids(["Storm hits coast", "Storm hits coast", "Other news"], [*clashing_founders(), "b"])
    assert len(set(ids)) == 3 and len(ids[0]) == len(ids[1]) == len("storm-hits-coast-") + 16
    assert ids[2] == "other-news-" + hashlib.sha1(b"b").hexdigest()[:6]
