"""The builder's promises that its mutation survivors showed no test held (docs/mutation.md).

Expected values come from outside the code under test: validate()'s verdict on the same
tree, SPEC's wording, the docs (docs/builder.md), or a value written by hand.
"""

from __future__ import annotations

from typing import Any

import pytest

from ttsbuilder.builder import Prompt, hz, ms, percent, seconds, semitones
from ttsbuilder.builder import prompt as prompt_module
from ttsbuilder.errors import BuildError
from ttsbuilder.model import ExpressAs, Prosody, Text
from ttsbuilder.validation import validate
from ttsbuilder.values import Duration

# ---------------------------------------------------------------- typed helpers


@pytest.mark.parametrize(
    ("call", "argument", "value", "message"),
    [
        (lambda: ms("5"), "milliseconds", "5", "milliseconds='5' is not a number"),
        (lambda: seconds(None), "seconds", None, "seconds=None is not a number"),
        (lambda: percent(True), "percent", True, "percent=True is not a number"),
        (lambda: hz(float("inf")), "frequency", float("inf"), "frequency=inf is not a finite"),
        (lambda: semitones(10**400), "semitones", 10**400, "is not a finite number"),
        (lambda: ms(-1), "milliseconds", -1, "milliseconds=-1 is negative: a pause is 0ms or"),
        (lambda: seconds(-0.5), "seconds", -0.5, "seconds=-0.5 is negative: a pause is 0s or"),
        (lambda: hz(-80), "frequency", -80, "negative: use a relative pitch like '-80Hz'"),
    ],
)
def test_a_helper_s_error_names_its_argument_and_the_value_given(
    call: Any, argument: str, value: object, message: str
) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    assert caught.value.argument == argument
    assert caught.value.value == value
    assert message in str(caught.value)


def test_helpers_take_zero_and_fractions_below_one() -> None:
    # A pause of 0ms is a pause (SPEC §1: 0ms or longer); only a negative one is refused.
    assert ms(0) == Duration("0ms")
    assert ms(0.5).text == "0.5ms"
    assert seconds(0).text == "0s"
    assert seconds(0.25).text == "0.25s"
    assert hz(0) == "0Hz"
    assert hz(0.5) == "0.5Hz"


# ---------------------------------------------------------------- numbers as arguments


def test_number_arguments_are_written_with_at_most_two_decimals() -> None:
    # docs/builder.md: a number is written as the helpers write it, at most two decimals.
    tree = Prompt().prosody("x", rate=1.256, volume=33.333).to_dict()
    assert tree == {"prosody": {"rate": "1.26", "volume": "33.33", "text": "x"}}
    assert validate(tree, kind="tts") == []
    degree = Prompt(profile="azure").express_as("calm", "x", styledegree=1.255).to_dict()
    assert degree["express-as"]["styledegree"] in ("1.25", "1.26")  # binary 1.255 rounds down


@pytest.mark.parametrize("argument", ["rate", "volume"])
def test_a_number_that_is_no_number_is_named_as_given(argument: str) -> None:
    with pytest.raises(BuildError) as caught:
        Prompt().prosody("x", **{argument: float("inf")})
    assert caught.value.argument == argument
    assert caught.value.value == float("inf")
    assert str(caught.value) == f"prosody({argument}=inf): not a finite number"


# ---------------------------------------------------------------- profiles and +


def test_content_of_another_profile_is_refused_where_validate_finds_the_problem() -> None:
    long_pause = Prompt(profile="azure").text("Hi").break_("10s")
    # validate()'s own verdict on the same tree under enablex: the pointer and the hint
    (expected,) = [
        p for p in validate(long_pause.to_dict(), kind="tts", profile="enablex") if p.is_error
    ]
    assert expected.pointer == "/break/value"
    with pytest.raises(BuildError) as caught:
        Prompt() + long_pause
    assert caught.value.argument == "content"
    assert caught.value.value == expected.pointer
    assert caught.value.hint == expected.hint
    assert str(caught.value) == (
        f"+(content=...): built for another profile: {expected.message} (at /break/value)"
    )


def test_a_str_added_before_a_prompt_is_checked_as_a_text() -> None:
    assert ("Hi " + Prompt(profile="azure").break_("10s")).profile == "azure"
    assert ("Hi " + Prompt(profile="azure")).to_dict() == {"text": "Hi "}
    with pytest.raises(BuildError) as caught:
        "\x00" + Prompt()
    assert caught.value.argument == "text"
    assert str(caught.value).startswith("+(text='\\x00'): ")


def test_a_prompt_refuses_to_lose_an_attribute() -> None:
    with pytest.raises(AttributeError) as caught:
        del Prompt("Hi")._nodes
    assert str(caught.value) == "Prompt is immutable"


# ---------------------------------------------------------------- warnings


def test_warnings_are_validate_s_for_the_prompt_s_language() -> None:
    prompt = Prompt().say_as("duration", "1:30:00", "hms")
    # SPEC (say-as duration): spoken in English and Spanish only; validate() says so.
    expected = validate(prompt.to_dict(), kind="tts", profile="enablex", language="de-DE")
    assert [p.code for p in expected] != []
    assert prompt.warnings(language="de-DE") == expected
    assert prompt.warnings(language="en-US") == []
    assert prompt.warnings() == []
    # An empty prompt is an empty tree (TTS110), not "no tree found" (kind given, not guessed).
    assert [p.code for p in Prompt().warnings()] == ["TTS110"]


def test_a_language_that_is_no_str_is_named() -> None:
    with pytest.raises(BuildError) as caught:
        Prompt().warnings(language=5)  # type: ignore[arg-type]
    assert caught.value.argument == "language"
    assert caught.value.value == 5
    assert str(caught.value).startswith("warnings(language=5): ")


# ---------------------------------------------------------------- the direct constructors


def test_slot_setters_set_the_slots_they_name() -> None:
    # Built at import (before mutation testing activates a mutant): called here as well.
    set_style, set_role = prompt_module._slot_setters(ExpressAs, "style role")
    node = ExpressAs("calm", (Text("x"),))
    set_style(node, "gentle")
    set_role(node, "Girl")
    assert (node.style, node.role) == ("gentle", "Girl")
    (set_rate,) = prompt_module._slot_setters(Prosody, "rate")
    assert callable(set_rate)
