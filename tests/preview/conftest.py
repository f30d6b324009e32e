"""Shared helpers for the preview tests: measure the pauses of a preview, find entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ttsbuilder.preview.audio import silent_spans


@pytest.fixture(scope="session")
def engine_available() -> None:
    """Skip a test when the preview extra is not installed."""
    pytest.importorskip("espeakng_loader")


def _pause_at(result: Any, seconds: float) -> float:
    for start, end in silent_spans(result.samples, result.sample_rate, min_seconds=0.0):
        if start - 0.001 <= seconds <= end + 0.001:  # spans are rounded to 0.1 ms
            return end - start
    return 0.0


def _entry(result: Any, pointer: str) -> Any:
    return next(e for e in result.timeline.entries if e.pointer == pointer)


@pytest.fixture
def pause_at() -> Callable[[Any, float], float]:
    """``pause_at(result, seconds)``: the length of the silence in the audio around ``seconds``."""
    return _pause_at


@pytest.fixture
def entry() -> Callable[[Any, str], Any]:
    """``entry(result, pointer)``: the timeline entry of the node at ``pointer``."""
    return _entry
