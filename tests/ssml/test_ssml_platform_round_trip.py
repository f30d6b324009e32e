"""parse_ssml reads the w3c, polly and google outputs back (``target=``).

What those dialects can carry comes back; the documented exceptions (docs/platforms.md)
are what a TTS6xx warning says was dropped or rewritten, and values that come back in the
tree's form of the same meaning (rate ``130%`` as ``+30%``, volume dB as a percent
change). So the property is: the tree read back renders to the same SSML, and speaks the
same text.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ssml_support import ANY_TREE

from ttsbuilder.cli.render import resolve_pointer
from ttsbuilder.codec import decode_tree
from ttsbuilder.errors import SSMLError
from ttsbuilder.ssml import parse_ssml, render_ssml, render_ssml_with_problems

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spoken(tree: dict[str, Any]) -> str:
    return "".join(decode_tree(tree).texts())


@PROPERTY
@given(ANY_TREE, st.sampled_from(["w3c", "polly", "google"]))
def test_outputs_read_back_to_a_tree_that_renders_the_same(
    drawn: tuple[str, dict[str, Any]], target: str
) -> None:
    profile, tree = drawn
    ssml = render_ssml(tree, target, profile=profile)
    parsed = parse_ssml(ssml, profile=profile, target=target)
    assert render_ssml(parsed, target, profile=profile) == ssml
    assert spoken(parsed) == spoken(tree)


@pytest.mark.parametrize(
    ("target", "tree"),
    [
        ("polly", {"text": "Call", "say-as": {"interpret-as": "number_digit", "text": "12"}}),
        ("google", {"prosody": {"pitch": "-2st", "text": "low"}, "break": {"value": "3s"}}),
        ("polly", {"prosody": {"rate": "+30%", "pitch": "+10%", "volume": "loud", "text": "Hi"}}),
        ("google", {"say-as": {"interpret-as": "time", "format": "hms12", "text": "10:30 am"}}),
    ],
)
def test_what_the_platform_carries_comes_back_exactly(target: str, tree: dict[str, Any]) -> None:
    assert parse_ssml(render_ssml(tree, target), target=target) == tree


def test_dialect_values_read_as_the_tree_says_them() -> None:
    ssml = '<speak><prosody rate="150%" volume="-6.02dB">Hi</prosody></speak>'
    # 10 ** (-6.02 / 20) = 10 ** -0.301 = 0.5000345 of the volume: a change of -49.9965%
    assert parse_ssml(ssml, target="polly") == {
        "prosody": {"rate": "+50%", "volume": "-49.9965465%", "text": "Hi"}
    }
    with pytest.raises(SSMLError, match="no meaning a tree"):
        parse_ssml('<speak><prosody pitch="50%">Hi</prosody></speak>', target="google")
    with pytest.raises(SSMLError, match="target='alexa'"):
        parse_ssml("<speak>Hi</speak>", target="alexa")  # type: ignore[arg-type]


@PROPERTY
@given(ANY_TREE, st.sampled_from(["polly", "google"]), st.booleans())
def test_every_warning_points_at_a_member_and_repeats_are_identical(
    drawn: tuple[str, dict[str, Any]], target: str, pretty: bool
) -> None:
    profile, tree = drawn
    first = render_ssml_with_problems(tree, target, profile=profile, pretty=pretty)
    assert render_ssml_with_problems(tree, target, profile=profile, pretty=pretty) == first
    for problem in first.problems:
        if problem.code.startswith("TTS6"):
            resolve_pointer(tree, problem.pointer)  # KeyError if it points nowhere
