"""Tests of newsclean.lazyre: a lazy pattern answers as the compiled one and compiles once."""

from __future__ import annotations

import re

import pytest
import regex

from newsclean.lazyre import lazy, lazy_re


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


def test_lazy_pattern_compiles_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = regex.compile

    def counting(pattern: str, flags: int = 0) -> regex.Pattern[str]:
        calls.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(regex, "compile", counting)
    pattern = lazy(r"x+", regex.IGNORECASE)
    assert calls == [] and pattern.pattern == "x+"
    assert [m.group() for m in pattern.finditer("xX y x")] == ["xX", "x"]
    assert pattern.search("axxb") is not None and pattern.groups == 0
    assert calls == ["x+"]
