"""Vocabulary tries of :mod:`newsclean.stages.boilerplate_vocab`, against the patterns they stand for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.stages import boilerplate_features as bf
from newsclean.stages import boilerplate_vocab as bv

ENTRIES = ["share", "share this", "tweet", "email", "home", "read more"]
#: the patterns the tries stand for, written out as regular expressions
_ALT = "|".join(sorted(map(re.escape, ENTRIES), key=len, reverse=True))
_SEP = r"[\s|·•,/:»›>-]"
LINE = re.compile(rf"^(?:(?:{_ALT})(?:{_SEP}*|$))+$")
PREFIX = re.compile(rf"^(?:{_ALT})(?:\b|(?<=\W))")


def _vocab() -> bv._Vocab:
    return bv._Vocab(
        line=bv._trie(ENTRIES),
        prefix=bv._trie(ENTRIES),
        contains=re.compile("x^"),
        reasons={"line": {}, "prefix": {}, "contains": {}},
        stops=frozenset(),
        line_heads=bv._heads(ENTRIES),
        prefix_heads=bv._heads(ENTRIES),
        line_tails=bv._tails(ENTRIES),
        memo={},
        long_memo={},
    )


@pytest.mark.parametrize(
    "text",
    [
        "share",
        "share this",
        "share | tweet | email",
        "sharetweet",
        "share this tweet",
        "share · · tweet ›",
        "share tweets",
        "shares",
        "home > read more",
        "read",
        "",
        "the council shares its budget",
        "sharethis",
    ],
)
def test_line_trie_decides_as_the_pattern(text: str) -> None:
    assert bv._only_entries(text, _vocab().line) is bool(LINE.match(text))


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("share this | tweet", "share this"),  # the longest entry before a separator
        ("share thistweet", "share"),  # "share this" is glued to the next entry
        ("sharetweet", "share"),
        ("email", "email"),
    ],
)
def test_line_entry_names_the_opening_entry(text: str, entry: str) -> None:
    assert _vocab().line_entry(text) == entry


def _line_entry_by_pattern(text: str) -> str | None:
    """The definition of ``line_entry``: a text made only of entries (``LINE``), and of the entries
    opening it the longest followed by a separator or the end, else the longest."""
    if not LINE.match(text):
        return None
    ends = sorted((len(e) for e in ENTRIES if text.startswith(e)), reverse=True)
    for end in ends:
        if end == len(text) or re.match(_SEP, text[end]):
            return text[:end]
    return text[: ends[0]]


_LINE_PIECES = [*ENTRIES, " ", "  ", "|", " · ", ">", ", ", "-", "x", "s", "this", "e", "re", "il"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=7).map("".join))
def test_line_entry_answers_as_the_pattern(text: str) -> None:
    assert bv._only_entries(text, _vocab().line) is bool(LINE.match(text))
    assert _vocab().line_entry(text) == _line_entry_by_pattern(text)


@pytest.mark.parametrize(
    "text",
    [
        "share this story",
        "shareholders met",
        "share: now",
        "tweeted",
        "read more about it",
        "homework",
        "home",
    ],
)
def test_prefix_trie_decides_as_the_pattern(text: str) -> None:
    m = PREFIX.match(text)
    assert _vocab().prefix_entry(text) == (m.group(0) if m else None)


def test_real_vocabulary_reads_share_bars_and_leaves_prose() -> None:
    vocab = bv._vocab("en")
    assert bv._vocab_reason("Share this article", vocab, 3, True) == "share"
    assert bv._vocab_reason("Share | Tweet | Email", vocab, 3, True) == "share"
    prose = "The board will share the report with members of the council on Tuesday."
    assert bv._vocab_reason(prose, vocab, len(bf._words(prose)), True) is None


def test_languages_without_entries_share_the_english_tries() -> None:
    # the tries depend on the word lists read, not on the language code
    assert bv._vocab("ru").line is bv._vocab("ko").line
    assert bv._vocab("ru").stops != bv._vocab("en").stops


# -- the flat prefix map answers what a character trie answers ---------------------------------
def _trie_walk_ends(text: str, start: int, entries: list[str]) -> list[int]:
    """The reference: the end offsets found by walking a nested character trie of ``entries``."""
    from newsclean.data import char_trie

    ends: list[int] = []
    node = char_trie(entries)
    for i in range(start, len(text)):
        node = node.get(text[i])
        if node is None:
            break
        if "" in node:
            ends.append(i + 1)
    return ends


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="abé |", min_size=0, max_size=5), max_size=8),
    st.text(alphabet="abé |x", max_size=12),
    st.integers(min_value=0, max_value=12),
)
def test_prefix_map_finds_the_entry_ends_a_trie_walk_finds(entries: list[str], text: str, start: int) -> None:
    assert bv._entry_ends(text, start, bv._trie(entries)) == _trie_walk_ends(text, start, entries)


def test_vocabularies_are_not_tracked_by_the_cyclic_collector() -> None:
    import gc

    v = bv._vocab("en")
    assert not gc.is_tracked(v.line) and not gc.is_tracked(v.prefix)
    assert v.line  # (not empty: the English entries are there)


#: pieces of lines for the real English entries: some entries, their pieces, separators, words
_REAL_PIECES = [
    *sorted(bv._vocab("en").reasons["line"])[::25],
    "share",
    "are",
    "e",
    " ",
    " | ",
    ", ",
    "›",
    "the",
    "x",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_REAL_PIECES), min_size=1, max_size=6).map("".join))
def test_the_entry_tails_answer_as_the_walks(text: str) -> None:
    import dataclasses

    vocab = bv._vocab("en")
    walks = dataclasses.replace(vocab, line_tails=frozenset({text[-1:]}))  # (no text is answered early)
    assert vocab.line_entry(text) == walks.line_entry(text)
