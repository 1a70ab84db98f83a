"""Main-content extraction: from a parsed page to the story's blocks, one per line.

Three passes over the tree, all iterative (no recursion, so nesting depth is
harmless) and linear in the page size:

1. **Prune.** One walk marks elements that are not story text: structural
   tags (``nav``, ``header``, ``footer``, ``aside``, forms), ARIA landmark
   roles, hidden elements, and elements whose class/id tokens name a concept
   of :mod:`newsclean.html.tokens` (comments, share, cookie, related, ads…).
   A marked element is kept anyway when it names itself the article body, holds
   ``itemprop="articleBody"``, or holds most of the page's text (a page-wide
   wrapper such as an ASP.NET ``<form>`` or ``<div class="has-sidebar">``).
   The same walk cuts the page into *blocks*: the text of a block-level
   element (paragraph, heading, list item, cell, text-bearing ``div``), inline
   markup joined in, with its length and the share of it inside links.
2. **Score.** Every paragraph-like block (long enough, few links) credits its
   parent, grandparent and great-grandparent with a weight growing with its
   length, halving per level, an idea from Arc90 Readability. A container's
   score is that credit times one minus its link density. The best container
   wins, with those of its siblings that score well too (stories split by ad
   slots or a figure).
3. **Emit.** The blocks inside the chosen containers become lines, except a
   heading equal to the page's headline (it goes to ``title``) and link-dense
   blocks. Every block not emitted becomes one logged removal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from newsclean.html.features import BlockModel, block_features, block_model
from newsclean.html.lists import link_lists
from newsclean.html.meta import normalize_title
from newsclean.html.tokens import classify_tokens, is_content_token

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.etree import _Element as HtmlElement

__all__ = ["Analysis", "Block", "Extraction", "analyse_blocks", "emit", "extract_content", "keep_blocks"]

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
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Blocks that are one paragraph of their container (credit starts at the parent).
PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "li", "dd", "tr", "h2", "h3", "h4", "h5", "h6"})

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
_SENTENCE_END = regex.compile(r"[.!?…。！？\"”»)]\s*$|[.!?。]\s")

#: A marked element holding at least this share of the page's text, or of
#: the text in its paragraphs, is a wrapper, not boilerplate, and is kept.
WRAPPER_SHARE = 0.5
#: Paragraph-like blocks shorter than this do not credit containers.
MIN_PARAGRAPH_CHARS = 25
#: A same-styled part of a split story must have fewer links than this.
SPLIT_PART_MAX_LINK_DENSITY = 0.3
#: Blocks with a larger share of their text inside links are link lists
#: (for crediting containers and for naming the removal reason).
MAX_LINK_DENSITY = 0.5
#: A sibling of the best container joins the choice when it scores this share of it...
SIBLING_SHARE = 0.2
#: ...and at least this much (credit units: characters of paragraph text).
MIN_SIBLING_SCORE = 10.0
#: A paragraph-like sibling with this much text and under this share of links joins too.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_PARAGRAPH_LINK_SHARE = 0.25


@dataclass(slots=True)
class Block:
    """One block of text: a paragraph, heading, list item, cell or text-bearing div.

    Attributes:
        index: Position among all blocks, in document order.
        owner: The block-level element the text belongs to.
        lines: The text, one entry per line (``<br>`` breaks), white space collapsed.
        chars: Number of characters.
        link_chars: Characters inside ``<a>`` elements.
        dropped: The element whose removal took this block, or None.
        reason: The removal reason, when dropped.
    """

    index: int
    owner: HtmlElement
    lines: list[str]
    chars: int
    link_chars: int
    dropped: HtmlElement | None
    reason: str | None

    @property
    def link_density(self) -> float:
        """Share of the text that sits inside links."""
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def text(self) -> str:
        """The lines joined with newlines."""
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed region: its reason and text, and where it sat (block index)."""

    index: int
    reason: str
    text: str
    action: str = "remove"


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of :func:`extract_content`."""

    lines: tuple[str, ...]
    removed: tuple[Removed, ...]
    container: str | None
    headline: str | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


class _Builder:
    __slots__ = ("dropped", "link_chars", "owner", "parts", "reason")

    def __init__(self, owner: HtmlElement, dropped: HtmlElement | None, reason: str | None) -> None:
        self.owner = owner
        self.dropped = dropped
        self.reason = reason
        self.parts: list[str] = []
        self.link_chars = 0


def _drop_reason(el: HtmlElement, tag: str) -> str | None:
    """Say why ``el`` is not story text (or None): tag, role, hidden, or class/id tokens."""
    reason = STRUCTURAL_REASONS.get(tag)
    if reason:
        return reason
    attrib = el.attrib
    if not attrib:
        return None
    role = attrib.get("role")
    if role:
        reason = ROLE_REASONS.get(role.strip().lower())
        if reason:
            return reason
    if "hidden" in attrib or attrib.get("aria-hidden", "").strip().lower() == "true":
        return "html_hidden"
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "html_hidden"
    for name in ("class", "id"):
        value = attrib.get(name)
        if value:
            concept = classify_tokens(value)
            if concept is not None:
                return concept.reason
    return None


def _is_body_marker(el: HtmlElement) -> bool:
    attrib = el.attrib
    if not attrib:
        return False
    if attrib.get("itemprop") == "articleBody":
        return True
    return any(attrib.get(n) and is_content_token(attrib.get(n, "")) for n in ("class", "id"))


@lru_cache(maxsize=1)
def _xpaths() -> tuple[Any, Any]:
    import lxml.etree

    return lxml.etree.XPath("string-length(.)"), lxml.etree.XPath(".//p//text()")


def _text_len(el: HtmlElement) -> int:
    """Characters of text under ``el`` (white space included)."""
    return int(_xpaths()[0](el))


def _paragraph_len(el: HtmlElement) -> int:
    """Characters of text inside ``<p>`` elements under ``el`` (white space included)."""
    return len("".join(_xpaths()[1](el)))


def _is_wrapper(el: HtmlElement, page_chars: int, page_paragraphs: int, body_path: set[HtmlElement]) -> bool:
    """Say whether a marked element must be kept: it holds the article body or most of the page."""
    if el in body_path:
        return True
    size = _text_len(el)
    if page_chars and size >= WRAPPER_SHARE * page_chars:
        return True
    if not page_paragraphs or size < WRAPPER_SHARE * page_paragraphs:
        return False  # paragraph text under el is at most its whole text
    return _paragraph_len(el) >= WRAPPER_SHARE * page_paragraphs


def _clean_line(line: str) -> str:
    return " ".join(line.split())


def _walk(
    root: HtmlElement, page_chars: int, page_paragraphs: int
) -> tuple[list[Block], dict[HtmlElement, tuple[int, int]]]:
    """Prune and cut the tree into blocks (pass 1); see the module docstring."""
    blocks: list[Block] = []
    spans: dict[HtmlElement, tuple[int, int]] = {}
    body_path: set[HtmlElement] = set()
    for marked in root.iterfind(".//*[@itemprop='articleBody']"):
        body_path.add(marked)
        body_path.update(marked.iterancestors())
    builders: list[_Builder] = [_Builder(root, None, None)]
    link_depth = 0
    article_depth = 0

    def flush(b: _Builder) -> None:
        if not b.parts:
            return
        raw = "".join(b.parts)
        b.parts = []
        link_chars = b.link_chars
        b.link_chars = 0
        lines = [c for c in (_clean_line(x) for x in raw.split("\n")) if c]
        if not lines:
            return
        chars = sum(len(x) for x in lines)
        blocks.append(Block(len(blocks), b.owner, lines, chars, min(link_chars, chars), b.dropped, b.reason))

    def add_text(text: str | None) -> None:
        if text:
            top = builders[-1]
            top.parts.append(text)
            if link_depth:
                top.link_chars += len(text.strip())

    # stack items: (element, phase) with phase 0 = enter, 1 = exit, 2 = exit having pushed a builder
    stack: list[tuple[HtmlElement, int]] = [(root, 0)]
    while stack:
        el, phase = stack.pop()
        if phase:
            tag = el.tag
            if phase == 2:
                flush(builders.pop())
            if tag == "a":
                link_depth -= 1
            elif tag == "article":
                article_depth -= 1
            first = spans.get(el)
            if first is not None:
                spans[el] = (first[0], len(blocks))
            add_text(el.tail)
            continue
        tag = el.tag
        if not isinstance(tag, str):  # comments, entities, processing instructions
            add_text(el.tail)
            continue
        tag = tag.lower()
        if tag == "br":
            add_text("\n")
            add_text(el.tail)
            continue
        top = builders[-1]
        pushed = False
        if top.dropped is None and el is not root:
            reason = _drop_reason(el, tag)
            if reason is None and tag == "article" and article_depth:
                reason = "html_related"  # an article card inside the article: a teaser
            if (
                reason is not None
                and not _is_body_marker(el)
                and not _is_wrapper(el, page_chars, page_paragraphs, body_path)
            ):
                if tag in BLOCK_TAGS:
                    flush(top)
                builders.append(_Builder(el, el, reason))
                pushed = True
        if not pushed and tag in BLOCK_TAGS:
            flush(top)
            builders.append(_Builder(el, top.dropped, top.reason))
            pushed = True
        if tag == "a":
            link_depth += 1
        elif tag == "article":
            article_depth += 1
        elif tag in CELL_TAGS:
            add_text(" ")
        spans[el] = (len(blocks), len(blocks))
        add_text(el.text)
        stack.append((el, 2 if pushed else 1))
        for child in reversed(el):
            stack.append((child, 0))
    while builders:
        flush(builders.pop())
    return blocks, spans


def _score(
    blocks: list[Block], spans: dict[HtmlElement, tuple[int, int]]
) -> tuple[dict[HtmlElement, float], list[int], list[int]]:
    """Credit containers from their paragraph-like blocks (pass 2)."""
    credit: dict[HtmlElement, float] = {}
    chars = [0]
    links = [0]
    for b in blocks:
        kept = b.dropped is None
        chars.append(chars[-1] + (b.chars if kept else 0))
        links.append(links[-1] + (b.link_chars if kept else 0))
        if not kept or b.chars < MIN_PARAGRAPH_CHARS or b.link_density > MAX_LINK_DENSITY:
            continue
        tag = b.owner.tag
        if tag == "h1":
            continue
        weight = min(b.chars, 1000) * (1.0 - b.link_density)
        if not _SENTENCE_END.search(b.lines[-1][-80:]):
            weight *= 0.5
        if tag in HEADING_TAGS or tag == "li":
            weight *= 0.5
        el = b.owner.getparent() if tag in PARAGRAPH_TAGS else b.owner
        factor = 1.0
        for _ in range(3):
            if el is None:
                break
            credit[el] = credit.get(el, 0.0) + weight * factor
            factor *= 0.5
            el = el.getparent()
    return credit, chars, links


def _link_density(
    el: HtmlElement, spans: dict[HtmlElement, tuple[int, int]], chars: list[int], links: list[int]
) -> float:
    """Share of the kept text under ``el`` that sits inside links."""
    first, end = spans.get(el, (0, 0))
    total = chars[end] - chars[first]
    return (links[end] - links[first]) / total if total else 0.0


def _container_score(
    el: HtmlElement,
    credit: dict[HtmlElement, float],
    spans: dict[HtmlElement, tuple[int, int]],
    chars: list[int],
    links: list[int],
) -> float:
    base = credit.get(el, 0.0)
    if not base:
        return 0.0
    density = _link_density(el, spans, chars, links)
    bonus = 1.0
    if _is_body_marker(el):
        bonus = 1.5
    elif el.tag == "article":
        bonus = 1.2
    return base * (1.0 - density) * bonus


@dataclass(slots=True)
class Analysis:
    """One page cut into blocks, with the container choice (passes 1 and 2).

    Attributes:
        blocks: Every block, in document order.
        inside: For each block, whether it lies in the chosen container(s).
        best: The chosen container, or None when no block scored.
        headline: The block taken as the page's headline, if any.
        container: A short description of ``best``, for the log.
    """

    blocks: list[Block]
    inside: list[bool]
    best: HtmlElement | None
    headline: Block | None
    container: str | None


def analyse_blocks(root: HtmlElement, *, headlines: frozenset[str] = frozenset()) -> Analysis:
    """Cut a parsed page into blocks and choose the container the story sits in.

    Args:
        root: The parsed page (it is changed: scripts and the like are removed).
        headlines: Normalised headline forms (see
            :func:`newsclean.html.meta.normalize_title`).

    Returns:
        The :class:`Analysis` the block model reads.
    """
    import lxml.etree

    lxml.etree.strip_elements(root, *SILENT_TAGS, with_tail=False)
    body = root.find("body")
    start = body if body is not None else root
    blocks, spans = _walk(start, _text_len(start), _paragraph_len(start))
    credit, chars, links = _score(blocks, spans)

    selected: list[HtmlElement] = []
    best: HtmlElement | None = None
    container_desc: str | None = None
    if credit:
        best = max(credit, key=lambda e: _container_score(e, credit, spans, chars, links))
        selected = _select(best, start, blocks, spans, credit, chars, links)
        container_desc = _describe(best)
    else:
        selected = [start]

    inside = [False] * len(blocks)
    for el in selected:
        first, end = spans.get(el, (0, 0))
        for i in range(first, end):
            inside[i] = True
    return Analysis(blocks, inside, best, _find_headline(blocks, headlines), container_desc)


def _select(
    best: HtmlElement,
    start: HtmlElement,
    blocks: list[Block],
    spans: dict[HtmlElement, tuple[int, int]],
    credit: dict[HtmlElement, float],
    chars: list[int],
    links: list[int],
) -> list[HtmlElement]:
    """The best container with its well-scoring siblings and same-styled parts."""
    best_score = _container_score(best, credit, spans, chars, links)
    best_class = best.get("class")
    parent = best.getparent()
    selected: list[HtmlElement] = []
    if parent is None or best is start:
        return [best]
    threshold = max(best_score * SIBLING_SHARE, MIN_SIBLING_SCORE)
    for sib in parent:
        if sib is best:
            selected.append(sib)
            continue
        if not isinstance(sib.tag, str) or sib not in spans:
            continue
        if _container_score(sib, credit, spans, chars, links) >= threshold:
            selected.append(sib)
            continue
        first, end = spans[sib]
        if best_class and sib.tag == best.tag and sib.get("class") == best_class:
            selected.append(sib)  # a story split by ads into same-styled parts
            continue
        own = [b for b in blocks[first:end] if b.dropped is None]
        text_chars = sum(b.chars for b in own)
        link_chars = sum(b.link_chars for b in own)
        if (
            sib.tag in PARAGRAPH_TAGS
            and text_chars >= SIBLING_PARAGRAPH_CHARS
            and link_chars < SIBLING_PARAGRAPH_LINK_SHARE * text_chars
        ):
            selected.append(sib)
    if best_class:
        # a story split into same-styled parts, each in its own wrapper (ad rails)
        for el in start.iter(best.tag):
            if (
                el.get("class") == best_class
                and el not in selected
                and el in spans
                and _container_score(el, credit, spans, chars, links) > 0
                and _link_density(el, spans, chars, links) < SPLIT_PART_MAX_LINK_DENSITY
            ):
                selected.append(el)
    return selected


def extract_content(
    root: HtmlElement, *, headlines: frozenset[str] = frozenset(), model: BlockModel | None = None
) -> Extraction:
    """Find the story in a parsed page and cut it into lines.

    The container choice (:func:`analyse_blocks`) is one input of the fitted
    block model (:mod:`newsclean.html.features`), which decides block by
    block, so the parts of a story split by subheadings, figures or ad slots
    around the container are kept and the clutter between them is not.

    Args:
        root: The parsed page (it is changed: scripts and the like are removed).
        headlines: Normalised headline forms (see
            :func:`newsclean.html.meta.normalize_title`); a body block equal to
            one of them is taken out as the headline.
        model: The block model; the fitted one shipped with newsclean by default.

    Returns:
        An :class:`Extraction` with the story lines and every removed block.
    """
    analysis = analyse_blocks(root, headlines=headlines)
    model = model or block_model()
    blocks = analysis.blocks
    wanted = [not ins and b.dropped is None for ins, b in zip(analysis.inside, blocks, strict=True)]
    rows = block_features(blocks, analysis.inside, analysis.best, model.stopwords, wanted)
    keep = keep_blocks(
        [b.text for b in blocks],
        analysis.inside,
        [b.dropped is not None for b in blocks],
        [b.link_density for b in blocks],
        rows,
        model,
    )
    extraction = emit(analysis, keep)
    related, tags = link_lists(root, blocks, keep)
    return replace(extraction, related=tuple(related), tags=tuple(tags))


def keep_blocks(
    texts: Sequence[str],
    inside: Sequence[bool],
    pruned: Sequence[bool],
    link_density: Sequence[float],
    rows: Sequence[Sequence[float]],
    model: BlockModel,
) -> list[bool]:
    """Decide which blocks are story text.

    A block inside the chosen container is kept unless it is a link list
    (:data:`MAX_LINK_DENSITY`). A block outside it, and not pruned by the
    first pass (navigation, hidden, comments…), is kept when the fitted
    model says it continues the story (probability at least the model's
    threshold) and its text is not already kept (pages repeat a summary or a
    quote in another template slot).

    Args:
        texts: Block texts.
        inside: Whether each block lies in the chosen container(s).
        pruned: Whether the first pass took each block out (never kept).
        link_density: Each block's share of text inside links.
        rows: Each block's features (:func:`newsclean.html.features.block_features`).
        model: The block model.

    Returns:
        One decision per block.
    """
    keep = [
        ins and not out and ld <= MAX_LINK_DENSITY
        for ins, out, ld in zip(inside, pruned, link_density, strict=True)
    ]
    seen = {t for t, k in zip(texts, keep, strict=True) if k}
    for i, row in enumerate(rows):
        if inside[i] or pruned[i] or texts[i] in seen:
            continue
        if model.probability(row) >= model.threshold:
            keep[i] = True
            seen.add(texts[i])
    return keep


def emit(analysis: Analysis, keep: list[bool]) -> Extraction:
    """Turn the kept blocks into lines and the others into logged removals (pass 3).

    Args:
        analysis: The page's blocks.
        keep: For each block, whether it is story text.

    Returns:
        The :class:`Extraction`; removed blocks of one pruned element are one removal.
    """
    blocks = analysis.blocks
    headline = analysis.headline
    lines: list[str] = []
    removed: list[Removed] = []
    group_el: HtmlElement | None = None
    group: list[Block] = []

    def close() -> None:
        if group:
            text = "\n".join(b.text for b in group)
            removed.append(Removed(group[0].index, group[0].reason or "html_boilerplate", text))
            group.clear()

    for b, kept in zip(blocks, keep, strict=True):
        if b is headline:
            close()
            removed.append(Removed(b.index, "html_title", b.text, "extract"))
            continue
        if kept:
            close()
            lines.extend(b.lines)
            continue
        if b.dropped is not None:
            if b.dropped is not group_el:
                close()
                group_el = b.dropped
            group.append(b)
            continue
        close()
        group_el = None
        reason = "html_link_dense" if b.link_density > MAX_LINK_DENSITY else "html_boilerplate"
        removed.append(Removed(b.index, reason, b.text))
    close()
    return Extraction(tuple(lines), tuple(removed), analysis.container, headline.text if headline else None)


def _find_headline(blocks: list[Block], headlines: frozenset[str]) -> Block | None:
    """The block that is the page's headline: one equal to a metadata headline, else the first ``<h1>``."""
    first_h1: Block | None = None
    for b in blocks:
        if b.dropped is not None or b.chars >= 400:
            continue
        if headlines and normalize_title(b.text) in headlines:
            return b
        if first_h1 is None and b.owner.tag == "h1":
            first_h1 = b
    return first_h1


def _describe(el: HtmlElement) -> str:
    """A short CSS-like description of an element, for the log."""
    desc = str(el.tag)
    if el.get("id"):
        desc += "#" + el.get("id", "").strip()[:40]
    if el.get("class"):
        desc += "." + ".".join(el.get("class", "").split()[:3])
    return desc
