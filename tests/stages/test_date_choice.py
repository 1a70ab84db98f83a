"""Tests of ``newsclean.stages.date_choice``: where headlines are looked for."""

from __future__ import annotations

import pytest

from newsclean.stages._lines import split_lines
from newsclean.stages.date_choice import headline_lines

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
