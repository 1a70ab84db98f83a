"""Small text helpers shared by the spinner-family modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.document import Document

__all__ = ["SHORT_TEXT", "english", "lower", "match_case", "token_set"]

#: Characters of text read at a time when its distinct tokens are collected: the
#: list of every token of a 10 MB text would take about ten times its size.
TOKEN_CHUNK = 1 << 18


def lower(text: str) -> str:
    """Lower-case ``text`` keeping every offset (a few characters grow when lowered).

    >>> lower("ÉTÉ İ")[:3]
    'été'
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered


def token_set(text: str, findall: Callable[[str], list[str]] | None = None) -> set[str]:
    """The distinct tokens of ``text``: ``findall(text)`` (default ``str.split``) as a set.

    The text is read a chunk at a time (cut at white space, which no token
    holds), so the full list of tokens is never built.

    >>> sorted(token_set("a b a\\nc"))
    ['a', 'b', 'c']
    """
    split = findall if findall is not None else str.split
    out: set[str] = set()
    n = len(text)
    i = 0
    while i < n:
        j = i + TOKEN_CHUNK
        if j < n:
            k = text.find(" ", j)
            m = text.find("\n", j, k if k != -1 else n)
            j = m if m != -1 else (k if k != -1 else n)
        out.update(split(text[i:j]))
        i = j
    return out


def match_case(template: str, word: str) -> str:
    """Give ``word`` the case pattern of ``template`` (upper, capitalised or as is).

    >>> match_case("Budobtain", "budget"), match_case("AFTER", "again")
    ('Budget', 'AGAIN')
    """
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


#: Texts shorter than this that the language detector cannot place count as
#: English: too short to tell, and the spinner stages' doctests and one-line
#: inputs are English. Longer undetected texts are left alone.
SHORT_TEXT = 200


def english(doc: Document) -> str | None:
    """Return ``"en"`` (the wordfreq code) when ``doc`` is English, else None.

    The ``language`` field or the caller's option decides; without one,
    :func:`newsclean.stages.language.detect` does. Other languages are left
    alone (Indonesian, for one, doubles words grammatically: "biasa biasa").
    """
    lang = doc.language
    if lang is None:
        from newsclean.stages.language import detect

        lang = detect(doc.text)
        if lang is None:
            return "en" if len(doc.text) < SHORT_TEXT else None
    return "en" if str(lang).lower().split("-")[0] == "en" else None
