"""Related stories from the text: inline "read also" lines and headed lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.stages._related import clean_headline, header_label, inline_headline

P1 = "The city council approved the new budget on Tuesday after a long debate that lasted well into the night, officials said."
P2 = "The plan includes money for schools, roads and a new library, and it will take effect at the start of next year."
P3 = "Critics said the budget did not do enough for housing, but the mayor called it a fair compromise between the parties."
P4 = "A final vote on the housing measures is expected next month, after a series of public hearings across the city."
HEAD = "Council passes budget after long debate\n\n"
STORY = f"{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        (
            "Read also: Mayor faces new questions over housing plan",
            "Mayor faces new questions over housing plan",
        ),
        ("Lesen Sie auch: Bürgermeister unter Druck", "Bürgermeister unter Druck"),
        ("Lire aussi : Le maire sous pression", "Le maire sous pression"),
        ("LIRE AUSSI Le maire sous pression", "Le maire sous pression"),
        ("Lee también: El alcalde, bajo presión", "El alcalde, bajo presión"),
        ("Leggi anche: Il sindaco sotto pressione", "Il sindaco sotto pressione"),
        ("Leia também: Prefeito sob pressão", "Prefeito sob pressão"),
        ("Lees ook: Burgemeester onder druk »", "Burgemeester onder druk"),
    ],
)
def test_inline_headline_in_seven_languages(line: str, headline: str) -> None:
    assert inline_headline(line) == headline


@pytest.mark.parametrize(
    "line",
    [
        "Related: the council said it would wait.",  # lower case: a sentence
        "Read also: More",  # one word: navigation
        "See also: He said so. Then he left the room.",  # two sentences
        "Reading the report, the council found errors.",  # no label
        "Read the full report on the council's website before the vote on Friday.",  # no colon
    ],
)
def test_inline_headline_refuses_sentences(line: str) -> None:
    assert inline_headline(line) is None


def test_strong_form_needs_a_two_word_label_and_a_colon() -> None:
    assert inline_headline("Read also: Mayor under pressure", strong=True) == "Mayor under pressure"
    assert inline_headline("Related: Mayor under pressure", strong=True) is None
    assert inline_headline("Read also Mayor under pressure", strong=True) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("• Mayor under pressure", "Mayor under pressure"),
        ("2. Schools win »", "Schools win"),
        ("3) Vote delayed", "Vote delayed"),
    ],
)
def test_bullets_and_counters_are_stripped(text: str, want: str) -> None:
    assert clean_headline(text) == want


def test_clean_headline_keeps_leading_numbers_of_a_headline() -> None:
    assert clean_headline("10 things to know about the budget") == "10 things to know about the budget"
    assert clean_headline("2024 budget passes") == "2024 budget passes"


@pytest.mark.parametrize(
    "line", ["More on this topic", "Mehr zum Thema:", "Related", "Sur le même sujet", "Noticias relacionadas"]
)
def test_header_labels(line: str) -> None:
    assert header_label(line)


def test_header_label_is_the_whole_line() -> None:
    assert not header_label("Related stories about the budget were published on Monday.")


def test_inline_line_between_paragraphs_goes_to_related() -> None:
    text = f"{HEAD}{P1}\n\n{P2}\n\nRead also: Mayor faces new questions over housing plan\n\n{P3}\n\n{P4}\n"
    art = newsclean.clean(text)
    assert art.related == ("Mayor faces new questions over housing plan",)
    assert "Read also" not in art.text
    assert P3 in art.text


def test_german_inline_line_goes_to_related() -> None:
    de1 = "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, wie die Stadt mitteilte."
    de2 = "Der Plan sieht mehr Geld für Schulen, Straßen und eine neue Bibliothek vor und gilt ab dem kommenden Jahr."
    de3 = "Kritiker sagten, der Haushalt tue zu wenig für den Wohnungsbau, doch der Bürgermeister nannte ihn einen fairen Kompromiss."
    text = f"Stadtrat beschließt Haushalt\n\n{de1}\n\nLesen Sie auch: Bürgermeister unter Druck wegen Wohnungsplan\n\n{de2}\n\n{de3}\n"
    art = newsclean.clean(text)
    assert art.related == ("Bürgermeister unter Druck wegen Wohnungsplan",)
    assert de2 in art.text


def test_header_over_headlines_keeps_them_in_order_without_counters() -> None:
    text = (
        f"{HEAD}{STORY}\nDas könnte Sie auch interessieren\n\n"
        "• Mayor faces new questions over housing plan\n\n2. Schools get more money in new budget deal\n"
    )
    art = newsclean.clean(text)
    assert art.related == (
        "Mayor faces new questions over housing plan",
        "Schools get more money in new budget deal",
    )
    assert "interessieren" not in art.text


def test_header_inside_the_story_over_one_headline() -> None:
    text = f"{HEAD}{P1}\n\n{P2}\n\nMehr zum Thema:\n\nMayor faces new questions over housing plan\n\n{P3}\n\n{P4}\n"
    art = newsclean.clean(text)
    assert art.related == ("Mayor faces new questions over housing plan",)
    assert P3 in art.text and P4 in art.text


def test_clean_story_with_a_label_word_is_left_alone() -> None:
    text = (
        f"{P1}\n\n"
        "Related to the vote, the council said it would publish the minutes on Friday after the session.\n\n"
        f"{P2}\n\nRead the full report, officials said, before the hearing next month in the city hall.\n\n{P3}\n"
    )
    art = newsclean.clean(text)
    assert art.related == ()
    assert art.text.rstrip("\n") == text.rstrip("\n")


# -- the opening gate: a line is matched against the label patterns only if it can open with a label --
def _label_entries() -> list[str]:
    from newsclean.data import read_json

    raw = read_json("related.json", keys=("inline", "header"))
    return [w for group in ("inline", "header") for ws in raw[group].values() for w in ws]


_GATE_PIECES = [
    *_label_entries(),
    *(w.upper() for w in _label_entries()[::3]),
    *(w.title() for w in _label_entries()[1::3]),
    " ", "  ", "\t", "\u00a0", ":", "：", " : ", "Mayor faces questions", "the council", "»", "1. ", "İ", "ı", "ſ",
    "\u212a", "ß", "ẞ", "À", "à", "x", "Ä",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_GATE_PIECES), min_size=1, max_size=6), st.booleans())
def test_the_opening_gate_answers_as_the_label_patterns(parts: list[str], strong: bool) -> None:
    from newsclean.stages._related import (
        HEADER_OPENING,
        INLINE_OPENING,
        _header_label,
        _inline_headline,
        _labels,
    )

    line = "".join(parts)
    labels = _labels()
    if labels.inline.match(line.strip()) or labels.inline_strong.match(line.strip()):
        assert labels.opens(line) & INLINE_OPENING
    if labels.header.match(line.strip()):
        assert labels.opens(line) & HEADER_OPENING
    assert inline_headline(line, strong=strong) == _inline_headline(line, strong)
    assert header_label(line) == _header_label(line)
    # ``mark_related`` reads the answer for a line from the openings' memo by its first two characters
    for text in (line, line.strip(), f"{line[:2]} x", line[:2]):
        remembered = labels.opened.get(text[:2])
        assert remembered is None or remembered == labels.opens(text)
        assert not any(ch.isspace() for ch in text[:2]) or text[:2] not in labels.opened


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("Read also: Mayor faces questions", True),
        ("  READ ALSO: Mayor faces questions", True),
        ("Related", True),
        ("The council voted on Tuesday.", False),  # clean prose: no pattern call
        ("Home | World", False),
        ("", False),
    ],
)
def test_the_opening_gate_on_label_and_control_lines(line: str, opens: bool) -> None:
    from newsclean.stages._related import _labels

    assert bool(_labels().opens(line)) is opens
