"""Tests of stages/spinner_chain.py: non-words left by two swaps at once.

All text is written here. The spun sentences apply "air -> melody" and
"line -> channel" (both pairs of the packaged synonym table) to lower-case
substrings, as a find-and-replace spinner does.
"""

from __future__ import annotations

import pytest

from newsclean.document import Document, replay
from newsclean.stages.spinner import repair_spinner
from newsclean.stages.spinner_chain import chained_repairs
from newsclean.stages.spinner_swaps import Artifact, InferredSwap

SPUN = (
    "The melodyport was closed after the storm, and every melodycraft stayed on the ground.\n"
    "Editors rewrote the headchannels before the deadchannel on Friday.\n"
    "One melodychannelr waited on the runway for six hours.\n"
)


def test_a_token_hit_by_two_inferred_swaps_is_repaired() -> None:
    out = repair_spinner(Document.from_text(SPUN))
    assert "airport" in out.text and "headlines" in out.text
    assert "One airliner waited" in out.text
    assert out.get("spun") is True
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("melodychannelr", ["airliner"]),
        ("Melodychannelr", ["Airliner"]),
        ("melodyport", []),  # one swap only: infer_swaps explains it, not this step
        ("channelmelody", []),  # "lineair" is no word
    ],
)
def test_chained_repairs(token: str, expected: list[str]) -> None:
    swaps = [InferredSwap("air", "melody"), InferredSwap("line", "channel")]
    got = chained_repairs([(0, len(token), token)], swaps, "en")
    assert [a.repaired for a in got] == expected


def test_claimed_tokens_and_unrelated_non_words_are_left_alone() -> None:
    claimed = InferredSwap("air", "melody", [Artifact(0, 14, "melodychannelr", "x")])
    swaps = [claimed, InferredSwap("line", "channel")]
    assert chained_repairs([(0, 14, "melodychannelr")], swaps, "en") == []
    # Names and other genuine non-words hold no applied synonym.
    assert chained_repairs([(0, 8, "Dravosky"), (9, 18, "noncompete")], swaps, "en") == []


def test_clean_text_with_the_synonyms_as_words_is_untouched() -> None:
    clean = (
        "The melody carried across the channel as the airliner landed.\n"
        "A new line of aircraft was shown at the airport on Monday.\n"
    )
    out = repair_spinner(Document.from_text(clean))
    assert out.text == clean
    assert out.get("spun") is False
