"""One validated, frozen configuration object, built from the project root and data/outlets.yml."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.errors import ConfigError
from builder.models import Outlet

OUTLET_FIELDS = {"name", "homepage", "country", "boilerplate", "boilerplate_patterns", "tail_markers", "notes"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Config:
    root: Path
    data_dir: Path
    docs_dir: Path
    site_dir: Path
    outlets: tuple[Outlet, ...]
    strict: bool = False
    run_mkdocs: bool = True
    cache_dir: Path | None = None  # None: analyse every article afresh
    site_name: str = "Framing"
    problems: tuple[str, ...] = ()  # reported as build warnings; the build goes on without the broken part
    outlets_valid: bool = True  # False: outlets.yml could not be read, so no outlet is "missing" from it
    workers: int = 1  # analysis processes on this machine (load_config: one per core)
    scheduler: str | None = None  # a dask.distributed scheduler address: analyse on that cluster instead
    # Markdown per `mkdocs build` process when the site is built in parts (builder.site_build): mkdocs holds
    # about 3 bytes of memory per byte of Markdown, so a part stays near 150 MB
    site_part_bytes: int = 32_000_000

    @property
    def articles_dir(self) -> Path:
        return self.data_dir / "articles"

    @property
    def accuracy_file(self) -> Path:
        return self.root / "bench" / "accuracy.json"

    def outlet(self, slug: str) -> Outlet | None:
        return next((o for o in self.outlets if o.slug == slug), None)


def load_config(root: Path, *, strict: bool = False, run_mkdocs: bool = True, use_cache: bool = True,
                workers: int | None = None, scheduler: str | None = None, site_part_mb: float | None = None) -> Config:
    root = root.resolve()
    data_dir = root / "data"
    if not (data_dir / "articles").is_dir():
        raise ConfigError(f"{data_dir / 'articles'}: no such directory — run from the project root or pass --root")
    outlets_file = data_dir / "outlets.yml"
    problems: tuple[str, ...] = ()
    try:
        outlets = load_outlets(outlets_file) if outlets_file.exists() else ()
    except ConfigError as err:
        # the articles still build, under their folder names, so one typo does not take the site down
        outlets, problems = (), (f"{err} (outlets shown by folder name until fixed)",)
    cache_dir = root / ".cache" / "analysis" if use_cache else None
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers {workers}: give 1 or more analysis processes (default: one per core)")
    if site_part_mb is not None and not site_part_mb > 0:
        raise ConfigError(f"--site-part-mb {site_part_mb}: give a positive size in MB (default: 32)")
    return Config(root, data_dir, root / "docs", root / "site", outlets, strict=strict, run_mkdocs=run_mkdocs,
                  cache_dir=cache_dir, problems=problems, outlets_valid=not problems,
                  workers=workers or os.cpu_count() or 1, scheduler=scheduler or None,
                  site_part_bytes=int(site_part_mb * 1_000_000) if site_part_mb else Config.site_part_bytes)


def load_outlets(path: Path) -> tuple[Outlet, ...]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror}) — check the file's permissions") from err
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid YAML ({_first_line(err)}) — fix the syntax, see docs/reference/data.md") from err
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{path}: expected a mapping of outlet slug -> settings, got {type(raw).__name__} — "
                          "write one `slug:` line per folder of data/articles/, with `name: ...` under it")
    return tuple(_outlet(path, str(slug), settings) for slug, settings in sorted(raw.items(), key=lambda kv: str(kv[0])))


def _outlet(path: Path, slug: str, settings: Any) -> Outlet:
    where = f"{path}: outlet {slug!r}"
    if not SLUG.match(slug):
        raise ConfigError(f"{where}: slugs are lower-case letters, digits, '-' and '_' — "
                          "use the folder's name under data/articles/")
    if not isinstance(settings, Mapping):
        raise ConfigError(f"{where}: expected a mapping with at least `name` — write `name: ...` indented under it")
    unknown = sorted(set(settings) - OUTLET_FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(map(str, unknown))} — "
                          f"valid: {', '.join(sorted(OUTLET_FIELDS))}")
    patterns = _strings(where, settings, "boilerplate_patterns")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ConfigError(f"{where}: boilerplate pattern {pattern!r} is not a valid regular expression ({err}) — "
                              "fix it, or quote it with single quotes") from err
    return Outlet(
        slug=slug,
        name=_string(where, settings, "name") or slug,
        homepage=_string(where, settings, "homepage"),
        country=_string(where, settings, "country"),
        boilerplate_lines=_strings(where, settings, "boilerplate"),
        boilerplate_patterns=patterns,
        tail_markers=_strings(where, settings, "tail_markers"),
        notes=_strings(where, settings, "notes"),
    )


def _string(where: str, settings: Mapping[str, Any], key: str) -> str | None:
    value = settings.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ConfigError(f"{where}: `{key}` must be text, got {type(value).__name__} — write `{key}: some text`")
    return str(value)


def _strings(where: str, settings: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = settings.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings — write one `- text` line per entry")
    return tuple(value)


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
