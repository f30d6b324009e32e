"""Where the published schemas and validate() may give different verdicts, as data.

Each entry names the rule, says why (the same words as the table in docs/schemas.md,
which a test compares), recognises the documents it covers and carries a witness.
tests/test_schema_agreement.py and tests/test_schema_tools.py excuse exactly these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


def walk(
    value: Any, pointer: str = "", name: str | None = None
) -> Iterator[tuple[str, str | None, Any]]:
    """Every (pointer, member name, value) below ``value``, the root first."""
    yield pointer, name, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{pointer}/{key}", key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{pointer}/{index}")


def any_member(test: Callable[[str | None, Any], bool]) -> Callable[[Any], bool]:
    return lambda document: any(test(name, value) for _, name, value in walk(document))


@dataclass(frozen=True)
class Difference:
    """A kind of document on which validate() and the schemas may disagree, and why."""

    code: str
    reason: str
    applies: Callable[[Any], bool]
    witness: tuple[Any, str, str]  # a document, its kind and profile, that shows it


#: Rules, or corners of rules, that JSON Schema cannot express.
BEYOND_SCHEMA: tuple[Difference, ...] = (
    Difference(
        "TTS407",
        "A timeout written `5.0`. In JSON Schema's data model, 5.0 is the integer 5, so "
        "`type: integer` accepts it. validate() wants a JSON integer.",
        any_member(
            lambda name, value: (
                name in ("start_timeout", "recognizer_timeout")
                and type(value) is float
                and value.is_integer()
            )
        ),
        ({"text": "Hi", "voice": "male", "asr": True, "start_timeout": 5.0}, "play", "enablex"),
    ),
    Difference(
        "TTS112",
        "A surrogate code point (U+D800 to U+DFFF) in a string, which a JSON parser makes "
        "from an escape like `\\ud800`. validate() reports it; the schemas accept it, "
        "because no pattern can exclude surrogates in every tool: Rust engines "
        "(jsonschema-rs) refuse a pattern that names them.",
        any_member(
            lambda name, value: any(
                isinstance(text, str) and re.search("[\ud800-\udfff]", text)
                for text in (name, value)
            )
        ),
        ({"text": "\ud800"}, "tts", "enablex"),
    ),
)

DIFFERENCES = BEYOND_SCHEMA
