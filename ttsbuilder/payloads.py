"""Request bodies of the Voice API routes (SPEC §3), built and validated whole.

Each helper returns a plain ``dict``, ready for any HTTP client's ``json=``, or raises
:class:`~ttsbuilder.errors.ValidationError` listing every problem (with JSON pointers
into the body). Keys come out in the order the seed documents them; arguments left as
``None`` are left out. The JSON key ``from`` is a Python keyword: its parameter is
``from_``.

>>> from ttsbuilder.builder import Prompt
>>> play(Prompt("Hello").break_("1s").text("world"), language="en-US", voice="female")
{'language': 'en-US', 'voice': 'female', 'text_to_speech_option': {'text': 'Hello', \
'break': {'value': '1s'}, 'text2': 'world'}}
>>> hold(True)
{'hold': True}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ttsbuilder.builder import Prompt
from ttsbuilder.builder.checks import profile_of
from ttsbuilder.errors import BuildError
from ttsbuilder.problems import shown
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.rules.payloads import DocumentKind
from ttsbuilder.validation import ensure_valid

__all__ = ["connect", "dial_out", "forward", "hold", "play", "recording", "transfer"]

Voice = Literal["male", "female"]


def _body(
    kind: DocumentKind, fields: dict[str, Any], profile: ProfileName | Profile
) -> dict[str, Any]:
    body = {key: value for key, value in fields.items() if value is not None}
    ensure_valid(body, kind=kind, profile=profile_of(kind.replace("-", "_"), profile))
    return body


def _mapping(method: str, argument: str, value: object) -> dict[str, Any] | None:
    """A copy of a body argument that must be a mapping (None stays None)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise BuildError(
            f"{method}({argument}={shown(value)}): it is a body dict, like {argument}() returns",
            argument=argument,
            value=value,
        )
    return dict(value)


def _tree(tree: Prompt | Mapping[str, Any] | None) -> dict[str, Any] | None:
    if tree is None:
        return None
    if isinstance(tree, Prompt):
        return tree.to_dict()
    if isinstance(tree, Mapping):
        return dict(tree)
    raise BuildError(
        f"play(text_to_speech_option={shown(tree)}): it is a Prompt or a tree dict",
        argument="text_to_speech_option",
        value=tree,
        hint="use text= for plain text",
    )


def play(
    text_to_speech_option: Prompt | Mapping[str, Any] | None = None,
    *,
    text: str | None = None,
    voice: Voice | None = None,
    language: str | None = None,
    prompt_name: str | None = None,
    prompt_ref: str | None = None,
    dtmf: bool | None = None,
    asr: bool | None = None,
    start_timeout: int | None = None,
    recognizer_timeout: int | None = None,
    profile: ProfileName | Profile | None = None,
) -> dict[str, Any]:
    """A play body (``PUT /call/{voice_id}/play``), the first argument its tree.

    ``text_to_speech_option`` is a :class:`~ttsbuilder.builder.Prompt` or a tree dict;
    ``profile`` defaults to the Prompt's own (``enablex`` for a dict or no tree).

    >>> play(text="Please hold", voice="male")
    {'text': 'Please hold', 'voice': 'male'}
    """
    if profile is None:
        tree = text_to_speech_option
        profile = tree.profile if isinstance(tree, Prompt) else "enablex"
    fields = {
        "prompt_name": prompt_name,
        "prompt_ref": prompt_ref,
        "text": text,
        "language": language,
        "voice": voice,
        "dtmf": dtmf,
        "asr": asr,
        "start_timeout": start_timeout,
        "recognizer_timeout": recognizer_timeout,
        "text_to_speech_option": _tree(text_to_speech_option),
    }
    return _body("play", fields, profile)


def dial_out(
    from_: str,
    to: str,
    *,
    play: Mapping[str, Any] | Prompt | None = None,
    connect: Mapping[str, Any] | None = None,
    room_id: str | None = None,
    name: str | None = None,
    owner_ref: str | None = None,
    auto_record: bool | None = None,
    event_url: str | None = None,
    profile: ProfileName | Profile | None = None,
) -> dict[str, Any]:
    """A dial-out body (``POST /call``) with at most one action on connect.

    ``play`` is a play body (from :func:`play`) or a bare Prompt; ``connect`` a body from
    :func:`connect`; ``room_id`` joins a video room.

    >>> dial_out("+15550100000", "+15550100001", room_id="r1")
    {'from': '+15550100000', 'to': '+15550100001', 'action_on_connect': {'room': {'room_id': 'r1'}}}
    """
    if isinstance(play, Prompt):
        profile = profile or play.profile
        play = {"text_to_speech_option": play.to_dict()}
    action = {
        key: value
        for key, value in (
            ("play", _mapping("dial_out", "play", play)),
            ("connect", _mapping("dial_out", "connect", connect)),
            ("room", {"room_id": room_id} if room_id is not None else None),
        )
        if value is not None
    }
    fields = {
        "name": name,
        "owner_ref": owner_ref,
        "auto_record": auto_record,
        "from": from_,
        "to": to,
        "action_on_connect": action or None,
        "event_url": event_url,
    }
    return _body("dial-out", fields, profile or "enablex")


def connect(from_: str, to: str) -> dict[str, Any]:
    """A connect (bridge) body; ``to`` may be a ``sip:`` URI.

    >>> connect("+15550100000", "sip:desk@example.com")
    {'from': '+15550100000', 'to': 'sip:desk@example.com'}
    """
    return _body("connect", {"from": from_, "to": to}, "enablex")


def transfer(from_: str, transfer_to: str) -> dict[str, Any]:
    """A transfer body.

    >>> transfer("+15550100000", "+15550100002")
    {'from': '+15550100000', 'transfer_to': '+15550100002'}
    """
    return _body("transfer", {"from": from_, "transfer_to": transfer_to}, "enablex")


def forward(from_: str, to: str) -> dict[str, Any]:
    """A forward body (``to`` is a phone number).

    >>> forward("+15550100000", "+15550100003")
    {'from': '+15550100000', 'to': '+15550100003'}
    """
    return _body("forward", {"from": from_, "to": to}, "enablex")


def hold(hold: bool = True) -> dict[str, Any]:
    """A hold body: ``hold(True)`` puts the call on hold, ``hold(False)`` takes it off.

    >>> hold(False)
    {'hold': False}
    """
    return _body("hold", {"hold": hold}, "enablex")


def recording(
    action: Literal["start", "stop"] = "start", *, recording_name: str | None = None
) -> dict[str, Any]:
    """A recording body: ``recording("start", recording_name=...)`` or ``recording("stop")``.

    >>> recording("start", recording_name="greeting")
    {'start': True, 'recording_name': 'greeting'}
    >>> recording("stop")
    {'stop': True}
    """
    if action not in ("start", "stop"):
        raise BuildError(
            f"recording(action={shown(action)}): use 'start' or 'stop'",
            argument="action",
            value=action,
        )
    return _body("recording", {action: True, "recording_name": recording_name}, "enablex")
