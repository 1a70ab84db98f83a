"""Tests of benchmarks/sameout.py: the digest of an output and the list of outputs that differ."""

from __future__ import annotations

from benchmarks.sameout import differing, digest

import newsclean


def test_digest_ignores_raw_and_follows_every_other_field() -> None:
    article = newsclean.clean("Headline\n\nThe council met on Tuesday and voted for the plan.\n").to_dict()
    assert digest(article) == digest({**article, "raw": "another input"})
    assert digest(article) != digest({**article, "text": article["text"] + " More."})
    assert digest(article) != digest({**article, "title": "Another headline"})


def test_differing_lists_changed_and_new_keys_only() -> None:
    before = {"a/1/html": "x", "a/1/text": "y", "a/2/html": "z"}
    now = {"a/1/html": "x", "a/1/text": "changed", "a/3/html": "new"}
    assert differing(now, before) == ["a/1/text", "a/3/html"]
    assert differing(before, before) == []
