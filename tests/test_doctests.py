"""Run the examples in the docstrings of every module of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsclean

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(newsclean.__path__, "newsclean.") if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
