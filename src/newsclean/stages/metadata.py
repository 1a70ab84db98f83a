"""Title, site name, section, byline and dateline from the header of a capture.

The stage looks at two places only:

* the **header zone**: the lines before the densest run of prose (found in one
  pass with a maximum-sum run over per-line scores: prose lines count their
  length, other lines a penalty; the run-scoring idea follows jusText's
  context-sensitive paragraph classes and the text-density measure of
  Kohlschütter et al., 2010, "Boilerplate detection using shallow text
  features");
* the **first paragraphs** of that run (a caption or teaser may come first),
  for a wire dateline.

In the header zone, the first title-like line (not sentence-shaped, no date,
of reasonable length) is the title. A breadcrumb prefix (``Home > World``,
``You are here: ...``), a section prefix (``Opinion | ...``) and a site-name
suffix or prefix (``... - Site``, ``... | Site``, ``Site | ...``) are split
off. When the next header line is the clean title alone, the first line's
surroundings are read against it. Title lines, repeats of the title, pure
breadcrumb lines and byline lines leave the body as ``extract`` edits; the
dateline text stays in its paragraph.

Vocabularies are in ``data/metadata.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import regex

from newsclean.document import Change, Document
from newsclean.protocol import stage
from newsclean.stages._dateline import parse_dateline
from newsclean.stages._lines import Line, delete_line

__all__ = [
    "TitleSplit",
    "extract_metadata",
    "parse_byline",
    "parse_dateline",
    "prose_start",
    "split_title",
]

STAGE = "extract_metadata"

#: Lines scanned for the prose run; a header zone is never longer than this.
MAX_LINES = 5000
#: Header-zone size used when the text has no prose at all.
NO_PROSE_ZONE = 30
#: Non-empty header lines in which the title is looked for.
TITLE_SCAN = 25
#: Non-empty lines before the prose run in which a byline is looked for.
BYLINE_SCAN = 15
#: Longest line (characters) read as a byline without a label; longer lines are
#: headlines or teasers (two names with roles fit in 80 on the AEB captures).
MAX_UNLABELLED_BYLINE = 80
#: Non-empty lines from the start of the prose run in which a labelled byline is
#: still looked for: a teaser or caption sentence may start the run above the
#: byline ("Headline" / "Teaser sentence." / "By Jane Doe" / story).
BYLINE_IN_PROSE = 6
#: Characters (a weekday name) allowed before the date that opens a
#: "date, then byline" line.
MAX_DATE_LEAD = 12
#: Lines from the start of the prose run in which a dateline paragraph is looked for.
DATELINE_SCAN = 12

# -- patterns that do not depend on the vocabularies ---------------------------
_CLOSERS = "\"'”’»)]）」』›"
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
_LETTER = regex.compile(r"\p{L}")
_SENTENCE_BREAK = regex.compile(r"\p{Ll}{3}\.[\"'”’]?\s+[\"'“‘]?\p{Lu}")
_NUMERIC_DATE = regex.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
)
_DIGIT = regex.compile(r"\d")  # every date pattern holds one: tested first, it is one cheap scan
_URLISH = regex.compile(r"https?://|www\.\S+/|©|\(c\)\s*\d{4}", regex.IGNORECASE)
# A title separator: '|' anywhere; '-' with a space before it; en/em dashes,
# middle dots and bullets with a space on at least one side; ' : ' and '::'.
_SITE_SEP = regex.compile(
    r"\s*\|\s*|\s+-{1,2}\s*|\s+[–—·•~]\s*|\s*[–—·•]\s+|\s*::\s*|\s+:\s+|\s+«\s+|\s+»\s+"
)
_PREFIX_SEPS = frozenset("|:•")
_BC_SEP = regex.compile(r"\s*(?:>>|[>»›→＞]|(?<=\s)/(?=\s))\s*")
_GLUE = regex.compile(
    r"^((?:\p{Lu}[\p{L}\p{M}&'’.-]{0,20}\s){0,2}\p{L}[\p{L}\p{M}&'’.-]{0,24}?\p{Ll})(?=\p{Lu}[\p{Ll}\p{Lu}])"
)
_DOMAIN = regex.compile(r"^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$")
_BYLINE_CUT = regex.compile(
    r"\s+[|•·–—/-]\s*|\s*[|•·]\s*|\s*\(|\s+(?:on|am|le|el|il|op)\s+\d|\s+\p{Ll}[^\s@]*@|@"
    r"|(?<=\p{L})(?=\d)|\s+(?i:for|für|pour|para|per|voor)\s+(?=\p{Lu})"
)
# A lower-case letter glued to a capital inside a word: two fields of a byline
# printed without a space ("Meg JamesStaff Writer", "Jo GarberFOXBusiness"); not
# "McDonald", "MacKenzie", "FitzGerald" (the capital follows at least four
# lower-case letters).
_FIELD_GLUE = regex.compile(r"(?<=\p{Lu}\p{Ll}{4,})(?=\p{Lu})")
# The word that leads a date after the names of a byline ("... on November 19").
_DATE_LEAD = regex.compile(r"\s+(?i:on|am|le|el|il|op|den|du|del|de|em)\s*$")
_NAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$")
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "&", "+"})
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


# -- vocabularies ---------------------------------------------------------------
def _alternation(words: Iterable[str]) -> str:
    """Build a regex alternation, longest first; refuse an empty group."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    if not items:
        raise ValueError("refusing to build a pattern from an empty vocabulary group")
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in items)


def _words(group: Any) -> list[str]:
    """All entries of a group: its ``words``/``names`` list or its per-language lists."""
    if isinstance(group, list):
        return [str(w) for w in group]
    out: list[str] = []
    for key, value in group.items():
        if key != "source" and isinstance(value, list):
            out.extend(str(w) for w in value)
    return out


@dataclass(frozen=True)
class _Vocab:
    byline_label: regex.Pattern[str]
    byline_label_only: regex.Pattern[str]
    roles: frozenset[str]
    connectors: regex.Pattern[str]
    particles: frozenset[str]
    articles: frozenset[str]
    breadcrumb_home: regex.Pattern[str]
    location_label: regex.Pattern[str]
    generic_crumbs: frozenset[str]
    section_words: frozenset[str]
    agencies: frozenset[str]
    function_words: frozenset[str]
    headline_labels: frozenset[str]
    not_title_multi: regex.Pattern[str]
    not_title_single: regex.Pattern[str]
    month_date: regex.Pattern[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = json.loads(resources.files("newsclean").joinpath("data/metadata.json").read_text("utf-8"))
    labels = _words(raw["byline_labels"])
    cues = _words(raw["not_title_cues"])
    months = _alternation(_words(raw["month_names"]))
    low = frozenset
    return _Vocab(
        byline_label=regex.compile(rf"^(?:{_alternation(labels)})\s*[:：]?\s+(?=\S)", regex.IGNORECASE),
        byline_label_only=regex.compile(rf"^(?:{_alternation(labels)})\s*[:：]?$", regex.IGNORECASE),
        roles=low(w.casefold() for w in _words(raw["byline_roles"])),
        connectors=regex.compile(
            rf"\s*,\s*(?:(?:{_alternation(_words(raw['name_connectors']))})\s+)?|\s+(?:{_alternation(_words(raw['name_connectors']))})\s+",
            regex.IGNORECASE,
        ),
        particles=low(w.casefold() for w in _words(raw["name_particles"])),
        articles=low(w.casefold() for w in _words(raw["name_articles"])),
        breadcrumb_home=regex.compile(
            rf"^(?:{_alternation(_words(raw['breadcrumb_home']))})$", regex.IGNORECASE
        ),
        location_label=regex.compile(
            rf"^\s*(?:{_alternation(_words(raw['location_labels']))})\s*[:：]\s*", regex.IGNORECASE
        ),
        generic_crumbs=low(w.casefold() for w in _words(raw["generic_crumbs"])),
        section_words=low(w.casefold() for w in _words(raw["section_words"])),
        agencies=low(w.casefold() for w in _words(raw["agencies"])),
        function_words=low(w.casefold() for w in raw["not_site_words"]["function"]),
        headline_labels=low(w.casefold() for w in raw["not_site_words"]["labels"]),
        not_title_multi=regex.compile(
            rf"^(?:{_alternation(c for c in cues if ' ' in c)})(?:\W|$)", regex.IGNORECASE
        ),
        not_title_single=regex.compile(
            rf"^(?:{_alternation(c for c in cues if ' ' not in c)})\s*(?:[:：|»›>–—-]|$)", regex.IGNORECASE
        ),
        month_date=regex.compile(
            rf"\b(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
            rf"|\b\d{{1,2}}(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?(?:{months})\.?,?\s+(?:de\s+)?\d{{4}}\b",
            regex.IGNORECASE,
        ),
    )


# -- line shapes ----------------------------------------------------------------
def _fold(text: str) -> str:
    """Quotes unified and lower-cased, keeping offsets when lower() keeps lengths.

    The result always has the length of ``text``: every quote maps to one
    character, and ``lower()`` is kept only when it keeps the length.
    """
    if text.isascii():
        return text.lower()  # no quote to unify, and lower() keeps ASCII lengths
    t = text.translate(_QUOTES)
    lowered = t.lower()
    return lowered if len(lowered) == len(t) else t


def _norm(text: str) -> str:
    if text.isascii():
        return " ".join(text.lower().split())  # casefold() is lower() on ASCII
    return " ".join(text.translate(_QUOTES).casefold().split())


def is_prose(text: str) -> bool:
    """Tell whether a stripped line reads as a paragraph of running text.

    >>> is_prose("Officials said the plan would be approved by the council next week, after a vote.")
    True
    >>> is_prose("Council approves the plan after a vote")
    False
    """
    n = len(text)
    if n < 40:
        return False
    t = text.rstrip(_CLOSERS)
    if not t:
        return False
    last = t[-1]
    spaces = text.count(" ")
    if last in ".…。":
        if n >= 120 or spaces >= 9 or spaces == 0:
            return True  # long, many words, or a script written without spaces
        return spaces < 4 and bool(_CJK.search(text[:80]))
    if last in "!?！？":
        return n >= 160
    return False


def prose_start(lines: Sequence[str]) -> int | None:
    """Return the index of the first line of the densest prose run, or None.

    One pass of a maximum-sum run: a prose line scores its length, any other
    non-empty line a penalty of ``25 + length / 2``; blank lines score 0.

    >>> prose_start(["Council votes", "Menu", "The council approved the plan on Monday after a long debate, officials said."])
    2
    """
    best = 0
    best_start: int | None = None
    cur = 0
    cur_start = 0
    lines = lines[:MAX_LINES]
    # No line scores more than its length, so ``left`` (the length of the lines
    # not read yet) bounds what any run can still gain. Once a new run cannot
    # pass ``best`` and the current one either is the best run or cannot pass
    # it either, the start is settled and the tail is not read.
    left = sum(map(len, lines))
    for i, s in enumerate(lines):
        if left <= best and (cur <= 0 or cur_start == best_start or cur + left <= best):
            break
        n = len(s)
        if not n:
            continue
        left -= n
        s = s.strip()  # the same object back when there is nothing to strip
        n = len(s)
        if not n:
            continue
        # is_prose(s), inlined: this loop reads every line of the document
        prose = False
        if n >= 40:
            t = s.rstrip(_CLOSERS)
            if t:
                last = t[-1]
                if last in ".…。":
                    if n >= 120:
                        prose = True
                    else:
                        spaces = s.count(" ")
                        prose = spaces >= 9 or spaces == 0 or (spaces < 4 and bool(_CJK.search(s[:80])))
                elif last in "!?！？":
                    prose = n >= 160
        score = n if prose else -(25 + n // 2)
        if cur <= 0:
            if score <= 0:
                continue
            cur, cur_start = 0, i
        cur += score
        if cur > best:
            best, best_start = cur, cur_start
    return best_start


def _with_offsets(parts: Sequence[str], count: int) -> list[Line]:
    """:class:`Line` records (with offsets) for the non-blank lines among the first ``count`` of ``parts``."""
    out: list[Line] = []
    pos = 0
    for i, part in enumerate(parts[:count]):
        n = len(part)
        if n and part.strip():
            out.append(Line(i, pos, pos + n, part))
        pos += n + 1
    return out


def _has_date(text: str, v: _Vocab) -> bool:
    if not _DIGIT.search(text):
        return False
    return bool(_NUMERIC_DATE.search(text) or v.month_date.search(text))


def _not_title_cue(text: str, v: _Vocab) -> bool:
    return bool(v.not_title_multi.match(text) or v.not_title_single.match(text))


def _title_like(text: str, v: _Vocab) -> bool:
    """A headline-shaped line: short, not a sentence, no date, not interface text."""
    s = text.strip()
    n = len(s)
    if n < 8 or n > 400:
        return False
    words = s.split()
    if len(words) < 2 and not (_CJK.search(s) and n >= 6):
        return False
    if len(_LETTER.findall(s)) < n * 0.5:
        return False
    t = s.rstrip(_CLOSERS)
    if not t or t[-1] in ":：;,":
        return False
    if t[-1] in ".。" and not t.endswith("...") and len(words) >= 6:
        return False
    if is_prose(s) or (t[-1] in ".!?" and _SENTENCE_BREAK.search(s)):
        return False
    if _has_date(s, v) or _URLISH.search(s) or _not_title_cue(s, v):
        return False
    return parse_byline(s) is None and not v.byline_label_only.match(s)


def _title_text(text: str) -> bool:
    """What is left after splitting is still a headline: two words or more, mostly letters."""
    s = text.strip()
    if len(s) > 300 or len(_LETTER.findall(s)) < 4:
        return False
    return len(s.split()) >= 2 or bool(_CJK.search(s))


# -- site names, sections, breadcrumbs -------------------------------------------
def _site_like(segment: str, v: _Vocab, *, piped: bool = False) -> bool:
    """A short, capitalised noun phrase (or a domain) that can be a site name.

    After a pipe (``Title | brand``) one or two lower-case words also qualify.
    """
    s = segment.strip()
    if not s or len(s) > 50:
        return False
    if _DOMAIN.match(s):
        return True
    words = s.split()
    if len(words) > 6 or s[-1] in ".?!,;:":
        return False
    first = words[0]
    if first.casefold() in v.headline_labels:
        return False
    capitalised = 0
    lower_inside = False
    for i, w in enumerate(words):
        key = w.casefold().strip("\"'()")
        if key in v.function_words:
            return False
        if w[0].isupper() or w[0].isdigit() or _CJK.match(w):
            capitalised += 1
        elif i > 0 and key not in v.particles and key not in _NAME_JOINERS:
            lower_inside = True
    if not capitalised and not (piped and len(words) <= 2):
        return False  # 'what happens next': a headline's tail, not a name
    if _upper_start(first):
        # 'Asian market latest' is a headline tail; 'Los Angeles Times' a name
        return not lower_inside and bool(_LETTER.search(s))
    # a lower-case brand ('pv magazine International', 'my6sense')
    return len(words) <= 4 and bool(_LETTER.search(s))


def _upper_start(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or bool(_CJK.match(word))


def _tail_like(segment: str, v: _Vocab) -> bool:
    """A short segment after a site name ('Memorabilia anni 80/90'): no sentence, no verbs."""
    s = segment.strip()
    words = s.split()
    if not s or len(s) > 60 or len(words) > 6 or s[-1] in ".?!,;:":
        return False
    return not any(w.casefold().strip("\"'()") in v.function_words for w in words)


def _is_section(segment: str, v: _Vocab) -> bool:
    return segment.strip().casefold() in v.section_words


def _is_generic(segment: str, v: _Vocab) -> bool:
    return segment.strip().casefold() in v.generic_crumbs


def _crumb_is_section(item: str, v: _Vocab) -> bool:
    s = item.strip()
    if not s or len(s) > 30 or len(s.split()) > 3 or s.casefold() in v.generic_crumbs:
        return False
    return s[0].isupper() or bool(_CJK.match(s))


class _Crumbs(NamedTuple):
    end: int  # end of the breadcrumb in the line
    items: tuple[str, ...]
    pure: bool  # the whole line is the breadcrumb


#: Zipf frequency from which a token is a known word (once per ten million words).
_KNOWN_ZIPF = 1.0


def _known_token(token: str, language: str | None) -> bool:
    """True if ``token`` is a known word (so a case change inside it is no glue)."""
    from newsclean.lexicon import zipf

    found = zipf(token, language or "en")
    if found is None:
        found = zipf(token, "en")
    return found is not None and found >= _KNOWN_ZIPF


def _breadcrumb(text: str, v: _Vocab, language: str | None, *, tail_known: bool = False) -> _Crumbs | None:
    """Parse a breadcrumb at the start of ``text`` (labelled or starting with a home item).

    With ``tail_known`` the text is known to end where the title starts, so
    its last item needs no separator after it.
    """
    pos = 0
    m = v.location_label.match(text)
    labelled = m is not None
    if m:
        pos = m.end()
    items: list[str] = []
    while len(items) < 10:
        sm = _BC_SEP.search(text, pos, min(len(text), pos + 60))
        if not sm:
            break
        item = text[pos : sm.start()].strip()
        if not item or len(item) > 40 or len(item.split()) > 5:
            break
        items.append(item)
        pos = sm.end()
    if not labelled and (not items or not v.breadcrumb_home.match(items[0])):
        if tail_known and v.breadcrumb_home.match(text.strip()):
            return _Crumbs(len(text), (text.strip(),), True)
        return None
    rest = text[pos:]
    stripped = rest.strip()
    if not stripped:
        return _Crumbs(len(text), tuple(items), True) if items else None
    if tail_known:
        return _Crumbs(len(text), (*items, stripped), True) if len(stripped) <= 40 else None
    g = _GLUE.match(rest)
    if g and len(g.group(1)) >= 3 and len(rest[g.end() :].split()) >= 2:
        # 'ContactPutin meets ...': the last item glued to the title's first word,
        # unless the glued token is a known word ('YouTube', 'iPhone')
        token_end = g.end()
        while token_end < len(rest) and not rest[token_end].isspace():
            token_end += 1
        token = rest[g.start() : token_end].split()[-1]
        if not _known_token(token.lower(), language):
            return _Crumbs(pos + g.end(), (*items, g.group(1).strip()), False)
    short = (
        len(stripped) <= 6 if _CJK.search(stripped) else len(stripped) <= 30 and len(stripped.split()) <= 3
    )
    if items and short and not _SITE_SEP.search(stripped):
        return _Crumbs(len(text), (*items, stripped), True)
    if not items:
        return None
    return _Crumbs(pos, tuple(items), False)


class TitleSplit(NamedTuple):
    """A title line taken apart.

    Attributes:
        title: The clean headline.
        site_name: The site name split off, or None.
        section: A section from a prefix or the breadcrumb's last item, or None.
        pieces: ``(start, end, reason)`` spans covering the line in order,
            with reasons ``breadcrumb``, ``section``, ``site_name``, ``title``.
    """

    title: str
    site_name: str | None
    section: str | None
    pieces: tuple[tuple[int, int, str], ...]


def _strip_sep(text: str) -> str:
    return text.strip().strip("|-–—·•~:»«").strip()


def _split_suffix(text: str, v: _Vocab) -> tuple[int, str, str | None] | None:
    """Find a site-name suffix: (where the separator starts, site name, section).

    The suffix is zero or more section names, the site name, then short
    segments (``... | Editorial | Opinion | The Guardian``,
    ``... - Site - Tagline``).
    """
    seps = list(_SITE_SEP.finditer(text))[:12]
    if not seps:
        return None
    bounds = [m.span() for m in seps]
    for k, (s0, _e0) in enumerate(bounds):
        head = text[:s0].strip()
        if len(head.split()) < 2 and not (_CJK.search(head) and len(head) >= 4):
            continue
        segments = []
        for j in range(k, len(bounds)):
            nxt = bounds[j + 1][0] if j + 1 < len(bounds) else len(text)
            segments.append(text[bounds[j][1] : nxt].strip())
        i = 0
        section = None
        while i < len(segments) - 1 and (_is_section(segments[i], v) or _is_generic(segments[i], v)):
            if not _is_generic(segments[i], v):
                section = segments[i]
            i += 1
        piped = "|" in text[bounds[k + i][0] : bounds[k + i][1]]
        if _site_like(segments[i], v, piped=piped) and all(_tail_like(seg, v) for seg in segments[i + 1 :]):
            return s0, segments[i], section
    return None


def _split_prefix(text: str, v: _Vocab) -> tuple[int, str, str] | None:
    """Find a ``Section | Title`` or ``Site | Title`` prefix: (title start, value, reason)."""
    m = _SITE_SEP.search(text, 0, min(len(text), 60))
    if not m or m.start() == 0 or not (set(m.group().strip()) & _PREFIX_SEPS):
        return None
    head = text[: m.start()].strip()
    tail = text[m.end() :].strip()
    if len(tail.split()) < 2 or (
        not tail[:1].isupper() and not tail[:1].isdigit() and tail[:1] not in "\"'“‘"
    ):
        return None
    if _is_section(head, v):
        return m.end(), head, "section"
    if m.group().strip() != ":" and _site_like(head, v) and len(tail.split()) >= 3:
        return m.end(), head, "site_name"
    return None


def split_title(line: str, *, repeat: str | None = None, language: str | None = None) -> TitleSplit:
    """Split a title line into breadcrumb, section, title and site name.

    Args:
        line: The title line as captured.
        repeat: The clean title when it is known to be inside ``line`` (the
            next header line repeating it); ``line`` is then read around it.
        language: Language code, used to tell a glued breadcrumb item from a
            brand name such as "YouTube".

    Returns:
        A :class:`TitleSplit`.

    >>> split_title("Home > World > Europe > Floods hit the north - The Daily Post").site_name
    'The Daily Post'
    >>> split_title("Brexit - what happens next").title
    'Brexit - what happens next'
    """
    v = _vocab()
    n = len(line)
    start, end = 0, n
    site: str | None = None
    section: str | None = None
    pieces: list[tuple[int, int, str]] = []
    if repeat is not None:
        k = _fold(line).find(_fold(repeat.strip()))
        if k >= 0:
            start, end = k, k + len(repeat.strip())
    crumb_end = 0
    if repeat is None or start > 0:
        crumbs = _breadcrumb(
            line[:start] if repeat is not None else line, v, language, tail_known=repeat is not None
        )
        if crumbs and crumbs.items:
            crumb_end = crumbs.end
            last = crumbs.items[-1]
            if _crumb_is_section(last, v):
                section = last
            pieces.append((0, crumb_end, "breadcrumb"))
            start = max(start, crumb_end) if repeat is not None else crumb_end
    if repeat is None:
        # the title runs from the end of the breadcrumb; read a suffix, then a prefix
        body = line[start:end]
        suffix = _split_suffix(body, v)
        if suffix:
            end = start + suffix[0]
            site = suffix[1]
            section = section or suffix[2]
        body = line[start:end]
        prefix = _split_prefix(body, v)
        if prefix:
            cut, value, reason = prefix
            if reason == "site_name" and site is None:
                site = value
                pieces.append((start, start + cut, "site_name"))
                start += cut
            elif reason == "section":
                section = section or value
                pieces.append((start, start + cut, "section"))
                start += cut
    else:
        head = line[crumb_end:start]
        if _strip_sep(head):
            value = _strip_sep(head)
            reason = "section" if _is_section(value, v) else "site_name"
            if reason == "section":
                section = section or value
            else:
                site = value
            pieces.append((crumb_end, start, reason))
        elif head:
            pieces.append((crumb_end, start, "title"))
        rest = line[end:]
        segments = [seg.strip() for seg in _SITE_SEP.split(rest)]
        if segments and not _SITE_SEP.match(rest):
            segments = segments[1:]  # ', November 19 - Site': the first piece is no site
        segments = [seg for seg in segments if seg]
        i = 0
        last_section = None
        while i < len(segments) - 1 and (_is_section(segments[i], v) or _is_generic(segments[i], v)):
            if not _is_generic(segments[i], v):
                last_section = segments[i]
            i += 1
        section = section or last_section
        if segments and len(segments[i]) <= 80 and len(segments[i].split()) <= 8:
            site = segments[i]
    title = line[start:end].strip()
    if end < n:
        pieces.append((start, end, "title"))
        pieces.append((end, n, "site_name" if site and line[end:].strip() else "title"))
    else:
        pieces.append((start, n, "title"))
    merged: list[tuple[int, int, str]] = []
    for s, e, r in sorted(p for p in pieces if p[1] > p[0]):
        if merged and merged[-1][2] == r and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e, r)
        else:
            merged.append((s, e, r))
    return TitleSplit(title, site, section, tuple(merged))


# -- bylines --------------------------------------------------------------------
def _name(segment: str, v: _Vocab) -> str | None:
    """Return ``segment`` as a personal name (title-cased if all capitals) or None."""
    s = segment.strip().strip(".,;")
    if not s or len(s) > 50:
        return None
    tokens = s.split()
    if not 2 <= len(tokens) <= 5 or tokens[0].casefold() in v.articles:
        return None
    for i, tok in enumerate(tokens):
        key = tok.casefold()
        if i > 0 and key in v.particles and i < len(tokens) - 1:
            continue
        if not _NAME_TOKEN.match(tok) or key in v.function_words:
            return None
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # 'Sean Martin Sean Martin': a name printed twice
        s = " ".join(tokens)
    if s.upper() == s and _LETTER.search(s):
        s = " ".join(t if t.casefold() in v.particles else t.capitalize() for t in tokens)
        s = regex.sub(r"(?<=[-'’])\p{Ll}", lambda m: m.group().upper(), s)
    return s


def _is_role(segment: str, v: _Vocab) -> bool:
    return any(w.casefold().strip(".,") in v.roles for w in segment.split())


def _is_agency(segment: str, v: _Vocab) -> bool:
    return segment.strip().strip(".").casefold() in v.agencies


def _after_date_label(s: str, v: _Vocab) -> int | None:
    """The byline label after a date that opens the line ("Monday November 18, 2019 7:45 am by Jo Roe")."""
    if not _DIGIT.search(s, 0, MAX_DATE_LEAD + 30):
        return None
    date = v.month_date.search(s, 0, MAX_DATE_LEAD + 30)
    if date is None or date.start() > MAX_DATE_LEAD:
        return None
    after: int = date.end()
    for gap in regex.finditer(r"\s+", s[after:]):
        start: int = after + gap.end()
        m = v.byline_label.match(s[start:])
        if m:
            length: int = m.end()
            return start + length
    return None


def parse_byline(line: str, *, labelled: bool = True) -> list[str] | None:
    """Read a byline line; return the author names (possibly empty) or None.

    Args:
        line: One line of text.
        labelled: Require a byline label ("By", "Von", "Par", ...); False reads
            the line as the names that follow a label on the line before.

    Returns:
        The names in order (an agency-only byline gives ``[]``), or None when
        the line is not a byline.

    >>> parse_byline("By Jane Doe and John Roe, Reuters")
    ['Jane Doe', 'John Roe']
    >>> parse_byline("By the end of the year, prices had doubled.") is None
    True
    """
    v = _vocab()
    s = line.strip()
    if not s or len(s) > 160:
        return None
    if labelled:
        m = v.byline_label.match(s)
        end = m.end() if m else _after_date_label(s, v)
        if end is None:
            return None
        s = s[end:]
    s = _FIELD_GLUE.sub(", ", s)
    cut = _BYLINE_CUT.search(s)
    head = s[: cut.start()] if cut else s
    date = v.month_date.search(head) if _DIGIT.search(head) else None
    if date is not None:  # 'Posted by Jane Doe on November 19, 2019': the names end at the date
        head = _DATE_LEAD.sub("", head[: date.start()])
    head = head.strip().rstrip(".,;:")
    if not head:
        return None
    names: list[str] = []
    for segment in v.connectors.split(head):
        seg = segment.strip()
        if not seg:
            continue
        if _is_agency(seg, v) or _is_role(seg, v):
            if names or _is_agency(seg, v) or seg == head:
                break
            return None
        name = _name(seg, v)
        if name is None:
            if names:
                break
            return None
        if name not in names:
            names.append(name)
    if not names:
        role_only = labelled and _is_role(head, v) and all(w[:1].isupper() for w in head.split())
        if not (_is_agency(head.split(",")[0], v) or role_only):
            return None
    return names


def _agencies(line: str, v: _Vocab) -> list[str]:
    """Return the news agencies named as comma or slash segments of a byline."""
    return [seg.strip().strip(".") for seg in regex.split(r"[,/]", line) if _is_agency(seg, v)]


def _unlabelled_rule(line: str, v: _Vocab, *, under_title: bool) -> str | None:
    """Return why an unlabelled line may be a byline, or None.

    Two shapes qualify: names followed by a role or an agency after a comma
    ("Jane Doe, Staff Writer", "Jane Doe, Reuters"), anywhere in the byline
    zone; and a bare name line right under a found headline, before the story
    starts ("Jane Doe" or "Jane Doe and John Roe"). A bare line that carries a
    section word ("World News") is not a name line.
    """
    if len(line) > MAX_UNLABELLED_BYLINE:
        return None
    head, sep, tail = line.rpartition(",")
    if sep and head.strip() and (_is_role(tail, v) or _is_agency(tail, v)):
        return "name_with_role"
    if under_title and not any(
        w.casefold() in v.section_words or w.casefold() in v.generic_crumbs for w in line.split()
    ):
        return "name_under_title"
    return None


# -- the stage ------------------------------------------------------------------
def _piece_changes(text: str, line: Line, split: TitleSplit) -> list[Change]:
    out: list[Change] = []
    last = len(split.pieces) - 1
    for i, (s, e, reason) in enumerate(split.pieces):
        end = line.start + e
        if i == last and end < len(text):
            end += 1  # the newline goes with the last piece
        # every piece of a title line leaves the body for the metadata, so all are extracts
        out.append(Change(line.start + s, end, "", reason, "extract"))
    return out


def _clean_repeat(line: str, later: Sequence[Line], v: _Vocab) -> str | None:
    """Find a later header line that is the clean title inside ``line``.

    The next line is the usual place (a ``<title>`` followed by its ``<h1>``),
    but navigation may sit between them, so the whole header zone is read.
    """
    s = line.strip()
    folded = _fold(line)
    least = max(10, 0.4 * len(s))
    most = len(folded)  # _fold keeps lengths: a longer line cannot be inside
    for ln in later:
        ns = ln.text.strip()
        if least <= len(ns) <= most and ns != s and _fold(ns) in folded and _title_like(ns, v):
            return ns
    return None


def _repeats(line: str, title: str, normed_title: str, folded_title: str | None = None) -> bool:
    """True if ``line`` is the title again, alone or with a short wrapper."""
    s = line.strip()
    if len(s) < len(title) * 0.8 or len(s) > len(title) * 1.2 + 60:
        return False
    if _norm(s) == normed_title:
        return True
    if len(s) - len(title) > 60 or len(title) < 10:
        return False
    return (_fold(title) if folded_title is None else folded_title) in _fold(s)


@stage(
    "extract_metadata",
    requires=("language",),
    provides=("title", "site_name", "section", "authors", "dateline"),
)
def extract_metadata(doc: Document) -> Document:
    """Take title, site name, section, byline and dateline out of the header.

    Fields already set by an earlier stage (the HTML stage reads page
    metadata) are kept; their lines are still taken out of the text.

    >>> doc = Document.from_text(
    ...     "Home > Politics > Vote delayed again | The Courier\\n"
    ...     "By Ann Lee\\n"
    ...     "PARIS (AFP) - The vote was delayed again on Monday, officials said, after a long night.\\n"
    ... )
    >>> out = extract_metadata(doc)
    >>> out.get("title"), out.get("site_name"), out.get("section"), out.get("authors")
    ('Vote delayed again', 'The Courier', 'Politics', ['Ann Lee'])
    >>> out.get("dateline")
    Dateline(place='PARIS', agency='AFP')
    >>> out.text.startswith("PARIS (AFP) - The vote")
    True
    """
    text = doc.text
    if not text.strip():
        return doc
    v = _vocab()
    language = doc.language
    parts = text.split("\n", MAX_LINES)[:MAX_LINES]
    first_prose = prose_start(parts)
    zone_end = first_prose if first_prose is not None else min(len(parts), NO_PROSE_ZONE)
    zone = _with_offsets(parts, zone_end)

    changes: list[Change] = []
    fields: dict[str, Any] = {}
    taken: set[int] = set()
    given = doc.get("title")
    title: str | None = given
    last_title = -1
    title_lines: list[int] = []

    if title is None:
        for pos, ln in enumerate(zone[:TITLE_SCAN]):
            s = ln.text.strip()
            if is_prose(s):
                break  # a title never follows running text
            crumbs = _breadcrumb(s, v, language)
            if crumbs and crumbs.pure:
                changes.append(delete_line(text, ln, "breadcrumb", "remove"))
                taken.add(ln.index)
                last = crumbs.items[-1] if crumbs.items else ""
                if _crumb_is_section(last, v) and not doc.get("section"):
                    fields.setdefault("section", last)
                continue
            if not _title_like(s, v):
                continue
            repeat = _clean_repeat(ln.text, zone[pos + 1 :], v)
            split = split_title(ln.text, repeat=repeat, language=language)
            if not _title_text(split.title):
                split = TitleSplit(s, None, None, ((0, len(ln.text), "title"),))
            if first_prose is None and len(split.pieces) == 1 and repeat is None:
                break  # no running text to head: a bare short line is a note, not a title
            changes.extend(_piece_changes(text, ln, split))
            taken.add(ln.index)
            last_title = ln.index
            title_lines.append(ln.index)
            title = split.title
            fields["title"] = title
            if split.site_name and not doc.get("site_name"):
                fields["site_name"] = split.site_name
            if split.section and not doc.get("section"):
                fields["section"] = split.section
            break

    if title:
        normed = _norm(title)
        folded_title = _fold(title)
        # _repeats needs a stripped length in [0.8, 1.2] x the title's (+ 60): the raw
        # length bounds the stripped one from above, so shorter lines are skipped unread
        shortest = len(title) * 0.8
        for ln in zone:
            if ln.index in taken or ln.index < last_title or len(ln.text) < shortest:
                continue
            if _repeats(ln.text, title, normed, folded_title):
                changes.append(delete_line(text, ln, "title", "extract"))
                taken.add(ln.index)
                last_title = ln.index
                title_lines.append(ln.index)

    # bylines: after the last title line, close to the prose
    after_title = [ln for ln in zone if ln.index > last_title and ln.index not in taken]
    # the lines right under the last title line and the lines right above the prose
    tail = after_title[-BYLINE_SCAN:]
    candidates = [ln for ln in after_title[:BYLINE_SCAN] if not tail or ln.index < tail[0].index] + tail
    # under an earlier copy of the headline (the page's h1 when the last copy is a
    # share or print widget): labelled bylines only
    labelled_only: set[int] = set()
    for t in title_lines[:-1]:
        near = [ln for ln in zone if t < ln.index < last_title and ln.index not in taken][:BYLINE_SCAN]
        labelled_only.update(ln.index for ln in near)
    if labelled_only:
        candidates = [ln for ln in zone if ln.index in labelled_only] + candidates
    in_prose = 0  # the first short lines of the prose run: labelled bylines only
    if first_prose is not None:
        pos = sum(len(part) + 1 for part in parts[:first_prose])
        for i in range(first_prose, len(parts)):
            part = parts[i]
            if in_prose >= BYLINE_IN_PROSE:
                break
            if part.strip():
                in_prose += 1
                if i > last_title and not is_prose(part.strip()):
                    candidates.append(Line(i, pos, pos + len(part), part))
                    labelled_only.add(i)
            pos += len(part) + 1
    # the line right under a found headline may be a bare name line ("Jane Doe")
    under_title = after_title[0].index if after_title and last_title >= 0 and first_prose is not None else -1
    authors: list[str] = []
    agencies: list[str] = []
    byline_rules: list[str] = []
    i = 0
    while i < len(candidates):
        ln = candidates[i]
        s = ln.text.strip()
        names = parse_byline(s)
        used = [ln]
        rule: str | None = "label"
        if names is None and v.byline_label_only.match(s) and i + 1 < len(candidates):
            names = parse_byline(candidates[i + 1].text, labelled=False)
            used.append(candidates[i + 1])
            rule = "label_line"
        if names is None and ln.index not in labelled_only:
            rule = _unlabelled_rule(s, v, under_title=ln.index == under_title)
            if rule is not None:
                names = parse_byline(s, labelled=False) or None
                used = [ln]
        if names is not None and rule is not None:
            for u in used:
                changes.append(delete_line(text, u, "byline", "extract"))
                taken.add(u.index)
            authors.extend(n for n in names if n not in authors)
            agencies.extend(a for a in _agencies(s, v) if a not in agencies)
            byline_rules.append(rule)
            i += len(used)
            continue
        i += 1
    if authors and not doc.get("authors"):
        fields["authors"] = authors

    # dateline: the first body paragraph, which may follow a caption or a teaser
    if first_prose is not None and not doc.get("dateline"):
        for part in parts[first_prose : first_prose + DATELINE_SCAN]:
            s = part.strip()
            if s and is_prose(s):
                dl = parse_dateline(s)
                if dl is not None:
                    fields["dateline"] = dl
                    break

    out = doc.with_edits(STAGE, changes)
    if fields:
        out = out.with_fields(**fields)
    if "title" in fields:
        out = out.with_decision(STAGE, "title_line", title=fields["title"], rule="header_line")
    if byline_rules:
        out = out.with_decision(
            STAGE,
            "byline",
            authors=list(authors),
            agencies=agencies,
            rules=byline_rules,
            kept=bool(fields.get("authors")),
        )
    dateline = fields.get("dateline")
    if dateline is not None:
        out = out.with_decision(STAGE, "dateline", place=dateline.place, agency=dateline.agency)
    return out
