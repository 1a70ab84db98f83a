"""The default pipeline: stage names in order, each with why it sits there."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = ["DEFAULT_STAGES", "default_pipeline"]

#: (name, why it is at this position)
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("extract_html", "HTML pages become one block per line first; a no-op for text"),
    ("fix_encoding", "every later pattern assumes repaired, normalised Unicode"),
    ("detect_language", "dates and boilerplate vocabularies depend on the language"),
    ("remove_spam_keywords", "injected phrases are glued into the title and body lines"),
    ("normalize_dates", "date lines are taken out before title and boilerplate detection"),
    ("extract_metadata", "title, site name, byline and dateline come from the header"),
    ("remove_boilerplate", "what is left outside the story: widgets, lists, share lines"),
    ("repair_spinner", "spinner artifacts are repaired on the remaining body"),
    ("remove_doubled_words", "last, so repairs above cannot create or hide a double"),
)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """Return the default pipeline (built once, shared: stages are pure)."""
    from newsclean.pipeline import Pipeline

    return Pipeline(name for name, _ in DEFAULT_STAGES)
