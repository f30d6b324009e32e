"""The rules as data: codes, names, the generated reference, and every example run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ttsbuilder.rules import RULES, rule_named
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.docs import markdown
from ttsbuilder.validation import KINDS, validate

ROOT = Path(__file__).parent.parent
#: The families validate() checks; the others have tests of their own (lint, ssml, preview,
#: routes).
VALIDATED = {"tree", "values", "say-as", "payloads"}


def validated_rules() -> list[Rule]:
    return [rule for rule in RULES.values() if rule.family in VALIDATED]


def test_codes_and_names_are_unique_and_well_formed() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))
    for code, rule in RULES.items():
        assert code == rule.code
        assert re.fullmatch(r"TTS[1-9][0-9]{2}", code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.summary.strip()
        assert rule.family


def test_rule_lookup_by_code_or_name() -> None:
    assert rule_named("tts201") is RULES["TTS201"]
    assert rule_named("bad-duration") is RULES["TTS201"]
    assert rule_named("nonsense") is None


@pytest.mark.parametrize("rule", validated_rules(), ids=lambda r: r.code)
def test_bad_example_fails_with_its_code(rule: Rule) -> None:
    assert rule.kind in KINDS
    problems = validate(json.loads(rule.bad), kind=rule.kind, profile=rule.profile)
    assert rule.code in {p.code for p in problems}


@pytest.mark.parametrize("rule", validated_rules(), ids=lambda r: r.code)
def test_good_example_passes_clean(rule: Rule) -> None:
    problems = validate(json.loads(rule.good), kind=rule.kind, profile=rule.profile)
    assert problems == []


def test_every_validate_code_appears_in_validate_families() -> None:
    # A rule outside the validated families must say how its examples are checked.
    for rule in RULES.values():
        if rule.family not in VALIDATED:
            assert rule.family in {
                "source",
                "ssml-files",
                "render",
                "limits",
                "preview",
                "routes",
            }, rule.code


def test_rules_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == markdown(), "docs/rules.md is stale: run `make docs`"


def test_reference_has_an_anchor_per_rule() -> None:
    text = markdown()
    for rule in RULES.values():
        assert f'<a id="{rule.anchor}"></a>' in text
