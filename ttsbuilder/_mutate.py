"""One-mistake mutations of valid documents, for :func:`ttsbuilder.strategies.mutations`.

Each *site* is a change that makes exactly one problem, whose pointer and code are known
from the rules (``ttsbuilder/rules``). :func:`mutate` collects the sites of a document,
lets hypothesis pick one and applies it in place. A site whose problem is a warning is
collected only when ``warnings`` is true.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ttsbuilder._extras import require

if TYPE_CHECKING:
    from hypothesis import strategies as st
else:  # the `hypothesis` extra: a missing one is a MissingExtraError that says so
    require("hypothesis", extra="hypothesis", feature="ttsbuilder.strategies")
    from hypothesis import strategies as st

from ttsbuilder.codec import split_member
from ttsbuilder.model import EXPRESS_ATTRIBUTES, PROSODY_ATTRIBUTES
from ttsbuilder.profiles import Profile
from ttsbuilder.rules.say_as import FORMATS, text_problem

__all__ = ["Mutation", "mutate"]


class Mutation(NamedTuple):
    """A document with one mistake, the JSON pointer of the mistake and its rule code.

    Unpacks as a tuple: ``document, pointer, code = mutation``.
    """

    document: Any
    pointer: str
    code: str


Site = tuple[str, Callable[[st.DrawFn], tuple[str, str]]]


def _rename(members: dict[str, Any], old: str, new: str) -> None:
    items = [(new if key == old else key, value) for key, value in members.items()]
    members.clear()
    members.update(items)


def _insert(members: dict[str, Any], index: int, key: str, value: Any) -> None:
    items = list(members.items())
    items.insert(index, (key, value))
    members.clear()
    members.update(items)


def _set(target: dict[str, Any], key: str, value: Any, pointer: str, code: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        target[key] = value
        return f"{pointer}/{key}", code

    return (f"{code} {pointer}/{key}={value!r}", apply)


def _delete(target: dict[str, Any], key: str, pointer: str, code: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        del target[key]
        return pointer, code

    return (f"{code} del {pointer}/{key}", apply)


def _rename_site(members: dict[str, Any], old: str, new: str, pointer: str, code: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        _rename(members, old, new)
        return f"{pointer}/{new}", code

    return (f"{code} rename {pointer}/{old}->{new}", apply)


def _insert_site(members: dict[str, Any], key: str, value: Any, pointer: str, code: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        _insert(members, draw(st.integers(0, len(members))), key, value)
        return f"{pointer}/{key}", code

    return (f"{code} insert {pointer}/{key}", apply)


def _tree_sites(
    members: dict[str, Any],
    pointer: str,
    role: str,
    profile: Profile,
    warnings: bool,
    sites: list[Site],
) -> None:
    """Sites in one tree object: the top (``role="top"``), a prosody or an express-as."""
    attributes = {"prosody": PROSODY_ATTRIBUTES, "express-as": EXPRESS_ATTRIBUTES}
    skip = attributes.get(role, ())
    content = [name for name in members if name not in skip]
    sites.append(_insert_site(members, "txt", "Hello", pointer, "TTS101"))
    if role != "top":
        silence = {"type": "leading", "value": "1s"}
        sites.append(_insert_site(members, "silence", silence, pointer, "TTS109"))
        nested = {"style": "cheerful", "text": "Hi"}
        sites.append(_insert_site(members, "express-as", nested, pointer, "TTS109"))
    seen: dict[str, list[str]] = {}
    for name in content:
        kind, suffix = split_member(name)
        seen.setdefault(kind, []).append(name)
        at = f"{pointer}/{name}"
        sites.append(_rename_site(members, name, f"{kind}0{suffix}", pointer, "TTS107"))
        if name in ("say-as", "express-as"):
            sites.append(_rename_site(members, name, name.replace("-", "_"), pointer, "TTS105"))
        value = members[name]
        if kind == "text":
            sites.append(_set(members, name, "", pointer, "TTS104"))
            sites.append(_set(members, name, 42, pointer, "TTS103"))
            sites.append(_set(members, name, value + "\x07", pointer, "TTS112"))
            continue
        sites.append(_set(members, name, [value], pointer, "TTS103"))
        if kind == "break":
            _break_sites(value, at, profile, sites)
        elif kind == "silence":
            _silence_sites(value, at, profile, warnings, sites)
        elif kind == "say-as":
            _say_as_sites(value, at, warnings, sites)
        elif kind == "prosody":
            _prosody_sites(value, at, warnings, sites)
            _tree_sites(value, at, "prosody", profile, warnings, sites)
        else:
            _express_as_sites(value, at, profile, warnings, sites)
            _tree_sites(value, at, "express-as", profile, warnings, sites)
    if warnings:
        for kind, names in seen.items():
            if names[0] == kind:
                sites.append(_rename_site(members, kind, f"{kind}1", pointer, "TTS106"))
            if len(names) >= 2:
                sites.append(_swap_site(members, kind, pointer))
        if role != "top" and content:
            sites.append(_empty_site(members, content, pointer))


def _swap_site(members: dict[str, Any], kind: str, pointer: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        _rename(members, kind, "\0")
        _rename(members, f"{kind}2", kind)
        _rename(members, "\0", f"{kind}2")
        return f"{pointer}/{kind}", "TTS108"

    return (f"TTS108 swap {pointer}/{kind}", apply)


def _empty_site(members: dict[str, Any], content: list[str], pointer: str) -> Site:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        for name in content:
            del members[name]
        return pointer, "TTS110"

    return (f"TTS110 empty {pointer}", apply)


def _pause_too_long(profile: Profile) -> str:
    return f"{profile.longest_pause_ms + 1}ms"


def _break_sites(value: dict[str, Any], at: str, profile: Profile, sites: list[Site]) -> None:
    sites.append(_set(value, "value", "2000", at, "TTS201"))
    sites.append(_set(value, "value", _pause_too_long(profile), at, "TTS202"))
    sites.append(_set(value, "strength", "loud", at, "TTS203"))
    sites.append(_set(value, "pitch", "high", at, "TTS101"))
    sites.append(_delete(value, "value", at, "TTS102"))
    sites.append(_rename_site(value, "value", "time", at, "TTS105"))


def _silence_sites(
    value: dict[str, Any], at: str, profile: Profile, warnings: bool, sites: list[Site]
) -> None:
    sites.append(_set(value, "type", "trailing", at, "TTS204"))
    sites.append(_set(value, "value", "-1s", at, "TTS201"))
    sites.append(_set(value, "value", _pause_too_long(profile), at, "TTS202"))
    sites.append(_delete(value, "type", at, "TTS102"))
    if warnings:
        sites.append(_set(value, "type", value["type"].upper(), at, "TTS205"))


def _say_as_sites(value: dict[str, Any], at: str, warnings: bool, sites: list[Site]) -> None:
    interpret = value["interpret-as"]
    sites.append(_set(value, "interpret-as", "phone", at, "TTS301"))
    sites.append(_set(value, "text", "", at, "TTS104"))
    sites.append(_delete(value, "text", at, "TTS102"))
    sites.append(_delete(value, "interpret-as", at, "TTS102"))
    sites.append(_rename_site(value, "interpret-as", "interpret_as", at, "TTS105"))
    if interpret in FORMATS or interpret == "telephone":
        sites.append(_set(value, "format", "dd-mm-yyyy", at, "TTS303"))
    else:
        sites.append(_set(value, "format", "dmy", at, "TTS302"))
    if warnings and text_problem(interpret, value.get("format"), "soon") is not None:
        sites.append(_set(value, "text", "soon", at, "TTS304"))


def _prosody_sites(value: dict[str, Any], at: str, warnings: bool, sites: list[Site]) -> None:
    sites.append(_set(value, "rate", "quick", at, "TTS210"))
    sites.append(_set(value, "pitch", "loud", at, "TTS210"))
    sites.append(_set(value, "volume", 1.5, at, "TTS103"))
    if warnings:
        sites.append(_set(value, "rate", "30%", at, "TTS212"))
        sites.append(_set(value, "pitch", "+90%", at, "TTS211"))
        present = [key for key in PROSODY_ATTRIBUTES if key in value]
        if present:

            def apply(draw: st.DrawFn) -> tuple[str, str]:
                for key in present:
                    del value[key]
                return at, "TTS213"

            sites.append((f"TTS213 {at}", apply))


def _express_as_sites(
    value: dict[str, Any], at: str, profile: Profile, warnings: bool, sites: list[Site]
) -> None:
    sites.append(_delete(value, "style", at, "TTS102"))
    if profile.unknown_style_is_error:
        sites.append(_set(value, "style", "angry", at, "TTS206"))
        sites.append(_set(value, "styledegree", "1", at, "TTS208"))
        sites.append(_set(value, "role", "Girl", at, "TTS208"))
    else:
        sites.append(_set(value, "styledegree", "3", at, "TTS209"))
        sites.append(_set(value, "role", "Robot", at, "TTS209"))
        if warnings:
            sites.append(_set(value, "style", "pirate", at, "TTS207"))
    if warnings:
        sites.append(_set(value, "style", value["style"].title(), at, "TTS205"))


def _play_sites(
    body: dict[str, Any], at: str, profile: Profile, warnings: bool, sites: list[Site]
) -> None:
    sites.append(_set(body, "voise", "female", at, "TTS101"))
    sites.append(_set(body, "voice", "woman", at, "TTS406"))
    sites.append(_set(body, "language", "english", at, "TTS405"))
    sites.append(_set(body, "dtmf", "yes", at, "TTS103"))
    sites.append(_set(body, "start_timeout", 30, at, "TTS407"))
    sites.append(_set(body, "recognizer_timeout", "5", at, "TTS407"))
    content = [key for key in ("prompt_name", "text", "text_to_speech_option") if key in body]

    def drop_content(draw: st.DrawFn) -> tuple[str, str]:
        for key in content:
            del body[key]
        return at, "TTS401"

    sites.append((f"TTS401 {at}", drop_content))
    if "text" in body:
        sites.append(_set(body, "text", "", at, "TTS104"))
        sites.append(_delete(body, "voice", at, "TTS403"))
    if "text_to_speech_option" in body:
        tree = body["text_to_speech_option"]
        sites.append(_set(body, "text_to_speech_option", "Hello", at, "TTS103"))
        _tree_sites(tree, f"{at}/text_to_speech_option", "top", profile, warnings, sites)
    if warnings:
        if "prompt_name" not in body and content:
            add = _add_then(body, "prompt_name", "welcome", at, "TTS402")
            sites.append((f"TTS402 {at}", add))
        if body.get("asr") is not True and "start_timeout" not in body:
            sites.append(_set(body, "start_timeout", 5, at, "TTS404"))


def _add_then(
    body: dict[str, Any], key: str, value: Any, pointer: str, code: str
) -> Callable[[st.DrawFn], tuple[str, str]]:
    def apply(draw: st.DrawFn) -> tuple[str, str]:
        body[key] = value
        return pointer, code

    return apply


def _call_sites(body: dict[str, Any], at: str, target: str, sip: bool, sites: list[Site]) -> None:
    sites.append(_set(body, "from", "+1 (555) 010-0000", at, "TTS408"))
    sites.append(_set(body, target, "call me", at, "TTS408"))
    if not sip:
        sites.append(_set(body, target, "sip:alice@example.com", at, "TTS408"))
    sites.append(_set(body, "form", "+15550100000", at, "TTS101"))
    sites.append(_delete(body, "from", at, "TTS102"))
    sites.append(_delete(body, target, at, "TTS102"))


def _dial_out_sites(
    body: dict[str, Any], profile: Profile, warnings: bool, sites: list[Site]
) -> None:
    _call_sites(body, "", "to", True, sites)
    sites.append(_set(body, "auto_record", "no", "", "TTS103"))
    sites.append(_set(body, "event_url", "/webhook", "", "TTS410"))
    if warnings:
        sites.append(_set(body, "event_url", "http://example.com/events", "", "TTS411"))
    action = body.get("action_on_connect")
    if action is None:
        add = _add_then(body, "action_on_connect", {}, "/action_on_connect", "TTS409")
        sites.append(("TTS409 empty action", add))
        return
    at = "/action_on_connect"
    extra = (
        ("room", {"room_id": "r1"})
        if "room" not in action
        else (
            "connect",
            {
                "from": "+15550100000",
                "to": "+15550100001",
            },
        )
    )
    sites.append(("TTS409 two actions", _add_then(action, extra[0], extra[1], at, "TTS409")))
    if "play" in action:
        _play_sites(action["play"], f"{at}/play", profile, warnings, sites)
    elif "connect" in action:
        _call_sites(action["connect"], f"{at}/connect", "to", True, sites)
    else:
        sites.append(_delete(action["room"], "room_id", f"{at}/room", "TTS102"))


def _sites(document: Any, kind: str, profile: Profile, warnings: bool) -> list[Site]:
    sites: list[Site] = []
    if kind == "tts":
        _tree_sites(document, "", "top", profile, warnings, sites)
    elif kind == "play":
        _play_sites(document, "", profile, warnings, sites)
    elif kind == "dial-out":
        _dial_out_sites(document, profile, warnings, sites)
    elif kind in ("connect", "transfer", "forward"):
        target = "transfer_to" if kind == "transfer" else "to"
        _call_sites(document, "", target, kind != "forward", sites)
    elif kind == "hold":
        sites.append(_set(document, "hold", "yes", "", "TTS103"))
        sites.append(_delete(document, "hold", "", "TTS102"))
        sites.append(_set(document, "hodl", True, "", "TTS101"))
    else:
        _recording_sites(document, sites)
    return sites


def _recording_sites(body: dict[str, Any], sites: list[Site]) -> None:
    sites.append(_set(body, "name", "x", "", "TTS101"))
    if "start" in body:
        sites.append(("TTS412 both", _add_then(body, "stop", True, "", "TTS412")))
        sites.append(_set(body, "start", False, "", "TTS412"))
        sites.append(_set(body, "recording_name", "", "", "TTS104"))
    else:
        sites.append(("TTS412 both", _add_then(body, "start", True, "", "TTS412")))
        sites.append(_set(body, "stop", False, "", "TTS412"))
        sites.append(_set(body, "recording_name", "take1", "", "TTS412"))


def mutate(draw: st.DrawFn, document: Any, kind: str, profile: Profile, warnings: bool) -> Mutation:
    """Apply one drawn site to ``document`` (a private copy) and describe it."""
    _, apply = draw(st.sampled_from(_sites(document, kind, profile, warnings)))
    pointer, code = apply(draw)
    return Mutation(document, pointer, code)
