"""docs/platforms.md's "Limits and budgets" holds what the code has: the style table, every code."""

from __future__ import annotations

from pathlib import Path

from limits_doc import style_table

from ttsbuilder.rules import RULES

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "platforms.md").read_text("utf-8")


def test_the_style_table_is_the_codes_table() -> None:
    assert style_table() in PAGE, "docs/platforms.md is stale: paste `python tests/limits_doc.py`"


def test_every_limit_rule_is_named_with_its_source() -> None:
    for rule in RULES.values():
        if rule.family == "limits":
            assert f"[{rule.code}](rules.md#{rule.anchor})" in PAGE
