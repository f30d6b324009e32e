"""Rendering rules (TTS6xx): what an SSML target cannot carry as the tree says it.

These problems come from :func:`ttsbuilder.ssml.render_ssml_with_problems`, never from
``validate()``: the document is valid, only the chosen SSML dialect writes it
differently, approximates it or drops it. ``kind`` names the target the examples are
rendered in (``ssml-azure``, ``ssml-w3c``, ``ssml-polly`` or ``ssml-google``); ``bad``
renders with the problem, ``good`` without. docs/platforms.md has what the polly and
google targets write for each node.
"""

from __future__ import annotations

from ttsbuilder.rules.base import error, warning

__all__ = [
    "NOTHING_TO_RENDER",
    "NO_DEFAULT_VOICE",
    "PLATFORM_EXPRESS_AS",
    "PLATFORM_LONG_BREAK",
    "PLATFORM_PROSODY",
    "PLATFORM_SAY_AS",
    "PLATFORM_SILENCE",
    "POLLY_PITCH",
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
    "The target's default voice table has no voice for this language and gender: pass a "
    "voice name (voice='en-NZ-MollyNeural' for Azure, 'Joanna' for Polly, "
    "'en-US-Wavenet-F' for Google) or add one with set_default_voice(..., target=...).",
    why="Every target speaks with a named voice, chosen from the payload's language and gender; "
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
PLATFORM_EXPRESS_AS = warning(
    "TTS606",
    "platform-express-as",
    "Amazon Polly and Google have no speaking styles: the polly and google targets drop "
    "mstts:express-as (with its styledegree and role) and speak its content in the "
    "normal voice.",
    why="A style the listener was meant to hear (cheerful, empathetic) is lost on these "
    "platforms; the warning says so before the prompt ships rather than after a call "
    "sounds flat.",
    bad='{"express-as": {"style": "cheerful", "text": "Great news!"}}',
    good='{"text": "Great news!"}',
    kind="ssml-polly",
    family=FAMILY,
)
PLATFORM_SILENCE = warning(
    "TTS607",
    "platform-silence",
    "Amazon Polly and Google have no mstts:silence: a leading silence becomes a break at "
    "the start, a tailing one a break at the end (an -exact silence becomes extra silence, "
    "not an exact one), and sentenceboundary and comma silences are dropped.",
    why="mstts:silence is Azure's own element; writing it as breaks keeps most of the timing, "
    "but where it cannot the pause the author asked for silently disappears.",
    bad='{"silence": {"type": "leading", "value": "500ms"}, "text": "Hello"}',
    good='{"break": {"value": "500ms"}, "text": "Hello"}',
    kind="ssml-google",
    family=FAMILY,
)
PLATFORM_PROSODY = warning(
    "TTS608",
    "platform-prosody",
    "A prosody value the platform cannot take as it is: a rate outside Polly's 20%-200% "
    "(Google's 25%-400%) or a pitch outside -33.3%..+50% (Google: -20st..+20st) is "
    "brought to the nearest end, 'default' is written 'medium', and a pitch in Hz is "
    "dropped (how many percent it is depends on the voice).",
    why="The platform would refuse the value or clamp it silently; bringing it to the nearest "
    "end keeps the SSML valid, and the warning says that what is heard differs from what "
    "was written.",
    bad='{"prosody": {"rate": "3", "text": "Hurry"}}',
    good='{"prosody": {"rate": "2", "text": "Hurry"}}',
    kind="ssml-polly",
    family=FAMILY,
)
POLLY_PITCH = warning(
    "TTS609",
    "polly-pitch",
    "Amazon Polly's neural, long-form and generative voices do not support prosody pitch: "
    "the polly target writes it (the default voices have a standard engine), but a "
    "request for one of those engines fails or loses it; leave pitch out for them.",
    why="A pitch change that the engine ignores, or a request that fails, is found only on a "
    "live call; the warning names the voices that are affected.",
    bad='{"prosody": {"pitch": "high", "text": "Hello"}}',
    good='{"prosody": {"volume": "loud", "text": "Hello"}}',
    kind="ssml-polly",
    family=FAMILY,
)
PLATFORM_SAY_AS = warning(
    "TTS610",
    "platform-say-as",
    "A say-as the platform does not have: it is dropped and its text spoken plain (Polly: "
    "time, duration, currency, name, a date without a format Polly knows; Google: "
    "duration, address, name), or its format is dropped (a telephone country code, a "
    "date format Google does not know).",
    why="Without the say-as the platform reads the raw text ('10/19' as 'ten slash "
    "nineteen'), which is what say-as was there to prevent.",
    bad='{"say-as": {"interpret-as": "currency", "text": "$42.01"}}',
    good='{"say-as": {"interpret-as": "cardinal", "text": "42"}}',
    kind="ssml-polly",
    family=FAMILY,
)
PLATFORM_LONG_BREAK = warning(
    "TTS611",
    "platform-long-break",
    "Amazon Polly and Google take breaks of at most 10 s: a longer pause (the azure "
    "profile allows 20 s) is written as several breaks in a row, each at most 10 s.",
    why="A longer break would be refused or cut to 10 s by the platform; several breaks in a "
    "row keep the whole pause.",
    bad='{"text": "Hold on", "break": {"value": "15s"}}',
    good='{"text": "Hold on", "break": {"value": "10s"}}',
    kind="ssml-google",
    profile="azure",
    family=FAMILY,
)
