from __future__ import annotations

import os
from pathlib import Path

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


def test_frames_published_is_an_aware_datetime_and_rows_take_url_and_capture_time() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame(
        {
            "text": [f"Posted 2 hours ago\n{STORY}", f"Published: 2024-03-05\n{STORY}", STORY],
            "url": ["https://example.org/a", "https://example.org/b", None],
            "when": ["2024-05-01T12:00:00Z", None, None],
        }
    )
    out = clean_frame(frame, "text", url_column="url", captured_at_column="when")
    assert str(out["published"].dtype) == "datetime64[us, UTC]"
    assert out.loc[0, "published"] == pd.Timestamp("2024-05-01T10:00:00Z")
    assert out.loc[1, "published"] == pd.Timestamp("2024-03-05T00:00:00Z")
    assert pd.isna(out.loc[2, "published"])
    without = clean_frame(frame, "text")
    assert pd.isna(without.loc[0, "published"])  # "2 hours ago" needs the capture time
    with pytest.raises(KeyError, match="no column 'stamp'"):
        clean_frame(frame, "text", captured_at_column="stamp")


def test_typed_frame_round_trips_through_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame({"text": [STORY, None, "Share this\n" + STORY]})
    out = clean_frame(frame, "text", typed=True)
    out.to_parquet(tmp_path / "a.parquet")
    back = pd.read_parquet(tmp_path / "a.parquet")
    assert list(back["text"]) == [STORY, "", STORY]
    assert list(back["paragraphs"][2]) == [STORY]
    assert back["edits"][2][0]["reason"] == "boilerplate_line" or len(back["edits"][2]) >= 1


@pytest.mark.slow
def test_dask_distributed_cluster_cleans_and_writes_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    from newsclean.integrations.dask import clean_dask, warm_workers, write_parquet
    from newsclean.integrations.frames import clean_frame

    texts = [f"Story {n} of the day.\n{STORY}" for n in range(8)] + [None]
    frame = pd.DataFrame({"text": texts, "url": [f"https://example.org/{n}" for n in range(9)]})
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        warm_workers(client)
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids
        lazy = clean_dask(dd.from_pandas(frame, npartitions=3), "text", url_column="url")
        write_parquet(lazy, tmp_path / "out")
    back = pd.read_parquet(tmp_path / "out").sort_index()
    want = clean_frame(frame, "text", url_column="url")
    assert list(back["text"]) == list(want["text"])
    assert back["error"].iloc[-1] == "missing value"
    assert back["error"].iloc[:8].isna().all()
    assert [list(p) for p in back["paragraphs"][:8]] == [list(p) for p in want["paragraphs"][:8]]


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
