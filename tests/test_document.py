from __future__ import annotations

import json
import pickle
import tracemalloc
from datetime import datetime
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsclean import Change, Decision, Document, clean, document, replay


def test_with_edits_applies_and_logs_spans() -> None:
    doc = Document.from_text("alpha\nbeta\ngamma")
    out = doc.with_edits("s", [Change(11, 16, "GAMMA", "shout"), Change(0, 6, "", "drop")])
    assert out.text == "beta\nGAMMA"
    assert [(e.action, e.reason, e.before, e.after, e.start, e.end) for e in out.edits] == [
        ("remove", "drop", "alpha\n", "", 0, 6),
        ("replace", "shout", "gamma", "GAMMA", 11, 16),
    ]
    assert replay(doc.base_text, out.edits) == out.text


def test_spans_map_back_through_earlier_batches() -> None:
    doc = Document.from_text("aa XX bb YY cc")
    d1 = doc.with_edits("one", [Change(3, 6, "", "x")])  # "aa bb YY cc"
    d2 = d1.with_edits("two", [Change(6, 8, "zz", "y")])  # YY -> zz
    last = d2.edits[-1]
    assert (last.before, last.start, last.end) == ("YY", 9, 11)
    assert doc.base_text[last.start : last.end] == "YY"
    assert replay(doc.base_text, d2.edits) == d2.text == "aa bb zz cc"


def test_span_inside_inserted_text_is_unmappable() -> None:
    doc = Document.from_text("ab").with_edits("one", [Change(1, 1, "XYZ", "ins")])
    d2 = doc.with_edits("two", [Change(2, 3, "", "cut")])  # the Y inserted above
    assert (d2.edits[-1].start, d2.edits[-1].end) == (None, None)
    assert replay("ab", d2.edits) == d2.text == "aXZb"


def test_overlapping_changes_are_refused() -> None:
    doc = Document.from_text("abcdef")
    with pytest.raises(ValueError, match="overlapping"):
        doc.with_edits("s", [Change(0, 3, "", "a"), Change(2, 4, "", "b")])


def test_no_op_changes_are_not_logged() -> None:
    doc = Document.from_text("same")
    assert doc.with_edits("s", [Change(0, 4, "same", "none")]) is doc


def test_fields_are_checked_and_read_only() -> None:
    doc = Document.from_text("x").with_fields(title="T")
    assert doc.get("title") == "T"
    with pytest.raises(ValueError, match="unknown field"):
        doc.with_fields(colour="red")
    with pytest.raises(TypeError):
        doc.fields["title"] = "other"  # type: ignore[index]


def test_decisions_change_no_text_and_are_not_edits() -> None:
    doc = Document.from_text("text").with_decision("s", "why", value="2024-03-05", candidates=["a", "b"])
    assert doc.text == "text"
    assert doc.edits == ()
    (decision,) = doc.decisions
    assert (decision.stage, decision.reason) == ("s", "why")
    assert decision.data == {"value": "2024-03-05", "candidates": ("a", "b")}
    assert replay("text", doc.edits) == "text"


def test_decision_data_is_read_only_json_ready_and_picklable() -> None:
    decision = Decision("s", "why", {"score": 1.5, "parts": {"a": [1, 2]}})
    with pytest.raises(TypeError):
        decision.data["score"] = 2  # type: ignore[index]
    assert pickle.loads(pickle.dumps(decision)) == decision
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision
    assert decision.to_dict() == {
        "stage": "s",
        "reason": "why",
        "data": {"score": 1.5, "parts": {"a": [1, 2]}},
    }
    with pytest.raises(TypeError, match="when"):
        Decision("s", "why", {"when": datetime(2024, 3, 5)})


def test_replay_detects_a_tampered_log() -> None:
    doc = Document.from_text("hello world").with_edits("s", [Change(0, 5, "HELLO", "r")])
    with pytest.raises(ValueError, match="does not match"):
        replay("jello world", doc.edits)


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.text(max_size=5)), max_size=6),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.text(max_size=5)), max_size=6),
)
@example("00", [(0, 0, ""), (0, 1, "")], [(1, 0, "0")])  # an insertion where text was removed
def test_replay_invariant_holds_for_any_batches(text: str, b1: list, b2: list) -> None:
    doc = Document.from_text(text)
    for batch in (b1, b2):
        changes, pos = [], 0
        for start, length, after in sorted(batch):
            start = max(start, pos)
            if start > len(doc.text):
                break
            end = min(start + length, len(doc.text))
            changes.append(Change(start, end, after, "r"))
            pos = end + 1
        effective = [c for c in changes if doc.text[c.start : c.end] != c.after]
        expected = [doc.base_span(c.start, c.end) for c in effective]
        before = len(doc.edits)
        doc = doc.with_edits("s", changes)
        assert [(e.start, e.end) for e in doc.edits[before:]] == expected
    assert replay(text, doc.edits) == doc.text
    for e in doc.edits:
        if e.start is not None and e.end is not None:
            assert 0 <= e.start <= e.end <= len(text)


def test_spans_next_to_a_deletion_exclude_the_deleted_text() -> None:
    doc = Document.from_text("keep DROP tail")
    d1 = doc.with_edits("one", [Change(5, 10, "", "x")])  # "keep tail"
    d2 = d1.with_edits("two", [Change(0, 5, "", "y"), Change(5, 9, "", "z")])
    before_gap, after_gap = d2.edits[1], d2.edits[2]
    assert doc.base_text[before_gap.start : before_gap.end] == "keep "
    assert doc.base_text[after_gap.start : after_gap.end] == "tail"


def _whitespace_flood(n: int) -> tuple[str, list[Change]]:
    """``n`` runs of two spaces, each followed by ``a >`` (a breadcrumb flood), to make one space."""
    text = "a  >  " * n
    return text, [Change(i, i + 2, " ", "whitespace") for i in range(1, len(text), 3)]


def test_a_dense_run_is_logged_as_one_edit_that_replays() -> None:
    text, changes = _whitespace_flood(document.DENSE_RUN)
    doc = Document.from_text("head\n" + text).with_edits(
        "s", [c._replace(start=c.start + 5, end=c.end + 5) for c in changes]
    )
    (edit,) = doc.edits
    assert doc.text == "head\n" + "a > " * document.DENSE_RUN
    assert (edit.action, edit.reason, edit.before, edit.start, edit.end) == (
        "replace",
        "whitespace",
        text[1:],
        6,
        5 + len(text),
    )
    assert replay(doc.base_text, doc.edits) == doc.text
    assert doc.base_span(0, 4) == (0, 4)  # the text before the run maps as it was


def test_a_run_shorter_than_dense_run_keeps_one_edit_per_change() -> None:
    text, changes = _whitespace_flood(document.DENSE_RUN // 2 - 1)  # two changes per "a  >  "
    doc = Document.from_text(text).with_edits("s", changes)
    assert len(doc.edits) == len(changes) == document.DENSE_RUN - 2
    assert {(e.before, e.after) for e in doc.edits} == {("  ", " ")}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda i, c: c._replace(reason="nbsp") if i % 2 else c,  # two reasons alternate
        lambda i, c: c._replace(action="replace"),  # an action given by the stage
    ],
)
def test_only_same_reason_changes_without_an_explicit_action_merge(spoil: Any) -> None:
    text, changes = _whitespace_flood(document.DENSE_RUN)
    doc = Document.from_text(text).with_edits("s", [spoil(i, c) for i, c in enumerate(changes)])
    assert len(doc.edits) == len(changes)
    assert replay(text, doc.edits) == doc.text


def test_changes_further_apart_than_dense_gap_do_not_merge() -> None:
    gap = "x" * (document.DENSE_GAP + 1)
    text = (gap + "  ") * document.DENSE_RUN
    step = len(gap) + 2
    changes = [Change(i + len(gap), i + step, " ", "whitespace") for i in range(0, len(text), step)]
    doc = Document.from_text(text).with_edits("s", changes)
    assert len(doc.edits) == document.DENSE_RUN


@given(st.text(alphabet="ab ", max_size=120), st.integers(1, 4), st.integers(0, 3))
def test_coalesced_batches_replay_and_change_the_text_alike(text: str, dense_run: int, gap: int) -> None:
    changes = [Change(i, i + 1, "_" if i % 3 else "", "r") for i, ch in enumerate(text) if ch == " "]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(document, "DENSE_RUN", dense_run)
        mp.setattr(document, "DENSE_GAP", gap)
        merged = Document.from_text(text).with_edits("s", changes)
    plain = Document.from_text(text).with_edits("s", changes)
    assert merged.text == plain.text
    assert replay(text, merged.edits) == merged.text
    assert len(merged.edits) <= len(plain.edits)
    for e in merged.edits:
        assert e.start is not None and e.end is not None
        assert text[e.start : e.end] == e.before


def test_a_breadcrumb_flood_keeps_a_small_log_and_little_memory() -> None:
    flood = "a  >  " * 20_000 + "a>"
    clean(flood[:600])  # load the vocabularies first
    tracemalloc.start()
    try:
        article = clean(flood)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(article.edits) <= 2
    assert replay(article.base_text, article.edits[article.base_index :]) == "\n\n".join(article.paragraphs)
    # one logged edit per blank run cost about 165 bytes per input character
    assert peak < 30 * len(flood)
