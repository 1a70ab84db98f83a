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

A vocabulary pattern (:func:`vocabulary_pattern`) is built twice: in full, and
with only the entries any ASCII text can match. A line without the other
entries' letters (most lines) is answered by the smaller one, which finds
there exactly what the full one does; the full one is compiled only when a
line needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast

import regex

from newsclean.data import alternation, foreign_chars

__all__ = ["lazy", "lazy_re", "vocabulary_pattern"]

_METHODS = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")


class _LazyPattern:
    """Stands in for a compiled pattern until one of its methods is first called."""

    __slots__ = ("_compiled", "_engine", "_source", "flags", *_METHODS)

    def __init__(self, engine: Any, pattern: str | Callable[[], str], flags: int) -> None:
        self._compiled: Any = None
        self._engine = engine
        self._source = pattern
        self.flags = flags
        for name in _METHODS:
            setattr(self, name, self._first_call(name))

    @property
    def pattern(self) -> str:
        """The source, written on first need when it was given as a function."""
        if not isinstance(self._source, str):
            self._source = self._source()
        return self._source

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


#: The methods whose text is their second argument (the first is the replacement).
_TEXT_SECOND = frozenset({"sub", "subn"})


class _SplitPattern(_LazyPattern):
    """A lazy pattern that answers with a smaller lazy one on texts without certain characters."""

    __slots__ = ("_core", "_others")

    def __init__(
        self, engine: Any, pattern: Callable[[], str], core: Callable[[], str], others: str, flags: int
    ) -> None:
        super().__init__(engine, pattern, flags)
        self._core = _LazyPattern(engine, core, flags)
        chars = "".join(engine.escape(ch) for ch in sorted(set(others)))
        self._others = _LazyPattern(engine, f"[{chars}]", flags & engine.IGNORECASE)
        for name in _METHODS:
            setattr(self, name, self._dispatch(name))

    def _dispatch(self, name: str) -> Any:
        at = 1 if name in _TEXT_SECOND else 0

        def call(*args: Any, **kwargs: Any) -> Any:
            text = args[at] if len(args) > at else kwargs["string"]
            if text.isascii() or self._others.search(text) is None:
                return getattr(self._core, name)(*args, **kwargs)
            return getattr(self._compile(), name)(*args, **kwargs)

        return call

    def _compile(self) -> Any:
        if self._compiled is None:  # the methods stay the dispatching ones
            self._compiled = self._engine.compile(self.pattern, self.flags)
        return self._compiled

    def __repr__(self) -> str:
        return f"vocabulary_pattern({self.pattern!r})"


def vocabulary_pattern(
    build: Callable[[Callable[[Iterable[str]], str]], str],
    flags: int = regex.IGNORECASE,
    *,
    normalize: Callable[[str], str] = str.lower,
    space: str | None = r"\s+",
) -> regex.Pattern[str]:
    """The case-insensitive ``regex`` pattern ``build(alternation)``, compiled on first use.

    ``build`` writes the pattern's source given a function that turns a word
    group into its alternation (the entries normalised by ``normalize``, a
    space matching ``space``; :func:`newsclean.data.alternation`). The source
    is built twice: in full, and with only the *core* entries, those any
    ASCII character can match (:func:`newsclean.data.foreign_chars` is empty).
    A call on a text holding no character that matches a foreign character
    of the left-out entries uses the core pattern: the left-out entries match
    nowhere in such a text, so it finds exactly what the full one does. Most
    lines are such texts, so the full pattern is compiled only when a line
    needs it, and a pattern no line needs is never compiled.

    >>> p = vocabulary_pattern(lambda alt: rf"^(?:{alt(['Read', 'Läs'])})\\b")
    >>> bool(p.match("read this")), bool(p.match("LÄS mer")), p.match("läser") is None
    (True, True, True)
    """

    def entries(words: Iterable[str]) -> set[str]:
        return {normalize(w) for w in words if w}

    def full(words: Iterable[str]) -> str:
        return alternation(entries(words), space=space, ignorecase=True)

    def core(words: Iterable[str]) -> str:
        kept = {entry for entry in entries(words) if not foreign_chars(entry)}
        return alternation(kept, space=space, ignorecase=True) if kept else "(?!)"

    left: set[str] = set()

    def foreign(words: Iterable[str]) -> str:
        group = entries(words)
        if not group:
            raise ValueError("cannot build a pattern from an empty vocabulary group")
        for entry in group:
            left.update(foreign_chars(entry))
        return ""

    build(foreign)  # only collects the foreign characters: the sources are written on first need
    if not left:  # every entry is a core entry: the core pattern is the full one
        return cast("regex.Pattern[str]", _LazyPattern(regex, lambda: build(full), flags))
    return cast(
        "regex.Pattern[str]",
        _SplitPattern(regex, lambda: build(full), lambda: build(core), "".join(left), flags),
    )
