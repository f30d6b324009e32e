"""Completion and hover for a place in a prompt (see :mod:`ttsbuilder.lsp.places`).

What is allowed where comes from the published tree schema of the active profile
(``ttsbuilder.published.schema("tts", profile)``: its ``$defs`` name each node's keys
and describe them); the values come from the vocabularies' ``Literal`` types; the
rule text from :data:`ttsbuilder.rules.RULES`; the SSML from ``render_ssml``.

>>> from ttsbuilder.lsp.places import Place
>>> place = Place(("say-as",), "format", siblings={"interpret-as": "time"})
>>> [item.label for item in complete(place)]
['hms12', 'hms24']
>>> [item.label for item in complete(Place((), None, keys=("text", "break")))][:3]
['text2', 'silence', 'break2']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from ttsbuilder.codec import member_name, split_member
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import KINDS
from ttsbuilder.problems import Problem, escape_pointer
from ttsbuilder.profiles import ROLES, ProfileName, get_profile
from ttsbuilder.published import schema
from ttsbuilder.rules import RULES
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.rules.say_as import FORMATS
from ttsbuilder.ssml.render import render_ssml
from ttsbuilder.validation import bodies
from ttsbuilder.values import (
    BREAK_STRENGTHS,
    INTERPRET_AS,
    PITCH_LEVELS,
    RATE_LEVELS,
    SILENCE_TYPES,
    VOLUME_LEVELS,
)

__all__ = ["Item", "complete", "describe", "describe_problem", "node_at", "ssml_at"]

#: Where a tree starts in a request body.
TREE_KEY = "text_to_speech_option"


@dataclass(frozen=True, slots=True)
class Item:
    """One completion: the text inserted, whether it is a key or a value, and its help."""

    label: str
    role: Literal["key", "value"]
    detail: str = ""
    documentation: str = ""


def _kind(key: str) -> str | None:
    name = split_member(key)[0]
    name = ALIASES.get(name, name)
    return name if name in KINDS else None


def node_at(path: tuple[str, ...]) -> str:
    """The kind of node whose object encloses the cursor: ``tree`` or a member kind.

    >>> node_at(()), node_at(("prosody2",)), node_at(("welcome", "say_as"))
    ('tree', 'prosody', 'say-as')
    """
    if path:
        kind = _kind(path[-1])
        if kind is not None:
            return kind
    return "tree"


@functools.cache
def _defs(profile: ProfileName) -> dict[str, Any]:
    found: dict[str, Any] = schema("tts", profile)["$defs"]
    return found


def _properties(node: str, profile: ProfileName) -> dict[str, Any]:
    properties: dict[str, Any] = _defs(profile).get(node, {}).get("properties", {})
    return properties


def _values(node: str, key: str, siblings: dict[str, str], profile: ProfileName) -> tuple[str, ...]:
    name = ALIASES.get(key, key)
    if node == "say-as" and name == "interpret-as":
        return INTERPRET_AS
    if node == "say-as" and name == "format":
        interpret = siblings.get("interpret-as", siblings.get("interpret_as", "")).strip().lower()
        return FORMATS.get(interpret, ())
    if node == "silence" and name == "type":
        return SILENCE_TYPES
    if node == "break" and name == "strength":
        return BREAK_STRENGTHS
    if node == "express-as" and name == "style":
        return tuple(sorted(get_profile(profile).styles))
    if node == "express-as" and name == "role" and get_profile(profile).allows_style_options:
        return tuple(sorted(ROLES))
    levels = {"pitch": PITCH_LEVELS, "rate": RATE_LEVELS, "volume": VOLUME_LEVELS}
    if node == "prosody" and name in levels:
        return levels[name]
    return ()


def _next_free(kind: str, keys: tuple[str, ...]) -> str:
    used = {split_member(k)[1] or "1" for k in keys if _kind(k) == kind}
    index = 1
    while str(index) in used:
        index += 1
    return member_name(kind, index)


def complete(place: Any, profile: ProfileName = "enablex") -> list[Item]:
    """The completions at ``place`` (a :class:`~ttsbuilder.lsp.places.Place`)."""
    node = node_at(place.path)
    if place.key is not None:
        values = _values(node, place.key, place.siblings, profile)
        key = ALIASES.get(place.key, place.key)
        return [Item(value, "value", f"{node} {key}") for value in values]
    items = []
    for key, spec in _properties(node, profile).items():
        if key == "$schema":
            continue
        if key in KINDS:
            label = _next_free(key, place.keys)
        elif key in place.keys:
            continue
        else:
            label = key
        items.append(Item(label, "key", f"{node} member", spec.get("description", "")))
    return items


def describe(place: Any, profile: ProfileName = "enablex") -> str | None:
    """Markdown for the key or value under the cursor: what it is and what is allowed."""
    word = place.word
    if not word:
        return None
    node = node_at(place.path)
    if place.key is None:  # on a key
        key = ALIASES.get(word, word)
        kind = _kind(word)
        spec = _properties(node, profile).get(kind or key)
        if spec is None:
            return None
        lines = [f"**{word}** ({node} member)", "", spec.get("description", "")]
        if kind is not None:
            lines += ["", _defs(profile).get(kind, {}).get("description", "")]
        allowed = _values(kind or node, key, place.siblings, profile) if not kind else ()
        if allowed:
            lines += ["", "Allowed: " + ", ".join(f"`{v}`" for v in allowed)]
        return "\n".join(line for line in lines).strip()
    allowed = _values(node, place.key, place.siblings, profile)
    spec = _properties(node, profile).get(ALIASES.get(place.key, place.key), {})
    lines = [f"**{place.key}**: `{word}`", "", spec.get("description", "")]
    if allowed:
        verdict = "allowed" if word in allowed else "not one of the allowed values"
        lines += ["", f"`{word}` is {verdict}: " + ", ".join(f"`{v}`" for v in allowed)]
    return "\n".join(lines).strip()


def describe_problem(problem: Problem) -> str:
    """Markdown for a problem: its message, its rule's text and examples."""
    rule = RULES.get(problem.code)
    lines = [f"**{problem.code}** {problem.severity.value}: {problem.message}"]
    if problem.hint:
        lines.append(f"\nFix: {problem.hint}")
    if rule is not None:
        lines += [
            f"\n`{rule.name}`: {rule.summary}",
            f"\nBad ({rule.kind}):\n```json\n{rule.bad}\n```",
            f"\nGood:\n```json\n{rule.good}\n```",
        ]
    return "\n".join(lines)


def ssml_at(document: Any, place: Any, profile: ProfileName = "enablex") -> str | None:
    """The SSML of the prompt whose member key (or ``text_to_speech_option``) is hovered.

    >>> from ttsbuilder.lsp.places import Place
    >>> print(ssml_at({"text": "Hi"}, Place((), None, word="text")))  # doctest: +ELLIPSIS
    <speak ...>
      <voice name="en-US-JennyNeural">Hi</voice>
    </speak>
    """
    if place.key is not None or not (place.word == TREE_KEY or node_at(place.path) == "tree"):
        return None
    if place.word != TREE_KEY and _kind(place.word) is None:
        return None
    pointer = "".join("/" + escape_pointer(key) for key in place.path)
    found = [(at, body) for _, at, body in bodies(document) if pointer.startswith(at)]
    if not found:
        return None
    _, body = max(found, key=lambda pair: len(pair[0]))
    try:
        return render_ssml(body, profile=profile, pretty=True).rstrip()
    except TTSBuilderError:  # a prompt with errors renders once they are fixed
        return None
