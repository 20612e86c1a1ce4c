"""Whole-build figures on a generated project of N articles, with baselines measured in the same run.

    .venv/bin/python bench/build_scale.py [--articles 1000] [--speed-texts 120] [--keep DIR]
    .venv/bin/python bench/build_scale.py --warm-only DIR/project     # warm rebuilds again, on a kept project
    .venv/bin/python bench/build_scale.py --mkdocs-only DIR/project   # mkdocs figures again, on a kept project
    .venv/bin/python bench/build_scale.py --warm-site DIR/project     # a warm rebuild with mkdocs, on a kept project
    (output: bench/build_scale.txt)

The project is made in a temporary directory (never in the repository): mkdocs.yml, the hand-written docs
pages, data/outlets.yml with ten outlets, and N articles with front matter, spread over the outlets and over
dates, made from the ../shared/eval texts (ECB+, BASIL, PolNeAR; not redistributable) the way
bench/grouping_scale.py replicates them. Measured:
  analysis speed   words/s of bare spaCy (nlp.pipe, one process) and of the Analyser with 1 and 2 workers,
                   by wall clock and CPU seconds (the workers' CPU counted; the machine is shared);
  cold build       `python -m builder build` from nothing, its peak resident memory (the largest process);
  warm rebuilds    after adding one article (a story of its own; then one in the largest story) and after
                   changing one outlet setting: seconds, pages rewritten (and with --warm-site, the whole
                   rebuild with mkdocs: site files changed);
  mkdocs           `mkdocs build` of the generated docs/ vs a bare mkdocs build of as many plain pages;
  size             site/, site/search/search_index.json.
Grouping alone at 1k / 10k / 50k: bench/grouping_scale.py (bench/grouping_scale.txt).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from analysis_speed import speed_rows  # noqa: E402
from grouping_scale import EVAL, OUTLETS, corpus, originals  # noqa: E402

from builder.writer import copy_site_skeleton  # noqa: E402

PYTHON = sys.executable
WORD = re.compile(r"\w+")


def make_project(dest: Path, size: int) -> list[str]:
    """The project on disk; returns the article texts (for the speed figures)."""
    copy_site_skeleton(ROOT, dest)
    data = dest / "data"
    (data / "articles").mkdir(parents=True)
    (data / "outlets.yml").write_text("".join(f"{o}:\n  name: The {o.title()}\n  country: Nowhere\n" for o in OUTLETS),
                                      encoding="utf-8")
    texts = []
    for number, doc in enumerate(corpus(originals(), size)):
        write_article(data, number, doc.outlet or OUTLETS[number % len(OUTLETS)], doc.title, doc.published, doc.text)
        texts.append(doc.text)
    return texts


def write_article(data: Path, number: int, outlet: str, title: str, published: object, text: str) -> None:
    folder = data / "articles" / (outlet if outlet in OUTLETS else OUTLETS[number % len(OUTLETS)])
    folder.mkdir(exist_ok=True)
    heading = (title or text.strip().splitlines()[0])[:120].replace('"', "'")
    front = f'---\ntitle: "{heading}"\npublished: {published or "2012-01-01"}\n---\n'
    (folder / f"{number:05d}.md").write_text(front + text.strip() + "\n", encoding="utf-8")


def timed_run(command: list[str], cwd: Path) -> float:
    return timed_build(command, cwd)[0]


def timed_run_cpu(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and the child's CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed_run(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed_build(command: list[str], cwd: Path) -> tuple[float, str]:
    """(wall seconds, the build's own `timings:` line, stage by stage)."""
    wall, output = run_build(command, cwd)
    return wall, timings_of(output)


def timings_of(output: str) -> str:
    return next((line for line in output.splitlines() if line.startswith("timings:")), "")


def add_article(project: Path, number: int) -> None:
    """One more short article, the change a warm rebuild measures."""
    write_article(project / "data", number, OUTLETS[0], "One more article", "2013-05-05",
                  f"Officials said on Monday the talks would resume ({number}).\n"
                  "A spokesperson told reporters it may take weeks.")


def add_to_largest_story(project: Path, number: int) -> None:
    """One more article in the project's largest story, as a developing story gets: one of its articles again,
    its last sentence replaced and a new title (the last build's open data says which story is largest)."""
    listed = json.loads((project / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    sizes = Counter(a["story"] for a in listed)
    largest = max(sizes, key=lambda story: (sizes[story], story))
    model = min((a for a in listed if a["story"] == largest), key=lambda a: a["article"])
    heading = f'title: "{model["title"]}"\n'
    source = next(p for p in sorted((project / "data" / "articles" / model["outlet"]).glob("*.md"))
                  if heading in p.read_text(encoding="utf-8"))
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    text = body.rsplit(". ", 1)[0] + f". Officials said the count would go on overnight ({number})."
    write_article(project / "data", number, model["outlet"], f"Update: {model['title']}", model["published"], text)


def run_build(command: list[str], cwd: Path) -> tuple[float, str]:
    """(wall seconds, what the build printed)."""
    began = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return time.perf_counter() - began, done.stdout


# From the end of ingest to the end of grouping: grouping runs beside loading the model and analysing, so the
# model's loading counts too (before session 6 this figure left it out, and grouping followed analysis).
ANALYSIS_AND_GROUPING = ("load model", "analyse", "group", "wait for grouping")


def stage_seconds(timings: str, *stages: str) -> float:
    found = dict(re.findall(r"(\w[\w ]*?) ([\d.]+) s", timings.removeprefix("timings: ")))
    return sum(float(found.get(stage, 0)) for stage in stages)


def state(directory: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(directory).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in directory.rglob("*") if p.is_file()}


def rewritten(before: dict[str, tuple[int, bytes]], after: dict[str, tuple[int, bytes]]) -> str:
    touched = sum(1 for k, v in after.items() if before.get(k) != v)
    changed = sum(1 for k, v in after.items() if before.get(k, (0, b""))[1] != v[1])
    return f"{touched} docs files touched, {changed} with new bytes, of {len(after)}"


def builds(project: Path) -> list[str]:
    build = [PYTHON, "-m", "builder", "build", "--root", str(project)]
    cold, stages = timed_build(build, ROOT)
    return [f"cold build (analysis + grouping + pages + mkdocs): {cold:.1f} s", f"  {stages}", *warm_builds(project)]


def warm_builds(project: Path, number: int = 99_999) -> list[str]:
    """Rebuilds after adding one article, then another in the largest story, then after changing one outlet
    setting (and back, for a rerun)."""
    build = [PYTHON, "-m", "builder", "build", "--root", str(project)]
    docs = project / "docs"
    before = state(docs)
    add_article(project, number)
    warm, stages = timed_build([*build, "--no-mkdocs"], ROOT)
    rows = [f"warm rebuild, 1 article added (no mkdocs): {warm:.1f} s; {rewritten(before, state(docs))}",
             f"  {stages}; analysis + grouping {stage_seconds(stages, *ANALYSIS_AND_GROUPING):.1f} s"]
    before = state(docs)
    add_to_largest_story(project, number + 1)
    warm, stages = timed_build([*build, "--no-mkdocs"], ROOT)
    rows += [f"warm rebuild, 1 article added to the largest story (no mkdocs): {warm:.1f} s; "
             f"{rewritten(before, state(docs))}",
             f"  {stages}; analysis + grouping {stage_seconds(stages, *ANALYSIS_AND_GROUPING):.1f} s"]
    before = state(docs)
    outlets = project / "data" / "outlets.yml"
    setting = outlets.read_text(encoding="utf-8")
    changed = setting.replace("Nowhere", "Elsewhere", 1) if "Nowhere" in setting else setting.replace("Elsewhere", "Nowhere", 1)
    outlets.write_text(changed, encoding="utf-8")
    warm, stages = timed_build([*build, "--no-mkdocs"], ROOT)
    rows += [f"warm rebuild, 1 outlet setting changed (no mkdocs): {warm:.1f} s; {rewritten(before, state(docs))}",
             f"  {stages}; analysis + grouping {stage_seconds(stages, *ANALYSIS_AND_GROUPING):.1f} s"]
    return rows


def warm_site_builds(project: Path, number: int) -> list[str]:
    """The whole rebuild, mkdocs included, after adding one article: seconds, and how many files of docs/ and
    of the built site/ changed (a site file with the previous bytes keeps the previous mtime)."""
    build = [PYTHON, "-m", "builder", "build", "--root", str(project)]
    settle, output = run_build(build, ROOT)
    rows = [f"first build with mkdocs at the current code: {settle:.1f} s; {output.splitlines()[0]}"]
    site = project / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    add_article(project, number)
    warm, output = run_build(build, ROOT)
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    touched = sum(1 for p, mtime in after.items() if before.get(p) != mtime)
    stages = timings_of(output)
    return [*rows, f"warm rebuild with mkdocs, 1 article added: {warm:.1f} s; {output.splitlines()[0]}",
            f"  {stages}; site files with a new mtime: {touched} of {len(after)}"]


def bare_project(dest: Path, pages: int, texts: list[str]) -> Path:
    """A mkdocs-material project of `pages` plain pages, kept out of the navigation as the generated ones are (a
    menu of every page on every page makes a build quadratic: the first version of this baseline did that and
    flattered the ratio). Each page holds one of `texts` (cycled), or one line when `texts` is empty."""
    (dest / "docs").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text("site_name: bare\ntheme:\n  name: material\nplugins:\n  - search\n"
                                     "nav:\n  - index.md\nnot_in_nav: /p*.md\n", encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for number in range(pages - 1):
        body = texts[number % len(texts)] if texts else "Some plain text."
        (dest / "docs" / f"p{number:05d}.md").write_text(f"# Page {number}\n\n{body}\n", encoding="utf-8")
    return dest


def markdown_mb(docs: Path) -> float:
    return sum(page.stat().st_size for page in docs.rglob("*.md")) / 2**20


def article_texts(project: Path) -> list[str]:
    """The project's article texts without their front matter, as plain Markdown paragraphs."""
    texts = []
    for path in sorted((project / "data" / "articles").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        texts.append("\n\n".join(line for line in body.splitlines() if line.strip()))
    return texts


# The build's mkdocs step (builder.site_build) over a kept project's docs/, as many parts at a time as cores.
PARTS_BUILD = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from builder.config import Config
from builder.site_build import build_parts, plan_parts
project, out = Path(sys.argv[1]), Path(sys.argv[2])
parts = plan_parts(project / "docs", (project / "mkdocs.yml").read_text(encoding="utf-8"), Config.site_part_bytes)
build_parts(parts, project, project / "docs", out, strict=False, workers=os.cpu_count() or 1,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
Path(f"{out}.parts").write_text(f"{len(parts)} parts", encoding="utf-8")
"""


def mkdocs_figures(project: Path, scratch: Path) -> list[str]:
    """The generated site against two bare sites of as many pages: one-line pages, and pages holding the
    articles' texts (the work any site of these articles must do; the generated pages add highlights,
    tables and evidence). Wall and CPU seconds; CPU is the steadier figure on a shared machine."""
    mkdocs = str(Path(PYTHON).parent / "mkdocs")
    parted, parted_cpu = timed_run_cpu([PYTHON, "-c", PARTS_BUILD, str(project), str(scratch / "site-parts"), str(ROOT)], project)
    parted_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20  # the largest part so far
    parts = (scratch / "site-parts.parts").read_text(encoding="utf-8")
    site, site_cpu = timed_run_cpu([mkdocs, "build", "-q", "-d", str(scratch / "site-again")], project)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20  # the largest child so far: this one
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    plain, plain_cpu = timed_run_cpu([mkdocs, "build", "-q"], bare_project(scratch / "bare", pages, []))
    bare_texts = bare_project(scratch / "bare-texts", pages, article_texts(project))
    texts, texts_cpu = timed_run_cpu([mkdocs, "build", "-q"], bare_texts)
    site_mb, texts_mb = markdown_mb(project / "docs"), markdown_mb(bare_texts / "docs")
    built = scratch / "site-again"
    index = built / "search" / "search_index.json"
    size = sum(p.stat().st_size for p in built.rglob("*") if p.is_file())
    return [f"the build's mkdocs step, {parts} side by side on {os.cpu_count()} cores: {parted:.1f} s wall, "
            f"{parted_cpu:.1f} s CPU; ratio {parted / plain:.2f} wall to one-line pages, {parted / texts:.2f} to the "
            f"articles' texts; peak memory of a part {parted_peak:.2f} GB",
            f"one mkdocs build of the generated site: {site:.1f} s wall, {site_cpu:.1f} s CPU for {pages} pages",
            f"  bare mkdocs-material, {pages} one-line pages: {plain:.1f} s wall, {plain_cpu:.1f} s CPU; "
            f"ratio {site / plain:.2f} wall, {site_cpu / plain_cpu:.2f} CPU",
            f"  bare mkdocs-material, {pages} pages of the articles' texts: {texts:.1f} s wall, {texts_cpu:.1f} s CPU; "
            f"ratio {site / texts:.2f} wall, {site_cpu / texts_cpu:.2f} CPU",
            f"  Markdown: the generated pages {site_mb:.0f} MB, the articles' texts {texts_mb:.0f} MB; CPU seconds per "
            f"MB {site_cpu / site_mb:.2f} and {texts_cpu / texts_mb:.2f} (the ratio above is the bytes the pages show)",
            f"site size {size / 2**20:.1f} MB; search index {index.stat().st_size / 2**20:.1f} MB; "
            f"peak memory of mkdocs {peak:.2f} GB (with --mkdocs-only; else the largest process so far)"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--speed-texts", type=int, default=120, help="articles timed for the analysis speed")
    parser.add_argument("--keep", type=Path, help="make the project in this (new) directory and keep it")
    parser.add_argument("--mkdocs-only", type=Path, metavar="PROJECT",
                        help="only the mkdocs figures, on a project kept by an earlier --keep run")
    parser.add_argument("--warm-only", type=Path, metavar="PROJECT",
                        help="only the warm rebuilds, on a project kept by an earlier --keep run (after one build "
                             "that brings its pages up to the current code)")
    parser.add_argument("--warm-site", type=Path, metavar="PROJECT",
                        help="only the warm rebuild with mkdocs (site files changed), on a kept project")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"error: {EVAL} not found: the benchmark builds its corpora from the evaluation texts", file=sys.stderr)
        return 1
    if args.mkdocs_only:
        with tempfile.TemporaryDirectory(prefix="build-scale-mkdocs-") as tmp:
            for row in mkdocs_figures(args.mkdocs_only, Path(tmp)):
                print(row, flush=True)
        return 0
    if args.warm_site:
        for row in warm_site_builds(args.warm_site, 98_000 + int(time.time()) % 999):
            print(row, flush=True)
        return 0
    if args.warm_only:
        settle, stages = timed_build([PYTHON, "-m", "builder", "build", "--root", str(args.warm_only), "--no-mkdocs"], ROOT)
        print(f"project: {args.warm_only} (kept); first build at the current code: {settle:.1f} s\n  {stages}")
        for row in warm_builds(args.warm_only, 99_000 + int(time.time()) % 999):
            print(row, flush=True)
        return 0
    if args.keep:
        args.keep.mkdir(parents=True)
    scratch = contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory(prefix="build-scale-")
    with scratch as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        texts = make_project(project, args.articles)
        print(f"project: {args.articles} articles over {len(OUTLETS)} outlets; {os.cpu_count()} cores", flush=True)
        for part in (lambda: speed_rows(texts[: args.speed_texts], texts[-40:]), lambda: builds(project),
                     lambda: mkdocs_figures(project, Path(tmp))):
            for row in part():  # each part printed as soon as it is measured: a 10k run takes an hour
                print(row, flush=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak resident memory of the largest child process (build, mkdocs): {peak:.0f} MB")
    print(f"load average at the end (other agents share the cores): {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
