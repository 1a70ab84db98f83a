"""Tests of the block features and the shipped block model (``newsclean.html.features``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

from newsclean.html.container import analyse_blocks
from newsclean.html.features import FEATURES, block_features, block_model
from newsclean.html.parse import parse_html

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."
P3 = "Engineers will inspect the bridge once the water falls, which could take until the weekend."


def features_of(html: str) -> tuple[list[str], list[dict[str, float]]]:
    root, _ = parse_html(html)
    assert root is not None
    analysis = analyse_blocks(root)
    rows = block_features(analysis.blocks, analysis.inside, analysis.best, frozenset({"the", "and", "to"}))
    return [b.text for b in analysis.blocks], [dict(zip(FEATURES, r, strict=True)) for r in rows]


def test_lineage_features_place_blocks_around_the_container() -> None:
    html = (
        "<html><body><div id='page'>"
        f"<div class='part'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        "<div class='box'><p>Note after figure.</p></div>"
        "</div><p>Outside everything.</p></body></html>"
    )
    texts, rows = features_of(html)
    by_text = dict(zip(texts, rows, strict=True))
    assert by_text[P1]["inside"] == 1.0
    second = by_text["Note after figure."]
    assert second["inside"] == 0.0
    assert second["up1"] == 1.0  # a sibling of the container
    assert second["after"] == 1.0
    outside = by_text["Outside everything."]
    assert outside["up2"] == 1.0  # joins the container's lineage two levels up
    assert by_text[P1]["stop_share"] > 0


def test_dropped_block_carries_its_reason() -> None:
    html = f"<html><body><article><p>{P1}</p><p>{P2}</p></article><nav><a href='/'>Home page</a></nav></body></html>"
    texts, rows = features_of(html)
    nav = rows[texts.index("Home page")]
    assert nav["dropped"] == 1.0
    assert nav["r_html_nav"] == 1.0
    assert nav["link_density"] == 1.0


def test_shipped_model_matches_features() -> None:
    model = block_model()
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold <= 1.01
    assert "the" in model.stopwords


def test_only_wanted_blocks_are_described() -> None:
    # the model reads only the blocks it decides: the others get an empty row, the wanted
    # ones the same row as when every block is described
    html = (
        f"<html><body><div class='part'><p>{P1}</p><p>{P2}</p></div><p>Outside everything.</p></body></html>"
    )
    root, _ = parse_html(html)
    assert root is not None
    analysis = analyse_blocks(root)
    stops = frozenset({"the", "and", "to"})
    every = block_features(analysis.blocks, analysis.inside, analysis.best, stops)
    wanted = [not ins for ins in analysis.inside]
    some = block_features(analysis.blocks, analysis.inside, analysis.best, stops, wanted)
    assert any(wanted) and not all(wanted)
    for w, full, row in zip(wanted, every, some, strict=True):
        assert list(row) == (list(full) if w else [])
