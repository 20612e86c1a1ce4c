"""The build, readable in one place: ingest -> analyse -> group -> render -> write -> mkdocs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import IO

from builder.analysis import MODEL, Analyser
from builder.analysis.readability import measure
from builder.beside import run_beside
from builder.cache import AnalysisCache, load_render_manifest, save_render_manifest
from builder.config import Config
from builder.errors import ConfigError
from builder.grouping import GroupingDoc, group_documents
from builder.ingest import ingest
from builder.ingest.discover import slugify
from builder.ingest.language import UNDETERMINED
from builder.lock import build_lock
from builder.memory import few_collections, release_freed_memory
from builder.models import AnalysedArticle, Article, Corpus, Event, Story, TextAnalysis
from builder.progress import Stopwatch, timings_line, track
from builder.render import ManifestEntry, RenderContext, iter_site
from builder.site_build import SiteBuild, build_parts, plan_parts
from builder.site_reuse import load_records, save_records
from builder.swap import StagingArea, commit, recover
from builder.writer import SiteReport, WriteReport, docs_renames, keep_unchanged_site_files, site_rename, stage_pages

SUPPORTED_LANGUAGES = ("en",)
# Grouping runs beside the analysis up to this many articles, after it above: the forked grouping process
# copies the pages of the parent's objects it touches, and at 50,000 articles the two held 2.5 GB together
# (bench/memory_scale.py), where grouping after the analysis keeps the build under 2 GB.
BESIDE_MAX_ARTICLES = 20_000


@dataclass(frozen=True)
class BuildReport:
    articles: int
    events: int
    stories: int
    pages: WriteReport
    warnings: tuple[str, ...]
    site: SiteReport | None  # None: mkdocs was not run
    notes: tuple[str, ...] = ()  # what the build repaired on its own (interrupted swap, corrupt cache entries)
    replaced: bool = True  # False: --strict found problems, docs/ and site/ were left as they were
    timings: tuple[tuple[str, float], ...] = ()  # wall seconds per stage

    def summary(self) -> str:
        site = (f"site/ built with mkdocs{self.site.parts_note()}: {self.site.changed} files changed, "
                f"{self.site.unchanged} unchanged, {megabytes(self.site.size)}" if self.site else "mkdocs skipped")
        if not self.replaced:
            site += "; nothing replaced (--strict)"
        return (f"{self.articles} articles, {self.events} events, {self.stories} stories; "
                f"pages: {self.pages.written} written, {self.pages.unchanged} unchanged, "
                f"{self.pages.deleted} deleted; {site}" + "".join(f"\nnote: {note}" for note in self.notes)
                + (f"\n{timings_line(self.timings)}" if self.timings else ""))


# GitHub Pages publishes sites of at most 1 GB (docs.github.com, "GitHub Pages limits"); the site workflow
# publishes there, so a larger site fails at deployment, after the whole build
PAGES_LIMIT_BYTES = 10**9


def megabytes(size: int) -> str:
    return f"{size / 10**6:,.0f} MB" if size >= 10**6 else f"{size / 10**3:,.0f} kB"


def pages_limit_note(size: int) -> str:
    return (f"site/ is {size / 10**9:.2f} GB, over the 1 GB that GitHub Pages publishes: publish it with "
            "another static host (any that serves files), or build from fewer articles")


def run(config: Config, progress: IO[str] | None = None) -> BuildReport:
    """The whole build, under the project's build lock; docs/ and site/ change only at the final swap.

    `progress`: where to report progress of the long steps (the CLI passes stderr); None is silent."""
    with build_lock(config.root):
        clock = Stopwatch()
        area = StagingArea.for_project(config.root)
        recovered = recover(area)
        for leftover in config.root.glob(".mkdocs-staging*.yml"):  # from a build that was killed
            leftover.unlink()
        ingested = ingest(config)
        context = render_context(config)  # read before the long steps: a broken results file fails at once
        warnings = [*config.problems, *(str(problem) for problem in ingested.problems)]
        notes: list[str] = [recovered] if recovered else []
        clock.lap("ingest")
        # grouping needs no analysis: it runs in a process of its own while the model loads and analyses
        beside = config.workers > 1 and len(ingested.articles) <= BESIDE_MAX_ARTICLES
        with run_beside(partial(group, ingested.articles, 1 if beside else config.workers),
                        parallel=beside) as grouping:
            analyser = Analyser.load(MODEL, config.workers, config.scheduler)
            cache = AnalysisCache(config.cache_dir, analyser.fingerprint()) if config.cache_dir else None
            clock.lap("load model")
            analysed = analyse(ingested.articles, analyser, cache, warnings, notes, progress)
            clock.lap("analyse")
            events, stories = grouping.result()
            clock.lap("wait for grouping" if grouping.process else "group")
        corpus = Corpus(ingested.outlets, analysed, events, stories)
        manifest_path = config.cache_dir.parent / "render-manifest.json" if config.cache_dir else None
        previous = load_render_manifest(manifest_path, config.docs_dir) if manifest_path else None
        manifest: dict[str, ManifestEntry] = {}
        with few_collections():
            written = stage_pages(area, config.docs_dir, iter_site(corpus, context, previous, manifest))
        renames = docs_renames(area, config.docs_dir)
        counts, epoch = (len(analysed), len(events), len(stories)), source_date(ingested.articles)
        # mkdocs runs in processes of its own: the corpus and the model go first (1.6 GB at 50k articles)
        del ingested, analyser, cache, analysed, events, stories, corpus, previous
        release_freed_memory()
        clock.lap("render and write")
        site: SiteReport | None = None
        built: SiteBuild | None = None
        if config.run_mkdocs:
            built = build_site(config, area, epoch)
            warnings.extend(built.warnings)
            site = replace(keep_unchanged_site_files(area.site, config.site_dir), parts=built.parts, kept=built.kept)
            if site.size > PAGES_LIMIT_BYTES:
                notes.append(pages_limit_note(site.size))
            renames.append(site_rename(area, config.site_dir))
            clock.lap("mkdocs")
        replaced = not (config.strict and warnings)  # a failed --strict build leaves the old site up
        if replaced:
            if built:  # the records describe site/: none while it is being swapped
                site_parts_file(config).unlink(missing_ok=True)
            commit(area, renames)
            if manifest_path:
                save_render_manifest(manifest_path, manifest, config.docs_dir)
            if built:
                save_records(site_parts_file(config), built.records)
        else:
            recover(area)  # no journal yet: discards the staging area
        clock.lap("swap")
    return BuildReport(*counts, written, tuple(warnings), site, tuple(notes), replaced, clock.laps())


def analyse(articles: Sequence[Article], analyser: Analyser, cache: AnalysisCache | None,
            warnings: list[str], notes: list[str] | None = None,
            progress: IO[str] | None = None) -> tuple[AnalysedArticle, ...]:
    """Analyse every supported article, reusing cached results for texts analysed before.

    A corrupt cache entry is a note, not a warning: it is recomputed, and the data needs no fix."""
    results: dict[str, TextAnalysis] = {}
    todo: list[Article] = []
    for article in articles:
        if article.language not in SUPPORTED_LANGUAGES:
            if article.language != UNDETERMINED:  # ingest has reported it already
                warnings.append(f"{article.path}: language {article.language!r} is not analysed (English only) — "
                                "the article is listed without figures")
            results[article.id] = _unanalysed(article)
            continue
        cached, problem = cache.get(article.text) if cache else (None, None)
        if problem and notes is not None:
            notes.append(problem)
        if cached:
            results[article.id] = cached
        else:
            todo.append(article)
    done = track(analyser.analyse_many(a.text for a in todo), len(todo), "analysing", progress)
    for article, analysis in zip(todo, done, strict=True):
        results[article.id] = analysis
        if cache:
            cache.put(article.text, analysis)
    return tuple(AnalysedArticle(a, results[a.id]) for a in articles)


def _unanalysed(article: Article) -> TextAnalysis:
    return TextAnalysis((), (), measure(article.text))


def group(articles: Sequence[Article], workers: int = 1) -> tuple[tuple[Event, ...], tuple[Story, ...]]:
    """Events and stories; `workers`: processes counting words at once (1 while the analysis runs beside)."""
    assignment = group_documents([GroupingDoc(a.id, a.title, a.text, a.outlet, a.published) for a in articles],
                                 workers=workers)
    by_id = {a.id: a for a in articles}
    events = _events(assignment.event, by_id)
    events_of_story: dict[str, list[Event]] = {}
    for event in events:  # in one pass: a scan of all events per story was quadratic (seconds at 10k)
        events_of_story.setdefault(assignment.story[event.article_ids[0]], []).append(event)
    groups = [events_of_story[label] for label in sorted(events_of_story)]
    founders = [_lead(by_id[i] for event in members for i in event.article_ids) for members in groups]
    # the id comes from the founding article, the title from the most covered event, which may change
    names = page_ids([founder.title for founder in founders], [founder.id for founder in founders])
    stories = [Story(name, tuple(e.id for e in members), main_event(members, by_id).title, founder.title)
               for name, members, founder in zip(names, groups, founders, strict=True)]
    return events, tuple(sorted(stories, key=lambda s: s.id))


def _events(labels: dict[str, str], by_id: dict[str, Article]) -> tuple[Event, ...]:
    members: dict[str, list[str]] = {}
    for article_id, label in labels.items():
        members.setdefault(label, []).append(article_id)
    groups = [tuple(sorted(members[label])) for label in sorted(members)]
    leads = [_lead(by_id[i] for i in ids) for ids in groups]
    events = [Event(page_id, ids, lead.title) for page_id, ids, lead in
              zip(page_ids([lead.title for lead in leads], [lead.id for lead in leads]), groups, leads, strict=True)]
    return tuple(sorted(events, key=lambda e: e.id))


def page_ids(titles: Sequence[str], founders: Sequence[str]) -> list[str]:
    """Ids of events or stories from their founding (earliest) articles: the slug of its title and a short hash
    of its id. They stay the same as later articles join, so a story keeps its feed entry id and open data rows
    their keys from one build to the next (a hash of all members changed with every new article). Pages are
    named after titles (render/site.py). Ids that would clash get a longer hash."""
    def page_id(title: str, founder: str, digits: int) -> str:
        return f"{slugify(title, 8)}-{hashlib.sha1(founder.encode('utf-8')).hexdigest()[:digits]}"

    short = [page_id(title, founder, 6) for title, founder in zip(titles, founders, strict=True)]
    uses = Counter(short)
    return [name if uses[name] == 1 else page_id(title, founder, 16)
            for name, title, founder in zip(short, titles, founders, strict=True)]


def main_event(events: Sequence[Event], by_id: dict[str, Article]) -> Event:
    """The event a story is named after: the one most covered (most articles), then the earliest. Naming a
    story after its earliest article let a stray early piece title a story about something else."""
    return min(events, key=lambda e: (-len(e.article_ids), _lead_key(_lead(by_id[i] for i in e.article_ids))))


def _lead_key(article: Article) -> tuple[bool, dt.date, str]:
    return (article.published is None, article.published or dt.date.min, article.id)


def _lead(articles: Iterable[Article]) -> Article:
    """The article that names a group: the earliest dated one, then by id (undated last)."""
    return min(articles, key=_lead_key)


def render_context(config: Config) -> RenderContext:
    accuracy = None
    fix = "restore it from git (git checkout -- bench/accuracy.json) or rewrite it with `make accuracy`"
    if config.accuracy_file.is_file():
        try:
            accuracy = json.loads(config.accuracy_file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ConfigError(f"{config.accuracy_file}: not a JSON results file ({error}) — {fix}") from error
        if not isinstance(accuracy, dict):
            raise ConfigError(f"{config.accuracy_file}: a JSON object of figures was expected — {fix}")
    return RenderContext(site_name=config.site_name, accuracy=accuracy)


def source_date(articles: Sequence[Article]) -> str | None:
    """SOURCE_DATE_EPOCH for mkdocs (sitemap dates): the newest publication date, so rebuilds match."""
    dates = [a.published for a in articles if a.published]
    if not dates:
        return None
    return str(int(dt.datetime.combine(max(dates), dt.time(), dt.UTC).timestamp()))


def site_parts_file(config: Config) -> Path:
    return config.root / ".cache" / "site-parts.json"


def build_site(config: Config, area: StagingArea, epoch: str | None) -> SiteBuild:
    """Run the real `mkdocs build` over the staged docs into the staged site, in parts side by side when the
    site is large, keeping the parts whose inputs did not change (builder.site_build, site_reuse)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if epoch and "SOURCE_DATE_EPOCH" not in env:
        env["SOURCE_DATE_EPOCH"] = epoch
    parts = plan_parts(area.docs, (config.root / "mkdocs.yml").read_text(encoding="utf-8"), config.site_part_bytes)
    previous = load_records(site_parts_file(config)) if config.cache_dir and config.site_dir.is_dir() else {}
    return build_parts(parts, config.root, area.docs, area.site, strict=config.strict, workers=config.workers,
                       env=env, previous=previous, previous_site=config.site_dir)
