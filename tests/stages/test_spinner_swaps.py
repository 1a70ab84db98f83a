"""Tests of stages/spinner_swaps.py: swaps inferred from the non-words they leave.

All text is written here. The spun sentences apply swaps of the packaged
synonym table ("get -> obtain", "hold -> keep") to lower-case substrings, as a
find-and-replace spinner does.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.data import read_json
from newsclean.document import Document, replay
from newsclean.stages import spinner_swaps
from newsclean.stages.spinner import repair_spinner
from newsclean.stages.spinner_swaps import (
    infer_swaps,
    load_synonyms,
    nonword_candidates,
    parse_synonyms,
    spun_evidence,
)

# "get -> obtain" inside "together", "budget", "forget" and "target".
SPUN_GET = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "Members said they would not forobtain the promises made to residents last spring.\n"
    "The tarobtain is to balance the accounts before the summer recess begins.\n"
)


def test_synonym_table_reads_backwards() -> None:
    index = load_synonyms()
    assert "get" in index.by_spun["obtain"]
    assert index.pairs > 10_000


def test_parse_synonyms_skips_comments_and_self() -> None:
    assert parse_synonyms("# x\nbig\tlarge|big|great\n") == [("big", "large"), ("big", "great")]


def test_a_swap_is_inferred_from_several_non_words() -> None:
    swaps = infer_swaps(SPUN_GET, "en")
    best = swaps[0]
    assert (best.original, best.spun) == ("get", "obtain")
    assert best.support == 4
    assert best.supported
    assert spun_evidence(swaps)


def test_stage_restores_the_inferred_swap_and_flags_the_document() -> None:
    out = repair_spinner(Document.from_text(SPUN_GET))
    assert "together" in out.text and "budget" in out.text and "forget" in out.text
    assert "target" in out.text
    assert out.get("spun") is True
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    assert ["get", "obtain", 4] in out.extra["spinner"]["swaps"]


def test_one_unexplained_coincidence_is_not_applied() -> None:
    # One odd token explained by one swap: no support, no edit, not spun.
    text = (
        "The museum opened a new wing for the toobtainher exhibition of local painters.\n"
        "Visitors queued for an hour on the first day, and the curator was pleased.\n"
    )
    out = repair_spinner(Document.from_text(text))
    assert out.text == text
    assert out.get("spun") is False


# A spinner that swaps only some occurrences: "get -> obtain" and "cause -> reason" each
# wreck one word, and "get" and "cause" survive elsewhere.
HALF_SPUN = (
    "We got toobtainher on Monday to get the budget done. "
    "They said it was bereason of the vote, and the cause was clear."
)


def test_a_lone_non_word_whose_rival_repair_is_far_more_frequent_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "let -> rent" wrecked "letter"; "let" survives, so the rank prefers "split -> rent"
    # ("splitter", Zipf 2.9), but "letter" is far more frequent: ambiguous, not repaired.
    text = SPUN_GET + "A rentter from the mayor was read out, and they let the motion pass.\n"
    out = repair_spinner(Document.from_text(text))
    assert out.get("spun") is True and "together" in out.text
    assert "rentter" in out.text and "splitter" not in out.text
    monkeypatch.setattr(spinner_swaps, "MIN_RIVAL_MARGIN", 99.0)
    assert "splitter" in repair_spinner(Document.from_text(text)).text


def test_a_partial_spinner_is_flagged_from_its_count_of_non_words() -> None:
    swaps = infer_swaps(HALF_SPUN, "en")
    assert [(s.support, s.survives, s.ambiguous) for s in swaps] == [(1, True, False)] * 2
    assert spun_evidence(swaps) is False  # no supported swap, originals survive
    assert spinner_swaps.lowercase_nonwords(swaps) == 2
    assert spun_evidence(swaps, HALF_SPUN)
    out = repair_spinner(Document.from_text(HALF_SPUN))
    assert out.get("spun") is True
    assert "together" in out.text and "because" in out.text


def test_the_count_of_non_words_leaves_long_texts_alone() -> None:
    # Two such non-words in 5,000 words are what clean text of that length holds.
    long = HALF_SPUN + "\n" + "The council met on Monday to discuss the budget for next year.\n" * 400
    out = repair_spinner(Document.from_text(long))
    assert out.get("spun") is False
    assert out.text == long


# The same partial spinner's wreckage at the start of sentences: capitalised.
CAPITALISED = (
    "Toobtainher we met on Monday to get the budget done. "
    "Bereason of the vote, they said, the cause was clear."
)


@pytest.mark.parametrize(
    ("text", "lower", "any_case", "spun"),
    [
        (CAPITALISED, 0, 2, True),  # two capitalised non-words in 20 words: a spinner's
        (HALF_SPUN, 2, 2, True),  # the lower-case count flags it first
        # one capitalised non-word is what a name or a brand word can be: left alone
        (CAPITALISED.replace("Bereason", "Because"), 0, 1, False),
        # two in 4,000 words: what clean text of that length holds
        (
            CAPITALISED + "\nThe council met on Monday to discuss the budget for next year.\n" * 350,
            0,
            2,
            False,
        ),
    ],
)
def test_capitalised_non_words_are_counted_against_their_own_clean_rate(
    text: str, lower: int, any_case: int, spun: bool
) -> None:
    swaps = infer_swaps(text, "en")
    assert spinner_swaps.lowercase_nonwords(swaps) == lower
    assert spinner_swaps.explained_nonwords(swaps) == any_case
    out = repair_spinner(Document.from_text(text))
    assert out.get("spun") is spun
    if not spun:
        assert out.text == text
    else:
        decision = next(d for d in out.decisions if d.reason == "spin_score")
        counted = "lower case" if lower else "any case"
        assert decision.data["nonwords_counted"] == counted
        assert decision.data["nonword_tail"] <= decision.data["max_nonword_tail"]


@pytest.mark.parametrize(
    ("rate_key", "tail_key", "report_key"),
    [
        ("clean_rate", "max_log10_tail", "report"),
        ("any_case_rate", "max_log10_tail_any_case", "report_any_case"),
    ],
)
def test_the_fitted_count_thresholds_flag_no_clean_body_they_were_fitted_on(
    rate_key: str, tail_key: str, report_key: str
) -> None:
    raw = read_json(spinner_swaps.FLAG_FILE)
    report = raw[report_key]
    assert raw[rate_key] > 0
    assert raw[tail_key] < report["lowest_clean_log10_tail"]
    assert report["last_taken_log10_tail"] <= raw[tail_key]
    assert report["added_precision"] >= 0.98


def test_poisson_tail_matches_its_complement() -> None:
    import math

    for count, mean in [(1, 0.5), (2, 0.01), (3, 2.0), (5, 1e-4)]:
        below = sum(math.exp(-mean) * mean**i / math.factorial(i) for i in range(count))
        expected = math.log10(1 - below) if below < 1 - 1e-12 else None
        got = spinner_swaps.nonword_tail(count, 1000, mean / 1000)
        if expected is not None:
            assert got == pytest.approx(expected, abs=1e-6)
        assert got <= 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The Dravosky family and the Pelvarn government met in Kelmorth on Friday.",
        "Visit https://example.com/toobtainher or mail info@budobtain.org for details.",
        "She wrote in her notebook: qwzxv, plorf and snarg are not words at all.",
        "The committee will hold a vote after the holiday, and members expect to get a result.",
    ],
)
def test_clean_controls_are_left_alone(text: str) -> None:
    out = repair_spinner(Document.from_text(text))
    assert out.text == text
    assert out.get("spun") is False


def test_clean_text_does_not_load_the_synonym_table() -> None:
    load_synonyms.cache_clear()
    spinner_swaps._combined_index.cache_clear()
    text = "The council met together on Monday to discuss the budget for next year."
    assert nonword_candidates(text, "en") == []
    repair_spinner(Document.from_text(text))
    assert load_synonyms.cache_info().currsize == 0


# -- the non-word scan against a token-by-token reading --------------------------------------


def _nonwords_token_by_token(text: str) -> list[tuple[int, int, str]]:
    """Read every white-space chunk and look each part up: the slow, obvious scan."""
    import regex

    known = spinner_swaps.known_words("en")
    out: list[tuple[int, int, str]] = []
    split_chunks = set(text.split())
    for m in regex.finditer(r"\S+", text):
        if m.group() not in split_chunks:
            continue
        for ps, pe, word in spinner_swaps._parts(m.group()):
            if word.lower() not in known:
                out.append((m.start() + ps, m.start() + pe, word))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "We met toobtainher in Paris.",
        "“Toobtainher,” she said; (budobtain) TOOBTAINHER Toobtainher's co-budobtain.",
        "Kelvin \u212aelvinxq and \u0130stanbulqz and caf\u00e9xq xqzvbn",
        "Split\x1cjoined zzqxw\x1czzqxw zzqxw\u00a0zzqxw",
        "iPhone xqzvbnm1 xqzv/bnm a.b.cdefgh well-knownqq toobtainherhim",
        "",
        "The council met on Monday to discuss the budget.",
    ],
)
def test_nonword_scan_matches_token_by_token_reading(text: str) -> None:
    assert nonword_candidates(text, "en") == _nonwords_token_by_token(text)
    assert _nonwords_from_shared_runs(text) == _nonwords_token_by_token(text)


def _nonwords_from_shared_runs(text: str) -> list[tuple[int, int, str]]:
    """The scan as the stage runs it: from the runs it also looks tortured phrases up by."""
    from newsclean.stages._text import lower
    from newsclean.stages.tortured import text_runs

    lowered = lower(text)
    return nonword_candidates(text, "en", lowered=lowered, tokens=text_runs(lowered))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "toobtainher",
                "Budobtain",
                "the",
                "QZXWV",
                "co-",
                "’s",
                "'",
                "“",
                ".",
                ",",
                " ",
                "\n",
                "\u00a0",
                "\u212a",
                "\u0130",
                "é",
                "7",
                "/",
                "-",
                "Paris",
                "xq",
                "zv",
            ]
        ),
        max_size=25,
    )
)
def test_nonword_scan_is_exact(parts: list[str]) -> None:
    text = "".join(parts)
    assert nonword_candidates(text, "en") == _nonwords_token_by_token(text)
    assert _nonwords_from_shared_runs(text) == _nonwords_token_by_token(text)


def test_only_the_kelvin_sign_lowers_to_an_ascii_letter() -> None:
    import sys

    from newsclean.stages._text import lower

    found = [
        c
        for c in range(128, sys.maxunicode + 1)
        if any(ch.isascii() and ch.isalpha() for ch in lower(chr(c)))
    ]
    assert found == [ord(spinner_swaps._LOWERS_TO_ASCII)]


# "mad -> crazy" inside "made", alone, in a document spun by "get -> obtain"
# (no other "made" is left: the spinner swapped them all).
SPUN_LONE = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "The tarobtain is to balance the accounts before the summer recess begins.\n"
    "The deal was crazye public on Tuesday.\n"
)


def test_a_lone_non_word_goes_to_the_far_more_frequent_repair() -> None:
    # "crazye" is "made" (Zipf 5.9) or "wilde" (3.4): the margin settles it.
    swaps = infer_swaps(SPUN_LONE, "en")
    lone = [s for s in swaps if s.spun == "crazy"]
    assert [(s.original, s.ambiguous) for s in lone] == [("mad", False)]
    out = repair_spinner(Document.from_text(SPUN_LONE))
    assert "The deal was made public" in out.text


def test_a_lone_non_word_with_close_repairs_stays_ambiguous() -> None:
    # "touchs": "feelings" (4.7) or "concerns" (4.6), too close to choose.
    text = SPUN_LONE + "She spoke of her touchs about the plan.\n"
    out = repair_spinner(Document.from_text(text))
    assert "touchs" in out.text


# A spinner that swaps only some occurrences: "get" survives beside its wreckage.
SPUN_PARTLY = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "Members said the target is to get the accounts balanced before the recess.\n"
)
# And one that swaps every occurrence: no lower-case "get" is left.
SPUN_FULLY = (
    "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
    "Members said they would not forobtain the promises made to residents.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "aturn" is "about" (bout -> turn) or "around" (round -> turn). The partial
        # spinner left "about" intact elsewhere: the repair the text attests wins.
        (SPUN_PARTLY + "They spoke aturn the plan and about the vote for an hour.\n", "spoke about the plan"),
        # The full spinner leaves no lower-case "bout", while "round" survives in
        # "around": the swap whose original never survives wins.
        (SPUN_FULLY + "They spoke aturn the plan and walked around the hall.\n", "spoke about the plan"),
    ],
)
def test_rival_swaps_are_told_apart_by_how_the_spinner_works(text: str, expected: str) -> None:
    out = repair_spinner(Document.from_text(text))
    assert expected in out.text
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text


def _fields(index: spinner_swaps.SynonymIndex) -> list[object]:
    """The index's content, key order included (no timing)."""
    return [
        list(index.by_spun.items()),
        list(index.by_last.items()),
        list(index.by_first.items()),
        index.pairs,
        list(index.synonym_counts.items()),
        list(index.lengths_by_head.items()),
    ]


def test_packaged_synonym_index_is_the_computed_one() -> None:
    # Fails when data/spinner_synonyms.tsv changed without `python -m benchmarks.synonym_index`.
    raw = spinner_swaps.read_bytes(spinner_swaps.SYNONYMS_FILE)
    packaged = spinner_swaps.packaged_index(spinner_swaps.table_digest(raw), 0.0)
    assert packaged is not None, (
        "data/spinner_synonyms.marshal is stale: run python -m benchmarks.synonym_index"
    )
    assert _fields(packaged) == _fields(spinner_swaps.compute_index(0.0))
    assert _fields(load_synonyms()) == _fields(packaged)


def test_a_stale_synonym_index_is_ignored() -> None:
    assert spinner_swaps.packaged_index(spinner_swaps.table_digest(b"# another table\n"), 0.0) is None


def test_synonym_index_round_trips_through_its_file_format(monkeypatch: pytest.MonkeyPatch) -> None:
    index = spinner_swaps._index(parse_synonyms("# t\nget\tobtain|get hold of\n"), 0.0)
    form = spinner_swaps.index_form(index, "d")
    monkeypatch.setattr(spinner_swaps, "read_bytes", lambda name: form)
    back = spinner_swaps.packaged_index("d", 0.0)
    assert back is not None and _fields(back) == _fields(index)
    assert back.by_spun == {"obtain": ("get",)} and back.by_last == {"of": (("get hold of", "get"),)}
    assert back.lengths_by_head == {"obt": (6,)}


def test_grouped_index_answers_as_the_dictionary_it_was_made_from() -> None:
    plain = {"obtain": ("get",), "obtains": ("gets",), "of": (("get hold of", "get"),), "zz": ()}
    grouped = spinner_swaps.GroupedIndex(*spinner_swaps.group_form(plain))
    assert grouped._loaded == {}  # nothing read before a lookup
    assert grouped.get("obtain") == ("get",) and grouped["of"] == (("get hold of", "get"),)
    assert list(grouped._loaded) == ["obt", "of"]  # only the groups looked up
    assert grouped.get("obtainx") is None and grouped.get("ob", 1) == 1 and "o" not in grouped
    with pytest.raises(KeyError):
        grouped["nothing"]
    assert list(grouped.items()) == list(plain.items()) and len(grouped) == 4 and grouped == plain
    empty = spinner_swaps.GroupedIndex(*spinner_swaps.group_form({}))
    assert len(empty) == 0 and empty.get("obtain") is None


def test_packaged_synonym_index_is_read_a_group_at_a_time() -> None:
    raw = spinner_swaps.read_bytes(spinner_swaps.SYNONYMS_FILE)
    index = spinner_swaps.packaged_index(spinner_swaps.table_digest(raw), 0.0)  # a fresh one
    assert index is not None and isinstance(index.by_spun, spinner_swaps.GroupedIndex)
    assert index.by_spun.get("obtain") == load_synonyms().by_spun["obtain"]
    assert len(index.by_spun._loaded) < len(index.lengths_by_head)
