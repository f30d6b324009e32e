"""The OpenAPI document's body schemas, rewritten so that client generators can read them.

Each rewrite says the same thing in other JSON Schema words: a validator judges every
body as before (tests/test_openapi.py compares them with the published schemas). The
words are those openapi-python-client and openapi-typescript turn into types
(docs/clients.md, "The OpenAPI document"):

- **Member names**: the members of a tree, an express-as and a prosody (``text``,
  ``text2``, ``break``, ...) are not ``properties``: a generated model writes its
  properties in its own order, and the order of members is the prompt. They are
  ``patternProperties`` with an optional suffix (the kind each name takes),
  ``propertyNames`` (the names allowed) and an ``additionalProperties`` of the member
  kinds, which generators type the members by. A validator never applies it: every
  allowed member name matches a pattern, and is checked once (under ``allOf`` the
  patterns would not exclude the names from it, and each level of prosody would be
  checked twice, 2^16 times at the deepest). The kinds are listed most required keys
  first, so that a generated parser that tries them in turn takes a silence for a
  silence, not for a break. A member no value fits (a prosody deeper than 16 levels)
  is left out of the names, and its description added to the object's.
- **A string ``allOf``** (a phone number: a string, and a pattern) is one string
  schema: the patterns joined by look-aheads, the largest ``minLength``.
- **A constraint ``anyOf``/``oneOf``** of an object (``required`` lists, ``not``) moves
  under ``allOf``: a generator reads an ``anyOf`` as a choice of types.
- **The branches of a typed ``anyOf``** (a level or a pattern) carry the type.
- **``const`` true** is ``"type": "boolean", "enum": [true]``.
- **Titles** are the component names, which generators make class names of.
- A component no longer referenced (``too-deep``) is left out.

>>> end = "(?![\\\\s\\\\S])"
>>> string = {"type": "string", "minLength": 1, "pattern": f"^(?:a+){end}"}
>>> phone = {"allOf": [{"$ref": "#/components/schemas/string"}, {"pattern": f"^(?:[0-9]+){end}"}]}
>>> generator_friendly({"string": string, "phone": phone})["phone"]["pattern"]
'^(?=(?:a+)(?![\\\\s\\\\S]))(?:[0-9]+)(?![\\\\s\\\\S])'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ttsbuilder.errors import TTSBuilderError

__all__ = ["generator_friendly"]

Schema = dict[str, Any]

_COMPONENTS = "#/components/schemas/"
_VALUES = ("const", "enum", "examples", "default")  # keys whose values are data, not schemas
_ANCHORED = re.compile(r"\^\(\?:(?P<body>.*)\)\(\?!\[\\s\\S\]\)", re.DOTALL)
_SUFFIXED = re.compile(
    r"\^\(\?:(?P<name>[a-z][a-z-]*)(?P<suffix>\[1-9\]\[0-9\]\*)\)\(\?!\[\\s\\S\]\)"
)


def generator_friendly(components: dict[str, Schema]) -> dict[str, Schema]:
    """``components`` (by name) rewritten as the module says, each meaning what it meant."""

    def resolve(node: Schema) -> Schema:
        for _ in range(len(components) + 1):
            reference = node.get("$ref")
            if not isinstance(reference, str):
                return node
            node = components[reference.removeprefix(_COMPONENTS)]
        raise TTSBuilderError("a $ref cycle in the OpenAPI components")

    steps: list[Callable[[Schema], Schema]] = [
        lambda node: _members(node, resolve),
        lambda node: _string_all_of(node, resolve),
        _constraints_under_all_of,
        _typed_branches,
        _boolean_const,
    ]
    rewritten = {name: {**definition, "title": name} for name, definition in components.items()}
    for step in steps:
        rewritten = {name: _walk(definition, step) for name, definition in rewritten.items()}
    unused = _referenced(components) - _referenced(rewritten)  # too deep: no longer named
    return {name: definition for name, definition in rewritten.items() if name not in unused}


def _referenced(node: Any) -> set[str]:
    """The component names the ``$ref``s in ``node`` point to."""
    if isinstance(node, list):
        return {name for item in node for name in _referenced(item)}
    if not isinstance(node, dict):
        return set()
    found = {node["$ref"].removeprefix(_COMPONENTS)} if isinstance(node.get("$ref"), str) else set()
    return found.union(*(_referenced(value) for key, value in node.items() if key not in _VALUES))


def _walk(node: Any, step: Callable[[Schema], Schema]) -> Any:
    """``node`` with ``step`` applied to each schema in it, the innermost first."""
    if isinstance(node, list):
        return [_walk(item, step) for item in node]
    if not isinstance(node, dict):
        return node
    return step(
        {key: value if key in _VALUES else _walk(value, step) for key, value in node.items()}
    )


def _anchored(pattern: str) -> str:
    """The body of a pattern written ``^(?:body)(?![\\s\\S])``, as every published one is."""
    match = _ANCHORED.fullmatch(pattern)
    if match is None:
        raise TTSBuilderError(f"a pattern not written as ^(?:...)(?![\\s\\S]): {pattern!r}")
    return match["body"]


def _members(node: Schema, resolve: Callable[[Schema], Schema]) -> Schema:
    patterns = node.get("patternProperties")
    if not patterns or node.get("additionalProperties") is not False:
        return node
    attributes = dict(node.get("properties", {}))
    members: dict[str, Schema] = {}
    kinds: list[Schema] = []
    for pattern, member in patterns.items():
        match = _SUFFIXED.fullmatch(pattern)
        if match is None or attributes.pop(match["name"], None) != member:
            raise TTSBuilderError(f"a member pattern without its plain member: {pattern!r}")
        if resolve(member).get("not") == {}:  # a member no value fits (too deep): not allowed
            refused = resolve(member).get("description", "not allowed")
            node = {**node, "description": f"{node.get('description', '')} {refused}".strip()}
            continue
        members[f"^(?:{match['name']}(?:{match['suffix']})?)(?![\\s\\S])"] = member
        kinds.append({"$ref": member["$ref"]} if "$ref" in member else member)
    kinds.sort(key=lambda kind: -len(resolve(kind).get("required", ())))
    names: list[Schema] = [{"enum": list(attributes)}] if attributes else []
    rewritten = {
        key: value
        for key, value in node.items()
        if key not in ("properties", "patternProperties", "additionalProperties")
    }
    if attributes:
        rewritten["properties"] = attributes
    return {
        **rewritten,
        "patternProperties": members,
        "propertyNames": {"anyOf": [*names, *({"pattern": p} for p in members)]},
        "additionalProperties": {"anyOf": kinds},
    }


def _string_all_of(node: Schema, resolve: Callable[[Schema], Schema]) -> Schema:
    parts = node.get("allOf")
    if not parts:
        return node
    resolved = [resolve(part) for part in parts]
    if not all(
        part.get("type") == "string" or set(part) <= {"pattern", "minLength"} for part in resolved
    ):
        return node
    merged: Schema = {"type": "string"}
    lengths = [part["minLength"] for part in resolved if "minLength" in part]
    if lengths:
        merged["minLength"] = max(lengths)
    bodies = [_anchored(part["pattern"]) for part in resolved if "pattern" in part]
    if bodies:
        *first, last = bodies
        ahead = "".join(f"(?=(?:{body})(?![\\s\\S]))" for body in first)
        merged["pattern"] = f"^{ahead}(?:{last})(?![\\s\\S])"
    return {**merged, **{key: value for key, value in node.items() if key != "allOf"}}


def _constraints_under_all_of(node: Schema) -> Schema:
    if node.get("type") != "object":
        return node
    for key in ("anyOf", "oneOf"):
        branches = node.get(key)
        if branches and all(set(branch) <= {"required", "not"} for branch in branches):
            node = {name: value for name, value in node.items() if name != key}
            node["allOf"] = [*node.get("allOf", []), {key: branches}]
    return node


def _typed_branches(node: Schema) -> Schema:
    kind = node.get("type")
    if not isinstance(kind, str):
        return node
    for key in ("anyOf", "oneOf"):
        if key in node:
            node = {
                **node,
                key: [
                    branch if "type" in branch or "$ref" in branch else {"type": kind, **branch}
                    for branch in node[key]
                ],
            }
    return node


def _boolean_const(node: Schema) -> Schema:
    if not isinstance(node.get("const"), bool):
        return node
    rewritten = {key: value for key, value in node.items() if key != "const"}
    return {**rewritten, "type": "boolean", "enum": [node["const"]]}
