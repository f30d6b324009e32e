"""The language server's test set-up: a server process per test, always ended."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lsp.client import Client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    """A ``ttsbuilder lsp`` process in ``tmp_path``, not yet initialized."""
    started = Client(tmp_path)
    try:
        yield started
    finally:
        started.kill()
