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
    from ttsbuilder.problems import Problem, Severity
    from ttsbuilder.profiles import Profile, get_profile
    from ttsbuilder.rules import RULES, Rule
    from ttsbuilder.validate import detect, ensure_valid, is_valid, iter_problems, validate

# public name → the module that defines it
_EXPORTS = {
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
    "Problem",
    "Profile",
    "Rule",
    "SSMLError",
    "Severity",
    "TTSBuilderError",
    "ValidationError",
    "__version__",
    "detect",
    "ensure_valid",
    "get_profile",
    "is_valid",
    "iter_problems",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ttsbuilder' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
