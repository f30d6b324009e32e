"""The progress bar: drawn on a real terminal when many files are linted, silent otherwise."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _prompts(folder: Path, count: int) -> Path:
    for number in range(count):
        document = {"text": f"Prompt {number}", "break": {"value": "500ms"}}
        (folder / f"prompt-{number:03}.json").write_text(json.dumps(document), encoding="utf-8")
    return folder


def _lint_with_terminal_stderr(folder: Path) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal; return (status, stdout, terminal text)."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "ttsbuilder", "lint", "--jobs", "1", str(folder)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
        )
        os.close(terminal)
        screen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the process is done writing
                break
            if not chunk:
                break
            screen += chunk
        stdout, _ = process.communicate(timeout=60)
    finally:
        os.close(controller)
    return process.returncode, stdout, screen.decode("utf-8", "replace")


def test_a_terminal_sees_the_bar_fill_and_then_clear(tmp_path: Path) -> None:
    status, stdout, screen = _lint_with_terminal_stderr(_prompts(tmp_path, 40))
    assert status == 0
    assert "linting [" in screen
    assert "40/40" in screen
    assert screen.endswith("\r")  # the bar erases itself, leaving the line clean
    assert "linting" not in stdout  # the report stays clean for pipes


def test_few_files_draw_no_bar(tmp_path: Path) -> None:
    status, _, screen = _lint_with_terminal_stderr(_prompts(tmp_path, 3))
    assert status == 0
    assert "linting [" not in screen


def test_a_pipe_gets_no_bar(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "lint", str(_prompts(tmp_path, 40))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""
