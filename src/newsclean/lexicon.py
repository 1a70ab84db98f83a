"""Word frequencies: a packaged English list in front of wordfreq, safe for every language.

wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq; code Apache-2.0, data CC
BY-SA 4.0) gives the frequencies. Loading it costs hundreds of milliseconds on the first
lookup of a process (importing wordfreq and langcodes, unpacking the list), which every
worker would pay on its first English capture. For English, the same list is packaged
as ``data/words_en.txt.gz`` (built by ``benchmarks/wordlist.py``, same licence as
wordfreq's data) and read lazily in a few tens of milliseconds:
:func:`frequencies` gives exactly ``wordfreq.get_frequency_dict(lang)``, and
:func:`zipf` gives exactly ``wordfreq.zipf_frequency`` for plain ASCII words (other
words, and other languages, still ask wordfreq).

wordfreq tokenizes a word before looking it up. For Chinese it needs jieba, for Japanese
and Korean MeCab, packages newsclean does not install; a token in one of those languages,
or a language wordfreq has no list for, must not crash a stage. :func:`zipf` answers
``None`` ("unknown") then, and every caller treats unknown as "no evidence".
"""

from __future__ import annotations

import gzip
import math
from functools import lru_cache
from importlib import resources

__all__ = ["PACKAGED", "frequencies", "packaged_frequencies", "zipf"]

#: Languages whose wordfreq list is packaged (``data/words_<lang>.txt.gz``).
PACKAGED = frozenset({"en"})


@lru_cache(maxsize=4)
def packaged_frequencies(lang: str) -> dict[str, float] | None:
    """Return the packaged word -> frequency dictionary of ``lang``, or None when none is packaged.

    Each line of the file holds a frequency bucket ``N`` and its words; wordfreq
    stores the frequency ``10 ** (-N / 100)`` (centibels) and so does this.

    >>> packaged_frequencies("en")["the"] > 0.01
    True
    """
    if lang not in PACKAGED:
        return None
    raw = resources.files("newsclean.data").joinpath(f"words_{lang}.txt.gz").read_bytes()
    freqs: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        bucket, _, words = line.partition("\t")
        freqs.update(dict.fromkeys(words.split(" "), 10 ** (-int(bucket) / 100)))
    return freqs


def frequencies(lang: str) -> dict[str, float]:
    """Return wordfreq's word -> frequency dictionary for ``lang`` (the packaged copy when there is one).

    Raises:
        LookupError: When wordfreq has no list for ``lang``.
    """
    packaged = packaged_frequencies(lang)
    if packaged is not None:
        return packaged
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)


#: What ``wordfreq.zipf_frequency`` returns for a word it does not list (minimum 0).
_UNLISTED = 1e-9


def _zipf_of(freq: float) -> float:
    """Round a frequency and turn it into Zipf as ``wordfreq.zipf_frequency`` does for one token."""
    if freq != _UNLISTED:
        freq = 1.0 / (1.0 / freq)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float | None:
    """Return the Zipf frequency of ``word`` in ``language``, or None when unknown.

    The Zipf scale is log10 of the frequency per billion words: 3 is once per
    million words, 0 is a word wordfreq has never seen. ``None`` means wordfreq
    cannot answer here (no list for the language, or its tokenizer for the
    language is not installed). A plain ASCII word of a packaged language is
    answered from the packaged list, exactly as wordfreq would.

    >>> zipf("the") > 7
    True
    >>> zipf("qzxv") == 0.0
    True
    >>> zipf("word", "xx") is None
    True
    """
    if language in PACKAGED and word.isascii() and word.isalpha():
        freqs = packaged_frequencies(language)
        if freqs is not None:
            return _zipf_of(freqs.get(word.lower(), _UNLISTED))
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return None
    try:
        return float(zipf_frequency(word, language))
    except (LookupError, ImportError, ValueError):
        return None
