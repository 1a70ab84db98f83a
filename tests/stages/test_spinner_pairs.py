"""Tests of stages/spinner_pairs.py: whole-word swaps decided per (word, original) pair.

All text is written here. The spun text applies "get -> obtain" (wreckage:
"toobtainher") and "said -> aforementioned" (whole words only).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.data import read_text
from newsclean.document import Document
from newsclean.stages.spinner import repair_spinner
from newsclean.stages.spinner_context import FEATURES, Candidate, ReversalModel, candidates
from newsclean.stages.spinner_pairs import (
    NO_RIVAL_MARGIN,
    PAIR_FEATURES,
    PARTIAL_TARGET,
    load_pair_model,
    load_phrase_model,
    pair_context_reversals,
    pair_reversals,
    swap_pairs,
)
from newsclean.stages.spinner_swaps import PARTIAL_SHARE, load_synonyms

SPUN = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "The mayor aforementioned the plan would cut costs, and officials aforementioned it was fair.\n"
    "Members would not forobtain the promises made to residents last spring.\n"
    "Residents of the northern districts have waited for new roads for a decade, and the buses run late.\n"
)
CLEAN = Path(__file__).resolve().parents[2] / "fixtures" / "clean"


def _candidate(start: int, word: str, original: str, context: float, pair_sum: float) -> Candidate:
    values = dict.fromkeys(FEATURES, 0.0)
    values["context_llr"] = context
    values["ngram_llr"] = context
    values["pair_ngram_sum"] = pair_sum
    return Candidate(start, start + len(word), word, original, tuple(values[f] for f in FEATURES))


def _feature(pair_features: tuple[float, ...], name: str) -> float:
    return pair_features[PAIR_FEATURES.index(name)]


def test_pairs_group_occurrences_and_sum_their_context() -> None:
    found = [
        _candidate(0, "metropolis", "city", 1.5, 2.0),
        _candidate(40, "metropolis", "city", 0.5, 2.0),
        _candidate(80, "metropolis", "capital", -1.0, -3.0),
    ]
    pairs = {(p.word, p.original): p for p in swap_pairs(found, {"city": 4, "capital": 1})}
    city = pairs[("metropolis", "city")]
    assert city.spans == ((0, 10), (40, 50))
    assert _feature(city.features, "occurrences") == 2
    assert _feature(city.features, "context_sum") == 2.0
    assert _feature(city.features, "context_min") == 0.5
    assert abs(_feature(city.features, "log_synonyms_of_original") - 1.3862944) < 1e-6
    # "metropolis" may stand for "city" or "capital": each is the other's rival.
    assert _feature(city.features, "rival_word_margin") == (2.0 + 2.0) - (-3.0 - 1.0)
    capital = pairs[("metropolis", "capital")]
    assert _feature(capital.features, "rival_word_margin") == -8.0
    # No other synonym of "city" is present.
    assert _feature(city.features, "rival_original_margin") == NO_RIVAL_MARGIN


def test_an_active_pair_reverts_every_occurrence_to_the_likelier_original() -> None:
    found = [
        _candidate(0, "metropolis", "city", 1.5, 2.0),
        _candidate(40, "metropolis", "city", -0.5, 2.0),
        _candidate(0, "metropolis", "capital", 0.2, 0.2),
    ]
    pairs = swap_pairs(found, {})
    # Active when the pair's summed word-pair evidence is positive.
    model = ReversalModel.stump(PAIR_FEATURES.index("pair_ngram_sum"), 0.0, -10.0, 10.0, cut=0.5)
    changes = pair_reversals(pairs, model)
    assert [(c.start, c.after) for c in changes] == [(0, "city"), (40, "city")]
    assert all(c.reason == "spinner_substitution" for c in changes)
    # The occurrence at 40 fits "metropolis" locally, but the pair is decided as a whole.
    strict = ReversalModel.stump(PAIR_FEATURES.index("pair_ngram_sum"), 5.0, -10.0, 10.0, cut=0.5)
    assert pair_reversals(pairs, strict) == []


def test_the_phrase_model_also_finds_phrase_pairs_active() -> None:
    found = [
        _candidate(0, "metropolis", "city", 1.5, 2.0),
        _candidate(40, "once more", "again", 1.5, 2.0),
    ]
    pairs = swap_pairs(found, {})
    active = ReversalModel.stump(PAIR_FEATURES.index("pair_ngram_sum"), 0.0, -10.0, 10.0, cut=0.5)
    never = ReversalModel.stump(PAIR_FEATURES.index("pair_ngram_sum"), 0.0, -10.0, -10.0, cut=0.5)
    assert [c.after for c in pair_reversals(pairs, active)] == ["city", "again"]
    assert pair_reversals(pairs, never) == []
    # The phrase model speaks for phrase pairs only, and only adds.
    assert [c.after for c in pair_reversals(pairs, never, active)] == ["again"]
    assert [c.after for c in pair_reversals(pairs, active, never)] == ["city", "again"]


def test_the_phrase_model_decides_only_where_the_spinner_swaps_every_occurrence() -> None:
    text = "The council will meet once more next week, and the mayor will speak.\n"
    never = ReversalModel.stump(0, 0.0, -10.0, -10.0, cut=0.5)
    always = ReversalModel.stump(0, 0.0, 10.0, 10.0, cut=0.5)
    full = pair_context_reversals(text, "en", surviving=0.0, model=never, phrase_model=always)
    assert ("once more", "again") in {(text[c.start : c.end], c.after) for c in full}
    assert all(" " in text[c.start : c.end] for c in full)
    partial = pair_context_reversals(text, "en", surviving=PARTIAL_SHARE, model=never, phrase_model=always)
    assert partial == []


def _stump_with_partial(cut: float, partial: float | None) -> ReversalModel:
    # Log-odds 0 everywhere: every pair has probability 0.5.
    stump = ReversalModel.stump(0, 0.0, 0.0, 0.0, cut=cut)
    return ReversalModel(stump.trees, stump.base, stump.learning_rate, cut, partial)


@pytest.mark.parametrize(
    ("cut", "partial_cut", "partial", "reverted"),
    [
        (0.4, 0.6, True, False),  # a spinner that keeps originals: the second, higher threshold
        (0.4, 0.6, False, True),  # a spinner that swaps every occurrence: the first
        (0.4, None, True, True),  # no second threshold fitted: the first everywhere
        (0.4, 0.45, True, True),
        (0.4, 1.0, True, False),  # a threshold of 1 gates the partial documents off
        (0.4, 1.0, False, True),  # ... and only them
    ],
)
def test_the_pair_model_decides_at_its_partial_threshold_where_the_spinner_keeps_originals(
    cut: float, partial_cut: float | None, partial: bool, reverted: bool
) -> None:
    pairs = swap_pairs([_candidate(0, "metropolis", "city", 1.0, 1.0)], {})
    model = _stump_with_partial(cut, partial_cut)
    changes = pair_reversals(pairs, model, partial=partial)
    assert [c.after for c in changes] == (["city"] if reverted else [])


def test_a_partial_threshold_of_one_gates_even_a_certain_pair() -> None:
    pairs = swap_pairs([_candidate(0, "metropolis", "city", 1.0, 1.0)], {})
    certain = ReversalModel.stump(0, 0.0, 60.0, 60.0, cut=0.5)
    model = ReversalModel(certain.trees, certain.base, certain.learning_rate, 0.5, 1.0)
    assert model.probability(pairs[0].features) == 1.0
    assert pair_reversals(pairs, model, partial=True) == []
    assert [c.after for c in pair_reversals(pairs, model)] == ["city"]


@pytest.mark.parametrize(("surviving", "reverted"), [(0.0, True), (PARTIAL_SHARE, False), (0.9, False)])
def test_the_surviving_share_picks_the_threshold(surviving: float, reverted: bool) -> None:
    text = "The metropolis council will meet next week, and the mayor will speak.\n"
    model = _stump_with_partial(0.4, 0.6)
    found = pair_context_reversals(text, "en", surviving=surviving, model=model, phrase_model=model)
    assert ("metropolis" in {text[c.start : c.end] for c in found}) is reverted


def test_the_threshold_for_partial_spins_is_read_from_the_model_file() -> None:
    data = {"features": list(PAIR_FEATURES), "trees": [], "base": 0.0, "learning_rate": 0.1, "threshold": 0.9}
    assert ReversalModel.from_dict(data, features=PAIR_FEATURES).partial_threshold is None
    data["threshold_partial"] = 0.95
    assert ReversalModel.from_dict(data, features=PAIR_FEATURES).partial_threshold == 0.95


def test_the_packaged_partial_threshold_is_fitted_for_its_target_and_not_under_the_shared_one() -> None:
    packaged = load_pair_model()
    assert packaged.partial_threshold is not None
    assert packaged.threshold <= packaged.partial_threshold <= 1.0
    report = json.loads(read_text("spinner_pairs.json"))["report"]["partial"]
    assert report["target_precision"] == PARTIAL_TARGET
    assert report["adopted"]["reverted"] == 0 or report["adopted"]["precision"] >= PARTIAL_TARGET


def test_the_packaged_phrase_model_is_its_own() -> None:
    words, phrases = load_pair_model(), load_phrase_model()
    assert words.trees != phrases.trees
    assert 0.5 < phrases.threshold < 1.0


def test_the_fitted_pair_model_ranks_the_spinner_swap_first() -> None:
    model = load_pair_model()
    pairs = swap_pairs(candidates(SPUN, "en"), load_synonyms().synonym_counts)
    ranked = sorted(((model.probability(p.features), p.word, p.original) for p in pairs), reverse=True)
    assert len(ranked) >= 10
    assert ranked[0][1:] == ("aforementioned", "said")
    assert ranked[0][0] > ranked[1][0]


def test_spun_text_through_the_stage_gets_said_back() -> None:
    doc = repair_spinner(Document.from_text(SPUN))
    assert doc.get("spun") is True
    assert "aforementioned" not in doc.text
    assert "The mayor said the plan" in doc.text


def test_clean_controls_are_left_alone_by_the_stage() -> None:
    # The pair model runs only in documents flagged spun; the controls are not,
    # so they get no edit at all. (Forced onto a control as if it were spun, the
    # model does find a pair: "once more" for a missing "again" in
    # science_note.txt. The spin detection is what guards clean text.)
    for path in sorted(CLEAN.glob("*.txt")):
        doc = repair_spinner(Document.from_text(path.read_text(encoding="utf-8")))
        assert doc.get("spun") is False, path.name
        assert [e for e in doc.edits if e.stage == "repair_spinner"] == [], path.name
