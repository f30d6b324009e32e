"""measure(): every number counted by hand from the SSML each platform is sent."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from ttsbuilder import Allowance, Budget, measure
from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.strategies import trees

SEED = Path(__file__).parent / "data" / "seed"
HELLO = {"text": "Hello", "break": {"value": "500ms"}, "text2": "world"}


def test_polly_counts_text_only() -> None:
    budget = measure(HELLO, "polly")
    # <speak>Hello<break time="500ms"/>world</speak>: 7 + 5 + 21 + 5 + 8 = 46 characters.
    assert budget.ssml == '<speak>Hello<break time="500ms"/>world</speak>'
    assert (budget.characters, budget.billable_characters) == (10, 10)
    assert (budget.ssml_characters, budget.ssml_bytes) == (46, 46)
    assert (budget.breaks, budget.pause_ms, budget.duration) == (1, 500.0, None)
    assert budget.allowances == (
        Allowance("billed characters", 10, 3000),
        Allowance("characters", 46, 6000),
    )
    assert budget.within_limits


def test_azure_bills_the_markup_inside_the_voice() -> None:
    budget = measure(HELLO, "azure")
    # Inside <voice>: Hello (5) + <break time="500ms"/> (21) + world (5) = 31.
    assert (budget.characters, budget.billable_characters, budget.breaks) == (10, 31, 1)
    assert budget.ssml == (
        '<speak xmlns="http://www.w3.org/2001/10/synthesis" '
        'xmlns:mstts="http://www.w3.org/2001/mstts" version="1.0" xml:lang="en-US">'
        '<voice name="en-US-JennyNeural">Hello<break time="500ms"/>world</voice></speak>'
    )
    # The literal above is 204 characters, all ASCII: 204 bytes.
    assert budget.allowances == (Allowance("bytes", 204, 65536),)


def test_google_bills_and_limits_the_whole_request() -> None:
    budget = measure(HELLO, "google")
    # <speak> (7) <voice name="en-US-Wavenet-F"> (30) 31 </voice> (8) </speak> (8) = 84.
    assert (budget.billable_characters, budget.ssml_bytes) == (84, 84)


def test_chinese_counts_twice_in_azure_and_three_bytes_in_google() -> None:
    # 您好，欢迎致电。: six Han characters, a fullwidth comma and an ideographic full
    # stop (punctuation, not Han): 8 characters, 8 + 6 = 14 billable in Azure.
    welcome = {"language": "zh-CN", "text_to_speech_option": {"text": "您好，欢迎致电。"}}
    azure = measure(welcome, "azure")
    assert (azure.characters, azure.billable_characters) == (8, 14)
    # Polly bills characters: 8.
    assert measure(welcome, "polly").billable_characters == 8
    # <speak><voice name="cmn-CN-Wavenet-A">你好</voice></speak>: 7 + 31 + 2×3 + 16 = 60 bytes
    google = measure({"language": "zh-CN", "text_to_speech_option": {"text": "你好"}}, "google")
    assert (google.ssml_characters, google.ssml_bytes, google.billable_characters) == (56, 60, 56)


def test_japanese_kanji_count_twice_kana_once() -> None:
    # ご用件をどうぞ: 用 and 件 are kanji (Han): 7 + 2 = 9.
    tree = {"text": "ご用件をどうぞ"}
    assert measure(tree, "azure", voice="ja-JP-NanamiNeural").billable_characters == 9


def test_a_long_pause_is_two_breaks_in_polly() -> None:
    tree = {"text": "Hold on", "break": {"value": "15s"}}
    polly = measure(tree, "polly", profile="azure")
    assert (polly.breaks, polly.pause_ms) == (2, 15000.0)
    azure = measure(tree, "azure", profile="azure")
    assert (azure.breaks, azure.pause_ms) == (1, 15000.0)


def test_seed_prompt_pauses_count_the_leading_silence() -> None:
    play = json.loads((SEED / "play.json").read_text())
    azure = measure(play, "azure")
    # Two 2000ms breaks and a 2000ms leading mstts:silence.
    assert (azure.breaks, azure.pause_ms) == (2, 6000.0)
    # Polly writes the leading silence as a third break.
    polly = measure(play, "polly")
    assert (polly.breaks, polly.pause_ms) == (3, 6000.0)
    assert polly.characters == azure.characters == polly.billable_characters


def test_over_the_limit_is_measured_not_refused() -> None:
    budget = measure({"text": "a" * 3001}, "polly")
    assert not budget.within_limits
    assert budget.allowances[0] == Allowance("billed characters", 3001, 3000)
    assert [p.code for p in budget.problems] == ["TTS901"]


def test_w3c_has_no_billing_and_no_allowances() -> None:
    budget = measure(HELLO, "w3c")
    assert (budget.billable_characters, budget.allowances) == (None, ())


def test_errors_are_refused() -> None:
    with pytest.raises(ValidationError):
        measure({"break": {"value": "9s"}}, "polly")


def test_a_budget_is_a_frozen_value() -> None:
    budget = measure(HELLO, "polly")
    assert budget == measure(HELLO, "polly")
    assert hash(budget) == hash(measure(HELLO, "polly"))
    with pytest.raises(AttributeError):
        budget.characters = 1  # type: ignore[misc]
    assert isinstance(budget, Budget)
    assert json.loads(json.dumps(budget.as_dict()))["billable_characters"] == 10


@pytest.mark.skipif(
    importlib.util.find_spec("espeakng_loader") is None, reason="the preview extra is missing"
)
def test_duration_comes_from_the_preview() -> None:
    budget = measure({"text": "Hi", "break": {"value": "2s"}}, "polly", duration=True)
    assert budget.duration is not None
    # At least the pause asked for, and not minutes for one word.
    assert 2.0 <= budget.duration < 6.0


def _texts(members: dict[str, object]) -> str:
    """The tree's texts in document order (say-as texts too), by walking the tree."""
    found = []
    for name, value in members.items():
        if name.rstrip("0123456789") == "text":
            found.append(str(value))
        elif isinstance(value, dict):
            found.append(_texts(value) if "interpret-as" not in value else str(value["text"]))
    return "".join(found)


@settings(max_examples=60, deadline=None)
@given(trees("azure", warnings=True))
def test_every_target_speaks_and_bills_the_trees_text(tree: dict[str, object]) -> None:
    spoken = len(_texts(tree))
    for target in ("azure", "w3c", "polly", "google"):
        budget = measure(tree, target, profile="azure")  # type: ignore[arg-type]
        assert budget.characters == spoken
        assert budget.ssml_bytes == len(budget.ssml.encode())
    assert measure(tree, "polly", profile="azure").billable_characters == spoken
    google = measure(tree, "google", profile="azure")
    assert google.billable_characters == google.ssml_characters
    # Azure bills at least the text: markup and Han ideographs only add.
    azure = measure(tree, "azure", profile="azure")
    assert azure.billable_characters is not None
    assert azure.billable_characters >= spoken


@pytest.mark.parametrize(
    "call",
    [
        lambda: measure(None),
        lambda: measure("Hello"),
        lambda: measure({"text": "Hi"}, "alexa"),  # type: ignore[arg-type]
        lambda: measure({"text": "Hi"}, voice="Polly.Joanna"),
        lambda: measure({"text": "Hi"}, language="../etc"),
        lambda: measure({"text": "Hi"}, voice=["female"]),  # type: ignore[arg-type]
        lambda: measure({"text": "Hi"}, "polly", voice={}),  # type: ignore[arg-type]
        lambda: measure({"text": "Hi"}, duration="no"),  # type: ignore[arg-type]
        lambda: measure({"text": "Hi"}, duration=None),  # type: ignore[arg-type]
    ],
)
def test_hostile_input_gets_the_librarys_exception(call: object) -> None:
    with pytest.raises(TTSBuilderError):
        call()  # type: ignore[operator]
