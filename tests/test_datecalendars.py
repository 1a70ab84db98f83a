"""Tests of the Solar Hijri (Jalali) reader (``newsclean.datecalendars``).

The Gregorian days below are the Iranian civil calendar's (Nowruz 1399 fell on
20 March 2020, 1403 on 20 March 2024); the sample lines are made up in the
forms Persian news sites print.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsclean.datecalendars import JALALI_YEARS, jalali_hits, jalali_to_gregorian
from newsclean.datewords import _DIGITS


@pytest.mark.parametrize(
    ("y", "m", "d", "expected"),
    [
        (1399, 1, 1, date(2020, 3, 20)),  # Nowruz of a leap year
        (1398, 1, 1, date(2019, 3, 21)),
        (1398, 11, 29, date(2020, 2, 18)),
        (1399, 2, 21, date(2020, 5, 10)),
        (1399, 4, 2, date(2020, 6, 22)),
        (1399, 12, 30, date(2021, 3, 20)),  # Esfand 30 of a leap year
        (1400, 1, 1, date(2021, 3, 21)),
        (1403, 1, 1, date(2024, 3, 20)),
        (1403, 12, 30, date(2025, 3, 20)),
        (1404, 1, 1, date(2025, 3, 21)),
        (1357, 11, 22, date(1979, 2, 11)),
    ],
)
def test_jalali_days_convert_to_the_civil_gregorian_day(y: int, m: int, d: int, expected: date) -> None:
    assert jalali_to_gregorian(y, m, d) == expected


@pytest.mark.parametrize(
    ("y", "m", "d"),
    [
        (1398, 12, 30),
        (1399, 7, 31),
        (1399, 13, 1),
        (1399, 0, 5),
        (JALALI_YEARS[0] - 1, 1, 1),
        (JALALI_YEARS[1] + 1, 1, 1),
    ],
)
def test_no_day_outside_the_calendar_or_its_years(y: int, m: int, d: int) -> None:
    assert jalali_to_gregorian(y, m, d) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("سه‌شنبه ۲۹ بهمن ۱۳۹۸", date(2020, 2, 18)),
        ("۵۹ : ۱۸ - يکشنبه ۲۱ ارديبهشت ۱۳۹۹", date(2020, 5, 10)),  # Arabic yeh, as many sites print
        ("تاریخ انتشار: ۲۱ اردیبهشت ماه ۱۳۹۹ - ۱۸:۵۹", date(2020, 5, 10)),
        ("2 تير 1399 - 12:09:08", date(2020, 6, 22)),
    ],
)
def test_jalali_dates_in_lines(line: str, expected: date) -> None:
    hits = list(jalali_hits(line.translate(_DIGITS)))
    assert [d for d, _, _ in hits] == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "نسخه ۱۳۹۸ این نرم‌افزار",  # a number like a year, no month name
        "قیمت ۲۱ هزار تومان در سال ۱۳۹۹",  # a day-like number and a year, no month between
        "مهر ۱۳۹۹",  # a month and a year: no day
        "Version 1398 of 21 files",
        "21 بهمن 2020",  # a Gregorian year after a Jalali month: no Jalali date
    ],
)
def test_no_jalali_date_in_clean_text(line: str) -> None:
    assert list(jalali_hits(line.translate(_DIGITS))) == []
