"""Non-words left by two swaps at once, repaired with swaps already inferred.

A spinner's find-and-replace runs over its whole list, so one word can be hit
twice: with "air -> melody" and "line -> channel", "airliner" becomes
"melodychannelr". :func:`~newsclean.stages.spinner_swaps.infer_swaps` explains
a non-word by one swap only, so such a token stays unexplained even when both
swaps are inferred from other wreckage of the document.

:func:`chained_repairs` puts the originals of the swaps the stage applies back
into each non-word no swap claimed, up to :data:`MAX_CHAIN` of them at once,
and keeps a result that is a word at Zipf :data:`MIN_CHAINED_ZIPF` or more.
Only applied swaps are used: each is already supported by wreckage elsewhere,
so the repair needs no further evidence of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations, pairwise

from newsclean.stages.spinner_swaps import (
    MIN_REPAIRED_ZIPF,
    MIN_SPUN_CHARS,
    Artifact,
    InferredSwap,
    keep_case,
    word_frequency,
)

__all__ = ["MAX_CHAIN", "MIN_CHAINED_ZIPF", "chained_repairs"]

#: Swaps put back into one token at most. Three swaps inside one word did not
#: occur in the development simulations with 400-pair spinners.
MAX_CHAIN = 2
#: The word a chained repair gives back must be this frequent (Zipf); the same
#: floor as a single swap's repair.
MIN_CHAINED_ZIPF = MIN_REPAIRED_ZIPF


def _repairs(low: str, swaps: list[tuple[str, str]], zipf: Callable[[str], float]) -> dict[str, float]:
    """Return every word (with its Zipf) obtained by putting originals back into ``low``."""
    hits: list[tuple[int, int, str]] = []
    for original, spun in swaps:
        i = low.find(spun)
        while i >= 0:
            hits.append((i, i + len(spun), original))
            i = low.find(spun, i + 1)
    out: dict[str, float] = {}
    for k in range(2, min(MAX_CHAIN, len(hits)) + 1):
        for combo in combinations(sorted(hits), k):
            if any(a[1] > b[0] for a, b in pairwise(combo)):
                continue  # overlapping occurrences
            pieces: list[str] = []
            pos = 0
            for s, e, original in combo:
                pieces += [low[pos:s], original]
                pos = e
            word = "".join(pieces) + low[pos:]
            z = zipf(word)
            if z >= MIN_CHAINED_ZIPF:
                out[word] = z
    return out


def chained_repairs(
    candidates: Iterable[tuple[int, int, str]], swaps: Iterable[InferredSwap], lang: str
) -> list[Artifact]:
    """Repair the non-words that several applied swaps explain together.

    Args:
        candidates: ``(start, end, token)`` non-word candidates of the text.
        swaps: The swaps the stage applies; tokens they already claim are skipped.
        lang: wordfreq language code.

    Returns:
        One artifact per repaired token. A token with two different repairs
        keeps the more frequent word.

    >>> from newsclean.stages.spinner_swaps import InferredSwap
    >>> swaps = [InferredSwap("air", "melody"), InferredSwap("line", "channel")]
    >>> [a.repaired for a in chained_repairs([(0, 14, "melodychannelr")], swaps, "en")]
    ['airliner']
    """
    applied = list(swaps)
    claimed = {(a.start, a.end) for sw in applied for a in sw.artifacts}
    pairs = list(dict.fromkeys((sw.original, sw.spun) for sw in applied if " " not in sw.spun))
    pairs = [p for p in pairs if len(p[1]) >= MIN_SPUN_CHARS]
    if len(pairs) < 1:
        return []
    zipf = word_frequency(lang)
    out: list[Artifact] = []
    for start, end, token in candidates:
        if (start, end) in claimed:
            continue
        low = token.lower()
        found = _repairs(low, [p for p in pairs if p[1] in low], zipf)
        if found:
            best = max(found, key=lambda w: found[w])
            out.append(Artifact(start, end, token, keep_case(token, low, best)))
    return out
