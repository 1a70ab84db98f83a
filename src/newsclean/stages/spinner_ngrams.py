"""Word-pair context from Google Books counts, for whole-word spinner reversals.

For a word ``w`` that a spinner may have written for ``o``, between the word
before ``l`` and the word after ``r``, :meth:`NgramTable.context` gives two
log ratios (base 10)::

    prev = log P(o | l) - log P(w | l)     = log c(l o) - log c(l w)
    next = log P(r | o) - log P(r | w)     = log c(o r) - log c(o) - [log c(w r) - log c(w)]

and how many of the pairs ``l o``, ``o r`` and of ``l w``, ``w r`` are
listed. "the metropolis council" against "the city council": "city council"
is a frequent pair and "metropolis council" is absent, so ``next`` is large.

The counts (``data/spinner_ngrams.txt.gz``) come from the English word-pair
and word lists of SymSpell (MIT), whose English lists are Google Books Ngram
counts (CC BY 3.0); the file header gives the source, its licence and the
parameters; ``python -m benchmarks.bigrams`` builds it. The list holds only
pairs seen at least some millions of times (the ``min`` parameter): an absent
pair's count is estimated as if its words were independent, but at most
:data:`ABSENT_SHARE` times the rarest listed count. A punctuation mark or a
line end (:data:`~newsclean.stages.spinner_context.BOUNDARY`) next to the
word says nothing here (its side of the ratio is 0).

The file is read once per process, only when a document is spun; a row of
pairs is parsed the first time a word asks for it.
"""

from __future__ import annotations

import gzip
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from newsclean.data import DataError, read_bytes

__all__ = ["ABSENT_SHARE", "NGRAM_FILE", "NgramContext", "NgramTable", "load_ngrams", "parse_ngrams"]

NGRAM_FILE = "spinner_ngrams.txt.gz"
#: An absent pair was counted fewer times than the rarest listed pair; it is
#: estimated from its words' counts, capped at this share of that count.
ABSENT_SHARE = 0.5
#: Stand-in for punctuation and line ends (the context model's boundary token).
_BOUNDARY = "<p>"


@dataclass(frozen=True, slots=True)
class NgramContext:
    """Context evidence for ``o`` against ``w`` between two neighbours (log10 ratios, see the module)."""

    prev: float
    next: float
    seen_original: int
    seen_word: int


@dataclass(slots=True)
class NgramTable:
    """Word and word-pair counts on one scale, as log10 values.

    Attributes:
        words: Word -> log10 count.
        rows: First word -> its pairs, unparsed (``next:score ...``).
        log_tokens: log10 of the total word count.
        log_min: log10 count of the rarest listed pair.
        score_scale: Stored scores are ``round(score_scale * log10(count))``.
        load_seconds: Time taken to read the file.
    """

    words: dict[str, float]
    rows: dict[str, str]
    log_tokens: float
    log_min: float
    score_scale: float
    load_seconds: float = 0.0
    _parsed: dict[str, dict[str, float]] = field(default_factory=dict)

    def pairs_after(self, first: str) -> dict[str, float]:
        """Return next word -> log10 count of the listed pairs that start with ``first``."""
        found = self._parsed.get(first)
        if found is None:
            found = {}
            for item in self.rows.get(first, "").split():
                word, _, score = item.rpartition(":")
                found[word] = int(score) / self.score_scale
            self._parsed[first] = found
        return found

    def log_word(self, word: str, zipf: Callable[[str], float]) -> float:
        """Return log10 of ``word``'s count: listed, else from its Zipf frequency (at least once)."""
        listed = self.words.get(word)
        if listed is not None:
            return listed
        return self.log_tokens + max(zipf(word), 0.0) - 9.0

    def log_pair(self, a: str, b: str, zipf: Callable[[str], float]) -> tuple[float, bool]:
        """Return log10 of the count of ``a b`` and whether the pair is listed.

        >>> t = parse_ngrams("P\\ttokens\\t10\\nP\\tmin\\t400\\nP\\tscore_scale\\t100\\nU\\ta\\t700\\nB\\ta\\tb:500\\n")
        >>> t.log_pair("a", "b", lambda w: 0.0)
        (5.0, True)
        >>> t.log_pair("a", "c", lambda w: 0.0)  # independent: 7 + (10 + 0 - 9) - 10
        (-2.0, False)
        """
        listed = self.pairs_after(a).get(b)
        if listed is not None:
            return listed, True
        independent = self.log_word(a, zipf) + self.log_word(b, zipf) - self.log_tokens
        return min(independent, self.log_min + math.log10(ABSENT_SHARE)), False

    def phrase_zipf(self, words: list[str], zipf: Callable[[str], float]) -> float:
        """Return the Zipf frequency of a phrase from its pairs (chained, log10 per billion words).

        >>> t = parse_ngrams("P\\ttokens\\t10\\nP\\tmin\\t400\\nP\\tscore_scale\\t100\\nU\\ta\\t700\\nB\\ta\\tb:500\\n")
        >>> t.phrase_zipf(["a", "b"], lambda w: 0.0)  # 5 - 10 + 9
        4.0
        """
        if len(words) == 1:
            return zipf(words[0])
        total = self.log_pair(words[0], words[1], zipf)[0]
        for a, b in pairwise(words[1:]):
            total += self.log_pair(a, b, zipf)[0] - self.log_word(a, zipf)
        return total - self.log_tokens + 9.0

    def context(
        self,
        prev: str,
        original: str,
        word: str,
        nxt: str,
        zipf: Callable[[str], float],
        *,
        original_last: str | None = None,
        word_last: str | None = None,
    ) -> NgramContext:
        """Return how much better ``original`` than ``word`` fits after ``prev`` and before ``nxt``.

        For phrases, ``original`` and ``word`` are their first words and
        ``original_last`` and ``word_last`` their last (the pairs inside them
        are not looked at).
        """
        o_last = original_last or original
        w_last = word_last or word
        lp = ln = 0.0
        seen_o = seen_w = 0
        if prev != _BOUNDARY:
            po, so = self.log_pair(prev, original, zipf)
            pw, sw = self.log_pair(prev, word, zipf)
            lp = po - pw
            seen_o += so
            seen_w += sw
        if nxt != _BOUNDARY:
            no, so = self.log_pair(o_last, nxt, zipf)
            nw, sw = self.log_pair(w_last, nxt, zipf)
            ln = (no - self.log_word(o_last, zipf)) - (nw - self.log_word(w_last, zipf))
            seen_o += so
            seen_w += sw
        return NgramContext(lp, ln, seen_o, seen_w)


def parse_ngrams(text: str) -> NgramTable:
    """Read a table in the ``spinner_ngrams.txt.gz`` format (see its header).

    Raises:
        DataError: If a parameter is missing or a row is malformed.
    """
    params: dict[str, float] = {}
    words: dict[str, float] = {}
    rows: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        kind, _, rest = line.partition("\t")
        key, _, value = rest.partition("\t")
        if kind == "B":
            rows[key] = value
        elif kind == "U":
            words[key] = float(value)
        elif kind == "P":
            params[key] = float(value)
        else:
            raise DataError(f"{NGRAM_FILE}: line {number} is not a P, U or B row: {line[:60]!r}")
    missing = {"tokens", "min", "score_scale"} - params.keys()
    if missing:
        raise DataError(f"{NGRAM_FILE}: missing parameters {sorted(missing)}")
    scale = params["score_scale"]
    return NgramTable(
        words={w: v / scale for w, v in words.items()},
        rows=rows,
        log_tokens=params["tokens"],
        log_min=params["min"] / scale,
        score_scale=scale,
    )


@lru_cache(maxsize=1)
def load_ngrams() -> NgramTable:
    """Read the packaged table (``data/spinner_ngrams.txt.gz``), once per process."""
    started = time.perf_counter()
    table = parse_ngrams(gzip.decompress(read_bytes(NGRAM_FILE)).decode("utf-8"))
    table.load_seconds = time.perf_counter() - started
    return table
