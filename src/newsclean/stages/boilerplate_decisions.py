"""Boilerplate decisions: which lines are story, related links, tags or page furniture.

Reads the line features of :mod:`newsclean.stages.boilerplate_features` and
decides, in one pass over the units of a page: where the story body is (the
run of lines with the highest total score, a maximum sub-array), which link
lists go to ``related``, which lines are tags, which credit lines stay, and
the reason of every removed line. See :mod:`newsclean.stages.boilerplate`
for the reasons used.

The module is longer than most (about 680 lines): every rule here reads the
same span search and the same unit features, in one pass, and each rule's
named threshold sits next to the code that reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise, repeat
from operator import is_, itemgetter
from typing import cast

from newsclean.lazyre import lazy_re
from newsclean.stages._related import mark_related
from newsclean.stages.boilerplate_features import (
    _BULLET,
    _CJK,
    _COMMENT_HEAD,
    _COMMENT_LAST,
    _DATA_ROW,
    _DIGIT,
    _DIGITS,
    _ELLIPSIS,
    _FOOTER,
    _HASHTAG,
    _HASHTAGS,
    _STAMP,
    _STRONG_COMMENTS,
    _TAG_SPLIT,
    _TAGS_FIRST,
    _TAGS_HEADER,
    _TAGS_LINE,
    _WIDGET,
    _WORD,
    _alternation,
    _as_bad,
    _Feat,
    _features,
    _line_words,
    _maybe_comment_head,
    _rejudge,
    _stop_density,
    _units,
)
from newsclean.stages.boilerplate_model import LineModel, load_model
from newsclean.stages.boilerplate_vocab import _CONSERVATIVE, _UNLIMITED, _vocab

__all__ = ["LineDecision", "classify_lines", "decide", "decide_page", "page_units"]

#: Words a headline of a link list after the body has at least (fewer: a label or a
#: name, not a linked headline).
LINK_ITEM_WORDS = 3

#: the joined text of a unit ``(line indices, text)``
_UNIT_TEXT = itemgetter(1)


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What the classifier decided for one line.

    Attributes:
        keep: True for story text.
        reason: Edit reason for a removed line (None when kept).
        field: ``related`` or ``tags`` when the line's content moves to a field.
        values: The values it contributes to that field.
    """

    keep: bool
    reason: str | None = None
    field: str | None = None
    values: tuple[str, ...] = ()


_KEEP = LineDecision(True)

_new_object = object.__new__
_SET_KEEP, _SET_REASON, _SET_FIELD, _SET_VALUES = (
    LineDecision.__dict__[name].__set__ for name in ("keep", "reason", "field", "values")
)


def _decision(
    keep: bool, reason: str | None = None, field: str | None = None, values: tuple[str, ...] = ()
) -> LineDecision:
    """``LineDecision(keep, reason, field, values)``, its slots set directly.

    The frozen class's own set-up passes each field through ``object.__setattr__``:
    1.9 µs a decision against 0.8 (a page's related items and tags make some 26 on AEB).
    """
    d = _new_object(LineDecision)
    _SET_KEEP(d, keep)
    _SET_REASON(d, reason)
    _SET_FIELD(d, field)
    _SET_VALUES(d, values)
    return d


@lru_cache(maxsize=64)
def _removed(reason: str) -> LineDecision:
    """The shared decision removing a line for ``reason`` (decisions are immutable)."""
    return LineDecision(False, reason)


def _best_run(
    scores: Sequence[float], lo: int, hi: int, last_start: int | None = None
) -> tuple[int, int, float]:
    """Maximum-sum run of ``scores[lo:hi]`` as (start, end exclusive, total).

    With ``last_start``, only runs that start at or before that index count.
    """
    best_start = best_end = lo
    best = 0.0
    cur_start, cur = lo, 0.0
    latest = hi if last_start is None else last_start
    for i in range(lo, hi):
        if cur <= 0 and i <= latest:
            cur_start, cur = i, 0.0
        cur += scores[i]
        if cur > best:
            best_start, best_end, best = cur_start, i + 1, cur
    return best_start, best_end, best


#: A comment count that opens its line ("37 comments", "{ 43 comments… read them below or
#: add one }", "12 Responses", "Reader Comments (4)") heads a comment section; such a
#: header has at most this many words. Nouns: the ``comment_counts`` group of
#: ``data/boilerplate_lines.json``; one word may come before a noun whose count follows it
#: in brackets.
COUNT_HEAD_WORDS = 12
_COUNT_NOUN = _alternation("comment_counts")
_COMMENT_COUNT = lazy_re(
    rf"^\W{{0,3}}(?:\d[\d,.]*\s+(?:{_COUNT_NOUN})\b|(?:\w+\s+)?(?:{_COUNT_NOUN})\s*[(\[]\d[\d,.]*[)\]])",
    re.IGNORECASE,
)
#: A comment link under each post of a listing page (a blog's front page: "4 comments",
#: "| Comments (5)" after every post) is no comment section: a marker holding a number (or
#: followed by a count on a line of its own, ``_BARE_COUNT``) whose
#: text, numbers aside, comes again after at least ``LISTING_PROSE`` words of prose, within
#: ``LISTING_WINDOW`` units. Markers without a number ("Reply", "Comments") recur under every
#: reader comment of a thread and are not read this way. Checked on the four development
#: corpora (``python -m benchmarks.corpora --only text``): CleanEval blog front pages kept
#: whole, no Dragnet or AEB page changed.
LISTING_PROSE = 40
LISTING_WINDOW = 400


def _is_comment_count(f: _Feat) -> bool:
    """True for a short line that opens with a comment count (see :data:`COUNT_HEAD_WORDS`).

    A sentence that opens with a count ("37 comments were posted within the hour.") is
    story text, not a header.
    """
    text = f.text
    return (
        f.words <= COUNT_HEAD_WORDS
        and f.kind in ("other", "bad")
        # the pattern needs a digit among the first four characters or a bracket before
        # the count (a letter is no digit): most short lines are settled without the call
        and ("(" in text or "[" in text or not text[:4].isalpha())
        and _COMMENT_COUNT.match(text) is not None
    )


#: A count on a line of its own ("(4)", "12") after a comment marker belongs to the marker:
#: the count and the link are often separate elements of the page.
_BARE_COUNT = lazy_re(r"^\W{0,2}\d[\d,.]*\W{0,2}$")


def _marker_key(feats: Sequence[_Feat], b: int) -> str | None:
    """The text of the comment marker at ``b`` with a count on the next line, numbers masked;
    None if it holds no count."""
    text = feats[b].text
    if b + 1 < len(feats) and _BARE_COUNT.match(feats[b + 1].text):
        text = f"{text} {feats[b + 1].text}"
    if not any(map(str.isdigit, text)):
        return None
    return _DIGITS.sub("0", text.casefold())


def _per_post_link(feats: Sequence[_Feat], b: int) -> bool:
    """True if the comment marker at ``b`` recurs after more prose (see :data:`LISTING_PROSE`)."""
    key = _marker_key(feats, b)
    if key is None:
        return False
    prose = 0
    stop = min(len(feats), b + 1 + LISTING_WINDOW)
    for k in range(b + 1, stop):
        f = feats[k]
        if f.kind == "prose":
            prose += f.words
        elif prose >= LISTING_PROSE and _marker_key(feats, k) == key:
            return True
    return False


#: A comment marker ("Comments", "Leave a comment") followed within this many units by
#: another, different comment marker, by a field of a sign-in or subscription form
#: ("Post a comment", "Sign in", "Enter your email") or by an author line ("Posted by:",
#: the name field of the form or the head of a first comment) heads a comment form: the
#: comment section begins there even when no reader comment follows (a post nobody has
#: answered yet, whose form instructions are sentences and outscored a one-paragraph
#: story). The
#: same marker again ("Reply" under each comment, a section named twice in a table of
#: contents) is no form. 0 turns the rule off. Chosen on the four development corpora
#: (``python -m benchmarks.corpora --only text``, 2026-12-02) as the widest window that
#: lowers no corpus: windows 1-5 raise Dragnet 0.841 -> 0.843-0.844 and change no score
#: of another corpus; from 6 an AEB page loses its second half (a newsletter box six
#: units below a subheading that reads as a comment marker); the HTML path does not
#: change. Table and leave-one-corpus-out choice: ``docs/extraction.md``. The author
#: line among the form's fields raised Dragnet 0.8438 -> 0.8478 (seven pages up, none
#: down, five sites of one blog platform), no other corpus and no HTML output moving.
COMMENT_FORM_WINDOW = 5
_FORM_REASONS = frozenset({"comments", "login", "newsletter", "author_box"})


def _opens_form(feats: Sequence[_Feat], b: int, reasons: frozenset[str] = _FORM_REASONS) -> bool:
    """True if the comment marker at ``b`` heads a comment form (see :data:`COMMENT_FORM_WINDOW`).

    A form field is a unit within the window read for one of ``reasons`` (a comment
    marker counts when its text differs from the marker's).
    """
    f = feats[b]
    return any(
        g.reason in reasons and (g.reason != "comments" or g.text.casefold() != f.text.casefold())
        for g in feats[b + 1 : b + 1 + COMMENT_FORM_WINDOW]
    )


def _comments_start(feats: Sequence[_Feat], b: int) -> bool:
    """True if the comment marker at ``b`` opens a thread of reader comments.

    It does when it names a section ("Leave a reply") or opens with a count
    ("37 comments"), or when comment heads, stamps or author lines ("Posted
    by: …") follow it, unless it is the comment link of each post of a
    listing page (:data:`LISTING_PROSE`).
    """
    f = feats[b]
    if _per_post_link(feats, b):
        return False
    if _STRONG_COMMENTS.search(f.text) or _is_comment_count(f):
        return True
    if _opens_form(feats, b):
        return True  # the marker heads a comment form
    heads = 0
    for f in feats[b + 1 : b + 30]:
        text = f.text
        # (each pattern behind a test that holds wherever it can match: a stamp holds a
        # digit, a comment head ends on a verb of saying)
        if (
            f.reason == "author_box"
            or (f.words <= 10 and any(map(str.isdigit, text)) and _STAMP.match(text))
            or (
                text[-1:] in _COMMENT_LAST
                and _maybe_comment_head(text.casefold())
                and _COMMENT_HEAD.match(text)
            )
        ):
            heads += 1
            if heads >= 2:
                return True
    return False


#: Trim units that are no sentence text off the edges of the body span.
TRIM_EDGES = True

#: A story does not stop in the middle of running prose: units of kind ``prose`` that
#: follow the body span with nothing between them join it. Found by the clean-prose
#: property test (a two-line capture lost its last line); checked on the four
#: development corpora (``python -m benchmarks.corpora --only text``).
EXTEND_OVER_PROSE = True

#: How much story (in words of prose, the hand score of ``_Feat.score``) must come before a
#: comment marker or a copyright footer for it to end the search for the body: a marker
#: above the story (a comment count in the header) ends nothing. Checked on the four
#: development corpora (``python -m benchmarks.corpora``).
STORY_BEFORE_END = 40.0

#: How much story (words of prose, as :data:`STORY_BEFORE_END`) must come before a comment
#: marker that heads a comment form (:func:`_opens_form` with the fields of
#: ``_FORM_FIELD_REASONS``: another, different comment marker, a sign-in or a subscription
#: field) for it to end the search for the body. A form is the end of a post wherever it
#: stands, so a short story ends there too: a one-paragraph photo or video post whose
#: author blurb or sidebar "About" text below the form has more prose was lost to it. An
#: author line ("Posted by", "Written by") is no such field here: it also opens the header
#: of a post, under a "Leave a comment" link above the story. Chosen on the four
#: development corpora (``python -m benchmarks.corpora --only text``, 2026-12-02): any value
#: from 0.01 to 20 raises Dragnet 0.8478 -> 0.8533 (four pages of four sites up, none down)
#: and changes no score of another corpus; 25 and 30 take fewer pages (0.8512, 0.8493).
#: With the author line among the fields, Dragnet reads 0.8510 (six pages up, two down).
#: Table: ``docs/extraction.md``.
FORM_STORY_BEFORE_END = 10.0
_FORM_FIELD_REASONS = frozenset({"comments", "login", "newsletter"})


def _body_span(
    feats: Sequence[_Feat], scores: Sequence[float], model: LineModel, repeated: Callable[[int, int], bool]
) -> tuple[int, int, int]:
    """Return the unit span [start, end) of the story body and where comments begin.

    The search stops at the first comment marker or copyright footer that
    follows a good run of prose: reader comments are prose too, and nothing
    after a page footer is part of the story. ``scores`` are the model's
    story scores; runs of positive score near the best one join it when
    the model says so (``join_share``, ``join_gap``).
    """
    hand = [f.score for f in feats]
    limit = len(hand)
    after: list[float] = []  # best run within hand[b:], made when a footer asks (few pages)
    best = cur = 0.0
    for b, f in enumerate(feats):
        if best >= FORM_STORY_BEFORE_END and (
            (
                (
                    f.reason == "comments"
                    # (``_is_comment_count``'s cheap tests first: most units are long or prose)
                    or (f.words <= COUNT_HEAD_WORDS and f.kind != "prose" and _is_comment_count(f))
                )
                and (best >= STORY_BEFORE_END or _opens_form(feats, b, _FORM_FIELD_REASONS))
                and _comments_start(feats, b)
            )
            or (
                f.reason == "copyright"
                and best >= STORY_BEFORE_END
                and f.words <= 30
                and _FOOTER.search(f.text)
                and best >= (after or _best_after(hand, after))[b] * 0.5
            )
        ):
            limit = b
            break
        cur = cur + hand[b] if cur > 0.0 else hand[b]
        if cur > best:
            best = cur
    start, end, total = _best_run(scores, 0, limit)
    if total <= 0:
        return 0, 0, limit
    start, end = _join_runs(scores, model, start, end, total, limit)
    start, end = _trim_feed(scores, feats, repeated, start, end)
    if TRIM_EDGES:
        # the body opens and closes on sentence text: short labels, titles and menu
        # entries at its edges are judged as header or end matter
        while start < end and feats[start].kind not in ("prose", "sentence"):
            start += 1
        while end > start and feats[end - 1].kind not in ("prose", "sentence"):
            end -= 1
    if EXTEND_OVER_PROSE:
        while start < end < limit and feats[end].kind == "prose" and feats[end].reason is None:
            end += 1
    return start, end, limit


def _best_after(hand: Sequence[float], after: list[float]) -> list[float]:
    """Fill ``after`` with the best run total within ``hand[b:]`` for every ``b`` (and 0.0 past the end)."""
    after.extend([0.0] * (len(hand) + 1))
    cur = best = 0.0
    for b in range(len(hand) - 1, -1, -1):
        cur = cur + hand[b] if cur > 0.0 else hand[b]
        if cur > best:
            best = cur
        after[b] = best
    return after


#: How far (in units past the gap) a run that may join the body is looked for.
JOIN_WINDOW = 400


def _join_runs(
    scores: Sequence[float], model: LineModel, start: int, end: int, total: float, limit: int
) -> tuple[int, int]:
    """Grow the body span by the other dense runs close to it (a story split by figures or ads).

    On each side the run looked for is the best one that *starts* within ``join_gap``
    units of the span (the nearest part of a split story), not the best run of the
    window, which may lie farther off and would stop the search.
    """
    if model.join_share > 1.0:
        return start, end
    need = model.join_share * total
    while end < limit:
        s, e, t = _best_run(scores, end, min(limit, end + model.join_gap + JOIN_WINDOW), end + model.join_gap)
        if t < need or s - end > model.join_gap or t <= 0:
            break
        end = e
    while start > 0:
        lo = max(0, start - model.join_gap - JOIN_WINDOW)
        # the same search on the reversed scores: runs that end at most join_gap before the body
        back = scores[start - 1 : lo - 1 if lo else None : -1]
        rs, re_, t = _best_run(back, 0, len(back), model.join_gap)
        s, e = start - re_, start - rs
        if t < need or start - e > model.join_gap or t <= 0:
            break
        start = s
    return start, end


#: A feed record's excerpt is at most this many words (one story paragraph is often longer);
#: with only one repeated line between excerpts, at most ``FEED_SHORT_EXCERPT_WORDS``.
FEED_EXCERPT_WORDS = 90
FEED_SHORT_EXCERPT_WORDS = 60

#: The short lines of a feed record (two or more between excerpts) hold its linked headline,
#: a title-like line of at least :data:`LINK_ITEM_WORDS` words as in a link list, or a line
#: of page furniture (a vocabulary hit, a widget: "Read more", "1 of 6"). A story in sections
#: under short headings ("Fire drills", "Opening hours": one or two words, or a heading and
#: a short sentence) has the same shape, heading, then one or two paragraphs, and was cut off
#: as a feed when three sections came at an end of the span. Measured on the four
#: development corpora (``python -m benchmarks.corpora --only text``, 2026-12-02): CleanEval
#: 0.8692 -> 0.8710, no other corpus and no HTML output moving; a headline of 5 words or
#: more lowers Dragnet, 6 or more AEB. Table: ``docs/extraction.md``. False turns the test off.
FEED_HEADLINE = True


def _feed_head(f: _Feat) -> bool:
    """True for a line that a feed record's short lines hold (see :data:`FEED_HEADLINE`)."""
    return f.kind == "bad" or (f.titlelike and f.words >= LINK_ITEM_WORDS)


def _trim_feed(
    scores: Sequence[float],
    feats: Sequence[_Feat],
    repeated: Callable[[int, int], bool],
    start: int,
    end: int,
) -> tuple[int, int]:
    """Cut a feed of teasers off either end of the body span.

    A feed repeats one record: a few short lines (headline, author, date)
    and one or two lines of prose (the excerpt). Story paragraphs follow
    each other with at most a short line between them. Three or more such
    records in a row at an end of the span are not story text. The short
    lines of a record hold a linked headline or page furniture
    (:data:`FEED_HEADLINE`).
    """
    # segments: (gap_start, prose_start, prose_end)
    segments: list[tuple[int, int, int]] = []
    i = start
    while i < end:
        g = i
        while i < end and scores[i] <= 0:
            i += 1
        p = i
        while i < end and scores[i] > 0:
            i += 1
        segments.append((g, p, i))

    def record(seg: tuple[int, int, int]) -> bool:
        g, p, e = seg
        if not 1 <= e - p <= 2:
            return False
        if p - g >= 2:
            return all(feats[i].words <= FEED_EXCERPT_WORDS for i in range(p, e)) and (
                not FEED_HEADLINE or any(_feed_head(feats[i]) for i in range(g, p))
            )
        # one repeated line between excerpts ("Share", a row of icons), excerpts short
        return repeated(g, p) and all(feats[i].words <= FEED_SHORT_EXCERPT_WORDS for i in range(p, e))

    k = len(segments)
    while k > 1 and record(segments[k - 1]):
        k -= 1
    if len(segments) - k >= 3:
        end = segments[k][0]
    k = 0
    while k < len(segments) and (record(segments[k]) or (k == 0 and segments[0][2] - segments[0][1] <= 2)):
        k += 1
    if k >= 3 and k < len(segments):
        start = segments[k][0]
        while start < end and scores[start] <= 0:
            start += 1
    return start, end


#: A numbered list that the story starts goes on past the story span while its numbers
#: go on ("1) …", "2) …" inside, "3) …" after it): steps of a how-to, items of a top-ten
#: whose later entries are short lines the story score reads as page furniture. Between
#: two items at most this many other units (an item's description, a link); 0 turns the
#: rule off. The last item inside the span is looked for among its last
#: ``NUMBERED_LOOKBACK`` units. Checked on the four development corpora
#: (``python -m benchmarks.corpora``).
NUMBERED_GAP = 3
NUMBERED_LOOKBACK = 8
_NUMBERED = lazy_re(r"(\d{1,3})[.)]\s")


def _item_number(text: str) -> int | None:
    m = _NUMBERED.match(text)
    return int(m.group(1)) if m else None


def _continue_numbering(feats: Sequence[_Feat], start: int, end: int, stop: int) -> int:
    """Grow ``end`` over the items of a numbered list begun inside ``[start, end)`` (see :data:`NUMBERED_GAP`)."""
    last: int | None = None
    for k in range(end - 1, max(start, end - NUMBERED_LOOKBACK) - 1, -1):
        last = _item_number(feats[k].text)
        if last is not None:
            break
    if last is None:
        return end
    k = end
    while k < stop and k - end <= NUMBERED_GAP:
        number = _item_number(feats[k].text)
        if number == last + 1:
            last, end = number, k + 1
        elif number is not None:
            break
        k += 1
    return end


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in _TAG_SPLIT.split(text) if t.strip() and len(t.strip()) <= 80)


def _is_link_item(f: _Feat) -> bool:
    """A headline-like line inside the body: part of a link list if several follow each other.

    Data rows of the story (tour dates, results: lines opening with a number
    or a month) are not headlines.
    """
    return (
        f.kind in ("other", "sentence")
        and f.titlelike
        and f.words >= 3
        and not f.bullet
        and not f.credit
        and not _DATA_ROW.match(f.text)
    )


def _is_data_row(f: _Feat) -> bool:
    """A short line of a table of the story: it opens with a number or a month."""
    return f.kind in ("other", "sentence") and f.words <= 30 and _DATA_ROW.match(f.text) is not None


def _is_table_header(f: _Feat) -> bool:
    """A short title over a table ('Tour dates', 'Results')."""
    return f.kind in ("other", "sentence") and f.words <= 8


def _is_list_header(f: _Feat) -> bool:
    """A short line introducing a list of links ('Related', 'More from X:')."""
    if f.reason == "list_header":
        return True
    return f.kind != "prose" and f.words <= 8 and f.text.rstrip().endswith(":")


def classify_lines(
    texts: Sequence[str],
    language: str | None = None,
    *,
    conservative: bool = False,
    model: LineModel | None = None,
) -> list[LineDecision]:
    """Classify each line of a capture as story text or boilerplate.

    Args:
        texts: The lines (empty lines are kept and ignored).
        language: The document's language code, if known.
        conservative: Judge text that is already the story (the output of
            an HTML extractor): remove only unambiguous clutter (vocabulary
            hits of the concepts in ``_CONSERVATIVE``, widgets, separators)
            and move tag lines to ``tags``; no densest-run search, no link
            lists, no teasers, no labels.
        model: The story-score model (default: the fitted one shipped in
            ``data/boilerplate_model.json``).

    Returns:
        One :class:`LineDecision` per input line.

    >>> [d.keep for d in classify_lines(["Share", "A long enough sentence about the council and the vote that was held.", "___"])]
    [False, True, False]
    """
    units, feats = page_units(texts, language)
    if conservative:
        return _expand(units, _conservative(feats), len(texts))
    return decide(units, feats, len(texts), model if model is not None else load_model())


#: Below this share of function words among the longer lines, the language's word list does
#: not fit the page (wrong or unknown language): lines are judged by shape alone.
MIN_STOP_DENSITY = 0.12


def page_units(texts: Sequence[str], language: str | None) -> tuple[list[tuple[list[int], str]], list[_Feat]]:
    """Group the lines into units and judge each distinct unit text once.

    Returns:
        The units (line indices, joined text) and their features, in order.
    """
    vocab = _vocab(language)
    has_stops = bool(vocab.stops)
    units = _units(texts)
    unit_texts = list(map(_UNIT_TEXT, units))
    # The short texts judged before are looked up in C, all at once (``_features`` would
    # find them the same way); the others are judged once each (pages repeat lines).
    feats: list[_Feat | None] = list(map(vocab.memo.get, unit_texts))
    vocab.reused.update(compress(unit_texts, feats))  # (kept when the memo is full: ``MEMO_KEPT_SHARE``)
    judged: dict[str, _Feat] = {}
    for k in compress(range(len(feats)), map(is_, feats, repeat(None))):
        text = unit_texts[k]
        found = judged.get(text)
        if found is None:
            found = judged[text] = _features(text, vocab, has_stops)
        feats[k] = found
    page = cast("list[_Feat]", feats)  # (every unit judged now)
    if has_stops and _stop_density(units, page, vocab.stops) < MIN_STOP_DENSITY:
        # No line reads as prose with this language's function words: the
        # language is wrong or unknown; judge by shape alone (each distinct text once).
        again = {f.text: f for f in page}
        again = {text: _rejudge(f, False) for text, f in again.items()}
        page = [again[f.text] for f in page]
    return units, page


def decide(
    units: Sequence[tuple[list[int], str]], feats: Sequence[_Feat], n_lines: int, model: LineModel
) -> list[LineDecision]:
    """Decide every line of a page from the features of its units (see :func:`classify_lines`)."""
    decisions, _, _ = decide_page(units, feats, model)
    return _expand(units, decisions, n_lines)


#: A paragraph that ends on an ellipsis right under a headline-like line is a link teaser
#: (a headline and the cut-off start of its story) when another such pair lies within this
#: many units of it, or a "Read more" link follows it: teasers come in series (a feed, a
#: list of related or popular posts). A lone pair is the page's own headline over the first
#: paragraph of its story, whose writer ended it on "…" ("…and this is an example of
#: why…"): before, it was cut as a teaser and the story was lost with it or kept without
#: its lead. Chosen on the four development corpora (``python -m benchmarks.corpora --only
#: text``, 2026-12-02): 10 and 30 read Dragnet 0.8542 -> 0.8578 (five pages up, three of one
#: site down by 0.07-0.09), CleanEval 0.8641 -> 0.8653 (ten up, one down by 0.01), AEB
#: 0.9330 -> 0.9328 (one page: a share summary ending on "..." above the story), no
#: CleanPortalEval page; 3 and 5 take two more pages down, a window over the whole page
#: four fewer CleanEval pages up. Table: ``docs/extraction.md``.
TEASER_WINDOW = 10


def _teasers(feats: Sequence[_Feat]) -> list[int]:
    """The units read as link teasers (see :data:`TEASER_WINDOW`)."""
    pairs = [
        k
        for k in range(1, len(feats))
        if feats[k].kind == "prose"
        and feats[k - 1].titlelike
        and feats[k - 1].kind == "other"
        and _ELLIPSIS.search(feats[k].text)
    ]
    series: set[int] = set()
    for k, after in pairwise(pairs):
        if after - k <= TEASER_WINDOW:
            series.update((k, after))
    return [k for k in pairs if k in series or (k + 1 < len(feats) and feats[k + 1].reason == "read_more")]


def decide_page(
    units: Sequence[tuple[list[int], str]], feats: Sequence[_Feat], model: LineModel
) -> tuple[list[LineDecision | None], int, int]:
    """Decide every unit of a page; also return the story span ``[start, end)`` in units.

    A decision of None keeps the unit.
    """
    feats = list(feats)
    repeated = _repeats(feats[:])  # (the kinds before teasers are marked)
    for k in _teasers(feats):
        feats[k] = _as_bad(feats[k], "teaser")
    n = len(feats)
    if not n:
        return [], 0, 0
    start, end, comments_from = _body_span(feats, model.scores(feats), model, repeated)
    if start == end:
        start, end = 0, n  # no dense prose anywhere: judge every line as if in a story
    # A story that ends on a lead-in ("Tour dates:") goes on with the list it announces.
    if feats[end - 1].text.rstrip().endswith(":") and feats[end - 1].kind != "bad":
        while end < comments_from and feats[end].kind in ("other", "sentence") and feats[end].words <= 30:
            end += 1
    else:
        # A table of the story right after it (tour dates, results): an optional short
        # header, then three or more distinct data rows (lines opening with a number or a month).
        first = end + 1 if end < n and _is_table_header(feats[end]) else end
        rows = first
        while rows < comments_from and _is_data_row(feats[rows]):
            rows += 1
        if rows - first >= 3 and len({f.text for f in feats[first:rows]}) == rows - first:
            end = rows  # (the rows of a table differ; a repeated line is page furniture)
    if NUMBERED_GAP:
        end = _continue_numbering(feats, start, end, comments_from)
    decisions: list[LineDecision | None] = [None] * n

    _tag_lines(feats, decisions, start, end)

    # Inside the body: link lists, then what is clearly not story text.
    k = start
    while k < end:
        j = k
        # (a prose unit, most of a body, is no link item: tested before the call)
        while j < end and decisions[j] is None and feats[j].kind != "prose" and _is_link_item(feats[j]):
            j += 1
        has_header = k > start and decisions[k - 1] is None and feats[k - 1].reason == "list_header"
        n_items = j - k
        caps = sum(feats[i].title_ratio for i in range(k, j)) / n_items if n_items else 0.0
        if (has_header and n_items >= 2) or (n_items >= 3 and caps >= 0.6):
            if has_header:
                decisions[k - 1] = _removed("list_header")
            for i in range(k, j):
                item = _BULLET.sub("", feats[i].text).strip()
                decisions[i] = _decision(False, "related_list", "related", (item,))
        k = max(j, k + 1)
    for k in range(start, end):
        f = feats[k]
        if decisions[k] is not None:
            continue
        if f.kind == "bad" and f.reason is not None:
            decisions[k] = _removed(f.reason)

    # Credit lines just after the body stay with it.
    k = end
    while k < n and k - end < 4:
        f = feats[k]
        if decisions[k] is None and f.credit:
            decisions[k] = _KEEP
            k += 1
            continue
        if f.reason in ("separator", "widget") or f.kind == "bad":
            k += 1
            continue
        break

    # Outside the body: link lists to `related`, the rest with a reason.
    k = 0
    while k < n:
        if start <= k < end or decisions[k] is not None:
            k += 1
            continue
        f = feats[k]
        # After the body, a link list: optional short header, then >= 2 headline-like items.
        if k >= end:
            j = k
            header: int | None = None
            if f.words <= 4 and not f.sentence and (f.kind != "bad" or f.reason == "list_header"):
                header = k
                j = k + 1
            items = []
            # headline-like items (not bad, title-like, LINK_ITEM_WORDS or more, no credit line),
            # tested in the loop: this scan reads every unit after the body
            while (
                j < n
                and decisions[j] is None
                and (g := feats[j]).kind != "bad"
                and g.titlelike
                and g.words >= LINK_ITEM_WORDS
                and not g.credit
            ):
                items.append(j)
                j += 1
            if len(items) >= 2 and (
                header is not None or len(items) >= 3 or sum(1 for i in items if feats[i].bullet) >= 2
            ):
                if header is not None:
                    decisions[header] = _removed("list_header")
                for i in items:
                    item = _BULLET.sub("", feats[i].text).strip()
                    decisions[i] = _decision(False, "related_list", "related", (item,))
                k = j
                continue
        if f.kind == "bad" and f.reason:
            decisions[k] = _removed(f.reason)
        elif k >= comments_from:
            decisions[k] = _removed("comments")
        elif k < start and f.words <= 4 and not f.sentence and not f.bullet:
            decisions[k] = _removed("label")
        else:
            decisions[k] = _removed("boilerplate_line")
        k += 1

    _remove_repeats(feats, decisions)

    mark_related(feats, decisions, _decision)  # cross-links the lists above did not take
    return decisions, start, end


#: A kept unit of at least this many words that comes again is a candidate repeat
#: (shorter lines recur in any text: a refrain, a sign-off).
REPEAT_WORDS = 15


def _remove_repeats(feats: Sequence[_Feat], decisions: list[LineDecision | None]) -> None:
    """Remove the later copy of a paragraph the page repeats (``duplicate``).

    A paragraph kept twice with page furniture between the copies is a page that
    repeats itself (infinite scroll, print copy). So is a run of two or more paragraphs
    that comes again, in the same order, right after itself (a story's opening printed
    twice, as a summary box and as the story). A single paragraph repeated without
    furniture between the copies is the writer's repetition and stays.
    """
    kept: dict[str, int] = {}
    copies: list[tuple[int, int]] = []  # (later copy, first copy) of the kept paragraphs
    paragraphs: list[int] = []
    for k, f in enumerate(feats):
        if decisions[k] is None and f.words >= REPEAT_WORDS:
            paragraphs.append(k)
            first = kept.setdefault(f.text.casefold(), k)
            if first != k:
                copies.append((k, first))
    if not copies:
        return  # (most pages: the counts of removed units below are not needed)
    n = len(feats)
    removed_before = [0] * (n + 1)
    for k in range(n):
        removed_before[k + 1] = removed_before[k] + (decisions[k] is not None)
    first_of = dict(copies)
    order = {k: i for i, k in enumerate(paragraphs)}
    in_block: set[int] = set()
    i = 0
    while i < len(paragraphs):
        earlier = first_of.get(paragraphs[i])
        if earlier is None:
            i += 1
            continue
        # a run of ``period`` paragraphs that comes again right after itself
        period = i - order[earlier]
        if (
            period >= 2
            and i + period <= len(paragraphs)
            and all(first_of.get(paragraphs[i + t]) == paragraphs[i - period + t] for t in range(period))
        ):
            in_block.update(paragraphs[i : i + period])
            i += period
        else:
            i += 1
    for k, first in copies:
        if k in in_block or removed_before[k] > removed_before[first + 1]:
            decisions[k] = _removed("duplicate")


def _repeats(feats: Sequence[_Feat]) -> Callable[[int, int], bool]:
    """A test whether any of ``feats[lo:hi]`` is a short line seen three times or more.

    Lines count as the same when they differ only in case and digits. The
    counts are made on the first call only: most pages never ask.
    """
    flags: list[bool] = []

    def repeated(lo: int, hi: int) -> bool:
        if lo >= hi:
            return False
        if not flags:
            keys: dict[str, str] = {}  # pages repeat lines: mask each distinct text once
            seen: dict[str, int] = {}
            for f in feats:
                if f.kind != "prose":
                    key = keys.get(f.text)
                    if key is None:
                        key = keys[f.text] = _DIGITS.sub("0", f.text.lower())
                    seen[key] = seen.get(key, 0) + 1
            flags.extend(f.kind != "prose" and seen[keys[f.text]] >= 3 for f in feats)
        return any(flags[lo:hi])

    return repeated


def _expand(
    units: Sequence[tuple[list[int], str]], decisions: Sequence[LineDecision | None], n_lines: int
) -> list[LineDecision]:
    """Give every line the decision of its unit (None: keep)."""
    out: list[LineDecision] = [_KEEP] * n_lines
    for (members, _), d in zip(units, decisions, strict=True):
        if d is None:
            continue  # its lines are kept already
        for i in members:
            out[i] = d if d is not None else _KEEP
            if d is not None and d.field:  # the field values go with the first line only
                d = _decision(False, d.reason, d.field, ())
    return out


@lru_cache(maxsize=1)
def _tags_header_words() -> int:
    """The most words of a line that ``_TAGS_HEADER`` matches: a ``tags_headers`` label and an
    optional colon have the label's words (counted as ``_Feat.words`` counts them)."""
    return max(len(_WORD.findall(w)) + len(_CJK.findall(w)) // 2 for w in _line_words("tags_headers"))


#: The ASCII characters that open no tag line: not ``#``, and no tags label's first letter in any case.
_NOT_TAGS_FIRST = frozenset(
    ch for ch in map(chr, range(128)) if ch != "#" and ch.casefold() not in _TAGS_FIRST
)


def _tag_lines(feats: Sequence[_Feat], decisions: list[LineDecision | None], start: int, end: int) -> None:
    """Decide the tag lines: ``Tags: a, b``, hashtag lines, a ``Tags`` header over a line of tags.

    A line with a single hashtag, or a ``Tags`` header, counts only outside
    the body span ``[start, end)``.
    """
    n = len(feats)
    header_words = _tags_header_words()  # (a longer line is no tags header: no pattern call)
    for k, f in enumerate(feats):
        first = f.text[:1]
        if first in _NOT_TAGS_FIRST:
            continue  # (most lines: one look-up)
        if first == "#":
            if _HASHTAGS.match(f.text) and (k >= end or k < start or f.text.count("#") >= 2):
                decisions[k] = _decision(False, "tags", "tags", tuple(_HASHTAG.findall(f.text)))
            continue
        if first.casefold() not in _TAGS_FIRST:  # every tags label starts with one of these
            continue
        m = _TAGS_LINE.match(f.text) if ":" in f.text or "：" in f.text else None
        if m:
            decisions[k] = _decision(False, "tags", "tags", _split_tags(m.group("tags")))
        elif (
            f.words <= header_words
            and _TAGS_HEADER.match(f.text)
            and k + 1 < n
            and (k + 1 >= end or k < start)
        ):
            nxt = feats[k + 1]
            if ("," in nxt.text and nxt.kind != "prose") or nxt.words <= 4:
                decisions[k] = _removed("list_header")
                decisions[k + 1] = _decision(False, "tags", "tags", _split_tags(nxt.text))


#: In text that is already the story, a vocabulary hit removes a line of at most this many
#: words, the limit the page analysis sets for a line that opens with an entry: a longer
#: line holding a footer phrase is a paragraph ("... Copyright © 2019 Example Media. All
#: rights reserved."), unless its concept's entries match long lines (consent banners).
#: Without it a paragraph kept by a first pass, whose later repairs ("could could",
#: "once morest") took it under the page analysis's 60-word limit, went in a second pass.
CONSERVATIVE_HIT_WORDS = 30


def _conservative(feats: Sequence[_Feat]) -> list[LineDecision | None]:
    """Decisions for text that is already the story: only unambiguous clutter goes."""
    decisions: list[LineDecision | None] = [None] * len(feats)
    _tag_lines(feats, decisions, 0, len(feats))
    for k, f in enumerate(feats):
        if decisions[k] is None and f.kind == "bad" and f.reason is not None:
            if f.vocab:
                clutter = f.reason in _CONSERVATIVE and (
                    f.words <= CONSERVATIVE_HIT_WORDS or f.reason in _UNLIMITED
                )
            elif f.reason == "widget":
                # bare numbers ("5040", "85%", "1 of 3") are the cells of a table in the story
                clutter = _WIDGET.match(f.body) is not None or _DIGIT.search(f.body) is None
            else:
                clutter = f.reason == "separator"
            if clutter:
                decisions[k] = _removed(f.reason)
    mark_related(feats, decisions, _decision)
    return decisions
