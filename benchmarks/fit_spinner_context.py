"""Fit the context model of whole-word spinner reversals (``stages/spinner_context.py``).

The steps, each written into ``src/newsclean/data/``:

1. ``spinner_bigrams.txt.gz``: word and bigram counts (each at least
   :data:`MIN_COUNT`) of the definitions and example sentences of Open
   English WordNet (github.com/globalwordnet/english-wordnet, CC BY 4.0),
   read from the YAML sources of a checkout (``--wordnet``). The shipped
   table must come from text whose licence allows it: the development
   corpora in ``../shared/data`` are for evaluation only and never feed it.
   The Article Extraction Benchmark bodies spun below are not counted
   either, so the counts cannot tell the model the answer.
2. ``spinner_revealed.json``: 100 boosted trees of depth 3 over
   :data:`~newsclean.stages.spinner_revealed.FEATURES`, for the occurrences of
   swaps that non-words revealed (``stages/spinner_revealed.py``). Rows are
   every such occurrence not reverted by its sure rule, in the English AEB bodies spun by simulated spinners
   drawn from the **development pool only** (seeds :data:`FIT_SEEDS`,
   :data:`FIT_PAIRS` pairs, rates :data:`FIT_RATES`), in the documents
   ``repair_spinner`` flags as spun; a row is positive when the clean text
   holds the original there. Its threshold is set like the next one's, for
   :data:`~newsclean.stages.spinner_revealed.TARGET_PRECISION`.
3. ``spinner_pairs.json``: 100 boosted trees of depth 3 over
   :data:`~newsclean.stages.spinner_pairs.PAIR_FEATURES`, one row per
   ``(word, original)`` pair of the context candidates of the same spins
   (``stages/spinner_context.py``, grouped by ``stages/spinner_pairs.py``),
   positive when at least :data:`PAIR_POSITIVE_SHARE` of its occurrences are
   the spinner's; precision and recall are counted per reverted occurrence,
   the threshold set for :data:`~newsclean.stages.spinner_pairs.TARGET_PRECISION`.
   This is the model ``repair_spinner`` uses for swaps without wreckage.
   ``--models partial`` adds its second threshold (``threshold_partial``),
   for :data:`~newsclean.stages.spinner_pairs.PARTIAL_TARGET`, without
   refitting the trees: it reads the shipped trees' probabilities on fresh
   development draws (seeds :data:`PARTIAL_SEEDS`, never used to fit the
   trees, so no cross-validation is needed), over the pairs of documents whose
   spinner swaps only some occurrences (surviving share at least
   ``PARTIAL_SHARE``); 1 when no threshold reaches the target.
4. ``spinner_phrases.json``: the same trees fitted on the pairs whose
   synonym is a phrase ("be after" for "plan") alone. The pair rows of the
   same phrase recur across training documents (several spinners draw the
   same original), and the benchmark's held-out pool holds originals never
   seen in training, so this model is cross-validated with folds by original
   (folds by document let it recognise a phrase and overstate its
   precision). It decides only in documents whose revealed swaps keep their
   original less than ``PARTIAL_SHARE`` of the time, and its threshold is set
   for :data:`~newsclean.stages.spinner_pairs.TARGET_PRECISION` on the pairs
   of those documents.

The held-out pool of ``benchmarks/spinsim.py`` is never read here.

Run from the project root (scikit-learn is needed here only)::

    python -m benchmarks.fit_spinner_context --wordnet /path/to/english-wordnet --commit HASH
    python -m benchmarks.fit_spinner_context --corpus /path/to/texts   # counts from other text
    python -m benchmarks.fit_spinner_context --skip-bigrams            # refit on the shipped table

``--corpus`` takes a folder of UTF-8 ``.txt`` files instead (for a table
from other text; its licence must allow shipping counts of it). PyYAML is
needed for ``--wordnet``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument
from benchmarks.spinner import clean_bodies
from benchmarks.spinsim import SpunText, draw_spinner, pool, spin
from newsclean.document import Document
from newsclean.stages import spinner_context, spinner_pairs, spinner_revealed
from newsclean.stages.language import detect
from newsclean.stages.spinner import RepairSpinner
from newsclean.stages.spinner_context import BOUNDARY, ReversalModel, tokens
from newsclean.stages.spinner_pairs import PAIR_FEATURES, swap_pairs
from newsclean.stages.spinner_revealed import revealed_candidates
from newsclean.stages.spinner_swaps import PARTIAL_SHARE, load_synonyms

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsclean" / "data"
BIGRAMS = DATA / "spinner_bigrams.txt.gz"
PAIRS = DATA / "spinner_pairs.json"
PHRASES = DATA / "spinner_phrases.json"
REVEALED = DATA / "spinner_revealed.json"
ABOUT = (
    "Boosted trees of {what} (stages/{module}.py), fitted by `python -m benchmarks.fit_spinner_context` "
    "on simulated spinners drawn from the development pool only; scikit-learn at fit time, pure Python "
    "at run time."
)
#: Words and bigrams seen fewer times are not written (size of the table).
MIN_COUNT = 2
#: Synset fields of Open English WordNet whose text is counted.
WORDNET_FIELDS = ("definition", "example")
#: Simulator seeds of the training spinners (the benchmark's own runs use seed 0).
FIT_SEEDS = (1, 2)
#: Simulator seeds of the draws the pair model's partial-spinner threshold is set on
#: (development pool; the trees never saw them).
PARTIAL_SEEDS = (3, 4)
FIT_PAIRS = 400
#: Spin rates of the training spins: a spinner that swaps every occurrence,
#: and one that swaps one in two (its originals survive).
FIT_RATES = (1.0, 0.5)
FOLDS = 4
#: A training pair is positive when at least this share of its occurrences
#: are the spinner's swap of its original.
PAIR_POSITIVE_SHARE = 0.5
#: Size of the boosted model: kept small for its pure-Python cost at run time (not swept).
TREES = 100
DEPTH = 3
LEARNING_RATE = 0.1

BIGRAM_HEADER = """\
# Word and bigram counts for newsclean's spinner context model (stages/spinner_context.py).
# Built by `python -m benchmarks.fit_spinner_context` from {sources}.
# Lower case; punctuation, digits and line starts are the token <p>. Only counts >= {min_count}.
# The table holds counts only, no running text. Rebuild from other text with --corpus.
# Columns: count, then a word or two words separated by a space.
"""
WORDNET_SOURCE = (
    "the definitions and example sentences of\n"
    "# Open English WordNet (github.com/globalwordnet/english-wordnet @ {commit}),\n"
    "# licence CC BY 4.0 (c) the Open English WordNet contributors, derived from\n"
    "# Princeton WordNet 3.0 (WordNet licence)"
)


def wordnet_texts(root: Path) -> list[str]:
    """Return the definitions and examples of every synset in a WordNet checkout's YAML sources."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    texts: list[str] = []
    for path in sorted((root / "src" / "yaml").glob("*.yaml")):
        if path.name.startswith("entries") or path.name == "frames.yaml":
            continue
        synsets = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for synset in synsets.values():
            for field in WORDNET_FIELDS:
                for item in synset.get(field, ()):
                    text = item.get("text", "") if isinstance(item, dict) else item
                    if isinstance(text, str) and text:
                        texts.append(text)
    return texts


def corpus_texts(wordnet: Path | None, commit: str, corpus: Path | None) -> tuple[list[str], str]:
    """Return the English texts the counts come from, and their description."""
    if corpus is not None:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*.txt"))]
        return [t for t in texts if detect(t) == "en"], f"the .txt files of {corpus.name}"
    if wordnet is None:
        raise SystemExit("give --wordnet (or --corpus, or --skip-bigrams)")
    return wordnet_texts(wordnet), WORDNET_SOURCE.format(commit=commit)


def build_bigrams(texts: list[str], sources: str) -> int:
    """Count words and bigrams of ``texts`` and write the table; return its row count."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            seq = [BOUNDARY] + [t for _, _, t in tokens(line.lower())]
            uni.update(seq)
            bi.update(f"{a} {b}" for a, b in pairwise(seq))
    rows = [f"{c}\t{w}\n" for w, c in sorted(uni.items()) if c >= MIN_COUNT]
    rows += [f"{c}\t{w}\n" for w, c in sorted(bi.items()) if c >= MIN_COUNT]
    header = BIGRAM_HEADER.format(sources=sources, min_count=MIN_COUNT)
    BIGRAMS.write_bytes(gzip.compress((header + "".join(rows)).encode("utf-8"), mtime=0))
    return len(rows)


Row = tuple[int, tuple[int, int], tuple[float, ...], bool]


def _english(data: Path) -> list[str]:
    return [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]


def _spins(
    data: Path, rates: tuple[float, ...], seeds: tuple[int, ...] = FIT_SEEDS
) -> Iterator[tuple[int, SpunText]]:
    """Yield ``(document id, spun text)`` for every training spin (development pool only)."""
    english = _english(data)
    pairs = pool(False)
    doc_id = 0
    for rate in rates:
        for seed in seeds:
            for i, body in enumerate(english):
                draw = seed * 100_003 + i
                doc_id += 1
                yield doc_id, spin(body, draw_spinner(pairs, FIT_PAIRS, draw), rate=rate, seed=draw)


def pair_rows(
    data: Path, seeds: tuple[int, ...] = FIT_SEEDS
) -> tuple[list[Row], list[Occurrences], list[int]]:
    """Return one row per ``(word, original)`` pair of the training spins, its occurrences and original.

    The original is given as a stable hash (a fold key for the phrase model).

    The candidates are the context candidates (``spinner_context.candidates``)
    of the training spins that ``repair_spinner`` flags as spun, left out the
    spans its other rules already reverted, grouped by
    ``spinner_pairs.swap_pairs``. A pair is positive when at least
    :data:`PAIR_POSITIVE_SHARE` of its occurrences are the spinner's swap of
    that original; each occurrence keeps its own label for the precision.
    """
    stage = RepairSpinner(context=False)
    bigrams = spinner_context.load_bigrams()
    counts = load_synonyms().synonym_counts
    rows: list[Row] = []
    occurrences: list[Occurrences] = []
    originals: list[int] = []
    for doc_id, s in _spins(data, FIT_RATES, seeds):
        doc = stage(Document.from_text(s.text))
        if not doc.get("spun"):
            continue
        done = {(e.start, e.end) for e in doc.edits if e.stage == "repair_spinner"}
        truth = {(w.spun_start, w.spun_end): w.original for w in s.swaps if w.kind == "word"}
        inferred = stage.find(s.text, "en").inferred
        surviving = sum(sw.survives for sw in inferred) / len(inferred) if inferred else 0.0
        found = spinner_context.candidates(s.text, "en", bigrams=bigrams, skip=done, surviving=surviving)
        for pair in swap_pairs(found, counts):
            occ = [(span, truth.get(span) == pair.original) for span in pair.spans]
            label = sum(ok for _, ok in occ) >= PAIR_POSITIVE_SHARE * len(occ)
            rows.append((doc_id, pair.spans[0], pair.features, label))
            occurrences.append(occ)
            originals.append(zlib.crc32(pair.original.encode()))
    return rows, occurrences, originals


def revealed_rows(data: Path) -> list[Row]:
    """Return ``(document, span, features, label)`` for every occurrence of a revealed swap's synonym.

    Spins at every rate of :data:`FIT_RATES`; a row is positive when the
    clean text holds the original there (the simulator's ground truth). The
    occurrences reverted without the model (``sure``) are left out.
    """
    stage = RepairSpinner()
    bigrams = spinner_context.load_bigrams()
    out: list[Row] = []
    for doc_id, s in _spins(data, FIT_RATES):
        found = stage.find(s.text, "en")
        if not found.spun:
            continue
        skip = [(c.start, c.end) for c in (*found.artifacts, *found.inferred_changes)]
        for c in revealed_candidates(s.text, found.lowered, found.inferred, "en", skip=skip, bigrams=bigrams):
            if c.sure:
                continue  # reverted without the model
            cs, ce = s.to_clean(c.start), s.to_clean(c.end)
            label = cs is not None and ce is not None and s.clean[cs:ce] == c.back
            out.append((doc_id, (c.start, c.end), c.features, label))
    return out


Occurrences = list[tuple[tuple[int, int], bool]]


def _per_word(
    rows: list[Row], probs: list[float], occurrences: list[Occurrences]
) -> list[tuple[float, bool]]:
    """Return ``(probability, label)`` per reverted occurrence: the best row that reverts it."""
    best: dict[tuple[int, tuple[int, int]], tuple[float, bool]] = {}
    for row, p, occ in zip(rows, probs, occurrences, strict=True):
        for span, label in occ:
            key = (row[0], span)
            if key not in best or best[key][0] < p:
                best[key] = (p, label)
    return sorted(best.values(), reverse=True)


def _threshold(
    rows: list[Row], probs: list[float], occ: list[Occurrences], keep: list[int], target: float
) -> tuple[float, int, int, int]:
    """Return the lowest probability at which the precision over ``keep`` reaches ``target``.

    Also the reverted occurrences there (right, wrong) and the positive occurrences of ``keep``.
    The precision is read only below a whole run of equal probabilities (the
    occurrences of one pair share its probability and are reverted together).
    """
    words = _per_word([rows[i] for i in keep], [probs[i] for i in keep], [occ[i] for i in keep])
    positives = len({(rows[i][0], span) for i in keep for span, label in occ[i] if label})
    tp = fp = 0
    best = (1.0, 0, 0)
    for n, (p, label) in enumerate(words):
        tp += label
        fp += not label
        if (n + 1 == len(words) or words[n + 1][0] < p) and tp / (tp + fp) >= target:
            best = (p, tp, fp)
    return (*best, positives)


def export_trees(model: Any) -> list[dict[str, list[float] | list[int]]]:
    """Return the regression trees of a fitted binary ``GradientBoostingClassifier`` as plain lists."""
    out: list[dict[str, list[float] | list[int]]] = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        out.append(
            {
                "feature": [int(f) if f >= 0 else -1 for f in t.feature],
                "threshold": [float(v) for v in t.threshold],
                "left": [int(v) for v in t.children_left],
                "right": [int(v) for v in t.children_right],
                "value": [float(v[0][0]) for v in t.value],
            }
        )
    return out


def _model(seed: int = 0) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE, subsample=0.5, random_state=seed
    )


def fit(
    rows: list[Row],
    features: tuple[str, ...],
    target: float,
    about: str,
    training: str,
    occurrences: list[Occurrences] | None = None,
    *,
    groups: list[int] | None = None,
    decides: list[bool] | None = None,
) -> dict[str, Any]:
    """Fit boosted trees on ``rows`` and their threshold for a cross-validated ``target`` precision.

    ``occurrences`` lists, for each row, the spans a positive decision reverts
    and whether each is right (default: the row's own span and label); the
    precision and recall are counted over those. ``groups`` gives each row's
    fold key (default: its document). ``decides`` marks the rows the model
    decides at run time (default: all; it is fitted on every row): the
    threshold, precision and recall are counted over those.

    Returns the JSON document (the form :class:`ReversalModel` reads).
    """
    import math

    x = [list(r[2]) for r in rows]
    y = [r[3] for r in rows]
    probs = [0.0] * len(rows)
    keys = groups if groups is not None else [r[0] for r in rows]
    for fold in range(FOLDS):
        train = [i for i, k in enumerate(keys) if k % FOLDS != fold]
        test = [i for i, k in enumerate(keys) if k % FOLDS == fold]
        m = _model().fit([x[i] for i in train], [y[i] for i in train])
        for i, p in zip(test, m.predict_proba([x[i] for i in test])[:, 1], strict=True):
            probs[i] = float(p)
    occ = occurrences if occurrences is not None else [[(r[1], r[3])] for r in rows]
    keep = [i for i in range(len(rows)) if decides is None or decides[i]]
    threshold, tp, fp, positives = _threshold(rows, probs, occ, keep, target)
    m = _model().fit(x, y)
    prior = sum(y) / len(y)
    doc: dict[str, Any] = {
        "about": about,
        "features": list(features),
        "base": math.log(prior / (1 - prior)),
        "learning_rate": LEARNING_RATE,
        "threshold": round(threshold, 6),
        "report": {
            "training": training,
            "model": f"{TREES} trees of depth {DEPTH}, learning rate {LEARNING_RATE}, subsample 0.5",
            "candidates": len(rows),
            "positive_candidates": sum(y),
            "positive_occurrences": positives,
            "target_precision": target,
            "cv_folds": FOLDS,
            "cv_folds_by": "original" if groups is not None else "document",
            "decided_candidates": len(keep),
            "cv_reverted": tp + fp,
            "cv_precision": round(tp / max(1, tp + fp), 4),
            "cv_recall_of_positives": round(tp / max(1, positives), 4),
        },
        "trees": export_trees(m),
    }
    # The pure-Python reading must give scikit-learn's probabilities. scikit-learn
    # compares features as float32: the check rounds them the same way (a value
    # within float32 rounding of a split may go the other way at run time).
    import numpy as np

    check = ReversalModel.from_dict(doc, features=features)
    x32 = np.asarray(x[:2000], dtype=np.float32)
    for row, p in zip(x32, m.predict_proba(x32)[:, 1], strict=True):
        if abs(check.probability(tuple(float(v) for v in row)) - p) > 1e-6:
            raise RuntimeError("exported trees disagree with scikit-learn")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument(
        "--wordnet", type=Path, default=None, help="checkout of globalwordnet/english-wordnet"
    )
    parser.add_argument("--commit", default="unknown", help="commit of the WordNet checkout, for the header")
    parser.add_argument("--corpus", type=Path, default=None, help="folder of .txt files for the counts")
    parser.add_argument("--skip-bigrams", action="store_true", help="keep the current bigram table")
    parser.add_argument(
        "--models",
        default="revealed,pairs,phrases,partial",
        help="models to fit, in this order (the pair model's rows depend on the revealed one; "
        "partial sets the pair model's second threshold)",
    )
    args = parser.parse_args()
    if not args.skip_bigrams:
        texts, sources = corpus_texts(args.wordnet, args.commit, args.corpus)
        n = build_bigrams(texts, sources)
        print(f"wrote {n} rows to {BIGRAMS} ({BIGRAMS.stat().st_size // 1024} KB)")
        spinner_context.load_bigrams.cache_clear()
    # The revealed-swap model first: the pair model's rows skip what it reverts.
    if "revealed" in args.models.split(","):
        _fit_revealed(args.data)
    if "pairs" in args.models.split(",") or "phrases" in args.models.split(","):
        rows, occurrences, originals = pair_rows(args.data)
    if "phrases" in args.models.split(","):
        _fit_phrases(rows, occurrences, originals)
    if "pairs" in args.models.split(","):
        pairs = fit(
            rows,
            PAIR_FEATURES,
            spinner_pairs.TARGET_PRECISION,
            ABOUT.format(module="spinner_pairs", what="whole-word swap pairs decided per document"),
            f"English AEB bodies, seeds {list(FIT_SEEDS)}, {FIT_PAIRS} pairs, rates {list(FIT_RATES)}, "
            f"flagged docs; a pair is positive when >= {PAIR_POSITIVE_SHARE} of its occurrences are swaps",
            occurrences,
        )
        _write(PAIRS, pairs)
        spinner_pairs.load_pair_model.cache_clear()
    if "partial" in args.models.split(","):
        _fit_partial(args.data)


def _fit_phrases(rows: list[Row], occurrences: list[Occurrences], originals: list[int]) -> None:
    """Fit the phrase model on the phrase pairs, folds by original, deciding in full-rate documents."""
    keep = [i for i, r in enumerate(rows) if r[2][PAIR_FEATURES.index("synonym_words")] > 1]
    surviving = PAIR_FEATURES.index("surviving_swaps")
    phrases = fit(
        [rows[i] for i in keep],
        PAIR_FEATURES,
        spinner_pairs.TARGET_PRECISION,
        ABOUT.format(module="spinner_pairs", what="swap pairs of multi-word synonyms decided per document"),
        f"English AEB bodies, seeds {list(FIT_SEEDS)}, {FIT_PAIRS} pairs, rates {list(FIT_RATES)}, "
        f"flagged docs, pairs whose synonym is a phrase; a pair is positive when >= {PAIR_POSITIVE_SHARE} "
        f"of its occurrences are swaps; threshold on the documents whose surviving share is under "
        f"{PARTIAL_SHARE}",
        [occurrences[i] for i in keep],
        groups=[originals[i] for i in keep],
        decides=[rows[i][2][surviving] < PARTIAL_SHARE for i in keep],
    )
    _write(PHRASES, phrases)


def _fit_partial(data: Path) -> None:
    """Set the shipped pair model's threshold for partial spinners (which swap only some occurrences).

    The trees stay as they are. Their probabilities on fresh development draws
    (:data:`PARTIAL_SEEDS`, both rates), over the pairs of flagged documents
    whose surviving share is at least ``PARTIAL_SHARE``, give the lowest
    probability at which the precision per reverted occurrence still reaches
    :data:`~newsclean.stages.spinner_pairs.PARTIAL_TARGET`, and never under the
    shared threshold; where no probability reaches it the threshold is 1 (no
    pair reverted in partial documents). The report also gives precision and
    recall at a few thresholds, to show what the choice costs.
    """
    model = spinner_pairs.load_pair_model()
    rows, occurrences, _ = pair_rows(data, PARTIAL_SEEDS)
    probs = [model.probability(r[2]) for r in rows]
    surviving = PAIR_FEATURES.index("surviving_swaps")
    partial = [i for i, r in enumerate(rows) if r[2][surviving] >= PARTIAL_SHARE]
    target = spinner_pairs.PARTIAL_TARGET
    threshold, tp, _fp, positives = _threshold(rows, probs, occurrences, partial, target)
    if tp == 0:
        threshold = 1.0
    threshold = round(max(threshold, model.threshold), 6)
    words = _per_word(
        [rows[i] for i in partial], [probs[i] for i in partial], [occurrences[i] for i in partial]
    )

    def at(cut: float) -> dict[str, float]:
        labels = [label for p, label in words if p >= cut and cut < 1.0]
        return {
            "reverted": len(labels),
            "precision": round(sum(labels) / max(1, len(labels)), 4),
            "recall_of_positives": round(sum(labels) / max(1, positives), 4),
        }

    doc = json.loads(PAIRS.read_text(encoding="utf-8"))
    doc["threshold_partial"] = threshold
    doc["report"]["partial"] = {
        "draws": f"development pool, seeds {list(PARTIAL_SEEDS)}, {FIT_PAIRS} pairs, rates "
        f"{list(FIT_RATES)}, flagged documents whose surviving share is at least {PARTIAL_SHARE}",
        "target_precision": target,
        "pairs": len(partial),
        "positive_occurrences": positives,
        "adopted": at(threshold),
        "at_shared_threshold": at(model.threshold),
        "curve": {str(c): at(c) for c in (0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99, 0.995)},
    }
    _write(PAIRS, doc)
    spinner_pairs.load_pair_model.cache_clear()


def _fit_revealed(data: Path) -> None:
    revealed = fit(
        revealed_rows(data),
        spinner_revealed.FEATURES,
        spinner_revealed.TARGET_PRECISION,
        ABOUT.format(module="spinner_revealed", what="occurrences of swaps revealed by non-words"),
        f"English AEB bodies, seeds {list(FIT_SEEDS)}, {FIT_PAIRS} pairs, rates {list(FIT_RATES)}, "
        "flagged docs",
    )
    _write(REVEALED, revealed)
    spinner_revealed.load_revealed_model.cache_clear()


def _write(path: Path, model: dict[str, Any]) -> None:
    path.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(path.name, json.dumps({k: v for k, v in model.items() if k != "trees"}, indent=1))


if __name__ == "__main__":
    main()
