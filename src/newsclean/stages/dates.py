"""The ``normalize_dates`` stage: every date candidate, the publication date, date lines out.

The stage works line by line. Cheap compiled prefilter scans (a number that
may be a year or timestamp, a clock time, a relative-time word on a short
line) pick the few lines worth reading; only those are parsed, with the
exact fast paths of :mod:`newsclean.dateparse` (dateparser reads at most
four short lines per document that the fast paths could not). Each date
becomes a :class:`DateCandidate`:

* ``published``, ``updated``, ``captured``: the line carries a label for it
  ("Published", "Stand:", "Mis à jour le", "发布时间", "Retrieved"...), or, for
  ``captured``, the line is a bare Unix timestamp (a scraper's stamp);
* ``mentioned``: a date inside a story sentence, or a date line that was not
  chosen as the publication date.

``published`` is chosen by these rules, first match wins (the choice is logged
with :meth:`~newsclean.document.Document.with_decision`, reason
``published_date``, data ``value``, ``source``, ``rule`` and the ``candidates``
weighed):

1. ``page metadata``: a ``published`` candidate an earlier stage took from
   the page (JSON-LD, ``<meta>``, ``itemprop``, ``<time datetime>``, a
   date-named element); a date-named element loses to the day in the page's
   address (``url date``), and a UTC time takes the address's day when a
   publisher's zone (UTC-8 to UTC+13) puts the instant on it;
2. ``published label``: a date labelled as the publication date (the one
   nearest the headline);
3. ``header date line``: an unlabelled (or update-labelled, ranked lower)
   date on a short line next to the headline (the line repeating the title)
   or just above the story's first paragraph; a line holding only the date
   ranks above a byline-like line; the stamps of a reader comment thread
   (``THREAD_RUN`` of them or more) are never one;
4. ``url date``: a day in ``options.url`` (``/2020/07/28/``), else in the
   canonical address the HTML stage read; it also beats a rule-3 line that
   holds more than the date;
5. ``title date``: a date in the title line;
6. ``earliest header candidate``: the earliest date on a short line before
   the story starts;
7. ``story dateline``: the date a story paragraph opens with as a dateline
   ("Springfield, May 14, 2003 – …", "(2/6/2004) …"), when the page's
   datelines name one day and the first stands at or below the story start;
8. ``only date line``: the page's date lines (outside dated lists, holding a
   four-digit year or a time) all name one day, wherever they stand (a
   short post dated at its foot); not a comment's stamp, nor under a
   related-stories header;
9. ``updated label``: the earliest update date, when nothing says when the
   story was first published;
10. ``earliest comment date`` / ``latest embedded post``: when nothing above
   (nor a stated update) gives a day, the first stamp of a comment thread
   after the story, else the last post the story embeds, bound it
   (:func:`~newsclean.stages.date_choice.choose_bound`).

Captured stamps and mentioned dates never become ``published``, nor does a
date later than ``captured_at``. Date-only lines (labelled or bare, Unix
timestamps, relative phrases) are removed with reason ``date_line``;
sentences are never touched.

The candidates are found in :mod:`newsclean.stages.date_candidates` and the
dates chosen in :mod:`newsclean.stages.date_choice`; this module runs the
stage and records its decisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from newsclean.article import DateCandidate, parse_iso
from newsclean.dateparse import iso, parse_date, url_date
from newsclean.document import Change, Document
from newsclean.protocol import stage
from newsclean.stages._lines import delete_line
from newsclean.stages._linetable import line_table
from newsclean.stages.date_candidates import Found, find_candidates
from newsclean.stages.date_choice import (
    _META_ORDER,
    Choice,
    _day,
    _plausible,
    _value,
    choose_bound,
    choose_published,
    choose_updated,
    headline_index,
    headline_lines,
)

__all__ = [
    "Choice",
    "Found",
    "choose_published",
    "find_candidates",
    "headline_index",
    "headline_lines",
    "normalize_dates",
]

NAME = "normalize_dates"

#: At most this many candidates are listed in a date decision (pages can hold hundreds of dates).
MAX_EVIDENCE = 12
#: Whether a copyright year ("© 2017") stands for the publication date when the page states no
#: other date (as January 1st, with ``precision="year"`` and a warning).
COPYRIGHT_FALLBACK = False


# ---------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------
def _page_date_strings(doc: Document, language: str | None, reference: date) -> list[DateCandidate]:
    """Read the page date strings the HTML stage could not normalise (``extra["html"]``).

    They come from date elements (a date-named class, ``<abbr>``, a
    ``pubdate`` attribute), so two-digit years are read too.
    """
    html = doc.extra.get("html")
    raw = html.get("date_strings") if isinstance(html, dict) else None
    out: list[DateCandidate] = []
    for item in raw or ():
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            continue
        value = parse_date(
            item["value"], language=language, reference=reference if item.get("element") else None
        )
        if value is not None:
            out.append(
                DateCandidate(
                    iso(value),
                    str(item.get("kind", "published")),
                    str(item.get("source", "html:")),
                    origin=str(item.get("origin", "element")),
                )
            )
    return out


def _page_url_day(existing: Sequence[DateCandidate]) -> date | None:
    """The day the HTML stage read from the page's canonical address (source ``url``)."""
    for c in existing:
        if c.source == "url" and c.value:
            try:
                value = parse_iso(c.value)
            except ValueError:
                continue
            if value is not None:
                return _day(value)
    return None


def _copyright_year(
    found: Sequence[Found], metadata: Sequence[DateCandidate], captured_at: datetime | None
) -> tuple[date, str] | None:
    """The latest plausible copyright year stated by the page or the text, with its source."""
    years: list[tuple[date, str]] = []
    for c in metadata:
        if c.kind == "copyright" and c.value and c.value[:4].isdigit():
            years.append((date(int(c.value[:4]), 1, 1), c.source))
    years += [(_value(f), f.source) for f in found if f.kind == "copyright"]
    years = [(y, src) for y, src in years if _plausible(y, captured_at)]
    return max(years, key=lambda t: t[0]) if years else None


def _evidence(candidates: Sequence[DateCandidate], kinds: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The candidates weighed for a choice, as plain records (at most :data:`MAX_EVIDENCE`)."""
    out = []
    seen: set[tuple[str | None, str]] = set()
    for c in candidates:
        if c.value is None or c.kind not in kinds or (c.value, c.kind) in seen:
            continue
        seen.add((c.value, c.kind))
        out.append(
            {
                "value": c.value,
                "kind": c.kind,
                "source": c.source[:120],
                "precision": c.precision,
                "origin": c.origin,
            }
        )
        if len(out) >= MAX_EVIDENCE:
            break
    return tuple(out)


def _set_aside(choice: Choice, found: Sequence[Found]) -> tuple[dict[str, Any], ...]:
    """The candidates a rule set aside for the original publication, as plain records with the reason."""
    out = []
    for k, why in choice.set_aside:
        f = found[k]
        kind = f.kind or "mentioned"
        value = None if f.value is None else iso(f.value)
        out.append({"value": value, "kind": kind, "source": f.source[:120], "reason": why})
    return tuple(out[:MAX_EVIDENCE])


def _record(
    doc: Document,
    reason: str,
    choice: Choice,
    precision: str,
    candidates: Sequence[DateCandidate],
    kinds: tuple[str, ...],
    found: Sequence[Found] = (),
) -> Document:
    """Log a date choice as a decision: the value, its precision, the rule, the evidence, the candidates weighed.

    A choice that set candidates aside for the original publication (an
    update's date, a comment's stamp ranked nearer the headline) also lists
    them under ``set_aside``, each with its reason.
    """
    extra: dict[str, Any] = {"set_aside": _set_aside(choice, found)} if choice.set_aside else {}
    return doc.with_decision(
        NAME,
        reason,
        value=iso(choice.value),
        precision=precision,
        source=choice.source[:200],
        rule=choice.rule,
        candidates=_evidence(candidates, kinds),
        **extra,
    )


@stage(NAME, requires=("language",), provides=("dates", "published", "updated"))
def normalize_dates(doc: Document) -> Document:
    """Collect date candidates, choose ``published`` and ``updated``, and take date-only lines out.

    >>> from newsclean.document import Document
    >>> doc = normalize_dates(Document.from_text("Bridge reopens\\nDate:2025-04-08 08:47:16\\nThe bridge reopened."))
    >>> doc.text
    'Bridge reopens\\nThe bridge reopened.'
    >>> doc.get("published").isoformat()
    '2025-04-08T08:47:16'
    """
    language = doc.language
    captured_at = doc.options.captured_at
    reference = captured_at.date() if captured_at is not None else date.today()
    lines = line_table(doc.text)  # past many lines, 8 bytes a line: a capture may have millions
    found, warnings = find_candidates(doc.text, language=language, captured_at=captured_at, lines=lines)
    existing: tuple[DateCandidate, ...] = tuple(doc.get("dates") or ())
    page_strings = _page_date_strings(doc, language, reference)
    metadata = [c for c in existing if c.source.startswith(_META_ORDER)] + page_strings
    already = doc.get("published")
    choice = None
    precision = "day"
    if already is None:
        choice = choose_published(
            found,
            lines,
            metadata=metadata,
            title=doc.get("title"),
            captured_at=captured_at,
            url=doc.options.url,
            page_url_day=_page_url_day(existing),
        )
    update = None
    if doc.get("updated") is None:
        # A publication date read from an update-labelled line is that update date too.
        from_update = (
            choice is not None and choice.index is not None and found[choice.index].kind == "updated"
        )
        update = choose_updated(
            found,
            metadata=metadata,
            captured_at=captured_at,
            published=None if from_update else choice.value if choice is not None else already,
        )
    if choice is None and already is None:
        if update is not None:
            # The page states only when it was updated: that is the latest it can have appeared.
            choice = Choice(update.value, update.source, "updated date only", update.index)
        elif (
            bound := choose_bound(found, lines, title=doc.get("title"), captured_at=captured_at)
        ) is not None:
            # Nothing states the day: the first comment and the last embedded post bound it.
            choice = bound
        elif COPYRIGHT_FALLBACK and (copy := _copyright_year(found, metadata, captured_at)) is not None:
            choice, precision = Choice(copy[0], copy[1], "copyright year"), "year"
    chosen = choice.index if choice is not None else None

    candidates = list(existing)
    seen = {(c.value, c.source) for c in existing}
    for cand in page_strings:
        if (cand.value, cand.source) not in seen:
            seen.add((cand.value, cand.source))
            candidates.append(cand)
    for k, f in enumerate(found):
        kind = f.kind
        if kind is None:
            kind = "published" if k == chosen else "mentioned"
        if f.precision == "year" and f.value is not None:
            cand = DateCandidate(f"{_day(f.value).year:04d}", kind, f.source, "year", "copyright")
        else:
            cand = DateCandidate(None if f.value is None else iso(f.value), kind, f.source)
        if (cand.value, cand.source) not in seen:
            seen.add((cand.value, cand.source))
            candidates.append(cand)

    if doc.options.url:
        from_url = url_date(doc.options.url)
        if from_url is not None:
            cand = DateCandidate(iso(from_url), "published", f"url:{doc.options.url}", origin="url")
            if (cand.value, cand.source) not in seen:
                seen.add((cand.value, cand.source))
                candidates.append(cand)

    removed = sorted({f.line + n for f in found if f.date_only for n in range(f.line_count)})
    changes: list[Change] = [delete_line(doc.text, lines[i], "date_line", "extract") for i in removed]
    out = doc.with_edits(NAME, changes)
    if candidates and tuple(candidates) != existing:
        out = out.with_fields(dates=tuple(candidates))
    if choice is not None:
        out = out.with_fields(published=choice.value)
        out = _record(out, "published_date", choice, precision, candidates, ("published", "copyright"), found)
        if chosen is not None and found[chosen].ambiguous:
            out = out.with_warning(f"published date: {found[chosen].ambiguous}")
        if precision != "day":
            out = out.with_warning(
                f"published date known only to the {precision}: {iso(choice.value)} stands for {choice.source!r}"
            )
    if update is not None:
        out = out.with_fields(updated=update.value)
        out = _record(out, "updated_date", update, "day", candidates, ("updated",))
    for w in warnings:
        out = out.with_warning(w)
    return out
