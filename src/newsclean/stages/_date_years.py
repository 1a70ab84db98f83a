"""The year of a date printed without one ("Updated Nov 19, 6:55 AM").

Part of ``normalize_dates``: :mod:`newsclean.stages.date_candidates` reads a
yearless date after a date label with a placeholder year
(:data:`newsclean.dateparse.YEARLESS_PLACEHOLDER`); once the whole page is
read, :func:`page_year` says which year the page means and :func:`place_year`
puts the date in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["YEARLESS_AHEAD_DAYS", "PageYear", "page_year", "place_year"]

#: Days a yearless date may lie after the latest full date the page prints before it is read in
#: the year before (pages list older stories' dates, not tomorrow's; a month covers a page whose
#: other dates are a little older than its own).
YEARLESS_AHEAD_DAYS = 31


@dataclass(frozen=True, slots=True)
class PageYear:
    """The year a page's yearless dates are read in, and the latest day they may fall on."""

    year: int
    latest: date | None
    slack: int


def page_year(stated: Sequence[tuple[date, bool]], captured_at: datetime | None) -> PageYear | None:
    """The year the page means, or None when it states none.

    Args:
        stated: The page's other dates outside story sentences, as (day,
            whether it is a full day rather than a copyright year).
        captured_at: The capture time, when known.

    With a capture time the year is the capture's and no day may follow the
    capture. Without one it is the latest year the page states, and no day
    may fall more than :data:`YEARLESS_AHEAD_DAYS` after the latest full day
    it prints (a January page showing "Dec 30" means last December).

    >>> page_year([(date(2019, 1, 1), False)], None)
    PageYear(year=2019, latest=None, slack=31)
    """
    if captured_at is not None:
        return PageYear(captured_at.year, captured_at.date(), 0)
    if not stated:
        return None
    days = [d for d, full in stated if full]
    return PageYear(max(d.year for d, _ in stated), max(days) if days else None, YEARLESS_AHEAD_DAYS)


def place_year(value: datetime | date, page: PageYear) -> datetime | date | None:
    """``value`` (month and day known) in the page's year, or the year before when it would fall too late.

    >>> place_year(date(2000, 12, 30), PageYear(2025, date(2025, 1, 5), 31))
    datetime.date(2024, 12, 30)
    """
    placed = _with_year(value, page.year)
    latest = page.latest
    if placed is not None and latest is not None and _day(placed) > latest + timedelta(days=page.slack):
        placed = _with_year(value, page.year - 1)
    return placed


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _with_year(value: datetime | date, year: int) -> datetime | date | None:
    try:
        return value.replace(year=year)
    except ValueError:  # February 29 in a common year
        return None
