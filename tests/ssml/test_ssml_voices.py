"""The default voice table and its overrides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ttsbuilder.errors import ArgumentError
from ttsbuilder.ssml import (
    DEFAULT_VOICES,
    default_voice,
    render_ssml,
    reset_default_voices,
    set_default_voice,
    voice_table,
)
from ttsbuilder.ssml.voices import GENDERS, is_azure_voice, is_voice_name, voice_locale


@pytest.fixture(autouse=True)
def clean_table() -> Iterator[None]:
    reset_default_voices()
    yield
    reset_default_voices()


def test_every_locale_has_a_female_and_a_male_neural_voice_of_that_locale() -> None:
    locales = {locale for locale, _ in DEFAULT_VOICES}
    assert {"en-US", "en-GB", "es-ES", "fr-FR", "de-DE", "hi-IN", "zh-CN"} <= locales
    for locale in locales:
        names = {DEFAULT_VOICES[(locale, gender)] for gender in GENDERS}
        assert len(names) == 2
        for name in names:
            assert is_voice_name(name)
            assert name.endswith("Neural")
            assert voice_locale(name) == locale


@pytest.mark.parametrize(
    ("name", "azure"),
    [
        # Names as Azure's and Google's voice lists print them (hand-copied).
        ("en-US-JennyNeural", True),
        ("zh-CN-XiaoxiaoMultilingualNeural", True),
        ("en-US-Ava:DragonHDLatestNeural", True),
        ("en-US-Wavenet-F", False),
        ("en-US-Neural2-F", False),
        ("en-US-Chirp3-HD-Aoede", False),
        ("Joanna", False),  # Polly's
        ("female", False),
        (None, False),
        (7, False),
    ],
)
def test_an_azure_voice_is_told_from_google_s_and_polly_s(name: object, azure: bool) -> None:
    assert is_azure_voice(name) is azure


def test_lookup_ignores_the_case_of_the_language_tag() -> None:
    assert default_voice("EN-us", "male") == "en-US-GuyNeural"
    assert default_voice("xx-YY") is None


def test_a_global_override_changes_later_renderings_and_can_be_undone() -> None:
    set_default_voice("en-US", "female", "en-US-AriaNeural")
    assert 'name="en-US-AriaNeural"' in render_ssml({"text": "Hi"})
    assert voice_table()[("en-US", "female")] == "en-US-AriaNeural"
    set_default_voice("en-US", "female", None)
    assert 'name="en-US-JennyNeural"' in render_ssml({"text": "Hi"})


def test_an_override_can_add_a_locale() -> None:
    set_default_voice("en-NZ", "male", "en-NZ-MitchellNeural")
    assert voice_table()[("en-NZ", "male")] == "en-NZ-MitchellNeural"
    ssml = render_ssml({"text": "Kia ora", "voice": "male", "language": "en-nz"})
    assert 'name="en-NZ-MitchellNeural"' in ssml
    reset_default_voices()
    assert ("en-NZ", "male") not in voice_table()
    assert voice_table() == dict(DEFAULT_VOICES)


def test_the_built_in_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        DEFAULT_VOICES[("en-US", "female")] = "x"  # type: ignore[index]


@pytest.mark.parametrize(
    ("language", "voice", "name"),
    [("en-US", "robot", "en-US-AriaNeural"), ("en-US", "female", "Aria"), ("en-US", "male", "")],
)
def test_overrides_are_checked(language: str, voice: str, name: str) -> None:
    with pytest.raises(ArgumentError):
        set_default_voice(language, voice, name)
