"""Choosing the publication and update dates among the candidates.

The second half of :mod:`newsclean.stages.dates`: the rules, in order, are
listed in that module's docstring. Page metadata is ranked by
:data:`_META_ORDER`; a text date is placed against the headline (a line
repeating the title) and the story's first paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newsclean.article import DateCandidate, parse_iso
from newsclean.dateparse import day_of, parse_date, plausible_day, url_date
from newsclean.datescan import FIND_CACHE_SIZE
from newsclean.datewords import _ascii_view
from newsclean.lazyre import regex_compile
from newsclean.linekeep import kept_lines
from newsclean.stages._lines import Line
from newsclean.stages._related import header_label
from newsclean.stages.date_candidates import _EMBED_SIGNATURE, _SENTENCE_END, Found, _title_line, _words

__all__ = ["Choice", "choose_bound", "choose_published", "choose_updated", "headline_index", "headline_lines"]

_NORM = regex_compile(r"[\W_]+")
#: A four-digit year (of the years a date is read in) standing as a number.
_FULL_YEAR = regex_compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")

# The parameters below (window and penalties of the header date line, the stamps of a comment
# thread) are searched by ``python -m benchmarks.fit_dates`` on the Media Cloud captures and the
# development silver set, each fitted on one set and scored on the other; the values here are
# what the search returns on either set (report: ``data/dates_choice.fit.md``).

#: At most this many lines repeating the title are taken for headlines.
HEADLINE_LIMIT = 8
#: Lines after the headline searched for its date line.
HEADLINE_AFTER = 25
#: Lines before the headline searched for its date line.
HEADLINE_BEFORE = 3
#: Lines before / after the story start searched for a date line.
STORY_BEFORE = 12
STORY_AFTER = 3
#: Added to the distance of a date line that also holds other words (a byline).
NOT_DATE_ONLY_PENALTY = 3
#: Added per earlier headline repeat (the title also recurs in share and related widgets).
LATER_HEADLINE_PENALTY = 5
#: Added to a date labelled as an update when it competes as a header date line.
UPDATED_PENALTY = 2
#: A dated list (related stories, an archive, a comment thread): at least this many date lines
#: in a row, each at most :data:`LIST_GAP` lines after the one before. Its dates are the
#: listed items' and never a header date line (checked on the four development corpora and the
#: Media Cloud captures: the "more stories" lists of car and patent sites print a date under
#: each headline, just above the story).
LIST_RUN = 3
LIST_GAP = 4
#: A comment thread after the story: at least this many lines below the story start holding only
#: a date (a comment's stamp), each followed by a line ending a sentence (the comment's text; a
#: related list prints a headline, a teaser cut short, a source or a counter under its dates).
#: Its earliest date is the latest the story can have appeared. Checked on the development
#: corpora and the Media Cloud captures (``benchmarks/dates_misses.py``): the pages it dates are
#: blog posts dated only by their comments (two silver pages, both right) and a reader Q&A page;
#: a date line holding more than the date (a footnote, a byline of a listed story) is no stamp.
#: The sets do not pin the count down (1 to 6 score alike): 2 is the fewest that make a thread.
COMMENT_RUN = 2
#: A comment thread of at least this many stamps keeps its stamps (and the date lines between
#: them) out of the header date lines: a reader comment's date is not the story's. Two stamps
#: are too few to tell a thread from the story's own date line over its lead plus one comment
#: (checked on the development corpora and the Media Cloud captures; the gold sets hold no page
#: it changes, so the search of ``benchmarks.fit_dates`` finds every value from 2 to 6 alike).
THREAD_RUN = 3
#: An unlabelled date line at most this many lines from an update-labelled header date line, and
#: not after it, is the original publication the update follows ("By Jane Roe, March 5, 2024" /
#: "Updated March 6, 2024", or each under its label line: "Published" / date / "Updated" / date).
#: Further away it dates something else: on a Media Cloud page a list of other days stands 15
#: lines under the story's only date, its update line. Checked on the four development corpora
#: and the Media Cloud captures (no page of either gold set has an original beside its update).
UPDATE_PAIR_LINES = 3
#: Why a rule set a candidate aside for the original publication (``Choice.set_aside``, recorded
#: in the ``published_date`` decision): an update-labelled header date line whose day is on or
#: after an unlabelled one's, a reader comment's stamp that stood nearer the headline.
SET_ASIDE_REASONS = ("updated_after_publication", "comment_stamp")
#: Zones (hours from UTC) a publisher's local day is looked for in when page metadata gives a
#: UTC time: US Pacific to New Zealand daylight time, where nearly all news is dated.
WEST_MOST = -8
EAST_MOST = 13
#: A printed local time matches a structured UTC time when they differ by a zone offset within this
#: many seconds (pages print minutes; a system may stamp the metadata a little later).
PRINTED_SLACK_SECONDS = 300


#: Sources of candidates an earlier stage read from the page, most trusted first.
_META_ORDER = (
    "json-ld:",
    "meta:",
    "itemprop:",
    "microdata:",
    "rdfa:",
    "og:",
    "opengraph:",
    "time[",
    "time:",
    "html:",
    "abbr:",
    "headline:",
    "url:",
    # Weak page evidence, read only when the page states no date elsewhere.
    "image-url:",
    "link:",
    "title-tag",
    "copyright:",
)
#: Ranks below this are structured data (JSON-LD and ``<meta>``).
_STRUCTURED_RANK = _META_ORDER.index("itemprop:")
#: Rank from which a page source is weak evidence (see ``choose_published``).
_WEAK_RANK = _META_ORDER.index("image-url:")
#: Date-named elements: they lose to the day in the page's address.
_ELEMENT_SOURCES = ("html:", "abbr:", "time:", "headline:")


_day = day_of
_plausible = plausible_day


#: ASCII letters and digits lower-cased, every other ASCII character a space (``_norm``'s fast path).
_ASCII_NORM = str.maketrans({chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)})


#: A character that is neither ASCII nor a word character (``\\w`` of the engine :data:`_NORM` runs on).
_NON_ASCII_GAP = regex_compile(r"[^\x00-\x7f\w]")
#: At most this many distinct such characters are blanked one by one before :data:`_NORM` runs instead.
NORM_BLANKS = 4
#: UTF-8 bytes: ASCII letters and digits lower-cased, other ASCII bytes a space, the rest kept.
_BYTES_NORM = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() else 0x20) if b < 0x80 else b for b in range(256)
)


def _norm(text: str) -> str:
    """Lower-case words and numbers joined by single spaces.

    A line without an ASCII view is read through its UTF-8 bytes once its few
    non-ASCII characters that are no word characters are blanked: each byte
    of a non-ASCII word character is kept as it is, and the ASCII ones are
    translated as in the ASCII case (one ``bytes.translate``, several times
    cheaper than :data:`_NORM` over the line).

    >>> _norm("Мэр — «Города» 2024_г."), _norm("It’s 5 — fine")
    ('мэр города 2024 г', 'it s 5 fine')
    """
    view = _ascii_view(text)
    if view is not None:
        return " ".join(view.translate(_ASCII_NORM).split())
    low = text.lower()
    gap = _NON_ASCII_GAP.search(low)
    for _ in range(NORM_BLANKS):
        if gap is None:
            data = low.encode("utf-8", "surrogatepass").translate(_BYTES_NORM)
            return " ".join(data.decode("utf-8", "surrogatepass").split())
        low = low.replace(gap.group(), " ")
        gap = _NON_ASCII_GAP.search(low, gap.start())
    return str(_NORM.sub(" ", low)).strip()


#: :data:`_ASCII_NORM` keeping line breaks (``_norm_lines``' fast path).
_ASCII_NORM_LINES = str.maketrans(
    {**{chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)}, "\n": "\n"}
)


#: :data:`_BYTES_NORM` keeping line breaks (``_norm_lines`` on lines without an ASCII view).
_BYTES_NORM_LINES = _BYTES_NORM[:0x0A] + b"\n" + _BYTES_NORM[0x0B:]
#: Lines normalised at a time by ``_norm_lines`` when they have no ASCII view (the caller may stop early).
NORM_CHUNK = 16


def _norm_lines(texts: list[str]) -> Iterable[str]:
    """``map(_norm, texts)`` for lines, normalised in one pass when all of them have an ASCII view.

    Otherwise :data:`NORM_CHUNK` lines at a time go through ``_norm``'s bytes
    path together, as they are read.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return map(_norm, texts)
    view = _ascii_view(joined)
    if view is None:
        return _norm_chunks(texts)
    return map(" ".join, map(str.split, view.translate(_ASCII_NORM_LINES).split("\n")))


def _norm_chunks(texts: list[str]) -> Iterator[str]:
    """``map(_norm, texts)``, a chunk of lines joined at a time.

    No character's lower case is a line break, and the lower case of a
    final sigma is settled within its line (a line break is neither cased
    nor case-ignorable), so the chunk lower-cased splits back into its lines
    lower-cased.
    """
    for k in range(0, len(texts), NORM_CHUNK):
        chunk = texts[k : k + NORM_CHUNK]
        low = "\n".join(chunk).lower()
        gap = _NON_ASCII_GAP.search(low)
        for _ in range(NORM_BLANKS * 2):
            if gap is None:
                break
            low = low.replace(gap.group(), " ")
            gap = _NON_ASCII_GAP.search(low, gap.start())
        if gap is not None:
            yield from map(_norm, chunk)
            continue
        data = low.encode("utf-8", "surrogatepass").translate(_BYTES_NORM_LINES)
        yield from map(" ".join, map(str.split, data.decode("utf-8", "surrogatepass").split("\n")))


def _title_words(title: str) -> frozenset[str]:
    return frozenset(_norm(title).split())


def headline_lines(
    lines: Sequence[Line],
    title: str | None,
    *,
    limit: int = HEADLINE_LIMIT,
    skip: frozenset[int] = frozenset(),
    until: int | None = None,
) -> list[int]:
    """Return the indices of lines repeating the title (headline candidates).

    The title is the ``title`` field when an earlier stage set it, else the
    first non-empty line (a text capture opens with the page ``<title>``,
    which usually adds the site name to the headline). A line repeats it when
    it is a substring of the title, or when nearly all its words (at least
    four) are title words. With ``until``, the search stops after that line
    once a headline is found (the lines below it cannot matter to the caller).
    """
    first = -1
    if not title:
        first = _title_line(lines, skip)
        title = lines[first].text if lines else ""
    if not title:
        return []
    t = _norm(title)
    if len(t) < 15:
        return []
    words = _title_words(title)
    out: list[int] = []
    shortest, longest = max(15, 0.4 * len(t)), 2 * len(t)
    high = 2 * len(title) + 10
    near = [ln for ln in lines[first + 1 :] if shortest <= len(ln.text) <= high]
    for ln, s in zip(near, _norm_lines([ln.text for ln in near]), strict=True):
        if until is not None and out and ln.index > until:
            break
        if len(s) < shortest or len(s) > longest:
            continue
        if s in t or t in s:
            out.append(ln.index)
        else:
            # At least four distinct words, 85 % of them title words: four title words at least,
            # which most lines lack (counted without building the set of the line's words).
            tokens = s.split()
            common = len(words.intersection(tokens))
            if common >= 4 and common >= 0.85 * len(mine := set(tokens)) and len(mine) >= 4:
                out.append(ln.index)
        if len(out) >= limit:
            break
    return out


def headline_index(lines: Sequence[Line], title: str | None) -> int | None:
    """Return the first line repeating the title, or None."""
    heads = headline_lines(lines, title, limit=1)
    return heads[0] if heads else None


#: ASCII letters as ``a``, digits as ``0``, every other ASCII character a space (``_word_count``'s fast path).
_ASCII_RUNS = str.maketrans(
    {chr(c): "a" if chr(c).isalpha() else "0" if chr(c).isdigit() else " " for c in range(128)}
)


def _word_count(text: str) -> int:
    """``len(_words(text))``, counted in C on a line with an ASCII view.

    Each run of letters and digits is a word of its own, plus one more word
    wherever letters and digits meet inside it ("COVID19" is two).

    >>> _word_count("COVID19 cases, 2nd wave"), len(_words("COVID19 cases, 2nd wave"))
    (6, 6)
    """
    view = _ascii_view(text)
    if view is None:
        return len(_words(text))
    runs = view.translate(_ASCII_RUNS)
    return len(runs.split()) + runs.count("a0") + runs.count("0a")


@kept_lines(FIND_CACHE_SIZE)
def _is_story_line(text: str) -> bool:
    """Whether a line reads as a story paragraph (cached: a site's pages repeat their lines)."""
    if len(text) < 15:  # fewer than 15 words for sure
        return False
    words = _word_count(text)  # the runs of _WORD, without the regex or a list
    if words >= 30:
        return True
    stripped = text.rstrip()
    return words >= 15 and bool(_SENTENCE_END.search(stripped)) and not stripped.endswith(("...", "…"))


def _story_start(lines: Sequence[Line], after: int) -> int:
    """Index of the first story-like line at or after ``after`` (len(lines) if none)."""
    for ln in lines[after:]:
        if _is_story_line(ln.text):
            return ln.index
    return len(lines)


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen publication date, where it came from and by which rule."""

    value: datetime | date
    source: str
    rule: str
    index: int | None = None  # position in the found list, when from the text
    #: Candidates a rule ranked first but set aside for the original publication, as
    #: ``(position in the found list, reason slug)`` (see :data:`SET_ASIDE_REASONS`).
    set_aside: tuple[tuple[int, str], ...] = ()


def _meta_rank(source: str) -> int:
    for rank, prefix in enumerate(_META_ORDER):
        if source.startswith(prefix):
            return rank
    return len(_META_ORDER)


def _anchors(
    lines: Sequence[Line],
    title: str | None,
    skip: frozenset[int],
    until: int | None = None,
    *,
    first_only: bool = False,
) -> list[tuple[int, int]]:
    """(headline, story start) pairs; without a headline, (-1, first story line).

    ``until`` is the last line a date is scored on plus :data:`HEADLINE_BEFORE`:
    a headline further down scores no date (see :func:`_header_score`), so
    only the first of those is looked for (it still sets the first headline
    and story start). ``first_only`` gives the first pair alone.
    """
    heads = headline_lines(lines, title, limit=1 if first_only else HEADLINE_LIMIT, skip=skip, until=until)
    if not heads:
        return [(-1, _story_start(lines, 1))]
    out = []
    story = -1
    for h in heads:  # ascending: a story start at or after h + 1 serves the next headline too
        if story <= h:
            story = _story_start(lines, h + 1)
        out.append((h, story))
    return out


def _header_score(f: Found, anchors: Sequence[tuple[int, int]]) -> int | None:
    """How far a date line sits from a headline or the story start below it (None: too far)."""
    best: int | None = None
    for order, (head, story) in enumerate(anchors):
        scores = []
        if head >= 0 and head - HEADLINE_BEFORE <= f.line <= head + HEADLINE_AFTER:
            scores.append(f.line - head if f.line >= head else 2 * (head - f.line))
        if story < 10**9 and story - STORY_BEFORE <= f.line <= story + STORY_AFTER and f.line >= head:
            scores.append(abs(story - f.line))
        if scores:
            score = (
                min(scores) + (0 if f.date_only else NOT_DATE_ONLY_PENALTY) + LATER_HEADLINE_PENALTY * order
            )
            if f.kind == "updated":
                score += UPDATED_PENALTY
            best = score if best is None else min(best, score)
    return best


def _page_values(
    metadata: Sequence[DateCandidate], kind: str, captured_at: datetime | None
) -> list[tuple[int, datetime | date, DateCandidate]]:
    """Plausible page candidates of ``kind`` as ``(trust rank, value, candidate)``, day precision only."""
    out = []
    for c in metadata:
        if c.kind != kind or c.value is None or c.precision != "day":
            continue
        try:
            value = parse_iso(c.value)
        except ValueError:
            value = parse_date(c.value, fallback=False)
        if value is not None and _plausible(value, captured_at):
            out.append((_meta_rank(c.source), value, c))
    return out


def choose_published(
    found: Sequence[Found],
    lines: Sequence[Line],
    *,
    metadata: Sequence[DateCandidate] = (),
    title: str | None = None,
    captured_at: datetime | None = None,
    url: str | None = None,
    page_url_day: date | None = None,
) -> Choice | None:
    """Pick the publication date by the documented rules (see the module docstring).

    ``url`` is the address the caller gave; ``page_url_day`` the day in the
    page's own canonical address (found by the HTML stage), used when ``url``
    holds none.
    """
    from_url = url_date(url) if url else None
    url_source = f"url:{url}"
    if from_url is None and page_url_day is not None:
        from_url, url_source = page_url_day, "url"
    if from_url is not None and not _plausible(from_url, captured_at):
        from_url = None
    page = _page_values(metadata, "published", captured_at)
    meta = [t for t in page if t[0] < _WEAK_RANK]
    weak = [t for t in page if t[0] >= _WEAK_RANK]
    if meta:
        _, value, cand = min(meta, key=lambda t: t[0])
        earlier = _earliest_structured(meta)
        if earlier is not None and earlier[1] < value:
            return Choice(earlier[1], earlier[2].source, "page metadata, earliest of disagreeing sources")
        source = cand.source
        printed = _printed_local(value, page)
        if printed is not None and from_url is None:
            return Choice(printed[0], f"{source} + {printed[1]}", "page metadata, local day as printed")
        if from_url is not None and _day(value) != from_url:
            if source.startswith(_ELEMENT_SOURCES):
                # A date-named element is the weakest page source (often the site's
                # "today" banner); the day in the page's address is the publisher's own.
                return Choice(from_url, url_source, "url date")
            if _utc_local_day(value, from_url):
                return Choice(from_url, f"{source} + {url_source}", "page metadata, local day from the url")
        return Choice(value, source, "page metadata")

    ok = [
        (k, f)
        for k, f in enumerate(found)
        if not f.prose
        and f.kind not in ("captured", "mentioned", "copyright")
        and _plausible(f.value, captured_at)
    ]
    if not ok:
        if from_url is not None:
            return Choice(from_url, url_source, "url date")
        if (opening := _story_dateline(found, lines, title, captured_at)) is not None:
            return opening
        if weak:
            _, value, cand = min(weak, key=lambda t: t[0])
            return Choice(value, cand.source, "page address or title date")
        return None
    skip = frozenset(f.line for f in found if f.date_only)
    until = max(f.line for _, f in ok) + HEADLINE_BEFORE
    # The headlines and story starts, found when a rule first needs them (a page whose one
    # labelled date decides needs none).
    found_anchors: list[tuple[int, int]] = []

    def anchors() -> list[tuple[int, int]]:
        if not found_anchors:
            found_anchors.extend(_anchors(lines, title, skip, until=until))
        return found_anchors

    def near(f: Found) -> int:
        score = _header_score(f, anchors())
        return 10**6 + f.line if score is None else score

    labelled = [(k, f) for k, f in ok if f.kind == "published"]
    if labelled:
        k, f = min(labelled, key=lambda t: (near(t[1]), t[0])) if len(labelled) > 1 else labelled[0]
        return Choice(_value(f), f.source, "published label", k)

    title_line = _title_line(lines, skip)
    listed = _dated_lists(found, lines)
    bare = [(k, f) for k, f in ok if f.kind is None and f.line != title_line and f.line not in listed]
    header_lines = [
        (k, f)
        for k, f in ok
        if f.kind in (None, "updated") and f.line != title_line and not (f.kind is None and f.line in listed)
    ]
    # A reader comment's stamp is no header date line (the thread bounds the day in ``choose_bound``),
    # nor is a date line between two of them (a comment opening "Hi Jane," ends no sentence).
    thread = _comment_thread(found, lines, lambda: anchors()[0][1], captured_at)
    stamps: list[tuple[int, int, Found]] = []
    if len({f.line for _, f in thread}) >= THREAD_RUN:
        top, bottom = min(f.line for _, f in thread), max(f.line for _, f in thread)

        def in_thread(f: Found) -> bool:
            return f.date_only and f.kind is None and top <= f.line <= bottom

        stamps = [
            (s, k, f)
            for k, f in header_lines
            if in_thread(f) and (s := _header_score(f, anchors())) is not None
        ]
        header_lines = [(k, f) for k, f in header_lines if not in_thread(f)]
    scored = [(s, k, f) for k, f in header_lines if (s := _header_score(f, anchors())) is not None]
    if scored:
        best = min(scored, key=lambda t: (t[0], t[1]))
        s, k, f = _original_over_update(best, scored)
        if f.date_only or from_url is None:
            aside = [(j, "comment_stamp") for t, j, _ in stamps if (t, j) < (s, k)] if stamps else []
            if k != best[1]:
                aside.append((best[1], "updated_after_publication"))
            return Choice(_value(f), f.source, "header date line", k, tuple(sorted(aside)) if aside else ())
    if from_url is not None:
        return Choice(from_url, url_source, "url date")
    titled = [(k, f) for k, f in ok if f.kind is None and f.line == title_line]
    if titled:
        k, f = titled[0]
        return Choice(_value(f), f.source, "title date", k)
    header = []
    if bare:
        story = min(st for _, st in anchors())
        limit = max(story, min(h for h, _ in anchors()))
        header = [(k, f) for k, f in bare if f.line < limit]
    # A date without a year counts only when the header holds no full date: its year is a guess,
    # and a short "1 September" line in a menu is a topic more often than a dateline.
    header = [(k, f) for k, f in header if not f.yearless] or header
    if header:
        k, f = min(header, key=lambda t: (_day(_value(t[1])), t[0]))
        return Choice(_value(f), f.source, "earliest header candidate", k)
    if (opening := _story_dateline(found, lines, title, captured_at)) is not None:
        return opening
    if weak:
        _, value, cand = min(weak, key=lambda t: t[0])
        return Choice(value, cand.source, "page address or title date")
    lone = _only_date_line(bare, lines)
    if lone is not None:
        k, f = lone
        return Choice(_value(f), f.source, "only date line", k)
    updated = [(k, f) for k, f in ok if f.kind == "updated"]
    if updated:
        k, f = min(updated, key=lambda t: (_day(_value(t[1])), t[0]))
        return Choice(_value(f), f.source, "updated label", k)
    return None


def _original_over_update(
    best: tuple[int, int, Found], scored: Sequence[tuple[int, int, Found]]
) -> tuple[int, int, Found]:
    """The header date line to take when the best one is labelled as an update.

    An update comes after the publication: an unlabelled header date line
    beside it (at most :data:`UPDATE_PAIR_LINES` lines away) that is not
    later is the original publication ("By Jane Roe, March 5, 2024" over
    "Updated March 6, 2024"), taken however it ranks against the update. A
    later date, or one further away (an archive list under the header, a
    related story), is no original of this update and leaves it chosen.
    """
    update = best[2]
    if update.kind != "updated":
        return best
    earlier = [
        t
        for t in scored
        if t[2].kind is None
        and abs(t[2].line - update.line) <= UPDATE_PAIR_LINES
        and _not_after(_value(t[2]), _value(update))
    ]
    return min(earlier, key=lambda t: (t[0], t[1])) if earlier else best


def _not_after(value: datetime | date, update: datetime | date) -> bool:
    """Whether ``value`` can be the original publication of an update at ``update``.

    An earlier day, or the same day at an earlier or equal time (a day
    without a time fits any time of it); the same instant printed in another
    zone ("3:00 PM ET" beside "19:00") is no earlier one.
    """
    if _day(value) != _day(update):
        return _day(value) < _day(update)
    if isinstance(value, datetime) and isinstance(update, datetime) and _comparable(value, update):
        return value <= update
    return True


def choose_bound(
    found: Sequence[Found],
    lines: Sequence[Line],
    *,
    title: str | None = None,
    captured_at: datetime | None = None,
) -> Choice | None:
    """The day a page's own dates fail to give, from what bounds it: comments and embedded posts.

    Read only when no rule of :func:`choose_published` (nor a stated update)
    gave a date. A story appears before its first reader comment and after
    the last post it embeds ("— Name (@handle) January 2, 2020"); both fall
    on the publication day more often than not. The earliest date of a
    comment thread after the story (:data:`COMMENT_RUN` dated comments or
    more) is taken (rule ``earliest comment date``), else the latest embedded
    post's date (rule ``latest embedded post``); a thread dated before the
    latest embedded post is no thread of this story and gives way to it.
    The value is the day only: a comment's or a post's time of day is not the
    story's.
    """
    dated = [(k, f) for k, f in enumerate(found) if f.value is not None and _plausible(f.value, captured_at)]
    posts = [(k, f) for k, f in dated if f.prose and _EMBED_SIGNATURE.match(f.source)]
    post = max(posts, key=lambda t: (_day(_value(t[1])), t[0])) if posts else None
    comment = None

    def story() -> int:
        # The earliest story start is the first headline's (the starts ascend with the headlines).
        skip = frozenset(f.line for f in found if f.date_only)
        return _anchors(lines, title, skip, first_only=True)[0][1]

    replies = _comment_thread(found, lines, story, captured_at)
    if replies:
        comment = min(replies, key=lambda t: (_day(_value(t[1])), t[0]))
    if comment is not None and (post is None or _day(_value(comment[1])) >= _day(_value(post[1]))):
        k, f = comment
        return Choice(_day(_value(f)), f.source, "earliest comment date", k)
    if post is not None:
        k, f = post
        return Choice(_day(_value(f)), f.source, "latest embedded post", k)
    return None


def _comment_thread(
    found: Sequence[Found],
    lines: Sequence[Line],
    story: Callable[[], int],
    captured_at: datetime | None,
) -> list[tuple[int, Found]]:
    """The stamps of the comment thread after the story, as ``(index, candidate)``; empty if none.

    A thread is :data:`COMMENT_RUN` lines or more below the story start
    (``story()``, asked only when the page has that many date-only lines)
    holding only a date, each followed by a comment's text (a sentence or a
    paragraph, :func:`_comment_text`).
    """
    stamps = [
        (k, f)
        for k, f in enumerate(found)
        if f.kind is None
        and f.date_only
        and f.line + 1 < len(lines)
        and f.value is not None
        and _plausible(f.value, captured_at)
    ]
    if len(stamps) < COMMENT_RUN:
        return []
    start = story()
    replies = [(k, f) for k, f in stamps if f.line > start and _comment_text(lines[f.line + 1].text)]
    return replies if len({f.line for _, f in replies}) >= COMMENT_RUN else []


def _story_dateline(
    found: Sequence[Found], lines: Sequence[Line], title: str | None, captured_at: datetime | None
) -> Choice | None:
    """The date a story paragraph opens with as its dateline, or None.

    "Springfield, May 14, 2003 – …", "(2/6/2004) The council …", "April 3, 2008:
    …" (:func:`~newsclean.stages.date_candidates.opens_as_dateline`): the
    writer's own date of the story, read when no date line, label or address
    gives one. The page's datelines must all name one day (a list of dated
    teasers names several) and the first must stand at or below the first
    story paragraph (a teaser above the story dates another).
    """
    opening = [(k, f) for k, f in enumerate(found) if f.opening and _plausible(f.value, captured_at)]
    if not opening or len({_day(_value(f)) for _, f in opening}) != 1:
        return None
    skip = frozenset(f.line for f in found if f.date_only)
    story = _anchors(lines, title, skip, first_only=True)[0][1]
    k, f = opening[0]
    return Choice(_value(f), f.source, "story dateline", k) if f.line >= story else None


def _only_date_line(bare: Sequence[tuple[int, Found]], lines: Sequence[Line]) -> tuple[int, Found] | None:
    """The page's one date line, wherever it stands, or None.

    A page whose date lines (outside dated lists, the title and sentences) all
    name one day states its date there, even far from the headline (a short
    post dated at its foot, a date line under a long lead). The date must be
    whole: a four-digit year or a clock time (a bare ``9-11-01`` names an event
    as often as a day), the line no sentence cut at a comma (``On April 12,
    2002,`` hard-wrapped before the rest of its sentence). The first such line
    is not taken with a sentence under it (a reader comment's stamp: one
    comment is no thread, :data:`COMMENT_RUN`), nor under a related-stories
    header ("Related", "Mehr zum Thema") with no story paragraph between
    (there it dates a listed story).
    """
    lone = [
        (k, f)
        for k, f in bare
        if f.date_only
        and not f.yearless
        and not f.source.endswith(",")
        and (isinstance(f.value, datetime) or _FULL_YEAR.search(f.source) is not None)
    ]
    if not lone or len({_day(_value(f)) for _, f in lone}) != 1:
        return None
    k, f = lone[0]
    if f.line + 1 < len(lines) and _comment_text(lines[f.line + 1].text):
        return None
    for ln in reversed(lines[: f.line]):
        if _is_story_line(ln.text):
            break
        if header_label(ln.text):
            return None
    return k, f


def _comment_text(text: str) -> bool:
    """Whether a line under a date stamp reads as a comment's text: a sentence or a paragraph.

    A teaser cut short ("Council Approves New Budget After Long…") ends in an
    ellipsis, a related list's headline, source or counter in no stop at all.
    """
    stripped = text.rstrip()
    if stripped.endswith(("...", "…")):
        return False
    return bool(_SENTENCE_END.search(stripped)) or _is_story_line(stripped)


def _dated_lists(found: Sequence[Found], lines: Sequence[Line]) -> frozenset[int]:
    """Lines of the dated lists of a page (:data:`LIST_RUN` date lines or more, evenly spaced).

    Only lines holding a dated item count (not story sentences, not labelled
    dates): a list prints each item's date alone or beside its headline, so
    its date lines come at one fixed step of at most :data:`LIST_GAP` lines,
    and hold at least :data:`LIST_RUN` different days (copies of one date, a
    header printing it twice or a ticker of today's items, are no list). A
    story paragraph between two dates ends a list (a short story's date and
    the dated links under it are no list), and so does a change of step (the
    story's date line printed a few lines under a related list).
    """
    days: dict[int, set[date]] = {}
    for f in found:
        if not f.prose and f.value is not None and f.kind in (None, "mentioned"):
            days.setdefault(f.line, set()).add(_day(f.value))
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= LIST_RUN and len(set().union(*(days[r] for r in run))) >= LIST_RUN:
            out.update(run)

    for line in sorted(days):
        if run:
            gap = line - run[-1]
            if gap > LIST_GAP or any(_is_story_line(lines[i].text) for i in range(run[-1] + 1, line)):
                close()
                run = []
            elif len(run) >= 2 and gap != run[1] - run[0]:
                close()
                run = [run[-1]]
        run.append(line)
    close()
    return frozenset(out)


def choose_updated(
    found: Sequence[Found],
    *,
    metadata: Sequence[DateCandidate] = (),
    captured_at: datetime | None = None,
    published: datetime | date | None = None,
) -> Choice | None:
    """Pick the date the page says it was last updated, or None when it states none.

    Page metadata first (JSON-LD ``dateModified`` > ``<meta>`` > ``itemprop`` >
    ``<time class="updated">`` > an update-named element), else the text's
    update label (``Updated``, ``Stand:``, ``Mis à jour``...) nearest the top.
    Never a date before ``published`` (a page is not updated before it
    appears) nor after ``captured_at``.
    """
    floor = _day(published) if published is not None else None

    def fits(value: datetime | date) -> bool:
        # An update is later than the publication; a copy of the publication time says nothing.
        if published is None or floor is None:
            return True
        if _day(value) != floor:
            return _day(value) > floor
        if isinstance(value, datetime) and isinstance(published, datetime) and _comparable(value, published):
            return value > published
        return False

    meta = [t for t in _page_values(metadata, "updated", captured_at) if fits(t[1])]
    if meta:
        _, value, cand = min(meta, key=lambda t: t[0])
        return Choice(value, cand.source, "page metadata")
    labelled = [
        (k, f)
        for k, f in enumerate(found)
        if f.kind == "updated" and not f.prose and _plausible(f.value, captured_at) and fits(_value(f))
    ]
    if labelled:
        k, f = labelled[0]
        return Choice(_value(f), f.source, "updated label", k)
    return None


def _earliest_structured(
    meta: Sequence[tuple[int, datetime | date, DateCandidate]],
) -> tuple[int, datetime, DateCandidate] | None:
    """The earliest publication time among the structured sources (JSON-LD, ``<meta>``) when they disagree.

    Two structured sources naming different instants for the publication:
    the original publication is the earlier one (the later one is a
    re-publication, or local time labelled as UTC). Only aware times are
    compared, so the order is certain; a creation date (``dateCreated``,
    ``dc.created``) is a draft's and takes no part.
    """
    timed = [
        (rank, v, c)
        for rank, v, c in meta
        if rank < _STRUCTURED_RANK
        and isinstance(v, datetime)
        and v.tzinfo is not None
        and "created" not in c.source.lower()  # a draft's creation, not a publication
    ]
    if len({_day(v) for _, v, _ in timed}) < 2:
        return None
    return min(timed, key=lambda t: t[1])


def _comparable(a: datetime, b: datetime) -> bool:
    """Whether two times can be ordered (both aware or both naive)."""
    return (a.tzinfo is None) == (b.tzinfo is None)


def _utc_local_day(value: datetime | date, day: date) -> bool:
    """Whether ``value`` is a UTC time that falls on ``day`` in some local zone.

    A time given in UTC (``Z``, ``+00:00``) fixes the instant, not the day the
    publisher's own zone (:data:`WEST_MOST` to :data:`EAST_MOST` hours) dated it: ``2020-04-14T00:38Z`` is
    April 13 in the Americas.
    """
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return False
    return (value + timedelta(hours=WEST_MOST)).date() <= day <= (value + timedelta(hours=EAST_MOST)).date()


def _printed_local(
    value: datetime | date, page: Sequence[tuple[int, datetime | date, DateCandidate]]
) -> tuple[datetime, str] | None:
    """The page's printed local time when a structured UTC value names the day before or after it.

    A structured date without a zone's help (a UTC time, or a bare day a
    system derived from one) can fall on another day than the one the
    publisher printed: ``2020-12-05`` in JSON-LD beside ``06 December 2020 |
    00:36`` printed on the page is 23:36 UTC. The first printed published
    time (a date element, ``<time>``, ``<abbr>``, an ``itemprop`` text) is
    taken when some zone from :data:`WEST_MOST` to :data:`EAST_MOST` hours
    puts it on the structured day.
    """
    utc = isinstance(value, datetime) and value.utcoffset() == timedelta(0)
    if isinstance(value, datetime) and not utc:
        return None
    printed = next(
        (
            (v, c.source)
            for rank, v, c in page
            if _STRUCTURED_RANK <= rank < _WEAK_RANK and isinstance(v, datetime) and v.tzinfo is None
        ),
        None,
    )
    if printed is None or _day(printed[0]) == _day(value):
        return None
    local = printed[0]
    for hours in range(WEST_MOST, EAST_MOST + 1):
        as_utc = local - timedelta(hours=hours)
        if isinstance(value, datetime):
            if abs((as_utc - value.replace(tzinfo=None)).total_seconds()) <= PRINTED_SLACK_SECONDS:
                return local, printed[1]
        elif as_utc.date() == value:
            return local, printed[1]
    return None


def _value(f: Found) -> datetime | date:
    if f.value is None:  # filtered out by _plausible; kept for the type checker
        raise ValueError("candidate without a value")
    return f.value
