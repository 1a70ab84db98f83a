"""Word frequencies: a packaged English list in front of wordfreq, safe for every language.

wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq; code Apache-2.0, data CC
BY-SA 4.0) gives the frequencies. Loading it costs hundreds of milliseconds on the first
lookup of a process (importing wordfreq and langcodes, unpacking the list), which every
worker would pay on its first English capture. For English, the same list is packaged
as ``data/words_en.txt.gz`` (built by ``benchmarks/wordlist.py``, same licence as
wordfreq's data) and read lazily in a few tens of milliseconds:
:func:`frequencies` gives exactly ``wordfreq.get_frequency_dict(lang)``, and
:func:`zipf` gives exactly ``wordfreq.zipf_frequency`` for plain ASCII words (other
words, and ASCII words of letters and lone digits such as "mp3"; other words, and other
languages, still ask wordfreq).

wordfreq tokenizes a word before looking it up. For Chinese it needs jieba, for Japanese
and Korean MeCab, packages newsclean does not install; a token in one of those languages,
or a language wordfreq has no list for, must not crash a stage. :func:`zipf` answers
``None`` ("unknown") then, and every caller treats unknown as "no evidence".

The packaged list has two parts (see ``benchmarks/wordlist.py``): the common words,
by frequency bucket, read into a dictionary on first use (about 30,000 words, a few
milliseconds); and the rare rest, one ``word<TAB>bucket`` line each, sorted by the
word's UTF-8 bytes and looked up by bisection. Reading all 320,000 words into a
dictionary cost about 150 ms on the first English capture of every process; a capture
looks up a few dozen rare words. The rare words are compressed in blocks of about
16 KB, each decompressed when a lookup first falls in it (decompressing the whole
3.8 MB list was another 20 ms of a process's first English capture).
"""

from __future__ import annotations

import bisect
import marshal
import math
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from newsclean import data
from newsclean.data import DataError, read_bytes

__all__ = [
    "FREQUENT_PACKAGED",
    "NON_LATIN_MAX_ZIPF",
    "PACKAGED",
    "FrequentWords",
    "WordList",
    "frequencies",
    "frequent_words",
    "packaged_frequencies",
    "packaged_words",
    "rarer_than",
    "zipf",
]

#: Languages whose wordfreq list is packaged (``data/words_<lang>.txt.gz``).
PACKAGED = frozenset({"en"})
#: Languages whose frequent words (Zipf 2.0 and up) are packaged in ``data/words_frequent.marshal``
#: (built by ``benchmarks/wordlist_frequent.py``, same licence as wordfreq's data): enough for
#: :func:`rarer_than` with a threshold of 2.0 or more, without wordfreq.
FREQUENT_PACKAGED = frozenset({"de", "es", "fr", "it", "nl", "pt"})


def _frequency(bucket: int) -> float:
    """The frequency of a centibel bucket, computed as wordfreq computes it."""
    return 10 ** (-bucket / 100)


#: The packaged form of a list's head keeps its common words at this Zipf or more (7,200
#: English words) a dictionary, and the rest of them (22,000, down to Zipf 3.0) sorted lines
#: looked up as the rare words are: loading all 29,000 into a dictionary was about 6 ms and
#: 3 MB of a process's first English capture. Over 40 AEB captures flattened to text, a
#: capture looked up about 430 distinct listed words, 73 of them below this.
HEAD_DICT_ZIPF = 4.0

#: At most this many rare-word answers are remembered per list (then forgotten at
#: once): memory stays bounded however many distinct tokens a long run meets.
_RARE_MEMO_SIZE = 50_000

#: Sorted ``word<TAB>bucket`` lines (the common words outside the dictionary, a block of
#: rare words) are indexed by the word opening a line every this many bytes or so, on their
#: first lookup: a word is then placed among the indexed words by ``bisect`` in C and found
#: in the span after its place with one ``bytes.find``. Bisecting the bytes themselves, a
#: Python step of four C calls for each halving, cost 7.6 us a word among the 268 KB of
#: common words and 5.4 us in a 16 KB block (40 words a capture on the AEB text captures
#: at first sight); the index of a block costs about what decompressing it does.
_INDEX_SPAN = 256


class _PackagedBytes:
    """A packaged data file read a byte range at a time (read whole where it is no plain file).

    A word list's first call reads its head (about 110 KB) and the few blocks of
    rare words a capture looks up, not the whole 1.4 MB file: reading it whole
    was about 1 ms of a process's first English capture, and its pages a few
    hundred more for the process to map and free.
    """

    __slots__ = ("_source", "size")

    def __init__(self, name: str) -> None:
        path = os.path.join(os.path.dirname(os.path.abspath(data.__file__)), name)
        #: the file's path, or its bytes when it is no plain file (a zipped install)
        self._source: str | bytes = path if os.path.isfile(path) else read_bytes(name)
        self.size = os.path.getsize(path) if isinstance(self._source, str) else len(self._source)

    def read(self, start: int, end: int) -> bytes:
        """The bytes from ``start`` to ``end``."""
        if isinstance(self._source, bytes):
            return self._source[start:end]
        with open(self._source, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != self.size:  # replaced since (an upgrade in place)
                raise DataError(f"data file {self._source!r} changed while in use: restart the process")
            handle.seek(start)
            return handle.read(end - start)


def file_digest(name: str) -> str | None:
    """The CRC-32 and size (``"%08x-%d"``) of the packaged data file ``name``, read in 64 KB chunks.

    None where the file is no plain file (a zipped install: read it whole). The
    packaged indexes are checked against the tables they were built from on a
    process's first capture; reading a table whole for its checksum was a few
    hundred KB to map and free.
    """
    path = os.path.join(os.path.dirname(os.path.abspath(data.__file__)), name)
    if not os.path.isfile(path):
        return None
    crc = size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_DIGEST_CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return f"{crc:08x}-{size}"


#: Bytes read at a time by :func:`file_digest`.
_DIGEST_CHUNK = 1 << 16


class _RareBlocks:
    """The rare words of a packaged list: sorted lines in gzip members, each read and decompressed on first need."""

    __slots__ = ("_blocks", "_file", "_firsts", "_spans")

    def __init__(self, file: _PackagedBytes | bytes, start: int, index: bytes) -> None:
        cells = index.split()
        self._file = file
        self._firsts = cells[0::2]
        self._spans: list[tuple[int, int]] = []
        for size in map(int, cells[1::2]):
            self._spans.append((start, start + size))
            start += size
        size = len(file) if isinstance(file, bytes) else file.size
        if start != size or len(self._firsts) != len(self._spans):
            raise DataError("data file of a word list: its block index does not match the file")
        self._blocks: dict[int, _SortedLines] = {}

    def _read(self, start: int, end: int) -> bytes:
        return self._file[start:end] if isinstance(self._file, bytes) else self._file.read(start, end)

    def block_for(self, key: bytes) -> bytes:
        """The lines of the block ``key`` would be in (empty when it sorts before every word)."""
        return self.lines_for(key).blob

    def lines_for(self, key: bytes) -> _SortedLines:
        """The indexed lines of the block ``key`` would be in (none when it sorts before every word)."""
        i = bisect.bisect_right(self._firsts, key) - 1
        if i < 0:
            return _NO_LINES
        block = self._blocks.get(i)
        if block is None:
            start, end = self._spans[i]
            block = self._blocks[i] = _SortedLines(zlib.decompress(self._read(start, end), wbits=31))
        return block

    def text(self) -> bytes:
        """Every rare line, in order."""
        import gzip

        return gzip.decompress(self._read(self._spans[0][0], self._spans[-1][1])) if self._spans else b""


class _SortedLines:
    """Sorted ``word<TAB>bucket`` lines with a sparse index of the words that open them (see :data:`_INDEX_SPAN`)."""

    __slots__ = ("_firsts", "_starts", "blob")

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        #: the word of every indexed line, in order, and where each indexed line starts (then the end)
        self._firsts: list[bytes] = []
        self._starts: list[int] = []
        pos, n = 0, len(blob)
        while pos < n:
            self._firsts.append(blob[pos : blob.index(b"\t", pos)])
            self._starts.append(pos)
            pos = blob.find(b"\n", pos + _INDEX_SPAN) + 1 or n  # the next line that starts a span away
        self._starts.append(n)

    def bucket(self, key: bytes) -> int | None:
        """The bucket of ``key``, None when it is not listed."""
        i = bisect.bisect_right(self._firsts, key) - 1
        if i < 0 or b"\t" in key or b"\n" in key:
            return None
        # the line of ``key``, if listed, lies between the indexed line at or before it and the next
        blob, lo = self.blob, self._starts[i]
        head = key + b"\t"
        if blob.startswith(head, lo):
            at = lo
        else:
            at = blob.find(b"\n" + head, lo, self._starts[i + 1]) + 1
            if not at:
                return None
        tab = at + len(key)
        return int(blob[tab + 1 : blob.index(b"\n", tab)])


#: no lines (the block of a word that sorts before every rare word)
_NO_LINES = _SortedLines(b"")


class WordList(Mapping[str, float]):
    """A packaged word -> frequency list, answered without building one big dictionary.

    ``get`` and ``in`` answer exactly as ``wordfreq.get_frequency_dict(lang)``
    would. The most common words are a dictionary; another word is found by
    bisection over the sorted rest of the common words, then over the block of
    rare words it would be in. Iterating or sizing the mapping reads
    the whole list once (:func:`packaged_frequencies`).

    Attributes:
        lowest: The lowest frequency in the list.
    """

    __slots__ = ("_common", "_lang", "_memo", "_middle", "_middle_lines", "_rare", "lowest")

    def __init__(
        self, lang: str, common: dict[str, float], rare: _RareBlocks, lowest: float, middle: bytes = b""
    ) -> None:
        self._lang = lang
        self._common = common
        #: common words left out of ``common``: sorted ``word<TAB>bucket`` lines, bisected as the rare ones
        self._middle = middle
        #: ``middle`` indexed, on its first lookup
        self._middle_lines: _SortedLines | None = None
        self._rare = rare
        self._memo: dict[str, float | None] = {}
        self.lowest = lowest

    def _find(self, word: str) -> float | None:
        found = self._memo.get(word, False)
        if found is not False:
            return found
        key = word.encode("utf-8", "surrogatepass")
        middle = self._middle_lines
        if middle is None:
            middle = self._middle_lines = _SortedLines(self._middle)
        bucket = middle.bucket(key)
        if bucket is None:
            bucket = self._rare.lines_for(key).bucket(key)
        found = None if bucket is None else _frequency(bucket)
        if len(self._memo) >= _RARE_MEMO_SIZE:
            self._memo.clear()
        self._memo[word] = found
        return found

    def get(self, word: str, default: Any = None) -> Any:
        found = self._common.get(word)
        if found is None:
            found = self._find(word)
        return default if found is None else found

    def missing(self, words: Iterable[str]) -> set[str]:
        """Return the ``words`` that are not in the list (a set difference, rare words bisected)."""
        rest = set(words).difference(self._common)
        memo, find = self._memo, self._find
        out: set[str] = set()
        for w in rest:
            found = memo.get(w, False)  # a remembered answer read here, without a call for the word
            if found is False:
                found = find(w)
            if found is None:
                out.add(w)
        return out

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self._common or self._find(word) is not None

    def __getitem__(self, word: str) -> float:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return float(found)

    def __iter__(self) -> Iterator[str]:
        full = packaged_frequencies(self._lang)
        return iter(full if full is not None else ())

    def __len__(self) -> int:
        full = packaged_frequencies(self._lang)
        return len(full) if full is not None else 0


#: The line that starts the sorted part of a packaged list: ``*<TAB>`` and its buckets.
_RARE_MARK = b"\n*\t"
#: The line after it: ``@<TAB>`` and each block's first word and compressed size.
_INDEX_MARK = b"@\t"


@lru_cache(maxsize=4)
def packaged_words(lang: str) -> WordList | None:
    """Return the packaged word list of ``lang`` as a :class:`WordList`, or None when none is packaged.

    The list's first gzip member (the common words and the block index) is read
    from its parsed form, ``data/words_<lang>.head.marshal``, when that was
    built from this member (:func:`packaged_head`); parsing the member into a
    dictionary of 29,000 words cost a process's first English capture about
    9 ms, loading the parsed form about 3. The form keeps only the words at
    Zipf :data:`HEAD_DICT_ZIPF` or more a dictionary; the rest of the common
    words stay sorted lines, bisected when looked up (:class:`WordList`).

    >>> packaged_words("en").get("the") > 0.01
    True
    >>> "qzxvbn" in packaged_words("en")
    False
    """
    if lang not in PACKAGED:
        return None
    file = _PackagedBytes(f"words_{lang}.txt.gz")
    form = _head_form(lang)
    if form is not None and form["source"] == head_digest(file.read(0, form["start"]), form["start"]):
        rare = _RareBlocks(file, form["start"], form["index"])
        return WordList(lang, form["common"], rare, form["lowest"], form["middle"])
    common, start, index, lowest = parse_head(lang, file.read(0, file.size))
    return WordList(lang, common, _RareBlocks(file, start, index), lowest)


#: What a packaged list's head gives: the common words with their frequencies, the offset
#: of the first block of rare words, the block index (``word size`` pairs), the lowest frequency.
Head = tuple[dict[str, float], int, bytes, float]


def parse_head(lang: str, raw: bytes) -> Head:
    """Read the head of the packaged list ``raw`` of ``lang``: its first gzip member."""
    head = zlib.decompressobj(wbits=31)  # the first gzip member: the common words and the block index
    data = head.decompress(raw)
    mark = data.index(_RARE_MARK) + 1
    mark_end = data.index(b"\n", mark)
    if not data.startswith(_INDEX_MARK, mark_end + 1):
        raise DataError(f"data file 'words_{lang}.txt.gz' has no block index after its '*' line")
    common: dict[str, float] = {}
    buckets = [int(b) for b in data[mark + 2 : mark_end].split()]
    for line in data[:mark].decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        bucket, _, words = line.partition("\t")
        buckets.append(int(bucket))
        common.update(dict.fromkeys(words.split(" "), _frequency(int(bucket))))
    index = data[mark_end + 1 + len(_INDEX_MARK) :]
    return common, len(raw) - len(head.unused_data), index, _frequency(max(buckets))


def head_digest(raw: bytes, start: int) -> str:
    """The CRC-32 and size of the head of ``raw`` (its bytes before ``start``), as its parsed form records it."""
    return f"{zlib.crc32(raw[:start]):08x}-{start}"


def split_common(common: dict[str, float]) -> tuple[dict[str, float], bytes]:
    """Split ``common`` into the words at Zipf :data:`HEAD_DICT_ZIPF` or more and the rest as sorted lines."""
    least = _frequency(round(100 * (9.0 - HEAD_DICT_ZIPF)))
    top = {w: f for w, f in common.items() if f >= least}
    rest = sorted(
        (w.encode("utf-8", "surrogatepass"), round(-100 * math.log10(f)))
        for w, f in common.items()
        if f < least
    )
    return top, b"".join(b"%s\t%d\n" % row for row in rest)


def head_form(lang: str, raw: bytes) -> bytes:
    """The parsed head of ``raw`` as ``data/words_<lang>.head.marshal`` holds it."""
    common, start, index, lowest = parse_head(lang, raw)
    top, middle = split_common(common)
    about = (
        f"The head of data/words_{lang}.txt.gz (same source and licence), parsed: its common words "
        f"at Zipf {HEAD_DICT_ZIPF} or more with their frequencies, the rest of them as sorted "
        "word<TAB>bucket lines, the offset and index of its blocks of rare words and its lowest "
        "frequency. Built by python -m benchmarks.wordlist_head; read only while 'source' is the "
        "CRC-32 and size of that head."
    )
    form = {
        "about": about,
        "source": head_digest(raw, start),
        "common": top,
        "middle": middle,
        "start": start,
        "index": index,
        "lowest": lowest,
    }
    return marshal.dumps(form)  # the current format: shared objects (a bucket's frequency) stored once


def _head_form(lang: str) -> dict[str, Any] | None:
    """The packaged parsed head of ``lang``'s list (``data/words_<lang>.head.marshal``), None when there is none."""
    try:
        form = marshal.loads(read_bytes(f"words_{lang}.head.marshal"))
    except (DataError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(form, dict) or not isinstance(form.get("start"), int) or "middle" not in form:
        return None
    return form


def packaged_head(lang: str, raw: bytes) -> Head | None:
    """The parsed head of ``raw`` from its packaged form, or None when there is none for this head."""
    form = _head_form(lang)
    if form is None or form.get("source") != head_digest(raw, form["start"]):
        return None
    common = dict(form["common"])
    for line in form["middle"].decode("utf-8", "surrogatepass").splitlines():
        word, _, bucket = line.partition("\t")
        common[word] = _frequency(int(bucket))
    return common, form["start"], form["index"], form["lowest"]


@lru_cache(maxsize=4)
def packaged_frequencies(lang: str) -> dict[str, float] | None:
    """Return the packaged word -> frequency dictionary of ``lang``, or None when none is packaged.

    Each common word is listed under its frequency bucket ``N``, each rare word
    with its bucket; wordfreq stores the frequency ``10 ** (-N / 100)``
    (centibels) and so does this. Reading the whole list costs about 150 ms:
    lookups go through :func:`packaged_words`.

    >>> packaged_frequencies("en")["the"] > 0.01
    True
    """
    words = packaged_words(lang)
    if words is None:
        return None
    file = _PackagedBytes(f"words_{lang}.txt.gz")
    freqs = parse_head(lang, file.read(0, file.size))[0]  # the common words in the list's order
    for line in words._rare.text().decode("utf-8").splitlines():
        word, _, bucket = line.partition("\t")
        freqs[word] = _frequency(int(bucket))
    return freqs


def frequencies(lang: str) -> Mapping[str, float]:
    """Return wordfreq's word -> frequency dictionary for ``lang`` (the packaged copy when there is one).

    Raises:
        LookupError: When wordfreq has no list for ``lang``.
    """
    packaged = packaged_words(lang)
    if packaged is not None:
        return packaged
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)


#: What ``wordfreq.zipf_frequency`` returns for a word it does not list (minimum 0).
_UNLISTED = 1e-9


def _zipf_of(freq: float) -> float:
    """Round a frequency and turn it into Zipf as ``wordfreq.zipf_frequency`` does for one token."""
    if freq != _UNLISTED:
        freq = 1.0 / (1.0 / freq)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


#: Latin letters with diacritics (Latin-1 Supplement to Latin Extended-B): a word of these
#: and ASCII letters is one token to wordfreq's English tokenizer.
_LATIN_FROM, _LATIN_TO = "\u00c0", "\u024f"


def _latin_key(word: str) -> str | None:
    """The key wordfreq looks ``word`` up under, for a word of Latin letters; None otherwise.

    For English, wordfreq normalises a token to NFC and case-folds it
    (``preprocess_text``); a word of Latin letters stays one token. Words
    that are not NFC, or whose case folding leaves those letters ("İ" folds
    to "i" and a combining dot), are left to wordfreq itself.
    """
    if not all(ch.isascii() or _LATIN_FROM <= ch <= _LATIN_TO for ch in word):
        return None
    if not unicodedata.is_normalized("NFC", word):
        return None
    key = word.casefold()
    if not key.isalpha() or not all(ch.isascii() or _LATIN_FROM <= ch <= _LATIN_TO for ch in key):
        return None
    return key


def _plain_alnum(word: str) -> bool:
    """Whether ``word`` is ASCII letters and digits with no two digits in a row ("9to5mac", "mp3").

    wordfreq keeps such a word one token and looks it up as it is: only a run of
    two or more digits is replaced by zeros and given an estimated frequency.
    """
    return word.isascii() and word.isalnum() and _DIGIT_RUN.search(word) is None


#: Two digits in a row: wordfreq replaces such runs by zeros before the lookup.
_DIGIT_RUN = re.compile(r"\d\d")


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float | None:
    """Return the Zipf frequency of ``word`` in ``language``, or None when unknown.

    The Zipf scale is log10 of the frequency per billion words: 3 is once per
    million words, 0 is a word wordfreq has never seen. ``None`` means wordfreq
    cannot answer here (no list for the language, or its tokenizer for the
    language is not installed). A word of Latin letters in a packaged language
    is answered from the packaged list, exactly as wordfreq would, without
    importing wordfreq (which costs about 150 ms, and as much again to load its
    list, on the first such word of a process).

    >>> zipf("the") > 7
    True
    >>> zipf("qzxv") == 0.0
    True
    >>> zipf("word", "xx") is None
    True
    """
    if language in PACKAGED and (word.isalpha() or _plain_alnum(word)):
        key = word.lower() if word.isascii() else _latin_key(word)
        freqs = packaged_words(language)
        if key is not None and freqs is not None:
            return _zipf_of(freqs.get(key, _UNLISTED))
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return None
    try:
        return float(zipf_frequency(word, language))
    except (LookupError, ImportError, ValueError):
        return None


#: Per packaged language, the highest Zipf frequency of a listed word holding a letter
#: outside ASCII and Latin-1 to Latin Extended-B ("α" at 3.4 in English). wordfreq keeps a
#: word's letters in its tokens and a word of several tokens is rarer than each, so a word
#: holding such a letter (after NFC and case folding) is never more frequent than this.
#: Checked against the packaged list by ``tests/test_lexicon.py``.
NON_LATIN_MAX_ZIPF = {"en": 3.4}


def _has_non_latin_letter(word: str) -> bool:
    """Whether ``word``, NFC-normalised and case-folded as wordfreq reads it, holds a non-Latin letter."""
    key = unicodedata.normalize("NFC", word).casefold()
    return any(ch.isalpha() and not (ch.isascii() or _LATIN_FROM <= ch <= _LATIN_TO) for ch in key)


class FrequentWords(NamedTuple):
    """The packaged frequent words of one language: each word's frequency bucket, and the floor."""

    buckets: dict[str, int]
    #: The Zipf frequency of the floor bucket: every word not listed is rarer than this.
    floor_zipf: float


@lru_cache(maxsize=8)
def _frequent_list(lang: str) -> tuple[bytes, int] | None:
    """The packaged frequent words of ``lang`` as stored (UTF-8 lines ``bucket<TAB>word word ...``), and the floor bucket."""
    if lang not in FREQUENT_PACKAGED:
        return None
    try:
        form = marshal.loads(read_bytes("words_frequent.marshal"))
        data = zlib.decompress(form[lang])
        floor = int(form["floor"])
    except (KeyError, TypeError, ValueError, EOFError, zlib.error) as exc:
        raise DataError(f"data file 'words_frequent.marshal' has no readable list for {lang!r}") from exc
    return data, floor


@lru_cache(maxsize=8)
def frequent_words(lang: str) -> FrequentWords | None:
    """The packaged frequent words of ``lang`` (:data:`FREQUENT_PACKAGED`), or None when none are packaged.

    >>> frequent_words("de").buckets["und"] < 200, frequent_words("de").floor_zipf
    (True, 2.0)
    >>> frequent_words("xx") is None
    True
    """
    stored = _frequent_list(lang)
    if stored is None:
        return None
    data, floor = stored
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"data file 'words_frequent.marshal' has no readable list for {lang!r}") from exc
    buckets: dict[str, int] = {}
    for line in text.splitlines():
        bucket, _, words = line.partition("\t")
        buckets.update(dict.fromkeys(words.split(" "), int(bucket)))
    return FrequentWords(buckets, _zipf_of(_frequency(floor)))


class _FrequentScan(NamedTuple):
    """One language's frequent words laid out for a byte search: every word between two spaces."""

    #: ``\n<bucket>\t <word> <word> ... \n`` per line: a bucket number never has a space before it.
    text: bytes
    floor_zipf: float


#: A packaged language's frequent words are first looked up by a byte search of its list
#: (0.4 ms for a word absent from the Portuguese list, 0.9 ms from the German one, measured)
#: instead of building its word index (45-90 ms of CPU, paid on the first such word of a
#: process, mostly by a page that asks one word). The index costs about as much as this many
#: searches, so a language asked this often gets its index after all.
SCANS_BEFORE_INDEX = 100

_scans: dict[str, int] = {}


@lru_cache(maxsize=8)
def _frequent_scan(lang: str) -> _FrequentScan | None:
    stored = _frequent_list(lang)
    if stored is None:
        return None
    data, floor = stored
    text = b"\n" + data.rstrip(b"\n").replace(b"\t", b"\t ").replace(b"\n", b" \n") + b" \n"
    return _FrequentScan(text, _zipf_of(_frequency(floor)))


def _frequent_bucket(lang: str, key: str, listed: _FrequentScan) -> int | None:
    """The bucket of ``key`` among the frequent words of ``lang``, or None when it is not one of them.

    The same answer as ``frequent_words(lang).buckets.get(key)`` (each word is listed once).
    """
    asked = _scans.get(lang, 0)
    if asked >= SCANS_BEFORE_INDEX:
        index = frequent_words(lang)
        return None if index is None else index.buckets.get(key)
    _scans[lang] = asked + 1
    text = listed.text
    at = text.find(b" " + key.encode("utf-8", "surrogatepass") + b" ")
    if at < 0:
        return None
    start = text.rfind(b"\n", 0, at) + 1
    return int(text[start : text.index(b"\t", start)])


def rarer_than(word: str, threshold: float, language: str = "en") -> bool:
    """Whether ``word`` is rarer than ``threshold`` in ``language``: ``(zipf(word, language) or 0.0) < threshold``.

    The same answer as that test, without asking wordfreq when the packaged list
    decides it: a word holding a non-Latin letter is no more frequent than
    :data:`NON_LATIN_MAX_ZIPF` in a packaged language (a Cyrillic or Japanese word
    met in an English capture made every process import wordfreq and load its
    list, about 0.3 s, to learn that it is rare); and in a language of
    :data:`FREQUENT_PACKAGED`, a word of Latin letters is answered from its
    frequent words when ``threshold`` is at or above their floor (a German or
    Portuguese word cost the same 0.3-0.5 s).

    >>> rarer_than("the", 4.0), rarer_than("интересное", 4.0), rarer_than("qzxv", 4.0)
    (False, True, True)
    """
    bound = NON_LATIN_MAX_ZIPF.get(language)
    if bound is not None and bound < threshold and not word.isascii() and _has_non_latin_letter(word):
        return True
    if language in FREQUENT_PACKAGED and (word.isalpha() or _plain_alnum(word)):
        key = word.lower() if word.isascii() else _latin_key(word)
        listed = _frequent_scan(language) if key is not None else None
        if key is not None and listed is not None and threshold >= listed.floor_zipf:
            bucket = _frequent_bucket(language, key, listed)
            return bucket is None or _zipf_of(_frequency(bucket)) < threshold
    return (zipf(word, language) or 0.0) < threshold
