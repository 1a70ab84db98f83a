"""The data files the stages read, and the one way to read them.

Every vocabulary, table and fitted model a stage uses lives in this folder as
JSON or TSV, with a note on where it comes from: a JSON file has an ``about``
(or ``_about``) entry, a TSV file opens with ``#`` comment lines. The readers
below check that shape once, cache the result, and raise :class:`DataError`
naming the file when a file is missing or malformed (a broken install, or an
edit gone wrong), rather than letting a stage fail later on a missing key.

>>> stop = read_json("stopwords.json", keys=("stopwords",))["stopwords"]
>>> "the" in stop["en"]
True
>>> import re
>>> re.search(alternation(["read more", "read", "more"]), "please read more").group(0)
'read more'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from newsclean.errors import NewscleanError

__all__ = ["DataError", "alternation", "read_json", "read_tsv"]


class DataError(NewscleanError, ValueError):
    """A shipped data file is missing or does not have the expected shape."""


def _read_text(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise DataError(f"data file {name!r} is missing from the installation") from exc


@lru_cache(maxsize=32)
def _json(name: str) -> dict[str, Any]:
    try:
        data = json.loads(_read_text(name))
    except json.JSONDecodeError as exc:
        raise DataError(f"data file {name!r} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"data file {name!r} must hold a JSON object, not {type(data).__name__}")
    if not any(key in data for key in ("about", "_about", "source")):
        raise DataError(f"data file {name!r} has no 'about' entry saying where its data comes from")
    return data


def read_json(name: str, *, keys: Sequence[str] = ()) -> dict[str, Any]:
    """Return the JSON object of data file ``name`` (read once, then cached).

    Args:
        name: File name inside ``newsclean/data``.
        keys: Entries the caller needs; a file lacking one is an error.

    Returns:
        The parsed object. Treat it as read-only: it is shared by every caller.

    Raises:
        DataError: If the file is missing, is not a JSON object, has no
            ``about`` note, or lacks one of ``keys``.
    """
    data = _json(name)
    missing = [k for k in keys if k not in data]
    if missing:
        raise DataError(f"data file {name!r} lacks {', '.join(map(repr, missing))}")
    return data


@lru_cache(maxsize=32)
def _tsv(name: str) -> tuple[tuple[str, ...], ...]:
    text = _read_text(name)
    if not text.startswith("#"):
        raise DataError(f"data file {name!r} must open with '#' lines saying where its data comes from")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_tsv(name: str, *, columns: int | None = None, min_columns: int = 1) -> tuple[tuple[str, ...], ...]:
    """Return the rows of TSV data file ``name``: blank and ``#`` lines skipped, cells stripped.

    Args:
        name: File name inside ``newsclean/data``.
        columns: If given, every row must have exactly this many cells.
        min_columns: Every row must have at least this many cells.

    Raises:
        DataError: If the file is missing, has no opening comment, or a row
            has the wrong number of cells (the message gives the row).
    """
    rows = _tsv(name)
    for row in rows:
        if (columns is not None and len(row) != columns) or len(row) < min_columns:
            want = f"{columns}" if columns is not None else f"at least {min_columns}"
            raise DataError(f"data file {name!r}: row {row!r} has {len(row)} cells, expected {want}")
    return rows


def alternation(words: Iterable[str], *, space: str | None = None) -> str:
    """A regular-expression alternation of ``words``; where several match at one place, the longest.

    The entries are laid out as a character trie (``read(?:\\ more)?|more``), so
    the engine tests each character once for all entries sharing a prefix, which
    is several times faster than a flat list on long text; the longest entry is
    tried first, as in a flat alternation sorted longest first. The pattern is
    the same on every run and suits both ``re`` and ``regex``.

    Args:
        words: The entries (empty strings are ignored).
        space: What a space inside an entry becomes (for example ``r"\\s+"``
            to match any run of white space); by default an escaped space.

    Raises:
        ValueError: If no entry is left.
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        raise ValueError("cannot build a pattern from an empty vocabulary group")
    return _trie_pattern(trie, space)


def _trie_pattern(node: dict[str, Any], space: str | None) -> str:
    alts = [
        (space if ch == " " and space is not None else regex.escape(ch)) + _trie_pattern(sub, space)
        for ch, sub in sorted(node.items())
        if ch
    ]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # an entry ends here: the longer ones are tried first
        return f"(?:{body})?"
    return body
