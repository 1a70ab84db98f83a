"""Class and id token vocabularies: which concept (nav, share, related…) an element names.

The vocabularies are data (``newsclean/data/html_tokens.json``), grouped by
concept with a note of their source. This module only splits attribute values
into tokens and looks them up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsclean import regexlite as regex
from newsclean.data import read_text

__all__ = [
    "Concept",
    "Vocabulary",
    "classify_tokens",
    "is_content_token",
    "split_tokens",
    "vocabulary",
    "vocabulary_data",
]

_CAMEL = regex.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = regex.compile(r"[-_:.]+")


@dataclass(frozen=True, slots=True)
class Concept:
    """One concept of the vocabulary: its name, the edit reason, and how it matches."""

    name: str
    reason: str
    whole_token: bool
    tokens: frozenset[str]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """All concepts in priority order, and the tokens that mark an article body."""

    concepts: tuple[Concept, ...]
    content: frozenset[str]
    modifiers: frozenset[str]
    taxonomy: tuple[tuple[str, ...], ...] = ()


@lru_cache(maxsize=1)
def vocabulary_data() -> dict[str, Any]:
    """Return the raw contents of ``data/html_tokens.json`` (read once)."""
    data: dict[str, Any] = json.loads(read_text("html_tokens.json"))
    return data


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load the token vocabularies (once).

    Raises:
        ValueError: If a concept has no tokens (an empty group would match nothing silently).
    """
    raw = vocabulary_data()
    concepts = []
    for c in raw["concepts"]:
        tokens = frozenset(t.lower() for t in c["tokens"])
        if not tokens:
            raise ValueError(f"html token concept {c['name']!r} is empty")
        concepts.append(Concept(c["name"], c["reason"], c["match"] == "token", tokens))
    return Vocabulary(
        tuple(concepts),
        frozenset(t.lower() for t in raw["content"]["tokens"]),
        frozenset(t.lower() for t in raw["modifiers"]["tokens"]),
        tuple(
            sorted({tuple(k.lower().split("-")) for k in raw["taxonomy"]["keys"]}, key=lambda k: (-len(k), k))
        ),
    )


#: A class value lists a post's taxonomy (``category-news tag-storms type-post``) when it holds
#: key-value tokens of at least this many different keys of the ``taxonomy`` group; those
#: tokens then name no concept. One key alone (``tag-cloud``, ``author-box``) is read as usual.
MIN_TAXONOMY_KEYS = 2


@dataclass(frozen=True, slots=True)
class _Index:
    """The vocabulary as lookups: which concept (its position) each token names, and the taxonomy keys."""

    parts: dict[str, int]  # a part or n-gram -> first concept matching parts that lists it
    whole: dict[str, int]  # a whole token -> first concept matching whole tokens that lists it
    keys: frozenset[tuple[str, ...]]
    key_lengths: tuple[int, ...]  # longest first


@lru_cache(maxsize=1)
def _index() -> _Index:
    vocab = vocabulary()
    parts: dict[str, int] = {}
    whole: dict[str, int] = {}
    for i, concept in enumerate(vocab.concepts):
        table = whole if concept.whole_token else parts
        for token in concept.tokens:
            table.setdefault(token, i)
    lengths = tuple(sorted({len(k) for k in vocab.taxonomy}, reverse=True))
    return _Index(parts, whole, frozenset(vocab.taxonomy), lengths)


def _taxonomy_key(parts: list[str], index: _Index) -> tuple[str, ...] | None:
    """The taxonomy key ``parts`` starts with, followed by a value (``['entry', 'author', 'jo']``).

    One key of each length can match; the longest wins ('entry-author' before 'author').
    """
    for n in index.key_lengths:
        if len(parts) > n:
            key = tuple(parts[:n])
            if key in index.keys:
                return key
    return None


def _taxonomy_tokens(tokens: list[list[str]], index: _Index) -> list[bool] | None:
    """For each token, whether it is a post's taxonomy token; None when there are none to drop.

    Taxonomy tokens are dropped only when they are of :data:`MIN_TAXONOMY_KEYS` keys or more.
    """
    found = [_taxonomy_key(t, index) for t in tokens]
    if len({k for k in found if k is not None}) < MIN_TAXONOMY_KEYS:
        return None
    return [k is not None for k in found]


def split_tokens(value: str) -> list[list[str]]:
    """Split a class/id value into tokens, each a list of lower-case parts.

    >>> split_tokens("shareBar related_posts-2")
    [['share', 'bar'], ['related', 'posts']]
    """
    out: list[list[str]] = []
    for token in value.split():
        token = token[:80]
        if not token.islower():  # (no upper-case letter: no camel-case boundary to mark)
            token = _CAMEL.sub("-", token).lower()
        # (the separators of _SEPARATORS made one and the token split there: the runs'
        # empty parts are dropped below, so this splits as the pattern does, a fifth of its cost)
        parts = [
            p
            for p in token.replace("_", "-").replace(":", "-").replace(".", "-").split("-")
            if p and not p.isdigit()
        ]
        if parts:
            out.append(parts)
    return out


@lru_cache(maxsize=1)
def _gram_heads() -> frozenset[str]:
    """The first parts of the vocabulary's tokens of two parts or more (``share`` of ``share-bar``).

    An n-gram of a value's parts can equal such a token only when its first part is one of these.
    """
    vocab = vocabulary()
    tokens = [*vocab.content, *(t for c in vocab.concepts if not c.whole_token for t in c.tokens)]
    return frozenset(t.split("-", 1)[0] for t in tokens if "-" in t)


def _grams(parts: list[str], heads: frozenset[str]) -> list[str]:
    """A token's parts, their join without separator, and its two- and three-part n-grams.

    Only the n-grams starting with one of ``heads`` (:func:`_gram_heads`) are written: no
    other can equal a vocabulary token. A list, which may name one form twice (only looked
    up, never counted).
    """
    n = len(parts)
    if n == 1:
        return parts  # (the part is its own joined form)
    grams = [*parts, "".join(parts)]
    for i in range(n - 1):
        if parts[i] in heads:
            two = f"{parts[i]}-{parts[i + 1]}"
            grams.append(two)
            if i + 2 < n:
                grams.append(f"{two}-{parts[i + 2]}")
    return grams


@lru_cache(maxsize=8192)
def _named(value: str) -> int:
    """What a class/id value names, from one split of the value: twice the position of the
    concept :func:`classify_tokens` returns (the number of concepts for none), plus one when
    it names an article body (:func:`is_content_token`).

    Both questions are asked of the same values (an element pruned by its class is then
    asked whether that class names the body), and a value is mostly new on each page: one
    split and one set of n-grams serve both. (An int, which the cyclic collector does not
    track, so that the cache adds nothing to what a full collection walks.)
    """
    vocab = vocabulary()
    index = _index()
    tokens = split_tokens(value)
    taxonomy = _taxonomy_tokens(tokens, index) if len(tokens) >= MIN_TAXONOMY_KEYS and index.keys else None
    # the first concept in priority order that any token names: the lowest concept position found
    first = len(vocab.concepts)
    whole, parts, content, modifiers = index.whole, index.parts, vocab.content, vocab.modifiers
    names_content = False
    heads = _gram_heads()
    for k, t in enumerate(tokens):
        grams = _grams(t, heads)
        if not names_content and not content.isdisjoint(grams):
            names_content = True
        if (taxonomy is not None and taxonomy[k]) or not modifiers.isdisjoint(t):
            continue
        i = whole.get("-".join(t), first)
        if i < first:
            first = i
        for gram in grams:
            i = parts.get(gram, first)
            if i < first:
                first = i
    return 2 * first + names_content


def classify_tokens(value: str) -> Concept | None:
    """Return the first concept a class/id value names, or None.

    >>> classify_tokens("entry-share-buttons").name
    'share'
    >>> classify_tokens("hidden-xs") is None
    True
    >>> classify_tokens("single-post has-sidebar") is None
    True
    >>> classify_tokens("post type-post category-advertising tag-comments") is None
    True
    """
    concepts = vocabulary().concepts
    first = _named(value) >> 1
    return concepts[first] if first < len(concepts) else None


def is_content_token(value: str) -> bool:
    """Say whether a class/id value names an article body (``entry-content``, ``story-body``…)."""
    return bool(_named(value) & 1)
