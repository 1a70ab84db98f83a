"""Related stories announced in the text: ``Read also: <headline>`` and headed lists.

Two shapes of cross-link survive in a text capture:

* an **inline** line: a label, usually a colon, then one headline
  (``Read also: Mayor faces questions``, ``Lesen Sie auch: …``,
  ``Lire aussi : …``, ``Lee también: …``, ``Leggi anche: …``,
  ``Leia também: …``, ``Lees ook: …``);
* a **header** line holding only a label (``More on this topic``,
  ``Mehr zum Thema``, ``Related``) over one or more headline lines.

The labels are data (``data/related.json``, ten languages). The headlines go
to ``related`` in page order, without their bullets or counters; the lines
leave the body with the reason the boilerplate decisions gave them (or
``read_more``/``list_header``/``related_list`` when they had none).

A line the boilerplate model kept as story text is taken only on strong
evidence: an inline label of two words or more followed by a colon and a
headline-shaped rest (a capital or a digit first, no sentence inside it, at
most :data:`MAX_HEADLINE_WORDS` words). ``Related: the council said it would
wait.`` is a sentence and stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter, ne
from typing import TYPE_CHECKING

from newsclean import regexlite as regex
from newsclean.data import alternation, read_json
from newsclean.lazyre import regex_compile, vocabulary_pattern

if TYPE_CHECKING:
    from newsclean.stages.boilerplate_decisions import LineDecision
    from newsclean.stages.boilerplate_features import _Feat

__all__ = ["MAX_HEADLINE_WORDS", "MIN_HEADLINE_WORDS", "header_label", "inline_headline", "mark_related"]

#: Most words in a headline (longer text after a label is a teaser paragraph).
MAX_HEADLINE_WORDS = 25
#: Fewest words in a headline ("More", "Next" are navigation, not stories).
MIN_HEADLINE_WORDS = 2
#: Most headline lines read under one header (a longer run is a link farm the
#: boilerplate decisions handle on their own).
MAX_HEADED_ITEMS = 12

# A bullet or a counter before a headline: "• ", "- ", "1. ", "2) ", "03 ", "#4 ".
_COUNTER = regex_compile(r"^\s*(?:[-–—•*·▪►▸‣◦»›+→]+\s*|\(?\d{1,2}[.):]\s*|\d{1,2}\s+(?=\p{Lu})|#\d{1,2}\s+)")
# An arrow or "»" closing a link, and quotes around the headline.
# Blank and mark runs are tried from their first character only and taken whole: tried
# from every character of a long run, the pattern was quadratic in the run's length.
_TRAILER = regex_compile(r"(?<!\s)\s*+(?:(?<![»›→>])[»›→>]++|\.{3}|…)\s*+$")
_SENTENCE_INSIDE = regex_compile(r"\p{Ll}{2}[.!?][\"'”’»]?\s+[\"'“‘«]?\p{Lu}")
_HEADLINE_START = regex_compile(r"^[\"'“‘«„]?[\p{Lu}\p{N}]")


#: a unit's text, and the first two characters of a text (read in C by ``map``)
_TEXT = itemgetter(0)
_HEAD = itemgetter(slice(0, 2))

#: At most this many line openings are remembered by the test of :func:`_openings` (then it starts again).
OPENINGS_MEMO = 8192

#: The bits of the answer of :func:`_openings`: a line can open with a header label, with an inline label.
HEADER_OPENING = 1
INLINE_OPENING = 2


def _openings(header: Sequence[str], inline: Sequence[str]) -> tuple[Callable[[str], int], dict[str, int]]:
    """Which labels a line can open with: its first two characters match an entry's.

    A label pattern is anchored at the start of the stripped line, so a line whose
    first two characters match the first two of no entry (case ignored, and a
    space of an entry matching any blank, as the pattern reads them) cannot
    match: about three lines in four are answered by one dictionary lookup
    instead of a pattern call. The answer holds :data:`HEADER_OPENING` when the
    line can open with a header label and :data:`INLINE_OPENING` when it can with
    an inline one; each comes from a pattern of those openings written and
    compiled as the label pattern is, so it is the pattern's own. Both are
    answered by one call and one lookup (``mark_related`` asks for every unit of
    a page), and the test is a plain function (a closure), not an object with
    ``__call__``, whose call cost about 40 % more (530 against 390 ns).

    Returns:
        The test, and the answers it has given for lines whose first two
        characters hold no white space, by those characters: any line that
        opens with them has that answer, so a caller reading many lines looks
        them up there (in C, with ``map``) and calls the test only for the others.
    """

    def first_two(entries: Sequence[str]) -> str:
        return alternation({entry.casefold()[:2] for entry in entries} - {""}, space=r"\s", ignorecase=True)

    header_match = regex_compile(first_two(header), regex.I).match
    inline_match = regex_compile(first_two(inline), regex.I).match
    memo: dict[str, int] = {}
    get = memo.get
    unblank: dict[str, int] = {}  # the answers for heads without white space

    def opens(line: str) -> int:
        head = line[:2]
        blank = head[:1].isspace() or head[1:].isspace()
        if blank:
            head = line.strip()[:2]
        found = get(head)
        if found is None:
            if len(memo) >= OPENINGS_MEMO:
                memo.clear()
                unblank.clear()
            found = memo[head] = (HEADER_OPENING if header_match(head) is not None else 0) | (
                INLINE_OPENING if inline_match(head) is not None else 0
            )
            if not blank:
                unblank[head] = found
        return found

    return opens, unblank


@dataclass(frozen=True)
class _Labels:
    """The patterns of related-link labels, and which labels a line can open with (built once)."""

    inline: regex.Pattern[str]
    inline_strong: regex.Pattern[str]
    header: regex.Pattern[str]
    #: which labels a line can open with (:data:`HEADER_OPENING`, :data:`INLINE_OPENING`;
    #: ``inline_strong``'s are among the inline ones)
    opens: Callable[[str], int]
    #: answers of ``opens`` by a line's first two characters, for those holding no white space
    opened: dict[str, int]


def _split(build: Callable[[Callable[[Sequence[str]], str]], str], flags: int) -> regex.Pattern[str]:
    """The pattern ``build(alternation)``, compiled when a line first needs it.

    ``alternation`` turns a word group into a case-insensitive alternation,
    longest entry first, entries folded with ``str.casefold`` (two entries
    differing only in case are one) and a space matching any white space.
    Lines holding none of the accented letters of a third of the labels get
    the pattern without them (:func:`newsclean.lazyre.vocabulary_pattern`): it
    matches there what the full one does and compiles faster.
    """
    return vocabulary_pattern(build, flags, normalize=str.casefold)


@lru_cache(maxsize=1)
def _labels() -> _Labels:
    raw = read_json("related.json", keys=("inline", "header"))
    inline = [w for ws in raw["inline"].values() for w in ws]
    header = [w for ws in raw["header"].values() for w in ws]
    strong = [w for w in inline if " " in w]
    opens, opened = _openings(header, inline)
    return _Labels(
        inline=_split(
            # the blanks around the optional colon taken whole: split two ways at every
            # blank, a long run cost the square of its length
            lambda alt: rf"^(?:{alt(inline)})\s*+(?P<colon>[:：])?\s*+(?P<rest>\S.*)$",
            regex.I | regex.S,
        ),
        inline_strong=_split(lambda alt: rf"^(?:{alt(strong)})\s*[:：]\s*(?P<rest>\S.*)$", regex.I | regex.S),
        header=_split(lambda alt: rf"^(?:{alt(header)})\s*[:：]?$", regex.I),
        opens=opens,
        opened=opened,
    )


def clean_headline(text: str) -> str:
    """Strip the bullet or counter, a closing arrow and outer whitespace of a headline.

    >>> clean_headline("2. Schools get more money »")
    'Schools get more money'
    """
    out: str = _TRAILER.sub("", _COUNTER.sub("", text, count=1))
    return out.strip()


def _headline(text: str) -> str | None:
    """Return ``text`` as a headline when it has the shape of one, else None."""
    h = clean_headline(text)
    n = len(h.split())
    if not (MIN_HEADLINE_WORDS <= n <= MAX_HEADLINE_WORDS) or not _HEADLINE_START.match(h):
        return None
    if _SENTENCE_INSIDE.search(h):
        return None
    return h


#: Lines up to this many characters have their answers remembered (see :data:`REMEMBERED_LINES`):
#: menu entries, list headers and link lines recur from page to page of a site.
REMEMBERED_CHARS = 200
#: At most this many short lines are remembered per question.
REMEMBERED_LINES = 8192


def inline_headline(line: str, *, strong: bool = False) -> str | None:
    """Return the headline of an inline cross-link line, or None.

    Args:
        line: One line of text.
        strong: Accept only the strong form (a label of two words or more and
            a colon), for lines that were judged story text.

    >>> inline_headline("Lesen Sie auch: Bürgermeister unter Druck")
    'Bürgermeister unter Druck'
    >>> inline_headline("Related: the council said it would wait.") is None
    True
    """
    if not _labels().opens(line) & INLINE_OPENING:
        return None
    return _opened_inline(line, strong)


def _opened_inline(line: str, strong: bool) -> str | None:
    """:func:`inline_headline` for a line that passed the openings test."""
    if len(line) <= REMEMBERED_CHARS:
        return _remembered_inline(line, strong)
    return _inline_headline(line, strong)


def _inline_headline(line: str, strong: bool) -> str | None:
    s = line.strip()
    labels = _labels()
    m = (labels.inline_strong if strong else labels.inline).match(s)
    if not m:
        return None
    if not strong and m.group("colon") is None and not _HEADLINE_START.match(m.group("rest")):
        return None
    return _headline(m.group("rest"))


_remembered_inline = lru_cache(maxsize=REMEMBERED_LINES)(_inline_headline)


def header_label(line: str) -> bool:
    """Say whether ``line`` is a related-stories header alone on its line.

    >>> header_label("Mehr zum Thema:")
    True
    """
    if not _labels().opens(line) & HEADER_OPENING:
        return False
    return _opened_header(line)


def _opened_header(line: str) -> bool:
    """:func:`header_label` for a line that passed the openings test."""
    if len(line) <= REMEMBERED_CHARS:
        return _remembered_header(line)
    return _header_label(line)


def _header_label(line: str) -> bool:
    return bool(_labels().header.match(line.strip()))


_remembered_header = lru_cache(maxsize=REMEMBERED_LINES)(_header_label)


def mark_related(
    feats: Sequence[_Feat], decisions: list[LineDecision | None], make: Callable[..., LineDecision]
) -> None:
    """Move inline cross-links and headed headline lists of a page to ``related``.

    Args:
        feats: The features of the page's units.
        decisions: One per unit, None for kept; updated in place.
        make: Makes a decision from its fields, as the decision type does
            (passed in, so this module does not import the decisions module
            that calls it).
    """
    LineDecision = make

    # Most lines open as no label does. The openings' answers of the page's lines are looked
    # up in C, by their first two characters where those were answered before (one lookup,
    # no call: ``_openings``), and only the lines with another answer, or none yet, are read.
    labels = _labels()
    opens = labels.opens
    n = len(feats)
    texts = list(map(_TEXT, feats))
    answers = list(map(labels.opened.get, map(_HEAD, texts)))
    after = 0  # the units before this one were taken by a headed list
    for k in compress(range(n), map(ne, answers, repeat(0))):
        if k < after:
            continue
        text = texts[k]
        first = answers[k]
        if first is None:
            first = opens(text)
            if not first:
                continue
        d = decisions[k]
        if d is not None and d.field is not None:
            if d.field == "related" and first & HEADER_OPENING and _opened_header(text):
                decisions[k] = LineDecision(False, "list_header")  # a header, not a headline
            continue
        if first & HEADER_OPENING and _opened_header(text):
            items: list[tuple[int, str]] = []
            j = k + 1
            while j < n and len(items) < MAX_HEADED_ITEMS:
                g, dj = feats[j], decisions[j]
                if dj is not None and dj.field is not None:
                    break
                h = _headline(g.text) if (g.titlelike or g.bullet) and g.kind != "prose" else None
                if h is None:
                    break
                items.append((j, h))
                j += 1
            if items:
                decisions[k] = LineDecision(False, d.reason if d is not None else "list_header")
                for i, h in items:
                    reason = decisions[i].reason if decisions[i] is not None else None  # type: ignore[union-attr]
                    decisions[i] = LineDecision(False, reason or "related_list", "related", (h,))
                after = j
                continue
        h = _opened_inline(text, d is None) if first & INLINE_OPENING else None
        if h is not None:
            decisions[k] = LineDecision(False, d.reason if d is not None else "read_more", "related", (h,))
