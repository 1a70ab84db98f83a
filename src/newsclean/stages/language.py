"""Language detection from stop-word counts.

A tiny, dependency-free detector for the languages whose vocabularies the
stages ship (en, de, fr, es, it, pt, nl) plus a script check for CJK,
Cyrillic, Arabic and Greek. The stop-word idea is the one jusText uses for
paragraph classification (Pomikálek, 2011); the lists here are short, hand
picked, and kept to words that are frequent in one language and rare in the
others.
"""

from __future__ import annotations

from collections import Counter

import regex

from newsclean.document import Document
from newsclean.pipeline import stage

__all__ = ["STOPWORDS", "detect", "detect_language"]

#: Frequent function words per language (lower case).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "was",
            "that",
            "with",
            "for",
            "are",
            "were",
            "have",
            "has",
            "this",
            "from",
            "which",
            "would",
            "their",
            "been",
            "said",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "sich",
            "auf",
            "dem",
            "ein",
            "eine",
            "auch",
            "wurde",
            "werden",
            "hat",
            "sind",
            "zu",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "des",
            "est",
            "une",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "pas",
            "par",
            "avec",
            "sont",
            "ont",
            "été",
            "du",
            "au",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "y",
            "es",
            "en",
            "que",
            "del",
            "por",
            "una",
            "con",
            "para",
            "se",
            "su",
            "fue",
            "como",
            "más",
            "pero",
            "al",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "di",
            "che",
            "è",
            "della",
            "per",
            "una",
            "sono",
            "con",
            "non",
            "gli",
            "le",
            "del",
            "anche",
            "alla",
            "nel",
            "degli",
            "ha",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "que",
            "de",
            "do",
            "da",
            "em",
            "um",
            "uma",
            "para",
            "com",
            "não",
            "por",
            "são",
            "foi",
            "mais",
            "como",
            "ao",
            "dos",
            "das",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "van",
            "en",
            "is",
            "niet",
            "op",
            "met",
            "voor",
            "zijn",
            "die",
            "dat",
            "ook",
            "aan",
            "wordt",
            "werd",
            "er",
        ]
    ),
}

_WORD = regex.compile(r"\p{L}+")
_NON_LATIN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Cyrillic}\p{Arabic}\p{Greek}]")
_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("zh", regex.compile(r"\p{Han}")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("el", regex.compile(r"\p{Greek}")),
)
# word -> languages it is a stop word of
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _code)


def detect(text: str, *, sample: int = 8_000) -> str | None:
    """Return a language code for ``text``, or None when unsure.

    >>> detect("The minister said that the plan was approved by the council.")
    'en'
    >>> detect("Der Minister sagte, dass der Plan nicht mit dem Rat abgestimmt wurde.")
    'de'
    """
    chunk = text[:sample]
    words = _WORD.findall(chunk)
    letters = sum(map(len, words))
    if letters == 0:
        return None
    if not chunk.isascii():
        foreign = len(_NON_LATIN.findall(chunk))
        if foreign > letters * 0.3:
            kana = len(_SCRIPTS[0][1].findall(chunk))
            if kana > foreign * 0.1:
                return "ja"
            counts = {code: len(p.findall(chunk)) for code, p in _SCRIPTS[1:]}
            return max(counts, key=counts.__getitem__)
    if len(words) < 4:
        return None
    tally: Counter[str] = Counter()
    for w in words:
        langs = _LANGS_OF.get(w.lower())
        if langs:
            tally.update(langs)
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
    """Set ``language`` from the text unless the caller or an earlier stage set it."""
    if doc.get("language"):
        return doc
    lang = doc.options.language or detect(doc.text)
    return doc.with_fields(language=lang) if lang else doc
