"""Language detection from stop-word counts.

A tiny, dependency-free detector for the languages whose vocabularies the
stages ship (en, de, fr, es, it, pt, nl) plus a script check for CJK,
Cyrillic, Arabic and Greek. The stop-word idea is the one jusText uses for
paragraph classification (Pomikálek, 2011); the lists (``data/stopwords.json``)
are short, hand picked, and kept to words that are frequent in one language and
rare in the others.
"""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from typing import TYPE_CHECKING

from newsclean.data import read_json
from newsclean.document import Document
from newsclean.lazyre import re_compile
from newsclean.protocol import stage

if TYPE_CHECKING:
    import re

__all__ = ["OVERRIDE_MAX_SHARE", "OVERRIDE_MIN_HITS", "STOPWORDS", "contradicts", "detect", "detect_language"]

#: Frequent function words per language (lower case), from ``data/stopwords.json``.
STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words)
    for code, words in read_json("stopwords.json", keys=("stopwords",))["stopwords"].items()
}

# Script ranges (Unicode blocks) counted with the standard ``re`` module: a
# plain character class there is about ten times faster than ``regex``'s
# ``\p{Script}`` classes on long text.
_NON_LATIN = re_compile("[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SCRIPTS = (
    ("ja", re_compile("[\u3040-\u30ff]")),
    ("zh", re_compile("[\u3400-\u9fff]")),
    ("ko", re_compile("[\uac00-\ud7af]")),
    ("ru", re_compile("[\u0400-\u04ff]")),
    ("ar", re_compile("[\u0600-\u06ff]")),
    ("el", re_compile("[\u0370-\u03ff]")),
)
# word -> languages it is a stop word of
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _code)


_STRIP = ".,;:!?\"'()[]«»„“”‘’"


#: A page's declared language gives way to the text's only on this many stop
#: words of the detected language or more, within the first ``sample`` characters:
#: a short or mixed body (a comment notice in two languages under an English
#: page) keeps what the page declares. Over the four development corpora, the
#: four bodies whose declared language is wrong (German text under
#: ``lang="en"``, English under ``lang="de"``) hold 77 or more.
OVERRIDE_MIN_HITS = 20

#: ... and only when the declared language's own stop words are at most this
#: share of the detected one's: a text that reads clearly as another language.
OVERRIDE_MAX_SHARE = 0.2


def _tally(chunk: str) -> tuple[Counter[str], int]:
    """Stop-word hits per language in ``chunk``, and its number of words.

    A word counts with the punctuation of :data:`_STRIP` off its edges (no stop word
    has any there: a test checks the lists). The words are stripped and the stop
    words picked out in C, and only those are counted: a page's words are mostly
    others, and counting every word cost more than the look-ups. The languages enter
    the tally in the order of their first stop word in the text, as before
    (``most_common`` breaks ties by that order).
    """
    words = chunk.lower().split()
    tally: Counter[str] = Counter()
    langs_of = _LANGS_OF
    for w, n in Counter(filter(langs_of.__contains__, map(str.strip, words, repeat(_STRIP)))).items():
        for code in langs_of[w]:
            tally[code] += n
    return tally, len(words)


def _script(chunk: str) -> str | None:
    """The non-Latin script language of ``chunk`` when its script decides, else None."""
    if chunk.isascii():
        return None
    # Characters that are not white space stand in for letters: cheap, and
    # the threshold is loose enough for punctuation and digits not to matter.
    visible = len(chunk) - chunk.count(" ") - chunk.count("\n")
    # Every character of the counted scripts takes two or three bytes in UTF-8, so
    # the bytes beyond one a character bound their count from above: a Latin text
    # with a few curly quotes or accents is settled by one encode (in C) instead
    # of a scan of the script ranges (exact: the scan could only find fewer).
    if len(chunk.encode("utf-8", "surrogatepass")) - len(chunk) <= visible * 0.3:
        return None
    foreign = _count(_NON_LATIN, chunk)
    if not foreign or foreign <= visible * 0.3:
        return None
    kana = _count(_SCRIPTS[0][1], chunk)
    if kana > foreign * 0.1:
        return "ja"
    # The scripts' ranges split the counted characters between them, so a script
    # holding more than half of those left after kana has the most: the script of
    # the first counted character is tried first, and one count usually settles it.
    first = _NON_LATIN.search(chunk)
    if first is not None:
        for code, p in _SCRIPTS[1:]:
            if p.match(first.group()):
                if _count(p, chunk) * 2 > foreign - kana:
                    return code
                break
    counts = {code: _count(p, chunk) for code, p in _SCRIPTS[1:]}
    return max(counts, key=counts.__getitem__)


def _count(pattern: re.Pattern[str], chunk: str) -> int:
    """How many characters of ``chunk`` ``pattern`` (one character class) matches.

    (``subn`` counts without making a string per match, as ``findall`` does:
    a page in a non-Latin script holds thousands.)
    """
    return pattern.subn("", chunk)[1]


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
    script = _script(chunk)
    if script is not None:
        return script
    tally, n_words = _tally(chunk)
    return _leader(tally, n_words)


def _leader(tally: Counter[str], n_words: int) -> str | None:
    """The language clearly ahead in ``tally`` (see :func:`detect`), else None."""
    if n_words < 4 or not tally:
        return None
    ranked = tally.most_common(2)
    best, n1 = ranked[0]
    n2 = ranked[1][1] if len(ranked) > 1 else 0
    if n1 < 2 or n1 < n_words * 0.05 or n1 < n2 * 1.3:
        return None
    return best


def contradicts(declared: str, text: str, *, sample: int = 6_000) -> tuple[str, int, int] | None:
    """Return ``(language, its hits, declared hits)`` when ``text`` clearly reads as another language.

    A page's declared language (``<html lang>``, ``og:locale``) is often a
    template default: German stories under ``lang="en"``, English ones under
    ``lang="de"``. Only a language :func:`detect` can tell is contradicted. A
    text in a non-Latin script contradicts a declared language of the
    stop-word lists (all Latin-script); in Latin script, the detected
    language must have at least :data:`OVERRIDE_MIN_HITS` stop words and the
    declared one at most :data:`OVERRIDE_MAX_SHARE` of that many.

    >>> contradicts("de", "The minister said that the plan was approved by the council. " * 8)
    ('en', 48, 0)
    >>> contradicts("en", "The minister said that the plan was approved by the council.") is None
    True
    """
    chunk = text[:sample]
    script = _script(chunk)
    if script is not None:
        if declared in STOPWORDS and script != declared:
            return script, 0, 0
        return None
    if declared not in STOPWORDS:
        return None
    tally, n_words = _tally(chunk)
    found = _leader(tally, n_words)
    if found is None or found == declared:
        return None
    hits, own = tally[found], tally[declared]
    if hits < OVERRIDE_MIN_HITS or own > hits * OVERRIDE_MAX_SHARE:
        return None
    return found, hits, own


@stage("detect_language", provides=("language",))
def detect_language(doc: Document) -> Document:
    """Set the ``language`` field by the one precedence (:attr:`Document.language`).

    The caller's ``language`` option wins, then a language an earlier stage
    set (the page's declared language), then detection from the text. A
    declared language the text clearly contradicts (:func:`contradicts`) gives
    way to the detected one, and the decision ``declared_language_contradicted``
    records both, so every stage reads the text in the language it is written in.
    """
    if doc.options.language:
        lang: str | None = doc.options.language
    else:
        declared = doc.get("language")
        if declared:
            found = contradicts(declared, doc.text)
            if found is None:
                return doc
            lang, hits, own = found
            doc = doc.with_decision(
                "detect_language",
                "declared_language_contradicted",
                declared=declared,
                detected=lang,
                stop_words=hits,
                declared_stop_words=own,
            )
        else:
            lang = detect(doc.text)
    if not lang or lang == doc.get("language"):
        return doc
    return doc.with_fields(language=lang)
