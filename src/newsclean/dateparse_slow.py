"""The dateparser slow path: short strings in words the fast paths cannot read.

:func:`newsclean.dateparse.parse_date` asks dateparser only after its exact
fast paths found nothing, for a string of at most 80 characters shaped like a
date in words (:func:`looks_like_worded_date`), and at most
:data:`newsclean.stages.date_candidates.MAX_SLOW_CALLS` times per document. dateparser
is imported on the first such string, never before.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

import regex

from newsclean.datewords import _YEAR_GATE, _patterns

__all__ = ["looks_like_worded_date"]

_FOUR_DIGIT_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NUMBER = regex.compile(r"\d+")

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
    that can be a day never reaches it: most captures never import it, nor
    pay its first-use cost (building its locale and time-zone patterns).
    """
    years = {int(y) for y in _FOUR_DIGIT_YEAR.findall(text)}
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if not years or not any(1 <= n <= 31 for n in numbers):
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


_WORDED = regex.compile(
    r"(?<!\d)(?:[0-3]?\d\W{0,3}[^\W\d_]{3,}[^\d]{0,12}?|[^\W\d_]{3,}\W{0,3}[0-3]?\d\W{0,3})(?:19|20)\d\d(?!\d)"
)
_CJK = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


def looks_like_worded_date(text: str) -> bool:
    """Whether ``text`` is shaped like a date in words that dateparser may read.

    A day number and a word before a year ("15 अप्रैल 2020"), or a word and a
    day ("ديسمبر 25, 2020"); CJK text is left to the fast path.
    """
    if _YEAR_GATE.search(text) is None:  # cheap: the pattern needs a four-digit year
        return False
    return bool(_WORDED.search(text)) and not _CJK.search(text)
