"""``validate()``: every problem in a tree or a Voice API request body, at once.

>>> validate({"text": "Hello", "break": {"time": "2s"}})[0].code
'TTS105'
>>> is_valid({"text": "Hello", "voice": "female"}, kind="play")
True

``kind="auto"`` (the default) finds the trees and request bodies inside a larger
document — a single tree, a play or dial-out body, a catalog object or array of
them — and reports pointers from the document root. See ``docs/validate.md``.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from typing import Any, Literal, get_args

from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import TTSBuilderError, ValidationError
from ttsbuilder.model import Tree
from ttsbuilder.problems import Problem, Severity, shown
from ttsbuilder.profiles import Profile, ProfileName, get_profile
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.rules.context import MAX_DEPTH, MAX_SEARCHES, Context, child, key_text
from ttsbuilder.rules.payloads import CHECKS, NO_PROMPT, DocumentKind
from ttsbuilder.rules.tree import TOO_DEEP

__all__ = [
    "KINDS",
    "Kind",
    "as_document",
    "bodies",
    "detect",
    "ensure_valid",
    "is_valid",
    "iter_problems",
    "validate",
]

#: What ``validate()`` checks a document as: ``auto`` (find the trees and bodies inside
#: it) or one :data:`~ttsbuilder.rules.payloads.DocumentKind`.
Kind = Literal["auto", DocumentKind]
#: Every ``kind`` validate() takes.
KINDS: tuple[Kind, ...] = get_args(Kind)

_TREE_KINDS = frozenset({"text", "silence", "break", "express-as", "prosody", "say-as", *ALIASES})
_PLAY_KEYS = frozenset(
    {
        "prompt_name",
        "prompt_ref",
        "voice",
        "language",
        "dtmf",
        "asr",
        "start_timeout",
        "recognizer_timeout",
        "text_to_speech_option",
    }
)
_DIAL_OUT_KEYS = frozenset({"action_on_connect", "event_url", "auto_record", "owner_ref"})


def _guess(body: dict[Any, Any]) -> DocumentKind | None:
    """The kind of request body ``body`` looks like, or None for a container."""
    keys = body.keys()
    if not _DIAL_OUT_KEYS.isdisjoint(keys):
        return "dial-out"
    if not _PLAY_KEYS.isdisjoint(keys):
        return "play"
    if "transfer_to" in body:
        return "transfer"
    if "hold" in body and len(body) == 1:
        return "hold"
    if "start" in body or "stop" in body or "recording_name" in body:
        return "recording"
    if "from" in body and "to" in body:
        return "connect"
    for key in keys:
        if type(key) is str and key.rstrip("0123456789") in _TREE_KINDS:
            return "tts"
    for key, value in body.items():
        # A tree with a misspelt member ("txt", "brek") is still a tree, not a catalog.
        if type(key) is str and _node_like(value) and _near_kind(key):
            return "tts"
    return None


_NODE_KEYS = frozenset(
    {"value", "time", "strength", "type", "style", "rate", "pitch", "volume", "format"}
    | {"interpret-as", "interpret_as"}
)


def _node_like(value: Any) -> bool:
    """Whether ``value`` could be a node: a text, or an object with node keys."""
    if type(value) is str:
        return True
    if type(value) is not dict:
        return False
    return any(
        type(key) is str and (key in _NODE_KEYS or key.rstrip("0123456789") in _TREE_KINDS)
        for key in value
    )


def _near_kind(key: str) -> bool:
    name = key.rstrip("0123456789")
    return 3 <= len(name) <= 12 and _near_name(name)


# Documents repeat their keys ("label", "value" in every entry of a catalog): each name
# is compared with the kinds once. Only short names are remembered, never a key's bytes.
@functools.lru_cache(maxsize=4096)
def _near_name(name: str) -> bool:
    return bool(difflib.get_close_matches(name.lower(), _TREE_KINDS, n=1, cutoff=0.75))


def detect(document: Any) -> list[tuple[DocumentKind, str]]:
    """The (kind, pointer) of each tree or request body that ``kind="auto"`` finds.

    >>> detect({"welcome": {"text": "Hi", "voice": "male"}, "menu": [{"text": "Press 1"}]})
    [('play', '/welcome'), ('tts', '/menu/0')]
    """
    return [(kind, pointer) for kind, pointer, _ in bodies(document)]


def bodies(document: Any) -> list[tuple[DocumentKind, str, Any]]:
    """Like :func:`detect`, with each body itself: (kind, pointer, body).

    >>> bodies({"menu": [{"text": "Press 1"}]})
    [('tts', '/menu/0', {'text': 'Press 1'})]
    """
    return [(kind, at, body) for kind, at, body in _walk(document, "", 0) if kind is not None]


def _walk(value: Any, pointer: str, depth: int) -> Iterator[tuple[DocumentKind | None, str, Any]]:
    """(kind, pointer, body) of each body found, in document order; kind None: too deep."""
    if depth > MAX_DEPTH:
        yield None, pointer, value
    elif type(value) is dict:
        kind = _guess(value)
        if kind is not None:
            yield kind, pointer, value
            return
        for key, item in value.items():
            if type(item) in (dict, list):
                yield from _walk(item, child(pointer, key_text(key)), depth + 1)
    elif type(value) is list:
        for index, item in enumerate(value):
            if type(item) in (dict, list):
                yield from _walk(item, child(pointer, index), depth + 1)


def _problems(
    document: Any, kind: Kind, profile: Profile, language: str | None
) -> Iterator[Problem]:
    """The problems of ``document``, one body at a time: a caller may stop early."""
    check = None if kind == "auto" else CHECKS[kind]
    if type(document) is dict and "$schema" in document:
        # Prompt files name their JSON Schema for editors; it is not part of the payload.
        document = {key: value for key, value in document.items() if key != "$schema"}
    if check is not None:
        context = Context(profile, language)
        check(context, document, "")
        yield from context.problems
        return
    found = False
    searches = MAX_SEARCHES  # for the whole document: a catalog of typos costs no more
    for body_kind, pointer, body in _walk(document, "", 0):
        found = True
        context = Context(profile, language)
        context.searches = searches
        if body_kind is None:
            context.report(TOO_DEEP, pointer, f"nesting deeper than {MAX_DEPTH} levels")
        else:
            CHECKS[body_kind](context, body, pointer)
        searches = context.searches
        yield from context.problems
    if not found:
        context = Context(profile, language)
        message = "found no text_to_speech_option tree and no request body to check"
        context.report(NO_PROMPT, "", message)
        yield from context.problems


def _known(kind: object) -> Kind:
    if type(kind) is not str or kind not in KINDS:
        raise TTSBuilderError(f"unknown kind {shown(kind)}: use one of {', '.join(KINDS)}")
    return kind


def as_document(document: Any) -> Any:
    """A builder value as its dict (through its ``to_dict()``), a model ``Tree`` as its
    canonical dict; any other value as it is.

    A failing ``to_dict()``, or a ``Tree`` holding something that is not a model node,
    raises :class:`~ttsbuilder.errors.TTSBuilderError`.

    >>> from ttsbuilder.model import Text, Tree
    >>> as_document(Tree((Text("Hi"),)))
    {'text': 'Hi'}
    """
    if isinstance(document, Tree):
        try:
            return encode_tree(document)
        except (AttributeError, TypeError, ValueError, KeyError, RecursionError):
            raise TTSBuilderError(
                f"{shown(document)} holds something that is not a ttsbuilder.model node"
            ) from None
    to_dict = getattr(document, "to_dict", None)
    if not callable(to_dict) or isinstance(document, (dict, list)):
        return document
    try:
        return to_dict()
    except TTSBuilderError:
        raise
    except Exception as exc:  # someone else's to_dict(): report it as ours, with the cause
        name = type(document).__name__
        raise TTSBuilderError(f"{name}.to_dict() failed: {exc!r}") from exc


def _spoken(language: str | None) -> str | None:
    if language is not None and type(language) is not str:
        raise TTSBuilderError(
            f"language is a BCP 47 tag like 'en-US', got {type(language).__name__}"
        )
    return language


def validate(
    document: Any,
    kind: Kind = "auto",
    profile: ProfileName | Profile = "enablex",
    *,
    language: str | None = None,
) -> list[Problem]:
    """Every problem in ``document``, errors and warnings, in document order.

    ``document`` is any JSON value (as from ``json.loads``) or a builder value.
    ``kind`` is ``auto``, ``tts`` or a request body (``play``, ``dial-out``, ``connect``,
    ``transfer``, ``forward``, ``hold``, ``recording``); ``profile`` is ``enablex`` or
    ``azure``; ``language`` is the spoken language of a bare tree (a play body's own
    ``language`` wins). Raises only :class:`~ttsbuilder.errors.TTSBuilderError` for an
    unknown kind or profile; any document yields problems, never an exception.

    >>> [p.code for p in validate({"prosody": {"rate": "30%", "text": "Hi"}})]
    ['TTS212']
    """
    return list(
        _problems(as_document(document), _known(kind), get_profile(profile), _spoken(language))
    )


def iter_problems(
    document: Any,
    kind: Kind = "auto",
    profile: ProfileName | Profile = "enablex",
    *,
    language: str | None = None,
) -> Iterator[Problem]:
    """The problems of :func:`validate`, lazily: each body is checked when it is reached.

    Stop early when one problem is enough; an unknown kind or profile raises at once.

    >>> next(iter_problems({"a": {"txt": "x"}, "b": {"txt": "y"}})).pointer
    '/a/txt'
    """
    return _problems(as_document(document), _known(kind), get_profile(profile), _spoken(language))


def is_valid(
    document: Any,
    kind: Kind = "auto",
    profile: ProfileName | Profile = "enablex",
    *,
    language: str | None = None,
) -> bool:
    """True when ``document`` has no errors (warnings allowed).

    >>> is_valid({"break": {"value": "9s"}})
    False
    """
    problems = iter_problems(document, kind, profile, language=language)
    return not any(p.severity is Severity.ERROR for p in problems)


def ensure_valid(
    document: Any,
    kind: Kind = "auto",
    profile: ProfileName | Profile = "enablex",
    *,
    language: str | None = None,
) -> list[Problem]:
    """Raise :class:`~ttsbuilder.errors.ValidationError` if ``document`` has errors.

    Returns the warnings otherwise, so a caller can still show them.

    >>> ensure_valid({"text": "Hello"})
    []
    """
    problems = validate(document, kind, profile, language=language)
    if any(p.severity is Severity.ERROR for p in problems):
        raise ValidationError(problems)
    return problems
