"""What to check a document as: ``[tool.ttsbuilder]`` of its workspace, then the client's.

The client's settings (``initializationOptions`` or ``workspace/didChangeConfiguration``
under ``ttsbuilder``) take precedence over the nearest ``pyproject.toml``; both are
checked like the command line's (a wrong value is reported and ignored, never fatal).

>>> settings, errors = merge({"profile": "azure"}, {"ignore": ["TTS2"], "profile": "bogus"})
>>> settings.profile, settings.ignore
('azure', ('TTS2',))
>>> errors
["ttsbuilder setting 'profile': 'bogus' is not one of enablex, azure"]
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Any

from ttsbuilder.lint.check import LintOptions, unknown_selectors
from ttsbuilder.lint.loaders import Format, format_for
from ttsbuilder.profiles import PROFILE_NAMES, ProfileName
from ttsbuilder.validation import KINDS, Kind

__all__ = ["Settings", "format_of", "merge"]


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings a document is checked with (the lint settings the server uses)."""

    kind: Kind = "auto"
    profile: ProfileName = "enablex"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    #: How long to wait after a change before checking again (typing goes on meanwhile).
    debounce_ms: int = 150
    #: Whether "fix all" makes unsafe fixes too (``--unsafe-fixes``).
    unsafe_fixes: bool = False

    @property
    def options(self) -> LintOptions:
        """The :class:`~ttsbuilder.lint.LintOptions` of these settings."""
        return LintOptions(self.kind, self.profile, self.select, self.ignore)


def _codes(name: str, value: Any, errors: list[str]) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"ttsbuilder setting '{name}': expected a list of strings, got {value!r}")
        return None
    if name in ("select", "ignore"):
        unknown = unknown_selectors(tuple(value))
        if unknown:
            errors.append(f"ttsbuilder setting '{name}': no rule matches {', '.join(unknown)}")
            return None
    return tuple(value)


def merge(*layers: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from ``layers`` (later ones win), and a message for each value ignored."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    for layer in layers:
        for key, value in layer.items():
            name = key.replace("-", "_")
            if name == "profile" or name == "kind":
                allowed: tuple[str, ...] = PROFILE_NAMES if name == "profile" else KINDS
                if value in allowed:
                    values[name] = value
                else:
                    choices = ", ".join(allowed)
                    errors.append(f"ttsbuilder setting '{name}': {value!r} is not one of {choices}")
            elif name in ("select", "ignore", "include"):
                codes = _codes(name, value, errors)
                if codes is not None:
                    values[name] = codes
            elif name == "unsafe_fixes":
                if isinstance(value, bool):
                    values[name] = value
                else:
                    errors.append(
                        f"ttsbuilder setting 'unsafe-fixes': expected true or false, got {value!r}"
                    )
            elif name in ("debounce", "debounce_ms"):
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000:
                    values["debounce_ms"] = value
                else:
                    errors.append(
                        f"ttsbuilder setting 'debounce': expected 0 to 10000, got {value!r}"
                    )
    return Settings(**values), errors


def format_of(path: str, language_id: str, settings: Settings, text: str) -> Format | None:
    """The format to read a document as, or None when it is not a prompt file.

    A ``.json``, ``.yaml`` or ``.yml`` file, a file matching ``include``, or a document
    the editor calls ``json``/``jsonc``/``yaml``.

    >>> format_of("/w/p.yml", "yaml", Settings(), "")
    'yaml'
    >>> format_of("/w/notes.txt", "plaintext", Settings(), "") is None
    True
    """
    named = format_for(path)
    if named is not None:
        return named
    name = os.path.basename(path)
    if any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) for p in settings.include):
        stripped = text.lstrip(" \t\r\n\ufeff")
        return "json" if stripped[:1] in ("{", "[", '"') else "yaml"
    if language_id in ("json", "jsonc"):
        return "json"
    if language_id == "yaml":
        return "yaml"
    return None
