"""Tests of word boundaries and word tests (``newsclean.stages.injection_words``)."""

from __future__ import annotations

import pytest

from newsclean.stages.injection_words import bounded, has_unknown_word, occurrences, vocabulary


@pytest.mark.parametrize(
    ("text", "part", "expected", "why"),
    [
        ("the MacBook sold", "Book", False, "inside a Latin word"),
        ("the Book sold", "Book", True, "a whole word"),
        ("据Keyword报道", "Keyword", True, "a change of script is a boundary"),
        ("、东京新闻网的", "东京新闻网", True, "a long CJK name on a clause mark"),
        ("据东京新闻网报道", "东京新闻网", False, "CJK glued on both sides"),
        ("、东京的", "东京", False, "a short CJK word touching CJK"),
    ],
)
def test_bounded(text: str, part: str, expected: bool, why: str) -> None:
    s = text.index(part)
    assert bounded(text, s, s + len(part)) is expected, why


def test_occurrences_skip_parts_of_words() -> None:
    assert occurrences("Book, MacBook and Book.", "Book") == [0, 18]


@pytest.mark.parametrize(
    ("phrase", "expected", "why"),
    [
        ("Zorblatex Partners", True, "a made-up word"),
        ("Berlin Partners", False, "real words"),
        ("Big Win", False, "words under four letters are never tested"),
    ],
)
def test_has_unknown_word(phrase: str, expected: bool, why: str) -> None:
    assert has_unknown_word(phrase, "en") is expected, why


def test_vocabulary_groups_are_loaded_and_lower_case() -> None:
    voc = vocabulary()
    assert "will" in voc.modals and "be" in voc.after_modals
    assert "the" in voc.determiners
    assert all(w == w.lower() for w in voc.openers)
