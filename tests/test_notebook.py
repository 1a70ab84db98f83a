"""The example notebook in docs/ executes from top to bottom (nbclient).

Skipped, saying what to install, where nbclient, nbformat or ipykernel are
missing; CI installs them with the ``[docs]`` extra so it runs there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "examples.ipynb"
#: Seconds one cell may take (the whole notebook takes a few seconds).
CELL_TIMEOUT = 300


def test_example_notebook_executes_and_shows_the_view(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("nbclient", "nbformat", "ipykernel"):
        pytest.importorskip(module, reason=f"{module} is missing: pip install '.[docs]' to run the notebook")
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    env_path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)
    monkeypatch.setenv("PYTHONPATH", env_path)  # the kernel imports this checkout's newsclean
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "docs")}}
    )
    client.execute()

    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # The text capture, its explanation and the HTML page each render the in-place view.
    assert len(html) >= 3
    assert all('class="nc-article"' in h for h in html)
    assert any('<del class="nc-del"' in h for h in html)
    assert any("Harbour ferry returns after winter repairs" in h for h in html)
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "trafilatura" in text  # the comparison table, or the note that it is not installed
    assert "DEBUG newsclean: remove_boilerplate:" in text
