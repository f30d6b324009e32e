"""A fast path of :func:`ttsbuilder.codec.encode_tree` for ``Prompt.to_dict()``.

It writes exactly what ``encode_tree`` writes (a property test holds them equal on every
generated tree); it only avoids the generic dispatch, because ``to_dict()`` is on the
builder's hot path.

>>> from ttsbuilder.model import Text
>>> encode((Text("a"), Text("b")))
{'text': 'a', 'text2': 'b'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ttsbuilder.model import Break, ExpressAs, Node, Prosody, SayAs, Silence, Text

__all__ = ["encode"]


def encode(nodes: Iterable[Node]) -> dict[str, Any]:
    """The canonical tree dict of ``nodes`` (equal to ``encode_tree(Tree(nodes))``)."""
    out: dict[str, Any] = {}
    _members(nodes, out)
    return out


# Member names by kind and 1-based count, so that numbering costs a list index.
_NAMES = {
    kind: ["", kind, *(f"{kind}{count}" for count in range(2, 65))]
    for kind in ("text", "silence", "break", "express-as", "prosody", "say-as")
}
_ZERO = dict.fromkeys(_NAMES, 0)


def _members(nodes: Iterable[Node], out: dict[str, Any]) -> None:
    counts = _ZERO.copy()
    for node in nodes:
        kind = node.kind
        count = counts[kind] + 1
        counts[kind] = count
        name = _NAMES[kind][count] if count < 65 else f"{kind}{count}"
        cls = type(node)
        if cls is Text:
            out[name] = node.text  # type: ignore[union-attr]
        elif cls is Break:
            strength = node.strength  # type: ignore[union-attr]
            if strength is None:
                out[name] = {"value": node.value.text}  # type: ignore[union-attr]
            else:
                out[name] = {"value": node.value.text, "strength": strength}  # type: ignore[union-attr]
        elif cls is SayAs:
            form = node.format  # type: ignore[union-attr]
            if form is None:
                out[name] = {"interpret-as": node.interpret_as, "text": node.text}  # type: ignore[union-attr]
            else:
                out[name] = {"interpret-as": node.interpret_as, "format": form, "text": node.text}  # type: ignore[union-attr]
        elif cls is Prosody:
            value: dict[str, Any] = {}
            if node.rate is not None:  # type: ignore[union-attr]
                value["rate"] = node.rate.text  # type: ignore[union-attr]
            if node.pitch is not None:  # type: ignore[union-attr]
                value["pitch"] = node.pitch.text  # type: ignore[union-attr]
            if node.volume is not None:  # type: ignore[union-attr]
                value["volume"] = node.volume.text  # type: ignore[union-attr]
            _members(node.children, value)  # type: ignore[union-attr]
            out[name] = value
        elif cls is Silence:
            out[name] = {"type": node.type, "value": node.value.text}  # type: ignore[union-attr]
        else:
            assert isinstance(node, ExpressAs)
            express: dict[str, Any] = {"style": node.style}
            if node.styledegree is not None:
                express["styledegree"] = node.styledegree
            if node.role is not None:
                express["role"] = node.role
            _members(node.children, express)
            out[name] = express
