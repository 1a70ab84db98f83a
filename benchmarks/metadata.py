"""Header metadata from plain-text captures: title, site name, authors, dateline.

Data: the 181 pages of the Article Extraction Benchmark (scrapinghub, MIT;
``../shared/data/scrapinghub-aeb``), turned into plain-text captures with
:func:`benchmarks.common.html_to_capture`. The ``extract_metadata`` stage runs
alone on each capture (no earlier stage), so the figures are its own.

The benchmark has no gold for metadata, so the reference is read from each
page's HTML, which the stage never sees:

* **title**: agreement when the title equals (case, quotes and white space
  folded) the page's first ``<h1>`` or its ``og:title``/``twitter:title``.
  Baseline: the capture's first line (what a scraper that keeps the first
  line would store: the ``<title>`` text, site name included);
* **site name**: agreement with ``og:site_name`` where the page has one
  (equal, or one contains the other after folding);
* **authors**: agreement with ``meta[name=author]``/``article:author`` names
  where present (any name in common);
* **dateline**: the gold body is hand-written, so a dateline is *correct*
  when the gold body starts with the same place, and *expected* when
  :func:`newsclean.stages.metadata.parse_dateline` reads one at the start of
  the gold body.

Run from the project root::

    .venv/bin/python -m benchmarks.metadata [--limit N] [--data PATH] [--show K]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.common import add_data_argument, html_to_capture, load_aeb, table

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def fold(text: str | None) -> str:
    """Case, quotes, dashes and white space folded, for comparisons."""
    return " ".join((text or "").translate(_QUOTES).casefold().split()).strip(" .")


@dataclass
class Reference:
    """What the page's HTML says (never shown to the stage)."""

    titles: list[str]
    site: str | None
    authors: list[str]


def reference(html: str) -> Reference:
    """Read headline, site name and author names from a page's tags."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    titles: list[str] = []
    h1 = soup.find("h1")
    if h1 is not None:
        titles.append(h1.get_text(" ", strip=True))
    for attrs in ({"property": "og:title"}, {"name": "twitter:title"}):
        tag = soup.find("meta", attrs=attrs)
        if tag is not None and tag.get("content"):
            titles.append(str(tag["content"]))
    site_tag = soup.find("meta", attrs={"property": "og:site_name"})
    site = str(site_tag["content"]) if site_tag is not None and site_tag.get("content") else None
    authors = []
    for attrs in ({"name": "author"}, {"property": "article:author"}):
        for tag in soup.find_all("meta", attrs=attrs):
            value = str(tag.get("content") or "")
            if value and "://" not in value:
                authors.append(value)
    return Reference(titles, site, authors)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use the first N pages only")
    parser.add_argument("--show", type=int, default=10, help="print K title disagreements")
    args = parser.parse_args(argv)

    from newsclean.document import Document
    from newsclean.stages.metadata import extract_metadata, parse_dateline

    pages = load_aeb(args.data, args.limit)
    captures = [html_to_capture(p.html) for p in pages]
    refs = [reference(p.html) for p in pages]

    docs = [Document.from_text(c) for c in captures]
    extract_metadata(docs[0])  # loads the vocabularies and wordfreq once
    start = time.perf_counter()
    outs = [extract_metadata(d) for d in docs]
    seconds = time.perf_counter() - start

    n = len(pages)
    title_ok = first_ok = titled = 0
    site_n = site_ok = site_found = 0
    auth_n = auth_ok = auth_found = 0
    dl_found = dl_ok = dl_expected = dl_recalled = 0
    misses: list[tuple[str, Any, list[str]]] = []
    for page, capture, ref, out in zip(pages, captures, refs, outs, strict=True):
        wanted = {fold(t) for t in ref.titles if t.strip()}
        title = out.get("title")
        titled += title is not None
        if title is not None and fold(title) in wanted:
            title_ok += 1
        elif len(misses) < args.show:
            misses.append((page.url, title, ref.titles))
        first = next((ln for ln in capture.split("\n") if ln.strip()), "")
        first_ok += fold(first) in wanted
        if ref.site:
            site_n += 1
            got = out.get("site_name")
            site_found += got is not None
            if got and (fold(got) in fold(ref.site) or fold(ref.site) in fold(got)):
                site_ok += 1
        if ref.authors:
            auth_n += 1
            got_authors = out.get("authors") or []
            auth_found += bool(got_authors)
            have = {fold(a) for a in got_authors}
            if have & {fold(a) for a in ref.authors}:
                auth_ok += 1
        gold_first = page.body.strip().split("\n")[0]
        expected = parse_dateline(gold_first)
        dl_expected += expected is not None
        dateline = out.get("dateline")
        if dateline is not None:
            dl_found += 1
            if gold_first.startswith(dateline.place):
                dl_ok += 1
                dl_recalled += expected is not None

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({a / b:.0%})" if b else "0/0"

    rows = [
        ["title = <h1> or og:title", pct(title_ok, n), pct(first_ok, n)],
        ["title found", pct(titled, n), pct(n, n)],
        ["site name = og:site_name (pages with one)", pct(site_ok, site_n), "-"],
        ["site name found (pages with og:site_name)", pct(site_found, site_n), "-"],
        ["authors share a name with meta author", pct(auth_ok, auth_n), "-"],
        ["authors found (pages with meta author)", pct(auth_found, auth_n), "-"],
        ["datelines found / correct (gold body starts with place)", f"{dl_found} / {dl_ok}", "-"],
        ["datelines in gold bodies found", pct(dl_recalled, dl_expected), "-"],
    ]
    print(f"extract_metadata on {n} AEB plain-text captures (stage alone)\n")
    print(table(rows, ["measure", "newsclean", "first line"]))
    print(f"\nspeed: {n / seconds:.0f} captures/s ({seconds * 1000 / n:.2f} ms each, one core)")
    if misses:
        print(f"\nfirst {len(misses)} titles that differ from <h1>/og:title (often both are right):")
        for url, got, want in misses:
            print(f"- {url}\n    got:  {got!r}\n    page: {want[:2]!r}")


if __name__ == "__main__":
    main()
