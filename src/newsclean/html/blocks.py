"""Pass 1 of content extraction: prune a parsed page and cut it into blocks.

One iterative walk (no recursion, so nesting depth is harmless; linear in the
page size) does both jobs:

* **Prune.** It marks elements that are not story text: structural tags
  (``nav``, ``header``, ``footer``, ``aside``, forms), ARIA landmark roles,
  hidden elements, and elements whose class/id tokens name a concept of
  :mod:`newsclean.html.tokens` (comments, share, cookie, related, ads…). A
  marked element is kept anyway when it names itself the article body, holds
  ``itemprop="articleBody"``, or holds most of the page's text (a page-wide
  wrapper such as an ASP.NET ``<form>`` or ``<div class="has-sidebar">``).
* **Cut.** It turns the tree into *blocks*: the text of a block-level element
  (paragraph, heading, list item, cell, text-bearing ``div``), inline markup
  joined in, with its length and the share of it inside links.

:mod:`newsclean.html.container` scores the blocks and chooses the story's
container; :mod:`newsclean.html.content` decides and emits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

from newsclean import regexlite as regex
from newsclean.html.tokens import classify_tokens, is_content_token

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from lxml.etree import _Element as HtmlElement

__all__ = ["BODY_ITEMPROP", "Block", "Spans", "cut_blocks", "is_body_marker", "strip_silent"]

#: Elements removed with their content before anything else; they show no
#: story text (or none when scripts run), so their removal is not logged.
SILENT_TAGS = (
    "script",
    "style",
    "template",
    "svg",
    "math",
    "noscript",
    "iframe",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "map",
    "head",
    "link",
    "meta",
    "frameset",
)

#: Elements that start a new block (line) of text.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "html",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "figure",
        "figcaption",
        "address",
        "center",
        "hr",
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "fieldset",
        "legend",
        "details",
        "summary",
        "dialog",
        "frame",
        "noframes",
    }
)
#: Table cells: inline within their row, so a row reads as one line.
CELL_TAGS = frozenset({"td", "th"})

STRUCTURAL_REASONS = {
    "nav": "html_nav",
    "menu": "html_nav",
    "header": "html_header",
    "footer": "html_footer",
    "aside": "html_aside",
    "form": "html_form",
    "button": "html_form",
    "select": "html_form",
    "textarea": "html_form",
    "input": "html_form",
    "label": "html_form",
    "dialog": "html_hidden",
    "figcaption": "html_caption",
}
ROLE_REASONS = {
    "navigation": "html_nav",
    "menu": "html_nav",
    "menubar": "html_nav",
    "banner": "html_header",
    "contentinfo": "html_footer",
    "complementary": "html_aside",
    "search": "html_form",
    "dialog": "html_hidden",
    "alertdialog": "html_hidden",
    "toolbar": "html_boilerplate",
    "tablist": "html_nav",
}
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)

#: A marked element holding at least this share of the page's text, or of
#: the text in its paragraphs, is a wrapper, not boilerplate, and is kept.
WRAPPER_SHARE = 0.5
#: Blocks with a larger share of their text inside links are link lists
#: (for crediting containers, for the keep decision and for naming the removal reason).
MAX_LINK_DENSITY = 0.5

# Flags of an open node in the walk of :func:`cut_blocks`: it pushed a builder, it is a link, an article.
_PUSHED, _LINK, _ARTICLE = 1, 2, 4

# What a tag is to the walk of :func:`cut_blocks`, as bits: a block tag, <br>, <a>, <article>, a cell.
_K_BLOCK, _K_BR, _K_LINK, _K_ARTICLE, _K_CELL = 1, 2, 4, 8, 16
_K_MARKED = _K_LINK | _K_ARTICLE | _K_CELL
_TAG_KINDS: dict[str, int] = {
    **{tag: _K_BLOCK for tag in BLOCK_TAGS},
    **{tag: _K_CELL for tag in CELL_TAGS},
    "br": _K_BR,
    "a": _K_LINK,
    "article": _K_BLOCK | _K_ARTICLE,
}

#: For each element, the range of block indices its text went into (first, end): every element
#: outside the pruned regions and each pruned element itself, not the elements below one
#: (container scores read only elements that hold kept text, and their siblings).
Spans: TypeAlias = "dict[HtmlElement, tuple[int, int]]"


@dataclass(slots=True)
class Block:
    """One block of text: a paragraph, heading, list item, cell or text-bearing div.

    Attributes:
        index: Position among all blocks, in document order.
        owner: The block-level element the text belongs to.
        lines: The text, one entry per line (``<br>`` breaks), white space collapsed. A tuple
            of strings, which the cyclic collector stops tracking: a list stayed tracked, and
            the blocks of a page alive when a collection of the middle generation runs were
            moved to the oldest one, hastening full collections.
        chars: Number of characters.
        link_chars: Characters inside ``<a>`` elements.
        dropped: The element whose removal took this block, or None.
        reason: The removal reason, when dropped.
        text: The lines joined with newlines (given, or joined from ``lines``).
    """

    index: int
    owner: HtmlElement
    lines: Sequence[str]
    chars: int
    link_chars: int
    dropped: HtmlElement | None
    reason: str | None
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            self.text = "\n".join(self.lines)

    @property
    def link_density(self) -> float:
        """Share of the text that sits inside links."""
        return self.link_chars / self.chars if self.chars else 0.0


#: The attributes :func:`_items_reason` reads.
_REASON_ATTRIBUTES = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})


def _items_reason(items: list[tuple[str, str]]) -> str | None:
    """Say why an element with these attribute pairs (``el.items()``, one call into lxml) is not story text.

    Checked in order: role, hidden (the attribute or ``aria-hidden="true"``),
    a hiding style, then the class and id tokens.
    """
    cls = ident = role = style = aria = None
    hidden = False
    for name, value in items:
        if name in _REASON_ATTRIBUTES:
            if name == "class":
                cls = value
            elif name == "id":
                ident = value
            elif name == "role":
                role = value
            elif name == "style":
                style = value
            elif name == "hidden":
                hidden = True
            else:
                aria = value
    if role:
        reason = ROLE_REASONS.get(role.strip().lower())
        if reason:
            return reason
    if hidden or (aria is not None and aria.strip().lower() == "true"):
        return "html_hidden"
    if style and _HIDDEN_STYLE.search(style):
        return "html_hidden"
    for named in (cls, ident):
        if named:
            concept = classify_tokens(named)
            if concept is not None:
                return concept.reason
    return None


#: The ``itemprop`` value of the element that holds a story's body (schema.org ``articleBody``).
BODY_ITEMPROP = "articleBody"


def is_body_marker(el: HtmlElement) -> bool:
    """Say whether ``el`` names itself the article body (``itemprop="articleBody"``, a content class or id)."""
    attrib = el.attrib
    if not attrib:
        return False
    if attrib.get("itemprop") == BODY_ITEMPROP:
        return True
    value = attrib.get("class")
    if value and is_content_token(value):
        return True
    value = attrib.get("id")
    return bool(value) and is_content_token(value)


@lru_cache(maxsize=1)
def _lxml() -> tuple[Any, Any]:
    import lxml.etree

    return lxml.etree.tostring, lxml.etree.iterwalk


def _text_len(el: HtmlElement) -> int:
    """Characters of text under ``el`` (white space included): the length of its string value.

    Measured on libxml2's text serialisation of the element (the same text nodes, in
    the same order, as XPath's ``string-length(.)``, for a third of that call's cost);
    an element without children is its own text (nearly half the elements measured,
    read without the serialisation's fixed cost, 3 µs a call).
    """
    if not len(el):  # (no child element, comment or entity: its text is every text node under it)
        return len(el.text or "")
    return len(_lxml()[0](el, method="text", encoding=str, with_tail=False))


def _paragraph_len(el: HtmlElement, *, walk: bool = False) -> int:
    """Characters of text inside ``<p>`` elements under ``el`` (white space included).

    The text nodes of ``.//p//text()``, counted without that path: libxml2
    merges its node sets with a duplicate check that grows with the square of
    the page's paragraphs (11 s on a 10 MB page, 0.1 s at 2 MB). Each
    outermost ``<p>`` below ``el`` (one with no other ``<p>`` between it and
    ``el``) is measured once by libxml2.

    Args:
        el: The element.
        walk: Count in one Python walk over the elements instead: the count
            for a tree holding comments (their tails are not counted).
    """
    if walk:
        return _paragraph_walk(el)
    return sum(_outer_paragraph_lengths(el))


def _outer_paragraph_lengths(el: HtmlElement) -> Iterator[int]:
    """The text length of each outermost ``<p>`` below ``el``, in page order (see :func:`_paragraph_len`)."""
    outer = set(el.iterancestors("p"))
    outer.add(el)
    for p in el.iter("p"):
        if p is el:
            continue
        enclosing = next(p.iterancestors("p"), None)
        if enclosing is None or enclosing in outer:
            yield _text_len(p)


def _paragraph_walk(el: HtmlElement) -> int:
    """:func:`_paragraph_len` by one walk over the elements under ``el``."""
    depth = 0  # <p> elements below ``el`` open around the current node
    total = 0
    for event, node in _lxml()[1](el, events=("start", "end")):
        tag = node.tag
        if event == "start":
            if tag == "p" and node is not el:
                depth += 1
            if depth and node.text and isinstance(tag, str):  # (a comment's text is no text node)
                total += len(node.text)
        else:
            if tag == "p" and node is not el:
                depth -= 1
            if depth and node.tail and node is not el:
                total += len(node.tail)
    return total


class _Page:
    """What the wrapper test reads of the whole page, each measured on first need.

    Every page that marks an element needs the ``articleBody`` path and the
    paragraph count; the page's text length only when a marked element holds at
    least half the paragraph text.
    """

    __slots__ = ("_body_path", "_chars", "_marks", "_native", "_outer", "_paragraphs", "_read", "root")

    def __init__(
        self, root: HtmlElement, marks: Sequence[HtmlElement] | None = None, *, elements_only: bool = False
    ) -> None:
        self.root = root
        self._marks = marks
        self._body_path: set[HtmlElement] | None = None
        self._chars: int | None = None
        self._paragraphs: int | None = None
        self._native: bool | None = True if elements_only else None
        self._outer: Iterator[int] | None = None  # the lengths of the paragraphs not yet read
        self._read = 0  # their sum so far

    def body_path(self) -> set[HtmlElement]:
        """The ``itemprop="articleBody"`` elements below the root and their ancestors."""
        if self._body_path is None:
            path: set[HtmlElement] = set()
            root = self.root
            found: Iterable[HtmlElement]
            if self._marks is None:
                found = root.iterfind(f".//*[@itemprop='{BODY_ITEMPROP}']")
            else:  # (the page's marked elements, as the metadata walk found them: those still below the root)
                found = [m for m in self._marks if any(a is root for a in m.iterancestors())]
            for marked in found:
                path.add(marked)
                path.update(marked.iterancestors())
            self._body_path = path
        return self._body_path

    def chars(self) -> int:
        """Characters of text on the page."""
        if self._chars is None:
            self._chars = _text_len(self.root)
        return self._chars

    def native(self) -> bool:
        """Whether the tree holds only elements and text (no comments, processing instructions, entities)."""
        if self._native is None:
            self._native = not _has_other_nodes(self.root)
        return self._native

    def paragraphs(self) -> int:
        """Characters of text in the page's paragraphs."""
        if self._paragraphs is None:
            if self.native():
                self._paragraphs = self._read + sum(self._lengths())
            else:
                self._paragraphs = _paragraph_walk(self.root)
        return self._paragraphs

    def paragraphs_above(self, size: int) -> bool:
        """Say whether ``size`` is under :data:`WRAPPER_SHARE` of the page's paragraph text (which is not empty).

        The paragraphs are read one by one only until their text so far decides it: a
        lower bound that passes ``size`` passes it for the whole page too, and most
        marked elements (a share bar, a menu) are far smaller than the first paragraphs.
        """
        if self._paragraphs is None and self.native():
            read = self._read
            lengths = self._lengths()
            while not (read and size < WRAPPER_SHARE * read):
                n = next(lengths, None)
                if n is None:
                    self._paragraphs = read
                    break
                read += n
            self._read = read
            if self._paragraphs is None:
                return True
        page_paragraphs = self.paragraphs()
        return bool(page_paragraphs and size < WRAPPER_SHARE * page_paragraphs)

    def _lengths(self) -> Iterator[int]:
        if self._outer is None:
            self._outer = _outer_paragraph_lengths(self.root)
        return self._outer


def _is_wrapper(el: HtmlElement, page: _Page) -> bool:
    """Say whether a marked element must be kept: it holds the article body or most of the page."""
    if el in page.body_path():
        return True
    size = _text_len(el)
    if page.paragraphs_above(size):
        # Neither test can hold: the paragraph text under el is at most its whole text, and
        # the page's paragraph text at most the page's text. (The page's text is measured
        # only when needed: on 78 of the 181 AEB pages no pruned element needs it.)
        return False
    page_paragraphs = page.paragraphs()
    page_chars = page.chars()
    if page_chars and size >= WRAPPER_SHARE * page_chars:
        return True
    if not page_paragraphs:
        return False
    return _paragraph_len(el, walk=not page.native()) >= WRAPPER_SHARE * page_paragraphs


def strip_silent(root: HtmlElement, *, noscripts: Sequence[HtmlElement] | None = None) -> HtmlElement:
    """Remove the :data:`SILENT_TAGS` elements with their content; return where the story may start.

    A ``<noscript>`` holding at least :data:`WRAPPER_SHARE` of the page's text
    is kept as a ``<div>``: it is the page, not a fallback message. What the
    parser put after ``<body>`` (the page went on after a stray ``</body>``) is
    moved into it.

    Args:
        root: The parsed page (it is changed).
        noscripts: The page's ``<noscript>`` elements in page order, when the caller has
            them (:attr:`newsclean.html.meta.PageMeta.noscripts`, found by the metadata
            walk); else they are looked for here, a pass over the tree.

    Returns:
        The page's ``<body>``, or ``root`` when there is none.
    """
    import lxml.etree

    lxml.etree.strip_elements(root, *(t for t in SILENT_TAGS if t != "noscript"), with_tail=False)
    if noscripts is None:
        noscripts = list(root.iter("noscript"))
    elif noscripts:  # (those removed with a silent element are no longer below the root)
        noscripts = [el for el in noscripts if any(up is root for up in el.iterancestors())]
    if noscripts:
        # A <noscript> holding most of the page is the page: a parser that could not close
        # it took the rest of the page in, or the site serves its text there. Unwrapped.
        # (The page's text is measured only when a <noscript> holds any: an empty one,
        # a tracking pixel, is never most of it.)
        sizes = [_text_len(el) for el in noscripts]
        page = _text_len(root) if any(sizes) else 0
        big = [el for el, size in zip(noscripts, sizes, strict=True) if page and size >= WRAPPER_SHARE * page]
        for el in big:
            el.tag = "div"
        if len(big) < len(noscripts):
            lxml.etree.strip_elements(root, "noscript", with_tail=False)
    body = next(root.iterchildren("body"), None)  # (``find`` goes through ElementPath's Python selectors)
    if body is None:
        return root
    after = list(body.itersiblings())
    if after:
        # A stray </body> early in the page: the parser put the rest of it after the body.
        if body.tail:
            if len(body):
                body[-1].tail = _settable((body[-1].tail or "") + body.tail)
            else:
                body.text = _settable((body.text or "") + body.tail)
            body.tail = None
        body.extend(after)
    return body


#: Characters the HTML parser keeps in a text node but lxml refuses to set on one (C0
#: controls other than tab, newline and carriage return; U+FFFE and U+FFFF).
_NOT_SETTABLE = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _settable(text: str) -> str:
    """``text`` without the characters lxml refuses in a text node (they are no visible text)."""
    out: str = _NOT_SETTABLE.sub("", text)
    return out


def _collapsed(text: str) -> bool:
    """Say whether ``text`` (stripped) has no white space to collapse: single spaces only.

    Every white space character but the space is a control or a separator, which
    ``isprintable`` refuses, so a printable text without a double space is its own
    ``" ".join(text.split())``: a scan, without the list of words and the new string.
    """
    return text.isprintable() and "  " not in text


def _has_other_nodes(root: HtmlElement) -> bool:
    """Say whether the tree holds comments, processing instructions or entities (the lxml parser drops them)."""
    import lxml.etree

    others = root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction, lxml.etree.Entity)
    return next(others, None) is not None


def cut_blocks(
    root: HtmlElement, *, marks: Sequence[HtmlElement] | None = None, elements_only: bool = False
) -> tuple[list[Block], Spans]:
    """Prune the tree under ``root`` and cut it into blocks, in one walk (see the module docstring).

    The walk is lxml's own (``iterwalk``) unless the tree holds comments or
    processing instructions (a tree from ``html.parser`` or a caller), whose
    tails are text too; then a Python walk gives the same events with them.

    Args:
        root: Where the story may start (see :func:`strip_silent`).
        marks: Every element of the page holding ``itemprop="articleBody"``, when the
            caller has them (:attr:`newsclean.html.meta.PageMeta.body_marks`, found by the
            metadata walk); else they are looked for here, a pass over the tree.
        elements_only: The caller knows the tree holds only elements and text (no
            comments, processing instructions or entities:
            :attr:`newsclean.html.meta.PageMeta.elements_only`); else it is looked at
            when the wrapper test first needs it, a pass over the tree.

    Returns:
        The blocks in document order, and for each element the range of block
        indices its text went into (see :data:`Spans`: not the elements below a
        pruned one, whose subtree a leaner loop reads).

    >>> from newsclean.html.parse import parse_html
    >>> page, _ = parse_html("<body><nav>Home | World</nav><p>Rain fell all day.</p></body>")
    >>> blocks, _ = cut_blocks(strip_silent(page))
    >>> [(b.text, b.reason) for b in blocks]
    [('Home | World', 'html_nav'), ('Rain fell all day.', None)]
    """
    import lxml.etree

    page = _Page(root, marks, elements_only=elements_only)
    blocks: list[Block] = []
    spans: Spans = {}
    structural = STRUCTURAL_REASONS
    kinds = _TAG_KINDS
    seen: dict[str, tuple[str, int]] = {}  # each tag name as found: (lower case, kind)
    link_depth = 0
    article_depth = 0

    def flush(
        owner: HtmlElement, dropped: HtmlElement | None, reason: str | None, parts: list[str], link: int
    ) -> None:
        # (called only when ``parts`` holds something)
        stripped = "".join(parts).strip()
        if not stripped:  # (only line breaks and cell separators)
            return
        if "\n" in stripped:  # (line ends only in the white space around the text make one line)
            lines: tuple[str, ...] = tuple(filter(None, [" ".join(x.split()) for x in stripped.split("\n")]))
            chars = sum(map(len, lines))
            text = "\n".join(lines)
        else:
            text = stripped if _collapsed(stripped) else " ".join(stripped.split())
            lines = (text,)
            chars = len(text)
        blocks.append(Block(len(blocks), owner, lines, chars, min(link, chars), dropped, reason, text))

    # The open builder (the block being gathered) lives in five locals: the block-level
    # element that owns the text, the element whose removal took it and why (or None), the
    # text gathered and its characters inside links. Builders below it wait in ``below``.
    owner: HtmlElement = root
    dropped: HtmlElement | None = None
    reason: str | None = None
    parts: list[str] = []
    link = 0
    below: list[tuple[HtmlElement, HtmlElement | None, str | None, list[str], int]] = []
    # lxml's own walk; comments and processing instructions come as one event each (their
    # tails are text), entities as a start and an end with a tag that is no string.
    walker: Any = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    # One entry per open node, what its end does: -1 for a node whose end only adds its tail;
    # else the node's first block index times 8 plus flags: _PUSHED (close the builder it
    # pushed), _LINK (an <a>), _ARTICLE (an <article>).
    stack: list[int] = []
    for event, el in walker:
        if event == "end":
            v = stack.pop()
            if v >= 0:
                if v & _PUSHED:
                    if parts:
                        flush(owner, dropped, reason, parts, link)
                    owner, dropped, reason, parts, link = below.pop()
                if v & _LINK:
                    link_depth -= 1
                elif v & _ARTICLE:
                    article_depth -= 1
                spans[el] = (v >> 3, len(blocks))
            text = el.tail
            if text and (parts or not text.isspace()):  # (leading white space is no text)
                parts.append(text)
                if link_depth:
                    link += len(text.strip())
            continue
        if event != "start":  # a comment or processing instruction: only its tail is text
            text = el.tail
            if text and (parts or not text.isspace()):
                parts.append(text)
                if link_depth:
                    link += len(text.strip())
            continue
        tag = el.tag
        if not isinstance(tag, str):  # an entity
            stack.append(-1)
            continue
        known = seen.get(tag)
        if known is None:
            lower = tag.lower()
            known = seen[tag] = (lower, kinds.get(lower, 0))
        tag, kind = known
        if kind & _K_BR:
            parts.append("\n")
            stack.append(-1)
            if len(el):
                walker.skip_subtree()
            continue
        flags = 0
        if dropped is None and el is not root:
            why = structural.get(tag)
            if why is None:
                items = el.items()
                if items:
                    why = _items_reason(items)
                if why is None and kind & _K_ARTICLE and article_depth:
                    why = "html_related"  # an article card inside the article: a teaser
            if why is not None and not is_body_marker(el) and not _is_wrapper(el, page):
                if kind & _K_BLOCK and parts:
                    flush(owner, dropped, reason, parts, link)
                    parts, link = [], 0
                below.append((owner, dropped, reason, parts, link))
                owner, dropped, reason, parts, link = el, el, why, [], 0
                flags = _PUSHED
        if not flags and kind & _K_BLOCK:
            if parts:
                flush(owner, dropped, reason, parts, link)
                parts, link = [], 0
            below.append((owner, dropped, reason, parts, link))
            owner, parts, link = el, [], 0
            flags = _PUSHED
        if kind & _K_MARKED:
            if kind & _K_LINK:
                link_depth += 1
                flags |= _LINK
            elif kind & _K_ARTICLE:
                article_depth += 1
                flags |= _ARTICLE
            else:
                parts.append(" ")  # a table cell
        stack.append(len(blocks) * 8 + flags)
        text = el.text
        if text and (parts or not text.isspace()):
            parts.append(text)
            if link_depth:
                link += len(text.strip())
        if not flags & _PUSHED or el is not dropped:
            continue
        # ``el`` was pruned just now: nothing below it is judged again, so its subtree is read
        # by a leaner loop (blocks, line breaks, links and cells only) up to ``el``'s own end.
        # One entry per open node below ``el``: -1 (an entity, a <br>) or its flags, _PUSHED and
        # _LINK (an <article> changes nothing below a pruned element); no spans are kept here.
        inner: list[int] = []
        for event, node in walker:
            if event == "end":
                if not inner:
                    break  # ``el``'s end
                v = inner.pop()
                if v >= 0:
                    if v & _PUSHED:
                        if parts:
                            flush(owner, dropped, reason, parts, link)
                        owner, dropped, reason, parts, link = below.pop()
                    if v & _LINK:
                        link_depth -= 1
                text = node.tail
                if text and (parts or not text.isspace()):
                    parts.append(text)
                    if link_depth:
                        link += len(text.strip())
                continue
            if event != "start":
                text = node.tail
                if text and (parts or not text.isspace()):
                    parts.append(text)
                    if link_depth:
                        link += len(text.strip())
                continue
            tag = node.tag
            if not isinstance(tag, str):
                inner.append(-1)
                continue
            known = seen.get(tag)
            if known is None:
                lower = tag.lower()
                known = seen[tag] = (lower, kinds.get(lower, 0))
            kind = known[1]
            if kind & _K_BR:
                parts.append("\n")
                inner.append(-1)
                if len(node):
                    walker.skip_subtree()
                continue
            flags = 0
            if kind & _K_BLOCK:
                if parts:
                    flush(owner, dropped, reason, parts, link)
                    parts, link = [], 0
                below.append((owner, dropped, reason, parts, link))
                owner, parts, link = node, [], 0
                flags = _PUSHED
            if kind & _K_LINK:
                link_depth += 1
                flags |= _LINK
            elif kind & _K_CELL:
                parts.append(" ")
            inner.append(flags)
            text = node.text
            if text and (parts or not text.isspace()):
                parts.append(text)
                if link_depth:
                    link += len(text.strip())
        else:
            continue  # (the walk ended without ``el``'s end: not seen from lxml)
        v = stack.pop()  # ``el``'s end, as at the top of the loop (it pushed a builder)
        if parts:
            flush(owner, dropped, reason, parts, link)
        owner, dropped, reason, parts, link = below.pop()
        if v & _LINK:
            link_depth -= 1
        elif v & _ARTICLE:
            article_depth -= 1
        spans[node] = (v >> 3, len(blocks))  # (``node`` is ``el``, whose end ended the loop)
        text = node.tail
        if text and (parts or not text.isspace()):
            parts.append(text)
            if link_depth:
                link += len(text.strip())
    if parts:
        flush(owner, dropped, reason, parts, link)
    while below:
        owner, dropped, reason, parts, link = below.pop()
        if parts:
            flush(owner, dropped, reason, parts, link)
    return blocks, spans
