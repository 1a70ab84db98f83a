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
from typing import Any, NamedTuple

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
    does not know in ``language`` (:func:`_languages_to_ask`), which it
    would refuse: most captures never import it, nor pay its first-use cost
    (about 0.2 s to import, as much again to build its locale and time-zone
    patterns). A document in a language not handed to dateparser leaves it
    to find the language, among only those that know every word of the
    string: asked in all of its 205 languages, it built every locale (about
    1.8 s) and tried each (about 15 ms a string).
    """
    years = {int(y) for y in _FOUR_DIGIT_YEAR.findall(text)}
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if not years or not any(1 <= n <= 31 for n in numbers):
        return None
    languages = _languages_to_ask(text, language)
    if languages is not None and not languages:
        return None
    import dateparser  # slow path: imported only when needed

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
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


class _DateparserWords(NamedTuple):
    """What ``data/dateparser_words.json`` says of the installed dateparser's languages.

    Attributes:
        shared: The words dateparser knows in every language.
        listed: Each language's own words, as in the file (split on first need).
        unbounded: The languages no word list covers (always asked).
        version: The dateparser version the file was written for.
    """

    shared: frozenset[str]
    listed: dict[str, str]
    unbounded: tuple[str, ...]
    version: str


@lru_cache(maxsize=1)
def _dateparser_words() -> _DateparserWords:
    """The word lists of ``data/dateparser_words.json``."""
    data = read_json("dateparser_words.json", keys=("shared", "languages", "unbounded", "dateparser"))
    return _DateparserWords(
        frozenset(data["shared"].split()), data["languages"], tuple(data["unbounded"]), data["dateparser"]
    )


@lru_cache(maxsize=1)
def _lists_current() -> bool:
    """Whether the word lists were written for the installed dateparser's languages.

    If not, a string whose language is left to dateparser is asked in every
    language, as dateparser would read it. (Such a string is always asked in
    the languages no list covers: dateparser is imported for it anyway.)
    """
    import dateparser

    return bool(dateparser.__version__ == _dateparser_words().version)


@lru_cache(maxsize=256)  # one entry a language: 205 in dateparser 1.5
def _language_words(language: str) -> frozenset[str] | None:
    """The words of ``language`` beyond the shared ones; None when no list covers the language."""
    words = _dateparser_words().listed.get(language)
    return None if words is None else frozenset(words.split())


def _strip_marks(text: str) -> str:
    """``text`` decomposed (NFKD) without its non-spacing marks, as dateparser compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")


def _unknown_runs(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The letter runs of ``text`` no language needs to know: each lower-cased, with its parts without marks.

    Runs dateparser knows in every language, and Roman years, are left out.
    """
    shared = _dateparser_words().shared
    out = []
    for run in _LETTER_RUN.findall(_JOINING_STOP.sub("", text)):
        low = run.lower()
        if low in shared or _ROMAN_YEAR.fullmatch(run):
            continue
        out.append((low, tuple(_LETTER_RUN.findall(_strip_marks(low)))))
    return out


def _reads(runs: list[tuple[str, tuple[str, ...]]], words: frozenset[str]) -> bool:
    """Whether a language of ``words`` (besides the shared ones) knows each of ``runs``."""
    shared = _dateparser_words().shared
    return all(low in words or all(p in words or p in shared for p in parts) for low, parts in runs)


def _languages_to_ask(text: str, language: str | None) -> list[str] | None:
    """The languages dateparser is asked to read ``text`` in: none (an empty list) when it would refuse it.

    dateparser reads a string in a language only when each of its words is
    in that language's data (month and weekday names, skipped and relative
    words, words its rewriting rules turn into those, time-zone names): any
    other word makes it answer None. ``data/dateparser_words.json`` (built
    from dateparser's data by ``benchmarks/dateparser_words.py``) lists a
    superset of those words for each language.

    A ``language`` handed to dateparser (:data:`_DATEPARSER_LANGS`) is asked
    alone, when it knows every word (always, for a language no list covers).
    Otherwise dateparser finds the language itself, trying its languages in
    its own order, and takes the first reading one of them gives: asked only
    in those whose lists cover the string (and the ones no list covers), it
    tries the same languages that could read it, in the same order, and
    gives the same answer. None (every language) for a string without
    letters, when the file was written for another dateparser, or for a
    string that dateparser would cut before ``on:`` (it reads only what
    follows).

    >>> _languages_to_ask("November 18 , 2019", "en")
    ['en']
    >>> _languages_to_ask("Climate impacts by 2050", "en")
    []
    """
    if language is not None and language in _DATEPARSER_LANGS:
        words = _language_words(language)
        if words is None or "on:" in text or _reads(_unknown_runs(text), words):
            return [language]
        return []
    if "on:" in text or not _lists_current():
        return None
    table = _dateparser_words()
    runs = _unknown_runs(text)
    if not runs:
        return None
    found = list(table.unbounded)
    for lang in table.listed:
        words = _language_words(lang)
        if words is not None and _reads(runs, words):
            found.append(lang)
    return found


def _only_dateparser_words(text: str, language: str | None) -> bool:
    """Whether dateparser is asked to read ``text`` for a document in ``language`` (:func:`_languages_to_ask`).

    >>> _only_dateparser_words("November 18 , 2019", "en")
    True
    >>> _only_dateparser_words("Climate impacts by 2050", "en")
    False
    """
    return _languages_to_ask(text, language) != []


# Letter runs are taken whole (possessive), and the word-first form starts only at a run's
# first or second letter (the second, where a digit stands before the run): tried from every
# letter of a long run, the pattern was quadratic in the run's length. Whether it matches
# anywhere is unchanged (a property test compares the two forms).
_WORDED = regex_compile(
    r"(?<!\d)(?:[0-3]?\d\W{0,3}[^\W\d_]{3,}+[^\d]{0,12}?"
    r"|(?<![^\W\d_]{2})[^\W\d_]{3,}+\W{0,3}[0-3]?\d\W{0,3})(?:19|20)\d\d(?!\d)"
)
_CJK = regex_compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


#: Distinct strings whose :func:`looks_like_worded_date` answer is kept: the date stage asks it
#: of every picked line without a date, and the pages of one site repeat those lines (counts,
#: clocks, headlines with a year).
WORDED_CACHE_SIZE = 4096


@lru_cache(maxsize=WORDED_CACHE_SIZE)
def looks_like_worded_date(text: str) -> bool:
    """Whether ``text`` is shaped like a date in words that dateparser may read.

    A day number and a word before a year ("15 अप्रैल 2020"), or a word and a
    day ("ديسمبر 25, 2020"); CJK text is left to the fast path. Cached (the
    answer depends on the string alone).
    """
    if _YEAR_GATE.search(text) is None:  # cheap: the pattern needs a four-digit year
        return False
    return bool(_WORDED.search(text)) and not _CJK.search(text)
