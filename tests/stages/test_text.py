"""Tests of the small text helpers in stages/_text.py."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean.stages import _text
from newsclean.stages._text import token_set

_RUN = regex.compile(r"[a-z]+")


@given(st.text(alphabet="ab c\n\t.Z", max_size=80))
def test_token_set_read_in_chunks_equals_the_whole_set(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_text, "TOKEN_CHUNK", 5)
        assert token_set(text) == set(text.split())
        assert token_set(text, _RUN.findall) == set(_RUN.findall(text))
