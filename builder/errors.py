"""Typed exceptions of the library. Only builder.cli turns them into messages and exit codes."""

from __future__ import annotations

from pathlib import Path


class BuilderError(Exception):
    """Base class: something the user can fix. The message names the file and the fix."""


class InputError(BuilderError):
    """A file under data/ cannot be used as it is."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem} — {fix}")


class ConfigError(BuilderError):
    """Configuration (outlets.yml, command-line options) is invalid."""


class ContractError(BuilderError):
    """A line of JSONL input to `analyze --jsonl` / `group --jsonl` is malformed."""


class ModelMissingError(BuilderError):
    """The spaCy model package is not installed."""


class BuildLockedError(BuilderError):
    """Another build of the same project is running."""


class StagingError(BuilderError):
    """The record of an interrupted build's swap cannot be read."""


class SiteBuildError(BuilderError):
    """`mkdocs build` failed on the generated pages."""
