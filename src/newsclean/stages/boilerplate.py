"""Boilerplate removal for plain-text captures: keep the story, log the rest.

A capture of a web page as text (one block per line, all tags gone) holds the
story and everything around it: menus, share bars, "Advertisement", captions,
link lists, comment counters, copyright footers. This stage classifies every
line from its own shape *and* its context, and deletes the lines that are not
story text: one edit, with its reason, per run of neighbouring lines
removed for the same reason.

How a line is judged (the ideas follow jusText, Pomikálek 2011, and the
body-text extraction of Finn, Kushmerick & Smyth 2001, adapted to text
without tags):

1. **Shape.** Word count, terminal punctuation, share of function words of
   the document's language (``STOPWORDS`` plus the ``function_words`` of
   ``data/boilerplate.json``), title-case and digit ratios, bullets.
   Lines are *prose* (sentence-like), *short sentences*, *other* short lines
   (titles, names, labels), or *bad* (a vocabulary hit, a widget such as
   ``Like! (12)``, a separator such as ``* * *``).
2. **Where the story is.** Every line gets a score, positive for prose and
   negative for the rest; the run of lines with the highest total (a maximum
   sub-array) is the story body. Other dense runs of prose close to it join
   it. Everything outside is page furniture.
3. **Context.** Inside the body, short lines between prose (subheadings,
   short list items) stay; vocabulary hits, widgets, captions and separators
   go. Just after the body, credit lines of the story ("Associated Press
   writer X contributed.", "(Reporting by …; Editing by …)") stay.
4. **What users keep.** Link lists (a short header followed by several
   title-like lines, bulleted or not) after the body go to ``related``;
   ``Tags: a, b`` lines and hashtag-only lines go to ``tags``.

On HTML input (``doc.kind == "html"``) the HTML stage has already kept only
the story, so the stage is conservative: it removes vocabulary hits, icon
widgets and separators and moves tag lines to ``tags``, with no densest-run
search, teasers or link lists (``classify_lines(..., conservative=True)``).
So is it on text that opens with its own heading (an underlined title or an
empty heading, recorded by ``extract_metadata`` as a ``written_heading``
decision): that is the rendering of an Article (``Article.to_text()``), whose
story was chosen when it was cleaned, and reading it again as a page would
remove what the first cleaning kept. When the HTML stage found no story and
handed on the whole page (``extra["html"]["whole_page"]``), the text is judged
like a text capture.

A capture of more than :data:`WINDOW_LINES` lines (ten times the longest page
of the development corpora) is no page: a log, a dump, a flood of tiny lines.
It is judged a window of that many lines at a time, each window as a page, so
the analysis's few hundred bytes a line are bounded by the window, not by the
capture.

Reasons used: ``widget``, ``separator``, ``related_list`` and ``tags``
(action ``extract``), ``list_header``, ``share``, ``subscribe``,
``newsletter``, ``cookie``, ``advertisement``, ``read_more``, ``comments``,
``copyright``, ``navigation``, ``pagination``, ``caption``, ``author_box``,
``login``, ``teaser``, ``duplicate`` (a paragraph seen before), ``label``
(a short label line before the story), and
``boilerplate_line`` (any other line outside the story).

The work is split by concern: line features in
:mod:`newsclean.stages.boilerplate_features`, decisions in
:mod:`newsclean.stages.boilerplate_decisions`, this module the stage.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import accumulate
from typing import Any

from newsclean.document import Change, Document
from newsclean.protocol import stage
from newsclean.stages.boilerplate_decisions import LineDecision, classify_lines

__all__ = ["LineDecision", "classify_lines", "remove_boilerplate"]

STAGE = "remove_boilerplate"

#: The decisions are made again on the lines they keep, until a round removes nothing,
#: at most this many times. A story span is found in the context of the whole page:
#: once menus and link lists are gone, the lines left at the edges of the story are read
#: in a new context, and what reads as page furniture there would otherwise go on the
#: next cleaning of the output (a second pass over ``Article.to_text()``). Checked with
#: ``python -m benchmarks.fuzz --corpora`` and ``python -m benchmarks.corpora``.
FIXPOINT_ROUNDS = 3

#: Lines above which the page analysis runs with the cyclic garbage collector paused.
#: The analysis makes a few objects per line (tuples, lists, frozen records), none in a
#: reference cycle, so a collection frees nothing; yet on 5 million one-character lines
#: the collector walked them over and over (remove_boilerplate 74 s -> 60 s with it
#: paused). Reference counting still frees everything; the collector's state is
#: restored on the way out, also on an exception.
GC_PAUSE_LINES = 100_000

#: A capture of more lines than this is analysed in windows of this many lines, each
#: judged as a page of its own, one after the other. The page analysis keeps a few
#: Python objects per line (a unit, a feature record, scores, a decision: 260-500 bytes
#: a line), which for 5 million one-character lines was 150 times the capture; a window
#: bounds that to about 10 MB whatever the capture's length. It is more than ten times
#: the longest capture of the development corpora (1,854 lines; most have under 300),
#: so every page is still read whole: only a huge capture (a log, a dump, a flood of
#: tiny lines) is cut, and then the lines next to a cut are judged without the lines
#: across it (a story that runs over a cut is found in both windows; a second pass over
#: the output, which has fewer lines, cuts it elsewhere). Checked with
#: ``python -m benchmarks.scaling`` and on the four development corpora, whose output
#: does not change.
WINDOW_LINES = 20_000

#: builds a ``Change`` from a tuple of all its fields, without the keyword handling of its constructor
_new_change = tuple.__new__

#: The BCP 47 code for an undetermined language: the page analysis reads it with the English
#: vocabulary entries and no function words (see ``boilerplate_vocab._vocab``).
UNDETERMINED = "und"


@contextmanager
def _gc_paused(active: bool) -> Iterator[None]:
    """Pause the cyclic collector while ``active`` (see :data:`GC_PAUSE_LINES`)."""
    was_on = active and gc.isenabled()
    if was_on:
        gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@stage("remove_boilerplate", requires=("language",), provides=("related", "tags"))
def remove_boilerplate(doc: Document) -> Document:
    """Remove every line that is not story text; link lists go to ``related``, tags to ``tags``.

    >>> doc = Document.from_text(
    ...     "Share this article\\n"
    ...     "The council approved the budget on Tuesday after a long debate about the library.\\n"
    ...     "#Budget #Council"
    ... )
    >>> out = remove_boilerplate(doc)
    >>> out.text, out.get("tags")
    ('The council approved the budget on Tuesday after a long debate about the library.\\n', ('Budget', 'Council'))
    """
    text = doc.text
    # the HTML stage has already kept only the story (unless it found none and handed on
    # the whole page), and an article's own rendering is a story: remove only clear clutter
    whole_page = doc.kind == "html" and bool(doc.extra.get("html", {}).get("whole_page"))
    written = _written_story(doc)
    conservative = (doc.kind == "html" and not whole_page) or written
    # A rendering whose language is not known (a few menu words are left) is read with the
    # English entries alone, the fewest any first pass used: a second cleaning of a rendering
    # then never removes a line the first pass kept for want of a vocabulary.
    language = doc.language if doc.language or not written else UNDETERMINED
    n_lines = text.count("\n") + 1
    huge = n_lines > WINDOW_LINES
    changes: list[Change] = []
    related: list[str] = list(doc.get("related", ()))
    tags: list[str] = list(doc.get("tags", ()))
    size = len(text)
    # the open run of removed lines: one edit for the lines removed one after the other for
    # the same reason, made when the run ends (``run_end`` is -1 while no run is open)
    run_start = run_end = -1
    run_reason = ""
    with _gc_paused(n_lines > GC_PAUSE_LINES):
        for offset, piece in _windows(text, WINDOW_LINES) if huge else ((0, text),):
            texts = piece.split("\n")
            decisions = _decide(piece, texts, language, conservative)
            if len(decisions) != len(texts):
                raise ValueError("one decision per line expected")
            # where each line starts: the lengths of the lines before it (summed in C) and their newlines
            before = [0, *accumulate(map(len, texts))]
            for i in [i for i, d in enumerate(decisions) if not d.keep]:
                d = decisions[i]
                start = offset + before[i] + i
                pos = start + len(texts[i]) + 1
                # the line with its newline (what ``delete_line`` deletes), built here for speed
                end = pos if pos <= size else size
                if d.field is None:
                    reason = d.reason or "boilerplate_line"
                    if start == run_end and reason == run_reason:
                        run_end = end  # the line right after a removed line, for the same reason
                        continue
                    if run_end >= 0:
                        changes.append(_new_change(Change, (run_start, run_end, "", run_reason, None)))
                    run_start, run_end, run_reason = start, end, reason
                    continue
                if run_end >= 0:
                    changes.append(_new_change(Change, (run_start, run_end, "", run_reason, None)))
                    run_end = -1
                changes.append(
                    _new_change(Change, (start, end, "", d.reason or "boilerplate_line", "extract"))
                )
                if d.field == "related":
                    related.extend(d.values)
                elif d.field == "tags":
                    tags.extend(v for v in d.values if v not in tags)
            del texts, decisions, before  # (a window's records go before the next window's are made)
    if run_end >= 0:
        changes.append(_new_change(Change, (run_start, run_end, "", run_reason, None)))
    if not changes:
        return doc
    out = doc.with_edits(STAGE, changes)
    fields: dict[str, Any] = {}
    if related != list(doc.get("related", ())):
        fields["related"] = tuple(related)
    if tags != list(doc.get("tags", ())):
        fields["tags"] = tuple(tags)
    return out.with_fields(**fields) if fields else out


def _written_story(doc: Document) -> bool:
    """Whether the text opens with its own heading (an Article's rendering), not a page."""
    from newsclean.stages.metadata import STAGE as METADATA
    from newsclean.stages.metadata import WRITTEN_HEADING

    return any(d.reason == WRITTEN_HEADING and d.stage == METADATA for d in doc.decisions)


def _decide(piece: str, texts: list[str], language: str | None, conservative: bool) -> list[LineDecision]:
    """The decision of every line of ``piece`` (split into ``texts``), judged as one page.

    The page analyses are not kept (``analyze_lines`` does not remember them): nothing reads them
    after the stage, and kept among the last few they outlived the next captures, long
    enough for the cyclic collector to move their per-line records (units, features,
    decisions: some 900 objects a capture) to its oldest generation, where each counted
    towards the next full collection before it was freed.
    """
    if conservative:
        return classify_lines(texts, language, conservative=True)
    from newsclean.layout import analyze_lines  # (here: newsclean.layout imports this package)

    decisions = analyze_lines(texts, language).line_decisions()  # (``piece`` is not split again)
    return _until_stable(texts, decisions, language)


def _windows(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into windows of ``size`` lines: ``(offset, window text)`` (see :data:`WINDOW_LINES`).

    A window's text has no final newline (its lines are ``window.split("\\n")``); the
    newline between two windows belongs to neither, and the offsets say where each
    window starts in ``text``. The last window holds the lines that are left.

    >>> list(_windows("a\\nb\\nc\\nd\\ne", 2))
    [(0, 'a\\nb'), (4, 'c\\nd'), (8, 'e')]
    """
    # `size` whole lines with their newlines, matched in C without backtracking
    step = re.compile(rf"(?:[^\n]*+\n){{{size}}}+")
    pos = 0
    while (m := step.match(text, pos)) is not None:
        yield pos, text[pos : m.end() - 1]
        pos = m.end()
    yield pos, text[pos:]


def _until_stable(
    texts: list[str], decisions: list[LineDecision], language: str | None
) -> list[LineDecision]:
    """Decide again on the kept lines until nothing more goes (see :data:`FIXPOINT_ROUNDS`)."""
    from newsclean.layout import analyze_lines

    for _ in range(FIXPOINT_ROUNDS):
        kept = [i for i, d in enumerate(decisions) if d.keep]
        if len(kept) == len(texts) or not kept:
            break
        # the kept lines as the lines of a text (no line holds a newline: none is joined and split)
        again = analyze_lines([texts[i] for i in kept], language).line_decisions()
        if all(d.keep for d in again):
            break
        decisions = list(decisions)
        for i, d in zip(kept, again, strict=True):
            if not d.keep:
                decisions[i] = d
    return decisions
