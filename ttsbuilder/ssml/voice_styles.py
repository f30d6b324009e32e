"""Speaking styles of Azure voices, for the style check of a named voice (TTS905).

Data only: :mod:`ttsbuilder.ssml.limits` reads it. From Microsoft's "voice styles and
roles" table (docs/platforms.md lists it, checked against this by a test): the default
voices (:data:`~ttsbuilder.ssml.DEFAULT_VOICES`) and well-known others. A voice with an
empty set has no styles; a voice not in the table is not checked.

>>> sorted(AZURE_VOICE_STYLES["en-GB-SoniaNeural"])
['cheerful', 'sad']
>>> AZURE_VOICE_STYLES["de-DE-KatjaNeural"]
frozenset()
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ttsbuilder.ssml.voices import DEFAULT_VOICES

__all__ = ["AZURE_VOICE_STYLES"]

#: Speaking styles of well-known Azure voices (Microsoft's "voice styles and roles"
#: table); a voice with an empty set has no styles (every default voice not named here,
#: see ttsbuilder.ssml.DEFAULT_VOICES). A voice not in this table is not checked.
AZURE_VOICE_STYLES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        **dict.fromkeys(DEFAULT_VOICES.values(), frozenset()),
        **{
            name: frozenset(styles.split())
            for name, styles in {
                # The default voices (ttsbuilder.ssml.DEFAULT_VOICES) that have styles.
                "de-DE-ConradNeural": "cheerful",
                "en-GB-RyanNeural": "chat cheerful",
                "en-GB-SoniaNeural": "cheerful sad",
                "en-IN-NeerjaNeural": "cheerful empathetic newscast",
                "en-US-GuyNeural": "angry cheerful excited friendly hopeful newscast sad shouting "
                "terrified unfriendly whispering",
                "en-US-JennyNeural": "angry assistant chat cheerful customerservice excited "
                "friendly hopeful newscast sad shouting terrified unfriendly whispering",
                "fr-FR-DeniseNeural": "cheerful sad",
                "fr-FR-HenriNeural": "cheerful sad",
                "ja-JP-NanamiNeural": "chat cheerful customerservice",
                "zh-CN-XiaoxiaoNeural": "affectionate angry assistant calm chat chat-casual "
                "cheerful customerservice disgruntled excited fearful friendly gentle lyrical "
                "newscast poetry-reading sad serious sorry whisper",
                "zh-CN-YunxiNeural": "angry assistant chat cheerful depressed disgruntled "
                "embarrassed fearful narration-relaxed newscast sad serious",
                # Other well-known voices.
                "en-US-AriaNeural": "angry chat cheerful customerservice empathetic excited "
                "friendly hopeful narration-professional newscast-casual newscast-formal sad "
                "shouting terrified unfriendly whispering",
                "en-US-DavisNeural": "angry chat cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "en-US-JaneNeural": "angry cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "en-US-JasonNeural": "angry cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "en-US-NancyNeural": "angry cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "en-US-SaraNeural": "angry cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "en-US-TonyNeural": "angry cheerful excited friendly hopeful sad shouting "
                "terrified unfriendly whispering",
                "es-MX-JorgeNeural": "chat cheerful",
                "pt-BR-FranciscaNeural": "calm",
            }.items()
        },
    }
)
