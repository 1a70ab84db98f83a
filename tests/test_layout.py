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
    assert block.kind == "prose" and block.sentence_like and block.prose
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


# -- the per-line reading every stage shares ---------------------------------------
@pytest.mark.parametrize(
    ("line", "prose", "why"),
    [
        (STORY[0], True, "a long sentence"),
        (
            "Officials said the new routes would start in March, after a vote.",
            True,
            "ten words and a full stop",
        ),
        ("Night buses reach three new districts", False, "a headline: no sentence end"),
        ("Night buses reach three new districts.", False, "a short headline with a full stop"),
        ("Will night buses reach three new districts before the winter comes?", False, "a headline asking"),
        ("  " + STORY[1] + "  ", False, "not stripped: the caller strips (the test reads the shape)"),
        ("By Jane Roe, Transport Correspondent", False, "a byline"),
        ("", False, "empty"),
    ],
)
def test_is_prose(line: str, prose: bool, why: str) -> None:
    from newsclean.layout import is_prose

    assert is_prose(line) is prose, why


@pytest.mark.parametrize(
    ("line", "prose", "kind", "headline"),
    [
        (STORY[0], True, "prose", False),
        ("Night buses reach three new districts", False, "other", True),
        ("Share this article", False, "bad", False),
        ("Jane Roe", False, "other", False),  # two words: a name, not a headline
        ("Home | World | Sport | Weather", False, "bad", False),
    ],
)
def test_read_line(line: str, prose: bool, kind: str, headline: bool) -> None:
    from newsclean.layout import read_line

    r = read_line(line, "en")
    assert (r.prose, r.kind, r.headline) == (prose, kind, headline)
    assert r.text == line.strip()


def test_a_reading_survives_deleted_lines() -> None:
    from newsclean.layout import read_line

    # the same line read before and after other lines were taken out: one reading
    before = read_line(STORY[1], "en")
    assert read_line("  " + STORY[1], "en") is before
    assert read_line(STORY[1], "de") is not before  # read in another language


def test_a_huge_line_is_read_but_not_kept() -> None:
    from newsclean.layout import READ_KEPT_MAX_CHARS, read_line

    line = " ".join([STORY[1]] * (READ_KEPT_MAX_CHARS // len(STORY[1]) + 2))
    assert len(line) > READ_KEPT_MAX_CHARS
    first, second = read_line(line, "en"), read_line(line, "en")
    assert first == second  # the same reading
    assert first is not second  # computed again: nothing holds the huge line after the call
    assert first.prose and first.kind == read_line(STORY[1], "en").kind


def test_readings_agree_with_the_page_analysis() -> None:
    from newsclean.layout import read_line

    text = "\n".join(["Home | World | Sport | Weather", "Night buses reach three new districts", *STORY])
    layout = analyze(text, "en")
    for i, line in enumerate(text.split("\n")):
        block = layout.block_at(i)
        assert block is not None
        r = read_line(line, "en")
        assert (r.kind, r.prose, r.words) == (block.kind, block.prose, block.words)
    assert layout.headline is not None and read_line(layout.headline.text, "en").headline


def test_block_at_a_blank_line() -> None:
    layout = analyze("\n".join([STORY[0], "", STORY[1]]), "en")
    assert layout.block_at(1) is None
    assert layout.block_at(2) is not None and layout.block_at(2).text == STORY[1]
    with pytest.raises(IndexError):
        layout.block_at(3)


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(STORY),
        "\n".join(SUBHEAD_STORY),
        "The council met.\nIt voted.\nThe plan passed.",  # short clean sentences
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    """Clean controls: no stage reading the shared analysis edits clean text."""
    from newsclean import clean

    article = clean(text)
    assert article.edits == ()
    assert article.title is None and not article.authors


@pytest.mark.parametrize(
    ("lines", "start", "why"),
    [
        (["Night buses reach three new districts", "Jane Roe", *STORY], 2, "the story's first paragraph"),
        (
            [
                "Night buses reach three new districts",
                "This website uses cookies to improve your experience while you navigate through the website.",
                "Jane Roe",
                *STORY,
            ],
            3,
            "a consent notice written as a sentence is furniture, not the run's start",
        ),
        (
            [
                "Night buses reach three new districts",
                "The bakery on Mill Street won the regional prize for its oat cookies on Saturday, the jury said.",
                *STORY,
            ],
            1,
            "clean control: a story sentence naming cookies is prose",
        ),
        (["Menu", "Jane Roe"], None, "no prose at all"),
    ],
)
def test_prose_start_passes_over_furniture_written_as_sentences(
    lines: list[str], start: int | None, why: str
) -> None:
    from newsclean.layout import prose_start

    assert prose_start(lines, "en") == start, why


@pytest.mark.parametrize(
    ("line", "prose", "why"),
    [
        (STORY[0], True, "a story paragraph"),
        (
            "The bakery on Mill Street won the regional prize for its oat cookies on Saturday, the jury said.",
            True,
            "clean control: a story sentence naming a furniture word",
        ),
        (
            "This website uses cookies to improve your experience while you navigate through the website.",
            False,
            "a consent notice runs like a sentence but is furniture",
        ),
        (
            "Home > Transport > Regional services > Night buses reach three new distr...",
            False,
            "a breadcrumb cut off on an ellipsis",
        ),
        ("Night buses reach three new districts", False, "a headline is no prose at all"),
    ],
)
def test_story_prose(line: str, prose: bool, why: str) -> None:
    from newsclean.layout import story_prose

    assert story_prose(line, "en") is prose, why
