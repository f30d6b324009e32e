"""Issue 10, items 9 and 10: the limits the spec sets, and messages and hints word for word.

Every expected value here is written from SPEC.md (§1 Values and say-as) or by hand:
none is computed by the code under test.
"""

from __future__ import annotations

from typing import Any

import pytest

from ttsbuilder import validate
from ttsbuilder.lint.check import LintOptions
from ttsbuilder.lint.fix import fix_source
from ttsbuilder.lint.loaders import load_bytes


def found(document: Any, **options: Any) -> list[tuple[str, str, str, str | None]]:
    return [(p.code, p.pointer, p.message, p.hint) for p in validate(document, **options)]


def say_as(interpret: str, text: str, form: str | None = None) -> dict[str, Any]:
    body = {"interpret-as": interpret, "text": text}
    if form is not None:
        body["format"] = form
    return {"say-as": body}


# SPEC §1 Values: absolute volume 0…100; outside is a warning (Azure clamps it).
@pytest.mark.parametrize(
    ("volume", "warned"),
    [("0", False), ("100", False), ("101", True), ("100.5", True), ("-0", False)],
)
def test_absolute_volume_range_is_0_to_100(volume: str, warned: bool) -> None:
    problems = found({"prosody": {"volume": volume, "text": "Hi"}})
    expected = [
        (
            "TTS211",
            "/prosody/volume",
            f"volume '{volume}' is outside 0-100: Azure clamps it",
            None,
        )
    ]
    assert problems == (expected if warned else [])


# SPEC §1 say-as: a date that does not parse, a time not valid on its clock (warnings).
@pytest.mark.parametrize(
    ("text", "form", "message"),
    [
        (
            "0/10/2020",
            "dmy",
            "'0/10/2020' is not a date in format dmy: day 0 does not exist in month 10",
        ),
        ("10/0/2020", "dmy", "'10/0/2020' is not a date in format dmy: month 0 does not exist"),
        ("1/1/2020", "dmy", None),
        ("31/12/2020", "dmy", None),
        (
            "32/12/2020",
            "dmy",
            "'32/12/2020' is not a date in format dmy: day 32 does not exist in month 12",
        ),
        (
            "29/2/2021",
            "dmy",
            "'29/2/2021' is not a date in format dmy: day 29 does not exist in month 2",
        ),
        ("29/2/2024", "dmy", None),
        (
            "12/13/2020",
            "dmy",
            "'12/13/2020' is not a date in format dmy: month 13 does not exist; it looks like mdy",
        ),
    ],
)
def test_date_day_and_month_ranges(text: str, form: str, message: str | None) -> None:
    expected = [] if message is None else [("TTS304", "/say-as/text", message, None)]
    assert found(say_as("date", text, form)) == expected


@pytest.mark.parametrize(
    ("text", "form", "message"),
    [
        ("0:00", "hms24", None),
        ("23:59:59", "hms24", None),
        ("24:00", "hms24", "'24:00' is not on a 24-hour clock: hour 24 does not exist"),
        ("12:60", "hms24", "'12:60' is not a valid time: minutes and seconds go up to 59"),
        ("12:30:60", "hms24", "'12:30:60' is not a valid time: minutes and seconds go up to 59"),
        ("12:59:59", "hms12", None),
        ("1:00", "hms12", None),
        ("0:30", "hms12", "'0:30' is not on a 12-hour clock: hour 0 does not exist"),
        ("13:00", "hms12", "'13:00' is not on a 12-hour clock: hour 13 does not exist"),
        ("4:00am", "hms12", None),
        ("4:00am", "hms24", "'4:00am' has am/pm, but hms24 is a 24-hour clock"),
    ],
)
def test_time_ranges_on_each_clock(text: str, form: str, message: str | None) -> None:
    expected = [] if message is None else [("TTS304", "/say-as/text", message, None)]
    assert found(say_as("time", text, form)) == expected


ALIASED = {"say-as": {"interpret_as": "date", "format": "mdy", "text": "13/45/2026"}}


def test_an_aliased_member_is_checked_as_the_key_it_means() -> None:
    assert found(ALIASED) == [
        (
            "TTS105",
            "/say-as/interpret_as",
            "say-as key 'interpret_as' should be 'interpret-as'",
            "rename it 'interpret-as'",
        ),
        (
            "TTS304",
            "/say-as/text",
            "'13/45/2026' is not a date in format mdy: month 13 does not exist",
            None,
        ),
    ]


def test_fix_renames_the_alias_and_the_bad_date_stays_reported() -> None:
    source = load_bytes(
        b'{"say-as": {"interpret_as": "date", "format": "mdy", "text": "13/45/2026"}}', "json"
    )
    result = fix_source(source)
    assert (
        result.text == '{"say-as": {"interpret-as": "date", "format": "mdy", "text": "13/45/2026"}}'
    )
    assert [str(change) for change in result.changes] == [
        "1:13: TTS105 renamed 'interpret_as' to 'interpret-as'"
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"text": "hi", "text1": "a"},
            (
                "TTS106",
                "/text1",
                "member 'text1' means 'text', which this object already has",
                "rename it 'text2'",
            ),
        ),
        (
            {"text1": "hi", "text2": "a"},
            ("TTS106", "/text1", "member 'text1' should be written 'text'", "rename it 'text'"),
        ),
        (
            {"text": "a", "text2": "b", "text02": "c"},
            (
                "TTS107",
                "/text02",
                "member 'text02' has a suffix with a leading zero",
                "rename it 'text3'",
            ),
        ),
        (
            {"text": "a", "txt": "b"},
            (
                "TTS101",
                "/txt",
                "unknown key 'txt': allowed are text, silence, break, express-as, prosody, "
                "say-as (with suffixes 2, 3, ...)",
                "did you mean 'text2'?",
            ),
        ),
        (
            {"say-as": {"interpret-as": "date", "interpret_as": "date", "text": "1/2/2020"}},
            (
                "TTS105",
                "/say-as/interpret_as",
                "say-as key 'interpret_as' should be 'interpret-as'",
                "remove it: 'interpret-as' is given too",
            ),
        ),
        (
            {"break": {"value": "1s", "valeu": "2s"}},
            (
                "TTS101",
                "/break/valeu",
                "unknown break key 'valeu': allowed are value, strength",
                None,
            ),
        ),
    ],
)
def test_a_hint_never_proposes_a_name_in_use(document: Any, expected: tuple[str, ...]) -> None:
    assert found(document) == [expected]


def test_allowed_are_lists_only_what_is_allowed_in_a_prosody() -> None:
    document = {
        "prosody": {"volume": "50", "text": "hi", "silense": {"type": "leading", "value": "1s"}}
    }
    assert found(document) == [
        (
            "TTS101",
            "/prosody/silense",
            "unknown key 'silense': allowed here are text, break, prosody, say-as "
            "(with suffixes 2, 3, ...), rate, pitch, volume",
            "did you mean 'silence'? it is allowed at the top of the tree only",
        )
    ]


def test_allowed_are_in_an_express_as() -> None:
    document = {"express-as": {"style": "cheerful", "txet": "hi"}}
    assert found(document) == [
        (
            "TTS101",
            "/express-as/txet",
            "unknown key 'txet': allowed here are text, break, prosody, say-as "
            "(with suffixes 2, 3, ...), style, styledegree, role",
            "did you mean 'text'?",
        )
    ]


def test_a_date_that_fits_another_format_says_so() -> None:
    assert found(say_as("date", "2026-12-03", "mdy")) == [
        (
            "TTS304",
            "/say-as/text",
            "'2026-12-03' is not a date in format mdy: month 2026 does not exist; "
            "it looks like ymd",
            None,
        )
    ]


def test_lists_of_values_are_comma_separated() -> None:
    assert found(say_as("date", "1/2/2020", "dd-mm")) == [
        (
            "TTS303",
            "/say-as/format",
            "date format 'dd-mm' is not allowed: use dmy, mdy, ymd, ydm, ym, my, md, dm, d, m, y",
            None,
        )
    ]
    assert found({"prosody": {"volume": "loudest", "text": "x"}}) == [
        (
            "TTS210",
            "/prosody/volume",
            "volume 'loudest' is not allowed: use a level (silent, x-soft, soft, medium, loud, "
            "x-loud, default), an absolute 0 to 100, a relative '+10', or a percent like '+50%'",
            "did you mean 'loud'?",
        )
    ]


def test_a_number_where_a_string_is_required_says_what_to_write() -> None:
    document = {"express-as": {"style": "cheerful", "styledegree": 1.5, "text": "hi"}}
    assert found(document, profile="azure") == [
        ("TTS103", "/express-as/styledegree", "expected a string, got a number 1.5", 'write "1.5"')
    ]


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (
            b'{"express-as": {"style": "cheerful", "styledegree": 1.50, "text": "hi"}}',
            '{"express-as": {"style": "cheerful", "styledegree": "1.50", "text": "hi"}}',
            '1:53: TTS103 wrote 1.50 as "1.50"',
        ),
        (b'{"text": 5}', '{"text": "5"}', '1:10: TTS103 wrote 5 as "5"'),
    ],
)
def test_fix_quotes_a_number_where_a_string_is_required(
    before: bytes, after: str, change: str
) -> None:
    result = fix_source(load_bytes(before, "json"), options=LintOptions(profile="azure"))
    assert result.text == after
    assert [str(c) for c in result.changes] == [change]


def test_other_wrong_types_are_not_fixed() -> None:
    assert fix_source(load_bytes(b'{"text": true}', "json")).text is None


@pytest.mark.parametrize(
    ("document", "kind", "expected"),
    [
        (
            {"text": "hi", "voice": "male", "txt": "x"},
            "play",
            (
                "TTS101",
                "/txt",
                "unknown play key 'txt': allowed are prompt_name, prompt_ref, text, language, "
                "voice, dtmf, asr, start_timeout, recognizer_timeout, text_to_speech_option",
                None,
            ),
        ),
        (
            {
                "say_as": {"interpret-as": "cardinal", "text": "1"},
                "say-as": {"interpret-as": "cardinal", "text": "2"},
            },
            "tts",
            (
                "TTS105",
                "/say_as",
                "'say_as' should be spelled with a hyphen: 'say-as'",
                "number the say-as members in document order (say-as, say-as2, ...)",
            ),
        ),
        (
            {"break": {"value": "1s", "time": "2s"}},
            "tts",
            (
                "TTS105",
                "/break/time",
                "break key 'time' should be 'value'",
                "remove it: 'value' is given too",
            ),
        ),
        (
            {"text": "a", "text1": "b", "text2": "c"},
            "tts",
            (
                "TTS106",
                "/text1",
                "member 'text1' means 'text', which this object already has",
                "number the text members in document order (text, text2, ...)",
            ),
        ),
    ],
)
def test_no_rename_hint_when_every_name_is_taken(
    document: Any, kind: str, expected: tuple[str, ...]
) -> None:
    assert found(document, kind=kind) == [expected]


# Mutation testing's survivors (docs/mutation.md): messages of express-as, request bodies
# and aliases, word for word. Styles and roles are the profiles' lists (SPEC §1).
SEED_STYLES = "advertisement_upbeat, cheerful, customerservice, friendly, gentle"
AZURE_ROLES = (
    "Boy, Girl, OlderAdultFemale, OlderAdultMale, SeniorFemale, SeniorMale, "
    "YoungAdultFemale, YoungAdultMale"
)


@pytest.mark.parametrize(
    ("express_as", "profile", "expected"),
    [
        ({"text": "x"}, "enablex", [("TTS102", "/express-as", "express-as needs 'style'", None)]),
        (
            {"style": "Cheerful", "text": "x"},
            "enablex",
            [
                (
                    "TTS205",
                    "/express-as/style",
                    "style 'Cheerful' should be written 'cheerful'",
                    "write 'cheerful'",
                )
            ],
        ),
        (
            {"style": "cheerfull", "text": "x"},
            "enablex",
            [
                (
                    "TTS206",
                    "/express-as/style",
                    f"style 'cheerfull' is not one of the enablex profile's styles: {SEED_STYLES}",
                    "did you mean 'cheerful'?",
                )
            ],
        ),
        (
            {"style": 5, "text": "x"},
            "enablex",
            [("TTS103", "/express-as/style", "expected a string, got a number 5", 'write "5"')],
        ),
        (
            {"style": "cheerful", "role": "Gril", "text": "x"},
            "azure",
            [
                (
                    "TTS209",
                    "/express-as/role",
                    f"role 'Gril' is not allowed: use {AZURE_ROLES}",
                    "did you mean 'Girl'?",
                )
            ],
        ),
    ],
)
def test_express_as_messages(express_as: Any, profile: str, expected: list[Any]) -> None:
    assert found({"express-as": express_as}, profile=profile) == expected


def test_an_aliased_interpret_as_does_not_excuse_a_missing_text() -> None:
    assert found({"say-as": {"interpret_as": "cardinal"}}) == [
        (
            "TTS105",
            "/say-as/interpret_as",
            "say-as key 'interpret_as' should be 'interpret-as'",
            "rename it 'interpret-as'",
        ),
        ("TTS102", "/say-as", "say-as needs 'text'", None),
    ]


def test_an_unsigned_percent_pitch_is_read_as_azure_reads_it() -> None:
    # SPEC §1: like an unsigned percent rate, '50%' is +50% to Azure and a share in W3C SSML.
    assert found({"prosody": {"pitch": "50%", "text": "x"}}) == [
        (
            "TTS212",
            "/prosody/pitch",
            "pitch '50%' has no sign: Azure reads it as '+50%', W3C SSML as a share of normal",
            "write '+50%'",
        )
    ]


DIAL = {"from": "+15550100", "to": "+15550101"}


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        (
            "dial-out",
            {**DIAL, "action_on_connect": {"play": {"prompt_name": "a"}, "bogus": 1}},
            [
                (
                    "TTS101",
                    "/action_on_connect/bogus",
                    "unknown action_on_connect key 'bogus': allowed are play, connect, room",
                    None,
                )
            ],
        ),
        (
            "dial-out",
            {**DIAL, "event_url": "ftp://x"},
            [("TTS410", "/event_url", "event_url 'ftp://x' is not an absolute http(s) URL", None)],
        ),
        (
            "dial-out",
            {**DIAL, "event_url": "http://x.example/e"},
            [
                (
                    "TTS411",
                    "/event_url",
                    "event_url 'http://x.example/e' uses plain http: "
                    "events would travel unencrypted",
                    "use https",
                )
            ],
        ),
        ("hold", "x", [("TTS103", "", "a hold body is an object, got a string 'x'", None)]),
        ("recording", [], [("TTS103", "", "a recording body is an object, got an array", None)]),
    ],
)
def test_request_body_messages(kind: str, body: Any, expected: list[Any]) -> None:
    assert found(body, kind=kind) == expected
