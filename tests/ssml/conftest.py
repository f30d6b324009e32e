"""Fixtures for the SSML tests (helpers live in ssml_support.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["azure", "w3c"])
def target(request: pytest.FixtureRequest) -> str:
    """Each SSML target in turn."""
    return str(request.param)
