"""Reading raw input: bytes to text, HTML or text sniffing, size and binary checks."""

from __future__ import annotations

import codecs
import re
from typing import Literal

from newsclean.document import Document, Edit, Options
from newsclean.errors import InputError, InputTooLargeError

__all__ = ["DEFAULT_MAX_CHARS", "decode_bytes", "load", "sniff_kind"]

#: Inputs longer than this many characters raise InputTooLargeError (never truncated).
DEFAULT_MAX_CHARS = 50_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|table|td|h[1-6]|article|section|script|meta|img)\b[^>]*>", re.I
)
# C0 controls other than tab, newline, carriage return, form feed.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def sniff_kind(text: str) -> Literal["text", "html"]:
    """Guess whether ``text`` is an HTML page or a plain-text capture."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    return "text"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return len(_BINARY_BYTES.findall(sample)) > len(sample) * 0.05


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str, str]:
    """Decode ``data`` and say how.

    Args:
        data: The raw bytes.
        encoding: A charset the caller declares; used first.

    Returns:
        ``(text, codec, reason)`` where reason is ``charset_declared``,
        ``charset_bom``, ``charset_utf8``, ``charset_meta``, ``charset_detected``
        or ``charset_fallback`` (undecodable bytes became U+FFFD).

    Raises:
        InputError: If the bytes look binary, or the declared codec is unknown.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec, "charset_bom"
    if _looks_binary(data):
        raise InputError(
            "the input looks like binary data, not text or HTML; pass text, or bytes of a text file"
        )
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}; pass a codec name Python knows") from None
        try:
            return data.decode(encoding), encoding, "charset_declared"
        except UnicodeDecodeError:
            return data.decode(encoding, errors="replace"), encoding, "charset_fallback"
    try:
        return data.decode("utf-8"), "utf-8", "charset_utf8"
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:8192])
    if meta:
        name = meta.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(name).name
            return data.decode(codec), codec, "charset_meta"
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        codec = best.encoding
        try:
            return data.decode(codec), codec, "charset_detected"
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "utf-8", "charset_fallback"


def load(
    raw: str | bytes,
    *,
    kind: Literal["auto", "text", "html"] = "auto",
    encoding: str | None = None,
    options: Options | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """Turn raw input into a :class:`Document`.

    Raises:
        InputError: For a wrong type, binary data or an unknown codec.
        InputTooLargeError: If the text is longer than ``max_chars``.
    """
    if kind not in ("auto", "text", "html"):
        raise InputError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    log: list[Edit] = []
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if len(data) > max_chars * 4:
            raise InputTooLargeError(
                f"input of {len(data):,} bytes is over the limit; raise max_chars to clean it"
            )
        text, codec, reason = decode_bytes(data, encoding=encoding)
        log.append(Edit("decode_bytes", "replace", reason, f"{len(data)} bytes", codec))
        source: str | bytes = data
    elif isinstance(raw, str):
        text = raw
        source = raw
    else:
        raise InputError(
            f"expected str or bytes, got {type(raw).__name__}; read files in binary or text mode first"
        )
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"input of {len(text):,} characters is over the limit of {max_chars:,}; "
            "pass max_chars= to clean it anyway"
        )
    resolved: Literal["text", "html"] = sniff_kind(text) if kind == "auto" else kind
    doc = Document.from_text(text, source=source, kind=resolved, options=options)
    if log:
        doc = doc.with_log(log)
        if reason == "charset_fallback":
            doc = doc.with_warning(
                f"bytes are not valid {codec}; undecodable bytes were replaced with U+FFFD"
            )
    if not text.strip():
        doc = doc.with_warning("empty input")
    return doc
