"""The dateparser slow path: short strings in words the fast paths cannot read.

:func:`newsclean.dateparse.parse_date` asks dateparser only after its exact
fast paths found nothing, for a string of at most 80 characters shaped like a
date in words (:func:`looks_like_worded_date`), and at most
:data:`newsclean.stages.date_candidates.MAX_SLOW_CALLS` times per document. dateparser
is imported on the first such string, never before.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from newsclean.data import read_json
from newsclean.datewords import _YEAR_GATE, _patterns
from newsclean.lazyre import regex_compile

__all__ = ["looks_like_worded_date"]

_FOUR_DIGIT_YEAR = regex_compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NUMBER = regex_compile(r"\d+")

# ---------------------------------------------------------------------------
# The slow path
# ---------------------------------------------------------------------------
_DATEPARSER_LANGS = frozenset(
    [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "sv",
        "da",
        "nb",
        "fi",
        "pl",
        "cs",
        "sk",
        "hu",
        "ro",
        "tr",
        "sq",
        "sr",
        "hr",
        "bs",
        "sl",
        "id",
        "ms",
        "lt",
        "lv",
        "et",
        "ru",
        "uk",
        "bg",
        "el",
        "zh",
        "ja",
        "ko",
        "vi",
        "th",
    ]
)


@lru_cache(maxsize=4096)
def _dateparser(text: str, language: str | None) -> datetime | date | None:
    """Parse a short string with dateparser under strict settings (cached).

    dateparser's answer is kept only when the string states its year and day
    (see below), so a string without a four-digit year or without a number
    that can be a day never reaches it, nor one holding a word dateparser
    does not know in ``language`` (:func:`_only_dateparser_words`), which it
    would refuse: most captures never import it, nor pay its first-use cost
    (about 0.2 s to import, as much again to build its locale and time-zone
    patterns).
    """
    years = {int(y) for y in _FOUR_DIGIT_YEAR.findall(text)}
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if not years or not any(1 <= n <= 31 for n in numbers):
        return None
    if not _only_dateparser_words(text, language):
        return None
    import dateparser  # slow path: imported only when needed

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    languages = [language] if language in _DATEPARSER_LANGS else None
    try:
        value: datetime | None = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if value is None:
        return None
    # Keep only what the string states: its four-digit year and day must appear in it.
    if value.year not in years or value.day not in numbers:
        return None
    has_time = bool(_patterns().time_any.search(text))
    if not has_time:
        return value.date()
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=None)


#: A letter run as dateparser's word boundaries cut them (``\W``, digits, ``_``).
_LETTER_RUN = regex_compile(r"[^\W\d_]+")
#: A full stop after a letter: dateparser drops it before reading ("p.m." is "pm" to it).
_JOINING_STOP = regex_compile(r"(?<=[^\d\s])\.")
#: An upper-case Roman numeral from 1000 on: dateparser may read it as a year ("April MMX").
_ROMAN_YEAR = regex_compile(r"M{1,3}[MDCLXVI]*")


@lru_cache(maxsize=1)
def _dateparser_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The words dateparser knows in every language, and those of each language (``data/dateparser_words.json``)."""
    data = read_json("dateparser_words.json", keys=("shared", "languages"))
    shared = frozenset(data["shared"].split())
    return shared, {lang: shared | frozenset(words.split()) for lang, words in data["languages"].items()}


def _strip_marks(text: str) -> str:
    """``text`` decomposed (NFKD) without its non-spacing marks, as dateparser compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")


def _only_dateparser_words(text: str, language: str | None) -> bool:
    """Whether dateparser may read ``text`` in ``language``: every word of it is one dateparser knows there.

    dateparser reads a string in a language only when each of its words is in
    that language's data (month and weekday names, skipped and relative words,
    words its rewriting rules turn into those, time-zone names): any other word
    makes it answer None. ``data/dateparser_words.json`` (built from dateparser's
    data by ``benchmarks/dateparser_words.py``) lists a superset of those words.
    A language missing from it (unknown, or one whose rules accept any letters)
    is always asked, and so is a string that dateparser would cut before
    ``on:`` (it reads only what follows).

    >>> _only_dateparser_words("November 18 , 2019", "en")
    True
    >>> _only_dateparser_words("Climate impacts by 2050", "en")
    False
    """
    table = _dateparser_words()[1]
    words = table.get(language) if language is not None else None
    if words is None or "on:" in text:
        return True
    for run in _LETTER_RUN.findall(_JOINING_STOP.sub("", text)):
        low = run.lower()
        if low in words or _ROMAN_YEAR.fullmatch(run):
            continue
        if not all(part in words for part in _LETTER_RUN.findall(_strip_marks(low))):
            return False
    return True


# Letter runs are taken whole (possessive), and the word-first form starts only at a run's
# first or second letter (the second, where a digit stands before the run): tried from every
# letter of a long run, the pattern was quadratic in the run's length. Whether it matches
# anywhere is unchanged (a property test compares the two forms).
_WORDED = regex_compile(
    r"(?<!\d)(?:[0-3]?\d\W{0,3}[^\W\d_]{3,}+[^\d]{0,12}?"
    r"|(?<![^\W\d_]{2})[^\W\d_]{3,}+\W{0,3}[0-3]?\d\W{0,3})(?:19|20)\d\d(?!\d)"
)
_CJK = regex_compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


def looks_like_worded_date(text: str) -> bool:
    """Whether ``text`` is shaped like a date in words that dateparser may read.

    A day number and a word before a year ("15 अप्रैल 2020"), or a word and a
    day ("ديسمبر 25, 2020"); CJK text is left to the fast path.
    """
    if _YEAR_GATE.search(text) is None:  # cheap: the pattern needs a four-digit year
        return False
    return bool(_WORDED.search(text)) and not _CJK.search(text)
