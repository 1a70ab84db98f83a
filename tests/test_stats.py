from __future__ import annotations

from newsclean import Article, Decision, Edit, summarize


def test_summarize_counts_edits_by_stage_and_reason() -> None:
    articles = [
        Article(
            paragraphs=("a",),
            edits=(Edit("remove_boilerplate", "remove", "share", "Share this\n", ""),),
            decisions=(Decision("normalize_dates", "published_date", {"value": "2024-03-05"}),),
            spun=True,
        ),
        Article(spam_keywords=("Acme",), warnings=("empty input",)),
    ]
    s = summarize(iter(articles))
    assert s.articles == 2
    assert s.edits == {("remove_boilerplate", "share"): 1}  # decisions are not edits
    assert s.decisions == {("normalize_dates", "published_date"): 1}
    assert s.characters_removed["remove_boilerplate"] == 11
    assert (s.spun, s.with_spam, s.without_body) == (1, 1, 1)
    assert s.warnings["empty input"] == 1
    assert s.table().splitlines()[1].split() == ["1", "remove_boilerplate", "share"]
