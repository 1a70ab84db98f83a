"""Whole-word swaps told from the author's words by context, in spun documents.

A spinner that swaps "get -> obtain" also writes "obtain" where the author
wrote "get" as a whole word, and that leaves no wreckage. Inside a document
already known to be spun (``stages/spinner.py``), :func:`candidates` lists,
for each lower-case word ``w`` that is a synonym in the packaged table and
each word ``o`` it may stand for, the evidence that the spinner wrote ``w``
for ``o``:

* **the document**: ``o`` never occurs in lower case, not even inside another
  word (a spinner swapping ``o`` leaves none) other than a synonym the
  spinner may have written itself, although a text of this length
  would be expected to hold it (its wordfreq frequency times the length);
  how many other synonyms of ``o`` the text holds, how many of ``w``'s
  possible originals are missing as well;
* **general English**: the Zipf frequencies of ``o`` and ``w``;
* **the spinner**: the share of the swaps revealed by non-words whose
  original survives in lower case (a spinner that swaps only some
  occurrences leaves originals, and a missing one then says less);
* **the author's own words**: how many times ``o`` and ``w`` are written
  capitalised (the spinner rewrites lower case only, so a capitalised
  "After" shows the author uses the word, a capitalised "Following" that the
  author uses the synonym), and the Poisson log-likelihood ratio of ``w``'s
  count under "every ``o`` became ``w``" against "the author wrote them";
* **the context**: how much better ``o`` than ``w`` fits between the word
  before and the word after, by a bigram model whose counts
  (``data/spinner_bigrams.txt.gz``) come from the definitions and example
  sentences of Open English WordNet (CC BY 4.0, credited in the file header),
  and by the word-pair counts of ``stages/spinner_ngrams.py``.

``repair_spinner`` decides per ``(word, original)`` pair of the document
(``stages/spinner_pairs.py``): a find-and-replace spinner swaps every
occurrence, so the evidence of all a pair's candidates is weighed together,
by boosted trees (:class:`ReversalModel`, the form every fitted spinner model
here shares) fitted by ``python -m benchmarks.fit_spinner_context`` on
simulated spinners drawn from the development pool only.

The files are read once per process, only when a document is spun.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from newsclean.data import read_bytes
from newsclean.stages.spinner_ngrams import NgramTable, load_ngrams
from newsclean.stages.spinner_swaps import (
    MIN_SPUN_CHARS,
    NONWORD_ZIPF,
    SynonymIndex,
    load_synonyms,
    word_frequency,
)

__all__ = [
    "FEATURES",
    "Bigrams",
    "Candidate",
    "ReversalModel",
    "candidates",
    "load_bigrams",
    "tokens",
]

#: Weight of the wordfreq unigram back-off in the bigram estimate, in tokens
#: (additive smoothing towards general English for unseen bigrams).
BACKOFF_MASS = 50.0
#: Probability of a boundary (punctuation or line end) after a word unseen
#: in the counts.
BOUNDARY_PRIOR = 0.1
#: Zipf of a word absent from wordfreq's list.
FLOOR_ZIPF = 0.0
#: The token that stands for punctuation, digits and line ends.
BOUNDARY = "<p>"

#: Features of one (word, original) candidate, in the order of the model's weights.
FEATURES = (
    "zipf_original",
    "zipf_word",
    "log_words",
    "word_count",
    "originals",
    "expected_original",
    "context_llr",
    "prev_llr",
    "next_llr",
    "other_synonyms",
    "missing_originals",
    "original_capitalised",
    "word_capitalised",
    "poisson_llr",
    "surviving_swaps",
    "ngram_llr",
    "ngram_prev_llr",
    "ngram_next_llr",
    "ngram_seen_original",
    "ngram_seen_word",
    "pair_ngram_sum",
    "pair_ngram_min",
    "synonym_words",
)
#: Capitalised counts above this are cut to it.
MAX_CAPITALISED = 5

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[^\sa-z]")
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?![A-Za-z])")


def tokens(line: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, token)`` of a lower-case line: words, and :data:`BOUNDARY` for the rest.

    >>> [t for _, _, t in tokens("he said, 2 things")]
    ['he', 'said', '<p>', '<p>', 'things']
    """
    for m in _TOKEN.finditer(line):
        word = m.group()
        yield m.start(), m.end(), word if word[0].isalpha() else BOUNDARY


@dataclass(frozen=True, slots=True)
class Bigrams:
    """Word and bigram counts of clean article bodies (lower case, :data:`BOUNDARY` for the rest).

    Attributes:
        unigrams: Word -> count.
        bigrams: ``"a b"`` -> count.
    """

    unigrams: dict[str, int]
    bigrams: dict[str, int]

    def log_next(self, a: str, b: str, zipf: Callable[[str], float]) -> float:
        """Return log P(``b`` | ``a``), backed off to ``b``'s wordfreq frequency."""
        prior = BOUNDARY_PRIOR if b == BOUNDARY else 10 ** ((zipf(b) or FLOOR_ZIPF) - 9.0)
        count = self.bigrams.get(f"{a} {b}", 0)
        return math.log((count + BACKOFF_MASS * prior) / (self.unigrams.get(a, 0) + BACKOFF_MASS))


def parse_bigrams(text: str) -> Bigrams:
    """Read counts in the ``spinner_bigrams.txt.gz`` format (``count<TAB>a`` or ``count<TAB>a b``).

    >>> parse_bigrams("# x\\n3\\tthe\\n2\\tthe cat\\n").bigrams
    {'the cat': 2}
    """
    uni: dict[str, int] = {}
    bi: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        count, _, gram = line.partition("\t")
        (bi if " " in gram else uni)[gram] = int(count)
    return Bigrams(uni, bi)


@lru_cache(maxsize=1)
def load_bigrams() -> Bigrams:
    """Read the packaged counts (``data/spinner_bigrams.txt.gz``), once per process."""
    raw = read_bytes("spinner_bigrams.txt.gz")
    return parse_bigrams(gzip.decompress(raw).decode("utf-8"))


@dataclass(frozen=True, slots=True)
class ReversalModel:
    """Boosted decision trees over :data:`FEATURES`, and the probability from which a word is reverted.

    Each tree is four parallel tuples (feature, threshold, left, right) and
    the leaf values; a feature at or below the threshold goes left; a node
    whose feature is -1 is a leaf. The log-odds are ``base`` plus
    ``learning_rate`` times the sum of the leaves reached.

    ``partial_threshold``, when the fit wrote one, is the threshold for
    documents whose spinner swaps only some occurrences (see
    :func:`newsclean.stages.spinner_pairs.pair_reversals`); ``threshold``
    serves every other document.
    """

    trees: tuple[
        tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...
    ]
    base: float
    learning_rate: float
    threshold: float
    partial_threshold: float | None = None

    def probability(self, features: tuple[float, ...]) -> float:
        """Return the model's probability that the candidate is a spinner's swap."""
        total = 0.0
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if features[feature[node]] <= threshold[node] else right[node]
            total += value[node]
        z = self.base + self.learning_rate * total
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    @classmethod
    def stump(cls, feature: int, threshold: float, low: float, high: float, *, cut: float) -> ReversalModel:
        """A one-split model: log-odds ``low`` at or below ``threshold`` of feature index ``feature``, else ``high``.

        Pins a decision on one feature (a model to test the stage's mechanics with,
        or to switch a decision off); ``cut`` is the probability threshold.

        >>> ReversalModel.stump(0, 0.5, -10.0, 10.0, cut=0.5).probability((1.0,)) > 0.99
        True
        """
        return cls(
            trees=(((feature, -1, -1), (threshold, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, low, high)),),
            base=0.0,
            learning_rate=1.0,
            threshold=cut,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, features: tuple[str, ...] = FEATURES) -> ReversalModel:
        """Build the model from its JSON form (checks the feature names against ``features``)."""
        if tuple(data["features"]) != features:
            raise ValueError("the model file was fitted on other features; refit it")
        trees = tuple(
            (
                tuple(int(v) for v in t["feature"]),
                tuple(float(v) for v in t["threshold"]),
                tuple(int(v) for v in t["left"]),
                tuple(int(v) for v in t["right"]),
                tuple(float(v) for v in t["value"]),
            )
            for t in data["trees"]
        )
        partial = data.get("threshold_partial")
        return cls(
            trees,
            float(data["base"]),
            float(data["learning_rate"]),
            float(data["threshold"]),
            None if partial is None else float(partial),
        )


def _phrases(
    text: str,
    line_tokens: list[tuple[int, int, str]],
    k: int,
    index: SynonymIndex,
    missing: Callable[[str], bool],
    skip: Collection[tuple[int, int]],
    listed: dict[str, int],
) -> list[tuple[int, str, list[str]]]:
    """Return ``(end, phrase, originals)`` for the multi-word synonyms written in lower case from token ``k``.

    The originals are the one-word originals of the phrase missing from the text.
    """
    start = line_tokens[k][0]
    out: list[tuple[int, str, list[str]]] = []
    by_phrase: dict[str, list[str]] = {}
    for phrase, original in index.by_first.get(line_tokens[k][2], ()):
        by_phrase.setdefault(phrase, []).append(original)
    for phrase, originals in by_phrase.items():
        n = len(phrase.split())
        if k + n > len(line_tokens):
            continue
        end = line_tokens[k + n - 1][1]
        if text[start:end] != phrase or any(span[:2] in skip for span in line_tokens[k : k + n]):
            continue
        kept = [o for o in originals if " " not in o and missing(o)]
        if kept:
            listed[phrase] = len(originals)
            out.append((end, phrase, kept))
    return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lower-case whole word or phrase that a spinner may have written for ``original``."""

    start: int
    end: int
    word: str
    original: str
    features: tuple[float, ...]


def _survives(text: str, original: str, written_by_spinner: Callable[[str, str], bool]) -> bool:
    """Return True when ``original`` occurs in ``text`` outside the words a spinner wrote.

    A find-and-replace never rescans what it wrote: "all" inside an
    "alleviate" written for "ease" is no survivor of "all". An occurrence
    inside a lower-case word that ``written_by_spinner(word, original)`` finds
    to be the spinner's output is not counted.
    """
    start = text.find(original)
    while start >= 0:
        s, e = _token_around(text, start, start + len(original))
        token = text[s:e]
        if token == original or not token.islower() or not written_by_spinner(token, original):
            return True
        # Every occurrence inside a run of letters has that run for its token and
        # the same verdict: the search goes on after it (one pass over a long run).
        start = text.find(original, e if token.isalpha() else start + 1)
    return False


def _token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the run of letters of ``text`` that holds ``[start, end)``."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def candidates(
    text: str,
    lang: str,
    *,
    index: SynonymIndex | None = None,
    bigrams: Bigrams | None = None,
    ngrams: NgramTable | None = None,
    skip: Collection[tuple[int, int]] = (),
    surviving: float = 0.0,
) -> list[Candidate]:
    """Return every (word, original) candidate of ``text`` with its features.

    ``surviving`` is the share of the document's revealed swaps whose
    original survives in lower case.

    A candidate is a whole word written in lower case, of at least
    :data:`~newsclean.stages.spinner_swaps.MIN_SPUN_CHARS` letters, or a
    phrase of whole words written in lower case with single spaces, listed as
    a synonym of a one-word ``original`` that never occurs in lower case in
    the text (inside other words included, except words the spinner may have
    written itself, :func:`_survives`). Spans in ``skip`` are left out.
    """
    index = index or load_synonyms()
    bigrams = bigrams or load_bigrams()
    ngrams = ngrams or load_ngrams()
    zipf = word_frequency(lang)
    lines: list[list[tuple[int, int, str]]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append([(offset + s, offset + e, t) for s, e, t in tokens(line.lower())])
        offset += len(line) + 1
    n_words = max(1, len(text.split()))
    counts: dict[str, int] = {}
    for line_tokens in lines:
        for _, _, t in line_tokens:
            counts[t] = counts.get(t, 0) + 1
    present: dict[str, bool] = {}

    def written_by_spinner(word: str, original: str) -> bool:
        """True when ``word``, holding ``original``, may be the spinner's output.

        It is a non-word (wreckage: "calld", "call" written for "name" in "named"),
        or a synonym the table lists for ``original`` itself ("handshake" for
        "shake") or for a one-word original absent from the text.
        """
        if zipf(word) < NONWORD_ZIPF:
            return True
        return any(" " not in o and (o == original or o not in text) for o in index.by_spun.get(word, ()))

    def missing(original: str) -> bool:
        if original not in present:
            present[original] = _survives(text, original, written_by_spinner)
        return not present[original]

    found: list[tuple[int, int, str, str, str, str]] = []
    synonyms_of: dict[str, set[str]] = {}
    originals_missing: dict[str, int] = {}
    listed: dict[str, int] = {}  # synonym -> number of originals it is listed for
    for line_tokens in lines:
        for k, (s, e, w) in enumerate(line_tokens):
            spans: list[tuple[int, str, list[str]]] = []
            if len(w) >= MIN_SPUN_CHARS and w.isalpha() and text[s:e] == w and (s, e) not in skip:
                originals = [o for o in index.by_spun.get(w, ()) if " " not in o and missing(o)]
                if originals:
                    listed[w] = len(index.by_spun[w])
                    spans.append((e, w, originals))
            spans += _phrases(text, line_tokens, k, index, missing, skip, listed)
            for end, syn, originals in spans:
                n = len(syn.split())
                prev = line_tokens[k - 1][2] if k > 0 else BOUNDARY
                nxt = line_tokens[k + n][2] if k + n < len(line_tokens) else BOUNDARY
                originals_missing[syn] = len(originals)
                for o in originals:
                    synonyms_of.setdefault(o, set()).add(syn)
                    found.append((s, end, syn, o, prev, nxt))
    # each phrase counted once per distinct span (a span can be found under several originals)
    phrase_counts = Counter(w for _, _, w in {(s0, e0, w) for s0, e0, w, _, _, _ in found if " " in w})
    out: list[Candidate] = []
    log_words = math.log(n_words)
    capitalised: dict[str, int] = {}
    if found:
        for m in _CAPITALISED.finditer(text):
            word = m.group().lower()
            capitalised[word] = capitalised.get(word, 0) + 1
    contexts = [
        ngrams.context(prev, o, w.split()[0], nxt, zipf, word_last=w.split()[-1])
        for _, _, w, o, prev, nxt in found
    ]
    # The same pair's evidence over all its occurrences: a spinner swaps every one.
    pair_llrs: dict[tuple[str, str], list[float]] = {}
    for (_, _, w, o, _, _), g in zip(found, contexts, strict=True):
        pair_llrs.setdefault((w, o), []).append(g.prev + g.next)
    for (s, e, w, o, prev, nxt), g in zip(found, contexts, strict=True):
        words = w.split()
        z_o, z_w = zipf(o), (zipf(w) if len(words) == 1 else ngrams.phrase_zipf(words, zipf))
        lam_o, lam_w = n_words * 10 ** (z_o - 9.0), n_words * 10 ** (z_w - 9.0)
        lp = bigrams.log_next(prev, o, zipf) - bigrams.log_next(prev, words[0], zipf)
        ln = bigrams.log_next(o, nxt, zipf) - bigrams.log_next(words[-1], nxt, zipf)
        lp -= sum(bigrams.log_next(a, b, zipf) for a, b in pairwise(words))
        llrs = pair_llrs[(w, o)]
        n_w = counts.get(w, 0) if len(words) == 1 else phrase_counts[w]
        features = (
            z_o,
            z_w,
            log_words,
            float(min(n_w, 5)),
            float(listed[w]),
            math.log1p(n_words * 10 ** (z_o - 9.0)),
            lp + ln,
            lp,
            ln,
            float(len(synonyms_of[o]) - 1),
            float(originals_missing[w]),
            float(min(capitalised.get(o, 0), MAX_CAPITALISED)),
            float(
                min(capitalised.get(w, 0) if len(words) == 1 else text.count(w.capitalize()), MAX_CAPITALISED)
            ),
            n_w * math.log1p(lam_o / max(lam_w, 1e-9)),
            surviving,
            g.prev + g.next,
            g.prev,
            g.next,
            float(g.seen_original),
            float(g.seen_word),
            sum(llrs),
            min(llrs),
            float(len(words)),
        )
        out.append(Candidate(s, e, w, o, features))
    return out
