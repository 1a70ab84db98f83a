"""The public result of cleaning: :class:`Article` and its small value types."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsclean.document import Decision, Edit
from newsclean.view import Explanation, article_html, article_text

__all__ = ["Article", "AuthorRole", "DateCandidate", "Dateline", "parse_iso"]

#: The heading of :meth:`Article.to_text` for an article without a title: an underline
#: over nothing (the shortest underline ``extract_metadata`` reads, ``MIN_UNDERLINE``).
EMPTY_HEADING = "==="

#: The keys of :meth:`Article.to_dict`, in order. This is the stable schema.
DICT_KEYS = (
    "title",
    "paragraphs",
    "text",
    "published",
    "updated",
    "dates",
    "authors",
    "author_roles",
    "dateline",
    "site_name",
    "section",
    "tags",
    "related",
    "language",
    "spam_keywords",
    "spun",
    "edits",
    "decisions",
    "warnings",
)


#: Keys of :meth:`Article.to_dict` derived from other keys: :meth:`Article.from_dict` does
#: not need them (``author_roles`` is read from the byline decision), so a dict written
#: before they existed still loads.
DERIVED_KEYS = frozenset({"author_roles"})

#: Stage and reason of the decision that records the byline (see ``extract_metadata``).
BYLINE_DECISION = ("extract_metadata", "byline")


@dataclass(frozen=True, slots=True)
class AuthorRole:
    """A role printed with a byline: "Staff Writer" after "Jane Doe", or an office alone.

    Attributes:
        author: The name, as in :attr:`Article.authors`, or ``None`` when the
            byline names an office and no person ("By our correspondent",
            "Von unserem Korrespondenten", "Par notre envoyé spécial").
        role: The role or office as printed ("Staff Writer", "Korrespondent",
            "our correspondent in Nairobi").
    """

    author: str | None
    role: str

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"author": ..., "role": ...}``."""
        return {"author": self.author, "role": self.role}


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place and agency opening a wire story, e.g. ``LONDON (Reuters) -``."""

    place: str
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"place": ..., "agency": ...}``."""
        return {"place": self.place, "agency": self.agency}


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date found in the input.

    Attributes:
        value: ISO 8601 string (date only when no time is known; ``YYYY`` for
            a year-precision candidate), or ``None`` when the text could not
            be resolved (e.g. "2 hours ago" without a capture time).
        kind: ``published``, ``updated``, ``captured``, ``mentioned`` or
            ``copyright`` (a copyright year).
        source: Where the date was read: the text line, or a tag such as
            ``meta:article:published_time``.
        precision: ``day`` (or finer), ``month`` or ``year``: what the
            evidence states. A month or year is never a full date.
        origin: The kind of evidence (``text``, ``json-ld``, ``meta``,
            ``itemprop``, ``time``, ``abbr``, ``element``, ``url``,
            ``image-url``, ``link-title``, ``title``, ``copyright``).
    """

    value: str | None
    kind: str
    source: str
    precision: str = "day"
    origin: str = "text"

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"value", "kind", "source", "precision", "origin"}``."""
        return {
            "value": self.value,
            "kind": self.kind,
            "source": self.source,
            "precision": self.precision,
            "origin": self.origin,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateCandidate:
        """Rebuild a candidate from :meth:`to_dict` output."""
        return cls(
            data["value"],
            data["kind"],
            data["source"],
            data.get("precision", "day"),
            data.get("origin", "text"),
        )


def parse_iso(value: str | None) -> datetime | date | None:
    """Parse an ISO 8601 date (``YYYY-MM-DD``) or date-time string; ``None`` passes."""
    if value is None:
        return None
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article.

    ``raw`` holds the input exactly as given and ``extra`` the namespaced
    fields of third-party stages; ``base_text`` is the decoded text the text
    stages started from (for HTML, the extracted story text) and
    ``edits[base_index:]`` are the edits made on it, which the notebook view
    (``_repr_html_``, see :mod:`newsclean.view`) shows in place. None of these
    is part of :meth:`to_dict`, so they do not take part in equality.
    """

    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    published: datetime | date | None = None
    updated: datetime | date | None = None
    dates: tuple[DateCandidate, ...] = ()
    authors: tuple[str, ...] = ()
    dateline: Dateline | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    language: str | None = None
    spam_keywords: tuple[str, ...] = ()
    spun: bool = False
    edits: tuple[Edit, ...] = ()
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[str, ...] = ()
    raw: str | bytes | None = field(default=None, compare=False, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    base_text: str | None = field(default=None, compare=False, repr=False)
    base_index: int = field(default=0, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def author_roles(self) -> tuple[AuthorRole, ...]:
        """The roles the byline prints, in order: of an author, or of an office alone.

        :attr:`authors` holds names only; what the byline printed with them
        ("Jane Doe, Staff Writer", "Von Max Muster, Korrespondent") is here, and
        a byline naming an office rather than a person ("By our correspondent")
        gives a role with ``author=None`` and no author. Read from the byline
        decision of ``extract_metadata``, so it survives :meth:`to_dict`, JSON
        and pickling with the decisions; a role of a name that is not among
        :attr:`authors` (the page's metadata named other authors) is left out.

        >>> import newsclean
        >>> a = newsclean.clean("Vote delayed\\nJane Doe, Staff Writer\\n"
        ...                     "The vote was delayed again on Monday, officials said, after a long night.")
        >>> a.authors, a.author_roles
        (('Jane Doe',), (AuthorRole(author='Jane Doe', role='Staff Writer'),))
        """
        named = {a.casefold() for a in self.authors}
        for d in reversed(self.decisions):
            if (d.stage, d.reason) == BYLINE_DECISION:
                return tuple(
                    AuthorRole(r.get("author"), str(r["role"]))
                    for r in d.data.get("roles", ())
                    if r.get("author") is None or str(r["author"]).casefold() in named
                )
        return ()

    def to_text(self) -> str:
        """Render the Article as text: the title underlined with ``=``, then the paragraphs.

        This is the canonical rendering: cleaning it again gives the same title
        and paragraphs. The underline marks the title as written, the way a
        Markdown setext heading does; without a title the heading is empty (a
        line of ``===`` alone), which says that the article has none, so that
        no paragraph is taken for a title on the next cleaning. A text opening
        with such a heading is read as an article's own text: its title is the
        one written, and only clear clutter is removed from it (no search for
        the story among page furniture). An Article with neither title nor
        paragraphs renders as the empty string.

        >>> Article(title="Vote delayed", paragraphs=("The vote was delayed.",)).to_text()
        'Vote delayed\\n============\\n\\nThe vote was delayed.'
        >>> Article(paragraphs=("The vote was delayed.",)).to_text()
        '===\\n\\nThe vote was delayed.'
        """
        if not self.title:
            return f"{EMPTY_HEADING}\n\n{self.text}" if self.paragraphs else ""
        title = " ".join(self.title.splitlines()).strip()
        underline = "=" * max(len(EMPTY_HEADING), min(len(title), 80))
        return f"{title}\n{underline}\n\n{self.text}" if self.paragraphs else f"{title}\n{underline}\n"

    def __repr__(self) -> str:
        title = self.title if self.title is None or len(self.title) <= 60 else self.title[:57] + "..."
        published = self.published.isoformat() if self.published else None
        return (
            f"<Article title={title!r} published={published!r} "
            f"paragraphs={len(self.paragraphs)} edits={len(self.edits)}"
            f"{' spun' if self.spun else ''}>"
        )

    def _repr_html_(self) -> str:
        """The notebook view: fields, edits per stage, the text with every edit in place."""
        return article_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's text view: a short summary that fits the terminal."""
        printer.text(repr(self) if cycle else article_text(self))

    # -- serialisation ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with exactly the keys in ``DICT_KEYS``."""
        return {
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "dates": [d.to_dict() for d in self.dates],
            "authors": list(self.authors),
            "author_roles": [r.to_dict() for r in self.author_roles],
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "site_name": self.site_name,
            "section": self.section,
            "tags": list(self.tags),
            "related": list(self.related),
            "language": self.language,
            "spam_keywords": list(self.spam_keywords),
            "spun": self.spun,
            "edits": [e.to_dict() for e in self.edits],
            "decisions": [d.to_dict() for d in self.decisions],
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise :meth:`to_dict` as JSON (non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, raw: str | bytes | None = None) -> Article:
        """Rebuild an article from :meth:`to_dict` output.

        Raises:
            ValueError: If a key is missing or a value has the wrong shape.
        """
        missing = [k for k in DICT_KEYS if k not in data and k not in DERIVED_KEYS]
        if missing:
            raise ValueError(f"article dict lacks keys {missing}")
        dl = data["dateline"]
        return cls(
            title=data["title"],
            paragraphs=tuple(data["paragraphs"]),
            published=parse_iso(data["published"]),
            updated=parse_iso(data["updated"]),
            dates=tuple(DateCandidate.from_dict(d) for d in data["dates"]),
            authors=tuple(data["authors"]),
            dateline=Dateline(dl["place"], dl.get("agency")) if dl else None,
            site_name=data["site_name"],
            section=data["section"],
            tags=tuple(data["tags"]),
            related=tuple(data["related"]),
            language=data["language"],
            spam_keywords=tuple(data["spam_keywords"]),
            spun=bool(data["spun"]),
            edits=tuple(Edit.from_dict(e) for e in data["edits"]),
            decisions=tuple(Decision.from_dict(d) for d in data["decisions"]),
            warnings=tuple(data["warnings"]),
            raw=raw,
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    # -- explanation -----------------------------------------------------------
    def explain(self) -> Explanation:
        """Return a readable account of every edit, grouped by stage, then the decisions.

        Example edit line: ``  spam_keyword  remove  'Acme Center' -> ''  @120-131``;
        example decision line: ``  normalize_dates  published_date  value='2024-03-05' rule='url date'``.
        The result is a ``str``; in a notebook it shows the article with every
        edit in place instead (see :class:`~newsclean.view.Explanation`).
        """
        return Explanation(self._explain_text(), self)

    def _explain_text(self) -> str:
        if not self.edits and not self.warnings and not self.decisions:
            return "No changes: the input was already clean."
        lines: list[str] = []
        order: list[str] = []
        groups: dict[str, list[Edit]] = {}
        for e in self.edits:
            if e.stage not in groups:
                order.append(e.stage)
                groups[e.stage] = []
            groups[e.stage].append(e)
        for stage_name in order:
            edits = groups[stage_name]
            lines.append(f"{stage_name} ({len(edits)} edit{'s' if len(edits) != 1 else ''})")
            for e in edits:
                where = f"  @{e.start}-{e.end}" if e.start is not None else ""
                after = f" -> {_short(e.after)}" if e.action in ("replace", "insert") else ""
                lines.append(f"  {e.reason:<22} {e.action:<8} {_short(e.before)}{after}{where}")
        if self.decisions:
            lines.append(f"decisions ({len(self.decisions)})")
            for d in self.decisions:
                shown = " ".join(f"{k}={_short_value(v)}" for k, v in d.data.items())
                lines.append(f"  {d.stage:<22} {d.reason:<22} {shown}".rstrip())
        if self.warnings:
            lines.append("warnings")
            lines.extend(f"  {w}" for w in self.warnings)
        return "\n".join(lines)


def _short_value(value: Any, limit: int = 40) -> str:
    """One decision value, shortened: strings quoted, sequences by their length."""
    if isinstance(value, str):
        return _short(value, limit)
    if isinstance(value, tuple):
        return f"<{len(value)} item{'s' if len(value) != 1 else ''}>"
    if isinstance(value, Mapping):
        return f"<{len(value)} key{'s' if len(value) != 1 else ''}>"
    return repr(value)


def _short(text: str, limit: int = 70) -> str:
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)
