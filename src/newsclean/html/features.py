"""Block features and the fitted block model: which blocks of a page are story text.

:mod:`newsclean.html.blocks` cuts a page into blocks and
:mod:`newsclean.html.container` picks the container the story most likely sits in. That choice alone keeps one block of a story
split by subheadings, figures, pull quotes, step lists or ad slots. This
module describes every block by shallow features, in the spirit of
Kohlschütter et al., *Boilerplate Detection using Shallow Text Features*
(WSDM 2010), plus where the block sits relative to the chosen container:

* text shape: length, words, link density, stop-word share, sentence end;
* tag: the owner element's tag group (paragraph, heading, list item, cell…);
* tree: whether the block is inside the chosen container, and how many
  levels above the container its lineage joins the container's (0 inside,
  1 a sibling, 2 a cousin…), its depth below that join;
* class/id: the concept (nav, related, share, ads…) that pruned the block, if any;
* position: before, inside the span of, or after the chosen blocks, the
  distance in blocks to the nearest chosen block, and the neighbours' status.

A logistic model over those features gives each block a probability of being
story text; a block is kept when it reaches the fitted threshold. The weights,
the threshold and the stop-word list are data (``newsclean/data/html_blocks.json``)
written by ``python -m benchmarks.fit_html`` from the development corpora,
with its fit report (``html_blocks.fit.md``) beside it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsclean import regexlite as regex
from newsclean.data import read_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.etree import _Element as HtmlElement

    from newsclean.html.blocks import Block

__all__ = ["FEATURES", "BlockModel", "block_features", "block_model", "logistic"]

_WORD = regex.compile(r"\w+")
_SENTENCE_END = regex.compile(r"[.!?…。！？\"”»)]\s*$")

#: Tag groups, each a one-hot feature of the block's owner element.
TAG_GROUPS: dict[str, str] = {
    "p": "t_p",
    "h1": "t_h1",
    "h2": "t_h",
    "h3": "t_h",
    "h4": "t_h",
    "h5": "t_h",
    "h6": "t_h",
    "li": "t_li",
    "dt": "t_li",
    "dd": "t_li",
    "div": "t_div",
    "section": "t_div",
    "article": "t_div",
    "main": "t_div",
    "tr": "t_cell",
    "table": "t_cell",
    "blockquote": "t_quote",
    "pre": "t_pre",
}

#: Removal reasons of the pruning walk, each a one-hot feature when it took the block.
REASONS = (
    "html_nav",
    "html_header",
    "html_footer",
    "html_aside",
    "html_form",
    "html_hidden",
    "html_caption",
    "html_comments",
    "html_cookie",
    "html_newsletter",
    "html_paywall",
    "html_share",
    "html_related",
    "html_ads",
    "html_sidebar",
    "html_author",
    "html_tags",
    "html_boilerplate",
)

#: Feature names, in the order of the model's weights.
FEATURES: tuple[str, ...] = (
    "inside",
    "up1",
    "up2",
    "up3",
    "below",
    "log_chars",
    "log_words",
    "link_density",
    "sentence_end",
    "stop_share",
    "t_p",
    "t_h1",
    "t_h",
    "t_li",
    "t_div",
    "t_cell",
    "t_quote",
    "t_pre",
    "t_other",
    "dropped",
    *(f"r_{r}" for r in REASONS),
    "before",
    "between",
    "after",
    "log_distance",
    "neighbours_inside",
    "position",
    "inside_x_link_density",
    "inside_x_log_chars",
    "between_x_log_chars",
    "after_x_log_chars",
    "up1_x_log_chars",
    "dropped_x_log_chars",
    "short",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}

#: Blocks shorter than this many characters get the ``short`` feature: a
#: feature switch, not a decision; the model weighs it.
SHORT_CHARS = 30
#: Lineage distances above this are one feature (``up3``: joins three or more levels up).
MAX_UP = 3
#: Neighbours on each side read for ``neighbours_inside``.
NEIGHBOURS = 2


@dataclass(frozen=True, slots=True)
class BlockModel:
    """The fitted block model (see the module docstring)."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    stopwords: frozenset[str]

    def probability(self, row: Sequence[float]) -> float:
        """Return the probability that a block with features ``row`` is story text."""
        return logistic(self.weights, self.intercept, row)


def logistic(weights: Sequence[float], intercept: float, row: Sequence[float]) -> float:
    """The probability a fitted logistic model gives a row of features (0 far below the boundary)."""
    z = intercept
    for w, x in zip(weights, row, strict=True):
        if x:
            z += w * x
    if z < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def block_model() -> BlockModel:
    """Load the fitted block model (once).

    Raises:
        ValueError: If the data file's feature list does not match :data:`FEATURES`
            (the model was fitted for other code: refit it).
    """
    raw = json.loads(read_text("html_blocks.json"))
    names = tuple(raw["features"])
    if names != FEATURES:
        raise ValueError("html_blocks.json was fitted for other features; run python -m benchmarks.fit_html")
    return BlockModel(
        tuple(float(w) for w in raw["weights"]),
        float(raw["intercept"]),
        float(raw["threshold"]),
        frozenset(raw["stopwords"]),
    )


def _lineage(best: HtmlElement) -> dict[HtmlElement, int]:
    """Map the chosen container and each of its ancestors to its height above it."""
    out = {best: 0}
    el = best.getparent()
    height = 1
    while el is not None:
        out[el] = height
        el = el.getparent()
        height += 1
    return out


def block_features(
    blocks: Sequence[Block],
    inside: Sequence[bool],
    best: HtmlElement | None,
    stopwords: frozenset[str],
    wanted: Sequence[bool] | None = None,
) -> list[Sequence[float]]:
    """Describe every block (or every wanted block) by the features of :data:`FEATURES`.

    Args:
        blocks: The page's blocks in document order.
        inside: For each block, whether it lies in the chosen container(s).
        best: The chosen container, or None when the page has none.
        stopwords: Lower-case function words (any language).
        wanted: For each block, whether its row is needed; the others get
            an empty row (the model reads only the blocks it decides), one shared
            empty tuple: a list each was a hundred objects a page for the cyclic
            collector, alive at once with the page's blocks.

    Returns:
        One feature row per block.
    """
    n = len(blocks)
    lineage = _lineage(best) if best is not None else {}
    join: dict[HtmlElement, tuple[int, int]] = {}  # element -> (height of join, depth below it)
    first = next((i for i in range(n) if inside[i]), n)
    last = next((i for i in range(n - 1, -1, -1) if inside[i]), -1)
    # distance in blocks to the nearest chosen block, both directions
    dist = [n] * n
    d = n
    for i in range(n):
        d = 0 if inside[i] else d + 1
        dist[i] = d
    d = n
    for i in range(n - 1, -1, -1):
        d = 0 if inside[i] else d + 1
        if d < dist[i]:
            dist[i] = d
    rows: list[Sequence[float]] = []
    width = len(FEATURES)
    for i, b in enumerate(blocks):
        if wanted is not None and not wanted[i]:
            rows.append(())
            continue
        row = [0.0] * width
        chars = b.chars
        log_chars = math.log1p(chars)
        text = b.text
        words = _WORD.findall(text)
        nwords = len(words)
        stops = sum(map(stopwords.__contains__, map(str.lower, words)))
        ld = b.link_density
        ins = inside[i]
        # lineage
        up, below = _join(b.owner, lineage, join)
        row[_INDEX["inside"]] = 1.0 if ins else 0.0
        if not ins and up >= 1:
            row[_INDEX[f"up{min(up, MAX_UP)}"]] = 1.0
        row[_INDEX["below"]] = min(below, 10) / 10.0
        row[_INDEX["log_chars"]] = log_chars
        row[_INDEX["log_words"]] = math.log1p(nwords)
        row[_INDEX["link_density"]] = ld
        row[_INDEX["sentence_end"]] = 1.0 if _SENTENCE_END.search(b.lines[-1][-40:]) else 0.0
        row[_INDEX["stop_share"]] = stops / nwords if nwords else 0.0
        tag = b.owner.tag
        row[_INDEX[TAG_GROUPS.get(tag, "t_other") if isinstance(tag, str) else "t_other"]] = 1.0
        if b.dropped is not None:
            row[_INDEX["dropped"]] = 1.0
            row[_INDEX["dropped_x_log_chars"]] = log_chars
            key = f"r_{b.reason}"
            if key in _INDEX:
                row[_INDEX[key]] = 1.0
        if not ins:
            if i < first:
                row[_INDEX["before"]] = 1.0
            elif i > last:
                row[_INDEX["after"]] = 1.0
                row[_INDEX["after_x_log_chars"]] = log_chars
            else:
                row[_INDEX["between"]] = 1.0
                row[_INDEX["between_x_log_chars"]] = log_chars
            if up == 1:
                row[_INDEX["up1_x_log_chars"]] = log_chars
        else:
            row[_INDEX["inside_x_link_density"]] = ld
            row[_INDEX["inside_x_log_chars"]] = log_chars
        row[_INDEX["log_distance"]] = math.log1p(dist[i])
        lo, hi = max(0, i - NEIGHBOURS), min(n, i + NEIGHBOURS + 1)
        row[_INDEX["neighbours_inside"]] = (sum(inside[lo:hi]) - ins) / max(1, hi - lo - 1)
        row[_INDEX["position"]] = i / n
        row[_INDEX["short"]] = 1.0 if chars < SHORT_CHARS else 0.0
        rows.append(row)
    return rows


def _join(
    el: HtmlElement, lineage: dict[HtmlElement, int], memo: dict[HtmlElement, tuple[int, int]]
) -> tuple[int, int]:
    """Return (height above the container where ``el``'s lineage joins it, depth of ``el`` below that)."""
    if not lineage:
        return MAX_UP, 0
    path: list[HtmlElement] = []
    cur: HtmlElement | None = el
    found: tuple[int, int] | None = None
    while cur is not None:
        if cur in lineage:
            found = (lineage[cur], 0)
            break
        hit = memo.get(cur)
        if hit is not None:
            found = hit
            break
        path.append(cur)
        cur = cur.getparent()
    if found is None:
        found = (MAX_UP + 1, 0)
    height, depth = found
    for k, p in enumerate(reversed(path), start=1):
        memo[p] = (height, depth + k)
    if path:
        return memo[el]
    return found
