"""Profiles: the limits that differ between the Voice API seed and Azure's service (SPEC §2).

Every limit that depends on the profile lives here and nowhere else.

>>> get_profile("enablex").max_pause_ms
5000
>>> get_profile("azure").allows(6000)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.problems import shown

__all__ = [
    "AZURE",
    "AZURE_STYLES",
    "ENABLEX",
    "ENABLEX_STYLES",
    "PROFILES",
    "ROLES",
    "Profile",
    "ProfileName",
    "get_profile",
]

ProfileName = Literal["enablex", "azure"]

#: The five express-as styles the seed documents (SPEC §1 reads its garbled list as five).
ENABLEX_STYLES: frozenset[str] = frozenset(
    {"advertisement_upbeat", "cheerful", "customerservice", "friendly", "gentle"}
)

#: Azure's 34 speaking styles for ``mstts:express-as``.
AZURE_STYLES: frozenset[str] = frozenset(
    {
        "advertisement_upbeat", "affectionate", "angry", "assistant", "calm", "chat",
        "cheerful", "customerservice", "depressed", "disgruntled", "documentary-narration",
        "embarrassed", "empathetic", "envious", "excited", "fearful", "friendly", "gentle",
        "hopeful", "lyrical", "narration-professional", "narration-relaxed", "newscast",
        "newscast-casual", "newscast-formal", "poetry-reading", "sad", "serious", "shouting",
        "sports_commentary", "sports_commentary_excited", "terrified", "unfriendly",
        "whispering",
    }
)  # fmt: skip

#: Azure's role-play values for express-as ``role`` (azure profile only).
ROLES: frozenset[str] = frozenset(
    {
        "Girl", "Boy", "YoungAdultFemale", "YoungAdultMale", "OlderAdultFemale",
        "OlderAdultMale", "SeniorFemale", "SeniorMale",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Profile:
    """The limits one target service honours.

    ``max_pause_ms`` bounds break and silence durations; ``pause_limit_inclusive`` says
    whether the bound itself is allowed. ``styles`` are the known express-as styles;
    ``unknown_style_is_error`` decides whether another style is an error or a warning
    (Azure custom voices have styles of their own). ``allows_style_options`` permits
    express-as ``styledegree`` and ``role``.
    """

    name: ProfileName
    max_pause_ms: int
    pause_limit_inclusive: bool
    styles: frozenset[str]
    unknown_style_is_error: bool
    allows_style_options: bool

    def allows(self, milliseconds: float) -> bool:
        """Whether a pause of ``milliseconds`` is within this profile's limit."""
        if milliseconds < 0:
            return False
        if self.pause_limit_inclusive:
            return milliseconds <= self.max_pause_ms
        return milliseconds < self.max_pause_ms

    @property
    def longest_pause_ms(self) -> int:
        """The longest pause allowed, in whole milliseconds (4999 for enablex).

        >>> ENABLEX.longest_pause_ms, AZURE.longest_pause_ms
        (4999, 20000)
        """
        return self.max_pause_ms if self.pause_limit_inclusive else self.max_pause_ms - 1

    def pause_limit_text(self) -> str:
        """The pause limit as a phrase for messages: ``below 5000ms`` or ``at most 20000ms``."""
        word = "at most" if self.pause_limit_inclusive else "below"
        return f"{word} {self.max_pause_ms}ms"


ENABLEX = Profile(
    name="enablex",
    max_pause_ms=5000,
    pause_limit_inclusive=False,
    styles=ENABLEX_STYLES,
    unknown_style_is_error=True,
    allows_style_options=False,
)

AZURE = Profile(
    name="azure",
    max_pause_ms=20000,
    pause_limit_inclusive=True,
    styles=AZURE_STYLES,
    unknown_style_is_error=False,
    allows_style_options=True,
)

PROFILES: dict[str, Profile] = {"enablex": ENABLEX, "azure": AZURE}


def get_profile(profile: str | Profile) -> Profile:
    """The :class:`Profile` named ``profile`` (``enablex`` or ``azure``), or ``profile`` itself.

    Raises :class:`~ttsbuilder.errors.TTSBuilderError` for any other name.
    """
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except (KeyError, TypeError):
        raise TTSBuilderError(
            f"unknown profile {shown(profile)}: use one of {', '.join(PROFILES)}"
        ) from None
