"""Profiles: the limits that differ between the Voice API seed and Azure's service (SPEC §2).

Every limit that depends on the profile lives here and nowhere else.

>>> get_profile("enablex").max_pause_ms
5000
>>> get_profile("azure").allows(6000)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from ttsbuilder.errors import ArgumentError
from ttsbuilder.problems import shown

__all__ = [
    "AZURE",
    "AZURE_STYLES",
    "ENABLEX",
    "ENABLEX_STYLES",
    "PROFILES",
    "PROFILE_NAMES",
    "ROLES",
    "EnablexStyle",
    "Profile",
    "ProfileName",
    "Role",
    "Style",
    "get_profile",
]

#: The profiles by name; add a name here and a :class:`Profile` to :data:`PROFILES`.
ProfileName = Literal["enablex", "azure"]
#: Every profile name, in the order of :data:`ProfileName`.
PROFILE_NAMES: tuple[ProfileName, ...] = get_args(ProfileName)

#: The five express-as styles the seed documents (SPEC §1 reads its garbled list as five).
EnablexStyle = Literal["advertisement_upbeat", "cheerful", "customerservice", "friendly", "gentle"]
#: Azure's 34 speaking styles for ``mstts:express-as``: the enablex five and 29 more.
Style = Literal[
    EnablexStyle,
    "affectionate", "angry", "assistant", "calm", "chat", "depressed", "disgruntled",
    "documentary-narration", "embarrassed", "empathetic", "envious", "excited", "fearful",
    "hopeful", "lyrical", "narration-professional", "narration-relaxed", "newscast",
    "newscast-casual", "newscast-formal", "poetry-reading", "sad", "serious", "shouting",
    "sports_commentary", "sports_commentary_excited", "terrified", "unfriendly", "whispering",
]  # fmt: skip
#: Azure's role-play values for express-as ``role`` (azure profile only).
Role = Literal[
    "Girl", "Boy", "YoungAdultFemale", "YoungAdultMale", "OlderAdultFemale",
    "OlderAdultMale", "SeniorFemale", "SeniorMale",
]  # fmt: skip

#: The enablex styles as a set, derived from :data:`EnablexStyle`.
ENABLEX_STYLES: frozenset[str] = frozenset(get_args(EnablexStyle))
#: Azure's styles as a set, derived from :data:`Style`.
AZURE_STYLES: frozenset[str] = frozenset(get_args(Style))
#: The roles as a set, derived from :data:`Role`.
ROLES: frozenset[str] = frozenset(get_args(Role))


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

#: Each profile by its name; a test checks every :data:`ProfileName` has one.
PROFILES: dict[ProfileName, Profile] = {profile.name: profile for profile in (ENABLEX, AZURE)}


def get_profile(profile: ProfileName | Profile) -> Profile:
    """The :class:`Profile` named ``profile`` (``enablex`` or ``azure``), or ``profile`` itself.

    Raises :class:`~ttsbuilder.errors.ArgumentError` for any other name.
    """
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except (KeyError, TypeError):  # a caller without type checking may pass anything
        raise ArgumentError(
            f"unknown profile {shown(profile)}: use one of {', '.join(PROFILE_NAMES)}",
            argument="profile",
            value=profile,
        ) from None
