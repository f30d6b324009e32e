"""The built-in voice tables of the Amazon Polly and Google Cloud Text-to-Speech targets.

Data only: :mod:`ttsbuilder.ssml.voices` serves them through ``default_voice(...,
target=...)``, with overrides. A locale a vendor has no ``male`` (or ``female``) voice
for has ``None`` there: rendering it asks for a voice name (TTS602).

>>> POLLY["en-US"], GOOGLE["en-US"]
(('Joanna', 'Matthew'), ('en-US-Wavenet-F', 'en-US-Wavenet-D'))
"""

from __future__ import annotations

__all__ = ["GOOGLE", "POLLY"]

#: locale: (female, male) — Amazon Polly voice IDs that have a standard-engine voice (so
#: prosody pitch works; see docs/platforms.md), as listed in Polly's voice list.
POLLY: dict[str, tuple[str | None, str | None]] = {
    "de-DE": ("Vicki", "Hans"),
    "en-AU": ("Nicole", "Russell"),
    "en-GB": ("Amy", "Brian"),
    "en-IN": ("Aditi", None),
    "en-US": ("Joanna", "Matthew"),
    "es-ES": ("Lucia", "Enrique"),
    "es-MX": ("Mia", None),
    "es-US": ("Lupe", "Miguel"),
    "fr-CA": ("Chantal", None),
    "fr-FR": ("Lea", "Mathieu"),
    "hi-IN": ("Aditi", None),
    "it-IT": ("Bianca", "Giorgio"),
    "ja-JP": ("Mizuki", "Takumi"),
    "ko-KR": ("Seoyeon", None),
    "nl-NL": ("Lotte", "Ruben"),
    "pl-PL": ("Ewa", "Jacek"),
    "pt-BR": ("Camila", "Ricardo"),
    "pt-PT": ("Ines", "Cristiano"),
    "ru-RU": ("Tatyana", "Maxim"),
    "sv-SE": ("Astrid", None),
    "tr-TR": ("Filiz", None),
    "zh-CN": ("Zhiyu", None),
}

#: locale: (female, male) — Google Cloud Text-to-Speech WaveNet voices (Google names
#: Mandarin ``cmn-CN``). WaveNet names are the ones ssml-check-core's ``<voice>`` check
#: knows, next to Standard ones.
GOOGLE: dict[str, tuple[str | None, str | None]] = {
    "de-DE": ("de-DE-Wavenet-A", "de-DE-Wavenet-B"),
    "en-AU": ("en-AU-Wavenet-A", "en-AU-Wavenet-B"),
    "en-GB": ("en-GB-Wavenet-A", "en-GB-Wavenet-B"),
    "en-IN": ("en-IN-Wavenet-A", "en-IN-Wavenet-B"),
    "en-US": ("en-US-Wavenet-F", "en-US-Wavenet-D"),
    "es-ES": ("es-ES-Wavenet-C", "es-ES-Wavenet-B"),
    "es-US": ("es-US-Wavenet-A", "es-US-Wavenet-B"),
    "fr-CA": ("fr-CA-Wavenet-A", "fr-CA-Wavenet-B"),
    "fr-FR": ("fr-FR-Wavenet-A", "fr-FR-Wavenet-B"),
    "hi-IN": ("hi-IN-Wavenet-A", "hi-IN-Wavenet-B"),
    "it-IT": ("it-IT-Wavenet-A", "it-IT-Wavenet-C"),
    "ja-JP": ("ja-JP-Wavenet-A", "ja-JP-Wavenet-C"),
    "ko-KR": ("ko-KR-Wavenet-A", "ko-KR-Wavenet-C"),
    "nl-NL": ("nl-NL-Wavenet-A", "nl-NL-Wavenet-B"),
    "pl-PL": ("pl-PL-Wavenet-A", "pl-PL-Wavenet-B"),
    "pt-BR": ("pt-BR-Wavenet-A", "pt-BR-Wavenet-B"),
    "pt-PT": ("pt-PT-Wavenet-A", "pt-PT-Wavenet-B"),
    "ru-RU": ("ru-RU-Wavenet-A", "ru-RU-Wavenet-B"),
    "sv-SE": ("sv-SE-Wavenet-A", "sv-SE-Wavenet-C"),
    "tr-TR": ("tr-TR-Wavenet-A", "tr-TR-Wavenet-B"),
    "zh-CN": ("cmn-CN-Wavenet-A", "cmn-CN-Wavenet-B"),
}
