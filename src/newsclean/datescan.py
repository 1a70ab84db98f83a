"""The fast-path scan: every date the compiled patterns read in one line.

:mod:`newsclean.dateparse` is the public face (``find_dates``, ``parse_date``
and the plausibility rules); this module does the reading underneath it. Each
date form has its pattern (:mod:`newsclean.datewords`), but a line is not
scanned by every pattern: cheap gates (a four-digit year, a digit-separator-
digit run) skip the forms a line cannot hold, and the costly month-name forms
are tried only where a month name stands in the line, with the right shape
after it (the *anchors*). A clock and a zone found next to a date are
attached to it. ``tests/stages/test_dates.py`` checks that the gates and
anchors find exactly what full scans of every pattern find.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from newsclean import regexlite as regex
from newsclean.datecalendars import jalali_hits
from newsclean.datewords import (
    _FOLD,
    _FOLD_NEEDED,
    _LETTER,
    _LETTERS,
    _YEAR_GATE,
    _ascii_view,
    _fold,
    _folded_months,
    _glued_months,
    _letter_runs,
    _month_words,
    _patterns,
    _valid_date,
    month_firsts,
    month_key,
    vocabulary,
)
from newsclean.lazyre import regex_compile
from newsclean.linekeep import kept_lines

__all__ = ["FIND_CACHE_SIZE", "NUMERIC_GATE", "DateHit", "attach_time", "month_anchors", "scan_line"]


@dataclass(frozen=True, slots=True)
class DateHit:
    """One date found in a string.

    Attributes:
        value: ``datetime`` when a time was found (aware only when the text
            states a zone), else ``date``.
        start: Start of the whole expression (date, time and zone).
        end: End of the whole expression.
        order: Which fast path read it (``ymd``, ``dmy``, ``mdy``, ``name``,
            ``cjk``, ``unix``) or ``dateparser``.
        ambiguous: A message when day and month could be swapped, else None.
    """

    value: datetime | date
    start: int
    end: int
    order: str
    ambiguous: str | None = None


#: A numeric zone: ``+01:00``, ``-0500``, ``GMT+1``, ``UTC-03:30`` (lower case).
_OFFSET = regex_compile(r"(?:gmt|utc)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?")
_ANY_DIGIT = regex_compile(r"\d")


def _tz_from(text: str | None) -> timezone | None:
    if not text:
        return None
    t = text.strip().replace("−", "-")
    low = t.lower()
    if low == "z":
        return UTC
    m = _OFFSET.fullmatch(low)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if minutes > 14 * 60:
            return None
        return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    offset = vocabulary().timezones.get(low)
    if offset is None:
        return None
    return timezone(timedelta(minutes=offset))


def _clock(m: regex.Match[str]) -> tuple[int, int, int] | None:
    h, mi = int(m.group("H")), int(m.group("M"))
    s = int(m.group("S") or 0)
    ampm = m.groupdict().get("ampm")
    if ampm:
        if not 1 <= h <= 12:
            return None
        pm = ampm.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if h == 24:
        if mi or s:
            return None
        h = 0  # midnight written as 24:00 is kept on the same day for simplicity
    return h, mi, s


#: The core of every clock the time patterns read ("15:41", "15h41", "11時00", "3.30").
_CLOCK_GATE = re.compile(r"\d\s?[:：.hH時시]\s?\d")
#: A clock is looked for this far before a date and (with its connectors) after it.
_CLOCK_REACH = 40


def attach_time(text: str, d: date, start: int, end: int, order: str) -> DateHit:
    """Look for a time right after (or just before) a date and a zone after it."""
    if _CLOCK_GATE.search(text, max(0, start - _CLOCK_REACH), end + _CLOCK_REACH) is None:
        return DateHit(d, start, end, order)
    p = _patterns()
    clock: tuple[int, int, int] | None = None
    tm = p.time_after.match(text, end)
    if tm:
        clock = _clock(tm)
        if clock is not None:
            end = tm.end()
    if clock is None:
        # A time written before the date: "3:41 PM EST, Tue March 5, 2024".
        window_start = max(0, start - _CLOCK_REACH)
        best: regex.Match[str] | None = None
        for cand in p.time_any.finditer(text, window_start, start):
            best = cand
        if best is not None:
            gap = text[best.end() : start]
            zone = p.tz_after.match(text, best.end())
            after_zone = zone.end() if zone else best.end()
            gap = text[after_zone:start]
            if len(gap) <= 16 and not _ANY_DIGIT.search(gap):
                clock = _clock(best)
                if clock is not None:
                    tz = _tz_from(zone.group("tz") or "Z") if zone else None
                    value = datetime(d.year, d.month, d.day, *clock, tzinfo=tz)
                    return DateHit(value, best.start(), end, order)
    if clock is None:
        return DateHit(d, start, end, order)
    tz = None
    zone = p.tz_after.match(text, end)
    if zone:
        tz = _tz_from(zone.group("tz") or "Z")
        if tz is not None:
            end = zone.end()
    return DateHit(datetime(d.year, d.month, d.day, *clock, tzinfo=tz), start, end, order)


def _numeric(m: regex.Match[str], dayfirst: bool | None) -> tuple[date, str, str | None] | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    sep = m.group("sep")
    if a > 12 and b <= 12:
        d = _valid_date(y, b, a)
        return (d, "dmy", None) if d else None
    if b > 12 and a <= 12:
        d = _valid_date(y, a, b)
        return (d, "mdy", None) if d else None
    if a > 12 and b > 12:
        return None
    if sep == "." or a == b:
        d = _valid_date(y, b, a)
        return (d, "dmy", None) if d else None
    first = True if dayfirst is None else dayfirst
    d = _valid_date(y, b, a) if first else _valid_date(y, a, b)
    if d is None:
        return None
    how = "day-first" if first else "month-first"
    why = "by default" if dayfirst is None else "by language"
    note = f"ambiguous numeric date {m.group(0)!r} read {how} ({why})"
    return d, ("dmy" if first else "mdy"), note


#: Cheap test for the numeric forms: a digit, a separator, a digit (``re`` scans this fast).
NUMERIC_GATE = re.compile(r"\d[./-]\s?\d|\d /")
_SHORT_YEAR_GATE = re.compile(r"\d[:hH]\d\d")
#: A run of white space long enough to stretch a day-month-year date past :data:`_DMY_REACH`.
_LONG_SPACE = re.compile(r"\s{4}")
#: Longest distance from the start of a day-month-year date to its month name (``05-го``,
#: ``5 del``, up to three spaces each) while no white-space run is longer than three.
_DMY_REACH = 16


def month_anchors(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of month names: whole letter runs, and runs glued to a day ending.

    Every month-name match of the patterns sits on a whole run of letters (the
    patterns require a non-letter on both sides), except in a day-month-year
    date whose day ending touches the month ("5thMarch 2020"); those starts
    come second and serve only the day-month-year pattern.
    """
    months = _folded_months()
    glued_months = _glued_months()
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        runs = [(m.start(), _fold(m.group())) for m in _LETTERS.finditer(text)]
    else:
        view = _ascii_view(low)
        ascii_only = view is not None
        if view is not None:
            low = view
        elif _FOLD_NEEDED.search(low) is not None:
            low = low.translate(_FOLD)
        present = _month_words().intersection(_letter_runs(low))
        if not present:
            return [], []
        # Find just the runs that are month names (most runs of a line are not).
        runs = []
        size = len(low)
        for word in present:
            pos = low.find(word)
            while pos != -1:
                after = pos + len(word)
                if ascii_only:
                    whole_run = (pos == 0 or not low[pos - 1].isalpha()) and (
                        after == size or not low[after].isalpha()
                    )
                else:
                    whole_run = (pos == 0 or not _LETTER.match(low, pos - 1)) and not _LETTER.match(
                        low, after
                    )
                if whole_run:
                    runs.append((pos, word))
                pos = low.find(word, after)
    whole: list[tuple[int, int]] = []
    glued: list[tuple[int, int]] = []
    for start, word in runs:
        if word in months:
            whole.append((start, start + len(word)))
        else:
            cut = glued_months.get(word)
            if cut:
                glued.append((start + cut, start + len(word)))
    return whole, glued


def _scan(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """Yield what ``pattern.finditer(text)`` yields, trying only ``starts``.

    ``starts`` must include every offset where a match can begin; the matches
    are taken left to right without overlap, as ``finditer`` does.
    """
    return _scan_with(lambda _: pattern, text, starts)


def _scan_with(
    pattern_at: Callable[[int], regex.Pattern[str] | None], text: str, starts: Iterable[int]
) -> Iterator[regex.Match[str]]:
    """:func:`_scan` with the pattern ``pattern_at(start)`` at each start (None: no match there).

    Each start's pattern must match at that start exactly what the one
    pattern would.
    """
    end = 0
    for s in sorted(set(starts)):
        if s < end:
            continue
        pattern = pattern_at(s)
        m = pattern.match(text, s) if pattern is not None else None
        if m is not None:
            yield m
            end = max(m.end(), s + 1)


def _merge_month_pairs(
    text: str, whole: list[tuple[int, int]], months: Mapping[str, int]
) -> tuple[str, list[tuple[int, int]]]:
    """Blank the short name of a month glued to its full name ("Nov.November 18, 2019").

    Pages print a month twice, abbreviated and in full, and show one or the
    other by screen width; a text capture keeps both, joined by the
    abbreviation's full stop. The pair reads as the second name: the first
    is replaced by spaces (same length, so spans stay valid). Two names of
    different months are left alone.
    """
    drop: list[tuple[int, int]] = []
    for (a1, e1), (a2, e2) in itertools.pairwise(sorted(whole)):
        if (
            a2 == e1 + 1
            and text[e1] == "."
            and months.get(_fold(text[a1:e1].lower()), 0) == months.get(_fold(text[a2:e2].lower()), -1)
        ):
            drop.append((a1, e1 + 1))
    if not drop:
        return text, whole
    for a, e in drop:
        text = text[:a] + " " * (e - a) + text[e:]
    starts = {a for a, _ in drop}
    return text, [span for span in whole if span[0] not in starts]


def _with_glued_abbreviation(text: str, hit: DateHit) -> DateHit:
    """Start ``hit`` at the same month's abbreviation glued before it ("Nov.November 18, 2019")."""
    start = hit.start
    if start < 2 or text[start - 1] != ".":
        return hit
    before = _ABBREVIATION_BEFORE.search(text, 0, start)
    name = _LETTERS.match(text, start)
    if before is None or name is None:
        return hit
    months = _folded_months()
    month = months.get(_fold(before.group(1).lower()))
    if month is None or months.get(_fold(name.group().lower())) != month:
        return hit
    return DateHit(hit.value, before.start(1), hit.end, hit.order, hit.ambiguous)


#: A short letter run right before a full stop that ends the searched span ("Nov." of "Nov.November").
_ABBREVIATION_BEFORE = regex_compile(r"(?<![^\W\d_])([^\W\d_]{3,5})\.$")


def _raw_hits(text: str, dayfirst: bool | None) -> Iterator[DateHit]:
    if not text.isascii():
        # Solar Hijri dates ("29 بهمن 1398"): their years never pass the Gregorian gate.
        for day, start, end in jalali_hits(text):
            yield attach_time(text, day, start, end, "name")
    if _YEAR_GATE.search(text) is None and _SHORT_YEAR_GATE.search(text) is None:
        return
    p = _patterns()
    months = _folded_months()
    # The month-name patterns are costly (a long alternation): instead of scanning the
    # line, try them only where a month name starts (and where a day or year may start
    # before it).
    whole, glued = month_anchors(text)
    if len(whole) > 1:
        text, whole = _merge_month_pairs(text, whole, months)
    numeric = NUMERIC_GATE.search(text) is not None
    # Each month-name form is tried only at month names that the right shape follows, and
    # holds only the month names this text can match (the others cost compiling only).
    key = month_key(text) if whole or glued else (frozenset(), False)
    js = [a for a, e in whole if p.js_tail.match(text, e)] if whole and ":" in text else []
    for m in (
        _scan_with(lambda s: p.month_form_at("js_date", key, month_firsts(text[s])), text, js) if js else ()
    ):
        d = _valid_date(int(m.group("y")), months.get(_fold(m.group("mon")), 0), int(m.group("d")))
        if d:
            clock = _clock(m)
            if clock is not None:
                tz = _tz_from(m.group("tz"))
                yield DateHit(datetime(d.year, d.month, d.day, *clock, tzinfo=tz), m.start(), m.end(), "name")
    for m in p.ymd.finditer(text) if numeric else ():
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield attach_time(text, d, m.start(), m.end(), "ymd")
    for m in p.cjk.finditer(text) if ("年" in text or "년" in text) else ():
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield attach_time(text, d, m.start(), m.end(), "cjk")
    for m in p.numeric.finditer(text) if numeric else ():
        got = _numeric(m, dayfirst)
        if got:
            hit = attach_time(text, got[0], m.start(), m.end(), got[1])
            yield DateHit(hit.value, hit.start, hit.end, hit.order, got[2])
    if not (whole or glued):
        return
    # Each form's pattern is compiled on first need: build the starts first.
    dmy: Iterable[regex.Match[str]] = ()
    if _LONG_SPACE.search(text):
        dmy = p.month_form("name_dmy", key).finditer(text)
    else:
        dmy_starts = [
            s
            for a, e in whole + glued
            if p.month_form("dmy_tail", key).match(text, e)
            for s in range(max(0, a - _DMY_REACH), a)
            if text[s].isdecimal()
        ]
        if dmy_starts:
            dmy = _scan(p.month_form("name_dmy", key), text, dmy_starts)
    mdy_starts = [a for a, e in whole if p.mdy_tail.match(text, e)]
    # The month name starts a month-day-year match: tried at a name, the pattern need hold only
    # the names that start as it does.
    mdy = (
        _scan_with(lambda s: p.month_form_at("name_mdy", key, month_firsts(text[s])), text, mdy_starts)
        if mdy_starts
        else ()
    )
    ymd_starts = [s for a, e in whole if p.ymd_tail.match(text, e) for s in range(max(0, a - 9), a - 4)]
    ymd = _scan(p.month_form("name_ymd", key), text, ymd_starts) if ymd_starts else ()
    for matches in (dmy, mdy, ymd):
        for m in matches:
            groups = m.groupdict()
            year = int(groups["y"]) if groups["y"] else 2000 + int(groups["yy"])
            d = _valid_date(year, months.get(_fold(m.group("mon")), 0), int(m.group("d")))
            if d:
                yield attach_time(text, d, m.start(), m.end(), "name")


#: Distinct (line, order) pairs whose hits :func:`scan_line` keeps: the pages of one site repeat
#: their date lines, bylines and footers, and a corpus holds many pages of each site.
FIND_CACHE_SIZE = 4096


@kept_lines(FIND_CACHE_SIZE)
def scan_line(text: str, dayfirst: bool | None) -> tuple[DateHit, ...]:
    """The dates of ``text``, whose digits are ASCII already; where two overlap, the earlier and longer wins.

    Cached: hits are immutable, and the pages of one site repeat their date lines.
    """
    hits = sorted(_raw_hits(text, dayfirst), key=lambda h: (h.start, -(h.end - h.start)))
    if "." in text:
        hits = [_with_glued_abbreviation(text, h) for h in hits]
    out: list[DateHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return tuple(out)
