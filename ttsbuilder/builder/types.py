"""The vocabularies of the builder as ``Literal`` types, and typed helpers for values.

The ``Literal`` types let an editor complete style names, interpret-as kinds and formats;
each is defined once, in :mod:`ttsbuilder.values` or :mod:`ttsbuilder.profiles`, and
re-exported here. The helpers write values the way the tree does:

>>> ms(2000), seconds(1.5), percent(30), percent(-20), hz(600), semitones(-2)
(Duration(text='2000ms'), Duration(text='1.5s'), '+30%', '-20%', '600Hz', '-2st')
"""

from __future__ import annotations

import math
from typing import Union

from ttsbuilder.errors import BuildError
from ttsbuilder.problems import shown
from ttsbuilder.profiles import Role, Style
from ttsbuilder.values import (
    BreakStrength,
    DateFormat,
    Duration,
    DurationFormat,
    InterpretAs,
    Pitch,
    PitchLevel,
    Rate,
    RateLevel,
    SilenceType,
    TimeFormat,
    Volume,
    VolumeLevel,
    format_number,
)

__all__ = [
    "BreakStrength",
    "DateFormat",
    "DurationFormat",
    "DurationLike",
    "InterpretAs",
    "PitchLevel",
    "PitchLike",
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

#: A pause length: ``"2000ms"``, ``"1.5s"`` or ``ms(2000)`` / ``seconds(1.5)``.
DurationLike = Union[str, Duration]  # noqa: UP007  (a runtime alias on 3.10)
#: A pitch: a level, ``"600Hz"``, ``"+80Hz"``, ``"-2st"``, ``"+10%"``, or a helper's result.
PitchLike = Union[PitchLevel, str, Pitch]  # noqa: UP007
#: A rate: a level, ``"+30%"``, a multiplier ``1.5`` (number or text).
RateLike = Union[RateLevel, str, float, Rate]  # noqa: UP007
#: A volume: a level, an absolute ``50`` (number or text), ``"+10"``, ``"-20%"``.
VolumeLike = Union[VolumeLevel, str, float, Volume]  # noqa: UP007


def _number(value: object, argument: str, *, negative: str | None = None) -> float:
    """``value`` as a finite float; ``negative`` says why it may not be below zero, if so."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BuildError(
            f"{argument}={shown(value)} is not a number", argument=argument, value=value
        )
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise BuildError(
            f"{argument}={shown(value)} is not a finite number", argument=argument, value=value
        )
    if negative is not None and number < 0:
        raise BuildError(
            f"{argument}={value!r} is negative: {negative}", argument=argument, value=value
        )
    return number


def ms(milliseconds: float) -> Duration:
    """A duration in milliseconds: ``ms(2000)`` is ``"2000ms"``.

    >>> ms(250).text
    '250ms'
    """
    return Duration.from_ms(
        _number(milliseconds, "milliseconds", negative="a pause is 0ms or longer")
    )


def seconds(amount: float) -> Duration:
    """A duration in seconds: ``seconds(1.5)`` is ``"1.5s"``.

    >>> seconds(2).text
    '2s'
    """
    return Duration.from_seconds(_number(amount, "seconds", negative="a pause is 0s or longer"))


def percent(amount: float) -> str:
    """A relative change in percent, always signed: ``percent(30)`` is ``"+30%"``.

    Works for ``rate``, ``pitch`` and ``volume``.

    >>> percent(-12.5)
    '-12.5%'
    """
    return format_number(_number(amount, "percent"), sign=True) + "%"


def hz(frequency: float) -> str:
    """An absolute pitch in hertz: ``hz(600)`` is ``"600Hz"``.

    >>> hz(180.5)
    '180.5Hz'
    """
    value = _number(frequency, "frequency", negative="use a relative pitch like '-80Hz'")
    return format_number(value) + "Hz"


def semitones(amount: float) -> str:
    """A relative pitch in semitones, always signed: ``semitones(-2)`` is ``"-2st"``.

    >>> semitones(3)
    '+3st'
    """
    return format_number(_number(amount, "semitones"), sign=True) + "st"
