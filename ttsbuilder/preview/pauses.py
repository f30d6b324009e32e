"""The pauses of a preview: where the engine put each node, and the edits that make every
pause last what the tree says.

A break's pause in the engine's audio is not exactly its value: a voice variant with an
echo (``+f3``, the female voice) rings on ~120 ms into it, and the closure of a stop
consonant after it (``general`` in the Japanese voice) adds silence. So the preview
finds the quiet run around each run of breaks in the audio itself (from the mark before
the first break to the next spoken node, widened over the quiet samples on either side)
and replaces it with exactly the breaks' total of silence. Sentenceboundary silence is
added at each sentence start; leading and tailing silence are made by the preview.

>>> from ttsbuilder.codec import decode_tree
>>> from ttsbuilder.preview.source import place
>>> tree = decode_tree({"silence": {"type": "leading", "value": "1s"}, "text": "Hi"})
>>> settings, problems = silence_settings(place(tree, {"silence": {}, "text": "Hi"}))
>>> settings, problems
({'leading': (0, 1000.0)}, [])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import BinaryIO

from ttsbuilder.model import Break, SayAs, Silence, Text
from ttsbuilder.preview.audio import QUIET, samples_for
from ttsbuilder.preview.engine import Synthesis
from ttsbuilder.preview.markup import END_MARK, mark_name, mark_offsets
from ttsbuilder.preview.source import Placed
from ttsbuilder.preview.splice import Edit, quiet_run
from ttsbuilder.problems import Problem
from ttsbuilder.rules.preview import PREVIEW_SILENCE

__all__ = [
    "BreakRun",
    "break_edits",
    "mark_positions",
    "sentence_pauses",
    "silence_settings",
]

_SLOTS = ("leading", "tailing", "sentenceboundary")


def silence_settings(
    placed: Sequence[Placed],
) -> tuple[dict[str, tuple[int, float]], list[Problem]]:
    """The leading/tailing/sentenceboundary silence to apply (the last of each wins)."""
    settings: dict[str, tuple[int, float]] = {}
    problems: list[Problem] = []
    for index, item in enumerate(placed):
        node = item.node
        if not isinstance(node, Silence):
            continue
        kind = node.type.lower()
        slot = kind.removesuffix("-exact")
        if slot in _SLOTS:
            settings[slot] = (index, node.value.milliseconds)
        if kind == "sentenceboundary-exact":
            problems.append(
                PREVIEW_SILENCE.problem(
                    item.pointer,
                    f"{node.type} {node.value.text} is previewed as extra silence added "
                    "to eSpeak NG's own sentence pause, not as an exact pause",
                )
            )
        elif slot not in _SLOTS:
            problems.append(
                PREVIEW_SILENCE.problem(
                    item.pointer,
                    f"{node.type} silence is not previewed: eSpeak NG keeps its own pauses "
                    "at punctuation",
                )
            )
    return settings, problems


def mark_positions(spoken: Synthesis, ssml: bytes, count: int) -> dict[int, int]:
    """The sample where each node's mark fell, in the engine's stream.

    eSpeak drops a mark that follows a full stop (it looks ahead for an abbreviation).
    Such a node starts where the first word after its mark starts, provided that is not
    past the next mark eSpeak did report.
    """
    found = {i: spoken.marks[mark_name(i)] for i in range(count) if mark_name(i) in spoken.marks}
    if len(found) == count:
        return found
    offsets = mark_offsets(ssml)
    ceiling = spoken.marks.get(END_MARK, spoken.length)
    for index in reversed(range(count)):
        if index in found:
            ceiling = found[index]
        elif mark_name(index) in offsets:
            after = offsets[mark_name(index)] + 1  # eSpeak counts characters from 1
            word = next((at for position, at in spoken.words if position > after), None)
            if word is not None and word <= ceiling:
                found[index] = ceiling = word
    return found


class BreakRun:
    """One pause made of adjacent breaks: its edit, each node's offset into it, and the
    index of the node spoken after it (None at the end), which starts where it ends.
    """

    def __init__(self, edit: Edit, offsets: dict[int, int], following: int | None) -> None:
        self.edit = edit
        #: index of a node inside the pause → samples from the pause's start to its own.
        self.offsets = offsets
        self.following = following


def _groups(placed: Sequence[Placed]) -> list[tuple[list[int], int | None]]:
    """Runs of nodes with no speech between them that hold a break, and the next spoken node."""
    groups: list[tuple[list[int], int | None]] = []
    current: list[int] = []
    for index, item in enumerate(placed):
        if isinstance(item.node, (Text, SayAs)):
            if any(isinstance(placed[i].node, Break) for i in current):
                groups.append((current, index))
            current = []
        elif not isinstance(item.node, Silence):
            current.append(index)
    if any(isinstance(placed[i].node, Break) for i in current):
        groups.append((current, None))
    return groups


def break_edits(
    placed: Sequence[Placed],
    starts: Mapping[int, int],
    *,
    raw: BinaryIO,
    end: int,
    sample_rate: int,
) -> list[BreakRun]:
    """One :class:`BreakRun` per pause, in order, its silence exactly the breaks' total."""
    runs: list[BreakRun] = []
    floor = 0
    for members, following in _groups(placed):
        known = [starts[i] for i in members if i in starts]
        after = starts.get(following) if following is not None else end
        if after is not None:
            known.append(after)
        if not known:
            continue
        first = min(max(min(known), floor), end)
        last = min(max(after if after is not None else first, first), end)
        begin, stop = quiet_run(raw, first, last, low=floor, high=end, threshold=QUIET)
        offsets: dict[int, int] = {}
        total = 0
        for index in members:
            offsets[index] = total
            node = placed[index].node
            if isinstance(node, Break):
                total += samples_for(node.value.milliseconds, sample_rate)
        if runs and begin <= runs[-1].edit.stop:  # one quiet run holds both: one pause
            previous = runs.pop()
            shift = previous.edit.zeros
            if previous.following is not None:  # a silent node between them
                offsets[previous.following] = 0
            offsets = {**previous.offsets, **{i: shift + o for i, o in offsets.items()}}
            begin, total = previous.edit.start, shift + total
        runs.append(BreakRun(Edit(begin, stop, total), offsets, following))
        floor = stop
    return runs


def sentence_pauses(
    runs: list[BreakRun], sentences: Sequence[int], extra: int, end: int
) -> list[Edit]:
    """Every edit, in order: ``extra`` zeros at each sentence start, added to a pause it
    falls in (that run's edit grows in place), and each run's own.
    """
    inserted: list[Edit] = []
    for position in sorted({p for p in sentences if 0 < p < end}):
        run = next((r for r in runs if r.edit.start <= position <= r.edit.stop), None)
        if run is None:
            inserted.append(Edit(position, position, extra))
        else:
            run.edit = Edit(run.edit.start, run.edit.stop, run.edit.zeros + extra)
    return sorted([*(run.edit for run in runs), *inserted], key=lambda e: (e.start, e.stop))
