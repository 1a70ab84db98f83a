"""A simulated article spinner, with ground truth, for ``benchmarks/spinner.py``.

The spinner modelled here is the one seen in spun news copies: it swaps
strings from a fixed table (``original -> spun``) by plain substring search
over lower-case text, so it also rewrites inside longer words
("against" -> "once morest", "afterwards" -> "followingwards") while
capitalised forms ("After", "Again") survive. Each occurrence is spun with
probability ``rate``.

Every swap is recorded as a :class:`Swap` with its span in the spun text and
in the clean text, and its kind:

* ``artifact``: the swap landed inside a longer word (letters glued on either
  side), leaving a non-word such as "followingwards";
* ``word``: the swap replaced a whole word, leaving real English
  ("regarding", "following", "once more").

Usage::

    from benchmarks.spinsim import spin
    spun = spin("He came back again after the storm.", rate=1.0, seed=1)
    spun.text  # 'He came back once more following the storm.'
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsclean.stages.spinner import Substitution, load_substitutions

__all__ = ["SpunText", "Swap", "spin"]


@dataclass(frozen=True)
class Swap:
    """One substitution the simulator made."""

    spun_start: int
    spun_end: int
    clean_start: int
    clean_end: int
    original: str
    spun: str
    kind: Literal["artifact", "word"]


@dataclass(frozen=True)
class SpunText:
    """A spun text, the clean text it came from, and the swaps in order."""

    clean: str
    text: str
    swaps: tuple[Swap, ...]

    def to_clean(self, pos: int) -> int | None:
        """Map an offset of the spun text to the clean text (None inside a swap)."""
        starts = [s.spun_start for s in self.swaps]
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        s = self.swaps[i]
        if pos == s.spun_start:
            return s.clean_start
        if pos < s.spun_end:
            return None
        return pos - s.spun_end + s.clean_end


def spin(
    text: str,
    *,
    rate: float,
    seed: int = 0,
    table: Sequence[Substitution] | None = None,
) -> SpunText:
    """Spin ``text``: replace each lower-case occurrence of a table original with probability ``rate``.

    Args:
        text: Clean text.
        rate: Probability that one occurrence is swapped (1.0 = every one, as
            the spinner of real spun copies does).
        seed: Seed of the random choices (the result is deterministic).
        table: Substitutions (default: the packaged table).

    Returns:
        The spun text with its ground truth.
    """
    subs = list(table if table is not None else load_substitutions())
    by_original = {s.original: s for s in subs}
    # Longest originals first so that one swap never splits another.
    pattern = re.compile("|".join(re.escape(o) for o in sorted(by_original, key=len, reverse=True)))
    rng = random.Random(seed)
    pieces: list[str] = []
    swaps: list[Swap] = []
    pos = 0
    out_len = 0
    for m in pattern.finditer(text):
        if rng.random() >= rate:
            continue
        sub = by_original[m.group()]
        s, e = m.span()
        glued = (s > 0 and text[s - 1].isalpha()) or (e < len(text) and text[e].isalpha())
        pieces.append(text[pos:s])
        out_len += s - pos
        swaps.append(
            Swap(
                out_len,
                out_len + len(sub.spun),
                s,
                e,
                sub.original,
                sub.spun,
                "artifact" if glued else "word",
            )
        )
        pieces.append(sub.spun)
        out_len += len(sub.spun)
        pos = e
    pieces.append(text[pos:])
    return SpunText(text, "".join(pieces), tuple(swaps))
