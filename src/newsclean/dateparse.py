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

The fast-path scan of a line lives in :mod:`newsclean.datescan`; the word
tables, compiled patterns and year bounds in :mod:`newsclean.datewords`;
dates in addresses, copyright notices and relative phrases in
:mod:`newsclean.datemarks` (re-exported here); the dateparser slow path in
:mod:`newsclean.dateparse_slow`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from newsclean import regexlite as regex
from newsclean.datemarks import copyright_year, parse_relative, url_date, url_month
from newsclean.dateparse_slow import _dateparser, looks_like_worded_date
from newsclean.datescan import DateHit, attach_time, month_anchors, scan_line
from newsclean.datewords import (
    _DIGITS,
    _NOT_BEFORE,
    YEAR_MAX,
    YEAR_MIN,
    MonthPattern,
    _fold,
    _folded_months,
    _patterns,
    _valid_date,
    vocabulary,
)
from newsclean.lazyre import lazy

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
    "find_yearless_dates",
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

#: The plausible window of a news publication date (the web's news era to a generous horizon).
#: Dates outside it may be mentioned in a story but are never published or updated dates;
#: a bare 10- or 13-digit number is read as a Unix timestamp only inside it.
EARLIEST = date(1995, 1, 1)
LATEST = date(2040, 12, 31)
#: Longest string read for a two-digit-year date (a label, the date, a time and a zone).
MAX_SHORT_YEAR_CHARS = 60
UNIX_MIN = datetime(EARLIEST.year, EARLIEST.month, EARLIEST.day, tzinfo=UTC)
UNIX_MAX = datetime(LATEST.year, LATEST.month, LATEST.day, tzinfo=UTC)


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def iso(value: datetime | date) -> str:
    """Format a value as ISO 8601 (seconds precision; a date as ``YYYY-MM-DD``).

    >>> from datetime import timezone
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


def dayfirst_for(language: str | None) -> bool | None:
    """Return whether numeric dates are day-first in ``language`` (None if unknown).

    >>> dayfirst_for("en"), dayfirst_for("de"), dayfirst_for(None)
    (False, True, None)
    """
    if not language:
        return None
    return language.split("-")[0].lower() not in vocabulary().month_first


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
    return list(scan_line(text, dayfirst))


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


#: The year a yearless date is read in until its caller knows the real one: a leap year, so
#: February 29 survives until then.
YEARLESS_PLACEHOLDER = 2000


def _yearless_source(mon: str) -> str:
    """Month-name dates without a year: ``Nov 19``, ``Nov. 19th``, ``19 November``, ``19. März``."""
    return (
        rf"(?<![\w.,/-])(?:(?P<mon>{mon})\.?\s{{1,2}}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s{{1,2}}(?P<mon2>{mon})\.?)"
        r"(?![^\W\d_]|\d|,?\s*\d{4}(?!\d))"
    )


#: The yearless dates, compiled with the month names a line can match (:class:`MonthPattern`).
_YEARLESS = MonthPattern(_yearless_source, regex.IGNORECASE)


def _yearless_pattern() -> regex.Pattern[str]:
    """The yearless-date pattern holding every month name."""
    return _YEARLESS.full()


def find_yearless_dates(text: str) -> list[DateHit]:
    """Find month-name dates that state no year ("Updated Nov 19, 6:55 AM").

    The values carry :data:`YEARLESS_PLACEHOLDER`'s year: only the caller knows
    which year the page means (the capture date, or the other dates the page
    prints), and must replace it. A date followed by a year is not yearless.

    >>> [(h.value.month, h.value.day) for h in find_yearless_dates("Updated Nov 19, 6:55 AM")]
    [(11, 19)]
    >>> find_yearless_dates("Posted November 19, 2019")
    []
    """
    if not text.isascii():
        text = text.translate(_DIGITS)
    months = _folded_months()
    out: list[DateHit] = []
    # A month name between a non-letter and a space or a non-letter is a whole run of
    # letters: without one (most lines) the pattern is neither compiled nor run.
    for m in _YEARLESS.for_text(text).finditer(text) if month_anchors(text)[0] else ():
        name = m.group("mon") or m.group("mon2")
        month = months.get(_fold(name), 0)
        d = _valid_date(YEARLESS_PLACEHOLDER, month, int(m.group("d") or m.group("d2"))) if month else None
        if d is not None:
            out.append(attach_time(text, d, m.start(), m.end(), "name"))
    return out


#: Numeric day-month-``yy`` dates (``5/5/20``, ``1.4.18``). Either number may be the day
#: (``11/20/19`` is month-first); the caller's order and the month range decide which. Lazy, so
#: the packaged forms hold it although the bundled fixtures never read a two-digit year.
_SHORT_NUMERIC = lazy(
    rf"{_NOT_BEFORE}(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<yy>\d\d)(?!\d|[.,/:-]\d|[^\W\d_])"
)


def _short_named_source(mon: str) -> str:
    return (
        rf"(?<![\w.,/-])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?[\s/-]{{1,2}}(?P<mon>{mon})\.?[\s/-]{{1,2}}"
        r"(?P<yy>\d\d)(?!\d|[.,:]\d|[^\W\d_])"
    )


#: Day-month-``yy`` dates with a month name (``05 Mar 19``). The month name stands between
#: separators, so it is a whole run of letters: the pattern is compiled (about 20 ms in full,
#: the month names of 27 languages) and run only on a text where
#: :func:`newsclean.datescan.month_anchors` finds one, holding the names it can match.
_SHORT_NAMED = MonthPattern(_short_named_source, regex.IGNORECASE)


def _short_named() -> regex.Pattern[str]:
    """The day-month-``yy`` pattern holding every month name."""
    return _SHORT_NAMED.full()


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
    months = _folded_months()
    out: list[DateHit] = []
    for m in _SHORT_NUMERIC.finditer(text):
        a, b, yy = int(m.group("a")), int(m.group("b")), int(m.group("yy"))
        first = m.group("sep") == "." or a > 12 or (dayfirst is not False and b <= 12)
        day, month = (a, b) if first else (b, a)
        if not 1 <= month <= 12:
            continue
        d = century(yy, month, day, reference)
        if d is not None:
            out.append(attach_time(text, d, m.start(), m.end(), "dmy" if first else "mdy"))
    for m in _SHORT_NAMED.for_text(text).finditer(text) if month_anchors(text)[0] else ():
        month = months.get(_fold(m.group("mon")), 0)
        d = century(int(m.group("yy")), month, int(m.group("d")), reference) if month else None
        if d is not None:
            out.append(attach_time(text, d, m.start(), m.end(), "name"))
    out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[DateHit] = []
    for h in out:
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    return kept


def parse_unix(text: str) -> datetime | None:
    """Read a line holding only a Unix timestamp (seconds or milliseconds), as UTC.

    >>> parse_unix("1700000000").isoformat()
    '2023-11-14T22:13:20+00:00'
    >>> parse_unix("1234567") is None
    True
    """
    # (an ASCII string holds none of the digits :data:`_DIGITS` maps: translating it is a copy)
    m = _patterns().unix_line.fullmatch(text if text.isascii() else text.translate(_DIGITS))
    if not m:
        return None
    n = int(m.group("n"))
    seconds = n / 1000 if len(m.group("n")) == 13 else n
    value = datetime.fromtimestamp(int(seconds), tz=UTC)
    if not UNIX_MIN <= value <= UNIX_MAX:
        return None
    return value


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
