"""Payloads for other telephony clients: Twilio ``<Say>``, Plivo ``<Speak>``, a Vonage talk action.

Twilio, Plivo and Vonage speak Amazon Polly's SSML, so each payload holds the prompt's
``polly`` rendering (docs/platforms.md): the same validation, the same conversions and
the same limits (a prompt over Polly's 3,000 billed characters is refused with
:class:`~ttsbuilder.errors.ValidationError`, as :func:`~ttsbuilder.ssml.render_ssml`
refuses it). A prompt is a tree, a builder value or a play body (its ``language`` and
``voice`` win). The rendering's warnings (what Polly's SSML loses) are not repeated
here: ``render_ssml_with_problems(prompt, "polly")`` or ``ttsbuilder render --target
polly`` lists them.

>>> talk = vonage_talk({"language": "en-GB", "text_to_speech_option": {"text": "Hi"}})
>>> talk == {"action": "talk", "text": "<speak>Hi</speak>", "language": "en-GB"}
True
>>> print(plivo_speak({"text": "Hi", "break": {"value": "1s"}}))
<Response><Speak voice="Polly.Joanna" language="en-US">Hi<break time="1s"/></Speak></Response>
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ttsbuilder._extras import require
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.ssml.render import choose_voice, render_ssml

__all__ = ["plivo_speak", "twilio_say", "vonage_talk"]

_ANY_POLLY_VOICE = "Joanna"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _polly(
    prompt: Any, voice: str | None, language: str | None, profile: ProfileName | Profile
) -> tuple[Any, str, str]:
    """The prompt's polly ``<speak>`` element, its Polly voice ID and its language."""
    ssml = render_ssml(prompt, "polly", voice=voice, language=language, profile=profile)
    chosen = choose_voice(prompt, "polly", voice=voice, language=language, profile=profile)
    assert chosen.name is not None  # polly always speaks with a named voice
    return etree.fromstring(ssml.encode(), _PARSER), chosen.name, chosen.language


def _voice_id(name: str, neural: bool) -> str:
    # Twilio and Plivo name Polly's voices Polly.<VoiceId>; -Neural asks for its neural engine.
    return f"Polly.{name}-Neural" if neural else f"Polly.{name}"


def twilio_say(
    prompt: Any,
    *,
    voice: str | None = None,
    language: str | None = None,
    neural: bool = False,
    profile: ProfileName | Profile = "enablex",
) -> Any:
    """A Twilio ``VoiceResponse`` that says ``prompt`` with a Polly voice (extra ``twilio``).

    Built with the ``twilio`` package's TwiML classes: ``str(response)`` is the TwiML a
    webhook returns, and more verbs (``response.gather(...)``) can follow. ``voice`` is
    ``female``, ``male`` or a Polly voice ID (``Joanna``); ``neural=True`` asks for the
    voice's neural engine (``Polly.Joanna-Neural``), which ignores prosody pitch
    (TTS609). Raises :class:`~ttsbuilder.errors.MissingExtraError` without twilio.

    >>> response = twilio_say({"text": "Hi", "break": {"value": "1s"}})
    >>> response.to_xml(xml_declaration=False)
    '<Response><Say language="en-US" voice="Polly.Joanna">Hi<break time="1s" /></Say></Response>'
    """
    twiml = require("twilio.twiml.voice_response", extra="twilio", feature="twilio_say()")
    speak, name, spoken = _polly(prompt, voice, language, profile)
    response = twiml.VoiceResponse()
    say = response.say(voice=_voice_id(name, neural), language=spoken)
    _fill_twilio(say, speak)
    return response


def _fill_twilio(node: Any, element: Any) -> None:
    """Nest ``element``'s content (texts, breaks, prosody, say-as) in the TwiML ``node``."""
    # TwiML keeps one text per position: two strings in a row would lose the first, so
    # the texts the polly rendering keeps apart with a comment are joined here, exactly
    # as an SSML reader joins them.
    pending = element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            if pending:
                node.nest(pending)
            pending = ""
            attributes = dict(child.attrib)
            if child.tag == "break":
                node.break_(**attributes)
            elif child.tag == "prosody":
                _fill_twilio(node.prosody(**attributes), child)
            else:  # say-as
                interpret_as = attributes.pop("interpret-as")
                node.say_as(child.text or "", interpret_as=interpret_as, **attributes)
        pending += child.tail or ""
    if pending:
        node.nest(pending)


def plivo_speak(
    prompt: Any,
    *,
    voice: str | None = None,
    language: str | None = None,
    neural: bool = False,
    profile: ProfileName | Profile = "enablex",
) -> str:
    """Plivo XML: a ``<Response>`` whose ``<Speak>`` says ``prompt`` with a Polly voice.

    Built with lxml, not the ``plivo`` package: Plivo's XML classes cannot put text
    after a child element (their ``<cont>`` work-around adds spaces and, pretty-printed,
    line breaks to what is spoken), so the polly rendering's content is copied into
    ``<Speak>`` as it is. The result is what Plivo's own classes write for the prompts
    they can express (a test compares them). ``voice`` and ``neural`` as for
    :func:`twilio_say`.

    >>> print(plivo_speak({"text": "Hola"}, language="es-ES", voice="male"))
    <Response><Speak voice="Polly.Enrique" language="es-ES">Hola</Speak></Response>
    """
    speak, name, spoken = _polly(prompt, voice, language, profile)
    response = etree.Element("Response")
    say = etree.SubElement(response, "Speak", voice=_voice_id(name, neural), language=spoken)
    say.text = speak.text
    say.extend(list(speak))
    return etree.tostring(response, encoding="unicode")


def vonage_talk(
    prompt: Any,
    *,
    language: str | None = None,
    style: int | None = None,
    premium: bool | None = None,
    profile: ProfileName | Profile = "enablex",
) -> dict[str, Any]:
    """A Vonage NCCO talk action (a dict) that says ``prompt``'s polly SSML.

    Vonage picks the voice from ``language`` and ``style`` (a number; Vonage's first,
    0, when absent), not from a voice name: a play body's ``voice`` (``female``/
    ``male``) has no Vonage equivalent and is not used.
    Put the action in the NCCO list the call's answer URL returns.

    >>> vonage_talk({"text": "Hi"}, style=2, premium=True)["style"]
    2
    """
    # Polly's SSML names no voice, and Vonage picks its own: any Polly voice ID renders
    # the same document, and keeps a language with no default male voice renderable.
    speak, _, spoken = _polly(prompt, _ANY_POLLY_VOICE, language, profile)
    action: dict[str, Any] = {
        "action": "talk",
        "text": etree.tostring(speak, encoding="unicode"),
        "language": spoken,
    }
    if style is not None:
        action["style"] = style
    if premium is not None:
        action["premium"] = premium
    return action
