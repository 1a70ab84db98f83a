"""Tests of the fast-path scan (``newsclean.datescan``): gates and anchors find what full scans find.

This module reads private names on purpose: the reference reader below runs
every compiled pattern over the whole text, with no gates and no month-name
anchors, which no public function does (see ``tests/README.md``).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.datescan import (
    _clock,
    _merge_month_pairs,
    _numeric,
    _tz_from,
    attach_time,
    month_anchors,
    scan_line,
)
from newsclean.datewords import _fold, _folded_months, _glued_months, _letter_runs, _patterns, _valid_date


def _full_scan(text: str, dayfirst: bool | None) -> list[tuple[object, int, int]]:
    """Reference reader: every pattern scans the whole text, no gates, no anchors."""

    p = _patterns()
    months = _folded_months()
    hits = []
    for m in p.js_date.finditer(text):
        d = _valid_date(int(m.group("y")), months.get(_fold(m.group("mon")), 0), int(m.group("d")))
        clock = _clock(m) if d else None
        if d and clock:
            value = datetime(d.year, d.month, d.day, *clock, tzinfo=_tz_from(m.group("tz")))
            hits.append((value, m.start(), m.end()))
    for m in p.ymd.finditer(text):
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            h = attach_time(text, d, m.start(), m.end(), "ymd")
            hits.append((h.value, h.start, h.end))
    for m in p.cjk.finditer(text):
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            h = attach_time(text, d, m.start(), m.end(), "cjk")
            hits.append((h.value, h.start, h.end))
    for m in p.numeric.finditer(text):
        got = _numeric(m, dayfirst)
        if got:
            h = attach_time(text, got[0], m.start(), m.end(), got[1])
            hits.append((h.value, h.start, h.end))
    for pattern in (p.name_dmy, p.name_mdy, p.name_ymd):
        for m in pattern.finditer(text):
            year = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
            d = _valid_date(year, months.get(_fold(m.group("mon")), 0), int(m.group("d")))
            if d:
                h = attach_time(text, d, m.start(), m.end(), "name")
                hits.append((h.value, h.start, h.end))
    out: list[tuple[object, int, int]] = []
    for h in sorted(hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        if not out or h[1] >= out[-1][2]:
            out.append(h)
    return out


_PIECES = [
    "March", "MAR", "mayıs", "MAYIS", "Dec.", "décembre", "5", "05", "31", "2020", "1999", "20",
    "12:30", "9h21", "à", " de ", "th", "st", ",", ".", " ", "  ", "/", "-", "m. ", "GMT", "Tue", "x",
    "’", "—", "\u00a0", "2020年", "3月", "5日", "may", "out", "set",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_fast_paths_equal_full_scans(text: str) -> None:
    """Gates, month-name anchors and tails find exactly what full scans find.

    The two differences are by design: a month name glued to a day ending
    ("5thMarch 2020") is read even when no other month name is on the line,
    and a month printed twice, the first name closed by its full stop
    ("Nov.November 18", "Dec.Dec.20,2020"), reads as one month.
    """
    if any(_fold(w) in _glued_months() for w in _letter_runs(text)):
        return
    whole, _ = month_anchors(text)
    if len(whole) > 1 and _merge_month_pairs(text, whole, _folded_months())[0] != text:
        return
    for dayfirst in (None, True, False):
        fast = [(h.value, h.start, h.end) for h in scan_line(text, dayfirst)]
        assert fast == _full_scan(text, dayfirst), text


@pytest.mark.parametrize(
    ("line", "value", "start"),
    [
        ("Nov.November 18, 2019", date(2019, 11, 18), 0),
        ("Sept.September 3, 2020", date(2020, 9, 3), 0),
        ("TRD NATIONAL / Nov.November 18, 2019", date(2019, 11, 18), 15),
    ],
)
def test_a_month_abbreviation_glued_to_its_full_name_reads_as_one_month(
    line: str, value: date, start: int
) -> None:
    (hit,) = scan_line(line, None)
    assert (hit.value, hit.start, hit.end) == (value, start, len(line))


@pytest.mark.parametrize(
    "line",
    [
        "Nov.December 18, 2019",  # two different months: no date
        "v.2.May 3, 2019",  # a version before a month name
        "www.May 5, 2020",
    ],
)
def test_no_glued_month_pair_in_clean_text(line: str) -> None:
    assert scan_line(line, None) == ()
