"""Tests for huge captures in remove_boilerplate: analysis in windows of lines (stages/boilerplate.py).

A capture of more than ``WINDOW_LINES`` lines is judged a window of lines at a
time, each as a page of its own. The tests shrink the window so that small
captures take the huge-capture path. All article text below was written for
these tests.
"""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.document import Document, replay
from newsclean.stages import boilerplate
from newsclean.stages.boilerplate import _windows, remove_boilerplate

STORY = [
    "The harbour authority said on Monday that the ferry timetable would change in the spring after a review.",
    "Officials said the first boats would leave earlier and that the last crossing would move to half past eleven.",
    "“Passengers asked for later boats, and the crews agreed to new shifts,” said a spokeswoman for the authority.",
    "The changes will be reviewed in the autumn, when the authority publishes its yearly passenger figures.",
]

PAGE = [
    "Home | News | Sport | Weather",
    "Share this article",
    "Ferry timetable to change in the spring",
    *STORY,
    "Related",
    "Bridge works close the north road for a week",
    "Market hall to open on Sundays from May",
    "New cycle lanes planned along the river",
    "Copyright 2024 Harbour Gazette. All rights reserved.",
]


def clean(text: str, language: str | None = "en") -> Document:
    doc = Document.from_text(text)
    return remove_boilerplate(doc.with_fields(language=language) if language else doc)


def fates(doc: Document) -> list[str | None]:
    """For every line of the base text, the reason it was removed for (None: kept)."""
    base = doc.base_text
    starts = [0]
    for i, ch in enumerate(base):
        if ch == "\n":
            starts.append(i + 1)
    out: list[str | None] = [None] * len(starts)
    for e in doc.edits:
        if e.stage != "remove_boilerplate":
            continue
        for k, s in enumerate(starts):
            if e.start <= s < e.end:
                out[k] = e.reason
    return out


@given(
    st.lists(st.sampled_from(["", "a", "bc d", " ", "Share"]), max_size=40).map("\n".join),
    st.integers(min_value=1, max_value=7),
)
def test_windows_cover_the_text_line_by_line(text: str, size: int) -> None:
    windows = list(_windows(text, size))
    assert "\n".join(piece for _, piece in windows) == text
    lines = text.split("\n")
    seen = 0
    for offset, piece in windows:
        count = piece.count("\n") + 1
        assert count <= size or (offset, piece) == windows[-1]
        assert text[offset : offset + len(piece)] == piece
        assert piece.split("\n") == lines[seen : seen + count]
        seen += count
    assert seen == len(lines)


def test_small_captures_are_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    cut: list[int] = []
    real = boilerplate._windows

    def spy(text: str, size: int):  # type: ignore[no-untyped-def]
        cut.append(size)
        return real(text, size)

    monkeypatch.setattr(boilerplate, "_windows", spy)
    clean("\n".join(PAGE * 3))
    assert cut == []
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", len(PAGE))
    clean("\n".join(PAGE * 3))
    assert cut == [len(PAGE)]


def test_each_window_is_judged_as_the_page_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = clean("\n".join(PAGE))
    assert alone.get("related")  # the page has furniture and a link list to find
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", len(PAGE))
    many = clean("\n".join(PAGE * 5))
    assert fates(many) == fates(alone) * 5
    assert many.get("related") == alone.get("related", ()) * 5
    assert many.text == alone.text * 5
    assert replay(many.base_text, many.edits) == many.text


@pytest.mark.parametrize(
    "pattern",
    [
        ["a"],  # benchmarks.scaling's tiny_lines
        ["a", "", "7", "* * *", "b", "Share"],
        ["x", "Home", "a", "Advertisement", "a", "©"],
    ],
)
def test_tiny_lines_get_the_decisions_of_the_whole_analysis(
    monkeypatch: pytest.MonkeyPatch, pattern: list[str]
) -> None:
    text = "\n".join(pattern * 500)
    whole = clean(text)
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", 97)  # windows cut the pattern anywhere
    windowed = clean(text)
    assert fates(windowed) == fates(whole)
    assert windowed.text == whole.text
    assert replay(windowed.base_text, windowed.edits) == windowed.text


def test_clean_prose_over_many_windows_is_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", 7)
    for text in ("\n".join(STORY * 20), "\n\n".join(STORY * 20)):
        for language in ("en", None):
            doc = clean(text, language)
            assert doc.edits == ()
            assert doc.text == text


def test_a_removed_run_across_a_cut_is_one_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", len(STORY) + 2)
    # the last two lines of the first window and the first of the second: one run of furniture
    doc = clean("\n".join([*STORY, "Share this article", "Share this article", "Share this article", *STORY]))
    assert [e.reason for e in doc.edits] == ["share"]
    assert doc.text == "\n".join([*STORY, *STORY])


def test_memory_of_a_huge_capture_is_bounded_by_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a\n" * 20_000
    clean(text[:2000])  # load the vocabularies first

    def peak() -> int:
        tracemalloc.start()
        try:
            clean(text)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    whole = peak()
    monkeypatch.setattr(boilerplate, "WINDOW_LINES", 1000)
    windowed = peak()
    # the whole analysis keeps a few hundred bytes a line; a window's records are freed
    # before the next window's are made, so what is left is about a list of the lines
    assert whole > 100 * len(text)
    assert windowed < whole / 4
