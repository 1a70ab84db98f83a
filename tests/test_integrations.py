from __future__ import annotations

import pytest

from newsclean.errors import ConfigError
from newsclean.integrations.scrapy import NewscleanPipeline

STORY = "The harbour wall was repaired over the summer, the council said on Friday."


def test_frames_clean_a_column_and_keep_the_index() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame({"text": [STORY, None, b"\x00\x01\x02" * 50]}, index=["a", "b", "c"])
    out = clean_frame(frame, "text")
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["a", "paragraphs"] == [STORY]
    assert pd.isna(out.loc["a", "error"])
    assert out.loc["b", "error"] == "missing value"
    assert out.loc["c", "error"].startswith("InputError")
    with pytest.raises(KeyError, match="no column"):
        clean_frame(frame, "html")


def test_dask_partitions_give_the_same_result() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from newsclean.integrations.frames import clean_dask, clean_frame

    frame = pd.DataFrame({"text": [STORY, STORY.upper(), "Another short clean line of text."]})
    lazy = clean_dask(dd.from_pandas(frame, npartitions=2), "text", columns=["paragraphs", "error"])
    got = lazy.compute()
    want = clean_frame(frame, "text", columns=["paragraphs", "error"])
    assert got["paragraphs"].tolist() == want["paragraphs"].tolist()


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
