"""Date candidates in the text: which lines to read, what each date on them is.

:func:`find_candidates` is the first half of :mod:`newsclean.stages.dates`.
Cheap compiled prefilter scans (a number that may be a year or timestamp, a
clock time, a relative-time word or a two-digit-year shape on a short line)
pick the few lines worth reading; only those are parsed, with the exact fast
paths of :mod:`newsclean.dateparse` (dateparser reads at most
:data:`MAX_SLOW_CALLS` short lines per document that the fast paths could
not). Each date becomes a :class:`Found`, labelled ``published``,
``updated``, ``captured``, ``copyright`` or ``mentioned``, or left unlabelled
for the chooser (:mod:`newsclean.stages.date_choice`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import cast

from newsclean.datemarks import Relative
from newsclean.dateparse import (
    YEAR_MAX,
    YEAR_MIN,
    DateHit,
    copyright_year,
    day_of,
    dayfirst_for,
    find_short_dates,
    find_yearless_dates,
    looks_like_worded_date,
    parse_relative,
    parse_unix,
    vocabulary,
)
from newsclean.dateparse_slow import _dateparser
from newsclean.datescan import FIND_CACHE_SIZE, NUMERIC_GATE, month_anchors, scan_line
from newsclean.datewords import _DIGITS, _FOLD_NEEDED, _ascii_view, _fold, _patterns
from newsclean.lazyre import regex_compile
from newsclean.linekeep import kept_lines
from newsclean.stages._date_years import page_year, place_year
from newsclean.stages._dateline import MAX_PLACE_WORDS, MAX_REGION_WORDS
from newsclean.stages._lines import Line
from newsclean.stages._linetable import LineTable, line_table
from newsclean.stages._text import TOKEN_CHUNK, token_set

__all__ = ["Found", "find_candidates"]

#: At most this many lines per document go to the dateparser slow path.
MAX_SLOW_CALLS = 4
#: Lines longer than this are never sent to dateparser.
MAX_SLOW_CHARS = 80
#: A line is prose (its dates are only mentioned) when this many words remain
#: after taking out dates, labels and connector words.
PROSE_WORDS = 8


#: A line at most this long may hold a two-digit-year date without a label ("5/5/20" alone).
SHORT_YEAR_LINE = 40

#: Labels are looked for on lines up to this long (longer lines are prose).
MAX_LABELLED_CHARS = 300
#: A two-digit-year date with a clock time attached is read on lines up to this long
#: (a byline line such as "By Jane Doe - 11/19/19 06:56 AM EST"); longer lines are prose.
SHORT_YEAR_CLOCK_LINE = MAX_LABELLED_CHARS
#: Relative phrases ("2 hours ago") are looked for on lines up to this long.
MAX_RELATIVE_CHARS = 60
#: A line at most this long holding only a date label labels the date line below it ("Updated" /
#: "Nov 13, 2019, 10:28am EST": a capture puts a page's label and date elements on two lines).
LABEL_LINE = 40
#: A date printed across consecutive lines (a page's date badge: "Sep" / "26" / "2012", "24" /
#: "Jul" / "2012", "January 31," / "2005") is read when each of its lines has at most this many
#: characters, the last holds a four-digit year and no date of its own, and the lines joined hold
#: one whole date and nothing else. Month names are at most 9 letters; a day with its comma or a
#: year with a colon fits. Checked on the four development corpora and the Media Cloud captures:
#: calendars ("Nov" / "Dec" / "01" / "02"; "27" / "28" / "Mar 2005" under a run of days) and archive
#: menus ("January" / "2017") give no date.
SPLIT_PART_CHARS = 12
#: At most this many lines above the year line are joined to it (month, day: a weekday or a time
#: on a line of its own is not read).
SPLIT_ABOVE = 2
#: Three digits in a row: no part of a date printed across lines stands above its year line.
_LONG_NUMBER = re.compile(r"\d\d\d")
#: A four-digit year standing as a number (the last line of a date printed across lines).
_SPLIT_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
#: A first line with at most this many words is a title, never prose.
TITLE_WORDS = 40
#: A date opening a story paragraph as its dateline starts within this many characters of the
#: line (after a place of at most :data:`DATELINE_PLACE_WORDS` capitalised words, perhaps a
#: region, and a comma, or an opening bracket): "Springfield, May 14, 2003 – …", "(2/6/2004) …".
DATELINE_DATE_CHARS = 40
#: Most words of the place before a dateline's date ("SALT LAKE CITY"): the metadata
#: stage's dateline reader's limit.
DATELINE_PLACE_WORDS = MAX_PLACE_WORDS
#: Most words of a region or country after the place ("EUGENE, Ore.", "NAIROBI, Kenya"), as there.
DATELINE_REGION_WORDS = MAX_REGION_WORDS

_WORD = regex_compile(r"[^\W\d_]+|\d+")
_DATE_ONLY_HINT = regex_compile(r"[\d\s:.,/TZ+-]+")
# What may stand before a dateline's date: nothing, an opening bracket, or a capitalised place
# and a comma; and what must follow it: a dash or colon after a bare date, a dash after a place
# (a colon there is a label's: "Correction, Nov. 15, 2019: …"), the closing bracket after one.
_CAPITALISED = r"\p{Lu}[\p{L}\p{M}.'’-]*"
_DATELINE_PLACE = regex_compile(
    rf"\s*{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,{DATELINE_PLACE_WORDS - 1}}}"
    rf"(?:,\s*{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,{DATELINE_REGION_WORDS - 1}}})?,\s*"
)
_DATELINE_BARE_TAIL = regex_compile(r"\s*(?:—|–|-{1,2}|:)\s*\S")
_DATELINE_PLACE_TAIL = regex_compile(r"\s*(?:—|–|-{1,2})\s*\S")
_DATELINE_BRACKET_TAIL = regex_compile(r"\s*[)\]]")
#: What parts a row of page fields: a bar or a bullet, or the author's field after the date
#: ("Posted on Nov 5, 2012, 9:58 am, by Jane Roe, under News.").
_FIELD_SEPARATOR = regex_compile(r"\s*(?:[|•·]|,?\s*by\s+\p{Lu})")
_EMBED_SIGNATURE = regex_compile(r"\s*[—–-]\s?[^\n]{1,80}?\(@\w{1,30}\)")
_SENTENCE_END = regex_compile(r"[.!?…。！？][\"'»”’)]*\s*$")
_FOREIGN_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")
#: UTF-8 lead bytes of those digits (Arabic-Indic, Persian, full-width).
_FOREIGN_LEADS = (b"\xd9", b"\xdb", b"\xef\xbc")


def opens_as_dateline(text: str, hit: DateHit) -> bool:
    """Whether ``hit`` opens ``text`` as a story's dateline gives its date.

    Within :data:`DATELINE_DATE_CHARS` of the start, after nothing, an
    opening bracket, or a capitalised place and a comma; followed by a dash
    or a colon (a bare date), a dash (after a place), or the closing bracket.

    >>> from newsclean.datescan import scan_line
    >>> line = "Springfield, May 14, 2003 – Dr. Jane Roe, professor of biology, has been named dean."
    >>> opens_as_dateline(line, scan_line(line, False)[0])
    True
    >>> line = "Correction, Nov. 15, 2019: An earlier version of this article gave a wrong date."
    >>> opens_as_dateline(line, scan_line(line, False)[0])
    False
    """
    if hit.start > DATELINE_DATE_CHARS:
        return False
    lead, tail = text[: hit.start], text[hit.end :]
    if not lead.strip():
        return _DATELINE_BARE_TAIL.match(tail) is not None
    if lead.strip() in ("(", "["):
        return _DATELINE_BRACKET_TAIL.match(tail) is not None
    return _DATELINE_PLACE.fullmatch(lead) is not None and _DATELINE_PLACE_TAIL.match(tail) is not None


def _has_foreign_digits(text: str) -> bool:
    """Whether ``text`` holds Arabic-Indic, Persian or full-width digits.

    Most texts hold none of their UTF-8 lead bytes; ``bytes.find`` rules that
    out faster than a character-class scan of the text.
    """
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    if all(data.find(lead) == -1 for lead in _FOREIGN_LEADS):
        return False
    return _FOREIGN_DIGIT.search(text) is not None


# Prefilter scans. ``regex`` scans a class-led pattern over non-ASCII text about twice as fast as ``re``.
#: A number that may be a year or a timestamp, or a clock time.
_NUMBERISH = regex_compile(r"[12]\d\d\d|:\d\d")
#: Cheap necessary tests before the two-digit-year and copyright parsers run on a line.
_SHORT_SHAPE = re.compile(r"\d[./-]\d\d?[./-]\d\d(?!\d)|\d\.?\s\w{3,12}\.?\s\d\d(?!\d)")
_COPYRIGHT_MARKS = ("©", "opyright", "OPYRIGHT", "(c)", "(C)", "&copy;")
#: A line at most this long holding only a day and a month name (and a weekday) is a date line
#: without a year ("Nov 18", "7 ЧЕРВНЯ, НЕДІЛЯ", "lundi 24 août"): the page's other dates give
#: its year. Longer lines with one small number are headlines and list entries.
YEARLESS_LINE = 30
#: Prefilter for those lines among the short ones (joined after a line break): a line of at
#: most :data:`YEARLESS_LINE` characters holding exactly one number, of one or two digits. The
#: pattern opens with the line break so the scan jumps from line to line.
_YEARLESS_SHAPE = re.compile(rf"\n(?=[^\n]{{3,{YEARLESS_LINE}}}(?:\n|$))([^\d\n]*\d\d?[^\d\n]*)(?=\n|$)")


@dataclass(frozen=True, slots=True)
class Found:
    """A date candidate found in the text, with what the chooser needs.

    Attributes:
        line: Index of the line (in the text the stage received).
        value: The date, or None for an unresolved relative phrase.
        kind: ``published``/``updated``/``captured``/``mentioned``, or None
            for an unlabelled date on a short line (decided later).
        source: The stripped line the date was read from.
        date_only: The line holds nothing but dates, labels and connectors.
        prose: The line is a story sentence.
        ambiguous: A message when day and month could be swapped.
        relative: The value came from a relative phrase.
        precision: ``day``, or ``year`` for a copyright year (its value is
            then January 1st of that year and it is never taken for a day).
        yearless: The line printed no year ("Updated Nov 19, 6:55 AM"); the year
            is the capture's, else the latest the page states (see
            :mod:`newsclean.stages._date_years`).
        opening: The date opens its prose line as a dateline does ("Springfield,
            May 14, 2003 – …", "(2/6/2004) The …", "April 3, 2008: …"); see
            :func:`opens_as_dateline`.
        line_count: How many lines the date is printed across, from ``line`` on
            (a date badge printed as "Sep" / "26" / "2012"; see :func:`_split_dates`).
    """

    line: int
    value: datetime | date | None
    kind: str | None
    source: str
    date_only: bool
    prose: bool
    ambiguous: str | None = None
    relative: bool = False
    precision: str = "day"
    yearless: bool = False
    opening: bool = False
    line_count: int = 1


@dataclass(frozen=True, slots=True)
class _Label:
    """A date label found in a line: its span, its kind and its language."""

    start: int
    end: int
    kind: str
    language: str


@lru_cache(maxsize=1)
def _label_table() -> dict[str, tuple[str, str]]:
    return {label: (kind, lang) for label, kind, lang in reversed(vocabulary().labels)}


@lru_cache(maxsize=1)
def _filler_words() -> frozenset[str]:
    voc = vocabulary()
    return voc.fillers | voc.weekdays | voc.label_words


_TOKEN = regex_compile(r"\w+")
_WORD_CHAR = regex_compile(r"\w")


@lru_cache(maxsize=1)
def _label_heads() -> frozenset[str]:
    """First word of every label, folded: a label can start only on such a word."""
    return frozenset(_fold(_TOKEN.findall(label)[0]) for label, _, _ in vocabulary().labels)


@lru_cache(maxsize=1)
def _relative_words() -> frozenset[str]:
    """Words one of which every relative phrase holds ("ago", "vor", "il", "yesterday")."""
    voc = vocabulary()
    heads = [*voc.before, *voc.days]
    return frozenset(_fold(_TOKEN.findall(w)[0]) for w in heads) | frozenset(_fold(w) for w in voc.after)


#: ASCII word characters kept, others a space (fast paths of ``_tokens``).
_ASCII_WORDS = str.maketrans(
    {chr(c): chr(c) if chr(c).isalnum() or chr(c) == "_" else " " for c in range(128)}
)
#: ASCII letters and digits kept, others a space (fast path of ``_remainder``).
_ASCII_ALNUM = str.maketrans({chr(c): chr(c) if chr(c).isalnum() else " " for c in range(128)})


@kept_lines(FIND_CACHE_SIZE)
def _tokens(text: str) -> tuple[str, ...]:
    """The folded words (``\\w+``) of a line, for the label and relative-phrase gates.

    A tuple: the gates ask a vocabulary set whether it holds any of them
    (``vocabulary.isdisjoint(words)``), which needs no set of the line's words.
    Cached like :func:`~newsclean.datescan.scan_line`'s hits: the pages of one
    site repeat their date lines, bylines and footers.
    """
    view = _ascii_view(text)
    if view is not None:
        return tuple(view.lower().translate(_ASCII_WORDS).split())
    return tuple(_TOKEN.findall(_fold(text)))


def _words(text: str) -> list[str]:
    """Runs of letters and runs of digits (``_WORD``), with a fast path for ASCII text."""
    view = _ascii_view(text)
    if view is None:
        return list(_WORD.findall(text))
    out: list[str] = []
    for tok in view.translate(_ASCII_ALNUM).split():
        if tok.isalpha() or tok.isdigit():
            out.append(tok)
        else:
            out.extend(_WORD.findall(tok))
    return out


@lru_cache(maxsize=1)
def _label_languages() -> dict[str, frozenset[str]]:
    """The languages each label is listed for.

    Labels listed for the same languages share one set: a frozenset stays tracked by the
    cyclic collector, and the 243 labels name about 20 distinct sets of languages.
    """
    out: dict[str, set[str]] = {}
    for label, _, lang in vocabulary().labels:
        out.setdefault(label, set()).add(lang)
    shared: dict[frozenset[str], frozenset[str]] = {}
    return {label: shared.setdefault(frozenset(langs), frozenset(langs)) for label, langs in out.items()}


#: The last word character before a position (skipping spaces and dashes): a label after it is mid-phrase.
_WORD_BEFORE = regex_compile(r"\w[\s\-]*$")


#: Publication labels that are only the word "date": after another word they end the name of a
#: field of something else ("Announced Date", "Street Date", "Air Date", "Release Date" of a
#: product, "the date of"), unless that word names the page's publication (see
#: :data:`PUBLICATION_FIELD_STEMS`).
GENERIC_LABELS = frozenset({"date", "datum", "data", "fecha"})
#: First letters of the words that make "<word> Date" a publication field: "Publish Date",
#: "Publication date", "Post Date", "Posting date", "Article date", "News date". A press
#: release's "Release Date" is left out: a product or a film prints the same field, and the date
#: still dates a release as its header date line (checked on the four development corpora and
#: the Media Cloud captures, where a phone's "Release Date" and "Announced Date" stood under a
#: story's own date line).
PUBLICATION_FIELD_STEMS = ("publ", "post", "arti", "news")
_WORD_AT_END = regex_compile(r"(\w+)[\s\-]*$")


def _names_another_field(text: str, start: int) -> bool:
    """Whether a generic label at ``start`` ends another field's name (the word before it is no publication word)."""
    m = _WORD_AT_END.search(text, 0, start)
    return m is not None and not _fold(m.group(1)).startswith(PUBLICATION_FIELD_STEMS)


@lru_cache(maxsize=FIND_CACHE_SIZE)
def _labels(text: str, language: str | None = None) -> tuple[_Label, ...]:
    """The date labels of a line.

    A label of another language than the document's counts only where a
    label stands: at the start of the line or after punctuation. After a
    word it is a word of the document's own language ("big data - 03/20/2012"
    on an English page is no Italian "Data:" label), and the bare word
    "date" (:data:`GENERIC_LABELS`) after a word that names no publication
    (:data:`PUBLICATION_FIELD_STEMS`) ends another field's name ("Announced
    Date: March 5, 2024" labels no publication; "Publish Date:" does).
    Cached per (line, language), as :func:`_tokens`.
    """
    table = _label_table()
    primary = language.split("-")[0].lower() if language else None
    out = []
    for m in _patterns().label.finditer(text):
        key = m.group("label").lower()
        kind, lang = table[key]
        if key in GENERIC_LABELS and _names_another_field(text, m.start()):
            continue
        if (
            primary is not None
            and primary not in _label_languages()[key]
            and _WORD_BEFORE.search(text, 0, m.start()) is not None
        ):
            continue
        out.append(_Label(m.start(), m.end(), kind, lang))
    return tuple(out)


def _remainder(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """Words of ``text`` outside ``spans`` that are not connectors or weekdays."""
    return _remainder_of(text, tuple(sorted(spans)))


@kept_lines(FIND_CACHE_SIZE)
def _remainder_of(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """:func:`_remainder` of sorted ``spans``, cached as :func:`_tokens` (a site repeats its date lines)."""
    pieces = []
    pos = 0
    for s, e in spans:
        if s > pos:
            pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos:])
    fillers = _filler_words()
    return tuple(w for w in _words(" ".join(pieces)) if w.lower() not in fillers)


def _is_prose(text: str, rest: Sequence[str]) -> bool:
    words = [w for w in rest if not w.isdigit()]
    if len(words) >= PROSE_WORDS:
        return True
    return len(words) >= 5 and bool(_SENTENCE_END.search(text))


def _labelled_tail(text: str, labels: Sequence[_Label], last: DateHit) -> bool:
    """Whether a line ends in a labelled date and is no sentence ("... news, Updated Nov 06, 2012").

    A headline printed with its date label and date after it reads as many
    words, but a sentence ends in punctuation and goes on after its date.
    """
    if _SENTENCE_END.search(text.rstrip()) or _remainder(text[last.end :], []):
        return False
    return _label_before(text, labels, last.start, 0) is not None


def _labelled_head(text: str, labels: Sequence[_Label], first: DateHit) -> bool:
    """Whether a line opens with a (labelled) date and a field separator ("Published: Nov 5, 2012 | Tags: …").

    A row of the page's fields (the date, then tags, an author, a comment
    count) reads as many words, but no sentence opens with a date (or a date
    label and its date) and goes on after a bar, a bullet or "by" and a
    capitalised name ("Posted on Nov 5, 2012, 9:58 am, by Jane Roe, under
    News."; "September 27th, 2012 | Tags: …").
    """
    lab = _label_before(text, labels, first.start, 0)
    head = lab.start if lab is not None else first.start
    if _WORD_CHAR.search(text, 0, head) is not None:
        return False
    return _FIELD_SEPARATOR.match(text, first.end) is not None


def _label_before(text: str, labels: Sequence[_Label], start: int, floor: int) -> _Label | None:
    """The label right before a date (only connectors, weekdays and punctuation between)."""
    best = None
    for lab in labels:
        if floor <= lab.start and lab.end <= start:
            best = lab
    if best is None:
        return None
    fillers = _filler_words()
    if any(w.lower() not in fillers for w in _WORD.findall(text[best.end : start])):
        return None
    return best


def _vote_dayfirst(lines: Sequence[str]) -> bool | None:
    """Decide numeric order from the document's own unambiguous dates."""
    dmy = mdy = 0
    for text in lines:
        if not NUMERIC_GATE.search(text):
            continue
        day, month = _order_votes(text)
        dmy += day
        mdy += month
    if dmy == mdy:
        return None
    return dmy > mdy


@kept_lines(FIND_CACHE_SIZE)
def _order_votes(text: str) -> tuple[int, int]:
    """The numeric dates of one line that can only be day-first and only month-first (cached as :func:`_tokens`)."""
    dmy = mdy = 0
    for m in _patterns().numeric.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group("sep") == ".":
            continue
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    return dmy, mdy


@lru_cache(maxsize=1)
def _relative_hints() -> tuple[str, ...]:
    voc = vocabulary()
    words = [*voc.after, *voc.before, *voc.days]
    return tuple(sorted({w.lower() for w in words if w.lower() != "ha"}))


@lru_cache(maxsize=1)
def _relative_heads() -> frozenset[str]:
    """First words of :func:`_relative_hints` ("il" of "il y a"), folded."""
    return frozenset(_fold(_TOKEN.findall(h)[0]) for h in _relative_hints())


def _candidate_lines(text: str, lines: Sequence[Line]) -> list[int]:
    """Indices of the lines worth parsing (the cheap prefilter).

    A line is read when it holds a number that may be a year or a timestamp
    (``[12]ddd``), a clock time (``:dd``), or, on a short line, a relative
    time word ("ago", "vor", "yesterday") standing as a word. Each test is a
    plain scan with a literal prefix, so clean text costs a few passes of C
    code; once a line is picked, the scan resumes at its end. On a
    :class:`LineTable` (a capture of many lines) no record is made for a line.
    """
    picked: set[int] = set()
    index = last = 0
    search = _NUMBERISH.search
    m = search(text)
    while m is not None:
        pos = m.start()
        index += text.count("\n", last, pos)
        last = pos
        picked.add(index)
        line_end = text.find("\n", pos)
        if line_end == -1:
            break
        m = search(text, line_end)  # this line is picked: go on from the next one
    # Relative phrases count only on short lines: look for their words there.
    short: Sequence[int]
    parts: list[str] | None = None
    if isinstance(lines, LineTable):
        # (C loops over the offsets: no record is made for a line)
        n_short = sum(map(MAX_RELATIVE_CHARS.__ge__, lines.lengths()))
        if n_short == len(lines) and not picked:
            short = lines.indices()  # every line: no list of them is needed
        else:
            is_short = map(MAX_RELATIVE_CHARS.__ge__, lines.lengths())
            short = array(
                "q", itertools.filterfalse(picked.__contains__, itertools.compress(lines.indices(), is_short))
            )
            parts = list(lines.texts(short))
    else:
        # (Line fields by position: index 0, text 3; much cheaper than by name in this loop.)
        rows = [ln for ln in lines if len(ln[3]) <= MAX_RELATIVE_CHARS and ln[0] not in picked]
        short, parts = [ln[0] for ln in rows], [ln[3] for ln in rows]
    if not short:
        return sorted(picked)
    heads = _relative_heads()
    found: list[int] = []  # offsets in ``raw`` of hits, mapped to lines at the end
    # every line of a table is short: they are the text itself
    raw = text if parts is None else "\n".join(parts)
    # Two-digit-year dates ("5/5/20", "05 Mar 19") count only on short lines too.
    found.extend(m.start() for m in _SHORT_SHAPE.finditer(raw))
    view = _ascii_view(raw)
    if view is not None:
        # The same words at the same offsets; the words standing whole are its ASCII word runs.
        joined = view.lower()
        words = joined.translate(_ASCII_WORDS)
        # (a long text is read a chunk at a time: the list of all its words is never built)
        heads = heads.intersection(words.split() if len(words) <= TOKEN_CHUNK else token_set(words))
    else:
        joined = raw.lower()
        if len(joined) != len(raw) or _FOLD_NEEDED.search(joined):
            # Rare letters change length or need folding: look line by line.
            picked.update(i for i in short if not heads.isdisjoint(_tokens(lines[i].text)))
            return sorted(picked.union(_lines_at(found, short, lines, parts)))
    for word in heads:
        pos = joined.find(word)
        while pos != -1:
            after = pos + len(word)
            if (pos == 0 or not _WORD_CHAR.match(joined, pos - 1)) and not _WORD_CHAR.match(joined, after):
                found.append(pos)
            pos = joined.find(word, after)
    return sorted(picked.union(_lines_at(found, short, lines, parts)))


def _lines_at(
    positions: list[int], short: Sequence[int], lines: Sequence[Line], parts: list[str] | None
) -> Iterator[int]:
    """The line numbers of offsets in the short lines joined (``parts``, or the table's text if None)."""
    if not positions:
        return iter(())
    offsets: Sequence[int]
    if parts is None:
        offsets = cast(LineTable, lines).starts
    else:
        # where each short line starts in their join
        offsets = array("q", itertools.accumulate(map((1).__add__, map(len, parts)), initial=0))
    return (short[bisect.bisect_right(offsets, pos) - 1] for pos in positions)


def find_candidates(
    text: str,
    *,
    language: str | None = None,
    captured_at: datetime | None = None,
    slow_calls: int = MAX_SLOW_CALLS,
    lines: Sequence[Line] | None = None,
) -> tuple[list[Found], list[str]]:
    """Find every date candidate in ``text``.

    Args:
        text: The working text, one block per line.
        language: Document language (orders numeric dates, guides dateparser).
        captured_at: Anchor for relative phrases; without it they get no value.
        slow_calls: How many lines may go to dateparser.
        lines: ``line_table(text)`` when the caller has it already.

    Returns:
        ``(candidates, warnings)`` in line order.

    >>> from newsclean.dateparse import iso
    >>> found, _ = find_candidates("Title\\nStand: 05.03.2024, 15:41 Uhr\\nText since 2019.")
    >>> [(f.line, iso(f.value), f.kind, f.date_only) for f in found]
    [(1, '2024-03-05T15:41:00', 'updated', True)]
    """
    original = text
    if _has_foreign_digits(text):
        text = text.translate(_DIGITS)  # same length: offsets stay valid
    if lines is None or text is not original:
        lines = line_table(text)
    picked = _candidate_lines(text, lines)
    if not picked:
        return [], []
    # The first non-empty line that is no picked line of only digits and date punctuation (read
    # from the top: the lines below it are never tested).
    chosen = set(picked)
    title_line = next(
        (
            ln.index
            for ln in lines
            if ln.text.strip() and not (ln.index in chosen and _DATE_ONLY_HINT.fullmatch(ln.text))
        ),
        0,
    )
    texts = [lines[i].text for i in picked]
    vote = _vote_dayfirst(texts)
    lang_first = dayfirst_for(language)
    found: list[Found] = []
    warnings: list[str] = []
    ambiguous = 0
    unresolved: list[str] = []
    tails: list[int] = []
    # Two-digit years resolve against the capture day, else today (never into the future).
    reference = captured_at.date() if captured_at is not None else date.today()
    same = text is original
    for i in picked:
        line = lines[i]
        raw = line.text
        stripped = raw.strip()
        source = stripped if same else original[line.start : line.end].strip()
        # Gates: each parser runs only when the words it needs are on the line.
        unix = parse_unix(raw) if stripped.isdecimal() else None
        if unix is not None:
            found.append(Found(i, unix, "captured", source, True, False))
            continue
        hits: Sequence[DateHit]
        if len(raw) > MAX_LABELLED_CHARS and i != title_line:
            # A long line is prose: only its dates are wanted, all of them mentioned.
            hits = scan_line(raw, vote if vote is not None else lang_first)
            if hits:
                date_only = not _remainder(raw, [(h.start, h.end) for h in hits])
                opening = opens_as_dateline(raw, hits[0])
                for n, h in enumerate(hits):
                    ambiguous += bool(h.ambiguous)
                    found.append(
                        Found(
                            i,
                            h.value,
                            "mentioned",
                            source,
                            date_only,
                            True,
                            h.ambiguous,
                            opening=opening and not n,
                        )
                    )
            continue
        words = _tokens(raw)
        named = (
            _labels(raw, language)
            if len(raw) <= MAX_LABELLED_CHARS and not _label_heads().isdisjoint(words)
            else ()
        )
        # A field naming another thing's date ("Member since", "Expires") only gives its date that
        # kind: its words stay the line's own (the line is no date line for it).
        labels = [lab for lab in named if lab.kind != "mentioned"] if named else named
        first = vote
        if first is None and labels:
            first = dayfirst_for(labels[-1].language) if labels[-1].language in ("en",) else True
        if first is None:
            first = lang_first
        hits = scan_line(raw, first)
        spans = [(h.start, h.end) for h in hits] + [(lab.start, lab.end) for lab in labels]
        rel: Relative | None = None
        slow: datetime | date | None = None
        if not hits and not _relative_words().isdisjoint(words):
            rel = parse_relative(raw)
            if rel is not None:
                spans.append((rel.start, rel.end))
        short_year = False
        if not hits and rel is None and len(raw) <= SHORT_YEAR_CLOCK_LINE and _SHORT_SHAPE.search(raw):
            # A two-digit year counts only on a labelled line, a line holding only the
            # date, or with a clock time attached ("11/19/19 06:56 AM": no version number
            # or score is followed by a time of day).
            short = find_short_dates(raw, dayfirst=first, reference=reference)
            if short and (
                isinstance(short[0].value, datetime)
                or (labels and _label_before(raw, labels, short[0].start, 0) is not None)
                or (
                    (labels or len(raw) <= SHORT_YEAR_LINE)
                    and not _remainder(raw, spans + [(h.start, h.end) for h in short])
                )
            ):
                hits, short_year = short[:1], True
                spans.append((hits[0].start, hits[0].end))
        yearless = False
        if not hits and rel is None and labels and not short_year:
            # A labelled date without a year ("Updated Nov 19, 6:55 AM"): the year is settled
            # once the whole page is read.
            hits = [h for h in find_yearless_dates(raw) if _label_before(raw, labels, h.start, 0)]
            if hits:
                yearless = True
                spans.extend((h.start, h.end) for h in hits)
        if not hits and rel is None:
            copy = (
                copyright_year(raw)
                if len(raw) <= MAX_LABELLED_CHARS and any(map(raw.__contains__, _COPYRIGHT_MARKS))
                else None
            )
            if copy is not None and YEAR_MIN <= copy <= YEAR_MAX:
                found.append(Found(i, date(copy, 1, 1), "copyright", source, False, False, precision="year"))
                continue
        worded = (
            not hits and slow_calls > 0 and len(source) <= MAX_SLOW_CHARS and looks_like_worded_date(source)
        )
        if not hits and rel is None and not worded:
            if len(raw) <= SPLIT_PART_CHARS and i > 0:
                tails.append(i)  # perhaps the year of a date printed across lines
            continue  # nothing can come of this line, prose or not
        rest = _remainder(raw, spans)
        is_title = i == title_line and len(rest) <= TITLE_WORDS
        prose = (len(raw) > MAX_LABELLED_CHARS or _is_prose(raw, rest)) and not is_title and not short_year
        if (
            prose
            and hits
            and ((labels and _labelled_tail(raw, labels, hits[-1])) or _labelled_head(raw, labels, hits[0]))
        ):
            # "Headline words, Updated Nov 06, 2012 at 10:16pm IST": a list or header entry;
            # "Published: Nov 5, 2012 | Tags: …": a row of the page's fields
            prose = False
        if _EMBED_SIGNATURE.match(raw):
            prose = True  # "— Name (@handle) March 5, 2024": an embedded post, not this page
        date_only = not rest
        if hits:
            floor = 0
            opening = prose and not yearless and opens_as_dateline(raw, hits[0])
            for n, h in enumerate(hits):
                lab = None if prose else _label_before(raw, named, h.start, floor)
                floor = h.end
                kind = "mentioned" if prose else (lab.kind if lab else None)
                if h.ambiguous:
                    ambiguous += 1
                found.append(
                    Found(
                        i,
                        h.value,
                        kind,
                        source,
                        date_only,
                        prose,
                        h.ambiguous,
                        yearless=yearless,
                        opening=opening and not n,
                    )
                )
            continue
        if prose:
            continue
        if rel is not None:
            lab = named[-1] if named else None
            kind = lab.kind if lab else None
            if captured_at is None:
                unresolved.append(source)
                found.append(Found(i, None, kind, source, date_only, False, relative=True))
            else:
                found.append(
                    Found(i, rel.resolve(captured_at), kind, source, date_only, False, relative=True)
                )
            continue
        if worded:
            slow_calls -= 1
            cut = named[-1].end if named else 0
            slow = _dateparser(raw[cut:].strip(), language)
            if slow is not None:
                lab = named[-1] if named else None
                rest = tuple(w for w in rest if not w.isdigit() and w.lower() not in _slow_words(raw[cut:]))
                found.append(Found(i, slow, lab.kind if lab else None, source, False, False))
    if tails:
        found = _split_dates(found, tails, lines, original, vote if vote is not None else lang_first)
    if any(f.kind is None and f.date_only and f.line > 0 for f in found):
        found = _labels_above(found, lines, language)
    if not any(f.value is not None and not f.prose and f.kind not in _NOT_PUBLISHED for f in found):
        # The page prints no full date that could be its own: look for a date line without a year.
        found = sorted(found + _yearless_lines(text, original, lines), key=lambda f: f.line)
    if any(f.yearless for f in found):
        found = _resolve_years(found, captured_at)
    if ambiguous:
        order = "day-first" if (vote if vote is not None else lang_first) in (True, None) else "month-first"
        warnings.append(f"{ambiguous} ambiguous numeric date(s) read {order}")
    if unresolved:
        warnings.append(
            f"relative date {unresolved[0]!r} left without a value: pass captured_at to resolve it"
            + (f" ({len(unresolved)} such lines)" if len(unresolved) > 1 else "")
        )
    return found, warnings


#: Kinds of candidate that never become the publication date.
_NOT_PUBLISHED = ("captured", "mentioned", "copyright")


def _labels_above(found: list[Found], lines: Sequence[Line], language: str | None) -> list[Found]:
    """Give a date line the kind of a label standing alone on the line above it.

    A capture puts each element of a page on its own line, so a label and its
    date are often split ("Updated" / "Nov 13, 2019, 10:28am EST"). A line of
    at most :data:`LABEL_LINE` characters holding a date label and nothing
    else (connectors and punctuation aside) labels the date-only line below;
    a field naming another thing's date ("Effective Date" / "July 25, 2020")
    makes it ``mentioned``.
    """
    out = []
    heads = _label_heads()
    for f in found:
        if f.kind is None and f.date_only and f.line > 0:
            above = lines[f.line - 1].text
            if len(above) <= LABEL_LINE and not heads.isdisjoint(_tokens(above)):
                labels = _labels(above, language)
                if labels and not _remainder(above, [(lab.start, lab.end) for lab in labels]):
                    f = replace(f, kind=labels[-1].kind)
        out.append(f)
    return out


def _split_dates(
    found: list[Found], tails: Sequence[int], lines: Sequence[Line], original: str, dayfirst: bool | None
) -> list[Found]:
    """Add the dates printed across consecutive short lines ("Sep" / "26" / "2012").

    A page's date badge puts month, day and year in elements of their own, and
    a capture gives each its line. ``tails`` are the short lines that hold a
    number and gave no candidate; one holding a four-digit year is joined to
    the one or two lines above it (:data:`SPLIT_ABOVE`, each of at most
    :data:`SPLIT_PART_CHARS` characters, none a candidate already), fewest
    first, and the join must hold one whole date and nothing else, starting
    on its first line, and stand apart: under a line holding only a number
    it is the end of a calendar's run of days. A line above the year holding
    three digits in a row is no part of such a date (an archive menu's "July
    2018" over "June 2018"). The date is a date-only candidate on the first
    line, spanning the joined lines (``line_count``).

    >>> found, _ = find_candidates("Title of the post\\nSep\\n26\\n2012\\nThe post starts here.")
    >>> [(f.line, f.value.isoformat(), f.line_count, f.date_only) for f in found]
    [(1, '2012-09-26', 3, True)]
    """
    taken = {f.line for f in found}
    added: list[Found] = []
    for i in tails:
        if not _SPLIT_YEAR.search(lines[i].text):
            continue
        for count in range(2, SPLIT_ABOVE + 2):
            first = i - count + 1
            top = lines[first].text if first >= 0 else ""
            if (
                len(top) > SPLIT_PART_CHARS
                or first in taken
                or not top.strip()
                or _LONG_NUMBER.search(top) is not None
            ):
                break  # no part of a date whose year comes last (an archive menu's "July 2018")
            if first > 0 and lines[first - 1].text.strip().isdigit():
                continue  # a run of numbers: a calendar's days ("27" / "28" / "Mar 2005")
            parts = [lines[j].text.strip() for j in range(first, i + 1)]
            joined = " ".join(parts)
            hits = scan_line(joined, dayfirst)
            if len(hits) != 1 or hits[0].start >= len(parts[0]):
                continue
            if _remainder(joined, [(hits[0].start, hits[0].end)]):
                continue
            source = " ".join(original[ln.start : ln.end].strip() for ln in lines[first : i + 1])
            added.append(Found(first, hits[0].value, None, source, True, False, line_count=count))
            taken.update(range(first, i + 1))
            break
    if not added:
        return found
    return sorted(found + added, key=lambda f: f.line)


def _yearless_lines(text: str, original: str, lines: Sequence[Line]) -> list[Found]:
    """Date lines without a year ("Nov 18", "7 ЧЕРВНЯ, НЕДІЛЯ"), read when the page prints no full date.

    A line of at most :data:`YEARLESS_LINE` characters that holds a day and a
    month name and nothing else (a weekday may stand beside them). Only pages
    without another candidate pay for this scan.
    """
    out: list[Found] = []
    starts: Sequence[int] | None = None
    for m in _YEARLESS_SHAPE.finditer("\n" + text):
        raw = m.group(1)
        if not month_anchors(raw)[0]:
            continue
        hits = [h for h in find_yearless_dates(raw) if not _remainder(raw, [(h.start, h.end)])]
        if not hits:
            continue
        pos = m.start()  # where the line starts in ``text``
        if starts is None:  # made once, on the first hit: a bisection per hit, not a walk
            starts = lines.starts if isinstance(lines, LineTable) else [ln.start for ln in lines]
        index = bisect.bisect_right(starts, pos) - 1
        source = original[pos : pos + len(raw)].strip()
        out.append(Found(index, hits[0].value, None, source, True, False, yearless=True))
    return out


def _resolve_years(found: list[Found], captured_at: datetime | None) -> list[Found]:
    """Give each yearless date its year (:mod:`newsclean.stages._date_years`), or drop it.

    The page's other dates outside story sentences say the year: dates in
    story sentences may lie ahead ("the vote on November 3, 2020").
    """
    stated = [
        (day_of(f.value), f.precision == "day")
        for f in found
        if not f.yearless and not f.prose and f.value is not None
    ]
    page = page_year(stated, captured_at)
    out = []
    for f in found:
        if not f.yearless or f.value is None:
            out.append(f)
        elif page is not None and (value := place_year(f.value, page)) is not None:
            out.append(replace(f, value=value))
    return out


def _slow_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _title_line(lines: Sequence[Line], skip: frozenset[int] = frozenset()) -> int:
    """Index of the first non-empty line that is not a date line (a capture's title)."""
    return next((ln.index for ln in lines if ln.text.strip() and ln.index not in skip), 0)
