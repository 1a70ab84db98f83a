"""Fit the HTML block model (``src/newsclean/data/html_blocks.json``) on the development corpora.

Every page of the four body-extraction corpora (``../shared/data``: the Article
Extraction Benchmark, Dragnet, CleanEval, CleanPortalEval, loaded by
:func:`benchmarks.corpora.load_corpus`, so Dragnet against its main content as the
benchmark scores it) is parsed and cut
into blocks exactly as ``clean(html)`` does (:func:`newsclean.html.container.analyse_blocks`),
and each block is described by :func:`newsclean.html.features.block_features`.

Labels come from aligning each block with the page's gold text: a block of four
or more words is story text when at least :data:`LABEL_SHARE` of its 4-word
shingles occur in the gold; a shorter block when its whole word sequence does.
Each block is weighted by its share of the page's words, so every page counts
the same, as in the macro F1 the benchmark reports.

The model is a logistic regression (scikit-learn, ``pip install -e .[fit]``);
it decides only the blocks outside the chosen container (blocks inside it are
kept unless they are link lists) and the blocks the first pass took out for a
reason it judges (:data:`newsclean.html.content.JUDGED_REASONS`: image captions). The decision threshold
is the one of :data:`THRESHOLDS` with the largest mean per-corpus gain in macro
F1 over the container choice alone on the training pages, among those that lower
no training corpus by more than :data:`benchmarks.common.MAX_CORPUS_LOSS`. Leave one corpus out:
for each corpus, fit on the other three and score the one left out; the table
prints beside the scores of the fit on all four, and is written with the
model's weights into ``html_blocks.fit.md`` next to the data file.

Run from the project root::

    python -m benchmarks.fit_html               # fit, print the tables, write the data file
    python -m benchmarks.fit_html --dry-run     # print only
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, best_setting, score_body, table
from benchmarks.corpora import CORPORA, SHORT, load_corpus

#: A block is labelled story text when this share of its 4-word shingles is in the gold.
LABEL_SHARE = 0.5
#: Decision thresholds tried on the training pages.
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: A threshold no probability reaches: the container choice alone.
NEVER = 1.01
#: Inverse regularisation strength of the logistic regression.
C = 1.0

_TOKEN = re.compile(r"\w+", re.UNICODE)

DATA_FILE = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "data" / "html_blocks.json"
REPORT_FILE = DATA_FILE.with_name("html_blocks.fit.md")


@dataclass
class PageBlocks:
    """One page as the fit sees it: block texts, feature rows, labels, weights, headline index."""

    corpus: str
    id: str
    gold: str
    texts: list[str]
    rows: list[list[float]]
    labels: list[int]
    weights: list[float]
    headline: int | None


def stopwords() -> list[str]:
    """Function words of every language newsclean knows (``data/boilerplate.json``)."""
    raw = json.loads(resources.files("newsclean.data").joinpath("boilerplate.json").read_text("utf-8"))
    words: set[str] = set()
    for lang, values in raw["function_words"].items():
        if lang != "source" and isinstance(values, list):
            words.update(w.lower() for w in values)
    return sorted(words)


def gold_index(gold: str) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The gold's 4-word shingles, and its short lines (under four words) as word tuples."""
    tokens = [t.lower() for t in _TOKEN.findall(gold)]
    grams = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
    lines = {tuple(t.lower() for t in _TOKEN.findall(line)) for line in gold.splitlines()}
    return grams, {line for line in lines if 0 < len(line) < 4}


def label(text: str, index: tuple[set[tuple[str, ...]], set[tuple[str, ...]]]) -> int:
    """1 when a block's text is story text of the gold (see the module docstring), else 0.

    A block under four words (a subheading, a step number) counts only when it
    is a whole line of the gold: its words alone occur in any text.
    """
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return 0
    grams, short_lines = index
    if len(tokens) < 4:
        return int(tuple(tokens) in short_lines)
    shingles = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    hits = sum(1 for g in shingles if g in grams)
    return int(hits >= LABEL_SHARE * len(shingles))


def analyse_page(corpus: str, pid: str, raw: bytes, gold: str, stops: frozenset[str]) -> PageBlocks:
    """Cut one page into blocks as ``clean(html)`` does and label each block."""
    from newsclean.html.container import analyse_blocks
    from newsclean.html.features import block_features
    from newsclean.html.meta import read_metadata
    from newsclean.html.parse import parse_html
    from newsclean.inputs import decode_bytes

    text = decode_bytes(raw)[0]
    root, _ = parse_html(text)
    if root is None:
        return PageBlocks(corpus, pid, gold, [], [], [], [], None)
    meta = read_metadata(root)
    analysis = analyse_blocks(root, headlines=meta.headlines)
    rows = block_features(analysis.blocks, analysis.inside, analysis.best, stops)
    index = gold_index(gold)
    texts = [b.text for b in analysis.blocks]
    sizes = [len(_TOKEN.findall(x)) for x in texts]
    total = sum(sizes) or 1
    labels = [label(x, index) for x in texts]
    weights = [n / total for n in sizes]
    headline = analysis.headline.index if analysis.headline is not None else None
    return PageBlocks(corpus, pid, gold, texts, rows, labels, weights, headline)


def _candidates(page: PageBlocks) -> list[int]:
    """Indices of the blocks the model decides: outside the chosen container and not pruned,
    or pruned for a reason the model judges (:data:`newsclean.html.content.JUDGED_REASONS`)."""
    from newsclean.html.features import FEATURES

    k, d = FEATURES.index("inside"), FEATURES.index("dropped")
    return [i for i, row in enumerate(page.rows) if (not row[k] and not row[d]) or _judged(row)]


def _judged(row: list[float]) -> bool:
    from newsclean.html.content import JUDGED_REASONS
    from newsclean.html.features import FEATURES

    return any(row[FEATURES.index(f"r_{reason}")] for reason in JUDGED_REASONS)


def fit(pages: list[PageBlocks]) -> tuple[list[float], float]:
    """Fit the logistic regression on the blocks outside the container; return (weights, intercept).

    Each corpus weighs the same in total, and each page the same within its corpus.
    """
    from sklearn.linear_model import LogisticRegression

    per_corpus = Counter(p.corpus for p in pages)
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for p in pages:
        scale = 1000.0 / per_corpus[p.corpus]
        for i in _candidates(p):
            xs.append(p.rows[i])
            ys.append(p.labels[i])
            ws.append(p.weights[i] * scale)
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(xs, ys, sample_weight=ws)
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def page_text(page: PageBlocks, weights: list[float], intercept: float, threshold: float) -> str:
    """The page's story text as ``clean(html)`` emits it, for the model at ``threshold``."""
    from newsclean.html.content import keep_blocks
    from newsclean.html.features import FEATURES, BlockModel

    model = BlockModel(tuple(weights), intercept, threshold, frozenset())
    k_ld = FEATURES.index("link_density")
    k_in, k_d = FEATURES.index("inside"), FEATURES.index("dropped")
    judged = [_judged(r) for r in page.rows]
    keep = keep_blocks(
        page.texts,
        [bool(r[k_in]) for r in page.rows],
        [bool(r[k_d]) and not jd for r, jd in zip(page.rows, judged, strict=True)],
        [r[k_ld] for r in page.rows],
        page.rows,
        model,
        judged,
    )
    return "\n".join(
        t for i, (t, kept) in enumerate(zip(page.texts, keep, strict=True)) if kept and i != page.headline
    )


def corpus_f1(
    pages: list[PageBlocks], weights: list[float], intercept: float, threshold: float
) -> dict[str, float]:
    """Macro F1 per corpus of the block choice at ``threshold``."""
    by: dict[str, list[float]] = {}
    for p in pages:
        by.setdefault(p.corpus, []).append(score_body(page_text(p, weights, intercept, threshold), p.gold).f1)
    return {c: sum(v) / len(v) for c, v in by.items()}


def choose_threshold(pages: list[PageBlocks], weights: list[float], intercept: float) -> float:
    """The threshold of :data:`THRESHOLDS` chosen by :func:`benchmarks.common.best_setting`
    (gain over the container choice alone; :data:`NEVER` recovers no block)."""
    return best_setting(lambda t: corpus_f1(pages, weights, intercept, t), THRESHOLDS, NEVER)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="print the tables, write nothing")
    parser.add_argument(
        "--cache", type=Path, default=None, help="pickle the analysed pages here (reruns skip parsing)"
    )
    args = parser.parse_args(argv)
    from newsclean.html.features import FEATURES

    stops = stopwords()
    pages: list[PageBlocks] = []
    start = time.perf_counter()
    cache_path = args.cache / "fit_html_pages.pickle" if args.cache else None
    if cache_path is not None and cache_path.exists():
        import pickle

        stored = pickle.loads(cache_path.read_bytes())
        if stored[0] == list(FEATURES):
            pages = stored[1]
    if not pages:
        for corpus in CORPORA:
            for page in load_corpus(args.data, corpus):
                pages.append(analyse_page(corpus, page.id, page.html, page.gold, frozenset(stops)))
        if cache_path is not None:
            import pickle

            cache_path.parent.mkdir(parents=True, exist_ok=True)
            cache_path.write_bytes(pickle.dumps((list(FEATURES), pages)))
    counts = Counter(p.corpus for p in pages)
    print(
        f"{len(pages)} pages, {sum(len(p.rows) for p in pages)} blocks ({time.perf_counter() - start:.0f} s)"
    )

    weights, intercept = fit(pages)
    threshold = choose_threshold(pages, weights, intercept)
    on_all = corpus_f1(pages, weights, intercept, threshold)
    base = corpus_f1(pages, weights, intercept, NEVER)
    rows: list[list[Any]] = []
    for corpus in CORPORA:
        train = [p for p in pages if p.corpus != corpus]
        test = [p for p in pages if p.corpus == corpus]
        w, b = fit(train)
        t = choose_threshold(train, w, b)
        left_out = corpus_f1(test, w, b, t)[corpus]
        rows.append(
            [
                SHORT[corpus],
                counts[corpus],
                base[corpus],
                on_all[corpus],
                left_out,
                left_out - on_all[corpus],
                t,
            ]
        )
    header = ["corpus", "pages", "container only", "fit on all 4", "left out", "difference", "threshold (3)"]
    result = table(rows, header)
    print(result)
    print(f"threshold (fit on all): {threshold}")
    if args.dry_run:
        return
    payload = {
        "about": (
            "Logistic block model of the HTML stage (newsclean.html.features). Written by "
            "python -m benchmarks.fit_html from the four body-extraction corpora; see html_blocks.fit.md."
        ),
        "features": list(FEATURES),
        "weights": [round(w, 5) for w in weights],
        "intercept": round(intercept, 5),
        "threshold": threshold,
        "stopwords_source": "function_words of every language in boilerplate.json, at fit time",
        "stopwords": stops,
    }
    DATA_FILE.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    weights_table = table(
        [[n, w] for n, w in sorted(zip(FEATURES, weights, strict=True), key=lambda x: -abs(x[1]))],
        ["feature", "weight"],
    )
    REPORT_FILE.write_text(
        "# Fit report: HTML block model (`html_blocks.json`)\n\n"
        "Written by `python -m benchmarks.fit_html`. Macro F1 (4-word shingles) of the HTML stage's\n"
        "block choice on each corpus: the container choice alone, the model fitted on all four\n"
        "corpora, and the model fitted on the other three (leave one corpus out), each with its\n"
        "threshold chosen on its own training pages. The labels align blocks with the gold text\n"
        f"(a block is story text when {LABEL_SHARE:.0%} of its 4-word shingles are in the gold).\n\n"
        f"{result}\n\nThreshold (fit on all): {threshold}; intercept {intercept:.4f}.\n\n"
        f"## Weights\n\n{weights_table}\n",
        encoding="utf-8",
    )
    print(f"wrote {DATA_FILE} and {REPORT_FILE}")


if __name__ == "__main__":
    main()
