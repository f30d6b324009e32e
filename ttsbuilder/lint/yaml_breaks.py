"""YAML text as YAML 1.2 reads it: NEL, LS and PS are no line breaks.

YAML 1.1 ended lines at U+0085, U+2028 and U+2029; YAML 1.2 (and every editor, and the
language server) ends them at CR and LF only. ruamel.yaml still breaks at the three, so
a comment holding one (pasted text often does) ended there and the rest of it was read
as YAML: a file that YAML 1.2 readers take was "not valid YAML" (TTS501), and every
position after one was a line off.

:func:`readable` swaps each of the three for a private-use character the text does not
hold (one character for one: every offset and column stays), and :func:`restore` swaps
them back in the scalars of the composed nodes.

>>> text, back = readable("# note\\u2028 more\\ntext: a\\u2028b\\n")
>>> text.count("\\n"), back is not None
(2, True)
>>> readable("text: plain\\n")
('text: plain\\n', None)
"""

from __future__ import annotations

import itertools
import re
from typing import Any

__all__ = ["NOT_BREAKS", "readable", "restore"]

#: The characters YAML 1.1 broke lines at and YAML 1.2 does not.
NOT_BREAKS = "\x85\u2028\u2029"

_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")


def readable(text: str) -> tuple[str, dict[int, int] | None]:
    """``text`` with NEL, LS and PS swapped for stand-ins, and the table that swaps them
    back; ``text`` itself and None when it holds none of them (or, absurdly, every
    private-use character: then ruamel.yaml reads it as it would)."""
    if not any(mark in text for mark in NOT_BREAKS):
        return text, None
    held = {ord(found) for found in _PRIVATE.findall(text)}
    stand_ins = itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0xFFFFE))
    free = list(itertools.islice((c for c in stand_ins if c not in held), len(NOT_BREAKS)))
    if len(free) < len(NOT_BREAKS):
        return text, None
    there = {ord(mark): code for mark, code in zip(NOT_BREAKS, free, strict=True)}
    return text.translate(there), {code: mark for mark, code in there.items()}


def restore(roots: list[Any], back: dict[int, int]) -> None:
    """Swap the stand-ins back in every scalar (and key) of the composed ``roots``."""
    stack = list(roots)
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias: the node it stands for is restored once
        seen.add(id(node))
        value = node.value
        if isinstance(value, str):
            node.value = value.translate(back)
        elif isinstance(value, list):
            for item in value:
                stack.extend(item if isinstance(item, tuple) else (item,))
