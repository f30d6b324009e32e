"""The fluent builder: valid output, exact round trips, errors at the call, value semantics."""

from __future__ import annotations

import datetime
import pickle
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ttsbuilder.builder as builder_module
from ttsbuilder.builder import Prompt, hz, ms, percent, seconds, semitones
from ttsbuilder.builder.types import (
    BreakStrength,
    DateFormat,
    DurationFormat,
    InterpretAs,
    PitchLevel,
    RateLevel,
    Role,
    SilenceType,
    Style,
    TimeFormat,
    VolumeLevel,
)
from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import BuildError, ValidationError
from ttsbuilder.model import ExpressAs, Prosody, Text, Tree
from ttsbuilder.profiles import AZURE_STYLES, ENABLEX_STYLES, ROLES
from ttsbuilder.strategies import prompts, trees
from ttsbuilder.validation import validate
from ttsbuilder.values import (
    BREAK_STRENGTHS,
    DATE_FORMATS,
    DURATION_FORMATS,
    INTERPRET_AS,
    PITCH_LEVELS,
    RATE_LEVELS,
    SILENCE_TYPES,
    TIME_FORMATS,
    VOLUME_LEVELS,
)

PROFILES = ("enablex", "azure")
NAMESPACE: dict[str, Any] = {name: getattr(builder_module, name) for name in builder_module.__all__}


# ---------------------------------------------------------------- properties


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_builder_output_always_validates(profile: str, data: st.DataObject) -> None:
    prompt = data.draw(prompts(profile, warnings=True))
    assert [p for p in validate(prompt.to_dict(), kind="tts", profile=profile) if p.is_error] == []


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_round_trip_is_exact(profile: str, data: st.DataObject) -> None:
    prompt = data.draw(prompts(profile))
    document = prompt.to_dict()
    again = Prompt.from_dict(document, profile=profile)
    assert again == prompt
    assert list(again.to_dict().items()) == list(document.items())


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_from_dict_reads_every_valid_tree(profile: str, data: st.DataObject) -> None:
    tree = data.draw(trees(profile, warnings=True))
    assert Prompt.from_dict(tree, profile=profile).to_dict() == tree


@given(prompts("azure", warnings=True))
def test_to_dict_is_the_codec_encoding(prompt: Prompt) -> None:
    encoded = encode_tree(prompt.to_tree())
    assert list(prompt.to_dict().items()) == list(encoded.items())
    assert prompt.to_dict() == encoded


@pytest.mark.parametrize("profile", PROFILES)
@given(data=st.data())
def test_repr_is_the_code_that_makes_it(profile: str, data: st.DataObject) -> None:
    # eval() replays every builder method on generated values: each must accept them.
    prompt = data.draw(prompts(profile, warnings=True))
    rebuilt = eval(repr(prompt), dict(NAMESPACE))
    assert rebuilt == prompt
    assert hash(rebuilt) == hash(prompt)
    assert repr(rebuilt) == repr(prompt)


@given(prompts("azure"))
def test_prompts_pickle(prompt: Prompt) -> None:
    assert pickle.loads(pickle.dumps(prompt)) == prompt


def test_fast_containers_equal_dataclass_construction() -> None:
    prompt = Prompt().prosody("Hi", rate="slow").express_as("gentle", "calm")
    built_prosody, built_express = prompt.nodes
    prosody = Prosody((Text("Hi"),), rate=built_prosody.rate)  # type: ignore[union-attr]
    express = ExpressAs("gentle", (Text("calm"),))
    assert built_prosody == prosody
    assert hash(built_prosody) == hash(prosody)
    assert built_express == express
    assert hash(built_express) == hash(express)


# ---------------------------------------------------------------- the seed sample


def test_seed_sample_in_order() -> None:
    prompt = (
        Prompt()
        .silence("leading", "2000ms")
        .text("Initial Text Play after 2s")
        .break_("2000ms")
        .text("Text Play after 2s break")
        .express_as("gentle", "Text play in gentle voice")
        .prosody(
            Prompt()
            .text("Text play at 30% higher rate & 50% volume")
            .break_(ms(2000))
            .text("Text Play after 2s break")
            .date("10/19/2020", "mdy")
            .text("Text Play"),
            rate="+30.00%",
            pitch="high",
            volume="+50.00%",
        )
    )
    tree = prompt.to_dict()
    assert list(tree) == ["silence", "text", "break", "text2", "express-as", "prosody"]
    assert list(tree["prosody"]) == [
        "rate", "pitch", "volume", "text", "break", "text2", "say-as", "text3",
    ]  # fmt: skip
    assert validate(tree, kind="tts") == []


# ---------------------------------------------------------------- value semantics


def test_a_shared_half_built_prompt_extends_two_ways() -> None:
    menu = Prompt().text("Welcome.").break_("500ms")
    sales = menu.text("Press 1 for sales.")
    support = menu.text("Press 2 for support.")
    assert menu.to_dict() == {"text": "Welcome.", "break": {"value": "500ms"}}
    assert sales.to_dict()["text2"] == "Press 1 for sales."
    assert support.to_dict()["text2"] == "Press 2 for support."
    assert sales != support


def test_prompts_are_immutable() -> None:
    prompt = Prompt().text("Hi")
    with pytest.raises(AttributeError, match="immutable"):
        prompt._nodes = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        prompt.nodes = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del prompt._profile


def test_equality_hash_and_concatenation() -> None:
    a = Prompt().text("Hello")
    b = Prompt().break_("1s").text("world")
    assert a == Prompt("Hello")
    assert hash(a) == hash(Prompt("Hello"))
    assert len({a, Prompt("Hello"), b}) == 2
    assert (a + b).to_dict() == {"text": "Hello", "break": {"value": "1s"}, "text2": "world"}
    assert a + "again" == a.text("again")
    assert ("Oh. " + a).to_dict() == {"text": "Oh. ", "text2": "Hello"}
    assert Prompt("Hi") != Prompt("Hi", profile="azure")
    assert Prompt("Hi") != {"text": "Hi"}
    assert Prompt(a, "and", b) == a.text("and") + b


def test_concatenation_checks_the_right_side_against_the_left_profile() -> None:
    long_pause = Prompt(profile="azure").break_("10s")
    assert (Prompt(profile="azure") + long_pause).profile == "azure"
    with pytest.raises(BuildError, match="too long"):
        Prompt() + long_pause
    # enablex content is always valid azure content
    assert (Prompt(profile="azure") + Prompt().break_("4s")).profile == "azure"


def test_nested_content_of_another_profile_is_rechecked() -> None:
    azure = Prompt(profile="azure")
    assert azure.prosody(Prompt().break_("1s"), rate="slow").profile == "azure"
    with pytest.raises(BuildError, match="too long") as caught:
        Prompt().prosody(azure.break_("6s"), rate="slow")
    assert caught.value.argument == "content"


# ---------------------------------------------------------------- errors at the call


@pytest.mark.parametrize(
    ("call", "argument", "value", "words"),
    [
        (lambda: Prompt().text(""), "text", "", "empty"),
        (lambda: Prompt().text(42), "text", 42, "expected a string"),
        (lambda: Prompt().text("bell\x07"), "text", "bell\x07", "cannot appear"),
        (lambda: Prompt().break_("2 s"), "value", "2 s", "not a duration"),
        (lambda: Prompt().break_(2000), "value", 2000, "ms(2000)"),
        (lambda: Prompt().break_("5000ms"), "value", "5000ms", "below 5000ms"),
        (lambda: Prompt().break_("1s", "lod"), "strength", "lod", "x-strong"),
        (lambda: Prompt().silence("trailing", "1s"), "type", "trailing", "did you mean 'tailing'"),
        (lambda: Prompt().express_as("cheerfull", "x"), "style", "cheerfull", "'cheerful'"),
        (lambda: Prompt().express_as("angry", "x"), "style", "angry", "enablex"),
        # ``value`` is what was passed (errors.py): the number, not the text it is written as
        (lambda: Prompt().express_as("gentle", "x", styledegree=2), "styledegree", 2, "azure"),
        (
            lambda: Prompt(profile="azure").express_as("calm", "x", styledegree=3),
            "styledegree",
            3,
            "0.01 to 2",
        ),
        (lambda: Prompt(profile="azure").express_as("calm", "x", role="Kid"), "role", "Kid", "Boy"),
        # the typed helpers (mutation survivors: their argument, value and reason)
        (lambda: ms("5"), "milliseconds", "5", "is not a number"),
        (lambda: seconds(None), "seconds", None, "is not a number"),
        (lambda: percent(True), "percent", True, "is not a number"),
        (lambda: hz(float("inf")), "frequency", float("inf"), "is not a finite number"),
        (lambda: ms(-1), "milliseconds", -1, "is negative: a pause is 0ms or longer"),
        (lambda: seconds(-0.5), "seconds", -0.5, "is negative: a pause is 0s or longer"),
        (lambda: hz(-80), "frequency", -80, "negative: use a relative pitch like '-80Hz'"),
        (lambda: Prompt().prosody("x", rate="quick"), "rate", "quick", "a percent like '+30%'"),
        (lambda: Prompt().prosody("x", pitch="hihg"), "pitch", "hihg", "did you mean 'high'"),
        (lambda: Prompt().prosody("x", volume="+loud"), "volume", "+loud", "x-loud"),
        (lambda: Prompt().prosody("x", pitch=600), "pitch", 600, "is a string"),
        (lambda: Prompt().say_as("phone", "1"), "interpret_as", "phone", "'telephone'"),
        (lambda: Prompt().say_as("cardinal", "1", "dmy"), "format", "dmy", "takes no format"),
        (lambda: Prompt().say_as("date", "1/2/2020", "dd"), "format", "dd", "dmy, mdy"),
        (lambda: Prompt().date("10/19/2020", "dmy"), "value", "10/19/2020", "month 19"),
        (lambda: Prompt().time("25:00", "hms24"), "value", "25:00", "hour 25"),
        (lambda: Prompt().ordinal("3th"), "value", "3th", "'3rd'"),
        (lambda: Prompt().digits("12a"), "value", "12a", "digits"),
        (lambda: Prompt().telephone("555", country_code="+1"), "country_code", "+1", "country"),
        (lambda: Prompt(profile="azur"), "profile", "azur", "did you mean 'azure'"),
        (lambda: Prompt().prosody(42), "content", 42, "str or a Prompt"),
    ],
)
def test_errors_name_argument_value_and_what_is_allowed(
    call: Any, argument: str, value: object, words: str
) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    assert caught.value.argument == argument
    assert caught.value.value == value
    assert f"{argument}={value!r}" in str(caught.value)
    assert words in str(caught.value)


def test_misplacement_is_raised_at_the_call() -> None:
    silence = Prompt().silence("leading", "1s")
    with pytest.raises(BuildError, match="silence is allowed at the top") as caught:
        Prompt().prosody(silence, rate="slow")
    assert caught.value.argument == "content"
    gentle = Prompt().express_as("gentle", "Hi")
    with pytest.raises(BuildError, match="no nesting"):
        Prompt().express_as("cheerful", gentle)
    with pytest.raises(BuildError, match="no nesting"):
        Prompt().prosody(gentle, rate="slow")


def test_nesting_stops_where_validate_does() -> None:
    inner = Prompt("deep")
    for _ in range(16):
        inner = Prompt().prosody(inner, rate="slow")
    assert validate(inner.to_dict(), kind="tts") == []
    with pytest.raises(BuildError, match="deeper than 16"):
        Prompt().prosody(inner, rate="slow")
    too_deep = {"prosody": inner.to_dict()}
    too_deep["prosody"]["rate"] = "slow"
    assert "TTS111" in {p.code for p in validate(too_deep, kind="tts")}


def test_profile_is_respected_by_every_call() -> None:
    azure = Prompt(profile="azure")
    assert azure.break_("20s").to_dict() == {"break": {"value": "20s"}}
    assert azure.silence("leading", seconds(20)).profile == "azure"
    assert azure.express_as("whispering", "psst", styledegree=0.5, role="Girl").to_dict() == {
        "express-as": {"style": "whispering", "styledegree": "0.5", "role": "Girl", "text": "psst"}
    }
    with pytest.raises(BuildError):
        Prompt().silence("leading", "20s")
    with pytest.raises(BuildError):
        Prompt().express_as("whispering", "psst")
    # a custom style is a warning in the azure profile, not an error
    assert [p.code for p in azure.express_as("pirate", "Ahoy").warnings()] == ["TTS207"]


# ---------------------------------------------------------------- values and helpers


def test_typed_helpers_and_plain_strings_build_the_same_tree() -> None:
    typed = Prompt().break_(ms(2000)).prosody("x", rate=percent(30), pitch=semitones(-2))
    plain = Prompt().break_("2000ms").prosody("x", rate="+30%", pitch="-2st")
    assert typed == plain
    assert Prompt().break_(seconds(1.5)) == Prompt().break_("1.5s")
    assert Prompt().prosody("x", pitch=hz(600)).to_dict()["prosody"]["pitch"] == "600Hz"
    numbers = Prompt().prosody("x", rate=1.5, volume=50).to_dict()["prosody"]
    assert (numbers["rate"], numbers["volume"]) == ("1.5", "50")
    with pytest.raises(BuildError, match="negative"):
        ms(-1)
    with pytest.raises(BuildError, match="not a number"):
        percent("30")  # type: ignore[arg-type]


def test_booleans_are_not_numbers_even_after_a_number_was_remembered() -> None:
    assert Prompt().prosody("x", rate=1).to_dict()["prosody"]["rate"] == "1"
    with pytest.raises(BuildError, match="rate"):
        Prompt().prosody("x", rate=True)  # type: ignore[arg-type]
    assert Prompt(profile="azure").express_as("calm", "x", styledegree=1).profile == "azure"
    with pytest.raises(BuildError, match="styledegree"):
        Prompt(profile="azure").express_as("calm", "x", styledegree=True)


def test_say_as_helpers() -> None:
    def say_as(prompt: Prompt) -> Any:
        return prompt.to_dict()["say-as"]

    day = datetime.date(2020, 10, 19)
    assert say_as(Prompt().date(day))["text"] == "2020-10-19"
    assert say_as(Prompt().date(day, "dmy"))["text"] == "19/10/2020"
    assert say_as(Prompt().date(day, "md"))["text"] == "10/19"
    assert say_as(Prompt().time(datetime.time(9, 5)))["text"] == "9:05"
    assert say_as(Prompt().time(datetime.time(0, 5, 7), "hms12"))["text"] == "12:05:07am"
    assert say_as(Prompt().telephone("+1 555 0100", 1)) == {
        "interpret-as": "telephone",
        "format": "1",
        "text": "+1 555 0100",
    }
    assert say_as(Prompt().digits(4711))["interpret-as"] == "number_digit"
    assert say_as(Prompt().ordinal("21st"))["text"] == "21st"
    assert say_as(Prompt().cardinal(-3.5))["text"] == "-3.5"
    assert say_as(Prompt().characters("IBM"))["interpret-as"] == "characters"
    # say_as() itself lets a mismatch through as a warning
    warned = Prompt().say_as("date", "10/19/2020", "dmy")
    assert [p.code for p in warned.warnings()] == ["TTS304"]
    assert eval(repr(warned), dict(NAMESPACE)) == warned


def test_from_dict_reports_problems_of_an_invalid_tree() -> None:
    with pytest.raises(ValidationError) as caught:
        Prompt.from_dict({"text": "Hi", "break": {"time": "9s"}, "prosody": {"rate": "x"}})
    found = {(p.pointer, p.code) for p in caught.value.problems}
    assert ("/break/time", "TTS105") in found
    assert ("/prosody/rate", "TTS210") in found


def test_literal_types_match_the_vocabularies() -> None:
    assert get_args(InterpretAs) == INTERPRET_AS
    assert get_args(DateFormat) == DATE_FORMATS
    assert get_args(TimeFormat) == TIME_FORMATS
    assert get_args(DurationFormat) == DURATION_FORMATS
    assert get_args(SilenceType) == SILENCE_TYPES
    assert get_args(BreakStrength) == BREAK_STRENGTHS
    assert get_args(PitchLevel) == PITCH_LEVELS
    assert get_args(RateLevel) == RATE_LEVELS
    assert get_args(VolumeLevel) == VOLUME_LEVELS
    assert set(get_args(Style)) == AZURE_STYLES
    assert set(get_args(Style)) >= ENABLEX_STYLES
    assert set(get_args(Role)) == ROLES


def test_validate_accepts_builder_values() -> None:
    assert validate(Prompt("Hi").break_("1s"), kind="tts") == []


# ---------------------------------------------------------------- hostile arguments

_HUGE_INT = 10**5000  # more digits than Python turns into a str


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: percent(float("nan")), "percent"),
        (lambda: percent(float("inf")), "percent"),
        (lambda: hz(float("inf")), "frequency"),
        (lambda: semitones(float("-inf")), "semitones"),
        (lambda: ms(float("nan")), "milliseconds"),
        (lambda: seconds(float("inf")), "seconds"),
        (lambda: ms(_HUGE_INT), "milliseconds"),
        (lambda: Prompt().break_(float("nan")), "value"),
        (lambda: Prompt().break_(-5), "value"),
        (lambda: Prompt().break_(_HUGE_INT), "value"),
        (lambda: Prompt().prosody("x", rate=float("inf")), "rate"),
        (lambda: Prompt().prosody("x", rate=_HUGE_INT), "rate"),
        (lambda: Prompt().prosody("x", volume=-5), "volume"),
        (lambda: Prompt().prosody("x", volume=_HUGE_INT), "volume"),
        (
            lambda: Prompt(profile="azure").express_as("calm", "x", styledegree=_HUGE_INT),
            "styledegree",
        ),
        (lambda: Prompt().text(_HUGE_INT), "text"),
        (lambda: Prompt().say_as(_HUGE_INT, "x"), "interpret_as"),
        (lambda: Prompt().cardinal(_HUGE_INT), "value"),
        (lambda: semitones(_HUGE_INT), "semitones"),
        (lambda: Prompt().digits(_HUGE_INT), "value"),
        (lambda: Prompt().ordinal(_HUGE_INT), "value"),
        (lambda: Prompt().cardinal(float("nan")), "value"),
        (lambda: Prompt().telephone("555", country_code=_HUGE_INT), "country_code"),
        (lambda: Prompt().telephone("555", country_code=True), "country_code"),
        (lambda: Prompt().telephone(None), "number"),
        (lambda: Prompt().date(None), "value"),
        (lambda: Prompt().time(b"12:00"), "value"),
        (lambda: Prompt().date(datetime.date(2020, 1, 2), ""), "format"),
        (lambda: Prompt().time(datetime.time(1, 2), ""), "format"),
        (lambda: Prompt(profile=_HUGE_INT), "profile"),
        (lambda: Prompt().warnings(language=5), "language"),
        (lambda: Prompt.from_dict({"text": "x"}, profile=None), "profile"),
        (lambda: Prompt.from_tree(None), "tree"),  # type: ignore[arg-type]
        (lambda: Prompt.from_tree({"text": "x"}), "tree"),  # type: ignore[arg-type]
        (lambda: Prompt.from_tree(Tree(("x",))), "tree"),  # type: ignore[arg-type]
        (lambda: Prompt.from_tree(Tree(None)), "tree"),  # type: ignore[arg-type]
    ],
)
def test_hostile_arguments_raise_build_error_naming_the_argument(call: Any, argument: str) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    assert caught.value.argument == argument
    message = str(caught.value)
    assert f"{argument}=" in message
    assert len(message) < 400  # a huge value is clipped, never printed whole


def test_error_messages_clip_huge_values() -> None:
    with pytest.raises(BuildError) as caught:
        Prompt().text("x" * 1_000_000 + "\x00")
    assert len(str(caught.value)) < 300
    assert caught.value.value == "x" * 1_000_000 + "\x00"  # the value itself is kept


def test_a_negative_volume_number_is_not_silently_relative() -> None:
    # A number is an absolute volume (0-100); -5 must not become the relative "-5".
    with pytest.raises(BuildError, match="absolute volume") as caught:
        Prompt().prosody("x", volume=-5)
    assert "percent(-5)" in str(caught.value)
    assert Prompt().prosody("x", volume="-5").to_dict()["prosody"]["volume"] == "-5"


def test_cardinal_writes_large_floats_in_full() -> None:
    assert Prompt().cardinal(1e20).to_dict()["say-as"]["text"] == "100000000000000000000"
    assert Prompt().cardinal(-3.5).to_dict()["say-as"]["text"] == "-3.5"


def test_time_with_a_zone_is_refused_and_date_of_a_datetime_is_its_date() -> None:
    aware = datetime.time(14, 30, tzinfo=datetime.timezone.utc)
    with pytest.raises(BuildError, match="no time zone"):
        Prompt().time(aware)
    assert Prompt().time(aware.replace(tzinfo=None)).to_dict()["say-as"]["text"] == "14:30"
    moment = datetime.datetime(2020, 10, 19, 23, 30, tzinfo=datetime.timezone.utc)
    assert Prompt().date(moment, "mdy").to_dict()["say-as"]["text"] == "10/19/2020"


def test_from_tree_rebuilds_canonical_nodes() -> None:
    tree = Prompt("Hi").prosody("there", rate="slow").to_tree()
    assert Prompt.from_tree(tree) == Prompt("Hi").prosody("there", rate="slow")
    with pytest.raises(ValidationError):
        Prompt.from_tree(Tree((Text(""),)))


@pytest.mark.parametrize("other", [1, None, b"x", 1.5, ["x"], {"text": "x"}])
def test_adding_a_non_prompt_follows_the_python_protocol(other: object) -> None:
    # __add__/__radd__ return NotImplemented, so Python raises its own TypeError.
    with pytest.raises(TypeError, match="unsupported operand"):
        Prompt("a") + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        other + Prompt("a")  # type: ignore[operator]


@given(st.text(min_size=1))
def test_repr_round_trips_any_text(text: str) -> None:
    try:
        prompt = Prompt(profile="azure").text(text).prosody(text, rate="slow").say_as("name", text)
    except BuildError:
        return  # a text XML cannot carry
    assert eval(repr(prompt)) == prompt


@pytest.mark.parametrize(
    ("code", "written"),
    [(1, "1"), (7, "7"), (10, "10"), (20, "20"), (30, "30"), (44, "44"), (100, "100")],
)
def test_a_country_code_number_is_written_with_all_its_digits(code: int, written: str) -> None:
    # ITU-T E.164 codes: 20 is Egypt, 30 Greece; '2' or '3' would dial another country.
    assert Prompt().telephone("555 0100", country_code=code).to_dict() == {
        "say-as": {"interpret-as": "telephone", "format": written, "text": "555 0100"}
    }


@pytest.mark.parametrize("code", [1000, 1230, -1])
def test_a_country_code_number_of_no_1_to_3_digits_is_refused_as_given(code: int) -> None:
    with pytest.raises(BuildError, match="country calling code") as caught:
        Prompt().telephone("555 0100", country_code=code)
    assert caught.value.argument == "country_code"
    assert caught.value.value == code
