"""The voice an Azure rendering speaks with: a default table from (language, voice) to a name.

A play payload says ``language`` (``en-US``) and ``voice`` (``male`` or ``female``);
Azure SSML needs a voice *name*. :data:`DEFAULT_VOICES` maps the common locales to
Azure neural voices. Change an entry for the whole process with
:func:`set_default_voice`, or pass ``voice="en-US-AriaNeural"`` to one
:func:`~ttsbuilder.ssml.render_ssml` call.

>>> default_voice("en-US", "female")
'en-US-JennyNeural'
>>> set_default_voice("en-US", "female", "en-US-AriaNeural")
>>> default_voice("en-us", "female")
'en-US-AriaNeural'
>>> reset_default_voices()
>>> default_voice("xx-YY", "male") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ttsbuilder.errors import ArgumentError
from ttsbuilder.problems import shown

__all__ = [
    "DEFAULT_LANGUAGE",
    "DEFAULT_VOICES",
    "GENDERS",
    "default_voice",
    "is_voice_name",
    "reset_default_voices",
    "set_default_voice",
    "table_version",
    "voice_locale",
    "voice_table",
]

#: The language of a tree that names none (a bare tree, a play body without ``language``).
DEFAULT_LANGUAGE = "en-US"
#: The ``voice`` values of a play payload; a rendering without one speaks ``female``.
GENDERS: tuple[str, ...] = ("female", "male")

_BUILT_IN: dict[str, tuple[str, str]] = {
    # locale: (female, male) — Azure neural voices generally available in every region.
    "ar-SA": ("ar-SA-ZariyahNeural", "ar-SA-HamedNeural"),
    "de-DE": ("de-DE-KatjaNeural", "de-DE-ConradNeural"),
    "en-AU": ("en-AU-NatashaNeural", "en-AU-WilliamNeural"),
    "en-CA": ("en-CA-ClaraNeural", "en-CA-LiamNeural"),
    "en-GB": ("en-GB-SoniaNeural", "en-GB-RyanNeural"),
    "en-IN": ("en-IN-NeerjaNeural", "en-IN-PrabhatNeural"),
    "en-US": ("en-US-JennyNeural", "en-US-GuyNeural"),
    "es-ES": ("es-ES-ElviraNeural", "es-ES-AlvaroNeural"),
    "es-MX": ("es-MX-DaliaNeural", "es-MX-JorgeNeural"),
    "fr-CA": ("fr-CA-SylvieNeural", "fr-CA-JeanNeural"),
    "fr-FR": ("fr-FR-DeniseNeural", "fr-FR-HenriNeural"),
    "hi-IN": ("hi-IN-SwaraNeural", "hi-IN-MadhurNeural"),
    "it-IT": ("it-IT-ElsaNeural", "it-IT-DiegoNeural"),
    "ja-JP": ("ja-JP-NanamiNeural", "ja-JP-KeitaNeural"),
    "ko-KR": ("ko-KR-SunHiNeural", "ko-KR-InJoonNeural"),
    "nl-NL": ("nl-NL-ColetteNeural", "nl-NL-MaartenNeural"),
    "pl-PL": ("pl-PL-AgnieszkaNeural", "pl-PL-MarekNeural"),
    "pt-BR": ("pt-BR-FranciscaNeural", "pt-BR-AntonioNeural"),
    "pt-PT": ("pt-PT-RaquelNeural", "pt-PT-DuarteNeural"),
    "ru-RU": ("ru-RU-SvetlanaNeural", "ru-RU-DmitryNeural"),
    "sv-SE": ("sv-SE-SofieNeural", "sv-SE-MattiasNeural"),
    "tr-TR": ("tr-TR-EmelNeural", "tr-TR-AhmetNeural"),
    "zh-CN": ("zh-CN-XiaoxiaoNeural", "zh-CN-YunxiNeural"),
}

#: The built-in table: (locale, ``female``/``male``) → Azure neural voice name.
DEFAULT_VOICES: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        (locale, gender): name
        for locale, names in _BUILT_IN.items()
        for gender, name in zip(GENDERS, names, strict=True)
    }
)

# Lookups ignore the case of the language tag (BCP 47 tags are case-insensitive).
_BY_KEY: dict[tuple[str, str], str] = {(k[0].lower(), k[1]): v for k, v in DEFAULT_VOICES.items()}
_OVERRIDES: dict[tuple[str, str], str] = {}
_OVERRIDE_LABELS: dict[tuple[str, str], str] = {}
_VERSION = [0]
_VOICE_NAME = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)+")


def _gender(voice: object) -> str:
    if type(voice) is not str or voice not in GENDERS:
        raise ArgumentError(
            f"voice={shown(voice)} is not allowed: use 'female' or 'male'",
            argument="voice",
            value=voice,
        )
    return voice


def _language(language: object) -> str:
    if type(language) is not str or not language:
        raise ArgumentError(
            f"language={shown(language)} is not a language tag like 'en-US'",
            argument="language",
            value=language,
        )
    return language.lower()


def default_voice(language: str, voice: str = "female") -> str | None:
    """The voice name for ``language`` and ``voice`` (``female``/``male``), or None.

    >>> default_voice("de-DE", "male"), default_voice("zh-Hans-CN")
    ('de-DE-ConradNeural', 'zh-CN-XiaoxiaoNeural')
    """
    key = (_language(language), _gender(voice))
    found = _OVERRIDES.get(key) or _BY_KEY.get(key)
    if found is None:
        # A script subtag does not change the voice: zh-Hans-CN speaks as zh-CN.
        parts = key[0].split("-")
        if len(parts) == 3 and len(parts[1]) == 4:
            shorter = (f"{parts[0]}-{parts[2]}", key[1])
            found = _OVERRIDES.get(shorter) or _BY_KEY.get(shorter)
    return found


def set_default_voice(language: str, voice: str, name: str | None) -> None:
    """Speak ``language``/``voice`` with ``name`` in every later rendering; None restores it.

    >>> set_default_voice("en-NZ", "female", "en-NZ-MollyNeural")
    >>> default_voice("en-NZ")
    'en-NZ-MollyNeural'
    >>> set_default_voice("en-NZ", "female", None)
    """
    key = (_language(language), _gender(voice))
    if name is not None and not is_voice_name(name):
        raise ArgumentError(
            f"name={shown(name)} is not an Azure voice name like 'en-US-JennyNeural'",
            argument="name",
            value=name,
        )
    try:
        if name is None:
            _OVERRIDES.pop(key, None)
            _OVERRIDE_LABELS.pop(key, None)
        else:
            _OVERRIDES[key] = name
            _OVERRIDE_LABELS[key] = language
    finally:
        # Bumped after the change, even one cut short (a KeyboardInterrupt between the
        # two tables): a rendering that read the old number while the table changed may
        # cache under it, but no later rendering looks that number up again.
        _VERSION[0] += 1


def reset_default_voices() -> None:
    """Forget every :func:`set_default_voice` change.

    >>> set_default_voice("en-US", "male", "en-US-DavisNeural")
    >>> reset_default_voices()
    >>> default_voice("en-US", "male")
    'en-US-GuyNeural'
    """
    try:
        _OVERRIDES.clear()
        _OVERRIDE_LABELS.clear()
    finally:
        _VERSION[0] += 1  # after the change, as in set_default_voice


def table_version() -> int:
    """A number that changes whenever the table in effect changes (for caches)."""
    return _VERSION[0]


def voice_table() -> dict[tuple[str, str], str]:
    """The table in effect now: the built-in one with every override applied.

    >>> voice_table()[("fr-FR", "female")]
    'fr-FR-DeniseNeural'
    """
    table = dict(DEFAULT_VOICES)
    labels = {(k[0].lower(), k[1]): k for k in DEFAULT_VOICES}
    for key, name in _OVERRIDES.items():
        table[labels.get(key, (_OVERRIDE_LABELS[key], key[1]))] = name
    return table


def is_voice_name(voice: object) -> bool:
    """True for a voice name such as ``en-US-JennyNeural`` (not ``male``/``female``).

    >>> is_voice_name("en-US-JennyNeural"), is_voice_name("female")
    (True, False)
    """
    return isinstance(voice, str) and _VOICE_NAME.fullmatch(voice) is not None


def voice_locale(name: str) -> str:
    """The locale a voice name starts with.

    >>> voice_locale("zh-CN-XiaoxiaoNeural")
    'zh-CN'
    """
    return name.rsplit("-", 1)[0] if name.count("-") >= 2 else name.split("-", 1)[0]
