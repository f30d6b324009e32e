"""Hypothesis strategies for your own property tests: valid trees, prompts and request bodies,
and invalid ones with the pointer and code of their one mistake.

Everything generated validates with no *errors* in the profile asked for, and — by default —
no warnings either: say-as texts fit their type and format, prosody values stay in the range
Azure honours, percents carry their sign, styles are lowercase and known, every prosody sets
an attribute and every container has content. Pass ``warnings=True`` to also draw values
that are legal but warned about (``"30%"``, ``"+150%"``, ``"Cheerful"``, a date that does
not parse, an empty prosody): still never an error.

Texts include XML-hostile characters (``<``, ``&``, ``]]>``, quotes) and characters outside
the BMP, never characters XML 1.0 cannot carry. Trees are small (depth at most 4, at most 8
members per object) so tests stay fast.

>>> from hypothesis import given
>>> from ttsbuilder.validation import is_valid
>>> @given(trees(profile="azure"))
... def test_valid(tree):
...     assert is_valid(tree, kind="tts", profile="azure")
>>> test_valid()

This module imports hypothesis (the ``hypothesis`` extra: ``pip install 'ttsbuilder[hypothesis]'``;
without it, importing this module raises :class:`~ttsbuilder.errors.MissingExtraError`);
``import ttsbuilder`` does not import it.
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ttsbuilder._extras import require

if TYPE_CHECKING:
    from hypothesis import strategies as st
else:  # the `hypothesis` extra: a missing one is a MissingExtraError that says so
    require("hypothesis", extra="hypothesis", feature="ttsbuilder.strategies")
    from hypothesis import strategies as st

from ttsbuilder._mutate import Mutation, mutate
from ttsbuilder.builder import Prompt
from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.model import Break, ContentNode, ExpressAs, Prosody, SayAs, Silence, Text, Tree
from ttsbuilder.profiles import ROLES, Profile, ProfileName, get_profile
from ttsbuilder.rules.payloads import CHECKS, DocumentKind
from ttsbuilder.values import (
    BREAK_STRENGTHS,
    DATE_FORMATS,
    DURATION_FORMATS,
    INTERPRET_AS,
    PITCH_LEVELS,
    RATE_LEVELS,
    SILENCE_TYPES,
    TIME_FORMATS,
    VOLUME_LEVELS,
    Duration,
    Pitch,
    Rate,
    Volume,
)

__all__ = [
    "PAYLOAD_KINDS",
    "Mutation",
    "invalid_trees",
    "models",
    "mutations",
    "payloads",
    "play_payloads",
    "prompts",
    "texts",
    "trees",
]

#: The request-body kinds :func:`payloads` and :func:`mutations` take (``tts`` is a bare tree).
PAYLOAD_KINDS: tuple[str, ...] = tuple(CHECKS)

MAX_DEPTH = 4
MAX_MEMBERS = 8

# ---------------------------------------------------------------------------- texts

# Fragments that break naive XML or JSON handling, all of them legal XML 1.0 characters.
_HOSTILE = ("<", ">", "&", "&amp;", "]]>", '"', "'", "<!--", "</speak>", "\\", "😀", "𝄞", "\u00a0")
_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc"),  # surrogates and controls; tab/newline added below
    exclude_characters="\ufffe\uffff",
)


@functools.cache
def texts(*, min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """Non-empty texts XML 1.0 can carry, rich in XML-hostile fragments and non-BMP characters.

    Each has at least one non-space character.

    >>> from hypothesis import find
    >>> find(texts(), lambda text: "&" in text)
    '&'
    """
    piece = st.one_of(
        st.text(_ALPHABET, min_size=1, max_size=5),
        st.sampled_from(_HOSTILE),
        st.sampled_from(("Hello", "Press 1", "your order", " ", "\n", "\t")),
    )
    return (
        st.lists(piece, min_size=1, max_size=4)
        .map("".join)
        .map(lambda text: text[:max_size])
        .filter(lambda text: len(text) >= min_size and not text.isspace() and text != "")
    )


# ---------------------------------------------------------------------------- values


def _hundredths(low: int, high: int) -> st.SearchStrategy[str]:
    """A number from low/100 to high/100 written with 0 or 2 decimals, or trimmed."""

    def write(args: tuple[int, int]) -> str:
        value, style = args
        whole, part = divmod(value, 100)
        if style == 0 and part == 0:
            return str(whole)
        if style == 1:
            return f"{whole}.{part:02d}"
        text = f"{whole}.{part:02d}".rstrip("0").rstrip(".")
        return text

    return st.tuples(st.integers(low, high), st.integers(0, 2)).map(write)


def _signed(magnitude: st.SearchStrategy[str], negative: st.SearchStrategy[str]) -> Any:
    return st.one_of(magnitude.map(lambda t: "+" + t), negative.map(lambda t: "-" + t))


def _rates(warnings: bool) -> st.SearchStrategy[str]:
    good = st.one_of(
        st.sampled_from(RATE_LEVELS),
        _hundredths(50, 200),  # multiplier 0.5x-2x
        _signed(_hundredths(0, 10000), _hundredths(0, 5000)).map(lambda t: t + "%"),
    )
    if not warnings:
        return good
    return st.one_of(good, st.sampled_from(("30%", "+150%", "3", "0.2", "-80%")))


def _pitches(warnings: bool) -> st.SearchStrategy[str]:
    good = st.one_of(
        st.sampled_from(PITCH_LEVELS),
        st.integers(1, 2000).map(lambda n: f"{n}Hz"),
        _signed(_hundredths(0, 20000), _hundredths(0, 20000)).map(lambda t: t + "Hz"),
        _signed(st.integers(0, 7).map(str), st.integers(0, 12).map(str)).map(lambda t: t + "st"),
        _signed(_hundredths(0, 5000), _hundredths(0, 5000)).map(lambda t: t + "%"),
    )
    if not warnings:
        return good
    return st.one_of(good, st.sampled_from(("20%", "+80%", "-24st", "+12st")))


def _volumes(warnings: bool) -> st.SearchStrategy[str]:
    good = st.one_of(
        st.sampled_from(VOLUME_LEVELS),
        _hundredths(0, 10000),  # absolute 0-100
        _signed(_hundredths(0, 10000), _hundredths(0, 10000)),  # relative
        _signed(_hundredths(0, 10000), _hundredths(0, 10000)).map(lambda t: t + "%"),
    )
    if not warnings:
        return good
    return st.one_of(good, st.sampled_from(("150", "50%", "-150%", "-120")))


@functools.cache
def _durations(profile: Profile) -> st.SearchStrategy[Duration]:
    limit = profile.longest_pause_ms

    def write(args: tuple[int, int]) -> Duration:
        ms, style = args
        if style == 1 and ms % 1000 == 0:
            return Duration.parse(f"{ms // 1000}s")
        if style == 2 and ms % 100 == 0:
            return Duration.parse(f"{ms // 1000}.{(ms % 1000) // 100}s")
        return Duration.parse(f"{ms}ms")

    return st.tuples(st.integers(0, limit), st.integers(0, 2)).map(write)


# ---------------------------------------------------------------------------- say-as texts

_DATES = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))


def _date_text(form: str) -> st.SearchStrategy[str]:
    def write(args: tuple[datetime.date, str]) -> str:
        day, separator = args
        fields = {"d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": f"{day.year:04d}"}
        return separator.join(fields[letter] for letter in form)

    return st.tuples(_DATES, st.sampled_from(("/", "-", "."))).map(write)


def _time_text(form: str | None) -> st.SearchStrategy[str]:
    clock12 = form == "hms12"
    hours = st.integers(1, 12) if clock12 else st.integers(0, 23)

    def write(args: tuple[int, int, int | None, str | None]) -> str:
        hour, minute, second, meridiem = args
        text = f"{hour}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        return text + (meridiem or "")

    meridiems = st.sampled_from(("am", "pm", " PM", None)) if clock12 else st.none()
    return st.tuples(hours, st.integers(0, 59), st.none() | st.integers(0, 59), meridiems).map(
        write
    )


def _duration_text(form: str | None) -> st.SearchStrategy[str]:
    parts = len(form) if form else None
    counts = st.just(parts) if parts else st.sampled_from((2, 3))

    def write(args: tuple[int, int, int, int]) -> str:
        count, first, second, third = args
        return ":".join([str(first), f"{second:02d}", f"{third:02d}"][:count])

    return st.tuples(counts, st.integers(0, 99), st.integers(0, 59), st.integers(0, 59)).map(write)


def _ordinal_text(number: int) -> str:
    suffix = "th"
    if number % 100 not in (11, 12, 13):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_NUMBERS = st.one_of(
    st.integers(-(10**9), 10**9).map(str),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(-999, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
)


def _pair(form: str | None) -> Callable[[str], tuple[str | None, str]]:
    return lambda text: (form, text)


@functools.cache
def _say_as_fields(interpret: str) -> st.SearchStrategy[tuple[str | None, str]]:
    """(format, text) pairs that fit ``interpret`` with no warning."""
    if interpret == "date":
        return st.one_of(
            [_date_text(form or "mdy").map(_pair(form)) for form in (None, *DATE_FORMATS)]
        )
    if interpret == "time":
        return st.one_of([_time_text(form).map(_pair(form)) for form in (None, *TIME_FORMATS)])
    if interpret == "duration":
        return st.one_of(
            [_duration_text(form).map(_pair(form)) for form in (None, *DURATION_FORMATS)]
        )
    if interpret == "telephone":
        code = st.none() | st.integers(1, 999).map(str)
        number = st.from_regex(r"\+?[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}", fullmatch=True)
        return st.tuples(code, number)
    text: st.SearchStrategy[str]
    if interpret in ("cardinal", "number"):
        text = _NUMBERS
    elif interpret == "ordinal":
        text = st.tuples(st.integers(0, 10**6), st.booleans()).map(
            lambda t: _ordinal_text(t[0]) if t[1] else str(t[0])
        )
    elif interpret == "number_digit":
        text = st.from_regex(r"[0-9]{1,4}([ -][0-9]{1,4}){0,3}", fullmatch=True)
    elif interpret == "fraction":
        text = st.tuples(st.integers(0, 99), st.integers(1, 99)).map(lambda t: f"{t[0]}/{t[1]}")
    elif interpret == "currency":
        text = st.tuples(_NUMBERS, st.sampled_from(("USD", "EUR", "$", "£", "dollars"))).map(
            lambda t: f"{t[1]}{t[0]}" if t[1] in "$£" else f"{t[0]} {t[1]}"
        )
    else:  # characters, spell-out, address, name: any text
        text = texts()
    return st.tuples(st.none(), text)


# ---------------------------------------------------------------------------- model nodes


def _say_as_of(kind: str) -> Callable[[tuple[str | None, str]], SayAs]:
    return lambda fields: SayAs(kind, fields[1], fields[0])


@functools.cache
def _say_as(warnings: bool) -> st.SearchStrategy[SayAs]:
    fitting = st.one_of([_say_as_fields(kind).map(_say_as_of(kind)) for kind in INTERPRET_AS])
    if not warnings:
        return fitting
    loose = st.one_of(
        [
            st.tuples(_say_as_fields(kind).map(lambda f: f[0]), texts()).map(_say_as_of(kind))
            for kind in INTERPRET_AS
        ]
    )
    return st.one_of(fitting, loose)


@functools.cache
def _break(profile: Profile) -> st.SearchStrategy[Break]:
    return st.builds(Break, _durations(profile), st.none() | st.sampled_from(BREAK_STRENGTHS))


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def _prosody(
    children: st.SearchStrategy[tuple[ContentNode, ...]], warnings: bool
) -> st.SearchStrategy[Prosody]:
    def make(args: tuple[tuple[ContentNode, ...], Any, Any, Any]) -> Prosody:
        kids, pitch, rate, volume = args
        return Prosody(
            kids,
            pitch=Pitch.parse(pitch) if pitch else None,  # type: ignore[arg-type]
            rate=Rate.parse(rate) if rate else None,  # type: ignore[arg-type]
            volume=Volume.parse(volume) if volume else None,  # type: ignore[arg-type]
        )

    settings = st.tuples(
        _optional(_pitches(warnings)), _optional(_rates(warnings)), _optional(_volumes(warnings))
    )
    if not warnings:
        settings = settings.filter(lambda s: any(v is not None for v in s))
    return st.tuples(children, settings).map(lambda t: make((t[0], *t[1])))


@functools.cache
def _content(
    profile: Profile, warnings: bool, depth: int, max_depth: int, max_members: int
) -> st.SearchStrategy[ContentNode]:
    leaves: list[st.SearchStrategy[Any]] = [
        st.builds(Text, texts()),
        _break(profile),
        _say_as(warnings),
    ]
    if depth < max_depth:
        inner = _members(
            _content(profile, warnings, depth + 1, max_depth, max_members),
            _width(max_members, depth + 1),
            warnings,
        )
        leaves.append(st.deferred(lambda: _prosody(inner, warnings)))
    return st.one_of(leaves)


def _width(max_members: int, depth: int) -> int:
    """Members per object at ``depth``: halved at each level, so trees stay small."""
    return max(1, max_members >> (depth - 1))


def _members(
    node: st.SearchStrategy[Any], max_members: int, warnings: bool
) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(node, min_size=0 if warnings else 1, max_size=max_members).map(tuple)


def _style(profile: Profile, warnings: bool) -> st.SearchStrategy[str]:
    known = st.sampled_from(sorted(profile.styles))
    if not warnings:
        return known
    odd = known.map(str.title)
    if not profile.unknown_style_is_error:
        odd = st.one_of(odd, st.sampled_from(("pirate", "robot")))
    return st.one_of(known, odd)


@functools.cache
def _express_as(
    profile: Profile, warnings: bool, max_depth: int, max_members: int
) -> st.SearchStrategy[ExpressAs]:
    children = _members(
        _content(profile, warnings, 2, max_depth, max_members), _width(max_members, 2), warnings
    )
    degree: st.SearchStrategy[str | None] = st.none()
    role: st.SearchStrategy[str | None] = st.none()
    if profile.allows_style_options:
        degree = _optional(_hundredths(1, 200))
        role = _optional(st.sampled_from(sorted(ROLES)))
    return st.builds(ExpressAs, _style(profile, warnings), children, degree, role)


@functools.cache
def _silence(profile: Profile, warnings: bool) -> st.SearchStrategy[Silence]:
    types = st.sampled_from(SILENCE_TYPES)
    if warnings:
        types = st.one_of(types, types.map(str.title))
    return st.builds(Silence, types, _durations(profile))


def _join_texts(nodes: tuple[Any, ...]) -> tuple[Any, ...]:
    """Merge adjacent text nodes at every level (they would merge in SSML anyway)."""
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, (Prosody, ExpressAs)):
            node = _replace_children(node, _join_texts(node.children))
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


def _replace_children(node: Prosody | ExpressAs, children: tuple[Any, ...]) -> Any:
    if isinstance(node, Prosody):
        return Prosody(children, node.pitch, node.rate, node.volume)
    return ExpressAs(node.style, children, node.styledegree, node.role)


def models(
    profile: ProfileName | Profile = "enablex",
    *,
    warnings: bool = False,
    adjacent_texts: bool = True,
    max_depth: int = MAX_DEPTH,
    max_members: int = MAX_MEMBERS,
) -> st.SearchStrategy[Tree]:
    """Valid :class:`~ttsbuilder.model.Tree` values for ``profile``.

    ``warnings=True`` also draws values that are warned about (never errors);
    ``adjacent_texts=False`` merges neighbouring texts, for tests that render to SSML,
    where two texts in a row become one; ``max_depth`` counts the top level as 1.

    >>> from hypothesis import find
    >>> find(models(), lambda tree: isinstance(tree.children[0], Break))
    Tree(children=(Break(value=Duration(text='0ms'), strength=None),))
    """
    if not (1 <= max_depth <= 16 and max_members >= 1):
        raise TTSBuilderError("max_depth is 1 to 16 and max_members at least 1")
    return _models(get_profile(profile), warnings, adjacent_texts, max_depth, max_members)


# Strategies are built once per set of options: hypothesis validates a strategy the first
# time it draws from it, which costs more than the draw itself.
@functools.cache
def _models(
    chosen: Profile, warnings: bool, adjacent_texts: bool, max_depth: int, max_members: int
) -> st.SearchStrategy[Tree]:
    top: list[st.SearchStrategy[Any]] = [
        st.builds(Text, texts()),
        _silence(chosen, warnings),
        _break(chosen),
        _say_as(warnings),
    ]
    if max_depth > 1:
        inner = _members(
            _content(chosen, warnings, 2, max_depth, max_members), _width(max_members, 2), warnings
        )
        top.append(_prosody(inner, warnings))
        top.append(_express_as(chosen, warnings, max_depth, max_members))
    nodes = st.lists(st.one_of(top), min_size=0 if warnings else 1, max_size=max_members)
    if adjacent_texts:
        return nodes.map(lambda found: Tree(tuple(found)))
    return nodes.map(lambda found: Tree(_join_texts(tuple(found))))


def trees(
    profile: ProfileName | Profile = "enablex",
    *,
    warnings: bool = False,
    adjacent_texts: bool = True,
    max_depth: int = MAX_DEPTH,
    max_members: int = MAX_MEMBERS,
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid ``text_to_speech_option`` dicts (canonical numbering) for ``profile``.

    Takes the options of :func:`models`.

    >>> from hypothesis import find
    >>> from ttsbuilder.validation import validate
    >>> tree = find(trees("azure"), lambda tree: "express-as" in tree)
    >>> validate(tree, kind="tts", profile="azure")
    []
    """
    return models(
        profile,
        warnings=warnings,
        adjacent_texts=adjacent_texts,
        max_depth=max_depth,
        max_members=max_members,
    ).map(encode_tree)


def prompts(
    profile: ProfileName | Profile = "enablex",
    *,
    warnings: bool = False,
    adjacent_texts: bool = True,
) -> st.SearchStrategy[Any]:
    """Builder values (:class:`ttsbuilder.builder.Prompt`) of valid trees for ``profile``.

    Takes the options of :func:`models`.
    """
    chosen = get_profile(profile)
    return models(chosen, warnings=warnings, adjacent_texts=adjacent_texts).map(
        lambda tree: Prompt.from_tree(tree, profile=chosen.name)
    )


# ---------------------------------------------------------------------------- payloads

_PHONES = st.from_regex(r"\+?[1-9][0-9]{6,14}", fullmatch=True)
_SIPS = st.from_regex(r"sip:[a-z][a-z0-9.]{0,8}@[a-z][a-z0-9]{0,8}\.(com|net|org)", fullmatch=True)
_LANGUAGES = ("en-US", "en-GB", "es-ES", "es-MX", "fr-FR", "de-DE", "zh-Hans-CN", "hi-IN")
_URLS = st.from_regex(r"https://[a-z]{1,10}\.(com|io)/[a-z0-9/]{0,12}", fullmatch=True)
_NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9_ -]{0,15}", fullmatch=True)


def _has_duration(tree: Tree) -> bool:
    return any(isinstance(n, SayAs) and n.interpret_as == "duration" for n in tree.walk())


@functools.cache
def _plays(profile: Profile, warnings: bool) -> st.SearchStrategy[dict[str, Any]]:
    return _play(profile, warnings)


@st.composite
def _play(draw: st.DrawFn, profile: Profile, warnings: bool) -> dict[str, Any]:
    content = draw(st.sampled_from(("tree", "text", "prompt", "tree+text")))
    body: dict[str, Any] = {}
    tree: Tree | None = None
    if content == "prompt" or (warnings and draw(st.booleans())):
        body["prompt_name"] = draw(_NAMES)
        if draw(st.booleans()):
            body["prompt_ref"] = draw(_NAMES)
    if content in ("text", "tree+text"):
        body["text"] = draw(texts())
    if content.startswith("tree"):
        tree = draw(models(profile, warnings=warnings))
    if draw(st.booleans()):
        languages: tuple[str, ...] = _LANGUAGES
        if tree is not None and _has_duration(tree) and not warnings:
            languages = tuple(tag for tag in _LANGUAGES if tag[:2] in ("en", "es"))
        body["language"] = draw(st.sampled_from(languages))
    if "text" in body or draw(st.booleans()):
        body["voice"] = draw(st.sampled_from(("male", "female")))
    if draw(st.booleans()):
        body["dtmf"] = draw(st.booleans())
    asr = draw(st.none() | st.booleans())
    if asr is not None:
        body["asr"] = asr
    if asr or (warnings and draw(st.booleans())):
        for key in ("start_timeout", "recognizer_timeout"):
            if draw(st.booleans()):
                body[key] = draw(st.integers(1, 10))
    if tree is not None:
        body["text_to_speech_option"] = encode_tree(tree)
    return body


def play_payloads(
    profile: ProfileName | Profile = "enablex", *, warnings: bool = False
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid play bodies (``PUT /call/{voice_id}/play``) for ``profile``.

    >>> from hypothesis import find
    >>> find(play_payloads(), lambda body: "text" in body)
    {'text': '0', 'voice': 'male'}
    """
    return _plays(get_profile(profile), warnings)


@st.composite
def _dial_out(draw: st.DrawFn, profile: Profile, warnings: bool) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if draw(st.booleans()):
        body["name"] = draw(_NAMES)
    if draw(st.booleans()):
        body["owner_ref"] = draw(_NAMES)
    if draw(st.booleans()):
        body["auto_record"] = draw(st.booleans())
    body["from"] = draw(_PHONES)
    body["to"] = draw(_PHONES | _SIPS)
    action = draw(st.sampled_from(("play", "connect", "room", None)))
    if action == "play":
        body["action_on_connect"] = {"play": draw(_plays(profile, warnings))}
    elif action == "connect":
        body["action_on_connect"] = {"connect": draw(_connect("to", True))}
    elif action == "room":
        body["action_on_connect"] = {"room": {"room_id": draw(_NAMES)}}
    if draw(st.booleans()):
        url = draw(_URLS)
        if warnings and draw(st.booleans()):
            url = "http" + url[5:]
        body["event_url"] = url
    return body


@functools.cache
def _connect(target: str, sip: bool) -> st.SearchStrategy[dict[str, Any]]:
    targets = (_PHONES | _SIPS) if sip else _PHONES
    # Built by hand: the keys come out in the documented order, "from" first.
    return st.tuples(_PHONES, targets).map(lambda pair: {"from": pair[0], target: pair[1]})


_RECORDINGS = st.one_of(
    st.just({"start": True}),
    _NAMES.map(lambda name: {"start": True, "recording_name": name}),
    st.just({"stop": True}),
)


def payloads(
    kind: DocumentKind = "play",
    profile: ProfileName | Profile = "enablex",
    *,
    warnings: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid request bodies of ``kind`` (one of :data:`PAYLOAD_KINDS`) for ``profile``.

    >>> from hypothesis import find
    >>> find(payloads("recording"), lambda body: "stop" in body)
    {'stop': True}
    """
    chosen = get_profile(profile)
    makers: dict[str, Callable[[], st.SearchStrategy[dict[str, Any]]]] = {
        "tts": lambda: trees(chosen, warnings=warnings),
        "play": lambda: _plays(chosen, warnings),
        "dial-out": lambda: _dial_out(chosen, warnings),
        "connect": lambda: _connect("to", True),
        "transfer": lambda: _connect("transfer_to", True),
        "forward": lambda: _connect("to", False),
        "hold": lambda: st.builds(lambda hold: {"hold": hold}, st.booleans()),
        "recording": lambda: _RECORDINGS,
    }
    try:
        return makers[kind]()
    except KeyError:
        raise TTSBuilderError(
            f"unknown kind {kind!r}: use one of {', '.join(PAYLOAD_KINDS)}"
        ) from None


# ---------------------------------------------------------------------------- mutations


def mutations(
    kind: DocumentKind = "tts",
    profile: ProfileName | Profile = "enablex",
    *,
    warnings: bool = False,
) -> st.SearchStrategy[Mutation]:
    """Documents of ``kind`` with exactly one mistake: ``(document, pointer, code)``.

    ``validate(document, kind, profile)`` reports ``code`` at ``pointer``, and no other
    error. With ``warnings=False`` (the default) every mutation is an error; with
    ``warnings=True`` some are warnings instead (``code`` then names a warning rule).

    >>> from hypothesis import find
    >>> find(mutations("hold"), lambda mutation: mutation.code == "TTS103")
    Mutation(document={'hold': 'yes'}, pointer='/hold', code='TTS103')
    """
    chosen = get_profile(profile)
    base = payloads(kind, chosen)

    @st.composite
    def mutated(draw: st.DrawFn) -> Mutation:
        document = copy.deepcopy(draw(base))
        return mutate(draw, document, kind, chosen, warnings)

    return mutated()


def invalid_trees(profile: ProfileName | Profile = "enablex") -> st.SearchStrategy[Mutation]:
    """Trees with exactly one error: ``(document, pointer, code)``; see :func:`mutations`."""
    return mutations("tts", profile)
