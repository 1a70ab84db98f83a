"""Tests of the metadata helpers (``newsclean.html.meta``).

Reading a whole page's metadata is tested through the stage, in ``tests/stages/test_html.py``.
"""

from __future__ import annotations

import pytest

from newsclean.html.meta import FIELD_LIMIT, iso_date, normalize_title, read_metadata
from newsclean.html.parse import parse_html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-06-07", "2020-06-07"),
        ("2020-06-07T10:30:00Z", "2020-06-07T10:30:00+00:00"),
        ("2020-06-07T10:30:00+0200", "2020-06-07T10:30:00+02:00"),
        ("2020-06-07 10:30:00", "2020-06-07T10:30:00"),  # no offset: stays naive
        ("2020-06-07T10:30:00.123456-05:00", "2020-06-07T10:30:00.123456-05:00"),
        ("20200607", "2020-06-07"),
        ("2020/06/07", "2020-06-07"),
        ("Sun, 07 Jun 2020 08:00:00 GMT", "2020-06-07T08:00:00+00:00"),
        ("2020-13-45", None),
        ("0001-01-01T00:00:00", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected


def test_normalize_title() -> None:
    assert normalize_title("Council Passes  Budget!") == normalize_title("council passes budget")


def _title_of(page: str) -> str | None:
    root, _ = parse_html(page)
    assert root is not None
    return read_metadata(root).title


@pytest.mark.parametrize("words", [2, 90, 200, 1000])
def test_a_long_title_tag_is_cut_at_a_word_not_dropped(words: int) -> None:
    title = "Storm hits the coast " + " ".join(f"keyword{i}" for i in range(words))
    got = _title_of(f"<html><head><title>{title}</title></head><body><p>Rain.</p></body></html>")
    assert got is not None and len(got) <= FIELD_LIMIT
    assert title.startswith(got)
    assert title[len(got) :][:1] in ("", " ")  # cut between words
    if len(title) <= FIELD_LIMIT:
        assert got == title


def test_a_title_tag_of_one_endless_token_is_not_cut_mid_word() -> None:
    # a cut inside the token would make a word the page never had
    assert (
        _title_of(f"<html><head><title>{'T' * (FIELD_LIMIT + 50)}</title></head><body><p>Rain.</p>") is None
    )
