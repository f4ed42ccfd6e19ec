"""The labelled corpus: every document's findings must equal its .expected.json exactly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from netduty.screening import Screener

from .conftest import CORPUS

DOCS = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.html")])


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_corpus_document(screener: Screener, path: Path) -> None:
    result = screener.screen_file(path)
    assert result.error is None
    text = result.text
    plain = path.suffix == ".txt"
    if plain:
        assert text == path.read_bytes().decode("utf-8-sig")
    keys = ["category", "rule", "severity", "start", "end", "text", "message", "suggestion"]
    for f in result.findings:
        assert text[f.start : f.end] == f.text
        d = f.to_dict()
        assert list(d) == (keys if plain else [*keys, "location"])
        assert d["severity"] in ("high", "medium", "low")
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    got = Counter((f.category, f.start, f.end, f.text) for f in result.findings)
    want = Counter((e["category"], e["start"], e["end"], e["text"]) for e in expected)
    assert got == want, f"extra={got - want} missing={want - got}"
    for e in expected:
        assert text[e["start"] : e["end"]] == e["text"]
    if not plain:
        assert [(f.start, f.location) for f in result.findings] == [(e["start"], e["location"]) for e in expected]


def test_corpus_is_substantial() -> None:
    assert len(DOCS) >= 8
    planted = sum(len(json.loads(p.with_suffix(".expected.json").read_text("utf-8"))) for p in DOCS)
    assert planted >= 30
