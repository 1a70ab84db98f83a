"""Fit the HTML container choice (``src/newsclean/data/html_container.json``) on the development corpora.

Every page of the four body-extraction corpora (``../shared/data``, loaded by
:func:`benchmarks.corpora.load_corpus`, Dragnet against its main content) is
parsed and scored as ``clean(html)`` does, and its :data:`~newsclean.html.choice.CANDIDATES`
best-scoring containers are described by
:func:`newsclean.html.choice.candidate_features`. For each candidate the HTML
stage's whole block decision is run as if that candidate had been chosen (its
siblings joined, the fitted block model deciding the blocks outside), and the
emitted text is scored against the gold (4-word shingle F1).

A candidate is labelled a good container when its F1 is within
:data:`TOLERANCE` of the page's best candidate and at least :data:`MIN_F1`.
The model is a logistic regression (scikit-learn, ``pip install -e .[fit]``),
each corpus weighing the same and each page the same within its corpus. The
switching margin is the one of :data:`MARGINS` with the largest mean
per-corpus gain over the density's top choice among those that lower no
training corpus by more than :data:`benchmarks.common.MAX_CORPUS_LOSS`. Leave one corpus out:
fit and choose the margin on three corpora, score the fourth.

Run from the project root::

    python -m benchmarks.fit_container --cache /tmp/fit-container   # fit, print, write the data file
    python -m benchmarks.fit_container --dry-run                    # print only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, best_setting, score_body, table
from benchmarks.corpora import CORPORA, SHORT, load_corpus

#: A candidate within this F1 of the page's best candidate is labelled good...
TOLERANCE = 0.02
#: ...when its own F1 is at least this.
MIN_F1 = 0.2
#: Switching margins tried (a candidate replaces the top when more probable by this much).
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
#: A margin no probability difference reaches: the density's top always.
NEVER = 2.0
#: Inverse regularisation strength of the logistic regression.
C = 1.0

DATA_FILE = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "data" / "html_container.json"
REPORT_FILE = DATA_FILE.with_name("html_container.fit.md")


@dataclass
class PageCandidates:
    """One page as the fit sees it: its candidates' feature rows and the F1 each would give."""

    corpus: str
    id: str
    rows: list[list[float]]
    f1: list[float]


def analyse_page(corpus: str, pid: str, raw: bytes, gold: str) -> PageCandidates:
    """Score every candidate container of one page by the text the HTML stage would emit with it."""
    from newsclean.html.container import analysis_for, page_candidates
    from newsclean.html.content import decide, emit
    from newsclean.html.meta import read_metadata
    from newsclean.html.parse import parse_html
    from newsclean.inputs import decode_bytes

    root, _ = parse_html(decode_bytes(raw)[0])
    if root is None:
        return PageCandidates(corpus, pid, [], [])
    page = page_candidates(root, headlines=read_metadata(root).headlines)
    f1: list[float] = []
    for el in page.elements:
        analysis = analysis_for(page, el)
        lines = emit(analysis, decide(analysis)).lines
        if not lines:  # the stage then hands every block on (see extract_content)
            lines = tuple(b.text for b in page.blocks)
        f1.append(score_body("\n".join(lines), gold).f1)
    return PageCandidates(corpus, pid, page.rows, f1)


def fit(pages: list[PageCandidates]) -> tuple[list[float], float]:
    """Fit the logistic regression over every candidate; return (weights, intercept)."""
    from sklearn.linear_model import LogisticRegression

    per_corpus = Counter(p.corpus for p in pages)
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for p in pages:
        if len(p.rows) < 2:
            continue
        best = max(p.f1)
        for row, f in zip(p.rows, p.f1, strict=True):
            xs.append(row)
            ys.append(int(f >= best - TOLERANCE and f >= MIN_F1))
            ws.append(1000.0 / per_corpus[p.corpus] / len(p.rows))
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(xs, ys, sample_weight=ws)
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def corpus_f1(
    pages: list[PageCandidates], weights: list[float], intercept: float, margin: float
) -> dict[str, float]:
    """Macro F1 per corpus of the HTML stage's block choice with the container model at ``margin``.

    Pages with no candidate are left out (no container choice to make).
    """
    from newsclean.html.choice import ContainerModel, choose

    model = ContainerModel(tuple(weights), intercept, margin)
    by: dict[str, list[float]] = {}
    for p in pages:
        if p.rows:
            by.setdefault(p.corpus, []).append(p.f1[choose(p.rows, model)])
    return {c: sum(v) / len(v) for c, v in by.items()}


def choose_margin(pages: list[PageCandidates], weights: list[float], intercept: float) -> float:
    """The margin of :data:`MARGINS` chosen by :func:`benchmarks.common.best_setting`."""
    return best_setting(lambda m: corpus_f1(pages, weights, intercept, m), MARGINS, NEVER)


def load_pages(data: Path, cache: Path | None) -> list[PageCandidates]:
    """Every page's candidates, from the cache when it holds them for the current features."""
    from newsclean.data import read_text
    from newsclean.html.choice import CONTAINER_FEATURES

    # the candidates' F1 depend on the block model: a refitted one must not read stale pages
    blocks_hash = hashlib.sha256(read_text("html_blocks.json").encode()).hexdigest()[:10]
    path = cache / f"fit_container_pages-{blocks_hash}.pickle" if cache else None
    if path is not None and path.exists():
        stored = pickle.loads(path.read_bytes())
        if stored[0] == list(CONTAINER_FEATURES):
            return [PageCandidates(*fields) for fields in stored[1]]
    pages = [analyse_page(c, p.id, p.html, p.gold) for c in CORPORA for p in load_corpus(data, c)]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        plain = [(p.corpus, p.id, p.rows, p.f1) for p in pages]  # readable whatever module runs the fit
        path.write_bytes(pickle.dumps((list(CONTAINER_FEATURES), plain)))
    return pages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="print the tables, write nothing")
    parser.add_argument("--cache", type=Path, default=None, help="pickle the analysed pages here")
    args = parser.parse_args(argv)
    from newsclean.html.choice import CONTAINER_FEATURES

    start = time.perf_counter()
    pages = load_pages(args.data, args.cache)
    counts = Counter(p.corpus for p in pages)
    print(
        f"{len(pages)} pages, {sum(len(p.rows) for p in pages)} candidates ({time.perf_counter() - start:.0f} s)"
    )

    weights, intercept = fit(pages)
    margin = choose_margin(pages, weights, intercept)
    on_all = corpus_f1(pages, weights, intercept, margin)
    base = corpus_f1(pages, weights, intercept, NEVER)
    oracle = {c: sum(max(p.f1) for p in pages if p.corpus == c and p.rows) for c in CORPORA}
    rows: list[list[Any]] = []
    for corpus in CORPORA:
        train = [p for p in pages if p.corpus != corpus]
        test = [p for p in pages if p.corpus == corpus]
        w, b = fit(train)
        m = choose_margin(train, w, b)
        left_out = corpus_f1(test, w, b, m)[corpus]
        n = sum(1 for p in test if p.rows)
        rows.append(
            [SHORT[corpus], counts[corpus], base[corpus], on_all[corpus], left_out,
             left_out - on_all[corpus], oracle[corpus] / n, m]
        )  # fmt: skip
    header = [
        "corpus",
        "pages",
        "density top",
        "fit on all 4",
        "left out",
        "difference",
        "best candidate",
        "margin (3)",
    ]
    result = table(rows, header)
    print(result)
    print(f"margin (fit on all): {margin}")
    if args.dry_run:
        return
    payload = {
        "about": (
            "Logistic container choice of the HTML stage (newsclean.html.choice). Written by "
            "python -m benchmarks.fit_container from the four body-extraction corpora; see html_container.fit.md."
        ),
        "features": list(CONTAINER_FEATURES),
        "weights": [round(w, 5) for w in weights],
        "intercept": round(intercept, 5),
        "margin": margin,
    }
    DATA_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    weights_table = table(
        [[n, w] for n, w in sorted(zip(CONTAINER_FEATURES, weights, strict=True), key=lambda x: -abs(x[1]))],
        ["feature", "weight"],
    )
    REPORT_FILE.write_text(
        "# Fit report: HTML container choice (`html_container.json`)\n\n"
        "Written by `python -m benchmarks.fit_container`. Macro F1 (4-word shingles) of the HTML stage's\n"
        "block decision (not the later text stages) on each corpus, pages with a candidate container:\n"
        "the density score's top candidate always, the model fitted on all four corpora, the model fitted\n"
        "on the other three (leave one corpus out, with the margin chosen on those three), and the best\n"
        "of the page's candidates (the most any choice could reach). Labels:\n"
        f"a candidate within {TOLERANCE} F1 of the page's best one, and at least {MIN_F1}.\n\n"
        f"{result}\n\nMargin (fit on all): {margin}; intercept {intercept:.4f}.\n\n"
        f"## Weights\n\n{weights_table}\n",
        encoding="utf-8",
    )
    print(f"wrote {DATA_FILE} and {REPORT_FILE}")


if __name__ == "__main__":
    main()
