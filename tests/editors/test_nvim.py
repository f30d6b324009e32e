"""A real editor: Neovim (Debian's package) runs ``ttsbuilder lsp`` headless on a file with
mistakes; the diagnostics it receives are what ``ttsbuilder lint`` reports.

Neovim is Debian's ``neovim`` package (0.7 on bookworm), installed by the session when
missing (tests/debian.py): required in CI, skipped elsewhere where it cannot be had; the
stdio tests in tests/lsp/ always run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.debian import needed
from tests.lsp.client import lint

SCRIPT = Path(__file__).with_name("nvim_session.lua")
PROMPT = (
    '{\n  "text": "Welcome",\n  "break": {"time": "2s"},\n'
    '  "say-as": {"interpret-as": "dat", "text": "12/25/2026"}\n}\n'
)


def test_neovim_receives_lint_diagnostics(tmp_path: Path) -> None:
    nvim = needed("nvim", "neovim")
    path = tmp_path / "welcome.json"
    path.write_text(PROMPT)
    done = subprocess.run(
        [nvim, "--headless", "--clean", "-u", str(SCRIPT), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"TTSBUILDER_LSP": f"{sys.executable} -m ttsbuilder lsp", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    expected = [
        f"{p['line']}:{p['column']}-" in line
        and f" {p['code']} {p['severity']} {p['message']}" in line
        for p, line in zip(
            lint(path),
            [row for row in done.stdout.splitlines() if row[:1].isdigit()],
            strict=True,
        )
    ]
    assert expected == [True, True], done.stdout
    # '"time": "2s"' is columns 13 to 24 of line 3 (the end is exclusive: 25).
    assert "3:13-3:25 TTS105 error" in done.stdout
    # The quick fix, applied by Neovim itself, leaves only the other problem.
    assert "applied: ttsbuilder: renamed 'time' to 'value'" in done.stdout
    assert '"break": {"value": "2s"},' in done.stdout
    assert "after the fix: 4:14 TTS301" in done.stdout
