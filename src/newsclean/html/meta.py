"""Page metadata: title, site name, authors, tags, section, language and dates.

Read from ``<title>``, ``<meta>`` (Open Graph ``og:*``, ``article:*``, Dublin
Core, ``name="author"``/``"keywords"``), ``<link rel="canonical">``,
``<html lang>``, ``<time datetime>``, ``itemprop`` attributes and JSON-LD
(schema.org ``NewsArticle``, ``Article``, ``BlogPosting`` and their kin).
The names follow the Open Graph protocol (ogp.me), schema.org and the Dublin
Core meta conventions. The tree is walked once: each element feeds the
fields here and the date evidence of :mod:`newsclean.html.dates`, whose
conventions (meta names, ``itemprop``, ``<time>``, ``<abbr>``, date-named
elements, weak evidence) are the table ``data/html_dates.json``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsclean import regexlite as regex
from newsclean.article import DateCandidate
from newsclean.dateparse import url_date
from newsclean.html.blocks import BODY_ITEMPROP
from newsclean.html.dates import (
    VISITED_TAGS,
    DateCollector,
    conventions,
    in_comment,
    iso_date,
    may_date,
)
from newsclean.html.lists import is_tag_rel

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = [
    "PUBLISHED_META",
    "UPDATED_META",
    "PageMeta",
    "iso_date",
    "marked_authors",
    "normalize_title",
    "read_metadata",
]

#: schema.org types whose fields describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "livebloposting",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "socialmediaposting",
        "discussionforumposting",
    }
)
#: schema.org page types: their dates are a weaker signal than an article's.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "mediaobject", "videoobject"})

#: meta names (``name``, ``property``, ``itemprop`` or ``http-equiv``, lower case) that carry
#: the publication and the last-modified date, in order of trust (``data/html_dates.json``).
PUBLISHED_META = conventions().meta["published"]
UPDATED_META = conventions().meta["updated"]
_DATE_META = frozenset(PUBLISHED_META + UPDATED_META)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_TAG_META = ("keywords", "news_keywords", "article:tag", "parsely-tags", "sailthru.tags")
_SECTION_META = ("article:section", "parsely-section", "section", "category")

_WS = regex.compile(r"\s+")
_URLISH = regex.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net)\b", regex.I)
_BY_PREFIX = regex.compile(r"^\s*(?:by|von|par|por|di|door)\s+", regex.I)
# A blank run is tried from its first character only and taken whole (possessive): tried
# from every blank of a long run, ``\s+…\s+`` was quadratic in the run's length.
_TITLE_SEPARATORS = regex.compile(r"(?<!\s)\s++[|–—\-:·•»/]++\s++")
_NON_WORD = regex.compile(r"[^\w]+")
_LIST_SEPARATOR = regex.compile(r"[,;|]")
_LANG = regex.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")
_MAX_JSON_NODES = 20_000
#: The JSON-LD reader (control characters allowed inside strings), made once: ``json.loads``
#: with an option builds a decoder per call, a third of the cost of a small script.
_JSON = json.JSONDecoder(strict=False)
#: Elements read for the page's own fields (and never for date evidence, but a ``<meta>``
#: under the headline and a second ``<title>``).
_HEAD_TAGS = frozenset({"meta", "script", "link", "title"})
#: A heading shorter than this (normalised) must equal a headline form to count as the headline.
MIN_HEADLINE_CHARS = 15


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself.

    Attributes:
        title: The headline, site-name suffix removed.
        headlines: Every headline form seen (og, JSON-LD, ``<title>`` and its
            parts), normalised; body lines equal to one of them are the headline.
        site_name: The publication's name.
        authors: Author names.
        tags: Keywords and tags.
        section: The section or category.
        language: Primary language subtag, lower case (``en``).
        dates: Date candidates with their source.
        extra: Everything else worth keeping (canonical URL, description,
            raw date strings, JSON-LD types) for ``Article.extra["html"]``.
        body_marks: The elements holding ``itemprop="articleBody"``, in page order,
            for the content pass (:func:`newsclean.html.content.extract_content`),
            which then needs no pass of its own to find them.
        tag_links: The ``<a>`` elements marked ``rel="tag"``, in page order, for the
            tag lists of :func:`newsclean.html.lists.link_lists` (found where the walk
            reads each link anyway, so that no pass over the page's links is made there).
        noscripts: The ``<noscript>`` elements, in page order, for the content pass
            (:func:`newsclean.html.blocks.strip_silent`), which then needs no pass of its own.
        author_marks: Personal names the page marks as an author in its markup
            (``rel="author"`` links, ``itemprop="author"`` elements; none inside a reader
            comment), in page order: a related list marks its own authors too, so the stage
            keeps only those its byline region prints (:func:`marked_authors`). Read only
            when the page's metadata names no author (``authors`` empty), the one case the
            stage reads them.
    """

    title: str | None = None
    headlines: frozenset[str] = frozenset()
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    section: str | None = None
    language: str | None = None
    dates: tuple[DateCandidate, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    body_marks: tuple[HtmlElement, ...] = field(default=(), repr=False, compare=False)
    tag_links: tuple[HtmlElement, ...] = field(default=(), repr=False, compare=False)
    noscripts: tuple[HtmlElement, ...] = field(default=(), repr=False, compare=False)
    author_marks: tuple[str, ...] = ()


#: The most characters a value read from the page's metadata keeps: a longer one is
#: something else pasted in (a description, a whole story) and is not used; a longer
#: ``<title>`` is cut to this many characters instead (see :func:`_title_text`).
FIELD_LIMIT = 500


# A character reference left in a value the parser has already decoded: the page escaped it
# twice (``content="Jo&amp;#xE3;o Costa"``). Only complete references, closed by ``;``.
_LEFT_REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _clean(value: Any, limit: int = FIELD_LIMIT) -> str | None:
    """A metadata value on one line, its doubly escaped character references decoded; None if empty or too long.

    >>> _clean("Jo&#xE3;o  Costa e Lima")
    'João Costa e Lima'
    >>> _clean("AT&T; R&D")
    'AT&T; R&D'
    """
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = _LEFT_REFERENCE.sub(_decoded, value)
    text: str = _WS.sub(" ", value).strip()
    if not text or len(text) > limit:
        return None
    return text


def _decoded(m: regex.Match[str]) -> str:
    """The character a reference names, or the reference as written when it names none."""
    ref = m.group()
    out = html.unescape(ref)
    return ref if out == ref or out in ("\x00", "\ufffd") else out


def _title_text(value: str) -> str | None:
    """The ``<title>`` text on one line, cut at the last word that fits :data:`FIELD_LIMIT`.

    A page's ``<title>`` is its own name for itself even when a keyword list
    or a description follows the headline: its start is kept, not dropped.
    Without a space before the limit there is no word to keep (None).

    >>> title = _title_text("Storm hits coast " + "rain " * 200)
    >>> len(title), title[:21], title[-10:]
    (496, 'Storm hits coast rain', ' rain rain')
    """
    text = _WS.sub(" ", value).strip()
    if len(text) > FIELD_LIMIT:
        cut = text.rfind(" ", 0, FIELD_LIMIT + 1)
        if cut <= 0:
            return None  # one "word" longer than any title: no word to cut at, nothing to keep
        text = text[:cut]
    return text or None


def normalize_title(text: str) -> str:
    """Normalise a headline for comparison: case-folded, punctuation-free, single-spaced.

    >>> normalize_title("  Storm Hits  Coast — Live! ")
    'storm hits coast live'
    """
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    m = _LANG.match(value.strip())
    return m[1].lower() if m else None


def _json_ld_objects(text: str) -> list[dict[str, Any]]:
    """Return every JSON object in a JSON-LD script (``@graph`` and nesting flattened)."""
    try:
        data = _JSON.decode(text)
    except (ValueError, RecursionError):
        return []
    out: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < _MAX_JSON_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            out.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
                if key in item:
                    stack.append(item[key])
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.casefold()}
    if isinstance(t, list):
        return {x.casefold() for x in t if isinstance(x, str)}
    return set()


def _names(value: Any) -> list[str]:
    """Names from a schema.org author/publisher value (string, object or list)."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:20]:
        name = item.get("name") if isinstance(item, dict) else item
        text = _clean(name, 120)
        if text:
            out.append(text)
    return out


def _split_list(value: str) -> list[str]:
    return [p.strip() for p in _LIST_SEPARATOR.split(value) if p.strip()]


#: Most words of one name in an author value split into several ("Jane Doe; Ann Roe").
MAX_NAME_WORDS = 4
#: Most words of an author value kept whole (a credit such as "Metro News Staff"); longer is prose.
MAX_AUTHOR_WORDS = 8
#: Longest site name, author or tag kept from the metadata (characters).
MAX_LIST_ITEM = 80


def _author_names(value: str) -> list[str]:
    """The names of an author value, its roles left out.

    Split as a byline's names part is (commas, semicolons, "and" and its
    translations; "e"/"y" before one word is a double surname), then the
    segments that are roles beside a name ("AP National Writer") dropped; a
    value holding no name but roles is the page's credit, kept as written.

    >>> _author_names("Jane Doe, AP National Writer")
    ['Jane Doe']
    >>> _author_names("Rui Costa e Lima")
    ['Rui Costa e Lima']
    >>> _author_names("Ana Gil; Tom Roe")
    ['Ana Gil', 'Tom Roe']
    >>> _author_names("Analysis by Jane Doe, CNN Editor-at-large")
    ['Jane Doe']
    >>> _author_names("JANE DOE")
    ['Jane Doe']
    >>> _author_names("BBC News")
    ['BBC News']
    """
    from newsclean.stages._byline import _is_agency, _is_role, name_segments, title_cased
    from newsclean.stages._header import _vocab

    v = _vocab()
    label = v.byline_label.match(value)  # "By", "Von", "Analysis by", ...
    value = value[label.end() :].strip() if label and label.end() < len(value) else _BY_PREFIX.sub("", value)
    if _URLISH.search(value):
        return []
    parts = [p.strip() for piece in value.split(";") for p in name_segments(piece, v) if p.strip()]
    # a role beside a name goes ("Jane Doe, AP Sports Writer"); a value of roles only is kept
    # as written, as the page's own credit ("BBC News", "HNN Staff")
    # a name printed in capitals is title-cased as the text path does ("ANA ROE" -> "Ana Roe"),
    # never an agency ("AFP") or a one-word value
    names = [
        title_cased(p, v) if len(p.split()) >= 2 and not _is_agency(p, v) else p
        for p in parts
        if not _is_role(p, v)
    ] or parts
    if len(parts) > 1 and names and all(1 <= len(p.split()) <= MAX_NAME_WORDS for p in names):
        return names
    if (
        len(parts) == 1
        and len(names[0].split()) <= MAX_NAME_WORDS
        and names[0].casefold() == value.strip().casefold()
    ):
        return names  # one name, title-cased when printed in capitals
    return [value] if len(value.split()) <= MAX_AUTHOR_WORDS else []


def _add_unique(target: list[str], values: list[str], limit: int) -> None:
    seen = {v.casefold() for v in target}
    for v in values:
        if len(target) >= limit:
            return
        key = v.casefold()
        if key not in seen and len(v) <= MAX_LIST_ITEM:
            seen.add(key)
            target.append(v)


def _strip_site_name(title: str, site_names: list[str]) -> str:
    """Remove a site-name suffix or prefix (``Headline | Site``) when the site name is known.

    >>> _strip_site_name("Storm hits coast | Daily Planet", ["Daily Planet"])
    'Storm hits coast'
    """
    seps = list(_TITLE_SEPARATORS.finditer(title))
    if not seps:
        return title
    for site in site_names:
        s = normalize_title(site)
        if not s:
            continue
        last, first = seps[-1], seps[0]
        if normalize_title(title[last.end() :]) == s:
            return title[: last.start()].strip() or title
        if normalize_title(title[: first.start()]) == s:
            return title[first.end() :].strip() or title
    return title


#: At most this many ``rel="author"`` / ``itemprop="author"`` elements are read on a page.
MAX_AUTHOR_MARKS = 10
#: At most this many authors are read from the page's metadata (and its author marks).
MAX_META_AUTHORS = 10
#: At most this many authors are taken from what the byline region prints (marked names it
#: prints, or a labelled byline line removed above the story): more is a list, not a byline.
MAX_PRINTED_AUTHORS = 4


def _names_author(el: HtmlElement) -> bool:
    """Whether an element is marked ``itemprop="author"`` (schema.org microdata)."""
    itemprop = el.get("itemprop")
    return itemprop is not None and "author" in itemprop.split()


def _marked_names(elements: list[HtmlElement]) -> tuple[str, ...]:
    """The personal names of the author-marked elements, in page order, without repeats.

    An ``itemprop="author"`` element gives its ``itemprop="name"`` (content or text),
    else its own content or text; a ``rel="author"`` link its text. Each value is read
    as a byline's names part (:func:`_author_names`); kept are names shaped as a
    person's (no agency, no role) holding a word rarer than common English or spelled
    in the link's address (``View Profile`` is a link's wording, not a name); the
    stage's cross-check with the byline region does the rest.
    """
    from newsclean.stages._byline import _is_agency, _is_role, _name, _rare_token
    from newsclean.stages._header import _vocab

    v = _vocab()
    out: list[str] = []
    for el in elements:
        if in_comment(el):
            continue
        node = next((n for n in el.iter() if n is not el and n.get("itemprop") == "name"), None)
        source = node if node is not None else el
        value = source.get("content") if source.tag == "meta" or source.get("content") else None
        text = _clean(value if value is not None else " ".join("".join(source.itertext()).split()), 120)
        href = _NON_WORD.sub("", (el.get("href") or "").casefold())
        for name in _author_names(text or ""):
            person = _name(name, v)
            if person is None or _is_agency(person, v) or _is_role(person, v):
                continue
            # a link's wording ("View Profile") is common words only; a name has a rare word
            # or is spelled in the link's address ("/author/john-cook")
            if _rare_token(person) or _NON_WORD.sub("", person.casefold()) in href:
                _add_unique(out, [person], MAX_META_AUTHORS)
    return tuple(out)


def marked_authors(marks: tuple[str, ...], region: str, limit: int = MAX_PRINTED_AUTHORS) -> tuple[str, ...]:
    """The author-marked names that the page's byline region prints, in page order.

    ``region`` is the text around the story's start (the regions removed between the
    headline and the story, and the story's first lines). A name marked only in a list
    of other stories or a sidebar is not printed there.

    >>> marked_authors(("Ann Roe", "Tom Gill"), "Storm hits | By ANN ROE, May 4")
    ('Ann Roe',)
    """
    folded = region.casefold()
    return tuple(n for n in marks if n.casefold() in folded)[:limit]


def _end_segments(title: str) -> list[str]:
    """The runs of a title's separator-cut segments that hold one of its ends, longest first.

    >>> _end_segments("Opinion | Storm hits coast | Daily Planet")
    ['Storm hits coast | Daily Planet', 'Opinion | Storm hits coast', 'Daily Planet', 'Opinion']
    """
    seps = list(_TITLE_SEPARATORS.finditer(title))
    runs = [title[: m.start()].strip() for m in seps] + [title[m.end() :].strip() for m in seps]
    return sorted((r for r in runs if r), key=len, reverse=True)


#: A link path segment joining this many words or more (by hyphens or underscores) is a story's
#: slug (``/storm-hits-the-coast/``), never the address of a site's or a blog's home page.
SLUG_WORDS = 3
_SLUG_JOINS = regex.compile(r"[-_]")


def _home_link(href: str) -> bool:
    """Whether a link points to a site's or a blog's home page: no path, or one short word as path.

    >>> [_home_link(h) for h in ("/", "http://example.org", "https://example.org/notes/", "/2020/05/storm")]
    [True, True, True, False]
    >>> _home_link("/storm-hits-the-coast/")
    False
    """
    from urllib.parse import urlsplit

    try:
        path = urlsplit(href.strip()).path
    except ValueError:
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return True
    if len(segments) > 1:
        return False
    seg = segments[0]
    return "." not in seg and not any(c.isdigit() for c in seg) and len(_SLUG_JOINS.split(seg)) < SLUG_WORDS


def _is_banner(heading: HtmlElement) -> bool:
    """Whether an ``<h1>`` is the site's banner (its name linked to the home page), not a story's headline."""
    return any(_home_link(a.get("href") or "") for a in heading.iter("a") if a.get("href") is not None)


def _printed_title(candidates: list[str], site_names: list[str], headings: list[str]) -> str | None:
    """The metadata title the page prints as a top heading (an ``<h1>`` not its banner), or None when none is.

    ``og:title``, the JSON-LD headline and the ``<title>`` are often worded apart
    (a social headline, a search headline, a section or site segment glued on);
    the one that the page's ``<h1>`` repeats is the headline a reader sees. A
    candidate agrees whole (its site name taken off) first, in the order of trust
    of ``candidates``; else the longest run of separator-cut segments at one end of
    a candidate (``Opinion | Storm hits coast`` printed as ``Storm hits coast``),
    of :data:`MIN_HEADLINE_CHARS` or more and not the site's name.

    >>> _printed_title(["Storm hits the coast", "Storm hits the coast tonight"], [], ["Storm hits the coast tonight"])
    'Storm hits the coast tonight'
    >>> _printed_title(["Opinion | Why floods keep coming"], [], ["Opinion", "Why floods keep coming"])
    'Why floods keep coming'
    >>> _printed_title(["Lakeside Notes | A walk by the water"], [], ["Lakeside Notes", "Recent posts"]) is None
    True
    """
    sites = {normalize_title(s) for s in site_names}
    printed = {normalize_title(h) for h in headings} - sites - {""}
    if not printed:
        return None
    for cand in candidates:
        for form in (_strip_site_name(cand, site_names), cand):
            if normalize_title(form) in printed:
                return form
    best: str | None = None
    for cand in candidates:
        for form in _end_segments(_strip_site_name(cand, site_names)):
            norm = normalize_title(form)
            if len(norm) >= MIN_HEADLINE_CHARS and norm in printed and norm not in sites:
                if best is None or len(form) > len(best):
                    best = form
                break
    return best


def read_metadata(root: HtmlElement) -> PageMeta:
    """Read the page's own metadata from a parsed tree.

    Args:
        root: The ``<html>`` element (scripts still in place: JSON-LD lives there).

    Returns:
        A :class:`PageMeta`; fields the page does not state are None or empty.
    """
    import lxml.etree

    metas: dict[str, list[str]] = {}
    article: dict[str, Any] = {}
    page: dict[str, Any] = {}
    ld_types: list[str] = []
    title_tag: str | None = None
    seen_title = False
    canonical: str | None = None
    collector = DateCollector()
    visit = collector.visit
    marks: list[HtmlElement] = []  # (``itemprop="articleBody"``, read where the attributes are read anyway)
    tag_links: list[HtmlElement] = []  # (links marked ``rel="tag"``, read where each link is read anyway)
    noscripts: list[HtmlElement] = []  # (for the content pass, which then needs no pass to find them)
    author_els: list[HtmlElement] = []  # (``rel="author"`` links and ``itemprop="author"`` elements)
    # One walk over the tree: each element feeds the fields below and the date evidence.
    # Most elements say nothing about either: an element :meth:`DateCollector.visit` would
    # find nothing on (no tag it reads, no attribute it reads, no class or id naming a date,
    # no headline date line being read: :func:`~newsclean.html.dates.may_date`) is passed over
    # here on one read of its attributes.
    for el in root.iter(lxml.etree.Element):  # (not comments and processing instructions)
        tag = el.tag
        if tag in _HEAD_TAGS:
            if (tag != "title" or not seen_title) and el.get("itemprop") == BODY_ITEMPROP:
                marks.append(el)  # (a later <title> is read below, as any element)
            if tag == "meta":
                key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
                content = el.get("content")
                if key and content is not None:
                    key = key.strip().lower()
                    # a reader comment's microdata stamp is the comment's date, not the page's
                    if not (key in _DATE_META and el.get("itemprop") and in_comment(el)):
                        metas.setdefault(key, []).append(content)
                if collector.after_headline:
                    visit(el, tag)  # (a meta element only counts as a line read under the headline)
                continue
            if tag == "script":
                if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
                    continue
                for obj in _json_ld_objects(el.text):
                    types = _types(obj)
                    ld_types.extend(sorted(types))
                    if types & ARTICLE_TYPES and not article:
                        article = obj
                    elif types & PAGE_TYPES and not page:
                        page = obj
                continue
            if tag == "link":
                if (
                    canonical is None
                    and (el.get("rel") or "").strip().lower() == "canonical"
                    and el.get("href")
                ):
                    canonical = el.get("href", "").strip()
                continue
            if not seen_title:  # the first <title>; any later one is read as any element
                seen_title = True
                title_tag = _title_text("".join(el.itertext()))
                continue
        if collector.after_headline or tag in VISITED_TAGS:
            if tag == "noscript":  # (read here only under a headline)
                noscripts.append(el)
            itemprop = el.get("itemprop")
            if itemprop == BODY_ITEMPROP:
                marks.append(el)
            if tag == "a":
                rel = el.get("rel")
                if rel and is_tag_rel(rel):
                    tag_links.append(el)
                if rel and "author" in rel.lower().split() and len(author_els) < MAX_AUTHOR_MARKS:
                    author_els.append(el)
            if itemprop is not None and "author" in itemprop.split() and len(author_els) < MAX_AUTHOR_MARKS:
                author_els.append(el)  # (marked ``itemprop="author"``: :func:`_names_author`)
            # (a link says something only by its title: most links are passed over on one read)
            if tag != "a" or collector.after_headline or el.get("title"):
                visit(el, tag)
            continue
        if tag == "noscript":
            noscripts.append(el)
        items = el.items()
        if items and may_date(tag, items):  # (true for any element with an ``itemprop``)
            if ("itemprop", BODY_ITEMPROP) in items:
                marks.append(el)
            elif _names_author(el) and len(author_els) < MAX_AUTHOR_MARKS:
                author_els.append(el)
            visit(el, tag)

    def meta(name: str) -> str | None:
        values = metas.get(name)
        return _clean(values[0]) if values else None

    site_names: list[str] = []
    _add_unique(site_names, [s for s in (meta("og:site_name"), meta("application-name")) if s], 3)
    publisher = article.get("publisher") or page.get("publisher")
    if publisher:
        _add_unique(site_names, _names(publisher), 3)
    site_name = site_names[0] if site_names else None

    headline_candidates = [
        meta("og:title"),
        _clean(article.get("headline")),
        meta("twitter:title"),
        meta("headline"),
        title_tag,
    ]
    headlines: set[str] = set()
    for h in headline_candidates:
        if h:
            headlines.add(normalize_title(h))
            stripped = _strip_site_name(h, site_names)
            headlines.add(normalize_title(stripped))
            parts = _TITLE_SEPARATORS.split(h)
            if len(parts) > 1:
                headlines.add(normalize_title(parts[0]))
    headlines.discard("")
    present = [h for h in headline_candidates if h]
    printed = [text for text, el in collector.headings if not _is_banner(el)]
    title = _printed_title(present, site_names, printed)
    if title is None and present:
        title = _strip_site_name(present[0], site_names) or present[0]

    authors: list[str] = []
    if article.get("author"):
        for name in _names(article["author"]):
            _add_unique(authors, _author_names(name), MAX_META_AUTHORS)
    if not authors:
        for name in _AUTHOR_META:
            for value in metas.get(name, []):
                _add_unique(authors, _author_names(_clean(value) or ""), MAX_META_AUTHORS)

    tags: list[str] = []
    for name in _TAG_META:
        for value in metas.get(name, []):
            _add_unique(tags, _split_list(value), 30)
    kw = article.get("keywords")
    if isinstance(kw, str):
        _add_unique(tags, _split_list(kw), 30)
    elif isinstance(kw, list):
        _add_unique(tags, [k.strip() for k in kw if isinstance(k, str) and k.strip()], 30)

    section = next((meta(n) for n in _SECTION_META if meta(n)), None)
    sec = article.get("articleSection")
    if isinstance(sec, list):
        sec = sec[0] if sec else None
    section = _clean(sec, 80) or section

    language = _lang(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if language is None:
        in_lang = article.get("inLanguage")
        language = (
            _lang(in_lang if isinstance(in_lang, str) else None)
            or _lang(meta("content-language"))
            or _lang(meta("og:locale"))
            or _lang(meta("language"))
        )

    def is_headline(text: str) -> bool:
        norm = normalize_title(text)
        if norm in headlines:
            return True
        return len(norm) >= MIN_HEADLINE_CHARS and any(norm in h or h in norm for h in headlines if h)

    dates, raw_dates = collector.finish(metas, article, page, title_tag, root, is_headline)

    extra: dict[str, Any] = {}
    if canonical:
        extra["canonical_url"] = canonical
    elif meta("og:url"):
        extra["canonical_url"] = meta("og:url")
    for url in (extra.get("canonical_url"), meta("og:url")):
        found = url_date(url) if url else None
        if found:
            dates = (*dates, DateCandidate(found.isoformat(), "published", "url", "day", "url"))
            break
    for extra_key, extra_value in (
        ("title_tag", title_tag),
        ("og_title", meta("og:title")),
        ("headline", _clean(article.get("headline"))),
        ("description", meta("og:description") or meta("description")),
        ("image", meta("og:image")),
        ("og_type", meta("og:type")),
    ):
        if extra_value:
            extra[extra_key] = extra_value
    if ld_types:
        extra["json_ld_types"] = sorted(set(ld_types))
    if raw_dates:
        extra["date_strings"] = raw_dates

    return PageMeta(
        title=title,
        headlines=frozenset(headlines),
        site_name=site_name,
        authors=tuple(authors),
        tags=tuple(tags),
        section=section,
        language=language,
        dates=tuple(dates),
        extra=extra,
        body_marks=tuple(marks),
        tag_links=tuple(tag_links),
        noscripts=tuple(noscripts),
        author_marks=() if authors else _marked_names(author_els),
    )
