"""The platform limits (TTS9xx): each rule's examples, and the numbers counted by hand."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttsbuilder.errors import ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.rules import RULES
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.limits import LIMIT_VOICES
from ttsbuilder.ssml import DEFAULT_VOICES, render_ssml, render_ssml_with_problems
from ttsbuilder.ssml.limits import (
    billable_characters,
    is_hd_voice,
    spoken_text,
)
from ttsbuilder.ssml.voice_styles import AZURE_VOICE_STYLES

LIMIT_RULES = [rule for rule in RULES.values() if rule.family == "limits"]


def problems_of(rule: Rule, example: str) -> list[Problem]:
    return render_ssml_with_problems(
        json.loads(example),
        rule.kind.removeprefix("ssml-"),  # type: ignore[arg-type]
        voice=LIMIT_VOICES.get(rule.code),
        profile=rule.profile,
    ).problems


def test_the_limits_family_is_the_9xx_range() -> None:
    assert [rule.code for rule in LIMIT_RULES] == [f"TTS9{n:02d}" for n in range(1, 7)]


@pytest.mark.parametrize("rule", LIMIT_RULES, ids=lambda r: r.code)
def test_bad_example_renders_with_its_problem(rule: Rule) -> None:
    found = [p for p in problems_of(rule, rule.bad) if p.code == rule.code]
    assert len(found) == 1
    assert found[0].severity is rule.severity
    target = rule.kind.removeprefix("ssml-")
    if rule.severity.value == "error":
        # render_ssml has no problem list to put it in: it refuses.
        with pytest.raises(ValidationError) as refused:
            render_ssml(json.loads(rule.bad), target)  # type: ignore[arg-type]
        assert rule.code in {p.code for p in refused.value.problems}


@pytest.mark.parametrize("rule", LIMIT_RULES, ids=lambda r: r.code)
def test_good_example_renders_clean(rule: Rule) -> None:
    assert problems_of(rule, rule.good) == []


# Hand-counted cases. Polly bills the text only: "Hi there" is 8 characters.
def test_polly_bills_text_not_tags() -> None:
    ssml = render_ssml({"text": "Hi", "break": {"value": "1s"}, "text2": " there"}, "polly")
    assert ssml == '<speak>Hi<break time="1s"/> there</speak>'
    assert billable_characters("polly", ssml) == 8
    # An escaped ampersand is one character of text: "Fish & chips" is 12.
    assert billable_characters("polly", render_ssml({"text": "Fish & chips"}, "polly")) == 12


def test_google_bills_the_whole_input() -> None:
    ssml = render_ssml({"text": "Hi"}, "google")
    # <speak><voice name="en-US-Wavenet-F">Hi</voice></speak>: 7 + 30 + 2 + 8 + 8 = 55
    assert billable_characters("google", ssml) == 55


def test_azure_bills_the_voice_content_and_han_twice() -> None:
    # Inside <voice>: "Hello" (5) + <break time="500ms"/> (21) = 26.
    ssml = render_ssml({"text": "Hello", "break": {"value": "500ms"}}, "azure")
    assert billable_characters("azure", ssml) == 26
    # 你好 (2 Han, twice each: 4) + "!" (1) = 5.
    chinese = render_ssml({"text": "你好!"}, "azure", language="zh-CN")
    assert billable_characters("azure", chinese) == 5
    # Kana and hangul are not Chinese characters: once each. こんにちは 5, 안녕 2.
    assert billable_characters("azure", render_ssml({"text": "こんにちは"}, "azure")) == 5
    assert billable_characters("azure", render_ssml({"text": "안녕"}, "azure")) == 2
    # Japanese kanji are: 日本 (2×2) + の (1) = 5.
    assert billable_characters("azure", render_ssml({"text": "日本の"}, "azure")) == 5
    # "a & b" is sent as "a &amp; b": 9 characters of markup.
    assert billable_characters("azure", render_ssml({"text": "a & b"}, "azure")) == 9


def test_w3c_has_no_billing() -> None:
    assert billable_characters("w3c", render_ssml({"text": "Hi"}, "w3c")) is None


def test_polly_limits_at_the_edge() -> None:
    # 3000 billed characters pass, 3001 do not (counted by the service, not its tags).
    assert render_ssml_with_problems({"text": "a" * 3000}, "polly").problems == []
    codes = [p.code for p in render_ssml_with_problems({"text": "a" * 3001}, "polly").problems]
    assert codes == ["TTS901"]


def test_google_counts_bytes_not_characters() -> None:
    # 1650 × "語" is 4950 bytes of text alone: with the markup (53 bytes) it is 5003.
    rendering = render_ssml_with_problems({"text": "語" * 1650}, "google")
    assert len(rendering.ssml) == 1703
    assert [p.code for p in rendering.problems] == ["TTS903"]
    assert "5003 bytes" in rendering.problems[0].message
    assert render_ssml_with_problems({"text": "語" * 1649}, "google").problems == []


def test_a_style_is_checked_only_for_a_named_voice() -> None:
    gentle = {"express-as": {"style": "gentle", "text": "Welcome"}}
    assert render_ssml_with_problems(gentle, "azure").problems == []
    named = render_ssml_with_problems(gentle, "azure", voice="en-US-JennyNeural").problems
    assert [(p.code, p.pointer) for p in named] == [("TTS905", "/express-as/style")]
    # A voice not in the table is not judged; a style it has is fine, in any case.
    assert render_ssml_with_problems(gentle, "azure", voice="en-US-EmmaNeural").problems == []
    cheerful = {"express-as": {"style": "Cheerful", "text": "Hi"}}
    found = render_ssml_with_problems(cheerful, "azure", voice="en-US-JennyNeural").problems
    assert [p.code for p in found] == ["TTS205"]  # the case, validate()'s; not TTS905
    # A play body's pointer is kept.
    body = {"voice": "female", "text_to_speech_option": gentle}
    found = render_ssml_with_problems(body, "azure", voice="de-DE-KatjaNeural").problems
    assert [p.pointer for p in found if p.code == "TTS905"] == [
        "/text_to_speech_option/express-as/style"
    ]


def test_the_style_table_covers_every_default_voice() -> None:
    assert set(DEFAULT_VOICES.values()) <= set(AZURE_VOICE_STYLES)


def test_hd_voices_warn_for_each_unsupported_member() -> None:
    assert is_hd_voice("en-US-Ava:DragonHDLatestNeural")
    tree = {
        "text": "Hi",
        "prosody": {"rate": "+10%", "text": "there", "break": {"value": "1s"}},
    }
    found = render_ssml_with_problems(tree, "azure", voice="en-US-Ava:DragonHDLatestNeural")
    assert [(p.code, p.pointer) for p in found.problems] == [
        ("TTS906", "/prosody"),
        ("TTS906", "/prosody/break"),
    ]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_polly_billing_is_the_spoken_text(text: str) -> None:
    tree = {"text": text or "x"}
    try:
        ssml = render_ssml(tree, "polly")
    except ValidationError:
        return
    assert billable_characters("polly", ssml) == len(spoken_text(ssml)) == len(tree["text"])
