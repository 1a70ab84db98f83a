"""Stage module under construction: passes documents through unchanged for now."""

from __future__ import annotations

from newsclean.document import Document
from newsclean.pipeline import stage


@stage("repair_spinner")
def repair_spinner(doc: Document) -> Document:
    """Return the document unchanged (placeholder until the stage lands)."""
    return doc


@stage("remove_doubled_words")
def remove_doubled_words(doc: Document) -> Document:
    """Return the document unchanged (placeholder until the stage lands)."""
    return doc
