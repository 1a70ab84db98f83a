"""Tests of body evidence (``newsclean.stages.injection_body``).

All texts are made up for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.stages.injection_body import Judge, classify, foreign, stands_alone

PHRASE = "Zorblat Hub"


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("his ally,Zorblat Hub who came", "strong", "glued to a comma"),
        ("on Monday.Zorblat Hub The rain", "strong", "glued to a full stop"),
        ("the mayor will Zorblat Hub be there", "strong", "between a modal and its verb"),
        ("prices rose Zorblat Hub sharply today", "mid", "between two lower-case words of a clause"),
        ("he spoke with Zorblat Hub in the hall", "spliced", "where a name could also stand"),
        ("a deal with New Zorblat Hub today", "legit", "part of a longer capitalised name"),
        ('he said "Zorblat Hub" twice', "legit", "quoted"),
        ("a Zorblat Hub-led group", "legit", "in a compound"),
        ("Zorblat Hub opened today", "neutral", "at the start of the text"),
    ],
)
def test_classify(text: str, expected: str, why: str) -> None:
    s = text.index(PHRASE)
    assert classify(text, s, s + len(PHRASE)) == expected, why


def test_foreign_compares_word_stems_outside_the_given_spans() -> None:
    text = "Zorblat Hub - Rain\nRain fell on Zorblatian farms."
    assert not foreign(text, PHRASE, [(0, len(PHRASE))])  # "Zorblatian" shares the stem
    assert foreign("Zorblat Hub - Rain\nRain fell.", PHRASE, [(0, len(PHRASE))])


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("Top\nZorblat Hub\nRain fell.", True, "a line of its own"),
        ("Top\nZorblat Hub.\nRain fell.", True, "with trailing punctuation"),
        ("Rain fell on Zorblat Hub today.", False, "inside a sentence"),
    ],
)
def test_stands_alone(text: str, expected: bool, why: str) -> None:
    assert stands_alone(text, PHRASE) is expected, why


def test_judge_needs_body_evidence_unless_the_slot_was_learned() -> None:
    text = "Zorblatex Partners: Storm closes the port\nThe port closed on Monday."
    judge = Judge(text, "en")
    assert judge("Zorblatex Partners", learned=False) is False  # no broken sentence in the body
    assert judge("Zorblatex Partners", learned=True) is True  # made up and foreign to the page


@pytest.mark.parametrize(
    ("body", "learned", "expected", "asks"),
    [
        # Glued into a sentence and never used as a name: a phrase of two words is enough.
        ("Rain fell,Hollow Stone in the night.", False, True, False),
        # Used mostly where nothing is broken: the site's own name, whatever its words.
        ("Hollow Stone\nHollow Stone\nRain fell,Hollow Stone in the night.", False, False, False),
        # Between lower-case words where a name could stand, once: only a made-up word decides.
        ("we met with Hollow Stone in town.", False, False, True),
    ],
)
def test_judge_asks_about_made_up_words_only_when_the_answer_decides(
    monkeypatch: pytest.MonkeyPatch, body: str, learned: bool, expected: bool, asks: bool
) -> None:
    import newsclean.stages.injection_body as body_module

    asked: list[str] = []

    def has_unknown_word(phrase: str, language: str) -> bool:
        asked.append(phrase)
        return False  # "Hollow" and "Stone" are common English words

    monkeypatch.setattr(body_module, "has_unknown_word", has_unknown_word)
    judge = Judge("Hollow Stone: Rain in the city\n" + body, "en")
    judge.slot_spans.add((0, len("Hollow Stone")))  # the title slot is not weighed
    assert judge("Hollow Stone", learned=learned) is expected
    assert bool(asked) is asks
