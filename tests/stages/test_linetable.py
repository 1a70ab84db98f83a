"""Tests of the line table (stages/_linetable.py): the same lines as split_lines, 8 bytes a line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.stages import _linetable
from newsclean.stages._lines import split_lines
from newsclean.stages._linetable import COMPACT_LINES, LineTable, line_table
from newsclean.stages.date_candidates import _candidate_lines, find_candidates

LINES = st.text(alphabet=st.sampled_from("ab \n\n5:2019ago"), max_size=300)


@settings(max_examples=200, deadline=None)
@given(text=LINES, chunk=st.integers(min_value=1, max_value=40))
def test_table_holds_the_lines_of_split_lines(text: str, chunk: int) -> None:
    old = _linetable.SPLIT_CHUNK
    _linetable.SPLIT_CHUNK = chunk  # many pieces: the offsets must join up across them
    try:
        table = LineTable(text)
    finally:
        _linetable.SPLIT_CHUNK = old
    lines = split_lines(text)
    assert list(table) == lines
    assert len(table) == len(lines)
    assert [table[i] for i in range(-len(lines), len(lines))] == lines[-len(lines) :] + lines
    assert list(table.lengths()) == [len(ln.text) for ln in lines]
    assert list(table.texts(range(0, len(lines), 2))) == [ln.text for ln in lines[::2]]
    for lo, hi in ((1, None), (2, 4), (5, 2), (None, -1)):
        view = table[lo:hi]
        assert list(view) == lines[lo:hi]
        assert list(view.lengths()) == [len(ln.text) for ln in lines[lo:hi]]


def test_table_refuses_a_stepped_slice_and_an_index_out_of_range() -> None:
    table = LineTable("a\nb")
    with pytest.raises(ValueError, match="step"):
        table[::2]
    with pytest.raises(IndexError):
        table[2]


def test_line_table_is_a_list_for_short_texts_and_a_table_for_long_ones() -> None:
    assert isinstance(line_table("a\nb"), list)
    assert isinstance(line_table("a\n" * COMPACT_LINES), LineTable)


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n2 hours ago\nThe council met on 5 May 2020 and said so at length in a long line of prose.",
        "a\nb\nago\nc",  # every line short, a relative word among them
        "5/5/20\nx\n" + "long line of prose that goes on " * 5 + "\nvor 2 Stunden\nil y a 3 jours",
        "März\nvor 3 Tagen\n" + "ein langer Satz mit Wörtern " * 6,  # letters that need folding
    ],
)
def test_date_prefilter_reads_a_table_as_it_reads_a_list(text: str) -> None:
    for many in (1, COMPACT_LINES // 4 + 1):  # the second is long enough to get a table
        page = "\n".join([text] * many)
        assert _candidate_lines(page, LineTable(page)) == _candidate_lines(page, split_lines(page))
    assert find_candidates(text, lines=LineTable(text)) == find_candidates(text, lines=split_lines(text))
