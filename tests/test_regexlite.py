"""Tests of newsclean.regexlite: what it offers in place of ``regex`` is what ``regex`` gives.

The flags have ``regex``'s values, :func:`escape` writes what ``regex.escape`` writes, a
pattern built from a packaged form pickles as a compiled one does, and a first capture whose
patterns all have packaged forms does not import ``regex``'s parser.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean import regexlite

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    "name", ["IGNORECASE", "I", "LOCALE", "MULTILINE", "DOTALL", "S", "VERBOSE", "VERSION0", "VERSION1"]
)
def test_flags_have_the_values_of_regex(name: str) -> None:
    assert getattr(regexlite, name) == int(getattr(regex, name))


@pytest.mark.parametrize("text", ["", "read more", "a.b*c", "(x)[y]{z}", "tab\there\nnl", "ä-ö #&~ ı", "\\"])
def test_escape_writes_what_regex_escape_writes(text: str) -> None:
    assert regexlite.escape(text) == regex.escape(text)


@given(st.text())
def test_escape_writes_what_regex_escape_writes_on_any_text(text: str) -> None:
    assert regexlite.escape(text) == regex.escape(text)


def test_other_names_come_from_regex() -> None:
    assert regexlite.Pattern is regex.Pattern
    assert regexlite.error is regex.error
    with pytest.raises(AttributeError):
        regexlite.__wrapped__  # noqa: B018 - the lookup is the test


def test_compile_and_match_answer_as_regex() -> None:
    assert regexlite.compile(r"\w+", regexlite.I).findall("Two words") == ["Two", "words"]
    got = regexlite.match(r"(\d+)-", "12-34")
    assert got is not None and got.group(1) == "12"
    assert regexlite.match(r"\d", "x") is None


def test_default_version_follows_regex() -> None:
    assert regexlite.default_version() == int(regex.DEFAULT_VERSION)


def test_a_pattern_built_from_its_form_pickles_as_regex_pickles_it() -> None:
    forms = [key for key in regexlite._load_forms() if key[0] == "regex"]
    if not forms:
        pytest.skip("no packaged regex forms for the installed regex: python -m benchmarks.regex_forms")
    _, source, flags = forms[0]
    built = regexlite._from_form(("regex", source, flags))
    back = pickle.loads(pickle.dumps(built))
    assert (back.pattern, back.flags) == (built.pattern, built.flags)


_FRESH = """
import pickle, sys
import newsclean
from newsclean import regexlite
packaged = [key for key in regexlite._load_forms() if key[0] == "regex"]
if not packaged:
    print("no forms")
    sys.exit(0)
for path in sys.argv[1:]:
    newsclean.clean(open(path, encoding="utf-8").read())
built = regexlite.regex_compile(*packaged[0][1:])
parser = "regex._regex_core" in sys.modules
again = pickle.loads(pickle.dumps(built))  # unpickling imports regex, as its reducer names regex._regex
regexlite.error  # a name regexlite hands over from regex
import regex
bound = regex._regex is sys.modules["regex._regex"] and isinstance(built, regex.Pattern)
print(int(parser), int(again.pattern == built.pattern and bound), regexlite.unformed)
"""


def test_a_first_capture_with_packaged_forms_leaves_the_parser_unimported() -> None:
    """In a fresh process: the bundled text capture is cleaned, and a pattern pickled, without ``regex``'s parser.

    A capture needing a pattern the forms file does not hold imports it (correctly, only later);
    the forms file is built from the bundled fixtures, so their first capture needs none once
    it is rebuilt. A module importing ``regex`` itself (rather than ``newsclean.regexlite``)
    imports the parser with every pattern packaged: that fails here.
    """
    capture = sorted(FIXTURES.glob("*.txt"))[0]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", _FRESH, str(capture)], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    if out == ["no", "forms"]:
        pytest.skip("no packaged regex forms for the installed regex: python -m benchmarks.regex_forms")
    parser, pickled, unformed = out
    if parser == "1" and unformed != "0":
        pytest.skip(f"{unformed} patterns compiled from source: rebuild python -m benchmarks.regex_forms")
    assert (parser, pickled) == ("0", "1")
