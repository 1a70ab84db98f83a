"""Tests of the Scrapy item pipeline (``newsclean.integrations.scrapy``)."""

from __future__ import annotations

import pytest

from newsclean.errors import ConfigError
from newsclean.integrations.scrapy import NewscleanPipeline

STORY = "The harbour wall was repaired over the summer, the council said on Friday."


def test_scrapy_pipeline_cleans_items_and_keeps_failures_when_asked() -> None:
    pipe = NewscleanPipeline(on_error="keep")
    item = pipe.process_item({"url": "https://example.org/a", "text": STORY})
    assert item["article"]["paragraphs"] == [STORY]
    failed = pipe.process_item({"text": ""})
    assert failed["article"] == {"error": "no capture in fields ['html', 'text']"}


def test_scrapy_pipeline_settings_are_checked() -> None:
    with pytest.raises(ConfigError):
        NewscleanPipeline(on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        NewscleanPipeline(fields=())
