"""The SSML writer: appends a validated tree's members to an lxml element.

Every element is a copy of a *prototype* made once per distinct tag and attribute
values (``<break time="500ms"/>``) with lxml's tree API, so lxml escapes every
attribute; copying a prototype is about three times cheaper than building the element
again, and prompts reuse a handful of values. Texts are set on the copies, where lxml
escapes them too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from ttsbuilder.model import EXPRESS_ATTRIBUTES, PROSODY_ATTRIBUTES
from ttsbuilder.problems import Problem
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.render import SILENCE_WHOLE_MS, W3C_EXPRESS_AS, W3C_SILENCE
from ttsbuilder.ssml.names import BREAK, EXPRESS_AS, PROSODY, SAY_AS, SILENCE
from ttsbuilder.values import PROSODY_TYPES, Duration, rememberable

__all__ = ["NO_ATTRIBUTES", "Silences", "Writer", "prototype"]

Element = etree._Element

NO_ATTRIBUTES: frozenset[str] = frozenset()
# Microsoft's schema pattern for mstts:silence/@value: whole numbers only.
_WHOLE_DURATION = re.compile(r"[0-9]+(?:ms|s)")
_PROSODY_ATTRIBUTES = frozenset(PROSODY_ATTRIBUTES)
_EXPRESS_ATTRIBUTES = frozenset(EXPRESS_ATTRIBUTES)
# Keys start with the tag (or, for prosody, the target flag): kinds never collide.
_PROTOTYPES: dict[tuple[Any, ...], Element] = {}
_CACHE_SIZE = 4096


def prototype(key: tuple[Any, ...], tag: str, attributes: dict[str, str]) -> Element:
    """A fresh copy of the element ``tag`` with ``attributes``, remembered under ``key``."""
    found = _PROTOTYPES.get(key)
    if found is None:
        found = _remember(key, tag, attributes)
    return found.__copy__()  # type: ignore[attr-defined,no-any-return]


def _remember(key: tuple[Any, ...], tag: str, attributes: Mapping[str, str | None]) -> Element:
    written = {name: text for name, text in attributes.items() if text is not None}
    found = etree.Element(tag, written)
    if rememberable(key):
        if len(_PROTOTYPES) >= _CACHE_SIZE:
            _PROTOTYPES.clear()
        _PROTOTYPES[key] = found
    return found


def _silence(key: tuple[str, str, str]) -> Element:
    """The Azure silence prototype for (tag, type, value) as the tree writes them."""
    length = key[2]
    if _WHOLE_DURATION.fullmatch(length) is None:
        length = Duration.parse(length).whole_ms()
    # The schemas take lowercase types; validate() warned about any other case already.
    return _remember(key, SILENCE, {"type": key[1].lower(), "value": length})


class Silences:
    """A writer's TTS6xx warnings and, for targets without mstts:silence, the leading and
    tailing silences it writes as breaks at the start and end (``place_silences``)."""

    __slots__ = ("leading", "problems", "tailing")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.leading: list[str] = []
        self.tailing: list[str] = []

    def note_silence(
        self, value: dict[str, str], at: str, rule: Rule, lacking: str, breaks: int = 1
    ) -> None:
        """Keep a leading or tailing silence for the start or end; warn, drop the others.

        ``lacking`` names what cannot express it (``SSML 1.1``); ``breaks`` says how many
        breaks the silence is written as.
        """
        kind = value["type"].lower()
        length = value["value"]
        if kind.startswith(("leading", "tailing")):
            where = "start" if kind.startswith("leading") else "end"
            (self.leading if where == "start" else self.tailing).append(length)
            written = "a break" if breaks == 1 else f"{breaks} breaks"
            message = f"{kind} silence {length!r} is written as {written} at the {where}"
            if kind.endswith("-exact"):
                message += ", added to the natural pause instead of replacing it"
        else:
            message = f"{kind} silence {length!r} is dropped: {lacking} cannot express it"
        self.problems.append(rule.problem(at, message))


class Writer(Silences):
    """Writes members for one target (``azure`` or not), collecting its TTS6xx warnings.

    The w3c target's leading and tailing silences are collected in ``leading`` and
    ``tailing`` for :meth:`place_silences`.
    """

    __slots__ = ("azure",)

    def __init__(self, azure: bool) -> None:
        super().__init__()
        self.azure = azure

    def fill(
        self,
        parent: Element,
        members: dict[str, Any],
        pointer: str,
        attributes: frozenset[str],
        last: Element | None = None,
        text_open: bool = False,
    ) -> tuple[Element | None, bool]:
        """Append ``members`` after ``last``; return the new last child and whether text ends it.

        A text right after a text gets an empty comment before it, so the two members
        stay two when the SSML is parsed back.
        """
        get = _PROTOTYPES.get
        azure = self.azure
        key: tuple[Any, ...]
        for name, value in members.items():
            if name in attributes:
                continue
            # Member kinds differ in their first letter, but for say-as and silence.
            first = name[0]
            if first == "t":  # text
                if text_open:
                    last = etree.Comment("")
                    parent.append(last)
                if last is None:
                    parent.text = value
                else:
                    last.tail = value
                text_open = True
                continue
            if first == "b":  # break
                key = (BREAK, value["value"], value.get("strength"))
                found = get(key)
                if found is None:
                    found = _remember(key, BREAK, {"time": key[1], "strength": key[2]})
                last = found.__copy__()  # type: ignore[attr-defined]
                parent.append(last)
            elif first == "p":  # prosody
                key = (azure, value.get("rate"), value.get("pitch"), value.get("volume"))
                found = get(key)
                if found is None:
                    found = self._prosody(key)
                last = found.__copy__()  # type: ignore[attr-defined]
                parent.append(last)
                self.fill(last, value, "", _PROSODY_ATTRIBUTES)
            elif first == "e":  # express-as
                if not azure:
                    self._drop_express_as(value, pointer, name)
                    last, text_open = self.fill(
                        parent, value, "", _EXPRESS_ATTRIBUTES, last, text_open
                    )
                    continue
                key = (EXPRESS_AS, value["style"], value.get("styledegree"), value.get("role"))
                found = get(key)
                if found is None:
                    attrib = {"style": key[1], "styledegree": key[2], "role": key[3]}
                    found = _remember(key, EXPRESS_AS, attrib)
                last = found.__copy__()  # type: ignore[attr-defined]
                parent.append(last)
                self.fill(last, value, "", _EXPRESS_ATTRIBUTES)
            elif name[1] == "a":  # say-as
                key = (SAY_AS, value["interpret-as"], value.get("format"))
                found = get(key)
                if found is None:
                    found = _remember(key, SAY_AS, {"interpret-as": key[1], "format": key[2]})
                last = found.__copy__()  # type: ignore[attr-defined]
                parent.append(last)
                last.text = value["text"]
            elif azure:  # silence
                key = (SILENCE, value["type"], value["value"])
                found = get(key)
                if found is None:
                    found = _silence(key)
                # Microsoft's schema takes whole milliseconds: another value is rewritten.
                if _WHOLE_DURATION.fullmatch(key[2]) is None:
                    self._rewritten(key[2], pointer, name)
                last = found.__copy__()  # type: ignore[attr-defined]
                parent.append(last)
            else:
                self.note_silence(value, f"{pointer}/{name}", W3C_SILENCE, "SSML 1.1")
                continue  # dropped here; a text after it still starts a new member
            text_open = False
        return last, text_open

    def _drop_express_as(self, value: dict[str, Any], pointer: str, name: str) -> None:
        self.problems.append(
            W3C_EXPRESS_AS.problem(
                f"{pointer}/{name}",
                f"express-as style {value['style']!r} is dropped: SSML 1.1 has no "
                "speaking styles, its content is spoken in the normal voice",
            )
        )

    def _prosody(self, key: tuple[Any, ...]) -> Element:
        attributes: dict[str, str | None] = {}
        for attribute, text in zip(PROSODY_ATTRIBUTES, key[1:], strict=True):
            if text is not None:
                parsed: Any = PROSODY_TYPES[attribute].read(text)  # validated: never None
                attributes[attribute] = parsed.azure() if self.azure else parsed.to_w3c()
        return _remember(key, PROSODY, attributes)

    def _rewritten(self, length: str, pointer: str, name: str) -> None:
        duration = Duration.parse(length)
        whole = duration.whole_ms()
        how = "the same length" if duration.milliseconds.is_integer() else "rounded"
        self.problems.append(
            SILENCE_WHOLE_MS.problem(
                f"{pointer}/{name}/value",
                f"silence value {length!r} is written {whole!r} ({how}): Microsoft's "
                "schema takes whole numbers of s or ms",
            )
        )

    def place_silences(self, voice: Element) -> None:
        """Put the w3c target's leading silences first and tailing silences last."""
        for length in reversed(self.leading):
            pause = prototype((BREAK, length, None), BREAK, {"time": length})
            pause.tail, voice.text = voice.text, None
            voice.insert(0, pause)
        for length in self.tailing:
            voice.append(prototype((BREAK, length, None), BREAK, {"time": length}))
