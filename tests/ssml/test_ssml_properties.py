"""Properties of render_ssml and parse_ssml over every valid tree the strategies draw."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ssml_support import ANY_TREE, assert_valid

from ttsbuilder.codec import decode_tree
from ttsbuilder.errors import ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.ssml import parse_ssml, render_ssml, render_ssml_with_problems
from ttsbuilder.strategies import play_payloads

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rewritten(problems: list[Problem]) -> bool:
    """Whether a problem says the Azure SSML writes a value differently from the tree."""
    return any(
        p.code in ("TTS601", "TTS212") or (p.code == "TTS205" and p.pointer.endswith("/type"))
        for p in problems
    )


def spoken(tree: dict[str, Any]) -> str:
    return "".join(decode_tree(tree).texts())


@PROPERTY
@given(ANY_TREE)
def test_azure_round_trip_is_exact_unless_a_problem_says_otherwise(
    drawn: tuple[str, dict[str, Any]],
) -> None:
    profile, tree = drawn
    ssml, problems = render_ssml_with_problems(tree, profile=profile)
    parsed = parse_ssml(ssml, profile=profile)
    assert parse_ssml(render_ssml(tree, profile=profile, pretty=True), profile=profile) == parsed
    if not rewritten(problems):
        assert parsed == tree
        assert json.dumps(parsed) == json.dumps(tree)  # member order too
    else:
        # What changed was written in the target's form: it now reads back stably.
        assert render_ssml(parsed, profile=profile) == ssml
    assert spoken(parsed) == spoken(tree)


@PROPERTY
@given(ANY_TREE, st.sampled_from(["azure", "w3c"]), st.booleans())
def test_rendering_is_schema_valid_and_speaks_the_tree_texts_in_order(
    drawn: tuple[str, dict[str, Any]], target: str, pretty: bool
) -> None:
    profile, tree = drawn
    ssml = render_ssml(tree, target, profile=profile, pretty=pretty)
    for _ in range(2):  # the second time remembers the document, the third reuses it
        assert render_ssml(tree, target, profile=profile, pretty=pretty) == ssml
    voice = assert_valid(ssml, target)[0]
    assert "".join(voice.itertext()) == spoken(tree)


@settings(PROPERTY, max_examples=50)
@given(play_payloads("azure", warnings=True), st.sampled_from(["azure", "w3c"]))
def test_play_bodies_render_valid_ssml_unless_they_only_name_a_recording(
    body: dict[str, Any], target: str
) -> None:
    if "text" not in body and "text_to_speech_option" not in body:
        with pytest.raises(ValidationError) as refused:
            render_ssml(body, target, profile="azure")
        assert [p.code for p in refused.value.problems if p.is_error] == ["TTS603"]
    else:
        assert_valid(render_ssml(body, target, profile="azure"), target)
