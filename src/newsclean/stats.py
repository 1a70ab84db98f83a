"""Corpus statistics computed from edit logs (stages keep no counters).

>>> from newsclean import clean
>>> s = summarize([clean("Share this story\\nThe vote was held on Monday, officials said.")])
>>> s.articles
1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsclean.article import Article

__all__ = ["Summary", "summarize"]


@dataclass(frozen=True)
class Summary:
    """Counts over many articles.

    Attributes:
        articles: Articles seen.
        edits: Edits per ``(stage, reason)``.
        decisions: Decisions per ``(stage, reason)``.
        characters_removed: Characters removed per stage.
        spun: Articles detected as spun.
        with_spam: Articles with spam keywords.
        without_body: Articles with no paragraphs left.
        warnings: How often each warning occurred.
    """

    articles: int = 0
    edits: Counter[tuple[str, str]] = field(default_factory=Counter)
    decisions: Counter[tuple[str, str]] = field(default_factory=Counter)
    characters_removed: Counter[str] = field(default_factory=Counter)
    spun: int = 0
    with_spam: int = 0
    without_body: int = 0
    warnings: Counter[str] = field(default_factory=Counter)

    def table(self) -> str:
        """Return the edit counts as aligned text, most frequent first."""
        rows = [f"{n:>8}  {stage:<22} {reason}" for (stage, reason), n in self.edits.most_common()]
        head = (
            f"{self.articles} articles, {self.spun} spun, {self.with_spam} with spam keywords, "
            f"{self.without_body} without body"
        )
        return "\n".join([head, *rows])


def summarize(articles: Iterable[Article]) -> Summary:
    """Summarise the edit logs of ``articles`` (consumes the iterable once)."""
    s = Summary()
    n = spun = spam = empty = 0
    for a in articles:
        n += 1
        spun += a.spun
        spam += bool(a.spam_keywords)
        empty += not a.paragraphs
        s.warnings.update(a.warnings)
        for e in a.edits:
            s.edits[(e.stage, e.reason)] += 1
            s.characters_removed[e.stage] += max(0, len(e.before) - len(e.after))
        s.decisions.update((d.stage, d.reason) for d in a.decisions)
    return Summary(n, s.edits, s.decisions, s.characters_removed, spun, spam, empty, s.warnings)
