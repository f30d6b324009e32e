"""Where each node of a prompt starts and ends in its preview audio.

Positions come from the engine's mark events, not from estimates. A node ends where
the next node that is not inside it starts; the last one ends where the speech ends.
Silence nodes are placed where the preview put their samples (leading at the start,
tailing at the end). Entries are sorted by start time, containers before their content.

>>> entry = TimelineEntry("/text", "text", 0.0, 0.61, 0, '"Hello there"')
>>> Timeline((entry,), 0.61, "en-us", 22050).to_text().splitlines()[1]
' 0.000   0.610   0.610  text        /text  "Hello there"'
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ttsbuilder.model import Break, ExpressAs, Node, Prosody, SayAs, Silence, Text
from ttsbuilder.preview.source import Placed

__all__ = ["Timeline", "TimelineEntry", "label", "layout"]

_SVG = "http://www.w3.org/2000/svg"
_COLOURS = {
    "text": "#4c78a8",
    "say-as": "#72b7b2",
    "break": "#bab0ac",
    "silence": "#d3d3d3",
    "prosody": "#f58518",
    "express-as": "#e45756",
}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One node: its JSON ``pointer``, ``kind``, ``start``/``end`` in seconds, nesting ``depth``."""

    pointer: str
    kind: str
    start: float
    end: float
    depth: int
    label: str

    @property
    def duration(self) -> float:
        """How long the node lasts, in seconds."""
        return round(self.end - self.start, 6)

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data (times in seconds, to the millisecond)."""
        return {
            "pointer": self.pointer,
            "kind": self.kind,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "duration": round(self.duration, 3),
            "depth": self.depth,
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """The nodes of a previewed prompt on its time axis, and its total ``duration`` (s)."""

    entries: tuple[TimelineEntry, ...]
    duration: float
    voice: str
    sample_rate: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: duration, voice, sample rate and entries."""
        return {
            "duration": round(self.duration, 3),
            "voice": self.voice,
            "sample_rate": self.sample_rate,
            "entries": [entry.to_dict() for entry in self.entries],
        }

    def to_text(self) -> str:
        """A table for people: start, end, duration, kind, pointer, label; then the total."""
        width = max((len(e.pointer) for e in self.entries), default=4)
        lines = [f"{'start':>6}  {'end':>6}  {'dur':>6}  {'node':<10}  pointer"]
        for e in self.entries:
            kind = "  " * e.depth + e.kind
            lines.append(
                f"{e.start:6.3f}  {e.end:6.3f}  {e.duration:6.3f}  {kind:<10}  "
                f"{e.pointer:<{width}}  {e.label}".rstrip()
            )
        lines.append(f"total {self.duration:.3f} s (eSpeak NG voice {self.voice})")
        return "\n".join(lines)

    def to_svg(self, *, width: int = 800) -> str:
        """A small SVG picture: one bar per node on a time axis, details in tooltips."""
        return _svg(self, width)


def label(node: Node) -> str:
    """A short description of ``node`` for timelines.

    >>> label(Text("Press one for sales, two for support, three for anything else"))
    '"Press one for sales, two for support, th…"'
    """
    if isinstance(node, Text):
        return _quote(node.text)
    if isinstance(node, SayAs):
        return f"{node.interpret_as} {_quote(node.text)}"
    if isinstance(node, Break):
        return node.value.text
    if isinstance(node, Silence):
        return f"{node.type} {node.value.text}"
    if isinstance(node, Prosody):
        values = {"rate": node.rate, "pitch": node.pitch, "volume": node.volume}
        return " ".join(f"{k}={v.text}" for k, v in values.items() if v is not None)
    if isinstance(node, ExpressAs):
        return f"style={node.style}"
    return ""


def _quote(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return f'"{flat[:limit]}…"' if len(flat) > limit else f'"{flat}"'


def layout(
    placed: Sequence[Placed],
    starts: Mapping[int, int],
    silences: Mapping[int, tuple[int, int]],
    *,
    speech: tuple[int, int],
    total: int,
    sample_rate: int,
    voice: str,
) -> Timeline:
    """The timeline of ``placed`` nodes from sample positions.

    ``starts`` maps a node's index to the sample where its mark fell (a missing or
    out-of-order mark takes the previous node's position, so starts never go back);
    ``silences`` maps each silence node's index to the samples it occupies;
    ``speech`` is the (first, last) sample of the spoken part; ``total`` the length.
    """
    first, last = speech
    spoken: list[int] = []  # indices of the non-silence nodes, ascending
    position: list[int] = []  # their starts, never going back
    running = first
    for index, item in enumerate(placed):
        if not isinstance(item.node, Silence):
            running = min(max(starts.get(index, running), running), last)
            spoken.append(index)
            position.append(running)

    def start_from(index: int) -> int:
        """The start of the first spoken node at or after ``index``, or the end of speech."""
        found = bisect.bisect_left(spoken, index)
        return position[found] if found < len(spoken) else last

    entries = []
    for index, item in enumerate(placed):
        if isinstance(item.node, Silence):
            start, end = silences.get(index, (start_from(index),) * 2)
        else:
            start, end = start_from(index), start_from(item.end)
        entries.append(
            (
                start,
                index,
                TimelineEntry(
                    item.pointer,
                    item.node.kind,
                    start / sample_rate,
                    end / sample_rate,
                    item.depth,
                    label(item.node),
                ),
            )
        )
    entries.sort(key=lambda found: (found[0], found[1]))
    return Timeline(tuple(e for _, _, e in entries), total / sample_rate, voice, sample_rate)


def _tick_step(duration: float) -> float:
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60):
        if duration / step <= 10:
            return step
    return 120.0


def _svg(timeline: Timeline, width: int) -> str:
    row, left, top = 18, 220, 24
    plot = width - left - 10
    height = top + row * len(timeline.entries) + 10
    scale = plot / timeline.duration if timeline.duration > 0 else 0.0
    svg = etree.Element(
        f"{{{_SVG}}}svg",
        nsmap={None: _SVG},  # type: ignore[dict-item]
        width=str(width),
        height=str(height),
        viewBox=f"0 0 {width} {height}",
        style="font-family: sans-serif; font-size: 11px",
    )
    title = etree.SubElement(svg, f"{{{_SVG}}}title")
    title.text = f"Prompt timeline: {timeline.duration:.3f} s"
    step = _tick_step(timeline.duration)
    tick = 0.0
    while tick <= timeline.duration + 1e-9:
        x = f"{left + tick * scale:.1f}"
        etree.SubElement(
            svg, f"{{{_SVG}}}line", x1=x, x2=x, y1=str(top - 6), y2=str(height - 10),
            stroke="#e0e0e0",
        )  # fmt: skip
        mark = etree.SubElement(svg, f"{{{_SVG}}}text", x=x, y=str(top - 10))
        mark.text = f"{tick:g}s"
        tick = round(tick + step, 6)
    for number, entry in enumerate(timeline.entries):
        y = top + number * row
        name = etree.SubElement(svg, f"{{{_SVG}}}text", x=str(4 + 10 * entry.depth), y=str(y + 13))
        name.text = entry.pointer
        bar = etree.SubElement(
            svg,
            f"{{{_SVG}}}rect",
            x=f"{left + entry.start * scale:.1f}",
            y=str(y + 3),
            width=f"{max(entry.duration * scale, 1.0):.1f}",
            height=str(row - 6),
            fill=_COLOURS.get(entry.kind, "#999999"),
        )
        tip = etree.SubElement(bar, f"{{{_SVG}}}title")
        tip.text = (
            f"{entry.pointer} {entry.kind} {entry.label} "
            f"{entry.start:.3f}–{entry.end:.3f} s ({entry.duration:.3f} s)"
        )
    return etree.tostring(svg, encoding="unicode", pretty_print=True)
