"""The ``extract_html`` stage: an HTML page becomes story text, one block per line.

It runs first in the default pipeline and does nothing unless the document is
HTML (``doc.kind == "html"``). It parses the page with lxml, reads the page's
metadata into fields (title, site name, authors, tags, section, language, date
candidates; the rest under ``extra["html"]``), finds the main content (see
:mod:`newsclean.html.content`), logs one edit per removed block, and rebases
the document on the extracted text so the text stages start from the story.
It never sets ``published``: the date stage chooses among the candidates.

``ExtractHtml(path="page")`` skips the story choice and hands on every block of
the page, one per line, marked ``whole_page``: the text stages then judge it as
they judge a text capture. The default (``path="html"``) is the extraction
above; a per-page choice between the two was studied and not adopted (see the
extraction docs and ``benchmarks/path_study.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from newsclean.document import Document, Edit
from newsclean.errors import ConfigError
from newsclean.registry import register

if TYPE_CHECKING:
    from newsclean.html.content import Extraction
    from newsclean.html.parse import Parser
else:  # the HTML package is imported by the first HTML page, not by text captures
    Parser = Literal["lxml", "html.parser"]

#: ``html``: the story extracted from the tree; ``page``: every block of the page, as a capture.
ExtractionPath = Literal["html", "page"]

__all__ = ["ExtractHtml", "extract_html", "from_soup"]

NAME = "extract_html"


@register(NAME)
@dataclass(frozen=True, slots=True)
class ExtractHtml:
    """Extract the story and page metadata from an HTML document.

    Args:
        parser: ``lxml`` (default, fast) or ``html.parser`` (BeautifulSoup's
            pure-Python parser, for markup libxml2 mishandles).
        path: ``html`` (default) extracts the story from the tree; ``page``
            hands on every block of the page for the text stages to judge, as
            they judge a text capture.

    >>> from newsclean import Pipeline
    >>> page = ('<html lang="en"><head><title>Bridge reopens | Metro Daily</title>'
    ...         '<meta property="og:site_name" content="Metro Daily"></head><body>'
    ...         '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
    ...         '<article><h1>Bridge reopens</h1><p>The bridge reopened on Friday after '
    ...         'two years of repairs, officials said.</p></article></body></html>')
    >>> doc = Pipeline([ExtractHtml()]).run(page)
    >>> doc.text
    'The bridge reopened on Friday after two years of repairs, officials said.'
    >>> doc.get("title"), doc.get("site_name"), doc.get("language")
    ('Bridge reopens', 'Metro Daily', 'en')
    """

    name: ClassVar[str] = NAME
    provides: ClassVar[tuple[str, ...]] = (
        "title",
        "site_name",
        "authors",
        "tags",
        "related",
        "section",
        "dates",
        "language",
    )
    requires: ClassVar[tuple[str, ...]] = ()

    parser: Parser = "lxml"
    path: ExtractionPath = "html"

    def __post_init__(self) -> None:
        if self.path not in ("html", "page"):
            raise ConfigError(f"path must be 'html' or 'page', not {self.path!r}")

    def __call__(self, doc: Document) -> Document:
        """Run the stage on ``doc`` (a no-op unless it is HTML)."""
        if doc.kind != "html":
            return doc
        from newsclean.html.content import extract_content
        from newsclean.html.dates import states_date, story_head_date
        from newsclean.html.meta import marked_authors, read_metadata
        from newsclean.html.parse import parse_html

        root, warnings = parse_html(doc.text, parser=self.parser)
        for w in warnings:
            doc = doc.with_warning(w)
        if root is None:
            return doc.rebase("")
        meta = read_metadata(root)
        extraction = extract_content(
            root,
            headlines=meta.headlines,
            whole_page=self.path == "page",
            marks=meta.body_marks,
            tag_links=meta.tag_links,
            noscripts=meta.noscripts,
            # (the lxml parser keeps no comments or processing instructions, and makes no entity nodes)
            elements_only=self.parser == "lxml",
        )
        edits = [
            Edit(NAME, "extract" if r.action == "extract" else "remove", r.reason, r.text, "")
            for r in extraction.removed
        ]
        fields: dict[str, Any] = {}
        if meta.title is None and extraction.headline:
            fields["title"] = extraction.headline
        for key in ("title", "site_name", "section", "language"):
            value = getattr(meta, key)
            if value:
                fields[key] = value
        if meta.authors:
            fields["authors"] = meta.authors
        else:
            regions = _byline_regions(extraction)
            # names marked rel/itemprop="author", kept when the byline region prints them
            names = marked_authors(
                meta.author_marks, "\n".join([*regions, *extraction.lines[:BYLINE_STORY_LINES]])
            )
            if not names:
                # else a labelled byline line the extraction removed above the story, read as
                # the text stages read one ("By Ann Roe and Tom Gill", "Posted by Ann Roe on ...")
                names = _removed_byline(regions)
            if names:
                fields["authors"] = names
        tags = _unique(meta.tags + extraction.tags)
        if tags:
            fields["tags"] = tags
        if extraction.related:
            fields["related"] = tuple(doc.get("related", ())) + extraction.related
        if meta.dates:
            fields["dates"] = tuple(doc.get("dates", ())) + meta.dates
        extra = dict(meta.extra)
        if not states_date(meta.dates, extra.get("date_strings", ())):
            # no page date stated: the post's date line the extraction removed above the story
            head = story_head_date(
                [(r.index, r.reason, r.text) for r in extraction.removed], extraction.story_start
            )
            if head is not None:
                extra["date_strings"] = [*extra.get("date_strings", ()), head]
        extra["parser"] = self.parser
        if extraction.container:
            extra["container"] = extraction.container
        if extraction.whole_page:
            extra["whole_page"] = True
        doc = doc.with_log(edits).rebase("\n".join(extraction.lines))
        if fields:
            doc = doc.with_fields(**fields)
        return doc.with_extra("html", extra)


def from_soup(soup: Any) -> str:
    """Return the markup of a ``bs4`` object, ready for ``clean()`` (see :func:`newsclean.html.from_soup`)."""
    from newsclean.html import from_soup as _from_soup

    return _from_soup(soup)


#: Removed regions above the story read as its byline region (after the headline when it stands
#: above the story): a post's header holds the headline, the byline, the date, share buttons.
BYLINE_REGIONS = 6
#: The story's first lines read as part of its byline region (a byline the extraction kept).
BYLINE_STORY_LINES = 3


def _byline_regions(extraction: Extraction) -> list[str]:
    """The texts of the removed regions above the story's start (its byline region).

    Regions of other stories, comments and page furniture are left out as for the date
    line above the story (:func:`~newsclean.html.dates.regions_above_story`).
    """
    from newsclean.html.dates import regions_above_story

    removed = [(r.index, r.reason, r.text) for r in extraction.removed]
    return [text for _, text in regions_above_story(removed, extraction.story_start, BYLINE_REGIONS)]


def _removed_byline(regions: list[str]) -> tuple[str, ...]:
    """The names of the first labelled byline line among the removed regions above the story.

    A label alone on its line (``By``) labels the line under it, as in the text stages.
    """
    from newsclean.html.meta import MAX_PRINTED_AUTHORS
    from newsclean.stages._byline import parse_byline
    from newsclean.stages._header import _vocab

    label_only = _vocab().byline_label_only
    for region in regions:
        lines = region.split("\n")
        for k, line in enumerate(lines):
            names = parse_byline(line)
            if not names and label_only.match(line.strip()) and k + 1 < len(lines):
                names = parse_byline(lines[k + 1], labelled=False)  # "By" / "Ann Roe" on two lines
            if names:
                return tuple(names[:MAX_PRINTED_AUTHORS])
    return ()


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    """``values`` without case-insensitive repeats, first one kept."""
    seen: set[str] = set()
    out = []
    for v in values:
        if v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return tuple(out)


#: The stage with default options (what the default pipeline runs).
extract_html = ExtractHtml()
