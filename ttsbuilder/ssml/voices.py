"""The voice a rendering speaks with: default tables from (language, voice) to a name.

A play payload says ``language`` (``en-US``) and ``voice`` (``male`` or ``female``);
Azure, Polly and Google need a voice *name*. :data:`DEFAULT_VOICES` maps the common
locales to Azure neural voices, :data:`PLATFORM_VOICES` holds every target's table
(Polly voice IDs, Google voice names; ``w3c`` has none, it asks for a gender). Change an
entry for the whole process with :func:`set_default_voice` (``target=``), or pass
``voice="en-US-AriaNeural"`` (``voice="Joanna"`` for Polly) to one
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
from ttsbuilder.ssml.names import Target
from ttsbuilder.ssml.platform_voices import GOOGLE, POLLY

__all__ = [
    "DEFAULT_LANGUAGE",
    "DEFAULT_VOICES",
    "GENDERS",
    "NAMED_TARGETS",
    "PLATFORM_VOICES",
    "VENDORS",
    "VOICE_EXAMPLES",
    "default_voice",
    "is_azure_voice",
    "is_voice_name",
    "reset_default_voices",
    "set_default_voice",
    "table_version",
    "voice_locale",
    "voice_name_like",
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


def _table(built_in: Mapping[str, tuple[str | None, str | None]]) -> Mapping[tuple[str, str], str]:
    return MappingProxyType(
        {
            (locale, gender): name
            for locale, names in built_in.items()
            for gender, name in zip(GENDERS, names, strict=True)
            if name is not None
        }
    )


#: The built-in Azure table: (locale, ``female``/``male``) → Azure neural voice name.
DEFAULT_VOICES: Mapping[tuple[str, str], str] = _table(_BUILT_IN)
#: Every target's built-in table (``w3c`` has none: it asks the engine for a gender).
PLATFORM_VOICES: Mapping[str, Mapping[tuple[str, str], str]] = MappingProxyType(
    {"azure": DEFAULT_VOICES, "polly": _table(POLLY), "google": _table(GOOGLE)}
)
#: The targets that speak with a voice name from a table.
NAMED_TARGETS: tuple[Target, ...] = ("azure", "polly", "google")
#: Whose voice names each named target speaks with, and one of them (for messages).
VENDORS: Mapping[str, str] = MappingProxyType(
    {"azure": "Azure", "polly": "Amazon Polly", "google": "Google"}
)
VOICE_EXAMPLES: Mapping[str, str] = MappingProxyType(
    {"azure": "en-US-JennyNeural", "polly": "Joanna", "google": "en-US-Wavenet-F"}
)


def voice_name_like(target: str) -> str:
    """How a message names ``target``'s voice names (``w3c`` takes Azure's).

    >>> voice_name_like("polly"), voice_name_like("google")
    ("an Amazon Polly voice name like 'Joanna'", "a Google voice name like 'en-US-Wavenet-F'")
    """
    named = "azure" if target == "w3c" else target
    vendor = VENDORS[named]
    article = "an" if vendor[0] in "AEIOU" else "a"
    return f"{article} {vendor} voice name like {VOICE_EXAMPLES[named]!r}"


# Lookups ignore the case of the language tag (BCP 47 tags are case-insensitive).
_BY_KEY: dict[tuple[str, str, str], str] = {
    (target, k[0].lower(), k[1]): v
    for target, table in PLATFORM_VOICES.items()
    for k, v in table.items()
}
_OVERRIDES: dict[tuple[str, str, str], str] = {}
_OVERRIDE_LABELS: dict[tuple[str, str, str], str] = {}
_VERSION = [0]
# An Azure HD voice adds its model after a colon: en-US-Ava:DragonHDLatestNeural.
_VOICE_NAME = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)+(:[A-Za-z0-9]+)?")
# Polly voice IDs are one capitalized word (Joanna, Matthew); Google's and Azure's names
# start with their locale.
_POLLY_NAME = re.compile(r"[A-Z][a-z]+")


def _target(target: object) -> str:
    if type(target) is not str or target not in NAMED_TARGETS:
        raise ArgumentError(
            f"target={shown(target)} has no voice table: use one of {', '.join(NAMED_TARGETS)}",
            argument="target",
            value=target,
        )
    return target


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


def default_voice(language: str, voice: str = "female", target: Target = "azure") -> str | None:
    """The ``target`` voice name for ``language`` and ``voice`` (``female``/``male``), or None.

    >>> default_voice("de-DE", "male"), default_voice("zh-Hans-CN")
    ('de-DE-ConradNeural', 'zh-CN-XiaoxiaoNeural')
    >>> default_voice("en-GB", "male", "polly"), default_voice("en-GB", target="google")
    ('Brian', 'en-GB-Wavenet-A')
    """
    key = (_target(target), _language(language), _gender(voice))
    found = _OVERRIDES.get(key) or _BY_KEY.get(key)
    if found is None:
        # A script subtag does not change the voice: zh-Hans-CN speaks as zh-CN.
        parts = key[1].split("-")
        if len(parts) == 3 and len(parts[1]) == 4:
            shorter = (key[0], f"{parts[0]}-{parts[2]}", key[2])
            found = _OVERRIDES.get(shorter) or _BY_KEY.get(shorter)
    return found


def set_default_voice(
    language: str, voice: str, name: str | None, target: Target = "azure"
) -> None:
    """Speak ``language``/``voice`` with ``name`` in every later ``target`` rendering.

    ``None`` restores the built-in entry.

    >>> set_default_voice("en-NZ", "female", "en-NZ-MollyNeural")
    >>> default_voice("en-NZ")
    'en-NZ-MollyNeural'
    >>> set_default_voice("en-NZ", "female", None)
    >>> set_default_voice("en-US", "female", "Kendra", target="polly")
    >>> default_voice("en-US", target="polly")
    'Kendra'
    >>> set_default_voice("en-US", "female", None, target="polly")
    """
    key = (_target(target), _language(language), _gender(voice))
    if name is not None and not is_voice_name(name, target):
        raise ArgumentError(
            f"name={shown(name)} is not {voice_name_like(key[0])}",
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


def voice_table(target: Target = "azure") -> dict[tuple[str, str], str]:
    """The ``target`` table in effect now: the built-in one with every override applied.

    >>> voice_table()[("fr-FR", "female")]
    'fr-FR-DeniseNeural'
    >>> voice_table("polly")[("fr-FR", "male")]
    'Mathieu'
    """
    chosen = _target(target)
    built_in = PLATFORM_VOICES[chosen]
    table = dict(built_in)
    labels = {(k[0].lower(), k[1]): k for k in built_in}
    for key, name in _OVERRIDES.items():
        if key[0] == chosen:
            table[labels.get(key[1:], (_OVERRIDE_LABELS[key], key[2]))] = name
    return table


def is_voice_name(voice: object, target: str = "azure") -> bool:
    """True for a ``target`` voice name (not ``male``/``female``).

    Azure and Google names start with a locale (``en-US-JennyNeural``,
    ``en-US-Wavenet-F``), Polly voice IDs are one capitalized word (``Joanna``).

    >>> is_voice_name("en-US-JennyNeural"), is_voice_name("female")
    (True, False)
    >>> is_voice_name("Joanna", "polly"), is_voice_name("Joanna")
    (True, False)
    """
    pattern = _POLLY_NAME if target == "polly" else _VOICE_NAME
    return isinstance(voice, str) and pattern.fullmatch(voice) is not None


def is_azure_voice(voice: object) -> bool:
    """True for an Azure voice name: a locale first, ``Neural`` last.

    Google's names start with a locale too, but end in a variant (``en-US-Wavenet-F``,
    ``en-US-Neural2-F``, ``en-US-Chirp3-HD-Aoede``).

    >>> is_azure_voice("en-US-Ava:DragonHDLatestNeural"), is_azure_voice("en-US-Neural2-F")
    (True, False)
    """
    return is_voice_name(voice) and str(voice).lower().endswith("neural")


def voice_locale(name: str) -> str:
    """The locale a voice name starts with.

    >>> voice_locale("zh-CN-XiaoxiaoNeural")
    'zh-CN'
    """
    return name.rsplit("-", 1)[0] if name.count("-") >= 2 else name.split("-", 1)[0]
