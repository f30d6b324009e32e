"""SSML for preview and import: :func:`render_ssml` writes it, :func:`parse_ssml` reads it.

>>> ssml = render_ssml({"text": "Hello", "break": {"value": "1s"}})
>>> parse_ssml(ssml)
{'text': 'Hello', 'break': {'value': '1s'}}

See ``docs/ssml.md`` for what each node becomes in each target.
"""

from __future__ import annotations

from ttsbuilder.ssml.names import TARGETS, Target
from ttsbuilder.ssml.parse import MAX_SSML_BYTES, parse_ssml
from ttsbuilder.ssml.render import (
    ChosenVoice,
    Rendering,
    choose_voice,
    render_ssml,
    render_ssml_with_problems,
)
from ttsbuilder.ssml.voices import (
    DEFAULT_VOICES,
    PLATFORM_VOICES,
    default_voice,
    reset_default_voices,
    set_default_voice,
    voice_table,
)

__all__ = [
    "DEFAULT_VOICES",
    "MAX_SSML_BYTES",
    "PLATFORM_VOICES",
    "TARGETS",
    "ChosenVoice",
    "Rendering",
    "Target",
    "choose_voice",
    "default_voice",
    "parse_ssml",
    "render_ssml",
    "render_ssml_with_problems",
    "reset_default_voices",
    "set_default_voice",
    "voice_table",
]
