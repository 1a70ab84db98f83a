"""Shared pieces of the benchmark scripts: data loading, text captures, the body metric.

Data default to ``../shared/data`` next to the project; every script takes ``--data``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_TOKEN = re.compile(r"\w+", re.UNICODE)


def add_data_argument(parser: Any) -> None:
    """Add the ``--data`` option every benchmark takes."""
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"folder holding the public evaluation data (default: {DEFAULT_DATA})",
    )


@dataclass(frozen=True)
class AebPage:
    """One page of the Article Extraction Benchmark."""

    id: str
    url: str
    html: str
    body: str


def load_aeb(data: Path, limit: int | None = None) -> list[AebPage]:
    """Load the scrapinghub article-extraction-benchmark pages (HTML is UTF-8)."""
    root = data / "scrapinghub-aeb"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid, g in sorted(gold.items()):
        html = gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
        pages.append(AebPage(pid, g["url"], html, g["articleBody"]))
        if limit and len(pages) >= limit:
            break
    return pages


@dataclass(frozen=True)
class DatePage:
    """One page of the htmldate Media Cloud 2020 test set."""

    url: str
    raw: bytes
    gold: str | None


def load_mediacloud(data: Path, limit: int | None = None) -> list[DatePage]:
    """Load the htmldate Media Cloud 2020 pages as bytes (charsets vary)."""
    root = data / "htmldate-mediacloud2020"
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    pages = []
    for url, g in gold.items():
        raw = gzip.decompress((root / "html" / f"{g['file']}.gz").read_bytes())
        want = g["date"] if isinstance(g["date"], str) else None
        pages.append(DatePage(url, raw, want))
        if limit and len(pages) >= limit:
            break
    return pages


BLOCK_TAGS = (
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "title",
    "button",
    "option",
    "label",
)


# A <noscript> element, or a script (matched only to be kept, so that a "<noscript>" in a
# script's string is not taken for one).
_NOSCRIPT = re.compile(r"(<script\b.*?</script\s*>)|<noscript\b[^>]*>.*?</noscript\s*>", re.I | re.S)


def html_to_capture(html: str | bytes) -> str:
    """Turn a page into the plain-text capture a scraper stores.

    The exact conversion: decode bytes (``UnicodeDammit``: the page's declared or
    sniffed charset); cut ``<noscript>`` elements (outside scripts) whole, as a browser
    running scripts shows none of them; parse with BeautifulSoup (lxml parser); drop
    ``script``, ``style``, ``noscript``, ``template``, ``svg`` and comments;
    put a line break around every block-level element (``BLOCK_TAGS``, which
    includes ``title`` so the page title opens the capture, as in a browser's
    "save as text"); take the text; collapse white space inside each line;
    strip lines and drop empty ones. All visible text is kept, one block per
    line, inline markup (links, emphasis) joined into its block.
    """
    from bs4 import BeautifulSoup, Comment, UnicodeDammit

    if isinstance(html, bytes):
        # Decode first: given bytes, lxml drops the whole tree of a few pages whose first
        # non-ASCII byte comes late (CleanEval 305: an empty capture of a 28 KB page).
        html = UnicodeDammit(html, is_html=True).unicode_markup or html.decode("utf-8", "replace")
    # lxml parses the markup inside <noscript>, so an unclosed <div> opened there
    # (CleanEval 714) swallows the rest of the page into the <noscript> dropped below; a
    # browser running scripts reads it as raw text and shows none of it.
    html = _NOSCRIPT.sub(lambda m: m.group(1) or "", html)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg", "iframe"]):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text("")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def wrap_paragraphs(capture: str) -> str:
    """Wrap each line of a capture in ``<p>`` so HTML extractors can read it."""
    from html import escape

    body = "\n".join(f"<p>{escape(line)}</p>" for line in capture.split("\n") if line.strip())
    return f"<html><body>{body}</body></html>"


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of word ``n``-grams of ``text`` (lower-cased ``\\w+`` tokens)."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class Score:
    """Shingle precision, recall and F1 of one prediction."""

    precision: float
    recall: float
    f1: float
    tp: int
    n_pred: int
    n_true: int


def score_body(predicted: str, gold: str) -> Score:
    """Score a predicted body against the gold body with 4-word shingles.

    True positives are ``sum(min(pred[g], true[g]))`` over shingles ``g``; an
    empty prediction of a non-empty gold scores precision 0 (nothing right).
    """
    pred = shingles(predicted)
    true = shingles(gold)
    tp = sum((pred & true).values())
    n_pred = sum(pred.values())
    n_true = sum(true.values())
    p = tp / n_pred if n_pred else (1.0 if not n_true else 0.0)
    r = tp / n_true if n_true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, tp, n_pred, n_true)


def micro(scores: list[Score]) -> tuple[float, float, float]:
    """Micro-averaged precision, recall, F1 over all shingles of all pages."""
    tp = sum(s.tp for s in scores)
    n_pred = sum(s.n_pred for s in scores)
    n_true = sum(s.n_true for s in scores)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro(scores: list[Score]) -> tuple[float, float, float]:
    """Mean of per-page precision, recall and F1 (the upstream benchmark's headline)."""
    n = len(scores) or 1
    return (
        sum(s.precision for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
    )


@dataclass(frozen=True)
class Timing:
    """Wall time and peak traced memory of a run over many items."""

    seconds: float
    items: int
    peak_bytes: int

    @property
    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds else float("inf")


def timed(fn: Callable[[Any], Any], items: list[Any], *, memory: bool = False) -> tuple[list[Any], Timing]:
    """Run ``fn`` over ``items``; return outputs and timing (peak memory if asked).

    Memory tracing slows Python code down, so time and memory are measured in
    separate passes when ``memory`` is true.
    """
    start = time.perf_counter()
    out = [fn(x) for x in items]
    seconds = time.perf_counter() - start
    peak = 0
    if memory:
        tracemalloc.start()
        for x in items:
            fn(x)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return out, Timing(seconds, len(items), peak)


#: A fitted setting may lower a training corpus's macro F1 by at most this much.
MAX_CORPUS_LOSS = 0.0005


def best_setting(
    corpus_f1: Callable[[float], dict[str, float]], settings: tuple[float, ...], never: float
) -> float:
    """The setting with the largest mean per-corpus gain over ``never``, among those that
    lower no corpus by more than :data:`MAX_CORPUS_LOSS`.

    ``corpus_f1(setting)`` gives the macro F1 per corpus at a setting (a threshold, a
    margin); ``never`` is the setting that changes nothing, and the answer when no other
    setting gains. A setting that helps one corpus and costs another loses to one that
    helps a little everywhere.
    """
    base = corpus_f1(never)
    best, best_gain = never, 0.0
    for setting in settings:
        scores = corpus_f1(setting)
        gains = [scores[c] - base[c] for c in base]
        if min(gains) < -MAX_CORPUS_LOSS:
            continue
        mean = sum(gains) / len(gains)
        if mean > best_gain:
            best, best_gain = setting, mean
    return best


def table(rows: list[list[Any]], header: list[str]) -> str:
    """Format rows as a Markdown table (floats with 3 decimals)."""

    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    body = [[cell(v) for v in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(header)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    out = [line, sep]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in body]
    return "\n".join(out)


def iter_chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Yield successive chunks of ``items``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def packaged_file_main(
    argv: list[str] | None,
    *,
    doc: str,
    out: Path,
    build: Callable[[], bytes],
    same: Callable[[bytes, bytes], bool] | None = None,
    summary: Callable[[bytes], str] = lambda data: f"{len(data):,} bytes",
) -> int:
    """The command line of a script that builds one packaged data file: write it, or ``--check`` it.

    Args:
        argv: The arguments (``None``: the process's).
        doc: The script's docstring (the ``--help`` text).
        out: The packaged file.
        build: Makes the file's content from the current code and tables.
        same: Whether the stored bytes (first) hold what a fresh build (second) does;
            byte equality by default.
        summary: What ``wrote FILE: ...`` says of the content.

    Returns:
        The exit status: 0, or 1 when ``--check`` finds the file stale.
    """
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare the packaged file with a fresh build")
    args = parser.parse_args(argv)
    data = build()
    root = Path(__file__).resolve().parents[1]
    name = out.relative_to(root) if out.is_relative_to(root) else out
    if args.check:
        current = out.exists() and (same or bytes.__eq__)(out.read_bytes(), data)
        print("up to date" if current else f"{name} is stale: rebuild it")
        return 0 if current else 1
    out.write_bytes(data)
    print(f"wrote {name}: {summary(data)}")
    return 0
