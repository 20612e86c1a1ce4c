"""Command line: the only place that prints to the user and chooses exit codes.

    python -m builder build [--strict]            data/ -> docs/ (generated pages) -> site/ (mkdocs)
    python -m builder analyze FILE                 human-readable analysis of one article file
    python -m builder analyze --plain --jsonl      stdin {"id","text"} -> stdout analysis per line
    python -m builder group --jsonl                stdin {"id","title","text","outlet","published"} -> {"id","event","story"}
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from builder.errors import BuilderError, ContractError

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
        analyser = Analyser.load()
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
    assignment = group_documents(docs)
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

    config = load_config(Path(args.root), strict=args.strict, run_mkdocs=not args.no_mkdocs, use_cache=not args.no_cache)
    report = run(config)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    if args.strict and report.warnings:
        print(f"error: --strict: {len(report.warnings)} warning(s), build failed", file=sys.stderr)
        return EXIT_ERROR
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
    build.set_defaults(func=cmd_build)

    analyze = sub.add_parser("analyze", help="attributions, sources, hedges and readability of texts")
    analyze.add_argument("file", nargs="?", help="an article file (.txt, .md, .html) to describe")
    analyze.add_argument("--plain", action="store_true", help="analyse the text exactly as given (no boilerplate removal)")
    analyze.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin, write JSON lines')
    analyze.set_defaults(func=cmd_analyze)

    group = sub.add_parser("group", help="assign articles to events and stories")
    group.add_argument("--jsonl", action="store_true", help='read {"id","title","text","outlet","published"} lines')
    group.set_defaults(func=cmd_group)
    return top


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
