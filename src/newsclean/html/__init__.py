"""HTML input: parsing, main-content extraction and page metadata.

The :mod:`newsclean.stages.html` stage drives these modules; they are public so
that a scraper can use them on their own:

* :func:`parse_html` — text to an lxml tree, safely (depth and size limits).
* :func:`read_metadata` — what the page says about itself (:class:`PageMeta`).
* :func:`extract_content` — the story's blocks and every removed block.
* :func:`from_soup` — markup from a ``bs4.BeautifulSoup`` object, for ``clean()``.
"""

from __future__ import annotations

from typing import Any

from newsclean.html.content import Extraction, extract_content
from newsclean.html.meta import PageMeta, iso_date, read_metadata
from newsclean.html.parse import Parser, parse_html

__all__ = [
    "Extraction",
    "PageMeta",
    "Parser",
    "extract_content",
    "from_soup",
    "iso_date",
    "parse_html",
    "read_metadata",
]


def from_soup(soup: Any) -> str:
    """Return the markup of a ``bs4.BeautifulSoup`` (or ``Tag``) object, ready for ``clean()``.

    BeautifulSoup trees are not parsed again by newsclean's walkers; their
    markup is handed to the fast lxml parser, which costs far less than
    building the soup did.

    Args:
        soup: A ``BeautifulSoup`` document or any ``bs4`` ``Tag``.

    Returns:
        The HTML as a string.

    Raises:
        InputError: If ``soup`` is not a bs4 object.

    >>> from bs4 import BeautifulSoup
    >>> from_soup(BeautifulSoup("<p>Hello</p>", "html.parser"))
    '<p>Hello</p>'
    """
    from newsclean.errors import InputError, MissingDependencyError

    try:
        from bs4 import Tag
    except ImportError as exc:  # pragma: no cover - bs4 is a dependency
        raise MissingDependencyError("from_soup() needs beautifulsoup4; pip install beautifulsoup4") from exc
    if not isinstance(soup, Tag):
        raise InputError(f"from_soup() takes a bs4 BeautifulSoup or Tag, not {type(soup).__name__}")
    return str(soup.decode())
