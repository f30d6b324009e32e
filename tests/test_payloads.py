"""Payload helpers: every SPEC §3 body, built and validated whole, ready for ``json=``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ttsbuilder import payloads
from ttsbuilder.builder import Prompt
from ttsbuilder.errors import BuildError, ValidationError
from ttsbuilder.payloads import connect, dial_out, forward, hold, play, recording, transfer
from ttsbuilder.strategies import mutations
from ttsbuilder.strategies import payloads as bodies
from ttsbuilder.validation import validate

PROFILES = ("enablex", "azure")


def _rebuild(kind: str, body: dict[str, Any], profile: str) -> dict[str, Any]:
    """The body built again through its helper, from the body's own fields."""
    fields = {("from_" if key == "from" else key): value for key, value in body.items()}
    if kind == "play":
        return play(profile=profile, **fields)
    if kind == "dial-out":
        action = fields.pop("action_on_connect", {})
        room = action.get("room")
        return dial_out(
            profile=profile,
            play=action.get("play"),
            connect=action.get("connect"),
            room_id=room["room_id"] if room is not None else None,
            **fields,
        )
    if kind == "recording":
        action = "stop" if "stop" in body else "start"
        return recording(action, recording_name=body.get("recording_name"))
    helper = {"connect": connect, "transfer": transfer, "forward": forward, "hold": hold}[kind]
    return helper(**fields)  # type: ignore[no-any-return,operator]


KINDS = ("play", "dial-out", "connect", "transfer", "forward", "hold", "recording")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40)
@given(data=st.data())
def test_helpers_rebuild_every_valid_body_key_for_key(
    kind: str, profile: str, data: st.DataObject
) -> None:
    body = data.draw(bodies(kind, profile))
    rebuilt = _rebuild(kind, body, profile)
    assert json.dumps(rebuilt) == json.dumps(body)


_PLAY_PARAMETERS = frozenset(payloads.play.__kwdefaults__ or ())


@settings(max_examples=80)
@given(mutations("play", "azure"))
def test_play_raises_with_the_mutation_pointer(mutation: Any) -> None:
    document, pointer, code = mutation
    if set(document) - _PLAY_PARAMETERS:
        return  # an unknown key: no parameter can pass it
    with pytest.raises(ValidationError) as caught:
        _rebuild("play", document, "azure")
    assert (pointer, code) in {(p.pointer, p.code) for p in caught.value.problems}


def test_play_with_a_prompt_uses_its_profile() -> None:
    long_pause = Prompt(profile="azure").text("One moment").break_("10s")
    body = play(long_pause, voice="female", language="en-GB")
    assert body == {
        "language": "en-GB",
        "voice": "female",
        "text_to_speech_option": {"text": "One moment", "break": {"value": "10s"}},
    }
    with pytest.raises(ValidationError) as caught:
        play(long_pause.to_dict(), voice="female")
    assert [(p.pointer, p.code) for p in caught.value.problems if p.is_error] == [
        ("/text_to_speech_option/break/value", "TTS202")
    ]


def test_play_errors_are_reported_with_pointers() -> None:
    with pytest.raises(ValidationError) as caught:
        play(text="Hello", language="english", start_timeout=30)
    found = {(p.pointer, p.code) for p in caught.value.problems}
    assert {("", "TTS403"), ("/language", "TTS405"), ("/start_timeout", "TTS407")} <= found
    with pytest.raises(ValidationError, match="TTS401"):
        play(voice="female")
    with pytest.raises(BuildError, match="text_to_speech_option"):
        play("Hello")  # type: ignore[arg-type]


def test_dial_out_with_a_play_action() -> None:
    welcome = Prompt().text("Hello from the clinic.")
    body = dial_out(
        "+15550100000",
        "+15550100001",
        play=play(welcome, voice="female", language="en-US"),
        event_url="https://example.com/events",
    )
    assert list(body) == ["from", "to", "action_on_connect", "event_url"]
    assert body["action_on_connect"]["play"]["text_to_speech_option"] == welcome.to_dict()
    bare = dial_out("+15550100000", "sip:desk@example.com", play=welcome)
    assert bare["action_on_connect"] == {"play": {"text_to_speech_option": welcome.to_dict()}}
    with pytest.raises(ValidationError, match="TTS409"):
        dial_out("+15550100000", "+15550100001", room_id="r1", connect=connect("+1555", "+1556"))


def test_call_control_bodies() -> None:
    assert transfer("+15550100000", "sip:desk@example.com")["transfer_to"].startswith("sip:")
    with pytest.raises(ValidationError, match="TTS408"):
        forward("+15550100000", "sip:desk@example.com")
    with pytest.raises(ValidationError, match="TTS408"):
        connect("+1 (555) 010-0000", "+15550100001")
    with pytest.raises(ValidationError, match="TTS103"):
        hold("yes")  # type: ignore[arg-type]
    assert recording() == {"start": True}
    with pytest.raises(BuildError, match="'start' or 'stop'"):
        recording("pause")  # type: ignore[arg-type]


def test_bodies_are_json_and_validate() -> None:
    body = play(Prompt("Hi"), voice="male", dtmf=True)
    assert json.loads(json.dumps(body)) == body
    assert validate(body, kind="play") == []


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: dial_out("+15550100000", "+15550100001", play="hello"), "play"),
        (lambda: dial_out("+15550100000", "+15550100001", play=["x"]), "play"),
        (lambda: dial_out("+15550100000", "+15550100001", connect=42), "connect"),
        (lambda: play(text="Hi", voice="male", profile=10**5000), "profile"),  # type: ignore[arg-type]
        (lambda: play(text="Hi", voice="male", profile="azur"), "profile"),
        (lambda: dial_out("+15550100000", "+15550100001", profile=[1]), "profile"),
        (lambda: play(10**5000), "text_to_speech_option"),
        (lambda: recording(10**5000), "action"),  # type: ignore[arg-type]
    ],
)
def test_wrong_argument_types_raise_build_error(call: Any, argument: str) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    assert caught.value.argument == argument
    assert len(str(caught.value)) < 400
