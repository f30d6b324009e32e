"""Where the speech of a document is: the tree, its pointer, language and voice.

:func:`locate` validates the document and refuses one with errors, so the renderer
can trust every value it reads.

>>> found = locate({"text": "Hi", "voice": "male", "language": "de-DE"}, "enablex", None)
>>> found.tree, found.pointer, found.language, found.voice
({'text': 'Hi'}, '', 'de-DE', 'male')
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.rules.render import NOTHING_TO_RENDER
from ttsbuilder.validation import as_document, bodies, validate

__all__ = ["Source", "locate"]


class Source(NamedTuple):
    """A validated tree to render.

    ``pointer`` is where the tree's members live in the document (``""`` for a bare tree,
    ``/text_to_speech_option`` in a play body); ``language`` and ``voice`` are what the
    play body at ``body`` says (None when it says nothing, ``body`` is None for a bare
    tree); ``problems`` are the document's warnings.
    """

    tree: dict[str, Any]
    pointer: str
    language: str | None
    voice: str | None
    problems: list[Problem]
    body: str | None = None


def _refuse(problems: list[Problem], pointer: str, message: str) -> ValidationError:
    return ValidationError([*problems, NOTHING_TO_RENDER.problem(pointer, message)])


def locate(document: Any, profile: ProfileName | Profile, language: str | None) -> Source:
    """The tree to render in ``document`` (a tree, a play or dial-out body, a builder value).

    Raises :class:`~ttsbuilder.errors.ValidationError` when the document has errors or
    holds no speech, :class:`~ttsbuilder.errors.TTSBuilderError` when it holds several.
    """
    plain = as_document(document)
    found = bodies(plain)
    if not found and type(plain) is dict and not plain:
        found = [("tts", "", plain)]  # an empty tree: valid, with a warning, and silent
    if not found:
        problems = validate(plain, "auto", profile, language=language)
        if any(problem.is_error for problem in problems):
            raise ValidationError(problems)
        raise _refuse(problems, "", "found no tree and no play or dial-out body")
    if len(found) > 1:
        where = ", ".join(pointer or "/" for _, pointer, _ in found[:5])
        raise TTSBuilderError(
            f"the document holds {len(found)} prompts ({where}): render one at a time"
        )
    kind, pointer, body = found[0]
    problems = validate(body, kind, profile, language=language)
    if pointer:
        problems = [problem.under(pointer) for problem in problems]
    for problem in problems:
        if problem.is_error:
            raise ValidationError(problems)
    if kind == "tts":
        return Source(body, pointer, None, None, problems)
    if kind == "dial-out":
        action = body.get("action_on_connect") or {}
        if "play" not in action:
            raise _refuse(problems, pointer, "this dial-out plays nothing: it has no play action")
        body = action["play"]
        pointer += "/action_on_connect/play"
    elif kind != "play":
        raise _refuse(problems, pointer, f"a {kind} body holds no speech")
    said_language, said_voice = body.get("language"), body.get("voice")
    if "text_to_speech_option" in body:
        tree = body["text_to_speech_option"]
        at = pointer + "/text_to_speech_option"
        return Source(tree, at, said_language, said_voice, problems, pointer)
    if "text" in body:
        # The play body's plain text is a one-member tree at the body's own pointer.
        return Source({"text": body["text"]}, pointer, said_language, said_voice, problems, pointer)
    raise _refuse(problems, pointer, "this play body has only a recorded prompt (prompt_name)")
