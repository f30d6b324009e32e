"""ttsbuilder: build, validate, render and lint Voice API text-to-speech prompts.

The public API is this flat namespace; every other module is internal. Names load
lazily on first use, so ``import ttsbuilder`` (and the CLI) stay fast.

>>> import ttsbuilder
>>> ttsbuilder.is_valid({"text": "Hello", "break": {"value": "500ms"}})
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ttsbuilder._version import __version__

if TYPE_CHECKING:
    from ttsbuilder.errors import (
        BuildError,
        PreviewError,
        SSMLError,
        TTSBuilderError,
        ValidationError,
    )
    from ttsbuilder.preview import PreviewResult, Timeline, TimelineEntry, preview_wav
    from ttsbuilder.preview import timeline as preview_timeline
    from ttsbuilder.problems import Problem, Severity
    from ttsbuilder.profiles import Profile, get_profile
    from ttsbuilder.rules import RULES, Rule
    from ttsbuilder.ssml import (
        Rendering,
        parse_ssml,
        render_ssml,
        render_ssml_with_problems,
        reset_default_voices,
        set_default_voice,
    )
    from ttsbuilder.validate import detect, ensure_valid, is_valid, iter_problems, validate

# public name → the module that defines it ("module:attribute" where the names differ)
_EXPORTS = {
    "PreviewResult": "ttsbuilder.preview",
    "Timeline": "ttsbuilder.preview",
    "TimelineEntry": "ttsbuilder.preview",
    "preview_wav": "ttsbuilder.preview",
    "preview_timeline": "ttsbuilder.preview:timeline",
    "BuildError": "ttsbuilder.errors",
    "PreviewError": "ttsbuilder.errors",
    "SSMLError": "ttsbuilder.errors",
    "TTSBuilderError": "ttsbuilder.errors",
    "ValidationError": "ttsbuilder.errors",
    "Problem": "ttsbuilder.problems",
    "Severity": "ttsbuilder.problems",
    "Profile": "ttsbuilder.profiles",
    "get_profile": "ttsbuilder.profiles",
    "RULES": "ttsbuilder.rules",
    "Rule": "ttsbuilder.rules",
    "Rendering": "ttsbuilder.ssml",
    "parse_ssml": "ttsbuilder.ssml",
    "render_ssml": "ttsbuilder.ssml",
    "render_ssml_with_problems": "ttsbuilder.ssml",
    "reset_default_voices": "ttsbuilder.ssml",
    "set_default_voice": "ttsbuilder.ssml",
    "detect": "ttsbuilder.validate",
    "ensure_valid": "ttsbuilder.validate",
    "is_valid": "ttsbuilder.validate",
    "iter_problems": "ttsbuilder.validate",
    "validate": "ttsbuilder.validate",
}

__all__ = [
    "RULES",
    "BuildError",
    "PreviewError",
    "PreviewResult",
    "Problem",
    "Profile",
    "Rendering",
    "Rule",
    "SSMLError",
    "Severity",
    "TTSBuilderError",
    "Timeline",
    "TimelineEntry",
    "ValidationError",
    "__version__",
    "detect",
    "ensure_valid",
    "get_profile",
    "is_valid",
    "iter_problems",
    "parse_ssml",
    "preview_timeline",
    "preview_wav",
    "render_ssml",
    "render_ssml_with_problems",
    "reset_default_voices",
    "set_default_voice",
    "validate",
]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'ttsbuilder' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
