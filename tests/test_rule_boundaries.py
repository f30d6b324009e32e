"""Exact messages and the edges of each range, for the rules mutation testing found unguarded.

Ranges are SPEC.md §1 (Azure honours rate 0.5x-2x, pitch 0.5x-1.5x, volume 0-100) and §3
(request bodies); the factors are computed by hand (a semitone is 2 ** (1/12): -13st is
0.4719x, +8st is 1.5874x, +7st is 1.4983x, -12st is exactly 0.5x).
"""

from __future__ import annotations

from typing import Any

import pytest

from ttsbuilder import validate
from ttsbuilder.rules.context import describe
from ttsbuilder.values import Duration


def found(document: Any, kind: str = "tts") -> list[tuple[str, str, str, str | None]]:
    return [(p.code, p.pointer, p.message, p.hint) for p in validate(document, kind=kind)]


RATE = "Azure clamps rate to 0.5x-2x (-50% to +100%)"
PITCH = "Azure clamps pitch to 0.5x-1.5x (-50% to +50%, -12st to +7st)"


@pytest.mark.parametrize(
    ("attribute", "value", "message"),
    [
        ("rate", "2", None),
        ("rate", "0.5", None),
        ("rate", "+100%", None),
        ("rate", "-50%", None),
        ("rate", "3", f"rate '3' is 3x normal speed: {RATE}"),
        ("rate", "0.4", f"rate '0.4' is 0.4x normal speed: {RATE}"),
        ("rate", "-60%", f"rate '-60%' is 0.4x normal speed: {RATE}"),
        ("pitch", "+50%", None),
        ("pitch", "-50%", None),
        ("pitch", "+7st", None),
        ("pitch", "-12st", None),
        ("pitch", "+60%", f"pitch '+60%' is 1.6x normal pitch: {PITCH}"),
        ("pitch", "-13st", f"pitch '-13st' is 0.472x normal pitch: {PITCH}"),
        ("pitch", "+8st", f"pitch '+8st' is 1.59x normal pitch: {PITCH}"),
        ("volume", "-100%", None),
        ("volume", "-150%", "volume '-150%' goes below silent: Azure clamps it to 0"),
    ],
)
def test_prosody_ranges_and_their_messages(attribute: str, value: str, message: str | None) -> None:
    expected = [] if message is None else [("TTS211", f"/prosody/{attribute}", message, None)]
    assert found({"prosody": {attribute: value, "text": "x"}}) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12th", None),
        ("112th", None),
        ("111th", None),
        ("21st", None),
        ("22nd", None),
        ("103rd", None),
        ("12nd", "'12nd' has the wrong suffix: write '12th'"),
        ("13rd", "'13rd' has the wrong suffix: write '13th'"),
        ("3nd", "'3nd' has the wrong suffix: write '3rd'"),
        ("third", "'third' is not an ordinal (like 3 or 3rd)"),
    ],
)
def test_ordinal_suffixes(text: str, message: str | None) -> None:
    expected = [] if message is None else [("TTS304", "/say-as/text", message, None)]
    assert found({"say-as": {"interpret-as": "ordinal", "text": text}}) == expected


ORDER = "speech follows document order, but a consumer that sorts keys would reorder it"


@pytest.mark.parametrize(
    ("document", "pointer", "message"),
    [
        (
            {"text2": "a", "break": {"value": "1s"}, "text": "b"},
            "/text",
            f"'text' comes after 'text2': {ORDER}",
        ),
        ({"text3": "a", "text2": "b"}, "/text2", f"'text2' comes after 'text3': {ORDER}"),
    ],
)
def test_suffix_order_names_the_member_before(document: Any, pointer: str, message: str) -> None:
    assert found(document) == [("TTS108", pointer, message, "renumber in spoken order")]


PHONE = "is not a phone number: use E.164 digits with an optional '+'"


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        ("connect", "x", [("TTS103", "", "a connect body is an object, got a string 'x'", None)]),
        ("transfer", [], [("TTS103", "", "a transfer body is an object, got an array", None)]),
        ("forward", None, [("TTS103", "", "a forward body is an object, got null", None)]),
        (
            "connect",
            {"from": "+1555", "to": "abc"},
            [("TTS408", "/to", f"'abc' {PHONE}, or a sip: URI", None)],
        ),
        (
            "connect",
            {"from": "abc", "to": "+1555"},
            [("TTS408", "/from", f"'abc' {PHONE}", None)],
        ),
        (
            "transfer",
            {"from": "+1555", "transfer_to": "abc"},
            [("TTS408", "/transfer_to", f"'abc' {PHONE}, or a sip: URI", None)],
        ),
        ("forward", {"from": "+1555", "to": "abc"}, [("TTS408", "/to", f"'abc' {PHONE}", None)]),
        (
            "forward",
            {"from": 5},
            [
                ("TTS102", "", "a forward body needs 'to'", None),
                ("TTS103", "/from", "expected a string, got a number 5", 'write "5"'),
            ],
        ),
        ("hold", {}, [("TTS102", "", "a hold body needs 'hold'", None)]),
        (
            "hold",
            {"hold": "yes"},
            [("TTS103", "/hold", "hold is true or false, got a string 'yes'", None)],
        ),
        (
            "recording",
            {"start": True, "stop": True},
            [("TTS412", "", "a recording body has start or stop, not both", None)],
        ),
        (
            "recording",
            {"stop": False},
            [("TTS412", "/stop", "stop: false does nothing: send start: true or stop: true", None)],
        ),
        ("recording", {"stop": True}, []),
        ("recording", {"start": True, "recording_name": "a"}, []),
    ],
)
def test_call_control_bodies(kind: str, body: Any, expected: list[tuple[str, ...]]) -> None:
    assert found(body, kind) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({}, "an object"),
        ([], "an array"),
        ("a", "a string 'a'"),
        (True, "a boolean True"),
        (3, "a number 3"),
        (1.5, "a number 1.5"),
        (None, "null"),
        ("x" * 50, "a string '" + "x" * 36 + "..."),  # clipped to 40 characters
        (10**5000, "a number with 16610 bits"),  # 5000 * log2(10) = 16609.6
    ],
    ids=lambda value: type(value).__name__,
)
def test_describe_names_the_json_type(value: object, text: str) -> None:
    assert describe(value) == text


def test_durations_order_by_time_not_text() -> None:
    assert not Duration.parse("1s") < Duration.parse("1000ms")
    assert Duration.parse("999ms") < Duration.parse("1s")


def test_empty_prosody_message() -> None:
    assert found({"prosody": {"text": "x"}}) == [
        ("TTS213", "/prosody", "this prosody sets none of pitch, rate and volume", None)
    ]


# SPEC "Trees": a kind whose suffixes go down in document order gets a warning, however
# long the suffix. 19 digits reach past 2**63 (mutation testing found that such suffixes
# were all treated as equal, so their order went unchecked).
NINES, ONE_MORE = "9" * 19, "1" + "0" * 17 + "1"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"text200": "a", f"text{'1' * 19}": "b"}, []),
        ({f"text{ONE_MORE}": "a", f"text{NINES}": "b"}, []),
        (
            {f"text{NINES}": "a", f"text{ONE_MORE}": "b"},
            [
                (
                    "TTS108",
                    f"/text{ONE_MORE}",
                    f"'text{ONE_MORE}' comes after 'text{NINES}': {ORDER}",
                    "renumber in spoken order",
                )
            ],
        ),
        (
            {f"text{'1' * 20}": "a", "text300": "b"},
            [
                (
                    "TTS108",
                    "/text300",
                    f"'text300' comes after 'text{'1' * 20}': {ORDER}",
                    "renumber in spoken order",
                )
            ],
        ),
    ],
)
def test_long_suffixes_are_ordered_by_their_value(document: Any, expected: list[Any]) -> None:
    assert found(document) == expected


def test_a_suffix_past_a_thousand_digits_is_simply_large() -> None:
    # Past 1000 digits a suffix is not converted (Python refuses 4300): it counts as
    # 10**1000, larger than any shorter suffix, and the message names that stand-in,
    # clipped to 57 characters: 'text1' and 52 zeros.
    document = {f"text{'1' * 1001}": "a", "text20000": "b"}
    stand_in = "'text1" + "0" * 52 + "'..."
    assert found(document) == [
        (
            "TTS108",
            "/text20000",
            f"'text20000' comes after {stand_in}: {ORDER}",
            "renumber in spoken order",
        )
    ]
