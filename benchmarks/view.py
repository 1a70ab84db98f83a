"""How long the notebook view of an article takes to build.

Builds a capture of about 50 KB from the bundled fixtures (the seed captures
and the clean controls, repeated), cleans it once, then times
``Article._repr_html_()`` (the in-place view), ``explain()._repr_html_()`` (the
view with the edit log) and the terminal summary. The budget is 50 ms for the
HTML view of a 50 KB capture.

    python -m benchmarks.view [--size 50000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import newsclean
from newsclean.view import article_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: The budget for the HTML view of a 50 KB capture, in milliseconds.
BUDGET_MS = 50.0


def capture(size: int) -> str:
    """Return a text capture of at least ``size`` characters built from the fixtures."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "clean").glob("*.txt"))]
    out: list[str] = []
    total = 0
    while total < size:
        for part in parts:
            out.append(part)
            total += len(part)
    return "\n".join(out)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``fn()`` over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    """Print the timings and the ratio to the budget."""
    parser = argparse.ArgumentParser(description="Time the notebook view of an article.")
    parser.add_argument("--size", type=int, default=50_000, help="capture size in characters")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    raw = capture(args.size)
    t0 = time.perf_counter()
    article = newsclean.clean(raw, kind="text")
    clean_ms = (time.perf_counter() - t0) * 1000
    html = article._repr_html_()
    print(f"capture: {len(raw):,} characters, {len(article.edits)} edits; clean() took {clean_ms:.0f} ms")
    print(f"view HTML: {len(html):,} characters")
    view_ms = timed(article._repr_html_, args.repeat)
    explain_ms = timed(lambda: article.explain()._repr_html_(), args.repeat)
    text_ms = timed(lambda: article_text(article, width=100), args.repeat)
    print(
        f"Article._repr_html_()     {view_ms:7.2f} ms  ({view_ms / BUDGET_MS:.2f} of the {BUDGET_MS:.0f} ms budget)"
    )
    print(f"explain()._repr_html_()   {explain_ms:7.2f} ms")
    print(f"terminal summary          {text_ms:7.2f} ms")


if __name__ == "__main__":
    main()
