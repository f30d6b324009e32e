"""The TTS7xx rules' examples, run through the preview: bad warns with its code, good does not."""

from __future__ import annotations

import json

import pytest

from ttsbuilder.preview import render
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule

pytestmark = pytest.mark.usefixtures("engine_available")

PREVIEW_RULES = [rule for rule in RULES.values() if rule.family == "preview"]


def test_the_preview_family_is_the_7xx_range() -> None:
    assert [rule.code for rule in PREVIEW_RULES] == ["TTS701", "TTS702", "TTS703", "TTS704"]


@pytest.mark.parametrize("rule", PREVIEW_RULES, ids=lambda r: r.code)
def test_bad_example_warns_with_its_code(rule: Rule) -> None:
    problems = render(json.loads(rule.bad), profile=rule.profile).problems
    assert rule.code in {p.code for p in problems}
    assert all(not p.is_error for p in problems)


@pytest.mark.parametrize("rule", PREVIEW_RULES, ids=lambda r: r.code)
def test_good_example_previews_clean(rule: Rule) -> None:
    assert render(json.loads(rule.good), profile=rule.profile).problems == ()
