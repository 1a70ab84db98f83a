from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from newsclean.batch import Capture
from newsclean.sources import Notice, iter_inputs, looks_like_jsonl, parse_time

STORY = "The harbour wall was repaired over the summer, the council said on Friday.\n"


def _by_name(items: list[Capture | Notice]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for i in items:
        name = Path(i.name or "").name
        out[name] = ("capture", "") if isinstance(i, Capture) else (i.kind, i.reason)
    return out


def test_every_file_of_a_folder_is_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "data.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    good = gzip.compress(STORY.encode())
    (tmp_path / "corrupt.txt.gz").write_bytes(good[:12] + b"\xff" * 12 + good[24:])
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")  # opening it would block: it must be skipped unopened
    got = _by_name(list(iter_inputs([str(tmp_path)])))
    assert got["a.txt"] == ("capture", "")
    assert got["README.md"] == ("skipped", "not a capture file type (.md)")
    assert got["data.json"] == ("skipped", "not a capture file type (.json)")
    assert got[".hidden.txt"] == ("skipped", "hidden file")
    assert got["empty.jsonl"] == ("skipped", "empty JSON Lines file")
    assert got["corrupt.txt.gz"][0] == "failed"
    assert got["corrupt.txt.gz"][1].startswith("cannot read")
    if hasattr(os, "mkfifo"):
        assert got["pipe.txt"] == ("skipped", "not a regular file")


def test_latin1_jsonl_text_goes_on_as_bytes(tmp_path: Path) -> None:
    line = '{"id": 7, "text": "Café au lait costs more this year, the survey found."}\n'.encode("latin-1")
    src = tmp_path / "in.jsonl"
    src.write_bytes(line + json.dumps({"text": STORY}).encode() + b"\n")
    items = list(iter_inputs([str(src)]))
    note, first, second = items
    assert isinstance(note, Notice) and note.kind == "note" and "not UTF-8" in note.reason
    assert isinstance(
        first, Capture
    ) and first.raw == "Café au lait costs more this year, the survey found.".encode("latin-1")
    assert first.name == f"{src}:7"
    assert isinstance(second, Capture) and second.raw == STORY


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a"}\n{"html": "<p>b</p>", "url": "https://example.org"}\n', True),
        (b'\n{"text": "caf\xe9"}\n', True),
        (b"Officials said on Friday\n{not json}\n", False),
        (b'{"title": "no text field"}\n', False),
        (b'["a list"]\n', False),
        (b"", False),
    ],
)
def test_jsonl_detection(data: bytes, expected: bool) -> None:
    assert looks_like_jsonl(data) is expected


def test_stdin_jsonl_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert [type(i) for i in iter_inputs(["-"])] == [Capture, Capture]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    (one,) = iter_inputs(["-"], jsonl_stdin=False)
    assert isinstance(one, Capture) and one.raw == data


def test_parse_time() -> None:
    assert parse_time("2024-05-01T12:00:00Z", "x") is not None
    assert parse_time("", "x") is None
    with pytest.raises(ValueError, match="x: 'yesterday' is not an ISO 8601"):
        parse_time("yesterday", "x")
