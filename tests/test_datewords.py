"""Tests of ``newsclean.datewords``: the word tables, and that their trie patterns match as plain word lists would."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.data import alternation
from newsclean.datewords import (
    YEAR_MAX,
    YEAR_MIN,
    _month_split,
    _patterns,
    month_firsts,
    month_key,
    vocabulary,
)

MONTHS = sorted(vocabulary().months)


def _compiled(body: str) -> regex.Pattern[str]:
    # The month group as the date patterns use it: case-insensitive, a shape after it.
    return regex.compile(rf"(?<![\w.-])(?P<mon>{body})\.?\s(?P<d>[0-3]?\d)", regex.IGNORECASE)


def _flat(words: list[str]) -> str:
    """The plain reference: every entry, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


FLAT = _compiled(_flat(MONTHS))
TREE = _compiled(alternation(MONTHS, ignorecase=True))


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("mon")) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(MONTHS), min_size=1, max_size=4),
    st.lists(
        st.sampled_from([" ", "  ", ". ", "5 ", "12", ",", "x", "-", "É", "ı", "I"]), min_size=1, max_size=6
    ),
    st.booleans(),
)
def test_tree_matches_what_the_flat_list_matches(names: list[str], glue: list[str], upper: bool) -> None:
    parts = [n.upper() if upper else n.title() for n in names]
    text = "".join(p + glue[k % len(glue)] + str(k + 1) + " " for k, p in enumerate(parts))
    assert _spans(TREE, text) == _spans(FLAT, text)


def test_tree_leaves_words_that_only_start_like_months() -> None:
    text = "Marching 5 bands, Mayor 3 votes, Junebug 4 times"
    assert _spans(TREE, text) == _spans(FLAT, text) == []


VOC = vocabulary()
GROUPS = {
    "time zones": [k for k in VOC.timezones if k != "z"],
    "relative openers": list(VOC.before),
    "relative closers": list(VOC.after),
    "units": list(VOC.units),
    "days": list(VOC.days),
    "labels": [label for label, _, _ in VOC.labels],
}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(GROUPS)),
    st.data(),
    st.sampled_from([" ", ": ", "s ", "x", "-", "ı", "I", "Σ"]),
    st.booleans(),
)
def test_every_word_group_matches_as_its_flat_list(
    group: str, data: st.DataObject, glue: str, upper: bool
) -> None:
    words = GROUPS[group]
    picked = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=4))
    text = glue.join(w.upper() if upper else w for w in picked) + glue
    tree = regex.compile(rf"(?<!\w)(?:{alternation(words, ignorecase=True)})", regex.IGNORECASE)
    flat = regex.compile(rf"(?<!\w)(?:{_flat(words)})", regex.IGNORECASE)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_month_names_of_all_languages_map_to_their_number() -> None:
    months = VOC.months
    assert months["march"] == months["mars"] == months["märz"] == months["marzo"] == 3
    assert months["december"] == 12
    assert all(1 <= n <= 12 for n in months.values())
    assert all(name == name.lower() for name in months)


def test_year_bounds_are_the_plausible_range() -> None:
    assert YEAR_MIN <= 1995 and YEAR_MAX >= 2040
    assert YEAR_MIN < YEAR_MAX


def test_plain_punctuation_holds_no_word_characters() -> None:
    """The ASCII view may replace these characters only because no pattern reads them."""
    from newsclean.datewords import _PLAIN_PUNCTUATION, _ascii_view

    for ch in _PLAIN_PUNCTUATION:
        assert not regex.match(r"\w", ch), repr(ch)
    assert _ascii_view("It’s 5\u00a0March — 2020") == "It?s 5?March ? 2020"
    assert _ascii_view("5 März 2020") is None


def test_relative_number_words_and_time_connectors_come_from_the_data() -> None:
    assert VOC.numbers["einer"] == VOC.numbers["une"] == VOC.numbers["an"] == 1
    assert {"at", "um", "à", "a las", "godz."} <= VOC.connectors


# -- month-name forms holding only the names a line can match ------------------------------
_FORMS = ("name_dmy", "name_mdy", "name_ymd", "js_date", "dmy_tail")
_PIECES = [
    *(name for name in MONTHS[::3]),
    *(name.upper() for name in MONTHS[1::7]),
    "MAYIS", "5", "05", "2020", "12:30:00", " ", " / ", "/", ", ", ".", "-", "de ", "’", "“", "é", "th",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_month_forms_of_a_key_find_what_the_full_forms_find(parts: list[str]) -> None:
    text = "".join(parts)
    p = _patterns()
    key = month_key(text)
    for name in _FORMS:
        full = [(m.span(), m.groupdict()) for m in p._get(name).finditer(text)]
        assert [(m.span(), m.groupdict()) for m in p.month_form(name, key).finditer(text)] == full, name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_forms_tried_at_a_character_find_what_the_full_forms_find_there(parts: list[str]) -> None:
    text = "".join(parts)
    p = _patterns()
    key = month_key(text)
    for name in ("name_mdy", "js_date"):
        full = p._get(name)
        for start in range(len(text)):
            at = p.month_form_at(name, key, month_firsts(text[start]))
            got = at.match(text, start) if at is not None else None
            want = full.match(text, start)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def test_month_firsts_are_the_first_letters_a_character_matches() -> None:
    assert month_firsts("M") == month_firsts("m") == frozenset({"m"})
    assert month_firsts("5") == frozenset() and month_firsts(" ") == frozenset()
    p = _patterns()
    key = (frozenset(), False)
    assert p.month_form_at("name_mdy", key, frozenset()) is None  # no name starts there
    only_m = p.month_form_at("name_mdy", key, month_firsts("M"))
    assert only_m is not None and only_m.match("May 5, 2020") and only_m.match("June 5, 2020") is None


def test_month_key_names_the_scripts_a_line_holds_and_its_slash() -> None:
    assert month_key("Published March 5, 2020") == (frozenset(), False)
    assert month_key("“Published” 5 MAYIS 2020 — 10:43") == (frozenset(), False)  # ı matches I
    assert month_key("5. März 2020 / 6 мая") == (frozenset({"LATIN", "CYRILLIC"}), True)
    assert month_key("24 نيسان / أبريل 2020") == (frozenset({"ARABIC"}), True)


def test_month_forms_leave_out_only_names_a_line_cannot_match() -> None:
    p = _patterns.__wrapped__()  # a fresh set: the first key compiled holds only its names
    ascii_form = p.month_form("name_mdy", (frozenset(), False))
    assert ascii_form.match("March 5, 2020") and ascii_form.match("MAYIS 5, 2020")
    assert ascii_form.match("März 5, 2020") is None  # a line holding "ä" gets the LATIN names too
    assert p.month_form("name_mdy", (frozenset({"LATIN"}), False)).match("März 5, 2020")
    # without a slash in the line, no second month name (nor its alternation) after one
    p = _patterns.__wrapped__()
    assert len(p.month_form("dmy_tail", (frozenset(), False)).pattern) < 200 < len(p.dmy_tail.pattern)
    p = _patterns()
    every = (frozenset(_month_split().groups), True)
    assert p.month_form("name_dmy", every) is p.name_dmy  # every name can match: the full pattern


def test_a_second_key_compiles_the_full_form_and_narrower_keys_reuse_a_wider_one() -> None:
    p = _patterns.__wrapped__()  # a fresh set: nothing compiled yet
    ascii_form = p.month_form("dmy_tail", (frozenset(), False))
    assert len(ascii_form.pattern) < 200  # the first key of a process: only its names
    slash_form = p.month_form("dmy_tail", (frozenset(), True))
    assert slash_form is p.dmy_tail  # a second key: the full form, compiled once
    assert p.month_form("dmy_tail", (frozenset({"CYRILLIC"}), False)) is p.dmy_tail
    q = _patterns.__wrapped__()
    wide = q.month_form("name_dmy", (frozenset({"LATIN"}), True))
    assert q.month_form("name_dmy", (frozenset(), False)) is wide  # a wider key covers a narrower one
    # name_ymd reads no second name: a key that differs only by the slash is covered too
    plain = q.month_form("name_ymd", (frozenset(), False))
    assert q.month_form("name_ymd", (frozenset(), True)) is plain


_KEYS = [(frozenset(groups), slash) for groups in ((), ("LATIN",), ("CYRILLIC",), ("ARABIC", "GREEK")) for slash in (False, True)]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_KEYS), max_size=4), st.lists(st.sampled_from(_PIECES), max_size=10))
def test_month_forms_find_what_the_full_forms_find_whatever_was_compiled_before(
    earlier: list[tuple[frozenset[str], bool]], parts: list[str]
) -> None:
    text = "".join(parts)
    p = _patterns.__wrapped__()
    full = _patterns()
    for name in _FORMS:
        for key in earlier:
            p.month_form(name, key)
        want = [(m.span(), m.groupdict()) for m in full._get(name).finditer(text)]
        assert [(m.span(), m.groupdict()) for m in p.month_form(name, month_key(text)).finditer(text)] == want


# -- MonthPattern: a pattern holding the month names a text can match ----------------------
def _pattern_sources() -> list[object]:
    import newsclean.dateparse as dp

    return [dp._yearless_source, dp._short_named_source]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=3),
    st.lists(st.sampled_from(_PIECES), max_size=10),
    st.sampled_from([0, 1]),
)
def test_a_month_pattern_finds_what_the_full_pattern_finds_whatever_was_compiled_before(
    earlier: list[str], parts: list[str], which: int
) -> None:
    from newsclean.datewords import MonthPattern

    build = _pattern_sources()[which]
    fresh = MonthPattern(build, regex.IGNORECASE)  # type: ignore[arg-type]
    full = MonthPattern(build, regex.IGNORECASE).full()  # type: ignore[arg-type]
    for before in earlier:
        fresh.for_text(before)
    text = "".join(parts)
    want = [(m.span(), m.groupdict()) for m in full.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in fresh.for_text(text).finditer(text)] == want


def test_a_month_pattern_holds_the_first_texts_names_then_every_name() -> None:
    import newsclean.dateparse as dp
    from newsclean.datewords import MonthPattern

    p = MonthPattern(dp._yearless_source, regex.IGNORECASE)
    first = p.for_text("Updated Nov 19")
    assert first.search("Updated Nov 19") and first.search("19. März") is None  # only the ASCII names
    assert p.for_text("Nov 19 / Dec 2") is first  # same script groups (the slash plays no part here)
    wider = p.for_text("19. März")
    assert wider is p.full() and wider.search("19. März")
    assert p.for_text("Nov 19") is wider  # from then on, the full pattern
