"""Title lines: breadcrumbs, section and site-name prefixes and suffixes, repeats.

Part of ``extract_metadata``. A title-like line is not sentence-shaped, holds
no date and is of reasonable length. A breadcrumb prefix (``Home > World``,
``You are here: ...``), a section prefix (``Opinion | ...``) and a site-name
suffix or prefix (``... - Site``, ``... | Site``, ``Site | ...``) are split
off; when a later header line is the clean title alone, the line's
surroundings are read against it. Vocabularies are in ``data/metadata.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from newsclean.data import read_json
from newsclean.layout import _CJK, _CLOSERS, is_prose
from newsclean.lazyre import regex_compile
from newsclean.stages._byline import parse_byline
from newsclean.stages._header import (
    _LETTER,
    _NAME_JOINERS,
    _NUMERIC_DATE,
    _SENTENCE_BREAK,
    _URLISH,
    _fold,
    _has_date,
    _norm,
    _not_title_cue,
    _Vocab,
    _vocab,
    letter_count,
)
from newsclean.stages._lines import Line

__all__ = [
    "CUED_COPY_WORDS",
    "LEDE_LINES",
    "LEDE_SUPPORT",
    "MAX_HEADLINE_EXTRA",
    "SAME_STORY",
    "SAME_STORY_LENGTH",
    "SAME_STORY_WORDS",
    "TitleSplit",
    "cued_title_copy",
    "fuller_headline",
    "headline_similarity",
    "lede_support",
    "piped_title",
    "split_title",
]

#: Least word overlap (Dice coefficient over content words) at which a headline
#: near the story start is the same story as the page title and replaces it (a
#: page's ``<title>`` is often a shorter or search-friendly rewording of the
#: headline printed over the story: "Emirates inks order for 30 Boeing 787 jets"
#: against "Emirates inks $9 billion order for 30 Boeing 787 jets, will ...").
#: Checked on the silver set of ``benchmarks.metadata`` (see docs/metadata.md):
#: headlines of related stories in the same header overlap the title by less
#: than a third.
SAME_STORY = 0.5
#: Least content words a reworded headline shares with the page title; one
#: shared word ("Facebook", a place) is a navigation or section line.
SAME_STORY_WORDS = 2
#: Least length of a reworded headline against the page title's: a much
#: shorter line is a section or series name ("Ivo Brandtner" over "Ivo Brandtner:
#: Quiet Rooms").
SAME_STORY_LENGTH = 0.5
#: Least words of letters a first line must keep without its dates to be a dated
#: headline ("Morning Memo 11.18.19"); with fewer it is a date line with a label.
MIN_DATED_TITLE_WORDS = 2
#: Most function words a headline printed over the story may have beyond the
#: page title that shortened it ("The" of "The Band Opens Its Summer Tour").
MAX_HEADLINE_EXTRA = 2
#: Most header lines under a page's first line (its ``<title>``) in which a site's banner
#: (the blog's name, with its tagline) is printed: a repeat of the title line's end printed
#: there, with the rest of the title line printed further down, is the banner and not the
#: headline (see ``_headline_before_banner``), and a piece of the title line printed there is
#: no reworded headline (see :func:`story_headline`). The Dragnet blogs that print a banner
#: print it on the next line; a headline over its story is printed tens of lines down, under
#: the navigation.
BANNER_REACH = 2
#: Least share of a headline's content words that the story's first lines repeat for the
#: headline-shaped line over a story to be its title when the header gave none (see
#: :func:`lede_support`); the same bar as :data:`SAME_STORY`, half the words. Checked on the
#: 1,079 text captures of the development corpora (``benchmarks.metadata`` pages): three
#: pages with no title line have a headline-shaped line over the story; the headline (a
#: Hindi capture) scores 0.9, a feature-list item 0.0, a sentence broken over two lines 0.17.
LEDE_SUPPORT = 0.5
#: Story lines read as its opening by :func:`lede_support`.
LEDE_LINES = 3
#: Least words of the headline copy that makes a first line opening with an interface cue
#: its title line (see :func:`cued_title_copy`): a cue with a word after it ("Listen to
#: podcasts", "Sign up today") is interface text; the one such headline of the development
#: captures has six words.
CUED_COPY_WORDS = 4
_WORD = regex_compile(r"\w+")
_HEADLINE_WORD = regex_compile(r"\p{L}{2,}")

# A title separator: '|' anywhere; '-' with a space before it; en/em dashes,
# middle dots and bullets with a space on at least one side; ' : ' and '::'.
# Separators that open with blanks are tried from a blank run's first character (or where
# the search starts, ``\G``) and runs are taken whole (possessive): tried from every blank
# of a long run, the patterns were quadratic in the run's length. Matches are unchanged; a
# property test compares both with their earlier forms.
_SITE_SEP = regex_compile(
    r"(?:\G|(?<!\s))\s++(?:\|\s*+|-{1,2}\s*+|[–—·•~]\s*+|[–—·•]\s++|::\s*+|:\s++|«\s++|»\s++)"
    r"|\|\s*+|[–—·•]\s++|::\s*+"
)
_PREFIX_SEPS = frozenset("|:•")
_BC_SEP = regex_compile(r"(?:\G|(?<!\s))\s*+(?:>>|[>»›→＞]|(?<=\s)/(?=\s))\s*+")
_GLUE = regex_compile(
    r"^((?:\p{Lu}[\p{L}\p{M}&'’.-]{0,20}\s){0,2}\p{L}[\p{L}\p{M}&'’.-]{0,24}?\p{Ll})(?=\p{Lu}[\p{Ll}\p{Lu}])"
)
# Labels are taken whole and the last one is tried at each dot in turn: with greedy
# labels the pattern backtracked quadratically on a long run of short labels.
_DOMAIN = regex_compile(r"^(?:www\.)?[\p{L}\d-]++(?:\.[\p{L}\d-]++)*?\.\p{L}{2,}+$")


def _title_like(text: str, v: _Vocab, *, first: bool = False, cues: bool = True) -> bool:
    """A headline-shaped line: short, not a sentence, no date, not interface text.

    The ``first`` line of a text (a capture opens with the page ``<title>``)
    may hold a date when words of a headline remain without it ("Morning Memo
    11.18.19 - Site", "The Digest, Friday, November 9, 2012"); a date line
    ("Published Nov 9, 2012 | Site") is still none. Without ``cues`` a line
    opening with an interface cue ("Listen to", "Photo:") may be one too (see
    :func:`cued_title_copy`).
    """
    s = text.strip()
    n = len(s)
    if n < 8 or n > 400:
        return False
    words = s.split()
    if len(words) < 2 and not (_CJK.search(s) and n >= 6):
        return False
    if letter_count(s) < n * 0.5:
        return False
    t = s.rstrip(_CLOSERS)
    if not t or t[-1] in ":：;,":
        return False
    if t[-1] in ".。" and not t.endswith("...") and len(words) >= 6:
        return False
    if is_prose(s) or (t[-1] in ".!?" and _SENTENCE_BREAK.search(s)):
        return False
    if (
        (_has_date(s, v) and not (first and _dated_headline(s, v)))
        or _URLISH.search(s)
        or (cues and _not_title_cue(s, v))
    ):
        return False
    return parse_byline(s) is None and not v.byline_label_only.match(s)


def _sentence_title(s: str, v: _Vocab) -> bool:
    """Whether a line is a headline written as one sentence with a full stop ("Council delays the vote.").

    Such a line is not title-like (a full stop ends running text), but as a
    capture's first line (the page ``<title>``) it is the title when the
    header prints it again without the stop (see ``extract_metadata``).
    """
    t = s.rstrip(_CLOSERS)
    if not t.endswith(".") or t.endswith("..") or _SENTENCE_BREAK.search(s):
        return False
    return _title_like(t[:-1], v, first=True)


def _dated_headline(s: str, v: _Vocab) -> bool:
    """Whether a line with a date in it keeps a headline's words without the date."""
    from newsclean.stages._byline import _date_words

    if s.split(maxsplit=1)[0].casefold().strip(":,.") in _date_words():
        return False  # 'Published Nov 9, 2012 | Site', 'Monday, November 9, 2012'
    rest = v.month_date.sub(" ", _NUMERIC_DATE.sub(" ", s))
    return len(_HEADLINE_WORD.findall(rest)) >= MIN_DATED_TITLE_WORDS


def _title_text(text: str) -> bool:
    """What is left after splitting is still a headline: two words or more, mostly letters."""
    s = text.strip()
    if len(s) > 300 or letter_count(s) < 4:
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
        # 'Asian market latest' is a headline tail; 'Valley Evening Times' a name
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
        # 'ContactMinister meets ...': the last item glued to the title's first word,
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
    segments (``... | Editorial | Opinion | The Courier``,
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
    if not m or m.start() == 0:
        return None
    head = text[: m.start()].strip()
    if not (set(m.group().strip()) & _PREFIX_SEPS) and not _DOMAIN.match(head):
        return None  # after a dash only a domain is a prefix ("Example.com – Headline")
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


_PIPE = " | "


def piped_title(line: str, v: _Vocab) -> TitleSplit | None:
    """Read a page title whose end after a spaced pipe is written as a sentence, or None.

    A ``<title>`` such as "Headline | Site." or "Headline | Site - We help
    teams grow." reads as running text (it ends with a full stop), and a
    title is never looked for after running text. Running text does not hold
    a spaced pipe, though: when the part before the first one is a headline,
    that part is the title and the rest the site's name (its first segment,
    when it can be one) and tagline.

    >>> piped_title("Council backs the valley water plan | News of the Northern Valley...", _vocab()).title
    'Council backs the valley water plan'
    """
    k = line.find(_PIPE)
    head = line[:k].strip() if k > 0 else ""
    tail = line[k + len(_PIPE) :].strip() if k > 0 else ""
    if not tail or not _title_text(head) or not _title_like(head, v, first=True):
        return None
    first = _SITE_SEP.split(tail, maxsplit=1)[0].strip()
    site = first if first and _site_like(first.rstrip("."), v, piped=True) else None
    pieces = ((0, k, "title"), (k, len(line), "site_name" if site else "title"))
    return TitleSplit(head, site, None, pieces)


def _clean_repeat(line: str, later: Sequence[Line], v: _Vocab, *, cues: bool = True) -> str | None:
    """Find a later header line that is the clean title inside ``line``.

    The next line is the usual place (a ``<title>`` followed by its ``<h1>``),
    but navigation may sit between them, so the whole header zone is read.
    When several lines qualify (the site name of "Headline - Site" is often
    printed alone as a logo line too), the one that the fewest header lines
    contain wins: a site name recurs ("Site on Facebook", a footer link),
    a headline is printed over its story. Of equal ones, the nearest to the
    story wins. Without ``cues`` a copy may open with an interface cue.
    """
    s = line.strip()
    folded = _fold(line)
    least = max(10, 0.4 * len(s))
    most = len(folded)  # _fold keeps lengths: a longer line cannot be inside
    found: list[str] = []
    for ln in later:
        ns = ln.text.strip()
        if least <= len(ns) <= most and ns != s and _fold(ns) in folded and _title_like(ns, v, cues=cues):
            k = folded.find(_fold(ns))
            if _field_edge(line[:k], at_end=True) and _field_edge(line[k + len(ns) :], at_end=False):
                found.append(ns)
    if len(found) <= 1 or len(set(found)) == 1:
        chosen = found[0] if found else None
    else:
        folded_later = [_fold(ln.text) for ln in later]

        def recurrence(candidate: str) -> int:
            key = _fold(candidate)
            return sum(key in f for f in folded_later)

        chosen = min(reversed(found), key=recurrence)
    if chosen is None:
        return None
    return _headline_before_banner(line, chosen, later, v) or chosen


def cued_title_copy(line: str, later: Sequence[Line], v: _Vocab) -> str | None:
    """The headline copy of a first line that opens with an interface cue, or None.

    A page ``<title>`` such as "Listen to the Harbour Band Live | Site" opens
    with an interface cue ("Listen to", "Photo", "Video") and is no title
    line by its shape alone: a capture's interface strings open that way.
    When the header prints the line's headline again as a line of its own
    (the ``<h1>``, meeting the first line at a separator or an end, of at
    least :data:`CUED_COPY_WORDS` words), the page names it its headline:
    interface strings are not printed as the page's title and again as its
    heading. The copy must be headline-shaped but for the cue.

    >>> from newsclean.stages._lines import Line
    >>> later = [Line(1, 48, 55, "Sign in"), Line(2, 56, 87, "Listen to the Harbour Band Live")]
    >>> cued_title_copy("Listen to the Harbour Band Live | Example Radio", later, _vocab())
    'Listen to the Harbour Band Live'
    >>> cued_title_copy("Listen to our podcast | Example Radio", later, _vocab()) is None
    True
    """
    s = line.strip()
    if not _not_title_cue(s, v) or not _title_like(s, v, first=True, cues=False):
        return None
    copy = _clean_repeat(line, later, v, cues=False)
    return copy if copy is not None and len(copy.split()) >= CUED_COPY_WORDS else None


def _headline_before_banner(line: str, repeat: str, later: Sequence[Line], v: _Vocab) -> str | None:
    """The head of ``line`` when the repeat that ends it is the site's banner, or None.

    A blog's ``<title>`` is often "Post Title - Blog Name" or "Post Title -
    Tagline - Blog Name", and its header prints the blog's name (with its
    tagline) as a line of its own at the top, under the ``<title>``: that
    line is inside the first one, at its end, as a headline copy would be.
    When the rest of the first line, before a separator, is printed as a
    whole header line further down (the post's own heading over the story),
    the repeat is the banner and that rest the headline: a site's banner
    sits at the top of the header, a headline over its story. A repeat at
    the start of the line ("Headline - Site" with the heading "Headline") is
    the usual order and read as before; so is a rest printed above the
    repeat ("Site - Headline" with a logo line "Site" over the heading), and
    a repeat printed further down than :data:`BANNER_REACH` lines under the
    first line: that is where a headline is printed over its story, with the
    site's name sometimes printed again under it ("BBC Sport - Headline",
    the heading "Headline", then "BBC Sport"; the development captures of
    Dragnet print it so).
    """
    k = _fold(line).find(_fold(repeat))
    if k <= 0 or line[k + len(repeat) :].strip():
        return None
    head = line[:k]
    seps = list(_SITE_SEP.finditer(head))
    if not seps or seps[-1].end() != len(head):
        return None  # the repeat does not begin after a separator
    rest = head[: seps[-1].start()].strip()
    if not _title_text(rest) or _is_section(rest, v) or _is_generic(rest, v):
        return None
    banner = _norm(repeat)
    top = [i for i, ln in enumerate(later[:BANNER_REACH]) if _norm(ln.text) == banner]
    if not top:
        return None
    key = _norm(rest)
    return rest if any(_norm(ln.text) == key for ln in later[top[0] + 1 :]) else None


def _field_edge(rest: str, *, at_end: bool) -> bool:
    """Whether ``rest`` (the line before or after a repeat) meets it at a separator or is empty.

    A repeat inside a phrase ("What Is Cosy: A Juniper Loft Guide" with a
    tag line "Juniper Loft") is a word of the headline, not the headline.
    """
    edge = rest.rstrip()[-1:] if at_end else rest.lstrip()[:1]
    return not edge or not (edge.isalnum() or edge in "'’")


def _repeats(line: str, title: str, normed_title: str, folded_title: str | None = None) -> bool:
    """True if ``line`` is the title again, alone or with a short wrapper."""
    s = line.strip()
    if len(s) < len(title) * 0.8 or len(s) > len(title) * 1.2 + 60:
        return False
    folded_title = _fold(title) if folded_title is None else folded_title
    if s.isascii():
        # both tests below need the title's first word in the lower-cased line: the
        # normalised line opens with it, and a folded title holding it is inside the line
        first = normed_title.split(" ", 1)[0]
        if first in folded_title and first not in s.lower():
            return False
    if _norm(s) == normed_title:
        return True
    if len(s) - len(title) > 60 or len(title) < 10:
        return False
    return folded_title in _fold(s)


def fuller_headline(line: str, title: str, v: _Vocab) -> bool:
    """Whether ``line`` is ``title`` with a few more words of the same headline.

    A page's ``<title>`` often drops a function word of the headline printed
    over the story ("Doors Open for Summer Tour" over "The Doors Open for
    Summer Tour"): at most :data:`MAX_HEADLINE_EXTRA` function words (of any
    packaged language), joined to the title by a space (not a separator, which
    would make them a site or section name), and the whole line
    headline-shaped. Other words there are a kicker or a label ("Breaking",
    "Comments Off on", a breadcrumb glued to the headline), not the headline.

    >>> fuller_headline("The Band Opens Its Summer Tour", "Band Opens Its Summer Tour", _vocab())
    True
    >>> fuller_headline("Band Opens Its Summer Tour | Site", "Band Opens Its Summer Tour", _vocab())
    False
    """
    s = line.strip()
    t = title.strip()
    k = _fold(s).find(_fold(t))
    if k < 0 or len(s) <= len(t):
        return False
    head, tail = s[:k], s[k + len(t) :]
    if (head and not head[-1].isspace()) or (tail and not tail[0].isspace()):
        return False
    extra = (head + tail).split()
    stop = _stopwords()
    if len(extra) > MAX_HEADLINE_EXTRA or not all(w.casefold() in stop for w in extra):
        return False
    return _title_like(s, v)


def _content_words(text: str) -> frozenset[str]:
    """Casefolded words of ``text`` that are not function words of any packaged language."""
    stop = _stopwords()
    return frozenset(w for w in (m.casefold() for m in _WORD.findall(text)) if w not in stop)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words: the packaged per-language lists and the English ones of ``metadata.json``."""
    raw = read_json("stopwords.json", keys=("stopwords",))["stopwords"]
    return frozenset(w for words in raw.values() for w in words) | _vocab().function_words


_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―", "-"))


def _dash_fold(text: str) -> str:
    """``text`` with dashes unified, quotes unified and case folded, white space collapsed."""
    return _norm(text.translate(_DASHES))


def lede_support(headline: str, lede: str) -> float:
    """The share of a headline's content words that the story's first lines repeat.

    A story's opening restates its headline ("Wheat buying starts at 32
    centres" over "Buying of wheat started at the district's 32 centres on
    Wednesday ..."); a navigation item, a related story's headline or a
    section name over the story does not. A headline of fewer than
    :data:`SAME_STORY_WORDS` content words gets 0.

    >>> round(lede_support("Wheat buying starts in 32 centres", "Buying of wheat started in 32 centres on Monday."), 2)
    0.8
    >>> lede_support("Most read this week", "Buying of wheat started at 32 centres on Monday.")
    0.0
    """
    words = _content_words(headline)
    if len(words) < SAME_STORY_WORDS:
        return 0.0
    return len(words & _content_words(lede)) / len(words)


def headline_similarity(a: str, b: str) -> float:
    """Word overlap of two headlines: the Dice coefficient over their content words.

    >>> headline_similarity("Council approves the water plan", "The water plan approved in council")
    0.75
    >>> headline_similarity("Le conseil vote le plan", "Conseil : vote du plan")
    1.0
    >>> headline_similarity("Council approves the water plan", "Storm closes schools")
    0.0
    """
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def story_headline(
    title: str, later: Sequence[Line], v: _Vocab, *, title_line: tuple[int, str] | None = None
) -> tuple[Line, float] | None:
    """Find the headline printed over the story when it rewords the page title.

    Among title-like lines of ``later`` (header lines after the title line),
    the one most similar to ``title`` at :data:`SAME_STORY` or above; of equal
    ones, the last (the nearest to the story). ``title_line`` is the title
    line's index and text: when a headline-shaped line printed at most
    :data:`BANNER_REACH` lines under it is a shorter piece of it (dashes,
    quotes and case folded), the header has printed the title line's own
    words and nothing is looked for: that line is the site's banner ("Site
    Blog" under "Site Blog: Post title", "Site - Tagline" under "Post | Site
    - Tagline"), or a part of the heading, never a rewording of it.
    """
    best: tuple[Line, float] | None = None
    words = _content_words(title)
    if len(words) < SAME_STORY_WORDS:
        return None  # no line can share enough of the title's words (a banner line also ends in None)
    piece_of = _dash_fold(title_line[1]) if title_line is not None else ""
    for ln in later:
        s = ln.text.strip()
        if len(s) < SAME_STORY_LENGTH * len(title):
            continue
        banner = (
            title_line is not None
            and ln.index - title_line[0] <= BANNER_REACH
            and len(s) < len(title_line[1].strip())
            and _dash_fold(s) in piece_of
        )
        # a line that is no banner counts only with the title's words: those are read
        # first, as they cost less than the headline shape that is asked of every line;
        # a word the line shares is in its case-folded text (casefold() folds character
        # by character), so a line holding fewer of them is passed over unsplit
        if not banner:
            folded = s.casefold()
            if sum(w in folded for w in words) < SAME_STORY_WORDS:
                continue
            if len(_content_words(s) & words) < SAME_STORY_WORDS:
                continue
        if not _title_like(s, v):
            continue
        if banner:
            return None
        score = headline_similarity(s, title)
        if score >= SAME_STORY and (best is None or score >= best[1]):
            best = (ln, score)
    return best
