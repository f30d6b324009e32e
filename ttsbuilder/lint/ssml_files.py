"""The loader of SSML prompt files: a ``<speak>`` document → the tree it holds, positioned.

The file is read by the same reader as :func:`~ttsbuilder.ssml.parse_ssml` (no
entities, no DTD, no network, bounded size and depth). What stops it becomes a problem
at its line and column: TTS510 (cannot be read), TTS511 (a tree cannot hold it), and
for Azure-dialect files TTS512 (Microsoft's schema). The tree is left for the linter to
validate: every member's pointer maps to the element, attribute or text it came from.

>>> source = load_ssml(b'<speak>\\n  <break time="2 s"/>\\n</speak>')
>>> [(p.code, p.line, p.column) for p in source.problems]
[('TTS511', 2, 3)]
>>> source = load_ssml(b'<speak>Hi\\n<say-as interpret-as="dates">1</say-as></speak>')
>>> source.document, source.locate("/say-as/interpret-as")
({'text': 'Hi\\n', 'say-as': {'interpret-as': 'dates', 'text': '1'}}, (2, 9))
"""

from __future__ import annotations

import functools

from lxml import etree

from ttsbuilder.codec import encode_tree
from ttsbuilder.errors import SSMLError
from ttsbuilder.lint.loaders import Source
from ttsbuilder.lint.positions import CONTAINER, Member, Token
from ttsbuilder.problems import Problem
from ttsbuilder.rules.source import EMPTY_FILE
from ttsbuilder.rules.ssml_files import AZURE_SCHEMA, SSML_NOT_A_TREE, SSML_SYNTAX_ERROR
from ttsbuilder.ssml.names import Target
from ttsbuilder.ssml.parse import Reading, SSMLRefusal, Whitespace, read_document, read_tree
from ttsbuilder.ssml.schema import azure_errors, is_azure
from ttsbuilder.ssml.spans import Spans, first_tag

__all__ = ["load_ssml", "speaks"]

#: The tree key an attribute is read into, where the two names differ.
_KEYS = {("break", "time"): "value"}
_BLANK = b" \t\r\n\xef\xbb\xbf"


def speaks(data: bytes) -> bool:
    """Whether ``data`` is an XML document whose root element is ``speak``.

    A directory walk lints only these: an ``.xml`` file with another root (a ``pom.xml``)
    holds no prompt.

    >>> speaks(b'<?xml version="1.0"?>\\n<speak version="1.0">Hi</speak>'), speaks(b"<project/>")
    (True, False)
    """
    return first_tag(_decoded(data[: 1 << 16], None)) == "speak"


def _decoded(data: bytes, encoding: str | None) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"  # lxml's docinfo names UTF-8 for a UTF-16 file with a BOM
    try:
        return data.decode(encoding or "utf-8", "replace")
    except LookupError:  # an encoding lxml knows by a name Python does not
        return data.decode("utf-8", "replace")


def _message(exc: SSMLError) -> str:
    return str(exc).removeprefix(f"line {exc.line}: ") if exc.line is not None else str(exc)


def _unreadable(data: bytes, exc: SSMLError) -> Source:
    # libxml2 counts the column in characters, as lint does.
    problem = SSML_SYNTAX_ERROR.problem("", _message(exc)).at(exc.line or 1, exc.column or 1)
    return Source("ssml", _decoded(data, None), problems=[problem])


def _member(pointer: str, place: tuple[int, int]) -> Member:
    name = pointer.rpartition("/")[2] or None
    return Member(pointer, name, None, Token(0, 0, *place), CONTAINER)


def _members(reading: Reading, spans: Spans, root: etree._Element) -> list[Member]:
    """Every member of the tree at the element, attribute or text it was read from."""
    members = [_member("", spans.element(root))]
    for pointer, (element, how) in reading.places.items():
        if how == "text":
            members.append(_member(pointer, spans.text(element)))
            continue
        if how == "tail":
            members.append(_member(pointer, spans.tail(element)))
            continue
        members.append(_member(pointer, spans.element(element)))
        name = etree.QName(element).localname
        for attribute in element.attrib:
            key = _KEYS.get((name, str(attribute)), str(attribute))
            members.append(_member(f"{pointer}/{key}", spans.attribute(element, str(attribute))))
        if name == "say-as":
            members.append(_member(f"{pointer}/text", spans.text(element)))
    return members


def load_ssml(data: bytes, *, whitespace: Whitespace = "keep", target: Target = "azure") -> Source:
    """Load an SSML file's bytes (in the encoding its XML declaration names).

    ``whitespace`` and ``target`` (the dialect the file is written in) as
    :func:`~ttsbuilder.ssml.parse_ssml` takes them; Microsoft's schema judges the
    ``azure`` dialect only. Never raises: every refusal is a problem with a line and
    column.

    >>> load_ssml(b'<speak><prosody rate="130%">Hi</prosody></speak>', target="polly").document
    {'prosody': {'rate': '+30%', 'text': 'Hi'}}
    """
    if not data.strip(_BLANK):
        problem = EMPTY_FILE.problem("", "the file is empty: there is no prompt in it")
        return Source("ssml", "", problems=[problem.at(1, 1)])
    try:
        root = read_document(data)
    except SSMLError as exc:
        return _unreadable(data, exc)
    text = _decoded(data, root.getroottree().docinfo.encoding)
    text = text.removeprefix("\ufeff")

    @functools.cache
    def spans() -> Spans:  # only a file with problems needs their positions
        return Spans(text, root)

    problems: list[Problem] = []
    if target == "azure" and is_azure(root):
        for element, attribute, message in azure_errors(root):
            place = spans().attribute(element, attribute) if attribute else spans().element(element)
            problems.append(AZURE_SCHEMA.problem("", message).at(*place))
    try:
        reading = read_tree(root, whitespace=whitespace, target=target)
    except SSMLRefusal as exc:
        problem = SSML_NOT_A_TREE.problem("", _message(exc))
        problems.append(problem.at(*spans().element(exc.element)))
        return Source("ssml", text, problems=problems)
    document = encode_tree(reading.tree)
    return Source(
        "ssml",
        text,
        document,
        problems,
        _scan=lambda: (_members(reading, spans(), root), frozenset()),
    )
