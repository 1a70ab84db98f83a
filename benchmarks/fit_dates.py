"""Check the header-date-line parameters of the date choice against the data, set by set.

The choice of ``published`` among a text capture's candidates
(:mod:`newsclean.stages.date_choice`) places each date line against the
headline and the story start with named parameters (:data:`PARAMETERS`: how
far after and before the headline, before and after the story start, and the
penalties of a line holding more than the date, of a later headline repeat
and of an update label; the stamps a comment thread needs, and those that keep its stamps out
of the header date lines; how near an update an earlier date line must stand to be its
original publication). This script measures them on two independent sets of text captures:

* **mediacloud**: the 200 htmldate Media Cloud 2020 pages (gold from the data
  set; ``NaN`` means no date expected);
* **silver**: the 210 pages of the four development corpora whose JSON-LD or
  ``<meta>`` states the publication day (:func:`benchmarks.dates.silver_set`;
  a day a zone from UTC-8 to UTC+13 puts a structured UTC time on also counts).
  No page is in both sets.

The candidates of every capture are read once (the default stages before
``normalize_dates``, then :func:`~newsclean.stages.date_candidates.find_candidates`);
only the choice runs again for each setting. The fit is a coordinate search:
each parameter in turn takes the value of :data:`GRID` with the most right
pages on the training set (ties keep the value nearest the current one),
until no parameter moves. It is run on each set and scored on the other (fit
on one, report on the other), and on both together; and leaving one corpus out
at a time (the Media Cloud pages and each development corpus of the silver set:
fitted on the others, scored on it). The report is written to
``src/newsclean/data/dates_choice.fit.md``.

Run from the project root::

    python -m benchmarks.fit_dates --data ../shared/data             # print and write the report
    python -m benchmarks.fit_dates --data ../shared/data --dry-run   # print only
"""

from __future__ import annotations

import argparse
import logging
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, table

#: The parameters of :mod:`newsclean.stages.date_choice` the search moves.
PARAMETERS = (
    "HEADLINE_AFTER",
    "HEADLINE_BEFORE",
    "STORY_BEFORE",
    "STORY_AFTER",
    "NOT_DATE_ONLY_PENALTY",
    "LATER_HEADLINE_PENALTY",
    "UPDATED_PENALTY",
    "COMMENT_RUN",
    "THREAD_RUN",
    "UPDATE_PAIR_LINES",
)
#: Values tried for each parameter.
GRID: dict[str, tuple[int, ...]] = {
    "HEADLINE_AFTER": (5, 10, 15, 20, 25, 30, 40, 60),
    "HEADLINE_BEFORE": (0, 1, 2, 3, 5, 8),
    "STORY_BEFORE": (3, 6, 9, 12, 16, 24),
    "STORY_AFTER": (0, 1, 2, 3, 5, 8),
    "NOT_DATE_ONLY_PENALTY": (0, 1, 2, 3, 5, 8),
    "LATER_HEADLINE_PENALTY": (0, 2, 5, 10, 20),
    "UPDATED_PENALTY": (0, 1, 2, 4, 8),
    "COMMENT_RUN": (1, 2, 3, 4, 6),
    "THREAD_RUN": (2, 3, 4, 6),
    "UPDATE_PAIR_LINES": (0, 1, 2, 3, 5, 8, 15, 25),
}
REPORT = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "data" / "dates_choice.fit.md"


@dataclass
class Page:
    """One capture's candidates and lines, read once, with its gold."""

    set: str
    found: list[Any]
    lines: Any
    gold: str | None
    stated: str = ""
    corpus: str = ""

    def right(self, got: str | None) -> bool:
        """Day accuracy as ``benchmarks.dates`` counts it."""
        from benchmarks.dates import _local_day

        if self.gold is None:
            return got is None
        return got == self.gold or (self.set == "silver" and _local_day(self.stated, got))


def _read(capture: str, set_: str, gold: str | None, stated: str = "", corpus: str = "") -> Page:
    from newsclean.defaults import default_pipeline
    from newsclean.errors import NewscleanError
    from newsclean.pipeline import Pipeline
    from newsclean.stages._linetable import line_table
    from newsclean.stages.date_candidates import find_candidates

    full = default_pipeline()
    before = full[: full.names.index("normalize_dates")]
    try:
        doc = before.run(capture, kind="text")
    except NewscleanError:
        doc = Pipeline(["detect_language"]).run(capture, kind="text")
    lines = line_table(doc.text)
    found, _ = find_candidates(doc.text, language=doc.language, lines=lines)
    return Page(set_, found, lines, gold, stated, corpus or set_)


def load(data: Path) -> list[Page]:
    """Both sets, candidates read."""
    from benchmarks.common import html_to_capture, load_mediacloud
    from benchmarks.dates import silver_set
    from newsclean.inputs import decode_bytes

    pages = [
        _read(html_to_capture(decode_bytes(p.raw)[0]), "mediacloud", p.gold) for p in load_mediacloud(data)
    ]
    pages += [
        _read(html_to_capture(p.html), "silver", p.published, p.stated, p.corpus)
        for p in silver_set(data, None)
    ]
    return pages


def answer(page: Page) -> str | None:
    """The published day the stage would choose from the page's text alone (no url, no metadata)."""
    from newsclean.stages.date_choice import choose_bound, choose_published, choose_updated

    choice = choose_published(page.found, page.lines)
    if choice is None:
        update = choose_updated(page.found)
        choice = update if update is not None else choose_bound(page.found, page.lines)
    return None if choice is None else choice.value.isoformat()[:10]


@contextmanager
def setting(values: dict[str, int]) -> Iterator[None]:
    """The choice module with these parameter values (restored afterwards)."""
    from newsclean.stages import date_choice

    old = {name: getattr(date_choice, name) for name in values}
    for name, value in values.items():
        setattr(date_choice, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(date_choice, name, value)


def score(pages: Sequence[Page], values: dict[str, int]) -> int:
    """Right pages under a setting."""
    with setting(values):
        return sum(p.right(answer(p)) for p in pages)


def current() -> dict[str, int]:
    """The values the module ships with."""
    from newsclean.stages import date_choice

    return {name: int(getattr(date_choice, name)) for name in PARAMETERS}


def fit(pages: Sequence[Page], start: dict[str, int]) -> dict[str, int]:
    """Coordinate search from ``start``: most right pages, ties kept nearest the start."""
    values = dict(start)
    best = score(pages, values)
    moved = True
    while moved:
        moved = False
        for name in PARAMETERS:
            for v in sorted(GRID[name], key=lambda v: abs(v - start[name])):
                trial = {**values, name: v}
                s = score(pages, trial)
                if s > best:
                    best, values, moved = s, trial, True
    return values


def plateau(pages: Sequence[Page], values: dict[str, int]) -> dict[str, list[int]]:
    """For each parameter alone, the grid values that score as well as ``values``."""
    base = score(pages, values)
    return {name: [v for v in GRID[name] if score(pages, {**values, name: v}) >= base] for name in PARAMETERS}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    add_data_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="print only, do not write the report")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    pages = load(args.data)
    sets = {
        "mediacloud": [p for p in pages if p.set == "mediacloud"],
        "silver": [p for p in pages if p.set == "silver"],
    }
    shipped = current()
    fits = {
        "shipped": shipped,
        "fit on mediacloud": fit(sets["mediacloud"], shipped),
        "fit on silver": fit(sets["silver"], shipped),
        "fit on both": fit(pages, shipped),
    }
    rows = []
    for label, values in fits.items():
        rows.append(
            [
                label,
                *(str(values[n]) for n in PARAMETERS),
                *(f"{score(part, values)}/{len(part)}" for part in sets.values()),
            ]
        )
    head = ["setting", *(n.lower() for n in PARAMETERS), *(f"{n} right" for n in sets)]
    flat = plateau(pages, shipped)
    held = []
    for corpus in sorted({p.corpus for p in pages}):
        out = [p for p in pages if p.corpus == corpus]
        values = fit([p for p in pages if p.corpus != corpus], shipped)
        moved = ", ".join(f"{n.lower()} {values[n]}" for n in PARAMETERS if values[n] != shipped[n]) or "none"
        held.append([corpus, str(len(out)), f"{score(out, shipped)}", f"{score(out, values)}", moved])
    lines = [
        "# Fit report: date choice parameters (`stages/date_choice.py`)",
        "",
        "Written by `python -m benchmarks.fit_dates`. Right publication days of the text path on the",
        "200 Media Cloud captures and the 210 silver captures of the development corpora (no page in",
        "both), with the module's values, and with the values a coordinate search finds on one set",
        "(scored on the other), and on both.",
        "",
        table(rows, head),
        "",
        "Values of each parameter alone that score as well as the shipped ones on both sets together:",
        "",
        table([[n.lower(), ", ".join(map(str, vs))] for n, vs in flat.items()], ["parameter", "values"]),
        "",
        "Leave one corpus out: the search fitted on the other corpora, scored on the one left out",
        "(right pages with the shipped values, and with the values fitted without it):",
        "",
        table(held, ["left out", "pages", "shipped", "fitted on the others", "values moved"]),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.dry_run:
        REPORT.write_text(text, encoding="utf-8")
        print(f"wrote {REPORT}")


if __name__ == "__main__":
    main()
