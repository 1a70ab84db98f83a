"""The Python example in the README and on the docs home page runs as written."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
#: A line ``expression  # value`` whose comment shows the value's repr (cut at an ellipsis).
_SHOWN = re.compile(r"^(?P<expr>\S.*?)\s+#\s+(?P<shown>['(\[]|datetime\.|Dateline\()(?P<rest>.*)$")


def first_python_block(path: Path) -> str:
    match = _BLOCK.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no python example"
    return match.group(1)


@pytest.mark.parametrize("name", ["README.md", "docs/index.md"])
def test_python_example_runs_and_its_comments_are_true(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = first_python_block(ROOT / name)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(code, name, "exec"), namespace)
    assert "remove_spam_keywords" in capsys.readouterr().out
    checked = 0
    for line in code.splitlines():
        m = _SHOWN.match(line)
        if not m:
            continue
        ast.parse(m["expr"], mode="eval")
        shown = (m["shown"] + m["rest"]).split("…")[0].rstrip()
        value = repr(eval(m["expr"], namespace))
        assert value.startswith(shown), f"{m['expr']}: README shows {shown!r}, got {value[:100]!r}"
        checked += 1
    assert checked >= 4
