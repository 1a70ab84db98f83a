"""Encoding repair and text normalisation: the ``fix_encoding`` stage.

Every later stage matches patterns on the text, so it must be repaired and
normalised first; and since the stage runs on every document, it must cost
almost nothing on text that is already clean.

What the stage does, each change logged as an edit with one of these reasons:

========================  ==========================================================
reason                    change
========================  ==========================================================
``html_entity``           ``&amp;``, ``&#8217;``, ``&nbsp;`` … left in text, decoded
                          (double escapes such as ``&amp;quot;`` fully)
``mojibake``              UTF-8 read in a single-byte codec (``Itâ€™s``, ``OrlÃ©ans``),
                          C1 controls meant as Windows-1252, UTF-16 surrogate pairs;
                          repaired by ftfy
``control_char``          C0/C1 control characters, DEL, ANSI terminal escapes removed
``invalid_char``          unpaired surrogates replaced with U+FFFD
``invisible_char``        zero-width space, word joiner, BOM inside text; bidi marks
                          on a line without right-to-left script; ZWJ/ZWNJ next to
                          ASCII (kept between letters of scripts that need them and
                          inside emoji sequences)
``soft_hyphen``           U+00AD removed
``line_ending``           CRLF, CR, U+2028, U+2029, VT, FF to ``\\n``
``ligature``              ``ﬁ`` ``ﬂ`` ``ﬀ`` ``ﬃ`` ``ﬄ`` ``ﬅ`` ``ﬆ`` spelt out
``character_width``       full-width ASCII (``：``, ``Ａ``) to ASCII, only in text with
                          no Chinese, Japanese or Korean characters
``unicode_normalization`` NFC
``nbsp``                  a run of blanks holding a no-break space (U+00A0, U+202F,
                          U+2007) becomes one space (or nothing at a line end)
``whitespace``            runs of spaces, tabs and other blanks inside a line become one
                          space; blanks at line ends are removed
========================  ==========================================================

Fields an earlier stage has set from the page (the HTML stage reads the title,
site name, section, authors and tags from ``<title>`` and ``<meta>``) get the
same repairs, with their blanks and line breaks folded to single spaces (each
is one line); a changed field is recorded as a ``field_repaired`` decision
(field, before, after), since a field is no span of the text to edit.

Nothing else changes: no case folding, typographic quotes and dashes stay
(ftfy's ``uncurl_quotes`` is off), blank lines stay, halfwidth katakana and the
full-width punctuation of CJK text stay.

The fast path. Mojibake of UTF-8 always contains a *lead* character (what a
single-byte codec makes of the bytes C0-F4) directly followed by a
*continuation* character (what it makes of 80-BF, or U+FFFD standing for a
lost byte); ftfy can only change text
holding such a pair, a C1 control, a surrogate, or ``Ã``/``Â`` before a space
(its ``restore_byte_a0`` case). The pairs are computed from Python's own codec
tables for the codecs ftfy repairs (``_MOJIBAKE_CODECS``). Pure ASCII text is
settled by ``str.isascii()``; other text by one regex scan for lead characters
followed by continuation characters, each hit checked against the exact pair
set. Only the lines holding a hit are given to ftfy, which is imported on first
need. Other checks are substring tests (``"  " in text``), one character-class
search and ``unicodedata.is_normalized``; see ``docs/encoding.md`` for figures.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsclean.document import DENSE_RUN, Change, Document, coalesce
from newsclean.lazyre import lazy_re, re_compile
from newsclean.protocol import stage

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["FTFY_CONFIG", "fix_encoding", "needs_repair", "repair_text"]

NAME = "fix_encoding"

#: The ftfy options used on suspect lines (a ``ftfy.TextFixerConfig``'s fields).
#: Only the mojibake decoder and its helpers run; everything else ftfy can do
#: is either done here with finer spans (entities, controls, ligatures, width,
#: NFC) or not wanted (``uncurl_quotes``: typographic quotes are kept).
FTFY_CONFIG: dict[str, Any] = {
    "unescape_html": False,
    "remove_terminal_escapes": False,
    "fix_encoding": True,
    "restore_byte_a0": True,
    "replace_lossy_sequences": True,
    "decode_inconsistent_utf8": True,
    "fix_c1_controls": True,
    "fix_latin_ligatures": False,
    "fix_character_width": False,
    "uncurl_quotes": False,
    "fix_line_breaks": False,
    "fix_surrogates": True,
    "remove_control_chars": False,
    "normalization": None,
    "explain": False,
}

#: Rounds of repair at most; a round that changes nothing ends the loop.
#: (Decoding one problem can reveal another, e.g. mojibake inside an entity.)
_MAX_ROUNDS = 4

#: Suspect lines longer than this are cut at spaces before going to ftfy, so
#: that its cost and the span alignment stay linear in the input size.
_SEGMENT = 4096

# -- character tables ----------------------------------------------------------

#: Single-byte codecs whose reading of UTF-8 bytes produces mojibake that ftfy
#: repairs (ftfy's CHARMAP_ENCODINGS: Latin-1, Windows-1250/1251/1252/1253/1254/
#: 1257, ISO-8859-2, MacRoman, CP437).
_MOJIBAKE_CODECS = (
    "latin-1",
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso-8859-2",
    "mac_roman",
    "cp437",
)


def _codec_chars(codec: str, first: int, last: int) -> str:
    """What ``codec`` makes of bytes ``first``..``last``, read sloppily as ftfy does:
    a byte the codec leaves undefined reads as its Latin-1 character."""
    out = []
    for b in range(first, last + 1):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def _class(chars: str | set[str]) -> str:
    return "".join(sorted({re.escape(c) for c in chars}))


_LEADS = {c: _codec_chars(c, 0xC0, 0xF4) for c in _MOJIBAKE_CODECS}
#: Continuations include U+FFFD, where ftfy's sloppy codecs see a lost byte
#: (its ``replace_lossy_sequences`` case, as in "SlovenÄ�ina").
_CONTS = {c: _codec_chars(c, 0x80, 0xBF) + "\ufffd" for c in _MOJIBAKE_CODECS}
_ALL_LEADS = set("".join(_LEADS.values()))
_ALL_CONTS = set("".join(_CONTS.values()))

#: A lead character followed by a continuation character of any codec; each hit
#: is checked against the exact per-codec pairs (``_is_pair``).
_PAIR_RE = lazy_re(f"[{_class(_ALL_LEADS)}](?=[{_class(_ALL_CONTS)}])")
#: Also sent to ftfy: C1 controls, surrogates, and Ã/Â before a space (a lost
#: no-break-space byte, as in "voilÃ le"; checked after the match).
_LONE_RE = lazy_re("[\x80-\x9f\ud800-\udfffÃÂ]")
_C1_OR_SURROGATE_RE = re_compile("[\x80-\x9f\ud800-\udfff]")


@lru_cache(maxsize=1)
def _continuations() -> dict[str, str]:
    """Each lead character -> the continuations of every codec it is a lead of."""
    conts: dict[str, str] = {}
    for c in _MOJIBAKE_CODECS:
        for a in _LEADS[c]:
            conts[a] = conts.get(a, "") + _CONTS[c]
    return conts


def _is_pair(pair: str) -> bool:
    """Is ``pair`` a two-character mojibake start: a lead and a continuation of one codec?

    (Looked up per lead rather than in the set of all 23,000 pairs, which cost
    about 10 ms to build on a process's first non-ASCII line.)
    """
    return len(pair) == 2 and pair[1] in _continuations().get(pair[0], "")


#: No-break spaces: NO-BREAK SPACE, NARROW NO-BREAK SPACE, FIGURE SPACE.
_NBSP = "\u00a0\u202f\u2007"
#: Other blanks inside a line (tab and Unicode Zs), made one ordinary space.
_BLANKS = "\t\u1680" + "".join(map(chr, range(0x2000, 0x200B))).replace("\u2007", "") + "\u205f"
#: IDEOGRAPHIC SPACE: a blank in Latin-script text, full-width spacing in CJK text.
_IDEOGRAPHIC_SPACE = "\u3000"

#: Characters with no visible effect that scraped text picks up: ZERO WIDTH
#: SPACE, WORD JOINER, invisible math operators, ZERO WIDTH NO-BREAK SPACE (a
#: BOM inside text), interlinear annotation marks.
_INVISIBLE = "\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\ufff9\ufffa\ufffb"
#: Bidirectional marks and embeddings: removed only from a line without Hebrew,
#: Arabic or other right-to-left script, where they have no effect. The line is
#: the scope because the Unicode bidirectional algorithm (UAX #9) resolves each
#: paragraph on its own, and a line of the text is one: right-to-left script on
#: another line does not need the mark, and a mark judged by the whole text would
#: stay or go with whatever later stages keep of the other lines.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: ZERO WIDTH NON-JOINER and JOINER: needed between letters of Persian, Indic
#: scripts and in emoji sequences; removed only when a neighbour is ASCII.
_JOINERS = "\u200c\u200d"
_SOFT_HYPHEN = "\u00ad"
#: C0 controls except tab, newline, CR, VT, FF; DEL; C1 controls that ftfy left
#: (those with no Windows-1252 meaning, or lines it was not given).
_CONTROL = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
_LINE_BREAKS = "\r\x0b\x0c\u2028\u2029"
#: Latin typographic ligatures (Alphabetic Presentation Forms FB00-FB06).
_LIGATURES = "".join(map(chr, range(0xFB00, 0xFB07)))
_SURROGATES = "\ud800-\udfff"

_SPECIAL_RE = lazy_re(
    f"[{_class(_NBSP + _BLANKS + _INVISIBLE + _BIDI + _JOINERS + _SOFT_HYPHEN + _CONTROL)}"
    f"{_class(_LINE_BREAKS + _LIGATURES)}{_SURROGATES}]"
)
#: Full-width forms of ASCII characters (U+FF01-FF5E) and the ideographic space.
_FULLWIDTH = "".join(map(chr, range(0xFF01, 0xFF5F))) + _IDEOGRAPHIC_SPACE
_FULLWIDTH_RE = lazy_re("[\uff01-\uff5e\u3000]")
#: One scan for everything character-level the stage may change.
_ANY_RE = lazy_re(_SPECIAL_RE.pattern[:-1] + "\uff01-\uff5e\u3000ÃÂ]")
#: The same without full-width forms (for CJK text, where they stay).
_ANY_NARROW_RE = lazy_re(_SPECIAL_RE.pattern[:-1] + "ÃÂ]")
#: Han, kana, Hangul, CJK punctuation: text where full width is meaningful.
_CJK_RE = lazy_re("[\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, presentation forms.
_RTL_RE = lazy_re("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: What ends a line for the bidi rule: the breaks that stay line breaks (``line_ending``).
_LINE_END_RE = lazy_re("\r\n|[\n\r\x0b\x0c\u2028\u2029]")
#: The characters above that occur in ASCII text.
_ASCII_SPECIAL_RE = lazy_re("[\\x00-\\x09\\x0b-\\x1f\\x7f]")
_ANSI_RE = lazy_re(r"\x1b\[[0-9;]{0,32}[A-Za-z]")

#: An entity, with any ``amp;`` that escaped it again (``&amp;amp;lt;``).
_ENTITY_RE = lazy_re(r"&(?:amp;){0,8}(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: What decoded entities become: blanks and invisible characters are settled at once.
_ENTITY_AFTER = str.maketrans({c: " " for c in _NBSP} | {c: "" for c in _INVISIBLE + _SOFT_HYPHEN})

_BLANK_SET = frozenset(_NBSP + _BLANKS)
_NBSP_SET = frozenset(_NBSP)
_BIDI_SET = frozenset(_BIDI)
_INVISIBLE_SET = frozenset(_INVISIBLE)
_CONTROL_SET = frozenset(_CONTROL)
_BAD_BLANK_RE = lazy_re(f"[{_class(_NBSP + _BLANKS)}]")


def _run_re(extra: str) -> re.Pattern[str]:
    blanks = _class(" " + _NBSP + _BLANKS + extra)
    bad = _class(_NBSP + _BLANKS + extra)
    return re_compile(f"[{blanks}]*[{bad}][{blanks}]*|  +| +(?=\n|\\Z)")


#: Runs of blanks to settle: any run holding a non-space blank, two or more
#: spaces, spaces at a line end. The second form also takes the ideographic
#: space (text without CJK characters).
_RUN_RE = _run_re("")
_RUN_WIDE_RE = _run_re(_IDEOGRAPHIC_SPACE)
_ASCII_RUN_RE = lazy_re(r"[\x00-\x7f]+")
_TOKEN_RE = lazy_re(r"[^ \t\n]+")


class _RtlLines:
    """Answers "does the line holding offset ``i`` hold right-to-left script?" (cached per line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None
        self.memo: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        if self.starts is None:
            self.starts = [0, *(m.end() for m in _LINE_END_RE.finditer(self.text))]
        k = bisect.bisect_right(self.starts, i) - 1
        if k not in self.memo:
            start = self.starts[k]
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            self.memo[k] = _RTL_RE.search(self.text, start, end) is not None
        return self.memo[k]


# -- checks -------------------------------------------------------------------


def _suspect_positions(text: str) -> Iterator[int]:
    """Yield offsets where ftfy might find mojibake (none for ASCII text)."""
    if text.isascii():
        return
    for m in _PAIR_RE.finditer(text):
        i = m.start()
        if _is_pair(text[i : i + 2]):
            yield i
    for m in _LONE_RE.finditer(text):
        if m.group() not in "ÃÂ" or text.startswith(" ", m.end()):
            yield m.start()


def needs_repair(text: str) -> bool:
    """Tell whether :func:`fix_encoding` would change ``text`` at all (cheaply).

    >>> needs_repair("A clean line.\\nAnother one.")
    False
    >>> needs_repair("Itâ€™s here")
    True
    """
    if "&" in text and _ENTITY_RE.search(text):
        return True
    if "  " in text or " \n" in text or text.endswith(" "):
        return True
    if text.isascii():
        return _ASCII_SPECIAL_RE.search(text) is not None
    if not unicodedata.is_normalized("NFC", text):
        return True
    cjk: bool | None = None
    rtl_line = _RtlLines(text)
    for m in _ANY_RE.finditer(text):
        ch = m.group()
        if ch in _FULLWIDTH:
            if cjk is None:
                cjk = _CJK_RE.search(text) is not None
            if cjk:
                if _ANY_NARROW_RE.search(text, m.end()):
                    return True
                break
            return True
        if ch in _JOINERS:
            i = m.start()
            if i == 0 or i + 1 == len(text) or text[i - 1].isascii() or text[i + 1].isascii():
                return True
        elif ch in _BIDI_SET:
            if not rtl_line(m.start()):
                return True
        elif ch not in "ÃÂ" or text.startswith(" ", m.end()):
            return True
    # C1 controls, surrogates and "Ã " were seen above; what is left is a pair.
    if not _adjacent_non_ascii(text):
        return False
    return any(_is_pair(text[m.start() : m.start() + 2]) for m in _PAIR_RE.finditer(text))


#: UTF-8 bytes as ``a`` (ASCII) or ``x`` (any byte of a non-ASCII character).
_BYTE_KIND = bytes.maketrans(bytes(range(256)), b"a" * 128 + b"x" * 128)


def _adjacent_non_ascii(text: str) -> bool:
    """Whether ``text`` may hold two non-ASCII characters in a row, as a mojibake pair does.

    Each takes two bytes or more in UTF-8, so two in a row make four non-ASCII
    bytes in a row (as does one four-byte character). Most clean text with curly
    quotes or accents has none, and an encode and a byte translation (in C) cost
    less than the pair pattern's scan of the text they spare.
    """
    return b"xxxx" in text.encode("utf-8", "surrogatepass").translate(_BYTE_KIND)


# -- span helpers -------------------------------------------------------------


def _trim(start: int, before: str, after: str) -> tuple[int, int, str] | None:
    """Shrink a replacement to the characters that differ (common ends trimmed)."""
    if before == after:
        return None
    p = 0
    limit = min(len(before), len(after))
    while p < limit and before[p] == after[p]:
        p += 1
    s = 0
    while s < limit - p and before[-1 - s] == after[-1 - s]:
        s += 1
    return start + p, start + len(before) - s, after[p : len(after) - s]


def _diff(start: int, before: str, after: str) -> list[tuple[int, int, str]]:
    """Small spans turning ``before`` (at ``start``) into ``after``.

    Mojibake repair keeps ASCII in place, so when both strings share the same
    ASCII runs, each non-ASCII stretch between them is its own span; otherwise
    a bounded SequenceMatcher, or one trimmed span for long text.
    """
    a_ascii = _ASCII_RUN_RE.findall(before)
    if a_ascii == _ASCII_RUN_RE.findall(after):
        a_parts = _ASCII_RUN_RE.split(before)
        b_parts = _ASCII_RUN_RE.split(after)
        out = []
        pos = start
        for i, (a, b) in enumerate(zip(a_parts, b_parts, strict=True)):
            t = _trim(pos, a, b)
            if t:
                out.append(t)
            pos += len(a) + (len(a_ascii[i]) if i < len(a_ascii) else 0)
        return out
    if len(before) + len(after) <= 2000:
        from difflib import SequenceMatcher  # (only for a line ftfy changed)

        sm = SequenceMatcher(None, before, after, autojunk=False)
        out = []
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag != "equal":
                out.append((start + i1, start + i2, after[j1:j2]))
        return out
    t = _trim(start, before, after)
    return [t] if t else []


def _segments(text: str, positions: Iterator[int]) -> list[tuple[int, int]]:
    """The suspect lines around ``positions``, non-overlapping, in order.

    Lines longer than ``_SEGMENT`` are cut to a window around the hit, at spaces
    that follow an ASCII character (never inside a run of mojibake).
    """
    spans: list[tuple[int, int]] = []
    last_end = 0
    for pos in sorted(set(positions)):
        if pos < last_end:
            continue
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        le = len(text) if le < 0 else le
        if le - ls > _SEGMENT:
            lo = max(ls, pos - _SEGMENT // 2)
            hi = min(le, pos + _SEGMENT // 2)
            if lo > ls:
                cut = text.find(" ", lo, pos)
                while cut > 0 and not text[cut - 1].isascii():
                    cut = text.find(" ", cut + 1, pos)
                lo = cut + 1 if cut >= 0 else lo
            if hi < le:
                cut = text.rfind(" ", pos + 2, hi)
                while cut > 0 and not text[cut - 1].isascii():
                    cut = text.rfind(" ", pos + 2, cut)
                hi = cut if cut >= 0 else hi
            ls, le = lo, hi
        ls = max(ls, last_end)
        spans.append((ls, le))
        last_end = le
    return spans


# -- the passes ---------------------------------------------------------------


def _unescape(m: re.Match[str]) -> str | None:
    import html  # imported on first need: it loads its table of 2,000 entities

    body = m.group(1)
    entity = "&" + body + ";"
    out = html.unescape(entity)
    if out == entity and body.isupper() and body.isalpha():
        # An all-caps name from an upper-cased database field: &EACUTE; -> É.
        lower = html.unescape("&" + body.lower() + ";")
        out = lower.upper() if len(lower) == 1 else entity
    if out == entity:
        return None
    return out.translate(_ENTITY_AFTER)


def _entity_changes(text: str) -> list[Change]:
    if "&" not in text:
        return []
    out = []
    for m in _ENTITY_RE.finditer(text):
        after = _unescape(m)
        if after is not None:
            out.append(Change(m.start(), m.end(), after, "html_entity"))
    return out


@lru_cache(maxsize=1)
def _ftfy_fixer() -> Any:
    """ftfy's decoder with ``FTFY_CONFIG``, then its C1 and surrogate fixers.

    Equivalent to ``ftfy.fix_and_explain(segment, config).text`` with those
    options, without its final confirming pass over unchanged text.
    """
    import ftfy
    from ftfy.fixes import fix_c1_controls, fix_surrogates

    config = ftfy.TextFixerConfig(**FTFY_CONFIG)

    def fix(segment: str) -> str:
        out = str(ftfy.fix_encoding(segment, config))
        while _C1_OR_SURROGATE_RE.search(out):
            again = fix_surrogates(fix_c1_controls(out))
            if again == out:
                break
            out = str(ftfy.fix_encoding(again, config))
        return out

    return fix


def _mojibake_changes(text: str) -> list[Change]:
    segments = _segments(text, _suspect_positions(text))
    if not segments:
        return []
    fix = _ftfy_fixer()
    out = []
    for s, e in segments:
        before = text[s:e]
        after = fix(before)
        if after != before:
            for a, b, c in _diff(s, before, after):
                lone = c == "\ufffd" and all("\ud800" <= ch <= "\udfff" for ch in text[a:b])
                out.append(Change(a, b, c, "invalid_char" if lone else "mojibake"))
    return out


def _char_changes(text: str, *, cjk: bool) -> list[Change]:
    """Controls, invisible characters, soft hyphens, line breaks, ligatures, width."""
    out: list[Change] = []
    end = 0
    rtl_line = _RtlLines(text)
    if "\x1b" in text:
        for m in _ANSI_RE.finditer(text):
            out.append(Change(m.start(), m.end(), "", "control_char"))
    ansi = {c.start for c in out}
    for m in _SPECIAL_RE.finditer(text):
        i = m.start()
        if i < end:
            continue
        ch = m.group()
        if i in ansi:
            end = next(c.end for c in out if c.start == i)
        elif ch in _BLANK_SET:
            continue  # blanks: the whitespace pass
        elif ch in _LINE_BREAKS:
            j = i + 2 if ch == "\r" and text.startswith("\n", i + 1) else i + 1
            out.append(Change(i, j, "\n", "line_ending"))
            end = j
        elif ch == _SOFT_HYPHEN:
            out.append(Change(i, i + 1, "", "soft_hyphen"))
        elif ch in _CONTROL_SET:
            out.append(Change(i, i + 1, "", "control_char"))
        elif ch in _INVISIBLE_SET:
            out.append(Change(i, i + 1, "", "invisible_char"))
        elif ch in _JOINERS:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isascii() or nxt.isascii():
                out.append(Change(i, i + 1, "", "invisible_char"))
        elif ch in _BIDI_SET:
            if not rtl_line(i):
                out.append(Change(i, i + 1, "", "invisible_char"))
        elif ch in _LIGATURES:
            out.append(Change(i, i + 1, unicodedata.normalize("NFKC", ch), "ligature"))
        else:  # a surrogate ftfy could not pair
            out.append(Change(i, i + 1, "\ufffd", "invalid_char"))
    if not cjk and not text.isascii():
        for m in _FULLWIDTH_RE.finditer(text):
            if m.group() != _IDEOGRAPHIC_SPACE:
                out.append(Change(m.start(), m.end(), chr(ord(m.group()) - 0xFEE0), "character_width"))
    return out


def _nfc_changes(text: str) -> list[Change]:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    out = []
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        if token.isascii() or unicodedata.is_normalized("NFC", token):
            continue
        t = _trim(m.start(), token, unicodedata.normalize("NFC", token))
        if t:
            out.append(Change(*t, "unicode_normalization"))
    return out


def _space_changes(text: str, *, cjk: bool) -> list[Change]:
    wide = not cjk and _IDEOGRAPHIC_SPACE in text
    if not (wide or "  " in text or " \n" in text or _BAD_BLANK_RE.search(text)):
        # At most the single space ending the text is left to settle: the run
        # patterns would find nothing else, so the text is not scanned again.
        return [Change(len(text) - 1, len(text), "", "whitespace")] if text.endswith(" ") else []
    runs = _space_runs(text, wide=wide)
    out = list(itertools.islice(runs, DENSE_RUN))
    if len(out) < DENSE_RUN:
        return out
    # A flood of blank runs is streamed through coalesce(), never listed change by change.
    return list(coalesce(text, itertools.chain(out, runs)))


def _space_runs(text: str, *, wide: bool) -> Iterator[Change]:
    last: Change | None = None  # held back: the next run may extend its blank stretch
    pieces: list[str] = []  # the text put in place of ``last``'s span, joined when it is complete
    for m in (_RUN_WIDE_RE if wide else _RUN_RE).finditer(text):
        run = m.group()
        after = "" if m.end() == len(text) or text[m.end()] == "\n" else " "
        if run != after:
            reason = "nbsp" if any(c in _NBSP_SET for c in run) else "whitespace"
            if last is not None and last.reason == reason and not text[last.end : m.start()].strip():
                # Only line ends lie between this run and the last one: one edit for the
                # whole blank stretch keeps the log (and its cost) in step with the
                # text's content, not with its count of blank lines. (Its text is joined
                # once: grown a run at a time, a blank flood was copied once per line.)
                pieces += (text[last.end : m.start()], after)
                last = Change(last.start, m.end(), "", reason)
            else:
                if last is not None:
                    yield last._replace(after="".join(pieces))
                pieces = [after]
                last = Change(m.start(), m.end(), after, reason)
    if last is not None:
        yield last._replace(after="".join(pieces))


def _round(doc: Document) -> Document:
    doc = doc.with_edits(NAME, _entity_changes(doc.text))
    doc = doc.with_edits(NAME, _mojibake_changes(doc.text))
    text = doc.text
    cjk = not text.isascii() and _CJK_RE.search(text) is not None
    doc = doc.with_edits(NAME, _char_changes(text, cjk=cjk))
    doc = doc.with_edits(NAME, _nfc_changes(doc.text))
    return doc.with_edits(NAME, _space_changes(doc.text, cjk=cjk))


@stage(NAME)
def fix_encoding(doc: Document) -> Document:
    """Repair mojibake and entities, drop invisible characters, normalise blanks.

    Clean text leaves at once (see the module notes on the fast path). Each
    change is one edit with a reason and the smallest span that covers it.

    Args:
        doc: The document.

    Returns:
        The repaired document (the same object when nothing needed fixing).

    >>> from newsclean.document import Document
    >>> doc = fix_encoding(Document.from_text("Itâ€™s 5&nbsp;km\\u200b from OrlÃ©ans  \\r\\n"))
    >>> doc.text
    'It’s 5 km from Orléans\\n'
    >>> [(e.reason, e.before, e.after) for e in doc.edits]  # doctest: +NORMALIZE_WHITESPACE
    [('html_entity', '&nbsp;', ' '), ('mojibake', 'â€™', '’'), ('mojibake', 'Ã©', 'é'),
     ('invisible_char', '\\u200b', ''), ('line_ending', '\\r\\n', '\\n'), ('whitespace', '  ', '')]
    """
    doc = _repair_fields(doc)
    if not needs_repair(doc.text):
        return doc
    for _ in range(_MAX_ROUNDS):
        before = doc.text
        doc = _round(doc)
        if doc.text == before or not needs_repair(doc.text):
            break
    return doc


#: Fields holding one line of text (or a sequence of them) that an earlier stage may set.
TEXT_FIELDS = ("title", "site_name", "section", "authors", "tags")


def _repair_line(value: str) -> str:
    """``value`` repaired as the text is, on one line (see :data:`TEXT_FIELDS`)."""
    # (str.split() also splits at the separators U+001C-U+001F and U+0085 that
    # str.splitlines() breaks lines at)
    return " ".join(repair_text(value).split()) if needs_repair(value) or not value.isprintable() else value


def _repair_fields(doc: Document) -> Document:
    """Repair the one-line text fields set before this stage; log a ``field_repaired`` decision each."""
    if not doc.fields:
        return doc
    changed: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = doc.fields.get(name)
        if isinstance(value, str):
            after: Any = _repair_line(value) or None
        elif isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
            after = type(value)(r for r in map(_repair_line, value) if r)
        else:
            continue
        if after != value:
            changed[name] = after
    if not changed:
        return doc
    out = doc.with_fields(**changed)
    for name, after in changed.items():
        before = doc.fields[name]
        out = out.with_decision(NAME, "field_repaired", field=name, before=before, after=after)
    return out


def repair_text(text: str) -> str:
    """Return ``text`` as :func:`fix_encoding` leaves it (without the edit log).

    >>> repair_text("cafÃ© &amp; bar\\u00a0 ")
    'café & bar'
    """
    if not needs_repair(text):
        return text
    return fix_encoding(Document.from_text(text)).text
