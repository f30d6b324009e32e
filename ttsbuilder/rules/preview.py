"""Preview rules (TTS7xx): what the offline eSpeak NG preview cannot reproduce.

These are warnings that :func:`ttsbuilder.preview_wav` returns with its result, never
findings of ``validate()``: the document is valid, only the preview differs from what
the service will speak. Their ``bad`` examples are valid trees that the preview warns
about; ``good`` examples preview faithfully.
"""

from __future__ import annotations

from ttsbuilder.rules.base import warning

__all__ = ["PREVIEW_EXPRESS_AS", "PREVIEW_SAY_AS", "PREVIEW_SILENCE", "PREVIEW_VOICE"]

FAMILY = "preview"

PREVIEW_EXPRESS_AS = warning(
    "TTS701",
    "preview-express-as",
    "eSpeak NG has no speaking styles: the preview speaks express-as content in its "
    "normal voice (timing is still faithful).",
    why="eSpeak NG has no speaking styles, so the preview sounds flatter than the service; its "
    "timing, which the preview is for, is unaffected.",
    bad='{"express-as": {"style": "cheerful", "text": "Welcome!"}}',
    good='{"text": "Welcome!"}',
    family=FAMILY,
)
PREVIEW_VOICE = warning(
    "TTS702",
    "preview-voice",
    "eSpeak NG has no voice for the payload's language: the preview speaks it with the "
    "en-us voice.",
    why="With no voice for the language the preview speaks in English, so words sound wrong and "
    "their length differs from the real voice's.",
    bad='{"text": "Hello", "voice": "female", "language": "xx-YY"}',
    good='{"text": "Hello", "voice": "female", "language": "en-US"}',
    kind="play",
    family=FAMILY,
)
PREVIEW_SILENCE = warning(
    "TTS703",
    "preview-silence",
    "Only leading and tailing silence is reproduced exactly; sentenceboundary silence is "
    "added to eSpeak's own sentence pause, and comma, semicolon and enumeration-comma "
    "silence is not previewed.",
    why="eSpeak NG cannot reproduce Azure's sentence-boundary and comma silences, so the "
    "preview's pauses, and its length, differ from what the service plays.",
    bad='{"silence": {"type": "comma-exact", "value": "300ms"}, "text": "One, two"}',
    good='{"silence": {"type": "leading", "value": "300ms"}, "text": "One, two"}',
    family=FAMILY,
)
PREVIEW_SAY_AS = warning(
    "TTS704",
    "preview-say-as",
    "eSpeak NG supports say-as only for characters, spell-out, telephone and "
    "number_digit: other kinds (date, time, currency, ...) are previewed as plain text, "
    "so they may sound and last differently.",
    why="eSpeak NG reads these say-as kinds as plain text, so a date or an amount may be "
    "spoken, and last, differently from the service.",
    bad='{"say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"}}',
    good='{"say-as": {"interpret-as": "characters", "text": "ABC"}}',
    family=FAMILY,
)
