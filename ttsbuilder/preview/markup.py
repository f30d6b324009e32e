"""The SSML eSpeak NG reads, built from the tree model with lxml (never by pasting text).

eSpeak understands a subset of SSML: this module writes only that subset. Every node
gets a ``<mark name="nI"/>`` before it (``I`` is its index in spoken order) and the
document ends with ``<mark name="end"/>``, so the engine reports where each node
starts. Breaks are written in whole milliseconds (eSpeak reads ``1.5s`` as ``1s``),
prosody values as percentages, say-as only where eSpeak has an equivalent.
Silence nodes produce no markup: the preview inserts their samples itself.

>>> from ttsbuilder.codec import decode_tree
>>> from ttsbuilder.preview.source import place
>>> tree = decode_tree({"text": "Hi", "break": {"value": "1.5s"}})
>>> build_markup(place(tree, {"text": "Hi", "break": {}})).ssml.decode()
'<speak><mark name="n0"/> Hi <mark name="n1"/><break time="1500ms"/><mark name="end"/></speak>'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ttsbuilder.model import Break, ExpressAs, Prosody, SayAs, Silence, Text
from ttsbuilder.preview.source import Placed
from ttsbuilder.problems import Problem
from ttsbuilder.rules.preview import PREVIEW_EXPRESS_AS, PREVIEW_SAY_AS
from ttsbuilder.values import Pitch, Rate, Volume

__all__ = ["END_MARK", "Markup", "build_markup", "mark_name", "mark_offsets"]

END_MARK = "end"

#: say-as kinds eSpeak implements, and the eSpeak name for each.
SAY_AS = {
    "characters": "characters",
    "spell-out": "characters",
    "telephone": "telephone",  # eSpeak reads it digit by digit
    "number_digit": "telephone",
}
#: say-as kinds whose plain-text reading is what the service says too (no warning).
PLAIN_SAY_AS = frozenset({"cardinal", "number", "address", "name"})

# Azure's documented meaning of the prosody keywords, as factors of normal.
_RATE_LEVELS = {"x-slow": 0.5, "slow": 0.64, "medium": 1.0, "fast": 1.55, "x-fast": 2.0}
_PITCH_LEVELS = {"x-low": 0.5, "low": 0.75, "medium": 1.0, "high": 1.25, "x-high": 1.5}
_VOLUME_LEVELS = {"silent": 0, "x-soft": 20, "soft": 40, "medium": 60, "loud": 80, "x-loud": 100}
# eSpeak pitch has no Hz unit: Hz values are read against a nominal speaking pitch.
_NOMINAL_PITCH_HZ = 150.0


_MARK = re.compile(r'<mark name="([^"]+)"/>')


def mark_name(index: int) -> str:
    """The mark written before the node at ``index`` in spoken order."""
    return f"n{index}"


def mark_offsets(ssml: bytes) -> dict[str, int]:
    """The character offset (0-based) of each mark in ``ssml``, as eSpeak counts text.

    >>> mark_offsets('<speak><mark name="n0"/> é <mark name="end"/></speak>'.encode())
    {'n0': 7, 'end': 27}
    """
    return {found[1]: found.start() for found in _MARK.finditer(ssml.decode("utf-8"))}


@dataclass(frozen=True, slots=True)
class Markup:
    """The eSpeak SSML document (UTF-8) and the preview warnings found building it."""

    ssml: bytes
    problems: tuple[Problem, ...]


def _percent(factor: float, low: float, high: float) -> str:
    return f"{round(min(max(factor, low), high) * 100)}%"


def rate_percent(rate: Rate) -> str:
    """A rate as eSpeak reads it: a percentage of normal speed, clamped to 50–200 %.

    >>> rate_percent(Rate.parse("+50%")), rate_percent(Rate.parse("x-slow"))
    ('150%', '50%')
    """
    factor = rate.factor()
    return _percent(factor if factor is not None else _RATE_LEVELS.get(rate.text, 1.0), 0.5, 2.0)


def pitch_percent(pitch: Pitch) -> str:
    """A pitch as eSpeak reads it: a percentage of the voice's pitch, clamped to 50–150 %.

    >>> pitch_percent(Pitch.parse("-2st")), pitch_percent(Pitch.parse("+30Hz"))
    ('89%', '120%')
    """
    factor = pitch.factor()
    if factor is None and pitch.number is not None:
        if pitch.form == "absolute":
            factor = pitch.number / _NOMINAL_PITCH_HZ
        else:
            factor = 1 + pitch.number / _NOMINAL_PITCH_HZ
    return _percent(factor if factor is not None else _PITCH_LEVELS.get(pitch.text, 1.0), 0.5, 1.5)


def volume_percent(volume: Volume) -> str:
    """A volume as eSpeak reads it: a percentage of full volume, clamped to 0–100 %.

    >>> volume_percent(Volume.parse("-20")), volume_percent(Volume.parse("soft"))
    ('80%', '40%')
    """
    level = volume.level()
    level = level if level is not None else _VOLUME_LEVELS.get(volume.text, 100)
    return _percent(level / 100, 0.0, 1.0)


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Writer:
    def __init__(self, placed: Sequence[Placed]) -> None:
        self.placed = placed
        self.problems: list[Problem] = []

    def write(self, parent: etree._Element, start: int, stop: int) -> None:
        """Write the nodes ``placed[start:stop]`` that are direct children of ``parent``."""
        index = start
        while index < stop:
            item = self.placed[index]
            self._node(parent, index, item)
            index = item.end

    def _node(self, parent: etree._Element, index: int, item: Placed) -> None:
        node = item.node
        if isinstance(node, Silence):
            return
        etree.SubElement(parent, "mark", name=mark_name(index))
        if isinstance(node, Text):
            # Spaces keep adjacent texts apart and keep marks off word boundaries.
            _append_text(parent, f" {node.text} ")
        elif isinstance(node, Break):
            etree.SubElement(parent, "break", time=node.value.whole_ms())
        elif isinstance(node, SayAs):
            self._say_as(parent, item, node)
        elif isinstance(node, Prosody):
            attributes = {}
            if node.rate is not None:
                attributes["rate"] = rate_percent(node.rate)
            if node.pitch is not None:
                attributes["pitch"] = pitch_percent(node.pitch)
            if node.volume is not None:
                attributes["volume"] = volume_percent(node.volume)
            target = etree.SubElement(parent, "prosody", attributes) if attributes else parent
            self.write(target, index + 1, item.end)
        elif isinstance(node, ExpressAs):
            self.problems.append(
                PREVIEW_EXPRESS_AS.problem(
                    item.pointer,
                    f"express-as style {node.style!r} has no eSpeak NG equivalent: "
                    "the preview speaks its content in the normal voice",
                )
            )
            self.write(parent, index + 1, item.end)

    def _say_as(self, parent: etree._Element, item: Placed, node: SayAs) -> None:
        espeak_kind = SAY_AS.get(node.interpret_as)
        if espeak_kind is None:
            if node.interpret_as not in PLAIN_SAY_AS:
                self.problems.append(
                    PREVIEW_SAY_AS.problem(
                        item.pointer,
                        f"say-as {node.interpret_as!r} is previewed as plain text "
                        f"{node.text!r}: the service may say it differently",
                    )
                )
            _append_text(parent, f" {node.text} ")
            return
        element = etree.SubElement(parent, "say-as", {"interpret-as": espeak_kind})
        element.text = node.text
        element.tail = " "


def build_markup(placed: Sequence[Placed]) -> Markup:
    """The eSpeak SSML for the nodes ``placed`` (all of one tree, in spoken order)."""
    writer = _Writer(placed)
    root = etree.Element("speak")
    writer.write(root, 0, len(placed))
    etree.SubElement(root, "mark", name=END_MARK)
    ssml = etree.tostring(root, encoding="utf-8", xml_declaration=False)
    return Markup(ssml, tuple(writer.problems))
