"""Dates benchmark: the string table, 200 real pages, and speed against dateparser.

Run from the project root::

    .venv/bin/python -m benchmarks.dates            # everything
    .venv/bin/python -m benchmarks.dates --limit 40 # a quick look

It prints:

1. the accuracy of :func:`newsclean.dateparse.parse_date` on
   ``tests/data/date_strings.tsv`` (every row must be right);
2. day accuracy of ``published`` on the htmldate Media Cloud 2020 pages
   (``../shared/data/htmldate-mediacloud2020``; ``NaN`` gold means no date is
   expected, and a ``None`` answer counts as right there). Each page is turned
   into a plain-text capture with ``benchmarks.common.html_to_capture`` and
   run through the default pipeline up to ``normalize_dates`` as text, with
   and without the page URL; the HTML itself also goes through the pipeline
   (with the HTML stage). ``htmldate.find_date`` is run in the same process on
   the HTML (``original_date=True`` and the default), on the raw text
   captures, and on the captures wrapped one ``<p>`` per line;
3. the time of the date stage per capture against
   ``dateparser.search.search_dates`` over the same text;
4. the time of the date stage alone on the 181 AEB text captures, after
   the default stages before it (the budget figure of the throughput
   benchmark).
"""

from __future__ import annotations

import argparse
import csv
import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, html_to_capture, load_mediacloud, table, wrap_paragraphs

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "date_strings.tsv"


def string_table() -> tuple[int, int, list[str]]:
    """Return (right, total, failures) over the string table."""
    from newsclean.dateparse import iso, parse_date

    with TABLE.open(encoding="utf-8") as f:
        rows = list(
            csv.reader(
                (line for line in f if not line.startswith("#")),
                delimiter="\t",
                quoting=csv.QUOTE_NONE,
                escapechar="\\",
            )
        )[1:]
    right = 0
    failures = []
    for text, lang, want, note in rows:
        value = parse_date(text, language=lang or None)
        got = iso(value) if value is not None else ""
        if got == want:
            right += 1
        else:
            failures.append(f"{text!r}: want {want!r}, got {got!r} ({note})")
    return right, len(rows), failures


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.isoformat())[:10]


def _accuracy(answers: list[str | None], gold: list[str | None]) -> float:
    ok = sum((a == g) if g else (a is None) for a, g in zip(answers, gold, strict=True))
    return ok / len(gold) if gold else 0.0


def _pipelines() -> tuple[Any, Any]:
    """The default pipeline up to normalize_dates, and a fallback of language + dates only."""
    from newsclean.defaults import default_pipeline
    from newsclean.pipeline import Pipeline

    full = default_pipeline()
    upto = full[: full.names.index("normalize_dates") + 1]
    return upto, Pipeline(["detect_language", "normalize_dates"])


def run_newsclean(
    items: list[str], *, kind: str, urls: list[str | None]
) -> tuple[list[str | None], int, dict[str, int]]:
    """Published day per item; also how many items needed the fallback pipeline, and rule counts."""
    from newsclean.errors import NewscleanError

    upto, fallback = _pipelines()
    answers: list[str | None] = []
    fell_back = 0
    rules: dict[str, int] = {}
    for item, url in zip(items, urls, strict=True):
        try:
            doc = upto.run(item, kind=kind, url=url)
        except NewscleanError:
            fell_back += 1
            doc = fallback.run(item, kind="text", url=url)
        answers.append(_day(doc.get("published")))
        decision = next((d for d in doc.decisions if d.reason == "published_date"), None)
        rule = str(decision.data["rule"]) if decision else "none"
        rules[rule] = rules.get(rule, 0) + 1
    return answers, fell_back, rules


def run_htmldate(items: list[str], *, original: bool, urls: list[str | None]) -> list[str | None]:
    from htmldate import find_date

    out: list[str | None] = []
    for item, url in zip(items, urls, strict=True):
        try:
            out.append(find_date(item, original_date=original, url=url))
        except Exception:  # a peer failing on one page is an answer of None
            out.append(None)
    return out


def _time_per_item(fn: Callable[[str], Any], items: list[str], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return (time.perf_counter() - start) / (len(items) * repeat)


def speed(captures: list[str], search_limit: int) -> tuple[float, float, int]:
    """Seconds per capture: the date stage, and search_dates on the first ``search_limit`` captures."""
    from dateparser.search import search_dates

    from newsclean.document import Document
    from newsclean.stages.dates import normalize_dates

    docs = [Document.from_text(c) for c in captures]
    for d in docs[:5]:  # warm the caches (compiled patterns, vocabulary, dateparser locales)
        normalize_dates(d)
    ours = _time_per_item(lambda d: normalize_dates(d), docs, repeat=3)  # type: ignore[arg-type, return-value]
    subset = captures[:search_limit]
    settings = {"PREFER_DATES_FROM": "past"}
    search_dates(subset[0][:2000], settings=settings)
    theirs = _time_per_item(lambda c: search_dates(c, settings=settings), subset)
    return ours, theirs, len(subset)


def aeb_speed(data: Path, limit: int | None, passes: int = 5) -> tuple[float, float, int]:
    """Milliseconds per capture of ``normalize_dates`` alone on the AEB text captures.

    Each page is turned into a text capture (``html_to_capture``) and run
    through the default stages before ``normalize_dates`` (untimed); then the
    date stage is timed over all captures, ``passes`` times after a warm-up.
    Returns the best and the median pass (ms per capture) and the count.
    """
    import statistics

    from benchmarks.common import load_aeb
    from newsclean.defaults import default_pipeline
    from newsclean.stages.dates import normalize_dates

    full = default_pipeline()
    before = full[: full.names.index("normalize_dates")]
    docs = [before.run(html_to_capture(p.html), kind="text") for p in load_aeb(data, limit)]
    for d in docs:
        normalize_dates(d)
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for d in docs:
            normalize_dates(d)
        times.append((time.perf_counter() - start) / len(docs) * 1000)
    return min(times), statistics.median(times), len(docs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument(
        "--search-limit", type=int, default=30, help="captures timed with search_dates (it is slow)"
    )
    parser.add_argument(
        "--aeb-limit", type=int, default=None, help="AEB captures for the stage timing (default: all 181)"
    )
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")

    from newsclean.inputs import decode_bytes

    right, total, failures = string_table()
    print(f"## String table ({TABLE.relative_to(Path.cwd()) if TABLE.is_relative_to(Path.cwd()) else TABLE})")
    print(f"{right}/{total} right ({right / total:.1%})")
    for f in failures:
        print("  FAIL", f)

    pages = load_mediacloud(args.data, args.limit)
    gold = [p.gold for p in pages]
    urls = [p.url for p in pages]
    nourl: list[str | None] = [None] * len(pages)
    htmls = [decode_bytes(p.raw)[0] for p in pages]
    captures = [html_to_capture(h) for h in htmls]
    wrapped = [wrap_paragraphs(c) for c in captures]

    rows: list[list[Any]] = []
    t = time.perf_counter()
    ours_text, fb1, rules = run_newsclean(captures, kind="text", urls=nourl)
    rows.append(["newsclean, text capture", "no", _accuracy(ours_text, gold), time.perf_counter() - t])
    t = time.perf_counter()
    ours_text_url, fb2, rules_url = run_newsclean(captures, kind="text", urls=urls)
    rows.append(["newsclean, text capture", "yes", _accuracy(ours_text_url, gold), time.perf_counter() - t])
    t = time.perf_counter()
    ours_html, fb3, _ = run_newsclean(htmls, kind="html", urls=nourl)
    rows.append(
        ["newsclean, HTML (with extract_html)", "no", _accuracy(ours_html, gold), time.perf_counter() - t]
    )
    for label, items, original, use_url in (
        ("htmldate original_date=True, HTML", htmls, True, False),
        ("htmldate default, HTML", htmls, False, False),
        ("htmldate original_date=True, HTML", htmls, True, True),
        ("htmldate default, HTML", htmls, False, True),
        ("htmldate original_date=True, text capture", captures, True, False),
        ("htmldate default, text capture", captures, False, False),
        ("htmldate original_date=True, capture as <p> lines", wrapped, True, False),
        ("htmldate default, capture as <p> lines", wrapped, False, False),
        ("htmldate default, capture as <p> lines", wrapped, False, True),
    ):
        t = time.perf_counter()
        answers = run_htmldate(items, original=original, urls=urls if use_url else nourl)
        rows.append([label, "yes" if use_url else "no", _accuracy(answers, gold), time.perf_counter() - t])

    print(f"\n## Publication day on {len(pages)} Media Cloud 2020 pages (htmldate test set)")
    print(table(rows, ["system, input", "url given", "day accuracy", "seconds"]))
    if fb1 or fb2 or fb3:
        print(f"(pipeline errors before normalize_dates, rerun with language+dates only: {fb1}/{fb2}/{fb3})")
    print("\nRules that chose `published` (text capture, no url / with url):")
    for rule in sorted(set(rules) | set(rules_url)):
        print(f"  {rule:28} {rules.get(rule, 0):4d} {rules_url.get(rule, 0):4d}")

    ours_t, theirs_t, n_search = speed(captures, args.search_limit)
    print(f"\n## Speed on text captures ({len(captures)} captures; search_dates on the first {n_search})")
    print(
        table(
            [
                ["normalize_dates stage", ours_t * 1000, 1 / ours_t if ours_t else float("inf")],
                [
                    "dateparser.search.search_dates",
                    theirs_t * 1000,
                    1 / theirs_t if theirs_t else float("inf"),
                ],
            ],
            ["system", "ms per capture", "captures per second"],
        )
    )
    print(f"normalize_dates is {theirs_t / ours_t:.0f}x faster than search_dates on the same text")

    best, median, n_aeb = aeb_speed(args.data, args.aeb_limit)
    print(f"\n## normalize_dates alone on {n_aeb} AEB text captures (after the stages before it)")
    print(f"{best:.2f} ms per capture (best of 5 passes; median {median:.2f})")


if __name__ == "__main__":
    main()
