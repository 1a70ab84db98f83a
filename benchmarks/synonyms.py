"""Build the synonym tables of spinner repair from Open English WordNet.

Two tables come out of one pass over the WordNet synsets:

* ``src/newsclean/data/spinner_synonyms.tsv`` (shipped): for each frequent
  English word, the frequent members of the synsets of its first senses --
  the kind of list an article spinner swaps words from. ``repair_spinner``
  reads it backwards (spun form -> originals) to explain non-words.
* ``benchmarks/data/spinner_pairs.tsv`` (benchmark only): a broad list of
  ``original -> synonym`` pairs over all senses, from which
  ``benchmarks/spinsim.py`` draws the swaps of its simulated spinners.

Source: Open English WordNet (github.com/globalwordnet/english-wordnet), YAML
sources under ``src/yaml``; licence CC BY 4.0, derived from Princeton WordNet
(WordNet 3.0 licence). Word frequencies: wordfreq (English, Zipf scale).

Run from the project root with a checkout of the WordNet repository::

    python -m benchmarks.synonyms /path/to/english-wordnet
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "newsclean" / "data" / "spinner_synonyms.tsv"
BROAD = ROOT / "benchmarks" / "data" / "spinner_pairs.tsv"

#: Words a spinner rewrites: at least this Zipf frequency (about 10 per million words).
MIN_ORIGINAL_ZIPF = 4.0
#: Synonyms worth shipping: each of their words at least this frequent.
MIN_SYNONYM_ZIPF = 2.5
#: Senses of a word whose synsets give shipped synonyms (WordNet lists senses
#: most frequent first).
SHIPPED_SENSES = 1000
#: A synonym is a word or a short paraphrase of at most this many words.
MAX_SYNONYM_WORDS = 3
#: Words shorter than this are neither originals nor synonyms (letters and
#: abbreviations such as "a" or "co" are WordNet senses no spinner swaps).
MIN_LETTERS = 3
#: The broad benchmark list: originals and synonym words at least this frequent, all senses.
BROAD_ORIGINAL_ZIPF = 4.0
BROAD_SYNONYM_ZIPF = 3.0

_SYNSET = re.compile(r"^(\d{8}-[nvasr]):\s*$")
_ENTRY = re.compile(r"^(\S.*?):\s*$")
_ITEM = re.compile(r"^  - (.+?)\s*$")
_SENSE_SYNSET = re.compile(r"^      synset: (\S+)\s*$")
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")

HEADER = """\
# Synonyms an article spinner may swap in, for newsclean's repair_spinner stage.
#
# Each row: a frequent English word, then the synonyms and short paraphrases a
# spinner may have written in its place (| separated). repair_spinner reads the
# table backwards: a non-word that becomes a frequent word when a synonym
# inside it is replaced by the word of its row is the wreckage of that swap.
#
# Source: Open English WordNet (github.com/globalwordnet/english-wordnet @ {commit}),
# CC BY 4.0, derived from Princeton WordNet 3.0 (WordNet licence). Members of
# the synsets of each word's first {senses} senses, lower case, letters only, at most
# {words} words, every word at Zipf >= {syn_zipf}; rows for words at Zipf >= {orig_zipf}
# (wordfreq, English). Regenerate with:
#     python -m benchmarks.synonyms /path/to/english-wordnet
"""


def _yaml_files(root: Path, prefix: str) -> list[Path]:
    return sorted((root / "src" / "yaml").glob(f"{prefix}*.yaml"))


def read_synsets(root: Path) -> dict[str, list[str]]:
    """Return synset id -> members, read line by line from the WordNet YAML."""
    members: dict[str, list[str]] = {}
    for path in _yaml_files(root, ""):
        if path.name.startswith("entries") or path.name == "frames.yaml":
            continue
        current: str | None = None
        in_members = False
        for line in path.read_text(encoding="utf-8").splitlines():
            m = _SYNSET.match(line)
            if m:
                current, in_members = m.group(1), False
                members[current] = []
                continue
            if line.startswith("  members:"):
                in_members = True
                continue
            if in_members:
                item = _ITEM.match(line)
                if item and current:
                    members[current].append(item.group(1).strip("'\""))
                    continue
                in_members = False
    return members


def read_senses(root: Path) -> dict[str, list[str]]:
    """Return lemma -> its synset ids in WordNet's sense order (all parts of speech)."""
    senses: dict[str, list[str]] = defaultdict(list)
    for path in _yaml_files(root, "entries-"):
        lemma: str | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith(" "):
                m = _ENTRY.match(line)
                lemma = m.group(1).strip("'\"") if m else None
                continue
            s = _SENSE_SYNSET.match(line)
            if s and lemma is not None:
                senses[lemma].append(s.group(1))
    return senses


def build(root: Path, commit: str) -> tuple[int, int]:
    """Write both tables; return (shipped rows, broad pairs)."""
    from wordfreq import zipf_frequency

    synsets = read_synsets(root)
    senses = read_senses(root)

    def frequent(phrase: str, floor: float) -> bool:
        words = phrase.split()
        return (
            bool(_PLAIN.fullmatch(phrase))
            and len(phrase) >= MIN_LETTERS
            and len(words) <= MAX_SYNONYM_WORDS
            and all(zipf_frequency(w, "en") >= floor for w in words)
        )

    shipped: dict[str, list[str]] = {}
    broad: list[tuple[str, str]] = []
    for lemma in sorted(senses):
        word = lemma.lower()
        if not _PLAIN.fullmatch(word) or " " in word or len(word) < MIN_LETTERS:
            continue
        zipf = zipf_frequency(word, "en")
        if zipf < min(MIN_ORIGINAL_ZIPF, BROAD_ORIGINAL_ZIPF):
            continue
        ids = list(dict.fromkeys(senses[lemma]))
        first = set(ids[:SHIPPED_SENSES])
        ship: list[str] = []
        wide: list[str] = []
        for sid in ids:
            for member in synsets.get(sid, []):
                syn = member.lower().replace("_", " ")
                if syn == word or word in syn.split():
                    continue  # "once again" is no swap of "again"
                if sid in first and zipf >= MIN_ORIGINAL_ZIPF and frequent(syn, MIN_SYNONYM_ZIPF):
                    ship.append(syn)
                if zipf >= BROAD_ORIGINAL_ZIPF and frequent(syn, BROAD_SYNONYM_ZIPF):
                    wide.append(syn)
        if ship:
            shipped.setdefault(word, [])
            shipped[word].extend(s for s in ship if s not in shipped[word])
        for syn in dict.fromkeys(wide):
            if (word, syn) not in broad:
                broad.append((word, syn))
    lines = [
        HEADER.format(
            commit=commit,
            senses=SHIPPED_SENSES,
            words=MAX_SYNONYM_WORDS,
            syn_zipf=MIN_SYNONYM_ZIPF,
            orig_zipf=MIN_ORIGINAL_ZIPF,
        )
    ]
    lines += [f"{w}\t{'|'.join(syns)}\n" for w, syns in sorted(shipped.items())]
    SHIPPED.write_text("".join(lines), encoding="utf-8")
    BROAD.parent.mkdir(parents=True, exist_ok=True)
    head = (
        "# original<TAB>synonym pairs for benchmarks/spinsim.py, from Open English WordNet "
        f"@ {commit} (CC BY 4.0), all senses; originals at Zipf >= {BROAD_ORIGINAL_ZIPF}, "
        f"synonym words at Zipf >= {BROAD_SYNONYM_ZIPF}. Built by benchmarks/synonyms.py.\n"
    )
    BROAD.write_text(head + "".join(f"{o}\t{s}\n" for o, s in broad), encoding="utf-8")
    return len(shipped), len(broad)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("wordnet", type=Path, help="checkout of globalwordnet/english-wordnet")
    parser.add_argument("--commit", default="unknown", help="commit of the checkout, for the header")
    args = parser.parse_args()
    rows, pairs = build(args.wordnet, args.commit)
    print(f"wrote {rows} rows to {SHIPPED} and {pairs} pairs to {BROAD}")


if __name__ == "__main__":
    main()
