"""Exact date parsing for short strings and text lines.

The :mod:`newsclean.stages.dates` stage reads dates through this module. Its
fast paths are compiled regular expressions for the forms news pages print:

* ISO 8601 and other year-first numeric dates (``2023-09-15 13:05:45``,
  ``2020.10.26 13:44``, ``2020/07/13``), with ``T``/space times and offsets;
* day-first and month-first numeric dates (``05.03.2024``, ``21/05/2020``,
  ``3/5/2024``); the order is decided by the separator, by impossible values
  (``21/05``), or else by the language (US month-first for English) and the
  ambiguity is reported;
* month names in 27 languages (``March 5, 2024``, ``5. März 2024``,
  ``22 de novembro de 2020``, ``1 декабря 2020``, ``Tue, 05 Mar 2024 15:41:00
  +0000`` as in RFC 2822, ``Thu Dec 10 10:10:50 GMT-03:00 2020``);
* Chinese, Japanese and Korean ``2024年3月5日 15時41分`` / ``2020년 8월 27일``;
* Unix timestamps in seconds or milliseconds (UTC by definition).

Times may come before or after the date (``3:41 PM EST, Tue March 5, 2024``,
``5 mars 2024 à 15h41``). A value is timezone-aware only when the text states
the zone: an offset, ``Z``, ``GMT+1`` or an abbreviation from the table in
``data/dates.json``.

A date needs a day, a month and a four-digit year, so words that look like
months ("May I", "March on"), version numbers, prices, phone numbers and
scores never parse. dateparser is the slow path, used by :func:`parse_date`
only for short strings that the fast paths could not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import regex

__all__ = [
    "EARLIEST",
    "LATEST",
    "YEAR_MAX",
    "YEAR_MIN",
    "DateHit",
    "century",
    "copyright_year",
    "day_of",
    "dayfirst_for",
    "find_dates",
    "find_short_dates",
    "iso",
    "looks_like_worded_date",
    "parse_date",
    "parse_relative",
    "parse_unix",
    "plausible_day",
    "shift_days",
    "url_date",
    "url_month",
    "vocabulary",
]

#: Years a written date may have (four-digit years only). Every module reads its bounds
#: here: a date outside them is not a date at all (``1850``, ``2150`` are other numbers).
YEAR_MIN = 1900
YEAR_MAX = 2100
#: The plausible window of a news publication date (the web's news era to a generous horizon).
#: Dates outside it may be mentioned in a story but are never published or updated dates;
#: a bare 10- or 13-digit number is read as a Unix timestamp only inside it.
EARLIEST = date(1995, 1, 1)
LATEST = date(2040, 12, 31)
#: Longest string read for a two-digit-year date (a label, the date, a time and a zone).
MAX_SHORT_YEAR_CHARS = 60
UNIX_MIN = datetime(EARLIEST.year, EARLIEST.month, EARLIEST.day, tzinfo=UTC)
UNIX_MAX = datetime(LATEST.year, LATEST.month, LATEST.day, tzinfo=UTC)

Order = Literal["ymd", "dmy", "mdy", "name", "cjk", "unix"]


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word tables of ``data/dates.json``, prepared for matching.

    Attributes:
        months: Lower-case month name or abbreviation -> month number, all
            languages merged (names that mean different months in different
            languages are left out).
        month_first: Languages whose numeric dates are month-first.
        weekdays: Lower-case weekday names and abbreviations.
        fillers: Connector words allowed around a date on a date-only line.
        labels: ``(label, kind, language)`` triples, longest label first.
        timezones: Lower-case abbreviation -> UTC offset in minutes.
        units: Relative-time unit word -> unit name.
        before: Words that open a relative phrase ("vor", "il y a").
        after: Words that close one ("ago", "geleden").
        days: "today"/"yesterday" words -> days back.
    """

    months: Mapping[str, int]
    month_first: frozenset[str]
    weekdays: frozenset[str]
    fillers: frozenset[str]
    labels: tuple[tuple[str, str, str], ...]
    timezones: Mapping[str, int]
    units: Mapping[str, str]
    before: tuple[str, ...]
    after: tuple[str, ...]
    days: Mapping[str, int]

    @property
    def label_words(self) -> frozenset[str]:
        """Every word occurring in a label (lower case)."""
        return frozenset(w for label, _, _ in self.labels for w in regex.findall(r"\w+", label))


def _group(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    group = data.get(name)
    if not group:
        raise ValueError(f"dates.json: group {name!r} is missing or empty")
    return {k: v for k, v in group.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load and check ``data/dates.json`` once (the result is immutable).

    Raises:
        ValueError: If a group is empty or a language lacks twelve months.
    """
    raw = json.loads(resources.files("newsclean").joinpath("data/dates.json").read_text(encoding="utf-8"))
    months: dict[str, int] = {}
    clashes: set[str] = set()
    for lang, names in _group(raw, "months").items():
        if len(names) != 12:
            raise ValueError(f"dates.json: months[{lang!r}] needs 12 entries, has {len(names)}")
        for number, variants in enumerate(names, start=1):
            for name in variants.split("|"):
                key = name.lower()
                if months.get(key, number) != number:
                    clashes.add(key)
                months[key] = number
    for key in clashes:
        del months[key]
    weekdays = frozenset(w.lower() for words in _group(raw, "weekdays").values() for w in words)
    labels = sorted(
        (
            (label.lower(), kind, lang)
            for kind, by_lang in _group(raw, "labels").items()
            for lang, words in by_lang.items()
            for label in words
        ),
        key=lambda t: -len(t[0]),
    )
    rel = _group(raw, "relative")
    units = {w.lower(): unit for unit, words in rel["units"].items() for w in words}
    days = {w.lower(): back for back, key in enumerate(("today", "yesterday")) for w in rel["days"][key]}
    return Vocabulary(
        months=months,
        month_first=frozenset(_group(raw, "month_first_languages")["languages"]),
        weekdays=weekdays,
        fillers=frozenset(w.lower() for w in _group(raw, "fillers")["words"]),
        labels=tuple(labels),
        timezones={k.lower(): int(v) for k, v in _group(raw, "timezones").items()},
        units=units,
        before=tuple(rel["before"]),
        after=tuple(rel["after"]),
        days=days,
    )


def _alternation(words: Iterable[str]) -> str:
    """Build a regex alternation, longest first; refuse an empty group."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if not items:
        raise ValueError("cannot build a pattern from an empty word group")
    return "|".join(regex.escape(w) for w in items)


def _trie_alternation(words: Iterable[str]) -> str:
    """Build the alternation of :func:`_alternation` as a prefix tree (same matches, cheaper).

    A flat alternation of hundreds of month names is tried branch by branch at
    every position; the tree rejects a position after its first character.
    Longer names are still tried before their prefixes (a branch goes on
    before the optional end), so the matches equal the flat alternation's.

    >>> _trie_alternation(["mar", "march", "may"])
    'ma(?:r(?:ch)?|y)'
    """
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        raise ValueError("cannot build a pattern from an empty word group")

    def emit(node: dict[str, Any]) -> str:
        branches = [str(regex.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")

    return emit(root)


# ---------------------------------------------------------------------------
# Patterns (compiled once, on first use)
# ---------------------------------------------------------------------------
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# A number is not part of a date when glued to letters, currency, decimals or other digits.
_NOT_BEFORE = r"(?<![\d_$€£¥+.,/\-]|\d:|(?<!\w)v)"
_NOT_AFTER = r"(?![\w]|[.,/:-]\d|-\w)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    ymd: regex.Pattern[str]
    numeric: regex.Pattern[str]
    cjk: regex.Pattern[str]
    name_dmy: regex.Pattern[str]
    name_mdy: regex.Pattern[str]
    name_ymd: regex.Pattern[str]
    js_date: regex.Pattern[str]
    dmy_tail: regex.Pattern[str]
    mdy_tail: regex.Pattern[str]
    ymd_tail: regex.Pattern[str]
    js_tail: regex.Pattern[str]
    time_after: regex.Pattern[str]
    time_any: regex.Pattern[str]
    tz_after: regex.Pattern[str]
    relative: regex.Pattern[str]
    label: regex.Pattern[str]
    unix_line: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    voc = vocabulary()
    mon = rf"(?P<mon>{_trie_alternation(voc.months)})"
    tz_words = _alternation(k for k in voc.timezones if k != "z")
    tz = (
        r"(?P<tz>(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}:?\d{2}(?!\d)"
        rf"|(?<![\w])(?:{tz_words})(?!\w))"
    )
    # H:M[:S] with optional am/pm, "15h41", "11時00分", "16시 34분".
    clock = (
        r"(?P<H>[01]?\d|2[0-4])\s?(?:[:：.]|h(?=\d)|時|시\s?)(?P<M>[0-5]\d)(?:분|分)?"
        r"(?:[:.](?P<S>[0-5]\d)(?:[.,]\d{1,9})?)?"
        r"(?:\s?(?P<ampm>[ap]\.?\s?m\b\.?))?(?!\d|[.,]\d)"
    )
    connector = (
        r"(?:T|\.|at|um|à|a las|a la|alle|às|as|om|kl\.?|klo|u|o|в|saat|pukul|ore|h|godz\.?|-|–|—|\||,|/|@)"
    )
    flags = regex.IGNORECASE
    rel_before = _alternation(voc.before)
    rel_after = _alternation(voc.after)
    units = _alternation(voc.units)
    days = _alternation(voc.days)
    number = r"(?P<n>\d{1,3}|an?|one|un|une|ein|eine|einem|einer|uno|una|um|uma|een)"
    label = _alternation(lbl for lbl, _, _ in voc.labels)
    # What follows the month name in each month-name form; compiled on their own too, so
    # that a month name found in a line is tried only when the right shape follows it.
    # A year ends where digits stop, or where a clock glued to it starts ("28 luglio 202010:43",
    # blocks of a page joined without a space).
    year_end = r"(?:(?!\d)|(?=\d{1,2}:[0-5]\d(?!\d)))"
    dmy_tail = (
        r"\.?(?:\s+de|\s+del|\s?,)?[\s/.-]{0,3}"
        rf"(?:(?P<y>(?:19|20)\d\d){year_end}|(?P<yy>[0-3]\d)(?=\s{{0,3}}(?:à|at|um|,|-|\|)?\s{{0,3}}\d{{1,2}}[:h]\d\d))"
    )
    mdy_tail = rf"\.?\s{{0,2}}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s{{0,2}}|\s{{1,2}}|\.\s?){_YEAR}{year_end}"
    ymd_tail = r"\.?\s(?P<d>[0-3]?\d)\.?(?:\s?d\.)?(?![\w])"
    js_tail = (
        r"\.?\s(?P<d>[0-3]?\d)\s(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d):(?P<S>[0-5]\d)"
        rf"\s(?:{tz}\s)?(?:\([^()\n]{{1,60}}\)\s)?{_YEAR}(?!\d)"
    )
    return _Patterns(
        ymd=regex.compile(
            rf"{_NOT_BEFORE}{_YEAR}(?:(?P<sep>[-/]|\s/\s)(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)|(?P<dot>\.\s?)(?P<m>[01]\d)(?P=dot)(?P<d>[0-3]\d))"
            rf"\.?(?:(?=T\d)|{_NOT_AFTER})",
            flags,
        ),
        numeric=regex.compile(
            rf"{_NOT_BEFORE}(?P<a>[0-3]?\d)(?P<sep>[./-]|\s/\s)(?P<b>[01]?\d|[0-3]\d)(?P=sep){_YEAR}(?!\d|[.,/:-]\d|-\w|(?-i:[A-Za-z]))",
            flags,
        ),
        cjk=regex.compile(
            rf"{_YEAR}\s?[年년]\s?(?P<m>[01]?\d)\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]?",
            flags,
        ),
        name_dmy=regex.compile(
            r"(?<![\d_.,/-]|(?-i:[A-Z]))(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°|ª|-?го|\.)?"
            rf"(?:\s+de|\s+del|\s+d')?[\s/-]{{0,3}}{mon}{dmy_tail}",
            flags,
        ),
        name_mdy=regex.compile(rf"(?<![\w.-]){mon}{mdy_tail}", flags),
        name_ymd=regex.compile(rf"(?<![\w.-]){_YEAR}\.?\s(?:m\.\s)?{mon}{ymd_tail}", flags),
        js_date=regex.compile(rf"(?<![\w]){mon}{js_tail}", flags),
        dmy_tail=regex.compile(dmy_tail, flags),
        mdy_tail=regex.compile(mdy_tail, flags),
        ymd_tail=regex.compile(ymd_tail, flags),
        js_tail=regex.compile(js_tail, flags),
        time_after=regex.compile(rf"\s{{0,3}}(?:{connector}\s{{0,3}}){{0,2}}{clock}", flags),
        time_any=regex.compile(rf"(?<![\w.:,/-]){clock}(?![\w]|[:.]\d)", flags),
        tz_after=regex.compile(rf"(?:Z(?!\w)|\s{{0,2}}\(?{tz}\)?)", flags),
        relative=regex.compile(
            rf"(?<!\w)(?:(?:{rel_before})\s{{1,3}}{number}\s{{0,2}}(?P<u>{units})\b"
            rf"|{number}\s{{0,2}}(?P<u2>{units})\.?\s{{1,3}}(?:{rel_after})\b"
            rf"|(?P<day>{days}))(?!\w)",
            flags,
        ),
        label=regex.compile(rf"(?<!\w)(?P<label>{label})(?!\w)\s{{0,3}}[:：]?", flags),
        unix_line=regex.compile(r"\s*(?P<n>\d{10}|\d{13})\s*"),
    )


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
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


def iso(value: datetime | date) -> str:
    """Format a value as ISO 8601 (seconds precision; a date as ``YYYY-MM-DD``).

    >>> iso(datetime(2023, 9, 15, 13, 5, tzinfo=timezone(timedelta(hours=-4))))
    '2023-09-15T13:05:00-04:00'
    """
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def day_of(value: datetime | date) -> date:
    """The calendar day of a value (a ``datetime``'s own date, as written)."""
    return value.date() if isinstance(value, datetime) else value


def shift_days(day: date, days: int) -> date:
    """``day`` plus ``days``, saturating at ``date.min``/``date.max`` instead of overflowing.

    >>> shift_days(date.max, 1) == date.max, shift_days(date.min, -1) == date.min
    (True, True)
    """
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def plausible_day(value: datetime | date | None, captured_at: datetime | None = None) -> bool:
    """Whether ``value`` may be a publication or update date.

    Inside :data:`EARLIEST`..:data:`LATEST`, and not after the day following
    ``captured_at`` (a page cannot be dated after it was captured; one day of
    slack covers time zones).

    >>> plausible_day(date(2020, 5, 1)), plausible_day(date(1990, 5, 1))
    (True, False)
    >>> plausible_day(date(2020, 5, 3), datetime(2020, 5, 1, 12))
    False
    """
    if value is None:
        return False
    d = day_of(value)
    latest = LATEST if captured_at is None else min(LATEST, shift_days(captured_at.date(), 1))
    return EARLIEST <= d <= latest


#: Arabic-Indic, Persian and full-width digits -> ASCII (same length, so spans stay valid).
_DIGITS = {
    **{0x0660 + i: 0x30 + i for i in range(10)},
    **{0x06F0 + i: 0x30 + i for i in range(10)},
    **{0xFF10 + i: 0x30 + i for i in range(10)},
}


def _valid_date(y: int, m: int, d: int) -> date | None:
    if not (YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and d >= 1):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: A numeric zone: ``+01:00``, ``-0500``, ``GMT+1``, ``UTC-03:30`` (lower case).
_OFFSET = regex.compile(r"(?:gmt|utc)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?")
_ANY_DIGIT = regex.compile(r"\d")
_FOUR_DIGIT_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NUMBER = regex.compile(r"\d+")


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


def _attach_time(text: str, d: date, start: int, end: int, order: str) -> DateHit:
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


def dayfirst_for(language: str | None) -> bool | None:
    """Return whether numeric dates are day-first in ``language`` (None if unknown).

    >>> dayfirst_for("en"), dayfirst_for("de"), dayfirst_for(None)
    (False, True, None)
    """
    if not language:
        return None
    return language.split("-")[0].lower() not in vocabulary().month_first


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


_LETTERS = regex.compile(r"[^\W\d_]+")
_LETTER = regex.compile(r"[^\W\d_]")
#: Cheap test for the numeric forms: a digit, a separator, a digit (``re`` scans this fast).
_NUMERIC_GATE = re.compile(r"\d[./-]\s?\d|\d /")
#: Every fast-path date holds a four-digit year, except a day-month-``yy`` date, which a clock follows.
_YEAR_GATE = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR_GATE = re.compile(r"\d[:hH]\d\d")
#: A run of white space long enough to stretch a day-month-year date past :data:`_DMY_REACH`.
_LONG_SPACE = re.compile(r"\s{4}")
#: Longest distance from the start of a day-month-year date to its month name (``05-го``,
#: ``5 del``, up to three spaces each) while no white-space run is longer than three.
_DMY_REACH = 16
#: Endings a day may carry glued to the month name that follows ("5thMarch", "1erjanvier").
_GLUED = ("st", "nd", "rd", "th", "er", "го", "de", "del")


#: ASCII letters kept, every other ASCII character a space (``_letter_runs``' fast path).
_ASCII_LETTERS = str.maketrans({chr(c): chr(c) if chr(c).isalpha() else " " for c in range(128)})


#: Common non-ASCII characters that are neither letters, digits nor marks (quotes, dashes,
#: spaces, symbols): a line whose only non-ASCII characters are these is read through an
#: ASCII view of the same length.
_PLAIN_PUNCTUATION = (
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2015\u2026\u00a0\u00ab\u00bb\u2022"
    "\u00a9\u00ae\u20ac\u00a3\u2032\u2033\u2122\u00b0\u2009\u202f\u200b\u203a\u2039\u2212\u00b7"
    "\u00d7\u25ba\u2192\u00a7\u00b6"
)
_NOT_PLAIN = re.compile(f"[^\\x00-\\x7f{_PLAIN_PUNCTUATION}]")


def _ascii_view(text: str) -> str | None:
    """``text`` with each :data:`_PLAIN_PUNCTUATION` character as ``?``, or None.

    The view has the same length and the same runs of letters, digits and
    word characters as ``text``; None when ``text`` holds other non-ASCII
    characters.

    >>> _ascii_view("It’s 5 — fine"), _ascii_view("März")
    ('It?s 5 ? fine', None)
    """
    if text.isascii():
        return text
    if _NOT_PLAIN.search(text) is not None:
        return None
    return text.encode("ascii", "replace").decode("ascii")


def _letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text`` (``[^\\W\\d_]+``), with a fast path for ASCII text.

    >>> _letter_runs("On 5th March, 2024")
    ['On', 'th', 'March']
    """
    view = _ascii_view(text)
    if view is not None:
        return view.translate(_ASCII_LETTERS).split()
    return list(_LETTERS.findall(text))


#: Letters that ``str.lower`` leaves apart but case-insensitive matching joins (``MAYIS``
#: matches ``mayıs``); mapped to one form so a month name is found however it is cased.
_FOLD = str.maketrans({"ı": "i", "ς": "σ", "ſ": "s", "µ": "μ"})


_FOLD_NEEDED = re.compile("[\u0131\u03c2\u017f\u00b5\u0307]")


def _fold(word: str) -> str:
    """Lower-case ``word`` and join the letters of :data:`_FOLD` (and drop a combining dot above)."""
    low = word.lower()
    if low.isascii() or _FOLD_NEEDED.search(low) is None:
        return low
    return low.replace("\u0307", "").translate(_FOLD)


@lru_cache(maxsize=1)
def _folded_months() -> Mapping[str, int]:
    """:attr:`Vocabulary.months` keyed by :func:`_fold` (forms that would clash are left out)."""
    out: dict[str, int] = {}
    clashes: set[str] = set()
    for name, number in vocabulary().months.items():
        key = _fold(name)
        if out.get(key, number) != number:
            clashes.add(key)
        out[key] = number
    return {k: v for k, v in out.items() if k not in clashes}


@lru_cache(maxsize=1)
def _glued_months() -> Mapping[str, int]:
    """Folded month names with a day ending glued before them -> length of that ending."""
    out: dict[str, int] = {}
    for end in _GLUED:
        for name in _folded_months():
            out.setdefault(end + name, len(end))
    return out


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Every run of letters that may hold a month name (whole or glued)."""
    return frozenset(_folded_months()) | frozenset(_glued_months())


def _month_anchors(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
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
    end = 0
    for s in sorted(set(starts)):
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            end = max(m.end(), s + 1)


def _raw_hits(text: str, dayfirst: bool | None) -> Iterator[DateHit]:
    if _YEAR_GATE.search(text) is None and _SHORT_YEAR_GATE.search(text) is None:
        return
    p = _patterns()
    months = _folded_months()
    # The month-name patterns are costly (a long alternation): instead of scanning the
    # line, try them only where a month name starts (and where a day or year may start
    # before it).
    whole, glued = _month_anchors(text)
    numeric = _NUMERIC_GATE.search(text) is not None
    # Each month-name form is tried only at month names that the right shape follows.
    js = [a for a, e in whole if p.js_tail.match(text, e)] if whole and ":" in text else []
    for m in _scan(p.js_date, text, js):
        d = _valid_date(int(m.group("y")), months.get(_fold(m.group("mon")), 0), int(m.group("d")))
        if d:
            clock = _clock(m)
            if clock is not None:
                tz = _tz_from(m.group("tz"))
                yield DateHit(datetime(d.year, d.month, d.day, *clock, tzinfo=tz), m.start(), m.end(), "name")
    for m in p.ymd.finditer(text) if numeric else ():
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield _attach_time(text, d, m.start(), m.end(), "ymd")
    for m in p.cjk.finditer(text) if ("年" in text or "년" in text) else ():
        d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield _attach_time(text, d, m.start(), m.end(), "cjk")
    for m in p.numeric.finditer(text) if numeric else ():
        got = _numeric(m, dayfirst)
        if got:
            hit = _attach_time(text, got[0], m.start(), m.end(), got[1])
            yield DateHit(hit.value, hit.start, hit.end, hit.order, got[2])
    if not (whole or glued):
        return
    if _LONG_SPACE.search(text):
        dmy: Iterable[regex.Match[str]] = p.name_dmy.finditer(text)
    else:
        dmy = _scan(
            p.name_dmy,
            text,
            (
                s
                for a, e in whole + glued
                if p.dmy_tail.match(text, e)
                for s in range(max(0, a - _DMY_REACH), a)
                if text[s].isdecimal()
            ),
        )
    mdy = _scan(p.name_mdy, text, (a for a, e in whole if p.mdy_tail.match(text, e)))
    ymd = _scan(
        p.name_ymd,
        text,
        (s for a, e in whole if p.ymd_tail.match(text, e) for s in range(max(0, a - 9), a - 4)),
    )
    for matches in (dmy, mdy, ymd):
        for m in matches:
            groups = m.groupdict()
            year = int(groups["y"]) if groups["y"] else 2000 + int(groups["yy"])
            d = _valid_date(year, months.get(_fold(m.group("mon")), 0), int(m.group("d")))
            if d:
                yield _attach_time(text, d, m.start(), m.end(), "name")


def find_dates(text: str, *, dayfirst: bool | None = None, language: str | None = None) -> list[DateHit]:
    """Find every date the fast paths can read in ``text``, left to right.

    Args:
        text: A line or short string.
        dayfirst: Order for ambiguous numeric dates; None lets ``language``
            decide, and day-first is the default when that is unknown too.
        language: A language code (``en`` makes numeric dates month-first).

    Returns:
        Non-overlapping hits; where two overlap, the earlier and longer wins.

    >>> [iso(h.value) for h in find_dates("Updated 3:41 PM EST, Tue March 5, 2024")]
    ['2024-03-05T15:41:00-05:00']
    >>> find_dates("May I go? March on. v2.10.3 costs $20.24; it ended 3-1.")
    []
    """
    if dayfirst is None:
        dayfirst = dayfirst_for(language)
    if not text.isascii():
        text = text.translate(_DIGITS)
    return list(_find(text, dayfirst))


def century(yy: int, month: int, day: int, reference: date) -> date | None:
    """Resolve a two-digit year: the latest century that does not put the date after ``reference``.

    ``reference`` is the capture day (or today): a page cannot be dated after
    it, so ``5/5/20`` read in 2026 is 2020 and ``1.4.98`` is 1998.

    >>> century(20, 5, 5, date(2026, 11, 30)), century(98, 4, 1, date(2026, 11, 30))
    (datetime.date(2020, 5, 5), datetime.date(1998, 4, 1))
    >>> century(27, 1, 2, date(2026, 11, 30))
    datetime.date(1927, 1, 2)
    """
    base = reference.year - reference.year % 100
    for year in (base + yy, base - 100 + yy):
        d = _valid_date(year, month, day)
        if d is not None and d <= reference:
            return d
    return None


@lru_cache(maxsize=1)
def _short_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Day-month-``yy`` forms: numeric (``5/5/20``, ``1.4.18``) and with a month name (``05 Mar 19``)."""
    mon = rf"(?P<mon>{_trie_alternation(vocabulary().months)})"
    numeric = regex.compile(
        rf"{_NOT_BEFORE}(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<yy>\d\d)(?!\d|[.,/:-]\d|[^\W\d_])"
    )
    named = regex.compile(
        rf"(?<![\w.,/-])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?[\s/-]{{1,2}}{mon}\.?[\s/-]{{1,2}}"
        r"(?P<yy>\d\d)(?!\d|[.,:]\d|[^\W\d_])",
        regex.IGNORECASE,
    )
    return numeric, named


def find_short_dates(text: str, *, dayfirst: bool | None, reference: date) -> list[DateHit]:
    """Find day-month dates with a two-digit year (``Stand: 1.4.18``, ``05 Mar 19``).

    Two-digit years are read only where the caller knows the text is a date
    (a labelled or date-only line, a date element): on their own, ``1.4.18``
    is as likely a version. Dots make a numeric date day-first; other
    separators follow ``dayfirst`` (day-first when None); the year is
    resolved by :func:`century` against ``reference``.

    >>> [iso(h.value) for h in find_short_dates("Stand: 1.4.18", dayfirst=None, reference=date(2026, 1, 1))]
    ['2018-04-01']
    >>> [iso(h.value) for h in find_short_dates("12 мая 19", dayfirst=None, reference=date(2026, 1, 1))]
    ['2019-05-12']
    """
    if not text.isascii():
        text = text.translate(_DIGITS)
    numeric, named = _short_patterns()
    months = _folded_months()
    out: list[DateHit] = []
    for m in numeric.finditer(text):
        a, b, yy = int(m.group("a")), int(m.group("b")), int(m.group("yy"))
        first = m.group("sep") == "." or a > 12 or (dayfirst is not False and b <= 12)
        day, month = (a, b) if first else (b, a)
        if not 1 <= month <= 12:
            continue
        d = century(yy, month, day, reference)
        if d is not None:
            out.append(_attach_time(text, d, m.start(), m.end(), "dmy" if first else "mdy"))
    for m in named.finditer(text):
        month = months.get(_fold(m.group("mon")), 0)
        d = century(int(m.group("yy")), month, int(m.group("d")), reference) if month else None
        if d is not None:
            out.append(_attach_time(text, d, m.start(), m.end(), "name"))
    out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[DateHit] = []
    for h in out:
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    return kept


#: Distinct (line, order) pairs whose hits :func:`_find` keeps: the pages of one site repeat
#: their date lines, bylines and footers, and a corpus holds many pages of each site.
FIND_CACHE_SIZE = 4096


@lru_cache(maxsize=FIND_CACHE_SIZE)
def _find(text: str, dayfirst: bool | None) -> tuple[DateHit, ...]:
    """:func:`find_dates` on text whose digits are ASCII already (cached: hits are immutable)."""
    hits = sorted(_raw_hits(text, dayfirst), key=lambda h: (h.start, -(h.end - h.start)))
    out: list[DateHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return tuple(out)


def parse_unix(text: str) -> datetime | None:
    """Read a line holding only a Unix timestamp (seconds or milliseconds), as UTC.

    >>> parse_unix("1700000000").isoformat()
    '2023-11-14T22:13:20+00:00'
    >>> parse_unix("1234567") is None
    True
    """
    m = _patterns().unix_line.fullmatch(text.translate(_DIGITS))
    if not m:
        return None
    n = int(m.group("n"))
    seconds = n / 1000 if len(m.group("n")) == 13 else n
    value = datetime.fromtimestamp(int(seconds), tz=UTC)
    if not UNIX_MIN <= value <= UNIX_MAX:
        return None
    return value


_URL_DATE = regex.compile(
    r"(?<![\w])(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])"
    r"|(?<=[/_-])(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=[/_.-]|$)"
)
_URL_MONTH = regex.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?![0-3]?\d(?:/|$))")
#: Address characters read for a date (query strings and fragments are left out).
URL_CHARS = 500


def _url_path(url: str) -> str:
    path = url.split("://", 1)[-1][: URL_CHARS * 2]
    path = path[path.find("/") :] if "/" in path else ""
    return path.split("?", 1)[0].split("#", 1)[0][:URL_CHARS]


def url_date(url: str) -> date | None:
    """Read a day from a page, image or link address.

    The forms are ``/2020/07/28/``, ``2020-11-26``, ``2020_11_26`` and
    ``/20200728-`` (eight digits between separators); the host, query string
    and fragment are not read.

    >>> url_date("https://example.com/news/2020/07/28/story.html")
    datetime.date(2020, 7, 28)
    >>> url_date("https://example.com/2020/07/story") is None
    True
    """
    path = _url_path(url)
    for m in _URL_DATE.finditer(path):
        if m.group("y"):
            d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            d = _valid_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if d is not None:
            return d
    return None


def url_month(url: str) -> date | None:
    """Read a year and month from an address with no day (``/2020/07/story``); the 1st stands for the month.

    >>> url_month("https://example.com/2020/07/story")
    datetime.date(2020, 7, 1)
    >>> url_month("https://example.com/2020/07/28/story") is None
    True
    """
    if url_date(url) is not None:
        return None
    m = _URL_MONTH.search(_url_path(url))
    return _valid_date(int(m.group("y")), int(m.group("m")), 1) if m else None


#: A copyright notice and its (last) year: "© 2017", "Copyright 2005-2017", "(c) 2017".
_COPYRIGHT = regex.compile(
    r"(?:©|&copy;|\(c\)|\bcopyright\b)\s*(?:(?:19|20)\d\d\s*[-–—/]\s*)?(?P<y>(?:19|20)\d\d)(?!\d)",
    regex.IGNORECASE,
)


def copyright_year(text: str) -> int | None:
    """The year of a copyright notice in ``text`` (the last year of a range), or None.

    >>> copyright_year("© 2005–2017 Example Media"), copyright_year("Copyright 2019"), copyright_year("(c) team")
    (2017, 2019, None)
    """
    m = _COPYRIGHT.search(text)
    return int(m.group("y")) if m else None


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einem": 1, "einer": 1}
_NUMBER_WORDS.update({"uno": 1, "una": 1, "um": 1, "uma": 1, "een": 1})


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative phrase: how far back, in which unit, and where."""

    amount: int
    unit: str
    start: int
    end: int

    def resolve(self, anchor: datetime) -> datetime | date | None:
        """Return the moment ``anchor`` minus this distance (a date for days and longer).

        None when that moment falls outside the calendar (an anchor near
        ``datetime.min``): the phrase then has no value, it never overflows.
        """
        try:
            if self.unit in ("second", "minute", "hour"):
                return anchor - timedelta(**{self.unit + "s": self.amount})
            day = anchor.date()
            if self.unit == "day":
                return day - timedelta(days=self.amount)
            if self.unit == "week":
                return day - timedelta(weeks=self.amount)
        except OverflowError:
            return None
        day = anchor.date()
        months = self.amount * (12 if self.unit == "year" else 1)
        y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
        m += 1
        if not 1 <= y <= 9999:
            return None
        for d in (day.day, 30, 29, 28):
            try:
                return date(y, m, min(d, day.day))
            except ValueError:
                continue
        return date(y, m, 28)


def parse_relative(text: str) -> Relative | None:
    """Find a relative phrase ("2 hours ago", "vor 3 Stunden", "yesterday") in ``text``.

    >>> r = parse_relative("vor 3 Stunden")
    >>> (r.amount, r.unit)
    (3, 'hour')
    """
    voc = vocabulary()
    m = _patterns().relative.search(text)
    if not m:
        return None
    if m.group("day"):
        return Relative(voc.days[m.group("day").lower()], "day", m.start(), m.end())
    n = m.group("n").lower()
    amount = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
    unit = voc.units.get((m.group("u") or m.group("u2")).lower())
    if amount is None or unit is None:
        return None
    return Relative(amount, unit, m.start(), m.end())


# ---------------------------------------------------------------------------
# The slow path
# ---------------------------------------------------------------------------
_DATEPARSER_LANGS = frozenset(
    [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "sv",
        "da",
        "nb",
        "fi",
        "pl",
        "cs",
        "sk",
        "hu",
        "ro",
        "tr",
        "sq",
        "sr",
        "hr",
        "bs",
        "sl",
        "id",
        "ms",
        "lt",
        "lv",
        "et",
        "ru",
        "uk",
        "bg",
        "el",
        "zh",
        "ja",
        "ko",
        "vi",
        "th",
    ]
)


@lru_cache(maxsize=4096)
def _dateparser(text: str, language: str | None) -> datetime | date | None:
    """Parse a short string with dateparser under strict settings (cached).

    dateparser's answer is kept only when the string states its year and day
    (see below), so a string without a four-digit year or without a number
    that can be a day never reaches it: most captures never import it, nor
    pay its first-use cost (building its locale and time-zone patterns).
    """
    years = {int(y) for y in _FOUR_DIGIT_YEAR.findall(text)}
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if not years or not any(1 <= n <= 31 for n in numbers):
        return None
    import dateparser  # slow path: imported only when needed

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    languages = [language] if language in _DATEPARSER_LANGS else None
    try:
        value: datetime | None = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if value is None:
        return None
    # Keep only what the string states: its four-digit year and day must appear in it.
    if value.year not in years or value.day not in numbers:
        return None
    has_time = bool(_patterns().time_any.search(text))
    if not has_time:
        return value.date()
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=None)


_WORDED = regex.compile(
    r"(?<!\d)(?:[0-3]?\d\W{0,3}[^\W\d_]{3,}[^\d]{0,12}?|[^\W\d_]{3,}\W{0,3}[0-3]?\d\W{0,3})(?:19|20)\d\d(?!\d)"
)
_CJK = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


def looks_like_worded_date(text: str) -> bool:
    """Whether ``text`` is shaped like a date in words that dateparser may read.

    A day number and a word before a year ("15 अप्रैल 2020"), or a word and a
    day ("ديسمبر 25, 2020"); CJK text is left to the fast path.
    """
    if _YEAR_GATE.search(text) is None:  # cheap: the pattern needs a four-digit year
        return False
    return bool(_WORDED.search(text)) and not _CJK.search(text)


def parse_date(
    text: str,
    *,
    language: str | None = None,
    dayfirst: bool | None = None,
    fallback: bool = True,
    reference: date | None = None,
) -> datetime | date | None:
    """Parse one short date string exactly; None when it holds no date.

    The fast paths come first (including a Unix timestamp); dateparser is
    asked only when they find nothing, the string is at most 80 characters
    and holds a four-digit year, and ``fallback`` is true.

    Args:
        text: A short string such as ``"Stand: 05.03.2024, 15:41 Uhr"``.
        language: Language code, used for numeric order and by dateparser.
        dayfirst: Force the order of ambiguous numeric dates.
        fallback: Allow the dateparser slow path.
        reference: When given, the string is known to be a date (a date
            element, a labelled line) and two-digit years are read too,
            resolved against this day (see :func:`find_short_dates`).

    >>> parse_date("Stand: 05.03.2024, 15:41 Uhr").isoformat()
    '2024-03-05T15:41:00'
    >>> parse_date("am 12.11.16", reference=date(2026, 1, 1))
    datetime.date(2016, 11, 12)
    >>> parse_date("May I") is None
    True
    """
    unix = parse_unix(text)
    if unix is not None:
        return unix
    if dayfirst is None:
        dayfirst = dayfirst_for(language)
    hits = find_dates(text, dayfirst=dayfirst, language=language)
    if hits:
        return hits[0].value
    if reference is not None and len(text) <= MAX_SHORT_YEAR_CHARS:
        short = find_short_dates(text, dayfirst=dayfirst, reference=reference)
        if short:
            return short[0].value
    if fallback and len(text) <= 80 and looks_like_worded_date(text):
        return _dateparser(text.strip(), language)
    return None
