"""Tests of exact date parsing (``newsclean.dateparse``): the string table and the value rules.

The string table (``tests/data/date_strings.tsv``) was written for these tests;
how the stage uses the parser is tested in ``tests/stages/test_dates.py``.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.dateparse import century, find_dates, find_short_dates, iso, parse_date, parse_unix, vocabulary

TABLE = Path(__file__).resolve().parent / "data" / "date_strings.tsv"


def _rows() -> list[tuple[str, str, str, str]]:
    with TABLE.open(encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        rows = [tuple(r) for r in reader][1:]
    return [(r[0], r[1], r[2], r[3]) for r in rows]


ROWS = _rows()


def test_table_is_large_and_multilingual() -> None:
    assert len(ROWS) >= 200
    assert len({lang for _, lang, _, _ in ROWS if lang}) >= 8
    assert sum(1 for _, _, want, _ in ROWS if not want) >= 30  # traps


@pytest.mark.parametrize(("text", "language", "expected", "note"), ROWS, ids=[r[3] for r in ROWS])
def test_string_table(text: str, language: str, expected: str, note: str) -> None:
    value = parse_date(text, language=language or None)
    assert (iso(value) if value is not None else "") == expected, note


@pytest.mark.parametrize(
    ("text", "aware"),
    [
        ("2023-09-15 13:05:45", False),
        ("2023-09-15T13:05:45Z", True),
        ("Updated 3:41 PM EST, Tue March 5, 2024", True),
        ("Dec 23, 2020 at 10:42 AM", False),
        ("1694783489", True),
    ],
)
def test_aware_only_when_the_zone_is_stated(text: str, aware: bool) -> None:
    value = parse_date(text)
    assert isinstance(value, datetime)
    assert (value.tzinfo is not None) is aware


def test_ambiguous_numeric_date_is_reported() -> None:
    (hit,) = find_dates("06/07/2020")
    assert hit.ambiguous and "ambiguous" in hit.ambiguous
    (clear,) = find_dates("21/05/2020")
    assert clear.ambiguous is None


def test_month_tables_have_no_clashes() -> None:
    voc = vocabulary()
    assert voc.months["listopada"] == 11  # Polish genitive; Croatian (October) is left out
    assert voc.months["märz"] == 3 and voc.months["março"] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1694783489", "2023-09-15T13:11:29+00:00"), ("1694783489000", "2023-09-15T13:11:29+00:00")],
)
def test_unix_timestamps(text: str, expected: str) -> None:
    value = parse_unix(text)
    assert value is not None and iso(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parse_date_never_raises(text: str) -> None:
    value = parse_date(text, fallback=False)
    assert value is None or isinstance(value, date)


@pytest.mark.parametrize(
    ("yy", "reference", "expected"),
    [
        (20, date(2026, 11, 30), date(2020, 5, 5)),
        (98, date(2026, 11, 30), date(1998, 5, 5)),
        (26, date(2026, 5, 4), date(1926, 5, 5)),  # the next day would be after the reference
    ],
)
def test_century_is_the_latest_not_after_the_reference(yy: int, reference: date, expected: date) -> None:
    assert century(yy, 5, 5, reference) == expected


def test_short_dates_are_read_only_by_find_short_dates() -> None:
    ref = date(2026, 1, 1)
    assert find_dates("Stand: 1.4.18") == []
    assert [iso(h.value) for h in find_short_dates("Stand: 1.4.18", dayfirst=None, reference=ref)] == [
        "2018-04-01"
    ]
    assert parse_date("Stand: 1.4.18", fallback=False) is None
    assert parse_date("Stand: 1.4.18", fallback=False, reference=ref) == date(2018, 4, 1)


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("11/20/19 6:38 AM", False, ["2019-11-20T06:38:00"]),  # month-first, the day above 12
        ("20/11/19", None, ["2019-11-20"]),
        ("11/20/19", True, ["2019-11-20"]),  # day-first cannot hold: month 20
        ("31/31/19", None, []),  # neither order is a date
        ("1.20.19", None, []),  # dots are day-first: month 20 is no date
    ],
)
def test_short_numeric_dates_take_the_day_from_either_field(
    text: str, dayfirst: bool | None, expected: list[str]
) -> None:
    hits = find_short_dates(text, dayfirst=dayfirst, reference=date(2026, 1, 1))
    assert [iso(h.value) for h in hits] == expected


@pytest.mark.parametrize(
    "text",
    [
        "05 Mar 19",
        "5-MÄR-19 10:30",
        "12 мая 19",
        "1er janvier 20",
        "am 3. März 19, 14 Uhr",
        "05 Mar 19; 06 Apr 19",
        "5 Marching 19",  # a longer word that starts with a month name
        "5 Mar19",
        "x5 Mar 19",
        "Gast 05.10.18 11:15",
        "v2 May 20 build",
        "",
    ],
)
def test_short_named_dates_are_looked_for_only_where_a_month_name_stands(text: str) -> None:
    # The gate (a whole run of letters that is a month name) must not lose a match of the
    # named pattern run over the whole text.
    import newsclean.dateparse as dp

    ref = date(2026, 1, 1)
    months = dp._folded_months()
    everywhere = [
        (m.start(), m.end())
        for m in dp._short_named().finditer(text)
        if months.get(dp._fold(m.group("mon")))
        and dp.century(int(m.group("yy")), months[dp._fold(m.group("mon"))], int(m.group("d")), ref)
    ]
    found = [
        (h.start, h.end) for h in find_short_dates(text, dayfirst=None, reference=ref) if h.order == "name"
    ]
    assert [s for s, _ in found] == [s for s, _ in everywhere]


@pytest.mark.parametrize(
    "text",
    [
        "Updated Nov 19, 6:55 AM",
        "19. März, 10:00",
        "NOV 19",
        "Nov.19",
        "12 мая в 10:00",
        "le 3 mars à 9h",
        "Posted 5thNov",  # glued: no whole month name, no yearless date either
        "Novice 19",
        "Room 19",
    ],
)
def test_yearless_dates_are_looked_for_only_where_a_month_name_stands(text: str) -> None:
    import newsclean.dateparse as dp

    everywhere = [m.start() for m in dp._yearless_pattern().finditer(text)]
    if everywhere:
        assert dp.month_anchors(text)[0]  # the gate lets the line through
    assert [h.start for h in dp.find_yearless_dates(text)] == [
        s
        for s, m in zip(everywhere, dp._yearless_pattern().finditer(text), strict=True)
        if dp._folded_months().get(dp._fold(m.group("mon") or m.group("mon2")))
        and dp._valid_date(
            2000,
            dp._folded_months()[dp._fold(m.group("mon") or m.group("mon2"))],
            int(m.group("d") or m.group("d2")),
        )
    ]
