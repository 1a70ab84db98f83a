"""Bylines: author names after a label, under a headline, or with a role or an agency.

Part of ``extract_metadata``. A labelled byline ("By", "Von", "Par", "Por",
"بقلم", ...) is read anywhere near the header; an unlabelled one only in a few
shapes (names then a role or an agency after a comma, a bare name line right
under a headline copy, a name with the author's social handle; the stage adds
a name beside a date under a headline and its deck). Bylines away from the
lines under the headline are in :mod:`newsclean.stages._byline_far`.
Vocabularies (labels, roles, agencies, name particles) are in
``data/metadata.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsclean.layout import is_prose
from newsclean.lazyre import regex_compile
from newsclean.stages._header import _DIGIT, _LETTER, _norm, _not_title_cue, _Vocab, _vocab
from newsclean.stages._lines import Line

if TYPE_CHECKING:
    from newsclean import regexlite as regex

__all__ = [
    "AGENCY_CASED_LETTERS",
    "COMMON_WORD_ZIPF",
    "MAX_ABBREVIATION",
    "MAX_AGENCY_WORDS",
    "MAX_DATE_LEAD",
    "MAX_ROLE_WORDS",
    "MAX_ROW_DATA_WORDS",
    "MAX_UNCASED_NAME_WORDS",
    "MAX_UNLABELLED_BYLINE",
    "MIN_DECK_WORDS",
    "MIN_PHRASE_WORDS",
    "MIN_SINGLE_NAME",
    "NAME_DATE_REACH",
    "agency_credit",
    "agency_line",
    "may_hold_role",
    "name_segments",
    "parse_byline",
    "row_names",
    "site_byline",
    "with_role",
]

#: Longest line (characters) read as a byline at all; a longer line is prose or a list.
MAX_BYLINE_CHARS = 160
#: Longest line (characters) read as a byline without a label; longer lines are
#: headlines or teasers (two names with roles fit in 80 on the AEB captures).
MAX_UNLABELLED_BYLINE = 80
#: Characters (a weekday name) allowed before the date that opens a
#: "date, then byline" line.
MAX_DATE_LEAD = 12
#: Most words in the role or agency after the names of an unlabelled byline
#: ("AP National Security Writer"); a longer tail is a headline that holds a
#: role word ("New Orla GT: Car News Headlines").
MAX_ROLE_WORDS = 4
#: Fewest letters in a one-word name after a byline label ("by Quarles"); a
#: shorter word is an initialism or a stray token.
MIN_SINGLE_NAME = 3
#: Longest word (full stop included) that may stand inside a name: an initial or an
#: abbreviation ("J.", "Jr.", "St.", "Geo."); a longer word ending in a full stop
#: before another word ends a sentence ("East Valley. However").
MAX_ABBREVIATION = 4
#: Fewest words from which a bare name line of common English words only (no
#: initial, no particle) is a title-cased phrase ("Holiday Gift Guide", "Get A Free
#: Price Quote", "Become A Member"), not a name; two-word names are often all common
#: words ("Grace Hall"). Checked on the development captures (7 wrong names dropped,
#: no right one) and the silver set of ``benchmarks.metadata`` (no change).
MIN_PHRASE_WORDS = 3
#: Zipf frequency (wordfreq, English) from which a one-word "name" after a
#: label is a common word ("Text Size", "By Topic"): 4.0 is once per
#: 10,000 words; most surnames and many first names are rarer (not all:
#: "catherine" is 4.1, so "By Catherine" alone is not read).
COMMON_WORD_ZIPF = 4.0

#: Most words of an unlabelled name in a script without capitals (in the
#: name-place-date row under a headline): given names and surnames of the
#: Devanagari and Arabic bylines of the development captures take two or
#: three; a longer run of such words is a phrase of the headline's deck.
MAX_UNCASED_NAME_WORDS = 3

#: Lines after a headline copy looked at for its deck and then a bare name line printed
#: next to a date line ("Headline" / "Deck." / "Jane Doe" / "Nov 13, 2019").
NAME_DATE_REACH = 3
_LETTERS = regex_compile(r"\p{L}+")
# A header line that is a time of day, alone or after one word (a relative day such as
# "Today", "Dnes", "Heute"): the date line of a page that prints only the time.
# A time with a dot needs its unit ("14.30 Uhr"): "Version 2.10" is no time.
_TIME_LINE = regex_compile(
    r"^(?:\p{L}{2,12}\.?,?\s+)?(?:[01]?\d|2[0-3])"
    r"(?::[0-5]\d(?:\s*(?i:[ap]\.?m\.?|uhr|h|hs|hrs))?|\.[0-5]\d\s*(?i:[ap]\.?m\.?|uhr|h|hs|hrs))"
    r"\.?(?:\s+(?i:ist|gmt|utc|et|est|edt|cet|cest|mez|mesz))?$"
)
_NUMERIC_DATE = regex_compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")

# The cuts that open with blanks are tried from a blank run's first character only, and
# runs are taken whole (possessive): tried from every blank of a long run, the pattern was
# quadratic in the run's length. The cut found (start and end) is unchanged; a property
# test compares the two forms.
_BYLINE_CUT = regex_compile(
    r"(?<!\s)\s++(?:[|•·–—/-]\s*+|[|•·]\s*+|\(|(?:on|am|le|el|il|op)\s++\d|\p{Ll}[^\s@]*+@"
    r"|(?i:for|für|pour|para|per|voor)\s++(?=\p{Lu}))"
    r"|[|•·]\s*+|\(|@|(?<=\p{L})(?=\d)"
)
# A lower-case letter glued to a capital inside a word: two fields of a byline
# printed without a space ("Ada FinchStaff Writer", "Ida HolmerFOXBusiness"); not
# "McDonald", "MacKenzie", "FitzGerald" (the capital follows at least four
# lower-case letters).
_FIELD_GLUE = regex_compile(r"(?<=\p{Lu}\p{Ll}{4,})(?=\p{Lu})")
# A lower-case letter glued to a capital: where an interface label may be glued to the
# end of a name ("Jane DoeEmail Author", "Jo RoeView More Articles"); cut only when what
# follows is an interface cue of ``not_title_cues``.
_CASE_GLUE = regex_compile(r"(?<=\p{Ll})(?=\p{Lu})")
# The word that leads a date after the names of a byline ("... on November 19").
_DATE_LEAD = regex_compile(r"(?<!\s)\s++(?i:on|am|le|el|il|op|den|du|del|de|em)\s*+$")
# A one-word name: letters, hyphens and apostrophes only ("CNN.com" is no name).
_ONE_NAME = regex_compile(r"^\p{Lu}[\p{L}\p{M}'’-]+$")
# Separators and bullets a byline line may open with ("| BY: Jane Doe").
_LEAD_MARKS = "|•·*–—- "
# A social handle glued to the end of a name line, or alone on a line ("@janedoe").
_HANDLE_GLUED = regex_compile(r"(?<=\p{L})[\s,]{0,2}@\w{2,30}$")
# A name token in a script without capitals (letters with no case, and marks).
_UNCASED_TOKEN = regex_compile(r"^[\p{Lo}\p{M}]+$")
_HANDLE_LINE = regex_compile(r"@\w{2,30}")
_LETTER_WORD = regex_compile(r"\b\p{L}+\b")
_DASH = regex_compile(r"[–—-]")
_NAME_TOKEN = regex_compile(r"^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$")
# A field label opening a line of header fields ("Publish Date:", "Datum:"): at most
# three words, then a colon.
_FIELD_LABEL = regex_compile(r"^\p{L}+(?:[ \t]\p{L}+){0,2}[ \t]*[:：][ \t]*")
# Where the next field of a header line may start: after blanks, or right after a
# closing bracket ("01:34 PM (IST)Author: Jo Roe").
_FIELD_GAP = regex_compile(r"\s+|(?<=[)\]])(?=\p{L})")
# The separator between a byline's names and the outlet printed after them
# ("Jane Doe | The Courier", "Jane Doe, The Courier", "Jane Doe - The Courier").
_OUTLET_SEP = regex_compile(r"\s*+[|•·,/]\s*+|\s++[–—-]\s++")


def _name(segment: str, v: _Vocab, *, uncased: bool = False) -> str | None:
    """Return ``segment`` as a personal name (title-cased if all capitals) or None.

    With ``uncased`` (after a byline label), tokens of a script without
    capitals (Arabic, Devanagari, Thai...) count as name tokens too.
    """
    s = segment.strip().strip(".,;")
    if not s or len(s) > 50:
        return None
    tokens = s.split()
    if len(tokens) >= 3 and tokens[0].casefold().endswith(("'s", "’s")):
        tokens = tokens[1:]  # an outlet's possessive before the name: "NBC's Jane Doe"
        s = " ".join(tokens)
    if not 2 <= len(tokens) <= 5 or tokens[0].casefold() in v.articles:
        return None
    if tokens[0].casefold() in _offices().determiners and _office(s, v) is not None:
        return None  # an office, not a person: "Unserem Korrespondenten", "Our Correspondent"
    for i, tok in enumerate(tokens):
        key = tok.casefold()
        if i > 0 and key in v.particles and i < len(tokens) - 1:
            continue
        if key.endswith(("'s", "’s")):
            return None  # a possessive: "Jane Doe's Most Recent Stories" is a link, not a name
        if i < len(tokens) - 1 and key.endswith(".") and len(key) > MAX_ABBREVIATION:
            return None  # a sentence ends inside: "by East Valley. However, ..." (a wrapped line)
        if key in v.function_words or not (_NAME_TOKEN.match(tok) or (uncased and _UNCASED_TOKEN.match(tok))):
            return None
    if _names_agency(s):
        return None  # "Agência Exemplo", "Northfield Space Agency": an agency signs
    words, capitals = _organisation_suffixes()
    last = tokens[-1].strip(".,")
    if last.casefold() in words or (last.isupper() and last.casefold() in capitals):
        return None  # a company: "Associated Newspapers Ltd", "Example Media SA"
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # 'Sean Martin Sean Martin': a name printed twice
        s = " ".join(tokens)
    return title_cased(s, v)


# A lower-case letter after a hyphen, an apostrophe or an initial's full stop in a name
# ("Jean-pierre" -> "Jean-Pierre", "J.d." -> "J.D.").
_AFTER_HYPHEN = regex_compile(r"(?<=[-'’.])\p{Ll}")


def title_cased(name: str, v: _Vocab) -> str:
    """``name`` title-cased when it is printed all in capitals (name particles left as printed).

    >>> title_cased("JEAN-LUC ROE", _vocab())
    'Jean-Luc Roe'
    >>> title_cased("J.D. ROE", _vocab())
    'J.D. Roe'
    >>> title_cased("Jane Doe", _vocab())
    'Jane Doe'
    """
    if name.upper() != name or not _LETTER.search(name):
        return name
    s = " ".join(t if t.casefold() in v.particles else t.capitalize() for t in name.split())
    out: str = _AFTER_HYPHEN.sub(lambda m: m.group().upper(), s)
    return out


@lru_cache(maxsize=1)
def _organisation_suffixes() -> tuple[frozenset[str], frozenset[str]]:
    """The legal-form words that end a company's name, and those counted only in capitals.

    From ``organisation_suffixes`` of ``data/metadata.json``.
    """
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("organisation_suffixes",))["organisation_suffixes"]
    return frozenset(raw["words"]), frozenset(raw["capitals_only"])


def name_segments(head: str, v: _Vocab) -> list[str]:
    """Split the names part of a byline at its connectors ("and", "und", "y", commas).

    A connector that is also a name particle ("e", "y": Portuguese and Spanish
    double surnames) followed by a single word joins that word to the name
    before it: "Rui Costa e Lima" is one name, "Ana Gil y Juan Roe" two.

    >>> name_segments("Rui Costa e Lima", _vocab())
    ['Rui Costa e Lima']
    >>> name_segments("Jane Doe and John Roe", _vocab())
    ['Jane Doe', 'John Roe']
    """
    pieces: list[str] = []
    seps: list[str] = []
    pos = 0
    for m in v.connectors.finditer(head):
        pieces.append(head[pos : m.start()])
        seps.append(m.group())
        pos = m.end()
    pieces.append(head[pos:])
    out = [pieces[0]]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        particle = "," not in sep and sep.strip().casefold() in v.particles
        if particle and out[-1].strip() and len(piece.split()) == 1:
            out[-1] = out[-1] + sep + piece
        else:
            out.append(piece)
    return out


def _is_role(segment: str, v: _Vocab) -> bool:
    # hyphenated roles count by their words ("Editor-at-large", "Reporter-Photographer"),
    # inflected ones too ("Staff Writers", "corresponsales": :func:`_inflected_role`)
    for w in segment.replace("-", " ").split():
        key = w.casefold().strip(".,")
        if key in v.roles or _inflected_role(key):
            return True
    return False


def _agency_tail(segment: str, v: _Vocab) -> str:
    """``segment`` without a news agency glued after the name ("Jane Doe Reuters" → "Jane Doe").

    Only after a name of two words or more, and only a whole agency name of
    the vocabulary, in one or two words ("Jane Doe Associated Press").
    """
    tokens = segment.split()
    for n in (2, 1):
        if len(tokens) >= n + 2 and " ".join(tokens[-n:]).casefold().strip(".,") in v.agencies:
            return " ".join(tokens[:-n])
    return segment


def _is_agency(segment: str, v: _Vocab) -> bool:
    return segment.strip().strip(".").casefold() in v.agencies


#: Most words of an agency's name signing where a byline goes ("Agência Exemplo", "Northfield
#: Space Agency", "Nordstadt Regional Presseagentur"); a longer segment is a phrase.
MAX_AGENCY_WORDS = 6
#: Words of at least this many letters in an agency's name are capitalised ("Agência de
#: Notícias Exemplo": "de" may stay lower case); a lower-case longer word makes a phrase
#: ("la agencia estatal el lunes"), not a name.
AGENCY_CASED_LETTERS = 4


@lru_cache(maxsize=1)
def _agency_words() -> frozenset[str]:
    """The head nouns of agency names (``agency_words`` of ``data/metadata.json``)."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("agency_words",))["agency_words"]
    return frozenset(w.casefold() for key, words in raw.items() if key != "source" for w in words)


def _names_agency(segment: str) -> bool:
    """Whether a byline segment names an agency, not a person ("Agência Exemplo", "Northfield Space Agency").

    At most :data:`MAX_AGENCY_WORDS` words, every word of
    :data:`AGENCY_CASED_LETTERS` letters or more capitalised (a name, not "la agencia estatal el lunes"), one of them
    (a hyphenated word by its parts) a head noun of ``agency_words``; a
    company's legal name ("Example Newspapers Ltd") is left to :func:`_name`.

    >>> _names_agency("Northfield Space Agency"), _names_agency("Jane Doe")
    (True, False)
    """
    words = _LETTERS.findall(segment)
    if not words or len(segment.split()) > MAX_AGENCY_WORDS:
        return False
    if not all(w[0].isupper() for w in words if len(w) >= AGENCY_CASED_LETTERS) or not words[0][0].isupper():
        return False
    if words[-1].casefold() in _organisation_suffixes()[0]:
        return False  # a company's legal name: the publisher, no credit
    heads = _agency_words()
    return any(w.casefold() in heads for w in words)


def _is_credit(segment: str, v: _Vocab) -> bool:
    """Whether a byline segment credits a news agency (of the vocabulary, or named as one), not a person."""
    return _is_agency(segment, v) or _names_agency(segment)


def _after_date_label(s: str, v: _Vocab) -> int | None:
    """The byline label after a date that opens the line ("Monday November 18, 2019 7:45 am by Jo Roe").

    The date may be numeric ("11.05.12 Written by Jo Roe", "2020-02-20 | By Jo Roe").

    The date may follow a field label ("Publish Date: Sat, 28 Nov 2020 ... Author: Jo
    Roe"), and the byline label may be glued to a closing bracket ("(IST)Author:").
    A date label longer than :data:`MAX_DATE_LEAD` characters may lead the date
    when its words are all date words (:func:`_date_lead`: "Publicado el 17 de
    marzo de 2020 por Ana Gil", "Veröffentlicht am 17. März 2020 von ...").
    """
    if _DIGIT.search(s) is None:
        return None  # no digit on the line: none in the window read below either
    lead = _FIELD_LABEL.match(s)
    start0 = lead.end() if lead else 0
    if not _DIGIT.search(s, start0, start0 + MAX_DATE_LEAD + 30):
        return None
    date = v.month_date.search(s, start0, start0 + MAX_DATE_LEAD + 30)
    if date is None or (date.start() - start0 > MAX_DATE_LEAD and not _date_lead(s[start0 : date.start()])):
        # a numeric date at the start ("11.05.12 Written by Jane Doe")
        date = _NUMERIC_DATE.match(s, start0)
        if date is None:
            return None
    after: int = date.end()
    for gap in _FIELD_GAP.finditer(s[after:]):
        start: int = after + gap.end()
        m = v.byline_label.match(s[start:])
        if m:
            length: int = m.end()
            return start + length
    return None


#: Most words of a date's label before it, past :data:`MAX_DATE_LEAD` characters
#: ("Veröffentlicht am", "Mis à jour le": a longer run of date words is a sentence).
MAX_DATE_LEAD_WORDS = 4


def _date_lead(lead: str) -> bool:
    """Whether ``lead`` is a date's label and its article only ("Publicado el ", "Veröffentlicht am ").

    >>> _date_lead("Gepubliceerd op "), _date_lead("The council met on ")
    (True, False)
    """
    words = _LETTERS.findall(lead)
    return 0 < len(words) <= MAX_DATE_LEAD_WORDS and all(w.casefold() in _date_words() for w in words)


class BylineReading(NamedTuple):
    """What a byline line says: the author names and the roles printed with them.

    Attributes:
        names: The author names in order (empty for a byline that credits an
            agency or an office only).
        roles: ``(name, role)`` pairs in order: the role or job title printed
            with a name ("Staff Writer", "Korrespondent"), or with ``None`` for
            the name when the byline names an office and no person ("our
            correspondent", "unserem Korrespondenten").
    """

    names: list[str]
    roles: list[tuple[str | None, str]]


def parse_byline(line: str, *, labelled: bool = True) -> list[str] | None:
    """Read a byline line; return the author names (possibly empty) or None.

    Args:
        line: One line of text.
        labelled: Require a byline label ("By", "Von", "Par", ...); False reads
            the line as the names that follow a label on the line before.

    Returns:
        The names in order (an agency-only or office-only byline gives ``[]``),
        or None when the line is not a byline. :func:`read_byline` gives the
        roles too.

    >>> parse_byline("By Jane Doe and John Roe, Reuters")
    ['Jane Doe', 'John Roe']
    >>> parse_byline("By the end of the year, prices had doubled.") is None
    True
    """
    reading = read_byline(line, labelled=labelled)
    return reading.names if reading is not None else None


def read_byline(line: str, *, labelled: bool = True) -> BylineReading | None:
    """Read a byline line: the author names and their roles, or None when it is none.

    As :func:`parse_byline`, with the roles and job titles printed after the
    names ("Jane Doe, Staff Writer"; "Von Max Muster, Korrespondent") and the
    office a labelled byline names instead of a person ("By our
    correspondent", "Von unserem Korrespondenten", "Par notre envoyé spécial":
    :func:`_office`). An agency is no role: it is read by :func:`_agencies`.

    >>> read_byline("Von Max Muster, Korrespondent")
    BylineReading(names=['Max Muster'], roles=[('Max Muster', 'Korrespondent')])
    >>> read_byline("Par notre envoyé spécial")
    BylineReading(names=[], roles=[(None, 'notre envoyé spécial')])
    """
    s = line.strip()
    if not s or len(s) > MAX_BYLINE_CHARS:
        return None  # (checked before the cache: a long line is no byline, and is not kept)
    found = _kept_byline(s, labelled)
    if found is None:
        return None
    names, roles = found
    return BylineReading(list(names), list(roles))


#: How many line readings :func:`read_byline` keeps. A site prints the same header lines
#: (menu entries, share bars, section names) on each of its pages, and the metadata stage
#: asks about a line in several of its finders: about half the 9,331 readings of one pass
#: over the 181 AEB text captures are of a line text read before. More than the distinct
#: lines of that pass (4,532); a bounded cache, so a long stream holds no more.
BYLINES_KEPT = 8192


@lru_cache(maxsize=BYLINES_KEPT)
def _kept_byline(s: str, labelled: bool) -> tuple[tuple[str, ...], tuple[tuple[str | None, str], ...]] | None:
    """:func:`read_byline` of a stripped line, in an immutable form that one cache entry can serve twice."""
    reading = _read_byline(s, labelled=labelled)
    return None if reading is None else (tuple(reading.names), tuple(reading.roles))


def _read_byline(s: str, *, labelled: bool) -> BylineReading | None:
    """:func:`read_byline` of a stripped line, read afresh."""
    v = _vocab()
    led = False  # opened by a lead that only opens an office ("From our correspondent")
    if labelled:
        s = s.lstrip(_LEAD_MARKS)  # '| By: Jane Doe', '• Von Jan Roe': a separator or bullet first
        m = v.byline_label.match(s)
        end = m.end() if m else _after_date_label(s, v)
        if end is None:
            end = _office_lead(s)
            led = end is not None
        if end is None:
            return None
        s = s[end:]
    head = _names_part(s, v)
    if not head:
        return None
    office = _office(head, v) if labelled else None
    if office is not None:
        role, rest = office
        if not rest:
            return BylineReading([], [(None, role)])
        inner = _read_names(rest, rest, v, labelled=True)
        if inner is None or not inner.names:
            return None
        given = {n for n, _ in inner.roles}
        return BylineReading(inner.names, [(n, role) for n in inner.names if n not in given] + inner.roles)
    if led:
        return None
    if labelled:
        head = _cut_place(head, v)
    return _read_names(head, s, v, labelled=labelled)


#: Fewest words of names before a place after a labelled byline's names ("By Jane Doe in
#: Nairobi"): "By Sunday in Paris" is no byline.
MIN_NAME_WORDS_BEFORE_PLACE = 2


def _cut_place(head: str, v: _Vocab) -> str:
    """A labelled byline's names without the place after them ("Jane Doe in Nairobi": "Jane Doe").

    The place is a preposition of ``places`` of ``byline_offices`` that is no
    name particle and no connector of names ("in", "aus", "à", "desde", "em",
    "uit"; not "de" or "da", which sit inside names, "Ana de Souza", nor "en",
    which joins two names in Dutch), then at most :data:`MAX_PLACE_WORDS`
    capitalised words (particles between them) ending the line, after at
    least :data:`MIN_NAME_WORDS_BEFORE_PLACE` words, the last no role word
    (a role's place stays with it: "Staff Writer in London"). A head without
    such a tail is returned as it was.

    >>> _cut_place("Jane Doe and John Roe in New York", _vocab())
    'Jane Doe and John Roe'
    >>> _cut_place("Ana de Souza", _vocab()), _cut_place("Sunday in Paris", _vocab())
    ('Ana de Souza', 'Sunday in Paris')
    """
    words = head.split()
    if len(words) <= MIN_NAME_WORDS_BEFORE_PLACE:
        return head
    places, connectors = _offices().places, _connector_words()
    for k in range(MIN_NAME_WORDS_BEFORE_PLACE, len(words) - 1):
        key = words[k].casefold()
        if key not in places or key in v.particles or key in connectors or not words[k][:1].islower():
            continue
        tail, before = words[k + 1 :], words[k - 1]
        capitals = sum(w[:1].isupper() for w in tail)
        if (
            tail[0][:1].isupper()
            and capitals <= MAX_PLACE_WORDS
            and all(w[:1].isupper() or w.casefold() in v.particles for w in tail)
            and not before.endswith(",")
            and not _role_word(before, v)  # "Staff Writer in London": the role's own place
        ):
            return " ".join(words[:k])
        break
    return head


def _read_names(head: str, s: str, v: _Vocab, *, labelled: bool) -> BylineReading | None:
    """The names and roles of a byline's names part ``head`` (``s``: the line after its label)."""
    if labelled and _single_name(head, s, v):
        return BylineReading([head], [])
    names: list[str] = []
    roles: list[tuple[str | None, str]] = []
    pending = 0  # names[pending:] have no role or credit yet: a role after them is theirs
    credited = False  # a role or agency was read: what follows credits the names before it

    def credit(role: str | None) -> None:
        nonlocal pending, credited
        if role is not None and not _outlet_credit(role, v):
            # (a part with no trade word names the outlet: "Jane Doe, Example News")
            roles.extend((n, role) for n in names[pending:])
        pending = len(names)
        credited = True

    pos = 0
    for segment in name_segments(head, v):
        seg = segment.strip()
        at = head.find(segment, pos)
        joined = bool(_LETTERS.search(head, pos, at)) if at > pos else False  # "and", "und": not a comma
        pos = max(at, pos) + len(segment)
        if not seg:
            continue
        # a role printed after the first names with no separator ("Jane Doe Staff Writer");
        # after a comma, words before a role qualify it ("Jane Doe, AP Auto Writer")
        glued = None if names or credited else _split_role_tail(seg, v) or _split_title_tail(seg, v)
        if glued is not None:
            if glued[0] not in names:
                names.append(glued[0])
            credit(glued[1])
            continue
        if names and _is_job_title(seg, v):
            credit(seg)  # the author's role, not a co-author: "Jane Doe, Software Engineer"
            continue
        if _is_credit(seg, v) or _is_role(seg, v):
            if not names and not _is_credit(seg, v) and seg != head:
                return None
            if not names:
                break
            credit(None if _is_credit(seg, v) else seg)
            continue
        if credited:
            # after a name's role or outlet, only a name joined by a connector word is a
            # co-author ("Jane Doe, Staff Writer, and John Roe, Reuters"); an outlet
            # after a comma is passed over
            name = _name(seg, v) if joined else None
            if name is not None and name not in names:
                names.append(name)
            continue
        name = _name(_agency_tail(seg, v), v, uncased=True)
        if name is None:
            if names:
                if all(_role_word(w, v) for w in seg.split()) and not _outlet_credit(seg, v):
                    # an inflected role ends the names: "..., Korrespondenten", "..., journalistes"
                    credit(seg)
                break
            return None
        if name not in names:
            names.append(name)
    if not names:
        role_only = labelled and _is_role(head, v) and all(w[:1].isupper() for w in head.split())
        if not (_is_credit(head.split(",")[0], v) or role_only):
            return None
        if role_only and not _is_credit(head.split(",")[0], v) and not _outlet_credit(head, v):
            return BylineReading([], [(None, head)])  # "By Staff Reporter": an office, no person
    return BylineReading(names, roles)


#: Most words of an office after its determiner ("our chief foreign correspondent"); a longer
#: run is a phrase, not an office.
MAX_OFFICE_WORDS = 4
#: Endings that inflect a role of ``byline_roles`` (plural, feminine, German weak nouns):
#: "reporters", "corresponsales", "Korrespondenten", "Redakteure", "Korrespondentinnen".
ROLE_ENDINGS = ("s", "es", "en", "n", "e", "in", "nen", "x")
#: Endings a Romance role ending in a vowel takes in place of it: "inviato" gives "inviati",
#: "inviata"; "enviado" gives "enviados", "enviadas"; "corrispondente" gives "corrispondenti".
ROLE_VOWEL_ENDINGS = ("a", "o", "e", "i", "as", "os", "es")
#: Fewest letters of a role that is read in its inflected forms: shorter roles ("staff", "desk",
#: "team", "news") take no ending, and "intern" gives "interns" but never "internal" (no
#: ending of :data:`ROLE_ENDINGS` is "al").
MIN_ROLE_STEM = 6


class _Offices(NamedTuple):
    possessives: frozenset[str]
    determiners: frozenset[str]  # the possessives and the articles
    leads: frozenset[str]
    places: frozenset[str]
    lead_initials: frozenset[str]  # the first letters of the leads, in both cases


@lru_cache(maxsize=1)
def _offices() -> _Offices:
    """The words of an office byline (``byline_offices`` of ``data/metadata.json``)."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("byline_offices",))["byline_offices"]

    def words(group: str) -> frozenset[str]:
        return frozenset(w.casefold() for key, ws in raw[group].items() if key != "source" for w in ws)

    possessives, leads = words("possessives"), words("leads")
    initials = frozenset(c for lead in leads for c in (lead[0], lead[0].upper()))
    return _Offices(possessives, possessives | words("articles"), leads, words("places"), initials)


def _office_lead(s: str) -> int | None:
    """Where an office starts after a lead that opens one without a label ("From our correspondent").

    The office must open with a possessive: "From the Editors" is a link to a section.
    """
    offices = _offices()
    if s[:1] not in offices.lead_initials:
        return None  # (most lines: read on every line a byline label does not open)
    cut = s.find(" ")
    if cut < 1 or s[:cut].casefold() not in offices.leads:
        return None
    rest = s[cut:].lstrip()
    if rest.split(maxsplit=1)[:1] == [] or rest.split(maxsplit=1)[0].casefold() not in offices.possessives:
        return None
    return len(s) - len(rest)


# A word and its hyphenated parts ("porte-parole", "Editor-at-large").
_WORD = regex_compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")


def may_hold_role(line: str) -> bool:
    """Whether some word of ``line`` is a role word (:func:`_role_word`), glued parts included.

    Every role :func:`read_byline` reads holds one, so a line without any gives
    no role: the stage reads the roles of the lines it takes only past this test.

    >>> may_hold_role("By Jane Doe, Staff Writer"), may_hold_role("Jane DoeReporter"), may_hold_role("By Jane Doe")
    (True, True, False)
    """
    v = _vocab()
    for whole in _WORD.findall(line):
        for word in (whole, *whole.split("-")) if "-" in whole else (whole,):
            if _role_word(word, v):
                return True
            if any(_role_word(word[g.start() :], v) for g in _CASE_GLUE.finditer(word)):
                return True
    return False


def _role_word(word: str, v: _Vocab) -> bool:
    """Whether ``word`` is a role (``byline_roles``), a job title's head, or an inflection of a role."""
    key = word.casefold().strip(".,;:")
    return key in v.roles or _title_word(key) or _inflected_role(key)


def _inflected_role(key: str) -> bool:
    """Whether a case-folded word is an inflected form of a role (:data:`ROLE_ENDINGS`).

    >>> _inflected_role("korrespondenten"), _inflected_role("inviati"), _inflected_role("internal")
    (True, True, False)
    """
    if len(key) <= MIN_ROLE_STEM:
        return False
    roles = _role_stems().get(key[:MIN_ROLE_STEM], ())
    for role in roles:
        if key.startswith(role) and key[len(role) :] in ROLE_ENDINGS:
            return True
        if role[-1] in "aeio" and key.startswith(role[:-1]) and key[len(role) - 1 :] in ROLE_VOWEL_ENDINGS:
            return True
    return False


@lru_cache(maxsize=1)
def _role_stems() -> dict[str, tuple[str, ...]]:
    """The roles of :data:`MIN_ROLE_STEM` letters or more, by their first :data:`MIN_ROLE_STEM` letters."""
    out: dict[str, list[str]] = {}
    for role in sorted(_vocab().roles):
        if len(role) >= MIN_ROLE_STEM:
            out.setdefault(role[:MIN_ROLE_STEM], []).append(role)
    return {k: tuple(v) for k, v in out.items()}


def _office(head: str, v: _Vocab) -> tuple[str, str] | None:
    """The office a byline names instead of a person, and what follows it, or None.

    An office is a determiner (``possessives`` and ``articles`` of
    ``byline_offices``: "our", "unserem", "notre", "nuestro", "la"), then at most :data:`MAX_OFFICE_WORDS`
    words ending in a role word (:func:`_role_word`), the others role words,
    title modifiers or lower-case words ("our foreign correspondent", "notre
    envoyé spécial"). A place after it ("in Nairobi", "à Kyiv": a preposition of
    ``places`` and capitalised words) is part of the office; what else follows
    is returned for the caller to read as names ("unserem Korrespondenten Max
    Muster").

    >>> _office("unserem Korrespondenten", _vocab())
    ('unserem Korrespondenten', '')
    >>> _office("our correspondent in Nairobi", _vocab())
    ('our correspondent in Nairobi', '')
    >>> _office("the end of the year", _vocab()) is None
    True
    """
    words = head.split()
    offices = _offices()
    if len(words) < 2 or words[0].casefold() not in offices.determiners:
        return None
    modifiers = _job_titles()[2]
    last = 0
    for k in range(1, min(len(words), MAX_OFFICE_WORDS + 1)):
        word = words[k]
        key = word.casefold().strip(".,;:")
        if _role_word(word, v):
            last = k
        elif not (
            key in modifiers
            or (
                word[:1].islower()
                and key.isalpha()
                and key not in offices.places
                and key not in offices.determiners
                and key not in v.function_words
            )
        ):
            break
        if word.endswith(","):
            break
    if not last:
        return None
    role = " ".join(words[: last + 1]).rstrip(",")
    rest = words[last + 1 :]
    if rest and rest[0] == ",":
        rest = rest[1:]
    if (
        1 < len(rest) <= MAX_PLACE_WORDS + 1
        and rest[0].casefold() in offices.places
        and all(w[:1].isupper() for w in rest[1:])
    ):
        return f"{role} {' '.join(rest)}", ""
    return role, " ".join(rest)


#: Fewest letters before a German or Dutch job title's head in a compound ("Pressesprecher",
#: "Abteilungsleiter"): a shorter lead is a word of its own, not a qualifier.
MIN_COMPOUND_LEAD = 3


#: Languages that write a job title as the head of a compound ("Pressesprecher",
#: "hoofdredacteur"): their heads are also read at the end of a longer word.
COMPOUNDING_LANGUAGES = ("de", "nl")
#: Keys of ``job_titles`` that are not a language's list of heads.
_JOB_TITLE_FIELDS = frozenset({"source", "compound_only", "modifiers"})


@lru_cache(maxsize=1)
def _job_titles() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Job-title heads, the heads also read at the end of a compound, and the title modifiers.

    From ``job_titles`` of ``data/metadata.json``, with the author-box trades of
    ``author_bio`` ("Founder", "Novelist") among the heads.
    """
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("job_titles", "author_bio"))
    titles = raw["job_titles"]
    languages = [key for key in titles if key not in _JOB_TITLE_FIELDS]  # every language the table lists
    heads = frozenset(w.casefold() for lang in languages for w in titles[lang])
    heads |= frozenset(w.casefold() for words in raw["author_bio"]["trades"].values() for w in words)
    compound = [w.casefold() for lang in COMPOUNDING_LANGUAGES if lang in titles for w in titles[lang]]
    compound += titles["compound_only"]
    modifiers = frozenset(w.casefold() for w in titles["modifiers"])
    return heads, tuple(sorted(set(compound))), modifiers


def _title_word(word: str) -> bool:
    """Whether ``word`` is a job title's head: a head of ``job_titles``, by its parts when
    hyphenated ("Co-Founder"), or a German or Dutch compound ending in one ("Pressesprecher")."""
    heads = _job_titles()[0]
    key = word.casefold().strip(".,;:()")
    return key in heads or any(part in heads for part in key.split("-")) or _compound_title(word)


def _is_job_title(segment: str, v: _Vocab) -> bool:
    """Whether a byline part after a name is a job title, the author's role, not a person.

    The part holds a capitalised head of ``job_titles`` ("Software Engineer",
    "Directrice Générale", "Pressesprecher"), or is all in lower case with a
    head ("software engineer"). A part whose only head is its last
    word reads as a name ("Katarzyna Architect") when a word before the head is
    rare in English and neither a title modifier ("Senior", "Leitender") nor a
    role or head itself: the name shape wins.

    >>> _is_job_title("Software Engineer", _vocab()), _is_job_title("Directrice Générale", _vocab())
    (True, True)
    >>> _is_job_title("Jane Doe", _vocab()), _is_job_title("Katarzyna Architect", _vocab())
    (False, False)
    """
    tokens = segment.split()
    cased = any(t[:1].isupper() for t in tokens)  # "software engineer" in lower case is a title too
    hits = [i for i, t in enumerate(tokens) if (t[:1].isupper() or not cased) and _title_word(t)]
    if not hits:
        return False
    if hits == [len(tokens) - 1] and len(tokens) > 1:
        from newsclean.lexicon import rarer_than

        _, _, modifiers = _job_titles()
        for tok in tokens[:-1]:
            key = tok.casefold().strip(".,")
            if key in modifiers or key in v.roles or key in v.function_words:
                continue
            if any(rarer_than(w.casefold(), COMMON_WORD_ZIPF) for w in _LETTERS.findall(tok)):
                return False
    return True


def _split_title_tail(segment: str, v: _Vocab) -> tuple[str, str] | None:
    """The name of a segment that ends in a job title with no separator, and that title, or None.

    "Jane Doe Software Engineer" gives "Jane Doe" and "Software Engineer": the
    shortest tail that is a job title (:func:`_is_job_title`) after a name of two
    words or more. The tail has two words or more, or is one compound ("Max
    Muster Pressesprecher"): a single head word after a name may be its surname.

    >>> _split_title_tail("Jane Doe Software Engineer", _vocab())
    ('Jane Doe', 'Software Engineer')
    >>> _split_title_tail("Jane Doe Fellow", _vocab()) is None
    True
    """
    tokens = segment.split()
    for i in range(2, len(tokens)):
        tail = tokens[i:]
        if len(tail) == 1 and not _compound_title(tail[0]):
            continue
        if _is_job_title(" ".join(tail), v):
            name = _name(" ".join(tokens[:i]), v)
            return (name, " ".join(tail)) if name is not None else None
    return None


def _compound_title(word: str) -> bool:
    """Whether ``word`` is a German or Dutch compound ending in a job title's head ("Pressesprecher")."""
    heads, compound, _ = _job_titles()
    key = word.casefold().strip(".,;:()")
    if key in heads:
        return False
    return any(key.endswith(h) and len(key) - len(h) >= MIN_COMPOUND_LEAD for h in compound)


def _split_role_tail(segment: str, v: _Vocab) -> tuple[str, str] | None:
    """The name of a segment that ends in a role with no separator, and that role, or None.

    "Jane Doe Staff Writer" gives "Jane Doe" and "Staff Writer", "Max Muster
    Korrespondent" gives "Max Muster" and "Korrespondent": the trailing words
    that are roles (``byline_roles``) are cut off, at most
    :data:`MAX_ROLE_WORDS` of them, and the rest must be a name of two words or
    more (:func:`_name`) with a word rarer than
    :data:`COMMON_WORD_ZIPF` and no agency ("World Affairs Correspondent",
    "CNN Political Producer" are roles). A tail that ends in a word naming a desk
    or an outlet rather than a person's trade (``desks`` of ``byline_roles``:
    "By Valley Town News", "Example Desk") is not cut: the whole segment may be
    an outlet.

    >>> _split_role_tail("Jane Doe Staff Writer", _vocab())
    ('Jane Doe', 'Staff Writer')
    >>> _split_role_tail("Jane DoeStaff Writer", _vocab())[0]
    'Jane Doe'
    >>> _split_role_tail("Valley Town News", _vocab()) is None
    True
    """
    tokens = segment.split()
    k = len(tokens)
    while k > 0 and _is_role(tokens[k - 1], v):
        k -= 1
    if k > 0:
        # a role glued to the last name ("Jane DoeStaff Writer", "Ann McRoeReporter")
        tok = tokens[k - 1]
        cut = next((g.start() for g in _CASE_GLUE.finditer(tok) if _is_role(tok[g.start() :], v)), None)
        if cut is not None:
            tokens[k - 1 : k] = [tok[:cut], tok[cut:]]
    if k == len(tokens) or k < 2 or len(tokens) - k > MAX_ROLE_WORDS:
        return None
    if tokens[-1].casefold().strip(".,") in _desk_words():
        return None
    head = " ".join(tokens[:k])
    if any(_is_agency(t, v) for t in tokens[:k]) or not _rare_token(head):
        return None  # a desk's qualifier: "CNN Political Producer", "World Affairs Correspondent"
    name = _name(head, v)
    return (name, " ".join(tokens[k:])) if name is not None else None


@lru_cache(maxsize=1)
def _connector_words() -> frozenset[str]:
    """The words that join two names (``name_connectors`` of ``data/metadata.json``)."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("name_connectors",))["name_connectors"]
    return frozenset(w.casefold() for w in raw["words"])


def _outlet_credit(role: str, v: _Vocab) -> bool:
    """Whether a byline part read as a role names a desk or an outlet, not a person's trade.

    No word of it is a trade: a role of ``byline_roles`` outside its ``desks``
    or a job title's head. "Example News", "Example Staff", "Example Desktop
    Team" credit the outlet; "Staff Writer", "envoyée spéciale", "Product
    Manager" are trades (a Romance adjective of ``desks`` may follow the head).

    >>> _outlet_credit("Example News", _vocab()), _outlet_credit("envoyée spéciale", _vocab())
    (True, False)
    """
    desks = _desk_words()
    for word in role.replace("-", " ").split():
        key = word.casefold().strip(".,;:()")
        if key not in desks and _role_word(key, v):
            return False  # (a role, its inflection, or a job title's head: "Staff Writers")
    return True


@lru_cache(maxsize=1)
def _desk_words() -> frozenset[str]:
    """Role words naming a desk or an outlet, not a person's trade (``desks`` of ``byline_roles``)."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("byline_roles",))["byline_roles"]
    return frozenset(w.casefold() for w in raw["desks"])


def _single_name(head: str, rest: str, v: _Vocab) -> bool:
    """A one-word name after a label, alone or followed by a date ("by Quarles September 15, 2014").

    A pen name or first name only is how blogs sign; the word must be
    capitalised, at least :data:`MIN_SINGLE_NAME` letters, and none of a
    function word, a date word, a role or an agency, and nothing but a date
    may follow it ("By Christmas, prices rose" stays).
    """
    if len(head) < MIN_SINGLE_NAME or not _ONE_NAME.match(head):
        return False
    key = head.casefold()
    if key in v.function_words or key in _date_words() or _is_role(head, v) or _is_agency(head, v):
        return False
    from newsclean.lexicon import rarer_than

    if not rarer_than(key, COMMON_WORD_ZIPF):
        return False  # 'Text Size': a common word after an ambiguous label
    tail = rest.strip()[len(head) :].strip()
    return not tail or bool(v.month_date.match(tail))


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Weekday names and the words of date labels ("Published", "Aktualisiert"), from ``data/dates.json``."""
    from newsclean.datewords import vocabulary

    vocab = vocabulary()
    return vocab.weekdays | vocab.label_words


def _lone_date_word(line: str) -> bool:
    """Whether a line is a date label or a weekday alone ("Published", "Monday", "Aktualisiert:")."""
    words = line.split()
    return len(words) == 1 and words[0].casefold().strip(":,.") in _date_words()


def _cut_glued_label(s: str, v: _Vocab) -> str:
    """``s`` without an interface label glued to its end ("Jane DoeEmail Author" → "Jane Doe")."""
    for glue in _CASE_GLUE.finditer(s):
        if _not_title_cue(s[glue.start() :], v):
            return s[: glue.start()]
    return s


# An e-mail address whose first word is glued to what precedes it ("Jane Doejdoe@site.com").
# (tried only from a word's start, so a long run of letters is read once)
_GLUED_MAIL = regex_compile(r"(?<!\S)(\p{Lu}[\p{L}\d._-]*+)@[\w.-]+\.\p{L}{2,}")


def _cut_glued_mail(s: str) -> str:
    """``s`` up to an e-mail address glued to the last name ("Jane Doejdoe@site.com" → "Jane Doe").

    The address's local part is built from the name (``claraw`` after
    ``Clara Wen``, ``jdoe`` after ``Jane Doe``): the cut is the first point
    in the glued word after which the lower-case rest starts with a name word,
    or with an initial and a name word. With no such point the whole glued
    word goes (no name rather than "Jane Doejdoe").
    """
    m = _GLUED_MAIL.search(s) if "@" in s else None
    if m is None:
        return s  # "Jane Doe jdoe@site.com": an address of its own, cut where the field breaks
    start, word = m.start(), m.group(1)  # the glued word: name part, then the address's local part
    if len(word) > MAX_UNLABELLED_BYLINE:
        return s[:start]  # no name is that long
    names = [w.casefold() for w in _LETTERS.findall(s[:start])]
    for k in range(2, len(word) - 1):
        rest = word[k:]
        keys = [n for n in [*names, word[:k].casefold()] if len(n) > 1]
        initial = rest[:1] in {n[0] for n in keys} and any(rest[1:].startswith(n) for n in keys)
        if rest[:1].islower() and (initial or any(rest.startswith(n) for n in keys)):
            return s[: start + k]
    return s[:start]


#: An hour of a clock time, 0-23 (the signature rules' clock times share it).
_HOUR = r"(?:[01]?\d|2[0-3])"
# A time of day after the names, with the word that leads it ("Posted by Jane Doe at 5:21
# PM", "um 14:30 Uhr", "à 10h00"; the field cut may have taken the minutes after "10h"
# already): the names end before it.
_TIME_AFTER = regex_compile(
    r"(?<!\s)\s++(?:(?i:at|um|à|às|alle|om|kl\.?)\s++)?" + _HOUR + r"(?:[:.][0-5]\d|h(?:[0-5]\d)?)(?!\d).*$"
)


def _before_next_credit(s: str, v: _Vocab) -> str:
    """A byline up to a semicolon that opens another credit ("Jane Doe; Editing by John Roe": "Jane Doe").

    A wire story's end credit lists its contributions apart ("Reporting by
    Jane Doe in Nairobi; Additional reporting by John Roe; Editing by Ann
    Lee"): the first clause names the writers. Any other text after the
    semicolon (a date, a year, more names: "Label Name; 2012", "Jane Doe; John
    Roe", which reads like two title-cased phrases) leaves the line as it was.
    """
    head, _, rest = s.partition(";")
    # a date, a year, a phrase or names after the semicolon: the line is read as before
    return head if _opens_credit(rest.strip(), v) else s


def _opens_credit(part: str, v: _Vocab) -> bool:
    """Whether a byline label followed by a name starts at a word of ``part`` ("Editing by John Roe")."""
    for m in _LETTER_WORD.finditer(part):
        rest = part[m.start() :]
        label = v.byline_label.match(rest)
        if label is not None and _name(_FIELD_GLUE.sub(", ", rest[label.end() :]).split(",")[0].strip(), v):
            return True
    return False


def _names_part(s: str, v: _Vocab) -> str:
    """The part of a byline (after its label) where the names are: up to a field break or a date."""
    s = _FIELD_GLUE.sub(", ", _cut_glued_label(_cut_glued_mail(s), v))
    if ";" in s:
        s = _before_next_credit(s, v)
    cut = _BYLINE_CUT.search(s)
    head: str = s[: cut.start()] if cut else s
    head = _TIME_AFTER.sub("", head)
    date = _first_date(head, v)
    if date is not None:  # 'Posted by Jane Doe on November 19, 2019': the names end at the date
        head = _DATE_LEAD.sub("", head[: date.start()])
    if date is not None or cut is not None:
        # where a date or a field follows, the names end before the date's own label or
        # weekday ('Jane Doe Published Nov 19, 2019', 'Pedro Gil Publicado Jul 23, 2020',
        # 'Max Muster Aktualisiert am 3. Mai 2020')
        words = head.split()
        while len(words) > 1 and words[-1].casefold().strip(".,:;") in _date_words():
            words.pop()
            head = head[: head.rstrip().rfind(words[-1]) + len(words[-1])]
    return head.strip().rstrip(".,;:")


def _agencies(line: str, v: _Vocab) -> list[str]:
    """Return the news agencies named as comma or slash segments of a byline, after its label.

    "By Reuters", "Por" / "Agência Exemplo" (:func:`_names_agency`).
    """
    label = v.byline_label.match(line.strip())
    rest = line.strip()[label.end() :] if label else line
    return [seg.strip().strip(".") for seg in rest.replace("/", ",").split(",") if _is_credit(seg, v)]


MAX_PLACE_WORDS = 3
"""Most words of the place after an agency on a credit line ("PTI, Washington,", "Reuters, New
Delhi"): a longer segment is a caption or a sentence, not a place."""

_CREDIT_SEP = regex_compile(r"\s*+(?:[,/|·•]|\s[-–—]\s)\s*+")


@lru_cache(maxsize=1)
def _agency_heads() -> frozenset[str]:
    """The first two characters of every agency of the vocabulary (case-folded)."""
    return frozenset(a[:2] for a in _vocab().agencies)


def agency_line(line: str, v: _Vocab, *, dated: bool) -> list[str] | None:
    """Return the agency of a line that credits a wire service alone, or None.

    A wire story's header often prints the agency where a byline goes, with
    no person named: "The Associated Press" / "Published ...", "PTI" /
    "Updated: March 16, 2020", "Reuters November 18, 2019 11:03 PM", "PTI,
    Washington," / "Nov 20 2019, 10:18am". The line must be an agency of the
    vocabulary (``agencies`` of ``data/metadata.json``), then at most one place
    (:data:`MAX_PLACE_WORDS` capitalised words) and a date; the date is on
    the line or, with ``dated``, on the line next to it (a photo credit
    "REUTERS" under a picture has no date beside it).

    >>> agency_line("The Associated Press", _vocab(), dated=True)
    ['The Associated Press']
    >>> agency_line("Reuters November 18, 2019 11:03 PM", _vocab(), dated=False)
    ['Reuters']
    >>> agency_line("The Associated Press", _vocab(), dated=False) is None
    True
    """
    credit = agency_credit(line, v)
    if credit is None or not (dated or credit[1]):
        return None
    return [credit[0]]


def agency_credit(line: str, v: _Vocab) -> tuple[str, bool] | None:
    """The agency a line credits alone (as :func:`agency_line` reads it), and whether the line holds its date.

    >>> agency_credit("Reuters November 18, 2019 11:03 PM", _vocab())
    ('Reuters', True)
    >>> agency_credit("PTI, Washington,", _vocab())
    ('PTI', False)
    """
    s = line.strip()
    if not s or len(s) > MAX_UNLABELLED_BYLINE:
        return None
    return _kept_credit(s) if v is _vocab() else _agency_credit(s, v)


#: How many line readings :func:`agency_credit` and :func:`_unlabelled_rule` each keep (of
#: the shared vocabulary; the lines read are short). On one pass over the 181 AEB text
#: captures the metadata stage asks ``agency_credit`` 4,062 times about 2,258 distinct lines:
#: a site's header lines recur on its pages.
LINE_RULES_KEPT = 8192


@lru_cache(maxsize=LINE_RULES_KEPT)
def _kept_credit(s: str) -> tuple[str, bool] | None:
    """:func:`agency_credit` of a stripped line in the shared vocabulary, kept per line text."""
    return _agency_credit(s, _vocab())


def _first_date(s: str, v: _Vocab) -> regex.Match[str] | None:
    """A date printed in ``s``: the first with a month name, else the first numeric one, or None.

    Both patterns need a digit, so a line without one is read once, not twice.
    """
    if not _DIGIT.search(s):
        return None
    return v.month_date.search(s) or _NUMERIC_DATE.search(s)


def _agency_credit(s: str, v: _Vocab) -> tuple[str, bool] | None:
    """:func:`agency_credit` of a stripped line of up to :data:`MAX_UNLABELLED_BYLINE` characters, read afresh."""
    # The line's first segment must be an agency. When the line opens with two ASCII letters
    # (after the marks stripped below), that segment opens with them: no date starts after
    # a letter glued to another, and no separator starts with a letter.
    head = s.lstrip(" -–—|,")[:2]
    if len(head) == 2 and head.isascii() and head.isalpha() and head.lower() not in _agency_heads():
        return None
    if not _LETTER.search(s):
        return None
    date = _first_date(s, v)
    if date is not None:
        s = s[: date.start()]
    segments = [seg for seg in _CREDIT_SEP.split(s.strip(" -–—|,")) if seg]
    if not segments or not _is_agency(segments[0], v) or len(segments) > 2:
        return None
    if len(segments) == 2:
        words = segments[1].split()
        if len(words) > MAX_PLACE_WORDS or not all(w[:1].isupper() and w.isalpha() for w in words):
            return None
    return segments[0].strip().strip("."), date is not None


def _unlabelled_rule(line: str, v: _Vocab, *, under_title: bool, handle_next: str = "") -> str | None:
    """Return why an unlabelled line may be a byline, or None.

    Two shapes qualify: names followed by a role or an agency after a comma
    ("Jane Doe, Staff Writer", "Jane Doe, Reuters"), anywhere in the byline
    zone; and a bare name line right under a found headline, before the story
    starts ("Jane Doe" or "Jane Doe and John Roe"). A bare line that carries a
    section word ("World News") or anything but names before a field separator
    is not a name line. A third shape is a name line with the author's social
    handle glued to it or alone on the next line (``handle_next``): "Jane
    Doe@janedoe", "Jane Doe" / "@janedoe".
    """
    if len(line) > MAX_UNLABELLED_BYLINE:
        return None
    handle = handle_next if handle_next.startswith("@") else ""  # a next line without an '@' plays no part
    if v is _vocab():
        return _kept_rule(line, under_title, handle)
    return _read_unlabelled_rule(line, v, under_title=under_title, handle_next=handle)


@lru_cache(maxsize=LINE_RULES_KEPT)
def _kept_rule(line: str, under_title: bool, handle_next: str) -> str | None:
    """:func:`_unlabelled_rule` in the shared vocabulary, kept per line text, place and next line's handle."""
    return _read_unlabelled_rule(line, _vocab(), under_title=under_title, handle_next=handle_next)


def _read_unlabelled_rule(line: str, v: _Vocab, *, under_title: bool, handle_next: str) -> str | None:
    """:func:`_unlabelled_rule` of a line of up to :data:`MAX_UNLABELLED_BYLINE` characters, read afresh."""
    if _not_title_cue(line, v):
        return None  # 'Text Size', 'Open Menu': interface labels shaped like names
    if v.byline_label.match(line.strip()):
        return None  # a label the labelled reading refused ("By Example.com") is no name
    # both handle patterns need an '@' (the line's own, or the next line opening with one)
    bare = _HANDLE_GLUED.sub("", line) if "@" in line else line
    handle = handle_next.startswith("@") and _HANDLE_LINE.fullmatch(handle_next)
    if (bare != line or handle) and "@" not in bare and _only_names(bare, v):
        return "name_with_handle"
    head, sep, tail = line.rpartition(",")
    if (
        sep
        and head.strip()
        and len(tail.split()) <= MAX_ROLE_WORDS
        and ":" not in tail
        and (_is_role(tail, v) or _is_agency(tail, v))
    ):
        return "name_with_role"
    if under_title and ":" not in line and _split_role_tail(line.strip(), v) is not None:
        # a role glued to the names with no comma ("Jane Doe Staff Writer"), where a bare name
        # is read: elsewhere such a line is a job title ("Programmatic Sales Manager")
        return "name_with_role"
    if not under_title or not _only_names(line, v):
        return None
    # a section word anywhere before the date ("World News | Nov 18"); what follows the
    # date is the row's own fields ("Jane Doe • Nov 18, 2019 • 3 min read")
    date = v.month_date.search(line) if _DIGIT.search(line) else None
    fields = line[: date.start()] if date is not None else line
    if not any(
        w.casefold() in v.section_words or w.casefold() in v.generic_crumbs
        for w in _cut_glued_label(fields, v).split()
    ) and not _common_words_only(line, v):
        return "name_under_title"
    return None


#: Most words of a field of a header row that holds a digit (a date, a time, "4 min read",
#: "Updated 11:17 EDT, 7 May 2020"); a longer one is a sentence.
MAX_ROW_DATA_WORDS = 6
# The fields of a header row: "Politics | Jane Doe | Nov 18, 2019", "NEWS - Jane Doe (Outlet) - ...".
_ROW_FIELD = regex_compile(r"\s*+[|•·]\s*+|\s++[–—-]\s++")
# An outlet in brackets after the names of a row field ("Jane Doe (The Courier)").
_BRACKETED_TAIL = regex_compile(r"\s*+\([^()]{1,60}\)$")
_CLOCK_TIME = regex_compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)")


def row_names(line: str, v: _Vocab) -> list[str] | None:
    """The names of a header row of fields with a date, or None.

    Article headers print the byline among other fields, separated by ``|``,
    ``•``, ``·`` or spaced dashes: a section or place, the names (an outlet
    in brackets after them), the date, a time, a reading time ("Politics |
    Jane Doe | Nov 18, 2019", "NEWS - Jane Doe (The Courier) - November 27,
    2020 - 12:00am", "Nov 18, 2019 • Jane Doe • 4 min read"). A row is read
    when one field holds a date, a clock time or a reading time
    (``reading_time`` of ``data/metadata.json``), exactly one field is names
    only (:func:`_only_names`) with a word rarer than :data:`COMMON_WORD_ZIPF`,
    and every other field is data (a digit, at most :data:`MAX_ROW_DATA_WORDS`
    words) or a short label of at most :data:`MAX_PLACE_WORDS` words.

    >>> row_names("Politics | Jane Wrenfield | Nov 18, 2019", _vocab())
    ['Jane Wrenfield']
    >>> row_names("Politics | Westfield | Nov 18, 2019", _vocab()) is None
    True
    """
    s = line.strip()
    if len(s) > MAX_UNLABELLED_BYLINE or _DIGIT.search(s) is None or v.byline_label.match(s):
        return None  # a labelled row names its author after the label ("by user_123 | Jun 2 | Blogs")
    fields = [f for f in (f.strip() for f in _ROW_FIELD.split(s)) if f]
    if len(fields) < 2:
        return None
    names: list[str] | None = None
    dated = False
    for field in fields:
        if _DIGIT.search(field):
            if len(field.split()) > MAX_ROW_DATA_WORDS:
                return None
            dated = dated or bool(
                v.month_date.search(field)
                or _NUMERIC_DATE.search(field)
                or _CLOCK_TIME.search(field)
                or _reading_words() & {w.casefold() for w in _LETTERS.findall(field)}
            )
            continue
        bare = _BRACKETED_TAIL.sub("", field)
        found = parse_byline(bare, labelled=False) if _only_names(bare, v) and _rare_token(bare) else None
        if found:
            if names is not None:
                return None  # two name fields: a place or a second outlet reads as a name
            names = found
        elif len(field.split()) > MAX_PLACE_WORDS:
            return None
    return names if dated else None


@lru_cache(maxsize=1)
def _reading_words() -> frozenset[str]:
    """The words of a reading-time field ("4 min read"; ``reading_time`` of ``data/metadata.json``)."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("reading_time",))["reading_time"]
    return frozenset(w.casefold() for w in raw["words"])


def with_role(line: str, v: _Vocab) -> bool:
    """Whether an unlabelled byline line ends in a role, not in an agency alone.

    "Jane Doe, Staff Writer" and "Jane Doe Staff Writer" do; "Jane Doe, AP"
    does not (in the story, that is how a photo credit under a picture reads).

    >>> with_role("Jane Doe, Staff Writer", _vocab()), with_role("Jane Doe, AP", _vocab())
    (True, False)
    """
    tail = line.rpartition(",")[2]
    return _is_role(tail, v) or _split_role_tail(line.strip(), v) is not None


def site_byline(line: str, site: str | None, v: _Vocab) -> list[str] | None:
    """Return the names of a line that ends with the page's own site name, or None.

    A byline often prints the outlet after the names ("Jane Doe | The Courier",
    "By Jane Doe, The Courier"). When that outlet is the site name already
    split off the page's title line, the line is a byline without a role or an
    agency; what precedes the site name must be names only (after an optional
    label), so a headline ending in the site name is not read.

    >>> site_byline("Ana Gil | El Diario", "El Diario", _vocab())
    ['Ana Gil']
    >>> site_byline("Lluvias en el norte | El Diario", "El Diario", _vocab()) is None
    True
    """
    if not site:
        return None
    s = line.strip()
    if len(s) > MAX_UNLABELLED_BYLINE + len(site):
        return None
    cut = None
    for m in _OUTLET_SEP.finditer(s):
        cut = m  # the last separator: the site name is what follows it
    if cut is None or _norm(s[cut.end() :]).strip(" .") != _norm(site).strip(" ."):
        return None
    head = s[: cut.start()].strip()
    names = parse_byline(head)
    if names is None and _only_names(head, v) and not _not_title_cue(head, v):
        names = parse_byline(head, labelled=False)
    return names or None


def _only_names(line: str, v: _Vocab) -> bool:
    """True if every comma or connector segment before a field break is a personal name.

    A caption or a teaser under a headline may open with a name ("Presidente do
    Conselho, Tiago Ramalho, dá entrevista ...", "Published Wed, Nov 20"); a name
    line is names only (then roles, agencies or one short capitalised outlet
    name), up to a separator such as ``|`` or an e-mail address.
    """
    head = _names_part(line.strip(), v)
    keys = [w.casefold().strip(".,") for w in head.split()]
    if _date_words() & ({*keys} - v.particles - (_connector_words() - {*keys[:1]})):
        # 'Published Wed, Nov 20 2019': a date line, not a name (a particle such as
        # 'de' is also a date word: 'Tomas De Arcos' is a name; so is a connector
        # between names: Dutch 'en' joins 'Pieter Verhoeckx en Anouk Wilders', while
        # Spanish 'En Minsk' opens with the word, which no name line does)
        return False
    cut = _BYLINE_CUT.search(line)
    tail = line[cut.end() :] if cut and _DASH.search(cut.group()) else ""
    if len(_LETTER_WORD.findall(tail)) > MAX_ROLE_WORDS and not v.month_date.search(tail):
        # 'Cutting Costs With Fewer Servers - Half the Bill in the Storage Tier': a headline
        # and its subtitle ('Jane Doe | Tags: ...' is a byline with more fields)
        return False
    segments = [seg.strip() for seg in name_segments(head, v) if seg.strip()]
    # names in a script without capitals count when the line goes on with a date
    # after a field break ("अनीता वर्मा / पुणे September 29, 2020"): the
    # name-place-date row under a headline; alone, such words could be anything
    dated = cut is not None and bool(v.month_date.search(line, cut.end()))
    k = 0
    while k < len(segments) and (
        _name(segments[k], v) is not None
        or (
            dated
            and len(segments[k].split()) <= MAX_UNCASED_NAME_WORDS
            and _name(segments[k], v, uncased=True)
        )
    ):
        k += 1
    if k == 0:
        return False
    # after the names: roles, agencies, or one short capitalised outlet name
    # ("Jane Doe, Staff Writer", "JANE DOE, FUTURISM")
    rest = segments[k:]
    if all(_is_role(seg, v) or _is_agency(seg, v) for seg in rest):
        return True
    return len(rest) == 1 and len(rest[0].split()) <= 3 and all(w[:1].isupper() for w in rest[0].split())


def _name_beside_date(
    parts: Sequence[str], heads: Sequence[int], taken: set[int], gaps: set[int], v: _Vocab
) -> Line | None:
    """A bare name line under a headline copy and its deck, printed with a date, or None.

    Article headers print the author's name next to the date ("Headline" /
    "Deck sentence." / "Jane Doe" / "Nov 13, 2019 4:26 pm"). The date line
    may be gone already (``gaps``: offsets where the date stage took one
    out). The deck may lack a full stop (:func:`_deck_line`: "Headline" / "Harbour
    trade 'badly hit' across all the docks" / date / "Jane Doe"). Under a deck the line is
    past the start of the prose run, where
    bare names are not read otherwise, so more is asked of it: not every
    word may be a common English word (:func:`_rare_token`: "Weekly News",
    "Stock Quotes" are not names).
    """
    for head in heads:
        pos = sum(map(len, parts[: head + 1])) + head + 1  # each line and its newline
        decks = 0
        for i in range(head + 1, min(len(parts), head + 1 + NAME_DATE_REACH)):
            part = parts[i]
            line = Line(i, pos, pos + len(part), part)
            pos += len(part) + 1
            s = part.strip()
            if not s or i in taken:
                continue
            if decks == 0 and (is_prose(s) or _deck_line(s, v)):
                decks += 1
                continue
            before = parts[i - 1].strip()
            after = parts[i + 1].strip() if i + 1 < len(parts) else ""
            if (
                decks
                and (
                    line.start in gaps
                    or line.end + 1 in gaps
                    or (bool(before) and _date_line(before, v))
                    or (bool(after) and _date_line(after, v))
                    or _dated_row(s, v)
                )
                and _rare_token(s)
                and _unlabelled_rule(s, v, under_title=True) == "name_under_title"
            ):
                return line
            break
    return None


def _dated_row(s: str, v: _Vocab) -> bool:
    """Whether ``s`` prints its own date after names: a name-date row ("Jane Doe | Nov 18, 2019",
    "Jane Doe - 18.11.2019").

    >>> _dated_row("Marisol Quenbury | March 17, 2020", _vocab()), _dated_row("Marisol Quenbury", _vocab())
    (True, False)
    """
    return _row_lead(s, v) is not None


def _row_lead(s: str, v: _Vocab) -> str | None:
    """The text before the date of a name-date row (:func:`_dated_row`), or None."""
    date = _first_date(s, v)
    if date is None or date.start() == 0:
        return None
    lead = s[: date.start()]
    return lead if _name_date_row(lead, v) else None


#: Fewest words of a deck printed without a full stop under a headline copy ("Harbour
#: trade 'badly hit' across all the docks"), the same as a headline-shaped line over a
#: name line (:mod:`newsclean.stages._byline_far`).
MIN_DECK_WORDS = 3


def _deck_line(s: str, v: _Vocab) -> bool:
    """Whether ``s`` may be a deck with no full stop: a few words, not a date line nor names only."""
    return len(s.split()) >= MIN_DECK_WORDS and not _date_line(s, v) and not _only_names(s, v)


def _rare_token(s: str) -> bool:
    """Whether some word of ``s`` is rarer in English than :data:`COMMON_WORD_ZIPF`."""
    from newsclean.lexicon import rarer_than

    return any(rarer_than(w.casefold(), COMMON_WORD_ZIPF) for w in _LETTERS.findall(s))


def _date_line(s: str, v: _Vocab) -> bool:
    """Whether a header line opens with a date, or with a date label or weekday ("Published ...").

    "Jane Doe on November 8, 2012" opens with a name: it is a byline, not a date line.
    """
    if not _DIGIT.search(s) or parse_byline(s) is not None:
        return False  # "Posted by Jane Doe on November 19, 2019" is the byline itself
    if _NUMERIC_DATE.match(s) or s.split(maxsplit=1)[0].casefold().strip(":,.") in _date_words():
        return True
    if _TIME_LINE.match(s):
        return True  # a time alone, or after one word ("12:02 PM", "Dnes 9:44", "Heute, 14.30 Uhr")
    date = v.month_date.search(s, 0, MAX_DATE_LEAD + 30)
    if date is None or date.start() > MAX_DATE_LEAD:
        return False
    return not _name_date_row(s[: date.start()], v)


# What may stand between the names and the date of a name-date row: a separator or
# bullet ("Jane Doe | Nov 18, 2019", "Jane Doe • Nov 18") or the word leading a date.
_ROW_GAP = regex_compile(r"(?:\s*+[|•·/,–—-])?\s*+(?:(?i:on|am|le|el|il|op|den|du|del|de|em)\s*+)?$")


def _name_date_row(lead: str, v: _Vocab) -> bool:
    """Whether the text before a line's date is a byline's names ("Jane Doe | Nov 18, 2019").

    A byline row under a headline often prints the date after the names; a
    short name fits in the :data:`MAX_DATE_LEAD` characters a weekday may
    take before a date, so such a row read as a date line before. The names
    must be names only (:func:`_only_names`) and, as a bare name line beside a
    date, not all common English words (:func:`_rare_token`: "City Hall |
    Nov 18" is a section and its date).
    """
    head = _ROW_GAP.sub("", lead)
    if not head or (head == lead.strip() and not lead[-1:].isspace()):
        return False  # a date glued to the word before it ("DoeNov 18"): no row
    return _only_names(head, v) and _rare_token(head) and bool(parse_byline(head, labelled=False))


def _common_words_only(line: str, v: _Vocab) -> bool:
    """Whether a name of the line is a phrase: :data:`MIN_PHRASE_WORDS` words or more, all common.

    A word is common when it is not rarer in English than :data:`COMMON_WORD_ZIPF`;
    a name with an initial ("Hugo T. Marr") or a particle ("Jan van der Berg")
    is left to the other tests.
    """
    for segment in name_segments(_names_part(line.strip(), v), v):
        words = segment.split()
        if len(words) < MIN_PHRASE_WORDS or any(
            (len(w) == 2 and w.endswith(".")) or w.casefold() in v.particles for w in words
        ):
            continue
        if not _rare_token(segment):
            return True
    return False
