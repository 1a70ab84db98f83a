"""The feature memo of :mod:`newsclean.stages.boilerplate_features`."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.stages import boilerplate_features as bf
from newsclean.stages import boilerplate_vocab as bv


def _vocab() -> bv._Vocab:
    """The English vocabularies with a memo of their own (the shared one serves other tests)."""
    return dataclasses.replace(bv._vocab("en"), memo={}, reused=set())


def test_memo_gives_the_computed_features_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = _vocab()
    lines = [f"Section {i}" for i in range(12)] + ["The council met on Tuesday and voted on the budget."]
    for text in lines:
        assert bf._features(text, vocab, True) == bf._compute_features(text, vocab, True)
        assert bf._features(text, vocab, True) is bf._features(text, vocab, True)
    monkeypatch.setattr(bf, "MEMO_MAX_ENTRIES", 5)
    for text in lines:
        bf._features(text + "!", vocab, True)
    assert len(vocab.memo) <= 5


def test_features_judged_without_the_function_words_are_not_remembered() -> None:
    """The memo holds features judged as pages judge them: with the vocabulary's function words."""
    vocab = _vocab()
    text = "The council met on Tuesday and voted on the budget."
    assert bf._features(text, vocab, False) == bf._compute_features(text, vocab, False)
    assert not vocab.memo
    assert bf._features(text, vocab, True) == bf._compute_features(text, vocab, True)
    assert list(vocab.memo) == [text]


def test_a_full_memo_keeps_the_texts_looked_up_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bf, "MEMO_MAX_ENTRIES", 6)
    vocab = _vocab()
    menu = bf._features("Home", vocab, True)
    assert bf._features("Home", vocab, True) is menu  # looked up again: kept when the memo is full
    for i in range(8):  # the memo is full at the sixth text: what was not looked up again goes
        bf._features(f"Section {i}", vocab, True)
        assert len(vocab.memo) <= 6
    assert vocab.memo["Home"] is menu
    assert "Section 0" not in vocab.memo


def test_paragraphs_are_remembered_among_the_last_few(monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = dataclasses.replace(_vocab(), long_memo={})
    text = "The council met on Tuesday and voted on the budget. " * (bf.MEMO_MAX_CHARS // 40)
    assert bf._features(text, vocab, True) is bf._features(text, vocab, True)
    assert bf._features(text, vocab, True) == bf._compute_features(text, vocab, True)
    assert not vocab.memo and len(vocab.long_memo) == 1
    monkeypatch.setattr(bf, "LONG_MEMO_ENTRIES", 3)
    for i in range(7):
        bf._features(f"{i} {text}", vocab, True)
    assert len(vocab.long_memo) <= 3


def test_very_long_units_are_not_remembered() -> None:
    vocab = dataclasses.replace(_vocab(), long_memo={})
    text = "word " * (bf.LONG_MEMO_MAX_CHARS // 5 + 1)
    bf._features(text, vocab, True)
    assert not vocab.memo and not vocab.long_memo


def test_line_shape_words_come_from_the_data_file() -> None:
    from newsclean.data import read_json

    data = read_json("boilerplate_lines.json")
    for verb in data["comment_verbs"]["words"]:
        assert bf._COMMENT_HEAD.match(f"jsmith on 3 May 2019 {verb.upper()}:"), verb
        assert f"x {verb}:"[-1] in bf._COMMENT_LAST and verb[-1] in bf._COMMENT_LAST
    for label in data["tags_labels"]["words"]:
        m = bf._TAGS_LINE.match(f"{label.title()}: budget, schools")
        assert m is not None and m.group("tags") == "budget, schools", label
        assert label[0].casefold() in bf._TAGS_FIRST
    for phrase in data["rights_reserved"]["words"]:
        assert bf._FOOTER.search(f"© Metro Daily. {phrase.capitalize()}."), phrase
    assert not bf._FOOTER.search("The council reserved all rights to the land.")
    assert not bf._COMMENT_HEAD.match("The mayor said the budget passed on Friday.")


def test_credit_counter_and_stamp_words_come_from_the_data_file() -> None:
    from newsclean.data import read_json

    data = read_json("boilerplate_lines.json")

    def words(group: str) -> list[str]:
        return [str(w) for w in data[group]["words"]]

    for opener in words("credit_openers"):
        line = f"Additional {opener} by Jane Doe"
        assert bf._CREDIT.search(line) and line.casefold().startswith(bf._CREDIT_STARTS), opener
    for role in words("credit_roles"):
        assert bf._CREDIT.search(f"Our {role} in Rome contributed to this report."), role
    for agency in words("credit_agencies"):
        assert bf._CREDIT.search(f"({agency})"), agency
    for opener in words("credit_with"):
        line = f"{opener.capitalize()}: Agence Example"
        assert bf._CREDIT.search(line) and line.casefold().startswith(bf._CREDIT_STARTS), opener
    for noun in words("widget_counts"):
        assert bf._WIDGET.match(f"1.2k {noun}"), noun
    for label in words("widget_labels"):
        assert bf._WIDGET.match(f"{label}: 12") and label[0] in bf._WIDGET_FIRST, label
    for join in words("counter_joins"):
        assert bf._COUNTER.match(f"3 {join} 12"), join
    for unit in words("age_units"):
        assert bf._STAMP.match(f"Anna 3 {unit} ago"), unit
    for month in words("data_row_months"):
        assert bf._DATA_ROW.match(f"{month.title()} 12 4.5 3.2"), month
    # Clean prose holding the same words is no credit, counter or stamp.
    assert not bf._CREDIT.search("The reporting of the budget was late, the agency said.")
    assert not bf._COUNTER.match("Three of the twelve members voted against it.")
    assert not bf._STAMP.match("Years ago the council voted to close the old library on Main Street.")


_SEPARATOR_ALPHABET = st.sampled_from(
    [*"-_=*~#.·•+<>|/\\", " ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u3000", "a", "1"]
)


@given(st.lists(_SEPARATOR_ALPHABET, max_size=12).map("".join))
def test_separator_test_is_the_pattern(text: str) -> None:
    assert bf._is_separator(text) == (bf._SEPARATOR.match(text) is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* * *", True),
        ("---", True),
        ("-- ", False),
        ("> " * 200_000, True),
        ("> " * 200_000 + "a", False),
        ("", False),
    ],
)
def test_separator_lines(text: str, expected: bool) -> None:
    # (a line of a million marks is read in one scan: the pattern's backtracking kept 80 bytes a character)
    assert bf._is_separator(text) is expected


# The breadcrumb pattern in its earlier, backtracking form: same answers, exponential on
# runs of blanks around the marks.
_BACKTRACKING_BREADCRUMB = (
    r"^(?:[^»›>|/\n]{1,60}\s*[»›>]\s*){1,8}[^»›>|/\n]{1,200}$|^(?:[^|/\n]{1,40}\s[|/]\s){2,8}[^|/\n]{1,120}$"
)


@settings(deadline=None)  # the backtracking form takes up to a tenth of a second on 12 parts
@given(
    st.lists(
        st.sampled_from(["a", "b", " ", "  ", ">", "»", "›", "|", "/", "\t", "Home", "x" * 59]), max_size=12
    )
)
def test_breadcrumb_pattern_matches_as_its_backtracking_form(parts: list[str]) -> None:
    import regex

    line = "".join(parts)
    old = regex.match(_BACKTRACKING_BREADCRUMB, line)
    new = bf._BREADCRUMB.match(line)
    assert (old is None) == (new is None)
    assert old is None or new is None or old.span() == new.span()


@pytest.mark.parametrize("line", ["a > > b", "a > b > ", "Home > News > World", "a" * 60 + " > b"])
def test_breadcrumb_pattern_keeps_empty_crumbs_and_tails_after_a_blank(line: str) -> None:
    assert bf._BREADCRUMB.match(line) is not None


def test_breadcrumb_pattern_is_linear_on_blank_runs() -> None:
    # 3 s with the backtracking form; the regex timeout turns a relapse into a failure, not a hang
    line = "a  >  " * 200 + "a>"
    assert bf._BREADCRUMB.match(line, timeout=2.0) is None
    assert bf._BREADCRUMB.match("a  >  " * 7 + "a", timeout=2.0) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case headline glued to its summary
        ("Bill At Troy SteakhouseA party of six was turned away on Friday night.", True),
        ('Council Votes On The Budget."A long night" was how the mayor put it.', True),
        # a name's or a brand's own capital is no glue
        ("Retired General Barry McAlvane gave two views of the plan on the same day.", False),
        ("Senior Vice President Anna DiVenzo said the company would report on Monday.", False),
        # a quotation opened after a blank is no glue
        ('Letters 4:12, 13-15. "Who will stand with us when the river rises?" she asked.', False),
    ],
)
def test_teaser_glue(text: str, expected: bool) -> None:
    assert bf._is_teaser(text, text.isascii()) is expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Bill", "At", "Troy", "Steak", "house", "A", "party", "of", "six", "iPhone", "McD", "x"]
        )
        | st.sampled_from(
            [" ", "\u00a0", "\u2009", "\x1c", '"', "”", "’", "'", ".", "%", ")", "?", "7", "—"]
        ),
        max_size=40,
    ).map("".join)
)
def test_teaser_glue_search_of_plain_text_answers_as_the_pattern(text: str) -> None:
    # on plain text a stdlib search for a glued capital comes first; read as other text, the
    # ``regex`` pattern alone answers
    assert bf._is_plain(text)
    assert bf._is_teaser(text, True) is bf._is_teaser(text, False)


@given(st.text(alphabet="ab 7 0-9.,٣۵é’—", max_size=40))
def test_digit_ratio_counts_the_digits_of_any_text(text: str) -> None:
    # the share of (Unicode) decimal digits, whichever way the text is read
    digits = sum(ch.isdecimal() for ch in text)
    assert bf._digit_ratio(text, bf._is_plain(text)) == digits / max(1, len(text))


def test_a_page_gets_the_features_of_its_units_remembered_or_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.stages import boilerplate_decisions as bd

    vocab = _vocab()
    monkeypatch.setattr(bd, "_vocab", lambda language: vocab)
    story = "The council met on Tuesday and voted on the budget after a long debate about the library."
    bf._features("Home", vocab, True)  # (remembered from an earlier page)
    lines = ["Home", "Share", story, "", "Share", "Home", story, "Tags: budget"]
    units, feats = bd.page_units(lines, "en")
    assert [f.text for f in feats] == [text for _, text in units]
    assert feats == [bf._compute_features(text, vocab, True) for _, text in units]
    assert feats[0] is vocab.memo["Home"] and feats[1] is feats[3]  # each distinct text judged once
    assert "Home" in vocab.reused and "Share" not in vocab.reused
