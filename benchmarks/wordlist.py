"""Build ``src/newsclean/data/words_en.txt.gz``: wordfreq's English list, packaged compactly.

The spinner stages ask two questions of English words many times per capture:
"is this a word?" (:data:`newsclean.stages.spinner_swaps.NONWORD_ZIPF`) and "how
frequent is it?". wordfreq answers both, but loading it costs hundreds of
milliseconds on the first English capture of every process (importing wordfreq and
langcodes, unpacking its list into a dictionary). This script copies the one list
those questions need, at development time, into a small gzip file that
:mod:`newsclean.lexicon` reads lazily, in a few tens of milliseconds.

Source and licence: wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq; code
Apache-2.0), its ``large_en`` list (the "best" English list). wordfreq's data is
shared under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); the
derived file is shared under the same licence, and its header says so.

Format: comment lines starting with ``#``, then two parts. First the common words
(frequency bucket at most :data:`COMMON_BUCKET`), one line per bucket,
``N<TAB>word word ...``: the words whose frequency is ``10 ** (-N / 100)`` (wordfreq's
centibels; Zipf ``9 - N / 100``). Then a line ``*<TAB>N N ...`` naming the buckets
of the rest, and the rare words, one ``word<TAB>N`` line each, sorted by the word's
UTF-8 bytes, so that :class:`newsclean.lexicon.WordList` finds one by bisection
without reading them all. Every key of wordfreq's English frequency dictionary is
listed once, with the frequency ``wordfreq.get_frequency_dict("en").get(word)`` gives.

The file is a gzip file of several members (``zcat`` reads it as one text). The first
holds the comments, the common words, the ``*`` line and a line ``@<TAB>word size
word size ...``: the rare words are split into blocks of about :data:`BLOCK_BYTES`,
each compressed as a member of its own, and this line names each block's first word
and its compressed size. A lookup decompresses only the first member (about 200 KB
of text) and then the one block a rare word can be in; decompressing the whole list
(3.8 MB) cost about 20 ms of the first English capture of every process.

Run from the project root::

    python -m benchmarks.wordlist          # rebuild the file
    python -m benchmarks.wordlist --check  # compare the file with wordfreq, word by word
    python -m benchmarks.wordlist_head     # then rebuild its parsed head (read on a first capture)
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclean" / "data" / "words_en.txt.gz"
LANG = "en"
#: Words of this bucket or a more frequent one (Zipf 3 and up: about 29,000 words, those
#: of running text but a few names and rare words per capture) are read at once.
COMMON_BUCKET = 600
#: Uncompressed size of a block of rare words: one lookup decompresses one block.
BLOCK_BYTES = 16_384


def _lines() -> list[str]:
    import wordfreq
    from wordfreq import get_frequency_list

    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("wordfreq")
    head = [
        f"# English word frequencies: every key of wordfreq {version}'s English list (large_en), by bucket.",
        "# Source: wordfreq by Robyn Speer, https://github.com/rspeer/wordfreq (code Apache-2.0).",
        "# Licence: wordfreq's data is CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);",
        "# this derived list is shared under the same licence.",
        "# Built by benchmarks/wordlist.py. Common words: N<TAB>words, the words of frequency",
        f"# 10 ** (-N / 100), for N <= {COMMON_BUCKET}. Then *<TAB>buckets of the rest, @<TAB>the",
        "# first word and compressed size of each block of them (a gzip member each), and one",
        "# word<TAB>N line per rarer word, sorted by its UTF-8 bytes.",
    ]
    final: dict[str, int] = {}  # a word listed twice keeps its last bucket, as in wordfreq's dictionary
    for index, bucket in enumerate(get_frequency_list(LANG)):
        if any(" " in w or "\t" in w or "\n" in w or not w for w in bucket):
            raise ValueError(f"bucket {index} holds a word with white space; the format cannot carry it")
        for w in bucket:
            final.pop(w, None)
            final[w] = index
    common: dict[int, list[str]] = {}
    rare: list[tuple[bytes, int]] = []
    for w, index in final.items():
        if index <= COMMON_BUCKET:
            common.setdefault(index, []).append(w)
        else:
            rare.append((w.encode("utf-8"), index))
    body = [f"{index}\t{' '.join(words)}" for index, words in sorted(common.items())]
    body.append("*\t" + " ".join(str(i) for i in sorted({i for _, i in rare})))
    body += [f"{w.decode('utf-8')}\t{i}" for w, i in sorted(rare)]
    return head + body


def _member(lines: list[str]) -> bytes:
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def packed(lines: list[str]) -> bytes:
    """The file's bytes for ``lines``: the head with the block index, then one member per block of rare words."""
    star = next(i for i, line in enumerate(lines) if line.startswith("*\t"))
    blocks: list[list[str]] = [[]]
    size = 0
    for line in lines[star + 1 :]:
        if size >= BLOCK_BYTES:
            blocks.append([])
            size = 0
        blocks[-1].append(line)
        size += len(line.encode("utf-8")) + 1
    members = [_member(block) for block in blocks]
    firsts = [block[0].partition("\t")[0] for block in blocks]
    index = " ".join(f"{word} {len(m)}" for word, m in zip(firsts, members, strict=True))
    return _member([*lines[: star + 1], f"@\t{index}"]) + b"".join(members)


def build() -> int:
    """Write the packaged list (reproducible: no timestamp in the gzip headers)."""
    OUT.write_bytes(packed(_lines()))
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.2f} MB")
    return 0


def check() -> int:
    """Compare every packaged frequency with wordfreq's dictionary."""
    from wordfreq import get_frequency_dict

    from newsclean.lexicon import packaged_frequencies

    ours = packaged_frequencies(LANG)
    theirs = get_frequency_dict(LANG)
    if ours is None:
        print("no packaged list", file=sys.stderr)
        return 1
    bad = [w for w in theirs if ours.get(w) != theirs[w]] + [w for w in ours if w not in theirs]
    print(f"{len(theirs)} words, {len(bad)} differ{': ' + ', '.join(bad[:10]) if bad else ''}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Build or check the packaged English word list."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare the packaged file with wordfreq")
    args = parser.parse_args(argv)
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
