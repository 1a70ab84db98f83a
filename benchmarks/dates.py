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
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
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
    items: list[str], *, kind: str, urls: list[str | None], updated: list[str | None] | None = None
) -> tuple[list[str | None], int, dict[str, int]]:
    """Published day per item; also how many items needed the fallback pipeline, and rule counts.

    When ``updated`` is a list, the updated day of each item is appended to it.
    """
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
        if updated is not None:
            updated.append(_day(doc.get("updated")))
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


@dataclass(frozen=True)
class SilverPage:
    """A development-corpus page whose structured data states its publication (and maybe update) day."""

    corpus: str
    id: str
    html: str
    published: str
    updated: str | None
    stated: str = ""  # the structured value as written (a UTC time names an instant, not a local day)


#: Sources that count as the page's structured statement of its dates (JSON-LD and ``<meta>``).
STRUCTURED = ("json-ld:", "meta:")


def silver_set(data: Path, limit: int | None) -> list[SilverPage]:
    """Pages of the four development corpora whose JSON-LD or ``<meta>`` states a publication day.

    The gold is what the page's structured data says (the first publication
    candidate, and an update candidate on a later day or time); it is read
    with :func:`newsclean.html.meta.read_metadata`, so the HTML figures on
    this set are not independent (they check the rest of the HTML path) —
    the text-capture figures are the point: the capture carries no markup.
    """
    from benchmarks.corpora import CORPORA, load_corpus
    from newsclean.article import parse_iso
    from newsclean.html.meta import read_metadata
    from newsclean.html.parse import parse_html
    from newsclean.inputs import decode_bytes

    out: list[SilverPage] = []
    for corpus in CORPORA:
        for page in load_corpus(data, corpus, limit):
            html = decode_bytes(page.html)[0]
            root, _ = parse_html(html)
            if root is None:
                continue
            dates = read_metadata(root).dates
            pub = next((d for d in dates if d.kind == "published" and d.source.startswith(STRUCTURED)), None)
            if pub is None or pub.value is None:
                continue
            published = parse_iso(pub.value)
            upd = None
            for d in dates:
                if d.kind == "updated" and d.source.startswith(STRUCTURED) and d.value:
                    value = parse_iso(d.value)
                    if value is not None and published is not None and _later(value, published):
                        upd = d.value[:10]
                    break
            out.append(SilverPage(corpus, page.id, html, pub.value[:10], upd, pub.value))
    return out


#: A time field of one digit after a colon, closed by a zone, a fraction or the end.
_SHORT_TIME_FIELD = re.compile(r"(?<=\d:)(\d)(?=[Z+\-.:]|$)")


def _local_day(stated: str, answer: str | None) -> bool:
    """Whether ``answer`` is a day a publisher's zone puts a structured UTC time on.

    ``2019-11-19T04:03:00+00:00`` is November 18 in the Americas; a page that
    prints "November 18, 2019 11:03 PM" is right to be dated the 18th. Zones
    from UTC-8 to UTC+13, as the date stage's own rule (``WEST_MOST``, ``EAST_MOST``).
    """
    from datetime import date, datetime, timedelta

    from newsclean.stages.date_choice import EAST_MOST, WEST_MOST

    if answer is None or len(stated) <= 10:
        return False
    # A one-digit seconds or minutes field ("23:15:0Z", as some pages write it) is read
    # as its two-digit form; Python's ISO parser refuses it.
    stated = _SHORT_TIME_FIELD.sub(r"0\1", stated)
    try:
        value = datetime.fromisoformat(stated)
    except ValueError:
        return False
    if value.utcoffset() != timedelta(0):
        return False
    day = date.fromisoformat(answer)
    return (value + timedelta(hours=WEST_MOST)).date() <= day <= (value + timedelta(hours=EAST_MOST)).date()


def _later(a: Any, b: Any) -> bool:
    if str(a)[:10] != str(b)[:10]:
        return str(a)[:10] > str(b)[:10]
    try:
        return bool(a > b)
    except TypeError:
        return False


def _time_per_item(fn: Callable[[str], Any], items: list[str], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return (time.perf_counter() - start) / (len(items) * repeat)


def speed(captures: list[str], search_limit: int) -> tuple[float, float | None, int]:
    """Seconds per capture: the date stage, and search_dates on the first ``search_limit`` captures.

    With ``search_limit`` of 0 (or less) search_dates is not timed and its time is None.
    """
    from dateparser.search import search_dates

    from newsclean.document import Document
    from newsclean.stages.dates import normalize_dates

    docs = [Document.from_text(c) for c in captures]
    for d in docs[:5]:  # warm the caches (compiled patterns, vocabulary, dateparser locales)
        normalize_dates(d)
    ours = _time_per_item(lambda d: normalize_dates(d), docs, repeat=3)  # type: ignore[arg-type, return-value]
    subset = captures[: max(search_limit, 0)]
    if not subset:
        return ours, None, 0
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


def silver(data: Path, limit: int | None) -> None:
    """Print day accuracy of published and updated on the silver set, text capture and HTML, with htmldate."""
    pages = silver_set(data, limit)
    if not pages:
        print("\n## Silver set: no page with structured dates found")
        return
    gold = [p.published for p in pages]
    nourl: list[str | None] = [None] * len(pages)
    captures = [html_to_capture(p.html) for p in pages]
    upd_text: list[str | None] = []
    upd_html: list[str | None] = []
    text, _, _ = run_newsclean(captures, kind="text", urls=nourl, updated=upd_text)
    html, _, _ = run_newsclean([p.html for p in pages], kind="html", urls=nourl, updated=upd_html)
    peer = run_htmldate([p.html for p in pages], original=True, urls=nourl)
    peer_latest = run_htmldate([p.html for p in pages], original=False, urls=nourl)
    by_corpus: dict[str, int] = {}
    for p in pages:
        by_corpus[p.corpus] = by_corpus.get(p.corpus, 0) + 1
    with_upd = [k for k, p in enumerate(pages) if p.updated]

    def acc(answers: list[str | None], gold_: list[str | None], keep: list[int]) -> str:
        if not keep:
            return "-"
        ok = sum(
            answers[k] == gold_[k] or (gold_ is gold and _local_day(pages[k].stated, answers[k]))
            for k in keep
        )
        return f"{ok / len(keep):.3f} ({ok}/{len(keep)})"

    every = list(range(len(pages)))
    gold_upd = [p.updated for p in pages]
    no_upd = [k for k in every if not pages[k].updated]
    print(f"\n## Silver set: {len(pages)} development pages whose JSON-LD/<meta> state the publication day")
    print(
        "   "
        + ", ".join(f"{c}: {n}" for c, n in by_corpus.items())
        + f"; {len(with_upd)} also state a later update"
    )
    print(
        table(
            [
                ["newsclean, text capture", acc(text, gold, every), acc(upd_text, gold_upd, with_upd)],
                [
                    "newsclean, HTML (gold read by the same code)",
                    acc(html, gold, every),
                    acc(upd_html, gold_upd, with_upd),
                ],
                [
                    "htmldate original_date=True / default, HTML",
                    acc(peer, gold, every),
                    acc(peer_latest, gold_upd, with_upd),
                ],
            ],
            ["system, input", "published day", "updated day (pages stating one)"],
        )
    )
    invented = sum(upd_text[k] is not None for k in no_upd)
    print(f"updated set on text captures of pages stating no update: {invented}/{len(no_upd)}")
    print("(a published day counts as right when it is the structured day, or a day that a zone from")
    print(" UTC-8 to UTC+13 puts a structured UTC time on: the UTC day is not the publisher's day)")


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
    parser.add_argument(
        "--silver-limit", type=int, default=None, help="pages per development corpus for the silver set"
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
    rows: list[list[object]] = [
        ["normalize_dates stage", ours_t * 1000, 1 / ours_t if ours_t else float("inf")]
    ]
    if theirs_t is not None:
        rows.append(
            ["dateparser.search.search_dates", theirs_t * 1000, 1 / theirs_t if theirs_t else float("inf")]
        )
    print(table(rows, ["system", "ms per capture", "captures per second"]))
    if theirs_t is not None and ours_t:
        print(f"normalize_dates is {theirs_t / ours_t:.0f}x faster than search_dates on the same text")

    silver(args.data, args.silver_limit)

    best, median, n_aeb = aeb_speed(args.data, args.aeb_limit)
    print(f"\n## normalize_dates alone on {n_aeb} AEB text captures (after the stages before it)")
    print(f"{best:.2f} ms per capture (best of 5 passes; median {median:.2f})")


if __name__ == "__main__":
    main()
