"""Every module-level pattern alone on adversarial text of growing length.

Run ``python -m benchmarks.patterns`` (``--only SUBSTRING`` narrows it to patterns whose
module, name or source contains the substring). The fuzz harness and the scaling
benchmark check the patterns behind the stages that guard them; this audit checks each
pattern on its own, as if the guards were gone.

For every compiled pattern found at module level in ``newsclean`` (bound to a name, in a
module-level tuple, list, dict or dataclass, behind :func:`newsclean.lazyre.lazy`, or
built by a cached builder without arguments, as vocabularies read from data are), it builds
inputs from the pattern's own literal characters and words (one character repeated,
two alternating, a literal word repeated or followed by a long run, short shapes such
as ``"Ab "``, ``"a  >  "`` or ``"1."``) and times ``finditer`` over the whole input,
the worst use a pattern can meet (``search`` at every position). Each input grows by
``--step`` until ``--max`` characters or until one run passes ``--cap`` seconds. The
growth exponent between the two largest sizes reached is ``log(t2 / t1) / log(step)``:
1 is linear, 2 quadratic. A pattern is listed as super-linear when its worst input grows
with an exponent above ``--exponent`` and its largest run takes at least ``--floor``
seconds (below that, timer noise decides the exponent). Each pattern runs in its own
process with a hard ``--timeout``; a pattern killed there is listed as a timeout.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import inspect
import math
import multiprocessing as mp
import pkgutil
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

#: Growth exponent above which a pattern counts as super-linear (1 is linear, 2 quadratic).
#: Cache effects move a linear pattern's exponent over one step to as much as 1.9 on inputs
#: of many tiny matches, so the exponent is taken over two steps (16 times the length).
EXPONENT_LIMIT = 1.4
#: A largest run shorter than this is not judged: its exponent is timer noise.
FLOOR_SECONDS = 0.02
#: Microseconds per character above which a linear pattern is listed as costly: the whole
#: text pipeline spends about 0.2-0.3 us per character of prose (``benchmarks.scaling``),
#: so one pattern at several times that on some input is where a hostile capture's time
#: goes. Listed, not failed: such a pattern is linear.
COST_LIMIT = 1.0

#: Short shapes that many text patterns treat specially: capitalised words, lists,
#: breadcrumbs, dates, addresses, separators, quotes.
_SHAPES = (
    "Ab ",
    "ab ",
    "AB ",
    "a.",
    "a. ",
    "Ab. ",
    "1,",
    "1 ",
    "1.",
    "12:",
    "a\n",
    "a \n",
    " \n",
    "\n\n",
    ". ",
    "a-",
    "a'",
    "Ab\n",
    "AB\n",
    "a: ",
    "a |",
    "a >",
    "a  >  ",
    "a » ",
    "# ",
    "@a ",
    "a/",
    "http://a",
    "www.a",
    "a@a.",
    "— ",
    "» ",
    "1.1.",
    "Jan 1 ",
    "a, ",
    "(a) ",
    "« a » ",
    "a\t",
    " \t\n",
    "\u00a0",
    "ab\u00a0",
    "日本",
    "Жж ",
    "a_",
    "a*",
    "- a\n",
    "* a\n",
    "1) ",
    "A. B. ",
)
#: Single characters every pattern is tried with, besides its own literal characters.
_BASE_CHARS = "aA1 \n\t.,-:;>|/\"'()#@!?*«»—–•·éЖ中\u00a0\u200b"
#: Characters paired with each other and with the pattern's literal punctuation.
_PAIR_CHARS = "aA1 \n."


@dataclass(frozen=True)
class Found:
    """A module-level pattern and where it lives."""

    module: str
    name: str
    source: str | bytes
    flags: int
    engine: str


def _is_pattern(value: Any) -> bool:
    from newsclean.lazyre import _LazyPattern

    return isinstance(value, (re.Pattern, regex.Pattern, _LazyPattern))


def _patterns_in(value: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Patterns in a value: itself, or inside its tuples, lists, dicts and dataclass fields."""
    if _is_pattern(value):
        yield "", value
        return
    if depth >= 3:
        return
    items: list[tuple[str, Any]] = []
    if isinstance(value, (tuple, list)):
        items = [(f"[{i}]", item) for i, item in enumerate(value[:1000])]
    elif isinstance(value, dict):
        items = [(f"[{key!r}]", item) for key, item in list(value.items())[:1000]]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [(f".{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value)]
    for label, item in items:
        for suffix, p in _patterns_in(item, depth + 1):
            yield label + suffix, p


def _built(value: Any) -> Any:
    """What a cached builder without arguments returns (the patterns it builds on first use)."""
    if not (callable(value) and hasattr(value, "cache_info")):
        return None
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return None
    if any(p.default is p.empty for p in signature.parameters.values()):
        return None
    return value()


def _with_arguments() -> dict[str, dict[str, Any]]:
    """Builders that take arguments, called as the stages call them, by module."""
    from newsclean import datewords
    from newsclean.stages import boilerplate_vocab, encoding, spinner_table

    months = datewords._patterns()
    return {
        "newsclean.datewords": {
            f"_patterns().{name}": regex.compile(source, flags)
            for name, (source, flags) in months._sources.items()
        },
        "newsclean.stages.boilerplate_vocab": {"_vocab('en')": boilerplate_vocab._vocab("en")},
        "newsclean.stages.spinner_table": {
            "_model()": spinner_table._model(spinner_table._packaged_substitutions())
        },
        "newsclean.stages.encoding": {"_run_re('')": encoding._run_re("")},
    }


def find_patterns() -> list[Found]:
    """Every distinct compiled pattern held at module level in the package.

    That is patterns bound to module names, held in module-level tuples, lists, dicts
    and dataclass instances, and built by the module's cached builders that take no
    argument (a vocabulary read from a data file, the month names of a calendar).
    """
    import newsclean
    from newsclean.lazyre import _LazyPattern

    seen: set[tuple[str | bytes, int, str]] = set()
    found = []
    extra = _with_arguments()
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        holders = []
        for name, value in sorted(vars(module).items()):
            if getattr(value, "__module__", info.name) != info.name and not _is_pattern(value):
                continue  # imported from elsewhere: audited where it is defined
            built = _built(value)
            holders.append((built, f"{name}()") if built is not None else (value, name))
        holders += [(value, name) for name, value in extra.get(info.name, {}).items()]
        for holder, label in holders:
            for suffix, p in _patterns_in(holder):
                if isinstance(p, _LazyPattern):
                    engine = p._engine.__name__
                else:
                    engine = "re" if isinstance(p, re.Pattern) else "regex"
                key = (p.pattern, p.flags, engine)
                if key in seen:
                    continue
                seen.add(key)
                found.append(Found(info.name, label + suffix, p.pattern, p.flags, engine))
    return found


def _literals(source: str) -> tuple[str, list[str]]:
    """The literal characters and words of a pattern's source."""
    bare = re.sub(r"\\[pPN]\{[^}]*\}|\\[A-Za-z]", " ", source)
    bare = re.sub(r"\(\?[a-zA-Z<=!:>]*", " ", bare)
    chars = "".join(sorted({c for c in bare if not c.isspace() and c not in "()[]{}?+*^$|\\"}))
    words = sorted({w for w in re.findall(r"[^\W\d_]{2,}", bare)}, key=lambda w: (-len(w), w))
    # the longest and the shortest: a vocabulary's short labels ("By") open many patterns
    return chars, list(dict.fromkeys(words[:6] + words[-6:]))


def inputs(source: str | bytes) -> list[tuple[str, str, str, str]]:
    """``(label, head, unit, tail)``: the input is ``head + unit * k + tail``."""
    chars, words = _literals(source.decode("latin-1") if isinstance(source, bytes) else source)
    out: list[tuple[str, str, str, str]] = []
    singles = dict.fromkeys(_BASE_CHARS + chars)
    for c in singles:
        for tail in ("", "a", "!", "\n"):
            if tail != c:
                out.append((f"{c!r}*{'+' + repr(tail) if tail else ''}", "", c, tail))
    pair = dict.fromkeys(_PAIR_CHARS + "".join(c for c in chars if not c.isalnum())[:6])
    for a in pair:
        for b in pair:
            if a != b:
                out.append((f"{a + b!r}*", "", a + b, ""))
    for shape in _SHAPES:
        out.append((f"{shape!r}*", "", shape, ""))
        out.append((f"{shape!r}*+'!'", "", shape, "!"))
    for w in words:
        for sep in (" ", "\n", "", ". ", ": "):
            out.append((f"{w + sep!r}*", "", w + sep, ""))
        for run in (" ", "a", "a ", "Ab ", "\n"):
            out.append((f"{w!r}+{run!r}*", w + " ", run, ""))
    return out


def _time(p: Any, text: str | bytes, cap: float) -> float:
    """CPU seconds (wall time swings with the load): the least of two runs of ``finditer`` (one run when it already passes ``cap``)."""
    best = math.inf
    for _ in range(2):
        t0 = time.process_time()
        for _m in p.finditer(text):
            pass
        best = min(best, time.process_time() - t0)
        if best > cap:
            break
    return best


@dataclass(frozen=True)
class Worst:
    """The worst input of one pattern by growth and by cost per character."""

    exponent: float
    label: str
    size: int
    seconds: float
    cost_label: str
    cost_size: int
    cost_seconds: float

    @property
    def us_per_char(self) -> float:
        """Microseconds per input character of the costliest input at its largest size."""
        return self.cost_seconds / max(self.cost_size, 1) * 1e6


def measure(found: Found, start: int, step: int, top: int, cap: float) -> Worst:
    """The worst input by growth exponent, and the costliest per character.

    Inputs whose largest run stays under :data:`FLOOR_SECONDS` count with exponent 0.
    """
    engine = re if found.engine == "re" else regex
    p = engine.compile(found.source, found.flags)
    binary = isinstance(found.source, bytes)
    grow = (0.0, "", 0, 0.0)
    cost = ("", 1, 0.0)
    for label, head, unit, tail in inputs(found.source):
        n, times = start, []
        while n <= top:
            text = head + unit * max(1, n // len(unit)) + tail
            t = _time(p, text.encode("utf-8", "surrogatepass") if binary else text, cap)
            times.append((len(text), t))
            if t > cap:
                break
            n *= step
        if len(times) < 2:
            continue
        # over two steps where there are three sizes: one step's ratio swings with caches
        (_, t1), (n2, t2) = times[-min(3, len(times))], times[-1]
        exponent = math.log(max(t2, 1e-7) / max(t1, 1e-7)) / math.log(step) / (min(3, len(times)) - 1)
        judged = exponent if t2 >= FLOOR_SECONDS else 0.0
        if (judged, t2) > (grow[0], grow[3]):
            grow = (judged, label, n2, t2)
        if t2 / n2 > cost[2] / cost[1]:
            cost = (label, n2, t2)
    return Worst(*grow, *cost)


def _worker(found: Found, args: argparse.Namespace, conn: Any) -> None:
    conn.send(measure(found, args.start, args.step, args.max, args.cap))
    conn.close()


def _report(f: Found, proc: Any, recv: Any, t0: float, timed_out: bool, args: argparse.Namespace) -> str:
    """Print one pattern's line; return its tag (``SUPER``, ``COSTLY``, ``TIMEOUT``, ``ok``…)."""
    if timed_out:
        proc.kill()
        proc.join()
        print(f"TIMEOUT  {f.module}.{f.name}  ({args.timeout:.0f} s)  {f.source[:90]!r}", flush=True)
        return "TIMEOUT"
    proc.join()
    if not recv.poll():
        print(f"CRASHED  {f.module}.{f.name}", flush=True)
        return "CRASHED"
    w = recv.recv()
    super_linear = w.exponent > args.exponent
    costly = w.us_per_char > args.cost
    tag = "SUPER" if super_linear else "COSTLY" if costly else "ok"
    if tag != "ok" or args.all:
        print(
            f"{tag:<7} {w.exponent:4.2f}  {f.module}.{f.name}: worst {w.label} at {w.size:,} chars"
            f" {w.seconds * 1000:.1f} ms; costliest {w.cost_label} {w.us_per_char:.2f} us/char"
            f"  [{time.perf_counter() - t0:.0f} s]  {f.source[:80]!r}",
            flush=True,
        )
    return tag


def main(argv: list[str] | None = None) -> int:
    """Audit the patterns and print the super-linear and costly ones; exit 1 if any grows faster."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.patterns", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only", default="", help="audit only patterns whose module, name or source has this"
    )
    parser.add_argument("--start", type=int, default=256, help="smallest input length (default 256)")
    parser.add_argument("--step", type=int, default=4, help="growth factor between sizes (default 4)")
    parser.add_argument("--max", type=int, default=65536, help="largest input length (default 65536)")
    parser.add_argument("--cap", type=float, default=0.5, help="stop growing an input past this many s")
    parser.add_argument("--timeout", type=float, default=120.0, help="hard limit per pattern, s")
    parser.add_argument("--exponent", type=float, default=EXPONENT_LIMIT, help="super-linear above this")
    parser.add_argument("--cost", type=float, default=COST_LIMIT, help="costly above this many us/char")
    parser.add_argument(
        "--jobs", type=int, default=2, help="patterns measured at once (CPU time is measured)"
    )
    parser.add_argument("--all", action="store_true", help="print every pattern, not only super-linear ones")
    args = parser.parse_args(argv)

    found = [f for f in find_patterns() if args.only in f"{f.module}.{f.name} {f.source!r}"]
    print(f"{len(found)} module-level patterns; inputs up to {args.max:,} characters", flush=True)
    tags: Counter[str] = Counter()
    ctx = mp.get_context("fork")
    running: list[tuple[Found, Any, Any, float]] = []
    queue = list(found)
    while queue or running:
        while queue and len(running) < args.jobs:
            f = queue.pop(0)
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(f, args, send))
            proc.start()
            running.append((f, proc, recv, time.perf_counter()))
        time.sleep(0.05)
        for item in list(running):
            f, proc, recv, t0 = item
            timed_out = time.perf_counter() - t0 > args.timeout
            if proc.is_alive() and not timed_out:
                continue
            running.remove(item)
            tags[_report(f, proc, recv, t0, timed_out, args)] += 1
    bad = tags["SUPER"] + tags["TIMEOUT"] + tags["CRASHED"]
    print(
        f"{len(found)} patterns: {tags['SUPER']} super-linear (exponent > {args.exponent}),"
        f" {tags['TIMEOUT']} timed out, {tags['CRASHED']} crashed;"
        f" {tags['COSTLY']} linear but over {args.cost} us/char"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
