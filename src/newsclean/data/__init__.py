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
import os
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from types import CodeType
from typing import Any

from newsclean import regexlite as regex
from newsclean.errors import NewscleanError

__all__ = [
    "DataError",
    "alternation",
    "char_trie",
    "foreign_chars",
    "packaged_patterns",
    "parse_tsv",
    "read_bytes",
    "read_json",
    "read_text",
    "read_tsv",
]


class DataError(NewscleanError, ValueError):
    """A shipped data file is missing or does not have the expected shape."""


#: The folder of the data files when the package is installed as files (the usual case).
_HERE = os.path.dirname(os.path.abspath(__file__))


def read_bytes(name: str) -> bytes:
    """Return the bytes of the shipped data file ``name`` (not cached).

    The file is opened from the package folder; only a package imported from
    a zip archive goes through :mod:`importlib.resources` (whose import costs
    more than all of newsclean's own start-up).

    Raises:
        DataError: If the file is missing from the installation.
    """
    path = os.path.join(_HERE, name)
    try:
        if os.path.isdir(_HERE):
            with open(path, "rb") as handle:
                return handle.read()
        from importlib import resources

        return resources.files(__name__).joinpath(name).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise DataError(f"data file {name!r} is missing from the installation") from exc


def read_text(name: str) -> str:
    """Return the UTF-8 text of the shipped data file ``name`` (not cached).

    >>> read_text("stopwords.json").startswith("{")
    True

    Raises:
        DataError: If the file is missing from the installation.
    """
    return read_bytes(name).decode("utf-8")


_read_text = read_text


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
    return parse_tsv(text)


def parse_tsv(text: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of TSV ``text``: blank and ``#`` lines skipped, cells stripped.

    :func:`read_tsv` reads the packaged files this way; a stage that also
    takes a table of the caller's (a file path) parses it with this.

    >>> parse_tsv("# note\\nspun\\toriginal \\n\\nonly\\n")
    (('spun', 'original'), ('only',))
    """
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


def alternation(words: Iterable[str], *, space: str | None = None, ignorecase: bool = False) -> str:
    """A regular-expression alternation of ``words``; where several match at one place, the longest.

    The entries are laid out as a character trie (``read(?:\\ more)?|more``), so
    the engine tests each character once for all entries sharing a prefix, which
    is several times faster than a flat list on long text; the longest entry is
    tried first, as in a flat alternation sorted longest first. The pattern is
    the same on every run and suits both ``re`` and ``regex``.

    The trie tries the longest entry first because at each branch point at most
    one branch can match the next character. Under case-insensitive matching two
    branches may both match one character (``ς`` and ``σ`` both match ``Σ``;
    ``i`` and ``ı`` both match ``I``); with ``ignorecase=True`` such a branch point
    is written as a flat alternation of the rest of its entries, longest first,
    so the pattern still matches exactly what the flat alternation does.

    Writing the trie out costs a few microseconds per entry, and a first capture
    needs the alternations of a few thousand vocabulary entries: those of the
    packaged vocabularies are read, already written, from the packaged patterns
    file (:func:`packaged_patterns`), when the code that writes them is the code
    that wrote the file.

    Args:
        words: The entries (empty strings are ignored).
        space: What a space inside an entry becomes (for example ``r"\\s+"``
            to match any run of white space); by default an escaped space.
        ignorecase: Set when the pattern is compiled with ``IGNORECASE``.

    Raises:
        ValueError: If no entry is left.

    >>> alternation(["mar", "march", "may"])
    'ma(?:r(?:ch)?|y)'
    >>> alternation(["ας", "ασα"], ignorecase=True)
    'α(?:σα|ς)'
    """
    entries = tuple(sorted({word for word in words if word}))
    if not entries:
        raise ValueError("cannot build a pattern from an empty vocabulary group")
    key = (entries, space, bool(ignorecase))
    written = _written_alternation(key)
    if written is not None:
        return written
    return write_alternation(key)


#: An alternation's key: its entries (sorted, unique, none empty), ``space`` and ``ignorecase``.
AlternationKey = tuple[tuple[str, ...], str | None, bool]


def write_alternation(key: AlternationKey) -> str:
    """The alternation of ``key``, written out from its trie (what :func:`alternation` gives)."""
    entries, space, ignorecase = key
    return _trie_pattern(char_trie(entries), space, ignorecase)


def _written_alternation(key: AlternationKey) -> str | None:
    """The packaged alternation of ``key``, or None when the file holds none for this code."""
    return _packaged_alternations().get(key)


#: The packaged patterns file: compiled forms of patterns and written alternations
#: (built by ``python -m benchmarks.regex_forms``; see :func:`packaged_patterns`).
PATTERNS_FILE = regex.FORMS_FILE
#: The packaged patterns file, read once (:func:`newsclean.regexlite.packaged_patterns`).
packaged_patterns = regex.packaged_patterns


@lru_cache(maxsize=1)
def _packaged_alternations() -> dict[AlternationKey, str]:
    data = packaged_patterns()
    written = data.get("alternations")
    if not isinstance(written, dict) or data.get("alternation_code") != alternation_code():
        return {}
    return written


def alternation_code() -> int:
    """A checksum of what writes an alternation: the code of the functions that write it, and
    what they depend on (the Python and Unicode versions; ``regex.escape`` is
    :func:`newsclean.regexlite.escape`, whose code is summed too).

    Only the code is summed, not where it lies (file names and line numbers are
    left out), so an installed copy matches the tree that built the file; an
    edit to how an alternation is written gives another checksum, and the
    packaged alternations are then not used.
    """
    crc = zlib.crc32(repr((sys.version_info[:2], unicodedata.unidata_version)).encode())
    for function in _WRITERS:
        crc = _code_crc(function.__code__, crc)
    return crc


def _code_crc(code: CodeType, crc: int) -> int:
    crc = zlib.crc32(code.co_code, crc)
    crc = zlib.crc32(repr((code.co_names, code.co_varnames, code.co_freevars)).encode(), crc)
    for const in code.co_consts:
        if isinstance(const, CodeType):
            crc = _code_crc(const, crc)
        else:
            crc = zlib.crc32(
                repr(sorted(map(repr, const)) if isinstance(const, frozenset) else const).encode(), crc
            )
    return crc


@lru_cache(maxsize=1)
def _ascii_case() -> regex.Pattern[str]:
    """Matches a character one of whose case forms is ASCII (``ı`` does: it matches ``I``).

    Compiled on first need: compiling goes through :mod:`newsclean.lazyre`, which imports this module.
    """
    return regex.compile(r"[\x00-\x7f]", regex.IGNORECASE)


def foreign_chars(entry: str) -> str:
    """The characters of ``entry`` that match no ASCII character when case is ignored.

    An entry with none can match in an ASCII text; an entry with some matches
    only in a text holding a character that matches one of them. A pattern
    used on a text with none of them may leave the entry out: it would match
    nowhere in that text.

    >>> foreign_chars("read more"), foreign_chars("mayıs"), foreign_chars("märz")
    ('', '', 'ä')
    """
    if entry.isascii():
        return ""
    return str(_ascii_case().sub("", entry))  # one character at a time: the class matches no longer text


def char_trie(words: Iterable[str]) -> dict[str, Any]:
    """A character trie of ``words``: nested dicts keyed by character; the key ``""`` ends an entry.

    :func:`alternation` writes it out as a pattern; a stage may also walk it
    directly (no text character is the empty string).

    >>> char_trie(["ab", "a"])
    {'a': {'b': {'': {}}, '': {}}}
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


@lru_cache(maxsize=4096)
def _case_variants(ch: str) -> frozenset[str]:
    """``ch`` with every one-character form that case mapping reaches from it (``ı`` -> ``I`` -> ``i``)."""
    seen = {ch}
    todo = [ch]
    while todo:
        c = todo.pop()
        for other in (c.lower(), c.upper(), c.casefold()):
            if len(other) == 1 and other not in seen:
                seen.add(other)
                todo.append(other)
    return frozenset(seen)


def _confusable(chars: Iterable[str]) -> bool:
    """Could one input character match two of ``chars`` when case is ignored?"""
    seen: set[str] = set()
    for ch in chars:
        variants = _case_variants(ch)
        if not seen.isdisjoint(variants):
            return True
        seen |= variants
    return False


def _escape(text: str, space: str | None) -> str:
    return "".join(space if ch == " " and space is not None else _escape_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _escape_char(ch: str) -> str:
    """``regex.escape`` of one character (a vocabulary's patterns escape the same few letters thousands of times)."""
    return str(regex.escape(ch))


def _suffixes(node: dict[str, Any], prefix: str = "") -> Iterator[str]:
    for ch, sub in node.items():
        if ch:
            yield from _suffixes(sub, prefix + ch)
        elif prefix:
            yield prefix


def _trie_pattern(node: dict[str, Any], space: str | None, ignorecase: bool) -> str:
    run: list[str] = []  # a chain of nodes with one character each and no entry ending: written as is
    while len(node) == 1:
        ch = next(iter(node))
        if not ch:
            return "".join(run)
        run.append(space if ch == " " and space is not None else _escape_char(ch))
        node = node[ch]
    if run:
        return "".join(run) + _trie_pattern(node, space, ignorecase)
    chars = [ch for ch in node if ch]
    if ignorecase and len(chars) > 1 and _confusable(chars):
        rest = sorted(_suffixes(node), key=lambda w: (-len(w), w))
        alts = [_escape(w, space) for w in rest]
    else:
        alts = [_escape(ch, space) + _trie_pattern(node[ch], space, ignorecase) for ch in sorted(chars)]
    if not alts:
        return ""
    if "" in node:  # an entry ends here: the longer ones are tried first
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


#: The functions whose code writes an alternation (summed by :func:`alternation_code`).
_WRITERS: tuple[Callable[..., Any], ...] = (
    write_alternation,
    char_trie,
    _case_variants.__wrapped__,
    _confusable,
    _escape,
    _escape_char.__wrapped__,
    regex.escape,
    _suffixes,
    _trie_pattern,
)
