"""Payload rules (TTS4xx): the Voice API request bodies of SPEC §3.

Each ``check_<kind>`` checks one request body; a play body hands its
``text_to_speech_option`` to the tree rules with the payload's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal, get_args

from ttsbuilder.codec import split_member
from ttsbuilder.model import TOP_LEVEL_KINDS
from ttsbuilder.problems import shown
from ttsbuilder.rules.base import error, warning
from ttsbuilder.rules.common import MISSING_KEY, WRONG_TYPE, check_string, unknown_key
from ttsbuilder.rules.context import Context, child, describe
from ttsbuilder.rules.tree import check_tree

__all__ = ["CHECKS", "DOCUMENT_KINDS", "FIELDS", "LANGUAGE_TAG", "DocumentKind", "check_payload"]

#: What a document is: the tree (``tts``) or one Voice API request body. A new kind
#: needs its check in :data:`CHECKS` and its schema in ``ttsbuilder/schemas/``.
DocumentKind = Literal[
    "tts", "play", "dial-out", "connect", "transfer", "forward", "hold", "recording"
]  # fmt: skip
#: Every document kind, in the order of :data:`DocumentKind`.
DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)

FAMILY = "payloads"

NO_CONTENT = error(
    "TTS401",
    "no-content",
    "A play body needs at least one of prompt_name, text and text_to_speech_option.",
    why="A play request needs something to play (a recorded prompt, a text or a tree); with "
    "none the service has nothing to do and rejects it.",
    bad='{"language": "en-US", "voice": "female"}',
    good='{"text": "Hello", "language": "en-US", "voice": "female"}',
    kind="play",
    family=FAMILY,
)
AMBIGUOUS_PLAY = warning(
    "TTS402",
    "ambiguous-play",
    "prompt_name together with text or text_to_speech_option: only one of them is played.",
    why="The seed says either the text or the prompt is played: with both, one of them is "
    "dropped without a word, and the caller does not hear what it was meant to say.",
    bad='{"prompt_name": "welcome", "text": "Hello", "voice": "female"}',
    good='{"prompt_name": "welcome"}',
    kind="play",
    family=FAMILY,
)
MISSING_VOICE = error(
    "TTS403",
    "missing-voice",
    "text without voice: the seed says voice is 'Mandatory if text is used'.",
    why="The seed says voice is 'Mandatory if text is used': without it the service has no "
    "voice to speak the text with.",
    bad='{"text": "Hello"}',
    good='{"text": "Hello", "voice": "female"}',
    kind="play",
    family=FAMILY,
)
IDLE_TIMEOUT = warning(
    "TTS404",
    "idle-timeout",
    "start_timeout and recognizer_timeout do nothing without asr: true.",
    why="The timeouts time speech recognition, which runs only with asr: true; without it they "
    "do nothing, so asr was probably forgotten.",
    bad='{"text": "Say yes or no", "voice": "male", "start_timeout": 5}',
    good='{"text": "Say yes or no", "voice": "male", "asr": true, "start_timeout": 5}',
    kind="play",
    family=FAMILY,
)
BAD_LANGUAGE = error(
    "TTS405",
    "bad-language",
    "language is a BCP 47 tag such as en-US, es-ES or zh-Hans-CN.",
    why="The service picks the speech language (and so the voice) from this tag; a value that "
    "is not a BCP 47 language tag names no language.",
    bad='{"text": "Hello", "voice": "female", "language": "english"}',
    good='{"text": "Hello", "voice": "female", "language": "en-US"}',
    kind="play",
    family=FAMILY,
)
BAD_VOICE = error(
    "TTS406",
    "bad-voice",
    "voice is male or female.",
    why="The Voice API chooses the voice by gender, and the seed lists male and female as the "
    "only values.",
    bad='{"text": "Hello", "voice": "woman"}',
    good='{"text": "Hello", "voice": "female"}',
    kind="play",
    family=FAMILY,
)
TIMEOUT_RANGE = error(
    "TTS407",
    "timeout-range",
    "start_timeout and recognizer_timeout are whole seconds from 1 to 10 (numbers, not "
    "strings or booleans).",
    why="The seed gives both timeouts as 1 to 10 seconds; a string, a boolean, a fraction or a "
    "value outside the range is not a timeout the service takes.",
    bad='{"text": "Hi", "voice": "male", "asr": true, "start_timeout": 30}',
    good='{"text": "Hi", "voice": "male", "asr": true, "start_timeout": 10}',
    kind="play",
    family=FAMILY,
)
BAD_PHONE = error(
    "TTS408",
    "bad-phone",
    "from and to are phone numbers: E.164 digits with an optional '+' (to, transfer_to and "
    "a bridge's to may also be a sip: URI).",
    why="The service dials these numbers: one that is not E.164 digits (or a sip: URI where one "
    "is allowed) cannot be routed, and the call fails.",
    bad='{"from": "+1 (555) 010-0000", "to": "+15550100001"}',
    good='{"from": "+15550100000", "to": "+15550100001"}',
    kind="connect",
    family=FAMILY,
)
ACTION_COUNT = error(
    "TTS409",
    "action-count",
    "action_on_connect holds exactly one of play, connect and room.",
    why="On connect the service does exactly one thing, play, connect or join a room: with none "
    "the call has nothing to do, with two the request is ambiguous.",
    bad='{"from": "+15550100000", "to": "+15550100001", "action_on_connect": '
    '{"room": {"room_id": "r1"}, "connect": {"from": "+15550100000", "to": "+15550100002"}}}',
    good='{"from": "+15550100000", "to": "+15550100001", "action_on_connect": '
    '{"room": {"room_id": "r1"}}}',
    kind="dial-out",
    family=FAMILY,
)
BAD_URL = error(
    "TTS410",
    "bad-url",
    "event_url is an absolute http(s) URL.",
    why="The service posts call events to this URL from its own servers: a relative or non-HTTP "
    "URL cannot be reached, and your application hears nothing about the call.",
    bad='{"from": "+15550100000", "to": "+15550100001", "event_url": "/webhook"}',
    good='{"from": "+15550100000", "to": "+15550100001", "event_url": '
    '"https://example.com/webhook"}',
    kind="dial-out",
    family=FAMILY,
)
INSECURE_URL = warning(
    "TTS411",
    "insecure-url",
    "event_url over plain http: call events would travel unencrypted.",
    why="Call events carry phone numbers and call details: over plain http they cross the "
    "network unencrypted, readable and alterable on the way.",
    bad='{"from": "+15550100000", "to": "+15550100001", "event_url": "http://example.com/webhook"}',
    good='{"from": "+15550100000", "to": "+15550100001", "event_url": '
    '"https://example.com/webhook"}',
    kind="dial-out",
    family=FAMILY,
)
RECORDING_ACTION = error(
    "TTS412",
    "recording-action",
    "A recording body is {start: true, recording_name?} or {stop: true}, not both and not neither.",
    why="A recording request either starts or stops a recording: both or neither is a request "
    "the service cannot act on.",
    bad='{"start": true, "stop": true}',
    good='{"start": true, "recording_name": "my_voice_recording"}',
    kind="recording",
    family=FAMILY,
)
NO_PROMPT = warning(
    "TTS413",
    "no-prompt",
    "kind auto found no tree and no request body in the document: nothing was checked.",
    why="A file with nothing to check would otherwise pass as clean; it is usually the wrong "
    "file, or a --kind that does not match it.",
    bad='{"greeting": 42}',
    good='{"greeting": {"text": "Hello", "voice": "female"}}',
    kind="auto",
    family=FAMILY,
)

#: A BCP 47 language tag, by shape (not against the registry): en, en-US, zh-Hans-CN, es-419.
LANGUAGE_TAG = re.compile(
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*",
    re.ASCII,
)
_E164 = re.compile(r"\+?[1-9][0-9]{1,14}", re.ASCII)
_SIP = re.compile(r"sips?:[^\s@]+@[^\s@]+|sips?:[^\s@]+", re.ASCII)
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.ASCII | re.IGNORECASE)

#: The keys each request body allows.
FIELDS: dict[str, tuple[str, ...]] = {
    "play": (
        "prompt_name",
        "prompt_ref",
        "text",
        "language",
        "voice",
        "dtmf",
        "asr",
        "start_timeout",
        "recognizer_timeout",
        "text_to_speech_option",
    ),
    "dial-out": (
        "name",
        "owner_ref",
        "auto_record",
        "from",
        "to",
        "action_on_connect",
        "event_url",
    ),
    "connect": ("from", "to"),
    "transfer": ("from", "transfer_to"),
    "forward": ("from", "to"),
    "hold": ("hold",),
    "recording": ("start", "stop", "recording_name"),
}
_FIELD_SETS = {kind: frozenset(keys) for kind, keys in FIELDS.items()}
_STRINGS = frozenset({"prompt_name", "prompt_ref", "name", "owner_ref", "recording_name"})
_BOOLEANS = frozenset({"dtmf", "asr", "auto_record", "hold", "start", "stop"})


# A tree sent where its play body goes (json=tree) has members no play body has.
_TREE_HINT = "a text_to_speech_option member: put the tree under text_to_speech_option"


def _tree_member(key: Any) -> bool:
    """Whether ``key`` names a tree member (``break``, ``prosody2``, ``text3``)."""
    return type(key) is str and split_member(key)[0] in TOP_LEVEL_KINDS


def _object(context: Context, value: Any, pointer: str, what: str) -> bool:
    if type(value) is dict:
        return True
    context.report(WRONG_TYPE, pointer, f"a {what} body is an object, got {describe(value)}")
    return False


def _fields(context: Context, body: dict[Any, Any], pointer: str, kind: str) -> None:
    """Unknown keys, and the types of the plain string and boolean fields."""
    allowed = FIELDS[kind]
    known = _FIELD_SETS[kind]
    for key, value in body.items():
        if key not in known:
            hint = _TREE_HINT if kind == "play" and _tree_member(key) else None
            unknown_key(context, key, pointer, allowed, kind, body, hint)
        elif key in _STRINGS:
            check_string(context, value, child(pointer, key))
        elif key in _BOOLEANS and type(value) is not bool:
            context.report(
                WRONG_TYPE, child(pointer, key), f"{key} is true or false, got {describe(value)}"
            )


def _required(
    context: Context, body: dict[Any, Any], pointer: str, keys: tuple[str, ...], kind: str
) -> None:
    for key in keys:
        if key not in body:
            context.report(MISSING_KEY, pointer, f"a {kind} body needs {shown(key)}")


def _phone(context: Context, value: Any, pointer: str, *, sip: bool) -> None:
    if not check_string(context, value, pointer):
        return
    if _E164.fullmatch(value) or (sip and _SIP.fullmatch(value)):
        return
    compact = re.sub(r"[\s().-]", "", value)
    hint = f"write {shown(compact)}" if _E164.fullmatch(compact) else None
    allowed = "E.164 digits with an optional '+'" + (", or a sip: URI" if sip else "")
    context.report(BAD_PHONE, pointer, f"{shown(value)} is not a phone number: use {allowed}", hint)


def check_play(context: Context, body: Any, pointer: str) -> None:
    """Check a play body (``PUT /call/{voice_id}/play``, or ``action_on_connect.play``)."""
    if not _object(context, body, pointer, "play"):
        return
    _fields(context, body, pointer, "play")
    has_text = "text" in body
    has_tree = "text_to_speech_option" in body
    if not (has_text or has_tree or "prompt_name" in body):
        context.report(
            NO_CONTENT,
            pointer,
            "a play body needs one of prompt_name, text and text_to_speech_option",
        )
    elif "prompt_name" in body and (has_text or has_tree):
        context.report(
            AMBIGUOUS_PLAY,
            pointer,
            "prompt_name together with text or text_to_speech_option: only one is played",
        )
    if has_text:
        check_string(context, body["text"], pointer + "/text")
        if "voice" not in body:
            context.report(
                MISSING_VOICE, pointer, "text needs voice ('male' or 'female')", "add voice"
            )
    if "voice" in body:
        voice = body["voice"]
        at = pointer + "/voice"
        if check_string(context, voice, at) and voice not in ("male", "female"):
            context.report(
                BAD_VOICE,
                at,
                f"voice {shown(voice)} is not allowed: use 'male' or 'female'",
                context.suggest(voice, ("male", "female")),
            )
    language = body.get("language")
    if "language" in body:
        at = pointer + "/language"
        if not check_string(context, language, at):
            language = None
        elif LANGUAGE_TAG.fullmatch(language) is None:
            context.report(
                BAD_LANGUAGE, at, f"language {shown(language)} is not a BCP 47 tag like 'en-US'"
            )
            language = None
    for key in ("start_timeout", "recognizer_timeout"):
        if key in body:
            _timeout(context, body, key, pointer)
    if has_tree:
        saved = context.language
        context.language = language if isinstance(language, str) else saved
        check_tree(context, body["text_to_speech_option"], pointer + "/text_to_speech_option")
        context.language = saved


def _timeout(context: Context, body: dict[Any, Any], key: str, pointer: str) -> None:
    value = body[key]
    at = f"{pointer}/{key}"
    if type(value) is not int or not 1 <= value <= 10:
        hint = None
        digits = value.strip() if isinstance(value, str) else ""
        if digits.isascii() and digits.isdigit() and len(digits) <= 2:
            hint = f"write {int(digits)} without quotes"
        context.report(
            TIMEOUT_RANGE,
            at,
            f"{key} is a whole number of seconds from 1 to 10, got {describe(value)}",
            hint,
        )
    if body.get("asr") is not True:
        context.report(IDLE_TIMEOUT, at, f"{key} does nothing without asr: true", "set asr: true")


def check_dial_out(context: Context, body: Any, pointer: str) -> None:
    """Check a dial-out body (``POST /call``) and the action it runs on connect."""
    if not _object(context, body, pointer, "dial-out"):
        return
    _fields(context, body, pointer, "dial-out")
    _required(context, body, pointer, ("from", "to"), "dial-out")
    if "from" in body:
        _phone(context, body["from"], pointer + "/from", sip=False)
    if "to" in body:
        _phone(context, body["to"], pointer + "/to", sip=True)
    if "event_url" in body:
        _url(context, body["event_url"], pointer + "/event_url")
    if "action_on_connect" in body:
        _action(context, body["action_on_connect"], pointer + "/action_on_connect")


def _url(context: Context, value: Any, pointer: str) -> None:
    if not check_string(context, value, pointer):
        return
    if _URL.fullmatch(value) is None:
        context.report(BAD_URL, pointer, f"event_url {shown(value)} is not an absolute http(s) URL")
    elif value[:5].lower() == "http:":
        context.report(
            INSECURE_URL,
            pointer,
            f"event_url {shown(value)} uses plain http: events would travel unencrypted",
            "use https",
        )


_ACTIONS = ("play", "connect", "room")


def _action(context: Context, action: Any, pointer: str) -> None:
    if not _object(context, action, pointer, "action_on_connect"):
        return
    for key in action:
        if key not in _ACTIONS:
            unknown_key(context, key, pointer, _ACTIONS, "action_on_connect", action)
    present = [key for key in _ACTIONS if key in action]
    if len(present) != 1:
        found = ", ".join(present) if present else "none"
        context.report(
            ACTION_COUNT,
            pointer,
            f"action_on_connect holds exactly one of play, connect and room, found {found}",
        )
    if "play" in action:
        check_play(context, action["play"], pointer + "/play")
    if "connect" in action:
        check_connect(context, action["connect"], pointer + "/connect")
    if "room" in action:
        room = action["room"]
        at = pointer + "/room"
        if _object(context, room, at, "room"):
            for key in room:
                if key != "room_id":
                    unknown_key(context, key, at, ("room_id",), "room")
            if "room_id" in room:
                check_string(context, room["room_id"], at + "/room_id")
            else:
                context.report(MISSING_KEY, at, "a room needs 'room_id'")


def _call_control(kind: str, target: str, sip: bool) -> Callable[[Context, Any, str], None]:
    def check(context: Context, body: Any, pointer: str) -> None:
        if not _object(context, body, pointer, kind):
            return
        _fields(context, body, pointer, kind)
        _required(context, body, pointer, ("from", target), kind)
        if "from" in body:
            _phone(context, body["from"], pointer + "/from", sip=False)
        if target in body:
            _phone(context, body[target], f"{pointer}/{target}", sip=sip)

    check.__name__ = f"check_{kind}"
    check.__doc__ = f"Check a {kind} body: 'from' and {shown(target)}, both required."
    return check


check_connect = _call_control("connect", "to", sip=True)
check_transfer = _call_control("transfer", "transfer_to", sip=True)
check_forward = _call_control("forward", "to", sip=False)


def check_hold(context: Context, body: Any, pointer: str) -> None:
    """Check a hold body: ``{"hold": true|false}``."""
    if not _object(context, body, pointer, "hold"):
        return
    _fields(context, body, pointer, "hold")
    _required(context, body, pointer, ("hold",), "hold")


def check_recording(context: Context, body: Any, pointer: str) -> None:
    """Check a recording body: ``{"start": true, "recording_name"?}`` or ``{"stop": true}``."""
    if not _object(context, body, pointer, "recording"):
        return
    _fields(context, body, pointer, "recording")
    start, stop = body.get("start"), body.get("stop")
    if "start" in body and "stop" in body:
        context.report(RECORDING_ACTION, pointer, "a recording body has start or stop, not both")
    elif "start" not in body and "stop" not in body:
        context.report(
            RECORDING_ACTION, pointer, "a recording body needs start: true or stop: true"
        )
    elif start is False or stop is False:
        key = "start" if "start" in body else "stop"
        context.report(
            RECORDING_ACTION,
            pointer + "/" + key,
            f"{key}: false does nothing: send start: true or stop: true",
        )
    if "recording_name" in body and "stop" in body and "start" not in body:
        context.report(
            RECORDING_ACTION,
            pointer + "/recording_name",
            "recording_name goes with start, not stop",
        )


def _check_tts(context: Context, body: Any, pointer: str) -> None:
    check_tree(context, body, pointer)


#: kind → the check of that request body.
CHECKS: dict[DocumentKind, Callable[[Context, Any, str], None]] = {
    "tts": _check_tts,
    "play": check_play,
    "dial-out": check_dial_out,
    "connect": check_connect,
    "transfer": check_transfer,
    "forward": check_forward,
    "hold": check_hold,
    "recording": check_recording,
}


def check_payload(context: Context, kind: DocumentKind, body: Any, pointer: str) -> None:
    """Check ``body`` as ``kind`` (one of :data:`CHECKS`)."""
    CHECKS[kind](context, body, pointer)
