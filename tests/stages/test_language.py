from __future__ import annotations

import pytest

from newsclean import Document, Pipeline
from newsclean.stages.language import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council said that the bridge would be closed for repairs until the end of the month.", "en"),
        ("Der Rat teilte mit, dass die Brücke bis zum Ende des Monats nicht befahrbar sein wird.", "de"),
        ("Le conseil a indiqué que le pont sera fermé pour des travaux jusqu’à la fin du mois.", "fr"),
        ("El consejo dijo que el puente estará cerrado por obras hasta el final del mes.", "es"),
        ("Il consiglio ha detto che il ponte sarà chiuso per lavori fino alla fine del mese.", "it"),
        ("O conselho disse que a ponte ficará fechada para obras até o fim do mês.", "pt"),
        ("De gemeente zegt dat de brug tot het einde van de maand is gesloten voor werk.", "nl"),
        ("市议会表示，这座桥将关闭维修，直到本月底。", "zh"),
        ("市議会は、橋は今月末まで修理のため閉鎖されると発表した。", "ja"),
        ("Городской совет сообщил, что мост будет закрыт на ремонт до конца месяца.", "ru"),
        ("", None),
        ("12345 67890", None),
        ("Hi", None),
    ],
)
def test_detect(text: str, expected: str | None) -> None:
    assert detect(text) == expected


def test_no_stop_word_has_punctuation_at_its_edges() -> None:
    # _tally strips every word before looking it up: a stop word with such an edge would go unseen
    from newsclean.stages.language import _STRIP, STOPWORDS

    assert all(w == w.strip(_STRIP) for words in STOPWORDS.values() for w in words)


@pytest.mark.parametrize(
    ("chunk", "bare"),
    [
        ("(The council) said, “that” the plan.", "the council said that the plan"),
        ("«Der» Rat und; die Stadt!", "der rat und die stadt"),
        ("Budget: 2024 [approved]", "budget 2024 approved"),
    ],
)
def test_stop_words_count_with_their_punctuation_stripped(chunk: str, bare: str) -> None:
    from newsclean.stages.language import _tally

    assert _tally(chunk) == _tally(bare)
    assert _tally(chunk)[1] == len(chunk.split())


@pytest.mark.parametrize(
    ("chunk", "first"),
    [("der the that", "de"), ("the der und", "en"), ("(het) the", "nl")],
)
def test_languages_enter_the_tally_in_the_order_of_their_first_stop_word(chunk: str, first: str) -> None:
    # (``most_common`` breaks ties by this order)
    from newsclean.stages.language import _tally

    assert next(iter(_tally(chunk)[0])) == first


def test_stage_keeps_a_language_the_caller_gave() -> None:
    doc = Pipeline(["detect_language"]).run("The council said that the bridge was closed.", language="fr")
    assert doc.get("language") == "fr"


def test_stage_does_not_edit_text() -> None:
    doc = Pipeline(["detect_language"]).run("The council said that the bridge was closed for the winter.")
    assert doc.get("language") == "en"
    assert doc.edits == ()
    assert isinstance(doc, Document)


_ENGLISH_STORY = (
    "The council said that the bridge would be closed for repairs until the end of the month. "
    "Engineers found that the steel of the old span was worn and that the deck had to be replaced. "
    "Drivers were told to use the ring road, which is expected to be busy in the mornings. "
) * 3
_GERMAN_STORY = (
    "Der Rat teilte mit, dass die Brücke bis zum Ende des Monats nicht befahrbar sein wird. "
    "Die Ingenieure haben festgestellt, dass der Stahl der alten Brücke verschlissen ist und die "
    "Fahrbahn ersetzt werden muss. Autofahrer sollen die Ringstraße nutzen, die am Morgen voll sein wird. "
) * 3


def _page(lang: str, body: str) -> str:
    return f'<html lang="{lang}"><head><title>Bridge</title></head><body><article><p>{body}</p></article></body></html>'


@pytest.mark.parametrize(
    ("declared", "body", "expected"),
    [("de", _ENGLISH_STORY, "en"), ("en", _GERMAN_STORY, "de")],
)
def test_a_declared_language_the_text_clearly_contradicts_gives_way(
    declared: str, body: str, expected: str
) -> None:
    doc = Pipeline(["extract_html", "detect_language"]).run(_page(declared, body))
    assert doc.get("language") == expected
    (decision,) = [d for d in doc.decisions if d.reason == "declared_language_contradicted"]
    assert decision.data["declared"] == declared and decision.data["detected"] == expected
    assert decision.data["stop_words"] >= 20 > decision.data["declared_stop_words"]
    assert all(e.stage != "detect_language" for e in doc.edits)


@pytest.mark.parametrize(
    "body",
    [
        # a short notice in two languages under an English page
        "Comments are read before they appear. Un equipo lee cada mensaje antes de publicarlo.",
        # English with the page's own language quoted at length
        _ENGLISH_STORY + " " + _GERMAN_STORY,
        # a matching language
        _ENGLISH_STORY,
    ],
)
def test_a_declared_language_is_kept_unless_clearly_contradicted(body: str) -> None:
    doc = Pipeline(["extract_html", "detect_language"]).run(_page("en", body))
    assert doc.get("language") == "en"
    assert not [d for d in doc.decisions if d.reason == "declared_language_contradicted"]


def test_a_declared_language_the_detector_cannot_tell_is_kept() -> None:
    # Serbian in Cyrillic would be read as "ru" by script; the page knows better.
    body = "Градски савет је саопштио да ће мост бити затворен због поправки до краја месеца. " * 4
    doc = Pipeline(["extract_html", "detect_language"]).run(_page("sr", body))
    assert doc.get("language") == "sr"


def test_a_latin_language_declared_over_a_cyrillic_text_gives_way() -> None:
    body = "Городской совет сообщил, что мост будет закрыт на ремонт до конца месяца. " * 4
    doc = Pipeline(["extract_html", "detect_language"]).run(_page("en", body))
    assert doc.get("language") == "ru"


def test_the_caller_language_wins_over_a_contradiction() -> None:
    doc = Pipeline(["extract_html", "detect_language"]).run(_page("de", _ENGLISH_STORY), language="de")
    assert doc.get("language") == "de"
    assert all(d.reason != "declared_language_contradicted" for d in doc.decisions)
