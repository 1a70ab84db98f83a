"""Dates an HTML page states about itself, read during the metadata walk.

:func:`newsclean.html.meta.read_metadata` walks the tree once; every element
goes through :meth:`DateCollector.visit`, which reads the conventions in
``data/html_dates.json`` (the table is documented in ``docs/dates.md``):

* ``<meta>`` names and properties (Open Graph, Dublin Core, schema.org,
  publishing systems) and JSON-LD ``datePublished``/``dateModified``, read from
  what the walk gathered;
* ``itemprop`` on any element (``datePublished``, ``dateCreated`` with a
  ``datetime=`` attribute, ``dateModified``, ``copyrightYear``);
* ``<time datetime>`` (its ``pubdate`` attribute, or a class naming the kind)
  and a ``pubdate`` attribute on any element;
* ``<abbr>``: a date in ``title=``, a Unix time in ``data-utime=``, else its text;
* short elements whose class or id names a date (``post-date``, ``entry-time``);
* weak evidence, used only when nothing else dates the page: a date in the
  address of the page's image or of a ``<link>``, in a link's ``title=``, in
  the ``<title>``, and a copyright year.

A value that is not machine-readable (``5 March 2024``, ``am 12.11.16``) goes
to the raw date strings, which the date stage parses with the page language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsclean import regexlite as regex
from newsclean.article import DateCandidate
from newsclean.data import read_text
from newsclean.dateparse import UNIX_MAX, UNIX_MIN, YEAR_MAX, YEAR_MIN, copyright_year, url_date
from newsclean.html.tokens import classify_tokens, is_content_token, split_tokens

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = [
    "Conventions",
    "DateCollector",
    "conventions",
    "in_comment",
    "iso_date",
    "regions_above_story",
    "states_date",
    "story_head_date",
]

_DATE_ONLY = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_PREFIX = regex.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_COMPACT_DATE = regex.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$")
_HAS_TIME = regex.compile(r"\d:\d|T\d")
_TZ_NO_COLON = regex.compile(r"([+-]\d{2})(\d{2})$")
_NUMERIC_YMD = regex.compile(r"(?<![\d])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_NUMERIC_DMY = regex.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d])")
_CLOCK = regex.compile(r"\d[:h]\d\d")
_YEAR_ONLY = regex.compile(r"^\s*((?:19|20)\d\d)\s*$")
_UNIX = regex.compile(r"^\s*(\d{10}|\d{13})\s*$")
#: A four-digit year, or a two-digit one after a day and month: the least a date string holds.
_YEARISH = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d[./-]\d\d?[./-]\d\d(?!\d)")
#: Elements whose text is never a date element's (containers, code, the document itself).
NOT_DATE_ELEMENTS = frozenset({"script", "style", "time", "meta", "body", "html", "head", "abbr", "noscript"})


@dataclass(frozen=True, slots=True)
class Conventions:
    """The tables of ``data/html_dates.json``, lower case, ready for lookups."""

    meta: Mapping[str, tuple[str, ...]]
    json_ld: Mapping[str, tuple[str, ...]]
    itemprop: Mapping[str, str]
    element_hints: tuple[str, ...]
    published_hints: regex.Pattern[str]
    updated_hints: regex.Pattern[str]
    image_meta: tuple[str, ...]
    link_rels: frozenset[str]
    limits: Mapping[str, int]


def _words(group: Mapping[str, Any], key: str) -> tuple[str, ...]:
    words = tuple(w.lower() for w in group[key])
    if not words:
        raise ValueError(f"html_dates.json: group {key!r} is empty")
    return words


def _hint_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)), regex.I)


@lru_cache(maxsize=1)
def conventions() -> Conventions:
    """Load ``data/html_dates.json`` once.

    Raises:
        ValueError: If a group is missing or empty.
    """
    raw = json.loads(read_text("html_dates.json"))
    kinds = ("published", "updated", "copyright")
    itemprop = {name: kind for kind in kinds for name in _words(raw["itemprop"], kind)}
    hints = raw["class_hints"]
    return Conventions(
        meta={kind: _words(raw["meta"], kind) for kind in kinds},
        json_ld={kind: tuple(raw["json_ld"][kind]) for kind in kinds},
        itemprop=itemprop,
        element_hints=_words(hints, "date_element"),
        published_hints=_hint_pattern(_words(hints, "published")),
        updated_hints=_hint_pattern(_words(hints, "updated")),
        image_meta=_words(raw["weak"], "image_meta"),
        link_rels=frozenset(_words(raw["weak"], "link_rels")),
        limits={k: int(v) for k, v in raw["limits"].items() if not k.startswith("_")},
    )


@lru_cache(maxsize=1)
def _element_hints() -> regex.Pattern[str]:
    """The date-element class/id fragments as one case-insensitive pattern."""
    return _hint_pattern(conventions().element_hints)


@lru_cache(maxsize=1)
def _ascii_hints() -> tuple[str, ...] | None:
    """The date-element fragments, when all are ASCII (lower case), for :func:`names_date`'s fast path."""
    hints = conventions().element_hints
    return hints if all(h.isascii() for h in hints) else None


def names_date(value: str) -> bool:
    """Say whether a class or id value holds a date-element fragment.

    An ASCII value is lowered and searched for each fragment in a plain loop (the
    case-insensitive pattern matches an ASCII letter only to its two cases), a fifth of
    the pattern's cost. Nothing is cached: class values are mostly new, one site's
    differing from the next, and a cache's bookkeeping cost more than the search
    (0.28 against 0.12 ms a page on the AEB pages, each seen once).
    """
    hints = _ascii_hints()
    if hints is not None and value.isascii():
        lower = value.lower()
        for h in hints:  # noqa: SIM110 (a loop: any() over a generator costs twice as much here)
            if h in lower:
                return True
        return False
    return _element_hints().search(value) is not None


#: Attributes that make :meth:`DateCollector.visit` read an element of any tag.
DATE_ATTRIBUTES = frozenset({"itemprop", "pubdate"})


def may_date(tag: str, items: list[tuple[str, str]]) -> bool:
    """Whether :meth:`DateCollector.visit` can learn anything from an element by its attributes.

    ``items`` are the element's attribute pairs (``el.items()``, one call into lxml). This is
    the attribute test that ends :meth:`DateCollector.visit` (a date attribute, or a class or
    id naming a date on an element that may hold one), so that a walk reading every element
    (``html.meta``) passes over the others without visiting them; the tags ``visit`` always
    reads (:data:`VISITED_TAGS`) and the lines under a headline are not decided here.
    """
    cls = ident = None
    for name, value in items:
        if name in DATE_ATTRIBUTES:
            return True
        if name == "class":
            cls = value
        elif name == "id":
            ident = value
    if tag in NOT_DATE_ELEMENTS:
        return False
    return bool((cls and names_date(cls)) or (ident and names_date(ident)))


def iso_date(value: str) -> str | None:
    """Normalise a machine-readable date to ISO 8601, or None if it is not one.

    A date without a time stays a date; a time without an offset stays naive.

    >>> iso_date("2020-06-07T10:30:00Z")
    '2020-06-07T10:30:00+00:00'
    >>> iso_date("2020-06-07")
    '2020-06-07'
    >>> iso_date("Sun, 07 Jun 2020 08:00:00 GMT")
    '2020-06-07T08:00:00+00:00'
    >>> iso_date("last week") is None
    True
    """
    v = value.strip()[:64]
    if not v:
        return None
    m = _DATE_ONLY.match(v)
    if m:
        return _checked_date(int(m[1]), int(m[2]), int(m[3]))
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(v)
    except ValueError:
        # (the other forms are written only when the string as given is not read: most are)
        for candidate in (v.replace(" ", "T", 1), _TZ_NO_COLON.sub(r"\1:\2", v)):
            try:
                parsed = datetime.fromisoformat(candidate)
                break
            except ValueError:
                continue
    if parsed is None:
        m = _COMPACT_DATE.match(v)
        if m and not m[4]:
            return _checked_date(int(m[1]), int(m[2]), int(m[3]))
        if m:
            try:
                parsed = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
            except ValueError:
                return None
    if parsed is None and "," in v[:5]:
        try:
            parsed = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        m = _DATE_PREFIX.match(v)
        if m:
            return _checked_date(int(m[1]), int(m[2]), int(m[3]))
        return None
    if not YEAR_MIN <= parsed.year <= YEAR_MAX:
        return None
    if not _HAS_TIME.search(v):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _checked_date(y: int, m: int, d: int) -> str | None:
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    try:
        return datetime(y, m, d).date().isoformat()
    except ValueError:
        return None


def _unix(value: str) -> str | None:
    """An ISO UTC time from a Unix time in seconds or milliseconds inside the plausible window."""
    m = _UNIX.match(value)
    if not m:
        return None
    n = int(m[1])
    moment = datetime.fromtimestamp(n // 1000 if len(m[1]) == 13 else n, tz=UTC)
    return moment.isoformat() if UNIX_MIN <= moment <= UNIX_MAX else None


def _short_text(el: HtmlElement, limit: int) -> str | None:
    """The element's text, white space collapsed, or None when longer than ``limit`` (read lazily)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > 4 * limit:
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if text and len(text) <= limit else None


#: How many ancestors of a date element are read for a reader comment holding it (a comment's
#: stamp sits a few levels under its comment, the comment under the thread: 4 to 9 levels on the
#: Dragnet blogs).
COMMENT_DEPTH = 12
#: schema.org microdata naming a reader comment (``itemprop="comment"``, ``itemtype=".../Comment"``).
_COMMENT_ITEM = regex.compile(r"(?:^|[/\s])(?:comment|Comment|UserComments)\s*$")


#: Parts of a class token that make a comments word name a row of the post's own meta data
#: (``post-byline-comments-date``: the comment count beside the byline and the date), not a
#: reader comment.
POST_ROW_PARTS = frozenset({"by", "byline", "line", "views", "date", "time", "stats"})


@lru_cache(maxsize=4096)
def _names_comments(value: str) -> bool:
    """Whether a class or id value names a reader comment (a token of the comments concept).

    Kept per value: a page repeats a few class values on every element of a list.

    >>> _names_comments("comment-body depth-1"), _names_comments("post-byline-comments-date")
    (True, False)
    """
    for parts in split_tokens(value):
        if POST_ROW_PARTS.isdisjoint(parts):
            concept = classify_tokens("-".join(parts))
            if concept is not None and concept.name == "comments":
                return True
    return False


def in_comment(el: HtmlElement) -> bool:
    """Whether a date element belongs to a reader comment (its date is the comment's, not the page's).

    The element and up to :data:`COMMENT_DEPTH` ancestors are read: one whose class or id names the
    comments concept of ``data/html_tokens.json`` (``comment-meta``, ``commentlist``,
    ``disqus``) or that is a schema.org comment; an ancestor naming the article body
    (``entry-content``) ends the search, the date being the story's.

    >>> from lxml import etree
    >>> page = etree.fromstring('<div class="comment-body"><p class="meta"><time datetime="2020-01-02">x</time></p></div>')
    >>> in_comment(page.find(".//time"))
    True
    >>> page = etree.fromstring('<div class="entry-content"><p><time datetime="2020-01-02">x</time></p></div>')
    >>> in_comment(page.find(".//time"))
    False
    """
    node: HtmlElement | None = el
    for _ in range(COMMENT_DEPTH + 1):
        if node is None:
            return False
        for name in ("class", "id"):
            value = node.get(name)
            if value:
                if is_content_token(value):
                    return False
                if _names_comments(value):
                    return True
        for name in ("itemprop", "itemtype"):
            value = node.get(name)
            if value and _COMMENT_ITEM.search(value):
                return True
        node = node.getparent()
    return False


#: Tags :meth:`DateCollector.visit` reads whether or not they have attributes; any other
#: element without attributes says nothing, except while the headline's date line is read.
VISITED_TAGS = frozenset({"h1", "time", "abbr", "img", "a"})


@dataclass
class DateCollector:
    """Gathers date evidence element by element (one instance per page).

    Attributes:
        dates: Normalised candidates, in the order found.
        raw: Strings to be parsed by the date stage: ``{"value", "kind",
            "source", "origin", "element"}`` (``element``: the string is a
            date element's, so two-digit years may be read).
        after_headline: Elements still to read, after the headline, for its date line.
    """

    dates: list[DateCandidate] = field(default_factory=list)
    raw: list[dict[str, Any]] = field(default_factory=list)
    _counts: dict[str, int] = field(default_factory=dict)
    _first_time: bool = True
    after_headline: int = 0
    _headings: list[tuple[str, str]] = field(default_factory=list)
    _heading_elements: list[HtmlElement] = field(default_factory=list)
    _images: list[str] = field(default_factory=list)  # image addresses, read for a date only in _weak

    @property
    def headings(self) -> tuple[tuple[str, HtmlElement], ...]:
        """The page's first ``<h1>`` elements with their text (white space collapsed), in page order."""
        return tuple((text, el) for (text, _), el in zip(self._headings, self._heading_elements, strict=True))

    def _room(self, what: str) -> bool:
        n = self._counts.get(what, 0)
        if n >= conventions().limits[what]:
            return False
        self._counts[what] = n + 1
        return True

    def add(self, value: Any, kind: str, source: str, origin: str, *, element: bool = False) -> None:
        """Add a date string: normalised when machine-readable, else kept as a raw string."""
        if not isinstance(value, str) or not value.strip():
            return
        if kind == "copyright":
            m = _YEAR_ONLY.match(value)
            year = int(m[1]) if m else copyright_year(value)
            if year is not None and YEAR_MIN <= year <= YEAR_MAX:
                self._append(DateCandidate(f"{year:04d}", "copyright", source, "year", origin))
            return
        iso = iso_date(value) or _unix(value)
        if iso is None:
            if len(self.raw) < conventions().limits["raw_strings"] and any(c.isdigit() for c in value):
                self.raw.append(
                    {
                        "value": value.strip()[:100],
                        "kind": kind,
                        "source": source,
                        "origin": origin,
                        "element": element,
                    }
                )
            return
        self._append(DateCandidate(iso, kind, source, "day", origin))

    def _append(self, cand: DateCandidate) -> None:
        if not any(d.value == cand.value and d.source == cand.source for d in self.dates):
            self.dates.append(cand)

    def _kind(self, hints: str, default: str) -> str:
        conv = conventions()
        if conv.updated_hints.search(hints):
            return "updated"
        if conv.published_hints.search(hints):
            return "published"
        return default

    def visit(self, el: HtmlElement, tag: str) -> None:
        """Read one element of the walk (any tag; ``<meta>`` and JSON-LD are read in :meth:`finish`)."""
        if tag == "h1":
            if len(self._headings) < conventions().limits["headings"]:
                text = _short_text(el, 300)
                if text:
                    self._headings.append((text, ""))
                    self._heading_elements.append(el)
                    self.after_headline = conventions().limits["after_headline"]
        elif self.after_headline > 0:
            self._headline_line(el)
        if tag == "time":
            self._time(el)
            return
        if tag == "abbr":
            self._abbr(el)
            return
        get = el.get
        if tag == "img":
            src = get("src") or get("data-src")
            if src and self._room("images"):
                self._images.append(src)  # (weak evidence: its date is read only when needed)
            return
        if tag == "a":
            title = get("title")
            if title and len(title) <= 100 and _YEARISH.search(title) and self._room("link_titles"):
                self.add(title, "published", "link:title", "link-title")
            return
        if tag == "meta":
            return
        names = el.keys()  # one call; most elements have no attribute this reads
        if not names:
            return
        if "itemprop" in names:
            itemprop = get("itemprop")
            if itemprop:
                kind = conventions().itemprop.get(itemprop.strip().lower())
                if kind is not None:
                    if in_comment(el):
                        return
                    value = get("datetime") or get("content") or _short_text(el, 100)
                    self.add(value, kind, f"itemprop:{itemprop.strip()}", "itemprop", element=True)
                    return
        if "pubdate" in names:
            if in_comment(el):
                return
            own = get("pubdate", "")
            value = own if any(c.isdigit() for c in own) else get("datetime") or get("content")
            self.add(value or _short_text(el, 100), "published", "html:pubdate", "element", element=True)
            return
        if tag in NOT_DATE_ELEMENTS:
            return
        cls = get("class") if "class" in names else None
        ident = get("id") if "id" in names else None
        if (cls and names_date(cls)) or (ident and names_date(ident)):
            self._element(el, f"{cls or ''} {ident or ''}".lower())

    def _headline_line(self, el: HtmlElement) -> None:
        """A short line with a date among the elements right after the first ``<h1>`` (a dateline)."""
        self.after_headline -= 1
        text = el.text
        if (
            not text
            or len(text) > 4 * conventions().limits["date_element_chars"]
            or not _YEARISH.search(text)
        ):
            return
        text = " ".join(text.split())
        if len(text) <= conventions().limits["date_element_chars"]:
            self.after_headline = 0
            self._headings[-1] = (self._headings[-1][0], text)

    def _time(self, el: HtmlElement) -> None:
        if not self._room("time_tags") or in_comment(el):
            return
        value = el.get("datetime")
        parent = el.getparent()
        hints = " ".join(
            filter(
                None,
                (
                    el.get("class"),
                    el.get("id"),
                    el.get("itemprop"),
                    parent.get("class") if parent is not None else None,
                ),
            )
        )
        if el.get("pubdate") is not None:
            kind = "published"
        else:
            kind = self._kind(hints, "published" if self._first_time else "mentioned")
        if value:
            self._first_time = False
            self.add(value, kind, "time[datetime]", "time")
        elif hints:
            text = _short_text(el, conventions().limits["date_element_chars"])
            if text:
                self.add(text, kind, "time:text", "time", element=True)

    def _abbr(self, el: HtmlElement) -> None:
        if not self._room("abbr_tags") or in_comment(el):
            return
        hints = " ".join(filter(None, (el.get("class"), el.get("id"))))
        kind = self._kind(hints, "published")
        utime = el.get("data-utime")
        if utime and _unix(utime):
            self.add(utime, kind, "abbr:data-utime", "abbr")
            return
        title = el.get("title")
        if title and any(c.isdigit() for c in title):
            self.add(title, kind, "abbr:title", "abbr", element=True)
            return
        text = _short_text(el, conventions().limits["date_element_chars"])
        if text and any(c.isdigit() for c in text):
            self.add(text, kind, "abbr:text", "abbr", element=True)

    def _element(self, el: HtmlElement, names: str) -> None:
        """A short element whose class or id names a date; unambiguous numeric forms read here."""
        text = _short_text(el, conventions().limits["date_element_chars"])
        if (
            not text
            or not any(c.isdigit() for c in text)
            or not self._room("date_elements")
            or in_comment(el)
        ):
            return
        kind = "updated" if conventions().updated_hints.search(names) else "published"
        source = "html:date-element"
        if _CLOCK.search(text):  # the date stage reads the date with its time
            self.add(text, kind, source, "element", element=True)
            return
        m = _NUMERIC_YMD.search(text)
        if m:
            self.add(_checked_date(int(m[1]), int(m[2]), int(m[3])), kind, source, "element")
            return
        m = _NUMERIC_DMY.search(text)
        if m:
            day, month, year = int(m[1]), int(m[3]), int(m[4])
            if m[2] == "." or day > 12:
                self.add(_checked_date(year, month, day), kind, source, "element")
                return
        self.add(text, kind, source, "element", element=True)

    def finish(
        self,
        metas: Mapping[str, list[str]],
        article: Mapping[str, Any],
        page: Mapping[str, Any],
        title: str | None,
        root: HtmlElement,
        is_headline: Callable[[str], bool] = lambda text: False,
    ) -> tuple[tuple[DateCandidate, ...], list[dict[str, Any]]]:
        """Add the meta, JSON-LD and weak evidence; return ``(candidates, raw strings)``.

        Page-level sources come first in the result (JSON-LD, then meta), then
        the element evidence in document order. ``is_headline`` tells which
        ``<h1>`` is the story's headline: the date line right under it is read.
        """
        conv = conventions()
        for heading, line in self._headings:
            if line and is_headline(heading):
                self.add(line, "published", "headline:next", "element")
                break
        walked, self.dates = self.dates, []
        for kind in ("published", "updated", "copyright"):
            for key in conv.json_ld[kind]:
                self.add(_scalar(article.get(key)), kind, f"json-ld:{key}", "json-ld")
        for kind in ("published", "updated"):
            for key in conv.json_ld[kind]:
                self.add(
                    _scalar(page.get(key)), kind, f"json-ld:{page.get('@type', 'WebPage')}.{key}", "json-ld"
                )
        for kind in ("published", "updated", "copyright"):
            for name in conv.meta[kind]:
                for value in metas.get(name, [])[:1]:
                    self.add(value, kind, f"meta:{name}", "meta")
        self.dates.extend(d for d in walked if d not in self.dates)
        if not any(d.kind in ("published", "updated") for d in self.dates):
            self._weak(metas, title, root)
        return tuple(self.dates), self.raw

    def _weak(self, metas: Mapping[str, list[str]], title: str | None, root: HtmlElement) -> None:
        """Evidence read only when the page states no date elsewhere."""
        conv = conventions()
        for name in conv.image_meta:
            for value in metas.get(name, [])[:1]:
                day = url_date(value)
                if day is not None:
                    self._append(
                        DateCandidate(day.isoformat(), "published", f"image-url:{name}", "day", "image-url")
                    )
        for src in self._images:
            day = url_date(src)
            if day is not None:
                self._append(DateCandidate(day.isoformat(), "published", "image-url:img", "day", "image-url"))
        for rel, href in _head_links(root):
            if rel in conv.link_rels:
                day = url_date(href)
                if day is not None:
                    self._append(DateCandidate(day.isoformat(), "published", f"link:{rel}", "day", "url"))
        if title and any(c.isdigit() for c in title):
            self.add(title, "published", "title-tag", "title")
        if not any(d.kind == "copyright" for d in self.dates):
            for text in _copyright_texts(root):
                year = copyright_year(text)
                if year is not None:
                    self._append(
                        DateCandidate(f"{year:04d}", "copyright", "copyright:text", "year", "copyright")
                    )
                    break


def _scalar(value: Any) -> Any:
    """A JSON-LD value that may be a list: its first string."""
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str | int)), None)
    return str(value) if isinstance(value, int) else value


def _head_links(root: HtmlElement) -> list[tuple[str, str]]:
    out = []
    for link in root.iter("link"):
        rel, href = (link.get("rel") or "").strip().lower(), link.get("href")
        if rel and href:
            out.append((rel, href))
    return out


#: Text nodes read for a copyright notice (a page's footer holds one).
MAX_COPYRIGHT_NODES = 5


def _copyright_texts(root: HtmlElement) -> list[str]:
    """The first :data:`MAX_COPYRIGHT_NODES` text nodes of the page holding a copyright sign or word.

    Read by one pass over the page's text in document order (the text of comments and
    processing instructions is no text node), stopping at the last node needed.
    """
    out: list[str] = []
    for text in root.getroottree().getroot().itertext():
        if "©" in text or "opyright" in text or "(c) " in text:
            out.append(text[:200])
            if len(out) == MAX_COPYRIGHT_NODES:
                break
    return out


#: Sources of weak date evidence (read only when the page states no date elsewhere): they do not
#: count as a stated date for :func:`states_date`.
WEAK_SOURCES = ("image-url:", "link:", "title-tag", "copyright:", "url")


def states_date(dates: Sequence[DateCandidate], raw: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the page states its publication or update date (weak evidence and comments aside).

    ``dates`` are the normalised candidates, ``raw`` the strings left for the date stage.

    >>> states_date([DateCandidate("2012", "copyright", "copyright:text", "year", "copyright")], [])
    False
    >>> states_date([], [{"value": "4 May 2012", "kind": "published", "source": "html:date-element"}])
    True
    """
    found = [(d.kind, d.source) for d in dates] + [(str(r.get("kind")), str(r.get("source"))) for r in raw]
    return any(k in ("published", "updated") and not src.startswith(WEAK_SOURCES) for k, src in found)


#: The removed regions read for a date line: the last ones before the story's first kept block
#: (and after the headline, when it stands above the story). A post's meta line ("by Ann Roe on
#: May 4, 2012", "Tuesday, May 6, 2012 | 11:00 AM") sits in one of the last two regions above
#: the story on the Dragnet and CleanEval blogs that date no other way.
HEAD_REGIONS = 3
#: Removal reasons of regions that never hold the story's own date line (lists of other stories,
#: reader comments, page furniture).
NOT_HEAD_REASONS = frozenset(
    {
        "html_related",
        "html_comments",
        "html_sidebar",
        "html_form",
        "html_ads",
        "html_newsletter",
        "html_cookie",
        "html_paywall",
        "html_footer",
    }
)
#: Removal reasons of link lists: such a region is read only when it is one line (the date alone,
#: linked to the story's own address), never a list of dated links.
LIST_REASONS = frozenset({"html_link_dense", "html_nav"})
#: The source of that line's date: ranked with the headline's own date line (``headline:next``).
STORY_HEAD_SOURCE = "headline:story-head"


def regions_above_story(
    removed: Sequence[tuple[int, str, str]], story_start: int | None, reach: int
) -> list[tuple[str, str]]:
    r"""The removed regions that may hold the story's own header lines, as (reason, text), in page order.

    ``removed`` holds the extraction's removed regions as (block index, reason, text),
    in page order; ``story_start`` is the index of the story's first kept block. Read
    are the last ``reach`` regions before the story, none above the headline (reason
    ``html_title``), none of :data:`NOT_HEAD_REASONS`, and of :data:`LIST_REASONS`
    only one-line regions (a date or a name alone, never a list of links).

    >>> regions_above_story([(0, "html_nav", "Home\nNews"), (1, "html_nav", "May 4"), (2, "html_related", "x")], 3, 3)
    [('html_nav', 'May 4')]
    """
    if story_start is None:
        return []
    before = [r for r in removed if r[0] < story_start]
    title = next((k for k in range(len(before) - 1, -1, -1) if before[k][1] == "html_title"), -1)
    return [
        (reason, text)
        for _, reason, text in before[max(title + 1, len(before) - reach) :]
        if reason not in NOT_HEAD_REASONS and (reason not in LIST_REASONS or "\n" not in text)
    ]


def story_head_date(removed: list[tuple[int, str, str]], story_start: int | None) -> dict[str, Any] | None:
    r"""The short line holding a year right above the story, as a raw date string.

    ``removed`` holds the extraction's removed regions as (block index, reason, text),
    in page order; ``story_start`` is the index of the story's first kept block. The
    regions read are the last :data:`HEAD_REGIONS` before the story
    (:func:`regions_above_story`). Nearest the story first, the first line
    of at most ``date_element_chars`` characters holding a year is the post's date
    line; it goes to the date stage, which parses it with the page language. A line
    naming an update (``Updated May 5, 2012``) is kind ``updated`` and is taken only
    when no other line is found. The text stages never see these lines: the HTML stage
    removed them.

    >>> story_head_date([(0, "html_nav", "Home\nNews"), (2, "html_author", "Storm hits\nby Ann Roe on May 4, 2012")], 3)
    {'value': 'by Ann Roe on May 4, 2012', 'kind': 'published', 'source': 'headline:story-head', 'origin': 'element', 'element': False}
    >>> story_head_date([(0, "html_link_dense", "Older story\nMay 2, 2012\nOther story\nMay 1, 2012")], 1) is None
    True
    """
    conv = conventions()
    limit = conv.limits["date_element_chars"]
    updated: dict[str, Any] | None = None
    for _, text in reversed(regions_above_story(removed, story_start, HEAD_REGIONS)):
        for line in reversed(text.split("\n")):
            value = " ".join(line.split())
            if not value or len(value) > limit or not _YEARISH.search(value):
                continue
            kind = "updated" if conv.updated_hints.search(value) else "published"
            found = {
                "value": value,
                "kind": kind,
                "source": STORY_HEAD_SOURCE,
                "origin": "element",
                "element": False,
            }
            if kind == "published":
                return found
            updated = updated or found
    return updated
