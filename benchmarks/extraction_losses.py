"""Where the text path loses F1 on each development corpus: an error analysis by cause.

Every page's text capture (``benchmarks.corpora``) is cut into lines as
``remove_boilerplate`` sees them, and every line is matched against the gold body
(4-word shingles, as the scores are). Then, per corpus, macro shares (the mean
over pages of each page's share):

* **recall loss by reason**: gold shingles on lines the stage removed, by the
  edit reason of the removal (``boilerplate_line``, ``related_list``, ``comments``
  …), with the number of pages where that reason removes more than 30 % of
  the gold. A line removed after the page's first ``comments`` line is counted
  apart (``…|after_comments_marker``).
* **precision loss by place**: shingles of kept lines that are not in the gold,
  by where the line lies: after the first line removed as ``comments``, before
  the first gold line, after the last one, or inside the gold span.
* **kept non-gold lines by kind**: the same loss by the line's kind
  (``prose``, ``sentence``, ``other``) and length (30 words or more: ``long``).

The decisions are those of the stage on the raw capture (the stages before it
change few lines of a capture); duplicates of a shingle are not subtracted, so
the shares are an upper bound of what a cause costs, for ranking causes, not
for predicting a score.

Run from the project root::

    python -m benchmarks.extraction_losses --cache /tmp/newsclean-corpora [--corpus dragnet]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import add_data_argument, shingles
from benchmarks.corpora import CORPORA, SHORT, Cache, add_captures, load_corpus

#: A page where one cause takes more than this share of the gold (or of the output) is counted.
PAGE_SHARE = 0.3

#: A line is a gold line when more than this share of its shingles is in the gold body.
GOLD_LINE = 0.5


@dataclass(frozen=True)
class Line:
    """One capture line: the stage's decision and how much of it the gold holds."""

    keep: bool
    reason: str | None
    kind: str
    words: int
    shingles: int
    in_gold: int

    @property
    def gold(self) -> bool:
        return self.shingles > 0 and self.in_gold / self.shingles > GOLD_LINE


def page_lines(capture: str, gold: str) -> list[Line]:
    """The lines of one capture with the stage's decision and their gold overlap."""
    import newsclean
    from newsclean.stages.boilerplate import _decide
    from newsclean.stages.boilerplate_decisions import page_units

    language = newsclean.clean(capture, kind="text").language
    texts = capture.split("\n")
    decisions = _decide(capture, texts, language, False)
    units, feats = page_units(texts, language)
    kind: dict[int, tuple[str, int]] = {}
    for (members, _), f in zip(units, feats, strict=True):
        for i in members:
            kind[i] = (f.kind, f.words)
    truth = shingles(gold)
    out = []
    for i, (text, d) in enumerate(zip(texts, decisions, strict=True)):
        sh = shingles(text)
        k, words = kind.get(i, ("blank", 0))
        out.append(
            Line(d.keep, d.reason, k, words, sum(sh.values()), sum(v for g, v in sh.items() if g in truth))
        )
    return out


def losses(pages: list[tuple[list[Line], int]]) -> dict[str, dict[str, tuple[float, int]]]:
    """Macro shares and page counts of each cause (see the module docstring)."""
    tables: dict[str, dict[str, list[float]]] = {"recall": {}, "precision": {}, "kind": {}}
    for lines, n_true in pages:
        gold = [i for i, ln in enumerate(lines) if ln.gold]
        first, last = (gold[0], gold[-1]) if gold else (len(lines), -1)
        marker = next((i for i, ln in enumerate(lines) if ln.reason == "comments"), None)
        n_pred = sum(ln.shingles for ln in lines if ln.keep) or 1
        page: dict[str, dict[str, float]] = {name: defaultdict(float) for name in tables}
        for i, ln in enumerate(lines):
            after_marker = marker is not None and i > marker
            if ln.keep and ln.shingles > ln.in_gold:
                place = (
                    "after_comments_marker"
                    if after_marker
                    else "before_story"
                    if i < first
                    else "after_story"
                    if i > last
                    else "inside_story"
                )
                page["precision"][place] += (ln.shingles - ln.in_gold) / n_pred
                if gold:
                    where = "after" if i > last else "before" if i < first else "inside"
                    size = "long" if ln.words >= 30 else "short"
                    page["kind"][f"{where} {ln.kind} {size}"] += (ln.shingles - ln.in_gold) / n_pred
            if not ln.keep and ln.in_gold:
                reason = ln.reason or "boilerplate_line"
                if after_marker and reason in ("comments", "boilerplate_line"):
                    reason += "|after_comments_marker"
                page["recall"][reason] += min(ln.in_gold, ln.shingles) / (n_true or 1)
        for name, shares in page.items():
            for cause, share in shares.items():
                tables[name].setdefault(cause, []).append(share)
    n = len(pages)
    return {
        name: {
            cause: (sum(v) / n, sum(1 for x in v if x > PAGE_SHARE))
            for cause, v in sorted(causes.items(), key=lambda kv: -sum(kv[1]))
        }
        for name, causes in tables.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (repeatable)")
    parser.add_argument("--cache", type=Path, default=None, help="cache folder for captures")
    parser.add_argument("--top", type=int, default=8, help="causes listed per table")
    args = parser.parse_args(argv)
    cache = Cache(args.cache)
    titles = {
        "recall": "recall loss by reason of the removal",
        "precision": "precision loss by place of the kept line",
        "kind": "kept non-gold text by kind of line",
    }
    for corpus in args.corpus or CORPORA:
        pages = load_corpus(args.data, corpus)
        add_captures(pages, cache)
        scored = [(page_lines(p.capture, p.gold), sum(shingles(p.gold).values())) for p in pages]
        print(f"\n{SHORT[corpus]}: {len(pages)} pages (macro share; pages where it is > {PAGE_SHARE:.0%})")
        for name, causes in losses(scored).items():
            print(f"  {titles[name]}")
            for cause, (share, count) in list(causes.items())[: args.top]:
                print(f"    {cause:42s} {share:.4f} {count:4d}")


if __name__ == "__main__":
    main()
