"""Tests of stages/spinner.py: spinner repair, spin detection, tortured phrases, doubled words.

All text is written here. The spun sentences imitate the spinner documented in
``data/spinner.tsv`` (about -> regarding, after -> following, again -> once more,
applied to lower-case substrings).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.document import Document, Options, replay
from newsclean.pipeline import Pipeline
from newsclean.registry import get
from newsclean.stages.spinner import (
    RepairSpinner,
    find_tortured,
    load_substitutions,
    load_tortured,
    remove_doubled_words,
    repair_spinner,
    spin_score,
)

# A spun paragraph: enough evidence for detection (artifacts, strong contexts,
# no surviving "about"/"after"/"again").
SPUN = (
    "The allies warned once morest military cooperation between the two countries.\n"
    "The minister said he was thinking regarding new projects and regarding 300 jobs.\n"
    "Shortly following he arrived, the talks began once more following the recent summit.\n"
    "Mira was the second guest following Regional President Dravosky to see the jet.\n"
    "They met followingwards in the roundregarding way.\n"
)


def _run(text: str, stage: object = repair_spinner, **options: object) -> Document:
    doc = Document.from_text(text, options=Options(**options))  # type: ignore[arg-type]
    out = stage(doc)  # type: ignore[operator]
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    return out


def _reasons(doc: Document, stage: str = "repair_spinner") -> list[str]:
    return [e.reason for e in doc.edits if e.stage == stage]


# -- tier 1: unambiguous artifacts, repaired in any document -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They warned once morest the plan.", "They warned against the plan."),
        ("We spoke followingwards.", "We spoke afterwards."),
        ("Take the roundregarding route.", "Take the roundabout route."),
        ("His whereregardings are unknown.", "His whereabouts are unknown."),
        ("In the followingmath of the storm.", "In the aftermath of the storm."),
        ("We met in the followingnoon.", "We met in the afternoon."),
        ("Thereupon, and therefollowing, nothing.", "Thereupon, and thereafter, nothing."),
        ("FOLLOWINGWARDS we left.", "AFTERWARDS we left."),
        ("He won once once more, and left.", "He won once again, and left."),
    ],
)
def test_artifacts_are_repaired_in_any_document(text: str, expected: str) -> None:
    out = _run(text)
    assert out.text == expected
    assert set(_reasons(out)) == {"spinner_artifact"}


@pytest.mark.parametrize(
    "text",
    [
        "He was disregarding the advice.",  # "disabout" is no word
        "Her followings on social media grew.",  # a rare but real word
        "The regardingness of it.",  # reverts to a non-word
        "https://example.com/followingnews",  # inside a URL: the repair is no word
    ],
)
def test_non_artifacts_are_left_alone(text: str) -> None:
    assert _run(text).text == text


# -- tier 2: spin detection -----------------------------------------------------------


CLEAN_CONTROLS = [
    "Questions regarding the budget were raised on Monday.",
    "The following day, the council met once more to vote.",
    "Following the vote, the mayor said she had had enough of the delays.",
    "He thought about it again after the meeting and wrote the following:",
    "The Walla Walla team won once more, regarding which nobody was surprised.",
    "Police are following several leads regarding the robbery that happened after midnight.",
    "I had had no news about it. That that mattered was clear after all.",
]


@pytest.mark.parametrize("text", CLEAN_CONTROLS)
def test_clean_controls_are_untouched_and_not_spun(text: str) -> None:
    out = _run(text)
    assert out.text == text
    assert out.get("spun") is False
    assert _reasons(out) == []
    assert remove_doubled_words(out).text == text


def test_spun_paragraph_is_detected_and_scored() -> None:
    out = _run(SPUN)
    assert out.get("spun") is True
    assert out.extra["spinner"]["score"] >= 8
    assert out.extra["spinner"]["artifacts"] >= 3
    (decision,) = [d for d in out.decisions if d.reason == "spin_score"]
    assert decision.stage == "repair_spinner"
    assert decision.data["spun"] is True
    assert decision.data["score"] >= decision.data["threshold"]
    assert decision.data["artifacts"] >= 3


def test_spin_score_counts_families() -> None:
    score = spin_score("It rained once more following he left, regarding 20 minutes later.")
    assert score.families == 3
    assert score.strong >= 2
    assert spin_score("Nothing to see here.").score == 0


# -- tier 3: ambiguous reversals, only in spun documents ---------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("thinking regarding new projects", "thinking about new projects"),
        ("regarding 300 jobs", "about 300 jobs"),
        ("Shortly following he arrived", "Shortly after he arrived"),
        ("guest following Regional President", "guest after Regional President"),
        (
            "the talks began once more following the recent summit",
            "the talks began again following the recent summit",
        ),
    ],
)
def test_reversals_in_spun_document(fragment: str, expected: str) -> None:
    out = _run(SPUN)
    assert fragment in SPUN
    assert expected in out.text
    assert "spinner_substitution" in _reasons(out)


@pytest.mark.parametrize(
    ("sentence", "reverted"),
    [
        ("It happened days following the vote.", True),  # span of time
        ("It came a day following the vote.", True),
        ("It came following meeting the envoy.", True),  # gerund (and "came")
        ("It ended following years of talks.", True),
        ("It was settled following-tax.", True),  # hyphenated compound
        ("It was the following day.", False),  # adjective
        ("Fans are following Smith closely.", False),  # verb
        ("It ended following the vote.", False),  # determiner: formal "following the"
        ("It ended following a tour.", False),
    ],
)
def test_following_contexts(sentence: str, reverted: bool) -> None:
    out = _run(SPUN + sentence)
    last = out.text.rsplit("\n", 1)[-1]
    assert (last != sentence) is reverted
    if reverted:
        assert "after" in last and "following" not in last


# A spun document in which the author still writes "about": the "about -> regarding"
# row is evidenced only by one of its own artifacts.
SPUN_ABOUT_INTACT = (
    "The allies warned once morest military cooperation between the two countries.\n"
    "Shortly following he arrived, the talks began in the capital.\n"
    "They met followingwards to talk about the budget and the concerns regarding the vote.\n"
)


@pytest.mark.parametrize(
    ("extra", "reverted"),
    [
        ("", False),  # "about" intact and no artifact of the row: the author's "regarding"
        ("They took the roundregarding way.\n", True),  # the row's own artifact evidences it
    ],
)
def test_table_row_needs_evidence_where_its_original_survives(extra: str, reverted: bool) -> None:
    out = _run(SPUN_ABOUT_INTACT + extra)
    assert out.get("spun") is True
    assert "warned against military" in out.text  # the rows with artifacts are still repaired
    assert "Shortly after he arrived" in out.text
    assert ("the concerns about the vote" in out.text) is reverted
    assert ("the concerns regarding the vote" in out.text) is not reverted


def test_broad_reversal_reverts_before_determiners() -> None:
    out = _run(SPUN, RepairSpinner(reversal="broad"))
    assert "again after the recent summit" in out.text


def test_invalid_reversal_option_is_rejected() -> None:
    with pytest.raises(ValueError, match="strict"):
        RepairSpinner(reversal="sometimes")  # type: ignore[arg-type]


def test_no_reversals_without_detection() -> None:
    text = "They warned once morest it. We spoke regarding the plan following Smith left."
    out = _run(text, RepairSpinner(threshold=1000.0))
    assert out.text == "They warned against it. We spoke regarding the plan following Smith left."
    assert out.get("spun") is False


def test_non_english_documents_are_left_alone() -> None:
    text = "Der Minister sprach once morest über die Pläne und die Zukunft des Landes."
    out = _run(text, language="de")
    assert out.text == text
    assert out.get("spun") is False


# -- the table ---------------------------------------------------------------------------


def test_packaged_table_covers_the_family() -> None:
    pairs = {(s.original, s.spun) for s in load_substitutions()}
    assert {("about", "regarding"), ("after", "following"), ("again", "once more")} <= pairs


def test_user_table(tmp_path: Path) -> None:
    table = tmp_path / "mine.tsv"
    table.write_text("# mine\nbig\tlarge\t0.5\tgeneral\t\t\t\ttest row\n", encoding="utf-8")
    assert load_substitutions(table)[0].spun == "large"
    out = _run("The largegest city, a large one.", RepairSpinner(table=str(table)))
    assert out.text == "The biggest city, a large one."  # artifact only: no revert contexts
    bad = tmp_path / "bad.tsv"
    bad.write_text("big\tlarge\t0.5\tsometimes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="seen"):
        load_substitutions(bad)


@pytest.mark.parametrize(
    ("conditions", "message"),
    [
        ("prev in NO_SUCH_SET", "unknown word set"),
        ("prev is shiny", "unknown predicate"),
        ("left = the", "cannot read"),
    ],
)
def test_bad_conditions_are_rejected(tmp_path: Path, conditions: str, message: str) -> None:
    table = tmp_path / "mine.tsv"
    table.write_text(f"big\tlarge\t0.5\tgeneral\t\t{conditions}\t\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_substitutions(table)


def test_user_row_contexts_are_data(tmp_path: Path) -> None:
    # A made-up row: "large" reverts to "big" only after "very", and counts as
    # strong evidence there; its in-word artifact marks the document as spun.
    table = tmp_path / "mine.tsv"
    table.write_text("big\tlarge\t0.01\tgeneral\tprev = a\tprev = very\tprev = very\tx\n", encoding="utf-8")
    stage = RepairSpinner(table=str(table), threshold=1.0)
    out = _run("The largegest city was very large, a large one.", stage)
    assert out.text == "The biggest city was very big, a large one."


def test_seed_only_rows_are_marked() -> None:
    rows = load_substitutions()
    assert all(r.seen in ("seed-only", "general") for r in rows)
    assert {r.seen for r in rows} == {"seed-only"}


def test_registry_builds_the_stage_with_options() -> None:
    stage = get("repair_spinner", threshold=5.0)
    assert isinstance(stage, RepairSpinner) and stage.threshold == 5.0
    pipe = Pipeline([stage, "remove_doubled_words"])
    assert pipe.to_config()[0]["options"]["threshold"] == 5.0


# -- tortured phrases ----------------------------------------------------------------------


def test_tortured_table_loads() -> None:
    rows = load_tortured()
    assert len(rows) > 5000
    assert any(r.tortured == "as pursues" and r.canonical == "as follows" for r in rows)


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("The results are as pursues: none.", "The results are as follows: none."),
        ("Counterfeit news spread quickly.", "Fake news spread quickly."),
        ("Huge information needs new tools.", "Big data needs new tools."),
    ],
)
def test_tortured_phrases_warn_by_default_and_repair_on_request(text: str, repaired: str) -> None:
    out = _run(text)
    assert out.text == text
    assert any(w.startswith("tortured phrases:") for w in out.warnings)
    fixed = _run(text, repair_tortured=True)
    assert fixed.text == repaired
    assert "tortured_phrase" in _reasons(fixed)


def test_tortured_requires_and_excludes() -> None:
    assert find_tortured("The malignant growth was removed.") == []  # needs "cancer" too
    assert find_tortured("The malignant growth, a cancer, was removed.")
    assert find_tortured("Surface highlights were measured.")
    assert find_tortured("Surface highlights were specular.") == []  # NOT specular


def test_tortured_description_rows_are_reported_not_repaired() -> None:
    text = "The cadence design was clear."
    assert find_tortured(text)
    assert _run(text, repair_tortured=True).text == text


def _scans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Tortured-phrase matches of one pattern of the whole list and of the prefiltered scan."""
    from newsclean.stages._text import lower
    from newsclean.stages.tortured import _candidates, _index, _pattern

    lowered = lower(text)
    full = [m.span() for m in _pattern(tuple(sorted(_index()))).finditer(lowered)]
    candidates = _candidates(lowered)
    scan = [m.span() for m in _pattern(tuple(candidates)).finditer(lowered)] if candidates else []
    # find_tortured also drops candidates that are no substring of a text without double spaces.
    rows = _index()
    plain = [
        (s, e)
        for s, e in full
        if (row := rows.get(" ".join(lowered[s:e].split()))) and not row.requires + row.excludes
    ]
    assert [(s, e) for s, e, row in find_tortured(text) if not row.requires + row.excludes] == plain
    return full, scan


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The results are as pursues: none.", "plain phrase"),
        ("The results are as  pursues: none.", "two spaces inside the phrase"),
        ("(Profound learning) works.", "punctuation before and after"),
        ("A profound\nlearning curve.", "a line break is no space"),
        ("He said: profound learning-based tools.", "a hyphen after the phrase"),
        ("Non-profound learning.", "a hyphen before the phrase"),
        ("Big information and\nbig information.", "two lines, same phrase"),
        ("Big information and big  information.", "a double space elsewhere in the text"),
        ("Clean news text about the budget vote.", "clean text"),
    ],
)
def test_tortured_prefilter_finds_what_the_full_scan_finds(text: str, reason: str) -> None:
    full, lines = _scans(text)
    assert lines == full, reason


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "profound",
                "learning",
                "big",
                "information",
                "as",
                "pursues",
                " ",
                "  ",
                "\n",
                "(",
                ")",
                "-",
                ",",
                "the",
            ]
        ),
        max_size=30,
    )
)
def test_tortured_prefilter_is_exact(parts: list[str]) -> None:
    text = " ".join(parts)
    full, lines = _scans(text)
    assert lines == full


# -- doubled words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minsk could could join.", "Minsk could join."),
        ("The the council met.", "The council met."),
        ("It was the the the end.", "It was the end."),
        ("He said that he he would go.", "He said that he would go."),
        ("“The the report” was late.", "“The report” was late."),
    ],
)
def test_doubled_words_removed(text: str, expected: str) -> None:
    out = _run(text, remove_doubled_words)
    assert out.text == expected
    assert set(_reasons(out, "remove_doubled_words")) == {"doubled_word"}


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough.",
        "She said that that was wrong.",
        "What it is is a mess.",
        "It was very very cold.",
        "They flew to Bora Bora and Walla Walla.",
        "Sing Sing prison is old.",
        "Scores were 1 1 and 2 2.",
        "He ended the line with could\ncould start the next.",
        "He said could, could not.",
        "Baden-Baden is a spa town.",
        "I I think so.",
        "The The are a band.",
    ],
)
def test_doubled_word_controls(text: str) -> None:
    assert _run(text, remove_doubled_words).text == text


def test_doubled_words_skip_other_languages() -> None:
    text = "Nous nous sommes vus et nous nous sommes parlé longuement de la situation."
    assert _run(text, remove_doubled_words, language="fr").text == text


# -- properties -----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDEFGT.,\n-’'0123",
        *["once more", "regarding", "following", "once morest", "wards", "the", "could", " "],
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_never_raises_and_replays(text: str) -> None:
    for stage in (repair_spinner, RepairSpinner(threshold=0.0), remove_doubled_words):
        out = _run(text, stage)
        assert isinstance(out.text, str)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_idempotent(text: str) -> None:
    once = remove_doubled_words(repair_spinner(Document.from_text(text)))
    twice = remove_doubled_words(repair_spinner(Document.from_text(once.text)))
    assert twice.text == once.text


def test_spun_paragraph_idempotent() -> None:
    once = repair_spinner(Document.from_text(SPUN))
    twice = repair_spinner(Document.from_text(once.text))
    assert _reasons(twice) == []


def test_long_text_in_an_undetected_language_is_left_alone() -> None:
    text = (
        "Biasa biasa saja, kata warga yang amat amat sabar menunggu di halte. "
        "Mereka datang pagi pagi sekali dan pulang malam malam, setiap hari kerja, "
        "sambil berbincang tentang harga beras dan cuaca yang berubah ubah."
    )
    assert _run(text, remove_doubled_words).text == text


def test_tortured_pattern_is_built_only_for_candidates() -> None:
    from newsclean.stages import tortured

    tortured._pattern.cache_clear()
    assert find_tortured("The council met on Monday to discuss the budget.") == []
    assert tortured._pattern.cache_info().currsize == 0  # no candidate: nothing compiled
    assert find_tortured("The results are as pursues: none.")
    assert tortured._pattern.cache_info().currsize == 1
    # The one compiled pattern holds the candidates only, not the whole list.
    pattern = tortured._pattern(tuple(tortured._candidates("the results are as pursues: none.")))
    assert len(pattern.pattern) < 2_000
