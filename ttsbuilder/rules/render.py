"""Rendering rules (TTS6xx): what an SSML target cannot carry as the tree says it.

These problems come from :func:`ttsbuilder.ssml.render_ssml_with_problems`, never from
``validate()``: the document is valid, only the chosen SSML dialect writes it
differently, approximates it or drops it. ``kind`` names the target the examples are
rendered in (``ssml-azure`` or ``ssml-w3c``); ``bad`` renders with the problem, ``good``
without.
"""

from __future__ import annotations

from ttsbuilder.rules.base import error, warning

__all__ = [
    "NOTHING_TO_RENDER",
    "NO_DEFAULT_VOICE",
    "SILENCE_WHOLE_MS",
    "W3C_EXPRESS_AS",
    "W3C_SILENCE",
]

FAMILY = "render"

SILENCE_WHOLE_MS = warning(
    "TTS601",
    "silence-whole-ms",
    "Microsoft's schema takes mstts:silence values as whole numbers of s or ms: a value "
    "with decimals is written in whole milliseconds ('1.5s' as '1500ms', '0.4ms' rounded "
    "to '0ms'), so it parses back in that form.",
    why="Microsoft's SSML schema takes silence values as whole numbers: whole milliseconds keep "
    "the SSML valid and let it be read back into the same tree.",
    bad='{"silence": {"type": "leading", "value": "1.5s"}, "text": "Hello"}',
    good='{"silence": {"type": "leading", "value": "1500ms"}, "text": "Hello"}',
    kind="ssml-azure",
    family=FAMILY,
)
NO_DEFAULT_VOICE = error(
    "TTS602",
    "no-default-voice",
    "The default voice table has no Azure voice for this language: pass a voice name "
    "(voice='en-NZ-MollyNeural') or add one with set_default_voice().",
    why="Azure SSML speaks with a named voice, chosen from the payload's language and gender; "
    "with no voice for the language there is no SSML the service would accept.",
    bad='{"text": "Hello", "voice": "female", "language": "en-NZ"}',
    good='{"text": "Hello", "voice": "female", "language": "en-GB"}',
    kind="ssml-azure",
    family=FAMILY,
)
NOTHING_TO_RENDER = error(
    "TTS603",
    "nothing-to-render",
    "The document holds no speech to render: a play body with only prompt_name plays a "
    "recorded prompt, and a dial-out that connects or joins a room plays nothing.",
    why="SSML is speech: a request that plays a recorded prompt or connects a call has none, so "
    "asking to render it is a mistake in what was passed.",
    bad='{"prompt_name": "welcome"}',
    good='{"text": "Welcome", "voice": "female"}',
    kind="ssml-azure",
    family=FAMILY,
)
W3C_EXPRESS_AS = warning(
    "TTS604",
    "w3c-express-as",
    "SSML 1.1 has no speaking styles: the w3c target drops mstts:express-as (with its "
    "styledegree and role) and speaks its content in the normal voice.",
    why="Speaking styles are Microsoft's extension: a standard SSML engine refuses or ignores "
    "mstts elements, so the w3c output keeps the words and loses the style.",
    bad='{"express-as": {"style": "cheerful", "text": "Great news!"}}',
    good='{"text": "Great news!"}',
    kind="ssml-w3c",
    family=FAMILY,
)
W3C_SILENCE = warning(
    "TTS605",
    "w3c-silence",
    "SSML 1.1 has no mstts:silence: the w3c target writes a leading silence as a break at "
    "the start and a tailing one as a break at the end (an -exact silence becomes extra "
    "silence, not an exact one), and drops sentenceboundary and comma silences.",
    why="Standard SSML has no silence element: breaks approximate leading and tailing silence, "
    "so the w3c rendering does not pause exactly as Azure would.",
    bad='{"silence": {"type": "sentenceboundary", "value": "500ms"}, "text": "One. Two."}',
    good='{"text": "One.", "break": {"value": "500ms"}, "text2": "Two."}',
    kind="ssml-w3c",
    family=FAMILY,
)
