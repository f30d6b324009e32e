"""pydantic v2 types for trees and Voice API request bodies (extra ``[pydantic]``).

Use them as fields of your own models. Validation is ttsbuilder's: every error of the
value becomes one line of one pydantic ``ValidationError``, its ``loc`` built from the
problem's JSON pointer, its ``type`` our rule code and its ``ctx`` the code, rule name,
severity, pointer, hint and message. Warnings do not fail validation; they are logged
(logger ``ttsbuilder.pydantic``). The JSON Schema pydantic emits for a field is the
published schema of its kind, so FastAPI's OpenAPI shows the styles, interpret-as kinds
and formats. See ``docs/clients.md``.

>>> from pydantic import BaseModel
>>> class Prompt(BaseModel):
...     name: str
...     tree: Tree
>>> Prompt(name="welcome", tree={"text": "Hello"}).tree
{'text': 'Hello'}
>>> import pydantic
>>> try:
...     Prompt(name="pause", tree={"break": {"value": "9s"}})
... except pydantic.ValidationError as error:
...     print(error.errors()[0]["loc"], error.errors()[0]["type"])
('tree', 'break', 'value') TTS202
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from ttsbuilder._extras import require
from ttsbuilder._flatten import LOCAL, flatten
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import Profile, ProfileName, get_profile
from ttsbuilder.rules import RULES
from ttsbuilder.rules.payloads import DocumentKind
from ttsbuilder.validation import as_document, validate

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

_core = require("pydantic_core", extra="pydantic", feature="ttsbuilder.pydantic")
require("pydantic", extra="pydantic", feature="ttsbuilder.pydantic")

__all__ = [
    "LOGGER",
    "ConnectBody",
    "DialOutBody",
    "ForwardBody",
    "HoldBody",
    "PlayBody",
    "RecordingBody",
    "TransferBody",
    "Tree",
    "Validated",
]

#: Where the warnings of validated values are logged.
LOGGER = logging.getLogger("ttsbuilder.pydantic")

_FIELDS = itertools.count(1)
_KEEP = ("const", "enum", "examples", "default")  # values, not schemas: copied as they are


class Validated:
    """The marker that makes ``Annotated[dict[str, Any], Validated(kind, profile)]`` a type.

    ``kind`` is a ``validate()`` kind other than ``auto``; the types below are this for
    each kind with the enablex profile. For the azure profile, write your own::

        AzurePlay = Annotated[dict[str, Any], Validated("play", "azure")]
    """

    def __init__(self, kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> None:
        self.kind = kind
        self.profile = get_profile(profile)
        self.root, self.definitions = flatten(kind, self.profile)

    def __repr__(self) -> str:
        return f"Validated({self.kind!r}, {self.profile.name!r})"

    def validate(self, value: Any) -> Any:
        """A copy of ``value`` (a builder value as its dict) if it has no errors; else raise
        pydantic's. What the caller still holds of ``value`` cannot change the copy."""
        document = as_document(value)
        problems = validate(document, self.kind, self.profile)
        errors = [problem for problem in problems if problem.is_error]
        for problem in problems:
            if not problem.is_error:
                LOGGER.warning("%s: %s", self.kind, problem, extra={"problem": problem})
        if errors:
            lines = [_line(problem, document) for problem in errors]
            raise _core.ValidationError.from_exception_data(self.root, lines)
        return _own(document)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return self._core_schema()

    def _core_schema(self) -> CoreSchema:
        schemas = _core.core_schema
        # Each field gets definitions of its own (pydantic refuses one ref defined twice in
        # a model); pydantic's JSON Schema then merges the equal ones under short names.
        prefix = f"ttsbuilder.{self.profile.name}.{next(_FIELDS)}."

        def json_schema_of(definition: Any) -> Callable[[Any, GetJsonSchemaHandler], Any]:
            def make(_: Any, json_handler: GetJsonSchemaHandler) -> Any:
                return _reference(definition, json_handler, prefix)

            return make

        definitions = [
            schemas.any_schema(
                ref=prefix + name,
                metadata={"pydantic_js_functions": [json_schema_of(definition)]},
            )
            for name, definition in self.definitions.items()
        ]
        root = {"$ref": LOCAL + self.root}

        def check(value: Any) -> Any:
            return self.validate(value)

        # pydantic names a union's members by their function: say which kind this is.
        name = self.kind if self.profile.name == "enablex" else f"{self.kind}_{self.profile.name}"
        check.__name__ = check.__qualname__ = "validate_" + name.replace("-", "_")
        checked = schemas.no_info_plain_validator_function(
            check,
            metadata={"pydantic_js_functions": [json_schema_of(root)]},
        )
        return schemas.definitions_schema(checked, definitions)  # type: ignore[no-any-return]


def _own(value: Any) -> Any:
    """``value`` with a new dict or list at every level (without recursion: at any depth).

    As pydantic copies the dict of a ``dict`` field, so that a value validated stays the
    value validated when the caller changes the one they passed in.
    """
    if type(value) is not dict and type(value) is not list:
        return value
    top = value.copy()
    stack: list[Any] = [top]
    while stack:
        node = stack.pop()
        for key, item in node.items() if type(node) is dict else enumerate(node):
            if type(item) is dict or type(item) is list:
                node[key] = fresh = item.copy()  # the same keys: iterating on is safe
                stack.append(fresh)
    return top


def _reference(node: Any, handler: GetJsonSchemaHandler, prefix: str) -> Any:
    """A flattened definition with each ``$ref`` made the one pydantic gives its definition."""
    if isinstance(node, list):
        return [_reference(item, handler, prefix) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str) and value.startswith(LOCAL):
            target = prefix + value[len(LOCAL) :]
            out.update(handler(_core.core_schema.definition_reference_schema(target)))
        elif key in _KEEP:
            out[key] = value
        else:
            out[key] = _reference(value, handler, prefix)
    return out


def _line(problem: Problem, document: Any) -> Any:
    """One pydantic error line for ``problem``: loc from its pointer, our code as its type."""
    loc: list[str | int] = []
    node: Any = document
    for token in problem.pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit():
            index = int(token)
            loc.append(index)
            node = node[index] if index < len(node) else None
        else:
            loc.append(token)
            node = node.get(token) if isinstance(node, dict) else None
    rule = RULES.get(problem.code)
    context: dict[str, Any] = {
        "code": problem.code,
        "rule": rule.name if rule is not None else problem.code,
        "severity": problem.severity.value,
        "pointer": problem.pointer,
        "hint": problem.hint,
        # Last: pydantic fills in {key}s in context order, so no text inside it is filled.
        "message": f"{problem.message} ({problem.hint})" if problem.hint else problem.message,
    }
    error_type = _core.PydanticCustomError(problem.code, "{message}", context)
    return {
        "type": error_type,
        "loc": tuple(loc),
        "input": _writable(document if node is None else node),
    }


# How Python's JSON parser (FastAPI's) reads the numbers JSON has no words for.
_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _is_non_finite(value: Any) -> bool:
    return type(value) is float and not math.isfinite(value)


def _members(node: Any) -> Any:
    return node.items() if type(node) is dict else enumerate(node)


def _writable(value: Any) -> Any:
    """``value`` with each NaN or infinity in it written as its JSON-like word (``"NaN"``).

    An error line's input goes into FastAPI's 422 response, which cannot hold a NaN
    (JSON has none): with one, the service answered 500. Anything else is kept as it is,
    the same object when there is nothing to write.
    """
    if _is_non_finite(value):
        return _NON_FINITE[repr(value)]
    if (type(value) is not dict and type(value) is not list) or not _holds_non_finite(value):
        return value
    top = _own(value)  # new containers at every level: changed in place below
    stack = [top]
    while stack:
        node = stack.pop()
        for key, item in _members(node):
            if _is_non_finite(item):
                node[key] = _NON_FINITE[repr(item)]
            elif type(item) is dict or type(item) is list:
                stack.append(item)
    return top


def _holds_non_finite(value: Any) -> bool:
    """Whether a NaN or an infinity is anywhere in ``value`` (looked for without recursion)."""
    stack = [value]
    while stack:
        for _, item in _members(stack.pop()):
            if _is_non_finite(item):
                return True
            if type(item) is dict or type(item) is list:
                stack.append(item)
    return False


def _type(kind: DocumentKind) -> Any:
    return Annotated[dict[str, Any], Validated(kind)]


#: A ``text_to_speech_option`` tree.
Tree = _type("tts")
#: The body of ``PUT /call/{voice_id}/play``.
PlayBody = _type("play")
#: The body of ``POST /call`` (dial out).
DialOutBody = _type("dial-out")
#: The body of ``PUT /call/{voice_id}/connect`` (bridge).
ConnectBody = _type("connect")
#: The body of ``PUT /call/{voice_id}/transfer``.
TransferBody = _type("transfer")
#: The body of ``PUT /call/{voice_id}/forward``.
ForwardBody = _type("forward")
#: The body of ``POST /call/{voice_id}/hold``.
HoldBody = _type("hold")
#: The body of ``PUT /call/{voice_id}/recording``.
RecordingBody = _type("recording")
