"""16-bit mono PCM: silence, WAV files, and measuring the pauses in them.

Samples are ``array('h')`` values in native byte order; WAV files are little-endian.

>>> samples = silence(100, 22050)
>>> len(samples)
2205
>>> silent_spans(samples, 22050)
[(0.0, 0.1)]
"""

from __future__ import annotations

import io
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ttsbuilder._files import open_output
from ttsbuilder.errors import PreviewError

__all__ = [
    "QUIET",
    "check_writable",
    "read_wav",
    "samples_for",
    "silence",
    "silent_spans",
    "write_stream",
    "write_wav",
]

#: Largest amplitude still heard as silence (about -44 dBFS): eSpeak's pauses are exact zeros,
#: but the fades at the edges of speech are not.
QUIET = 200
_WINDOW_SECONDS = 0.005


def samples_for(milliseconds: float, sample_rate: int) -> int:
    """The number of samples that last ``milliseconds`` at ``sample_rate``."""
    return max(0, round(milliseconds * sample_rate / 1000))


def silence(milliseconds: float, sample_rate: int) -> array[int]:
    """``milliseconds`` of digital silence."""
    return array("h", bytes(2 * samples_for(milliseconds, sample_rate)))


def write_wav(target: str | Path | BinaryIO, samples: array[int], sample_rate: int) -> None:
    """Write ``samples`` as a 16-bit mono WAV file to a path or a binary file object.

    A path is written atomically: to a temporary file beside it, then renamed over it,
    so a failure never leaves a half-written WAV (nor clobbers an existing one); a
    device or a FIFO (``/dev/null``) is written directly.
    Raises :class:`PreviewError` if the file cannot be written.
    """
    data = samples
    if sys.byteorder == "big":
        data = array("h", samples)
        data.byteswap()

    def produce(write: Callable[[bytes], object]) -> None:
        write(data.tobytes())

    write_stream(target, produce, frames=len(data), sample_rate=sample_rate)


def write_stream(
    target: str | Path | BinaryIO,
    produce: Callable[[Callable[[bytes], object]], None],
    *,
    frames: int,
    sample_rate: int,
) -> None:
    """Write a 16-bit mono WAV of ``frames`` samples that ``produce`` passes piece by piece.

    ``produce(write)`` calls ``write`` with little-endian sample bytes, ``frames`` in
    all. The header is written first, so nothing needs to seek back; as
    :func:`write_wav`, a path is replaced atomically and errors are :class:`PreviewError`.
    """
    check_writable(target)
    if isinstance(target, (str, Path)):
        try:
            with open_output(str(target)) as handle:
                _write(handle, produce, frames, sample_rate)
        except OSError as exc:
            raise PreviewError(f"cannot write {target}: {exc.strerror or exc}") from None
        return
    try:
        _write(target, produce, frames, sample_rate)
    except (OSError, ValueError, TypeError) as exc:  # closed, read-only or text-mode
        raise PreviewError(f"cannot write the WAV to {type(target).__name__}: {exc}") from None


def check_writable(target: object) -> None:
    """PreviewError unless ``target`` is a path or a binary file object open for writing."""
    if isinstance(target, (str, Path)):
        if Path(target).is_dir():
            raise PreviewError(f"cannot write {target}: it is a directory")
        return
    if isinstance(target, io.TextIOBase):
        raise PreviewError("the WAV file object is in text mode: open it with 'wb'")
    if not callable(getattr(target, "write", None)):
        raise PreviewError(
            f"cannot write the WAV to {type(target).__name__}: give a path or a binary "
            "file object open for writing"
        )


def _write(
    handle: BinaryIO,
    produce: Callable[[Callable[[bytes], object]], None],
    frames: int,
    sample_rate: int,
) -> None:
    with wave.open(handle, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.setnframes(frames)
        produce(out.writeframesraw)


def read_wav(source: str | Path | BinaryIO) -> tuple[array[int], int]:
    """The samples and sample rate of a 16-bit mono WAV file.

    Raises :class:`PreviewError` for anything else.
    """
    try:
        with wave.open(str(source) if isinstance(source, Path) else source, "rb") as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise PreviewError(f"{source}: not a 16-bit mono WAV file")
            rate = wav.getframerate()
            samples = array("h", wav.readframes(wav.getnframes()))
    except (OSError, EOFError, wave.Error) as exc:
        raise PreviewError(f"cannot read {source}: {exc}") from None
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, rate


def silent_spans(
    samples: array[int],
    sample_rate: int,
    *,
    threshold: int = QUIET,
    min_seconds: float = 0.04,
) -> list[tuple[float, float]]:
    """The (start, end) seconds of every run of silence at least ``min_seconds`` long.

    Silence is found as 5 ms windows whose peak amplitude stays below ``threshold``;
    the edges are then refined to the sample.
    """
    window = max(1, round(sample_rate * _WINDOW_SECONDS))
    spans: list[tuple[int, int]] = []
    start: int | None = None
    total = len(samples)
    for offset in range(0, total, window):
        chunk = samples[offset : offset + window]
        quiet = max(chunk) < threshold and -min(chunk) < threshold
        if quiet and start is None:
            start = offset
        elif not quiet and start is not None:
            spans.append((start, offset))
            start = None
    if start is not None:
        spans.append((start, total))
    found: list[tuple[float, float]] = []
    for a, b in spans:
        # Refine the window-aligned edges to the sample, by at most one window.
        floor, ceiling = max(0, a - window), min(total, b + window)
        while a > floor and abs(samples[a - 1]) < threshold:
            a -= 1
        while b < ceiling and abs(samples[b]) < threshold:
            b += 1
        if (b - a) / sample_rate >= min_seconds:
            found.append((round(a / sample_rate, 4), round(b / sample_rate, 4)))
    return found
