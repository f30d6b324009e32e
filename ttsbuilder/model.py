"""The tree model: immutable nodes of a ``text_to_speech_option`` tree (SPEC §1).

A :class:`Tree` holds its content nodes in spoken order. Nodes are frozen
dataclasses: they compare, hash, and can be shared freely.

>>> from ttsbuilder.values import Duration
>>> tree = Tree((Text("Hello"), Break(Duration.parse("500ms")), Text("world")))
>>> [node.kind for node in tree.children]
['text', 'break', 'text']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal, Union, get_args

from ttsbuilder.values import Duration, Pitch, Rate, Volume

__all__ = [
    "CONTENT_KINDS",
    "EXPRESS_ATTRIBUTES",
    "KINDS",
    "PROSODY_ATTRIBUTES",
    "TOP_LEVEL_KINDS",
    "Break",
    "ContentNode",
    "ExpressAs",
    "Node",
    "Prosody",
    "ProsodyAttribute",
    "SayAs",
    "Silence",
    "Text",
    "Tree",
]


@dataclass(frozen=True, slots=True)
class Text:
    """Text spoken as is. ``Text("Welcome")`` ↔ ``"text": "Welcome"``."""

    text: str
    kind: ClassVar[str] = "text"


@dataclass(frozen=True, slots=True)
class Silence:
    """Azure ``mstts:silence``, top level only.

    ↔ ``"silence": {"type": "leading", "value": "2s"}``.
    """

    type: str
    value: Duration
    kind: ClassVar[str] = "silence"


@dataclass(frozen=True, slots=True)
class Break:
    """A pause. ↔ ``"break": {"value": "2000ms", "strength": "medium"}``."""

    value: Duration
    strength: str | None = None
    kind: ClassVar[str] = "break"


@dataclass(frozen=True, slots=True)
class SayAs:
    """A say-as hint.

    ↔ ``"say-as": {"interpret-as": "date", "format": "mdy", "text": "10/19/2020"}``.
    """

    interpret_as: str
    text: str
    format: str | None = None
    kind: ClassVar[str] = "say-as"


@dataclass(frozen=True, slots=True)
class Prosody:
    """Pitch, rate and volume over its content; prosody may nest."""

    children: tuple[ContentNode, ...] = ()
    pitch: Pitch | None = None
    rate: Rate | None = None
    volume: Volume | None = None
    kind: ClassVar[str] = "prosody"


@dataclass(frozen=True, slots=True)
class ExpressAs:
    """A speaking style over its content (top level only, no nesting).

    ``styledegree`` (a number as text, 0.01–2) and ``role`` exist in the azure profile only.
    """

    style: str
    children: tuple[ContentNode, ...] = ()
    styledegree: str | None = None
    role: str | None = None
    kind: ClassVar[str] = "express-as"


ContentNode = Union[Text, Break, Prosody, SayAs]  # noqa: UP007  (a runtime alias on 3.10)
Node = Union[Text, Silence, Break, ExpressAs, Prosody, SayAs]  # noqa: UP007

#: The attributes of prosody, in the order the tree writes them (the seed's order).
ProsodyAttribute = Literal["rate", "pitch", "volume"]
PROSODY_ATTRIBUTES: tuple[ProsodyAttribute, ...] = get_args(ProsodyAttribute)
#: The attributes of express-as, in the order the tree writes them.
EXPRESS_ATTRIBUTES: tuple[str, ...] = ("style", "styledegree", "role")

#: Every member kind, in the order SPEC §1 lists them.
KINDS: tuple[str, ...] = ("text", "silence", "break", "express-as", "prosody", "say-as")
#: Kinds allowed inside express-as and prosody.
CONTENT_KINDS: frozenset[str] = frozenset({"text", "break", "prosody", "say-as"})
#: Kinds allowed at the top of a tree.
TOP_LEVEL_KINDS: frozenset[str] = frozenset(KINDS)


@dataclass(frozen=True, slots=True)
class Tree:
    """A whole ``text_to_speech_option`` tree: its nodes in spoken order."""

    children: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in spoken order."""
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, (Prosody, ExpressAs)):
                stack.extend(reversed(node.children))

    def texts(self) -> list[str]:
        """The spoken texts in order (text nodes and say-as texts)."""
        return [n.text for n in self.walk() if isinstance(n, (Text, SayAs))]
