"""Which eSpeak NG voices exist, and the checks that keep every other string away from it.

eSpeak NG opens ``<data>/voices/<name>`` for a voice name it does not know, and
``voices/!v/<variant>`` for the part after ``+``: a name such as ``../../etc/passwd``
makes it read (and crash on) any file. So no name reaches ``espeak_SetVoiceByName``
unless the engine itself listed it (``espeak_ListVoices``): a voice is the last part of
a listed voice's identifier (``en-us`` for ``gmw/en-US``), optionally followed by ``+``
and a listed variant (``en-us+f3``). A ``language`` argument must be a BCP 47 tag by
shape before it is turned into candidate voice names at all.

>>> names = VoiceNames(frozenset({"en-us", "es"}), {"f3": "f3", "alex": "Alex"})
>>> names.find("EN-US+alex"), names.find("en-us+f9"), names.find("../etc/passwd")
('en-us+Alex', None, None)
>>> check_language("es-419")
'es-419'
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ttsbuilder.errors import PreviewError
from ttsbuilder.problems import shown
from ttsbuilder.rules.payloads import LANGUAGE_TAG

__all__ = ["VoiceNames", "check_language", "check_voice", "list_voices"]

#: Longer voice arguments are refused before any lookup (eSpeak's own buffer is 40 bytes).
MAX_VOICE_LENGTH = 40


class _Voice(ctypes.Structure):
    # espeak_VOICE in speak_lib.h; ``languages`` is a list of (priority byte, string).
    _fields_ = (
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    )


@dataclass(frozen=True, slots=True)
class VoiceNames:
    """The voice names the engine listed (lower case) and its variants (lower → listed)."""

    voices: frozenset[str]
    variants: Mapping[str, str]

    def find(self, name: str) -> str | None:
        """``name`` spelled as the engine lists it, or None if it lists no such voice."""
        voice, plus, variant = name.lower().partition("+")
        if voice not in self.voices:
            return None
        if not plus:
            return voice
        listed = self.variants.get(variant)
        return f"{voice}+{listed}" if listed is not None else None

    def examples(self) -> str:
        """A few listed names, for messages."""
        shown_voices = [v for v in ("en-us", "en", "es", "de") if v in self.voices]
        return ", ".join([*shown_voices, "en-us+f3"] if "f3" in self.variants else shown_voices)


def _identifiers(library: Any, spec: Any) -> Iterator[str]:
    listed = library.espeak_ListVoices(spec)
    index = 0
    while listed and listed[index]:
        identifier = listed[index].contents.identifier
        if identifier:
            yield identifier.decode("utf-8", "replace")
        index += 1


def list_voices(library: Any) -> VoiceNames:
    """The voices and variants of the loaded eSpeak NG ``library`` (call under its lock)."""
    library.espeak_ListVoices.argtypes = [ctypes.POINTER(_Voice)]
    library.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
    voices = frozenset(
        identifier.rsplit("/", 1)[-1].lower() for identifier in _identifiers(library, None)
    )
    wanted = ctypes.create_string_buffer(b"variant")
    spec = _Voice(languages=ctypes.cast(wanted, ctypes.c_void_p))
    variants = {}
    for identifier in _identifiers(library, ctypes.pointer(spec)):
        name = identifier.rsplit("/", 1)[-1]
        variants[name.lower()] = name
    # Only plain names: a listed identifier is never a path, but be sure of it.
    safe = frozenset(v for v in voices if v and v.replace("-", "").replace("_", "").isalnum())
    return VoiceNames(safe, {k: v for k, v in variants.items() if k.isalnum()})


def check_language(language: object) -> str | None:
    """``language`` if it is None or a BCP 47 tag by shape, else :class:`PreviewError`.

    >>> check_language("../../etc/passwd")
    Traceback (most recent call last):
    ...
    ttsbuilder.errors.PreviewError: language '../../etc/passwd' is not a BCP 47 tag like 'en-US'
    """
    if language is None:
        return None
    if type(language) is not str or LANGUAGE_TAG.fullmatch(language) is None:
        raise PreviewError(f"language {shown(language)} is not a BCP 47 tag like 'en-US'")
    return language


def check_voice(voice: object) -> str | None:
    """``voice`` if it is None or a string short enough to look up, else PreviewError.

    Whether the engine has it is checked by :meth:`VoiceNames.find`.
    """
    if voice is None:
        return None
    if type(voice) is not str or not voice or len(voice) > MAX_VOICE_LENGTH:
        raise PreviewError(
            f"voice {shown(voice)} is not allowed: use 'male', 'female' or an eSpeak NG "
            "voice name such as 'en-us' or 'en-us+f3'"
        )
    return voice
