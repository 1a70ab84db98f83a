"""Tests of newsclean.stages.tortured: the packaged key index and its fallback."""

from __future__ import annotations

import gc

import pytest

from newsclean.stages import tortured


def test_packaged_key_index_is_the_computed_one() -> None:
    # Fails when data/tortured.tsv changed without `python -m benchmarks.tortured_keys`.
    packaged = tortured._packaged_keys()
    assert packaged is not None, "data/tortured_keys.tsv is stale: run python -m benchmarks.tortured_keys"
    assert packaged == tortured.compute_keys()


def test_key_index_parses_a_key_on_lookup_as_the_whole_read_does() -> None:
    index = tortured._packaged_index()
    assert index is not None
    whole = tortured.compute_keys()
    key = next(k for k, v in whole.items() if len(v) > 1)  # a key several phrases share
    assert index.parsed == {}  # nothing parsed before a lookup
    assert index[key] == whole[key] and list(index.parsed) == [key]
    assert len(index) == len(whole) and set(index) == set(whole) and "not a key run" not in index


def test_a_stale_key_index_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    another = tortured.table_digest(b"# another table\nfoo bar\tfoo baz\n")
    monkeypatch.setattr(tortured, "_table_digest", lambda: another)
    assert tortured._packaged_keys() is None


def test_the_table_digest_of_the_file_is_that_of_its_text() -> None:
    assert tortured.table_digest(tortured._table_bytes()) == tortured.table_digest(tortured._table_text())
    assert tortured._table_digest() == tortured.table_digest(tortured._table_bytes())  # read in chunks


def test_the_table_digest_of_a_zipped_install_reads_the_table_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tortured, "file_digest", lambda name: None)
    assert tortured._table_digest() == tortured.table_digest(tortured._table_bytes())


def test_key_index_reads_its_keys_from_the_list_line_or_else_from_the_key_lines() -> None:
    keys = {"odd": ((("odd", "phrase"), "odd phrase"),), "": (((), "!!"),)}
    body = tortured.render_keys(keys, "d").partition("\n")[2]
    unlisted = "".join(line for line in body.splitlines(True) if not line.startswith(tortured.KEYS_LIST))
    for text in (body, unlisted):
        index = tortured._KeyIndex(text)
        assert list(index) == ["", "odd"] and index["odd"] == keys["odd"] and index[""] == keys[""]


def test_key_index_round_trips_through_its_file_format() -> None:
    keys = {"odd": ((("odd", "phrase"), "odd phrase"),), "": (((), "!!"),)}
    text = tortured.render_keys(keys, "d")
    assert text.startswith(tortured.KEYS_DIGEST + "d\n")
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == ["\t!!\t", "odd\todd phrase\todd phrase"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The results are as pursues: none.", ["as follows"]),
        ("The network has profound layers.", ["deep layers"]),
        ("The results are as follows: none.", []),  # clean control: the real phrase
    ],
)
def test_find_tortured_with_the_packaged_index(text: str, found: list[str]) -> None:
    assert [row.canonical for _, _, row in tortured.find_tortured(text)] == found


def test_a_row_read_from_its_lines_is_the_row_of_the_whole_table() -> None:
    index = tortured._index()
    assert all(tortured._row(phrase) == row for phrase, row in index.items())
    for phrase in ("as  pursues", "As pursues", "pursues", "no such phrase", "# as pursues"):
        assert phrase not in index and tortured._row(phrase) is None


def test_the_cell_and_line_characters_are_those_of_str_methods() -> None:
    every = [chr(c) for c in range(0x110000)]
    breaks = {ch for ch in every if len(f"a{ch}b".splitlines()) == 2}
    assert set(tortured._LINE_BREAKS) == breaks
    cell_space = {ch for ch in every if ch.isspace()} - breaks - {"\t"}
    assert cell_space == tortured._CELL_SPACE


def test_a_match_reads_its_row_without_parsing_the_table() -> None:
    tortured._index.cache_clear()
    tortured._row.cache_clear()
    found = tortured.find_tortured("The results are as pursues: none.")
    assert [row.canonical for _, _, row in found] == ["as follows"]
    assert tortured._index.cache_info().currsize == 0


def test_parsed_key_entries_are_left_to_the_collector_untracked() -> None:
    index = tortured._packaged_index()
    assert index is not None
    entries = [index[key] for key in list(index)[:200]]
    for _ in range(3):  # a collection may untrack one level of the nested tuples
        gc.collect()
    assert not any(gc.is_tracked(entry) for entry in entries)


@pytest.mark.parametrize(
    "text",
    [
        "the results are as pursues: none.",
        "counterfeit news, (counterfeit) news and counterfeit-news",
        "big information; profound learning.",
        "",
    ],
)
def test_candidates_from_shared_runs_are_those_of_the_text(text: str) -> None:
    assert tortured._candidates(text, tortured.text_runs(text)) == tortured._candidates(text)
