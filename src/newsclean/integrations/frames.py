"""Clean a column of captures in pandas (for Dask see :mod:`newsclean.integrations.dask`).

The result has one row per input, with the same index, and typed columns:
``published`` is a timezone-aware datetime (UTC), lists stay lists, and with
``typed=True`` (what Dask uses) every column has an Arrow type, so the frame
writes to Parquet as is.

>>> import pandas as pd  # doctest: +SKIP
>>> from newsclean.integrations.frames import clean_frame  # doctest: +SKIP
>>> clean_frame(pd.DataFrame({"text": ["A clean sentence about the vote."]}))["paragraphs"][0]  # doctest: +SKIP
['A clean sentence about the vote.']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from newsclean.article import DICT_KEYS, Article
from newsclean.errors import MissingDependencyError, NewscleanError

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = ["ARTICLE_COLUMNS", "arrow_schema", "clean_frame", "clean_series", "empty_frame"]

#: Columns of the frames returned here: the article schema plus ``error``.
ARTICLE_COLUMNS: tuple[str, ...] = (*DICT_KEYS, "error")
#: Columns with an Arrow type in :func:`arrow_schema`; others are JSON strings when typed.
TYPED_COLUMNS = frozenset(
    {
        "title", "paragraphs", "text", "published", "dates", "authors", "author_roles", "dateline", "site_name", "section",
        "tags", "related", "language", "spam_keywords", "spun", "edits", "decisions", "warnings", "error",
    }
)  # fmt: skip


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "pandas is not installed; install it with: pip install 'newsclean[pandas]'"
        ) from None
    return pandas


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingDependencyError(
            "typed (Arrow) columns need pyarrow; install it with: pip install 'newsclean[dask]'"
        ) from None
    return pyarrow


def arrow_schema(columns: Sequence[str] = ARTICLE_COLUMNS) -> Any:
    """Return the ``pyarrow.schema`` of the article columns.

    A decision's free-form ``data`` mapping, and any column not named in
    ``TYPED_COLUMNS``, is a JSON string in typed frames.
    """
    pa = _pyarrow()
    strings = pa.list_(pa.string())
    types: dict[str, Any] = {
        "title": pa.string(),
        "paragraphs": strings,
        "text": pa.string(),
        "published": pa.timestamp("us", tz="UTC"),
        "dates": pa.list_(
            pa.struct([("value", pa.string()), ("kind", pa.string()), ("source", pa.string())])
        ),
        "authors": strings,
        "author_roles": pa.list_(pa.struct([("author", pa.string()), ("role", pa.string())])),
        "dateline": pa.struct([("place", pa.string()), ("agency", pa.string())]),
        "site_name": pa.string(),
        "section": pa.string(),
        "tags": strings,
        "related": strings,
        "language": pa.string(),
        "spam_keywords": strings,
        "spun": pa.bool_(),
        "edits": pa.list_(
            pa.struct(
                [
                    ("stage", pa.string()),
                    ("action", pa.string()),
                    ("reason", pa.string()),
                    ("before", pa.string()),
                    ("after", pa.string()),
                    ("start", pa.int64()),
                    ("end", pa.int64()),
                ]
            )
        ),
        "decisions": pa.list_(
            pa.struct([("stage", pa.string()), ("reason", pa.string()), ("data", pa.string())])
        ),
        "warnings": strings,
        "error": pa.string(),
    }
    return pa.schema([(c, types[c] if c in TYPED_COLUMNS else pa.string()) for c in columns])


def _utc(value: Any) -> datetime | None:
    """A published value as an aware UTC datetime: a date is its midnight, a naive time is read as UTC."""
    if isinstance(value, str):
        value = (
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            if len(value) > 10
            else date.fromisoformat(value)
        )
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return None


def _missing(value: Any) -> bool:
    """Tell whether a cell is missing: None, NaN, pandas NA or NaT."""
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or type(value).__name__ in ("NAType", "NaTType")
    )


def _row(raw: Any, options: dict[str, Any], pipeline: Pipeline | None) -> dict[str, Any]:
    from newsclean.api import clean

    if _missing(raw):
        return {**Article().to_dict(), "error": "missing value"}
    try:
        return {**clean(raw, pipeline=pipeline, **options).to_dict(), "error": None}
    except NewscleanError as exc:
        return {**Article().to_dict(), "error": f"{type(exc).__name__}: {exc}"}


def _per_row(values: Any, n: int, name: str) -> list[Any]:
    if values is None:
        return [None] * n
    out = list(values)
    if len(out) != n:
        raise ValueError(f"{name} has {len(out)} values for {n} captures")
    return [None if _missing(v) else v for v in out]


def _captured(value: Any) -> datetime | None:
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        raise TypeError(
            f"captured_at values must be datetimes or ISO 8601 strings, not {type(value).__name__}"
        )
    return value


def _frame(rows: list[dict[str, Any]], index: Any, keep: list[str], typed: bool) -> Any:
    pd = _pandas()
    data: dict[str, Any] = {}
    for c in keep:
        values = [r.get(c) for r in rows]
        if c == "published":
            data[c] = pd.Series([_utc(v) for v in values], index=index, dtype="datetime64[us, UTC]")
        elif c not in ARTICLE_COLUMNS:
            data[c] = pd.Series(
                [json.dumps(v, ensure_ascii=False) for v in values], index=index, dtype=object
            )
        elif c == "decisions" and typed:  # the schema stores each free-form data mapping as JSON
            data[c] = pd.Series(
                [
                    [{**d, "data": json.dumps(d.get("data"), ensure_ascii=False)} for d in v or []]
                    for v in values
                ],
                index=index,
                dtype=object,
            )
        else:
            data[c] = pd.Series(values, index=index, dtype=object)
    frame = pd.DataFrame(data, index=index, columns=keep)
    return _to_arrow_dtypes(frame) if typed else frame


def _to_arrow_dtypes(frame: Any) -> Any:
    """Give every scalar column its Arrow type (``arrow_schema``); nested columns stay lists.

    List and struct columns stay ``object`` holding lists and dicts: pandas
    cannot rebuild nested Arrow dtypes from Parquet metadata, while pyarrow
    writes these columns with the right nested type either way.
    """
    pd = _pandas()
    pa = _pyarrow()
    out = {}
    for field in arrow_schema(list(frame.columns)):
        col = frame[field.name]
        if field.name == "published" or pa.types.is_nested(field.type):
            out[field.name] = col
            continue
        values = [None if _missing(v) else v for v in col.tolist()]
        out[field.name] = pd.Series(pd.array(values, dtype=pd.ArrowDtype(field.type)), index=frame.index)
    return pd.DataFrame(out, index=frame.index)


def empty_frame(columns: Sequence[str] | None = None, *, typed: bool = True) -> Any:
    """Return an empty frame with the article columns and their types (Dask's ``meta``)."""
    pd = _pandas()
    keep = list(columns) if columns else list(ARTICLE_COLUMNS)
    return _frame([], pd.RangeIndex(0), keep, typed)


def clean_series(
    texts: Any,
    *,
    url: Any = None,
    captured_at: Any = None,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    typed: bool = False,
    **options: Any,
) -> Any:
    """Clean every capture of a pandas Series; return a DataFrame with the same index.

    A capture that cannot be cleaned gives an empty article and its message in
    the ``error`` column; missing values (None/NaN) do too.

    Args:
        texts: A Series of str or bytes.
        url: Per-row page addresses (a Series or sequence as long as ``texts``).
        captured_at: Per-row capture times (datetimes or ISO 8601 strings);
            they anchor relative dates such as "2 hours ago".
        pipeline: A custom pipeline (default pipeline otherwise).
        columns: Keep only these columns (default ``ARTICLE_COLUMNS``).
        typed: Give every column its Arrow type (needs pyarrow); ``published``
            is a UTC datetime column either way.
        **options: Passed to :func:`newsclean.clean` for every row.

    Raises:
        ValueError: If ``url`` or ``captured_at`` is not as long as ``texts``.
    """
    n = len(texts)
    urls = _per_row(url, n, "url")
    times = [_captured(v) for v in _per_row(captured_at, n, "captured_at")]
    rows = []
    for raw, u, t in zip(texts, urls, times, strict=True):
        per_row = {**options, **({"url": u} if u is not None else {}), **({"captured_at": t} if t else {})}
        rows.append(_row(raw, per_row, pipeline))
    keep = list(columns) if columns else list(ARTICLE_COLUMNS)
    return _frame(rows, texts.index, keep, typed)


def clean_frame(
    frame: Any,
    column: str = "text",
    *,
    url_column: str | None = None,
    captured_at_column: str | None = None,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    typed: bool = False,
    **options: Any,
) -> Any:
    """Clean ``frame[column]``; return the article columns (see :func:`clean_series`).

    Args:
        frame: A pandas DataFrame.
        column: The column holding the captures.
        url_column: A column of page addresses, passed row by row.
        captured_at_column: A column of capture times, passed row by row.
        pipeline: A custom pipeline (default pipeline otherwise).
        columns: Keep only these columns (default ``ARTICLE_COLUMNS``).
        typed: Give every column its Arrow type (see :func:`clean_series`).
        **options: Passed to :func:`newsclean.clean`.

    Raises:
        KeyError: If a named column is not in the frame.
    """
    for name in (column, url_column, captured_at_column):
        if name is not None and name not in frame.columns:
            raise KeyError(f"no column {name!r}; the frame has {list(frame.columns)}")
    return clean_series(
        frame[column],
        url=frame[url_column] if url_column else None,
        captured_at=frame[captured_at_column] if captured_at_column else None,
        pipeline=pipeline,
        columns=columns,
        typed=typed,
        **options,
    )
