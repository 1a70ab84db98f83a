"""Tests of stages/spinner_context.py: whole-word swaps weighed by context in spun documents.

All text is written here. The spun text applies "get -> obtain" (wreckage:
"toobtainher") and "said -> aforementioned" (whole words only).
"""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.stages.spinner import RepairSpinner, repair_spinner
from newsclean.stages.spinner_context import (
    FEATURES,
    Candidate,
    ReversalModel,
    candidates,
    parse_bigrams,
)

SPUN = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "The mayor aforementioned the plan would cut costs, and officials aforementioned it was fair.\n"
    "Members would not forobtain the promises made to residents last spring.\n"
    "Residents of the northern districts have waited for new roads for a decade, and the buses run late.\n"
)


def test_candidates_need_an_original_missing_from_the_text() -> None:
    found = {(c.word, c.original) for c in candidates(SPUN, "en")}
    assert ("aforementioned", "said") in found
    # "get" survives inside no word here, but "obtain" is not written as a word:
    # only lower-case whole words are candidates.
    assert all(w not in ("toobtainher", "budobtain") for w, _ in found)
    text_with_said = SPUN + "She said so.\n"
    assert ("aforementioned", "said") not in {(c.word, c.original) for c in candidates(text_with_said, "en")}


@pytest.mark.parametrize(
    ("extra", "candidate"),
    [
        # "all" occurs only inside "alleviate", a synonym of "ease", which is missing:
        # a find-and-replace never rescans its own output, so "all" counts as missing.
        ("The new roads will alleviate the traffic, and the buses are entirely new.\n", True),
        # "ease" is written too: "alleviate" may be the author's, and "all" survives in it.
        ("The roads will alleviate the traffic and ease the commute; the buses are entirely new.\n", False),
        # "all" as a word of its own survives.
        ("The new roads will alleviate the traffic, and all the buses are entirely new.\n", False),
        # "all" inside wreckage (a non-word such as "metalliclic") is the spinner's output too...
        ("The buses had metalliclic paint and entirely new seats.\n", True),
        # ...but not inside a real word nobody listed as a synonym of a missing original.
        ("The buses had metallic paint and entirely new seats.\n", False),
    ],
)
def test_an_original_inside_a_spinners_word_counts_as_missing(extra: str, candidate: bool) -> None:
    found = {(c.word, c.original) for c in candidates(SPUN + extra, "en")}
    assert (("entirely", "all") in found) is candidate


@pytest.mark.parametrize(
    ("extra", "candidate"),
    [
        # "shake" occurs only inside "handshake", which the table lists for "shake" itself.
        ("A firm handshake closed the deal.\n", True),
        ("A firm handshake closed the deal; they shake on it.\n", False),
    ],
)
def test_an_original_inside_its_own_synonym_counts_as_missing(extra: str, candidate: bool) -> None:
    found = {(c.word, c.original) for c in candidates(SPUN + extra, "en")}
    assert (("handshake", "shake") in found) is candidate


def test_a_run_of_letters_is_judged_once_however_often_it_holds_the_original() -> None:
    """A long glued run ("allall…") is one token: judged once, not once per occurrence."""
    from newsclean.stages.spinner_context import _survives

    judged: list[str] = []

    def written(word: str, original: str) -> bool:
        judged.append(word)
        return True

    assert not _survives("The plan " + "all" * 5_000 + " went ahead.", "all", written)
    assert len(judged) == 1
    judged.clear()
    # two runs, then the original as a word of its own: it survives
    assert _survives("allall and callall, then all of it", "all", written)
    assert judged == ["allall", "callall"]


def test_candidates_leave_out_spans_already_repaired() -> None:
    first = SPUN.index("aforementioned")
    second = SPUN.index("aforementioned", first + 1)
    spans = {(c.start, c.end) for c in candidates(SPUN, "en") if c.original == "said"}
    assert {(first, first + len("aforementioned")), (second, second + len("aforementioned"))} <= spans
    kept = {
        (c.start, c.end)
        for c in candidates(SPUN, "en", skip={(first, first + len("aforementioned"))})
        if c.original == "said"
    }
    assert (first, first + len("aforementioned")) not in kept
    assert (second, second + len("aforementioned")) in kept


def test_model_refuses_other_features() -> None:
    with pytest.raises(ValueError, match="refit"):
        ReversalModel.from_dict(
            {"features": ["x"], "trees": [], "base": 0, "learning_rate": 1, "threshold": 1}
        )


def test_bigram_estimate_prefers_seen_continuations() -> None:
    counts = parse_bigrams("10\tthe\n8\tthe council\n")
    zipf = lambda w: 5.0  # noqa: E731 - every word equally frequent
    assert counts.log_next("the", "council", zipf) > counts.log_next("the", "mayor", zipf)


def test_clean_text_gets_no_context_reversal_because_it_is_not_spun() -> None:
    clean = (
        SPUN.replace("toobtainher", "together").replace("budobtain", "budget").replace("forobtain", "forget")
    )
    clean = clean.replace("aforementioned", "said")
    out = repair_spinner(Document.from_text(clean))
    assert out.text == clean and out.get("spun") is False


def test_context_option_turns_the_model_off() -> None:
    on = RepairSpinner()(Document.from_text(SPUN))
    off = RepairSpinner(context=False)(Document.from_text(SPUN))
    assert on.get("spun") and off.get("spun")
    assert {e.reason for e in off.edits} <= {"spinner_artifact", "spinner_substitution"}
    assert len(off.edits) <= len(on.edits)


def test_capitalised_forms_and_the_surviving_share_are_features() -> None:
    text = SPUN + "Said the mayor: Aforementioned plans stand.\n"

    def feature(found: list[Candidate], name: str) -> float:
        c = next(c for c in found if (c.word, c.original) == ("aforementioned", "said"))
        return c.features[FEATURES.index(name)]

    found = candidates(text, "en", surviving=0.25)
    assert feature(found, "original_capitalised") == 1.0
    assert feature(found, "word_capitalised") == 1.0
    assert feature(found, "surviving_swaps") == 0.25
    assert feature(candidates(SPUN, "en"), "original_capitalised") == 0.0
    # "aforementioned" twice where a text of this length would hold "said" several times.
    assert feature(candidates(SPUN, "en"), "poisson_llr") > 0.0


def test_multi_word_synonyms_are_candidates() -> None:
    """ "once more" written for "again": a phrase of lower-case words whose original is missing."""
    text = SPUN + "The roads will be closed once more, and the buses will once more run late.\n"
    found = [c for c in candidates(text, "en") if c.word == "once more"]
    assert [c.original for c in found] == ["again", "again"]
    assert all(text[c.start : c.end] == "once more" for c in found)
    f = dict(zip(FEATURES, found[0].features, strict=True))
    assert f["synonym_words"] == 2.0 and f["word_count"] == 2.0
    assert f["zipf_word"] < f["zipf_original"]  # the phrase's frequency comes from its word pair
    # The author's own "again" rules the phrase out; so does a capitalised or line-broken phrase.
    assert not [c for c in candidates(text + "They met again.\n", "en") if c.word == "once more"]
    other = SPUN + "Once more the roads will close.\nThe buses ran once\nmore late.\n"
    assert not [c for c in candidates(other, "en") if c.word == "once more"]


def test_a_pairs_context_evidence_is_summed_over_its_occurrences() -> None:
    found = [c for c in candidates(SPUN, "en") if (c.word, c.original) == ("aforementioned", "said")]
    rows = [dict(zip(FEATURES, c.features, strict=True)) for c in found]
    assert len(rows) == 2
    assert rows[0]["pair_ngram_sum"] == pytest.approx(rows[0]["ngram_llr"] + rows[1]["ngram_llr"])
    assert rows[0]["pair_ngram_min"] == pytest.approx(min(r["ngram_llr"] for r in rows))
    assert rows[0]["pair_ngram_sum"] == rows[1]["pair_ngram_sum"]
