"""The project's pipeline gives exactly what spaCy's own gives: the memoised attribute ruler and lemmatizer,
and matrix products through numpy's BLAS instead of BLIS (builder/analysis/blas.py).

Compared token by token (POS, MORPH, LEMMA, TAG, DEP, head, entity) against an unmodified pipeline, on the
seed articles, hand-written sentences with the multi-token rules ("gon na", "let 's") and, when present, the
first 30 PolNeAR dev articles from ../shared/eval (about 25,000 tokens).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from builder.analysis import MODEL, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"

SENTENCES = [
    "I'm gonna tell ya, lemme see. Let's go! It ain't over, we gotta run.",
    "She said: “We will not comply,” and the ministry's spokesperson declined to comment.",
    "",
    "   \n\n  ",
    "The U.S. Department of State's officials have been working since 9 a.m. on Jan. 5, 2016.",
]


@pytest.fixture(scope="module")
def reference() -> Language:
    import spacy

    nlp = spacy.load(MODEL)
    nlp.add_pipe("framing_line_breaks", before="parser")
    return nlp


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").rglob("*.txt"))]
    texts += SENTENCES
    if POLNEAR_DEV.exists():
        seen: set[str] = set()
        for line in POLNEAR_DEV.open(encoding="utf-8"):
            record = json.loads(line)
            if record["article"] not in seen and len(seen) < 30:
                seen.add(record["article"])
                texts.append(record["text"])
    return texts


def test_pipeline_uses_the_memoised_components() -> None:
    nlp = load_pipeline()
    assert "framing_memo_attribute_ruler" in nlp.pipe_names and "framing_memo_lemmatizer" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_pipeline_multiplies_through_numpy() -> None:
    from thinc.api import NumpyOps

    nodes = [node for _, component in load_pipeline().pipeline if hasattr(component, "model")
             for node in component.model.walk()]
    assert len(nodes) > 50
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nodes)


def test_one_blas_thread_while_analysing() -> None:
    from threadpoolctl import threadpool_info

    from builder.analysis.blas import one_blas_thread

    with one_blas_thread():
        inside = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert inside and set(inside) == {1}


def test_identical_to_spacy_components(reference: Language) -> None:
    memo = load_pipeline()
    texts = _texts()
    compared = 0
    for ours, theirs in zip(memo.pipe(texts), reference.pipe(texts), strict=True):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            got = (a.pos_, str(a.morph), a.lemma_, a.tag_, a.dep_, a.head.i, a.ent_type_, a.is_sent_start)
            want = (b.pos_, str(b.morph), b.lemma_, b.tag_, b.dep_, b.head.i, b.ent_type_, b.is_sent_start)
            assert got == want, f"token {a.text!r} at {a.idx}"
            compared += 1
    assert compared > 900  # the seeds and sentences alone: about 980 tokens; PolNeAR adds about 25,000
