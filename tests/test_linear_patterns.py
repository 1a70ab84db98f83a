"""Module-level patterns rewritten to be linear on their own.

Each rewritten pattern is compared with its earlier, super-linear form on random text
built from the characters it cares about (the answers its callers read must not
change), and run under a ``regex`` timeout on the input that made the earlier form
quadratic, so a relapse fails instead of hanging. ``python -m benchmarks.patterns``
audits every module-level pattern this way.
"""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import dateparse_slow, datewords, inputs
from newsclean.html import meta
from newsclean.stages import (
    _byline,
    _header,
    _related,
    _title,
    injection_body,
    injection_title,
    spinner_swaps,
    spinner_table,
)
from newsclean.stages import boilerplate_features as bf
from newsclean.stages import boilerplate_vocab as bv

#: Long enough that the earlier forms take seconds (they were quadratic in it), short
#: enough that the linear forms take milliseconds.
_RUN = 60_000
#: A relapse to quadratic cost fails here instead of hanging the suite.
_TIMEOUT = 2.0

_OLD_TITLE_SEPARATORS = r"\s+[|–—\-:·•»/]+\s+"
_OLD_WORDED = r"(?<!\d)(?:[0-3]?\d\W{0,3}[^\W\d_]{3,}[^\d]{0,12}?|[^\W\d_]{3,}\W{0,3}[0-3]?\d\W{0,3})(?:19|20)\d\d(?!\d)"
_OLD_HTML_TAG = r"</?(?:p|div|span|a|br|li|ul|table|td|h[1-6]|article|section|script|meta|img)\b[^>]*>"

_OLD_BYLINE_CUT = (
    r"\s+[|•·–—/-]\s*|\s*[|•·]\s*|\s*\(|\s+(?:on|am|le|el|il|op)\s+\d|\s+\p{Ll}[^\s@]*@|@"
    r"|(?<=\p{L})(?=\d)|\s+(?i:for|für|pour|para|per|voor)\s+(?=\p{Lu})"
)
_OLD_DATE_LEAD = r"\s+(?i:on|am|le|el|il|op|den|du|del|de|em)\s*$"
_OLD_URLISH = r"https?://|www\.\S+/|©|\(c\)\s*\d{4}"
_OLD_TRAILER = r"\s*(?:[»›→>]+|\.{3}|…)\s*$"
_OLD_DOMAIN = r"^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$"

_OLD_SITE_SEP = r"\s*\|\s*|\s+-{1,2}\s*|\s+[–—·•~]\s*|\s*[–—·•]\s+|\s*::\s*|\s+:\s+|\s+«\s+|\s+»\s+"
_OLD_BC_SEP = r"\s*(?:>>|[>»›→＞]|(?<=\s)/(?=\s))\s*"

_BLANKS = [" ", "  ", "\t", "\n", "\u00a0"]


def _spans(pattern: regex.Pattern[str] | str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(pattern, text)]


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from([*_BLANKS, "|", "-", "–", "—", ":", "·", "/", "»", "a", "News", "x-y"]), max_size=16
    )
)
def test_title_separators_split_as_their_earlier_form(parts: list[str]) -> None:
    title = "".join(parts)
    assert _spans(meta._TITLE_SEPARATORS, title) == _spans(_OLD_TITLE_SEPARATORS, title)
    assert meta._TITLE_SEPARATORS.split(title) == regex.split(_OLD_TITLE_SEPARATORS, title)


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1", "2", "3", "0", "9", "19", "20", "2019", "a", "May", "Ж", "ab", " ", ",", ".", "-", "_"]
        ),
        max_size=14,
    )
)
def test_worded_date_shape_is_found_where_its_earlier_form_found_one(parts: list[str]) -> None:
    text = "".join(parts)
    assert (dateparse_slow._WORDED.search(text) is None) == (regex.search(_OLD_WORDED, text) is None)


def test_separators_and_worded_dates_are_linear_on_long_runs() -> None:
    blanks = " " * _RUN + "x"
    assert meta._TITLE_SEPARATORS.search(blanks, timeout=_TIMEOUT) is None
    connectors = _header._vocab().connectors  # the author value splitter's (and the byline's)
    assert connectors.search("et" + "\n" * _RUN, timeout=_TIMEOUT) is None
    assert dateparse_slow._WORDED.search("Ж" * _RUN + "!", timeout=_TIMEOUT) is None
    # and they still find what they are for
    assert meta._TITLE_SEPARATORS.split("Storm hits coast | Daily Planet") == [
        "Storm hits coast",
        "Daily Planet",
    ]
    assert meta._author_names("Ann Lee and Bo Chen") == ["Ann Lee", "Bo Chen"]
    assert dateparse_slow.looks_like_worded_date("15 अप्रैल 2020")


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<div class='a'>", "<a href='/x'>", "<br/>", "<em>", "<", ">", "text", " ", "\n"]
        ),
        max_size=20,
    )
)
def test_html_tag_counts_as_its_earlier_form_where_no_tag_holds_a_lt(parts: list[str]) -> None:
    head = "".join(parts)
    assert inputs._HTML_TAG.findall(head) == re.findall(_OLD_HTML_TAG, head, re.I)


def test_html_tag_stops_at_the_next_tag_start() -> None:
    # the earlier form scanned from every "<a" to the end of a run with no ">"
    run = "<a" * (_RUN // 2)
    assert inputs._HTML_TAG.findall(run) == []
    assert inputs.sniff_kind("<div><p>One</p><p>Two</p><br><span>x</span></div>") == "html"
    assert inputs.sniff_kind("a < b and c > d, said the <p> maths teacher") == "text"


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *_BLANKS,
                "|",
                "•",
                "-",
                "—",
                "/",
                "(",
                "@",
                "on",
                "am",
                "de",
                "for",
                "para",
                "Jane",
                "doe",
                "Doe",
                "7",
                "x@",
            ]
        ),
        max_size=14,
    )
)
def test_byline_cuts_fall_where_their_earlier_forms_fell(parts: list[str]) -> None:
    s = "".join(parts)
    old = regex.search(_OLD_BYLINE_CUT, s)
    new = _byline._BYLINE_CUT.search(s)
    assert (old and old.span()) == (new and new.span())
    assert _byline._DATE_LEAD.sub("", s) == regex.sub(_OLD_DATE_LEAD, "", s)


@settings(deadline=None)
@given(st.lists(st.sampled_from([*_BLANKS, "»", ">", "→", ".", "...", "…", "a", "More"]), max_size=14))
def test_related_trailer_is_cut_as_by_its_earlier_form(parts: list[str]) -> None:
    s = "".join(parts)
    assert _related._TRAILER.sub("", s) == regex.sub(_OLD_TRAILER, "", s)


@settings(deadline=None)
@given(
    st.lists(st.sampled_from(["www.", "www", ".", "a", "ab", "com", "-", "1", "/", " ", "é"]), max_size=12)
)
def test_domain_and_url_shapes_are_read_as_by_their_earlier_forms(parts: list[str]) -> None:
    s = "".join(parts)
    assert (_title._DOMAIN.match(s) is None) == (regex.match(_OLD_DOMAIN, s) is None)
    assert (_header._URLISH.search(s) is None) == (regex.search(_OLD_URLISH, s, regex.I) is None)


def test_byline_related_and_domain_patterns_are_linear_on_long_runs() -> None:
    assert _byline._BYLINE_CUT.search("para" + " " * _RUN, timeout=_TIMEOUT) is None
    assert _byline._DATE_LEAD.search("el" + "\n" * _RUN + "x", timeout=_TIMEOUT) is None
    assert _related._TRAILER.search("\u00a0" * _RUN + "!", timeout=_TIMEOUT) is None
    assert _related._TRAILER.search(">" * _RUN + "!", timeout=_TIMEOUT) is None
    assert _title._DOMAIN.match("-." * (_RUN // 2), timeout=_TIMEOUT) is None
    assert _header._URLISH.search("www.a" * (_RUN // 5), timeout=_TIMEOUT) is None
    # and they still find what they are for
    cut = _byline._BYLINE_CUT.search("Jane Doe | Staff Writer")
    assert cut is not None and cut.group() == " | "
    assert _related._TRAILER.sub("", "Storm hits coast »") == "Storm hits coast"
    assert _title._DOMAIN.match("www.example.co.uk") and not _title._DOMAIN.match("Storm hits coast")
    assert _header._URLISH.search("see www.example.com/news today")


_SEPARATOR_PARTS = [
    *_BLANKS,
    "|",
    "-",
    "--",
    "–",
    "—",
    "·",
    "•",
    "~",
    ":",
    "::",
    "«",
    "»",
    ">",
    ">>",
    "›",
    "/",
    "a",
    "News",
]


@settings(deadline=None)
@given(st.lists(st.sampled_from(_SEPARATOR_PARTS), max_size=14), st.integers(0, 20))
def test_title_separators_fall_where_their_earlier_forms_fell(parts: list[str], pos: int) -> None:
    # also from a start inside a blank run, as the breadcrumb reader searches
    s = "".join(parts)
    pos = min(pos, len(s))
    for new, old in ((_title._SITE_SEP, _OLD_SITE_SEP), (_title._BC_SEP, _OLD_BC_SEP)):
        a, b = new.search(s, pos, pos + 12), regex.compile(old).search(s, pos, pos + 12)
        assert (a and a.span()) == (b and b.span())
        assert [m.span() for m in new.finditer(s)] == [m.span() for m in regex.finditer(old, s)]


def test_title_separators_and_page_widgets_are_linear_on_long_runs() -> None:
    assert _title._SITE_SEP.search(" " * _RUN + "x", timeout=_TIMEOUT) is None
    assert _title._BC_SEP.search("\n" * _RUN + "a", timeout=_TIMEOUT) is None
    assert bf._WIDGET.match("share" + "\n" * _RUN, timeout=_TIMEOUT) is None
    assert bf._FOOTER.search("copyright" * (_RUN // 9), timeout=_TIMEOUT) is None
    # and they still find what they are for
    assert _title._SITE_SEP.split("Storm hits coast - Daily Planet") == ["Storm hits coast", "Daily Planet"]
    assert bf._WIDGET.match("likes: 12") and bf._WIDGET.match("Great! (4321)") and bf._WIDGET.match("12 ♥")
    assert bf._FOOTER.search("Copyright Reuters 2020") and bf._FOOTER.search("© 2021 All rights reserved")
    assert not bf._FOOTER.search("The copyright case was heard on Monday.")


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_BLANKS, "likes", "shares", ":", "12", "1,5", "k", "M", "(", ")", "♥", "👍", "Great!"]
        ),
        max_size=10,
    )
)
def test_widget_lines_are_read_as_by_the_earlier_form(parts: list[str]) -> None:
    # the earlier form: the same pattern with every possessive blank run greedy
    line = "".join(parts)
    old = regex.compile(bf._WIDGET.pattern.replace(r"\s*+", r"\s*"), bf._WIDGET.flags)
    assert (bf._WIDGET.match(line) is None) == (old.match(line) is None)


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_BLANKS, ",", ";", "|", "•", "·", "@", ".", "a", "b.c", "http://", "www.", "-", "#"]
        ),
        max_size=12,
    )
)
def test_tag_lists_addresses_and_separators_are_read_as_by_the_earlier_forms(parts: list[str]) -> None:
    s = "".join(parts)
    assert bf._TAG_SPLIT.split(s) == regex.split(r"\s*[,;|•·]\s*", s)
    old_url = r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$|^@\w+$"
    assert (bf._URL.match(s) is None) == (regex.match(old_url, s) is None)
    old_separator = r"^(?:[-_=*~#.·•+<>|/\\]\s*){3,}$"
    assert (bf._SEPARATOR.match(s) is None) == (regex.match(old_separator, s) is None)


def test_tag_lists_and_addresses_are_linear_on_long_runs() -> None:
    assert bf._TAG_SPLIT.search(" " * _RUN + "x", timeout=_TIMEOUT) is None
    assert bf._URL.match("@a" * (_RUN // 2), timeout=_TIMEOUT) is None
    assert bf._URL.match("jane.doe@example.com") and not bf._URL.match("jane@example")
    assert bf._TAG_SPLIT.split("Politics, Europe | Trade") == ["Politics", "Europe", "Trade"]


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from([*_BLANKS, "(", ")", "12", "1,5", "k", "M", ".", "!", "»", "©", "Share", "a"]),
        max_size=12,
    )
)
def test_line_counts_are_cut_as_by_the_earlier_form(parts: list[str]) -> None:
    s = "".join(parts)
    old_count = r"^\(?\d[\d,.]*[kKmM]?\)?\s+|\s+\(?\d[\d,.]*[kKmM]?\)?$"
    assert bv._COUNT_AFFIX.sub("", s) == regex.sub(old_count, "", s)


def test_line_counts_are_linear_on_long_runs() -> None:
    assert bv._COUNT_AFFIX.search("a" + "\u00a0" * _RUN + "!", timeout=_TIMEOUT) is None
    assert bv._COUNT_AFFIX.sub("", "Share (12)") == "Share"


@settings(deadline=None)
@given(
    st.lists(st.sampled_from([" ", "\t", "  ", "\n", "a", "Bc", "1", "'", "-", "!", "é"]), max_size=12),
    st.integers(0, 12),
)
def test_neighbour_words_are_read_as_by_the_earlier_forms(parts: list[str], pos: int) -> None:
    s = "".join(parts)
    pos = min(pos, len(s))
    old_prev = regex.compile(r"(\S+)[ \t]+$")
    old_next = regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)")
    a, b = injection_body._PREV_WORD.search(s, pos, len(s)), old_prev.search(s, pos, len(s))
    assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))
    for new in (injection_body._NEXT_WORD, spinner_table._NEXT_WORD):
        a, b = new.match(s, pos), old_next.match(s, pos)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))
        assert [m.span() for m in new.finditer(s)] == [m.span() for m in old_next.finditer(s)]


def test_neighbour_words_are_linear_on_long_runs() -> None:
    assert injection_body._PREV_WORD.search("a" * _RUN + " !", timeout=_TIMEOUT) is None
    assert injection_body._NEXT_WORD.search(" " * _RUN + "!", timeout=_TIMEOUT) is None
    assert spinner_table._NEXT_WORD.search("\t" * _RUN + "!", timeout=_TIMEOUT) is None


_OLD_SEP = r"""
    [ \t]*(?:::|[|｜丨–—－：_])[ \t]*
    | [ \t]+[-:·•][ \t]+
    | [ \t]+-(?=\S)
    | (?<=\S)-[ \t]+
    | (?<=[\p{L}.!?)\]’'”])-(?=[\p{Lu}\p{N}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=\p{N})-(?=[\p{Lu}"“‘'«\[(\p{Han}\p{Hiragana}\p{Katakana}])
    | (?<=[\p{Han}\p{Hiragana}\p{Katakana}])-(?=\S)
    | [ \t]*:(?!(?<=\p{N}:)\p{N})[ \t]*
    """
_TITLE_PARTS = [
    " ",
    "\t",
    "  ",
    "-",
    ":",
    "::",
    "|",
    "｜",
    "–",
    "·",
    "_",
    "a",
    "Ab",
    "1",
    "中",
    "(",
    "【",
    ")",
    "】",
    "!",
]


@settings(deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PARTS), max_size=14), st.integers(0, 10))
def test_title_segments_are_cut_as_by_the_earlier_forms(parts: list[str], area: int) -> None:
    line = "".join(parts)
    area = min(area, len(line))
    old_sep = regex.compile(_OLD_SEP, regex.VERBOSE)
    old_bracket = regex.compile(r"[ \t]*[【\[「〖《(（]|[】\]」〗》)）][ \t]*")
    for new, old in ((injection_title._SEP, old_sep), (injection_title._BRACKET, old_bracket)):
        assert [m.span() for m in new.finditer(line, area)] == [m.span() for m in old.finditer(line, area)]


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(['"', "'", "“", "(", "«", "»", ")", ".", "!", "…", "a", "Bc", "\n", " "]), max_size=12
    )
)
def test_chunk_cores_are_read_as_by_the_earlier_form(parts: list[str]) -> None:
    chunk = "".join(parts)
    old = regex.match(r"^[\"'“‘(\[«]*(.*?)[\"'”’)\]».,;:!?…]*$", chunk)
    new = spinner_swaps._CORE.match(chunk)
    assert (old and old.group(1)) == (new and new.group(1))


def test_title_segments_and_chunk_cores_are_linear_on_long_runs() -> None:
    assert injection_title._SEP.search(" " * _RUN + "a", timeout=_TIMEOUT) is None
    assert injection_title._BRACKET.search("\t" * _RUN + "a", timeout=_TIMEOUT) is None
    assert spinner_swaps._CORE.match("!" * _RUN + "a" + "\n!", timeout=_TIMEOUT) is None
    core = spinner_swaps._CORE.match('"once morest!"')
    assert core is not None and core.group(1) == "once morest"


@settings(deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\t", "1234567890", "123", "1", "a"]), max_size=10))
def test_unix_time_lines_are_read_as_by_the_earlier_form(parts: list[str]) -> None:
    line = "".join(parts)
    old = regex.compile(r"\s*(?P<n>\d{10}|\d{13})\s*")
    new = datewords._patterns().unix_line
    a, b = new.fullmatch(line), old.fullmatch(line)
    assert (a and a.group("n")) == (b and b.group("n"))
    assert [m.span() for m in new.finditer(line)] == [m.span() for m in old.finditer(line)]


def test_unix_time_lines_are_linear_on_long_runs() -> None:
    assert datewords._patterns().unix_line.search(" " * _RUN + "!", timeout=_TIMEOUT) is None


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from([" ", "\n", "  ", ":", "：", "Read also", "Lesen Sie auch", "News", "a"]), max_size=8
    )
)
def test_related_labels_are_read_as_by_the_earlier_form(parts: list[str]) -> None:
    line = "".join(parts)
    new = _related._labels().inline
    old = regex.compile(new.pattern.replace(r"\s*+", r"\s*"), new.flags)
    a, b = new.match(line), old.match(line)
    assert (a and a.groupdict()) == (b and b.groupdict())


def test_related_labels_are_linear_on_long_runs() -> None:
    assert _related._labels().inline.match("Gerelateerd" + " " * _RUN, timeout=_TIMEOUT) is None
    assert _related._labels().inline.match("Read also: Storm hits coast") is not None


def _earlier_header_forms() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The byline label and name connector patterns as they were built before."""
    v = _header._vocab()
    label_alt = v.byline_label.pattern[len("^(?:") : v.byline_label.pattern.index(r")\s*+")]
    conn_alt = v.connectors.pattern.split(r"\s++(?:", 1)[1].rsplit(r")\s++", 1)[0]
    old_label = regex.compile(rf"^(?:{label_alt})\s*[:：]?\s+(?=\S)", regex.IGNORECASE)
    old_conn = regex.compile(rf"\s*,\s*(?:(?:{conn_alt})\s+)?|\s+(?:{conn_alt})\s+", regex.IGNORECASE)
    return old_label, old_conn


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from([" ", "\n", "  ", ":", "By", "Von", "Jane", "and", "und", ",", "&", "x"]), max_size=10
    )
)
def test_byline_labels_and_name_connectors_are_read_as_by_the_earlier_forms(parts: list[str]) -> None:
    s = "".join(parts)
    v = _header._vocab()
    old_label, old_conn = _earlier_header_forms()
    a, b = v.byline_label.match(s), old_label.match(s)
    assert (a and a.span()) == (b and b.span())
    assert v.connectors.split(s) == old_conn.split(s)


def test_byline_labels_and_name_connectors_are_linear_on_long_runs() -> None:
    v = _header._vocab()
    assert v.byline_label.match("By" + " " * _RUN, timeout=_TIMEOUT) is None
    assert v.connectors.search("co" + " " * _RUN + "x", timeout=_TIMEOUT) is None
    label = v.byline_label.match("By : Jane Doe")
    assert label is not None and label.end() == len("By : ")
    assert v.connectors.split("Jane Doe, Max Roe and Ann Lee") == ["Jane Doe", "Max Roe", "Ann Lee"]


def _earlier_dmy_tail() -> regex.Pattern[str]:
    new = datewords._patterns().dmy_tail
    old = new.pattern.replace(r"(?:(?:\G|(?<!\s))\s++(?:de|del)|\s?,)?", r"(?:\s+de|\s+del|\s?,)?")
    assert old != new.pattern
    return regex.compile(old, new.flags)


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [" ", "\n", "  ", "de", "del", ",", ".", "/", "-", "2019", "19", "12:30", "a", "Mayo"]
        ),
        max_size=8,
    ),
    st.integers(0, 6),
)
def test_day_month_tails_are_read_as_by_the_earlier_form(parts: list[str], pos: int) -> None:
    text = "".join(parts)
    pos = min(pos, len(text))
    new, old = datewords._patterns().dmy_tail, _earlier_dmy_tail()
    a, b = new.match(text, pos), old.match(text, pos)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_day_month_tails_are_linear_on_long_runs() -> None:
    assert datewords._patterns().dmy_tail.search("\n" * _RUN + "x", timeout=_TIMEOUT) is None
    tail = datewords._patterns().dmy_tail.match(" de 2019")
    assert tail is not None and tail.group("y") == "2019"
