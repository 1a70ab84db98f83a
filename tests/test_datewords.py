"""Tests of ``newsclean.datewords``: the prepared month patterns match as the plain word list would."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.datewords import _alternation, _trie_alternation, vocabulary

MONTHS = sorted(vocabulary().months)


def _compiled(body: str) -> regex.Pattern[str]:
    # The month group as the date patterns use it: case-insensitive, a shape after it.
    return regex.compile(rf"(?<![\w.-])(?P<mon>{body})\.?\s(?P<d>[0-3]?\d)", regex.IGNORECASE)


FLAT = _compiled(_alternation(MONTHS))
TREE = _compiled(_trie_alternation(MONTHS))


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("mon")) for m in pattern.finditer(text)]


def test_tree_refuses_an_empty_group() -> None:
    try:
        _trie_alternation([])
    except ValueError:
        return
    raise AssertionError("an empty word group must be refused")


def test_tree_tries_longer_names_before_their_prefixes() -> None:
    pattern = regex.compile(_trie_alternation(["mar", "march", "marzo"]))
    assert [m.group() for m in pattern.finditer("march mar marzo marc")] == ["march", "mar", "marzo", "mar"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(MONTHS), min_size=1, max_size=4),
    st.lists(
        st.sampled_from([" ", "  ", ". ", "5 ", "12", ",", "x", "-", "É", "ı", "I"]), min_size=1, max_size=6
    ),
    st.booleans(),
)
def test_tree_matches_what_the_flat_list_matches(names: list[str], glue: list[str], upper: bool) -> None:
    parts = [n.upper() if upper else n.title() for n in names]
    text = "".join(p + glue[k % len(glue)] + str(k + 1) + " " for k, p in enumerate(parts))
    assert _spans(TREE, text) == _spans(FLAT, text)


def test_tree_leaves_words_that_only_start_like_months() -> None:
    text = "Marching 5 bands, Mayor 3 votes, Junebug 4 times"
    assert _spans(TREE, text) == _spans(FLAT, text) == []
