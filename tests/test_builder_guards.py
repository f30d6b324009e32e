"""The builder's promises that its mutation survivors showed no test held (docs/mutation.md).

Expected values come from outside the code under test: validate()'s verdict on the same
tree, SPEC's wording, the docs (docs/builder.md), or a value written by hand.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from ttsbuilder.builder import Prompt, hz, ms, seconds
from ttsbuilder.builder import prompt as prompt_module
from ttsbuilder.errors import BuildError
from ttsbuilder.model import ExpressAs, Prosody, Text
from ttsbuilder.validation import validate
from ttsbuilder.values import Duration

# ---------------------------------------------------------------- typed helpers


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


# ---------------------------------------------------------------- each error names its call


@pytest.mark.parametrize(
    ("call", "start"),
    [
        (lambda: Prompt().break_("5000ms"), "break_(value='5000ms'): "),
        (lambda: Prompt().break_(0), "break_(value=0): a duration needs its unit"),
        (lambda: Prompt().silence("leading", "9s"), "silence(value='9s'): "),
        (lambda: Prompt().prosody("x", pitch="up"), "prosody(pitch='up'): "),
        (lambda: Prompt().prosody("x", rate=float("nan")), "prosody(rate=nan): "),
        (lambda: Prompt().prosody("x", volume=float("nan")), "prosody(volume=nan): "),
        (lambda: Prompt().prosody("\x00"), "prosody(content='\\x00'): "),
        (lambda: Prompt().prosody(Prompt().silence("leading", "1s")), "prosody(content=...): "),
        (lambda: Prompt().express_as("gentle", "\x00"), "express_as(content='\\x00'): "),
        (
            lambda: Prompt(profile="azure").express_as("calm", "x", styledegree=float("inf")),
            "express_as(styledegree=inf): ",
        ),
        (lambda: Prompt().say_as("cardinal", "1", "dmy"), "say_as(format='dmy'): "),
        (lambda: Prompt().characters(""), "characters(text=''): "),
        (lambda: Prompt().date("2020-13-01"), "date(value='2020-13-01'): "),
        (lambda: Prompt().ordinal(10**5000), "ordinal(value=<int of 16610 bits>): a number too"),
        (lambda: Prompt().cardinal(10**5000), "cardinal(value=<int of 16610 bits>): a number"),
        (lambda: Prompt().telephone("5", 10**5000), "telephone(country_code=<int of 16610 bits>)"),
        (lambda: Prompt.from_dict({}, profile="x"), "from_dict(profile='x'): unknown profile"),
        (lambda: Prompt.from_tree(None, profile="x"), "from_tree(profile='x'): unknown profile"),
    ],
)
def test_each_error_starts_with_the_call_and_argument(call: Any, start: str) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    assert str(caught.value).startswith(start)


def test_a_pause_of_zero_needs_its_unit_like_any_number() -> None:
    with pytest.raises(BuildError) as caught:
        Prompt().break_(0)
    assert caught.value.hint == "write '0ms' or ms(0)"
    # The hint writes milliseconds as ms() does: three decimals (2.125 is exact in binary).
    with pytest.raises(BuildError) as caught:
        Prompt().break_(2.125)
    assert caught.value.hint == "write '2.125ms' or ms(2.125)"
    assert ms(2.125).text == "2.125ms"


@pytest.mark.parametrize(
    "call",
    [
        lambda: Prompt().text(["Hi"]),
        lambda: Prompt().silence(["leading"], "1s"),
        lambda: Prompt().break_(["1s"]),
        lambda: Prompt().digits(["1"]),
        lambda: Prompt().date({"2020": 1}),
        lambda: Prompt().prosody("x", rate=["slow"]),
        lambda: Prompt().express_as(["calm"], "x"),
        lambda: Prompt(profile=["azure"]),  # type: ignore[arg-type]
    ],
)
def test_an_unhashable_argument_is_a_build_error_not_a_type_error(call: Any) -> None:
    with pytest.raises(BuildError):
        call()


def test_hints_of_text_errors() -> None:
    with pytest.raises(BuildError) as caught:
        Prompt().text(None)  # type: ignore[arg-type]
    assert caught.value.hint == "pass a str"
    with pytest.raises(BuildError) as caught:
        Prompt().text("a\x00")
    assert caught.value.hint == "remove it or replace it with a space"
    with pytest.raises(BuildError) as caught:
        Prompt().time(datetime.time(14, 30, tzinfo=datetime.timezone.utc))
    assert caught.value.hint == (
        "convert it to the listener's local time, then .replace(tzinfo=None)"
    )


def test_nesting_too_deep_names_the_content() -> None:
    inner = Prompt("deep")
    for _ in range(16):  # SPEC: nesting deeper than 16 levels is refused
        inner = Prompt().prosody(inner, rate="slow")
    with pytest.raises(BuildError) as caught:
        Prompt().prosody(inner, rate="slow")
    assert caught.value.argument == "content"
    assert str(caught.value) == "prosody(content=...): nesting deeper than 16 levels"


# ---------------------------------------------------------------- numbering past 64


def test_members_past_the_sixty_fourth_are_numbered_on() -> None:
    # SPEC §1: text, text2, text3, ... with no upper bound on the suffix.
    one = Prompt("a").break_("1s").prosody("p", rate="slow").say_as("name", "n")
    many = Prompt(*[one] * 70)
    tree = many.to_dict()
    for kind in ("text", "break", "prosody", "say-as"):
        assert [k for k in tree if k.rstrip("0123456789") == kind][-3:] == [
            f"{kind}68",
            f"{kind}69",
            f"{kind}70",
        ]
    assert validate(tree, kind="tts") == []


# ---------------------------------------------------------------- repr


@pytest.mark.parametrize(
    ("prompt", "code"),
    [
        (Prompt().characters("AB"), "Prompt().characters('AB')"),
        (Prompt().say_as("name", "Anna"), "Prompt().say_as('name', 'Anna')"),
        (Prompt().say_as("date", "2020", "y"), "Prompt().date('2020', 'y')"),
        (Prompt().say_as("cardinal", "x1"), "Prompt().say_as('cardinal', 'x1')"),
        (Prompt().telephone("555", 1), "Prompt().telephone('555', country_code='1')"),
    ],
)
def test_repr_writes_the_helper_that_makes_the_node(prompt: Prompt, code: str) -> None:
    assert repr(prompt) == code


def test_content_of_another_profile_keeps_the_rule_s_hint() -> None:
    # azure warns about an unknown style; enablex refuses it, with validate()'s hint
    styled = Prompt(profile="azure").express_as("cheerfull", "x")
    (expected,) = validate(styled.to_dict(), kind="tts", profile="enablex")
    assert expected.hint == "did you mean 'cheerful'?"
    with pytest.raises(BuildError) as caught:
        Prompt() + styled
    assert caught.value.hint == expected.hint
    assert caught.value.value == "/express-as/style"
