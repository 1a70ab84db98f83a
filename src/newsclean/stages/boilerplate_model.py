"""The fitted line model of boilerplate removal: how much each line counts as story text.

Every unit of a page (a line, or a hard-wrapped paragraph) gets a *story
score*: the log-odds that it belongs to the story, from a logistic model over
its features and its neighbours' (:data:`FEATURES`), scaled by its length so
that long paragraphs weigh more than short labels (``words ** length_power``),
plus, if the fit chooses it, the hand score of the line's kind.
The story body is the run of units with the highest total score (a maximum
sub-array, :mod:`newsclean.stages.boilerplate_decisions`); other runs whose
total reaches ``join_share`` of the best and lie within ``join_gap`` units of
it join the body (a story split by figures, ads or subheadings).

The weights and the thresholds are data: ``data/boilerplate_model.json``,
written by ``python -m benchmarks.fit_extraction`` from the development
corpora, with the fit's report (corpora, leave-one-corpus-out scores) next to
it in ``data/boilerplate_model.md``. Runtime is pure Python: one pass of a
few multiplications per unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsclean.data import read_json
from newsclean.stages.boilerplate_features import _Feat

__all__ = ["FEATURES", "LineModel", "feature_rows", "load_model"]

#: The model's inputs, in the order of a row of :func:`feature_rows`. ``prev_``/``next_``
#: name the neighbouring unit, ``near_prose`` the share of prose among the three units on
#: either side, ``position`` the unit's place in the page (0 first, 1 last), ``repeated``
#: a text the page shows more than once (menus, share bars).
#: The note stored with the model (see :mod:`newsclean.data`).
ABOUT = (
    "Logistic story-line model of remove_boilerplate, fitted by `python -m benchmarks.fit_extraction` "
    "on the public corpora described in boilerplate_model.md (scikit-learn at fit time, pure Python at run time)."
)
FEATURES = (
    "prose",
    "sentence",
    "bad",
    "vocab_hit",
    "log_words",
    "stop_share",
    "title_ratio",
    "terminal",
    "bullet",
    "titlelike",
    "credit",
    "colon_end",
    "prev_prose",
    "next_prose",
    "prev_bad",
    "next_bad",
    "near_prose",
    "position",
    "repeated",
)

#: Window (units on each side) of the ``near_prose`` feature.
NEAR = 3


@dataclass(frozen=True, slots=True)
class LineModel:
    """A fitted story-score model.

    Attributes:
        weights: One weight per name of :data:`FEATURES`.
        bias: The intercept (log-odds of a unit with all features zero).
        length_power: A unit's score is its log-odds times ``max(1, words) ** length_power``.
        shift: Added to the log-odds before scaling (moves the story/furniture boundary).
        join_share: Another run joins the body if its total is at least this share of the body's.
        join_gap: ... and at most this many units lie between it and the body.
        hand_weight: Weight of the hand score of the features (``_Feat.score``: the word
            count of prose, half of it for a short sentence, a penalty for other lines)
            added to the model's score; the fit chooses 0 (model alone) or 1.
        scale: Factor of the model's length-scaled log-odds in the sum.
    """

    weights: Mapping[str, float]
    bias: float
    length_power: float = 1.0
    shift: float = 0.0
    join_share: float = 2.0  # > 1: never (the body is the best run)
    join_gap: int = 0
    hand_weight: float = 0.0
    scale: float = 1.0
    vector: tuple[float, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        missing = [name for name in FEATURES if name not in self.weights]
        if missing:
            raise ValueError(f"model weights miss features: {', '.join(missing)}")
        object.__setattr__(self, "vector", tuple(float(self.weights[name]) for name in FEATURES))

    def to_dict(self) -> dict[str, Any]:
        """The model as the JSON object stored in ``data/boilerplate_model.json``."""
        return {
            "about": ABOUT,
            "features": list(FEATURES),
            "weights": {name: round(self.weights[name], 6) for name in FEATURES},
            "bias": round(self.bias, 6),
            "length_power": self.length_power,
            "shift": self.shift,
            "join_share": self.join_share,
            "join_gap": self.join_gap,
            "hand_weight": self.hand_weight,
            "scale": self.scale,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineModel:
        """Build a model from :meth:`to_dict` output."""
        return cls(
            weights=dict(data["weights"]),
            bias=float(data["bias"]),
            length_power=float(data["length_power"]),
            shift=float(data["shift"]),
            join_share=float(data["join_share"]),
            join_gap=int(data["join_gap"]),
            hand_weight=float(data["hand_weight"]),
            scale=float(data["scale"]),
        )

    def log_odds(self, feats: Sequence[_Feat]) -> list[float]:
        """The model's log-odds that each unit is story text.

        The same sum as ``bias + weights · row`` over :func:`feature_rows`
        (tests check it), written out so that no row is built at run time.
        """
        (
            w_prose,
            w_sentence,
            w_bad,
            w_vocab,
            w_log_words,
            w_stop,
            w_title,
            w_terminal,
            w_bullet,
            w_titlelike,
            w_credit,
            w_colon,
            w_prev_prose,
            w_next_prose,
            w_prev_bad,
            w_next_bad,
            w_near,
            w_position,
            w_repeated,
        ) = self.vector
        n = len(feats)
        if not n:
            return []
        # The fields by column, transposed in C: read from a record, each field is a
        # descriptor call (this loop reads eleven a unit; 0.82-0.89x the time of reading them so)
        (
            texts,
            words_,
            kinds,
            _,
            bullets,
            titlelikes,
            _,
            credits,
            title_ratios,
            _,
            _,
            tokens_,
            terminals,
            _,
            stops_,
            _,
            vocabs,
        ) = zip(*feats, strict=True)
        prose = [kind == "prose" for kind in kinds]
        bad = [kind == "bad" for kind in kinds]
        cum = [0]
        for p in prose:
            cum.append(cum[-1] + p)
        counts: dict[str, int] = {}
        for text in texts:
            counts[text] = counts.get(text, 0) + 1
        last = max(1, n - 1)
        log1p = math.log1p
        bias = self.bias
        out: list[float] = []
        for k in range(n):
            z = bias + w_log_words * log1p(words_[k]) + w_title * title_ratios[k] + w_position * k / last
            if prose[k]:
                z += w_prose
            elif bad[k]:
                z += w_bad
            elif kinds[k] == "sentence":
                z += w_sentence
            if vocabs[k]:
                z += w_vocab
            stops = stops_[k]
            if stops:
                z += w_stop * stops / len(tokens_[k])
            if terminals[k]:
                z += w_terminal
            if bullets[k]:
                z += w_bullet
            if titlelikes[k]:
                z += w_titlelike
            if credits[k]:
                z += w_credit
            text = texts[k]
            if text.endswith(":"):
                z += w_colon
            if k:
                z += w_prev_prose * prose[k - 1] + w_prev_bad * bad[k - 1]
            else:
                z += w_prev_bad
            if k + 1 < n:
                z += w_next_prose * prose[k + 1] + w_next_bad * bad[k + 1]
            else:
                z += w_next_bad
            lo = k - NEAR if k > NEAR else 0
            hi = k + NEAR + 1 if k + NEAR + 1 < n else n
            if hi - lo > 1:
                z += w_near * (cum[hi] - cum[lo] - prose[k]) / (hi - lo - 1)
            if counts[text] > 1:
                z += w_repeated
            out.append(z)
        return out

    def scores(self, feats: Sequence[_Feat]) -> list[float]:
        """Story scores of the units: shifted log-odds scaled by length, plus the hand score."""
        power = self.length_power
        shift = self.shift
        scale = self.scale
        hand = self.hand_weight
        lengths = _length_factors(power)  # the same powers, computed once (a power is a C call)
        top = len(lengths)
        return [
            scale * (z + shift) * (lengths[f.words] if f.words < top else f.words**power) + hand * f.score
            for z, f in zip(self.log_odds(feats), feats, strict=True)
        ]


#: Word counts below this have their length factor (``max(1, words) ** length_power``) in a table.
LENGTH_TABLE = 256


@lru_cache(maxsize=4)
def _length_factors(power: float) -> tuple[float, ...]:
    """``(words if words > 1 else 1) ** power`` for every word count below :data:`LENGTH_TABLE`."""
    return tuple((words if words > 1 else 1) ** power for words in range(LENGTH_TABLE))


def feature_rows(feats: Sequence[_Feat]) -> list[tuple[float, ...]]:
    """One row of :data:`FEATURES` per unit (the fitting script reads the same rows)."""
    n = len(feats)
    prose = [1.0 if f.kind == "prose" else 0.0 for f in feats]
    bad = [1.0 if f.kind == "bad" else 0.0 for f in feats]
    # share of prose among the NEAR units on each side, from a running sum
    cum = [0.0]
    for p in prose:
        cum.append(cum[-1] + p)
    counts: dict[str, int] = {}
    for f in feats:
        counts[f.text] = counts.get(f.text, 0) + 1
    rows: list[tuple[float, ...]] = []
    last = max(1, n - 1)
    for k, f in enumerate(feats):
        lo, hi = max(0, k - NEAR), min(n, k + NEAR + 1)
        others = hi - lo - 1
        near = (cum[hi] - cum[lo] - prose[k]) / others if others else 0.0
        tokens = len(f.tokens)
        rows.append(
            (
                prose[k],
                1.0 if f.kind == "sentence" else 0.0,
                bad[k],
                1.0 if f.vocab else 0.0,
                math.log1p(f.words),
                f.stops / tokens if tokens else 0.0,
                f.title_ratio,
                1.0 if f.terminal else 0.0,
                1.0 if f.bullet else 0.0,
                1.0 if f.titlelike else 0.0,
                1.0 if f.credit else 0.0,
                1.0 if f.text.endswith(":") else 0.0,
                prose[k - 1] if k else 0.0,
                prose[k + 1] if k + 1 < n else 0.0,
                bad[k - 1] if k else 1.0,
                bad[k + 1] if k + 1 < n else 1.0,
                near,
                k / last,
                1.0 if counts[f.text] > 1 else 0.0,
            )
        )
    return rows


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The model shipped in ``data/boilerplate_model.json``."""
    return LineModel.from_dict(read_json("boilerplate_model.json", keys=("features", "weights", "bias")))
