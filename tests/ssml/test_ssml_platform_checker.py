"""The polly and google targets, judged by ssml-check-core: zero errors, spoken text kept.

The seed prompts and a hypothesis sample of valid trees (both profiles, with and without
warned-about values) are rendered in both targets and checked in one node run per
sample; the text each SSML speaks must be the tree's texts, in order.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ssml_checker import PLATFORM, check, needs_node, spoken_text
from ssml_support import ANY_TREE, seed

from ttsbuilder.codec import decode_tree
from ttsbuilder.errors import ValidationError
from ttsbuilder.ssml import render_ssml
from ttsbuilder.ssml.source import locate
from ttsbuilder.strategies import play_payloads

pytestmark = needs_node

TARGETS = ("polly", "google")
# The seed's prompts: the advanced play payload, the bare tree, and the plays of the
# dial-out samples (their phone numbers are placeholders, so the bodies themselves are
# refused; the plays are what a client speaks).
SEED_PROMPTS = {
    "play": seed("play"),
    "advanced_tree": seed("advanced_tree"),
    "dial_out_advanced": seed("dial_out_advanced")["action_on_connect"]["play"],
    "dial_out_text": seed("dial_out_text")["action_on_connect"]["play"],
}
SAMPLE = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))


def tree_text(document: Any, profile: str = "enablex") -> str:
    return "".join(decode_tree(locate(document, profile, None).tree).texts())


def judged(renderings: list[tuple[str, str]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(ssml, errors) for every (target, ssml) rendering."""
    verdicts = check([(ssml, PLATFORM[target]) for target, ssml in renderings])
    return [(ssml, errors) for (_, ssml), errors in zip(renderings, verdicts, strict=True)]


def test_seed_prompts_pass_the_checker_in_both_targets() -> None:
    renderings = [
        (target, render_ssml(prompt, target, voice=voice))
        for prompt in SEED_PROMPTS.values()
        for target in TARGETS
        for voice in (None, "male")
    ]
    assert [errors for _, errors in judged(renderings)] == [[]] * len(renderings)
    for (target, ssml), prompt in zip(
        renderings, [p for p in SEED_PROMPTS.values() for _ in range(4)], strict=True
    ):
        assert spoken_text(ssml) == tree_text(prompt), target


@SAMPLE
@given(st.lists(ANY_TREE, min_size=30, max_size=30))
def test_valid_trees_pass_the_checker_and_keep_their_text(
    drawn: list[tuple[str, dict[str, Any]]],
) -> None:
    renderings = [
        (target, render_ssml(tree, target, profile=profile))
        for profile, tree in drawn
        for target in TARGETS
    ]
    for ssml, errors in judged(renderings):
        assert errors == [], ssml
    for index, (target, ssml) in enumerate(renderings):
        profile, tree = drawn[index // len(TARGETS)]
        assert spoken_text(ssml) == tree_text(tree, profile), target


@SAMPLE
@given(st.lists(play_payloads("enablex", warnings=True), min_size=15, max_size=15))
def test_play_payloads_in_every_language_pass_the_checker(plays: list[dict[str, Any]]) -> None:
    # The payload's language and voice pick the voice; a language without a default
    # voice in a table is rendered with the table's en-US voice name instead.
    renderings = []
    for play in plays:
        if "text" not in play and "text_to_speech_option" not in play:
            continue  # a recorded prompt: nothing to render
        for target in TARGETS:
            renderings.append((target, _rendered(play, target)))
    for ssml, errors in judged(renderings):
        assert errors == [], ssml


_NAMES = {"polly": "Joanna", "google": "en-US-Wavenet-F"}


def _rendered(play: dict[str, Any], target: str) -> str:
    try:
        return render_ssml(play, target)
    except ValidationError as refused:
        codes = [p.code for p in refused.problems if p.is_error]
    assert codes == ["TTS602"]
    return render_ssml(play, target, voice=_NAMES[target])


def test_w3c_passes_googles_checker_and_amazons_refuses_only_the_gender_voice() -> None:
    # Decision (docs/platforms.md): w3c stays W3C SSML 1.1, which selects a voice by
    # gender; Amazon's SSML names Alexa voices only and Polly takes none in the SSML, so
    # Amazon-bound prompts use the polly target.
    ssml = render_ssml(seed("play"), "w3c")
    google, amazon = check([(ssml, "google"), (ssml, "amazon")])
    assert google == []
    assert amazon == [{"type": "tag", "tag": "voice", "attribute": "gender"}]
    assert check([(render_ssml(seed("play"), "polly"), "amazon")]) == [[]]


# Values at and beyond each platform's ends: validate() only warns about them, so they
# render, and the platform's SSML must still pass (brought to the end, with TTS608).
EDGES = (
    [
        {"prosody": {"rate": rate, "text": "r"}}
        for rate in ("0.5", "2", "-100%", "-95%", "+500%", "0.1", "5", "default", "x-slow")
    ]
    + [
        {"prosody": {"pitch": pitch, "text": "p"}}
        for pitch in ("-100%", "-99%", "-50%", "+50%", "+200%", "-24st", "+24st", "-7st", "600Hz")
    ]
    + [
        {"prosody": {"volume": volume, "text": "v"}}
        for volume in ("-100%", "+1000%", "200", "-100", "0", "default", "x-loud")
    ]
    + [
        {
            "text": "a",
            "break": {"value": "20000ms"},
            "silence": {"type": "leading", "value": "20s"},
        },
        {"break": {"value": "10s", "strength": "x-strong"}, "text": "b"},
        {"say-as": {"interpret-as": "date", "format": "ydm", "text": "2020/19/10"}},
        {"say-as": {"interpret-as": "telephone", "format": "33", "text": "0612345678"}},
        {"say-as": {"interpret-as": "time", "format": "hms24", "text": "14:30"}},
        {"say-as": {"interpret-as": "duration", "format": "hms", "text": "1:30:00"}},
    ]
)


def test_values_at_the_platforms_ends_pass_the_checker() -> None:
    renderings = [
        (target, render_ssml(tree, target, profile="azure")) for tree in EDGES for target in TARGETS
    ]
    for ssml, errors in judged(renderings):
        assert errors == [], ssml
    for index, (_, ssml) in enumerate(renderings):
        assert spoken_text(ssml) == tree_text(EDGES[index // len(TARGETS)], "azure")
