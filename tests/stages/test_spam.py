"""Tests of the remove_spam_keywords stage: placement detection, user lists, repairs, clean controls.

All texts are written for these tests; the phrases are made up.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Pipeline, clean
from newsclean.document import Document, Options, replay
from newsclean.stages.spam import remove_spam_keywords

BODY = (
    "Officials met on Friday with their regional partners to discuss the new trade route.\n"
    "The talks, which lasted three hours, ended without a joint statement.\n"
    "A second round is planned for next month in the capital."
)


def run(text: str, **options: object) -> Document:
    doc = Document.from_text(text, options=Options(**options))  # type: ignore[arg-type]
    return remove_spam_keywords(doc)


# -- detection from placement --------------------------------------------------------

DETECTED = [
    (
        "Zorblat Capital Hub-Rain floods the old city\n"
        "Water rose quickly overnight, said his ally,Zorblat Capital Hub who lives nearby.",
        "Rain floods the old city\nWater rose quickly overnight, said his ally, who lives nearby.",
        "glued after a comma: phrase removed, comma keeps its space",
    ),
    (
        "Zorblat Capital Hub-Rain floods the old city\n"
        "Water rose quickly, officials said on Monday.Zorblat Capital Hub The river fell later.",
        "Rain floods the old city\nWater rose quickly, officials said on Monday. The river fell later.",
        "glued at a sentence end",
    ),
    (
        "Zorblat Capital Hub-Rain floods the old city\n"
        "Water rose quickly and he Zorblat Capital Hub said later that the river fell.",
        "Rain floods the old city\nWater rose quickly and he said later that the river fell.",
        "spliced into a lower-case clause",
    ),
    (
        "Current:Home > ContactQuimbrex Think Tank Center-Storm closes the port -Coastal Daily Wire\n"
        "Quimbrex Think Tank Center-Storm closes the port\n"
        "The harbour master closed the port,Quimbrex Think Tank Center as winds reached gale force.",
        "Current:Home > ContactStorm closes the port -Coastal Daily Wire\n"
        "Storm closes the port\n"
        "The harbour master closed the port, as winds reached gale force.",
        "glued to a breadcrumb: the breadcrumb stays for the metadata stage",
    ),
    (
        "Home > World > Quimbrex Partners - Storm closes the port\n"
        "The harbour closed early.Quimbrex Partners Ships waited offshore.",
        "Home > World > Storm closes the port\nThe harbour closed early. Ships waited offshore.",
        "spaced separator after a breadcrumb",
    ),
    (
        "Vexalor Fund Group | Storm closes the port | Coastal Daily\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port | Coastal Daily\nThe port closed, then reopened.",
        "bar separator",
    ),
    (
        "Vexalor Fund Group：港口因风暴关闭\nThe port closed,Vexalor Fund Group then reopened.",
        "港口因风暴关闭\nThe port closed, then reopened.",
        "full-width colon separator",
    ),
    (
        "Vexalor-Storm closes the port\nThe port closed,Vexalor then reopened.",
        "Storm closes the port\nThe port closed, then reopened.",
        "a single made-up word",
    ),
    (
        "Vexalor Fund Group-Storm closes the port\nThe port closed,Vexalor Fund Group.",
        "Storm closes the port\nThe port closed.",
        "between two marks the stronger one stays",
    ),
    (
        "Storm closes the port | Vexalor Fund Group | Coastal Daily\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port | Coastal Daily\nThe port closed, then reopened.",
        "after the headline, before the site name",
    ),
    (
        "Storm closes the port – Vexalor Fund Group\nThe port closed.Vexalor Fund Group It reopened.",
        "Storm closes the port\nThe port closed. It reopened.",
        "after the headline, spaced en dash, at the line end",
    ),
    (
        "Vexalor Fund Group ｜ Storm closes the port\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port\nThe port closed, then reopened.",
        "full-width bar, spaced",
    ),
    (
        "【Vexalor Fund Group】Storm closes the port\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port\nThe port closed, then reopened.",
        "full-width brackets around the phrase",
    ),
    (
        "Storm closes the port [Vexalor Fund Group]\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port\nThe port closed, then reopened.",
        "ASCII brackets after the headline",
    ),
    (
        "Storm closes the port_Vexalor Fund Group_Coastal Daily\nThe port closed,Vexalor Fund Group then reopened.",
        "Storm closes the port_Coastal Daily\nThe port closed, then reopened.",
        "underscore separators",
    ),
    (
        "Home > World\nStorm closes the port — Vexalor Fund Group\nThe port closed,Vexalor Fund Group then reopened.",
        "Home > World\nStorm closes the port\nThe port closed, then reopened.",
        "a breadcrumb line above the title line is not the title",
    ),
    (
        "Startseite › Politik › Vexalor Fund Group: Sturm schließt den Hafen\n"
        "Der Hafen wurde geschlossen,Vexalor Fund Group dann geöffnet.",
        "Startseite › Politik › Sturm schließt den Hafen\nDer Hafen wurde geschlossen, dann geöffnet.",
        "German breadcrumb, colon",
    ),
    (
        "当前位置：首页 > 资讯 > 鑫瀚财富研究中心－Storm closes the port\nThe port closed and 鑫瀚财富研究中心 then reopened.",
        "当前位置：首页 > 资讯 > Storm closes the port\nThe port closed and then reopened.",
        "a CJK phrase between two words of an English sentence",
    ),
    (
        "ホーム > ニュース > Storm closes the port｜Vexalor Fund Group\nThe port closed,Vexalor Fund Group then reopened.",
        "ホーム > ニュース > Storm closes the port\nThe port closed, then reopened.",
        "Japanese breadcrumb, full-width bar glued",
    ),
    (
        "当前位置：国际 › 资讯Vexalor Fund Group-Storm closes the port\nThe port closed,Vexalor Fund Group then reopened.",
        "当前位置：国际 › 资讯Storm closes the port\nThe port closed, then reopened.",
        "a Latin phrase glued to a CJK crumb: a change of script",
    ),
    (
        "Vexalor-港口因风暴关闭\n例如，消费者在港口看到，Vexalor这是真的。",
        "港口因风暴关闭\n例如，消费者在港口看到，这是真的。",
        "a Latin phrase glued after a CJK comma: no space put back in CJK text",
    ),
    (
        "鑫瀚财富研究中心-comwrap auf der Messe 2018\nüber 100 Seminare und 鑫瀚财富研究中心 über 500 Redner",
        "comwrap auf der Messe 2018\nüber 100 Seminare und über 500 Redner",
        "a hyphen after a CJK phrase separates even before a lower-case headline",
    ),
    (
        "Vexalor Fund Group:13-inch laptop due in 2020\nThe launch slipped,Vexalor Fund Group said the maker at 10:30.",
        "13-inch laptop due in 2020\nThe launch slipped, said the maker at 10:30.",
        "a glued colon before a digit separates; a time does not",
    ),
    (
        "Wild beat the visitors – Golden Studio\nHe has used Golden Studio to scoring goals.\n"
        "He opened the scoring in the neutral Golden Studio zone late on.",
        "Wild beat the visitors\nHe has used to scoring goals.\nHe opened the scoring in the neutral zone late on.",
        "ordinary words, but spliced twice where no name fits",
    ),
    (
        "Storm Hits the Coast! Ports Close!-Zorblat Capital Hub :: Harbour Post\n"
        "The air smelled of Zorblat Capital Hub salt and rain.",
        "Storm Hits the Coast! Ports Close! :: Harbour Post\nThe air smelled of salt and rain.",
        "a hyphen glued after the headline's exclamation mark separates",
    ),
    (
        "港口因风暴关闭丨鑫瀚数字资产交易所\n以下、鑫瀚数字资产交易所その手順。",
        "港口因风暴关闭\n以下、その手順。",
        "a CJK phrase after a clause mark, glued to the next CJK word",
    ),
]


@pytest.mark.parametrize(("text", "expected", "reason"), DETECTED, ids=[r for *_, r in DETECTED])
def test_detected_phrases_are_removed_and_text_repaired(text: str, expected: str, reason: str) -> None:
    out = run(text)
    assert out.text == expected, reason
    assert len(out.get("spam_keywords")) == 1
    assert all(e.reason == "spam_keyword" and e.stage == "remove_spam_keywords" for e in out.edits)
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


def test_keywords_field_lists_each_phrase_once_in_order() -> None:
    text = (
        "Zorblat Capital Hub-Rain floods the old city\n"
        "Water rose,Zorblat Capital Hub then fell.Zorblat Capital Hub The city dried out."
    )
    out = run(text, spam_keywords=("old city",))
    assert out.get("spam_keywords") == ("Zorblat Capital Hub", "old city")
    assert len(out.edits) == 4


ISSUE_19 = "Book Pro—b\nC\n.\n]\n.\nE\n\u0312\n3\ncBook Pro"


WORD_SPLITS = [
    (ISSUE_19, (), ISSUE_19, "the shrunk fuzzed input: 'Book Pro' glued inside 'cBook Pro'"),
    (
        "2016 MacBook Pro — but it ran hot\nBook Pro—x\nHe bought a MacBook Pro,Book Pro later.",
        (),
        "2016 MacBook Pro — but it ran hot",
        "a detected phrase is not cut out of 'MacBook Pro'",
    ),
    (
        "2016 MacBook Pro — but it ran hot",
        ("Book Pro",),
        "2016 MacBook Pro — but it ran hot",
        "a listed phrase",
    ),
    (
        "据东京新闻网报道，市场平稳。",
        ("新闻网",),
        "据东京新闻网报道，市场平稳。",
        "inside a run of CJK characters",
    ),
    (
        "市场平稳。新闻网报道，港口关闭。",
        ("新闻网",),
        "市场平稳。新闻网报道，港口关闭。",
        "a short CJK word after a sentence mark: still inside a run of CJK characters",
    ),
]


@pytest.mark.parametrize(("text", "phrases", "kept", "reason"), WORD_SPLITS, ids=[r for *_, r in WORD_SPLITS])
def test_a_phrase_is_never_cut_out_of_a_word(
    text: str, phrases: tuple[str, ...], kept: str, reason: str
) -> None:
    out = run(text, spam_keywords=phrases)
    assert kept in out.text, reason
    assert "Macbut" not in out.text
    if kept == text:
        assert out.edits == ()
        assert out.get("spam_keywords") is None


def test_a_refused_cut_and_a_found_phrase_are_recorded_as_decisions() -> None:
    out = run("2016 MacBook Pro — but it ran hot", spam_keywords=("Book Pro",))
    assert [(d.reason, d.data["phrase"], d.data["offset"]) for d in out.decisions] == [
        ("spam_cut_refused", "Book Pro", 8)
    ]
    out = run("Zorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub then fell.")
    (d,) = out.decisions
    assert (d.stage, d.reason) == ("remove_spam_keywords", "spam_phrase")
    assert dict(d.data) == {
        "phrase": "Zorblat Capital Hub",
        "source": "body",
        "position": "prefix",
        "separator": "-",
        "line": 0,
    }


# -- clean controls: names in title and body, compounds, ordinary commas ---------------

CLEAN = [
    (
        "Putin - Russia will not send troops, the Kremlin says\n"
        "Putin said on Friday that he met with Putin's advisers.\nThe talks with Putin in Sochi ended.",
        "a name in the title slot and in the body as a noun phrase",
    ),
    (
        "North Korea-Russia summit ends with pledges\n"
        "Russia promised closer ties with North Korea and its neighbours.\n"
        "North Korean state media praised the meeting.",
        "a country in a hyphenated title compound",
    ),
    (
        "Associated Press - Storm closes the port\nThe harbour master told the Associated Press on Monday.",
        "an agency name used after 'the'",
    ),
    (
        "New York Times: Storm closes the port\nAs the New York Times reported, the port closed.",
        "a newspaper name in title and body",
    ),
    ("Anglo-French talks resume in Paris\nThe Anglo-French talks began at noon.", "a hyphenated compound"),
    ("Coca-Cola profits rise\nCoca-Cola said on Monday that sales grew.", "a brand with a hyphen"),
    (
        "al-Assad returns to Damascus\nPresident Bashar al-Assad said the war was over.",
        "a lower-case particle",
    ),
    (
        "Russia-Ukraine war: what we know\nThe fighting between Belarus,Russia and Ukraine went on.",
        "a real country glued after a comma typo: known words need more than one splice",
    ),
    (
        "Budget approved\nThe plan, which was approved,was sent to the council,which met later.",
        "',which' and ', which'",
    ),
    (
        "Weather-Storm warning for the coast\nThe Weather service said the storm would pass.",
        "title word repeated as an ordinary noun",
    ),
    (
        "2023-09-15 13:05:45\n"
        "Russian President Vladimir Putin has defended his country’s cooperation with North Korea. “We do "
        "not pose a threat to anyone,” Putin said on Friday in Sochi, where he met with Belarusian leader "
        "Alexander Lukashenko.\nKremlin spokesman Dmitry Peskov denied this. Putin said it was nonsense.",
        "a spun translation with a date line and no title slot",
    ),
    (
        "DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates finalized a deal.\n"
        "Current:Home > ContactEmirates inks order for jets\nAs of October, Emirates had a fleet of 270 aircraft.",
        "a dateline is not a title slot; breadcrumb glue is not a splice",
    ),
    (BODY, "ordinary story text"),
    (
        "Storm closes the port - World News - Harbourlive\nHome\nWorld\n"
        "For more updates, follow Harbourlive on social media.\nHarbourlive Articles | Live Blog",
        "the site's own name after the headline, used again in its menus and prose",
    ),
    (
        "The Quillery - Stories and Pictures\nGot a story to tell? Mail it to us at The Quillery and we read it.",
        "a site name with its article",
    ),
    (
        "Storm closes the port | Portwatcher.com\nOpinions on Portwatcher.com are the authors' own.",
        "a site's address",
    ),
    (
        "Harbour Radio\nRay Holloway: Hello. You're on the air.\nTom and Ray Holloway are brothers.\n"
        "Ray Holloway: Thanks for calling.",
        "dialogue lines are not title slots",
    ),
    (
        "Storm closes the port | Coastal Wire\nCoastal Wire\nThe harbour master told Coastal Wire that ships waited.",
        "'told X that' is an ordinary clause, and the name stands alone on a line",
    ),
    (
        "Storm closes the port — 東京速報\nThe port closed.\nCopyright © 2024 東京速報 All Rights Reserved.",
        "a CJK site name between a year and a capitalised word in the footer",
    ),
    (
        "Wendell Marsh: the court drops the case\nProsecutors dropped the case against co-founder Wendell Marsh in 2010.",
        "a real name after a noun, once",
    ),
]


@pytest.mark.parametrize(("text", "reason"), CLEAN, ids=[r for _, r in CLEAN])
def test_clean_controls_are_left_alone(text: str, reason: str) -> None:
    out = run(text)
    assert out.text == text, reason
    assert out.edits == ()
    assert out.get("spam_keywords") is None


# -- user lists --------------------------------------------------------------------------

USER = [
    (
        "Rain floods the city\nOfficials said BEST FOREX BROKER the water rose.",
        ("best forex broker",),
        "Rain floods the city\nOfficials said the water rose.",
        ("best forex broker",),
        "case-insensitive, spaced in a clause",
    ),
    (
        "Best Forex Broker-Rain floods the city\nThe water rose.",
        ("best  forex broker",),
        "Rain floods the city\nThe water rose.",
        ("best forex broker",),
        "title slot, white space in the list normalised",
    ),
    (
        "Home > ContactBest Forex Broker-Rain floods the city",
        ("Best Forex Broker",),
        "Home > ContactRain floods the city",
        ("Best Forex Broker",),
        "a lower-to-upper case change is a word boundary",
    ),
    (
        "The tanker left port.\nTank crews waited.",
        ("tank",),
        "The tanker left port.\ncrews waited.",
        ("tank",),
        "word boundaries: 'tanker' is not 'tank'; the line-initial word is removed",
    ),
    (
        "Nothing to see here.",
        ("absent phrase",),
        "Nothing to see here.",
        None,
        "a phrase not found is not reported",
    ),
    (
        "Nothing to see here.",
        ("", "  ", "-"),
        "Nothing to see here.",
        None,
        "blank and symbol-only entries ignored",
    ),
    (
        "Water rose, Gold Fund, and then fell.",
        ("gold fund",),
        "Water rose, and then fell.",
        ("gold fund",),
        "between two commas one comma stays",
    ),
    (
        "Water rose Gold Fund.\nGold Fund",
        ("gold fund",),
        "Water rose.\n",
        ("gold fund",),
        "before a full stop, and a whole line",
    ),
]


@pytest.mark.parametrize(("text", "phrases", "expected", "field", "reason"), USER, ids=[r for *_, r in USER])
def test_user_phrases(
    text: str, phrases: tuple[str, ...], expected: str, field: tuple[str, ...] | None, reason: str
) -> None:
    out = run(text, spam_keywords=phrases)
    assert out.text == expected, reason
    assert out.get("spam_keywords") == field
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


def test_clean_passes_user_phrases_through_the_default_pipeline() -> None:
    article = clean("Officials said the Zeta Growth Club water rose.", spam_keywords=["zeta growth club"])
    assert "Zeta" not in article.text
    assert article.spam_keywords == ("zeta growth club",)


# -- invariants ----------------------------------------------------------------------------

SPAMMY = st.sampled_from(
    [
        "Zorblat Capital Hub-",
        "Zorblat Capital Hub",
        ",Zorblat Capital Hub",
        ".Zorblat Capital Hub ",
        " | ",
        "Home > Contact",
        "\n",
        " ",
        "the ",
        "North Korea",
        "-",
        "：",
    ]
)
TEXTS = st.lists(st.one_of(SPAMMY, st.text(max_size=30)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.lists(st.text(max_size=12), max_size=3))
def test_never_raises_and_replays(text: str, phrases: list[str]) -> None:
    out = run(text, spam_keywords=tuple(phrases))
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_second_pass_changes_nothing(text: str) -> None:
    once = run(text)
    twice = remove_spam_keywords(once)
    assert twice.text == once.text


def test_dense_repeats_go_in_later_rounds_so_a_second_pass_changes_nothing() -> None:
    # Found by the property test above: the first round removed one trailing
    # occurrence only, and cleaning the output again removed two more.
    text = (
        "Zorblat Capital HubZorblat Capital Hub-Zorblat Capital Hub\uff1a"
        "Zorblat Capital Hub-Zorblat Capital Hub-"
    )
    once = run(text)
    assert once.text.count("Zorblat Capital Hub") < text.count("Zorblat Capital Hub") - 1
    assert remove_spam_keywords(once).text == once.text
    assert replay(once.base_text, once.edits[once.base_index :]) == once.text


def test_runs_in_a_pipeline_after_fix_encoding() -> None:
    doc = Pipeline(["fix_encoding", "remove_spam_keywords"]).run(
        "Zorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub then fell."
    )
    assert doc.text == "Rain floods the city\nWater rose, then fell."
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text


@pytest.mark.parametrize("language", ["ja", "zh", "ko", "de", "xx", None])
def test_any_language_code_is_accepted(language: str | None) -> None:
    text = "Zorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub then fell."
    doc = Document.from_text(text, options=Options(language=language))
    assert remove_spam_keywords(doc).text == "Rain floods the city\nWater rose, then fell."


# -- a title the page gave, and a heading marked as written ------------------------------


def run_titled(text: str, title: str, **options: object) -> Document:
    doc = Document.from_text(text, options=Options(**options)).with_fields(title=title)  # type: ignore[arg-type]
    return remove_spam_keywords(doc)


@pytest.mark.parametrize(
    ("title", "phrases", "expected"),
    [
        ("Zeta Growth Club - Rain floods the city", ("zeta growth club",), "Rain floods the city"),
        ("Rain floods the city | Zeta Growth Club", ("Zeta Growth Club",), "Rain floods the city"),
        ("Rain floods the Zeta Growth Club city", ("zeta growth club",), "Rain floods the city"),
        ("Zeta Growth Club", ("zeta growth club",), None),
    ],
)
def test_a_title_the_page_gave_loses_the_listed_phrases(
    title: str, phrases: tuple[str, ...], expected: str | None
) -> None:
    out = run_titled(BODY, title, spam_keywords=phrases)
    assert out.get("title") == expected
    assert out.text == BODY
    [decision] = [d for d in out.decisions if d.reason == "field_repaired"]
    assert decision.data["field"] == "title"
    assert (decision.data["before"], decision.data["after"]) == (title, expected)
    assert out.get("spam_keywords") == (phrases[0],)


def test_a_title_the_page_gave_loses_a_phrase_found_by_placement() -> None:
    text = "Zorblat Capital Hub-Rain floods the city\nWater rose,Zorblat Capital Hub in the night."
    out = run_titled(text, "Zorblat Capital Hub | Rain floods the city")
    assert out.get("title") == "Rain floods the city"


@pytest.mark.parametrize(
    ("title", "phrases"),
    [
        ("Rain floods the city", ("zeta growth club",)),  # not in the title
        ("Rain floods the MacBooks of the city", ("Book",)),  # inside a word only
        ("Rain floods the city", ()),  # no list at all
    ],
)
def test_a_clean_title_the_page_gave_is_left_alone(title: str, phrases: tuple[str, ...]) -> None:
    out = run_titled(BODY, title, spam_keywords=phrases)
    assert out.get("title") == title
    assert not [d for d in out.decisions if d.reason == "field_repaired"]


# A name in a title segment and twice between lower-case words of the body: on a page,
# the menus and link lists that repeat the name outweigh this evidence; in an article's
# rendering (the same text under its written heading) they are gone.
NAME_STORY = (
    "Quarrel Brand – “River Song” Video\n"
    "==================================\n\n"
    "Earlier this year the singer Quarrel Brand released a new record, and the band "
    "Quarrel Brand plays it on a farm in the video below."
)


def test_under_a_written_heading_no_phrase_is_found_by_placement() -> None:
    out = run(NAME_STORY)
    assert out.text == NAME_STORY
    assert out.edits == ()


def test_under_a_written_heading_listed_phrases_are_still_removed() -> None:
    out = run(NAME_STORY, spam_keywords=("quarrel brand",))
    assert "Quarrel Brand" not in out.text
    assert out.text.startswith("“River Song” Video\n")


def test_without_a_written_heading_placement_still_finds_phrases() -> None:
    # the control: a heading that does not open the text is not marked as written
    text = "Menu\nZorblat Capital Hub-Rain floods the city\n===\nWater rose,Zorblat Capital Hub in the night."
    out = run(text)
    assert out.text == "Menu\nRain floods the city\n===\nWater rose, in the night."
