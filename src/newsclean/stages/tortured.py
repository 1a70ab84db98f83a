"""Tortured phrases: find them cheaply, in one pass, and only build what a text needs.

A tortured phrase is a paraphrasing tool's rendering of a set phrase ("as
pursues" for "as follows", "profound learning" for "deep learning"). The list
is Cabanac, Labbé & Magazinov's Problematic Paper Screener export
(``data/tortured.tsv``; its header gives source, licence and derivation).
``repair_spinner`` reports them as a warning and replaces them with the exact
canonical phrase when ``Options.repair_tortured`` is set.

Cost model. Almost no capture holds a tortured phrase, so nothing large is
built up front:

1. **Index** (once per process, a dictionary): phrase -> row, and each
   phrase's *key run*, its longest run of word characters not found in the
   phrase it replaced ("profound" in "profound learning"). The key index is
   packaged (``data/tortured_keys.tsv``, built by ``python -m
   benchmarks.tortured_keys``) with the CRC-32 and size of the table it was built
   from: computing it costs about 50 ms, reading it a few. When the table
   changed since, it is computed as before. A row is read only when its
   phrase matches, from the table lines starting with it (:func:`_row`).
2. **Prefilter** (linear): the set of runs of the text, intersected with the
   key runs; a phrase is a candidate only when all its runs occur. A match
   needs every run of the phrase in the text, so the prefilter misses
   nothing.
3. **Scan** (linear, only with candidates): one pattern built from the
   candidate phrases alone (cached by candidate set), run once over the text.
   It finds the same matches as one pattern of the whole list would: a
   phrase that matches is always a candidate.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from newsclean.data import alternation, read_bytes, read_text, read_tsv
from newsclean.lazyre import re_compile
from newsclean.lexicon import file_digest
from newsclean.stages._text import lower, token_set

__all__ = ["TorturedPhrase", "find_tortured", "load_tortured", "text_runs"]


@dataclass(frozen=True, slots=True)
class TorturedPhrase:
    """One row of the tortured-phrase table.

    Attributes:
        tortured: The tortured phrase (matched case-insensitively, whole words).
        canonical: The exact phrase it replaced, or "" when the source gives
            only a description (then it is reported, never repaired).
        requires: Phrases of which one must also occur in the document (the
            source's ``AND`` terms), or empty.
        excludes: Phrases whose presence cancels the match (``NOT`` terms).
        expected: The source's free-text expected phrase, for reports.
    """

    tortured: str
    canonical: str
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    expected: str


@lru_cache(maxsize=1)
def _table_text() -> str:
    return read_text("tortured.tsv")


def _phrase_row(row: tuple[str, ...]) -> TorturedPhrase:
    """The :class:`TorturedPhrase` of one table row (its cells, stripped)."""
    tortured, canonical, requires, excludes, expected = (*row, "", "", "")[:5]
    return TorturedPhrase(
        tortured,
        canonical,
        tuple(p for p in requires.split("|") if p),
        tuple(p for p in excludes.split("|") if p),
        expected or canonical,
    )


@lru_cache(maxsize=1)
def load_tortured() -> tuple[TorturedPhrase, ...]:
    """Read the packaged tortured-phrase table (``data/tortured.tsv``)."""
    return tuple(_phrase_row(row) for row in read_tsv("tortured.tsv", min_columns=2))


@lru_cache(maxsize=1)
def _index() -> dict[str, TorturedPhrase]:
    """Map each multi-word phrase, lower case and single-spaced, to its row (first row wins)."""
    index: dict[str, TorturedPhrase] = {}
    for row in load_tortured():
        if len(row.tortured.split()) > 1:
            index.setdefault(" ".join(row.tortured.lower().split()), row)
    return index


#: White space that neither ends a line (:meth:`str.splitlines`) nor a cell (tab):
#: what may surround and separate the words of a phrase in its table cell
#: (checked against :meth:`str.isspace` in the tests).
_CELL_SPACE = frozenset("\x1f \xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
#: The characters :meth:`str.splitlines` ends a line at.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_END = re_compile(f"[{_LINE_BREAKS}]")


@lru_cache(maxsize=1)
def _table_lowered() -> str | None:
    """The table's text in lower case, or None when lowering changes its length."""
    text = _table_text()
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


@lru_cache(maxsize=1024)
def _row(phrase: str) -> TorturedPhrase | None:
    """Return ``_index().get(phrase)``, reading only the table lines whose first cell is the phrase.

    Nearly every capture that holds a candidate phrase holds no tortured
    phrase, and one that does needs the rows of its matches only: parsing the
    whole table into :func:`_index` cost the first such capture about 22 ms
    and left 7,400 rows for the garbage collector to walk. The first line
    whose first cell, lowered and with its white space collapsed, is the
    phrase gives the row, as the first row wins in :func:`_index`.
    """
    lowered = _table_lowered()
    if lowered is None:
        return _index().get(phrase)
    words = phrase.split(" ")
    if len(words) < 2 or phrase.startswith("#") or phrase != " ".join(phrase.split()):
        return None  # no key of the index: one word, a comment line, or not single-spaced
    space = "[" + "".join(sorted(_CELL_SPACE)) + "]"
    first_cell = re.compile(f"{space}+".join(map(re.escape, words)) + f"{space}*\t")
    for m in first_cell.finditer(lowered):
        start = m.start()
        while start > 0 and lowered[start - 1] in _CELL_SPACE:
            start -= 1
        if start > 0 and lowered[start - 1] not in _LINE_BREAKS:
            continue  # the phrase ends a longer cell, or a later one
        text = _table_text()
        brk = _LINE_END.search(text, m.end())
        line = text[start : brk.start() if brk is not None else len(text)]
        return _phrase_row(tuple(cell.strip() for cell in line.split("\t")))
    return None


_WORD_RUN = re_compile(r"[\w\-]+")


#: The key index file, and the first line it starts with (the digest of the table follows).
KEYS_FILE = "tortured_keys.tsv"
KEYS_DIGEST = "# crc32 and size of tortured.tsv: "


#: The line that lists the index's keys, in order, each after a tab.
KEYS_LIST = "# keys:"
_KEYS_LIST_BYTES = KEYS_LIST.encode()


def table_digest(text: str | bytes) -> str:
    """The CRC-32 and length of the tortured-phrase table's UTF-8 text, as the key index records it.

    A check that the index was built from this table, not a security measure: a
    checksum (``zlib``, loaded with the word list anyway) costs a fresh process
    nothing to import, where ``hashlib`` cost about 11 ms of its first call.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    return f"{zlib.crc32(data):08x}-{len(data)}"


def render_keys(keys: Mapping[str, _KeyEntries], digest: str) -> str:
    """Write the key index as the packaged file holds it: ``key<TAB>phrase<TAB>runs`` lines.

    A comment line lists the keys first (:data:`KEYS_LIST`): a process reads them
    from it in one split instead of finding each key line in the whole text.
    """
    lines = [
        f"{KEYS_DIGEST}{digest}",
        "# Key index of data/tortured.tsv (same source and licence), built by",
        "# python -m benchmarks.tortured_keys. Line: key<TAB>phrase<TAB>the phrase's runs, space-separated.",
        KEYS_LIST + "".join(f"\t{key}" for key in sorted(keys)),
    ]
    for key in sorted(keys):
        lines += [f"{key}\t{phrase}\t{' '.join(sorted(runs))}" for runs, phrase in keys[key]]
    return "\n".join(lines) + "\n"


#: A key's entries: the runs of each phrase, sorted, and the phrase. The runs are a
#: tuple: the garbage collector stops tracking a tuple of strings, where it walks
#: every frozenset at each full collection (the parsed keys stay for the process).
_KeyEntries = tuple[tuple[tuple[str, ...], str], ...]


#: A key at the start of a line of the key index (comment lines start with "#"; no key does).
_KEY_AT_LINE_START = re_compile(r"^(?!#)([^\t\n]*)\t", re.MULTILINE)


class _KeyIndex(Mapping[str, _KeyEntries]):
    """The packaged key index, each key's lines found and parsed when the key is first looked up.

    A capture looks up the few keys its text holds; parsing all of the index's
    thousands of lines into sets cost a process's first capture about 30 ms,
    and splitting them into per-key lists another 4 ms and 3,300 lists for the
    collector to walk. The keys are read from the line that lists them (or,
    in an index without it, in one pass of a pattern over the key lines, about
    2.5 ms); a key's lines, which :func:`render_keys` writes together and in key
    order, are found by bisection over the text when the key is looked up.
    """

    def __init__(self, body: str | bytes, start: int = 0) -> None:
        # Kept as the file's bytes (UTF-8 orders keys as their text does): decoding the
        # whole index was a second copy of it, only for the few keys a capture looks up.
        self._body = raw = body.encode("utf-8") if isinstance(body, str) else body
        listed: list[str] | None = None
        while raw.startswith(b"#", start):  # the comment lines come first, the list of keys among them
            end = raw.find(b"\n", start)
            end = end if end >= 0 else len(raw)
            if raw.startswith(_KEYS_LIST_BYTES, start):
                listed = (
                    raw[start + len(_KEYS_LIST_BYTES) + 1 : end].decode("utf-8").split("\t")
                    if end > start + len(_KEYS_LIST_BYTES)
                    else []
                )
            start = end + 1
        self._start = min(start, len(raw))
        if listed is None:
            listed = _KEY_AT_LINE_START.findall(raw[self._start :].decode("utf-8"))
        self._keys = dict.fromkeys(listed)
        #: the entries of every key read so far (the same whichever thread writes them first)
        self.parsed: dict[str, _KeyEntries] = {}

    def _first_line(self, key: bytes) -> int:
        """The offset of the first line whose key is not below ``key`` (lines sorted by key)."""
        body = self._body
        lo, hi = self._start, len(body)  # both always at the start of a line
        while lo < hi:
            mid = (lo + hi) // 2
            start = body.rfind(b"\n", lo, mid) + 1 or lo
            tab = body.find(b"\t", start)
            if body[start:tab] < key:
                lo = body.find(b"\n", tab) + 1 or len(body)
            else:
                hi = start
        return lo

    def __getitem__(self, key: str) -> _KeyEntries:
        entries = self.parsed.get(key)
        if entries is None:
            if key not in self._keys:
                raise KeyError(key)
            body, raw_key = self._body, key.encode("utf-8")
            head = raw_key + b"\t"
            rows = []
            at = self._first_line(raw_key)
            while body.startswith(head, at):
                end = body.find(b"\n", at)
                end = end if end >= 0 else len(body)
                rows.append(body[at + len(head) : end].decode("utf-8").partition("\t"))
                at = end + 1
            entries = tuple((tuple(runs.split(" ")) if runs else (), phrase) for phrase, _, runs in rows)
            self.parsed[key] = entries  # the same value whichever thread writes it first
        return entries

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _table_bytes() -> bytes:
    return read_bytes("tortured.tsv")


def _table_digest() -> str:
    """:func:`table_digest` of the packaged table, read a chunk at a time where it is a plain file."""
    digest = file_digest("tortured.tsv")
    return digest if digest is not None else table_digest(_table_bytes())


def _packaged_index() -> _KeyIndex | None:
    """The packaged key index, or None when it is missing or was built from another table."""
    try:
        raw = read_bytes(KEYS_FILE)
    except FileNotFoundError:
        return None
    end = raw.find(b"\n")
    end = end if end >= 0 else len(raw)
    if raw[:end].decode("utf-8") != KEYS_DIGEST + _table_digest():  # the file's bytes are its UTF-8 text
        return None
    return _KeyIndex(raw, end + 1)


def _packaged_keys() -> dict[str, _KeyEntries] | None:
    """The packaged key index read whole, or None when it is missing or was built from another table."""
    index = _packaged_index()
    return None if index is None else {key: index[key] for key in index}


@lru_cache(maxsize=1)
def _keys() -> Mapping[str, _KeyEntries]:
    """The key index: the packaged one when it matches the table, else :func:`compute_keys`."""
    packaged = _packaged_index()
    return packaged if packaged is not None else compute_keys()


def compute_keys() -> dict[str, _KeyEntries]:
    """Index the phrases by their key run: key -> ``(runs of the phrase, phrase)`` pairs.

    Every maximal run of word characters and hyphens in a phrase is also one
    in a text the phrase matches: inside the phrase runs are cut by spaces or
    other characters, and a match has neither a word character nor a hyphen
    on either side. The key is the phrase's longest run not found in the
    phrase it replaced: the odd synonym, the least likely to occur.
    """
    keys: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, row in _index().items():
        runs = frozenset(_WORD_RUN.findall(phrase))
        kept = set(_WORD_RUN.findall(f"{row.canonical} {row.expected}".lower()))
        odd = sorted(runs - kept) or sorted(runs)
        keys.setdefault(max(odd, key=len) if odd else "", []).append((tuple(sorted(runs)), phrase))
    return {k: tuple(v) for k, v in keys.items()}


@lru_cache(maxsize=1)
def _key_set() -> frozenset[str]:
    """The key runs as a set (a set intersection walks the smaller side)."""
    return frozenset(_keys())


def text_runs(lowered: str) -> set[str]:
    """Return the runs :func:`_candidates` looks phrases up by (one pass over the text).

    The runs of the text are its white-space tokens, and the runs of word
    characters and hyphens of the tokens holding other characters than letters
    and digits. The spinner stage reads the same set for its non-word scan.

    >>> sorted(text_runs("a well-known (tortured) phrase"))
    ['(tortured)', 'a', 'phrase', 'tortured', 'well-known']
    """
    runs = token_set(lowered)
    runs.update(_WORD_RUN.findall(" ".join([t for t in runs if not t.isalnum()])))
    return runs


def _candidates(lowered: str, runs: set[str] | None = None) -> list[str]:
    """Return the phrases whose runs all occur in ``lowered``.

    ``runs`` is ``text_runs(lowered)`` when the caller has it already.
    """
    keys = _keys()
    if "" in keys:  # a phrase without word characters: every phrase is a candidate
        return sorted(_index())
    if runs is None:
        runs = text_runs(lowered)
    found: list[str] = []
    superset = runs.issuperset
    # the entries of a key read before, without the index's lookup call (most keys of a text are)
    parsed = keys.parsed if isinstance(keys, _KeyIndex) else keys
    for key in runs.intersection(_key_set()):
        entries = parsed.get(key)
        for phrase_runs, phrase in entries if entries is not None else keys[key]:
            if superset(phrase_runs):
                found.append(phrase)
    return sorted(found)


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Compile the whole-word pattern of ``phrases`` (words joined by one or more spaces)."""
    # The standard library's engine scans a character trie far faster than the
    # regex module does, so this pattern uses ``re``.
    return re.compile(rf"(?<![\w\-])(?:{alternation(phrases, space=' +')})(?![\w\-])")


def _contains(lowered: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", lowered) is not None


def find_tortured(text: str) -> list[tuple[int, int, TorturedPhrase]]:
    """Return ``(start, end, row)`` for each tortured phrase in ``text``.

    >>> [row.canonical for _, _, row in find_tortured("The results are as pursues: none.")]
    ['as follows']
    """
    return find_tortured_lowered(text, lower(text))


def find_tortured_lowered(
    text: str, lowered: str, runs: set[str] | None = None
) -> list[tuple[int, int, TorturedPhrase]]:
    """Do :func:`find_tortured` on ``text`` and its offset-keeping lower-case form.

    ``runs`` is :func:`text_runs` of ``lowered`` when the caller has it already.
    """
    candidates = _candidates(lowered, runs)
    if "  " not in lowered:
        # Then a match is the phrase itself, spaces included: a phrase that is
        # not a substring cannot match, and leaving it out changes no match.
        candidates = [p for p in candidates if p in lowered]
    if not candidates:
        return []
    present: dict[str, bool] = {}  # each AND/NOT term is searched once per text, not once per match

    def contains(phrase: str) -> bool:
        if phrase not in present:
            present[phrase] = _contains(lowered, phrase)
        return present[phrase]

    found: list[tuple[int, int, TorturedPhrase]] = []
    for m in _pattern(tuple(candidates)).finditer(lowered):
        row = _row(" ".join(m.group().split()))
        if row is None:
            continue
        if row.requires and not any(contains(r) for r in row.requires):
            continue
        if any(contains(x) for x in row.excludes):
            continue
        found.append((m.start(), m.end(), row))
    return found
