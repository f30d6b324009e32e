"""``Prompt``: an immutable, chainable builder of ``text_to_speech_option`` trees.

Every call returns a new ``Prompt``; the one it was called on is unchanged, so a
half-built prompt can be shared and extended in several ways. Each call checks its own
arguments against the prompt's profile and raises :class:`~ttsbuilder.errors.BuildError`
right there, naming the argument, the value and what is allowed.

>>> greeting = Prompt().text("Hello").break_("500ms")
>>> greeting.text("Anna").to_dict()
{'text': 'Hello', 'break': {'value': '500ms'}, 'text2': 'Anna'}
>>> greeting.to_dict()
{'text': 'Hello', 'break': {'value': '500ms'}}
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from typing import Any

from ttsbuilder.builder import checks
from ttsbuilder.builder.encode import encode
from ttsbuilder.builder.render import render
from ttsbuilder.builder.types import (
    BreakStrength,
    DateFormat,
    DurationFormat,
    DurationLike,
    InterpretAs,
    PitchLike,
    RateLike,
    Role,
    SilenceType,
    Style,
    TimeFormat,
    VolumeLike,
)
from ttsbuilder.codec import decode_tree, encode_tree
from ttsbuilder.errors import BuildError
from ttsbuilder.model import ExpressAs, Node, Prosody, Tree
from ttsbuilder.problems import (
    Problem,
    shown,
)
from ttsbuilder.profiles import PROFILES, Profile, ProfileName
from ttsbuilder.validation import ensure_valid, validate
from ttsbuilder.values import Pitch, Rate, Volume

__all__ = ["Prompt"]


# The helpers' own parameter names, for their error messages.
_VALUE_NAMES = {"text": "value"}
_TELEPHONE_NAMES = {"text": "number", "format": "country_code"}


class Prompt:
    """A text-to-speech prompt under construction: its nodes in spoken order and a profile.

    ``Prompt(*content, profile="enablex")`` starts one; ``content`` is strings (texts) and
    other prompts. Nested content for :meth:`express_as` and :meth:`prosody` is given the
    same way: ``Prompt().prosody("slowly", rate="slow")``.

    >>> p = Prompt(profile="azure").express_as("cheerful", "Great news!", styledegree=1.5)
    >>> p.to_dict()
    {'express-as': {'style': 'cheerful', 'styledegree': '1.5', 'text': 'Great news!'}}
    """

    __slots__ = ("_nodes", "_profile")

    _nodes: tuple[Node, ...]
    _profile: Profile

    def __init__(self, *content: str | Prompt, profile: ProfileName | Profile = "enablex") -> None:
        chosen = _PROFILES.get(profile) if type(profile) is str else None
        if chosen is None:
            chosen = checks.profile_of("Prompt", profile)
        _set_profile(self, chosen)
        _set_nodes(self, _content_nodes("Prompt", content, chosen, top=True) if content else ())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Prompt is immutable: every method returns a new Prompt ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Prompt is immutable")

    # ------------------------------------------------------------------ views

    @property
    def nodes(self) -> tuple[Node, ...]:
        """The model nodes in spoken order (:mod:`ttsbuilder.model`)."""
        return self._nodes

    @property
    def profile(self) -> ProfileName:
        """The profile name every call is checked against: ``enablex`` or ``azure``."""
        return self._profile.name

    def to_tree(self) -> Tree:
        """The :class:`~ttsbuilder.model.Tree` of this prompt."""
        return Tree(self._nodes)

    def to_dict(self) -> dict[str, Any]:
        """The canonical tree dict (SPEC §1 numbering, spoken order kept), ready for JSON.

        >>> Prompt("Hi").break_("1s").text("there").to_dict()
        {'text': 'Hi', 'break': {'value': '1s'}, 'text2': 'there'}
        """
        return encode(self._nodes)

    @classmethod
    def from_dict(
        cls, document: Mapping[str, Any], *, profile: ProfileName | Profile = "enablex"
    ) -> Prompt:
        """The prompt of a tree dict; :class:`~ttsbuilder.errors.ValidationError` if invalid.

        The error's ``problems`` list every problem, with pointers into ``document``.

        >>> Prompt.from_dict({"text": "Hi", "break": {"value": "1s"}})
        Prompt().text('Hi').break_('1s')
        """
        chosen = checks.profile_of("from_dict", profile)
        ensure_valid(document, kind="tts", profile=chosen)
        return _make(decode_tree(document).children, chosen)

    @classmethod
    def from_tree(cls, tree: Tree, *, profile: ProfileName | Profile = "enablex") -> Prompt:
        """The prompt of a model :class:`~ttsbuilder.model.Tree`, validated like from_dict.

        A ``tree`` that is not a ``Tree`` of model nodes raises
        :class:`~ttsbuilder.errors.BuildError`; an invalid one
        :class:`~ttsbuilder.errors.ValidationError`.

        >>> Prompt.from_tree(Prompt("Hi").to_tree())
        Prompt().text('Hi')
        """
        chosen = checks.profile_of("from_tree", profile)
        if not isinstance(tree, Tree):
            raise BuildError(
                f"from_tree(tree={shown(tree)}): not a ttsbuilder.model.Tree",
                argument="tree",
                value=tree,
                hint="for a dict use Prompt.from_dict()",
            )
        try:
            document = encode_tree(tree)
        except (AttributeError, TypeError, ValueError, KeyError, RecursionError):
            raise BuildError(
                f"from_tree(tree={shown(tree)}): holds something that is not a model node",
                argument="tree",
                value=tree,
            ) from None
        ensure_valid(document, kind="tts", profile=chosen)
        # Rebuilt from the checked dict, so the prompt holds canonical nodes only.
        return _make(decode_tree(document).children, chosen)

    def warnings(self, *, language: str | None = None) -> list[Problem]:
        """The warnings validate() has about this prompt (it has no errors by construction).

        >>> [p.code for p in Prompt().prosody("Hi", rate="30%").warnings()]
        ['TTS212']
        """
        if language is not None and type(language) is not str:
            raise BuildError(
                f"warnings(language={shown(language)}): a language is a BCP 47 tag like 'en-US'",
                argument="language",
                value=language,
            )
        return validate(self.to_dict(), kind="tts", profile=self._profile, language=language)

    # ------------------------------------------------------------------ nodes

    def _add(self, node: Node) -> Prompt:
        return _make((*self._nodes, node), self._profile)

    def text(self, text: str) -> Prompt:
        """Add a text, spoken as is. ↔ ``"text": "Welcome"``.

        >>> Prompt().text("Welcome").to_dict()
        {'text': 'Welcome'}
        """
        node = _TEXTS.get(text) if type(text) is str else None
        if node is None:
            node = checks.make_text("text", "text", text)
        return _make((*self._nodes, node), self._profile)

    def silence(self, type: SilenceType, value: DurationLike) -> Prompt:
        """Add an Azure silence (top level only). ↔ ``"silence": {"type", "value"}``.

        >>> Prompt().silence("leading", "2000ms").to_dict()
        {'silence': {'type': 'leading', 'value': '2000ms'}}
        """
        profile = self._profile
        node = None
        if _TYPE(type) in _TEXTUAL and _TYPE(value) in _TEXTUAL and profile in _NAMED:
            node = _SILENCES.get((type, value, profile.name))
        if node is None:
            node = checks.make_silence("silence", type, value, profile)
        return _make((*self._nodes, node), profile)

    def break_(self, value: DurationLike, strength: BreakStrength | None = None) -> Prompt:
        """Add a pause (JSON ``break``; ``break`` is a Python keyword, hence the underscore).

        >>> Prompt().break_("2s", strength="strong").to_dict()
        {'break': {'value': '2s', 'strength': 'strong'}}
        """
        profile = self._profile
        node = None
        # Only exact str arguments are looked up: a str subclass equals its text, but the
        # rules refuse it, and ms(1500) equals seconds(1.5) but is written otherwise.
        if type(value) is str and _TYPE(strength) in _TEXTUAL and profile in _NAMED:
            node = _BREAKS.get((value, strength, profile.name))
        if node is None:
            node = checks.make_break("break_", value, strength, profile)
        return _make((*self._nodes, node), profile)

    def express_as(
        self,
        style: Style,
        *content: str | Prompt,
        styledegree: str | float | None = None,
        role: Role | None = None,
    ) -> Prompt:
        """Add content spoken in a style (top level only). ``styledegree``/``role``: azure only.

        >>> Prompt().express_as("gentle", "Take your time.").to_dict()
        {'express-as': {'style': 'gentle', 'text': 'Take your time.'}}
        """
        profile = self._profile
        found = None
        if (
            type(style) is str
            and _TYPE(styledegree) in _TEXTUAL
            and _TYPE(role) in _TEXTUAL
            and profile in _NAMED
        ):
            found = _EXPRESS_AS.get((style, styledegree, role, profile.name))
        if found is None:
            found = checks.express_as_attributes("express_as", style, styledegree, role, profile)
        style_, degree, role_ = found
        children = _content("express_as", content, profile)
        return _make((*self._nodes, _express_as(style_, children, degree, role_)), profile)

    def prosody(
        self,
        *content: str | Prompt,
        pitch: PitchLike | None = None,
        rate: RateLike | None = None,
        volume: VolumeLike | None = None,
    ) -> Prompt:
        """Add content with a pitch, rate and/or volume; prosody may nest.

        >>> Prompt().prosody("Hurry!", rate="+30%", volume="loud").to_dict()
        {'prosody': {'rate': '+30%', 'volume': 'loud', 'text': 'Hurry!'}}
        """
        found = None
        if _TYPE(pitch) in _TEXTUAL and _TYPE(rate) in _TEXTUAL and _TYPE(volume) in _TEXTUAL:
            found = _PROSODY.get((pitch, rate, volume))
        if found is None:
            found = checks.prosody_attributes("prosody", pitch, rate, volume)
        pitch_, rate_, volume_ = found
        children = _content("prosody", content, self._profile)
        return _make((*self._nodes, _prosody(children, pitch_, rate_, volume_)), self._profile)

    def say_as(
        self,
        interpret_as: InterpretAs,
        text: str,
        format: DateFormat | TimeFormat | DurationFormat | str | None = None,
    ) -> Prompt:
        """Add a say-as hint. A text that does not fit its type is a warning here.

        >>> Prompt().say_as("cardinal", "1024").to_dict()
        {'say-as': {'interpret-as': 'cardinal', 'text': '1024'}}
        """
        node = checks.make_say_as("say_as", interpret_as, text, format, self._profile)
        return _make((*self._nodes, node), self._profile)

    # ------------------------------------------------------------------ say-as helpers

    def _helper(self, method: str, interpret_as: str, text: object, form: object) -> Prompt:
        node = None
        if type(text) is str and _TYPE(form) in _TEXTUAL:
            node = _FITTING.get((interpret_as, text, form))
        if node is None:
            node = checks.make_say_as(method, interpret_as, text, form, self._profile, _VALUE_NAMES)
            node = checks.say_as_text(method, "value", node)
        return _make((*self._nodes, node), self._profile)

    def date(self, value: str | datetime.date, format: DateFormat | None = None) -> Prompt:
        """Add a date read in ``format``; a ``datetime.date`` is written in it (default ymd).

        Unlike :meth:`say_as`, a text that is not a date in its format is an error.

        >>> Prompt().date(datetime.date(2020, 10, 19), "mdy").to_dict()
        {'say-as': {'interpret-as': 'date', 'format': 'mdy', 'text': '10/19/2020'}}
        """
        text: object = value
        if isinstance(value, datetime.date):
            form = "ymd" if format is None else format
            parts = {"d": f"{value.day:02d}", "m": f"{value.month:02d}", "y": f"{value.year:04d}"}
            fields = [parts.get(letter, "") for letter in str(form)]
            text = ("-" if str(form).startswith("y") else "/").join(fields)
            format = form
        return self._helper("date", "date", text, format)

    def time(self, value: str | datetime.time, format: TimeFormat | None = None) -> Prompt:
        """Add a time of day; a ``datetime.time`` is written for ``format`` (default hms24).

        >>> Prompt().time(datetime.time(14, 30), "hms12").to_dict()
        {'say-as': {'interpret-as': 'time', 'format': 'hms12', 'text': '2:30pm'}}
        """
        text: object = value
        if isinstance(value, datetime.time):
            if value.utcoffset() is not None:
                # A say-as time has no zone: which clock the listener hears is the caller's call.
                raise BuildError(
                    f"time(value={value!r}): a say-as time has no time zone",
                    argument="value",
                    value=value,
                    hint="convert it to the listener's local time, then .replace(tzinfo=None)",
                )
            seconds = f":{value.second:02d}" if value.second else ""
            if format == "hms12":
                hour = value.hour % 12 or 12
                text = f"{hour}:{value.minute:02d}{seconds}{'am' if value.hour < 12 else 'pm'}"
            else:
                format = "hms24" if format is None else format
                text = f"{value.hour}:{value.minute:02d}{seconds}"
        return self._helper("time", "time", text, format)

    def telephone(self, number: str, country_code: str | int | None = None) -> Prompt:
        """Add a phone number; ``country_code`` (1-3 digits) becomes the say-as format.

        >>> Prompt().telephone("555 0100", country_code=1).to_dict()
        {'say-as': {'interpret-as': 'telephone', 'format': '1', 'text': '555 0100'}}
        """
        form: object = country_code
        if type(country_code) is int:
            form = _integer_text("telephone", country_code, "country_code")
        node = checks.make_say_as(
            "telephone",
            "telephone",
            number,
            form,
            self._profile,
            _TELEPHONE_NAMES,
            given={"format": country_code},  # an error names the number 1000, not '1000'
        )
        return self._add(node)

    def digits(self, value: str | int) -> Prompt:
        """Add a number read digit by digit (say-as ``number_digit``).

        >>> Prompt().digits("0800 123").to_dict()
        {'say-as': {'interpret-as': 'number_digit', 'text': '0800 123'}}
        """
        return self._helper("digits", "number_digit", _integer_text("digits", value), None)

    def ordinal(self, value: str | int) -> Prompt:
        """Add an ordinal: ``3`` or ``"3rd"`` is read "third".

        >>> Prompt().ordinal(3).to_dict()
        {'say-as': {'interpret-as': 'ordinal', 'text': '3'}}
        """
        return self._helper("ordinal", "ordinal", _integer_text("ordinal", value), None)

    def cardinal(self, value: str | int | float) -> Prompt:
        """Add a number read as a number (say-as ``cardinal``): ``1024``, ``"1,024"``, ``-3.5``.

        >>> Prompt().cardinal(1024).to_dict()
        {'say-as': {'interpret-as': 'cardinal', 'text': '1024'}}
        """
        text: object = _integer_text("cardinal", value)
        if type(value) is float:
            checks.number_text("cardinal", "value", value)  # NaN and inf are no numbers
            # Written in full: '1e+20' is no number a voice reads as one.
            text = format(decimal.Decimal(repr(value)), "f")
        return self._helper("cardinal", "cardinal", text, None)

    def characters(self, text: str) -> Prompt:
        """Add a text spelled out character by character (say-as ``characters``).

        >>> Prompt().characters("ABC").to_dict()
        {'say-as': {'interpret-as': 'characters', 'text': 'ABC'}}
        """
        return self._add(checks.make_say_as("characters", "characters", text, None, self._profile))

    # ------------------------------------------------------------------ values

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Prompt):
            return NotImplemented
        # Profiles compare by their limits: one of one's own under a known name differs.
        mine, theirs = self._profile, other._profile
        return self._nodes == other._nodes and (mine is theirs or mine == theirs)

    def __hash__(self) -> int:
        return hash((self._nodes, self._profile.name))

    def __add__(self, other: object) -> Prompt:
        """``a + b``: a's nodes then b's (b may be a str); b is checked against a's profile."""
        if isinstance(other, str):
            return self.text(other)
        if not isinstance(other, Prompt):
            return NotImplemented
        if other._profile is not self._profile and other._profile != self._profile:
            checks.recheck("+", other._nodes, self._profile)
        return _make(self._nodes + other._nodes, self._profile)

    def __radd__(self, other: object) -> Prompt:
        if isinstance(other, str):
            first = checks.make_text("+", "text", other)
            return _make((first, *self._nodes), self._profile)
        return NotImplemented

    def __repr__(self) -> str:
        return render(self._nodes, self._profile.name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self._nodes, self._profile))


# The hot path of every call: build a Prompt without __init__, through the slot descriptors.
_new = object.__new__
_set_nodes = Prompt.__dict__["_nodes"].__set__
_set_profile = Prompt.__dict__["_profile"].__set__
_PROFILES = PROFILES
_TEXTS = checks.TEXT_CACHE
_BREAKS = checks.BREAK_CACHE
_SILENCES = checks.SILENCE_CACHE
_PROSODY = checks.PROSODY_CACHE
_EXPRESS_AS = checks.EXPRESS_AS_CACHE
_FITTING = checks.FITTING_CACHE
_TYPE = type
# checks.cached(profile), inlined on the hot path.
_NAMED = checks.CACHED_PROFILES
# The argument types a cache is looked up with (a str subclass or a number is checked anew).
_TEXTUAL = (str, type(None))
# The slots read directly: a subclass cannot pass something else off as its nodes.
_get_nodes = Prompt.__dict__["_nodes"].__get__
_get_profile = Prompt.__dict__["_profile"].__get__


def _restore(nodes: tuple[Node, ...], profile: Profile) -> Prompt:
    """A copied or unpickled prompt: a copy of a named profile is that profile again."""
    return _make(nodes, checks.profile_of("Prompt", profile))


def _make(nodes: tuple[Node, ...], profile: Profile) -> Prompt:
    new: Prompt = _new(Prompt)
    _set_nodes(new, nodes)
    _set_profile(new, profile)
    return new


def _slot_setters(cls: type, names: str) -> list[Any]:
    return [getattr(cls, name).__set__ for name in names.split()]


# Frozen dataclass __init__ sets each field through object.__setattr__; the containers
# are the two nodes the builder makes itself, so it fills their slots directly (a test
# holds the result equal to the dataclass constructor's).
_PROSODY_SLOTS = _slot_setters(Prosody, "children pitch rate volume")
_EXPRESS_AS_SLOTS = _slot_setters(ExpressAs, "style children styledegree role")


def _prosody(
    children: tuple[Node, ...], pitch: Pitch | None, rate: Rate | None, volume: Volume | None
) -> Prosody:
    node: Prosody = _new(Prosody)
    set_children, set_pitch, set_rate, set_volume = _PROSODY_SLOTS
    set_children(node, children)
    set_pitch(node, pitch)
    set_rate(node, rate)
    set_volume(node, volume)
    return node


def _express_as(
    style: str, children: tuple[Node, ...], styledegree: str | None, role: str | None
) -> ExpressAs:
    node: ExpressAs = _new(ExpressAs)
    set_style, set_children, set_degree, set_role = _EXPRESS_AS_SLOTS
    set_style(node, style)
    set_children(node, children)
    set_degree(node, styledegree)
    set_role(node, role)
    return node


def _content(method: str, content: tuple[Any, ...], profile: Profile) -> tuple[Node, ...]:
    """The nodes of express-as or prosody content; one same-profile Prompt is the fast path."""
    if len(content) == 1:
        item = content[0]
        if type(item) is str:
            text = _TEXTS.get(item)
            return (text if text is not None else checks.make_text(method, "content", item),)
        if type(item) is Prompt and item._profile is profile:
            checks.check_content(method, item._nodes)
            return item._nodes
    return _content_nodes(method, content, profile, top=False)


def _content_nodes(
    method: str, items: tuple[Any, ...], profile: Profile, *, top: bool
) -> tuple[Node, ...]:
    """The nodes of ``items`` (strings become text, prompts give their nodes).

    Inside express-as and prosody (``top=False``) only text, break, prosody and say-as
    may appear, and nesting stays within the depth validate() allows. A prompt built
    under another profile is checked again against ``profile``.
    """
    nodes: list[Node] = []
    for item in items:
        if type(item) is str:
            nodes.append(_TEXTS.get(item) or checks.make_text(method, "content", item))
            continue
        if not isinstance(item, Prompt):
            raise BuildError(
                f"{method}(content={shown(item)}): content is a str or a Prompt",
                argument="content",
                value=item,
                hint="wrap nodes in Prompt(...)",
            )
        item_nodes, item_profile = _get_nodes(item), _get_profile(item)
        if item_profile is not profile and item_profile != profile:
            checks.recheck(method, item_nodes, profile)
        nodes.extend(item_nodes)
    found = tuple(nodes)
    if not top:
        checks.check_content(method, found)
    return found


def _integer_text(method: str, value: object, argument: str = "value") -> object:
    """An int written in decimal (other values pass, for the checks to judge)."""
    if type(value) is not int:
        return value
    try:
        return str(value)
    except ValueError:  # Python limits int-to-str conversion
        raise BuildError(
            f"{method}({argument}={shown(value)}): a number too long to speak",
            argument=argument,
            value=value,
        ) from None
