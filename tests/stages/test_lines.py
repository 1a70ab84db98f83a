from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean import Change, Document, replay
from newsclean.stages._lines import Line, delete_line, filter_lines, split_lines


@given(st.text(max_size=200))
def test_split_lines_offsets_point_at_the_lines(text: str) -> None:
    lines = split_lines(text)
    assert "\n".join(line.text for line in lines) == text
    for n, line in enumerate(lines):
        assert isinstance(line, Line) and line.index == n
        assert text[line.start : line.end] == line.text


def test_delete_line_takes_the_newline_and_the_last_line_keeps_none() -> None:
    text = "one\ntwo\nthree"
    lines = split_lines(text)
    assert delete_line(text, lines[0], "r") == Change(0, 4, "", "r")
    assert delete_line(text, lines[2], "r") == Change(8, 13, "", "r")


def test_filter_lines_logs_each_deleted_line() -> None:
    doc = Document.from_text("keep this\nDROP\nkeep that\nDROP")
    out = filter_lines(doc, "test", lambda line, _: "shout" if line.text.isupper() else None)
    assert out.text == "keep this\nkeep that\n"
    assert [e.before for e in out.edits] == ["DROP\n", "DROP"]
    assert replay(doc.base_text, out.edits) == out.text
