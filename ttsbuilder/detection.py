"""Whether a document holds a prompt at all: the conservative test a directory walk uses.

``validate(kind="auto")`` is generous: it takes ``{"txt": "Hi"}`` for a misspelt tree and
``{"language": "python"}`` for a play body, because it is given a prompt file and its
job is to say what is wrong with it. Walking a whole repository, most JSON and YAML
files are something else (``package.json``, CI configurations, JSON Schemas), and that
generosity turns them into errors. :func:`holds_prompt` asks the opposite question
and answers it strictly: is there, anywhere in the document, an object that can only
be a prompt? A near-miss key is tolerated only inside such an object.

>>> holds_prompt({"welcome": {"text": "Hi", "break": {"value": "1s"}}})
True
>>> holds_prompt({"scripts": {"test": "pytest"}})  # "test" is not a misspelt "text" here
False
>>> holds_prompt({"language": "python", "script": "pytest"})  # a .travis.yml
False
>>> holds_prompt({"runs": [{"message": {"text": "Unused variable"}}]})  # a SARIF log
False
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from ttsbuilder.codec import split_member
from ttsbuilder.model import EXPRESS_ATTRIBUTES, KINDS, PROSODY_ATTRIBUTES
from ttsbuilder.profiles import PROFILE_NAMES
from ttsbuilder.published import SCHEMA_KINDS, schema_file
from ttsbuilder.rules.common import ALIASES
from ttsbuilder.rules.context import MAX_DEPTH
from ttsbuilder.rules.payloads import FIELDS

__all__ = ["API_KEYS", "MARKERS", "NEEDED_KEYS", "declared", "holds_prompt"]

#: Keys no other kind of file uses; an unparsable file that contains one is a prompt
#: file with a syntax error (reported), any other unparsable file is skipped.
MARKERS: tuple[str, ...] = (
    "text_to_speech_option",
    "say-as",
    "say_as",
    "express-as",
    "express_as",
    "interpret-as",
    "interpret_as",
    "prosody",
)

_MEMBER_KINDS = frozenset(KINDS) | frozenset(ALIASES) - {"interpret_as"}
_CANONICAL = {**{kind: kind for kind in KINDS}, **ALIASES}
# The keys that make an object the node its member name says (beyond nested members).
_NODE_KEYS: dict[str, frozenset[str]] = {
    "break": frozenset({"value", "time", "strength"}),
    "silence": frozenset({"type", "value", "time"}),
    "prosody": frozenset(PROSODY_ATTRIBUTES),
    "express-as": frozenset(EXPRESS_ATTRIBUTES),
    "say-as": frozenset({"interpret-as", "interpret_as", "format", "detail", "text"}),
}
_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*", re.ASCII)  # en, en-US, zh-Hans-CN
_PHONE = re.compile(r"\+?[0-9][0-9 ().-]{2,30}|sips?:\S+", re.ASCII)


def _member_kind(key: Any) -> str | None:
    """The tree kind a member key names (``text2`` → ``text``, ``say_as`` → ``say-as``)."""
    if type(key) is not str:
        return None
    kind, _ = split_member(key)
    return _CANONICAL.get(kind) if kind in _MEMBER_KINDS else None


def _is_node(kind: str, value: Any) -> bool:
    """Whether ``value`` has the shape of a ``kind`` member: a string for text, else a node."""
    if kind == "text":
        return type(value) is str
    if type(value) is not dict:
        return False
    own = _NODE_KEYS[kind]
    nested = kind in ("prosody", "express-as")
    if nested and not value:  # an empty prosody is a tree's (a warning), no config's
        return True
    return any(key in own or (nested and _member_kind(key) is not None) for key in value)


def _near(key: Any, known: Iterable[str]) -> bool:
    """A key within a typo of a known one (``txt``, ``brek``, ``lanuage``)."""
    if type(key) is not str:
        return False
    name = key.rstrip("0123456789").lower()
    return bool(difflib.get_close_matches(name, list(known), n=1, cutoff=0.75))


def _is_tree(body: dict[Any, Any], root: bool) -> bool:
    members = [(key, _member_kind(key)) for key in body]
    if not any(kind is not None and _is_node(kind, body[key]) for key, kind in members):
        return False
    if not root and all(kind == "text" for _, kind in members):
        # {"text": "..."} alone is a tree as a whole file, and everywhere else a common
        # shape of other formats' data (a SARIF message, a list of instructions).
        return False
    return all(kind is not None or _near(key, _MEMBER_KINDS) for key, kind in members)


def _keys_fit(body: dict[Any, Any], kind: str) -> bool:
    known = FIELDS[kind]
    return all(key in known or _near(key, known) for key in body)


def _strings(body: dict[Any, Any], *keys: str) -> bool:
    return all(type(body.get(key)) is str for key in keys)


#: Keys no other document shares with a play body: beside a ``text`` string, a play body.
_PLAY_CONTROLS = frozenset({"dtmf", "asr", "start_timeout", "recognizer_timeout"})
#: The keys :func:`_is_body` recognises a request body by (one of them, at least, is in
#: every body it recognises).
_BODY_KEYS = (
    "text_to_speech_option",
    "prompt_name",
    "prompt_ref",
    "voice",
    "text",
    "action_on_connect",
    "from",
    "transfer_to",
    "hold",
    "start",
    "stop",
)
#: Every key :func:`holds_prompt` needs to find a prompt in a document that names no
#: schema: a tree member's kind (written with any suffix: ``text2``) or a body's key.
#: A file in which none is a key holds no prompt (what a walk checks before parsing).
NEEDED_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys([*KINDS, *(alias for alias in ALIASES if alias in _MEMBER_KINDS), *_BODY_KEYS])
)


def _is_body(body: dict[Any, Any], root: bool) -> bool:
    """A request body whose kind shows in a key only that kind uses, with its type."""
    keys = body.keys()
    if type(body.get("text_to_speech_option")) is dict or _strings(body, "text", "voice"):
        return _keys_fit(body, "play")
    if type(body.get("prompt_name")) is str or type(body.get("prompt_ref")) is str:
        return _keys_fit(body, "play")
    if body.get("voice") in ("male", "female"):  # a play body still missing its content
        return _keys_fit(body, "play")
    language = body.get("language")
    if type(body.get("text")) is str and type(language) is str and _TAG.fullmatch(language):
        return _keys_fit(body, "play")  # still missing its voice
    if type(body.get("text")) is str and not _PLAY_CONTROLS.isdisjoint(keys):
        return _keys_fit(body, "play")  # text beside a key only a play body has
    dial_out_only = {"owner_ref", "event_url", "auto_record"}
    if type(body.get("action_on_connect")) is dict or (
        _strings(body, "from", "to") and not dial_out_only.isdisjoint(keys)
    ):
        return _keys_fit(body, "dial-out")
    if _strings(body, "from", "to") and keys <= {"from", "to", "name"}:
        # {"from": "/old", "to": "/new"} is a redirect as often as a bridge: only a whole
        # file, or phone numbers, make it one.
        phones = all(_PHONE.fullmatch(body[key].strip()) for key in ("from", "to"))
        return phones or (root and keys == {"from", "to"})
    if _strings(body, "from", "transfer_to") and keys <= {"from", "transfer_to"}:
        return True
    if keys == {"hold"}:
        return type(body["hold"]) is bool
    if keys and keys <= {"start", "stop", "recording_name"}:
        return type(body.get("start", body.get("stop"))) is bool
    return False


def _is_prompt(value: dict[Any, Any], root: bool) -> bool:
    if root and "$schema" in value:
        value = {key: item for key, item in value.items() if key != "$schema"}
    return _is_tree(value, root) or _is_body(value, root)


#: The file names of ttsbuilder's schemas (``play.schema.json``, ``tts-azure.schema.json``).
_OUR_SCHEMAS = frozenset(
    schema_file(kind, profile) for kind in SCHEMA_KINDS for profile in PROFILE_NAMES
)


def declared(schema: object) -> bool | None:
    """What a file says it is by the JSON Schema it names (its ``$schema``), if it says.

    True: a prompt file (the schema's file name is one of ttsbuilder's, from any place:
    ``https://ttsbuilder.dev/schemas/play.schema.json``, ``../schemas/tts.schema.json``);
    False: a JSON Schema (it names a json-schema.org meta-schema); None for any other
    schema (a catalog of prompts may have one of its own) or none.

    >>> declared("../schemas/play.schema.json"), declared("https://json-schema.org/draft/2020-12/schema")
    (True, False)
    """
    if type(schema) is not str:
        return None
    if "json-schema.org" in schema:
        return False
    address = schema.strip().split("#", 1)[0].split("?", 1)[0].rstrip("/")
    # The last segment, by splitting: a regex search for it tried every start in a segment.
    segment = address.replace("\\", "/").rsplit("/", 1)[-1]
    return True if segment in _OUR_SCHEMAS else None


#: The root keys of an API description (OpenAPI, Swagger, AsyncAPI): its examples may be
#: prompts, it is not one.
API_KEYS: tuple[str, ...] = ("openapi", "swagger", "asyncapi")
_API_KEY_SET = frozenset(API_KEYS)


def _describes_data(root: Any) -> bool:
    """An OpenAPI, Swagger or AsyncAPI document: its examples are prompts, it is not one."""
    return type(root) is dict and not _API_KEY_SET.isdisjoint(root)


def holds_prompt(document: Any, *, stream: bool = False, schema: str | None = None) -> bool:
    """True when ``document`` holds at least one object that can only be a prompt.

    A document that names one of ttsbuilder's JSON Schemas is a prompt file, whatever it
    holds, and a JSON Schema (it names a json-schema.org meta-schema) is none, whatever
    prompts its examples show (:func:`declared`). ``schema`` is the schema a file names
    outside its data (a YAML file's ``# yaml-language-server: $schema=...`` line); else
    each root's ``$schema`` member counts.

    Otherwise, such an object is a ``text_to_speech_option`` tree (a ``text`` string or
    a node such as ``break: {value: ...}``, beside which only member names or
    near-misses of them stand; text members alone make a tree only as the whole
    document) or a request body recognised by a key only its kind uses
    (``text_to_speech_option``, ``prompt_name``, ``action_on_connect``, ``transfer_to``,
    ...). ``stream``: the document is the list of a YAML stream's documents, each of
    them a root. Objects are searched down to the depth ``validate()`` searches. An
    OpenAPI, Swagger or AsyncAPI document holds none, whatever prompts its examples show.

    >>> holds_prompt({"from": "CLI number", "to": "Destination number"})  # a whole body
    True
    >>> holds_prompt({"redirects": [{"from": "/old", "to": "/new"}]})
    False
    >>> holds_prompt({"welcome": {"text": "Hi"}}, schema="../schemas/tts.schema.json")
    True
    """
    verdict = declared(schema)
    if verdict is not None:
        return verdict
    roots = document if stream and type(document) is list else [document]
    undeclared = []
    for root in roots:
        verdict = declared(root.get("$schema")) if type(root) is dict else None
        if verdict:
            return True
        if verdict is None and not _describes_data(root):
            undeclared.append(root)
    pending: list[tuple[Any, int, bool]] = [(item, 0, True) for item in undeclared]
    while pending:
        value, depth, root = pending.pop()
        if type(value) is dict:
            if _is_prompt(value, root):
                return True
            children: Iterable[Any] = value.values()
        elif type(value) is list:
            children = value
        else:
            continue
        if depth < MAX_DEPTH:
            pending.extend(
                (item, depth + 1, False) for item in children if type(item) in (dict, list)
            )
    return False
