"""Charts: deterministic SVG, every text XML-escaped, alt text and table carry the same numbers."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from test_render import seed_corpus

from builder.analysis import Analyser
from builder.models import AnalysedArticle
from builder.render.chart_sets import outlet_timeline
from builder.render.charts import Bar, Chart, Group, alt_text, figures, svg, table

EVIL = '<script>alert(1)</script> & "x" ]]>'


def chart(label: str = "PanARMENIAN.Net") -> Chart:
    return Chart("c1", "Sources by kind", "distinct sources", (
        Group(label, (Bar("named person", 0.0, "0"), Bar("named organisation", 8.0, "8"))),
        Group("SouthFront", (Bar("named person", 1.0, "1"), Bar("named organisation", None, "–"))),
    ))


def test_svg_is_well_formed_and_labelled() -> None:
    root = ET.fromstring(svg(chart()))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{ns}title").text == "Sources by kind"  # type: ignore[union-attr]
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert texts[:2] == ["PanARMENIAN.Net", "named person"] and "8" in texts and "–" in texts
    widths = [float(r.get("width", "0")) for r in root.iter(f"{ns}rect")]
    assert max(widths) == 230.0 and len(widths) == 2  # zero and missing values draw no bar


def test_hostile_labels_are_escaped() -> None:
    out = svg(chart(EVIL))
    assert "<script>" not in out and "]]>" not in out
    root = ET.fromstring(out)
    assert EVIL in [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<script>" not in table(chart(EVIL)) and "<script>" not in figures([chart(EVIL)])


def test_alt_text_and_table_have_every_number() -> None:
    c = chart()
    assert alt_text(c) == ("Sources by kind (distinct sources). PanARMENIAN.Net: named person 0, named organisation 8; "
                           "SouthFront: named person 1, named organisation –.")
    rows = table(c).splitlines()
    assert rows[0] == "| distinct sources | named person | named organisation |"
    assert rows[2].endswith("| 0 | 8 |") and rows[3].endswith("| 1 | – |")


def test_charts_are_deterministic_and_have_no_script() -> None:
    assert figures([chart(), chart()]) == figures([chart(), chart()])
    assert "<script" not in figures([chart()]).lower() and "on" + "load=" not in figures([chart()])


def test_empty_chart() -> None:
    empty = Chart("e", "Nothing", "count", ())
    ET.fromstring(svg(empty))
    assert figures([]) == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_label_gives_well_formed_svg(group: str, series: str) -> None:
    chart = Chart("h", group, series, (Group(group, (Bar(series, 1.0, series),)),))
    root = ET.fromstring(svg(chart))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_outlet_timeline_keeps_the_latest_months(analyser: Analyser) -> None:
    seed = seed_corpus(analyser).articles[0]
    articles = [AnalysedArticle(replace(seed.article, id=f"x/{n}", published=dt.date(2020 + n // 12, n % 12 + 1, 5)),
                                seed.analysis) for n in range(14)]
    articles.append(AnalysedArticle(replace(seed.article, id="x/undated", published=None), seed.analysis))
    kinds, hedges = outlet_timeline(seed.article.outlet, articles)
    labels = [g.label for g in kinds.groups]
    assert labels[0] == "2020-03" and labels[-2:] == ["2021-02", "undated"] and len(labels) == 13
    assert "latest 12 months" in kinds.title and [g.label for g in hedges.groups] == labels
