"""Where the cursor is in a document that may be half-typed: the keys above it, and
whether it is on a key or on a key's value.

Completion and hover ask this of text that often does not parse (``{"say-as": {"``),
so nothing here uses a parser: JSON is read token by token up to the cursor, YAML by
its indentation. The answer is a best effort and never an exception.

>>> place = place_at('{"say-as": {"interpret-as": "date", "format": "', "json", 0, 47)
>>> place.path, place.key, place.siblings["interpret-as"]
(('say-as',), 'format', 'date')
>>> place_at("prosody:\\n  ra", "yaml", 1, 4).prefix
'ra'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ttsbuilder.lint.loaders import Format

__all__ = ["Place", "place_at"]


@dataclass(frozen=True, slots=True)
class Place:
    """The cursor's place: ``path`` (keys of the enclosing objects, outermost first).

    ``key`` is the key whose value the cursor is in, or None when the cursor is where a
    key goes. ``prefix`` is what is typed of the current word before the cursor, ``word``
    the whole word under the cursor. ``siblings`` holds the scalar values of the
    enclosing object's members and ``keys`` every key it has.
    """

    path: tuple[str, ...]
    key: str | None
    prefix: str = ""
    word: str = ""
    siblings: dict[str, str] = field(default_factory=dict)
    keys: tuple[str, ...] = ()


def place_at(text: str, format: Format, line: int, column: int) -> Place:
    """The place at 0-based ``line`` and code-point ``column`` of ``text``."""
    lines = text.split("\n")
    if line >= len(lines):
        return Place((), None)
    column = min(column, len(lines[line]))
    if format == "json":
        offset = sum(len(row) + 1 for row in lines[:line]) + column
        return _json_place(text, offset)
    return _yaml_place(lines, line, column)


# --- JSON -------------------------------------------------------------------------------

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def _unquote(token: str) -> str:
    if token.startswith('"'):
        body = token[1:-1] if len(token) > 1 and token.endswith('"') else token[1:]
        try:
            decoded = json.loads(f'"{body}"')
        except ValueError:
            return body
        return decoded if isinstance(decoded, str) else body
    return token


@dataclass
class _Frame:
    array: bool
    key: str | None = None  # the key this container is the value of
    pending: str | None = None  # the last key read, waiting for its value
    after_colon: bool = False
    keys: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)


def _json_place(text: str, offset: int) -> Place:
    stack: list[_Frame] = []
    prefix, word, on_token = "", "", False
    resume = offset
    for match in _TOKEN.finditer(text):
        start, end, token = match.start(), match.end(), match.group()
        if start >= offset or (start < offset < end and token[0] in "{}[]:,"):
            break
        if start < offset <= end and token[0] not in "{}[]:,":
            prefix, word, on_token = _unquote(text[start:offset]), _unquote(token), True
            resume = end
            if end == offset and token.startswith('"') and token.endswith('"') and len(token) > 1:
                prefix, on_token = "", False  # just after a closed string: not in it
                _consume(stack, token)
                continue
            break
        _consume(stack, token)
    top = stack[-1] if stack else None
    path = tuple(f.key or "" for f in stack[1:])
    if top is None or top.array:
        keys, siblings = _rest(text, resume, top, None)
        return Place(path, top.key if top else None, prefix, word, siblings, keys)
    key = top.pending if top.after_colon else None
    if on_token:  # the word under the cursor is a key or a value of this object
        if key is None:
            top.keys.append(word)
        else:
            top.values[key] = word
    keys, siblings = _rest(text, resume, top, word if on_token and key is None else None)
    return Place(path, key, prefix, word if on_token else "", siblings, keys)


def _consume(stack: list[_Frame], token: str) -> None:
    top = stack[-1] if stack else None
    if token in ("{", "["):
        key = None
        if top is not None and top.array:
            key = str(len(top.keys))
            top.keys.append(key)
        elif top is not None:
            key = top.pending
        stack.append(_Frame(array=token == "[", key=key))
        if top is not None and not top.array:
            top.pending, top.after_colon = None, False
    elif token in ("}", "]"):
        if stack:
            stack.pop()
    elif token == ":":
        if top is not None:
            top.after_colon = True
    elif token == ",":
        if top is not None:
            top.pending, top.after_colon = None, False
    elif top is not None and not top.array:
        if top.after_colon and top.pending is not None:
            top.values[top.pending] = _unquote(token)
            top.pending, top.after_colon = None, False
        else:
            name = _unquote(token)
            top.pending = name
            top.keys.append(name)
    elif top is not None:
        top.keys.append(str(len(top.keys)))


def _rest(
    text: str, offset: int, frame: _Frame | None, pending: str | None
) -> tuple[tuple[str, ...], dict[str, str]]:
    """Every key and scalar value of the cursor's object, the part after the cursor too.

    ``pending``: the key under the cursor, whose value follows.
    """
    if frame is None:
        return (), {}
    keys, values = list(frame.keys), dict(frame.values)
    if frame.array:
        return tuple(keys), values
    depth, after_colon = 0, False
    for match in _TOKEN.finditer(text, offset):
        token = match.group()
        if token in ("{", "["):
            depth += 1
        elif token in ("}", "]"):
            if depth == 0:
                break
            depth -= 1
        elif depth:
            continue
        elif token == ":":
            after_colon = True
        elif token == ",":
            pending, after_colon = None, False
        elif after_colon and pending is not None:
            values[pending], pending, after_colon = _unquote(token), None, False
        else:
            pending = _unquote(token)
            keys.append(pending)
    return tuple(keys), values


# --- YAML -------------------------------------------------------------------------------

_ENTRY = re.compile(r"""^(\s*)(?:-\s+)?((?:"[^"]*"|'[^']*'|[^\s#:][^:#]*?))\s*:(?:\s+(.*))?$""")
_LEAD = re.compile(r"^(\s*)(?:-\s+)?")


def _scalar(value: str | None) -> str:
    value = (value or "").split(" #", 1)[0].strip()
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value


def _indent(line: str) -> int:
    lead = _LEAD.match(line)
    return lead.end() if lead else 0


def _yaml_place(lines: list[str], line: int, column: int) -> Place:
    current = lines[line]
    before = current[:column]
    indent = _indent(current) if current.strip() else len(before) - len(before.lstrip())
    entry = _ENTRY.match(before)
    word_match = re.search(r"[^\s:\"']*$", before)
    prefix = word_match.group() if word_match else ""
    tail = re.match(r"[^\s:\"',]*", current[column:])
    word = prefix + (tail.group() if tail else "")
    key = _scalar(entry.group(2)) if entry and entry.group(3) is not None else None
    if entry is not None and key is None and before.rstrip().endswith(":"):
        key = _scalar(entry.group(2))
    path: list[str] = []
    limit = indent
    for row in range(line - 1, -1, -1):
        text = lines[row]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        found = _ENTRY.match(text)
        if _indent(text) < limit and found is not None:
            path.append(_scalar(found.group(2)))
            limit = _indent(text)
            if limit == 0:
                break
    keys: list[str] = []
    siblings: dict[str, str] = {}
    for row in _block(lines, line, indent):
        found = _ENTRY.match(lines[row])
        if found is not None and row != line:
            name = _scalar(found.group(2))
            keys.append(name)
            if found.group(3):
                siblings[name] = _scalar(found.group(3))
    return Place(tuple(reversed(path)), key, prefix, word, siblings, tuple(keys))


def _block(lines: list[str], line: int, indent: int) -> list[int]:
    """The rows of the mapping the cursor's line belongs to (same indentation)."""
    rows: list[int] = []
    for step in (-1, 1):
        row = line + step
        while 0 <= row < len(lines):
            text = lines[row]
            if text.strip() and not text.lstrip().startswith("#"):
                level = _indent(text)
                if level < indent:
                    break
                if level == indent:
                    rows.append(row)
            row += step
    return sorted(rows)
