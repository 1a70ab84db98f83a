"""Vocabulary tries and the feature memo of :mod:`newsclean.stages.boilerplate_features`."""

from __future__ import annotations

import re

import pytest

from newsclean.stages import boilerplate_features as bf

ENTRIES = ["share", "share this", "tweet", "email", "home", "read more"]
#: the patterns the tries stand for, written out as regular expressions
_ALT = "|".join(sorted(map(re.escape, ENTRIES), key=len, reverse=True))
_SEP = r"[\s|·•,/:»›>-]"
LINE = re.compile(rf"^(?:(?:{_ALT})(?:{_SEP}*|$))+$")
PREFIX = re.compile(rf"^(?:{_ALT})(?:\b|(?<=\W))")


def _vocab() -> bf._Vocab:
    return bf._Vocab(
        line=bf._trie(ENTRIES),
        prefix=bf._trie(ENTRIES),
        contains=re.compile("x^"),
        reasons={"line": {}, "prefix": {}, "contains": {}},
        stops=frozenset(),
        line_heads=bf._heads(ENTRIES),
        prefix_heads=bf._heads(ENTRIES),
        memo={},
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
    assert bf._only_entries(text, _vocab().line) is bool(LINE.match(text))


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
    vocab = bf._vocab("en")
    assert bf._vocab_reason("Share this article", vocab, 3, True) == "share"
    assert bf._vocab_reason("Share | Tweet | Email", vocab, 3, True) == "share"
    prose = "The board will share the report with members of the council on Tuesday."
    assert bf._vocab_reason(prose, vocab, len(bf._words(prose)), True) is None


def test_languages_without_entries_share_the_english_tries() -> None:
    # the tries depend on the word lists read, not on the language code
    assert bf._vocab("ru").line is bf._vocab("ko").line
    assert bf._vocab("ru").stops != bf._vocab("en").stops


def test_memo_gives_the_computed_features_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = _vocab()
    lines = [f"Section {i}" for i in range(12)] + ["The council met on Tuesday and voted on the budget."]
    for text in lines:
        assert bf._features(text, vocab, True) == bf._compute_features(text, vocab, True)
        assert bf._features(text, vocab, True) is bf._features(text, vocab, True)
    monkeypatch.setattr(bf, "MEMO_MAX_ENTRIES", 5)
    for text in lines:
        bf._features(text + "!", vocab, False)
    assert len(vocab.memo) <= 5


def test_long_units_are_not_remembered() -> None:
    vocab = _vocab()
    text = "word " * (bf.MEMO_MAX_CHARS // 5 + 1)
    bf._features(text, vocab, True)
    assert not vocab.memo
