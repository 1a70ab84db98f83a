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
