"""Tests of ``newsclean.stages.date_choice``: where headlines are looked for, how lines are normalised."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.stages._lines import split_lines
from newsclean.stages.date_candidates import _words
from newsclean.stages.date_choice import _NORM, NORM_CHUNK, _norm, _norm_lines, _word_count, headline_lines

TITLE = "Council approves the new budget for the city parks"
STORY = (
    "The council voted on Tuesday to approve a budget that sets aside more money for the city's parks, "
    "after months of debate between members and residents."
)
TEXT = "\n".join(
    [
        f"{TITLE} | City News",
        "Home | News | Sport",
        TITLE,
        "March 5, 2024",
        STORY,
        "Share this story",
        TITLE,  # a related-stories widget repeats the title further down
        "More news",
        TITLE,
    ]
)


@pytest.mark.parametrize("until", [0, 2, 3, 5, 6, 7, 100])
def test_until_keeps_every_headline_up_to_it_and_the_first_one(until: int) -> None:
    lines = split_lines(TEXT)
    every = headline_lines(lines, None)
    assert every == [2, 6, 8]
    got = headline_lines(lines, None, until=until)
    expected = [h for h in every if h <= until] or every[:1]
    assert got == expected


def test_no_headline_on_text_without_a_title_repeat() -> None:
    lines = split_lines("Short title here for a page\nSomething else entirely\n" + STORY)
    assert headline_lines(lines, None) == headline_lines(lines, None, until=0) == []


# ``_norm``'s bytes path and ``_norm_lines``' chunks give what the pattern gives, line by line.
_NORM_ALPHABET = "aZ9_ -.,\t\r\x0b\x1c\x85\u00a0\u3000—«»’ΣσςİıßﬁÅ\u0307\u0301日本абвΑΒ‿😀١"


def _norm_by_pattern(text: str) -> str:
    return str(_NORM.sub(" ", text.lower())).strip()


@pytest.mark.parametrize(
    "text",
    [
        "Мэр — «Города» 2024_г.",
        "A situação do país — veja",
        "ΟΔΟΣ ΑΘΗΝΑΣ\u00a0ΝΕΑ",
        "İstanbul'da 5 kişi",
        "x\ud800y",
        "😀 ☃ ✓ ★ ✗ ♥ ♦ — – «» ‹› a",
        "",
    ],
)
def test_norm_is_the_pattern_on_non_ascii_lines(text: str) -> None:
    assert _norm(text) == _norm_by_pattern(text)
    assert list(_norm_lines([text, text.upper(), ""])) == [
        _norm_by_pattern(t) for t in (text, text.upper(), "")
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_NORM_ALPHABET, max_size=24), min_size=1, max_size=3 * NORM_CHUNK))
def test_norm_lines_are_each_line_normalised(texts: list[str]) -> None:
    assert list(_norm_lines(texts)) == [_norm_by_pattern(t) for t in texts]
    assert [_norm(t) for t in texts] == [_norm_by_pattern(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_ -.,\u00e9\u00df1\u00b2\u2167", max_size=40))
def test_word_count_is_the_number_of_words(text: str) -> None:
    assert _word_count(text) == len(_words(text))
