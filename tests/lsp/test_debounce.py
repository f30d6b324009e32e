"""Changes typed in a burst are checked once, after the pause; ``ttsbuilder lsp --help``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.lsp.client import Client, uri_of


def test_a_burst_of_changes_is_checked_once(tmp_path: Path) -> None:
    client = Client(tmp_path)
    try:
        client.initialize(tmp_path, {"debounce": 400})
        uri = uri_of(tmp_path / "typing.json")
        client.open(uri, "json", '{"text": "a"}', 1)
        assert client.diagnostics(uri, 1) == []
        typed = '{"break": {"time": "2s"}}'
        for version, end in enumerate(range(10, len(typed) + 1, 3), start=2):
            client.change(uri, version, [{"text": typed[:end]}])
        client.change(uri, 100, [{"text": typed}])
        started = time.monotonic()
        assert [d["code"] for d in client.diagnostics(uri, 100)] == ["TTS105"]
        assert time.monotonic() - started >= 0.3  # waited for the pause
        published = [
            n["params"]["version"]
            for n in client.notifications
            if n.get("method") == "textDocument/publishDiagnostics"
        ]
        assert published == []  # nothing for the half-typed versions
        assert client.close() == 0
    finally:
        client.kill()


def test_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lsp", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "--stdio" in done.stdout
    assert "docs/editors.md" in done.stdout
