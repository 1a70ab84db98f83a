"""Throughput on 1, 2 and all cores; a 2-worker Dask cluster; a 1,000-record WARC with RSS.

    python -m benchmarks.scale [--data DIR] [--docs 120] [--warc-records 1000]

Captures: the Article Extraction Benchmark pages turned into plain-text
captures (``benchmarks.common.html_to_capture``), cached under ``--cache``.

1. ``clean_many(workers=k, returns="json")`` for k = 1, 2, all cores: docs/s and
   scaling efficiency ``(docs/s at k) / (k * docs/s at 1)``.
2. The command line on the same captures (one ``.txt`` file each), ``--jobs k``,
   timed end to end (process start included).
3. A ``LocalCluster(n_workers=2, processes=True)`` cleaning the captures as a Dask
   DataFrame (workers warmed first) against one process.
4. A generated WARC (each AEB page as an HTML response record, with its request
   record) of ``--warc-records`` responses, cleaned by the command line with all
   cores; the resident memory of the command and its workers is sampled.

The figures depend on how busy the machine is: the load average is printed
first, and efficiencies below the 0.8 target on a busy machine say little
about an idle one.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import add_data_argument, html_to_capture, load_aeb, table

#: Target of issue 14: each added core adds at least 0.8 of a core's throughput.
EFFICIENCY_TARGET = 0.8
#: Seconds between two RSS samples of the WARC run.
RSS_INTERVAL = 2.0


def _captures(data: Path, cache: Path, n: int) -> list[tuple[str, str, str]]:
    """Return ``(id, url, capture)`` for the first ``n`` AEB pages (cached)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / "aeb-captures.jsonl.gz"
    rows: list[tuple[str, str, str]] = []
    if path.exists():
        rows = [tuple(json.loads(line)) for line in gzip.decompress(path.read_bytes()).decode().splitlines()]  # type: ignore[misc]
    if len(rows) < n:
        pages = load_aeb(data, limit=n)
        rows = [(p.id, p.url, html_to_capture(p.html)) for p in pages]
        path.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    return rows[:n]


def _cpu() -> float:
    """CPU seconds used so far by this process and its reaped descendants."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


#: Run in a fresh interpreter for every ``clean_many`` row, so that no row inherits
#: caches warmed on these very captures by an earlier row (lookups of words and phrases
#: are cached: a second pass over the same texts runs several times faster).
_CHILD = """
import json, sys, time
from newsclean import clean, clean_many
texts = json.load(open(sys.argv[1], encoding="utf-8"))
clean("The council approved the budget on Monday.")  # the cold start, not timed
start = time.perf_counter()
n = sum(1 for _ in clean_many(texts, workers=int(sys.argv[2]), returns="json", on_error="skip"))
print(json.dumps({"n": n, "seconds": time.perf_counter() - start}))
"""


def _pool_rate(texts_file: Path, workers: int) -> tuple[float, float]:
    """Return docs/s and CPU seconds per doc of ``clean_many(workers=...)`` in a fresh process.

    The time counts the pool (start, warm-up in the workers, cleaning), not the
    interpreter start; the CPU counts the whole child process.
    """
    cpu = _cpu()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(texts_file), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["n"] / result["seconds"], (_cpu() - cpu) / result["n"]


def _cli_rate(path: Path, n: int, jobs: int) -> tuple[float, float]:
    """Return docs/s and CPU seconds per doc of the command, start-up included."""
    cpu, start = _cpu(), time.perf_counter()
    cmd = [sys.executable, "-m", "newsclean", "clean", str(path), "-q", "--jobs", str(jobs), "-o", os.devnull]
    subprocess.run(cmd, check=False)
    return n / (time.perf_counter() - start), (_cpu() - cpu) / n


def _dask_rate(texts: list[str]) -> float | None:
    try:
        import dask.dataframe as dd
        import pandas as pd
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask[distributed] not installed: Dask row skipped")
        return None
    from newsclean.integrations.dask import clean_dask, warm_workers

    frame = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=8)
    # Fresh worker processes, warmed on one short text like every clean_many row.
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        Client(cluster) as client,
    ):
        warm_workers(client)
        start = time.perf_counter()
        out = clean_dask(frame, "text", columns=["text", "error"]).compute()
        seconds = time.perf_counter() - start
    return len(out) / seconds


def _make_warc(path: Path, pages: list[tuple[str, str]], records: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "benchmarks.scale"}))
        for i in range(records):
            url, html = pages[i % len(pages)]
            url = f"{url}?copy={i}"
            req = w.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                warc_content_type="application/http; msgtype=request",
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
            w.write_record(req)
            w.write_record(
                w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            )


def _tree_rss(pid: int) -> int:
    """Resident set size, in bytes, of ``pid`` and all its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS")
            )
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total


def _warc_run(path: Path, records: int) -> tuple[float, list[tuple[float, int]], str]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", str(path), "-o", os.devnull],
        stderr=subprocess.PIPE,
        text=True,
    )
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        samples.append((time.perf_counter() - start, _tree_rss(proc.pid)))
        time.sleep(RSS_INTERVAL)
    err = proc.stderr.read() if proc.stderr else ""
    return (
        records / (time.perf_counter() - start),
        samples,
        err.strip().splitlines()[-1] if err.strip() else "",
    )


def main(argv: list[str] | None = None) -> None:
    from newsclean.batch import available_cores

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_argument(parser)
    parser.add_argument("--docs", type=int, default=120, help="captures for the throughput rows")
    parser.add_argument("--warc-records", type=int, default=1000, help="response records in the WARC")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(__file__).resolve().parents[1] / ".cache" / "scale",
        help="cache of the captures",
    )
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args(argv)

    cores = available_cores()
    print(f"cores available: {cores}; load average {os.getloadavg()} (an idle machine shows ~0)")
    rows = _captures(args.data, args.cache, args.docs)
    texts = [r[2] for r in rows]
    counts = sorted({1, 2, cores})

    results: list[list[Any]] = []
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "captures"
        folder.mkdir()
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        for pid, _, text in rows:
            (folder / f"{pid}.txt").write_text(text, encoding="utf-8")
        one = Path(tmp) / "one.txt"
        one.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
        rate, cpu = _cli_rate(one, 1, 1)
        print(
            f"command start-up (one short capture: import, cold start, exit): {1 / rate:.1f} s wall, {cpu:.1f} s CPU"
        )
        base_cpu: dict[str, float] = {}
        for k in counts:
            for name, (rate, cpu) in (
                ("clean_many", _pool_rate(texts_file, k)),
                ("newsclean clean", _cli_rate(folder, len(texts), k)),
            ):
                base.setdefault(name, rate)
                base_cpu.setdefault(name, cpu)
                eff = rate / (k * base[name])
                results.append([name, k, rate, rate / base[name], eff, cpu * 1000, base_cpu[name] / cpu])
    print(f"\n{len(texts)} AEB text captures")
    print(
        table(
            results,
            ["runner", "cores", "docs/s", "speed-up", "efficiency", "CPU ms/doc", "CPU efficiency"],
        )
    )
    print(
        "CPU efficiency = CPU per doc on 1 core / CPU per doc on k cores: the work the pool adds "
        "(start-up, pickling, the parent's share). It does not depend on how busy the machine is; "
        "on an idle machine, wall-clock efficiency approaches it when the run is long enough to "
        "hide start-up."
    )
    missed = [r for r in results if r[1] > 1 and r[4] < EFFICIENCY_TARGET]
    if missed:
        print(
            f"below the {EFFICIENCY_TARGET} efficiency target: {', '.join(f'{r[0]} x{r[1]}' for r in missed)}"
        )

    if not args.skip_dask:
        dask_rate = _dask_rate(texts)
        if dask_rate is not None:
            one = base["clean_many"]
            print(
                f"\nDask LocalCluster(2 worker processes): {dask_rate:.2f} docs/s, {dask_rate / one:.2f}x one process"
            )

    pages = [(p.url, p.html) for p in load_aeb(args.data, limit=200)]
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        _make_warc(warc, pages, args.warc_records)
        rate, samples, summary = _warc_run(warc, args.warc_records)
    print(
        f"\nWARC of {args.warc_records} responses (+ requests), {len(pages)} distinct AEB pages, "
        f"CLI on {cores} cores: {rate:.2f} docs/s; {summary}"
    )
    if samples:
        step = max(1, len(samples) // 10)
        shown = samples[::step] + ([samples[-1]] if samples[-1] not in samples[::step] else [])
        print(
            "RSS of the command and its workers (s: MiB): "
            + ", ".join(f"{t:.0f}: {b / 2**20:.0f}" for t, b in shown)
        )
        mid = [b for t, b in samples[:-1] if t > samples[-1][0] * 0.2]  # the last sample may be at exit
        if mid:
            print(
                f"after the first 20% of the run: min {min(mid) / 2**20:.0f} MiB, max {max(mid) / 2**20:.0f} MiB"
            )


if __name__ == "__main__":
    main()
