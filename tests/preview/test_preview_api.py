"""preview_wav() and timeline(): documents they take, what they refuse, what they return."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.codec import decode_tree
from ttsbuilder.errors import PreviewError, TTSBuilderError, ValidationError
from ttsbuilder.preview import preview_wav, timeline
from ttsbuilder.preview.audio import read_wav
from ttsbuilder.preview.synthesis import voice_candidates

pytestmark = pytest.mark.usefixtures("engine_available")

SEED = Path(__file__).parent.parent / "data" / "seed"
TREE = {"text": "Hello there.", "break": {"value": "500ms"}, "text2": "Goodbye."}


def test_writes_a_16_bit_mono_wav_that_matches_the_result(tmp_path: Path) -> None:
    result = preview_wav(TREE, tmp_path / "out.wav")
    samples, rate = read_wav(tmp_path / "out.wav")
    assert result.path == str(tmp_path / "out.wav")
    assert rate == result.sample_rate == 22050
    assert len(samples) / rate == pytest.approx(result.duration)
    assert result.samples is None  # streamed to the file, not kept
    assert result.timeline.duration == result.duration


def test_writes_to_a_binary_file_object() -> None:
    buffer = io.BytesIO()
    result = preview_wav(TREE, buffer)
    assert result.path is None
    samples, rate = read_wav(io.BytesIO(buffer.getvalue()))
    assert len(samples) / rate == pytest.approx(result.duration)


@pytest.mark.parametrize(
    ("document", "prefix"),
    [
        (TREE, ""),
        ({"text_to_speech_option": TREE, "voice": "female"}, "/text_to_speech_option"),
        (
            {
                "from": "+15550100",
                "to": "+15550101",
                "action_on_connect": {"play": {"text_to_speech_option": TREE}},
            },
            "/action_on_connect/play/text_to_speech_option",
        ),
        (decode_tree(TREE), ""),
    ],
)
def test_takes_trees_play_and_dial_out_bodies_and_models(document: Any, prefix: str) -> None:
    line = timeline(document)
    assert [e.pointer for e in line.entries] == [prefix + p for p in ("/text", "/break", "/text2")]


def test_a_play_body_with_plain_text_is_spoken() -> None:
    line = timeline({"text": "Plain text prompt", "voice": "male"})
    assert [(e.pointer, e.kind) for e in line.entries] == [("/text", "text")]
    assert line.duration > 0.5


def test_the_seed_tree_previews_with_its_warnings() -> None:
    document = json.loads((SEED / "advanced_tree.json").read_text(encoding="utf-8"))
    result = preview_wav(document, io.BytesIO())
    assert {p.code for p in result.problems} == {"TTS701", "TTS704"}
    assert result.timeline.entries[0].pointer == "/silence"
    assert result.timeline.entries[0].duration == pytest.approx(2.0, abs=0.001)


def test_documents_with_errors_raise_validation_error() -> None:
    with pytest.raises(ValidationError) as raised:
        timeline({"text": "Hi", "break": {"value": "9s"}})
    assert [p.code for p in raised.value.problems if p.is_error] == ["TTS202"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"prompt_name": "welcome"}, "recorded prompt"),
        ({"from": "+15550100", "to": "+15550101", "action_on_connect": {"room": {"room_id": "r"}}},
         "does not play"),
        (["not", "a", "tree"], "cannot preview a list"),
        ({"from": "+15550100", "to": "+15550101"}, "nothing to preview"),
    ],
)  # fmt: skip
def test_documents_without_speech_raise_preview_error(document: Any, message: str) -> None:
    with pytest.raises(PreviewError, match=message):
        timeline(document)


def test_language_picks_an_espeak_voice_and_warns_when_it_has_none() -> None:
    spanish = preview_wav({"text": "Hola", "voice": "female", "language": "es-ES"}, io.BytesIO())
    assert spanish.voice == "es+f3"
    assert spanish.problems == ()
    unknown = preview_wav({"text": "Hello", "voice": "male", "language": "xx-YY"}, io.BytesIO())
    assert unknown.voice == "en-us"
    assert [(p.code, p.pointer) for p in unknown.problems] == [("TTS702", "/language")]


def test_the_payload_wins_and_arguments_fill_in() -> None:
    body = {"text": "Hallo", "voice": "male", "language": "de-DE"}
    assert preview_wav(body, io.BytesIO(), language="en-US", voice="female").voice == "de"
    bare = {"text": "Hallo"}
    assert preview_wav(bare, io.BytesIO(), language="de-DE", voice="female").voice == "de+f3"
    # an eSpeak voice name is the caller's explicit choice: it always wins
    assert preview_wav(body, io.BytesIO(), voice="en-gb-x-rp").voice == "en-gb-x-rp"


def test_voice_candidates_fall_back_to_en_us() -> None:
    assert voice_candidates(None, None) == ["en-us", "en"]
    assert voice_candidates("zh-CN", None) == ["zh-cn", "zh", "cmn", "en-us"]
    assert voice_candidates("de-DE", "female")[-2:] == ["en-us+f3", "en-us"]


def test_unknown_profile_is_an_error() -> None:
    with pytest.raises(TTSBuilderError, match="unknown profile"):
        timeline(TREE, profile="nope")


def test_a_failing_to_dict_is_a_ttsbuilder_error() -> None:
    class Broken:
        def to_dict(self) -> dict[str, Any]:
            raise KeyError("text")

    with pytest.raises(TTSBuilderError, match=r"Broken.to_dict\(\) failed"):
        timeline(Broken())


def test_an_unwritable_target_is_refused_before_speaking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ttsbuilder.preview's function render() shadows its module render: fetch the module.
    render_module = sys.modules["ttsbuilder.preview.synthesis"]

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("synthesized for a target that cannot be written")

    monkeypatch.setattr(render_module, "render", never)
    with pytest.raises(PreviewError, match="directory"):
        preview_wav(TREE, tmp_path)
    with pytest.raises(PreviewError, match="text mode"):
        preview_wav(TREE, io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(PreviewError, match="binary file object"):
        preview_wav(TREE, None)  # type: ignore[arg-type]


def test_a_missing_folder_is_a_preview_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(PreviewError, match="cannot write"):
        preview_wav(TREE, tmp_path / "missing" / "out.wav")
    assert list(tmp_path.iterdir()) == []
