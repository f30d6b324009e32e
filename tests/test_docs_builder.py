"""Every ```python block of docs/builder.md runs, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "builder.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_doc_has_examples_and_a_cookbook() -> None:
    text = DOC.read_text(encoding="utf-8")
    for recipe in (
        "IVR menu with DTMF",
        "Appointment reminder reading a date and a time",
        "Callback number read digit by digit",
        "Promotional prompt in the advertisement_upbeat style",
    ):
        assert f"### {recipe}" in text
    assert len(BLOCKS) >= 10


def test_every_python_block_runs() -> None:
    namespace: dict[str, object] = {"__name__": "docs_builder"}
    for number, block in enumerate(BLOCKS, start=1):
        try:
            exec(compile(block, f"docs/builder.md block {number}", "exec"), namespace)
        except Exception as error:  # pragma: no cover - the message says which block
            pytest.fail(f"block {number} of docs/builder.md failed: {error!r}\n{block}")
