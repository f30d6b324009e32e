"""ttsbuilder: build, validate, render and lint Voice API text-to-speech prompts.

The public API is this flat namespace; every other module is internal. Names load
lazily on first use, so ``import ttsbuilder`` (and the CLI) stay fast. No submodule
shares a name with a public function, so importing one never shadows it.

>>> import ttsbuilder
>>> ttsbuilder.is_valid({"text": "Hello", "break": {"value": "500ms"}})
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ttsbuilder._version import __version__

if TYPE_CHECKING:
    from ttsbuilder.budget import (
        Allowance,
        Budget,
        measure,
    )
    from ttsbuilder.builder import (
        BreakStrength,
        DateFormat,
        DurationFormat,
        InterpretAs,
        PitchLevel,
        Prompt,
        RateLevel,
        Role,
        SilenceType,
        Style,
        TimeFormat,
        VolumeLevel,
        hz,
        ms,
        percent,
        seconds,
        semitones,
    )
    from ttsbuilder.errors import (
        ArgumentError,
        BuildError,
        PreviewError,
        SSMLError,
        TTSBuilderError,
        ValidationError,
    )
    from ttsbuilder.openapi import (
        openapi_document,
    )
    from ttsbuilder.payloads import (
        connect,
        dial_out,
        forward,
        hold,
        play,
        recording,
        transfer,
    )
    from ttsbuilder.preview import (
        PreviewResult,
        Timeline,
        TimelineEntry,
        preview_wav,
    )
    from ttsbuilder.preview import timeline as preview_timeline
    from ttsbuilder.problems import (
        Problem,
        Severity,
    )
    from ttsbuilder.profiles import (
        Profile,
        ProfileName,
        get_profile,
    )
    from ttsbuilder.published import (
        schema,
    )
    from ttsbuilder.routes import (
        check_request,
    )
    from ttsbuilder.rules import (
        RULES,
        Rule,
    )
    from ttsbuilder.rules.payloads import DocumentKind
    from ttsbuilder.ssml import (
        Rendering,
        Target,
        choose_voice,
        parse_ssml,
        render_ssml,
        render_ssml_with_problems,
        reset_default_voices,
        set_default_voice,
    )
    from ttsbuilder.telephony import (
        plivo_speak,
        twilio_say,
        vonage_talk,
    )
    from ttsbuilder.validation import (
        Kind,
        detect,
        ensure_valid,
        is_valid,
        iter_problems,
        validate,
    )

# public name → the module that defines it ("module:attribute" where the names differ)
_EXPORTS = {
    "ArgumentError": "ttsbuilder.errors",
    "Allowance": "ttsbuilder.budget",
    "Budget": "ttsbuilder.budget",
    "measure": "ttsbuilder.budget",
    "plivo_speak": "ttsbuilder.telephony",
    "twilio_say": "ttsbuilder.telephony",
    "vonage_talk": "ttsbuilder.telephony",
    "BuildError": "ttsbuilder.errors",
    "PreviewError": "ttsbuilder.errors",
    "SSMLError": "ttsbuilder.errors",
    "TTSBuilderError": "ttsbuilder.errors",
    "ValidationError": "ttsbuilder.errors",
    "Problem": "ttsbuilder.problems",
    "Severity": "ttsbuilder.problems",
    "Profile": "ttsbuilder.profiles",
    "ProfileName": "ttsbuilder.profiles",
    "DocumentKind": "ttsbuilder.rules.payloads",
    "Kind": "ttsbuilder.validation",
    "Target": "ttsbuilder.ssml",
    "get_profile": "ttsbuilder.profiles",
    "RULES": "ttsbuilder.rules",
    "Rule": "ttsbuilder.rules",
    "detect": "ttsbuilder.validation",
    "ensure_valid": "ttsbuilder.validation",
    "is_valid": "ttsbuilder.validation",
    "iter_problems": "ttsbuilder.validation",
    "validate": "ttsbuilder.validation",
    "schema": "ttsbuilder.published",
    "check_request": "ttsbuilder.routes",
    "openapi_document": "ttsbuilder.openapi",
    "BreakStrength": "ttsbuilder.builder",
    "DateFormat": "ttsbuilder.builder",
    "DurationFormat": "ttsbuilder.builder",
    "InterpretAs": "ttsbuilder.builder",
    "PitchLevel": "ttsbuilder.builder",
    "Prompt": "ttsbuilder.builder",
    "RateLevel": "ttsbuilder.builder",
    "Role": "ttsbuilder.builder",
    "SilenceType": "ttsbuilder.builder",
    "Style": "ttsbuilder.builder",
    "TimeFormat": "ttsbuilder.builder",
    "VolumeLevel": "ttsbuilder.builder",
    "hz": "ttsbuilder.builder",
    "ms": "ttsbuilder.builder",
    "percent": "ttsbuilder.builder",
    "seconds": "ttsbuilder.builder",
    "semitones": "ttsbuilder.builder",
    "connect": "ttsbuilder.payloads",
    "dial_out": "ttsbuilder.payloads",
    "forward": "ttsbuilder.payloads",
    "hold": "ttsbuilder.payloads",
    "play": "ttsbuilder.payloads",
    "recording": "ttsbuilder.payloads",
    "transfer": "ttsbuilder.payloads",
    "Rendering": "ttsbuilder.ssml",
    "choose_voice": "ttsbuilder.ssml",
    "parse_ssml": "ttsbuilder.ssml",
    "render_ssml": "ttsbuilder.ssml",
    "render_ssml_with_problems": "ttsbuilder.ssml",
    "reset_default_voices": "ttsbuilder.ssml",
    "set_default_voice": "ttsbuilder.ssml",
    "PreviewResult": "ttsbuilder.preview",
    "Timeline": "ttsbuilder.preview",
    "TimelineEntry": "ttsbuilder.preview",
    "preview_wav": "ttsbuilder.preview",
    "preview_timeline": "ttsbuilder.preview:timeline",
}

__all__ = [
    "RULES",
    "Allowance",
    "ArgumentError",
    "BreakStrength",
    "Budget",
    "BuildError",
    "DateFormat",
    "DocumentKind",
    "DurationFormat",
    "InterpretAs",
    "Kind",
    "PitchLevel",
    "PreviewError",
    "PreviewResult",
    "Problem",
    "Profile",
    "ProfileName",
    "Prompt",
    "RateLevel",
    "Rendering",
    "Role",
    "Rule",
    "SSMLError",
    "Severity",
    "SilenceType",
    "Style",
    "TTSBuilderError",
    "Target",
    "TimeFormat",
    "Timeline",
    "TimelineEntry",
    "ValidationError",
    "VolumeLevel",
    "__version__",
    "check_request",
    "choose_voice",
    "connect",
    "detect",
    "dial_out",
    "ensure_valid",
    "forward",
    "get_profile",
    "hold",
    "hz",
    "is_valid",
    "iter_problems",
    "measure",
    "ms",
    "openapi_document",
    "parse_ssml",
    "percent",
    "play",
    "plivo_speak",
    "preview_timeline",
    "preview_wav",
    "recording",
    "render_ssml",
    "render_ssml_with_problems",
    "reset_default_voices",
    "schema",
    "seconds",
    "semitones",
    "set_default_voice",
    "transfer",
    "twilio_say",
    "validate",
    "vonage_talk",
]


# Under TYPE_CHECKING the names above are real imports, so a type checker sees exactly
# the public names: ``ttsbuilder.valdiate`` is an error, not an ``Any`` from __getattr__.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        target = _EXPORTS.get(name)
        if target is None:
            raise AttributeError(f"module 'ttsbuilder' has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        value = getattr(importlib.import_module(module), attribute or name)
        globals()[name] = value  # later look-ups skip this function
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
