"""The preview's memory is bounded, its length limited, its files whole (issue 10.5).

Before the fix the whole audio was held in memory several times over (~10 KB per input
byte: a 650 KB prompt used 6.8 GB), and a MemoryError ended as ``internal error: ``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from ttsbuilder.errors import PreviewError
from ttsbuilder.preview import preview_wav, render, timeline
from ttsbuilder.preview.audio import read_wav
from ttsbuilder.preview.splice import Splice
from ttsbuilder.preview.synthesis import MAX_CHARACTERS, MAX_SECONDS

pytestmark = pytest.mark.usefixtures("engine_available")

SENTENCE = "Please listen carefully, as our menu options have changed recently. "


def long_prompt(parts: int, pause: str = "4s") -> dict[str, Any]:
    """About ``parts`` × 12 seconds of audio, within the character limit."""
    document: dict[str, Any] = {}
    for index in range(parts):
        suffix = str(index + 1) if index else ""
        document["text" + suffix] = SENTENCE * 2
        document["break" + suffix] = {"value": pause}
    return document


MEASURE = textwrap.dedent(
    """
    import json, os, resource, sys
    from ttsbuilder.preview import preview_wav
    document, target = json.loads(sys.argv[1]), sys.argv[2]
    preview_wav({"text": "Warm up.", "break": {"value": "1s"}}, target)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = preview_wav(document, target)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"growth_kb": after - before, "duration": result.duration,
                      "bytes": os.path.getsize(target)}))
    """
)


def test_memory_stays_bounded_for_a_long_prompt(tmp_path: Path) -> None:
    # ~8 minutes of audio: a 21 MB WAV. Holding the audio even once would grow the peak
    # RSS by 21 MB (the code before the fix grew it by 60 MB); streaming through a
    # temporary file keeps it within the 4 MiB spool and a few buffers.
    target = tmp_path / "long.wav"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, json.dumps(long_prompt(40)), str(target)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    measured = json.loads(done.stdout)
    assert measured["duration"] > 420
    assert measured["bytes"] > 20_000_000
    assert measured["growth_kb"] < 12 * 1024, measured


def test_a_prompt_over_the_duration_limit_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.wav"
    target.write_bytes(b"keep me")
    too_long = long_prompt(60, "4999ms")  # ~60 × 13 s: more than ten minutes
    with pytest.raises(PreviewError, match=r"maximum of 10 minutes \(600 s\)"):
        preview_wav(too_long, target)
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.wav"]  # no temporary left
    with pytest.raises(PreviewError, match="10 minutes"):
        timeline(too_long)
    assert MAX_SECONDS == 600


def test_a_prompt_over_the_text_limit_is_refused_before_it_is_spoken() -> None:
    words = "word " * (MAX_CHARACTERS // 5 + 1)
    with pytest.raises(PreviewError, match="at most 20,000") as caught:
        render({"text": words})
    assert f"{len(words):,} characters" in str(caught.value)


def test_the_cli_names_the_limit_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "long.json").write_text(json.dumps(long_prompt(60, "4999ms")), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "preview", "long.json", "-o", "o.wav"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "ttsbuilder preview: the preview would last longer than its maximum of 10 minutes "
        "(600 s): preview the prompt in parts"
    ]
    assert not (tmp_path / "o.wav").exists()


def test_running_out_of_memory_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def exhausted(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(Splice, "copy", exhausted)
    with pytest.raises(PreviewError, match="not enough memory"):
        render({"text": "Hello"})
    target = tmp_path / "out.wav"
    with pytest.raises(PreviewError, match="not enough memory"):
        preview_wav({"text": "Hello"}, target)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_says_so_when_memory_runs_out(tmp_path: Path) -> None:
    # An allocation that cannot succeed, where a runaway preview would make it.
    script = textwrap.dedent(
        """
        import sys
        from ttsbuilder.cli import main
        import ttsbuilder.preview.synthesis as synthesis
        def greedy(*args, **kwargs):
            return bytearray(1 << 40)  # what a runaway preview would do
        synthesis.build_markup = greedy
        sys.exit(main(["preview", "hi.json", "-o", "o.wav"]))
        """
    )
    (tmp_path / "hi.json").write_text('{"text": "hi"}', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("ttsbuilder preview: not enough memory"), done.stderr
    assert not (tmp_path / "o.wav").exists()


def test_a_write_failing_halfway_leaves_nothing_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    original = Splice.copy

    def failing(self: Splice, raw: Any, write: Any) -> None:
        def half(data: bytes) -> None:
            write(data)
            raise OSError(28, "No space left on device")

        original(self, raw, half)

    monkeypatch.setattr(Splice, "copy", failing)
    target = tmp_path / "out.wav"
    with pytest.raises(PreviewError, match=r"cannot write .*No space left on device"):
        preview_wav({"text": "Hello"}, target)
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"keep me")
    with pytest.raises(PreviewError, match="No space left"):
        preview_wav({"text": "Hello"}, target)
    assert target.read_bytes() == b"keep me"
    assert list(tmp_path.iterdir()) == [target]


def test_a_streamed_wav_reads_back_whole(tmp_path: Path) -> None:
    result = preview_wav(long_prompt(3), tmp_path / "out.wav")
    samples, rate = read_wav(tmp_path / "out.wav")
    assert len(samples) == round(result.duration * rate)
    again = render(long_prompt(3))
    assert again.samples is not None
    assert len(again.samples) == pytest.approx(len(samples), abs=rate * 0.05)


def test_the_limits_are_documented_as_they_are() -> None:
    root = Path(__file__).resolve().parents[2]
    for page in ("preview.md", "cli.md"):
        text = " ".join((root / "docs" / page).read_text(encoding="utf-8").split())
        assert f"{MAX_SECONDS // 60} minutes" in text, page
        assert f"{MAX_CHARACTERS:,} characters" in text, page
