"""Shared test helpers: where the fixtures are, and the property-test profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# In CI the property tests draw the same examples on every run, so a landing is never
# decided by chance; locally they keep drawing new ones to find new failures.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
