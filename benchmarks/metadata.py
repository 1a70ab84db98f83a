"""Title, authors and publication day on a silver set built from the development corpora.

Data (``../shared/data``, see its README): every page of ``scrapinghub-aeb``,
``dragnet``, ``cleaneval``, ``cleanportaleval`` and ``htmldate-mediacloud2020``
whose HTML carries structured metadata. The corpora have no gold for these
fields, so the reference ("silver") is read from the page's own tags by
:func:`silver`, a reader written here independently of the library:

* **title**: JSON-LD ``headline`` (or ``name`` of an article object), else
  ``og:title``; JSON-LD strings are HTML-unescaped (many pages escape them
  twice, ``&#8211;`` for a dash);
* **authors**: JSON-LD ``author`` names, else ``meta[name=author]`` /
  ``article:author`` values that are names (no URL);
* **day**: JSON-LD ``datePublished``, else ``article:published_time`` (or
  ``itemprop=datePublished``), first ten characters.

Each page is cleaned twice in the same run: the **text capture**
(:func:`benchmarks.common.html_to_capture`, ``kind="text"``: the stage never
sees a tag) and the **HTML**. Peers on the HTML in the same run:
``trafilatura.extract_metadata`` (title, author, date) and ``htmldate.find_date``
(``original_date=True``). Peer outputs and captures are cached with ``--cache``.

The HTML figures are partly circular: the library's HTML reader reads the same
tags the silver comes from. The text figures are not: nothing of the tags
survives in a capture. Measures:

* **title exact**: equal after folding case, quotes, dashes and white space;
  **title lenient**: one contains the other (reported separately);
* **author**: at least one silver name equals (folded) a name found, over pages
  whose silver names one; **author found**: any author returned; **author
  wrong**: authors returned and none of them a silver name (a wrong name, or
  a person where the silver names only the site or an organisation);
* **day**: the first ten characters of the published value equal the silver day;
  silver days before :data:`MIN_SILVER_YEAR` are placeholders and not counted.

Further columns correct known flaws of the silver, the same way for every
system (trafilatura and htmldate too), and are printed next to (never instead
of) the columns above; the targets are judged on both:

* **title (normalised)**: the silver title, or it with end segments cut off
  that are the page's own name in its tags or the site's template
  (:class:`TitleNorm`): ``og:title`` often carries the site name ("Headline -
  Sportsnet.ca", "… | Motorway | Wiredesk.com") while the visible headline does
  not; a silver title shared by :data:`TEMPLATE_PAGES` pages or more (a
  blog's description as every post's ``og:title``) is not counted there;
* **title (site either)**: exact, or right under "title (normalised)", or the
  silver title is the title found plus the site name the same system split
  off that line, at either end ("Headline - CNN.com" against title
  "Headline" and site "CNN.com"), punctuation ignored: the page's own title
  line read the same way, where the silver kept the site name;
* **author or agency**: a hit on the authors or on the agencies the system
  keeps in their own fields (newsclean: ``dateline.agency`` and the agencies of
  the byline decision; "Reuters" as the silver author of a wire story whose
  capture prints "LONDON (Reuters) -");
* **author (person)**: over pages whose silver names a person
  (:func:`_not_a_person`): not the site or publisher, an organisation, a
  domain, an agency or a role of the library's vocabularies, and shaped like
  a name (:func:`_name_shaped`: not "admin", "kevin-r", "219.79.38.192");
* **day (local)**: the silver day, or, when the structured value is a UTC
  time, a day that a zone from UTC-8 to UTC+13 puts that instant on (as
  ``benchmarks.dates`` scores its silver set): a text capture prints the local
  day ("November 18, 2019 11:03 PM") while the structured value is often a
  UTC timestamp of the next day;
* **day ±1**: the day found is the silver day or next to it (looser than
  "day (local)": any neighbour, whatever the stated time).

With ``--causes``, every miss of the text path is put down to one cause,
read from the capture (each printed miss carries it in brackets; with
``--misses`` the text path's misses are listed grouped by field and cause),
per corpus too, and the **ceiling** (what a perfect choice among the capture's lines
could reach: exact, site name, or the silver title or one of its normalised
forms a whole line) is printed:

* title, tested in this order: *site name* (right under "title
  (normalised)" or "title (site either)": the silver keeps a site name the
  library splits off), *site-wide title* (the silver title is shared by
  :data:`TEMPLATE_PAGES` pages or more), *no title*, *extra words kept*
  (the title found holds the silver title and more: a kicker, breadcrumb or
  segment left glued), *words cut* (the silver title holds the title found
  and more: a section or tagline segment it keeps), *the <title> wording*
  (the silver title is in the capture's first line, the page ``<title>``,
  and another line was taken: the page prints two wordings of its headline),
  *another line* (the silver title is a whole line further down), *inside a
  line* (part of a longer line), *worded otherwise* (the capture does not
  print the silver wording: a limit of the capture);
* author: *agency only*, *site or organisation*, *no name* (these three:
  no silver name names a person, see "author (person)"; ``authors`` leaves
  agencies out by design: the agency goes to the decision and
  ``dateline.agency``), *absent* (no silver name in the capture: it is only
  in the page's tags), *another name* (a name in the capture, another one
  taken), *label not read* (a line holding the name opens with a byline
  label, or follows a label alone on its line), *no label* (the name is
  printed without a label).

Run from the project root::

    python -m benchmarks.metadata --cache .cache/fields          # full run
    python -m benchmarks.metadata --limit 40 --misses 20 --only text  # quick look
    python -m benchmarks.metadata --only text --no-peers --causes     # why the text path misses
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata as pkg_metadata
from pathlib import Path
from typing import Any

import regex

from benchmarks.common import add_data_argument, load_mediacloud, table
from benchmarks.corpora import CORPORA, Cache, Page, add_captures, load_corpus
from benchmarks.dates import _local_day

PEER_VERSION = "2"
"""Bump when the way peers are called below changes, so cached outputs are rebuilt."""

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\xa0": " "})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
MIN_SILVER_YEAR = 1995
"""Silver days before this year are placeholders ("0001-01-01"), not publication days."""


def _silver_day(value: str) -> str | None:
    """The day of a structured publication value, or None for a malformed or placeholder one."""
    v = value.strip()
    if not _DAY.match(v) or int(v[:4]) < MIN_SILVER_YEAR:
        return None
    return v[:10]


def _near_day(got: str | None, want: str) -> bool:
    """Whether ``got`` is ``want`` or a day next to it (a local day against a UTC timestamp)."""
    import datetime as dt

    if not got or not _DAY.match(got):
        return False
    return abs((dt.date.fromisoformat(got[:10]) - dt.date.fromisoformat(want)).days) <= 1


_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "webpage"}
)


_C1 = re.compile(r"[\x80-\x9f]")


def _c1(m: re.Match[str]) -> str:
    try:
        return m.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return m.group()


def fold(text: str | None) -> str:
    """Case, quotes, dashes and white space folded, for comparisons.

    A C1 control character is read as the Windows-1252 character of the same
    byte ("Editors\x92 note": a page served as Latin-1 that was written in
    Windows-1252), for every system alike.
    """
    text = _C1.sub(_c1, text or "")
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" .")


@dataclass
class Silver:
    """What the page's structured data says (never shown to the text path)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    day: str | None = None
    site: str | None = None
    organisations: list[str] = field(default_factory=list)
    #: the structured publication value as written (a UTC time names an instant, not a day)
    stated: str = ""
    #: every name the page gives itself in its tags: ``og:site_name``, the JSON-LD
    #: publisher, ``application-name``, the host of ``og:url`` or the canonical link
    site_names: list[str] = field(default_factory=list)

    def any(self) -> bool:
        """Whether the page gives at least one field."""
        return bool(self.title or self.authors or self.day)


TEMPLATE_PAGES = 3
"""A title segment (behind a separator, at one end) or a whole silver title found on at least
this many pages of the set is the site's template ("Web Ink Now: …", "… - CNN.com", a blog's
description as every post's ``og:title``), not a headline."""

_TITLE_SEP = re.compile(r"\s+(?:[|\-–—·•»/]|::|--)\s+|\s*[|｜]\s*|(?<=\w):\s+")
_TLD = re.compile(r"\.[a-z]{2,4}$")


def _site_key(text: str) -> str:
    """Letters and digits of a site name, casefolded, without a trailing domain ending ("Wiredesk.com" → "wiredesk")."""
    return _NON_WORD.sub("", _TLD.sub("", fold(text).removeprefix("www.")))


def _segments(title: str) -> list[tuple[int, int]]:
    """The spans of a title's segments between separators."""
    spans, start = [], 0
    for m in _TITLE_SEP.finditer(title):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(title)))
    return [(a, b) for a, b in spans if title[a:b].strip()]


@dataclass
class TitleNorm:
    """The principled corrections of silver titles, the same for every system.

    A silver title counts as found (column **title (normalised)**) when the
    title found equals it, or equals it with end segments cut off that are
    the page's own name or the site's template:

    * a segment at either end, behind a separator (``|``, a spaced dash,
      ``·``, ``»``, ``::``, a colon after a word), whose letters are the
      letters of a name the page gives itself in its tags (``og:site_name``,
      JSON-LD publisher, ``application-name``, the host of ``og:url`` or the
      canonical link, a trailing domain ending ignored) or begin with one of
      at least four letters ("Nils Okafor On Leadership" on a site named
      "Nils Okafor");
    * a segment found at the same end of the silver titles of at least
      :data:`TEMPLATE_PAGES` pages ("… | Wiredesk.com", "Ink Pot Daily: …").

    Cuts repeat from both ends while a segment is left. A silver title shared
    by at least :data:`TEMPLATE_PAGES` pages is the site's, not the page's
    headline: it is not counted in that column.
    """

    heads: Counter[str] = field(default_factory=Counter)
    tails: Counter[str] = field(default_factory=Counter)
    whole: Counter[str] = field(default_factory=Counter)

    @classmethod
    def build(cls, refs: Iterable[Silver]) -> TitleNorm:
        """Count segments and whole titles over the silver set."""
        out = cls()
        for ref in refs:
            if not ref.title:
                continue
            out.whole[fold(ref.title)] += 1
            segs = [ref.title[a:b] for a, b in _segments(ref.title)]
            if len(segs) > 1:
                out.heads[fold(segs[0])] += 1
                out.tails[fold(segs[-1])] += 1
        return out

    def counted(self, ref: Silver) -> bool:
        """Whether the silver title is a page's (not shared by the site's pages)."""
        return bool(ref.title) and self.whole[fold(ref.title or "")] < TEMPLATE_PAGES

    def forms(self, ref: Silver) -> list[str]:
        """The silver title and its forms without the page's name or the site's template at the ends."""
        if not ref.title:
            return []
        keys = [k for k in map(_site_key, ref.site_names) if k]

        def cut(seg: str, counts: Counter[str]) -> bool:
            key = _site_key(seg)
            if key and any(key == k or (len(k) >= 4 and key.startswith(k)) for k in keys):
                return True
            return counts[fold(seg)] >= TEMPLATE_PAGES

        title = ref.title
        out = [title]
        segs = _segments(title)
        while len(segs) > 1:
            if cut(title[slice(*segs[-1])], self.tails):
                segs = segs[:-1]
            elif cut(title[slice(*segs[0])], self.heads):
                segs = segs[1:]
            else:
                break
            out.append(title[segs[0][0] : segs[-1][1]])
        return out


def _ld_objects(value: Any) -> Iterable[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _ld_objects(item)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _ld_objects(graph)


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if "://" not in value else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    if isinstance(value, dict):
        name = value.get("name")
        return _ld_names(name) if name is not None else []
    return []


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.casefold() in _ARTICLE_TYPES for k in kinds)


def silver(html: bytes) -> Silver:
    """Read title, author names and publication day from a page's structured data."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # not UTF-8, or an XML encoding declaration
        try:
            root = lxml.html.fromstring(html)
        except Exception:  # an unparsable page gives no silver
            return Silver()
    except Exception:  # an unparsable page gives no silver
        return Silver()
    out = Silver()
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for obj in _ld_objects(data):
            if not _is_article(obj):
                continue
            headline = obj.get("headline") or (obj.get("name") if "author" in obj else None)
            if out.title is None and isinstance(headline, str) and headline.strip():
                # JSON-LD strings are often HTML-escaped a second time ("&#8211;")
                out.title = " ".join(html_lib.unescape(headline).split())
            if not out.authors:
                names = _ld_names(obj.get("author"))
                out.authors = [" ".join(html_lib.unescape(n).split()) for n in names if n.strip()]
                authors = obj.get("author")
                for a in authors if isinstance(authors, list) else [authors]:
                    if isinstance(a, dict) and str(a.get("@type", "")).casefold() == "organization":
                        out.organisations.extend(_ld_names(a))
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                out.organisations.extend(_ld_names(publisher))
                if out.site is None and _ld_names(publisher):
                    out.site = _ld_names(publisher)[0]
            published = obj.get("datePublished")
            if out.day is None and isinstance(published, str):
                out.day = _silver_day(published)
                out.stated = published.strip() if out.day else ""

    def meta(xpath: str) -> list[str]:
        # tag values are HTML-unescaped once more, as JSON-LD strings: pages escape
        # them twice ("Australian &#039;megablaze&#039;" as the og:title)
        return [" ".join(html_lib.unescape(str(v)).split()) for v in root.xpath(xpath) if str(v).strip()]

    sites = meta('//meta[@property="og:site_name"]/@content')
    if sites:
        out.site = sites[0]
    if out.title is None:
        titles = meta('//meta[@property="og:title"]/@content')
        out.title = titles[0] if titles else None
    if not out.authors:
        names = meta('//meta[@name="author"]/@content') + meta('//meta[@property="article:author"]/@content')
        out.authors = [n for n in names if "://" not in n and not n.startswith("@")]
    if out.day is None:
        days = meta('//meta[@property="article:published_time"]/@content') + meta(
            '//*[@itemprop="datePublished"]/@content'
        )
        stated = next((d for d in days if _silver_day(d)), None)
        out.day = _silver_day(stated) if stated else None
        out.stated = stated.strip() if stated else ""
    hosts = [
        _host(u) for u in meta('//meta[@property="og:url"]/@content') + meta('//link[@rel="canonical"]/@href')
    ]
    out.site_names = [
        *sites,
        *out.organisations,
        *meta('//meta[@name="application-name"]/@content'),
        *(h for h in hosts if h),
    ]
    return out


def _host(url: str) -> str | None:
    """The host of an address without ``www.`` ("https://www.nzz.ch/x" gives "nzz.ch")."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


@dataclass
class Found:
    """What one system returned for one page."""

    title: str | None
    authors: list[str]
    day: str | None
    site: str | None = None
    #: agencies the system put in their own fields (newsclean: ``dateline.agency``
    #: and the byline decision), not among the authors
    agencies: list[str] = field(default_factory=list)


_BY = re.compile(r"^(?:(?:[\w-]+\s+){1,2}by|by|von|par|por|di|door)\s+", re.IGNORECASE)
"""A byline label that opens a silver author value, also after one or two words of a genre
("Analysis by", "Written by"): cut before the value is split into names."""


_OUTLET_STOP = re.compile(r"(?<=\w\w)\.\s+(?=\w)")
_NAME_SEP = re.compile(r",\s*|\s+(?:and|&|\||/|for)\s+|\s*;\s*")


def _author_hit(found: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether a name found equals a silver name, or one of the names in a silver byline.

    A silver value is often a whole printed byline ("By JANE DOE and JOHN ROE,
    AP Writer", "Jane Doe | Site", "Jane Doe. Outlet"): the whole value, and
    its parts at a full stop after a word of two letters or more (not an
    initial: "D. Keith Robinson" stays whole), are split at commas, ``and``, ``&``, ``|``, ``/``,
    ``for`` and semicolons, and a found name equal to one part is a hit. A
    name of two letters or fewer counts only when it is a whole silver value
    (the agency "AP" against "AP"): as a part it could be an initial.
    """
    have = {fold(a).replace(".", "") for a in found if len(fold(a)) > 2}
    values = [_BY.sub("", w) for w in wanted]
    whole = {fold(w).replace(".", "") for w in values}
    if any(fold(a).replace(".", "") in whole for a in found if fold(a)):
        return True
    want = [fold(part).replace(".", "") for w in values for part in [w, *_OUTLET_STOP.split(w)]]
    return any(h == w or h in _NAME_SEP.split(w) for h in have for w in want)


_NON_WORD = re.compile(r"\W+")


def _with_site(got: Found, want: str) -> bool:
    """Whether the silver title is the title found plus the site name found, at either end.

    ``og:title`` often keeps the site name that a system split off the same
    line ("Headline - CNN.com" against title "Headline", site "CNN.com");
    punctuation and separators are ignored.
    """
    if not got.title or not got.site:
        return False

    def words(text: str) -> str:
        return _NON_WORD.sub(" ", fold(text)).strip()

    w = words(want)
    return w in (words(f"{got.title} {got.site}"), words(f"{got.site} {got.title}"))


_DOMAIN = re.compile(r"\.(?:com|net|org|co|info|am|md|in|ca|uk|de|fr|es|ru|ua)\b", re.IGNORECASE)


def _squash(text: str) -> str:
    """Letters and digits only, casefolded, with a trailing domain ending dropped ("CBSNews.com" → "cbsnews")."""
    return _NON_WORD.sub("", _DOMAIN.sub("", fold(text)))


def _vocab_names() -> tuple[frozenset[str], frozenset[str]]:
    """The library's agencies and byline roles (``data/metadata.json``), folded."""
    from newsclean.data import read_json

    raw = read_json("metadata.json", keys=("agencies", "byline_roles"))
    agencies = frozenset(fold(n) for n in raw["agencies"]["names"])
    roles = frozenset(fold(w) for key, words in raw["byline_roles"].items() if key != "source" for w in words)
    return agencies, roles


_NAME_WORD = regex.compile(r"^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$")
"""A word of a person's name: letters, inner apostrophes and hyphens."""

_PERSON_SEP = regex.compile(r",\s*|\s+(?:and|&|\||/|for|[-–—])\s+|\s*;\s*", regex.IGNORECASE)
"""Where a printed byline value splits into names (and a place or outlet after a spaced dash)."""


def _name_shaped(part: str) -> bool:
    """Whether a part of an author value is shaped like a person's name.

    Every word is letters (inner apostrophes and hyphens allowed, full stops
    of initials ignored); one word alone must be capitalised and not all
    capitals ("Regan", not "admin", "kevin-r", "KWCHCIK" or the camel-case
    brand "LinkNaija"): user names, call signs, addresses ("219.79.38.192")
    and handle paths ("/christopherlwood") are no persons the capture can print.
    """
    words = part.replace(".", " ").split()
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return False
    if len(words) > 1:
        return True
    w = words[0]
    return w[:1].isupper() and w[1:].islower() if w.lower() != w.upper() else True


def _not_a_person(name: str, ref: Silver, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Whether no part of a silver author value names a person.

    The value is split like a printed byline ("Jane Doe, CNN Political
    Reporter" has the person "Jane Doe"; "Name - City" the person "Name"); a
    part is not a person when it is not name-shaped (:func:`_name_shaped`), or
    is the site or publisher, an organisation, a domain, an agency, or holds a
    role word.
    """
    orgs = {_squash(n) for n in [*ref.organisations, ref.site or ""] if n}
    for raw in _PERSON_SEP.split(" ".join(_BY.sub("", name).split())):
        part = fold(raw)
        words = part.replace(".", " ").split()
        if not words:
            continue
        if not (
            not _name_shaped(raw.strip())
            or _squash(part) in orgs
            or bool(_DOMAIN.search(part))
            or part.strip(" .") in agencies
            or any(w in roles for w in words)
        ):
            return False
    return True


def title_cause(got: Found, ref: Silver, capture: str, forms: Sequence[str], *, counted: bool = True) -> str:
    """Why the title found is not the silver title (see the module docstring)."""
    want = ref.title or ""
    if any(_title_scores(got.title, f)[0] for f in forms) or _with_site(got, want):
        return "site name"
    if not counted:
        return "site-wide title"
    if not got.title:
        return "no title"
    have, folded = fold(got.title), [fold(f) for f in forms]
    if any(f in have for f in folded):
        return "extra words kept"
    if any(have in f for f in folded):
        return "words cut"
    first = fold(capture.split("\n", 1)[0])
    if any(f in first for f in folded):
        return "the <title> wording"
    lines = {fold(line) for line in capture.split("\n")}
    if any(f in lines for f in folded):
        return "another line"
    if fold(want) in fold(capture):
        return "inside a line"
    return "worded otherwise"


def title_line_reach(ref: Silver, capture: str, forms: Sequence[str]) -> bool:
    """Whether the silver title, or one of its normalised forms, is a whole line of the capture."""
    lines = {fold(line) for line in capture.split("\n")}
    return bool(ref.title) and any(fold(f) in lines for f in forms)


def names_a_person(ref: Silver, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Whether some silver author value names a person (see :func:`_not_a_person`)."""
    return not all(_not_a_person(n, ref, agencies, roles) for n in ref.authors)


def _silver_parts(ref: Silver) -> list[str]:
    """The silver author values split into names, folded, full stops dropped."""
    return [
        p for w in ref.authors for p in _NAME_SEP.split(fold(_BY.sub("", w)).replace(".", "")) if len(p) > 2
    ]


def author_cause(
    ref: Silver, capture: str, agencies: frozenset[str], roles: frozenset[str], *, found: Sequence[str] = ()
) -> str:
    """Why no silver author was found (see the module docstring)."""
    if not names_a_person(ref, agencies, roles):
        orgs = {_squash(n) for n in [*ref.organisations, ref.site or ""] if n}
        values = [fold(_BY.sub("", w)).strip(" .") for w in ref.authors]
        if all(v in agencies or _squash(v) in {_squash(a) for a in agencies} for v in values):
            return "agency only"
        if any(_squash(v) in orgs or _DOMAIN.search(v) for v in values):
            return "site or organisation"
        return "no name"
    parts = _silver_parts(ref)
    lines = [fold(line).replace(".", "") for line in capture.split("\n")]
    holding = [i for i, line in enumerate(lines) if any(p in line for p in parts)]
    if not holding:
        return "absent"
    if found:
        return "another name"
    from newsclean.stages._header import _vocab

    label = _vocab().byline_label
    raw = capture.split("\n")
    for i in holding:
        before = raw[i - 1].strip() if i else ""
        if label.match(raw[i].strip()) or _vocab().byline_label_only.match(before):
            return "label not read"
    return "no label"


def _title_scores(got: str | None, want: str) -> tuple[bool, bool]:
    g, w = fold(got), fold(want)
    exact = bool(g) and g == w
    return exact, bool(g) and (g in w or w in g)


def _newsclean(raw: str | bytes, kind: str) -> Found:
    import newsclean

    art = newsclean.clean(raw, kind=kind)  # type: ignore[arg-type]
    day = art.published.isoformat()[:10] if art.published else None
    agencies = [str(a) for d in art.decisions if d.reason == "byline" for a in d.data.get("agencies", [])]
    if art.dateline is not None and art.dateline.agency:
        agencies.append(art.dateline.agency)
    return Found(art.title, list(art.authors), day, art.site_name, agencies)


def _trafilatura(raw: bytes) -> Found:
    import trafilatura

    meta = trafilatura.extract_metadata(raw)
    if meta is None:
        return Found(None, [], None)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return Found(meta.title, authors, (meta.date or "")[:10] or None, meta.sitename)


def _htmldate(raw: bytes) -> Found:
    from htmldate import find_date

    try:
        day = find_date(raw, original_date=True)
    except Exception:  # a peer failure counts as no answer
        day = None
    return Found(None, [], day)


def _cached(
    cache: Cache, pages: Sequence[Page], system: str, version: str, fn: Any
) -> dict[tuple[str, str], Found]:
    out: dict[tuple[str, str], Found] = {}
    by_corpus: dict[str, list[Page]] = {}
    for p in pages:
        by_corpus.setdefault(p.corpus, []).append(p)
    for corpus, group in by_corpus.items():
        stored = cache.get(corpus, f"meta-{system}", version)
        fresh = False
        for p in group:
            if p.id not in stored:
                stored[p.id] = (json.dumps(fn(p.html).__dict__), 0.0)
                fresh = True
            out[p.corpus, p.id] = Found(**json.loads(stored[p.id][0]))
        if fresh:
            cache.put(corpus, f"meta-{system}", version, stored)
    return out


def load_pages(data: Path, limit: int | None) -> list[Page]:
    """Every development page (the four extraction corpora and Media Cloud)."""
    pages = [p for corpus in CORPORA for p in load_corpus(data, corpus, limit)]
    for i, dp in enumerate(load_mediacloud(data, limit)):
        pages.append(Page("htmldate-mediacloud2020", f"{i:03d}", dp.raw, ""))
    return pages


def _tag(cause: str | None) -> str:
    """A miss line's cause in brackets (with ``--causes``), else nothing."""
    return f" [{cause}]" if cause else ""


@dataclass
class Tally:
    """Counts for one system."""

    title_n: int = 0
    title_exact: int = 0
    title_lenient: int = 0
    author_n: int = 0
    author_ok: int = 0
    author_found: int = 0
    author_agency: int = 0
    author_wrong: int = 0
    day_n: int = 0
    day_ok: int = 0
    day_local: int = 0
    day_near: int = 0
    title_norm_n: int = 0
    title_norm_ok: int = 0
    title_either: int = 0
    misses: list[str] = field(default_factory=list)
    human_n: int = 0
    human_ok: int = 0
    title_causes: Counter[str] = field(default_factory=Counter)
    author_causes: Counter[str] = field(default_factory=Counter)
    #: misses a perfect choice among the capture's lines would mend (see ``_print_causes``)
    title_reach: int = 0

    def add(
        self,
        page: Page,
        ref: Silver,
        got: Found,
        *,
        fields: Sequence[str],
        norm: TitleNorm,
        vocab: tuple[frozenset[str], frozenset[str]],
        causes: bool = False,
    ) -> None:
        """Score one page; with ``causes``, also put each miss down to a cause."""
        where = f"{page.corpus}/{page.id}"
        if "title" in fields and ref.title:
            self.title_n += 1
            exact, lenient = _title_scores(got.title, ref.title)
            self.title_exact += exact
            self.title_lenient += lenient
            forms = norm.forms(ref)
            normalised = any(_title_scores(got.title, f)[0] for f in forms)
            if norm.counted(ref):
                self.title_norm_n += 1
                self.title_norm_ok += normalised
            self.title_either += normalised or _with_site(got, ref.title)
            if not exact:
                cause = (
                    title_cause(got, ref, page.capture, forms, counted=norm.counted(ref)) if causes else None
                )
                if cause is not None:
                    self.title_causes[cause] += 1
                    self.title_reach += cause == "site name" or title_line_reach(ref, page.capture, forms)
                self.misses.append(f"title  {where}: got {got.title!r} want {ref.title!r}" + _tag(cause))
        if "author" in fields and ref.authors:
            self.author_n += 1
            self.author_found += bool(got.authors)
            hit = _author_hit(got.authors, ref.authors)
            self.author_ok += hit
            self.author_wrong += bool(got.authors) and not hit
            self.author_agency += hit or _author_hit(got.agencies, ref.authors)
            if names_a_person(ref, *vocab):
                self.human_n += 1
                self.human_ok += hit
            if not hit:
                cause = author_cause(ref, page.capture, *vocab, found=got.authors) if causes else None
                if cause is not None:
                    self.author_causes[cause] += 1
                self.misses.append(f"author {where}: got {got.authors!r} want {ref.authors!r}" + _tag(cause))
        if "day" in fields and ref.day:
            self.day_n += 1
            self.day_ok += got.day == ref.day
            self.day_local += got.day == ref.day or _local_day(ref.stated, got.day)
            self.day_near += _near_day(got.day, ref.day)
            if got.day != ref.day:
                self.misses.append(f"day    {where}: got {got.day!r} want {ref.day!r} ({ref.stated})")


_CAUSE_TAG = re.compile(r" \[([^\]]+)\]$")


def _grouped(misses: Sequence[str]) -> dict[tuple[str, str], list[str]]:
    """Miss lines grouped by field and cause (the bracketed tag), in the order of the cause tables."""
    order = {c: i for i, c in enumerate((*_TITLE_CAUSES, *_AUTHOR_CAUSES))}
    groups: dict[tuple[str, str], list[str]] = {}
    for line in misses:
        m = _CAUSE_TAG.search(line)
        groups.setdefault((line.split(maxsplit=1)[0], m.group(1) if m else ""), []).append(line)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0][0] != "title", order.get(kv[0][1], len(order)))))


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "-"


def _print_causes(t: Tally, by_corpus: dict[tuple[str, str], Tally]) -> None:
    """The text path's misses by cause, and the ceilings they leave (see the module docstring)."""
    title_reach = t.title_exact + t.title_reach
    in_capture = sum(t.author_causes[c] for c in _AUTHOR_IN_CAPTURE)
    author_reach = t.author_ok + in_capture
    print("\ntext path, misses by cause:")
    rows = [
        ["title", str(t.title_n - t.title_exact), *(str(t.title_causes[c]) for c in _TITLE_CAUSES)],
    ]
    print(table(rows, ["field", "misses", *_TITLE_CAUSES]) + "\n")
    rows = [["author", str(t.author_n - t.author_ok), *(str(t.author_causes[c]) for c in _AUTHOR_CAUSES)]]
    print(table(rows, ["field", "misses", *_AUTHOR_CAUSES]) + "\n")
    print(
        f"title ceiling (exact + site name + the silver title is a whole line): {_pct(title_reach, t.title_n)}\n"
        f"author ceiling (found + in the capture): {_pct(author_reach, t.author_n)}; "
        f"over pages naming a person: {_pct(t.human_ok, t.human_n)} now, "
        f"ceiling {_pct(t.human_ok + in_capture, t.human_n)}\n"
    )
    rows = [
        [corpus, _pct(part.title_exact, part.title_n), *(str(part.title_causes[c]) for c in _TITLE_CAUSES)]
        for (name, corpus), part in by_corpus.items()
        if name == "newsclean text" and part.title_n
    ]
    print(table(rows, ["corpus", "title exact", *_TITLE_CAUSES]) + "\n")
    rows = []
    for (name, corpus), part in by_corpus.items():
        if name != "newsclean text" or not part.author_n:
            continue
        rows.append(
            [
                corpus,
                _pct(part.author_ok, part.author_n),
                _pct(part.human_ok, part.human_n),
                *(str(part.author_causes[c]) for c in _AUTHOR_CAUSES),
            ]
        )
    print(table(rows, ["corpus", "author", "author (a person)", *_AUTHOR_CAUSES]))


_TITLE_CAUSES = (
    "site name",
    "site-wide title",
    "no title",
    "extra words kept",
    "words cut",
    "the <title> wording",
    "another line",
    "inside a line",
    "worded otherwise",
)
_AUTHOR_IN_CAPTURE = ("another name", "label not read", "no label")
_AUTHOR_CAUSES = ("agency only", "site or organisation", "no name", "absent", *_AUTHOR_IN_CAPTURE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus only")
    parser.add_argument("--cache", type=Path, default=None, help="folder caching captures and peer outputs")
    parser.add_argument(
        "--only", choices=("text", "html", "all"), default="all", help="newsclean paths to run"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura and htmldate")
    parser.add_argument("--misses", type=int, default=0, help="print up to K misses per system")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    parser.add_argument(
        "--causes", action="store_true", help="put each text-path miss down to a cause; print the ceilings"
    )
    args = parser.parse_args(argv)

    cache = Cache(args.cache)
    pages = load_pages(args.data, args.limit)
    refs = {(p.corpus, p.id): silver(p.html) for p in pages}
    pages = [p for p in pages if refs[p.corpus, p.id].any()]
    add_captures(pages, cache)

    systems: dict[str, tuple[dict[tuple[str, str], Found], tuple[str, ...], float]] = {}
    for kind in ("text", "html"):
        if args.only not in (kind, "all"):
            continue
        start = time.perf_counter()
        found = {(p.corpus, p.id): _newsclean(p.capture if kind == "text" else p.html, kind) for p in pages}
        systems[f"newsclean {kind}"] = (found, ("title", "author", "day"), time.perf_counter() - start)
    if not args.no_peers:
        tv = f"{PEER_VERSION}-{pkg_metadata.version('trafilatura')}"
        hv = f"{PEER_VERSION}-{pkg_metadata.version('htmldate')}"
        systems["trafilatura html"] = (
            _cached(cache, pages, "trafilatura", tv, _trafilatura),
            ("title", "author", "day"),
            0.0,
        )
        systems["htmldate html"] = (_cached(cache, pages, "htmldate", hv, _htmldate), ("day",), 0.0)

    tallies: dict[str, Tally] = {}
    by_corpus: dict[tuple[str, str], Tally] = {}
    vocab = _vocab_names()
    norm = TitleNorm.build(refs[p.corpus, p.id] for p in pages)
    for name, (found, fields, _) in systems.items():
        tally = Tally()
        causes = args.causes and name == "newsclean text"
        for p in pages:
            ref, got = refs[p.corpus, p.id], found[p.corpus, p.id]
            tally.add(p, ref, got, fields=fields, norm=norm, vocab=vocab, causes=causes)
            part = by_corpus.setdefault((name, p.corpus), Tally())
            part.add(p, ref, got, fields=fields, norm=norm, vocab=vocab, causes=causes)
        tallies[name] = tally

    n_title = sum(1 for r in refs.values() if r.title)
    n_author = sum(1 for r in refs.values() if r.authors)
    n_day = sum(1 for r in refs.values() if r.day)
    print(
        f"silver set: {len(pages)} pages with structured data "
        f"({n_title} titles, {n_author} with authors, {n_day} days)\n"
    )
    rows = []
    for name, t in tallies.items():
        rows.append(
            [
                name,
                _pct(t.title_exact, t.title_n),
                _pct(t.title_lenient, t.title_n),
                _pct(t.title_norm_ok, t.title_norm_n),
                _pct(t.title_either, t.title_n),
                _pct(t.author_ok, t.author_n),
                _pct(t.author_found, t.author_n),
                _pct(t.author_wrong, t.author_n),
                _pct(t.author_agency, t.author_n),
                _pct(t.human_ok, t.human_n),
                _pct(t.day_ok, t.day_n),
                _pct(t.day_local, t.day_n),
                _pct(t.day_near, t.day_n),
            ]
        )
    heads = ["system", "title exact", "title lenient", "title (normalised)", "title (site either)", "author"]
    heads += ["author found", "author wrong"]
    print(table(rows, [*heads, "author or agency", "author (person)", "day", "day (local)", "day ±1"]))
    print(
        "\ntargets (text path): title exact >= 0.90, author >= 0.80, day >= 0.90"
        "\n(judged on the plain columns and on the normalised ones: title (normalised), author (person),"
        " day (local); see the module docstring)"
    )
    print("\nper corpus:")
    corpus_rows = [
        [
            name,
            corpus,
            _pct(t.title_exact, t.title_n),
            _pct(t.title_norm_ok, t.title_norm_n),
            _pct(t.author_ok, t.author_n),
            _pct(t.author_agency, t.author_n),
            _pct(t.human_ok, t.human_n),
            _pct(t.day_ok, t.day_n),
            _pct(t.day_local, t.day_n),
        ]
        for (name, corpus), t in by_corpus.items()
    ]
    heads = ["system", "corpus", "title exact", "title (normalised)", "author", "author or agency"]
    heads += ["author (person)", "day"]
    print(table(corpus_rows, [*heads, "day (local)"]))
    for name, (_, _, seconds) in systems.items():
        if seconds:
            print(f"{name}: {len(pages) / seconds:.1f} pages/s, whole clean() (shared machine: noisy)")
    if args.causes and "newsclean text" in tallies:
        _print_causes(tallies["newsclean text"], by_corpus)
    if args.misses:
        for name, t in tallies.items():
            print(f"\n{name}: {len(t.misses)} misses, first {min(args.misses, len(t.misses))}:")
            shown = t.misses[: args.misses]
            if args.causes and name == "newsclean text":
                for (kind, cause), group in _grouped(shown).items():
                    print(f"  -- {kind} misses{', ' + cause if cause else ''}: {len(group)}")
                    for line in group:
                        print("    " + line)
                continue
            for line in shown:
                print("  " + line)
    if args.json:
        figures = {
            name: {
                "title_exact": [t.title_exact, t.title_n],
                "title_lenient": [t.title_lenient, t.title_n],
                "author": [t.author_ok, t.author_n],
                "author_found": [t.author_found, t.author_n],
                "author_wrong": [t.author_wrong, t.author_n],
                "author_or_agency": [t.author_agency, t.author_n],
                "title_normalised": [t.title_norm_ok, t.title_norm_n],
                "title_site_either": [t.title_either, t.title_n],
                "author_person": [t.human_ok, t.human_n],
                "day": [t.day_ok, t.day_n],
                "day_local": [t.day_local, t.day_n],
                "day_within_one": [t.day_near, t.day_n],
            }
            for name, t in tallies.items()
        }
        per_corpus: dict[str, dict[str, dict[str, list[int]]]] = {}
        for (name, corpus), t in by_corpus.items():
            per_corpus.setdefault(name, {})[corpus] = {
                "title_exact": [t.title_exact, t.title_n],
                "title_normalised": [t.title_norm_ok, t.title_norm_n],
                "author": [t.author_ok, t.author_n],
                "author_or_agency": [t.author_agency, t.author_n],
                "author_person": [t.human_ok, t.human_n],
                "day": [t.day_ok, t.day_n],
                "day_local": [t.day_local, t.day_n],
            }
        args.json.write_text(
            json.dumps({"pages": len(pages), "figures": figures, "per_corpus": per_corpus}, indent=2) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
