"""Command line: the only place that prints to the user and chooses exit codes.

    python -m builder build [--strict]            data/ -> docs/ (generated pages) -> site/ (mkdocs)
    python -m builder analyze FILE                 human-readable analysis of one article file
    python -m builder analyze --plain --jsonl      stdin {"id","text"} -> stdout analysis per line
    python -m builder group --jsonl                stdin {"id","title","text","outlet","published"} -> {"id","event","story"}
    python -m builder add FILE.html|URL [--outlet SLUG]   extract one article into data/articles/<outlet>/
    python -m builder fetch                        add the new articles of the feeds in data/feeds.yml
    python -m builder diff OLD.json NEW.json       what changed between two builds' docs/data/figures.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from builder.errors import BuilderError, ConfigError, ContractError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def read_jsonl(stream: IO[str], required: Sequence[str]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ContractError(f"stdin line {number}: not JSON ({err.msg}) — send one JSON object per line") from err
        if not isinstance(record, dict):
            raise ContractError(f"stdin line {number}: expected a JSON object, got {type(record).__name__}")
        missing = [key for key in required if not isinstance(record.get(key), str)]
        if missing:
            raise ContractError(f"stdin line {number}: missing string field(s) {', '.join(missing)}")
        yield record


def write_jsonl(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def cmd_analyze(args: argparse.Namespace) -> int:
    from builder.analysis import Analyser
    from builder.serialize import analysis_json

    if args.jsonl:
        records = list(read_jsonl(sys.stdin, ("id", "text")))
        analyser = Analyser.load(workers=args.workers or os.cpu_count() or 1)
        texts = [r["text"] for r in records] if args.plain else [_clean_for_analysis(r["text"]) for r in records]
        for record, analysis in zip(records, analyser.analyse_many(texts), strict=True):
            write_jsonl({"id": record["id"], **analysis_json(analysis)})
        return EXIT_OK
    if not args.file:
        raise ContractError("analyze needs a FILE, or --jsonl to read JSON lines from stdin")
    from builder.report import describe_article

    sys.stdout.write(describe_article(Path(args.file), plain=args.plain, analyser=Analyser.load()))
    return EXIT_OK


def _clean_for_analysis(text: str) -> str:
    from builder.ingest.boilerplate import strip_generic

    return strip_generic(text).text


def cmd_group(args: argparse.Namespace) -> int:
    from builder.grouping import GroupingDoc, group_documents

    if not args.jsonl:
        raise ContractError("group reads JSON lines from stdin: use `python -m builder group --jsonl`")
    records = list(read_jsonl(sys.stdin, ("id",)))
    docs = [
        GroupingDoc(
            id=r["id"],
            title=str(r.get("title") or ""),
            text=str(r.get("text") or ""),
            outlet=r.get("outlet") or None,
            published=_parse_date(r.get("published")),
        )
        for r in records
    ]
    assignment = group_documents(docs, workers=args.workers or os.cpu_count() or 1)
    for doc in docs:
        write_jsonl({"id": doc.id, "event": assignment.event[doc.id], "story": assignment.story[doc.id]})
    return EXIT_OK


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def cmd_build(args: argparse.Namespace) -> int:
    from builder.config import load_config
    from builder.pipeline import run

    config = load_config(Path(args.root), strict=args.strict, run_mkdocs=not args.no_mkdocs, use_cache=not args.no_cache,
                         workers=args.workers, scheduler=args.scheduler, site_part_mb=args.site_part_mb)
    report = run(config, progress=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    if args.strict and report.warnings:
        print(f"error: --strict: {len(report.warnings)} warning(s), build failed", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _outlets(root: Path) -> tuple[Any, ...]:
    from builder.config import load_outlets

    path = root / "data" / "outlets.yml"
    return load_outlets(path) if path.exists() else ()


def cmd_add(args: argparse.Namespace) -> int:
    from builder.library import add_article, known_articles

    root = Path(args.root)
    articles = root / "data" / "articles"
    outlets = _outlets(root)
    added = add_article(articles, args.source, outlets, known_articles(articles), outlet=args.outlet)
    print(f"added {added.path} ({added.outlet}): {added.title}")
    if added.outlet not in {o.slug for o in outlets}:
        print(f"note: outlet {added.outlet!r} is not in data/outlets.yml — add `{added.outlet}:` with `name:` "
              "there, or `build --strict` will fail", file=sys.stderr)
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    from builder.fetch import Outcome, fetch_feeds, load_feeds, summary

    root = Path(args.root)
    feeds = load_feeds(Path(args.feeds) if args.feeds else root / "data" / "feeds.yml")
    outlets = _outlets(root)
    unknown = sorted({f.outlet for f in feeds} - {o.slug for o in outlets})
    if unknown:
        raise ConfigError(f"feeds for outlet(s) {', '.join(unknown)} not in data/outlets.yml — add them there first "
                          "(with at least `name:`), so that the new articles build")

    def show(outcome: Outcome) -> None:
        print(f"{outcome.status}: {outcome.link} — {outcome.reason}", file=sys.stderr if args.quiet else sys.stdout)

    outcomes = fetch_feeds(root / "data" / "articles", feeds, outlets, show)
    print(f"fetch: {len(feeds)} feed(s): {summary(outcomes)}")
    return EXIT_ERROR if any(o.status == "failed" for o in outcomes) and args.strict else EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from builder.diff import load_figures, report

    sys.stdout.write(report(load_figures(Path(args.old)), load_figures(Path(args.new))))
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m builder", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = top.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the site from data/ into docs/ and site/")
    build.add_argument("--root", default=".", help="project root holding data/, docs/, mkdocs.yml (default: .)")
    build.add_argument("--strict", action="store_true", help="treat warnings (skipped files, ...) as failure")
    build.add_argument("--no-mkdocs", action="store_true", help="write the Markdown pages only, skip `mkdocs build`")
    build.add_argument("--no-cache", action="store_true", help="re-analyse every article (ignore .cache/analysis)")
    build.add_argument("--workers", type=int, help="analysis processes on this machine (default: one per core)")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="analyse on this dask.distributed cluster, e.g. tcp://10.0.0.5:8786 (default: locally)")
    build.add_argument("--site-part-mb", type=float, metavar="MB",
                       help="Markdown per `mkdocs build` process: larger sites are built in parts, as many side by "
                            "side as --workers (default: 32)")
    build.set_defaults(func=cmd_build)

    analyze = sub.add_parser("analyze", help="attributions, sources, hedges and readability of texts")
    analyze.add_argument("file", nargs="?", help="an article file (.txt, .md, .html) to describe")
    analyze.add_argument("--plain", action="store_true", help="analyse the text exactly as given (no boilerplate removal)")
    analyze.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin, write JSON lines')
    analyze.add_argument("--workers", type=int, help="--jsonl: analysis processes (default: one per core)")
    analyze.set_defaults(func=cmd_analyze)

    group = sub.add_parser("group", help="assign articles to events and stories")
    group.add_argument("--jsonl", action="store_true", help='read {"id","title","text","outlet","published"} lines')
    group.add_argument("--workers", type=int, help="processes counting words in large inputs (default: one per core)")
    group.set_defaults(func=cmd_group)
    _acquire_parsers(sub)
    return top


def _acquire_parsers(sub: Any) -> None:
    add = sub.add_parser("add", help="extract one article (saved .html or URL) into data/articles/<outlet>/")
    add.add_argument("source", help="a saved article page (.html) or its http(s) URL")
    add.add_argument("--outlet", help="outlet slug (default: the outlet in data/outlets.yml whose homepage host matches)")
    add.add_argument("--root", default=".", help="project root (default: .)")
    add.set_defaults(func=cmd_add)

    fetch = sub.add_parser("fetch", help="add new articles from the RSS/Atom feeds in data/feeds.yml")
    fetch.add_argument("--root", default=".", help="project root (default: .)")
    fetch.add_argument("--feeds", help="feeds file (default: ROOT/data/feeds.yml)")
    fetch.add_argument("--strict", action="store_true", help="exit 1 when a feed or page could not be fetched")
    fetch.add_argument("--quiet", action="store_true", help="per-article lines to stderr, only the summary to stdout")
    fetch.set_defaults(func=cmd_fetch)

    diff = sub.add_parser("diff", help="Markdown summary of what changed between two figures.json files")
    diff.add_argument("old", help="figures.json of the base build (absent: everything is new)")
    diff.add_argument("new", help="figures.json of the new build")
    diff.set_defaults(func=cmd_diff)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BuilderError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
