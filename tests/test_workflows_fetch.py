"""The scheduled fetch and the pull-request workflows do what the docs say, with the least permissions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def checkouts(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])
            if str(step.get("uses", "")).startswith("actions/checkout@")]


def test_fetch_commits_then_calls_the_site_build() -> None:
    fetch = load("fetch.yml")
    triggers = fetch[True]  # YAML 1.1 reads the key `on` as True
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    assert fetch["permissions"] == {}
    assert fetch["jobs"]["fetch"]["permissions"] == {"contents": "write"}
    site = fetch["jobs"]["site"]
    assert site["uses"] == "./.github/workflows/site.yml" and site["needs"] == "fetch"
    assert site["with"]["ref"] == "${{ needs.fetch.outputs.sha }}"
    steps = " ".join(str(s.get("run", "")) for s in fetch["jobs"]["fetch"]["steps"])
    assert "python -m builder fetch" in steps and "git add data/articles" in steps


def test_site_build_can_be_called_on_a_given_commit() -> None:
    site = load("site.yml")
    assert site[True]["workflow_call"]["inputs"]["ref"]["type"] == "string"
    assert checkouts(site)[0]["with"]["ref"] == "${{ inputs.ref }}"


def test_pull_request_summary() -> None:
    pr = load("pull-request.yml")
    assert "pull_request" in pr[True] and pr["jobs"]["build"]["permissions"] == {"contents": "read"}
    runs = " ".join(str(s.get("run", "")) for s in pr["jobs"]["build"]["steps"])
    assert "make build" in runs and "python -m builder diff" in runs and "GITHUB_STEP_SUMMARY" in runs


def test_no_workflow_keeps_credentials_in_the_checkout() -> None:
    for name in ("fetch.yml", "pull-request.yml", "site.yml"):
        assert all(c["with"]["persist-credentials"] is False for c in checkouts(load(name))), name
