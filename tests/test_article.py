from __future__ import annotations

import json
import pickle
from datetime import date, datetime, timedelta, timezone

import pytest

from newsclean import Article, DateCandidate, Dateline, Decision, Edit
from newsclean.article import DICT_KEYS


def sample() -> Article:
    return Article(
        title="Bridge reopens",
        paragraphs=("The bridge reopened.", "Traffic was light."),
        published=datetime(2024, 3, 5, 15, 41, tzinfo=timezone(timedelta(hours=-5))),
        dates=(DateCandidate("2024-03-05T15:41:00-05:00", "published", "Published 3:41 PM EST"),),
        authors=("Jane Doe",),
        dateline=Dateline("BOSTON", "AP"),
        site_name="Example News",
        tags=("bridges",),
        related=("Another story",),
        language="en",
        spam_keywords=("Spam Phrase",),
        edits=(Edit("remove_boilerplate", "remove", "share", "Share this", "", 0, 10),),
        decisions=(
            Decision(
                "normalize_dates",
                "published_date",
                {"value": "2024-03-05", "rule": "url date", "candidates": ["2024-03-05", "2024-03-04"]},
            ),
        ),
        warnings=("a warning",),
        raw="the raw input",
    )


def test_to_dict_has_exactly_the_schema_keys() -> None:
    d = sample().to_dict()
    assert tuple(d) == DICT_KEYS
    assert d["published"] == "2024-03-05T15:41:00-05:00"
    assert d["text"] == "The bridge reopened.\n\nTraffic was light."
    assert d["dateline"] == {"place": "BOSTON", "agency": "AP"}
    assert set(d["edits"][0]) == {"stage", "action", "reason", "before", "after", "start", "end", "at"}
    assert d["decisions"] == [
        {
            "stage": "normalize_dates",
            "reason": "published_date",
            "data": {"value": "2024-03-05", "rule": "url date", "candidates": ["2024-03-05", "2024-03-04"]},
        }
    ]


def test_round_trip_through_dict_and_json() -> None:
    a = sample()
    assert Article.from_dict(a.to_dict()) == a
    assert Article.from_json(a.to_json()) == a
    assert json.loads(a.to_json())["title"] == "Bridge reopens"
    assert pickle.loads(pickle.dumps(a)) == a


def test_date_only_published_round_trips() -> None:
    a = Article(published=date(2024, 3, 3))
    assert a.to_dict()["published"] == "2024-03-03"
    assert Article.from_dict(a.to_dict()).published == date(2024, 3, 3)


def test_repr_is_short_and_explain_groups_by_stage() -> None:
    a = sample()
    assert repr(a).startswith("<Article title='Bridge reopens'")
    text = a.explain()
    assert text.splitlines()[0] == "remove_boilerplate (1 edit)"
    assert "share" in text and "'Share this'" in text and "@0-10" in text
    assert "a warning" in text
    decisions = text.splitlines().index("decisions (1)")
    assert text.splitlines()[decisions + 1].split()[:2] == ["normalize_dates", "published_date"]
    assert "rule='url date'" in text and "candidates=<2 items>" in text
    assert "share" not in text.split("decisions (1)")[1]  # edits and decisions are separate sections
    assert Article().explain() == "No changes: the input was already clean."


@pytest.mark.parametrize("fixture", ["000_9a6809b7c917213f.txt", "pages/harbour_ferry.html"])
def test_edits_read_back_from_json_replay_on_the_base_text(fixture: str) -> None:
    from pathlib import Path

    import newsclean
    from newsclean import replay

    raw = (Path(__file__).resolve().parents[1] / "fixtures" / fixture).read_text(encoding="utf-8")
    article = newsclean.clean(raw)
    again = Article.from_json(article.to_json())
    text_edits = again.edits[article.base_index :]
    assert replay(article.base_text, text_edits) == replay(
        article.base_text, article.edits[article.base_index :]
    )
    assert all(e.at is not None for e in text_edits)


def test_to_text_underlines_the_title_and_separates_paragraphs() -> None:
    a = Article(title="Vote delayed - The Courier", paragraphs=("One.", "Two."))
    assert a.to_text() == "Vote delayed - The Courier\n" + "=" * 26 + "\n\nOne.\n\nTwo."
    # no title: an empty heading says so, so no paragraph becomes one on the next cleaning
    assert Article(paragraphs=("One.", "Two.")).to_text() == "===\n\nOne.\n\nTwo."
    assert Article().to_text() == ""
    assert Article(title="Line\nbreak").to_text() == "Line break\n==========\n"
