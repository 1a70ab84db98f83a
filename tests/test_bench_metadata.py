"""The silver-set corrections of ``benchmarks.metadata``: the same for every system."""

from __future__ import annotations

import pytest
from benchmarks.dates import _local_day
from benchmarks.metadata import (
    Found,
    Silver,
    TitleNorm,
    _author_hit,
    _grouped,
    _name_shaped,
    _not_a_person,
    author_cause,
    title_cause,
)


def _norm(*titles: str) -> TitleNorm:
    return TitleNorm.build(Silver(title=t) for t in titles)


@pytest.mark.parametrize(
    ("title", "site_names", "form"),
    [
        ("Vote delayed - The Courier", ["The Courier"], "Vote delayed"),
        ("Vote delayed - Courier.com", ["courier.com"], "Vote delayed"),
        ("Vote delayed | Politics | Courier", ["Courier"], "Vote delayed | Politics"),
        ("Courier: Vote delayed", ["Courier"], "Vote delayed"),
        ("Knots are learned - Ann Lee On Sailing", ["Ann Lee"], "Knots are learned"),
    ],
)
def test_site_name_cut_off(title: str, site_names: list[str], form: str) -> None:
    ref = Silver(title=title, site_names=site_names)
    assert form in _norm(title).forms(ref)


def test_headline_is_never_cut_without_evidence() -> None:
    ref = Silver(title="Brexit - what happens next", site_names=["The Courier"])
    assert _norm(ref.title or "").forms(ref) == ["Brexit - what happens next"]


def test_template_segment_and_site_wide_title() -> None:
    titles = [f"Story {i} | Wired.com" for i in range(3)] + ["Blog of the League"] * 3
    norm = _norm(*titles)
    assert "Story 1" in norm.forms(Silver(title="Story 1 | Wired.com"))
    assert not norm.counted(Silver(title="Blog of the League"))
    assert norm.counted(Silver(title="Story 1 | Wired.com"))


@pytest.mark.parametrize(
    ("part", "shaped"),
    [
        ("Jane Doe", True),
        ("D. Milton Ashcombe", True),
        ("Tresham", True),
        ("سامر أبو الورد", True),
        ("admin", False),
        ("marvo-q", False),
        ("KQZVTRB", False),
        ("LinkVandra", False),
        ("219.79.38.192", False),
        ("/dorianqmarsh", False),
    ],
)
def test_name_shaped(part: str, shaped: bool) -> None:
    assert _name_shaped(part) is shaped


def test_person_with_place_after_a_dash() -> None:
    agencies: frozenset[str] = frozenset()
    assert not _not_a_person("Jane Doe - Cairo", Silver(), agencies, frozenset())
    assert _not_a_person("Courier", Silver(site="Courier"), agencies, frozenset())


def test_a_genre_label_before_the_silver_names_is_cut() -> None:
    from benchmarks.metadata import _author_hit

    assert _author_hit(["Ann Lee"], ["Analysis by Ann Lee, Valley Editor-at-large"])
    assert _author_hit(["Ann Lee"], ["Written by Ann Lee"])
    assert not _author_hit(["Maria"], ["Jane Di Maria"])  # a particle inside a name is no label


_CAPTURE = "Vote delayed again - The Courier\nHome\nTalks on the vote run late\nBy Ann Lee\nStory.\n"


@pytest.mark.parametrize(
    ("got", "want", "cause"),
    [
        ("Vote delayed again", "Vote delayed again - The Courier", "site name"),
        (None, "Vote delayed again", "no title"),
        ("Home Vote delayed again", "Vote delayed again", "extra words kept"),
        ("Vote delayed", "Vote delayed again", "words cut"),
        ("Talks on the vote run late", "Vote delayed again - The Courier", "the <title> wording"),
        ("Vote delayed again", "Talks on the vote run late", "another line"),
        ("Vote delayed again", "Talks on the vote", "inside a line"),
        ("Vote delayed again", "Parliament puts off the vote", "worded otherwise"),
    ],
)
def test_title_cause(got: str | None, want: str, cause: str) -> None:
    ref = Silver(title=want, site_names=["The Courier"])
    found = Found(got, [], None, "The Courier" if got else None)
    forms = _norm(want).forms(ref)
    assert title_cause(found, ref, _CAPTURE, forms) == cause


def test_site_wide_title_cause() -> None:
    ref = Silver(title="The Courier blog")
    assert title_cause(Found("Vote", [], None), ref, _CAPTURE, [], counted=False) == "site-wide title"


@pytest.mark.parametrize(
    ("authors", "capture", "found", "cause"),
    [
        (["Reuters"], _CAPTURE, [], "agency only"),
        (["The Courier"], _CAPTURE, [], "site or organisation"),
        (["admin"], _CAPTURE, [], "no name"),
        (["Tom Roe"], _CAPTURE, [], "absent"),
        (["Ann Lee"], _CAPTURE, ["Sam Poe"], "another name"),
        (["Ann Lee"], _CAPTURE, [], "label not read"),
        (["Ann Lee"], "Title\nBy\nAnn Lee\n", [], "label not read"),
        (["Ann Lee"], "Title\nAnn Lee\nStory.\n", [], "no label"),
    ],
)
def test_author_cause(authors: list[str], capture: str, found: list[str], cause: str) -> None:
    ref = Silver(authors=authors, site="The Courier")
    assert author_cause(ref, capture, frozenset({"reuters"}), frozenset(), found=found) == cause


@pytest.mark.parametrize(
    ("found", "wanted", "hit"),
    [
        (["AP"], ["AP"], True),  # a short agency equal to the whole silver value
        (["AP"], ["AP Writer Jane Doe"], False),  # a short part is no hit: it could be an initial
        (["Jane Doe"], ["By Jane Doe and John Roe, AP Writer"], True),
        (["Jo"], ["Jo Roe"], False),
    ],
)
def test_author_hit(found: list[str], wanted: list[str], hit: bool) -> None:
    assert _author_hit(found, wanted) is hit


@pytest.mark.parametrize(
    ("stated", "answer", "right"),
    [
        ("2019-11-19T04:03:00+00:00", "2019-11-18", True),  # evening of the 18th in the Americas
        ("2019-11-18T23:15:0Z", "2019-11-18", True),  # one-digit seconds, as some pages write them
        ("2019-11-19T04:3:00Z", "2019-11-18", True),  # one-digit minutes
        ("2019-11-19T04:03:00Z", "2019-11-10", False),  # no zone puts it a week back
        ("2019-11-19T04:03:00+05:00", "2019-11-18", False),  # a stated local zone names its own day
        ("2019-11-19", "2019-11-18", False),  # a day alone names no instant
    ],
)
def test_local_day(stated: str, answer: str, right: bool) -> None:
    assert _local_day(stated, answer) is right


def test_misses_are_grouped_by_field_and_cause_in_table_order() -> None:
    misses = [
        "author x/1: got [] want ['A B'] [absent]",
        "title  x/2: got 'a' want 'a | S' [words cut]",
        "day    x/3: got None want '2020-01-01' (2020-01-01)",
        "title  x/4: got 'b' want 'b - S' [site name]",
        "title  x/5: got 'c' want 'c | S' [words cut]",
    ]
    groups = _grouped(misses)
    assert list(groups) == [("title", "site name"), ("title", "words cut"), ("author", "absent"), ("day", "")]
    assert groups["title", "words cut"] == [misses[1], misses[4]]
