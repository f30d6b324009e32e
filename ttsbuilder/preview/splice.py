"""Editing the engine's audio on its way to the file, without holding it in memory.

The engine's samples go to a temporary file as they are made. The preview then replaces
some stretches of them with silence of a chosen length (a :class:`Edit`: a break's pause,
made exactly as long as the tree says; the extra silence at a sentence start), keeps
everything up to ``end`` (where the prompt ends: eSpeak's own final pause is cut), and
adds leading and tailing silence. :class:`Splice` maps a position in the engine's
samples to the output, and copies the output out piece by piece.

>>> import io
>>> raw = io.BytesIO(array("h", [5, 5, 0, 0, 0, 5, 5, 5]).tobytes())
>>> splice = Splice([Edit(2, 5, 1)], end=7, lead=1, tail=2)
>>> out = array("h")
>>> splice.copy(raw, lambda data: out.frombytes(data))
>>> list(out)  # on a little-endian machine
[0, 5, 5, 0, 5, 5, 0, 0]
>>> splice.position(3), splice.position(6), splice.length
(3, 5, 8)
"""

from __future__ import annotations

import bisect
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["Edit", "Splice", "quiet_run", "read_samples"]

#: Samples copied, searched or written at a time (128 KiB).
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the engine's samples ``[start, stop)`` with ``zeros`` samples of silence."""

    start: int
    stop: int
    zeros: int


def read_samples(raw: BinaryIO, start: int, stop: int) -> array[int]:
    """The engine's samples ``[start, stop)`` from the file ``raw`` (native byte order)."""
    raw.seek(2 * start)
    data = raw.read(2 * max(0, stop - start))
    samples = array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    return samples


def quiet_run(
    raw: BinaryIO, start: int, stop: int, *, low: int, high: int, threshold: int
) -> tuple[int, int]:
    """``[start, stop)`` widened over the quiet samples (below ``threshold``) on either side.

    The run stays within ``[low, high)``.
    """
    begin = max(low, start)
    while begin > low:
        chunk_start = max(low, begin - _CHUNK)
        chunk = read_samples(raw, chunk_start, begin)
        loud = next((i for i in range(len(chunk) - 1, -1, -1) if abs(chunk[i]) >= threshold), None)
        if loud is not None:
            begin = chunk_start + loud + 1
            break
        begin = chunk_start
    end = min(max(stop, begin), high)
    while end < high:
        chunk = read_samples(raw, end, min(high, end + _CHUNK))
        if not chunk:
            break
        loud = next((i for i, sample in enumerate(chunk) if abs(sample) >= threshold), None)
        if loud is not None:
            end += loud
            break
        end += len(chunk)
    return begin, end


class Splice:
    """The output: ``lead`` zeros, the engine's samples to ``end`` with ``edits``, ``tail`` zeros.

    ``edits`` are in order and do not overlap.
    """

    def __init__(self, edits: list[Edit], *, end: int, lead: int, tail: int) -> None:
        self.edits = edits
        self.end = end
        self.lead = lead
        self.tail = tail
        self._starts = [edit.start for edit in edits]
        self._shifts = []  # how far the output has moved at the start of each edit
        shift = lead
        for edit in edits:
            self._shifts.append(shift)
            shift += edit.zeros - (edit.stop - edit.start)
        self.length = end + shift + tail

    def start_of(self, index: int) -> int:
        """Where the silence of ``edits[index]`` starts in the output."""
        return self.edits[index].start + self._shifts[index]

    def position(self, sample: int) -> int:
        """Where the engine's ``sample`` is in the output (one inside an edit: its start)."""
        sample = min(max(sample, 0), self.end)
        index = bisect.bisect_right(self._starts, sample) - 1
        if index < 0:
            return sample + self.lead
        edit, shift = self.edits[index], self._shifts[index]
        if sample < edit.stop:
            return edit.start + shift
        return sample + shift + edit.zeros - (edit.stop - edit.start)

    def copy(self, raw: BinaryIO, write: Callable[[bytes], object]) -> None:
        """Write the output to ``write`` as little-endian 16-bit samples, piece by piece."""

        def zeros(count: int) -> None:
            while count > 0:
                step = min(count, _CHUNK)
                write(bytes(2 * step))
                count -= step

        def samples(start: int, stop: int) -> None:
            for at in range(start, stop, _CHUNK):
                chunk = read_samples(raw, at, min(stop, at + _CHUNK))
                if sys.byteorder == "big":
                    chunk.byteswap()
                write(chunk.tobytes())

        zeros(self.lead)
        position = 0
        for edit in self.edits:
            samples(position, edit.start)
            zeros(edit.zeros)
            position = edit.stop
        samples(position, self.end)
        zeros(self.tail)
