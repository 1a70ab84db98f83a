"""Tests of stages/spinner_revealed.py: occurrences of swaps revealed by non-words.

All text is written here. The spun text applies "get -> obtain": the wreckage
("toobtainher", "budobtain", "forobtain", "tarobtain") reveals the swap, and
the whole word "obtain" and the glued "obtains" are its other occurrences.
"""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.stages.spinner import RepairSpinner, repair_spinner
from newsclean.stages.spinner_context import ReversalModel
from newsclean.stages.spinner_revealed import (
    FEATURES,
    MAX_REVERSAL_PRIOR,
    load_revealed_model,
    prior_share,
    revealed_candidates,
    revealed_reversals,
)
from newsclean.stages.spinner_swaps import InferredSwap

WRECKAGE = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "Members said they would not forobtain the promises made to residents last spring.\n"
    "The tarobtain is to balance the accounts before the summer recess begins.\n"
)
SPUN = WRECKAGE + (
    "The mayor wants to obtain a deal before the vote, and she obtains support from the unions.\n"
    "Obtain the forms at the town hall.\n"
)
GET = InferredSwap("get", "obtain")


def _stump(feature: str, threshold: float, low: float, high: float, cut: float) -> ReversalModel:
    """A one-split model: log-odds ``low`` at or below ``threshold`` of ``feature``, else ``high``."""
    return ReversalModel.stump(FEATURES.index(feature), threshold, low, high, cut=cut)


def _feature(features: tuple[float, ...], name: str) -> float:
    return features[FEATURES.index(name)]


def test_candidates_are_the_lower_case_occurrences_whole_and_glued() -> None:
    found = revealed_candidates(SPUN, SPUN.lower(), [GET], "en")
    by_token = {c.token: c for c in found if c.token in ("obtain", "obtains")}
    assert {t: c.back for t, c in by_token.items()} == {"obtain": "get", "obtains": "gets"}
    assert _feature(by_token["obtain"].features, "glued") == 0.0
    assert _feature(by_token["obtains"].features, "glued") == 1.0
    # The capitalised "Obtain" is the author's (the spinner writes lower case) and is counted as such.
    assert all(c.token != "Obtain" for c in found)
    assert _feature(by_token["obtain"].features, "spun_capitalised") == 1.0
    assert _feature(by_token["obtain"].features, "survivors") == 0.0


def test_surviving_originals_are_counted() -> None:
    text = SPUN + "They get paid on Friday, and we get the bill.\n"
    (c,) = [c for c in revealed_candidates(text, text.lower(), [GET], "en") if c.token == "obtain"]
    assert _feature(c.features, "survivors") == 2.0


def test_candidates_skip_spans_already_repaired() -> None:
    spans = [(i, i + len("toobtainher")) for i in [SPUN.index("toobtainher")]]
    found = revealed_candidates(SPUN, SPUN.lower(), [GET], "en", skip=spans)
    assert all(not (c.start < spans[0][1] and spans[0][0] < c.end) for c in found)
    assert any(c.token == "obtain" for c in found)


# "get" left once in lower case: the spinner did not swap every occurrence, so
# no occurrence is sure and the model decides.
SURVIVING = SPUN + "They get paid on Friday.\n"
NEVER = _stump("glued", 0.5, -10.0, -10.0, 0.5)


@pytest.mark.parametrize(("cut", "expected"), [(0.5, ["get"]), (0.9999999, [])])
def test_reversals_follow_the_model_threshold(cut: float, expected: list[str]) -> None:
    model = _stump("glued", 0.5, 10.0, -10.0, cut)  # whole words only
    changes = revealed_reversals(SURVIVING, SURVIVING.lower(), [GET], "en", model=model)
    at_obtain = [c.after for c in changes if SURVIVING[c.start : c.end] == "obtain"]
    assert at_obtain == expected
    assert all(SURVIVING[c.start : c.end] != "obtains" for c in changes)
    assert all(c.reason == "spinner_substitution" for c in changes)


def test_a_rare_synonym_of_a_vanished_original_is_reverted_without_the_model() -> None:
    (c,) = [c for c in revealed_candidates(SPUN, SPUN.lower(), [GET], "en") if c.token == "obtain"]
    assert c.sure
    assert _feature(c.features, "spun_share") <= MAX_REVERSAL_PRIOR
    changes = revealed_reversals(SPUN, SPUN.lower(), [GET], "en", model=NEVER)
    assert sorted(c.after for c in changes if SPUN[c.start : c.end] in ("obtain", "obtains")) == [
        "get",
        "gets",
    ]
    # With "get" surviving only the tokens that are no word are sure (wreckage).
    changes = revealed_reversals(SURVIVING, SURVIVING.lower(), [GET], "en", model=NEVER)
    assert {SURVIVING[c.start : c.end]: c.after for c in changes} == {
        "toobtainher": "together",
        "budobtain": "budget",
        "forobtain": "forget",
        "tarobtain": "target",
    }


def test_a_common_synonym_is_not_sure() -> None:
    # "say -> state": "state" is frequent next to "say" (share above the limit).
    text = SPUN + "The state budget is large.\n"
    swap = InferredSwap("say", "state")
    assert prior_share(5.5, 5.0) > MAX_REVERSAL_PRIOR
    found = [c for c in revealed_candidates(text, text.lower(), [swap], "en") if c.token == "state"]
    assert found and not any(c.sure for c in found)


def test_no_swaps_no_candidates() -> None:
    assert revealed_candidates(SPUN, SPUN.lower(), [], "en") == []
    assert revealed_reversals(SPUN, SPUN.lower(), [], "en") == []


def test_model_refuses_other_features() -> None:
    with pytest.raises(ValueError, match="other features"):
        ReversalModel.from_dict(
            {"features": ["x"], "trees": [], "base": 0.0, "learning_rate": 1.0, "threshold": 1.0},
            features=FEATURES,
        )


def test_packaged_model_is_fitted_on_these_features() -> None:
    model = load_revealed_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.trees) > 0


def test_stage_reverts_the_revealed_whole_word() -> None:
    out = repair_spinner(Document.from_text(SPUN))
    assert out.get("spun") is True
    assert "wants to get a deal" in out.text
    assert "Obtain the forms" in out.text  # capitalised: the author's


def test_clean_text_with_the_synonym_gets_no_reversal() -> None:
    clean = (
        "The council met together on Monday to discuss the city budget for next year.\n"
        "The mayor wants to obtain a deal before the vote, and she obtains support from the unions.\n"
    )
    out = RepairSpinner()(Document.from_text(clean))
    assert out.text == clean
    assert out.get("spun") is False
