"""NEL, LS and PS are no line breaks in YAML 1.2: lint reads a file holding them as the
``yaml`` package (a YAML 1.2 reader, run with node) does — the same values, and each
problem on the line an editor shows.

Before: a comment holding one ended there and the rest of it was read as YAML (a false
TTS501 "not valid YAML"), and positions after one were a line off.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.lint.check import lint_bytes
from ttsbuilder.lint.loaders import load_yaml
from ttsbuilder.lint.yaml_breaks import NOT_BREAKS, readable

NODE_DIR = Path(__file__).parent.parent / "node"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(
    NODE is None or not (NODE_DIR / "node_modules" / "yaml").is_dir(),
    reason="node tools not installed: make tests/node/node_modules/.installed",
)

# Where each character can sit in a prompt file; {c} is the character.
PLACES = {
    "comment": "# pasted{c} note\ntext: Hello\nbreak:\n  time: 2s\n",
    "plain": "text: Hello{c}there\nbreak:\n  time: 2s\n",
    "double-quoted": 'text: "Hello{c}there"\nbreak:\n  time: 2s\n',
    "single-quoted": "text: 'Hello{c}there'\nbreak:\n  time: 2s\n",
    "comment after content": "text: Hello  # a{c}b\nbreak: {{time: 2s}}\n",
    "key": "text: Hello\nbreak:\n  'x{c}y': 1\n  time: 2s\n",
    "block": "text: |\n  Hello{c}\n  there\nbreak:\n  time: 2s\n",
    "anchored": "a: &v 'p{c}q'\nb: *v\nbreak:\n  time: 2s\n",
    "beside private-use": "text: '\ue000\ue001{c}\U000f0000'\nbreak:\n  time: 2s\n",
}


def yaml_1_2(text: str) -> dict[str, Any]:
    """The ``yaml`` package's reading: {"value", "errors", "keys": [key, line, column]}."""
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(NODE_DIR / "yaml_read.js")],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")},
        cwd=NODE_DIR,
    )
    assert done.returncode == 0, done.stderr.decode()
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@needs_node
@pytest.mark.parametrize("character", NOT_BREAKS, ids=["NEL", "LS", "PS"])
@pytest.mark.parametrize("place", PLACES)
def test_lint_reads_the_file_as_a_yaml_1_2_reader_does(place: str, character: str) -> None:
    text = PLACES[place].format(c=character)
    reference = yaml_1_2(text)
    assert reference["errors"] == []
    source = load_yaml(text)
    assert [p.code for p in source.problems] == []
    assert source.document == reference["value"]
    problems = lint_bytes(text.encode("utf-8"), "yaml")
    (where,) = [(line, column) for key, line, column in reference["keys"] if key == "time"]
    assert [(p.line, p.column) for p in problems if p.code == "TTS105"] == [where]


def test_a_suppression_after_a_comment_holding_ls_still_suppresses() -> None:
    text = "# pasted\u2028 note\nbreak:\n  time: 2s  # ttsbuilder: ignore[TTS105]\n"
    assert lint_bytes(text.encode("utf-8"), "yaml") == []


@given(st.text(alphabet=st.sampled_from([*NOT_BREAKS, "\ue000", "\ue001", "\ue002", "a", "\n"])))
def test_the_stand_ins_are_one_for_one_and_swap_back(text: str) -> None:
    read, back = readable(text)
    assert len(read) == len(text)
    assert not any(mark in read for mark in NOT_BREAKS)
    assert (read.translate(back) if back is not None else read) == text
    # Only the three are swapped: every other character stays where it was.
    assert [a for a, b in zip(read, text, strict=True) if a != b] == [
        a for a, b in zip(read, text, strict=True) if b in NOT_BREAKS
    ]
