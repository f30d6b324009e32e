"""Colour for the text report: at a terminal, unless ``NO_COLOR`` says no (no-color.org).

``--color auto`` (the default) colours when the stream is a terminal, ``TERM`` is not
``dumb`` and ``NO_COLOR`` is unset or empty; ``FORCE_COLOR`` set to anything but the
empty string colours even into a pipe. ``NO_COLOR`` wins over ``FORCE_COLOR``; the
command line (``--color always|never``) wins over both.

>>> use_colour("auto", None, {"FORCE_COLOR": "1"}), use_colour("auto", None, {"NO_COLOR": "1"})
(True, False)
>>> paint("a.json:1:2: TTS201 error bad").replace("\\x1b", "ESC")
'ESC[1ma.json:1:2:ESC[0m ESC[1;31mTTS201 errorESC[0m bad'
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TextIO

__all__ = ["paint", "use_colour"]

_BOLD, _RED, _YELLOW, _RESET = "\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[0m"
_LINE = re.compile(r"^(.*?:\d+:\d+:) (TTS\d+ (error|warning)) ", re.M)


def use_colour(choice: str, stream: TextIO | None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to colour what is written to ``stream`` (see the module's docstring)."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb" or stream is None:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def paint(report: str) -> str:
    """The text report with each position bold, each code red (error) or yellow (warning)."""

    def coloured(match: re.Match[str]) -> str:
        colour = _RED if match[3] == "error" else _YELLOW
        return f"{_BOLD}{match[1]}{_RESET} {colour}{match[2]}{_RESET} "

    lines = _LINE.sub(coloured, report).split("\n")
    if lines and lines[-1] and not _LINE.match(report.split("\n")[-1]):
        lines[-1] = f"{_BOLD}{lines[-1]}{_RESET}"  # the summary
    return "\n".join(lines)
