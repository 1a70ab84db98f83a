"""Words and word boundaries for finding injected phrases.

The pieces :mod:`newsclean.stages.injection_title` and
:mod:`newsclean.stages.injection_body` share: where a phrase may be cut (a
word boundary, with CJK text handled apart), where it occurs whole, whether a
word is made up (rare in wordfreq), and the function-word groups of
``data/spam.json`` that tell a broken clause from a name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newsclean.data import DataError, read_json
from newsclean.lazyre import regex_compile

__all__ = [
    "CJK",
    "MINCJK_NAME",
    "RARE_ZIPF",
    "TOKENS",
    "Vocabulary",
    "boundary",
    "bounded",
    "has_unknown_word",
    "occurrences",
    "script",
    "vocabulary",
]

#: A CJK phrase this long (a made-up name; most CJK words have one to three
#: characters) may touch CJK text on one side and still count as a whole phrase.
MINCJK_NAME = 4
#: A word rarer than this Zipf frequency in wordfreq (about once in ten
#: million words) counts as made up; names of people and places a news story
#: repeats ("Berlin" 4.4, "Merkel" 3.4, "Tbilisi" 2.8) are far more frequent.
RARE_ZIPF = 2.0
# Languages whose wordfreq lists are also consulted (space-delimited, no extra tokenizer).
_SPACED_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "nl"})

#: One CJK character (Han, kana or Hangul).
CJK = regex_compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
#: A run of letters and digits: a word.
TOKENS = regex_compile(r"[\p{L}\p{N}]+")


class Vocabulary(NamedTuple):
    """The function-word groups of ``data/spam.json``, all languages merged."""

    openers: frozenset[str]
    followers: frozenset[str]
    connectors: frozenset[str]
    determiners: frozenset[str]
    modals: frozenset[str]
    after_modals: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load the word groups once.

    Raises:
        DataError: If ``spam.json`` lacks a group or a group is empty.
    """
    groups = ("noun_phrase_openers", "subject_followers", "phrase_connectors", "determiners", "modals")
    raw = read_json("spam.json", keys=groups)

    def merged(group: dict[str, object]) -> frozenset[str]:
        words = {w for k, v in group.items() if not k.startswith("_") and isinstance(v, list) for w in v}
        if not words:
            raise DataError("data file 'spam.json': an empty word group")
        return frozenset(words)

    modals = raw["modals"]
    return Vocabulary(
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
    if CJK.search(word):
        # wordfreq needs extra tokenizers (jieba, MeCab) for CJK; a CJK run is
        # one "word" here and cannot be looked up: it counts as unknown.
        return True
    from newsclean.lexicon import rarer_than, zipf  # packaged lists first, then wordfreq

    english = zipf(word, "en") or 0.0
    if language not in _SPACED_LANGUAGES or english >= RARE_ZIPF:
        return english < RARE_ZIPF
    # unknown (wordfreq has no list or tokenizer for it) counts as rare
    return rarer_than(word, RARE_ZIPF, language)


def has_unknown_word(phrase: str, language: str) -> bool:
    """Does ``phrase`` hold a word of four or more letters that is rare in ``language`` (made up)?"""
    return any(
        len(w) >= 4 and not w.isdigit() and _unknown_word(w.lower(), language) for w in TOKENS.findall(phrase)
    )


def script(ch: str) -> str:
    """The word class of a character: ``"cjk"``, ``"word"`` or ``""`` (not a word character)."""
    if not ch.isalnum():
        return ""
    return "cjk" if CJK.match(ch) else "word"


def boundary(text: str, i: int) -> bool:
    """Is there a word boundary at offset ``i`` of ``text`` (see :func:`bounded`)?"""
    if i <= 0 or i >= len(text):
        return True
    kind = script(text[i - 1])
    return not kind or kind != script(text[i])


def bounded(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a whole phrase, cut on word boundaries at both ends?

    A boundary lies between two characters unless both are letters or digits
    of the same kind (two Latin letters, two CJK characters): "Book" in
    "MacBook" is not bounded, "Keyword" in "据Keyword报道" is.

    CJK text has no spaces, so a junction between two CJK characters says
    nothing either way. A CJK phrase of at least :data:`MINCJK_NAME`
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
    return (left or right) and e - s >= MINCJK_NAME and all(CJK.match(ch) for ch in text[s:e])


def occurrences(text: str, phrase: str) -> list[int]:
    """Offsets of ``phrase`` in ``text`` on word boundaries."""
    out = []
    i = text.find(phrase)
    while i >= 0:
        if bounded(text, i, i + len(phrase)):
            out.append(i)
        i = text.find(phrase, i + 1)
    return out
