"""Tests of the container choice (``newsclean.html.container``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.html.container import Analysis, analyse_blocks
from newsclean.html.meta import normalize_title
from newsclean.html.parse import parse_html

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."
P3 = "Engineers will inspect the bridge once the water falls, which could take until the weekend."
SIDEBAR = "<div class='widget'><p><a href='/w'>Weather</a> and <a href='/t'>traffic</a> for today in the city</p></div>"


def analyse(html: str, headlines: frozenset[str] = frozenset()) -> Analysis:
    root, _ = parse_html(html)
    assert root is not None
    return analyse_blocks(root, headlines=headlines)


def inside_texts(analysis: Analysis) -> list[str]:
    return [b.text for b, ins in zip(analysis.blocks, analysis.inside, strict=True) if ins]


def test_container_with_the_story_paragraphs_wins() -> None:
    html = f"<html><body>{SIDEBAR}<div id='story' class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"
    analysis = analyse(html)
    assert analysis.container == "div#story.body"
    assert inside_texts(analysis) == [P1, P2, P3]


def test_same_styled_parts_of_a_split_story_join_the_choice() -> None:
    html = (
        f"<html><body><div class='story-part'><p>{P1}</p></div><div class='ad-rail'><p>Buy now</p></div>"
        f"<div class='story-part'><p>{P2}</p><p>{P3}</p></div>{SIDEBAR}</body></html>"
    )
    texts = inside_texts(analyse(html))
    assert texts == [P1, P2, P3]


def test_page_with_no_paragraph_keeps_everything_inside() -> None:
    analysis = analyse("<html><body><div>Short.</div><div>Also short.</div></body></html>")
    assert analysis.best is None and analysis.container is None
    assert all(analysis.inside)


def test_headline_is_the_block_equal_to_a_metadata_headline() -> None:
    html = f"<html><body><h2>Bridge closed as river rises</h2><p>{P1}</p><p>{P2}</p></body></html>"
    analysis = analyse(html, frozenset({normalize_title("Bridge Closed as River Rises!")}))
    assert analysis.headline is not None and analysis.headline.text == "Bridge closed as river rises"


@pytest.mark.parametrize(
    ("block", "headline"),
    [
        ("STRASSE BEI FLUT GESPERRT", "Straße bei Flut gesperrt"),  # case folding widens ß
        ("Straße bei Flut gesperrt", "STRASSE BEI FLUT GESPERRT"),
        ("— Bridge closed: river rises —", "Bridge closed, river rises"),
        ("ΓΈΦΥΡΑ ΚΛΕΙΣΤΉ", "γέφυρα κλειστή"),
        ("Floods!", "floods"),  # one word: the first is the last
    ],
)
def test_the_headline_is_found_however_its_case_and_punctuation_differ(block: str, headline: str) -> None:
    html = f"<html><body><h2>{block}</h2><p>{P1}</p><p>{P2}</p></body></html>"
    analysis = analyse(html, frozenset({normalize_title(headline)}))
    assert analysis.headline is not None and analysis.headline.text == block


def test_a_block_without_a_headline_word_is_not_the_headline() -> None:
    html = f"<html><body><h2>Weather today</h2><p>{P1}</p><p>{P2}</p></body></html>"
    analysis = analyse(html, frozenset({normalize_title("Bridge closed as river rises")}))
    assert analysis.headline is None


def test_a_block_holding_a_headline_form_s_first_word_but_not_its_last_is_not_the_headline() -> None:
    html = f"<html><body><h2>Bridge news in brief</h2><p>{P1}</p><p>{P2}</p></body></html>"
    analysis = analyse(html, frozenset({normalize_title("Bridge closed as river rises")}))
    assert analysis.headline is None


def test_first_h1_is_the_headline_without_metadata() -> None:
    html = f"<html><body><h2>Section</h2><h1>River rises</h1><p>{P1}</p></body></html>"
    analysis = analyse(html)
    assert analysis.headline is not None and analysis.headline.text == "River rises"


def test_no_headline_on_a_page_without_one() -> None:
    assert analyse(f"<html><body><p>{P1}</p><p>{P2}</p></body></html>").headline is None
