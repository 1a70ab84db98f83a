"""Clean many captures on every core: the process pool behind :func:`newsclean.clean_many`.

Cleaning is pure CPU work in Python, so threads share one core (the GIL) and
only processes scale. :func:`clean_batch` runs a pool of worker processes:

* each worker builds its pipeline **once** (the pool initializer) and cleans a
  short warm-up text, so lazily loaded tables are read before the first real
  capture; where workers are forked (Linux), the parent warms up first and the
  workers inherit its tables, so the cold start is paid once in all;
* captures travel in chunks (one pickle per chunk, not per capture) and at most
  ``workers * PREFETCH_CHUNKS`` chunks are in flight, so a generator of a
  million captures is read as it is cleaned and memory stays flat;
* results come back in input order, in the form the caller asks for: an
  :class:`~newsclean.article.Article` (its ``raw`` is re-attached in the
  parent, never sent back), a dict, or a JSON string, the cheapest to send.

With ``workers=1`` nothing is started: captures are cleaned in this process,
lazily, with the same results.

The cyclic garbage collector is paused while a capture is cleaned (in a
worker, while a chunk is) and restored right after: a capture's many
short-lived records (lines, features, changes) otherwise set off collections
that walk them while they are still alive, and the tables a process has
loaded with them. The pipeline makes almost no cyclic garbage, and what the
collector would have found during the capture it finds at the next collection
after it, which the allocation count sets off as usual. A worker process also
moves what its warm-up loaded into the collector's permanent generation
(:func:`gc.freeze`): the tables and patterns are never garbage, and no full
collection walks them again. ``pause_collector=False`` leaves the collector
alone (the caller's process is never frozen either way).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from newsclean.article import DICT_KEYS, Article
from newsclean.errors import ConfigError, NewscleanError
from newsclean.pipeline import collector_paused

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newsclean.pipeline import Pipeline

__all__ = ["Capture", "Failure", "Returns", "available_cores", "clean_batch"]

Returns = Literal["article", "dict", "json"]

#: Captures per chunk when the caller gives no ``chunksize``. One chunk is one
#: round trip to a worker; 16 captures of the benchmark corpus take about a
#: second, which makes the per-chunk overhead (well under a millisecond)
#: negligible while keeping the last chunks short enough to balance the workers.
DEFAULT_CHUNKSIZE = 16
#: Chunks queued per worker ahead of the one it is cleaning; bounds memory.
PREFETCH_CHUNKS = 2
#: Text each worker cleans once at start, so the first real capture does not
#: pay for loading tables and compiling patterns.
_WARMUP_TEXT = "Officials said on Monday that the bridge will reopen on Friday.\nShare this article"


@dataclass(frozen=True, slots=True)
class Capture:
    """One capture with its own options, for batch cleaning.

    Attributes:
        raw: The capture (text, HTML, or bytes of either).
        url: The page address, when known.
        captured_at: When the page was captured.
        name: Where it came from (a file name, a WARC record), for messages.
        encoding: The charset declared for byte input (e.g. by an HTTP header).
    """

    raw: str | bytes
    url: str | None = None
    captured_at: datetime | None = None
    name: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """What :func:`clean_batch` yields in place of a capture that could not be cleaned."""

    error: NewscleanError
    raw: str | bytes | None = None


def available_cores() -> int:
    """Return the number of CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- what a worker holds and does ------------------------------------------------------
@dataclass(frozen=True)
class _Job:
    """Everything a worker needs to clean a capture the way the caller asked."""

    pipeline: Pipeline
    options: dict[str, Any]
    returns: Returns
    keys: list[str] | None
    pause_collector: bool


#: The job of this worker process, set once by :func:`_init_worker`.
_worker_job: _Job | None = None


def _make_job(
    pipeline: Pipeline | None,
    options: dict[str, Any],
    returns: Returns,
    keys: list[str] | None,
    pause_collector: bool,
) -> _Job:
    from newsclean.defaults import default_pipeline

    return _Job(
        pipeline if pipeline is not None else default_pipeline(), options, returns, keys, pause_collector
    )


def _warm_up(job: _Job) -> None:
    # A custom pipeline may reject the warm-up text; real captures will say why.
    with contextlib.suppress(NewscleanError):
        job.pipeline(_WARMUP_TEXT, **job.options)


def _init_worker(
    pipeline: Pipeline | None,
    options: dict[str, Any],
    returns: Returns,
    keys: list[str] | None,
    pause_collector: bool,
) -> None:
    """Build the pipeline once per worker, warm it up, and freeze what the process holds (it is ours)."""
    global _worker_job
    job = _make_job(pipeline, options, returns, keys, pause_collector)
    _worker_job = job
    _warm_up(job)
    if pause_collector:
        # Frozen as it stands, without a collection first: a forked worker holds a copy of the
        # caller's whole heap, which one full collection would walk, and whose pages it would
        # copy where it touched them; the warm-up leaves next to no cyclic garbage.
        gc.freeze()


def _shape(article: Article, returns: Returns, keys: Sequence[str] | None) -> Any:
    if returns == "article":
        return article
    data = article.to_dict()
    if keys is not None:
        data = {k: data[k] for k in keys}
    if returns == "dict":
        return data
    return json.dumps(data, ensure_ascii=False)


def _clean_one(item: Capture | str | bytes, job: _Job) -> tuple[bool, Any]:
    """Clean one capture as ``job`` says; return ``(ok, result or error)``."""
    options = job.options
    if isinstance(item, Capture):
        raw, per_item = (
            item.raw,
            {"url": item.url, "captured_at": item.captured_at, "encoding": item.encoding},
        )
        per_item = {k: v for k, v in per_item.items() if v is not None}
        options = {**options, **per_item}
    else:
        raw = item
    try:
        article = job.pipeline(raw, **options)
    except NewscleanError as exc:
        return False, _portable_error(exc)
    return True, _shape(article, job.returns, job.keys)


def _portable_error(exc: NewscleanError) -> NewscleanError:
    """Return ``exc``, or a plain NewscleanError with its message when it cannot be pickled."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return NewscleanError(f"{type(exc).__name__}: {exc}")
    return exc


def _clean_chunk(chunk: list[Capture | str | bytes]) -> list[tuple[bool, Any]]:
    job = _worker_job
    if job is None:
        raise RuntimeError("_clean_chunk runs only in a worker started by clean_batch")
    out = []
    with collector_paused(job.pause_collector):
        for item in chunk:
            ok, payload = _clean_one(item, job)
            if ok and job.returns == "article":
                payload = replace(payload, raw=None)  # the parent has the input: never send it back
            out.append((ok, payload))
    return out


# -- the parent side ----------------------------------------------------------------------
def _chunks(items: Iterable[Capture | str | bytes], size: int) -> Iterator[list[Capture | str | bytes]]:
    chunk: list[Capture | str | bytes] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _raw_of(item: Capture | str | bytes) -> str | bytes:
    return item.raw if isinstance(item, Capture) else item


def clean_batch(
    items: Iterable[Capture | str | bytes],
    *,
    pipeline: Pipeline | None = None,
    workers: int | None = 1,
    chunksize: int | None = None,
    returns: Returns = "article",
    keys: Sequence[str] | None = None,
    keep_raw: bool = True,
    options: dict[str, Any] | None = None,
    pause_collector: bool = True,
) -> Generator[Any, None, None]:
    """Clean captures in order, yielding each result, or a :class:`Failure`.

    This is the engine of :func:`newsclean.clean_many` and of the command line;
    most callers want ``clean_many``. A capture that fails yields a
    :class:`Failure` holding its :class:`~newsclean.errors.NewscleanError`.

    Args:
        items: Raw captures, or :class:`Capture` objects carrying their own
            ``url`` and ``captured_at``.
        pipeline: A custom pipeline (pickled once per worker); the default otherwise.
        workers: Worker processes; ``None`` means every available core, ``1``
            cleans in this process without starting a pool.
        chunksize: Captures per round trip to a worker (``DEFAULT_CHUNKSIZE``).
        returns: ``article``, ``dict`` (``Article.to_dict()``) or ``json``
            (that dict as a JSON string).
        keys: For ``dict``/``json``: keep only these keys of the article dict.
        keep_raw: For ``article``: attach the input as ``article.raw``.
        options: Options of :func:`newsclean.clean` applied to every capture.
        pause_collector: Pause the cyclic garbage collector while each capture
            is cleaned, and freeze a worker's warmed-up tables (see the module
            docstring); False leaves the collector alone.

    Raises:
        ConfigError: For a bad ``workers``, ``chunksize``, ``returns`` or ``keys``.
    """
    n = available_cores() if workers is None else workers
    if not isinstance(n, int) or n < 1:
        raise ConfigError(f"workers must be a positive integer or None (all cores), not {workers!r}")
    size = _auto_chunksize(items, n) if chunksize is None else chunksize
    if not isinstance(size, int) or size < 1:
        raise ConfigError(f"chunksize must be a positive integer, not {chunksize!r}")
    if returns not in ("article", "dict", "json"):
        raise ConfigError(f"returns must be 'article', 'dict' or 'json', not {returns!r}")
    key_list = list(keys) if keys is not None else None
    if key_list is not None:
        unknown = [k for k in key_list if k not in DICT_KEYS]
        if unknown:
            raise ConfigError(f"unknown article keys {unknown}; valid keys: {', '.join(DICT_KEYS)}")
    opts = dict(options or {})
    if n == 1:
        return _sequential(items, pipeline, opts, returns, key_list, keep_raw, pause_collector)
    return _pooled(items, pipeline, opts, returns, key_list, keep_raw, n, size, pause_collector)


def _auto_chunksize(items: Iterable[Any], workers: int) -> int:
    """Return ``DEFAULT_CHUNKSIZE``, or less for a short sized input so every worker gets chunks."""
    if isinstance(items, Sized):
        return max(1, min(DEFAULT_CHUNKSIZE, len(items) // (workers * PREFETCH_CHUNKS)))
    return DEFAULT_CHUNKSIZE


def _sequential(
    items: Iterable[Capture | str | bytes],
    pipeline: Pipeline | None,
    options: dict[str, Any],
    returns: Returns,
    keys: list[str] | None,
    keep_raw: bool,
    pause_collector: bool,
) -> Generator[Any, None, None]:
    job = _make_job(pipeline, options, returns, keys, pause_collector)
    for item in items:
        with collector_paused(pause_collector):  # this process is the caller's: one capture at a time
            ok, payload = _clean_one(item, job)
        if not ok:
            yield Failure(payload, _raw_of(item) if keep_raw else None)
        elif returns == "article" and not keep_raw:
            yield replace(payload, raw=None)
        else:
            yield payload


def _pooled(
    items: Iterable[Capture | str | bytes],
    pipeline: Pipeline | None,
    options: dict[str, Any],
    returns: Returns,
    keys: list[str] | None,
    keep_raw: bool,
    workers: int,
    size: int,
    pause_collector: bool,
) -> Generator[Any, None, None]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[list[Capture | str | bytes], Future[list[tuple[bool, Any]]]]] = deque()
    chunks = _chunks(items, size)
    first = list(itertools.islice(chunks, 2))
    if len(first) < 2:  # one chunk would keep one worker busy: not worth starting a pool
        yield from _sequential(
            itertools.chain(*first), pipeline, options, returns, keys, keep_raw, pause_collector
        )
        return
    chunks = itertools.chain(first, chunks)
    if multiprocessing.get_start_method() == "fork":
        # Warm up here: forked workers inherit the loaded tables and compiled patterns
        # (copy-on-write), so the cold start is paid once, not once per worker. (The
        # caller's process is warmed up only: it is never frozen.)
        _warm_up(_make_job(pipeline, options, returns, keys, pause_collector))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(pipeline, options, returns, keys, pause_collector),
    )
    finished = False
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_clean_chunk, chunk)))
            while len(pending) >= workers * PREFETCH_CHUNKS:
                yield from _collect(*pending.popleft(), returns, keep_raw)
        while pending:
            yield from _collect(*pending.popleft(), returns, keep_raw)
        finished = True
    finally:
        for _, future in pending:
            future.cancel()
        # A generator the caller abandons is closed by the garbage collector, on
        # whatever thread it runs, possibly the pool's own manager thread, which
        # cannot wait for itself: only a run that finished waits for the workers.
        pool.shutdown(wait=finished, cancel_futures=True)


def _collect(
    chunk: list[Capture | str | bytes],
    future: Future[list[tuple[bool, Any]]],
    returns: Returns,
    keep_raw: bool,
) -> Iterator[Any]:
    for item, (ok, payload) in zip(chunk, future.result(), strict=True):
        raw = _raw_of(item) if keep_raw else None
        if not ok:
            yield Failure(payload, raw)
        elif returns == "article":
            yield replace(payload, raw=raw)
        else:
            yield payload
