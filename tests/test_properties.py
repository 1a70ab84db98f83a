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


WORDS = (
    "the council said board members would meet on Monday to discuss new plans for schools "
    "roads and parks in the city while residents asked how much it will cost and when work starts "
    "officials expect a decision next week after a public hearing"
).split()


@st.composite
def sentence(draw: st.DrawFn) -> str:
    n = draw(st.integers(6, 18))
    words: list[str] = []
    while len(words) < n:
        w = draw(st.sampled_from(WORDS))
        if not words or w != words[-1]:
            words.append(w)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(
    st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8, unique=True)
)
def test_clean_prose_is_never_touched(paragraphs: list[str]) -> None:
    # Paragraphs are unique: a capture printing the same paragraph twice is
    # deduplicated on purpose (reason "duplicate"), and clean articles do not.
    text = "\n".join(paragraphs)
    article = newsclean.clean(text)
    assert [e for e in article.edits if e.before != e.after] == []
    assert list(article.paragraphs) == paragraphs
