"""Tests of byline parsing in ``newsclean.stages._byline`` (names next to a labelled date).

All text below was written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.stages._byline import parse_byline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe Published Nov 19, 2019", ["Jane Doe"]),
        ("Por Pedro Gil Navarro Publicado Jul 23, 2020", ["Pedro Gil Navarro"]),
        ("Von Max Muster Aktualisiert am 3. Mai 2020", ["Max Muster"]),
        ("By Jane Doe Friday, November 19, 2019", ["Jane Doe"]),
    ],
)
def test_the_label_of_a_following_date_is_no_part_of_the_name(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # controls: names read as before, with a particle or with no date after them
        ("By Ana de Vega Nov 19, 2019", ["Ana de Vega"]),
        ("Posted by Jane Doe on November 19, 2019", ["Jane Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Por Ana Lucía Fernández", ["Ana Lucía Fernández"]),
        ("By Jane Doe | Updated", ["Jane Doe"]),
    ],
)
def test_names_without_a_date_label_are_left_whole(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names
