"""Per-call checks of the builder: each node is checked by the rule that checks its JSON.

A builder call writes the JSON fragment its node encodes to and hands it to the rule
function for that kind (``ttsbuilder.rules``), with the prompt's profile. The first
*error* becomes a :class:`~ttsbuilder.errors.BuildError` naming the method, the argument
and the value; warnings pass (the tree stays valid). Checked nodes are remembered per
arguments and profile name in the ``*_CACHE`` dicts: nodes are immutable, and prompts
repeat the same few values, so a repeated call costs one dict look-up.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import BuildError
from ttsbuilder.model import Break, ExpressAs, Node, Prosody, SayAs, Silence, Text, Tree
from ttsbuilder.problems import Problem, shown
from ttsbuilder.profiles import ENABLEX, PROFILE_NAMES, PROFILES, Profile
from ttsbuilder.rules import say_as as say_as_rules
from ttsbuilder.rules import values as value_rules
from ttsbuilder.rules.common import check_string
from ttsbuilder.rules.context import MAX_DEPTH, Context, suggest
from ttsbuilder.rules.tree import check_tree
from ttsbuilder.values import (
    Duration,
    Pitch,
    ProsodyValue,
    Rate,
    Volume,
    format_number,
    rememberable,
)

__all__ = [
    "BREAK_CACHE",
    "CACHED_PROFILES",
    "EXPRESS_AS_CACHE",
    "FITTING_CACHE",
    "PROSODY_CACHE",
    "SAY_AS_CACHE",
    "SILENCE_CACHE",
    "TEXT_CACHE",
    "cached",
    "check_content",
    "express_as_attributes",
    "make_break",
    "make_say_as",
    "make_silence",
    "make_text",
    "profile_of",
    "prosody_attributes",
    "recheck",
    "say_as_text",
]

# Text and prosody checks do not depend on the profile.
_ANY_PROFILE = ENABLEX
_CACHE_SIZE = 4096

# JSON key → the builder's parameter name, where they differ.
_PARAMETERS = {"interpret-as": "interpret_as"}

TEXT_CACHE: dict[str, Text] = {}
BREAK_CACHE: dict[tuple[Any, ...], Break] = {}
SILENCE_CACHE: dict[tuple[Any, ...], Silence] = {}
SAY_AS_CACHE: dict[tuple[Any, ...], SayAs] = {}
PROSODY_CACHE: dict[tuple[Any, ...], tuple[Pitch | None, Rate | None, Volume | None]] = {}
EXPRESS_AS_CACHE: dict[tuple[Any, ...], tuple[str, str | None, str | None]] = {}
#: say-as nodes whose text fits their type and format (what the helpers promise).
FITTING_CACHE: dict[tuple[Any, ...], SayAs] = {}

_V = TypeVar("_V")


def _remember(cache: dict[Any, _V], key: Hashable, value: _V) -> _V:
    if not rememberable(key):
        return value
    try:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = value
    except TypeError:  # an unhashable argument (it was reported, or is fine uncached)
        pass
    return value


def _textual(key: tuple[Any, ...]) -> bool:
    # Only text keys are remembered: numbers are converted before checking and True == 1;
    # durations compare by length (ms(1500) == seconds(1.5)) but are written as given.
    return all(value is None or type(value) is str for value in key)


#: The profiles whose checked nodes are remembered: the named ones. A :class:`Profile`
#: of one's own carries a known name with other limits, so its verdicts may not be served
#: under the name, nor the name's to it (one equal to a named profile has its verdicts).
CACHED_PROFILES: tuple[Profile, ...] = tuple(PROFILES.values())


def cached(profile: Profile) -> bool:
    """Whether nodes checked under ``profile`` are remembered (:data:`CACHED_PROFILES`)."""
    return profile in CACHED_PROFILES


def number_text(method: str, argument: str, value: float, *, places: int = 2) -> str:
    """A finite number written as the tree writes it; BuildError for NaN, inf or a huge int."""
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise BuildError(
            f"{method}({argument}={shown(value)}): not a finite number",
            argument=argument,
            value=value,
        )
    return format_number(value, places=places)


def profile_of(method: str, profile: object) -> Profile:
    """The profile named ``profile``, or BuildError naming ``method``'s argument."""
    if isinstance(profile, Profile):
        named = PROFILES.get(profile.name)
        # One equal to a named profile is that profile (checked nodes are remembered for it).
        return named if named == profile else profile
    if type(profile) is str and profile in PROFILES:
        return PROFILES[profile]
    raise BuildError(
        f"{method}(profile={shown(profile)}): unknown profile: use "
        + " or ".join(map(repr, PROFILE_NAMES)),
        argument="profile",
        value=profile,
        hint=suggest(profile, PROFILE_NAMES) if isinstance(profile, str) else None,
    )


def _raise(
    method: str,
    problem: Problem,
    values: dict[str, Any],
    renames: Mapping[str, str] | None = None,
) -> None:
    key = problem.pointer.rsplit("/", 1)[-1]
    argument = _PARAMETERS.get(key, key) or "content"
    value = values.get(argument)
    if renames is not None:
        argument = renames.get(argument, argument)
    raise BuildError(
        f"{method}({argument}={shown(value)}): {problem.message}",
        argument=argument,
        value=value,
        hint=problem.hint,
    )


def _check(
    method: str,
    profile: Profile,
    check: Callable[[Context, dict[str, Any], str], None],
    fragment: dict[str, Any],
    values: dict[str, Any],
    renames: Mapping[str, str] | None = None,
) -> None:
    context = Context(profile)
    check(context, fragment, "")
    for problem in context.problems:
        if problem.is_error:
            _raise(method, problem, values, renames)


def make_text(method: str, argument: str, text: object) -> Text:
    """A text node, or BuildError when ``text`` is not a non-empty string XML can carry."""
    if type(text) is str and text and text.isprintable():
        return _remember(TEXT_CACHE, text, Text(text))
    context = Context(_ANY_PROFILE)
    check_string(context, text, "")
    if context.problems:
        problem = context.problems[0]
        hint = problem.hint
        if type(text) is not str:
            hint = "pass a str" if hint is None else hint
        raise BuildError(
            f"{method}({argument}={shown(text)}): {problem.message}",
            argument=argument,
            value=text,
            hint=hint,
        )
    assert isinstance(text, str)  # check_string reported anything else
    return _remember(TEXT_CACHE, text, Text(text))


def _duration_text(method: str, value: object) -> object:
    if isinstance(value, Duration):
        return value.text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = number_text(method, "value", value, places=3)
        if value < 0:
            raise BuildError(
                f"{method}(value={shown(value)}): a pause is 0ms or longer",
                argument="value",
                value=value,
            )
        raise BuildError(
            f"{method}(value={shown(value)}): a duration needs its unit",
            argument="value",
            value=value,
            hint=f"write '{amount}ms' or ms({amount})",
        )
    return value


def make_break(method: str, value: object, strength: object, profile: Profile) -> Break:
    """A checked break node; remembered under ``(value, strength, profile name)``."""
    text = _duration_text(method, value)
    fragment = {"value": text} if strength is None else {"value": text, "strength": strength}
    _check(method, profile, value_rules.check_break, fragment, fragment)
    node = Break(Duration.parse(text), strength)  # type: ignore[arg-type]
    key = (value, strength, profile.name)
    return _remember(BREAK_CACHE, key, node) if cached(profile) and _textual(key) else node


def make_silence(method: str, kind: object, value: object, profile: Profile) -> Silence:
    """A checked silence node; remembered under ``(type, value, profile name)``."""
    text = _duration_text(method, value)
    fragment = {"type": kind, "value": text}
    _check(method, profile, value_rules.check_silence, fragment, fragment)
    node = Silence(kind, Duration.parse(text))  # type: ignore[arg-type]
    key = (kind, value, profile.name)
    return _remember(SILENCE_CACHE, key, node) if cached(profile) and _textual(key) else node


def make_say_as(
    method: str,
    interpret_as: object,
    text: object,
    form: object,
    profile: Profile,
    renames: Mapping[str, str] | None = None,
    *,
    given: Mapping[str, object] | None = None,
) -> SayAs:
    """A checked say-as node (a text that does not fit its type is a warning, not an error).

    ``renames`` maps ``text``/``format`` to the calling method's own parameter names
    (``date(value=...)``, ``telephone(country_code=...)``) for the error message;
    ``given`` the values as the caller gave them, where they were converted to text.
    """
    key = (interpret_as, text, form)
    if _textual(key):  # a str subclass equals its text, but the rules refuse it
        found = SAY_AS_CACHE.get(key)
        if found is not None:
            return found
    fragment: dict[str, Any] = {"interpret-as": interpret_as}
    if form is not None:
        fragment["format"] = form
    fragment["text"] = text
    values = {"interpret_as": interpret_as, "format": form, "text": text}
    if given is not None:
        values.update(given)
    _check(method, profile, say_as_rules.check_say_as, fragment, values, renames)
    return _remember(SAY_AS_CACHE, key, SayAs(interpret_as, text, form))  # type: ignore[arg-type]


def say_as_text(method: str, argument: str, node: SayAs) -> SayAs:
    """``node`` if its text fits its type and format; BuildError naming ``argument`` if not.

    The say-as helpers (``date``, ``ordinal``, ...) promise a correct reading, so a
    mismatch that ``say_as()`` lets through as a warning is an error for them.
    """
    problem = say_as_rules.text_problem(node.interpret_as, node.format, node.text)
    if problem is not None:
        raise BuildError(
            f"{method}({argument}={shown(node.text)}): {problem}",
            argument=argument,
            value=node.text,
        )
    return _remember(FITTING_CACHE, (node.interpret_as, node.text, node.format), node)


def _prosody_text(method: str, value: object, kind: type[ProsodyValue]) -> object:
    if isinstance(value, ProsodyValue):
        return value.text
    if kind is not Pitch and isinstance(value, (int, float)) and not isinstance(value, bool):
        argument = "rate" if kind is Rate else "volume"
        text = number_text(method, argument, value)  # a rate multiplier or an absolute volume
        if kind is Volume and value < 0:
            # A number is an absolute volume; "-5" as text would be a relative change.
            raise BuildError(
                f"{method}(volume={shown(value)}): an absolute volume is 0 to 100",
                argument="volume",
                value=value,
                hint=f"for a relative change write '{text}' or percent({text})",
            )
        return text
    return value


def prosody_attributes(
    method: str, pitch: object, rate: object, volume: object
) -> tuple[Pitch | None, Rate | None, Volume | None]:
    """The checked pitch, rate and volume of a prosody (None where not given)."""
    key = given = (pitch, rate, volume)
    pitch, rate, volume = (
        _prosody_text(method, pitch, Pitch),
        _prosody_text(method, rate, Rate),
        _prosody_text(method, volume, Volume),
    )
    fragment = {
        name: value
        for name, value in (("pitch", pitch), ("rate", rate), ("volume", volume))
        if value is not None
    }
    if fragment:
        # The error names the value as given (0.004, not the '0' it is written as).
        values = dict(zip(("pitch", "rate", "volume"), given, strict=True))
        _check(method, _ANY_PROFILE, value_rules.check_prosody_attributes, fragment, values)
    result: tuple[Pitch | None, Rate | None, Volume | None] = (
        Pitch.read(pitch) if isinstance(pitch, str) else None,  # type: ignore[assignment]
        Rate.read(rate) if isinstance(rate, str) else None,
        Volume.read(volume) if isinstance(volume, str) else None,
    )
    if _textual(key):
        _remember(PROSODY_CACHE, key, result)
    return result


def express_as_attributes(
    method: str, style: object, styledegree: object, role: object, profile: Profile
) -> tuple[str, str | None, str | None]:
    """The checked style, styledegree (as text) and role of an express-as."""
    key = (style, styledegree, role, profile.name)
    values = {"style": style, "styledegree": styledegree, "role": role}
    if isinstance(styledegree, (int, float)) and not isinstance(styledegree, bool):
        styledegree = number_text(method, "styledegree", styledegree)
    fragment: dict[str, Any] = {"style": style}
    if styledegree is not None:
        fragment["styledegree"] = styledegree
    if role is not None:
        fragment["role"] = role
    _check(method, profile, value_rules.check_express_as, fragment, values)
    result: tuple[str, str | None, str | None] = (style, styledegree, role)  # type: ignore[assignment]
    if cached(profile) and _textual(key):
        _remember(EXPRESS_AS_CACHE, key, result)
    return result


def check_content(method: str, nodes: tuple[Node, ...]) -> None:
    """BuildError if ``nodes`` cannot be the content of an express-as or a prosody."""
    nested = False
    for node in nodes:
        cls = type(node)
        if cls is Prosody:
            nested = True
        elif cls is Silence or cls is ExpressAs:
            where = (
                "silence is allowed at the top of the tree only"
                if cls is Silence
                else "express-as is allowed at the top of the tree only (no nesting)"
            )
            raise BuildError(
                f"{method}(content=...): {node.kind!r} is not allowed here: {where}",
                argument="content",
                value=node,
                hint=f"add the {node.kind} to the top-level prompt instead",
            )
    # validate() allows MAX_DEPTH nested containers: this one and those in its content.
    if nested and _levels(nodes) >= MAX_DEPTH:
        raise BuildError(
            f"{method}(content=...): nesting deeper than {MAX_DEPTH} levels",
            argument="content",
            value=None,
        )


def _levels(nodes: tuple[Node, ...]) -> int:
    deepest = 0
    for node in nodes:
        if isinstance(node, Prosody):
            deepest = max(deepest, 1 + _levels(node.children))
    return deepest


def recheck(method: str, nodes: tuple[Node, ...], profile: Profile) -> None:
    """Check nodes built under another profile against ``profile`` (pause limits, styles)."""
    context = Context(profile)
    check_tree(context, encode_tree(Tree(nodes)), "")
    for problem in context.problems:
        if problem.is_error:
            raise BuildError(
                f"{method}(content=...): built for another profile: {problem.message} "
                f"(at {problem.pointer})",
                argument="content",
                value=problem.pointer,
                hint=problem.hint,
            )
