from __future__ import annotations

import gc
import json
import pickle
from datetime import UTC, datetime

import pytest

from newsclean import Capture, clean, clean_many, default_pipeline
from newsclean.batch import collector_paused
from newsclean.document import Document
from newsclean.errors import ConfigError, InputError, StageError

STORIES = [
    "The harbour wall was repaired over the summer, the council said on Friday.",
    "A new bus line will connect the two hospitals from next month, officials said.",
    "The library extended its opening hours after a survey of more than 2,000 readers.",
    "Farmers in the valley expect a smaller harvest because of the dry spring weather.",
]
BINARY = bytes(range(256)) * 4


def test_pool_results_equal_sequential_results_in_input_order() -> None:
    items: list[str | bytes] = [*STORIES, BINARY, *STORIES, STORIES[0].encode("utf-8")]
    sequential = list(clean_many(items, on_error="record"))
    pooled = list(clean_many(items, workers=2, chunksize=2, on_error="record"))
    assert pooled == sequential
    assert [a.raw for a in pooled] == items  # raw re-attached in the parent
    assert pooled[4].warnings[0].startswith("error: InputError")
    assert [a.edits for a in pooled] == [a.edits for a in sequential]


def test_pool_skip_and_raise() -> None:
    items: list[str | bytes] = [STORIES[0], BINARY, STORIES[1], STORIES[2], STORIES[3]]
    kept = list(clean_many(items, workers=2, chunksize=1, on_error="skip", returns="dict", keys=["text"]))
    assert kept == [{"text": s} for s in STORIES]
    with pytest.raises(InputError, match="binary"):
        list(clean_many(items, workers=2, chunksize=1))


def test_returns_json_and_dict_without_raw() -> None:
    got = list(clean_many(STORIES[:2], returns="json", keys=["paragraphs", "warnings"]))
    assert [json.loads(g) for g in got] == [{"paragraphs": [s], "warnings": []} for s in STORIES[:2]]
    articles = list(clean_many(STORIES[:2], keep_raw=False))
    assert [a.raw for a in articles] == [None, None]
    failed = list(clean_many([BINARY], on_error="record", returns="dict", keys=["warnings"]))
    assert failed[0]["warnings"][0].startswith("error: InputError")


def test_captures_carry_their_own_options() -> None:
    text = "Posted 2 hours ago\nThe harbour wall was repaired, the council said."
    when = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    got = list(clean_many([Capture(text, url="https://example.org/a", captured_at=when)], workers=1))
    want = clean(text, url="https://example.org/a", captured_at=when)
    assert got == [want]


def test_bad_arguments_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="workers"):
        clean_many(STORIES, workers=0)
    with pytest.raises(ConfigError, match="chunksize"):
        clean_many(STORIES, chunksize=0)
    with pytest.raises(ConfigError, match="on_error"):
        clean_many(STORIES, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unknown article keys"):
        clean_many(STORIES, returns="dict", keys=["body"])
    with pytest.raises(InputError, match="iterable of captures"):
        clean_many(STORIES[0])


def test_a_generator_is_read_as_it_is_cleaned() -> None:
    read: list[int] = []

    def source() -> object:
        for i, s in enumerate(STORIES * 4):
            read.append(i)
            yield s

    results = clean_many(source(), workers=2, chunksize=1)  # type: ignore[arg-type]
    next(results)
    assert len(read) < 16  # bounded prefetch, not the whole input
    assert len(list(results)) == 15


def test_stage_errors_survive_pickling() -> None:
    err = pickle.loads(pickle.dumps(StageError("remove_spam", "ValueError: boom")))
    assert isinstance(err, StageError)
    assert (err.stage, str(err)) == ("remove_spam", "stage 'remove_spam' failed: ValueError: boom")


# -- the cyclic collector: paused while a capture is cleaned, restored after --------------
def _collector_state(doc: Document) -> Document:
    """A stage recording whether the collector runs and how many objects are frozen."""
    return doc.with_extra("collector", (gc.isenabled(), gc.get_freeze_count() > 0))


_collector_state.name = "collector_state"  # type: ignore[attr-defined]


def test_collector_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    with collector_paused(False):
        assert gc.isenabled()


def test_collector_paused_leaves_a_collector_turned_off_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("pause", "running"), [(True, False), (False, True)])
def test_clean_many_pauses_the_collector_per_capture_in_this_process(pause: bool, running: bool) -> None:
    pipeline = default_pipeline().insert(_collector_state)
    seen = []
    for article in clean_many(STORIES[:2], pipeline=pipeline, pause_collector=pause):
        seen.append(article.extra["collector"])
        assert gc.isenabled()  # restored while the caller's code runs
    # the caller's process is never frozen
    assert seen == [(running, False), (running, False)] and gc.get_freeze_count() == 0


def test_workers_pause_the_collector_and_freeze_their_tables() -> None:
    pipeline = default_pipeline().insert(_collector_state)
    frozen = gc.get_freeze_count()
    got = [a.extra["collector"] for a in clean_many(STORIES, pipeline=pipeline, workers=2, chunksize=1)]
    assert got == [(False, True)] * len(STORIES)
    kept = [
        a.extra["collector"]
        for a in clean_many(STORIES, pipeline=pipeline, workers=2, chunksize=1, pause_collector=False)
    ]
    assert kept == [(True, False)] * len(STORIES)
    assert gc.get_freeze_count() == frozen and gc.isenabled()
