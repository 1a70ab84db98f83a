"""The one-call entry points: :func:`clean` and :func:`clean_many`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from newsclean.article import Article
from newsclean.defaults import default_pipeline

if TYPE_CHECKING:
    from newsclean.pipeline import OnError, Pipeline

__all__ = ["clean", "clean_many"]


def clean(
    raw: str | bytes,
    *,
    url: str | None = None,
    captured_at: datetime | None = None,
    pipeline: Pipeline | None = None,
    kind: Literal["auto", "text", "html"] = "auto",
    encoding: str | None = None,
    spam_keywords: Iterable[str] = (),
    profile: Any = None,
    language: str | None = None,
    repair_tortured: bool = False,
    max_chars: int | None = None,
) -> Article:
    """Clean one capture (plain text, HTML, or bytes of either) into an Article.

    Args:
        raw: The capture. Bytes are decoded with ``encoding`` if given, else
            by BOM, UTF-8, the page's meta charset, or detection; the choice
            is recorded as an edit.
        url: The page address, when known.
        captured_at: When the page was captured; relative dates ("2 hours
            ago") are resolved against it.
        pipeline: A custom pipeline; the default one otherwise.
        kind: ``auto`` sniffs HTML versus text.
        encoding: Declared charset of byte input.
        spam_keywords: Phrases known to be injected; removed wherever found.
        profile: A :class:`newsclean.profile.SiteProfile` learned from the site.
        language: Language code, if known (otherwise detected).
        repair_tortured: Replace tortured phrases instead of only reporting them.
        max_chars: Refuse longer inputs (default 50 million characters).

    Returns:
        The cleaned :class:`Article`; ``article.edits`` records every change.

    Raises:
        InputError: Input of the wrong type, binary data, or over ``max_chars``.
        StageError: A stage failed unexpectedly (a bug; please report it).

    >>> clean("Markets rallied on Monday after the report was published.").paragraphs
    ('Markets rallied on Monday after the report was published.',)
    """
    p = pipeline if pipeline is not None else default_pipeline()
    return p(
        raw,
        url=url,
        captured_at=captured_at,
        kind=kind,
        encoding=encoding,
        spam_keywords=spam_keywords,
        profile=profile,
        language=language,
        repair_tortured=repair_tortured,
        max_chars=max_chars,
    )


def clean_many(
    items: Iterable[str | bytes],
    *,
    pipeline: Pipeline | None = None,
    on_error: OnError = "raise",
    **options: Any,
) -> Iterator[Article]:
    """Clean many captures lazily; see :meth:`Pipeline.pipe` for ``on_error``."""
    p = pipeline if pipeline is not None else default_pipeline()
    return p.pipe(items, on_error=on_error, **options)
