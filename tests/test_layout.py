"""Tests for the one page analysis (layout.py). All text was written for these tests."""

from __future__ import annotations

import pytest

from newsclean.layout import analyze, analyze_lines

STORY = [
    "The regional council voted on Tuesday to extend the night bus network to three new districts after a long debate.",
    "Officials said the new routes would start in March and that the cost would be covered by the transport budget.",
    "Opposition members said the money should have gone to repairs of the existing stations, which are in poor shape.",
]
SUBHEAD_STORY = [
    *STORY[:2],
    "What happens next",
    "The council will review the service after six months and publish the passenger numbers on its website.",
    STORY[2],
]


def test_regions_of_a_page() -> None:
    text = "\n".join(
        [
            "Home | World | Sport | Weather",
            "Night buses reach three new districts",
            *STORY,
            "Share this article",
        ]
    )
    layout = analyze(text, "en")
    assert [b.region for b in layout.blocks] == ["header", "headline", "story", "story", "story", "end"]
    assert layout.headline is not None and layout.headline.text == "Night buses reach three new districts"
    assert [b.text for b in layout.region("story")] == STORY
    assert not layout.blocks[0].keep and not layout.blocks[-1].keep


def test_subheading_inside_a_story_stays_in_the_story() -> None:
    layout = analyze("\n".join(SUBHEAD_STORY), "en")
    assert all(b.region == "story" and b.keep for b in layout.blocks)


def test_features_computed_once_per_block() -> None:
    layout = analyze("\n".join(STORY), "en")
    block = layout.blocks[0]
    assert block.kind == "prose" and block.is_prose
    assert block.words == 20
    assert 0.2 < block.stop_share < 0.7
    assert block.terminal and not block.bullet
    assert [b.position for b in layout.blocks] == [0.0, 0.5, 1.0]


def test_same_text_same_analysis() -> None:
    text = "\n".join(STORY)
    assert analyze(text, "en") is analyze(text, "en")
    assert analyze(text, "de") is not analyze(text, "en")


def test_wrapped_paragraph_is_one_block() -> None:
    layout = analyze(
        "The council voted on Tuesday to extend the night bus\nnetwork to three districts after a long debate.",
        "en",
    )
    assert len(layout.blocks) == 1 and layout.blocks[0].lines == (0, 1)


@pytest.mark.parametrize("text", ["", "\n\n", "Hello"])
def test_tiny_inputs(text: str) -> None:
    layout = analyze(text, None)
    assert len(layout.line_decisions()) == len(text.split("\n"))


def test_an_analysis_is_remembered_unless_asked_not_to() -> None:
    text = "\n".join(["Share this article", *STORY])
    first = analyze(text, "en")
    assert analyze(text, "en") is first
    fresh = analyze(text, "en", remember=False)
    assert fresh is not first
    assert fresh.line_decisions() == first.line_decisions()
    # (a window of a huge capture is analysed once and not kept)
    other = "\n".join([*STORY, "Advertisement"])
    analyze(other, "en", remember=False)
    assert analyze(other, "en") is not analyze(other, "en", remember=False)


def test_analysing_the_lines_is_analysing_the_text() -> None:
    text = "\n".join(["Home | World", "Share this article", *STORY, "", "Advertisement"])
    lines = analyze_lines(text.split("\n"), "en")
    whole = analyze(text, "en", remember=False)
    assert lines is not analyze_lines(text.split("\n"), "en")  # (never remembered)
    assert (lines.units, lines.feats, lines.story, lines.decisions, lines.n_lines) == (
        whole.units,
        whole.feats,
        whole.story,
        whole.decisions,
        whole.n_lines,
    )
    assert lines.line_decisions() == whole.line_decisions()
