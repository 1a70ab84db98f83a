"""Wire datelines: the place (with its region or country) and the agency.

A dateline opens the first paragraph of a wire story: ``LONDON (Reuters) -``,
``NAIROBI, Kenya (AP) —``, ``WASHINGTON, D.C. —``, ``Frankfurt/Main (dpa) -``,
``Madrid, 5 mar (EFE).-``. The rule is generic:

* a capitalised place of at most :data:`MAX_PLACE_WORDS` words (``/`` joins two
  names, as in ``Frankfurt/Main``);
* optionally a comma and a *qualifier*, a region or a date. A qualifier made of capitalised tokens
  only (``Kenya``, ``D.C.``, ``Puerto Rico``, ``Calif.``), at most
  :data:`MAX_REGION_WORDS` of them and no month name, is a region or country
  and stays part of the place; any other qualifier (a date such as
  ``5. März`` or ``Nov 20``) is dropped, and a qualifier that is neither
  (``PARIS, the city of light —``) means the paragraph is not a dateline;
* optionally an agency in parentheses, then a dash.

Without an agency the place must be in capitals and the dash must be an em
dash or a spaced dash followed by a capital, a digit or a quote, so sentence
openings (``NASA — the agency said``, ``COVID-19 cases rose``) are not read as
datelines. A paragraph with no dash at all (``Washington, the capital, said``)
never is.

Vocabularies (agencies, non-place labels, name particles, month names) are
read from ``data/metadata.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsclean import regexlite as regex
from newsclean.article import Dateline
from newsclean.data import read_json
from newsclean.lazyre import regex_compile

__all__ = ["MAX_PLACE_WORDS", "MAX_REGION_WORDS", "parse_dateline"]

#: Most words in a dateline place ("SAN JUAN", "RIO DE JANEIRO", "SALT LAKE CITY").
MAX_PLACE_WORDS = 5
#: Most words in a region or country after the comma ("Kenya", "Puerto Rico",
#: "Bosnia and Herzegovina"); a longer qualifier is a clause, not a region.
MAX_REGION_WORDS = 3
#: Characters at the start of a paragraph read for a dateline.
HEAD_CHARS = 200

_CAPITAL = regex_compile(r"\p{Lu}")  # as _DATELINE starts (str.isupper differs on a few letters)
_LETTER = regex_compile(r"\p{L}")
_DIGIT = regex_compile(r"\d")
_DATELINE = regex_compile(
    r"^(?P<place>\p{Lu}[\p{L}\p{M}.'’/ -]{0,40}?)"
    r"(?:,\s*(?P<qual>[^()\n—–,]{1,30}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<sp1>\s*)(?P<dash>\.?(?:—|–|-{1,2}))(?P<sp2>\s*)(?P<next>.)",
    regex.DOTALL,
)
_AGENCY_SHAPE = regex_compile(r"^\p{Lu}[\p{L}.&/-]{0,15}(?: \p{Lu}[\p{L}.&/-]{0,15}){0,2}$")
# One region token: a capitalised word or an abbreviation with dots ("D.C.", "Calif.", "N.Y.").
_REGION_TOKEN = regex_compile(r"^\p{Lu}[\p{L}\p{M}'’.-]*$")


@dataclass(frozen=True)
class _Words:
    """The word groups a dateline is read with (from the data file, once)."""

    agencies: frozenset[str]
    not_places: frozenset[str]
    particles: frozenset[str]
    months: frozenset[str]


def _group(raw: object) -> list[str]:
    if isinstance(raw, list):
        return [str(w) for w in raw]
    if isinstance(raw, dict):
        return [str(w) for k, v in raw.items() if k != "source" and isinstance(v, list) for w in v]
    return []


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = read_json("metadata.json", keys=("agencies", "not_places", "name_particles", "month_names"))

    def low(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in _group(raw[key]))

    return _Words(low("agencies"), low("not_places"), low("name_particles"), low("month_names"))


def _region(qual: str | None, w: _Words) -> str | None:
    """Return the qualifier when it names a region or country, else None."""
    if not qual:
        return None
    q = qual.strip()
    tokens = q.split()
    if not tokens or len(tokens) > MAX_REGION_WORDS:
        return None
    named = 0
    for i, tok in enumerate(tokens):
        key = tok.casefold().rstrip(".")
        if key in w.months:
            return None
        if _REGION_TOKEN.match(tok):
            named += 1
        elif not (0 < i < len(tokens) - 1 and key in w.particles | {"and", "of"}):
            return None  # a lower-case word other than an inner particle: a clause
    return q if named and len(_LETTER.findall(q)) >= 2 else None


def _date_like(qual: str, w: _Words) -> bool:
    """Say whether a qualifier is a date ("5. März", "Nov 20", "12 nov")."""
    return bool(_DIGIT.search(qual)) or any(t.casefold().strip(".") in w.months for t in qual.split())


def parse_dateline(paragraph: str) -> Dateline | None:
    """Read a wire dateline at the start of a paragraph.

    ``WASHINGTON (AP) —``, ``LONDON (Reuters) -``, ``BERLIN, 5. März (dpa) -``,
    ``Paris (AFP) –``, ``NAIROBI, Kenya (AP) —`` and ``MOSCOW —`` are
    datelines. Without an agency the place must be in capitals and followed
    by a dash and a capital letter.

    >>> parse_dateline("LONDON (Reuters) - Shares fell on Monday.")
    Dateline(place='LONDON', agency='Reuters')
    >>> parse_dateline("NAIROBI, Kenya (AP) — Kenya's president said on Monday.")
    Dateline(place='NAIROBI, Kenya', agency='AP')
    >>> parse_dateline("NASA — the agency said on Monday.") is None
    True
    """
    head = paragraph[:HEAD_CHARS]
    # cheap necessary conditions of a match: one of the dashes somewhere in the
    # head, and the capital the pattern starts with
    if ("-" not in head and "—" not in head and "–" not in head) or not _CAPITAL.match(head):
        return None
    w = _words()
    m = _DATELINE.match(head)
    if not m:
        return None
    place = m.group("place").strip(" .-'’/")
    agency = m.group("agency")
    words = place.replace("/", " ").split()
    if not words or len(words) > MAX_PLACE_WORDS or len(_LETTER.findall(place)) < 2:
        return None
    if place.casefold() in w.not_places or words[0].casefold() in w.not_places:
        return None
    caps = place.upper() == place
    qual = m.group("qual")
    region = _region(qual, w)
    if qual and region is None and not _date_like(qual, w):
        return None  # 'PARIS, the city of light —': a clause, neither region nor date
    full = f"{place}, {region}" if region else place
    if agency is not None:
        agency = agency.strip()
        known = agency.casefold() in w.agencies or agency.split("/")[0].split("-")[0].casefold() in w.agencies
        if not known and not _AGENCY_SHAPE.match(agency):
            return None
        if not caps and not all(x[0].isupper() for x in words if x.casefold() not in w.particles):
            return None
        if not caps and not known:
            return None
        return Dateline(full, agency)
    if not caps or len(_LETTER.findall(place)) < 3:
        return None
    # spaced: a blank right before the dash (the optional space before an agency may
    # have taken it: 'SAN DIEGO, Calif. – The city') and right after it
    spaced = head[m.start("dash") - 1].isspace() and bool(m.group("sp2"))
    if m.group("dash") != "—" and not spaced:
        return None  # 'COVID-19', 'U.S.-backed': a hyphenated word, not a dateline
    nxt = m.group("next")
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«"):
        return None
    return Dateline(full, None)
