"""Reading raw input: bytes to text, HTML or text sniffing, size and binary checks."""

from __future__ import annotations

import codecs
import dataclasses
import re
from typing import Any, Literal

from newsclean.document import Document, Edit, Options
from newsclean.errors import InputError, InputTooLargeError
from newsclean.lazyre import re_compile

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
_META_CHARSET = re_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re_compile(
    r"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# A tag ends before the next ``<``: with ``[^>]*``, every ``<p`` of a run with no ``>``
# scanned to the end of the run (quadratic in it).
_HTML_TAG = re_compile(
    r"</?(?:p|div|span|a|br|li|ul|table|td|h[1-6]|article|section|script|meta|img)\b[^<>]*+>", re.I
)
# C0 controls other than tab, newline, carriage return, form feed.
_BINARY_BYTES = re_compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_UNICODE_BOMS = tuple(bom for bom, _ in _BOMS)


def sniff_kind(text: str) -> Literal["text", "html"]:
    """Guess whether ``text`` is an HTML page or a plain-text capture."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    return "text"


def _looks_binary(data: bytes) -> bool:
    """Tell whether ``data`` is not text: NUL bytes outside UTF-16/32, or many C0 controls."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(_UNICODE_BOMS):
        return False
    if _wide_guess(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    return len(_BINARY_BYTES.findall(sample)) > len(sample) * _BINARY_CONTROL_SHARE and (
        _wide_guess(sample, without_nul=True) is None
    )


#: Share of C0 control bytes (other than tab, line ends, form feed) above which
#: bytes that are not UTF-16/32 are refused as binary. Text files have none;
#: the 5 % margin leaves room for a stray escape sequence in a terminal log.
_BINARY_CONTROL_SHARE = 0.05
#: Share of code points in a UTF-16/32 reading that must be "text-like"
#: (letters, marks, digits, spaces, punctuation and symbols of assigned Unicode,
#: no controls but tab and line ends, no private use) for the reading to be
#: taken. Random or binary bytes read as UTF-16 give mostly unassigned, private
#: use or scattered CJK/Hangul code points; see :func:`_wide_plausible`.
_WIDE_MIN_TEXTLIKE = 0.97
#: Fewest bytes for a BOM-less UTF-16/32 guess: a shorter sample says too little.
_WIDE_MIN_BYTES = 8
#: Text in one or two scripts (with ASCII spaces, digits and punctuation) keeps
#: to a few blocks of 128 code points; a reading that scatters over more than
#: this many (or one block per this many characters, for long text) is refused.
_WIDE_MAX_BLOCKS = 8
#: Scripts whose letters spread over many 128-code-point blocks, each counted as
#: one block: CJK symbols, kana, CJK ideographs (with extension A), Hangul
#: syllables, full-width forms.
_WIDE_SCRIPT_RANGES = (
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xFF00, 0xFFEF),
)


def _wide_plausible(text: str) -> bool:
    """Tell whether a UTF-16/32 reading of unknown bytes reads as text.

    The reading must be made of text-like code points (see
    ``_WIDE_MIN_TEXTLIKE``) and keep to a few blocks of 128 code points, as
    text in one or two scripts does: a wrong-endian reading of ASCII gives
    U+2000-U+7F00 code points scattered over many blocks, one per letter.
    """
    import unicodedata

    if not text:
        return False
    textlike = 0
    blocks: set[int] = set()
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LMNPSZ" or ch in "\t\n\r\f":
            textlike += 1
        cp = ord(ch)
        blocks.add(next((start for start, end in _WIDE_SCRIPT_RANGES if start <= cp <= end), cp >> 7))
    if textlike < len(text) * _WIDE_MIN_TEXTLIKE:
        return False
    return len(blocks) <= _WIDE_MAX_BLOCKS or len(blocks) <= len(text) // _WIDE_MAX_BLOCKS


def _wide_guess(sample: bytes, *, without_nul: bool = False) -> str | None:
    """Name a BOM-less UTF-32 or UTF-16 codec that reads ``sample`` as text, or None.

    Tried only where NUL bytes show up: ASCII characters (spaces, digits, line
    ends) in UTF-16/32 carry them, and text in any script has some. The NULs
    must sit where the codec puts the high bytes of ASCII characters (odd
    positions for UTF-16-LE, even for BE; three of four for UTF-32), and the
    strict reading must look like text (:func:`_wide_plausible`). Without a
    NUL, single-byte text read as UTF-16 would come out as CJK ideographs, so
    no guess is made, unless ``without_nul`` says the bytes are refused as
    binary otherwise (CJK text without a single ASCII character, whose UTF-16
    units carry C0 control bytes such as the 0x02 of U+3002).
    """
    if len(sample) < _WIDE_MIN_BYTES or (b"\x00" not in sample and not without_nul):
        return None
    n4 = len(sample) - len(sample) % 4
    n2 = len(sample) - len(sample) % 2
    nuls = sample.count(0)
    candidates = []
    if n4 and sample[3:n4:4].count(0) == n4 // 4 and max(sample[2:n4:4]) <= 0x10:
        candidates.append(("utf-32-le", n4))
    if n4 and sample[0:n4:4].count(0) == n4 // 4 and max(sample[1:n4:4]) <= 0x10:
        candidates.append(("utf-32-be", n4))
    odd = sample[1:n2:2].count(0)
    even = sample[0:n2:2].count(0)
    if odd >= nuls * _WIDE_NUL_SIDE:
        candidates.append(("utf-16-le", n2))
    if even >= nuls * _WIDE_NUL_SIDE:
        candidates.append(("utf-16-be", n2))
    for codec, n in candidates:
        unit = 4 if "32" in codec else 2
        try:
            text = sample[:n].decode(codec)
        except UnicodeDecodeError:
            try:  # the sample may end inside a surrogate pair
                text = sample[: n - unit].decode(codec)
            except UnicodeDecodeError:
                continue
        if _wide_plausible(text):
            return codec
    return None


#: Share of the NUL bytes that must sit on the high-byte side of UTF-16 units
#: for a UTF-16 reading to be tried (a CJK or Hangul character such as U+4E00
#: or U+B300 puts a NUL on the other side now and then; the wrong-endian reading
#: that a looser share lets through fails :func:`_wide_plausible`).
_WIDE_NUL_SIDE = 0.6


#: Codecs (Python names) that mean Windows-1252 on the web (WHATWG Encoding
#: Standard: the "windows-1252" encoding has the labels latin1, iso-8859-1, ascii…).
_WESTERN_CODECS = frozenset({"latin-1", "iso8859-1", "cp1252"})

#: Characters a Windows-1252 reading of Western European text produces besides
#: ASCII: Latin-1 letters and the usual typographic signs. A reading with other
#: characters (C1 controls, box drawing…) is not Western. Left out: ÐÞÝðþý, which
#: are what Turkish ĞŞİğşı (Windows-1254) and Czech ř/ý-heavy text look like.
_WESTERN_CHARS = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŠšŸŽž"
    "\u00a0‘’‚“”„–—…•·«»‹›€£¥¢©®™°±§¶¡¿ªº×÷½¼¾²³¹µ†‡‰"
)
#: Signs that sit next to a letter only when another alphabet was misread
#: ("¾elim" is Croatian "želim" read as Windows-1252).
_WESTERN_NOT_BY_LETTERS = frozenset("¹¼½¾×÷¤¦¨¯´¸")
#: In Western European languages accented letters are a minority of letters
#: (French about 4 %, German 2 %, Portuguese 5 %, Icelandic under 20 %); a
#: Windows-1252 reading made mostly of them is another alphabet misread.
_WESTERN_MAX_ACCENTED = 0.3
#: charset-normalizer's language coherence by which a non-Western reading must
#: beat the Windows-1252 one to win (measured in benchmarks/encoding.py).
_COHERENCE_MARGIN = 0.02


def _cp1252(data: bytes) -> str:
    """Decode as Windows-1252; the five bytes it leaves undefined read as Latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(
            data[i : i + 1].decode("cp1252", errors="ignore") or chr(data[i]) for i in range(len(data))
        )


def _western_plausible(text: str) -> bool:
    """Tell whether ``text`` (a Windows-1252 reading) looks like Western European text."""
    letters = accented = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            letters += ch.isalpha()
        elif ch not in _WESTERN_CHARS:
            return False
        elif ch.isalpha():
            letters += 1
            accented += 1
        elif ch in _WESTERN_NOT_BY_LETTERS and (
            (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())
        ):
            return False
    return letters > 0 and accented <= letters * _WESTERN_MAX_ACCENTED


def _decode_codec(data: bytes, codec: str) -> str:
    """Decode strictly, reading latin-1 labels as Windows-1252 (as browsers do)."""
    if codecs.lookup(codec).name in _WESTERN_CODECS:
        return _cp1252(data)
    return data.decode(codec)


def _detect(data: bytes) -> tuple[str, str] | None:
    """Detect the codec of non-UTF-8 bytes; prefer Windows-1252 when detection is unsure.

    charset-normalizer reads short Western text poorly (``b"caf\\xe9"`` comes
    out as CP1006 or CP1250), so a Windows-1252 reading that looks Western
    (:func:`_western_plausible`) wins unless the detector recognised a language
    in a non-Western reading (coherence above zero).
    """
    sample = data[:200_000]
    from charset_normalizer import from_bytes

    results = from_bytes(sample)
    best = results.best()
    if _western_plausible(_cp1252(sample)):
        if best is None or best.coherence <= 0.0 or "cp1252" in best.could_be_from_charset:
            return "cp1252", "charset_detected"
        western = [m for m in results if m.encoding == "cp1252"]
        if (
            western
            and western[0].chaos <= best.chaos
            and western[0].coherence >= best.coherence - _COHERENCE_MARGIN
        ):
            return "cp1252", "charset_detected"
    if best is not None:
        try:
            data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            return None
        return best.encoding, "charset_detected"
    return None


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, str, str | None]:
    """Decode ``data``: ``(text, codec, reason, warning or None)``; see :func:`decode_bytes`."""
    declared_failed = None
    if encoding:
        try:
            declared = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}; pass a codec name Python knows") from None
        if declared == "utf-8":
            declared = "utf-8-sig"  # a BOM is not text
        elif declared in _WESTERN_CODECS:
            declared = "cp1252"  # as browsers read it
        try:
            return _decode_codec(data, declared), declared, "charset_declared", None
        except UnicodeDecodeError:
            declared_failed = declared
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, codec, reason = data.decode(codec, errors="replace"), codec, "charset_bom"
            return _declared_note(text, codec, reason, declared_failed)
    if _looks_binary(data):
        raise InputError(
            "the input looks like binary data, not text or HTML; pass text, or bytes of a text file"
        )
    wide = _wide_guess(data[:8192])
    found: tuple[str, str] | None = (wide, "charset_detected") if wide else None
    if found is None:
        try:
            data.decode("utf-8")
            found = ("utf-8", "charset_utf8")
        except UnicodeDecodeError:
            pass
    if found is None and _BINARY_BYTES.search(data[:8192]):
        wide = _wide_guess(data[:8192], without_nul=True)
        found = (wide, "charset_detected") if wide else None
    if found is None:
        meta = _META_CHARSET.search(data[:8192])
        if meta:
            name = meta.group(1).decode("ascii", "replace")
            try:
                codec = codecs.lookup(name).name
                codec = "cp1252" if codec in _WESTERN_CODECS else codec
                _decode_codec(data, codec)
                found = (codec, "charset_meta")
            except (LookupError, UnicodeDecodeError):
                pass
    if found is None:
        found = _detect(data)
    if found is not None:
        try:
            text = _decode_codec(data, found[0])
            return _declared_note(text, found[0], found[1], declared_failed)
        except UnicodeDecodeError:
            pass
    codec = declared_failed or "utf-8"
    return (
        data.decode(codec, errors="replace"),
        codec,
        "charset_fallback",
        f"bytes are not valid {codec}; undecodable bytes were replaced with U+FFFD",
    )


def _declared_note(
    text: str, codec: str, reason: str, declared: str | None
) -> tuple[str, str, str, str | None]:
    if declared is None:
        return text, codec, reason, None
    return text, codec, reason, f"bytes are not valid {declared} as declared; decoded as {codec}"


_SURROGATE = re_compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    """True if ``text`` holds a lone surrogate code point.

    Encoding to UTF-8 fails on exactly those, and runs several times faster than
    a pattern search over a large page.
    """
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fix_surrogates(text: str) -> tuple[str, list[Edit]]:
    """Join surrogate pairs into their characters and replace lone surrogates with U+FFFD.

    A Python string can hold UTF-16 surrogates (from ``json.loads`` of escaped
    text, or ``surrogateescape`` decoding); no UTF-8 output can. Each lone one
    becomes U+FFFD, logged with its code point written out (``\\udc80``) so
    the log itself stays encodable.
    """
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    fixes = [
        Edit("load", "replace", "lone_surrogate", f"\\u{ord(m.group()):04x}", "\ufffd", m.start(), m.end())
        for m in _SURROGATE.finditer(joined)
    ]
    return _SURROGATE.sub("\ufffd", joined), fixes


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str, str]:
    """Decode ``data`` and say how.

    The order: the charset the caller declares; a byte-order mark; UTF-8; the
    page's ``<meta charset>``; detection with charset-normalizer, preferring
    Windows-1252 for text that reads as Western European when detection is
    unsure. Labels meaning Latin-1 are read as Windows-1252, as browsers do.
    If the declared charset does not fit the bytes, the next steps are tried;
    if nothing fits, undecodable bytes become U+FFFD.

    Args:
        data: The raw bytes.
        encoding: A charset the caller declares; used first.

    Returns:
        ``(text, codec, reason)`` where reason is ``charset_declared``,
        ``charset_bom``, ``charset_utf8``, ``charset_meta``, ``charset_detected``
        or ``charset_fallback`` (undecodable bytes became U+FFFD).

    Raises:
        InputError: If the bytes look binary, or the declared codec is unknown.

    >>> decode_bytes(b"caf\\xe9 au lait")
    ('café au lait', 'cp1252', 'charset_detected')
    >>> decode_bytes("Grüße".encode("utf-8"))
    ('Grüße', 'utf-8', 'charset_utf8')
    """
    text, codec, reason, _ = _decode(data, encoding)
    return text, codec, reason


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
    warning: str | None = None
    charset: dict[str, Any] | None = None
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if len(data) > max_chars * 4:
            raise InputTooLargeError(
                f"input of {len(data):,} bytes is over the limit; raise max_chars to clean it"
            )
        text, codec, reason, warning = _decode(data, encoding)
        charset = {"codec": codec, "how": reason, "bytes": len(data)}
        source: str | bytes = data
    elif isinstance(raw, str):
        text = raw
        source = raw
    else:
        raise InputError(
            f"expected str or bytes, got {type(raw).__name__}; read files in binary or text mode first"
        )
    if _has_surrogate(text):
        text, fixes = _fix_surrogates(text)
        log.extend(fixes)
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"input of {len(text):,} characters is over the limit of {max_chars:,}; "
            "pass max_chars= to clean it anyway"
        )
    if options is not None and options.url and _has_surrogate(options.url):
        options = dataclasses.replace(options, url=_fix_surrogates(options.url)[0])
    resolved: Literal["text", "html"] = sniff_kind(text) if kind == "auto" else kind
    doc = Document.from_text(text, source=source, kind=resolved, options=options)
    if log:
        doc = doc.with_log(log)
    if charset is not None:
        doc = doc.with_decision("decode_bytes", "charset", **charset)
    if warning:
        doc = doc.with_warning(warning)
    if not text.strip():
        doc = doc.with_warning("empty input")
    return doc
