"""What a tree's values become in Amazon Polly's and Google's SSML, and what they lose.

Each function takes a ``target`` (``polly`` or ``google``) and a value of the tree and
returns a :class:`Converted`: the text the platform's SSML writes (``None`` when the
value cannot be written at all) and, when the meaning changes, a ``note`` saying how —
the renderer turns each note into a TTS6xx warning. docs/platforms.md has the tables.

>>> from ttsbuilder.values import Pitch, Rate
>>> prosody_value("polly", Rate.parse("+30%"))
Converted(text='130%', note=None)
>>> prosody_value("polly", Rate.parse("3"))
Converted(text='200%', note="rate '3' is written '200%': Amazon Polly's rates run from 20% to 200%")
>>> prosody_value("google", Pitch.parse("-2st"))
Converted(text='-2st', note=None)
>>> say_as("polly", "number_digit", None)
SayAsForm(interpret_as='digits', format=None, note=None)
>>> pauses(15000)
['10000ms', '5000ms']
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ttsbuilder.ssml.names import Target
from ttsbuilder.values import (
    DATE_FORMATS,
    Duration,
    Pitch,
    ProsodyValue,
    Rate,
    Volume,
    format_number,
)

__all__ = [
    "INTERPRET_READ_BACK",
    "MAX_BREAK_MS",
    "PITCH_PERCENT",
    "PLATFORM_NAMES",
    "RATE_PERCENT",
    "Converted",
    "SayAsForm",
    "pauses",
    "prosody_value",
    "say_as",
]

#: The vendor's name for each platform target, for messages and docs.
PLATFORM_NAMES: dict[str, str] = {"polly": "Amazon Polly", "google": "Google"}
#: The longest ``<break time>`` both platforms take (Polly's documentation; Google's and
#: ssml-check-core's limit is the same 10 s).
MAX_BREAK_MS = 10000
#: Rate as a percent of normal speed: Polly documents 20%–200%; Google's speakingRate
#: runs from 0.25 to 4.0, which its SSML rate follows.
RATE_PERCENT: dict[str, tuple[float, float]] = {"polly": (20.0, 200.0), "google": (25.0, 400.0)}
#: Relative pitch in percent both platforms take (Alexa's documented range, which
#: ssml-check-core applies to Amazon and Google SSML alike).
PITCH_PERCENT = (-33.3, 50.0)
#: Google's pitch in semitones (its AudioConfig pitch range, -20 to +20).
_SEMITONES = 20.0
#: Google's volume gain range in dB (its AudioConfig volumeGainDb).
_GOOGLE_DB = (-96.0, 16.0)
#: Keywords both platforms take; W3C's ``default`` is not among them.
_KEYWORDS = {
    "rate": ("x-slow", "slow", "medium", "fast", "x-fast"),
    "pitch": ("x-low", "low", "medium", "high", "x-high"),
    "volume": ("silent", "x-soft", "soft", "medium", "loud", "x-loud"),
}


class Converted(NamedTuple):
    """A value as the platform writes it (``text``, None when dropped) and its loss (``note``)."""

    text: str | None
    note: str | None = None


class SayAsForm(NamedTuple):
    """A say-as as the platform writes it; ``interpret_as`` None means the text is spoken plain."""

    interpret_as: str | None
    format: str | None
    note: str | None = None


def _clamped(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _changed(value: ProsodyValue, text: str, why: str) -> Converted:
    return Converted(text, f"{value.attribute} {value.text!r} is written {text!r}: {why}")


def prosody_value(target: Target, value: ProsodyValue) -> Converted:
    """``value`` (a :class:`Pitch`, :class:`Rate` or :class:`Volume`) in ``target``'s SSML."""
    vendor = PLATFORM_NAMES[target]
    if value.number is None:  # a keyword
        if value.text in _KEYWORDS[value.attribute]:
            return Converted(value.text)
        return _changed(value, "medium", f"{vendor} has no 'default' level, medium is its middle")
    if isinstance(value, Rate):
        return _rate(target, value)
    if isinstance(value, Pitch):
        return _pitch(target, value)
    assert isinstance(value, Volume)
    return _volume(target, value)


def _rate(target: Target, rate: Rate) -> Converted:
    factor = rate.factor()
    assert factor is not None
    low, high = RATE_PERCENT[target]
    percent = _clamped(factor * 100, low, high)
    text = f"{format_number(percent)}%"
    if percent != factor * 100:
        return _changed(
            rate, text, f"{PLATFORM_NAMES[target]}'s rates run from {low:g}% to {high:g}%"
        )
    return Converted(text)


def _pitch(target: Target, pitch: Pitch) -> Converted:
    vendor = PLATFORM_NAMES[target]
    factor = pitch.factor()
    if factor is None:  # Hz: the change depends on the voice's own pitch
        return Converted(
            None,
            f"pitch {pitch.text!r} is dropped: {vendor} takes no Hz values, and how many "
            "percent a number of Hz is depends on the voice",
        )
    assert pitch.number is not None
    low, high = PITCH_PERCENT
    if target == "google" and pitch.form == "semitones":
        semitones = _clamped(pitch.number, -_SEMITONES, _SEMITONES)
        text = f"{format_number(semitones, sign=True)}st"
        if semitones != pitch.number:
            return _changed(pitch, text, "Google's pitch runs from -20st to +20st")
        return Converted(text)
    percent = (factor - 1) * 100
    if low <= percent <= high:
        return Converted(f"{format_number(percent, sign=True)}%")
    if target == "google":  # outside the percent range, semitones say the same exactly
        exact = 12 * math.log2(factor) if factor > 0 else -math.inf
        semitones = _clamped(exact, -_SEMITONES, _SEMITONES)
        text = f"{format_number(semitones, sign=True)}st"
        if semitones != exact:
            return _changed(pitch, text, "Google's pitch runs from -20st to +20st")
        return Converted(text)
    text = f"{format_number(_clamped(percent, low, high), sign=True)}%"
    return _changed(pitch, text, f"{vendor}'s relative pitch runs from -33.3% to +50%")


def _volume(target: Target, volume: Volume) -> Converted:
    text = volume.to_w3c()
    if target != "google" or text == "silent":
        return Converted(text)
    decibels = float(text[:-2])
    low, high = _GOOGLE_DB
    if low <= decibels <= high:
        return Converted(text)
    written = f"{format_number(_clamped(decibels, low, high), sign=True)}dB"
    return _changed(volume, written, "Google's volume gain runs from -96dB to +16dB")


# The tree's interpret-as values a platform calls differently; it writes the others as
# they are, but for those it lacks.
_RENAMED: dict[str, dict[str, str]] = {
    "polly": {"number_digit": "digits"},
    "google": {"number": "cardinal", "number_digit": "characters"},
}
# The tree's interpret-as values a platform has no say-as for.
_LACKING: dict[str, frozenset[str]] = {
    "polly": frozenset({"time", "duration", "currency", "name"}),
    "google": frozenset({"duration", "address", "name"}),
}
#: A platform's own interpret-as name → the tree's, for reading its SSML back.
INTERPRET_READ_BACK: dict[str, dict[str, str]] = {"polly": {"digits": "number_digit"}}
# Why a platform lacks a say-as the tree has.
_MISSING: dict[str, str] = {
    "time": "Amazon Polly's 'time' is a length in minutes and seconds (1'21\"), not a time of day",
    "duration": "{vendor} has no say-as for a duration",
    "currency": "{vendor} has no say-as for an amount of money",
    "name": "{vendor} has no say-as for a name",
    "address": "{vendor} has no say-as for an address",
}
# Date formats both platforms take (and ssml-check-core knows): every one but ydm.
_DATE_FORMATS = tuple(form for form in DATE_FORMATS if form != "ydm")
_TIME_FORMATS = ("hms12", "hms24")


def say_as(target: Target, interpret_as: str, form: str | None) -> SayAsForm:
    """The say-as ``interpret_as``/``form`` of the tree in ``target``'s SSML."""
    vendor = PLATFORM_NAMES[target]
    if interpret_as in _LACKING[target]:
        why = _MISSING[interpret_as].format(vendor=vendor)
        return SayAsForm(None, None, f"say-as {interpret_as!r} is dropped, its text kept: {why}")
    written = _RENAMED[target].get(interpret_as, interpret_as)
    if form is None:
        if written == "date" and target == "polly":
            return SayAsForm(
                None,
                None,
                "say-as 'date' without a format is dropped, its text kept: "
                "Amazon Polly needs the date's format",
            )
        return SayAsForm(written, None)
    if written == "date" and form in _DATE_FORMATS:
        return SayAsForm(written, form)
    if written == "time" and form in _TIME_FORMATS:
        return SayAsForm(written, form)
    if written == "date" and target == "polly":
        return SayAsForm(
            None,
            None,
            f"say-as 'date' in format {form!r} is dropped, its text kept: "
            "Amazon Polly has no such date format",
        )
    return SayAsForm(
        written,
        None,
        f"say-as {interpret_as!r} format {form!r} is dropped: {vendor} "
        f"takes no such format for {written!r}",
    )


def pauses(milliseconds: float) -> list[str]:
    """A pause as ``<break time>`` values of at most :data:`MAX_BREAK_MS` each.

    >>> pauses(2000), pauses(20000)
    (['2000ms'], ['10000ms', '10000ms'])
    """
    found: list[str] = []
    left = milliseconds
    while left > MAX_BREAK_MS:
        found.append(f"{MAX_BREAK_MS}ms")
        left -= MAX_BREAK_MS
    found.append(Duration.from_ms(left).text)
    return found
