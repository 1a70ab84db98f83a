"""Tests of benchmarks/common.py: the setting a fit keeps."""

from __future__ import annotations

from benchmarks.common import MAX_CORPUS_LOSS, best_setting

# macro F1 per corpus at each setting; 1.0 is the setting that changes nothing
SCORES = {
    1.0: {"a": 0.80, "b": 0.90},
    0.5: {"a": 0.90, "b": 0.85},  # a large gain on one corpus, a loss on the other
    0.7: {"a": 0.82, "b": 0.90},  # a small gain, no loss
    0.9: {"a": 0.81, "b": 0.90 - MAX_CORPUS_LOSS / 2},  # a loss within what is allowed
}


def test_a_setting_that_costs_a_corpus_loses_to_one_that_costs_none() -> None:
    assert best_setting(SCORES.__getitem__, (0.5, 0.7, 0.9), 1.0) == 0.7


def test_a_loss_within_the_allowance_still_counts() -> None:
    assert best_setting(SCORES.__getitem__, (0.5, 0.9), 1.0) == 0.9


def test_without_a_gain_the_setting_that_changes_nothing_stays() -> None:
    assert best_setting(SCORES.__getitem__, (0.5,), 1.0) == 1.0
