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
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    """Stream the captures and print resident memory at each report point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--n", type=int, default=100_000, help="captures to clean (default 100,000)")
    parser.add_argument("--report", default="1000,10000,100000", help="comma-separated report points")
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus to cycle through")
    args = parser.parse_args(argv)

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
