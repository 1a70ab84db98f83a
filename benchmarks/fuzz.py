"""Fuzz ``clean()`` with generated inputs and check the invariants users rely on.

Run ``python -m benchmarks.fuzz --n 100000`` (``--help`` for the options). Every input
comes from one of the generator families below, drawn from a seeded random
generator, so a run is reproducible from ``--seed`` and ``--n``. Each input is
cleaned under a time limit and checked against these invariants:

``no_foreign_exception``
    ``clean()`` returns an Article or raises a :class:`~newsclean.errors.NewscleanError`
    that is not a :class:`~newsclean.errors.StageError`; anything else is a bug.
``no_stage_error``
    A :class:`~newsclean.errors.StageError` is a stage crashing on its input: a bug.
``no_hang``
    Cleaning finishes within ``--timeout`` seconds of CPU time (and ten times
    that of wall clock: :data:`WALL_FACTOR`).
``utf8_encodable``
    ``article.to_json().encode("utf-8")`` works: every field is valid Unicode.
``replay``
    Replaying the document's text edits on its base text gives its text.
``second_pass_stable``
    Cleaning the canonical rendering of the Article (title line, blank line,
    paragraphs separated by blank lines) as text gives the same title and
    paragraphs with no removal or replacement.
``no_invented_words``
    Every word of the title and body stands in the input (after entity
    decoding) or in the ``after`` of a logged edit.

Failures are shrunk (lines, then characters) to a short reproducer and written,
one JSON record a line, to ``--out``; fixed ones belong in
``tests/data/fuzz_reproducers.jsonl``, which the test suite replays.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import signal
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import regex

from benchmarks.common import add_data_argument

FAMILIES = ("bytes", "encoded", "unicode", "newslike", "hostile_html", "mutated")
INVARIANTS = (
    "no_foreign_exception",
    "no_stage_error",
    "no_hang",
    "utf8_encodable",
    "replay",
    "second_pass_stable",
    "no_invented_words",
)

_WORD = regex.compile(r"[\w\p{M}]+")
_LETTER = regex.compile(r"[\p{L}\p{N}]")
# Characters a cleaner may delete between two letters, joining them into one word.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass
class Case:
    """One generated input with the keyword options it is cleaned with."""

    family: str
    raw: str | bytes
    options: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        """Return a JSON-ready record (bytes as latin-1 text with a flag)."""
        raw = self.raw.decode("latin-1") if isinstance(self.raw, bytes) else self.raw
        opts = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in self.options.items()}
        return {
            "family": self.family,
            "bytes": isinstance(self.raw, bytes),
            "raw": raw,
            "options": opts,
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Case:
        """Build a case from :meth:`to_record` output."""
        raw: str | bytes = rec["raw"].encode("latin-1") if rec["bytes"] else rec["raw"]
        opts = dict(rec.get("options", {}))
        if isinstance(opts.get("captured_at"), str):
            opts["captured_at"] = datetime.fromisoformat(opts["captured_at"])
        return cls(rec["family"], raw, opts)


# -- generators ---------------------------------------------------------------------------

_NEWS_LINES = (
    "Officials said the measure would take effect on {date}.",
    "By {name}, Staff Writer",
    "{place} (Reuters) — The central bank left rates unchanged on {date}.",
    "Home > News > World",
    "Share this article: Facebook Twitter Email",
    "Related: {title}",
    "Updated {date} at 10:42 a.m.",
    "{title} | The Daily Example",
    "#politics #economy #news",
    "Posted {ts}",
    "Copyright © 2019 Example Media. All rights reserved.",
    "The company could could not say when the plant would reopen.",
    "Analysts warned once morest the plan.",
    "{title}",
    "———",
    "1 2 3 4 5 Next »",
    "Read more: {title}",
    "“It was a long night,” she said. “We waited for news.”",
)
_NAMES = ("Ana Lima", "John O'Neil", "Mei Chen", "Jürgen Weiß", "Fatima Zahra")
_PLACES = ("LONDON", "NAIROBI, Kenya", "WASHINGTON, D.C.", "Frankfurt/Main", "SÃO PAULO")
_TITLES = (
    "Council approves budget after long debate",
    "Storm closes schools across the region",
    "MacBook Pro — but it wasn't the fix",
    "Prices rise for a third month",
)
_DATES = (
    "May 5, 2020",
    "2020-05-05",
    "5/5/20",
    "05.05.2020",
    "Tuesday",
    "2 hours ago",
    "1588636800",
    "October9 2018",
    "Ayer",
    "31/02/2021",
    "9999-12-31",
    "0001-01-01",
)
_CODECS = (
    "utf-8",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "cp1252",
    "latin-1",
    "koi8-r",
    "shift_jis",
    "gb18030",
    "cp1251",
    "iso-8859-7",
    "utf-8-sig",
)
_UNICODE_POOLS = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x300, 0x36F),
    (0x370, 0x3FF),
    (0x400, 0x4FF),
    (0x590, 0x6FF),
    (0x900, 0x97F),
    (0x2000, 0x206F),
    (0x3000, 0x30FF),
    (0x4E00, 0x4FFF),
    (0xAC00, 0xAD00),
    (0xD800, 0xDFFF),
    (0xE000, 0xE0FF),
    (0xFE00, 0xFE0F),
    (0x1F300, 0x1F64F),
    (0x0, 0x1F),
)
_HOSTILE = (
    lambda r: "<div>" * r.randint(100, 3000) + "deep text" + "</div>" * r.randint(0, 3000),
    lambda r: "<p>" + "a" * r.randint(1000, 200_000) + "</p>",
    lambda r: '<img src="x" onerror="alert(1)">' * r.randint(1, 500) + "<p>Body text here.</p>",
    lambda r: "<script>" + "var x=1;" * r.randint(1, 5000) + "</script><p>After script.</p>",
    lambda r: "<html><body>" + "&amp;" * r.randint(1, 20_000) + "&#xD800;&#0;&#x110000;</body></html>",
    lambda r: '<a href="javascript:alert(1)">' * r.randint(1, 2000) + "link",
    lambda r: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html>&e;</html>',
    lambda r: "<table>" + "<tr><td>cell</td>" * r.randint(1, 5000) + "</table>",
    lambda r: "<html><head><meta charset='utf-99'><title>" + "T" * r.randint(1, 10_000) + "</title>",
    lambda r: "<" * r.randint(1, 50_000),
    lambda r: "<p>" + " > " * r.randint(1, 20_000) + "</p>",
    lambda r: "<!--" + "-" * r.randint(1, 50_000),
    lambda r: "<html><body>" + "<p>Paragraph of text that reads like prose.</p>\n" * r.randint(1, 3000),
)


def _news_line(rng: random.Random) -> str:
    line = rng.choice(_NEWS_LINES)
    return line.format(
        date=rng.choice(_DATES),
        name=rng.choice(_NAMES),
        place=rng.choice(_PLACES),
        title=rng.choice(_TITLES),
        ts=rng.randint(0, 2_000_000_000),
    )


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(_UNICODE_POOLS)
        out.append(chr(rng.randint(lo, hi)))
        if rng.random() < 0.15:
            out.append(rng.choice(" \n\n\t.,—>|"))
    return "".join(out)


def _random_options(rng: random.Random) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if rng.random() < 0.3:
        opts["captured_at"] = rng.choice(
            (
                datetime(1, 1, 1),
                datetime(9999, 12, 31, 23, 59),
                datetime(2020, 5, 6, 12, 0),
                datetime(2024, 2, 29, 0, 0, tzinfo=UTC),
            )
        )
    if rng.random() < 0.2:
        opts["url"] = rng.choice(
            (
                "https://example.com/2020/05/05/story.html",
                "http://x/",
                "not a url",
                "https://ex.com/9999/99/99/",
            )
        )
    if rng.random() < 0.1:
        opts["language"] = rng.choice(("en", "de", "zz", "zh"))
    if rng.random() < 0.1:
        opts["spam_keywords"] = [rng.choice(("Book Pro", "best deals", "a", "Pro"))]
    return opts


def _real_texts(data: Path | None) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(_FIXTURES.rglob("*.txt"))]
    if data is not None and (data / "scrapinghub-aeb" / "html").is_dir():
        for i, p in enumerate(sorted((data / "scrapinghub-aeb" / "html").glob("*.html.gz"))):
            if i >= 40:
                break
            texts.append(gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))
    return texts


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text[: rng.randint(200, 60_000)])
    for _ in range(rng.randint(1, 40)):
        if not chars:
            break
        op = rng.random()
        i = rng.randrange(len(chars))
        if op < 0.3:
            del chars[i : i + rng.randint(1, 50)]
        elif op < 0.6:
            chars[i:i] = list(_random_unicode(rng, rng.randint(1, 10)))
        elif op < 0.8:
            j = rng.randrange(len(chars))
            chars[i:i] = chars[j : j + rng.randint(1, 200)]
        else:
            chars[i:i] = list(_news_line(rng) + "\n")
    return "".join(chars)


def generate(family: str, rng: random.Random, real: list[str]) -> Case:
    """Draw one input of ``family``."""
    if family == "bytes":
        n = rng.choice((0, 1, 2, 7, 64, 500, 4000))
        return Case(family, bytes(rng.getrandbits(8) for _ in range(n)))
    if family == "encoded":
        text = "\n".join(_news_line(rng) for _ in range(rng.randint(1, 20)))
        if rng.random() < 0.5:
            text += "\n" + _random_unicode(rng, rng.randint(0, 40))
        codec = rng.choice(_CODECS)
        return Case(family, text.encode(codec, errors="replace"), _random_options(rng))
    if family == "unicode":
        return Case(family, _random_unicode(rng, rng.randint(0, 400)), _random_options(rng))
    if family == "newslike":
        lines = [_news_line(rng) for _ in range(rng.randint(1, 40))]
        sep = rng.choice(("\n", "\n\n", "\r\n", " ", "\u2028"))
        return Case(family, sep.join(lines), _random_options(rng))
    if family == "hostile_html":
        return Case(family, rng.choice(_HOSTILE)(rng), _random_options(rng))
    if family == "mutated":
        return Case(family, _mutate(rng, rng.choice(real)), _random_options(rng))
    raise ValueError(f"unknown family {family!r}; choose from {', '.join(FAMILIES)}")


# -- checking -------------------------------------------------------------------------------


class _Timeout(BaseException):  # (not an Exception: the pipeline must not wrap it as a StageError)
    pass


#: The wall-clock limit of one input is this many times its CPU-time limit. A hang is
#: work that does not end, so the limit counts the process's CPU time; on a shared
#: machine a run at low priority waited 20 s of wall clock for inputs that clean in
#: 0.04-0.21 s of CPU (10 such in 18,000 inputs). The wall-clock limit is a backstop
#: for a wait that uses no CPU (a blocked read).
WALL_FACTOR = 10


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Timeout` after ``seconds`` of CPU time or ``WALL_FACTOR * seconds`` of wall clock."""

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Timeout

    old_prof = signal.signal(signal.SIGPROF, on_alarm)
    old_alarm = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * WALL_FACTOR)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old_prof)
        signal.signal(signal.SIGALRM, old_alarm)


def _input_words(raw: str | bytes) -> tuple[set[str], set[str]]:
    """The words of the input, and those of them that join letters across an invisible character."""
    from newsclean.errors import InputError
    from newsclean.inputs import decode_bytes

    if isinstance(raw, bytes):
        try:
            text = decode_bytes(raw)[0]
        except InputError:
            return set(), set()
    else:
        # a surrogate pair in a str is read as the character it encodes
        text = raw.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = html.unescape(text)
    # An invisible character between two letters may be deleted (joining them) or read
    # as a break (a vertical tab, a C1 next-line): a word of the output may be any piece
    # of a word joined across such characters, cut at some of them.
    joined, split = (
        {w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", _INVISIBLE.sub(sep, text)))}
        for sep in ("", " ")
    )
    return joined | split, joined - split


def _not_pieces(invented: set[str], joined: set[str]) -> set[str]:
    """The words of ``invented`` that are no piece of a word joined across invisible characters."""
    pieces = "\x00".join(joined)
    return {w for w in invented if w not in pieces}


def canonical(article: Any) -> str:
    """The canonical rendering of an Article (:meth:`newsclean.Article.to_text`)."""
    text: str = article.to_text()
    return text


def _second_pass_detail(doc: Any, first: Any, again: Any, changed: list[Any]) -> str:
    """Say why a second pass differs: ``first-pass kind: cause: example``.

    The cause is the stage and reason of the first content edit of the second pass,
    else which field changed (the title, found or lost, or the paragraphs). The
    part before the second colon is the grouping key of :func:`cause_of`.
    """
    kind = doc.kind
    if changed:
        what = changed[0]
        return f"{kind}: {what.stage}/{what.reason}: {what.before[:60]!r}"
    if again.title != first.title:
        if first.title is None:
            cause = "title found"
        elif again.title is None:
            cause = "title lost"
        else:
            cause = "title changed"
        return f"{kind}: {cause}: {first.title!r} -> {again.title!r}"[:200]
    return f"{kind}: paragraphs differ: {len(first.paragraphs)} -> {len(again.paragraphs)}"


def cause_of(detail: str) -> str:
    """The grouping key of a failure detail (the text before its second ``": "``)."""
    return ": ".join(detail.split(": ")[:2])


def check(case: Case, timeout: float) -> list[tuple[str, str]]:
    """Clean ``case`` and return the invariants it breaks, each with a detail."""
    from newsclean import default_pipeline, replay
    from newsclean.errors import NewscleanError, StageError
    from newsclean.pipeline import to_article

    pipeline = default_pipeline()
    broken: list[tuple[str, str]] = []
    try:
        with _time_limit(timeout):
            doc = pipeline.run(case.raw, **case.options)
            article = to_article(doc)
    except _Timeout:
        return [("no_hang", f"over {timeout}s of CPU or {timeout * WALL_FACTOR}s of wall clock")]
    except StageError as e:
        return [("no_stage_error", f"{e} <- {e.__cause__!r}"[:300])]
    except NewscleanError:
        return []
    except Exception as e:
        return [("no_foreign_exception", repr(e)[:300])]
    try:
        article.to_json().encode("utf-8")
    except UnicodeEncodeError as e:
        broken.append(("utf8_encodable", str(e)[:200]))
    try:
        if replay(doc.base_text, doc.edits[doc.base_index :]) != doc.text:
            broken.append(("replay", "replayed text differs"))
    except ValueError as e:
        broken.append(("replay", str(e)[:200]))
    words, joined = _input_words(case.raw)
    for e in article.edits:
        words.update(w.casefold() for w in _WORD.findall(e.after))
    # (a run of combining marks alone, left where a base letter was repaired, is no word)
    out_text = unicodedata.normalize("NFC", _INVISIBLE.sub("", canonical(article)))
    out_words = {w.casefold() for w in _WORD.findall(out_text) if _LETTER.search(w)}
    invented = _not_pieces(out_words - words, joined)
    if invented:
        broken.append(("no_invented_words", ", ".join(sorted(invented)[:5])))
    rendering = canonical(article)
    if rendering.strip():
        try:
            with _time_limit(timeout):
                again = pipeline(rendering, kind="text", **case.options)
        except _Timeout:
            broken.append(("no_hang", "second pass"))
        except Exception as e:
            broken.append(("second_pass_stable", f"second pass raised {e!r}"[:200]))
        else:
            changed = [
                e for e in again.edits if e.action in ("remove", "replace") and e.stage != "decode_bytes"
            ]
            if again.paragraphs != article.paragraphs or again.title != article.title or changed:
                broken.append(("second_pass_stable", _second_pass_detail(doc, article, again, changed)))
    return broken


def shrink(case: Case, invariant: str, timeout: float, budget: float = 20.0) -> Case:
    """Make ``case`` smaller while it still breaks ``invariant`` (lines, then chunks)."""
    deadline = time.monotonic() + budget

    def fails(raw: str | bytes) -> bool:
        trial = Case(case.family, raw, case.options)
        return any(name == invariant for name, _ in check(trial, timeout))

    raw = case.raw
    sep: str | bytes = b"\n" if isinstance(raw, bytes) else "\n"
    parts = raw.split(sep)  # type: ignore[arg-type]
    i = 0
    while i < len(parts) and len(parts) > 1 and time.monotonic() < deadline:
        trial = sep.join(parts[:i] + parts[i + 1 :])  # type: ignore[arg-type]
        if fails(trial):
            parts = parts[:i] + parts[i + 1 :]
        else:
            i += 1
    raw = sep.join(parts)  # type: ignore[arg-type]
    chunk = max(1, len(raw) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        while i < len(raw) and time.monotonic() < deadline:
            trial = raw[:i] + raw[i + chunk :]
            if trial and fails(trial):
                raw = trial
            else:
                i += chunk
        chunk //= 2
    return Case(case.family, raw, case.options)


def run(
    n: int,
    seed: int,
    families: tuple[str, ...],
    timeout: float,
    data: Path | None,
    out: Path | None,
    progress: Callable[[int], None] | None = None,
    max_reproducers: int = 50,
    shrink_only: frozenset[str] | None = None,
    failures: Path | None = None,
) -> dict[str, Any]:
    """Generate and check ``n`` inputs; return counts by family and invariant.

    ``shrink_only`` limits the shrinking (a few seconds each) to these invariants;
    ``failures`` names a JSON-lines file to append every failing case to, unshrunk.
    """
    rng = random.Random(seed)
    real = _real_texts(data)
    counts: Counter[tuple[str, str]] = Counter()
    per_family: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    examples: dict[str, tuple[Case, str]] = {}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for i in range(n):
        family = families[i % len(families)]
        case = generate(family, rng, real)
        per_family[family] += 1
        for name, detail in check(case, timeout):
            counts[(family, name)] += 1
            causes[f"{name}: {cause_of(detail)}"] += 1
            if failures is not None:
                with failures.open("a", encoding="utf-8") as fh:
                    rec = {"invariant": name, "detail": detail, **case.to_record()}
                    fh.write(json.dumps(rec, ensure_ascii=True) + "\n")
            if name not in examples or len(case.raw) < len(examples[name][0].raw):
                examples.setdefault(name, (case, detail))
        if progress and (i + 1) % 1000 == 0:
            progress(i + 1)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    reproducers = []
    for name, (case, detail) in sorted(examples.items())[:max_reproducers]:
        if shrink_only is not None and name not in shrink_only:
            continue
        small = shrink(case, name, timeout)
        reproducers.append({"invariant": name, "detail": detail, **small.to_record()})
    if out is not None and reproducers:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for rec in reproducers:
                fh.write(json.dumps(rec, ensure_ascii=True) + "\n")
    return {
        "n": n,
        "seed": seed,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "per_family": dict(per_family),
        "broken": {f"{fam}/{inv}": c for (fam, inv), c in sorted(counts.items())},
        "causes": dict(causes.most_common()),
        "reproducers": reproducers,
    }


#: Invariants whose examples a long checkpointed run shrinks: the ones that must
#: never break. Second-pass and invented-word examples are many and are not shrunk there.
HARD_INVARIANTS = frozenset(INVARIANTS[:5])


def run_checkpointed(
    n: int,
    seed: int,
    families: tuple[str, ...],
    timeout: float,
    data: Path | None,
    checkpoint: Path,
    chunk: int = 1000,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Run ``n`` inputs in chunks of ``chunk``, one JSON line per finished chunk in ``checkpoint``.

    Chunk ``k`` draws from seed ``seed * 1_000_000 + k``, so an interrupted run
    resumes where it stopped (finished chunks are read back, not redone) and
    :func:`summarize` reads the figures of a run still under way. With ``jobs``
    above 1, chunks are checked in that many worker processes (each with its own
    time limit); the inputs and checks are the same as in one process, and the
    figures depend only on which chunks are finished.
    """
    done = {rec["chunk"] for rec in _read_checkpoint(checkpoint)}
    checkpoint.parent.mkdir(parents=True, exist_ok=True)
    todo = [
        (k, min(chunk, n - k * chunk), seed * 1_000_000 + k, families, timeout, data)
        for k in range((n + chunk - 1) // chunk)
        if k not in done
    ]
    finished = len(done)

    def record(k: int, report: dict[str, Any]) -> None:
        nonlocal finished
        with checkpoint.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"chunk": k, "finished_at": time.time(), **report}, ensure_ascii=True) + "\n")
        finished += 1
        if progress:
            progress(finished * chunk)

    if jobs <= 1:
        for task in todo:
            record(*_run_chunk(task))
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for k, report in pool.imap_unordered(_run_chunk, todo):
                record(k, report)
    return summarize(checkpoint)


def _run_chunk(task: tuple[int, int, int, tuple[str, ...], float, Path | None]) -> tuple[int, dict[str, Any]]:
    """Check one chunk of a checkpointed run: ``(chunk, size, seed, families, timeout, data)``."""
    k, size, seed, families, timeout, data = task
    return k, run(size, seed, families, timeout, data, None, shrink_only=HARD_INVARIANTS)


def _read_checkpoint(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut by an interruption
    return out


def summarize(checkpoint: Path) -> dict[str, Any]:
    """Add up the chunks finished so far in ``checkpoint`` (see :func:`run_checkpointed`)."""
    recs = _read_checkpoint(checkpoint)
    per_family: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    reproducers: list[dict[str, Any]] = []
    for rec in recs:
        per_family.update(rec["per_family"])
        broken.update(rec["broken"])
        causes.update(rec.get("causes", {}))
        reproducers.extend(rec["reproducers"])
    return {
        "n": sum(rec["n"] for rec in recs),
        "seed": recs[0]["seed"] // 1_000_000 if recs else 0,
        "seconds": sum(rec["seconds"] for rec in recs),
        "cpu_seconds": sum(rec.get("cpu_seconds", 0.0) for rec in recs),
        # from the start of the first chunk to the end of the last (pauses included)
        "wall_seconds": (
            max(rec["finished_at"] for rec in recs) - min(rec["finished_at"] - rec["seconds"] for rec in recs)
            if recs and all("finished_at" in rec for rec in recs)
            else None
        ),
        "per_family": dict(per_family),
        "broken": dict(sorted(broken.items())),
        "causes": dict(causes.most_common()),
        "reproducers": reproducers,
    }


def corpus_second_pass(
    data: Path, cache: Path | None, unstable: list[tuple[str, str, str]] | None = None
) -> dict[str, tuple[int, int]]:
    """Second-pass check over the text capture of every development-corpus page.

    Args:
        data: The shared data folder.
        cache: The capture cache folder, or None.
        unstable: If given, (corpus, page id, cause) of each unstable page is appended.

    Returns:
        Per corpus: (pages whose rendering was non-empty, pages whose second pass
        changed content). Captures come from :func:`benchmarks.corpora.add_captures`.
    """
    from benchmarks.corpora import CORPORA, Cache, add_captures, load_corpus
    from newsclean import default_pipeline
    from newsclean.pipeline import to_article

    pipeline = default_pipeline()
    out: dict[str, tuple[int, int]] = {}
    for corpus in CORPORA:
        pages = load_corpus(data, corpus)
        add_captures(pages, Cache(cache))
        n = changed = 0
        for page in pages:
            doc = pipeline.run(page.capture, kind="text")
            first = to_article(doc)
            rendering = canonical(first)
            if not rendering.strip():
                continue
            n += 1
            again = pipeline(rendering, kind="text")
            edits = [e for e in again.edits if e.action in ("remove", "replace")]
            if edits or (again.title, again.paragraphs) != (first.title, first.paragraphs):
                changed += 1
                if unstable is not None:
                    unstable.append((corpus, page.id, _second_pass_detail(doc, first, again, edits)))
        out[corpus] = (n, changed)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz harness and print the invariant table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="inputs to generate (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="CPU seconds per input (default 10; wall clock 10x that)"
    )
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated families")
    parser.add_argument("--out", type=Path, default=Path("out/fuzz_reproducers.jsonl"))
    parser.add_argument(
        "--corpora",
        action="store_true",
        help="instead: second-pass check on the text capture of every development-corpus page",
    )
    parser.add_argument("--cache", type=Path, default=None, help="capture cache folder (with --corpora)")
    parser.add_argument(
        "--checkpoint",
        type=Path,
        default=None,
        help="run in chunks, one JSON line per finished chunk in this file; resumes an interrupted run",
    )
    parser.add_argument("--chunk", type=int, default=1000, help="inputs per checkpointed chunk")
    parser.add_argument(
        "--jobs", type=int, default=1, help="with --checkpoint: worker processes checking chunks (default 1)"
    )
    parser.add_argument(
        "--failures",
        type=Path,
        default=None,
        help="append every failing case, unshrunk, to this JSON-lines file",
    )
    parser.add_argument(
        "--summary", action="store_true", help="with --checkpoint: print the figures so far and stop"
    )
    add_data_argument(parser)
    args = parser.parse_args(argv)
    if args.corpora:
        unstable: list[tuple[str, str, str]] = []
        for corpus, (n, changed) in corpus_second_pass(args.data, args.cache, unstable).items():
            print(
                f"{corpus:<16} {n:>5} pages  second pass changes content on {changed:>4} ({changed / max(n, 1):.1%})"
            )
        for corpus, page_id, detail in unstable:
            print(f"- {corpus}/{page_id}: {detail[:140]}")
        return 0
    families = tuple(f for f in args.families.split(",") if f)
    for f in families:
        if f not in FAMILIES:
            parser.error(f"unknown family {f!r}; choose from {', '.join(FAMILIES)}")
    data = args.data if args.data.is_dir() else None
    progress = lambda k: print(f"  {k:,} inputs", file=sys.stderr, flush=True)  # noqa: E731
    if args.checkpoint is not None and args.summary:
        report = summarize(args.checkpoint)
    elif args.checkpoint is not None:
        report = run_checkpointed(
            args.n, args.seed, families, args.timeout, data, args.checkpoint, args.chunk, progress, args.jobs
        )
    else:
        report = run(
            args.n,
            args.seed,
            families,
            args.timeout,
            data,
            args.out,
            progress=progress,
            failures=args.failures,
        )
    n_in = report["n"]
    print(
        f"fuzzed {n_in:,} inputs (seed {report['seed']}): {report['seconds']:.0f} s of checking"
        f" ({n_in / max(report['seconds'], 1e-9):.1f} inputs/s), {report['cpu_seconds']:.0f} s of CPU"
        f" ({n_in / max(report['cpu_seconds'], 1e-9):.1f} inputs/s of CPU)"
    )
    if report.get("wall_seconds"):
        wall = report["wall_seconds"]
        print(f"wall clock {wall:.0f} s from the first chunk to the last: {n_in / wall:.1f} inputs/s")
    print(f"{'family':<14}" + "".join(f"{inv[:12]:>14}" for inv in INVARIANTS))
    for fam in families:
        row = [report["broken"].get(f"{fam}/{inv}", 0) for inv in INVARIANTS]
        print(f"{fam:<14}" + "".join(f"{c:>14}" for c in row) + f"   of {report['per_family'].get(fam, 0)}")
    total = sum(report["per_family"].values())
    stable = total - sum(v for k, v in report["broken"].items() if k.endswith("/second_pass_stable"))
    print(f"second pass stable on {stable / max(total, 1):.4%} of inputs")
    if report.get("causes"):
        print("broken invariants by cause (first-pass kind: stage/reason or changed field):")
        for cause, count in report["causes"].items():
            print(f"  {count:>6}  {cause}")
    for rec in report["reproducers"]:
        print(f"- {rec['invariant']}: {rec['detail'][:100]}\n    {rec['raw'][:160]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
