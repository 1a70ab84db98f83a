"""Benchmark of spinner repair: simulated spinning of real article bodies.

The clean bodies of the Article Extraction Benchmark (181 hand-annotated
articles, ``scrapinghub-aeb/ground-truth.json``) are spun by
``benchmarks/spinsim.py`` at several rates with the packaged substitution
table; ``repair_spinner`` then runs on each spun body and every edit is checked
against the simulator's ground truth. Printed:

* per rate: documents detected as spun, recall and precision of artifact
  repairs (``spinner_artifact``) and of ambiguous reversals
  (``spinner_substitution``, counted over all spun documents, detected or not),
  and the ambiguous recall per original word;
* on the 181 unspun originals: spinner edits, documents marked spun, the
  highest spin score, doubled-word edits and tortured-phrase warnings.

Run from the project root::

    .venv/bin/python -m benchmarks.spinner                 # full run
    .venv/bin/python -m benchmarks.spinner --limit 30      # quick check
    .venv/bin/python -m benchmarks.spinner --build-tortured  # regenerate data/tortured.tsv

``--build-tortured`` derives ``src/newsclean/data/tortured.tsv`` from
``tortured-phrases-pps/tortured.csv`` (see the header it writes).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import add_data_argument, table
from benchmarks.spinsim import SpunText, spin
from newsclean.document import Document
from newsclean.stages.spinner import RepairSpinner, find_tortured, remove_doubled_words, spin_score

ROOT = Path(__file__).resolve().parents[1]
TORTURED_OUT = ROOT / "src" / "newsclean" / "data" / "tortured.tsv"


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


def evaluate(spun: SpunText, doc: Document, tallies: dict[str, Tally], per_word: Counter[str]) -> None:
    """Check each spinner edit of ``doc`` against the simulator's ground truth."""
    kinds = {"spinner_artifact": "artifact", "spinner_substitution": "word"}
    restored: set[int] = set()
    for e in doc.edits:
        if e.stage != "repair_spinner" or e.reason not in kinds or e.start is None or e.end is None:
            continue
        tally = tallies[kinds[e.reason]]
        tally.edits += 1
        cs, ce = spun.to_clean(e.start), spun.to_clean(e.end)
        ok = cs is not None and ce is not None and spun.clean[cs:ce] == e.after
        if ok:
            tally.correct += 1
            for i, sw in enumerate(spun.swaps):
                if e.start <= sw.spun_start and sw.spun_end <= e.end:
                    restored.add(i)
    for i, sw in enumerate(spun.swaps):
        tallies[sw.kind].truths += 1
        if sw.kind == "word":
            per_word[f"{sw.original} total"] += 1
        if i in restored:
            tallies[sw.kind].restored += 1
            if sw.kind == "word":
                per_word[f"{sw.original} restored"] += 1


def run(data: Path, rates: list[float], limit: int | None, seed: int, reversal: str = "strict") -> None:
    gt = json.loads((data / "scrapinghub-aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [_paragraph_text(g["articleBody"]) for _, g in sorted(gt.items())]
    if limit:
        bodies = bodies[:limit]
    repair_spinner = RepairSpinner(reversal=reversal)  # type: ignore[arg-type]

    rows = []
    word_rows = []
    for rate in rates:
        tallies = {"artifact": Tally(), "word": Tally()}
        in_detected = {"artifact": Tally(), "word": Tally()}
        per_word: Counter[str] = Counter()
        detected = 0
        spun_docs = 0
        for i, body in enumerate(bodies):
            s = spin(body, rate=rate, seed=seed * 100_003 + i)
            if not s.swaps:
                continue
            spun_docs += 1
            doc = repair_spinner(Document.from_text(s.text))
            detected += bool(doc.get("spun"))
            evaluate(s, doc, tallies, per_word)
            if doc.get("spun"):
                evaluate(s, doc, in_detected, Counter())
        a, w = tallies["artifact"], tallies["word"]
        rows.append(
            [
                rate,
                f"{detected}/{spun_docs}",
                a.truths,
                a.recall,
                a.precision,
                w.truths,
                w.recall,
                w.precision,
                in_detected["word"].recall,
            ]
        )
        originals = sorted({k.rsplit(" ", 1)[0] for k in per_word})
        word_rows.append(
            [rate]
            + [
                f"{per_word[o + ' restored']}/{per_word[o + ' total']}"
                f" ({per_word[o + ' restored'] / max(1, per_word[o + ' total']):.0%})"
                for o in originals
            ]
        )
    print(f"Spun AEB bodies ({len(bodies)} documents), seed {seed}, reversal={reversal}\n")
    print(
        table(
            rows,
            [
                "rate",
                "detected spun",
                "artifacts",
                "artifact recall",
                "artifact precision",
                "ambiguous",
                "ambiguous recall",
                "ambiguous precision",
                "ambiguous recall (detected docs)",
            ],
        )
    )
    print("\nAmbiguous reversals restored, per original word\n")
    print(table(word_rows, ["rate", *originals]))

    # Clean controls: the unspun originals.
    spinner_edits = spun_marked = doubled = tortured_docs = 0
    top = 0.0
    tortured_hits: Counter[str] = Counter()
    for body in bodies:
        doc = repair_spinner(Document.from_text(body))
        spinner_edits += sum(1 for e in doc.edits if e.stage == "repair_spinner" and e.before != e.after)
        spun_marked += bool(doc.get("spun"))
        top = max(top, spin_score(body).score)
        doubled += len(remove_doubled_words(Document.from_text(body)).edits)
        hits = find_tortured(body)
        tortured_docs += bool(hits)
        tortured_hits.update(body[s:e].lower() for s, e, _ in hits)
    print(f"\nClean originals ({len(bodies)} documents)\n")
    print(
        table(
            [[spinner_edits, spun_marked, round(top, 2), doubled, tortured_docs]],
            [
                "spinner edits",
                "marked spun",
                "highest spin score",
                "doubled-word edits",
                "docs with tortured warning",
            ],
        )
    )
    if tortured_hits:
        print("tortured-phrase hits on clean text:", dict(tortured_hits.most_common(10)))


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
    parser.add_argument("--rates", default="0.25,0.5,1.0", help="comma-separated spin rates")
    parser.add_argument("--seed", type=int, default=0, help="seed of the simulated spinner")
    parser.add_argument(
        "--reversal", choices=["strict", "broad"], default="strict", help="RepairSpinner option"
    )
    parser.add_argument("--build-tortured", action="store_true", help="regenerate data/tortured.tsv and exit")
    args = parser.parse_args()
    if args.build_tortured:
        n = build_tortured(args.data)
        print(f"wrote {n} rows to {TORTURED_OUT}")
        return
    run(args.data, [float(r) for r in args.rates.split(",")], args.limit, args.seed, args.reversal)


if __name__ == "__main__":
    main()
