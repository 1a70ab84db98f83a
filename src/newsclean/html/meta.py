"""Page metadata: title, site name, authors, tags, section, language and dates.

Read from ``<title>``, ``<meta>`` (Open Graph ``og:*``, ``article:*``, Dublin
Core, ``name="author"``/``"keywords"``), ``<link rel="canonical">``,
``<html lang>``, ``<time datetime>``, ``itemprop`` attributes and JSON-LD
(schema.org ``NewsArticle``, ``Article``, ``BlogPosting`` and their kin).
The names follow the Open Graph protocol (ogp.me), schema.org and the Dublin
Core meta conventions; which date names news sites use was checked against
htmldate's list of publication-date meta names (Barbaresi, 2020) and the
pages of the Media Cloud test set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import regex

from newsclean.article import DateCandidate

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = ["PageMeta", "iso_date", "normalize_title", "read_metadata", "url_date"]

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

#: meta names (``name``, ``property`` or ``itemprop``, lower case) that carry
#: the publication date, in order of trust.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "pubdate",
    "date_published",
    "originalpublicationdate",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "datecreated",
    "citation_publication_date",
    "citation_date",
    "og:pubdate",
    "pub_date",
    "release_date",
)
#: meta names that carry the last-modified date.
UPDATED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "revised",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_TAG_META = ("keywords", "news_keywords", "article:tag", "parsely-tags", "sailthru.tags")
_SECTION_META = ("article:section", "parsely-section", "section", "category")

_WS = regex.compile(r"\s+")
_URLISH = regex.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net)\b", regex.I)
_BY_PREFIX = regex.compile(r"^\s*(?:by|von|par|por|di|door)\s+", regex.I)
_TITLE_SEPARATORS = regex.compile(r"\s+[|–—\-:·•»/]+\s+")
_DATE_ONLY = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_PREFIX = regex.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_COMPACT_DATE = regex.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$")
_HAS_TIME = regex.compile(r"\d:\d|T\d")
_TZ_NO_COLON = regex.compile(r"([+-]\d{2})(\d{2})$")
_LANG = regex.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")
_MAX_JSON_NODES = 20_000
_MAX_TIME_TAGS = 20


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


def _clean(value: Any, limit: int = 500) -> str | None:
    if not isinstance(value, str):
        return None
    text: str = _WS.sub(" ", value).strip()
    if not text or len(text) > limit:
        return None
    return text


def normalize_title(text: str) -> str:
    """Normalise a headline for comparison: case-folded, punctuation-free, single-spaced.

    >>> normalize_title("  Storm Hits  Coast — Live! ")
    'storm hits coast live'
    """
    return " ".join(regex.sub(r"[^\w]+", " ", text.casefold()).split())


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
    for candidate in (v, v.replace(" ", "T", 1), _TZ_NO_COLON.sub(r"\1:\2", v)):
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
    if not 1900 <= parsed.year <= 2100:
        return None
    if not _HAS_TIME.search(v):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _checked_date(y: int, m: int, d: int) -> str | None:
    try:
        value = datetime(y, m, d)
    except ValueError:
        return None
    if not 1900 <= y <= 2100:
        return None
    return value.date().isoformat()


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    m = _LANG.match(value.strip())
    return m[1].lower() if m else None


def _json_ld_objects(text: str) -> list[dict[str, Any]]:
    """Return every JSON object in a JSON-LD script (``@graph`` and nesting flattened)."""
    try:
        data = json.loads(text, strict=False)
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
    return [p.strip() for p in regex.split(r"[,;|]", value) if p.strip()]


def _author_names(value: str) -> list[str]:
    value = _BY_PREFIX.sub("", value)
    if _URLISH.search(value):
        return []
    parts = [p.strip() for p in regex.split(r",|;|\s+(?:and|&|und|et|y|e)\s+", value) if p.strip()]
    if len(parts) > 1 and all(1 <= len(p.split()) <= 4 for p in parts):
        return parts
    return [value] if len(value.split()) <= 8 else []


def _add_unique(target: list[str], values: list[str], limit: int) -> None:
    seen = {v.casefold() for v in target}
    for v in values:
        if len(target) >= limit:
            return
        key = v.casefold()
        if key not in seen and len(v) <= 80:
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


def read_metadata(root: HtmlElement) -> PageMeta:
    """Read the page's own metadata from a parsed tree.

    Args:
        root: The ``<html>`` element (scripts still in place: JSON-LD lives there).

    Returns:
        A :class:`PageMeta`; fields the page does not state are None or empty.
    """
    metas: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content is not None:
            metas.setdefault(key.strip().lower(), []).append(content)

    def meta(name: str) -> str | None:
        values = metas.get(name)
        return _clean(values[0]) if values else None

    # JSON-LD
    article: dict[str, Any] = {}
    page: dict[str, Any] = {}
    ld_types: list[str] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        for obj in _json_ld_objects(script.text):
            types = _types(obj)
            ld_types.extend(sorted(types))
            if types & ARTICLE_TYPES and not article:
                article = obj
            elif types & PAGE_TYPES and not page:
                page = obj

    title_tag = None
    for t in root.iter("title"):
        title_tag = _clean("".join(t.itertext()))
        break

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
    title = next((h for h in headline_candidates if h), None)
    if title:
        title = _strip_site_name(title, site_names) or title

    authors: list[str] = []
    if article.get("author"):
        for name in _names(article["author"]):
            _add_unique(authors, _author_names(name), 10)
    if not authors:
        for name in _AUTHOR_META:
            for value in metas.get(name, []):
                _add_unique(authors, _author_names(_clean(value) or ""), 10)

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

    dates: list[DateCandidate] = []
    raw_dates: list[dict[str, str]] = []

    def add_date(raw: Any, kind: str, source: str) -> None:
        if not isinstance(raw, str) or not raw.strip():
            return
        value = iso_date(raw)
        if value is None:
            raw_dates.append({"value": raw.strip()[:100], "kind": kind, "source": source})
            return
        if not any(d.value == value and d.source == source for d in dates):
            dates.append(DateCandidate(value, kind, source))

    for key, kind in (
        ("datePublished", "published"),
        ("dateCreated", "published"),
        ("dateModified", "updated"),
    ):
        add_date(article.get(key), kind, f"json-ld:{key}")
    for key, kind in (("datePublished", "published"), ("dateModified", "updated")):
        add_date(page.get(key), kind, f"json-ld:{page.get('@type', 'WebPage')}.{key}")
    for name in PUBLISHED_META:
        for value in metas.get(name, [])[:1]:
            add_date(value, "published", f"meta:{name}")
    for name in UPDATED_META:
        for value in metas.get(name, [])[:1]:
            add_date(value, "updated", f"meta:{name}")
    _time_dates(root, add_date)
    _element_dates(root, add_date, raw_dates)

    extra: dict[str, Any] = {}
    for link in root.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            extra["canonical_url"] = link.get("href", "").strip()
            break
    if "canonical_url" not in extra and meta("og:url"):
        extra["canonical_url"] = meta("og:url")
    for url in (extra.get("canonical_url"), meta("og:url")):
        found = url_date(url) if url else None
        if found:
            add_date(found, "published", "url")
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
    )


_UPDATED_HINT = regex.compile(r"updat|modif|revis|edited", regex.I)
_PUBLISHED_HINT = regex.compile(r"publi|posted|pubdate|created|date-?pub", regex.I)


def _time_dates(root: HtmlElement, add_date: Any) -> None:
    """Add ``<time datetime>`` and ``itemprop=datePublished`` elements as candidates."""
    for el in root.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified'][not(self::meta)]")[:10]:
        raw = el.get("datetime") or el.get("content") or "".join(el.itertext())
        kind = "updated" if el.get("itemprop") == "dateModified" else "published"
        add_date(raw, kind, f"itemprop:{el.get('itemprop')}")
    first = True
    for i, el in enumerate(root.iter("time")):
        if i >= _MAX_TIME_TAGS:
            break
        raw = el.get("datetime")
        if not raw:
            continue
        hints = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"), _parent_class(el))))
        if el.get("pubdate") is not None or _PUBLISHED_HINT.search(hints):
            kind = "published"
        elif _UPDATED_HINT.search(hints):
            kind = "updated"
        else:
            kind = "published" if first else "mentioned"
        first = False
        add_date(raw, kind, "time[datetime]")


def _parent_class(el: HtmlElement) -> str | None:
    parent = el.getparent()
    return parent.get("class") if parent is not None else None


_URL_DATE = regex.compile(
    r"(?<![\d])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?![\d])"
)
_URL_DATE_SLASHED = regex.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_NUMERIC_DMY = regex.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d])")
_NUMERIC_YMD = regex.compile(r"(?<![\d])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_DATE_ELEMENTS = (
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish')"
    " or contains(@class,'posted') or contains(@id,'date') or contains(@id,'time')]"
)
_MAX_DATE_ELEMENTS = 8


def url_date(url: str) -> str | None:
    """Return the date written in a URL path (``/2020/06/07/`` or ``20200607``), or None.

    >>> url_date("https://example.com/news/2020/06/07/storm-hits-coast")
    '2020-06-07'
    >>> url_date("https://example.com/story/12345") is None
    True
    """
    path = url.split("?", 1)[0][:500]
    m = _URL_DATE_SLASHED.search(path) or _URL_DATE.search(path)
    return _checked_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _element_dates(root: HtmlElement, add_date: Any, raw_dates: list[dict[str, str]]) -> None:
    """Read numeric dates from short elements whose class or id names a date.

    Only unambiguous forms are resolved here (year first, or a day over 12,
    or the dotted day-first form); other texts go to ``extra["html"]
    ["date_strings"]`` for the date stage, which knows month names.
    """
    found = 0
    for el in root.xpath(_DATE_ELEMENTS):
        if found >= _MAX_DATE_ELEMENTS:
            break
        if el.tag in ("script", "style", "time", "meta", "body", "html"):
            continue
        text = " ".join("".join(el.itertext()).split())
        if not text or len(text) > 80 or not any(c.isdigit() for c in text):
            continue
        found += 1
        hints = " ".join(filter(None, (el.get("class"), el.get("id"))))
        kind = "updated" if _UPDATED_HINT.search(hints) else "published"
        source = "html:date-element"
        m = _NUMERIC_YMD.search(text)
        if m:
            add_date(_checked_date(int(m[1]), int(m[2]), int(m[3])), kind, source)
            continue
        m = _NUMERIC_DMY.search(text)
        if m:
            day, month, year = int(m[1]), int(m[3]), int(m[4])
            if m[2] == "." or day > 12:
                add_date(_checked_date(year, month, day), kind, source)
                continue
        if len(raw_dates) < 20:
            raw_dates.append({"value": text, "kind": kind, "source": source})
