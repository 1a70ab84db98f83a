"""Throughput of ``clean()`` against ``ftfy.fix_text`` alone, HTML against trafilatura, cold start.

Run from the project folder::

    python -m benchmarks.throughput [--data ../shared/data] [--limit N] [--skip-html]
    python -m benchmarks.throughput --html-only   # only the HTML section
    python -m benchmarks.throughput --cold-only [--cold-runs 9]   # only the cold section

Captures: the 181 pages of the Article Extraction Benchmark, as HTML and turned into
plain-text captures (``benchmarks.common.html_to_capture``). What it prints:

* **text**: ``newsclean.clean()`` and ``ftfy.fix_text`` on the same text captures. The
  captures are cut into chunks and each chunk is timed with both, one after the other,
  so load on the machine falls on both alike. Each capture is seen once by each: several
  of newsclean's word and phrase lookups are cached, and timing repeated passes over the
  same captures would flatter it. The yardstick is the ratio (target: at least 2.0;
  goal 4.0, about 1,000 captures/s per core). It is also printed for each half: the
  first half pays for the tables loaded on first need, the second shows the steady state.
  Both wall-clock and CPU time are printed: both sides run in this one thread, so the
  CPU-time ratio is theirs alone and stays steadier when other jobs load the machine.
* **collector**: CPU milliseconds per capture the cyclic garbage collector took during
  the text run, by generation and by the side that was running when it started, and the
  kinds of object it tracks most after the run (the long-lived ones every full collection
  walks).
* **stages**: CPU milliseconds per capture for each stage of the default pipeline.
* **html**: ``clean(html)`` against ``trafilatura.extract`` (default settings, and with
  ``with_metadata=True``), alternating in the same way and printed for each half too
  (target: at least 2.0), with the cyclic collector's share of the halves.
* **cold**: a fresh process running ``import newsclean; newsclean.clean(capture)``
  against a fresh process running ``import ftfy; ftfy.fix_text(capture)``, with bytecode
  cached as in an installed package, in wall and CPU time, and the bare interpreter's
  start-up for reference.
* **pickle**: size and time of pickling the Articles (what crosses a process pool).
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import add_data_argument, html_to_capture, load_aeb

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class _Split:
    """Wall and CPU seconds of two sides timed in alternation."""

    def __init__(self) -> None:
        self.wall = [0.0, 0.0]
        self.cpu = [0.0, 0.0]


class _Collector:
    """CPU seconds and runs of the cyclic collector by side and generation (a ``gc.callbacks`` hook)."""

    def __init__(self) -> None:
        self.side = 0
        self.cpu = [[0.0] * 3, [0.0] * 3]
        self.runs = [[0] * 3, [0] * 3]
        self.longest = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
            return
        spent = time.process_time() - self._start
        self.cpu[self.side][info["generation"]] += spent
        self.runs[self.side][info["generation"]] += 1
        if info["generation"] == 2:
            self.longest = max(self.longest, spent)


def _alternate_both(
    items: list[str],
    a: Callable[[str], object],
    b: Callable[[str], object],
    chunk: int = 10,
    collector: _Collector | None = None,
) -> _Split:
    """Wall and CPU seconds of ``a`` and ``b`` over ``items``, chunk by chunk, alternating.

    Both sides run in this one thread, so CPU time (``time.process_time``) is
    theirs alone; it moves far less than wall time when other jobs load the
    machine.
    """
    split = _Split()
    for i in range(0, len(items), chunk):
        part = items[i : i + chunk]
        order = (0, 1) if (i // chunk) % 2 == 0 else (1, 0)
        for side in order:
            fn = a if side == 0 else b
            if collector is not None:
                collector.side = side
            w, c = time.perf_counter(), time.process_time()
            for x in part:
                fn(x)
            split.wall[side] += time.perf_counter() - w
            split.cpu[side] += time.process_time() - c
    return split


def _warm() -> None:
    """Let both sides load what they load on first use, on the bundled fixtures only.

    The text controls warm ``clean()`` and ``ftfy.fix_text``; the bundled HTML page warms
    ``clean(html)`` and, when it is installed, ``trafilatura.extract``. The measured
    captures stay unseen by both.
    """
    import ftfy

    import newsclean

    for p in sorted((FIXTURES / "clean").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        newsclean.clean(text)
        ftfy.fix_text(text)
    extract: Callable[[str], object] | None
    try:
        from trafilatura import extract
    except ImportError:
        extract = None
    for p in sorted((FIXTURES / "pages").glob("*.html")):
        html = p.read_text(encoding="utf-8")
        newsclean.clean(html)
        if extract is not None:
            extract(html)


def _stage_ms(captures: list[str]) -> list[tuple[str, float]]:
    from newsclean import default_pipeline
    from newsclean.inputs import load

    pipeline = default_pipeline()
    totals = {s.name: 0.0 for s in pipeline}
    for c in captures:
        doc = load(c)
        for s in pipeline:
            t = time.process_time()
            doc = s(doc)
            totals[s.name] += time.process_time() - t
    return [(name, 1000 * t / len(captures)) for name, t in totals.items()]


_COLD = {
    "newsclean": "import newsclean; newsclean.clean(open(sys.argv[1], encoding='utf-8').read())",
    "ftfy": "import ftfy; ftfy.fix_text(open(sys.argv[1], encoding='utf-8').read())",
}


#: Counts, in a fresh process, the patterns the first clean() built from the packaged compiled
#: forms and those it compiled from source (``data/regex_forms.marshal`` did not hold them).
_FORMS_PROBE = """
import re, sys, regex
from newsclean import lazyre, regexlite
missed = []
def counting(real, caller):
    def compile_(pattern, flags=0, **kwargs):
        if sys._getframe(1).f_code is caller.__code__:
            missed.append(pattern)
        return real(pattern, flags, **kwargs)
    return compile_
regex.compile = counting(regex.compile, lazyre.regex_compile)
re.compile = counting(re.compile, lazyre.re_compile)
import newsclean
newsclean.clean(open(sys.argv[1], encoding='utf-8').read())
print(len(regexlite._built), len(missed))
"""


#: Says, in a fresh process, which modules the first clean() imported that it might not need:
#: regex's parser (a pattern without a packaged form) and inspect (through dataclasses).
_MODULES_PROBE = """
import sys
import newsclean
newsclean.clean(open(sys.argv[1], encoding='utf-8').read())
print(",".join(m for m in ("regex._regex_core", "inspect") if m in sys.modules) or "-")
"""


#: Counts, in a fresh process, the dataclass methods newsclean's imports built from the packaged
#: code and those compiled from source (``data/class_code.marshal`` did not hold them).
_CLASS_PROBE = """
import builtins, dataclasses, sys
texts = []
def counting(source, globals=None, locals=None, /):
    from newsclean import classcode
    if isinstance(source, str) and classcode._open:
        texts.append(source)
        return classcode._exec(source, globals, locals)
    return builtins.exec(source, globals, locals)
dataclasses.exec = counting
import newsclean
newsclean.clean(open(sys.argv[1], encoding='utf-8').read())
from newsclean import classcode
print(len(texts), sum(t not in classcode._packaged() for t in texts))
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``argv``; return its wall time and the CPU time it used."""
    cpu, t = _child_cpu(), time.perf_counter()
    subprocess.run(argv, check=True, env=env)
    return time.perf_counter() - t, _child_cpu() - cpu


def _cold(path: Path, runs: int = 3) -> dict[str, tuple[float, float]]:
    """Time each one-liner in fresh processes, as an installed package runs: (wall, CPU) medians.

    An installed package has its bytecode compiled (pip does it); a source tree
    run with ``PYTHONDONTWRITEBYTECODE`` set would compile every module on every
    run instead. So each side runs once untimed with a private bytecode cache
    (``PYTHONPYCACHEPREFIX``), then ``runs`` times with it, the one-liners taking
    turns (one run of each per round, the order reversed every other round) so
    that a change of the machine's load during the measurement weighs on all of
    them alike. CPU time is reported next to wall time because it moves much less
    when other jobs load the machine.
    """
    with tempfile.TemporaryDirectory(prefix="newsclean-cold-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        programs = {name: "import sys; " + code for name, code in _COLD.items()}
        programs["start-up"] = "pass"
        argvs = {name: [sys.executable, "-c", code, str(path)] for name, code in programs.items()}
        for argv in argvs.values():
            subprocess.run(argv, check=True, env=env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in argvs}
        for i in range(runs):
            for name in list(argvs)[:: 1 if i % 2 == 0 else -1]:
                times[name].append(_timed_run(argvs[name], env))
    return {
        name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for name, got in times.items()
    }


def main(argv: list[str] | None = None) -> int:
    """Print the throughput tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--skip-html", action="store_true", help="do not time the HTML path")
    parser.add_argument(
        "--html-only", action="store_true", help="time only the HTML path (no text, pickle or cold sections)"
    )
    parser.add_argument(
        "--cold-only", action="store_true", help="time only the cold first call (fresh processes)"
    )
    parser.add_argument(
        "--cold-runs", type=int, default=5, help="fresh processes per one-liner (median; default 5)"
    )
    args = parser.parse_args(argv)
    if args.cold_only:
        if not (args.data / "scrapinghub-aeb").exists():
            print(f"no AEB data at {args.data}; pass --data", file=sys.stderr)
            return 1
        _print_cold(html_to_capture(load_aeb(args.data, 1)[0].html), args.cold_runs)
        return 0

    import ftfy

    import newsclean

    if not (args.data / "scrapinghub-aeb").exists():
        print(f"no AEB data at {args.data}; pass --data", file=sys.stderr)
        return 1
    pages = load_aeb(args.data, args.limit)
    if args.html_only:
        _warm()
        _print_html([p.html for p in pages])
        return 0
    captures = [html_to_capture(p.html) for p in pages]
    size = sum(len(c) for c in captures) / 1e6
    print(
        f"{len(captures)} text captures, {size:.2f} million characters (median {statistics.median(map(len, captures)):,.0f})"
    )
    _warm()

    # Each capture is seen once by each side. The even half comes first and pays for what
    # is loaded on first need (word lists of a language, date patterns); the odd half then
    # shows the rate of a process that has been cleaning for a while.
    collector = _Collector()
    gc.callbacks.append(collector)
    try:
        first = _alternate_both(captures[::2], newsclean.clean, ftfy.fix_text, collector=collector)
        second = _alternate_both(captures[1::2], newsclean.clean, ftfy.fix_text, collector=collector)
    finally:
        gc.callbacks.remove(collector)
    n = len(captures)
    print("\n## text captures (each seen once)")
    for kind in ("wall", "cpu"):
        (f_ours, f_theirs), (s_ours, s_theirs) = getattr(first, kind), getattr(second, kind)
        total_ours, total_theirs = f_ours + s_ours, f_theirs + s_theirs
        label = "wall clock" if kind == "wall" else "CPU time (this process only; steadier under load)"
        print(f"-- {label}")
        print(f"newsclean.clean()  {n / total_ours:8.1f} docs/s  {1000 * total_ours / n:6.2f} ms/doc")
        print(f"ftfy.fix_text      {n / total_theirs:8.1f} docs/s  {1000 * total_theirs / n:6.2f} ms/doc")
        print(f"ratio clean() / ftfy.fix_text: {total_theirs / total_ours:.2f}x  (target >= 2.0, goal 4.0)")
        print(
            f"  first half {f_theirs / f_ours:.2f}x (loads tables on first need); "
            f"second half {s_theirs / s_ours:.2f}x (steady state)"
        )

    _print_collector(collector, n)

    print("\n## CPU ms per capture by stage (second sight of the same captures)")
    for name, ms in _stage_ms(captures):
        print(f"  {name:<22} {ms:6.2f}")

    articles = [newsclean.clean(c) for c in captures[:50]]
    t = time.perf_counter()
    blobs = [pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in articles]
    dt = time.perf_counter() - t
    print("\n## pickle (Articles, raw included)")
    print(f"median {statistics.median(map(len, blobs)) / 1000:.1f} KB, {1000 * dt / len(blobs):.2f} ms each")

    if not args.skip_html:
        _print_html([p.html for p in pages])

    _print_cold(captures[0], args.cold_runs)
    return 0


def _print_html(htmls: list[str]) -> None:
    """Print the HTML table: ``clean(html)`` against ``trafilatura.extract``, each page seen once."""
    import newsclean

    try:
        import trafilatura
    except ImportError:
        print("\n(trafilatura missing: pip install '.[bench]')")
        return
    n = len(htmls)
    # as for the text captures: the first half pays for what either side loads on
    # first need (a word list, a module a rare page needs), the second half is steady
    collector = _Collector()
    gc.callbacks.append(collector)
    try:
        halves = [
            _alternate_both(part, newsclean.clean, trafilatura.extract, collector=collector)
            for part in (htmls[::2], htmls[1::2])
        ]
    finally:
        gc.callbacks.remove(collector)
    meta = _alternate_both(htmls, lambda h: None, lambda h: trafilatura.extract(h, with_metadata=True))
    print("\n## HTML pages (each seen once)")
    for kind in ("wall", "cpu"):
        (f_ours, f_theirs), (s_ours, s_theirs) = (getattr(h, kind) for h in halves)
        ours, theirs = f_ours + s_ours, f_theirs + s_theirs
        with_meta = getattr(meta, kind)[1]
        print(f"-- {'wall clock' if kind == 'wall' else 'CPU time'}")
        print(f"clean(html)                          {n / ours:6.1f} pages/s")
        print(f"trafilatura.extract                  {n / theirs:6.1f} pages/s")
        print(f"trafilatura.extract(with_metadata)   {n / with_meta:6.1f} pages/s")
        print(
            f"ratio clean(html) / extract: {theirs / ours:.2f}x; / with_metadata: "
            f"{with_meta / ours:.2f}x (target >= 2.0)"
        )
        print(
            f"  first half {f_theirs / f_ours:.2f}x (loads on first need); "
            f"second half {s_theirs / s_ours:.2f}x (steady state)"
        )
    print("-- cyclic collector during the halves (CPU ms per page; runs), by the side that started it")
    for side, name in ((0, "clean(html)"), (1, "trafilatura.extract")):
        cells = "  ".join(
            f"gen{g} {1000 * collector.cpu[side][g] / n:5.2f} ({collector.runs[side][g]})" for g in range(3)
        )
        print(f"{name:<20} {1000 * sum(collector.cpu[side]) / n:5.2f}  = {cells}")


def _print_collector(collector: _Collector, n: int) -> None:
    """Print the collector's share of the text run and what it tracks afterwards."""
    print("\n## cyclic collector during the text run (CPU ms per capture; runs)")
    for side, name in ((0, "newsclean.clean()"), (1, "ftfy.fix_text")):
        cells = "  ".join(
            f"gen{g} {1000 * collector.cpu[side][g] / n:5.2f} ({collector.runs[side][g]})" for g in range(3)
        )
        print(f"{name:<18} {1000 * sum(collector.cpu[side]) / n:5.2f}  = {cells}")
    print(f"longest full collection {1000 * collector.longest:.1f} ms")
    gc.collect()
    tracked = gc.get_objects()
    kinds = collections.Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in tracked)
    print(f"objects tracked after the run: {len(tracked):,}; most: ", end="")
    print(", ".join(f"{kind} {count:,}" for kind, count in kinds.most_common(5)))


def _print_cold(capture: str, runs: int) -> None:
    """Print the cold first-call table for ``capture`` (the first AEB page as text)."""
    path = Path("/tmp") / "newsclean_cold_capture.txt"
    path.write_text(capture, encoding="utf-8")
    cold = _cold(path, runs=runs)
    print(f"\n## cold first call in a fresh process (median of {runs}, bytecode cached, start-up included)")
    print("                              wall ms   CPU ms")
    for label, key in (
        ("import newsclean + clean()", "newsclean"),
        ("import ftfy + fix_text()", "ftfy"),
        ("interpreter start-up alone", "start-up"),
    ):
        print(f"{label:<28} {1000 * cold[key][0]:8.0f} {1000 * cold[key][1]:8.0f}")
    for i, kind in ((0, "wall"), (1, "CPU")):
        beyond = cold["newsclean"][i] - cold["start-up"][i]
        print(
            f"{kind}: ratio {cold['newsclean'][i] / cold['ftfy'][i]:.2f}x (target <= 2.0); "
            f"{1000 * beyond:.0f} ms beyond start-up (target <= 200 ms)"
        )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for probe, what, rebuild in (
        (
            _FORMS_PROBE,
            "patterns built from data/regex_forms.marshal",
            "rebuild it, python -m benchmarks.regex_forms",
        ),
        (
            _CLASS_PROBE,
            "dataclass methods made in newsclean's imports",
            "rebuild data/class_code.marshal, python -m benchmarks.class_code",
        ),
    ):
        out = subprocess.run(
            [sys.executable, "-c", probe, str(path)], env=env, capture_output=True, text=True, check=True
        )
        packaged, compiled = out.stdout.split()
        print(f"{what}: {packaged}; compiled from source: {compiled} (many: {rebuild})")
    out = subprocess.run(
        [sys.executable, "-c", _MODULES_PROBE, str(path)], env=env, capture_output=True, text=True, check=True
    )
    print(f"imported by the first call although a capture may not need them: {out.stdout.strip()}")
    print(json.dumps({"load": list(os.getloadavg())}))


if __name__ == "__main__":
    sys.exit(main())
