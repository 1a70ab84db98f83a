"""One analysis of a page's text: blocks with their features and the page regions.

A text capture is read once: its lines are grouped into *blocks* (a line, or
the lines of one hard-wrapped paragraph), every block gets its features
(length, words, share of function words in the document's language,
punctuation and case shape, bullet, position, a vocabulary or shape hit such
as a share bar or a widget), the fitted story model finds the story, and the
page is cut into regions:

* ``header``: blocks before the story (menus, labels, bylines, the date line);
* ``headline``: the title-like block closest above the story, if any;
* ``story``: the body span;
* ``end``: blocks after it (related links, tags, comments, the footer).

``remove_boilerplate`` decides from this analysis; other stages (metadata,
dates, spam) can read the same blocks instead of re-deriving "is this prose"
their own way. :func:`analyze` keeps the last few analyses, so a second
reader of the same text and language pays nothing.

>>> layout = analyze(
...     "Home | World | Sport\\n"
...     "Council extends night buses\\n"
...     "The regional council voted on Tuesday to extend the night bus network to three districts.\\n"
...     "Officials said the new routes would start in March and that the cost was in the budget.",
...     "en",
... )
>>> [b.region for b in layout.blocks]
['header', 'headline', 'story', 'story']
>>> layout.headline.text if layout.headline else None
'Council extends night buses'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from newsclean.stages.boilerplate_decisions import LineDecision, _expand, decide_page, page_units
from newsclean.stages.boilerplate_features import Kind, _Feat
from newsclean.stages.boilerplate_model import load_model

__all__ = ["Block", "Layout", "Region", "analyze", "analyze_lines"]

Region = Literal["header", "headline", "story", "end"]

#: The headline is looked for among this many blocks above the story.
HEADLINE_REACH = 4


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the page with its features.

    Attributes:
        lines: Indices of the text lines the block covers.
        text: The block's text (wrapped lines joined by a space).
        words: Word count.
        kind: ``prose`` (sentence-like, mostly function words of the language),
            ``sentence`` (a short sentence), ``other`` (titles, names, labels)
            or ``bad`` (a vocabulary or shape hit: see ``reason``).
        reason: Why a ``bad`` block is page furniture (``share``, ``widget`` …).
        stop_share: Share of function words of the document's language.
        title_ratio: Share of capitalised words (blocks of three words or more).
        terminal: Ends like a sentence.
        bullet: Opens with a list bullet.
        titlelike: Short and without sentence end: a headline or a menu entry.
        position: Place in the page, 0.0 first to 1.0 last.
        region: ``header``, ``headline``, ``story`` or ``end``.
        keep: The boilerplate decision: story text to keep.
    """

    lines: tuple[int, ...]
    text: str
    words: int
    kind: Kind
    reason: str | None
    stop_share: float
    title_ratio: float
    terminal: bool
    bullet: bool
    titlelike: bool
    position: float
    region: Region
    keep: bool

    @property
    def is_prose(self) -> bool:
        """True for sentence-like text: prose, or a short sentence."""
        return self.kind in ("prose", "sentence")


@dataclass(frozen=True)
class Layout:
    """The analysis of one text: its units with features, the story span, the decisions.

    Attributes:
        language: The language the features were computed in.
        story: ``(start, end)`` block indices of the story body (end exclusive).
        decisions: The boilerplate decision of each block (None: keep).
        n_lines: Number of lines of the text.
    """

    units: tuple[tuple[list[int], str], ...] = field(repr=False)
    feats: tuple[_Feat, ...] = field(repr=False)
    language: str | None
    story: tuple[int, int]
    decisions: tuple[LineDecision | None, ...] = field(repr=False)
    n_lines: int

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """The blocks, in page order (built on first use)."""
        start, end = self.story
        feats = self.feats
        n = len(feats)
        headline = -1
        for k in range(start - 1, max(-1, start - 1 - HEADLINE_REACH), -1):
            f = feats[k]
            if f.kind in ("other", "sentence") and f.titlelike and f.words >= 3 and not f.credit:
                headline = k
                break
        blocks = []
        last = max(1, n - 1)
        for k, ((members, joined), f) in enumerate(zip(self.units, feats, strict=True)):
            region: Region = (
                "story"
                if start <= k < end
                else "headline"
                if k == headline
                else "header"
                if k < start
                else "end"
            )
            tokens = len(f.tokens)
            blocks.append(
                Block(
                    lines=tuple(members),
                    text=joined,
                    words=f.words,
                    kind=f.kind,
                    reason=f.reason,
                    stop_share=f.stops / tokens if tokens else 0.0,
                    title_ratio=f.title_ratio,
                    terminal=f.terminal,
                    bullet=f.bullet,
                    titlelike=f.titlelike,
                    position=k / last,
                    region=region,
                    keep=self.decisions[k] is None,
                )
            )
        return tuple(blocks)

    @property
    def headline(self) -> Block | None:
        """The headline block above the story, if the page has one."""
        for b in self.blocks[: self.story[0]]:
            if b.region == "headline":
                return b
        return None

    def region(self, name: Region) -> tuple[Block, ...]:
        """The blocks of one region, in page order."""
        return tuple(b for b in self.blocks if b.region == name)

    def line_decisions(self) -> list[LineDecision]:
        """The boilerplate decision of every line of the text."""
        return _expand(self.units, self.decisions, self.n_lines)


def analyze(text: str, language: str | None = None, *, remember: bool = True) -> Layout:
    """Analyse a text capture once: blocks, features, story span, regions.

    Args:
        text: The capture (one block per line).
        language: Its language code, if known (function words are read in it).
        remember: Keep the analysis among the last few (:data:`REMEMBERED`). The
            windows of a huge capture are analysed once each and not kept: kept,
            the last few would hold their per-line records after the stage is done.

    Returns:
        The :class:`Layout`; with ``remember``, the same object for the same text
        and language while it is among the last few analysed.
    """
    return _analyze(text, language) if remember else _build(text, language)


#: How many analyses :func:`analyze` keeps (a second reader of the same text pays nothing).
REMEMBERED = 8


def analyze_lines(texts: Sequence[str], language: str | None = None) -> Layout:
    """:func:`analyze` of the text whose lines are ``texts``, not remembered.

    For a caller that holds the lines already (``remove_boilerplate``): the text
    is not joined only to be split again.
    """
    units, feats = page_units(texts, language)
    decisions, start, end = decide_page(units, feats, load_model())
    return Layout(tuple(units), tuple(feats), language, (start, end), tuple(decisions), len(texts))


def _build(text: str, language: str | None) -> Layout:
    return analyze_lines(text.split("\n"), language)


_analyze = lru_cache(maxsize=REMEMBERED)(_build)
