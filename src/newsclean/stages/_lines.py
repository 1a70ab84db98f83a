"""Plumbing shared by the stages: lines with offsets, line deletion, phrase rewriting."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from newsclean import regexlite as regex
from newsclean.document import Action, Change, Document

__all__ = ["Line", "Rule", "delete_line", "filter_lines", "line_at", "rewrite", "split_lines"]


class Line(NamedTuple):
    """One line of the working text: its index, offsets (newline excluded) and text."""

    index: int  # type: ignore[assignment]  # shadows tuple.index on purpose
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        """The text without surrounding white space."""
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split ``text`` on ``\\n`` into :class:`Line` records with offsets.

    The records are built in C loops (``tuple.__new__`` skips NamedTuple's
    argument handling), about a third faster than a Python loop: the date stage
    splits every capture.

    >>> split_lines("ab\\n\\ncd")
    [Line(index=0, start=0, end=2, text='ab'), Line(index=1, start=3, end=3, text=''), Line(index=2, start=4, end=6, text='cd')]
    """
    parts = text.split("\n")
    sizes = list(map(len, parts))
    starts = list(itertools.accumulate(map((1).__add__, sizes), initial=0))
    ends = map(operator.add, starts, sizes)
    return list(map(tuple.__new__, itertools.repeat(Line), zip(itertools.count(), starts, ends, parts)))


def line_at(parts: Sequence[str], i: int) -> Line:
    """Line ``i`` of ``parts`` (a text split on newlines) with its offsets in that text."""
    start = sum(map(len, parts[:i])) + i  # each line and its newline, summed in C
    return Line(i, start, start + len(parts[i]), parts[i])


def delete_line(text: str, line: Line, reason: str, action: Action | None = None) -> Change:
    """Return a change deleting ``line`` together with its newline."""
    end = line.end + 1 if line.end < len(text) else line.end
    return Change(line.start, end, "", reason, action)


def filter_lines(
    doc: Document,
    stage: str,
    predicate: Callable[[Line, Sequence[Line]], str | None],
    *,
    action: Action | None = None,
) -> Document:
    """Delete every line for which ``predicate(line, lines)`` returns a reason."""
    lines = split_lines(doc.text)
    changes = []
    for line in lines:
        if not line.text:
            continue
        reason = predicate(line, lines)
        if reason:
            changes.append(delete_line(doc.text, line, reason, action))
    return doc.with_edits(stage, changes)


class Rule(NamedTuple):
    """A rewrite rule: where ``pattern`` matches, put ``replacement`` (a template)."""

    pattern: regex.Pattern[str]
    replacement: str | Callable[[regex.Match[str]], str | None]
    reason: str


def rewrite(doc: Document, stage: str, rules: Iterable[Rule]) -> Document:
    """Apply rules left to right; overlapping later matches are skipped.

    A callable replacement may return ``None`` to leave a match alone.
    """
    changes: list[Change] = []
    taken: list[tuple[int, int]] = []
    for rule in rules:
        for m in rule.pattern.finditer(doc.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if callable(rule.replacement):
                after = rule.replacement(m)
                if after is None:
                    continue
            else:
                after = m.expand(rule.replacement)
            changes.append(Change(m.start(), m.end(), after, rule.reason))
            taken.append((m.start(), m.end()))
    return doc.with_edits(stage, changes)
