"""The fluent builder: :class:`Prompt`, typed value helpers and the builder's ``Literal`` types.

>>> from ttsbuilder.builder import Prompt, ms
>>> Prompt().text("Press 1 for sales").break_(ms(500)).to_dict()
{'text': 'Press 1 for sales', 'break': {'value': '500ms'}}

See ``docs/builder.md``.
"""

from __future__ import annotations

from ttsbuilder.builder.prompt import Prompt
from ttsbuilder.builder.types import (
    BreakStrength,
    DateFormat,
    DurationFormat,
    DurationLike,
    InterpretAs,
    PitchLevel,
    PitchLike,
    RateLevel,
    RateLike,
    Role,
    SilenceType,
    Style,
    TimeFormat,
    VolumeLevel,
    VolumeLike,
    hz,
    ms,
    percent,
    seconds,
    semitones,
)

__all__ = [
    "BreakStrength",
    "DateFormat",
    "DurationFormat",
    "DurationLike",
    "InterpretAs",
    "PitchLevel",
    "PitchLike",
    "Prompt",
    "RateLevel",
    "RateLike",
    "Role",
    "SilenceType",
    "Style",
    "TimeFormat",
    "VolumeLevel",
    "VolumeLike",
    "hz",
    "ms",
    "percent",
    "seconds",
    "semitones",
]
