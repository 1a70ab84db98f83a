"""Title lines: where a phrase may sit next to the headline, and what it looks like.

The head of a capture holds the title line(s). A title line is cut into
*segments* by its separators (a dash, bar, colon or bracket, ASCII or
full-width, spaced or glued), after any breadcrumb ("Home > News >") has been
set aside; a segment that is not the headline and looks like a name is a
*candidate* phrase, and its *slot* (prefix or suffix, with its context and
separator) is what a site profile learns. Whether a candidate is injected is
decided from the body (:mod:`newsclean.stages.injection_body`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsclean import regexlite as regex
from newsclean.layout import is_prose
from newsclean.lazyre import re_compile, regex_compile
from newsclean.stages.injection_words import CJK, script, vocabulary

__all__ = [
    "MAX_TITLE_LINE",
    "TOP_LINES",
    "Candidate",
    "Line",
    "Segment",
    "Slot",
    "candidates",
    "head_lines",
    "segments",
    "slot_of",
    "title_spans",
]

#: How many non-empty lines at the top may hold the title slot.
TOP_LINES = 8
#: Longer lines are body paragraphs, not title lines.
MAX_TITLE_LINE = 400
# A sentence end inside the line: Latin punctuation, closing quotes, a space and a capital or a
# digit; or a CJK full stop, exclamation or question mark with more text after it.
_INNER_SENTENCE_END = re_compile(r"[.!?][\"”’)]*\s+[^\W\d_a-z]|[.!?][\"”’)]*\s+\d|[。！？．](?!\s*$)")
#: A breadcrumb mark further into the line than this does not end a breadcrumb.
MAX_CRUMB_OFFSET = 200
#: A title line has at most this many words after its breadcrumb; longer
#: lines are prose (a cookie notice, a lede), whose colons and dashes are
#: not title separators.
MAX_TITLE_WORDS = 30
#: A title segment with more words than this is a headline, not a phrase.
MAX_PHRASE_WORDS = 8
#: A title segment in CJK with more characters than this is a headline.
MAX_PHRASECJK = 16

# Breadcrumb marks: after the last one in the head of a line comes the title area.
_CRUMB_MARK = regex_compile(r"[>»›→＞]+|[ \t]/[ \t]")
# A separator between title segments. Full-width marks, bars, dashes other
# than the hyphen and the double colon separate with or without spaces; a
# hyphen separates when spaced or when the next word starts with a capital
# letter, digit, quote or CJK character (after a letter, a closing mark or
# the headline's own "!" or "?"), or follows a CJK character
# ("Keyword-Headline", "Scene!-Keyword", "关键词-headline" but not
# "Coca-cola", "Ka-lam" or a date "2024-10-19"); a colon separates unless
# it stands between two digits ("10:30").
#
# The separators that open with blanks are tried only from a blank run's first character
# (or where the search starts, ``\G``), the run taken whole: tried from every blank of a
# long run, the pattern was quadratic in the run's length. The separators found are the
# same; a property test compares the pattern with its earlier form.
_SEP = regex_compile(
    r"""
    (?:\G|(?<![ \t]))[ \t]++(?:
        (?:::|[|｜丨–—－：_])[ \t]*+
      | [-:·•][ \t]++
      | -(?=\S)
      | :(?!(?<=\p{N}:)\p{N})[ \t]*+
    )
    | (?:::|[|｜丨–—－：_])[ \t]*+
    | (?<=\S)-[ \t]++
    | (?<=[\p{L}.!?)\]’'”])-(?=[\p{Lu}\p{N}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=\p{N})-(?=[\p{Lu}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=[\p{Han}\p{Hiragana}\p{Katakana}])-(?=\S)
    | :(?!(?<=\p{N}:)\p{N})[ \t]*+
    """,
    regex.VERBOSE,
)
_OPEN = "【[「〖《(（"
_CLOSE = "】]」〗》)）"
_BRACKET = regex_compile(r"(?:\G|(?<![ \t]))[ \t]*+[【\[「〖《(（]|[】\]」〗》)）][ \t]*+")
#: One character of which every ``_SEP`` and every ``_BRACKET`` match holds (standard
#: ``re``, a plain class): most head lines have none, and are not scanned by those two.
_SEP_CHAR = re_compile("[" + re.escape("|｜丨–—－：_-:·•" + _OPEN + _CLOSE) + "]")
#: Likewise for ``_CRUMB_MARK``.
_CRUMB_CHAR = re_compile("[>»›→＞/]")
_GLUE = regex_compile(r"\p{Ll}(?=\p{Lu})")
_DOMAIN = regex_compile(r"\w\.(?:com|net|org|info|co|[a-z]{2})\b", regex.IGNORECASE)
# A phrase never holds clause punctuation ("Dekalb, Ill." is a dateline).
_CLAUSE_MARKS = frozenset(",;!?，。；！？")


class Line(NamedTuple):
    """One line of the working text: its index, offsets (newline excluded) and text."""

    index: int  # type: ignore[assignment]  # shadows tuple.index on purpose
    start: int
    end: int
    text: str


class Segment(NamedTuple):
    """Text between two title separators (offsets into the line).

    Attributes:
        start: Offset of the segment's first non-blank character.
        end: Offset just after its last non-blank character.
        left: The separator before it ("" at the start of the title area).
        right: The separator after it ("" at the end of the line).
        first: Is it the first segment after the breadcrumb (or line start)?
    """

    start: int
    end: int
    left: str
    right: str
    first: bool


class Slot(NamedTuple):
    """Where a phrase sat on its title line, learnable across a site's pages.

    Attributes:
        position: ``"prefix"`` (before the headline) or ``"suffix"`` (after it).
        context: The line's text before the phrase (prefix) or after the
            phrase and its closing mark (suffix): a breadcrumb, a site tail.
        separator: The separator between the phrase and the headline.
    """

    position: str
    context: str
    separator: str


#: Makes a :class:`Line` without NamedTuple's argument handling in Python.
_new_line: Callable[[type[Line], tuple[int, int, int, str]], Line] = tuple.__new__


def head_lines(text: str) -> list[Line]:
    """The lines that may hold the title slot, reading only the head of ``text``.

    These are the first :data:`TOP_LINES` non-empty lines (numbered as
    ``text.split("\\n")`` numbers them) that are at most
    :data:`MAX_TITLE_LINE` characters long, up to the first paragraph of the
    story: a prose line (:func:`newsclean.layout.is_prose`, the prose test of
    every stage) holding a second sentence, that does not repeat a line above
    it. A line after the story has begun is no title line. A headline may end
    on a full stop ("... doesn't run at a stable 60fps."), and a long one
    reads as prose, but it rarely holds a second sentence; a short line that
    does ("Date: 3 May. Updated.") is no prose and may still be a header field.
    """
    out: list[Line] = []
    pos = 0
    index = 0
    size = len(text)
    while True:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        part = text[pos:end]
        if part.strip():
            if (
                is_prose(part.strip())
                and _INNER_SENTENCE_END.search(part)
                and not any(part.strip() in line.text for line in out)
            ):
                break
            out.append(_new_line(Line, (index, pos, end, part)))
            if len(out) >= TOP_LINES:
                break
        if nl < 0:
            break
        pos = nl + 1
        index += 1
    return [line for line in out if len(line.text) <= MAX_TITLE_LINE]


def _title_area(line: str) -> int:
    """Offset where the title area of ``line`` starts: after its last breadcrumb mark."""
    start = 0
    end = min(len(line), MAX_CRUMB_OFFSET)
    if _CRUMB_CHAR.search(line, 0, end):
        for m in _CRUMB_MARK.finditer(line, 0, end):
            start = m.end()
    while start < len(line) and line[start] in " \t":
        start += 1
    return start


def segments(line: str, area: int | None = None) -> list[Segment]:
    """Split a title line into the segments between its separators.

    The breadcrumb (up to the last breadcrumb mark) is set aside unless
    ``area`` gives where the title area starts. A line with no separator has
    one segment; callers want two or more.

    >>> [("Home > World > Keyword Hub - Rain floods the city"[s.start : s.end], s.right) for s in
    ...  segments("Home > World > Keyword Hub - Rain floods the city")]
    [('Keyword Hub', ' - '), ('Rain floods the city', '')]
    """
    if area is None:
        area = _title_area(line)
    cuts: list[tuple[int, int]] = []
    marks = _SEP_CHAR.search(line, area) is not None
    for m in _SEP.finditer(line, area) if marks else ():
        cuts.append((m.start(), m.end()))
    for m in _BRACKET.finditer(line, area) if marks else ():
        mark = m.group().strip()
        if mark in "(（)）":
            # Parentheses separate only at the ends of the title area.
            before = line[area : m.start()].strip()
            after = line[m.end() :].strip()
            if mark in "(（" and before and not after.endswith((")", "）")):
                continue
            if mark in ")）" and after and not line[area:].lstrip().startswith(("(", "（")):
                continue
        cuts.append((m.start(), m.end()))
    cuts.sort()
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out: list[Segment] = []
    pos = area
    left = ""
    for a, b in [*merged, (len(line), len(line))]:
        piece = line[pos:a]
        s = pos + (len(piece) - len(piece.lstrip()))
        e = a - (len(piece) - len(piece.rstrip()))
        if e > s:
            out.append(Segment(s, e, left, line[a:b], not out))
        left = line[a:b]
        pos = b
    return out


def _phrase_like(phrase: str) -> bool:
    """Can a title segment be an injected phrase (not a headline or a fragment)?"""
    # (the clause marks as a set test in C; a phrase opening with a letter holds one)
    if len(phrase) < 2 or not _CLAUSE_MARKS.isdisjoint(phrase):
        return False
    if not phrase[0].isalpha() and not any(ch.isalpha() for ch in phrase):
        return False
    if CJK.match(phrase[0]):
        return len(phrase) <= MAX_PHRASECJK
    words = phrase.split()
    if not (phrase[0].isupper() or phrase[0].isdigit()) or len(words) > MAX_PHRASE_WORDS:
        return False
    if _DOMAIN.search(phrase):
        return False  # a site's address ("Example.com") names the site itself
    if len(words) > 1 and words[0].lower() in vocabulary().determiners:
        return False  # "The Daily Planet": a name with its article is a title, not a brand
    connectors = vocabulary().connectors
    # Every word capitalised, a number or a connector ("Bank of Trade").
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in connectors or CJK.match(w[0]) for w in words)


class Candidate(NamedTuple):
    """A title segment (or its part glued to a crumb) that may be an injected phrase."""

    phrase: str
    line: Line
    start: int  # offset in the line
    seg: Segment
    prefix: bool  # before the headline (the widest segment) or after it


def _glue_starts(line: str, seg: Segment) -> list[int]:
    """Offsets inside the first segment where a phrase glued to the last crumb may start."""
    text = line[seg.start : seg.end]
    first = text.split(" ", 1)[0]
    # A case change ("ContactKeyword") or a change of script ("资讯Keyword").
    out = [seg.start + m.end() for m in _GLUE.finditer(first)]
    out.extend(seg.start + i for i in range(1, len(first)) if script(first[i - 1]) != script(first[i]))
    if CJK.match(text[:1]):
        out.extend(seg.start + i for i in range(1, min(len(text), MAX_PHRASECJK)) if CJK.match(text[i]))
    return sorted(set(out))


def _width(text: str) -> int:
    """Display width: a CJK character counts as two Latin ones."""
    if text.isascii():
        return len(text)  # no CJK character: no list of matches to build
    return len(text) + len(CJK.findall(text))


def candidates(top: Sequence[Line]) -> list[Candidate]:
    """Every candidate phrase of the title lines ``top``, longest first."""
    out: list[Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    for line in top:
        if _SEP_CHAR.search(line.text) is None:
            continue  # no separator mark: one segment from any area, so no candidate
        crumb = _title_area(line.text)
        if len(line.text[crumb:].split()) > MAX_TITLE_WORDS:
            continue
        for area in {crumb, 0}:
            for c in _line_candidates(line, segments(line.text, area)):
                key = (line.index, c.start, len(c.phrase))
                if key not in seen:
                    seen.add(key)
                    out.append(c)
    out.sort(key=lambda c: -len(c.phrase))
    return out


def _line_candidates(line: Line, segs: Sequence[Segment]) -> list[Candidate]:
    out: list[Candidate] = []
    if len(segs) >= 2:
        widths = [_width(line.text[seg.start : seg.end]) for seg in segs]
        for i, seg in enumerate(segs):
            # The headline is the widest of the other segments.
            head = max((j for j in range(len(segs)) if j != i), key=lambda j: widths[j])
            phrase = line.text[seg.start : seg.end]
            if _phrase_like(phrase):
                out.append(Candidate(phrase, line, seg.start, seg, i < head))
            if seg.first and seg.start > 0 and i < head:
                for k in _glue_starts(line.text, seg):
                    part = line.text[k : seg.end]
                    if _phrase_like(part):
                        out.append(Candidate(part, line, k, seg, True))
    return out


def _close_at(sep: str) -> int:
    """Length of ``sep`` up to and including a closing bracket it starts with (0 if none)."""
    stripped = sep.lstrip()
    if stripped[:1] and stripped[0] in _CLOSE:
        return len(sep) - len(stripped) + 1
    return 0


def slot_of(c: Candidate) -> Slot:
    """Describe where a candidate sits: a prefix or suffix slot with its context."""
    line = c.line.text
    end = c.start + len(c.phrase)
    if c.prefix:
        return Slot("prefix", line[: c.start], c.seg.right.strip())
    return Slot("suffix", line[end + _close_at(c.seg.right) :], c.seg.left.strip())


def title_spans(text: str, phrase: str) -> list[tuple[int, int, int, int]]:
    """Where ``phrase`` is a title segment: (phrase start, phrase end, cut start, cut end).

    The cut takes the phrase with one separator, so that the headline stays
    well formed: the separator after a prefix ("Keyword - Headline" →
    "Headline"), the one before a suffix ("Headline | Keyword | Site" →
    "Headline | Site"), and both brackets around a bracketed phrase.
    """
    out = []
    for c in candidates(head_lines(text)):
        if c.phrase != phrase:
            continue
        base = c.line.start
        s = base + c.start
        e = s + len(phrase)
        seg = c.seg
        if c.prefix:
            cut_s = s
            if c.start == seg.start and seg.left.strip() in _OPEN and seg.left.strip():
                cut_s = s - len(seg.left.lstrip())
            cut_e = e + len(seg.right) if seg.right.strip() else e
        else:
            cut_s = base + seg.start - len(seg.left)
            cut_e = e + _close_at(seg.right)
        out.append((s, e, cut_s, cut_e))
    return out
