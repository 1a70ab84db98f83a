"""Fit the document-level counts of explained non-words (``data/spinner_flag.json``).

A spinner that swaps only some occurrences of a word leaves the original
elsewhere, so its documents often have neither a swap explaining two
non-words nor three non-words whose originals never survive: half-rate
spins were flagged at 82 %. What they do have is more explained non-words
than clean text of their length. ``repair_spinner`` (``spun_evidence`` in
``stages/spinner_swaps.py``) also calls a document spun when its count of
different lower-case non-words explained by unambiguous swaps (two at least)
has a Poisson tail at or below ``max_log10_tail`` under the clean rate.

Fitted here, on development data only:

* ``clean_rate``: those non-words per white-space word over the clean English
  bodies of the development corpora (the same bodies the benchmark's clean
  check reads);
* ``max_log10_tail``: on the simulator's development draws (seeds 1 and 2, 400
  pairs, rates 1.0 and 0.5; the held-out pool is never read), each document
  is run with the rule off and with it flagging every document of two such
  non-words. Thresholds are tried at each document's tail, from the most
  extreme; the chosen one flags the most documents such that no clean body is
  flagged (each read under the rate fitted on all corpora and under the rate
  fitted without its own corpus: the count is overdispersed, a corpus can hold
  a body far from the others' rate) and the restorations of the newly flagged documents (every content
  edit, against the simulator's truth) stay at ``TARGET_PRECISION`` or more.
  The threshold is set in the middle (in log10) of the gap between the last
  document taken and the first one left out: the most extreme clean body, or
  the first development document whose restorations break the precision.

A second rule (``--rule any-case``) counts the explained non-words of any
case, capitalised ones too ("Presihideoutt" for "President" with "den ->
hideout"), against their own clean rate (``any_case_rate``) and threshold
(``max_log10_tail_any_case``), fitted the same way with the lower-case rule
in place: the documents it may add are those the lower-case rule leaves
unflagged. Fitting one rule keeps the other rule's fields as they are.

Run from the project root::

    python -m benchmarks.fit_spinner_flag                  # fit the lower-case rule, write the file
    python -m benchmarks.fit_spinner_flag --rule any-case  # fit the any-case rule
    python -m benchmarks.fit_spinner_flag --dry-run        # print the sweep only
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.common import add_data_argument, table
from benchmarks.spinner import Tally, clean_bodies, evaluate
from benchmarks.spinsim import draw_spinner, pool, spin
from newsclean.document import Document
from newsclean.stages import spinner_swaps
from newsclean.stages.language import detect
from newsclean.stages.spinner import RepairSpinner

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / spinner_swaps.FLAG_FILE
#: Precision the restorations of the documents the rule adds must keep (the issue's
#: target for every restoration).
TARGET_PRECISION = 0.98
ABOUT = (
    "Document-level counts of non-words explained by unambiguous spinner swaps "
    "(stages/spinner_swaps.py, spun_evidence): clean_rate per white-space word of the lower-case ones "
    "over the clean English bodies of the development corpora, max_log10_tail set on the simulator's "
    "development draws (--rule lower-case); any_case_rate and max_log10_tail_any_case the same for "
    "those of any case, fitted with the lower-case rule in place (--rule any-case). Written by "
    "python -m benchmarks.fit_spinner_flag; do not edit by hand."
)
SEEDS = (1, 2)
#: The fields of ``data/spinner_flag.json`` each rule writes: its clean rate, threshold and report.
FIELDS = {
    "lower-case": ("clean_rate", "max_log10_tail", "report"),
    "any-case": ("any_case_rate", "max_log10_tail_any_case", "report_any_case"),
}
RATES = (1.0, 0.5)
PAIRS = 400


@dataclass
class DocRun:
    """One spun development document, run with the rule off and with it flagging all it may."""

    rate: float
    count: int
    words: int
    off_flagged: bool
    on_flagged: bool
    on_edits: int
    on_correct: int


Counter = Callable[[Iterable[spinner_swaps.InferredSwap]], int]
#: The two counts of explained non-words, by the name ``--rule`` gives them.
COUNTERS: dict[str, Counter] = {
    "lower-case": spinner_swaps.lowercase_nonwords,
    "any-case": spinner_swaps.explained_nonwords,
}


def _clean_rate(data: Path, counter: Counter) -> tuple[float, list[tuple[int, int, str]]]:
    """Return the clean rate per word and each English clean body's (count, words, corpus)."""
    stage = RepairSpinner()
    rows = []
    for corpus, texts in clean_bodies(data).items():
        for body in texts:
            if detect(body) != "en":
                continue
            found = stage.find(body, "en")
            rows.append((counter(found.candidates), len(body.split()), corpus))
    rate = sum(c for c, _, _ in rows) / max(1, sum(w for _, w, _ in rows))
    return rate, rows


def _left_out_tails(clean: list[tuple[int, int, str]]) -> dict[str, float]:
    """Return, per corpus, the lowest tail of its bodies under the rate fitted on the other corpora."""
    out = {}
    for corpus in sorted({c for _, _, c in clean}):
        rest = [(n, w) for n, w, c in clean if c != corpus]
        rate = sum(n for n, _ in rest) / max(1, sum(w for _, w in rest))
        tails = [
            spinner_swaps.nonword_tail(n, w, rate)
            for n, w, c in clean
            if c == corpus and n >= spinner_swaps.MIN_SUPPORT and rate > 0
        ]
        out[corpus] = round(min(tails), 4) if tails else 0.0
    return out


def _run_with(model: spinner_swaps.FlagModel, stage: RepairSpinner, text: str) -> Document:
    """Run ``stage`` on ``text`` with ``model`` in place of the packaged parameters."""
    saved = spinner_swaps.load_flag_model
    spinner_swaps.load_flag_model = lambda: model  # type: ignore[assignment]
    try:
        return stage(Document.from_text(text))
    finally:
        spinner_swaps.load_flag_model = saved  # type: ignore[assignment]


def _models(rule: str, rate_per_word: float) -> tuple[spinner_swaps.FlagModel, spinner_swaps.FlagModel]:
    """Return the flag models with ``rule`` off and with it flagging every document it may.

    The lower-case rule is fitted first, with the any-case rule off; the
    any-case rule is fitted with the packaged lower-case rule in place.
    """
    if rule == "lower-case":
        return (
            spinner_swaps.FlagModel(rate_per_word, float("-inf")),
            spinner_swaps.FlagModel(rate_per_word, float("inf")),
        )
    packaged = spinner_swaps.load_flag_model()
    return (
        replace(packaged, any_case_rate=rate_per_word, max_log10_tail_any_case=float("-inf")),
        replace(packaged, any_case_rate=rate_per_word, max_log10_tail_any_case=float("inf")),
    )


def _runs(data: Path, rule: str, rate_per_word: float) -> list[DocRun]:
    english = [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]
    pairs = pool(False)
    stage = RepairSpinner()
    off, on = _models(rule, rate_per_word)
    counter = COUNTERS[rule]
    out = []
    for seed in SEEDS:
        for rate in RATES:
            for i, body in enumerate(english):
                s = spin(
                    body, draw_spinner(pairs, PAIRS, seed * 100_003 + i), rate=rate, seed=seed * 100_003 + i
                )
                if not s.swaps:
                    continue
                doc_off = _run_with(off, stage, s.text)
                doc_on = _run_with(on, stage, s.text)
                tallies = {
                    k: Tally()
                    for k in ("all", "nonword", "inflected", "word", "word_in_spun", "word_detected")
                }
                evaluate(s, doc_on, tallies, set())
                count = counter(stage.find(s.text, "en").candidates)
                out.append(
                    DocRun(
                        rate,
                        count,
                        len(s.text.split()),
                        bool(doc_off.get("spun")),
                        bool(doc_on.get("spun")),
                        tallies["all"].edits,
                        tallies["all"].correct,
                    )
                )
    return out


def fit(data: Path, rule: str = "lower-case") -> tuple[dict[str, object], list[list[object]]]:
    """Return the fitted parameters of ``rule`` with their report, and the sweep's rows."""
    rate, clean = _clean_rate(data, COUNTERS[rule])
    clean_tails = sorted(
        spinner_swaps.nonword_tail(c, w, rate) for c, w, _ in clean if c >= spinner_swaps.MIN_SUPPORT
    )
    # A clean body is also read under the rate fitted without its own corpus: the
    # threshold must hold for a corpus the rate never saw.
    left_out = _left_out_tails(clean)
    clean_tails = sorted([*clean_tails, *left_out.values()])
    runs = _runs(data, rule, rate)
    added = sorted(
        (spinner_swaps.nonword_tail(r.count, r.words, rate), j)
        for j, r in enumerate(runs)
        if not r.off_flagged and r.on_flagged and r.count >= spinner_swaps.MIN_SUPPORT
    )
    lowest_clean = clean_tails[0] if clean_tails else 0.0
    rows: list[list[object]] = []
    best: tuple[float, int, int, int] | None = None
    edits = correct = 0
    for n, (tail, j) in enumerate(added, 1):
        edits += runs[j].on_edits
        correct += runs[j].on_correct
        precision = correct / edits if edits else 1.0
        ok = tail < lowest_clean and precision >= TARGET_PRECISION
        rows.append([round(tail, 3), n, f"{precision:.2%} ({edits - correct} wrong of {edits})", ok])
        if ok:
            best = (tail, n, edits, correct)
    # The first tail left out: the most extreme clean body, or the document that broke the precision.
    after_best = [t for t, _ in added[best[1] :]] if best else []
    next_out = min([lowest_clean, *after_best[:1]])
    threshold = (best[0] + next_out) / 2 if best else float("-inf")
    by_rate = {}
    for rate_ in RATES:
        mine = [r for r in runs if r.rate == rate_]
        before = sum(r.off_flagged for r in mine)
        after = sum(
            r.off_flagged
            or (
                r.count >= spinner_swaps.MIN_SUPPORT
                and spinner_swaps.nonword_tail(r.count, r.words, rate) <= threshold
            )
            for r in mine
        )
        by_rate[str(rate_)] = {"documents": len(mine), "flagged_before": before, "flagged_after": after}
    rate_key, tail_key, report_key = FIELDS[rule]
    params: dict[str, object] = {
        rate_key: rate,
        tail_key: round(threshold, 4) if best else -99.0,
        report_key: {
            "fitted_by": f"python -m benchmarks.fit_spinner_flag --rule {rule}",
            "clean_bodies": len(clean),
            "clean_words": sum(w for _, w, _ in clean),
            "clean_nonwords": sum(c for c, _, _ in clean),
            "lowest_clean_log10_tail": round(lowest_clean, 4),
            "lowest_log10_tail_by_left_out_corpus": left_out,
            "development_draws": {"seeds": list(SEEDS), "pairs": PAIRS, "rates": list(RATES)},
            "target_precision": TARGET_PRECISION,
            "last_taken_log10_tail": round(best[0], 4) if best else None,
            "first_left_out_log10_tail": round(next_out, 4) if best else None,
            "added_documents": best[1] if best else 0,
            "added_precision": round(best[3] / best[2], 4) if best and best[2] else None,
            "flagged": by_rate,
        },
    }
    return params, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument(
        "--rule",
        choices=sorted(COUNTERS),
        default="lower-case",
        help="which count to fit (any-case is fitted with the packaged lower-case rule in place)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the sweep, write nothing")
    args = parser.parse_args()
    params, rows = fit(args.data, args.rule)
    print(table(rows, ["log10 tail", "documents added", "precision of their restorations", "admissible"]))
    print(json.dumps(params, indent=1))
    if not args.dry_run:
        # The other rule's fields are kept as they are.
        current = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
        merged = {"about": ABOUT, **{k: v for k, v in current.items() if k != "about"}, **params}
        OUT.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
