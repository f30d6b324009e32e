"""The writer of the ``polly`` and ``google`` targets: the vendors' own SSML subsets.

Amazon Polly and Google read plain ``<speak>`` documents with no namespace and no
``mstts`` elements. Values are converted by :mod:`ttsbuilder.ssml.platforms`; every
member the platform cannot carry as the tree says it becomes a TTS6xx warning. Elements
are copies of remembered prototypes, as in :mod:`ttsbuilder.ssml.writer`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ttsbuilder.model import EXPRESS_ATTRIBUTES, PROSODY_ATTRIBUTES
from ttsbuilder.rules.render import (
    PLATFORM_EXPRESS_AS,
    PLATFORM_LONG_BREAK,
    PLATFORM_PROSODY,
    PLATFORM_SAY_AS,
    PLATFORM_SILENCE,
    POLLY_PITCH,
)
from ttsbuilder.ssml.names import Target
from ttsbuilder.ssml.platforms import (
    MAX_BREAK_MS,
    PLATFORM_NAMES,
    pauses,
    prosody_value,
    say_as,
)
from ttsbuilder.ssml.writer import Silences, prototype
from ttsbuilder.values import PROSODY_TYPES, Duration

__all__ = ["PlatformWriter"]

Element = etree._Element

_PROSODY_ATTRIBUTES = frozenset(PROSODY_ATTRIBUTES)
_EXPRESS_ATTRIBUTES = frozenset(EXPRESS_ATTRIBUTES)
_NONE: frozenset[str] = frozenset()
# target, rate, pitch, volume → (attributes, notes), so a prompt's values convert once.
_PROSODY: dict[tuple[Any, ...], tuple[dict[str, str], tuple[tuple[str, str], ...]]] = {}


# A pause's text → its break times, so a prompt's pauses are read once.
_TIMES: dict[str, tuple[str, ...]] = {}


def _times(length: str) -> tuple[str, ...]:
    """The ``<break time>`` values that pause ``length`` (a valid duration) is written as."""
    found = _TIMES.get(length)
    if found is None:
        milliseconds = Duration.parse(length).milliseconds
        found = (length,) if milliseconds <= MAX_BREAK_MS else tuple(pauses(milliseconds))
        if len(_TIMES) >= 4096:
            _TIMES.clear()
        _TIMES[length] = found
    return found


def _prosody(key: tuple[Any, ...]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    found = _PROSODY.get(key)
    if found is None:
        attributes: dict[str, str] = {}
        notes: list[tuple[str, str]] = []
        for attribute, text in zip(PROSODY_ATTRIBUTES, key[1:], strict=True):
            if text is None:
                continue
            parsed: Any = PROSODY_TYPES[attribute].read(text)  # validated: never None
            converted = prosody_value(key[0], parsed)
            if converted.text is not None:
                attributes[attribute] = converted.text
            if converted.note is not None:
                notes.append((attribute, converted.note))
        if len(_PROSODY) >= 4096:
            _PROSODY.clear()
        found = _PROSODY[key] = (attributes, tuple(notes))
    return found


class PlatformWriter(Silences):
    """Writes members in ``target`` (``polly`` or ``google``), collecting TTS6xx warnings.

    Leading and tailing silences are collected in ``leading`` and ``tailing`` for
    :meth:`place_silences`.
    """

    __slots__ = ("target",)

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target

    def fill(
        self,
        parent: Element,
        members: dict[str, Any],
        pointer: str,
        skip: frozenset[str] = _NONE,
        last: Element | None = None,
        text_open: bool = False,
    ) -> tuple[Element | None, bool]:
        """Append ``members`` after ``last``; return the new last child and whether text ends it.

        Two texts in a row are kept apart by an empty comment, as in the other targets.
        """
        for name, value in members.items():
            if name in skip:
                continue
            at = f"{pointer}/{name}"
            kind = name.rstrip("0123456789")
            form = None
            if kind == "say-as":
                form = say_as(self.target, value["interpret-as"], value.get("format"))
                if form.note is not None:
                    self._note(PLATFORM_SAY_AS, at, form.note)
            if kind == "text" or (form is not None and form.interpret_as is None):
                text = value if kind == "text" else value["text"]
                if text_open:
                    last = etree.Comment("")
                    parent.append(last)
                if last is None:
                    parent.text = text
                else:
                    last.tail = text
                text_open = True
                continue
            if kind == "express-as":
                self._note(
                    PLATFORM_EXPRESS_AS,
                    at,
                    f"express-as style {value['style']!r} is dropped: it is spoken in the "
                    "normal voice",
                )
                last, text_open = self.fill(parent, value, at, _EXPRESS_ATTRIBUTES, last, text_open)
                continue
            if kind == "silence":
                vendor = PLATFORM_NAMES[self.target]
                breaks = len(_times(value["value"]))
                self.note_silence(value, at, PLATFORM_SILENCE, vendor, breaks)
                continue
            if kind == "break":
                for element in self._breaks(value, at):
                    parent.append(element)
                    last = element
            elif kind == "prosody":
                prosody = self._prosody_element(value, at)
                if prosody is None:  # SSML calls a prosody without attributes an error
                    last, text_open = self.fill(
                        parent, value, at, _PROSODY_ATTRIBUTES, last, text_open
                    )
                    continue
                last = prosody
                parent.append(last)
                self.fill(last, value, at, _PROSODY_ATTRIBUTES)
            else:  # a say-as the platform has
                assert form is not None
                key = (self.target, "say-as", form.interpret_as, form.format)
                attributes = _attributes(
                    ("interpret-as", form.interpret_as), ("format", form.format)
                )
                last = prototype(key, "say-as", attributes)
                last.text = value["text"]
                parent.append(last)
            text_open = False
        return last, text_open

    def _note(self, rule: Any, at: str, message: str) -> None:
        self.problems.append(rule.problem(at, message))

    def _breaks(self, value: dict[str, Any], at: str) -> list[Element]:
        length, strength = value["value"], value.get("strength")
        times = _times(length)
        if len(times) > 1:
            self._note(
                PLATFORM_LONG_BREAK,
                f"{at}/value",
                f"break {length!r} is written as {len(times)} breaks ({' + '.join(times)}): "
                f"{PLATFORM_NAMES[self.target]} takes at most {MAX_BREAK_MS}ms in one break",
            )
        return [
            prototype(
                (self.target, "break", time, strength),
                "break",
                _attributes(("time", time), ("strength", strength)),
            )
            for time in times
        ]

    def _prosody_element(self, value: dict[str, Any], at: str) -> Element | None:
        """The prosody element, or None when no attribute is left to write."""
        key = (self.target, value.get("rate"), value.get("pitch"), value.get("volume"))
        attributes, notes = _prosody(key)
        for attribute, note in notes:
            self._note(PLATFORM_PROSODY, f"{at}/{attribute}", note)
        if self.target == "polly" and "pitch" in attributes:
            self._note(
                POLLY_PITCH,
                f"{at}/pitch",
                f"pitch {attributes['pitch']!r} works with Polly's standard voices only: "
                "neural, long-form and generative voices do not support it",
            )
        if not attributes:
            return None
        return prototype(("prosody", *key), "prosody", attributes)

    def place_silences(self, container: Element) -> None:
        """Put the leading silences first and the tailing silences last in ``container``."""
        for length in reversed(self.leading):
            for pause in reversed(self._silence_breaks(length)):
                pause.tail, container.text = container.text, None
                container.insert(0, pause)
        for length in self.tailing:
            for pause in self._silence_breaks(length):
                container.append(pause)

    def _silence_breaks(self, length: str) -> list[Element]:
        return [
            prototype((self.target, "break", t, None), "break", {"time": t}) for t in _times(length)
        ]


def _attributes(*pairs: tuple[str, str | None]) -> dict[str, str]:
    return {name: text for name, text in pairs if text is not None}
