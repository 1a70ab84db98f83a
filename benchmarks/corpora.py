"""Body extraction on every development corpus: newsclean (HTML and text capture) against peers.

Data (``../shared/data``, see its README): the Article Extraction Benchmark
(``scrapinghub-aeb``, 181 pages), ``dragnet`` (400), ``cleaneval`` (227) and
``cleanportaleval`` (71), each page with a hand-made gold body. Every page is
run, in the same process, through:

* ``newsclean html``: ``newsclean.clean(page_bytes).text``;
* ``newsclean text``: ``newsclean.clean(capture, kind="text").text`` where the
  capture is :func:`benchmarks.common.html_to_capture` of the page (the flat
  text a scraper stores, one block per line);
* peers on the HTML: ``trafilatura`` (``trafilatura.extract``, defaults),
  ``justext`` (English stoplist, good paragraphs), ``readability``
  (readability-lxml summary, block text);
* ``keep everything``: the capture itself (the floor a cleaner must beat);
* on request (``--peers``), ``trafilatura-text`` and ``justext-text``: the same
  peers on the capture wrapped one ``<p>`` per line.

Scores are the 4-word shingle precision/recall/F1 of
:func:`benchmarks.common.score_body`, averaged over pages (macro), with pages
per second of each system (wall time of its own calls).

Peer outputs and captures do not change between runs of newsclean, so they can
be cached (``--cache DIR``): one JSON file per corpus, system and system version
maps each page id to the output and the seconds it took. Reruns then only
recompute newsclean. Without ``--cache`` nothing is written.

Run from the project root::

    python -m benchmarks.corpora                         # every corpus, every system
    python -m benchmarks.corpora --corpus dragnet --limit 50 --only text --peers none
    python -m benchmarks.corpora --cache /tmp/newsclean-corpora --worst 10

Other scripts reuse :func:`load_corpus` and :func:`score_extractor` (per-page
scores of any callable), e.g. the extraction fitting script.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from benchmarks.common import Score, add_data_argument, html_to_capture, macro, score_body, table

CORPORA = ("scrapinghub-aeb", "dragnet", "cleaneval", "cleanportaleval")
"""Corpus folder names under the data folder, in the order tables print them."""

SHORT = {"scrapinghub-aeb": "AEB", "dragnet": "Dragnet", "cleaneval": "CleanEval", "cleanportaleval": "CPE"}

CAPTURE_VERSION = "2"
"""Bump when :func:`benchmarks.common.html_to_capture` changes, so cached captures are rebuilt."""

ADAPTER_VERSION = "1"
"""Bump when the way a peer is called below changes, so its cached outputs are rebuilt."""

Input = Literal["html", "text"]

_URL_LINE = re.compile(r"^\s*URL:.*\n")  # every CleanPortalEval file opens with a blank line
# Dragnet gold files hold the main content, then a delimiter line "!@#$%^&*()  COMMENTS",
# then the reader comments (108 of the 400 pages; a few spell the delimiter's first marks
# differently). The dataset's own reader splits the file there into content and comments.
_DRAGNET_COMMENTS = re.compile(r"\n*[^\n]{0,4}\$%\^&\*\(\)\s*COMMENTS\b.*", re.S)
_BLOCK_MARK = re.compile(r"<(p|h|l)>")


@dataclass
class Page:
    """One page of a corpus: raw HTML bytes, gold body and (once made) its text capture."""

    corpus: str
    id: str
    html: bytes
    gold: str
    capture: str = ""


def load_corpus(data: Path, corpus: str, limit: int | None = None, *, comments: bool = False) -> list[Page]:
    """Load one corpus as ``../shared/data/README.md`` describes (captures not yet made).

    Dragnet gold is the main content only: the reader comments some gold files
    add after the dataset's comments delimiter are cut off, as the dataset's
    own reader separates them (newsclean and most peers extract the story, not
    the comments). ``comments=True`` keeps them, delimiter line included (the
    gold as stored; how this benchmark scored Dragnet before 2026-12-01).

    Args:
        data: The data folder.
        corpus: One of :data:`CORPORA`.
        limit: Keep only the first ``limit`` pages (sorted by id).
        comments: Keep Dragnet's reader comments in the gold.

    Returns:
        The pages, sorted by id.
    """
    root = data / corpus
    pages: list[Page] = []
    if corpus == "scrapinghub-aeb":
        gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for pid in sorted(gold):
            raw = gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes())
            pages.append(Page(corpus, pid, raw, gold[pid]["articleBody"]))
            if limit and len(pages) >= limit:
                break
        return pages
    if corpus not in CORPORA:
        raise ValueError(f"unknown corpus {corpus!r}; choose from {', '.join(CORPORA)}")
    for gold_path in sorted((root / "gold").glob("*.txt")):
        raw = gzip.decompress((root / "html" / f"{gold_path.stem}.html.gz").read_bytes())
        text = _read_gold(gold_path.read_bytes())
        if corpus != "dragnet":
            # CleanEval-format gold is text cut from the page source: most CleanPortalEval
            # files keep its character references ("aren&#8217;t"), which would otherwise be
            # scored as tokens no extractor can produce. Markers first, so that an escaped
            # "&lt;p&gt;" in the text does not become a block mark.
            text = html.unescape(_BLOCK_MARK.sub("\n", _URL_LINE.sub("", text)))
        elif not comments:
            text = _DRAGNET_COMMENTS.sub("", text)
        pages.append(Page(corpus, gold_path.stem, raw, text.replace("\r\n", "\n")))
        if limit and len(pages) >= limit:
            break
    return pages


def _read_gold(data: bytes) -> str:
    """Decode a gold file: UTF-8, except the few Dragnet files stored as UTF-16 with a BOM.

    (Read as UTF-8 those come out as NUL-separated bytes that no extractor can match.)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    # utf-8-sig: 23 CleanEval files open with a BOM, which hid their URL line from the loader
    return data.decode("utf-8-sig", errors="replace")


class Cache:
    """Outputs of slow, unchanging systems on disk: ``DIR/<corpus>/<system>@<version>.json``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, corpus: str, system: str, version: str) -> Path | None:
        if self.root is None:
            return None
        safe = re.sub(r"[^\w.@+-]", "_", f"{system}@{version}")
        return self.root / corpus / f"{safe}.json"

    def get(self, corpus: str, system: str, version: str) -> dict[str, tuple[str, float]]:
        path = self._path(corpus, system, version)
        if path is None or not path.exists():
            return {}
        return {k: (v[0], v[1]) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}

    def put(self, corpus: str, system: str, version: str, outputs: dict[str, tuple[str, float]]) -> None:
        path = self._path(corpus, system, version)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def _code_version(*files: str) -> str:
    """Hash of some benchmark source files, so a cache entry goes stale when they change."""
    digest = hashlib.sha256()
    for name in files:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:10]


def capture_version() -> str:
    """The cache key of the captures: outputs made from a capture go stale with it."""
    return f"{CAPTURE_VERSION}-bs4{metadata.version('beautifulsoup4')}-{_code_version('common.py')}"


def add_captures(pages: Sequence[Page], cache: Cache) -> None:
    """Fill ``page.capture`` for every page (from the cache when it holds them)."""
    version = capture_version()
    by_corpus: dict[str, list[Page]] = {}
    for p in pages:
        by_corpus.setdefault(p.corpus, []).append(p)
    for corpus, group in by_corpus.items():
        stored = cache.get(corpus, "capture", version)
        fresh = False
        for p in group:
            if p.id not in stored:
                stored[p.id] = (html_to_capture(p.html), 0.0)
                fresh = True
            p.capture = stored[p.id][0]
        if fresh:
            cache.put(corpus, "capture", version, stored)


@dataclass(frozen=True)
class PageScore:
    """The score of one system on one page, with its output and the seconds it took."""

    page: Page
    score: Score
    output: str
    seconds: float


def score_extractor(
    pages: Sequence[Page],
    extract: Callable[[str | bytes], str],
    *,
    on: Input = "text",
    cached: dict[str, tuple[str, float]] | None = None,
) -> list[PageScore]:
    """Run ``extract`` on each page (its capture or its HTML) and score it against the gold.

    Args:
        pages: Pages with captures filled (:func:`add_captures`) when ``on="text"``.
        extract: Any callable from the page input to the body text. An exception
            scores the page as an empty output (peers fail on odd pages).
        on: ``"text"`` feeds the capture, ``"html"`` the page bytes.
        cached: Outputs already known, by page id; those pages are not rerun.

    Returns:
        One :class:`PageScore` per page, in order.
    """
    out: list[PageScore] = []
    for p in pages:
        if cached is not None and p.id in cached:
            text, seconds = cached[p.id]
        else:
            start = time.perf_counter()
            try:
                text = extract(p.capture if on == "text" else p.html) or ""
            except Exception:  # a peer failing on one page scores that page as empty
                text = ""
            seconds = time.perf_counter() - start
        out.append(PageScore(p, score_body(text, p.gold), text, seconds))
    return out


# --- systems ---------------------------------------------------------------------------------


def _newsclean_html(raw: str | bytes) -> str:
    import newsclean

    return newsclean.clean(raw, kind="html").text


def _newsclean_text(capture: str | bytes) -> str:
    import newsclean

    return newsclean.clean(capture, kind="text").text


def _trafilatura(raw: str | bytes) -> str:
    import trafilatura

    return trafilatura.extract(raw) or ""


def _justext(raw: str | bytes) -> str:
    import justext

    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    paragraphs = justext.justext(data, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _readability(raw: str | bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(raw).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _wrapped(fn: Callable[[str | bytes], str]) -> Callable[[str | bytes], str]:
    from benchmarks.common import wrap_paragraphs

    return lambda capture: fn(wrap_paragraphs(str(capture)))


@dataclass(frozen=True)
class System:
    """An extractor in the table: its input, the package whose version keys the cache."""

    name: str
    on: Input
    run: Callable[[str | bytes], str]
    package: str | None  # None: newsclean itself, never cached


SYSTEMS: dict[str, System] = {
    s.name: s
    for s in (
        System("newsclean html", "html", _newsclean_html, None),
        System("newsclean text", "text", _newsclean_text, None),
        System("trafilatura", "html", _trafilatura, "trafilatura"),
        System("justext", "html", _justext, "justext"),
        System("readability", "html", _readability, "readability-lxml"),
        System("keep-everything", "text", lambda c: str(c), "beautifulsoup4"),
        System("trafilatura-text", "text", _wrapped(_trafilatura), "trafilatura"),
        System("justext-text", "text", _wrapped(_justext), "justext"),
    )
}
DEFAULT_PEERS = ("trafilatura", "justext", "readability", "keep-everything")


def run_system(system: System, pages: Sequence[Page], cache: Cache) -> list[PageScore]:
    """Score one system on pages of one corpus, reading and filling the cache for peers."""
    if system.package is None:
        return score_extractor(pages, system.run, on=system.on)
    version = f"{metadata.version(system.package)}-{ADAPTER_VERSION}"
    if system.on == "text":
        version += f"-capture{capture_version()}"
    corpus = pages[0].corpus
    stored = cache.get(corpus, system.name, version)
    scores = score_extractor(pages, system.run, on=system.on, cached=stored)
    if any(s.page.id not in stored for s in scores):
        stored.update({s.page.id: (s.output, s.seconds) for s in scores})
        cache.put(corpus, system.name, version, stored)
    return scores


def pages_per_second(scores: Sequence[PageScore]) -> float:
    """Pages per second over the summed time of the calls."""
    total = sum(s.seconds for s in scores)
    return len(scores) / total if total else float("inf")


def main(argv: list[str] | None = None) -> None:
    """Run the systems on the corpora and print one table per corpus and a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument(
        "--corpus", action="append", choices=CORPORA, help="run only this corpus (repeatable)"
    )
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--only", choices=["html", "text"], default=None, help="run only one newsclean input")
    parser.add_argument(
        "--peers",
        default=",".join(DEFAULT_PEERS),
        help=f"comma-separated peers, or 'none' (known: {', '.join(n for n in SYSTEMS if SYSTEMS[n].package)})",
    )
    parser.add_argument("--cache", type=Path, default=None, help="cache folder for captures and peers")
    parser.add_argument("--worst", type=int, default=0, help="list the K worst pages of newsclean text")
    parser.add_argument(
        "--dragnet-comments",
        action="store_true",
        help="score Dragnet against content and reader comments (the gold as stored), not content alone",
    )
    parser.add_argument(
        "--figures",
        type=Path,
        nargs="?",
        const=Path(__file__).with_name("figures.json"),
        default=None,
        help="store the F1 by corpus for the docs charts (default file: benchmarks/figures.json)",
    )
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    peers = [] if args.peers in ("", "none") else [n.strip() for n in args.peers.split(",")]
    unknown = [n for n in peers if n not in SYSTEMS or SYSTEMS[n].package is None]
    if unknown:
        parser.error(f"unknown peers: {', '.join(unknown)}")
    ours = [n for n in ("newsclean html", "newsclean text") if args.only is None or n.endswith(args.only)]
    names = ours + peers
    cache = Cache(args.cache)
    summary: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    worst: list[PageScore] = []
    for corpus in args.corpus or CORPORA:
        pages = load_corpus(args.data, corpus, args.limit, comments=args.dragnet_comments)
        sizes[corpus] = len(pages)
        if any(SYSTEMS[n].on == "text" for n in names):
            add_captures(pages, cache)
        if any(n.startswith("newsclean") for n in names):
            _newsclean_text(pages[0].capture or "warm up")  # lazy imports and caches
        rows: list[list[object]] = []
        for name in names:
            scores = run_system(SYSTEMS[name], pages, cache)
            p, r, f = macro([s.score for s in scores])
            rows.append([name, p, r, f, round(pages_per_second(scores), 1)])
            summary.setdefault(name, {})[corpus] = f
            if name == "newsclean text":
                worst += scores
        print(f"\n{corpus}: {len(pages)} pages (4-word shingles, macro)\n")
        print(table(rows, ["system", "P", "R", "F1", "pages/s"]))
    corpora = list(args.corpus or CORPORA)
    print("\nMacro F1 by corpus\n")
    print(
        table(
            [[n, *(summary[n].get(c, float("nan")) for c in corpora)] for n in names],
            ["system", *(SHORT[c] for c in corpora)],
        )
    )
    if args.figures:
        _record_figures(args.figures, summary, sizes, names, corpora)
    if args.worst and worst:
        print(f"\nWorst {args.worst} pages of newsclean text\n")
        worst.sort(key=lambda s: s.score.f1)
        print(
            table(
                [
                    [s.page.corpus, s.page.id[:16], s.score.precision, s.score.recall, s.score.f1]
                    for s in worst[: args.worst]
                ],
                ["corpus", "page", "P", "R", "F1"],
            )
        )


def _record_figures(
    path: Path,
    summary: dict[str, dict[str, float]],
    sizes: dict[str, int],
    names: list[str],
    corpora: list[str],
) -> None:
    """Store the macro F1 by corpus as the ``corpus_f1`` section of the docs charts."""
    import os
    from datetime import date

    from benchmarks.charts import record

    record(
        "corpus_f1",
        {
            "title": "Body extraction: macro F1 (4-word shingles) by corpus",
            "command": "python -m benchmarks.corpora --figures",
            "measured": f"{date.today().isoformat()}, {os.cpu_count()} cores",
            "corpora": {
                f"{SHORT[c]} ({sizes[c]} pages)": {
                    n: round(summary[n][c], 3) for n in names if c in summary[n]
                }
                for c in corpora
            },
        },
        path,
    )
    print(f"\nF1 by corpus stored in {path} (render with python -m benchmarks.charts)")


if __name__ == "__main__":
    main()
