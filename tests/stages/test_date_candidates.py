"""Tests of date candidate finding (``newsclean.stages.date_candidates``).

How the stage chooses among candidates is tested in ``tests/stages/test_date_choice.py`` and
through the stage in ``tests/stages/test_dates.py``. All texts are made up for these tests.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsclean.stages.date_candidates import find_candidates

CAPTURED = datetime(2026, 11, 30, 12, 0)
HEAD = "Harbour opens new ferry terminal on the east bank"
STORY = (
    "The harbour authority opened the new ferry terminal on the east bank after two years of "
    "building work, and officials said it would carry four thousand passengers a day."
)


@pytest.mark.parametrize(
    ("line", "kind", "date_only", "why"),
    [
        ("Published: 14 June 2021", "published", True, "a published label"),
        ("Updated 16 June 2021 10:30", "updated", True, "an updated label"),
        ("14 June 2021", None, True, "a date-only line with no label"),
        (
            "The terminal was first planned on 14 June 2021 by the council.",
            "mentioned",
            False,
            "a date in prose",
        ),
    ],
)
def test_kinds_and_date_only_lines(line: str, kind: str | None, date_only: bool, why: str) -> None:
    found, warnings = find_candidates(f"{HEAD}\n{line}\n{STORY}")
    assert [(f.line, f.kind, f.date_only) for f in found] == [(1, kind, date_only)], why
    assert warnings == []


def test_relative_phrase_needs_the_capture_time() -> None:
    found, _ = find_candidates(f"{HEAD}\n2 hours ago\n{STORY}", captured_at=CAPTURED)
    assert [f.value for f in found] == [datetime(2026, 11, 30, 10, 0)]
    without, warnings = find_candidates(f"{HEAD}\n2 hours ago\n{STORY}")
    assert [f.value for f in without] == [None] and warnings


def test_clean_story_has_no_candidates() -> None:
    assert find_candidates(f"{HEAD}\n{STORY}\n{STORY}") == ([], [])


@pytest.mark.parametrize(
    ("line", "expected", "kind"),
    [
        ("Last updated: 5/5/20", date(2020, 5, 5), "updated"),
        ("Stand: 1.4.18", date(2018, 4, 1), "updated"),
        ("veröffentlicht am 6.12.06", date(2006, 12, 6), "published"),
        ("05 Mar 19", date(2019, 3, 5), None),
        ("12 мая 19", date(2019, 5, 12), None),
        ("Published 14/06/21 08:15", datetime(2021, 6, 14, 8, 15), "published"),
    ],
)
def test_two_digit_years_on_date_lines(line: str, expected: date, kind: str | None) -> None:
    found, _ = find_candidates(f"{HEAD}\n{line}\n{STORY}", captured_at=CAPTURED)
    assert [(f.value, f.kind) for f in found] == [(expected, kind)]
    assert found[0].date_only


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz - 11/19/19 06:56 AM", datetime(2019, 11, 19, 6, 56)),
        ("Ana Ruiz | 3.4.21 14:05 | Harbour desk", datetime(2021, 4, 3, 14, 5)),
    ],
)
def test_two_digit_year_with_a_clock_time_on_a_byline(line: str, expected: datetime) -> None:
    found, _ = find_candidates(f"{HEAD}\n{line}\n{STORY}", captured_at=CAPTURED)
    assert [(f.line, f.value) for f in found] == [(1, expected)]


@pytest.mark.parametrize(
    ("yy", "captured", "year"),
    [
        ("5/5/20", datetime(2026, 1, 1), 2020),
        ("5/5/98", datetime(2026, 1, 1), 1998),
        ("5/5/26", datetime(2026, 1, 1), 1926),  # May 2026 would be after the capture
        ("5/5/26", datetime(2026, 6, 1), 2026),
    ],
)
def test_two_digit_year_century_never_after_capture(yy: str, captured: datetime, year: int) -> None:
    found, _ = find_candidates(f"Posted: {yy}", captured_at=captured)
    assert [f.value.year for f in found if f.value is not None] == [year]


@pytest.mark.parametrize(
    "line",
    [
        "The release notes for version 1.4.18 list three fixes to the parser and the installer.",
        "Python 3.8.10 is the last binary release of that branch for the older systems.",
        "Tickets cost 12.50 or 3.4.5 bundles for families, the museum said on its website.",
        "Call 555-12-34 to book a seat on the morning boat to the islands this summer.",
        "The home side won 3-1-20 in the shoot-out",
        "Version 1.4.18",
        "Build 1.4.18 shipped with the new ferry timetable and a fix for the ticket machines.",
        "The 3-1-18 result stood until the replay, officials said after the match on the island.",
    ],
)
def test_two_digit_years_never_from_versions_prices_phones_scores(line: str) -> None:
    found, _ = find_candidates(f"{HEAD}\n{line}\n{STORY}", captured_at=CAPTURED)
    assert found == []


def test_find_candidates_is_linear_on_long_input() -> None:
    text = ("1" * 5000 + " 2020 ") * 200 + "\n" + ("March 5, 2024 " * 2000)
    found, _ = find_candidates(text)
    assert found  # finishes; no timing assertion


@pytest.mark.parametrize(
    ("lines", "captured", "expected"),
    [
        # the page's copyright year gives the year
        (
            ["Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "© 2019 Example Media"],
            None,
            [("updated", datetime(2019, 11, 19, 6, 55)), ("published", datetime(2019, 11, 19, 6, 51))],
        ),
        # the capture time gives it, the year before when the day would come after the capture
        (
            ["Posted Dec 30, 9:15 PM"],
            datetime(2027, 1, 4, 8, 0),
            [("published", datetime(2026, 12, 30, 21, 15))],
        ),
        (["Stand: 5. März, 15:41 Uhr"], CAPTURED, [("updated", datetime(2026, 3, 5, 15, 41))]),
        # a page whose latest printed day is in January shows last December's date
        (
            ["Posted Dec 30, 9:15 PM", "Related 05.01.2025 10:00"],
            None,
            [("published", datetime(2024, 12, 30, 21, 15))],
        ),
    ],
)
def test_yearless_labelled_dates_take_the_year_the_page_gives(
    lines: list[str], captured: datetime | None, expected: list[tuple[str, datetime]]
) -> None:
    text = "\n".join([HEAD, lines[0], STORY, *lines[1:]])
    found, _ = find_candidates(text, captured_at=captured)
    got = [(f.kind, f.value) for f in found if f.yearless]
    assert got == expected


@pytest.mark.parametrize(
    "line",
    [
        "Updated Nov 19, 6:55 AM",  # no year anywhere on the page: left unknown
        "Nov 19, 6:55 AM",  # no label: a list time, not the page's date
        "Meeting May 5 at 10:00 in the hall",  # no date label before it
    ],
)
def test_yearless_dates_need_a_label_and_a_year_source(line: str) -> None:
    found, _ = find_candidates("\n".join([HEAD, line, STORY]))
    assert [f for f in found if f.yearless] == []


@pytest.mark.parametrize(
    ("line", "kind", "prose"),
    [
        # a headline printed with its label and date: not a sentence
        (
            "Council approves the new harbour budget for next year Politics news, Updated Mar 14, 2011 at "
            "09:42pm IST",
            "updated",
            False,
        ),
        # a sentence that ends after its date, or goes on after it, stays prose
        ("The council said the harbour budget for next year was updated on Nov 06, 2012.", "mentioned", True),
        (
            "The council said the harbour budget was updated on Nov 06, 2012 and approved the next week",
            "mentioned",
            True,
        ),
        # a row of the page's fields opening with the labelled date: not a sentence
        (
            "Published: November 5th, 2012 | Tags: Harbour, Ferry Terminal, East Bank, City Council, Budget",
            "published",
            False,
        ),
        (
            "Updated Nov 06, 2012 • Harbour news from the east bank and the city council this week",
            "updated",
            False,
        ),
        # the author's field after the date, or a bare date opening a row of fields: not a sentence
        (
            "Posted on March 5, 2024, 9:41 am, by Jane Roe, under Harbour, Ferries, East Bank, Council.",
            "published",
            False,
        ),
        (
            "March 5th, 2024 | Tags: harbour, ferry terminal, east bank, city council | Category: News |",
            None,
            False,
        ),
        # "by" and a lower-case word after an opening date, or a date after a word, stay prose
        (
            "March 5, 2024 by the numbers: the harbour council counted ferries late in most weeks.",
            "mentioned",
            True,
        ),
        (
            "On March 5, 2024, by a vote of five to four, the council approved the harbour budget.",
            "mentioned",
            True,
        ),
        # a sentence opening with the label and date, or a row whose label is not first, stays prose
        (
            "Published on November 5, 2012, the harbour report found that ferries run late most weeks.",
            "mentioned",
            True,
        ),
        (
            "The harbour council minutes for the east bank were published November 5, 2012 | more news on "
            "the ferry terminal and the budget",
            "mentioned",
            True,
        ),
    ],
)
def test_a_labelled_date_ending_a_headline_line_is_not_prose(line: str, kind: str, prose: bool) -> None:
    found, _ = find_candidates("\n".join([HEAD, line, STORY]))
    assert [(f.kind, f.prose) for f in found] == [(kind, prose)]


@pytest.mark.parametrize(
    ("line", "language", "kind"),
    [
        ("A near-term outlook for big data - 03/20/2012", "en", None),  # English "data" after a word
        ("A near-term outlook for big data - 03/20/2012", None, None),  # after a word: GENERIC_LABELS
        ("Data: 20/03/2012", "en", "published"),  # where a label stands, a foreign label counts
        ("Articolo di Mario Rossi | Data 20/03/2012", "it", "published"),  # the document's own language
        ("Big data – 20/03/2012", "pt", None),  # the Portuguese label "data" after a word ends a name
        ("Notícia | Data 20/03/2012", "pt", "published"),  # where a label stands, it labels
    ],
)
def test_a_foreign_label_after_a_word_is_a_word(line: str, language: str | None, kind: str | None) -> None:
    found, _ = find_candidates(f"{HEAD}\n{line}\n{STORY}", language=language)
    assert [(f.line, f.kind) for f in found] == [(1, kind)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nov 18", date(2019, 11, 18)),
        ("7 ЧЕРВНЯ, НЕДІЛЯ", date(2019, 6, 7)),  # a weekday beside it is still a date line
        ("lundi 24 août", date(2019, 8, 24)),
        ("18. November", date(2019, 11, 18)),
    ],
)
def test_a_yearless_date_alone_on_its_line_takes_the_page_year(line: str, expected: date) -> None:
    found, _ = find_candidates("\n".join([HEAD, line, STORY, "© 2019 Example Media"]))
    got = [(f.line, f.value, f.kind, f.date_only) for f in found if f.yearless]
    assert got == [(1, expected, None, True)]


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 5",
        "Top 10 stories",
        "Round 3 results",
        "Win 5-2",
        "Page 2 of 3",
        "May 5",  # no year anywhere on the page (no copyright line below): left unknown
        "Trump wins 5 May primaries",  # more than the date on the line: a headline
        "Notes from the shows of the November 18 season",  # too long for a date line
    ],
)
def test_no_yearless_date_line_in_clean_short_lines(line: str) -> None:
    tail = [] if line == "May 5" else ["© 2019 Example Media"]
    found, _ = find_candidates("\n".join([HEAD, line, STORY, *tail]))
    assert [f for f in found if f.yearless] == []


@pytest.mark.parametrize(
    ("above", "line", "language", "kind", "why"),
    [
        ("Updated", "14 June 2021, 10:30", None, "updated", "an update label alone on the line above"),
        ("Published:", "14 June 2021", None, "published", "a publication label with its colon"),
        ("Aktualisiert am", "14.06.2021, 10:30 Uhr", "de", "updated", "a German label with its connector"),
        ("Publié le", "14 juin 2021", "fr", "published", "a French label"),
        ("Sports", "14 June 2021", None, None, "a section name is no label"),
        ("Updated by the city desk", "14 June 2021", None, None, "a label with other words is a phrase"),
        (
            "Updated",
            "Ferries run on 14 June 2021 from the east bank",
            None,
            None,
            "a sentence is no date line",
        ),
    ],
)
def test_a_label_alone_on_the_line_above_labels_the_date_line(
    above: str, line: str, language: str | None, kind: str | None, why: str
) -> None:
    found, _ = find_candidates("\n".join([HEAD, above, line, STORY]), language=language)
    dated = [f for f in found if f.line == 2]
    assert dated, why
    assert dated[0].kind == kind, why


def test_a_label_line_above_leaves_other_date_lines_alone() -> None:
    text = "\n".join(
        [HEAD, "14 June 2021", "Updated", "16 June 2021", STORY, "Posted", STORY, "17 June 2021"]
    )
    kinds = {f.line: f.kind for f in find_candidates(text)[0]}
    assert kinds == {1: None, 3: "updated", 7: None}  # a label two lines up or over a paragraph is not read


@pytest.mark.parametrize(
    ("lines", "language", "kinds", "why"),
    [
        (["Member since: 14 June 2015"], None, [(1, "mentioned", False)], "a member's join date"),
        (["Joined", "14 June 2015"], None, [(2, "mentioned", True)], "a join-date label on the line above"),
        (["Effective Date", "Saturday, July 25, 2020"], None, [(2, "mentioned", True)], "a notice's field"),
        (["Effective Date: July 25, 2020"], None, [(1, "mentioned", False)], "not the label 'Date'"),
        (["Date of birth: 5 March 1950"], None, [(1, "mentioned", False)], "a birth date"),
        (["Expires 31 December 2021"], None, [(1, "mentioned", False)], "an offer's end"),
        (["Mitglied seit 12.03.2015"], "de", [(1, "mentioned", False)], "German"),
        (["Date limite : 14 juin 2021"], "fr", [(1, "mentioned", False)], "French"),
    ],
)
def test_a_field_naming_another_things_date_makes_it_mentioned(
    lines: list[str], language: str | None, kinds: list[tuple[int, str, bool]], why: str
) -> None:
    found, _ = find_candidates("\n".join([HEAD, *lines, STORY]), language=language)
    assert [(f.line, f.kind, f.date_only) for f in found] == kinds, why


@pytest.mark.parametrize(
    ("lines", "kind", "why"),
    [
        (["Date: 14 June 2021"], "published", "the bare label 'Date' stays a publication label"),
        (["Publication date", "14 June 2021"], "published", "a publication label on the line above"),
        (["Start date", "14 June 2021"], None, "a forum thread's start date is the thread's own"),
        (["Release Date: 14 June 2021"], None, "a product's field as often: a plain date line"),
        (["Announced Date : 6 April 2021"], None, "'Date' after another word names a field"),
        (["Air Date: 14 June 2021"], None, "a programme's air date: a plain date line"),
        (["Publish Date:Sat, 14 Jun 2021 01:34 PM"], "published", "a publication field's own name"),
        (["Post Date: 14 June 2021"], "published", "a post's date"),
        (["By Jane Doe, member of staff", "14 June 2021"], None, "other words above are no field"),
    ],
)
def test_field_labels_leave_the_pages_own_dates_alone(lines: list[str], kind: str | None, why: str) -> None:
    found, _ = find_candidates("\n".join([HEAD, *lines, STORY]))
    assert [f.kind for f in found] == [kind], why


@pytest.mark.parametrize(
    ("line", "opening", "why"),
    [
        (f"Springfield, May 14, 2003 – {STORY}", True, "place, date and a dash"),
        (f"EUGENE, Ore., March 5, 2024 -- {STORY}", True, "place with its region"),
        (f"(5/19/1999) {STORY}", True, "a bracketed date"),
        (f"May 19, 1999: {STORY}", True, "a bare date and a colon"),
        (f"4:20 p.m., Mar. 3, 2006--{STORY}", True, "a time before the date"),
        (f"Correction, May 19, 1999: {STORY}", False, "a label and a colon after a word"),
        (f"On May 19, 1999 the council met. {STORY}", False, "a sentence opening"),
        (f"In this May 19, 1999, file photo, {STORY}", False, "a photo caption's date"),
        (f"Reprinted from the newsletter: May 19, 1999 Dear reader, {STORY}", False, "a label, no dash"),
        (f"{STORY} It opened on May 19, 1999 – a Wednesday.", False, "a date deep in the line"),
    ],
)
def test_dateline_date_opening_a_story_paragraph(line: str, opening: bool, why: str) -> None:
    found, _ = find_candidates(f"{HEAD}\n{line}", language="en")
    first = next(f for f in found if f.line == 1)
    assert first.kind == "mentioned", why
    assert first.opening is opening, why
    assert not any(f.opening for f in found[1:] if f.line == 1), "only the first date of a line opens it"


def test_clean_story_has_no_dateline() -> None:
    found, _ = find_candidates(f"{HEAD}\n{STORY}\n{STORY}", language="en")
    assert not any(f.opening for f in found)


@pytest.mark.parametrize(
    ("lines", "expected", "why"),
    [
        (["Sep", "26", "2012"], [(1, date(2012, 9, 26), 3)], "month, day and year on three lines"),
        (["24", "Jul", "2012"], [(1, date(2012, 7, 24), 3)], "day first, then month and year"),
        (["January 31,", "2005"], [(1, date(2005, 1, 31), 2)], "the year alone under month and day"),
        (["Oct30", "2012"], [(1, date(2012, 10, 30), 2)], "month and day glued, year below"),
        (["Mar. 4,", "2024:"], [(1, date(2024, 3, 4), 2)], "a list entry's date ends in a colon"),
    ],
)
def test_a_date_printed_across_short_lines(
    lines: list[str], expected: list[tuple[int, date, int]], why: str
) -> None:
    found, _ = find_candidates("\n".join([HEAD, *lines, STORY]))
    assert [(f.line, f.value, f.line_count) for f in found] == expected, why
    assert all(f.date_only and f.kind is None for f in found), why


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        (["Nov", "Dec", "01", "02", "2012"], "a calendar's months and days join to no date"),
        (["26", "27", "28", "Mar 2024", "S", "M"], "a calendar's last days over the next month"),
        (["February", "January", "2017", "December"], "an archive menu of months and years"),
        (["Home", "3", "1", "2012"], "a score or counters over a year"),
        (["Jan.", "30, 2005: Update:"], "words beside the date: no date line"),
        (["May", "The terminal opened in 2012."], "a year inside a sentence"),
        (["Season", "2012"], "a year under a word"),
    ],
)
def test_no_split_date_in_other_short_lines(lines: list[str], why: str) -> None:
    found, _ = find_candidates("\n".join([HEAD, *lines, STORY]))
    assert [f for f in found if f.line_count > 1] == [], why


def _clear_line_caches() -> None:
    """Empty every per-line cache of the date stage (``functools.lru_cache`` wrappers)."""
    import functools

    from newsclean import datemarks, dateparse_slow, datescan
    from newsclean.linekeep import clear_line_caches
    from newsclean.stages import date_candidates, date_choice

    clear_line_caches()
    for module in (datemarks, datescan, dateparse_slow, date_candidates, date_choice):
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def test_a_long_line_is_read_but_not_kept_by_the_line_caches() -> None:
    from newsclean.datescan import scan_line
    from newsclean.linekeep import LINE_KEPT_MAX_CHARS

    long_line = "The council met again. " * (LINE_KEPT_MAX_CHARS // 20) + "Published: 14 June 2021"
    assert len(long_line) > LINE_KEPT_MAX_CHARS
    _clear_line_caches()
    found, _ = find_candidates(f"{HEAD}\n{long_line}\n{STORY}")
    assert any(f.value is not None and f.value.day == 14 for f in found)  # read as before
    assert scan_line.cache_info().currsize == 0  # the long line is not kept
    find_candidates(f"{HEAD}\nPublished: 14 June 2021\n{STORY}")
    assert scan_line.cache_info().currsize > 0  # a short line is


@pytest.mark.parametrize(
    ("text", "language", "why"),
    [
        (f"{HEAD}\nPublished: 14 June 2021\n{STORY}", "en", "a labelled date line"),
        (f"{HEAD}\nVeröffentlicht: 14.06.2021\n{STORY}", "de", "the same line words, another language"),
        (f"{HEAD}\nPublished: 14 June 2021\n{STORY}", "de", "an English label on a German page"),
        (f"{HEAD}\n06/14/2021\n07/15/2021\n{STORY}", None, "numeric dates voting month-first"),
        (f"{HEAD}\n3 hours ago\n© 2021 Example Media\n{STORY}", "en", "a relative phrase and a copyright"),
    ],
)
def test_lines_seen_before_give_the_same_candidates(text: str, language: str | None, why: str) -> None:
    # The per-line caches (tokens, labels per language, votes, remainders, marks) only remember:
    # a capture read again, or after other captures, gives what it gives on first sight.
    _clear_line_caches()
    first = find_candidates(text, language=language, captured_at=CAPTURED)
    find_candidates(f"{STORY}\n{text}", language="fr", captured_at=CAPTURED)
    assert find_candidates(text, language=language, captured_at=CAPTURED) == first, why
