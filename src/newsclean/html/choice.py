"""The fitted choice of the story's container among the best-scoring candidates.

The density score of :mod:`newsclean.html.container` ranks every credited
element; on most pages its top element is the story's wrapper. On pages whose
story is short (a photo post of two sentences, a how-to split into one-line
steps) a sidebar blurb or a profile box can outscore it. The
:data:`CANDIDATES` best-scoring elements are therefore described by a few
features and a logistic model, fitted by ``python -m benchmarks.fit_container``
on the development corpora (``data/html_container.json``), gives each the
probability of being the best container of the page. The top of the density
ranking stays the choice unless another candidate's probability is higher by
the model's fitted ``margin``: the density score is right far more often than
not, so a switch must be clearly better.

Features (:data:`CONTAINER_FEATURES`), each cheap to read from the blocks:

* ``log_score``, ``share``, ``log_share``: the density score and its share of the top score;
* ``marker``, ``article``: the element names itself the body (:func:`is_body_marker`), is ``<article>``;
* ``content_word``: one of its class/id parts is a word of the body vocabulary
  (``entry``, ``post``, ``story``…, the parts of ``html_tokens.json``'s ``content`` tokens);
* ``log_paragraphs``, ``log_chars``: its kept blocks of :data:`PARAGRAPH_CHARS` or
  more, and its kept characters;
* ``link_density``, ``position`` (of its first block in the page);
* ``heading``: an ``<h1>``-``<h3>`` within :data:`HEADING_REACH` blocks before its first block
  (or its first two blocks); ``headline``: the page's headline block sits just before it or inside it;
* ``contains_top``, ``inside_top``: it is an ancestor / a descendant of the density's top;
* ``log_depth``, ``top``: its depth in the tree; it is the density's top.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsclean.data import read_text
from newsclean.html.blocks import MAX_LINK_DENSITY, Block, Spans, is_body_marker
from newsclean.html.features import logistic
from newsclean.html.tokens import split_tokens, vocabulary

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.etree import _Element as HtmlElement

__all__ = [
    "CANDIDATES",
    "CONTAINER_FEATURES",
    "ContainerModel",
    "candidate_features",
    "choose",
    "container_model",
    "kept_sums",
]

#: Candidates read per page: the best-scoring elements of the density ranking.
CANDIDATES = 10
#: A kept block this long counts as a paragraph of a candidate.
PARAGRAPH_CHARS = 25
#: Blocks before a candidate's first block searched for a heading.
HEADING_REACH = 3
#: The headline counts as the candidate's own when it sits this many blocks before it, or fewer.
HEADLINE_REACH = 4
#: Tags read as a heading for the ``heading`` feature.
_HEADINGS = frozenset({"h1", "h2", "h3"})

CONTAINER_FEATURES = (
    "log_score",
    "share",
    "log_share",
    "marker",
    "article",
    "content_word",
    "log_paragraphs",
    "log_chars",
    "link_density",
    "position",
    "heading",
    "headline",
    "contains_top",
    "inside_top",
    "log_depth",
    "top",
)


@dataclass(frozen=True, slots=True)
class ContainerModel:
    """The fitted container choice (see the module docstring)."""

    weights: tuple[float, ...]
    intercept: float
    margin: float

    def probability(self, row: Sequence[float]) -> float:
        """Return the probability that a candidate with features ``row`` is the page's best container."""
        return logistic(self.weights, self.intercept, row)


@lru_cache(maxsize=1)
def container_model() -> ContainerModel:
    """Load the fitted container model (once).

    Raises:
        ValueError: If the data file's feature list does not match :data:`CONTAINER_FEATURES`
            (the model was fitted for other code: refit it).
    """
    raw = json.loads(read_text("html_container.json"))
    if tuple(raw["features"]) != CONTAINER_FEATURES:
        raise ValueError(
            "html_container.json was fitted for other features; run python -m benchmarks.fit_container"
        )
    return ContainerModel(
        tuple(float(w) for w in raw["weights"]), float(raw["intercept"]), float(raw["margin"])
    )


@lru_cache(maxsize=1)
def _content_words() -> frozenset[str]:
    """The parts of the body vocabulary's tokens (``entry-content`` gives ``entry``, ``content``)."""
    words: set[str] = set()
    for token in vocabulary().content:
        words.update(token.split("-"))
    return frozenset(words)


def _names_content(el: HtmlElement) -> bool:
    words = _content_words()
    for name in ("class", "id"):
        value = el.get(name)
        if value and any(not words.isdisjoint(parts) for parts in split_tokens(value)):
            return True
    return False


def candidate_features(
    el: HtmlElement,
    top: HtmlElement,
    score: float,
    top_score: float,
    blocks: Sequence[Block],
    spans: Spans,
    link_density: float,
    headline: Block | None,
    kept: tuple[int, int],
) -> list[float]:
    """Describe one candidate container (:data:`CONTAINER_FEATURES`, in order).

    Args:
        el: The candidate.
        top: The density ranking's top element.
        score: The candidate's density score; ``top_score`` the top's.
        blocks: The page's blocks; ``spans`` maps an element to its blocks' range.
        link_density: Share of the candidate's kept text inside links.
        headline: The page's headline block, if one was found.
        kept: The candidate's kept blocks of :data:`PARAGRAPH_CHARS` or more, and
            its kept characters (kept: not pruned, not a link list; see :func:`kept_sums`).
    """
    first, end = spans.get(el, (0, 0))
    share = score / top_score if top_score > 0 else 0.0
    heading = any(
        b.owner.tag in _HEADINGS and b.dropped is None
        for b in blocks[max(0, first - HEADING_REACH) : min(end, first + 2)]
    )
    near = headline is not None and (
        0 <= first - headline.index <= HEADLINE_REACH or first <= headline.index < end
    )
    contains = el is not top and any(a is el for a in top.iterancestors())
    within = el is not top and any(a is top for a in el.iterancestors())
    depth = sum(1 for _ in el.iterancestors())
    return [
        math.log1p(score),
        share,
        math.log(max(share, 1e-3)),
        float(is_body_marker(el)),
        float(el.tag == "article"),
        float(_names_content(el)),
        math.log1p(kept[0]),
        math.log1p(kept[1]),
        link_density,
        first / len(blocks) if blocks else 0.0,
        float(heading),
        float(near),
        float(contains),
        float(within),
        math.log1p(depth),
        float(el is top),
    ]


def kept_sums(blocks: Sequence[Block]) -> tuple[list[int], list[int]]:
    """Running counts over the blocks of kept paragraphs and kept characters (index ``i``: blocks before ``i``).

    A candidate's own figures are then two subtractions over its span, not a
    walk over its blocks (the page's outer wrappers span every block).
    """
    paragraphs, chars = [0], [0]
    for b in blocks:
        kept = b.dropped is None and b.link_density <= MAX_LINK_DENSITY
        paragraphs.append(paragraphs[-1] + (kept and b.chars >= PARAGRAPH_CHARS))
        chars.append(chars[-1] + (b.chars if kept else 0))
    return paragraphs, chars


def choose(rows: Sequence[Sequence[float]], model: ContainerModel) -> int:
    """Index of the chosen candidate: 0 (the density's top) unless another is better by the margin.

    Args:
        rows: Feature rows of the candidates, the density's top first.
        model: The fitted container model.
    """
    if len(rows) < 2:
        return 0
    probs = [model.probability(r) for r in rows]
    best = max(range(len(probs)), key=probs.__getitem__)
    return best if probs[best] - probs[0] > model.margin else 0
