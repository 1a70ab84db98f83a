"""Tests of newsclean.lexicon: frequencies never crash on a language or script."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.lexicon import zipf


@pytest.mark.parametrize(
    ("word", "language"),
    [("因为", "zh"), ("東京", "ja"), ("서울", "ko"), ("椀渀最", "en"), ("word", "xx"), ("", "en")],
)
def test_zipf_answers_or_says_unknown_for_any_language(word: str, language: str) -> None:
    found = zipf(word, language)
    assert found is None or found >= 0.0


def test_zipf_ranks_common_above_rare() -> None:
    common, rare = zipf("house"), zipf("xqzvbn")
    assert common is not None and rare is not None and common > 5 > rare


def test_cjk_title_without_an_installed_tokenizer_cleans() -> None:
    # Found by fuzzing: a CJK token in the title reached wordfreq's Chinese tokenizer.
    article = newsclean.clean("Current:actAl椀渀最 刀甀猀")
    assert "刀甀猀" in (article.title or "") + article.text


# -- the packaged English list ---------------------------------------------------------------


def test_packaged_list_is_wordfreqs_dictionary() -> None:
    from wordfreq import get_frequency_dict

    from newsclean.lexicon import packaged_frequencies

    ours = packaged_frequencies("en")
    assert ours == get_frequency_dict("en")
    assert packaged_frequencies("fr") is None


@pytest.mark.parametrize("step", [97])
def test_packaged_zipf_is_wordfreqs_zipf(step: int) -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    words = [w for w in get_frequency_dict("en") if w.isascii() and w.isalpha()][::step]
    words += (
        [w.title() for w in words[:500]] + [w.upper() for w in words[:200]] + ["qzxvbn", "Qzxvbn", "tobe"]
    )
    assert [zipf.__wrapped__(w, "en") for w in words] == [zipf_frequency(w, "en") for w in words]


def test_packaged_zipf_of_latin_letters_is_wordfreqs_zipf() -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    words = [w for w in get_frequency_dict("en") if not w.isascii() and w.isalpha()][::7]
    words += [w.title() for w in words] + [w.upper() for w in words]
    # Folding that leaves Latin letters ("İ" gains a combining dot), digraphs, ligatures,
    # decomposed accents: each must still answer as wordfreq does (by wordfreq, then).
    words += ["Zürich", "STRAßE", "İstanbul", "ǅemal", "ŉ", "ﬁne", "Zu\u0308rich", "Ꞵeta"]
    assert [zipf.__wrapped__(w, "en") for w in words] == [zipf_frequency(w, "en") for w in words]


def test_packaged_zipf_of_letters_and_lone_digits_is_wordfreqs_zipf() -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    listed = [w for w in get_frequency_dict("en") if w.isascii() and w.isalnum() and not w.isalpha()]
    # Words of letters and lone digits are looked up as they are; a run of two or more
    # digits is smashed to zeros by wordfreq and still asked of it: both must agree.
    words = [*listed[::5], "9to5mac", "Mp3", "G7", "4k", "x1y2z3", "5", "a1b", "covid19", "H264", "1984"]
    assert [zipf.__wrapped__(w, "en") for w in words] == [zipf_frequency(w, "en") for w in words]


def test_english_words_are_answered_without_wordfreq() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from newsclean.lexicon import zipf; from newsclean.stages.spinner_swaps import "
        "nonword_candidates as n; zipf('House'); zipf('Zürich'); zipf('9to5mac'); zipf('naïve'); "
        "n('We met toobtainher in Paris.', 'en'); "
        "print('wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- rarer_than: the packaged list answers for words holding a non-Latin letter -------------


def test_non_latin_bound_is_the_highest_such_word_of_the_packaged_list() -> None:
    from newsclean.lexicon import NON_LATIN_MAX_ZIPF, _has_non_latin_letter, _zipf_of, packaged_frequencies

    for lang, bound in NON_LATIN_MAX_ZIPF.items():
        freqs = packaged_frequencies(lang)
        assert freqs is not None
        highest = max(_zipf_of(f) for w, f in freqs.items() if _has_non_latin_letter(w))
        assert highest == bound


@pytest.mark.parametrize(
    ("word", "rare"),
    [
        ("the", False),  # common English
        ("house", False),
        ("xqzvbn", True),  # unlisted
        ("интересное", True),  # Cyrillic: answered without wordfreq
        ("ソフトウェア", True),
        ("점점", True),
        ("α", True),  # the most frequent such word, still under 4.0
        ("\ufb01nd", False),  # "ﬁnd": the ligature folds to "find", a common word
        ("café", True),  # Latin letters with diacritics (3.6): the list answers
    ],
)
def test_rarer_than_reads_the_threshold_as_zipf_does(word: str, rare: bool) -> None:
    from newsclean.lexicon import rarer_than

    assert rarer_than(word, 4.0) is rare
    assert rarer_than(word, 4.0) == ((zipf(word, "en") or 0.0) < 4.0)


_LETTERS_MIX = "abcdefghijklmnopqrstuvwxyzéüßАБВабвгдежзαβγδΩωツブロ점ﬁK"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_LETTERS_MIX, min_size=1, max_size=8), st.sampled_from([0.5, 2.0, 3.0, 3.5, 4.0, 5.0])
)
def test_rarer_than_agrees_with_wordfreq(word: str, threshold: float) -> None:
    from wordfreq import zipf_frequency

    from newsclean.lexicon import rarer_than

    assert rarer_than(word, threshold) == (zipf_frequency(word, "en") < threshold)


def test_packaged_rare_words_are_found_in_their_blocks() -> None:
    """Every word (its block decompressed on first need) has the frequency of the whole list."""
    from newsclean.lexicon import WordList, packaged_frequencies, packaged_words

    full = packaged_frequencies("en")
    loaded = packaged_words("en")
    assert full is not None and loaded is not None
    fresh = WordList(
        "en", loaded._common, loaded._rare, loaded.lowest, loaded._middle
    )  # nothing remembered yet
    assert loaded._middle and len(loaded._common) < 10_000  # common words outside the dictionary are bisected
    firsts = [w.decode("utf-8") for w in loaded._rare._firsts]
    assert len(firsts) > 100  # the rare words are split into blocks
    words = sorted(full, key=lambda w: w.encode("utf-8"))
    at = {w: i for i, w in enumerate(words)}
    edges = {words[j] for w in firsts for j in (at[w] - 1, at[w], at[w] + 1) if 0 <= j < len(words)}
    for word in [*words[::53], *edges]:
        assert fresh.get(word) == full[word], word
    for absent in ("", "\x00", "qzxvbnq", "\U0010ffff", firsts[5] + "\x00", firsts[-1] + "zzzzzz"):
        assert fresh.get(absent) is None and absent not in full
    for word in words[::211]:  # near a listed word: one letter more or less, a tab or a line break
        for near in (word + "q", word[:-1], word + "\t", "\n" + word, word + "\t1"):
            assert fresh.get(near) == full.get(near), near


def test_packaged_head_is_the_parsed_one() -> None:
    # Fails when data/words_en.txt.gz changed without `python -m benchmarks.wordlist_head`.
    from newsclean.data import read_bytes
    from newsclean.lexicon import packaged_head, parse_head

    raw = read_bytes("words_en.txt.gz")
    packaged = packaged_head("en", raw)
    assert packaged is not None, "data/words_en.head.marshal is stale: run python -m benchmarks.wordlist_head"
    parsed = parse_head("en", raw)
    assert packaged == parsed


def test_common_words_split_from_the_dictionary_keep_their_frequency() -> None:
    from newsclean.lexicon import HEAD_DICT_ZIPF, WordList, packaged_frequencies, packaged_words, split_common

    loaded = packaged_words("en")
    full = packaged_frequencies("en")
    assert loaded is not None and full is not None
    lines = loaded._middle.splitlines()
    assert lines == sorted(lines) and all(zipf < HEAD_DICT_ZIPF for zipf in map(_zipf_of_line, lines[::97]))
    fresh = WordList("en", loaded._common, loaded._rare, loaded.lowest, loaded._middle)
    for line in [*lines[::7], lines[0], lines[-1]]:
        word = line.partition(b"\t")[0].decode("utf-8")
        assert fresh.get(word) == full[word], word
        assert fresh.get(word + "q") == full.get(word + "q")
    top, middle = split_common({"the": 0.05, "word": 1e-5, "wordy": 9e-6})
    assert top == {"the": 0.05, "word": 1e-5} and middle == b"wordy\t505\n"


def _zipf_of_line(line: bytes) -> float:
    return 9.0 - int(line.partition(b"\t")[2]) / 100


def test_rare_words_are_read_a_block_at_a_time_as_from_the_whole_file() -> None:
    from newsclean.data import read_bytes
    from newsclean.lexicon import _PackagedBytes, _RareBlocks, packaged_head

    raw = read_bytes("words_en.txt.gz")
    head = packaged_head("en", raw)
    assert head is not None
    _, start, index, _ = head
    file = _PackagedBytes("words_en.txt.gz")
    assert file.size == len(raw) and file.read(10, 30) == raw[10:30]
    by_range, whole = _RareBlocks(file, start, index), _RareBlocks(raw, start, index)
    for key in (b"aardvarkish", b"mmmm", b"zzzzzz", b"\x00", "\u00e9t\u00e9s".encode()):
        assert by_range.block_for(key) == whole.block_for(key), key
    assert len(by_range._blocks) <= 5  # only the blocks asked for were read
    assert by_range.text() == whole.text()


def test_a_word_list_file_replaced_while_in_use_is_an_error(tmp_path: Path) -> None:
    from newsclean.data import DataError
    from newsclean.lexicon import _PackagedBytes

    file = _PackagedBytes("words_en.txt.gz")
    copy = tmp_path / "words.gz"
    copy.write_bytes(file.read(0, file.size))
    file._source = str(copy)
    assert file.read(0, 4) == copy.read_bytes()[:4]
    copy.write_bytes(b"shorter")
    with pytest.raises(DataError, match="changed while in use"):
        file.read(0, 4)


def test_a_stale_packaged_head_is_ignored() -> None:
    from newsclean.data import read_bytes
    from newsclean.lexicon import packaged_head

    raw = bytearray(read_bytes("words_en.txt.gz"))
    raw[20] ^= 1  # inside the head: another list
    assert packaged_head("en", bytes(raw)) is None
    assert packaged_head("xx", bytes(raw)) is None  # no head packaged for this language


# -- rarer_than: the packaged frequent words of six more languages ---------------------------------


@pytest.mark.parametrize("lang", ["de", "es", "fr", "it", "nl", "pt"])
def test_frequent_words_are_wordfreqs_words_at_or_above_the_floor(lang: str) -> None:
    from wordfreq import get_frequency_dict

    from newsclean.lexicon import _zipf_of, frequent_words

    listed = frequent_words(lang)
    assert listed is not None
    assert listed.floor_zipf == 2.0
    expected = {w for w, f in get_frequency_dict(lang).items() if _zipf_of(f) >= listed.floor_zipf}
    assert set(listed.buckets) == expected


@pytest.mark.parametrize("lang", ["de", "es", "fr", "it", "nl", "pt"])
def test_rarer_than_in_other_languages_agrees_with_wordfreq(lang: str) -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    from newsclean.lexicon import rarer_than

    words = list(get_frequency_dict(lang))[::211]
    words += (
        [w.title() for w in words[:300]] + [w.upper() for w in words[:300]] + [w + "q" for w in words[:300]]
    )
    # folding, ligatures, decomposed accents, digits: each must answer as wordfreq does
    words += [
        "Straße",
        "STRASSE",
        "ÉTÉ",
        "nº",
        "covid19",
        "Mp3",
        "İstanbul",
        "\ufb01nal",
        "e\u0301te",
        "qzxvbn",
    ]
    for threshold in (2.0, 2.5, 4.0, 1.5):
        ours = [rarer_than(w, threshold, lang) for w in words]
        assert ours == [zipf_frequency(w, lang) < threshold for w in words]


@pytest.mark.parametrize("lang", ["de", "pt"])
def test_frequent_words_searched_before_their_index_answer_as_the_index(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from newsclean import lexicon

    index = lexicon.frequent_words(lang)
    listed = lexicon._frequent_scan(lang)
    assert index is not None and listed is not None
    assert listed.floor_zipf == index.floor_zipf
    words = sorted(index.buckets)[::997]
    # first and last words of a bucket, other words' prefixes and suffixes, digits like a bucket
    words += [w[:-1] for w in words if len(w) > 2] + [w[1:] for w in words if len(w) > 2]
    words += [w + "q" for w in words[:50]] + ["700", "132", "0", "qzxvbn", "straße", "été"]
    random.Random(0).shuffle(words)  # hits and misses on both sides of the switch to the index
    monkeypatch.setattr(lexicon, "_scans", {})
    searched = [lexicon._frequent_bucket(lang, w, listed) for w in words[: lexicon.SCANS_BEFORE_INDEX]]
    assert searched == [index.buckets.get(w) for w in words[: lexicon.SCANS_BEFORE_INDEX]]
    rest = words[lexicon.SCANS_BEFORE_INDEX :]
    assert [lexicon._frequent_bucket(lang, w, listed) for w in rest] == [index.buckets.get(w) for w in rest]


def test_a_german_word_is_answered_without_wordfreq() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from newsclean.lexicon import rarer_than; "
        "print(rarer_than('Bundesregierung', 2.0, 'de'), rarer_than('Qzxvbnwerk', 2.0, 'de'), "
        "'wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False"]


def test_file_digest_is_the_checksum_of_the_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import zlib

    from newsclean import lexicon
    from newsclean.data import read_bytes

    for name in ("spinner_synonyms.tsv", "tortured.tsv", "words_en.txt.gz"):  # one chunk and several
        raw = read_bytes(name)
        assert lexicon.file_digest(name) == f"{zlib.crc32(raw):08x}-{len(raw)}"
    monkeypatch.setattr(lexicon.os.path, "isfile", lambda path: False)  # a zipped install
    assert lexicon.file_digest("tortured.tsv") is None


_LINES = b"".join(b"w%04d\t%d\n" % (i, 300 + i % 7) for i in range(0, 1200, 3))


@pytest.mark.parametrize(
    ("key", "bucket"),
    [
        (b"w0000", 300),  # the first line
        (b"w1197", 300 + 1197 % 7),  # the last line
        (b"w0201", 300 + 201 % 7),
        (b"w0202", None),  # between two listed words
        (b"w", None),  # before every word
        (b"w9999", None),  # after every word
        (b"w0201\t", None),
        (b"w0201\t304", None),
        (b"\nw0201", None),
        (b"", None),
    ],
)
def test_sorted_lines_find_every_word_across_their_index(key: bytes, bucket: int | None) -> None:
    """A word is found in the span after its indexed line, whichever span it falls in."""
    from newsclean.lexicon import _INDEX_SPAN, _SortedLines

    lines = _SortedLines(_LINES)
    assert len(_LINES) > 8 * _INDEX_SPAN  # several spans
    assert lines.bucket(key) == bucket
    for i in range(1200):
        assert lines.bucket(b"w%04d" % i) == (300 + i % 7 if i % 3 == 0 else None)
