"""Tests of the normalize_dates stage and the date parser it uses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import replay
from newsclean.article import DateCandidate
from newsclean.dateparse import (
    iso,
)
from newsclean.document import Document, Options
from newsclean.stages.date_choice import UPDATE_PAIR_LINES
from newsclean.stages.dates import normalize_dates


def run(text: str, **options: object) -> Document:
    return normalize_dates(Document.from_text(text, options=Options(**options)))  # type: ignore[arg-type]


def published_decision(doc: Document) -> dict[str, object] | None:
    """The data of the ``published_date`` decision, or None when nothing was chosen."""
    found = [dict(d.data) for d in doc.decisions if d.reason == "published_date"]
    assert len(found) <= 1
    return found[0] if found else None


# ---------------------------------------------------------------------------
# The stage: candidates, kinds, removal
# ---------------------------------------------------------------------------
STORY = (
    "Officials said on Tuesday that the bridge would reopen after repairs that took most of the "
    "winter, and that traffic would be limited to two lanes for the first weeks."
)


def test_seed_like_labelled_date_line() -> None:
    doc = run(f"Bridge reopens after winter repairs\nDate:2025-04-08 08:47:16\n{STORY}")
    assert doc.get("published") == datetime(2025, 4, 8, 8, 47, 16)
    assert "Date:2025-04-08" not in doc.text
    (edit,) = [e for e in doc.edits if e.reason == "date_line"]
    assert edit.action == "extract"
    decision = published_decision(doc)
    assert decision is not None
    assert (decision["value"], decision["source"], decision["rule"]) == (
        "2025-04-08T08:47:16",
        "Date:2025-04-08 08:47:16",
        "published label",
    )
    assert decision["precision"] == "day"
    weighed = decision["candidates"]
    assert isinstance(weighed, tuple)
    assert ("2025-04-08T08:47:16", "published", "day") in [
        (c["value"], c["kind"], c["precision"]) for c in weighed
    ]


def test_seed_like_first_line_and_footer_timestamp() -> None:
    doc = run(f"2023-09-15 13:05:45\n{STORY}\n{STORY}\n1694783489\n#one #two")
    assert doc.get("published") == datetime(2023, 9, 15, 13, 5, 45)
    assert doc.text == f"{STORY}\n{STORY}\n#one #two"
    dates = doc.get("dates")
    assert DateCandidate("2023-09-15T13:05:45", "published", "2023-09-15 13:05:45") in dates
    assert DateCandidate("2023-09-15T13:11:29+00:00", "captured", "1694783489") in dates


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Published: March 5, 2024", "published"),
        ("Veröffentlicht am 05.03.2024", "published"),
        ("Publié le 5 mars 2024", "published"),
        ("Publicado em 05/03/2024", "published"),
        ("Gepubliceerd op 5 maart 2024", "published"),
        ("发布时间：2024-03-05 15:41", "published"),
        ("Updated 3:41 PM EST, Tue March 5, 2024", "updated"),
        ("Stand: 05.03.2024, 15:41 Uhr", "updated"),
        ("Mis à jour le 5 mars 2024 à 15h41", "updated"),
        ("Actualizado el 5 de marzo de 2024", "updated"),
        ("Aggiornato il 5 marzo 2024", "updated"),
        ("Atualizado em 05/03/2024", "updated"),
        ("Bijgewerkt op 5 maart 2024", "updated"),
        ("Retrieved March 6, 2024", "captured"),
        ("1709653260", "captured"),
    ],
)
def test_kinds_and_removal(line: str, kind: str) -> None:
    doc = run(f"Bridge reopens after winter repairs\n{line}\n{STORY}")
    kinds = [c.kind for c in doc.get("dates")]
    assert kinds == [kind]
    assert line not in doc.text and STORY in doc.text


def test_mentioned_dates_in_sentences_are_kept() -> None:
    text = (
        "Bridge reopens\n"
        "The bridge, closed on 5 March 2024 after a flood, reopened in February 2022 and has carried "
        "traffic since 2019, officials said.\n"
        "Published: 2024-03-07"
    )
    doc = run(text)
    assert doc.get("published") == date(2024, 3, 7)
    assert "closed on 5 March 2024" in doc.text
    mentioned = [c for c in doc.get("dates") if c.kind == "mentioned"]
    assert [c.value for c in mentioned] == ["2024-03-05"]


def test_mentioned_date_never_becomes_published() -> None:
    doc = run(
        f"Bridge reopens\nThe bridge closed on 5 March 2024 after the flood of the river, officials said.\n{STORY}"
    )
    assert doc.get("published") is None
    assert doc.text.count("\n") == 2


def test_captured_stamp_never_becomes_published() -> None:
    doc = run(f"Bridge reopens\n{STORY}\n1694783489")
    assert doc.get("published") is None
    assert [c.kind for c in doc.get("dates")] == ["captured"]


# ---------------------------------------------------------------------------
# Relative dates
# ---------------------------------------------------------------------------
def test_relative_without_captured_at_has_no_value_and_warns() -> None:
    doc = run(f"Bridge reopens after winter repairs\n2 hours ago\n{STORY}")
    assert doc.get("dates") == (DateCandidate(None, "mentioned", "2 hours ago"),)
    assert doc.get("published") is None
    assert any("captured_at" in w for w in doc.warnings)
    assert "2 hours ago" not in doc.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2 hours ago", datetime(2024, 3, 5, 13, 0, tzinfo=UTC)),
        ("vor 3 Stunden", datetime(2024, 3, 5, 12, 0, tzinfo=UTC)),
        ("il y a 2 jours", date(2024, 3, 3)),
        ("Updated yesterday", date(2024, 3, 4)),
    ],
)
def test_relative_with_captured_at(line: str, expected: datetime | date) -> None:
    captured = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
    doc = run(f"Bridge reopens after winter repairs\n{line}\n{STORY}", captured_at=captured)
    (cand,) = doc.get("dates")
    assert cand.value == iso(expected)
    assert not any("captured_at" in w for w in doc.warnings)


def test_future_dates_are_not_published_when_captured_at_is_known() -> None:
    captured = datetime(2024, 3, 5, tzinfo=UTC)
    doc = run(f"Bridge reopens after winter repairs\nMarch 9, 2024\n{STORY}", captured_at=captured)
    assert doc.get("published") is None


# ---------------------------------------------------------------------------
# Choosing the publication date
# ---------------------------------------------------------------------------
HEAD = "Bridge reopens after the long winter repairs"


@pytest.mark.parametrize(
    ("lines", "dates", "expected", "rule", "reason"),
    [
        (
            [f"{HEAD} - The Daily", "Menu", HEAD, "Updated March 9, 2024", "Published March 5, 2024", STORY],
            (),
            "2024-03-05",
            "published label",
            "a published label beats an update label",
        ),
        (
            [f"{HEAD} - The Daily", "Menu", "March 1, 2024", HEAD, "By Jane Doe", "March 5, 2024", STORY],
            (),
            "2024-03-05",
            "header date line",
            "the date line under the headline beats the one in the menu",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "Published March 5, 2024", STORY],
            (DateCandidate("2024-03-04T10:00:00+00:00", "published", "json-ld:datePublished"),),
            "2024-03-04T10:00:00+00:00",
            "page metadata",
            "page metadata beats a label",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "Updated: 09.03.2024", STORY],
            (),
            "2024-03-09",
            "header date line",
            "an update date is used when nothing says when it was published",
        ),
        (
            [f"{HEAD} | 5 March 2024 | The Daily", "Menu", STORY],
            (),
            "2024-03-05",
            "title date",
            "a date in the title",
        ),
        (
            [f"{HEAD} - The Daily", STORY, STORY, "Related", "Other story", "Another story", "March 1, 2024"],
            (),
            None,
            None,
            "a date line after the story is not a header date",
        ),
        (
            [f"{HEAD} - The Daily", STORY],
            (
                DateCandidate("2020-04-14T00:38:07+00:00", "published", "json-ld:datePublished"),
                DateCandidate("2020-04-13", "published", "url"),
            ),
            "2020-04-13",
            "page metadata, local day from the url",
            "a UTC time just after midnight: the address gives the publisher's own day",
        ),
        (
            [f"{HEAD} - The Daily", STORY],
            (
                DateCandidate("2020-07-09T10:04:04+00:00", "published", "json-ld:datePublished"),
                DateCandidate("2020-07-08", "published", "url"),
            ),
            "2020-07-09T10:04:04+00:00",
            "page metadata",
            "no zone from US Pacific to New Zealand puts 10:04 UTC on the day before",
        ),
        (
            [f"{HEAD} - The Daily", STORY],
            (
                DateCandidate("2020-06-29T00:16:15+03:00", "published", "json-ld:datePublished"),
                DateCandidate("2020-06-28", "published", "url"),
            ),
            "2020-06-29T00:16:15+03:00",
            "page metadata",
            "a time with its own zone is dated as written",
        ),
        (
            [f"{HEAD} - The Daily", STORY],
            (
                DateCandidate("2020-01-14", "published", "html:date-element"),
                DateCandidate("2020-01-13", "published", "url"),
            ),
            "2020-01-13",
            "url date",
            "the page address beats a date-named element (often the site's 'today' banner)",
        ),
        (
            [f"{HEAD} - The Daily", STORY],
            (DateCandidate("2020-08-24", "published", "url"),),
            "2020-08-24",
            "url date",
            "the day in the canonical address found by the HTML stage",
        ),
        (
            [
                f"{HEAD} - The Daily",
                "Menu",
                HEAD,
                "March 5, 2024 10:12",
                "More stories like this one",
                "Other headline",
                "Kicker",
                "June 1, 2023",
                "Second headline",
                "Kicker",
                "May 2, 2022",
                "Third headline",
                "Kicker",
                "April 3, 2021",
                STORY,
            ],
            (),
            "2024-03-05T10:12:00",
            "header date line",
            "the dated items of a related list just above the story are no header date line",
        ),
        (
            [
                f"{HEAD} - The Daily",
                "Menu",
                HEAD,
                "By Jane Doe",
                "Related",
                "Other headline",
                "June 1, 2023",
                "Second headline",
                "July 2, 2023",
                "Third headline",
                "May 3, 2023",
                STORY,
            ],
            (),
            None,
            None,
            "a page whose only dates are a related list has no publication date",
        ),
        (
            [
                f"{HEAD} - The Daily",
                HEAD,
                "March 5, 2024",
                "Share",
                "March 5, 2024",
                "Print",
                "March 5, 2024",
                STORY,
            ],
            (),
            "2024-03-05",
            "header date line",
            "copies of one date are no list",
        ),
        (
            [
                f"{HEAD} - The Daily",
                HEAD,
                "Other story - June 1, 2023",
                "Second story - June 3, 2023",
                "Third story - June 5, 2023",
                "Fourth story",
                "March 5, 2024",
                STORY,
            ],
            (),
            "2024-03-05",
            "header date line",
            "a date line a different step below a dated list is not one of its items",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "March 5, 2024", STORY, "Related", "June 1, 2023", "May 2, 2023"],
            (),
            "2024-03-05",
            "header date line",
            "a story paragraph between the date line and dated links ends the list",
        ),
        (
            [
                f"{HEAD} - The Daily",
                "News",
                "Sport",
                "1 September",
                "Menu",
                "March 5, 2024",
                "Weather",
                "Topics",
                "Culture",
                "Science",
                "Travel",
                "Food",
                "Cars",
                "Jobs",
                HEAD,
                STORY,
            ],
            (),
            "2024-03-05",
            "earliest header candidate",
            "a full date in the header beats an earlier yearless one",
        ),
        (
            [f"{HEAD} - The Daily", "News", HEAD, "7 June", STORY, "© 2020 The Daily"],
            (),
            "2020-06-07",
            "header date line",
            "a yearless date line under the headline, its year from the page",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "Nov.November 18, 2019", "12:02 PM", STORY],
            (),
            "2019-11-18",
            "header date line",
            "a month abbreviation glued to its full name (both printed, one shown by screen width)",
        ),
        (
            [
                f"{HEAD} - The Daily",
                HEAD,
                "By Jane Doe",
                "Published",
                "March 5, 2024",
                "Updated",
                "March 9, 2024",
                STORY,
            ],
            (),
            "2024-03-05",
            "published label",
            "labels alone on the lines above their dates (a capture splits label and date elements)",
        ),
        (
            [HEAD, "Posted by jdoe", "Joined", "May 11, 2017", "Messages", "3,066", STORY],
            (),
            None,
            None,
            "a forum member's join date (a profile field) is no date of the page",
        ),
        (
            [HEAD, "Posted by jdoe", "March 5, 2024", "Member since: May 11, 2017", STORY],
            (),
            "2024-03-05",
            "header date line",
            "the post's own date stays chosen beside a member's join date",
        ),
        (
            [HEAD, STORY, STORY, STORY, STORY, STORY, "October 4, 2012", "Filed under News"],
            (),
            "2012-10-04",
            "only date line",
            "the page's one date line, at the foot of the post, far from the headline",
        ),
        (
            [HEAD, STORY, STORY, STORY, STORY, STORY, "October 4, 2012", STORY, "October 9, 2012"],
            (),
            None,
            None,
            "two date lines of different days far from the headline: neither is the page's",
        ),
        (
            [HEAD, STORY, STORY, STORY, STORY, STORY, "9-11-01", STORY],
            (),
            None,
            None,
            "a two-digit-year line without a time is no whole date (an event's name)",
        ),
        (
            [HEAD, STORY, STORY, STORY, STORY, STORY, "On April 12, 2002,", "the council met again."],
            (),
            None,
            None,
            "a sentence hard-wrapped after its date is no date line",
        ),
        (
            [HEAD, f"Portland, March 5, 2024 – {STORY}", STORY],
            (),
            "2024-03-05",
            "story dateline",
            "the first story paragraph opens with its place and date (a press release's dateline)",
        ),
        (
            [HEAD, f"(3/25/2024) {STORY}", STORY],
            (),
            "2024-03-25",
            "story dateline",
            "a bracketed date opening the story",
        ),
        (
            [HEAD, STORY, f"Correction, March 5, 2024: {STORY}"],
            (),
            None,
            None,
            "a correction note's label and date are no dateline",
        ),
        (
            [HEAD, f"In this March 5, 2024, file photo, {STORY}", STORY],
            (),
            None,
            None,
            "a date inside the story's first sentence is mentioned, not the story's date",
        ),
        (
            [HEAD, f"March 5, 2024: {STORY}", f"February 3, 2024: {STORY}"],
            (),
            None,
            None,
            "paragraphs opening with different days are a log of updates: none dates the page",
        ),
        (
            [HEAD, "Harbour News", f"Portland, March 1, 2024 – {STORY}", "March 5, 2024", STORY],
            (),
            "2024-03-05",
            "header date line",
            "a date line under the headline ranks above a dateline in the story",
        ),
        (
            [f"{HEAD} - خبرآنلاین", HEAD, "۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", STORY],
            (),
            "2020-02-18T06:55:00",
            "header date line",
            "a Solar Hijri date line under the headline",
        ),
    ],
)
def test_published_rules(
    lines: list[str], dates: tuple[DateCandidate, ...], expected: str | None, rule: str | None, reason: str
) -> None:
    doc = (
        Document.from_text("\n".join(lines)).with_fields(dates=dates)
        if dates
        else Document.from_text("\n".join(lines))
    )
    out = normalize_dates(doc)
    got = out.get("published")
    assert (iso(got) if got is not None else None) == expected, reason
    decision = published_decision(out)
    if rule is None:
        assert decision is None
    else:
        assert decision is not None and decision["rule"] == rule, reason
        assert decision["value"] == expected, reason
    for c in dates:
        assert c in out.get("dates")  # page candidates are merged, not replaced


# A blog post dated only by its readers' comments, and a story dated only by the posts it embeds.
STORY_END = "The work cost less than planned, the council said, and the last crews will leave next week."
#: A story long enough to put what follows it out of the headline's reach (HEADLINE_AFTER lines).
BODY = [f"{STORY} Part {n} of the report." for n in range(1, 25)]
COMMENTS = [
    f"{HEAD} - The Daily",
    HEAD,
    *BODY,
    STORY_END,
    "3 responses",
    "Maria Lopez",
    "June 4, 2021 at 8:12 am",
    "Great to hear the bridge is finally open again.",
    "Tom Berg",
    "June 3, 2021 at 9:40 pm",
    "I drove across it this morning, no queues at all!",
    "Ana Silva",
    "June 6, 2021 at 1:05 pm",
    "Two lanes is still not enough for the summer.",
]
RELATED_AFTER = [
    f"{HEAD} - The Daily",
    HEAD,
    *BODY,
    STORY_END,
    "More stories",
    "Ferry fares to rise in spring",
    "June 1, 2021",
    "City News Desk",
    "Harbour cranes get a new coat of paint",
    "May 28, 2021",
    "City News Desk",
]
POSTS = [
    f"{HEAD} - The Daily",
    HEAD,
    STORY,
    "First cars crossed at dawn, pic.example/abc",
    "— City Roads (@cityroads) March 4, 2024",
    STORY,
    "Queues were short all morning",
    "— Jane Commuter (@janec) March 5, 2024",
    STORY_END,
]
LONG_REPLY = " ".join(["we drove over the new deck twice this week and the lanes felt narrow"] * 3)
OLD_POSTS = [ln.replace("2024", "2019") for ln in POSTS]


@pytest.mark.parametrize(
    ("lines", "expected", "rule", "reason"),
    [
        (COMMENTS, "2021-06-03", "earliest comment date", "the first comment bounds the story"),
        (POSTS, "2024-03-05", "latest embedded post", "the last embedded post bounds the story"),
        (
            [*POSTS, *COMMENTS[27:]],
            "2024-03-05",
            "latest embedded post",
            "a thread dated before the embedded posts is not this story's",
        ),
        (
            [*OLD_POSTS, *COMMENTS[27:]],
            "2021-06-03",
            "earliest comment date",
            "a thread after the last embedded post bounds the story more closely",
        ),
        (
            [*COMMENTS[:29], "June 5, 2021", LONG_REPLY, "Lee", "June 7, 2021", LONG_REPLY],
            "2021-06-05",
            "earliest comment date",
            "a comment's text may be a paragraph without a final stop",
        ),
        (RELATED_AFTER, None, None, "a related list prints no comment text under its dates"),
        (COMMENTS[:31], None, None, "one dated comment is no thread (COMMENT_RUN)"),
        (
            [COMMENTS[0], COMMENTS[1], "June 1, 2021", *COMMENTS[2:]],
            "2021-06-01",
            "header date line",
            "the page's own date line beats its comments",
        ),
        (
            [POSTS[0], POSTS[1], "Published March 3, 2024", *POSTS[2:]],
            "2024-03-03",
            "published label",
            "the page's own date beats the posts it embeds",
        ),
    ],
)
def test_bounds_when_the_page_states_no_date(
    lines: list[str], expected: str | None, rule: str | None, reason: str
) -> None:
    text = "\n".join(lines)
    out = run(text)
    got = out.get("published")
    assert (iso(got) if got is not None else None) == expected, reason
    decision = published_decision(out)
    assert (decision["rule"] if decision else None) == rule, reason
    # the bounds only choose: comment texts and post signatures stay, only date-only lines go
    stamps = {*COMMENTS[29::3], "June 1, 2021", "May 28, 2021", "June 5, 2021", "June 7, 2021"}
    kept = [ln for ln in lines if ln not in stamps]
    assert out.text.split("\n") == [ln for ln in kept if not ln.startswith("Published")]


#: A short post whose comment section repeats the headline ("3 Responses to …"), so that the
#: first reader comment's stamp stands within the headline's reach.
THREAD = [
    f"{HEAD} - The Daily",
    HEAD,
    STORY,
    STORY_END,
    f"4 Responses to “{HEAD}”",
    "Maria Lopez on",
    "June 4, 2021 8:12 am",
    "Great to hear the bridge is finally open again.",
    "Tom Berg on",
    "June 5, 2021 9:40 pm",
    "Hi Maria,",
    "I drove across it this morning, no queues at all!",
    "Ana Silva on",
    "June 6, 2021 1:05 pm",
    "Two lanes is still not enough for the summer.",
    "Lee Chan on",
    "June 7, 2021 6:15 pm",
    "The new lights on the deck look good at night.",
]


@pytest.mark.parametrize(
    ("lines", "expected", "rule", "reason"),
    [
        (THREAD, "2021-06-04", "earliest comment date", "a reader comment's stamp is no header date line"),
        (
            [*THREAD[:2], "June 1, 2021", *THREAD[2:]],
            "2021-06-01",
            "header date line",
            "the story's own date line, above the thread, still dates it",
        ),
        (
            [THREAD[0], HEAD, STORY, "June 1, 2021", STORY_END, *THREAD[4:8]],
            "2021-06-01",
            "header date line",
            "a date line under the lead, with one comment below it, is no thread (THREAD_RUN)",
        ),
    ],
)
def test_comment_stamps_are_no_header_date_lines(
    lines: list[str], expected: str | None, rule: str | None, reason: str
) -> None:
    out = run("\n".join(lines))
    got = out.get("published")
    assert (iso(got) if got is not None else None) == expected, reason
    decision = published_decision(out)
    assert (decision["rule"] if decision else None) == rule, reason


@pytest.mark.parametrize(
    ("lines", "expected", "aside", "reason"),
    [
        (
            [f"{HEAD} - The Daily", HEAD, "By Jane Doe, March 5, 2024", "Updated March 6, 2024", STORY],
            "2024-03-05",
            [("2024-03-06", "updated", "updated_after_publication")],
            "the byline's day is the original publication; the update under it is set aside",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "By Jane Doe | March 5, 2024", "Updated", "March 6, 2024", STORY],
            "2024-03-05",
            [("2024-03-06", "updated", "updated_after_publication")],
            "an update label on the line above its date",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "By Jane Doe, March 7, 2024", "Updated March 6, 2024", STORY],
            "2024-03-06",
            None,
            "a later unlabelled day is no original of the update (control)",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "Updated: March 6, 2024", STORY],
            "2024-03-06",
            None,
            "an update alone still dates the page (control)",
        ),
        (
            [
                f"{HEAD} - The Daily",
                HEAD,
                "Updated: March 6, 2024",
                STORY,
                *["Menu"] * UPDATE_PAIR_LINES,
                "March 1, 2024",
            ],
            "2024-03-06",
            None,
            "an earlier date further down is no original of the update (control)",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "Updated 3/5/2024 3:00:29 PM", "2024-03-05T19:00:29", STORY],
            "2024-03-05",
            None,
            "the same instant printed again in another zone is no earlier original (control)",
        ),
        (
            [f"{HEAD} - The Daily", HEAD, "March 5, 2024", "Updated March 6, 2024", STORY],
            "2024-03-05",
            None,
            "the original already ranks first: nothing set aside (control)",
        ),
        (
            [*THREAD[:2], "June 1, 2021", *THREAD[2:]],
            "2021-06-01",
            None,
            "comment stamps ranked below the story's date line are not listed (control)",
        ),
        (
            [THREAD[0], HEAD, "Menu", "Menu", "June 1, 2021", *["Menu"] * 5, STORY, *THREAD[5:]],
            "2021-06-01",
            [("2021-06-04", "mentioned", "comment_stamp")],
            "the first comment's stamp, nearer the story start, is set aside for the story's date line",
        ),
    ],
)
def test_original_publication_over_an_update(
    lines: list[str], expected: str, aside: list[tuple[str, str, str]] | None, reason: str
) -> None:
    out = run("\n".join(lines))
    got = out.get("published")
    assert got is not None and iso(got)[:10] == expected, reason
    decision = published_decision(out)
    assert decision is not None and decision["rule"] == "header date line", reason
    records = decision.get("set_aside")
    listed = [(r["value"][:10], r["kind"], r["reason"]) for r in records] if records else None  # type: ignore[attr-defined]
    assert listed == aside, reason


def test_a_date_printed_across_lines_is_one_date_line() -> None:
    text = "\n".join([f"{HEAD} - The Daily", HEAD, "Sep", "26", "2012", STORY])
    out = run(text)
    assert out.get("published") == date(2012, 9, 26)
    assert out.text == "\n".join([f"{HEAD} - The Daily", HEAD, STORY])
    assert [e.before.strip() for e in out.edits if e.reason == "date_line"] == ["Sep", "26", "2012"]
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


def test_bounds_leave_clean_text_alone() -> None:
    text = f"{HEAD}\n{STORY}\nIt was the first time since 2019 that the bridge carried cars.\n{STORY}"
    out = run(text)
    assert out.text == text and out.get("published") is None and published_decision(out) is None


def test_url_date_is_a_fallback() -> None:
    doc = run(f"{HEAD} - The Daily\n{STORY}", url="https://example.com/2024/03/05/bridge")
    assert doc.get("published") == date(2024, 3, 5)
    decision = published_decision(doc)
    assert decision is not None
    assert (decision["value"], decision["source"], decision["rule"]) == (
        "2024-03-05",
        "url:https://example.com/2024/03/05/bridge",
        "url date",
    )


def test_existing_published_is_kept() -> None:
    doc = Document.from_text(f"{HEAD}\nMarch 5, 2024\n{STORY}").with_fields(published=date(2024, 1, 1))
    out = normalize_dates(doc)
    assert out.get("published") == date(2024, 1, 1)
    assert published_decision(out) is None


def test_language_orders_numeric_dates() -> None:
    en = Document.from_text(f"{HEAD}\n03/05/2024\n{STORY}").with_fields(language="en")
    fr = Document.from_text(f"{HEAD}\n03/05/2024\n{STORY}").with_fields(language="fr")
    assert normalize_dates(en).get("published") == date(2024, 3, 5)
    assert normalize_dates(fr).get("published") == date(2024, 5, 3)
    assert any("ambiguous" in w for w in normalize_dates(fr).warnings)


def test_document_vote_orders_numeric_dates() -> None:
    text = f"{HEAD}\n03/05/2024\n{STORY}\nRelated\n25/04/2024\n28/04/2024"
    doc = Document.from_text(text).with_fields(language="en")
    assert normalize_dates(doc).get("published") == date(2024, 5, 3)


def test_source_keeps_original_digits() -> None:
    doc = run(f"{HEAD}\nالاحد ١٢ / ٠٤ / ٢٠٢٠\n{STORY}")
    (cand,) = doc.get("dates")
    assert cand.value == "2020-04-12" and "١٢" in cand.source


# ---------------------------------------------------------------------------
# Clean controls: text the stage must leave alone
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 1998 and went public in 2004.\nIt grew fast after 2010, the report said.",
        "May I ask a question?\nMarch on, they said, and the crowd did.",
        "Prices rose to $20.24 a share.\nVersion v2.10.3 fixes the bug; call 555-2020-1234.",
        "The match ended 3-1 after extra time.\nThe 2020 season was cancelled.",
        "In February 2022 the plan changed.\nSince 2019 the bridge has been closed.",
        "Top 30 Under 30 2020\nWindows 10 2004 update\nEleições 2020",
        "A plain paragraph with no digits at all.",
    ],
)
def test_clean_controls(text: str) -> None:
    doc = run(text)
    assert doc.text == text
    assert doc.get("published") is None
    assert not [e for e in doc.edits if e.reason == "date_line"]


def test_no_dates_no_fields() -> None:
    doc = run("Nothing to see here.\nJust words.")
    assert doc.get("dates") is None and doc.get("published") is None
    assert doc.edits == ()


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "Date:2025-04-08 08:47:16",
            "2023-09-15 13:05:45",
            "1694783489",
            "Stand: 05.03.2024, 15:41 Uhr",
            "2 hours ago",
            "March 5, 2024",
            "May I",
            "v2.10.3",
            "$20.24",
            STORY,
            HEAD,
        ]
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=10).map("\n".join))
def test_never_raises_replays_and_is_idempotent(text: str) -> None:
    doc = normalize_dates(Document.from_text(text))
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    again = normalize_dates(doc)
    assert again.text == doc.text
    assert again.get("published") == doc.get("published")


def test_captured_at_anchor_is_timezone_preserving() -> None:
    captured = datetime(2024, 3, 5, 15, 0, tzinfo=timezone(timedelta(hours=1)))
    doc = run(f"{HEAD}\n30 minutes ago\n{STORY}", captured_at=captured)
    (cand,) = doc.get("dates")
    assert cand.value == "2024-03-05T14:30:00+01:00"


# ---------------------------------------------------------------------------
# Two-digit years, copyright years, the updated date, extreme capture times
# ---------------------------------------------------------------------------
CAPTURED = datetime(2026, 11, 30, 12, 0)
HEAD = "Harbour opens new ferry terminal on the east bank"
STORY = (
    "The harbour authority opened the new ferry terminal on the east bank after two years of "
    "building work, and officials said it would carry four thousand passengers a day."
)


def test_copyright_line_is_a_year_candidate_not_published() -> None:
    doc = run(f"{HEAD}\n{STORY}\n© 2015–2021 Coast Courier Ltd. All rights reserved.", captured_at=CAPTURED)
    assert doc.get("published") is None
    cands = [c for c in doc.get("dates") if c.kind == "copyright"]
    assert [(c.value, c.precision, c.origin) for c in cands] == [("2021", "year", "copyright")]


def test_text_updated_beside_published() -> None:
    doc = run(f"{HEAD}\nPublished: 14 June 2021\nUpdated: 16 June 2021 10:30\n{STORY}", captured_at=CAPTURED)
    assert doc.get("published") == date(2021, 6, 14)
    assert doc.get("updated") == datetime(2021, 6, 16, 10, 30)


def test_text_only_updated_sets_both() -> None:
    doc = run(f"{HEAD}\nLast updated: 16 June 2021\n{STORY}", captured_at=CAPTURED)
    assert doc.get("updated") == date(2021, 6, 16)
    assert doc.get("published") == date(2021, 6, 16)


def test_no_updated_field_without_an_update_date() -> None:
    doc = run(f"{HEAD}\nPublished: 14 June 2021\n{STORY}", captured_at=CAPTURED)
    assert doc.get("published") == date(2021, 6, 14)
    assert doc.get("updated") is None


@pytest.mark.parametrize(
    ("text", "captured"),
    [
        ("Ayer", datetime(1, 1, 1)),
        ("October9 2018", datetime(9999, 12, 31, 23, 59)),
        ("Posted 5/5/20", datetime(1, 1, 1)),
        ("3 weeks ago", datetime(1, 1, 3)),
        ("100 years ago", datetime(50, 1, 1)),
        ("Published 1.1.99", datetime(9999, 12, 31)),
    ],
)
def test_extreme_capture_times_never_overflow(text: str, captured: datetime) -> None:
    import newsclean

    article = newsclean.clean(text, captured_at=captured)
    assert article.published is None or article.published.year >= 1995
