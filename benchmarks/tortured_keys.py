"""Build ``src/newsclean/data/tortured_keys.tsv``: the key index of the tortured-phrase table.

``repair_spinner`` looks for tortured phrases in every English capture. Its
prefilter needs each phrase's *key run* (see :mod:`newsclean.stages.tortured`);
computing them for the 7,000 rows costs about 50 ms on the first capture of
every process, reading them from this file a few. The file starts with a
checksum of the table it was built from; when ``data/tortured.tsv`` changes and
this file is not rebuilt, the stage computes the index itself (same result,
slower first call) and ``tests/stages/test_tortured.py`` fails until it is.

Run from the project root::

    python -m benchmarks.tortured_keys          # rebuild the file
    python -m benchmarks.tortured_keys --check  # say whether it matches the table
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "tortured_keys.tsv"


def expected() -> str:
    """The key index file the current table gives."""
    from newsclean.stages.tortured import _table_text, compute_keys, render_keys, table_digest

    return render_keys(compute_keys(), table_digest(_table_text()))


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged key index."""
    return packaged_file_main(
        argv,
        doc=__doc__,
        out=OUT,
        build=lambda: expected().encode("utf-8"),
        summary=lambda data: f"{len(data.splitlines())} lines",
    )


if __name__ == "__main__":
    sys.exit(main())
