"""Undo article-spinner substitutions, report tortured phrases, drop doubled words.

An article spinner disguises a copied story by swapping words for
"synonyms" from a fixed table. The spinner seen in spun news copies works on
raw lower-case substrings: it turns "about" into "regarding", "after" into
"following", "again" into "once more" -- and, because it does not respect
word boundaries, "against" into "once morest" and "afterwards" into
"followingwards". The table lives in ``data/spinner.tsv``.

:class:`RepairSpinner` (registered as ``repair_spinner``) works in three
tiers, from certain to cautious:

1. **Artifacts** (reason ``spinner_artifact``). A token that contains a spun
   form glued to other letters, is not a word (wordfreq Zipf frequency below
   1), and becomes a frequent word once the spun form is reverted, is repaired
   in every English document: "once morest" -> "against". A literal search for
   the spun forms finds the candidates, so clean text never even imports
   wordfreq.
2. **Spin detection** (field ``spun``, score in ``extra["spinner"]``). The score
   is a log-likelihood ratio: artifacts count as strong evidence, and each
   table row adds the generalised likelihood-ratio statistic of a binomial
   test that the spun form's share among (spun + original) lower-case
   occurrences is above its normal share in English (the ``prior`` column).
3. **Ambiguous reversals** (reason ``spinner_substitution``), only in documents
   detected as spun, and only where the reversal is grammatical: "regarding"
   -> "about" and "once more" -> "again" everywhere (both swaps are
   grammatical in every position); "following" -> "after" only where
   "following" works as a preposition or conjunction and "after" is the usual
   word -- before a proper name or a subject pronoun, before a gerund, after
   "shortly", "soon", "long", "even" or a span of time -- never after a
   determiner ("the following day") or a verb ("is following").

The stage also reports tortured phrases (Cabanac, Labbé & Magazinov's
Problematic Paper Screener list, ``data/tortured.tsv``) as a warning, and
replaces those with an exact canonical phrase when ``Options.repair_tortured``
is set (reason ``tortured_phrase``).

:func:`remove_doubled_words` (``remove_doubled_words``) deletes an accidental
repeated word ("could could" -> "could", "The the" -> "The"; reason
``doubled_word``) and keeps grammatical and stylistic doubles, numbers,
capitalised names ("Walla Walla") and anything across a line break.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Literal, NamedTuple

import regex

from newsclean.document import Change, Document
from newsclean.registry import register
from newsclean.stages._text import english, lower, match_case, tsv_rows
from newsclean.stages.doubled_words import GRAMMATICAL_DOUBLES, remove_doubled_words
from newsclean.stages.spinner_swaps import (
    MAX_REVERSAL_PRIOR,
    InferredSwap,
    infer_swaps,
    reversal_prior,
    spun_evidence,
    whole_word_spans,
)
from newsclean.stages.tortured import TorturedPhrase, find_tortured, find_tortured_lowered, load_tortured

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

Reversal = Literal["always", "after", "never"]

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

_LETTER = regex.compile(r"\p{L}")
_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’\-]*)")
_SENTENCE_END = regex.compile(r"[.!?]")


def _words(text: str) -> list[str]:
    """Split a white-space separated word list (keeps the tables readable)."""
    return text.split()


# -- contexts of "following" (learned from English grammar, not from data) ---------
#: Words after which "following" is an adjective, a noun or a verb, never the
#: preposition a spinner made of "after": determiners and possessives ("the
#: following day", "his following"), forms of *be* and verbs that take a
#: gerund ("is following", "kept following"), prepositions ("by following"),
#: adverbs of manner that go with the verb ("closely following") and
#: adjectives of the noun ("a large following").
_FOLLOWING_NOT_PREPOSITION = frozenset(
    _words(
        """
    the a an this that these those his her its their our my your whose each every no any some
    is are was were be been being am isn't aren't wasn't weren't
    by for of from in on at with without about after before while when since upon through into to
    keep keeps kept keeping start starts started starting begin begins began begun stop stops stopped
    quit continue continues continued continuing enjoy enjoys enjoyed avoid avoided consider mind
    resume resumed finish finished like likes liked love loves loved hate
    also still now not just closely carefully currently already actively blindly faithfully
    large huge big growing loyal devoted strong massive cult dedicated enthusiastic sizable sizeable
    global international national local social online fan religious
    people fans users followers accounts readers viewers
    and or
    """
    )
)

#: Words before "following" that make it the spinner's "after": adverbs that
#: modify "after" ("shortly after", "soon after", "long after", "even after"),
#: spans of time ("hours after", "years after") and "comes after".
_AFTER_BEFORE = frozenset(
    _words(
        """
    shortly soon long right even ever well straight
    seconds minutes hours days weeks months years decades moments
    comes came come
    """
    )
)

#: Of these, the ones where "following" is not idiomatic at all: evidence of spinning.
_AFTER_BEFORE_STRONG = frozenset(_words("shortly soon long even ever comes came come"))

#: Singular spans of time: "a day after", "one night after".
_TIME_SINGULAR = frozenset(_words("second minute hour day night week month year decade moment"))
_TIME_PLURAL = frozenset(_words("seconds minutes hours days weeks months years decades"))

#: Subject pronouns: "following he said" is only grammatical as "after he said".
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

#: Nouns ending in -ing that often follow the adjective "following" without a
#: determiner in headlines and lists; they are not gerunds.
_ING_NOUNS = frozenset(
    _words(
        """
    morning evening meeting building spring thing things king wedding ceiling string
    ring sibling offspring nothing something anything everything during including
    hearing briefing ruling setting heading listing reading training funding pricing
    """
    )
)

#: Determiners, possessives and numbers after which ``reversal="broad"`` also
#: turns "following" into "after" ("following the vote"); the default leaves
#: them, because formal English uses "following the ..." for "after the ...".
_DETERMINERS = frozenset(
    _words(
        """
    the a an his her its their our my your this that these those some several many
    two three four five six seven eight nine ten twelve
    """
    )
)

#: Words that take "about" but never "regarding": "thinking about", "worried
#: about", "what about", "all about". "regarding" after one of them, or before a
#: number ("regarding 300 people") or "to" ("regarding to leave"), is a spinner's.
_ABOUT_GOVERNORS = frozenset(
    _words(
        """
    think thinks thinking thought talk talks talking talked worry worries worrying worried
    know knew care cares cared forget forgot learn learned learnt hear heard joke joked
    dream dreamed dreamt complain complained complaining laugh laughed wonder wondered
    what how just all bring brought come came comes set go going went
    curious excited happy sad upset angry nervous serious passionate crazy mad sure concerned
    at i'm i’m we're we’re you're you’re they're they’re
    """
    )
)

#: Words before "once more" where only "again" is idiomatic ("never again",
#: "yet again", "all over again").
_AGAIN_BEFORE = frozenset(_words("yet never over"))
_NUMBER_WORDS = frozenset(
    _words("one two three four five six seven eight nine ten twenty thirty forty fifty hundred thousand half")
)


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


_CLITIC = regex.compile(r"['’]")


def _bare(word: str) -> str:
    """Lower-case ``word`` without a clitic ("she’s" -> "she")."""
    head: str = _CLITIC.split(word.lower(), maxsplit=1)[0]
    return head


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in _NUMBER_WORDS


# -- the substitution table -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Substitution:
    """One spinner swap: ``original`` was replaced by ``spun``.

    Attributes:
        original: The word the spinner replaced (lower case).
        spun: What it wrote instead (lower case, may contain a space).
        prior: Normal share of ``spun`` among ``spun`` + ``original`` in clean English.
        reversal: ``always``, ``after`` (contextual) or ``never`` (artifacts only).
        source: Where the row comes from.
    """

    original: str
    spun: str
    prior: float
    reversal: Reversal
    source: str


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
    return _parse_substitutions(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _packaged_substitutions() -> tuple[Substitution, ...]:
    text = resources.files("newsclean.data").joinpath("spinner.tsv").read_text(encoding="utf-8")
    return _parse_substitutions(text, "spinner.tsv")


def _parse_substitutions(text: str, where: str) -> tuple[Substitution, ...]:
    rows: list[Substitution] = []
    for cells in tsv_rows(text):
        if len(cells) < 4:
            raise ValueError(f"{where}: expected original, spun, prior, reversal[, source] in {cells!r}")
        original, spun, prior, reversal = (c.strip() for c in cells[:4])
        if reversal not in ("always", "after", "never"):
            raise ValueError(f"{where}: reversal must be always, after or never, got {reversal!r}")
        if not original or not spun or original == spun:
            raise ValueError(f"{where}: empty or identical original/spun in {cells!r}")
        rows.append(
            Substitution(
                original.lower(),
                spun.lower(),
                float(prior),
                reversal,  # type: ignore[arg-type]
                cells[4].strip() if len(cells) > 4 else "",
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
    whole: regex.Pattern[str]
    #: An original in lower case (counts, through :func:`_whole`).
    originals: regex.Pattern[str]
    #: A multi-word spun form after a repeat of its first word ("once once more").
    stutter: regex.Pattern[str]


def _alternation(words: Sequence[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", " ") for w in ordered)


@lru_cache(maxsize=8)
def _model(table: tuple[Substitution, ...]) -> _Model:
    alt = _alternation([s.spun for s in table])
    return _Model(
        table=table,
        by_spun={s.spun: s for s in table},
        pairs=frozenset((s.original, s.spun) for s in table),
        anywhere=re.compile(alt),
        whole=regex.compile(alt),
        originals=regex.compile(_alternation([s.original for s in table])),
        stutter=regex.compile(
            _alternation(
                [f"{w.split()[0]} {w}" for w in {s.spun for s in table if " " in s.spun}] or ["\x00\x00"]
            )
        ),
    )


def _whole(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
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


_LETTER_RUN = regex.compile(r"\p{L}*")


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
            from wordfreq import zipf_frequency

            zipf = zipf_frequency
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
            idiomatic ("thinking regarding", "shortly following").
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


def _not_preposition(ctx: _Ctx) -> bool:
    """Return True when the word before makes "following" an adjective, noun or verb."""
    prev = ctx.prev.lower()
    return prev in _FOLLOWING_NOT_PREPOSITION or prev.endswith(("'s", "’s"))


def _strong(sub: Substitution, ctx: _Ctx) -> bool:
    """Return True where the spun word sits in a context only its original fits."""
    if sub.reversal == "after":
        return (
            ctx.prev.lower() in _AFTER_BEFORE_STRONG
            or _bare(ctx.next) in _SUBJECT_PRONOUNS
            or (ctx.prev.lower() in _TIME_SINGULAR and ctx.prev2.lower() in ("a", "one"))
        )
    if sub.spun == "regarding":
        return (
            ctx.prev.lower() in _ABOUT_GOVERNORS
            or (bool(ctx.next) and _is_number(ctx.next))
            or ctx.next.lower() == "to"
        )
    if sub.reversal == "always" and " " in sub.spun:
        return ctx.prev.lower() in _AGAIN_BEFORE
    return False


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
    model = _model(tuple(table) if table is not None else _packaged_substitutions())
    spun_counts: dict[str, int] = {}
    strong = 0
    for m in _whole(model.whole, text):
        word = m.group()
        sub = model.by_spun[word]
        ctx = _context(text, m.start(), m.end())
        if sub.reversal == "after" and _not_preposition(ctx):
            continue
        spun_counts[word] = spun_counts.get(word, 0) + 1
        strong += _strong(sub, ctx)
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


def _after_context(ctx: _Ctx, *, broad: bool = False) -> bool:
    """Return True where a prepositional "following" can only have been "after"."""
    if _not_preposition(ctx):
        return False
    prev, prev2 = ctx.prev.lower(), ctx.prev2.lower()
    nxt, low_next, bare_next = ctx.next, ctx.next.lower(), _bare(ctx.next)
    if prev in _AFTER_BEFORE:
        return True  # "shortly following", "hours following", "comes following"
    if prev in _TIME_SINGULAR and prev2 in ("a", "one"):
        return True  # "a day following"
    if not nxt:
        return False
    if prev == "one" and (low_next == "another" or (low_next == "the" and ctx.next2.lower() == "other")):
        return True  # "one following another"
    if bare_next in _SUBJECT_PRONOUNS:
        return True  # "following he said"
    if nxt[0].isupper():
        return True  # a proper name: "following Turkish President ..."
    if low_next == prev and prev.isalpha():
        return True  # "day following day"
    if nxt.islower() and nxt.endswith("ing") and len(nxt) >= 5 and low_next not in _ING_NOUNS:
        return True  # a gerund: "following meeting Kim"
    if low_next in _TIME_PLURAL or (_is_number(nxt) and ctx.next2.lower() in _TIME_PLURAL):
        return True  # "following years of talks", "following two weeks"
    if low_next == "all" and ctx.after_next in (",", ".", ";", ":", "!", "?"):
        return True  # "following all," = "after all,"
    return broad and (low_next in _DETERMINERS or _is_number(nxt))


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


def _find_reversals(text: str, model: _Model, *, broad: bool = False) -> list[Change]:
    changes: list[Change] = []
    for m in model.whole.finditer(text):
        sub = model.by_spun[m.group()]
        if sub.reversal == "never":
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
        if sub.reversal == "after" and not _after_context(_context(text, s, e), broad=broad):
            continue
        changes.append(Change(s, e, sub.original, "spinner_substitution"))
    return changes


def _inferred_reversals(text: str, lowered: str, swaps: list[InferredSwap], lang: str) -> list[Change]:
    """Revert whole-word synonyms of detected swaps where the original never survived."""
    changes: list[Change] = []
    for sw in swaps:
        if whole_word_spans(lowered, sw.original):
            continue  # the spinner left some originals: it did not swap every one
        if reversal_prior(sw.original, sw.spun, lang) > MAX_REVERSAL_PRIOR:
            continue
        for s, e in whole_word_spans(lowered, sw.spun):
            if text[s:e] == sw.spun:
                changes.append(Change(s, e, sw.original, "spinner_substitution"))
    return changes


# -- the stage ---------------------------------------------------------------------------


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

    >>> from newsclean.document import Document
    >>> doc = repair_spinner(Document.from_text("They warned once morest the deal."))
    >>> doc.text
    'They warned against the deal.'
    """

    name: ClassVar[str] = "repair_spinner"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ("spun",)

    threshold: float = DEFAULT_THRESHOLD
    table: str | None = None
    reversal: Literal["strict", "broad"] = "strict"

    def __post_init__(self) -> None:
        if self.reversal not in ("strict", "broad"):
            raise ValueError(f"reversal must be 'strict' or 'broad', got {self.reversal!r}")

    def __call__(self, doc: Document) -> Document:
        """Run the stage on ``doc``."""
        lang = english(doc)
        if lang is None:
            return doc.with_fields(spun=False)
        text = doc.text
        table = load_substitutions(self.table)
        model = _model(table)
        lowered = lower(text)
        artifacts = _find_artifacts(text, model, lang, lowered)
        inferred = [s for s in infer_swaps(text, lang) if (s.original, s.spun) not in model.pairs]
        spun_inferred = spun_evidence(inferred)
        supported = [s for s in inferred if s.supported]
        n_inferred = sum(len(s.artifacts) for s in (inferred if spun_inferred else supported))
        score = spin_score(text, table=table, artifacts=len(artifacts) + n_inferred)
        spun = score.is_spun(self.threshold) or spun_inferred
        # In a spun document a swap explaining a single non-word is applied too.
        inferred = inferred if spun else supported
        inferred_changes = [
            Change(a.start, a.end, a.repaired, "spinner_artifact") for s in inferred for a in s.artifacts
        ]
        reversals = _find_reversals(text, model, broad=self.reversal == "broad") if spun else []
        if spun:
            reversals += _inferred_reversals(text, lowered, inferred, lang)
        artifacts = _merge(artifacts, inferred_changes)
        tortured = find_tortured_lowered(text, lowered)
        fixes: list[Change] = []
        if tortured and doc.options.repair_tortured:
            fixes = [
                Change(s, e, match_case(text[s:e], row.canonical), "tortured_phrase")
                for s, e, row in tortured
                if row.canonical
            ]
        out = doc.with_edits(self.name, _merge(artifacts, fixes, reversals))
        out = out.with_fields(spun=spun)
        if score.score > 0 or spun:
            info = score.to_dict()
            info["swaps"] = [[sw.original, sw.spun, sw.support] for sw in inferred]
            out = out.with_extra("spinner", info)
            out = out.with_decision(
                self.name,
                "spin_score",
                score=round(score.score, 4),
                threshold=self.threshold,
                spun=spun,
                artifacts=score.artifacts,
                strong_contexts=score.strong,
            )
        if tortured:
            names = sorted({f"{text[s:e]!r} ({row.expected})" for s, e, row in tortured})
            shown = ", ".join(names[:10]) + (" …" if len(names) > 10 else "")
            out = out.with_warning(f"tortured phrases: {shown}")
        return out


#: The default stage instance (what the registry builds without options).
repair_spinner = RepairSpinner()
