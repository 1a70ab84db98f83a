"""The one-call entry points: :func:`clean` and :func:`clean_many`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsclean.article import Article
from newsclean.defaults import default_pipeline
from newsclean.errors import ConfigError, InputError
from newsclean.options import CleanOptions
from newsclean.pipeline import library_logger

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from newsclean.batch import Capture, Returns
    from newsclean.options import CleanOptionsArgs
    from newsclean.pipeline import OnError, Pipeline

__all__ = ["clean", "clean_many"]


def clean(
    raw: str | bytes,
    *,
    pipeline: Pipeline | None = None,
    options: CleanOptions | None = None,
    **values: Unpack[CleanOptionsArgs],
) -> Article:
    """Clean one capture (plain text, HTML, or bytes of either) into an Article.

    The options are those of :class:`~newsclean.options.CleanOptions`, given
    by name (``url=``, ``captured_at=``, ``language=``...) or as one
    ``options`` object; names given override the object's values:

    - ``url``: the page address, when known.
    - ``captured_at``: when the page was captured (a ``datetime``); relative
      dates ("2 hours ago") are resolved against it.
    - ``kind``: ``auto`` sniffs HTML versus text.
    - ``encoding``: declared charset of byte input. Bytes are otherwise
      decoded by BOM, UTF-8, the page's meta charset, or detection; the
      choice is recorded as an edit.
    - ``spam_keywords``: phrases known to be injected; removed wherever found.
    - ``profile``: a :class:`newsclean.profile.SiteProfile` learned from the site.
    - ``language``: language code, if known (it then wins over the page's
      declared and the detected language).
    - ``repair_tortured``: replace tortured phrases instead of only reporting them.
    - ``max_chars``: refuse longer inputs (default 50 million characters).

    Args:
        raw: The capture.
        pipeline: A custom pipeline; the default one otherwise.
        options: A :class:`~newsclean.options.CleanOptions`.
        **values: Options by name, as listed above.

    Returns:
        The cleaned :class:`Article`; ``article.edits`` records every change.

    Raises:
        OptionError: An unknown option, or a value of the wrong type (the
            message names the option).
        InputError: Input of the wrong type, binary data, or over ``max_chars``.
        StageError: A stage failed unexpectedly (a bug; please report it).

    >>> clean("Markets rallied on Monday after the report was published.").paragraphs
    ('Markets rallied on Monday after the report was published.',)
    """
    p = pipeline if pipeline is not None else default_pipeline()
    return p(raw, options=options, **values)


def clean_many(
    items: Iterable[str | bytes | Capture],
    *,
    pipeline: Pipeline | None = None,
    on_error: OnError = "raise",
    workers: int | None = 1,
    chunksize: int | None = None,
    returns: Returns = "article",
    keys: Sequence[str] | None = None,
    keep_raw: bool = True,
    pause_collector: bool = True,
    **options: Any,
) -> Iterator[Any]:
    """Clean many captures, in input order, on one core or on many.

    With ``workers=1`` (the default) captures are cleaned lazily in this
    process, like :meth:`Pipeline.pipe`. With more, a pool of worker processes
    cleans chunks of captures; each worker builds the pipeline once. Results
    still come back in input order and the input is read as it is cleaned.

    Sending a result between processes costs time: an article's edit log is
    most of it. Ask only for what you need: ``returns="dict"`` with ``keys``,
    or ``returns="json"`` (the cheapest); ``raw`` is never sent back, it is
    re-attached from the input unless ``keep_raw=False``.

    The cyclic garbage collector is paused while each capture is cleaned and
    restored right after, in this process too (:mod:`newsclean.batch` says
    why; worker processes also freeze their warmed-up tables). Pass
    ``pause_collector=False`` to leave the collector alone.

    Args:
        items: Captures (str or bytes), or :class:`~newsclean.batch.Capture`
            objects carrying their own ``url`` and ``captured_at``.
        pipeline: A custom pipeline; the default one otherwise.
        on_error: ``raise`` stops at the first error; ``skip`` drops a failing
            capture; ``record`` yields an empty article (or its dict) whose
            ``warnings`` hold the error.
        workers: Processes to use; ``None`` means every available core.
        chunksize: Captures sent to a worker at a time (default 16).
        returns: ``article``, ``dict`` (``Article.to_dict()``) or ``json`` (a JSON string).
        keys: With ``dict`` or ``json``, keep only these keys.
        keep_raw: With ``article``, attach the input as ``article.raw``.
        pause_collector: Pause the cyclic garbage collector while each capture
            is cleaned (the default); False leaves it alone.
        **options: Passed to :func:`clean` for every capture.

    Returns:
        An iterator of results in input order.

    Raises:
        InputError: If ``items`` is a single str or bytes.
        ConfigError: For a bad ``on_error``, ``workers``, ``chunksize``, ``returns`` or ``keys``.
        NewscleanError: The first failure, when ``on_error="raise"``.

    >>> [a.text for a in clean_many(["The vote passed on Monday.", "Rain is expected."])]
    ['The vote passed on Monday.', 'Rain is expected.']
    """
    if on_error not in ("raise", "skip", "record"):
        raise ConfigError(f"on_error must be 'raise', 'skip' or 'record', not {on_error!r}")
    if isinstance(items, (str, bytes)):
        raise InputError("clean_many() takes an iterable of captures; clean one capture with clean()")
    CleanOptions.build(**options)  # a bad option fails here, before any capture is read
    from newsclean.batch import clean_batch  # imported on first need: clean() does not use it

    results = clean_batch(
        items,
        pipeline=pipeline,
        workers=workers,
        chunksize=chunksize,
        returns=returns,
        keys=keys,
        keep_raw=keep_raw,
        options=options,
        pause_collector=pause_collector,
    )
    return _apply_on_error(results, on_error, returns, keys)


def _apply_on_error(
    results: Iterator[Any], on_error: OnError, returns: Returns, keys: Sequence[str] | None
) -> Iterator[Any]:
    from newsclean.batch import Failure

    for index, result in enumerate(results):
        if not isinstance(result, Failure):
            yield result
            continue
        if on_error == "raise":
            raise result.error
        exc = result.error
        outcome = "skipped" if on_error == "skip" else "recorded as a warning"
        library_logger().info("input %d %s: %s: %s", index, outcome, type(exc).__name__, exc)
        if on_error == "record":
            failed = Article(warnings=(f"error: {type(exc).__name__}: {exc}",), raw=result.raw)
            if returns == "article":
                yield failed
            else:
                data = failed.to_dict()
                data = {k: data[k] for k in keys} if keys is not None else data
                yield data if returns == "dict" else json.dumps(data, ensure_ascii=False)
