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
_TEXT, _BREAK, _SAY_AS = _NAMES["text"], _NAMES["break"], _NAMES["say-as"]
_PROSODY, _SILENCE, _EXPRESS_AS = _NAMES["prosody"], _NAMES["silence"], _NAMES["express-as"]


def _name(names: list[str], count: int) -> str:
    return names[count] if count < 65 else f"{names[1]}{count}"


def _members(nodes: Iterable[Node], out: dict[str, Any]) -> None:
    # One counter per kind, in locals: the class test picks both the encoding and the name.
    texts = breaks = says = prosodies = silences = styles = 0
    for node in nodes:
        cls = type(node)
        if cls is Text:
            texts += 1
            out[_TEXT[texts] if texts < 65 else _name(_TEXT, texts)] = node.text  # type: ignore[union-attr]
        elif cls is Break:
            breaks += 1
            name = _BREAK[breaks] if breaks < 65 else _name(_BREAK, breaks)
            strength = node.strength  # type: ignore[union-attr]
            if strength is None:
                out[name] = {"value": node.value.text}  # type: ignore[union-attr]
            else:
                out[name] = {"value": node.value.text, "strength": strength}  # type: ignore[union-attr]
        elif cls is SayAs:
            says += 1
            name = _SAY_AS[says] if says < 65 else _name(_SAY_AS, says)
            form = node.format  # type: ignore[union-attr]
            if form is None:
                out[name] = {"interpret-as": node.interpret_as, "text": node.text}  # type: ignore[union-attr]
            else:
                out[name] = {"interpret-as": node.interpret_as, "format": form, "text": node.text}  # type: ignore[union-attr]
        elif cls is Prosody:
            prosodies += 1
            value: dict[str, Any] = {}
            if node.rate is not None:  # type: ignore[union-attr]
                value["rate"] = node.rate.text  # type: ignore[union-attr]
            if node.pitch is not None:  # type: ignore[union-attr]
                value["pitch"] = node.pitch.text  # type: ignore[union-attr]
            if node.volume is not None:  # type: ignore[union-attr]
                value["volume"] = node.volume.text  # type: ignore[union-attr]
            _members(node.children, value)  # type: ignore[union-attr]
            out[_name(_PROSODY, prosodies)] = value
        elif cls is Silence:
            silences += 1
            out[_name(_SILENCE, silences)] = {"type": node.type, "value": node.value.text}  # type: ignore[union-attr]
        else:
            assert isinstance(node, ExpressAs)
            styles += 1
            express: dict[str, Any] = {"style": node.style}
            if node.styledegree is not None:
                express["styledegree"] = node.styledegree
            if node.role is not None:
                express["role"] = node.role
            _members(node.children, express)
            out[_name(_EXPRESS_AS, styles)] = express
