"""validate(): the verdicts SPEC.md gives, on its own examples and on the seed's samples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.problems import Severity
from ttsbuilder.validation import detect, ensure_valid, is_valid, iter_problems, validate

SEED = Path(__file__).parent / "data" / "seed"


def load(name: str) -> Any:
    return json.loads((SEED / name).read_text(encoding="utf-8"))


def codes(document: Any, **options: Any) -> list[tuple[str, str]]:
    return [(p.code, p.pointer) for p in validate(document, **options)]


# --- the seed's samples (JSON mended), and the verdict SPEC.md gives each ---------------

SEED_VERDICTS = {
    "advanced_tree.json": [],
    # prompt_name with text and a tree: only one is played (SPEC §3, a warning)
    "play.json": [("TTS402", "")],
    # the samples' placeholders "CLI number" are not phone numbers (SPEC §3)
    "dial_out_prompt.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "dial_out_text.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "dial_out_advanced.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "dial_out_connect.json": [
        ("TTS408", "/from"),
        ("TTS408", "/to"),
        ("TTS408", "/action_on_connect/connect/from"),
        ("TTS408", "/action_on_connect/connect/to"),
    ],
    "dial_out_room.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "transfer.json": [("TTS408", "/from"), ("TTS408", "/transfer_to")],
    "forward.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "connect.json": [("TTS408", "/from"), ("TTS408", "/to")],
    "hold.json": [],
    "recording_start.json": [],
    "recording_stop.json": [],
}


@pytest.mark.parametrize(("name", "expected"), sorted(SEED_VERDICTS.items()))
def test_seed_samples_get_the_spec_verdict(name: str, expected: list[tuple[str, str]]) -> None:
    assert codes(load(name)) == expected


def test_seed_samples_with_real_numbers_are_clean() -> None:
    for name in SEED_VERDICTS:
        text = (SEED / name).read_text(encoding="utf-8")
        for placeholder, number in (
            ("CLI number", "+15550100000"),
            ("Destination number", "+15550100001"),
            ("Terminating number", "+15550100002"),
            ("Originating CLI", "+15550100003"),
            ("Number for bridging", "+15550100004"),
        ):
            text = text.replace(placeholder, number)
        remaining = {code for code, _ in codes(json.loads(text))}
        assert remaining <= {"TTS402"}, name


def test_seed_dial_out_with_every_alternative_at_once_is_an_error() -> None:
    dial_out = load("dial_out_advanced.json")
    dial_out["action_on_connect"]["room"] = {"room_id": "Video Room ID"}
    assert ("TTS409", "/action_on_connect") in codes(dial_out)


# --- SPEC §1: member names ---------------------------------------------------------------

TREE_VERDICTS: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"text": "a", "text2": "b", "break": {"value": "1s"}, "break2": {"value": "2s"}}, []),
    ({"text1": "a", "text2": "b"}, [("TTS106", "/text1")]),
    ({"text": "a", "text3": "b", "text2": "c"}, [("TTS108", "/text2")]),
    ({"text2": "a", "text": "b"}, [("TTS108", "/text")]),
    ({"text": "a", "text02": "b"}, [("TTS107", "/text02")]),
    ({"text": "a", "text0": "b"}, [("TTS107", "/text0")]),
    ({"break": {"time": "2s"}}, [("TTS105", "/break/time")]),
    ({"say_as": {"interpret-as": "cardinal", "text": "3"}}, [("TTS105", "/say_as")]),
    ({"express_as": {"style": "gentle", "text": "x"}}, [("TTS105", "/express_as")]),
    (
        {"say-as": {"interpret_as": "cardinal", "text": "3"}},
        [("TTS105", "/say-as/interpret_as")],
    ),
    ({"txt": "a"}, [("TTS101", "/txt")]),
    ({"text": ""}, [("TTS104", "/text")]),
    ({"text": 3}, [("TTS103", "/text")]),
    ({"break": "2s"}, [("TTS103", "/break")]),
    ({}, [("TTS110", "")]),
    # placement
    (
        {"prosody": {"rate": "slow", "silence": {"type": "leading", "value": "1s"}}},
        [("TTS109", "/prosody/silence")],
    ),
    (
        {"express-as": {"style": "gentle", "express-as": {"style": "gentle", "text": "x"}}},
        [("TTS109", "/express-as/express-as")],
    ),
    (
        {"prosody": {"rate": "slow", "prosody": {"pitch": "low", "text": "nested"}}},
        [],
    ),
    ({"express-as": {"style": "gentle", "say-as": {"interpret-as": "ordinal", "text": "3"}}}, []),
    # required attributes
    ({"silence": {"type": "leading"}}, [("TTS102", "/silence")]),
    ({"break": {"strength": "weak"}}, [("TTS102", "/break")]),
    ({"express-as": {"text": "x"}}, [("TTS102", "/express-as")]),
    ({"say-as": {"interpret-as": "cardinal"}}, [("TTS102", "/say-as")]),
    ({"break": {"value": "1s", "colour": "red"}}, [("TTS101", "/break/colour")]),
    (
        {"say-as": {"interpret-as": "date", "text": "1/2/2020", "text2": "x"}},
        [("TTS101", "/say-as/text2")],
    ),
]


@pytest.mark.parametrize(("tree", "expected"), TREE_VERDICTS)
def test_tree_structure(tree: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert codes(tree, kind="tts") == expected


# --- SPEC §1: values ----------------------------------------------------------------------


@pytest.mark.parametrize("duration", ["2000ms", "2s", "1.5s", "0ms", "4999ms", "4.999s"])
def test_good_durations(duration: str) -> None:
    assert codes({"break": {"value": duration}}) == []


@pytest.mark.parametrize(
    ("duration", "code"),
    [
        ("2000", "TTS201"),
        ("2 s", "TTS201"),
        ("+2s", "TTS201"),
        ("-2s", "TTS201"),
        ("2sec", "TTS201"),
        (".5s", "TTS201"),
        ("٣s", "TTS201"),  # a non-ASCII digit
        ("2s\n", "TTS201"),
        ("5000ms", "TTS202"),
        ("5s", "TTS202"),
    ],
)
def test_bad_durations(duration: str, code: str) -> None:
    assert [c for c, _ in codes({"break": {"value": duration}})] == [code]


def test_pause_limits_follow_the_profile() -> None:
    long_break = {"break": {"value": "20000ms"}}
    assert codes(long_break, profile="enablex") == [("TTS202", "/break/value")]
    assert codes(long_break, profile="azure") == []
    assert codes({"break": {"value": "20001ms"}}, profile="azure") == [("TTS202", "/break/value")]
    silence = {"silence": {"type": "tailing", "value": "6s"}}
    assert codes(silence, profile="enablex") == [("TTS202", "/silence/value")]
    assert codes(silence, profile="azure") == []


def test_durations_in_message_and_hint() -> None:
    [problem] = validate({"break": {"value": "2000"}})
    assert "'2000'" in problem.message
    assert problem.hint == "write '2000ms'"


@pytest.mark.parametrize("strength", ["none", "x-weak", "weak", "medium", "strong", "x-strong"])
def test_break_strengths(strength: str) -> None:
    assert codes({"break": {"value": "1s", "strength": strength}}) == []


def test_bad_strength_suggests() -> None:
    [problem] = validate({"break": {"value": "1s", "strength": "xstrong"}})
    assert (problem.code, problem.hint) == ("TTS203", "did you mean 'x-strong'?")


def test_silence_types_and_case() -> None:
    for kind in ("leading", "leading-exact", "tailing", "enumerationcomma-exact"):
        assert codes({"silence": {"type": kind, "value": "1s"}}) == []
    assert codes({"silence": {"type": "Leading", "value": "1s"}}) == [("TTS205", "/silence/type")]
    assert codes({"silence": {"type": "trailing", "value": "1s"}}) == [("TTS204", "/silence/type")]


@pytest.mark.parametrize(
    "style", ["advertisement_upbeat", "cheerful", "customerservice", "friendly", "gentle"]
)
def test_the_five_seed_styles(style: str) -> None:
    assert codes({"express-as": {"style": style, "text": "x"}}) == []


def test_styles_by_profile() -> None:
    assert codes({"express-as": {"style": "Cheerful", "text": "x"}}) == [
        ("TTS205", "/express-as/style")
    ]
    assert codes({"express-as": {"style": "angry", "text": "x"}}) == [
        ("TTS206", "/express-as/style")
    ]
    assert codes({"express-as": {"style": "angry", "text": "x"}}, profile="azure") == []
    assert codes({"express-as": {"style": "pirate", "text": "x"}}, profile="azure") == [
        ("TTS207", "/express-as/style")
    ]


def test_styledegree_and_role_by_profile() -> None:
    tree = {"express-as": {"style": "cheerful", "styledegree": "1.5", "role": "Girl", "text": "x"}}
    assert codes(tree) == [("TTS208", "/express-as/styledegree"), ("TTS208", "/express-as/role")]
    assert codes(tree, profile="azure") == []
    for degree in ("0", "2.5", "abc", "-1"):
        bad = {"express-as": {"style": "cheerful", "styledegree": degree, "text": "x"}}
        assert codes(bad, profile="azure") == [("TTS209", "/express-as/styledegree")], degree
    bad_role = {"express-as": {"style": "cheerful", "role": "Pirate", "text": "x"}}
    assert codes(bad_role, profile="azure") == [("TTS209", "/express-as/role")]


def prosody(**attributes: str) -> dict[str, Any]:
    return {"prosody": {**attributes, "text": "x"}}


@pytest.mark.parametrize(
    "pitch",
    [
        "x-low",
        "low",
        "medium",
        "high",
        "x-high",
        "default",
        "600Hz",
        "+80Hz",
        "-2st",
        "+50%",
        "-20%",
    ],
)
def test_good_pitch(pitch: str) -> None:
    assert codes(prosody(pitch=pitch)) == []


@pytest.mark.parametrize(
    "rate",
    ["x-slow", "slow", "medium", "fast", "x-fast", "default", "0.5", "1", "2", "+30.00%", "-20%"],
)
def test_good_rate(rate: str) -> None:
    assert codes(prosody(rate=rate)) == []


@pytest.mark.parametrize(
    "volume",
    ["silent", "x-soft", "soft", "medium", "loud", "x-loud", "default", "0", "100", "75.5",
     "+10", "-5.5", "+50.00%", "-20%"],
)  # fmt: skip
def test_good_volume(volume: str) -> None:
    assert codes(prosody(volume=volume)) == []


@pytest.mark.parametrize(
    ("attribute", "value", "code"),
    [
        ("pitch", "80Hz", None),  # absolute: fine
        ("pitch", "2st", "TTS210"),  # relative semitones need a sign
        ("pitch", "loud", "TTS210"),
        ("rate", "+1.5", "TTS210"),
        ("rate", "quick", "TTS210"),
        ("rate", "30%", "TTS212"),
        ("rate", "+150%", "TTS211"),
        ("rate", "-60%", "TTS211"),
        ("rate", "3", "TTS211"),
        ("rate", "0.25", "TTS211"),
        ("pitch", "+60%", "TTS211"),
        ("pitch", "+8st", "TTS211"),
        ("pitch", "-13st", "TTS211"),
        ("volume", "150", "TTS211"),
        ("volume", "-150%", "TTS211"),
        ("volume", "loudest", "TTS210"),
        ("volume", "50%", "TTS212"),
        ("volume", "+10dB", "TTS210"),
    ],
)
def test_prosody_values(attribute: str, value: str, code: str | None) -> None:
    expected = [] if code is None else [(code, f"/prosody/{attribute}")]
    assert codes(prosody(**{attribute: value})) == expected


def test_prosody_number_instead_of_string_is_a_type_error_with_a_fix() -> None:
    [problem] = validate({"prosody": {"rate": 1.5, "text": "x"}})
    assert (problem.code, problem.hint) == ("TTS103", 'write "1.5"')


def test_prosody_without_attributes_warns() -> None:
    assert codes({"prosody": {"text": "x"}}) == [("TTS213", "/prosody")]


# --- SPEC §1: say-as -------------------------------------------------------------------


def say_as(interpret: str, text: str, form: str | None = None) -> dict[str, Any]:
    node = {"interpret-as": interpret, "text": text}
    if form is not None:
        node["format"] = form
    return {"say-as": node}


@pytest.mark.parametrize(
    ("interpret", "form", "text"),
    [
        ("date", "mdy", "10/19/2020"),
        ("date", "dmy", "19/10/2020"),
        ("date", "mdy", "10-19-2016"),
        ("date", "ymd", "2020-02-29"),
        ("date", "md", "10/19"),
        ("date", "y", "2020"),
        ("date", None, "10/19/2020"),
        ("time", "hms12", "4:00am"),
        ("time", "hms12", "12:35"),
        ("time", "hms24", "02:50:45"),
        ("time", "hms24", "1:14:32"),
        ("duration", None, "01:18:30"),
        ("duration", "ms", "01:18"),
        ("duration", "hm", "1:30"),
        ("cardinal", None, "10"),
        ("number", None, "1,024"),
        ("number", None, "-3.5"),
        ("ordinal", None, "3rd"),
        ("ordinal", None, "3"),
        ("ordinal", None, "11th"),
        ("ordinal", None, "22nd"),
        ("number_digit", None, "123456789"),
        ("fraction", None, "3/8"),
        ("currency", None, "99.9 USD"),
        ("telephone", "1", "(888) 555-1212"),
        ("telephone", "39", "06 1234 5678"),
        ("characters", None, "test"),
        ("spell-out", None, "ABC"),
        ("address", None, "150th CT NE, Redmond, WA"),
        ("name", None, "ED"),
    ],
)
def test_say_as_that_fits(interpret: str, form: str | None, text: str) -> None:
    assert codes(say_as(interpret, text, form)) == []


@pytest.mark.parametrize(
    ("interpret", "form", "text"),
    [
        ("date", "dmy", "10/19/2020"),  # there is no month 19
        ("date", "mdy", "02/30/2020"),
        ("date", "mdy", "10/19"),
        ("time", "hms24", "25:00"),
        ("time", "hms24", "4:00am"),
        ("time", "hms12", "13:00pm"),
        ("time", None, "noon"),
        ("time", "hms12", "4:61"),
        ("duration", "hms", "01:18"),
        ("duration", None, "90"),
        ("cardinal", None, "ten"),
        ("number", None, "1.2.3"),
        ("ordinal", None, "third"),
        ("ordinal", None, "3th"),
        ("number_digit", None, "12a"),
        ("fraction", None, "3.8"),
        ("fraction", None, "3/0"),
        ("currency", None, "USD"),
    ],
)
def test_say_as_that_does_not_fit(interpret: str, form: str | None, text: str) -> None:
    assert codes(say_as(interpret, text, form)) == [("TTS304", "/say-as/text")]


def test_date_mismatch_message_names_the_problem() -> None:
    [problem] = validate(say_as("date", "10/19/2020", "dmy"))
    assert problem.severity is Severity.WARNING
    assert "month 19" in problem.message


@pytest.mark.parametrize(
    ("interpret", "form", "code"),
    [
        ("cardinal", "dmy", "TTS302"),
        ("characters", "1", "TTS302"),
        ("date", "dd-mm-yyyy", "TTS303"),
        ("time", "hms", "TTS303"),
        ("duration", "hms24", "TTS303"),
        ("telephone", "1234", "TTS303"),
        ("telephone", "+1", "TTS303"),
    ],
)
def test_say_as_formats(interpret: str, form: str, code: str) -> None:
    assert codes(say_as(interpret, "10", form)) == [(code, "/say-as/format")]


def test_bad_interpret_as_suggests() -> None:
    [problem] = validate(say_as("telephon", "555"))
    assert (problem.code, problem.hint) == ("TTS301", "did you mean 'telephone'?")


def test_duration_language_rule() -> None:
    tree = say_as("duration", "01:18:30")
    assert codes({"text_to_speech_option": tree, "language": "en-US"}) == []
    assert codes({"text_to_speech_option": tree, "language": "es-MX"}) == []
    assert codes({"text_to_speech_option": tree, "language": "de-DE"}) == [
        ("TTS305", "/text_to_speech_option/say-as/interpret-as")
    ]
    assert codes(tree, language="fr-FR") == [("TTS305", "/say-as/interpret-as")]
    assert codes(tree) == []  # language unknown: no verdict


# --- SPEC §3: payloads -------------------------------------------------------------------

PLAY_VERDICTS: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"prompt_name": "welcome"}, []),
    ({"text": "Hi", "voice": "male", "language": "en-US"}, []),
    ({"language": "en-US"}, [("TTS401", "")]),
    ({"prompt_name": "w", "text": "Hi", "voice": "male"}, [("TTS402", "")]),
    ({"prompt_name": "w", "text_to_speech_option": {"text": "Hi"}}, [("TTS402", "")]),
    ({"text": "Hi"}, [("TTS403", "")]),
    ({"text_to_speech_option": {"text": "Hi"}}, []),
    ({"text": "Hi", "voice": "woman"}, [("TTS406", "/voice")]),
    ({"text": "Hi", "voice": "male", "language": "english"}, [("TTS405", "/language")]),
    ({"text": "Hi", "voice": "male", "language": "zh-Hans-CN"}, []),
    ({"text": "Hi", "voice": "male", "asr": True, "start_timeout": 10}, []),
    ({"text": "Hi", "voice": "male", "start_timeout": 5}, [("TTS404", "/start_timeout")]),
    (
        {"text": "Hi", "voice": "male", "asr": True, "recognizer_timeout": 11},
        [("TTS407", "/recognizer_timeout")],
    ),
    (
        {"text": "Hi", "voice": "male", "asr": True, "start_timeout": True},
        [("TTS407", "/start_timeout")],
    ),
    (
        {"text": "Hi", "voice": "male", "asr": True, "start_timeout": "5"},
        [("TTS407", "/start_timeout")],
    ),
    ({"text": "Hi", "voice": "male", "dtmf": "yes"}, [("TTS103", "/dtmf")]),
    ({"text": "Hi", "voice": "male", "promt_name": "x"}, [("TTS101", "/promt_name")]),
]


@pytest.mark.parametrize(("body", "expected"), PLAY_VERDICTS)
def test_play_bodies(body: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert codes(body, kind="play") == expected


def test_unknown_payload_key_suggests() -> None:
    [problem] = validate({"text": "Hi", "voice": "male", "langauge": "en-US"}, kind="play")
    assert (problem.code, problem.hint) == ("TTS101", "did you mean 'language'?")


def dial_out(**extra: Any) -> dict[str, Any]:
    return {"from": "+15550100000", "to": "+15550100001", **extra}


DIAL_OUT_VERDICTS: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    (dial_out(), []),
    ({"to": "+15550100001"}, [("TTS102", "")]),
    (dial_out(to="sip:alice@example.com"), []),
    (dial_out(**{"from": "sip:alice@example.com"}), [("TTS408", "/from")]),
    (dial_out(to="555-CALL"), [("TTS408", "/to")]),
    (dial_out(event_url="https://example.com/hook"), []),
    (dial_out(event_url="http://example.com/hook"), [("TTS411", "/event_url")]),
    (dial_out(event_url="ftp://example.com/hook"), [("TTS410", "/event_url")]),
    (dial_out(event_url="example.com/hook"), [("TTS410", "/event_url")]),
    (dial_out(action_on_connect={}), [("TTS409", "/action_on_connect")]),
    (
        dial_out(action_on_connect={"play": {"prompt_name": "x"}, "room": {"room_id": "r"}}),
        [("TTS409", "/action_on_connect")],
    ),
    (
        dial_out(action_on_connect={"play": {"text": "Hi"}}),
        [("TTS403", "/action_on_connect/play")],
    ),
    (
        dial_out(action_on_connect={"connect": {"from": "+15550100000"}}),
        [("TTS102", "/action_on_connect/connect")],
    ),
    (dial_out(action_on_connect={"room": {}}), [("TTS102", "/action_on_connect/room")]),
    (dial_out(auto_record="no"), [("TTS103", "/auto_record")]),
]


@pytest.mark.parametrize(("body", "expected"), DIAL_OUT_VERDICTS)
def test_dial_out_bodies(body: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert codes(body, kind="dial-out") == expected


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        ("connect", {"from": "+15550100000", "to": "sip:bob@example.com"}, []),
        ("connect", {"from": "+15550100000"}, [("TTS102", "")]),
        ("transfer", {"from": "+15550100000", "transfer_to": "+15550100002"}, []),
        ("transfer", {"from": "+15550100000", "to": "+15550100002"}, [
            ("TTS101", "/to"), ("TTS102", ""),
        ]),
        ("forward", {"from": "+15550100000", "to": "+15550100002"}, []),
        ("forward", {"from": "+15550100000", "to": "sip:bob@example.com"}, [("TTS408", "/to")]),
        ("hold", {"hold": True}, []),
        ("hold", {"hold": False}, []),
        ("hold", {"hold": "true"}, [("TTS103", "/hold")]),
        ("hold", {}, [("TTS102", "")]),
        ("recording", {"start": True}, []),
        ("recording", {"start": True, "recording_name": "call-1"}, []),
        ("recording", {"stop": True}, []),
        ("recording", {"start": True, "stop": True}, [("TTS412", "")]),
        ("recording", {}, [("TTS412", "")]),
        ("recording", {"start": False}, [("TTS412", "/start")]),
        ("recording", {"stop": True, "recording_name": "x"}, [("TTS412", "/recording_name")]),
    ],
)  # fmt: skip
def test_call_control_bodies(kind: str, body: dict[str, Any], expected: list[Any]) -> None:
    assert codes(body, kind=kind) == expected


@pytest.mark.parametrize(
    ("kind", "body"),
    [(k, b) for k in ("play", "dial-out", "connect", "hold", "recording", "tts") for b in
     ([], "x", 3, None, True)],
)  # fmt: skip
def test_a_body_that_is_not_an_object(kind: str, body: Any) -> None:
    assert [c for c, _ in codes(body, kind=kind)] == ["TTS103"]


# --- SPEC §4: characters, depth ---------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["\x00", "\x07", "\x1f", "\ufffe", "\uffff", chr(0xD800), chr(0xDFFF)]
)
def test_xml_invalid_characters(bad: str) -> None:
    [problem] = validate({"text": f"Hello{bad}world"})
    assert (problem.code, problem.pointer) == ("TTS112", "/text")
    assert "offset 5" in problem.message


@pytest.mark.parametrize("fine", ["\t", "\n", "\r", "😀", "<&>\"'", "]]>", "\u00a0", "\u2028"])
def test_xml_valid_characters(fine: str) -> None:
    assert codes({"text": f"Hello{fine}world"}) == []


def test_nesting_beyond_16_is_an_error() -> None:
    tree: dict[str, Any] = {"text": "deep"}
    for _ in range(16):
        tree = {"prosody": {"rate": "slow", **tree}}
    assert codes(tree) == []
    tree = {"prosody": {"rate": "slow", **tree}}
    assert [c for c, _ in codes(tree)] == ["TTS111"]


# --- kind auto, the API ------------------------------------------------------------------


def test_auto_finds_bodies_in_catalogs() -> None:
    catalog = {
        "welcome": {"text": "Hi", "voice": "female"},
        "menu": [{"text": "Press 1"}, {"prosody": {"rate": "slow", "text": "or 2"}}],
        "outbound": dial_out(action_on_connect={"play": {"text_to_speech_option": {"txt": "x"}}}),
    }
    assert detect(catalog) == [
        ("play", "/welcome"),
        ("tts", "/menu/0"),
        ("tts", "/menu/1"),
        ("dial-out", "/outbound"),
    ]
    assert codes(catalog) == [
        ("TTS101", "/outbound/action_on_connect/play/text_to_speech_option/txt")
    ]


def test_auto_tells_misspelt_trees_from_catalogs() -> None:
    assert detect({"txt": "Hello"}) == [("tts", "")]
    assert detect({"brek": {"value": "1s"}, "welcome": "x"}) == [("tts", "")]
    catalog = {"texts": {"welcome": {"text": "Hi", "voice": "male"}}}
    assert detect(catalog) == [("play", "/texts/welcome")]
    assert codes(catalog) == []


def test_auto_escapes_pointer_tokens() -> None:
    assert codes({"a/b~c": {"txt": "x"}}) == [("TTS101", "/a~1b~0c/txt")]


def test_auto_with_nothing_to_check_warns() -> None:
    assert codes({"greeting": 42}) == [("TTS413", "")]
    assert codes([]) == [("TTS413", "")]


def test_unknown_kind_and_profile_raise_the_library_error() -> None:
    with pytest.raises(TTSBuilderError, match="unknown kind"):
        validate({}, kind="sms")
    with pytest.raises(TTSBuilderError, match="unknown profile"):
        validate({}, profile="google")
    with pytest.raises(TTSBuilderError, match="unknown kind"):
        iter_problems({}, kind="sms")  # at the call, not at the first next()
    with pytest.raises(TTSBuilderError, match="unknown kind"):
        validate({}, kind=["tts"])  # type: ignore[arg-type]


def test_iter_problems_checks_each_body_only_when_reached() -> None:
    catalog = {"a": {"txt": "x"}, "b": {"break": {"value": "9s"}}}
    problems = iter_problems(catalog)
    assert next(problems).pointer == "/a/txt"
    assert next(problems).pointer == "/b/break/value"
    assert next(problems, None) is None


def test_shortcuts() -> None:
    good, bad = {"text": "Hello"}, {"break": {"value": "9s"}}
    assert is_valid(good)
    assert not is_valid(bad)
    assert is_valid({"prosody": {"text": "x"}})  # warnings only
    assert list(iter_problems(bad)) == validate(bad)
    assert ensure_valid({"prosody": {"text": "x"}})[0].code == "TTS213"
    with pytest.raises(ValidationError) as caught:
        ensure_valid(bad)
    assert [p.code for p in caught.value.problems] == ["TTS202"]
    assert "TTS202" in str(caught.value)


def test_messages_name_the_value_and_what_is_allowed() -> None:
    [problem] = validate({"prosody": {"volume": "loudest", "text": "x"}})
    assert "'loudest'" in problem.message
    assert "x-loud" in problem.message
    assert "+50%" in problem.message


def test_a_root_schema_reference_is_not_part_of_the_document() -> None:
    schema = "https://ttsbuilder.dev/schemas/play.schema.json"
    assert codes({"$schema": schema, "text": "Hi", "voice": "male"}) == []
    assert codes({"$schema": schema, "text": "Hi"}, kind="tts") == []
    assert codes({"prompts": {"$schema": schema, "text": "Hi"}}) == [("TTS101", "/prompts/$schema")]


@pytest.mark.parametrize(
    ("document", "profile", "expected"),
    [
        ({"prosody": {"pitch": "+20000st", "text": "x"}}, "enablex", ["TTS211"]),
        ({"prosody": {"rate": "9" * 400 + "%", "text": "x"}}, "enablex", ["TTS212", "TTS211"]),
        ({"break": {"value": "4999.99999999999999999ms"}}, "enablex", []),
        ({"break": {"value": "5000.00000000000000001ms"}}, "enablex", ["TTS202"]),
        ({"break": {"value": "20000.00000000000000001ms"}}, "azure", ["TTS202"]),
        (
            {"express-as": {"style": "cheerful", "styledegree": "\u0661", "text": "Hi"}},
            "azure",
            ["TTS209"],
        ),
        ({"say-as": {"interpret-as": "date", "text": None}}, "enablex", ["TTS103"]),
        ({"say-as": {"interpret-as": None, "text": "x"}}, "enablex", ["TTS103"]),
        ({"say-as0": {"interpret-as": "name", "text": "Ed"}}, "enablex", ["TTS107"]),
        ({"say-as1": {"interpret-as": "name", "text": "Ed"}}, "enablex", ["TTS106"]),
    ],
)
def test_edge_cases_found_by_the_schema_agreement(
    document: dict[str, Any], profile: str, expected: list[str]
) -> None:
    assert [p.code for p in validate(document, profile=profile)] == expected


def test_bad_arguments_raise_the_library_error() -> None:
    with pytest.raises(TTSBuilderError, match="language"):
        validate(say_as("duration", "1:00"), language=5)  # type: ignore[arg-type]
    with pytest.raises(TTSBuilderError, match="unknown profile <int of 16610 bits>"):
        validate({}, profile=10**5000)  # type: ignore[arg-type]
    with pytest.raises(TTSBuilderError) as caught:
        validate({}, profile="x" * 10**6)
    assert len(str(caught.value)) < 200

    class Broken:
        def to_dict(self) -> dict[str, Any]:
            raise KeyError("oops")

    with pytest.raises(TTSBuilderError, match=r"Broken.to_dict\(\) failed"):
        validate(Broken())


def test_a_huge_number_where_a_string_goes() -> None:
    [problem] = validate({"prosody": {"rate": 10**5000, "text": "x"}})
    assert problem.code == "TTS103"
