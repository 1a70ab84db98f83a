"""Study: choose per page between the HTML extraction and the whole page read as text.

On some pages ``clean(html)`` keeps one part of the story and drops the rest,
while the same page read as a text capture by the text stages comes out whole.
This script measures whether a per page choice between the two would pay, and
whether a fitted choice generalises to a corpus it was not fitted on.

For every page of the four body-extraction corpora (``../shared/data``):

* the **HTML path**: the default pipeline (``ExtractHtml(path="html")``);
* the **gate**: from the HTML stage's own block decision, the words of the
  prose it dropped (blocks of at least :data:`PROSE_MIN_WORDS` words with at
  most :data:`PROSE_MAX_LINK_DENSITY` of their text in links) over the words it
  kept plus those; a cheap signal that the extraction is doubtful;
* the **whole-page path** (``ExtractHtml(path="page")``: every block handed on,
  one per line, for the text stages to judge as a capture), run only on pages
  whose gate share reaches the lowest of :data:`GATES` (on the others the
  choice would not look);
* both results scored against the gold, 4-word shingle F1 as
  ``python -m benchmarks.corpora`` scores them, with Dragnet's gold read two
  ways: the main content only (the benchmark's default) and content plus the
  reader comments some gold files add after the dataset's delimiter
  (``--dragnet-comments`` there).

The choice is a logistic regression (scikit-learn, ``pip install -e .[fit]``)
over the gate share, the log ratio of the two results' words, the log of the
HTML result's words and of its kept blocks, fitted on gated pages (label:
the whole-page result scores higher; weight: the F1 difference). Its
probability threshold is the one of :data:`THRESHOLDS` whose smallest
per-corpus gain on the training pages is largest (then the larger mean gain,
then the higher threshold). Leave one corpus out: fit on three corpora (weights
and threshold), score the fourth, for each of the four and each gate.

Printed, for each reading of the Dragnet gold: macro F1 of each path, the
oracle choice on gated pages, the leave-one-corpus-out table per gate, and how
much of the gain on Dragnet comes from pages whose dropped prose is mostly
reader comments.

Run from the project root (about two minutes, the second path runs on a quarter of the pages)::

    python -m benchmarks.path_study --cache /tmp/path_rows.json
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, score_body, table
from benchmarks.corpora import CORPORA, SHORT, load_corpus

#: A dropped block of at least this many words may be story prose (shorter ones are labels).
PROSE_MIN_WORDS = 15
#: ...with at most this share of its characters in links (the split-story bound of the container scoring).
PROSE_MAX_LINK_DENSITY = 0.3
#: The removal reason of blocks the HTML pruning took as reader comments.
COMMENTS_REASON = "html_comments"
#: Gate shares tried: the whole-page path is looked at when the dropped-prose share reaches one.
GATES = (0.3, 0.4, 0.5, 0.6)
#: Probability thresholds tried on the training pages; 1.01 is never (the HTML path alone).
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
#: Inverse regularisation strength of the logistic regression.
C = 1.0
#: The choice model's features.
FEATURES = ("drop_share", "log_ratio", "log_html_words", "log_kept_blocks")
#: The two readings of the Dragnet gold.
GOLDS = ("content", "content+comments")


def gate_features(root: Any, headlines: frozenset[str]) -> dict[str, float]:
    """The HTML stage's block decision on a parsed page, summed up as dropped and kept prose."""
    from newsclean.html.content import decide_blocks

    analysis, keep = decide_blocks(root, headlines=headlines)
    blocks = analysis.blocks
    kept_words = kept_blocks = dropped = comments = 0
    for b, k in zip(blocks, keep, strict=True):
        if b is analysis.headline:  # emitted as the title
            continue
        words = len(b.text.split())
        if k:
            kept_words += words
            kept_blocks += 1
        elif words >= PROSE_MIN_WORDS and b.link_density <= PROSE_MAX_LINK_DENSITY:
            dropped += words
            comments += words if b.reason == COMMENTS_REASON else 0
    total = kept_words + dropped
    return {
        "kept_words": float(kept_words),
        "kept_blocks": float(kept_blocks),
        "dropped_prose": float(dropped),
        "dropped_comments": float(comments),
        "drop_share": dropped / total if total else 0.0,
    }


def page_rows(data: Path) -> list[dict[str, Any]]:
    """Clean every page on the HTML path, and the gated ones on the whole-page path; score both."""
    from newsclean import default_pipeline
    from newsclean.html.meta import read_metadata
    from newsclean.html.parse import parse_html
    from newsclean.inputs import load
    from newsclean.pipeline import to_article
    from newsclean.stages.html import ExtractHtml

    html_path = default_pipeline()
    page_path = html_path.replace("extract_html", ExtractHtml(path="page"))
    rows: list[dict[str, Any]] = []
    for corpus in CORPORA:
        start = time.perf_counter()
        pages = load_corpus(data, corpus)
        with_comments = load_corpus(data, corpus, comments=True)
        for i, (page, other) in enumerate(zip(pages, with_comments, strict=True)):
            golds = {"content": page.gold, "content+comments": other.gold}
            doc_h = html_path.run(page.html, kind="html")
            text_h = to_article(doc_h).text
            root, _ = parse_html(load(page.html, kind="html").text)
            gate = (
                gate_features(root, read_metadata(root).headlines)
                if root is not None
                else {"drop_share": 0.0}
            )
            row: dict[str, Any] = {
                "corpus": corpus,
                "index": i,
                "gate": gate,
                "html": {g: score_body(text_h, gold).f1 for g, gold in golds.items()},
            }
            if gate["drop_share"] >= min(GATES):
                doc_p = page_path.run(page.html, kind="html")
                text_p = to_article(doc_p).text
                row["page"] = {g: score_body(text_p, gold).f1 for g, gold in golds.items()}
                words_h, words_p = len(doc_h.text.split()), len(doc_p.text.split())
                row["features"] = {
                    "drop_share": gate["drop_share"],
                    "log_ratio": math.log((words_p + 1) / (words_h + 1)),
                    "log_html_words": math.log1p(words_h),
                    "log_kept_blocks": math.log1p(gate["kept_blocks"]),
                }
            rows.append(row)
        print(f"{corpus}: {len(pages)} pages, {time.perf_counter() - start:.0f} s")
    return rows


def _gated(row: dict[str, Any], gate: float) -> bool:
    return "page" in row and row["gate"]["drop_share"] >= gate


def _fit(rows: list[dict[str, Any]], gold: str, gate: float) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if _gated(r, gate)]
    y = [r["page"][gold] > r["html"][gold] for r in train]
    if len(set(y)) < 2:
        return [0.0] * len(FEATURES), -10.0
    x = [[r["features"][k] for k in FEATURES] for r in train]
    w = [abs(r["page"][gold] - r["html"][gold]) + 1e-3 for r in train]
    model = LogisticRegression(C=C, max_iter=1000).fit(x, y, sample_weight=w)
    return [float(v) for v in model.coef_[0]], float(model.intercept_[0])


def _probability(row: dict[str, Any], weights: list[float], intercept: float) -> float:
    z = intercept + sum(w * row["features"][k] for w, k in zip(weights, FEATURES, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def _scores(
    rows: list[dict[str, Any]], gold: str, gate: float, model: tuple[list[float], float, float]
) -> dict[str, tuple[float, float, int]]:
    """Per corpus: macro F1 of the HTML path, of the choice, and the pages where the whole page is taken."""
    weights, intercept, threshold = model
    out: dict[str, tuple[float, float, int]] = {}
    for corpus in CORPORA:
        part = [r for r in rows if r["corpus"] == corpus]
        if not part:
            continue
        take = [_gated(r, gate) and _probability(r, weights, intercept) >= threshold for r in part]
        chosen = [r["page"][gold] if t else r["html"][gold] for r, t in zip(part, take, strict=True)]
        out[corpus] = (sum(r["html"][gold] for r in part) / len(part), sum(chosen) / len(part), sum(take))
    return out


def fit(rows: list[dict[str, Any]], gold: str, gate: float) -> tuple[list[float], float, float]:
    """Fit weights and intercept, then the threshold, on ``rows``."""
    weights, intercept = _fit(rows, gold, gate)
    best: tuple[float, float, float] | None = None
    for t in THRESHOLDS:
        gains = [new - old for old, new, _ in _scores(rows, gold, gate, (weights, intercept, t)).values()]
        key = (round(min(gains), 4), round(sum(gains) / len(gains), 4), t)
        best = key if best is None or key > best else best
    return weights, intercept, best[2] if best is not None else THRESHOLDS[-1]


def loco(rows: list[dict[str, Any]], gold: str, gate: float) -> list[list[object]]:
    """Leave one corpus out at ``gate``: one table row per corpus."""
    on_all = _scores(rows, gold, gate, fit(rows, gold, gate))
    out: list[list[object]] = []
    for corpus in CORPORA:
        part = [r for r in rows if r["corpus"] == corpus]
        model = fit([r for r in rows if r["corpus"] != corpus], gold, gate)
        html_f1, held, taken = _scores(part, gold, gate, model)[corpus]
        out.append(
            [
                SHORT[corpus],
                sum(_gated(r, gate) for r in part),
                f"{html_f1:.3f}",
                f"{on_all[corpus][1]:.3f}",
                f"{held:.3f}",
                f"{held - html_f1:+.4f}",
                taken,
                f"{model[2]:.2f}",
            ]
        )
    return out


def report(rows: list[dict[str, Any]], gold: str) -> str:
    """The study's tables for one reading of the Dragnet gold."""
    lines = [f"## Dragnet gold: {gold}", ""]
    paths = []
    for corpus in CORPORA:
        part = [r for r in rows if r["corpus"] == corpus]
        html_f1 = sum(r["html"][gold] for r in part) / len(part)
        oracle = sum(max(r["html"][gold], r["page"][gold]) if "page" in r else r["html"][gold] for r in part)
        better = sum("page" in r and r["page"][gold] >= r["html"][gold] + 0.3 for r in part)
        worse = sum("page" in r and r["html"][gold] >= r["page"][gold] + 0.3 for r in part)
        paths.append([SHORT[corpus], len(part), f"{html_f1:.3f}", f"{oracle / len(part):.3f}", better, worse])
    header = [
        "corpus",
        "pages",
        "HTML path",
        f"oracle (gate {min(GATES)})",
        "page ≥ HTML + 0.3",
        "HTML ≥ page + 0.3",
    ]
    lines += [table(paths, header), ""]
    for gate in GATES:
        lines += [f"Gate {gate}: leave one corpus out", ""]
        header = [
            "corpus",
            "gated",
            "HTML path",
            "fit on all 4",
            "left out",
            "gain",
            "page taken",
            "threshold (3)",
        ]
        lines += [table(loco(rows, gold, gate), header), ""]
    gate = 0.5
    weights, intercept, threshold = fit(rows, gold, gate)
    gain_comments = gain_other = 0.0
    for r in rows:
        if r["corpus"] == "dragnet" and _gated(r, gate) and _probability(r, weights, intercept) >= threshold:
            d = r["page"][gold] - r["html"][gold]
            if r["gate"]["dropped_comments"] > 0.5 * r["gate"]["dropped_prose"]:
                gain_comments += d
            else:
                gain_other += d
    n = sum(r["corpus"] == "dragnet" for r in rows)
    lines += [
        f"Fit on all at gate {gate}: Dragnet gain from pages whose dropped prose is mostly reader comments "
        f"{gain_comments / n:+.4f}, from the others {gain_other / n:+.4f}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the study and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser)
    parser.add_argument("--cache", type=Path, help="JSON file of per-page rows, reused when present")
    args = parser.parse_args(argv)
    if args.cache is not None and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        rows = page_rows(args.data)
        if args.cache is not None:
            args.cache.write_text(json.dumps(rows))
    for gold in GOLDS:
        print(report(rows, gold))


if __name__ == "__main__":
    main()
