"""Tests of ``newsclean.stages._byline``: names next to a labelled date, names an author box confirms.

All text below was written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.document import Document, replay
from newsclean.stages._byline import (
    _agency_credit,
    _read_byline,
    _read_unlabelled_rule,
    _unlabelled_rule,
    agency_credit,
    agency_line,
    parse_byline,
    read_byline,
)
from newsclean.stages._header import _vocab
from newsclean.stages.metadata import extract_metadata


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe Published Nov 19, 2019", ["Jane Doe"]),
        ("Por Pedro Gil Navarro Publicado Jul 23, 2020", ["Pedro Gil Navarro"]),
        ("Von Max Muster Aktualisiert am 3. Mai 2020", ["Max Muster"]),
        ("By Jane Doe Friday, November 19, 2019", ["Jane Doe"]),
    ],
)
def test_the_label_of_a_following_date_is_no_part_of_the_name(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # controls: names read as before, with a particle or with no date after them
        ("By Ana de Vega Nov 19, 2019", ["Ana de Vega"]),
        ("Posted by Jane Doe on November 19, 2019", ["Jane Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Por Ana Lucía Fernández", ["Ana Lucía Fernández"]),
        ("By Jane Doe | Updated", ["Jane Doe"]),
    ],
)
def test_names_without_a_date_label_are_left_whole(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


# -- a name line that the story's author box names -------------------------------------
PARA = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted "
    "most of the afternoon, officials said."
)
PARA2 = (
    "Farmers in the valley had asked for the plan for years, and several of them travelled to "
    "the capital to watch the vote from the public gallery."
)


def byline_rules(out: Document) -> tuple[str, ...]:
    """The rules of the page's byline decision (the test fails if there is none)."""
    decision = next(d for d in out.decisions if d.reason == "byline")
    return tuple(decision.data["rules"])


def _run(text: str) -> Document:
    out = extract_metadata(Document.from_text(text))
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    return out


def test_a_name_line_above_the_headline_is_the_byline_when_an_author_box_names_it() -> None:
    page = (
        "Water plan approved - The Valley Post\n"
        "Politics\nBusiness\nCulture\n"
        "Ann Whitcombe\n"
        "Politics\n"
        "Water plan approved\n"
        f"{PARA}\n{PARA2}\n"
        "Ann Whitcombe (@annwhit) is a staff writer at The Valley Post covering local politics.\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("name_with_bio",)
    assert "Ann Whitcombe\nPolitics" not in out.text  # the name line left the header


@pytest.mark.parametrize(
    ("header_line", "story_line", "why"),
    [
        (
            "Port Elling",
            "Port Elling is burning. The authorities keep pouring fuel on the fire.",
            "no trade word",
        ),
        (
            "Valley League",
            "Valley League is 'far from a plan to end the season early', says the club's chief executive.",
            "the trade word is too far from the copula",
        ),
        ("Ann Whitcombe", "Ann Whitcombes is a staff writer at the paper.", "another name"),
        ("Ann Whitcombe", "Ann Whitcombe said the plan was a staff decision.", "no copula"),
    ],
)
def test_other_sentences_opening_with_a_header_line_make_no_byline(
    header_line: str, story_line: str, why: str
) -> None:
    page = f"Water plan approved - The Valley Post\n{header_line}\nWater plan approved\n{PARA}\n{PARA2}\n{story_line}\n"
    assert _run(page).get("authors") is None, why


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("Max Muster", "Max Muster ist Redakteur im Ressort Wirtschaft.", True),
        ("Marie Dupont", "Marie Dupont est journaliste au service politique.", True),
        ("Jane Doe", "Jane Doe, @janedoe, was the paper's chief correspondent in Rome.", True),
        (
            "Jane Doe",
            "Jane Doe is a former mayor of the town who has written about the floods for years.",
            False,
        ),
    ],
)
def test_author_box_sentences(name: str, line: str, expected: bool) -> None:
    page = f"Water plan approved - The Valley Post\n{name}\nPolitics\nWater plan approved\n{PARA}\n{PARA2}\n{line}\n"
    assert _run(page).get("authors") == ([name] if expected else None)


# -- double surnames joined by a particle ------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Por Rui Costa e Lima", ["Rui Costa e Lima"]),
        ("Por Juan Pérez y García", ["Juan Pérez y García"]),
        # controls: a connector between two full names still splits them
        ("Por Ana Gil y Juan Roe", ["Ana Gil", "Juan Roe"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("Von Max Muster und Erika Musterfrau", ["Max Muster", "Erika Musterfrau"]),
    ],
)
def test_a_particle_before_one_word_joins_a_double_surname(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


# -- a header row above the headline: date, name, counter --------------------------------
def test_a_name_after_a_date_line_above_the_headline_copy_is_the_byline() -> None:
    page = (
        "Water plan approved - The Valley Post\n"
        "Politics\nBusiness\nCulture\n"
        "19.10.2020 09:34\n"
        "• Ann Whitcombe\n"
        "• 3375\n"
        "Water plan approved\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("name_above_headline",)
    assert "Ann Whitcombe" not in out.text


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("19.10.2020 09:34\nDIY Wedding\n", "a rubric: its last word is a common English word"),
        ("Politics\nAnn Whitcombe\n", "no date line above the name"),
        ("19.10.2020 09:34\nAnn Whitcombe\nMore stories\nFrom the region\n", "too far above the headline"),
    ],
)
def test_other_lines_above_the_headline_are_no_byline(row: str, why: str) -> None:
    page = f"Water plan approved - The Valley Post\nPolitics\nBusiness\n{row}Water plan approved\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None, why
    assert row.strip().split("\n")[1] in out.text or "Ann" not in row


# -- a name line between a headline-shaped line and the date over the story ---------------
NOTICES = (
    "Please be polite in the comments below and keep to the subject of the story, or we will remove them.\n"
    "You will need to register before you add a comment to this story or reply to another reader here.\n"
)


def test_a_name_over_the_date_and_the_story_is_the_byline() -> None:
    page = (
        "Water plan approved - The Valley Post\n"
        f"{NOTICES}"
        "Farmers win a long fight over the valley's water\n"
        "Ann Whitcombe, The Hill Courier\n"
        "Published 7:40 p.m. March 17, 2020\n"
        "SHARE\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("name_over_story",)
    assert "Ann Whitcombe" not in out.text


@pytest.mark.parametrize(
    ("block", "why"),
    [
        (
            "Boys swim results\nAnn Whitcombe Northfield\nTom Roe Westfield Diving\nJim Haverly Eastfield\n"
            "Posted: Fri 6:45 PM, Feb 16, 2018\n",
            "a list of names, one a line: the line above is no headline",
        ),
        (
            "Farmers win a long fight over the valley's water\nFoto. Archivo\n"
            "El 31 de marzo el consejo aprobó el plan del agua después de un largo debate, dijeron los funcionarios.\n",
            "a caption over a story that opens with a date: no date line under it",
        ),
        (
            "Farmers win a long fight over the valley's water\nAnn Whitcombe, The Hill Courier\nSHARE\n",
            "no date line under the name",
        ),
        (
            "Farmers win a long fight over the valley's water\nStock Market Today\nMarch 17, 2020\n",
            "common words only: no surname",
        ),
    ],
)
def test_other_lines_over_the_story_are_no_byline(block: str, why: str) -> None:
    page = f"Water plan approved - The Valley Post\n{NOTICES}{block}{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None, why


def test_a_story_without_a_byline_is_left_alone() -> None:
    # clean control: headline, date and story, no name line
    page = f"Farmers win a long fight over the valley's water\nMarch 17, 2020\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None
    assert PARA in out.text and PARA2 in out.text


# -- a name line just above the story's dateline paragraph --------------------------------
DATELINE_PARA = (
    "WEST FIELD, Ore. – Emergency managers ran a drill on Tuesday, officials said after the long meeting."
)


def test_a_name_over_the_dateline_paragraph_is_the_byline() -> None:
    page = (
        "Water plan approved - The Valley Post\n"
        f"{NOTICES}"
        "Farmers win a long fight over the valley's water\n"
        "Ann Whitcombe and Tom Roebuck\n"
        "Valley Network\n"
        f"{DATELINE_PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Whitcombe", "Tom Roebuck"]
    assert byline_rules(out) == ("name_over_dateline",)


@pytest.mark.parametrize(
    ("block", "why"),
    [
        ("{HEAD}\nAnn Whitcombe and Tom Roebuck\nValley Network\n{PARA}\n", "no dateline opens the story"),
        ("{HEAD}\nNEWS\nAnn Whitcombe\n{DATELINE_PARA}\n", "a section word over the name, not a headline"),
    ],
)
def test_other_lines_over_the_dateline_are_no_byline(block: str, why: str) -> None:
    block = block.format(
        HEAD="Farmers win a long fight over the valley's water", PARA=PARA, DATELINE_PARA=DATELINE_PARA
    )
    page = f"Water plan approved - The Valley Post\n{NOTICES}{block}{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None, why


# -- a byline with a label and a colon at the end of the story ---------------------------
# a story longer than the opening lines where a labelled byline is read anyway
STORY = "\n".join([PARA, PARA2] * 4)


@pytest.mark.parametrize(
    ("signature", "names"),
    [
        ("Автор:\nІван Петренко\n", ["Іван Петренко"]),
        ("Autor: Jan Nowak\n", ["Jan Nowak"]),
        ("Par : Jeanne Roux |\n", ["Jeanne Roux"]),
        ("Author: Ann Whitcombe\nTags\n", ["Ann Whitcombe"]),
    ],
)
def test_a_signature_with_a_colon_label_where_the_story_ends_is_the_byline(
    signature: str, names: list[str]
) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{STORY}\n{signature}"
    out = _run(page)
    assert out.get("authors") == names
    assert byline_rules(out) == ("label_in_story",)
    assert names[0] not in out.text
    assert PARA in out.text and PARA2 in out.text


@pytest.mark.parametrize(
    ("tail", "why"),
    [
        ("Posted by:\nJane Doe |\nHi, great post.\nPosted by:\nJohn Roe |\n", "comments: two signed lines"),
        ("Title: The Long River\nAuthor: Jane Doe\nPublisher: Valley Books\n", "a book record"),
        ("By the end of the year the plan should be finished.\n", "no colon after the label"),
        ("Author: unknown, the letter says.\n", "no name after the label"),
    ],
)
def test_other_labelled_lines_in_the_story_are_left_alone(tail: str, why: str) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{STORY}\n{tail}"
    out = _run(page)
    assert out.get("authors") is None, why
    for line in tail.strip().split("\n"):
        assert line in out.text, why


# -- interface labels shaped like names --------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane RoeEmail Author", ["Jane Roe"]),
        # controls: capitals inside a name are no glued label
        ("By Ann McDonald", ["Ann McDonald"]),
        ("By Kate MacKenzie", ["Kate MacKenzie"]),
        ("By Lucy FitzGerald", ["Lucy FitzGerald"]),
    ],
)
def test_an_interface_label_glued_to_a_name_is_cut(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["Text Size", "Open Menu", "Skip Navigation", "Top Searches"])
def test_an_interface_label_under_the_headline_is_no_name(line: str) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None
    assert line in out.text.split("\n")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tomas De Arcos", ["Tomas De Arcos"]),  # 'de' is also a date word ('5 de mayo')
        ("Ana de Vega", ["Ana de Vega"]),
        ("Tomas De ArcosView More Articles", ["Tomas De Arcos"]),
    ],
)
def test_a_bare_name_with_a_particle_under_the_headline(line: str, names: list[str]) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") == names
    assert line not in out.text


def test_a_date_line_under_the_headline_is_still_no_name() -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\nPublished Wed, Nov 20 2019\n{PARA}\n"
    assert _run(page).get("authors") is None


def test_every_byline_label_fits_before_the_colon_reach() -> None:
    from newsclean.stages import _byline_far

    assert max(map(len, _byline_far._label_words())) < _byline_far._LABEL_REACH


# -- a name line that ends with the page's own site name --------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ann Whitcombe | The Valley Post", ["Ann Whitcombe"]),
        ("Ann Whitcombe, The Valley Post", ["Ann Whitcombe"]),
        ("By Ann Whitcombe - The Valley Post", ["Ann Whitcombe"]),
        ("Ann Whitcombe and Tom Roe | The Valley Post", ["Ann Whitcombe", "Tom Roe"]),
    ],
)
def test_names_followed_by_the_site_name_are_the_byline(line: str, names: list[str]) -> None:
    # a caption sentence opens the prose run; the byline comes under it
    page = (
        "Water plan approved - The Valley Post\nWater plan approved\n"
        "Farmers watch the vote from the public gallery of the council chamber on Tuesday.\n"
        f"{line}\n{PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == names
    assert byline_rules(out) in (("name_with_site",), ("label",))
    assert line not in out.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Ann Whitcombe | The Valley Times", "another outlet than the page's"),
        ("Water rates rise again | The Valley Post", "a headline, not names"),
        ("Photo: Ann Whitcombe | The Valley Post", "a photo credit"),
        ("Read more | The Valley Post", "an interface string"),
    ],
)
def test_other_lines_ending_with_an_outlet_are_no_byline(line: str, why: str) -> None:
    page = (
        "Water plan approved - The Valley Post\nWater plan approved\n"
        "Farmers watch the vote from the public gallery of the council chamber on Tuesday.\n"
        f"{line}\n{PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") is None, why
    assert line in out.text.split("\n"), why


# -- agencies, roles and outlets printed with the names -----------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee and Tom Roebuck Reuters", ["Ann Lee", "Tom Roebuck"]),  # an agency glued after a name
        ("By Ann Lee Associated Press", ["Ann Lee"]),
        ("By Ann Lee, Valley Editor-at-large", ["Ann Lee"]),  # a hyphenated role
        ("By Valley's Ann Lee and Tom Roebuck", ["Ann Lee", "Tom Roebuck"]),  # an outlet's possessive
        # controls: a one-word name before an agency word stays whole; names with apostrophes stay
        ("By Jane Reuters", ["Jane Reuters"]),
        ("By Dan O'Sullivan", ["Dan O'Sullivan"]),
        ("By Ann Lee and Tom Roe, Reuters", ["Ann Lee", "Tom Roe"]),
    ],
)
def test_agencies_roles_and_outlets_are_no_names(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


def test_a_possessive_is_no_name() -> None:
    assert parse_byline("Ann Lee's Most Recent Stories", labelled=False) is None


# -- a byline label after the date fields of a header line -------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Publish Date:Sat, 28 Nov 2020 01:34 PM (IST)Author: Jane Roe", ["Jane Roe"]),
        ("Posted: Nov 28, 2020 10:00 AM | By Jane Roe", ["Jane Roe"]),
        ("Monday November 18, 2019 7:45 am by Jo Roe", ["Jo Roe"]),
        # a numeric date opens the line
        ("11.05.12 Written by Jo Roe", ["Jo Roe"]),
        ("2020-02-20 | By Jo Roe", ["Jo Roe"]),
        ("05/10/2018 - Publicado por: Ana Lima - Categoria: Saúde", ["Ana Lima"]),
    ],
)
def test_a_byline_label_after_labelled_date_fields(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Deadline: Nov 28, 2020",
        "Published: Nov 28, 2020 (updated)Stand by me",
        "Date: 5 March 2020 by the river",
        "Updated: Nov 28, 2020 10:00 AM",
        "11.05.12 by the river",
        "3.14 by Jo Roe",  # a number, not a date
        "2020-02-20 Stand by me",
    ],
)
def test_date_fields_without_a_byline_label_give_no_names(line: str) -> None:
    assert parse_byline(line) is None


def test_a_photo_credit_with_the_site_name_after_a_byline_is_left_alone() -> None:
    page = (
        "Water plan approved - The Valley Post\nWater plan approved\nBy Ann Whitcombe\n"
        f"{PARA}\nTom Roe/The Valley Post\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Whitcombe"]
    assert "Tom Roe/The Valley Post" in out.text.split("\n")


# -- names in a script without capitals, in a name-place-date row ----------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("अनीता वर्मा / पुणे September 29, 2020", ["अनीता वर्मा"]),
        ("सुनील कुमार / नई दिल्ली 14 February 2020", ["सुनील कुमार"]),
        ("Jane Doe / Mumbai September 29, 2020", ["Jane Doe"]),  # control: as before
    ],
)
def test_a_name_place_date_row_under_the_headline_names_the_author(line: str, names: list[str]) -> None:
    page = f"सेबी ने नियम बदले - घाटी समाचार\nसेबी ने नियम बदले\n{line}\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") == names
    assert line not in out.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("अनीता वर्मा", "no date after a field break"),
        ("सुनील कुमार / नई दिल्ली", "no date either"),
        ("जनवरी में लगातार निर्यात गिरा / September 29, 2020", "four words: a deck, not a name"),
    ],
)
def test_other_uncased_lines_under_the_headline_are_no_name(line: str, why: str) -> None:
    page = f"सेबी ने नियम बदले - घाटी समाचार\nसेबी ने नियम बदले\n{line}\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") is None, why


# -- a wire service credited alone where the byline goes ---------------------------
_WIRE_STORY = (
    "The city council approved the new housing plan on Tuesday after a debate that lasted most of the year.\n"
    "Opponents said the plan would raise rents in the older districts, and they promised to appeal.\n"
)


@pytest.mark.parametrize(
    ("line", "dated", "agency"),
    [
        ("The Associated Press", True, ["The Associated Press"]),
        ("PTI", True, ["PTI"]),
        ("Reuters, New Delhi,", True, ["Reuters"]),
        ("Reuters November 18, 2019 11:03 PM", False, ["Reuters"]),
        ("dpa | 03.05.2020", False, ["dpa"]),
        # no date beside it: a photo credit has the same shape
        ("REUTERS", False, None),
        # not an agency alone: a caption, a name, a sentence, a long place
        ("Reuters file photo of the harbour", True, None),
        ("Jane Doe", True, None),
        ("Reuters, said the minister on Monday", True, None),
        ("AFP, Paris, France, Europe", True, None),
        ("", True, None),
    ],
)
def test_an_agency_line_credits_the_wire_service(line: str, dated: bool, agency: list[str] | None) -> None:
    assert agency_line(line, _vocab(), dated=dated) == agency


def test_an_agency_line_under_the_headline_is_recorded_and_left_in_the_text() -> None:
    text = "Council approves the housing plan\nThe Associated Press\nPublished Nov 19, 2019\n" + _WIRE_STORY
    out = _run(text)
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert decision.data["agencies"] == ("The Associated Press",)
    assert byline_rules(out) == ("agency_line",)
    assert out.get("authors") is None
    assert "The Associated Press\n" in out.text
    assert all(e.reason != "byline" for e in out.edits)


@pytest.mark.parametrize(
    "header",
    [
        "The Associated Press\nPublished\nTuesday, November 19, 2019, 11:26 pm\n",
        "The Associated Press\nMonday\nNov 23, 2020 at 5:02 AM\n",
    ],
)
def test_an_agency_line_over_a_date_label_and_its_date_is_recorded(header: str) -> None:
    out = _run("Council approves the housing plan\n" + header + _WIRE_STORY)
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert decision.data["agencies"] == ("The Associated Press",)


def test_the_agency_line_beside_a_date_the_date_stage_took_out_is_recorded() -> None:
    import newsclean

    text = "Council approves the housing plan\nThe Associated Press\nPublished\nNov 19, 2019\n" + _WIRE_STORY
    article = newsclean.clean(text)
    decision = next(d for d in article.decisions if d.reason == "byline")
    assert decision.data["agencies"] == ("The Associated Press",)
    assert not [e for e in article.edits if e.stage == "extract_metadata" and "Associated" in e.before]


def test_an_agency_line_beside_a_person_byline_is_added_to_its_decision() -> None:
    text = "Council approves the housing plan\nBy Jane Doe\nReuters\nNov 19, 2019\n" + _WIRE_STORY
    out = _run(text)
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert out.get("authors") == ["Jane Doe"]
    assert decision.data["agencies"] == ("Reuters",)
    assert byline_rules(out) == ("label", "agency_line")


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("Council approves the housing plan\nBy\nREUTERS\nNov 19, 2019\n", ("REUTERS",)),
        ("Council approves the housing plan\nBy Reuters\nNov 19, 2019\n", ("Reuters",)),
        ("Council approves the housing plan\nVon dpa\n", ("dpa",)),
    ],
)
def test_the_agency_of_a_labelled_byline_is_recorded(text: str, agencies: tuple[str, ...]) -> None:
    out = _run(text + _WIRE_STORY)
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert decision.data["agencies"] == agencies


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Council approves the housing plan\nREUTERS\n" + _WIRE_STORY, "a credit with no date beside it"),
        ("Council approves the housing plan\nPublished Nov 19, 2019\n" + _WIRE_STORY, "a date line alone"),
        (
            "Council approves the housing plan\nREUTERS\nPublished\n" + _WIRE_STORY,
            "a date label with no date",
        ),
        (_WIRE_STORY, "clean text"),
    ],
)
def test_agency_line_clean_controls(text: str, why: str) -> None:
    out = _run(text)
    assert all(d.reason != "byline" for d in out.decisions), why
    assert all(e.reason != "byline" for e in out.edits), why


# -- a bare name line under the text's first line ------------------------------------
_NAV = "\n".join(["Politics", "Business", "Culture", "Sport", "Weather", "Opinion", "Video"])


def test_a_name_shaped_line_under_a_capture_title_and_over_its_navigation_is_no_byline() -> None:
    # a capture opens with the page <title>, then its navigation bar, far from the story
    out = _run("Council approves the housing plan | The Courier\nPolicy Guide\n" + _NAV + "\n" + _WIRE_STORY)
    assert out.get("authors") is None
    assert all(d.reason != "byline" for d in out.decisions)


@pytest.mark.parametrize(
    "header",
    [
        "Council approves the housing plan\nJane Doe\n",
        "Council approves the housing plan\nJane Doe\nNov 19, 2019\n",
        "Council approves the housing plan\nJane Doe\nThe Courier\nPhoto: the council chamber\n",
    ],
)
def test_a_name_line_under_the_first_line_of_an_article_is_still_the_byline(header: str) -> None:
    out = _run(header + _WIRE_STORY)
    assert out.get("authors") == ["Jane Doe"]


def test_a_photo_caption_over_the_byline_is_no_headline() -> None:
    text = (
        "Council approves the housing plan | The Courier\n"
        + _NAV
        + "\nA guard checks cars outside the council hall in May. (Sam Poe for The Courier)\n"
        + "By Jane Doe\n"
        + _WIRE_STORY
    )
    out = _run(text)
    assert out.get("authors") == ["Jane Doe"]
    assert out.get("title") == "Council approves the housing plan"


# -- names and the date in one row under the headline ----------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ann Whitcombe | November 18, 2019", ["Ann Whitcombe"]),
        ("Ann Whitcombe • Nov 18, 2019 • 3 min read", ["Ann Whitcombe"]),
        ("Ann Whitcombe on November 18, 2019", ["Ann Whitcombe"]),
        ("Ann Whitcombe and Tom Roe | Nov 18, 2019", ["Ann Whitcombe", "Tom Roe"]),
        ("ANN WHITCOMBE - November 18, 2019", ["Ann Whitcombe"]),
    ],
)
def test_a_name_date_row_under_the_headline_names_the_author(line: str, names: list[str]) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") == names
    assert line not in out.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("City Hall | November 18, 2019", "every word a common English word: a section and its date"),
        ("Monday | November 18, 2019", "a weekday"),
        ("Published | November 18, 2019", "a date label"),
        (
            "Ann Whitcombe said on November 18, 2019 that the plan would pass.",
            "a sentence opening with a name",
        ),
        ("November 18, 2019", "a date alone"),
    ],
)
def test_other_date_rows_under_the_headline_are_no_name(line: str, why: str) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    assert _run(page).get("authors") is None, why


# -- an e-mail address glued to the name -------------------------------------------------
@pytest.mark.parametrize(
    ("line", "labelled", "names"),
    [
        ("Ann Whitcombeawhitcombe@valleypost.example", False, ["Ann Whitcombe"]),
        ("Ann Whitcombeannw@valleypost.example", False, ["Ann Whitcombe"]),
        ("By Tom Roetom.roe@valleypost.example", True, ["Tom Roe"]),
        # an address not built from the name: no name rather than "Ann Whitcombexyz"
        ("Ann Whitcombexyz@valleypost.example", False, None),
        # controls: an address of its own after a blank, and no name at all
        ("Ann Whitcombe awhitcombe@valleypost.example", False, ["Ann Whitcombe"]),
        ("Write to news@valleypost.example", False, None),
    ],
)
def test_an_e_mail_address_glued_to_the_name_is_cut_off(
    line: str, labelled: bool, names: list[str] | None
) -> None:
    assert parse_byline(line, labelled=labelled) == names


# -- a time after the names; the "written by" phrases of other languages ------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted by Jane Doe at 5:21 PM", ["Jane Doe"]),
        ("Publié par Jean Dupont à 10h00", ["Jean Dupont"]),
        ("Geschrieben von Max Muster um 14:30 Uhr", ["Max Muster"]),
        ("Escrito por Ana Gil", ["Ana Gil"]),
        ("Scritto da Mario Rossi", ["Mario Rossi"]),
        ("Geschreven door Jan de Vries", ["Jan de Vries"]),
        # controls: the same labels opening a sentence
        ("Publicado por la agencia estatal el lunes", None),
        ("Publié par le gouvernement lundi", None),
        ("By 5:30 PM the square was full", None),
    ],
)
def test_names_end_before_a_time_and_written_by_reads_in_other_languages(
    line: str, names: list[str] | None
) -> None:
    assert parse_byline(line) == names


# -- a byline printed with its date where the story ends ----------------------------------
_LONG_STORY = "\n".join([PARA, PARA2] * 5) + "\n"
_STORY_HEAD = "Water plan approved - The Valley Post\nHome\nPolitics\nWater plan approved\n"


@pytest.mark.parametrize(
    "end",
    [
        "Posted by Ann Whitcombe at 5:21 PM\nLabels: water, council\n",
        "Published Tuesday, November 06, 2012 12:21 PM by Ann Whitcombe\nFiled under: Politics\n",
        "Published Tuesday, November 06, 2012 12:21 PM\nby\nAnn Whitcombe\nFiled under: Politics\n",
        "Posted on November 6, 2012 by Ann Whitcombe\n",
    ],
)
def test_a_dated_signature_after_the_story_is_the_byline(end: str) -> None:
    out = _run(_STORY_HEAD + _LONG_STORY + end)
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("dated_in_story",)
    assert "Ann Whitcombe" not in out.text


@pytest.mark.parametrize(
    ("end", "why"),
    [
        (
            "Posted by Ann Whitcombe at 5:21 PM\nGreat post!\nPosted by Tom Roe at 6:02 PM\n",
            "two signatures: comments",
        ),
        ("Posted by annw78 at 5:21 PM\n", "a one-word user name"),
        ("By 5:30 PM on Monday, the square was full of people waiting for the vote.\n", "a sentence"),
        ("Published November 6, 2012\n", "a date alone"),
        ("", "no signature at all"),
    ],
)
def test_other_dated_lines_after_the_story_are_no_byline(end: str, why: str) -> None:
    out = _run(_STORY_HEAD + _LONG_STORY + end)
    assert out.get("authors") is None, why
    assert out.text.endswith(end), why


# -- title-cased phrases and wrapped sentences are no names ---------------------------------
@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Holiday Gift Guide", "three common words"),
        ("Get A Free Price Quote", "five common words, a one-letter word without its full stop"),
        ("Become A Member", "an invitation"),
        ("Women. Sharing. Ideas", "a sentence ends inside"),
    ],
)
def test_a_title_cased_phrase_under_the_headline_is_no_name(line: str, why: str) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    assert _run(page).get("authors") is None, why


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # controls: names of three words with a rare word, an initial or a particle stay names
        ("Ann Marie Whitcombe", ["Ann Marie Whitcombe"]),
        ("Mark T. Hall", ["Mark T. Hall"]),
        ("Jan van der Berg", ["Jan van der Berg"]),
        ("Jane Doe", ["Jane Doe"]),
    ],
)
def test_names_of_three_words_under_the_headline_are_still_names(line: str, names: list[str]) -> None:
    page = f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n"
    assert _run(page).get("authors") == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("by East Valley. However, for the plan to pass", None),
        ("By J. R. R. Tolkien", ["J. R. R. Tolkien"]),
        ("By Peter Lucan Crane Jr. and Ann Lee", ["Peter Lucan Crane Jr", "Ann Lee"]),
        ("By St. John Whitcombe", ["St. John Whitcombe"]),
    ],
)
def test_a_full_stop_inside_a_name_is_an_initial_or_an_abbreviation(
    line: str, names: list[str] | None
) -> None:
    assert parse_byline(line) == names


# -- a labelled byline with no date under the story; roles and companies are no names -------
def test_a_labelled_byline_under_the_story_is_the_byline() -> None:
    out = _run(_STORY_HEAD + _LONG_STORY + "By Ann Whitcombe\nShare this story\n")
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("label_under_story",)


def test_a_signature_going_on_into_a_sentence_is_read_and_stays_in_the_story() -> None:
    line = "by Ann Whitcombe, who teaches music in a small town"
    out = _run(_STORY_HEAD + _LONG_STORY + line + "\nShare this story\n")
    assert out.get("authors") == ["Ann Whitcombe"]
    assert byline_rules(out) == ("label_under_story",)
    assert line in out.text
    # control: the bare signature leaves the story
    bare = _run(_STORY_HEAD + _LONG_STORY + "By Ann Whitcombe\nShare this story\n")
    assert "By Ann Whitcombe" not in bare.text


@pytest.mark.parametrize(
    ("end", "why"),
    [
        ("By Ann Whitcombe\nGreat piece.\nBy Tom Roe\n", "two signed lines: comments"),
        ("By annw78\n", "a user name"),
        ("By the end of the year, the plan had cost twice as much.\n", "a sentence"),
        ("Published by Valley Post Newspapers Ltd\n", "a company credit"),
    ],
)
def test_other_labelled_lines_under_the_story_are_no_byline(end: str, why: str) -> None:
    assert _run(_STORY_HEAD + _LONG_STORY + end).get("authors") is None, why


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Whitcombe, Product Manager, Valley Maps", ["Ann Whitcombe"]),
        ("Published by Valley Post Newspapers Ltd", None),
        ("By Valley Media SA", None),
        # controls: a surname that is also a legal form when printed in capitals
        ("By Ana Sa", ["Ana Sa"]),
        ("By Ann Whitcombe and Tom Roe", ["Ann Whitcombe", "Tom Roe"]),
    ],
)
def test_a_role_or_a_company_after_the_label_is_no_name(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


# -- a co-author after the first author's role or outlet -----------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "By Ann Whitcombe, Product Manager, Valley Maps and Tom Roe, Product Manager, Valley Search",
            ["Ann Whitcombe", "Tom Roe"],
        ),
        ("By Ann Whitcombe, Staff Writer, and Tom Roe, Reuters", ["Ann Whitcombe", "Tom Roe"]),
        ("Von Max Muster, Korrespondent, und Erika Roe", ["Max Muster", "Erika Roe"]),
        # controls: an outlet after a comma and an agency after "and" are no names
        ("By Ann Whitcombe, Staff Writer, Valley Post", ["Ann Whitcombe"]),
        ("By Ann Whitcombe, Reuters and AP", ["Ann Whitcombe"]),
        ("By Ann Whitcombe, Editor and Publisher", ["Ann Whitcombe"]),
    ],
)
def test_a_co_author_after_a_role_is_read(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Reuters November 18, 2019 11:03 PM",
        "- Reuters",
        "| AP | Washington",
        "The Associated Press",
        "the associated press",
        "PTI, Washington,",
        "Nov 20 2019, 10:18am",
        "Council votes on the plan",
        "Zz Top, Nov 18, 2019",
        "R",
        "AFP/Nov 18, 2019",
        "ap2019-11-18",
        "·Reuters",
        "\tReuters",
    ],
)
@pytest.mark.parametrize("dated", [True, False])
def test_agency_line_head_check_answers_as_the_full_reading(
    line: str, dated: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = agency_line(line, _vocab(), dated=dated)
    letters = "abcdefghijklmnopqrstuvwxyz"
    every = frozenset(a + b for a in letters for b in letters)
    monkeypatch.setattr("newsclean.stages._byline._agency_heads", lambda: every)
    assert agency_line(line, _vocab(), dated=dated) == got


# -- a role glued to the name, agencies signing, names with a role under a deck --------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe Staff Writer", ["Jane Doe"]),
        ("By Ann McRoeReporter", ["Ann McRoe"]),
        ("By Tomas WrenfieldSenior Correspondent", ["Tomas Wrenfield"]),
        ("Von Max Muster Korrespondent", ["Max Muster"]),
        ("Par Jean Dupont Journaliste", ["Jean Dupont"]),
        # controls: a name without a glued role, a desk or outlet alone, a name with a comma
        ("By Jane McDonald", ["Jane McDonald"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Valley Town News", []),
        ("By Jane Doe Staff", []),
        ("By World Affairs Correspondent", []),
        ("By Jane Doe, AP Auto Writer", ["Jane Doe"]),
        ("By Jane Doe, Westfield Senior Product Manager", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer, and John Roe, Reuters", ["Jane Doe", "John Roe"]),
    ],
)
def test_a_role_glued_to_the_name_is_cut_off(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("By Northfield Space Agency", ("Northfield Space Agency",)),
        ("Por Agência Exemplo", ("Agência Exemplo",)),
        ("Von Nordstadt Presseagentur", ("Nordstadt Presseagentur",)),
        ("Door Jan de Vries, Persbureau Noord", ("Persbureau Noord",)),
    ],
)
def test_an_agency_signing_is_no_author(line: str, agencies: tuple[str, ...]) -> None:
    out = _run(f"Water plan approved\n{line}\n{PARA}\n{PARA2}\n")
    assert not any(a in str(out.get("authors")) for a in agencies)
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert tuple(decision.data["agencies"]) == agencies


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Ana Gil, corresponsal", ["Ana Gil"]),
    ],
)
def test_a_name_with_its_role_under_the_deck_is_the_byline(line: str, names: list[str]) -> None:
    deck = "Farmers say the plan comes years too late for the driest farms of the valley."
    out = _run(
        f"Water plan approved - The Valley Post\nHome\nWater plan approved\n{deck}\n{line}\n{PARA}\n{PARA2}\n"
    )
    assert out.get("authors") == names
    assert line not in out.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Jane Doe", "a bare name in the prose run needs a label or a role"),
        ("Farm prices, the council said", "no role or agency after the comma"),
        ("Tom Roe, Vice Mayor of Westfield", "no role word of the vocabulary"),
        ("Jane Doe, AP", "an agency alone after a name in the story is a photo credit"),
        ("Jane Wrenfield Staff Writer", "a role glued to a name is read only where a bare name is"),
    ],
)
def test_other_lines_under_the_deck_are_no_byline(line: str, why: str) -> None:
    deck = "Farmers say the plan comes years too late for the driest farms of the valley."
    page = (
        f"Water plan approved - The Valley Post\nHome\nWater plan approved\n{deck}\n{line}\n{PARA}\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") is None, why
    assert line in out.text


def test_a_byline_naming_the_outlet_of_the_title_is_no_title_repeat() -> None:
    page = f"The Valley Post\nHome\nWater plan approved\nBy Ann Lee, The Valley Post\n{PARA}\n{PARA2}\n"
    out = _run(page)
    assert out.get("authors") == ["Ann Lee"]
    assert [e.reason for e in out.edits if "Ann Lee" in e.before] == ["byline"]


def test_a_name_with_a_role_in_the_story_after_a_byline_is_left_alone() -> None:
    page = (
        "Water plan approved - The Valley Post\nHome\nWater plan approved\nBy Ann Lee\n"
        f"{PARA}\nTom Roe, Staff Writer\n{PARA2}\n"
    )
    out = _run(page)
    assert out.get("authors") == ["Ann Lee"]
    assert "Tom Roe, Staff Writer" in out.text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Wrenfield Staff Writer", ["Jane Wrenfield"]),
        ("Max Mustermann Korrespondent", ["Max Mustermann"]),
        # controls: a desk or a job title of common words is no name
        ("Fashion Week Editor", None),
        ("Valley Town News", None),
    ],
)
def test_a_name_with_a_glued_role_under_the_headline(line: str, names: list[str] | None) -> None:
    out = _run(f"Water plan approved - The Valley Post\nWater plan approved\n{line}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == names


def test_a_job_title_away_from_the_headline_is_no_name() -> None:
    page = (
        "Water plan approved - The Valley Post\nJobs\nProgrammatic Sales Manager\nEditorial Page Editor\n"
        "Home\nWater plan approved\nBy Ann Lee\n"
        f"{PARA}\n{PARA2}\n"
    )
    assert _run(page).get("authors") == ["Ann Lee"]


# -- a header row of fields: section, names, date, time ----------------------------------
@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("Politics | Jane Wrenfield | Nov 18, 2019", ["Jane Wrenfield"]),
        ("Jane Wrenfield | Politics | Nov 18, 2019", ["Jane Wrenfield"]),
        ("NEWS - Jane Wrenfield (The Valley Post) - November 27, 2020 - 12:00am", ["Jane Wrenfield"]),
        ("Nov 18, 2019 • Jane Wrenfield • 4 min read", ["Jane Wrenfield"]),
        ("27.11.2020, 14:30 Uhr | Max Mustermann", ["Max Mustermann"]),
        ("Jane Wrenfield • 4 min read", ["Jane Wrenfield"]),
        ("Politik · Max Mustermann · 3 Min. Lesezeit", ["Max Mustermann"]),
    ],
)
def test_the_names_of_a_dated_row_under_the_headline(row: str, names: list[str]) -> None:
    out = _run(f"Water plan approved - The Valley Post\nHome\nWater plan approved\n{row}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == names
    assert byline_rules(out) == ("name_in_row",)
    assert row not in out.text


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("Politics | Westfield | Nov 18, 2019", "no name field"),
        (
            "Politics | Jane Wrenfield | New Harbour | Nov 18, 2019",
            "two name-shaped fields: a place reads as a name",
        ),
        ("City Hall | Nov 18, 2019", "common words only"),
        ("Politics | Jane Wrenfield | Opinion", "no date"),
        ("Politics | Jane Wrenfield | 12 photos", "a count is no date"),
        ("by user_4711 | Jun 2, 2020 | Recruiting Tips Blogs |", "a labelled row: the label names a handle"),
        (
            "Politics | Jane Wrenfield | the council voted on it again | Nov 18, 2019",
            "a long field is a sentence",
        ),
    ],
)
def test_other_rows_under_the_headline_name_no_author(row: str, why: str) -> None:
    out = _run(f"Water plan approved - The Valley Post\nHome\nWater plan approved\n{row}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") is None, why


def test_a_dated_row_away_from_the_headline_is_left_alone() -> None:
    page = f"Water plan approved - The Valley Post\nPolitics | Jane Wrenfield | Nov 18, 2019\nHome\nNews\nSport\nWater plan approved\n{PARA}\n{PARA2}\n"
    assert _run(page).get("authors") is None


# -- a job title after a name is the author's role, not a co-author -------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted by Jane Wrenfield, Software Engineer", ["Jane Wrenfield"]),
        ("By Jane Wrenfield, Chief Executive Officer", ["Jane Wrenfield"]),
        ("By Jane Wrenfield, CEO", ["Jane Wrenfield"]),
        ("By Jane Wrenfield, Co-Founder", ["Jane Wrenfield"]),
        ("By Jane Wrenfield, Senior Research Fellow, and Tom Roe", ["Jane Wrenfield", "Tom Roe"]),
        ("By Jane Wrenfield, Software Engineer and Tom Roe, Data Scientist", ["Jane Wrenfield", "Tom Roe"]),
        ("Von Max Muster, Pressesprecher", ["Max Muster"]),
        ("Von Max Muster, Leitender Ingenieur", ["Max Muster"]),
        ("Von Erika Roe, Abteilungsleiterin Vertrieb", ["Erika Roe"]),
        ("Par Marie Dupont, Directrice Générale", ["Marie Dupont"]),
        ("Par Marie Dupont, Porte-Parole", ["Marie Dupont"]),
        ("Por Ana Gil, Investigadora Principal", ["Ana Gil"]),
        ("Di Marco Rossi, Direttore Generale", ["Marco Rossi"]),
        ("Por Ana Costa, Porta-Voz", ["Ana Costa"]),
        ("Door Jan de Vries, Hoogleraar Economie", ["Jan de Vries"]),
        # a title printed after the name with no separator
        ("By Jane Wrenfield Software Engineer", ["Jane Wrenfield"]),
        ("By Jane Wrenfield Senior Research Fellow and Tom Roe", ["Jane Wrenfield", "Tom Roe"]),
        ("Von Max Muster Pressesprecher", ["Max Muster"]),
        ("Par Marie Dupont Directrice Générale", ["Marie Dupont"]),
        ("Por Ana Gil Investigadora Principal", ["Ana Gil"]),
        # controls: a second person keeps the name shape, also with a title-like surname
        ("By Jane Wrenfield Fellow", ["Jane Wrenfield Fellow"]),
        ("By Anna Katarzyna Architect", ["Anna Katarzyna Architect"]),
        ("By Jane Wrenfield, Tom Roe", ["Jane Wrenfield", "Tom Roe"]),
        ("By Jane Wrenfield, Katarzyna Architect", ["Jane Wrenfield", "Katarzyna Architect"]),
        ("By Jane Wrenfield and Tom Dean", ["Jane Wrenfield", "Tom Dean"]),
        ("Von Max Muster und Erika Leiter", ["Max Muster", "Erika Leiter"]),
        ("By Jane Wrenfield, software engineer", ["Jane Wrenfield"]),
        ("By Jane Wrenfield, software engineer, and Tom Roe", ["Jane Wrenfield", "Tom Roe"]),
    ],
)
def test_a_job_title_after_a_name_is_a_role(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "By then Jane Wrenfield, Chief Executive Officer of the water board, had left the room.",
        "Software Engineer Tom Roe said the plan would cost less than expected.",
    ],
)
def test_a_job_title_in_prose_is_left_alone(sentence: str) -> None:
    out = _run(f"Water plan approved\n{sentence} {PARA}\n{PARA2}\n")
    assert out.text == f"{sentence} {PARA}\n{PARA2}\n"
    assert out.get("authors") is None


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        ("By Jane Doe and John Roe, Staff Writers", True),
        ("Von Max Muster, Korrespondent", True),
        ("Par notre envoyé spécial", True),
        ("Jane Doe, Staff Writer", False),
        ("Council approves the new bus plan", True),
    ],
)
def test_a_kept_byline_reading_is_the_fresh_one_and_a_new_object(line: str, labelled: bool) -> None:
    fresh = _read_byline(line.strip(), labelled=labelled)
    first = read_byline(line, labelled=labelled)
    assert first == fresh
    if first is not None:
        first.names.append("Changed Name")  # a caller's change to its lists reaches no later reading
        first.roles.clear()
    again = read_byline("  " + line + " ", labelled=labelled)
    assert again == fresh
    assert again is not first or again is None


@pytest.mark.parametrize(
    ("line", "under_title", "handle_next"),
    [
        ("Jane Doe, Staff Writer", False, ""),
        ("Jane Doe", True, "@janedoe"),
        ("Jane Doe", True, "Council approves the plan"),
        ("Open Menu", True, ""),
        ("Jane Doe", False, ""),
    ],
)
def test_a_kept_unlabelled_rule_is_the_fresh_one(line: str, under_title: bool, handle_next: str) -> None:
    v = _vocab()
    fresh = _read_unlabelled_rule(line, v, under_title=under_title, handle_next=handle_next)
    for _ in range(2):  # read, then kept
        assert _unlabelled_rule(line, v, under_title=under_title, handle_next=handle_next) == fresh


@pytest.mark.parametrize(
    "line", ["Reuters November 18, 2019 11:03 PM", "  PTI, Washington,", "Jane Doe, Staff Writer", ""]
)
def test_a_kept_agency_credit_is_the_fresh_one(line: str) -> None:
    v = _vocab()
    fresh = _agency_credit(line.strip(), v) if line.strip() else None
    for _ in range(2):  # read, then kept
        assert agency_credit(line, v) == fresh
