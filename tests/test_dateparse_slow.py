"""Tests of ``newsclean.dateparse_slow``: dateparser is asked only when its answer could be kept."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsclean.dateparse import parse_date

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "clean"


@pytest.mark.parametrize(
    "text",
    [
        "Nifty: 11991.8+51.7",  # no four-digit year standing alone
        "Card offers 0% interest until 2021",  # a year, but no number that can be a day
        "Version 2020",
    ],
)
def test_strings_without_a_year_and_a_day_number_get_no_answer(text: str) -> None:
    assert parse_date(text, language="en") is None


def test_a_worded_date_is_still_read() -> None:
    assert parse_date("15 अप्रैल 2020", language="hi") == date(2020, 4, 15)


def test_clean_text_never_imports_dateparser() -> None:
    code = (
        "import sys, pathlib, newsclean\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
        "    newsclean.clean(p.read_text(encoding='utf-8'))\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(CLEAN)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


ROOT = Path(__file__).resolve().parents[1]
STRICT = {
    "PREFER_DATES_FROM": "past",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}


def test_word_list_matches_the_installed_dateparser() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks import dateparser_words

    assert dateparser_words.main(["--check"]) == 0  # else: python -m benchmarks.dateparser_words


@pytest.mark.parametrize(
    ("text", "language", "asked"),
    [
        ("November 18 , 2019", "en", True),  # only date words: dateparser reads it
        ("Tue, 18 Sept. 2019 5 p.m. EST", "en", True),  # a stop after letters is dropped, "EST" stripped
        ("18. November 2019 um 10 Uhr", "de", True),
        ("le 18 novembre 2019 à midi", "fr", True),
        ("April MMX, 18", "en", True),  # a Roman year
        ("Posted on: 18 Nov 2019", "en", True),  # dateparser reads only what follows "on:"
        ("15 अप्रैल 2020", "hi", True),  # no word list for Hindi: always asked
        ("30 Under 30 2019", "en", False),
        ("Climate impacts 'to cost world $7.9 trillion' by 2050", "en", False),
        ("By Jane DoeNovember 15, 2019", "en", False),  # a name glued to the month
        ("Nov.November 18, 2019", "en", False),  # the stop dropped, "novnovember" is no word
        ("18 July 2019", "de", False),  # an English month name in German
    ],
)
def test_only_strings_of_date_words_are_asked(text: str, language: str, asked: bool) -> None:
    from newsclean.dateparse_slow import _only_dateparser_words

    assert _only_dateparser_words(text, language) is asked


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("30 Under 30 2019", "en"),
        ("Member since 12/2004 18", "en"),
        ("By Jane DoeNovember 15, 2019", "en"),
        ("18 July 2019", "de"),
        ("Meet the top 10 Heroes of 2012", "en"),
        ("vom 18. Dezember 2019 bis heute", "fr"),
    ],
)
def test_strings_not_asked_are_refused_by_dateparser(text: str, language: str) -> None:
    import dateparser

    from newsclean.dateparse_slow import _only_dateparser_words

    assert not _only_dateparser_words(text, language)
    assert dateparser.parse(text, languages=[language], settings=STRICT) is None


def test_prose_with_a_worded_date_never_imports_dateparser() -> None:
    code = (
        "import sys, newsclean\n"
        "newsclean.clean('Storm hits coast\\nClimate impacts to cost world trillions by 2050, "
        "says report of 18\\nThe storm came.')\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        ("15 अप्रैल 2020", {"hi"}, {"en", "de"}),  # Hindi month name: Hindi, not English
        ("18. November 2019", {"de", "en"}, {"ru"}),
        ("12 мая 2019", {"ru"}, {"en", "uk"}),  # "мая" is Russian, not Ukrainian
        ("Mend Me (TVQ, 2020)", set(), {"en", "de", "fr"}),  # no list holds "mend"
    ],
)
def test_a_string_of_no_given_language_is_asked_in_the_languages_that_know_its_words(
    text: str, asked: set[str], not_asked: set[str]
) -> None:
    from newsclean.dateparse_slow import _dateparser_words, _languages_to_ask

    languages = _languages_to_ask(text, None)
    assert languages is not None
    assert asked <= set(languages)
    assert not (not_asked & set(languages))
    assert set(_dateparser_words().unbounded) <= set(languages)  # no list covers them: always asked


@pytest.mark.parametrize("text", ["18/11/2019 10:30", "Posted on: 18 Nov 2019"])
def test_every_language_is_asked_without_letters_or_before_on(text: str) -> None:
    from newsclean.dateparse_slow import _languages_to_ask

    assert _languages_to_ask(text, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "15 अप्रैल 2020",
        "21. juni/lipanj, 2020.",
        "Mend Me (TVQ, 2020)",
        "11:39 GMT29 April 2020",
        "17:55 GMT17 مارس/ آذار 2020",
        "20 مارس 2020",  # Arabic letters: Persian reads them as letter variants
        "12 دی 2019",
        "3 ноября 2019 г.",
        "3 listopada 2019 r.",
        "5 März 2020 um 10 Uhr",
        "April MMX, 18",
        "Nov. 3, 2019 at 5 p.m. EST",
        "sábado 14 de marzo de 2020",
    ],
)
def test_the_languages_asked_give_the_answer_of_every_language(text: str) -> None:
    import dateparser

    from newsclean.dateparse_slow import _languages_to_ask

    languages = _languages_to_ask(text, None)
    assert languages != []
    every = dateparser.parse(text, settings=STRICT)
    assert dateparser.parse(text, languages=languages, settings=STRICT) == every
