"""Per-article analysis cache: .cache/analysis/<key>.json, keyed by text hash + analyser fingerprint.

The fingerprint covers the detector code, the lexicons, spaCy, the model and the entry format, so any change
to the method invalidates every entry. A corrupt or truncated entry is reported and recomputed, never trusted.

An entry is two lines: a header `{"key", "digest"}`, then the analysis as JSON, whose bytes the digest covers.
Checking the digest then hashes the line as read, where a digest of the parsed analysis would have to
serialise it again (a quarter of the time a warm 10k build spends reading its cache).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy import about as spacy_about

from builder.models import TextAnalysis
from builder.serialize import analysis_from, analysis_json

ENTRY_FORMAT = 2  # 1: one JSON object holding the analysis, its digest over the analysis serialised again


def analyser_fingerprint(model_name: str, model_version: str) -> str:
    digest = hashlib.sha256(
        f"spacy={spacy_about.__version__};model={model_name}={model_version};entry={ENTRY_FORMAT}".encode())
    for package, suffix in (("builder.analysis", ".py"), ("builder.lexicons", ".tsv")):
        for entry in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if entry.name.endswith(suffix):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class AnalysisCache:
    directory: Path
    fingerprint: str

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{text}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, text: str) -> tuple[TextAnalysis | None, str | None]:
        """(analysis, None) on a hit, (None, None) on a miss, (None, problem) for a corrupt entry."""
        key = self.key(text)
        path = self._path(key)
        if not path.is_file():
            return None, None
        try:
            header, body = path.read_bytes().split(b"\n", 1)
            entry = json.loads(header)
            if entry.get("key") != key:
                raise ValueError("entry does not match its key")
            if entry.get("digest") != _digest(body):
                raise ValueError("checksum mismatch")
            analysis = analysis_from(json.loads(body))
            _check_spans(text, analysis)
            return analysis, None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            return None, f"{path}: corrupt analysis cache entry ({type(err).__name__}: {err}) — recomputed"

    def put(self, text: str, analysis: TextAnalysis) -> None:
        key = self.key(text)
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(entry_bytes(key, json.dumps(analysis_json(analysis), ensure_ascii=False).encode("utf-8")))
        tmp.replace(path)


def entry_bytes(key: str, body: bytes) -> bytes:
    """An entry's bytes: the header line, then `body` (the analysis as JSON)."""
    return json.dumps({"key": key, "digest": _digest(body)}).encode("utf-8") + b"\n" + body


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _check_spans(text: str, analysis: TextAnalysis) -> None:
    """An entry whose spans do not fit the text was not made from it: never trust it."""
    spans = [h.span for h in analysis.hedges]
    for a in analysis.attributions:
        spans.extend(s for s in (a.cue, a.content) if s is not None)
        spans.extend(source.span for source in (a.source, a.via) if source is not None)
    for span in spans:
        if span.end > len(text) or text[span.start:span.end] != span.text:
            raise ValueError(f"span {span.start}..{span.end} does not fit the text")


def load_render_manifest(path: Path, docs_dir: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The last build's page groups: digests and page paths (builder/render/reuse.py), keeping only the groups
    whose pages are all still in `docs_dir` as that build left them (same size and modification time: a page
    edited by hand, or restored from an older cache, is rendered again); empty when there is none or it cannot
    be read (then every page is rendered: the manifest only ever saves work)."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        manifest = {str(group): (str(digest), tuple((str(p), int(size), int(mtime)) for p, size, mtime in pages))
                    for group, (digest, pages) in entries.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}
    return {group: (digest, tuple(p for p, _, _ in pages)) for group, (digest, pages) in manifest.items()
            if all(".." not in p and _stat(docs_dir / p) == (size, mtime) for p, size, mtime in pages)}


def save_render_manifest(path: Path, manifest: dict[str, tuple[str, tuple[str, ...]]], docs_dir: Path) -> None:
    """Saved once the pages are in `docs_dir`, with each page's size and modification time."""
    entries = {group: [digest, [[p, *(_stat(docs_dir / p) or (-1, -1))] for p in pages]]
               for group, (digest, pages) in sorted(manifest.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries), encoding="utf-8")
    tmp.replace(path)


def _stat(page: Path) -> tuple[int, int] | None:
    """Size and whole seconds of the modification time: an archive that keeps pages between CI runs may keep
    times to the second only."""
    try:
        found = page.stat()
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns // 10**9)
