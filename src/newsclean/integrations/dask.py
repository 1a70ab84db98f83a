"""Clean captures with Dask: DataFrames and Bags, on a ``dask.distributed`` cluster.

Cleaning is CPU-bound Python, so Dask's default thread scheduler gains nothing
(the GIL); use worker **processes**, i.e. a ``dask.distributed`` cluster::

    from dask.distributed import Client, LocalCluster
    from newsclean.integrations.dask import clean_dask, warm_workers

    client = Client(LocalCluster(n_workers=4, threads_per_worker=1, processes=True))
    warm_workers(client)                                  # optional: build the pipeline now
    frame = dd.read_json("captures-*.jsonl", lines=True, blocksize="64MB")
    articles = clean_dask(frame, "html", url_column="url")
    write_parquet(articles, "articles/")  # = articles.to_parquet("articles/", schema=arrow_schema(...))

Each worker process builds the pipeline once and keeps it for every later
partition (:func:`worker_pipeline`); the pipeline travels in the task graph as
a few hundred pickled bytes. Scalar output columns have Arrow types in
``meta``; list and struct columns (``paragraphs``, ``edits``…) hold Python
lists and dicts, because pandas cannot read nested Arrow dtypes back from
Parquet metadata. Dask cannot infer those nested types from ``meta``, so give
``to_parquet`` the schema (:func:`newsclean.integrations.frames.arrow_schema`),
or call :func:`write_parquet`, which does.

Needs ``pip install 'newsclean[dask]'`` (dask, distributed, pandas, pyarrow).
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsclean.errors import MissingDependencyError, NewscleanError

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = ["clean_bag", "clean_dask", "warm_workers", "worker_pipeline", "write_parquet"]

#: Pipelines built in this process, by their pickled form (``b""`` is the default pipeline).
_PIPELINES: dict[bytes, Pipeline] = {}
_WARMUP_TEXT = "Officials said on Monday that the bridge will reopen on Friday.\nShare this article"


def _require_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
    except ImportError:
        raise MissingDependencyError(
            "dask is not installed; install it with: pip install 'newsclean[dask]'"
        ) from None


def _blob(pipeline: Pipeline | None) -> bytes:
    return b"" if pipeline is None else pickle.dumps(pipeline)


def worker_pipeline(blob: bytes = b"") -> Pipeline:
    """Return the pipeline pickled in ``blob``, built and warmed once per process.

    Args:
        blob: ``pickle.dumps(pipeline)``, or ``b""`` for the default pipeline.
    """
    p = _PIPELINES.get(blob)
    if p is None:
        from newsclean.defaults import default_pipeline

        p = pickle.loads(blob) if blob else default_pipeline()
        with contextlib.suppress(NewscleanError):  # a custom pipeline may refuse the warm-up text
            p(_WARMUP_TEXT)
        _PIPELINES[blob] = p
    return p


def _warm(blob: bytes) -> int:
    worker_pipeline(blob)
    return len(_PIPELINES)


def warm_workers(client: Any, pipeline: Pipeline | None = None) -> None:
    """Build (and warm) the pipeline on every worker of a ``dask.distributed`` client now.

    Optional: without it each worker builds the pipeline at its first partition.
    """
    client.run(_warm, _blob(pipeline))


def _partition(
    part: Any,
    column: str,
    url_column: str | None,
    captured_at_column: str | None,
    blob: bytes,
    keep: list[str],
    options: dict[str, Any],
) -> Any:
    from newsclean.integrations.frames import clean_frame

    return clean_frame(
        part,
        column,
        url_column=url_column,
        captured_at_column=captured_at_column,
        pipeline=worker_pipeline(blob),
        columns=keep,
        typed=True,
        **options,
    )


def clean_dask(
    frame: Any,
    column: str = "text",
    *,
    url_column: str | None = None,
    captured_at_column: str | None = None,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """Clean a column of a Dask DataFrame lazily, partition by partition.

    Args:
        frame: A Dask DataFrame.
        column: The column holding the captures (str or bytes).
        url_column: A column of page addresses, passed row by row.
        captured_at_column: A column of capture times, passed row by row.
        pipeline: A custom pipeline; the default one otherwise.
        columns: Keep only these article columns (default: all, plus ``error``).
        **options: Passed to :func:`newsclean.clean` for every row.

    Returns:
        A Dask DataFrame with the input's index and typed article columns;
        call ``.compute()`` or ``.to_parquet(...)`` to run it.

    Raises:
        MissingDependencyError: If dask, pandas or pyarrow is missing.
        KeyError: If a named column is not in the frame.
    """
    _require_dask()
    from newsclean.integrations.frames import ARTICLE_COLUMNS, empty_frame

    for name in (column, url_column, captured_at_column):
        if name is not None and name not in frame.columns:
            raise KeyError(f"no column {name!r}; the frame has {list(frame.columns)}")
    keep = list(columns) if columns else list(ARTICLE_COLUMNS)
    meta = empty_frame(keep, typed=True)
    return frame.map_partitions(
        _partition,
        column,
        url_column,
        captured_at_column,
        _blob(pipeline),
        keep,
        options,
        meta=meta,
        enforce_metadata=False,
    )


def _bag_partition(
    items: Any, blob: bytes, keys: list[str] | None, options: dict[str, Any]
) -> list[dict[str, Any]]:
    from newsclean.batch import Capture

    p = worker_pipeline(blob)
    out = []
    for item in items:
        per_item = dict(options)
        raw = item
        if isinstance(item, Capture):
            raw = item.raw
            per_item.update({k: v for k, v in (("url", item.url), ("captured_at", item.captured_at)) if v})
        try:
            data = {**p(raw, **per_item).to_dict(), "error": None}
        except NewscleanError as exc:
            from newsclean.article import Article

            data = {**Article().to_dict(), "error": f"{type(exc).__name__}: {exc}"}
        out.append({k: data[k] for k in keys} if keys else data)
    return out


def clean_bag(
    bag: Any,
    *,
    pipeline: Pipeline | None = None,
    keys: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """Clean a Dask Bag of captures (str, bytes or :class:`~newsclean.batch.Capture`) into dicts.

    Each result is ``Article.to_dict()`` plus ``error`` (``None`` on success),
    restricted to ``keys`` when given. ``bag.to_dataframe(meta=empty_frame(keys))``
    then makes a typed DataFrame.
    """
    _require_dask()
    return bag.map_partitions(_bag_partition, _blob(pipeline), list(keys) if keys else None, options)


def write_parquet(articles: Any, path: Any, **kwargs: Any) -> Any:
    """Write a frame made by :func:`clean_dask` to Parquet with the article schema.

    Args:
        articles: The Dask DataFrame returned by :func:`clean_dask`.
        path: Where to write (a folder, local or remote as Dask accepts).
        **kwargs: Passed to ``DataFrame.to_parquet``.
    """
    from newsclean.integrations.frames import arrow_schema

    kwargs.setdefault("schema", arrow_schema(list(articles.columns)))
    return articles.to_parquet(path, **kwargs)
