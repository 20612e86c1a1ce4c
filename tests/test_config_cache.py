"""outlets.yml validation and the analysis cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.analysis import Analyser
from builder.cache import AnalysisCache
from builder.config import load_outlets
from builder.errors import ConfigError


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("a: [unclosed", "not valid YAML"),
        ("- just a list", "expected a mapping"),
        ("Bad Slug:\n  name: X", "slugs are lower-case"),
        ("x: just a name", "expected a mapping with at least `name`"),
        ("x:\n  name: X\n  colour: red", "unknown field(s) colour"),
        ("x:\n  name: X\n  boilerplate_patterns: ['(unclosed']", "not a valid regular expression"),
        ("x:\n  name: X\n  boilerplate: 3", "must be a list of strings"),
    ],
)
def test_broken_outlets_yml_is_a_clear_error(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "outlets.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_outlets(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_outlets_are_read() -> None:
    outlets = load_outlets(Path(__file__).resolve().parent.parent / "data" / "outlets.yml")
    assert {o.slug: o.name for o in outlets} == {"panarmenian": "PanARMENIAN.Net", "southfront": "SouthFront"}


def test_cache_round_trip_and_corruption(tmp_path: Path, analyser: Analyser) -> None:
    text = "“We will build it,” the mayor said. Officials say it may cost more."
    analysis = analyser.analyse(text)
    cache = AnalysisCache(tmp_path, analyser.fingerprint())
    assert cache.get(text) == (None, None)
    cache.put(text, analysis)
    assert cache.get(text) == (analysis, None)
    entry = next(tmp_path.rglob("*.json"))
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])  # truncated by a crash
    found, problem = cache.get(text)
    assert found is None and problem is not None and "corrupt" in problem and str(entry) in problem


def test_fingerprint_changes_with_the_method(analyser: Analyser) -> None:
    assert AnalysisCache(Path("x"), "a").key("t") != AnalysisCache(Path("x"), "b").key("t")
    assert len(analyser.fingerprint()) == 16
