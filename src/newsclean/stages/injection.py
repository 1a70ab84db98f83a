"""Find phrases injected into a page's title slot and confirmed by where they sit in the body.

Content farms copy a story and splice a made-up phrase (a brand, a keyword)
into it: next to the headline, joined by a separator ("Keyword-Headline",
"Headline | Keyword", "【Keyword】Headline"), and into body sentences where it
breaks the text ("his ally,Keyword who", "on Monday.Keyword The", "and he
Keyword said"). Neither placement alone is evidence: a headline may well
open with a name and a colon, and a name is repeated in the story. What
makes an injection is both together:

* the phrase is a whole **segment of a title line**: the text between
  separators (a dash, bar, colon or bracket, ASCII or full-width, spaced or
  glued) before or after the headline, after any breadcrumb ("Home > News >")
  has been set aside; a breadcrumb or a site-name line has no such segment;
* and it **reappears in the body where it breaks the sentence**: glued to
  the punctuation before it, or as a capitalised run between two lower-case
  words of a clause that reads correctly without it.

Occurrences that use the phrase as a name ("with New Zealand", "the
Daily Planet", "Coca-Cola's") veto it; an occurrence glued to a letter
on either side is part of a word ("MacBook") and is never evidence, nor
removed: phrases are only ever cut on word boundaries (a change of script,
Latin to CJK, is a boundary; two letters of one script are not). The one
exception is the title line itself, where a breadcrumb's last crumb may be
glued to the phrase ("Home > ContactKeyword-Headline").

A learned site profile adds title *slots* (where the phrase sat on other
pages of the site); a phrase found in a learned slot needs no body
evidence, only to be foreign to the rest of the page.

This module only finds phrases; :mod:`newsclean.stages.spam` removes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

__all__ = [
    "Detection",
    "Segment",
    "Slot",
    "boundary",
    "bounded",
    "classify",
    "detect_injected",
    "head_lines",
    "occurrences",
    "segments",
    "title_spans",
]

#: How many non-empty lines at the top may hold the title slot.
TOP_LINES = 8
#: Longer lines are body paragraphs, not title lines.
MAX_TITLE_LINE = 400
#: A breadcrumb mark further into the line than this does not end a breadcrumb.
MAX_CRUMB_OFFSET = 200
#: A title line has at most this many words after its breadcrumb; longer
#: lines are prose (a cookie notice, a lede), whose colons and dashes are
#: not title separators.
MAX_TITLE_WORDS = 30
#: A title segment with more words than this is a headline, not a phrase.
MAX_PHRASE_WORDS = 8
#: A title segment in CJK with more characters than this is a headline.
MAX_PHRASE_CJK = 16
#: A CJK phrase this long (a made-up name; most CJK words have one to three
#: characters) may touch CJK text on one side and still count as a whole phrase.
MIN_CJK_NAME = 4
#: A word rarer than this Zipf frequency in wordfreq (about once in ten
#: million words) counts as made up; names of people and places a news story
#: repeats ("Berlin" 4.4, "Merkel" 3.4, "Tbilisi" 2.8) are far more frequent.
RARE_ZIPF = 2.0
# Languages whose wordfreq lists are also consulted (space-delimited, no extra tokenizer).
_SPACED_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "nl"})

# -- title-line structure ----------------------------------------------------------------

# Breadcrumb marks: after the last one in the head of a line comes the title area.
_CRUMB_MARK = regex.compile(r"[>»›→＞]+|[ \t]/[ \t]")
# A separator between title segments. Full-width marks, bars, dashes other
# than the hyphen and the double colon separate with or without spaces; a
# hyphen separates when spaced or when the next word starts with a capital
# letter, digit, quote or CJK character (after a letter, a closing mark or
# the headline's own "!" or "?"), or follows a CJK character
# ("Keyword-Headline", "Scene!-Keyword", "关键词-headline" but not
# "Coca-cola", "Hau-yip" or a date "2024-10-19"); a colon separates unless
# it stands between two digits ("10:30").
_SEP = regex.compile(
    r"""
    [ \t]*(?:::|[|｜丨–—－：_])[ \t]*
    | [ \t]+[-:·•][ \t]+
    | [ \t]+-(?=\S)
    | (?<=\S)-[ \t]+
    | (?<=[\p{L}.!?)\]’'”])-(?=[\p{Lu}\p{N}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=\p{N})-(?=[\p{Lu}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=[\p{Han}\p{Hiragana}\p{Katakana}])-(?=\S)
    | [ \t]*:(?!(?<=\p{N}:)\p{N})[ \t]*
    """,
    regex.VERBOSE,
)
_OPEN = "【[「〖《(（"
_CLOSE = "】]」〗》)）"
_BRACKET = regex.compile(r"[ \t]*[【\[「〖《(（]|[】\]」〗》)）][ \t]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_GLUE = regex.compile(r"\p{Ll}(?=\p{Lu})")
_DOMAIN = regex.compile(r"\w\.(?:com|net|org|info|co|[a-z]{2})\b", regex.IGNORECASE)
_TOKENS = regex.compile(r"[\p{L}\p{N}]+")
_PREV_WORD = regex.compile(r"(\S+)[ \t]+$")
_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)")

# Punctuation a phrase may be glued to (no space) when it was spliced in.
_GLUE_PUNCT = frozenset(",;:.!?)]”’，、。；：！？")
_OPENERS = frozenset("“\"'‘(«[")
# A phrase never holds clause punctuation ("Dekalb, Ill." is a dateline).
_CLAUSE_MARKS = frozenset(",;!?，。；！？")
_SENTENCE_END = (".", "!", "?", "。", "！", "？")


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


class Detection(NamedTuple):
    """A phrase found in a title slot.

    Attributes:
        phrase: The injected phrase as written.
        line: Index of the title line (in ``split_lines`` numbering).
        slot: Where it sat on that line.
        evidence: ``"body"`` (confirmed by where it sits in the body) or
            ``"learned_slot"`` (found in a slot of the site's profile).
    """

    phrase: str
    line: int
    slot: Slot
    evidence: str = "body"


class _Vocab(NamedTuple):
    openers: frozenset[str]
    followers: frozenset[str]
    connectors: frozenset[str]
    determiners: frozenset[str]
    modals: frozenset[str]
    after_modals: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = json.loads(resources.files("newsclean.data").joinpath("spam.json").read_text(encoding="utf-8"))

    def merged(group: dict[str, object]) -> frozenset[str]:
        words = {w for k, v in group.items() if k != "_about" and isinstance(v, list) for w in v}
        if not words:
            raise ValueError("spam.json: an empty word group")
        return frozenset(words)

    modals = raw["modals"]
    return _Vocab(
        merged(raw["noun_phrase_openers"]),
        merged(raw["subject_followers"]),
        merged(raw["phrase_connectors"]),
        merged(raw["determiners"]),
        merged({k: v for k, v in modals.items() if not k.startswith("after_")}),
        merged({k: v for k, v in modals.items() if k.startswith("after_")}),
    )


@lru_cache(maxsize=4096)
def _unknown_word(word: str, language: str) -> bool:
    """True when ``word`` is rarer than :data:`RARE_ZIPF` in wordfreq (a made-up brand)."""
    if _CJK.search(word):
        # wordfreq needs extra tokenizers (jieba, MeCab) for CJK; a CJK run is
        # one "word" here and cannot be looked up: it counts as unknown.
        return True
    from newsclean.lexicon import zipf  # the packaged English list first, then wordfreq

    english = zipf(word, "en") or 0.0
    if language not in _SPACED_LANGUAGES or english >= RARE_ZIPF:
        return english < RARE_ZIPF
    other = zipf(word, language)  # None: wordfreq has no list or tokenizer for it
    return other is None or other < RARE_ZIPF


def _has_unknown_word(phrase: str, language: str) -> bool:
    return any(
        len(w) >= 4 and not w.isdigit() and _unknown_word(w.lower(), language)
        for w in _TOKENS.findall(phrase)
    )


# -- lines and word boundaries ---------------------------------------------------------------


def head_lines(text: str) -> list[Line]:
    """The lines that may hold the title slot, reading only the head of ``text``.

    These are the first :data:`TOP_LINES` non-empty lines (numbered as
    ``text.split("\\n")`` numbers them) that are at most
    :data:`MAX_TITLE_LINE` characters long.
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
            out.append(Line(index, pos, end, part))
            if len(out) >= TOP_LINES:
                break
        if nl < 0:
            break
        pos = nl + 1
        index += 1
    return [line for line in out if len(line.text) <= MAX_TITLE_LINE]


def _script(ch: str) -> str:
    """The word class of a character: ``"cjk"``, ``"word"`` or ``""`` (not a word character)."""
    if not ch.isalnum():
        return ""
    return "cjk" if _CJK.match(ch) else "word"


def boundary(text: str, i: int) -> bool:
    """Is there a word boundary at offset ``i`` of ``text`` (see :func:`bounded`)?"""
    if i <= 0 or i >= len(text):
        return True
    kind = _script(text[i - 1])
    return not kind or kind != _script(text[i])


def bounded(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a whole phrase, cut on word boundaries at both ends?

    A boundary lies between two characters unless both are letters or digits
    of the same kind (two Latin letters, two CJK characters): "Book" in
    "MacBook" is not bounded, "Keyword" in "据Keyword报道" is.

    CJK text has no spaces, so a junction between two CJK characters says
    nothing either way. A CJK phrase of at least :data:`MIN_CJK_NAME`
    characters that starts or ends on a real boundary (a clause mark, a
    space, a change of script) is bounded even if its other end touches CJK
    ("、Keyword的"); one glued to CJK on both sides ("据东京新闻网报道") is not.
    """
    if s >= e:
        return False
    left = boundary(text, s)
    right = boundary(text, e)
    if left and right:
        return True
    return (left or right) and e - s >= MIN_CJK_NAME and all(_CJK.match(ch) for ch in text[s:e])


def occurrences(text: str, phrase: str) -> list[int]:
    """Offsets of ``phrase`` in ``text`` on word boundaries."""
    out = []
    i = text.find(phrase)
    while i >= 0:
        if bounded(text, i, i + len(phrase)):
            out.append(i)
        i = text.find(phrase, i + 1)
    return out


# -- title segments -------------------------------------------------------------------------


def _title_area(line: str) -> int:
    """Offset where the title area of ``line`` starts: after its last breadcrumb mark."""
    start = 0
    for m in _CRUMB_MARK.finditer(line, 0, min(len(line), MAX_CRUMB_OFFSET)):
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
    for m in _SEP.finditer(line, area):
        cuts.append((m.start(), m.end()))
    for m in _BRACKET.finditer(line, area):
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
    if len(phrase) < 2 or not any(ch.isalpha() for ch in phrase) or any(ch in _CLAUSE_MARKS for ch in phrase):
        return False
    if _CJK.match(phrase[0]):
        return len(phrase) <= MAX_PHRASE_CJK
    words = phrase.split()
    if not (phrase[0].isupper() or phrase[0].isdigit()) or len(words) > MAX_PHRASE_WORDS:
        return False
    if _DOMAIN.search(phrase):
        return False  # a site's address ("Example.com") names the site itself
    if len(words) > 1 and words[0].lower() in _vocab().determiners:
        return False  # "The Daily Planet": a name with its article is a title, not a brand
    connectors = _vocab().connectors
    # Every word capitalised, a number or a connector ("Bank of Trade").
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in connectors or _CJK.match(w[0]) for w in words)


class _Candidate(NamedTuple):
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
    out.extend(seg.start + i for i in range(1, len(first)) if _script(first[i - 1]) != _script(first[i]))
    if _CJK.match(text[:1]):
        out.extend(seg.start + i for i in range(1, min(len(text), MAX_PHRASE_CJK)) if _CJK.match(text[i]))
    return sorted(set(out))


def _width(text: str) -> int:
    """Display width: a CJK character counts as two Latin ones."""
    return len(text) + len(_CJK.findall(text))


def _candidates(top: Sequence[Line]) -> list[_Candidate]:
    out: list[_Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    for line in top:
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


def _line_candidates(line: Line, segs: Sequence[Segment]) -> list[_Candidate]:
    out: list[_Candidate] = []
    if len(segs) >= 2:
        widths = [_width(line.text[seg.start : seg.end]) for seg in segs]
        for i, seg in enumerate(segs):
            # The headline is the widest of the other segments.
            head = max((j for j in range(len(segs)) if j != i), key=lambda j: widths[j])
            phrase = line.text[seg.start : seg.end]
            if _phrase_like(phrase):
                out.append(_Candidate(phrase, line, seg.start, seg, i < head))
            if seg.first and seg.start > 0 and i < head:
                for k in _glue_starts(line.text, seg):
                    part = line.text[k : seg.end]
                    if _phrase_like(part):
                        out.append(_Candidate(part, line, k, seg, True))
    return out


def _close_at(sep: str) -> int:
    """Length of ``sep`` up to and including a closing bracket it starts with (0 if none)."""
    stripped = sep.lstrip()
    if stripped[:1] and stripped[0] in _CLOSE:
        return len(sep) - len(stripped) + 1
    return 0


def _slot(c: _Candidate) -> Slot:
    """Describe where a candidate sits: a prefix or suffix slot with its context."""
    line = c.line.text
    end = c.start + len(c.phrase)
    if c.prefix:
        return Slot("prefix", line[: c.start], c.seg.right.strip())
    return Slot("suffix", line[end + _close_at(c.seg.right) :], c.seg.left.strip())


# -- body evidence -------------------------------------------------------------------------------


def classify(text: str, s: int, e: int) -> str:
    """Say how an occurrence sits: ``strong``, ``mid``, ``spliced``, ``legit`` or ``neutral``.

    * ``strong``: glued to the punctuation before it ("ally,Keyword",
      "Monday.Keyword"), between two words no name can stand between
      ("will Keyword be", "review of Keyword the evidence"), or a CJK run
      between two lower-case words of a Latin-script sentence.
    * ``mid``: a capitalised run between two lower-case words of a clause
      that reads correctly once it is removed (the word before does not open
      a noun phrase, the word after does not continue a subject).
    * ``spliced``: between two lower-case words, but where a name could also
      stand ("with Keyword in", "said Keyword would").
    * ``legit``: part of a longer capitalised name, quoted, in a compound
      ("Keyword-led") or a possessive.
    * ``neutral``: anything else, including an occurrence glued to a letter
      (part of a word: never evidence).
    """
    vocab = _vocab()
    n = len(text)
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < n else "\n"
    if nxt == "-" and e + 1 < n and text[e + 1].isalnum():
        return "legit"
    if (
        _CJK.match(text[s])
        and prev in " \t"
        and nxt in " \t"
        and s >= 2
        and text[s - 2].islower()
        and e + 1 < n
        and text[e + 1].islower()
    ):
        return "strong"  # a CJK run between two lower-case words of a Latin-script sentence
    if nxt in "’'" and e + 1 < n and text[e + 1] in "sS" and (e + 2 >= n or not text[e + 2].isalnum()):
        return "legit"
    if prev.isalnum():
        return "neutral"
    if prev in _GLUE_PUNCT and s >= 2 and not text[s - 2].isspace():
        return "strong"
    if prev in _OPENERS:
        return "legit"
    if prev not in " \t":
        return "neutral"
    m = _PREV_WORD.search(text, max(0, s - 40), s)
    if not m:
        return "neutral"
    word = m.group(1)
    if word[-1] in _GLUE_PUNCT:
        return "neutral"
    word = word.lstrip("\"“‘'([«")
    if not word or word[0].isupper():
        return "legit" if word else "neutral"
    if not word[0].islower():
        return "neutral"
    nm = _NEXT_WORD.match(text, e)
    if not nm or not nm.group(1)[0].islower():
        return "neutral"
    before = word.rstrip("\"”’'").lower()
    after = nm.group(1).lower()
    # Two places where no name can stand: the clause is broken.
    if before in vocab.modals and after in vocab.after_modals:
        return "strong"  # "will Keyword be"
    if before in vocab.openers and before not in vocab.determiners and after in vocab.determiners:
        return "strong"  # "review of Keyword the evidence"
    if before in vocab.openers or after in vocab.followers:
        return "spliced"
    return "mid"


def _long_words(phrase: str) -> list[str]:
    return [w.lower() for w in _TOKENS.findall(phrase) if len(w) >= 4 and not w.isdigit()]


def _foreign(text: str, phrase: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Do most of the phrase's words occur nowhere else in the text?

    Words are compared on their first five letters, so "Canadian" counts as an
    occurrence of "Canada".
    """
    words = _long_words(phrase)
    if not words:
        return False
    pieces = []
    pos = 0
    for s, e in sorted(spans):
        pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos:])
    stems = {t.lower()[:5] for t in _TOKENS.findall(" ".join(pieces)) if len(t) >= 4}
    absent = sum(1 for w in words if w[:5] not in stems)
    return absent * 2 > len(words)


class _Judge:
    """Weighs the occurrences of candidate phrases in one text (memoised per phrase)."""

    def __init__(self, text: str, top: Sequence[Line], language: str) -> None:
        self.text = text
        self.language = language
        self.slot_spans: set[tuple[int, int]] = set()
        self.memo: dict[tuple[str, bool], bool] = {}
        self.top = top

    def __call__(self, phrase: str, learned: bool) -> bool:
        key = (phrase, learned)
        if key not in self.memo:
            self.memo[key] = self._judge(phrase, learned)
        return self.memo[key]

    def _judge(self, phrase: str, learned: bool) -> bool:
        text = self.text
        counts = {"strong": 0, "mid": 0, "spliced": 0, "legit": 0, "neutral": 0}
        # Title-slot occurrences (also those glued to a crumb) are not weighed.
        spans = [(s, e) for s, e in self.slot_spans if text[s:e] == phrase]
        for s in occurrences(text, phrase):
            e = s + len(phrase)
            if (s, e) in self.slot_spans:
                continue
            spans.append((s, e))
            counts[classify(text, s, e)] += 1
        multi = len(phrase.split()) >= 2
        if not learned and not (counts["strong"] or counts["mid"] or counts["spliced"]):
            return False  # no body evidence: wordfreq is not even loaded
        unknown = _has_unknown_word(phrase, self.language)
        if learned:
            # No body evidence needed for a made-up phrase; a phrase of real
            # words ("HS Roundup", "Live Updates" in a learned colon slot) is
            # a kicker of the headline unless the body confirms it at least
            # once. A name used as one ("with New Zealand") vetoes unless
            # the phrase holds a made-up word.
            confirmed = counts["strong"] + counts["mid"] + counts["spliced"] > 0
            return (
                counts["legit"] == 0
                and (unknown or (multi and confirmed))
                and (counts["spliced"] == 0 or unknown)
                and _foreign(text, phrase, spans)
            )
        strong, legit = counts["strong"], counts["legit"]
        weak = counts["mid"] + counts["spliced"]
        if counts["neutral"] and counts["neutral"] >= strong + weak:
            # Mostly used where nothing is broken (menus, bylines, footers):
            # the site's own name, not a phrase spliced into its story.
            return False
        if strong:
            # Glued into a sentence: enough, unless the phrase is also used as a name.
            return (legit == 0 and (multi or unknown)) or (unknown and strong > legit)
        if legit or not weak:
            return False
        # Between lower-case words where a name could also stand: only a
        # made-up phrase, or a run of words spliced twice where none fits.
        return unknown or (multi and counts["mid"] >= 2)


def _stands_alone(text: str, phrase: str) -> bool:
    """Is ``phrase`` a whole line somewhere in ``text``: a site-name line, a menu item or a label?

    An injected phrase is spliced into lines; a site's own name stands on a
    line of its own in the header, the menu or the footer.
    """
    i = text.find(phrase)
    while i >= 0:
        e = i + len(phrase)
        if (
            text[text.rfind("\n", 0, i) + 1 : i].strip() == ""
            and text[e : (text.find("\n", e) + 1 or len(text) + 1) - 1].strip(" \t.:|") == ""
        ):
            return True
        i = text.find(phrase, e)
    return False


def detect_injected(
    text: str,
    *,
    language: str | None = None,
    slots: Iterable[Slot] = (),
) -> list[Detection]:
    """Find phrases injected into the title slot and confirmed by their body placement.

    Args:
        text: The working text (one block per line).
        language: Language code, for the made-up-word test (English if None).
        slots: Learned title slots of the site; a phrase found in one needs
            no body evidence, only to be foreign to the rest of the text.

    Returns:
        One :class:`Detection` per title-line occurrence of each accepted
        phrase, in line order.

    >>> text = "Zorblat Capital Hub-Rain floods the city\\nWater rose,Zorblat Capital Hub in the night."
    >>> [d.phrase for d in detect_injected(text)]
    ['Zorblat Capital Hub']
    """
    top = head_lines(text)
    if not top:
        return []
    judge = _Judge(text, top, language or "en")
    cands = _candidates(top)
    for c in cands:
        a = c.line.start + c.start
        judge.slot_spans.add((a, a + len(c.phrase)))
    accepted: dict[str, str] = {}
    for c in cands:
        if c.phrase in accepted or any(c.phrase in p or p in c.phrase for p in accepted):
            continue
        if judge(c.phrase, False) and not _stands_alone(text, c.phrase):
            accepted[c.phrase] = "body"
    for slot in slots:
        for c in cands:
            if c.line.text.rstrip().endswith(_SENTENCE_END):
                continue  # a sentence, not a title line
            if c.phrase in accepted or any(c.phrase in p or p in c.phrase for p in accepted):
                continue
            if _slot(c) != slot:
                continue
            if judge(c.phrase, True) and not _stands_alone(text, c.phrase):
                accepted[c.phrase] = "learned_slot"
    if not accepted:
        return []
    found = [
        Detection(c.phrase, c.line.index, _slot(c), accepted[c.phrase]) for c in cands if c.phrase in accepted
    ]
    found.sort(key=lambda d: d.line)
    return found


def title_spans(text: str, phrase: str) -> list[tuple[int, int, int, int]]:
    """Where ``phrase`` is a title segment: (phrase start, phrase end, cut start, cut end).

    The cut takes the phrase with one separator, so that the headline stays
    well formed: the separator after a prefix ("Keyword - Headline" →
    "Headline"), the one before a suffix ("Headline | Keyword | Site" →
    "Headline | Site"), and both brackets around a bracketed phrase.
    """
    out = []
    for c in _candidates(head_lines(text)):
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
