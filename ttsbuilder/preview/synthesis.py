"""Preview a prompt: validate it, have eSpeak NG speak it, and put the pauses right.

eSpeak speaks the markup of :mod:`ttsbuilder.preview.markup` into a temporary file;
the audio is then copied out with its pauses made exact (:mod:`~ttsbuilder.preview.pauses`,
:mod:`~ttsbuilder.preview.splice`), and the mark positions are moved along so the
timeline matches it. The audio is never held whole in memory by :func:`preview_wav`.

Limits: at most :data:`MAX_CHARACTERS` characters of text and :data:`MAX_SECONDS` of
audio; beyond them, :class:`~ttsbuilder.errors.PreviewError` names the limit.
"""

from __future__ import annotations

import os
import sys
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from ttsbuilder.errors import PreviewError
from ttsbuilder.model import SayAs, Text
from ttsbuilder.preview.audio import check_writable, samples_for, write_stream
from ttsbuilder.preview.engine import TooLong, get_engine
from ttsbuilder.preview.markup import END_MARK, build_markup
from ttsbuilder.preview.pauses import (
    break_edits,
    mark_positions,
    sentence_pauses,
    silence_settings,
)
from ttsbuilder.preview.source import Placed, resolve
from ttsbuilder.preview.splice import Splice
from ttsbuilder.preview.timeline import Timeline, layout
from ttsbuilder.preview.voices import check_language, check_voice
from ttsbuilder.problems import Problem, shown
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.rules.preview import PREVIEW_VOICE

__all__ = [
    "MAX_CHARACTERS",
    "MAX_SECONDS",
    "PreviewResult",
    "preview_wav",
    "render",
    "timeline",
    "voice_candidates",
]

#: The longest preview, in seconds of audio: ten minutes, Azure's own limit for one
#: real-time synthesis request.
MAX_SECONDS = 600
#: The most characters of text a preview speaks: about ten minutes of speech even at
#: the fastest rate (eSpeak NG speaks ~17 characters a second, ~33 at ``x-fast``).
MAX_CHARACTERS = 20_000
_SPOOL_BYTES = 4 * 1024 * 1024
_NO_MEMORY = (
    "not enough memory to preview this prompt: preview it in parts "
    f"(at most {MAX_CHARACTERS:,} characters, {MAX_SECONDS // 60} minutes)"
)

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

    ``samples`` is the audio (16-bit, native byte order) from :func:`render`; None from
    :func:`preview_wav`, which streams it to the file instead of keeping it.
    """

    path: str | None
    duration: float
    timeline: Timeline
    problems: tuple[Problem, ...]
    voice: str
    sample_rate: int
    samples: array[int] | None = field(repr=False, compare=False)


def _check_size(placed: Sequence[Placed]) -> None:
    length = sum(len(item.node.text) for item in placed if isinstance(item.node, (Text, SayAs)))
    if length > MAX_CHARACTERS:
        raise PreviewError(
            f"the prompt has {length:,} characters of text; the preview speaks at most "
            f"{MAX_CHARACTERS:,} (about {MAX_SECONDS // 60} minutes even at the fastest "
            "rate): preview it in parts"
        )


_TOO_LONG = (
    f"the preview would last longer than its maximum of {MAX_SECONDS // 60} minutes "
    f"({MAX_SECONDS} s): preview the prompt in parts"
)


@dataclass(frozen=True)
class _Prepared:
    splice: Splice
    timeline: Timeline
    problems: tuple[Problem, ...]
    voice: str
    sample_rate: int


def _prepare(
    document: Any,
    raw: BinaryIO,
    *,
    profile: ProfileName | Profile,
    voice: str | None,
    language: str | None,
) -> _Prepared:
    """Speak ``document`` into ``raw`` (the engine's samples) and plan the output."""
    check_voice(voice)
    source = resolve(document, profile=profile, language=check_language(language), voice=voice)
    placed = source.placed
    _check_size(placed)
    markup = build_markup(placed)
    settings, silence_problems = silence_settings(placed)
    engine = get_engine()
    if source.voice not in (None, "male", "female") and engine.voices.find(source.voice) is None:
        raise PreviewError(
            f"eSpeak NG has no voice {shown(source.voice)}: use 'male', 'female' or a voice "
            f"it lists, such as {engine.voices.examples()}"
        )
    candidates = voice_candidates(source.language, source.voice)
    limit = MAX_SECONDS * engine.sample_rate
    try:
        spoken = engine.synthesize(markup.ssml, candidates, raw, max_samples=limit)
    except TooLong:
        raise PreviewError(_TOO_LONG) from None
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
    end = min(max(spoken.marks.get(END_MARK, spoken.length), 0), spoken.length)
    marks = mark_positions(spoken, markup.ssml, len(placed))
    runs = break_edits(placed, marks, raw=raw, end=end, sample_rate=rate)
    extra = (
        samples_for(settings["sentenceboundary"][1], rate) if "sentenceboundary" in settings else 0
    )
    edits = sentence_pauses(runs, spoken.sentences if extra else (), extra, end)
    lead = samples_for(settings["leading"][1], rate) if "leading" in settings else 0
    tail = samples_for(settings["tailing"][1], rate) if "tailing" in settings else 0
    splice = Splice(edits, end=end, lead=lead, tail=tail)
    if splice.length > limit:
        raise PreviewError(_TOO_LONG)

    starts = {index: splice.position(at) for index, at in marks.items()}
    where = {id(edit): index for index, edit in enumerate(edits)}
    for run in runs:
        at = splice.start_of(where[id(run.edit)])
        starts.update({index: at + offset for index, offset in run.offsets.items()})
        if run.following is not None:
            starts[run.following] = at + run.edit.zeros
    speech_end = splice.position(end)
    spans: dict[int, tuple[int, int]] = {}
    if "leading" in settings:
        spans[settings["leading"][0]] = (0, lead)
    if "tailing" in settings:
        spans[settings["tailing"][0]] = (speech_end, splice.length)
    line = layout(
        placed,
        starts,
        spans,
        speech=(lead, speech_end),
        total=splice.length,
        sample_rate=rate,
        voice=spoken.voice,
    )
    return _Prepared(splice, line, tuple(problems), spoken.voice, rate)


def _spooled() -> BinaryIO:
    # The engine's samples: in memory while small, then in a temporary file.
    return cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES))


def render(
    document: Any,
    *,
    profile: ProfileName | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> PreviewResult:
    """Preview ``document`` in memory: ``samples`` holds the audio, ``path`` is None.

    Same arguments, limits and exceptions as :func:`preview_wav`.
    """
    try:
        with _spooled() as raw:
            plan = _prepare(document, raw, profile=profile, voice=voice, language=language)
            samples = array("h")
            plan.splice.copy(raw, samples.frombytes)
    except MemoryError:
        raise PreviewError(_NO_MEMORY) from None
    if sys.byteorder == "big":
        samples.byteswap()
    line = plan.timeline
    return PreviewResult(
        None, line.duration, line, plan.problems, plan.voice, plan.sample_rate, samples
    )


def preview_wav(
    document: Any,
    path: str | os.PathLike[str] | BinaryIO,
    *,
    profile: ProfileName | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> PreviewResult:
    """Speak ``document`` offline with eSpeak NG into a 16-bit mono WAV file at ``path``.

    ``document`` is a tree dict, a play or dial-out body, or a model ``Tree``;
    ``language`` (``en-US``) and ``voice`` (``male``/``female``) fill in what the payload
    does not say (its own win, as in ``render_ssml``); an eSpeak voice name always wins.
    ``language`` must be a BCP 47 tag and ``voice`` ``male``, ``female`` or a voice name
    eSpeak NG lists (``en-us``, ``en-us+f3``): anything else is a PreviewError, and
    never reaches the engine.

    Raises :class:`~ttsbuilder.errors.ValidationError` if the document has errors and
    :class:`~ttsbuilder.errors.PreviewError` for a bad ``language`` or ``voice``, a
    prompt over the limits (:data:`MAX_CHARACTERS`, :data:`MAX_SECONDS`), a missing
    ``preview`` extra, or a file that cannot be written (a directory, a missing folder,
    a text-mode file object). The audio is streamed to the file, not held in memory. A
    path is written atomically (a temporary file beside it, then renamed), so a failure
    never leaves a half-written WAV behind; a device such as ``/dev/null`` is written
    directly, as ``ttsbuilder preview -o`` does.

    >>> prompt = {"text": "Hello", "break": {"value": "1.5s"}}
    >>> result = preview_wav(prompt, "hi.wav")  # doctest: +SKIP
    >>> round(result.duration, 1), result.timeline.entries[1].kind  # doctest: +SKIP
    (2.0, 'break')
    """
    target: str | Path | BinaryIO = Path(path) if isinstance(path, (str, os.PathLike)) else path
    check_writable(target)  # before the synthesis, which is the slow part
    try:
        with _spooled() as raw:
            plan = _prepare(document, raw, profile=profile, voice=voice, language=language)
            write_stream(
                target,
                lambda write: plan.splice.copy(raw, write),
                frames=plan.splice.length,
                sample_rate=plan.sample_rate,
            )
    except MemoryError:
        raise PreviewError(_NO_MEMORY) from None
    line = plan.timeline
    written = str(target) if isinstance(target, Path) else None
    return PreviewResult(
        written, line.duration, line, plan.problems, plan.voice, plan.sample_rate, None
    )


def timeline(
    document: Any,
    *,
    profile: ProfileName | Profile = "enablex",
    voice: str | None = None,
    language: str | None = None,
) -> Timeline:
    """Where each node of ``document`` starts and ends when spoken, and the total duration.

    Same arguments and exceptions as :func:`preview_wav`, but no file is written.

    >>> line = timeline({"text": "Hello", "break": {"value": "500ms"}})  # doctest: +SKIP
    >>> [(e.kind, round(e.duration, 1)) for e in line.entries][1]  # doctest: +SKIP
    ('break', 0.5)
    """
    try:
        with _spooled() as raw:
            return _prepare(document, raw, profile=profile, voice=voice, language=language).timeline
    except MemoryError:
        raise PreviewError(_NO_MEMORY) from None
