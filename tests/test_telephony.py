"""Twilio, Plivo and Vonage payloads: the polly rendering, inside each client's own wrapping.

Twilio's TwiML is built with the twilio package and compared with the polly SSML it
carries; Plivo's XML is compared with what the plivo package writes for the prompts its
classes can express; Vonage's talk action is checked against a hand-written one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from lxml import etree

from ttsbuilder import plivo_speak, twilio_say, vonage_talk
from ttsbuilder.errors import MissingExtraError, ValidationError
from ttsbuilder.ssml import render_ssml
from ttsbuilder.strategies import play_payloads, trees

SEED_PLAY = json.loads((Path(__file__).parent / "data" / "seed" / "play.json").read_text())


def content(element: Any) -> Any:
    """An element's content as comparable data: texts joined (comments dropped), children
    as (tag, attributes, content)."""
    items: list[Any] = []
    text = element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            items.append(text)
            text = ""
            items.append((child.tag, dict(child.attrib), content(child)))
        text += child.tail or ""
    items.append(text)
    return [item for item in items if item != ""]


def polly_content(prompt: Any, **options: Any) -> Any:
    return content(etree.fromstring(render_ssml(prompt, "polly", **options).encode()))


def say_of(twiml: str) -> Any:
    root = etree.fromstring(twiml.encode())
    assert root.tag == "Response"
    assert len(root) == 1
    return root[0]


def test_twilio_say_of_the_seed_prompt() -> None:
    say = say_of(str(twilio_say(SEED_PLAY)))
    assert say.tag == "Say"
    assert dict(say.attrib) == {"voice": "Polly.Joanna", "language": "en-US"}
    assert content(say) == polly_content(SEED_PLAY)


def test_twilio_voice_language_and_neural() -> None:
    body = {"language": "en-GB", "voice": "male", "text_to_speech_option": {"text": "Hi"}}
    assert dict(say_of(str(twilio_say(body))).attrib) == {
        "voice": "Polly.Brian",
        "language": "en-GB",
    }
    neural = say_of(str(twilio_say({"text": "Hi"}, voice="Kendra", neural=True)))
    assert neural.get("voice") == "Polly.Kendra-Neural"


@settings(max_examples=60, deadline=None)
@given(trees("azure"))
def test_twilio_carries_every_polly_rendering(tree: dict[str, Any]) -> None:
    say = say_of(twilio_say(tree, profile="azure").to_xml(xml_declaration=False))
    assert content(say) == polly_content(tree, profile="azure")


def test_twilio_without_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "twilio.twiml.voice_response", None)
    with pytest.raises(MissingExtraError) as missing:
        twilio_say({"text": "Hi"})
    assert missing.value.extra == "twilio"


def plivo_reference(build: Any) -> Any:
    """What the plivo package writes, without its pretty-printing whitespace."""
    from plivo.xml import ResponseElement

    response = ResponseElement()
    response.add(build)
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.fromstring(response.to_string(pretty=False).encode(), parser)


@pytest.mark.parametrize(
    ("prompt", "reference"),
    [
        ({"text": "Hello & welcome"}, lambda s: s),
        ({"text": "Hold on", "break": {"value": "2s"}}, lambda s: s.add_break(time="2s")),
        (
            {"text": "Call ", "say-as": {"interpret-as": "telephone", "text": "555 0100"}},
            lambda s: s.add_say_as("555 0100", interpret_as="telephone"),
        ),
    ],
)
def test_plivo_speak_is_what_plivos_classes_write(prompt: Any, reference: Any) -> None:
    from plivo.xml import SpeakElement

    first = prompt.get("text")
    expected = plivo_reference(
        reference(SpeakElement(first, voice="Polly.Joanna", language="en-US"))
    )
    ours = etree.fromstring(plivo_speak(prompt).encode())
    assert etree.tostring(ours) == etree.tostring(expected)


def test_plivo_keeps_text_after_an_element() -> None:
    # What plivo's classes cannot write: text after the break, spoken as it is.
    speak = etree.fromstring(
        plivo_speak({"text": "One", "break": {"value": "1s"}, "text2": "two"}).encode()
    )[0]
    assert speak.tag == "Speak"
    assert content(speak) == ["One", ("break", {"time": "1s"}, []), "two"]


def test_plivo_speak_of_the_seed_prompt() -> None:
    speak = etree.fromstring(plivo_speak(SEED_PLAY, neural=True).encode())[0]
    assert dict(speak.attrib) == {"voice": "Polly.Joanna-Neural", "language": "en-US"}
    assert content(speak) == polly_content(SEED_PLAY)


def test_vonage_talk_action() -> None:
    body = {
        "language": "es-ES",
        "text_to_speech_option": {"text": "Hola", "break": {"value": "1s"}},
    }
    assert vonage_talk(body, style=3, premium=False) == {
        "action": "talk",
        "text": '<speak>Hola<break time="1s"/></speak>',
        "language": "es-ES",
        "style": 3,
        "premium": False,
    }
    # The NCCO is JSON: the action survives a round trip.
    assert json.loads(json.dumps([vonage_talk(SEED_PLAY)]))[0]["text"] == render_ssml(
        SEED_PLAY, "polly"
    )


@settings(max_examples=40, deadline=None)
@given(play_payloads())
def test_vonage_carries_the_polly_rendering_of_any_play(body: dict[str, Any]) -> None:
    assume("text" in body or "text_to_speech_option" in body)  # not a recorded prompt
    action = vonage_talk(body)
    # Polly's SSML names no voice: with any voice ID it is the same document.
    assert action["text"] == render_ssml(body, "polly", voice="Matthew")
    assert action["language"] == body.get("language", "en-US")


@pytest.mark.parametrize("payload", [twilio_say, plivo_speak, vonage_talk])
def test_errors_and_platform_limits_are_refused(payload: Any) -> None:
    with pytest.raises(ValidationError):
        payload({"break": {"value": "9s"}})
    with pytest.raises(ValidationError) as refused:
        payload({"text": "a" * 3001})  # over Polly's 3,000 billed characters
    assert "TTS901" in {p.code for p in refused.value.problems}
