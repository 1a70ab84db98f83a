"""The feature memo of :mod:`newsclean.stages.boilerplate_features`."""

from __future__ import annotations

import dataclasses

import pytest

from newsclean.stages import boilerplate_features as bf
from newsclean.stages import boilerplate_vocab as bv


def _vocab() -> bv._Vocab:
    """The English vocabularies with a memo of their own (the shared one serves other tests)."""
    return dataclasses.replace(bv._vocab("en"), memo={})


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
