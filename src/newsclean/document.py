"""The working document that flows through a pipeline, and the edit log.

A :class:`Document` is frozen. Stages never assign to it: they describe their
changes as :class:`Change` spans over the current text and call
:meth:`Document.with_edits`, which applies them in one pass and appends one
:class:`Edit` per change to the log. Replaying the log on ``base_text`` gives
``text`` (see :func:`replay`); every fixture test checks that invariant.

Each edit carries two positions:

* ``at``, the offset in the working text at the moment the edit was applied,
  which is what :func:`replay` uses, and
* ``start``/``end``, the span of the changed text in ``base_text`` (the decoded
  input), or ``None`` where the changed text did not exist there (it was
  produced by an earlier edit).

What a stage *chose* without changing text (the publication date and the rule
that picked it, the spin score against its threshold) is a :class:`Decision`,
logged with :meth:`Document.with_decision`: structured data, never an edit.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from newsclean.options import DEFAULT_OPTIONS, CleanOptions

__all__ = [
    "Action",
    "Change",
    "Decision",
    "Document",
    "Edit",
    "Options",
    "coalesce",
    "replay",
]

Action = Literal["remove", "replace", "extract", "insert"]

#: Fields a stage may set with :meth:`Document.with_fields`; they become
#: attributes of the :class:`~newsclean.article.Article`.
FIELD_NAMES = frozenset(
    {
        "title",
        "authors",
        "dateline",
        "site_name",
        "section",
        "tags",
        "related",
        "language",
        "spam_keywords",
        "spun",
        "dates",
        "published",
        "updated",
    }
)


@dataclass(frozen=True, slots=True)
class Edit:
    """One recorded change.

    Attributes:
        stage: Registry name of the stage that made the change.
        action: ``remove``, ``replace``, ``insert``, or ``extract`` (text moved
            out of the body into a field such as ``title`` or ``related``).
        reason: Stable snake_case slug saying why, e.g. ``spam_keyword``.
        before: The text that was there.
        after: The text put in its place (empty for removals).
        start: Start of ``before`` in the base text, or ``None`` if unmappable.
        end: End of ``before`` in the base text, or ``None`` if unmappable.
        at: Offset in the working text when the edit was applied (used by
            :func:`replay`, and kept by :meth:`to_dict` so that edits read back
            from JSON replay too).
    """

    stage: str
    action: Action
    reason: str
    before: str
    after: str
    start: int | None = None
    end: int | None = None
    at: int | None = field(default=None, compare=False)

    def __reduce__(self) -> tuple[type[Edit], tuple[Any, ...]]:
        # Pickle as a plain argument tuple: no per-edit field names or state dict.
        return (
            Edit,
            (self.stage, self.action, self.reason, self.before, self.after, self.start, self.end, self.at),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the edit as a JSON-ready mapping."""
        return {
            "stage": self.stage,
            "action": self.action,
            "reason": self.reason,
            "before": self.before,
            "after": self.after,
            "start": self.start,
            "end": self.end,
            "at": self.at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        """Build an edit from :meth:`to_dict` output."""
        return cls(
            stage=str(data["stage"]),
            action=data["action"],
            reason=str(data["reason"]),
            before=str(data["before"]),
            after=str(data["after"]),
            start=data.get("start"),
            end=data.get("end"),
            at=data.get("at"),
        )


#: What :meth:`Document.with_edits` makes an :class:`Edit` with: a bare object and
#: each slot's setter in field order. The generated ``__init__`` of a frozen dataclass
#: sets each field through a Python-level call; setting the slots directly, in the
#: log's loop, makes the same object about twice as fast.
_new = object.__new__
_EDIT_SETTERS = tuple(getattr(Edit, name).__set__ for name in Edit.__slots__)
if len(_EDIT_SETTERS) != 8:  # pragma: no cover - guards a change of Edit's fields
    raise RuntimeError("Edit's fields changed: update Document.with_edits")

#: Types a decision's ``data`` may hold (nested in tuples and string-keyed dicts).
_SCALARS = (str, int, float, bool, type(None))


def _frozen_value(key: str, value: Any) -> Any:
    """Return ``value`` as JSON-ready immutable data (lists become tuples)."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        return tuple(_frozen_value(key, v) for v in value)
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _frozen_value(key, v) for k, v in value.items()})
    raise TypeError(
        f"decision data {key!r} holds a {type(value).__name__}; use str, int, float, bool, None, "
        "or tuples and mappings of them (convert dates to ISO strings)"
    )


def _plain_value(value: Any) -> Any:
    """Return frozen decision data as plain JSON types (tuples to lists, mappings to dicts)."""
    if isinstance(value, tuple):
        return [_plain_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain_value(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True, init=False)
class Decision:
    """What a stage chose without changing text, as structured data.

    Decisions are not edits: replaying edits never sees them, and they are
    counted apart (:func:`newsclean.stats.summarize`). ``data`` holds only
    JSON-ready values (strings, numbers, booleans, ``None``, tuples and
    mappings of them), so a decision pickles and serialises as it is.

    Attributes:
        stage: Registry name of the stage that decided.
        reason: Stable snake_case slug of what was decided, e.g. ``published_date``.
        data: Read-only mapping of what was chosen and why, e.g.
            ``{"value": "2024-03-05", "rule": "url date", ...}``.

    >>> d = Decision("normalize_dates", "published_date", {"value": "2024-03-05", "rule": "url date"})
    >>> d.data["rule"]
    'url date'
    """

    stage: str
    reason: str
    data: Mapping[str, Any]

    def __init__(self, stage: str, reason: str, data: Mapping[str, Any] | None = None) -> None:
        frozen = MappingProxyType({str(k): _frozen_value(str(k), v) for k, v in (data or {}).items()})
        object.__setattr__(self, "stage", stage)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "data", frozen)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Decision):
            return NotImplemented
        return (self.stage, self.reason, self.data) == (other.stage, other.reason, other.data)

    def __hash__(self) -> int:
        return hash((self.stage, self.reason))

    def __repr__(self) -> str:
        return f"Decision({self.stage!r}, {self.reason!r}, {_plain_value(self.data)!r})"

    def __reduce__(self) -> tuple[type[Decision], tuple[str, str, dict[str, Any]]]:
        return (Decision, (self.stage, self.reason, _plain_value(self.data)))

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"stage", "reason", "data"}`` with plain JSON types."""
        return {"stage": self.stage, "reason": self.reason, "data": _plain_value(self.data)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Build a decision from :meth:`to_dict` output."""
        return cls(str(data["stage"]), str(data["reason"]), data.get("data") or {})


class Change(NamedTuple):
    """A change a stage wants: replace ``text[start:end]`` with ``after``.

    ``action`` defaults to ``remove`` when ``after`` is empty, ``insert`` when
    the span is empty, and ``replace`` otherwise.
    """

    start: int
    end: int
    after: str
    reason: str
    action: Action | None = None


#: Two changes of one stage and reason lie in one *dense run* when at most this many
#: unchanged characters separate them (a breadcrumb ``a  >  a  >`` flood: 3).
DENSE_GAP = 64
#: A dense run of at least this many changes is logged as one edit (see :func:`coalesce`).
#: Over the 1,758 cleans of the four development corpora (text and HTML), with no run
#: merged, the longest dense run holds 2,455 changes (a page of short lines ending in
#: CRLF, one ``line_ending`` edit a line; ``python -m benchmarks.memory --runs``): this
#: leaves every such log alone, with a margin. A flood of tiny edits (millions at 10 MB)
#: would otherwise cost the log hundreds of bytes per input character.
DENSE_RUN = 10_000


def coalesce(text: str, changes: Iterable[Change]) -> Iterator[Change]:
    """Yield ``changes`` (sorted, over ``text``) with every dense run merged into one change.

    A dense run is :data:`DENSE_RUN` or more changes of one reason, without an
    explicit action, each at most :data:`DENSE_GAP` characters after the last.
    Its merged change spans the whole run and puts in its place what the run's
    changes put, with the unchanged text between them kept: the text comes out
    the same, and the log replays, holding one edit where it held thousands.
    Shorter runs pass through unchanged, one change each. Consumed lazily, so
    a stage can stream a flood of changes through it without listing them.

    >>> runs = [Change(i, i + 2, " ", "whitespace") for i in range(1, 3 * DENSE_RUN, 3)]
    >>> merged = list(coalesce("a  " * DENSE_RUN, runs))
    >>> len(merged), merged[0].start, merged[0].end, merged[0].after[:8]
    (1, 1, 30000, ' a a a a')
    """
    run: list[Change] = []  # the current run while it is shorter than DENSE_RUN
    pieces: list[str] = []  # the text of the merged change once the run is dense
    for c in changes:
        start, _end, _after, reason, action = c
        if run:
            last = run[-1]
            if action is None and reason == last.reason and 0 <= start - last.end <= DENSE_GAP:
                if pieces:
                    pieces += (text[last.end : start], c.after)
                    run[-1] = c  # only the run's first and last change are kept
                    continue
                run.append(c)
                if len(run) >= DENSE_RUN:
                    pieces = [run[0].after]
                    for prev, nxt in itertools.pairwise(run):
                        pieces += (text[prev.end : nxt.start], nxt.after)
                    run = [run[0], c]
                continue
            yield from _flush(run, pieces)
            run, pieces = [], []
        if action is None:
            run.append(c)
        else:
            yield c
    yield from _flush(run, pieces)


def _flush(run: list[Change], pieces: list[str]) -> list[Change]:
    """The changes of a finished run: itself if short, else its one merged change."""
    if not pieces:
        return run
    return [Change(run[0].start, run[-1].end, "".join(pieces), run[0].reason)]


#: The per-call options stages read: the same object as :class:`~newsclean.options.CleanOptions`.
Options = CleanOptions


@dataclass(frozen=True, slots=True)
class _BatchMap:
    """Positions of one applied batch, to map output offsets back to input."""

    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]

    def back_start(self, pos: int) -> int | None:
        """Map a span start; at an edit boundary the later input offset wins."""
        i = bisect.bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos >= self.out_ends[i]:
            return pos - self.out_ends[i] + self.in_ends[i]
        if pos == self.out_starts[i]:
            return self.in_starts[i]
        return None

    def back_end(self, pos: int) -> int | None:
        """Map a span end; at an edit boundary the earlier input offset wins."""
        j = bisect.bisect_left(self.out_starts, pos)
        if j < len(self.out_starts) and self.out_starts[j] == pos:
            return self.in_starts[j]
        i = j - 1
        if i < 0:
            return pos
        if pos >= self.out_ends[i]:
            return pos - self.out_ends[i] + self.in_ends[i]
        return None

    def back_starts(self, positions: list[int | None]) -> list[int | None]:
        """:meth:`back_start` for ascending positions, in one merged walk."""
        out: list[int | None] = []
        starts, ends, ins, ine = self.out_starts, self.out_ends, self.in_starts, self.in_ends
        n = len(starts)
        i = -1
        for pos in positions:
            if pos is None:
                out.append(None)
                continue
            while i + 1 < n and starts[i + 1] <= pos:
                i += 1
            if i < 0:
                out.append(pos)
            elif pos >= ends[i]:
                out.append(pos - ends[i] + ine[i])
            elif pos == starts[i]:
                out.append(ins[i])
            else:
                out.append(None)
        return out

    def back_ends(self, positions: list[int | None]) -> list[int | None]:
        """:meth:`back_end` for ascending positions, in one merged walk."""
        out: list[int | None] = []
        starts, ends, ins, ine = self.out_starts, self.out_ends, self.in_starts, self.in_ends
        n = len(starts)
        j = 0  # first edit with out_start >= pos
        for pos in positions:
            if pos is None:
                out.append(None)
                continue
            while j < n and starts[j] < pos:
                j += 1
            if j < n and starts[j] == pos:
                out.append(ins[j])
                continue
            i = j - 1
            if i < 0:
                out.append(pos)
            elif pos >= ends[i]:
                out.append(pos - ends[i] + ine[i])
            else:
                out.append(None)
        return out


def _empty_fields() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Document:
    """The immutable state a pipeline passes from stage to stage.

    Attributes:
        source: The raw input exactly as given (``str`` or ``bytes``).
        base_text: Decoded text the text stages start from (for HTML, the
            text the HTML stage extracted).
        text: The current text: one block per line.
        kind: ``text`` or ``html``: what ``source`` is.
        fields: Extracted fields (see ``FIELD_NAMES``), read-only.
        extra: Namespaced fields of third-party stages, read-only.
        edits: Every change made so far, in order.
        decisions: What stages chose without changing text, in order.
        warnings: Things a user should know that are not edits.
        options: The per-call options.
        base_index: Number of leading edits that precede ``base_text`` (made
            while decoding or extracting HTML); :func:`replay` skips them.
    """

    source: str | bytes
    base_text: str
    text: str
    kind: Literal["text", "html"] = "text"
    fields: Mapping[str, Any] = field(default_factory=_empty_fields)
    extra: Mapping[str, Any] = field(default_factory=_empty_fields)
    edits: tuple[Edit, ...] = ()
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[str, ...] = ()
    options: CleanOptions = DEFAULT_OPTIONS
    base_index: int = 0
    _maps: tuple[_BatchMap, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        source: str | bytes | None = None,
        kind: Literal["text", "html"] = "text",
        options: CleanOptions | None = None,
    ) -> Document:
        """Start a document whose base text is ``text``."""
        return cls(
            source=text if source is None else source,
            base_text=text,
            text=text,
            kind=kind,
            options=options or DEFAULT_OPTIONS,
        )

    # -- reading -----------------------------------------------------------
    @property
    def language(self) -> str | None:
        """The language every stage works with: one precedence for all.

        The caller's ``options.language`` wins when given; otherwise the
        ``language`` field an earlier stage set (the page's declared language
        from ``extract_html``, or what ``detect_language`` found); else None.
        """
        lang: str | None = self.options.language or self.fields.get("language")
        return lang

    def get(self, name: str, default: Any = None) -> Any:
        """Return field ``name`` or ``default``."""
        return self.fields.get(name, default)

    def base_span(self, start: int, end: int) -> tuple[int | None, int | None]:
        """Map a span of the current text to the base text (None where unmappable)."""
        s: int | None = start
        e: int | None = end
        for m in reversed(self._maps):
            if s is not None:
                s = m.back_start(s)
            if e is not None:
                e = m.back_end(e)
            if s is None and e is None:
                break
        if s is None or e is None:
            return None, None
        if s > e:  # an empty span where earlier edits removed text: both ends at the later offset
            e = s
        return s, e

    # -- changing ----------------------------------------------------------
    def with_edits(self, stage: str, changes: Iterable[Change]) -> Document:
        """Apply non-overlapping ``changes`` to ``text`` and log one edit each.

        Args:
            stage: Name of the stage making the changes.
            changes: Spans over the current ``text``; any order.

        Returns:
            A new document (``self`` if there are no effective changes).

        Raises:
            ValueError: If two changes overlap or a span is out of range.
        """
        text = self.text
        todo = [c for c in changes if text[c[0] : c[1]] != c[2]]  # (start, end, after)
        if not todo:
            return self
        todo.sort(key=_span_key)  # (stages mostly give their changes in order: a linear check)
        if len(todo) >= DENSE_RUN:
            todo = list(coalesce(text, todo))
        # Map every start and end to the base text in one walk per earlier batch.
        base_starts: list[int | None] = [c.start for c in todo]
        base_ends: list[int | None] = [c.end for c in todo]
        for m in reversed(self._maps):
            base_starts = m.back_starts(base_starts)
            base_ends = m.back_ends(base_ends)
        pieces: list[str] = []
        new_edits: list[Edit] = []
        in_s: list[int] = []
        in_e: list[int] = []
        out_s: list[int] = []
        out_e: list[int] = []
        pos = 0
        delta = 0
        size = len(text)
        new = _new
        s0, s1, s2, s3, s4, s5, s6, s7 = _EDIT_SETTERS
        for c, bs, be in zip(todo, base_starts, base_ends, strict=True):
            start, end, after, reason, action = c
            if start < pos or end < start or end > size:
                raise ValueError(f"stage {stage!r}: overlapping or invalid change {c!r}")
            before = text[start:end]
            pieces.append(text[pos:start])
            pieces.append(after)
            if action is None:
                action = "remove" if not after else "insert" if not before else "replace"
            if bs is None or be is None:
                bs = be = None
            elif bs > be:  # as in base_span: an empty span over removed text
                be = bs
            at = start + delta
            # (an Edit made by setting its slots: as ``Edit(...)``, without a call per field)
            e = new(Edit)
            s0(e, stage)
            s1(e, action)
            s2(e, reason)
            s3(e, before)
            s4(e, after)
            s5(e, bs)
            s6(e, be)
            s7(e, at)
            new_edits.append(e)
            in_s.append(start)
            in_e.append(end)
            out_s.append(at)
            delta += len(after) - len(before)
            out_e.append(end + delta)
            pos = end
        pieces.append(text[pos:])
        batch = _BatchMap(tuple(in_s), tuple(in_e), tuple(out_s), tuple(out_e))
        return _evolve(
            self,
            text="".join(pieces),
            edits=self.edits + tuple(new_edits),
            _maps=(*self._maps, batch),
        )

    def with_decision(self, stage: str, reason: str, /, **data: Any) -> Document:
        """Log what ``stage`` chose without changing text (see :class:`Decision`).

        Args:
            stage: Name of the stage deciding.
            reason: Snake_case slug of the decision, e.g. ``spin_score``.
            **data: JSON-ready values saying what was chosen and why.

        Raises:
            TypeError: If a value is not JSON-ready data.
        """
        return _evolve(self, decisions=(*self.decisions, Decision(stage, reason, data)))

    def with_fields(self, **values: Any) -> Document:
        """Return a copy with fields set; names must be in ``FIELD_NAMES``.

        Raises:
            ValueError: For an unknown field name (use :meth:`with_extra`).
        """
        unknown = set(values) - FIELD_NAMES
        if unknown:
            raise ValueError(
                f"unknown field(s) {sorted(unknown)}; core fields are {sorted(FIELD_NAMES)}, "
                "third-party stages use with_extra()"
            )
        merged = dict(self.fields)
        merged.update(values)
        return _evolve(self, fields=MappingProxyType(merged))

    def with_extra(self, namespace: str, value: Any) -> Document:
        """Return a copy with ``extra[namespace] = value``."""
        merged = dict(self.extra)
        merged[namespace] = value
        return _evolve(self, extra=MappingProxyType(merged))

    def with_warning(self, message: str) -> Document:
        """Return a copy with one more warning (duplicates are dropped)."""
        if message in self.warnings:
            return self
        return _evolve(self, warnings=(*self.warnings, message))

    def with_log(self, edits: Iterable[Edit]) -> Document:
        """Append edits that describe work done *before* ``base_text`` existed.

        Used by decoding and HTML extraction: such edits are not replayed.
        """
        added = tuple(edits)
        if self.edits[self.base_index :]:
            raise ValueError("with_log() must be called before any text edit")
        return _evolve(self, edits=self.edits + added, base_index=self.base_index + len(added))

    def rebase(self, text: str, *, kind: Literal["text", "html"] | None = None) -> Document:
        """Start the text stages over from ``text`` (the HTML stage's output).

        Edits made so far are kept in the log but no longer replayed.
        """
        return _evolve(
            self,
            base_text=text,
            text=text,
            kind=self.kind if kind is None else kind,
            base_index=len(self.edits),
            _maps=(),
        )


#: the order of changes: by start, then end
_span_key = operator.itemgetter(0, 1)

#: A Document's fields in slot order: one getter of them all, their positions, each slot's setter.
_DOCUMENT_VALUES = operator.attrgetter(*Document.__slots__)
_DOCUMENT_INDEX = {name: i for i, name in enumerate(Document.__slots__)}
_DOCUMENT_SETTERS = tuple(getattr(Document, name).__set__ for name in Document.__slots__)


def _evolve(doc: Document, **changes: Any) -> Document:
    """``dataclasses.replace(doc, **changes)`` without its per-call field walk.

    Stages make a new document a dozen times per capture; this copies the
    slots directly, about twice as fast. Only field names are passed (the
    callers are the methods above).
    """
    values = list(_DOCUMENT_VALUES(doc))
    for name, value in changes.items():
        values[_DOCUMENT_INDEX[name]] = value
    new = object.__new__(type(doc))
    # each setter called on (new, value) in one C-level pass
    _consume(map(operator.call, _DOCUMENT_SETTERS, itertools.repeat(new), values))
    return new


#: Runs an iterator to its end, in C.
_consume: Callable[[Iterable[Any]], None] = collections.deque(maxlen=0).extend


def replay(base_text: str, edits: Iterable[Edit]) -> str:
    """Re-apply ``edits`` (as logged, in order) to ``base_text``.

    Edits logged by one stage run left to right, so each such run is applied in one pass:
    replay is linear in the text size for any number of edits.

    Raises:
        ValueError: If an edit's ``before`` is not found at its ``at`` offset.
    """
    text = base_text
    run: list[Edit] = []
    run_end = -1  # end, in the current output, of the last edit in ``run``
    for e in edits:
        if e.at is None:
            raise ValueError(f"edit {e!r} has no working offset and cannot be replayed")
        if run and e.at < run_end:
            text = _apply_run(text, run)
            run = []
        run.append(e)
        run_end = e.at + len(e.after)
    return _apply_run(text, run) if run else text


def _apply_run(text: str, run: list[Edit]) -> str:
    """Apply edits whose offsets increase left to right, in one pass."""
    pieces: list[str] = []
    pos = 0
    delta = 0
    for e in run:
        start = (e.at or 0) - delta  # offset in ``text``, before this run's earlier edits
        if start < pos or text[start : start + len(e.before)] != e.before:
            raise ValueError(f"edit {e!r} does not match the text at offset {e.at}")
        pieces.append(text[pos:start])
        pieces.append(e.after)
        pos = start + len(e.before)
        delta += len(e.after) - len(e.before)
    pieces.append(text[pos:])
    return "".join(pieces)
