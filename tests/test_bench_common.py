"""Tests of benchmarks/common.py: the setting a fit keeps, the text capture of a page, packaged-file scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import common
from benchmarks.common import MAX_CORPUS_LOSS, best_setting, html_to_capture

# macro F1 per corpus at each setting; 1.0 is the setting that changes nothing
SCORES = {
    1.0: {"a": 0.80, "b": 0.90},
    0.5: {"a": 0.90, "b": 0.85},  # a large gain on one corpus, a loss on the other
    0.7: {"a": 0.82, "b": 0.90},  # a small gain, no loss
    0.9: {"a": 0.81, "b": 0.90 - MAX_CORPUS_LOSS / 2},  # a loss within what is allowed
}


def test_a_setting_that_costs_a_corpus_loses_to_one_that_costs_none() -> None:
    assert best_setting(SCORES.__getitem__, (0.5, 0.7, 0.9), 1.0) == 0.7


def test_a_loss_within_the_allowance_still_counts() -> None:
    assert best_setting(SCORES.__getitem__, (0.5, 0.9), 1.0) == 0.9


def test_without_a_gain_the_setting_that_changes_nothing_stays() -> None:
    assert best_setting(SCORES.__getitem__, (0.5,), 1.0) == 1.0


def test_a_capture_keeps_the_text_after_an_unclosed_tag_in_a_noscript() -> None:
    page = "<html><body><noscript><div id='x'></noscript><p>First.</p><p>Second.</p></body></html>"
    assert html_to_capture(page) == "First.\nSecond."


def test_a_noscript_written_by_a_script_is_not_cut() -> None:
    page = (
        "<html><body><script>var s = '<noscript>';</script><p>Kept.</p>"
        "<script>var e = '</noscript>';</script><p>Also kept.</p></body></html>"
    )
    assert html_to_capture(page) == "Kept.\nAlso kept."


def test_a_capture_of_bytes_keeps_a_page_in_a_single_byte_charset() -> None:
    items = "".join(f'\xb7 <a href="p{i}.htm" title="Page {i}">Page {i}</a><br>\n' for i in range(4))
    page = f"<html><body><p>{items}</p></body></html>".encode("cp1252")
    assert html_to_capture(page) == "· Page 0\n· Page 1\n· Page 2\n· Page 3"


def test_packaged_file_main_writes_then_checks_and_reports_a_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "index.bin"
    content = [b"one"]

    def run(*argv: str) -> int:
        return common.packaged_file_main(list(argv), doc="build", out=out, build=lambda: content[0])

    assert run("--check") == 1  # missing
    assert run() == 0
    assert out.read_bytes() == b"one"
    assert run("--check") == 0
    content[0] = b"two"
    assert run("--check") == 1
    assert out.read_bytes() == b"one"  # a check writes nothing
    assert "is stale" in capsys.readouterr().out


def test_packaged_file_main_compares_with_the_given_equality(tmp_path: Path) -> None:
    out = tmp_path / "forms.bin"
    out.write_bytes(b"AB")
    same = common.packaged_file_main(
        ["--check"], doc="", out=out, build=lambda: b"ab", same=lambda a, b: a.lower() == b.lower()
    )
    assert same == 0
