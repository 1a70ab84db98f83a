"""Resident memory while one process streams many captures through ``clean()``.

    python -m benchmarks.memory [--data DIR] [--n 100000] [--report 1000,10000,100000]

Captures: the pages of the four extraction corpora (AEB, Dragnet, CleanEval,
CleanPortalEval) turned into plain-text captures (``benchmarks.common.html_to_capture``),
cycled until ``--n`` captures have been cleaned. Every capture gets a line of its
own (a reference number), so no two captures are the same text and every cache
that remembers lines or texts keeps filling: a cache without a bound would show
here as growth. The Articles are dropped as they come, as a streaming job does.

Printed at each report point: captures cleaned, resident memory (current and
peak, MiB), and captures per second since the last point. Target (issue 13):
memory flat from 1,000 captures on, i.e. the resident size at 100,000 within a
few MiB of the size at 10,000 once the caches are full.

    python -m benchmarks.memory --runs [--data DIR]

prints instead the longest *dense run* of edits (``newsclean.document.DENSE_GAP``)
in the log of every page of the four corpora, cleaned as a text capture and as
HTML: the figure ``DENSE_RUN``, the run length from which the log merges a
run into one edit, must stay well above, so that no real capture's log is merged.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, html_to_capture


def _rss_mib() -> float:
    """Current resident set size in MiB (Linux ``/proc``; the peak elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _peak_mib()


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _captures(data: Path, limit: int | None) -> list[str]:
    from benchmarks.corpora import CORPORA, load_corpus

    out = []
    for corpus in CORPORA:
        for page in load_corpus(data, corpus, limit):
            try:
                out.append(html_to_capture(page.html))
            except Exception:  # a page the converter cannot read is skipped here, as in corpora
                continue
    return out


def longest_dense_run(edits: Sequence[Any]) -> int:
    """The most edits in one dense run of ``edits`` (a log, as ``Article.edits``).

    Consecutive edits of one stage and reason, each starting at most
    ``DENSE_GAP`` unchanged characters after the end of the last (read from
    their ``at`` offsets, so only edits of one left-to-right batch chain).
    Edits whose action does not follow from their text (``extract``: text
    moved to a field) are never merged, so they are not counted.
    """
    from newsclean.document import DENSE_GAP

    best = run = 0
    prev: Any = None
    for e in edits:
        derived = "remove" if not e.after else "insert" if not e.before else "replace"
        if e.at is None or e.action != derived:
            prev, run = None, 0
            continue
        if (
            prev is not None
            and (e.stage, e.reason) == (prev.stage, prev.reason)
            and 0 <= e.at - (prev.at + len(prev.after)) <= DENSE_GAP
        ):
            run += 1
        else:
            run = 1
        best = max(best, run)
        prev = e
    return best


def _runs(data: Path) -> int:
    """Print the longest dense run over every corpus page, as text and as HTML."""
    import newsclean
    from benchmarks.corpora import CORPORA, load_corpus
    from newsclean import document

    merged_from = document.DENSE_RUN
    document.DENSE_RUN = sys.maxsize  # the runs as the stages make them: none merged
    best, where, n = 0, "", 0
    for corpus in CORPORA:
        for i, page in enumerate(load_corpus(data, corpus)):
            for kind, raw in (("text", html_to_capture(page.html)), ("html", page.html)):
                n += 1
                run = longest_dense_run(newsclean.clean(raw).edits)
                if run > best:
                    best, where = run, f"{corpus}/{i}/{kind}"
    document.DENSE_RUN = merged_from
    print(f"{n} cleans; longest dense run: {best} edits ({where}); DENSE_RUN = {merged_from}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stream the captures and print resident memory at each report point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--n", type=int, default=100_000, help="captures to clean (default 100,000)")
    parser.add_argument("--report", default="1000,10000,100000", help="comma-separated report points")
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus to cycle through")
    parser.add_argument("--runs", action="store_true", help="print the longest dense run of edits instead")
    args = parser.parse_args(argv)
    if args.runs:
        return _runs(args.data)

    import newsclean

    captures = _captures(args.data, args.limit)
    if not captures:
        print(f"no corpora at {args.data}; pass --data", file=sys.stderr)
        return 1
    points = sorted({int(p) for p in args.report.split(",") if p.strip()} | {args.n})
    gc.collect()
    print(f"{len(captures)} distinct captures, cycled to {args.n:,}; start RSS {_rss_mib():.0f} MiB")
    print(f"{'captures':>10} {'RSS MiB':>9} {'peak MiB':>9} {'docs/s':>8}")
    done = 0
    t = time.perf_counter()
    last_done, last_t = 0, t
    for point in points:
        while done < min(point, args.n):
            text = captures[done % len(captures)]
            newsclean.clean(f"{text}\nRef. {done}")
            done += 1
        now = time.perf_counter()
        rate = (done - last_done) / (now - last_t) if now > last_t else 0.0
        print(f"{done:>10,} {_rss_mib():>9.0f} {_peak_mib():>9.0f} {rate:>8.1f}", flush=True)
        last_done, last_t = done, now
    return 0


if __name__ == "__main__":
    sys.exit(main())
