"""Publication-day misses of the text path, one record per page, for error analysis.

Two sets, reported apart (they are the two measures of issue 18):

* **mediacloud**: the 200 htmldate Media Cloud 2020 pages, gold from the
  data set (``NaN``: no date expected), as ``benchmarks.dates`` scores them;
* **silver**: the development pages whose structured data states a
  publication day, read by ``benchmarks.metadata.silver`` (the set of
  ``benchmarks.metadata``); its Media Cloud pages are the same pages as the
  first set with another gold, so ``--silver-corpora`` can leave them out
  (``scrapinghub-aeb,dragnet`` is the part independent of the first set).

Each page's text capture runs through the default stages before
``normalize_dates``; the candidates are read again with
:func:`newsclean.stages.date_candidates.find_candidates` and placed against
the headline and the story start as the chooser places them. Every miss is
printed with the rule that chose, the candidates (line, day, kind, date-only,
prose, header score, source) and whether the gold day is among them.

Run from the project root::

    python -m benchmarks.dates_misses --data ../shared/data --cache .cache/corpora
    python -m benchmarks.dates_misses --set silver --json /tmp/misses.json
"""

from __future__ import annotations

import argparse
import json
import logging
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument


@dataclass
class Case:
    """One page of either set: its capture, gold day and what the text path chose."""

    set: str
    id: str
    capture: str
    gold: str | None
    stated: str = ""
    got: str | None = None
    rule: str = "none"
    found: list[dict[str, Any]] = field(default_factory=list)

    @property
    def right(self) -> bool:
        """Day accuracy as each benchmark counts it (silver: also a zone's local day of a UTC time)."""
        from benchmarks.dates import _local_day

        if self.gold is None:
            return self.got is None
        return self.got == self.gold or (self.set == "silver" and _local_day(self.stated, self.got))


def mediacloud_cases(data: Path, limit: int | None) -> list[Case]:
    """The Media Cloud pages as text captures, with the data set's gold."""
    from benchmarks.common import html_to_capture, load_mediacloud
    from newsclean.inputs import decode_bytes

    return [
        Case("mediacloud", f"{i:03d}", html_to_capture(decode_bytes(p.raw)[0]), p.gold)
        for i, p in enumerate(load_mediacloud(data, limit))
    ]


def silver_cases(data: Path, limit: int | None, cache: Path | None, corpora: set[str] | None) -> list[Case]:
    """The silver set of ``benchmarks.metadata`` (pages stating a publication day)."""
    from benchmarks.corpora import Cache, add_captures
    from benchmarks.metadata import load_pages, silver

    pages = [p for p in load_pages(data, limit) if corpora is None or p.corpus in corpora]
    refs = {(p.corpus, p.id): silver(p.html) for p in pages}
    pages = [p for p in pages if refs[p.corpus, p.id].day]
    if cache is not None:
        add_captures(pages, Cache(cache))
    else:
        from benchmarks.common import html_to_capture

        for p in pages:
            p.capture = html_to_capture(p.html)
    return [
        Case("silver", f"{p.corpus}/{p.id}", p.capture, refs[p.corpus, p.id].day, refs[p.corpus, p.id].stated)
        for p in pages
    ]


def analyse(case: Case) -> None:
    """Run the text path on ``case`` and record its answer, rule and candidates."""
    from newsclean.defaults import default_pipeline
    from newsclean.errors import NewscleanError
    from newsclean.stages._linetable import line_table
    from newsclean.stages.date_candidates import find_candidates
    from newsclean.stages.date_choice import _anchors, _dated_lists, _header_score

    full = default_pipeline()
    at = full.names.index("normalize_dates")
    try:
        before = full[:at].run(case.capture, kind="text")
    except NewscleanError:
        return
    after = full[at : at + 1].run(before)
    value = after.get("published")
    case.got = value.isoformat()[:10] if value is not None else None
    decision = next((d for d in after.decisions if d.reason == "published_date"), None)
    case.rule = str(decision.data["rule"]) if decision else "none"
    lines = line_table(before.text)
    found, _ = find_candidates(before.text, language=before.language, lines=lines)
    if not found:
        return
    skip = frozenset(f.line for f in found if f.date_only)
    anchors = _anchors(lines, before.get("title"), skip)
    listed = _dated_lists(found, lines)
    for f in found:
        case.found.append(
            {
                "line": f.line,
                "day": f.value.isoformat()[:10] if f.value is not None else None,
                "kind": f.kind,
                "date_only": f.date_only,
                "prose": f.prose,
                "listed": f.line in listed,
                "score": _header_score(f, anchors),
                "source": f.source[:110],
            }
        )
    case.found.insert(0, {"anchors": anchors[:3]})


def cause(case: Case) -> str:
    """A first sorting of a miss: is the gold day among the candidates, and of which kind."""
    cands = [f for f in case.found if "day" in f]
    if case.gold is None:
        return "no date expected, one chosen"
    days = [f for f in cands if f["day"] == case.gold]
    if not days:
        if any(f["day"] is None for f in cands):
            return "gold not read (relative dates unresolved)"
        return "gold not read"
    if all(f["prose"] or f["kind"] in ("mentioned", "captured") for f in days):
        return "gold only in sentences or mentioned"
    return "gold read, other chosen"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    add_data_argument(parser)
    parser.add_argument("--cache", type=Path, default=None, help="folder caching captures")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus only")
    parser.add_argument("--set", choices=("mediacloud", "silver", "both"), default="both")
    parser.add_argument("--silver-corpora", default=None, help="comma-separated corpora of the silver set")
    parser.add_argument("--json", type=Path, default=None, help="write every case (not only misses) here")
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    cases: list[Case] = []
    if args.set in ("mediacloud", "both"):
        cases += mediacloud_cases(args.data, args.limit)
    if args.set in ("silver", "both"):
        corpora = set(args.silver_corpora.split(",")) if args.silver_corpora else None
        cases += silver_cases(args.data, args.limit, args.cache, corpora)
    for c in cases:
        analyse(c)
    for name in ("mediacloud", "silver"):
        part = [c for c in cases if c.set == name]
        if not part:
            continue
        misses = [c for c in part if not c.right]
        causes = Counter(cause(c) for c in misses)
        right = len(part) - len(misses)
        print(f"## {name}: {right}/{len(part)} right ({right / len(part):.3f})")
        for k, n in causes.most_common():
            print(f"   {n:3d} {k}")
        if args.quiet:
            continue
        for c in misses:
            print(
                f"\n### {c.set} {c.id}: got {c.got} want {c.gold} ({c.stated}) rule={c.rule!r} [{cause(c)}]"
            )
            for f in c.found:
                if "anchors" in f:
                    print(f"   anchors (headline, story): {f['anchors']}")
                    continue
                mark = "*" if f["day"] == c.gold else " "
                flags = "".join(
                    ch for ch, on in (("D", f["date_only"]), ("P", f["prose"]), ("L", f["listed"])) if on
                )
                print(
                    f" {mark} {f['line']:4d} {f['day']} {f['kind']!s:9} {flags:3} "
                    f"s={f['score']} {f['source']!r}"
                )
    if args.json:
        args.json.write_text(
            json.dumps([c.__dict__ | {"right": c.right} for c in cases], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
