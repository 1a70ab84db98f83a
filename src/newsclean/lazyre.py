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

A pattern is compiled by :func:`regex_compile` (or :func:`re_compile`, both
from :mod:`newsclean.regexlite`), which reads the compiled form of the
patterns a typical capture needs from a packaged file
(``data/regex_forms.marshal``, built by ``python -m benchmarks.regex_forms``)
instead of parsing and optimising their sources again in every process: the
``regex`` module does that work in Python, and it was the largest part of a
process's first call. The forms are used only with the ``regex`` code that
wrote them; any other pattern, or any other version, is compiled as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast

from newsclean import regexlite
from newsclean.data import alternation, foreign_chars
from newsclean.regexlite import FORMS_FILE, engine_keys, re_compile, regex_compile

__all__ = [
    "FORMS_FILE",
    "engine_keys",
    "lazy",
    "lazy_re",
    "re_compile",
    "regex_compile",
    "vocabulary_pattern",
]

_METHODS = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")
_METHOD_NAMES = frozenset(_METHODS)


class _LazyPattern:
    """Stands in for a compiled pattern until one of its methods is first called.

    A method's slot stays unset until the method is first asked for: the lookup
    then falls to :meth:`__getattr__`, which compiles the pattern and puts the
    compiled pattern's own method in the slot, so later calls cost what they
    cost on the compiled pattern. No per-pattern closures are made: a process
    holds dozens of these patterns, most never compiled, and eight closures
    each (with their cells) were thousands of objects for the cyclic
    collector to walk on every full collection and at exit.
    """

    __slots__ = ("_compiled", "_engine", "_source", "flags", *_METHODS)

    def __init__(self, engine: Any, pattern: str | Callable[[], str], flags: int) -> None:
        self._compiled: Any = None
        self._engine = engine
        self._source = pattern
        self.flags = flags

    @property
    def pattern(self) -> str:
        """The source, written on first need when it was given as a function."""
        if not isinstance(self._source, str):
            self._source = self._source()
        return self._source

    def _compile(self) -> Any:
        if self._compiled is None:
            self._compiled = self._engine_compile(self.pattern, self.flags)
        return self._compiled

    def _engine_compile(self, pattern: str, flags: int) -> Any:
        return regex_compile(pattern, flags) if self._engine is regexlite else re_compile(pattern, flags)

    def __getattr__(self, name: str) -> Any:  # a method not asked for yet; groupindex, groups …
        if name.startswith("__"):
            raise AttributeError(name)
        found = getattr(self._compile(), name)
        if name in _METHOD_NAMES:
            setattr(self, name, found)  # the next call goes straight to the compiled method
        return found

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regexlite.Pattern[str]:
    """A ``regex`` pattern compiled on first use (typed as the compiled pattern)."""
    return cast("regexlite.Pattern[str]", _LazyPattern(regexlite, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A standard-library ``re`` pattern compiled on first use (typed as the compiled pattern)."""
    return cast("re.Pattern[str]", _LazyPattern(re, pattern, flags))


#: The methods whose text is their second argument (the first is the replacement).
_TEXT_SECOND = frozenset({"sub", "subn"})


class _SplitPattern(_LazyPattern):
    """A lazy pattern that answers with a smaller lazy one on texts without certain characters.

    Its methods are the dispatching functions set on the class below (one per
    method name, shared by every instance); they shadow the method slots, which
    stay unused.
    """

    __slots__ = ("_core", "_others")

    def __init__(
        self, engine: Any, pattern: Callable[[], str], core: Callable[[], str], others: str, flags: int
    ) -> None:
        super().__init__(engine, pattern, flags)
        self._core = _LazyPattern(engine, core, flags)
        chars = "".join(engine.escape(ch) for ch in sorted(set(others)))
        self._others = _LazyPattern(engine, f"[{chars}]", int(flags) & int(engine.IGNORECASE))

    def __repr__(self) -> str:
        return f"vocabulary_pattern({self.pattern!r})"


def _dispatching(name: str) -> Callable[..., Any]:
    """The method ``name`` of :class:`_SplitPattern`: the core pattern's answer where it is the full one's."""
    at = 1 if name in _TEXT_SECOND else 0

    def call(self: _SplitPattern, *args: Any, **kwargs: Any) -> Any:
        text = args[at] if len(args) > at else kwargs["string"]
        if text.isascii() or self._others.search(text) is None:
            return getattr(self._core, name)(*args, **kwargs)
        return getattr(self._compile(), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


for _name in _METHODS:
    setattr(_SplitPattern, _name, _dispatching(_name))


def vocabulary_pattern(
    build: Callable[[Callable[[Iterable[str]], str]], str],
    flags: int = regexlite.IGNORECASE,
    *,
    normalize: Callable[[str], str] = str.lower,
    space: str | None = r"\s+",
) -> regexlite.Pattern[str]:
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
        kept = entries(words)
        if not "".join(kept).isascii():  # an ASCII group (most) is all core
            kept = {entry for entry in kept if not foreign_chars(entry)}
        return alternation(kept, space=space, ignorecase=True) if kept else "(?!)"

    left: set[str] = set()

    def foreign(words: Iterable[str]) -> str:
        group = entries(words)
        if not group:
            raise ValueError("cannot build a pattern from an empty vocabulary group")
        left.update(foreign_chars("".join(group)))  # the characters of each entry's, together
        return ""

    build(foreign)  # only collects the foreign characters: the sources are written on first need
    if not left:  # every entry is a core entry: the core pattern is the full one
        return cast("regexlite.Pattern[str]", _LazyPattern(regexlite, lambda: build(full), flags))
    return cast(
        "regexlite.Pattern[str]",
        _SplitPattern(regexlite, lambda: build(full), lambda: build(core), "".join(left), flags),
    )
