"""Vocabularies of boilerplate removal: what share bars, menus and footers say.

``data/boilerplate.json`` lists, per concept (share, subscribe, cookie,
navigation…) and language, the entries that make up a whole line (``line``),
open one (``prefix``) or may sit anywhere in it (``contains``). They are read
once per set of languages into character tries (whole lines and openings) and
one alternation (anywhere); :func:`_vocab_reason` names the concept a line's
text matches. The shape of the line (widgets, breadcrumbs, teasers) is judged in
:mod:`newsclean.stages.boilerplate_features`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from newsclean.data import alternation, read_json
from newsclean.lazyre import re_compile, regex_compile
from newsclean.stages.language import STOPWORDS

if TYPE_CHECKING:
    from newsclean.stages.boilerplate_features import _Feat

_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")

_EDGE = regex_compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")
# The trailing blank run is tried from its first character only and taken whole: tried
# from every blank of a long run, the pattern was quadratic in its length.
_COUNT_AFFIX = regex_compile(r"^\(?\d[\d,.]*+[kKmM]?\)?\s++|(?<!\s)\s++\(?\d[\d,.]*+[kKmM]?\)?$")
#: the ASCII characters of ``_EDGE``: white space, punctuation and symbols
_ASCII_EDGE = " \t\n\v\f\r" + string.punctuation
#: the characters of ``_EDGE`` among the plain ones: all but the format characters
#: (soft hyphen, zero-width and direction marks); tests check this against ``_EDGE``
_PLAIN_EDGE = _ASCII_EDGE + "".join(
    "".join(map(chr, range(a, b + 1)))
    for a, b in (
        (0xA0, 0xA9),
        (0xAB, 0xAC),
        (0xAE, 0xB1),
        (0xB4, 0xB4),
        (0xB6, 0xB8),
        (0xBB, 0xBB),
        (0xBF, 0xBF),
        (0xD7, 0xD7),
        (0xF7, 0xF7),
        (0x2000, 0x200A),
        (0x2010, 0x2029),
        (0x202F, 0x205F),
        (0x20A0, 0x20C0),
        (0x2190, 0x21FF),
        (0x25A0, 0x25FF),
    )
)


# -- vocabularies ---------------------------------------------------------------
def _data() -> dict[str, Any]:
    return read_json("boilerplate.json", keys=("groups", "function_words"))


#: separators allowed between and after the entries of a line made only of vocabulary
#: (``[\\s|·•,/:»›>-]``; white space is tested with ``str.isspace``)
_SEP_CHARS = frozenset("|·•,/:»›>-")

#: A vocabulary as the set of its entries' prefixes: each prefix maps to whether an entry
#: ends there. It answers what a character trie answers (a prefix is present exactly where
#: the trie has a node) but is one flat dictionary of strings, which the cyclic garbage
#: collector does not track: as nested dictionaries, the vocabularies of a few languages
#: were some 58,000 tracked objects, walked by every full collection of a process.
_Trie = dict[str, bool]


def _trie(entries: Sequence[str]) -> _Trie:
    """The prefixes of ``entries`` (empty entries ignored), each mapped to whether an entry ends there.

    >>> _trie(["ab", "a"])
    {'a': True, 'ab': True}
    """
    # every proper prefix first, then the entries (an entry that is another's prefix ends there)
    prefixes: _Trie = dict.fromkeys([entry[:i] for entry in entries for i in range(1, len(entry))], False)
    prefixes.update(dict.fromkeys(filter(None, entries), True))
    return prefixes


def _entry_ends(text: str, start: int, trie: _Trie) -> list[int]:
    """The end offsets of every entry of ``trie`` that ``text`` holds at ``start``, shortest first."""
    ends: list[int] = []
    get = trie.get
    for end in range(start + 1, len(text) + 1):
        found = get(text[start:end])
        if found is None:
            break
        if found:
            ends.append(end)
    return ends


def _is_sep(ch: str) -> bool:
    return ch in _SEP_CHARS or ch.isspace()


def _only_entries(text: str, trie: _Trie) -> bool:
    """True if ``text`` is made only of entries, each followed by any run of separators.

    Every way of cutting the text into entries is tried (a table of the offsets
    that such a cut can reach), so the answer does not depend on which entry
    is tried first. Only the offsets reached are visited, in increasing order:
    the next one is found by ``bytearray.find`` in C, not by a Python step per
    character (most lines reach two or three offsets of their eighty).
    """
    n = len(text)
    if not n:
        return False
    reach = bytearray(n + 1)
    reach[0] = 1
    i = 0
    while 0 <= i < n:
        for end in _entry_ends(text, i, trie):
            if reach[end]:
                continue
            reach[end] = 1
            k = end
            while k < n and _is_sep(text[k]):
                k += 1
                reach[k] = 1
        i = reach.find(1, i + 1)
    return reach[n] == 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Vocabularies for one language (plus English), as character tries.

    ``line`` entries are whole lines (or runs of them joined by separators),
    ``prefix`` entries open a line, ``contains`` entries may sit anywhere (one
    alternation, longest entry first where several fit). ``reasons`` maps every
    entry of each mode to the concept it names.
    """

    line: _Trie
    prefix: _Trie
    contains: re.Pattern[str]
    reasons: dict[str, dict[str, str]]
    stops: frozenset[str]
    line_heads: frozenset[str]  # how 'line' entries start (see _heads)
    prefix_heads: frozenset[str]
    line_tails: frozenset[str]  # how 'line' entries end (see _tails)
    #: features of short unit texts already judged with these vocabularies, by text (see ``_features``)
    memo: dict[str, _Feat]
    #: features of the last few long unit texts (see ``_features``)
    long_memo: dict[str, _Feat]
    #: the texts of ``memo`` looked up again since it was last emptied (see ``_make_room``)
    reused: set[str] = field(default_factory=set)

    def line_entry(self, text: str) -> str | None:
        """The entry that opens ``text`` if the whole text is made of ``line`` entries.

        The entry is the longest one followed by a separator or the end of the
        text, or else the longest one glued to what follows.
        """
        tails = self.line_tails
        # No entry ends the text, nor a separator after one: it is not made of entries (most
        # lines whose opening is an entry's are not, and this spares them the walks).
        if (
            text
            and text[-3:] not in tails
            and text[-2:] not in tails
            and text[-1:] not in tails
            and not _is_sep(text[-1])
        ):
            return None
        ends = _entry_ends(text, 0, self.line)
        if not ends:
            return None  # no entry opens it
        n = len(text)
        if ends[-1] == n:
            return text  # one whole entry: the longest that opens it, and it ends the text
        if not _only_entries(text, self.line):
            return None
        for end in reversed(ends):
            if _is_sep(text[end]):
                return text[:end]
        return text[: ends[-1]]

    def prefix_entry(self, text: str) -> str | None:
        """The longest ``prefix`` entry that opens ``text`` and ends on a word edge."""
        n = len(text)
        for end in reversed(_entry_ends(text, 0, self.prefix)):
            if end == n or not _is_word_char(text[end - 1]) or not _is_word_char(text[end]):
                return text[:end]
        return None


def _heads(entries: Sequence[str]) -> frozenset[str]:
    """The first three characters of each entry, and the entries shorter than that.

    A text can start with an entry only if ``_starts_with_head`` is true for
    it: a set lookup that spares most lines the trie walk.
    """
    return frozenset(entry[:3] for entry in entries)


def _tails(entries: Sequence[str]) -> frozenset[str]:
    """The last three characters of each entry, and the entries shorter than that.

    A text ends with an entry only if its last three, two or one characters are
    among them; a text made only of entries and separators ends with an entry or
    a separator (``_Vocab.line_entry`` answers the others at once).

    >>> sorted(_tails(["share", "x"]))
    ['are', 'x']
    """
    return frozenset(entry[-3:] for entry in entries if entry)


def _starts_with_head(text: str, heads: frozenset[str]) -> bool:
    return text[:3] in heads or text[:2] in heads or text[:1] in heads


#: Vocabulary concepts removed from text that is already the story (HTML input).
_CONSERVATIVE = frozenset(
    {
        "share",
        "subscribe",
        "newsletter",
        "cookie",
        "advertisement",
        "login",
        "list_header",
        "read_more",
        "caption",
        "pagination",
        "comments",
        "copyright",
        "navigation",
        "author_box",
    }
)

#: Concepts whose entries also match long lines (consent banners are long prose).
_UNLIMITED = frozenset({"cookie"})


def _vocab(language: str | None) -> _Vocab:
    """The vocabularies for ``language``: its own entries and function words, plus English."""
    langs = ("en", language) if language in _LANGS and language != "en" else ("en",) if language else _LANGS
    return _vocab_for(langs, _stops(language))


@lru_cache(maxsize=64)
def _stops(language: str | None) -> frozenset[str]:
    """The function words of ``language`` (none for a language without a list).

    Built once per language: built on each call (two analyses a capture, and the
    other stages' ``line_concept``), the set and the hash of the cache key of
    :func:`_vocab_for` cost 3-9 µs a call; a set's hash is kept with it once made.
    """
    if language not in STOPWORDS:
        return frozenset()
    return STOPWORDS[language] | frozenset(_data()["function_words"].get(language, ()))


@lru_cache(maxsize=16)
def _vocab_for(langs: tuple[str, ...], stops: frozenset[str]) -> _Vocab:
    # keyed by the word lists it reads: languages without their own entries share one
    t = _tables(langs)
    return _Vocab(
        line=t.line,
        prefix=t.prefix,
        contains=t.contains,
        reasons=t.reasons,
        stops=stops,
        line_heads=t.line_heads,
        prefix_heads=t.prefix_heads,
        line_tails=t.line_tails,
        memo={},
        long_memo={},
    )


class _Tables(NamedTuple):
    """The entries of a set of languages as :class:`_Vocab` holds them (see there)."""

    line: _Trie
    prefix: _Trie
    contains: re.Pattern[str]
    reasons: dict[str, dict[str, str]]
    line_heads: frozenset[str]
    prefix_heads: frozenset[str]
    line_tails: frozenset[str]


@lru_cache(maxsize=16)
def _tables(langs: tuple[str, ...]) -> _Tables:
    """The entries of ``langs``, built once per set of languages whatever their function words.

    The languages with function words of their own but no entries (most) read the
    English entries alone: built again for each of them, the tries cost about 3 ms on
    the first capture of each such language.
    """
    data = _data()
    reasons: dict[str, dict[str, str]] = {"line": {}, "prefix": {}, "contains": {}}
    for group in data["groups"].values():
        for mode, table in reasons.items():
            for lang in langs:
                for entry in group.get(mode, {}).get(lang, []):
                    table.setdefault(entry.lower(), group["reason"])  # the first concept listing it wins
    lines, prefixes = list(reasons["line"]), list(reasons["prefix"])
    return _Tables(
        line=_trie(lines),
        prefix=_trie(prefixes),
        # the text is lower-cased before matching
        contains=re_compile(alternation(reasons["contains"])),
        reasons=reasons,
        line_heads=_heads(lines),
        prefix_heads=_heads(prefixes),
        line_tails=_tails(lines),
    )


def _strip_edges(text: str) -> str:
    """``_EDGE.sub("", text)``: white space, punctuation and symbols off both ends."""
    if text and text[0].isalnum() and text[-1].isalnum():
        return text
    text = text.strip(_ASCII_EDGE)
    if not text or ((text[0].isascii() or text[0].isalnum()) and (text[-1].isascii() or text[-1].isalnum())):
        return text  # what is left at both ends is no ASCII edge character and no other one
    stripped: str = _EDGE.sub("", text)
    return stripped


def _vocab_reason(body: str, vocab: _Vocab, words: int, plain: bool) -> str | None:
    """Return the concept reason of a vocabulary hit on ``body`` (a line without its bullet), or None."""
    norm = body
    first, last = norm[:1], norm[-1:]
    if first == "(" or first.isdigit() or last in ")kKmM" or last.isdigit():
        norm = _COUNT_AFFIX.sub("", norm)
    if norm.startswith(("©", "(")):
        norm = norm.lower()
        bare = _strip_edges(norm)
    elif plain:  # the edge characters of plain text are these, in any case
        norm = norm.lower()
        # (on ASCII text, the ASCII ones: a strip reads its whole set of characters first,
        # 0.33 us a plain AEB line against 0.21)
        norm = bare = norm.strip(_ASCII_EDGE) if norm.isascii() else norm.strip(_PLAIN_EDGE)
    else:
        # lower-casing maps letters to letters: the stripped edges stay stripped
        norm = bare = _strip_edges(norm).lower()
    if not bare:
        return None
    heads = vocab.line_heads  # _starts_with_head, inlined
    if words <= 12 and (bare[:3] in heads or bare[:2] in heads or bare[:1] in heads):
        entry = vocab.line_entry(bare)
        if entry is not None:
            return vocab.reasons["line"].get(entry)
    heads = vocab.prefix_heads
    entry = vocab.prefix_entry(norm) if norm[:3] in heads or norm[:2] in heads or norm[:1] in heads else None
    if entry is not None:
        reason = vocab.reasons["prefix"].get(entry)
        if reason and (words <= 30 or reason in _UNLIMITED):
            return reason
    if words <= 60:
        # every match is an entry with a reason, so the first match decides
        m = vocab.contains.search(norm)
        return vocab.reasons["contains"].get(m.group(0)) if m else None
    if "cookie" in norm:  # a long line: only the concepts of _UNLIMITED count
        for m in vocab.contains.finditer(norm):
            reason = vocab.reasons["contains"].get(m.group(0))
            if reason and reason in _UNLIMITED:
                return reason
    return None


def line_concept(line: str, language: str | None) -> str | None:
    """Return the furniture concept of ``line`` in the vocabularies of ``language``, or None.

    The same matching the boilerplate features use, for one stripped line of
    plain text: a whole-line, prefix or contained entry of ``data/boilerplate.json``.

    >>> line_concept("This website uses cookies to improve your experience.", "en")
    'cookie'
    >>> line_concept("The council approved the plan on Monday.", "en") is None
    True
    """
    body = line.strip()
    if not body:
        return None
    return _vocab_reason(body, _vocab(language), len(body.split()), True)
