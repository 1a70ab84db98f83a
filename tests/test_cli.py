from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

STORY = "The harbour wall was repaired over the summer, the council said on Friday.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_recursion_and_jsonl_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    code, out, err = run(["clean", str(tmp_path)], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["two.txt.gz", "one.txt"]
    assert records[0]["paragraphs"] == [STORY.strip()]


def test_bad_file_is_reported_and_the_run_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    code, out, err = run(["clean", str(binary), str(tmp_path / "missing.txt"), str(good)], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "bin.txt" in err and "binary" in err
    assert "missing.txt: no such file" in err


def test_jsonl_input_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x1", "text": STORY, "url": "https://example.org/a"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "x2", "html": f"<html><body><p>{STORY}</p></body></html>"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(["clean", str(src)], capsys)
    assert code == 1
    assert [json.loads(line)["source"] for line in out.splitlines()] == [f"{src}:x1", f"{src}:x2"]
    assert f"{src}:2: not JSON" in err


def test_text_and_json_formats_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    src.write_text(STORY, encoding="utf-8")
    code, out, _ = run(["clean", str(src), "--format", "text"], capsys)
    assert (code, out) == (0, STORY)
    target = tmp_path / "out.json"
    code, out, _ = run(["clean", str(src), str(src), "-f", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2


def test_stdin_and_explain(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Share this\n" + STORY).encode())))
    code, out, err = run(["clean", "-", "--explain"], capsys)
    assert code == 0
    assert json.loads(out)["source"] == "<stdin>"
    assert err.startswith("== <stdin>\n")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    with pytest.raises(SystemExit) as info:
        main(["clean"])
    assert info.value.code == 2
    code, _, err = run(["clean", "-", "--spam-keywords", "/no/such/file"], capsys)
    assert code == 2 and "spam keyword file" in err


def test_version_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("newsclean ")
    code, out, _ = run(["stages"], capsys)
    assert code == 0 and "fix_encoding" in out


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
def test_command_closes_quietly_on_a_closed_pipe(fixtures_dir: Path) -> None:
    cmd = (
        f"'{sys.executable}' -m newsclean clean -q {fixtures_dir} {fixtures_dir} {fixtures_dir} | head -c 10"
    )
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, check=False)
    assert proc.stdout and proc.stderr == ""


def _site_page(n: int) -> str:
    bodies = [
        "The harbour wall was repaired over the summer, the council said on Friday.",
        "A new bus line will connect the two hospitals from next month, officials said.",
        "The library extended its opening hours after a survey of more than 2,000 readers.",
        "Farmers in the valley expect a smaller harvest because of the dry spring weather.",
    ]
    return "\n".join(
        [
            f"Headline number {n} for the site",
            "Follow us on the Harbour Times app today",
            bodies[n % len(bodies)],
            "Readers also enjoyed these weekly picks",
            "Harbour Times Media Group, all rights reserved",
        ]
    )


def test_learn_then_clean_with_the_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for n in range(6):
        (site / f"p{n}.txt").write_text(_site_page(n), encoding="utf-8")
    profile = tmp_path / "profile.json"
    code, _, err = run(["learn", str(site), "-o", str(profile)], capsys)
    assert code == 0, err
    assert json.loads(profile.read_text(encoding="utf-8"))
    code, out, err = run(["clean", str(site / "p1.txt"), "--profile", str(profile)], capsys)
    assert code == 0, err
    record = json.loads(out)
    assert "Follow us on the Harbour Times app today" not in record["paragraphs"]
    assert "template_line" in {e["reason"] for e in record["edits"]}
    assert (
        "A new bus line will connect the two hospitals from next month, officials said."
        in record["paragraphs"]
    )


def test_spam_keyword_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = tmp_path / "spam.txt"
    words.write_text("# known phrases\nZorblax Growth Hub\n", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("The council, Zorblax Growth Hub said on Friday, approved the plan.\n", encoding="utf-8")
    code, out, _ = run(["clean", str(src), "--spam-keywords", str(words)], capsys)
    assert code == 0
    record = json.loads(out)
    assert record["spam_keywords"] == ["Zorblax Growth Hub"]
    assert "Zorblax" not in record["text"]


def test_every_input_is_counted_and_usage_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 20)
    code, out, err = run(["clean", str(tmp_path), "-j", "1"], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert err.strip().splitlines()[-1] == "newsclean: 1 cleaned, 1 failed, 1 skipped"
    assert "Traceback" not in err
    code, out, err = run(["clean", str(tmp_path), "-q"], capsys)
    assert "skipped" not in err and "b.txt.gz" in err

    code, _, err = run(["clean", str(tmp_path), "--captured-at", "yesterday"], capsys)
    assert code == 2 and err.count("\n") == 1 and "--captured-at" in err
    code, _, err = run(["clean", str(tmp_path), "-o", str(tmp_path / "missing" / "out.jsonl")], capsys)
    assert code == 2 and err.count("\n") == 1 and "cannot write" in err
    with pytest.raises(SystemExit) as info:
        main(["clean", str(tmp_path), "--jobs", "0"])
    assert info.value.code == 2


def test_no_input_files_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["clean", str(tmp_path)], capsys)
    assert (code, out) == (1, "")
    assert "no input files found" in err


def test_jsonl_on_stdin_is_detected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps({"id": n, "text": STORY, "url": f"https://example.org/{n}"}) for n in range(3)]
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO("\n".join(lines).encode())))
    )
    code, out, _ = run(["clean", "-"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == ["<stdin>:0", "<stdin>:1", "<stdin>:2"]
    assert [r["url"] for r in records] == [f"https://example.org/{n}" for n in range(3)]


def test_a_lone_surrogate_does_not_end_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"text": "A lone \\ud800 here."}\n' + json.dumps({"text": STORY}) + "\n", encoding="utf-8"
    )
    code, out, err = run(["clean", str(src)], capsys)
    assert code == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["text"] == "A lone \ufffd here."
    assert [e["reason"] for e in first["edits"]] == ["lone_surrogate"]
    assert second["paragraphs"] == [STORY.strip()]


def test_jobs_give_the_same_output_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Story number {n}.\n" + STORY, encoding="utf-8")
    code1, out1, _ = run(["clean", str(tmp_path), "-j", "1"], capsys)
    code2, out2, _ = run(["clean", str(tmp_path), "-j", "2"], capsys)
    assert code1 == code2 == 0
    assert out1 == out2 and len(out1.splitlines()) == 6


def test_progress_bar_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    code, _, err = run(["clean", str(tmp_path)], capsys)
    assert code == 0 and "docs" not in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(["clean", str(tmp_path)], capsys)
    assert code == 0 and "docs/s" in err  # the bar, drawn on the terminal
    code, _, err = run(["clean", str(tmp_path), "--quiet"], capsys)
    assert code == 0 and err == ""


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
def test_a_file_name_that_is_not_utf8_is_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name: a lone surrogate in Python
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run(["clean", str(tmp_path), "-j", "1"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    assert records[0]["source"].endswith("caf\ufffd.txt")
    assert "cannot encode" in err
