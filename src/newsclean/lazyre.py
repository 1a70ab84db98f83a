"""Regular expressions compiled on their first use.

A module-level pattern is compiled when the module is imported, whether or not
a capture ever needs it. Most of a stage's patterns stand behind cheap string
tests and run on few captures (a credit line, a comment header, a breadcrumb),
yet every process paid for compiling all of them on its first call. A
:func:`lazy` pattern compiles on the first call of one of its methods and then
replaces its methods with the compiled pattern's own, so later calls cost what
they cost on the compiled pattern.

>>> words = lazy(r"\\w+")
>>> words.findall("two words")
['two', 'words']
>>> words.pattern
'\\\\w+'
"""

from __future__ import annotations

import re
from typing import Any, cast

import regex

__all__ = ["lazy", "lazy_re"]

_METHODS = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")


class _LazyPattern:
    """Stands in for a compiled pattern until one of its methods is first called."""

    __slots__ = ("_compiled", "_engine", "flags", "pattern", *_METHODS)

    def __init__(self, engine: Any, pattern: str, flags: int) -> None:
        self._compiled: Any = None
        self._engine = engine
        self.pattern = pattern
        self.flags = flags
        for name in _METHODS:
            setattr(self, name, self._first_call(name))

    def _first_call(self, name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(self._compile(), name)(*args, **kwargs)

        return call

    def _compile(self) -> Any:
        if self._compiled is not None:
            return self._compiled
        compiled = self._compiled = self._engine.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:  # groupindex, groups …: compile and ask
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A ``regex`` pattern compiled on first use (typed as the compiled pattern)."""
    return cast("regex.Pattern[str]", _LazyPattern(regex, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A standard-library ``re`` pattern compiled on first use (typed as the compiled pattern)."""
    return cast("re.Pattern[str]", _LazyPattern(re, pattern, flags))
