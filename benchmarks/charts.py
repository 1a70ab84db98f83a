"""Charts of the benchmark figures for the docs site.

The figures live in ``benchmarks/figures.json``, one section per chart, each
with the command that produced it and when it was measured. A benchmark script
(or a person copying a table) stores a section with :func:`record`;
``python -m benchmarks.charts`` renders every section present into
``docs/img/<section>.png``, which the docs pages show:

* ``corpus_f1``: ``{"corpora": {corpus: {system: F1}}}`` — grouped bars;
* ``throughput``: ``{"unit": ..., "systems": {system: value}}`` — horizontal bars;
* ``scaling``: ``{"workers": {n: docs_per_s}}`` — documents per second by worker
  processes, with the ideal linear line.

``python -m benchmarks.charts --measure-scaling`` measures the ``scaling``
section first: it cleans the bundled fixture captures, repeated, with
``clean_many`` in a process pool of 1, 2, … workers (up to the number of
cores) and records the documents per second of each. matplotlib is in the
``[bench]`` extra and is imported only here.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "benchmarks" / "figures.json"
IMAGES = ROOT / "docs" / "img"
#: Chart size in inches and resolution: small PNGs (tens of KB) that stay sharp in the docs.
SIZE = (7.0, 3.6)
DPI = 110
#: Colours: newsclean's own systems in blue, each peer in its own grey.
OURS, PEERS = "#2b6cb0", "#a0aec0"
PEER_SHADES = ("#4a5568", "#718096", "#a0aec0", "#cbd5e0", "#e2e8f0")


def load(path: Path = FIGURES) -> dict[str, Any]:
    """Return the stored figures (an empty mapping if there are none yet)."""
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def record(section: str, payload: Mapping[str, Any], path: Path = FIGURES) -> None:
    """Store one section of figures, replacing the previous one of that name.

    Args:
        section: ``corpus_f1``, ``throughput`` or ``scaling``.
        payload: The section (see the module docstring), with ``command`` and
            ``measured`` saying how and when.
    """
    figures = load(path)
    figures[section] = dict(payload)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _is_ours(name: str) -> bool:
    return name.lower().startswith("newsclean")


def render(figures: Mapping[str, Any], out: Path = IMAGES) -> list[Path]:
    """Render every known section of ``figures`` to ``out``; return the files written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for section, draw in (("corpus_f1", _corpus_f1), ("throughput", _throughput), ("scaling", _scaling)):
        if section not in figures:
            continue
        data = figures[section]
        fig, ax = plt.subplots(figsize=SIZE)
        draw(ax, data)
        ax.set_title(data.get("title", section), fontsize=10, loc="left")
        fig.text(
            0.01, 0.01, f"{data.get('command', '')} — {data.get('measured', '')}", fontsize=7, color="#555"
        )
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        path = out / f"{section}.png"
        fig.savefig(path, dpi=DPI, metadata={"Software": None})
        plt.close(fig)
        written.append(path)
    return written


def _corpus_f1(ax: Any, data: Mapping[str, Any]) -> None:
    corpora: Mapping[str, Mapping[str, float]] = data["corpora"]
    systems: list[str] = []
    for scores in corpora.values():
        systems.extend(s for s in scores if s not in systems)
    width = 0.8 / len(systems)
    peers = [s for s in systems if not _is_ours(s)]
    for k, system in enumerate(systems):
        xs = [i + k * width for i in range(len(corpora))]
        ys = [scores.get(system, 0.0) for scores in corpora.values()]
        if _is_ours(system):
            colour, alpha = OURS, 1.0 if k == 0 else 0.6
        else:
            colour, alpha = PEER_SHADES[peers.index(system) % len(PEER_SHADES)], 1.0
        ax.bar(xs, ys, width, label=system, color=colour, alpha=alpha, edgecolor="white")
        for x, y in zip(xs, ys, strict=True):
            ax.text(x, y + 0.01, f"{y:.2f}", ha="center", fontsize=6, rotation=90)
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(corpora))], list(corpora))
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("macro F1")
    ax.legend(fontsize=7, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False)


def _throughput(ax: Any, data: Mapping[str, Any]) -> None:
    systems: Mapping[str, float] = data["systems"]
    names = list(systems)[::-1]
    values = [systems[n] for n in names]
    ax.barh(names, values, color=[OURS if _is_ours(n) else PEERS for n in names])
    for y, v in enumerate(values):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    ax.set_xlabel(data.get("unit", ""))
    ax.set_xlim(0, max(values) * 1.15)


def _scaling(ax: Any, data: Mapping[str, Any]) -> None:
    workers = sorted((int(n), float(v)) for n, v in data["workers"].items())
    ns = [n for n, _ in workers]
    rates = [v for _, v in workers]
    ax.plot(ns, rates, "o-", color=OURS, label="newsclean clean_many")
    ax.plot(ns, [rates[0] * n for n in ns], "--", color=PEERS, label="linear (ideal)")
    for n, v in workers:
        ax.annotate(f"{v:.0f}", (n, v), textcoords="offset points", xytext=(4, -10), fontsize=8)
    ax.set_xticks(ns)
    ax.set_xlabel("worker processes")
    ax.set_ylabel(data.get("unit", "documents/s"))
    ax.set_ylim(0, max(rates[0] * ns[-1], max(rates)) * 1.15)
    ax.legend(fontsize=8, frameon=False)


def _clean_chunk(texts: list[str]) -> int:
    import newsclean

    return sum(1 for _ in newsclean.clean_many(texts))


def measure_scaling(*, copies: int = 40, max_workers: int | None = None) -> dict[str, Any]:
    """Measure documents/s of ``clean_many`` in 1..N worker processes on the fixtures."""
    from concurrent.futures import ProcessPoolExecutor

    fixtures = ROOT / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((fixtures / "clean").glob("*.txt"))]
    docs = texts * copies
    top = max_workers or os.cpu_count() or 1
    rates: dict[str, float] = {}
    for n in range(1, top + 1):
        chunks = [docs[i::n] for i in range(n)]
        with ProcessPoolExecutor(n) as pool:
            list(pool.map(_clean_chunk, [texts] * n))  # warm up: imports and caches in every worker
            t0 = time.perf_counter()
            done = sum(pool.map(_clean_chunk, chunks))
            rates[str(n)] = round(done / (time.perf_counter() - t0), 1)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "title": f"clean_many on {len(docs)} fixture captures, by worker processes",
        "command": "python -m benchmarks.charts --measure-scaling",
        "measured": f"{date.today().isoformat()}, {os.cpu_count()} cores, load average {load:.1f} at the end",
        "unit": "documents/s",
        "workers": rates,
    }


def main() -> None:
    """Render the charts (after measuring scaling, if asked)."""
    parser = argparse.ArgumentParser(description="Render benchmark figures as charts for the docs.")
    parser.add_argument("--figures", type=Path, default=FIGURES)
    parser.add_argument("--out", type=Path, default=IMAGES)
    parser.add_argument(
        "--measure-scaling", action="store_true", help="measure and record the scaling section"
    )
    args = parser.parse_args()
    if args.measure_scaling:
        section = measure_scaling()
        print(f"scaling: {section['workers']} documents/s ({section['measured']})")
        record("scaling", section, args.figures)
    for path in render(load(args.figures), args.out):
        print(
            f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size:,} bytes)"
        )


if __name__ == "__main__":
    main()
