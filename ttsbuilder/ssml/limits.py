"""The platforms' own limits and billing rules, applied to a finished rendering.

``profile`` is the Voice API's rule set; these are the platform's, on top of it: the size
of one request (Polly's 3,000 billed / 6,000 characters, Google's 5,000 bytes, Azure's
64 KB), what each platform bills, and, for Azure voices named by the caller, whether the
voice has the requested speaking style and whether an HD voice reads the elements used.
docs/platforms.md ("Limits and budgets") has each number's source.

>>> billable_characters("polly", '<speak>Hi<break time="1s"/> there</speak>')
8
>>> billable_characters("azure", '<speak><voice name="v">你好<break time="1s"/></voice></speak>')
22
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from lxml import etree

from ttsbuilder.problems import Problem
from ttsbuilder.rules.base import Rule
from ttsbuilder.rules.limits import (
    AZURE_HD_VOICE,
    AZURE_SSML_SIZE,
    AZURE_VOICE_STYLE,
    GOOGLE_SSML_BYTES,
    POLLY_BILLED_CHARACTERS,
    POLLY_TEXT_LENGTH,
)
from ttsbuilder.ssml.names import TARGETS, Target
from ttsbuilder.ssml.voice_styles import AZURE_VOICE_STYLES

__all__ = [
    "AZURE_MAX_SSML_BYTES",
    "BILLING_TARGETS",
    "GOOGLE_MAX_SSML_BYTES",
    "HD_UNSUPPORTED",
    "POLLY_MAX_BILLED",
    "POLLY_MAX_CHARACTERS",
    "SIZE_LIMITS",
    "Counted",
    "SizeLimit",
    "billable_characters",
    "check_limits",
    "is_hd_voice",
    "size_usage",
    "spoken_text",
]

#: Azure: the largest SSML message of one request (64 KB).
AZURE_MAX_SSML_BYTES = 65536
#: Amazon Polly SynthesizeSpeech: billed characters (text, not tags) of one request.
POLLY_MAX_BILLED = 3000
#: Amazon Polly SynthesizeSpeech: characters of one request, tags included.
POLLY_MAX_CHARACTERS = 6000
#: Google Cloud Text-to-Speech: bytes of one request's input, markup included.
GOOGLE_MAX_SSML_BYTES = 5000

#: Tree members Azure's HD voices (``en-US-Ava:DragonHDLatestNeural``) do not support.
HD_UNSUPPORTED: tuple[str, ...] = ("break", "prosody", "express-as", "silence")

# Han ideographs (Chinese hanzi, Japanese kanji, Korean hanja): Microsoft bills each as
# two characters. Kana and hangul are not Chinese characters and count once.
_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af]"
)
# What a <voice> element holds, as sent (names and attributes never hold a '>').
_VOICE_CONTENT = re.compile(r"<voice\b[^>]*>(.*?)</voice>", re.DOTALL)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def is_hd_voice(voice: object) -> bool:
    """True for an Azure HD voice name (``en-US-Ava:DragonHDLatestNeural``).

    >>> is_hd_voice("en-US-Ava:DragonHDLatestNeural"), is_hd_voice("en-US-AvaNeural")
    (True, False)
    """
    return isinstance(voice, str) and ":DragonHD" in voice


def _root(ssml: str) -> Any:
    return etree.fromstring(ssml.encode(), _PARSER)


def spoken_text(ssml: str | Any) -> str:
    """The text an SSML document (a string, or its parsed root) speaks: its texts in
    document order, no comments.

    >>> spoken_text('<speak>Hi<!----> there<break time="1s"/>!</speak>')
    'Hi there!'
    """
    root = _root(ssml) if isinstance(ssml, str) else ssml
    parts: list[str] = []
    for element in root.iter():
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        if element is not root and element.tail:
            parts.append(element.tail)
    return "".join(parts)


def _azure_billable(ssml: str) -> int:
    """Everything inside the ``<voice>`` elements as sent, each Han ideograph twice."""
    content = "".join(_VOICE_CONTENT.findall(ssml))
    return len(content) + len(_HAN.findall(content))


def billable_characters(target: Target, ssml: str, root: Any = None) -> int | None:
    """The characters ``target``'s platform bills for ``ssml`` (None for ``w3c``: no platform).

    ``root`` is ``ssml`` parsed, when the caller has it. Polly bills the text, not the
    tags; Google bills the whole input, markup included;
    Azure bills everything inside ``<voice>`` (markup too) and each Chinese character
    (Han ideograph) twice.

    >>> billable_characters("google", '<speak>Hi</speak>')
    17
    """
    if target == "polly":
        return len(spoken_text(ssml if root is None else root))
    if target == "google":
        return len(ssml)
    if target == "azure":
        return _azure_billable(ssml)
    return None


#: What a size limit counts: the text the platform bills, or the whole SSML sent.
Counted = Literal["billed characters", "characters", "bytes"]


class SizeLimit(NamedTuple):
    """One size limit of a platform's request: ``what`` is counted, at most ``limit``.

    ``rule`` is the TTS9xx error past it; ``says`` its message (``{used}``, ``{limit}``).
    """

    what: Counted
    limit: int
    rule: Rule
    says: str


#: Each target's size limits, in the order they are reported (``w3c`` has none).
SIZE_LIMITS: Mapping[str, tuple[SizeLimit, ...]] = MappingProxyType(
    {
        "polly": (
            SizeLimit(
                "billed characters",
                POLLY_MAX_BILLED,
                POLLY_BILLED_CHARACTERS,
                "{used} billed characters: Amazon Polly's SynthesizeSpeech takes at most {limit}",
            ),
            SizeLimit(
                "characters",
                POLLY_MAX_CHARACTERS,
                POLLY_TEXT_LENGTH,
                "{used} characters of SSML: Amazon Polly's SynthesizeSpeech takes at most "
                "{limit}, tags included",
            ),
        ),
        "google": (
            SizeLimit(
                "bytes",
                GOOGLE_MAX_SSML_BYTES,
                GOOGLE_SSML_BYTES,
                "{used} bytes of SSML: Google Cloud Text-to-Speech takes at most {limit} "
                "bytes per request, markup included",
            ),
        ),
        "azure": (
            SizeLimit(
                "bytes",
                AZURE_MAX_SSML_BYTES,
                AZURE_SSML_SIZE,
                "{used} bytes of SSML: Azure takes at most {limit} bytes (64 KB) per request",
            ),
        ),
    }
)


#: The targets whose platform bills and limits a request (every target but ``w3c``).
BILLING_TARGETS: tuple[Target, ...] = tuple(t for t in TARGETS if t in SIZE_LIMITS)


def size_usage(target: Target, ssml: str, root: Any = None) -> list[tuple[SizeLimit, int]]:
    """Each size limit of ``target`` with what ``ssml`` uses of it (``root``: its parsed root).

    >>> [(size.what, used, size.limit) for size, used in size_usage("polly", "<speak>Hi</speak>")]
    [('billed characters', 2, 3000), ('characters', 17, 6000)]
    """
    used: list[tuple[SizeLimit, int]] = []
    for size in SIZE_LIMITS.get(target, ()):
        if size.what == "billed characters":
            count = len(spoken_text(ssml if root is None else root))
        elif size.what == "characters":
            count = len(ssml)
        else:
            count = len(ssml.encode())
        used.append((size, count))
    return used


def _walk(members: Mapping[str, Any], pointer: str) -> Iterator[tuple[str, str, Any]]:
    """(kind, pointer, value) of every member below ``members``, in document order."""
    for name, value in members.items():
        at = f"{pointer}/{name}"
        kind = name.rstrip("0123456789")
        yield kind, at, value
        if type(value) is dict and kind in ("prosody", "express-as"):
            yield from _walk(value, at)


def _voice_problems(tree: Mapping[str, Any], pointer: str, voice: str) -> list[Problem]:
    problems: list[Problem] = []
    styles = AZURE_VOICE_STYLES.get(voice)
    hd = is_hd_voice(voice)
    for kind, at, value in _walk(tree, pointer):
        if hd and kind in HD_UNSUPPORTED:
            problems.append(
                AZURE_HD_VOICE.problem(
                    at,
                    f"{kind} is not supported by the HD voice {voice!r}: it is not "
                    "spoken as written",
                )
            )
        elif kind == "express-as" and styles is not None:
            style = str(value.get("style", ""))
            if style.lower() not in styles:
                has = ", ".join(sorted(styles)) or "no styles"
                problems.append(
                    AZURE_VOICE_STYLE.problem(
                        f"{at}/style",
                        f"voice {voice!r} has no style {style!r} (it has {has}): Azure "
                        "ignores the express-as and speaks in the normal voice",
                    )
                )
    return problems


def check_limits(
    target: Target,
    ssml: str,
    root: Any,
    tree: Mapping[str, Any],
    pointer: str,
    voice: str | None,
) -> list[Problem]:
    """The platform limits ``ssml`` (the rendering of ``tree`` at ``pointer``) breaks.

    ``root`` is the rendering's root element, so the text is not parsed again.

    ``voice`` is the voice name the caller gave (``None`` when the voice came from a
    default table: the Voice API picks its own voice then).
    """
    problems = [
        size.rule.problem(
            pointer,
            size.says.format(used=used, limit=size.limit),
            "split the prompt into several plays",
        )
        for size, used in size_usage(target, ssml, root)
        if used > size.limit
    ]
    if target == "azure" and voice is not None:
        problems.extend(_voice_problems(tree, pointer, voice))
    return problems
