"""Stage module under construction: passes documents through unchanged for now."""

from __future__ import annotations

from newsclean.document import Document
from newsclean.pipeline import stage


@stage("remove_spam_keywords")
def remove_spam_keywords(doc: Document) -> Document:
    """Return the document unchanged (placeholder until the stage lands)."""
    return doc
