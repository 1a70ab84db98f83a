"""Build ``src/newsclean/data/dateparser_words.json``: every word dateparser may accept, per language.

:func:`newsclean.dateparse_slow._dateparser` asks dateparser to read a short
string only after the fast paths failed. dateparser reads a string in a given
language only when *every* word of it is one the language's data knows: a
month or weekday name, a skipped word ("the", "at", "of"), a relative word, a
word its rewriting rules turn into one ("noon", "tonight"), or a time-zone
name it strips. A string holding any other word ("Climate impacts by 2050",
"30 Under 30 2019") gets no date, but finding that out costs dateparser's
first use in the process: about 0.2 s to import it and 0.2 s to compile its
time-zone and locale patterns.

This script lists, for each language dateparser reads, a superset of the
letter runs (``[^\\W\\d_]+``, lower-cased, also without accents) that may
stand in a string dateparser reads in that language (a document's own
language when newsclean hands it to dateparser; else every language, when
dateparser is left to find the language, so that it is asked only in those
that may read the string):

* every letter run of every string in the language's data file (month and
  weekday names and abbreviations, skipped and relative words, replacement
  texts of its rewriting rules);
* every letter run each rewriting or relative-time pattern of the data can
  match: the patterns are expanded (alternatives, optional letters, classes)
  into the texts they match, lookaround context left out (it is text that
  must be known on its own);
* a language whose patterns can match any letters (a ``\\w`` or a negated
  class outside a lookaround), whose words are found inside runs of letters
  (written without spaces: Chinese, Japanese), or whose locales also read
  letter variants (Arabic and Persian read each other's yeh and kaf) gets no
  entry, so its strings always go to dateparser;
* the letter runs of the time-zone names (and their written variants), and
  the tokens dateparser knows in every language (listed once, as ``shared``).

A string with a letter run outside its language's list is not sent to
dateparser; its answer would be None. ``tests/test_dateparse_slow.py`` checks
the file against the installed dateparser (this script's output must not
change) and checks the claim on strings dateparser reads and refuses.

Source and licence: dateparser (Scrapinghub, https://github.com/scrapinghub/dateparser;
BSD-3-Clause); its language data derives from the Unicode CLDR (Unicode licence).
Only word lists are taken from it.

Run from the project root::

    python -m benchmarks.dateparser_words          # rebuild the file
    python -m benchmarks.dateparser_words --check  # compare the file with the installed dateparser
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "dateparser_words.json"

#: Letter runs as dateparser's word boundaries cut them (``\\W``, digits, ``_``).
LETTER_RUN = regex.compile(r"[^\W\d_]+")
_NON_LETTERS = regex.compile(r"[\W\d_]+")
#: Expanding a pattern stops past this many texts (no pattern of the data comes near it).
MAX_TEXTS = 50_000


class Unbounded(Exception):
    """A pattern may match any letters: no finite word list covers it."""


def strip_marks(text: str) -> str:
    """``text`` decomposed (NFKD) without its non-spacing marks, as dateparser normalises strings."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")


def runs(text: str) -> set[str]:
    """The lower-cased letter runs of ``text``, also without accents."""
    out: set[str] = set()
    for run in LETTER_RUN.findall(text.lower()):
        out.add(run)
        out.update(LETTER_RUN.findall(strip_marks(run)))
    return out


def _squash(text: str) -> str:
    return _NON_LETTERS.sub(" ", text)


def _join(left: set[str], right: set[str]) -> set[str]:
    out = {_squash(a + b) for a in left for b in right}
    if len(out) > MAX_TEXTS:
        raise ValueError("pattern expands to too many texts")
    return out


def _sequence(items: Iterable[tuple[Any, Any]]) -> set[str]:
    out = {""}
    for op, av in items:
        out = _join(out, _one(op, av))
    return out


def _category(cat: Any) -> str:
    if cat in (C.CATEGORY_WORD, C.CATEGORY_NOT_DIGIT, C.CATEGORY_NOT_SPACE):
        raise Unbounded(str(cat))
    return " "  # digits, spaces, non-word characters: they end a letter run


def _one(op: Any, av: Any) -> set[str]:
    if op is C.LITERAL:
        return {chr(av)}
    if op in (C.NOT_LITERAL, C.ANY):
        raise Unbounded(str(op))
    if op is C.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE:
                span = [chr(c) for c in range(a[0], a[1] + 1)]
                if len(span) > 64 and any(c.isalpha() for c in span):
                    raise Unbounded("a wide range of letters")
                chars.update(span)
            elif o is C.CATEGORY:
                chars.add(_category(a))
            else:  # a negated class
                raise Unbounded(str(o))
        return chars
    if op is C.CATEGORY:
        return {_category(av)}
    if op is C.AT:
        return {""}
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _sequence(branch)
        return out
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        texts = _sequence(body)
        counts = {low, min(high, low + 1), min(high, low + 2)}
        out = set()
        for n in counts:
            part = {""}
            for _ in range(n):
                part = _join(part, texts)
            out |= part
        return out
    if op in (C.ASSERT, C.ASSERT_NOT):
        # Context the pattern looks at but leaves in place: its words must be known on
        # their own. The pattern's own letters may stand glued to it or apart.
        return {"", " "}
    if op in (C.GROUPREF, C.GROUPREF_EXISTS):
        return {" "}
    raise Unbounded(f"unexpected pattern element {op}")


def expand(pattern: str) -> set[str]:
    """The letter runs of the texts ``pattern`` can match (case-folded), for a pattern of dateparser's data."""
    out: set[str] = set()
    for text in _sequence(P.parse(pattern, re.IGNORECASE)):
        out |= runs(text)
    return out


def _strings(data: Any, patterns: list[str]) -> Iterator[str]:
    """Every string value of a language's data; rewriting and relative patterns go to ``patterns``.

    Keys name what a word means ("july", "1 day ago") and are not words of the language.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "simplifications":
                for rule in value:
                    for pattern, replacement in rule.items():
                        patterns.append(pattern)
                        yield replacement
            elif key == "relative-type-regex":
                for forms in value.values():
                    patterns.extend(forms)
            else:
                yield from _strings(value, patterns)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _strings(item, patterns)
    elif isinstance(data, str):
        yield data


def shared_words() -> set[str]:
    """Words dateparser knows in every language: its own tokens and the time-zone names."""
    from dateparser.conf import settings
    from dateparser.languages import dictionary
    from dateparser.timezones import timezone_info_list

    out: set[str] = set()
    for token in [*dictionary.ALWAYS_KEEP_TOKENS, *dictionary.PARSER_KNOWN_TOKENS]:
        out |= runs(token)
    for token in settings.SKIP_TOKENS:
        out |= runs(token)
    for family in timezone_info_list:
        texts = [name for name, _ in family["timezones"]]
        texts += [text for pair in family.get("replace", []) for text in pair]
        for text in texts:
            try:
                out |= expand(text)
            except (Unbounded, re.error):
                out |= runs(text)
    return out


def language_words(lang: str) -> set[str] | None:
    """The letter runs dateparser may accept in ``lang``, or None when its patterns accept any letters."""
    info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    if str(info.get("no_word_spacing", "")).lower() in ("true", "1", "yes"):
        return None  # words are found inside runs of letters: no list of whole runs covers them
    patterns: list[str] = []
    out: set[str] = set()
    for text in _strings(info, patterns):
        out |= runs(text)
    for pattern in patterns:
        try:
            expanded = expand(pattern)
        except Unbounded:
            return None
        # A letter that a pattern makes optional may be left out: keep every prefix too.
        out |= expanded | {w[:k] for w in expanded for k in range(1, len(w))}
    return out


def letter_variant_languages() -> frozenset[str]:
    """Languages whose locales also read a text through letter variants (Arabic and Persian yeh and kaf)."""
    from dateparser.languages import locale

    return frozenset(getattr(locale, "_LETTER_VARIANT_LANGUAGES", ()))


def build() -> dict[str, Any]:
    """The file's content: the words of every language dateparser reads."""
    import dateparser
    from dateparser.data.languages_info import language_order

    shared = shared_words()
    variants = letter_variant_languages()
    languages: dict[str, str] = {}
    unbounded: list[str] = []
    for lang in sorted(language_order):
        words = None if lang in variants else language_words(lang)
        if words is None:
            unbounded.append(lang)
            continue
        languages[lang] = " ".join(sorted(words - shared))
    return {
        "_about": (
            "Letter runs (lower-cased, also without accents) that dateparser may accept in a string "
            "read in each language, from dateparser's language data (BSD-3-Clause; derived from the "
            "Unicode CLDR, Unicode licence) and time-zone table. Built by benchmarks/dateparser_words.py; "
            "'shared' holds the words of every language; languages whose patterns accept any letters, "
            "that write words without spaces, or that also read letter variants are listed under "
            "'unbounded' and always asked."
        ),
        "dateparser": dateparser.__version__,
        "unbounded": unbounded,
        "shared": " ".join(sorted(shared)),
        "languages": languages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare the file with the installed dateparser")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        same = json.loads(OUT.read_text(encoding="utf-8")) == data
        print("dateparser_words.json is up to date" if same else "dateparser_words.json differs: rebuild it")
        return 0 if same else 1
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(data['languages'])} languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
