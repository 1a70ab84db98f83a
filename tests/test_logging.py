"""The library logs through the "newsclean" logger and never prints."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_library_logger_has_a_null_handler() -> None:
    handlers = logging.getLogger("newsclean").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)


def test_cleaning_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    newsclean.clean((FIXTURES / "004_9cc89ab7c38bfaf7.txt").read_text(encoding="utf-8"))
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_stage_edits_and_decisions_are_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    raw = (FIXTURES / "004_9cc89ab7c38bfaf7.txt").read_text(encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="newsclean"):
        article = newsclean.clean(raw)
    records = [r for r in caplog.records if r.name == "newsclean"]
    assert records and all(r.levelno == logging.DEBUG for r in records)
    messages = [r.getMessage() for r in records]
    stages = {e.stage for e in article.edits}
    for name in stages:
        assert any(m.startswith(f"{name}: ") for m in messages), name
    assert any("decided published_date" in m for m in messages)


def test_nothing_is_logged_below_the_configured_level(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="newsclean"):
        newsclean.clean("Share this story\nThe vote was held on Monday, officials said.")
    assert [r for r in caplog.records if r.name == "newsclean"] == []


@pytest.mark.parametrize("on_error", ["skip", "record"])
def test_skipped_or_recorded_input_is_logged_at_info(on_error: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="newsclean"):
        out = list(newsclean.clean_many(["Fine text, officials said.", 42], on_error=on_error))  # type: ignore[list-item,arg-type]
    assert len(out) == (1 if on_error == "skip" else 2)
    infos = [r.getMessage() for r in caplog.records if r.name == "newsclean" and r.levelno == logging.INFO]
    assert len(infos) == 1 and infos[0].startswith("input 1 ") and "InputError" in infos[0]
