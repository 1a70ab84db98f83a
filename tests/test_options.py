from __future__ import annotations

from datetime import datetime

import pytest

import newsclean
from newsclean import Document, OptionError, StageError, clean, default_pipeline
from newsclean.cli import OPTIONS_WITHOUT_FLAG, build_parser
from newsclean.options import DEFAULT_OPTIONS, CleanOptions, option_names
from newsclean.stages.language import detect_language

STORY = "The council approved the new budget on Tuesday after a long debate about school funding."


@pytest.mark.parametrize(
    ("values", "option"),
    [
        ({"url": 12345}, "url"),
        ({"language": 5}, "language"),
        ({"language": "  "}, "language"),
        ({"captured_at": "2024-05-06"}, "captured_at"),
        ({"kind": "pdf"}, "kind"),
        ({"encoding": b"utf-8"}, "encoding"),
        ({"spam_keywords": "Acme Deals"}, "spam_keywords"),  # one string would be read letter by letter
        ({"spam_keywords": ["ok", 3]}, "spam_keywords"),
        ({"profile": {"site": "x"}}, "profile"),
        ({"repair_tortured": "yes"}, "repair_tortured"),
        ({"max_chars": 0}, "max_chars"),
        ({"max_chars": True}, "max_chars"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_options_raise_a_typed_error_naming_the_option(values: dict[str, object], option: str) -> None:
    with pytest.raises(OptionError, match=repr(option)) as info:
        clean(STORY, **values)  # type: ignore[arg-type]
    assert info.value.option == option
    assert not isinstance(info.value, StageError)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)


def test_pipe_and_clean_many_check_options_before_reading_any_capture() -> None:
    with pytest.raises(OptionError, match="'url'"):
        list(default_pipeline().pipe([STORY], on_error="skip", url=12345))  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="'language'"):
        newsclean.clean_many([STORY], language=5)  # type: ignore[arg-type]


def test_options_object_and_names_combine() -> None:
    when = datetime(2024, 5, 6, 12, 0)
    opts = CleanOptions(captured_at=when, spam_keywords=["Acme Deals", " ", ""])
    assert opts.spam_keywords == ("Acme Deals",)
    doc = default_pipeline().run(STORY, options=opts, language="en")
    assert doc.options.captured_at == when
    assert doc.options.language == "en"
    assert opts.language is None  # the object itself is frozen and unchanged
    with pytest.raises(AttributeError):
        opts.language = "de"  # type: ignore[misc]
    assert CleanOptions.build() is DEFAULT_OPTIONS


def test_every_option_has_a_cli_flag_or_a_stated_reason() -> None:
    clean_parser = build_parser()._subparsers._group_actions[0].choices["clean"]  # type: ignore[union-attr]
    flags = {s for a in clean_parser._actions for s in a.option_strings}
    for name in option_names():
        flag = "--" + name.replace("_", "-")
        assert (flag in flags) != (name in OPTIONS_WITHOUT_FLAG), name
    assert set(OPTIONS_WITHOUT_FLAG) <= set(option_names())


@pytest.mark.parametrize(
    ("option", "field", "expected"),
    [
        ("de", None, "de"),  # the caller's option
        ("de", "fr", "de"),  # wins over a language an earlier stage set (the page's declared one)
        (None, "fr", "fr"),  # else the page's declared language
        (None, None, "en"),  # else detection
    ],
)
def test_one_language_precedence(option: str | None, field: str | None, expected: str) -> None:
    doc = Document.from_text(STORY * 3, options=CleanOptions(language=option))
    if field:
        doc = doc.with_fields(language=field)
    out = detect_language(doc)
    assert out.language == expected
    assert out.get("language") == expected


def test_cli_passes_max_chars_and_repair_tortured(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    from newsclean.cli import main

    path = Path(str(tmp_path)) / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert main(["clean", "-q", "-j", "1", "--repair-tortured", str(path)]) == 0
    assert STORY in capsys.readouterr().out
    assert main(["clean", "-q", "-j", "1", "--max-chars", "10", str(path)]) == 1
    with pytest.raises(SystemExit):
        main(["clean", "--max-chars", "0", str(path)])
