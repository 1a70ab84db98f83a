"""Tests of title-line reading (``newsclean.stages.injection_title``).

All texts are made up for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.layout import is_prose
from newsclean.stages._lines import split_lines
from newsclean.stages.injection_title import (
    MAX_TITLE_LINE,
    MAX_TITLE_WORDS,
    TOP_LINES,
    Slot,
    _line_candidates,
    _title_area,
    candidates,
    head_lines,
    segments,
    slot_of,
    title_spans,
)


@pytest.mark.parametrize(
    ("line", "expected", "why"),
    [
        ("Keyword Hub - Rain floods the city", ["Keyword Hub", "Rain floods the city"], "spaced dash"),
        ("Keyword-Rain floods the city", ["Keyword", "Rain floods the city"], "hyphen before a capital"),
        ("Rain floods the city | Site", ["Rain floods the city", "Site"], "bar"),
        ("【Keyword】Rain floods the city", ["Keyword", "Rain floods the city"], "full-width brackets"),
        ("Home > World > Keyword: Rain", ["Keyword", "Rain"], "breadcrumb set aside, colon"),
        ("Coca-cola sales rise", ["Coca-cola sales rise"], "a hyphen inside a compound"),
        ("Meeting at 10:30 today", ["Meeting at 10:30 today"], "a colon between digits"),
        ("Prices (in euros) rise", ["Prices (in euros) rise"], "parentheses inside the title"),
    ],
)
def test_segments(line: str, expected: list[str], why: str) -> None:
    assert [line[s.start : s.end] for s in segments(line)] == expected, why


def test_candidates_and_their_slots() -> None:
    top = head_lines("Home > Zorblat Hub - Rain floods the city\nBody text follows here.")
    found = {c.phrase: slot_of(c) for c in candidates(top)}
    assert found == {"Zorblat Hub": Slot("prefix", "Home > ", "-")}


@pytest.mark.parametrize(
    ("text", "phrase", "cut", "why"),
    [
        (
            "Zorblat Hub - Rain floods the city",
            "Zorblat Hub",
            "Rain floods the city",
            "prefix with its separator",
        ),
        ("Rain floods the city | Zorblat Hub | Site", "Zorblat Hub", "Rain floods the city | Site", "suffix"),
        ("【Zorblat Hub】Rain floods the city", "Zorblat Hub", "Rain floods the city", "both brackets"),
    ],
)
def test_title_spans_cut_the_phrase_with_one_separator(text: str, phrase: str, cut: str, why: str) -> None:
    ((s, e, cut_s, cut_e),) = title_spans(text, phrase)
    assert text[s:e] == phrase, why
    assert text[:cut_s] + text[cut_e:] == cut, why


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab zQ-|:>/（）[]·•–—_.,ĳ資訊", max_size=40))
def test_candidates_skip_only_lines_without_a_separator_mark(line: str) -> None:
    # every segment of every title area, as candidates() read them before its mark check
    top = [split_lines(line)[0]]
    want = {
        (c.phrase, c.start)
        for area in {_title_area(line), 0}
        for c in _line_candidates(top[0], segments(line, area))
        if len(line[_title_area(line) :].split()) <= MAX_TITLE_WORDS
    }
    assert {(c.phrase, c.start) for c in candidates(top)} == want


def test_title_spans_of_a_phrase_not_in_a_title_slot() -> None:
    assert title_spans("Rain floods the city\nZorblat Hub", "Zorblat Hub") == []


def _reference_top(text: str) -> list[tuple[int, int, int, str]]:
    out = []
    for line in split_lines(text):
        if line.text.strip():
            if is_prose(line.text.strip()) and "." in line.text[:-1]:
                break  # (never reached by these texts: no line of two sentences)
            out.append(tuple(line))
            if len(out) >= TOP_LINES:
                break
    return [line for line in out if len(line[3]) <= MAX_TITLE_LINE]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "One line only",
        "\n \nTitle | Site\n\nBody text.\n",
        "\n".join(f"line {i}" for i in range(20)),
        "x" * 500 + "\nShort title\n" + "\n".join("p" for _ in range(12)),
        "a\r\nb\r\n\r\nc",
    ],
)
def test_head_lines_match_full_split(text: str) -> None:
    assert [tuple(line) for line in head_lines(text)] == _reference_top(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\r.|", max_size=80))
def test_head_lines_match_split_lines_on_any_text(text: str) -> None:
    assert [tuple(line) for line in head_lines(text)] == _reference_top(text)


STORY = "Water rose in the old port overnight. By noon the quay was shut and boats stayed in."


@pytest.mark.parametrize(
    ("text", "heads", "why"),
    [
        (
            "Rain floods the city | Site\n" + STORY + "\nMarket: Fish Hall - closed",
            ["Rain floods the city | Site"],
            "a field line after the first paragraph is no title line",
        ),
        (
            "The port doesn't reopen before the storm has passed.\nSite\n" + STORY,
            ["The port doesn't reopen before the storm has passed.", "Site"],
            "a headline closed by a full stop holds one sentence",
        ),
        (
            "Keyword-Port shut. Boats stay in until the storm has passed.| Site\n"
            "Keyword-Port shut. Boats stay in until the storm has passed.\nDate: today\n" + STORY,
            [
                "Keyword-Port shut. Boats stay in until the storm has passed.| Site",
                "Keyword-Port shut. Boats stay in until the storm has passed.",
                "Date: today",
            ],
            "a copy of a title line above is still a title line, whatever it holds",
        ),
        (
            "港口因风暴关闭丨港报\n"
            + "风暴昨夜袭击港口，码头关闭。渔船全部留在港内，等待风暴过去后再出海作业。" * 2,
            ["港口因风暴关闭丨港报"],
            "a CJK paragraph of two sentences",
        ),
    ],
)
def test_head_lines_end_where_the_story_starts(text: str, heads: list[str], why: str) -> None:
    assert is_prose(STORY.split("\n")[0].strip())
    assert [line.text for line in head_lines(text)] == heads, why
