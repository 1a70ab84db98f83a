"""Boilerplate removal on plain-text captures: newsclean against jusText and trafilatura.

Data: the 181 pages of the Article Extraction Benchmark (scrapinghub, MIT;
``../shared/data/scrapinghub-aeb``), each with a hand-written article body.
Every page is turned into the plain-text capture a scraper stores with
:func:`benchmarks.common.html_to_capture` (bs4/lxml, scripts and styles
dropped, one block per line; see its docstring for the exact conversion).
On the same captures, in the same run:

* ``newsclean``: ``newsclean.clean(capture, kind="text").text``;
* ``justext``: jusText on :func:`benchmarks.common.wrap_paragraphs` (one
  ``<p>`` per capture line), English stoplist, default settings, good
  paragraphs kept;
* ``trafilatura``: ``trafilatura.extract`` on the same wrapped text;
* ``keep everything``: the capture itself.

``trafilatura (HTML)`` runs on the original page, with its tags: the upper
reference, not a peer. Scores are 4-word shingle precision/recall/F1
(:func:`benchmarks.common.score_body`), macro (mean over pages) and micro
(pooled shingles). The ten worst pages of newsclean follow the table.

With ``--timing`` it also prints the cost of the stage alone: the captures
are run through the stages before ``remove_boilerplate`` once, then the stage
is timed on those documents (CPU time, best of five passes), next to the
whole default pipeline.

Run from the project root::

    .venv/bin/python -m benchmarks.boilerplate [--limit N] [--data PATH] [--worst K] [--timing]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    Score,
    add_data_argument,
    html_to_capture,
    load_aeb,
    macro,
    micro,
    score_body,
    table,
    timed,
    wrap_paragraphs,
)


def run_newsclean(capture: str) -> str:
    """Clean a capture with the default pipeline and return the body text."""
    import newsclean

    return newsclean.clean(capture, kind="text").text


def run_justext(capture: str) -> str:
    """jusText on the wrapped capture (English stoplist, default thresholds)."""
    import justext

    paragraphs = justext.justext(wrap_paragraphs(capture), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def run_trafilatura_text(capture: str) -> str:
    """trafilatura on the wrapped capture (its default settings)."""
    import trafilatura

    return trafilatura.extract(wrap_paragraphs(capture)) or ""


def run_trafilatura_html(html: str) -> str:
    """trafilatura on the original page with its tags (upper reference)."""
    import trafilatura

    return trafilatura.extract(html) or ""


def stage_timing(captures: list[str], passes: int = 5) -> str:
    """Milliseconds per capture of remove_boilerplate alone and of the whole pipeline (CPU time)."""
    import newsclean

    pipeline = newsclean.default_pipeline()
    names = [s.name for s in pipeline]
    before = pipeline[: names.index("remove_boilerplate")]
    stage = pipeline["remove_boilerplate"]
    docs = [before.run(c, kind="text") for c in captures]

    def best(fn: Callable[[Any], Any], items: list[Any]) -> float:
        times = []
        for _ in range(passes):
            start = time.process_time()
            for item in items:
                fn(item)
            times.append(time.process_time() - start)
        return min(times) / len(items) * 1000

    stage_ms = best(stage, docs)
    whole_ms = best(lambda c: pipeline.run(c, kind="text"), captures)
    return (
        f"\nremove_boilerplate alone: {stage_ms:.2f} ms per capture; whole default pipeline: "
        f"{whole_ms:.2f} ms per capture ({len(captures)} captures, CPU time, best of {passes} passes)"
    )


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the table and the worst pages."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--worst", type=int, default=10, help="how many worst newsclean pages to list")
    parser.add_argument(
        "--only-newsclean", action="store_true", help="skip the peers (for quick runs while developing)"
    )
    parser.add_argument(
        "--timing", action="store_true", help="also time remove_boilerplate alone (ms per capture)"
    )
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    pages = load_aeb(args.data, args.limit)
    captures = [html_to_capture(p.html) for p in pages]
    golds = [p.body for p in pages]

    systems: list[tuple[str, Callable[[Any], str], list[Any]]] = [
        ("newsclean", run_newsclean, captures),
        ("keep everything", lambda c: c, captures),
    ]
    if not args.only_newsclean:
        systems += [
            ("justext (wrapped capture)", run_justext, captures),
            ("trafilatura (wrapped capture)", run_trafilatura_text, captures),
            ("trafilatura (HTML, reference)", run_trafilatura_html, [p.html for p in pages]),
        ]
    rows = []
    per_page: dict[str, list[Score]] = {}
    for name, fn, inputs in systems:
        outputs, timing = timed(fn, inputs)
        scores = [score_body(o, g) for o, g in zip(outputs, golds, strict=True)]
        per_page[name] = scores
        rows.append([name, *macro(scores), *micro(scores), round(timing.per_second, 1)])
    print(f"Article Extraction Benchmark, {len(pages)} pages as plain-text captures")
    print(
        table(
            rows,
            ["system", "macro P", "macro R", "macro F1", "micro P", "micro R", "micro F1", "pages/s"],
        )
    )
    if args.timing:
        print(stage_timing(captures))
    worst = sorted(zip(pages, per_page["newsclean"], strict=True), key=lambda ps: ps[1].f1)[: args.worst]
    print(f"\nWorst {len(worst)} pages for newsclean:")
    print(
        table(
            [[p.id[:12], s.precision, s.recall, s.f1, p.url[:80]] for p, s in worst],
            ["page", "P", "R", "F1", "url"],
        )
    )


if __name__ == "__main__":
    main()
