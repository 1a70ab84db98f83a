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


def test_stage_keeps_a_language_the_caller_gave() -> None:
    doc = Pipeline(["detect_language"]).run("The council said that the bridge was closed.", language="fr")
    assert doc.get("language") == "fr"


def test_stage_does_not_edit_text() -> None:
    doc = Pipeline(["detect_language"]).run("The council said that the bridge was closed for the winter.")
    assert doc.get("language") == "en"
    assert doc.edits == ()
    assert isinstance(doc, Document)
