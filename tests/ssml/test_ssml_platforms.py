"""The polly and google targets: what each node and value becomes, and every loss warned.

Expected values are worked out by hand from the vendors' documented forms (Polly: rate
20%-200% of normal, volume in dB, pitch in percent; Google: the same plus semitones).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from ssml_support import SEED

from ttsbuilder.errors import ArgumentError, ValidationError
from ttsbuilder.ssml import (
    choose_voice,
    default_voice,
    render_ssml,
    render_ssml_with_problems,
    reset_default_voices,
    set_default_voice,
    voice_table,
)
from ttsbuilder.ssml.platforms import pauses, prosody_value, say_as
from ttsbuilder.values import Pitch, Rate, Volume


def body(ssml: str) -> str:
    """What is inside <speak> (and Google's <voice>)."""
    inner = ssml.split(">", 1)[1].rsplit("</speak>", 1)[0]
    if inner.startswith("<voice"):
        inner = inner.split(">", 1)[1].rsplit("</voice>", 1)[0]
    return inner


@pytest.mark.parametrize(
    ("target", "value", "written", "lossy"),
    [
        ("polly", Rate.parse("+30%"), "130%", False),
        ("polly", Rate.parse("1.5"), "150%", False),
        ("polly", Rate.parse("-50%"), "50%", False),
        ("polly", Rate.parse("3"), "200%", True),
        ("polly", Rate.parse("-90%"), "20%", True),
        ("google", Rate.parse("-90%"), "25%", True),
        ("google", Rate.parse("3"), "300%", False),
        ("polly", Rate.parse("default"), "medium", True),
        ("polly", Rate.parse("x-fast"), "x-fast", False),
        # 2 ** (-2 / 12) = 0.8909 -> -10.91%
        ("polly", Pitch.parse("-2st"), "-10.91%", False),
        ("google", Pitch.parse("-2st"), "-2st", False),
        ("google", Pitch.parse("+30st"), "+20st", True),
        ("polly", Pitch.parse("+50%"), "+50%", False),
        ("polly", Pitch.parse("-50%"), "-33.3%", True),
        # 12 * log2(0.5) = -12 semitones: the same pitch, in a form Google takes
        ("google", Pitch.parse("-50%"), "-12st", False),
        ("polly", Pitch.parse("600Hz"), None, True),
        ("google", Pitch.parse("+80Hz"), None, True),
        ("polly", Pitch.parse("high"), "high", False),
        # 20 * log10(1.5) = 3.52 dB; 20 * log10(0.5) = -6.02 dB
        ("polly", Volume.parse("+50%"), "+3.52dB", False),
        ("google", Volume.parse("50"), "-6.02dB", False),
        ("polly", Volume.parse("0"), "silent", False),
        # 20 * log10(11) = 20.83 dB, above Google's +16 dB
        ("google", Volume.parse("+1000%"), "+16dB", True),
        ("polly", Volume.parse("+1000%"), "+20.83dB", False),
        ("google", Volume.parse("default"), "medium", True),
    ],
)
def test_prosody_values(target: str, value: object, written: str | None, lossy: bool) -> None:
    converted = prosody_value(target, value)  # type: ignore[arg-type]
    assert converted.text == written
    assert (converted.note is not None) is lossy


@pytest.mark.parametrize(
    ("target", "interpret", "form", "expected"),
    [
        ("polly", "number_digit", None, ("digits", None, False)),
        ("google", "number_digit", None, ("characters", None, False)),
        ("google", "number", None, ("cardinal", None, False)),
        ("polly", "date", "mdy", ("date", "mdy", False)),
        ("polly", "date", "ydm", (None, None, True)),
        ("polly", "date", None, (None, None, True)),
        ("google", "date", "ydm", ("date", None, True)),
        ("google", "time", "hms12", ("time", "hms12", False)),
        ("polly", "time", "hms12", (None, None, True)),
        ("polly", "currency", None, (None, None, True)),
        ("google", "currency", None, ("currency", None, False)),
        ("google", "address", None, (None, None, True)),
        ("polly", "telephone", "44", ("telephone", None, True)),
        ("google", "duration", "hms", (None, None, True)),
    ],
)
def test_say_as_forms(
    target: str, interpret: str, form: str | None, expected: tuple[object, ...]
) -> None:
    found = say_as(target, interpret, form)  # type: ignore[arg-type]
    assert (found.interpret_as, found.format, found.note is not None) == expected


def test_long_pauses_split_into_breaks_of_at_most_ten_seconds() -> None:
    assert pauses(10000) == ["10000ms"]
    assert pauses(15500) == ["10000ms", "5500ms"]
    ssml, problems = render_ssml_with_problems(
        {"break": {"value": "15s"}}, "polly", profile="azure"
    )
    assert body(ssml) == '<break time="10000ms"/><break time="5000ms"/>'
    assert [p.code for p in problems] == ["TTS611"]


def test_polly_document_is_a_bare_speak_and_google_names_its_voice() -> None:
    tree = {"text": "Fish & chips"}
    assert render_ssml(tree, "polly") == "<speak>Fish &amp; chips</speak>"
    assert render_ssml(tree, "google") == (
        '<speak><voice name="en-US-Wavenet-F">Fish &amp; chips</voice></speak>'
    )
    assert 'name="en-GB-Wavenet-B"' in render_ssml(tree, "google", voice="male", language="en-GB")


def test_every_loss_is_a_warning() -> None:
    tree = {
        "silence": {"type": "Sentenceboundary", "value": "200ms"},
        "silence2": {"type": "tailing-exact", "value": "1s"},
        "express-as": {"style": "cheerful", "text": "Hi"},
        "prosody": {
            "pitch": "+80Hz",
            "text": "there",
            "say-as": {"interpret-as": "currency", "text": "$5"},
        },
    }
    ssml, problems = render_ssml_with_problems(tree, "polly", profile="azure")
    # The prosody keeps no attribute (Hz is dropped): its content is written in its place.
    assert body(ssml) == 'Hi<!---->there<!---->$5<break time="1s"/>'
    codes = [(p.code, p.pointer) for p in problems if p.code.startswith("TTS6")]
    assert codes == [
        ("TTS607", "/silence"),
        ("TTS607", "/silence2"),
        ("TTS606", "/express-as"),
        ("TTS608", "/prosody/pitch"),
        ("TTS610", "/prosody/say-as"),
    ]


def test_polly_pitch_is_written_with_a_warning_for_neural_voices() -> None:
    ssml, problems = render_ssml_with_problems(
        {"prosody": {"pitch": "+10%", "text": "Hi"}}, "polly"
    )
    assert body(ssml) == '<prosody pitch="+10%">Hi</prosody>'
    assert [p.code for p in problems] == ["TTS609"]


def test_voice_tables_choose_and_override() -> None:
    assert default_voice("en-US", "female", "polly") == "Joanna"
    assert default_voice("zh-Hans-CN", "male", "google") == "cmn-CN-Wavenet-B"
    assert voice_table("google")[("fr-FR", "female")] == "fr-FR-Wavenet-A"
    play = {"text": "Hi", "voice": "male", "language": "de-DE"}
    assert choose_voice(play, "polly") == ("Hans", "de-DE", None)
    assert choose_voice(play, "w3c") == (None, "de-DE", "male")
    assert choose_voice({"text": "Hi"}, "polly", voice="Kendra").name == "Kendra"
    try:
        set_default_voice("en-US", "female", "Kendra", target="polly")
        assert choose_voice({"text": "Hi"}, "polly").name == "Kendra"
        assert default_voice("en-US") == "en-US-JennyNeural"  # other targets unchanged
    finally:
        reset_default_voices()
    assert default_voice("en-US", target="polly") == "Joanna"


def test_wrong_voice_names_and_missing_voices_are_clear_errors() -> None:
    with pytest.raises(ArgumentError, match="or an Amazon Polly voice name like 'Joanna'"):
        render_ssml({"text": "Hi"}, "polly", voice="en-US-JennyNeural")
    with pytest.raises(ArgumentError, match="or an Azure voice name like 'en-US-JennyNeural'"):
        render_ssml({"text": "Hi"}, "azure", voice="Joanna")
    with pytest.raises(ArgumentError, match="not an Azure voice name"):
        set_default_voice("en-US", "female", "Joanna")
    with pytest.raises(ArgumentError, match="not a Google voice name"):
        set_default_voice("en-US", "female", "Joanna", target="google")
    with pytest.raises(ArgumentError, match="has no voice table"):
        default_voice("en-US", target="w3c")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused:
        render_ssml({"text": "Hi", "voice": "male", "language": "ko-KR"}, "polly")
    assert [p.code for p in refused.value.problems] == ["TTS602"]
    assert "no default Amazon Polly voice" in refused.value.problems[0].message


def test_cli_renders_both_targets() -> None:
    for target, start in (
        ("polly", "<speak>"),
        ("google", '<speak><voice name="en-US-Wavenet-F">'),
    ):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ttsbuilder",
                "render",
                str(SEED / "play.json"),
                "--target",
                target,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(start)
        assert "TTS606" in done.stderr
        assert "TTS607" in done.stderr
