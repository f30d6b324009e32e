"""Preview a prompt: validate it, have eSpeak NG speak it, and put the pauses right.

eSpeak speaks the markup of :mod:`ttsbuilder.preview.markup`; this module then cuts
eSpeak's own end-of-utterance pause (at the ``end`` mark), inserts the silence nodes'
samples, and moves the mark positions along so the timeline matches the audio.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from ttsbuilder.model import Silence
from ttsbuilder.preview.audio import check_writable, samples_for, silence, write_wav
from ttsbuilder.preview.engine import Synthesis, get_engine
from ttsbuilder.preview.markup import END_MARK, build_markup, mark_name, mark_offsets
from ttsbuilder.preview.source import Placed, resolve
from ttsbuilder.preview.timeline import Timeline, layout
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import Profile
from ttsbuilder.rules.preview import PREVIEW_SILENCE, PREVIEW_VOICE

__all__ = ["PreviewResult", "preview_wav", "render", "timeline", "voice_candidates"]

DEFAULT_VOICE = "en-us"
# Languages whose eSpeak voice is not named after the BCP 47 primary subtag.
_ESPEAK_NAMES = {"zh": "cmn", "nb": "nb", "no": "nb", "fil": "tl"}
_FEMALE_VARIANT = "+f3"


def voice_candidates(language: str | None, voice: str | None) -> list[str]:
    """eSpeak voice names to try for a payload ``language`` and ``voice``, best first.

    ``voice`` is ``male``/``female`` (the payload's) or an eSpeak voice name, tried first.

    >>> voice_candidates("es-ES", "female")
    ['es-es+f3', 'es+f3', 'en-us+f3', 'en-us']
    """
    tag = (language or "en-US").lower()
    primary = tag.split("-")[0]
    variant = _FEMALE_VARIANT if voice == "female" else ""
    names = [tag, primary, _ESPEAK_NAMES.get(primary, primary), DEFAULT_VOICE]
    found = [name + variant for name in names]
    if voice not in (None, "male", "female"):
        found.insert(0, str(voice))
    found.append(DEFAULT_VOICE)
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class PreviewResult:
    """A finished preview: the WAV ``path`` (None for a file object), its ``duration`` in
    seconds, the :class:`Timeline`, the eSpeak ``voice`` used, and ``problems``: the
    document's warnings and what the preview could not reproduce (TTS7xx).
    """

    path: str | None
    duration: float
    timeline: Timeline
    problems: tuple[Problem, ...]
    voice: str
    sample_rate: int
    samples: array[int] = field(repr=False, compare=False)


def _silence_settings(
    placed: Sequence[Placed],
) -> tuple[dict[str, tuple[int, float]], list[Problem]]:
    """The leading/tailing/sentenceboundary silence to apply (the last of each wins)."""
    settings: dict[str, tuple[int, float]] = {}
    problems: list[Problem] = []
    for index, item in enumerate(placed):
        node = item.node
        if not isinstance(node, Silence):
            continue
        kind = node.type.lower()
        slot = kind.removesuffix("-exact")
        if slot in ("leading", "tailing", "sentenceboundary"):
            settings[slot] = (index, node.value.milliseconds)
        if kind == "sentenceboundary-exact":
            problems.append(
                PREVIEW_SILENCE.problem(
                    item.pointer,
                    f"{node.type} {node.value.text} is previewed as extra silence added "
                    "to eSpeak NG's own sentence pause, not as an exact pause",
                )
            )
        elif slot not in ("leading", "tailing", "sentenceboundary"):
            problems.append(
                PREVIEW_SILENCE.problem(
                    item.pointer,
                    f"{node.type} silence is not previewed: eSpeak NG keeps its own pauses "
                    "at punctuation",
                )
            )
    return settings, problems


def _mark_positions(spoken: Synthesis, ssml: bytes, count: int) -> dict[int, int]:
    """The sample where each node's mark fell, in the engine's stream.

    eSpeak drops a mark that follows a full stop (it looks ahead for an abbreviation).
    Such a node starts where the first word after its mark starts, provided that is not
    past the next mark eSpeak did report.
    """
    found = {i: spoken.marks[mark_name(i)] for i in range(count) if mark_name(i) in spoken.marks}
    if len(found) == count:
        return found
    offsets = mark_offsets(ssml)
    ceiling = spoken.marks.get(END_MARK, len(spoken.samples))
    for index in reversed(range(count)):
        if index in found:
            ceiling = found[index]
        elif mark_name(index) in offsets:
            after = offsets[mark_name(index)] + 1  # eSpeak counts characters from 1
            word = next((at for position, at in spoken.words if position > after), None)
            if word is not None and word <= ceiling:
                found[index] = ceiling = word
    return found


def render(
    document: Any,
    *,
    profile: str | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> PreviewResult:
    """Preview ``document`` in memory (``path`` is None); see :func:`preview_wav`."""
    source = resolve(document, profile=profile, language=language, voice=voice)
    placed = source.placed
    markup = build_markup(placed)
    settings, silence_problems = _silence_settings(placed)
    engine = get_engine()
    candidates = voice_candidates(source.language, source.voice)
    spoken = engine.synthesize(markup.ssml, candidates)
    rate = spoken.sample_rate

    problems = [*source.problems, *markup.problems, *silence_problems]
    fell_back = spoken.voice.split("+")[0] == DEFAULT_VOICE
    if fell_back and not (source.language or "en").lower().startswith("en"):
        problems.append(
            PREVIEW_VOICE.problem(
                source.language_pointer,
                f"eSpeak NG has no voice for language {source.language!r}: "
                f"previewed with {spoken.voice!r}",
            )
        )

    # eSpeak ends every utterance with ~300 ms of its own: cut it, so a final break
    # or tailing silence lasts what the tree says.
    end = min(max(spoken.marks.get(END_MARK, len(spoken.samples)), 0), len(spoken.samples))
    extra = (
        samples_for(settings["sentenceboundary"][1], rate) if "sentenceboundary" in settings else 0
    )
    cuts = sorted({p for p in spoken.sentences if 0 < p < end}) if extra else []
    lead = silence(settings["leading"][1], rate) if "leading" in settings else array("h")
    tail = silence(settings["tailing"][1], rate) if "tailing" in settings else array("h")

    samples = array("h", lead)
    previous = 0
    for cut in cuts:
        samples.extend(spoken.samples[previous:cut])
        samples.extend(array("h", bytes(2 * extra)))
        previous = cut
    samples.extend(spoken.samples[previous:end])
    speech_end = len(samples)
    samples.extend(tail)

    def moved(position: int) -> int:
        position = min(max(position, 0), end)
        return len(lead) + position + extra * sum(1 for cut in cuts if cut <= position)

    starts = {
        index: moved(at) for index, at in _mark_positions(spoken, markup.ssml, len(placed)).items()
    }
    spans: dict[int, tuple[int, int]] = {}
    if "leading" in settings:
        spans[settings["leading"][0]] = (0, len(lead))
    if "tailing" in settings:
        spans[settings["tailing"][0]] = (speech_end, len(samples))
    line = layout(
        placed,
        starts,
        spans,
        speech=(len(lead), speech_end),
        total=len(samples),
        sample_rate=rate,
        voice=spoken.voice,
    )
    return PreviewResult(None, line.duration, line, tuple(problems), spoken.voice, rate, samples)


def preview_wav(
    document: Any,
    path: str | os.PathLike[str] | BinaryIO,
    *,
    profile: str | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> PreviewResult:
    """Speak ``document`` offline with eSpeak NG into a 16-bit mono WAV file at ``path``.

    ``document`` is a tree dict, a play or dial-out body, or a model ``Tree``;
    ``language`` (``en-US``) and ``voice`` (``male``/``female``) fill in what the payload
    does not say (its own win, as in ``render_ssml``); an eSpeak voice name always wins.
    Raises :class:`~ttsbuilder.errors.ValidationError` if the
    document has errors and :class:`~ttsbuilder.errors.PreviewError` if the ``preview``
    extra is missing or the file cannot be written (a directory, a missing folder, a
    text-mode file object). A path is written atomically (a temporary file beside it,
    then renamed), so a failure never leaves a half-written WAV behind; a device such
    as ``/dev/null`` is written directly, as ``ttsbuilder preview -o`` does.

    >>> prompt = {"text": "Hello", "break": {"value": "1.5s"}}
    >>> result = preview_wav(prompt, "hi.wav")  # doctest: +SKIP
    >>> round(result.duration, 1), result.timeline.entries[1].kind  # doctest: +SKIP
    (2.0, 'break')
    """
    target: str | Path | BinaryIO = Path(path) if isinstance(path, (str, os.PathLike)) else path
    check_writable(target)  # before the synthesis, which is the slow part
    result = render(document, profile=profile, voice=voice, language=language)
    write_wav(target, result.samples, result.sample_rate)
    return replace(result, path=str(target) if isinstance(target, Path) else None)


def timeline(
    document: Any,
    *,
    profile: str | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> Timeline:
    """Where each node of ``document`` starts and ends when spoken, and the total duration.

    Same arguments and exceptions as :func:`preview_wav`, but no file is written.

    >>> line = timeline({"text": "Hello", "break": {"value": "500ms"}})  # doctest: +SKIP
    >>> [(e.kind, round(e.duration, 1)) for e in line.entries][1]  # doctest: +SKIP
    ('break', 0.5)
    """
    return render(document, profile=profile, voice=voice, language=language).timeline
