"""An OpenAPI 3.1 document of the Voice API: every route of SPEC §6 with its request body schema.

Built from :data:`ttsbuilder.routes.ROUTES` and the published JSON Schemas (through
:func:`ttsbuilder._flatten.flatten`: the same definitions, re-homed under
``#/components/schemas/``). It ships as ``ttsbuilder/schemas/openapi.json`` (and
``openapi-azure.json``); ``ttsbuilder schema openapi`` prints it. ``make schemas``
writes the files (``python -m ttsbuilder.openapi ttsbuilder/schemas``); a test fails
when they are stale. See ``docs/clients.md``.

>>> document = openapi_document()
>>> document["openapi"], sorted(document["paths"]["/call/{voice_id}"])
('3.1.0', ['delete', 'get'])
>>> document["paths"]["/call/{voice_id}/play"]["put"]["requestBody"]["content"]["application/json"]
{'schema': {'$ref': '#/components/schemas/play'}}
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from ttsbuilder._files import write_atomically
from ttsbuilder._flatten import LOCAL, flatten
from ttsbuilder._generator_friendly import generator_friendly
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.profiles import PROFILES, Profile, ProfileName, get_profile
from ttsbuilder.published import _load  # the one reader of ttsbuilder/schemas/ files
from ttsbuilder.routes import BASE_URL, ROUTES, Route

__all__ = ["COMPONENTS", "build", "openapi_document", "openapi_file"]

Schema = dict[str, Any]

#: Where the body schemas live in the document.
COMPONENTS = "#/components/schemas/"

_CALL_STATE: Schema = {
    "type": "object",
    "description": "The call's state, as the service reports it.",
    "properties": {
        "voice_id": {"type": "string", "description": "The call's unique identifier."},
        "state": {"type": "string", "description": "The state of the call or the action."},
        "timestamp": {"type": "string", "description": "When the answer was made (UTC)."},
    },
}
_FAILURE: Schema = {
    "type": "object",
    "description": "Why the service refused the request.",
    "properties": {
        "result": {"type": ["string", "integer"], "description": "The result code."},
        "msg": {"type": "string", "description": "What the result code means."},
        "state": {"type": "string"},
        "timestamp": {"type": "string"},
    },
}


def openapi_file(profile: ProfileName | Profile = "enablex") -> str:
    """The file name of the document for ``profile``: ``openapi.json``, ``openapi-azure.json``."""
    name = get_profile(profile).name
    return "openapi.json" if name == "enablex" else f"openapi-{name}.json"


def _rehome(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                COMPONENTS + value[len(LOCAL) :]
                if key == "$ref" and isinstance(value, str)
                else value
                if key in ("const", "enum", "examples", "default")
                else _rehome(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rehome(item) for item in node]
    return node


def _operation(route: Route, bodies: dict[str, str]) -> Schema:
    operation: Schema = {"operationId": route.name, "summary": route.summary}
    if route.parameters:
        operation["parameters"] = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1},
            }
            for name in route.parameters
        ]
    if route.body is not None:
        reference = {"$ref": COMPONENTS + bodies[route.body]}
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": reference}},
        }
    if route.name == "download_recording":
        success: Schema = {
            "description": "The recording file.",
            "content": {"application/octet-stream": {}},
        }
    else:
        success = {
            "description": "The call's state.",
            "content": {"application/json": {"schema": {"$ref": COMPONENTS + "CallState"}}},
        }
    operation["responses"] = {
        "200": success,
        "default": {
            "description": "A failure, with the service's result code.",
            "content": {"application/json": {"schema": {"$ref": COMPONENTS + "Failure"}}},
        },
    }
    return operation


def _merged(components: dict[str, Schema], roots: set[str]) -> dict[str, Schema]:
    """``components`` with the copies of one definition merged under one name.

    Self-contained schemas each carry their own copy of what they share (the play and
    dial-out bodies both hold the tree): ``play.text`` and ``dial-out.text``. When every
    copy of every shared definition is the same once references are read by definition
    name, each is kept once, under its definition name (``text``); otherwise none is.
    A definition only one schema has keeps its name (``dial-out.play``).
    """
    by_name: dict[str, list[str]] = {}
    for name in components:
        if name not in roots and "." in name:
            by_name.setdefault(name.split(".", 1)[1], []).append(name)

    def plain(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    COMPONENTS + value[len(COMPONENTS) :].split(".", 1)[-1]
                    if key == "$ref" and isinstance(value, str)
                    else value
                    if key in ("const", "enum", "examples", "default")
                    else plain(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [plain(item) for item in node]
        return node

    shared = {short: names for short, names in by_name.items() if len(names) > 1}
    if (
        not shared
        or set(shared) & set(components)  # a short name already taken: keep every name
        or any(
            len({json.dumps(plain(components[name]), sort_keys=True) for name in names}) > 1
            for names in shared.values()
        )
    ):
        return components
    renamed = {name: short for short, names in shared.items() for name in names}

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    COMPONENTS + renamed.get(value[len(COMPONENTS) :], value[len(COMPONENTS) :])
                    if key == "$ref" and isinstance(value, str)
                    else value
                    if key in ("const", "enum", "examples", "default")
                    else rename(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rename(item) for item in node]
        return node

    merged: dict[str, Schema] = {}
    for name, definition in components.items():
        merged.setdefault(renamed.get(name, name), rename(definition))
    return merged


def build(profile: ProfileName | Profile = "enablex") -> Schema:
    """The OpenAPI 3.1 document for ``profile``, built now from the published schemas."""
    resolved = get_profile(profile)
    components: dict[str, Schema] = {"CallState": _CALL_STATE, "Failure": _FAILURE}
    bodies: dict[str, str] = {}
    for kind in dict.fromkeys(route.body for route in ROUTES if route.body is not None):
        root, definitions = flatten(kind, resolved)
        bodies[kind] = root
        for name, definition in definitions.items():
            rehomed = _rehome(definition)
            if components.setdefault(name, rehomed) != rehomed:
                raise TTSBuilderError(f"two different schemas are both named {name!r}")
    components = generator_friendly(_merged(components, set(bodies.values())))
    paths: dict[str, Schema] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route, bodies)
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Voice API",
            "version": "2.0",
            "description": (
                "The Voice API v2.0 routes and their request bodies, with the "
                f"{resolved.name} profile's limits. Generated by ttsbuilder from its "
                "published JSON Schemas; ttsbuilder.check_request() checks a request "
                "by the same routes."
            ),
        },
        "servers": [{"url": BASE_URL}],
        "security": [{"basic": []}],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(components.items())),
            "securitySchemes": {
                "basic": {
                    "type": "http",
                    "scheme": "basic",
                    "description": "The application's ID and key.",
                }
            },
        },
    }


def openapi_document(profile: ProfileName | Profile = "enablex") -> dict[str, Any]:
    """The shipped OpenAPI 3.1 document of the Voice API for ``profile``, as a new dict.

    Raises :class:`~ttsbuilder.errors.TTSBuilderError` for an unknown profile.

    >>> openapi_document("azure")["paths"]["/call"]["post"]["operationId"]
    'dial_out'
    """
    return copy.deepcopy(_load(openapi_file(profile)))


def render(document: Schema) -> str:
    """The text of a document file: 2-space JSON, ASCII only, as the schema files."""
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def main(argv: list[str]) -> int:
    """Write each profile's document into the folder ``argv[0]`` (default: the package's)."""
    folder = Path(argv[0]) if argv else Path(__file__).parent / "schemas"
    for profile in PROFILES:
        path = folder / openapi_file(profile)
        write_atomically(str(path), render(build(profile)).encode("utf-8"), create=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
