"""Main-content extraction: from a parsed page to the story's blocks, one per line.

Three passes over the tree, each linear in the page size:

1. **Prune and cut** (:mod:`newsclean.html.blocks`): one walk marks elements
   that are not story text (structural tags, ARIA roles, hidden elements,
   class/id tokens naming boilerplate) and cuts the page into blocks.
2. **Score** (:mod:`newsclean.html.container`): paragraph-like blocks credit
   their ancestors; the best container, with its well-scoring siblings, is
   where the story sits.
3. **Decide and emit** (this module): the blocks inside the chosen containers
   are kept unless link-dense; outside them, the fitted block model
   (:mod:`newsclean.html.features`) keeps those that continue the story. A
   heading equal to the page's headline goes to ``title``. Every block not
   emitted becomes one logged removal. If no block is kept at all (a pruning
   rule misread the story's wrapper), every block is emitted and the
   extraction is marked ``whole_page``: ``remove_boilerplate`` then judges the
   text as it judges a text capture, instead of the page coming out empty.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsclean.html.blocks import MAX_LINK_DENSITY, Block
from newsclean.html.container import Analysis, analyse_blocks
from newsclean.html.features import BlockModel, block_features, block_model
from newsclean.html.lists import link_lists

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.etree import _Element as HtmlElement

#: Removal reasons of the first pass that the block model judges instead: an
#: image caption is story text in some conventions (a caption that tells the
#: story) and not in others (a photo credit), so whether one is kept is fitted.
JUDGED_REASONS = frozenset({"html_caption"})

__all__ = [
    "JUDGED_REASONS",
    "Extraction",
    "Removed",
    "decide",
    "decide_blocks",
    "emit",
    "extract_content",
    "keep_blocks",
]


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
    whole_page: bool = False  # every block emitted (asked for, or no story found), for the text stages
    #: The block index of the first kept block (the story's start), None when nothing is kept; the
    #: removals before it hold the lines between the headline and the story (a post's date line).
    story_start: int | None = None


def decide_blocks(
    root: HtmlElement, *, headlines: frozenset[str] = frozenset(), model: BlockModel | None = None
) -> tuple[Analysis, list[bool]]:
    """The page's blocks and, for each, whether the block model keeps it as story.

    The decision :func:`extract_content` emits from; exposed so that studies of
    the decision read the very one the stage makes.
    """
    analysis = analyse_blocks(root, headlines=headlines)
    return analysis, decide(analysis, model)


def decide(analysis: Analysis, model: BlockModel | None = None) -> list[bool]:
    """For each block of an analysed page, whether the block model keeps it as story."""
    model = model or block_model()
    blocks = analysis.blocks
    judged = [b.dropped is not None and b.reason in JUDGED_REASONS for b in blocks]
    wanted = [
        jd or (not ins and b.dropped is None)
        for ins, jd, b in zip(analysis.inside, judged, blocks, strict=True)
    ]
    rows = block_features(blocks, analysis.inside, analysis.best, model.stopwords, wanted)
    return keep_blocks(
        [b.text for b in blocks],
        analysis.inside,
        [b.dropped is not None and not jd for b, jd in zip(blocks, judged, strict=True)],
        [b.link_density for b in blocks],
        rows,
        model,
        judged,
    )


def extract_content(
    root: HtmlElement,
    *,
    headlines: frozenset[str] = frozenset(),
    model: BlockModel | None = None,
    whole_page: bool = False,
    marks: Sequence[HtmlElement] | None = None,
    tag_links: Sequence[HtmlElement] | None = None,
    noscripts: Sequence[HtmlElement] | None = None,
    elements_only: bool = False,
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
        whole_page: Emit every block, marked ``whole_page``, whatever the block decision.
        marks: The page's ``itemprop="articleBody"`` elements, when the caller has them
            (:attr:`newsclean.html.meta.PageMeta.body_marks` of the same tree); else they
            are looked for in a pass of their own.
        tag_links: The page's links marked ``rel="tag"``, when the caller has them
            (:attr:`newsclean.html.meta.PageMeta.tag_links` of the same tree); else the
            page's links are read for them.
        noscripts: The page's ``<noscript>`` elements in page order, when the caller has
            them (:attr:`newsclean.html.meta.PageMeta.noscripts`); else they are looked for.
        elements_only: The tree is known to hold only elements and text
            (:attr:`newsclean.html.meta.PageMeta.elements_only`); else it is looked at.

    Returns:
        An :class:`Extraction` with the story lines and every removed block.
    """
    analysis = analyse_blocks(
        root, headlines=headlines, marks=marks, noscripts=noscripts, elements_only=elements_only
    )
    blocks = analysis.blocks
    if whole_page:
        # Asked for: every block goes on, for the text stages to judge like a capture (no block decision).
        return replace(emit(analysis, [True] * len(blocks)), whole_page=True)
    keep = decide(analysis, model)
    extraction = emit(analysis, keep)
    if not extraction.lines and any(b.text.strip() for b in blocks):
        # No story found: hand every block on, as above.
        return replace(emit(analysis, [True] * len(blocks)), whole_page=True)
    related, tags = link_lists(root, blocks, keep, tag_links)
    return replace(extraction, related=tuple(related), tags=tuple(tags))


def keep_blocks(
    texts: Sequence[str],
    inside: Sequence[bool],
    pruned: Sequence[bool],
    link_density: Sequence[float],
    rows: Sequence[Sequence[float]],
    model: BlockModel,
    judged: Sequence[bool] | None = None,
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
        judged: Whether each block is one the first pass took out for a reason the
            model judges (:data:`JUDGED_REASONS`), inside the container or not.

    Returns:
        One decision per block.
    """
    judged = judged or [False] * len(texts)
    keep = [
        ins and not out and not jd and ld <= MAX_LINK_DENSITY
        for ins, out, jd, ld in zip(inside, pruned, judged, link_density, strict=True)
    ]
    seen = {t for t, k in zip(texts, keep, strict=True) if k}
    for i, row in enumerate(rows):
        if (inside[i] and not judged[i]) or pruned[i] or texts[i] in seen:
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
    start: int | None = None

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
            if start is None:
                start = b.index
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
    return Extraction(
        tuple(lines),
        tuple(removed),
        analysis.container,
        headline.text if headline else None,
        story_start=start,
    )
