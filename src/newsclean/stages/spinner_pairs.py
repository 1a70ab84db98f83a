"""Whole-word swaps decided per swap pair, at document level, in spun documents.

A find-and-replace spinner swaps *every* occurrence of an original with the
same synonym. So the question "did the spinner write ``w`` for ``o`` here?"
is first a question about the pair: in this document, is ``o -> w`` one of
the spinner's swaps? The evidence for a pair adds up over the document: the
original is missing although a text of this length would hold it; the
synonym is over-represented against its general frequency; the context fits
the original better than the synonym, occurrence after occurrence; the
pair beats its rivals (the other synonyms present for the same missing
original, the other missing originals the same word may stand for); and a
spinner picks one synonym of ``o`` among those its thesaurus lists, so an
original with few synonyms makes any one of them likelier.

:func:`swap_pairs` groups the context model's candidates
(``stages/spinner_context.py``) by ``(word, original)`` and computes
:data:`PAIR_FEATURES`; boosted trees fitted by ``python -m
benchmarks.fit_spinner_context`` on simulated spinners drawn from the
development pool only give the probability that the pair is active
(``data/spinner_pairs.json``, every pair). Multi-word synonyms ("be after"
for "plan") are 2 % of the pairs but a sixth of the true swaps, with their
own evidence (a rare phrase written in place of a frequent word), and the
shared trees set their threshold by the one-word pairs: a second model
(``data/spinner_phrases.json``) fitted on phrase pairs alone finds a phrase
pair active too, in documents whose spinner swaps every occurrence (fewer
than :data:`~newsclean.stages.spinner_swaps.PARTIAL_SHARE` of the revealed
swaps keep their original; at half rate it cost precision). An active pair's
occurrences are all reverted (reason ``spinner_substitution``); a word listed
under two active pairs goes back to the likelier original. Each threshold is
the lowest probability at which the cross-validated precision of its model,
counted per reverted occurrence, still reaches :data:`TARGET_PRECISION`; the
pair model has a second, higher threshold, for :data:`PARTIAL_TARGET` on fresh
development draws, read in documents whose spinner swaps only some occurrences
(a threshold of 1 reverts no pair there).

Read only when a document is already spun.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsclean.data import read_text
from newsclean.document import Change
from newsclean.stages.spinner_context import FEATURES, Candidate, ReversalModel, candidates
from newsclean.stages.spinner_swaps import PARTIAL_SHARE, load_synonyms

__all__ = [
    "PAIR_FEATURES",
    "PARTIAL_TARGET",
    "SHARED",
    "TARGET_PRECISION",
    "SwapPair",
    "load_pair_model",
    "load_phrase_model",
    "pair_context_reversals",
    "pair_reversals",
    "swap_pairs",
]

#: Precision (cross-validated on the development pool, per reverted
#: occurrence) the fitted threshold is chosen for; the issue asks for 95 %.
TARGET_PRECISION = 0.96
#: Precision the pair model's second threshold (``threshold_partial`` of
#: ``data/spinner_pairs.json``) is chosen for, counted on fresh development
#: draws the trees never saw (``python -m benchmarks.fit_spinner_context
#: --models partial``), over the pairs of documents whose revealed swaps keep
#: their original at least :data:`~newsclean.stages.spinner_swaps.PARTIAL_SHARE`
#: of the time (a partial spinner, which swaps only some occurrences). At the
#: shared threshold two held-out draws read 92.3 % and 91.0 % ambiguous
#: precision at half rate, under the issue's 95 %; 97 % leaves the margin the
#: held-out draws showed they need (docs/spinner.md). When no threshold reaches
#: it the fit writes 1: no pair is reverted in partial documents.
PARTIAL_TARGET = 0.97
#: The margin given to a pair that has no rival (no other synonym present for
#: its original, or no other missing original for its word), in the units of
#: the summed log ratios: larger than any margin seen between real rivals.
NO_RIVAL_MARGIN = 10.0

#: Candidate features that are the same for every occurrence of a pair
#: (document counts, general English, the pair's summed word-pair evidence).
SHARED = (
    "zipf_original",
    "zipf_word",
    "log_words",
    "word_count",
    "originals",
    "expected_original",
    "other_synonyms",
    "missing_originals",
    "original_capitalised",
    "word_capitalised",
    "poisson_llr",
    "surviving_swaps",
    "synonym_words",
    "pair_ngram_sum",
    "pair_ngram_min",
)
#: Features of one (word, original) pair, in the order of the model's trees.
PAIR_FEATURES = (
    *SHARED,
    "occurrences",
    "context_sum",
    "context_max",
    "context_min",
    "ngram_max",
    "log_synonyms_of_original",
    "rival_original_margin",
    "rival_word_margin",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True, slots=True)
class SwapPair:
    """A ``(word, original)`` pair of a document, its candidate spans and its features."""

    word: str
    original: str
    spans: tuple[tuple[int, int], ...]
    features: tuple[float, ...]


def swap_pairs(found: Sequence[Candidate], synonym_counts: Mapping[str, int]) -> list[SwapPair]:
    """Group candidates by ``(word, original)`` and compute :data:`PAIR_FEATURES`.

    Args:
        found: The candidates of one document (``spinner_context.candidates``).
        synonym_counts: Original -> number of synonyms the table lists for it.

    Returns:
        One pair per distinct ``(word, original)``, in order of first occurrence.
    """
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for c in found:
        groups.setdefault((c.word, c.original), []).append(c)
    keys = list(groups)
    base: list[list[float]] = []
    evidence: list[float] = []
    for key in keys:
        cs = groups[key]
        first = cs[0].features
        context = [c.features[_INDEX["context_llr"]] for c in cs]
        ngram = [c.features[_INDEX["ngram_llr"]] for c in cs]
        row = [first[_INDEX[name]] for name in SHARED]
        row += [
            float(len(cs)),
            sum(context),
            max(context),
            min(context),
            max(ngram),
            math.log(max(1, synonym_counts.get(key[1], 1))),
        ]
        base.append(row)
        evidence.append(first[_INDEX["pair_ngram_sum"]] + sum(context))
    # The best rival sharing the original, and the best sharing the word.
    by_original: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for j, (w, o) in enumerate(keys):
        by_original.setdefault(o, []).append(j)
        by_word.setdefault(w, []).append(j)
    out: list[SwapPair] = []
    for j, (w, o) in enumerate(keys):
        margins = []
        for group in (by_original[o], by_word[w]):
            rivals = [evidence[k] for k in group if k != j]
            margins.append(evidence[j] - max(rivals) if rivals else NO_RIVAL_MARGIN)
        spans = tuple((c.start, c.end) for c in groups[(w, o)])
        out.append(SwapPair(w, o, spans, (*base[j], *margins)))
    return out


@lru_cache(maxsize=1)
def load_pair_model() -> ReversalModel:
    """Read the packaged pair model (``data/spinner_pairs.json``), once per process."""
    return ReversalModel.from_dict(json.loads(read_text("spinner_pairs.json")), features=PAIR_FEATURES)


@lru_cache(maxsize=1)
def load_phrase_model() -> ReversalModel:
    """Read the packaged model of phrase pairs (``data/spinner_phrases.json``), once per process."""
    return ReversalModel.from_dict(json.loads(read_text("spinner_phrases.json")), features=PAIR_FEATURES)


def pair_reversals(
    pairs: Sequence[SwapPair],
    model: ReversalModel,
    phrase_model: ReversalModel | None = None,
    *,
    partial: bool = False,
) -> list[Change]:
    """Revert every occurrence of the pairs the models find active.

    Args:
        pairs: The pairs of one document (:func:`swap_pairs`).
        model: Decides every pair.
        phrase_model: Also finds a pair whose word is a phrase active (default: none).
        partial: The document's spinner swaps only some occurrences:
            ``model`` decides at its ``partial_threshold`` when it has one (at
            1 or above it finds no pair active).

    A span listed under several active pairs goes back to the original of the
    likeliest one.
    """
    threshold = model.threshold
    if partial and model.partial_threshold is not None:
        threshold = model.partial_threshold
    best: dict[tuple[int, int], tuple[float, str]] = {}
    for pair in pairs:
        p = model.probability(pair.features)
        if p < threshold or threshold >= 1.0:
            if phrase_model is None or " " not in pair.word:
                continue
            p = phrase_model.probability(pair.features)
            if p < phrase_model.threshold:
                continue
        for span in pair.spans:
            if span not in best or best[span][0] < p:
                best[span] = (p, pair.original)
    return [Change(s, e, original, "spinner_substitution") for (s, e), (_, original) in sorted(best.items())]


def pair_context_reversals(
    text: str,
    lang: str,
    *,
    skip: Collection[tuple[int, int]] = (),
    surviving: float = 0.0,
    model: ReversalModel | None = None,
    phrase_model: ReversalModel | None = None,
) -> list[Change]:
    """Revert the whole-word swaps of a spun ``text`` whose ``(word, original)`` pair is active.

    Args:
        text: Text of a document already detected as spun.
        lang: wordfreq language code.
        skip: Spans already repaired by other rules.
        surviving: Share of the swaps revealed by non-words whose original
            still occurs in lower case (see ``spinner_context.candidates``).
        model: The pair model (default: the packaged one); it decides at its
            ``partial_threshold`` when ``surviving`` is at least
            :data:`~newsclean.stages.spinner_swaps.PARTIAL_SHARE`.
        phrase_model: The phrase model (default: the packaged one), read only
            when ``surviving`` is under
            :data:`~newsclean.stages.spinner_swaps.PARTIAL_SHARE`.

    Returns:
        One ``spinner_substitution`` change per reverted occurrence.
    """
    found = candidates(text, lang, skip=skip, surviving=surviving)
    pairs = swap_pairs(found, load_synonyms().synonym_counts)
    if surviving < PARTIAL_SHARE and any(" " in pair.word for pair in pairs):
        phrase_model = phrase_model or load_phrase_model()
    else:
        phrase_model = None
    partial = surviving >= PARTIAL_SHARE
    return pair_reversals(pairs, model or load_pair_model(), phrase_model, partial=partial)
