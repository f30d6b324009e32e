"""Value rules (TTS2xx): durations, strengths, silence types, styles, prosody values."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

from ttsbuilder.model import PROSODY_ATTRIBUTES
from ttsbuilder.problems import shown
from ttsbuilder.rules.base import Rule, error, warning
from ttsbuilder.rules.common import WRONG_TYPE, check_keys, check_string, quote_hint
from ttsbuilder.rules.context import Context, describe, suggest
from ttsbuilder.values import (
    BREAK_STRENGTHS,
    DURATION_RE,
    PROSODY_TYPES,
    REMEMBERED_LENGTH,
    SILENCE_TYPES,
    Pitch,
    ProsodyValue,
    Rate,
    Volume,
)

__all__ = ["check_break", "check_express_as", "check_prosody_attributes", "check_silence"]

FAMILY = "values"

BAD_DURATION = error(
    "TTS201",
    "bad-duration",
    "A break or silence value is a number followed by ms or s ('2000ms', '2s', '1.5s'): "
    "no space, no sign, no missing unit.",
    why="A break or silence length is a number with its unit; '2 s', '-1s' or a bare '2000' is "
    "not a length the speech engine reads, so the SSML is invalid.",
    bad='{"break": {"value": "2000"}}',
    good='{"break": {"value": "2000ms"}}',
    family=FAMILY,
)
PAUSE_TOO_LONG = error(
    "TTS202",
    "pause-too-long",
    "A break or silence longer than the profile allows: below 5000ms in the enablex "
    "profile (the seed: 'always below 5000'), at most 20000ms in the azure profile.",
    why="The seed says a break is always below 5000 ms and Azure takes at most 20 seconds; a "
    "longer pause is refused or cut short, so the silence played is not the one written.",
    bad='{"break": {"value": "5s"}}',
    good='{"break": {"value": "4999ms"}}',
    family=FAMILY,
)
BAD_STRENGTH = error(
    "TTS203",
    "bad-strength",
    "A break strength is one of none, x-weak, weak, medium, strong, x-strong.",
    why="SSML defines exactly these six strengths; any other word makes the break invalid.",
    bad='{"break": {"value": "1s", "strength": "loud"}}',
    good='{"break": {"value": "1s", "strength": "strong"}}',
    family=FAMILY,
)
BAD_SILENCE_TYPE = error(
    "TTS204",
    "bad-silence-type",
    "A silence type is one of " + ", ".join(SILENCE_TYPES) + ".",
    why="Azure's mstts:silence takes only these types; any other word makes the silence invalid "
    "SSML.",
    bad='{"silence": {"type": "trailing", "value": "1s"}}',
    good='{"silence": {"type": "tailing", "value": "1s"}}',
    family=FAMILY,
)
NON_CANONICAL_CASE = warning(
    "TTS205",
    "non-canonical-case",
    "Styles and silence types match case-insensitively; lowercase is canonical.",
    why="The service matches these names in any case, but the seed's sample and Azure's "
    "documentation write them in lowercase; one spelling keeps prompts comparable, also for "
    "tools that compare exactly.",
    bad='{"express-as": {"style": "Cheerful", "text": "Hi"}}',
    good='{"express-as": {"style": "cheerful", "text": "Hi"}}',
    family=FAMILY,
    fixable=True,
)
UNKNOWN_STYLE = error(
    "TTS206",
    "unknown-style",
    "In the enablex profile, express-as style is one of advertisement_upbeat, cheerful, "
    "customerservice, friendly, gentle.",
    why="The Voice API documents these five styles only; any other is not accepted by the "
    "enablex profile. Use the azure profile when Azure's wider list is what you target.",
    bad='{"express-as": {"style": "angry", "text": "Hi"}}',
    good='{"express-as": {"style": "friendly", "text": "Hi"}}',
    family=FAMILY,
)
CUSTOM_STYLE = warning(
    "TTS207",
    "custom-style",
    "In the azure profile, a style outside Azure's 34 is a warning: only a custom voice "
    "that defines it will use it.",
    why="An Azure voice speaks a style it does not know in its normal voice, without an error; "
    "a style outside Azure's list works only with a custom voice trained on it, so it is "
    "most often a typo.",
    bad='{"express-as": {"style": "pirate", "text": "Ahoy"}}',
    good='{"express-as": {"style": "excited", "text": "Ahoy"}}',
    profile="azure",
    family=FAMILY,
)
STYLE_OPTION = error(
    "TTS208",
    "style-option",
    "express-as styledegree and role are Azure features the seed does not document: "
    "use the azure profile for them.",
    why="The Voice API documentation does not list styledegree or role, so the service may "
    "refuse or drop them; they are Azure SSML, checked under the azure profile.",
    bad='{"express-as": {"style": "cheerful", "styledegree": "2", "text": "Hi"}}',
    good='{"express-as": {"style": "cheerful", "text": "Hi"}}',
    family=FAMILY,
)
BAD_STYLE_OPTION = error(
    "TTS209",
    "bad-style-option",
    "styledegree is a number from 0.01 to 2 written as a string; role is one of Azure's "
    "roles (Girl, Boy, YoungAdultFemale, YoungAdultMale, OlderAdultFemale, OlderAdultMale, "
    "SeniorFemale, SeniorMale).",
    why="Azure takes styledegree only from 0.01 to 2 and only its listed roles; any other value "
    "makes the express-as invalid.",
    bad='{"express-as": {"style": "cheerful", "styledegree": "3", "text": "Hi"}}',
    good='{"express-as": {"style": "cheerful", "styledegree": "1.5", "text": "Hi"}}',
    profile="azure",
    family=FAMILY,
)
BAD_PROSODY = error(
    "TTS210",
    "bad-prosody",
    "A pitch, rate or volume that is not in a form the service reads; the message lists "
    "the forms of that attribute.",
    why="A pitch, rate or volume in a form SSML does not define makes the prosody invalid: the "
    "request fails or the change is not made.",
    bad='{"prosody": {"rate": "quick", "text": "Hi"}}',
    good='{"prosody": {"rate": "fast", "text": "Hi"}}',
    family=FAMILY,
)
PROSODY_RANGE = warning(
    "TTS211",
    "prosody-range",
    "A well-formed value outside what Azure honours (rate 0.5x to 2x, pitch 0.5x to 1.5x, "
    "volume 0 to 100): the service clamps it silently.",
    why="Azure clamps rate, pitch and volume to the range it honours without a word: a value "
    "beyond it sounds the same as the limit, so what is heard is not what was written.",
    bad='{"prosody": {"rate": "+150%", "text": "Hi"}}',
    good='{"prosody": {"rate": "+100%", "text": "Hi"}}',
    family=FAMILY,
)
UNSIGNED_PERCENT = warning(
    "TTS212",
    "unsigned-percent",
    "A percent without a sign: Azure reads '30%' as +30%, W3C SSML as 30% of normal. "
    "Write the sign.",
    why="The same prompt would sound very different when moved: a rate of '30%' is 30% faster "
    "on Azure and under a third of the normal speed on an SSML 1.1 engine (the w3c target), "
    "while '+30%' means the same everywhere.",
    bad='{"prosody": {"rate": "30%", "text": "Hi"}}',
    good='{"prosody": {"rate": "+30%", "text": "Hi"}}',
    family=FAMILY,
)
EMPTY_PROSODY = warning(
    "TTS213",
    "empty-prosody",
    "A prosody with none of pitch, rate and volume changes nothing.",
    why="A prosody without pitch, rate or volume changes nothing; an attribute was probably "
    "forgotten or misspelled.",
    bad='{"prosody": {"text": "Hi"}}',
    good='{"prosody": {"pitch": "high", "text": "Hi"}}',
    family=FAMILY,
)

# xs:float's plain decimal forms ("1", "1.", ".5", "1.50"), ASCII digits only.
_DEGREE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_BREAK_KEYS = ("value", "strength")
_SILENCE_KEYS = ("type", "value")
_SILENCE_SET = frozenset(SILENCE_TYPES)
_STRENGTH_SET = frozenset(BREAK_STRENGTHS)


_MILLISECONDS: dict[str, float] = {}


def _check_duration(context: Context, value: Any, pointer: str) -> None:
    ms = _MILLISECONDS.get(value) if type(value) is str else None
    if ms is not None:
        if not context.profile.allows(ms):
            _too_long(context, value, pointer)
        return
    if not check_string(context, value, pointer):
        return
    match = DURATION_RE.fullmatch(value)
    if match is None:
        hint = None
        stripped = value.replace(" ", "")
        if stripped.isdigit():
            hint = f"write {stripped + 'ms'!r}"
        elif stripped != value and DURATION_RE.fullmatch(stripped):
            hint = f"write {shown(stripped)}"
        context.report(
            BAD_DURATION,
            pointer,
            f"{shown(value)} is not a duration: write a number and ms or s, "
            "like '2000ms' or '1.5s'",
            hint,
        )
        return
    number, unit = match.groups()
    ms = float(number) * (1000.0 if unit == "s" else 1.0)
    limit = context.profile.max_pause_ms
    exact = Decimal(number) * (1000 if unit == "s" else 1) if abs(ms - limit) < 1 else ms
    if exact != ms:
        # A long decimal rounds onto the limit as a float: decide on the exact value.
        ms = limit - 0.5 if exact < limit else limit + 0.5
    elif len(_MILLISECONDS) < 4096 and len(value) <= REMEMBERED_LENGTH:
        _MILLISECONDS[value] = ms
    if not context.profile.allows(ms):
        _too_long(context, value, pointer)


def _too_long(context: Context, value: str, pointer: str) -> None:
    context.report(
        PAUSE_TOO_LONG,
        pointer,
        f"{shown(value)} is too long: the {context.profile.name} profile allows pauses "
        f"{context.profile.pause_limit_text()}",
    )


def check_break(context: Context, value: dict[Any, Any], pointer: str) -> None:
    """Check a break object: ``value`` (a duration) and optional ``strength``."""
    if len(value) > 2 or "value" not in value or (len(value) == 2 and "strength" not in value):
        check_keys(context, value, pointer, _BREAK_KEYS, ("value",), "break")
    if "value" in value:
        _check_duration(context, value["value"], pointer + "/value")
    elif "time" in value:
        _check_duration(context, value["time"], pointer + "/time")
    if "strength" in value:
        strength = value["strength"]
        at = pointer + "/strength"
        if check_string(context, strength, at) and strength not in _STRENGTH_SET:
            context.report(
                BAD_STRENGTH,
                at,
                f"break strength {shown(strength)} is not allowed: "
                f"use {', '.join(BREAK_STRENGTHS)}",
                context.suggest(strength, BREAK_STRENGTHS),
            )


def check_silence(context: Context, value: dict[Any, Any], pointer: str) -> None:
    """Check a silence object: ``type`` (one of SILENCE_TYPES) and ``value`` (a duration)."""
    if len(value) != 2 or "type" not in value or "value" not in value:
        check_keys(context, value, pointer, _SILENCE_KEYS, _SILENCE_KEYS, "silence")
    if "type" in value:
        kind = value["type"]
        at = pointer + "/type"
        if check_string(context, kind, at) and kind not in _SILENCE_SET:
            if kind.lower() in _SILENCE_SET:
                context.report(
                    NON_CANONICAL_CASE,
                    at,
                    f"silence type {shown(kind)} should be written {kind.lower()!r}",
                    f"write {kind.lower()!r}",
                )
            else:
                context.report(
                    BAD_SILENCE_TYPE,
                    at,
                    f"silence type {shown(kind)} is not allowed: use {', '.join(SILENCE_TYPES)}",
                    context.suggest(kind, SILENCE_TYPES),
                )
    if "value" in value:
        _check_duration(context, value["value"], pointer + "/value")


def check_express_as(context: Context, value: dict[Any, Any], pointer: str) -> None:
    """Check express-as attributes: ``style`` per profile, ``styledegree`` and ``role``."""
    profile = context.profile
    if "style" not in value:
        check_keys(context, {}, pointer, ("style",), ("style",), "express-as")
    else:
        style = value["style"]
        at = pointer + "/style"
        if check_string(context, style, at) and style not in profile.styles:
            lowered = style.lower()
            if lowered in profile.styles:
                context.report(
                    NON_CANONICAL_CASE,
                    at,
                    f"style {shown(style)} should be written {shown(lowered)}",
                    f"write {shown(lowered)}",
                )
            else:
                rule = UNKNOWN_STYLE if profile.unknown_style_is_error else CUSTOM_STYLE
                context.report(
                    rule,
                    at,
                    f"style {shown(style)} is not one of the {profile.name} profile's styles: "
                    f"{', '.join(sorted(profile.styles))}",
                    context.suggest(style, profile.styles),
                )
    for option in ("styledegree", "role"):
        if option in value:
            _check_style_option(context, option, value[option], f"{pointer}/{option}")


def _check_style_option(context: Context, option: str, value: Any, pointer: str) -> None:
    from ttsbuilder.profiles import ROLES

    if not context.profile.allows_style_options:
        context.report(
            STYLE_OPTION,
            pointer,
            f"express-as {shown(option)} is not in the Voice API seed: use the azure profile",
        )
        return
    if not check_string(context, value, pointer):
        return
    if option == "role":
        if value not in ROLES:
            context.report(
                BAD_STYLE_OPTION,
                pointer,
                f"role {shown(value)} is not allowed: use {', '.join(sorted(ROLES))}",
                context.suggest(value, ROLES),
            )
        return
    degree = float(value) if _DEGREE.fullmatch(value) else -1.0
    if not 0.01 <= degree <= 2:
        context.report(
            BAD_STYLE_OPTION,
            pointer,
            f"styledegree {shown(value)} is not allowed: use a number from 0.01 to 2",
        )


Finding = tuple[Rule, str, "str | None"]


def check_prosody_attributes(context: Context, value: dict[Any, Any], pointer: str) -> None:
    """Check a prosody's pitch, rate and volume (its content is checked as members)."""
    present = False
    for attribute in PROSODY_ATTRIBUTES:
        if attribute not in value:
            continue
        present = True
        text = value[attribute]
        if type(text) is not str:
            context.report(
                WRONG_TYPE,
                f"{pointer}/{attribute}",
                f"{attribute} is a string, got {describe(text)}",
                quote_hint(text),
            )
            continue
        judge = _prosody_findings if len(text) <= REMEMBERED_LENGTH else _findings
        for rule, message, hint in judge(attribute, text):
            context.report(rule, f"{pointer}/{attribute}", message, hint)
    if not present:
        context.report(EMPTY_PROSODY, pointer, "this prosody sets none of pitch, rate and volume")


def _findings(attribute: str, text: str) -> tuple[Finding, ...]:
    parser = PROSODY_TYPES[attribute]
    parsed = parser.read(text)
    if parsed is None:
        message = f"{attribute} {shown(text)} is not allowed: use {parser.allowed}"
        return ((BAD_PROSODY, message, suggest(text, parser.levels)),)
    findings: list[Finding] = []
    if parsed.form == "percent" and not parsed.signed:
        message = (
            f"{attribute} {shown(text)} has no sign: Azure reads it as '+{text}', "
            "W3C SSML as a share of normal"
        )
        findings.append((UNSIGNED_PERCENT, message, f"write '+{text}'"))
    clamped = _range_problem(parsed)
    if clamped is not None:
        findings.append((PROSODY_RANGE, clamped, None))
    return tuple(findings)


# Prompts repeat the same few values: each short (attribute, text) is judged once.
_prosody_findings = functools.lru_cache(maxsize=4096)(_findings)


def _range_problem(value: ProsodyValue) -> str | None:
    if value.number is None:
        return None
    if isinstance(value, Rate):
        factor = value.factor()
        if factor is not None and not (0.5 <= factor <= 2.0):
            return (
                f"rate {shown(value.text)} is {factor:g}x normal speed: Azure clamps rate "
                "to 0.5x-2x (-50% to +100%)"
            )
    elif isinstance(value, Pitch):
        factor = value.factor()
        if factor is not None and not (0.5 <= round(factor, 4) <= 1.5):
            return (
                f"pitch {shown(value.text)} is {factor:.3g}x normal pitch: Azure clamps pitch "
                "to 0.5x-1.5x (-50% to +50%, -12st to +7st)"
            )
    elif isinstance(value, Volume):
        level = value.level()
        if level is not None and value.form == "absolute" and not 0 <= level <= 100:
            return f"volume {shown(value.text)} is outside 0-100: Azure clamps it"
        if level is not None and level < 0:
            return f"volume {shown(value.text)} goes below silent: Azure clamps it to 0"
    return None
