"""Pipelines: immutable, ordered sequences of uniquely named stages.

What a stage is (the :class:`~newsclean.protocol.Stage` protocol and the
:func:`~newsclean.protocol.stage` decorator) lives in :mod:`newsclean.protocol`;
both are re-exported here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from newsclean import registry
from newsclean.article import Article
from newsclean.document import Document
from newsclean.errors import ConfigError, NewscleanError, StageError, UnknownStageError
from newsclean.options import CleanOptions
from newsclean.protocol import Stage, provides_of, requires_of, stage

if TYPE_CHECKING:
    import logging

    from typing_extensions import Unpack

    from newsclean.options import CleanOptionsArgs

__all__ = ["Pipeline", "Stage", "collector_paused", "stage", "to_article"]

OnError = Literal["raise", "skip", "record"]

#: The name of the library logger: a skipped input at INFO, each stage's edits
#: and decisions at DEBUG (built only when DEBUG is on, so the cost is nil otherwise).
LOGGER_NAME = "newsclean"


def library_logger() -> logging.Logger:
    """The "newsclean" logger, with a ``NullHandler`` so that the library never prints.

    :mod:`logging` is imported here, on first need, rather than by ``import
    newsclean``: a process that never configures logging (the usual worker)
    does not pay for importing it (about 4 ms of a fresh process's first call).
    """
    import logging

    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    return logger


def _debug_logging() -> bool:
    """Whether the library logger takes DEBUG records.

    False while nothing in the process has imported :mod:`logging`: nothing can
    have configured it, so the logger would take nothing below WARNING.
    """
    logging = sys.modules.get("logging")
    return logging is not None and library_logger().isEnabledFor(logging.DEBUG)


@contextlib.contextmanager
def collector_paused(active: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block when ``active``, then restore it.

    Only a collector that was on is paused and turned on again; one the caller
    turned off stays off. Collections the block's allocations call for run at
    the first allocation after it. (Threads share the collector: a pause in one
    thread holds for all while the block runs.)

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    paused = active and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _resolve(item: Stage | str) -> Stage:
    if isinstance(item, str):
        resolved: Stage = registry.get(item)
        return resolved
    if not callable(item) or not isinstance(getattr(item, "name", None), str):
        raise ConfigError(f"{item!r} is not a stage: it needs a 'name' and must be callable")
    return item


#: The paragraphs of an Article are read from its text a piece of about this many
#: characters at a time (cut at a newline): splitting a huge text at once made a list of
#: every line next to the tuple of paragraphs, 4 more bytes a character for a flood of
#: one-character lines (``python -m benchmarks.scaling --shapes tiny_lines``). A text of
#: news size is one piece.
PARAGRAPH_PIECE = 1 << 20


def _paragraphs(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text``, stripped (see :data:`PARAGRAPH_PIECE`).

    >>> _paragraphs(" One.\\n\\n  Two. \\n")
    ('One.', 'Two.')
    """
    return tuple(_stripped_lines(text, PARAGRAPH_PIECE))


def _stripped_lines(text: str, piece: int) -> Iterator[str]:
    pos, size = 0, len(text)
    while pos < size:
        end = text.find("\n", pos + piece)
        if end < 0:
            end = size
        yield from filter(None, map(str.strip, text[pos:end].split("\n")))
        pos = end + 1


def to_article(doc: Document) -> Article:
    """Build the public :class:`Article` from a finished document."""
    f = doc.fields
    paragraphs = _paragraphs(doc.text)
    warnings = doc.warnings
    if not paragraphs and "no body text found" not in warnings:
        warnings = (*warnings, "no body text found")
    return Article(
        title=f.get("title"),
        paragraphs=paragraphs,
        published=f.get("published"),
        updated=f.get("updated"),
        dates=tuple(f.get("dates", ())),
        authors=tuple(f.get("authors", ())),
        dateline=f.get("dateline"),
        site_name=f.get("site_name"),
        section=f.get("section"),
        tags=tuple(f.get("tags", ())),
        related=tuple(f.get("related", ())),
        language=f.get("language"),
        spam_keywords=tuple(f.get("spam_keywords", ())),
        spun=bool(f.get("spun", False)),
        edits=doc.edits,
        decisions=doc.decisions,
        warnings=warnings,
        raw=doc.source,
        extra=dict(doc.extra),
        base_text=doc.base_text,
        base_index=doc.base_index,
    )


def _log_stage(name: str, before: Document, after: Document) -> None:
    """Log at DEBUG what one stage did: its edits by reason and what it decided."""
    reasons: dict[str, int] = {}
    for e in after.edits[len(before.edits) :]:
        reasons[e.reason] = reasons.get(e.reason, 0) + 1
    if reasons:
        library_logger().debug("%s: %d edit(s) %s", name, sum(reasons.values()), reasons)
    for d in after.decisions[len(before.decisions) :]:
        library_logger().debug("%s decided %s: %s", name, d.reason, dict(d.data))


class Pipeline:
    """An immutable, ordered sequence of uniquely named stages.

    ``p(raw)`` returns an :class:`Article`; ``p.run(raw)`` the final
    :class:`Document`; ``p.pipe(items)`` cleans many inputs lazily.
    Editing methods return new pipelines.
    """

    __slots__ = ("_stages",)

    def __init__(self, stages: Iterable[Stage | str] = ()) -> None:
        resolved = tuple(_resolve(s) for s in stages)
        seen: set[str] = set()
        for s in resolved:
            if s.name in seen:
                raise ConfigError(f"stage {s.name!r} appears twice in the pipeline")
            seen.add(s.name)
        self._stages = resolved

    # -- sequence behaviour ---------------------------------------------------
    def __len__(self) -> int:
        return len(self._stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages)

    @overload
    def __getitem__(self, key: str | int) -> Stage: ...
    @overload
    def __getitem__(self, key: slice) -> Pipeline: ...
    def __getitem__(self, key: str | int | slice) -> Stage | Pipeline:
        if isinstance(key, slice):
            return Pipeline(self._stages[key])
        if isinstance(key, int):
            return self._stages[key]
        return self._stages[self._index(key)]

    def __contains__(self, name: object) -> bool:
        return any(s.name == name for s in self._stages)

    def __add__(self, other: Pipeline | Iterable[Stage | str]) -> Pipeline:
        return Pipeline([*self._stages, *other])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._stages == other._stages

    def __hash__(self) -> int:
        return hash(self._stages)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(repr(n) for n in self.names)}])"

    @property
    def names(self) -> list[str]:
        """The stage names, in order."""
        return [s.name for s in self._stages]

    def _index(self, name: str) -> int:
        for i, s in enumerate(self._stages):
            if s.name == name:
                return i
        raise UnknownStageError(f"no stage {name!r} in this pipeline; it has: {', '.join(self.names)}")

    # -- editing -----------------------------------------------------------------
    def without(self, name: str) -> Pipeline:
        """Return a pipeline without stage ``name``."""
        i = self._index(name)
        return Pipeline(self._stages[:i] + self._stages[i + 1 :])

    remove = without

    def replace(self, name: str, new: Stage | str) -> Pipeline:
        """Return a pipeline with stage ``name`` replaced by ``new``."""
        i = self._index(name)
        return Pipeline((*self._stages[:i], _resolve(new), *self._stages[i + 1 :]))

    def insert(self, new: Stage | str, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Return a pipeline with ``new`` added before/after a stage, or at the end."""
        if before is not None and after is not None:
            raise ConfigError("give before= or after=, not both")
        if before is not None:
            i = self._index(before)
        elif after is not None:
            i = self._index(after) + 1
        else:
            i = len(self._stages)
        return Pipeline((*self._stages[:i], _resolve(new), *self._stages[i:]))

    add = insert

    def check(self) -> list[str]:
        """Return problems with the stage order (an empty list when fine)."""
        problems: list[str] = []
        provided: set[str] = set()
        for s in self._stages:
            for need in requires_of(s):
                if need not in provided:
                    problems.append(f"stage {s.name!r} requires {need!r}, which no earlier stage provides")
            provided.update(provides_of(s))
        return problems

    # -- configuration ----------------------------------------------------------
    def to_config(self) -> list[dict[str, Any]]:
        """Return the pipeline as ``[{"name": ..., "options": {...}}, ...]``."""
        config: list[dict[str, Any]] = []
        for s in self._stages:
            options: dict[str, Any] = {}
            if dataclasses.is_dataclass(s) and not isinstance(s, type):
                options = {f.name: getattr(s, f.name) for f in dataclasses.fields(s) if f.init}
            config.append({"name": s.name, "options": options})
        return config

    @classmethod
    def from_config(cls, config: Iterable[Mapping[str, Any] | str]) -> Pipeline:
        """Build a pipeline from :meth:`to_config` output (or plain names)."""
        stages: list[Stage] = []
        for item in config:
            if isinstance(item, str):
                stages.append(registry.get(item))
            else:
                stages.append(registry.get(item["name"], **dict(item.get("options") or {})))
        return cls(stages)

    # -- running -------------------------------------------------------------------
    def run(
        self,
        raw: str | bytes | Document,
        *,
        options: CleanOptions | None = None,
        **values: Unpack[CleanOptionsArgs],
    ) -> Document:
        """Run every stage and return the final :class:`Document`.

        Args:
            raw: The capture, or a :class:`Document` to run the stages on as is
                (its own options are kept).
            options: A :class:`~newsclean.options.CleanOptions`; the defaults otherwise.
            **values: Options to set on top of ``options``, by name
                (``url=``, ``language=``...; see :class:`~newsclean.options.CleanOptions`).

        Raises:
            OptionError: For an unknown option or a value of the wrong type.
            InputError: For input that cannot be read as text.
            StageError: If a stage fails; the original exception is chained.
        """
        from newsclean.inputs import DEFAULT_MAX_CHARS, load

        opts = CleanOptions.build(options, **values)
        if isinstance(raw, Document):
            doc = raw
        else:
            doc = load(
                raw,
                kind=opts.kind,
                encoding=opts.encoding,
                options=opts,
                max_chars=DEFAULT_MAX_CHARS if opts.max_chars is None else opts.max_chars,
            )
        debug = _debug_logging()
        for s in self._stages:
            try:
                out = s(doc)
            except NewscleanError:
                raise
            except Exception as exc:
                raise StageError(s.name, f"{type(exc).__name__}: {exc}") from exc
            if not isinstance(out, Document):
                raise StageError(s.name, f"returned {type(out).__name__}, not a Document")
            if debug:
                _log_stage(s.name, doc, out)
            doc = out
        return doc

    def __call__(
        self,
        raw: str | bytes | Document,
        *,
        options: CleanOptions | None = None,
        **values: Unpack[CleanOptionsArgs],
    ) -> Article:
        """Clean ``raw`` and return an :class:`Article` (options as for :meth:`run`)."""
        return to_article(self.run(raw, options=options, **values))

    def pipe(
        self,
        items: Iterable[str | bytes],
        *,
        on_error: OnError = "raise",
        options: CleanOptions | None = None,
        pause_collector: bool = True,
        **values: Unpack[CleanOptionsArgs],
    ) -> Iterator[Article]:
        """Clean many inputs lazily, in order.

        As :func:`newsclean.clean_many` does, the cyclic garbage collector is
        paused while each input is cleaned and restored before the article is
        yielded (:mod:`newsclean.batch` says why).

        Args:
            items: Raw captures.
            on_error: ``raise`` stops at the first error; ``skip`` drops a
                failing item; ``record`` yields an empty article whose
                ``warnings`` hold the error.
            options: Options for every item (see :meth:`run`).
            pause_collector: False leaves the cyclic garbage collector alone.
            **values: Options to set on top of ``options``, by name.

        Raises:
            OptionError: At once, for a bad option (whatever ``on_error`` says).
        """
        if on_error not in ("raise", "skip", "record"):
            raise ConfigError(f"on_error must be 'raise', 'skip' or 'record', not {on_error!r}")
        opts = CleanOptions.build(options, **values)
        for index, item in enumerate(items):
            try:
                with collector_paused(pause_collector):
                    article = self(item, options=opts)
                yield article
            except NewscleanError as exc:
                if on_error == "raise":
                    raise
                outcome = "skipped" if on_error == "skip" else "recorded as a warning"
                library_logger().info("input %d %s: %s: %s", index, outcome, type(exc).__name__, exc)
                if on_error == "record":
                    yield Article(warnings=(f"error: {type(exc).__name__}: {exc}",), raw=item)
