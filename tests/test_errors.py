"""Tests of the error hierarchy (``newsclean.errors``): each error is caught as its built-in too."""

from __future__ import annotations

import pickle

import pytest

import newsclean
from newsclean.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    MissingDependencyError,
    NewscleanError,
    OptionError,
    StageError,
    UnknownStageError,
)


@pytest.mark.parametrize(
    ("error", "builtins"),
    [
        (InputError, (ValueError,)),
        (InputTooLargeError, (InputError, ValueError)),
        (ConfigError, (ValueError,)),
        (OptionError, (ConfigError, ValueError, TypeError)),
        (UnknownStageError, (ConfigError, KeyError)),
        (MissingDependencyError, (ImportError,)),
        (StageError, (RuntimeError,)),
    ],
)
def test_each_error_is_a_newsclean_error_and_its_builtin(
    error: type[Exception], builtins: tuple[type, ...]
) -> None:
    assert issubclass(error, NewscleanError)
    for builtin in builtins:
        assert issubclass(error, builtin)


def test_every_public_error_is_exported() -> None:
    for name in ("NewscleanError", "InputError", "ConfigError", "StageError", "UnknownStageError"):
        assert getattr(newsclean, name) is getattr(newsclean.errors, name)


def test_bad_input_is_caught_as_value_error() -> None:
    with pytest.raises(ValueError):
        newsclean.clean(12345)  # type: ignore[arg-type]


def test_unknown_stage_message_is_not_repr_quoted() -> None:
    err = UnknownStageError("no stage 'x'; registered: a, b")
    assert str(err) == "no stage 'x'; registered: a, b"


def test_option_error_names_the_option() -> None:
    err = OptionError("max_chars", "max_chars must be positive")
    assert (err.option, str(err)) == ("max_chars", "max_chars must be positive")


def test_stage_error_survives_pickling_with_its_fields() -> None:
    err = StageError("remove_boilerplate", "boom")
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.stage, back.detail, str(back)) == (
        StageError,
        "remove_boilerplate",
        "boom",
        "stage 'remove_boilerplate' failed: boom",
    )
