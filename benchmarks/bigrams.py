"""Build ``data/spinner_ngrams.txt.gz``: Google Books word-pair counts for spinner reversals.

The context features of ``stages/spinner_context.py`` and
``stages/spinner_revealed.py`` ask how much better an original ``o`` than a
spinner's synonym ``w`` fits after the word before it and before the word
after it. This script packs the counts they read from the English word-pair
list that the SymSpell project ships (``frequency_bigramdictionary_en_243_342.txt``,
242,342 pairs of lower-case words, each seen at least 6.4 million times in
Google Books) and its word list (``frequency_dictionary_en_82_765.txt``).

Source and licence: the lists are data files of SymSpell by Wolf Garbe
(github.com/wolfgarbe/SymSpell, MIT licence), also shipped in the
``symspellpy`` wheel on PyPI (MIT). SymSpell's README states that its English
word list was made by intersecting Google Books Ngram data
(storage.googleapis.com/books/ngrams/books/datasetsv2.html, Creative Commons
Attribution 3.0) with SCOWL (wordlist.aspell.net, a permissive licence); the
word-pair list was added in SymSpell 6.5 with no separate statement, and its
counts are on the Google Books scale. Only numbers derived from them are
written, with that credit in the file header.
No code of either project is used, and neither is a dependency: give the
wheel (or an unpacked copy of it) on the command line.

Only what the stage can ask for is kept: the pairs one of whose words is a
one-word original or a one-word synonym of ``data/spinner_synonyms.tsv``, and
the word counts of those words. Counts are written as ``round(100 *
log10(count))``, grouped by the first word.

Run from the project root::

    pip download symspellpy --no-deps -d /tmp/ssp
    python -m benchmarks.bigrams /tmp/ssp/symspellpy-6.10.1-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import gzip
import math
import zipfile
from collections import defaultdict
from pathlib import Path

from newsclean.data import read_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "spinner_ngrams.txt.gz"
PAIRS_FILE = "frequency_bigramdictionary_en_243_342.txt"
WORDS_FILE = "frequency_dictionary_en_82_765.txt"
#: Counts are written as round(SCORE_SCALE * log10(count)): 2.3 % steps.
SCORE_SCALE = 100
#: The pair list counts more text than the word list. A pair count over the
#: count of its first word estimates K * P(next | first); for the words (seen
#: at least ``SCALE_MIN_COUNT`` times) this share of them is below K. Word
#: counts are multiplied by K so both read on one scale ("according to" over
#: "according" gives 41.5; "due to" over "due" 40).
SCALE_QUANTILE = 0.99
SCALE_MIN_COUNT = 1_000_000

HEADER = """\
# Word-pair counts for newsclean's spinner reversals (stages/spinner_ngrams.py).
# Built by `python -m benchmarks.bigrams` from the English word-pair list
# ({pairs_file}) and word list ({words_file}) of SymSpell by Wolf Garbe
# (github.com/wolfgarbe/SymSpell, MIT licence; also in the symspellpy {version} wheel, MIT).
# SymSpell's README states its English word list was made by intersecting Google Books Ngram
# data (storage.googleapis.com/books/ngrams/books/datasetsv2.html), licence Creative Commons
# Attribution 3.0 (creativecommons.org/licenses/by/3.0/), with SCOWL (wordlist.aspell.net);
# the pair list came with SymSpell 6.5 without a separate statement (Google Books counts).
# Numbers only. Kept: pairs with a one-word original or synonym of spinner_synonyms.tsv
# on either side ({kept} of {total} pairs), and the word counts of those words.
# Rows: P<TAB>name<TAB>value (parameters); U<TAB>word<TAB>score (word count);
# B<TAB>first<TAB>next:score next:score ... (pair counts).
# score = round({scale} * log10(count)); word counts are multiplied by the pair list's
# scale (P scale) so both read on one scale; P tokens is log10 of the total word count on
# that scale, P min the score of the rarest pair listed (an absent pair was counted less).
"""


def table_words() -> set[str]:
    """Return the one-word originals and one-word synonyms of the packaged synonym table."""
    words: set[str] = set()
    for row in read_tsv("spinner_synonyms.tsv", min_columns=2):
        original, synonyms = row[0], row[1]
        if " " not in original:
            words.add(original)
        words.update(s for s in synonyms.split("|") if s and " " not in s)
    return words


def _read(source: Path, name: str) -> list[list[str]]:
    if source.is_dir():
        text = next(source.rglob(name)).read_text(encoding="utf-8")
    else:
        with zipfile.ZipFile(source) as z:
            member = next(n for n in z.namelist() if n.endswith("/" + name) or n == name)
            text = z.read(member).decode("utf-8")
    return [line.split() for line in text.splitlines() if line.strip()]


def _version(source: Path) -> str:
    parts = source.name.split("-")
    return parts[1] if source.suffix == ".whl" and len(parts) > 1 else "(unpacked)"


def build(source: Path) -> dict[str, float]:
    """Write the table from a symspellpy wheel or folder; return figures about it."""
    pairs = {(a, b): int(c) for a, b, c in _read(source, PAIRS_FILE)}
    words = {w: int(c) for w, c in _read(source, WORDS_FILE)}
    following: dict[str, int] = defaultdict(int)
    for (a, _), c in pairs.items():
        following[a] += c
    ratios = sorted(following[a] / words[a] for a in following if words.get(a, 0) >= SCALE_MIN_COUNT)
    scale = ratios[int(SCALE_QUANTILE * (len(ratios) - 1))]
    wanted = table_words()
    kept = sorted((k, c) for k, c in pairs.items() if k[0] in wanted or k[1] in wanted)
    rows: dict[str, list[str]] = defaultdict(list)
    for (a, b), c in kept:
        rows[a].append(f"{b}:{round(SCORE_SCALE * math.log10(c))}")
    tokens = scale * sum(words.values())
    lines = [
        f"P\tscale\t{scale:.4f}\n",
        f"P\ttokens\t{math.log10(tokens):.4f}\n",
        f"P\tmin\t{round(SCORE_SCALE * math.log10(min(pairs.values())))}\n",
        f"P\tscore_scale\t{SCORE_SCALE}\n",
    ]
    lines += [
        f"U\t{w}\t{round(SCORE_SCALE * math.log10(words[w] * scale))}\n" for w in sorted(wanted) if w in words
    ]
    lines += [f"B\t{a}\t{' '.join(nexts)}\n" for a, nexts in sorted(rows.items())]
    header = HEADER.format(
        pairs_file=PAIRS_FILE,
        words_file=WORDS_FILE,
        version=_version(source),
        kept=f"{len(kept):,}",
        total=f"{len(pairs):,}",
        scale=SCORE_SCALE,
    )
    OUT.write_bytes(gzip.compress((header + "".join(lines)).encode("utf-8"), compresslevel=9, mtime=0))
    return {
        "pairs": len(pairs),
        "kept_pairs": len(kept),
        "words": sum(w in words for w in wanted),
        "scale": scale,
        "kb": OUT.stat().st_size / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path, help="symspellpy wheel (.whl) or a folder holding its lists")
    args = parser.parse_args()
    figures = build(args.source)
    print(
        f"wrote {OUT.name}: {figures['kept_pairs']:,} of {figures['pairs']:,} pairs, "
        f"{figures['words']:,} word counts, scale {figures['scale']:.2f}, {figures['kb']:.0f} KB"
    )


if __name__ == "__main__":
    main()
