"""A short, deterministic profile of the fuzz harness (``python -m benchmarks.fuzz``).

The full runs are reported in docs/reliability.md; this keeps the harness working
and holds the invariants that are already guaranteed on a fixed draw of inputs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import fuzz  # noqa: E402

#: Invariants every fuzzed input must hold today.
GUARANTEED = ("no_foreign_exception", "no_hang", "utf8_encodable", "replay")


def test_short_profile_holds_the_guaranteed_invariants() -> None:
    report = fuzz.run(
        n=120, seed=20261130, families=fuzz.FAMILIES, timeout=20.0, data=None, out=None, max_reproducers=0
    )
    broken = {k: v for k, v in report["broken"].items() if k.split("/")[1] in GUARANTEED}
    assert broken == {}
    assert sum(report["per_family"].values()) == 120


REPRODUCERS = ROOT / "tests" / "data" / "fuzz_reproducers.jsonl"


def _reproducers() -> list[dict[str, object]]:
    if not REPRODUCERS.exists():
        return []
    return [json.loads(line) for line in REPRODUCERS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", _reproducers(), ids=lambda r: f"{r['invariant']}:{str(r['raw'])[:20]!r}")
def test_reproducer_no_longer_breaks_its_invariant(record: dict[str, object]) -> None:
    case = fuzz.Case.from_record(record)
    assert [name for name, _ in fuzz.check(case, timeout=20.0) if name == record["invariant"]] == []


def test_shrink_keeps_the_failure_and_makes_the_input_smaller(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_check(case: fuzz.Case, timeout: float) -> list[tuple[str, str]]:
        raw = case.raw if isinstance(case.raw, str) else ""
        return [("replay", "x")] if "BAD" in raw else []

    monkeypatch.setattr(fuzz, "check", fake_check)
    small = fuzz.shrink(fuzz.Case("newslike", "line one\nthe BAD line here\nline three"), "replay", 5.0)
    assert "BAD" in str(small.raw) and len(small.raw) <= len("the BAD line here")


def test_invented_words_allow_joins_across_invisible_characters_only() -> None:
    words, joined = fuzz._input_words("2016 Mac\x0bBook Pro \u2014 but it wasn't")
    assert {"mac", "book", "macbook"} <= words
    assert fuzz._not_pieces({"macbo", "macbut"}, joined) == {"macbut"}
    _, none_joined = fuzz._input_words("2016 MacBook Pro \u2014 but")
    assert fuzz._not_pieces({"mac"}, none_joined) == {"mac"}


def test_time_limit_reached_inside_a_stage_is_a_hang_not_a_stage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    import newsclean
    from newsclean.document import Document
    from newsclean.pipeline import Pipeline

    def sleepy(doc: Document) -> Document:
        time.sleep(5)  # no CPU: the wall-clock backstop (0.2 s x WALL_FACTOR) ends it
        return doc

    def busy(doc: Document) -> Document:
        end = time.process_time() + 5
        while time.process_time() < end:  # CPU: the CPU-time limit ends it
            pass
        return doc

    sleepy.name = "sleepy"  # type: ignore[attr-defined]
    busy.name = "busy"  # type: ignore[attr-defined]
    for slow in (sleepy, busy):
        monkeypatch.setattr(newsclean, "default_pipeline", lambda slow=slow: Pipeline([slow]))
        started = time.perf_counter()
        broken = fuzz.check(fuzz.Case("newslike", "A line of text."), timeout=0.2)
        assert [name for name, _ in broken] == ["no_hang"]
        assert time.perf_counter() - started < 4.5


def test_checkpointed_run_in_two_processes_gives_the_same_figures(tmp_path: Path) -> None:
    args = (12, 5, fuzz.FAMILIES, 20.0, None)
    one = fuzz.run_checkpointed(*args, tmp_path / "one.jsonl", chunk=6, jobs=1)
    two = fuzz.run_checkpointed(*args, tmp_path / "two.jsonl", chunk=6, jobs=2)
    for key in ("n", "per_family", "broken", "causes"):
        assert one[key] == two[key]
    assert one["n"] == 12 and two["wall_seconds"] is not None
