"""Tests for the remove_boilerplate stage (stages/boilerplate.py).

All article text below was written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.document import Document, replay
from newsclean.stages.boilerplate import classify_lines, remove_boilerplate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

BODY = [
    "The regional council voted on Tuesday to extend the night bus network to three new districts after a long debate.",
    "Officials said the new routes would start in March and that the cost would be covered by the transport budget.",
    "“People who work late have been asking for this for years,” said the councillor who proposed the plan.",
    "Opposition members said the money should have gone to repairs of the existing stations, which are in poor shape.",
    "The council will review the service after six months and publish the passenger numbers on its website.",
]

GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, das Nachtbusnetz auf drei weitere Stadtteile auszuweiten.",
    "Die neuen Linien sollen im März starten, die Kosten werden aus dem Verkehrshaushalt bezahlt.",
    "„Wer spät arbeitet, hat sich das seit Jahren gewünscht“, sagte die Stadträtin, die den Plan eingebracht hatte.",
    "Die Opposition kritisierte, das Geld hätte besser in die Sanierung der bestehenden Haltestellen fließen sollen.",
]

FRENCH = [
    "Le conseil régional a voté mardi l’extension du réseau de bus de nuit à trois nouveaux quartiers.",
    "Les nouvelles lignes doivent ouvrir en mars et leur coût sera pris en charge par le budget des transports.",
    "« Ceux qui travaillent tard le demandent depuis des années », a déclaré l’élue qui a porté le projet.",
    "L’opposition estime que cet argent aurait dû servir à rénover les arrêts existants, qui sont en mauvais état.",
]


def run(lines: list[str], language: str | None = "en") -> Document:
    doc = Document.from_text("\n".join(lines))
    if language:
        doc = doc.with_fields(language=language)
    return remove_boilerplate(doc)


def stage_edits(doc: Document) -> list[tuple[str, str, str]]:
    return [(e.before.strip(), e.reason, e.action) for e in doc.edits if e.stage == "remove_boilerplate"]


def reason_of(doc: Document, line: str) -> str | None:
    for before, reason, _ in stage_edits(doc):
        if line in before.split("\n"):  # an edit covers a run of lines removed for one reason
            return reason
    return None


def removed_lines(doc: Document, reason: str) -> list[str]:
    """The lines the stage removed for ``reason``, one per line however the edits group them."""
    return [line for before, r, _ in stage_edits(doc) if r == reason for line in before.split("\n") if line]


# -- one line, one reason ------------------------------------------------------------
INSIDE = [  # placed between two story paragraphs
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Read more: How the city plans its night buses", "read_more"),
    ("Share this article", "share"),
    ("Facebook Twitter Email", "share"),
    ("Photo: Jane Doe/Getty Images", "caption"),
    ("The new night bus at the depot on Monday. (AP Photo/John Roe)", "caption"),
    ("* * *", "separator"),
    ("-----", "separator"),
    ("___", "separator"),
    ("Like! (1234)", "widget"),
    ("👍 12", "widget"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Home > News > Transport", "navigation"),
    ("Home » Transport » Night buses to run until…", "navigation"),  # a truncated last crumb
    ("No thanks", "newsletter"),  # the dismiss button of a sign-up box
    ("An email with an activation link has been sent to your address.", "newsletter"),
]

AFTER = [  # placed after the story
    ("Copyright © 2024 Example Media Group. All rights reserved.", "copyright"),
    ("Privacy Policy", "copyright"),
    (
        "We use cookies to improve your experience on our site. By continuing you accept our cookie policy.",
        "cookie",
    ),
    ("Previous article", "pagination"),
    ("Next: Road repairs to start in June", "pagination"),
    ("Page 2 of 3", "pagination"),
    ("12 Comments", "comments"),
    ("Leave a Reply", "comments"),
    ("Subscribe now", "subscribe"),
    ("Sign in", "login"),
    ("About the author", "author_box"),
]

OTHER_LANGUAGES = [  # (language, line) placed inside a story in that language
    ("de", "Anzeige", "advertisement"),
    ("de", "Lesen Sie auch: Warum der Nahverkehr teurer wird", "read_more"),
    ("de", "Artikel teilen", "share"),
    ("de", "Foto: dpa", "caption"),
    ("fr", "Lire aussi : Le réseau de bus de nuit en chiffres", "read_more"),
    ("fr", "Publicité", "advertisement"),
    ("fr", "Partager sur Facebook", "share"),
    ("es", "Más información: el plan de transporte nocturno", "read_more"),
    ("it", "Leggi anche: il piano dei trasporti notturni", "read_more"),
    ("pt", "Leia também: o plano de transporte noturno", "read_more"),
    ("nl", "Lees ook: het plan voor de nachtbus", "read_more"),
]

BEFORE = [  # placed before the story (header zone)
    ("Skip to main content", "navigation"),
    ("Menu", "navigation"),
    ("Top Stories", "list_header"),
    ("City Desk", "label"),
]


@pytest.mark.parametrize(("line", "reason"), INSIDE)
def test_reason_inside_body(line: str, reason: str) -> None:
    doc = run([*BODY[:2], line, *BODY[2:]])
    assert reason_of(doc, line) == reason
    assert all(p in doc.text for p in BODY)


@pytest.mark.parametrize(("language", "line", "reason"), OTHER_LANGUAGES)
def test_reason_other_languages(language: str, line: str, reason: str) -> None:
    body = FRENCH if language == "fr" else GERMAN  # the stop words matter only for the story lines
    doc = run([*body[:2], line, *body[2:]], language if language in ("de", "fr") else None)
    assert reason_of(doc, line) == reason


@pytest.mark.parametrize(("line", "reason"), AFTER)
def test_reason_after_body(line: str, reason: str) -> None:
    doc = run([*BODY, line])
    assert reason_of(doc, line) == reason
    assert doc.text.strip() == "\n".join(BODY)


@pytest.mark.parametrize(("line", "reason"), BEFORE)
def test_reason_before_body(line: str, reason: str) -> None:
    doc = run([line, *BODY])
    assert reason_of(doc, line) == reason
    assert doc.text.strip() == "\n".join(BODY)


# -- link lists and related ----------------------------------------------------------------
HEADLINES_A = [
    "Harbour ferry fares to rise for the first time in a decade",
    "School meal programme expands to four more districts",
    "Why the old library roof has been leaking since spring",
]
HEADLINES_B = [
    "Cyclists ask for safer crossings near the central station",
    "Museum reopens its west wing after two years of work",
    "Could the river tram finally return to the city?",
]
HEADLINES_C = [
    "Farmers market moves indoors for the winter months",
    "New bridge lights are switched on along the waterfront",
]


def test_link_lists_go_to_related_in_order() -> None:
    lines = [
        "Metro Pulse",
        *BODY,
        "___",
        "Reporters Jane Doe and John Roe contributed.",
        "great! (4521)",
        "Related",
        *[f"- {h}" for h in HEADLINES_A],
        "Popular",
        *[f"- {h}" for h in HEADLINES_B],
        "Picks",
        *HEADLINES_C,
    ]
    doc = run(lines)
    assert doc.get("related") == tuple(HEADLINES_A + HEADLINES_B + HEADLINES_C)
    assert doc.text.strip().split("\n") == [*BODY, "Reporters Jane Doe and John Roe contributed."]
    edits = stage_edits(doc)
    assert ("Metro Pulse", "label", "remove") in edits
    assert ("___", "separator", "remove") in edits
    assert ("great! (4521)", "widget", "remove") in edits
    for header in ("Related", "Popular", "Picks"):
        assert (header, "list_header", "remove") in edits
    assert (f"- {HEADLINES_A[0]}", "related_list", "extract") in edits
    assert (HEADLINES_C[-1], "related_list", "extract") in edits


def test_story_printed_twice_keeps_one_copy() -> None:
    doc = run([*BODY, "Share", *BODY])
    assert doc.text.strip().split("\n") == BODY
    assert len(removed_lines(doc, "duplicate")) == len([p for p in BODY if len(p.split()) >= 15])


def test_a_run_of_paragraphs_printed_twice_in_a_row_keeps_one_copy() -> None:
    doc = run([*BODY[:3], *BODY[:3], *BODY[3:]])
    assert doc.text.strip().split("\n") == BODY
    assert removed_lines(doc, "duplicate") == BODY[:3]


def test_a_paragraph_the_writer_repeats_stays() -> None:
    lines = [*BODY[:2], BODY[1], *BODY[2:]]  # one paragraph twice in a row: no page repeat
    assert run(lines).text.strip().split("\n") == lines
    lines = [*BODY[:2], BODY[0], *BODY[2:]]  # a refrain: the copy follows other text
    assert run(lines).text.strip().split("\n") == lines


def test_a_run_of_lines_removed_for_one_reason_is_one_edit() -> None:
    doc = run([*BODY, "Share", *BODY])
    edits = [e for e in doc.edits if e.stage == "remove_boilerplate"]
    duplicate = [e for e in edits if e.reason == "duplicate"]
    assert len(duplicate) == 1  # the second copy is one run of neighbouring lines
    assert duplicate[0].before.strip().split("\n") == BODY
    assert [e.reason for e in edits] == ["share", "duplicate"]  # another reason: its own edit
    assert replay(doc.base_text, doc.edits) == doc.text


# -- tags ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("#Transport #night #Buses", ("Transport", "night", "Buses")),
        ("Tags: transport, night buses, city council", ("transport", "night buses", "city council")),
        ("Schlagwörter: Verkehr, Nachtbus", ("Verkehr", "Nachtbus")),
        ("Étiquettes : transports, bus de nuit", ("transports", "bus de nuit")),
    ],
)
def test_tags_extracted(line: str, tags: tuple[str, ...]) -> None:
    doc = run([*BODY, line])
    assert doc.get("tags") == tags
    assert stage_edits(doc) == [(line, "tags", "extract")]


def test_hashtag_inside_sentence_stays() -> None:
    line = "The mayor thanked staff under the hashtag #NightBus, which trended locally for the whole evening."
    doc = run([*BODY, line])
    assert stage_edits(doc) == []
    assert doc.get("tags") is None


# -- credit lines stay with the story ---------------------------------------------------------------
@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Associated Press writer Jane Doe in Lisbon, Portugal, contributed.",
        "— Staff writer Jane Doe contributed to this report.",
        "Additional reporting by John Roe in Brussels.",
    ],
)
def test_credit_lines_kept(credit: str) -> None:
    doc = run([*BODY, "___", credit, "Share"])
    assert credit in doc.text.split("\n")
    assert {r for _, r, _ in stage_edits(doc)} == {"separator", "share"}


# -- clean controls: zero edits -------------------------------------------------------------------------
CLEAN_INLINE = {
    "bulleted_list": [
        BODY[0],
        "The plan includes:",
        "- two new routes in the northern districts;",
        "- a later last departure on Fridays and Saturdays;",
        "- a review of fares after one year.",
        BODY[1],
        BODY[2],
    ],
    "short_paragraphs": [
        BODY[0],
        "It passed by one vote.",
        BODY[1],
        "Nobody objected.",
        BODY[3],
        "The first buses run in March.",
    ],
    "quotes_and_words": [
        "Council members had had doubts regarding the cost since the spring, when engineers revised the estimate.",
        "“We looked at the numbers once more,” said the chair of the finance committee, “and the routes could not wait.”",
        "Following the vote, residents gathered outside the hall, where several said they were relieved.",
        "“It is a good start,” one of them said.",
    ],
    "german": GERMAN,
    "french": FRENCH,
    # a camel-case name after a number is no headline glued to a summary
    "camel_case_names": [
        "Following the 16-inch LaptopPro, the maker plans a new 13-inch model with a quieter keyboard next year.",
        BODY[1],
        "The new 16-inch LaptopPro has a redesigned keyboard, largely based on the one sold on its own since 2015.",
        BODY[3],
    ],
}


@pytest.mark.parametrize("name", sorted(CLEAN_INLINE))
def test_clean_controls_inline(name: str) -> None:
    lang = {"german": "de", "french": "fr"}.get(name, "en")
    doc = run(CLEAN_INLINE[name], lang)
    assert stage_edits(doc) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "clean").glob("*.txt")), ids=lambda p: p.stem)
def test_clean_controls_fixtures(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for lang in (None, "en", "de", "fr"):
        doc = Document.from_text(text)
        doc = remove_boilerplate(doc.with_fields(language=lang) if lang else doc)
        assert stage_edits(doc) == [], lang


def test_table_after_the_story_stays() -> None:
    rows = [
        "June 9 – Harbour City, HC @ Riverside Hall",
        "June 12 – Northfield, NF @ The Old Mill",
        "July 2 – Easton, ES @ Market Square Stage",
        "July 8 – Westport, WP @ Pier Pavilion",
    ]
    doc = run([*BODY, "The Night Bus Tour Dates", *rows, "Related", *HEADLINES_A])
    assert all(row in doc.text for row in rows)
    assert "The Night Bus Tour Dates" in doc.text
    assert doc.get("related") == tuple(HEADLINES_A)


# -- a repeated paragraph -------------------------------------------------------------------------------
def test_repeated_paragraph_without_furniture_between_stays() -> None:
    # the writer repeats a paragraph (a refrain, an interview question): nothing between the copies
    lines = [BODY[0], BODY[1], BODY[1], BODY[2], BODY[0]]
    assert stage_edits(run(lines)) == []


# -- an article's own rendering: a story, not a page --------------------------------------------------------
REPEATED = "Paragraph of text that reads like prose."


@pytest.mark.parametrize("heading", ["Vote delayed\n============", "==="])
def test_text_under_a_written_heading_is_read_as_a_story(heading: str) -> None:
    # a paragraph the story repeats ten times: a page capture keeps one copy, but the
    # rendering of an article that kept them all (Article.to_text) keeps them all again
    story = "\n\n".join([REPEATED] * 10)
    page = newsclean.clean(story, kind="text")
    assert page.paragraphs == (REPEATED,)
    again = newsclean.clean(f"{heading}\n\n{story}", kind="text")
    assert again.paragraphs == (REPEATED,) * 10
    assert [e.reason for e in again.edits if e.action != "extract"] == []


def test_clear_clutter_still_goes_under_a_written_heading() -> None:
    lines = ["Vote delayed", "============", "", BODY[0], "Share this article", BODY[1], "* * *", BODY[2]]
    out = newsclean.clean("\n".join(lines), kind="text")
    assert out.paragraphs == tuple(BODY[:3])
    removed = [(e.reason, e.before.strip()) for e in out.edits if e.action == "remove"]
    assert removed == [("share", "Share this article"), ("separator", "* * *")]


def test_a_rendering_of_unknown_language_keeps_what_the_first_pass_kept() -> None:
    # The first pass read the page as English and kept "Media" (a menu word in other
    # languages' lists); the rendering holds too few words for a language, and a second
    # cleaning reads it with the English entries alone, so it keeps what the first kept.
    first = newsclean.clean('<html lang="en-n">Media')
    assert first.paragraphs == ("Media",)
    again = newsclean.clean(first.to_text(), kind="text")
    assert again.language is None
    assert again.paragraphs == ("Media",)
    assert [e.reason for e in again.edits if e.action == "remove"] == []


def test_english_entries_still_go_from_a_rendering_of_unknown_language() -> None:
    out = newsclean.clean("===\n\nMedia\n\nHome", kind="text")
    assert out.language is None
    assert out.paragraphs == ("Media",)
    assert [(e.reason, e.before.strip()) for e in out.edits if e.action == "remove"] == [
        ("navigation", "Home")
    ]


# -- HTML input: the extractor already kept the story ------------------------------------------------------
def run_html(lines: list[str], language: str | None = "en") -> Document:
    doc = Document.from_text("\n".join(lines), kind="html")
    if language:
        doc = doc.with_fields(language=language)
    return remove_boilerplate(doc)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this article", "share"),
        ("Advertisement", "advertisement"),
        ("Sign up for our newsletter", "newsletter"),
        ("We use cookies to improve your experience. By using this site you accept cookies.", "cookie"),
        ("Like! (1234)", "widget"),
        ("👍 12", "widget"),
        ("* * *", "separator"),
    ],
)
def test_html_removes_clear_clutter(line: str, reason: str) -> None:
    doc = run_html([BODY[0], line, BODY[1]])
    assert reason_of(doc, line) == reason
    assert doc.text.split("\n")[:2] == [BODY[0], BODY[1]]


def test_html_tags_lines_go_to_tags() -> None:
    doc = run_html([*BODY[:2], "Tags: buses, council"])
    assert doc.get("tags") == ("buses", "council")


HTML_STORY = {
    # a lead paragraph that reads like a teaser (title-case start glued to a sentence)
    "lead_like_teaser": [
        "LONDON (Reuters) - Britain's Prime Minister Said On Monday That the vote would go ahead in spring.",
        *BODY[:3],
    ],
    # headline-like short lines between paragraphs: subheadings or a list in the story
    "title_case_list": [BODY[0], *HEADLINES_A, BODY[1], *HEADLINES_B, BODY[2]],
    # a table of numbers is story text once the extractor has kept it
    "table_cells": [BODY[0], "Team", "Points", "Harbour United", "5040", "85%", "1 of 3", BODY[1]],
    # short lines before the first paragraph and after the last one
    "short_edges": ["Night buses", "Metro desk", *BODY, "The end of the line"],
    # a story printed twice by the extractor keeps both copies (nothing is clearly clutter)
    "repeated": [*BODY[:2], *BODY[:2]],
}


@pytest.mark.parametrize("name", sorted(HTML_STORY))
def test_html_keeps_story_lines(name: str) -> None:
    assert stage_edits(run_html(HTML_STORY[name])) == []


@pytest.mark.parametrize("name", sorted(CLEAN_INLINE))
def test_html_clean_controls(name: str) -> None:
    lang = {"german": "de", "french": "fr"}.get(name, "en")
    assert stage_edits(run_html(CLEAN_INLINE[name], lang)) == []


def test_text_capture_still_judges_by_context() -> None:
    # the same lines as a text capture: link lists and labels go
    doc = run(["Metro desk", *BODY, "Related", *HEADLINES_A])
    reasons = [r for _, r, _ in stage_edits(doc)]
    assert reasons.count("related_list") == len(HEADLINES_A)


# -- seeds through the whole pipeline ------------------------------------------------------------------
def test_seed_000_lists_and_credit() -> None:
    import newsclean

    path = FIXTURES / "000_9a6809b7c917213f.txt"
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    article = newsclean.clean(path.read_text(encoding="utf-8"))
    assert list(article.related) == expected["related"]
    assert expected["paragraphs"][-1] in article.paragraphs
    for line in expected["removed_lines"]:
        assert line not in article.paragraphs


def test_seed_004_hashtags() -> None:
    import newsclean

    path = FIXTURES / "004_9cc89ab7c38bfaf7.txt"
    article = newsclean.clean(path.read_text(encoding="utf-8"))
    assert list(article.tags) == ["Putin", "defends", "cooperation", "North", "Korea"]


# -- invariants ---------------------------------------------------------------------------------------------
LINES = st.sampled_from(
    [
        *BODY,
        *HEADLINES_A,
        "Share",
        "Related",
        "- Some headline of a list item here",
        "#Tag #Other",
        "___",
        "Like! (12)",
        "",
        "Tags: a, b",
        "Advertisement",
        "jsmith says:",
        "© 2024 Example. All rights reserved.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES | st.text(max_size=80), max_size=30))
def test_replay_and_never_raises(lines: list[str]) -> None:
    doc = run(lines)
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    assert len(classify_lines(doc.text.split("\n"))) == len(doc.text.split("\n"))


def test_idempotent_on_cleaned_output() -> None:
    lines = ["Menu", "Share", *BODY, "Related", *HEADLINES_A, "Privacy Policy"]
    once = run(lines)
    twice = remove_boilerplate(once)
    assert twice.text == once.text


def test_large_input_is_linear() -> None:
    block = [*BODY, "Share", "Related", *HEADLINES_A, "- " * 500, "a" * 5000]
    doc = run(block * 300)
    assert replay(doc.base_text, doc.edits) == doc.text


# -- fast paths decide as the bare patterns ---------------------------------------------------------------
TRICKY = st.text(
    alphabet=st.sampled_from(
        [
            *"aAzZ09 .,:;!?'\"()[]-_#|/>»›«’“”—–…©%kKmMsS\t",
            *(
                "ß",
                "é",
                "É",
                "ſ",
                "ª",
                "²",
                "µ",
                "\u00ad",
                "\u200b",
                "中",
                "ひ",
                "한",
                "👍",
                "\u0301",
                "ó",
                "Ó",
            ),
        ]
    ),
    max_size=60,
)
SAID = st.sampled_from(
    ["says", "SAID", "wrote:", "a écrit :", "ESCRIBIÓ", "ſays", "Reporting by", "contributed."]
)


@settings(max_examples=400, deadline=None)
@given(TRICKY | st.text(max_size=60) | st.builds(lambda a, b: f"{a} {b}", TRICKY, SAID))
def test_fast_paths_match_the_patterns(text: str) -> None:
    from newsclean.stages import boilerplate_features as bp
    from newsclean.stages import boilerplate_vocab as bv

    assert bp._words(text) == bp._WORD.findall(text)
    assert bv._strip_edges(text) == bv._EDGE.sub("", text)
    assert bp._ends_sentence(text) == bool(bp._TERMINAL.search(text))
    if text and bp._is_plain(text):
        assert text.lower().strip(bv._PLAIN_EDGE) == bv._EDGE.sub("", text).lower()
    body = text.strip()  # the stage judges stripped lines
    if bp._COMMENT_HEAD.match(body):
        assert body[-1:] in bp._COMMENT_LAST and bp._maybe_comment_head(body.casefold())
    if bp._CREDIT.search(body):
        low = body.casefold()
        assert body[:1] in bp._CREDIT_FIRST or low.startswith(bp._CREDIT_STARTS) or "contributed" in low
    if body and (bp._WIDGET.match(body) or bp._COUNTER.match(body)):
        first = body[0]
        assert not first.isascii() or first in bp._WIDGET_FIRST or first.isdigit() or body[-1] in ")]"


def test_plain_edge_characters_are_the_edge_pattern() -> None:
    from newsclean.stages import boilerplate_features as bp
    from newsclean.stages import boilerplate_vocab as bv

    expected = {ch for ch in map(chr, range(0x2600)) if not bp._NOT_PLAIN.match(ch) and bv._EDGE.match(ch)}
    assert set(bv._PLAIN_EDGE) == expected
    # (ASCII text is stripped of the ASCII ones: the same characters there)
    assert {ch for ch in bv._PLAIN_EDGE if ch.isascii()} == set(bv._ASCII_EDGE)


def test_no_cjk_character_before_the_cjk_guard() -> None:
    from newsclean.stages import boilerplate_features as bp

    # a line whose largest character is below _CJK_FROM skips the _CJK count
    assert not any(bp._CJK.match(chr(c)) for c in range(ord(bp._CJK_FROM)))
    assert bp._CJK.match(bp._CJK_FROM)


@pytest.mark.parametrize(
    "line",
    [
        "https://example.org/a",
        "http://example.org",
        "www.example.org",
        "jane@example.org",
        "@handle",
        "http:/x",
        "wwwx",
    ],
)
def test_url_guard_agrees_with_pattern(line: str) -> None:
    from newsclean.stages import boilerplate_features as bp

    guarded = ("@" in line or line.startswith(bp._URL_STARTS)) and bp._URL.match(line) is not None
    assert guarded == (bp._URL.match(line) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "Several council members voted against the proposal.\n"
        "Officials expect a decision after a public hearing later this month.",
        "The bridge reopened on Monday after three weeks of repairs.\n"
        "Drivers said the detour had added twenty minutes to their commute.\n"
        "The city expects the final paving work to finish before the winter.",
    ],
)
def test_running_prose_after_the_story_span_stays(text: str) -> None:
    # A story does not stop in the middle of running prose (EXTEND_OVER_PROSE).
    article = newsclean.clean(text)
    assert article.edits == ()
    assert "\n".join(article.paragraphs) == text


# -- second pass: cleaning an Article's own rendering again changes no content ----------------

WRAPPED_STORY = [
    "The library board met on Thursday evening to decide what to do with the old",
    "reading room, which has been closed since the roof leaked in the spring. Several",
    "members argued that the room should become a study space for students, while",
    "others wanted to rent it out for meetings to raise money for the repairs.",
    "After two hours of discussion the board agreed to ask the city for an estimate",
    "of the repair costs before making any decision about the future of the room.",
    "The director said she expected the estimate to arrive within a month, and that",
    "the board would hold a public meeting once the figures were known to everyone.",
]


def _rendering(article: newsclean.Article) -> str:
    """The canonical rendering of an Article: title line, blank line, paragraphs."""
    return "\n\n".join(([article.title] if article.title else []) + list(article.paragraphs))


def _content_edits(article: newsclean.Article) -> list[str]:
    return [f"{e.stage}/{e.reason}: {e.before!r}" for e in article.edits if e.action in ("remove", "replace")]


def test_units_join_a_wrapped_paragraph_across_one_blank_line() -> None:
    from newsclean.stages.boilerplate_features import _units

    lines = ["The board met on Thursday to decide what to do with the", "", "old reading room."]
    assert [members for members, _ in _units(lines)] == [[0, 2]]
    # two blank lines end the paragraph; so does a line that ends a sentence
    assert len(_units(["The board met on Thursday to decide what to do with the", "", "", "old room."])) == 2
    assert len(_units(["The board met on Thursday to decide the matter.", "", "after that, tea."])) == 2


def test_units_join_a_line_that_ends_on_a_comma_with_the_next() -> None:
    from newsclean.stages.boilerplate_features import _units

    lines = [
        "The ferry service started in the spring of that year under the Harbour Board,",
        "Marine Division and the town council.",
    ]
    assert [members for members, _ in _units(lines)] == [[0, 1]]
    # a short line ending on a comma (a label, an address part) and a sentence end do not join
    assert len(_units(["Harbour Road,", "Marine Division"])) == 2
    assert len(_units(["The ferry service started in the spring of that year.", "Marine Division"])) == 2


# A paragraph hard-wrapped before capitalised words (written for this test).
WRAPPED_AT_NAMES = [
    "The night bus network will reach three new districts from March, said the Regional Transport Board,",
    "Northern Division, after a vote that took most of Tuesday evening and ended with a majority of one,",
    "City Hall officials, and the drivers' union, who had asked for the change for years.",
]


def test_a_paragraph_wrapped_before_capitalised_words_is_kept_whole() -> None:
    doc = run(["Home | News | Sport", *BODY[:2], *WRAPPED_AT_NAMES, *BODY[2:], "Share"])
    assert all(line in doc.text for line in WRAPPED_AT_NAMES)


# A story kept with the line breaks of its source (written for this test): wrapped at a
# fixed width at first, then into short pieces, few of which are 25 characters long.
HARD_WRAPPED_STORY = [
    "The harbour museum reopened its east wing on Saturday after a year of work on",
    "the roof and the old stone walls, which had let in water every winter since the",
    "storm. The curators moved",
    "more than",
    "two thousand objects back",
    "into the",
    "galleries during the",
    "last month, working",
    "mostly at night",
    "so that the",
    "west wing could stay",
    "open for school",
    "visits. The new",
    "displays tell the story of the",
    "fishing fleet from the first",
    "wooden boats to the",
    "steel trawlers of the",
    "last century, and a room",
    "on the upper floor",
    "shows the photographs",
    "of a local",
    "family who kept",
    "the lighthouse for",
    "four generations.",
]
MUSEUM_HEAD = ["Home", "Visit", "Collections", "Events", "Contact", "The harbour museum"]
MUSEUM_FOOT = ["Opening hours", "Tickets", "Copyright 2006 Harbour Museum Trust"]


def test_a_hard_wrapped_story_broken_into_short_pieces_is_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.stages import boilerplate_features as bf

    page = [*MUSEUM_HEAD, *HARD_WRAPPED_STORY, *MUSEUM_FOOT]
    doc = run(page)
    assert all(line in doc.text.split("\n") for line in HARD_WRAPPED_STORY)
    assert "Opening hours" not in doc.text
    # read as short lines (the page not taken for hard-wrapped), the pieces lose the story's second half
    monkeypatch.setattr(bf, "WRAPPED_PAGE_SHARE", 2.0)
    assert sum(line not in run(page).text.split("\n") for line in HARD_WRAPPED_STORY) >= 10


@pytest.mark.parametrize(
    ("lines", "wrapped"),
    [
        ([*MUSEUM_HEAD, *HARD_WRAPPED_STORY, *MUSEUM_FOOT], True),
        (HARD_WRAPPED_STORY, True),
        (BODY, False),  # one paragraph a line
        (["home page", "about us", "site map", "contact us", "privacy policy", *BODY], False),
        (WRAPPED_STORY[:2], True),  # the one long line that goes on
        ([], False),
    ],
)
def test_hard_wrapped_pages(lines: list[str], wrapped: bool) -> None:
    from newsclean.stages.boilerplate_features import _hard_wrapped

    assert _hard_wrapped(lines) is wrapped


def test_short_lines_join_only_on_a_hard_wrapped_page() -> None:
    from newsclean.stages.boilerplate_features import _units

    # a menu of short lines in lower case stays one unit a line
    menu = ["home page", "about us", "site map", "contact us"]
    assert len(_units([*menu, *BODY])) == len(menu) + len(BODY)
    # the short pieces of a hard-wrapped paragraph are one unit with it
    units = _units(HARD_WRAPPED_STORY)
    assert [members for members, _ in units] == [list(range(len(HARD_WRAPPED_STORY)))]
    # a short line ending on a comma is continued only by a line that opens in lower case
    assert len(_units([*HARD_WRAPPED_STORY, "Harbour Road,", "Museum Quarter"])) == 3
    assert len(_units([*HARD_WRAPPED_STORY, "Harbour Road,", "near the quay"])) == 2


def test_clean_hard_wrapped_text_is_left_alone() -> None:
    article = newsclean.clean("\n".join(HARD_WRAPPED_STORY))
    assert [e for e in article.edits if e.stage == "remove_boilerplate"] == []


@pytest.mark.parametrize("lang", ["en", None])
def test_clean_text_with_lines_ending_on_commas_is_left_alone(lang: str | None) -> None:
    """A clean story quoting a verse (each line ends on a comma) and a list sentence."""
    story = [
        BODY[0],
        "The poem read at the opening of the new line begins:",
        "When the last tram has gone to sleep,",
        "And the lamps burn low along the quay,",
        "The night bus keeps the promise that the city made to me.",
        BODY[1],
        "Members from the northern districts, the harbour and the old town voted for the plan,",
        "Members from the southern districts voted against it.",
        BODY[3],
    ]
    doc = run(story, lang)
    assert stage_edits(doc) == []


def test_second_pass_keeps_a_hard_wrapped_story() -> None:
    head = ["Home", "News", "Sport", "Contact us", "Library board delays a decision on the reading room"]
    capture = "\n".join([*head, *WRAPPED_STORY, "Share this article", "About us"])
    first = newsclean.clean(capture, kind="text")
    assert set(WRAPPED_STORY) <= set(first.paragraphs)
    second = newsclean.clean(_rendering(first), kind="text")
    assert _content_edits(second) == []
    assert (second.title, second.paragraphs) == (first.title, first.paragraphs)


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.txt")), ids=lambda p: p.name)
def test_second_pass_on_fixture_captures_changes_no_content(path: Path) -> None:
    first = newsclean.clean(path.read_text(encoding="utf-8"), kind="text")
    second = newsclean.clean(_rendering(first), kind="text")
    assert _content_edits(second) == []
    assert (second.title, second.paragraphs) == (first.title, first.paragraphs)


# -- the decisions are a fixpoint: the stage's output loses nothing more ------------
FURNITURE = [
    "Home | World | Sport | Business",
    "Share this article",
    "Related stories",
    "Council extends night buses",
    "Mayor opens new library wing",
    "Advertisement",
    "By Ann Lee",
    "Reblog",
    "Comments (3)",
    "Copyright 2024 The Courier. All rights reserved.",
    "Read more:",
    "Tags: council, buses",
    "Posted at 12:54 PM | Permalink",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FURNITURE + BODY), min_size=1, max_size=25))
def test_output_is_a_fixpoint(lines: list[str]) -> None:
    first = run(lines)
    again = remove_boilerplate(Document.from_text(first.text).with_fields(language="en"))
    assert stage_edits(again) == []


def test_until_stable_stops_when_a_round_removes_nothing() -> None:
    from newsclean.stages.boilerplate import LineDecision, _until_stable

    texts = [*BODY, "Share this article"]
    decisions = [LineDecision(True)] * len(BODY) + [LineDecision(False, "share")]
    assert _until_stable(texts, decisions, "en") == decisions


def test_a_label_left_alone_by_the_menu_goes_in_the_same_pass() -> None:
    # round one takes the menu; the headline above it then heads nothing but a label
    lines = ["Council extends night buses", "Home | World | Sport | Business", BODY[0]]
    first = run(lines)
    assert first.text.strip() == BODY[0]


def test_collector_paused_only_during_the_analysis_of_a_long_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from newsclean import layout
    from newsclean.stages import boilerplate

    seen: list[bool] = []
    real = layout.analyze_lines

    def spy(texts: Sequence[str], language: str | None = None) -> layout.Layout:
        seen.append(gc.isenabled())
        return real(texts, language)

    monkeypatch.setattr(layout, "analyze_lines", spy)
    run(BODY)
    monkeypatch.setattr(boilerplate, "GC_PAUSE_LINES", 2)
    run(["Share this article", *BODY])
    assert seen[0] is True and seen[-1] is False
    assert gc.isenabled()

    def boom(texts: Sequence[str], language: str | None = None) -> layout.Layout:
        raise RuntimeError("analysis failed")

    monkeypatch.setattr(layout, "analyze_lines", boom)
    with pytest.raises(RuntimeError):
        run(BODY)
    assert gc.isenabled()


# -- a story in several blocks ------------------------------------------------------------------------------
ROUTES = [
    "1) The northern loop runs through Millfield and past the hospital every forty minutes after midnight.",
    "2) The river line follows the docks to the ferry terminal and back once an hour until five.",
]
SHORT_ROUTES = ["3) Eastgate Road and the depot", "4) Station Square", "5) Old Town and the university"]


def test_numbered_list_begun_in_the_story_goes_on_after_it() -> None:
    doc = run([*BODY[:3], *ROUTES, *SHORT_ROUTES, "Related", *HEADLINES_A])
    assert all(item in doc.text for item in SHORT_ROUTES)
    assert doc.get("related") == tuple(HEADLINES_A)


def test_numbering_that_does_not_go_on_is_not_story() -> None:
    # "7)" does not follow "2)", and a numbered menu after a story without a list stays page furniture
    skipped = ["7) Eastgate Road and the depot", "8) Station Square", "9) Old Town and the university"]
    doc = run([*BODY[:3], *ROUTES, *skipped])
    assert not any(item in doc.text for item in skipped)
    menu = ["1) Home and weather", "2) Sport results", "3) Contact the newsroom"]
    doc = run([*BODY, *menu])
    assert not any(item in doc.text for item in menu)


def test_a_near_run_joins_the_body_before_a_larger_one_farther_away() -> None:
    from newsclean.stages.boilerplate_decisions import _join_runs
    from newsclean.stages.boilerplate_model import FEATURES, LineModel

    model = LineModel(weights=dict.fromkeys(FEATURES, 0.0), bias=0.0, join_share=0.3, join_gap=3)
    # body [0, 2) totals 20; a run of 8 two units on; a larger run of 30 far away
    scores = [10.0, 10.0, -1.0, -1.0, 8.0, *[-5.0] * 10, 30.0]
    assert _join_runs(scores, model, 0, 2, 20.0, len(scores)) == (0, 5)
    # ... and the same on the other side of the body
    back = scores[::-1]
    n = len(back)
    assert _join_runs(back, model, n - 2, n, 20.0, n) == (n - 5, n)


def test_html_handed_on_whole_is_judged_like_a_capture() -> None:
    # the HTML stage found no story and handed on the whole page: teaser headlines go as
    # they would in a text capture; without the mark the stage only removes clear clutter
    menu = ["Bridge reopens after repairs", "Floods in the north", "Museum opens its new wing"]
    doc = Document.from_text("\n".join([*menu, *BODY]), kind="html").with_fields(language="en")
    whole = remove_boilerplate(doc.with_extra("html", {"whole_page": True}))
    assert whole.text.strip() == "\n".join(BODY)
    assert all(line in remove_boilerplate(doc).text for line in menu)


def test_a_story_paragraph_holding_a_footer_phrase_is_kept_when_the_text_is_the_story() -> None:
    # Text that is already the story (an HTML extraction, an Article's rendering) loses
    # only clear clutter: a footer line goes, a paragraph that holds the same phrase stays.
    from newsclean.stages.boilerplate_decisions import CONSERVATIVE_HIT_WORDS

    footer = "Copyright © 2019 Example Media. All rights reserved."
    paragraph = (
        "The company said on Monday that it could not say when the plant would reopen, and "
        "analysts warned that the delay would weigh on the quarter. " + footer
    )
    assert len(paragraph.split()) > CONSERVATIVE_HIT_WORDS
    decisions = classify_lines([paragraph, footer], "en", conservative=True)
    assert decisions[0].keep
    assert not decisions[1].keep and decisions[1].reason == "copyright"


# -- where reader comments begin ---------------------------------------------------------
COMMENTS = [
    "Finally someone says it. The night buses in our part of town have been full every single weekend.",
    "I drive a taxi and I can tell you that the demand after midnight is much bigger than the council thinks.",
    "Good news, but the stations really do need repairs first, the one near the market floods every winter.",
    "Will the new routes run on public holidays as well, or only on the normal working days of the week?",
]


@pytest.mark.parametrize(
    "count",
    ["37 comments", "{ 43 comments… read them below or add one }", "12 Responses", "Reader Comments (4)"],
)
def test_a_comment_count_after_the_story_opens_the_comments(count: str) -> None:
    names = ["Maria", "Tom Harker", "Jens", "Ana"]
    thread = [line for pair in zip(names, COMMENTS, strict=True) for line in pair]
    doc = run([*BODY, count, *thread])
    assert doc.text.strip() == "\n".join(BODY)
    assert not any(c in doc.text for c in COMMENTS)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("37 comments", True),
        ("{ 43 comments", True),
        ("(12) Responses", False),
        ("Reader Comments (4)", True),
        ("Comments [12]", True),
        ("Comments", False),
        ("Share this story", False),
        ("Leave a comment (or two)", False),
        ("No. 7 in the series", False),
    ],
)
def test_comment_count_heads_read_by_the_count_pattern(line: str, expected: bool) -> None:
    # the cheap test before the pattern (a digit among the first characters, or a bracket)
    # gives the pattern's own answer
    from newsclean.stages.boilerplate_decisions import _COMMENT_COUNT, _is_comment_count, page_units

    _, feats = page_units([line], "en")
    f = feats[0]
    bare = f.words <= 12 and f.kind in ("other", "bad") and _COMMENT_COUNT.match(line) is not None
    assert _is_comment_count(f) is expected is bare


@pytest.mark.parametrize("hand", [[3.0, -1.0, 2.0, -5.0, 4.0], [-2.0, -1.0], [1.0], []])
def test_best_run_after_each_unit(hand: list[float]) -> None:
    from newsclean.stages.boilerplate_decisions import _best_after

    after = _best_after(hand, [])
    runs = [
        [sum(hand[i:j]) for i in range(b, len(hand)) for j in range(i + 1, len(hand) + 1)]
        for b in range(len(hand))
    ]
    assert after == [max([0.0, *r]) for r in runs] + [0.0]


def test_author_lines_after_a_comment_marker_open_the_comments() -> None:
    thread = []
    for name, comment in zip(["Maria", "Tom Harker", "Jens"], COMMENTS[:3], strict=True):
        thread += [comment, f"Posted by: {name} |"]
    doc = run([*BODY, "Comments", *thread])
    assert not any(c in doc.text for c in COMMENTS[:3])
    assert all(p in doc.text for p in BODY)


# A comment form under a post nobody has answered yet (written for this test).
COMMENT_FORM = [
    "Comments",
    "Post a comment",
    "Your comment will appear here once the editors have read it, which usually takes a day or two.",
    "Please keep to the subject of the article and be kind to the other readers of this page.",
    "Comments that contain links to other sites are held back until somebody has checked them by hand.",
    "Sign in",
]


def test_a_comment_marker_over_a_comment_form_opens_the_comments() -> None:
    doc = run([*BODY[:2], *COMMENT_FORM])
    assert doc.text.strip() == "\n".join(BODY[:2])
    assert reason_of(doc, COMMENT_FORM[2]) == "comments"


def test_a_comment_marker_over_an_author_field_opens_the_comments() -> None:
    form = ["Comments", "Posted by:", *COMMENT_FORM[2:5]]
    doc = run([*BODY[:2], *form])
    assert doc.text.strip() == "\n".join(BODY[:2])


def test_without_the_form_rule_the_form_instructions_stay() -> None:
    """The rule is what removes them: the same page with it turned off keeps the form's prose."""
    import newsclean.layout as layout
    import newsclean.stages.boilerplate_decisions as decisions

    saved = decisions.COMMENT_FORM_WINDOW
    decisions.COMMENT_FORM_WINDOW = 0
    layout._analyze.cache_clear()
    try:
        doc = run([*BODY[:2], *COMMENT_FORM])
    finally:
        decisions.COMMENT_FORM_WINDOW = saved
        layout._analyze.cache_clear()
    assert COMMENT_FORM[2] in doc.text


# A photo post of one short paragraph, its comment form, then a longer blurb about the
# site's author in the sidebar (written for this test).
PHOTO_POST = "Nobody in the office believed this was a pencil drawing until we saw the sketches."
SIDEBAR_BLURB = [
    "About this blog",
    "Anna writes about drawing, printing and the small workshops of her town, where she has lived "
    "for twenty years with two cats and a very old press that she still uses every week.",
    "She teaches evening classes in the library and answers every letter that readers send her, "
    "though it sometimes takes a while when the workshop is busy before the holidays.",
]


def test_a_comment_form_under_a_short_post_ends_the_story() -> None:
    doc = run(["Pencil drawing", PHOTO_POST, "Comments", "Post a comment", "Sign in", *SIDEBAR_BLURB])
    assert PHOTO_POST in doc.text
    assert not any(line in doc.text for line in SIDEBAR_BLURB[1:])
    assert reason_of(doc, SIDEBAR_BLURB[1]) == "comments"


def test_without_the_short_story_form_rule_the_blurb_wins() -> None:
    """The rule is what keeps the post: with the long-story requirement only, the blurb is kept."""
    import newsclean.layout as layout
    import newsclean.stages.boilerplate_decisions as decisions

    saved = decisions.FORM_STORY_BEFORE_END
    decisions.FORM_STORY_BEFORE_END = decisions.STORY_BEFORE_END
    layout._analyze.cache_clear()
    try:
        doc = run(["Pencil drawing", PHOTO_POST, "Comments", "Post a comment", "Sign in", *SIDEBAR_BLURB])
    finally:
        decisions.FORM_STORY_BEFORE_END = saved
        layout._analyze.cache_clear()
    assert PHOTO_POST not in doc.text
    assert SIDEBAR_BLURB[1] in doc.text


def test_an_author_line_under_a_comment_link_above_the_story_ends_nothing() -> None:
    """A post header ("Leave a comment", "Written by …") under a short teaser is no form:
    the story after it is kept."""
    lines = [PHOTO_POST, "Leave a comment", "Written by Anna Berg", *BODY]
    doc = run(lines)
    assert all(p in doc.text for p in BODY)


def test_clean_short_post_mentioning_comments_is_left_alone() -> None:
    """A short clean post whose prose speaks of comments and signing in has no marker line."""
    story = [
        PHOTO_POST,
        "Readers can post a comment under the drawing once they sign in, and the artist will answer them.",
    ]
    doc = run(story)
    assert stage_edits(doc) == []


# A story whose first paragraph ends on the writer's own ellipsis, under its headline
# (written for this test).
LEAD_WITH_ELLIPSIS = [
    "Night Buses Reach The Harbour",
    "The council has finally agreed to run night buses to the harbour, and this is a good "
    "example of why residents should keep writing to their councillors…",
    *BODY,
]


def test_a_lone_headline_over_a_paragraph_ending_on_an_ellipsis_is_the_story_lead() -> None:
    doc = run(LEAD_WITH_ELLIPSIS)
    assert LEAD_WITH_ELLIPSIS[1] in doc.text
    assert all(p in doc.text for p in BODY)
    assert reason_of(doc, LEAD_WITH_ELLIPSIS[1]) is None


def test_teasers_in_a_series_are_removed() -> None:
    """Headlines with cut-off excerpts one after the other are a feed of link teasers."""
    feed = [
        "Bridge Reopens After Repairs",
        "The old bridge over the river reopened on Monday after two years of repairs that cost "
        "far more than the city had planned when the work…",
        "Museum Opens Its New Wing",
        "Visitors queued for an hour on Saturday to see the new wing of the museum, which holds "
        "the collection that a local family left to the…",
    ]
    doc = run([*BODY, *feed])
    assert doc.text.strip() == "\n".join(BODY)
    assert reason_of(doc, feed[1]) == "teaser"
    assert reason_of(doc, feed[3]) == "teaser"


# The end of a page (written for this test): three records of two short lines and a paragraph.
SECTION_PARAGRAPHS = [
    "Staff on every floor will leave the building by the nearest stairs when the alarm sounds.",
    "The meeting point is the car park behind the library, where the wardens take the names.",
    "Visitors are taken out by the member of staff who signed them in at the front desk.",
]
FEED_HEADLINES = [
    "Council Approves New Library Budget",
    "Harbour Museum Opens East Wing",
    "Night Buses Reach Three Districts",
]


def _trimmed(records: list[list[str]]) -> list[str]:
    """The unit texts ``_trim_feed`` keeps of the story and ``records`` (prose scoring positive)."""
    from newsclean.stages import boilerplate_decisions as bd

    units, feats = bd.page_units([*BODY[:3], *[line for r in records for line in r]], "en")
    scores = [10.0 if f.kind == "prose" else -5.0 for f in feats]
    start, end = bd._trim_feed(scores, feats, bd._repeats(feats), 0, len(feats))
    return [text for _, text in units[start:end]]


@pytest.mark.parametrize(
    ("heads", "is_feed"),
    [
        # a story's sections: a short heading and a label over each part
        ([["Fire drills", "Ground floor"], ["Meeting point", "Car park"], ["Visitors", "Front desk"]], False),
        # a feed: a linked headline and its author over each excerpt
        ([[h, "Jane Roe"] for h in FEED_HEADLINES], True),
        # a feed: page furniture between the excerpts
        ([["Read more", "Share this article"]] * 3, True),
    ],
)
def test_a_feed_record_holds_a_headline_or_page_furniture(heads: list[list[str]], is_feed: bool) -> None:
    records = [[*head, paragraph] for head, paragraph in zip(heads, SECTION_PARAGRAPHS, strict=True)]
    kept = _trimmed(records)
    assert kept == (BODY[:3] if is_feed else [*BODY[:3], *[line for r in records for line in r]])


def test_a_story_in_short_sections_was_cut_as_a_feed_without_the_headline_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsclean.stages import boilerplate_decisions as bd

    monkeypatch.setattr(bd, "FEED_HEADLINE", False)
    heads = [["Fire drills", "Ground floor"], ["Meeting point", "Car park"], ["Visitors", "Front desk"]]
    records = [[*head, paragraph] for head, paragraph in zip(heads, SECTION_PARAGRAPHS, strict=True)]
    assert _trimmed(records) == BODY[:3]


def test_clean_text_in_short_sections_is_left_alone() -> None:
    heads = [["Fire drills", "Ground floor"], ["Meeting point", "Car park"], ["Visitors", "Front desk"]]
    lines = [*BODY[:3], *[line for h, p in zip(heads, SECTION_PARAGRAPHS, strict=True) for line in (*h, p)]]
    assert newsclean.clean("\n".join(lines)).edits == ()


def test_a_lone_teaser_followed_by_read_more_is_removed() -> None:
    excerpt = (
        "The old bridge over the river reopened on Monday after two years of repairs that cost "
        "far more than the city had planned when the work…"
    )
    doc = run([*BODY, "Bridge Reopens After Repairs", excerpt, "Read more »"])
    assert excerpt not in doc.text
    assert reason_of(doc, excerpt) == "teaser"


def test_clean_story_with_an_ellipsis_is_left_alone() -> None:
    """Clean article text whose paragraphs end on an ellipsis gets no edit."""
    story = [LEAD_WITH_ELLIPSIS[1], *BODY[:3], "And then the first bus left the depot…", *BODY[3:]]
    doc = run(story)
    assert stage_edits(doc) == []


def test_a_repeated_comment_marker_is_no_comment_form() -> None:
    """The same marker twice (a "Reply" under each reader comment, a table of contents
    naming a section twice) is not a marker followed by a form."""
    from newsclean.stages.boilerplate_decisions import _comments_start, page_units

    units, feats = page_units([*BODY, "Discussion", BODY[0], "Discussion", *BODY[1:]], "en")
    marker = next(k for k, (_, text) in enumerate(units) if text == "Discussion")
    assert feats[marker].reason == "comments"
    assert not _comments_start(feats, marker)


@pytest.mark.parametrize(
    ("heads", "expected"),
    [
        (["Anna Berg said:", "Tom Harker wrote:"], True),
        (["4 May 2019 at 4:36 pm", "5 May 2019 at 9:12 am"], True),
        (["Anna Berg said:", "3 hours ago"], True),
        (["4 May 2019 at 4:36 pm", "Weather"], False),
        (["Weather", "Sport"], False),
    ],
)
def test_comment_heads_after_a_marker_open_the_comments(heads: list[str], expected: bool) -> None:
    """Two comment heads or stamps after a marker open a thread; one, or none, does not."""
    from newsclean.stages.boilerplate_decisions import _comments_start, page_units

    units, feats = page_units([*BODY, "Discussion", heads[0], COMMENTS[0], heads[1], COMMENTS[1]], "en")
    marker = next(k for k, (_, text) in enumerate(units) if text == "Discussion")
    assert feats[marker].reason == "comments"
    assert _comments_start(feats, marker) is expected


def test_clean_text_about_commenting_is_left_alone() -> None:
    """Prose that speaks of comments, sign-ins and email addresses has no marker line."""
    story = [
        BODY[0],
        "Residents can post a comment on the plan on the council's website until the end of May.",
        "Those who sign in with an email address will be told when the first night bus leaves.",
        "Comments sent by letter will be read out at the next public meeting of the transport committee.",
        BODY[4],
    ]
    doc = run(story)
    assert stage_edits(doc) == []


# Two posts of a blog's front page, each with the comment link under it (written for this test).
POST_TWO = [
    "Harbour ferry timetable",
    "The harbour ferry will run every twenty minutes from Monday, the operator announced after the summer trial.",
    "Passengers had asked for more evening crossings, and the operator said the trial showed the boats were full.",
    "The new timetable will be printed at every pier and published online by the end of the week.",
]


THIRD_POST = [
    "School meals",
    "The school meal programme expands to four more districts next month, the education office said on Friday.",
    "Parents in those districts had waited two years for the change, which the office says is now fully funded.",
]


def test_the_comment_link_under_each_post_of_a_listing_opens_no_comments() -> None:
    posts = [
        *BODY,
        "posted by Anna @ 10:48 PM",
        "4 comments",
        *POST_TWO,
        "posted by Anna @ 9:12 AM",
        "7 comments",
    ]
    doc = run([*posts, *THIRD_POST, "posted by Jens @ 8:02 AM", "2 comments"])
    assert all(p in doc.text for p in BODY)
    assert all(p in doc.text for p in POST_TWO[1:])


def test_a_comment_link_with_its_count_on_the_next_line_under_each_post_opens_no_comments() -> None:
    posts = [*BODY, "Anna | 10:48 PM", "| Comments", "(4)", *POST_TWO, "Anna | 9:12 AM", "| Comments", "(0)"]
    doc = run([*posts, *THIRD_POST, "Jens | 8:02 AM", "| Comments", "(2)"])
    assert all(p in doc.text for p in BODY)
    assert all(p in doc.text for p in POST_TWO[1:])
    assert all(p in doc.text for p in THIRD_POST[1:])


@pytest.mark.parametrize(
    "line",
    [
        "120 comments were sent to the council during the consultation, most of them asking for later buses.",
        "37 comments were posted within the hour.",
    ],
)
def test_a_story_line_opening_with_a_count_of_comments_is_story(line: str) -> None:
    doc = run([*BODY[:3], line, *BODY[3:]])
    assert doc.text.strip() == "\n".join([*BODY[:3], line, *BODY[3:]])


def test_the_stage_keeps_no_page_analysis() -> None:
    """The stage's analyses are freed with it (see ``_decide``): the analysis cache is left as it was."""
    from newsclean import layout

    layout._analyze.cache_clear()
    doc = run(["Share this article", *BODY, "Advertisement"])
    assert "Advertisement" not in doc.text
    assert layout._analyze.cache_info().currsize == 0


def test_a_tags_header_has_no_more_words_than_its_longest_label() -> None:
    # ``_tag_lines`` asks the header pattern only of lines with at most that many words
    from newsclean.stages import boilerplate_decisions as bd
    from newsclean.stages import boilerplate_features as bf

    for label in bf._line_words("tags_headers"):
        for line in (label, label.upper(), label.title(), f"{label}:", f"{label.upper()} ：", f"{label}\t:"):
            assert bd._TAGS_HEADER.match(line), line
            _, feats = bd.page_units([line], "en")
            assert feats[0].words <= bd._tags_header_words(), line


@pytest.mark.parametrize(
    "fields",
    [
        (True,),
        (False, "tags", "tags", ("a", "b")),
        (False, "related_list", "related", ("Headline",)),
        (False, "x"),
    ],
)
def test_a_decision_made_from_its_slots_is_the_decision(fields: tuple[Any, ...]) -> None:
    import dataclasses

    from newsclean.stages.boilerplate_decisions import LineDecision, _decision

    made = _decision(*fields)
    assert made == LineDecision(*fields) and hash(made) == hash(LineDecision(*fields))
    assert type(made) is LineDecision and repr(made) == repr(LineDecision(*fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.keep = not made.keep  # type: ignore[misc]


# A wire lead names its agency in brackets right after the place: the same mark a photo
# credit can end with, but a caption vocabulary entry matching it would delete the lead.
WIRE_LEADS = [
    (
        "SEVILLA, España (EFE) - Los ministros de agricultura alcanzaron este martes un acuerdo "
        "sobre el reparto de las ayudas, según informaron fuentes del consejo.",
        "El texto será votado la próxima semana por el pleno del parlamento regional, que debe "
        "ratificarlo antes del verano.",
        "EFE",
    ),
    (
        "ROMA (ANSA) - I ministri dell'agricoltura hanno raggiunto martedì un accordo sulla "
        "ripartizione degli aiuti, secondo fonti del consiglio.",
        "Il testo sarà votato la prossima settimana dal parlamento regionale, che deve "
        "ratificarlo prima dell'estate.",
        "ANSA",
    ),
    (
        "BERLIN (dpa) - Die Agrarminister der Länder haben sich am Dienstag auf die Verteilung "
        "der Hilfen geeinigt, wie aus Kreisen des Rates verlautete.",
        "Der Text soll in der kommenden Woche vom Landtag beschlossen werden, der ihn vor dem "
        "Sommer bestätigen muss.",
        "dpa",
    ),
]


@pytest.mark.parametrize(("lead", "second", "agency"), WIRE_LEADS)
def test_a_wire_lead_with_its_agency_stays_in_the_body(lead: str, second: str, agency: str) -> None:
    article = newsclean.clean(f"Ministers agree\n\n{lead}\n\n{second}")
    assert article.paragraphs[0] == lead
    assert article.dateline is not None and article.dateline.agency == agency
