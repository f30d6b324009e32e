"""How long and how expensive is a prompt: :func:`measure` and its :class:`Budget`.

A budget is read from the prompt's rendering in one target, the SSML the platform is
sent: what it speaks, what the platform bills, how large the request is, and its pauses,
next to the platform's limits. docs/platforms.md ("Limits and budgets") says how each
number is counted and where each limit comes from.

>>> budget = measure({"text": "Hi", "break": {"value": "1s"}, "text2": " there"}, "polly")
>>> budget.characters, budget.billable_characters, budget.breaks, budget.pause_ms
(8, 8, 1, 1000.0)
>>> budget.ssml
'<speak>Hi<break time="1s"/> there</speak>'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree

from ttsbuilder.errors import ArgumentError
from ttsbuilder.problems import Problem, shown
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.ssml.limits import Counted, billable_characters, size_usage, spoken_text
from ttsbuilder.ssml.names import Target
from ttsbuilder.ssml.render import render_ssml_with_problems
from ttsbuilder.values import Duration

__all__ = ["Allowance", "Budget", "measure"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class Allowance(NamedTuple):
    """One limit of the target's platform: ``what`` is counted, ``used`` of ``limit``."""

    what: Counted
    used: int
    limit: int

    @property
    def exceeded(self) -> bool:
        """True when the request is over this limit (the service refuses it)."""
        return self.used > self.limit


@dataclass(frozen=True, slots=True)
class Budget:
    """What one prompt costs in one target (see :func:`measure`).

    - ``characters``: the characters it speaks (its texts, no markup);
    - ``billable_characters``: what the target's platform bills (None for ``w3c``);
    - ``ssml_bytes`` / ``ssml_characters``: the size of the SSML sent (UTF-8 bytes,
      characters);
    - ``breaks``: the ``<break>`` elements sent (a 15 s pause is two in polly and
      google), ``pause_ms``: their time plus Azure's leading and tailing silences;
    - ``duration``: seconds of audio measured by the offline preview, or None;
    - ``allowances``: the platform's size limits with what this prompt uses of them;
    - ``problems``: the document's warnings, then the rendering's (TTS6xx) and the
      platform's limits (TTS9xx);
    - ``ssml``: the rendering measured.
    """

    target: Target
    characters: int
    billable_characters: int | None
    ssml_bytes: int
    ssml_characters: int
    breaks: int
    pause_ms: float
    duration: float | None
    allowances: tuple[Allowance, ...]
    problems: tuple[Problem, ...]
    ssml: str

    @property
    def within_limits(self) -> bool:
        """True when no allowance is exceeded."""
        return not any(allowance.exceeded for allowance in self.allowances)

    def as_dict(self) -> dict[str, Any]:
        """The budget as JSON-ready data (``ttsbuilder stats --format json``)."""
        return {
            "target": self.target,
            "characters": self.characters,
            "billable_characters": self.billable_characters,
            "ssml_bytes": self.ssml_bytes,
            "ssml_characters": self.ssml_characters,
            "breaks": self.breaks,
            "pause_ms": self.pause_ms,
            "duration": self.duration,
            "allowances": [allowance._asdict() for allowance in self.allowances],
        }


def _pauses(root: Any) -> tuple[int, float]:
    """The number of breaks and the milliseconds of pauses an SSML document asks for."""
    breaks = 0
    total = 0.0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name == "break":
            breaks += 1
            time = element.get("time")
            if time is not None:
                total += Duration.parse(time).milliseconds
        elif name == "silence" and element.get("type", "").startswith(("leading", "tailing")):
            # Sentence-boundary and comma silences depend on how many there are in the
            # text as the engine reads it: not counted (docs/platforms.md).
            total += Duration.parse(element.get("value", "0ms")).milliseconds
    return breaks, total


def measure(
    document: Any,
    target: Target = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    profile: ProfileName | Profile = "enablex",
    duration: bool = False,
) -> Budget:
    """The :class:`Budget` of ``document`` rendered in ``target``.

    Takes what :func:`~ttsbuilder.ssml.render_ssml` takes and raises what it raises for
    a document with errors (``ValidationError``); a prompt over a platform's limits is
    measured all the same (``within_limits`` is False, its TTS9xx errors in
    ``problems``). ``duration=True`` also speaks it with the offline preview (the
    ``preview`` extra; without it a :class:`~ttsbuilder.errors.MissingExtraError`, also a
    :class:`~ttsbuilder.errors.PreviewError`) and
    reports the audio's length in seconds: eSpeak's pace, an estimate of the
    platform's.

    >>> budget = measure({"text": "你好"}, "azure", language="zh-CN")
    >>> budget.characters, budget.billable_characters
    (2, 4)
    >>> [tuple(a) for a in measure({"text": "Hi"}, "polly").allowances]
    [('billed characters', 2, 3000), ('characters', 17, 6000)]
    """
    if type(duration) is not bool:  # duration="no" was read as true
        raise ArgumentError(
            f"duration={shown(duration)} is not True or False", argument="duration", value=duration
        )
    ssml, problems = render_ssml_with_problems(
        document, target, voice=voice, language=language, profile=profile
    )
    root = etree.fromstring(ssml.encode(), _PARSER)
    billable = billable_characters(target, ssml, root)
    breaks, pause_ms = _pauses(root)
    seconds = None
    if duration:
        from ttsbuilder.preview import render

        # The preview speaks with eSpeak: a platform's voice name means nothing to it.
        gender = voice if voice in ("female", "male") else None
        seconds = render(document, profile=profile, voice=gender, language=language).duration
    return Budget(
        target=target,
        characters=len(spoken_text(root)),
        billable_characters=billable,
        ssml_bytes=len(ssml.encode()),
        ssml_characters=len(ssml),
        breaks=breaks,
        pause_ms=pause_ms,
        duration=seconds,
        allowances=tuple(
            Allowance(size.what, used, size.limit) for size, used in size_usage(target, ssml, root)
        ),
        problems=tuple(problems),
        ssml=ssml,
    )
