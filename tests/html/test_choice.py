"""Tests of the fitted container choice (``newsclean.html.choice``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.html.choice import (
    CANDIDATES,
    CONTAINER_FEATURES,
    ContainerModel,
    choose,
    container_model,
)
from newsclean.html.container import analyse_blocks, page_candidates
from newsclean.html.parse import parse_html

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."
P3 = "Engineers will inspect the bridge once the water falls, which could take until the weekend."
BLURB = (
    "I write about crafts, travel and the small things that make a home. Everything here is my own "
    "opinion, and the photos are mine unless a credit says otherwise. Drop me a line any time."
)
STORY = "Happy Friday! We love this board of autumn colours and are off to a wedding in the city."
# A short post in a body-named wrapper under its heading; a longer profile blurb outscores it.
SHORT_POST = (
    f"<html><body><div class='box'><div class='note'>{BLURB}</div></div>"
    f"<h3>City chic</h3><div class='entry'><div class='entry-body'><p>{STORY}</p></div></div></body></html>"
)


def _model(feature: str, weight: float, margin: float) -> ContainerModel:
    weights = tuple(weight if name == feature else 0.0 for name in CONTAINER_FEATURES)
    return ContainerModel(weights, 0.0, margin)


def test_shipped_model_matches_the_features() -> None:
    model = container_model()
    assert len(model.weights) == len(CONTAINER_FEATURES)
    assert 0.0 <= model.margin < 1.0  # the fit found a margin that switches on some pages


def test_choose_keeps_the_top_unless_another_is_better_by_the_margin() -> None:
    rows = [[0.0] * len(CONTAINER_FEATURES) for _ in range(3)]
    k = CONTAINER_FEATURES.index("marker")
    rows[2][k] = 1.0
    assert choose(rows, _model("marker", 4.0, 0.3)) == 2
    assert choose(rows, _model("marker", 0.5, 0.3)) == 0  # sigmoid(0.5) - 0.5 < 0.3
    assert choose(rows[:1], _model("marker", 4.0, 0.0)) == 0


def test_candidates_are_the_density_ranking_top_first() -> None:
    root, _ = parse_html(SHORT_POST)
    assert root is not None
    page = page_candidates(root)
    assert 2 <= len(page.elements) <= CANDIDATES
    assert page.elements[0].get("class") == "note"  # the longer blurb scores highest
    top = CONTAINER_FEATURES.index("top")
    assert [row[top] for row in page.rows] == [1.0] + [0.0] * (len(page.rows) - 1)


def test_candidate_features_read_names_headings_and_lineage() -> None:
    root, _ = parse_html(SHORT_POST)
    assert root is not None
    page = page_candidates(root)
    rows = {el.get("class"): row for el, row in zip(page.elements, page.rows, strict=True)}
    f = {name: i for i, name in enumerate(CONTAINER_FEATURES)}
    body = rows["entry-body"]
    assert body[f["content_word"]] == 1.0  # "entry" and "body" are parts of the body vocabulary
    assert body[f["heading"]] == 1.0  # the <h3> right before it
    assert rows["note"][f["content_word"]] == 0.0
    assert rows["box"][f["contains_top"]] == 1.0 and rows["box"][f["inside_top"]] == 0.0
    assert 0.0 < body[f["share"]] < 1.0 == rows["note"][f["share"]]


def test_analyse_blocks_follows_the_model_choice() -> None:
    root, _ = parse_html(SHORT_POST)
    assert root is not None
    analysis = analyse_blocks(root, model=_model("content_word", 6.0, 0.2))
    assert analysis.container == "div.entry-body"
    kept = [b.text for b, ins in zip(analysis.blocks, analysis.inside, strict=True) if ins]
    assert kept == [STORY]


@pytest.mark.parametrize(
    "html",
    [
        f"<html><body><div id='story' class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>",
        f"<html><body><h1>Bridge closed</h1><article><p>{P1}</p><p>{P2}</p></article>"
        f"<div class='widget'><p><a href='/w'>Weather</a> today</p></div></body></html>",
    ],
)
def test_shipped_model_keeps_a_plain_story_container(html: str) -> None:
    root, _ = parse_html(html)
    assert root is not None
    analysis = analyse_blocks(root)
    kept = [b.text for b, ins in zip(analysis.blocks, analysis.inside, strict=True) if ins]
    assert P1 in kept and P2 in kept
    assert not any("Weather" in t for t in kept)
