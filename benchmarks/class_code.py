"""Build ``src/newsclean/data/class_code.marshal``: compiled code of the dataclass methods newsclean's imports write.

:mod:`dataclasses` writes each class's methods as source text and compiles it
with ``exec`` (about 80 µs a method); the classes a fresh process imports for
its first ``clean()`` have some 190 methods, about 15 ms of that call. This
script imports newsclean, runs the default pipeline on the bundled fixtures
(text captures, clean controls and HTML pages), records every text
:mod:`dataclasses` compiles while :func:`newsclean.classcode.packaged_class_code`
is active, and stores the code each compiles to.
:mod:`newsclean.classcode` runs that code instead of compiling the text again,
only under the interpreter version recorded here; the file is a cache (a
stale or missing one changes no class, only the time of a first import).

It must run in a process that has not imported newsclean yet. Run from the
project root after changing a dataclass or the Python version::

    python -m benchmarks.class_code          # rebuild the file
    python -m benchmarks.class_code --check  # say whether it matches what the imports compile
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "class_code.marshal"
FIXTURES = ROOT / "fixtures"

ABOUT = (
    "Code of the dataclass methods newsclean's imports compile (running the default pipeline on "
    "the bundled fixtures): for each source text dataclasses writes, the code object compiling it "
    "gives, marshalled. Built by python -m benchmarks.class_code; used only where 'interpreter' "
    "(sys.implementation.cache_tag, importlib.util.MAGIC_NUMBER, sys.flags.optimize) matches."
)


def texts() -> list[str]:
    """The texts :mod:`dataclasses` compiles while newsclean's import windows are open, in order."""
    if any(name == "newsclean" or name.startswith("newsclean.") for name in sys.modules):
        raise RuntimeError("newsclean is already imported: run in a fresh process")
    seen: dict[str, None] = {}

    def recording(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        from newsclean import classcode

        if isinstance(source, str):
            if classcode._open:
                seen[source] = None
            source = classcode.compile_text(source)
        builtins.exec(source, globals, locals)

    dataclasses.exec = recording  # type: ignore[attr-defined]
    try:
        import newsclean

        for pattern in ("*.txt", "clean/*.txt", "hostile/*", "pages/*.html"):
            for path in sorted(FIXTURES.glob(pattern)):
                newsclean.clean(path.read_text(encoding="utf-8"))
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
    return list(seen)


def expected() -> bytes:
    """The file the current code gives."""
    recorded = texts()  # first: it imports newsclean
    from newsclean.classcode import compile_text, interpreter_key

    code = {text: marshal.dumps(compile_text(text)) for text in recorded}
    return marshal.dumps({"about": ABOUT, "interpreter": interpreter_key(), "code": code})


def _comparable(data: bytes) -> tuple[Any, ...]:
    loaded = marshal.loads(data)
    return loaded["interpreter"], {text: marshal.loads(form) for text, form in loaded["code"].items()}


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged code."""
    return packaged_file_main(
        argv,
        doc=__doc__,
        out=OUT,
        build=expected,
        same=lambda stored, fresh: _comparable(stored) == _comparable(fresh),
        summary=lambda data: f"{len(marshal.loads(data)['code'])} methods, {len(data) / 1000:.0f} KB",
    )


if __name__ == "__main__":
    sys.exit(main())
