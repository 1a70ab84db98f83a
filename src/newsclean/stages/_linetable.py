"""The lines of a text as one array of offsets: :class:`LineTable`.

:func:`newsclean.stages._lines.split_lines` makes a :class:`~newsclean.stages._lines.Line`
record per line (a tuple, two offsets and the line's text: about 130 bytes a line
beyond the text). On a capture of millions of short lines that is many times the
capture's size, for a stage that reads a handful of them (the date stage reads the
lines that may hold a date). A :class:`LineTable` keeps only the start offset of
each line in an ``array`` (8 bytes a line) and makes a ``Line`` when one is asked
for; it is a ``Sequence[Line]`` with the same numbering and offsets as
``split_lines``, so code written for a list of lines reads it unchanged.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from newsclean.stages._lines import Line, split_lines

__all__ = ["COMPACT_LINES", "LineTable", "as_table", "line_table"]

#: Lines above which :func:`line_table` gives a :class:`LineTable` rather than a list of
#: ``Line`` records. A list indexes and iterates in C, about a quarter faster for the date
#: stage on news captures (a few hundred lines); its records cost about 130 bytes a line,
#: which matters only on captures of many thousands of lines.
COMPACT_LINES = 10_000

#: Characters of text split at a time while the offsets are built: the pieces of one
#: split are the only per-line objects alive at once (a list of a few thousand strings),
#: so building a table costs about 8 bytes a line however many lines the text has.
SPLIT_CHUNK = 1 << 16


def _line_starts(text: str) -> array[int]:
    """Start offset of every line, and ``len(text) + 1`` after the last (a sentinel)."""
    starts = array("q", [0])
    size = len(text)
    pos = 0
    while True:
        cut = text.find("\n", pos + SPLIT_CHUNK) if pos + SPLIT_CHUNK < size else -1
        piece_end = size if cut == -1 else cut
        sizes = map((1).__add__, map(len, text[pos:piece_end].split("\n")))
        # the starts of the next lines, the last one the start of the next piece
        starts.extend(itertools.islice(itertools.accumulate(sizes, initial=pos), 1, None))
        if cut == -1:
            return starts
        pos = cut + 1


class LineTable(Sequence[Line]):
    """The lines of ``text``, numbered and placed as :func:`~newsclean.stages._lines.split_lines` does.

    Indexing gives a :class:`~newsclean.stages._lines.Line`; a slice gives a table
    over the same text and offsets (a view: nothing is copied).

    >>> t = LineTable("ab\\n\\ncd")
    >>> len(t), t[2], list(t[1:]) == [t[1], t[2]]
    (3, Line(index=2, start=4, end=6, text='cd'), True)
    """

    __slots__ = ("_hi", "_lo", "_starts", "text")

    def __init__(self, text: str, *, _starts: array[int] | None = None, _lo: int = 0, _hi: int | None = None):
        self.text = text
        self._starts = _line_starts(text) if _starts is None else _starts
        self._lo = _lo
        self._hi = len(self._starts) - 1 if _hi is None else _hi

    def __len__(self) -> int:
        return self._hi - self._lo

    def line(self, index: int) -> Line:
        """The line numbered ``index`` in the whole text (not in this view)."""
        start = self._starts[index]
        end = self._starts[index + 1] - 1
        return Line(index, start, end, self.text[start:end])

    def line_text(self, index: int) -> str:
        """The text of the line numbered ``index``, without making a ``Line``."""
        return self.text[self._starts[index] : self._starts[index + 1] - 1]

    def length(self, index: int) -> int:
        """The length of the line numbered ``index`` (newline excluded), without making its text."""
        return self._starts[index + 1] - self._starts[index] - 1

    @property
    def starts(self) -> Sequence[int]:
        """Start offset of every line of the whole text, then ``len(text) + 1``."""
        return self._starts

    def indices(self) -> range:
        """The line numbers of this view."""
        return range(self._lo, self._hi)

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> LineTable: ...

    def __getitem__(self, i: int | slice) -> Line | LineTable:
        if isinstance(i, slice):
            lo, hi, step = i.indices(len(self))
            if step != 1:
                raise ValueError("a LineTable slice takes no step")
            hi = max(lo, hi)
            return LineTable(self.text, _starts=self._starts, _lo=self._lo + lo, _hi=self._lo + hi)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("line index out of range")
        return self.line(self._lo + i)

    def __iter__(self) -> Iterator[Line]:
        # built in C loops, as split_lines does: a stage may walk every line
        starts = self._starts[self._lo : self._hi]
        ends = self._starts[self._lo + 1 : self._hi + 1]
        ends = array("q", map(operator.sub, ends, itertools.repeat(1, len(ends))))
        texts = map(self.text.__getitem__, map(slice, starts, ends))
        rows = zip(range(self._lo, self._hi), starts, ends, texts, strict=True)
        return map(tuple.__new__, itertools.repeat(Line), rows)

    def texts(self, indices: Iterable[int]) -> Iterator[str]:
        """The texts of the lines numbered ``indices`` (built in C loops, no ``Line`` made)."""
        starts = self._starts
        ids = list(indices)
        ends = map(operator.sub, map(starts.__getitem__, map((1).__add__, ids)), itertools.repeat(1))
        return map(self.text.__getitem__, map(slice, map(starts.__getitem__, ids), ends))

    def lengths(self) -> Iterator[int]:
        """The length of every line of this view (newline excluded), in order."""
        lo, hi = self._lo, self._hi
        starts = self._starts  # (read in place: no copy of the offsets)
        ends = itertools.islice(starts, lo + 1, hi + 1)
        return map(operator.sub, ends, map((1).__add__, itertools.islice(starts, lo, hi)))

    def __repr__(self) -> str:
        return f"<LineTable lines {self._lo}..{self._hi} of {len(self._starts) - 1}>"


def line_table(text: str) -> Sequence[Line]:
    """The lines of ``text``: a list of records, or a :class:`LineTable` past :data:`COMPACT_LINES`."""
    if text.count("\n") < COMPACT_LINES:
        return split_lines(text)
    return LineTable(text)


def as_table(text: str, lines: Sequence[Line] | None) -> LineTable:
    """``lines`` when it is a table of ``text``, else a new table of ``text``."""
    if isinstance(lines, LineTable):
        if lines.text is text and len(lines) == len(lines._starts) - 1:
            return lines
    elif isinstance(lines, list) and lines and lines[-1].end == len(text) and lines[0].start == 0:
        # the records of split_lines(text): their offsets, without splitting again
        starts = array("q", map(operator.itemgetter(1), lines))
        starts.append(len(text) + 1)
        return LineTable(text, _starts=starts)
    return LineTable(text)
