"""docs/cli.md documents every option of every command (read from the parsers themselves)."""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path

import pytest

from ttsbuilder.cli import COMMANDS

DOCS = (Path(__file__).resolve().parent.parent.parent / "docs" / "cli.md").read_text("utf-8")


def section(name: str) -> str:
    """The text of the ``ttsbuilder NAME`` section of docs/cli.md."""
    match = re.search(rf"^## `ttsbuilder {name}`\n(.*?)(?=^## )", DOCS, re.S | re.M)
    assert match, f"docs/cli.md has no section for ttsbuilder {name}"
    return match.group(1)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_option_is_documented_in_its_section(name: str) -> None:
    parser = argparse.ArgumentParser()
    importlib.import_module(f"ttsbuilder.cli.{name}").configure(parser)
    text = section(name)
    for action in parser._actions:
        for option in action.option_strings:
            if option in ("-h", "--help"):
                continue
            assert f"`{option}" in text or f", {option}" in text or f"/ `{option}" in text, (
                f"docs/cli.md: ttsbuilder {name} does not document {option}"
            )
        if not action.option_strings:
            assert (action.metavar or action.dest) in text


def test_exit_codes_and_formats_are_documented() -> None:
    for status in ("| 0 |", "| 1 |", "| 2 |"):
        assert status in DOCS
    for fmt in ("`text`", "`json`", "`sarif`", "`github`"):
        assert fmt in section("lint")
