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
