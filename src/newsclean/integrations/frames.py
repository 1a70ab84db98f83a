"""Clean a column of captures in pandas or Dask.

>>> import pandas as pd  # doctest: +SKIP
>>> from newsclean.integrations.frames import clean_frame  # doctest: +SKIP
>>> clean_frame(pd.DataFrame({"text": ["A clean sentence about the vote."]}))["paragraphs"][0]  # doctest: +SKIP
['A clean sentence about the vote.']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsclean.article import DICT_KEYS, Article
from newsclean.errors import MissingDependencyError, NewscleanError

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = ["ARTICLE_COLUMNS", "clean_dask", "clean_frame", "clean_series"]

#: Columns of the frames returned here: the article schema plus ``error``.
ARTICLE_COLUMNS: tuple[str, ...] = (*DICT_KEYS, "error")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "pandas is not installed; install it with: pip install 'newsclean[pandas]'"
        ) from None
    return pandas


def _row(raw: Any, pipeline: Pipeline | None, options: dict[str, Any]) -> dict[str, Any]:
    from newsclean.api import clean

    if raw is None or (isinstance(raw, float) and raw != raw):  # None or NaN: a missing value
        return {**Article().to_dict(), "error": "missing value"}
    try:
        return {**clean(raw, pipeline=pipeline, **options).to_dict(), "error": None}
    except NewscleanError as exc:
        return {**Article().to_dict(), "error": f"{type(exc).__name__}: {exc}"}


def clean_series(
    texts: Any,
    *,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """Clean every capture of a pandas Series; return a DataFrame with the same index.

    A capture that cannot be cleaned gives an empty article and its message in
    the ``error`` column; missing values (None/NaN) do too.

    Args:
        texts: A Series of str or bytes.
        pipeline: A custom pipeline (default pipeline otherwise).
        columns: Keep only these columns (default ``ARTICLE_COLUMNS``).
        **options: Passed to :func:`newsclean.clean` (``url`` excepted).
    """
    pd = _pandas()
    rows = [_row(raw, pipeline, options) for raw in texts]
    frame = pd.DataFrame(rows, index=texts.index, columns=list(ARTICLE_COLUMNS))
    return frame[list(columns)] if columns else frame


def clean_frame(
    frame: Any,
    column: str = "text",
    *,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """Clean ``frame[column]``; return the article columns (see :func:`clean_series`).

    Raises:
        KeyError: If ``column`` is not in the frame.
    """
    if column not in frame.columns:
        raise KeyError(f"no column {column!r}; the frame has {list(frame.columns)}")
    return clean_series(frame[column], pipeline=pipeline, columns=columns, **options)


def clean_dask(
    frame: Any,
    column: str = "text",
    *,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """Clean a column of a Dask DataFrame lazily, partition by partition.

    Stages are pure functions, so the pipeline is shipped to the workers as
    is. Call ``.compute()`` (or write the result out) to run it.
    """
    try:
        import dask.dataframe  # noqa: F401
    except ImportError:
        raise MissingDependencyError(
            "dask is not installed; install it with: pip install 'newsclean[dask]'"
        ) from None
    pd = _pandas()
    keep = list(columns) if columns else list(ARTICLE_COLUMNS)
    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in keep})
    return frame.map_partitions(clean_frame, column, pipeline=pipeline, columns=keep, meta=meta, **options)
