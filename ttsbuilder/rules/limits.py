"""Platform limit rules (TTS9xx): what the rendering target's own service refuses or ignores.

``profile`` is the Voice API's rule set; a render target adds its platform's limits on
top. These problems come from :func:`ttsbuilder.ssml.render_ssml_with_problems` and
``ttsbuilder render`` / ``ttsbuilder stats``, never from ``validate()``. ``kind`` names
the target (``ssml-polly``, ``ssml-google``, ``ssml-azure``); ``voice`` the voice name
the examples are rendered with. Rendering with an error refuses in ``render_ssml``.
The limits' sources are in docs/platforms.md ("Limits and budgets").
"""

from __future__ import annotations

import json

from ttsbuilder.rules.base import error, warning

__all__ = [
    "AZURE_HD_VOICE",
    "AZURE_SSML_SIZE",
    "AZURE_VOICE_STYLE",
    "GOOGLE_SSML_BYTES",
    "LIMIT_VOICES",
    "POLLY_BILLED_CHARACTERS",
    "POLLY_TEXT_LENGTH",
]

FAMILY = "limits"


def _text(length: int, letter: str = "a") -> str:
    """A prompt of one text of ``length`` characters, as JSON."""
    return json.dumps({"text": letter * length})


def _breaks(count: int) -> str:
    """A prompt of a short text followed by ``count`` one-second breaks, as JSON."""
    names = ["break", *(f"break{i}" for i in range(2, count + 1))]
    members = ", ".join(f'"{name}": {{"value": "1s"}}' for name in names)
    return '{"text": "Hi", ' + members + "}"


POLLY_BILLED_CHARACTERS = error(
    "TTS901",
    "polly-billed-characters",
    "Amazon Polly's SynthesizeSpeech bills at most 3,000 characters of text per request "
    "(tags are not billed) and refuses more (TextLengthExceededException): split the "
    "prompt into several plays.",
    why="The request would fail with TextLengthExceededException and the caller would hear "
    "nothing.",
    bad=_text(3001),
    good=_text(3000),
    kind="ssml-polly",
    family=FAMILY,
)
POLLY_TEXT_LENGTH = error(
    "TTS902",
    "polly-text-length",
    "Amazon Polly's SynthesizeSpeech takes at most 6,000 characters per request, SSML tags "
    "included, and refuses more (TextLengthExceededException).",
    why="The request would fail with TextLengthExceededException and the caller would hear "
    "nothing.",
    bad=_breaks(340),
    good=_breaks(300),
    kind="ssml-polly",
    family=FAMILY,
)
GOOGLE_SSML_BYTES = error(
    "TTS903",
    "google-ssml-bytes",
    "Google Cloud Text-to-Speech takes at most 5,000 bytes of input per request, markup "
    "included (UTF-8: a Chinese character is 3 bytes); the limit cannot be raised.",
    why="The request would be refused and the caller would hear nothing; the quota cannot be "
    "raised.",
    bad=_text(1700, "語"),
    good=_text(1600, "語"),
    kind="ssml-google",
    family=FAMILY,
)
AZURE_SSML_SIZE = error(
    "TTS904",
    "azure-ssml-size",
    "Azure takes at most 64 KB (65,536 bytes) of SSML per request.",
    why="The service refuses larger SSML documents, so nothing would be spoken.",
    bad=_text(65500),
    good=_text(65000),
    kind="ssml-azure",
    family=FAMILY,
)
AZURE_VOICE_STYLE = warning(
    "TTS905",
    "azure-voice-style",
    "The named Azure voice does not have this speaking style, and Azure silently ignores an "
    "express-as whose style the voice lacks: the text is spoken in the normal voice. Checked "
    "for the voices in docs/platforms.md's style table when a voice name is given.",
    why="Azure does not report the unsupported style: the prompt is spoken in the neutral "
    "voice with no error, so only a check before sending finds it.",
    bad='{"express-as": {"style": "gentle", "text": "Welcome"}}',
    good='{"express-as": {"style": "cheerful", "text": "Welcome"}}',
    kind="ssml-azure",
    family=FAMILY,
)
AZURE_HD_VOICE = warning(
    "TTS906",
    "azure-hd-voice",
    "Azure's HD voices (names with ':DragonHD') do not support break, prosody, "
    "mstts:express-as or mstts:silence: what they ask for is not spoken as written. Leave "
    "them out, or pick a neural voice.",
    why="An HD voice drops or refuses these elements, so pauses, speed and styles the prompt "
    "asks for are not heard.",
    bad='{"text": "Hello", "break": {"value": "1s"}}',
    good='{"text": "Hello. How can I help?"}',
    kind="ssml-azure",
    family=FAMILY,
)

#: The voice name each rule's examples are rendered with (None: the default voice).
LIMIT_VOICES: dict[str, str] = {
    "TTS905": "en-US-JennyNeural",
    "TTS906": "en-US-Ava:DragonHDLatestNeural",
}
