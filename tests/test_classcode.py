"""Tests of newsclean.classcode: packaged dataclass method code is what compiling its text gives."""

from __future__ import annotations

import dataclasses
import inspect
import marshal

import pytest

from newsclean import classcode


def _packaged_or_skip() -> dict[str, bytes]:
    packaged = classcode._packaged()
    if not packaged:
        pytest.skip(
            f"data/{classcode.CODE_FILE} holds no code for this interpreter {classcode.interpreter_key()}: "
            "rebuild it with python -m benchmarks.class_code"
        )
    return packaged


def test_packaged_code_is_what_compiling_each_text_gives() -> None:
    for text, form in _packaged_or_skip().items():
        assert marshal.loads(form) == classcode.compile_text(text), text


def _point() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        """A point."""

        x: int
        y: int = 0
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def _methods(cls: type) -> dict[str, object]:
    names = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
    return {name: getattr(cls, name).__code__ for name in names}


def test_a_class_made_in_the_window_is_the_class_made_outside() -> None:
    outside = _point()
    with classcode.packaged_class_code():
        assert "exec" in vars(dataclasses)
        inside = _point()
    assert "exec" not in vars(dataclasses)
    assert _methods(inside) == _methods(outside)
    assert inspect.signature(inside) == inspect.signature(outside)
    assert repr(inside(1, 2)) == repr(outside(1, 2)).replace("outside", "inside")
    assert inside(1, 2) == inside(1, 2) and hash(inside(1)) == hash(inside(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        inside(1).x = 2  # type: ignore[misc]


def test_packaged_code_is_run_for_the_texts_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    _point()  # the texts of this class are those recorded below
    recorded: list[str] = []
    real_exec = classcode._exec

    def recording(source: object, globals: object = None, locals: object = None, /) -> None:
        if isinstance(source, str):
            recorded.append(source)
        real_exec(source, globals, locals)

    monkeypatch.setattr(dataclasses, "exec", recording, raising=False)
    _point()
    monkeypatch.undo()
    assert len(recorded) == 6
    compiled: list[str] = []
    forms = {text: marshal.dumps(classcode.compile_text(text)) for text in recorded}
    monkeypatch.setattr(classcode, "_packaged", lambda: forms)
    monkeypatch.setattr(classcode, "compile_text", lambda text: compiled.append(text))
    with classcode.packaged_class_code():
        made = _point()
    assert compiled == []  # every method came from the packaged code
    assert made(3).y == 0 and made(3, tags=("a",)).tags == ("a",)


def test_windows_nest_and_leave_another_hook_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    with classcode.packaged_class_code():
        with classcode.packaged_class_code():
            assert vars(dataclasses)["exec"] is classcode._exec
        assert vars(dataclasses)["exec"] is classcode._exec
    assert "exec" not in vars(dataclasses)

    def other(source: object, globals: object = None, locals: object = None, /) -> None:
        exec(source, globals, locals)

    monkeypatch.setattr(dataclasses, "exec", other, raising=False)
    with classcode.packaged_class_code():
        assert vars(dataclasses)["exec"] is other
    assert vars(dataclasses)["exec"] is other


def test_code_of_another_interpreter_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    _packaged_or_skip()
    monkeypatch.setattr(classcode, "interpreter_key", lambda: ("pypy311", b"\x00\x00\r\n", 0))
    classcode._packaged.cache_clear()
    try:
        assert classcode._packaged() == {}
    finally:
        monkeypatch.undo()
        classcode._packaged.cache_clear()


def test_every_dataclass_of_newsclean_has_a_docstring() -> None:
    """A class without one makes dataclasses write its signature there, importing inspect (see classcode)."""
    import ast
    from pathlib import Path

    src = Path(classcode.__file__).parent
    missing = []
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ClassDef)
                and ast.get_docstring(node) is None
                and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
            ):
                missing.append(f"{path.relative_to(src)}:{node.lineno} {node.name}")
    assert missing == []


_FRESH = """
import sys
import newsclean
newsclean.clean("Officials said the bridge will reopen on Friday.")
late = "inspect" not in sys.modules
import dataclasses
@dataclasses.dataclass
class NoDoc:
    x: int
print(int(late), NoDoc.__doc__, int(dataclasses.inspect.signature is sys.modules["inspect"].signature))
"""


def test_dataclasses_imported_by_newsclean_import_inspect_on_first_use() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", _FRESH], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "NoDoc(x:", "int)", "1"]


def test_a_late_module_answers_from_the_module_itself() -> None:
    late = classcode._LateModule("inspect")
    assert late.signature is inspect.signature and late.isclass(int)
    with pytest.raises(AttributeError):
        late.__wrapped__  # noqa: B018 - the lookup is the test
