"""WAV writing, silence and pause measurement (no engine needed)."""

from __future__ import annotations

import io
import os
import stat
from array import array
from pathlib import Path

import pytest

from ttsbuilder.errors import PreviewError
from ttsbuilder.preview import audio as audio_module
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


def test_a_directory_a_text_file_or_a_non_file_is_a_preview_error(tmp_path: Path) -> None:
    audio = silence(10, RATE)
    with pytest.raises(PreviewError, match="directory"):
        write_wav(tmp_path, audio, RATE)
    with pytest.raises(PreviewError, match="text mode"):
        write_wav(io.StringIO(), audio, RATE)  # type: ignore[arg-type]
    with (tmp_path / "t.wav").open("w") as text_file, pytest.raises(PreviewError, match="text"):
        write_wav(text_file, audio, RATE)  # type: ignore[arg-type]
    for target in (None, 42, b"out.wav"):
        with pytest.raises(PreviewError, match="binary file object"):
            write_wav(target, audio, RATE)  # type: ignore[arg-type]
    closed = io.BytesIO()
    closed.close()
    with pytest.raises(PreviewError):
        write_wav(closed, audio, RATE)


def test_a_failed_write_leaves_no_partial_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.wav"
    write_wav(target, silence(10, RATE), RATE)
    before = target.read_bytes()

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audio_module, "_write", broken)
    with pytest.raises(PreviewError, match="No space left"):
        write_wav(target, silence(500, RATE), RATE)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.wav"]  # no temporary left
    with pytest.raises(PreviewError):
        write_wav(tmp_path / "new.wav", silence(500, RATE), RATE)
    assert not (tmp_path / "new.wav").exists()


def test_a_new_wav_is_readable_like_any_new_file(tmp_path: Path) -> None:
    write_wav(tmp_path / "a.wav", silence(10, RATE), RATE)
    assert (tmp_path / "a.wav").stat().st_mode & 0o777 == 0o644


def test_a_device_is_written_directly_and_a_link_stays_a_link(tmp_path: Path) -> None:
    write_wav("/dev/null", silence(10, RATE), RATE)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    target = tmp_path / "take.wav"
    target.write_bytes(b"old")
    link = tmp_path / "latest.wav"
    link.symlink_to(target)
    write_wav(link, silence(10, RATE), RATE)
    assert link.is_symlink()
    assert read_wav(target) == (silence(10, RATE), RATE)
