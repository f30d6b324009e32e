"""The TTS5xx rules' own examples, linted as the files they describe."""

from __future__ import annotations

import pytest

from ttsbuilder.lint.check import lint_bytes
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.source import FAMILY

SOURCE_RULES = [rule for rule in RULES.values() if rule.family == FAMILY]
YAML_EXAMPLES = {"TTS505", "TTS506", "TTS507", "TTS508"}


def as_file(rule: Rule, text: str, bad: bool) -> bytes:
    if rule.code == "TTS503" and bad:
        return text.encode("latin-1")  # the rule's summary says the bad file is Latin-1
    return text.encode("utf-8")


def test_every_source_rule_is_registered() -> None:
    assert [r.code for r in SOURCE_RULES] == [f"TTS50{n}" for n in range(1, 9)]


@pytest.mark.parametrize("rule", SOURCE_RULES, ids=lambda r: r.code)
def test_bad_example_fails_with_its_code(rule: Rule) -> None:
    fmt = "yaml" if rule.code in YAML_EXAMPLES else "json"
    problems = lint_bytes(as_file(rule, rule.bad, True), fmt)
    assert rule.code in {p.code for p in problems}
    assert all(p.line is not None and p.column is not None for p in problems)


@pytest.mark.parametrize("rule", SOURCE_RULES, ids=lambda r: r.code)
def test_good_example_passes_clean(rule: Rule) -> None:
    fmt = "yaml" if rule.code in YAML_EXAMPLES else "json"
    assert lint_bytes(as_file(rule, rule.good, False), fmt) == []
