"""Value types: parse, compare, format and convert."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.errors import ArgumentError
from ttsbuilder.values import Duration, Pitch, Rate, Volume, format_number


@pytest.mark.parametrize(
    ("text", "ms"), [("2000ms", 2000.0), ("2s", 2000.0), ("1.5s", 1500.0), ("0ms", 0.0)]
)
def test_duration_parse(text: str, ms: float) -> None:
    duration = Duration.parse(text)
    assert duration.milliseconds == ms
    assert str(duration) == text


@pytest.mark.parametrize("text", ["2000", "2 s", "-2s", "+2s", "2sec", "", "1e3ms", "٣s"])
def test_duration_refuses(text: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        Duration.parse(text, argument="value")
    assert caught.value.argument == "value"
    assert repr(text) in str(caught.value)


def test_duration_order_equality_and_forms() -> None:
    assert Duration.parse("2s") < Duration.parse("2500ms")
    assert Duration.parse("2s") == Duration.parse("2000ms")  # equal length, different text
    assert Duration.parse("2s").text != Duration.parse("2000ms").text
    assert Duration.parse("2s").milliseconds == Duration.parse("2000ms").milliseconds
    assert Duration.from_ms(250).text == "250ms"
    assert Duration.from_seconds(1.5).text == "1.5s"
    assert Duration.parse("1.5s").whole_ms() == "1500ms"
    assert hash(Duration.parse("2s")) == hash(Duration.parse("2s"))


@given(st.integers(min_value=0, max_value=10**6))
def test_duration_from_ms_round_trips(ms: int) -> None:
    assert Duration.parse(Duration.from_ms(ms).text).milliseconds == ms


@pytest.mark.parametrize(
    ("text", "form", "number"),
    [
        ("high", "keyword", None),
        ("600Hz", "absolute", 600.0),
        ("+80Hz", "hertz", 80.0),
        ("-2st", "semitones", -2.0),
        ("+50%", "percent", 50.0),
        ("-20%", "percent", -20.0),
    ],
)
def test_pitch_forms(text: str, form: str, number: float | None) -> None:
    pitch = Pitch.parse(text)
    assert (pitch.form, pitch.number) == (form, number)


@pytest.mark.parametrize("text", ["2st", "80hz", "+x%", "higher", "", "+-2st"])
def test_pitch_refuses(text: str) -> None:
    with pytest.raises(ArgumentError, match="pitch"):
        Pitch.parse(text)


@pytest.mark.parametrize(
    ("text", "w3c"),
    [("+30.00%", "130%"), ("-20%", "80%"), ("1.5", "150%"), ("0.5", "50%"), ("fast", "fast"),
     ("30%", "130%"), ("-150%", "0%")],
)  # fmt: skip
def test_rate_to_w3c(text: str, w3c: str) -> None:
    assert Rate.parse(text).to_w3c() == w3c


@pytest.mark.parametrize(
    ("text", "w3c"),
    [("+50%", "+3.52dB"), ("+50.00%", "+3.52dB"), ("-20%", "-1.94dB"), ("0", "silent"),
     ("100", "+0dB"), ("50", "-6.02dB"), ("+10", "+0.83dB"), ("-100%", "silent"),
     ("loud", "loud")],
)  # fmt: skip
def test_volume_to_w3c(text: str, w3c: str) -> None:
    assert Volume.parse(text).to_w3c() == w3c


@pytest.mark.parametrize(
    ("value", "azure"),
    [(Rate.parse("30%"), "+30%"), (Rate.parse("-30%"), "-30%"), (Rate.parse("1.2"), "1.2"),
     (Volume.parse("50%"), "+50%"), (Volume.parse("50"), "50"), (Pitch.parse("5%"), "+5%")],
)  # fmt: skip
def test_azure_forms_carry_explicit_signs(value: Rate | Volume | Pitch, azure: str) -> None:
    assert value.azure() == azure


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_rate_percent_conversion_matches_the_factor(percent: float) -> None:
    text = f"{percent:+.2f}%"
    w3c = Rate.parse(text).to_w3c()
    assert math.isclose(float(w3c.rstrip("%")), max(0.0, 100 + round(percent, 2)), abs_tol=0.01)


def test_values_compare_by_meaning_and_hash() -> None:
    assert Rate.parse("+30%") == Rate.parse("+30%")
    assert Rate.parse("+30%") == Rate.parse("+30.00%") == Rate.parse("1.3")
    assert Rate.parse("+30%").text != Rate.parse("+30.00%").text
    assert len({Rate.parse("+30%"), Rate.parse("+30.00%")}) == 1
    assert Rate.parse("slow") != Rate.parse("x-slow")
    assert Pitch.parse("+50%") != Rate.parse("+50%")  # different attributes


def test_format_number() -> None:
    assert format_number(130.0) == "130"
    assert format_number(3.5218, sign=True) == "+3.52"
    assert format_number(-0.001, sign=True) == "+0"
    assert format_number(-1.94) == "-1.94"


def test_relative_volume_is_read_as_relative() -> None:
    # SPEC §1: volume "+10" / "-5.5" is relative (a step on the 0-100 scale), "10" absolute.
    assert (Volume.parse("+10").form, Volume.parse("-5.5").form) == ("relative", "relative")
    assert Volume.parse("10").form == "absolute"


def test_unsigned_percent_pitch_parses() -> None:
    pitch = Pitch.parse("50%")
    assert (pitch.form, pitch.number) == ("percent", 50.0)


def test_from_seconds_names_its_argument() -> None:
    with pytest.raises(ArgumentError) as caught:
        Duration.from_seconds(-1)
    assert caught.value.argument == "seconds"
    assert str(caught.value).startswith("seconds='-1s' is not a duration")


def test_a_whole_number_keeps_its_trailing_zeros_without_decimals() -> None:
    # With places=0 there is no decimal point: the zeros of 130 are digits, not padding.
    assert format_number(130, places=0) == "130"
    assert format_number(1000.0, places=0) == "1000"
    assert format_number(129.6, places=0) == "130"
    assert format_number(130.50, places=2) == "130.5"
