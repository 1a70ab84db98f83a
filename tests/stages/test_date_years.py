"""Tests of the year given to dates printed without one (``newsclean.stages._date_years``)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsclean.stages._date_years import YEARLESS_AHEAD_DAYS, PageYear, page_year, place_year


def test_no_year_stated_gives_none() -> None:
    assert page_year([], None) is None


def test_the_capture_year_wins_and_nothing_falls_after_the_capture() -> None:
    page = page_year([(date(2015, 1, 1), False)], datetime(2026, 3, 1, 9, 0))
    assert page == PageYear(2026, date(2026, 3, 1), 0)
    assert place_year(date(2000, 2, 27), page) == date(2026, 2, 27)
    assert place_year(date(2000, 3, 2), page) == date(2025, 3, 2)


def test_the_latest_stated_year_and_full_day() -> None:
    page = page_year([(date(2019, 1, 1), False), (date(2019, 11, 18), True), (date(2018, 5, 2), True)], None)
    assert page == PageYear(2019, date(2019, 11, 18), YEARLESS_AHEAD_DAYS)
    assert place_year(datetime(2000, 11, 19, 6, 55), page) == datetime(2019, 11, 19, 6, 55)


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (date(2025, 1, 5), date(2024, 12, 30)),  # far ahead of the latest day: last year
        (date(2025, 12, 10), date(2025, 12, 30)),  # within a month: this year
    ],
)
def test_a_day_far_after_the_latest_printed_day_is_last_year(latest: date, expected: date) -> None:
    assert place_year(date(2000, 12, 30), PageYear(2025, latest, YEARLESS_AHEAD_DAYS)) == expected


def test_february_29_needs_a_leap_year() -> None:
    assert place_year(date(2000, 2, 29), PageYear(2025, None, YEARLESS_AHEAD_DAYS)) is None
    assert place_year(date(2000, 2, 29), PageYear(2024, None, YEARLESS_AHEAD_DAYS)) == date(2024, 2, 29)
