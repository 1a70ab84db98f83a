"""The ``regex`` module as newsclean's modules use it: patterns built from packaged forms, the parser imported late.

The ``regex`` module turns a source into its engine's program in Python
(parsing, optimising, writing the op codes), and only then calls its C
constructor with the result. :func:`regex_compile` (and :func:`re_compile`,
for the standard library's engine, whose parser is Python code too) reads
what that work ends in, for the patterns a typical capture needs, from a
packaged file (``data/regex_forms.marshal``, built by ``python -m
benchmarks.regex_forms``; :func:`packaged_patterns`), and builds the pattern
with the C engine in microseconds.

Importing ``regex`` imports that parser and compiler
(``regex._regex_core``, ``regex._main``): 12–16 ms of a fresh process's CPU
time, measured against a process importing only what it shares with
newsclean, although a first capture whose patterns all have packaged forms
needs neither. So this module also offers what newsclean's modules take
from ``regex`` — the flags, :func:`compile`, :func:`escape`, :func:`match`
— and loads only the C engine (:func:`engine`); ``regex`` itself is
imported when a pattern has no packaged form, or when a name this module
does not define is asked for (the module's ``__getattr__`` hands it over).
Modules import it in place of ``regex``::

    from newsclean import regexlite as regex

The flags are ``regex``'s values as plain ints, and :func:`escape` writes what
``regex.escape`` writes (``tests/test_regexlite.py`` checks both).
"""

from __future__ import annotations

import _thread
import copyreg
import marshal
import os
import re
import sys
import zlib
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, AnyStr, cast

if TYPE_CHECKING:
    from regex import Match as Match
    from regex import Pattern as Pattern

__all__ = [
    "DOTALL",
    "FORMS_FILE",
    "IGNORECASE",
    "LOCALE",
    "MULTILINE",
    "VERBOSE",
    "VERSION0",
    "VERSION1",
    "compile",
    "default_version",
    "engine",
    "engine_keys",
    "escape",
    "match",
    "packaged_patterns",
    "parser_key",
    "re_compile",
    "regex_compile",
    "registered",
]

# The flags newsclean uses, with the values of regex.RegexFlag (other names come from regex itself).
IGNORECASE = I = 0x2  # noqa: E741 - regex's name
LOCALE = 0x4
MULTILINE = 0x8
DOTALL = S = 0x10
VERBOSE = 0x40
VERSION0 = 0x2000
VERSION1 = 0x100

#: The characters ``regex.escape`` escapes (besides white space).
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(pattern: str) -> str:
    """``regex.escape(pattern)``: the special characters and white space escaped.

    >>> escape("a.b c")
    'a\\\\.b\\\\ c'
    """
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in pattern)


def compile(pattern: str, flags: int = 0) -> Pattern[str]:
    """``regex.compile(pattern, flags)``, built from its packaged form when there is one (:func:`regex_compile`)."""
    return regex_compile(pattern, flags)


def match(pattern: str, string: str, flags: int = 0) -> Match[str] | None:
    """``regex.match(pattern, string, flags)``, the pattern built as by :func:`compile`."""
    return compile(pattern, flags).match(string)


def default_version() -> int:
    """``regex.DEFAULT_VERSION``: VERSION0, as ``regex`` sets it, unless changed since ``regex`` was imported."""
    module = sys.modules.get("regex")
    return VERSION0 if module is None else int(getattr(module, "DEFAULT_VERSION", VERSION0))


#: ``threading.Lock()`` is this lock; :mod:`threading` itself is not imported for it (nor
#: in classcode and registry): the ftfy one-liner does not import it, and it was about
#: 2.6 M instructions (0.5 %) of a first call.
_LOCK = _thread.allocate_lock()


def _package_folder() -> str | None:
    """The folder of the installed ``regex`` package, found without importing it."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("regex")
    folders = None if spec is None else spec.submodule_search_locations
    return None if not folders else str(next(iter(folders)))


def _load_engine() -> ModuleType:
    from importlib.machinery import ExtensionFileLoader, ModuleSpec, PathFinder
    from importlib.util import module_from_spec

    folder = _package_folder()
    found = None if folder is None else PathFinder.find_spec("_regex", [folder])
    if found is None or found.origin is None or not isinstance(found.loader, ExtensionFileLoader):
        return sys.modules["regex._regex"]
    loader = ExtensionFileLoader("regex._regex", found.origin)
    module = module_from_spec(ModuleSpec("regex._regex", loader, origin=found.origin))
    loader.exec_module(module)
    sys.modules["regex._regex"] = module  # `import regex` later finds and uses this one
    return module


def _reduce(pattern: Any) -> tuple[Any, Any]:
    """Pickle a pattern as ``regex`` does (it registers the same when imported)."""
    return engine().compile, pattern._pickled_data


_registered: list[type] = []


def engine() -> ModuleType:
    """``regex``'s C engine (``regex._regex``), loaded without importing the ``regex`` package."""
    module = sys.modules.get("regex._regex")
    if module is None:
        with _LOCK:
            module = sys.modules.get("regex._regex") or _load_engine()
    return module


def registered(pattern: Any) -> Any:
    """``pattern``, its type registered for pickling as ``regex`` registers it; returned unchanged."""
    kind = type(pattern)
    if kind not in _registered:
        copyreg.pickle(kind, _reduce)
        _registered.append(kind)
    return pattern


_parser_key: list[tuple[int, ...] | None] = []


def parser_key() -> tuple[int, ...] | None:
    """A checksum of ``regex``'s Python module: the CRC-32 of its ``_main.py``.

    A compiled form is what ``regex``'s parser and compiler write for a source.
    ``_main.py`` holds the release's version string, and a release changes the
    parser only with it, so another release gives another key, as its version
    would, without importing the parser to read it (reading ``_regex_core.py``
    too, 144 KB, cost a first call about 0.5 ms). None when the file cannot be
    read (the forms are then not used).
    """
    if not _parser_key:
        key: tuple[int, ...] | None = None
        folder = _package_folder()
        if folder is not None:
            try:
                with open(os.path.join(folder, "_main.py"), "rb") as handle:
                    key = (zlib.crc32(handle.read()),)
            except OSError:
                key = None
        _parser_key.append(key)
    return _parser_key[0]


#: The packaged compiled forms and written alternations (see :func:`regex_compile` and
#: :func:`newsclean.data.alternation`), built by ``python -m benchmarks.regex_forms``.
FORMS_FILE = "regex_forms.marshal"


@lru_cache(maxsize=1)
def packaged_patterns() -> dict[str, Any]:
    """The packaged patterns file, read once: an empty mapping when it is missing or unreadable.

    It holds what a first capture would otherwise spend its time writing and
    compiling: under ``forms``, the compiled forms of patterns
    (:func:`regex_compile` reads them), and under ``alternations``,
    alternations already written (:func:`newsclean.data.alternation`), with
    the checksum of the code that wrote them (``alternation_code``). It is a
    cache: a missing or stale file changes no result, only the time of a
    process's first capture. It is read here rather than through
    :mod:`newsclean.data`, which builds its patterns with this module.
    """
    try:
        with open(
            os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", FORMS_FILE), "rb"
        ) as handle:
            data = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):  # missing (or a zipped install): no forms
        return {}
    return data if isinstance(data, dict) else {}


#: A form's key: the engine (``regex`` or ``re``), the source and the flags.
FormKey = tuple[str, "str | bytes", int]


def engine_keys() -> dict[str, tuple[Any, ...]]:
    """What the forms of each engine depend on: for ``regex`` its parser's code
    (:func:`newsclean.regexlite.parser_key`, which the version is part of), its C
    engine's op-code magic and its default pattern version; for ``re`` the Python
    version and its engine's op-code magic.

    Neither engine's Python module is imported for it: ``regex``'s parser is what
    the forms spare a process.
    """
    import _sre

    return {
        "regex": (parser_key(), int(engine().MAGIC), default_version()),
        "re": (tuple(sys.version_info[:2]), int(_sre.MAGIC), int(_sre.CODESIZE)),
    }


def _load_forms() -> dict[FormKey, bytes]:
    """The packaged forms of the engines installed here (none when the file is missing or unreadable)."""
    data = packaged_patterns()
    if not isinstance(data.get("forms"), dict):
        return {}
    written = data.get("engines", {})
    here = engine_keys()
    same = {name for name, key in here.items() if tuple(written.get(name, ())) == key}
    return {key: form for key, form in data["forms"].items() if key[0] in same}


_forms: dict[FormKey, bytes] | None = None
#: Patterns built from a form, by key: a caller compiling one source again gets
#: the same object, as the engine's own cache would give it.
_built: dict[FormKey, Any] = {}


def _from_form(key: FormKey) -> Any:
    global _forms
    if _forms is None:
        _forms = _load_forms()
    form = _forms.get(key)
    if form is None:
        return None
    import _sre  # the C engine re.compile ends in

    constructor = engine().compile if key[0] == "regex" else _sre.compile  # regex's C engine: see engine()
    try:
        pattern = constructor(*marshal.loads(form))
    except Exception:  # a form the engine refuses: compile the source as usual
        return None
    if key[0] == "regex":
        registered(pattern)  # picklable before regex is imported, as regex makes it
    _built[key] = pattern
    return pattern


def _packaged(key: FormKey, usable: bool) -> Any:
    """The pattern of ``key`` built before, or built now from its packaged form when ``usable``; else None."""
    built = _built.get(key)
    if built is None and usable:
        built = _from_form(key)
    return built


#: How many ``regex`` patterns this process compiled from source (no packaged form, or
#: one not usable here); the first of them imports ``regex``'s parser.
unformed = 0

#: The flags whose patterns are always compiled from source, as plain ints: a flag enum's
#: ``&`` is Python code (an enum built per call), a first capture tests a few hundred flags.
_REGEX_LOCALE = LOCALE
_RE_UNFORMED = int(re.LOCALE | re.DEBUG)


def regex_compile(pattern: str, flags: int = 0) -> Pattern[str]:
    """``regex.compile(pattern, flags)``, built from its packaged compiled form when there is one.

    The ``regex`` module parses and optimises a source in Python, which costs
    about as much per character as the first capture's own work on it; the
    packaged form holds what that work ends in (the arguments of the engine's
    constructor, recorded by ``python -m benchmarks.regex_forms``), so a process
    builds the pattern in microseconds. A source the file does not hold (a
    vocabulary or month list written for this text), a ``regex`` version other
    than the one that wrote the file, or a changed default version compile as
    usual: the pattern is the same either way (``tests/test_lazyre.py`` checks
    every form against the engine).

    >>> regex_compile(r"\\d+").findall("12 and 345")
    ['12', '345']
    """
    key = ("regex", pattern, int(flags))
    usable = isinstance(pattern, str) and not key[2] & _REGEX_LOCALE and default_version() == VERSION0
    built = _packaged(key, usable)
    if built is not None:
        return cast("Pattern[str]", built)
    global unformed
    unformed += 1
    return _regex_module().compile(pattern, flags)  # no packaged form: regex's parser compiles it


def re_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, built from its packaged compiled form when there is one.

    As :func:`regex_compile`, for the standard library's engine (whose parser
    and compiler are Python code too); forms are used only with the Python
    version and engine op codes that wrote them.

    >>> re_compile(r"[a-z]+").findall("ab 12 cd")
    ['ab', 'cd']
    """
    key = ("re", pattern, int(flags))
    built = _packaged(key, isinstance(pattern, str | bytes) and not key[2] & _RE_UNFORMED)
    if built is not None:
        return cast("re.Pattern[AnyStr]", built)
    return re.compile(pattern, flags)


def __getattr__(name: str) -> Any:
    """Any other name of ``regex`` (``Pattern``, ``error``, ``fullmatch`` …): ``regex`` is imported for it."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_regex_module(), name)


def _regex_module() -> ModuleType:
    """The ``regex`` module, imported now if it was not.

    When :func:`engine` loaded the C engine first, the package's import finds it
    in ``sys.modules`` and uses it, but does not set it as the package's
    ``_regex`` attribute (only loading a submodule does): it is set here.
    """
    import regex  # noqa: F401 - imported for sys.modules

    module = sys.modules["regex"]
    if "_regex" not in vars(module) and "regex._regex" in sys.modules:
        vars(module)["_regex"] = sys.modules["regex._regex"]
    return module
