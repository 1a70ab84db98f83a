"""Tests of the Dask integration (``newsclean.integrations.dask``) on a local two-process cluster."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

STORY = "The harbour wall was repaired over the summer, the council said on Friday."


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
