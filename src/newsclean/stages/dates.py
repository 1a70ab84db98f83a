"""The ``normalize_dates`` stage: every date candidate, the publication date, date lines out.

The stage works line by line. Cheap compiled prefilter scans (a number that
may be a year or timestamp, a clock time, a relative-time word on a short
line) pick the few lines worth reading; only those are parsed, with the
exact fast paths of :mod:`newsclean.dateparse` (dateparser reads at most
four short lines per document that the fast paths could not). Each date
becomes a :class:`DateCandidate`:

* ``published``, ``updated``, ``captured``: the line carries a label for it
  ("Published", "Stand:", "Mis à jour le", "发布时间", "Retrieved"...), or, for
  ``captured``, the line is a bare Unix timestamp (a scraper's stamp);
* ``mentioned``: a date inside a story sentence, or a date line that was not
  chosen as the publication date.

``published`` is chosen by these rules, first match wins (the choice is logged
with :meth:`~newsclean.document.Document.with_decision`, reason
``published_date``, data ``value``, ``source``, ``rule`` and the ``candidates``
weighed):

1. ``page metadata``: a ``published`` candidate an earlier stage took from
   the page (JSON-LD, ``<meta>``, ``itemprop``, ``<time datetime>``, a
   date-named element); a date-named element loses to the day in the page's
   address (``url date``), and a UTC time takes the address's day when a
   publisher's zone (UTC-8 to UTC+13) puts the instant on it;
2. ``published label``: a date labelled as the publication date (the one
   nearest the headline);
3. ``header date line``: an unlabelled (or update-labelled, ranked lower)
   date on a short line next to the headline (the line repeating the title)
   or just above the story's first paragraph; a line holding only the date
   ranks above a byline-like line;
4. ``url date``: a day in ``options.url`` (``/2020/07/28/``), else in the
   canonical address the HTML stage read; it also beats a rule-3 line that
   holds more than the date;
5. ``title date``: a date in the title line;
6. ``earliest header candidate``: the earliest date on a short line before
   the story starts;
7. ``updated label``: the earliest update date, when nothing says when the
   story was first published.

Captured stamps and mentioned dates never become ``published``, nor does a
date later than ``captured_at``. Date-only lines (labelled or bare, Unix
timestamps, relative phrases) are removed with reason ``date_line``;
sentences are never touched.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import regex

from newsclean.article import DateCandidate, parse_iso
from newsclean.dateparse import (
    _DIGITS,
    _FOLD_NEEDED,
    _NUMERIC_GATE,
    YEAR_MAX,
    YEAR_MIN,
    DateHit,
    Relative,
    _ascii_view,
    _dateparser,
    _find,
    _fold,
    _patterns,
    copyright_year,
    day_of,
    dayfirst_for,
    find_short_dates,
    iso,
    looks_like_worded_date,
    parse_date,
    parse_relative,
    parse_unix,
    plausible_day,
    url_date,
    vocabulary,
)
from newsclean.document import Change, Document
from newsclean.protocol import stage
from newsclean.stages._lines import Line, delete_line

__all__ = [
    "Choice",
    "Found",
    "choose_published",
    "find_candidates",
    "headline_index",
    "headline_lines",
    "normalize_dates",
]

NAME = "normalize_dates"

#: At most this many lines per document go to the dateparser slow path.
MAX_SLOW_CALLS = 4
#: Lines longer than this are never sent to dateparser.
MAX_SLOW_CHARS = 80
#: A line is prose (its dates are only mentioned) when this many words remain
#: after taking out dates, labels and connector words.
PROSE_WORDS = 8
#: Lines after the headline searched for its date line.
HEADLINE_AFTER = 25
#: Lines before the headline searched for its date line.
HEADLINE_BEFORE = 3
#: Lines before / after the story start searched for a date line.
STORY_BEFORE = 12
STORY_AFTER = 3
#: Added to the distance of a date line that also holds other words (a byline).
NOT_DATE_ONLY_PENALTY = 3
#: Added per earlier headline repeat (the title also recurs in share and related widgets).
LATER_HEADLINE_PENALTY = 5
#: Added to a date labelled as an update when it competes as a header date line.
UPDATED_PENALTY = 2
#: Zones (hours from UTC) a publisher's local day is looked for in when page metadata gives a
#: UTC time: US Pacific to New Zealand daylight time, where nearly all news is dated.
WEST_MOST = -8
EAST_MOST = 13
#: A printed local time matches a structured UTC time when they differ by a zone offset within this
#: many seconds (pages print minutes; a system may stamp the metadata a little later).
PRINTED_SLACK_SECONDS = 300
#: At most this many candidates are listed in a date decision (pages can hold hundreds of dates).
MAX_EVIDENCE = 12
#: Whether a copyright year ("© 2017") stands for the publication date when the page states no
#: other date (as January 1st, with ``precision="year"`` and a warning).
COPYRIGHT_FALLBACK = False
#: A line at most this long may hold a two-digit-year date without a label ("5/5/20" alone).
SHORT_YEAR_LINE = 40

#: Labels are looked for on lines up to this long (longer lines are prose).
MAX_LABELLED_CHARS = 300
#: Relative phrases ("2 hours ago") are looked for on lines up to this long.
MAX_RELATIVE_CHARS = 60
#: A first line with at most this many words is a title, never prose.
TITLE_WORDS = 40

_WORD = regex.compile(r"[^\W\d_]+|\d+")
_DATE_ONLY_HINT = regex.compile(r"[\d\s:.,/TZ+-]+")
_EMBED_SIGNATURE = regex.compile(r"\s*[—–-]\s?[^\n]{1,80}?\(@\w{1,30}\)")
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"'»”’)]*\s*$")
_NORM = regex.compile(r"[\W_]+")
_FOREIGN_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")
#: UTF-8 lead bytes of those digits (Arabic-Indic, Persian, full-width).
_FOREIGN_LEADS = (b"\xd9", b"\xdb", b"\xef\xbc")


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
_NUMBERISH = regex.compile(r"[12]\d\d\d|:\d\d")
#: Cheap necessary tests before the two-digit-year and copyright parsers run on a line.
_SHORT_SHAPE = re.compile(r"\d[./-]\d\d?[./-]\d\d(?!\d)|\d\.?\s\w{3,12}\.?\s\d\d(?!\d)")
_COPYRIGHT_MARKS = ("©", "opyright", "OPYRIGHT", "(c)", "(C)", "&copy;")
#: Sources of candidates an earlier stage read from the page, most trusted first.
_META_ORDER = (
    "json-ld:",
    "meta:",
    "itemprop:",
    "microdata:",
    "rdfa:",
    "og:",
    "opengraph:",
    "time[",
    "time:",
    "html:",
    "abbr:",
    "headline:",
    "url:",
    # Weak page evidence, read only when the page states no date elsewhere.
    "image-url:",
    "link:",
    "title-tag",
    "copyright:",
)
#: Ranks below this are structured data (JSON-LD and ``<meta>``).
_STRUCTURED_RANK = _META_ORDER.index("itemprop:")
#: Rank from which a page source is weak evidence (see ``choose_published``).
_WEAK_RANK = _META_ORDER.index("image-url:")
#: Date-named elements: they lose to the day in the page's address.
_ELEMENT_SOURCES = ("html:", "abbr:", "time:", "headline:")


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


@dataclass(frozen=True, slots=True)
class _Label:
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


_TOKEN = regex.compile(r"\w+")
_WORD_CHAR = regex.compile(r"\w")


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


def _tokens(text: str) -> frozenset[str]:
    """The folded words (``\\w+``) of a line, for the label and relative-phrase gates."""
    view = _ascii_view(text)
    if view is not None:
        return frozenset(view.lower().translate(_ASCII_WORDS).split())
    return frozenset(_TOKEN.findall(_fold(text)))


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


def _labels(text: str) -> list[_Label]:
    table = _label_table()
    out = []
    for m in _patterns().label.finditer(text):
        kind, lang = table[m.group("label").lower()]
        out.append(_Label(m.start(), m.end(), kind, lang))
    return out


def _remainder(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """Words of ``text`` outside ``spans`` that are not connectors or weekdays."""
    pieces = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos:])
    fillers = _filler_words()
    return [w for w in _words(" ".join(pieces)) if w.lower() not in fillers]


def _is_prose(text: str, rest: Sequence[str]) -> bool:
    words = [w for w in rest if not w.isdigit()]
    if len(words) >= PROSE_WORDS:
        return True
    return len(words) >= 5 and bool(_SENTENCE_END.search(text))


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
        if not _NUMERIC_GATE.search(text):
            continue
        for m in _patterns().numeric.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if m.group("sep") == ".":
                continue
            if a > 12 >= b:
                dmy += 1
            elif b > 12 >= a:
                mdy += 1
    if dmy == mdy:
        return None
    return dmy > mdy


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
    code; once a line is picked, the scan resumes at its end.
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
    # (Line fields by position: index 0, text 3; much cheaper than by name in this loop.)
    short = [ln for ln in lines if len(ln[3]) <= MAX_RELATIVE_CHARS and ln[0] not in picked]
    if not short:
        return sorted(picked)
    heads = _relative_heads()
    raw = "\n".join([ln[3] for ln in short])
    # Two-digit-year dates ("5/5/20", "05 Mar 19") count only on short lines too.
    shapes = list(_SHORT_SHAPE.finditer(raw))
    if shapes:
        ends = list(itertools.accumulate([len(ln.text) + 1 for ln in short], initial=0))
        picked.update(short[bisect.bisect_right(ends, m.start()) - 1].index for m in shapes)
    view = _ascii_view(raw)
    if view is not None:
        # The same words at the same offsets; the words standing whole are its ASCII word runs.
        joined = view.lower()
        heads = heads.intersection(joined.translate(_ASCII_WORDS).split())
    else:
        joined = raw.lower()
        if len(joined) != len(raw) or _FOLD_NEEDED.search(joined):
            # Rare letters change length or need folding: look line by line.
            picked.update(ln.index for ln in short if not _tokens(ln.text).isdisjoint(heads))
            return sorted(picked)
    offsets: list[int] | None = None
    for word in heads:
        pos = joined.find(word)
        while pos != -1:
            after = pos + len(word)
            if (pos == 0 or not _WORD_CHAR.match(joined, pos - 1)) and not _WORD_CHAR.match(joined, after):
                if offsets is None:
                    offsets = list(itertools.accumulate([len(ln.text) + 1 for ln in short], initial=0))
                picked.add(short[bisect.bisect_right(offsets, pos) - 1].index)
            pos = joined.find(word, after)
    return sorted(picked)


def _split_lines(text: str) -> list[Line]:
    """:func:`~newsclean.stages._lines.split_lines`, the same records built in C loops."""
    parts = text.split("\n")
    sizes = list(map(len, parts))
    starts = list(itertools.accumulate(map((1).__add__, sizes), initial=0))
    ends = map(operator.add, starts, sizes)
    return list(map(tuple.__new__, itertools.repeat(Line), zip(itertools.count(), starts, ends, parts)))


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
        lines: ``split_lines(text)`` when the caller has it already.

    Returns:
        ``(candidates, warnings)`` in line order.

    >>> found, _ = find_candidates("Title\\nStand: 05.03.2024, 15:41 Uhr\\nText since 2019.")
    >>> [(f.line, iso(f.value), f.kind, f.date_only) for f in found]
    [(1, '2024-03-05T15:41:00', 'updated', True)]
    """
    original = text
    if _has_foreign_digits(text):
        text = text.translate(_DIGITS)  # same length: offsets stay valid
    if lines is None or text is not original:
        lines = _split_lines(text)
    picked = _candidate_lines(text, lines)
    if not picked:
        return [], []
    title_line = _title_line(lines, frozenset(i for i in picked if _DATE_ONLY_HINT.fullmatch(lines[i].text)))
    texts = [lines[i].text for i in picked]
    vote = _vote_dayfirst(texts)
    lang_first = dayfirst_for(language)
    found: list[Found] = []
    warnings: list[str] = []
    ambiguous = 0
    unresolved: list[str] = []
    # Two-digit years resolve against the capture day, else today (never into the future).
    reference = captured_at.date() if captured_at is not None else date.today()
    for i in picked:
        line = lines[i]
        raw = line.text
        source = original[line.start : line.end].strip()
        # Gates: each parser runs only when the words it needs are on the line.
        unix = parse_unix(raw) if raw.strip().isdecimal() else None
        if unix is not None:
            found.append(Found(i, unix, "captured", source, True, False))
            continue
        hits: Sequence[DateHit]
        if len(raw) > MAX_LABELLED_CHARS and i != title_line:
            # A long line is prose: only its dates are wanted, all of them mentioned.
            hits = _find(raw, vote if vote is not None else lang_first)
            if hits:
                date_only = not _remainder(raw, [(h.start, h.end) for h in hits])
                for h in hits:
                    ambiguous += bool(h.ambiguous)
                    found.append(Found(i, h.value, "mentioned", source, date_only, True, h.ambiguous))
            continue
        words = _tokens(raw)
        labels = (
            _labels(raw) if len(raw) <= MAX_LABELLED_CHARS and not words.isdisjoint(_label_heads()) else []
        )
        first = vote
        if first is None and labels:
            first = dayfirst_for(labels[-1].language) if labels[-1].language in ("en",) else True
        if first is None:
            first = lang_first
        hits = _find(raw, first)
        spans = [(h.start, h.end) for h in hits] + [(lab.start, lab.end) for lab in labels]
        rel: Relative | None = None
        slow: datetime | date | None = None
        if not hits and not words.isdisjoint(_relative_words()):
            rel = parse_relative(raw)
            if rel is not None:
                spans.append((rel.start, rel.end))
        short_year = False
        if not hits and rel is None and (labels or len(raw) <= SHORT_YEAR_LINE) and _SHORT_SHAPE.search(raw):
            # A two-digit year counts only on a labelled line or a line holding only the date.
            short = find_short_dates(raw, dayfirst=first, reference=reference)
            if short and (
                (labels and _label_before(raw, labels, short[0].start, 0) is not None)
                or not _remainder(raw, spans + [(h.start, h.end) for h in short])
            ):
                hits, short_year = short[:1], True
                spans.append((hits[0].start, hits[0].end))
        if not hits and rel is None:
            copy = (
                copyright_year(raw)
                if len(raw) <= MAX_LABELLED_CHARS and any(mark in raw for mark in _COPYRIGHT_MARKS)
                else None
            )
            if copy is not None and YEAR_MIN <= copy <= YEAR_MAX:
                found.append(Found(i, date(copy, 1, 1), "copyright", source, False, False, precision="year"))
                continue
        worded = (
            not hits and slow_calls > 0 and len(source) <= MAX_SLOW_CHARS and looks_like_worded_date(source)
        )
        if not hits and rel is None and not worded:
            continue  # nothing can come of this line, prose or not
        rest = _remainder(raw, spans)
        is_title = i == title_line and len(rest) <= TITLE_WORDS
        prose = (len(raw) > MAX_LABELLED_CHARS or _is_prose(raw, rest)) and not is_title and not short_year
        if _EMBED_SIGNATURE.match(raw):
            prose = True  # "— Name (@handle) March 5, 2024": an embedded post, not this page
        date_only = not rest
        if hits:
            floor = 0
            for h in hits:
                lab = None if prose else _label_before(raw, labels, h.start, floor)
                floor = h.end
                kind = "mentioned" if prose else (lab.kind if lab else None)
                if h.ambiguous:
                    ambiguous += 1
                found.append(Found(i, h.value, kind, source, date_only, prose, h.ambiguous))
            continue
        if prose:
            continue
        if rel is not None:
            lab = labels[-1] if labels else None
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
            cut = labels[-1].end if labels else 0
            slow = _dateparser(raw[cut:].strip(), language)
            if slow is not None:
                lab = labels[-1] if labels else None
                rest = [w for w in rest if not w.isdigit() and w.lower() not in _slow_words(raw[cut:])]
                found.append(Found(i, slow, lab.kind if lab else None, source, False, False))
    if ambiguous:
        order = "day-first" if (vote if vote is not None else lang_first) in (True, None) else "month-first"
        warnings.append(f"{ambiguous} ambiguous numeric date(s) read {order}")
    if unresolved:
        warnings.append(
            f"relative date {unresolved[0]!r} left without a value: pass captured_at to resolve it"
            + (f" ({len(unresolved)} such lines)" if len(unresolved) > 1 else "")
        )
    return found, warnings


def _slow_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


# ---------------------------------------------------------------------------
# Choosing the publication date
# ---------------------------------------------------------------------------
_day = day_of
_plausible = plausible_day


#: ASCII letters and digits lower-cased, every other ASCII character a space (``_norm``'s fast path).
_ASCII_NORM = str.maketrans({chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)})


def _norm(text: str) -> str:
    """Lower-case words and numbers joined by single spaces."""
    view = _ascii_view(text)
    if view is not None:
        return " ".join(view.translate(_ASCII_NORM).split())
    return str(_NORM.sub(" ", text.lower())).strip()


#: :data:`_ASCII_NORM` keeping line breaks (``_norm_lines``' fast path).
_ASCII_NORM_LINES = str.maketrans(
    {**{chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)}, "\n": "\n"}
)


def _norm_lines(texts: list[str]) -> Iterable[str]:
    """``map(_norm, texts)`` for lines, normalised in one pass when all of them have an ASCII view."""
    joined = "\n".join(texts)
    view = _ascii_view(joined)
    if view is None or joined.count("\n") != len(texts) - 1:
        return map(_norm, texts)
    return map(" ".join, map(str.split, view.translate(_ASCII_NORM_LINES).split("\n")))


def _title_words(title: str) -> frozenset[str]:
    return frozenset(_norm(title).split())


def headline_lines(
    lines: Sequence[Line],
    title: str | None,
    *,
    limit: int = 8,
    skip: frozenset[int] = frozenset(),
    until: int | None = None,
) -> list[int]:
    """Return the indices of lines repeating the title (headline candidates).

    The title is the ``title`` field when an earlier stage set it, else the
    first non-empty line (a text capture opens with the page ``<title>``,
    which usually adds the site name to the headline). A line repeats it when
    it is a substring of the title, or when nearly all its words (at least
    four) are title words. With ``until``, the search stops after that line
    once a headline is found (the lines below it cannot matter to the caller).
    """
    first = -1
    if not title:
        first = _title_line(lines, skip)
        title = lines[first].text if lines else ""
    if not title:
        return []
    t = _norm(title)
    if len(t) < 15:
        return []
    words = _title_words(title)
    out: list[int] = []
    shortest, longest = max(15, 0.4 * len(t)), 2 * len(t)
    high = 2 * len(title) + 10
    near = [ln for ln in lines[first + 1 :] if shortest <= len(ln.text) <= high]
    for ln, s in zip(near, _norm_lines([ln.text for ln in near]), strict=True):
        if until is not None and out and ln.index > until:
            break
        if len(s) < shortest or len(s) > longest:
            continue
        if s in t or t in s:
            out.append(ln.index)
        else:
            mine = set(s.split())
            if len(mine) >= 4 and len(mine & words) >= 0.85 * len(mine):
                out.append(ln.index)
        if len(out) >= limit:
            break
    return out


def headline_index(lines: Sequence[Line], title: str | None) -> int | None:
    """Return the first line repeating the title, or None."""
    heads = headline_lines(lines, title, limit=1)
    return heads[0] if heads else None


def _is_story_line(text: str) -> bool:
    if len(text) < 15:  # fewer than 15 words for sure
        return False
    words = _WORD.findall(text)
    if len(words) >= 30:
        return True
    stripped = text.rstrip()
    return len(words) >= 15 and bool(_SENTENCE_END.search(stripped)) and not stripped.endswith(("...", "…"))


def _story_start(lines: Sequence[Line], after: int) -> int:
    """Index of the first story-like line at or after ``after`` (len(lines) if none)."""
    for ln in lines[after:]:
        if _is_story_line(ln.text):
            return ln.index
    return len(lines)


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen publication date, where it came from and by which rule."""

    value: datetime | date
    source: str
    rule: str
    index: int | None = None  # position in the found list, when from the text


def _meta_rank(source: str) -> int:
    for rank, prefix in enumerate(_META_ORDER):
        if source.startswith(prefix):
            return rank
    return len(_META_ORDER)


def _title_line(lines: Sequence[Line], skip: frozenset[int] = frozenset()) -> int:
    """Index of the first non-empty line that is not a date line (a capture's title)."""
    return next((ln.index for ln in lines if ln.text.strip() and ln.index not in skip), 0)


def _anchors(
    lines: Sequence[Line], title: str | None, skip: frozenset[int], until: int | None = None
) -> list[tuple[int, int]]:
    """(headline, story start) pairs; without a headline, (-1, first story line).

    ``until`` is the last line a date is scored on plus :data:`HEADLINE_BEFORE`:
    a headline further down scores no date (see :func:`_header_score`), so
    only the first of those is looked for (it still sets the first headline
    and story start).
    """
    heads = headline_lines(lines, title, skip=skip, until=until)
    if not heads:
        return [(-1, _story_start(lines, 1))]
    out = []
    story = -1
    for h in heads:  # ascending: a story start at or after h + 1 serves the next headline too
        if story <= h:
            story = _story_start(lines, h + 1)
        out.append((h, story))
    return out


def _header_score(f: Found, anchors: Sequence[tuple[int, int]]) -> int | None:
    """How far a date line sits from a headline or the story start below it (None: too far)."""
    best: int | None = None
    for order, (head, story) in enumerate(anchors):
        scores = []
        if head >= 0 and head - HEADLINE_BEFORE <= f.line <= head + HEADLINE_AFTER:
            scores.append(f.line - head if f.line >= head else 2 * (head - f.line))
        if story < 10**9 and story - STORY_BEFORE <= f.line <= story + STORY_AFTER and f.line >= head:
            scores.append(abs(story - f.line))
        if scores:
            score = (
                min(scores) + (0 if f.date_only else NOT_DATE_ONLY_PENALTY) + LATER_HEADLINE_PENALTY * order
            )
            if f.kind == "updated":
                score += UPDATED_PENALTY
            best = score if best is None else min(best, score)
    return best


def _page_values(
    metadata: Sequence[DateCandidate], kind: str, captured_at: datetime | None
) -> list[tuple[int, datetime | date, DateCandidate]]:
    """Plausible page candidates of ``kind`` as ``(trust rank, value, candidate)``, day precision only."""
    out = []
    for c in metadata:
        if c.kind != kind or c.value is None or c.precision != "day":
            continue
        try:
            value = parse_iso(c.value)
        except ValueError:
            value = parse_date(c.value, fallback=False)
        if value is not None and _plausible(value, captured_at):
            out.append((_meta_rank(c.source), value, c))
    return out


def choose_published(
    found: Sequence[Found],
    lines: Sequence[Line],
    *,
    metadata: Sequence[DateCandidate] = (),
    title: str | None = None,
    captured_at: datetime | None = None,
    url: str | None = None,
    page_url_day: date | None = None,
) -> Choice | None:
    """Pick the publication date by the documented rules (see the module docstring).

    ``url`` is the address the caller gave; ``page_url_day`` the day in the
    page's own canonical address (found by the HTML stage), used when ``url``
    holds none.
    """
    from_url = url_date(url) if url else None
    url_source = f"url:{url}"
    if from_url is None and page_url_day is not None:
        from_url, url_source = page_url_day, "url"
    if from_url is not None and not _plausible(from_url, captured_at):
        from_url = None
    page = _page_values(metadata, "published", captured_at)
    meta = [t for t in page if t[0] < _WEAK_RANK]
    weak = [t for t in page if t[0] >= _WEAK_RANK]
    if meta:
        _, value, cand = min(meta, key=lambda t: t[0])
        earlier = _earliest_structured(meta)
        if earlier is not None and earlier[1] < value:
            return Choice(earlier[1], earlier[2].source, "page metadata, earliest of disagreeing sources")
        source = cand.source
        printed = _printed_local(value, page)
        if printed is not None and from_url is None:
            return Choice(printed[0], f"{source} + {printed[1]}", "page metadata, local day as printed")
        if from_url is not None and _day(value) != from_url:
            if source.startswith(_ELEMENT_SOURCES):
                # A date-named element is the weakest page source (often the site's
                # "today" banner); the day in the page's address is the publisher's own.
                return Choice(from_url, url_source, "url date")
            if _utc_local_day(value, from_url):
                return Choice(from_url, f"{source} + {url_source}", "page metadata, local day from the url")
        return Choice(value, source, "page metadata")

    ok = [
        (k, f)
        for k, f in enumerate(found)
        if not f.prose
        and f.kind not in ("captured", "mentioned", "copyright")
        and _plausible(f.value, captured_at)
    ]
    if not ok:
        if from_url is not None:
            return Choice(from_url, url_source, "url date")
        if weak:
            _, value, cand = min(weak, key=lambda t: t[0])
            return Choice(value, cand.source, "page address or title date")
        return None
    skip = frozenset(f.line for f in found if f.date_only)
    anchors = _anchors(lines, title, skip, until=max(f.line for _, f in ok) + HEADLINE_BEFORE)
    first_head = min(h for h, _ in anchors)

    def near(f: Found) -> int:
        score = _header_score(f, anchors)
        return 10**6 + f.line if score is None else score

    labelled = [(k, f) for k, f in ok if f.kind == "published"]
    if labelled:
        k, f = min(labelled, key=lambda t: (near(t[1]), t[0]))
        return Choice(_value(f), f.source, "published label", k)

    title_line = _title_line(lines, skip)
    bare = [(k, f) for k, f in ok if f.kind is None and f.line != title_line]
    scored = [
        (s, k, f)
        for k, f in ok
        if f.kind in (None, "updated")
        and f.line != title_line
        and (s := _header_score(f, anchors)) is not None
    ]
    if scored:
        _, k, f = min(scored, key=lambda t: (t[0], t[1]))
        if f.date_only or from_url is None:
            return Choice(_value(f), f.source, "header date line", k)
    if from_url is not None:
        return Choice(from_url, url_source, "url date")
    titled = [(k, f) for k, f in ok if f.kind is None and f.line == title_line]
    if titled:
        k, f = titled[0]
        return Choice(_value(f), f.source, "title date", k)
    story = min(st for _, st in anchors)
    limit = max(story, first_head)
    header = [(k, f) for k, f in bare if f.line < limit]
    if header:
        k, f = min(header, key=lambda t: (_day(_value(t[1])), t[0]))
        return Choice(_value(f), f.source, "earliest header candidate", k)
    if weak:
        _, value, cand = min(weak, key=lambda t: t[0])
        return Choice(value, cand.source, "page address or title date")
    updated = [(k, f) for k, f in ok if f.kind == "updated"]
    if updated:
        k, f = min(updated, key=lambda t: (_day(_value(t[1])), t[0]))
        return Choice(_value(f), f.source, "updated label", k)
    return None


def choose_updated(
    found: Sequence[Found],
    *,
    metadata: Sequence[DateCandidate] = (),
    captured_at: datetime | None = None,
    published: datetime | date | None = None,
) -> Choice | None:
    """Pick the date the page says it was last updated, or None when it states none.

    Page metadata first (JSON-LD ``dateModified`` > ``<meta>`` > ``itemprop`` >
    ``<time class="updated">`` > an update-named element), else the text's
    update label (``Updated``, ``Stand:``, ``Mis à jour``...) nearest the top.
    Never a date before ``published`` (a page is not updated before it
    appears) nor after ``captured_at``.
    """
    floor = _day(published) if published is not None else None

    def fits(value: datetime | date) -> bool:
        # An update is later than the publication; a copy of the publication time says nothing.
        if published is None or floor is None:
            return True
        if _day(value) != floor:
            return _day(value) > floor
        if isinstance(value, datetime) and isinstance(published, datetime) and _comparable(value, published):
            return value > published
        return False

    meta = [t for t in _page_values(metadata, "updated", captured_at) if fits(t[1])]
    if meta:
        _, value, cand = min(meta, key=lambda t: t[0])
        return Choice(value, cand.source, "page metadata")
    labelled = [
        (k, f)
        for k, f in enumerate(found)
        if f.kind == "updated" and not f.prose and _plausible(f.value, captured_at) and fits(_value(f))
    ]
    if labelled:
        k, f = labelled[0]
        return Choice(_value(f), f.source, "updated label", k)
    return None


def _earliest_structured(
    meta: Sequence[tuple[int, datetime | date, DateCandidate]],
) -> tuple[int, datetime, DateCandidate] | None:
    """The earliest publication time among the structured sources (JSON-LD, ``<meta>``) when they disagree.

    Two structured sources naming different instants for the publication:
    the original publication is the earlier one (the later one is a
    re-publication, or local time labelled as UTC). Only aware times are
    compared, so the order is certain; a creation date (``dateCreated``,
    ``dc.created``) is a draft's and takes no part.
    """
    timed = [
        (rank, v, c)
        for rank, v, c in meta
        if rank < _STRUCTURED_RANK
        and isinstance(v, datetime)
        and v.tzinfo is not None
        and "created" not in c.source.lower()  # a draft's creation, not a publication
    ]
    if len({_day(v) for _, v, _ in timed}) < 2:
        return None
    return min(timed, key=lambda t: t[1])


def _comparable(a: datetime, b: datetime) -> bool:
    """Whether two times can be ordered (both aware or both naive)."""
    return (a.tzinfo is None) == (b.tzinfo is None)


def _utc_local_day(value: datetime | date, day: date) -> bool:
    """Whether ``value`` is a UTC time that falls on ``day`` in some local zone.

    A time given in UTC (``Z``, ``+00:00``) fixes the instant, not the day the
    publisher's own zone (:data:`WEST_MOST` to :data:`EAST_MOST` hours) dated it: ``2020-04-14T00:38Z`` is
    April 13 in the Americas.
    """
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return False
    return (value + timedelta(hours=WEST_MOST)).date() <= day <= (value + timedelta(hours=EAST_MOST)).date()


def _printed_local(
    value: datetime | date, page: Sequence[tuple[int, datetime | date, DateCandidate]]
) -> tuple[datetime, str] | None:
    """The page's printed local time when a structured UTC value names the day before or after it.

    A structured date without a zone's help (a UTC time, or a bare day a
    system derived from one) can fall on another day than the one the
    publisher printed: ``2020-12-05`` in JSON-LD beside ``06 December 2020 |
    00:36`` printed on the page is 23:36 UTC. The first printed published
    time (a date element, ``<time>``, ``<abbr>``, an ``itemprop`` text) is
    taken when some zone from :data:`WEST_MOST` to :data:`EAST_MOST` hours
    puts it on the structured day.
    """
    utc = isinstance(value, datetime) and value.utcoffset() == timedelta(0)
    if isinstance(value, datetime) and not utc:
        return None
    printed = next(
        (
            (v, c.source)
            for rank, v, c in page
            if _STRUCTURED_RANK <= rank < _WEAK_RANK and isinstance(v, datetime) and v.tzinfo is None
        ),
        None,
    )
    if printed is None or _day(printed[0]) == _day(value):
        return None
    local = printed[0]
    for hours in range(WEST_MOST, EAST_MOST + 1):
        as_utc = local - timedelta(hours=hours)
        if isinstance(value, datetime):
            if abs((as_utc - value.replace(tzinfo=None)).total_seconds()) <= PRINTED_SLACK_SECONDS:
                return local, printed[1]
        elif as_utc.date() == value:
            return local, printed[1]
    return None


def _value(f: Found) -> datetime | date:
    if f.value is None:  # filtered out by _plausible; kept for the type checker
        raise ValueError("candidate without a value")
    return f.value


# ---------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------
def _page_date_strings(doc: Document, language: str | None, reference: date) -> list[DateCandidate]:
    """Read the page date strings the HTML stage could not normalise (``extra["html"]``).

    They come from date elements (a date-named class, ``<abbr>``, a
    ``pubdate`` attribute), so two-digit years are read too.
    """
    html = doc.extra.get("html")
    raw = html.get("date_strings") if isinstance(html, dict) else None
    out: list[DateCandidate] = []
    for item in raw or ():
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            continue
        value = parse_date(
            item["value"], language=language, reference=reference if item.get("element") else None
        )
        if value is not None:
            out.append(
                DateCandidate(
                    iso(value),
                    str(item.get("kind", "published")),
                    str(item.get("source", "html:")),
                    origin=str(item.get("origin", "element")),
                )
            )
    return out


def _page_url_day(existing: Sequence[DateCandidate]) -> date | None:
    """The day the HTML stage read from the page's canonical address (source ``url``)."""
    for c in existing:
        if c.source == "url" and c.value:
            try:
                value = parse_iso(c.value)
            except ValueError:
                continue
            if value is not None:
                return _day(value)
    return None


def _copyright_year(
    found: Sequence[Found], metadata: Sequence[DateCandidate], captured_at: datetime | None
) -> tuple[date, str] | None:
    """The latest plausible copyright year stated by the page or the text, with its source."""
    years: list[tuple[date, str]] = []
    for c in metadata:
        if c.kind == "copyright" and c.value and c.value[:4].isdigit():
            years.append((date(int(c.value[:4]), 1, 1), c.source))
    years += [(_value(f), f.source) for f in found if f.kind == "copyright"]
    years = [(y, src) for y, src in years if _plausible(y, captured_at)]
    return max(years, key=lambda t: t[0]) if years else None


def _evidence(candidates: Sequence[DateCandidate], kinds: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The candidates weighed for a choice, as plain records (at most :data:`MAX_EVIDENCE`)."""
    out = []
    seen: set[tuple[str | None, str]] = set()
    for c in candidates:
        if c.value is None or c.kind not in kinds or (c.value, c.kind) in seen:
            continue
        seen.add((c.value, c.kind))
        out.append(
            {
                "value": c.value,
                "kind": c.kind,
                "source": c.source[:120],
                "precision": c.precision,
                "origin": c.origin,
            }
        )
        if len(out) >= MAX_EVIDENCE:
            break
    return tuple(out)


def _record(
    doc: Document,
    reason: str,
    choice: Choice,
    precision: str,
    candidates: Sequence[DateCandidate],
    kinds: tuple[str, ...],
) -> Document:
    """Log a date choice as a decision: the value, its precision, the rule, the evidence, the candidates weighed."""
    return doc.with_decision(
        NAME,
        reason,
        value=iso(choice.value),
        precision=precision,
        source=choice.source[:200],
        rule=choice.rule,
        candidates=_evidence(candidates, kinds),
    )


@stage(NAME, requires=("language",), provides=("dates", "published", "updated"))
def normalize_dates(doc: Document) -> Document:
    """Collect date candidates, choose ``published`` and ``updated``, and take date-only lines out.

    >>> from newsclean.document import Document
    >>> doc = normalize_dates(Document.from_text("Bridge reopens\\nDate:2025-04-08 08:47:16\\nThe bridge reopened."))
    >>> doc.text
    'Bridge reopens\\nThe bridge reopened.'
    >>> doc.get("published").isoformat()
    '2025-04-08T08:47:16'
    """
    language = doc.language
    captured_at = doc.options.captured_at
    reference = captured_at.date() if captured_at is not None else date.today()
    lines = _split_lines(doc.text)
    found, warnings = find_candidates(doc.text, language=language, captured_at=captured_at, lines=lines)
    existing: tuple[DateCandidate, ...] = tuple(doc.get("dates") or ())
    page_strings = _page_date_strings(doc, language, reference)
    metadata = [c for c in existing if c.source.startswith(_META_ORDER)] + page_strings
    already = doc.get("published")
    choice = None
    precision = "day"
    if already is None:
        choice = choose_published(
            found,
            lines,
            metadata=metadata,
            title=doc.get("title"),
            captured_at=captured_at,
            url=doc.options.url,
            page_url_day=_page_url_day(existing),
        )
    update = None
    if doc.get("updated") is None:
        # A publication date read from an update-labelled line is that update date too.
        from_update = (
            choice is not None and choice.index is not None and found[choice.index].kind == "updated"
        )
        update = choose_updated(
            found,
            metadata=metadata,
            captured_at=captured_at,
            published=None if from_update else choice.value if choice is not None else already,
        )
    if choice is None and already is None:
        if update is not None:
            # The page states only when it was updated: that is the latest it can have appeared.
            choice = Choice(update.value, update.source, "updated date only", update.index)
        elif COPYRIGHT_FALLBACK and (copy := _copyright_year(found, metadata, captured_at)) is not None:
            choice, precision = Choice(copy[0], copy[1], "copyright year"), "year"
    chosen = choice.index if choice is not None else None

    candidates = list(existing)
    seen = {(c.value, c.source) for c in existing}
    for cand in page_strings:
        if (cand.value, cand.source) not in seen:
            seen.add((cand.value, cand.source))
            candidates.append(cand)
    for k, f in enumerate(found):
        kind = f.kind
        if kind is None:
            kind = "published" if k == chosen else "mentioned"
        if f.precision == "year" and f.value is not None:
            cand = DateCandidate(f"{_day(f.value).year:04d}", kind, f.source, "year", "copyright")
        else:
            cand = DateCandidate(None if f.value is None else iso(f.value), kind, f.source)
        if (cand.value, cand.source) not in seen:
            seen.add((cand.value, cand.source))
            candidates.append(cand)

    if doc.options.url:
        from_url = url_date(doc.options.url)
        if from_url is not None:
            cand = DateCandidate(iso(from_url), "published", f"url:{doc.options.url}", origin="url")
            if (cand.value, cand.source) not in seen:
                seen.add((cand.value, cand.source))
                candidates.append(cand)

    removed = sorted({f.line for f in found if f.date_only})
    changes: list[Change] = [delete_line(doc.text, lines[i], "date_line", "extract") for i in removed]
    out = doc.with_edits(NAME, changes)
    if candidates and tuple(candidates) != existing:
        out = out.with_fields(dates=tuple(candidates))
    if choice is not None:
        out = out.with_fields(published=choice.value)
        out = _record(out, "published_date", choice, precision, candidates, ("published", "copyright"))
        if chosen is not None and found[chosen].ambiguous:
            out = out.with_warning(f"published date: {found[chosen].ambiguous}")
        if precision != "day":
            out = out.with_warning(
                f"published date known only to the {precision}: {iso(choice.value)} stands for {choice.source!r}"
            )
    if update is not None:
        out = out.with_fields(updated=update.value)
        out = _record(out, "updated_date", update, "day", candidates, ("updated",))
    for w in warnings:
        out = out.with_warning(w)
    return out
