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

``remove_boilerplate`` decides from this analysis. The stages that run
before it take lines out (dates, metadata), so the metadata and spam stages
read single lines instead: :func:`is_prose` is the one prose test of a line,
:func:`read_line` the one reading of a line's features (its boilerplate kind,
its headline shape), kept per line text and language so that it holds across
the lines other stages delete, and :func:`prose_start` the prose run read
from both. :func:`analyze` keeps the last few analyses, so a second reader
of the same text and language pays nothing.

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
from typing import TYPE_CHECKING, Literal

from newsclean.lazyre import regex_compile
from newsclean.linekeep import LINE_KEPT_MAX_CHARS, kept_lines

if TYPE_CHECKING:
    from newsclean.stages.boilerplate_decisions import LineDecision
    from newsclean.stages.boilerplate_features import Kind, _Feat

# The boilerplate modules are imported where they are used: the stages that read this
# module (metadata, dates, spam) are imported by ``newsclean.stages``, which those
# modules' package import would enter again half-built.

__all__ = [
    "Block",
    "Layout",
    "LineReading",
    "Region",
    "analyze",
    "analyze_lines",
    "headline_shaped",
    "is_prose",
    "prose_start",
    "read_line",
    "story_prose",
]

Region = Literal["header", "headline", "story", "end"]

#: The headline is looked for among this many blocks above the story.
HEADLINE_REACH = 4


# -- one line, read once: the prose test and the headline shape ---------------------
# Every stage asks two questions of a line: does it read as running text (prose), and is
# it shaped like a headline. They are answered here, once, and nowhere else.

#: A prose line has at least this many characters (shorter lines are titles, labels, names).
PROSE_MIN_CHARS = 40
#: A line ending on a full stop is prose from this many characters, whatever its words.
PROSE_LONG_CHARS = 120
#: ... or from this many spaces (ten words): a sentence, not a headline with a full stop.
PROSE_MIN_SPACES = 9
#: ... and with fewer than this many spaces, in a CJK script (written without spaces).
PROSE_CJK_SPACES = 4
#: A line ending on an exclamation or question mark is prose from this many characters:
#: shorter ones are headlines asking or calling out.
PROSE_ASKING_CHARS = 160
#: What a prose line may end on after its full stop: closing quotes and brackets.
_CLOSERS = "\"'”’»)]）」』›"
#: Full stops: also the full-width one, the Devanagari danda, the Urdu and the Armenian full stop.
_FULL_STOPS = ".…。．।۔։"
_ASKING = "!?！？؟"
_CJK = regex_compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
#: A headline-shaped line has at least this many words (fewer: a label or a name).
HEADLINE_MIN_WORDS = 3


def is_prose(text: str) -> bool:
    """Tell whether a stripped line reads as a paragraph of running text.

    This is the prose test of every stage that asks it of one line (the
    metadata header zone, the date candidates, the spam stage's title lines):
    long enough, and ending like a sentence (a full stop, or a question or an
    exclamation when long). It reads the shape only, so it is cheaper than a
    look-up and is not remembered. The boilerplate ``kind`` of a line
    (:class:`LineReading`) is the other reading of it, from its words: a line
    may be ``prose`` there (most of its words function words) without ending
    like a sentence.

    >>> is_prose("Officials said the plan would be approved by the council next week, after a vote.")
    True
    >>> is_prose("Council approves the plan after a vote")
    False
    """
    n = len(text)
    if n < PROSE_MIN_CHARS:
        return False
    t = text.rstrip(_CLOSERS)
    if not t:
        return False
    last = t[-1]
    spaces = text.count(" ")
    if last in _FULL_STOPS:
        if n >= PROSE_LONG_CHARS or spaces >= PROSE_MIN_SPACES or spaces == 0:
            return True  # long, many words, or a script written without spaces
        return spaces < PROSE_CJK_SPACES and bool(_CJK.search(text[:80]))
    if last in _ASKING:
        return n >= PROSE_ASKING_CHARS
    return False


#: Lines scanned for the prose run; a header zone is never longer than this.
MAX_LINES = 5000


#: What a non-prose line costs the prose run of :func:`prose_start`, besides half its length:
#: a menu entry or a name line between two paragraphs breaks the run only when the paragraphs
#: are short.
NOT_PROSE_PENALTY = 25


def prose_start(lines: Sequence[str], language: str | None = None) -> int | None:
    """Return the index of the first line of the densest run of prose lines, or None.

    One pass of a maximum-sum run: a line :func:`is_prose` accepts scores its
    length, unless the body reader judges it page furniture (its
    :func:`read_line` kind in ``language`` is ``bad``: a consent banner, a
    comment policy or a newsletter pitch written as a sentence); any other
    non-empty line scores a penalty of :data:`NOT_PROSE_PENALTY` plus half its
    length, blank lines 0 (the
    run-scoring idea follows jusText's context-sensitive paragraph classes and
    the text-density measure of Kohlschütter et al., 2010, "Boilerplate
    detection using shallow text features"). The metadata stage reads its
    header zone above this line. The kind is read for prose-shaped lines only,
    and kept (:func:`read_line`): ``remove_boilerplate`` finds those features
    computed.

    >>> prose_start(["Council votes", "Menu", "The council approved the plan on Monday after a long debate, officials said."])
    2
    >>> prose_start(["Council votes", "This website uses cookies to improve your experience on our site and to show ads.",
    ...              "Jane Doe", "The council approved the plan on Monday after a long debate, officials said."], "en")
    3
    """
    best = 0
    best_start: int | None = None
    cur = 0
    cur_start = 0
    lines = lines[:MAX_LINES]
    # No line scores more than its length, so ``left`` (the length of the lines
    # not read yet) bounds what any run can still gain. Once a new run cannot
    # pass ``best`` and the current one either is the best run or cannot pass
    # it either, the start is settled and the tail is not read.
    left = sum(map(len, lines))
    for i, s in enumerate(lines):
        if left <= best and (cur <= 0 or cur_start == best_start or cur + left <= best):
            break
        n = len(s)
        if not n:
            continue
        left -= n
        s = s.strip()  # the same object back when there is nothing to strip
        n = len(s)
        if not n:
            continue
        prose = is_prose(s)
        if prose and _read_line(s, language).kind == "bad":
            prose = False  # page furniture written as a sentence
        score = n if prose else -(NOT_PROSE_PENALTY + n // 2)
        if cur <= 0:
            if score <= 0:
                continue
            cur, cur_start = 0, i
        cur += score
        if cur > best:
            best, best_start = cur, cur_start
    return best_start


def headline_shaped(f: _Feat) -> bool:
    """Whether a line with features ``f`` is shaped like a headline.

    Short and without a sentence end (``titlelike``), of
    :data:`HEADLINE_MIN_WORDS` words or more, neither furniture (``bad``) nor
    running prose, and no credit line. The page's headline block
    (:attr:`Layout.headline`) is the nearest such block above the story.
    """
    return f.kind in ("other", "sentence") and f.titlelike and f.words >= HEADLINE_MIN_WORDS and not f.credit


@dataclass(frozen=True, slots=True)
class LineReading:
    """What every stage reads of one line, computed once per line text and language.

    Attributes:
        text: The line, stripped.
        prose: :func:`is_prose`: it reads as a paragraph of running text.
        kind: Its boilerplate kind read alone in the language: ``prose``,
            ``sentence``, ``other`` or ``bad`` (see :class:`Block`). The page
            analysis may judge it again by shape alone when the page's words
            are not those of its language.
        reason: Why a ``bad`` line is page furniture.
        words: Word count.
        titlelike: Short and without a sentence end.
        headline: :func:`headline_shaped`.
    """

    text: str
    prose: bool
    kind: Kind
    reason: str | None
    words: int
    titlelike: bool
    headline: bool


#: How many line readings :func:`read_line` keeps: more than the lines of a page's header
#: zone and its first paragraphs, the lines the stages before ``remove_boilerplate`` read.
READINGS_KEPT = 4096
#: Only lines up to this many characters are kept (the limit of every per-line cache,
#: :data:`newsclean.linekeep.LINE_KEPT_MAX_CHARS`): a huge one-line capture is read, not
#: held after it.
READ_KEPT_MAX_CHARS = LINE_KEPT_MAX_CHARS


def read_line(text: str, language: str | None = None) -> LineReading:
    """Read one line once: its prose shape, boilerplate kind and headline shape.

    The reading depends on the line's text and the language only, so it holds
    whatever other lines a stage deleted before (the date stage and the
    metadata stage take lines out before ``remove_boilerplate`` reads the
    page): a later stage reading the same line gets the same object, and the
    features behind it are the ones the page analysis finds in its memo
    (:func:`newsclean.stages.boilerplate_features._features`). A line longer
    than :data:`READ_KEPT_MAX_CHARS` is read each time and not kept.

    >>> r = read_line("Council extends night buses", "en")
    >>> (r.prose, r.kind, r.headline)
    (False, 'other', True)
    >>> read_line("The council voted on Tuesday to extend the night bus network to three districts.", "en").prose
    True
    """
    text = text.strip()
    return _read_line(text, language)


def story_prose(text: str, language: str | None = None) -> bool:
    """Whether a stripped line is prose of the story: :func:`is_prose`, and no page furniture.

    A consent banner, a teaser glued to its headline or a breadcrumb ending on
    "..." can run like a sentence; the body reader's kind of the line
    (:func:`read_line`, ``bad``) tells them apart. The features are read for
    prose-shaped lines only. :func:`prose_start` scores lines by this test;
    the metadata stage asks it where it looks for running text (the title
    search stops there, the byline and dateline readers start there).

    >>> story_prose("The council approved the plan on Monday after a long debate, officials said.", "en")
    True
    >>> story_prose("This website uses cookies to improve your experience on our site and to show ads.", "en")
    False
    """
    return is_prose(text) and _read_line(text, language).kind != "bad"


@kept_lines(READINGS_KEPT)
def _read_line(text: str, language: str | None) -> LineReading:
    """The reading of a stripped line: kept for lines up to :data:`READ_KEPT_MAX_CHARS`."""
    from newsclean.stages.boilerplate_features import _features
    from newsclean.stages.boilerplate_vocab import _vocab

    vocab = _vocab(language)
    f = _features(text, vocab, bool(vocab.stops))
    return LineReading(text, is_prose(text), f.kind, f.reason, f.words, f.titlelike, headline_shaped(f))


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
        prose: :func:`is_prose` of its text: it reads as a paragraph of running text.
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
    prose: bool
    position: float
    region: Region
    keep: bool

    @property
    def sentence_like(self) -> bool:
        """True for the kinds that read as sentences: ``prose``, or a short ``sentence``."""
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
            if headline_shaped(feats[k]):
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
                    prose=is_prose(joined.strip()),
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

    @cached_property
    def _line_blocks(self) -> tuple[int, ...]:
        at = [-1] * self.n_lines
        for k, (members, _) in enumerate(self.units):
            for i in members:
                at[i] = k
        return tuple(at)

    def block_at(self, line: int) -> Block | None:
        """The block covering text line ``line`` (None for a blank line).

        Raises:
            IndexError: ``line`` is not a line of the text.
        """
        k = self._line_blocks[line]
        return self.blocks[k] if k >= 0 else None

    def line_decisions(self) -> list[LineDecision]:
        """The boilerplate decision of every line of the text."""
        from newsclean.stages.boilerplate_decisions import _expand

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
    from newsclean.stages.boilerplate_decisions import decide_page, page_units
    from newsclean.stages.boilerplate_model import load_model

    units, feats = page_units(texts, language)
    decisions, start, end = decide_page(units, feats, load_model())
    return Layout(tuple(units), tuple(feats), language, (start, end), tuple(decisions), len(texts))


def _build(text: str, language: str | None) -> Layout:
    return analyze_lines(text.split("\n"), language)


_analyze = lru_cache(maxsize=REMEMBERED)(_build)
