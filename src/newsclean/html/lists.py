"""Related-story lists and tag lists: the link lists the extractor removes, kept as fields.

A page's story is followed (or interrupted) by lists of links to other
stories and to tag pages. The content pass removes them; this module reads
them back, in page order, as headlines for ``related`` and terms for ``tags``:

* elements pruned as ``html_related`` or ``html_tags`` by their class/id
  tokens (:mod:`newsclean.html.tokens`): their links;
* links marked ``rel="tag"`` anywhere on the page: tags;
* a short heading naming a list ("Related stories", "More on this topic",
  "Tags", "Lesen Sie auch"… the ``list_headings`` vocabularies of
  ``data/html_tokens.json``), followed by removed link blocks: their links;
* a removed block opening with such a heading and a colon ("Read also: <a>…</a>",
  "Tags: <a>…</a>, <a>…</a>"): its links.

Items lose bullets, counters and surrounding white space; duplicates are
dropped, first one wins.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsclean import regexlite as regex
from newsclean.data import alternation
from newsclean.html.tokens import vocabulary_data

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from lxml.etree import _Element as HtmlElement

    from newsclean.html.blocks import Block

__all__ = ["is_tag_rel", "link_lists", "list_heading"]

#: A related item needs at least this many words: a headline, not "More" or "Next".
MIN_HEADLINE_WORDS = 3
#: A tag has at most this many words and characters (a term, not a sentence).
MAX_TAG_WORDS = 5
MAX_TAG_CHARS = 50
#: A list heading is short: at most this many characters.
MAX_HEADING_CHARS = 60
#: At most this many items of each field are kept from one page.
MAX_ITEMS = 30

_BULLET = regex.compile(r"^(?:[\p{Pd}•·▪▸►▶*→»>›]+|\(?\d{1,2}[.)])\s*")
_PUNCT = regex.compile(r"[\p{P}\p{S}]+")


_FIELDS = ("related", "tags")


@lru_cache(maxsize=1)
def _headings() -> dict[str, str]:
    """Each normalised list heading with the first field (in :data:`_FIELDS` order) that lists it."""
    raw = vocabulary_data()["list_headings"]
    out: dict[str, str] = {}
    for field in _FIELDS:
        entries = {" ".join(_PUNCT.sub(" ", e.lower()).split()) for e in raw[field]}
        if not entries:
            raise ValueError(f"html list heading vocabulary {field!r} is empty")
        for entry in entries:
            out.setdefault(entry, field)
    return out


@lru_cache(maxsize=1)
def _heading_ends() -> re.Pattern[str]:
    """The last words of the list headings (normalised) as one pattern, laid out as a trie.

    A heading's words are runs of the lower-cased text between punctuation and white
    space, so a text that normalises to a heading, with or without words after it,
    holds that heading's last word: a text holding no last word of any heading is none.
    Nine short texts in ten hold none (on the AEB pages), answered by one search of the
    lower-cased text instead of the normalisation, a third of the cost.
    """
    return re.compile(alternation({h.rsplit(" ", 1)[-1] for h in _headings()}))


@lru_cache(maxsize=4096)
def list_heading(text: str) -> str | None:
    """Say which field a heading introduces (``"related"``, ``"tags"``) or None.

    >>> list_heading("More on this topic:")
    'related'
    >>> list_heading("Tags")
    'tags'
    >>> list_heading("The council voted on Tuesday") is None
    True
    """
    if len(text) > MAX_HEADING_CHARS:
        return None
    lower = text.lower()
    if _heading_ends().search(lower) is None:
        return None
    words = _PUNCT.sub(" ", lower).split()
    if not words:
        return None
    headings = _headings()
    # the heading itself, or it with one or two more words after it ("Related stories from us");
    # the first field in order that lists any of these forms
    found = [headings.get(" ".join(words[:n])) for n in (len(words), len(words) - 1, len(words) - 2) if n > 0]
    for field in _FIELDS:
        if field in found:
            return field
    return None


def _label(text: str) -> tuple[str, int] | None:
    """The field a block's own label introduces ("Read also: …", "Tags: …") and its colon, or None.

    The label is the text of the block's first line before its first colon, a list
    heading of at most :data:`MAX_HEADING_CHARS` characters (:func:`list_heading`), and
    something follows it on that line; the links printed after it are the items
    (:func:`_labelled_links`).

    >>> _label("Read also: New bridge to open in autumn")
    ('related', 9)
    >>> _label("Tags: budget, council")
    ('tags', 4)
    >>> _label("Officials said: the bridge opens in autumn") is None
    True
    """
    colon = text.find(":", 0, MAX_HEADING_CHARS + 1)
    if colon <= 0 or "\n" in text[:colon]:
        return None
    end = text.find("\n", colon)
    if not text[colon + 1 : end if end >= 0 else len(text)].strip():
        return None
    field = list_heading(text[: colon + 1])
    return (field, colon) if field is not None else None


#: A line ending in one of these goes on with the list on the next line ("Tags: floods,⏎bridges").
LIST_CONTINUES = (",", ";", "|", "·", "•")


def _labelled_lines(text: str, colon: int) -> str:
    r"""The text of a labelled block after its label: its first line, and the lines it runs on to.

    A list breaks onto another line where a line ends with a list separator
    (:data:`LIST_CONTINUES`); a line ending otherwise ends the list, so what
    follows it (a byline, share buttons) is not read.

    >>> _labelled_lines("Tags: floods,\nbridges,\nrivers\nShare this", 4)
    ' floods,\nbridges,\nrivers'
    >>> _labelled_lines("Tags: floods\nPosted by the desk", 4)
    ' floods'
    """
    start, end = colon, text.find("\n", colon)
    while end >= 0 and text[start:end].rstrip().endswith(LIST_CONTINUES):
        start, end = end + 1, text.find("\n", end + 1)
    return text[colon + 1 : end if end >= 0 else len(text)]


def _labelled_links(block: Block, colon: int) -> list[str]:
    """The links printed after a labelled block's label (ending at ``colon``), label taken off.

    The items are the links printed on the label's line and on the lines the list runs on
    to (:func:`_labelled_lines`). A link of the block's element printed elsewhere (a share
    button, a byline on the next line) is no item; a link that repeats the label
    ("Recommended: <headline>" as one link) loses it.
    """
    text = block.text
    rest = _labelled_lines(text, colon)
    label = text[: colon + 1].casefold()
    out = []
    for item in _links(block.owner):
        if item.casefold().startswith(label):
            item = item[len(label) :].strip()
        if item and item in rest:
            out.append(item)
    return out


def _item(text: str) -> str:
    return str(_BULLET.sub("", " ".join(text.split()))).strip()


def _links(el: HtmlElement) -> list[str]:
    out = []
    for a in el.iter("a"):
        text = _item("".join(a.itertext()))
        if text:
            out.append(text)
    return out


def _add(items: list[str], seen: set[str], values: Sequence[str], field: str) -> None:
    for v in values:
        words = len(v.split())
        if field == "related" and words < MIN_HEADLINE_WORDS:
            continue
        if field == "tags" and (words > MAX_TAG_WORDS or len(v) > MAX_TAG_CHARS):
            continue
        key = v.casefold()
        if key in seen or len(items) >= MAX_ITEMS:
            continue
        seen.add(key)
        items.append(v)


def is_tag_rel(rel: str) -> bool:
    """Say whether a link's ``rel`` value marks it a tag (``rel="tag"``, among other link types)."""
    return "tag" in rel.lower().split()


def link_lists(
    root: HtmlElement,
    blocks: Sequence[Block],
    kept: Sequence[bool],
    tag_links: Sequence[HtmlElement] | None = None,
) -> tuple[list[str], list[str]]:
    """Read related headlines and tags from the removed link lists of a page.

    Args:
        root: The parsed page (after the content pass).
        blocks: The page's blocks in document order.
        kept: For each block, whether the story kept it (kept blocks are never read).
        tag_links: The page's links marked ``rel="tag"`` in page order, when the caller
            has them (:attr:`newsclean.html.meta.PageMeta.tag_links`, found by the
            metadata walk before the content pass removed scripts and the like: those
            no longer below ``root`` are passed over); else the page's links are read here.

    Returns:
        ``(related, tags)`` in page order.
    """
    found: dict[str, tuple[list[str], set[str]]] = {"related": ([], set()), "tags": ([], set())}
    done: set[HtmlElement] = set()
    heading: str | None = None
    for b, k in zip(blocks, kept, strict=True):
        if k:
            heading = None
            continue
        field: str | None
        el = b.dropped
        if el is not None and el not in done and b.reason in ("html_related", "html_tags"):
            done.add(el)
            kind = "related" if b.reason == "html_related" else "tags"
            _add(*found[kind], _links(el), kind)
            continue
        if el is not None and el in done:
            continue
        label = _label(b.text)
        if label is not None:
            # "Read also: <a>headline</a>", "Tags: <a>a</a>, <a>b</a>": the heading and its
            # links in one removed block
            labelled, colon = label
            _add(*found[labelled], _labelled_links(b, colon), labelled)
            heading = None
            continue
        field = list_heading(b.text) if b.chars <= MAX_HEADING_CHARS else None
        if field is not None:
            heading = field
            continue
        if heading is not None:
            if b.link_density >= 0.5:
                _add(*found[heading], _links(b.owner), heading)
            else:
                heading = None
    items, seen = found["tags"]
    links: Iterable[HtmlElement]
    if tag_links is None:
        links = (a for a in root.iter("a") if is_tag_rel(a.get("rel") or ""))
    else:
        links = [a for a in tag_links if any(up is root for up in a.iterancestors())]
    for a in links:
        _add(items, seen, [_item("".join(a.itertext()))], "tags")
    return found["related"][0], found["tags"][0]
