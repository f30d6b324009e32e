"""The Twilio, Plivo and Vonage payloads' SSML, judged by ssml-check-core (Amazon's rules).

Twilio's ``<Say>`` and Plivo's ``<Speak>`` hold SSML without ``<speak>``: their content,
wrapped in one, is what Polly reads; Vonage's talk text is a whole ``<speak>``. Each
must have zero errors and speak the prompt's text in order.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from ssml_checker import check, needs_node, spoken_text
from ssml_support import seed

from ttsbuilder import choose_voice, plivo_speak, twilio_say, vonage_talk
from ttsbuilder.errors import ValidationError
from ttsbuilder.ssml import render_ssml
from ttsbuilder.strategies import play_payloads

pytestmark = needs_node

SAMPLE = settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))


def as_speak(xml: str) -> str:
    """The content of a TwiML or Plivo XML document's one verb, as a ``<speak>`` document."""
    verb = etree.fromstring(xml.encode())[0]
    speak = etree.Element("speak")
    speak.text = verb.text
    speak.extend(list(verb))
    return etree.tostring(speak, encoding="unicode")


def choose_voice_or_none(body: dict[str, Any]) -> str | None:
    """The Polly voice a body speaks with, or None when the default table has none."""
    try:
        return choose_voice(body, "polly").name
    except ValidationError:
        return None


def payloads(prompt: Any) -> list[str]:
    return [
        as_speak(twilio_say(prompt).to_xml(xml_declaration=False)),
        as_speak(plivo_speak(prompt)),
        vonage_talk(prompt)["text"],
    ]


def test_seed_payloads_pass_the_checker() -> None:
    documents = payloads(seed("play"))
    assert check([(ssml, "amazon") for ssml in documents]) == [[]] * 3
    polly = spoken_text(render_ssml(seed("play"), "polly"))
    assert [spoken_text(ssml) for ssml in documents] == [polly] * 3


@SAMPLE
@given(st.lists(play_payloads("enablex", warnings=True), min_size=10, max_size=10))
def test_drawn_play_payloads_pass_the_checker(bodies: list[dict[str, Any]]) -> None:
    speaking = [b for b in bodies if "text" in b or "text_to_speech_option" in b]
    assume(speaking)
    documents: list[str] = []
    for body in speaking:
        voice = choose_voice_or_none(body)
        if voice is None:  # a language with no default Polly voice of that gender: TTS602
            documents.append(vonage_talk(body)["text"])  # Vonage takes no voice
        else:
            documents.extend(payloads(body))
    for ssml, errors in zip(documents, check([(d, "amazon") for d in documents]), strict=True):
        assert errors == [], ssml
