"""Build ``src/newsclean/data/regex_forms.marshal``: compiled forms of the patterns a first capture needs.

The ``regex`` module turns a source into its engine's program in Python
(parsing, optimising, writing the op codes), and only then calls its C
constructor with the result. In a fresh process that work was the largest
part of the first ``clean()``: about 80 ms for the 200 patterns a text
capture compiles. This script runs the default pipeline on the bundled
fixtures (text captures, clean controls and HTML pages), records every
pattern compiled through :func:`newsclean.lazyre.regex_compile`, and stores,
for each (source, flags), the arguments the C constructor was given.
:func:`~newsclean.lazyre.regex_compile` builds a pattern from them in
microseconds, and only with the ``regex`` version recorded here; a pattern
the file does not hold compiles as before. The file is a cache: a stale or
missing one changes no output, only the time of a first call
(``python -m benchmarks.throughput --cold-only`` prints how many compiles
missed it).

The file also holds the vocabulary alternations those runs write
(:func:`newsclean.data.alternation`: a character trie written out, a few
microseconds per entry, about 6 ms of a first capture for its few thousand
entries), with the checksum of the code that wrote them; they are read only
by that code.

Run from the project root after changing a pattern or upgrading ``regex`` (two
builds of the same code differ in the order of a few first-character sets, which
``regex`` writes in the order of a set of its parser's nodes; ``--check`` compares
everything else)::

    python -m benchmarks.regex_forms          # rebuild the file
    python -m benchmarks.regex_forms --check  # say whether it matches what the fixtures compile
"""

from __future__ import annotations

import gc
import marshal
import re
import re._compiler as re_compiler
import string
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import regex
import regex._main as regex_main

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "regex_forms.marshal"
FIXTURES = ROOT / "fixtures"

#: marshal's format 2 writes no back-references, whose choice follows the objects' reference counts:
#: the same data gives the same bytes.
_MARSHAL_VERSION = 2

ABOUT = (
    "Compiled forms of the regex and re patterns the default pipeline compiles on the bundled fixtures: "
    "for each (engine, source, flags), the arguments of the engine's C constructor, marshalled; and the "
    "alternations it writes, for each (entries, space, ignorecase), the pattern. "
    "Built by python -m benchmarks.regex_forms; an engine's forms are used only where 'engines' "
    "matches its installed version (for regex, the CRC-32 of its _main.py, which holds the version), "
    "the alternations only where 'alternation_code' matches the code."
)


def _plain(value: Any) -> Any:
    """``value`` with the flag enums ``regex`` passes turned into ints (marshal takes only plain types)."""
    if isinstance(value, bool) or value is None or isinstance(value, str | bytes | float):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return frozenset(_plain(v) for v in value)
    raise TypeError(f"cannot store a {type(value).__name__} in a compiled form")


class _Recorder:
    """Stands in for ``regex``'s C module and keeps the arguments of its ``compile``."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self.real.compile(*args)


def form_of(engine: str, pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """The constructor arguments ``regex.compile`` or ``re.compile`` ends in for ``pattern``, as plain data."""
    owner: Any = regex_main if engine == "regex" else re_compiler
    name = "_regex" if engine == "regex" else "_sre"
    recorder = _Recorder(getattr(owner, name))
    setattr(owner, name, recorder)
    try:
        if engine == "regex":
            regex_main._compile(pattern, flags, False, {}, False)
        else:
            re_compiler.compile(pattern, flags)
    finally:
        setattr(owner, name, recorder.real)
    if recorder.args is None:  # pragma: no cover - the engine changed how it compiles
        raise RuntimeError(f"{engine} compiled without calling its C constructor")
    return tuple(_plain(recorder.args))


def _inputs() -> Iterator[str]:
    for pattern in ("*.txt", "clean/*.txt", "hostile/*", "pages/*.html"):
        for path in sorted(FIXTURES.glob(pattern)):
            yield path.read_text(encoding="utf-8")


@contextmanager
def _recording(keys: dict[Any, None], alternations: dict[Any, None]) -> Iterator[None]:
    """Record what ``lazyre.regex_compile`` and ``lazyre.re_compile`` compile meanwhile, and the
    alternations written; serve none of them from the file.

    Stage modules write some alternations when they are imported: they must not
    be imported yet (run the script in a fresh process).
    """
    from newsclean import data, lazyre, regexlite

    imported = sorted(name for name in sys.modules if name.startswith("newsclean.stages."))
    if imported:
        raise RuntimeError(f"stage modules already imported ({', '.join(imported)}): run in a fresh process")
    saved = regexlite._forms, dict(regexlite._built)
    regexlite._forms, regexlite._built = {}, {}
    written = data._written_alternation

    def record_alternation(key: Any) -> None:
        alternations[key] = None
        return None

    data._written_alternation = record_alternation
    reals = {"regex": (regex, regex.compile, lazyre.regex_compile), "re": (re, re.compile, lazyre.re_compile)}

    def recorder(engine: str) -> Any:
        _, real, caller = reals[engine]

        def compile_and_record(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
            if sys._getframe(1).f_code is caller.__code__:
                keys[(engine, pattern, int(flags))] = None
            return real(pattern, flags, **kwargs)

        return compile_and_record

    for engine, (module, _, _) in reals.items():
        module.compile = recorder(engine)
    try:
        yield
    finally:
        for module, real, _ in reals.values():
            module.compile = real
        regexlite._forms, regexlite._built = saved[0], saved[1]
        data._written_alternation = written


def _compile_the_rest() -> None:
    """Compile what the fixtures did not need: every lazy pattern alive, both forms of a vocabulary,
    every date pattern, the month-name forms of an ASCII line, and each :class:`MonthPattern`'s
    full and ASCII forms (the full one serves every text from a process's second kind of text on).

    A capture unlike the fixtures (a relative date, a copyright line in German)
    needs patterns they do not. The month-name forms written for one text's
    letters (:meth:`newsclean.datewords._Patterns.month_form` and ``month_form_at``)
    stay out, their variants being many, except those of the most common text,
    an ASCII line: for each form the fixtures asked for, with and without a
    slash, and for a form tried at a month name, for every ASCII first letter.
    """
    from newsclean import lazyre
    from newsclean.datewords import MonthPattern, _month_subset_alternation, _patterns, month_firsts

    for obj in gc.get_objects():
        if isinstance(obj, lazyre._LazyPattern):
            obj._compile()
            if isinstance(obj, lazyre._SplitPattern):
                obj._core._compile()
        elif isinstance(obj, MonthPattern):
            obj.compile_forms()
    patterns = _patterns()
    for name in patterns._sources:
        patterns._get(name)
    ascii_months = _month_subset_alternation(frozenset())
    if ascii_months is None:  # pragma: no cover - the core names match ASCII
        return
    used = {key[0] for key in patterns._compiled if isinstance(key, tuple)}
    used_at = {key[0] for key in patterns._starting}
    for slash in (False, True):
        forms = patterns._forms(ascii_months, slash)
        for name in sorted(used):
            lazyre.regex_compile(forms[name], patterns._flags)
        for name in sorted(used_at):
            for letter in string.ascii_lowercase:
                patterns.month_form_at(name, (frozenset(), slash), month_firsts(letter))


def expected() -> bytes:
    """The file the current code and fixtures give."""
    keys: dict[Any, None] = {}
    asked: dict[Any, None] = {}
    with _recording(keys, asked):
        import newsclean

        for text in _inputs():
            newsclean.clean(text)
        _compile_the_rest()
    from newsclean.data import alternation_code, write_alternation
    from newsclean.lazyre import engine_keys

    order = sorted(keys, key=lambda k: (k[0], type(k[1]).__name__, k[1], k[2]))
    forms = {key: marshal.dumps(form_of(*key), _MARSHAL_VERSION) for key in order}
    alternations = {
        key: write_alternation(key)
        for key in sorted(asked, key=lambda k: (k[0], k[1] is None, k[1] or "", k[2]))
    }
    content = {
        "about": ABOUT,
        "engines": engine_keys(),
        "forms": forms,
        "alternation_code": alternation_code(),
        "alternations": alternations,
    }
    return marshal.dumps(content, _MARSHAL_VERSION)


def _comparable(data: bytes) -> tuple[Any, ...]:
    """What a rebuild must give again: the engine, each form's source and flags, and its arguments.

    The op codes are compared by length only: ``regex`` writes the members of a
    pattern's first-character set in the order of a Python set, which changes
    from process to process with string hashing (the programs are equivalent).
    """
    loaded = marshal.loads(data)
    forms = {key: marshal.loads(form) for key, form in loaded["forms"].items()}
    alternations = loaded.get("alternation_code"), loaded.get("alternations")
    return loaded["engines"], {key: (len(f[2]), f[:2], f[3:]) for key, f in forms.items()}, alternations


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged forms."""
    return packaged_file_main(
        argv,
        doc=__doc__,
        out=OUT,
        build=expected,
        same=lambda stored, fresh: _comparable(stored) == _comparable(fresh),
        summary=lambda data: (
            f"{len(marshal.loads(data)['forms'])} forms, "
            f"{len(marshal.loads(data)['alternations'])} alternations, {len(data) / 1000:.0f} KB"
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
