"""End-to-end: the fixture captures come out as their expected articles.

Every field of ``NAME.expected.json`` is checked (see fixtures/README.md for the schema).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import newsclean
from newsclean import replay

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[str, dict]:
    raw = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return raw, gold


def _norm(text: str, pairs: list[list[str]]) -> str:
    for restored, captured in pairs:
        text = text.replace(captured, restored)
    return text


def _same_time(got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got == want
    if len(want) == 10:
        return got[:10] == want
    g = datetime.fromisoformat(got)
    w = datetime.fromisoformat(want)
    return (g.tzinfo is None) == (w.tzinfo is None) and g == w


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[str, dict, dict, newsclean.Document]:
    raw, gold = _load(request.param)
    doc = newsclean.default_pipeline().run(raw)
    return raw, gold, newsclean.pipeline.to_article(doc).to_dict(), doc


def test_paragraphs(case: tuple) -> None:
    _, gold, got, _ = case
    pairs = gold.get("accept_either", [])
    assert [_norm(p, pairs) for p in got["paragraphs"]] == [_norm(p, pairs) for p in gold["paragraphs"]]


@pytest.mark.parametrize("key", ["title", "site_name", "spun", "tags", "related"])
def test_simple_fields(case: tuple, key: str) -> None:
    _, gold, got, _ = case
    assert got[key] == gold[key]


def test_spam_keywords(case: tuple) -> None:
    _, gold, got, _ = case
    assert sorted(got["spam_keywords"]) == sorted(gold["spam_keywords"])


def test_dateline(case: tuple) -> None:
    _, gold, got, _ = case
    assert got["dateline"] == gold["dateline"]


def test_published_and_candidates(case: tuple) -> None:
    _, gold, got, _ = case
    assert _same_time(got["published"], gold["published"])
    values = [d["value"] for d in got["dates"]]
    for want in gold.get("date_candidates_must_include", []):
        assert any(v is not None and _same_time(v, want) for v in values), values


def test_removed_lines_are_gone(case: tuple) -> None:
    _, gold, got, _ = case
    lines = {p.strip() for p in got["paragraphs"]} | {(got["title"] or "").strip()}
    for line in gold["removed_lines"]:
        assert line.strip() not in lines


def test_every_change_is_logged_and_replays(case: tuple) -> None:
    raw, _, got, doc = case
    assert doc.base_text == raw
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    for e in got["edits"]:
        if e["start"] is not None and e["before"] != e["after"]:
            assert raw[e["start"] : e["end"]] == e["before"] or e["action"] != "remove"


def test_cleaning_is_idempotent(case: tuple) -> None:
    _, _, got, _ = case
    again = newsclean.clean(got["text"])
    assert [e.reason for e in again.edits] == []
    assert list(again.paragraphs) == got["paragraphs"]
