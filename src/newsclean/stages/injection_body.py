"""Body evidence: how the occurrences of a candidate phrase sit in the text.

A name is repeated in a story; an injected phrase is spliced in where it
breaks the sentence: glued to the punctuation before it, or as a capitalised
run between two lower-case words of a clause that reads correctly without it.
:func:`classify` says how one occurrence sits, :class:`Judge` weighs them all
for a phrase (with whether its words are made up and foreign to the page), and
:func:`stands_alone` spots a site's own name standing on a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.lazyre import regex_compile
from newsclean.stages.injection_words import CJK, TOKENS, has_unknown_word, occurrences, vocabulary

__all__ = ["Judge", "classify", "foreign", "stands_alone"]

# Runs are tried from their first character (or where the search starts, ``\G``) and
# taken whole: tried from every character of a long run, both were quadratic in its length.
_PREV_WORD = regex_compile(r"(?:\G|(?<!\S))(\S++)[ \t]++$")
_NEXT_WORD = regex_compile(r"(?:\G|(?<![ \t]))[ \t]++([\p{L}\p{N}][\p{L}\p{N}'’-]*+)")

# Punctuation a phrase may be glued to (no space) when it was spliced in.
_GLUE_PUNCT = frozenset(",;:.!?)]”’，、。；：！？")
_OPENERS = frozenset("“\"'‘(«[")


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
    vocab = vocabulary()
    n = len(text)
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < n else "\n"
    if nxt == "-" and e + 1 < n and text[e + 1].isalnum():
        return "legit"
    if (
        CJK.match(text[s])
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


#: How many characters on either side of a title-slot occurrence make another occurrence with
#: the same characters beside it a copy of the title line (a headline repeated in a list of
#: latest stories, "Speaker：quote" printed again above the story) rather than a splice.
COPY_CONTEXT = 6
#: Fewer characters than this beside the slot (the line starts or ends there) say nothing.
MIN_COPY_CONTEXT = 2


def _slot_contexts(text: str, spans: Sequence[tuple[int, int]]) -> set[tuple[str, str]]:
    """The characters just before and after each title-slot occurrence, on its own line."""
    out = set()
    for a, b in spans:
        start = max(text.rfind("\n", 0, a) + 1, a - COPY_CONTEXT)
        nl = text.find("\n", b)
        end = min(len(text) if nl < 0 else nl, b + COPY_CONTEXT)
        left, right = text[start:a], text[b:end]
        out.add(
            (left if len(left) >= MIN_COPY_CONTEXT else "", right if len(right) >= MIN_COPY_CONTEXT else "")
        )
    return out


def _title_copy(text: str, s: int, e: int, contexts: set[tuple[str, str]]) -> bool:
    """Is the occurrence at ``s:e`` printed with the same characters beside it as in the title slot?"""
    return any(
        (left and text.startswith(left, s - len(left))) or (right and text.startswith(right, e))
        for left, right in contexts
    )


def _long_words(phrase: str) -> list[str]:
    return [w.lower() for w in TOKENS.findall(phrase) if len(w) >= 4 and not w.isdigit()]


def foreign(text: str, phrase: str, spans: Sequence[tuple[int, int]]) -> bool:
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
    stems = {t.lower()[:5] for t in TOKENS.findall(" ".join(pieces)) if len(t) >= 4}
    absent = sum(1 for w in words if w[:5] not in stems)
    return absent * 2 > len(words)


class Judge:
    """Weighs the occurrences of candidate phrases in one text (memoised per phrase)."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.slot_spans: set[tuple[int, int]] = set()
        self.memo: dict[tuple[str, bool], bool] = {}

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
        contexts = _slot_contexts(text, spans) if spans else set()
        for s in occurrences(text, phrase):
            e = s + len(phrase)
            if (s, e) in self.slot_spans:
                continue
            spans.append((s, e))
            kind = classify(text, s, e)
            if kind in ("strong", "mid", "spliced") and _title_copy(text, s, e, contexts):
                # A copy of the title line (the phrase with the slot's own neighbours) is no
                # splice into the story, however its separator is glued: it is no evidence.
                # (It still counts where it sits as a name: a menu or a list of the site's
                # own headlines.)
                continue
            counts[kind] += 1
        multi = len(phrase.split()) >= 2
        if not learned and not (counts["strong"] or counts["mid"] or counts["spliced"]):
            return False  # no body evidence: wordfreq is not even loaded
        # Whether the phrase holds a made-up word is asked only where the answer
        # matters (it may load a word list): ``unknown()`` stands for that test below.
        language = self.language

        def unknown() -> bool:
            return has_unknown_word(phrase, language)

        if learned:
            # No body evidence needed for a made-up phrase; a phrase of real
            # words ("HS Roundup", "Live Updates" in a learned colon slot) is
            # a kicker of the headline unless the body confirms it at least
            # once. A name used as one ("with New Zealand") vetoes unless
            # the phrase holds a made-up word.
            confirmed = counts["strong"] + counts["mid"] + counts["spliced"] > 0
            if counts["legit"] or not foreign(text, phrase, spans):
                return False
            if not (multi and confirmed and counts["spliced"] == 0):
                return unknown()
            return True
        strong, legit = counts["strong"], counts["legit"]
        weak = counts["mid"] + counts["spliced"]
        if counts["neutral"] and counts["neutral"] >= strong + weak:
            # Mostly used where nothing is broken (menus, bylines, footers):
            # the site's own name, not a phrase spliced into its story.
            return False
        if strong:
            # Glued into a sentence: enough, unless the phrase is also used as a name.
            if legit == 0 and multi:
                return True
            return (legit == 0 or strong > legit) and unknown()
        if legit or not weak:
            return False
        # Between lower-case words where a name could also stand: only a
        # made-up phrase, or a run of words spliced twice where none fits.
        return (multi and counts["mid"] >= 2) or unknown()


def stands_alone(text: str, phrase: str) -> bool:
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
