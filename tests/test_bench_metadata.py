"""The silver-set corrections of ``benchmarks.metadata``: the same for every system."""

from __future__ import annotations

import pytest
from benchmarks.metadata import Silver, TitleNorm, _name_shaped, _not_a_person


def _norm(*titles: str) -> TitleNorm:
    return TitleNorm.build(Silver(title=t) for t in titles)


@pytest.mark.parametrize(
    ("title", "site_names", "form"),
    [
        ("Vote delayed - The Courier", ["The Courier"], "Vote delayed"),
        ("Vote delayed - Courier.com", ["courier.com"], "Vote delayed"),
        ("Vote delayed | Politics | Courier", ["Courier"], "Vote delayed | Politics"),
        ("Courier: Vote delayed", ["Courier"], "Vote delayed"),
        ("Leaders are made - Ann Lee On Leadership", ["Ann Lee"], "Leaders are made"),
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
        ("D. Keith Robinson", True),
        ("Regan", True),
        ("حسام أبو العلا", True),
        ("admin", False),
        ("kevin-r", False),
        ("KWCHCIK", False),
        ("LinkNaija", False),
        ("219.79.38.192", False),
        ("/christopherlwood", False),
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
