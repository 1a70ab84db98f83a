"""Word frequencies from wordfreq, safe for every language and script.

wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq, MIT licence; data CC BY-SA
4.0) tokenizes a word before looking it up. For Chinese it needs jieba, for Japanese and
Korean MeCab, packages newsclean does not install; a token in one of those languages, or a
language wordfreq has no list for, must not crash a stage. :func:`zipf` answers ``None``
("unknown") then, and every caller treats unknown as "no evidence".
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["zipf"]


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float | None:
    """Return the Zipf frequency of ``word`` in ``language``, or None when unknown.

    The Zipf scale is log10 of the frequency per billion words: 3 is once per
    million words, 0 is a word wordfreq has never seen. ``None`` means wordfreq
    cannot answer here (no list for the language, or its tokenizer for the
    language is not installed).

    >>> zipf("the") > 7
    True
    >>> zipf("qzxv") == 0.0
    True
    >>> zipf("word", "xx") is None
    True
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return None
    try:
        return float(zipf_frequency(word, language))
    except (LookupError, ImportError, ValueError):
        return None
