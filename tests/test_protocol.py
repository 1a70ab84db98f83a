"""Tests of the stage protocol and decorator (``newsclean.protocol``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

from newsclean import registry
from newsclean.document import Document
from newsclean.protocol import Stage, provides_of, requires_of, stage


def test_decorator_names_and_declares_without_registering() -> None:
    @stage("shout_protocol_test", requires=("language",), provides=("title",), register=False)
    def shout(doc: Document) -> Document:
        return doc

    assert shout.name == "shout_protocol_test"
    assert (requires_of(shout), provides_of(shout)) == (("language",), ("title",))
    assert isinstance(shout, Stage)
    assert "shout_protocol_test" not in registry.names()


def test_decorator_registers_by_default() -> None:
    @stage("whisper_protocol_test")
    def whisper(doc: Document) -> Document:
        return doc

    assert registry.get("whisper_protocol_test") is whisper


def test_a_plain_callable_declares_nothing() -> None:
    def plain(doc: Document) -> Document:
        return doc

    assert requires_of(plain) == provides_of(plain) == ()  # type: ignore[arg-type]
    assert not isinstance(plain, Stage)  # no name: not a stage


@dataclass(frozen=True, kw_only=True)
class Trim:
    name: ClassVar[str] = "trim_protocol_test"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ("extra",)
    width: int = 10

    def __call__(self, doc: Document, /) -> Document:
        return doc


def test_a_dataclass_with_class_attributes_is_a_stage() -> None:
    trim = Trim(width=3)
    assert isinstance(trim, Stage)
    assert provides_of(trim) == ("extra",)
    with pytest.raises(TypeError):
        Trim(3)  # type: ignore[misc]  # options are keyword-only
