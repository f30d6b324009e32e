"""What to preview: the tree inside a document, where it sits, and its language and voice.

A document is a tree dict, a play body, a dial-out body whose ``action_on_connect``
holds a play body, a model :class:`~ttsbuilder.model.Tree`, or a builder value with
``to_dict()``. It is validated first; a document with errors raises
:class:`~ttsbuilder.errors.ValidationError`.

>>> source = resolve({"text": "Hi", "voice": "female", "language": "es-ES"})
>>> source.language, source.voice, [p.pointer for p in source.placed]
('es-ES', 'female', ['/text'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ttsbuilder.codec import decode_tree
from ttsbuilder.errors import PreviewError, ValidationError
from ttsbuilder.model import ExpressAs, Node, Prosody, Tree
from ttsbuilder.problems import Problem, errors_in, escape_pointer
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.rules.payloads import DocumentKind
from ttsbuilder.validation import as_document, detect, validate

__all__ = ["Placed", "Source", "place", "resolve"]

_ATTRIBUTES = {
    "prosody": frozenset({"pitch", "rate", "volume"}),
    "express-as": frozenset({"style", "styledegree", "role"}),
}


@dataclass(frozen=True, slots=True)
class Placed:
    """One node in spoken order: its JSON ``pointer`` in the document and its ``depth``.

    ``end`` is the index just past the node's last descendant in the spoken-order list.
    """

    pointer: str
    node: Node
    depth: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """A validated tree ready to preview, with the warnings validation found."""

    tree: Tree
    placed: tuple[Placed, ...]
    language: str | None
    voice: str | None
    problems: tuple[Problem, ...]
    #: Where the language came from: the payload's ``language`` member, or "" (the caller).
    language_pointer: str = ""


def place(tree: Tree, members: Mapping[str, Any], prefix: str = "") -> list[Placed]:
    """Every node of ``tree`` in spoken order, with pointers from the dict ``members``.

    ``members`` is the dict ``tree`` was decoded from (member names may be
    non-canonical, so they are read from it rather than recomputed).
    """
    out: list[Placed] = []
    _place(tree.children, members, frozenset(), prefix, 0, out)
    return out


def _place(
    nodes: tuple[Node, ...],
    members: Mapping[str, Any],
    attributes: frozenset[str],
    prefix: str,
    depth: int,
    out: list[Placed],
) -> None:
    names = [name for name in members if name not in attributes]
    for name, node in zip(names, nodes, strict=True):
        pointer = f"{prefix}/{escape_pointer(name)}"
        index = len(out)
        out.append(Placed(pointer, node, depth, index + 1))
        if isinstance(node, (Prosody, ExpressAs)):
            _place(node.children, members[name], _ATTRIBUTES[node.kind], pointer, depth + 1, out)
            out[index] = Placed(pointer, node, depth, len(out))


def _kind(document: dict[str, Any]) -> DocumentKind:
    found = detect(document)
    if found and found[0][1] == "":
        return found[0][0]
    return "tts"  # let validation say what is wrong with it


def resolve(
    document: Any,
    *,
    profile: ProfileName | Profile = "enablex",
    language: str | None = None,
    voice: str | None = None,
) -> Source:
    """The tree to preview in ``document``, validated. See the module docstring."""
    plain = as_document(document)
    if type(plain) is not dict:
        raise PreviewError(
            f"cannot preview a {type(plain).__name__}: give a text_to_speech_option tree, "
            "a play body or a dial-out body"
        )
    kind = _kind(plain)
    problems = validate(plain, kind, profile, language=language)
    if errors_in(problems):
        raise ValidationError(problems)
    body: dict[str, Any] = plain
    prefix = language_pointer = ""
    if kind == "dial-out":
        action = plain.get("action_on_connect", {})
        if "play" not in action:
            raise PreviewError("nothing to preview: this dial-out does not play a prompt")
        body, prefix = action["play"], "/action_on_connect/play"
    if kind in ("play", "dial-out"):
        # As in render_ssml: the payload's words win (they are what the service speaks),
        # the arguments fill in what it does not say, and an eSpeak voice name always wins.
        if "language" in body:
            language, language_pointer = body["language"], prefix + "/language"
        if voice in (None, "male", "female"):
            voice = body.get("voice", voice)
        if "text_to_speech_option" in body:
            members, prefix = body["text_to_speech_option"], prefix + "/text_to_speech_option"
        elif "text" in body:
            members = {"text": body["text"]}
        else:
            raise PreviewError(
                "nothing to preview: prompt_name names a recorded prompt, not text to speak"
            )
    elif kind == "tts":
        members = body
    else:
        raise PreviewError(f"nothing to preview in a {kind} body")
    tree = decode_tree(members)
    placed = tuple(place(tree, members, prefix))
    return Source(tree, placed, language, voice, tuple(problems), language_pointer)
