"""Value types of the tree: durations and prosody values, and the closed vocabularies.

Each value keeps the exact text it was written as (so a round trip is exact) and
exposes what it means: a :class:`Duration` in milliseconds, a :class:`Rate` as a
factor of normal speed, a :class:`Volume` in W3C decibels.

>>> Duration.parse("1.5s").milliseconds
1500.0
>>> Rate.parse("+30.00%").to_w3c()
'130%'
>>> Volume.parse("+50%").to_w3c()
'+3.52dB'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import ClassVar, Literal, get_args

from ttsbuilder.errors import ArgumentError

__all__ = [
    "BREAK_STRENGTHS",
    "DATE_FORMATS",
    "DURATION_FORMATS",
    "INTERPRET_AS",
    "PITCH_LEVELS",
    "RATE_LEVELS",
    "REMEMBERED_LENGTH",
    "SILENCE_TYPES",
    "TIME_FORMATS",
    "VOLUME_LEVELS",
    "BreakStrength",
    "DateFormat",
    "Duration",
    "DurationFormat",
    "InterpretAs",
    "Pitch",
    "PitchLevel",
    "ProsodyValue",
    "Rate",
    "RateLevel",
    "SilenceType",
    "TimeFormat",
    "Volume",
    "VolumeLevel",
    "format_number",
    "rememberable",
]

BreakStrength = Literal["none", "x-weak", "weak", "medium", "strong", "x-strong"]
SilenceType = Literal[
    "leading", "leading-exact", "tailing", "tailing-exact", "sentenceboundary",
    "sentenceboundary-exact", "comma-exact", "semicolon-exact", "enumerationcomma-exact",
]  # fmt: skip
InterpretAs = Literal[
    "characters", "spell-out", "cardinal", "number", "ordinal", "number_digit", "fraction",
    "date", "time", "duration", "telephone", "currency", "address", "name",
]  # fmt: skip
DateFormat = Literal["dmy", "mdy", "ymd", "ydm", "ym", "my", "md", "dm", "d", "m", "y"]
TimeFormat = Literal["hms12", "hms24"]
DurationFormat = Literal["hms", "hm", "ms"]
PitchLevel = Literal["x-low", "low", "medium", "high", "x-high", "default"]
RateLevel = Literal["x-slow", "slow", "medium", "fast", "x-fast", "default"]
VolumeLevel = Literal["silent", "x-soft", "soft", "medium", "loud", "x-loud", "default"]

# The same vocabularies as tuples, for membership tests, messages and schema enums.
BREAK_STRENGTHS: tuple[BreakStrength, ...] = get_args(BreakStrength)
SILENCE_TYPES: tuple[SilenceType, ...] = get_args(SilenceType)
INTERPRET_AS: tuple[InterpretAs, ...] = get_args(InterpretAs)
DATE_FORMATS: tuple[DateFormat, ...] = get_args(DateFormat)
TIME_FORMATS: tuple[TimeFormat, ...] = get_args(TimeFormat)
DURATION_FORMATS: tuple[DurationFormat, ...] = get_args(DurationFormat)
PITCH_LEVELS: tuple[PitchLevel, ...] = get_args(PitchLevel)
RATE_LEVELS: tuple[RateLevel, ...] = get_args(RateLevel)
VOLUME_LEVELS: tuple[VolumeLevel, ...] = get_args(VolumeLevel)

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
DURATION_RE = re.compile(rf"({_NUMBER})(ms|s)", re.ASCII)
PITCH_RE = re.compile(
    rf"(?:(?P<hz>{_NUMBER})Hz|(?P<sign>[+-])?(?P<num>{_NUMBER})(?P<unit>Hz|st|%))"
)
RATE_RE = re.compile(rf"(?P<sign>[+-])?(?P<num>{_NUMBER})(?P<unit>%?)")
VOLUME_RE = re.compile(rf"(?P<sign>[+-])?(?P<num>{_NUMBER})(?P<unit>%?)")


def format_number(value: float, *, sign: bool = False, places: int = 2) -> str:
    """A number with at most ``places`` decimals and no trailing zeros; ``sign`` forces ``+``.

    >>> format_number(130.0), format_number(3.5218, sign=True), format_number(-0.0, sign=True)
    ('130', '+3.52', '+0')
    """
    rounded = round(value, places)
    if rounded == 0:
        rounded = 0.0
    text = f"{rounded:.{places}f}"
    if "." in text:  # with no decimals (places=0) a trailing zero is a digit: 130 is 130
        text = text.rstrip("0").rstrip(".")
    if sign and rounded >= 0:
        text = "+" + text
    return text


@dataclass(frozen=True, slots=True, eq=False)
class Duration:
    """A pause length such as ``2000ms``, ``2s`` or ``1.5s``.

    Compares, orders and hashes by length; ``text`` keeps how it was written:

    >>> Duration("500ms").milliseconds, Duration("2s") == Duration("2000ms")
    (500.0, True)
    >>> Duration("2s") <= Duration("2500ms"), Duration.from_ms(250).text
    (True, '250ms')
    """

    text: str
    milliseconds: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "milliseconds", _milliseconds(self.text, "value"))

    @classmethod
    def parse(cls, text: str, *, argument: str = "value") -> Duration:
        """Read ``text``; raise :class:`ArgumentError` naming ``argument`` unless a duration."""
        milliseconds = _milliseconds(text, argument)
        duration: Duration = _new(cls)  # the text is read once, not again in __post_init__
        _set_text(duration, text)
        _set_milliseconds(duration, milliseconds)
        return duration

    @classmethod
    def from_ms(cls, milliseconds: float) -> Duration:
        """A duration of ``milliseconds``, written in ms."""
        return cls.parse(f"{format_number(milliseconds, places=3)}ms", argument="milliseconds")

    @classmethod
    def from_seconds(cls, seconds: float) -> Duration:
        """A duration of ``seconds``, written in s."""
        return cls.parse(f"{format_number(seconds, places=3)}s", argument="seconds")

    def whole_ms(self) -> str:
        """The duration in whole milliseconds (``1.5s`` → ``1500ms``), for engines that need it."""
        return f"{round(self.milliseconds)}ms"

    def __eq__(self, other: object) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self.milliseconds == other.milliseconds

    def __hash__(self) -> int:
        return hash(self.milliseconds)

    def __lt__(self, other: Duration) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self.milliseconds < other.milliseconds

    def __le__(self, other: Duration) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self.milliseconds <= other.milliseconds

    def __gt__(self, other: Duration) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self.milliseconds > other.milliseconds

    def __ge__(self, other: Duration) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self.milliseconds >= other.milliseconds

    def __str__(self) -> str:
        return self.text


_new = object.__new__
_set_text = Duration.__dict__["text"].__set__
_set_milliseconds = Duration.__dict__["milliseconds"].__set__


def _milliseconds(text: object, argument: str) -> float:
    match = DURATION_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ArgumentError(
            f"{argument}={text!r} is not a duration: write a number and ms or s, "
            "like '2000ms', '2s' or '1.5s'",
            argument=argument,
            value=text,
        )
    number, unit = match.groups()
    # Shifting the decimal point in the text rounds once: '1.1s' and '1100ms' are equal.
    return float(f"{number}e3") if unit == "s" else float(number)


@dataclass(frozen=True, slots=True, eq=False)
class ProsodyValue:
    """Common shape of :class:`Pitch`, :class:`Rate` and :class:`Volume`.

    ``form`` is ``keyword``, ``absolute``, ``relative`` (signed number), ``percent``,
    ``hertz`` (signed Hz), ``semitones`` or ``multiplier``; ``number`` is the signed
    amount (``None`` for a keyword); ``signed`` tells whether the text carried a sign.

    Two values of one attribute are equal (and hash alike) when they mean the same
    (:meth:`meaning`), however written; they have no order, as ``high`` and ``+10%``
    have none without a voice:

    >>> Rate.parse("+30%") == Rate.parse("1.3"), Volume.parse("-50") == Volume.parse("50")
    (True, True)
    """

    text: str
    form: str = "keyword"
    number: float | None = None
    signed: bool = False

    attribute: ClassVar[str] = "value"
    levels: ClassVar[tuple[str, ...]] = ()
    allowed: ClassVar[str] = ""

    @classmethod
    def parse(cls, text: str) -> ProsodyValue:
        """Read ``text``; raise :class:`ArgumentError` if it is not a value of this attribute."""
        parsed = cls.read(text) if isinstance(text, str) else None
        if parsed is None:
            raise ArgumentError(
                f"{cls.attribute}={text!r} is not allowed: use {cls.allowed}",
                argument=cls.attribute,
                value=text,
            )
        return parsed

    @classmethod
    def read(cls, text: str) -> ProsodyValue | None:
        """The value ``text`` means, or None when it is not one; remembered per text."""
        # A dict per class, not functools.lru_cache: benchmarks/bench_caches.py measures
        # lru_cache behind this classmethod 1.5x slower, and the builder calls it per value.
        cache = _CACHES.setdefault(cls, {})
        try:
            return cache[text]
        except KeyError:
            pass
        if len(text) > REMEMBERED_LENGTH:
            return cls._read(text)
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        value = cache[text] = cls._read(text)
        return value

    @classmethod
    def _read(cls, text: str) -> ProsodyValue | None:
        raise NotImplementedError

    def meaning(self) -> tuple[str, str | float]:
        """What the value means, as ``==`` and ``hash`` see it: a level keyword, or a
        number on one scale per attribute (a factor, Hz, or Azure's 0–100 volume)."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProsodyValue):
            return NotImplemented
        return type(self) is type(other) and self.meaning() == other.meaning()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.meaning()))

    def azure(self) -> str:
        """The value as Azure SSML writes it: relative values always carry a sign."""
        if self.form in ("keyword", "absolute", "multiplier") or self.signed:
            return self.text
        return "+" + self.text

    def __str__(self) -> str:
        return self.text


# Conversions clamp absurd (well-formed, far out of range) numbers to keep output finite.
_MOST = 1e6

#: The longest text a cache of verdicts remembers, here and in the rules, the builder and
#: the SSML writer. Prompts repeat short values ("2000ms", "+30%", dates); a longer text
#: is judged anew each time, so that thousands of megabyte-long values sent to a service
#: cannot fill its memory through the caches.
REMEMBERED_LENGTH = 256


def rememberable(key: object) -> bool:
    """Whether a cache may remember ``key``: a text, or a tuple whose texts are all, at
    most :data:`REMEMBERED_LENGTH` long.

    >>> rememberable(("break", "2000ms", None)), rememberable("0" * 300 + "1ms")
    (True, False)
    """
    parts = key if type(key) is tuple else (key,)
    return all(type(part) is not str or len(part) <= REMEMBERED_LENGTH for part in parts)


# Prompts reuse a handful of values ("+30%", "high"): parsing each text once pays off.
_CACHE_SIZE = 4096
_CACHES: dict[type[ProsodyValue], dict[str, ProsodyValue | None]] = {}


def _signed(sign: str | None, number: str) -> float:
    value = float(number)
    return -value if sign == "-" else value


@dataclass(frozen=True, slots=True, eq=False)
class Pitch(ProsodyValue):
    """A prosody ``pitch``: a level, ``600Hz``, ``+80Hz``, ``-2st`` or ``+50%``.

    >>> Pitch.parse("-2st").form, Pitch.parse("-2st").number
    ('semitones', -2.0)
    """

    attribute: ClassVar[str] = "pitch"
    levels: ClassVar[tuple[str, ...]] = PITCH_LEVELS
    allowed: ClassVar[str] = (
        f"a level ({', '.join(PITCH_LEVELS)}), an absolute '600Hz', "
        "or a relative '+80Hz', '-2st', '+50%'"
    )

    @classmethod
    def _read(cls, text: str) -> Pitch | None:
        if text in PITCH_LEVELS:
            return cls(text)
        match = PITCH_RE.fullmatch(text)
        if match is None:
            return None
        if match["hz"] is not None:
            return cls(text, "absolute", float(match["hz"]))
        sign, unit = match["sign"], match["unit"]
        if unit != "%" and sign is None:
            return None  # a relative Hz or st value needs its sign; '80Hz' matched above
        form = {"Hz": "hertz", "st": "semitones", "%": "percent"}[unit]
        return cls(text, form, _signed(sign, match["num"]), sign is not None)

    def factor(self) -> float | None:
        """The pitch as a factor of the voice's normal pitch, where that is known."""
        if self.number is None:
            return None
        if self.form == "percent":
            return 1 + self.number / 100
        if self.form == "semitones":
            return float(2.0 ** min(self.number / 12, 1000.0))  # bounded: no OverflowError
        return None

    def meaning(self) -> tuple[str, str | float]:
        """A level, an absolute ``Hz``, a change in ``+Hz``, or a ``factor`` (``%``, ``st``).

        >>> Pitch.parse("+12st").meaning(), Pitch.parse("+0Hz").meaning()
        (('factor', 2.0), ('factor', 1.0))
        """
        factor = self.factor()
        if factor is not None or (self.number == 0 and self.form == "hertz"):
            return ("factor", 1.0 if factor is None else factor)
        if self.number is None:
            return ("level", self.text)
        return ("Hz" if self.form == "absolute" else "+Hz", self.number)

    def to_w3c(self) -> str:
        """The value in SSML 1.1 form (W3C pitch takes the same forms, signed)."""
        return self.azure()


@dataclass(frozen=True, slots=True, eq=False)
class Rate(ProsodyValue):
    """A prosody ``rate``: a level, a multiplier ``0.5``…``2`` or a percent ``+30%``.

    >>> Rate.parse("1.5").to_w3c(), Rate.parse("-20%").to_w3c()
    ('150%', '80%')
    """

    attribute: ClassVar[str] = "rate"
    levels: ClassVar[tuple[str, ...]] = RATE_LEVELS
    allowed: ClassVar[str] = (
        f"a level ({', '.join(RATE_LEVELS)}), a multiplier like '1.5' (0.5 to 2), "
        "or a percent like '+30%'"
    )

    @classmethod
    def _read(cls, text: str) -> Rate | None:
        if text in RATE_LEVELS:
            return cls(text)
        match = RATE_RE.fullmatch(text)
        if match is None:
            return None
        sign, unit = match["sign"], match["unit"]
        if unit == "%":
            return cls(text, "percent", _signed(sign, match["num"]), sign is not None)
        if sign is not None:
            return None  # a multiplier has no sign
        return cls(text, "multiplier", float(match["num"]))

    def factor(self) -> float | None:
        """The speed as a factor of normal speed (``+30%`` → 1.3); ``None`` for a level."""
        if self.number is None:
            return None
        if self.form == "percent":
            return 1 + self.number / 100
        return self.number

    def meaning(self) -> tuple[str, str | float]:
        """A level, or the ``factor`` of normal speed (``+30%`` and ``1.3`` alike)."""
        factor = self.factor()
        return ("level", self.text) if factor is None else ("factor", factor)

    def to_w3c(self) -> str:
        """SSML 1.1 rate: a level, or a non-negative percent of normal speed."""
        factor = self.factor()
        if factor is None:
            return self.text
        return f"{format_number(min(max(factor, 0.0), _MOST) * 100)}%"


@dataclass(frozen=True, slots=True, eq=False)
class Volume(ProsodyValue):
    """A prosody ``volume``: a level, ``0``…``100``, ``+10``/``-5.5`` or ``+50%``.

    >>> Volume.parse("50").to_w3c(), Volume.parse("0").to_w3c()
    ('-6.02dB', 'silent')
    """

    attribute: ClassVar[str] = "volume"
    levels: ClassVar[tuple[str, ...]] = VOLUME_LEVELS
    allowed: ClassVar[str] = (
        f"a level ({', '.join(VOLUME_LEVELS)}), an absolute 0 to 100, a relative '+10', "
        "or a percent like '+50%'"
    )

    @classmethod
    def _read(cls, text: str) -> Volume | None:
        if text in VOLUME_LEVELS:
            return cls(text)
        match = VOLUME_RE.fullmatch(text)
        if match is None:
            return None
        sign, unit = match["sign"], match["unit"]
        number = _signed(sign, match["num"])
        if unit == "%":
            return cls(text, "percent", number, sign is not None)
        if sign is None:
            return cls(text, "absolute", number)
        return cls(text, "relative", number, True)

    def level(self) -> float | None:
        """The resulting volume on Azure's 0–100 scale (default 100), before clamping."""
        if self.number is None:
            return None
        if self.form == "absolute":
            return self.number
        if self.form == "relative":
            return 100 + self.number
        return 100 * (1 + self.number / 100)

    def meaning(self) -> tuple[str, str | float]:
        """A level, or the resulting ``volume`` on the 0–100 scale (``-50``, ``50``, ``-50%``)."""
        level = self.level()
        return ("level", self.text) if level is None else ("volume", level)

    def to_w3c(self) -> str:
        """SSML 1.1 volume: a level, ``silent``, or a signed change in dB."""
        level = self.level()
        if level is None:
            return self.text
        if level <= 0:
            return "silent"
        return f"{format_number(20 * math.log10(min(level, _MOST) / 100), sign=True)}dB"


PROSODY_TYPES: dict[str, type[ProsodyValue]] = {"pitch": Pitch, "rate": Rate, "volume": Volume}
