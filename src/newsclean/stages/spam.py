"""Remove injected SEO phrases: found from their placement, given by the caller, or learned per site.

Content farms copy a wire story and splice an unrelated phrase (a made-up
brand, a keyword) into it: next to the headline with a separator
(``Keyword-Real headline``, ``Real headline | Keyword``) and into body
sentences where it breaks the text (``his ally,Keyword who``, ``said on
Monday.Keyword The``). The stage removes such phrases from three sources:

* **Placement, without any list**: :func:`newsclean.stages.injection.detect_injected`
  accepts a phrase that is a whole segment of a title line and also occurs in
  the body where it breaks the sentence.
* **The caller's list** (``clean(raw, spam_keywords=[...])``): matched
  case-insensitively on word boundaries anywhere.
* **A learned** :class:`~newsclean.profile.SiteProfile`: its template lines
  are deleted (reason ``template_line``), its phrases are removed like the
  caller's, and its title slots let an unseen phrase be found on a new page.

Every removal repairs spacing and punctuation ("ally,Keyword who" becomes
"ally, who"; "Keyword-Headline" becomes "Headline") and is logged with reason
``spam_keyword``; the phrases removed are listed in the ``spam_keywords``
field. A phrase is only ever cut on word boundaries: an occurrence inside a
word ("Book" in "MacBook") is left alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from newsclean import regexlite as regex
from newsclean.document import Change, Document
from newsclean.lazyre import regex_compile
from newsclean.profile import SiteProfile, mask_digits, normalize_line
from newsclean.protocol import stage
from newsclean.stages._lines import Line, delete_line, split_lines
from newsclean.stages.injection import detect_injected
from newsclean.stages.injection_title import Slot, segments, title_spans
from newsclean.stages.injection_words import boundary, bounded, occurrences
from newsclean.stages.metadata import written_heading

__all__ = ["remove_spam_keywords"]

NAME = "remove_spam_keywords"
#: Most removal rounds on one document. A round sees the text the previous one
#: left, so a phrase injected so densely that its occurrences hide each other
#: ("HubHub-Hub") goes in later rounds, and cleaning the output again changes
#: nothing; each further round removes at least one occurrence, and clean
#: text stops after the first.
MAX_ROUNDS = 8

_OPENERS = frozenset("“\"'‘(«[")
_STRENGTH = {",": 1, ";": 2, ":": 2, ".": 3, "!": 3, "?": 3}
_CJK_MARKS = frozenset("，、。；：！？「」『』（）")
_CJK = regex_compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _line_at(text: str, pos: int) -> Line:
    """The :class:`Line` (as ``split_lines`` numbers it) holding offset ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    return Line(text.count("\n", 0, start), start, end, text[start:end])


# -- removal ---------------------------------------------------------------------------


def _removal(text: str, s: int, e: int, line: Line) -> tuple[int, int, str]:
    """The span to cut (and its replacement) so that removing ``text[s:e]`` leaves clean text."""
    prev = text[s - 1] if s > line.start else ""
    nxt = text[e] if e < line.end else ""
    if not prev and not nxt:
        return s, e, ""
    if not prev:  # line start
        j = e
        while j < line.end and text[j] in " \t":
            j += 1
        if j < line.end and text[j] in ",;:" and j + 1 <= line.end:
            j += 1
            while j < line.end and text[j] in " \t":
                j += 1
        return s, j, ""
    if prev in " \t":
        if not nxt:
            return s - 1, e, ""
        if nxt in " \t":
            return s, e + 1, ""
        if nxt in _STRENGTH:
            before = text[s - 2] if s - 2 >= line.start else ""
            if before in _STRENGTH:
                # "ally, Keyword, who": keep the stronger mark.
                if _STRENGTH[before] >= _STRENGTH[nxt]:
                    j = e + 1
                    while j < line.end and text[j] in " \t":
                        j += 1
                    return s, j, ""
                return s - 2, e, ""
            return s - 1, e, ""
        return s, e, ""
    # Glued on the left (punctuation or a word).
    if not nxt or nxt in " \t":
        return s, e, ""
    if nxt in _STRENGTH and prev in _STRENGTH:
        if _STRENGTH[prev] >= _STRENGTH[nxt]:
            return s, e + 1, ""
        return s - 1, e, ""
    if (nxt.isalnum() or nxt in _OPENERS) and prev not in _CJK_MARKS and not _CJK.match(nxt):
        return s, e, " "  # "Monday.Keyword The" → "Monday. The"; CJK text takes no space
    return s, e, ""


@lru_cache(maxsize=256)
def _list_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern matching any of ``phrases`` case-insensitively (white space may vary)."""
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = p.split()
        alts.append(r"[ \t]+".join(regex.escape(w) for w in words))
    return regex_compile("(?i:" + "|".join(alts) + ")", regex.V1)


class _Hit(NamedTuple):
    start: int
    end: int
    phrase: str
    cut: tuple[int, int] | None  # the title-slot cut (phrase and one separator), if any


def _crumb_glued(text: str, s: int) -> bool:
    """Is offset ``s`` inside the last crumb of a breadcrumb opening a title line ("Home > ContactKeyword")?"""
    line = _line_at(text, s)
    segs = segments(line.text)
    if len(segs) < 2 or segs[0].start == 0:
        return False
    first = segs[0]
    local = s - line.start
    return first.start < local < first.end and " " not in line.text[first.start : local]


def _whole(text: str, s: int, e: int) -> bool:
    """May ``text[s:e]`` be cut: on word boundaries, or glued to a breadcrumb in a title line?"""
    if bounded(text, s, e):
        return True
    return boundary(text, e) and _crumb_glued(text, s)


def _list_hits(text: str, phrases: Sequence[str]) -> tuple[list[_Hit], list[tuple[str, int]]]:
    """Case-insensitive occurrences of the listed phrases, and how many were refused (inside a word)."""
    cleaned: dict[str, str] = {}
    for p in phrases:
        norm = " ".join(p.split())
        if len(norm) >= 2 and any(ch.isalnum() for ch in norm):
            cleaned.setdefault(norm.lower(), norm)
    if not cleaned:
        return [], []
    pattern = _list_pattern(tuple(sorted(cleaned.values())))
    hits = []
    refused = []
    for m in pattern.finditer(text, overlapped=True):
        phrase = cleaned[" ".join(m.group().split()).lower()]
        if not _whole(text, m.start(), m.end()):
            refused.append((phrase, m.start()))
            continue
        hits.append(_Hit(m.start(), m.end(), phrase, None))
    return hits, refused


def _template_changes(doc: Document, lines: Sequence[Line], profile: SiteProfile) -> list[Change]:
    exact = frozenset(profile.template_lines)
    masked = frozenset(profile.template_patterns)
    if not exact and not masked:
        return []
    changes = []
    for line in lines:
        norm = normalize_line(line.text)
        if not norm:
            continue
        if norm in exact or (masked and any(ch.isdigit() for ch in norm) and mask_digits(norm) in masked):
            changes.append(delete_line(doc.text, line, "template_line"))
    return changes


def _hits(
    text: str, detected: Sequence[str], listed: Sequence[str]
) -> tuple[list[_Hit], list[tuple[str, int]]]:
    """Occurrences to remove of the ``detected`` and ``listed`` phrases, and those refused."""
    hits: list[_Hit] = []
    refused: list[tuple[str, int]] = []
    for phrase in detected:
        cuts = title_spans(text, phrase)
        hits.extend(_Hit(s, e, phrase, (cs, ce)) for s, e, cs, ce in cuts)
        in_title = {s for s, *_ in cuts}
        body = [s for s in occurrences(text, phrase) if s not in in_title]
        hits.extend(_Hit(s, s + len(phrase), phrase, None) for s in body)
        taken = in_title.union(body)
        i = text.find(phrase)
        while i >= 0:
            if i not in taken:
                refused.append((phrase, i))
            i = text.find(phrase, i + 1)
    if listed:
        found_hits, refused_listed = _list_hits(text, listed)
        refused.extend(refused_listed)
        for h in found_hits:
            cuts = [c for c in title_spans(text, text[h.start : h.end]) if c[0] == h.start]
            hits.append(h._replace(cut=(cuts[0][2], cuts[0][3])) if cuts else h)
    return hits, refused


def _cuts(
    text: str, hits: list[_Hit], blocked: Callable[[int, int], bool] = lambda a, b: False
) -> tuple[list[Change], dict[str, None]]:
    """The removals of ``hits`` (left to right, none overlapping), and the phrases removed."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    changes: list[Change] = []
    found: dict[str, None] = {}
    last_end = 0
    for h in hits:
        if h.start < last_end or blocked(h.start, h.end):
            continue
        line = _line_at(text, h.start)
        s, e, after = (*h.cut, "") if h.cut else _removal(text, h.start, h.end, line)
        if s < last_end or blocked(s, e):
            continue
        if s == line.start and e >= line.end and not after:
            change = delete_line(text, line, "spam_keyword")
        else:
            change = Change(s, e, after, "spam_keyword")
        changes.append(change)
        last_end = change.end
        found.setdefault(h.phrase, None)
    return changes, found


def _listed(doc: Document) -> list[str]:
    """The caller's phrases and those of the site profile."""
    listed = list(doc.options.spam_keywords)
    profile = doc.options.profile
    if isinstance(profile, SiteProfile):
        listed.extend(profile.phrases)
    return listed


@stage(NAME, requires=("language",), provides=("spam_keywords",))
def remove_spam_keywords(doc: Document) -> Document:
    """Remove injected phrases from the title lines and body, repairing the sentence.

    Phrases come from placement (title slot plus a spliced body occurrence),
    from ``doc.options.spam_keywords``, and from ``doc.options.profile``
    (which also removes the site's template lines). A title the page gave
    (``<title>``, read by the HTML stage) loses the same phrases, as a title
    line of the text would; the change is a ``field_repaired`` decision. Under
    a heading marked as written (an article's own rendering,
    :meth:`newsclean.Article.to_text`) no phrase is found by placement: the
    title there is the title as written, with no slot left to read.

    >>> from newsclean.document import Document
    >>> doc = Document.from_text(
    ...     "Zorblat Capital Hub-Rain floods the city\\nWater rose,Zorblat Capital Hub in the night."
    ... )
    >>> out = remove_spam_keywords(doc)
    >>> print(out.text)
    Rain floods the city
    Water rose, in the night.
    >>> out.get("spam_keywords")
    ('Zorblat Capital Hub',)
    """
    placement = not written_heading(doc.text)
    out, refused = _remove_once(doc, placement)
    for _ in range(MAX_ROUNDS - 1):
        if out.text == doc.text:
            break
        doc = out
        out, refused = _remove_once(doc, placement)
    return _refusals(_clean_title_field(out), refused)


def _clean_title_field(doc: Document) -> Document:
    """Remove the phrases removed from the text, and the listed ones, from a title the page gave."""
    title = doc.get("title")
    phrases = [*(doc.get("spam_keywords") or ()), *_listed(doc)]
    if not isinstance(title, str) or not title.strip() or not phrases:
        return doc
    text = title
    removed: dict[str, None] = {}
    for _ in range(MAX_ROUNDS):
        hits, _refused = _hits(text, (), phrases)
        changes, found = _cuts(text, hits)
        if not changes:
            break
        text = Document.from_text(text).with_edits(NAME, changes).text
        removed.update(found)
    after = " ".join(text.split()) or None
    if after == title:
        return doc
    previous = tuple(doc.get("spam_keywords") or ())
    out = doc.with_fields(title=after, spam_keywords=tuple(dict.fromkeys((*previous, *removed))))
    return out.with_decision(
        NAME, "field_repaired", field="title", before=title, after=after, phrases=list(removed)
    )


def _remove_once(doc: Document, placement: bool = True) -> tuple[Document, list[tuple[str, int]]]:
    """One removal round; return the document and the occurrences refused in its text."""
    text = doc.text
    if not text.strip():
        return doc, []
    profile = doc.options.profile if isinstance(doc.options.profile, SiteProfile) else None
    changes: list[Change] = []
    if profile is not None:
        changes = _template_changes(doc, split_lines(text), profile)
    # Deleted template lines, sorted and disjoint: a removal must not overlap them.
    blocked_starts = [c.start for c in changes]
    blocked_ends = [c.end for c in changes]

    def blocked(a: int, b: int) -> bool:
        i = bisect.bisect_right(blocked_starts, b - 1) - 1
        return i >= 0 and blocked_ends[i] > a

    language = doc.language
    slots = tuple(Slot(*slot) for slot in profile.title_slots) if profile is not None else ()
    detections = detect_injected(text, language=language, slots=slots) if placement else []
    hits, refused = _hits(text, list(dict.fromkeys(d.phrase for d in detections)), _listed(doc))
    if not hits and not changes:
        return doc, refused
    cuts, found = _cuts(text, hits, blocked)
    changes.extend(cuts)

    out = doc.with_edits(NAME, changes)
    if found:
        previous = tuple(doc.get("spam_keywords") or ())
        merged = tuple(dict.fromkeys((*previous, *found)))
        out = out.with_fields(spam_keywords=merged)
        placed = {d.phrase: d for d in detections}
        for phrase in found:
            d = placed.get(phrase)
            out = out.with_decision(
                NAME,
                "spam_phrase",
                phrase=phrase,
                source=d.evidence if d else "list",
                position=d.slot.position if d else None,
                separator=d.slot.separator if d else None,
                line=d.line if d else None,
            )
    return out, refused


def _refusals(doc: Document, refused: Sequence[tuple[str, int]]) -> Document:
    """Record each occurrence left in place because cutting it would split a word."""
    for phrase, offset in refused:
        doc = doc.with_decision(NAME, "spam_cut_refused", phrase=phrase, offset=offset, why="inside a word")
    return doc
