"""Bylines away from the lines under the headline: a header row, an author box, a signature.

Part of ``extract_metadata``, read only when no byline stands under the
headline (:mod:`newsclean.stages._byline`): a bare name line after a date
line above a headline copy, a bare name line of the header that the story's
author box names, and a byline with a label and a colon where the story ends.
Each asks more of a line than a byline under the headline does, because more
lines of a page stand in such places.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from functools import lru_cache

from newsclean.data import read_json
from newsclean.layout import is_prose
from newsclean.lazyre import regex_compile
from newsclean.stages._byline import (
    _HOUR,
    _LETTER_WORD,
    _LETTERS,
    _NUMERIC_DATE,
    _ROW_GAP,
    COMMON_WORD_ZIPF,
    MAX_UNLABELLED_BYLINE,
    _date_line,
    _date_words,
    _only_names,
    _row_lead,
    _unlabelled_rule,
    parse_byline,
)
from newsclean.stages._header import _DIGIT, MAX_LINES, _Vocab, _vocab, _words, may_open_each
from newsclean.stages._lines import Line, line_at

__all__ = [
    "BIO_TRADE_REACH",
    "MAX_BIO_NAME_WORDS",
    "MAX_FIELD_LABEL",
    "MAX_STORY_BYLINE",
    "NAME_ABOVE_REACH",
    "author_bio",
    "bio_byline",
    "name_above_headline",
    "name_over_story",
    "story_dated_byline",
    "story_label_byline",
]

#: Words after the copula of an author-box sentence within which a trade word must
#: stand ("Jane Doe is a staff writer at ...", "Jane Doe (@jdoe) is an Ideas
#: contributor at ..."). Further on, a story sentence that opens with a place or
#: a team ("Port Elling is burning. ...", "Valley League is 'far from ready ...',
#: says Riverside club chief ...") may name one. Checked on the silver set of
#: ``benchmarks.metadata``.
BIO_TRADE_REACH = 6
#: Most words of a name that an author-box sentence opens with (the longest names a
#: byline reads: "Maria de la Cruz Fernández").
MAX_BIO_NAME_WORDS = 5

#: Non-empty lines above a headline copy in which a bare name line printed right
#: after a date line may stand ("Nov 13, 2019 09:34" / "Jane Doe" / "1,204" / "Headline":
#: the date, the author and a view or comment counter of a header row). Two are the
#: name and one such counter; further up come the menus.
NAME_ABOVE_REACH = 2
#: Longest line read as a byline with a label and a colon inside the story or its end
#: matter ("Author: Jane Doe", "Par : Jean Roe |"); longer lines are sentences.
MAX_STORY_BYLINE = 80
#: Words that open a relative clause about the author after a signature's names ("by Jane
#: Doe, who teaches in Leeds"), in the languages of the byline labels: the line is then a
#: sentence of the post, so its names are read and the line stays in the story.
RELATIVE_PRONOUNS = (
    "who",
    "whose",
    "qui",
    "dont",
    "der",
    "die",
    "welche",
    "welcher",
    "quien",
    "quienes",
    "que",
    "che",
    "chi",
    "wie",
    "quem",
)
# A comma, a relative pronoun and at least two more words.
_CLAUSE_AFTER_NAMES = regex_compile(r"(?i),\s*+(?:" + "|".join(RELATIVE_PRONOUNS) + r")\s++\S++\s++\S")
#: Longest label (characters before the colon) of a "Label: value" field line, the
#: shape of a record printed around a story ("Publisher: ...", "Pages: 320").
MAX_FIELD_LABEL = 30


# A handle printed between the name and the copula of an author box ("Jane Doe (@jdoe) is ...").
_BIO_HANDLE = regex_compile(r"^\s*[(,]?\s*@\w{2,30}\)?")


@lru_cache(maxsize=1)
def _bio_vocab() -> tuple[frozenset[str], frozenset[str]]:
    """Copulas and trade words of author-box sentences (``author_bio`` of ``data/metadata.json``, and the byline roles)."""
    raw = read_json("metadata.json", keys=("author_bio",))["author_bio"]
    copulas = frozenset(w.casefold() for w in _words(raw["copulas"]))
    trades = frozenset(w.casefold() for w in _words(raw["trades"])) | _vocab().roles
    return copulas, trades


def author_bio(name: str, line: str) -> bool:
    """Whether ``line`` is an author-box sentence about ``name``: the name, a copula, then a trade word.

    >>> author_bio("Jane Doe", "Jane Doe is a staff writer covering science.")
    True
    >>> author_bio("Port Elling", "Port Elling is burning. The authorities pour fuel on the fire.")
    False
    """
    if not line.startswith(name):
        return False
    rest = line[len(name) :]
    if not rest[:1].isspace() and rest[:1] not in "(,":
        return False  # 'Jane Doeson is ...': another name
    rest = _BIO_HANDLE.sub("", rest)
    words = [w.casefold() for w in _LETTER_WORD.findall(rest)]
    copulas, trades = _bio_vocab()
    if not words or words[0] not in copulas:
        return False
    return any(w in trades for w in words[1 : 1 + BIO_TRADE_REACH])


def bio_byline(
    header: list[Line], story: list[str], taken: set[int], v: _Vocab
) -> tuple[Line, list[str]] | None:
    """A bare name line of the header that an author box in the story names, and its names.

    Sites print the author's name alone above or beside the headline, in a
    rubric or a widget ("Nora Quist" / "Ideas" / date / headline) where no
    other rule reads it, and close the story with an author box that opens
    with the same name ("Nora Quist (@noraquist) is an Ideas contributor at
    ..."): the box tells the name line from a navigation item.
    """
    # cheap tests first: header lines shaped like a name (two to MAX_BIO_NAME_WORDS
    # capitalised words, particles allowed), then a story line opening with one of
    # them, found by string search; the name tests run only on such pairs
    names_at: dict[str, Line] = {}
    for ln in header:
        s = ln.text.strip()
        if len(s) > MAX_UNLABELLED_BYLINE or not s[:1].isupper() or " " not in s:
            continue
        words = s.split()
        if (
            ln.index not in taken
            and len(words) <= MAX_BIO_NAME_WORDS
            and all(w[:1].isupper() or w.casefold() in v.particles for w in words)
        ):
            names_at.setdefault(s, ln)
    if not names_at:
        return None
    text = "\n" + "\n".join(story)  # an indented author box is not read
    for s, ln in names_at.items():
        at = text.find("\n" + s)
        while at >= 0:
            end = text.find("\n", at + 1)
            if author_bio(s, text[at + 1 : end if end >= 0 else len(text)]):
                if _only_names(s, v):
                    names = parse_byline(s, labelled=False)
                    if names and names[0] == s:
                        return ln, names
                break
            at = text.find("\n" + s, at + 1)
    return None


def _rare_surname(s: str) -> bool:
    """Whether the last word of ``s`` is rarer in English than :data:`COMMON_WORD_ZIPF`.

    Above a headline a rubric reads like a name ("DIY Wedding", "Food Science");
    a surname is rarely a common English word.
    """
    from newsclean.lexicon import rarer_than

    words = _LETTERS.findall(s)
    return bool(words) and rarer_than(words[-1].casefold(), COMMON_WORD_ZIPF)


# The bullets a name line of a header row may open with ("• Jane Doe").
_ROW_BULLETS = "•·*"


def name_above_headline(
    parts: Sequence[str], heads: Sequence[int], taken: set[int], gaps: set[int], v: _Vocab
) -> Line | None:
    """A bare name line printed right after a date line above a headline copy, or None.

    Some article headers print a row of date, author and a counter above the
    headline ("Nov 13, 2019 09:34" / "• Jane Doe" / "• 1204" / "Headline").
    The name line must be one of the :data:`NAME_ABOVE_REACH` non-empty lines
    above the copy, with a date line (or the point where the date stage took
    one out, ``gaps``) right above it, and ask more than of a name under a deck:
    names only, no section word, and a last word that is not a common English
    word (:func:`_rare_surname`).
    """
    for head in heads:
        seen = 0
        i = head - 1
        while i >= 0 and seen < NAME_ABOVE_REACH:
            s = parts[i].strip()
            if not s:
                i -= 1
                continue
            seen += 1
            if i in taken or is_prose(s):
                break
            name = s.lstrip(_ROW_BULLETS).strip()
            if _rare_surname(name) and _unlabelled_rule(name, v, under_title=True) == "name_under_title":
                above = next((parts[k].strip() for k in range(i - 1, -1, -1) if parts[k].strip()), "")
                line = line_at(parts, i)
                if line.start in gaps or (above and _date_line(above, v)):
                    return line
            i -= 1
    return None


#: Non-empty lines before and after the start of the prose run in which a name line
#: over a date line and the story may stand (a teaser or a notice written as a
#: sentence may open the run above the headline, the byline and the date).
NAME_OVER_STORY_REACH = 6
#: Non-empty lines between the date line under a name and the story's first
#: paragraph (a share bar, a "Listen" button).
STORY_AFTER_DATE = 2


_ANY_DIGIT = regex_compile(r"\d")


def _next_filled(parts: Sequence[str], i: int, step: int) -> int | None:
    """The index of the next non-empty line from ``i`` in direction ``step``, or None."""
    i += step
    while 0 <= i < len(parts):
        if parts[i].strip():
            return i
        i += step
    return None


def name_over_story(
    parts: Sequence[str], first_prose: int, taken: set[int], gaps: Callable[[], set[int]], v: _Vocab
) -> Line | None:
    """A bare name line between a headline-shaped line and a date line over the story, or None.

    An article header ends with the headline, the author's name and the date,
    then the story ("Headline" / "Jane Doe, The Courier" / "Published 7:40
    p.m. March 17, 2020" / story). When the headline was not found as the
    title (the page's ``<title>`` worded otherwise) and the prose run opens
    above it with a notice, no other rule reads the name. All of the shape is
    asked: a line above that is not prose nor a date line, a date line right
    under the name (or the point where the date stage took one out:
    ``gaps`` gives those offsets, asked for only when a line gets that far),
    the story's first paragraph within :data:`STORY_AFTER_DATE` lines after
    the date, names only (roles, agencies or one short outlet after them)
    and a surname rarer than a common English word. The line above may not
    be names only either (a list of results, one winner a line), and the
    date line may not be a sentence that opens with a date. The date may
    also be printed on the name line after the names ("Jane Doe | Nov 18,
    2019"), or over it ("Headline" / date / "Jane Doe" / story, the first
    name then rare too); those two shapes are refused where they recur
    nearby (:func:`_listed`: a list of teasers).
    """
    lo = first_prose
    for _ in range(NAME_OVER_STORY_REACH):
        k = _next_filled(parts, lo, -1)
        if k is None:
            break
        lo = k
    pos = sum(map(len, parts[:lo])) + lo  # each line and its newline
    seen = 0
    for i in range(lo, len(parts)):
        if seen >= 2 * NAME_OVER_STORY_REACH:
            break
        start, pos = pos, pos + len(parts[i]) + 1
        s = parts[i].strip()
        if not s:
            continue
        seen += 1
        if not s[0].isupper() or i in taken or len(s) > MAX_UNLABELLED_BYLINE:
            continue  # a name line opens with a capital
        names, listable = s, True  # listable: a shape a list of teasers prints for each item
        below = _next_filled(parts, i, 1)
        above = _next_filled(parts, i, -1)
        after: int | None
        if _ANY_DIGIT.search(s):
            row = _row_names_part(s, v)  # the date on the name line: "Jane Doe | Nov 18, 2019"
            if row is None:
                continue  # any other name line holds no digit
            names, after = row, below
        elif below is None:
            continue
        elif _dated_alone(parts[below], v):
            after, listable = _next_filled(parts, below, 1), False  # ('El día 31 de marzo ...' opens a story)
        elif pos in gaps():  # a date line right under this one, taken out by the date stage
            after, listable = below, False
        elif (
            (above is not None and _dated_alone(parts[above], v))
            or start in gaps()  # (a date line right over this one, taken out by the date stage)
        ) and _rare_surname(s.split(maxsplit=1)[0]):
            # the date over the name: the name line has no date of its own to vouch for it, so
            # its first word must be rare too ("Latest Headlines" over a story is a section)
            if start not in gaps():
                above = _next_filled(parts, above, -1) if above is not None else None
            after = below
        else:
            continue
        if not _headline_shaped(parts[above].strip() if above is not None else "", v):
            continue
        story = False
        for _ in range(STORY_AFTER_DATE + 1):
            if after is None:
                break
            if is_prose(parts[after].strip()):
                story = True
                break
            after = _next_filled(parts, after, 1)
        if story and _bare_name_line(names, v) and not (listable and _listed(parts, i, v)):
            return Line(i, start, start + len(parts[i]), parts[i])
    return None


def _dated_alone(line: str, v: _Vocab) -> bool:
    """Whether ``line`` is a date line and no sentence ("El día 31 de marzo ..." opens a story)."""
    s = line.strip()
    return _date_line(s, v) and not is_prose(s)


def _listed(parts: Sequence[str], i: int, v: _Vocab) -> bool:
    """Whether another name-date row, or another name line under a date line, is near line ``i``.

    A list of teasers prints each item alike ("Headline" / "Jane Doe, Outlet.
    Nov 18, 2019." / teaser, three times over): the shape read once over a
    story is a byline, read again within :data:`NAME_OVER_STORY_REACH`
    non-empty lines either side it is a list's item.
    """
    for step in (-1, 1):
        k: int | None = i
        for _ in range(NAME_OVER_STORY_REACH):
            k = _next_filled(parts, k, step) if k is not None else None
            if k is None:
                break
            s = parts[k].strip()
            if s[:1].isupper() and len(s) <= MAX_UNLABELLED_BYLINE and _row_names_part(s, v) is not None:
                return True
            up = _next_filled(parts, k, -1)
            if (
                up is not None
                and not _ANY_DIGIT.search(s)
                and _date_line(parts[up].strip(), v)
                and _bare_name_line(s, v)
            ):
                return True
    return False


def _row_names_part(s: str, v: _Vocab) -> str | None:
    """The names before the date of a name-date row ("Jane Doe | Nov 18, 2019": "Jane Doe"), or None."""
    lead = _row_lead(s, v)
    if lead is None:
        return None
    names: str = _ROW_GAP.sub("", lead)
    return names.strip()


#: Non-empty lines above a dateline paragraph ("WASHINGTON (AP) — ...") in which a name
#: line may stand: the name and one line of outlet or role under it.
NAME_OVER_DATELINE = 2


def name_over_dateline(parts: Sequence[str], first_prose: int, taken: set[int], v: _Vocab) -> Line | None:
    """A bare name line just above the story's dateline paragraph, under a headline-shaped line, or None.

    A wire-style story opens with its dateline ("WEST PALM BEACH, Fla. – ..."),
    and the lines right over it are the header: "Headline" / "Jane Doe and
    John Roe" / "Outlet Network" / dateline paragraph. The first paragraph
    with a dateline among the first ``2 * NAME_OVER_STORY_REACH`` non-empty
    lines of the prose run is looked for; among the :data:`NAME_OVER_DATELINE`
    lines over it, a line with no digit, names only (roles, agencies or one
    short outlet after them), a surname rarer than a common English word, and
    over it a line of three words or more that is neither prose, a date line
    nor a names line.
    """
    from newsclean.stages._dateline import parse_dateline

    seen = 0
    for i in range(first_prose, len(parts)):
        s = parts[i].strip()
        if not s:
            continue
        seen += 1
        if seen > 2 * NAME_OVER_STORY_REACH:
            return None
        if not is_prose(s) or parse_dateline(s) is None:
            continue  # a notice or a teaser may open the prose run above the story
        k = i
        for _ in range(NAME_OVER_DATELINE):
            up = _next_filled(parts, k, -1)
            if up is None:
                return None
            k = up
            name = parts[k].strip()
            if k in taken or _ANY_DIGIT.search(name) or not name[0].isupper():
                continue
            above = _next_filled(parts, k, -1)
            if not _headline_shaped(parts[above].strip() if above is not None else "", v):
                continue
            if _bare_name_line(name, v):
                return line_at(parts, k)
        return None
    return None


def _headline_shaped(head: str, v: _Vocab) -> bool:
    """True if ``head`` may be the headline over a name line: three words or more, and
    neither a sentence, a date line nor a names-only line (a list of results, one a line)."""
    return (
        len(head.split()) >= 3 and not is_prose(head) and not _date_line(head, v) and not _only_names(head, v)
    )


def _bare_name_line(s: str, v: _Vocab) -> bool:
    """True if ``s`` is names only (roles, agencies or one short outlet after them) with a
    surname rarer than a common English word."""
    return _rare_surname(_names_head(s)) and _unlabelled_rule(s, v, under_title=True) in (
        "name_under_title",
        "name_with_role",
    )


def _names_head(s: str) -> str:
    """The part of a name line before its first comma (the names before a role or outlet)."""
    return s.split(",", 1)[0]


_FIELD_LINE = regex_compile(rf"^[^\W\d][\w .'’-]{{0,{MAX_FIELD_LABEL - 1}}}\s*[:：]")


# Characters within which the colon after a byline label stands (the longest label,
# "photos and text by", is 18 characters; a few blanks around it).
_LABEL_REACH = 24


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """The byline labels of ``data/metadata.json``, casefolded, without a trailing colon."""
    raw = read_json("metadata.json", keys=("byline_labels",))["byline_labels"]
    return frozenset(w.casefold().rstrip(":：").strip() for w in _words(raw))


def _colon_label(s: str) -> int | None:
    """Where the text after a byline label and its colon starts ("Author: Jo" → 8), or None.

    The part before the first colon must be a byline label, whole: a set
    look-up, since every line of the story is tried.
    """
    colon = s.find(":", 0, _LABEL_REACH)
    wide = s.find("：", 0, _LABEL_REACH)
    if wide >= 0 and (colon < 0 or wide < colon):
        colon = wide
    if colon <= 0 or s[:colon].strip().casefold() not in _label_words():
        return None
    end = colon + 1
    while end < len(s) and s[end].isspace():
        end += 1
    return end


def story_label_byline(
    parts: Sequence[str], start: int, taken: set[int], v: _Vocab
) -> tuple[list[Line], list[str]] | None:
    """A byline with a label and a colon in the story or its end matter, and its names, or None.

    Many sites sign a story at its end, or between its paragraphs and the tags:
    "Autor: Jan Roe", "Par : Jean Roe |", or the label alone with the name on
    the next line ("Автор:" / "Іван Петренко"). Read from line ``start`` (the
    prose run) on, only when it is the one such line of the text, with a
    colon after the label (a sentence opening "By the ..." has none), names
    only after it, and no "Label: value" field line around it: a record such
    as a book box ("Title: ..." / "Author: Jane Doe" / "Publisher: ...") names
    someone else.
    """
    found: tuple[list[int], list[str]] | None = None
    labels = 0
    limit = min(len(parts), MAX_LINES)
    for i in range(start, limit):
        s = parts[i].strip()
        if not s or len(s) > MAX_STORY_BYLINE or i in taken:
            continue
        end = _colon_label(s)
        if end is None:
            continue
        labels += 1
        if labels > 1:
            return None  # two signed lines: comments or a list of quotes, not the story's byline
        if end < len(s):
            used, names = [i], parse_byline(s)
        else:
            j = next((k for k in range(i + 1, limit) if parts[k].strip()), None)
            line = parts[j].strip() if j is not None else ""
            if j is None or j in taken or len(line) > MAX_STORY_BYLINE or not _only_names(line, v):
                continue
            used, names = [i, j], parse_byline(line, labelled=False)
        if not names:
            continue
        before = next((parts[k].strip() for k in range(used[0] - 1, start - 1, -1) if parts[k].strip()), "")
        after = next((parts[k].strip() for k in range(used[-1] + 1, limit) if parts[k].strip()), "")
        if any(len(x) <= MAX_STORY_BYLINE and _FIELD_LINE.match(x) for x in (before, after)):
            return None
        found = (used, names)
    if found is None:
        return None
    lines = [line_at(parts, k) for k in found[0]]
    return lines, found[1]


# A time of day on a line ("5:21 PM", "14.30 Uhr", "10h00").
_CLOCK = regex_compile(r"(?<!\d)" + _HOUR + r"(?:[:.][0-5]\d|h[0-5]\d)(?!\d)")


def _dated(s: str, v: _Vocab) -> bool:
    """Whether a line holds a date or a time of day."""
    if _DIGIT.search(s) is None:
        return False  # each of the three patterns needs a digit
    return bool(v.month_date.search(s) or _NUMERIC_DATE.search(s) or _CLOCK.search(s))


def _without_date_lead(s: str) -> str:
    """``s`` without the date labels and weekdays that open it ("Published Tuesday, November 6 ..." → "November 6 ...")."""
    words = s.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].casefold().strip(":,.") in _date_words():
        k += 1
    return " ".join(words[k:])


def story_dated_byline(
    parts: Sequence[str], start: int, taken: set[int], gaps: Callable[[], set[int]], v: _Vocab
) -> tuple[list[Line], list[str], str] | None:
    """A byline printed with its date, or its label, where the story ends: its lines, names and rule.

    Blogs and site templates sign a post under it with the date beside the
    label: "Posted by Jane Doe at 5:21 PM", "Published Tuesday, November 6,
    2012 12:21 PM by Jane Doe", "Publié par Jean Roe à 10h00", or the date
    line, the label alone and the names on three lines ("Published Tuesday,
    November 06, 2012" / "by" / "Jane Doe"; the date line may be gone already,
    ``gaps`` gives where the date stage took lines out). Read from line ``start`` (the
    prose run) on, only when it is the one such signature of the text (a
    comment thread or a list of posts signs every item the same way), at most
    :data:`MAX_STORY_BYLINE` characters long; a sentence that opens with a
    label ("By 5:30 PM the square was full") names no one after it, and a
    one-word name is a commenter's user name, not read here. Rule
    ``dated_in_story``; under the same conditions a labelled line with no
    date is one too ("By Jane Doe" under the last paragraph, "Posted by Jane
    Doe | Permalink"; rule ``label_under_story``), unless a "Label: value"
    field line stands right before or after it (a book record). A labelled
    line whose names go on into a relative clause ("by Jane Doe, who teaches
    music in a small town", :data:`RELATIVE_PRONOUNS`) is a sentence of
    the post: its names are read and no line is returned (it stays).
    """
    found: tuple[list[int], list[str], str] | None = None
    limit = min(len(parts), MAX_LINES)
    # every line of the story is read: the non-blank ones stripped, their short ones picked
    # and their label heads looked up in C-level passes, a Python step only per short line
    stripped = list(map(str.strip, parts[start:limit]))
    filled = list(itertools.compress(range(start, limit), stripped))
    texts = list(filter(None, stripped))
    opens = may_open_each(v.byline_label, texts)
    short = map(operator.le, map(len, texts), itertools.repeat(MAX_STORY_BYLINE))
    digit = _DIGIT.search
    for n in itertools.compress(range(len(texts)), short):
        i, s = filled[n], texts[n]
        if i in taken:
            continue
        # (the digit test of _dated first, here: most story lines hold no digit)
        dated = digit(s) is not None and _dated(s, v)
        if not dated and not opens[n]:
            continue  # no byline label opens the line: neither label pattern (the same entries) matches
        used: list[int] = []
        names: list[str] | None = None
        rule = "dated_in_story"
        if dated or v.byline_label.match(s):
            names = parse_byline(_without_date_lead(s))
            used = [i]
            rule = "dated_in_story" if dated else "label_under_story"
        elif v.byline_label_only.match(s) and 0 < n < len(filled) - 1:
            before, j = parts[filled[n - 1]].strip(), filled[n + 1]
            after = parts[filled[n + 2]].strip() if n + 2 < len(filled) else ""
            line = parts[j].strip()
            if (
                (
                    _date_line(before, v)
                    or (bool(after) and _date_line(after, v))
                    or line_at(parts, i).start in gaps()
                )
                and j not in taken
                and len(line) <= MAX_STORY_BYLINE
                and _only_names(line, v)
            ):
                names = parse_byline(line, labelled=False)
                used = [i, j]
        if not names or any(len(name.split()) < 2 for name in names):
            continue  # a one-word name after a dated label signs comments ("Posted by jdoe78 at ...")
        if rule == "label_under_story" and any(
            0 <= k < len(filled) and _FIELD_LINE.match(parts[filled[k]].strip()) for k in (n - 1, n + 1)
        ):
            continue  # a record ("Title: ..." / "Author: Jane Doe" / "Publisher: ...") names someone else
        if found is not None:
            return None  # two signatures: comments or a list of posts, not the story's byline
        if rule == "label_under_story" and _CLAUSE_AFTER_NAMES.search(s):
            used = []  # "by Jane Doe, who teaches ...": a sentence of the post, read but kept
        found = (used, names, rule)
    if found is None:
        return None
    return [line_at(parts, k) for k in found[0]], found[1], found[2]
