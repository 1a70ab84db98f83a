from __future__ import annotations

import pytest

from newsclean import ConfigError, UnknownStageError, registry
from newsclean.document import Document


def test_builtin_stages_are_listed_by_name() -> None:
    names = registry.names()
    assert names == sorted(names)
    for name in ("extract_html", "fix_encoding", "detect_language", "normalize_dates", "repair_spinner"):
        assert name in names
        assert registry.get(name).name == name


def test_registry_refuses_a_different_object_under_a_taken_name() -> None:
    with pytest.raises(ConfigError, match="already registered"):
        registry.register("fix_encoding")(lambda doc: doc)
    fix = registry.get("fix_encoding")
    assert registry.register("fix_encoding")(fix) is fix  # the same object again is harmless


def test_unknown_name_lists_the_valid_names() -> None:
    with pytest.raises(UnknownStageError) as info:
        registry.get("no_such_stage")
    assert "fix_encoding" in str(info.value) and isinstance(info.value, KeyError)


@pytest.mark.parametrize("bad", ["", "has space", "dash-name"])
def test_names_are_snake_case_words(bad: str) -> None:
    with pytest.raises(ConfigError, match="snake_case"):
        registry.register(bad)


def test_options_go_to_stage_classes_only() -> None:
    spinner = registry.get("repair_spinner", threshold=3.0)
    assert spinner.threshold == 3.0
    with pytest.raises(ConfigError, match="bad options"):
        registry.get("repair_spinner", colour="red")
    with pytest.raises(ConfigError, match="takes no options"):
        registry.get("fix_encoding", colour="red")


def test_a_plain_function_registers_and_runs() -> None:
    @registry.register("identity_registry_test")
    def identity(doc: Document) -> Document:
        return doc

    identity.name = "identity_registry_test"  # type: ignore[attr-defined]
    assert registry.get("identity_registry_test") is identity
