"""Parsing HTML safely into an lxml tree.

lxml (libxml2) is the default parser: on the benchmark pages (median 114 KB) it
parses about 250 pages/s on the reference machine, where BeautifulSoup with
``html.parser`` or with lxml underneath is 5 to 6 times slower (figures in
``docs/html.md``). ``parser="html.parser"`` goes through BeautifulSoup and
``lxml.html.soupparser`` instead, for markup libxml2 gets wrong.

libxml2 limits: without ``huge_tree`` it silently drops text nodes over 10 MB
and stops nesting at 256 levels; with it (used here) nesting stops at 2,048
levels. Content nested deeper is lost, and a warning says so. Every later walk
over the tree is iterative, so depth never reaches Python's recursion limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newsclean import regexlite as regex
from newsclean.errors import InputError, MissingDependencyError

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = ["Parser", "parse_html"]

Parser = Literal["lxml", "html.parser"]

_XML_DECL = regex.compile(r"^\s*<\?xml[^>]{0,200}\?>")
#: Characters of the page's start in which the declaration is looked for: ``regex`` scans the
#: whole page for the literal ``<?xml`` before it tries a match (0.1 ms on a 114 KB page), so
#: the match is bounded; a page opening with a longer run of white space is matched whole.
_DECL_WINDOW = 1024
#: The first ``<title>`` start tag, and any ``</title>`` end tag.
_TITLE_OPEN = regex.compile(r"<title(?:\s[^<>]{0,1000})?>", regex.IGNORECASE)
_TITLE_CLOSE = regex.compile(r"</title\s*>", regex.IGNORECASE)
#: The first tag (start or end) after an unclosed title's text: where the title ends.
_NEXT_TAG = regex.compile(r"</?[A-Za-z]")
_MAX_DEPTH_MESSAGE = "Excessive depth"


def parse_html(text: str, *, parser: Parser = "lxml") -> tuple[HtmlElement | None, list[str]]:
    """Parse ``text`` into the root ``<html>`` element.

    Args:
        text: The page as decoded text.
        parser: ``lxml`` (fast, default) or ``html.parser`` (BeautifulSoup's
            pure-Python parser, converted into an lxml tree).

    Returns:
        ``(root, warnings)``; ``root`` is None when the page holds no markup
        or text at all (empty, white space, only comments).

    Raises:
        InputError: For an unknown ``parser``.
        MissingDependencyError: If ``html.parser`` is asked for and
            beautifulsoup4 is not installed.
    """
    warnings: list[str] = []
    declaration = _XML_DECL.match(text, 0, _DECL_WINDOW)  # (``match``: a search would try every position)
    if declaration is None and text[: _DECL_WINDOW - 210].isspace():
        declaration = _XML_DECL.match(text)  # (the white space reaches where a declaration may end)
    if declaration:
        text = text[declaration.end() :]
    if not text or text.isspace():  # (no stripped copy of the page)
        return None, warnings
    text = close_title(text)
    if parser == "lxml":
        import lxml.etree

        p = lxml.etree.HTMLParser(
            remove_comments=True,
            remove_pis=True,
            huge_tree=True,
            no_network=True,
            recover=True,
            encoding="utf-8",
            collect_ids=False,  # (no lookup by id: the table of ids costs 5 % of the parse)
        )
        try:
            root = lxml.etree.fromstring(text.encode("utf-8", "replace"), parser=p)
        except lxml.etree.XMLSyntaxError:
            return None, warnings
        if root is None:
            return None, warnings
        if any(_MAX_DEPTH_MESSAGE in e.message for e in p.error_log):
            warnings.append("HTML is nested too deeply; content below the parser's depth limit was dropped")
        return root, warnings
    if parser == "html.parser":
        try:
            from lxml.html import soupparser
        except ImportError as exc:  # pragma: no cover - bs4 is a dependency
            raise MissingDependencyError(
                "parser='html.parser' needs beautifulsoup4; pip install beautifulsoup4"
            ) from exc
        try:
            root = soupparser.fromstring(text, features="html.parser")
        except RecursionError:
            raise InputError(
                "HTML is nested too deeply for parser='html.parser'; use the default lxml parser"
            ) from None
        return root, warnings
    raise InputError(f"parser must be 'lxml' or 'html.parser', not {parser!r}")


def close_title(text: str) -> str:
    """Close a ``<title>`` the page never closes, before the next tag.

    A title's content is raw text up to ``</title>`` (HTML's RCDATA), so an
    unclosed title takes the rest of the page: the head's end, the body and
    all its markup become the title, and the body is empty. A title is text
    without tags, so the first tag after its start is where it ends.

    >>> close_title("<head><title>Storm hits</head><body><p>Rain.</p>")
    '<head><title>Storm hits</title></head><body><p>Rain.</p>'
    >>> close_title("<title>A &lt;b&gt; tag</title><p>x</p>")
    '<title>A &lt;b&gt; tag</title><p>x</p>'
    """
    opened = _TITLE_OPEN.search(text)
    if opened is None or _TITLE_CLOSE.search(text, opened.end()) is not None:
        return text
    end = _NEXT_TAG.search(text, opened.end())
    if end is None:
        return text
    return f"{text[: end.start()]}</title>{text[end.start() :]}"
