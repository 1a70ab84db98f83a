"""Size of the edit log: edits per capture, pickled Article size, whole-pipeline time.

Run from the project folder::

    python -m benchmarks.editlog [--data ../shared/data] [--limit N] [--repeat R]

Captures: the 181 pages of the Article Extraction Benchmark turned into
plain-text captures (``benchmarks.common.html_to_capture``), cached as JSON
under ``--cache`` so repeated runs skip the HTML conversion. Each capture is
cleaned with ``newsclean.clean``; the script prints the mean number of edits
and decisions per capture, the mean and total ``pickle`` size of the
articles (protocol 5) and of their edit tuples, and the best and median
documents per second over ``--repeat`` passes after one warm-up pass. Timing
on a shared machine is noisy: compare runs made back to back.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time
from pathlib import Path

from benchmarks.common import add_data_argument, html_to_capture, load_aeb


def load_captures(data: Path, cache: Path, limit: int | None) -> list[str]:
    """Return the AEB text captures, converting and caching them on first use."""
    path = cache / "aeb_text_captures.json"
    if path.exists():
        captures: list[str] = json.loads(path.read_text(encoding="utf-8"))
    else:
        captures = [html_to_capture(p.html) for p in load_aeb(data)]
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(captures, ensure_ascii=False), encoding="utf-8")
    return captures[:limit] if limit else captures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_data_argument(parser)
    parser.add_argument("--cache", type=Path, default=Path(".cache/editlog"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from newsclean import clean

    captures = load_captures(args.data, args.cache, args.limit)
    articles = [clean(c) for c in captures]  # warm-up pass
    n = len(articles)
    edits = sum(len(a.edits) for a in articles)
    decisions = sum(len(getattr(a, "decisions", ())) for a in articles)
    sizes = [len(pickle.dumps(a, protocol=5)) for a in articles]
    edit_sizes = [len(pickle.dumps(a.edits, protocol=5)) for a in articles]
    rates = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for c in captures:
            clean(c)
        rates.append(n / (time.perf_counter() - start))
    print(f"captures: {n} AEB text captures, {sum(map(len, captures)) / n:.0f} chars mean")
    print(f"edits per capture: {edits / n:.1f}   decisions per capture: {decisions / n:.1f}")
    print(f"pickled Article: {statistics.mean(sizes):.0f} B mean, {sum(sizes) / 1024:.0f} KiB total")
    print(
        f"pickled edits:   {statistics.mean(edit_sizes):.0f} B mean, {sum(edit_sizes) / 1024:.0f} KiB total"
    )
    print(
        f"clean(): {max(rates):.1f} docs/s best, {statistics.median(rates):.1f} docs/s median over {args.repeat}"
    )


if __name__ == "__main__":
    main()
