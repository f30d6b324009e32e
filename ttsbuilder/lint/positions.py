"""Where things are in a source file: JSON pointers → 1-based line and column.

Mapping every member of every file would cost far more than parsing it, so the map
is built only for files that have problems: :func:`scan_json` is a small scanner
over JSON text that json.loads has already accepted, and :func:`yaml_members` walks
the node graph the YAML parser composed (its marks are the positions).

A problem points at the *member* it is about (the key, where the line starts in an
editor), an array item or the root at its value. A pointer that names nothing in the
file (a missing key) falls back to the nearest ancestor that exists.

>>> members, repeats = scan_json('{"text": "Hi",\\n "text": "there"}')
>>> [(m.pointer, m.line, m.column) for m in members]
[('', 1, 1), ('/text', 1, 2), ('/text', 2, 2)]
>>> [(m.pointer, m.line) for m in repeats]
[('/text', 2)]
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ttsbuilder.codec import json_int
from ttsbuilder.problems import escape_pointer

__all__ = [
    "LineIndex",
    "Member",
    "PositionMap",
    "Token",
    "by_parent",
    "locate_json",
    "scan_json",
    "yaml_members",
]


@dataclass(frozen=True, slots=True)
class Token:
    """A span of the source text: character offsets ``[start, end)``, 1-based line and column."""

    start: int
    end: int
    line: int
    column: int


#: ``Member.leaf`` of a container (an object or an array): it has no scalar value.
CONTAINER: Any = type("Container", (), {"__repr__": lambda self: "CONTAINER"})()


@dataclass(frozen=True, slots=True)
class Member:
    """One member, array item or the root: its pointer, key token (None for items) and value.

    ``leaf`` is the scalar's value (the decoded JSON value, or the YAML scalar's text),
    or :data:`CONTAINER`; ``name`` is the key as decoded. ``parent`` is the offset where
    the enclosing object or array starts (-1 for the root): two objects with the same
    pointer (a repeated key) still have different parents.
    """

    pointer: str
    name: str | None
    key: Token | None
    value: Token
    leaf: Any
    parent: int = -1

    @property
    def line(self) -> int:
        """The line of the key, or of the value when there is no key."""
        return (self.key or self.value).line

    @property
    def column(self) -> int:
        """The column of the key, or of the value when there is no key."""
        return (self.key or self.value).column


class LineIndex:
    """Offsets → (line, column), both 1-based, columns counted in code points."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def token(self, start: int, end: int) -> Token:
        """The :class:`Token` for ``text[start:end]``."""
        row = bisect.bisect_right(self._starts, start) - 1
        return Token(start, end, row + 1, start - self._starts[row] + 1)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)


def scan_json(text: str) -> tuple[list[Member], list[Member]]:
    """Every member of valid JSON ``text`` in document order, and the repeated keys.

    The second list holds each member whose key already appeared in its object (the
    second and later occurrences). The scanner assumes ``text`` parses; on anything
    else its output is meaningless but it does not raise.
    """
    lines = LineIndex(text)
    members: list[Member] = []
    repeats: list[Member] = []
    # One frame per open container: pointer, is_object, next item index, keys seen, start.
    stack: list[tuple[str, bool, list[int], set[str], int]] = []
    expect_key = False
    key: Token | None = None
    name: str | None = None
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == ",":
            expect_key = bool(stack) and stack[-1][1]
            continue
        if first == ":":
            continue
        if first in "}]":
            if stack:
                stack.pop()
            expect_key = False
            continue
        span = lines.token(match.start(), match.end())
        if expect_key:
            key, name, expect_key = span, _decode(token), False
            continue
        if not stack:
            pointer, member_key, member_name, parent_start = "", None, None, -1
        elif stack[-1][1]:
            parent, _, _, seen, parent_start = stack[-1]
            pointer = f"{parent}/{escape_pointer(str(name))}"
            member_key, member_name = key, str(name)
            if member_name in seen:
                repeated = True
            else:
                seen.add(member_name)
                repeated = False
        else:
            parent, _, counter, _, parent_start = stack[-1]
            pointer, member_key, member_name = f"{parent}/{counter[0]}", None, None
            counter[0] += 1
        leaf = CONTAINER if first in "{[" else _decode(token)
        member = Member(pointer, member_name, member_key, span, leaf, parent_start)
        members.append(member)
        if member_key is not None and repeated:
            repeats.append(member)
        if first in "{[":
            stack.append((pointer, first == "{", [0], set(), span.start))
            expect_key = first == "{"
    return members, repeats


_SCALARS: dict[str, Any] = {"true": True, "false": False, "null": None}

# The C parts of the json module: scanning one value, and one string, from an offset.
_scan_once: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(parse_int=json_int).scan_once  # type: ignore[attr-defined]
_SPACE = re.compile(r"[ \t\n\r]*")


def locate_json(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The (line, column) of each pointer in valid JSON ``text``, as :class:`PositionMap` gives.

    Walks down only the objects and arrays on the way to the pointers and skips every
    other value with the json module's C scanner, so a large file with a few problems
    costs about one parse, not a member map (which :func:`scan_json` builds in Python).

    >>> locate_json('{"a": 1,\\n "b": {"c": [true, 2]}}', ["/b/c/1", "/b/x", "/a"])
    {'/b/c/1': (2, 20), '/b/x': (2, 2), '/a': (1, 2)}
    """
    wanted = list(pointers)
    trie: dict[str, Any] = {}
    for pointer in wanted:
        node = trie
        for token in pointer.split("/")[1:] if pointer else ():
            node = node.setdefault(token.replace("~1", "/").replace("~0", "~"), {})
    offsets: dict[str, int] = {}
    start = _SPACE.match(text).end()  # type: ignore[union-attr]
    offsets[""] = start
    _descend(text, start, "", trie, offsets)
    places = _lines_and_columns(text, set(offsets.values()))
    located: dict[str, tuple[int, int]] = {}
    for pointer in wanted:
        at = pointer
        while at not in offsets:  # the nearest ancestor that exists
            at = at.rpartition("/")[0]
        located[pointer] = places[offsets[at]]
    return located


def _descend(
    text: str, index: int, pointer: str, trie: dict[str, Any], offsets: dict[str, int]
) -> int:
    """Record the members of the value at ``index`` that ``trie`` names; return its end."""
    opening = text[index]
    if not trie or opening not in "{[":
        return int(_scan_once(text, index)[1])
    closing = "}" if opening == "{" else "]"
    index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    count = 0
    while text[index] != closing:
        if opening == "{":
            key_at = index
            name, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
            index = _SPACE.match(text, index).end() + 1  # type: ignore[union-attr]  # past ":"
            index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
        else:
            key_at, name = index, str(count)
            count += 1
        child = trie.get(name)
        if child is None:
            index = _scan_once(text, index)[1]
        else:
            # The last occurrence of a repeated key wins, as in json.loads.
            at = f"{pointer}/{escape_pointer(name)}"
            offsets[at] = key_at
            index = _descend(text, index, at, child, offsets)
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
        if text[index] == ",":
            index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    return index + 1


def _lines_and_columns(text: str, offsets: set[int]) -> dict[int, tuple[int, int]]:
    """1-based (line, column) of each offset, counting newlines once between them."""
    places: dict[int, tuple[int, int]] = {}
    line, previous = 1, 0
    for offset in sorted(offsets):
        line += text.count("\n", previous, offset)
        previous = offset
        places[offset] = (line, offset - text.rfind("\n", 0, offset))
    return places


def _decode(token: str) -> Any:
    # Most tokens are plain strings: slicing is far cheaper than a json.loads per token,
    # which dominated mapping the positions of a large file.
    if token[0] == '"' and "\\" not in token:
        return token[1:-1]
    if token in _SCALARS:
        return _SCALARS[token]
    try:
        return json.loads(token, parse_int=json_int)
    except ValueError:
        return token


def yaml_members(roots: Sequence[Any], text: str) -> tuple[list[Member], frozenset[int]]:
    """Every member of composed YAML documents (ruamel nodes), in document order.

    One document is the root; several are a catalog whose items are ``/0``, ``/1``...
    A node reached again through an alias is listed where the alias is, without
    descending into it again (so an alias bomb costs only its own size).

    The second value holds the start offsets of the mappings that take part in a YAML
    merge (``<<: *base``): the mapping with the merge key and each mapping merged into
    it. Renaming a key in one of them changes which keys the merge brings in.
    """
    members: list[Member] = []
    seen: set[int] = set()
    merging: set[int] = set()
    if len(roots) == 1:
        _walk_yaml(roots[0], "", None, None, members, seen, merging)
    else:
        start = Token(0, 0, 1, 1)
        members.append(Member("", None, None, start, CONTAINER))
        for index, root in enumerate(roots):
            _walk_yaml(root, f"/{index}", None, None, members, seen, merging)
    return members, frozenset(merging)


def by_parent(members: Iterable[Member]) -> dict[int, list[Member]]:
    """The keyed members of each object, by the object's start offset, in document order.

    >>> members, _ = scan_json('{"text": "a", "break": {"value": "1s"}, "text": "b"}')
    >>> [m.name for m in by_parent(members)[0]]
    ['text', 'break', 'text']
    """
    children: dict[int, list[Member]] = {}
    for member in members:
        if member.key is not None:
            children.setdefault(member.parent, []).append(member)
    return children


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _tag(node: Any) -> str:
    return str(getattr(node.tag, "value", node.tag))


def _mark(node: Any) -> Token:
    start, end = node.start_mark, node.end_mark
    return Token(start.index, end.index, start.line + 1, start.column + 1)


def _walk_yaml(
    node: Any,
    pointer: str,
    name: str | None,
    key: Token | None,
    members: list[Member],
    seen: set[int],
    merging: set[int],
) -> None:
    # Iterative, so nesting as deep as the parser accepted cannot overflow the stack.
    work: list[tuple[Any, str, str | None, Token | None, int]] = [(node, pointer, name, key, -1)]
    while work:
        node, pointer, name, key, parent = work.pop()
        value = node.value
        is_container = isinstance(value, list)
        mark = _mark(node)
        members.append(
            Member(pointer, name, key, mark, CONTAINER if is_container else value, parent)
        )
        if not is_container or id(node) in seen:
            continue
        seen.add(id(node))
        children: Iterable[tuple[Any, str, str | None, Token | None, int]]
        if node.id == "mapping":
            for k, v in value:
                if k.id == "scalar" and _tag(k) == _MERGE_TAG:
                    merging.add(mark.start)
                    sources = v.value if v.id == "sequence" else [v]
                    merging.update(s.start_mark.index for s in sources)
            children = (
                (v, f"{pointer}/{escape_pointer(_key_text(k))}", _key_text(k), _mark(k), mark.start)
                for k, v in value
            )
        else:
            children = ((v, f"{pointer}/{i}", None, None, mark.start) for i, v in enumerate(value))
        work.extend(reversed(list(children)))


def _key_text(node: Any) -> str:
    value = node.value
    return value if isinstance(value, str) else "?"


class PositionMap:
    """Pointer → :class:`Member` for one file (the last occurrence wins, as in json.loads).

    >>> members, _ = scan_json('{"break": {"value": "2 s"}}')
    >>> PositionMap(members).locate("/break/value/extra")
    (1, 12)
    """

    __slots__ = ("_by_pointer",)

    def __init__(self, members: Iterable[Member]) -> None:
        self._by_pointer = {member.pointer: member for member in members}

    def member(self, pointer: str) -> Member | None:
        """The member at ``pointer`` exactly, or None."""
        return self._by_pointer.get(pointer)

    def locate(self, pointer: str) -> tuple[int, int]:
        """The (line, column) of ``pointer``, or of its nearest ancestor in the file."""
        while True:
            member = self._by_pointer.get(pointer)
            if member is not None:
                return member.line, member.column
            if not pointer:
                return 1, 1
            pointer = pointer.rpartition("/")[0]
