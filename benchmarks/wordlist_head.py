"""Build ``src/newsclean/data/words_en.head.marshal``: the packaged word list's head, parsed.

:func:`newsclean.lexicon.packaged_words` reads the common words of
``data/words_en.txt.gz`` (its first gzip member: about 29,000 words by
frequency bucket, and the index of the blocks of rare words) on the first
English capture of every process. Decompressing and parsing them into a
dictionary cost about 9 ms of that capture; loading the same dictionary from
this file costs about 3. The file records the CRC-32 and size of the head it
was parsed from; when ``data/words_en.txt.gz`` is rebuilt
(``python -m benchmarks.wordlist``) and this file is not, the head is parsed
as before (same result, slower first call) and ``tests/test_lexicon.py``
fails until it is.

Run from the project root::

    python -m benchmarks.wordlist_head          # rebuild the file
    python -m benchmarks.wordlist_head --check  # say whether it matches the word list
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "words_en.head.marshal"


def expected() -> bytes:
    """The parsed head the packaged English list gives."""
    from newsclean.data import read_bytes
    from newsclean.lexicon import head_form

    return head_form("en", read_bytes("words_en.txt.gz"))


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged head."""
    return packaged_file_main(
        argv,
        doc=__doc__,
        out=OUT,
        build=expected,
        # compared as values: the order of the words included
        same=lambda stored, fresh: list(marshal.loads(stored).items()) == list(marshal.loads(fresh).items()),
        summary=lambda data: f"{len(marshal.loads(data)['common'])} common words, {len(data) / 1000:.0f} KB",
    )


if __name__ == "__main__":
    sys.exit(main())
