"""Whole-word occurrences of swaps that their wreckage revealed, weighed by a fitted model.

Once non-words have shown that a spinner swapped ``o -> w`` in a document
("toobtainher" shows "get -> obtain"), every lower-case occurrence of ``w``
is either the spinner's (the author wrote ``o``) or the author's own ``w``.
:func:`revealed_candidates` lists those occurrences, as whole words
("obtain", "once more") or with letters glued on that still form a word
("obtains" -> "gets"), with features of three kinds:

* **general English**: the Zipf frequencies of ``o`` and ``w`` and the
  share of ``w`` among the two (a synonym rare next to its original is
  mostly the spinner's);
* **the document**: how many times the text holds ``w``, against how many
  times a text of its length would hold ``w`` and ``o`` (wordfreq frequency
  times the number of words) and the Poisson log-likelihood ratio of that
  count under "the spinner wrote ``w`` for every ``o``" against "the author
  wrote them"; how often ``o`` survives in lower case, and whether ``o`` or
  ``w`` is also written capitalised (which the spinner leaves alone); the
  number of non-words that revealed the swap, and the share of the
  document's revealed swaps whose original survives (a spinner that swaps
  only some occurrences);
* **the context**: how much better ``o`` than ``w`` fits between the word
  before and the word after, by the bigram counts of the context model
  (``data/spinner_bigrams.txt.gz``, see ``stages/spinner_context.py``).

An occurrence is reverted (reason ``spinner_substitution``) in two cases:

1. **sure**: the original never survives in lower case and the synonym is
   rare next to it (share at most :data:`MAX_REVERSAL_PRIOR`); or letters
   glued on the synonym leave a token that is not a word (wreckage that the
   non-word scan skipped, such as a mixed-case "StempoX" for "SpaceX");
2. **by the model**: boosted trees over these features and their threshold
   (``data/spinner_revealed.json``), fitted by ``python -m
   benchmarks.fit_spinner_context`` on the other occurrences of simulated
   spinners drawn from the development pool only, the threshold set for a
   cross-validated precision of at least :data:`TARGET_PRECISION`.
The model file is read once per process, only when a document is spun.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from newsclean.data import read_text
from newsclean.document import Change
from newsclean.stages.spinner_context import BOUNDARY, Bigrams, ReversalModel, load_bigrams, tokens
from newsclean.stages.spinner_ngrams import NgramTable, load_ngrams
from newsclean.stages.spinner_swaps import (
    NONWORD_ZIPF,
    InferredSwap,
    glued_words,
    whole_word_spans,
    word_frequency,
)

__all__ = [
    "FEATURES",
    "MAX_REVERSAL_PRIOR",
    "TARGET_PRECISION",
    "RevealedCandidate",
    "load_revealed_model",
    "prior_share",
    "revealed_candidates",
    "revealed_reversals",
]

#: Precision (cross-validated on the development pool) the fitted threshold is
#: chosen for; the issue asks for 95 % on held-out pairs. At 0.97 the development
#: pool's half-rate spins (seed 0, not used by the fit) fell to 91.5 %; at 0.98
#: they stay at 95 %.
TARGET_PRECISION = 0.98
#: An occurrence of a revealed swap is reverted without the model when the
#: original never survives in lower case (the spinner swapped every one) and
#: the synonym's share of synonym + original in wordfreq is at most this: then
#: nearly all its occurrences in a spun copy are the spinner's (98.6 % on the
#: development pool, seed 0, against 78 % for all occurrences).
MAX_REVERSAL_PRIOR = 0.05
#: Counts above this are cut to it (a feature, not a limit on what is reverted).
MAX_COUNT = 10

#: Features of one occurrence, in the order of the model's trees.
FEATURES = (
    "zipf_original",
    "zipf_spun",
    "spun_words",
    "glued",
    "spun_share",
    "support",
    "survivors",
    "surviving_swaps",
    "original_capitalised",
    "spun_capitalised",
    "spun_count",
    "expected_original",
    "expected_spun",
    "poisson_llr",
    "context_llr",
    "prev_llr",
    "next_llr",
    "ngram_llr",
    "ngram_prev_llr",
    "ngram_next_llr",
    "ngram_seen_original",
    "ngram_seen_word",
)


@dataclass(frozen=True, slots=True)
class RevealedCandidate:
    """An occurrence of a revealed swap's synonym and what it would go back to.

    ``sure`` marks the occurrences reverted without the model: the synonym is
    rare next to its original (:data:`MAX_REVERSAL_PRIOR`) and the original
    never survives in lower case, or the token is a non-word.
    """

    start: int
    end: int
    token: str
    back: str
    features: tuple[float, ...]
    sure: bool


@lru_cache(maxsize=1)
def load_revealed_model() -> ReversalModel:
    """Read the packaged model (``data/spinner_revealed.json``), once per process."""
    return ReversalModel.from_dict(json.loads(read_text("spinner_revealed.json")), features=FEATURES)


def prior_share(zipf_original: float, zipf_spun: float) -> float:
    """Return the share of the synonym among synonym + original in general English (from Zipf values).

    >>> round(prior_share(5.0, 4.0), 3)
    0.091
    """
    f_s = 10**zipf_spun if zipf_spun else 0.0
    f_o = 10**zipf_original if zipf_original else 0.0
    return f_s / (f_s + f_o) if f_s + f_o else 1.0


def _zipf_phrase(phrase: str, zipf: Callable[[str], float]) -> float:
    words = phrase.split()
    return sum(zipf(w) for w in words) / len(words)


def _word_before(lowered: str, start: int) -> str:
    line_start = lowered.rfind("\n", 0, start) + 1
    found = [t for _, _, t in tokens(lowered[line_start:start])]
    return found[-1] if found else BOUNDARY


def _word_after(lowered: str, end: int) -> str:
    line_end = lowered.find("\n", end)
    for _, _, t in tokens(lowered[end : line_end if line_end >= 0 else len(lowered)]):
        return t
    return BOUNDARY


def _sequence_logp(words: Sequence[str], bigrams: Bigrams, zipf: Callable[[str], float]) -> float:
    return sum(bigrams.log_next(a, b, zipf) for a, b in pairwise(words))


def _count_capitalised(text: str, word: str) -> int:
    cap = word[:1].upper() + word[1:]
    return len(whole_word_spans(text, cap))


def _spans(spans: Collection[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Return the starts and the running maximum of the ends of ``spans``, sorted by start."""
    ordered = sorted(spans)
    ends: list[int] = []
    for _, e in ordered:
        ends.append(max(e, ends[-1]) if ends else e)
    return [s for s, _ in ordered], ends


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps one of the spans given by :func:`_spans`."""
    i = bisect.bisect_left(starts, end)  # spans starting before ``end``
    return i > 0 and ends[i - 1] > start


def revealed_candidates(
    text: str,
    lowered: str,
    swaps: Sequence[InferredSwap],
    lang: str,
    *,
    skip: Collection[tuple[int, int]] = (),
    bigrams: Bigrams | None = None,
    ngrams: NgramTable | None = None,
) -> list[RevealedCandidate]:
    """Return the occurrences of the synonyms of ``swaps`` (revealed by wreckage), with features.

    Args:
        text: Text of a document detected as spun.
        lowered: ``text`` in lower case (same length).
        swaps: The swaps applied from the document's non-words.
        lang: wordfreq language code.
        skip: Spans already repaired (the non-words themselves).
        bigrams: Bigram counts (default: the packaged ones).
        ngrams: Google Books word-pair counts (default: the packaged ones).

    Returns:
        One candidate per lower-case occurrence of a synonym, whole or with
        letters glued on that still form a word, that is not inside a span of
        ``skip``.
    """
    if not swaps:
        return []
    bigrams = bigrams or load_bigrams()
    ngrams = ngrams or load_ngrams()
    zipf = word_frequency(lang)
    n_words = max(1, len(text.split()))
    starts, ends = _spans(skip)
    surviving = sum(sw.survives for sw in swaps) / len(swaps)
    out: list[RevealedCandidate] = []
    for sw in swaps:
        found = glued_words(text, lowered, sw.original, sw.spun, lang)
        if not found:
            continue
        z_o = _zipf_phrase(sw.original, zipf)
        z_w = _zipf_phrase(sw.spun, zipf)
        inside = text.count(sw.spun) * sw.spun.count(sw.original)
        survivors = max(0, text.count(sw.original) - inside)
        lam_o = n_words * 10 ** (z_o - 9.0)
        lam_w = n_words * 10 ** (z_w - 9.0)
        count = len(whole_word_spans(lowered, sw.spun))
        llr = count * math.log1p(lam_o / max(lam_w, 1e-9))
        share = prior_share(z_o, z_w)
        sure = share <= MAX_REVERSAL_PRIOR and not survivors
        common = (
            z_o,
            z_w,
            float(len(sw.spun.split())),
        )
        doc = (
            share,
            float(min(sw.support, MAX_COUNT)),
            float(min(survivors, MAX_COUNT)),
            surviving,
            float(min(_count_capitalised(text, sw.original), MAX_COUNT)),
            float(min(_count_capitalised(text, sw.spun), MAX_COUNT)),
            float(min(count, MAX_COUNT)),
            math.log1p(lam_o),
            math.log1p(lam_w),
            llr,
        )
        o_words = sw.original.split()
        w_words = sw.spun.split()
        for s, e, token, back in found:
            if _overlaps(starts, ends, s, e):
                continue
            glued = float(e - s != len(sw.spun))
            prev = _word_before(lowered, s)
            nxt = _word_after(lowered, e)
            if glued:
                lp = ln = 0.0
                g = (0.0, 0.0, 0.0, 0.0, 0.0)
            else:
                c = ngrams.context(
                    prev, o_words[0], w_words[0], nxt, zipf, original_last=o_words[-1], word_last=w_words[-1]
                )
                g = (c.prev + c.next, c.prev, c.next, float(c.seen_original), float(c.seen_word))
                lp = bigrams.log_next(prev, o_words[0], zipf) - bigrams.log_next(prev, w_words[0], zipf)
                ln = bigrams.log_next(o_words[-1], nxt, zipf) - bigrams.log_next(w_words[-1], nxt, zipf)
                lp += _sequence_logp(o_words, bigrams, zipf) - _sequence_logp(w_words, bigrams, zipf)
            features = (*common, glued, *doc, lp + ln, lp, ln, *g)
            # Letters glued on that leave no word: wreckage the non-word scan did not claim.
            wreck = bool(glued) and zipf(token.lower()) < NONWORD_ZIPF
            out.append(RevealedCandidate(s, e, token, back, features, sure or wreck))
    return out


def revealed_reversals(
    text: str,
    lowered: str,
    swaps: Sequence[InferredSwap],
    lang: str,
    *,
    skip: Collection[tuple[int, int]] = (),
    model: ReversalModel | None = None,
) -> list[Change]:
    """Revert the occurrences of revealed swaps that the model finds to be the spinner's.

    >>> from newsclean.stages.spinner_swaps import InferredSwap
    >>> revealed_reversals("x", "x", [], "en")
    []
    """
    if not swaps:
        return []
    model = model or load_revealed_model()
    return [
        Change(c.start, c.end, c.back, "spinner_substitution")
        for c in revealed_candidates(text, lowered, swaps, lang, skip=skip)
        if c.sure or model.probability(c.features) >= model.threshold
    ]
