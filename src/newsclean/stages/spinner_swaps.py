"""Infer a spinner's swaps from the non-words they leave behind.

A spinner is a find-and-replace over its own synonym list, run on raw
lower-case substrings. Whenever the word it replaces sits inside a longer
word, the swap leaves wreckage: with "get -> obtain", "together" becomes
"toobtainher" and "budget" becomes "budobtain". Each piece of wreckage is a
token that is not a word but contains a synonym (here "obtain") which,
replaced by the word it stands for ("get"), gives a frequent word back.

:func:`infer_swaps` turns that into evidence:

1. **Candidates.** Tokens of plain letters that are not words in wordfreq's
   list for the language (Zipf below :data:`NONWORD_ZIPF`). A text without
   such a token stops here: the synonym table is never loaded.
2. **Explanations.** Every substring of a candidate that is a synonym in
   ``data/spinner_synonyms.tsv`` (read backwards: synonym -> the words it
   may stand for), replaced by one of those words, that yields a word at
   Zipf :data:`MIN_REPAIRED_ZIPF` or more. Multi-word synonyms ("once more")
   are matched across the space before or after the token.
3. **Support.** Explanations are grouped by swap (original, synonym). One
   swap explaining several different non-words is the signature of a
   spinner; a coincidence explains one. Swaps claim their tokens greedily,
   best supported first, so a token counts for one swap only. A swap is
   *supported* when it explains :data:`MIN_SUPPORT` different non-words, or
   when it is a row of the curated table (``known``).

The result lists every swap with its evidence; the stage decides what to
apply (see ``stages/spinner.py``).

The module is somewhat over 600 lines on purpose: the synonym index, the
candidate scan and the explanation and support steps above are one algorithm
over shared private structures (the index, the token parts), read together;
the table of curated swaps is :mod:`newsclean.stages.spinner_table`, and
chained swaps are :mod:`newsclean.stages.spinner_chain`.
"""

from __future__ import annotations

import marshal
import math
import time
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, NamedTuple, TypeVar

from newsclean.data import DataError, parse_tsv, read_bytes, read_tsv
from newsclean.lazyre import re_compile, regex_compile
from newsclean.lexicon import WordList, file_digest
from newsclean.stages._text import lower, token_set

__all__ = [
    "MIN_REPAIRED_ZIPF",
    "MIN_RIVAL_MARGIN",
    "MIN_SPUN_NONWORDS",
    "MIN_SUPPORT",
    "MIN_ZIPF_MARGIN",
    "NONWORD_ZIPF",
    "PARTIAL_SHARE",
    "Artifact",
    "FlagModel",
    "InferredSwap",
    "NonwordExcess",
    "SynonymIndex",
    "explained_nonwords",
    "glued_words",
    "infer_swaps",
    "keep_case",
    "letter_runs",
    "load_flag_model",
    "load_synonyms",
    "lowercase_nonwords",
    "nonword_candidates",
    "nonword_excess",
    "nonword_tail",
    "spun_evidence",
    "word_frequency",
]

#: A token rarer than this Zipf frequency is not a word. wordfreq's large
#: English list stops at Zipf 1 (once per 100 million words), so this means
#: "absent from the list".
NONWORD_ZIPF = 1.0
#: The word a repair gives back must be at least this frequent (Zipf 3 = once
#: per million words): spinners rewrite common words, and a rare "repair" is
#: more likely a coincidence.
MIN_REPAIRED_ZIPF = 2.5
#: Of two swaps explaining the same non-words equally well otherwise, the one
#: whose repair is more frequent by at least this many Zipf points (a factor of
#: 10 per point) is not ambiguous: "crazye" is "made" (Zipf 5.9) rather than
#: "wilde" (3.4). Swept on the development pool (``benchmarks/spinner.py
#: --sweep margin``): below 1.0 the lone repairs it admits fall under 90 %
#: precision.
MIN_ZIPF_MARGIN = 1.0
#: A swap explaining one non-word is ambiguous (applied in no document) when a
#: rival swap explaining the same occurrences repairs them to a word at least
#: this many Zipf points more frequent, whichever the rank chose: at half rate
#: the surviving originals mislead the rank ("rentter" put back as "splitter"
#: because "let" survives, where the spinner had swapped "let" in "letter").
#: Swept on the development pool (``benchmarks/spinner.py --sweep rival``).
MIN_RIVAL_MARGIN = 0.8
#: Different non-words one swap must explain before it is applied on its own.
MIN_SUPPORT = 2
#: Different non-words explained (by any swaps) that make a document spun even
#: when no single swap has :data:`MIN_SUPPORT` (see :func:`spun_evidence`). On
#: the 884 clean development bodies no document has more than two.
MIN_SPUN_NONWORDS = 3
#: The fitted parameters of the document-level count of lower-case non-words
#: (:class:`FlagModel`, :func:`spun_evidence`).
FLAG_FILE = "spinner_flag.json"
#: A document's spinner swaps only some occurrences when at least this share
#: of the swaps explaining :data:`MIN_SUPPORT` non-words or more keep their
#: original somewhere in lower case (see :func:`infer_swaps`); then, of two
#: swaps explaining the same non-words, the one whose repairs the text holds
#: elsewhere wins, before the one whose original never survives. Swept on the
#: development pool (``benchmarks/spinner.py --sweep partial``): at 0.3 the
#: restorations of half-rate spins are 98.0 % precise (96.4 % without the
#: rule) and full-rate ones stay at 99.0 %.
PARTIAL_SHARE = 0.3
#: Synonyms shorter than this are not looked for inside tokens: two-letter
#: synonyms ("go", "up") sit inside too many words to explain anything.
MIN_SPUN_CHARS = 3
#: Candidate tokens: this many letters at least (the shortest artifact is a
#: synonym plus one glued letter) and at most (longer runs are junk or URLs).
MIN_TOKEN = 4
MAX_TOKEN = 40

#: A white-space delimited chunk; its letter core is what gets inspected.
_CHUNK = regex_compile(r"\S+")
# A chunk's core: without its opening and closing quotes and marks. The core ends at the
# last character that is not a closing mark (found by backtracking once from the end); a
# lazy core tried at every length rescanned the closing run each time (quadratic in it).
_CORE = regex_compile(r"^[\"'“‘(\[«]*+((?:.*[^\"'”’)\]».,;:!?…\n])?)[\"'”’)\]».,;:!?…]*+$")
_POSSESSIVE = regex_compile(r"['’]s$")
_PART = regex_compile(r"[A-Za-z]+")
_PLAIN = regex_compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: Maximal runs of ASCII letters long enough to be a candidate (standard ``re``:
#: a greedy run from the first letter of a run takes the whole run).
_RUN = re_compile(rf"[A-Za-z]{{{MIN_TOKEN},}}")
#: The one character that :func:`~newsclean.stages._text.lower` turns into an
#: ASCII letter (KELVIN SIGN -> "k"); without it, the ASCII letter runs of the
#: lowered text are exactly the lowered runs of the text (checked in the tests).
_LOWERS_TO_ASCII = "\u212a"
#: White space as ``_CHUNK`` sees it; searched backwards, the last before a place.
_SPACE = regex_compile(r"\s")
_SPACE_BEFORE = regex_compile(r"(?r)\s")
#: A word of a lowered text, for the repairs a text attests.
_WORD = re_compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class SynonymIndex:
    """The synonym table read backwards: spun form -> the words it may stand for.

    Attributes:
        by_spun: One-word synonym -> originals.
        by_last: Last word of a multi-word synonym -> ``(synonym, original)`` pairs.
        by_first: First word of a multi-word synonym -> ``(synonym, original)`` pairs.
        pairs: Number of ``(original, synonym)`` pairs.
        load_seconds: Time taken to read and index the table.
        synonym_counts: Original -> number of synonyms the table lists for it
            (a spinner picks one of them: the more there are, the less likely
            any one).
        lengths_by_head: The first :data:`MIN_SPUN_CHARS` letters of the
            one-word synonyms -> their lengths, ascending: a token is looked
            up only where a synonym can start, and only at its lengths.
    """

    by_spun: Mapping[str, tuple[str, ...]]
    by_last: Mapping[str, tuple[tuple[str, str], ...]]
    by_first: Mapping[str, tuple[tuple[str, str], ...]]
    pairs: int
    load_seconds: float
    synonym_counts: dict[str, int] = field(default_factory=dict)
    lengths_by_head: dict[str, tuple[int, ...]] = field(default_factory=dict)


_V = TypeVar("_V")
_NO_GROUP: dict[str, Any] = {}


class GroupedIndex(Mapping[str, _V], Generic[_V]):
    """A packaged index read a group at a time: the keys sharing their first :data:`MIN_SPUN_CHARS` letters.

    A capture with non-words looks up the substrings of a few tokens; loading
    the whole synonym index was about 6 ms and 600 page faults of the first
    such capture of a process. Each group is a :mod:`marshal` dictionary,
    loaded when a key of it is first looked up; iterating reads them all, in
    the order of the index they were made from.
    """

    __slots__ = ("_full", "_groups", "_loaded", "_order")

    def __init__(self, groups: dict[str, bytes], order: bytes) -> None:
        self._groups = groups
        self._order = order
        self._loaded: dict[str, dict[str, _V]] = {}
        self._full: dict[str, _V] | None = None

    def group(self, head: str) -> Mapping[str, _V]:
        """The keys starting with ``head`` (a key's first :data:`MIN_SPUN_CHARS` letters) and their values."""
        found = self._loaded.get(head)
        if found is None:
            raw = self._groups.get(head)
            if raw is None:
                return _NO_GROUP
            found = self._loaded[head] = marshal.loads(raw)  # the same value whichever thread writes it
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self.group(key[:MIN_SPUN_CHARS]).get(key, default)

    def __getitem__(self, key: str) -> _V:
        return self.group(key[:MIN_SPUN_CHARS])[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.group(key[:MIN_SPUN_CHARS])

    def _all(self) -> dict[str, _V]:
        if self._full is None:
            keys = self._order.decode("utf-8").split("\n") if self._order else []
            self._full = {k: self[k] for k in keys}
        return self._full

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def group_form(index: Mapping[str, Any]) -> tuple[dict[str, bytes], bytes]:
    """The groups of ``index`` as :class:`GroupedIndex` reads them, and its keys in order."""
    groups: dict[str, dict[str, Any]] = {}
    for key, value in index.items():
        groups.setdefault(key[:MIN_SPUN_CHARS], {})[key] = value
    return {head: marshal.dumps(group) for head, group in groups.items()}, "\n".join(index).encode("utf-8")


def _lengths_by_head(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """Group one-word synonyms by their first :data:`MIN_SPUN_CHARS` letters: head -> lengths, ascending."""
    heads: dict[str, set[int]] = {}
    for word in words:
        if len(word) >= MIN_SPUN_CHARS:
            heads.setdefault(word[:MIN_SPUN_CHARS], set()).add(len(word))
    return {head: tuple(sorted(lengths)) for head, lengths in heads.items()}


def _index(pairs: Iterable[tuple[str, str]], started: float) -> SynonymIndex:
    by_spun: dict[str, list[str]] = {}
    by_last: dict[str, list[tuple[str, str]]] = {}
    by_first: dict[str, list[tuple[str, str]]] = {}
    counts: dict[str, int] = {}
    n = 0
    for original, spun in pairs:
        n += 1
        counts[original] = counts.get(original, 0) + 1
        words = spun.split()
        if len(words) == 1:
            if len(spun) >= MIN_SPUN_CHARS:
                by_spun.setdefault(spun, []).append(original)
        else:
            by_last.setdefault(words[-1], []).append((spun, original))
            by_first.setdefault(words[0], []).append((spun, original))
    return SynonymIndex(
        {k: tuple(v) for k, v in by_spun.items()},
        {k: tuple(v) for k, v in by_last.items()},
        {k: tuple(v) for k, v in by_first.items()},
        n,
        time.perf_counter() - started,
        counts,
        _lengths_by_head(by_spun),
    )


def parse_synonyms(text: str) -> list[tuple[str, str]]:
    """Return the ``(original, synonym)`` pairs of a table in the ``spinner_synonyms.tsv`` format.

    >>> parse_synonyms("# comment\\nbig\\tlarge|great\\n")
    [('big', 'large'), ('big', 'great')]
    """
    return _pairs(parse_tsv(text))


def _pairs(rows: Iterable[Sequence[str]]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for word, syns, *_ in ((*row, "") for row in rows):
        pairs.extend((word, s) for s in syns.split("|") if s and s != word)
    return pairs


#: The synonym table, and its index as :func:`load_synonyms` reads it (built by
#: ``python -m benchmarks.synonym_index`` with the CRC-32 and size of the table it indexes).
SYNONYMS_FILE = "spinner_synonyms.tsv"
SYNONYM_INDEX_FILE = "spinner_synonyms.marshal"


def table_digest(data: bytes) -> str:
    """The CRC-32 and length of the synonym table's bytes, as the packaged index records it.

    A check that the index was built from this table, not a security measure (see
    :func:`newsclean.stages.tortured.table_digest`).
    """
    return f"{zlib.crc32(data):08x}-{len(data)}"


def index_form(index: SynonymIndex, digest: str) -> bytes:
    """Write ``index`` as the packaged file holds it (a :mod:`marshal` mapping, no timing)."""
    return marshal.dumps(
        {
            "digest": digest,
            "by_spun": group_form(index.by_spun),
            "by_last": group_form(index.by_last),
            "by_first": group_form(index.by_first),
            "pairs": index.pairs,
            "synonym_counts": index.synonym_counts,
            "lengths_by_head": index.lengths_by_head,
        }
    )


def packaged_index(digest: str, started: float) -> SynonymIndex | None:
    """The packaged index, or None when it is missing, unreadable or built from another table."""
    try:
        data = marshal.loads(read_bytes(SYNONYM_INDEX_FILE))
    except (DataError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("digest") != digest
        or not isinstance(data.get("by_spun"), tuple)
    ):
        return None
    return SynonymIndex(
        GroupedIndex(*data["by_spun"]),
        GroupedIndex(*data["by_last"]),
        GroupedIndex(*data["by_first"]),
        data["pairs"],
        time.perf_counter() - started,
        data["synonym_counts"],
        data["lengths_by_head"],
    )


def compute_index(started: float) -> SynonymIndex:
    """Index the packaged synonym table (what the packaged index holds, computed)."""
    return _index(_pairs(read_tsv(SYNONYMS_FILE)), started)


@lru_cache(maxsize=1)
def load_synonyms() -> SynonymIndex:
    """Read the packaged synonym table (``data/spinner_synonyms.tsv``), once per process.

    Indexing the table's 26,000 pairs cost a process's first capture with a
    non-word about 35 ms; the same index read from its packaged form
    (``data/spinner_synonyms.marshal``) costs a few, and its three word indexes
    are read a group of keys at a time (:class:`GroupedIndex`). The form is used only
    when it was built from the table as it is now; else the table is indexed
    as before (same result, slower first call), and
    ``tests/stages/test_spinner_swaps.py`` fails until the form is rebuilt.
    """
    started = time.perf_counter()
    digest = file_digest(SYNONYMS_FILE)
    packaged = packaged_index(digest or table_digest(read_bytes(SYNONYMS_FILE)), started)
    return packaged if packaged is not None else compute_index(started)


def _frequency_dict(lang: str) -> Mapping[str, float]:
    from newsclean.lexicon import frequencies

    return frequencies(lang)


@lru_cache(maxsize=8)
def known_words(lang: str) -> Collection[str]:
    """Return the words of ``lang`` at Zipf :data:`NONWORD_ZIPF` or more (what is not a non-word)."""
    freqs = _frequency_dict(lang)
    if isinstance(freqs, WordList) and math.log10(freqs.lowest) + 9.0 >= NONWORD_ZIPF:
        return freqs  # the packaged list knows its lowest frequency without reading every word
    # The list has a few hundred distinct frequencies: test each once.
    values = set(freqs.values())
    kept = {f for f in values if f and math.log10(f) + 9.0 >= NONWORD_ZIPF}
    if kept == values:
        return freqs  # every listed word (the usual case: the list stops at Zipf 1)
    return frozenset(w for w, f in freqs.items() if f in kept)


def word_frequency(lang: str) -> Callable[[str], float]:
    """Return a Zipf-frequency lookup for lower-case words of ``lang`` (0 for unknown words)."""
    freqs = _frequency_dict(lang)

    def zipf(word: str) -> float:
        f = freqs.get(word)
        return math.log10(f) + 9.0 if f else 0.0

    return zipf


@dataclass(frozen=True, slots=True)
class Artifact:
    """One non-word and the repair a swap gives it.

    Attributes:
        start: Start of the wreckage in the text (the spun form may begin
            before the token when it has several words).
        end: End of the wreckage.
        token: The non-word as written.
        repaired: The word it becomes, in the token's case.
    """

    start: int
    end: int
    token: str
    repaired: str


@dataclass(slots=True)
class InferredSwap:
    """A swap ``original -> spun`` and the non-words it explains.

    Attributes:
        original: The word the spinner replaced.
        spun: The synonym it wrote.
        artifacts: The non-words this swap explains (claimed by no better swap).
        known: True for a row of the curated substitution table.
        survives: True when ``original`` still occurs in lower case in the
            text (outside the synonym), which a spinner swapping every
            occurrence would not have left.
        ambiguous: True when another swap explains the same non-words
            exactly as well ("turn downd": "declined" or "refused").
    """

    original: str
    spun: str
    artifacts: list[Artifact] = field(default_factory=list)
    known: bool = False
    survives: bool = False
    ambiguous: bool = False

    @property
    def support(self) -> int:
        """Number of different non-words (lower case) the swap explains."""
        return len({a.token.lower() for a in self.artifacts})

    @property
    def supported(self) -> bool:
        """True when the swap may be applied on its own evidence."""
        return self.known or self.support >= MIN_SUPPORT


def keep_case(token: str, low: str, repaired: str) -> str:
    """Write ``repaired`` in the case of ``token``: the letters kept from it keep their case.

    ``low`` is ``token`` in lower case; the two share a prefix and a suffix
    with ``repaired`` around the replaced synonym ("McDoconsiderably" ->
    "McDowell", not "Mcdowell").
    """
    if len(token) > 1 and token.isupper():
        return repaired.upper()
    head = 0
    while head < min(len(low), len(repaired)) and low[head] == repaired[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(low), len(repaired)) - head
        and low[len(low) - 1 - tail] == repaired[len(repaired) - 1 - tail]
    ):
        tail += 1
    middle = repaired[head : len(repaired) - tail]
    if head == 0 and token[:1].isupper():
        middle = middle[:1].upper() + middle[1:]  # the synonym began a capitalised word
    return token[:head] + middle + (token[len(token) - tail :] if tail else "")


def letter_runs(tokens: Iterable[str]) -> set[str]:
    """Return the maximal runs of ASCII letters, :data:`MIN_TOKEN` long or more, of ``tokens``.

    Given the white-space tokens of a text (or any pieces that together hold
    every letter of them, each piece ending where a token does or at a
    character that is no ASCII letter), this is the set the non-word scan
    starts from, found in the distinct tokens rather than the whole text.

    >>> sorted(letter_runs(["budobtain", "talks,", "co-op", "toobtainher."]))
    ['budobtain', 'talks', 'toobtainher']
    """
    return set(_RUN.findall(" ".join(tokens)))


def nonword_candidates(
    text: str, lang: str, *, lowered: str | None = None, tokens: Iterable[str] | None = None
) -> list[tuple[int, int, str]]:
    """Return ``(start, end, token)`` for each token of plain letters that is not a word.

    ``lowered`` is ``lower(text)`` (:func:`newsclean.stages._text.lower`) when the
    caller has it already, and ``tokens`` the distinct white-space tokens of
    ``lowered`` (or pieces as :func:`letter_runs` takes them), when it has them.

    Chunks holding digits, slashes, ``@``, dots between letters and the like
    (URLs, handles, code) are skipped; hyphenated compounds are inspected
    part by part; a possessive ``'s`` is ignored. Only lower-case,
    capitalised and upper-case tokens count (``iPhone`` does not).

    Cost: every inspected token is a maximal run of ASCII letters, so the
    runs of the whole text are collected at once and set against the word
    list; only the chunks around the few runs left over are read one by one.

    >>> nonword_candidates("We met toobtainher in Paris.", "en")
    [(7, 18, 'toobtainher')]
    """
    if lowered is None:
        lowered = lower(text)
    if _LOWERS_TO_ASCII not in text:
        runs = token_set(lowered, _RUN.findall) if tokens is None else letter_runs(tokens)
    else:  # lower the ASCII runs themselves: that sign lowers to an ASCII letter
        runs = set(" ".join(token_set(text, _RUN.findall)).lower().split())
    if not runs:
        return []
    known = known_words(lang)
    missing = known.missing(runs) if isinstance(known, WordList) else runs.difference(known)
    unknown = [r for r in missing if len(r) <= MAX_TOKEN]
    if not unknown:
        return []
    # Each chunk holding an unknown run, located from the run's occurrences.
    found: dict[int, tuple[tuple[int, int, str], ...]] = {}
    parts_of: dict[str, tuple[tuple[int, int, str], ...]] = {}
    n = len(text)
    for run in unknown:
        i = lowered.find(run)
        while i >= 0:
            e = i + len(run)
            if (i == 0 or not _is_ascii_letter(text[i - 1])) and (e == n or not _is_ascii_letter(text[e])):
                before = _SPACE_BEFORE.search(text, 0, i)
                s = before.end() if before is not None else 0
                if s not in found:
                    after = _SPACE.search(text, e)
                    chunk = text[s : after.start() if after is not None else n]
                    hits = parts_of.get(chunk)
                    if hits is None:
                        hits = ()
                        if chunk.split() == [chunk]:  # a chunk of str.split as well
                            hits = tuple(p for p in _parts(chunk) if p[2].lower() not in known)
                        parts_of[chunk] = hits
                    found[s] = hits
            i = lowered.find(run, i + 1)
    return [(s + ps, s + pe, word) for s in sorted(found) for ps, pe, word in found[s]]


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def _parts(chunk: str) -> tuple[tuple[int, int, str], ...]:
    """Return the inspectable letter parts of one white-space delimited chunk, with offsets."""
    if len(chunk) < MIN_TOKEN:
        return ()
    if chunk.isascii() and chunk.isalpha():  # the common case, without regexes
        ok = chunk.islower() or chunk.isupper() or (chunk[0].isupper() and chunk[1:].islower())
        return ((0, len(chunk), chunk),) if ok and len(chunk) <= MAX_TOKEN else ()
    m = _CORE.match(chunk)
    if m is None:
        return ()
    core = _POSSESSIVE.sub("", m.group(1))
    if len(core) < MIN_TOKEN or not _PLAIN.fullmatch(core):
        return ()
    out: list[tuple[int, int, str]] = []
    for part in _PART.finditer(core):
        word = part.group()
        if not MIN_TOKEN <= len(word) <= MAX_TOKEN:
            continue
        if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
            continue
        out.append((m.start(1) + part.start(), m.start(1) + part.end(), word))
    return tuple(out)


def _explain_token(
    low: str, index: SynonymIndex, zipf: Callable[[str], float]
) -> list[tuple[str, str, str, float]]:
    """Return ``(original, spun, repaired, zipf)`` for each one-word swap explaining ``low``."""
    found: dict[tuple[str, str], tuple[str, float]] = {}
    n = len(low)
    # Every substring of MIN_SPUN_CHARS letters or more, in order of start and
    # length, but looked up only where a synonym starts with its first letters
    # and has its length (a token's substrings are mostly no synonym's).
    heads, by_spun = index.lengths_by_head, index.by_spun
    grouped = by_spun.group if isinstance(by_spun, GroupedIndex) else None
    for i in range(n - MIN_SPUN_CHARS + 1):
        head = low[i : i + MIN_SPUN_CHARS]
        lengths = heads.get(head, ())
        group = grouped(head) if grouped is not None and lengths else by_spun
        for length in lengths:
            j = i + length
            if j > n:
                break
            if i == 0 and j == n:
                continue  # a whole word is no artifact
            originals = group.get(low[i:j])
            if not originals:
                continue
            for original in originals:
                repaired = low[:i] + original + low[j:]
                z = zipf(repaired)
                if z >= MIN_REPAIRED_ZIPF:
                    key = (original, low[i:j])
                    if key not in found or found[key][1] < z:
                        found[key] = (repaired, z)
    return [(o, s, r, z) for (o, s), (r, z) in found.items()]


def _explain_phrase(
    text: str, lowered: str, start: int, end: int, index: SynonymIndex, zipf: Callable[[str], float]
) -> list[tuple[str, str, str, float, int, int]]:
    """Return explanations by a multi-word synonym spilling over the token's edge.

    With "enter -> get in", "entered" becomes "get ined": the synonym's last
    word begins the non-word "ined", and putting "enter" back over the whole
    span gives "entered". Letters glued before the first word count too. Returns
    ``(original, spun, repaired, zipf, span start, span end)``.
    """
    low = lowered[start:end]
    out: list[tuple[str, str, str, float, int, int]] = []
    for k in range(1, len(low)):
        for spun, original in index.by_last.get(low[:k], ()):
            before = spun[: len(spun) - k]
            s = start - len(before)
            if s < 0 or lowered[s:start] != before:
                continue
            p = s  # letters glued before the synonym's first word
            while p > 0 and p > s - MAX_TOKEN and lowered[p - 1].isalpha():
                p -= 1
            repaired = lowered[p:s] + original + low[k:]
            z = zipf(repaired)
            if z >= MIN_REPAIRED_ZIPF:
                out.append((original, spun, repaired, z, p, end))
        for spun, original in index.by_first.get(low[k:], ()):
            rest = spun[len(low) - k :]
            e = end + len(rest)
            if lowered[end:e] != rest:
                continue
            q = e  # letters glued after the synonym's last word
            while q < len(lowered) and q < e + MAX_TOKEN and lowered[q].isalpha():
                q += 1
            repaired = low[:k] + original + lowered[e:q]
            z = zipf(repaired)
            if z >= MIN_REPAIRED_ZIPF:
                out.append((original, spun, repaired, z, start, q))
    return out


def infer_swaps(
    text: str,
    lang: str,
    *,
    known: Iterable[tuple[str, str]] = (),
    index: SynonymIndex | None = None,
    tokens: Iterable[str] | None = None,
) -> list[InferredSwap]:
    """Explain the non-words of ``text`` by spinner swaps; best supported first.

    Args:
        text: The document text.
        lang: wordfreq language code of the text.
        known: Curated ``(original, spun)`` pairs, applied on one artifact.
        index: A synonym index (default: the packaged table, loaded only
            when the text has a non-word candidate).
        tokens: The distinct white-space tokens of the lower-cased text,
            when the caller has them (see :func:`nonword_candidates`).

    Returns:
        Every swap that explains at least one non-word, each non-word
        claimed by one swap, the best supported first.

    >>> swaps = infer_swaps("Budobtain talks came toobtainher.", "en")
    >>> [(s.original, s.spun, s.support) for s in swaps if s.supported]
    [('get', 'obtain', 2)]
    """
    low = text.lower()
    same = len(low) == len(text)  # then ``low`` is also what ``lower(text)`` gives
    candidates = nonword_candidates(text, lang, lowered=low if same else None, tokens=tokens)
    if not candidates:
        return []
    known_pairs = set(known)
    if index is None:
        index = _combined_index(tuple(sorted(known_pairs)))
    zipf = word_frequency(lang)
    lowered = low if same else text
    by_token: dict[str, list[tuple[str, str, str, float]]] = {}
    # (swap) -> list of (artifact, repaired zipf)
    evidence: dict[tuple[str, str], list[tuple[Artifact, float]]] = {}
    for start, end, token in candidates:
        low = token.lower()
        if low not in by_token:
            by_token[low] = _explain_token(low, index, zipf)
        phrases = _explain_phrase(text, lowered, start, end, index, zipf)
        for original, spun, repaired, z, s, e in phrases:
            art = Artifact(s, e, text[s:e], keep_case(text[s:e], lowered[s:e], repaired))
            evidence.setdefault((original, spun), []).append((art, z))
        # "disact as": the phrase "act as" explains it, not the word "act" alone.
        by_phrase = {p[0] for p in phrases}
        for original, spun, repaired, z in by_token[low]:
            if original in by_phrase:
                continue
            art = Artifact(start, end, token, keep_case(token, low, repaired))
            evidence.setdefault((original, spun), []).append((art, z))
    if not evidence:
        return []
    survivors: dict[str, bool] = {}

    def survives(original: str, spun: str) -> bool:
        """True when ``original`` still occurs in lower case outside its synonym's occurrences."""
        if original not in survivors:
            # Case-sensitive: the spinner leaves "Get" and "GET" alone.
            inside = text.count(spun) * spun.count(original)
            survivors[original] = text.count(original) > inside
        return survivors[original]

    words: set[str] = set()

    def attested(arts: list[tuple[Artifact, float]]) -> int:
        """Number of different non-words whose repair the text also holds as a word of its own."""
        if not words:
            words.update(token_set(lowered, _WORD.findall))
        return len({a.token.lower() for a, _ in arts if a.repaired.lower() in words})

    # How the spinner works, read from the swaps that explain several
    # non-words: one that swaps every occurrence leaves none of its originals,
    # one that swaps only some leaves most of them.
    strong = [
        pair for pair, arts in evidence.items() if len({a.token.lower() for a, _ in arts}) >= MIN_SUPPORT
    ]
    partial = bool(strong) and sum(survives(*p) for p in strong) >= PARTIAL_SHARE * len(strong)

    def rank(
        item: tuple[tuple[str, str], list[tuple[Artifact, float]]],
    ) -> tuple[int, int, int, int, int, float]:
        # A spinner that swaps "get" everywhere leaves no lower-case "get",
        # even inside other words: of two swaps explaining the same non-words,
        # the one whose original never survives is the spinner's. A spinner
        # that swaps only some occurrences leaves the words it wrecked intact
        # elsewhere ("feed" beside "tipd"): there, the one whose repairs the
        # text attests is.
        pair, arts = item
        distinct = len({a.token.lower() for a, _ in arts})
        absent, seen = int(not survives(*pair)), attested(arts)
        first, second = (seen, absent) if partial else (absent, seen)
        return (pair in known_pairs, distinct, first, second, len(arts), max(z for _, z in arts))

    pairs_at: dict[int, set[tuple[str, str]]] = {}  # artifact start -> swaps explaining it
    for pair, arts in evidence.items():
        for a, _ in arts:
            pairs_at.setdefault(a.start, set()).add(pair)
    claimed: set[int] = set()
    swaps: list[InferredSwap] = []
    pending = sorted(evidence.items(), key=rank, reverse=True)
    while pending:
        (original, spun), arts = pending.pop(0)
        free = [(a, z) for a, z in arts if a.start not in claimed]
        if not free:
            continue
        if len(free) < len(arts):
            # Re-rank with only the tokens still free.
            pending.append(((original, spun), free))
            pending.sort(key=rank, reverse=True)
            if pending[0][0] != (original, spun):
                continue
            pending.pop(0)
        claimed.update(a.start for a, _ in free)
        starts = {a.start for a, _ in free}
        tie = rank(((original, spun), free))[:5]
        rivals = pairs_at.get(free[0][0].start, set())
        best = max(z for _, z in free)
        ambiguous = any(
            pair[0] != original
            and starts <= {a.start for a, _ in evidence[pair]}
            and rank((pair, rival := [(a, z) for a, z in evidence[pair] if a.start in starts]))[:5] == tie
            and best - max(z for _, z in rival) < MIN_ZIPF_MARGIN
            for pair in rivals
        ) or (
            # A lone non-word whose rival repair is far more frequent: the rank's
            # document-level keys chose this swap, general English prefers the other.
            len({a.token.lower() for a, _ in free}) == 1
            and any(
                pair[0] != original
                and starts <= {a.start for a, _ in evidence[pair]}
                and max(z for a, z in evidence[pair] if a.start in starts) - best >= MIN_RIVAL_MARGIN
                for pair in rivals
            )
        )
        swaps.append(
            InferredSwap(
                original,
                spun,
                [a for a, _ in free],
                known=(original, spun) in known_pairs,
                survives=survives(original, spun),
                ambiguous=ambiguous,
            )
        )
    return swaps


@lru_cache(maxsize=8)
def _combined_index(known: tuple[tuple[str, str], ...]) -> SynonymIndex:
    """The packaged synonym index plus curated pairs (built once per set of pairs)."""
    base = load_synonyms()
    if not known:
        return base
    started = time.perf_counter()
    pairs = [(o, s) for s, originals in base.by_spun.items() for o in originals]
    pairs += [(o, s) for group in base.by_last.values() for s, o in group]
    pairs += list(known)
    return _index(dict.fromkeys(pairs), started)


_WORD_EDGE = regex_compile(r"[\p{L}\-]")


def whole_word_spans(lowered: str, phrase: str) -> list[tuple[int, int]]:
    """Return the spans of ``phrase`` as a whole word (not glued to letters or hyphens)."""
    out: list[tuple[int, int]] = []
    i = lowered.find(phrase)
    while i >= 0:
        e = i + len(phrase)
        left = i > 0 and _WORD_EDGE.match(lowered[i - 1])
        right = e < len(lowered) and _WORD_EDGE.match(lowered[e])
        if not left and not right:
            out.append((i, e))
        i = lowered.find(phrase, i + 1)
    return out


def spun_evidence(swaps: Iterable[InferredSwap], text: str | None = None) -> bool:
    """Return True when the non-words explained by ``swaps`` show a spinner at work.

    One supported swap is enough; otherwise it takes :data:`MIN_SPUN_NONWORDS`
    different non-words, each explained by a swap that no other swap matches
    and whose original never survives in lower case (a spinner leaves none).
    On the clean development bodies such explanations are at most two per
    document; coincidences there mostly fail one of the two tests.

    With ``text`` (the document the swaps were inferred from), a document
    is also spun when its lower-case non-words explained by unambiguous swaps
    (:func:`lowercase_nonwords`, :data:`MIN_SUPPORT` at least, whether or not
    the originals survive), or those of any case (:func:`explained_nonwords`),
    are too many for clean text of its length: see :func:`nonword_excess`,
    :func:`nonword_tail` and :class:`FlagModel`. A spinner that swaps only
    some occurrences leaves its originals, which the rule above asks it not
    to; this one reads how many its wreckage is instead.
    """
    swaps = list(swaps)
    tokens: set[str] = set()
    for sw in swaps:
        if sw.supported:
            return True
        if not sw.ambiguous and not sw.survives:
            tokens.update(a.token.lower() for a in sw.artifacts)
    if len(tokens) >= MIN_SPUN_NONWORDS:
        return True
    return text is not None and nonword_excess(swaps, text) is not None


@dataclass(frozen=True, slots=True)
class FlagModel:
    """How many explained non-words clean text holds (``data/spinner_flag.json``).

    Fitted by ``python -m benchmarks.fit_spinner_flag``: ``clean_rate`` is the
    number of distinct lower-case non-words explained by unambiguous swaps per
    white-space word over the clean bodies of the development corpora;
    ``max_log10_tail`` the Poisson tail (log10) at or below which a document's
    count is taken for a spinner's, set on the development draws of the
    simulator (the held-out pool never read) as the most documents flagged with
    no clean body flagged and every restoration still at the target precision.
    ``any_case_rate`` and ``max_log10_tail_any_case`` are the same for the
    explained non-words of any case (:func:`explained_nonwords`), fitted after
    the lower-case rule on the documents it leaves unflagged (``--rule
    any-case``); a rate of 0 turns that rule off.
    """

    clean_rate: float
    max_log10_tail: float
    any_case_rate: float = 0.0
    max_log10_tail_any_case: float = -math.inf


@lru_cache(maxsize=1)
def load_flag_model() -> FlagModel:
    """Read the fitted parameters of the non-word count rules (only when a document has two)."""
    from newsclean.data import read_json

    raw = read_json(
        FLAG_FILE, keys=("clean_rate", "max_log10_tail", "any_case_rate", "max_log10_tail_any_case")
    )
    return FlagModel(
        float(raw["clean_rate"]),
        float(raw["max_log10_tail"]),
        float(raw["any_case_rate"]),
        float(raw["max_log10_tail_any_case"]),
    )


def lowercase_nonwords(swaps: Iterable[InferredSwap]) -> int:
    """Return the number of different lower-case non-words explained by unambiguous swaps.

    Capitalised non-words are left out: in clean text some explained ones are
    names and brand words a swap happens to explain; a spinner rewrites
    lower-case substrings. :func:`explained_nonwords` counts them too, for a
    rule with a clean rate of its own.
    """
    return len(
        {a.token.lower() for sw in swaps if not sw.ambiguous for a in sw.artifacts if a.token[:1].islower()}
    )


def explained_nonwords(swaps: Iterable[InferredSwap]) -> int:
    """Return the number of different non-words of any case explained by unambiguous swaps.

    A spinner's wreckage is capitalised where the word it hit is ("Presihideoutt"
    for "President" with "den -> hideout"); on the clean development bodies
    such capitalised explanations are about as rare as the lower-case ones (18
    and 21 in a million words), so both together are counted against their
    own clean rate.
    """
    return len({a.token.lower() for sw in swaps if not sw.ambiguous for a in sw.artifacts})


def nonword_tail(count: int, words: int, rate: float) -> float:
    """Return log10 of P(X >= ``count``) for X Poisson with mean ``rate * words``.

    >>> round(nonword_tail(2, 500, 0.00002), 2)
    -4.3
    """
    if count <= 0:
        return 0.0
    mean = rate * max(words, 1)
    # The series from ``count`` on: exact for the small means of clean text, no 1 - (1 - tail).
    log_term = count * math.log(mean) - mean - math.lgamma(count + 1)
    ratio_sum = term = 1.0
    i = count
    while term > 1e-17 * ratio_sum and i < count + 1000:
        i += 1
        term *= mean / i
        ratio_sum += term
    return min(0.0, (log_term + math.log(ratio_sum)) / math.log(10))


class NonwordExcess(NamedTuple):
    """A document's count of explained non-words that flags it: its Poisson tail and the threshold."""

    #: log10 of the tail probability of the count under the clean rate.
    tail: float
    #: The fitted threshold the tail reached.
    max_tail: float
    #: ``lower case`` (:func:`lowercase_nonwords`) or ``any case`` (:func:`explained_nonwords`).
    counted: str


def nonword_excess(swaps: Iterable[InferredSwap], text: str) -> NonwordExcess | None:
    """Return the count rule that flags ``text``, with its Poisson tail (log10), else None.

    The lower-case count is read first, then the count of any case (each with
    its clean rate and threshold). The text's length in white-space words is
    counted only when it has :data:`MIN_SUPPORT` such non-words.
    """
    swaps = list(swaps)
    lower_case, any_case = lowercase_nonwords(swaps), explained_nonwords(swaps)
    if any_case < MIN_SUPPORT:  # never fewer than the lower-case ones: nothing to read
        return None
    model = load_flag_model()
    words = 0
    for counted, count, rate, max_tail in (
        ("lower case", lower_case, model.clean_rate, model.max_log10_tail),
        ("any case", any_case, model.any_case_rate, model.max_log10_tail_any_case),
    ):
        if count < MIN_SUPPORT or rate <= 0:
            continue  # a rate of 0: the rule was never fitted
        words = words or len(text.split())
        tail = nonword_tail(count, words, rate)
        if tail <= max_tail:
            return NonwordExcess(tail, max_tail, counted)
    return None


def glued_words(
    text: str, lowered: str, original: str, spun: str, lang: str
) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, token, reverted)`` for each word holding ``spun`` that reverts to a word.

    The token is the whole word around the synonym ("obtains"); ``reverted``
    puts the original back ("gets") and must be at Zipf
    :data:`MIN_REPAIRED_ZIPF` or more. Only lower-case occurrences count: the
    spinner writes lower case.
    """
    zipf = word_frequency(lang)
    out: list[tuple[int, int, str, str]] = []
    i = lowered.find(spun)
    while i >= 0:
        e = i + len(spun)
        s, t = i, e
        while s > 0 and lowered[s - 1].isalpha():
            s -= 1
        while t < len(lowered) and lowered[t].isalpha():
            t += 1
        token = text[s:t]
        if text[i:e] == spun:
            back = lowered[s:i] + original + lowered[e:t]
            one_word = " " not in token or token.lower() == spun
            if one_word and (zipf(back) >= MIN_REPAIRED_ZIPF or (s == i and t == e)):
                out.append((s, t, token, keep_case(token, lowered[s:t], back)))
        i = lowered.find(spun, max(e, i + 1))
    return out
