"""What a stage is: the :class:`Stage` protocol and the :func:`stage` decorator.

A leaf module: it imports only the document model and the registry, so stage
modules can import it without importing :mod:`newsclean.pipeline` (which
resolves stage names through the registry, which loads the stage modules).

A stage is any callable ``Document -> Document`` with a ``name``. It may
declare the fields it ``requires`` (an earlier stage must provide them) and
the fields it ``provides``; :meth:`newsclean.pipeline.Pipeline.check` reads
both to report a wrong order. Write one as a decorated function::

    @stage("shout", requires=("language",))
    def shout(doc: Document) -> Document:
        return doc.with_edits("shout", [Change(0, len(doc.text), doc.text.upper(), "shout")])

or as a frozen dataclass with keyword-only options and ``name``,
``requires`` and ``provides`` class attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from newsclean import registry
from newsclean.document import Document

__all__ = ["Stage", "provides_of", "requires_of", "stage"]


@runtime_checkable
class Stage(Protocol):
    """What a pipeline stage is: a named ``Document -> Document`` callable."""

    name: str

    def __call__(self, doc: Document, /) -> Document: ...


def stage(
    name: str,
    *,
    requires: Sequence[str] = (),
    provides: Sequence[str] = (),
    register: bool = True,
) -> Callable[[Callable[[Document], Document]], Stage]:
    """Turn a function into a named stage and register it under ``name``.

    Args:
        name: The registry name, also written as ``Edit.stage``.
        requires: Fields that an earlier stage must provide.
        provides: Fields this stage sets.
        register: Put the stage in the registry (default True).
    """

    def deco(fn: Callable[[Document], Document]) -> Stage:
        fn.name = name  # type: ignore[attr-defined]
        fn.requires = tuple(requires)  # type: ignore[attr-defined]
        fn.provides = tuple(provides)  # type: ignore[attr-defined]
        if register:
            registry.register(name)(fn)
        return fn  # type: ignore[return-value]

    return deco


def requires_of(s: Stage) -> tuple[str, ...]:
    """The fields ``s`` declares it requires (none when it declares nothing)."""
    return tuple(getattr(s, "requires", ()))


def provides_of(s: Stage) -> tuple[str, ...]:
    """The fields ``s`` declares it provides (none when it declares nothing)."""
    return tuple(getattr(s, "provides", ()))
