"""The data layer: every shipped data file reads, with its source noted, through one reader."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import data
from newsclean.data import DataError, alternation, read_json, read_tsv
from newsclean.errors import NewscleanError

FILES = sorted(
    p.name for p in resources.files("newsclean.data").iterdir() if p.name.endswith((".json", ".tsv"))
)


@pytest.mark.parametrize("name", FILES)
def test_every_shipped_file_reads_and_says_where_it_comes_from(name: str) -> None:
    if name.endswith(".json"):
        assert read_json(name)
    else:
        assert read_tsv(name)


def test_a_missing_file_or_key_is_a_data_error() -> None:
    with pytest.raises(DataError, match="missing"):
        read_json("no_such_file.json")
    with pytest.raises(DataError, match="'nope'"):
        read_json("stopwords.json", keys=("stopwords", "nope"))
    assert issubclass(DataError, NewscleanError)


def test_malformed_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {
        "list.json": "[1, 2]",
        "bare.json": '{"words": []}',
        "broken.json": "{",
        "bare.tsv": "a\tb\n",
        "rows.tsv": "# source\na\tb\nc\n",
    }
    monkeypatch.setattr(data, "_read_text", texts.__getitem__)
    data._json.cache_clear()
    data._tsv.cache_clear()
    try:
        with pytest.raises(DataError, match="JSON object"):
            read_json("list.json")
        with pytest.raises(DataError, match="about"):
            read_json("bare.json")
        with pytest.raises(DataError, match="not valid JSON"):
            read_json("broken.json")
        with pytest.raises(DataError, match="'#'"):
            read_tsv("bare.tsv")
        with pytest.raises(DataError, match="row"):
            read_tsv("rows.tsv", columns=2)
        assert read_tsv("rows.tsv") == (("a", "b"), ("c",))
    finally:
        data._json.cache_clear()
        data._tsv.cache_clear()


def test_alternation_prefers_the_longest_entry_in_both_engines() -> None:
    pattern = alternation(["read", "read more", "more", "", "read"])
    for engine in (re, regex):
        m = engine.compile(pattern).search("please read more now")
        assert m is not None and m.group(0) == "read more"
    assert alternation(["b", "a", "ab"]) == alternation(["ab", "a", "b"])  # the same on every run


def test_alternation_can_match_any_white_space_inside_an_entry() -> None:
    pattern = re.compile(alternation(["read more"], space=r"\s+"))
    assert pattern.fullmatch("read \t more")
    assert not re.compile(alternation(["read more"])).fullmatch("read  more")


def test_alternation_refuses_an_empty_group() -> None:
    with pytest.raises(ValueError):
        alternation(["", ""])


@pytest.mark.parametrize(
    "text",
    ["read more here", "more reading", "reader", "sign up for our newsletter today", "sign in", "nothing"],
)
def test_alternation_finds_what_a_flat_longest_first_list_finds(text: str) -> None:
    words = ["read", "read more", "more", "reader", "sign up", "sign up for our newsletter", "sign in", "in"]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    expected = re.search(flat, text)
    found = re.search(alternation(words), text)
    assert (found and found.group(0)) == (expected and expected.group(0))


@pytest.mark.parametrize(
    ("words", "text", "why"),
    [
        (["ας", "ασα"], "ΑΣΑ", "final and medial sigma both match a capital sigma"),
        (["ai", "aıx"], "AIX", "dotted and dotless i both match a capital I"),
        (["Ab", "aBc"], "ABC", "entries that differ only in case"),
    ],
)
def test_alternation_for_ignorecase_keeps_the_longest_match(words: list[str], text: str, why: str) -> None:
    flat = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    expected = regex.match(flat, text, regex.IGNORECASE)
    assert expected is not None
    found = regex.match(alternation(words, ignorecase=True), text, regex.IGNORECASE)
    assert found is not None and found.group(0) == expected.group(0), why
    # the plain trie tries the branches in character order and stops at the shorter entry
    plain = regex.match(alternation(words), text, regex.IGNORECASE)
    assert plain is not None and plain.group(0) != expected.group(0), why


def test_alternation_for_ignorecase_is_the_plain_trie_without_confusable_branches() -> None:
    words = ["march", "mar", "may", "marzo"]
    assert alternation(words, ignorecase=True) == alternation(words) == "ma(?:r(?:ch|zo)?|y)"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="aiıIσςΣbB ", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet="aiıIσςΣbB ", max_size=20),
)
def test_alternation_for_ignorecase_finds_what_a_flat_list_finds(words: list[str], text: str) -> None:
    flat = "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    tree = alternation(words, ignorecase=True)
    expected = [m.span() for m in regex.finditer(flat, text, regex.IGNORECASE)]
    assert [m.span() for m in regex.finditer(tree, text, regex.IGNORECASE)] == expected


# -- packaged alternations ------------------------------------------------------------------------


def test_packaged_alternations_are_the_ones_written_from_the_trie() -> None:
    packaged = data._packaged_alternations()
    if not packaged:
        pytest.skip(
            "data/regex_forms.marshal holds no alternations for this code: python -m benchmarks.regex_forms"
        )
    for key, pattern in packaged.items():
        entries, space, ignorecase = key
        assert data.write_alternation(key) == pattern
        assert alternation(reversed(entries), space=space, ignorecase=ignorecase) == pattern


def test_alternations_of_other_code_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = data._packaged_alternations()
    if not packaged:
        pytest.skip(
            "data/regex_forms.marshal holds no alternations for this code: python -m benchmarks.regex_forms"
        )
    key = next(iter(packaged))
    real = data.alternation_code
    monkeypatch.setattr(data, "alternation_code", lambda: real() + 1)
    data._packaged_alternations.cache_clear()
    try:
        assert data._written_alternation(key) is None
        assert alternation(key[0], space=key[1], ignorecase=key[2]) == packaged[key]
    finally:
        data._packaged_alternations.cache_clear()


def test_alternation_code_leaves_out_where_the_code_lies() -> None:
    def a(x: str) -> str:
        return x + "!"

    def b(x: str) -> str:  # the same code, another name and line
        return x + "!"

    def c(x: str) -> str:
        return x + "?"

    assert data._code_crc(a.__code__, 0) == data._code_crc(b.__code__, 0) != data._code_crc(c.__code__, 0)
