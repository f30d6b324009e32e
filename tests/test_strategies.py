"""The public hypothesis strategies generate what they promise, checked by validate()."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder import strategies
from ttsbuilder.codec import decode_tree, encode_tree, split_member
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import Tree
from ttsbuilder.strategies import (
    PAYLOAD_KINDS,
    invalid_trees,
    models,
    mutations,
    payloads,
    play_payloads,
    trees,
)
from ttsbuilder.validation import validate

PROFILES = ("enablex", "azure")


_ATTRIBUTES = frozenset({"pitch", "rate", "volume", "style", "styledegree", "role"})


def _depth_and_width(members: dict[str, Any]) -> tuple[int, int]:
    depth, width = 1, len(members.keys() - _ATTRIBUTES)
    for name, value in members.items():
        if split_member(name)[0] in ("prosody", "express-as"):
            inner_depth, inner_width = _depth_and_width(value)
            depth = max(depth, inner_depth + 1)
            width = max(width, inner_width)
    return depth, width


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_trees_are_valid_without_warnings(profile: str, data: st.DataObject) -> None:
    tree = data.draw(trees(profile))
    assert validate(tree, kind="tts", profile=profile) == []


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_trees_with_warnings_have_no_errors(profile: str, data: st.DataObject) -> None:
    tree = data.draw(trees(profile, warnings=True))
    assert [p for p in validate(tree, kind="tts", profile=profile) if p.is_error] == []


@settings(max_examples=300)
@given(st.data())
def test_warning_trees_warn_only_with_value_codes(data: st.DataObject) -> None:
    # The flag widens values and allows empty containers: nothing structural goes wrong.
    tree = data.draw(trees(warnings=True))
    codes = {p.code for p in validate(tree, kind="tts")}
    assert codes <= {
        "TTS110",
        "TTS205",
        "TTS207",
        "TTS211",
        "TTS212",
        "TTS213",
        "TTS304",
    }


@given(trees("azure"))
def test_trees_are_canonical_and_small(tree: dict[str, Any]) -> None:
    assert list(encode_tree(decode_tree(tree)).items()) == list(tree.items())
    depth, width = _depth_and_width(tree)
    assert depth <= strategies.MAX_DEPTH
    assert width <= strategies.MAX_MEMBERS


@given(trees(max_depth=2, max_members=3))
def test_tree_size_options(tree: dict[str, Any]) -> None:
    depth, width = _depth_and_width(tree)
    assert depth <= 2
    assert width <= 3


def _adjacent_texts(members: dict[str, Any]) -> bool:
    kinds = [split_member(name)[0] for name in members]
    if any(a == b == "text" for a, b in itertools.pairwise(kinds)):
        return True
    return any(
        _adjacent_texts(value)
        for name, value in members.items()
        if split_member(name)[0] in ("prosody", "express-as")
    )


@given(trees("azure", adjacent_texts=False))
def test_adjacent_texts_can_be_merged(tree: dict[str, Any]) -> None:
    assert not _adjacent_texts(tree)
    assert validate(tree, kind="tts", profile="azure") == []


@given(models())
def test_models_encode_to_valid_trees(tree: Tree) -> None:
    assert validate(encode_tree(tree), kind="tts") == []
    assert decode_tree(encode_tree(tree)) == tree


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", PAYLOAD_KINDS)
@settings(max_examples=40)
@given(data=st.data())
def test_payloads_are_valid_without_warnings(kind: str, profile: str, data: st.DataObject) -> None:
    body = data.draw(payloads(kind, profile))
    assert validate(body, kind=kind, profile=profile) == []


@given(play_payloads(warnings=True))
def test_play_payloads_with_warnings_have_no_errors(body: dict[str, Any]) -> None:
    assert [p for p in validate(body, kind="play") if p.is_error] == []


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", PAYLOAD_KINDS)
@settings(max_examples=60)
@given(data=st.data())
def test_every_mutation_is_the_only_error_at_its_pointer(
    kind: str, profile: str, data: st.DataObject
) -> None:
    document, pointer, code = data.draw(mutations(kind, profile))
    errors = {(p.pointer, p.code) for p in validate(document, kind=kind, profile=profile)
              if p.is_error}  # fmt: skip
    assert errors == {(pointer, code)}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", ["tts", "play", "dial-out", "recording"])
@settings(max_examples=60)
@given(data=st.data())
def test_warning_mutations_are_reported_at_their_pointer(
    kind: str, profile: str, data: st.DataObject
) -> None:
    document, pointer, code = data.draw(mutations(kind, profile, warnings=True))
    problems = validate(document, kind=kind, profile=profile)
    assert (pointer, code) in {(p.pointer, p.code) for p in problems}
    errors = {(p.pointer, p.code) for p in problems if p.is_error}
    assert errors <= {(pointer, code)}


@given(invalid_trees("azure"))
def test_invalid_trees_are_invalid(mutation: strategies.Mutation) -> None:
    assert any(p.is_error for p in validate(mutation.document, kind="tts", profile="azure"))


def test_unknown_kind_and_profile_raise_library_errors() -> None:
    with pytest.raises(TTSBuilderError, match="unknown kind"):
        payloads("fax")
    with pytest.raises(TTSBuilderError, match="unknown profile"):
        trees("polly")


def test_import_ttsbuilder_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import sys, ttsbuilder; assert 'hypothesis' not in sys.modules, 'eager import'"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_prompts_are_builder_values_of_their_profile(profile: str, data: st.DataObject) -> None:
    from ttsbuilder.builder import Prompt

    prompt = data.draw(strategies.prompts(profile))
    assert isinstance(prompt, Prompt)
    assert prompt.profile == profile
    assert validate(prompt.to_dict(), kind="tts", profile=profile) == []


SEED_PLAY = {
    "prompt_ref": "welcome_ref",
    "text": "text to be played as speech",
    "language": "en-US",
    "voice": "female",
    "dtmf": True,
    "asr": True,
    "start_timeout": 10,
    "recognizer_timeout": 1,
    "text_to_speech_option": {
        "silence": {"type": "leading", "value": "2000ms"},
        "text": "Initial Text Play after 2s",
        "break": {"value": "2000ms"},
        "text2": "Text Play after 2s break",
        "express-as": {"style": "gentle", "text": "Text play in gentle voice"},
        "prosody": {
            "rate": "+30.00%",
            "pitch": "high",
            "volume": "+50.00%",
            "text": "Text play at 30% higher rate & 50% volume",
            "break": {"value": "2000ms"},
            "say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"},
            "say-as2": {"interpret-as": "cardinal", "text": "42"},
        },
    },
}
DOCUMENTS = {
    "play": SEED_PLAY,
    "dial-out": {
        "from": "+15550100000",
        "to": "+15550100001",
        "action_on_connect": {"play": SEED_PLAY},
        "event_url": "https://example.com/events",
    },
    "recording": {"start": True},
}


# Every error rule a mutation of a play body makes (besides the style rules per profile).
# Not yet: say-as/express-as suffixes (validate() does not check them) and nesting depth.
PLAY_ERROR_CODES = {
    "TTS101", "TTS102", "TTS103", "TTS104", "TTS105", "TTS107", "TTS109", "TTS112",
    "TTS201", "TTS202", "TTS203", "TTS204", "TTS210", "TTS301", "TTS302", "TTS303",
    "TTS401", "TTS403", "TTS405", "TTS406", "TTS407",
}  # fmt: skip


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", list(DOCUMENTS))
@pytest.mark.parametrize("warnings", [False, True])
def test_every_mutation_site_of_a_rich_document(kind: str, profile: str, warnings: bool) -> None:
    # Every site _mutate offers on the seed's sample, applied one at a time: each makes
    # its code at its pointer, and (for errors) no other error.
    from ttsbuilder import _mutate
    from ttsbuilder.profiles import get_profile

    chosen = get_profile(profile)
    count = len(_mutate._sites(copy.deepcopy(DOCUMENTS[kind]), kind, chosen, warnings))
    codes = set()
    for index in range(count):
        document = copy.deepcopy(DOCUMENTS[kind])
        label, apply = _mutate._sites(document, kind, chosen, warnings)[index]
        pointer, code = apply(lambda strategy: 0)
        problems = validate(document, kind=kind, profile=profile)
        assert (pointer, code) in {(p.pointer, p.code) for p in problems}, label
        errors = {(p.pointer, p.code) for p in problems if p.is_error}
        assert errors <= {(pointer, code)}, label
        codes.add(code)
    if kind == "play" and not warnings:
        by_profile = {"enablex": {"TTS206", "TTS208"}, "azure": {"TTS209"}}
        assert codes == PLAY_ERROR_CODES | by_profile[profile]
