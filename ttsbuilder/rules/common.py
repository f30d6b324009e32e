"""Rules every object of a document shares (TTS101–TTS105, TTS112): keys, types, texts.

:func:`check_keys` and :func:`check_string` are the building blocks the other
families call for attribute objects and strings.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from typing import Any

from ttsbuilder.problems import shown
from ttsbuilder.rules.base import error
from ttsbuilder.rules.context import (
    BAD_XML_CHARACTER,
    Context,
    child,
    describe,
    key_text,
)

__all__ = ["ALIASES", "check_keys", "check_string", "quote_hint", "unknown_key"]

FAMILY = "tree"

UNKNOWN_KEY = error(
    "TTS101",
    "unknown-key",
    "A key that this object does not have; the message says which keys are allowed.",
    why="A key the Voice API does not define is not part of the prompt: the service rejects the "
    "request or drops the member, so what it holds is never used. It is most often a typo "
    "of a real key ('txt' for 'text').",
    bad='{"txt": "Hello"}',
    good='{"text": "Hello"}',
    family=FAMILY,
)
MISSING_KEY = error(
    "TTS102",
    "missing-key",
    "A required key is missing (break value, silence type and value, express-as style, "
    "say-as interpret-as and text, and the required fields of each request body).",
    why="A node without its required keys has nothing to render (a break with no length, a "
    "say-as with no text): its SSML element cannot be built, so the request fails or the "
    "node is lost.",
    bad='{"break": {"strength": "weak"}}',
    good='{"break": {"value": "500ms", "strength": "weak"}}',
    family=FAMILY,
)
WRONG_TYPE = error(
    "TTS103",
    "wrong-type",
    "A value of the wrong JSON type: texts and attribute values are strings, nodes are "
    'objects. --fix quotes a JSON number where a string is required (1.5 → "1.5", the '
    "same text); other wrong types are left to a person.",
    why="The service reads texts and attribute values as strings and nodes as objects; a value "
    "of another type is rejected or rendered as something else. A number where a string "
    "belongs is the usual slip.",
    bad='{"break": "2s"}',
    good='{"break": {"value": "2s"}}',
    family=FAMILY,
    fixable=True,
)
EMPTY_TEXT = error(
    "TTS104",
    "empty-text",
    "A text is the empty string: there is nothing to speak.",
    why="An empty text renders to nothing; it is almost always a placeholder never filled in or "
    "a value lost in templating.",
    bad='{"text": ""}',
    good='{"text": "Hello"}',
    family=FAMILY,
)
ALIAS_KEY = error(
    "TTS105",
    "alias-key",
    "A spelling the seed documentation uses but the service does not: break 'time' is "
    "'value'; 'say_as', 'interpret_as' and 'express_as' take hyphens.",
    why="The seed's tables use these spellings, but every sample request uses 'value' and "
    "hyphens, and that is what the service reads: under the alias, the member is not "
    "understood.",
    bad='{"break": {"time": "2s"}}',
    good='{"break": {"value": "2s"}}',
    family=FAMILY,
    fixable=True,
)
BAD_CHARACTER = error(
    "TTS112",
    "bad-character",
    "A character that XML 1.0 cannot carry (C0 controls other than tab, newline and return, "
    "U+FFFE, U+FFFF, lone surrogates): the service cannot put it in SSML.",
    why="The service sends the prompt to the speech engine as SSML, which is XML 1.0: these "
    "characters cannot appear in it, not even escaped, so the request fails. They come from "
    "copied text or a broken encoding conversion.",
    bad='{"text": "Hello\\u0007"}',
    good='{"text": "Hello"}',
    family=FAMILY,
)

#: Misspellings the seed documentation uses, and the key it means.
ALIASES = {"say_as": "say-as", "interpret_as": "interpret-as", "express_as": "express-as"}


def check_string(context: Context, value: Any, pointer: str, *, required: bool = True) -> bool:
    """Check that ``value`` is a non-empty string XML can carry; True when it is a string."""
    if type(value) is not str:
        context.report(
            WRONG_TYPE, pointer, f"expected a string, got {describe(value)}", quote_hint(value)
        )
        return False
    # Fast path: a printable string has no controls, surrogates or non-characters.
    if value and value.isprintable():
        return True
    if not value:
        if required:
            context.report(EMPTY_TEXT, pointer, "empty text: write something to speak")
        return True
    bad = BAD_XML_CHARACTER.search(value)
    if bad is not None:
        context.report(
            BAD_CHARACTER,
            pointer,
            f"character {bad.group()!r} at offset {bad.start()} cannot appear in SSML",
            "remove it or replace it with a space",
        )
    return True


def quote_hint(value: Any) -> str | None:
    """For a JSON number where a string is required, what to write instead (``--fix`` quotes it).

    A number too large to write (a float that is infinite, as a 400-digit JSON number
    reads) has no such text: no hint.

    >>> quote_hint(1.5), quote_hint(True), quote_hint(float("inf"))
    ('write "1.5"', None, None)
    """
    if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
        return None
    return f"write {json.dumps(key_text(value))}"


def unknown_key(
    context: Context,
    key: Any,
    pointer: str,
    allowed: tuple[str, ...],
    what: str,
    present: Collection[Any] = (),
    hint: str | None = None,
) -> None:
    """Report ``key`` of a ``what`` object as unknown, with the allowed keys and a near match
    (or ``hint``, when the caller knows better).

    The near match is never a key the object already has (``present``): renaming to it
    would repeat that key.
    """
    text = key_text(key)
    listed = f"allowed are {', '.join(allowed)}" if len(allowed) > 1 else f"allowed is {allowed[0]}"
    if hint is None:
        hint = context.suggest(text, [name for name in allowed if name not in present])
    context.report(
        UNKNOWN_KEY, child(pointer, text), f"unknown {what} key {shown(text)}: {listed}", hint
    )


def check_keys(
    context: Context,
    value: dict[Any, Any],
    pointer: str,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    what: str,
) -> None:
    """Check an attribute-only object: unknown keys (with aliases) and missing required keys."""
    for key in value:
        if key not in allowed:
            text = key_text(key)
            alias = "value" if text == "time" and "value" in allowed else ALIASES.get(text)
            if alias is not None and alias in allowed:
                hint = f"rename it {shown(alias)}"
                if alias in value:  # a rename would repeat the key
                    hint = f"remove it: {shown(alias)} is given too"
                context.report(
                    ALIAS_KEY,
                    child(pointer, text),
                    f"{what} key {shown(text)} should be {shown(alias)}",
                    hint,
                )
            else:
                unknown_key(context, key, pointer, allowed, what, value)
    for key in required:
        if key not in value:
            alias_given = key == "value" and "time" in value
            if key == "interpret-as" and "interpret_as" in value:
                alias_given = True
            if not alias_given:
                context.report(MISSING_KEY, pointer, f"{what} needs {shown(key)}")
