"""The curated substitution table: swaps whose contexts are known, as data.

Rows of ``data/spinner.tsv`` (see its header) name a swap, its prior share in
clean English, and three context lists written in a small condition language
over the words around a whole-word match: ``block`` (the author's own word),
``revert`` (where the original is the only reading) and ``strong`` (evidence
of spinning). Word sets live in ``data/spinner_contexts.json``. The code
evaluates conditions; it never names a row.

This module scores a document against the table (:func:`spin_score`),
repairs the table's in-word artifacts and finds its ambiguous reversals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from newsclean import regexlite as regex
from newsclean.data import alternation, parse_tsv, read_json, read_tsv
from newsclean.document import Change
from newsclean.lazyre import re_compile, regex_compile
from newsclean.stages._text import lower, match_case

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "ARTIFACT_WEIGHT",
    "DEFAULT_THRESHOLD",
    "STRONG_WEIGHT",
    "Clause",
    "SpinScore",
    "Substitution",
    "holds",
    "load_substitutions",
    "parse_conditions",
    "spin_score",
]

#: Spin score (in nats) from which a document counts as spun. Measured on the
#: 181 clean bodies of the Article Extraction Benchmark the highest score is
#: far below it (see docs/spinner.md).
DEFAULT_THRESHOLD = 8.0

#: Log-likelihood weight of one unambiguous artifact: a non-word that turns
#: into a frequent word when a spun form is reverted is close to proof.
ARTIFACT_WEIGHT = 6.0

#: A token is a non-word below this Zipf frequency, and its repair must reach
#: at least ``_MIN_REPAIRED_ZIPF`` (wordfreq's scale: 3 = once per million words).
_MAX_ARTIFACT_ZIPF = 1.0
_MIN_REPAIRED_ZIPF = 1.5
#: Tokens longer than this are not inspected (URLs, base64, run-on junk).
_MAX_TOKEN = 64

# a blank run tried from its first character (or where the match starts) only: linear
_NEXT_WORD = regex_compile(r"(?:\G|(?<![ \t]))[ \t]++([\p{L}\p{N}][\p{L}\p{N}'’\-]*+)")


class _Ctx(NamedTuple):
    """The words around a match (empty strings where there is none)."""

    prev2: str
    prev: str
    next: str
    next2: str
    after_next: str


def _word_before(text: str, end: int) -> tuple[str, int]:
    """Return the word that ends, followed by spaces or tabs, at ``end`` (and its start)."""
    i = end
    while i > 0 and end - i < 8 and text[i - 1] in " \t":
        i -= 1
    if i == end:
        return "", end
    j = i
    while j > 0 and i - j < 40 and (text[j - 1].isalnum() or text[j - 1] in "'’"):
        j -= 1
    while j < i and not text[j].isalnum():
        j += 1
    return text[j:i], j


def _context(text: str, start: int, end: int) -> _Ctx:
    """Return up to two words on each side of ``[start, end)`` on the same line."""
    prev, pstart = _word_before(text, start)
    prev2 = _word_before(text, pstart)[0] if prev else ""
    nm = _NEXT_WORD.match(text, end, min(len(text), end + 60))
    nxt = nm.group(1) if nm else ""
    nm2 = _NEXT_WORD.match(text, nm.end(), min(len(text), nm.end() + 60)) if nm else None
    after_next = text[nm.end() : nm.end() + 1] if nm else ""
    return _Ctx(prev2, prev, nxt, nm2.group(1) if nm2 else "", after_next)


_CLITIC = regex_compile(r"['’]")


def _bare(word: str) -> str:
    """Lower-case ``word`` without a clitic ("she’s" -> "she")."""
    head: str = _CLITIC.split(word.lower(), maxsplit=1)[0]
    return head


# -- the condition language ------------------------------------------------------------

Slot = Literal["prev2", "prev", "next", "next2", "next_bare", "after_next"]
_SLOTS = ("prev2", "prev", "next", "next2", "next_bare", "after_next")
_PREDICATES = ("number", "capitalized", "gerund", "possessive", "same_as_prev")


class Clause(NamedTuple):
    """One test on a word around a match: ``slot op arg``."""

    slot: str
    op: Literal["in", "notin", "=", "is"]
    arg: str


#: Alternatives, each a conjunction of clauses.
Conditions = tuple[tuple[Clause, ...], ...]


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """Read the named word sets of the context conditions (``data/spinner_contexts.json``)."""
    raw = read_json("spinner_contexts.json")
    return {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}


def parse_conditions(text: str, where: str = "conditions") -> Conditions:
    """Parse ``a & b ; c`` into alternatives of clauses, checking names.

    >>> parse_conditions("prev in A_ONE & next = day")
    ((Clause(slot='prev', op='in', arg='A_ONE'), Clause(slot='next', op='=', arg='day')),)

    Raises:
        ValueError: For an unknown slot, operator, word set or predicate.
    """
    sets = word_sets()
    out: list[tuple[Clause, ...]] = []
    for alternative in text.split(" ; "):
        if not alternative.strip():
            continue
        clauses: list[Clause] = []
        for part in alternative.split(" & "):
            bits = part.split()
            if len(bits) != 3 or bits[0] not in _SLOTS or bits[1] not in ("in", "notin", "=", "is"):
                raise ValueError(f"{where}: cannot read the condition {part!r}")
            slot, op, arg = bits
            if op in ("in", "notin") and arg not in sets:
                raise ValueError(f"{where}: unknown word set {arg!r} (known: {', '.join(sorted(sets))})")
            if op == "is" and arg not in _PREDICATES:
                raise ValueError(f"{where}: unknown predicate {arg!r} (known: {', '.join(_PREDICATES)})")
            clauses.append(Clause(slot, op, arg))  # type: ignore[arg-type]
        out.append(tuple(clauses))
    return tuple(out)


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in word_sets()["NUMBER_WORDS"]


def _clause(c: Clause, ctx: _Ctx) -> bool:
    raw = _bare(ctx.next) if c.slot == "next_bare" else str(getattr(ctx, c.slot))
    word = raw.lower()
    if c.op == "in":
        return word in word_sets()[c.arg]
    if c.op == "notin":
        return word not in word_sets()[c.arg]
    if c.op == "=":
        return word == c.arg
    if c.arg == "number":
        return bool(raw) and _is_number(raw)
    if c.arg == "capitalized":
        return raw[:1].isupper()
    if c.arg == "gerund":
        return raw.islower() and raw.endswith("ing") and len(raw) >= 5
    if c.arg == "possessive":
        return raw.endswith(("'s", "’s"))
    return bool(raw) and raw.isalpha() and word == ctx.prev.lower()  # same_as_prev


def holds(conditions: Conditions, ctx: _Ctx) -> bool:
    """Return True when one alternative of ``conditions`` has all its clauses true."""
    return any(all(_clause(c, ctx) for c in alternative) for alternative in conditions)


# -- the substitution table -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Substitution:
    """One spinner swap: ``original`` was replaced by ``spun``, with its contexts as data.

    Attributes:
        original: The word the spinner replaced (lower case).
        spun: What it wrote instead (lower case, may contain a space).
        prior: Normal share of ``spun`` among ``spun`` + ``original`` in clean English.
        seen: ``seed-only`` (one spun capture and nothing else) or ``general``.
        block: Contexts where a whole-word ``spun`` is the author's own word.
        revert: Contexts where it is reverted in a spun document; ``always``
            or alternatives (``broad``-only ones in ``revert_broad``); empty
            means never (only in-word artifacts are repaired).
        revert_broad: Extra revert contexts of ``RepairSpinner(reversal="broad")``.
        strong: Contexts where only ``original`` is idiomatic.
        source: Where the row comes from.
    """

    original: str
    spun: str
    prior: float
    seen: Literal["seed-only", "general"] = "general"
    block: Conditions = ()
    revert: Conditions | Literal["always"] = ()
    revert_broad: Conditions = ()
    strong: Conditions = ()
    source: str = ""


def load_substitutions(path: str | Path | None = None) -> tuple[Substitution, ...]:
    """Read a substitution table (the packaged ``spinner.tsv`` by default).

    Args:
        path: A TSV file in the documented format, or None for the packaged table.

    Returns:
        The rows, in file order.

    Raises:
        ValueError: If a row is malformed (the message names the line).
    """
    if path is None:
        return _packaged_substitutions()
    from pathlib import Path

    return _parse_substitutions(parse_tsv(Path(path).read_text(encoding="utf-8")), str(path))


@lru_cache(maxsize=1)
def _packaged_substitutions() -> tuple[Substitution, ...]:
    return _parse_substitutions(read_tsv("spinner.tsv"), "spinner.tsv")


def _parse_substitutions(table: Sequence[Sequence[str]], where: str) -> tuple[Substitution, ...]:
    rows: list[Substitution] = []
    for row in table:
        if len(row) < 4:
            raise ValueError(
                f"{where}: expected original, spun, prior, seen[, block, revert, strong, source] in {list(row)!r}"
            )
        cells = [*row] + [""] * (8 - len(row))
        original, spun, prior, seen, block, revert, strong, source = cells[:8]
        if seen not in ("seed-only", "general"):
            raise ValueError(f"{where}: seen must be seed-only or general, got {seen!r}")
        if not original or not spun or original == spun:
            raise ValueError(f"{where}: empty or identical original/spun in {cells!r}")
        alternatives = [a.strip() for a in revert.split(" ; ") if a.strip()]
        strict = [a for a in alternatives if not a.startswith("broad:")]
        broad = [a.removeprefix("broad:").strip() for a in alternatives if a.startswith("broad:")]
        rows.append(
            Substitution(
                original.lower(),
                spun.lower(),
                float(prior),
                seen,  # type: ignore[arg-type]
                parse_conditions(block, where),
                "always" if strict == ["always"] else parse_conditions(" ; ".join(strict), where),
                parse_conditions(" ; ".join(broad), where),
                parse_conditions(strong, where),
                source,
            )
        )
    if not rows:
        raise ValueError(f"{where}: the substitution table is empty")
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class _Model:
    """Compiled form of a substitution table (built once per table)."""

    table: tuple[Substitution, ...]
    by_spun: dict[str, Substitution]
    #: The ``(original, spun)`` pairs of the table.
    pairs: frozenset[tuple[str, str]]
    #: Any spun form anywhere, searched in lower-cased text (artifact candidates).
    anywhere: re.Pattern[str]
    #: A spun form in lower case (a whole word when :func:`_whole` accepts it).
    #: Literal alternations use the standard ``re`` engine, which scans them
    #: about twice as fast as ``regex`` (same matches).
    whole: re.Pattern[str]
    #: An original in lower case (counts, through :func:`_whole`).
    originals: re.Pattern[str]
    #: A multi-word spun form after a repeat of its first word ("once once more").
    stutter: regex.Pattern[str]


@lru_cache(maxsize=8)
def _model(table: tuple[Substitution, ...]) -> _Model:
    alt = alternation([s.spun for s in table])
    return _Model(
        table=table,
        by_spun={s.spun: s for s in table},
        pairs=frozenset((s.original, s.spun) for s in table),
        anywhere=re_compile(alt),
        whole=re_compile(alt),
        originals=re_compile(alternation([s.original for s in table])),
        stutter=regex_compile(
            alternation(
                [f"{w.split()[0]} {w}" for w in {s.spun for s in table if " " in s.spun}] or ["\x00\x00"]
            )
        ),
    )


@lru_cache(maxsize=1)
def _packaged_model() -> _Model:
    """The packaged table's model (its key hashed once, not once per capture)."""
    return _model(_packaged_substitutions())


def _whole(
    pattern: re.Pattern[str] | regex.Pattern[str], text: str
) -> Iterator[re.Match[str] | regex.Match[str]]:
    """Yield matches of a literal ``pattern`` not glued to letters or hyphens.

    Checking the edges here rather than with look-arounds keeps the scan a
    fast literal search.
    """
    for m in pattern.finditer(text):
        s, e = m.span()
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] == "-"):
            continue
        if e < len(text) and (text[e].isalpha() or text[e] == "-"):
            continue
        yield m


# -- tier 1: artifacts ---------------------------------------------------------------


_LETTER_RUN = regex_compile(r"\p{L}*")


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Extend ``[start, end)`` to the letters glued on either side.

    Returns ``(token start, token end, ok)``; ``ok`` is False for a letter run
    longer than ``_MAX_TOKEN`` (not a word; the caller skips to its end).
    """
    m = _LETTER_RUN.match(text, end)
    e = m.end() if m else end
    s = start
    limit = max(0, start - _MAX_TOKEN)
    while s > limit and text[s - 1].isalpha():
        s -= 1
    too_long = (s == limit and s > 0 and text[s - 1].isalpha()) or e - end > _MAX_TOKEN
    return s, e, not too_long


def _zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` (packaged list first; 0 when wordfreq cannot tell)."""
    from newsclean.lexicon import zipf

    return zipf(word, lang) or 0.0


def _find_artifacts(text: str, model: _Model, lang: str, lowered: str | None = None) -> list[Change]:
    """Return repairs of non-words made by reverting a spun substring."""
    lowered = lower(text) if lowered is None else lowered
    changes: list[Change] = []
    done_until = -1
    zipf: Any = None
    for m in model.anywhere.finditer(lowered):
        s, e = m.span()
        if s < done_until:
            continue
        left = s > 0 and text[s - 1].isalpha()
        right = e < len(text) and text[e].isalpha()
        if not (left or right):
            continue
        ts, te, ok = _token_bounds(text, s, e)
        done_until = te
        if not ok:
            continue
        token = text[ts:te]
        if zipf is None:
            zipf = _zipf
        # The pieces of the token that carry glued letters must be non-words.
        pieces = token.split()
        glued = [p for p in (pieces[0] if left else "", pieces[-1] if right else "") if p]
        if any(zipf(p, lang) >= _MAX_ARTIFACT_ZIPF for p in glued):
            continue
        parts: list[str] = []
        cur = ts
        for g in model.anywhere.finditer(lowered, ts, te):
            parts.append(text[cur : g.start()])
            parts.append(match_case(text[g.start() : g.end()], model.by_spun[g.group()].original))
            cur = g.end()
        parts.append(text[cur:te])
        repaired = "".join(parts)
        if " " in repaired or repaired == token:
            continue
        score = zipf(repaired, lang)
        if score < _MIN_REPAIRED_ZIPF or score < max(zipf(p, lang) for p in glued) + 1.5:
            continue
        changes.append(Change(ts, te, repaired, "spinner_artifact"))
    # A multi-word form whose first word the text already had: "once again"
    # became "once once more", which is no English; put the original back.
    for m in _whole(model.stutter, text):
        spun = m.group().split(" ", 1)[1]
        changes.append(Change(m.end() - len(spun), m.end(), model.by_spun[spun].original, "spinner_artifact"))
    return changes


# -- tier 2: spin detection -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpinScore:
    """How strongly a document looks spun.

    Attributes:
        score: Log-likelihood ratio (nats) of "spun" against "clean".
        artifacts: Number of unambiguous artifacts found.
        strong: Number of spun words in contexts where only the original is
            idiomatic ("worried regarding", "shortly following").
        counts: Per table row ``spun -> (spun count, original count, evidence)``.
        families: Number of rows whose count evidence is at least one nat.
    """

    score: float
    artifacts: int
    strong: int
    counts: dict[str, tuple[int, int, float]]
    families: int

    def is_spun(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        """Return True when the score reaches ``threshold`` with corroboration.

        A document is called spun from its artifacts: without one, word
        counts and contexts are never enough (formal English says
        "regarding" and "following" often; on the CleanEval gold texts three
        clean documents scored above the threshold on counts alone). Besides
        the artifacts it takes one more kind of evidence: strong contexts or
        a table row with evidence.
        """
        sources = (self.artifacts > 0) + (self.strong > 0) + self.families
        return self.artifacts > 0 and self.score >= threshold and sources >= 2

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "score": round(self.score, 2),
            "artifacts": self.artifacts,
            "strong_contexts": self.strong,
            "counts": {k: [n_s, n_o, round(ev, 2)] for k, (n_s, n_o, ev) in self.counts.items()},
        }


def _glrt(n_spun: int, n_orig: int, prior: float) -> float:
    """Binomial generalised likelihood ratio that the spun share exceeds ``prior``."""
    n = n_spun + n_orig
    if n == 0:
        return 0.0
    share = n_spun / n
    if share <= prior:
        return 0.0
    ll = n_spun * math.log(share / prior)
    if n_orig:
        ll += n_orig * math.log((1 - share) / (1 - prior))
    return ll


#: Log-likelihood weight of one spun word in a context only its original fits.
STRONG_WEIGHT = 3.0


def spin_score(text: str, *, table: Sequence[Substitution] | None = None, artifacts: int = 0) -> SpinScore:
    """Score how strongly ``text`` looks like the output of the spinner.

    Args:
        text: The document text.
        table: Substitution rows (default: the packaged table).
        artifacts: Number of unambiguous artifacts already found in ``text``.

    Returns:
        The :class:`SpinScore`.

    >>> spin_score("We spoke regarding it once more following he left, regarding the plan.").families
    3
    """
    return _spin_score(
        text, _model(tuple(table) if table is not None else _packaged_substitutions()), artifacts
    )


def _spin_score(text: str, model: _Model, artifacts: int) -> SpinScore:
    """Do :func:`spin_score` with the table's compiled model (no table to hash per call)."""
    spun_counts: dict[str, int] = {}
    strong = 0
    for m in _whole(model.whole, text):
        word = m.group()
        sub = model.by_spun[word]
        ctx = _context(text, m.start(), m.end())
        if holds(sub.block, ctx):
            continue
        spun_counts[word] = spun_counts.get(word, 0) + 1
        strong += holds(sub.strong, ctx)
    orig_counts: dict[str, int] = {}
    for m in _whole(model.originals, text):
        orig_counts[m.group()] = orig_counts.get(m.group(), 0) + 1
    counts: dict[str, tuple[int, int, float]] = {}
    total = ARTIFACT_WEIGHT * artifacts + STRONG_WEIGHT * strong
    families = 0
    for sub in model.table:
        n_s = spun_counts.get(sub.spun, 0)
        n_o = orig_counts.get(sub.original, 0)
        ev = _glrt(n_s, n_o, sub.prior)
        counts[sub.spun] = (n_s, n_o, ev)
        total += ev
        families += ev >= 1.0
    return SpinScore(total, artifacts, strong, counts, families)


# -- tier 3: ambiguous reversals -------------------------------------------------------


def _hyphen_half(text: str, s: int, e: int) -> bool:
    """Return True when ``[s, e)`` is one half of a hyphenated compound ("following-tax")."""
    before = text[s - 2 : s] if s >= 2 else ""
    after = text[e : e + 2]
    glued_left = s > 0 and text[s - 1].isalpha()
    glued_right = e < len(text) and text[e].isalpha()
    if glued_left or glued_right:
        return False
    left = len(before) == 2 and before[1] == "-" and before[0].isalpha()
    right = len(after) == 2 and after[0] == "-" and after[1].isalpha()
    return left != right


def _unevidenced_rows(text: str, model: _Model, artifacts: Sequence[Change]) -> set[str]:
    """Return the spun forms of rows whose whole words this document gives no reason to revert.

    A row is evidenced when one of the document's artifacts holds its spun form
    ("once morest" for "again -> once more") or when its original is never
    written as a lower-case whole word: a find-and-replace spinner that wrote
    "regarding" for "about" leaves no lower-case "about". A row with neither is
    a swap the document's spinner need not have made, and the author's own
    "regarding" beside an intact "about" stays. Checked on development draws
    (seeds 3-8 of the development pool, rates 1.0 and 0.5): every one of the
    40 reversals of such rows was wrong.
    """
    lowered = lower(text)
    revealed = {g.group() for a in artifacts for g in model.anywhere.finditer(lowered, a.start, a.end)}
    revealed |= {m.group().split(" ", 1)[1] for m in _whole(model.stutter, text)}
    surviving = {m.group() for m in _whole(model.originals, text)}
    return {s.spun for s in model.table if s.spun not in revealed and s.original in surviving}


def _find_reversals(
    text: str, model: _Model, *, broad: bool = False, artifacts: Sequence[Change] = ()
) -> list[Change]:
    """Revert the table's whole-word forms where its context conditions allow.

    Only rows the document evidences are reverted (:func:`_unevidenced_rows`);
    ``artifacts`` are the table's artifacts found in ``text``.
    """
    changes: list[Change] = []
    skip = _unevidenced_rows(text, model, artifacts)
    for m in model.whole.finditer(text):
        sub = model.by_spun[m.group()]
        if sub.spun in skip or (not sub.revert and not (broad and sub.revert_broad)):
            continue
        s, e = m.span()
        if _hyphen_half(text, s, e):
            if " " not in sub.spun:  # "following-tax" -> "after-tax", "sought-following" -> "sought-after"
                changes.append(Change(s, e, sub.original, "spinner_substitution"))
            continue
        if (s > 0 and (text[s - 1].isalpha() or text[s - 1] == "-")) or (
            e < len(text) and (text[e].isalpha() or text[e] == "-")
        ):
            continue
        if sub.revert != "always":
            ctx = _context(text, s, e)
            if holds(sub.block, ctx):
                continue
            if not (holds(sub.revert, ctx) or (broad and holds(sub.revert_broad, ctx))):
                continue
        changes.append(Change(s, e, sub.original, "spinner_substitution"))
    return changes
