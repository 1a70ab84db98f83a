"""Delete accidentally doubled words ("would would" -> "would").

Spinners, machine translation and hurried editing leave a word twice in a
row. :func:`remove_doubled_words` (registered as ``remove_doubled_words``)
deletes the repeat (reason ``doubled_word``) and keeps grammatical and
stylistic doubles, numbers, capitalised names ("Walla Walla") and anything
across a line break or punctuation. English (or short, undetected) text only.
"""

from __future__ import annotations

from newsclean.document import Change, Document
from newsclean.lazyre import re_compile
from newsclean.protocol import stage
from newsclean.stages._text import english, lower

__all__ = ["GRAMMATICAL_DOUBLES", "remove_doubled_words"]

#: Lower-case words whose doubling is grammatical or a deliberate figure, kept as they are.
#: Grammar: "had had", "that that" ("he said that that was wrong"), "is is" and
#: "was was" (pseudo-clefts: "what it is is ..."), "do do" / "does does"
#: (emphatic: "what they do do"), "her her" ("gave her her keys"), "in in" / "on
#: on" / "up up" / "out out" (particle then preposition: "logged in in May").
#: Style: intensifying repetition ("very very", "really really", "many many",
#: "far far", "long long") and set reduplications ("bye bye", "ha ha", "no no",
#: "so so", "there there", "well well", "blah blah", "night night").
GRAMMATICAL_DOUBLES = frozenset(
    """
    had that is was do does her in on up out
    very really many much so far long more too oh ah
    bye ha haha ho hee no yes now there well blah bla la tut tsk night knock hip chop
    pooh hush boo goody win yum yada cha choo dum tom pom
    """.split()
)

#: A word repeated after spaces, searched in lower-cased text. Possessive
#: quantifiers (standard ``re``, Python 3.11+) keep the scan linear and fast;
#: letters-only and the edges are checked in Python.
_DOUBLED = re_compile(r"\b(\w++)((?:[ \t\u00a0]++\1\b)++)")
_EDGE = frozenset("'’-")


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"“‘'([":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in ".!?"


@stage("remove_doubled_words", requires=("language",))
def remove_doubled_words(doc: Document) -> Document:
    """Delete an accidentally repeated word ("would would" -> "would").

    Kept: grammatical and stylistic doubles (:data:`GRAMMATICAL_DOUBLES`), numbers,
    capitalised doubles ("Walla Walla", "Bora Bora") unless the first is a
    sentence-initial capital followed by the lower-case word ("The the"), and
    anything across a line break or punctuation. English (or undetected) text only.

    >>> from newsclean.document import Document
    >>> remove_doubled_words(Document.from_text("The board would would meet.")).text
    'The board would meet.'
    """
    if english(doc) is None:
        return doc
    text = doc.text
    changes: list[Change] = []
    for m in _DOUBLED.finditer(lower(text)):
        low = m.group(1)
        if not low.isalpha() or low in GRAMMATICAL_DOUBLES or (len(low) == 1 and low != "a"):
            continue
        if (m.start() > 0 and text[m.start() - 1] in _EDGE) or (
            m.end() < len(text) and text[m.end()] in _EDGE
        ):
            continue
        first = text[m.start(1) : m.end(1)]
        repeats = text[m.end(1) : m.end()].split()
        plain = first.islower() and all(r == first for r in repeats)
        initial = (
            first[0].isupper()
            and first[1:].islower()
            and all(r == low for r in repeats)
            and _sentence_initial(text, m.start())
        )
        if not (plain or initial):
            continue
        changes.append(Change(m.end(1), m.end(), "", "doubled_word"))
    return doc.with_edits("remove_doubled_words", changes)
