"""How cleaning time and memory grow with the size of one capture.

Run ``python -m benchmarks.scaling`` (``--sizes``, ``--shapes`` to narrow it). For each
input shape it builds captures of about 100 KB, 1 MB and 10 MB, cleans each in a
fresh process (so one measurement's memory does not hide another's), and prints the
CPU seconds per MB (wall time swings with the load of a shared machine), the ratio
of the largest size's seconds per MB to the smallest's (1.0 is linear; the target
is at most 1.3) and the peak memory above a warm baseline
as a multiple of the input size (target: at most 10).

Shapes: ordinary prose (``text``), a news page (``html``), one huge line
(``one_line``), and inputs that are pathological for line and pattern logic: a
``> `` flood, a breadcrumb-like ``a  >  a  >`` run, a ``<`` flood, thousands of
tiny lines, and a whitespace flood.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

_PROSE = (
    "The council approved the budget on Tuesday after a debate that ran late into the night. "
    "Officials said the plan would raise spending on schools and roads, and cut the deficit "
    "within three years. Critics warned that the estimates were too hopeful.\n\n"
)
_PAGE_HEAD = (
    "<!doctype html><html><head><title>Council approves budget</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>Council approves budget</h1>"
)
_PAGE_TAIL = "</article><footer>Copyright 2024 Example</footer></body></html>"


def _cut(text: str, n: int) -> str:
    """``text[:n]`` ending on a whole word: every size ends the same way.

    (A capture ending in a space costs one more scan of the text for blank runs;
    cut mid-word at one size and after a space at another, the two sizes were
    not comparable.)
    """
    head = text[:n]
    return head[: head.rfind(" ")].rstrip() if " " in head else head


SHAPES = {
    "text": lambda n: _cut(_PROSE * (n // len(_PROSE) + 1), n),
    "html": lambda n: (
        _PAGE_HEAD + ("<p>" + _PROSE.strip() + "</p>\n") * (n // (len(_PROSE) + 8) + 1) + _PAGE_TAIL
    ),
    "one_line": lambda n: _cut(_PROSE.replace("\n", " ") * (n // len(_PROSE) + 1), n),
    "gt_flood": lambda n: "> " * (n // 2),
    "breadcrumb_run": lambda n: ("a  >  " * (n // 6)) + "a>",
    "lt_flood": lambda n: "<" * n,
    "tiny_lines": lambda n: "a\n" * (n // 2),
    "whitespace": lambda n: " \t\n" * (n // 3),
}

_CHILD = textwrap.dedent(
    """
    import gc, json, resource, sys, time
    sys.setrecursionlimit(10000)
    from benchmarks.scaling import SHAPES
    import newsclean
    newsclean.clean("Warm up the pipeline on a short capture.\\n\\nIt has two paragraphs.")
    shape, size = sys.argv[1], int(sys.argv[2])
    raw = SHAPES[shape](size)
    gc.collect()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    c = time.process_time()
    err = None
    try:
        newsclean.clean(raw)
    except Exception as e:  # a typed error is an answer too; report it
        err = type(e).__name__
    dt = time.perf_counter() - t
    cpu = time.process_time() - c
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": dt, "cpu": cpu, "peak_kb": peak - base, "bytes": len(raw.encode()), "error": err}))
    """
)


def measure(shape: str, size: int, timeout: float) -> dict[str, object]:
    """Clean one capture of ``shape`` and ``size`` characters in a fresh process."""
    try:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, shape, str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_kb": None, "bytes": size, "error": f"over {timeout:.0f}s"}
    except subprocess.CalledProcessError as e:
        return {"seconds": None, "peak_kb": None, "bytes": size, "error": e.stderr.strip()[-200:]}
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    """Print seconds per MB and peak memory per shape and size."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000", help="characters per capture")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per capture")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="fresh processes per shape and size; the least CPU time and the largest peak are kept "
        "(on a shared machine one run's CPU time swings by half)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'shape':<16}"
        + "".join(f"{f's/MB @{s // 1000} KB':>16}" for s in sizes)
        + f"{'ratio':>8}{'peak×':>8}"
    )
    for shape in args.shapes.split(","):
        if shape not in SHAPES:
            parser.error(f"unknown shape {shape!r}; choose from {', '.join(SHAPES)}")
        per_mb: list[float | None] = []
        peak_ratio = None
        for size in sizes:
            runs = [measure(shape, size, args.timeout) for _ in range(max(1, args.repeat))]
            done = [r for r in runs if r["seconds"] is not None]
            if not done:
                per_mb.append(None)
                print(f"  {shape} {size}: {runs[0]['error']}", file=sys.stderr)
                continue
            mb = int(done[0]["bytes"]) / 1e6  # type: ignore[call-overload]
            per_mb.append(min(float(r["cpu"]) for r in done) / mb)  # type: ignore[arg-type]
            peak = max(int(r["peak_kb"]) for r in done)  # type: ignore[call-overload]
            peak_ratio = peak * 1024 / int(done[0]["bytes"])  # type: ignore[call-overload]
        cells = "".join(f"{v:>16.3f}" if v is not None else f"{'—':>16}" for v in per_mb)
        ratio = per_mb[-1] / per_mb[0] if per_mb[0] and per_mb[-1] else None
        print(
            f"{shape:<16}{cells}"
            + (f"{ratio:>8.2f}" if ratio else f"{'—':>8}")
            + (f"{peak_ratio:>8.1f}" if peak_ratio is not None else f"{'—':>8}")
        )
    print(
        "s/MB: CPU seconds of the cleaning process per MB, the least of --repeat runs "
        "(wall time swings with the machine's load)"
    )
    print("ratio: s/MB at the largest size over s/MB at the smallest (target ≤ 1.3);")
    print("peak×: peak RSS above the warm baseline over the input's UTF-8 size, largest size (target ≤ 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
