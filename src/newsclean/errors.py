"""Errors raised by newsclean.

Every error newsclean raises on purpose derives from :class:`NewscleanError`, and
each class also subclasses the built-in exception a caller would naturally catch::

    NewscleanError (Exception)
    ├── InputError (NewscleanError, ValueError)         bad or undecodable input
    │   └── InputTooLargeError (InputError)             input over the size limit
    ├── ConfigError (NewscleanError, ValueError)        a bad option, stage or profile
    │   ├── OptionError (ConfigError, TypeError)        a cleaning option of the wrong type or value
    │   └── UnknownStageError (ConfigError, KeyError)   a stage name not in the registry
    ├── MissingDependencyError (NewscleanError, ImportError)
    │                                                   an optional extra is not installed
    └── StageError (NewscleanError, RuntimeError)       a stage failed; the cause is chained
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "InputTooLargeError",
    "MissingDependencyError",
    "NewscleanError",
    "OptionError",
    "StageError",
    "UnknownStageError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class InputError(NewscleanError, ValueError):
    """The input cannot be cleaned: wrong type, undecodable, or not text at all."""


class InputTooLargeError(InputError):
    """The input is larger than the ``max_chars`` limit given to :func:`newsclean.clean`."""


class ConfigError(NewscleanError, ValueError):
    """An option, stage, pipeline configuration or profile is invalid."""


class OptionError(ConfigError, TypeError):
    """An option of :class:`~newsclean.options.CleanOptions` is unknown, of the wrong type or out of range.

    ``option`` names it. Catch it as ``ConfigError``, ``ValueError`` or ``TypeError``.
    """

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class UnknownStageError(ConfigError, KeyError):
    """A stage name is not registered. The message lists the registered names."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(NewscleanError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""


class StageError(NewscleanError, RuntimeError):
    """A stage raised an unexpected exception; ``stage`` names it, the cause is chained."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage {stage!r} failed: {message}")
        self.stage = stage
        self.detail = message

    def __reduce__(self) -> tuple[type[StageError], tuple[str, str]]:
        # Rebuilt from both arguments, so the error crosses process boundaries (clean_many workers).
        return (type(self), (self.stage, self.detail))
