"""Tests of the default pipeline (``newsclean.defaults``)."""

from __future__ import annotations

import newsclean
from newsclean import registry
from newsclean.defaults import DEFAULT_STAGES, default_pipeline


def test_default_pipeline_has_the_documented_order() -> None:
    p = default_pipeline()
    assert p.names == [name for name, _ in DEFAULT_STAGES]
    assert p.check() == []


def test_every_default_stage_is_registered_and_says_why_it_is_there() -> None:
    for name, why in DEFAULT_STAGES:
        assert registry.get(name).name == name
        assert len(why.split()) >= 3  # a reason, not a label


def test_default_pipeline_is_built_once_and_shared() -> None:
    assert default_pipeline() is default_pipeline() is newsclean.default_pipeline()


def test_html_comes_first_and_doubled_words_last() -> None:
    names = [name for name, _ in DEFAULT_STAGES]
    assert names[0] == "extract_html" and names[-1] == "remove_doubled_words"
    assert names.index("detect_language") < names.index("normalize_dates")
