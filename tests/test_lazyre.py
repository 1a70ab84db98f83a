"""Tests of newsclean.lazyre: a lazy pattern answers as the compiled one and compiles once.

A vocabulary pattern answers as its full pattern on every text, compiling the full one only
for texts holding a letter of the entries the core pattern leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.data import alternation
from newsclean.lazyre import lazy, lazy_re, vocabulary_pattern


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("match", ("ab12 cd",)),
        ("search", ("-- ab12",)),
        ("fullmatch", ("ab12",)),
        ("findall", ("ab cd ef",)),
        ("sub", ("#", "ab cd")),
        ("split", ("ab cd",)),
    ],
)
def test_lazy_pattern_answers_as_the_compiled_one(method: str, args: tuple[str, ...]) -> None:
    def show(x: object) -> object:
        return x.group() if isinstance(x, (re.Match, regex.Match)) else x

    assert show(getattr(lazy(r"\p{L}+\d*"), method)(*args)) == show(
        getattr(regex.compile(r"\p{L}+\d*"), method)(*args)
    )
    assert show(getattr(lazy_re(r"[a-z]+\d*"), method)(*args)) == show(
        getattr(re.compile(r"[a-z]+\d*"), method)(*args)
    )


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources ``regex.compile`` is called with during the test, in order."""
    calls: list[str] = []
    real = regex.compile

    def counting(pattern: str, flags: int = 0) -> regex.Pattern[str]:
        calls.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(regex, "compile", counting)
    return calls


def test_lazy_pattern_compiles_on_first_use_only(compiled: list[str]) -> None:
    calls = compiled
    pattern = lazy(r"x+", regex.IGNORECASE)
    assert calls == [] and pattern.pattern == "x+"
    assert [m.group() for m in pattern.finditer("xX y x")] == ["xX", "x"]
    assert pattern.search("axxb") is not None and pattern.groups == 0
    assert calls == ["x+"]


# -- vocabulary patterns: a smaller pattern for lines without the other entries' letters ----------
_WORDS = ["read more", "read", "Läs mer", "lire aussi", "À lire", "mayıs", "Ελληνικά", "ok"]


def _vocab_source(alt: Callable[[Iterable[str]], str]) -> str:
    return rf"(?<!\w)(?P<w>{alt(_WORDS)})(?!\w)\s*:?"


def _full() -> regex.Pattern[str]:
    entries = {w.lower() for w in _WORDS}
    return regex.compile(
        _vocab_source(lambda _: alternation(entries, space=r"\s+", ignorecase=True)), regex.I
    )


FULL = _full()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_WORDS, "READ", "LÄS", "MAYIS", "À", "ΕΛΛΗΝΙΚΆ", "x", " ", ":", "’", "\n", "é", "ä"]
        ),
        max_size=12,
    )
)
def test_vocabulary_pattern_finds_what_the_full_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    split = vocabulary_pattern(_vocab_source)
    assert [m.span() for m in split.finditer(text)] == [m.span() for m in FULL.finditer(text)]
    assert split.sub("#", text) == FULL.sub("#", text)
    found, want = split.search(text), FULL.search(text)
    assert (found and found.group("w")) == (want and want.group("w"))


def test_vocabulary_pattern_compiles_the_full_pattern_only_for_lines_that_need_it(
    compiled: list[str],
) -> None:
    pattern = vocabulary_pattern(_vocab_source)
    assert compiled == []
    # ASCII, and a curly quote no entry holds: the core pattern ("mayıs" is core: ı matches I)
    assert pattern.match("Read more: x") is not None and pattern.search("“ok”") is not None
    assert pattern.match("MAYIS’ta").group("w") == "MAYIS"
    core, letters = compiled  # the core pattern, and the class of the left-out entries' letters
    assert "ä" not in core and "ı" in core and "ä" in letters
    assert pattern.match("LÄS MER: x") is not None  # holds "ä": the full pattern
    assert len(compiled) == 3 and pattern.pattern == compiled[-1] and "ä" in compiled[-1]


def test_vocabulary_pattern_refuses_an_empty_group() -> None:
    with pytest.raises(ValueError, match="empty vocabulary group"):
        vocabulary_pattern(lambda alt: alt(["", ""]))


# -- packaged compiled forms ---------------------------------------------------------------------


def _fixture_lines() -> list[str]:
    FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.html"))]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def _answers(pattern: Any, lines: list[str]) -> list[object]:
    if isinstance(pattern.pattern, bytes):
        return [[(m.span(), m.groups()) for m in pattern.finditer(line.encode())] for line in lines]
    return [[(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(line)] for line in lines]


def test_packaged_forms_build_the_patterns_the_engines_compile() -> None:
    from newsclean import lazyre, regexlite

    forms = regexlite._load_forms()
    engines = {engine for engine, _, _ in forms}
    if engines != {"regex", "re"}:
        pytest.skip(
            f"data/{lazyre.FORMS_FILE} holds no forms for {sorted({'regex', 're'} - engines)} as installed "
            f"({lazyre.engine_keys()}): rebuild it with python -m benchmarks.regex_forms"
        )
    lines = _fixture_lines()
    for key in forms:
        engine, source, flags = key
        built = regexlite._from_form(key)
        plain = (regex if engine == "regex" else re).compile(source, flags)
        assert built is not None and built is not plain
        assert (built.pattern, built.flags, built.groups, built.groupindex) == (
            plain.pattern,
            plain.flags,
            plain.groups,
            plain.groupindex,
        )
        assert _answers(built, lines) == _answers(plain, lines), source


def test_compiling_builds_a_packaged_source_once_and_compiles_others_as_usual(compiled: list[str]) -> None:
    from newsclean import lazyre, regexlite

    forms = regexlite._load_forms()
    for engine, compile_ in (("regex", lazyre.regex_compile), ("re", lazyre.re_compile)):
        packaged = [(source, flags) for e, source, flags in forms if e == engine and isinstance(source, str)]
        if packaged:
            first = compile_(*packaged[0])
            assert compile_(*packaged[0]) is first
    assert compiled == []  # built from their forms, not compiled
    assert lazyre.regex_compile(r"\bnot\s+packaged\b", regex.I).search("Not  packaged") is not None
    assert compiled == [r"\bnot\s+packaged\b"]
    assert lazyre.re_compile(r"\bnot packaged\b", re.I).search("NOT packaged") is not None


def test_forms_of_another_engine_version_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import regexlite

    assert regexlite.parser_key() is not None  # the installed parser's files are read
    monkeypatch.setattr(regexlite, "_parser_key", [(0, 0)])  # as another release of regex would give
    assert {engine for engine, _, _ in regexlite._load_forms()} <= {"re"}
