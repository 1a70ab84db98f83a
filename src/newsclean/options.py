"""The options of one cleaning call, in one frozen, checked object.

:class:`CleanOptions` is the single description of what a caller can tell
newsclean about a capture. :func:`newsclean.clean`, :meth:`Pipeline.run
<newsclean.pipeline.Pipeline.run>`, :func:`newsclean.clean_many` and the
``newsclean clean`` command all build one, and stages read it as
``doc.options`` (never write it). Values are checked when the object is built,
so a wrong type fails at the call with an :class:`~newsclean.errors.OptionError`
naming the option, not deep inside a stage.

Language precedence, the same for every stage (see
:attr:`newsclean.document.Document.language`): the caller's ``language``
option, when given, wins; otherwise the language an earlier stage set (the
page's declared language read by ``extract_html``, or the one
``detect_language`` found).

>>> CleanOptions(url="https://example.com/2024/03/05/story", language="en").language
'en'
>>> CleanOptions(url=12345)  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
newsclean.errors.OptionError: option 'url' must be a str or None, not int (12345)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from newsclean.errors import OptionError

if TYPE_CHECKING:
    from newsclean.profile import SiteProfile

__all__ = ["DEFAULT_OPTIONS", "CleanOptions", "CleanOptionsArgs", "Kind", "option_names"]

Kind = Literal["auto", "text", "html"]
_KINDS = ("auto", "text", "html")


def _fail(name: str, wanted: str, value: Any) -> OptionError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return OptionError(name, f"option {name!r} must be {wanted}, not {type(value).__name__} ({shown})")


def _optional_str(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise _fail(name, "a str or None", value)


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanOptions:
    """Per-call options of :func:`newsclean.clean`; stages may read them, never write.

    Attributes:
        kind: ``auto`` sniffs HTML versus text; ``text`` or ``html`` force it.
        encoding: Declared charset of byte input (detected when None).
        url: The page address, when known (its path may hold the date).
        captured_at: When the page was captured; anchors relative dates
            ("2 hours ago"). A :class:`~datetime.datetime`, not a string.
        spam_keywords: Phrases the caller knows to be injected spam; any
            iterable of strings, kept as a tuple without blank entries.
        profile: A :class:`~newsclean.profile.SiteProfile` learned from the
            site's captures, or None.
        language: A language code the caller asserts (``en``, ``de``...), or
            None to use the page's declared or the detected language.
        repair_tortured: Replace tortured phrases, not only report them.
        max_chars: Refuse longer inputs; None means
            :data:`newsclean.inputs.DEFAULT_MAX_CHARS`.

    Raises:
        OptionError: When a value has the wrong type or is out of range.
    """

    kind: Kind = "auto"
    encoding: str | None = None
    url: str | None = None
    captured_at: datetime | None = None
    spam_keywords: tuple[str, ...] = ()
    profile: SiteProfile | None = None
    language: str | None = None
    repair_tortured: bool = False
    max_chars: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise OptionError("kind", f"option 'kind' must be one of {', '.join(_KINDS)}, not {self.kind!r}")
        _optional_str("encoding", self.encoding)
        _optional_str("url", self.url)
        _optional_str("language", self.language)
        if self.language is not None and not self.language.strip():
            raise OptionError("language", "option 'language' must be a language code such as 'en', or None")
        if self.captured_at is not None and not isinstance(self.captured_at, datetime):
            raise _fail(
                "captured_at",
                "a datetime or None (parse strings with datetime.fromisoformat)",
                self.captured_at,
            )
        if not isinstance(self.repair_tortured, bool):
            raise _fail("repair_tortured", "a bool", self.repair_tortured)
        if self.max_chars is not None and (
            isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 1
        ):
            raise _fail("max_chars", "a positive int or None", self.max_chars)
        if self.profile is not None:
            from newsclean.profile import SiteProfile

            if not isinstance(self.profile, SiteProfile):
                raise _fail("profile", "a SiteProfile or None (load one with SiteProfile.load)", self.profile)
        keywords: Any = self.spam_keywords
        if isinstance(keywords, str | bytes) or not isinstance(keywords, Iterable):
            raise _fail("spam_keywords", "an iterable of str (a list of phrases)", keywords)
        kept = tuple(keywords)
        if not all(isinstance(k, str) for k in kept):
            raise _fail("spam_keywords", "an iterable of str (a list of phrases)", keywords)
        object.__setattr__(self, "spam_keywords", tuple(k for k in kept if k.strip()))

    @classmethod
    def build(cls, base: CleanOptions | None = None, /, **values: Any) -> CleanOptions:
        """Return ``base`` (or the defaults) with ``values`` set, checked.

        Raises:
            OptionError: For an unknown option name (the message lists the
                valid ones) or a bad value.
        """
        unknown = sorted(set(values) - _NAMES)
        if unknown:
            raise OptionError(
                unknown[0], f"unknown option(s) {unknown}; the options are {', '.join(option_names())}"
            )
        if base is None:
            return cls(**values) if values else DEFAULT_OPTIONS
        return dataclasses.replace(base, **values) if values else base

    def to_dict(self) -> dict[str, Any]:
        """Return the options as a mapping of name to value (the profile object included)."""
        return {name: getattr(self, name) for name in option_names()}


class CleanOptionsArgs(TypedDict, total=False):
    """The keyword arguments that :meth:`CleanOptions.build` accepts, for typing ``**options``."""

    kind: Kind
    encoding: str | None
    url: str | None
    captured_at: datetime | None
    spam_keywords: Iterable[str]
    profile: SiteProfile | None
    language: str | None
    repair_tortured: bool
    max_chars: int | None


def option_names() -> tuple[str, ...]:
    """Return the option names, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(CleanOptions))


_NAMES = frozenset(option_names())

#: The options of a call that sets none (shared: the object is frozen).
DEFAULT_OPTIONS = CleanOptions()
