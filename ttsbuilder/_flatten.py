"""A published schema as flat, named definitions with local references only.

OpenAPI documents and pydantic keep definitions in one flat place of their own
(``#/components/schemas/``, ``#/$defs/``). :func:`flatten` hands a published schema over
in that shape: its root and every definition it reaches — through its own ``$defs``, an
embedded resource (``$id``) or another published file — each under one name
(``<file stem>.<definition>``), every ``$ref`` written ``#/$defs/<name>`` for the
consumer to re-home. It works on the published files as they are, whether they refer
to each other or are bundled.

>>> root, definitions = flatten("hold")
>>> root, definitions[root]["required"]
('hold', ['hold'])
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.profiles import PROFILES, Profile, ProfileName
from ttsbuilder.published import BASE_URI, SCHEMA_KINDS, schema, schema_file
from ttsbuilder.rules.payloads import DocumentKind

__all__ = ["LOCAL", "flatten"]

Schema = dict[str, Any]

#: How every ``$ref`` of a flattened definition starts.
LOCAL = "#/$defs/"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")  # OpenAPI component names allow only these


def flatten(
    kind: DocumentKind, profile: ProfileName | Profile = "enablex"
) -> tuple[str, dict[str, Schema]]:
    """(the root's name, every definition by name) of ``kind``'s published schema."""
    return _Flattener().run(schema(kind, profile))


def _published(uri: str) -> Schema | None:
    for kind in SCHEMA_KINDS:
        for profile in PROFILES:
            if BASE_URI + schema_file(kind, profile) == uri:
                return schema(kind, profile)
    return None


def _stem(uri: str) -> str:
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".json").removesuffix(".schema") or "schema"


class _Flattener:
    def __init__(self) -> None:
        self.resources: dict[str, Schema] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.pending: list[tuple[str, str]] = []
        self.out: dict[str, Schema] = {}

    def run(self, document: Schema) -> tuple[str, dict[str, Schema]]:
        uri = document.get("$id") or BASE_URI + "schema.json"
        self.resources[uri] = document
        self.register(document, uri)
        root = self.name(uri, "")
        while self.pending:
            where, pointer = self.pending.pop()
            self.out[self.names[where, pointer]] = self.copy(self.find(where, pointer), where)
        return root, self.out

    def register(self, node: Any, base: str) -> None:
        """Remember ``node`` under ``base``, and each resource embedded in it under its ``$id``."""
        if isinstance(node, dict):
            if isinstance(node.get("$id"), str):
                base = urldefrag(urljoin(base, node["$id"]))[0]
                self.resources.setdefault(base, node)
            for key, value in node.items():
                if key not in ("const", "enum", "examples", "default"):
                    self.register(value, base)
        elif isinstance(node, list):
            for item in node:
                self.register(item, base)

    def name(self, where: str, pointer: str) -> str:
        key = (where, pointer)
        if key not in self.names:
            tokens = [token for token in pointer.split("/")[1:] if token != "$defs"]
            name = _UNSAFE.sub("_", ".".join([_stem(where), *tokens]))
            taken = set(self.names.values())
            unique, number = name, 2
            while unique in taken:
                unique, number = f"{name}-{number}", number + 1
            self.names[key] = unique
            self.pending.append(key)
        return self.names[key]

    def find(self, where: str, pointer: str) -> Any:
        node: Any = self.resources[where]
        for token in pointer.split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError, TypeError):
                raise TTSBuilderError(f"cannot resolve {where}#{pointer}") from None
        return node

    def copy(self, node: Any, base: str) -> Any:
        """``node`` without ``$schema``/``$id``/``$defs``, its ``$ref``s made local."""
        if isinstance(node, list):
            return [self.copy(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$id"), str):
            base = urldefrag(urljoin(base, node["$id"]))[0]
        copied: Schema = {}
        for key, value in node.items():
            if key in ("$schema", "$id", "$defs"):
                continue
            if key == "$ref" and isinstance(value, str):
                copied[key] = LOCAL + self.target(urljoin(base, value))
            elif key in ("const", "enum", "examples", "default"):
                copied[key] = value
            else:
                copied[key] = self.copy(value, base)
        return copied

    def target(self, uri: str) -> str:
        where, fragment = urldefrag(uri)
        if where not in self.resources:
            document = _published(where)
            if document is None:
                raise TTSBuilderError(f"cannot resolve {uri}: not a ttsbuilder schema")
            self.register(document, where)
            self.resources[where] = document
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            raise TTSBuilderError(f"cannot resolve {uri}: anchors are not supported")
        return self.name(where, pointer)
