"""The header zone of a capture: vocabularies, line shapes and the prose run.

Shared by the title (:mod:`newsclean.stages._title`), byline
(:mod:`newsclean.stages._byline`) and stage (:mod:`newsclean.stages.metadata`)
modules of ``extract_metadata``. Whether a line is prose, and where the prose
run starts, is read from the one page analysis (:func:`newsclean.layout.is_prose`,
:func:`newsclean.layout.prose_start`), as every stage reads it.

Vocabularies are in ``data/metadata.json``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from newsclean import regexlite as regex
from newsclean.data import foreign_chars, read_json
from newsclean.layout import MAX_LINES
from newsclean.lazyre import regex_compile, vocabulary_pattern
from newsclean.stages._lines import Line

__all__ = ["MAX_HOST", "MAX_LINES"]

# -- patterns that do not depend on the vocabularies ---------------------------
_LETTER = regex_compile(r"\p{L}")
_SENTENCE_BREAK = regex_compile(r"\p{Ll}{3}\.[\"'”’]?\s+[\"'“‘]?\p{Lu}")
_NUMERIC_DATE = regex_compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
)
_DIGIT = regex_compile(r"\d")  # every date pattern holds one: tested first, it is one cheap scan
#: Longest host read after "www." up to its first slash (DNS names are at most 253
#: characters, news sites' far shorter). Read to the end of the run from every "www.",
#: the URL search was quadratic in a run of them.
MAX_HOST = 100
#: A web address or a copyright notice: a title line holds neither. A ``©`` glued to the end of
#: a word with no year after it is a brand mark of the site's name ("Headline | Site©"), not a
#: notice ("© 2020 Site", "Copyright ©2020", "All content © Site").
_URLISH = regex_compile(
    rf"https?://|www\.\S[^\s/]{{0,{MAX_HOST - 1}}}+/|(?<!\p{{L}})©|©\s*+\d|\(c\)\s*+\d{{4}}",
    regex.IGNORECASE,
)
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "&", "+"})
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


# -- vocabularies ---------------------------------------------------------------
def _split(build: Callable[[Callable[[Iterable[str]], str]], str]) -> regex.Pattern[str]:
    """The case-insensitive pattern ``build(alternation)``, compiled when a line first needs it.

    ``alternation`` turns a word group into a case-insensitive alternation,
    longest entry first, entries folded with ``str.lower`` (two entries
    differing only in case are one) and a space matching any white space.
    Lines holding none of the accented letters of some entries get the pattern
    without those entries (:func:`newsclean.lazyre.vocabulary_pattern`): it
    matches there what the full one does and compiles faster.
    """
    return vocabulary_pattern(build, regex.IGNORECASE, normalize=str.lower)


#: The ASCII characters ``\\s`` matches: an entry's space matches any run of white space.
_ASCII_SPACES = "".join(chr(c) for c in range(128) if regex.match(r"\s", chr(c)))
#: How many characters of a line an opening pattern's prefilter reads.
_OPENING_HEAD = 3
_ALT = "\x00alternation\x00"  # stands for the alternation while the source is read


class _Opening:
    """A pattern that opens with one vocabulary alternation (``^(?:…)…``), and a prefilter.

    ``match(line)`` is the pattern's: on a line whose first :data:`_OPENING_HEAD`
    characters are ASCII it first looks them up among the ASCII spellings of
    the entries' heads (each entry's first three characters, or up to its
    first space; every spelling in either case, a space as any white space
    ``\\s`` matches). A match opens with an entry, so its head opens the line:
    a line whose head is none of them is answered ``None`` unread, as the
    pattern answers it. Entries whose head holds a character no ASCII
    character matches cannot open such a line and are left out; the prefilter
    is off if a head holds a non-ASCII character that an ASCII one matches
    (``ı`` matches ``I``). Most header lines open with no entry, so most calls
    cost a slice and set look-ups instead of a regular-expression match.
    """

    __slots__ = ("_heads", "_pattern")

    def __init__(self, pattern: regex.Pattern[str], heads: tuple[frozenset[str], ...] | None) -> None:
        self._pattern = pattern
        self._heads = heads

    def match(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        heads = self._heads
        if heads is not None and not args and not kwargs:
            head = string[:_OPENING_HEAD]
            if (
                head not in heads[3]
                and head[:2] not in heads[2]
                and head[:1] not in heads[1]
                and head.isascii()
            ):
                return None
        return self._pattern.match(string, *args, **kwargs)

    def may_open(self, string: str) -> bool:
        """False where :meth:`match` answers None from the head look-up alone (no entry opens ``string``)."""
        heads = self._heads
        if heads is None:
            return True
        head = string[:_OPENING_HEAD]
        return head in heads[3] or head[:2] in heads[2] or head[:1] in heads[1] or not head.isascii()

    def may_open_each(self, strings: Sequence[str]) -> list[bool]:
        """:meth:`may_open` of each of ``strings``, in one pass (no call per string)."""
        heads = self._heads
        if heads is None:
            return [True] * len(strings)
        h3, h2, h1 = heads[3], heads[2], heads[1]
        return [
            head in h3 or head[:2] in h2 or head[:1] in h1 or not head.isascii()
            for head in [s[:_OPENING_HEAD] for s in strings]
        ]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def may_open(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether an opening pattern of a vocabulary (``^(?:alternation)…``) may match at the start of ``text``.

    False only where the pattern's head look-up (:class:`_Opening`) answers None
    unread; two patterns of the same entries (``byline_label`` and
    ``byline_label_only``) share it.
    """
    return not isinstance(pattern, _Opening) or pattern.may_open(text)


def may_open_each(pattern: regex.Pattern[str], texts: Sequence[str]) -> list[bool]:
    """:func:`may_open` of each of ``texts``, in one pass."""
    return pattern.may_open_each(texts) if isinstance(pattern, _Opening) else [True] * len(texts)


def _opening_heads(entries: Iterable[str]) -> tuple[frozenset[str], ...] | None:
    """The ASCII spellings of the heads of ``entries`` by length (index 1 to 3).

    None if an ASCII character may match a non-ASCII one of a head.
    """
    heads: tuple[set[str], ...] = (set(), set(), set(), set())
    for entry in entries:
        cut = min(_OPENING_HEAD, len(entry))
        if " " in entry[:cut]:
            cut = entry.index(" ") + 1
        head = entry[:cut]
        if not head.isascii():
            if len(foreign_chars(head)) < sum(not c.isascii() for c in head):
                return None  # a non-ASCII character an ASCII one matches
            continue  # no ASCII line opens with it
        spellings = [_ASCII_SPACES if c == " " else {c.lower(), c.upper()} for c in head]
        heads[len(head)].update(map("".join, itertools.product(*spellings)))
    return tuple(frozenset(h) for h in heads)


def _opening(build: Callable[[Callable[[Iterable[str]], str]], str]) -> regex.Pattern[str]:
    """:func:`_split`'s pattern for a source ``^(?:{alternation})…``, with :class:`_Opening`'s prefilter."""
    entries: set[str] = set()

    def record(words: Iterable[str]) -> str:
        entries.update(w.lower() for w in words if w)  # as _split folds them
        return _ALT

    source = build(record)
    if not source.startswith(f"^(?:{_ALT})") or source.count(_ALT) != 1:
        raise ValueError("an opening pattern starts with its one alternation")
    return cast("regex.Pattern[str]", _Opening(_split(build), _opening_heads(entries)))


def _words(group: Any) -> list[str]:
    """All entries of a group: its ``words``/``names`` list or its per-language lists."""
    if isinstance(group, list):
        return [str(w) for w in group]
    out: list[str] = []
    for key, value in group.items():
        if key != "source" and isinstance(value, list):
            out.extend(str(w) for w in value)
    return out


@dataclass(frozen=True)
class _Vocab:
    """The vocabulary patterns and word sets the header reader uses (built once, on first need)."""

    byline_label: regex.Pattern[str]
    byline_label_only: regex.Pattern[str]
    roles: frozenset[str]
    connectors: regex.Pattern[str]
    particles: frozenset[str]
    articles: frozenset[str]
    breadcrumb_home: regex.Pattern[str]
    location_label: regex.Pattern[str]
    generic_crumbs: frozenset[str]
    section_words: frozenset[str]
    agencies: frozenset[str]
    function_words: frozenset[str]
    headline_labels: frozenset[str]
    not_title_multi: regex.Pattern[str]
    not_title_single: regex.Pattern[str]
    month_date: regex.Pattern[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = read_json(
        "metadata.json",
        keys=(
            "byline_labels",
            "not_title_cues",
            "month_names",
            "byline_roles",
            "name_connectors",
            "name_particles",
            "name_articles",
            "breadcrumb_home",
            "location_labels",
            "generic_crumbs",
            "section_words",
            "agencies",
            "not_site_words",
        ),
    )
    labels = _words(raw["byline_labels"])
    cues = _words(raw["not_title_cues"])
    months = _words(raw["month_names"])
    connectors = _words(raw["name_connectors"])
    low = frozenset
    return _Vocab(
        # Blank runs are taken whole (possessive); the label must still end in a blank before
        # the name. Split two ways at every blank of a run, both patterns cost the square of
        # a long run; property tests compare them with their earlier forms.
        byline_label=_opening(lambda alt: rf"^(?:{alt(labels)})\s*+[:：]?\s*+(?<=\s)(?=\S)"),
        byline_label_only=_opening(lambda alt: rf"^(?:{alt(labels)})\s*[:：]?$"),
        roles=low(w.casefold() for w in _words(raw["byline_roles"])),
        connectors=_split(
            lambda alt: (
                rf"(?:\G|(?<!\s))\s*+,\s*+(?:(?:{alt(connectors)})\s++)?"
                rf"|(?:\G|(?<!\s))\s++(?:{alt(connectors)})\s++"
            ),
        ),
        particles=low(w.casefold() for w in _words(raw["name_particles"])),
        articles=low(w.casefold() for w in _words(raw["name_articles"])),
        breadcrumb_home=_split(lambda alt: rf"^(?:{alt(_words(raw['breadcrumb_home']))})$"),
        location_label=_split(lambda alt: rf"^\s*(?:{alt(_words(raw['location_labels']))})\s*[:：]\s*"),
        generic_crumbs=low(w.casefold() for w in _words(raw["generic_crumbs"])),
        section_words=low(w.casefold() for w in _words(raw["section_words"])),
        agencies=low(w.casefold() for w in _words(raw["agencies"])),
        function_words=low(w.casefold() for w in raw["not_site_words"]["function"]),
        headline_labels=low(w.casefold() for w in raw["not_site_words"]["labels"]),
        not_title_multi=_opening(lambda alt: rf"^(?:{alt(c for c in cues if ' ' in c)})(?:\W|$)"),
        not_title_single=_opening(
            lambda alt: rf"^(?:{alt(c for c in cues if ' ' not in c)})\s*(?:[:：|»›>–—-]|$)"
        ),
        month_date=_split(
            lambda alt: (
                rf"\b(?:{alt(months)})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
                rf"|\b\d{{1,2}}(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?(?:{alt(months)})\.?,?\s+(?:de\s+)?\d{{4}}\b"
            )
        ),
    )


# -- line shapes ----------------------------------------------------------------
def _fold(text: str) -> str:
    """Quotes unified and lower-cased, keeping offsets when lower() keeps lengths.

    The result always has the length of ``text``: every quote maps to one
    character, and ``lower()`` is kept only when it keeps the length.
    """
    if text.isascii():
        return text.lower()  # no quote to unify, and lower() keeps ASCII lengths
    t = text.translate(_QUOTES)
    lowered = t.lower()
    return lowered if len(lowered) == len(t) else t


def _norm(text: str) -> str:
    if text.isascii():
        return " ".join(text.lower().split())  # casefold() is lower() on ASCII
    return " ".join(text.translate(_QUOTES).casefold().split())


def _with_offsets(parts: Sequence[str], count: int) -> list[Line]:
    """:class:`Line` records (with offsets) for the non-blank lines among the first ``count`` of ``parts``."""
    head = parts[:count]
    # where each line starts (its length and a newline after each), summed in C
    starts = itertools.accumulate(map((1).__add__, map(len, head)), initial=0)
    # (``not part.isspace()`` on a non-empty line is ``part.strip()`` being non-empty; the
    # records are made by ``tuple.__new__``, which skips NamedTuple's argument handling)
    return [
        _new_tuple(Line, (i, pos, pos + len(part), part))
        for i, (pos, part) in enumerate(zip(starts, head, strict=False))  # one start too many
        if part and not part.isspace()
    ]


_new_tuple: Callable[[type[Line], tuple[int, int, int, str]], Line] = tuple.__new__


#: ASCII characters that are not letters, deleted by :func:`letter_count`'s fast path.
_ASCII_NON_LETTERS = {c: None for c in range(128) if not chr(c).isalpha()}


#: A letter and the combining marks written with it (``\p{M}``): the vowel signs of Devanagari,
#: Gujarati, Bengali or Thai are as much part of a word as its letters.
_WRITTEN = regex_compile(r"[\p{L}\p{M}]")


def letter_count(text: str) -> int:
    """How many letters and combining marks (``[\\p{L}\\p{M}]``) ``text`` holds, without a list on ASCII.

    Counted with their letters, the marks make a headline in an Indic script
    "mostly letters" as one in a Latin script is (``"कोरोनाथी"`` has 4 letters
    and 4 vowel signs): letters alone, such a line counted under half its length.
    """
    if text.isascii():
        return len(text.translate(_ASCII_NON_LETTERS))  # on ASCII the letters are A-Z and a-z
    return len(_WRITTEN.findall(text))


def _has_date(text: str, v: _Vocab) -> bool:
    if not _DIGIT.search(text):
        return False
    return bool(_NUMERIC_DATE.search(text) or v.month_date.search(text))


def _not_title_cue(text: str, v: _Vocab) -> bool:
    return bool(v.not_title_multi.match(text) or v.not_title_single.match(text))
