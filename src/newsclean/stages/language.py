"""Language detection from stop-word counts.

A tiny, dependency-free detector for the languages whose vocabularies the
stages ship (en, de, fr, es, it, pt, nl) plus a script check for CJK,
Cyrillic, Arabic and Greek. The stop-word idea is the one jusText uses for
paragraph classification (Pomikálek, 2011); the lists (``data/stopwords.json``)
are short, hand picked, and kept to words that are frequent in one language and
rare in the others.
"""

from __future__ import annotations

import re
from collections import Counter

from newsclean.data import read_json
from newsclean.document import Document
from newsclean.protocol import stage

__all__ = ["STOPWORDS", "detect", "detect_language"]

#: Frequent function words per language (lower case), from ``data/stopwords.json``.
STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words)
    for code, words in read_json("stopwords.json", keys=("stopwords",))["stopwords"].items()
}

# Script ranges (Unicode blocks) counted with the standard ``re`` module: a
# plain character class there is about ten times faster than ``regex``'s
# ``\p{Script}`` classes on long text.
_NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SCRIPTS = (
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("zh", re.compile("[\u3400-\u9fff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
)
# word -> languages it is a stop word of
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _code)


_STRIP = ".,;:!?\"'()[]«»„“”‘’"


def detect(text: str, *, sample: int = 6_000) -> str | None:
    """Return a language code for ``text``, or None when unsure.

    Looks at the first ``sample`` characters: a non-Latin script decides
    directly; otherwise the language whose stop words are most frequent wins,
    if clearly ahead of the runner-up.

    >>> detect("The minister said that the plan was approved by the council.")
    'en'
    >>> detect("Der Minister sagte, dass der Plan nicht mit dem Rat abgestimmt wurde.")
    'de'
    """
    chunk = text[:sample]
    if not chunk.isascii():
        foreign = len(_NON_LATIN.findall(chunk))
        # Characters that are not white space stand in for letters: cheap, and
        # the threshold is loose enough for punctuation and digits not to matter.
        visible = len(chunk) - chunk.count(" ") - chunk.count("\n")
        if foreign and foreign > visible * 0.3:
            kana = len(_SCRIPTS[0][1].findall(chunk))
            if kana > foreign * 0.1:
                return "ja"
            counts = {code: len(p.findall(chunk)) for code, p in _SCRIPTS[1:]}
            return max(counts, key=counts.__getitem__)
    words = chunk.lower().split()
    if len(words) < 4:
        return None
    tally: Counter[str] = Counter()
    langs_of = _LANGS_OF
    for w, n in Counter(words).items():
        langs = langs_of.get(w) or langs_of.get(w.strip(_STRIP))
        if langs:
            for code in langs:
                tally[code] += n
    if not tally:
        return None
    ranked = tally.most_common(2)
    best, n1 = ranked[0]
    n2 = ranked[1][1] if len(ranked) > 1 else 0
    if n1 < 2 or n1 < len(words) * 0.05 or n1 < n2 * 1.3:
        return None
    return best


@stage("detect_language", provides=("language",))
def detect_language(doc: Document) -> Document:
    """Set the ``language`` field by the one precedence (:attr:`Document.language`).

    The caller's ``language`` option wins, then a language an earlier stage
    set (the page's declared language), then detection from the text.
    """
    lang = doc.language or detect(doc.text)
    if not lang or lang == doc.get("language"):
        return doc
    return doc.with_fields(language=lang)
