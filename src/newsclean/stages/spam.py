"""Remove injected SEO phrases: found from their placement, given by the caller, or learned per site.

Content farms copy a wire story and splice an unrelated phrase (a made-up
brand, a keyword) into it: glued to the front of the headline with a
separator (``Keyword-Real headline``) and into body sentences where it breaks
the text (``his ally,Keyword who``, ``said on Monday.Keyword The``). The stage
removes such phrases from three sources:

* **Placement, without any list.** A phrase is taken as injected only when it
  sits in the *title slot* (at the start of one of the first lines, or glued
  to a breadcrumb, and followed by a separator and more headline) **and** also
  occurs in the body where it breaks the sentence: glued to the punctuation or
  word before it, or spliced into a lower-case clause that reads correctly
  without it. Repetition alone is never evidence: names such as "Putin" or
  "North Korea" occur in title and body as ordinary noun phrases ("with North
  Korea"), and such occurrences veto the phrase.
* **The caller's list** (``clean(raw, spam_keywords=[...])``): matched
  case-insensitively on word boundaries anywhere.
* **A learned** :class:`~newsclean.profile.SiteProfile`: its template lines
  are deleted (reason ``template_line``), its phrases are removed like the
  caller's, and its title slots let an unseen phrase be found on a new page.

Every removal repairs spacing and punctuation ("ally,Keyword who" becomes
"ally, who"; "Keyword-Headline" becomes "Headline") and is logged with reason
``spam_keyword``; the phrases removed are listed in the ``spam_keywords`` field.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from newsclean.document import Change, Document
from newsclean.pipeline import stage
from newsclean.profile import SiteProfile, mask_digits, normalize_line
from newsclean.stages._lines import Line, delete_line, split_lines

__all__ = ["Detection", "detect_injected", "remove_spam_keywords", "top_lines"]

NAME = "remove_spam_keywords"

#: How many non-empty lines at the top may hold the title slot.
TOP_LINES = 8
#: Longer lines are body paragraphs, not title lines.
MAX_TITLE_LINE = 400
#: Only separators this early in a title line open a title slot.
MAX_SLOT_OFFSET = 250
#: Separators examined per title line, and words per candidate phrase.
MAX_SEPARATORS = 6
MAX_PHRASE_WORDS = 8
#: A word rarer than this Zipf frequency in wordfreq (about once in ten
#: million words) counts as made up; names of people and places a news story
#: repeats ("Berlin" 4.4, "Merkel" 3.4, "Sochi" 3.0) are far more frequent.
RARE_ZIPF = 2.0
# Languages whose wordfreq lists are also consulted (space-delimited, no extra tokenizer).
_SPACED_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "nl"})

# A title-slot separator: a dash, bar or colon (also full-width), spaced or
# glued, followed by the start of a headline (a word, a quote or a bracket).
_HEAD = r"(?=[\p{L}\p{N}\"“‘'«\[(])"
_SLOT_SEP = regex.compile(r"[ \t]*[-–—|:：][ \t]*" + _HEAD)
# The same, searched inside a title line (the phrase before it must end in a
# letter, digit or closing mark).
_SEP_IN_LINE = regex.compile(r"(?<=[\p{L}\p{N}.)’'])[ \t]*[-–—|:：][ \t]*" + _HEAD)
# For a learned slot, which needs no body evidence, a hyphen glued on both
# sides must not be followed by a lower-case letter: "Keyword-Headline" is a
# slot, "Hau-yip" and "Coca-cola" are words.
_STRICT_GLUED_HYPHEN = regex.compile(r"-[^\p{Ll}]")
# Lower-case letter directly followed by an upper-case one ("ContactKeyword").
_GLUE = regex.compile(r"\p{Ll}(?=\p{Lu})")
# A title-case run for a learned slot: capitalised words and connectors.
_RUN = regex.compile(
    r"[\p{Lu}][\p{L}\p{N}'’.&]*(?:[ \t]+(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.&]*|of|and|for|the|de|la|du|des|der|von|&))*"
)
# The word before a position (with any punctuation stuck to it).
_PREV_WORD = regex.compile(r"(\S+)[ \t]+$")
_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)")
_TOKENS = regex.compile(r"[\p{L}\p{N}]+")

# Punctuation a phrase may be glued to (no space) when it was spliced in.
_GLUE_PUNCT = frozenset(",;:.!?)]”’")
_OPENERS = frozenset("“\"'‘(«[")
_SENTENCE_END = frozenset(".!?")
_STRENGTH = {",": 1, ";": 2, ":": 2, ".": 3, "!": 3, "?": 3}


class Detection(NamedTuple):
    """A phrase found in a title slot, with where it sat.

    Attributes:
        phrase: The injected phrase as written.
        line: Index of the title line (in ``split_lines`` numbering).
        prefix: The text before the phrase on that line (a breadcrumb, or empty).
        separator: The separator after the phrase, as written (e.g. ``-``).
    """

    phrase: str
    line: int
    prefix: str
    separator: str


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
    from wordfreq import zipf_frequency

    english = zipf_frequency(word, "en")
    if language not in _SPACED_LANGUAGES:
        # English only: wordfreq needs extra tokenizers (MeCab, jieba) for
        # some languages, and made-up brands are written in Latin letters.
        return english < RARE_ZIPF
    try:
        return english < RARE_ZIPF and zipf_frequency(word, language) < RARE_ZIPF
    except (LookupError, ImportError):
        return english < RARE_ZIPF


def _has_unknown_word(phrase: str, language: str) -> bool:
    return any(
        len(w) >= 4 and not w.isdigit() and _unknown_word(w.lower(), language)
        for w in _TOKENS.findall(phrase)
    )


# -- candidates -----------------------------------------------------------------


def _head_lines(text: str) -> list[Line]:
    """The lines that may hold the title slot, reading only the head of ``text``.

    These are the first :data:`TOP_LINES` non-empty lines (as ``split_lines``
    numbers them) that are at most :data:`MAX_TITLE_LINE` characters long.
    Lines are cut with ``str.find`` until those are found, so the long tail
    of the document is never split into :class:`Line` records.
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


def _line_at(text: str, pos: int) -> Line:
    """The :class:`Line` (as ``split_lines`` numbers it) holding offset ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    return Line(text.count("\n", 0, start), start, end, text[start:end])


def top_lines(text: str) -> list[str]:
    """Return the lines of ``text`` that may hold the title slot."""
    return [line.text for line in _head_lines(text)]


def _phrase_starts(left: str) -> list[int]:
    """Offsets in ``left`` where a capitalised phrase ending at its end may start.

    Walks back word by word over capitalised words and connectors; a glue
    point ("ContactKeyword") or a non-word character ends the walk.
    """
    connectors = _vocab().connectors
    starts: list[int] = []
    end = len(left)
    words = 0
    while end > 0 and words < MAX_PHRASE_WORDS:
        space = max(left.rfind(" ", 0, end), left.rfind("\t", 0, end))
        word_start = space + 1
        word = left[word_start:end]
        if not word:
            break
        # A glue point or a non-word character inside the word cuts it.
        cut = word_start
        for m in _GLUE.finditer(word):
            cut = word_start + m.end()
        bad = [i for i, ch in enumerate(left[cut:end]) if not (ch.isalnum() or ch in "'’.&-")]
        if bad:
            cut = cut + bad[-1] + 1
        piece = left[cut:end]
        if not piece:
            break
        if piece[0].isupper():
            starts.append(cut)
        elif piece.lower() not in connectors or cut != word_start:
            break
        words += 1
        if cut != word_start:
            break
        end = space
        if end < 0 or (end > 0 and left[end - 1] in " \t"):
            break
    return starts


_BREADCRUMB_ENDS = frozenset(">»/|:：›→")


def _slot_boundary(left: str, k: int) -> bool:
    """May a title slot start at ``left[k]``: the line start, a glue point, or after a breadcrumb?"""
    before = left[:k].rstrip()
    if not before:
        return True
    if k == len(before) and before[-1].islower():
        return True  # "ContactKeyword"
    return before[-1] in _BREADCRUMB_ENDS


class _Slot(NamedTuple):
    phrase: str
    line: Line
    start: int  # offset of the phrase in the text
    sep: str


def _slot_candidates(text: str, top: Sequence[Line]) -> list[_Slot]:
    """Phrases directly before a title-slot separator in the top lines, longest first."""
    out: list[_Slot] = []
    for line in top:
        head = line.text[:MAX_SLOT_OFFSET]
        for n, sep in enumerate(_SEP_IN_LINE.finditer(head)):
            if n >= MAX_SEPARATORS:
                break
            left = line.text[: sep.start()]
            for k in _phrase_starts(left):
                if not _slot_boundary(left, k):
                    continue
                phrase = left[k:]
                if len(phrase) >= 3 and phrase[0].isupper() and not phrase.endswith(("'", "’", "-")):
                    out.append(_Slot(phrase, line, line.start + k, sep.group()))
    out.sort(key=lambda c: -len(c.phrase))
    return out


# -- occurrences and evidence ------------------------------------------------------


def _bounded(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a whole phrase (not part of a longer word)?"""
    if s > 0:
        before = text[s - 1]
        if (before.isalnum() and not (before.islower() and text[s].isupper())) or before == "-":
            return False
    if e < len(text):
        after = text[e]
        if after.isalnum() and not (after.isupper() and text[e - 1].islower()):
            return False
    return True


def _occurrences(text: str, phrase: str) -> list[int]:
    out = []
    i = text.find(phrase)
    while i >= 0:
        if _bounded(text, i, i + len(phrase)):
            out.append(i)
        i = text.find(phrase, i + 1)
    return out


def _classify(text: str, s: int, e: int, *, top: bool = False) -> str:
    """Say how a body occurrence sits: strong, mid, spliced, legit or neutral.

    * ``strong``: glued to the punctuation or lower-case word before it
      ("ally,Keyword", "Monday.Keyword", "wordKeyword").
    * ``mid``: spliced between two lower-case words of a clause, where the
      clause reads correctly once it is removed (the word before does not
      open a noun phrase, the word after does not continue a subject).
    * ``spliced``: between two lower-case words, but where a name could also
      stand ("with Keyword in", "said Keyword would").
    * ``legit``: part of a longer capitalised name, quoted, in a compound
      ("Keyword-led") or a possessive.
    """
    vocab = _vocab()
    n = len(text)
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < n else "\n"
    if nxt == "-" and e + 1 < n and text[e + 1].isalnum():
        return "legit"
    if nxt in "’'" and e + 1 < n and text[e + 1] in "sS" and (e + 2 >= n or not text[e + 2].isalnum()):
        return "legit"
    if prev.isalpha():
        # Glued to a word; in the title lines that is a breadcrumb, not a splice.
        return "neutral" if top else "strong"
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
    if word[-1] in _GLUE_PUNCT or word[-1] in ",;:":
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
    if before in vocab.modals and after in vocab.after_modals:
        return "mid"  # "will Keyword be"
    if before in vocab.openers and before not in vocab.determiners and after in vocab.determiners:
        return "mid"  # "review of Keyword the evidence"
    if before in vocab.openers or after in vocab.followers:
        return "spliced"
    return "mid"


def _long_words(phrase: str) -> list[str]:
    return [w.lower() for w in _TOKENS.findall(phrase) if len(w) >= 4 and not w.isdigit()]


def _foreign(text: str, phrase: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Do most of the phrase's words occur nowhere else in the text?

    Words are compared on their first five letters, so "Korean" counts as an
    occurrence of "Korea".
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


def detect_injected(
    text: str,
    *,
    language: str | None = None,
    slots: Iterable[tuple[str, str]] = (),
) -> list[Detection]:
    """Find phrases injected into the title slot and confirmed by their body placement.

    Args:
        text: The working text (one block per line).
        language: Language code, for the made-up-word test (English if None).
        slots: Learned ``(prefix, separator)`` title slots of the site; a
            phrase found in one needs no body evidence, only to be foreign
            to the rest of the text.

    Returns:
        One :class:`Detection` per title-slot occurrence of each accepted
        phrase, in line order.

    >>> text = "Zorblat Capital Hub-Rain floods the city\\nWater rose,Zorblat Capital Hub in the night."
    >>> [d.phrase for d in detect_injected(text)]
    ['Zorblat Capital Hub']
    """
    lang = language or "en"
    top = _head_lines(text)
    if not top:
        return []
    top_spans = [(line.start, line.end) for line in top]
    accepted: dict[str, bool] = {}
    judged: dict[str, bool] = {}

    def judge(phrase: str, learned_slot: bool) -> bool:
        key = phrase if not learned_slot else "\0" + phrase
        if key in judged:
            return judged[key]
        counts = {"strong": 0, "mid": 0, "spliced": 0, "legit": 0, "neutral": 0}
        spans = []
        for s in _occurrences(text, phrase):
            e = s + len(phrase)
            spans.append((s, e))
            in_top = any(a <= s < b for a, b in top_spans)
            if in_top and _SLOT_SEP.match(text, e):
                continue
            counts[_classify(text, s, e, top=in_top)] += 1
        multi = len(phrase.split()) >= 2
        ok = False
        if learned_slot:
            # No body evidence needed, but a name used as one ("with North
            # Korea") vetoes unless the phrase holds a made-up word.
            unknown = _has_unknown_word(phrase, lang)
            ok = (
                counts["legit"] == 0
                and (multi or unknown)
                and (counts["spliced"] == 0 or unknown)
                and _foreign(text, phrase, spans)
            )
        elif counts["strong"]:
            # Glued into a sentence: enough, unless the phrase is also used as a name.
            unknown = _has_unknown_word(phrase, lang)
            ok = (counts["legit"] == 0 and (multi or unknown)) or (
                unknown and counts["strong"] >= counts["legit"]
            )
        elif counts["mid"] or counts["spliced"]:
            # Spliced between lower-case words: only a made-up phrase, never a real name.
            ok = counts["legit"] == 0 and (counts["mid"] > 0 or multi) and _has_unknown_word(phrase, lang)
        judged[key] = ok
        return ok

    for cand in _slot_candidates(text, top):
        if cand.phrase in accepted:
            continue
        if any(cand.phrase in p for p in accepted):
            continue
        if judge(cand.phrase, False):
            accepted[cand.phrase] = True
    slot_list = list(slots)
    if slot_list:
        for line in top:
            if line.text.rstrip().endswith((".", "。")):
                continue  # a sentence, not a title line
            for prefix, sep in slot_list:
                if not line.text.startswith(prefix):
                    continue
                m = _RUN.match(line.text, len(prefix))
                if not m:
                    continue
                phrase = m.group().rstrip()
                end = len(prefix) + len(phrase)
                if not line.text.startswith(sep, end) or not _SLOT_SEP.match(line.text, end):
                    continue
                if sep == "-" and not _STRICT_GLUED_HYPHEN.match(line.text, end):
                    continue
                if phrase in accepted or any(phrase in p for p in accepted):
                    continue
                if judge(phrase, True):
                    accepted[phrase] = True
    if not accepted:
        return []
    found: list[Detection] = []
    for line in top:
        for phrase in accepted:
            for s in _occurrences(line.text, phrase):
                m = _SLOT_SEP.match(line.text, s + len(phrase))
                if m:
                    found.append(Detection(phrase, line.index, line.text[:s], m.group()))
    if not found:  # accepted through a slot in a line the scan above skipped
        found = [Detection(p, -1, "", "") for p in accepted]
    found.sort(key=lambda d: d.line)
    return found


# -- removal ---------------------------------------------------------------------------


def _removal(text: str, s: int, e: int, line: Line, top: bool) -> tuple[int, int, str]:
    """The span to cut (and its replacement) so that removing ``text[s:e]`` leaves clean text."""
    if top:
        m = _SLOT_SEP.match(text, e)
        if m and (s == line.start or not text[s - 1].isspace() or m.group().strip() in "-–—|"):
            return s, m.end(), ""
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
    if nxt.isalnum() or nxt in _OPENERS:
        return s, e, " "
    return s, e, ""


@lru_cache(maxsize=256)
def _list_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern matching any of ``phrases`` case-insensitively on word boundaries.

    A lower-to-upper case change counts as a boundary ("ContactKeyword").
    """
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = p.split()
        alts.append(r"[ \t]+".join(regex.escape(w) for w in words))
    body = "|".join(alts)
    return regex.compile(
        r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))(?i:"
        + body
        + r")(?:(?![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))",
        regex.V1,
    )


class _Hit(NamedTuple):
    start: int
    end: int
    phrase: str


def _list_hits(text: str, phrases: Sequence[str]) -> list[_Hit]:
    cleaned: dict[str, str] = {}
    for p in phrases:
        norm = " ".join(p.split())
        if len(norm) >= 2 and any(ch.isalnum() for ch in norm):
            cleaned.setdefault(norm.lower(), norm)
    if not cleaned:
        return []
    pattern = _list_pattern(tuple(sorted(cleaned.values())))
    return [
        _Hit(m.start(), m.end(), cleaned[" ".join(m.group().split()).lower()]) for m in pattern.finditer(text)
    ]


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


@stage(NAME, provides=("spam_keywords",))
def remove_spam_keywords(doc: Document) -> Document:
    """Remove injected phrases from the title lines and body, repairing the sentence.

    Phrases come from placement (title slot plus a spliced body occurrence),
    from ``doc.options.spam_keywords``, and from ``doc.options.profile``
    (which also removes the site's template lines).

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
    text = doc.text
    if not text.strip():
        return doc
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

    language = doc.get("language") or doc.options.language
    slots = profile.title_slots if profile is not None else ()
    detections = detect_injected(text, language=language, slots=slots)

    hits: list[_Hit] = []
    for phrase in dict.fromkeys(d.phrase for d in detections):
        hits.extend(_Hit(s, s + len(phrase), phrase) for s in _occurrences(text, phrase))
    listed = list(doc.options.spam_keywords)
    if profile is not None:
        listed.extend(profile.phrases)
    if listed:
        hits.extend(_list_hits(text, listed))
    if not hits and not changes:
        return doc

    top = {line.index for line in _head_lines(text)}
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    found: dict[str, None] = {}
    last_end = 0
    for h in hits:
        if h.start < last_end or blocked(h.start, h.end):
            continue
        line = _line_at(text, h.start)
        s, e, after = _removal(text, h.start, h.end, line, line.index in top)
        if s < last_end or blocked(s, e):
            continue
        if s == line.start and e >= line.end and not after:
            change = delete_line(text, line, "spam_keyword")
        else:
            change = Change(s, e, after, "spam_keyword")
        changes.append(change)
        last_end = change.end
        found.setdefault(h.phrase, None)

    out = doc.with_edits(NAME, changes)
    if found:
        previous = tuple(doc.get("spam_keywords") or ())
        merged = tuple(dict.fromkeys((*previous, *found)))
        out = out.with_fields(spam_keywords=merged)
    return out
