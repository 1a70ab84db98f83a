"""Tests of newsclean.lexicon: frequencies never crash on a language or script."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.lexicon import zipf


@pytest.mark.parametrize(
    ("word", "language"),
    [("因为", "zh"), ("東京", "ja"), ("서울", "ko"), ("椀渀最", "en"), ("word", "xx"), ("", "en")],
)
def test_zipf_answers_or_says_unknown_for_any_language(word: str, language: str) -> None:
    found = zipf(word, language)
    assert found is None or found >= 0.0


def test_zipf_ranks_common_above_rare() -> None:
    common, rare = zipf("house"), zipf("xqzvbn")
    assert common is not None and rare is not None and common > 5 > rare


def test_cjk_title_without_an_installed_tokenizer_cleans() -> None:
    # Found by fuzzing: a CJK token in the title reached wordfreq's Chinese tokenizer.
    article = newsclean.clean("Current:actAl椀渀最 刀甀猀")
    assert "刀甀猀" in (article.title or "") + article.text
