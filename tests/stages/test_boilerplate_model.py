"""Tests for the fitted story-score model (stages/boilerplate_model.py)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsclean.stages.boilerplate_decisions import classify_lines, page_units
from newsclean.stages.boilerplate_model import FEATURES, LineModel, feature_rows, load_model

PROSE = "The regional council voted on Tuesday to extend the night bus network to three new districts."


def test_shipped_model_has_every_feature() -> None:
    data = json.loads(resources.files("newsclean.data").joinpath("boilerplate_model.json").read_text("utf-8"))
    assert data["features"] == list(FEATURES)
    assert LineModel.from_dict(data) == load_model()


def test_round_trip() -> None:
    model = load_model()
    assert LineModel.from_dict(model.to_dict()) == model


def test_missing_weight_is_an_error() -> None:
    with pytest.raises(ValueError, match="miss features"):
        LineModel(weights={"prose": 1.0}, bias=0.0)


def test_prose_scores_above_a_share_bar() -> None:
    _, feats = page_units(["Share on Facebook", PROSE, PROSE.replace("Tuesday", "Monday")], "en")
    scores = load_model().scores(feats)
    assert scores[0] < 0 < scores[1]


def test_rows_have_one_value_per_feature() -> None:
    _, feats = page_units([PROSE, "Menu", PROSE], "en")
    rows = feature_rows(feats)
    assert len(rows) == 3 and all(len(r) == len(FEATURES) for r in rows)


def test_no_dense_run_judges_every_line_as_story() -> None:
    # no dense run anywhere: every line is judged as if inside a story (kept unless clutter)
    never = LineModel(weights=dict.fromkeys(FEATURES, 0.0), bias=-5.0)
    assert all(d.keep for d in classify_lines([PROSE, PROSE + " Again."], "en", model=never))


def test_log_odds_is_the_dot_product_of_the_rows() -> None:
    lines = [
        "Home | News | Sport",
        "Share",
        PROSE,
        "Reporting by Jane Doe; editing by John Roe",
        "- a bullet item",
        "Related:",
        "Menu",
        PROSE,
        "Menu",
        "What the council said next.",
    ]
    _, feats = page_units(lines, "en")
    model = load_model()
    expected = [
        model.bias + sum(model.weights[name] * x for name, x in zip(FEATURES, row, strict=True))
        for row in feature_rows(feats)
    ]
    assert model.log_odds(feats) == pytest.approx(expected)
