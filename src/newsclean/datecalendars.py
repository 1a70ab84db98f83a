"""Dates of calendars other than the Gregorian one: the Solar Hijri (Jalali) calendar.

The Iranian press dates its pages in the Solar Hijri calendar ("سه‌شنبه ۲۹
بهمن ۱۳۹۸", Tuesday 18 February 2020). A Jalali date is a day, a month name
of :data:`~newsclean.data` ``dates.json`` group ``jalali_months`` and a
year of :data:`JALALI_YEARS`; it is converted to the Gregorian day.

The conversion counts days from a known New Year's day (1 Farvardin 1399 =
20 March 2020) with the 33-year leap cycle: a Jalali year is a leap year
when its remainder modulo 33 is one of :data:`LEAP_REMAINDERS`. That cycle
agrees with the astronomical calendar Iran uses for the years of
:data:`JALALI_YEARS` (it drifts a day outside them, so no other year is
read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from functools import lru_cache

from newsclean.data import DataError, read_json

__all__ = ["JALALI_YEARS", "jalali_hits", "jalali_to_gregorian"]

#: Jalali years read (1961-2091): the 33-year cycle matches the astronomical calendar over them.
JALALI_YEARS = (1340, 1470)
#: Remainders modulo 33 of the Jalali leap years (1399, 1403 and 1408 are leap years).
LEAP_REMAINDERS = frozenset({1, 5, 9, 13, 17, 22, 26, 30})
#: A known Jalali New Year's day: 1 Farvardin of :data:`_EPOCH_YEAR`.
_EPOCH_YEAR = 1399
_EPOCH_DAY = date(2020, 3, 20)
#: Days of the Jalali months: six of 31, five of 30, Esfand 29 (30 in a leap year).
_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29)
#: Cheap gate: a Jalali year of the 1300s or 1400s (after digit folding).
_GATE = re.compile(r"1[34]\d\d")
#: Arabic letters many Persian sites print, folded to the Persian ones the names are written with
#: (same length: offsets stay valid).
_PERSIAN_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def _is_leap(year: int) -> bool:
    return year % 33 in LEAP_REMAINDERS


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Return the Gregorian day of a Jalali date, or None when it is no date of :data:`JALALI_YEARS`.

    >>> jalali_to_gregorian(1398, 11, 29)
    datetime.date(2020, 2, 18)
    >>> jalali_to_gregorian(1399, 12, 30)  # Esfand 30 exists in a leap year only
    datetime.date(2021, 3, 20)
    >>> jalali_to_gregorian(1398, 12, 30) is None
    True
    """
    if not JALALI_YEARS[0] <= year <= JALALI_YEARS[1] or not 1 <= month <= 12:
        return None
    length = _MONTH_DAYS[month - 1] + (1 if month == 12 and _is_leap(year) else 0)
    if not 1 <= day <= length:
        return None
    if year >= _EPOCH_YEAR:
        offset = sum(366 if _is_leap(y) else 365 for y in range(_EPOCH_YEAR, year))
    else:
        offset = -sum(366 if _is_leap(y) else 365 for y in range(year, _EPOCH_YEAR))
    offset += sum(_MONTH_DAYS[: month - 1]) + day - 1
    return _EPOCH_DAY + timedelta(days=offset)


@lru_cache(maxsize=1)
def _months() -> Mapping[str, int]:
    group = read_json("dates.json").get("jalali_months")
    names = {k: v for k, v in (group or {}).items() if not k.startswith("_")}
    out: dict[str, int] = {}
    for lang, months in names.items():
        if len(months) != 12:
            raise DataError(f"data file 'dates.json': jalali_months[{lang!r}] needs 12 entries")
        for number, variants in enumerate(months, start=1):
            for name in variants.split("|"):
                out[name] = number
    if not out:
        raise DataError("data file 'dates.json': group 'jalali_months' is missing or empty")
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    # day, month name, optional "ماه" (month), year; the names are whole words
    return re.compile(
        rf"(?<![\d\w])(?P<d>[0-3]?\d)\s{{1,3}}(?P<mon>{names})\s{{1,3}}(?:ماه\s{{1,3}})?(?P<y>1[34]\d\d)(?!\d)"
    )


def jalali_hits(text: str) -> Iterator[tuple[date, int, int]]:
    """Yield ``(gregorian day, start, end)`` of each Jalali date of ``text`` (digits already ASCII).

    >>> [(d.isoformat(), s, e) for d, s, e in jalali_hits("دوشنبه 2 تير 1399")]
    [('2020-06-22', 7, 17)]
    >>> list(jalali_hits("Version 1398 of 2 files"))
    []
    """
    if text.isascii() or _GATE.search(text) is None:
        return
    folded = text.translate(_PERSIAN_FOLD)
    months = _months()
    for m in _pattern().finditer(folded):
        d = jalali_to_gregorian(int(m.group("y")), months[m.group("mon")], int(m.group("d")))
        if d is not None:
            yield d, m.start(), m.end()
