"""WAV writing, silence and pause measurement (no engine needed)."""

from __future__ import annotations

import io
from array import array
from pathlib import Path

import pytest

from ttsbuilder.errors import PreviewError
from ttsbuilder.preview.audio import read_wav, samples_for, silence, silent_spans, write_wav

RATE = 22050


def tone(seconds: float, amplitude: int = 8000) -> array[int]:
    """A square wave loud enough to count as sound."""
    count = samples_for(seconds * 1000, RATE)
    return array("h", (amplitude if (i // 25) % 2 else -amplitude for i in range(count)))


def test_silence_lasts_what_it_says() -> None:
    assert len(silence(1500, RATE)) == 33075
    assert set(silence(10, RATE)) == {0}
    assert len(silence(0, RATE)) == 0


def test_silent_spans_find_each_pause_within_a_window() -> None:
    audio = tone(0.3) + silence(750, RATE) + tone(0.2) + silence(20, RATE) + tone(0.1)
    assert silent_spans(audio, RATE) == [(0.3, 1.05)]
    spans = silent_spans(audio, RATE, min_seconds=0.0)
    assert len(spans) == 2
    assert spans[1][1] - spans[1][0] == pytest.approx(0.02, abs=0.006)


def test_quiet_noise_counts_as_silence_and_loud_samples_do_not() -> None:
    audio = array("h", [150, -150] * 2205) + array("h", [-5000] * 2205)
    assert silent_spans(audio, RATE) == [(0.0, 0.2)]


def test_wav_round_trip(tmp_path: Path) -> None:
    audio = tone(0.25) + silence(100, RATE)
    write_wav(tmp_path / "a.wav", audio, RATE)
    assert read_wav(tmp_path / "a.wav") == (audio, RATE)
    buffer = io.BytesIO()
    write_wav(buffer, audio, RATE)
    assert buffer.getvalue()[:4] == b"RIFF"
    assert read_wav(io.BytesIO(buffer.getvalue())) == (audio, RATE)


def test_io_failures_are_preview_errors(tmp_path: Path) -> None:
    with pytest.raises(PreviewError, match="cannot write"):
        write_wav(tmp_path / "missing" / "a.wav", silence(10, RATE), RATE)
    with pytest.raises(PreviewError, match="cannot read"):
        read_wav(tmp_path / "none.wav")
    (tmp_path / "bad.wav").write_bytes(b"not a wav file")
    with pytest.raises(PreviewError):
        read_wav(tmp_path / "bad.wav")
