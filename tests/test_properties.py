"""Invariants of the whole default pipeline on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import replay

LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Share this article",
            "Related",
            "- A headline about something",
            "Date: 2024-03-05 15:41",
            "1694783489",
            "#one #two",
            "___",
            "By Jane Doe",
            "The minister said the plan would be ready following the vote.",
            "They warned once morest it.",
            "It could could happen.",
            "Itâ€™s here",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=12).map("\n".join))
def test_pipeline_never_raises_and_replays(text: str) -> None:
    doc = newsclean.default_pipeline().run(text)
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    article = newsclean.pipeline.to_article(doc)
    assert newsclean.Article.from_dict(article.to_dict()) == article


SENTENCES = [
    "The council said on Monday that the new library would open in the spring.",
    "Board members will meet again next week to discuss the plans for three schools.",
    "Residents asked how much the road repairs would cost and when the work would start.",
    "Officials expect a decision after a public hearing later this month.",
    "The mayor told reporters that the budget was balanced for the first time in a decade.",
    "Some shop owners worry that the closures will keep customers away.",
    "A spokesperson for the transport authority declined to comment.",
    "The project has been delayed twice because of rising material costs.",
    "Engineers found that the old bridge could no longer carry heavy trucks.",
    "More than 300 people signed a petition asking for a pedestrian crossing.",
    "It is the largest investment in public transport the region has seen.",
    "The plan still needs the approval of the state government.",
    "Critics say the money would be better spent on housing.",
    "She said the vote had been close but the result was clear.",
    "Work on the first section is due to finish by the end of next year.",
    "The report was published on the city's website on Thursday.",
    "He added that the council would review the decision in twelve months.",
    "Local businesses were consulted before the changes were announced.",
    "The funding comes from a mix of federal grants and local taxes.",
    "Several council members voted against the proposal.",
]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4, unique=True)))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(st.lists(paragraph(), min_size=1, max_size=8, unique=True))
def test_clean_prose_is_never_touched(paragraphs: list[str]) -> None:
    # Paragraphs are unique: a capture printing the same paragraph twice is
    # deduplicated on purpose (reason "duplicate"), and clean articles do not.
    text = "\n".join(paragraphs)
    article = newsclean.clean(text)
    assert list(article.edits) == []
    assert list(article.paragraphs) == paragraphs


HEADLINES = [
    "Council approves budget - The Daily Post",
    "Storm closes schools. Why?",
    "Prices rise for a third month",
    "Home > News > Bridge to close for repairs",
    "Vote delayed | Opinion | The Courier",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HEADLINES),
    st.lists(paragraph(), min_size=1, max_size=6, unique=True),
    st.sampled_from(["\n", "\n\n"]),
)
def test_second_pass_over_the_rendering_changes_nothing(
    headline: str, paragraphs: list[str], sep: str
) -> None:
    first = newsclean.clean(headline + "\n" + sep.join(paragraphs))
    again = newsclean.clean(first.to_text())
    assert (again.title, again.paragraphs) == (first.title, first.paragraphs)
    assert [e for e in again.edits if e.action in ("remove", "replace")] == []
