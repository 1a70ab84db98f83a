"""Date vocabulary, the compiled date patterns, and cheap views of text for matching.

:mod:`newsclean.dateparse` reads dates with what this module prepares once:
the word tables of ``data/dates.json`` (month and weekday names in 27
languages, labels, time zones, relative-time words), the regular expressions
built from them (compiled on first use), and the helpers that let a line be
matched quickly (an ASCII view of the same length, letter runs, folded month
names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from newsclean import regexlite as regex
from newsclean.data import DataError, alternation, foreign_chars, read_json
from newsclean.lazyre import regex_compile

__all__ = [
    "YEAR_MAX",
    "YEAR_MIN",
    "MonthKey",
    "MonthPattern",
    "Vocabulary",
    "month_firsts",
    "month_key",
    "vocabulary",
]

#: Years a written date may have (four-digit years only). Every module reads its bounds
#: here: a date outside them is not a date at all (``1850``, ``2150`` are other numbers).
YEAR_MIN = 1900
YEAR_MAX = 2100


def _valid_date(y: int, m: int, d: int) -> date | None:
    """The day ``y-m-d``, or None when it is not a day of a year in the bounds."""
    if not (YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and d >= 1):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word tables of ``data/dates.json``, prepared for matching.

    Attributes:
        months: Lower-case month name or abbreviation -> month number, all
            languages merged (names that mean different months in different
            languages are left out).
        month_first: Languages whose numeric dates are month-first.
        weekdays: Lower-case weekday names and abbreviations.
        fillers: Connector words allowed around a date on a date-only line.
        labels: ``(label, kind, language)`` triples, longest label first; kind
            ``published``, ``updated``, ``captured``, or ``mentioned`` for a
            field naming another thing's date ("Member since", "Expires").
        timezones: Lower-case abbreviation -> UTC offset in minutes.
        units: Relative-time unit word -> unit name.
        before: Words that open a relative phrase ("vor", "il y a").
        after: Words that close one ("ago", "geleden").
        days: "today"/"yesterday" words -> days back.
        numbers: Words standing for a number in a relative phrase ("an", "einer") -> the number.
        connectors: Words between a date and its time ("at", "um", "à", "a las").
    """

    months: Mapping[str, int]
    month_first: frozenset[str]
    weekdays: frozenset[str]
    fillers: frozenset[str]
    labels: tuple[tuple[str, str, str], ...]
    timezones: Mapping[str, int]
    units: Mapping[str, str]
    before: tuple[str, ...]
    after: tuple[str, ...]
    days: Mapping[str, int]
    numbers: Mapping[str, int]
    connectors: frozenset[str]

    @property
    def label_words(self) -> frozenset[str]:
        """Every word occurring in a label of the page's own dates (lower case).

        The labels of another thing's date (kind ``mentioned``: "Member since",
        "Date of birth") are left out: their words stay words of the line that
        prints them, and of a byline.
        """
        return frozenset(
            w for label, kind, _ in self.labels if kind != "mentioned" for w in _WORDS.findall(label)
        )


def _group(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    group = data.get(name)
    if not group:
        raise DataError(f"data file 'dates.json': group {name!r} is missing or empty")
    return {k: v for k, v in group.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load and check ``data/dates.json`` once (the result is immutable).

    Raises:
        DataError: If a group is empty or a language lacks twelve months
            (:class:`DataError` is a :class:`ValueError`).
    """
    raw = read_json("dates.json")
    months: dict[str, int] = {}
    clashes: set[str] = set()
    for lang, names in _group(raw, "months").items():
        if len(names) != 12:
            raise DataError(f"data file 'dates.json': months[{lang!r}] needs 12 entries, has {len(names)}")
        for number, variants in enumerate(names, start=1):
            for name in variants.split("|"):
                key = name.lower()
                if months.get(key, number) != number:
                    clashes.add(key)
                months[key] = number
    for key in clashes:
        del months[key]
    weekdays = frozenset(w.lower() for words in _group(raw, "weekdays").values() for w in words)
    labels = sorted(
        (
            (label.lower(), kind, lang)
            for kind, by_lang in _group(raw, "labels").items()
            for lang, words in by_lang.items()
            for label in words
        ),
        key=lambda t: -len(t[0]),
    )
    rel = _group(raw, "relative")
    units = {w.lower(): unit for unit, words in rel["units"].items() for w in words}
    days = {w.lower(): back for back, key in enumerate(("today", "yesterday")) for w in rel["days"][key]}
    return Vocabulary(
        months=months,
        month_first=frozenset(_group(raw, "month_first_languages")["languages"]),
        weekdays=weekdays,
        fillers=frozenset(w.lower() for w in _group(raw, "fillers")["words"]),
        labels=tuple(labels),
        timezones={k.lower(): int(v) for k, v in _group(raw, "timezones").items()},
        units=units,
        before=tuple(rel["before"]),
        after=tuple(rel["after"]),
        days=days,
        numbers={w.lower(): int(n) for n, words in rel["numbers"].items() for w in words},
        connectors=frozenset(w.lower() for w in _group(raw, "time_connectors")["words"]),
    )


# ---------------------------------------------------------------------------
# Patterns (compiled once, on first use)
# ---------------------------------------------------------------------------
def _words(words: Iterable[str]) -> str:
    """The alternation of a word group for the case-insensitive date patterns (longest entry first)."""
    return alternation(words, ignorecase=True)


@lru_cache(maxsize=1)
def _month_alternation() -> str:
    """The alternation of every month name (:func:`_words`), built once: four patterns hold it."""
    return _words(vocabulary().months)


# ---------------------------------------------------------------------------
# Month names a text can match
# ---------------------------------------------------------------------------
#: What decides which month names a text can match: the groups of :func:`_month_split` whose
#: letters it holds, and whether it holds a slash (the only way into a second month name).
MonthKey = tuple[frozenset[str], bool]


class _MonthSplit(NamedTuple):
    """The month names split by what a text must hold for them to match.

    Attributes:
        core: Names each character of which matches an ASCII character when
            case is ignored: any text may hold them.
        groups: The other names, by the script of their first character that
            matches no ASCII character (``LATIN`` for "märz", ``CYRILLIC``, …).
        classes: Per group, a case-insensitive class of every such character of
            its names: a text in which the class finds nothing holds none of
            the group's names, so a pattern may leave them out.
    """

    core: tuple[str, ...]
    groups: Mapping[str, tuple[str, ...]]
    classes: tuple[tuple[str, regex.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _month_split() -> _MonthSplit:
    import unicodedata  # only here: the split is made once per process

    core: list[str] = []
    groups: dict[str, list[str]] = {}
    chars: dict[str, set[str]] = {}
    for name in vocabulary().months:
        foreign = foreign_chars(name)
        if not foreign:
            core.append(name)
            continue
        group = unicodedata.name(foreign[0], "OTHER").split()[0]
        groups.setdefault(group, []).append(name)
        chars.setdefault(group, set()).update(foreign)
    classes = tuple(
        (group, regex_compile("[" + "".join(regex.escape(ch) for ch in sorted(cs)) + "]", regex.IGNORECASE))
        for group, cs in sorted(chars.items())
    )
    return _MonthSplit(tuple(core), {g: tuple(ns) for g, ns in groups.items()}, classes)


def month_key(text: str) -> MonthKey:
    """Which month names ``text`` can match, as the key of :meth:`_Patterns.month_form`.

    A name matches only where each of its characters matches one of the text:
    a name of a group whose class finds nothing in the text matches nowhere in
    it, nor does a second name after a slash in a text without one. Most lines
    are ASCII and hold only the core names.

    >>> month_key("5 March 2020"), month_key("5 März 2020 / 6 мая") == (frozenset({"CYRILLIC", "LATIN"}), True)
    ((frozenset(), False), True)
    """
    if text.isascii():
        return frozenset(), "/" in text
    groups = frozenset(group for group, cls in _month_split().classes if cls.search(text) is not None)
    return groups, "/" in text


@lru_cache(maxsize=256)
def _month_subset_alternation(groups: frozenset[str], firsts: frozenset[str] | None = None) -> str | None:
    """The alternation of the core month names and those of ``groups``; None when it is empty.

    With ``firsts``, only the names whose first character is one of them.
    """
    split = _month_split()
    names = [*split.core, *(name for group in sorted(groups) for name in split.groups[group])]
    if firsts is not None:
        names = [name for name in names if name[0] in firsts]
    return _words(names) if names else None


class MonthPattern:
    """A pattern holding the month names, compiled with only the names a text can match.

    ``build`` writes the pattern's source from an alternation of month names. For
    a text, :meth:`for_text` gives a pattern holding the core names and those of
    the script groups the text holds (:func:`month_key`): on that text it finds
    exactly what the full pattern finds. As for :meth:`_Patterns.month_form`, the
    first groups a process meets get their own pattern; from the second on, the
    full pattern is compiled once and serves every text (a pattern compiled for
    wider groups serves narrower ones too).
    """

    __slots__ = ("_build", "_compiled", "_flags", "_full")

    def __init__(self, build: Callable[[str], str], flags: int) -> None:
        self._build = build
        self._flags = flags
        self._compiled: dict[frozenset[str], regex.Pattern[str]] = {}
        self._full: regex.Pattern[str] | None = None

    def full(self) -> regex.Pattern[str]:
        """The pattern holding every month name (compiled once)."""
        if self._full is None:
            self._full = regex_compile(self._build(_month_alternation()), self._flags)
        return self._full

    def compile_forms(self) -> None:
        """Compile the full pattern and the one of an ASCII text (what ``benchmarks.regex_forms`` packages).

        Neither is kept: :meth:`for_text` compiles (or builds from the packaged forms) on need.
        """
        regex_compile(self._build(_month_alternation()), self._flags)
        ascii_months = _month_subset_alternation(frozenset())
        if ascii_months is not None:
            regex_compile(self._build(ascii_months), self._flags)

    def for_text(self, text: str) -> regex.Pattern[str]:
        """A pattern that finds in ``text`` exactly what :meth:`full` finds."""
        if self._full is not None:
            return self._full
        groups = month_key(text)[0]
        found = self._compiled.get(groups)
        if found is not None:
            return found
        for have, pattern in self._compiled.items():
            if groups <= have:
                return pattern
        if self._compiled or len(groups) == len(_month_split().groups):
            return self.full()
        months = _month_subset_alternation(groups)
        if months is None:  # the core names come from every language: never empty
            raise DataError("data file 'dates.json': no month name matches ASCII text")
        pattern = self._compiled[groups] = regex_compile(self._build(months), self._flags)
        return pattern


@lru_cache(maxsize=1)
def _first_chars() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """Each first character of a month name, with a pattern matching it as the date forms do."""
    firsts = sorted({name[0] for name in vocabulary().months})
    return tuple((ch, regex_compile(regex.escape(ch), regex.IGNORECASE)) for ch in firsts)


@lru_cache(maxsize=1024)
def month_firsts(ch: str) -> frozenset[str]:
    """The first characters of month names that ``ch`` matches when case is ignored.

    A month-name form whose name starts the match (``name_mdy``, ``js_date``)
    tried at a character can match there only with a name starting with one
    of them.

    >>> sorted(month_firsts("M")), month_firsts("7")
    (['m'], frozenset())
    """
    return frozenset(first for first, pattern in _first_chars() if pattern.fullmatch(ch) is not None)


_YEAR = r"(?P<y>(?:19|20)\d\d)"
# A number is not part of a date when glued to letters, currency, decimals or other digits.
_NOT_BEFORE = r"(?<![\d_$€£¥+.,/\-]|\d:|(?<!\w)v)"
_NOT_AFTER = r"(?![\w]|[.,/:-]\d|-\w)"


class _Patterns:
    """The date patterns, each compiled on its first use.

    Compiling all of them costs about 100 ms (the month-name forms hold a
    trie of month names in 27 languages), and a capture usually needs only a
    few: a process that cleans one capture pays only for those. A pattern
    compiled twice by two threads at once is the same pattern, so no lock.
    """

    __slots__ = ("_compiled", "_flags", "_forms", "_full_forms", "_others", "_starting")

    def __init__(
        self,
        others: Mapping[str, tuple[str, int]],
        forms: Callable[[str, bool], Mapping[str, str]],
        flags: int,
    ) -> None:
        self._others = dict(others)
        self._forms = forms
        self._flags = flags
        self._full_forms: dict[str, tuple[str, int]] | None = None
        self._compiled: dict[str | tuple[str, MonthKey], regex.Pattern[str]] = {}
        self._starting: dict[tuple[str, MonthKey, frozenset[str]], regex.Pattern[str] | None] = {}

    @property
    def _sources(self) -> dict[str, tuple[str, int]]:
        """Every pattern's source and flags; the month-name forms hold every month name."""
        if self._full_forms is None:  # written on first need: most lines need a smaller form
            forms = self._forms(_month_alternation(), True)
            self._full_forms = {name: (source, self._flags) for name, source in forms.items()}
        return {**self._full_forms, **self._others}

    def _get(self, name: str) -> regex.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:
            source, flags = self._others[name] if name in self._others else self._sources[name]
            pattern = self._compiled[name] = regex_compile(source, flags)
        return pattern

    def month_form(self, name: str, key: MonthKey) -> regex.Pattern[str]:
        """The month-name form ``name`` (``name_dmy``, ``dmy_tail`` …) for texts of ``key``.

        It holds only the month names a text of that key (:func:`month_key`)
        can match, and the second name after a slash only when the key has a
        slash: on such a text it matches exactly what the full pattern does,
        since what it leaves out can match nowhere in it. Compiling the month
        names of 27 languages into each form was the largest cost of a
        process's first capture; an ASCII line without a slash needs about
        half of the names and no second name. Each ``(name, key)`` pair is
        compiled once.
        """
        groups, slash = key
        if slash and len(groups) == len(_month_split().groups):
            return self._get(name)  # every name can match: the full pattern
        pattern = self._compiled.get((name, key))
        if pattern is None:
            pattern = self._compiled[(name, key)] = self._covering(name, key)
        return pattern

    def _covering(self, name: str, key: MonthKey) -> regex.Pattern[str]:
        """A form ``name`` for texts of ``key``: one compiled already if it covers them, else a new one.

        A form holding more names than a text can match finds the same in it, so a
        form compiled for a wider key (more script groups, or the slash) serves too,
        and so does the full pattern. The first form of a process holds only the
        names of its key (a process that cleans one capture compiles no more); from
        the second key on, the full pattern is compiled once instead of one form per
        key: each variant cost about as much to compile as the full pattern (20–60 ms).
        """
        groups, slash = key
        full = self._compiled.get(name)
        if full is not None:
            return full
        # a form without the second name after a slash is the same with or without it
        any_slash = slash and not self._reads_slash(name)
        have = [k for k in self._compiled if isinstance(k, tuple) and k[0] == name]
        for _, (have_groups, have_slash) in have:
            if groups <= have_groups and (have_slash or not slash or any_slash):
                return self._compiled[(name, (have_groups, have_slash))]
        if have:
            return self._get(name)
        months = _month_subset_alternation(groups)
        if months is None:  # the core names come from every language: never empty
            raise DataError("data file 'dates.json': no month name matches ASCII text")
        return regex_compile(self._forms(months, slash)[name], self._flags)

    def _reads_slash(self, name: str) -> bool:
        """Whether the month-name form ``name`` changes when a text holds a slash."""
        months = _month_alternation()
        return bool(self._forms(months, True)[name] != self._forms(months, False)[name])

    def month_form_at(self, name: str, key: MonthKey, firsts: frozenset[str]) -> regex.Pattern[str] | None:
        """:meth:`month_form` for a match starting at a character of :func:`month_firsts` ``firsts``.

        For the forms whose month name starts the match (``name_mdy``,
        ``js_date``): only the names starting with one of ``firsts`` can match
        there, so the form holds only those (a few dozen names instead of
        hundreds); None when no name does. Matched at that character, it finds
        exactly what :meth:`month_form` finds.
        """
        cache_key = (name, key, firsts)
        if cache_key in self._starting:
            return self._starting[cache_key]
        months = _month_subset_alternation(key[0], firsts)
        pattern = None if months is None else regex_compile(self._forms(months, key[1])[name], self._flags)
        self._starting[cache_key] = pattern
        return pattern

    @property
    def ymd(self) -> regex.Pattern[str]:
        return self._get("ymd")

    @property
    def numeric(self) -> regex.Pattern[str]:
        return self._get("numeric")

    @property
    def cjk(self) -> regex.Pattern[str]:
        return self._get("cjk")

    @property
    def name_dmy(self) -> regex.Pattern[str]:
        return self._get("name_dmy")

    @property
    def name_mdy(self) -> regex.Pattern[str]:
        return self._get("name_mdy")

    @property
    def name_ymd(self) -> regex.Pattern[str]:
        return self._get("name_ymd")

    @property
    def js_date(self) -> regex.Pattern[str]:
        return self._get("js_date")

    @property
    def dmy_tail(self) -> regex.Pattern[str]:
        return self._get("dmy_tail")

    @property
    def mdy_tail(self) -> regex.Pattern[str]:
        return self._get("mdy_tail")

    @property
    def ymd_tail(self) -> regex.Pattern[str]:
        return self._get("ymd_tail")

    @property
    def js_tail(self) -> regex.Pattern[str]:
        return self._get("js_tail")

    @property
    def time_after(self) -> regex.Pattern[str]:
        return self._get("time_after")

    @property
    def time_any(self) -> regex.Pattern[str]:
        return self._get("time_any")

    @property
    def tz_after(self) -> regex.Pattern[str]:
        return self._get("tz_after")

    @property
    def relative(self) -> regex.Pattern[str]:
        return self._get("relative")

    @property
    def label(self) -> regex.Pattern[str]:
        return self._get("label")

    @property
    def unix_line(self) -> regex.Pattern[str]:
        return self._get("unix_line")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    voc = vocabulary()
    tz_words = _words(k for k in voc.timezones if k != "z")
    tz = (
        r"(?P<tz>(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}:?\d{2}(?!\d)"
        rf"|(?<![\w])(?:{tz_words})(?!\w))"
    )
    # H:M[:S] with optional am/pm, "15h41", "11時00分", "16시 34분".
    clock = (
        r"(?P<H>[01]?\d|2[0-4])\s?(?:[:：.]|h(?=\d)|時|시\s?)(?P<M>[0-5]\d)(?:분|分)?"
        r"(?:[:.](?P<S>[0-5]\d)(?:[.,]\d{1,9})?)?"
        r"(?:\s?(?P<ampm>[ap]\.?\s?m\b\.?))?(?!\d|[.,]\d)"
    )
    connector = rf"(?:T|[.\-–—|,/@]|{_words(voc.connectors)})"
    flags = regex.IGNORECASE
    rel_before = _words(voc.before)
    rel_after = _words(voc.after)
    units = _words(voc.units)
    days = _words(voc.days)
    number = rf"(?P<n>\d{{1,3}}|{_words(voc.numbers)})"
    label = _words(lbl for lbl, _, _ in voc.labels)
    # What follows the month name in each month-name form; compiled on their own too, so
    # that a month name found in a line is tried only when the right shape follows it.
    # A year ends where digits stop, or where a clock glued to it starts ("28 luglio 202010:43",
    # blocks of a page joined without a space).
    year_end = r"(?:(?!\d)|(?=\d{1,2}:[0-5]\d(?!\d)))"
    mdy_tail = rf"\.?\s{{0,2}}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s{{0,2}}|\s{{1,2}}|\.\s?){_YEAR}{year_end}"
    ymd_tail = r"\.?\s(?P<d>[0-3]?\d)\.?(?:\s?d\.)?(?![\w])"
    js_tail = (
        r"\.?\s(?P<d>[0-3]?\d)\s(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d):(?P<S>[0-5]\d)"
        rf"\s(?:{tz}\s)?(?:\([^()\n]{{1,60}}\)\s)?{_YEAR}(?!\d)"
    )

    def forms(months: str, slash: bool) -> dict[str, str]:
        """The sources of the forms holding month names, given their alternation."""
        mon = rf"(?P<mon>{months})"
        # A second name of the same month after a slash ("24 نيسان / أبريل 2020": the Levantine
        # and the Egyptian name, printed side by side).
        second = rf"(?:\s?/\s?(?:{months}))?" if slash else ""
        dmy_tail = (
            # the blank run before "de" tried from its first character only (where the tail
            # starts, \G, or after a non-blank) and taken whole: linear on its own
            rf"\.?{second}(?:(?:\G|(?<!\s))\s++(?:de|del)|\s?,)?[\s/.-]{{0,3}}"
            rf"(?:(?P<y>(?:19|20)\d\d){year_end}|(?P<yy>[0-3]\d)(?=\s{{0,3}}(?:à|at|um|,|-|\|)?\s{{0,3}}\d{{1,2}}[:h]\d\d))"
        )
        return dict(
            name_dmy=(
                r"(?<![\d_.,/-]|(?-i:[A-Z]))(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°|ª|-?го|\.)?"
                rf"(?:\s+de|\s+del|\s+d')?[\s/-]{{0,3}}{mon}{dmy_tail}"
            ),
            name_mdy=rf"(?<![\w.-]){mon}{mdy_tail}",
            name_ymd=rf"(?<![\w.-]){_YEAR}\.?\s(?:m\.\s)?{mon}{ymd_tail}",
            js_date=rf"(?<![\w]){mon}{js_tail}",
            dmy_tail=dmy_tail,
        )

    return _Patterns(
        dict(
            ymd=(
                rf"{_NOT_BEFORE}{_YEAR}(?:(?P<sep>[-/]|\s/\s)(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)|(?P<dot>\.\s?)(?P<m>[01]\d)(?P=dot)(?P<d>[0-3]\d))"
                rf"\.?(?:(?=T\d)|{_NOT_AFTER})",
                flags,
            ),
            # A year may touch a capitalised word: blocks joined without a space
            # ("18.11.2019Get short URL"); not a lower-case letter or an all-capital code.
            numeric=(
                rf"{_NOT_BEFORE}(?P<a>[0-3]?\d)(?P<sep>[./-]|\s/\s)(?P<b>[01]?\d|[0-3]\d)(?P=sep){_YEAR}(?!\d|[.,/:-]\d|-\w|(?-i:[a-z]|[A-Z](?![a-z])))",
                flags,
            ),
            cjk=(
                rf"{_YEAR}\s?[年년]\s?(?P<m>[01]?\d)\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]?",
                flags,
            ),
            mdy_tail=(mdy_tail, flags),
            ymd_tail=(ymd_tail, flags),
            js_tail=(js_tail, flags),
            time_after=(rf"\s{{0,3}}(?:{connector}\s{{0,3}}){{0,2}}{clock}", flags),
            time_any=(rf"(?<![\w.:,/-]){clock}(?![\w]|[:.]\d)", flags),
            tz_after=(rf"(?:Z(?!\w)|\s{{0,2}}\(?{tz}\)?)", flags),
            relative=(
                rf"(?<!\w)(?:(?:{rel_before})\s{{1,3}}{number}\s{{0,2}}(?P<u>{units})\b"
                rf"|{number}\s{{0,2}}(?P<u2>{units})\.?\s{{1,3}}(?:{rel_after})\b"
                rf"|(?P<day>{days}))(?!\w)",
                flags,
            ),
            label=(rf"(?<!\w)(?P<label>{label})(?!\w)\s{{0,3}}[:：]?", flags),
            # blanks tried from a run's first character (or where a search resumes, \G) and
            # taken whole: linear on its own
            unix_line=(r"(?:\G|(?<!\s))\s*+(?P<n>\d{10}|\d{13})\s*+", 0),
        ),
        forms,
        flags,
    )


#: Arabic-Indic, Persian and full-width digits -> ASCII (same length, so spans stay valid).
_DIGITS = {
    **{0x0660 + i: 0x30 + i for i in range(10)},
    **{0x06F0 + i: 0x30 + i for i in range(10)},
    **{0xFF10 + i: 0x30 + i for i in range(10)},
}


#: A word of a label (``regex.findall(r"\w+", label)`` looked the source up in the
#: engine's cache on each of a few hundred calls).
_WORDS = regex_compile(r"\w+")
_LETTERS = regex_compile(r"[^\W\d_]+")
_LETTER = regex_compile(r"[^\W\d_]")


#: Every fast-path date holds a four-digit year, except a day-month-``yy`` date, which a clock follows.
_YEAR_GATE = re.compile(r"(?:19|20)\d\d")


#: Endings a day may carry glued to the month name that follows ("5thMarch", "1erjanvier").
_GLUED = ("st", "nd", "rd", "th", "er", "го", "de", "del")


#: ASCII letters kept, every other ASCII character a space (``_letter_runs``' fast path).
_ASCII_LETTERS = str.maketrans({chr(c): chr(c) if chr(c).isalpha() else " " for c in range(128)})


#: Common non-ASCII characters that are neither letters, digits nor marks (quotes, dashes,
#: spaces, symbols): a line whose only non-ASCII characters are these is read through an
#: ASCII view of the same length.
_PLAIN_PUNCTUATION = (
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2015\u2026\u00a0\u00ab\u00bb\u2022"
    "\u00a9\u00ae\u20ac\u00a3\u2032\u2033\u2122\u00b0\u2009\u202f\u200b\u203a\u2039\u2212\u00b7"
    "\u00d7\u25ba\u2192\u00a7\u00b6"
)
_NOT_PLAIN = re.compile(f"[^\\x00-\\x7f{_PLAIN_PUNCTUATION}]")


def _ascii_view(text: str) -> str | None:
    """``text`` with each :data:`_PLAIN_PUNCTUATION` character as ``?``, or None.

    The view has the same length and the same runs of letters, digits and
    word characters as ``text``; None when ``text`` holds other non-ASCII
    characters.

    >>> _ascii_view("It’s 5 — fine"), _ascii_view("März")
    ('It?s 5 ? fine', None)
    """
    if text.isascii():
        return text
    if _NOT_PLAIN.search(text) is not None:
        return None
    return text.encode("ascii", "replace").decode("ascii")


def _letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text`` (``[^\\W\\d_]+``), with a fast path for ASCII text.

    >>> _letter_runs("On 5th March, 2024")
    ['On', 'th', 'March']
    """
    view = _ascii_view(text)
    if view is not None:
        return view.translate(_ASCII_LETTERS).split()
    return list(_LETTERS.findall(text))


#: Letters that ``str.lower`` leaves apart but case-insensitive matching joins (``MAYIS``
#: matches ``mayıs``); mapped to one form so a month name is found however it is cased.
_FOLD = str.maketrans({"ı": "i", "ς": "σ", "ſ": "s", "µ": "μ"})


_FOLD_NEEDED = re.compile("[\u0131\u03c2\u017f\u00b5\u0307]")


def _fold(word: str) -> str:
    """Lower-case ``word`` and join the letters of :data:`_FOLD` (and drop a combining dot above)."""
    low = word.lower()
    if low.isascii() or _FOLD_NEEDED.search(low) is None:
        return low
    return low.replace("\u0307", "").translate(_FOLD)


@lru_cache(maxsize=1)
def _folded_months() -> Mapping[str, int]:
    """:attr:`Vocabulary.months` keyed by :func:`_fold` (forms that would clash are left out)."""
    out: dict[str, int] = {}
    clashes: set[str] = set()
    for name, number in vocabulary().months.items():
        key = _fold(name)
        if out.get(key, number) != number:
            clashes.add(key)
        out[key] = number
    return {k: v for k, v in out.items() if k not in clashes}


@lru_cache(maxsize=1)
def _glued_months() -> Mapping[str, int]:
    """Folded month names with a day ending glued before them -> length of that ending."""
    out: dict[str, int] = {}
    for end in _GLUED:
        for name in _folded_months():
            out.setdefault(end + name, len(end))
    return out


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Every run of letters that may hold a month name (whole or glued)."""
    return frozenset(_folded_months()) | frozenset(_glued_months())
