"""Hear a prompt before you ship it: an offline preview with eSpeak NG, and its timeline.

Needs the ``preview`` extra (``pip install 'ttsbuilder[preview]'``), which installs
``espeakng-loader``: the eSpeak NG library (GPL-3.0) and its voice data, loaded at run
time only. Without it, previewing raises :class:`~ttsbuilder.errors.MissingExtraError`
(also a :class:`~ttsbuilder.errors.PreviewError`) saying how to get it. See
``docs/preview.md``.

>>> from ttsbuilder.preview import preview_wav
>>> prompt = {"text": "Hello", "break": {"value": "1.5s"}}
>>> result = preview_wav(prompt, "hello.wav")  # doctest: +SKIP
>>> print(result.timeline.to_text())  # doctest: +SKIP
"""

from __future__ import annotations

from ttsbuilder.preview.synthesis import (
    MAX_CHARACTERS,
    MAX_SECONDS,
    PreviewResult,
    preview_wav,
    render,
    timeline,
)
from ttsbuilder.preview.timeline import Timeline, TimelineEntry

__all__ = [
    "MAX_CHARACTERS",
    "MAX_SECONDS",
    "PreviewResult",
    "Timeline",
    "TimelineEntry",
    "preview_wav",
    "render",
    "timeline",
]
