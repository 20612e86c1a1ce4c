"""Peak memory of a build at N articles (default 50,000), without analysing N articles.

    .venv/bin/python bench/memory_scale.py PROJECT [--times 5] [--mkdocs]   (output: bench/build_scale.txt, by hand)

PROJECT is a project kept by `bench/build_scale.py --keep` and built once at the current analysis code, so that
its analysis cache holds every article. The build's own steps then run in this process as `builder build`
runs them (ingest, analysis from the cache, grouping, pages written into a staging area; no mkdocs, which runs
as a process of its own), except that after the analysis every article is repeated `--times` times: new ids,
a copy of its text and of its analysis (separate objects, as N analysed articles would be), dates moved on by
60 days per copy so that copies make events of their own. Peak resident memory is that of this process;
grouping runs in a process of its own, as in a build, and the two are also measured together.
With --mkdocs the written pages are then built into a site as the build does (builder.site_build: in parts,
one per core at a time), with the peak resident memory of the largest mkdocs process.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.analysis import MODEL, Analyser  # noqa: E402
from builder.beside import run_beside  # noqa: E402
from builder.cache import AnalysisCache  # noqa: E402
from builder.config import Config, load_config  # noqa: E402
from builder.ingest import ingest  # noqa: E402
from builder.memory import release_freed_memory  # noqa: E402
from builder.models import AnalysedArticle, Corpus  # noqa: E402
from builder.pipeline import BESIDE_MAX_ARTICLES, analyse, group, render_context  # noqa: E402
from builder.render import iter_site  # noqa: E402
from builder.serialize import analysis_from, analysis_json  # noqa: E402
from builder.site_build import build_parts, plan_parts  # noqa: E402
from builder.swap import StagingArea  # noqa: E402
from builder.writer import copy_site_skeleton, stage_pages  # noqa: E402


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def resident_gb() -> float:
    """The resident memory now (VmRSS), not the peak."""
    return _status_kb(Path("/proc/self/status"), "VmRSS:") / 2**20


def copies(analysed: tuple[AnalysedArticle, ...], times: int) -> Iterator[AnalysedArticle]:
    for number in range(times):
        for item in analysed:
            article = item.article
            if number == 0:
                yield item
                continue
            published = article.published + dt.timedelta(days=60 * number) if article.published else None
            yield AnalysedArticle(
                dataclasses.replace(article, id=f"{article.id}-copy{number}", path=f"{article.path}.copy{number}",
                                    title=f"{article.title} ({number})", published=published,
                                    text="".join(article.text.partition(" "))),  # a new string, same text
                analysis_from(analysis_json(item.analysis)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--times", type=int, default=5)
    parser.add_argument("--mkdocs", action="store_true", help="then build the site from the pages, in parts")
    parser.add_argument("--beside", action="store_true", help="group in a process of its own at any size")
    args = parser.parse_args()
    clock = time.perf_counter()
    config = load_config(args.project, run_mkdocs=False)
    ingested = ingest(config)
    analyser = Analyser.load(MODEL, 1, None)  # loaded as in a build: it stays in memory to the end
    cache = AnalysisCache(config.cache_dir, analyser.fingerprint()) if config.cache_dir else None
    analysed = analyse(ingested.articles, analyser, cache, [])
    print(f"{len(analysed)} articles from the project's cache; peak so far {peak_gb():.2f} GB", flush=True)
    articles = tuple(copies(analysed, args.times))
    del analysed
    print(f"{len(articles)} articles after {args.times} copies; peak so far {peak_gb():.2f} GB", flush=True)
    # beside this process or in it, as the build does (pipeline.BESIDE_MAX_ARTICLES; --beside forces the first)
    beside = args.beside or len(articles) <= BESIDE_MAX_ARTICLES
    with MemoryWatch() as watch:
        work = partial(group, [a.article for a in articles], 1 if beside else config.workers)  # counting processes
        events, stories = run_beside(work, parallel=beside).result()
    where = "in a process of its own" if beside else "in this process"
    print(f"{len(events)} events, {len(stories)} stories, grouped {where}; peak so far of this process "
          f"{peak_gb():.2f} GB; with its children at most {watch.tree / 2**20:.2f} GB (proportional set size: "
          "shared pages counted once)", flush=True)
    corpus = Corpus(ingested.outlets, articles, events, stories)
    with tempfile.TemporaryDirectory(prefix="memory-scale-") as tmp:
        copy_site_skeleton(ROOT, Path(tmp))  # mkdocs.yml, the theme folders and the hand-written pages
        area = StagingArea(Path(tmp) / "staging")
        written = stage_pages(area, Path(tmp) / "docs", iter_site(corpus, render_context(config)))
        size = sum(p.stat().st_size for p in area.docs.rglob("*") if p.is_file())
        print(f"pages written {written.written}, {size / 2**20:.0f} MB; wall {time.perf_counter() - clock:.0f} s; "
              f"peak resident memory of the build process {peak_gb():.2f} GB", flush=True)
        del ingested, analyser, cache, articles, events, stories, corpus  # as the build does before mkdocs
        print(f"resident memory of the build process once the corpus and the model are let go: {resident_gb():.2f} GB",
              flush=True)
        release_freed_memory()
        print(f"  and once the C allocator has returned its free pages: {resident_gb():.2f} GB", flush=True)
        if args.mkdocs:
            print(site_figures(Path(tmp), area, config.workers))
    return 0


def site_figures(project: Path, area: StagingArea, workers: int) -> str:
    """The site built in parts, with the memory of the mkdocs processes sampled from /proc: a child's
    ru_maxrss starts from this process's size at exec, so getrusage cannot tell it."""
    began, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    parts = plan_parts(area.docs, (project / "mkdocs.yml").read_text(encoding="utf-8"), Config.site_part_bytes)
    with MemoryWatch() as watch:
        build_parts(parts, project, area.docs, area.site, strict=False, workers=workers,
                    env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    size = sum(p.stat().st_size for p in area.site.rglob("*") if p.is_file())
    return (f"site built in {len(parts)} parts, {workers} at a time: {time.perf_counter() - began:.0f} s wall, "
            f"{used:.0f} s CPU; site {size / 2**30:.2f} GB; peak resident memory of the largest mkdocs process "
            f"{watch.largest / 2**20:.2f} GB; of this process and the mkdocs processes together "
            f"{watch.together / 2**20:.2f} GB")


class MemoryWatch(threading.Thread):
    """Samples, every 0.2 s, the peak resident memory (VmHWM) of every running `mkdocs build`, the resident
    memory of this process and those together, and the proportional set size of this process and its children
    together (`tree`: pages shared after a fork counted once). Sizes in KB."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.largest = self.together = self.tree = 0
        self._done = threading.Event()

    def __enter__(self) -> MemoryWatch:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(0.2):
            total = _status_kb(Path("/proc/self/status"), "VmRSS:")
            for process in Path("/proc").iterdir():
                try:
                    if b"mkdocs\0build" not in (process / "cmdline").read_bytes():
                        continue
                    self.largest = max(self.largest, _status_kb(process / "status", "VmHWM:"))
                    total += _status_kb(process / "status", "VmRSS:")
                except OSError:  # not a process, or it ended meanwhile
                    continue
            self.together = max(self.together, total)
            self.tree = max(self.tree, _tree_pss_kb())


def _tree_pss_kb() -> int:
    """Proportional set size of this process and its children, from /proc/PID/smaps_rollup."""
    me, total = os.getpid(), 0
    for process in Path("/proc").iterdir():
        try:
            if process.name.isdigit() and (int(process.name) == me or
                                           int((process / "stat").read_text().rsplit(")", 1)[1].split()[1]) == me):
                total += _status_kb(process / "smaps_rollup", "Pss:")
        except (OSError, StopIteration):  # ended meanwhile
            continue
    return total


def _status_kb(status: Path, field: str) -> int:
    return int(next(line.split()[1] for line in status.read_text().splitlines() if line.startswith(field)))


if __name__ == "__main__":
    sys.exit(main())
