"""Build ``src/newsclean/data/words_frequent.marshal``: the frequent words of six more languages.

The spam stage asks of a phrase in German, French, Spanish, Italian, Portuguese or
Dutch whether one of its words is made up: rarer than Zipf 2.0 in that language's
wordfreq list (:data:`newsclean.stages.injection_words.RARE_ZIPF`). Asking wordfreq
costs a process about 0.3-0.5 s of CPU on its first such word (importing wordfreq
and langcodes, unpacking the language's list of 270,000-630,000 words). Only the
words at or above the floor decide that question, so this script keeps those
(Zipf >= :data:`FLOOR_ZIPF`: 100,000-170,000 words a language) with their
frequency buckets; :func:`newsclean.lexicon.rarer_than` reads one language's part
on first need, in a few tens of milliseconds.

Source and licence: wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq; code
Apache-2.0), its "best" list of each language (``large_<lang>``). wordfreq's data is
shared under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); the
derived file is shared under the same licence, and its ``about`` entry says so.

Format: a :mod:`marshal` dictionary with an ``about`` string, the ``floor`` bucket
and, per language code, the zlib-compressed UTF-8 text of lines ``N<TAB>word word ...``:
the words whose frequency is ``10 ** (-N / 100)`` (wordfreq's centibels; Zipf
``9 - N / 100``), every key of ``wordfreq.get_frequency_dict(lang)`` with
``N <= floor`` listed once.

Run from the project root::

    python -m benchmarks.wordlist_frequent          # rebuild the file
    python -m benchmarks.wordlist_frequent --check  # compare the file with a fresh build from wordfreq
"""

from __future__ import annotations

import marshal
import math
import sys
import zlib
from collections import defaultdict
from pathlib import Path

from benchmarks.common import packaged_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "words_frequent.marshal"
#: The lowest Zipf frequency kept: the spam stage's made-up-word limit.
FLOOR_ZIPF = 2.0


def build() -> bytes:
    """The packaged file's bytes, from the installed wordfreq's lists."""
    from importlib.metadata import version

    from wordfreq import get_frequency_dict

    from newsclean.lexicon import FREQUENT_PACKAGED

    floor = round((9 - FLOOR_ZIPF) * 100)
    form: dict[str, object] = {
        "about": (
            f"Words of Zipf >= {FLOOR_ZIPF} of wordfreq {version('wordfreq')}'s best lists "
            "(https://github.com/rspeer/wordfreq), by centibel bucket. wordfreq's data is "
            "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); so is this file. "
            "Built by python -m benchmarks.wordlist_frequent."
        ),
        "floor": floor,
    }
    for lang in sorted(FREQUENT_PACKAGED):
        buckets: dict[int, list[str]] = defaultdict(list)
        for word, freq in get_frequency_dict(lang).items():
            bucket = round(-100 * math.log10(freq))
            if bucket <= floor:
                buckets[bucket].append(word)
        text = "".join(f"{n}\t{' '.join(sorted(words))}\n" for n, words in sorted(buckets.items()))
        form[lang] = zlib.compress(text.encode("utf-8"), 9)
    return marshal.dumps(form)


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged frequent words."""
    return packaged_file_main(argv, doc=__doc__, out=OUT, build=build)


if __name__ == "__main__":
    sys.exit(main())
