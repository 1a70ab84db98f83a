from __future__ import annotations

import pytest

import newsclean
from newsclean import InputError, InputTooLargeError, replay


@pytest.mark.parametrize("raw", ["", "   \n\t\n  ", b"", b"\n\n"])
def test_empty_input_gives_an_empty_article_with_a_warning(raw: str | bytes) -> None:
    article = newsclean.clean(raw)
    assert article.paragraphs == ()
    assert "empty input" in article.warnings


def test_binary_bytes_raise_a_typed_error() -> None:
    with pytest.raises(InputError, match="binary"):
        newsclean.clean(bytes(range(256)) * 40)


@pytest.mark.parametrize("raw", [None, 12, ["text"], {"text": "x"}])
def test_wrong_types_raise_input_error(raw: object) -> None:
    with pytest.raises(InputError, match="expected str or bytes"):
        newsclean.clean(raw)  # type: ignore[arg-type]


def test_over_the_limit_is_refused_not_truncated() -> None:
    with pytest.raises(InputTooLargeError, match="max_chars"):
        newsclean.clean("word " * 100, max_chars=50)


def test_unknown_declared_encoding() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        newsclean.clean(b"abc", encoding="no-such-codec")


def test_bytes_decoding_is_recorded() -> None:
    article = newsclean.clean("Ein Bericht über die Stadt.".encode())
    charset = next(d for d in article.decisions if d.reason == "charset")
    assert (charset.stage, charset.data["codec"], charset.data["how"]) == (
        "decode_bytes",
        "utf-8",
        "charset_utf8",
    )
    assert not [e for e in article.edits if e.stage == "decode_bytes"]  # a choice, not a text change
    assert article.raw == "Ein Bericht über die Stadt.".encode()


def test_raw_input_is_kept_exactly() -> None:
    raw = "Line one of a story.\r\nLine two of the story."
    assert newsclean.clean(raw).raw == raw


def test_large_capture_is_cleaned_completely() -> None:
    para = "The committee met on Tuesday {n} and agreed on a plan to repair the old harbour wall {n}. "
    raw = "\n".join(para.format(n=n) * 3 for n in range(36_000))  # about 10 MB
    doc = newsclean.default_pipeline().run(raw)
    assert len(doc.text) >= len(raw) * 0.99
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text


def test_clean_many_is_lazy_and_ordered() -> None:
    out = newsclean.clean_many(["First clean sentence here.", "Second clean sentence here."])
    assert [a.paragraphs[0] for a in out] == ["First clean sentence here.", "Second clean sentence here."]
