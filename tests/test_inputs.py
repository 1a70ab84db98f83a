"""Tests of byte decoding in newsclean.inputs: declared charset, BOM, UTF-8, meta, detection."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.errors import InputError
from newsclean.inputs import decode_bytes, load, sniff_kind

DECODE = [
    # (bytes, declared, expected text, codec, reason)
    ("Grüße aus Köln".encode(), None, "Grüße aus Köln", "utf-8", "charset_utf8"),
    (b"plain ascii", None, "plain ascii", "utf-8", "charset_utf8"),
    ("\ufeffwith BOM".encode(), None, "with BOM", "utf-8-sig", "charset_bom"),
    ("UTF-16 text".encode("utf-16"), None, "UTF-16 text", "utf-16", "charset_bom"),
    (
        "UTF-16 LE without BOM".encode("utf-16-le"),
        None,
        "UTF-16 LE without BOM",
        "utf-16-le",
        "charset_detected",
    ),
    (
        "UTF-16 BE without BOM".encode("utf-16-be"),
        None,
        "UTF-16 BE without BOM",
        "utf-16-be",
        "charset_detected",
    ),
    (b"caf\xe9 au lait", None, "café au lait", "cp1252", "charset_detected"),
    ("Crème brûlée".encode("latin-1"), None, "Crème brûlée", "cp1252", "charset_detected"),
    ("L’été à Paris".encode("cp1252"), None, "L’été à Paris", "cp1252", "charset_detected"),
    (
        "Der Bär läuft über die Straße".encode("cp1252"),
        None,
        "Der Bär läuft über die Straße",
        "cp1252",
        "charset_detected",
    ),
    ("Zażółć gęślą jaźń".encode("cp1250"), None, "Zażółć gęślą jaźń", "cp1250", "charset_detected"),
    ("Привет, как дела?".encode("cp1251"), None, "Привет, как дела?", "cp1251", "charset_detected"),
    (
        b'<meta charset="iso-8859-1"><p>caf\xe9 \x93x\x94</p>',
        None,
        '<meta charset="iso-8859-1"><p>café “x”</p>',
        "cp1252",
        "charset_meta",
    ),
    ("Привет".encode("koi8-r"), "koi8-r", "Привет", "koi8-r", "charset_declared"),
    ("caf\xe9".encode("latin-1"), "iso-8859-1", "café", "cp1252", "charset_declared"),
    ("\ufeffdeclared".encode(), "utf-8", "declared", "utf-8-sig", "charset_declared"),
]


@pytest.mark.parametrize(("data", "declared", "text", "codec", "reason"), DECODE)
def test_decode_bytes(data: bytes, declared: str | None, text: str, codec: str, reason: str) -> None:
    assert decode_bytes(data, encoding=declared) == (text, codec, reason)


def test_declared_charset_that_does_not_fit_falls_through_with_a_warning() -> None:
    doc = load(b"caf\xe9 au lait", encoding="utf-8")
    assert doc.text == "café au lait"
    assert doc.decisions[0].data["codec"] == "cp1252"
    assert any("not valid utf-8" in w for w in doc.warnings)


def test_undecodable_bytes_become_replacement_characters_with_a_warning() -> None:
    doc = load(b"ok \xff\xfe\xfd bytes \x81\x8d", encoding="ascii")
    assert "\ufffd" in doc.text or doc.text.startswith("ok ")
    assert doc.warnings


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03\x04\x05binary\x00\x00\x00",
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_bytes(data)


def test_unknown_declared_codec_is_refused() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", encoding="no-such-codec")


def test_load_records_the_codec() -> None:
    doc = load(b"caf\xe9 au lait")
    (decision,) = doc.decisions
    assert (decision.stage, decision.reason) == ("decode_bytes", "charset")
    assert dict(decision.data) == {"codec": "cp1252", "how": "charset_detected", "bytes": 12}
    assert doc.edits == () and doc.base_index == 0
    assert not doc.warnings


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text, codec, reason = decode_bytes(data)
    except InputError:
        return
    assert isinstance(text, str) and codec and reason.startswith("charset_")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_utf8_round_trips(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    if "\x00" in text or text.startswith("\ufeff"):
        return
    with contextlib.suppress(InputError):  # control-heavy text may look binary
        assert decode_bytes(data)[0] == text


# Short news sentences in scripts whose UTF-16 units carry few or no NUL bytes.
_WIDE_TEXTS = {
    "en": "The council approved the budget on Tuesday.\nIt takes effect in May.",
    "ru": "Совет утвердил бюджет во вторник.\nОн вступит в силу в мае.",
    "zh": "市议会周二批准了预算。\n预算将于五月生效。",
    "ar": "وافق المجلس على الميزانية يوم الثلاثاء.\nتدخل حيز التنفيذ في مايو.",
    "ja": "市議会は火曜日に予算を承認した。",
    "ko": "시의회는 화요일 예산을 승인했다.",
    "el": "Το συμβούλιο ενέκρινε τον προϋπολογισμό την Τρίτη.",
    "hi": "परिषद ने मंगलवार को बजट को मंजूरी दी।",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("lang", sorted(_WIDE_TEXTS))
def test_utf16_and_utf32_without_bom_are_read_in_any_script(lang: str, codec: str) -> None:
    text = _WIDE_TEXTS[lang]
    assert decode_bytes(text.encode(codec)) == (text, codec, "charset_detected")


def test_random_bytes_with_nuls_are_mostly_refused() -> None:
    import random

    rng = random.Random(7)
    accepted = 0
    for _ in range(500):
        data = bytes(rng.getrandbits(8) if rng.random() < 0.6 else 0 for _ in range(rng.randint(8, 400)))
        try:
            decode_bytes(data)
            accepted += 1
        except InputError:
            pass
    assert accepted <= 10


def test_single_byte_western_text_is_never_read_as_utf16() -> None:
    # Letter pairs read as UTF-16 would be CJK ideographs: no NUL, no guess.
    data = "Die Straße war über Nacht gesperrt, sagte der Bürgermeister.".encode("cp1252")
    assert decode_bytes(data)[1] == "cp1252"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>',
            "html",
        ),
        ("<?xml version='1.0'?><html><body><p>Hi</p></body></html>", "html"),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title></channel></rss>', "text"),
        ("Plain text that mentions <?xml?> in passing.", "text"),
    ],
)
def test_xml_prologue_before_html_is_sniffed_as_html(head: str, kind: str) -> None:
    assert sniff_kind(head) == kind


@pytest.mark.parametrize(
    ("raw", "text", "fixed"),
    [
        ("Hello \ud800 world", "Hello \ufffd world", 1),
        ("pair \ud83d\ude00 joined", "pair \U0001f600 joined", 0),
        ("\udc80\udc81", "\ufffd\ufffd", 2),
        ("clean text", "clean text", 0),
        ("caf\u00e9 \u2014 \u4e2d \U0001f600", "caf\u00e9 \u2014 \u4e2d \U0001f600", 0),
        ("\ue000 private use, then \udfff", "\ue000 private use, then \ufffd", 1),
    ],
)
def test_lone_surrogates_become_replacement_characters_and_are_logged(
    raw: str, text: str, fixed: int
) -> None:
    doc = load(raw)
    assert doc.text == text
    logged = [e for e in doc.edits if e.reason == "lone_surrogate"]
    assert len(logged) == fixed
    for e in logged:
        assert e.after == "\ufffd" and e.before.startswith("\\ud")
        e.before.encode("utf-8")  # the log itself stays encodable
