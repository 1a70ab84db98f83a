"""Tests of injected-phrase detection (``newsclean.stages.injection``).

Removal and the text repairs are tested through the stage in ``tests/stages/test_spam.py``.
All texts are made up for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.stages.injection import detect_injected
from newsclean.stages.injection_title import Slot


@pytest.mark.parametrize(
    ("text", "phrases", "why"),
    [
        (
            "Zorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub in the night.",
            ["Zorblat Capital Hub"],
            "title prefix glued to the headline, confirmed glued to a comma in the body",
        ),
        (
            "Rain floods the city | Zorblat Capital Hub\nThe water rose and Zorblat Capital Hub fell in the night.",
            ["Zorblat Capital Hub"],
            "title suffix, confirmed between two lower-case words",
        ),
        (
            "Rain floods the city | Metro Daily\nRain fell all night, Metro Daily reports.\nMetro Daily",
            [],
            "a site name that stands on a line of its own",
        ),
        (
            "New Zealand - Rain floods the city\nThe storm moved on to New Zealand in the night.",
            [],
            "a name used as a name in the body",
        ),
        ("Rain floods the city\nWater rose in the night.", [], "no title segment at all"),
        ("", [], "empty text"),
        (
            "港口因风暴关闭 港务局：渔船一律留港\n最新消息\n港口因风暴关闭 港务局：渔船一律留港 2020-03-12\n"
            "港口因风暴关闭 港务局：渔船一律留港\n风暴昨夜袭击港口，码头关闭。",
            [],
            "a headline 'speaker：quote' printed again in a list of latest stories is no splice",
        ),
        (
            "港口因风暴关闭丨鑫瀚数字资产交易所\n最新消息\n港口因风暴关闭丨鑫瀚数字资产交易所\n以下、鑫瀚数字资产交易所その手順。",
            ["鑫瀚数字资产交易所", "鑫瀚数字资产交易所"],
            "a copy of the title line (a title line itself) does not hide a splice elsewhere",
        ),
        (
            "Rain floods the city\n"
            "The storm came at night. It filled the old port with water and the quay was shut at noon.\n"
            "Harbour: Zorblat Capital Hub\nThe harbour master,Zorblat Capital Hub said later.",
            [],
            "a field line after the first paragraph of the story is no title slot",
        ),
    ],
)
def test_detection(text: str, phrases: list[str], why: str) -> None:
    assert [d.phrase for d in detect_injected(text)] == phrases, why


def test_detect_injected_reports_the_slot() -> None:
    text = "Home > ContactZorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub then fell."
    (d,) = detect_injected(text)
    assert (d.phrase, d.line, d.slot) == ("Zorblat Capital Hub", 0, Slot("prefix", "Home > Contact", "-"))


def test_a_learned_slot_takes_a_made_up_phrase_without_body_evidence() -> None:
    slot = Slot("prefix", "", ":")
    found = detect_injected(
        "Zorblatex Partners: Storm closes the port\nThe port closed on Monday.", slots=[slot]
    )
    assert [(d.phrase, d.evidence) for d in found] == [("Zorblatex Partners", "learned_slot")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "HS Roundup: Ashcombe defeats Marlow Vale to stay unbeaten\nKestrel Bay beat Marlow Vale 70-44 on Friday.",
            "a kicker of real words in a learned colon slot, never confirmed by the body",
        ),
        (
            "Live Updates: Storm closes the port\nThe port closed on Monday and reopened on Tuesday.",
            "a common two-word kicker",
        ),
    ],
)
def test_a_learned_slot_needs_a_made_up_word_or_the_body(text: str, reason: str) -> None:
    assert detect_injected(text, slots=[Slot("prefix", "", ":")]) == [], reason
