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

The work is split by concern: :mod:`newsclean.stages.injection_title` reads
title lines into segments and candidate phrases,
:mod:`newsclean.stages.injection_body` weighs a candidate's occurrences in
the body, :mod:`newsclean.stages.injection_words` holds what both share (word
boundaries, made-up words, function words). This module puts them together;
:mod:`newsclean.stages.spam` removes what it finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from newsclean.stages.injection_body import Judge, stands_alone
from newsclean.stages.injection_title import Slot, candidates, head_lines, slot_of

__all__ = ["Detection", "detect_injected"]

_SENTENCE_END = (".", "!", "?", "。", "！", "？")


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
    judge = Judge(text, language or "en")
    cands = candidates(top)
    for c in cands:
        a = c.line.start + c.start
        judge.slot_spans.add((a, a + len(c.phrase)))
    accepted: dict[str, str] = {}
    for c in cands:
        if c.phrase in accepted or any(c.phrase in p or p in c.phrase for p in accepted):
            continue
        if judge(c.phrase, False) and not stands_alone(text, c.phrase):
            accepted[c.phrase] = "body"
    for slot in slots:
        for c in cands:
            if c.line.text.rstrip().endswith(_SENTENCE_END):
                continue  # a sentence, not a title line
            if c.phrase in accepted or any(c.phrase in p or p in c.phrase for p in accepted):
                continue
            if slot_of(c) != slot:
                continue
            if judge(c.phrase, True) and not stands_alone(text, c.phrase):
                accepted[c.phrase] = "learned_slot"
    if not accepted:
        return []
    found = [
        Detection(c.phrase, c.line.index, slot_of(c), accepted[c.phrase])
        for c in cands
        if c.phrase in accepted
    ]
    found.sort(key=lambda d: d.line)
    return found
