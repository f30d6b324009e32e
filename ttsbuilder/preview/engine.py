"""A minimal ctypes binding to eSpeak NG, as shipped by the ``espeakng-loader`` package.

The engine has process-wide state (one voice, one callback), so every call goes through
one lock. It is initialized once, lazily, in synchronous mode with the loader's data
directory. A URI callback that refuses everything is installed before any synthesis:
eSpeak would otherwise open the local files named by ``<audio src>``.

>>> from ttsbuilder.preview.engine import get_engine
>>> result = get_engine().synthesize(b"<speak>Hi</speak>", ["en-us"])  # doctest: +SKIP
>>> result.sample_rate  # doctest: +SKIP
22050
"""

from __future__ import annotations

import ctypes
import sys
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ttsbuilder._extras import require
from ttsbuilder.errors import MissingExtraError, PreviewError
from ttsbuilder.preview.voices import VoiceNames, list_voices

__all__ = ["INSTALL_HINT", "Engine", "Sink", "Synthesis", "TooLong", "get_engine"]

INSTALL_HINT = "pip install 'ttsbuilder[preview]'"

# speak_lib.h constants (eSpeak NG 1.5x).
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_SSML = 0x10
_POS_CHARACTER = 1
_PARAM_RATE, _PARAM_VOLUME, _PARAM_PITCH, _PARAM_RANGE = 1, 2, 3, 4
_EVENT_LIST_TERMINATED, _EVENT_WORD, _EVENT_SENTENCE, _EVENT_MARK = 0, 1, 2, 3
_NORMAL_RATE_WPM = 175


class _EventId(ctypes.Union):
    _fields_ = (
        ("number", ctypes.c_int),
        ("name", ctypes.c_char_p),
        ("string", ctypes.c_char * 8),
    )


class _Event(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    )


_SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)
_URI_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p)


class Sink(Protocol):
    """Where the engine's audio goes as it is made: native-order 16-bit samples, in bytes."""

    def write(self, data: bytes, /) -> object: ...


class TooLong(PreviewError):
    """The speech ran past the ``max_samples`` given to :meth:`Engine.synthesize`."""


@dataclass
class Synthesis:
    """What one call produced: its ``length`` in samples, and where events fell (in samples).

    ``samples`` holds the audio when no sink was given. ``marks`` maps each
    ``<mark name>`` to its sample position; ``sentences`` lists the
    positions where eSpeak started a sentence; ``words`` lists (character position in
    the SSML text, 1-based; sample position) of each word; ``voice`` is the voice used.
    """

    sample_rate: int
    voice: str
    samples: array[int] = field(default_factory=lambda: array("h"))
    length: int = 0
    marks: dict[str, int] = field(default_factory=dict)
    sentences: list[int] = field(default_factory=list)
    words: list[tuple[int, int]] = field(default_factory=list)


class _StartError(PreviewError):
    """espeak_Initialize failed; it is not retried (initializing twice is not safe)."""


class _MissingExtra(MissingExtraError, PreviewError):
    """The ``preview`` extra is missing: the package's promise (a :class:`MissingExtraError`
    naming the extra) and the preview's own (a :class:`PreviewError`), so either catch works."""


def _load_library() -> tuple[ctypes.CDLL, bytes]:
    try:
        espeakng_loader = require("espeakng_loader", extra="preview", feature="audio preview")
    except MissingExtraError as exc:
        raise _MissingExtra(exc.feature, "espeakng_loader", exc.extra) from None
    try:
        library = ctypes.CDLL(espeakng_loader.get_library_path())
        data_path = str(espeakng_loader.get_data_path()).encode()
    except (OSError, RuntimeError) as exc:
        raise PreviewError(f"cannot load eSpeak NG ({exc}); reinstall: {INSTALL_HINT}") from None
    return library, data_path


def _declare(library: ctypes.CDLL) -> None:
    library.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    library.espeak_Initialize.restype = ctypes.c_int
    library.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    library.espeak_SetSynthCallback.restype = None
    library.espeak_SetUriCallback.argtypes = [_URI_CALLBACK]
    library.espeak_SetUriCallback.restype = None
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    library.espeak_SetVoiceByName.restype = ctypes.c_int
    library.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    library.espeak_SetParameter.restype = ctypes.c_int
    library.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    library.espeak_Synth.restype = ctypes.c_int


class Engine:
    """The loaded eSpeak NG library. Use :func:`get_engine`; it is shared by the process."""

    def __init__(self) -> None:
        library, data_path = _load_library()
        _declare(library)
        rate = library.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path, _INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise _StartError(
                f"eSpeak NG did not start with data {data_path.decode(errors='replace')!r}; "
                f"reinstall: {INSTALL_HINT}"
            )
        self._library = library
        self.sample_rate: int = rate
        #: URIs eSpeak asked to open (and was refused), for inspection.
        self.refused_uris: list[str] = []
        self._current: Synthesis | None = None
        self._sink: Sink | None = None
        self._max_samples = sys.maxsize
        self._failure: BaseException | None = None
        self._voices: VoiceNames | None = None
        # ctypes callbacks must stay referenced as long as the library may call them.
        self._synth_callback = _SYNTH_CALLBACK(self._on_audio)
        self._uri_callback = _URI_CALLBACK(self._on_uri)
        library.espeak_SetUriCallback(self._uri_callback)
        library.espeak_SetSynthCallback(self._synth_callback)

    def _on_uri(self, kind: int, uri: bytes | None, base: bytes | None) -> int:
        self.refused_uris.append((uri or b"").decode("utf-8", "replace"))
        return 1  # 1 = do not fetch it; speak the element's text instead

    def _on_audio(
        self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: ctypes._Pointer[_Event]
    ) -> int:
        current = self._current
        if current is None:
            return 1
        try:
            if count > 0 and wav:
                if current.length + count > self._max_samples:
                    self._failure = TooLong(f"longer than {self._max_samples} samples")
                    return 1  # 1 = stop synthesizing
                data = ctypes.string_at(wav, count * 2)
                if self._sink is None:
                    current.samples.frombytes(data)
                else:
                    self._sink.write(data)
                current.length += count
            index = 0
            while events[index].type != _EVENT_LIST_TERMINATED:
                event = events[index]
                if event.type == _EVENT_MARK and event.id.name:
                    current.marks[event.id.name.decode("utf-8", "replace")] = event.sample
                elif event.type == _EVENT_SENTENCE:
                    current.sentences.append(event.sample)
                elif event.type == _EVENT_WORD:
                    current.words.append((event.text_position, event.sample))
                index += 1
        except Exception as exc:  # an exception must not unwind through C
            self._failure = exc
            return 1
        return 0

    @property
    def voices(self) -> VoiceNames:
        """The voice and variant names this engine lists (read once)."""
        with LOCK:
            if self._voices is None:
                self._voices = list_voices(self._library)
            return self._voices

    def select_voice(self, candidates: Sequence[str]) -> str | None:
        """The first of ``candidates`` the engine lists and accepts, now selected; or None.

        A name the engine does not list never reaches it: eSpeak would read it as a path.
        Call only while holding :data:`LOCK` (``synthesize`` does).
        """
        for candidate in candidates:
            name = self.voices.find(candidate)
            if name is not None and self._library.espeak_SetVoiceByName(name.encode()) == 0:
                return name
        return None

    def synthesize(
        self,
        ssml: bytes,
        voices: Sequence[str],
        sink: Sink | None = None,
        *,
        max_samples: int = sys.maxsize,
    ) -> Synthesis:
        """Speak the SSML document ``ssml`` (UTF-8) with the first usable voice of ``voices``.

        The audio is written to ``sink`` as it is made (kept in ``samples`` without one).
        Raises :class:`TooLong` when it would pass ``max_samples``, and
        :class:`PreviewError` if no voice is usable or the engine fails.
        """
        with LOCK:
            voice = self.select_voice(voices)
            if voice is None:
                raise PreviewError(f"eSpeak NG has none of the voices {', '.join(voices)}")
            library = self._library
            library.espeak_SetParameter(_PARAM_RATE, _NORMAL_RATE_WPM, 0)
            library.espeak_SetParameter(_PARAM_VOLUME, 100, 0)
            library.espeak_SetParameter(_PARAM_PITCH, 50, 0)
            library.espeak_SetParameter(_PARAM_RANGE, 50, 0)
            result = Synthesis(self.sample_rate, voice)
            self._current, self._failure = result, None
            self._sink, self._max_samples = sink, max_samples
            try:
                status = library.espeak_Synth(
                    ssml, len(ssml) + 1, 0, _POS_CHARACTER, 0, _SSML | _CHARS_UTF8, None, None
                )
            finally:
                self._current, self._sink = None, None
            failure = self._failure
            if isinstance(failure, PreviewError):
                raise failure
            if isinstance(failure, MemoryError):
                raise PreviewError("not enough memory for the preview's audio") from None
            if isinstance(failure, OSError):
                raise PreviewError(f"cannot write the audio: {failure.strerror or failure}")
            if failure is not None:
                raise PreviewError(f"eSpeak NG callback failed: {failure!r}")
            if status != 0:
                raise PreviewError(f"eSpeak NG could not synthesize (error {status})")
            return result


#: Serializes every use of the engine: eSpeak NG keeps global state.
LOCK = threading.RLock()
_ENGINE: Engine | None = None
_FAILED: PreviewError | None = None


def get_engine() -> Engine:
    """The process's eSpeak NG engine, loaded on first use.

    Raises :class:`PreviewError` when the ``preview`` extra is not installed.
    """
    global _ENGINE, _FAILED
    with LOCK:
        if _FAILED is not None:
            raise _FAILED
        if _ENGINE is None:
            try:
                _ENGINE = Engine()
            except _StartError as exc:
                _FAILED = exc
                raise
        return _ENGINE
