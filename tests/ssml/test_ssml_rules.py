"""The TTS6xx rendering rules: each bad example renders with its problem, each good one clean."""

from __future__ import annotations

import json

import pytest

import ttsbuilder.rules.render  # noqa: F401  (registers the rules)
from ttsbuilder.errors import ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.ssml import TARGETS as ALL_TARGETS
from ttsbuilder.ssml import render_ssml_with_problems

RENDER_RULES = [rule for rule in RULES.values() if rule.family == "render"]
TARGETS = {f"ssml-{target}": target for target in ALL_TARGETS}


def problems_of(rule: Rule, example: str) -> list[Problem]:
    try:
        _, problems = render_ssml_with_problems(
            json.loads(example), TARGETS[rule.kind], profile=rule.profile
        )
    except ValidationError as refused:
        return refused.problems
    return problems


def test_the_render_family_is_the_6xx_range() -> None:
    assert [rule.code for rule in RENDER_RULES] == [f"TTS6{n:02d}" for n in range(1, 12)]
    assert all(rule.kind in TARGETS for rule in RENDER_RULES)


@pytest.mark.parametrize("rule", RENDER_RULES, ids=lambda r: r.code)
def test_bad_example_renders_with_its_problem(rule: Rule) -> None:
    found = [p for p in problems_of(rule, rule.bad) if p.code == rule.code]
    assert len(found) == 1
    assert found[0].severity is rule.severity
    if rule.severity.value == "error":
        with pytest.raises(ValidationError):
            render_ssml_with_problems(
                json.loads(rule.bad), TARGETS[rule.kind], profile=rule.profile
            )


@pytest.mark.parametrize("rule", RENDER_RULES, ids=lambda r: r.code)
def test_good_example_renders_clean(rule: Rule) -> None:
    assert problems_of(rule, rule.good) == []
