"""Bylines in seven languages: names, roles, offices, several authors, agencies and datelines.

Tests of ``newsclean.stages._byline`` (``read_byline``), of the byline the
``extract_metadata`` stage takes, and of ``Article.author_roles``. Every name,
headline and sentence below was invented for these tests.
"""

from __future__ import annotations

import pickle

import pytest

import newsclean
from newsclean import Article, AuthorRole
from newsclean.document import Document, replay
from newsclean.stages._byline import parse_byline, read_byline
from newsclean.stages.metadata import extract_metadata

#: A headline and a story paragraph per language (invented).
STORY = {
    "en": (
        "Harbour plan delayed again",
        "The harbour council delayed its vote on the new quay again on Monday after a long night of talks, officials said.",
    ),
    "de": (
        "Hafenplan erneut verschoben",
        "Der Hafenrat hat die Abstimmung über den neuen Kai am Montag nach einer langen Nacht erneut verschoben, sagten Beamte.",
    ),
    "fr": (
        "Le projet du port encore reporté",
        "Le conseil du port a de nouveau reporté lundi son vote sur le nouveau quai après une longue nuit de discussions.",
    ),
    "es": (
        "El plan del puerto, aplazado otra vez",
        "El consejo del puerto aplazó de nuevo el lunes la votación sobre el nuevo muelle tras una larga noche de debate.",
    ),
    "it": (
        "Il piano del porto rinviato ancora",
        "Il consiglio del porto ha rinviato di nuovo lunedì il voto sul nuovo molo dopo una lunga notte di discussioni.",
    ),
    "pt": (
        "Plano do porto adiado outra vez",
        "O conselho do porto adiou de novo na segunda-feira a votação sobre o novo cais depois de uma longa noite de debate.",
    ),
    "nl": (
        "Havenplan opnieuw uitgesteld",
        "De havenraad heeft maandag de stemming over de nieuwe kade opnieuw uitgesteld na een lange nacht van overleg.",
    ),
}


def page(language: str, byline: str) -> str:
    headline, story = STORY[language]
    return f"{headline}\n{byline}\n{story}\n{story}\n"


def run(text: str, language: str) -> Document:
    out = extract_metadata(Document.from_text(text).with_fields(language=language))
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    return out


def byline_data(out: Document) -> dict[str, object]:
    return dict(next(d for d in out.decisions if d.reason == "byline").data)


# -- the reading of one line ----------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names", "roles"),
    [
        # with a label, the role after the name
        ("By Jane Wexford, Staff Writer", ["Jane Wexford"], [("Jane Wexford", "Staff Writer")]),
        ("Von Max Mustermeier, Korrespondent", ["Max Mustermeier"], [("Max Mustermeier", "Korrespondent")]),
        ("Par Claire Dubosc, journaliste", ["Claire Dubosc"], [("Claire Dubosc", "journaliste")]),
        ("Por Lucía Barranco, corresponsal", ["Lucía Barranco"], [("Lucía Barranco", "corresponsal")]),
        ("Di Marco Ventrella, inviato", ["Marco Ventrella"], [("Marco Ventrella", "inviato")]),
        ("Por Joana Calheiros, repórter", ["Joana Calheiros"], [("Joana Calheiros", "repórter")]),
        ("Door Pieter Verhoeckx, verslaggever", ["Pieter Verhoeckx"], [("Pieter Verhoeckx", "verslaggever")]),
        # a role glued to the names with no comma
        ("By Jane Wexford Staff Writer", ["Jane Wexford"], [("Jane Wexford", "Staff Writer")]),
        # one role after two names is theirs both
        (
            "By Jane Wexford and Tom Pellor, Staff Writers",
            ["Jane Wexford", "Tom Pellor"],
            [("Jane Wexford", "Staff Writers"), ("Tom Pellor", "Staff Writers")],
        ),
        # a plural role after two names (an inflection of a role: "Korrespondenten")
        (
            "Von Max Mustermeier und Eva Lindqvist, Korrespondenten",
            ["Max Mustermeier", "Eva Lindqvist"],
            [("Max Mustermeier", "Korrespondenten"), ("Eva Lindqvist", "Korrespondenten")],
        ),
        (
            "Par Claire Dubosc et Luc Ferrandi, journalistes",
            ["Claire Dubosc", "Luc Ferrandi"],
            [("Claire Dubosc", "journalistes"), ("Luc Ferrandi", "journalistes")],
        ),
        # a role, then a co-author credited to an agency: the agency is no role
        (
            "By Jane Wexford, Staff Writer, and Tom Pellor, Reuters",
            ["Jane Wexford", "Tom Pellor"],
            [("Jane Wexford", "Staff Writer")],
        ),
        # several authors, no role
        ("Von Max Mustermeier und Eva Lindqvist", ["Max Mustermeier", "Eva Lindqvist"], []),
        ("Par Claire Dubosc et Luc Ferrandi", ["Claire Dubosc", "Luc Ferrandi"], []),
        ("Por Lucía Barranco y Andrés Olmedo", ["Lucía Barranco", "Andrés Olmedo"], []),
        ("Di Marco Ventrella e Giulia Sartoni", ["Marco Ventrella", "Giulia Sartoni"], []),
        ("Door Pieter Verhoeckx en Anouk de Wilde", ["Pieter Verhoeckx", "Anouk de Wilde"], []),
        # an agency alone: no name, no role
        ("By Reuters", [], []),
    ],
)
def test_a_labelled_byline_gives_names_and_their_roles(
    line: str, names: list[str], roles: list[tuple[str | None, str]]
) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == names
    assert reading.roles == roles
    assert parse_byline(line) == names  # the names alone, as before


@pytest.mark.parametrize(
    ("line", "names", "roles"),
    [
        ("Jane Wexford, Staff Writer", ["Jane Wexford"], [("Jane Wexford", "Staff Writer")]),
        ("Max Mustermeier, Redakteur", ["Max Mustermeier"], [("Max Mustermeier", "Redakteur")]),
        ("Claire Dubosc, correspondante", ["Claire Dubosc"], [("Claire Dubosc", "correspondante")]),
        ("Lucía Barranco, periodista", ["Lucía Barranco"], [("Lucía Barranco", "periodista")]),
        ("Marco Ventrella, giornalista", ["Marco Ventrella"], [("Marco Ventrella", "giornalista")]),
        ("Joana Calheiros, jornalista", ["Joana Calheiros"], [("Joana Calheiros", "jornalista")]),
        ("Pieter Verhoeckx, correspondent", ["Pieter Verhoeckx"], [("Pieter Verhoeckx", "correspondent")]),
        # a Romance adjective after the head is part of the role
        ("Claire Dubosc, envoyée spéciale", ["Claire Dubosc"], [("Claire Dubosc", "envoyée spéciale")]),
        ("Lucía Barranco, enviada especial", ["Lucía Barranco"], [("Lucía Barranco", "enviada especial")]),
        ("Jane Wexford", ["Jane Wexford"], []),
    ],
)
def test_a_byline_without_a_label_gives_names_and_their_roles(
    line: str, names: list[str], roles: list[tuple[str | None, str]]
) -> None:
    reading = read_byline(line, labelled=False)
    assert reading is not None
    assert (reading.names, reading.roles) == (names, roles)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Wexford, Example News", ["Jane Wexford"]),
        ("Max Mustermeier, Beispiel Redaktion", ["Max Mustermeier"]),
        ("Jane Wexford and Tom Pellor, Example Desktop Team", ["Jane Wexford", "Tom Pellor"]),
    ],
)
def test_an_outlet_or_desk_after_the_names_is_no_role(line: str, names: list[str]) -> None:
    reading = read_byline(line, labelled=False)
    assert reading is not None
    assert (reading.names, reading.roles) == (names, [])


@pytest.mark.parametrize(
    "line", ["By Example News", "By EXAMPLE POST STAFF", "Von Beispiel Redaktion", "By Example Desktop Team"]
)
def test_an_outlet_credited_alone_is_no_office(line: str) -> None:
    reading = read_byline(line)
    assert reading is None or reading.roles == []


# -- an office named instead of a person: a role, never a name -------------------------
@pytest.mark.parametrize(
    ("line", "office"),
    [
        ("By our correspondent", "our correspondent"),
        ("By Our Special Correspondent", "Our Special Correspondent"),
        ("By our correspondent in Tallinn", "our correspondent in Tallinn"),
        ("From our correspondent", "our correspondent"),
        ("Von unserem Korrespondenten", "unserem Korrespondenten"),
        ("Von Unserem Korrespondenten", "Unserem Korrespondenten"),
        ("Von unserer Korrespondentin in Riga", "unserer Korrespondentin in Riga"),
        ("Von der Redaktion", "der Redaktion"),
        ("Par notre envoyé spécial", "notre envoyé spécial"),
        ("De notre correspondant à Vilnius", "notre correspondant à Vilnius"),
        ("Por nuestro corresponsal", "nuestro corresponsal"),
        ("Dal nostro inviato a Trieste", "nostro inviato a Trieste"),
        ("Do nosso correspondente", "nosso correspondente"),
        ("Van onze correspondent", "onze correspondent"),
        ("Door onze verslaggever", "onze verslaggever"),
        ("By Staff Reporter", "Staff Reporter"),
        # an outlet's editors, with an inflected role: an office, no person
        ("By Example Post Editors", "Example Post Editors"),
    ],
)
def test_a_labelled_office_is_a_role_not_an_author(line: str, office: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == []
    assert reading.roles == [(None, office)]


@pytest.mark.parametrize(
    ("line", "name", "office"),
    [
        ("Von unserem Korrespondenten Max Mustermeier", "Max Mustermeier", "unserem Korrespondenten"),
        ("Par notre envoyé spécial, Claire Dubosc", "Claire Dubosc", "notre envoyé spécial"),
        ("By our correspondent Jane Wexford", "Jane Wexford", "our correspondent"),
    ],
)
def test_an_office_then_a_name_gives_the_name_its_office(line: str, name: str, office: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == [name]
    assert reading.roles == [(name, office)]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("By the end of the year, prices had doubled.", "a sentence after 'By the'"),
        ("By the staff of the museum and its friends", "a role word, then a phrase"),
        ("From our vantage point the plan failed", "a lead and a determiner, no role"),
        ("Von unserem Urlaub erzählen wir später", "a determiner, no role"),
        ("De notre côté, rien ne change", "a lead and a determiner, no role"),
        ("Van onze kant is er niets veranderd", "a lead and a determiner, no role"),
        ("From the Editors", "a lead opens an office with a possessive only: a link to a section"),
        ("De la rédaction", "a lead, an article: a link to a section"),
    ],
)
def test_phrases_opening_like_an_office_are_no_byline(line: str, why: str) -> None:
    assert read_byline(line) is None, why


@pytest.mark.parametrize(
    ("word", "inflected"),
    [
        ("Korrespondenten", True),
        ("Korrespondentinnen", True),
        ("Redakteure", True),
        ("reporters", True),
        ("journalistes", True),
        ("corresponsales", True),
        ("inviati", True),
        ("enviadas", True),
        ("verslaggevers", True),
        # controls: words that open with a role and are no form of it
        ("editorial", False),
        ("internal", False),
        ("managerial", False),
        ("specialist", False),
        ("staffing", False),
    ],
)
def test_a_role_is_read_in_its_inflected_forms(word: str, inflected: bool) -> None:
    from newsclean.stages._byline import _inflected_role

    assert _inflected_role(word.casefold()) is inflected


@pytest.mark.parametrize("line", ["Unserem Korrespondenten", "Our Correspondent", "Nuestro Corresponsal"])
def test_an_office_is_never_read_as_a_name(line: str) -> None:
    reading = read_byline(line, labelled=False)
    assert reading is None or reading.names == []


# -- the stage: a byline line under the headline --------------------------------------
@pytest.mark.parametrize(
    ("language", "byline", "authors", "roles"),
    [
        ("en", "Jane Wexford, Staff Writer", ["Jane Wexford"], [("Jane Wexford", "Staff Writer")]),
        (
            "de",
            "Von Max Mustermeier, Korrespondent",
            ["Max Mustermeier"],
            [("Max Mustermeier", "Korrespondent")],
        ),
        ("fr", "Par Claire Dubosc et Luc Ferrandi", ["Claire Dubosc", "Luc Ferrandi"], []),
        ("es", "Lucía Barranco, corresponsal", ["Lucía Barranco"], [("Lucía Barranco", "corresponsal")]),
        ("it", "Di Marco Ventrella", ["Marco Ventrella"], []),
        ("pt", "Joana Calheiros, jornalista", ["Joana Calheiros"], [("Joana Calheiros", "jornalista")]),
        ("nl", "Door Pieter Verhoeckx en Anouk de Wilde", ["Pieter Verhoeckx", "Anouk de Wilde"], []),
        # bare name lines under the headline, one or two names, in each language
        ("en", "Jane Wexford and Tom Pellor", ["Jane Wexford", "Tom Pellor"], []),
        ("de", "Max Mustermeier und Eva Lindqvist", ["Max Mustermeier", "Eva Lindqvist"], []),
        ("fr", "Claire Dubosc", ["Claire Dubosc"], []),
        ("es", "Lucía Barranco y Andrés Olmedo", ["Lucía Barranco", "Andrés Olmedo"], []),
        ("it", "Marco Ventrella e Giulia Sartoni", ["Marco Ventrella", "Giulia Sartoni"], []),
        ("pt", "Joana Calheiros e Rui Tavares", ["Joana Calheiros", "Rui Tavares"], []),
        # a plural role after two names without a label
        (
            "es",
            "Lucía Barranco y Andrés Olmedo, corresponsales",
            ["Lucía Barranco", "Andrés Olmedo"],
            [("Lucía Barranco", "corresponsales"), ("Andrés Olmedo", "corresponsales")],
        ),
        (
            "it",
            "Marco Ventrella e Giulia Sartoni, inviati",
            ["Marco Ventrella", "Giulia Sartoni"],
            [("Marco Ventrella", "inviati"), ("Giulia Sartoni", "inviati")],
        ),
        # (Dutch "en" is also a date word: as a connector it does not make the line a date line)
        ("nl", "Pieter Verhoeckx en Anouk Wilders", ["Pieter Verhoeckx", "Anouk Wilders"], []),
        ("de", "Von unserem Korrespondenten", [], [(None, "unserem Korrespondenten")]),
        ("fr", "Par notre envoyé spécial", [], [(None, "notre envoyé spécial")]),
        ("en", "By our correspondent", [], [(None, "our correspondent")]),
    ],
)
def test_the_stage_takes_the_byline_with_its_roles(
    language: str, byline: str, authors: list[str], roles: list[tuple[str | None, str]]
) -> None:
    out = run(page(language, byline), language)
    assert (out.get("authors") or []) == authors
    data = byline_data(out)
    assert [(r["author"], r["role"]) for r in data.get("roles", ())] == roles
    assert byline not in out.text  # the byline line left the body
    assert STORY[language][1] in out.text


@pytest.mark.parametrize(
    ("language", "line", "agency"),
    [
        ("en", "By Jane Wexford, Associated Press", "Associated Press"),
        ("de", "Von Max Mustermeier, dpa", "dpa"),
        ("fr", "Par Claire Dubosc, AFP", "AFP"),
        ("es", "Por Lucía Barranco, EFE", "EFE"),
        ("it", "Di Marco Ventrella, ANSA", "ANSA"),
        ("pt", "Por Joana Calheiros, Lusa", "Lusa"),
        ("nl", "Door Pieter Verhoeckx, ANP", "ANP"),
    ],
)
def test_an_agency_after_the_names_is_no_author_and_no_role(language: str, line: str, agency: str) -> None:
    out = run(page(language, line), language)
    data = byline_data(out)
    assert agency in data["agencies"]
    assert agency not in (out.get("authors") or [])
    assert "roles" not in data


# -- datelines with a region or country ---------------------------------------------
@pytest.mark.parametrize(
    ("language", "paragraph", "place", "agency"),
    [
        (
            "en",
            "NAIROBI, Kenya (AP) — The harbour council delayed its vote on Monday, officials said.",
            "NAIROBI, Kenya",
            "AP",
        ),
        (
            "en",
            "SPRINGFIELD, Ill. — The harbour council delayed its vote on Monday, officials said.",
            "SPRINGFIELD, Ill.",
            None,
        ),
        (
            "en",
            "WASHINGTON, D.C. (Reuters) - The harbour council delayed its vote on Monday.",
            "WASHINGTON, D.C.",
            "Reuters",
        ),
        (
            "de",
            "Frankfurt/Main (dpa) - Der Hafenrat hat die Abstimmung am Montag erneut verschoben.",
            "Frankfurt/Main",
            "dpa",
        ),
        (
            "fr",
            "LYON, France (AFP) - Le conseil du port a de nouveau reporté lundi son vote sur le quai.",
            "LYON, France",
            "AFP",
        ),
        (
            "es",
            "SEVILLA, España (Reuters) - El consejo del puerto aplazó de nuevo el lunes la votación.",
            "SEVILLA, España",
            "Reuters",
        ),
        (
            "it",
            "TRIESTE, Italia (Reuters) - Il consiglio del porto ha rinviato di nuovo lunedì il voto sul molo.",
            "TRIESTE, Italia",
            "Reuters",
        ),
        (
            "pt",
            "PORTO, Portugal (Lusa) - O conselho do porto adiou de novo na segunda-feira a votação.",
            "PORTO, Portugal",
            "Lusa",
        ),
        (
            "nl",
            "ROTTERDAM (ANP) - De havenraad heeft maandag de stemming over de kade opnieuw uitgesteld.",
            "ROTTERDAM",
            "ANP",
        ),
    ],
)
def test_a_dateline_keeps_its_region_or_country_and_its_agency(
    language: str, paragraph: str, place: str, agency: str | None
) -> None:
    headline, story = STORY[language]
    out = run(f"{headline}\n{paragraph} {story}\n{story}\n", language)
    dateline = out.get("dateline")
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)


# -- clean controls: prose is no byline ----------------------------------------------
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "By the end of the week the harbour council had still not voted on the quay."),
        ("en", "Our correspondent in the port watched the vote from the public gallery on Monday."),
        ("de", "Von einem Kompromiss war am Montag im Hafenrat noch keine Rede, sagten Beamte."),
        ("fr", "Par ailleurs, le conseil du port doit encore voter sur le budget du nouveau quai."),
        ("es", "Por la tarde, el consejo del puerto volvió a reunirse sin llegar a un acuerdo."),
        ("it", "Di fronte al porto, i pescatori hanno aspettato il voto per tutta la notte."),
        ("pt", "Por enquanto, o conselho do porto ainda não marcou uma nova data para a votação."),
        ("nl", "Door de lange vergadering werd de stemming over de kade opnieuw uitgesteld."),
        # a place line under the headline: a connector word of another language opens it
        ("es", "En Tallinn (Estonia)"),
        ("nl", "En Route Naar Huis"),
    ],
)
def test_prose_opening_with_a_label_word_is_no_byline(language: str, line: str) -> None:
    headline, story = STORY[language]
    text = f"{headline}\n{line}\n{story}\n{story}\n"
    out = run(text, language)
    assert not out.get("authors")
    assert line in out.text
    assert not any(d.reason == "byline" for d in out.decisions)


# -- Article.author_roles --------------------------------------------------------------
def test_the_article_exposes_the_roles_and_keeps_them_through_json_and_pickle() -> None:
    article = newsclean.clean(page("de", "Von Max Mustermeier, Korrespondent"))
    assert article.authors == ("Max Mustermeier",)
    assert article.author_roles == (AuthorRole("Max Mustermeier", "Korrespondent"),)
    assert article.to_dict()["author_roles"] == [{"author": "Max Mustermeier", "role": "Korrespondent"}]
    again = Article.from_json(article.to_json())
    assert again == article and again.author_roles == article.author_roles
    assert pickle.loads(pickle.dumps(article)).author_roles == article.author_roles


def test_an_office_gives_a_role_without_an_author() -> None:
    article = newsclean.clean(page("fr", "Par notre envoyé spécial"))
    assert article.authors == ()
    assert article.author_roles == (AuthorRole(None, "notre envoyé spécial"),)


def test_a_dict_written_before_author_roles_existed_still_loads() -> None:
    data = newsclean.clean(page("en", "Jane Wexford, Staff Writer")).to_dict()
    del data["author_roles"]
    assert Article.from_dict(data).author_roles == (AuthorRole("Jane Wexford", "Staff Writer"),)


def test_roles_of_names_that_are_not_the_authors_are_left_out() -> None:
    from newsclean.document import Decision

    roles = [
        {"author": "Jane Wexford", "role": "Staff Writer"},
        {"author": None, "role": "our correspondent"},
    ]
    decision = Decision("extract_metadata", "byline", {"authors": ["Jane Wexford"], "roles": roles})
    assert Article(authors=("Tom Pellor",), decisions=(decision,)).author_roles == (
        AuthorRole(None, "our correspondent"),
    )
    assert Article().author_roles == ()


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Wexford, Staff Writer",
        "Jane WexfordStaff Writer",
        "Von Max Mustermeier Pressesprecher",
        "Lucía Barranco, porta-voz",
        "Tom Pellor, Editor-at-large",
        "Par Claire Dubosc et Luc Ferrandi, journalistes",
        "Dal nostro inviato a Trieste",
        "By Staff Reporter",
        "Jane Wexford, Software Engineer",
        "By Jane Wexford",
        "Claire Dubosc",
    ],
)
def test_every_line_with_a_role_passes_the_role_word_test(line: str) -> None:
    from newsclean.stages._byline import may_hold_role

    for labelled in (True, False):
        reading = read_byline(line, labelled=labelled)
        if reading is not None and reading.roles:
            assert may_hold_role(line)
    assert may_hold_role(line) is not (line in ("By Jane Wexford", "Claire Dubosc"))


# -- the byline's agency on a dateline that names none -------------------------------
@pytest.mark.parametrize(
    ("language", "byline", "lead", "place", "agency"),
    [
        ("en", "By Jane Wexford, Associated Press", "TALLINN —", "TALLINN", "Associated Press"),
        ("de", "Von Max Mustermeier, dpa", "FRANKFURT -", "FRANKFURT", "dpa"),
        ("fr", "Par Claire Dubosc, AFP", "LYON, France -", "LYON, France", "AFP"),
        ("es", "Por Lucía Barranco, Reuters", "SEVILLA -", "SEVILLA", "Reuters"),
        ("it", "Di Marco Ventrella, Reuters", "TRIESTE -", "TRIESTE", "Reuters"),
        ("pt", "Por Joana Calheiros, Lusa", "PORTO, Portugal -", "PORTO, Portugal", "Lusa"),
        ("nl", "Door Pieter Verhoeckx, ANP", "ROTTERDAM -", "ROTTERDAM", "ANP"),
        # the dateline's own agency is kept; two agencies in the byline name none
        ("en", "By Jane Wexford, Associated Press", "TALLINN (Reuters) -", "TALLINN", "Reuters"),
        ("en", "By Jane Wexford, Reuters, and Tom Pellor, Associated Press", "TALLINN -", "TALLINN", None),
        ("en", "By Jane Wexford", "TALLINN -", "TALLINN", None),
    ],
)
def test_the_byline_agency_goes_to_a_dateline_that_names_none(
    language: str, byline: str, lead: str, place: str, agency: str | None
) -> None:
    headline, story = STORY[language]
    out = run(f"{headline}\n{byline}\n{lead} {story}\n{story}\n", language)
    dateline = out.get("dateline")
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)
    assert agency is None or agency not in (out.get("authors") or [])


# -- credits of text and pictures, article phrases, a place after the names -----------
@pytest.mark.parametrize(
    ("language", "byline", "authors"),
    [
        # text and pictures credited together
        ("en", "Text and photos by Marisol Quenbury", ["Marisol Quenbury"]),
        ("de", "Text und Fotos: Max Mustermeier", ["Max Mustermeier"]),
        ("fr", "Texte et photos : Claire Dubosc", ["Claire Dubosc"]),
        ("es", "Texto y fotos: Lucía Barranco", ["Lucía Barranco"]),
        ("it", "Testo e foto di Marco Ventrella", ["Marco Ventrella"]),
        ("pt", "Texto e fotos: Joana Calheiros", ["Joana Calheiros"]),
        ("nl", "Tekst en foto’s: Pieter Verhoeckx", ["Pieter Verhoeckx"]),
        # the article and guest-post phrases, Italian "Testo:", Dutch "Geplaatst door"
        ("en", "Guest post by Oskar Treffling", ["Oskar Treffling"]),
        ("de", "Ein Gastbeitrag von Max Mustermeier und Eva Lindqvist", ["Max Mustermeier", "Eva Lindqvist"]),
        ("fr", "Propos recueillis par Claire Dubosc", ["Claire Dubosc"]),
        ("es", "Texto de Lucía Barranco", ["Lucía Barranco"]),
        ("it", "Testo: Marco Ventrella", ["Marco Ventrella"]),
        ("pt", "Reportagem de Joana Calheiros", ["Joana Calheiros"]),
        ("nl", "Geplaatst door Pieter Verhoeckx", ["Pieter Verhoeckx"]),
        # a place after a labelled byline's names is no name
        ("en", "By Marisol Quenbury in New Harbour", ["Marisol Quenbury"]),
        (
            "en",
            "By Marisol Quenbury and Oskar Treffling in Valbourg",
            ["Marisol Quenbury", "Oskar Treffling"],
        ),
        ("de", "Von Max Mustermeier aus Nordfeld", ["Max Mustermeier"]),
        ("fr", "Par Claire Dubosc à Valbourg", ["Claire Dubosc"]),
        ("es", "Por Lucía Barranco desde San Juan de la Valdeluna", ["Lucía Barranco"]),
        ("it", "Di Marco Ventrella a Valbruna", ["Marco Ventrella"]),
        ("pt", "Por Joana Calheiros em Valverde", ["Joana Calheiros"]),
        ("nl", "Door Pieter Verhoeckx uit Dalveen", ["Pieter Verhoeckx"]),
    ],
)
def test_credits_article_phrases_and_a_place_after_the_names(
    language: str, byline: str, authors: list[str]
) -> None:
    out = run(page(language, byline), language)
    assert (out.get("authors") or []) == authors
    assert byline not in out.text  # the byline line left the body
    assert STORY[language][1] in out.text


@pytest.mark.parametrize(
    ("line", "names", "roles"),
    [
        # particles and connectors are no place prepositions: the names stay whole
        ("Por Ana de Souzinha", ["Ana de Souzinha"], []),
        ("Di Marco da Valbruna", ["Marco da Valbruna"], []),
        ("Door Pieter Verhoeckx en Anouk Wilders", ["Pieter Verhoeckx", "Anouk Wilders"], []),
        # a role keeps its own place
        (
            "By Jane Wexford, Staff Writer in Valbourg",
            ["Jane Wexford"],
            [("Jane Wexford", "Staff Writer in Valbourg")],
        ),
        ("By our correspondent in Tallinn", [], [(None, "our correspondent in Tallinn")]),
    ],
)
def test_a_place_cut_leaves_particles_connectors_and_roles_alone(
    line: str, names: list[str], roles: list[tuple[str | None, str]]
) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.roles) == (names, roles)


@pytest.mark.parametrize(
    "line",
    [
        # one word before the place is a day or a word, not a name
        "By Sunday in Valbourg",
        # a place in lower case after "in" is part of a phrase
        "By Marisol Quenbury in the Alps",
        # Italian "Testo" without its colon opens the title of a law
        "Testo Unico Ambientale",
        # a credit of pictures alone names no writer
        "Foto: Marisol Quenbury",
        "Photo: Marisol Quenbury",
    ],
)
def test_lines_near_the_new_labels_give_no_names(line: str) -> None:
    assert read_byline(line) is None


@pytest.mark.parametrize(
    ("language", "line"),
    [
        # prose opening with a new label's words stays in the body
        ("it", "Testo unico sulla pesca: il consiglio del porto ne discuterà di nuovo lunedì."),
        ("es", "Texto de la ordenanza: el consejo del puerto la votará de nuevo el lunes."),
        ("pt", "Reportagem de ontem mostrou que o conselho do porto ainda não decidiu nada."),
        ("nl", "Geplaatst door de gemeente, staat de nieuwe kade nog altijd ter discussie."),
        ("fr", "Un article de loi oblige le conseil du port à voter de nouveau avant lundi."),
        ("de", "Text und Fotos der Ausstellung zeigen den alten Hafen, sagten die Veranstalter."),
    ],
)
def test_prose_opening_with_a_new_label_is_no_byline(language: str, line: str) -> None:
    headline, story = STORY[language]
    out = run(f"{headline}\n{line}\n{story}\n{story}\n", language)
    assert not out.get("authors")
    assert line in out.text


# -- a name-date row under a deck; a name over the story when the headline is worded apart --
#: A deck sentence and a date per language (invented).
DECK_DATE = {
    "en": ("Officials say the plan needs another round of talks with the crews.", "March 17, 2020"),
    "de": ("Die Verwaltung will zuerst noch einmal mit den Fischern sprechen.", "17. März 2020"),
    "fr": ("La mairie veut d'abord reprendre les discussions avec les pêcheurs.", "17 mars 2020"),
    "es": ("El ayuntamiento quiere hablar antes otra vez con los pescadores.", "17 de marzo de 2020"),
    "it": ("Il comune vuole prima parlare ancora con i pescatori del porto.", "17 marzo 2020"),
    "pt": ("A câmara quer primeiro voltar a falar com os pescadores do porto.", "17 de março de 2020"),
    "nl": ("De gemeente wil eerst opnieuw met de vissers van de haven praten.", "17 maart 2020"),
}
#: An invented name per language (first names rarer than common English words: see
#: ``name_over_story``).
NAMES = {
    "en": "Marisol Quenbury",
    "de": "Wendelin Mustermeier",
    "fr": "Claire Dubosc",
    "es": "Lucía Barranco",
    "it": "Marco Ventrella",
    "pt": "Joana Calheiros",
    "nl": "Pieter Verhoeckx",
}


def full_page(language: str, header: list[str], *, title: str | None = None) -> str:
    """An invented capture: the page title, a navigation bar, ``header`` lines, the story."""
    headline, story = STORY[language]
    first = title if title is not None else f"{headline} - The Valley Courier"
    lines = [first, "The Valley Courier", "Home", "News", "Sport", *header, story, story, "Share", "Facebook"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("language", sorted(STORY))
def test_a_name_date_row_under_the_deck_is_the_byline(language: str) -> None:
    headline, _ = STORY[language]
    deck, date = DECK_DATE[language]
    for row in (f"{NAMES[language]} | {date}", f"{NAMES[language]} - 17.03.2020"):
        article = newsclean.clean(full_page(language, [headline, deck, row]))
        assert list(article.authors) == [NAMES[language]], row
        assert row not in article.text


@pytest.mark.parametrize("language", sorted(STORY))
@pytest.mark.parametrize("shape", ["row", "date_over_name"])
def test_a_name_over_the_story_under_a_headline_worded_apart(language: str, shape: str) -> None:
    headline, story = STORY[language]
    _, date = DECK_DATE[language]
    name = NAMES[language]
    header = [headline, f"{name} | {date}"] if shape == "row" else [headline, date, name]
    # the page title is worded otherwise: the headline is no title copy
    article = newsclean.clean(full_page(language, header, title="Quay vote put off - The Valley Courier"))
    assert list(article.authors) == [name]
    assert story in article.text


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # a row of common words under the deck: a section and its date
        (["Harbour plan delayed again", DECK_DATE["en"][0], "City Hall | March 17, 2020"], None),
        # a picture credit with its date
        (
            ["Harbour plan delayed again", DECK_DATE["en"][0], "Photo: Marisol Quenbury | March 17, 2020"],
            None,
        ),
        # a line of common words under a date under a headline worded apart
        (["Harbour plan delayed again", "March 17, 2020", "Latest Headlines"], "Quay vote put off - Site"),
        # a list of teasers: each item prints a headline, its writer and date, a teaser
        (
            [
                "Ferry timetable changes again",
                "Oskar Treffling, Valley Times. March 16, 2020. [12 comments]",
                "The ferry company said the new timetable would start in April, after the works.",
                "Harbour plan delayed again",
                "Marisol Quenbury, Valley Times. March 17, 2020. [40 comments]",
            ],
            "Most read - Site",
        ),
    ],
)
def test_rows_and_lists_that_are_no_byline(header: list[str], title: str | None) -> None:
    article = newsclean.clean(full_page("en", header, title=title))
    assert not article.authors


# -- a credit after a semicolon: the writers are the first clause ----------------------
@pytest.mark.parametrize(
    ("line", "labelled", "names"),
    [
        ("Reporting by Marisol Quenbury; Editing by Oskar Treffling", True, ["Marisol Quenbury"]),
        (
            "Reporting by Marisol Quenbury and Tomas Haverkamp in Valbourg; "
            "Additional reporting by Claire Dubosc; Editing by Oskar Treffling",
            True,
            ["Marisol Quenbury", "Tomas Haverkamp"],
        ),
        ("Von Max Mustermeier; bearbeitet von Eva Lindqvist", True, ["Max Mustermeier"]),
        ("Par Claire Dubosc; édité par Luc Ferrandi", True, ["Claire Dubosc"]),
        ("Por Lucía Barranco; editado por Andrés Olmedo", True, ["Lucía Barranco"]),
        # a date after the semicolon ends the names, as before
        ("By Marisol Quenbury; October 29, 2012", True, ["Marisol Quenbury"]),
    ],
)
def test_a_semicolon_before_another_credit_ends_the_names(
    line: str, labelled: bool, names: list[str]
) -> None:
    reading = read_byline(line, labelled=labelled)
    assert reading is not None
    assert reading.names == names


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        # a record label and its year: no name before the semicolon
        ("Valley Records; 2012", False),
        ("By the way; the council said so", True),
        # two title-cased phrases, or two names: no credit after the semicolon, no reading
        ("Harbour Plan; Second Reading", False),
        ("Marisol Quenbury; Oskar Treffling", False),
    ],
)
def test_a_semicolon_makes_no_name_of_other_lines(line: str, labelled: bool) -> None:
    assert read_byline(line, labelled=labelled) is None


def test_a_wire_end_credit_gives_the_writer_and_leaves_the_body() -> None:
    headline, story = STORY["en"]
    credit = "Reporting by Marisol Quenbury in Valbourg; Editing by Oskar Treffling"
    text = "\n".join(
        [
            f"{headline} - Valley Wire",
            "Home",
            "World",
            headline,
            "March 17, 2020",
            story,
            story,
            story,
            credit,
            "Share",
        ]
    )
    article = newsclean.clean(text + "\n")
    assert list(article.authors) == ["Marisol Quenbury"]
    assert credit not in article.text
    assert story in article.text


# -- a byline label after a date and its longer label ------------------------------------
@pytest.mark.parametrize(
    ("language", "line", "names"),
    [
        ("es", "Publicado el 17 de marzo de 2020 por Lucía Barranco", ["Lucía Barranco"]),
        ("de", "Veröffentlicht am 17. März 2020 von Max Mustermeier", ["Max Mustermeier"]),
        ("fr", "Mis à jour le 17 mars 2020 par Claire Dubosc", ["Claire Dubosc"]),
        ("pt", "Publicado em 17 de março de 2020 por Joana Calheiros", ["Joana Calheiros"]),
        ("nl", "Gepubliceerd op 17 maart 2020 door Pieter Verhoeckx", ["Pieter Verhoeckx"]),
        # a numeric date after the names ends them, its article too
        ("pt", "Escrito por Joana Calheiros em 17/03/2020", ["Joana Calheiros"]),
    ],
)
def test_a_byline_label_after_a_labelled_date(language: str, line: str, names: list[str]) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == names
    out = run(page(language, line), language)
    assert (out.get("authors") or []) == names
    assert line not in out.text


@pytest.mark.parametrize(
    "line",
    [
        # words before the date that are no date label: a sentence
        "The council met on 17 March 2020 by the harbour",
        # a date label, the date, then a phrase in lower case
        "Publicado el 17 de marzo de 2020 por el ayuntamiento del puerto",
        # a run of date words longer than a label ("MAX_DATE_LEAD_WORDS")
        "Publicado el lunes y el martes 17 de marzo de 2020 por Lucía Barranco",
    ],
)
def test_a_date_lead_that_is_no_label_gives_no_byline(line: str) -> None:
    assert read_byline(line) is None
