"""Undo article-spinner substitutions: the ``repair_spinner`` stage.

An article spinner disguises a copied story by swapping words for
"synonyms" from its own list, as a find-and-replace over raw lower-case
substrings. Whenever the word it replaces sits inside a longer word, the
swap leaves wreckage: with "get -> obtain", "together" becomes
"toobtainher". :class:`RepairSpinner` (registered as ``repair_spinner``)
works in three tiers, from certain to cautious:

1. **Artifacts** (reason ``spinner_artifact``). Non-words explained by a swap
   (``stages/spinner_swaps.py``): a synonym inside the token, put back to
   the word it stands for, gives a frequent word, and the same swap explains
   other non-words of the document. Swaps of the curated table
   (``data/spinner.tsv``, ``stages/spinner_table.py``) need one artifact.
2. **Spin detection** (field ``spun``, a ``spin_score`` decision, details in
   ``extra["spinner"]``). A document is spun from its artifacts: a swap
   supported by several non-words, enough non-words explained, more
   lower-case non-words, or non-words of any case, than clean text of its
   length holds (fitted Poisson tails, ``data/spinner_flag.json``), or table artifacts with a spin score
   over the threshold. In a spun document a
   swap explaining one non-word is applied too, unless another swap
   explains it as well.
3. **Ambiguous reversals** (reason ``spinner_substitution``), only in spun
   documents: the table's whole-word forms where its context conditions
   allow; the synonyms of swaps revealed by non-words, where a fitted model
   finds them to be the spinner's (``stages/spinner_revealed.py``); and
   whole words of swaps without wreckage, decided per ``(word, original)``
   pair of the document (``stages/spinner_pairs.py``) over the context
   model's candidates (``stages/spinner_context.py``).

Tortured phrases (``stages/tortured.py``) are reported as a warning, and
replaced when ``Options.repair_tortured`` is set (reason ``tortured_phrase``).
Doubled words are a stage of their own (``stages/doubled_words.py``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar, Literal, NamedTuple

from newsclean.document import Change, Document
from newsclean.registry import register
from newsclean.stages._text import english, lower, match_case
from newsclean.stages.doubled_words import GRAMMATICAL_DOUBLES, remove_doubled_words
from newsclean.stages.spinner_chain import chained_repairs
from newsclean.stages.spinner_swaps import (
    MIN_SPUN_NONWORDS,
    MIN_SUPPORT,
    InferredSwap,
    NonwordExcess,
    infer_swaps,
    nonword_candidates,
    nonword_excess,
    spun_evidence,
)
from newsclean.stages.spinner_table import (
    DEFAULT_THRESHOLD,
    SpinScore,
    Substitution,
    _find_artifacts,
    _find_reversals,
    _Model,
    _model,
    _packaged_model,
    _spin_score,
    load_substitutions,
    spin_score,
)
from newsclean.stages.tortured import (
    TorturedPhrase,
    find_tortured,
    find_tortured_lowered,
    load_tortured,
    text_runs,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "GRAMMATICAL_DOUBLES",
    "RepairSpinner",
    "SpinScore",
    "Substitution",
    "TorturedPhrase",
    "find_tortured",
    "load_substitutions",
    "load_tortured",
    "remove_doubled_words",
    "repair_spinner",
    "spin_score",
]


# -- the stage ---------------------------------------------------------------------------


class Findings(NamedTuple):
    """What :meth:`RepairSpinner.find` found in a text, before any reversal."""

    lowered: str
    #: The distinct runs of ``lowered`` (:func:`newsclean.stages.tortured.text_runs`).
    runs: set[str]
    model: _Model
    artifacts: list[Change]
    candidates: list[InferredSwap]
    inferred: list[InferredSwap]
    inferred_changes: list[Change]
    score: SpinScore
    score_spun: bool
    spun: bool
    #: The count of explained non-words when that count alone made the document
    #: spun (:func:`~newsclean.stages.spinner_swaps.nonword_excess`), else None.
    nonword_tail: NonwordExcess | None = None


def _merge(*groups: list[Change]) -> list[Change]:
    """Keep changes from earlier groups where spans overlap (n log n)."""
    starts: list[int] = []
    ends: list[int] = []
    out: list[Change] = []
    for group in groups:
        for c in group:
            i = bisect.bisect_right(starts, c.start)
            if i > 0 and ends[i - 1] > c.start:
                continue  # overlaps the accepted change before it
            if i < len(starts) and starts[i] < c.end:
                continue  # overlaps the accepted change after it
            starts.insert(i, c.start)
            ends.insert(i, c.end)
            out.append(c)
    return out


@register("repair_spinner")
@dataclass(frozen=True, slots=True, kw_only=True)
class RepairSpinner:
    """Repair spinner artifacts, detect spun copies, revert their swaps, report tortured phrases.

    Args:
        threshold: Spin score (nats) from which a document counts as spun.
        table: Path of a substitution table in the ``spinner.tsv`` format, or
            None for the packaged one.
        reversal: ``strict`` (default) reverts "following" only where "after"
            is the sole idiomatic reading; ``broad`` also before determiners and
            numbers ("following the vote"), which restores more of a spun copy
            but also turns some original, formal "following the" into "after".
        context: In spun documents, also revert whole words whose
            ``(word, original)`` pair the fitted pair model finds to be a
            spinner's swap (``stages/spinner_pairs.py``); False keeps only
            reversals of swaps with wreckage in the document.

    >>> from newsclean.document import Document
    >>> doc = repair_spinner(Document.from_text("We met in the followingnoon."))
    >>> doc.text
    'We met in the afternoon.'
    """

    name: ClassVar[str] = "repair_spinner"
    requires: ClassVar[tuple[str, ...]] = ("language",)
    provides: ClassVar[tuple[str, ...]] = ("spun",)

    threshold: float = DEFAULT_THRESHOLD
    table: str | None = None
    reversal: Literal["strict", "broad"] = "strict"
    context: bool = True

    def __post_init__(self) -> None:
        if self.reversal not in ("strict", "broad"):
            raise ValueError(f"reversal must be 'strict' or 'broad', got {self.reversal!r}")

    def find(self, text: str, lang: str) -> Findings:
        """Find the artifacts and swaps of ``text`` and decide whether it is spun (no reversals yet)."""
        model = _packaged_model() if self.table is None else _model(load_substitutions(self.table))
        lowered = lower(text)
        # One set of the text's runs serves the non-word scan and the tortured phrases.
        runs = text_runs(lowered)
        artifacts = _find_artifacts(text, model, lang, lowered)
        candidates = [
            s for s in infer_swaps(text, lang, tokens=runs) if (s.original, s.spun) not in model.pairs
        ]
        spun_inferred = spun_evidence(candidates)
        tail = None if spun_inferred else nonword_excess(candidates, text)
        spun_inferred = spun_inferred or tail is not None
        supported = [s for s in candidates if s.supported]
        n_inferred = sum(len(s.artifacts) for s in (candidates if spun_inferred else supported))
        score = _spin_score(text, model, len(artifacts) + n_inferred)
        score_spun = score.is_spun(self.threshold)
        spun = score_spun or spun_inferred
        # In a spun document a swap explaining a single non-word is applied too.
        # A lone non-word that another swap explains as well is left as it is.
        inferred = [s for s in candidates if s.supported or not s.ambiguous] if spun else supported
        inferred_changes = [
            Change(a.start, a.end, a.repaired, "spinner_artifact") for s in inferred for a in s.artifacts
        ]
        if inferred:
            inferred_changes += [
                Change(a.start, a.end, a.repaired, "spinner_artifact")
                for a in chained_repairs(
                    nonword_candidates(text, lang, lowered=lowered, tokens=runs), inferred, lang
                )
            ]
        return Findings(
            lowered,
            runs,
            model,
            artifacts,
            candidates,
            inferred,
            inferred_changes,
            score,
            score_spun,
            spun,
            tail,
        )

    def __call__(self, doc: Document) -> Document:
        """Run the stage on ``doc``."""
        lang = english(doc)
        if lang is None:
            return doc.with_fields(spun=False)
        text = doc.text
        found = self.find(text, lang)
        lowered, model, artifacts, candidates = found.lowered, found.model, found.artifacts, found.candidates
        inferred, inferred_changes, score = found.inferred, found.inferred_changes, found.score
        score_spun, spun = found.score_spun, found.spun
        reversals = (
            _find_reversals(text, model, broad=self.reversal == "broad", artifacts=artifacts) if spun else []
        )
        if spun:
            # imported here: only a spun document reads the context models and their tables
            from newsclean.stages.spinner_pairs import pair_context_reversals
            from newsclean.stages.spinner_revealed import revealed_reversals

            repaired = [(c.start, c.end) for c in (*artifacts, *inferred_changes, *reversals)]
            reversals += revealed_reversals(text, lowered, inferred, lang, skip=repaired)
            if self.context:
                done = [(c.start, c.end) for c in (*artifacts, *inferred_changes, *reversals)]
                surviving = sum(sw.survives for sw in inferred) / len(inferred) if inferred else 0.0
                reversals += pair_context_reversals(text, lang, skip=set(done), surviving=surviving)
        artifacts = _merge(artifacts, inferred_changes)
        tortured = find_tortured_lowered(text, lowered, found.runs)
        fixes: list[Change] = []
        if tortured and doc.options.repair_tortured:
            fixes = [
                Change(s, e, match_case(text[s:e], row.canonical), "tortured_phrase")
                for s, e, row in tortured
                if row.canonical
            ]
        out = doc.with_edits(self.name, _merge(artifacts, fixes, reversals))
        out = out.with_fields(spun=spun)
        if score.score > 0 or spun or candidates:
            swaps = [[sw.original, sw.spun, sw.support] for sw in inferred]
            info = score.to_dict()
            info["swaps"] = swaps
            out = out.with_extra("spinner", info)
            # Only where a count of explained non-words is what made the document spun.
            by_count: dict[str, float | str] = {}
            if found.nonword_tail is not None:
                by_count = {
                    "nonword_tail": round(found.nonword_tail.tail, 3),
                    "max_nonword_tail": found.nonword_tail.max_tail,
                    "nonwords_counted": found.nonword_tail.counted,
                }
            out = out.with_decision(
                self.name,
                "spin_score",
                **by_count,
                score=round(score.score, 4),
                threshold=self.threshold,
                spun=spun,
                score_spun=score_spun,
                artifacts=score.artifacts,
                strong_contexts=score.strong,
                inferred_swaps=swaps,
                explained_nonwords=len({a.token.lower() for sw in candidates for a in sw.artifacts}),
                min_support=MIN_SUPPORT,
                min_spun_nonwords=MIN_SPUN_NONWORDS,
            )
        if tortured:
            names = sorted({f"{text[s:e]!r} ({row.expected})" for s, e, row in tortured})
            shown = ", ".join(names[:10]) + (" …" if len(names) > 10 else "")
            out = out.with_warning(f"tortured phrases: {shown}")
        return out


#: The default stage instance (what the registry builds without options).
repair_spinner = RepairSpinner()
