"""Build ``src/newsclean/data/spinner_synonyms.marshal``: the synonym table's index, packaged.

``repair_spinner`` reads the synonym table backwards (synonym -> the words it
may stand for) the first time a capture holds a non-word. Indexing the
table's 26,000 pairs cost that first capture about 35 ms; reading the same
index from this file costs a few. The file records a checksum of the table
it was built from; when ``data/spinner_synonyms.tsv`` changes and this file
is not rebuilt, the stage indexes the table itself (same result, slower first
call) and ``tests/stages/test_spinner_swaps.py`` fails until it is.

Run from the project root::

    python -m benchmarks.synonym_index          # rebuild the file
    python -m benchmarks.synonym_index --check  # say whether it matches the table
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "spinner_synonyms.marshal"


def expected() -> bytes:
    """The packaged index the current table gives."""
    from newsclean.data import read_bytes
    from newsclean.stages.spinner_swaps import SYNONYMS_FILE, compute_index, index_form, table_digest

    return index_form(compute_index(0.0), table_digest(read_bytes(SYNONYMS_FILE)))


def _values(data: bytes) -> dict[str, Any]:
    """The packaged index's content, each group of a grouped index decoded."""
    form = marshal.loads(data)
    for name, value in form.items():
        if isinstance(value, tuple):  # (groups, keys in order): see GroupedIndex
            groups, order = value
            form[name] = ({head: marshal.loads(group) for head, group in groups.items()}, order)
    return dict(form)


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged synonym index."""
    return packaged_file_main(
        argv,
        doc=__doc__,
        out=OUT,
        build=expected,
        # compared as values: marshal's bytes may differ between runs for the same content
        same=lambda stored, fresh: _values(stored) == _values(fresh),
    )


if __name__ == "__main__":
    sys.exit(main())
