"""Dataclass methods built from packaged code while newsclean imports its modules.

:mod:`dataclasses` writes the methods of each class it makes (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, and for a frozen class ``__setattr__``
and ``__delattr__``) as source text and compiles that text with ``exec``: about
80 µs a method in CPython 3.11, and the classes a first ``clean()`` imports have
some 190 methods, about 15 ms of a fresh process's first call (more than any
stage's first call). The text depends only on the class definition, so the
code it compiles to can be compiled once, at development time.

While :func:`packaged_class_code` is active (newsclean wraps the import of its
own modules in it), an ``exec`` of :mod:`dataclasses` runs, for a text the
packaged file holds (``data/class_code.marshal``, built by ``python -m
benchmarks.class_code``), the code compiled from that text; any other text is
compiled as :mod:`dataclasses` compiles it. The code is what compiling the same
text gives (``tests/test_classcode.py`` compares each), and it is used only by
an interpreter of the bytecode format that wrote it (the ``.pyc`` magic number,
which the patch releases of one Python version share). The file is a cache: a stale or missing
one changes no class, only the time of a first import.

The hook is a module attribute ``exec`` of :mod:`dataclasses`, which its
``_create_fn`` finds before the built-in; it is set while the first import
window is open and removed when the last one closes. A class another thread
makes meanwhile gets the same methods either way.

:mod:`dataclasses` imports :mod:`inspect` (and with it ``ast``, ``dis``,
``tokenize``, ``linecache``): about 10 ms of a fresh process's CPU time,
for one use, the signature it writes into the docstring of a class that has
none. When newsclean is the first to import :mod:`dataclasses`, it does so
with a stand-in for :mod:`inspect` that imports the module the first time
one of its names is asked for (:func:`dataclasses_module`); other code
importing :mod:`inspect` gets the module itself, as before.
"""

from __future__ import annotations

import _thread
import builtins
import importlib
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from types import CodeType, ModuleType
from typing import Any

from newsclean.data import DataError, read_bytes

__all__ = ["CODE_FILE", "compile_text", "dataclasses_module", "interpreter_key", "packaged_class_code"]

#: The packaged code of dataclass methods (see the module docstring).
CODE_FILE = "class_code.marshal"


def interpreter_key() -> tuple[str | None, bytes, int]:
    """What the packaged code depends on: the interpreter (its bytecode tag), its bytecode format
    (the magic number a ``.pyc`` file opens with, the same across the patch releases of a Python
    version) and its optimisation level."""
    from importlib.util import MAGIC_NUMBER

    return (sys.implementation.cache_tag, MAGIC_NUMBER, sys.flags.optimize)


def compile_text(text: str) -> CodeType:
    """Compile ``text`` as ``exec`` does in :mod:`dataclasses` (which has no ``__future__`` import)."""
    return compile(text, "<string>", "exec", dont_inherit=True)


@lru_cache(maxsize=1)
def _packaged() -> dict[str, bytes]:
    """The packaged code, by source text (empty when missing, unreadable or of another interpreter)."""
    try:
        data = marshal.loads(read_bytes(CODE_FILE))
    except (DataError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("code"), dict):
        return {}
    if tuple(data.get("interpreter", ())) != interpreter_key():
        return {}
    code: dict[str, bytes] = data["code"]
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """``exec`` for :mod:`dataclasses`: a text the packaged file holds runs its compiled code."""
    if isinstance(source, str):
        form = _packaged().get(source)
        code = None
        if form is not None:
            try:
                code = marshal.loads(form)
            except (EOFError, ValueError, TypeError):  # a damaged form: compile the text
                code = None
        source = code if isinstance(code, CodeType) else compile_text(source)
    builtins.exec(source, globals, locals)


class _LateModule(ModuleType):
    """Stands in for the module of its name until a name of that module is asked for, then imports it.

    The stand-in is in ``sys.modules`` only while :func:`dataclasses_module`
    imports :mod:`dataclasses`; afterwards an import finds the module itself,
    and the stand-in answers each name from it.
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        value = getattr(importlib.import_module(self.__name__), name)
        setattr(self, name, value)
        return value


def dataclasses_module() -> ModuleType:
    """:mod:`dataclasses`, imported (when no one has yet) with :mod:`inspect` imported on its first use."""
    if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
        stand_in = _LateModule("inspect")
        sys.modules["inspect"] = stand_in
        try:
            import dataclasses  # imported with the stand-in in place
        finally:
            if sys.modules.get("inspect") is stand_in:
                del sys.modules["inspect"]
    import dataclasses

    return dataclasses


_LOCK = _thread.allocate_lock()  # threading.Lock(), without importing threading (see regexlite)
_open = 0


@contextmanager
def packaged_class_code() -> Iterator[None]:
    """Within this block, dataclasses made take their methods' code from the packaged file when it holds it."""
    global _open
    dataclasses = dataclasses_module()
    with _LOCK:
        _open += 1
        if _open == 1 and "exec" not in vars(dataclasses):
            dataclasses.exec = _exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        with _LOCK:
            _open -= 1
            if _open == 0 and vars(dataclasses).get("exec") is _exec:
                del dataclasses.exec
