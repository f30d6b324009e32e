"""Every ```console example of docs/cli.md runs, and prints what the page shows.

A block is a shell transcript: ``$ command`` (with ``> `` lines continuing it, as a
shell shows a here-document), then the output expected, standard output and standard
error together. A page's blocks run in order with bash in one temporary folder that
holds a copy of the repository's ``examples/``; ``ttsbuilder`` is this environment's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: A console block; four backticks fence one that shows a fenced block (ttsbuilder rule).
CONSOLE = re.compile(r"^(```+)console\n(.*?)^\1$", re.S | re.M)


def transcripts(doc: Path) -> list[tuple[str, str]]:
    """The (command, expected output) pairs of ``doc``'s console blocks, in order."""
    pairs: list[tuple[str, str]] = []
    for _, block in CONSOLE.findall(doc.read_text(encoding="utf-8")):
        command: list[str] = []
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    pairs.append(("\n".join(command), "".join(output)))
                command, output = [line[2:]], []
            elif line.startswith("> ") and command and not output:
                command.append(line[2:])
            else:
                output.append(line + "\n")
        if command:
            pairs.append(("\n".join(command), "".join(output)))
    return pairs


@pytest.mark.parametrize("doc", ["cli.md"])
def test_every_console_example_prints_what_the_page_shows(doc: str, tmp_path: Path) -> None:
    pairs = transcripts(ROOT / "docs" / doc)
    assert pairs, f"docs/{doc} has no console example"
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "TTSBUILDER_DEBUG")
    }
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"
    for command, expected in pairs:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
        )
        assert done.stdout == expected, f"docs/{doc}: $ {command}"
