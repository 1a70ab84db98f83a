"""Title, site name, section, byline and dateline from the header of a capture.

The stage looks at two places only:

* the **header zone**: the lines before the densest run of prose (found in one
  pass with a maximum-sum run over per-line scores: prose lines count their
  length, other lines a penalty; the run-scoring idea follows jusText's
  context-sensitive paragraph classes and the text-density measure of
  Kohlschütter et al., 2010, "Boilerplate detection using shallow text
  features"; a consent or comment notice written as a sentence does not
  start it, see :func:`story_start`);
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

The work is split by concern: the header zone, vocabularies and line shapes
in :mod:`newsclean.stages._header`, title lines in
:mod:`newsclean.stages._title`, bylines in :mod:`newsclean.stages._byline`,
datelines in :mod:`newsclean.stages._dateline`; this module holds the stage.
Vocabularies are in ``data/metadata.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsclean.article import Dateline
from newsclean.document import Change, Document
from newsclean.layout import is_prose, prose_start, story_prose
from newsclean.lazyre import regex_compile
from newsclean.protocol import stage
from newsclean.stages._byline import (
    _agencies,
    _date_line,
    _lone_date_word,
    _name_beside_date,
    _unlabelled_rule,
    agency_credit,
    may_hold_role,
    parse_byline,
    read_byline,
    row_names,
    site_byline,
    with_role,
)
from newsclean.stages._byline_far import (
    bio_byline,
    name_above_headline,
    name_over_dateline,
    name_over_story,
    story_dated_byline,
    story_label_byline,
)
from newsclean.stages._dateline import parse_dateline
from newsclean.stages._header import (
    _SENTENCE_BREAK,
    MAX_LINES,
    _fold,
    _norm,
    _Vocab,
    _vocab,
    _with_offsets,
)
from newsclean.stages._lines import Line, delete_line, line_at
from newsclean.stages._title import (
    LEDE_LINES,
    LEDE_SUPPORT,
    TitleSplit,
    _breadcrumb,
    _clean_repeat,
    _crumb_is_section,
    _repeats,
    _sentence_title,
    _title_like,
    _title_text,
    cued_title_copy,
    fuller_headline,
    headline_similarity,
    lede_support,
    piped_title,
    split_title,
    story_headline,
)
from newsclean.stages.boilerplate_vocab import line_concept
from newsclean.stages.encoding import repair_text

__all__ = [
    "WRITTEN_HEADING",
    "TitleSplit",
    "extract_metadata",
    "is_prose",
    "parse_byline",
    "parse_dateline",
    "prose_start",
    "split_title",
    "written_heading",
]

STAGE = "extract_metadata"

#: Header-zone size used when the text has no prose at all.
NO_PROSE_ZONE = 30
#: Non-empty header lines in which the title is looked for.
TITLE_SCAN = 25
#: Non-empty lines before the prose run in which a byline is looked for.
BYLINE_SCAN = 15
#: Non-empty lines from the start of the prose run in which a labelled byline is
#: still looked for: a teaser or caption sentence may start the run above the
#: byline ("Headline" / "Teaser sentence." / "By Jane Doe" / story).
BYLINE_IN_PROSE = 6
#: Lines from the start of the prose run in which a dateline paragraph is looked for.
DATELINE_SCAN = 12
#: Date lines passed over under a headline copy before the line where a bare name
#: line may stand ("Headline" / "Published Nov 20, 2019 4:29 AM" / "Jane Doe").
UNDER_TITLE_DATE_LINES = 2
#: Most non-empty lines between a bare name line under the text's first line (its only title
#: line) and the start of the story. A plain article prints "Headline" / "Jane Doe" / the story;
#: a capture opens with the page ``<title>`` and a navigation bar under it ("Search Input",
#: "Policy Guide", "Become A Member"), far from the story.
FIRST_TITLE_STORY_REACH = 3
#: Most interface lines (share buttons, a comment count, a photo caption or credit: the
#: ``WIDGET_CONCEPTS`` of the boilerplate vocabularies) passed over between a headline copy
#: and a bare name line under it ("Headline" / "Share" / "Tweet" / "Email" / "Jane Doe"): a
#: share bar holds up to six buttons (Facebook, Twitter, LinkedIn, e-mail, print, comments).
MAX_WIDGET_LINES = 6
#: Boilerplate concepts (``data/boilerplate.json``) of the interface lines passed over.
WIDGET_CONCEPTS = frozenset({"share", "comments", "caption"})
#: Most lines passed over between the story's first line and the headline over it when
#: the header gave no title (see ``_headline_over_story``): a bureau or byline line, an
#: "Advertisement" label, a "Listen" button and a date line sit there on news pages.
STORY_HEAD_SKIP = 4
#: Fewest words of a line that may be the headline over the story; shorter lines there
#: are passed over as labels and buttons.
MIN_HEAD_WORDS = 3
#: Shortest run of ``=`` that underlines a heading (Markdown's setext heading,
#: the title line of :meth:`newsclean.Article.to_text`).
MIN_UNDERLINE = 3

#: Reason of the decision recorded when the text opens with a heading marked as
#: written: an underlined title, or an empty heading (an underline alone, then a
#: blank line). Such a text is an article's own rendering
#: (:meth:`newsclean.Article.to_text`); later stages read it as a story, not as a page.
WRITTEN_HEADING = "written_heading"


_UNDERLINE = regex_compile(rf"[ \t]*={{{MIN_UNDERLINE},}}[ \t]*")
#: What every :data:`_UNDERLINE` match holds: a text without it opens with no written heading.
_UNDERLINE_MARK = "=" * MIN_UNDERLINE


def story_start(parts: Sequence[str], language: str | None) -> int | None:
    """The first line of the densest prose run: the shared :func:`newsclean.layout.prose_start`.

    A notice written as a sentence above the story (a consent banner, a
    comment policy, a newsletter pitch: "This website uses cookies to ...")
    reads as prose by its shape, but the shared reading of the line judges it
    page furniture, so it does not open the run and end the header zone above
    the headline's byline.

    >>> story_start(["Headline here", "We use cookies to improve your experience on our site and to show you ads.",
    ...              "Jane Doe", "The council approved the plan on Monday after a long debate, officials said."], "en")
    3
    """
    return prose_start(parts, language)


# -- the stage ------------------------------------------------------------------
def _first_line(parts: Sequence[str]) -> tuple[int, str, str] | None:
    """The first non-blank line among the first :data:`TITLE_SCAN`: its index, it, and the line after it."""
    for i, part in enumerate(parts[:TITLE_SCAN]):
        if part.strip():
            return i, part, parts[i + 1] if i + 1 < len(parts) else ""
    return None


def _underlined_title(parts: Sequence[str]) -> int | None:
    """Index of the first non-blank line when the next line underlines it with ``=``.

    An underlined first line is a heading as the writer marked it (a Markdown
    setext heading, the title line of :meth:`newsclean.Article.to_text`): it is
    the title as written, with no site name or breadcrumb to split off. Its length
    is not bounded: a Markdown heading has no limit, and the rendering writes the
    title an Article has, which a page's ``<title>`` may make thousands of
    characters long (a bound made such a title a paragraph, and its underline a
    separator, when the rendering was cleaned again).
    """
    first = _first_line(parts)
    if first is None:
        return None
    i, part, nxt = first
    return i if _UNDERLINE.fullmatch(nxt) and not _UNDERLINE.fullmatch(part) else None


def written_heading(text: str) -> bool:
    """Does ``text`` open with a heading marked as written (an underlined title or an empty heading)?

    Such a text is an article's own rendering (:meth:`newsclean.Article.to_text`):
    stages that run before this one read it as a story, not as a page.

    >>> written_heading("Vote delayed\\n============\\n\\nThe vote was delayed.")
    True
    >>> written_heading("Vote delayed | The Courier\\nThe vote was delayed.")
    False
    """
    if _UNDERLINE_MARK not in text:
        return False  # both headings need an underline, and every underline holds the mark
    parts = text.split("\n", TITLE_SCAN + 1)[: TITLE_SCAN + 1]
    return _underlined_title(parts) is not None or _empty_heading(parts) is not None


def _empty_heading(parts: Sequence[str]) -> int | None:
    """Index of the first non-blank line when it is an underline alone, followed by a blank line.

    An underline over nothing is an empty heading: the text says, as written, that
    it has no title (the rendering of an Article without one,
    :meth:`newsclean.Article.to_text`). No line below it is read as the title.
    """
    first = _first_line(parts)
    if first is None:
        return None
    i, part, nxt = first
    return i if _UNDERLINE.fullmatch(part) and not nxt.strip() else None


def _under_headlines(
    zone: Sequence[Line],
    title_lines: Sequence[int],
    taken: set[int],
    v: _Vocab,
    *,
    dates: set[int] | None = None,
    language: str | None = None,
) -> set[int]:
    """The line under each headline copy where a bare name line may stand.

    The date lines passed over on the way are added to ``dates`` when given
    (a row that opens with the date may hold the names: "Nov 18, 2019 • Jane Doe").
    Under a headline copy (not the capture's first line, where a navigation
    bar holds such buttons too), up to :data:`MAX_WIDGET_LINES` interface
    lines of the page's language (:data:`WIDGET_CONCEPTS`: "Share", "Tweet",
    "0 Comments", a photo caption) are passed over as well.

    The first line after the copy that is not a date line; at most
    :data:`UNDER_TITLE_DATE_LINES` date lines ("Published Wed, Nov 20 2019",
    "Nov. 20, 2019 1:35 a.m.") are passed over. Under the page's first title
    line (the ``<title>`` of a capture, followed by a navigation bar) only
    when it is the only title line, and then only when the story starts within
    :data:`FIRST_TITLE_STORY_REACH` lines under the name line. ``zone`` holds
    the header zone's non-blank lines in order (:func:`_with_offsets`).
    """
    out: set[int] = set()
    heads = title_lines if len(title_lines) == 1 else title_lines[1:]
    first = next((ln.index for ln in zone if ln.text.strip()), None)
    for head in heads:
        skipped = widgets = 0
        for at, ln in enumerate(zone):
            if ln.index <= head or ln.index in taken or not ln.text.strip():
                continue
            if skipped < UNDER_TITLE_DATE_LINES and _date_line(ln.text.strip(), v):
                skipped += 1
                if dates is not None:
                    dates.add(ln.index)
                continue
            if (
                head != first
                and widgets < MAX_WIDGET_LINES
                and line_concept(ln.text, language) in WIDGET_CONCEPTS
            ):
                widgets += 1
                continue
            # the zone's lines are the non-blank ones, in order: those after this one
            between = len(zone) - at - 1
            if head != first or between <= FIRST_TITLE_STORY_REACH:
                out.add(ln.index)
            break
    return out


# A line in brackets (a photo credit, "(Jane Roe / Agency)") or ending in a separator
# (a section label, "NATIONAL /") is no headline.
_UNHEADED = regex_compile(r"^[(\[].*[)\]]$|[/|\-–—>»]$")
# A photo caption ends with its credit in brackets: "... in Florence, Ky. (Jane Roe for The
# Courier)", "... on Monday. (Jane Roe/Agency)".
_CREDIT_END = regex_compile(r"\(([^()]{3,80})\)$")


def _credit_ended(s: str) -> bool:
    """Whether a line ends with a bracketed credit that names people (a photo caption)."""
    m = _CREDIT_END.search(s)
    return m is not None and bool(parse_byline(m.group(1).split("/")[0], labelled=False))


def _headline_over(
    parts: Sequence[str], byline: int, title_line: int, taken: set[int], v: _Vocab
) -> Line | None:
    """The headline-shaped line right over a byline line, below the title line, or None.

    At most :data:`UNDER_TITLE_DATE_LINES` date lines may stand between them
    ("Headline" / "Nov 20, 2019" / "By Jane Doe"); a line in brackets or ending
    in a separator is none (:data:`_UNHEADED`), nor a photo caption ending with
    its credit (:func:`_credit_ended`).
    """
    skipped = 0
    i = byline - 1
    while i > title_line:
        s = parts[i].strip()
        if not s:
            i -= 1
            continue
        if skipped < UNDER_TITLE_DATE_LINES and _date_line(s, v):
            skipped += 1
            i -= 1
            continue
        if i in taken or len(s.split()) < 3 or _UNHEADED.search(s) or _credit_ended(s):
            return None
        if not _title_like(s, v):
            return None
        return line_at(parts, i)
    return None


def _headline_over_story(parts: Sequence[str], story: int, taken: set[int], v: _Vocab) -> Line | None:
    """The headline-shaped line over the story's first line, when the story repeats it, or None.

    Read only when the header gave no title line. At most
    :data:`STORY_HEAD_SKIP` lines between them are passed over: short lines of
    fewer than :data:`MIN_HEAD_WORDS` words (a bureau name, "Advertisement",
    "Listen"), date lines and lines already taken (a breadcrumb). The line must
    be headline-shaped (as :func:`_headline_over` asks) and one sentence at most
    (two sentences there are a deck or a teaser), and the story's first
    :data:`LEDE_LINES` lines must repeat at least :data:`LEDE_SUPPORT` of its
    content words (:func:`lede_support`): a navigation item or a related
    story's headline there is not restated by the story.
    """
    skipped = 0
    i = story - 1
    while i >= 0 and skipped <= STORY_HEAD_SKIP:
        s = parts[i].strip()
        if not s:
            i -= 1
            continue
        if i in taken or len(s.split()) < MIN_HEAD_WORDS or _date_line(s, v):
            skipped += 1
            i -= 1
            continue
        if _UNHEADED.search(s) or _credit_ended(s) or _SENTENCE_BREAK.search(s) or not _title_like(s, v):
            return None
        lede = " ".join(parts[story : story + LEDE_LINES])
        return line_at(parts, i) if lede_support(s, lede) >= LEDE_SUPPORT else None
    return None


def _removed_date_lines(doc: Document) -> set[int]:
    """Offsets in the current text where ``normalize_dates`` took a date line out.

    Each removed line leaves a point in the text (its ``at`` offset), moved by
    every later edit made before it.
    """
    points: list[int] = []
    for e in doc.edits[doc.base_index :]:
        if e.at is None:
            continue
        end = e.at + len(e.before)
        shift = len(e.after) - len(e.before)
        if shift:
            # a point after the edit moves with it; a point inside a removed span goes to its start
            points = [p + shift if p >= end else (e.at if p > e.at else p) for p in points]
        if e.stage == "normalize_dates" and e.reason == "date_line":
            points.append(e.at)
    return set(points)


def _standalone(title: str, repaired: list[tuple[str, str]]) -> str:
    """``title``, a piece of a title line, repaired as a line of its own (noted in ``repaired``).

    The title is written on a line of its own (the rendering,
    :meth:`newsclean.Article.to_text`), so it gets what ``fix_encoding`` does to
    such a line: a bidi mark that right-to-left script elsewhere on the line
    kept (``Title\\u200f | سايت``) has no effect once the site name is split off.
    """
    after = " ".join(repair_text(title).split())
    if after and after != title:
        repaired.append((title, after))
        return after
    return title


def _printed_roles(line: str, names: Sequence[str]) -> list[tuple[str | None, str]]:
    """The roles a byline line taken for ``names`` prints: of those names, or of an office alone.

    The line is read as a labelled byline, else as names without a label
    (:func:`~newsclean.stages._byline.read_byline`); a role of a name the rule
    did not take is left out, and an office (a role with no name) only counts
    on a line that names no person.
    """
    if not may_hold_role(line):
        return []  # (most bylines: no role word, and a second reading of the line costs)
    reading = read_byline(line) or read_byline(line, labelled=False)
    if reading is None:
        return []
    return [(a, r) for a, r in reading.roles if (a in names if a is not None else not reading.names)]


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
    first_prose = story_start(parts, language)
    zone_end = first_prose if first_prose is not None else min(len(parts), NO_PROSE_ZONE)
    zone = _with_offsets(parts, zone_end)

    changes: list[Change] = []
    fields: dict[str, Any] = {}
    repaired: list[tuple[str, str]] = []
    taken: set[int] = set()
    given = doc.get("title")
    title: str | None = given
    last_title = -1
    title_lines: list[int] = []

    underlined = _UNDERLINE_MARK in text  # either heading needs an underline
    marked = _underlined_title(parts) if title is None and underlined else None
    if marked is not None:
        for ln in _with_offsets(parts, marked + 2)[-2:]:
            changes.append(delete_line(text, ln, "title", "extract"))
            taken.add(ln.index)
        title = parts[marked].strip()
        fields["title"] = title
        last_title = marked + 1
        title_lines.append(marked)
    empty = _empty_heading(parts) if title is None and marked is None and underlined else None
    if empty is not None:
        ln = _with_offsets(parts, empty + 1)[-1]
        changes.append(delete_line(text, ln, "title", "extract"))
        taken.add(ln.index)
        last_title = empty
    if title is None and empty is None:
        for pos, ln in enumerate(zone[:TITLE_SCAN]):
            s = ln.text.strip()
            # a first line written as a sentence ("Headline runs today."): the headline
            # copy below, the same words without the full stop, names the title
            copy = _clean_repeat(ln.text, zone[1:], v) if pos == 0 and _sentence_title(s, v) else None
            if pos == 0 and copy is None:
                # a first line opening with an interface cue, its headline printed again below
                copy = cued_title_copy(ln.text, zone[1:], v)
            # a first line that ends in a site name or tagline written as a sentence
            piped = piped_title(ln.text, v) if pos == 0 and copy is None and is_prose(s) else None
            if story_prose(s, language) and copy is None and piped is None:
                break  # a title never follows running text
            crumbs = _breadcrumb(s, v, language)
            if crumbs and crumbs.pure:
                changes.append(delete_line(text, ln, "breadcrumb", "remove"))
                taken.add(ln.index)
                last = crumbs.items[-1] if crumbs.items else ""
                if _crumb_is_section(last, v) and not doc.get("section"):
                    fields.setdefault("section", last)
                continue
            if copy is None and piped is None and not _title_like(s, v, first=pos == 0):
                continue
            repeat = None if piped is not None else copy or _clean_repeat(ln.text, zone[pos + 1 :], v)
            split = piped or split_title(ln.text, repeat=repeat, language=language)
            if not _title_text(split.title):
                split = TitleSplit(s, None, None, ((0, len(ln.text), "title"),))
            if (
                first_prose is None
                and len(split.pieces) == 1
                and repeat is None
                and not any(later.text.strip() == s for later in zone[pos + 1 :])
            ):
                # no running text to head: a bare short line is a note, not a title,
                # unless the header prints it again (the page <title> and its h1)
                break
            changes.extend(_piece_changes(text, ln, split))
            taken.add(ln.index)
            last_title = ln.index
            title_lines.append(ln.index)
            title = _standalone(split.title, repaired)
            fields["title"] = title
            if split.site_name and not doc.get("site_name"):
                fields["site_name"] = split.site_name
            if split.section and not doc.get("section"):
                fields["section"] = split.section
            break

    title_rule = "underlined" if marked is not None else "header_line"
    if title is None and empty is None and first_prose is not None:
        # no title line in the header: the headline printed over the story, which it restates
        over = _headline_over_story(parts, first_prose, taken, v)
        if over is not None:
            changes.append(delete_line(text, over, "title", "extract"))
            taken.add(over.index)
            last_title = over.index
            title_lines.append(over.index)
            title = _standalone(over.text.strip(), repaired)
            fields["title"] = title
            title_rule = "over_story"

    # An underlined heading is the text's own (a rendering of a cleaned article): the
    # title's repeats are gone, and only labelled bylines are read under it.
    if title and marked is None:
        normed = _norm(title)
        folded_title = _fold(title)
        # _repeats needs a stripped length in [0.8, 1.2] x the title's (+ 60): the raw
        # length bounds the stripped one from above, so shorter lines are skipped unread
        shortest = len(title) * 0.8
        for ln in zone:
            if ln.index in taken or ln.index < last_title or len(ln.text) < shortest:
                continue
            if _repeats(ln.text, title, normed, folded_title) and not parse_byline(ln.text):
                # (a byline naming the outlet that is the title is no repeat: "By Ann Lee, The Courier")
                changes.append(delete_line(text, ln, "title", "extract"))
                taken.add(ln.index)
                last_title = ln.index
                title_lines.append(ln.index)
                if given is None and fuller_headline(ln.text, title, v):
                    # the page title shortened the headline printed over the story
                    title = ln.text.strip()
                    fields["title"] = title
                    normed, folded_title = _norm(title), _fold(title)

    similarity = 1.0
    if given is None and title_rule == "header_line" and title and len(title_lines) == 1:
        # no copy of the page title over the story: a reworded headline there wins
        later = [ln for ln in zone if ln.index > last_title and ln.index not in taken]
        found = story_headline(title, later, v, title_line=(last_title, parts[last_title]))
        if found is not None:
            similarity = found[1]
            title = found[0].text.strip()
            fields["title"] = title
            title_rule = "story_headline"
            # every copy of the new headline is a title line (the h1 and a share
            # widget's copy): the byline windows are read around all of them
            normed, folded_title = _norm(title), _fold(title)
            for ln in later:
                if ln is found[0] or _repeats(ln.text, title, normed, folded_title):
                    changes.append(delete_line(text, ln, "title", "extract"))
                    taken.add(ln.index)
                    last_title = ln.index
                    title_lines.append(ln.index)

    # bylines: after the last title line, close to the prose
    # (with no prose at all, every header line: a second pass, which no longer sees the
    # title line, reads them all too, so a byline above the title is taken at once)
    after_title = [
        ln for ln in zone if (ln.index > last_title or first_prose is None) and ln.index not in taken
    ]
    # the lines right under the last title line and the lines right above the prose
    tail = after_title[-BYLINE_SCAN:]
    candidates = [ln for ln in after_title[:BYLINE_SCAN] if not tail or ln.index < tail[0].index] + tail
    # under an earlier copy of the headline (the page's h1 when the last copy is a
    # share or print widget): labelled bylines and names with a role or an
    # agency, not a bare name line (under the page's first title line comes a
    # navigation bar, and "Sign In" reads as a name)
    labelled_only: set[int] = set()
    earlier: set[int] = set()
    for t in title_lines[:-1]:
        near = [ln for ln in zone if t < ln.index < last_title and ln.index not in taken][:BYLINE_SCAN]
        earlier.update(ln.index for ln in near)
    if earlier:
        listed = {ln.index for ln in candidates}
        candidates = [ln for ln in zone if ln.index in earlier and ln.index not in listed] + candidates
    in_prose = 0  # the first short lines of the prose run: labelled bylines only
    if first_prose is not None:
        pos = sum(map(len, parts[:first_prose])) + first_prose  # each line and its newline
        for i in range(first_prose, len(parts)):
            part = parts[i]
            if in_prose >= BYLINE_IN_PROSE:
                break
            if part.strip():
                in_prose += 1
                if i > last_title and not story_prose(part.strip(), language):
                    candidates.append(Line(i, pos, pos + len(part), part))
                    labelled_only.add(i)
            pos += len(part) + 1
    # the line right under a found headline may be a bare name line ("Jane Doe")
    written = marked is not None or empty is not None
    if written:
        # under a heading marked as written no line is a byline: an article's rendering
        # has had its byline taken, so a line opening with "By" there is the text's own
        # (a byline the first cleaning left above its title comes right under the
        # rendered title). A hand-written page with such a heading keeps its byline
        # line as text: no author field, and no text lost.
        candidates = []
    dated_rows: set[int] = set()  # date lines under a headline copy: a row of fields may hold the names
    under_title = (
        _under_headlines(zone, title_lines, taken, v, dates=dated_rows, language=language)
        if first_prose is not None
        else set()
    )
    authors: list[str] = []
    agencies: list[str] = []
    roles: list[tuple[str | None, str]] = []
    byline_rules: list[str] = []
    byline_at: list[int] = []

    def take(
        used: Sequence[Line], names: Iterable[str], rule: str, *, agency_text: str | None = None
    ) -> None:
        """Take ``used`` out as byline lines: their names, agencies and the rule that read them."""
        named = list(names)
        for u in used:
            changes.append(delete_line(text, u, "byline", "extract"))
            taken.add(u.index)
            byline_at.append(u.index)
            roles.extend(r for r in _printed_roles(u.text, named) if r not in roles)
        authors.extend(n for n in named if n not in authors)
        if agency_text is not None:
            agencies.extend(a for a in _agencies(agency_text, v) if a not in agencies)
        byline_rules.append(rule)

    removed: list[set[int]] = []  # (a list, not functools.cache: a cache wrapper per capture costs more)

    def gaps() -> set[int]:
        """Where the date stage took date lines out, read from the edit log once and only if asked."""
        if not removed:
            removed.append(_removed_date_lines(doc))
        return removed[0]

    def dated(ln: Line) -> bool:
        """Whether a date line is next to ``ln`` (kept, or taken out by the date stage).

        A date label or weekday alone on the next line may print the date under
        it ("Published" / "11:26 pm EST, Tuesday, November 19, 2019").
        """
        before = parts[ln.index - 1].strip() if ln.index > 0 else ""
        after = parts[ln.index + 1].strip() if ln.index + 1 < len(parts) else ""
        end = ln.end
        if _lone_date_word(after) and ln.index + 2 < len(parts):
            end += 1 + len(parts[ln.index + 1])  # read under the label: its date line, or where it was
            after = parts[ln.index + 2].strip()
        return (
            (bool(before) and _date_line(before, v))
            or (bool(after) and _date_line(after, v))
            or ln.start in gaps()
            or end + 1 in gaps()
        )

    # wire services credited alone where a byline goes: recorded on the byline decision,
    # the line left to the body stages (a photo credit has the same shape)
    credited: list[str] = []
    # the page's own name, printed after the names of an unlabelled byline
    site = fields.get("site_name") or doc.get("site_name")
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
        if names is None and not byline_rules:
            # only while no byline is read: after one, "Jane Doe/Site" lines are
            # mostly photo credits under the story's pictures
            names = site_byline(s, site, v)
            used, rule = [ln], "name_with_site"
        if names is None:
            nxt = parts[ln.index + 1].strip() if ln.index + 1 < len(parts) else ""
            rule = _unlabelled_rule(s, v, under_title=ln.index in under_title, handle_next=nxt)
            if ln.index in labelled_only and (
                rule != "name_with_role" or byline_rules or not with_role(s, v)
            ):
                # in the prose run, while no byline is read: names with their role only ("Jane
                # Doe, Staff Writer"); "Jane Doe, AP" there is a photo credit under a picture
                rule = None
            if rule is not None:
                names = parse_byline(s, labelled=False) or None
                used = [ln]
            elif ln.index in under_title or ln.index in dated_rows:
                # "Politics | Jane Doe | Nov 18, 2019", "Nov 18, 2019 • Jane Doe • 4 min read"
                names = row_names(s, v)
                used, rule = [ln], "name_in_row"
        if names is not None and rule is not None:
            take(used, names, rule, agency_text=" / ".join(u.text.strip() for u in used))
            i += len(used)
            continue
        credit = agency_credit(s, v) if names is None else None  # read once: agency, date on the line
        if credit and (credit[1] or dated(ln)) and credit[0] not in credited:
            credited.append(credit[0])
        i += 1
    if not byline_rules and first_prose is not None and not written:
        # no byline near the headline or the prose: a labelled one elsewhere in the
        # header zone, the nearest to the story first ("By Jane Doe" under a
        # headline that a long list of links separates from the story)
        seen = {ln.index for ln in candidates}
        for ln in reversed(zone):
            if ln.index in taken or ln.index in seen or ln.index < last_title:
                continue
            names = parse_byline(ln.text)
            if names:
                take([ln], names, "label_far", agency_text=ln.text)
                break

    def take_name_line(ln: Line | None, rule: str) -> None:
        """Take ``ln`` as the byline when it reads as names without a label."""
        names = parse_byline(ln.text, labelled=False) if ln is not None else None
        if ln is not None and names:
            take([ln], names, rule, agency_text=ln.text)

    if not byline_rules and first_prose is not None and len(title_lines) > 1 and not written:
        # no byline yet: a bare name line printed with the date under a headline copy
        # and its deck (not under a capture's first title line: a navigation bar follows it)
        removed_dates = gaps()
        beside = _name_beside_date(parts, title_lines[1:], taken, removed_dates, v)
        names = parse_byline(beside.text, labelled=False) if beside is not None else None
        if beside is not None and names:
            take([beside], names, "name_beside_date")
        else:
            # a bare name line after a date line, in a header row above a headline copy
            above = name_above_headline(parts, title_lines[1:], taken, removed_dates, v)
            names = (
                parse_byline(above.text.strip().lstrip("•·*"), labelled=False) if above is not None else None
            )
            if above is not None and names:
                take([above], names, "name_above_headline")
    if not byline_rules and first_prose is not None and not written:
        # still none: a name line between a headline-shaped line and the date over the story
        take_name_line(name_over_story(parts, first_prose, taken, gaps, v), "name_over_story")
    if not byline_rules and first_prose is not None and not written:
        # still none: a name line just above the story's dateline paragraph
        take_name_line(name_over_dateline(parts, first_prose, taken, v), "name_over_dateline")
    if not byline_rules and first_prose is not None and not written:
        # still none: a bare name line of the header that the story's author box names
        bio = bio_byline(zone, parts[first_prose:], taken, v)
        if bio is not None:
            take([bio[0]], bio[1], "name_with_bio")
    if not byline_rules and first_prose is not None and not written:
        # none in the header: a byline with a label and a colon where the story ends
        signed = story_label_byline(parts, first_prose, taken, v)
        if signed is not None:
            take(signed[0], signed[1], "label_in_story")
    if not byline_rules and first_prose is not None and not written:
        # none yet: a byline printed with its date, or its label alone, where the story ends
        # ("Posted by Jane Doe at 5:21 PM", "By Jane Doe")
        under = story_dated_byline(parts, first_prose, taken, gaps, v)
        if under is not None:
            take(under[0], under[1], under[2])
    if not byline_rules and first_prose is not None and not written and len(title_lines) > 1:
        # last: a labelled one between the first title line and the last copy of the
        # headline (a share widget repeats it far under the byline), the nearest to that copy first
        for ln in reversed(zone):
            if ln.index in taken or not title_lines[0] < ln.index < last_title:
                continue
            names = parse_byline(ln.text)
            if names:
                take([ln], names, "label_far", agency_text=ln.text)
                break
    if authors and not doc.get("authors"):
        fields["authors"] = authors
    if given is None and title_rule == "header_line" and len(title_lines) == 1 and byline_at:
        # the page title has no copy over the story, and a byline was read: the headline
        # printed right over the byline (date lines passed over) is the story's own
        over = _headline_over(parts, min(byline_at), title_lines[0], taken, v)
        if over is not None:
            similarity = headline_similarity(title or "", over.text.strip())
            title = over.text.strip()
            fields["title"] = title
            title_rule = "over_byline"
            changes.append(delete_line(text, over, "title", "extract"))
            taken.add(over.index)

    # dateline: the first body paragraph, which may follow a caption or a teaser
    if first_prose is not None and not doc.get("dateline"):
        for part in parts[first_prose : first_prose + DATELINE_SCAN]:
            s = part.strip()
            if s and story_prose(s, language):
                dl = parse_dateline(s)
                if dl is not None:
                    if dl.agency is None and len(agencies) == 1:
                        # the wire service the byline credits ("By Jane Doe, Reuters") over a
                        # dateline that names none ("LONDON - ...")
                        dl = Dateline(dl.place, agencies[0])
                    fields["dateline"] = dl
                    break

    out = doc.with_edits(STAGE, changes)
    if fields:
        out = out.with_fields(**fields)
    if written:
        # the text opens with its own heading: it is an article's text, not a page
        out = out.with_decision(STAGE, WRITTEN_HEADING, title=fields.get("title"))
    for before, after in repaired:
        if after == fields.get("title"):
            out = out.with_decision(STAGE, "field_repaired", field="title", before=before, after=after)
    if "title" in fields:
        out = out.with_decision(
            STAGE, "title_line", title=fields["title"], rule=title_rule, similarity=round(similarity, 3)
        )
    fresh = [a for a in credited if a.casefold() not in {b.casefold() for b in agencies}]
    if byline_rules or fresh:
        out = out.with_decision(
            STAGE,
            "byline",
            authors=list(authors),
            agencies=agencies + fresh,
            rules=byline_rules + ["agency_line"] * bool(fresh),
            kept=bool(fields.get("authors")),
            **({"roles": [{"author": a, "role": r} for a, r in roles]} if roles else {}),
        )
    dateline = fields.get("dateline")
    if dateline is not None:
        out = out.with_decision(STAGE, "dateline", place=dateline.place, agency=dateline.agency)
    return out
