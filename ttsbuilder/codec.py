"""The JSON codec: tree dicts ↔ the model, with canonical member numbering.

Members of one object are numbered per kind in spoken order: the first ``text`` is
``text``, the second ``text2``, and so on. Decoding reads members in document order,
never suffix order.

>>> tree = decode_tree({"text": "Hi", "break": {"value": "1s"}, "text2": "there"})
>>> encode_tree(tree)
{'text': 'Hi', 'break': {'value': '1s'}, 'text2': 'there'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import (
    EXPRESS_ATTRIBUTES,
    PROSODY_ATTRIBUTES,
    Break,
    ContentNode,
    ExpressAs,
    Node,
    Prosody,
    SayAs,
    Silence,
    Text,
    Tree,
)
from ttsbuilder.values import Duration, Pitch, Rate, Volume

__all__ = ["decode_tree", "encode_tree", "json_int", "member_name", "split_member"]

_DIGITS = "0123456789"


def split_member(name: str) -> tuple[str, str]:
    """A member name split into its kind and its suffix digits.

    >>> split_member("text2"), split_member("say-as"), split_member("text01")
    (('text', '2'), ('say-as', ''), ('text', '01'))
    """
    kind = name.rstrip(_DIGITS)
    return kind, name[len(kind) :]


def json_int(digits: str) -> int | float:
    """A JSON integer (``parse_int`` of ``json.loads``): any length JSON allows.

    Python refuses to convert more than 4300 digits (a guard against slow conversions);
    such a number is read as a float, infinite, as a JavaScript reader reads it, so it
    is a value to report, not a file that "is not JSON".

    >>> json_int("42"), json_int("-" + "9" * 5000)
    (42, -inf)
    """
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def member_name(kind: str, index: int) -> str:
    """The canonical name of the ``index``-th (1-based) member of ``kind`` in one object."""
    return kind if index == 1 else f"{kind}{index}"


def _encode_members(nodes: Iterable[Node]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for node in nodes:
        count = counts[node.kind] = counts.get(node.kind, 0) + 1
        out[member_name(node.kind, count)] = _encode_node(node)
    return out


def _encode_node(node: Node) -> Any:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Break):
        value: dict[str, Any] = {"value": node.value.text}
        if node.strength is not None:
            value["strength"] = node.strength
        return value
    if isinstance(node, Silence):
        return {"type": node.type, "value": node.value.text}
    if isinstance(node, SayAs):
        say_as = {"interpret-as": node.interpret_as}
        if node.format is not None:
            say_as["format"] = node.format
        say_as["text"] = node.text
        return say_as
    if isinstance(node, Prosody):
        prosody: dict[str, Any] = {}
        for attribute in PROSODY_ATTRIBUTES:
            setting = getattr(node, attribute)
            if setting is not None:
                prosody[attribute] = setting.text
        prosody.update(_encode_members(node.children))
        return prosody
    express: dict[str, Any] = {"style": node.style}
    if node.styledegree is not None:
        express["styledegree"] = node.styledegree
    if node.role is not None:
        express["role"] = node.role
    express.update(_encode_members(node.children))
    return express


def encode_tree(tree: Tree) -> dict[str, Any]:
    """The canonical dict of ``tree`` (SPEC §1 numbering, spoken order kept)."""
    return _encode_members(tree.children)


def _content(members: Mapping[str, Any], attributes: frozenset[str]) -> tuple[Node, ...]:
    return tuple(
        _decode_node(split_member(name)[0], value)
        for name, value in members.items()
        if name not in attributes
    )


_PROSODY_ATTRIBUTES = frozenset(PROSODY_ATTRIBUTES)
_EXPRESS_ATTRIBUTES = frozenset(EXPRESS_ATTRIBUTES)


def _decode_node(kind: str, value: Any) -> Node:
    if kind == "text":
        return Text(value)
    if kind == "break":
        return Break(Duration.parse(value["value"]), value.get("strength"))
    if kind == "silence":
        return Silence(value["type"], Duration.parse(value["value"]))
    if kind == "say-as":
        return SayAs(value["interpret-as"], value["text"], value.get("format"))
    if kind == "prosody":
        return Prosody(
            _content_nodes(value, _PROSODY_ATTRIBUTES),
            pitch=Pitch.parse(value["pitch"]) if "pitch" in value else None,  # type: ignore[arg-type]
            rate=Rate.parse(value["rate"]) if "rate" in value else None,  # type: ignore[arg-type]
            volume=Volume.parse(value["volume"]) if "volume" in value else None,  # type: ignore[arg-type]
        )
    if kind == "express-as":
        return ExpressAs(
            value["style"],
            _content_nodes(value, _EXPRESS_ATTRIBUTES),
            styledegree=value.get("styledegree"),
            role=value.get("role"),
        )
    raise TTSBuilderError(f"unknown member kind {kind!r}")


def _content_nodes(
    members: Mapping[str, Any], attributes: frozenset[str]
) -> tuple[ContentNode, ...]:
    return _content(members, attributes)  # type: ignore[return-value]


def decode_tree(document: Mapping[str, Any]) -> Tree:
    """The model of a tree dict that has already passed validation.

    An invalid dict raises :class:`~ttsbuilder.errors.TTSBuilderError`; to learn *why*,
    validate it first (``ttsbuilder.validate()``).
    """
    try:
        return Tree(_content(document, frozenset()))
    except TTSBuilderError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise TTSBuilderError(f"not a valid tree: {exc!r}; validate it first") from exc
