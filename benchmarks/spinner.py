"""Benchmark of spinner repair: simulated spinners on real article bodies, clean controls.

Spun copies: the clean bodies of the Article Extraction Benchmark (181
hand-annotated articles, ``scrapinghub-aeb/ground-truth.json``), each spun by
its own simulated spinner (``benchmarks/spinsim.py``): ``--pairs`` swap pairs
drawn at random from the development pool of a broad WordNet synonym list,
or, with ``--held-out``, from the held-out pool that is never used while
developing. ``repair_spinner`` runs on each spun body and every edit is
checked against the simulator's ground truth. Printed per spin rate:

* spun copies flagged spun;
* recall of non-word artifacts (``toobtainher`` -> ``together``) and the
  precision of every restoration (all content edits of ``repair_spinner``);
* ambiguous whole-word reversals (``obtain`` -> ``get``) within documents
  flagged spun: recall over all whole-word swaps, recall over the swaps the
  stage detected, and precision.

Clean originals: the bodies of every development corpus (AEB, dragnet,
CleanEval, CleanPortalEval gold texts) and ``fixtures/clean/``: content
edits and documents flagged spun must both be zero. Cold cost: a fresh
process reports when the synonym table is loaded and how long it takes.

Run from the project root::

    python -m benchmarks.spinner                  # development pool
    python -m benchmarks.spinner --held-out       # the held-out report
    python -m benchmarks.spinner --limit 30       # quick check
    python -m benchmarks.spinner --held-out --breakdown  # where whole-word swaps go
    python -m benchmarks.spinner --by-rule 3,4    # development reversals by rule
    python -m benchmarks.spinner --split 3,4      # development whole-word swaps by evidence
    python -m benchmarks.spinner --build-tortured # regenerate data/tortured.tsv

``--build-tortured`` derives ``src/newsclean/data/tortured.tsv`` from
``tortured-phrases-pps/tortured.csv`` (see the header it writes).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from benchmarks.common import add_data_argument, table
from benchmarks.spinsim import SpunText, Swap, draw_spinner, pool, spin
from newsclean.document import Change, Document
from newsclean.stages.language import detect
from newsclean.stages.spinner import RepairSpinner

ROOT = Path(__file__).resolve().parents[1]
TORTURED_OUT = ROOT / "src" / "newsclean" / "data" / "tortured.tsv"
CONTENT_REASONS = ("spinner_artifact", "spinner_substitution", "tortured_phrase")


# -- evaluation ---------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one kind of repair."""

    truths: int = 0
    restored: int = 0
    edits: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.restored / self.truths if self.truths else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.edits if self.edits else 1.0


def _paragraph_text(body: str) -> str:
    return "\n".join(p.strip() for p in body.split("\n") if p.strip())


_MARKUP = re.compile(r"^\s*<[phl]>\s*", re.MULTILINE)


def clean_bodies(data: Path) -> dict[str, list[str]]:
    """Return the clean gold bodies of every development corpus, by corpus."""
    gt = json.loads((data / "scrapinghub-aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    out = {"aeb": [_paragraph_text(g["articleBody"]) for _, g in sorted(gt.items())]}
    for name in ("dragnet", "cleaneval", "cleanportaleval"):
        texts = []
        for path in sorted((data / name / "gold").glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            if raw.lstrip().startswith("URL:"):
                raw = raw.lstrip().split("\n", 1)[1] if "\n" in raw.lstrip() else ""
            texts.append(_paragraph_text(_MARKUP.sub("", raw)))
        out[name] = texts
    out["fixtures/clean"] = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    ]
    return out


def _content_edits(doc: Document) -> list[tuple[int, int, str, str]]:
    return [
        (e.start, e.end, e.reason, e.after)
        for e in doc.edits
        if e.stage == "repair_spinner"
        and e.reason in CONTENT_REASONS
        and e.start is not None
        and e.end is not None
    ]


def evaluate(
    spun: SpunText, doc: Document, tallies: dict[str, Tally], detected: set[tuple[str, str]]
) -> None:
    """Check each content edit of ``doc`` against the simulator's ground truth."""
    restored: set[int] = set()
    flagged = bool(doc.get("spun"))
    for start, end, reason, after in _content_edits(doc):
        tally = tallies["all"]
        tally.edits += 1
        cs, ce = spun.to_clean(start), spun.to_clean(end)
        ok = cs is not None and ce is not None and spun.clean[cs:ce] == after
        sub = tallies["word"] if reason == "spinner_substitution" else None
        if sub is not None and flagged:
            sub.edits += 1
        if ok:
            tally.correct += 1
            if sub is not None and flagged:
                sub.correct += 1
            for i, sw in enumerate(spun.swaps):
                if start <= sw.spun_start and sw.spun_end <= end:
                    restored.add(i)
    for i, sw in enumerate(spun.swaps):
        kinds = [sw.kind]
        if sw.kind == "word" and flagged:
            kinds.append("word_in_spun")
            if (sw.original, sw.spun) in detected:
                kinds.append("word_detected")
        for kind in kinds:
            if kind == "word":
                continue
            tallies[kind].truths += 1
            tallies[kind].restored += i in restored


def _detected_swaps(doc: Document) -> set[tuple[str, str]]:
    info = doc.extra.get("spinner", {})
    return {(o, s) for o, s, _ in info.get("swaps", [])}


def simulate(
    bodies: list[str],
    pairs: tuple[tuple[str, str], ...],
    n_pairs: int,
    seed: int,
    rate: float,
    stage: RepairSpinner,
) -> tuple[dict[str, Tally], int, int]:
    """Spin each body with its own spinner, repair it; return the tallies, flagged and spun counts."""
    tallies = {k: Tally() for k in ("all", "nonword", "inflected", "word", "word_in_spun", "word_detected")}
    flagged = spun_docs = 0
    for i, body in enumerate(bodies):
        spinner = draw_spinner(pairs, n_pairs, seed * 100_003 + i)
        s = spin(body, spinner, rate=rate, seed=seed * 100_003 + i)
        if not s.swaps:
            continue
        spun_docs += 1
        doc = stage(Document.from_text(s.text))
        flagged += bool(doc.get("spun"))
        evaluate(s, doc, tallies, _detected_swaps(doc))
    return tallies, flagged, spun_docs


def _why_missed(spun: SpunText, sw: Swap, detected: bool, candidate_spans: set[tuple[int, int]]) -> str:
    from newsclean.stages.spinner_swaps import MIN_SPUN_CHARS, load_synonyms

    if " " in sw.spun:
        if not detected and (sw.spun_start, sw.spun_end) in candidate_spans:
            return "phrase below the pair model's threshold"
        return "multi-word synonym (not a candidate)"
    if sw.original in spun.text:
        return "original survives in lower case"
    if detected:
        return "below the revealed-swap model's threshold"
    if " " in sw.original or sw.original not in load_synonyms().by_spun.get(sw.spun, ()):
        return "pair not in the shipped synonym table"
    if len(sw.spun) < MIN_SPUN_CHARS or (sw.spun_start, sw.spun_end) not in candidate_spans:
        return "not a context candidate"
    return "below the pair model's threshold"


def breakdown(data: Path, seed: int, n_pairs: int, held_out: bool, rate: float) -> None:
    """Print where the whole-word swaps of flagged documents go: reverted, or why not."""
    from newsclean.stages import spinner_context

    english = [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]
    pairs = pool(held_out)
    stage = RepairSpinner()
    counts: dict[tuple[str, str], int] = {}
    for i, body in enumerate(english):
        s = spin(body, draw_spinner(pairs, n_pairs, seed * 100_003 + i), rate=rate, seed=seed * 100_003 + i)
        doc = stage(Document.from_text(s.text))
        if not s.swaps or not doc.get("spun"):
            continue
        detected = _detected_swaps(doc)
        reverted = {(a, b): after for a, b, r, after in _content_edits(doc) if r == "spinner_substitution"}
        done = {(e.start, e.end) for e in doc.edits if e.reason == "spinner_artifact"}
        spans = {(c.start, c.end) for c in spinner_context.candidates(s.text, "en", skip=done)}
        for sw in s.swaps:
            if sw.kind != "word":
                continue
            group = "revealed swap" if (sw.original, sw.spun) in detected else "no wreckage"
            after = reverted.get((sw.spun_start, sw.spun_end))
            if after == sw.original:
                why = "reverted"
            elif after is not None:
                why = "reverted to another word"
            else:
                why = _why_missed(s, sw, group == "revealed swap", spans)
            counts[(group, why)] = counts.get((group, why), 0) + 1
    total = sum(counts.values())
    print(
        f"Whole-word swaps in flagged documents ({'HELD-OUT' if held_out else 'development'} pool, "
        f"{n_pairs} pairs, rate {rate}, seed {seed}): {total}\n"
    )
    rows = [
        [g, w, n, f"{n / total:.1%}"]
        for (g, w), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1]))
    ]
    print(table(rows, ["swap", "outcome", "occurrences", "share"]))


def sweep(data: Path, seed: int, n_pairs: int, name: str, values: tuple[float, ...]) -> None:
    """Print non-word recall and precision for several values of a ``spinner_swaps`` threshold.

    Development pool only; the pair model is left out (it decides whole words,
    not non-words), so the precision is that of the non-word repairs and the
    revealed-swap reversals.
    """
    from newsclean.stages import spinner_swaps

    english = [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]
    rows = []
    saved = getattr(spinner_swaps, name)
    try:
        for value in values:
            setattr(spinner_swaps, name, value)
            row: list[object] = [value]
            for rate in (1.0, 0.5):
                t, _, _ = simulate(english, pool(False), n_pairs, seed, rate, RepairSpinner(context=False))
                wrong = t["all"].edits - t["all"].correct
                row += [
                    f"{t['nonword'].recall:.1%}",
                    f"{t['all'].precision:.2%} ({wrong} of {t['all'].edits})",
                ]
            rows.append(row)
    finally:
        setattr(spinner_swaps, name, saved)
    print(f"Development pool, seed {seed}: {name}\n")
    print(table(rows, [name, "recall 1.0", "precision 1.0", "recall 0.5", "precision 0.5"]))


def _tagging_rules(tags: dict[tuple[int, int], str]) -> contextlib.ExitStack:
    """Patch the three reversal tiers of ``repair_spinner`` so that each reversal's span is tagged.

    Tags: ``table`` (the curated table), ``sure`` (a revealed swap reverted
    without the model), ``revealed`` (the revealed-swap model), ``pair`` (the
    pair and phrase models). The decisions are the stage's own; only the
    bookkeeping is added.
    """
    from newsclean.stages import spinner, spinner_pairs, spinner_revealed

    table_rule, pair_rule = spinner._find_reversals, spinner_pairs.pair_context_reversals

    def table(*args: Any, **kwargs: Any) -> list[Change]:
        out = table_rule(*args, **kwargs)
        tags.update({(c.start, c.end): "table" for c in out})
        return out

    def revealed(text: str, lowered: str, swaps: Any, lang: str, *, skip: Any = ()) -> list[Change]:
        if not swaps:
            return []
        model = spinner_revealed.load_revealed_model()
        out = []
        for c in spinner_revealed.revealed_candidates(text, lowered, swaps, lang, skip=skip):
            if c.sure or model.probability(c.features) >= model.threshold:
                tags[(c.start, c.end)] = "sure" if c.sure else "revealed"
                out.append(Change(c.start, c.end, c.back, "spinner_substitution"))
        return out

    def pairs(*args: Any, **kwargs: Any) -> list[Change]:
        out = pair_rule(*args, **kwargs)
        tags.update({(c.start, c.end): "pair" for c in out})
        return out

    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(spinner, "_find_reversals", table))
    stack.enter_context(mock.patch.object(spinner_revealed, "revealed_reversals", revealed))
    stack.enter_context(mock.patch.object(spinner_pairs, "pair_context_reversals", pairs))
    return stack


def by_rule(data: Path, seeds: list[int], n_pairs: int, rates: list[float]) -> None:
    """Print the ambiguous reversals of flagged documents by the rule that made them (development pool)."""
    english = [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]
    pairs = pool(False)
    stage = RepairSpinner()
    rules = ("table", "sure", "revealed", "pair")
    rows = []
    for rate in rates:
        for seed in seeds:
            right = dict.fromkeys(rules, 0)
            wrong = dict.fromkeys(rules, 0)
            for i, body in enumerate(english):
                spinner_seed = seed * 100_003 + i
                s = spin(body, draw_spinner(pairs, n_pairs, spinner_seed), rate=rate, seed=spinner_seed)
                tags: dict[tuple[int, int], str] = {}
                with _tagging_rules(tags):
                    doc = stage(Document.from_text(s.text))
                if not s.swaps or not doc.get("spun"):
                    continue
                for start, end, reason, after in _content_edits(doc):
                    if reason != "spinner_substitution":
                        continue
                    cs, ce = s.to_clean(start), s.to_clean(end)
                    ok = cs is not None and ce is not None and s.clean[cs:ce] == after
                    (right if ok else wrong)[tags[(start, end)]] += 1
            n = sum(right.values()) + sum(wrong.values())
            rows.append(
                [rate, seed, n, f"{sum(right.values()) / max(1, n):.1%}"]
                + [f"{right[r]}/{right[r] + wrong[r]}" for r in rules]
            )
    print(
        f"Ambiguous reversals in flagged documents by rule (development pool, {n_pairs} pairs), right/all\n"
    )
    print(table(rows, ["rate", "seed", "reversals", "precision", *rules]))


#: Evidence a document gives for the swap behind a whole-word replacement, most direct first.
EVIDENCE = (
    "revealed (swap applied from its non-words)",
    "non-word of the same swap, swap not applied",
    "inflected forms only (a real word glued)",
    "no trace (whole words only)",
)
#: Bins of the expected count of a no-trace swap's original in a text of the document's length.
EXPECTED_BINS = (0.1, 0.3, 1.0, float("inf"))


def _evidence(
    key: tuple[str, str], inferred: set[tuple[str, str]], candidates: set[tuple[str, str]], kinds: set[str]
) -> str:
    if key in inferred:
        return EVIDENCE[0]
    if key in candidates or "nonword" in kinds:
        return EVIDENCE[1]
    return EVIDENCE[2] if "inflected" in kinds else EVIDENCE[3]


def split(data: Path, seeds: list[int], n_pairs: int, rates: list[float]) -> None:
    """Print where the whole-word swaps of flagged documents go, by the evidence the document gives.

    Development pool only. Each whole-word replacement the simulator made in a
    document the stage flags as spun is grouped by what the document shows of
    its swap (:data:`EVIDENCE`): the stage applied the swap from its non-words;
    a non-word of the same swap is in the text but the swap was not applied
    (ambiguous, or no explanation found); the swap only left real words glued
    to others ("obtains" for "gets"); or it left no trace but whole words. For
    each group: reverted right, reverted to another word, and the misses whose
    original still occurs in lower case (inside any word, the spinner's own
    output included; the stage reads some of those as missing), that are phrases,
    or that a model left under its threshold. A second table splits the
    no-trace swaps by the expected count of their original in a text of the
    document's length (how telling its absence is).
    """
    from wordfreq import zipf_frequency

    english = [b for b in clean_bodies(data)["aeb"] if detect(b) == "en"]
    pairs = pool(False)
    stage = RepairSpinner()
    for rate in rates:
        outcome: dict[str, dict[str, int]] = {g: {} for g in EVIDENCE}
        by_expected: dict[float, list[int]] = {b: [0, 0] for b in EXPECTED_BINS}
        total = 0
        for seed in seeds:
            for i, body in enumerate(english):
                spinner_seed = seed * 100_003 + i
                s = spin(body, draw_spinner(pairs, n_pairs, spinner_seed), rate=rate, seed=spinner_seed)
                doc = stage(Document.from_text(s.text))
                if not s.swaps or not doc.get("spun"):
                    continue
                found = stage.find(s.text, "en")
                inferred = {(x.original, x.spun) for x in found.inferred}
                candidates = {(x.original, x.spun) for x in found.candidates}
                kinds: dict[tuple[str, str], set[str]] = {}
                for sw in s.swaps:
                    kinds.setdefault((sw.original, sw.spun), set()).add(sw.kind)
                reverted = {
                    (a, b): after for a, b, r, after in _content_edits(doc) if r == "spinner_substitution"
                }
                n_words = len(s.text.split())
                for sw in s.swaps:
                    if sw.kind != "word":
                        continue
                    total += 1
                    key = (sw.original, sw.spun)
                    group = _evidence(key, inferred, candidates, kinds[key])
                    after = reverted.get((sw.spun_start, sw.spun_end))
                    if after == sw.original:
                        why = "reverted"
                    elif after is not None:
                        why = "reverted to another word"
                    elif sw.original in s.text:
                        why = "missed: original in lower case"
                    elif " " in sw.spun:
                        why = "missed: phrase"
                    else:
                        why = "missed: under a threshold"
                    outcome[group][why] = outcome[group].get(why, 0) + 1
                    if group == EVIDENCE[3]:
                        expected = n_words * 10 ** (zipf_frequency(sw.original, "en") - 9.0)
                        b = next(x for x in EXPECTED_BINS if expected < x)
                        by_expected[b][0] += 1
                        by_expected[b][1] += why == "reverted"
        whys = (
            "reverted",
            "reverted to another word",
            "missed: original in lower case",
            "missed: phrase",
            "missed: under a threshold",
        )
        rows = []
        for g in EVIDENCE:
            n = sum(outcome[g].values())
            rows.append(
                [g, n, f"{n / max(1, total):.1%}"]
                + [f"{outcome[g].get(w, 0)} ({outcome[g].get(w, 0) / max(1, n):.1%})" for w in whys]
            )
        print(
            f"\nWhole-word swaps in flagged documents by the evidence for their swap (development pool, "
            f"{n_pairs} pairs, rate {rate}, seeds {','.join(map(str, seeds))}): {total}\n"
        )
        print(table(rows, ["evidence", "occurrences", "share", *whys]))
        low = 0.0
        erows = []
        for b in EXPECTED_BINS:
            n, r = by_expected[b]
            erows.append([f"[{low:g}, {b:g})", n, f"{r / max(1, n):.1%}"])
            low = b
        print("\nNo-trace swaps by the expected count of their original in a text of the document's length\n")
        print(table(erows, ["expected count", "occurrences", "reverted"]))


#: The values each sweep tries: ``MIN_ZIPF_MARGIN`` 99 never breaks a tie;
#: ``PARTIAL_SHARE`` 0 always reads a spinner as partial, above 1 never;
#: ``MIN_RIVAL_MARGIN`` 99 never makes a lone non-word ambiguous by its rival's frequency.
SWEEPS = {
    "margin": ("MIN_ZIPF_MARGIN", (99.0, 0.0, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0)),
    "partial": ("PARTIAL_SHARE", (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 2.0)),
    "rival": ("MIN_RIVAL_MARGIN", (99.0, 0.5, 0.8, 1.0, 1.5, 2.0)),
}


def run(data: Path, rates: list[float], limit: int | None, seed: int, n_pairs: int, held_out: bool) -> None:
    bodies = clean_bodies(data)
    # An English thesaurus spins English text: other-language bodies are left out.
    english = [b for b in bodies["aeb"] if detect(b) == "en"]
    spun_bodies = english[:limit] if limit else english
    pairs = pool(held_out)
    stage = RepairSpinner()
    print(
        f"Spun English AEB bodies ({len(spun_bodies)} documents), each by its own spinner of {n_pairs} pairs "
        f"drawn from the {'HELD-OUT' if held_out else 'development'} pool ({len(pairs)} pairs), seed {seed}\n"
    )
    rows = []
    for rate in rates:
        started = time.perf_counter()
        tallies, flagged, spun_docs = simulate(spun_bodies, pairs, n_pairs, seed, rate, stage)
        elapsed = time.perf_counter() - started
        t = tallies
        rows.append(
            [
                rate,
                f"{flagged}/{spun_docs} ({flagged / max(1, spun_docs):.1%})",
                t["nonword"].truths,
                f"{t['nonword'].recall:.1%}",
                f"{t['all'].precision:.1%} ({t['all'].edits - t['all'].correct}/{t['all'].edits} wrong)",
                t["word_in_spun"].truths,
                f"{t['word_in_spun'].recall:.1%}",
                f"{t['word_detected'].recall:.1%} of {t['word_detected'].truths}",
                f"{t['word'].precision:.1%} of {t['word'].edits}",
                f"{t['inflected'].recall:.1%} of {t['inflected'].truths}",
                round(elapsed, 1),
            ]
        )
    print(
        table(
            rows,
            [
                "rate",
                "flagged spun",
                "non-words",
                "non-word recall",
                "precision (all restorations)",
                "whole-word swaps (flagged docs)",
                "ambiguous recall",
                "ambiguous recall, detected swaps",
                "ambiguous precision",
                "inflected recall",
                "seconds",
            ],
        )
    )

    # Clean originals: every development corpus and the clean fixtures.
    crows = []
    for name, texts in bodies.items():
        edits = marked = 0
        examples: list[str] = []
        for body in texts:
            doc = stage(Document.from_text(body))
            found = _content_edits(doc)
            edits += len(found)
            marked += bool(doc.get("spun"))
            examples += [f"{body[s:e]!r}->{a!r}" for s, e, _, a in found[:2]]
        crows.append([name, len(texts), edits, marked, " ".join(examples[:4])])
    total = sum(r[1] for r in crows)
    print(f"\nClean originals ({total} documents)\n")
    print(table(crows, ["corpus", "documents", "content edits", "flagged spun", "examples"]))
    print("\nCold cost (fresh process)\n")
    print(cold_cost(bodies["aeb"][0]))


_COLD = """
import sys, time
sys.path.insert(0, {src!r})
t = time.perf_counter()
import newsclean
from newsclean.stages import spinner_swaps
t_import = time.perf_counter() - t
t = time.perf_counter(); newsclean.clean({clean!r}); t_clean = time.perf_counter() - t
loaded_clean = spinner_swaps.load_synonyms.cache_info().currsize
wordfreq_clean = "wordfreq" in sys.modules
from newsclean.stages import spinner_ngrams as _ng
ngrams_clean = bool(_ng.load_ngrams.cache_info().currsize)
t = time.perf_counter(); newsclean.clean({spun!r}); t_spun = time.perf_counter() - t
idx = spinner_swaps.load_synonyms()
print(f"import newsclean: {{t_import*1000:.0f}} ms; first clean() on a clean AEB body: {{t_clean*1000:.0f}} ms, "
      f"synonym table loaded: {{bool(loaded_clean)}}, wordfreq loaded: {{wordfreq_clean}}")
print(f"then clean() on a spun body: {{t_spun*1000:.0f}} ms; synonym table ({{idx.pairs}} pairs) load "
      f"time {{idx.load_seconds*1000:.0f}} ms")
from newsclean.stages import spinner_context
ctx_loaded = bool(spinner_context.load_bigrams.cache_info().currsize)
spinner_context.load_bigrams.cache_clear()
t = time.perf_counter(); spinner_context.load_bigrams(); t_bi = time.perf_counter() - t
from newsclean.stages import spinner_pairs
spinner_pairs.load_pair_model.cache_clear()
spinner_pairs.load_phrase_model.cache_clear()
t = time.perf_counter(); spinner_pairs.load_pair_model(); spinner_pairs.load_phrase_model(); t_pm = time.perf_counter() - t
print(f"context model loaded by the spun body: {{ctx_loaded}}; reload: bigram counts {{t_bi*1000:.0f}} ms, "
      f"pair and phrase trees {{t_pm*1000:.0f}} ms")
from newsclean.stages import spinner_ngrams
if spinner_ngrams.load_ngrams.cache_info().currsize:
    print(f"word-pair table loaded by the spun body in {{spinner_ngrams.load_ngrams().load_seconds*1000:.0f}} ms "
          f"(not by the clean body: {{not ngrams_clean}})")
else:
    spinner_ngrams.load_ngrams.cache_clear()
    print(f"word-pair table not loaded by the spun body; reload {{spinner_ngrams.load_ngrams().load_seconds*1000:.0f}} ms")
"""


def cold_cost(clean: str) -> str:
    """Time a fresh process: import, a clean body, then a spun one (loads the synonyms)."""
    spinner = draw_spinner(pool(False), 100, 7)
    spun = spin(clean, spinner, rate=1.0, seed=7).text
    code = _COLD.format(src=str(ROOT / "src"), clean=clean, spun=spun)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() + "\n(timings on a shared machine are noisy)"


# -- building data/tortured.tsv ----------------------------------------------------------

_QUOTED = re.compile(r'"([^"]+)"')
_ABBREV = re.compile(r"\s*\(([A-Z][A-Za-z0-9\-]*)\)$")
_CANONICAL = re.compile(r"[A-Za-z][A-Za-z0-9 '\-]*")
_PROXIMITY = re.compile(r'"~\d')

TORTURED_HEADER = """\
# Tortured phrases for newsclean's repair_spinner stage (report; repair on request).
#
# Derived from tortured-phrases-pps/tortured.csv, an export of the Problematic
# Paper Screener's tortured-phrase detectors by Guillaume Cabanac, Cyril Labbé
# and Alexander Magazinov (repository hahuyhoang411/tortured-phrase @ d096655,
# MIT licence). Credit them when reusing this list.
# Regenerate with:  .venv/bin/python -m benchmarks.spinner --build-tortured
#
# How rows were derived from the source's Dimensions query strings:
# - the tortured phrase is the FIRST quoted phrase of the query;
# - proximity queries ("a b"~10) are dropped: their words need not be adjacent;
# - single-word phrases are kept only with an AND term (e.g. "bosom" needs "breast");
# - AND terms become `requires` (one of them must occur in the document; OR
#   alternatives are joined by |), NOT terms become `excludes`;
# - `canonical` is the expected phrase when it is an exact phrase (a trailing
#   acronym in brackets removed); descriptions such as "rythm pattern (?)" leave
#   it empty: such rows are reported, never repaired;
# - a phrase listed twice keeps its first (most frequent) row.
# Most rows are scientific vocabulary; a few are general English
# ("as pursues" -> "as follows", "counterfeit news" -> "fake news").
#
# Columns: tortured, canonical, requires, excludes, expected (the source's text,
# left empty when it equals canonical), papers (hit count in Dimensions, per the source)
"""


def _terms(clause: str) -> list[str]:
    quoted = _QUOTED.findall(clause)
    if quoted:
        return [" ".join(q.split()) for q in quoted]
    bare = clause.strip(" ()")
    return [bare] if bare and re.fullmatch(r"[\w\- ]+", bare) else []


def build_tortured(data: Path, out: Path = TORTURED_OUT) -> int:
    """Write the tortured-phrase table derived from the PPS export; return the row count."""
    src = data / "tortured-phrases-pps" / "tortured.csv"
    seen: set[str] = set()
    lines = [TORTURED_HEADER]
    with src.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            query = row["tortured_phrase"]
            if _PROXIMITY.search(query):
                continue
            phrases = _QUOTED.findall(query)
            if not phrases:
                continue
            tortured = " ".join(phrases[0].split())
            rest = query.split(f'"{phrases[0]}"', 1)[1]
            requires: list[str] = []
            excludes: list[str] = []
            for op, clause in re.findall(r"\b(AND|NOT)\b((?:(?!\b(?:AND|NOT)\b).)*)", rest):
                (requires if op == "AND" else excludes).extend(_terms(clause))
            if len(tortured.split()) < 2 and not requires:
                continue
            key = tortured.lower()
            if key in seen:
                continue
            seen.add(key)
            expected = " ".join(row["expected_phrase"].split())
            canonical = _ABBREV.sub("", expected)
            if not _CANONICAL.fullmatch(canonical):
                canonical = ""
            shown = "" if expected == canonical else expected
            cells = [tortured, canonical, "|".join(requires), "|".join(excludes), shown, row["num_papers"]]
            lines.append("\t".join(c.replace("\t", " ") for c in cells) + "\n")
    out.write_text("".join(lines), encoding="utf-8")
    return len(lines) - 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N bodies")
    parser.add_argument("--rates", default="1.0,0.5", help="comma-separated spin rates")
    parser.add_argument("--seed", type=int, default=0, help="seed of the simulated spinners")
    parser.add_argument("--pairs", type=int, default=400, help="swap pairs per simulated spinner")
    parser.add_argument("--held-out", action="store_true", help="draw pairs from the held-out pool")
    parser.add_argument(
        "--sweep",
        choices=sorted(SWEEPS),
        default=None,
        help="sweep MIN_ZIPF_MARGIN (margin), PARTIAL_SHARE (partial) or MIN_RIVAL_MARGIN (rival) on the development pool and exit",
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="where the whole-word swaps go (first rate only) and exit"
    )
    parser.add_argument(
        "--by-rule",
        default=None,
        metavar="SEEDS",
        help="ambiguous reversals by rule on the development pool for these comma-separated seeds, and exit",
    )
    parser.add_argument(
        "--split",
        default=None,
        metavar="SEEDS",
        help="whole-word swaps of flagged documents by the evidence for their swap, on the development pool "
        "for these comma-separated seeds, and exit",
    )
    parser.add_argument("--build-tortured", action="store_true", help="regenerate data/tortured.tsv and exit")
    args = parser.parse_args()
    if args.split:
        split(
            args.data,
            [int(x) for x in args.split.split(",")],
            args.pairs,
            [float(r) for r in args.rates.split(",")],
        )
        return
    if args.by_rule:
        rates = [float(r) for r in args.rates.split(",")]
        by_rule(args.data, [int(x) for x in args.by_rule.split(",")], args.pairs, rates)
        return
    if args.build_tortured:
        n = build_tortured(args.data)
        print(f"wrote {n} rows to {TORTURED_OUT}")
        return
    if args.breakdown:
        breakdown(args.data, args.seed, args.pairs, args.held_out, float(args.rates.split(",")[0]))
        return
    if args.sweep:
        name, values = SWEEPS[args.sweep]
        sweep(args.data, args.seed, args.pairs, name, values)
        return
    run(
        args.data, [float(r) for r in args.rates.split(",")], args.limit, args.seed, args.pairs, args.held_out
    )


if __name__ == "__main__":
    main()
