"""A Scrapy item pipeline that cleans a field of every item.

Enable it in ``settings.py``::

    ITEM_PIPELINES = {"newsclean.integrations.scrapy.NewscleanPipeline": 300}
    NEWSCLEAN_FIELDS = ["html", "text"]  # the first present field is cleaned
    NEWSCLEAN_OUTPUT = "article"          # where the article dict goes
    NEWSCLEAN_ON_ERROR = "drop"           # or "keep": keep the item, error in NEWSCLEAN_OUTPUT

Items may be dicts or Scrapy ``Item`` objects with those fields. The item's
``url`` field, if any, is passed on to :func:`newsclean.clean`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from newsclean.errors import ConfigError, MissingDependencyError, NewscleanError

__all__ = ["NewscleanPipeline"]


def _drop_item(message: str) -> Exception:
    try:
        from scrapy.exceptions import DropItem
    except ImportError:
        raise MissingDependencyError(
            "scrapy is not installed; install it with: pip install 'newsclean[scrapy]'"
        ) from None
    exc: Exception = DropItem(message)
    return exc


class NewscleanPipeline:
    """Clean the first present field of ``fields`` and store the article dict."""

    def __init__(
        self,
        *,
        fields: Sequence[str] = ("html", "text"),
        output: str = "article",
        on_error: Literal["drop", "keep"] = "drop",
    ) -> None:
        if on_error not in ("drop", "keep"):
            raise ConfigError(f"NEWSCLEAN_ON_ERROR must be 'drop' or 'keep', not {on_error!r}")
        if not fields:
            raise ConfigError("NEWSCLEAN_FIELDS must name at least one field")
        self.fields = tuple(fields)
        self.output = output
        self.on_error = on_error

    @classmethod
    def from_crawler(cls, crawler: Any) -> NewscleanPipeline:
        """Build the pipeline from the crawler's settings."""
        settings = crawler.settings
        return cls(
            fields=settings.getlist("NEWSCLEAN_FIELDS", ["html", "text"]),
            output=settings.get("NEWSCLEAN_OUTPUT", "article"),
            on_error=settings.get("NEWSCLEAN_ON_ERROR", "drop"),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's capture; drop the item (or keep it with the error) on failure."""
        from newsclean.api import clean

        field = next((f for f in self.fields if item.get(f)), None)
        if field is None:
            return self._fail(item, f"no capture in fields {list(self.fields)}")
        try:
            article = clean(item[field], url=item.get("url"))
        except NewscleanError as exc:
            return self._fail(item, f"{type(exc).__name__}: {exc}")
        item[self.output] = article.to_dict()
        return item

    def _fail(self, item: Any, message: str) -> Any:
        if self.on_error == "keep":
            item[self.output] = {"error": message}
            return item
        raise _drop_item(message)
