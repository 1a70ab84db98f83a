"""A simulated article spinner, with ground truth, for ``benchmarks/spinner.py``.

A spinner is a find-and-replace over its own synonym list. The one modelled
here works like the spinner seen in spun news copies: it replaces raw
lower-case substrings, so it also rewrites inside longer words ("together"
-> "toobtainher" with "get -> obtain") while capitalised forms survive. Each
occurrence is spun with probability ``rate``.

Swap pairs are drawn at random from a broad synonym list
(``benchmarks/data/spinner_pairs.tsv``: Open English WordNet pairs over all
senses, built by ``benchmarks/synonyms.py``). The originals are split once, by
a stable hash, into a development pool and a **held-out pool**: development
runs draw from the first, and the held-out pool is only used for the final
report (``--held-out``), never while tuning.

Every swap is recorded as a :class:`Swap` with its span in the spun text and
in the clean text, and its kind:

* ``nonword``: the swap landed inside a longer word and left a token that is
  not a word (Zipf < 1 in wordfreq), such as "toobtainher";
* ``inflected``: it landed inside a longer word but left a real word
  ("gets" -> "obtains");
* ``word``: it replaced a whole word ("get" -> "obtain").

Usage::

    from benchmarks.spinsim import spin
    spun = spin("We met again after the storm.", [("again", "once more")], rate=1.0)
    spun.text  # 'We met once more after the storm.'
"""

from __future__ import annotations

import bisect
import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = ["PAIRS", "SpunText", "Swap", "draw_spinner", "load_pairs", "pool", "spin"]

PAIRS = Path(__file__).resolve().parent / "data" / "spinner_pairs.tsv"

#: One original in this many goes to the held-out pool (stable hash of the word).
HELD_OUT_EVERY = 4
#: A token below this Zipf frequency is a non-word (the simulator's own
#: definition, the same as wordfreq's list floor).
NONWORD_ZIPF = 1.0

Kind = Literal["nonword", "inflected", "word"]


@dataclass(frozen=True)
class Swap:
    """One substitution the simulator made."""

    spun_start: int
    spun_end: int
    clean_start: int
    clean_end: int
    original: str
    spun: str
    kind: Kind


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


@lru_cache(maxsize=1)
def load_pairs() -> tuple[tuple[str, str], ...]:
    """Read the broad synonym list."""
    pairs = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            o, s = line.split("\t")
            pairs.append((o, s))
    return tuple(pairs)


def _held_out(word: str) -> bool:
    return zlib.crc32(word.encode()) % HELD_OUT_EVERY == 0


def pool(held_out: bool) -> tuple[tuple[str, str], ...]:
    """Return the development pool or the held-out pool of swap pairs."""
    return tuple(p for p in load_pairs() if _held_out(p[0]) == held_out)


def draw_spinner(pairs: Sequence[tuple[str, str]], n: int, seed: int) -> list[tuple[str, str]]:
    """Draw a spinner: ``n`` pairs with distinct originals, at random from ``pairs``."""
    rng = random.Random(seed)
    by_original: dict[str, list[str]] = {}
    for o, s in pairs:
        by_original.setdefault(o, []).append(s)
    originals = rng.sample(sorted(by_original), min(n, len(by_original)))
    return [(o, rng.choice(by_original[o])) for o in originals]


def _token_at(text: str, s: int, e: int) -> str:
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    while e < len(text) and text[e].isalpha():
        e += 1
    return text[s:e]


def spin(text: str, table: Sequence[tuple[str, str]], *, rate: float, seed: int = 0) -> SpunText:
    """Spin ``text``: replace each lower-case occurrence of a table original with probability ``rate``.

    Args:
        text: Clean text.
        table: ``(original, synonym)`` pairs of the spinner.
        rate: Probability that one occurrence is swapped (1.0 = every one, as
            the spinner of real spun copies does).
        seed: Seed of the random choices (the result is deterministic).

    Returns:
        The spun text with its ground truth.
    """
    from wordfreq import zipf_frequency

    by_original = dict(table)
    # Longest originals first so that one swap never splits another.
    pattern = re.compile("|".join(re.escape(o) for o in sorted(by_original, key=len, reverse=True)))
    rng = random.Random(seed)
    pieces: list[str] = []
    raw: list[tuple[int, int, int, int, str, str, bool]] = []
    pos = 0
    out_len = 0
    for m in pattern.finditer(text):
        if rng.random() >= rate:
            continue
        original = m.group()
        spun = by_original[original]
        s, e = m.span()
        glued = (s > 0 and text[s - 1].isalpha()) or (e < len(text) and text[e].isalpha())
        pieces.append(text[pos:s])
        out_len += s - pos
        raw.append((out_len, out_len + len(spun), s, e, original, spun, glued))
        pieces.append(spun)
        out_len += len(spun)
        pos = e
    pieces.append(text[pos:])
    out = "".join(pieces)
    swaps = []
    for ss, se, cs, ce, original, spun, glued in raw:
        kind: Kind = "word"
        if glued:
            token = _token_at(out, ss, se)
            bad = any(zipf_frequency(p, "en") < NONWORD_ZIPF for p in token.lower().split())
            kind = "nonword" if bad else "inflected"
        swaps.append(Swap(ss, se, cs, ce, original, spun, kind))
    return SpunText(text, out, tuple(swaps))
