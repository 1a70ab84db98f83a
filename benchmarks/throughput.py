"""Documents per second of ``newsclean.clean()`` against a naive pipeline, and import cost.

Run from the project folder::

    python -m benchmarks.throughput [--data ../shared/data] [--limit N] [--repeat R]

Captures: the fixture captures plus the 181 pages of the Article Extraction
Benchmark turned into plain-text captures (``benchmarks.common.html_to_capture``),
when the data folder is there. The naive pipeline is what a scraper would write
by hand: ``ftfy.fix_text`` over the whole capture, then ``dateparser.parse`` on
its date line (the first line of at most 50 characters with a digit that
dateparser reads as a date). Both are timed after one warm-up pass, in the same
process, on the same captures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import add_data_argument, html_to_capture, load_aeb, table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEAVY = ("ftfy", "dateparser", "bs4", "lxml", "wordfreq", "charset_normalizer")


def load_captures(data: Path, limit: int | None) -> list[str]:
    captures = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    captures += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "clean").glob("*.txt"))]
    if (data / "scrapinghub-aeb").exists():
        captures += [html_to_capture(p.html) for p in load_aeb(data, limit)]
    else:
        print(f"(no AEB data at {data}; timing the fixtures only)")
    return captures


def naive(text: str) -> tuple[str, object]:
    import dateparser
    import ftfy

    fixed = ftfy.fix_text(text)
    found = None
    for line in fixed.split("\n"):
        line = line.strip()
        if len(line) <= 50 and any(ch.isdigit() for ch in line):
            found = dateparser.parse(line)
            if found is not None:
                break
    return fixed, found


def rate(fn, captures: list[str], repeat: int) -> tuple[float, float]:
    """Best and median documents per second over ``repeat`` passes (after a warm-up)."""
    for c in captures:
        fn(c)
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for c in captures:
            fn(c)
        rates.append(len(captures) / (time.perf_counter() - start))
    return max(rates), statistics.median(rates)


def import_cost() -> tuple[float, list[str]]:
    code = (
        "import sys, time; t = time.perf_counter(); import newsclean; "
        "dt = time.perf_counter() - t; import json; "
        f"print(json.dumps([dt, [m for m in {HEAVY!r} if m in sys.modules]]))"
    )
    times = []
    heavy: list[str] = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        dt, heavy = json.loads(out.stdout)
        times.append(dt)
    return min(times), heavy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N benchmark pages")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per pipeline (best is reported)")
    args = parser.parse_args(argv)

    seconds, heavy = import_cost()
    print(f"import newsclean: {seconds * 1000:.1f} ms; heavy modules loaded at import: {heavy or 'none'}")

    import newsclean

    captures = load_captures(args.data, args.limit)
    size = sum(len(c) for c in captures)
    print(f"{len(captures)} captures, {size / 1e6:.2f} million characters")

    ours_best, ours_median = rate(newsclean.clean, captures, args.repeat)
    naive_best, naive_median = rate(naive, captures, args.repeat)
    rows = [
        ["newsclean.clean()", ours_best, ours_median, ours_best * size / len(captures) / 1e6],
        [
            "naive: ftfy.fix_text + dateparser",
            naive_best,
            naive_median,
            naive_best * size / len(captures) / 1e6,
        ],
    ]
    print(table(rows, ["pipeline", "docs/s (best)", "docs/s (median)", "MB/s (best)"]))
    print(f"ratio newsclean / naive: {ours_best / naive_best:.1f}x (budget: at least 13x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
