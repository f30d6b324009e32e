"""The ctypes binding: URI refusal, voices, the lock, and the message without the extra."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

from ttsbuilder import preview
from ttsbuilder.errors import MissingExtraError, PreviewError
from ttsbuilder.preview import engine

pytestmark = pytest.mark.usefixtures("engine_available")

#: Pauses in the audio must match the tree within this many seconds.
TOLERANCE = 0.05


def test_audio_elements_are_refused_and_their_text_spoken() -> None:
    spoken = engine.get_engine()
    before = len(spoken.refused_uris)
    result = spoken.synthesize(
        b'<speak>Hello <audio src="/etc/passwd">fallback words</audio> there</speak>', ["en-us"]
    )
    assert spoken.refused_uris[before:] == ["/etc/passwd"]
    # the alternative text is spoken instead: well over a second of speech
    assert len(result.samples) / result.sample_rate > 1.0


def test_markup_in_a_tree_never_reaches_the_uri_callback() -> None:
    spoken = engine.get_engine()
    before = len(spoken.refused_uris)
    preview.render({"text": '<audio src="/etc/passwd">x</audio>'})
    assert spoken.refused_uris[before:] == []


def test_marks_sentences_and_words_are_reported_in_samples() -> None:
    result = engine.get_engine().synthesize(
        b'<speak><mark name="a"/>One, <mark name="b"/>two. Three.<mark name="end"/></speak>',
        ["en-us"],
    )
    assert result.marks["a"] == 0
    assert 0 < result.marks["b"] < result.marks["end"] < len(result.samples)
    assert any(result.marks["b"] < at < result.marks["end"] for at in result.sentences)
    positions = [position for position, _ in result.words]
    assert positions == sorted(positions)
    assert len(positions) == 3


def test_unknown_voices_are_an_error() -> None:
    with pytest.raises(PreviewError, match="none of the voices"):
        engine.get_engine().synthesize(b"<speak>Hi</speak>", ["xx-nope"])


def test_concurrent_previews_do_not_mix(pause_at: Any, entry: Any) -> None:
    # eSpeak varies its voice by a few milliseconds from call to call, so compare shapes.
    document = {"text": "Same words each time.", "break": {"value": "800ms"}, "text2": "Done."}
    expected = preview.render(document)
    results: list[preview.PreviewResult] = []

    def speak() -> None:
        results.append(preview.render(document))

    threads = [threading.Thread(target=speak) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    for result in results:
        assert result.duration == pytest.approx(expected.duration, abs=0.03)
        pause = entry(result, "/break")
        assert pause_at(result, (pause.start + pause.end) / 2) == pytest.approx(0.8, abs=TOLERANCE)


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "espeakng_loader", None)  # import now fails
    with pytest.raises(PreviewError, match=r"pip install 'ttsbuilder\[preview\]'") as caught:
        preview.render({"text": "Hello"})
    # The package's promise too (README, Install): a MissingExtraError naming the extra.
    assert isinstance(caught.value, MissingExtraError)
    assert (caught.value.extra, caught.value.name) == ("preview", "espeakng_loader")
