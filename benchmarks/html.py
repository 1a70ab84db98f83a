"""HTML benchmark: article bodies (scrapinghub AEB) and publication dates (htmldate Media Cloud 2020).

Run from the project root::

    .venv/bin/python -m benchmarks.html              # everything, one run
    .venv/bin/python -m benchmarks.html --limit 30   # a quick look while developing

Part 1 scores the body of each of the 181 pages of the Article Extraction
Benchmark with the benchmark's 4-word-shingle precision/recall/F1
(``benchmarks.common.score_body``) for newsclean (HTML stage alone, and the full
``clean()``) and, in the same process, trafilatura, readability-lxml, jusText
and newspaper4k when they are installed (``pip install -e .[bench]``). Pages
per second are measured in one pass; peak memory (``tracemalloc``: Python
allocations only, not libxml2's) in a second pass.

Part 2 measures day accuracy of the publication date on the 200 Media Cloud
pages (bytes in): ``newsclean.clean(raw).published`` next to
``htmldate.find_date``. A page whose gold date is NaN expects no date.

Part 3 times parsing alone: lxml, BeautifulSoup with ``html.parser``, and
BeautifulSoup with lxml.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    Timing,
    add_data_argument,
    load_aeb,
    load_mediacloud,
    macro,
    micro,
    score_body,
    table,
    timed,
)


def _newsclean_full() -> Callable[[str], str]:
    import newsclean

    return lambda html: newsclean.clean(html).text


def _newsclean_extract(parser: str = "lxml") -> Callable[[str], str]:
    from newsclean import Pipeline
    from newsclean.stages.html import ExtractHtml

    pipeline = Pipeline([ExtractHtml(parser=parser)])  # type: ignore[arg-type]
    return lambda html: pipeline.run(html, kind="html").text


def _trafilatura() -> Callable[[str], str]:
    import trafilatura

    return lambda html: trafilatura.extract(html) or ""


def _readability() -> Callable[[str], str]:
    import lxml.html
    from readability import Document

    def run(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
        for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr"):
            el.tail = "\n" + (el.tail or "")
        return root.text_content()

    return run


def _justext() -> Callable[[str], str]:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(html: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _newspaper() -> Callable[[str], str]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": not needed for text
        import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # it would fetch images over the network to rank them

    def run(html: str) -> str:
        article = newspaper.Article("https://example.com/article", config=config)
        article.download(input_html=html)
        article.parse()
        return str(article.text)

    return run


BODY_SYSTEMS: list[tuple[str, Callable[[], Callable[[str], str]]]] = [
    ("newsclean clean()", _newsclean_full),
    ("newsclean extract_html only", _newsclean_extract),
    ("newsclean extract_html, parser=html.parser", lambda: _newsclean_extract("html.parser")),
    ("trafilatura", _trafilatura),
    ("readability-lxml", _readability),
    ("jusText (English stoplist)", _justext),
    ("newspaper4k", _newspaper),
]


def _safe(fn: Callable[[str], str]) -> Callable[[str], str]:
    def run(html: str) -> str:
        try:
            return fn(html)
        except Exception:  # a peer failing on one page scores that page as empty
            return ""

    return run


def bench_bodies(args: argparse.Namespace) -> None:
    """Print the body-extraction table."""
    pages = load_aeb(args.data, args.limit)
    htmls = [p.html for p in pages]
    rows: list[list[Any]] = []
    for name, factory in BODY_SYSTEMS:
        try:
            fn = _safe(factory())
        except ImportError as exc:
            print(f"skipped {name}: {exc}")
            continue
        fn(htmls[0])  # warm up lazy imports and caches
        outs, timing = timed(fn, htmls, memory=not args.no_memory)
        scores = [score_body(o, p.body) for o, p in zip(outs, pages, strict=True)]
        mp, mr, mf = macro(scores)
        up, ur, uf = micro(scores)
        rows.append([name, mp, mr, mf, up, ur, uf, round(timing.per_second, 1), _mb(timing)])
    print(f"\nArticle bodies: scrapinghub AEB, {len(pages)} pages (4-word shingles)\n")
    print(
        table(
            rows,
            [
                "system",
                "macro P",
                "macro R",
                "macro F1",
                "micro P",
                "micro R",
                "micro F1",
                "pages/s",
                "peak MB",
            ],
        )
    )


def _mb(timing: Timing) -> str:
    return f"{timing.peak_bytes / 1e6:.1f}" if timing.peak_bytes else "-"


def bench_dates(args: argparse.Namespace) -> None:
    """Print the publication-date table."""
    import newsclean

    pages = load_mediacloud(args.data, args.limit)
    raws = [p.raw for p in pages]

    def newsclean_day(raw: bytes) -> str | None:
        published = newsclean.clean(raw).published
        return published.isoformat()[:10] if published else None

    def html_candidate_day(raw: bytes) -> str | None:
        from newsclean import Pipeline

        doc = Pipeline(["extract_html"]).run(raw)
        for d in doc.get("dates", ()):
            if d.kind == "published" and d.value:
                return str(d.value)[:10]
        return None

    systems: list[tuple[str, Callable[[bytes], str | None]]] = [
        ("newsclean clean().published", newsclean_day),
        ("newsclean first page-metadata candidate", html_candidate_day),
    ]
    try:
        import htmldate

        systems.append(("htmldate.find_date", lambda raw: htmldate.find_date(raw)))
    except ImportError as exc:
        print(f"skipped htmldate: {exc}")
    rows: list[list[Any]] = []
    for name, fn in systems:

        def safe(raw: bytes, fn: Callable[[bytes], str | None] = fn) -> str | None:
            try:
                return fn(raw)
            except Exception:
                return None

        start = time.perf_counter()
        outs = [safe(r) for r in raws]
        seconds = time.perf_counter() - start
        right = sum((o or None) == p.gold for o, p in zip(outs, pages, strict=True))
        found = sum(o is not None for o in outs)
        rows.append(
            [name, right / len(pages), f"{right}/{len(pages)}", found, round(len(pages) / seconds, 1)]
        )
    print(f"\nPublication dates: htmldate Media Cloud 2020, {len(pages)} pages (day accuracy)\n")
    print(table(rows, ["system", "accuracy", "right", "dated", "pages/s"]))


def bench_parsers(args: argparse.Namespace) -> None:
    """Print parsing-only throughput of lxml and BeautifulSoup."""
    import lxml.etree
    from bs4 import BeautifulSoup

    pages = load_aeb(args.data, args.limit)
    data = [p.html.encode("utf-8") for p in pages]
    parser = lxml.etree.HTMLParser(remove_comments=True, huge_tree=True, encoding="utf-8")
    runs: list[tuple[str, Callable[[bytes], Any]]] = [
        ("lxml.etree HTMLParser", lambda b: lxml.etree.fromstring(b, parser)),
        ("bs4 + html.parser", lambda b: BeautifulSoup(b, "html.parser")),
        ("bs4 + lxml", lambda b: BeautifulSoup(b, "lxml")),
    ]
    rows = []
    for name, fn in runs:
        _, timing = timed(fn, data)
        rows.append([name, round(timing.per_second, 1)])
    mean_kb = sum(len(b) for b in data) / len(data) / 1000
    print(f"\nParsing alone: {len(pages)} AEB pages, mean {mean_kb:.0f} KB\n")
    print(table(rows, ["parser", "pages/s"]))


def main(argv: list[str] | None = None) -> None:
    """Run the HTML benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages of each set")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory pass")
    parser.add_argument(
        "--only", choices=["bodies", "dates", "parsers"], default=None, help="run one part only"
    )
    args = parser.parse_args(argv)
    if args.only in (None, "bodies"):
        bench_bodies(args)
    if args.only in (None, "dates"):
        bench_dates(args)
    if args.only in (None, "parsers"):
        bench_parsers(args)


if __name__ == "__main__":
    main()
