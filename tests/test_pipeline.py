from __future__ import annotations

import gc

import pytest

import newsclean
from newsclean import Change, ConfigError, Document, Pipeline, StageError, UnknownStageError, stage


@stage("upper_first_line_test", register=False)
def upper_first(doc: Document) -> Document:
    first = doc.text.split("\n", 1)[0]
    return doc.with_edits("upper_first_line_test", [Change(0, len(first), first.upper(), "shout")])


@stage("explode_test", register=False)
def explode(doc: Document) -> Document:
    raise RuntimeError("boom")


def test_editing_returns_new_pipelines() -> None:
    p = Pipeline(["fix_encoding", "remove_boilerplate"])
    q = p.insert(upper_first, after="fix_encoding")
    assert q.names == ["fix_encoding", "upper_first_line_test", "remove_boilerplate"]
    assert p.names == ["fix_encoding", "remove_boilerplate"]
    assert q.without("fix_encoding").names == ["upper_first_line_test", "remove_boilerplate"]
    assert q.replace("remove_boilerplate", "repair_spinner").names[-1] == "repair_spinner"
    assert q[:1].names == ["fix_encoding"]
    assert q["upper_first_line_test"] is upper_first
    assert "fix_encoding" in q and len(q) == 3


def test_custom_stage_runs_and_is_logged() -> None:
    article = Pipeline([upper_first])("quiet words\nmore")
    assert article.paragraphs == ("QUIET WORDS", "more")
    assert article.edits[0].stage == "upper_first_line_test"


def test_stage_failure_names_the_stage() -> None:
    with pytest.raises(StageError, match="explode_test") as info:
        Pipeline([explode])("text")
    assert isinstance(info.value.__cause__, RuntimeError)


def test_duplicate_and_unknown_names() -> None:
    with pytest.raises(ConfigError, match="twice"):
        Pipeline(["fix_encoding", "fix_encoding"])
    with pytest.raises(UnknownStageError) as info:
        Pipeline(["no_such_stage"])
    assert "fix_encoding" in str(info.value)  # the message lists valid names
    assert isinstance(info.value, KeyError)


def test_config_round_trip() -> None:
    p = newsclean.default_pipeline()
    assert Pipeline.from_config(p.to_config()) == p


def test_pipe_error_policies() -> None:
    items: list = ["A short clean sentence here.", 42, "Another clean sentence here."]
    p = newsclean.default_pipeline()
    with pytest.raises(newsclean.InputError):
        list(p.pipe(items))
    assert len(list(p.pipe(items, on_error="skip"))) == 2
    recorded = list(p.pipe(items, on_error="record"))
    assert len(recorded) == 3
    assert recorded[1].warnings[0].startswith("error: InputError")
    with pytest.raises(ConfigError):
        list(p.pipe(items, on_error="ignore"))  # type: ignore[arg-type]


@stage("collector_state_test", register=False)
def collector_state(doc: Document) -> Document:
    return doc.with_extra("collector_on", gc.isenabled())


@pytest.mark.parametrize(("pause", "running"), [(True, False), (False, True)])
def test_pipe_pauses_the_collector_while_an_input_is_cleaned(pause: bool, running: bool) -> None:
    p = Pipeline([collector_state])
    items: list = ["A short clean sentence here.", 42, "Another clean sentence here."]
    seen = []
    for article in p.pipe(items, on_error="record", pause_collector=pause):
        assert gc.isenabled()  # restored while the caller's code runs, after a failure too
        seen.append(article.extra.get("collector_on"))
    assert seen == [running, None, running]


def test_a_stage_returning_the_wrong_type_is_reported() -> None:
    @stage("bad_return_test", register=False)
    def bad(doc: Document) -> Document:
        return "oops"  # type: ignore[return-value]

    with pytest.raises(StageError, match="not a Document"):
        Pipeline([bad])("x")


def test_check_reports_wrong_order() -> None:
    @stage("needs_title_test", requires=("title",), register=False)
    def needs(doc: Document) -> Document:
        return doc

    assert Pipeline([needs]).check() == [
        "stage 'needs_title_test' requires 'title', which no earlier stage provides"
    ]


def test_check_passes_on_the_default_order_and_catches_a_language_reader_moved_first() -> None:
    p = newsclean.default_pipeline()
    assert p.check() == []
    moved = p.without("remove_spam_keywords").insert("remove_spam_keywords", before="extract_html")
    assert moved.check() == [
        "stage 'remove_spam_keywords' requires 'language', which no earlier stage provides"
    ]
    # extract_html declares the page's language, so a pipeline of it alone satisfies a reader
    assert Pipeline(["extract_html", "remove_spam_keywords"]).check() == []
    assert Pipeline(["remove_boilerplate", "detect_language"]).check() != []


@pytest.mark.parametrize(
    "name",
    [
        "remove_spam_keywords",
        "normalize_dates",
        "extract_metadata",
        "remove_boilerplate",
        "repair_spinner",
        "remove_doubled_words",
    ],
)
def test_every_stage_that_reads_the_language_declares_it(name: str) -> None:
    from newsclean.protocol import requires_of

    assert "language" in requires_of(newsclean.registry.get(name))
    assert Pipeline([name]).check() != []


@pytest.mark.parametrize("piece", [0, 1, 2, 5, 1 << 20])
@pytest.mark.parametrize(
    "text",
    ["", "\n", "one", " One.\n\n  Two. \n", "a\nb\n\nc\r\n d \n\n\n", "x\u2028y\n\u00a0\nz", "\n\nlast"],
)
def test_paragraphs_read_a_piece_at_a_time_are_the_lines(text: str, piece: int) -> None:
    from newsclean.pipeline import _stripped_lines

    expected = [line.strip() for line in text.split("\n") if line.strip()]
    assert list(_stripped_lines(text, piece)) == expected
