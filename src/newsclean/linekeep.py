"""Per-line caches that keep no long line.

Several stages ask the same question of a line many times (a site prints the same
date lines, bylines and footers on every page), so the answer is kept per line
text in a bounded :func:`functools.lru_cache`. Bounded by count alone, such a
cache would keep a capture's huge one-line text after :func:`newsclean.clean`
returns, and a stream of such captures would hold up to ``maxsize`` of them. A
line longer than :data:`LINE_KEPT_MAX_CHARS` is therefore read afresh each time
and never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar, cast

__all__ = ["LINE_KEPT_MAX_CHARS", "clear_line_caches", "kept_lines"]

#: Longest line (characters) a per-line cache keeps (``layout.read_line`` and the date
#: stage's caches); the boilerplate features memo keeps paragraphs up to the same length.
LINE_KEPT_MAX_CHARS = 5_000

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[Any] = []


def kept_lines(maxsize: int) -> Callable[[F], F]:
    """Keep a function's answers per line, as ``lru_cache(maxsize)``, for lines of at most :data:`LINE_KEPT_MAX_CHARS`.

    The function's first argument is the line; its answers must be immutable.

    >>> @kept_lines(16)
    ... def words(text: str) -> int:
    ...     return len(text.split())
    >>> words("a b c"), words("x " * 4_000)
    (3, 4000)
    >>> words.cache_info().currsize  # the long line was read, not kept
    1
    """

    def decorate(fn: F) -> F:
        kept = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(kept)

        @wraps(fn)
        def read(text: str, *args: Any, **kwargs: Any) -> Any:
            if len(text) > LINE_KEPT_MAX_CHARS:
                return fn(text, *args, **kwargs)
            return kept(text, *args, **kwargs)

        read.cache_info = kept.cache_info  # type: ignore[attr-defined]
        read.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
        return cast(F, read)

    return decorate


def clear_line_caches() -> None:
    """Empty every cache made by :func:`kept_lines` (the answers are the same afterwards)."""
    for cache in _CACHES:
        cache.cache_clear()
