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
  whose silver names one; **author found**: any author returned;
* **day**: the first ten characters of the published value equal the silver day;
  silver days before :data:`MIN_SILVER_YEAR` are placeholders and not counted.

Two further columns correct known flaws of the silver, and are printed next to
(never instead of) the columns above:

* **title (site off)**: the silver title with the page's own site name
  (``og:site_name``, else the JSON-LD publisher name) cut off when it sits at
  either end behind a separator (``Headline - Site``, ``Site | Headline``):
  ``og:title`` often carries it, while the visible headline does not;
* **title (site either)**: exact, or right under "title (site off)", or the
  silver title is the title found plus the site name the same system split
  off that line, at either end ("Headline - CNN.com" against title
  "Headline" and site "CNN.com"), punctuation ignored: the page's own title
  line read the same way, where the silver kept the site name;
* **author or agency**: a hit on the authors or on the agencies the system
  keeps in their own fields (newsclean: ``dateline.agency`` and the agencies of
  the byline decision; "Reuters" as the silver author of a wire story whose
  capture prints "LONDON (Reuters) -");
* **day ±1**: the day found is the silver day or next to it. A text capture
  prints the local day ("November 18, 2019 11:03 PM") while the structured
  value is often a UTC timestamp of the next day;
* **author (person)**: over pages whose silver names a person, i.e. without
  JSON-LD authors of type ``Organization`` and names equal to the site or
  publisher name ("BBC News" as the author of a BBC page).

With ``--causes``, every miss of the text path is put down to one cause,
read from the capture (each printed miss carries it in brackets), and the **ceiling** (what a perfect choice among the
capture's lines could reach) is printed:

* title: *site name* (right once the site name is set aside, the two
  "site" columns), *a whole line* (the silver title, or it without the site
  name, is a line of the capture: a headline finder could pick it),
  *inside a line* (part of a longer line), *absent* (the visible headline is
  worded otherwise);
* author: *not a person* (every silver name is the site or publisher, an
  organisation, a domain, or an agency or a role of the library's own
  vocabularies, which ``authors`` leaves out by design: the agency goes to
  the decision and ``dateline.agency``), *absent* (no silver name in the
  capture: it is only in the page's tags), *in the capture*.

Run from the project root::

    python -m benchmarks.metadata --cache /work/cache/fields          # full run
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

from benchmarks.common import add_data_argument, load_mediacloud, table
from benchmarks.corpora import CORPORA, Cache, Page, add_captures, load_corpus

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


def fold(text: str | None) -> str:
    """Case, quotes, dashes and white space folded, for comparisons."""
    return " ".join((text or "").translate(_QUOTES).casefold().split()).strip(" .")


@dataclass
class Silver:
    """What the page's structured data says (never shown to the text path)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    day: str | None = None
    site: str | None = None
    organisations: list[str] = field(default_factory=list)

    def title_site_off(self) -> str | None:
        """The title without the site name at either end (see the module docstring)."""
        if not self.title or not self.site:
            return self.title
        site = re.escape(self.site)
        sep = r"\s*[|\-–—:·•»]\s*"
        cut = re.sub(rf"^{site}{sep}|{sep}{site}$", "", self.title, flags=re.IGNORECASE).strip()
        return cut or self.title

    def person_authors(self) -> list[str]:
        """The silver authors that name a person (not the site, publisher or an organisation)."""
        orgs = {fold(n) for n in [*self.organisations, self.site or ""] if n}
        return [a for a in self.authors if fold(a) not in orgs]

    def any(self) -> bool:
        """Whether the page gives at least one field."""
        return bool(self.title or self.authors or self.day)


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

    def meta(xpath: str) -> list[str]:
        return [" ".join(str(v).split()) for v in root.xpath(xpath) if str(v).strip()]

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
        out.day = next((d for d in map(_silver_day, days) if d), None)
    return out


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


_BY = re.compile(r"^(by|von|par|por|di|door)\s+", re.IGNORECASE)


_OUTLET_STOP = re.compile(r"(?<=\w\w)\.\s+(?=\w)")
_NAME_SEP = re.compile(r",\s*|\s+(?:and|&|\||/|for)\s+|\s*;\s*")


def _author_hit(found: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether a name found equals a silver name, or one of the names in a silver byline.

    A silver value is often a whole printed byline ("By JANE DOE and JOHN ROE,
    AP Writer", "Jane Doe | Site", "Jane Doe. Outlet"): the whole value, and
    its parts at a full stop after a word of two letters or more (not an
    initial: "D. Keith Robinson" stays whole), are split at commas, ``and``, ``&``, ``|``, ``/``,
    ``for`` and semicolons, and a found name equal to one part is a hit.
    """
    have = {fold(a).replace(".", "") for a in found if len(fold(a)) > 2}
    values = [_BY.sub("", w) for w in wanted]
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


def _not_a_person(name: str, ref: Silver, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Whether no part of a silver author value names a person.

    The value is split like a printed byline ("Jane Doe, CNN Political
    Reporter" has the person "Jane Doe"); a part is not a person when it is the
    site or publisher, an organisation, a domain, an agency, or holds a role word.
    """
    orgs = {_squash(n) for n in [*ref.organisations, ref.site or ""] if n}
    for part in _NAME_SEP.split(fold(_BY.sub("", name))):
        words = part.replace(".", " ").split()
        if not words:
            continue
        if not (
            _squash(part) in orgs
            or bool(_DOMAIN.search(part))
            or part.strip(" .") in agencies
            or any(w in roles for w in words)
        ):
            return False
    return True


def title_cause(got: Found, ref: Silver, capture: str) -> str:
    """Why the title found is not the silver title (see the module docstring)."""
    want = ref.title or ""
    if _title_scores(got.title, ref.title_site_off() or "")[0] or _with_site(got, want):
        return "site name"
    lines = {fold(line) for line in capture.split("\n")}
    if fold(want) in lines or fold(ref.title_site_off() or "") in lines:
        return "a whole line"
    if fold(want) in fold(capture):
        return "inside a line"
    return "absent"


def names_a_person(ref: Silver, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Whether some silver author value names a person (see :func:`_not_a_person`)."""
    return not all(_not_a_person(n, ref, agencies, roles) for n in ref.authors)


def author_cause(ref: Silver, capture: str, agencies: frozenset[str], roles: frozenset[str]) -> str:
    """Why no silver author was found (see the module docstring)."""
    if not names_a_person(ref, agencies, roles):
        return "not a person"
    text = fold(capture).replace(".", "")
    parts = [
        p for w in ref.authors for p in _NAME_SEP.split(fold(_BY.sub("", w)).replace(".", "")) if len(p) > 2
    ]
    return "in the capture" if any(p in text for p in parts) else "absent"


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
    day_n: int = 0
    day_ok: int = 0
    day_near: int = 0
    title_off_exact: int = 0
    title_either: int = 0
    person_n: int = 0
    person_ok: int = 0
    misses: list[str] = field(default_factory=list)
    human_n: int = 0
    human_ok: int = 0
    title_causes: Counter[str] = field(default_factory=Counter)
    author_causes: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        page: Page,
        ref: Silver,
        got: Found,
        *,
        fields: Sequence[str],
        vocab: tuple[frozenset[str], frozenset[str]] | None = None,
    ) -> None:
        """Score one page; with ``vocab`` (agencies, roles), also put each miss down to a cause."""
        where = f"{page.corpus}/{page.id}"
        if "title" in fields and ref.title:
            self.title_n += 1
            exact, lenient = _title_scores(got.title, ref.title)
            self.title_exact += exact
            self.title_lenient += lenient
            off = _title_scores(got.title, ref.title_site_off() or "")[0]
            self.title_off_exact += off
            self.title_either += exact or off or _with_site(got, ref.title)
            if not exact:
                cause = title_cause(got, ref, page.capture) if vocab is not None else None
                if cause is not None:
                    self.title_causes[cause] += 1
                self.misses.append(f"title  {where}: got {got.title!r} want {ref.title!r}" + _tag(cause))
        if "author" in fields and ref.authors:
            self.author_n += 1
            self.author_found += bool(got.authors)
            hit = _author_hit(got.authors, ref.authors)
            self.author_ok += hit
            self.author_agency += hit or _author_hit(got.agencies, ref.authors)
            persons = ref.person_authors()
            if persons:
                self.person_n += 1
                self.person_ok += _author_hit(got.authors, persons)
            if vocab is not None and names_a_person(ref, *vocab):
                self.human_n += 1
                self.human_ok += hit
            if not hit:
                cause = author_cause(ref, page.capture, *vocab) if vocab is not None else None
                if cause is not None:
                    self.author_causes[cause] += 1
                self.misses.append(f"author {where}: got {got.authors!r} want {ref.authors!r}" + _tag(cause))
        if "day" in fields and ref.day:
            self.day_n += 1
            self.day_ok += got.day == ref.day
            self.day_near += _near_day(got.day, ref.day)
            if got.day != ref.day:
                self.misses.append(f"day    {where}: got {got.day!r} want {ref.day!r}")


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "-"


def _print_causes(t: Tally, by_corpus: dict[tuple[str, str], Tally]) -> None:
    """The text path's misses by cause, and the ceilings they leave (see the module docstring)."""
    title_reach = t.title_exact + t.title_causes["site name"] + t.title_causes["a whole line"]
    author_reach = t.author_ok + t.author_causes["in the capture"]
    print("\ntext path, misses by cause:")
    rows = [
        ["title", str(t.title_n - t.title_exact), *(str(t.title_causes[c]) for c in _TITLE_CAUSES)],
    ]
    print(table(rows, ["field", "misses", *_TITLE_CAUSES]) + "\n")
    rows = [["author", str(t.author_n - t.author_ok), *(str(t.author_causes[c]) for c in _AUTHOR_CAUSES)]]
    print(table(rows, ["field", "misses", *_AUTHOR_CAUSES]) + "\n")
    print(
        f"title ceiling (exact + site name + a whole line): {_pct(title_reach, t.title_n)}\n"
        f"author ceiling (found + in the capture): {_pct(author_reach, t.author_n)}; "
        f"over pages naming a person: {_pct(t.human_ok, t.human_n)} now, "
        f"ceiling {_pct(t.human_ok + t.author_causes['in the capture'], t.human_n)}\n"
    )
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


_TITLE_CAUSES = ("site name", "a whole line", "inside a line", "absent")
_AUTHOR_CAUSES = ("not a person", "absent", "in the capture")


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
    vocab = _vocab_names() if args.causes else None
    for name, (found, fields, _) in systems.items():
        tally = Tally()
        causes = vocab if name == "newsclean text" else None
        for p in pages:
            tally.add(p, refs[p.corpus, p.id], found[p.corpus, p.id], fields=fields, vocab=causes)
            part = by_corpus.setdefault((name, p.corpus), Tally())
            part.add(p, refs[p.corpus, p.id], found[p.corpus, p.id], fields=fields, vocab=causes)
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
                _pct(t.title_off_exact, t.title_n),
                _pct(t.title_either, t.title_n),
                _pct(t.author_ok, t.author_n),
                _pct(t.author_found, t.author_n),
                _pct(t.author_agency, t.author_n),
                _pct(t.person_ok, t.person_n),
                _pct(t.day_ok, t.day_n),
                _pct(t.day_near, t.day_n),
            ]
        )
    heads = ["system", "title exact", "title lenient", "title (site off)", "title (site either)", "author"]
    heads.append("author found")
    print(table(rows, [*heads, "author or agency", "author (person)", "day", "day ±1"]))
    print("\ntargets (text path): title exact >= 0.90, author >= 0.80, day >= 0.90")
    print("\nper corpus:")
    corpus_rows = [
        [
            name,
            corpus,
            _pct(t.title_exact, t.title_n),
            _pct(t.title_either, t.title_n),
            _pct(t.author_ok, t.author_n),
            _pct(t.day_ok, t.day_n),
            _pct(t.day_near, t.day_n),
        ]
        for (name, corpus), t in by_corpus.items()
    ]
    print(
        table(
            corpus_rows, ["system", "corpus", "title exact", "title (site either)", "author", "day", "day ±1"]
        )
    )
    for name, (_, _, seconds) in systems.items():
        if seconds:
            print(f"{name}: {len(pages) / seconds:.1f} pages/s, whole clean() (shared machine: noisy)")
    if args.causes and "newsclean text" in tallies:
        _print_causes(tallies["newsclean text"], by_corpus)
    if args.misses:
        for name, t in tallies.items():
            print(f"\n{name}: {len(t.misses)} misses, first {min(args.misses, len(t.misses))}:")
            for line in t.misses[: args.misses]:
                print("  " + line)
    if args.json:
        figures = {
            name: {
                "title_exact": [t.title_exact, t.title_n],
                "title_lenient": [t.title_lenient, t.title_n],
                "author": [t.author_ok, t.author_n],
                "author_found": [t.author_found, t.author_n],
                "title_site_off": [t.title_off_exact, t.title_n],
                "title_site_either": [t.title_either, t.title_n],
                "author_person": [t.person_ok, t.person_n],
                "day": [t.day_ok, t.day_n],
                "day_within_one": [t.day_near, t.day_n],
            }
            for name, t in tallies.items()
        }
        per_corpus: dict[str, dict[str, dict[str, list[int]]]] = {}
        for (name, corpus), t in by_corpus.items():
            per_corpus.setdefault(name, {})[corpus] = {
                "title_exact": [t.title_exact, t.title_n],
                "title_site_either": [t.title_either, t.title_n],
                "author": [t.author_ok, t.author_n],
                "day": [t.day_ok, t.day_n],
                "day_within_one": [t.day_near, t.day_n],
            }
        args.json.write_text(
            json.dumps({"pages": len(pages), "figures": figures, "per_corpus": per_corpus}, indent=2) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
