"""Well-formed articles must come through untouched: every heuristic's control."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean

CLEAN = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "clean").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_article_gets_zero_body_edits(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    article = newsclean.clean(raw)
    changes = list(article.edits)
    assert changes == [], article.explain()
    assert list(article.paragraphs) == [line for line in raw.splitlines() if line.strip()]
    assert article.spun is False
    assert article.spam_keywords == ()
    assert article.title is None


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_article_with_a_headline_keeps_its_body(path: Path) -> None:
    body = path.read_text(encoding="utf-8")
    article = newsclean.clean("A plain headline for this story\n" + body)
    assert article.title == "A plain headline for this story"
    assert list(article.paragraphs) == [line for line in body.splitlines() if line.strip()]
    assert [e.reason for e in article.edits] == ["title"]
