"""Tests of the pandas integration (``newsclean.integrations.frames``)."""

from __future__ import annotations

from pathlib import Path

import pytest

STORY = "The harbour wall was repaired over the summer, the council said on Friday."


def test_frames_clean_a_column_and_keep_the_index() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame({"text": [STORY, None, b"\x00\x01\x02" * 50]}, index=["a", "b", "c"])
    out = clean_frame(frame, "text")
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["a", "paragraphs"] == [STORY]
    assert pd.isna(out.loc["a", "error"])
    assert out.loc["b", "error"] == "missing value"
    assert out.loc["c", "error"].startswith("InputError")
    with pytest.raises(KeyError, match="no column"):
        clean_frame(frame, "html")


def test_frames_published_is_an_aware_datetime_and_rows_take_url_and_capture_time() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame(
        {
            "text": [f"Posted 2 hours ago\n{STORY}", f"Published: 2024-03-05\n{STORY}", STORY],
            "url": ["https://example.org/a", "https://example.org/b", None],
            "when": ["2024-05-01T12:00:00Z", None, None],
        }
    )
    out = clean_frame(frame, "text", url_column="url", captured_at_column="when")
    assert str(out["published"].dtype) == "datetime64[us, UTC]"
    assert out.loc[0, "published"] == pd.Timestamp("2024-05-01T10:00:00Z")
    assert out.loc[1, "published"] == pd.Timestamp("2024-03-05T00:00:00Z")
    assert pd.isna(out.loc[2, "published"])
    without = clean_frame(frame, "text")
    assert pd.isna(without.loc[0, "published"])  # "2 hours ago" needs the capture time
    with pytest.raises(KeyError, match="no column 'stamp'"):
        clean_frame(frame, "text", captured_at_column="stamp")


def test_typed_frame_round_trips_through_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from newsclean.integrations.frames import clean_frame

    frame = pd.DataFrame({"text": [STORY, None, "Share this\n" + STORY]})
    out = clean_frame(frame, "text", typed=True)
    out.to_parquet(tmp_path / "a.parquet")
    back = pd.read_parquet(tmp_path / "a.parquet")
    assert list(back["text"]) == [STORY, "", STORY]
    assert list(back["paragraphs"][2]) == [STORY]
    assert back["edits"][2][0]["reason"] == "boilerplate_line" or len(back["edits"][2]) >= 1
