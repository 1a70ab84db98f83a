"""Pass 2 of content extraction: credit containers from their paragraphs and choose the story's.

Every paragraph-like block (long enough, few links) credits its parent,
grandparent and great-grandparent with a weight growing with its length,
halving per level, an idea from Arc90 Readability. A container's score is that
credit times one minus its link density. The best container wins, with those
of its siblings that score well too (stories split by ad slots or a figure).

The blocks come from :mod:`newsclean.html.blocks`; the choice is one input of
the block decision in :mod:`newsclean.html.content`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsclean import regexlite as regex
from newsclean.html.blocks import MAX_LINK_DENSITY, Block, Spans, cut_blocks, is_body_marker, strip_silent
from newsclean.html.choice import (
    CANDIDATES,
    ContainerModel,
    candidate_features,
    choose,
    container_model,
    kept_sums,
)
from newsclean.html.meta import normalize_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.etree import _Element as HtmlElement

__all__ = ["Analysis", "Candidates", "analyse_blocks", "analysis_for", "page_candidates"]

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Blocks that are one paragraph of their container (credit starts at the parent).
PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "li", "dd", "tr", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = regex.compile(r"[.!?…。！？\"”»)]\s*$|[.!?。]\s")

#: Paragraph-like blocks shorter than this do not credit containers.
MIN_PARAGRAPH_CHARS = 25
#: A same-styled part of a split story must have fewer links than this.
SPLIT_PART_MAX_LINK_DENSITY = 0.3
#: A sibling of the best container joins the choice when it scores this share of it...
SIBLING_SHARE = 0.2
#: ...and at least this much (credit units: characters of paragraph text).
MIN_SIBLING_SCORE = 10.0
#: A paragraph-like sibling with this much text and under this share of links joins too.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_PARAGRAPH_LINK_SHARE = 0.25
#: A block this long is a paragraph, never the headline.
MAX_HEADLINE_CHARS = 400


def _score(blocks: list[Block], spans: Spans) -> tuple[dict[HtmlElement, float], list[int], list[int]]:
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


def _link_density(el: HtmlElement, spans: Spans, chars: list[int], links: list[int]) -> float:
    """Share of the kept text under ``el`` that sits inside links."""
    first, end = spans.get(el, (0, 0))
    total = chars[end] - chars[first]
    return (links[end] - links[first]) / total if total else 0.0


def _container_score(
    el: HtmlElement,
    credit: dict[HtmlElement, float],
    spans: Spans,
    chars: list[int],
    links: list[int],
) -> float:
    base = credit.get(el, 0.0)
    if not base:
        return 0.0
    density = _link_density(el, spans, chars, links)
    bonus = 1.0
    if is_body_marker(el):
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


@dataclass(slots=True)
class Candidates:
    """A page cut into blocks and scored, with its candidate containers (before the choice).

    Attributes:
        start: The element the blocks were cut from (the body, or the page).
        blocks: Every block, in document order; ``spans`` maps an element to its blocks' range.
        credit, chars, links: The density credit and the running sums it reads.
        headline: The block taken as the page's headline, if any.
        elements: The best-scoring elements, the density's top first (:data:`CANDIDATES`).
        rows: Their features (:func:`newsclean.html.choice.candidate_features`).
    """

    start: HtmlElement
    blocks: list[Block]
    spans: Spans
    credit: dict[HtmlElement, float]
    chars: list[int]
    links: list[int]
    headline: Block | None
    elements: list[HtmlElement]
    rows: list[list[float]]


def page_candidates(
    root: HtmlElement,
    *,
    headlines: frozenset[str] = frozenset(),
    marks: Sequence[HtmlElement] | None = None,
    noscripts: Sequence[HtmlElement] | None = None,
    elements_only: bool = False,
) -> Candidates:
    """Cut a parsed page into blocks, score them and describe the candidate containers.

    Args:
        root: The parsed page (it is changed: scripts and the like are removed).
        headlines: Normalised headline forms (see
            :func:`newsclean.html.meta.normalize_title`).
        marks: The page's ``itemprop="articleBody"`` elements, if known (see :func:`cut_blocks`).
        noscripts: The page's ``<noscript>`` elements, if known (see :func:`strip_silent`).
        elements_only: The tree is known to hold only elements and text (see :func:`cut_blocks`).
    """
    start = strip_silent(root, noscripts=noscripts)
    blocks, spans = cut_blocks(start, marks=marks, elements_only=elements_only)
    credit, chars, links = _score(blocks, spans)
    headline = _find_headline(blocks, headlines)
    scores = {el: _container_score(el, credit, spans, chars, links) for el in credit}
    # sorted() is stable: among equal scores the first credited element stays first, as max() chose
    elements = sorted(scores, key=lambda e: -scores[e])[:CANDIDATES]
    rows: list[list[float]] = []
    if elements:
        top = elements[0]
        paragraphs, kept_chars = kept_sums(blocks)
        for el in elements:
            first, end = spans.get(el, (0, 0))
            kept = (paragraphs[end] - paragraphs[first], kept_chars[end] - kept_chars[first])
            density = _link_density(el, spans, chars, links)
            rows.append(
                candidate_features(el, top, scores[el], scores[top], blocks, spans, density, headline, kept)
            )
    return Candidates(start, blocks, spans, credit, chars, links, headline, elements, rows)


def analysis_for(page: Candidates, best: HtmlElement | None) -> Analysis:
    """The :class:`Analysis` of a page with ``best`` as the story's container (with its siblings)."""
    blocks, spans = page.blocks, page.spans
    selected = (
        _select(best, page.start, blocks, spans, page.credit, page.chars, page.links)
        if best is not None
        else [page.start]
    )
    inside = [False] * len(blocks)
    for el in selected:
        first, end = spans.get(el, (0, 0))
        for i in range(first, end):
            inside[i] = True
    return Analysis(blocks, inside, best, page.headline, _describe(best) if best is not None else None)


def analyse_blocks(
    root: HtmlElement,
    *,
    headlines: frozenset[str] = frozenset(),
    model: ContainerModel | None = None,
    marks: Sequence[HtmlElement] | None = None,
    noscripts: Sequence[HtmlElement] | None = None,
    elements_only: bool = False,
) -> Analysis:
    """Cut a parsed page into blocks and choose the container the story sits in.

    The density score ranks the candidates; the fitted container model
    (:mod:`newsclean.html.choice`) may prefer another of them.

    Args:
        root: The parsed page (it is changed: scripts and the like are removed).
        headlines: Normalised headline forms (see
            :func:`newsclean.html.meta.normalize_title`).
        model: The container model; the fitted one shipped with newsclean by default.
        marks: The page's ``itemprop="articleBody"`` elements, if known (see :func:`cut_blocks`).
        noscripts: The page's ``<noscript>`` elements, if known (see :func:`strip_silent`).
        elements_only: The tree is known to hold only elements and text (see :func:`cut_blocks`).

    Returns:
        The :class:`Analysis` the block model reads.
    """
    page = page_candidates(
        root, headlines=headlines, marks=marks, noscripts=noscripts, elements_only=elements_only
    )
    if not page.elements:
        return analysis_for(page, None)
    pick = choose(page.rows, model or container_model())
    return analysis_for(page, page.elements[pick])


def _select(
    best: HtmlElement,
    start: HtmlElement,
    blocks: list[Block],
    spans: Spans,
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
        # a story split into same-styled parts, each in its own wrapper (ad rails): read among
        # the elements the cut measured (only those can score), not by a walk over the page; the
        # choice is a set (the order of ``selected`` marks nothing)
        tag = best.tag
        for el in spans:
            if (
                el.tag == tag
                and el.get("class") == best_class
                and el not in selected
                and _container_score(el, credit, spans, chars, links) > 0
                and _link_density(el, spans, chars, links) < SPLIT_PART_MAX_LINK_DENSITY
            ):
                selected.append(el)
    return selected


def _find_headline(blocks: list[Block], headlines: frozenset[str]) -> Block | None:
    """The block that is the page's headline: one equal to a metadata headline, else the first ``<h1>``."""
    first_h1: Block | None = None
    # A headline form's first and last words are runs of word characters of any text that
    # normalises to it, so a block holding (case-folded) not both words of any form is no
    # headline: most blocks are answered by a few substring tests instead of the normalisation's
    # pattern. (The first word alone let a third of the blocks through: a form's first word is
    # often a short function word.)
    ends = {(h.split(" ", 1)[0], h.rsplit(" ", 1)[-1]) for h in headlines}
    for b in blocks:
        if b.dropped is not None or b.chars >= MAX_HEADLINE_CHARS:
            continue
        if headlines:
            folded = b.text.casefold()
            if any(f in folded and w in folded for f, w in ends) and normalize_title(b.text) in headlines:
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
