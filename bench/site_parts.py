"""The build's mkdocs step at several part sizes (`--site-part-mb`): everything, and after one article.

    .venv/bin/python bench/site_parts.py PROJECT [--mb 32 16 8] [--changed PAGE ...]

PROJECT is a built project (e.g. the 10k one `bench/build_scale.py` makes). For each size it prints the CPU and
wall seconds of building every part, two at a time as the build does (`builder.site_build.build_parts`), and the
CPU seconds of building the core part and the parts holding the `--changed` pages, one after another: what a
rebuild pays when those pages changed. By default the changed pages are the four parted pages one new article
changes (its own, its event's, its story's and its outlet's), taken as the newest article page of the project
and the pages it links to.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.site_build import _mkdocs, build_parts, plan_parts  # noqa: E402

LINKED = re.compile(r"\]\(\.\./\.\./((?:events|stories|outlets)/[^)#]+\.md)\)")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def newest_article_pages(docs: Path) -> list[str]:
    """The newest article page and the event, story and outlet pages it links to (docs-relative)."""
    article = max((docs / "articles").rglob("*.md"), key=lambda page: page.stat().st_mtime)
    linked = LINKED.findall(article.read_text(encoding="utf-8"))
    return [article.relative_to(docs).as_posix(), *dict.fromkeys(linked)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--mb", type=int, nargs="+", default=[32, 16, 8])
    parser.add_argument("--changed", nargs="+", help="docs-relative pages (default: a new article's four)")
    args = parser.parse_args()
    root, docs = args.project.resolve(), args.project.resolve() / "docs"
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    changed = set(args.changed or newest_article_pages(docs))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    print(f"changed pages: {', '.join(sorted(changed))}")
    with tempfile.TemporaryDirectory() as scratch:
        for mb in args.mb:
            parts = plan_parts(docs, mkdocs_yml, mb * 1_000_000)
            site = Path(scratch) / "site"
            shutil.rmtree(site, ignore_errors=True)
            cpu, wall = children_cpu(), time.perf_counter()
            build_parts(parts, root, docs, site, strict=False, workers=2, env=env)
            print(f"{mb} MB: {len(parts)} parts; everything: {time.perf_counter() - wall:.1f} s wall, "
                  f"{children_cpu() - cpu:.1f} s CPU", flush=True)
            hit = [part for part in parts[1:] if changed & set(part.pages)]
            cpu = children_cpu()
            for part in (parts[0], *hit):
                _mkdocs(part, root, docs, Path(scratch) / part.name, mkdocs_yml, False, env)
            print(f"  after the change: the core and {len(hit)} parts ({sum(p.size for p in hit) / 1e6:.1f} MB, "
                  f"{sum(len(p.pages) for p in hit)} pages): {children_cpu() - cpu:.1f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
