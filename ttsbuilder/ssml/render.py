"""Render a tree to SSML: Microsoft's Azure dialect or W3C SSML 1.1 (SPEC §5).

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

import re
from typing import Any, NamedTuple

from lxml import etree

from ttsbuilder.errors import BuildError, TTSBuilderError, ValidationError
from ttsbuilder.problems import Problem
from ttsbuilder.profiles import Profile
from ttsbuilder.rules.render import (
    NO_DEFAULT_VOICE,
    SILENCE_WHOLE_MS,
    W3C_EXPRESS_AS,
    W3C_SILENCE,
)
from ttsbuilder.ssml.names import (
    BREAK,
    EXPRESS_AS,
    MSTTS,
    PROSODY,
    SAY_AS,
    SILENCE,
    SPEAK,
    SYNTHESIS,
    TARGETS,
    VOICE,
    XML_LANG,
)
from ttsbuilder.ssml.source import Source, locate
from ttsbuilder.ssml.voices import (
    DEFAULT_LANGUAGE,
    GENDERS,
    default_voice,
    is_voice_name,
    voice_locale,
)
from ttsbuilder.values import PROSODY_TYPES, Duration

__all__ = ["Rendering", "render_ssml", "render_ssml_with_problems"]

_DIGITS = "0123456789"
# Microsoft's schema pattern for mstts:silence/@value: whole numbers only.
_WHOLE_DURATION = re.compile(r"[0-9]+(?:ms|s)")
_PROSODY_ATTRIBUTES = frozenset({"pitch", "rate", "volume"})
_EXPRESS_ATTRIBUTES = frozenset({"style", "styledegree", "role"})
_NONE: frozenset[str] = frozenset()
# lxml takes None for the default namespace; its stubs do not say so.
_AZURE_NSMAP: Any = {None: SYNTHESIS, "mstts": MSTTS}
_W3C_NSMAP: Any = {None: SYNTHESIS}

Element = etree._Element


class Rendering(NamedTuple):
    """The SSML of a document and its warnings.

    ``problems`` are the document's own validation warnings followed by the target's
    TTS6xx warnings (what it wrote differently, approximated or dropped). Unpacks as
    ``ssml, problems = render_ssml_with_problems(...)``.
    """

    ssml: str
    problems: list[Problem]


class _Writer:
    """Appends a tree's members to an element, collecting the target's warnings."""

    __slots__ = ("azure", "leading", "problems", "tailing")

    def __init__(self, azure: bool) -> None:
        self.azure = azure
        self.problems: list[Problem] = []
        self.leading: list[str] = []
        self.tailing: list[str] = []

    def fill(
        self,
        parent: Element,
        members: dict[str, Any],
        pointer: str,
        attributes: frozenset[str],
        last: Element | None = None,
        text_open: bool = False,
    ) -> tuple[Element | None, bool]:
        """Append ``members`` after ``last``; return the new last child and whether text ends it."""
        for name, value in members.items():
            if name in attributes:
                continue
            kind = name.rstrip(_DIGITS)
            if kind == "text":
                if text_open:
                    last = etree.Comment("")
                    parent.append(last)
                if last is None:
                    parent.text = (parent.text or "") + value
                else:
                    last.tail = (last.tail or "") + value
                text_open = True
                continue
            if kind == "break":
                attrib = {"time": value["value"]}
                if "strength" in value:
                    attrib["strength"] = value["strength"]
                last = etree.SubElement(parent, BREAK, attrib)
            elif kind == "prosody":
                last = etree.SubElement(parent, PROSODY, self._prosody(value))
                self.fill(last, value, "", _PROSODY_ATTRIBUTES)
            elif kind == "say-as":
                attrib = {"interpret-as": value["interpret-as"]}
                if "format" in value:
                    attrib["format"] = value["format"]
                last = etree.SubElement(parent, SAY_AS, attrib)
                last.text = value["text"]
            elif kind == "silence":
                if self._silence(parent, value, f"{pointer}/{name}"):
                    last = parent[-1]
                else:
                    continue  # dropped; a text after it still starts a new member
            elif self.azure:  # express-as
                attrib = {
                    key: value[key] for key in ("style", "styledegree", "role") if key in value
                }
                last = etree.SubElement(parent, EXPRESS_AS, attrib)
                self.fill(last, value, "", _EXPRESS_ATTRIBUTES)
            else:
                self.problems.append(
                    W3C_EXPRESS_AS.problem(
                        f"{pointer}/{name}",
                        f"express-as style {value['style']!r} is dropped: SSML 1.1 has no "
                        "speaking styles, its content is spoken in the normal voice",
                    )
                )
                last, text_open = self.fill(parent, value, "", _EXPRESS_ATTRIBUTES, last, text_open)
                continue
            text_open = False
        return last, text_open

    def _prosody(self, value: dict[str, Any]) -> dict[str, str]:
        attrib: dict[str, str] = {}
        for key, text in value.items():
            if key in _PROSODY_ATTRIBUTES:
                parsed = PROSODY_TYPES[key].read(text)
                assert parsed is not None  # validated
                attrib[key] = parsed.azure() if self.azure else parsed.to_w3c()  # type: ignore[attr-defined]
        return attrib

    def _silence(self, parent: Element, value: dict[str, str], pointer: str) -> bool:
        """Write one silence; False when the target drops it."""
        kind = value["type"].lower()  # the schemas take lowercase; validate() warned already
        length = value["value"]
        if self.azure:
            if _WHOLE_DURATION.fullmatch(length) is None:
                duration = Duration.parse(length)
                whole = duration.whole_ms()
                how = "the same length" if duration.milliseconds.is_integer() else "rounded"
                self.problems.append(
                    SILENCE_WHOLE_MS.problem(
                        pointer + "/value",
                        f"silence value {length!r} is written {whole!r} ({how}): Microsoft's "
                        "schema takes whole numbers of s or ms",
                    )
                )
                length = whole
            etree.SubElement(parent, SILENCE, {"type": kind, "value": length})
            return True
        if kind.startswith(("leading", "tailing")):
            where = "start" if kind.startswith("leading") else "end"
            (self.leading if where == "start" else self.tailing).append(length)
            message = f"{kind} silence {length!r} is written as a break at the {where}"
            if kind.endswith("-exact"):
                message += ", added to the natural pause instead of replacing it"
        else:
            message = f"{kind} silence {length!r} is dropped: SSML 1.1 cannot express it"
        self.problems.append(W3C_SILENCE.problem(pointer, message))
        return False

    def place_silences(self, voice: Element) -> None:
        """Put the w3c target's leading silences first and tailing silences last."""
        for length in reversed(self.leading):
            pause = etree.Element(BREAK, {"time": length})
            pause.tail, voice.text = voice.text, None
            voice.insert(0, pause)
        for length in self.tailing:
            etree.SubElement(voice, BREAK, {"time": length})


def _voice(
    source: Source, voice: str | None, language: str | None, azure: bool
) -> tuple[str, dict[str, str]]:
    """The speak element's language and the voice element's attributes."""
    explicit = voice if is_voice_name(voice) else None
    if voice is not None and explicit is None and voice not in GENDERS:
        raise BuildError(
            f"voice={voice!r} is not allowed: use 'female', 'male' or an Azure voice name "
            "like 'en-US-JennyNeural'",
            argument="voice",
            value=voice,
        )
    spoken = source.language or language
    if explicit is not None:
        return spoken or voice_locale(explicit), {"name": explicit}
    spoken = spoken or DEFAULT_LANGUAGE
    gender = source.voice or voice or "female"
    if not azure:
        return spoken, {"gender": gender}
    name = default_voice(spoken, gender)
    if name is None:
        at = "" if source.body is None else source.body
        if source.language is not None:
            at += "/language"
        problem = NO_DEFAULT_VOICE.problem(
            at,
            f"no default Azure voice for language {spoken!r} and voice {gender!r}",
            "pass voice='<locale>-<Name>Neural' or call ttsbuilder.set_default_voice()",
        )
        raise ValidationError([*source.problems, problem])
    return spoken, {"name": name}


def render_ssml_with_problems(
    document: Any,
    target: str = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    pretty: bool = False,
    profile: str | Profile = "enablex",
) -> Rendering:
    """Like :func:`render_ssml`, and also return the warnings (:class:`Rendering`).

    >>> ssml, problems = render_ssml_with_problems(
    ...     {"express-as": {"style": "cheerful", "text": "Hi"}}, "w3c")
    >>> [p.code for p in problems]
    ['TTS604']
    """
    if target not in TARGETS:
        raise TTSBuilderError(f"unknown SSML target {target!r}: use one of {', '.join(TARGETS)}")
    azure = target == "azure"
    source = locate(document, profile, language)
    spoken, voice_attributes = _voice(source, voice, language, azure)
    if azure:
        root = etree.Element(SPEAK, {"version": "1.0", XML_LANG: spoken}, nsmap=_AZURE_NSMAP)
    else:
        root = etree.Element(SPEAK, {"version": "1.1", XML_LANG: spoken}, nsmap=_W3C_NSMAP)
    speaker = etree.SubElement(root, VOICE, voice_attributes)
    writer = _Writer(azure)
    writer.fill(speaker, source.tree, source.pointer, _NONE)
    if writer.leading or writer.tailing:
        writer.place_silences(speaker)
    if pretty:
        # Whitespace goes only where no engine speaks it: around the voice, never inside.
        root.text, speaker.tail = "\n  ", "\n"
    ssml = etree.tostring(root, encoding="unicode")
    if pretty:
        ssml += "\n"
    return Rendering(ssml, source.problems + writer.problems)


def render_ssml(
    document: Any,
    target: str = "azure",
    *,
    voice: str | None = None,
    language: str | None = None,
    pretty: bool = False,
    profile: str | Profile = "enablex",
) -> str:
    """The SSML that ``document`` speaks, in ``target`` dialect ``azure`` or ``w3c``.

    ``document`` is a ``text_to_speech_option`` tree, a play or dial-out body holding
    one (or plain ``text``), or a builder value. A play body's own ``language`` and
    ``voice`` win; ``language`` and ``voice`` (``female``/``male``) fill in what the
    document does not say (default ``en-US``, ``female``), and a voice *name*
    (``en-US-AriaNeural``) always wins. ``profile`` is the one validation uses.
    ``pretty=True`` puts the voice on a line of its own; nothing inside the voice
    changes, so the spoken text is the same and it still parses back exactly.
    Raises :class:`~ttsbuilder.errors.ValidationError` with the problems if the
    document has errors. :func:`render_ssml_with_problems` also returns the warnings.

    >>> render_ssml({"text": "Hi"}, voice="male", language="en-GB").split("><", 1)[1]
    'voice name="en-GB-RyanNeural">Hi</voice></speak>'
    """
    return render_ssml_with_problems(
        document, target, voice=voice, language=language, pretty=pretty, profile=profile
    ).ssml
