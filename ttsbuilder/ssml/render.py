"""Render a tree to SSML: Microsoft's Azure dialect, W3C SSML 1.1 (SPEC §5), or the
subsets Amazon Polly and Google Cloud Text-to-Speech read (docs/platforms.md).

The document is validated first and refused with
:class:`~ttsbuilder.errors.ValidationError` if it has errors. The SSML is built with
lxml's tree API, so the XML library escapes every text and attribute: nothing in a
text can become markup. Two text members in a row are kept apart by an empty comment
(``<!---->``), which no engine speaks, so parsing the SSML back finds both members.

>>> print(render_ssml({"text": "Fish & chips", "break": {"value": "500ms"}}))
... # doctest: +NORMALIZE_WHITESPACE
<speak xmlns="http://www.w3.org/2001/10/synthesis" xmlns:mstts="http://www.w3.org/2001/mstts"
 version="1.0" xml:lang="en-US"><voice name="en-US-JennyNeural">Fish &amp; chips<break
 time="500ms"/></voice></speak>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from lxml import etree

from ttsbuilder.errors import ArgumentError, TTSBuilderError, ValidationError
from ttsbuilder.problems import Problem, shown
from ttsbuilder.profiles import Profile, ProfileName
from ttsbuilder.rules.payloads import LANGUAGE_TAG
from ttsbuilder.rules.render import NO_DEFAULT_VOICE
from ttsbuilder.ssml.limits import check_limits
from ttsbuilder.ssml.names import (
    MSTTS,
    PLATFORMS,
    SPEAK,
    SYNTHESIS,
    TARGETS,
    VOICE,
    XML_LANG,
    Target,
)
from ttsbuilder.ssml.platform_writer import PlatformWriter
from ttsbuilder.ssml.source import Source, locate
from ttsbuilder.ssml.voices import (
    DEFAULT_LANGUAGE,
    GENDERS,
    VENDORS,
    VOICE_EXAMPLES,
    default_voice,
    is_voice_name,
    table_version,
    voice_locale,
    voice_name_like,
)
from ttsbuilder.ssml.writer import NO_ATTRIBUTES, Writer

__all__ = ["ChosenVoice", "Rendering", "choose_voice", "render_ssml", "render_ssml_with_problems"]

Element = etree._Element

# lxml takes None for the default namespace; its stubs do not say so.
_AZURE_NSMAP: Any = {None: SYNTHESIS, "mstts": MSTTS}
_W3C_NSMAP: Any = {None: SYNTHESIS}
_VERSIONS: dict[Target, str] = {"azure": "1.0", "w3c": "1.1"}
_SKELETONS: dict[tuple[Any, ...], Element] = {}


def _skeleton(
    source: Source, key: tuple[Any, ...], voice: str | None, language: str | None
) -> Element:
    """A fresh ``<speak><voice/></speak>`` for ``source``, remembered under ``key``.

    Copying a remembered skeleton is cheaper than choosing the voice and declaring the
    namespaces again; a change to the voice table makes new keys.
    """
    found = _SKELETONS.get(key)
    if found is None:
        target = key[0]
        spoken, voice_attributes = _voice(source, voice, language, target)
        if len(_SKELETONS) >= 256:
            _SKELETONS.clear()
        if target in PLATFORMS:
            # Polly and Google read a bare <speak>; Polly takes its voice from the request
            # (see choose_voice()), Google from a <voice name> as well.
            found = _SKELETONS[key] = etree.Element("speak")
            if target == "google":
                etree.SubElement(found, "voice", voice_attributes)
            return found.__copy__()  # type: ignore[attr-defined,no-any-return]
        nsmap = _AZURE_NSMAP if target == "azure" else _W3C_NSMAP
        attributes = {"version": _VERSIONS[target], XML_LANG: spoken}
        found = _SKELETONS[key] = etree.Element(SPEAK, attributes, nsmap=nsmap)
        etree.SubElement(found, VOICE, voice_attributes)
    return found.__copy__()  # type: ignore[attr-defined,no-any-return]


def _frozen(members: dict[str, Any]) -> tuple[Any, ...]:
    """A validated tree as a hashable value: its members, in order, all the way down."""
    return tuple(
        (name, _frozen(value) if type(value) is dict else value) for name, value in members.items()
    )


# Finished documents by everything they depend on, with the target's warnings: prompts are
# rendered again and again (an IVR menu, a catalog preview), and a look-up is cheaper than
# building and serializing the elements.
_RENDERED: dict[tuple[Any, ...], tuple[str, list[Problem]]] = {}


class Rendering(NamedTuple):
    """The SSML of a document and its warnings.

    ``problems`` are the document's own validation warnings followed by the target's
    TTS6xx warnings (what it wrote differently, approximated or dropped) and the
    platform's TTS9xx limits (a request too large is an error here, with the SSML still
    returned so it can be measured; :func:`render_ssml` refuses it). Unpacks as
    ``ssml, problems = render_ssml_with_problems(...)``.
    """

    ssml: str
    problems: list[Problem]


def _voice(
    source: Source, voice: str | None, language: str | None, target: Target
) -> tuple[str, dict[str, str]]:
    """The speak element's language and the voice element's attributes."""
    named = "azure" if target == "w3c" else target
    explicit = voice if is_voice_name(voice, named) else None
    if voice is not None and explicit is None and voice not in GENDERS:
        raise ArgumentError(
            f"voice={shown(voice)} is not allowed: use 'female', 'male' or "
            f"{voice_name_like(target)}",
            argument="voice",
            value=voice,
        )
    spoken = source.language or language
    if explicit is not None:
        if target == "polly":
            return spoken or DEFAULT_LANGUAGE, {"name": explicit}
        return spoken or voice_locale(explicit), {"name": explicit}
    spoken = spoken or DEFAULT_LANGUAGE
    gender = source.voice or voice or "female"
    if target == "w3c":
        return spoken, {"gender": gender}
    name = default_voice(spoken, gender, target)
    if name is None:
        at = "" if source.body is None else source.body
        if source.language is not None:
            at += "/language"
        problem = NO_DEFAULT_VOICE.problem(
            at,
            f"no default {VENDORS[target]} voice for language {spoken!r} and voice {gender!r}",
            f"pass a voice name like voice={VOICE_EXAMPLES[target]!r} or call "
            f"ttsbuilder.set_default_voice(..., target={target!r})",
        )
        raise ValidationError([*source.problems, problem])
    return spoken, {"name": name}


class ChosenVoice(NamedTuple):
    """The voice a rendering speaks with: its ``name`` (None for ``w3c``, which asks for
    a ``gender``) and its ``language``."""

    name: str | None
    language: str
    gender: str | None = None


def choose_voice(
    document: Any,
    target: Target = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    profile: ProfileName | Profile = "enablex",
) -> ChosenVoice:
    """The voice :func:`render_ssml` speaks ``document`` with in ``target``, by the same rules.

    Polly's SSML names no voice: pass this name as the request's ``VoiceId`` (Twilio's
    ``voice="Polly.Joanna"``). Raises what :func:`render_ssml` raises.

    >>> choose_voice({"text": "Hi", "voice": "male", "language": "en-GB"}, "polly")
    ChosenVoice(name='Brian', language='en-GB', gender=None)
    """
    _check_arguments(target, language, voice)
    source = locate(document, profile, language)
    spoken, attributes = _voice(source, voice, language, target)
    return ChosenVoice(attributes.get("name"), spoken, attributes.get("gender"))


def _check_arguments(
    target: object, language: object, voice: object = None, pretty: object = False
) -> None:
    if voice is not None and type(voice) is not str:  # a list was an unhashable TypeError
        raise ArgumentError(
            f"voice={shown(voice)} is not allowed: use 'female', 'male' or a voice name",
            argument="voice",
            value=voice,
        )
    if type(pretty) is not bool:  # pretty="no" was read as true
        raise ArgumentError(
            f"pretty={shown(pretty)} is not True or False", argument="pretty", value=pretty
        )
    if type(target) is not str or target not in TARGETS:
        raise TTSBuilderError(
            f"unknown SSML target {shown(target)}: use one of {', '.join(TARGETS)}"
        )
    # The play payload's language rule holds the one definition of a language tag.
    if language is not None and (type(language) is not str or not LANGUAGE_TAG.fullmatch(language)):
        raise ArgumentError(
            f"language={shown(language)} is not a language tag like 'en-US'",
            argument="language",
            value=language,
        )


def render_ssml_with_problems(
    document: Any,
    target: Target = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    pretty: bool = False,
    profile: ProfileName | Profile = "enablex",
) -> Rendering:
    """Like :func:`render_ssml`, and also return the warnings (:class:`Rendering`).

    >>> ssml, problems = render_ssml_with_problems(
    ...     {"express-as": {"style": "cheerful", "text": "Hi"}}, "w3c")
    >>> [p.code for p in problems]
    ['TTS604']
    """
    ssml, problems = _render(document, target, voice, language, pretty, profile)
    return Rendering(ssml, problems)


def _render(
    document: Any,
    target: Target,
    voice: str | None,
    language: str | None,
    pretty: bool,
    profile: ProfileName | Profile,
) -> tuple[str, list[Problem]]:
    _check_arguments(target, language, voice, pretty)
    source = locate(document, profile, language)
    key = (target, source.language, source.voice, voice, language, table_version())
    remembered = (key, pretty, source.pointer, _frozen(source.tree))
    found = _RENDERED.get(remembered)
    if found is None:
        found = _write(source, key, voice, language, pretty)
        if len(_RENDERED) >= 1024:
            _RENDERED.clear()
        _RENDERED[remembered] = found
    ssml, notes = found
    return ssml, source.problems + notes


def _write(
    source: Source, key: tuple[Any, ...], voice: str | None, language: str | None, pretty: bool
) -> tuple[str, list[Problem]]:
    root = _skeleton(source, key, voice, language)
    target = key[0]
    writer: Writer | PlatformWriter
    writer = PlatformWriter(target) if target in PLATFORMS else Writer(target == "azure")
    # Polly's document has no voice element: its content is the speak element's.
    container = root if target == "polly" else root[0]
    writer.fill(container, source.tree, source.pointer, NO_ATTRIBUTES)
    if writer.leading or writer.tailing:
        writer.place_silences(container)
    if pretty and container is not root:
        # Whitespace goes only where no engine speaks it: around the voice, never inside.
        root.text, root[0].tail = "\n  ", "\n"
    ssml = etree.tostring(root, encoding="unicode") + ("\n" if pretty else "")
    # The platform's own limits (TTS9xx), on top of the profile's: a voice named by the
    # caller is checked for its styles; a default voice is the service's choice.
    named = voice if target == "azure" and is_voice_name(voice, "azure") else None
    limits = check_limits(target, ssml, root, source.tree, source.pointer, named)
    return ssml, writer.problems + limits


def render_ssml(
    document: Any,
    target: Target = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    pretty: bool = False,
    profile: ProfileName | Profile = "enablex",
) -> str:
    """The SSML that ``document`` speaks, in ``target`` dialect ``azure``, ``w3c``,
    ``polly`` (Amazon Polly) or ``google`` (Google Cloud Text-to-Speech).

    ``document`` is a ``text_to_speech_option`` tree, a play or dial-out body holding
    one (or plain ``text``), or a builder value. A play body's own ``language`` and
    ``voice`` win; ``language`` and ``voice`` (``female``/``male``) fill in what the
    document does not say (default ``en-US``, ``female``), and a voice *name*
    (``en-US-AriaNeural``; ``Joanna`` for polly, ``en-US-Wavenet-F`` for google) always
    wins. Polly takes its voice from the request, not the SSML: :func:`choose_voice`
    says which. ``profile`` is the one validation uses.
    ``pretty=True`` puts the voice on a line of its own; nothing inside the voice
    changes, so the spoken text is the same and it still parses back exactly.
    Raises :class:`~ttsbuilder.errors.ValidationError` with the problems if the
    document has errors, or if the rendering breaks a limit of the target's platform
    (TTS9xx errors: a request the service would refuse).
    :func:`render_ssml_with_problems` also returns the warnings.

    >>> render_ssml({"text": "Hi"}, voice="male", language="en-GB").split("><", 1)[1]
    'voice name="en-GB-RyanNeural">Hi</voice></speak>'
    """
    ssml, problems = _render(document, target, voice, language, pretty, profile)
    if any(problem.is_error for problem in problems):
        # A platform limit (TTS9xx) the service would refuse: never a silent bad request.
        raise ValidationError(problems)
    return ssml
